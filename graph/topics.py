"""Topics (communities of concepts) and importance (a ranking of concepts).

Both work on a concept-graph/1 ``MultiDiGraph``, store their result on the nodes
(``topic``, ``importance``) and return it. Both are deterministic: the same graph gives
the same answer whatever order its nodes and edges were added in.

Call :func:`compute_importance` before :func:`assign_topics`: a topic is named after
its most important concept, unless that is a word of everyday English ("model",
"problem", "value") and one of the next few is more specific.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any

import networkx as nx

#: Weight of a ``related_to`` edge (co-occurrence, an untyped verb) relative to a typed
#: relation of the same confidence.
RELATED_TO_WEIGHT = 0.3

#: Relations that hold both ways.
SYMMETRIC_RELATIONS = frozenset({"contrasts_with"})

#: Communities smaller than this are folded into a neighbouring topic.
MIN_TOPIC_SIZE = 3

#: Topic of concepts that no community takes in.
MISCELLANEOUS = "Miscellaneous"

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


def _undirected_weights(G: nx.MultiDiGraph) -> nx.Graph:
    """``G`` as a simple undirected graph; weight = sum of the edges' strengths."""
    H = nx.Graph()
    H.add_nodes_from(sorted(G, key=str))
    weights: dict[tuple[Any, Any], float] = defaultdict(float)
    for u, v, attrs in G.edges(data=True):
        if u != v:
            weights[tuple(sorted((u, v), key=str))] += edge_strength(attrs)
    H.add_weighted_edges_from((u, v, w) for (u, v), w in sorted(weights.items()) if w > 0)
    return H


#: Smallest gain in modularity for which Louvain goes on to the next level
#: (:func:`networkx.community.louvain_communities`' default).
LOUVAIN_THRESHOLD = 1e-07


def louvain(H: nx.Graph, *, resolution: float = 1.0, seed: int = 42) -> list[set]:
    """The communities :func:`networkx.community.louvain_communities` finds in ``H`` (a
    simple undirected graph with a ``weight`` on every edge), found on ``H`` itself.

    networkx's function first copies its graph, node by node and edge by edge, and runs
    on the copy; the copy of a graph built in sorted order, as
    :func:`_undirected_weights` builds it, is the same graph in the same order. Working on
    ``H`` gives the same levels and the same communities without a second graph (a
    graph of 100,000 concepts held 127 MB of weights). The levels are networkx's own
    (its ``_one_level`` and ``_gen_graph``, which only read the graph they are given).

    >>> H = nx.Graph()
    >>> H.add_weighted_edges_from([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0),
    ...                            ("d", "e", 1.0), ("e", "f", 1.0), ("f", "d", 1.0),
    ...                            ("c", "d", 0.1)])
    >>> sorted(map(sorted, louvain(H)))
    [['a', 'b', 'c'], ['d', 'e', 'f']]
    """
    from networkx.algorithms.community import louvain as levels

    rng = nx.utils.create_py_random_state(seed)
    partition = [{u} for u in H.nodes()]
    if nx.is_empty(H):
        return partition
    mod = nx.community.modularity(H, partition, resolution=resolution, weight="weight")
    m = H.size(weight="weight")
    graph = H
    partition, inner, improvement = levels._one_level(graph, m, partition, resolution, False, rng)
    improvement = True
    found = partition
    while improvement:
        found = [s.copy() for s in partition]
        new_mod = nx.community.modularity(graph, inner, resolution=resolution, weight="weight")
        if new_mod - mod <= LOUVAIN_THRESHOLD:
            break
        mod = new_mod
        graph = levels._gen_graph(graph, inner)
        partition, inner, improvement = levels._one_level(
            graph, m, partition, resolution, False, rng
        )
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
    >>> G.add_node("LSTM", selection={"features": {"acronym": 1.0}})
    >>> is_everyday(G, "model"), is_everyday(G, "LSTM"), is_everyday(G, "x")
    (True, False, False)
    """
    selection = G.nodes[node].get("selection") if node in G else None
    features = selection.get("features") if isinstance(selection, Mapping) else None
    return isinstance(features, Mapping) and float(features.get("common") or 0.0) >= 1.0


def topic_name_node(G: nx.MultiDiGraph, group: set) -> Any:
    """The concept a topic is named after: the first of its :data:`TOPIC_NAME_POOL`
    most important concepts that is not an everyday word (:func:`is_everyday`), else
    its most important one.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("model", importance=1.0, selection={"features": {"common": 1.0}})
    >>> G.add_node("GAN", importance=0.8)
    >>> topic_name_node(G, {"model", "GAN"}), topic_name_node(G, {"model"})
    ('GAN', 'model')
    """
    ranked = sorted(group, key=lambda n: _rank_key(G, n))
    specific = [n for n in ranked[:TOPIC_NAME_POOL] if not is_everyday(G, n)]
    return specific[0] if specific else ranked[0]


def assign_topics(G: nx.MultiDiGraph, *, seed: int = 42, resolution: float = 1.0) -> dict:
    """Group concepts into topics and store each node's ``topic``.

    Communities come from Louvain modularity (:func:`networkx.community.louvain_communities`)
    on the undirected view of ``G`` whose weights are the summed :func:`edge_strength`
    of the edges between two concepts, so typed relations bind more than ``related_to``.
    A community of fewer than :data:`MIN_TOPIC_SIZE` concepts joins the community it is
    most strongly linked to; one linked to no larger community, such as an isolated
    concept, goes to :data:`MISCELLANEOUS`. Each topic is named after the label of its
    most important concept (then most mentioned, then smallest id), or of the next
    most important that is not an everyday word (:func:`topic_name_node`).

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
    >>> for a, b in [("rnn", "lstm"), ("lstm", "gru"), ("rnn", "gru"),
    ...              ("cnn", "pooling"), ("pooling", "stride"), ("cnn", "stride")]:
    ...     _ = G.add_edge(a, b, relation="part_of", confidence=0.9)
    >>> G.add_node("cnn", importance=1.0, label="CNN")
    >>> G.add_node("rnn", importance=0.8, label="RNN")
    >>> G.add_node("epoch", label="epoch")
    >>> topics = assign_topics(G)
    >>> topics["lstm"], topics["stride"], topics["epoch"]
    ('RNN', 'CNN', 'Miscellaneous')
    """
    H = _undirected_weights(G)
    communities = [set(c) for c in louvain(H, resolution=resolution, seed=seed)]
    communities.sort(key=lambda c: min(_rank_key(G, n) for n in c))
    large = [c for c in communities if len(c) >= MIN_TOPIC_SIZE]
    home = {n: i for i, c in enumerate(large) for n in c}
    members: list[set] = [set(c) for c in large]
    misc: set = set()
    for small in (c for c in communities if len(c) < MIN_TOPIC_SIZE):
        links: dict[int, float] = defaultdict(float)
        for n in small:
            for neighbour, attrs in H[n].items():
                if neighbour in home:
                    links[home[neighbour]] += attrs["weight"]
        if links:
            best = max(sorted(links), key=lambda i: links[i])
            members[best] |= small
        else:
            misc |= small

    topics: dict = {}
    used: set[str] = set()
    for group in members:
        top = topic_name_node(G, group)
        name = _unique(str(G.nodes[top].get("label") or top), used)
        topics.update(dict.fromkeys(group, name))
    if misc:
        topics.update(dict.fromkeys(misc, _unique(MISCELLANEOUS, used)))
    nx.set_node_attributes(G, topics, "topic")
    return topics


def _unique(name: str, used: set[str]) -> str:
    candidate, n = name, 1
    while candidate in used:
        n += 1
        candidate = f"{name} ({n})"
    used.add(candidate)
    return candidate


def _rank_weights(G: nx.MultiDiGraph) -> dict[tuple[Any, Any], float]:
    """The weighted arcs PageRank walks, ``(u, v) -> weight``: rank flows toward what a
    concept leans on."""
    weights: dict[tuple[Any, Any], float] = defaultdict(float)
    for u, v, attrs in G.edges(data=True):
        w = edge_strength(attrs)
        if u == v or w <= 0:
            continue
        relation = attrs.get("relation")
        if relation == "prerequisite_of":
            weights[(v, u)] += w  # v builds on u: u collects the rank
        else:
            weights[(u, v)] += w
            if relation in SYMMETRIC_RELATIONS:
                weights[(v, u)] += w
    return weights


def _rank_graph(G: nx.MultiDiGraph) -> nx.DiGraph:
    """The weighted digraph PageRank walks (:func:`_rank_weights`), nodes in sorted order."""
    R = nx.DiGraph()
    R.add_nodes_from(sorted(G, key=str))
    R.add_weighted_edges_from((u, v, w) for (u, v), w in sorted(_rank_weights(G).items(), key=str))
    return R


def pagerank(
    G: nx.MultiDiGraph, *, alpha: float = 0.85, max_iter: int = 100, tol: float = 1.0e-6
) -> dict:
    """PageRank of the concepts of ``G`` over the arcs of :func:`_rank_weights`: the
    numbers :func:`networkx.pagerank` gives on the digraph :func:`_rank_graph` builds,
    computed from the arcs' sparse matrix alone (networkx's own power iteration, without
    the digraph, which held about 190 MB for a graph of 100,000 concepts).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("gene", "protein", relation="uses", confidence=0.9)
    >>> _ = G.add_edge("enzyme", "protein", relation="is_a", confidence=0.9)
    >>> rank = pagerank(G)
    >>> rank == nx.pagerank(_rank_graph(G)), max(rank, key=rank.get)
    (True, 'protein')
    """
    import numpy as np
    import scipy as sp

    nodes = sorted(G, key=str)
    N = len(nodes)
    if N == 0:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    weights = _rank_weights(G)
    rows = np.fromiter((index[u] for u, _ in weights), dtype=np.int64, count=len(weights))
    cols = np.fromiter((index[v] for _, v in weights), dtype=np.int64, count=len(weights))
    data = np.fromiter(weights.values(), dtype=float, count=len(weights))
    del weights, index
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
    >>> for course in ("regression", "pca", "svm"):
    ...     _ = G.add_edge("linear algebra", course, relation="prerequisite_of", confidence=0.9)
    >>> importance = compute_importance(G)
    >>> importance["linear algebra"], importance["pca"] < 1
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
    {'t': ['b', 'a'], 'Miscellaneous': ['c']}
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
    >>> G.add_nodes_from([("rnn", {"topic": "sequences"}), ("lstm", {"topic": "sequences"}),
    ...                   ("sgd", {"topic": "optimisation"})])
    >>> _ = G.add_edge("rnn", "lstm", relation="is_a")
    >>> _ = G.add_edge("sgd", "rnn", relation="prerequisite_of")
    >>> _ = G.add_edge("lstm", "sgd", relation="related_to")
    >>> T = topic_graph(G)
    >>> [(t, T.nodes[t]["concepts"]) for t in T]
    [('sequences', 2), ('optimisation', 1)]
    >>> T.edges["sequences", "optimisation"]["counts"].describe()
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
