"""Topics (communities of concepts) and importance (a ranking of concepts).

Both work on a concept-graph/1 ``MultiDiGraph``, store their result on the nodes
(``topic``, ``importance``) and return it. Both are deterministic: the same graph gives
the same answer whatever order its nodes and edges were added in.

Call :func:`compute_importance` before :func:`assign_topics`: a topic is named after
its most important concept.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
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


def _rank_key(G: nx.MultiDiGraph, node: Any) -> tuple[float, int, str]:
    attrs = G.nodes[node]
    return (-float(attrs.get("importance") or 0.0), -int(attrs.get("mentions") or 0), str(node))


def assign_topics(G: nx.MultiDiGraph, *, seed: int = 42, resolution: float = 1.0) -> dict:
    """Group concepts into topics and store each node's ``topic``.

    Communities come from Louvain modularity (:func:`networkx.community.louvain_communities`)
    on the undirected view of ``G`` whose weights are the summed :func:`edge_strength`
    of the edges between two concepts, so typed relations bind more than ``related_to``.
    A community of fewer than :data:`MIN_TOPIC_SIZE` concepts joins the community it is
    most strongly linked to; one linked to no larger community, such as an isolated
    concept, goes to :data:`MISCELLANEOUS`. Each topic is named after the label of its
    most important concept (then most mentioned, then smallest id).

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
    communities = [
        set(c)
        for c in nx.community.louvain_communities(
            H, weight="weight", resolution=resolution, seed=seed
        )
    ]
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
        top = min(group, key=lambda n: _rank_key(G, n))
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


def _rank_graph(G: nx.MultiDiGraph) -> nx.DiGraph:
    """The weighted digraph PageRank walks: rank flows toward what a concept leans on."""
    R = nx.DiGraph()
    R.add_nodes_from(sorted(G, key=str))
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
    R.add_weighted_edges_from((u, v, w) for (u, v), w in sorted(weights.items(), key=str))
    return R


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
    rank = nx.pagerank(_rank_graph(G), alpha=alpha, weight="weight")
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
