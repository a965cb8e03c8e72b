"""What the readers hand on, measured on real notes: junk node ids, cut definitions, time.

``python -m benchmarks.readers [--json] [--sets NAME ...] [--no-build]``

For each set of notes (the seeds, the d2l corpus, the Anki/CrowdAnki decks and the PDF,
dev2's notes, the bundled sample ``data/``), a full build without cache, then:

- **junk ids**: node ids holding a table separator (``|``), a code token (a call or
  attribute such as ``tf.multiply(``, ``w**2``, ``=``, braces, backticks, snake_case),
  an HTML entity (``&amp;`` or a bare ``amp``/``nbsp``), or an unbalanced parenthesis;
- **cut definitions**: node definitions that end inside a sentence: their last word a
  function word ("... each followed by an"), or a trailing comma; definitions that end
  with "…" (the sentence goes on in a formula or was too long) are counted apart;
- **reading time**: :func:`extraction.readers.read_paths` alone (no NLP), best of 3.

Machines are shared and noisy: reading times are for comparing two runs of this script
side by side (before/after a change), never for asserting. Run it from the repository
root; sets whose folder is missing are skipped with a note.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

#: name -> paths read and built together
SETS: dict[str, tuple[Path, ...]] = {
    "seeds": (SHARED / "seeds",),
    "d2l": (SHARED / "corpora" / "d2l",),
    "decks": (SHARED / "corpora" / "flashcards", SHARED / "corpora" / "pdf"),
    "dev2": (SHARED / "eval" / "dev2" / "notes",),
    "data": (ROOT / "data",),
}

#: Words that never end a finished sentence.
FUNCTION_WORDS = frozenset(
    """
    a an the of to in on at by for with from into onto as than and or nor but that which
    who whom whose is are was were be been being has have had this these those its their
    our your his her such very each every either neither both via per if when while
    because although whereas so
    """.split()
)

JUNK_KINDS: dict[str, re.Pattern[str]] = {
    "table": re.compile(r"\|"),
    "code": re.compile(
        r"[A-Za-z_]\w+\.[A-Za-z_]\w+\(|\w\(\)|\(\s*-?\d|[{};=`\\]|\*\*|\w_\w|->|::"
        r"|\b(?:tf|np|torch|nn|plt|pd|npx|jnp)\.\w"
    ),
    "entity": re.compile(
        r"&#?\w+;|\b[A-Za-z]{2,8};(?=\S|$)|\b(?:amp|nbsp|quot|rarr|larr|ndash|mdash)\b"
    ),
}


def unbalanced(text: str) -> bool:
    """True when brackets do not pair up.

    >>> unbalanced("true positives (TP"), unbalanced("x (y) [z]"), unbalanced("a) b (")
    (True, False, True)
    """
    for open_, close in ("()", "[]"):
        depth = 0
        for char in text:
            if char == open_:
                depth += 1
            elif char == close:
                depth -= 1
                if depth < 0:
                    return True
        if depth:
            return True
    return False


def junk_kinds(node_id: str) -> list[str]:
    """The kinds of junk a node id holds.

    >>> junk_kinds("classifier | precision"), junk_kinds("tf.multiply(-10.0"), junk_kinds("amp")
    (['table'], ['code', 'parenthesis'], ['entity'])
    """
    kinds = [name for name, pattern in JUNK_KINDS.items() if pattern.search(node_id)]
    if unbalanced(node_id):
        kinds.append("parenthesis")
    return kinds


def is_cut(definition: str) -> bool:
    """A definition that stops inside a sentence.

    >>> is_cut("each followed by an"), is_cut("an activation function,"), is_cut("A gate.")
    (True, True, False)
    """
    text = definition.strip()
    if not text:
        return False
    if text.endswith((",", "(", "-", "–")):
        return True
    words = re.findall(r"[A-Za-z']+", text[-40:])
    return bool(words) and words[-1].lower() in FUNCTION_WORDS and text[-1].isalpha()


def best_of(runs: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(name: str, paths: Iterable[Path], *, build: bool, examples: int) -> dict:
    from extraction.readers import read_paths

    paths = [p for p in paths if p.exists()]
    results = read_paths(paths)
    report: dict = {
        "set": name,
        "files": len(results),
        "cards": sum(len(r.cards) for r in results),
        "errors": sum(1 for r in results if r.source.errors),
        "read_s": round(best_of(3, lambda: read_paths(paths)), 3),
    }
    if not build:
        return report
    from graph.build import build_graph

    G = build_graph(results)
    junk: dict[str, list[str]] = {}
    for node in G.nodes:
        for kind in junk_kinds(node):
            junk.setdefault(kind, []).append(node)
    definitions = [(node, data.get("definition", "")) for node, data in G.nodes(data=True)]
    defined = [(n, d) for n, d in definitions if d]
    cut = [(n, d) for n, d in defined if is_cut(d)]
    elided = [n for n, d in defined if d.rstrip().endswith("…")]
    report.update(
        {
            "nodes": G.number_of_nodes(),
            "edges": G.number_of_edges(),
            "junk_ids": len({n for nodes in junk.values() for n in nodes}),
            "junk_by_kind": {k: len(v) for k, v in sorted(junk.items())},
            "junk_examples": {k: sorted(v)[:examples] for k, v in sorted(junk.items())},
            "definitions": len(defined),
            "cut_definitions": len(cut),
            "elided_definitions": len(elided),
            "cut_examples": [f"{n}: …{d[-60:]}" for n, d in cut[:examples]],
        }
    )
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.readers", description=__doc__)
    parser.add_argument("--sets", nargs="*", default=list(SETS), choices=list(SETS))
    parser.add_argument("--no-build", action="store_true", help="reading time only")
    parser.add_argument("--examples", type=int, default=8, help="examples shown per kind")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    reports = []
    for name in args.sets:
        if not any(p.exists() for p in SETS[name]):
            print(f"skipped {name}: {SETS[name][0]} is missing", file=sys.stderr)
            continue
        report = measure(name, SETS[name], build=not args.no_build, examples=args.examples)
        reports.append(report)
        if not args.json:
            line = (
                f"{name:6} files {report['files']:4}  cards {report['cards']:5}"
                f"  read {report['read_s']:.3f} s"
            )
            if "nodes" in report:
                line += (
                    f"  nodes {report['nodes']:5}  junk ids {report['junk_ids']:3}"
                    f" {report['junk_by_kind']}  cut definitions"
                    f" {report['cut_definitions']}/{report['definitions']}"
                    f" (elided with '…': {report['elided_definitions']})"
                )
            print(line, flush=True)
            for kind, nodes in report.get("junk_examples", {}).items():
                print(f"    {kind}: {nodes}")
            for example in report.get("cut_examples", []):
                print(f"    cut: {example}")
    if args.json:
        print(json.dumps(reports, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
