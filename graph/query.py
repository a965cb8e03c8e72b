"""Questions a student asks of the concept graph, and their ``python -m graph`` commands.

- :func:`resolve` and :func:`search` find concepts by id, label, alias or close spelling.
- :func:`neighbourhood` and :func:`connect` explore around and between concepts.
- :func:`learning_path`, :func:`what_next` and :func:`break_cycles` order study along
  ``prerequisite_of`` edges (``u -> v``: learn ``u`` before ``v``); the first and last
  live in :mod:`graph.paths` and are importable from here.
- :func:`gaps` lists concepts the notes lean on but never define.

The functions take node ids (use :func:`resolve` on what a user typed) and raise
:class:`UnknownConceptError` for an id that is not in the graph. Name lookups and the
study order are computed once per graph and kept in ``G.__networkx_cache__`` (not in
``G.graph``, so the graph still writes as JSON); NetworkX empties that cache whenever
nodes or edges are added or removed, but not when attributes change in place.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import re
import sys
from collections import defaultdict, deque
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
from rapidfuzz import fuzz, process

from extraction.names import initials_match
from graph.io import GraphFileError, graph_to_data, read_graph
from graph.paths import (  # noqa: F401 (learning paths moved to graph.paths; importable here)
    PATH_MIN_STRENGTH,
    STUDY_MIN_CONFIDENCE,
    _study,
    _StudyOrder,
    break_cycles,
    learning_path,
)
from graph.topics import edge_strength

#: The relation vocabulary of concept-graph/1.
RELATIONS = (
    "is_a",
    "part_of",
    "uses",
    "addresses",
    "causes",
    "used_for",
    "contrasts_with",
    "example_of",
    "related_to",
    "prerequisite_of",
)
PREREQUISITE = "prerequisite_of"
#: Queries this short never match by fuzzy spelling ("MAP" is not "map", nor "MLP").
SHORT_QUERY = 4

#: Lowest fuzzy score (rapidfuzz WRatio, 0..100) that :func:`search` reports.
SEARCH_CUTOFF = 70

# Scores of the match tiers in :func:`search`; fuzzy scores are scaled below PREFIX.
_EXACT, _EXACT_CASELESS, _NORMALISED, _PREFIX = 100.0, 98.0, 95.0, 90.0
_FUZZY_SCALE = 0.85


class UnknownConceptError(LookupError):
    """A concept id (or, on the command line, a name) that the graph does not hold."""


class NoConnectionError(nx.NetworkXNoPath):
    """No chain of relations links two concepts."""


# --- names -------------------------------------------------------------------------------

_PAREN = re.compile(r"\s*\(([^()]*)\)")
_SEPARATORS = re.compile(r"[\s_\-–—]+")


def normalise(name: str) -> str:
    """A name folded for lookup: lower case, hyphens and underscores as spaces, the last
    word without a plural ``s``.

    Examples
    --------
    >>> normalise("Long_Short-Term  Memories"), normalise("LSTMs"), normalise("loss")
    ('long short term memorie', 'lstm', 'loss')
    """
    words = _SEPARATORS.sub(" ", name).strip().lower().split()
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and words[-1][-2] not in "su":
        words[-1] = words[-1][:-1]
    return " ".join(words)


def _variants(name: str) -> list[str]:
    """``name``, and for "LSTM (long short-term memory)" also "LSTM" and the expansion."""
    found = [name]
    inner = [m.group(1).strip() for m in _PAREN.finditer(name)]
    if inner:
        found.append(" ".join(_PAREN.sub(" ", name).split()))
        found.extend(inner)
    return [v for v in found if v]


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


@dataclass(slots=True)
class _Index:
    """Everything the queries precompute for one graph."""

    importance: dict[Any, float]
    first_seen: dict[Any, tuple]
    # (node, name, lower-case name, normalised name) for every name and variant
    entries: list[tuple[Any, str, str, str]]
    exact: dict[str, list] = field(default_factory=dict)
    caseless: dict[str, list] = field(default_factory=dict)
    normalised: dict[str, list] = field(default_factory=dict)
    norms: list[str] = field(default_factory=list)  # normalised name of each entry
    # sorted (name, entry position) pairs, for prefix lookups by bisection
    sorted_lower: list[tuple[str, int]] = field(default_factory=list)
    sorted_norm: list[tuple[str, int]] = field(default_factory=list)
    study: _StudyOrder | None = None
    # undirected weighted views for :func:`connect`, by edge filter
    routes: dict[tuple, nx.Graph] = field(default_factory=dict)


_CACHE_KEY = "concept_atlas.graph.query"


def _index(G: nx.MultiDiGraph) -> _Index:
    cache = getattr(G, "__networkx_cache__", None)
    if cache is not None and (index := cache.get(_CACHE_KEY)) is not None:
        return index
    sources = G.graph.get("sources") or []
    file_order: dict[str, int] = {}
    for i, s in enumerate(sources):
        path = str(s.get("path", ""))
        file_order.setdefault(path, i)
        file_order.setdefault(Path(path).name, i)
    importance, first_seen, entries = {}, {}, []
    for node, attrs in G.nodes(data=True):
        importance[node] = float(attrs.get("importance") or 0.0)
        seen = attrs.get("first_seen")
        first_seen[node] = (
            (0, file_order.get(seen[0], len(file_order)), str(seen[0]), seen[1])
            if seen
            else (1, 0, "", 0)
        )
        names = [str(node), str(attrs.get("label") or ""), *map(str, attrs.get("aliases") or ())]
        for variant in dict.fromkeys(v for name in names if name for v in _variants(name)):
            entries.append((node, variant, variant.lower(), normalise(variant)))
    index = _Index(importance, first_seen, entries)
    for node, name, lower, norm in entries:
        for table, key in ((index.exact, name), (index.caseless, lower), (index.normalised, norm)):
            bucket = table.setdefault(key, [])
            if node not in bucket:
                bucket.append(node)
    index.norms = [norm for *_, norm in entries]
    index.sorted_lower = sorted((lower, i) for i, (_, _, lower, _) in enumerate(entries))
    index.sorted_norm = sorted((norm, i) for i, norm in enumerate(index.norms))
    if cache is not None:
        cache[_CACHE_KEY] = index
    return index


def _best(index: _Index, nodes: Iterable) -> Any:
    return min(nodes, key=lambda n: (-index.importance[n], index.first_seen[n], str(n)))


def resolve(G: nx.MultiDiGraph, name: str, *, cutoff: float = 85) -> Any | None:
    """The concept that ``name`` means, or None.

    Tried in order: the node id; a label, alias or id spelled exactly (also "LSTM" and
    "long short-term memory" for "LSTM (long short-term memory)"); the same ignoring
    case; the same after :func:`normalise`; the same with a generic head word
    (:data:`GENERIC_HEADS`) added or left out ("attention" finds "attention mechanism");
    an acronym of the query's words ("gated recurrent unit" finds "GRU"); and last a
    close spelling (rapidfuzz ``token_sort_ratio`` over normalised names, score >=
    ``cutoff``). A close spelling
    is not enough for short queries (<= :data:`SHORT_QUERY` characters), and a short
    all-caps query is an acronym that matches only as written: "MAP" never means
    "map". A lower-case short query may still find an acronym ("lstm" finds "LSTM").
    Several matches go to the most important concept.

    ``token_sort_ratio`` rather than ``WRatio``: WRatio scores any name that merely
    contains the query at 90, so "attention" would resolve to the first long title that
    mentions attention; :func:`search` uses WRatio, where containment is what is wanted.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("LSTM (long short-term memory)", label="LSTM (long short-term memory)")
    >>> G.add_node("map", label="map")
    >>> {resolve(G, q) for q in ("lstm", "Long Short Term Memories", "long short term memmory")}
    {'LSTM (long short-term memory)'}
    >>> resolve(G, "MAP") is None, resolve(G, "Map")
    (True, 'map')
    """
    if name in G:
        return name
    query = " ".join(str(name).split())
    if not query:
        return None
    index = _index(G)
    short = len(query) <= SHORT_QUERY
    tables: list[tuple[dict[str, list], str]] = [(index.exact, query)]
    if not (short and _is_acronym(query)):
        tables += [(index.caseless, query.lower()), (index.normalised, normalise(query))]
    for table, key in tables:
        if found := table.get(key):
            return _best(index, found)
    if short:
        return None
    if found := _by_generic_head(index, normalise(query)) or _by_initials(index, query):
        return _best(index, found)
    matches = process.extract(
        normalise(query), index.norms, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff, limit=None
    )
    if not matches:
        return None
    top = max(score for _, score, _ in matches)
    return _best(index, (index.entries[i][0] for _, score, i in matches if score == top))


#: Head words a name may carry or leave out: "attention" and "attention mechanism",
#: "sigmoid" and "sigmoid function" name one concept.
GENERIC_HEADS = frozenset(
    "mechanism model architecture network method function problem algorithm technique".split()
)


def _by_generic_head(index: _Index, query: str) -> list:
    """Nodes named like ``query`` (normalised) with a generic head word added or left out."""
    words = query.split()
    if len(words) > 1 and words[-1] in GENERIC_HEADS:
        return list(index.normalised.get(" ".join(words[:-1]), ()))
    return [
        n for head in sorted(GENERIC_HEADS) for n in index.normalised.get(f"{query} {head}", ())
    ]


def _by_initials(index: _Index, query: str) -> list:
    """Nodes named only by an acronym of the words of ``query``: "gated recurrent unit"
    is the "GRU", "backpropagation through time" the "BPTT" (a node that also has a
    spelled-out name, which the query did not match, is something else)."""
    if len(query.split()) < 2:
        return []
    spelled = {node for node, name, _, _ in index.entries if len(name.split()) > 1}
    return [
        node
        for name, nodes in index.exact.items()
        if _is_acronym(name) and initials_match(name, query)
        for node in nodes
        if node not in spelled  # a spelled-out name the query did not match: not this one
    ]


def search(G: nx.MultiDiGraph, query: str, *, limit: int = 10) -> list[tuple[Any, float]]:
    """Concepts matching ``query``, best first, with a score from 0 to 100.

    Exact names score 100 (98 ignoring case, 95 after :func:`normalise`), names that
    start with the query 90, close spellings (rapidfuzz ``WRatio`` >= :data:`SEARCH_CUTOFF`,
    not for queries of :data:`SHORT_QUERY` characters or fewer) below that. Equal scores
    go to the more important concept.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("gradient descent", label="gradient descent", importance=0.5)
    >>> G.add_node("gradient clipping", label="gradient clipping", importance=0.9)
    >>> G.add_node("stochastic gradient descent", aliases=["SGD"], importance=0.4)
    >>> search(G, "gradient")
    [('gradient clipping', 90.0), ('gradient descent', 90.0), ('stochastic gradient descent', 76.5)]
    >>> search(G, "sgd")
    [('stochastic gradient descent', 98.0)]
    """
    query = " ".join(str(query).split())
    if not query or limit <= 0:
        return []
    index = _index(G)
    lower, norm = query.lower(), normalise(query)
    scores: dict[Any, float] = {}

    def offer(node: Any, score: float) -> None:
        if score > scores.get(node, -1.0):
            scores[node] = score

    for table, key, score in (
        (index.exact, query, _EXACT),
        (index.caseless, lower, _EXACT_CASELESS),
        (index.normalised, norm, _NORMALISED),
    ):
        for node in table.get(key, ()):
            offer(node, score)
    for names, prefix in ((index.sorted_lower, lower), (index.sorted_norm, norm)):
        start = bisect.bisect_left(names, (prefix,))
        for name, i in names[start:]:
            if not name.startswith(prefix):
                break
            offer(index.entries[i][0], _PREFIX)
    if len(query) > SHORT_QUERY:
        for _, score, i in process.extract(
            norm, index.norms, scorer=fuzz.WRatio, score_cutoff=SEARCH_CUTOFF, limit=None
        ):
            offer(index.entries[i][0], round(score * _FUZZY_SCALE, 1))
    ranked = sorted(
        scores.items(),
        key=lambda item: (-item[1], -index.importance[item[0]], index.first_seen[item[0]]),
    )
    return ranked[:limit]


# --- exploring ---------------------------------------------------------------------------


def _require(G: nx.MultiDiGraph, *concepts: Any) -> None:
    for concept in concepts:
        if concept not in G:
            raise UnknownConceptError(f"no concept {concept!r} in the graph")


def _edge_filter(relations: Iterable[str] | None, min_confidence: float):
    wanted = None if relations is None else set(relations)
    if wanted is not None and (unknown := wanted - set(RELATIONS)):
        raise ValueError(f"unknown relation(s): {', '.join(sorted(unknown))}")

    def keep(attrs: dict) -> bool:
        if wanted is not None and attrs.get("relation") not in wanted:
            return False
        return float(attrs.get("confidence") or 0.0) >= min_confidence

    return keep


def neighbourhood(
    G: nx.MultiDiGraph,
    concept: Any,
    *,
    depth: int = 1,
    relations: Iterable[str] | None = None,
    min_confidence: float = 0.0,
) -> nx.MultiDiGraph:
    """The concepts within ``depth`` hops of ``concept``, in either direction, and the
    edges between them that pass the filters (a copy, graph attributes included).

    Parameters
    ----------
    G : networkx.MultiDiGraph
    concept : node
    depth : int
        Hops to follow; 0 gives the concept alone.
    relations : iterable of str, optional
        Follow and keep only these relations (default: all).
    min_confidence : float
        Follow and keep only edges at least this confident.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("rnn", "lstm", relation="prerequisite_of", confidence=0.9)
    >>> _ = G.add_edge("gate", "lstm", relation="part_of", confidence=0.8)
    >>> _ = G.add_edge("gate", "sigmoid", relation="uses", confidence=0.4)
    >>> sorted(neighbourhood(G, "lstm"))
    ['gate', 'lstm', 'rnn']
    >>> sorted(neighbourhood(G, "lstm", depth=2, min_confidence=0.5))
    ['gate', 'lstm', 'rnn']
    >>> sorted(neighbourhood(G, "lstm", depth=2, relations=["part_of", "uses"]))
    ['gate', 'lstm', 'sigmoid']
    """
    _require(G, concept)
    if depth < 0:
        raise ValueError("depth must be >= 0")
    keep = _edge_filter(relations, min_confidence)
    seen = {concept: 0}
    queue = deque([concept])
    while queue:
        node = queue.popleft()
        if seen[node] == depth:
            continue
        edges = [(v, a) for _, v, a in G.out_edges(node, data=True)]
        edges += [(u, a) for u, _, a in G.in_edges(node, data=True)]
        for other, attrs in edges:
            if other not in seen and keep(attrs):
                seen[other] = seen[node] + 1
                queue.append(other)
    H = nx.MultiDiGraph(**G.graph)
    H.add_nodes_from((n, G.nodes[n]) for n in seen)
    H.add_edges_from(
        (u, v, k, dict(a)) for u, v, k, a in G.subgraph(seen).edges(keys=True, data=True) if keep(a)
    )
    return H


def _routes(G: nx.MultiDiGraph, relations: Iterable[str] | None, min_confidence: float):
    """Undirected view of the edges passing the filters; weight = 1 / strength of the
    strongest edge between two concepts (cached per filter)."""
    key = (None if relations is None else frozenset(relations), min_confidence)
    index = _index(G)
    if (H := index.routes.get(key)) is not None:
        return H
    keep = _edge_filter(relations, min_confidence)
    H = index.routes[key] = nx.Graph()
    H.add_nodes_from(G)
    for u, v, k, attrs in G.edges(keys=True, data=True):
        strength = edge_strength(attrs)
        if u == v or strength <= 0 or not keep(attrs):
            continue
        cost = 1.0 / strength
        if not H.has_edge(u, v) or cost < H[u][v]["weight"]:
            H.add_edge(u, v, weight=cost, edge=(u, v, k))
    return H


def connect(
    G: nx.MultiDiGraph,
    a: Any,
    b: Any,
    *,
    relations: Iterable[str] | None = None,
    min_confidence: float = 0.0,
) -> list[dict]:
    """The best-explained chain of relations from ``a`` to ``b``.

    Edges are walked in either direction; the chain minimises the sum of
    ``1 / edge_strength`` (:func:`graph.topics.edge_strength`), so it prefers few,
    confident, typed relations over ``related_to`` ones.

    Returns
    -------
    list of dict
        One step per hop, ``{"source", "target", "relation", "confidence", "evidence",
        "label", "direction"}``: ``source -> target`` follow the chain from ``a``, and
        ``direction`` is ``"forward"`` when the graph's edge points that way, else
        ``"backward"``. Empty when ``a == b``.

    Raises
    ------
    UnknownConceptError
        ``a`` or ``b`` is not in the graph.
    NoConnectionError
        No chain of (filtered) edges links them.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("lstm", "vanishing gradient", relation="addresses", confidence=0.9)
    >>> _ = G.add_edge("rnn", "vanishing gradient", relation="causes", confidence=0.8)
    >>> [(s["source"], s["relation"], s["direction"]) for s in connect(G, "lstm", "rnn")]
    [('lstm', 'addresses', 'forward'), ('vanishing gradient', 'causes', 'backward')]
    """
    _require(G, a, b)
    if a == b:
        return []
    H = _routes(G, relations, min_confidence)
    try:
        nodes = nx.dijkstra_path(H, a, b, weight="weight")
    except nx.NetworkXNoPath:
        raise NoConnectionError(f"no chain of relations links {a!r} and {b!r}") from None
    steps = []
    for here, there in itertools.pairwise(nodes):
        u, v, k = H[here][there]["edge"]
        attrs = G.edges[u, v, k]
        steps.append(
            {
                "source": here,
                "target": there,
                "relation": attrs.get("relation"),
                "confidence": attrs.get("confidence"),
                "evidence": list(attrs.get("evidence") or []),
                "label": attrs.get("label") or "",
                "direction": "forward" if u == here else "backward",
            }
        )
    return steps


# --- study order -------------------------------------------------------------------------


def what_next(G: nx.MultiDiGraph, known: Collection) -> list:
    """Concepts that are ready to learn: not ``known``, and every ``prerequisite_of``
    predecessor known.

    Ranked by importance, except that concepts the known ones have just unlocked (with at
    least one prerequisite, all known) come before roots (with none), so the list
    continues what the student has been studying.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("rnn", "lstm", relation="prerequisite_of", confidence=0.9)
    >>> _ = G.add_edge("lstm", "seq2seq", relation="prerequisite_of", confidence=0.9)
    >>> G.add_node("cnn", importance=1.0)
    >>> what_next(G, {"rnn"}), what_next(G, set())
    (['lstm', 'cnn'], ['cnn', 'rnn'])
    """
    index, study = _study(G)
    known = set(known)
    ready = [
        n for n, parents in study.parents.items() if n not in known and known.issuperset(parents)
    ]
    return sorted(
        ready,
        key=lambda n: (
            not study.parents[n],
            -index.importance[n],
            index.first_seen[n],
            str(n),
        ),
    )


def _mention_pattern(G: nx.MultiDiGraph, node: Any) -> re.Pattern[str] | None:
    attrs = G.nodes[node]
    names = {str(node), str(attrs.get("label") or ""), *map(str, attrs.get("aliases") or ())}
    names = {v for name in names for v in _variants(name) if len(v) >= 2}
    if not names:
        return None
    parts = [
        f"(?-i:{re.escape(n)})" if _is_acronym(n) else re.escape(n)
        for n in sorted(names, key=len, reverse=True)
    ]
    return re.compile(rf"\b(?:{'|'.join(parts)})(?:s|es)?\b", re.IGNORECASE)


def gaps(G: nx.MultiDiGraph) -> list[dict]:
    """Concepts the notes use but never define: no definition and no card of their own,
    yet cited by other concepts.

    A concept is cited by another when an edge with evidence links the two (either
    way) or when its name appears in the other's definition.

    Returns
    -------
    list of dict
        ``{"concept", "label", "used_by": [ids], "message"}``, most cited first (then
        most important, then id).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("lstm", label="LSTM", definition="An RNN with gates.", cards=["n#1"])
    >>> G.add_node("gru", label="GRU", definition="A simpler RNN with gates.", cards=["n#2"])
    >>> G.add_node("RNN", label="RNN", definition="", cards=[])
    >>> [(g["concept"], g["used_by"], g["message"]) for g in gaps(G)]
    [('RNN', ['gru', 'lstm'], 'you have no card for RNN')]
    """
    index = _index(G)
    found = []
    for node, attrs in G.nodes(data=True):
        if attrs.get("definition") or attrs.get("cards"):
            continue
        users = set()
        for u, v, a in [*G.in_edges(node, data=True), *G.out_edges(node, data=True)]:
            other = v if u == node else u
            if other != node and a.get("evidence"):
                users.add(other)
        pattern = _mention_pattern(G, node)
        if pattern is not None:
            users.update(
                other
                for other, definition in G.nodes(data="definition")
                if other != node and definition and pattern.search(str(definition))
            )
        if users:
            label = str(attrs.get("label") or node)
            found.append(
                {
                    "concept": node,
                    "label": label,
                    "used_by": sorted(users, key=str),
                    "message": f"you have no card for {label}",
                }
            )
    found.sort(
        key=lambda g: (-len(g["used_by"]), -index.importance[g["concept"]], str(g["concept"]))
    )
    return found


# --- command line ------------------------------------------------------------------------


def add_cli(subparsers: argparse._SubParsersAction) -> None:
    """Add ``search``, ``neighbourhood``, ``connect``, ``path``, ``next``, ``gaps`` and
    ``topics`` to ``python -m graph``.

    Every command reads ``--graph FILE`` (concept-graph/1), prints for people by default
    and JSON with ``--json``, and reports errors on stderr with exit status 1 (2 for bad
    arguments). Concepts are given by id, label, alias or close spelling (:func:`resolve`).

    ``path TARGET...`` maps each TARGET, as typed, to the node ids of its learning path
    (``null`` when TARGET names no concept, with a message on stderr); it exits 0 when
    at least one TARGET was found, 1 when none was. ``--known`` names that match no
    concept are reported on stderr and ignored.
    """

    def command(name: str, handler, help: str) -> argparse.ArgumentParser:
        parser = subparsers.add_parser(name, help=help)
        parser.add_argument("--graph", required=True, metavar="FILE", help="a graph JSON file")
        parser.add_argument("--json", action="store_true", help="print JSON")
        parser.set_defaults(func=lambda args: _run(handler, args))
        return parser

    p = command("search", _cli_search, "find concepts by name or close spelling")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=10, metavar="N")

    p = command("neighbourhood", _cli_neighbourhood, "concepts around a concept")
    p.add_argument("concept")
    p.add_argument("--depth", type=int, default=1, metavar="N")
    p.add_argument("--relation", action="append", choices=RELATIONS, metavar="R")
    p.add_argument("--min-confidence", type=float, default=0.0, metavar="X")

    p = command("connect", _cli_connect, "how two concepts are related")
    p.add_argument("a")
    p.add_argument("b")

    p = command("path", _cli_path, "what to study, in order, to learn each TARGET")
    p.add_argument("targets", nargs="+", metavar="TARGET")
    p.add_argument("--known", nargs="+", default=[], metavar="C")

    p = command("next", _cli_next, "what is ready to learn next")
    p.add_argument("--known", nargs="+", default=[], metavar="C")
    p.add_argument("--limit", type=int, default=10, metavar="N")

    command("gaps", _cli_gaps, "concepts the notes use but never define")

    p = command("topics", _cli_topics, "the topics and their main concepts")
    p.add_argument("--top", type=int, default=5, metavar="N", help="concepts shown per topic")


def _run(handler, args: argparse.Namespace) -> int:
    try:
        G = read_graph(args.graph)
        return handler(G, args)
    except (GraphFileError, UnknownConceptError, NoConnectionError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def _print_json(payload: Any) -> None:
    print(json.dumps(payload, ensure_ascii=False, indent=1))


def _concept(G: nx.MultiDiGraph, name: str) -> Any:
    node = resolve(G, name)
    if node is None:
        raise UnknownConceptError(f"no concept matches {name!r} (try `search`)")
    return node


def _known(G: nx.MultiDiGraph, names: Iterable[str]) -> set:
    known = set()
    for name in names:
        node = resolve(G, name)
        if node is None:
            print(f"warning: --known {name!r} matches no concept; ignored", file=sys.stderr)
        else:
            known.add(node)
    return known


def _label(G: nx.MultiDiGraph, node: Any) -> str:
    return str(G.nodes[node].get("label") or node)


def _first_line(text: Any) -> str:
    return next((line.strip() for line in str(text or "").splitlines() if line.strip()), "")


def _cli_search(G: nx.MultiDiGraph, args: argparse.Namespace) -> int:
    results = search(G, args.query, limit=args.limit)
    if args.json:
        _print_json([{"id": n, "label": _label(G, n), "score": s} for n, s in results])
    elif results:
        for node, score in results:
            print(f"{score:5.1f}  {_label(G, node)}  [{node}]")
    else:
        print(f"no concept matches {args.query!r}", file=sys.stderr)
    return 0 if results else 1


def _cli_neighbourhood(G: nx.MultiDiGraph, args: argparse.Namespace) -> int:
    node = _concept(G, args.concept)
    H = neighbourhood(
        G, node, depth=args.depth, relations=args.relation, min_confidence=args.min_confidence
    )
    if args.json:
        _print_json(graph_to_data(H))
        return 0
    print(f"{_label(G, node)}: {H.number_of_nodes() - 1} concepts within {args.depth} hop(s)")
    for u, v, attrs in sorted(H.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        print(
            f"  {_label(G, u)} —{attrs.get('relation')}→ {_label(G, v)}"
            f"  ({attrs.get('confidence')})"
        )
    return 0


def _cli_connect(G: nx.MultiDiGraph, args: argparse.Namespace) -> int:
    a, b = _concept(G, args.a), _concept(G, args.b)
    steps = connect(G, a, b)
    if args.json:
        _print_json({"from": a, "to": b, "steps": steps})
        return 0
    if not steps:
        print(f"{_label(G, a)} and {_label(G, b)} are the same concept")
    for step in steps:
        arrow = (
            f"—{step['relation']}→" if step["direction"] == "forward" else f"←{step['relation']}—"
        )
        print(
            f"{_label(G, step['source'])} {arrow} {_label(G, step['target'])}"
            f"  ({step['confidence']})"
        )
        for e in step["evidence"][:1]:
            print(f"    “{e['text']}” ({e['source']}:{e['line']})")
    return 0


def _cli_path(G: nx.MultiDiGraph, args: argparse.Namespace) -> int:
    known = _known(G, args.known)
    paths: dict[str, list | None] = {}
    for target in args.targets:
        node = resolve(G, target)
        if node is None:
            print(f"error: no concept matches {target!r}", file=sys.stderr)
            paths[target] = None
        else:
            paths[target] = learning_path(G, node, known=known)
    if args.json:
        _print_json(paths)
    else:
        for path in paths.values():
            if path is None:
                continue
            print(f"To learn {_label(G, path[-1])}: {len(path)} step(s)")
            for i, node in enumerate(path, 1):
                definition = _first_line(G.nodes[node].get("definition"))
                print(f"  {i}. {_label(G, node)}" + (f" — {definition}" if definition else ""))
    return 0 if any(path is not None for path in paths.values()) else 1


def _cli_next(G: nx.MultiDiGraph, args: argparse.Namespace) -> int:
    ready = what_next(G, _known(G, args.known))[: args.limit]
    if args.json:
        _print_json([{"id": n, "label": _label(G, n)} for n in ready])
    else:
        for i, node in enumerate(ready, 1):
            print(f"{i}. {_label(G, node)}")
    return 0


def _cli_gaps(G: nx.MultiDiGraph, args: argparse.Namespace) -> int:
    found = gaps(G)
    if args.json:
        _print_json(found)
        return 0
    if not found:
        print("no gaps: every concept the notes rely on has a card")
    for gap in found:
        print(f"{gap['message']} (used by {len(gap['used_by'])} concept(s))")
    return 0


def _cli_topics(G: nx.MultiDiGraph, args: argparse.Namespace) -> int:
    members: dict[str, list] = defaultdict(list)
    for node, topic in G.nodes(data="topic"):
        members[str(topic or "")].append(node)
    importance = _index(G).importance
    topics = [
        {
            "topic": topic,
            "size": len(nodes),
            "top": sorted(nodes, key=lambda n: (-importance[n], str(n)))[: args.top],
        }
        for topic, nodes in members.items()
    ]
    topics.sort(key=lambda t: (-t["size"], t["topic"]))
    if args.json:
        _print_json(topics)
        return 0
    for t in topics:
        print(
            f"{t['topic'] or '(no topic)'} ({t['size']}): "
            + ", ".join(_label(G, n) for n in t["top"])
        )
    return 0
