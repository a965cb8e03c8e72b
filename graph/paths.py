"""Learning paths: what to study, in order, to learn a concept.

Prerequisites are the ``prerequisite_of`` edges of the graph (``u -> v``: learn ``u``
before ``v``). :func:`break_cycles` removes the weakest link of every cycle,
:func:`learning_path` gives a target's prerequisites in study order. The study order is
computed once per graph and kept with the name lookups of :mod:`graph.query` (in
``G.__networkx_cache__``).
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:
    from graph.query import _Index

PREREQUISITE = "prerequisite_of"

#: Prerequisites weaker than this (inferred from co-occurrence alone) stay in the graph
#: but learning paths and "what next" do not follow them: chained, they make paths long
#: and noisy.
STUDY_MIN_CONFIDENCE = 0.36
#: Weakest chain of prerequisites (the product of its confidences) that puts a concept
#: on a learning path: a direct prerequisite of 0.36 or more always, two links of 0.6,
#: three of 0.7.
PATH_MIN_STRENGTH = 0.34


@dataclass(slots=True)
class _StudyOrder:
    parents: dict[Any, list]  # prerequisite_of predecessors, cycles broken
    order: dict[Any, tuple]  # study rank: (depth, -importance, first_seen, id)
    strength: dict[tuple[Any, Any], float]  # (parent, child) -> the edge's confidence


def break_cycles(G: nx.MultiDiGraph) -> list[tuple[Any, Any, Any]]:
    """Remove ``prerequisite_of`` edges from ``G``, in place, until they form no cycle.

    While a cycle remains, the weakest link on it goes: the pair ``u -> v`` whose best
    edge has the lowest confidence (then the least evidence, then the smallest ids), with
    all its parallel ``prerequisite_of`` edges. Other relations are never touched. The
    result does not depend on the order nodes and edges were added in.

    Returns
    -------
    list of tuple
        The removed edges as ``(u, v, key)``, in the order they were removed.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", relation="prerequisite_of", confidence=0.9)
    >>> _ = G.add_edge("b", "c", relation="prerequisite_of", confidence=0.8)
    >>> _ = G.add_edge("c", "a", relation="prerequisite_of", confidence=0.3)
    >>> _ = G.add_edge("c", "a", relation="related_to", confidence=0.2)
    >>> break_cycles(G)
    [('c', 'a', 0)]
    >>> sorted((u, v, d["relation"]) for u, v, d in G.edges(data=True))
    [('a', 'b', 'prerequisite_of'), ('b', 'c', 'prerequisite_of'), ('c', 'a', 'related_to')]
    """
    links: dict[tuple[Any, Any], list] = defaultdict(list)
    for u, v, k, attrs in G.edges(keys=True, data=True):
        if attrs.get("relation") == PREREQUISITE:
            links[(u, v)].append(k)

    def strength(pair: tuple[Any, Any]) -> tuple:
        edges = [G.edges[(*pair, k)] for k in links[pair]]
        confidence = max(float(e.get("confidence") or 0.0) for e in edges)
        evidence = max(len(e.get("evidence") or ()) for e in edges)
        return (confidence, evidence, str(pair[0]), str(pair[1]))

    D = nx.DiGraph()
    D.add_nodes_from(sorted({n for pair in links for n in pair}, key=str))
    D.add_edges_from(sorted(links, key=lambda pair: (str(pair[0]), str(pair[1]))))
    removed = []
    while True:
        try:
            cycle = nx.find_cycle(D)
        except nx.NetworkXNoCycle:
            return removed
        u, v = min(((u, v) for u, v in cycle), key=strength)
        D.remove_edge(u, v)
        for k in sorted(links[(u, v)], key=str):
            G.remove_edge(u, v, k)
            removed.append((u, v, k))


def _study(G: nx.MultiDiGraph) -> tuple[_Index, _StudyOrder]:
    from graph.query import _index  # graph.query re-exports this module's functions

    index = _index(G)
    if index.study is None:
        dag = nx.MultiDiGraph()
        dag.add_nodes_from(G)
        dag.add_edges_from(
            (u, v, k, a)
            for u, v, k, a in G.edges(keys=True, data=True)
            if a.get("relation") == PREREQUISITE
            and a.get("confidence", 1.0) >= STUDY_MIN_CONFIDENCE
        )
        break_cycles(dag)
        parents = {node: list(dict.fromkeys(dag.predecessors(node))) for node in dag}
        depth: dict[Any, int] = {}
        for node in nx.topological_sort(dag):
            depth[node] = max((depth[p] + 1 for p in parents[node]), default=0)
        order = {n: (depth[n], -index.importance[n], index.first_seen[n], str(n)) for n in parents}
        strength: dict[tuple[Any, Any], float] = {}
        for u, v, a in dag.edges(data=True):
            strength[(u, v)] = max(strength.get((u, v), 0.0), float(a.get("confidence", 1.0)))
        index.study = _StudyOrder(parents, order, strength)
    return index, index.study


def learning_path(
    G: nx.MultiDiGraph,
    target: Any,
    *,
    known: Collection = (),
    min_strength: float = PATH_MIN_STRENGTH,
) -> list:
    """What to study, in order, to learn ``target``: its ``prerequisite_of`` ancestors
    that are not ``known``, then the target itself (always last, even when known).

    An ancestor is on the path when its strongest chain of prerequisites down to
    ``target`` is at least ``min_strength`` strong (the product of the edges'
    confidences, :data:`PATH_MIN_STRENGTH` by default): a concept needed for a
    prerequisite of a prerequisite of a prerequisite, each link unsure, is no longer
    needed for the target. ``min_strength=0`` gives every ancestor.

    Concepts are sorted by depth (the longest chain of prerequisites above them; shallower
    first), then importance (higher first), then where the notes introduce them
    (``first_seen``: file order, then line). Depth grows along every prerequisite edge,
    so this order is topological. Cycles of prerequisites are broken first
    (:func:`break_cycles` on a copy; ``G`` is unchanged), and prerequisites weaker than
    :data:`STUDY_MIN_CONFIDENCE` are not followed.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for u, v in [("algebra", "calculus"), ("calculus", "backprop"),
    ...              ("algebra", "matrices"), ("matrices", "backprop")]:
    ...     _ = G.add_edge(u, v, relation="prerequisite_of", confidence=0.9)
    >>> G.nodes["matrices"]["importance"] = 0.8
    >>> learning_path(G, "backprop")
    ['algebra', 'matrices', 'calculus', 'backprop']
    >>> learning_path(G, "backprop", known={"algebra", "calculus"})
    ['matrices', 'backprop']
    """
    from graph.query import _require

    _require(G, target)
    _, study = _study(G)
    known = set(known)
    best = {target: 1.0}  # the strongest chain from each ancestor down to the target
    heap = [(-1.0, 0, target)]
    tie = 0
    while heap:
        negative, _, node = heapq.heappop(heap)
        if -negative < best.get(node, 0.0):
            continue
        for parent in study.parents[node]:
            chain = -negative * study.strength[(parent, node)]
            if chain >= min_strength and chain > best.get(parent, 0.0):
                best[parent] = chain
                tie += 1
                heapq.heappush(heap, (-chain, tie, parent))
    del best[target]
    return [*sorted(set(best) - known, key=study.order.__getitem__), target]
