"""What GraphML and GEXF share: attributes flattened to one scalar type each, text
cleaned of what XML 1.0 cannot hold, and the file written with a mark of its writer."""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from graph.export._base import MARK, writable
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
    attribute name (per graph, nodes and edges), and whose text (node ids and attribute
    names included) holds only characters XML 1.0 allows: a control character but tab
    and line breaks, a lone surrogate, U+FFFE or U+FFFF becomes U+FFFD
    (:func:`graph.export._base.writable`). Two node ids that become the same get
    `` (2)``, `` (3)``... (no id is written twice); ids are written as text.

    XML itself reads a carriage return in text back as a line feed.

    >>> H = scalar_copy(nx.MultiDiGraph([("a\\x00", "a\\x01")]))
    >>> list(H) == ["a\\ufffd", "a\\ufffd (2)"]
    True
    """
    H = nx.MultiDiGraph()
    H.graph.update(_uniform([{_key(k): _scalar(v) for k, v in G.graph.items()}])[0])
    ids: dict[Hashable, str] = {}
    taken: set[str] = set()
    for node in G.nodes:
        clean = _xml_text(str(node))  # as the file writes it: 1 and "1" are one id
        name, n = clean, 1
        while name in taken:  # two ids that differ only by what XML cannot hold
            n += 1
            name = f"{clean} ({n})"
        taken.add(name)
        ids[node] = name
    nodes = _uniform([{_key(k): _scalar(v) for k, v in a.items()} for _, a in G.nodes(data=True)])
    H.add_nodes_from(zip((ids[n] for n in G.nodes), nodes, strict=True))
    edges = list(G.edges(keys=True, data=True))
    flat = _uniform([{_key(k): _scalar(v) for k, v in a.items()} for *_, a in edges])
    H.add_edges_from((ids[u], ids[v], k, a) for (u, v, k, _), a in zip(edges, flat, strict=True))
    return H


def _xml_text(text: str) -> str:
    """``text`` with U+FFFD for what XML 1.0 cannot hold (C0 controls but tab and line
    breaks, lone surrogates, U+FFFE and U+FFFF) and for C1 controls."""
    return writable(text)


def _key(name: Any) -> str:
    return _xml_text(str(name))


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
