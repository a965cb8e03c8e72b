"""What a build costs on inputs made to be expensive, against the bundled ``data/``.

``python -m benchmarks.hostile_cost [--inputs NAME ...] [--cards N ...] [--code REPO]
[--cache [--warm]] [--timeout S] [--json]``

Each input is generated into a temporary folder (nothing is read from outside this
checkout), then built in a fresh process exactly as a student would build it,
``python -m graph build NOTES --out G --no-cache`` (with ``--cache``: ``--cache C``, C a
new empty folder for each build, so every file is parsed and stored, as in the first
build of new notes; with ``--warm`` as well, each input is built once to fill its cache,
the finished graph's memo is removed, and the second build is measured: every parse is
read from the cache, as when the notes are built again by newer code or with one file
added); the wall time and the peak resident memory of that process
(``os.wait4``'s rusage: the largest of the process and the workers it waited for) and
its CPU seconds (user and system, the workers it waited for included: less moved by
other processes on a shared machine than the wall time) are printed, with their ratios
to the same measure of ``data/`` taken in the same run:

- ``paragraphs``: a Markdown file of thirty 99,000-character paragraphs (3 MB, each line
  under the 100,000-character limit);
- ``wrapped``: 4,000 hard-wrapped lines without a full stop (350 KB), one paragraph;
- ``cards-N``: a CSV of N ``term,definition`` rows with varied vocabulary (100,000 rows
  are 5 MB; the goal is at most 60 s and 1 GB);
- ``cycles``: a Markdown file whose cards state prerequisites that close many
  overlapping cycles.
- ``page`` (only when asked): a saved web page of prose around 100,000 comment openers
  that nothing closes, a 2 MB comment and a start tag of 200,000 attributes;
- ``long`` (only when asked): sixty such paragraphs (6 MB, about 760,000 words), past the
  build's limit of words (``extraction.limits.MAX_BUILD_WORDS``): the build reads the
  words before it, and its peak is the bound for any input.

Machines are shared and noisy: the numbers are for comparing runs side by side, never
for asserting. ``--code REPO`` builds with another checkout (e.g. the main branch) to
compare before and after in one session.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_ONSETS = "b c d f g h k l m n p r s t v z br cl dr fl gr pl st tr".split()
_VOWELS = "a e i o u ai ea io ou".split()
_CODAS = ["", "", "n", "r", "s", "l", "t", "x", "nd", "st"]
_GLUE = (
    "the a of to in is are that which for with by on as an from this each its "
    "uses gives makes holds measures between over under"
).split()


def vocabulary(size: int, seed: int = 0) -> list[str]:
    """``size`` distinct made-up words (two or three syllables), the same for a seed.

    >>> len(set(vocabulary(500))) == 500
    True
    """
    rng = random.Random(seed)
    words: dict[str, None] = {}
    while len(words) < size:
        word = "".join(
            rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
            for _ in range(rng.choice((2, 2, 3)))
        )
        words.setdefault(word)
    return list(words)


def _words(rng: random.Random, vocab: list[str], n: int) -> str:
    """``n`` words, made-up ones between glue words, as a sentence body."""
    return " ".join(
        rng.choice(vocab) if rng.random() < 0.6 else rng.choice(_GLUE) for _ in range(n)
    )


def paragraphs(folder: Path, count: int = 30, chars: int = 99_000) -> Path:
    """Markdown: ``count`` paragraphs of ``chars`` characters each, sentences with full
    stops, each paragraph on one line."""
    rng, vocab = random.Random(1), vocabulary(3000, seed=1)
    parts = ["# Long paragraphs", ""]
    for _ in range(count):
        text = ""
        while len(text) < chars:
            sentence = _words(rng, vocab, rng.randint(8, 25))
            text += sentence[0].upper() + sentence[1:] + ". "
        parts += [text[:chars].rstrip(), ""]
    path = folder / "paragraphs.md"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def wrapped(folder: Path, lines: int = 4000, width: int = 86) -> Path:
    """Markdown: one paragraph of ``lines`` hard-wrapped lines and no full stop."""
    rng, vocab = random.Random(2), vocabulary(3000, seed=2)
    out = ["# Wrapped lines", ""]
    for _ in range(lines):
        line = ""
        while len(line) < width:
            line += (rng.choice(vocab) if rng.random() < 0.6 else rng.choice(_GLUE)) + " "
        out.append(line.rstrip())
    path = folder / "wrapped.md"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def cards(folder: Path, rows: int) -> Path:
    """CSV: ``rows`` ``term,definition`` rows, terms of one or two made-up words."""
    rng, vocab = random.Random(3), vocabulary(20_000, seed=3)
    out = ["term,definition"]
    for _ in range(rows):
        term = " ".join(rng.choice(vocab) for _ in range(rng.choice((1, 2))))
        definition = f"a {_words(rng, vocab, rng.randint(4, 6))}"
        out.append(f"{term},{definition}")
    path = folder / f"cards-{rows}.csv"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def cycles(folder: Path, concepts: int = 400, links: int = 4) -> Path:
    """Markdown: ``concepts`` headed cards, each requiring ``links`` others (many of them
    later in the file), so that the prerequisites close many overlapping cycles."""
    rng, vocab = random.Random(4), vocabulary(concepts, seed=4)
    names = [f"{w} model" for w in vocab]
    out = []
    for i, name in enumerate(names):
        others = rng.sample(range(concepts), links)
        needs = ", ".join(names[j] for j in others if j != i)
        out += [
            f"## {name.capitalize()}",
            "",
            f"{name.capitalize()} is a method that builds on {needs}.",
            f"Understanding {name} requires {names[(i + 1) % concepts]} first.",
            "",
        ]
    path = folder / "cycles.md"
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def page(folder: Path, openers: int = 100_000, comment: int = 2_000_000) -> Path:
    """A saved web page of a few paragraphs of prose around markup made to be expensive:
    ``openers`` comment openers that nothing closes (``<!-- a >``), a comment of
    ``comment`` characters, and a start tag of 200,000 attributes."""
    rng, vocab = random.Random(5), vocabulary(500, seed=5)
    prose = [f"<p>{_words(rng, vocab, 20).capitalize()}.</p>" for _ in range(20)]
    parts = ["<h1>Expensive page</h1>", *prose[:10], "<!--", "a b " * (comment // 4), "-->"]
    parts += [*prose[10:], "<a b=c" + " d" * 200_000 + ">", "<!-- a >" * openers]
    path = folder / "page.html"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def _counts(graph_file: Path) -> tuple[int, int]:
    """The nodes and edges of a graph file, counted in another process: loading a large
    graph here would raise this process's memory, and Linux counts a parent's resident
    memory at fork in the ``ru_maxrss`` of the next child it starts."""
    script = (
        "import json, sys; g = json.load(open(sys.argv[1], encoding='utf-8')); "
        "print(len(g['nodes']), len(g.get('edges', g.get('links', []))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(graph_file)], capture_output=True, text=True
    )
    nodes, edges = done.stdout.split()
    return int(nodes), int(edges)


def measure(notes: Path, code: Path, out: Path, timeout: float, cache: Path | None = None) -> dict:
    """Build ``notes`` with ``code``'s CLI in a new process (with the parse cache in
    ``cache``, else without one): seconds, peak RSS in MB, CPU seconds, exit status, the
    number of nodes and edges (``None`` on failure)."""
    argv = [sys.executable, "-m", "graph", "build", str(notes), "--out", str(out)]
    argv += ["--cache", str(cache)] if cache is not None else ["--no-cache"]
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=code, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = start + timeout
    status, usage = 0, None
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            _, status, usage = os.wait4(proc.pid, 0)
            status = "timeout"
            break
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    proc.returncode = 0  # reaped above: keep Popen from waiting again
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    nodes = edges = None
    if status == 0 and out.exists():
        nodes, edges = _counts(out)
    elif status != "timeout":
        status = os.waitstatus_to_exitcode(status)
    return {
        "seconds": round(seconds, 1),
        "peak_mb": round(usage.ru_maxrss / 1024) if usage else None,
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 1) if usage else None,
        "status": status,
        "nodes": nodes,
        "edges": edges,
        "stderr": err.strip().splitlines()[-1:] if status else [],
        # the build reached its limit of words (extraction.limits.MAX_BUILD_WORDS)
        "cut": "MAX_BUILD_WORDS" in err,
    }


def inputs(folder: Path, names: list[str], rows: list[int]) -> dict[str, Path]:
    """The requested inputs, generated under ``folder`` (``data`` is the bundled one)."""
    makers: dict[str, Callable[[], Path]] = {
        "data": lambda: ROOT / "data",
        "paragraphs": lambda: paragraphs(folder),
        "wrapped": lambda: wrapped(folder),
        "cycles": lambda: cycles(folder),
        "long": lambda: paragraphs(folder, count=60),
        "page": lambda: page(folder),
    }
    out: dict[str, Path] = {"data": makers["data"]()}
    for name in names:
        if name == "cards":
            for n in rows:
                out[f"cards-{n}"] = cards(folder, n)
        elif name != "data":
            out[name] = makers[name]()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--inputs",
        nargs="+",
        default=["paragraphs", "wrapped", "cards", "cycles"],
        choices=["data", "paragraphs", "wrapped", "cards", "cycles", "long", "page"],
    )
    parser.add_argument("--cards", nargs="+", type=int, default=[100_000], metavar="N")
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout whose CLI builds")
    parser.add_argument(
        "--cache", action="store_true", help="build with a new, empty parse cache each time"
    )
    parser.add_argument(
        "--warm",
        action="store_true",
        help="with --cache: measure a second build, every parse read from the cache",
    )
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per build")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="hostile-cost-") as tmp:
        folder = Path(tmp)
        base = None
        for name, notes in inputs(folder, args.inputs, args.cards).items():
            size = sum(p.stat().st_size for p in ([notes] if notes.is_file() else notes.rglob("*")))
            cache = folder / f"cache-{name}" if args.cache or args.warm else None
            filled = None
            if cache is not None and args.warm:  # the first build fills the parse cache
                cold = measure(
                    notes, args.code.resolve(), folder / "cold.json", args.timeout, cache
                )
                filled = cold["seconds"]
                shutil.rmtree(cache / "graphs", ignore_errors=True)  # the memo, not the parses
            result = measure(
                notes, args.code.resolve(), folder / f"{name}.json", args.timeout, cache
            )
            result = {"input": name, "bytes": size, **result}
            if filled is not None:
                result["filled_in"] = filled
            base = base or result
            result["time_ratio"] = round(result["seconds"] / base["seconds"], 1)
            result["rss_ratio"] = (
                round(result["peak_mb"] / base["peak_mb"], 1) if result["peak_mb"] else None
            )
            rows.append(result)
            if not args.json:
                print(
                    f"{name:14} {size / 1e6:6.2f} MB  {result['seconds']:7.1f} s "
                    f"(x{result['time_ratio']:<5}) {result['peak_mb']:6} MB peak "
                    f"(x{result['rss_ratio']:<4}) {result['cpu_s']:7.1f} s CPU "
                    f"status={result['status']} "
                    f"nodes={result['nodes']} edges={result['edges']} {result['stderr']}"
                    + (" (cut at the build's limit of words)" if result["cut"] else "")
                    + (f" (cache filled in {filled} s)" if filled is not None else ""),
                    flush=True,
                )
    if args.json:
        print(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
