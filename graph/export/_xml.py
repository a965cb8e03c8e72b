"""What GraphML and GEXF share: attributes flattened to one scalar type each, text
cleaned of what XML 1.0 cannot hold, and the file written with a mark of its writer."""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from graph.export._base import MARK
from graph.io import head, write_text

_COMMENT = f"<!-- {MARK} -->"


def write_xml(path: str | os.PathLike[str], lines: Iterable[str], *, what: str) -> None:
    """Write XML ``lines`` (from ``nx.generate_graphml``/``generate_gexf``) as UTF-8,
    with a declaration and :data:`MARK` in a comment."""
    text = "\n".join(["<?xml version='1.0' encoding='utf-8'?>", _COMMENT, *lines, ""])
    write_text(path, text, owned=is_own, what=what)


def is_own(path: Path) -> bool:
    """Whether ``path`` is an XML file written by :func:`write_xml`."""
    return _COMMENT.encode() in head(path, 512)


def scalar_copy(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
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
