"""Whether two checkouts extract the same graphs from the same notes.

``python -m benchmarks.same_graphs build OUT [--code REPO] [--notes PATH ...] [--cache]``
builds, with ``REPO``'s command line (default: this checkout) and no cache, the bundled
``data/``, every file of ``../shared/seeds`` and ``../shared/eval/dev2/notes`` when they
are at hand, and three generated inputs that stress the cost paths (a CSV of 3,000
cards, a 60,000-character run of paragraphs, 600 wrapped lines; see
:mod:`benchmarks.hostile_cost`), one graph file each under ``OUT``. With ``--cache``,
each input is built with a new parse cache of its own, twice: once to fill it (every
parse made and stored), then, its finished graph's memo removed, again (every parse read
from it); the second graph is written, and an input whose two graphs differ fails.

``python -m benchmarks.same_graphs compare A B`` compares the graph files of two such
folders, ignoring what says which code or pipeline built them, and prints, per input,
``same`` or the first differences (exit status 1 when any differ).

For a change that must not change extraction (a performance change): build before,
build after, compare.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks import hostile_cost

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

#: Graph attributes that say which code built a file, not what it found.
IGNORED = ("model", "built", "built_at", "version", "code_version", "generator")


def default_notes(folder: Path) -> dict[str, Path]:
    """The inputs to build: ``data/``, the seeds and dev2's notes when present, and the
    generated stress inputs (written under ``folder``)."""
    notes: dict[str, Path] = {"data": ROOT / "data"}
    for group in (SHARED / "seeds", SHARED / "eval" / "dev2" / "notes"):
        if group.is_dir():
            for path in sorted(group.iterdir()):
                if path.is_file():
                    notes[path.stem] = path
    notes["cards-3000"] = hostile_cost.cards(folder, 3000)
    notes["paragraphs-60k"] = hostile_cost.paragraphs(folder, count=2, chars=30_000)
    notes["wrapped-600"] = hostile_cost.wrapped(folder, lines=600)
    return notes


def build(out: Path, code: Path, notes: dict[str, Path], caches: Path | None = None) -> list[str]:
    """Build each of ``notes`` into ``out/<name>.json`` with ``code``'s CLI (with
    ``caches``: with a new parse cache under it, filled by a first build and read by the
    second); the names whose build failed, or whose two builds differ."""
    out.mkdir(parents=True, exist_ok=True)
    if caches is not None:
        caches.mkdir(parents=True, exist_ok=True)
    failed = []
    for name, path in notes.items():
        target = out / f"{name}.json"
        argv = [sys.executable, "-m", "graph", "build", str(path), "--out"]
        if caches is None:
            done = subprocess.run(
                [*argv, str(target), "--no-cache"], cwd=code, capture_output=True, text=True
            )
            found: list[str] = []
        else:
            cache = caches / f"cache-{name}"
            filled = caches / f"{name}.json"
            argv_cache = ["--cache", str(cache)]
            done = subprocess.run(
                [*argv, str(filled), *argv_cache], cwd=code, capture_output=True, text=True
            )
            if done.returncode == 0:
                shutil.rmtree(cache / "graphs", ignore_errors=True)  # the memo, not the parses
                done = subprocess.run(
                    [*argv, str(target), *argv_cache], cwd=code, capture_output=True, text=True
                )
            found = (
                differences(normalised(filled), normalised(target)) if not done.returncode else []
            )
        ok = done.returncode == 0 and not found
        print(f"{name:40} {'ok' if ok else 'FAILED'}", flush=True)
        for line in found:
            print(f"    new cache != full cache {line}", flush=True)
        if not ok:
            failed.append(name)
            print(done.stderr[-2000:], file=sys.stderr)
    return failed


def normalised(path: Path) -> dict:
    """A graph file's JSON without the attributes in :data:`IGNORED`, and with the
    generated inputs' temporary folders left out of their paths."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in IGNORED:
        data.get("graph", {}).pop(key, None)
    for source in data.get("graph", {}).get("sources", []):
        if "same-graphs-" in source.get("path", ""):
            source["path"] = Path(source["path"]).name
    return data


def differences(a: object, b: object, where: str = "", limit: int = 5) -> list[str]:
    """Up to ``limit`` places where ``a`` and ``b`` differ, as ``path: a != b``."""
    if type(a) is not type(b):
        return [f"{where}: {str(a)[:80]} != {str(b)[:80]}"]
    out: list[str] = []
    if isinstance(a, dict):
        for key in list(dict.fromkeys([*a, *b])):
            if len(out) >= limit:
                break
            if key not in a or key not in b:
                out.append(f"{where}.{key}: only in {'B' if key not in a else 'A'}")
            else:
                out += differences(a[key], b[key], f"{where}.{key}", limit - len(out))
    elif isinstance(a, list):
        if len(a) != len(b):
            out.append(f"{where}: {len(a)} items != {len(b)} items")
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            if len(out) >= limit:
                break
            out += differences(x, y, f"{where}[{i}]", limit - len(out))
    elif a != b:
        out.append(f"{where}: {str(a)[:80]} != {str(b)[:80]}")
    return out[:limit]


def compare(a: Path, b: Path) -> int:
    """Print, for each graph file in ``a``, whether ``b``'s is the same; 1 if any is not."""
    status = 0
    for left in sorted(a.glob("*.json")):
        right = b / left.name
        if not right.exists():
            print(f"{left.stem:40} missing in {b}")
            status = 1
            continue
        found = differences(normalised(left), normalised(right))
        print(f"{left.stem:40} {'same' if not found else 'DIFFERENT'}")
        for line in found:
            print(f"    {line}")
        status |= bool(found)
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build every input into a folder of graph files")
    b.add_argument("out", type=Path)
    b.add_argument("--code", type=Path, default=ROOT, help="checkout whose CLI builds")
    b.add_argument("--notes", type=Path, nargs="+", help="inputs instead of the default set")
    b.add_argument(
        "--cache",
        action="store_true",
        help="build with a new parse cache per input, twice (filled, then read)",
    )
    c = sub.add_parser("compare", help="compare two folders of graph files")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = parser.parse_args(argv)
    if args.command == "compare":
        return compare(args.a, args.b)
    with tempfile.TemporaryDirectory(prefix="same-graphs-") as tmp:
        notes = (
            {p.stem: p.resolve() for p in args.notes} if args.notes else default_notes(Path(tmp))
        )
        caches = Path(tmp) / "caches" if args.cache else None
        return 1 if build(args.out.resolve(), args.code.resolve(), notes, caches) else 0


if __name__ == "__main__":
    raise SystemExit(main())
