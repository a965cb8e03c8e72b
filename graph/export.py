"""Export a concept graph, a focus neighbourhood or a learning path to other tools.

One free function per format, in NetworkX style:

============  =========================  ==============================================
format        function                   output
============  =========================  ==============================================
``html``      :func:`write_html`         standalone pyvis page (no network needed)
``graphml``   :func:`write_graphml`      GraphML (yEd, Gephi, ``nx.read_graphml``)
``gexf``      :func:`write_gexf`         GEXF with colours and sizes (Gephi)
``json``      :func:`write_json`         concept-graph/1 (``graph.io.read_graph``)
``csv``       :func:`write_csv`          folder: ``nodes.csv`` and ``edges.csv``
``mermaid``   :func:`to_mermaid`         Mermaid flowchart (Markdown, GitHub, Obsidian)
``dot``       :func:`to_dot`             Graphviz DOT
``markdown``  :func:`to_markdown_guide`  study guide
``anki``      :func:`write_anki`         Anki deck (``.apkg``), one note per definition
``obsidian``  :func:`write_obsidian`     folder: one note per concept and an index
``png/svg``   :func:`write_picture`      a study picture drawn with Matplotlib
============  =========================  ==============================================

:func:`subgraph_for` selects what to export and :func:`export` does both; the
``python -m graph export`` command (:func:`add_cli`) calls it.

Notes are untrusted text, so every format quotes or escapes it for its own syntax:
a definition can never add a link, a script, a node or a file outside the export.
GraphML and GEXF hold only scalar attributes: lists and dicts (``aliases``,
``evidence``, ``sources``, ...) are stored as JSON strings and ``None`` as ``""``;
:func:`json.loads` gives them back.

Examples
--------
>>> import tempfile, pathlib
>>> G = nx.MultiDiGraph(schema="concept-graph/1", model=None, sources=[])
>>> G.add_node("rnn", label="RNN", definition="A network with a loop.", importance=0.9)
>>> G.add_node("lstm", label="LSTM", definition="An RNN with gates.", importance=0.7)
>>> _ = G.add_edge("rnn", "lstm", relation="prerequisite_of", confidence=0.9, evidence=[])
>>> out = pathlib.Path(tempfile.mkdtemp()) / "path.md"
>>> H = export(G, "markdown", out, path_target="lstm")
>>> sorted(H), out.read_text(encoding="utf-8").splitlines()[0]
(['lstm', 'rnn'], '# Learning path to LSTM')
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import json
import math
import os
import re
import sys
import textwrap
import unicodedata
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import genanki
import networkx as nx
import numpy as np
from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from extraction.records import Card
from graph.io import GraphFileError, read_graph, write_graph
from graph.query import (
    UnknownConceptError,
    break_cycles,
    learning_path,
    neighbourhood,
    resolve,
)
from graph.render import (
    LAYOUT_SEED,
    NO_TOPIC,
    RELATION_STYLES,
    RelationStyle,
    escape_markdown,
    legend_items,
    ranked_concepts,
    to_html,
    topic_colours,
)

__all__ = [
    "FOLDER_FORMATS",
    "FORMATS",
    "add_cli",
    "export",
    "safe_file_name",
    "study_order",
    "subgraph_for",
    "to_dot",
    "to_markdown_guide",
    "to_mermaid",
    "write_anki",
    "write_csv",
    "write_gexf",
    "write_graphml",
    "write_html",
    "write_json",
    "write_obsidian",
    "write_picture",
]

#: Every export format, as ``python -m graph export --format`` accepts them.
FORMATS: tuple[str, ...] = (
    "html",
    "graphml",
    "gexf",
    "json",
    "csv",
    "mermaid",
    "dot",
    "markdown",
    "anki",
    "obsidian",
    "png",
    "svg",
)
#: Formats that write a folder at the output path (the others write one file).
FOLDER_FORMATS: tuple[str, ...] = ("csv", "obsidian")

#: A picture draws at most this many concepts, the most important first.
PICTURE_MAX_NODES = 120
#: An HTML export draws at most this many concepts (pyvis slows down beyond).
HTML_MAX_NODES = 1000
#: Longest file name (without ``.md``) of an Obsidian note.
FILE_NAME_CHARS = 80
#: Evidence sentences shown per relation in the study guide.
GUIDE_EVIDENCE = 2

_UNKNOWN_STYLE = RelationStyle("related", "#9a9a9a", dashes=True, arrows=False)

#: How an incoming edge reads from its target's side (Obsidian relation headings).
INVERSE_RELATIONS: dict[str, str] = {
    "prerequisite_of": "requires",
    "is_a": "has kind",
    "part_of": "has part",
    "uses": "used by",
    "addresses": "addressed by",
    "causes": "caused by",
    "used_for": "achieved with",
    "example_of": "has example",
    "contrasts_with": "contrasts with",
    "related_to": "related to",
}


# --------------------------------------------------------------------------- selection


def subgraph_for(
    G: nx.MultiDiGraph,
    *,
    focus: Hashable | None = None,
    depth: int = 1,
    path_target: Hashable | None = None,
) -> nx.MultiDiGraph:
    """The part of ``G`` to export: all of it, a focus neighbourhood or a learning path.

    Concept names are resolved by :func:`graph.query.resolve` (id, label, alias, any
    case, or a close spelling).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A concept graph.
    focus : str or node, optional
        Keep the concepts within ``depth`` hops of this one, following edges in
        either direction, and the edges between them.
    depth : int
        Radius of the focus neighbourhood (0: the concept alone).
    path_target : str or node, optional
        Keep this concept and all its ``prerequisite_of`` ancestors, and the edges
        between them (see :func:`graph.query.learning_path`).

    Returns
    -------
    networkx.MultiDiGraph
        A new graph with the graph attributes of ``G`` (``G`` itself is never changed).

    Raises
    ------
    graph.query.UnknownConceptError
        ``focus`` or ``path_target`` names no concept.
    ValueError
        Both ``focus`` and ``path_target`` are given, or ``depth`` is negative.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for u, v, r in [("algebra", "calculus", "prerequisite_of"),
    ...                 ("calculus", "backprop", "prerequisite_of"),
    ...                 ("backprop", "sgd", "used_for"), ("sgd", "adam", "related_to")]:
    ...     _ = G.add_edge(u, v, relation=r, confidence=0.9)
    >>> sorted(subgraph_for(G, focus="Sgd"))
    ['adam', 'backprop', 'sgd']
    >>> sorted(subgraph_for(G, focus="sgd", depth=2))
    ['adam', 'backprop', 'calculus', 'sgd']
    >>> sorted(subgraph_for(G, path_target="backprop"))
    ['algebra', 'backprop', 'calculus']
    """
    if focus is not None and path_target is not None:
        raise ValueError("give either a focus concept or a path target, not both")
    if depth < 0:
        raise ValueError("depth must be >= 0")
    if focus is not None:
        return neighbourhood(G, _resolve(G, focus), depth=depth)
    if path_target is not None:
        keep = learning_path(G, _resolve(G, path_target))
        H = nx.MultiDiGraph(**G.graph)
        H.add_nodes_from((n, G.nodes[n]) for n in keep)
        H.add_edges_from(G.subgraph(keep).edges(keys=True, data=True))
        return H
    return G.copy()


def _resolve(G: nx.MultiDiGraph, name: Hashable) -> Hashable:
    node = resolve(G, name)
    if node is None:
        raise UnknownConceptError(f"no concept matches {name!r}")
    return node


def study_order(G: nx.MultiDiGraph) -> list[Hashable]:
    """All concepts of ``G`` in an order to study them.

    A topological order of the ``prerequisite_of`` edges (cycles broken on a copy by
    :func:`graph.query.break_cycles`); among concepts that could come next, the more
    important one first, then by id.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("rnn", {"importance": 0.5}), ("lstm", {"importance": 0.9}),
    ...                   ("loss", {"importance": 0.7})])
    >>> _ = G.add_edge("rnn", "lstm", relation="prerequisite_of", confidence=0.9)
    >>> study_order(G)
    ['loss', 'rnn', 'lstm']
    """
    dag = nx.MultiDiGraph()
    dag.add_nodes_from(G)
    dag.add_edges_from(
        (u, v, k, a)
        for u, v, k, a in G.edges(keys=True, data=True)
        if a.get("relation") == "prerequisite_of"
    )
    break_cycles(dag)
    return list(
        nx.lexicographical_topological_sort(dag, key=lambda n: (-_importance(G.nodes[n]), str(n)))
    )


# --------------------------------------------------------------------------- graph files


def write_json(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> None:
    """Write ``G`` as a concept-graph/1 JSON file (:func:`graph.io.write_graph`).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from graph.io import read_graph
    >>> G = nx.MultiDiGraph(schema="concept-graph/1", model=None, sources=[])
    >>> G.add_node("rnn", label="RNN", aliases=["RNNs"])
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.json"
    >>> write_json(G, path)
    >>> read_graph(path).nodes["rnn"]["aliases"]
    ['RNNs']
    """
    write_graph(G, path)


def write_graphml(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> None:
    """Write ``G`` as GraphML; list, dict and ``None`` attributes become strings.

    GraphML attributes are scalars: every list or dict (``aliases``, ``cards``,
    ``evidence``, ``definition_evidence``, ``first_seen``, the graph's ``sources``)
    is written as a JSON string, ``None`` as ``""``, and an attribute whose values
    mix numbers and text is written as text everywhere. Edge keys are kept as edge
    ids; ``nx.read_graphml(path, force_multigraph=True)`` gives a ``MultiDiGraph``
    back even when no two edges are parallel.

    Examples
    --------
    >>> import tempfile, pathlib, json
    >>> G = nx.MultiDiGraph(schema="concept-graph/1", sources=[])
    >>> G.add_node("rnn", label="RNN", aliases=["RNNs"], first_seen=None)
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
    >>> write_graphml(G, path)
    >>> H = nx.read_graphml(path, force_multigraph=True)
    >>> json.loads(H.nodes["rnn"]["aliases"]), H.nodes["rnn"]["first_seen"]
    (['RNNs'], '')
    """
    nx.write_graphml(_scalar_copy(G), path, encoding="utf-8")


def write_gexf(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> None:
    """Write ``G`` as GEXF 1.2, coloured by topic and sized by importance for Gephi.

    Attributes are flattened as for :func:`write_graphml`. GEXF has no graph
    attributes: the graph is named after its schema, and ``model`` and ``sources``
    are not stored. Each node also gets ``viz`` colour and size, which
    ``nx.read_gexf`` gives back as a ``viz`` attribute.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = nx.MultiDiGraph(schema="concept-graph/1")
    >>> G.add_node("rnn", label="RNN", topic="sequences", importance=0.5)
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.gexf"
    >>> write_gexf(G, path)
    >>> H = nx.read_gexf(path, relabel=False)
    >>> H.nodes["rnn"]["label"], H.nodes["rnn"]["topic"], H.graph["name"]
    ('RNN', 'sequences', 'concept-graph/1')
    """
    H = _scalar_copy(G)
    H.graph = {"name": str(G.graph.get("schema") or "")}
    colours = topic_colours(G)
    for node, (_, attrs) in zip(G.nodes, H.nodes(data=True), strict=True):  # same order
        r, g, b = _rgb(colours.get(_topic(G.nodes[node]), "#94a3b8"))
        attrs["viz"] = {
            "color": {"r": r, "g": g, "b": b, "a": 1.0},
            "size": round(10 + 30 * _importance(G.nodes[node]), 2),
        }
    nx.write_gexf(H, path, encoding="utf-8")


def _scalar_copy(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attributes are all str, int, float or bool, one type per
    attribute name (per graph, nodes and edges), and whose text (node ids included)
    holds only characters XML 1.0 allows: a control character in the notes would
    otherwise stop GraphML and GEXF from being written."""
    H = nx.MultiDiGraph()
    H.graph.update(_uniform([{k: _scalar(v) for k, v in G.graph.items()}])[0])
    ids: dict[Hashable, Hashable] = {}
    taken: set[Hashable] = set()
    for node in G.nodes:
        clean = _xml_text(node) if isinstance(node, str) else node
        name, n = clean, 1
        while name in taken:  # two ids that differ only by control characters
            n += 1
            name = f"{clean} ({n})"
        taken.add(name)
        ids[node] = name
    nodes = _uniform([{k: _scalar(v) for k, v in a.items()} for _, a in G.nodes(data=True)])
    H.add_nodes_from(zip((ids[n] for n in G.nodes), nodes, strict=True))
    edges = list(G.edges(keys=True, data=True))
    flat = _uniform([{k: _scalar(v) for k, v in a.items()} for *_, a in edges])
    H.add_edges_from((ids[u], ids[v], k, a) for (u, v, k, _), a in zip(edges, flat, strict=True))
    return H


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (C0 controls but tab and
    line breaks, lone surrogates, U+FFFE and U+FFFF)."""
    return _XML_INVALID.sub("", text)


def _scalar(value: Any) -> str | int | float | bool:
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return _xml_text(value)
    if isinstance(value, Mapping | list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return _xml_text(json.dumps(items, ensure_ascii=False, default=str))
    return _xml_text(str(value))


def _uniform(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Make every attribute one type across ``rows``: int+float -> float, any mix
    with text -> text (a GraphML/GEXF key has one type)."""
    kinds: dict[str, set[type]] = defaultdict(set)
    for row in rows:
        for key, value in row.items():
            kinds[key].add(type(value))
    for key, types in kinds.items():
        if len(types) < 2:
            continue
        if types <= {int, float}:
            convert: Any = float
        else:
            convert = _text_of
        for row in rows:
            if key in row:
                row[key] = convert(row[key])
    return rows


def _text_of(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def write_csv(G: nx.MultiDiGraph, folder: str | os.PathLike[str]) -> None:
    """Write ``nodes.csv`` and ``edges.csv`` (UTF-8 with BOM, for spreadsheets).

    Lists are joined with ``"|"``. An edge's evidence is its first sentence and
    where it stands (``evidence_source``, ``evidence_line``), with the number of
    sentences in ``evidence_count``. A text cell that starts with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return gets a leading ``'``, so that a
    spreadsheet shows it as text instead of running it as a formula.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("rnn", label="RNN", aliases=["RNNs", "recurrent net"])
    >>> G.add_node("lstm", label="LSTM", definition="=HYPERLINK(1)")
    >>> ev = [{"source": "notes.md", "line": 3, "text": "An LSTM is an RNN."}]
    >>> _ = G.add_edge("lstm", "rnn", relation="is_a", confidence=0.8, evidence=ev)
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_csv(G, folder)
    >>> print(folder.joinpath("edges.csv").read_text(encoding="utf-8-sig").splitlines()[1])
    lstm,rnn,0,is_a,0.8,,An LSTM is an RNN.,notes.md,3,1
    >>> rows = folder.joinpath("nodes.csv").read_text(encoding="utf-8-sig").splitlines()
    >>> rows[1].split(",")[:3], rows[2].split(",")[3]
    (['rnn', 'RNN', 'RNNs|recurrent net'], "'=HYPERLINK(1)")
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    node_rows = []
    for node, a in G.nodes(data=True):
        definition_at = a.get("definition_evidence") or {}
        seen = a.get("first_seen") or (None, None)
        node_rows.append(
            {
                "id": node,
                "label": a.get("label", ""),
                "aliases": "|".join(map(str, a.get("aliases") or ())),
                "definition": a.get("definition", ""),
                "definition_source": definition_at.get("source", ""),
                "definition_line": definition_at.get("line", ""),
                "importance": a.get("importance", ""),
                "topic": a.get("topic", ""),
                "mentions": a.get("mentions", ""),
                "first_seen_source": seen[0] or "",
                "first_seen_line": seen[1] or "",
                "cards": "|".join(map(str, a.get("cards") or ())),
            }
        )
    edge_rows = []
    for u, v, k, a in G.edges(keys=True, data=True):
        evidence = _evidence(a)
        first = evidence[0] if evidence else {}
        edge_rows.append(
            {
                "source": u,
                "target": v,
                "key": k,
                "relation": a.get("relation", ""),
                "confidence": a.get("confidence", ""),
                "label": a.get("label", ""),
                "evidence": first.get("text", ""),
                "evidence_source": first.get("source", ""),
                "evidence_line": first.get("line", ""),
                "evidence_count": len(evidence),
            }
        )
    _write_rows(folder / "nodes.csv", _NODE_COLUMNS, node_rows)
    _write_rows(folder / "edges.csv", _EDGE_COLUMNS, edge_rows)


_NODE_COLUMNS = (
    "id",
    "label",
    "aliases",
    "definition",
    "definition_source",
    "definition_line",
    "importance",
    "topic",
    "mentions",
    "first_seen_source",
    "first_seen_line",
    "cards",
)
_EDGE_COLUMNS = (
    "source",
    "target",
    "key",
    "relation",
    "confidence",
    "label",
    "evidence",
    "evidence_source",
    "evidence_line",
    "evidence_count",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _write_rows(path: Path, columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in row.items()})


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


# --------------------------------------------------------------------------- diagrams


def to_mermaid(G: nx.MultiDiGraph) -> str:
    """``G`` as a Mermaid flowchart (``flowchart LR``), for Markdown viewers.

    Nodes get safe ids (``n0``, ``n1``, ...) and quoted labels in which every
    character that Mermaid or HTML could act on is an entity code (``#34;``), so
    note text stays text. Edges are labelled with their relation; ``related_to`` is
    dotted and symmetric relations have no arrow head. Nodes are coloured by topic
    and edges by relation, as on the map.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("rnn", label='RNN "recurrent" [net]')
    >>> G.add_node("lstm", label="LSTM")
    >>> _ = G.add_edge("rnn", "lstm", relation="prerequisite_of")
    >>> print(to_mermaid(G))  # doctest: +NORMALIZE_WHITESPACE
    flowchart LR
      n0["RNN #34;recurrent#34; #91;net#93;"]
      n1["LSTM"]
      n0 -->|prerequisite_of| n1
      classDef topic0 fill:#94a3b8,stroke:#333,color:#111
      class n0,n1 topic0
      linkStyle 0 stroke:#1b1b1b
    """
    ids = {node: f"n{i}" for i, node in enumerate(G.nodes)}
    lines = ["flowchart LR"]
    lines += [f'  {ids[n]}["{_mermaid_text(_label(G, n))}"]' for n in G.nodes]
    by_relation: dict[str, list[int]] = defaultdict(list)
    for i, (u, v, a) in enumerate(G.edges(data=True)):
        relation = str(a.get("relation") or "related_to")
        style = _style(relation)
        link = "-->" if style.arrows else "-.-" if style.dashes else "---"
        name = re.sub(r"\W", "_", relation, flags=re.ASCII) or "related_to"
        lines.append(f"  {ids[u]} {link}|{name}| {ids[v]}")
        by_relation[style.colour].append(i)
    colours = topic_colours(G)
    members: dict[str, list[str]] = defaultdict(list)
    for node, a in G.nodes(data=True):
        members[_topic(a)].append(ids[node])
    for i, (topic, colour) in enumerate(colours.items()):
        lines.append(f"  classDef topic{i} fill:{colour},stroke:#333,color:#111")
        lines.append(f"  class {','.join(members[topic])} topic{i}")
    for colour, indices in by_relation.items():
        lines.append(f"  linkStyle {','.join(map(str, indices))} stroke:{colour}")
    return "\n".join(lines) + "\n"


_MERMAID_SPECIAL = re.compile(r"""["#&<>`\\\[\](){}|;:*_~=]""")


def _mermaid_text(text: str) -> str:
    return _MERMAID_SPECIAL.sub(lambda m: f"#{ord(m.group())};", _one_line(text))


def to_dot(G: nx.MultiDiGraph, *, name: str = "concept_atlas") -> str:
    r"""``G`` as Graphviz DOT (``digraph``), every id and label a quoted, escaped string.

    Nodes are filled by topic and carry their definition as a tooltip; edges are
    labelled with their relation and styled as on the map (dashed ``related_to``,
    no arrow head for symmetric relations). No Graphviz library is needed to write it.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A concept graph.
    name : str
        The graph's name in the file.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("rnn", label='say "hi"\\')
    >>> G.add_node("lstm", label="LSTM")
    >>> _ = G.add_edge("rnn", "lstm", relation="contrasts_with")
    >>> print(to_dot(G))  # doctest: +NORMALIZE_WHITESPACE
    digraph "concept_atlas" {
      graph [rankdir="LR", fontname="Helvetica", overlap="false", splines="true"];
      node [shape="box", style="rounded,filled", fontname="Helvetica"];
      edge [fontname="Helvetica", fontsize="10"];
      "rnn" [label="say \"hi\"\\", fillcolor="#94a3b8", tooltip=""];
      "lstm" [label="LSTM", fillcolor="#94a3b8", tooltip=""];
      "rnn" -> "lstm" [label="contrasts_with", color="#d6457a", fontcolor="#d6457a",
                       style="solid", dir="none"];
    }
    """
    colours = topic_colours(G)
    lines = [
        f"digraph {_dot_quote(name)} {{",
        '  graph [rankdir="LR", fontname="Helvetica", overlap="false", splines="true"];',
        '  node [shape="box", style="rounded,filled", fontname="Helvetica"];',
        '  edge [fontname="Helvetica", fontsize="10"];',
    ]
    for node, a in G.nodes(data=True):
        colour = colours.get(_topic(a), "#94a3b8")
        tooltip = _cut(a.get("definition") or "", 300)
        lines.append(
            f"  {_dot_quote(node)} [label={_dot_quote(_label(G, node))}, "
            f'fillcolor="{colour}", tooltip={_dot_quote(tooltip)}];'
        )
    for u, v, a in G.edges(data=True):
        relation = str(a.get("relation") or "related_to")
        style = _style(relation)
        attrs = (
            f"label={_dot_quote(relation)}, "
            f'color="{style.colour}", fontcolor="{style.colour}", '
            f'style="{"dashed" if style.dashes else "solid"}"'
        )
        if not style.arrows:
            attrs += ', dir="none"'
        lines.append(f"  {_dot_quote(u)} -> {_dot_quote(v)} [{attrs}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot_quote(value: Any) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, line breaks as
    ``\\n``, other control characters dropped."""
    text = _drop_controls(str(value), keep="\n")
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'


# --------------------------------------------------------------------------- study guide


def to_markdown_guide(
    G: nx.MultiDiGraph, order: Sequence[Hashable] | None = None, *, title: str | None = None
) -> str:
    r"""A study guide in Markdown: every concept with its definition, aliases and
    relations, each relation with its evidence sentences and where they stand.

    Note text is escaped (:func:`graph.render.escape_markdown`), so a note can add
    no link, image, HTML or heading to the guide.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A concept graph.
    order : sequence of node, optional
        The concepts in study order (a learning path): they are numbered steps, and
        concepts of ``G`` not in ``order`` are left out. By default the concepts are
        grouped by topic (largest topic first), most important first.
    title : str, optional
        The guide's heading (default "Study guide").

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("rnn", label="RNN", definition="A network with a *loop*.", aliases=["RNNs"])
    >>> G.add_node("lstm", label="LSTM", definition="An RNN with gates.")
    >>> ev = [{"source": "notes.md", "line": 4, "text": "Learn RNNs before LSTMs."}]
    >>> _ = G.add_edge("rnn", "lstm", relation="prerequisite_of", evidence=ev)
    >>> print(to_markdown_guide(G, order=["rnn", "lstm"]))
    # Study guide
    <BLANKLINE>
    2 concepts, 1 relation, in study order.
    <BLANKLINE>
    ## 1. RNN
    <BLANKLINE>
    A network with a \*loop\*\.
    <BLANKLINE>
    *Also called:* RNNs
    <BLANKLINE>
    **Relations**
    <BLANKLINE>
    - **RNN** *prerequisite of* **LSTM**
      - “Learn RNNs before LSTMs\.” — notes\.md, line 4
    <BLANKLINE>
    ## 2. LSTM
    <BLANKLINE>
    An RNN with gates\.
    <BLANKLINE>
    **Relations**
    <BLANKLINE>
    - **RNN** *prerequisite of* **LSTM**
      - “Learn RNNs before LSTMs\.” — notes\.md, line 4
    <BLANKLINE>
    """
    heading = title or "Study guide"
    if order is not None:
        nodes = [n for n in dict.fromkeys(order) if n in G]
        shown = set(nodes)
        summary = "in study order"
        n_edges = G.subgraph(nodes).number_of_edges()
    else:
        shown = set(G)
        summary = "by topic, most important first"
        n_edges = G.number_of_edges()
    lines = [f"# {_md(heading)}", ""]
    lines += [f"{_plural(len(shown), 'concept')}, {_plural(n_edges, 'relation')}, {summary}.", ""]
    if order is not None:
        for step, node in enumerate(nodes, start=1):
            lines += _guide_entry(G, node, f"## {step}. ", shown)
        return "\n".join(lines)
    for topic, members in _by_topic(G).items():
        lines += [f"## {_md(topic)}", ""]
        for node in members:
            lines += _guide_entry(G, node, "### ", shown)
    return "\n".join(lines)


def _guide_entry(G: nx.MultiDiGraph, node: Hashable, prefix: str, shown: set) -> list[str]:
    a = G.nodes[node]
    lines = [f"{prefix}{_md(_label(G, node))}", ""]
    definition = str(a.get("definition") or "").strip()
    lines += [_md(definition) if definition else "*No definition in the notes.*"]
    where = _citation(a.get("definition_evidence"))
    if definition and where:
        lines[-1] += f" — {_md(where)}"
    lines.append("")
    aliases = [str(x) for x in a.get("aliases") or () if str(x).strip()]
    if aliases:
        lines += ["*Also called:* " + ", ".join(_md(_one_line(x)) for x in aliases), ""]
    edges = [(u, v, d) for u, v, d in G.out_edges(node, data=True) if v in shown]
    edges += [(u, v, d) for u, v, d in G.in_edges(node, data=True) if u in shown and u != v]
    if edges:
        lines += ["**Relations**", ""]
        for u, v, d in edges:
            verb = _md(_relation_phrase(d))
            lines.append(f"- **{_md(_label(G, u))}** *{verb}* **{_md(_label(G, v))}**")
            for ev in _evidence(d)[:GUIDE_EVIDENCE]:
                quote = _md(_one_line(ev.get("text", "")))
                where = _citation(ev)
                lines.append(f"  - “{quote}”" + (f" — {_md(where)}" if where else ""))
        lines.append("")
    return lines


def _relation_phrase(attrs: Mapping[str, Any]) -> str:
    relation = str(attrs.get("relation") or "related_to")
    if relation == "related_to" and attrs.get("label"):
        return _one_line(attrs["label"])
    return _style(relation).label if relation in RELATION_STYLES else relation


def _by_topic(G: nx.MultiDiGraph) -> dict[str, list[Hashable]]:
    """Nodes grouped by topic (largest topic first, no topic last), most important
    first within a topic."""
    groups: dict[str, list[Hashable]] = {topic: [] for topic in topic_colours(G)}
    for node in ranked_concepts(G):
        groups[_topic(G.nodes[node])].append(node)
    return groups


# --------------------------------------------------------------------------- Anki


def write_anki(
    G: nx.MultiDiGraph,
    path: str | os.PathLike[str],
    order: Sequence[Hashable] | None = None,
    cards: Mapping[str, Card] | None = None,
    *,
    deck_name: str = "Concept Atlas",
) -> int:
    """Write an Anki deck (``.apkg``): one note per concept that has a definition.

    The front is the concept's label, the back its definition, aliases and source
    ("notes.md, line 12"), all HTML-escaped. Notes come in study order
    (:func:`study_order`: prerequisites first, then by importance) unless ``order``
    is given, and Anki shows new cards in that order. Model, deck and note ids derive
    from hashes, so importing a new export updates the notes instead of duplicating
    them. Notes are tagged with their topic.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A concept graph.
    path : path-like
        The ``.apkg`` file to write.
    order : sequence of node, optional
        The concepts to include, in this order.
    cards : mapping of str to Card, optional
        The cards by id (as :func:`graph.build.build_atlas` returns them), to cite
        the card of a definition that has no evidence of its own.
    deck_name : str
        Name of the deck (``"::"`` makes sub-decks).

    Returns
    -------
    int
        The number of notes written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("rnn", label="RNN", definition="A <b>loop</b>.")
    >>> G.add_node("tensor", label="tensor")
    >>> write_anki(G, pathlib.Path(tempfile.mkdtemp()) / "deck.apkg")
    1
    """
    nodes = [n for n in (study_order(G) if order is None else dict.fromkeys(order)) if n in G]
    model = genanki.Model(
        _anki_id("model", "concept-atlas/basic/1"),
        "Concept Atlas concept",
        fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[
            {
                "name": "Concept",
                "qfmt": "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}',
            }
        ],
        css=_ANKI_CSS,
    )
    deck = genanki.Deck(_anki_id("deck", deck_name), deck_name)
    for position, node in enumerate(n for n in nodes if G.nodes[n].get("definition")):
        a = G.nodes[node]
        back = [html.escape(str(a["definition"]).strip()).replace("\n", "<br>")]
        aliases = [str(x) for x in a.get("aliases") or () if str(x).strip()]
        if aliases:
            back.append('<div class="aliases">Also: ' + html.escape(", ".join(aliases)) + "</div>")
        where = _citation(a.get("definition_evidence")) or _card_citation(a, cards)
        if where:
            back.append(f'<div class="source">{html.escape(where)}</div>')
        tag = _slug(_topic(a)) if _topic(a) != NO_TOPIC else ""
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[html.escape(_label(G, node)), "".join(back)],
                guid=genanki.guid_for("concept-atlas", str(node)),
                tags=[tag] if tag else [],
                due=position,
            )
        )
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    genanki.Package(deck).write_to_file(os.fspath(path))
    return len(deck.notes)


_ANKI_CSS = """.card { font-family: Helvetica, Arial, sans-serif; font-size: 20px;
  text-align: center; color: #1f2933; background: #ffffff; }
.aliases { margin-top: 12px; font-size: 15px; color: #52606d; }
.source { margin-top: 12px; font-size: 12px; color: #7b8794; }
"""


def _anki_id(kind: str, name: str) -> int:
    """A stable Anki id in [2**30, 2**31) from a hash (Anki wants ids below 2**63)."""
    digest = hashlib.sha256(f"concept-atlas:{kind}:{name}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def _card_citation(attrs: Mapping[str, Any], cards: Mapping[str, Card] | None) -> str:
    for card_id in attrs.get("cards") or ():
        card = (cards or {}).get(card_id)
        if card is not None:
            return f"{card.source}, line {card.title_line or card.lines[0]}"
    seen = attrs.get("first_seen")
    return f"{seen[0]}, line {seen[1]}" if seen else ""


# --------------------------------------------------------------------------- Obsidian


def write_obsidian(
    G: nx.MultiDiGraph,
    folder: str | os.PathLike[str],
    *,
    order: Sequence[Hashable] | None = None,
    title: str | None = None,
) -> dict[Hashable, Path]:
    r"""Write an Obsidian vault folder: one note per concept and ``Index.md``.

    A note starts with YAML front matter (``aliases`` list, ``topic``,
    ``importance``, ``mentions``, ``tags``; every string JSON-quoted, which YAML
    reads as is), then the definition and its source, then ``## Relations`` with
    ``[[links]]`` to the other notes grouped by relation (incoming edges under the
    inverse name: "requires", "used by", ...), then ``## Evidence``. Note text is
    escaped as in :func:`to_markdown_guide`. File names come from
    :func:`safe_file_name`, disambiguated ignoring case. Existing notes of the same
    name are overwritten; other files in ``folder`` are left alone.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A concept graph.
    folder : path-like
        The vault folder (created if missing).
    order : sequence of node, optional
        Study order: the index lists the concepts as numbered steps.
    title : str, optional
        Heading of the index note (default "Concept Atlas").

    Returns
    -------
    dict
        The file written for each node.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("rnn", label="RNN", definition="A loop.", topic="sequences")
    >>> G.add_node("lstm", label="LSTM", definition="Gates.", topic="sequences")
    >>> _ = G.add_edge("rnn", "lstm", relation="prerequisite_of")
    >>> files = write_obsidian(G, pathlib.Path(tempfile.mkdtemp()))
    >>> sorted(p.name for p in files["rnn"].parent.iterdir())
    ['Index.md', 'LSTM.md', 'RNN.md']
    >>> print(files["lstm"].read_text(encoding="utf-8"))
    ---
    aliases: []
    topic: "sequences"
    importance: 0.0
    mentions: 0
    tags:
      - "concept-atlas"
      - "topic/sequences"
    ---
    # LSTM
    <BLANKLINE>
    Gates\.
    <BLANKLINE>
    ## Relations
    <BLANKLINE>
    ### requires
    <BLANKLINE>
    - [[RNN]]
    <BLANKLINE>
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    names = _note_names(G)
    files: dict[Hashable, Path] = {}
    for node in G.nodes:
        files[node] = folder / f"{names[node]}.md"
        files[node].write_text(_obsidian_note(G, node, names), encoding="utf-8")
    index = [
        "---",
        "tags:",
        '  - "concept-atlas"',
        "---",
        f"# {_md(title or 'Concept Atlas')}",
        "",
    ]
    if order is not None:
        steps = [n for n in dict.fromkeys(order) if n in G]
        index += [f"{i}. {_wikilink(G, n, names)}" for i, n in enumerate(steps, start=1)]
        index.append("")
    else:
        for topic, members in _by_topic(G).items():
            index += [f"## {_md(topic)}", ""]
            index += [f"- {_wikilink(G, n, names)}" for n in members]
            index.append("")
    (folder / f"{INDEX_NOTE}.md").write_text("\n".join(index), encoding="utf-8")
    return files


#: Name of the index note of an Obsidian export (no concept note takes it).
INDEX_NOTE = "Index"

_FILE_NAME_BAD = re.compile(r'[\\/:*?"<>|#^\[\]%{}$`\x00-\x1f\x7f]')
_WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{p}{i}" for p in ("com", "lpt") for i in range(1, 10)]
)


def safe_file_name(name: str, *, max_chars: int = FILE_NAME_CHARS) -> str:
    """``name`` as a file name that is safe on Windows, macOS and Linux and in an
    Obsidian ``[[link]]``.

    Path separators, characters that Windows or Obsidian links reserve and control
    characters become spaces; leading and trailing dots and spaces go (no hidden
    files, no ``..``); Windows device names (``CON``, ``com1.txt``) get a leading
    ``_``; the result is cut to ``max_chars`` characters and is never empty.

    Examples
    --------
    >>> safe_file_name("../../etc/passwd"), safe_file_name("a/b:c*?"), safe_file_name("CON")
    ('etc passwd', 'a b c', '_CON')
    >>> safe_file_name("..."), safe_file_name("encoder–decoder [1]")
    ('concept', 'encoder–decoder 1')
    """
    text = unicodedata.normalize("NFC", str(name))
    text = _drop_controls(_FILE_NAME_BAD.sub(" ", text), keep="")
    text = " ".join(text.split()).strip(" .")
    text = text[:max_chars].rstrip(" .") or "concept"
    if text.split(".")[0].lower() in _WINDOWS_RESERVED:
        text = "_" + text
    return text


def _note_names(G: nx.MultiDiGraph) -> dict[Hashable, str]:
    """A distinct file name per node (case-insensitive; the index name is taken),
    the most important concepts getting the plain names."""
    used = {INDEX_NOTE.casefold()}
    names: dict[Hashable, str] = {}
    for node in ranked_concepts(G):
        base = safe_file_name(_label(G, node))
        name, n = base, 1
        while name.casefold() in used:
            n += 1
            name = f"{base} {n}"
        used.add(name.casefold())
        names[node] = name
    return names


def _wikilink(G: nx.MultiDiGraph, node: Hashable, names: Mapping[Hashable, str]) -> str:
    # the shown text of a [[link|text]] is raw Markdown to most viewers: no tag in it
    label = re.sub(r"[\[\]|<>]", " ", _one_line(_label(G, node)))
    label = " ".join(label.split())
    return f"[[{names[node]}]]" if label == names[node] else f"[[{names[node]}|{label}]]"


def _obsidian_note(G: nx.MultiDiGraph, node: Hashable, names: Mapping[Hashable, str]) -> str:
    a = G.nodes[node]
    label = _label(G, node)
    aliases = [_one_line(x) for x in a.get("aliases") or () if _one_line(x)]
    if _one_line(label) != names[node]:
        aliases.insert(0, _one_line(label))
    aliases = list(dict.fromkeys(aliases))
    topic = _topic(a)
    tags = ["concept-atlas"] + ([f"topic/{_slug(topic)}"] if topic != NO_TOPIC else [])
    lines = ["---"]
    lines += _yaml_list("aliases", aliases)
    lines.append(f"topic: {_yaml_str(topic if topic != NO_TOPIC else '')}")
    lines.append(f"importance: {_importance(a)!r}")
    lines.append(f"mentions: {int(a.get('mentions') or 0)}")
    lines += _yaml_list("tags", tags)
    lines += ["---", f"# {_md(label)}", ""]
    definition = str(a.get("definition") or "").strip()
    lines += [_md(definition) if definition else "*No definition in the notes.*", ""]
    where = _citation(a.get("definition_evidence"))
    if definition and where:
        lines += [f"Source: {_md(where)}", ""]
    groups: dict[str, list[str]] = defaultdict(list)
    for _, v, d in G.out_edges(node, data=True):
        groups[_relation_phrase(d)].append(_wikilink(G, v, names))
    for u, _, d in G.in_edges(node, data=True):
        if u != node:
            relation = str(d.get("relation") or "related_to")
            groups[INVERSE_RELATIONS.get(relation, relation)].append(_wikilink(G, u, names))
    if groups:
        lines += ["## Relations", ""]
        for heading, links in groups.items():
            lines += [f"### {_md(heading)}", ""]
            lines += [f"- {link}" for link in dict.fromkeys(links)]
            lines.append("")
    evidence = [(v, d, ev) for _, v, d in G.out_edges(node, data=True) for ev in _evidence(d)]
    if evidence:
        lines += ["## Evidence", ""]
        for v, d, ev in evidence:
            where = _citation(ev)
            lines.append(
                f"- {_md(_relation_phrase(d))} {_wikilink(G, v, names)}: "
                f"“{_md(_one_line(ev.get('text', '')))}”" + (f" — {_md(where)}" if where else "")
            )
        lines.append("")
    return "\n".join(lines)


def _yaml_str(text: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax, which YAML accepts)."""
    return json.dumps(_one_line(text), ensure_ascii=False)


def _yaml_list(key: str, items: Sequence[str]) -> list[str]:
    if not items:
        return [f"{key}: []"]
    return [f"{key}:"] + [f"  - {_yaml_str(item)}" for item in items]


# --------------------------------------------------------------------------- pictures


def write_html(
    G: nx.MultiDiGraph, path: str | os.PathLike[str], *, focus: Hashable | None = None
) -> None:
    """Write the interactive map (:func:`graph.render.to_html`) as a standalone page
    that works offline; at most :data:`HTML_MAX_NODES` concepts, the most important.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("rnn", label="RNN")
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "map.html"
    >>> write_html(G, path)
    >>> "RNN" in path.read_text(encoding="utf-8")
    True
    """
    page = to_html(G, max_nodes=HTML_MAX_NODES, selected=focus)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(page, encoding="utf-8")


def write_picture(
    G: nx.MultiDiGraph,
    path: str | os.PathLike[str],
    fmt: str | None = None,
    *,
    order: Sequence[Hashable] | None = None,
    focus: Hashable | None = None,
    title: str | None = None,
) -> int:
    """Draw ``G`` as a study picture (PNG or SVG) with Matplotlib, offline.

    Concepts are coloured by topic and sized by importance, with their labels;
    edges are coloured and dashed by relation as on the map; a legend explains both.
    At most :data:`PICTURE_MAX_NODES` concepts are drawn, the most important (the
    title says so). A learning path (``order``) is drawn in columns, prerequisites
    left of what they unlock; otherwise a spring layout (fixed seed) is used.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A concept graph.
    path : path-like
        The file to write.
    fmt : {"png", "svg"}, optional
        Default: from the file's suffix.
    order : sequence of node, optional
        A learning path, drawn in columns of prerequisite depth.
    focus : node, optional
        A concept to outline.
    title : str, optional
        The picture's title (default "Concept Atlas").

    Returns
    -------
    int
        The number of concepts drawn.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("rnn", "lstm", relation="prerequisite_of")
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "map.svg"
    >>> write_picture(G, path)
    2
    >>> path.read_text(encoding="utf-8").count("<svg")
    1
    """
    fmt = (fmt or Path(path).suffix.lstrip(".")).lower()
    if fmt not in ("png", "svg"):
        raise ValueError(f"unknown picture format {fmt!r} (png or svg)")
    keep = ranked_concepts(G)[:PICTURE_MAX_NODES]
    if focus in G and focus not in keep:
        keep[-1:] = [focus]
    H = G.subgraph(keep)
    nodes = list(H)
    steps = [node for node in order if node in H] if order is not None else []
    positions = _path_positions(H, steps) if steps else _spring_positions(H)
    marks = {node: _NodeMark.of(H, node) for node in nodes}
    alone = _unlinked(H)
    if alone and len(alone) < len(nodes) and not steps:
        caption = _NodeMark.caption("Not linked to other concepts:")
        x = min(positions[node][0] - marks[node].half_width for node in alone)
        y = max(positions[node][1] + marks[node].above for node in alone)
        positions[_CAPTION] = (x + caption.half_width, y + 0.1 + caption.below)
        marks[_CAPTION] = caption
    positions = _separate(positions, marks)
    legend = legend_items(H)
    legend_rows = math.ceil((len(legend.topics) + len(legend.relations)) / 5)
    left, right, bottom, top = _extent(positions, marks)
    room_x = PICTURE_MAX_INCHES[0] - 0.6
    room_y = PICTURE_MAX_INCHES[1] - 1.4 - 0.3 * legend_rows
    shrink = min(1.0, room_x / (right - left), room_y / (top - bottom))
    if shrink < 1.0:  # too big for the page: scale positions, markers and text alike
        positions = {node: (x * shrink, y * shrink) for node, (x, y) in positions.items()}
        marks = {node: mark.scaled(shrink) for node, mark in marks.items()}
        left, right, bottom, top = _extent(positions, marks)
    width = max(8.0, right - left + 0.6)
    height = max(5.0, top - bottom + 1.4 + 0.3 * legend_rows)
    fig = Figure(figsize=(width, height), layout="constrained")
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_xlim(left, right)
    ax.set_ylim(bottom, top)
    ax.set_aspect("equal", adjustable="box")
    sizes = {node: marks[node].size for node in nodes}
    _draw_edges(ax, H, positions, sizes)
    nx.draw_networkx_nodes(
        H,
        positions,
        ax=ax,
        nodelist=nodes,
        node_size=[sizes[node] for node in nodes],
        node_color=[legend.topics.get(_topic(H.nodes[node]), "#94a3b8") for node in nodes],
        edgecolors=["#111111" if node == focus else "#ffffff" for node in nodes],
        linewidths=[3.0 if node == focus else 1.2 for node in nodes],
    )
    for node in nodes:
        mark = marks[node]
        ax.annotate(
            mark.text,
            positions[node],
            xytext=(0, -(mark.radius_pt + LABEL_GAP_PT)),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=mark.font,
            fontweight="bold" if mark.bold else "normal",
            color="#1f2933",
            linespacing=1.1,
            bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.8},
            zorder=5,
        )
    if _CAPTION in marks:
        ax.text(
            positions[_CAPTION][0] - marks[_CAPTION].half_width,
            positions[_CAPTION][1],
            marks[_CAPTION].text,
            fontsize=marks[_CAPTION].font,
            style="italic",
            color="#52606d",
            va="top",
        )
    handles = [
        Line2D([], [], marker="o", ls="", ms=10, mfc=c, mec="white", label=_picture_label(t, 40))
        for t, c in legend.topics.items()
    ]
    handles += [
        Line2D(
            [],
            [],
            color=s.colour,
            lw=2,
            ls="--" if s.dashes else "-",
            marker=">" if s.arrows else "",
            markevery=[1],
            label=s.label,
        )
        for s in legend.relations.values()
    ]
    if handles:
        fig.legend(
            handles=handles,
            loc="outside lower center",
            ncols=min(len(handles), 5),
            frameon=False,
            fontsize=11,
        )
    total = G.number_of_nodes()
    shown = _plural(total, "concept")
    if len(nodes) < total:
        shown = f"the {len(nodes)} most important of {shown}"
    fig.suptitle(_picture_label(title or "Concept Atlas", 80), fontsize=16, fontweight="bold")
    ax.set_title(shown, fontsize=11, color="#52606d")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "concept-atlas"}):
        metadata = {"Date": None} if fmt == "svg" else {}
        fig.savefig(path, format=fmt, dpi=PICTURE_DPI, facecolor="white", metadata=metadata)
    return len(nodes)


#: Largest picture, in inches (width, height); resolution of PNG pictures.
PICTURE_MAX_INCHES = (30.0, 24.0)
PICTURE_DPI = 120
#: Space between a node and its label, in points.
LABEL_GAP_PT = 3.0
#: Stands for the caption of unlinked concepts among the nodes of a picture's layout.
_CAPTION = object()


@dataclass(frozen=True, slots=True)
class _NodeMark:
    """How one concept is drawn: marker area (points²), label text and font size,
    and the box that marker and label cover below the position, in inches."""

    size: float
    text: str
    font: float
    bold: bool
    half_width: float
    above: float
    below: float

    @property
    def radius_pt(self) -> float:
        return math.sqrt(self.size) / 2

    def scaled(self, factor: float) -> _NodeMark:
        return _NodeMark(
            size=self.size * factor**2,
            text=self.text,
            font=self.font * factor,
            bold=self.bold,
            half_width=self.half_width * factor,
            above=self.above * factor,
            below=self.below * factor,
        )

    @classmethod
    def caption(cls, text: str) -> _NodeMark:
        """A line of text (no marker) whose position is its top centre."""
        font = 11.0
        return cls(0.0, text, font, False, 0.3 * font / 72 * len(text), 0.0, 1.3 * font / 72)

    @classmethod
    def of(cls, H: nx.MultiDiGraph, node: Hashable) -> _NodeMark:
        importance = _importance(H.nodes[node])
        size = 140 + 900 * importance
        font = 9.0 + 4.0 * importance
        text = _picture_label(_label(H, node))
        lines = text.splitlines() or [""]
        radius = math.sqrt(size) / 2 / 72
        text_width = 0.6 * font / 72 * max(len(line) for line in lines)
        text_height = 1.25 * font / 72 * len(lines)
        return cls(
            size=size,
            text=text,
            font=font,
            bold=importance >= 0.6,
            half_width=max(radius, text_width / 2) + 0.08,
            above=radius + 0.05,
            below=radius + LABEL_GAP_PT / 72 + text_height + 0.05,
        )


def _spring_positions(H: nx.MultiDiGraph) -> dict[Hashable, tuple[float, float]]:
    """Connected concepts by a spring layout (fixed seed), in inches; concepts with no
    relation in a grid below them, most important first."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(H, key=str))
    simple.add_edges_from(sorted(((u, v) for u, v in H.edges() if u != v), key=str))
    alone = _unlinked(H)
    linked = [node for node in simple if node not in alone]
    positions: dict[Hashable, tuple[float, float]] = {}
    if linked:
        core = simple.subgraph(linked)
        layout = nx.spring_layout(
            core,
            seed=LAYOUT_SEED,
            k=1.6 / math.sqrt(len(linked)),
            iterations=200,
            method="energy",
        )
        xy = np.array([layout[n] for n in linked]) * 1.1 * math.sqrt(len(linked))
        xy = _landscape(xy - xy.mean(axis=0))
        positions = {n: (float(x), float(y)) for n, (x, y) in zip(linked, xy, strict=True)}
    if alone:
        xs = [x for x, _ in positions.values()] or [0.0]
        floor = min((y for _, y in positions.values()), default=0.0) - 1.6
        columns = max(4, int((max(xs) - min(xs)) / 1.7) + 1)
        for i, node in enumerate(alone):
            row, column = divmod(i, columns)
            positions[node] = (min(xs) + 1.7 * column, floor - 1.0 * row)
    return positions


def _unlinked(H: nx.MultiDiGraph) -> list[Hashable]:
    """Concepts with no relation to another concept, most important first."""
    linked = {n for u, v in H.edges() if u != v for n in (u, v)}
    return [node for node in ranked_concepts(H) if node not in linked]


def _landscape(xy: np.ndarray) -> np.ndarray:
    """Centred points rotated so that their longest spread runs left to right."""
    if len(xy) < 2:
        return xy
    _, vectors = np.linalg.eigh(np.cov(xy.T))
    return xy @ vectors[:, ::-1]


def _path_positions(H: nx.MultiDiGraph, steps: Sequence[Hashable]) -> dict:
    """Columns by prerequisite depth within the path (in path order within a column),
    in inches; concepts of ``H`` not on the path go in a last column."""
    on_path = set(steps)
    depth: dict[Hashable, int] = {}
    for node in steps:
        parents = [
            u
            for u, _, d in H.in_edges(node, data=True)
            if d.get("relation") == "prerequisite_of" and u in depth
        ]
        depth[node] = max((depth[u] + 1 for u in parents), default=0)
    extra = max(depth.values(), default=-1) + 1
    columns: dict[int, list[Hashable]] = defaultdict(list)
    for node in steps:
        columns[depth[node]].append(node)
    columns[extra] += [node for node in H if node not in on_path]
    positions = {}
    for x, members in columns.items():
        for i, node in enumerate(members):
            positions[node] = (2.2 * x, -(i - (len(members) - 1) / 2) * 1.2)
    return positions


def _separate(
    positions: Mapping[Hashable, tuple[float, float]],
    marks: Mapping[Hashable, _NodeMark],
    rounds: int = 300,
) -> dict[Hashable, tuple[float, float]]:
    """Move nodes apart until no two marker+label boxes overlap (or ``rounds`` runs
    out): each overlapping pair is pushed apart along the axis that needs less."""
    nodes = list(positions)
    if len(nodes) < 2:
        return dict(positions)
    xy = np.array([positions[n] for n in nodes], dtype=float)
    half_w = np.array([marks[n].half_width for n in nodes])
    half_h = np.array([(marks[n].above + marks[n].below) / 2 for n in nodes])
    offset = np.array([(marks[n].above - marks[n].below) / 2 for n in nodes])
    for _ in range(rounds):
        cx, cy = xy[:, 0], xy[:, 1] + offset
        dx = cx[:, None] - cx[None, :]
        dy = cy[:, None] - cy[None, :]
        over_x = half_w[:, None] + half_w[None, :] - np.abs(dx)
        over_y = half_h[:, None] + half_h[None, :] - np.abs(dy)
        clash = (over_x > 0) & (over_y > 0)
        np.fill_diagonal(clash, False)
        if not clash.any():
            break
        along_x = clash & (over_x <= 2 * over_y)  # sideways is cheaper: labels are tall
        along_y = clash & ~along_x
        sign_x = np.where(dx >= 0, 1.0, -1.0)
        sign_y = np.where(dy >= 0, 1.0, -1.0)
        xy[:, 0] += (np.where(along_x, over_x * sign_x, 0.0) / 2 + 0.01 * along_x).sum(axis=1)
        xy[:, 1] += (np.where(along_y, over_y * sign_y, 0.0) / 2 + 0.01 * along_y).sum(axis=1)
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, xy, strict=True)}


def _extent(
    positions: Mapping[Hashable, tuple[float, float]], marks: Mapping[Hashable, _NodeMark]
) -> tuple[float, float, float, float]:
    """Left, right, bottom and top of everything drawn, in inches, with a margin."""
    if not positions:
        return -1.0, 1.0, -1.0, 1.0
    left = min(x - marks[n].half_width for n, (x, _) in positions.items())
    right = max(x + marks[n].half_width for n, (x, _) in positions.items())
    bottom = min(y - marks[n].below for n, (_, y) in positions.items())
    top = max(y + marks[n].above for n, (_, y) in positions.items())
    return left - 0.2, right + 0.2, bottom - 0.2, top + 0.2


def _draw_edges(ax: Any, H: nx.MultiDiGraph, positions: Mapping, sizes: Mapping) -> None:
    grouped: dict[str, list[tuple[Hashable, Hashable]]] = defaultdict(list)
    for u, v, d in H.edges(data=True):
        if u != v:
            grouped[str(d.get("relation") or "related_to")].append((u, v))
    nodelist = list(H)
    for relation, edges in grouped.items():
        style = _style(relation)
        nx.draw_networkx_edges(
            H,
            positions,
            ax=ax,
            edgelist=list(dict.fromkeys(edges)),
            nodelist=nodelist,
            node_size=[sizes[node] for node in nodelist],
            edge_color=style.colour,
            style="--" if style.dashes else "-",
            width=1.3 if style.dashes else 2.0,
            alpha=0.8 if style.dashes else 0.95,
            arrows=True,
            arrowstyle="-|>" if style.arrows else "-",
            arrowsize=16,
            connectionstyle="arc3,rad=0.08",
        )


def _picture_label(text: str, width: int = 18) -> str:
    """A label for Matplotlib: one line of at most ~48 characters wrapped at
    ``width``, with ``$`` escaped (Matplotlib would read it as maths)."""
    wrapped = textwrap.fill(_cut(text, 48), width=width, break_long_words=True)
    return wrapped.replace("$", r"\$")


# --------------------------------------------------------------------------- dispatch


def export(
    G: nx.MultiDiGraph,
    fmt: str,
    out: str | os.PathLike[str],
    *,
    focus: str | None = None,
    depth: int = 1,
    path_target: str | None = None,
    cards: Mapping[str, Card] | None = None,
) -> nx.MultiDiGraph:
    """Export ``G`` (or a focus neighbourhood, or a learning path) as ``fmt`` at ``out``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A concept graph.
    fmt : str
        One of :data:`FORMATS`.
    out : path-like
        The file to write, or the folder for :data:`FOLDER_FORMATS`.
    focus, depth, path_target
        What to export (:func:`subgraph_for`). A learning path is also written in
        study order by the formats that have one (Markdown, Anki, Obsidian index,
        pictures).
    cards : mapping of str to Card, optional
        The cards by id, for :func:`write_anki`.

    Returns
    -------
    networkx.MultiDiGraph
        The graph that was exported.

    Raises
    ------
    ValueError
        Unknown format, or bad selection (see :func:`subgraph_for`).
    graph.query.UnknownConceptError
        The focus or path target names no concept.
    OSError
        ``out`` cannot be written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("rnn", "lstm", relation="prerequisite_of")
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "map.dot"
    >>> export(G, "dot", out).number_of_nodes()
    2
    >>> export(G, "pdf", out)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: unknown export format 'pdf'; choose from html, graphml, gexf, ...
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    centre = _resolve(G, focus) if focus is not None else None
    target = _resolve(G, path_target) if path_target is not None else None
    H = subgraph_for(G, focus=centre, depth=depth, path_target=target)
    order = learning_path(G, target) if target is not None else None
    title = _title(G, focus=centre, target=target)
    out = Path(out)
    if fmt not in FOLDER_FORMATS:
        out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "html":
        write_html(H, out, focus=centre)
    elif fmt == "graphml":
        write_graphml(H, out)
    elif fmt == "gexf":
        write_gexf(H, out)
    elif fmt == "json":
        write_json(H, out)
    elif fmt == "csv":
        write_csv(H, out)
    elif fmt == "mermaid":
        out.write_text(to_mermaid(H), encoding="utf-8")
    elif fmt == "dot":
        out.write_text(to_dot(H), encoding="utf-8")
    elif fmt == "markdown":
        out.write_text(to_markdown_guide(H, order, title=title), encoding="utf-8")
    elif fmt == "anki":
        write_anki(H, out, order, cards, deck_name=title.replace("::", ":"))
    elif fmt == "obsidian":
        write_obsidian(H, out, order=order, title=title)
    else:
        write_picture(H, out, fmt, order=order, focus=centre, title=title)
    return H


def _title(G: nx.MultiDiGraph, *, focus: Hashable | None, target: Hashable | None) -> str:
    if target is not None:
        return f"Learning path to {_one_line(_label(G, target))}"
    if focus is not None:
        return f"Concept Atlas: around {_one_line(_label(G, focus))}"
    return "Concept Atlas"


def add_cli(subparsers: argparse._SubParsersAction) -> None:
    """Add ``export`` to ``python -m graph``.

    ``python -m graph export --graph FILE --format FMT --out PATH [--focus CONCEPT
    --depth N | --path TARGET] [--json]`` prints ``wrote PATH (N concepts, M
    relations)`` (a JSON object with ``--json``); errors go to stderr with exit
    status 1 (2 for bad arguments, such as an unknown format).
    """
    p = subparsers.add_parser("export", help="write the graph, a neighbourhood or a path")
    p.add_argument("--graph", required=True, metavar="FILE", help="a graph JSON file")
    p.add_argument("--format", required=True, choices=FORMATS, dest="fmt", metavar="FMT")
    p.add_argument("--out", required=True, metavar="PATH", help="file (folder for csv/obsidian)")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--focus", metavar="CONCEPT", help="export around this concept only")
    which.add_argument(
        "--path", dest="path_target", metavar="TARGET", help="export the learning path to TARGET"
    )
    p.add_argument("--depth", type=int, default=1, metavar="N", help="radius of --focus")
    p.add_argument("--json", action="store_true", help="print a JSON summary")
    p.set_defaults(func=_cli_export)


def _cli_export(args: argparse.Namespace) -> int:
    try:
        G = read_graph(args.graph)
        H = export(
            G,
            args.fmt,
            args.out,
            focus=args.focus,
            depth=args.depth,
            path_target=args.path_target,
        )
    except (GraphFileError, UnknownConceptError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    nodes, edges = H.number_of_nodes(), H.number_of_edges()
    if args.json:
        summary = {"out": args.out, "format": args.fmt, "concepts": nodes, "relations": edges}
        print(json.dumps(summary, ensure_ascii=False))
    else:
        print(f"wrote {args.out} ({_plural(nodes, 'concept')}, {_plural(edges, 'relation')})")
    return 0


# --------------------------------------------------------------------------- helpers


def _label(G: nx.MultiDiGraph, node: Hashable) -> str:
    return str(G.nodes[node].get("label") or node)


def _topic(attrs: Mapping[str, Any]) -> str:
    return str(attrs.get("topic") or "").strip() or NO_TOPIC


def _importance(attrs: Mapping[str, Any]) -> float:
    try:
        value = float(attrs.get("importance") or 0.0)
    except (TypeError, ValueError):
        return 0.0
    return min(1.0, max(0.0, value)) if math.isfinite(value) else 0.0


def _style(relation: str) -> RelationStyle:
    return RELATION_STYLES.get(relation, _UNKNOWN_STYLE)


def _evidence(attrs: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [e for e in attrs.get("evidence") or () if isinstance(e, Mapping) and e.get("text")]


def _citation(evidence: Mapping[str, Any] | None) -> str:
    """``"notes.md, line 12"`` for an evidence dict (``""`` when it has no source)."""
    if not evidence or not evidence.get("source"):
        return ""
    line = evidence.get("line")
    return f"{evidence['source']}, line {line}" if line else str(evidence["source"])


def _drop_controls(text: str, keep: str) -> str:
    return "".join(c for c in text if c in keep or unicodedata.category(c) not in ("Cc", "Cf"))


def _one_line(text: Any) -> str:
    """Note text on one line: control characters dropped, whitespace collapsed."""
    return " ".join(_drop_controls(str(text), keep="\t\n\r").split())


def _cut(text: Any, limit: int) -> str:
    text = _one_line(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _md(text: str) -> str:
    return escape_markdown(str(text))


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", text).lower()).strip("-")
    return slug or "topic"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)
