"""``json``: the concept-graph/1 file itself (:func:`graph.io.read_graph` reads it)."""

from __future__ import annotations

import os
from pathlib import Path

import networkx as nx

from graph.export._base import Written
from graph.export.select import Selection
from graph.io import is_graph_file as is_own
from graph.io import write_graph

FORMATS = ("json",)
SUFFIX = ".json"
FOLDER = False


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


def write(selection: Selection, path: Path, fmt: str) -> Written:
    write_json(selection.graph, path)
    return Written(path, "json", selection.graph, total=selection.total)


__all__ = ["FOLDER", "FORMATS", "SUFFIX", "is_own", "write", "write_json"]
