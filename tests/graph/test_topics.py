"""Tests of graph.topics: Louvain topics and PageRank-based importance."""

from __future__ import annotations

import random
from collections import defaultdict

import networkx as nx
import pytest

from graph import topics
from graph.build import build_atlas
from graph.counts import EdgeCounts
from graph.topics import (
    MISCELLANEOUS,
    assign_topics,
    compute_importance,
    edge_strength,
    topic_graph,
    topic_members,
)
from tests.conftest import SEEDS, requires_shared


def make_graph(edges, nodes=(), reverse: bool = False) -> nx.MultiDiGraph:
    """A concept graph from ``(u, v, relation, confidence)`` edges and ``(id, attrs)`` nodes."""
    G = nx.MultiDiGraph(schema="concept-graph/1", model=None, sources=[])
    nodes, edges = list(nodes), list(edges)
    if reverse:
        nodes, edges = nodes[::-1], edges[::-1]
    for node, attrs in nodes:
        G.add_node(node, **attrs)
    for u, v, relation, confidence in edges:
        G.add_edge(u, v, relation=relation, confidence=confidence, evidence=[])
    return G


TRIANGLES = [
    ("rna", "mrna", "part_of", 0.9),
    ("mrna", "mirna", "contrasts_with", 0.8),
    ("mirna", "rna", "is_a", 0.9),
    ("dna", "primer", "uses", 0.9),
    ("primer", "strand", "uses", 0.7),
    ("strand", "dna", "part_of", 0.8),
    ("exon", "mrna", "part_of", 0.9),
    ("rna", "dna", "related_to", 0.2),
]
TRIANGLE_NODES = [
    ("rna", {"label": "RNA", "importance": 0.9}),
    ("dna", {"label": "DNA", "importance": 1.0}),
    ("equinox", {"label": "equinox", "importance": 0.1}),
]


@pytest.mark.parametrize(
    "relation,confidence,strength",
    [("is_a", 0.8, 0.8), ("prerequisite_of", 0.5, 0.5), ("related_to", 1.0, 0.3)],
)
def test_topics_edge_strength_down_weights_related_to(relation, confidence, strength):
    assert edge_strength({"relation": relation, "confidence": confidence}) == pytest.approx(
        strength
    )


def test_topics_communities_named_after_most_important_concept():
    G = make_graph(TRIANGLES, TRIANGLE_NODES)
    topics = assign_topics(G)
    assert topics == {
        "rna": "RNA",
        "mrna": "RNA",
        "mirna": "RNA",
        "exon": "RNA",  # a singleton community joins its strongest neighbour's topic
        "dna": "DNA",
        "primer": "DNA",
        "strand": "DNA",
        "equinox": MISCELLANEOUS,  # linked to nothing
    }
    assert {n: G.nodes[n]["topic"] for n in G} == topics


def test_topics_stable_across_runs_and_insertion_order():
    first = assign_topics(make_graph(TRIANGLES, TRIANGLE_NODES))
    again = assign_topics(make_graph(TRIANGLES, TRIANGLE_NODES))
    reordered = assign_topics(make_graph(TRIANGLES, TRIANGLE_NODES, reverse=True))
    assert first == again == reordered


def test_topics_typed_edge_binds_more_than_related_to():
    edges = [
        *TRIANGLES,
        ("enzyme", "rna", "used_for", 0.6),
        ("enzyme", "dna", "related_to", 0.9),
    ]
    assert assign_topics(make_graph(edges, TRIANGLE_NODES))["enzyme"] == "RNA"


def test_topics_duplicate_names_are_told_apart():
    nodes = [("rna", {"label": "Overview", "importance": 1}), ("dna", {"label": "Overview"})]
    topics = assign_topics(make_graph(TRIANGLES, nodes))
    assert {topics["mrna"], topics["primer"]} == {"Overview", "Overview (2)"}


def test_topics_small_isolated_pair_is_miscellaneous():
    G = make_graph([*TRIANGLES, ("acid", "ph", "uses", 0.9)], TRIANGLE_NODES)
    topics = assign_topics(G)
    assert topics["acid"] == topics["ph"] == topics["equinox"] == MISCELLANEOUS


@pytest.mark.parametrize(
    "edges, expected",
    [
        (
            [("dune", "wind", "related_to", 0.4)],
            {"dune": "dune", "wind": "dune", "erosion": MISCELLANEOUS},
        ),
        (
            [("dune", "wind", "uses", 0.9), ("erosion", "rock", "related_to", 0.3)],
            {"dune": "dune", "wind": "dune", "rock": "erosion", "erosion": "erosion"},
        ),
    ],
)
def test_topics_notes_with_no_topic_of_three_keep_their_linked_pairs(
    edges: list, expected: dict
) -> None:
    """Before: a one-heading note's two linked concepts were the topic "Unlinked
    concepts"."""
    nodes = [("dune", {"importance": 1.0}), ("erosion", {"importance": 0.8}), ("sand", {})]
    topics = assign_topics(make_graph(edges, nodes))
    assert topics == {**expected, "sand": MISCELLANEOUS}


def test_topics_empty_graph():
    assert assign_topics(make_graph([])) == {}
    assert compute_importance(make_graph([])) == {}


def test_topics_importance_prerequisite_hub_ranks_first():
    edges = [
        ("linear algebra", c, "prerequisite_of", 0.9) for c in ("optics", "statics", "regression")
    ]
    edges.append(("calculus", "regression", "prerequisite_of", 0.9))
    importance = compute_importance(make_graph(edges))
    assert importance["linear algebra"] == 1.0
    # "regression" needs two prerequisites: that does not make it important
    assert importance["regression"] < importance["calculus"] < importance["linear algebra"]


def test_topics_importance_typed_edge_outweighs_related_to():
    edges = [("mrna", "typed", "uses", 0.5), ("mrna", "weak", "related_to", 0.9)]
    importance = compute_importance(make_graph(edges))
    assert importance["typed"] > importance["weak"]


@pytest.mark.parametrize(
    "more,less",
    [
        ({"mentions": 10, "cards": []}, {"mentions": 1, "cards": []}),
        ({"mentions": 2, "cards": ["n#1"]}, {"mentions": 2, "cards": []}),
    ],
)
def test_topics_importance_rewards_mentions_and_cards(more, less):
    importance = compute_importance(make_graph([], [("more", more), ("less", less)]))
    assert importance["more"] == 1.0 > importance["less"]


def test_topics_importance_deterministic_and_stored():
    G = make_graph(TRIANGLES, TRIANGLE_NODES)
    importance = compute_importance(G)
    assert importance == compute_importance(make_graph(TRIANGLES, TRIANGLE_NODES, reverse=True))
    assert {n: G.nodes[n]["importance"] for n in G} == importance
    assert all(0 <= v <= 1 for v in importance.values()) and max(importance.values()) == 1.0


@pytest.fixture(scope="module")
def seeds_graph():
    if not SEEDS.is_dir():
        pytest.skip(f"the real notes are not here: {SEEDS} is absent")
    return build_atlas([SEEDS])[0]


@requires_shared
def test_topics_seeds_every_node_has_a_stable_topic(seeds_graph):
    first, second = seeds_graph.copy(), seeds_graph.copy()
    compute_importance(first)
    compute_importance(second)
    topics = assign_topics(first, seed=7)
    assert topics == assign_topics(second, seed=7)
    assert set(topics) == set(seeds_graph) and all(topics.values())
    names = set(topics.values())
    assert 1 < len(names) < seeds_graph.number_of_nodes() / 3


@requires_shared
def test_topics_seeds_importance_in_unit_range(seeds_graph):
    G = seeds_graph.copy()
    importance = compute_importance(G)
    assert set(importance) == set(G)
    assert all(0 <= v <= 1 for v in importance.values()) and max(importance.values()) == 1.0


# --------------------------------------------------------------------------- the overview


def test_topics_doctests() -> None:
    import doctest

    import graph.topics

    assert doctest.testmod(graph.topics).failed == 0


def overview_graph() -> nx.MultiDiGraph:
    nodes = [
        ("rna", {"topic": "sequences", "importance": 0.9, "label": "RNA"}),
        ("mrna", {"topic": "sequences", "importance": 0.7, "label": "mRNA"}),
        ("mirna", {"topic": "sequences", "importance": 0.5, "label": "miRNA"}),
        ("splicing", {"topic": "processing", "importance": 0.8, "label": "SGD"}),
        ("acid", {"topic": "processing", "importance": 0.6, "label": "Adam"}),
        ("equinox", {"importance": 0.1}),
    ]
    edges = [
        ("rna", "mrna", "is_a", 0.9),
        ("splicing", "rna", "prerequisite_of", 0.8),
        ("acid", "mrna", "prerequisite_of", 0.7),
        ("mrna", "splicing", "uses", 0.6),
        ("mirna", "acid", "related_to", 0.2),
        ("equinox", "splicing", "related_to", 0.2),
    ]
    return make_graph(edges, nodes)


def test_topic_graph_one_node_per_topic_sized_by_its_concepts() -> None:
    T = topic_graph(overview_graph())
    assert list(T) == ["sequences", "processing", MISCELLANEOUS]
    assert [T.nodes[t]["concepts"] for t in T] == [3, 2, 1]
    assert T.nodes["sequences"]["members"] == ["rna", "mrna", "mirna"]
    assert T.nodes["sequences"]["main"] == ["RNA", "mRNA", "miRNA"]
    assert T.nodes["processing"]["label"] == "processing"


def test_topic_graph_links_count_the_relations_between_topics() -> None:
    T = topic_graph(overview_graph())
    counts = T.edges["sequences", "processing"]["counts"]
    assert counts == EdgeCounts(typed=1, prerequisites=2, weak=1)
    assert T.edges["sequences", "processing"]["weight"] == 4
    assert not T.has_edge("sequences", "sequences")  # relations inside a topic: no link
    assert T.edges["processing", MISCELLANEOUS]["counts"] == EdgeCounts(0, 0, 1)


def test_topic_graph_counts_only_the_edges_kept() -> None:
    T = topic_graph(overview_graph(), keep=lambda attrs: attrs["relation"] != "related_to")
    assert T.edges["sequences", "processing"]["counts"] == EdgeCounts(1, 2, 0)
    assert not T.has_edge("processing", MISCELLANEOUS)
    assert T.nodes[MISCELLANEOUS]["concepts"] == 1  # every concept stays counted


def test_topic_members_largest_first_most_important_first() -> None:
    members = topic_members(overview_graph())
    assert members == {
        "sequences": ["rna", "mrna", "mirna"],
        "processing": ["splicing", "acid"],
        MISCELLANEOUS: ["equinox"],
    }


@requires_shared
@pytest.mark.slow
def test_topic_graph_of_the_seeds_counts_every_concept_once() -> None:
    G, _ = build_atlas([SEEDS])
    T = topic_graph(G)
    assert sum(T.nodes[t]["concepts"] for t in T) == G.number_of_nodes()
    between = sum(T.edges[e]["weight"] for e in T.edges)
    topic = nx.get_node_attributes(G, "topic")
    assert between == sum(1 for u, v in G.edges() if topic[u] != topic[v])


def test_topics_are_named_after_a_specific_concept_not_an_everyday_word():
    G = nx.MultiDiGraph()
    for a, b in [("model", "ATP"), ("ATP", "kinase"), ("model", "kinase")]:
        G.add_edge(a, b, relation="part_of", confidence=0.9)
    G.add_node("model", importance=1.0, label="model", selection={"features": {"common": 1.0}})
    G.add_node("ATP", importance=0.8, label="ATP", selection={"features": {"acronym": 1.0}})
    G.add_node("kinase", importance=0.5, label="kinase")
    assert set(assign_topics(G).values()) == {"ATP"}
    # a graph that does not say which words are everyday keeps the most important name
    for node in G:
        G.nodes[node].pop("selection", None)
    assert set(assign_topics(G).values()) == {"model"}


@pytest.mark.parametrize(
    ("top", "top_features", "named"),
    [
        ("scratch", {"log_count": 2.0}, "plate boundary"),
        ("surface", {"log_count": 2.0, "common": 0.0}, "plate boundary"),
        ("mantle", {"log_count": 2.0, "singled": 1.0}, "mantle"),
        ("SQL", {"log_count": 2.0, "acronym": 1.0}, "SQL"),
        ("mid-ocean ridge", {"log_count": 2.0}, "mid-ocean ridge"),
    ],
)
def test_topics_name_is_a_concept_the_notes_single_out_not_a_word_in_passing(
    top, top_features, named
):
    G = nx.MultiDiGraph()
    for a, b in [(top, "plate boundary"), ("plate boundary", "subduction"), (top, "subduction")]:
        G.add_edge(a, b, relation="part_of", confidence=0.9)
    G.add_node(top, importance=1.0, label=top, selection={"features": top_features})
    singled = {"features": {"singled": 1.0}}
    G.add_node("plate boundary", importance=0.8, label="plate boundary", selection=singled)
    G.add_node("subduction", importance=0.5, label="subduction", selection=singled)
    assert set(assign_topics(G).values()) == {named}


@pytest.mark.parametrize(
    ("top", "top_definition", "defined", "named"),
    [
        # a formula or a lone acronym the notes do not define gives way to a defined
        # concept named by words
        ("H2O", "", True, "osmosis"),
        ("ATP", "", True, "osmosis"),
        ("NaCl", "", True, "osmosis"),
        # unless no concept of the topic is defined, or the notes define it
        ("H2O", "", False, "H2O"),
        ("ATP", "The energy carrier of the cell.", True, "ATP"),
        # a name of words is no formula
        ("Na-K pump", "", True, "Na-K pump"),
    ],
)
def test_topics_name_is_no_formula_or_lone_acronym_when_a_defined_name_is_there(
    top, top_definition, defined, named
):
    G = nx.MultiDiGraph()
    for a, b in [(top, "osmosis"), ("osmosis", "diffusion"), (top, "diffusion")]:
        G.add_edge(a, b, relation="part_of", confidence=0.9)
    G.add_node(top, importance=1.0, label=top, definition=top_definition)
    G.add_node("osmosis", importance=0.8, label="osmosis", definition="" if not defined else "x")
    G.add_node("diffusion", importance=0.5, label="diffusion")
    assert set(assign_topics(G).values()) == {named}


def test_topics_concepts_linked_to_no_topic_are_named_unlinked():
    G = make_graph(TRIANGLES, nodes=[("equinox", {"label": "equinox"})])
    assert assign_topics(G)["equinox"] == MISCELLANEOUS == "Unlinked concepts"


def _weighted_copy(G: nx.MultiDiGraph) -> nx.Graph:
    """The reference: ``G`` as networkx's simple undirected graph, nodes in sorted order,
    pairs added in sorted order, weight = the summed strengths of the edges between two
    concepts (pairs of no strength left out)."""
    H = nx.Graph()
    H.add_nodes_from(sorted(G, key=str))
    weights: dict = defaultdict(float)
    for u, v, attrs in G.edges(data=True):
        if u != v:
            weights[tuple(sorted((u, v), key=str))] += topics.edge_strength(attrs)
    H.add_weighted_edges_from((u, v, w) for (u, v), w in sorted(weights.items()) if w > 0)
    return H


def _random_concept_graph(seed: int) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    nodes = [f"c{i}" for i in range(rng.randrange(20, 120))]
    G.add_nodes_from(nodes)
    for _ in range(len(nodes) * 3):
        u, v = rng.choice(nodes), rng.choice(nodes)  # self-loops too
        relation = rng.choice(["is_a", "part_of", "related_to", "prerequisite_of"])
        G.add_edge(u, v, relation=relation, confidence=rng.choice([0.0, 0.3, 0.6, 0.9]))
    return G


@pytest.mark.parametrize("seed", range(12))
def test_topics_weights_are_networkx_weighted_graph(seed):
    """The arrays hold networkx's weighted copy: its nodes, each node's neighbours in its
    order, the same weights to the last bit, and its weighted degrees."""
    G = _random_concept_graph(seed)
    H = _weighted_copy(G)
    W = topics.Weights.of(G)
    assert W.nodes == list(H)
    for u, node in enumerate(W.nodes):
        nbrs, wts = W.neighbours(u)
        assert [W.nodes[v] for v in nbrs] == list(H[node])
        assert wts == [d["weight"] for d in H[node].values()]
    assert W.degrees() == [d for _, d in H.degree(weight="weight")]


@pytest.mark.parametrize("seed", range(12))
def test_topics_louvain_is_networkx_louvain_without_the_copy(seed):
    """The communities found on the arrays are networkx's, on graphs made as a concept
    graph's weights are (sorted nodes, sorted pairs), over several levels."""
    G = _random_concept_graph(seed)
    H = _weighted_copy(G)
    W = topics.Weights.of(G)
    for resolution in (0.5, 1.0, 2.0):
        ours = topics.louvain(W, resolution=resolution, seed=42)
        theirs = nx.community.louvain_communities(
            H, weight="weight", resolution=resolution, seed=42
        )
        assert ours == theirs


def test_topics_louvain_of_graphs_without_edges():
    assert topics.louvain(topics.Weights.of(nx.MultiDiGraph())) == []
    G = nx.MultiDiGraph()
    G.add_nodes_from(["b", "a"])
    G.add_edge("a", "a", relation="is_a", confidence=0.9)
    G.add_edge("a", "b", relation="is_a", confidence=0.0)
    assert topics.louvain(topics.Weights.of(G)) == [{"a"}, {"b"}]


@pytest.mark.parametrize("seed", range(12))
def test_topics_pagerank_is_networkx_pagerank_without_the_digraph(seed):
    """PageRank from the arcs' matrix alone gives exactly networkx's numbers on the
    weighted digraph (symmetric, reversed and parallel edges, self-loops, nodes with no
    arcs, edges too weak to count)."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    nodes = [f"c{i}" for i in range(rng.randrange(20, 120))]
    G.add_nodes_from(nodes)
    relations = ["is_a", "part_of", "related_to", "prerequisite_of", "contrasts_with"]
    for _ in range(len(nodes) * 2):
        u, v = rng.choice(nodes), rng.choice(nodes)
        confidence = rng.choice([0.0, 0.3, 0.6, 0.9])
        G.add_edge(u, v, relation=rng.choice(relations), confidence=confidence)
    assert topics.pagerank(G) == nx.pagerank(topics._rank_graph(G), weight="weight")
    assert topics.pagerank(G, alpha=0.5) == nx.pagerank(topics._rank_graph(G), alpha=0.5)
    assert topics.pagerank(nx.MultiDiGraph()) == {}


@pytest.mark.parametrize("seed", range(6))
def test_topics_summed_adds_in_order_as_a_dict_does(seed):
    """Keys repeated many times: each sum is the one ``d[key] += value`` gives, to the
    last bit (floats added in another order can differ there)."""
    from array import array

    rng = random.Random(seed)
    keys = [rng.randrange(30) for _ in range(600)]
    values = [rng.choice([0.1, 0.3 * 0.3, 0.7, 1e-9, 0.0]) for _ in keys]
    expected: dict = defaultdict(float)
    for k, v in zip(keys, values, strict=True):
        expected[k] += v
    got_keys, sums = topics._summed(array("q", keys), array("d", values))
    assert got_keys.tolist() == sorted(expected)
    assert sums.tolist() == [expected[k] for k in sorted(expected)]
    empty_keys, empty_sums = topics._summed(array("q"), array("d"))
    assert empty_keys.tolist() == [] and empty_sums.tolist() == []


def course_graph(bridge: str) -> nx.MultiDiGraph:
    """Two courses, each a triangle of concepts; a word both use ("energy") and one
    concept of the second course named only beside that word, in ``bridge``'s notes."""
    G = nx.MultiDiGraph(sources=[{"path": "biology.md"}, {"path": "physics.md"}])

    def link(u: str, v: str, source: str, confidence: float = 0.9) -> None:
        evidence = [{"source": source, "line": 1, "text": "A sentence."}]
        G.add_edge(u, v, relation="part_of", confidence=confidence, evidence=evidence)

    for u, v in [("enzyme", "active site"), ("active site", "substrate"), ("substrate", "enzyme")]:
        link(u, v, "biology.md")
        link(u, "energy", "biology.md")
    for u, v in [("force", "mass"), ("mass", "acceleration"), ("acceleration", "force")]:
        link(u, v, "physics.md")
    link("kinetic energy", "energy", bridge)
    link("kinetic energy", "mass", bridge, confidence=0.3)
    G.add_nodes_from(["enzyme", "force"], importance=1.0)
    return G


@pytest.mark.parametrize(
    ("bridge", "topic"),
    [
        # what only the second course's notes say goes to that course's topic, though
        # it is most strongly tied to a word the first course uses
        ("physics.md", "force"),
        # what the first course's notes say stays there
        ("biology.md", "enzyme"),
    ],
)
def test_topics_stay_within_the_notes_of_one_course(bridge, topic):
    G = course_graph(bridge)
    assign_topics(G)
    assert G.nodes["kinetic energy"]["topic"] == topic
    assert G.nodes["energy"]["topic"] == "enzyme"


def sectioned_graph(headings: dict[str, list[dict]]) -> nx.MultiDiGraph:
    """Two triangles of concepts, each concept under the headings ``headings`` gives it."""
    edges = [
        ("cadence", "plagal cadence", "is_a", 0.9),
        ("plagal cadence", "half cadence", "contrasts_with", 0.9),
        ("half cadence", "cadence", "is_a", 0.9),
        ("tempo", "meter", "related_to", 0.9),
        ("meter", "time signature", "part_of", 0.9),
        ("time signature", "tempo", "part_of", 0.9),
    ]
    G = make_graph(edges)
    G.nodes["cadence"].update(importance=1.0, label="cadence")
    G.nodes["tempo"].update(importance=0.9, label="tempo")
    for node, under in headings.items():
        G.nodes[node]["under"] = under
    return G


def _heading(line: int, text: str) -> dict:
    return {"source": "music.md", "line": line, "text": text, "names": []}


CADENCES = ("cadence", "plagal cadence", "half cadence")
RHYTHM = ("tempo", "meter", "time signature")
CHAPTER, SECTION = _heading(1, "Harmony"), _heading(9, "2. Cadences:")


@pytest.mark.parametrize(
    ("under", "name"),
    [
        # the section over the topic's concepts names it, trimmed of its numbering
        ({n: [SECTION] for n in CADENCES}, "Cadences"),
        ({n: [_heading(3, "Lecture 4 - Endings")] for n in CADENCES}, "Endings"),
        # over most of them is enough
        ({"cadence": [SECTION], "plagal cadence": [SECTION]}, "Cadences"),
        # the innermost of a chapter and a section over the same concepts
        ({n: [CHAPTER, SECTION] for n in CADENCES}, "Cadences"),
        # nor the heading over every headed concept of the file, the notes' title
        (
            {"cadence": [CHAPTER, SECTION], "plagal cadence": [CHAPTER, SECTION]}
            | {"half cadence": [CHAPTER]},
            "Cadences",
        ),
        # a heading over one concept of three does not name the three
        ({"half cadence": [SECTION]}, "cadence"),
        # nor one most of whose concepts are in another topic
        ({n: [CHAPTER] for n in CADENCES[:2] + RHYTHM[:2]}, "cadence"),
        # nor a heading about the notes, an exercise or a question
        ({n: [_heading(3, "Summary")] for n in CADENCES}, "cadence"),
        ({n: [_heading(3, "Week 3")] for n in CADENCES}, "cadence"),
        ({n: [_heading(3, "Exercise: name the endings")] for n in CADENCES}, "cadence"),
        ({n: [_heading(3, "How does a piece end?")] for n in CADENCES}, "cadence"),
    ],
)
def test_topics_name_is_the_heading_over_most_of_its_concepts(under, name):
    G = sectioned_graph(under)
    topics = assign_topics(G)
    assert topics["plagal cadence"] == name
    assert topics["meter"] == "tempo"  # the other topic, under no heading, keeps its concept


def test_topics_a_heading_names_one_topic_only():
    G = sectioned_graph({n: [_heading(3, "Music")] for n in CADENCES + RHYTHM})
    assert set(assign_topics(G).values()) == {"cadence", "tempo"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("2.3 Osmosis in plants:", "Osmosis in plants"),
        ("Chapter 3: Enzymes", "Enzymes"),
        ("Week 2 - The cell cycle", "The cell cycle"),
        ("IV. The July Crisis", "The July Crisis"),
        ("b) Fiscal policy", "Fiscal policy"),
        ("A cell's membrane", "A cell's membrane"),
        ("3D printing", "3D printing"),
    ],
)
def test_topics_heading_name_trims_numbering(text, name):
    assert topics.heading_name(text) == name


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Cadences", True),
        ("Introduction to RNA-seq", True),
        ("Lecture 3: Enzymes", True),
        ("Summary", False),
        ("Lecture 3", False),
        ("Key terms", False),
        ("Review questions", False),
        ("Example: a plagal cadence", False),
        ("What is a cadence?", False),
    ],
)
def test_topics_names_a_topic_only_headings_about_the_subject(text, names):
    assert topics.names_a_topic(text) is names


BREATHING = _heading(20, "Lecture 7: Breathing")


@pytest.mark.parametrize(
    ("unlinked", "under", "topic"),
    [
        # a concept linked to nothing joins the topic its section's concepts are in
        (["rubato"], {n: [_heading(30, "Rhythm")] for n in ("rubato", *RHYTHM)}, "Rhythm"),
        (["rubato"], {n: [_heading(30, "Rhythm")] for n in ("rubato", *RHYTHM[:1])}, "tempo"),
        # three of one section no topic holds make a topic named by their heading
        (
            ["tidal volume", "diaphragm", "alveolus"],
            {n: [BREATHING] for n in ("tidal volume", "diaphragm", "alveolus")},
            "Breathing",
        ),
        # two are too few for a topic
        (
            ["tidal volume", "diaphragm"],
            {n: [BREATHING] for n in ("tidal volume", "diaphragm")},
            MISCELLANEOUS,
        ),
        # a concept under no heading stays unlinked
        (["rubato"], {n: [_heading(30, "Rhythm")] for n in RHYTHM}, MISCELLANEOUS),
        # and so does one under the notes' title alone
        (
            ["rubato"],
            {"rubato": [CHAPTER]} | {n: [CHAPTER, _heading(30, "Rhythm")] for n in RHYTHM},
            MISCELLANEOUS,
        ),
    ],
)
def test_topics_unlinked_concepts_go_with_their_section(unlinked, under, topic):
    G = sectioned_graph({})
    G.add_nodes_from(unlinked)
    for node, headings in under.items():
        G.nodes[node]["under"] = headings
    assert assign_topics(G)[unlinked[0]] == topic


def glossary_graph(shell_terms: tuple[str, ...]) -> nx.MultiDiGraph:
    """A biology course (five concepts, "sequence" a word other courses use) and a
    shell glossary whose "regular expression" the notes link to "sequence" alone, by a
    weak link; ``shell_terms`` are the glossary's other concepts, linked to each other."""
    G = nx.MultiDiGraph(sources=[{"path": "biology.md"}, {"path": "shell.md"}])

    def link(u: str, v: str, source: str, relation: str = "part_of", confidence=0.9) -> None:
        evidence = [{"source": source, "line": 1, "text": "A sentence."}]
        G.add_edge(u, v, relation=relation, confidence=confidence, evidence=evidence)

    biology = ("gene", "exon", "intron", "codon", "sequence")
    for i, u in enumerate(biology):
        for v in biology[i + 1 :]:
            link(u, v, "biology.md")
    for u, v in zip(shell_terms, shell_terms[1:] + shell_terms[:1], strict=True):
        link(u, v, "shell.md")
    link("regular expression", "sequence", "shell.md", "related_to", 0.35)
    for node in biology:
        G.nodes[node]["first_seen"] = ["biology.md", 3]
    for node in (*shell_terms, "regular expression"):
        G.nodes[node].update(first_seen=["shell.md", 5], importance=0.5)
    G.nodes["gene"]["importance"] = 1.0
    if shell_terms:
        G.nodes[shell_terms[0]]["importance"] = 1.0
    return G


@pytest.mark.parametrize(
    ("shell_terms", "topic"),
    [
        # its own notes' topic, the one that holds the glossary's other concepts
        (("pipe", "grep", "redirect"), "pipe"),
        # the glossary has no topic: no other course's topic takes it in
        ((), MISCELLANEOUS),
    ],
)
@pytest.mark.parametrize("reverse", [False, True])
def test_topics_a_concept_linked_only_to_another_course_stays_with_its_notes(
    shell_terms, topic, reverse
):
    G = glossary_graph(shell_terms)
    if reverse:  # the same answer whatever the order of nodes and edges
        R = nx.MultiDiGraph(**G.graph)
        R.add_nodes_from(reversed(list(G.nodes(data=True))))
        R.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
        G = R
    topics = assign_topics(G)
    assert topics["regular expression"] == topic
    assert topics["sequence"] == topics["gene"] == "gene"


def test_topics_a_small_group_follows_the_course_most_of_it_stands_in():
    """A pair of the shell notes, one of them also named in a biology sentence: the
    pair is the shell course's, and goes with the shell notes' topic rather than the
    biology topic that sentence ties it to."""
    G = glossary_graph(("pipe", "grep", "redirect"))
    evidence = [{"source": "shell.md", "line": 8, "text": "A sentence."}]
    G.add_edge(
        "shell variable", "regular expression", relation="is_a", confidence=0.9, evidence=evidence
    )
    evidence = [{"source": "biology.md", "line": 9, "text": "A sentence."}]
    G.add_edge("shell variable", "gene", relation="related_to", confidence=0.3, evidence=evidence)
    G.nodes["shell variable"]["first_seen"] = ["shell.md", 8]
    topics = assign_topics(G)
    assert topics["shell variable"] == topics["regular expression"] == "pipe"


@pytest.mark.parametrize(
    ("under", "name"),
    [
        # the notes' title names the topic that holds them when no section does
        (
            {"cadence": [CHAPTER], "plagal cadence": [CHAPTER], "half cadence": [CHAPTER, SECTION]},
            "Harmony",
        ),
        # a section over most of the topic names it before the title
        ({"cadence": [CHAPTER]} | {n: [CHAPTER, SECTION] for n in CADENCES[1:]}, "Cadences"),
        # a title over two topics names neither
        (
            {n: [CHAPTER] for n in CADENCES[:2] + RHYTHM} | {"half cadence": [CHAPTER, SECTION]},
            "cadence",
        ),
    ],
)
def test_topics_the_notes_title_names_the_topic_that_holds_them(under, name):
    G = sectioned_graph(under)
    topics = assign_topics(G)
    assert topics["plagal cadence"] == name
    assert topics["meter"] == "tempo"


SINGLED = {"features": {"singled": 1.0}}


def shell_graph(shell: dict, reverse: bool = False) -> nx.MultiDiGraph:
    """A glossary's topic: "loop", its most important entry, linked to "shell" alone;
    "shell" (attributes ``shell``) linked to every other concept of the topic."""
    edges = [("shell", n, "part_of", 0.8) for n in ("prompt", "pipe", "cursor", "loop")]
    edges.append(("prompt", "cursor", "related_to", 0.5))
    nodes = [
        ("loop", {"label": "loop", "importance": 0.9, "selection": SINGLED, "definition": "x"}),
        ("shell", {"label": "shell", "importance": 0.7} | shell),
        ("prompt", {"label": "prompt", "importance": 0.6}),
        ("cursor", {"label": "cursor", "importance": 0.55}),
        ("pipe", {"label": "pipe", "importance": 0.5}),
    ]
    return make_graph(edges, nodes, reverse=reverse)


@pytest.mark.parametrize("reverse", [False, True])
@pytest.mark.parametrize(
    ("shell", "named"),
    [
        # a concept the notes single out and define, tied to most of the topic, names it
        ({"selection": SINGLED, "definition": "A program that reads commands."}, "shell"),
        # not when the notes do not define it, or do not single it out
        ({"selection": SINGLED}, "loop"),
        ({"selection": {"features": {}}, "definition": "A program that reads commands."}, "loop"),
        # nor when it is an everyday word
        ({"selection": {"features": {"singled": 1.0, "common": 1.0}}, "definition": "x"}, "loop"),
        # nor when it is not among the topic's four most important concepts
        ({"selection": SINGLED, "definition": "x", "importance": 0.1}, "loop"),
    ],
)
def test_topics_name_is_the_concept_the_topic_is_built_around(shell, named, reverse):
    G = shell_graph(shell, reverse=reverse)
    assert set(assign_topics(G).values()) == {named}


@pytest.mark.parametrize("reverse", [False, True])
@pytest.mark.parametrize(
    ("loop_cards", "shell_cards", "named"),
    [
        # a concept the notes make no card about (defined in passing, in a sentence)
        # gives way to one of the topic's pool that is the subject of a card
        (["glossary.md#4"], [], "loop"),
        # as before when both are, or neither is, the subject of a card
        (["glossary.md#4"], ["glossary.md#9"], "shell"),
        ([], [], "shell"),
        # and when only the concept tied to most of the topic is
        ([], ["glossary.md#9"], "shell"),
    ],
)
def test_topics_name_is_the_subject_of_a_card_over_a_word_defined_in_passing(
    loop_cards, shell_cards, named, reverse
):
    """Before: a word the notes define in one sentence and never make a card about
    named a topic of flashcards about another concept, because it is tied to more of
    the topic."""
    shell = {"selection": SINGLED, "definition": "A program that reads commands."}
    G = shell_graph(shell | {"cards": shell_cards}, reverse=reverse)
    G.nodes["loop"]["cards"] = loop_cards
    assert set(assign_topics(G).values()) == {named}
