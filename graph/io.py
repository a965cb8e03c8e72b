"""Reading and writing concept-graph/1 files (NetworkX node-link JSON)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import networkx as nx

#: The schema name written in ``G.graph["schema"]`` (see design.md).
SCHEMA = "concept-graph/1"


class GraphFileError(ValueError):
    """A graph file is missing, not JSON, or not concept-graph/1."""


def graph_to_data(G: nx.MultiDiGraph) -> dict:
    """The node-link dict of ``G`` (``edges="edges"``, as design.md specifies)."""
    return nx.node_link_data(G, edges="edges")


def write_graph(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> None:
    """Write ``G`` as concept-graph/1 JSON, atomically (a reader never sees half a file).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = nx.MultiDiGraph(schema=SCHEMA, model=None, sources=[])
    >>> G.add_node("attention", label="attention")
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.json"
    >>> write_graph(G, path)
    >>> list(read_graph(path).nodes)
    ['attention']
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(graph_to_data(G), ensure_ascii=False, indent=1)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_graph(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Read a concept-graph/1 file; raises :class:`GraphFileError` with the reason."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GraphFileError(f"{path}: cannot open: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GraphFileError(f"{path}: not a graph file (invalid JSON: {exc})") from None
    schema = data.get("graph", {}).get("schema") if isinstance(data, dict) else None
    if schema != SCHEMA:
        raise GraphFileError(f"{path}: schema is {schema!r}, expected {SCHEMA!r}")
    G = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    return G
