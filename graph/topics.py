"""Topics (communities of concepts) and importance (a ranking of concepts).

Both work on a concept-graph/1 ``MultiDiGraph``, store their result on the nodes
(``topic``, ``importance``) and return it. Both are deterministic: the same graph gives
the same answer whatever order its nodes and edges were added in.

Call :func:`compute_importance` before :func:`assign_topics`: a topic is named after
the student's heading over its concepts when one is the section the topic is
(:func:`topic_heading`), else after the notes' title when the topic is most of them,
else after its most important concept, unless that is a word of everyday English
("model", "problem", "value") and one of the next few is more specific, or one of the
next few that the notes single out and define is what the topic is built around (its
importance times its ties to the topic's other concepts is larger).
"""

from __future__ import annotations

import math
import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from typing import Any

import networkx as nx

#: Weight of a ``related_to`` edge (co-occurrence, an untyped verb) relative to a typed
#: relation of the same confidence.
RELATED_TO_WEIGHT = 0.3

#: The relation of learning paths: ``u -> v``, learn ``u`` before ``v``.
PREREQUISITE = "prerequisite_of"

#: Relations that hold both ways.
SYMMETRIC_RELATIONS = frozenset({"contrasts_with"})

#: Communities smaller than this are folded into a neighbouring topic.
MIN_TOPIC_SIZE = 3

#: Topic of concepts that no community takes in: concepts the notes link to no topic (an
#: isolated term, a pair linked only to each other). It says so rather than "Miscellaneous",
#: which reads as a topic of its own in a legend ("Other topics: Miscellaneous").
MISCELLANEOUS = "Unlinked concepts"

#: A topic's name is the first of its this many most important concepts that is not
#: made of common English words only (the selector's ``common`` feature), else its most
#: important concept.
TOPIC_NAME_POOL = 4

#: Shares of PageRank, mentions and "has a card of its own" in the importance blend.
IMPORTANCE_BLEND = (0.6, 0.25, 0.15)


def edge_strength(attrs: Mapping[str, Any]) -> float:
    """How strongly an edge ties its two concepts: its confidence, down-weighted for
    ``related_to``.

    Examples
    --------
    >>> edge_strength({"relation": "is_a", "confidence": 0.8})
    0.8
    >>> round(edge_strength({"relation": "related_to", "confidence": 0.5}), 3)
    0.15
    """
    confidence = float(attrs.get("confidence", 0.0) or 0.0)
    if attrs.get("relation") == "related_to":
        return confidence * RELATED_TO_WEIGHT
    return confidence


def _summed(keys: array, values: array) -> tuple[Any, Any]:
    """The distinct ``keys`` (ints), ascending, and for each the sum of its ``values``
    in the order given, as a dict summing ``d[key] += value`` from ``0.0`` sums them
    (the same float to the last bit), without a dict of them.

    >>> keys, sums = _summed(array("q", [7, 3, 7]), array("d", [0.1, 0.5, 0.2]))
    >>> keys.tolist(), sums.tolist() == [0.5, 0.0 + 0.1 + 0.2]
    ([3, 7], True)
    """
    import numpy as np

    key = np.frombuffer(keys, dtype=np.int64) if len(keys) else np.zeros(0, dtype=np.int64)
    value = np.frombuffer(values, dtype=float) if len(values) else np.zeros(0)
    order = np.argsort(key, kind="stable")
    key, value = key[order], value[order]
    del order
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]]) if len(key) else key
    ends = np.r_[starts[1:], len(value)]
    sums = value[starts]
    for g in np.flatnonzero(ends - starts > 1).tolist():
        total = 0.0
        for x in value[starts[g] : ends[g]].tolist():
            total += x
        sums[g] = total
    return key[starts], sums


class Weights:
    """The undirected weighted graph Louvain reads, as arrays: nodes in sorted order,
    each node's neighbours (compressed rows, ``indptr``/``indices``) in the order
    a networkx graph built from the sorted pairs would hold them, with their weights:
    the summed :func:`edge_strength` of the edges between two concepts (pairs of no
    strength left out).

    The same graph as that networkx graph, held in three arrays instead of a dict per
    node and per edge: on a graph of 163,614 concepts and 799,332 relations, topics
    (:func:`assign_topics`) took at most 136 MB where networkx's weighted copy and levels
    took 525 MB, the same communities.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("b", "a", relation="is_a", confidence=0.5)
    >>> _ = G.add_edge("a", "b", relation="part_of", confidence=0.25)
    >>> W = Weights.of(G)
    >>> W.nodes, W.neighbours(0), W.neighbours(1)
    (['a', 'b'], ([1], [0.75]), ([0], [0.75]))
    """

    __slots__ = ("indices", "indptr", "nodes", "weights")

    def __init__(self, nodes: list, indptr: Any, indices: Any, weights: Any) -> None:
        self.nodes = nodes
        self.indptr = indptr
        self.indices = indices
        self.weights = weights

    @classmethod
    def of(cls, G: nx.MultiDiGraph) -> Weights:
        import numpy as np

        nodes = sorted(G, key=str)
        n = len(nodes)
        index = {node: i for i, node in enumerate(nodes)}
        # one int per edge's pair (the lower index first) and its strength, in the order
        # of G's edges; each pair's strengths summed in that order, as a dict of pairs
        # would sum them
        keys, strengths = array("q"), array("d")
        for u, v, attrs in G.edges(data=True):
            if u != v:
                i, j = index[u], index[v]
                keys.append(i * n + j if i < j else j * n + i)
                strengths.append(edge_strength(attrs))
        del index
        key, weight = _summed(keys, strengths)
        del keys, strengths
        key, weight = key[weight > 0], weight[weight > 0]
        low, high = key // max(n, 1), key % max(n, 1)
        del key
        # each pair adds high to low's row and low to high's, in the pairs' order
        rows = np.empty(2 * len(weight), dtype=np.int64)
        cols = np.empty_like(rows)
        rows[0::2], rows[1::2] = low, high
        cols[0::2], cols[1::2] = high, low
        del low, high
        order = np.argsort(rows, kind="stable")
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
        del rows
        return cls(nodes, indptr, cols[order], np.repeat(weight, 2)[order])

    def __len__(self) -> int:
        return len(self.nodes)

    def neighbours(self, u: int) -> tuple[list[int], list[float]]:
        """The neighbours of node ``u`` and the weights of its edges to them, in order."""
        start, end = self.indptr[u], self.indptr[u + 1]
        return self.indices[start:end].tolist(), self.weights[start:end].tolist()

    def degrees(self) -> list[float]:
        """Each node's weighted degree, summed as :meth:`networkx.Graph.degree` sums it
        (a self-loop's weight counted twice)."""
        out = []
        for u in range(len(self)):
            nbrs, wts = self.neighbours(u)
            degree = sum(wts)
            if u in nbrs:
                degree += wts[nbrs.index(u)]
            out.append(degree)
        return out

    def rows(self) -> Any:
        """The node each entry of ``indices`` is a neighbour of."""
        import numpy as np

        return np.repeat(np.arange(len(self), dtype=np.int64), np.diff(self.indptr))


def _modularity(W: Weights, degrees: list[float], node2com: list[int], resolution: float) -> float:
    """:func:`networkx.community.modularity` of the communities ``node2com`` gives each
    node of ``W`` (each edge counted once, a self-loop too)."""
    import numpy as np

    com = np.asarray(node2com, dtype=np.int64)
    rows = W.rows()
    once = W.indices >= rows  # each edge at its first endpoint, self-loops once
    same = once & (com[rows] == com[W.indices])
    inside = np.bincount(com[rows[same]], weights=W.weights[same], minlength=len(W))
    strength = np.bincount(com, weights=np.asarray(degrees, dtype=float), minlength=len(W))
    deg_sum = sum(degrees)
    m = deg_sum / 2
    norm = 1 / deg_sum**2
    total = 0.0
    for c in sorted(set(node2com)):
        total += float(inside[c]) / m - resolution * float(strength[c]) ** 2 * norm
    return total


def _one_level(
    W: Weights, degrees: list[float], m: float, resolution: float, rng: Any
) -> tuple[list[int], bool]:
    """One Louvain level as networkx runs it (``louvain._one_level`` on an undirected
    graph, every node its own community at the start), on ``W``'s arrays: the same
    moves in the same order, so the same community (an index) for each node, and
    whether any node moved. ``m`` is the first level's total weight."""
    n = len(W)
    node2com = list(range(n))
    stot = list(degrees)
    order = list(range(n))
    rng.shuffle(order)  # a shuffle depends on the length alone: networkx's order
    # each node's neighbours and weights read through memory views of the arrays (no
    # copy): a numpy slice and two conversions to lists per node and pass cost more
    # than the moves themselves
    indptr, indices, weights = W.indptr.tolist(), memoryview(W.indices), memoryview(W.weights)
    two_m2 = 2 * m**2  # the same float networkx computes at every comparison
    moves, improvement = 1, False
    while moves > 0:
        moves = 0
        for u in order:
            best_mod = 0
            best_com = node2com[u]
            to_com: dict[int, float] = defaultdict(float)
            start, end = indptr[u], indptr[u + 1]
            for v, wt in zip(indices[start:end], weights[start:end], strict=True):
                if v != u:
                    to_com[node2com[v]] += wt
            degree = degrees[u]
            stot[best_com] -= degree
            remove_cost = -to_com[best_com] / m + resolution * (stot[best_com] * degree) / two_m2
            for com, wt in to_com.items():
                gain = remove_cost + wt / m - resolution * (stot[com] * degree) / two_m2
                if gain > best_mod:
                    best_mod, best_com = gain, com
            stot[best_com] += degree
            if best_com != node2com[u]:
                improvement = True
                moves += 1
                node2com[u] = best_com
    return node2com, improvement


def _next_level(W: Weights, node2com: list[int]) -> Weights:
    """networkx's ``louvain._gen_graph``: one node per community of ``node2com`` (in the
    order of their indices), the weights between two communities summed in the order
    networkx visits the edges, each node's neighbours in the order it adds them (its
    first edge to each), self-loops for the weight inside a community."""
    import numpy as np

    com = np.asarray(node2com, dtype=np.int64)
    kept = np.unique(com)
    new = np.zeros(len(W), dtype=np.int64)
    new[kept] = np.arange(len(kept))
    n = len(kept)
    rows = W.rows()
    once = W.indices >= rows  # networkx's edge order: by first endpoint, then its row
    c1, c2 = new[com[rows[once]]], new[com[W.indices[once]]]
    weight = W.weights[once]
    del rows, once
    lo, hi = np.minimum(c1, c2), np.maximum(c1, c2)
    del c1, c2
    pair = lo * n + hi
    keys, sums = _summed(array("q", pair.tolist()), array("d", weight.tolist()))
    _, first = np.unique(pair, return_index=True)  # keys ascending, as _summed's
    del pair, weight
    lo, hi = keys // max(n, 1), keys % max(n, 1)
    two = lo != hi
    rows = np.concatenate([lo, hi[two]])
    cols = np.concatenate([hi, lo[two]])
    firsts = np.concatenate([first, first[two]])
    weights = np.concatenate([sums, sums[two]])
    order = np.lexsort((firsts, rows))
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
    return Weights(list(range(n)), indptr, cols[order], weights[order])


#: Smallest gain in modularity for which Louvain goes on to the next level
#: (:func:`networkx.community.louvain_communities`' default).
LOUVAIN_THRESHOLD = 1e-07


def louvain(W: Weights, *, resolution: float = 1.0, seed: int = 42) -> list[set]:
    """The communities :func:`networkx.community.louvain_communities` finds in the
    weighted graph ``W`` (:meth:`Weights.of`), found on arrays.

    networkx's function copies its graph and runs each level on dicts of every node's
    neighbours, and builds each next level as a networkx graph. Here every level runs
    on arrays (:func:`_one_level`, :func:`_modularity`, :func:`_next_level`: networkx's
    steps, in its order, so the same moves and communities).

    >>> G = nx.MultiDiGraph()
    >>> for u, v, w in [("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("d", "e", 1.0),
    ...                 ("e", "f", 1.0), ("f", "d", 1.0), ("c", "d", 0.1)]:
    ...     _ = G.add_edge(u, v, relation="is_a", confidence=w)
    >>> sorted(map(sorted, louvain(Weights.of(G))))
    [['a', 'b', 'c'], ['d', 'e', 'f']]
    """
    rng = nx.utils.create_py_random_state(seed)
    if len(W.indices) == 0:  # no edges: every node alone (networkx's answer)
        return [{node} for node in W.nodes]
    level = W
    members: list[set] | None = None  # the concepts of each node (one each at first)
    degrees = level.degrees()
    m = sum(degrees) / 2
    mod = _modularity(level, degrees, list(range(len(level))), resolution)
    node2com, _ = _one_level(level, degrees, m, resolution, rng)
    while True:
        grouped: dict[int, set] = defaultdict(set)
        for u, com in enumerate(node2com):
            if members is None:
                grouped[com].add(W.nodes[u])
            else:
                grouped[com] |= members[u]
        members = [grouped[com] for com in sorted(grouped)]
        del grouped
        found = [s.copy() for s in members]
        new_mod = _modularity(level, degrees, node2com, resolution)
        if new_mod - mod <= LOUVAIN_THRESHOLD:
            return found
        mod = new_mod
        level = _next_level(level, node2com)
        degrees = level.degrees()
        node2com, improvement = _one_level(level, degrees, m, resolution, rng)
        if not improvement:
            return found


def _rank_key(G: nx.MultiDiGraph, node: Any) -> tuple[float, int, str]:
    attrs = G.nodes[node]
    return (-float(attrs.get("importance") or 0.0), -int(attrs.get("mentions") or 0), str(node))


def is_everyday(G: nx.MultiDiGraph, node: Any) -> bool:
    """Is ``node`` named by common English words only (the concept selector's ``common``
    feature: every word Zipf >= 4.5, as "model" or "problem")? False when the graph
    does not say (a graph built by another tool).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("model", selection={"features": {"common": 1.0}})
    >>> G.add_node("MRI", selection={"features": {"acronym": 1.0}})
    >>> is_everyday(G, "model"), is_everyday(G, "MRI"), is_everyday(G, "x")
    (True, False, False)
    """
    selection = G.nodes[node].get("selection") if node in G else None
    features = selection.get("features") if isinstance(selection, Mapping) else None
    return isinstance(features, Mapping) and float(features.get("common") or 0.0) >= 1.0


def _file(where: Any) -> str:
    """The file a piece of evidence names: an evidence's ``source``, a card id's part
    before ``#`` ("notes.md#4"), a ``first_seen`` pair's first item."""
    if isinstance(where, dict):
        where = where.get("source")
    elif isinstance(where, (list, tuple)):
        where = where[0] if where else None
    return str(where).split("#", 1)[0] if where else ""


def supporting_files(G: nx.MultiDiGraph, node: Any) -> frozenset[str]:
    """The files of the notes that speak of ``node``: where its cards, its definition and
    its first mention stand, and the files its relations cite (not its prerequisites:
    they are what a path weighs against these files).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("osmosis", cards=["cells.md#3"], first_seen=["cells.md", 12])
    >>> _ = G.add_edge("diffusion", "osmosis", relation="related_to", confidence=0.2,
    ...                evidence=[{"source": "water.txt", "line": 4, "text": "..."}])
    >>> sorted(supporting_files(G, "osmosis"))
    ['cells.md', 'water.txt']
    """
    attrs = G.nodes[node]
    found = {_file(card) for card in attrs.get("cards") or ()}
    found |= {_file(attrs.get("definition_evidence")), _file(attrs.get("first_seen"))}
    for edges in (G.in_edges(node, data=True), G.out_edges(node, data=True)):
        for *_, attrs in edges:
            if attrs.get("relation") != PREREQUISITE:
                found.update(_file(e) for e in attrs.get("evidence") or ())
    found.discard("")
    return frozenset(found)


def topic_name_node(G: nx.MultiDiGraph, group: set) -> Any:
    """The concept a topic is named after: the first of its :data:`TOPIC_NAME_POOL`
    most important concepts that is not an everyday word (:func:`is_everyday`), else
    its most important one.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("model", importance=1.0, selection={"features": {"common": 1.0}})
    >>> G.add_node("MRI", importance=0.8)
    >>> topic_name_node(G, {"model", "MRI"}), topic_name_node(G, {"model"})
    ('MRI', 'model')

    A word the notes only use in passing gives way to one they single out
    (:func:`in_passing`). Another of the pool that the notes single out and define
    takes the name when it weighs more in the topic: its importance times its ties to
    the topic's other concepts (:func:`ties_within`). A glossary's "whisk", important for
    its own entry but linked to few of the topic, gives way to "sauce", which most of
    it is linked to.

    >>> sd = {"features": {"singled": 1.0}}
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("whisk", importance=0.9, selection=sd, definition="...")
    >>> G.add_node("sauce", importance=0.7, selection=sd, definition="...")
    >>> for n in ("roux", "stock", "whisk"):
    ...     _ = G.add_edge("sauce", n, relation="part_of", confidence=0.8)
    >>> topic_name_node(G, {"whisk", "sauce", "roux", "stock"})
    'sauce'

    Of those, a concept the notes make a card about (:func:`card_subject`) names the
    topic before one they define only in a sentence, however tied to the topic.

    >>> G.nodes["whisk"]["cards"] = ["glossary.md#4"]
    >>> topic_name_node(G, {"whisk", "sauce", "roux", "stock"})
    'whisk'
    """
    ranked = sorted(group, key=lambda n: _rank_key(G, n))
    specific = [n for n in ranked[:TOPIC_NAME_POOL] if not is_everyday(G, n)]
    if not specific:
        return ranked[0]
    first = specific[0]
    if in_passing(G, first):  # a word in passing gives way to what the notes single out
        first = next((n for n in specific if _names_it(G, n)), first)
    elif is_code(G, first) and not defined(G, first):
        # a formula or a lone acronym the notes do not define gives way to a defined name
        first = next((n for n in specific if not is_code(G, n) and defined(G, n)), first)
    # a concept of the pool the notes single out and define challenges it: the topic is
    # named after the one of most weight in it, its importance times its ties to the
    # topic's other concepts (:func:`ties_within`): what the topic is built around, not
    # an entry important for its own card but linked to few of the topic
    named = [first, *(n for n in specific if n != first and _challenges(G, n))]
    # a concept the notes make a card about gives a topic its name before one they only
    # define in passing, in a sentence (:func:`card_subject`)
    named = [n for n in named if card_subject(G, n)] or named
    weight = {n: _importance(G, n) * ties_within(G, n, group) for n in named}
    return max(named, key=lambda n: (weight[n], -named.index(n)))


def card_subject(G: nx.MultiDiGraph, node: Any) -> bool:
    """Is ``node`` the subject of a card of the notes (its ``cards``: a card's term, the
    subject of its question, its heading), rather than only named or defined in the
    sentences of cards about other concepts?

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("magma", cards=["rocks.md#2"]); G.add_node("surface", cards=[])
    >>> card_subject(G, "magma"), card_subject(G, "surface")
    (True, False)
    """
    return bool(G.nodes[node].get("cards"))


def _importance(G: nx.MultiDiGraph, node: Any) -> float:
    return float(G.nodes[node].get("importance") or 0.0)


def _challenges(G: nx.MultiDiGraph, node: Any) -> bool:
    """Can ``node`` take a topic's name from its most important concept: the notes
    single it out (:func:`singled_out`) and define it (:func:`defined`)?"""
    return singled_out(G, node) and defined(G, node)


def ties_within(G: nx.MultiDiGraph, node: Any, group: Collection) -> float:
    """How strongly ``node`` is tied to the other concepts of ``group``: the summed
    :func:`edge_strength` of its edges to them, either way (what binds the community
    together, a ``related_to`` edge weighing less than a typed relation). A topic is named
    after the concept it is built around, not a side detail that ranks high elsewhere.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("shell", "pipe", relation="part_of", confidence=0.9)
    >>> _ = G.add_edge("prompt", "shell", relation="related_to", confidence=0.5)
    >>> _ = G.add_edge("shell", "enzyme", relation="is_a", confidence=0.9)
    >>> round(ties_within(G, "shell", {"shell", "pipe", "prompt"}), 2)
    1.05
    """
    members = group if isinstance(group, (set, frozenset)) else set(group)
    strengths = []
    for edges, end in ((G.in_edges(node, data=True), 0), (G.out_edges(node, data=True), 1)):
        for edge in edges:
            other = edge[end]
            if other != node and other in members:
                strengths.append(edge_strength(edge[2]))
    return math.fsum(strengths)  # the same sum whatever order the edges were added in


def is_code(G: nx.MultiDiGraph, node: Any) -> bool:
    """Is ``node``'s label a formula or a lone acronym ("NaCl", "H2O", "ATP", "CPU"):
    one word, no lower-case run of three letters? Such a label, of a concept the notes
    do not define, names a topic only when no defined concept of the topic has a name of
    words.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("h2o", label="H2O"); G.add_node("osmosis", label="osmosis")
    >>> is_code(G, "h2o"), is_code(G, "osmosis")
    (True, False)
    """
    label = str(G.nodes[node].get("label") or node)
    return " " not in label and not re.search(r"[a-z]{3}", label)


def defined(G: nx.MultiDiGraph, node: Any) -> bool:
    """Do the notes define ``node`` (it has a definition)?"""
    return bool(str(G.nodes[node].get("definition") or "").strip())


def _names_it(G: nx.MultiDiGraph, node: Any) -> bool:
    """Can ``node`` name a topic in place of a word in passing: the notes single it out,
    or it is a name (an acronym, a proper name: not all in lower case)?"""
    return singled_out(G, node) or not str(G.nodes[node].get("label") or node).islower()


def in_passing(G: nx.MultiDiGraph, node: Any) -> bool:
    """Is ``node`` a common noun the notes only use in passing: one word in lower case
    that they never single out (:func:`singled_out`), as "scratch" of headings "...
    from Scratch" or "input"? A topic is named by one of its top concepts the notes
    single out, or by a name (an acronym, a proper name), rather than by such a word.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("surface", label="surface", selection={"features": {"log_count": 2.0}})
    >>> G.add_node("SQL", label="SQL", selection={"features": {"log_count": 2.0}})
    >>> G.add_node("enzyme", label="enzyme", selection={"features": {"singled": 1.0}})
    >>> in_passing(G, "surface"), in_passing(G, "SQL"), in_passing(G, "enzyme")
    (True, False, False)
    """
    label = str(G.nodes[node].get("label") or node)
    selection = G.nodes[node].get("selection")
    if not isinstance(selection, Mapping) or " " in label or not label.islower():
        return False
    return not singled_out(G, node)


def singled_out(G: nx.MultiDiGraph, node: Any) -> bool:
    """Do the notes single ``node`` out (the concept selector's ``singled`` feature: a
    term, a question's subject, a heading, a bold run, a label ...), rather than only
    use it in sentences? False when the graph does not say.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("enzyme", selection={"features": {"singled": 1.0}})
    >>> G.add_node("surface", selection={"features": {"log_count": 1.1}})
    >>> singled_out(G, "enzyme"), singled_out(G, "surface"), singled_out(G, "x")
    (True, False, False)
    """
    selection = G.nodes[node].get("selection") if node in G else None
    features = selection.get("features") if isinstance(selection, Mapping) else None
    return isinstance(features, Mapping) and float(features.get("singled") or 0.0) >= 1.0


#: Words the notes use to talk about themselves, not about their subject: a heading made
#: of these alone ("Summary", "Lecture 3", "Key terms", "Review questions") names no
#: topic, nor one whose label before a colon is one ("Exercise: plot the data").
NOTES_WORDS = frozenset(
    """
    summary summaries overview introduction intro conclusion conclusions recap review
    lecture lectures chapter chapters lesson lessons week weeks unit units module modules
    part parts section sections session sessions day days topic topics
    quiz quizzes exercise exercises example examples problem problems question questions
    answer answers homework assignment assignments task tasks activity activities
    note notes reference references reading readings cheatsheet outline synopsis
    appendix contents glossary vocabulary term terms definition definitions
    key main further more other misc miscellaneous extra additional final general basic
    basics the a an and of to in on for
    """.split()
)

#: A numbering before a heading's words, trimmed from the topic name: "1.", "2.3",
#: "IV.", "b)", "Chapter 3:", "Week 2 -", "Part II." (a letter or a Roman numeral only
#: with a stop, a bracket or a colon after it, so that "A cell" keeps its "A").
NUMBERING = re.compile(
    r"^(?:(?:chapter|lecture|week|part|section|unit|module|lesson|topic|session|day)\s+"
    r"(?:\d+(?:\.\d+)*|[ivxlc]+|[a-z])\b[.):]?|\d+(?:\.\d+)*[.):]?(?=\s)|"
    r"(?:[ivxlc]+|[a-z])[.):])\s*(?:[-\u2013\u2014:.]\s*)?",
    re.IGNORECASE,
)


def heading_name(text: str) -> str:
    """A heading's text as a topic name: as the student wrote it, trimmed of its
    numbering (:data:`NUMBERING`) and of a closing colon or stop.

    >>> heading_name("2.3 Osmosis in plants:"), heading_name("Lecture 4 - Enzymes")
    ('Osmosis in plants', 'Enzymes')
    >>> heading_name("IV. The July Crisis"), heading_name("A cell's membrane")
    ('The July Crisis', "A cell's membrane")
    """
    name = " ".join(str(text).split())
    name = NUMBERING.sub("", name, count=1).strip()
    return name.rstrip(":.;,").strip()


def names_a_topic(text: str) -> bool:
    """Can a heading name a topic: after its numbering (:func:`heading_name`) it says
    something of the subject, not only of the notes (:data:`NOTES_WORDS`, "Summary",
    "Lecture 3", "Key terms"), it is no "Exercise: ..." nor "Example: ...", and it is
    not a question (what a question asks is one concept, not a group of them).

    >>> [names_a_topic(t) for t in ("Cadences", "Summary", "Week 3", "Key terms")]
    [True, False, False, False]
    >>> names_a_topic("Exercise: plot the data"), names_a_topic("Why do cells divide?")
    (False, False)
    """
    name = heading_name(text)
    words = re.findall(r"[^\W\d_]+", name.lower())
    if not words or name.endswith("?") or all(w in NOTES_WORDS for w in words):
        return False
    label, colon, _ = name.partition(":")
    label_words = re.findall(r"[^\W\d_]+", label.lower())
    return not (colon and label_words and all(w in NOTES_WORDS for w in label_words))


def _heading_key(heading: Mapping[str, Any]) -> tuple[str, int]:
    return (str(heading.get("source") or ""), int(heading.get("line") or 0))


def _heading_counts(G: nx.MultiDiGraph, group: Collection) -> dict[tuple[str, int], int]:
    """How many concepts of ``group`` each heading is over (their ``under``, each
    heading once per concept)."""
    counts: dict[tuple[str, int], int] = defaultdict(int)
    for n in group:
        for key in {_heading_key(h) for h in G.nodes[n].get("under") or ()}:
            counts[key] += 1
    return counts


def file_titles(G: nx.MultiDiGraph) -> set[tuple[str, int]]:
    """The headings (``(source, line)``) that title their notes rather than a section:
    over every concept of their file that has a heading over it (``under``), when the
    file has headings that are not. Such a heading is over everything the notes explain
    (their cards before it aside): it names no section's topic, and names a topic only
    when no section does and the topic holds most of the notes under it
    (:func:`assign_topics`).

    >>> G = nx.MultiDiGraph()
    >>> top = {"source": "n.md", "line": 1, "text": "Music", "names": ["music"]}
    >>> sec = {"source": "n.md", "line": 5, "text": "Cadences", "names": ["cadence"]}
    >>> G.add_node("cadence", under=[top, sec]); G.add_node("tempo", under=[top])
    >>> sorted(file_titles(G))
    [('n.md', 1)]
    """
    over: dict[str, set | None] = {}  # each file's headings over all its headed concepts
    seen: dict[str, set] = defaultdict(set)
    for _, under in G.nodes(data="under"):
        keys_of: dict[str, set] = defaultdict(set)
        for h in under or ():
            key = _heading_key(h)
            keys_of[key[0]].add(key)
        for source, keys in keys_of.items():
            seen[source] |= keys
            over[source] = keys if over.get(source) is None else over[source] & keys
    return {key for f, keys in over.items() if keys and seen[f] - keys for key in keys}


def topic_heading(
    G: nx.MultiDiGraph,
    group: Collection,
    covered: Mapping[tuple[str, int], int] | None = None,
    titles: Collection[tuple[str, int]] | None = None,
) -> dict | None:
    """The heading of the notes a topic is named after, or None: a heading that can name
    a topic (:func:`names_a_topic`), over more than half of ``group``'s concepts (the
    ``under`` of each: the headings over the place the notes define it), more than half
    of the concepts under it being in ``group``: the section the topic is. Of several,
    the one whose concepts and the topic's overlap most (twice the shared concepts over
    both counts: a section over the topic alone before the chapter over it and others),
    then the innermost, then the first in the notes. Not the heading that titles the
    notes (:func:`file_titles`). ``covered`` is ``_heading_counts(G, G)`` and
    ``titles`` is :func:`file_titles` of ``G``, when the caller has them.

    >>> G = nx.MultiDiGraph()
    >>> ch = {"source": "n.md", "line": 1, "text": "Music", "names": ["music"]}
    >>> sec = {"source": "n.md", "line": 5, "text": "2. Cadences:", "names": ["cadence"]}
    >>> for n in ("cadence", "plagal cadence", "half cadence"):
    ...     G.add_node(n, under=[ch, sec])
    >>> G.add_nodes_from(["tempo", "meter", "pitch"], under=[ch])
    >>> topic_heading(G, {"cadence", "plagal cadence", "half cadence", "tempo"})["text"]
    '2. Cadences:'
    >>> topic_heading(G, {"tempo", "meter"}) is None  # most of "Music" is elsewhere
    True
    """
    covered = _heading_counts(G, G) if covered is None else covered
    titles = file_titles(G) if titles is None else titles
    headings: dict[tuple[str, int], tuple[int, dict]] = {}
    for n in group:
        for depth, h in enumerate(G.nodes[n].get("under") or ()):
            headings.setdefault(_heading_key(h), (depth, h))
    best, best_key = None, None
    for key, count in _heading_counts(G, group).items():
        depth, heading = headings[key]
        total = max(covered.get(key, 0), count)
        if 2 * count <= len(group) or 2 * count <= total or key in titles:
            continue
        if not names_a_topic(str(heading.get("text") or "")):
            continue
        rank = (-2 * count / (len(group) + total), -depth, key)
        if best_key is None or rank < best_key:
            best, best_key = heading, rank
    return best


def by_section(
    G: nx.MultiDiGraph, unlinked: set, members: list[set], titles: Collection[tuple[str, int]]
) -> set:
    """Place the concepts linked to no topic (``unlinked``) by the section the notes
    explain them in (the innermost heading over each, ``under``, that is not the notes'
    title, :func:`file_titles`): one joins the topic of ``members`` that holds more than
    half of its section's other concepts; those of one section that no topic holds make
    a topic of their own (appended to ``members``) when they are at least
    :data:`MIN_TOPIC_SIZE`. Returns the concepts left unlinked.

    >>> G = nx.MultiDiGraph()
    >>> lungs = {"source": "n.md", "line": 9, "text": "Breathing", "names": []}
    >>> heart = {"source": "n.md", "line": 2, "text": "The heart", "names": []}
    >>> G.add_nodes_from(["alveolus", "diaphragm", "tidal volume"], under=[lungs])
    >>> G.add_nodes_from(["ventricle", "atrium", "valve"], under=[heart])
    >>> G.add_node("enzyme")
    >>> groups = [{"ventricle", "atrium"}]
    >>> sorted(by_section(G, {"alveolus", "diaphragm", "tidal volume", "valve", "enzyme"},
    ...                   groups, set()))
    ['enzyme']
    >>> [sorted(g) for g in groups]
    [['atrium', 'valve', 'ventricle'], ['alveolus', 'diaphragm', 'tidal volume']]
    """
    topic_of = {n: i for i, group in enumerate(members) for n in group}
    in_section: dict[tuple[str, int], list] = defaultdict(list)
    section_of: dict[Any, tuple[str, int]] = {}
    for n in G:
        keys = [_heading_key(h) for h in G.nodes[n].get("under") or ()]
        keys = [k for k in keys if k not in titles]
        if keys:
            in_section[keys[-1]].append(n)
            section_of[n] = keys[-1]
    left: set = set()
    own: dict[tuple[str, int], set] = defaultdict(set)
    for n in sorted(unlinked, key=str):
        section = section_of.get(n)
        if section is None:
            left.add(n)
            continue
        others = [m for m in in_section[section] if m != n]
        votes: dict[int, int] = defaultdict(int)
        for m in others:
            if m in topic_of:
                votes[topic_of[m]] += 1
        best = min(votes, key=lambda i: (-votes[i], i)) if votes else None
        if best is not None and 2 * votes[best] > len(others):
            members[best].add(n)
        else:
            own[section].add(n)
    for section in sorted(own):
        if len(own[section]) >= MIN_TOPIC_SIZE:
            members.append(own[section])
        else:
            left |= own[section]
    return left


def by_file(unplaced: set, members: list[set], files: Mapping[Any, Collection[str]]) -> set:
    """Place the concepts of ``unplaced`` by the notes that explain them (``files``, each
    concept's files: its cards, definition, first mention): one joins the topic of
    ``members`` that holds more than half of the other concepts of its files. Returns
    the concepts left unplaced. A concept of one course that the notes link only to
    another course's topics, through a word both courses use, belongs with its own
    notes, not with that topic.

    >>> files = {"grep": {"shell.md"}, "pipe": {"shell.md"}, "path": {"shell.md"},
    ...          "regex": {"shell.md"}, "enzyme": {"bio.md"}, "lone": {"x.md"}}
    >>> groups = [{"grep", "pipe", "path"}, {"enzyme"}]
    >>> sorted(by_file({"regex", "lone"}, groups, files)), sorted(groups[0])
    (['lone'], ['grep', 'path', 'pipe', 'regex'])
    """
    topic_of = {n: i for i, group in enumerate(members) for n in group}
    in_file: dict[str, list] = defaultdict(list)
    for n, own in files.items():
        for f in own:
            in_file[f].append(n)
    left: set = set()
    joins: list[tuple[int, Any]] = []
    found: dict[frozenset, int | None] = {}  # the answer depends on the files alone
    for n in sorted(unplaced, key=str):
        own = frozenset(files.get(n, ()))
        if own not in found:
            others = {m for f in own for m in in_file[f]} - unplaced
            votes: dict[int, int] = defaultdict(int)
            for m in others:
                if m in topic_of:
                    votes[topic_of[m]] += 1
            best = min(votes, key=lambda i: (-votes[i], i)) if votes else None
            found[own] = best if best is not None and 2 * votes[best] > len(others) else None
        if found[own] is None:
            left.add(n)
        else:
            joins.append((found[own], n))
    for best, n in joins:
        members[best].add(n)
    return left


def assign_topics(G: nx.MultiDiGraph, *, seed: int = 42, resolution: float = 1.0) -> dict:
    """Group concepts into topics and store each node's ``topic``.

    Communities come from Louvain modularity (:func:`networkx.community.louvain_communities`)
    on the undirected view of ``G`` whose weights are the summed :func:`edge_strength`
    of the edges between two concepts, so typed relations bind more than ``related_to``.
    A community of fewer than :data:`MIN_TOPIC_SIZE` concepts joins the community it is
    most strongly linked to; one linked to no larger community, such as an isolated
    concept, goes to the topic that holds most of the section the notes explain it in,
    or with others of its section makes a topic of their own (:func:`by_section`),
    else to :data:`MISCELLANEOUS`. In a build of several courses (:func:`courses_of`),
    what a community's course does not speak of is split off (:func:`by_course`), and a
    small group joins only a topic of the course most of it stands in: one linked to
    other courses' topics alone (a shell glossary's "regular expression" tied to a
    biology topic through "sequence", a word both use) is placed by its section, else
    by its notes (:func:`by_file`), else goes to :data:`MISCELLANEOUS`. When no community
    has :data:`MIN_TOPIC_SIZE` concepts (a note of one short section), each community of
    linked concepts is a topic: two linked concepts are not "unlinked". Each topic is
    named after the heading of the notes that is the section it is
    (:func:`topic_heading`, its text trimmed of numbering: :func:`heading_name`), else
    after the notes' title (:func:`file_titles`) when the topic holds most of the notes
    under it, else after the label of its most important concept (then most mentioned,
    then smallest id), or of the next most important that is not an everyday word, or
    of one of those the notes single out and define that weighs more in the topic, its
    importance times its ties to the topic's other concepts (:func:`topic_name_node`,
    :func:`ties_within`).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A concept graph; nodes may carry ``importance``, ``mentions`` and ``label``.
    seed : int
        Random seed of the Louvain method: the same seed gives the same topics.
    resolution : float
        Louvain resolution; larger values give more, smaller topics.

    Returns
    -------
    dict
        Topic name of every node (also stored as ``G.nodes[n]["topic"]``).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for a, b in [("nmr", "mri"), ("mri", "fmri"), ("nmr", "fmri"),
    ...              ("ct", "contrast"), ("contrast", "slice"), ("ct", "slice")]:
    ...     _ = G.add_edge(a, b, relation="part_of", confidence=0.9)
    >>> G.add_node("ct", importance=1.0, label="CT")
    >>> G.add_node("nmr", importance=0.8, label="NMR")
    >>> G.add_node("tide", label="tide")
    >>> topics = assign_topics(G)
    >>> topics["mri"], topics["slice"], topics["tide"]
    ('NMR', 'CT', 'Unlinked concepts')
    """
    W = Weights.of(G)
    communities = louvain(W, resolution=resolution, seed=seed)
    several = len(G.graph.get("sources") or ()) > 1
    files = courses_of(_files_of(G)) if several else {}
    parts = [by_course(c, files) for c in communities]
    communities = sorted((p[0] for p in parts), key=lambda c: min(_rank_key(G, n) for n in c))
    moved = sorted((q for p in parts for q in p[1:]), key=lambda c: min(_rank_key(G, n) for n in c))
    large = [c for c in communities if len(c) >= MIN_TOPIC_SIZE]
    if not large:  # notes too short for a topic of three: what links is still a topic
        large = [c for c in communities if len(c) > 1]
    home = {n: i for i, c in enumerate(large) for n in c}
    course = [_main_file(c, files) for c in large]
    position = {node: i for i, node in enumerate(W.nodes)}
    members: list[set] = [set(c) for c in large]

    def links_of(group: set) -> tuple[dict[int, float], dict[int, float]]:
        """Link weight from ``group`` to each large community, and to those of the
        course most of it stands in: all of them when its notes are not known."""
        links: dict[int, float] = defaultdict(float)
        for n in group:
            for neighbour, weight in zip(*W.neighbours(position[n]), strict=True):
                if W.nodes[neighbour] in home:
                    links[home[W.nodes[neighbour]]] += weight
        main = _main_file(group, files)
        return links, {i: w for i, w in links.items() if course[i] == main} if main else links

    small = [c for c in communities if len(c) < MIN_TOPIC_SIZE]
    for part in moved:  # what only another course speaks of: a topic of that course
        _, same_course = links_of(part)
        if same_course:
            members[max(sorted(same_course), key=same_course.__getitem__)] |= part
        elif len(part) >= MIN_TOPIC_SIZE:
            members.append(set(part))
        else:
            small.append(part)
    misc: set = set()
    elsewhere: set = set()  # linked to topics of other courses only
    for group in small:
        links, same_course = links_of(group)
        if same_course:  # a topic of its own notes, never one of another course
            best = max(sorted(same_course), key=lambda i: same_course[i])
            members[best] |= group
        elif links:
            elsewhere |= group
        else:
            misc |= group
    covered, titles = _heading_counts(G, G), file_titles(G)
    misc = by_section(G, misc | elsewhere, members, titles)
    if misc & elsewhere:
        explained = _files_of(G, cited=False)
        misc = (misc - elsewhere) | by_file(misc & elsewhere, members, explained)

    topics: dict = {}
    used: set[str] = set()
    for group in members:
        heading = topic_heading(G, group, covered, titles)
        if heading is None and titles:  # no section: the notes' title, when it is the topic
            heading = topic_heading(G, group, covered, ())
        if heading is not None:
            name = heading_name(heading["text"])
        else:
            top = topic_name_node(G, group)
            name = str(G.nodes[top].get("label") or top)
        topics.update(dict.fromkeys(group, _unique(name, used)))
    if misc:
        topics.update(dict.fromkeys(misc, _unique(MISCELLANEOUS, used)))
    nx.set_node_attributes(G, topics, "topic")
    return topics


def _files_of(G: nx.MultiDiGraph, *, cited: bool = True) -> dict[Any, frozenset[str]]:
    """:func:`supporting_files` of every concept, one pass over the edges; with
    ``cited=False``, only the files of its cards, definition and first mention (the
    notes that explain it, not those that only link it to something)."""
    found: dict[Any, set] = {}
    for node, attrs in G.nodes(data=True):
        own = {_file(card) for card in attrs.get("cards") or ()}
        own |= {_file(attrs.get("definition_evidence")), _file(attrs.get("first_seen"))}
        found[node] = own
    for u, v, attrs in G.edges(data=True) if cited else ():
        if attrs.get("relation") != PREREQUISITE:
            cited = {_file(e) for e in attrs.get("evidence") or ()}
            found[u] |= cited
            found[v] |= cited
    return {node: frozenset(own - {""}) for node, own in found.items()}


def courses_of(files: Mapping[Any, frozenset[str]]) -> dict[Any, frozenset[str]]:
    """Each concept's files (``files``) told as the courses they belong to: two files are
    one course when they share at least :data:`MIN_TOPIC_SIZE` concepts named by several
    words (enough for a topic of their own; files of two courses share everyday words,
    "memory", "sample", not "hash table" and "binary search tree"), and a course is a
    set of files so linked. A course is named by its first file.

    >>> files = {"hash table": {"a.md", "b.md"}, "binary tree": {"a.md", "b.md"},
    ...          "linked list": {"a.md", "b.md"}, "memory": {"b.md", "c.md"},
    ...          "enzyme": {"c.md"}}
    >>> {n: sorted(c) for n, c in courses_of(files).items()}["memory"]
    ['a.md', 'c.md']
    """
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for node, own in files.items():
        if len(str(node).split()) > 1:
            for a in own:
                for b in own:
                    if a < b:
                        shared[(a, b)] += 1
    linked = nx.Graph()
    linked.add_nodes_from(f for own in files.values() for f in own)
    linked.add_edges_from(pair for pair, n in shared.items() if n >= MIN_TOPIC_SIZE)
    course = {f: min(c) for c in nx.connected_components(linked) for f in c}
    return {node: frozenset(course[f] for f in own) for node, own in files.items()}


def _main_file(group: Collection, files: Mapping[Any, frozenset[str]]) -> str:
    """The file most of ``group`` stands in (each concept shares its vote between its
    files; ties by name), or "" when none is known."""
    votes: dict[str, float] = defaultdict(float)
    for n in group:
        for f in files.get(n, ()):
            votes[f] += 1 / len(files[n])
    return max(sorted(votes), key=votes.__getitem__) if votes else ""


def by_course(group: set, files: Mapping[Any, frozenset[str]]) -> list[set]:
    """``group`` (a community) split by the notes its concepts stand in: the concepts
    of the file most of them stand in (:func:`_main_file`), or of no known file, stay
    together; each other concept goes with those of its file that most of the group
    stands in. A semester of courses built together links them through words they
    share ("memory", "sample"): what only another course speaks of is that course's
    topic, not this one's. Concepts of one file, or of files unknown, stay one group.

    >>> files = {"osmosis": {"bio.md"}, "cell": {"bio.md"}, "water": {"bio.md", "chem.md"},
    ...          "solvent": {"chem.md"}, "solute": {"chem.md"}}
    >>> sorted(sorted(g) for g in by_course(set(files), files))
    [['cell', 'osmosis', 'water'], ['solute', 'solvent']]
    """
    main = _main_file(group, files)
    if not main:
        return [group]
    votes: dict[str, float] = defaultdict(float)
    for n in group:
        for f in files.get(n, ()):
            votes[f] += 1 / len(files[n])
    parts: dict[str, set] = defaultdict(set)
    for n in sorted(group, key=str):
        own = files.get(n) or frozenset({main})
        key = main if main in own else max(sorted(own), key=votes.__getitem__)
        parts[key].add(n)
    return (
        [parts[main], *(parts[k] for k in sorted(parts) if k != main)]
        if parts[main]
        else [parts[k] for k in sorted(parts)]
    )


def _unique(name: str, used: set[str]) -> str:
    candidate, n = name, 1
    while candidate in used:
        n += 1
        candidate = f"{name} ({n})"
    used.add(candidate)
    return candidate


def _rank_arcs(G: nx.MultiDiGraph, nodes: list) -> tuple[Any, Any, Any]:
    """The weighted arcs PageRank walks, as arrays of ``nodes``' indices (sources,
    targets, ascending) and weights: rank flows toward what a concept leans on. The
    weight of an arc is the summed :func:`edge_strength` of its edges, in their order."""
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    keys, strengths = array("q"), array("d")
    for u, v, attrs in G.edges(data=True):
        w = edge_strength(attrs)
        if u == v or w <= 0:
            continue
        i, j = index[u], index[v]
        relation = attrs.get("relation")
        if relation == "prerequisite_of":
            keys.append(j * n + i)  # v builds on u: u collects the rank
        else:
            keys.append(i * n + j)
            if relation in SYMMETRIC_RELATIONS:
                keys.append(j * n + i)
                strengths.append(w)
        strengths.append(w)
    del index
    key, weight = _summed(keys, strengths)
    return key // max(n, 1), key % max(n, 1), weight


def _rank_graph(G: nx.MultiDiGraph) -> nx.DiGraph:
    """The weighted digraph PageRank walks (:func:`_rank_arcs`), nodes in sorted order."""
    nodes = sorted(G, key=str)
    R = nx.DiGraph()
    R.add_nodes_from(nodes)
    rows, cols, weights = _rank_arcs(G, nodes)
    R.add_weighted_edges_from(
        (nodes[u], nodes[v], w)
        for u, v, w in zip(rows.tolist(), cols.tolist(), weights.tolist(), strict=True)
    )
    return R


def pagerank(
    G: nx.MultiDiGraph, *, alpha: float = 0.85, max_iter: int = 100, tol: float = 1.0e-6
) -> dict:
    """PageRank of the concepts of ``G`` over the arcs of :func:`_rank_arcs`: the
    numbers :func:`networkx.pagerank` gives on the digraph :func:`_rank_graph` builds,
    computed from the arcs' sparse matrix alone (networkx's own power iteration, without
    the digraph, which held about 190 MB for a graph of 100,000 concepts).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("reaction", "catalyst", relation="uses", confidence=0.9)
    >>> _ = G.add_edge("enzyme", "catalyst", relation="is_a", confidence=0.9)
    >>> rank = pagerank(G)
    >>> rank == nx.pagerank(_rank_graph(G)), max(rank, key=rank.get)
    (True, 'catalyst')
    """
    import numpy as np
    import scipy as sp

    nodes = sorted(G, key=str)
    N = len(nodes)
    if N == 0:
        return {}
    rows, cols, data = _rank_arcs(G, nodes)
    # one entry per arc: the canonical matrix networkx.to_scipy_sparse_array makes
    A = sp.sparse.coo_array((data, (rows, cols)), shape=(N, N), dtype=float).asformat("csr")
    del rows, cols, data
    # from here as networkx.algorithms.link_analysis.pagerank_alg._pagerank_scipy, with
    # no personalization, start vector or dangling weights
    S = A.sum(axis=1)
    S[S != 0] = 1.0 / S[S != 0]
    Q = sp.sparse.dia_array((S.T, 0), shape=A.shape).tocsr()
    A = Q @ A
    x = np.repeat(1.0 / N, N)
    p = np.repeat(1.0 / N, N)
    dangling_weights = p
    is_dangling = np.where(S == 0)[0]
    for _ in range(max_iter):
        xlast = x
        x = alpha * (x @ A + sum(x[is_dangling]) * dangling_weights) + (1 - alpha) * p
        err = np.absolute(x - xlast).sum()
        if err < N * tol:
            return dict(zip(nodes, map(float, x), strict=True))
    raise nx.PowerIterationFailedConvergence(max_iter)


def compute_importance(G: nx.MultiDiGraph, *, alpha: float = 0.85) -> dict:
    """Rank concepts from 0 to 1 (the top one is 1) and store each node's ``importance``.

    The score blends (:data:`IMPORTANCE_BLEND`) three signals, each scaled to 0..1:

    - PageRank over the relations, weighted by :func:`edge_strength`. Rank flows along
      an edge toward the concept it points at — what a concept *is*, *uses*, *is part
      of*, *addresses* — so concepts that many others lean on rank high. A
      ``prerequisite_of`` edge ``u -> v`` says that ``v`` builds on ``u``, so it is
      walked backwards (``v -> u``): a concept that many others build on ranks high,
      not one that needs many prerequisites. Symmetric relations flow both ways.
    - How often the notes mention the concept, log-scaled (``log1p``).
    - Whether the concept has a card of its own (a non-empty ``cards`` list).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A concept graph; nodes may carry ``mentions`` and ``cards``.
    alpha : float
        PageRank damping factor.

    Returns
    -------
    dict
        Importance of every node, rounded to 3 decimals (also stored on the nodes).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for course in ("vectors", "eigenvalues", "rotations"):
    ...     _ = G.add_edge("linear algebra", course, relation="prerequisite_of", confidence=0.9)
    >>> importance = compute_importance(G)
    >>> importance["linear algebra"], importance["eigenvalues"] < 1
    (1.0, True)
    """
    if G.number_of_nodes() == 0:
        return {}
    rank = pagerank(G, alpha=alpha)
    top_rank = max(rank.values())
    mentions = {n: max(0, int(G.nodes[n].get("mentions") or 0)) for n in G}
    top_mentions = math.log1p(max(mentions.values()))
    w_rank, w_mentions, w_card = IMPORTANCE_BLEND
    raw = {
        n: w_rank * rank[n] / top_rank
        + (w_mentions * math.log1p(mentions[n]) / top_mentions if top_mentions else 0.0)
        + (w_card if G.nodes[n].get("cards") else 0.0)
        for n in G
    }
    top = max(raw.values())
    importance = {n: round(score / top, 3) for n, score in raw.items()}
    nx.set_node_attributes(G, importance, "importance")
    return importance


# --------------------------------------------------------------------------- the overview


#: Concepts named as a topic's main ones in the overview.
TOPIC_MAIN = 5


def topic_members(G: nx.MultiDiGraph) -> dict[str, list]:
    """The concepts of each topic, most important first; topics largest first (then
    by name). Concepts without a topic are listed under :data:`MISCELLANEOUS`.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("a", {"topic": "t", "importance": 0.1}),
    ...                   ("b", {"topic": "t", "importance": 0.9}), ("c", {})])
    >>> topic_members(G)
    {'t': ['b', 'a'], 'Unlinked concepts': ['c']}
    """
    members: dict[str, list] = defaultdict(list)
    for node in sorted(G, key=lambda n: _rank_key(G, n)):
        members[str(G.nodes[node].get("topic") or "").strip() or MISCELLANEOUS].append(node)
    return dict(sorted(members.items(), key=lambda item: (-len(item[1]), item[0])))


def topic_graph(
    G: nx.MultiDiGraph,
    *,
    keep: Callable[[Mapping[str, Any]], bool] | None = None,
    members: Mapping[str, Sequence[Hashable]] | None = None,
) -> nx.Graph:
    """The overview of ``G``: one node per topic, linked by the relations between topics.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A concept graph whose nodes carry a ``topic``.
    keep : callable, optional
        Which edges count (given an edge's attributes); default all.
    members : mapping, optional
        :func:`topic_members` of ``G``, when the caller has it already.

    Returns
    -------
    networkx.Graph
        A node per topic (largest first) with ``label`` (its name), ``concepts`` (how
        many), ``members`` (its concepts, most important first), ``main`` (the labels of
        the first :data:`TOPIC_MAIN`) and ``importance`` (of its most important
        concept). An edge between two topics carries ``counts``
        (:class:`graph.counts.EdgeCounts` of the relations between their concepts,
        either direction) and ``weight`` (their total).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("nmr", {"topic": "imaging"}), ("mri", {"topic": "imaging"}),
    ...                   ("magnetism", {"topic": "physics"})])
    >>> _ = G.add_edge("nmr", "mri", relation="is_a")
    >>> _ = G.add_edge("magnetism", "nmr", relation="prerequisite_of")
    >>> _ = G.add_edge("mri", "magnetism", relation="related_to")
    >>> T = topic_graph(G)
    >>> [(t, T.nodes[t]["concepts"]) for t in T]
    [('imaging', 2), ('physics', 1)]
    >>> T.edges["imaging", "physics"]["counts"].describe()
    '2 relations (0 typed, 1 prerequisite, 1 weak link)'
    """
    from graph.counts import PREREQUISITE, WEAK, EdgeCounts

    members = topic_members(G) if members is None else members
    topic_of = {node: topic for topic, nodes in members.items() for node in nodes}
    T = nx.Graph()
    for topic, nodes in members.items():
        top = G.nodes[nodes[0]].get("importance") or 0.0
        main = [str(G.nodes[n].get("label") or n) for n in nodes[:TOPIC_MAIN]]
        T.add_node(
            topic, label=topic, concepts=len(nodes), members=list(nodes), main=main, importance=top
        )
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    order = {topic: i for i, topic in enumerate(members)}
    for u, v, attrs in G.edges(data=True):
        a, b = topic_of[u], topic_of[v]
        if a == b or (keep is not None and not keep(attrs)):
            continue
        pair = (a, b) if order[a] < order[b] else (b, a)
        relation = attrs.get("relation")
        tally[pair][1 if relation == PREREQUISITE else 2 if relation == WEAK else 0] += 1
    for (a, b), (typed, prerequisites, weak) in tally.items():
        counts = EdgeCounts(typed, prerequisites, weak)
        T.add_edge(a, b, counts=counts, weight=counts.total)
    return T
