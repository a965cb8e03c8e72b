"""Export a concept graph, a view of it or a learning path to other tools.

One module per format behind one registry (:data:`EXPORTERS`), as the note readers
are; a module is imported when its format is first used, so that ``python -m graph``
starts without Matplotlib, genanki or pyvis:

============  ======================  ===============================================
format        module                  output
============  ======================  ===============================================
``html``      :mod:`.page`            standalone map page with title and legend
``graphml``   :mod:`.graphml`         GraphML (yEd, Gephi, ``nx.read_graphml``)
``gexf``      :mod:`.gexf`            GEXF with colours and sizes (Gephi)
``json``      :mod:`.node_link`       concept-graph/1 (``graph.io.read_graph``)
``csv``       :mod:`.tables`          folder: ``nodes.csv`` and ``edges.csv``
``mermaid``   :mod:`.mermaid`         Mermaid flowchart (Markdown, GitHub, Obsidian)
``dot``       :mod:`.dot`             Graphviz DOT
``markdown``  :mod:`.guide`           study guide
``anki``      :mod:`.anki`            Anki deck (``.apkg``), one note per definition
``obsidian``  :mod:`.obsidian`        folder: one note per concept and an index
``png/svg``   :mod:`.picture`         a study picture drawn with Matplotlib
============  ======================  ===============================================

Each module has ``FORMATS`` (the formats it writes), ``SUFFIX``, ``FOLDER`` (whether it
writes a folder), ``is_own(path)`` (whether a file is one it wrote: only those are ever
replaced, see :func:`graph.io.replace_file`) and ``write(selection, path, fmt)``, which
writes a :class:`~graph.export.select.Selection` and returns a
:class:`~graph.export._base.Written`; and its own public functions (``write_anki``,
``to_dot``, ...), which this package also offers by name.

:func:`export` selects (:func:`graph.export.select.select`: the whole graph, the app's
view with filters, a focus and a cap, or a learning path) and writes; the
``python -m graph export`` command (:func:`add_cli`) calls it.

Notes are untrusted text, so every format quotes or escapes it for its own syntax, and
only where that syntax needs it: a definition can never add a link, a script, a node or
a file outside the export, and reads as the student wrote it. GraphML and GEXF hold
only scalar attributes: lists and dicts (``aliases``, ``evidence``, ``sources``, ...)
are stored as JSON strings and ``None`` as ``""``; :func:`json.loads` gives them back.

Examples
--------
>>> import tempfile, pathlib
>>> G = nx.MultiDiGraph(schema="concept-graph/1", model=None, sources=[])
>>> G.add_node("nmr", label="NMR", definition="A scan of nuclear spins.", importance=0.9)
>>> G.add_node("mri", label="MRI", definition="An NMR scan of tissue.", importance=0.7)
>>> _ = G.add_edge("nmr", "mri", relation="prerequisite_of", confidence=0.9, evidence=[])
>>> out = pathlib.Path(tempfile.mkdtemp()) / "path.md"
>>> written = export(G, "markdown", out, path_target="mri")
>>> sorted(written.graph), out.read_text(encoding="utf-8").splitlines()[0]
(['mri', 'nmr'], '# Learning path to MRI')
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import os
import sys
from collections.abc import Collection, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

import networkx as nx

from graph.export._base import Written
from graph.export.select import Selection, select, study_order, subgraph_for
from graph.io import GraphFileError, read_graph
from graph.query import RELATIONS, UnknownConceptError, at_least, confidence
from graph.terminal import echo, echo_json, write_error

#: Each export format and the module that writes it (imported on first use).
EXPORTERS: dict[str, str] = {
    "html": "graph.export.page",
    "graphml": "graph.export.graphml",
    "gexf": "graph.export.gexf",
    "json": "graph.export.node_link",
    "csv": "graph.export.tables",
    "mermaid": "graph.export.mermaid",
    "dot": "graph.export.dot",
    "markdown": "graph.export.guide",
    "anki": "graph.export.anki",
    "obsidian": "graph.export.obsidian",
    "png": "graph.export.picture",
    "svg": "graph.export.picture",
}
#: Every export format, as ``python -m graph export --format`` accepts them.
FORMATS: tuple[str, ...] = tuple(EXPORTERS)
#: Formats that write a folder at the output path (the others write one file).
FOLDER_FORMATS: tuple[str, ...] = ("csv", "obsidian")

#: Public names of the format modules, offered here too (``from graph.export import
#: write_anki``) and imported when first asked for.
_PUBLIC: dict[str, str] = {
    "HTML_MAX_NODES": "page",
    "write_html": "page",
    "write_graphml": "graphml",
    "write_gexf": "gexf",
    "write_json": "node_link",
    "write_csv": "tables",
    "to_mermaid": "mermaid",
    "to_dot": "dot",
    "to_markdown_guide": "guide",
    "write_anki": "anki",
    "INDEX_NOTE": "obsidian",
    "safe_file_name": "obsidian",
    "write_obsidian": "obsidian",
    "PICTURE_MAX_NODES": "picture",
    "write_picture": "picture",
}

__all__ = [
    "EXPORTERS",
    "FOLDER_FORMATS",
    "FORMATS",
    "Selection",
    "Written",
    "add_cli",
    "export",
    "exporter",
    "select",
    "study_order",
    "subgraph_for",
    *_PUBLIC,
]


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(importlib.import_module(f"graph.export.{_PUBLIC[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_PUBLIC})


def exporter(fmt: str) -> ModuleType:
    """The module that writes ``fmt`` (one of :data:`FORMATS`).

    >>> exporter("dot").FORMATS, exporter("svg").FOLDER
    (('dot',), False)
    """
    if fmt not in EXPORTERS:
        raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    return importlib.import_module(EXPORTERS[fmt])


def export(
    G: nx.MultiDiGraph,
    fmt: str,
    out: str | os.PathLike[str],
    *,
    focus: str | None = None,
    depth: int = 1,
    path_target: str | None = None,
    relations: Collection[str] | None = None,
    min_confidence: float = 0.0,
    show_weak: bool = True,
    max_concepts: int | None = None,
    cards: Mapping[str, Any] | None = None,
    colours: Mapping[str, str] | None = None,
) -> Written:
    """Export ``G``, a view of it or a learning path, as ``fmt`` at ``out``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A concept graph.
    fmt : str
        One of :data:`FORMATS`.
    out : path-like
        The file to write, or the folder for :data:`FOLDER_FORMATS`.
    focus, depth, path_target, relations, min_confidence, show_weak, max_concepts
        What to export (:func:`graph.export.select.select`): the same view as the app
        draws for the same settings. A learning path is also written in study order by
        the formats that have one (Markdown, Anki, Obsidian index, pictures). The map
        page and the pictures draw at most ``HTML_MAX_NODES`` and ``PICTURE_MAX_NODES``
        concepts and say so when they leave some out.
    cards : mapping of str to Card, optional
        The cards by id (the Anki deck cites a definition's card).
    colours : mapping of str to str, optional
        Topic colours (default :func:`graph.render.topic_colours` of ``G``): what the
        map page, the pictures, DOT and GEXF colour each topic, whatever part of ``G``
        they draw. Give the whole graph's when ``G`` is already a part of it.

    Returns
    -------
    Written
        What was written: the path, the graph exported, counts and remarks.

    Raises
    ------
    ValueError
        Unknown format, or bad selection (see :func:`graph.export.select.select`).
    graph.query.UnknownConceptError
        The focus or path target names no concept.
    graph.io.WriteRefused
        A file the tool did not write is in the way (nothing is written).
    OSError
        ``out`` cannot be written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("nmr", "mri", relation="prerequisite_of")
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "map.dot"
    >>> export(G, "dot", out).graph.number_of_nodes()
    2
    >>> export(G, "pdf", out)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: unknown export format 'pdf'; choose from html, graphml, gexf, ...
    """
    module = exporter(fmt)
    chosen = select(
        G,
        focus=focus,
        depth=depth,
        path_target=path_target,
        relations=relations,
        min_confidence=min_confidence,
        show_weak=show_weak,
        max_concepts=max_concepts,
        cards=cards,
        colours=colours,
    )
    return module.write(chosen, Path(out), fmt)


def add_cli(subparsers: argparse._SubParsersAction) -> None:
    """Add ``export`` to ``python -m graph``.

    ``python -m graph export --graph FILE --format FMT --out PATH [--focus CONCEPT
    --depth N | --path TARGET] [--relation R ...] [--min-confidence X] [--no-weak]
    [--max-concepts N] [--json]`` prints what it wrote, its numbers worded by
    :mod:`graph.counts` (a JSON object with ``--json``); errors go to stderr with exit
    status 1 (2 for bad arguments, such as an unknown format).
    """
    p = subparsers.add_parser("export", help="write the graph, a view of it or a path")
    p.add_argument("--graph", required=True, metavar="FILE", help="a graph JSON file")
    p.add_argument("--format", required=True, choices=FORMATS, dest="fmt", metavar="FMT")
    p.add_argument("--out", required=True, metavar="PATH", help="file (folder for csv/obsidian)")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--focus", metavar="CONCEPT", help="export around this concept only")
    which.add_argument(
        "--path", dest="path_target", metavar="TARGET", help="export the learning path to TARGET"
    )
    p.add_argument("--depth", type=at_least(0), default=1, metavar="N", help="radius of --focus")
    p.add_argument(
        "--relation",
        action="append",
        choices=RELATIONS,
        metavar="R",
        help="keep only these relations (repeat for several)",
    )
    p.add_argument("--min-confidence", type=confidence, default=0.0, metavar="X")
    p.add_argument("--no-weak", action="store_true", help="leave out weak links (related_to)")
    p.add_argument(
        "--max-concepts", type=at_least(1), metavar="N", help="the N most important concepts only"
    )
    p.add_argument("--json", action="store_true", help="print a JSON summary")
    p.set_defaults(func=_cli_export)


def _cli_export(args: argparse.Namespace) -> int:
    try:
        G = read_graph(args.graph)
        written = export(
            G,
            args.fmt,
            args.out,
            focus=args.focus,
            depth=args.depth,
            path_target=args.path_target,
            relations=args.relation,
            min_confidence=args.min_confidence,
            show_weak=not args.no_weak,
            max_concepts=args.max_concepts,
        )
    except (OSError, UnicodeError) as exc:  # WriteRefused included: it names the file
        echo(f"error: {write_error(args.out, exc)}", file=sys.stderr)
        return 1
    except (GraphFileError, UnknownConceptError, ValueError) as exc:
        echo(f"error: {exc}", file=sys.stderr)
        return 1
    if args.json:
        counts = written.relations
        summary = {
            "out": args.out,
            "format": args.fmt,
            "concepts": written.concepts,
            "concepts_selected": written.total,
            "relations": counts.total,
            "relations_by_kind": {
                "typed": counts.typed,
                "prerequisites": counts.prerequisites,
                "weak": counts.weak,
            },
            "items": written.items,
            "remarks": list(written.remarks),
        }
        echo_json(summary)
    else:
        # line by line: a path or a remark must not break a line of its own
        echo(dataclasses.replace(written, remarks=()).describe())
        for remark in written.remarks:
            echo(f"  {remark}")
    return 0
