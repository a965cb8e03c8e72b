"""Tests of graph.query: finding concepts, exploring, study order, gaps, and the CLI."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from graph.__main__ import main
from graph.build import build_atlas
from graph.io import write_graph
from graph.query import (
    NoConnectionError,
    UnknownConceptError,
    break_cycles,
    connect,
    gaps,
    learning_path,
    neighbourhood,
    normalise,
    resolve,
    search,
    what_next,
)
from tests.conftest import DATA, SEEDS, requires_shared

PREREQUISITES = [  # (u, v, confidence): learn u before v
    ("algebra", "calculus", 0.9),
    ("algebra", "matrices", 0.9),
    ("calculus", "backpropagation", 0.8),  # diamond: algebra -> {calculus, matrices} -> backprop
    ("matrices", "backpropagation", 0.8),
    ("backpropagation", "RNN", 0.9),
    ("probability", "RNN", 0.7),
    ("RNN", "LSTM (long short-term memory)", 0.9),
    ("LSTM (long short-term memory)", "RNN", 0.2),  # a cycle; the weakest link
]
NODES = {
    "algebra": {"label": "Linear algebra", "importance": 0.9},
    "calculus": {"label": "Calculus", "importance": 0.4},
    "matrices": {"label": "Matrices", "importance": 0.8, "aliases": ["matrix algebra"]},
    "backpropagation": {"label": "Backpropagation", "importance": 0.7},
    "probability": {"label": "Probability", "importance": 0.5},
    "RNN": {"label": "recurrent neural network (RNN)", "importance": 1.0},
    "LSTM (long short-term memory)": {"label": "LSTM (long short-term memory)"},
    "map": {"label": "feature map", "importance": 0.2},
    "maximum a posteriori (map) estimate": {"label": "Maximum A Posteriori (MAP) Estimate"},
    "gradient descent": {"label": "gradient descent", "importance": 0.6},
    "gradient clipping": {"label": "gradient clipping", "importance": 0.3},
}
LSTM = "LSTM (long short-term memory)"
STUDY_ORDER = ["algebra", "probability", "matrices", "calculus", "backpropagation", "RNN", LSTM]


def make_graph(reverse: bool = False) -> nx.MultiDiGraph:
    """Prerequisites with a diamond and a cycle, typed relations, definitions and cards."""
    G = nx.MultiDiGraph(schema="concept-graph/1", model=None, sources=[])
    nodes = list(NODES.items())
    for node, attrs in nodes[::-1] if reverse else nodes:
        G.add_node(node, **{"aliases": [], "definition": f"{node} defined.", "cards": ["n#1"]})
        G.nodes[node].update(attrs)
    edges = [
        (u, v, {"relation": "prerequisite_of", "confidence": c, "evidence": [ev(f"{u}, {v}")]})
        for u, v, c in PREREQUISITES
    ]
    edges += [
        (LSTM, "vanishing gradient", {"relation": "addresses", "confidence": 0.9}),
        ("RNN", "vanishing gradient", {"relation": "causes", "confidence": 0.8}),
        (LSTM, "RNN", {"relation": "related_to", "confidence": 0.5}),
        ("gradient descent", "backpropagation", {"relation": "uses", "confidence": 0.9}),
        ("gradient descent", "gradient clipping", {"relation": "related_to", "confidence": 0.4}),
    ]
    for u, v, attrs in edges[::-1] if reverse else edges:
        G.add_edge(u, v, **{"evidence": [ev(f"{u} and {v}")], **attrs})
    G.add_node("vanishing gradient", label="vanishing gradient", definition="", cards=[])
    return G


def ev(text: str) -> dict:
    return {"source": "notes.txt", "line": 1, "text": text}


@pytest.fixture
def G() -> nx.MultiDiGraph:
    return make_graph()


@pytest.fixture
def graph_file(G, tmp_path):
    path = tmp_path / "graph.json"
    write_graph(G, path)
    return str(path)


# --- resolve and search ------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,expected",
    [
        ("algebra", "algebra"),  # id
        ("Linear algebra", "algebra"),  # label
        ("matrix algebra", "matrices"),  # alias
        ("LINEAR ALGEBRA", "algebra"),  # case
        ("linear-algebra", "algebra"),  # hyphen
        ("linear_algebras", "algebra"),  # underscore, plural
        ("LSTM", LSTM),  # parenthetical acronym
        ("lstm", LSTM),
        ("LSTMs", LSTM),
        ("Long Short-Term Memory", LSTM),  # parenthetical expansion
        ("long short term memmory", LSTM),  # misspelt
        ("recurent neural network", "RNN"),
        ("MAP", "maximum a posteriori (map) estimate"),  # acronym: case-sensitive
        ("map", "map"),
        ("feature maps", "map"),
        ("MLP", None),  # short: no fuzzy match
        ("LSTN", None),
        ("quantum chromodynamics", None),
        ("", None),
    ],
)
def test_query_resolve(G, name, expected):
    assert resolve(G, name) == expected


def test_query_resolve_all_caps_short_query_never_matches_a_word():
    G = nx.MultiDiGraph()
    G.add_node("map", label="map")
    assert resolve(G, "MAP") is None and resolve(G, "Map") == "map"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("attention", "attention mechanism"),  # a generic head word added
        ("sigmoid function", "sigmoid"),  # or left out
        ("gated recurrent unit", "GRU"),  # the acronym of the words
        ("backpropagation through time", "BPTT"),  # two letters from one long word
        # an acronym with its own expansion stands for that expansion only
        ("generative adversarial network", None),
        ("attention span", None),
    ],
)
def test_query_resolve_generic_heads_and_acronyms(name, expected):
    G = nx.MultiDiGraph()
    for node in ("attention mechanism", "sigmoid", "GRU", "BPTT"):
        G.add_node(node, label=node)
    G.add_node("GAN", label="GAN (graph attention network)")
    assert resolve(G, name) == expected


def test_query_resolve_cutoff(G):
    assert resolve(G, "probabilty theory", cutoff=95) is None
    assert resolve(G, "probabilty theory", cutoff=60) == "probability"


@pytest.mark.parametrize(
    "name,expected",
    [("LSTMs", "lstm"), ("gated_recurrent-units", "gated recurrent unit"), ("loss", "loss")],
)
def test_query_normalise(name, expected):
    assert normalise(name) == expected


def test_query_search_ranks_exact_then_prefix_then_fuzzy(G):
    results = search(G, "gradient descent")
    assert results[0] == ("gradient descent", 100.0)
    results = search(G, "gradient")
    # prefix matches first, the more important one ahead on equal scores
    assert results[:2] == [("gradient descent", 90.0), ("gradient clipping", 90.0)]
    assert all(score < 90 for _, score in results[2:])
    assert search(G, "gradient", limit=1) == [("gradient descent", 90.0)]


@pytest.mark.parametrize(
    "query,first",
    [("RNN", "RNN"), ("rnn", "RNN"), ("backprop", "backpropagation"), ("calculas", "calculus")],
)
def test_query_search_first_hit(G, query, first):
    assert search(G, query)[0][0] == first


@pytest.mark.parametrize("query", ["", "   ", "zzzzzzzz"])
def test_query_search_nothing(G, query):
    assert search(G, query) == []


def test_query_index_sees_new_nodes(G):
    assert resolve(G, "attention") is None
    G.add_node("attention", label="attention")
    assert resolve(G, "attention") == "attention"


@pytest.fixture(scope="module")
def sample_graph():
    return build_atlas([DATA])[0]


@pytest.fixture(scope="module")
def seeds_graph():
    if not SEEDS.is_dir():
        pytest.skip(f"the real notes are not here: {SEEDS} is absent")
    return build_atlas([SEEDS])[0]


@pytest.mark.parametrize("graph", ["sample_graph", "seeds_graph"])
@pytest.mark.parametrize(
    "query", ["lstm", "LSTM", "Long Short-Term Memory", "long short term memmory"]
)
def test_query_search_real_lstm_spellings(request, graph, query):
    G = request.getfixturevalue(graph)
    node = resolve(G, "LSTM")
    names = [str(node), G.nodes[node]["label"], *G.nodes[node]["aliases"]] if node else []
    if not any("short-term memory" in name.lower() for name in names):
        pytest.skip("no LSTM concept named with its expansion in this graph")
    assert resolve(G, query) == node
    assert search(G, query)[0][0] == node


# --- neighbourhood and connect -----------------------------------------------------------


@pytest.mark.parametrize(
    "depth,relations,min_confidence,expected",
    [
        (0, None, 0.0, {LSTM}),
        (1, None, 0.0, {LSTM, "RNN", "vanishing gradient"}),
        (1, None, 0.6, {LSTM, "RNN", "vanishing gradient"}),
        (1, ["addresses"], 0.0, {LSTM, "vanishing gradient"}),
        (2, ["addresses", "causes"], 0.0, {LSTM, "vanishing gradient", "RNN"}),
        (2, None, 0.85, {LSTM, "vanishing gradient", "RNN", "backpropagation"}),
    ],
)
def test_query_neighbourhood(G, depth, relations, min_confidence, expected):
    H = neighbourhood(G, LSTM, depth=depth, relations=relations, min_confidence=min_confidence)
    assert set(H) == expected
    assert all(relations is None or d["relation"] in relations for *_, d in H.edges(data=True))
    assert all(d["confidence"] >= min_confidence for *_, d in H.edges(data=True))


def test_query_neighbourhood_is_a_copy_with_graph_attributes(G):
    H = neighbourhood(G, "RNN", depth=2)
    assert H.graph["schema"] == "concept-graph/1"
    assert H.nodes["RNN"]["label"] == G.nodes["RNN"]["label"]
    H.nodes["RNN"]["label"] = "changed"
    H.remove_node("backpropagation")
    assert G.nodes["RNN"]["label"] != "changed" and "backpropagation" in G


@pytest.mark.parametrize(
    "call",
    [
        lambda G: neighbourhood(G, "nope"),
        lambda G: connect(G, "RNN", "nope"),
        lambda G: learning_path(G, "nope"),
    ],
)
def test_query_unknown_concept_raises(G, call):
    with pytest.raises(UnknownConceptError, match="nope"):
        call(G)


def test_query_neighbourhood_rejects_bad_filters(G):
    with pytest.raises(ValueError, match="unknown relation"):
        neighbourhood(G, "RNN", relations=["likes"])
    with pytest.raises(ValueError, match="depth"):
        neighbourhood(G, "RNN", depth=-1)


def test_query_connect_prefers_typed_relations(G):
    assert [(s["relation"], s["direction"]) for s in connect(G, LSTM, "RNN")] == [
        ("prerequisite_of", "backward")
    ]
    steps = connect(G, LSTM, "RNN", relations=["addresses", "causes", "related_to"])
    # a direct related_to edge exists, but addresses + causes are stronger
    assert [(s["source"], s["target"], s["relation"], s["direction"]) for s in steps] == [
        (LSTM, "vanishing gradient", "addresses", "forward"),
        ("vanishing gradient", "RNN", "causes", "backward"),
    ]
    assert steps[0]["evidence"] == [ev(f"{LSTM} and vanishing gradient")]
    assert steps[0]["confidence"] == 0.9


def test_query_connect_filters_and_trivial_cases(G):
    steps = connect(G, LSTM, "RNN", relations=["related_to"])
    assert [(s["relation"], s["direction"]) for s in steps] == [("related_to", "forward")]
    assert connect(G, "RNN", "RNN") == []
    G.add_node("island")
    with pytest.raises(NoConnectionError, match="island"):
        connect(G, "RNN", "island")
    with pytest.raises(nx.NetworkXNoPath):
        connect(G, LSTM, "gradient clipping", min_confidence=0.95)


# --- study order -------------------------------------------------------------------------


def test_query_break_cycles_drops_weakest_prerequisite(G):
    removed = break_cycles(G)
    assert removed == [(LSTM, "RNN", 0)]
    assert nx.is_directed_acyclic_graph(
        G.edge_subgraph(
            (u, v, k)
            for u, v, k, r in G.edges(keys=True, data="relation")
            if r == "prerequisite_of"
        )
    )
    assert G.has_edge(LSTM, "RNN")  # the related_to edge stays
    assert break_cycles(G) == []


def test_query_break_cycles_independent_of_insertion_order():
    G = nx.MultiDiGraph()
    for u, v in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "c")]:
        G.add_edge(u, v, relation="prerequisite_of", confidence=0.5)  # all equally weak
    H = nx.MultiDiGraph()
    H.add_edges_from(list(G.edges(keys=True, data=True))[::-1])
    assert break_cycles(G) == break_cycles(H)
    assert nx.is_directed_acyclic_graph(G) and nx.is_directed_acyclic_graph(H)


def test_query_break_cycles_removes_parallel_links_and_self_loops():
    G = nx.MultiDiGraph()
    G.add_edge("a", "b", relation="prerequisite_of", confidence=0.9)
    G.add_edge("b", "a", relation="prerequisite_of", confidence=0.3)
    G.add_edge("b", "a", relation="prerequisite_of", confidence=0.4)
    G.add_edge("c", "c", relation="prerequisite_of", confidence=1.0)
    assert sorted(break_cycles(G)) == [("b", "a", 0), ("b", "a", 1), ("c", "c", 0)]


def test_query_learning_path_diamond_and_cycle(G):
    # depth first (probability is a root, before depth-1 matrices), then importance
    assert learning_path(G, LSTM) == STUDY_ORDER
    assert learning_path(make_graph(reverse=True), LSTM) == STUDY_ORDER
    assert G.has_edge(LSTM, "RNN", 0)  # the graph itself keeps its cycle


@pytest.mark.parametrize(
    "target,known,expected",
    [
        ("algebra", (), ["algebra"]),
        ("backpropagation", (), ["algebra", "matrices", "calculus", "backpropagation"]),
        ("backpropagation", ("algebra", "calculus"), ["matrices", "backpropagation"]),
        ("RNN", ("backpropagation",), ["algebra", "probability", "matrices", "calculus", "RNN"]),
        (
            "RNN",
            ("RNN",),
            ["algebra", "probability", "matrices", "calculus", "backpropagation", "RNN"],
        ),
        ("vanishing gradient", (), ["vanishing gradient"]),
    ],
)
def test_query_learning_path(G, target, known, expected):
    assert learning_path(G, target, known=known) == expected


def test_query_learning_path_drops_ancestors_behind_weak_chains():
    # goal <- a (0.9) <- b (0.6) <- c (0.5): the chain from c is 0.27 strong
    G = nx.MultiDiGraph()
    for u, v, confidence in [("a", "goal", 0.9), ("b", "a", 0.6), ("c", "b", 0.5)]:
        G.add_edge(u, v, relation="prerequisite_of", confidence=confidence)
    assert learning_path(G, "goal") == ["b", "a", "goal"]
    assert learning_path(G, "goal", min_strength=0) == ["c", "b", "a", "goal"]
    # a second, stronger chain brings c back
    G.add_edge("c", "a", relation="prerequisite_of", confidence=0.8)
    assert learning_path(G, "goal") == ["c", "b", "a", "goal"]


def test_query_learning_path_ties_by_first_seen_in_file_order():
    G = nx.MultiDiGraph(sources=[{"path": "notes/b.txt"}, {"path": "notes/a.txt"}])
    G.add_node("late", first_seen=["a.txt", 1])
    G.add_node("early", first_seen=["b.txt", 90])
    G.add_node("unseen", first_seen=None)
    for u in ("late", "early", "unseen"):
        G.add_edge(u, "goal", relation="prerequisite_of", confidence=0.9)
    assert learning_path(G, "goal") == ["early", "late", "unseen", "goal"]


@pytest.mark.parametrize(
    "known,expected_start",
    [
        ((), ["algebra", "gradient descent", "probability"]),  # roots by importance
        (("algebra",), ["matrices", "calculus", "gradient descent"]),  # unlocked first
        (
            ("algebra", "matrices", "calculus", "probability"),
            ["backpropagation", "gradient descent"],
        ),
    ],
)
def test_query_what_next(G, known, expected_start):
    ready = what_next(G, known)
    assert ready[: len(expected_start)] == expected_start
    assert not set(ready) & set(known)
    assert LSTM not in ready  # needs RNN


def test_query_gaps_ranked_by_use(G):
    G.add_node("sigmoid", label="sigmoid", definition="", cards=[])
    G.nodes["RNN"]["definition"] = "A network with a loop; it often uses a sigmoid."
    G.nodes["calculus"]["definition"] = "Limits; vanishing gradients also appear here."
    found = gaps(G)
    assert [g["concept"] for g in found] == ["vanishing gradient", "sigmoid"]
    assert found[0]["used_by"] == sorted([LSTM, "RNN", "calculus"])
    assert found[1] == {
        "concept": "sigmoid",
        "label": "sigmoid",
        "used_by": ["RNN"],
        "message": "you have no card for sigmoid",
    }


def test_query_gaps_none_when_defined(G):
    G.nodes["vanishing gradient"]["definition"] = "Gradients shrink."
    assert gaps(G) == []


@requires_shared
def test_query_seeds_every_concept_resolves_by_id_and_label(seeds_graph):
    for node, label in seeds_graph.nodes(data="label"):
        assert resolve(seeds_graph, node) == node
        assert search(seeds_graph, node)[0][1] == 100.0
        found = resolve(seeds_graph, label)
        assert seeds_graph.nodes[found]["label"] == label, (node, label, found)


@requires_shared
def test_query_seeds_learning_path_ends_with_target(seeds_graph):
    for node in list(seeds_graph)[:20]:
        assert learning_path(seeds_graph, node)[-1] == node


# --- command line ------------------------------------------------------------------------


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_query_cli_path_json_contract(capsys, graph_file):
    code, out, err = run(
        capsys, "path", "lstm", "Calculus", "no such thing", "--graph", graph_file, "--json"
    )
    assert code == 0
    assert json.loads(out) == {
        "lstm": STUDY_ORDER,
        "Calculus": ["algebra", "calculus"],
        "no such thing": None,
    }
    assert list(json.loads(out)) == ["lstm", "Calculus", "no such thing"]
    assert "no such thing" in err


def test_query_cli_path_known_and_all_unknown(capsys, graph_file):
    code, out, err = run(
        capsys, "path", "RNN", "--graph", graph_file, "--known", "backpropagation", "probability",
        "nonsense", "--json",
    )  # fmt: skip
    assert code == 0 and json.loads(out) == {"RNN": ["algebra", "matrices", "calculus", "RNN"]}
    assert "nonsense" in err and "ignored" in err
    code, out, err = run(capsys, "path", "nothing", "--graph", graph_file, "--json")
    assert code == 1 and json.loads(out) == {"nothing": None}


def test_query_cli_path_human(capsys, graph_file):
    code, out, _ = run(capsys, "path", "Backpropagation", "--graph", graph_file)
    assert code == 0
    assert "1. Linear algebra — algebra defined." in out
    assert out.rstrip().endswith("4. Backpropagation — backpropagation defined.")


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "x"],
        ["neighbourhood", "RNN"],
        ["connect", "RNN", "LSTM"],
        ["path", "RNN"],
        ["next"],
        ["gaps"],
        ["topics"],
    ],
)
def test_query_cli_unreadable_graph(capsys, tmp_path, argv):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    code, out, err = run(capsys, *argv, "--graph", str(bad))
    assert code == 1 and not out and err.startswith("error:") and "bad.json" in err


@pytest.mark.parametrize(
    "argv",
    [["neighbourhood", "quark"], ["connect", "RNN", "quark"], ["search", "quarks"]],
)
def test_query_cli_unknown_concept(capsys, graph_file, argv):
    code, out, err = run(capsys, *argv, "--graph", graph_file)
    assert code == 1 and not out and "quark" in err


def test_query_cli_search(capsys, graph_file):
    code, out, _ = run(
        capsys, "search", "gradient", "--graph", graph_file, "--json", "--limit", "2"
    )
    assert code == 0
    assert json.loads(out) == [
        {"id": "gradient descent", "label": "gradient descent", "score": 90.0},
        {"id": "gradient clipping", "label": "gradient clipping", "score": 90.0},
    ]


def test_query_cli_neighbourhood_json_is_a_graph(capsys, graph_file):
    code, out, _ = run(
        capsys, "neighbourhood", "lstm", "--graph", graph_file, "--relation", "addresses",
        "--depth", "2", "--json",
    )  # fmt: skip
    H = nx.node_link_graph(json.loads(out), edges="edges")
    assert code == 0 and set(H) == {LSTM, "vanishing gradient"}


def test_query_cli_connect(capsys, graph_file):
    code, out, _ = run(capsys, "connect", "lstm", "RNN", "--graph", graph_file, "--json")
    payload = json.loads(out)
    assert code == 0 and payload["from"] == LSTM and payload["to"] == "RNN"
    assert [s["relation"] for s in payload["steps"]] == ["prerequisite_of"]
    code, out, _ = run(capsys, "connect", "lstm", "gradient clipping", "--graph", graph_file)
    assert code == 0 and out.splitlines()[::2] == [
        "LSTM (long short-term memory) ←prerequisite_of— recurrent neural network (RNN)  (0.9)",
        "recurrent neural network (RNN) ←prerequisite_of— Backpropagation  (0.9)",
        "Backpropagation ←uses— gradient descent  (0.9)",
        "gradient descent —related_to→ gradient clipping  (0.4)",
    ]


def test_query_cli_next_gaps_topics(capsys, graph_file):
    code, out, _ = run(capsys, "next", "--graph", graph_file, "--known", "algebra", "--json")
    assert code == 0 and [r["id"] for r in json.loads(out)][:2] == ["matrices", "calculus"]
    code, out, _ = run(capsys, "gaps", "--graph", graph_file, "--json")
    assert code == 0 and [g["concept"] for g in json.loads(out)] == ["vanishing gradient"]
    code, out, _ = run(capsys, "gaps", "--graph", graph_file)
    assert "you have no card for vanishing gradient (used by 2 concept(s))" in out
    code, out, _ = run(capsys, "topics", "--graph", graph_file, "--json", "--top", "1")
    topics = json.loads(out)
    assert code == 0 and sum(t["size"] for t in topics) == len(NODES) + 1
    assert all(len(t["top"]) == 1 for t in topics)
