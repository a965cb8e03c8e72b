"""``graphml``: GraphML for yEd, Gephi and ``networkx.read_graphml``."""

from __future__ import annotations

import os
from pathlib import Path

import networkx as nx

from graph.export._base import Written
from graph.export._xml import is_own as is_own  # this format's files
from graph.export._xml import scalar_copy, write_xml
from graph.export.select import Selection

FORMATS = ("graphml",)
SUFFIX = ".graphml"
FOLDER = False


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
    >>> G.add_node("nmr", label="NMR", aliases=["NMRs"], first_seen=None)
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
    >>> write_graphml(G, path)
    >>> H = nx.read_graphml(path, force_multigraph=True)
    >>> json.loads(H.nodes["nmr"]["aliases"]), H.nodes["nmr"]["first_seen"]
    (['NMRs'], '')
    """
    write_xml(path, nx.generate_graphml(scalar_copy(G)), what="GraphML file")


def write(selection: Selection, path: Path, fmt: str) -> Written:
    write_graphml(selection.graph, path)
    return Written(path, "graphml", selection.graph, total=selection.total)
