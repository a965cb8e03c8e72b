"""Command line: ``python -m graph build|cards ...``.

Human output by default, ``--json`` for machines; errors go to stderr and a failed
command exits non-zero. A build goes on past files it cannot read: each gets a
one-line ``warning: <file>: <reason>`` and the graph is written from the rest
(exit 0); when no file at all can be read, nothing is written (exit 1).

Text from the notes, their file names, a graph file or the arguments reaches the
terminal only through :mod:`graph.terminal` (controls, bidi characters, line separators
and undecodable bytes shown escaped, one record per line), log records included; an
exception no command expected is one ``error:`` line (``CONCEPT_ATLAS_DEBUG=1`` adds the
traceback), and odd arguments (``--max-size inf``) one argparse error (exit 2).
"""

from __future__ import annotations

import argparse
import importlib
import math
import os
import signal
import sys
import threading
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from typing import NoReturn

from extraction.limits import MAX_FILE_BYTES as DEFAULT_MAX_BYTES
from graph.counts import edge_counts
from graph.io import check_replaceable, is_graph_file, write_graph
from graph.terminal import (
    DEBUG_VARIABLE,
    ProgressLine,
    echo,
    echo_json,
    for_terminal,
    terminal_logging,
    tolerant_streams,
    write_error,
)

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


#: The largest ``--max-size``, in megabytes: the limit is there to bound the memory a
#: file may take (a file is read whole), so it cannot be lifted.
MAX_SIZE_CAP_MB = 2048


def _max_bytes(value: str) -> int:
    """``--max-size MB`` in bytes: a finite number of megabytes, at least one byte and
    at most :data:`MAX_SIZE_CAP_MB` (``inf``, ``nan`` and ``1e400`` are refused).

    >>> _max_bytes("0.5")
    524288
    >>> _max_bytes("inf")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: the size limit must be a finite number of megabytes, not 'inf'
    """
    try:
        megabytes = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of megabytes: {value!r}") from None
    if not math.isfinite(megabytes):
        raise argparse.ArgumentTypeError(
            f"the size limit must be a finite number of megabytes, not {value!r}"
        )
    if megabytes > MAX_SIZE_CAP_MB:
        raise argparse.ArgumentTypeError(
            f"the size limit is at most {MAX_SIZE_CAP_MB} MB (a file is read whole), not {value!r}"
        )
    size = int(megabytes * 1024 * 1024)
    if size < 1:
        raise argparse.ArgumentTypeError(f"the size limit must be positive, not {value!r}")
    return size


class _Parser(argparse.ArgumentParser):
    """An argument parser whose messages (which echo the arguments) are escaped for the
    terminal and kept on one line."""

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            message = for_terminal(message.rstrip("\n")) + "\n"
        super().exit(status, message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
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


@contextmanager
def _interrupt_stops(stop: threading.Event, what: str) -> Iterator[None]:
    """Within the block, a first Ctrl-C sets ``stop`` (the work ends at its next check
    and keeps what it did) and a second one interrupts as usual."""

    def handler(signum: int, frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        echo(f"stopping {what}: what was read is kept (Ctrl-C again to quit)", file=sys.stderr)

    try:
        previous = signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main thread: Ctrl-C keeps its usual meaning
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _build(args: argparse.Namespace) -> int:
    from extraction.cache import default_cache_dir
    from extraction.nlp import Progress
    from extraction.readers import ReadProgress, read_paths
    from graph.build import BUILD_STAGES, build_cached, within_build_limit

    try:  # before the build: a file in the way is refused at once
        check_replaceable(args.out, owned=is_graph_file, what="graph file")
    except OSError as exc:
        echo(f"error: {write_error(args.out, exc)}", file=sys.stderr)
        return 1
    show = ProgressLine()

    def reading(p: ReadProgress) -> None:
        if p.walking:
            show(f"looking for notes: {p.found:,} files found")
        elif p.current:
            show(f"reading {p.done + 1:,} of {p.found:,}: {p.current}")

    stop = threading.Event()
    with _interrupt_stops(stop, "reading"):
        results = read_paths(args.notes, max_bytes=args.max_size, progress=reading, cancel=stop)
    show.done()
    results = within_build_limit(results)  # what a build past its words leaves out: said below
    for result in results:
        for error in result.source.errors:
            echo(f"warning: {result.source.path}: {error}", file=sys.stderr)
        for warning in result.source.warnings:
            echo(f"warning: {result.source.path}: {warning}", file=sys.stderr)
    if not results:
        echo("error: no note files found in " + " ".join(args.notes), file=sys.stderr)
        return 1
    if not any(result.ok for result in results):
        echo("error: none of the files could be read; no graph written", file=sys.stderr)
        return 1
    cache_dir = None if args.no_cache else (args.cache or default_cache_dir())
    show = ProgressLine()

    def building(p: Progress) -> None:
        if p.stage == "parse":
            show(f"reading the notes: {p.done:,} of {p.total:,} passages parsed")
        elif p.stage != "done":
            show(f"finding {BUILD_STAGES.get(p.stage, p.stage)}…")

    G = build_cached(
        results,
        cache_dir=cache_dir,
        warn=lambda message: echo(f"warning: {message}", file=sys.stderr),
        progress=building,
    )
    show.done()
    try:
        write_graph(G, args.out)
    except (OSError, UnicodeError) as exc:  # WriteRefused included: it names the file
        echo(f"error: {write_error(args.out, exc)}", file=sys.stderr)
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
        "warnings": [
            {"path": r.source.path, "warnings": r.source.warnings}
            for r in results
            if r.source.warnings
        ],
    }
    if args.json:
        echo_json(summary, indent=1)
    else:
        for result in results:
            s = result.source
            mark = "ok " if not s.errors else "ERR"
            echo(f"{mark} {s.path}  {s.format or '-'}  {s.cards} cards")
        concepts = f"{summary['nodes']} concept{'' if summary['nodes'] == 1 else 's'}"
        cards = f"{summary['cards']} card{'' if summary['cards'] == 1 else 's'}"
        echo(
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
            echo(f"error: {args.file}: {error}", file=sys.stderr)
        return 1
    for warning in source.warnings:
        echo(f"warning: {args.file}: {warning}", file=sys.stderr)
    if args.json:
        payload = {"source": asdict(source), "cards": [asdict(card) for card in result.cards]}
        echo_json(payload, indent=1)
        return 0
    echo(f"{source.path}: {source.format}, {source.cards} cards")
    for card in result.cards:
        where = f"lines {card.lines[0]}-{card.lines[1]}"
        section = f"  [{' › '.join(card.section)}]" if card.section else ""
        echo()
        echo(f"#{card.id.rsplit('#', 1)[1]}  {where}{section}")
        echo(f"  {card.title_kind}: {card.title}" if card.title else "  (no title)")
        depth = {item.start: item.depth for item in card.items}
        offset = 0
        for i, line in enumerate(card.body.split("\n") if card.body else ["(empty)"]):
            mark = "  " * depth[offset] + "• " if offset in depth else ""
            echo(f"  {'A: ' if i == 0 else '   '}{mark}{line}")
            offset += len(line) + 1
        for part in ("title", "body"):
            if runs := card.emphasised(part):
                echo(f"  emphasis ({part}): " + ", ".join(runs))
        for table in card.tables:
            echo(f"  table ({len(table.rows)} rows): " + " | ".join(table.header))
            for row, line in zip(table.rows, table.row_lines, strict=False):
                echo(f"     {line}: " + " | ".join(row))
    return 0


def _unexpected(exc: BaseException, debug: bool) -> None:
    """Report an exception no command expected: one ``error:`` line with its type and
    escaped message (its text may come from the notes); the traceback, escaped, only
    when ``CONCEPT_ATLAS_DEBUG`` is set."""
    if debug:
        text = "".join(traceback.format_exception(exc))
        sys.stderr.write(for_terminal(text, lines=True))
    hint = "" if debug else f" (set {DEBUG_VARIABLE}=1 to see where)"
    echo(f"error: {type(exc).__name__}: {exc}{hint}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``python -m graph ARGV``; the exit status (2 for bad arguments).

    Whatever a command prints goes through :mod:`graph.terminal`, its log records too,
    and an exception it did not expect is one ``error:`` line (exit status 1).
    """
    tolerant_streams()
    debug = os.environ.get(DEBUG_VARIABLE, "") not in {"", "0"}
    with terminal_logging(debug=debug):
        args = _parser().parse_args(argv)
        try:
            return args.func(args)
        except BrokenPipeError:  # e.g. `| head`
            return 0
        except KeyboardInterrupt:
            echo("error: interrupted", file=sys.stderr)
            return 130
        except Exception as exc:
            _unexpected(exc, debug)
            return 1


if __name__ == "__main__":
    sys.exit(main())
