"""``json``: the concept-graph/1 file itself (:func:`graph.io.read_graph` reads it)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import networkx as nx

from graph.export._base import Written, encodable
from graph.export.select import Selection
from graph.io import is_graph_file as is_own
from graph.io import write_graph

FORMATS = ("json",)
SUFFIX = ".json"
FOLDER = False


def write_json(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> None:
    """Write ``G`` as a concept-graph/1 JSON file (:func:`graph.io.write_graph`).

    A lone surrogate in any text (ids, attribute names and values) cannot be written in
    UTF-8 and is written as U+FFFD (:func:`graph.export._base.encodable`); two ids that
    become the same get `` (2)``, `` (3)``...

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from graph.io import read_graph
    >>> G = nx.MultiDiGraph(schema="concept-graph/1", model=None, sources=[])
    >>> G.add_node("nmr", label="NMR", aliases=["NMRs"])
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.json"
    >>> write_json(G, path)
    >>> read_graph(path).nodes["nmr"]["aliases"]
    ['NMRs']
    """
    write_graph(without_surrogates(G), path)


def without_surrogates(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``G`` itself when no text of it holds a lone surrogate, else a copy whose text
    has U+FFFD in their place.

    >>> G = nx.MultiDiGraph([("a\\ud800", "b")], schema="x")
    >>> [n.encode() for n in without_surrogates(G)]
    [b'a\\xef\\xbf\\xbd', b'b']
    """
    if not _has_surrogate([G.graph, *G.nodes(data=True), *G.edges(keys=True, data=True)]):
        return G
    H = nx.MultiDiGraph(**_clean(G.graph))
    ids: dict = {}
    taken: set = set()
    for node in G.nodes:
        name, n = _clean(node), 1
        while name in taken:
            n += 1
            name = f"{_clean(node)} ({n})"
        ids[node] = name
        taken.add(name)
    H.add_nodes_from((ids[n], _clean(a)) for n, a in G.nodes(data=True))
    H.add_edges_from(
        (ids[u], ids[v], _clean(k), _clean(a)) for u, v, k, a in G.edges(keys=True, data=True)
    )
    return H


def _has_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        return encodable(value) != value
    if isinstance(value, dict):
        return any(_has_surrogate(k) or _has_surrogate(v) for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        return any(_has_surrogate(v) for v in value)
    return False


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return encodable(value)
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_clean(v) for v in value)
    return value


def write(selection: Selection, path: Path, fmt: str) -> Written:
    write_json(selection.graph, path)
    return Written(path, "json", selection.graph, total=selection.total)


__all__ = ["FOLDER", "FORMATS", "SUFFIX", "is_own", "write", "write_json"]
