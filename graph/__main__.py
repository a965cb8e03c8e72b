"""Command line: ``python -m graph build|cards ...``.

Human output by default, ``--json`` for machines; errors go to stderr and a failed
command exits non-zero. A build goes on past files it cannot read: each gets a
one-line ``warning: <file>: <reason>`` and the graph is written from the rest
(exit 0); when no file at all can be read, nothing is written (exit 1).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict

from extraction.limits import MAX_FILE_BYTES as DEFAULT_MAX_BYTES
from graph.counts import edge_counts
from graph.io import check_replaceable, is_graph_file, write_graph

#: Modules that add subcommands: each has ``add_cli(subparsers)``, and every parser it
#: adds sets ``func`` (``parser.set_defaults(func=handler)``; ``handler(args) -> int``).
#: Importing them must stay cheap: a query never loads spaCy, wordfreq, the readers or
#: the NLP stages (``tests/graph/test_cli_start.py``), so what only ``build`` and
#: ``cards`` need is imported when they run.
COMMAND_MODULES: tuple[str, ...] = ("graph.query", "graph.export", "graph.explain")


def read_file(*args, **kwargs):
    """:func:`extraction.readers.read_file`, imported when a file is read."""
    from extraction.readers import read_file as read

    return read(*args, **kwargs)


def _max_bytes(value: str) -> int:
    try:
        megabytes = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of megabytes: {value!r}") from None
    if megabytes <= 0:
        raise argparse.ArgumentTypeError("the size limit must be positive")
    return int(megabytes * 1024 * 1024)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m graph", description="Concept Atlas: course notes -> concept map."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="read notes and write the concept graph (JSON)")
    build.add_argument("notes", nargs="+", help="note files or folders, any supported format")
    build.add_argument("--out", required=True, help="where to write the graph JSON")
    build.add_argument(
        "--max-size",
        type=_max_bytes,
        default=DEFAULT_MAX_BYTES,
        metavar="MB",
        help=f"skip files larger than this (default {DEFAULT_MAX_BYTES // 2**20} MB)",
    )
    build.add_argument(
        "--cache",
        metavar="DIR",
        default=None,
        help="reuse the parses of unchanged files from DIR "
        "(default: $CONCEPT_ATLAS_CACHE or the user cache folder)",
    )
    build.add_argument("--no-cache", action="store_true", help="parse every file again")
    build.add_argument("--json", action="store_true", help="print a JSON summary")

    cards = sub.add_parser("cards", help="show how a file is read: its format and cards")
    cards.add_argument("file", help="one note file")
    cards.add_argument("--max-size", type=_max_bytes, default=DEFAULT_MAX_BYTES, metavar="MB")
    cards.add_argument("--json", action="store_true", help="print the cards as JSON")
    build.set_defaults(func=_build)
    cards.set_defaults(func=_cards)
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_cli(sub)
    return parser


def _build(args: argparse.Namespace) -> int:
    from extraction.cache import default_cache_dir
    from extraction.readers import read_paths
    from graph.build import build_cached

    try:  # before the build: a file in the way is refused at once
        check_replaceable(args.out, owned=is_graph_file, what="graph file")
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    results = read_paths(args.notes, max_bytes=args.max_size)
    for result in results:
        for error in result.source.errors:
            print(f"warning: {result.source.path}: {error}", file=sys.stderr)
    if not results:
        print("error: no note files found in " + " ".join(args.notes), file=sys.stderr)
        return 1
    if not any(result.ok for result in results):
        print("error: none of the files could be read; no graph written", file=sys.stderr)
        return 1
    cache_dir = None if args.no_cache else (args.cache or default_cache_dir())
    G = build_cached(results, cache_dir=cache_dir)
    try:
        write_graph(G, args.out)
    except OSError as exc:  # WriteRefused included: it names the file and the reason
        print(f"error: {exc}", file=sys.stderr)
        return 1
    read_ok = sum(1 for r in results if r.ok)
    counts = edge_counts(G)
    summary = {
        "out": args.out,
        "files": len(results),
        "files_read": read_ok,
        "cards": sum(len(r.cards) for r in results),
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "relations_by_kind": {
            "typed": counts.typed,
            "prerequisites": counts.prerequisites,
            "weak": counts.weak,
        },
        "errors": [
            {"path": r.source.path, "errors": r.source.errors} for r in results if r.source.errors
        ],
    }
    if args.json:
        print(json.dumps(summary, indent=1))
    else:
        for result in results:
            s = result.source
            mark = "ok " if not s.errors else "ERR"
            print(f"{mark} {s.path}  {s.format or '-'}  {s.cards} cards")
        concepts = f"{summary['nodes']} concept{'' if summary['nodes'] == 1 else 's'}"
        cards = f"{summary['cards']} card{'' if summary['cards'] == 1 else 's'}"
        print(
            f"wrote {args.out}: {concepts}, {counts.describe()}, "
            f"from {cards} in {read_ok} of {len(results)} files"
        )
    return 0


def _cards(args: argparse.Namespace) -> int:
    """Print how a file is read: each card's kind of title, title, body (list items
    marked by depth), emphasis and tables; ``--json`` gives the records whole."""
    result = read_file(args.file, max_bytes=args.max_size)
    source = result.source
    if source.errors:
        for error in source.errors:
            print(f"error: {args.file}: {error}", file=sys.stderr)
        return 1
    if args.json:
        payload = {"source": asdict(source), "cards": [asdict(card) for card in result.cards]}
        print(json.dumps(payload, ensure_ascii=False, indent=1))
        return 0
    print(f"{source.path}: {source.format}, {source.cards} cards")
    for card in result.cards:
        where = f"lines {card.lines[0]}-{card.lines[1]}"
        section = f"  [{' › '.join(card.section)}]" if card.section else ""
        print(f"\n#{card.id.rsplit('#', 1)[1]}  {where}{section}")
        print(f"  {card.title_kind}: {card.title}" if card.title else "  (no title)")
        depth = {item.start: item.depth for item in card.items}
        offset = 0
        for i, line in enumerate(card.body.split("\n") if card.body else ["(empty)"]):
            mark = "  " * depth[offset] + "• " if offset in depth else ""
            print(f"  {'A: ' if i == 0 else '   '}{mark}{line}")
            offset += len(line) + 1
        for part in ("title", "body"):
            if runs := card.emphasised(part):
                print(f"  emphasis ({part}): " + ", ".join(runs))
        for table in card.tables:
            print(f"  table ({len(table.rows)} rows): " + " | ".join(table.header))
            for row, line in zip(table.rows, table.row_lines, strict=False):
                print(f"     {line}: " + " | ".join(row))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # e.g. `| head`
        return 0


if __name__ == "__main__":
    sys.exit(main())
