"""How fast the command line starts: a warm rebuild and a query, against Python itself.

``python -m benchmarks.cli_start [--notes DIR] [--code REPO ...] [--runs N] [--json]``

Each command runs in a fresh interpreter (as a student runs it), best of ``--runs``,
interleaved with two references measured in the same run on the same machine: a bare
interpreter (``python -c pass``) and ``python -c "import spacy"`` (what every command
used to pay). The machines are shared and noisy, so what counts are the ratios:

- warm build / import spacy: ``python -m graph build NOTES --out G --cache C`` with the
  cache filled (the notes unchanged);
- path / import spacy: ``python -m graph path LSTM --graph G``.

``--code REPO`` (repeatable; default this checkout) runs the commands of a checkout, e.g.
``git archive main`` unpacked in a temporary folder beside this one, to compare before
and after in one session.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_NOTES = ROOT.parent / "shared" / "seeds"


def wall(argv: Sequence[str], cwd: Path) -> float:
    """Seconds that ``argv`` takes in a new process (it must succeed)."""
    start = time.perf_counter()
    subprocess.run(argv, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def measure(notes: Path, codes: Sequence[Path], runs: int) -> dict[str, dict[str, float]]:
    """Best wall times of each command of each checkout, measured interleaved."""
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="cli-start-") as tmp:
        commands: dict[tuple[str, str], tuple[list[str], Path]] = {}
        for i, code in enumerate(codes):
            graph, cache = Path(tmp) / f"g{i}.json", Path(tmp) / f"cache{i}"
            build = [python, "-m", "graph", "build", str(notes), "--out", str(graph)]
            build += ["--cache", str(cache)]
            wall(build, code)  # fill the cache
            commands[(str(code), "warm build")] = (build, code)
            path = [python, "-m", "graph", "path", "LSTM", "--graph", str(graph)]
            commands[(str(code), "path")] = (path, code)
        commands[("", "python")] = ([python, "-c", "pass"], ROOT)
        commands[("", "import spacy")] = ([python, "-c", "import spacy"], ROOT)
        best = dict.fromkeys(commands, float("inf"))
        for _ in range(runs):  # interleaved: noise falls on all of them alike
            for key, (argv, cwd) in commands.items():
                best[key] = min(best[key], wall(argv, cwd))
    spacy = best[("", "import spacy")]
    figures: dict[str, dict[str, float]] = {
        "reference": {"python": best[("", "python")], "import spacy": spacy}
    }
    for code in codes:
        build, path = best[(str(code), "warm build")], best[(str(code), "path")]
        figures[str(code)] = {
            "warm build": build,
            "path": path,
            "warm build / import spacy": build / spacy,
            "path / import spacy": path / spacy,
        }
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.cli_start")
    parser.add_argument("--notes", type=Path, default=DEFAULT_NOTES)
    parser.add_argument(
        "--code", type=Path, action="append", help="a checkout to run (repeat to compare)"
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.notes.is_dir():
        print(f"error: {args.notes} is not a folder of notes", file=sys.stderr)
        return 1
    codes = [code.resolve() for code in args.code or [ROOT]]
    figures = measure(args.notes.resolve(), codes, args.runs)
    if args.json:
        print(json.dumps(figures, indent=1))
        return 0
    print(f"notes: {args.notes}; each figure the best of {args.runs}, all interleaved")
    for group, values in figures.items():
        print(group)
        for name, value in values.items():
            unit = "" if "/" in name else " s"
            print(f"  {name:<28} {value:6.2f}{unit}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
