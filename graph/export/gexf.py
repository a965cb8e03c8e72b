"""``gexf``: GEXF 1.2 for Gephi, coloured by topic and sized by importance."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import networkx as nx

from graph.export._base import Written, importance, topic
from graph.export._xml import is_own as is_own  # this format's files
from graph.export._xml import scalar_copy, write_xml
from graph.export.select import Selection
from graph.render import NO_TOPIC_COLOUR, topic_colours

FORMATS = ("gexf",)
SUFFIX = ".gexf"
FOLDER = False


def write_gexf(
    G: nx.MultiDiGraph,
    path: str | os.PathLike[str],
    *,
    colours: Mapping[str, str] | None = None,
) -> None:
    """Write ``G`` as GEXF 1.2, coloured by topic and sized by importance for Gephi.

    Attributes are flattened as for :func:`graph.export.graphml.write_graphml`. GEXF
    has no graph attributes: the graph is named after its schema, and ``model`` and
    ``sources`` are not stored. Each node also gets ``viz`` colour and size, which
    ``nx.read_gexf`` gives back as a ``viz`` attribute; ``colours`` are the topic
    colours (of the whole graph ``G`` is a part of; default ``G``'s own).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = nx.MultiDiGraph(schema="concept-graph/1")
    >>> G.add_node("nmr", label="NMR", topic="imaging", importance=0.5)
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.gexf"
    >>> write_gexf(G, path)
    >>> H = nx.read_gexf(path, relabel=False)
    >>> H.nodes["nmr"]["label"], H.nodes["nmr"]["topic"], H.graph["name"]
    ('NMR', 'imaging', 'concept-graph/1')
    """
    H = scalar_copy(G)
    H.graph = {"name": str(G.graph.get("schema") or "")}
    colours = topic_colours(G) if colours is None else colours
    for node, (_, attrs) in zip(G.nodes, H.nodes(data=True), strict=True):  # same order
        r, g, b = _rgb(colours.get(topic(G.nodes[node]), NO_TOPIC_COLOUR))
        attrs["viz"] = {
            "color": {"r": r, "g": g, "b": b, "a": 1.0},
            "size": round(10 + 30 * importance(G.nodes[node]), 2),
        }
    write_xml(path, nx.generate_gexf(H), what="GEXF file")


def write(selection: Selection, path: Path, fmt: str) -> Written:
    write_gexf(selection.graph, path, colours=selection.colours)
    return Written(path, "gexf", selection.graph, total=selection.total)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)
