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
    find_concepts,
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
    ("calculus", "thermodynamics", 0.8),  # diamond: algebra -> {calculus, matrices} -> thermo
    ("matrices", "thermodynamics", 0.8),
    ("thermodynamics", "PCR", 0.9),
    ("probability", "PCR", 0.7),
    ("PCR", "CBA (cost-benefit analysis)", 0.9),
    ("CBA (cost-benefit analysis)", "PCR", 0.2),  # a cycle; the weakest link
]
NODES = {
    "algebra": {"label": "Linear algebra", "importance": 0.9},
    "calculus": {"label": "Calculus", "importance": 0.4},
    "matrices": {"label": "Matrices", "importance": 0.8, "aliases": ["matrix algebra"]},
    "thermodynamics": {"label": "Thermodynamics", "importance": 0.7},
    "probability": {"label": "Probability", "importance": 0.5},
    "PCR": {"label": "polymerase chain reaction (PCR)", "importance": 1.0},
    "CBA (cost-benefit analysis)": {"label": "CBA (cost-benefit analysis)"},
    "map": {"label": "contour map", "importance": 0.2},
    "mean arterial pressure (map) reading": {"label": "Mean Arterial Pressure (MAP) Reading"},
    "titration curve": {"label": "titration curve", "importance": 0.6},
    "titration error": {"label": "titration error", "importance": 0.3},
}
CBA = "CBA (cost-benefit analysis)"
STUDY_ORDER = ["algebra", "probability", "matrices", "calculus", "thermodynamics", "PCR", CBA]


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
        (CBA, "baseline drift", {"relation": "addresses", "confidence": 0.9}),
        ("PCR", "baseline drift", {"relation": "causes", "confidence": 0.8}),
        (CBA, "PCR", {"relation": "related_to", "confidence": 0.5}),
        ("titration curve", "thermodynamics", {"relation": "uses", "confidence": 0.9}),
        ("titration curve", "titration error", {"relation": "related_to", "confidence": 0.4}),
    ]
    for u, v, attrs in edges[::-1] if reverse else edges:
        G.add_edge(u, v, **{"evidence": [ev(f"{u} and {v}")], **attrs})
    G.add_node("baseline drift", label="baseline drift", definition="", cards=[])
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
        ("CBA", CBA),  # parenthetical acronym
        ("cba", CBA),
        ("CBAs", CBA),
        ("Cost-Benefit Analysis", CBA),  # parenthetical expansion
        ("cost benefit anallysis", CBA),  # misspelt
        ("polymerase chain reacton", "PCR"),
        ("MAP", "mean arterial pressure (map) reading"),  # acronym: case-sensitive
        ("map", "map"),
        ("contour maps", "map"),
        ("PCT", None),  # short: no fuzzy match
        ("CBE", None),
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
        ("feedback", "feedback mechanism"),  # a generic head word added
        ("hash function", "hash"),  # or left out
        ("central processing unit", "CPU"),  # the acronym of the words
        ("deoxyribonucleic acid", "DNA"),  # two letters from one long word
        # an acronym with its own expansion stands for that expansion only
        ("asynchronous transfer mode", None),
        ("feedback loop", None),
        ("media player", None),  # "MP3": a name with a digit is no acronym of words
    ],
)
def test_query_resolve_generic_heads_and_acronyms(name, expected):
    G = nx.MultiDiGraph()
    for node in ("feedback mechanism", "hash", "CPU", "DNA", "MP3"):
        G.add_node(node, label=node)
    G.add_node("ATM", label="ATM (automated teller machine)")
    assert resolve(G, name) == expected


def test_query_resolve_cutoff(G):
    assert resolve(G, "probabilty theory", cutoff=95) is None
    assert resolve(G, "probabilty theory", cutoff=60) == "probability"


@pytest.mark.parametrize(
    "name,expected",
    [("CBAs", "cba"), ("central_processing-units", "central processing unit"), ("loss", "loss")],
)
def test_query_normalise(name, expected):
    assert normalise(name) == expected


def test_query_search_ranks_exact_then_prefix_then_fuzzy(G):
    results = search(G, "titration curve")
    assert results[0] == ("titration curve", 100.0)
    results = search(G, "titration")
    # prefix matches first, the more important one ahead on equal scores
    assert results[:2] == [("titration curve", 90.0), ("titration error", 90.0)]
    assert all(score < 90 for _, score in results[2:])
    assert search(G, "titration", limit=1) == [("titration curve", 90.0)]


@pytest.mark.parametrize(
    "query,first",
    [("PCR", "PCR"), ("pcr", "PCR"), ("thermo", "thermodynamics"), ("calculas", "calculus")],
)
def test_query_search_first_hit(G, query, first):
    assert search(G, query)[0][0] == first


@pytest.mark.parametrize(
    "name,query",
    [
        ("hash table", "hashtable"),
        ("bloodstream", "blood stream"),
        ("seafloor spreading", "sea-floor spreading"),
        ("checkpoint", "Check points"),
    ],
)
def test_query_words_written_apart_or_joined_are_one_spelling(name, query):
    """Before: "blood stream" found nothing for "bloodstream" (the close spelling sorts
    the words, and one word is not two)."""
    G = nx.MultiDiGraph()
    G.add_node(name, label=name, importance=0.5)
    G.add_node("stream", label="stream", importance=0.9)
    assert resolve(G, query) == name
    assert search(G, query)[0] == (name, 95.0)


@pytest.mark.parametrize("query", ["", "   ", "zzzzzzzz"])
def test_query_search_nothing(G, query):
    assert search(G, query) == []


def test_query_index_sees_new_nodes(G):
    assert resolve(G, "osmosis") is None
    G.add_node("osmosis", label="osmosis")
    assert resolve(G, "osmosis") == "osmosis"


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
        (0, None, 0.0, {CBA}),
        (1, None, 0.0, {CBA, "PCR", "baseline drift"}),
        (1, None, 0.6, {CBA, "PCR", "baseline drift"}),
        (1, ["addresses"], 0.0, {CBA, "baseline drift"}),
        (2, ["addresses", "causes"], 0.0, {CBA, "baseline drift", "PCR"}),
        (2, None, 0.85, {CBA, "baseline drift", "PCR", "thermodynamics"}),
    ],
)
def test_query_neighbourhood(G, depth, relations, min_confidence, expected):
    H = neighbourhood(G, CBA, depth=depth, relations=relations, min_confidence=min_confidence)
    assert set(H) == expected
    assert all(relations is None or d["relation"] in relations for *_, d in H.edges(data=True))
    assert all(d["confidence"] >= min_confidence for *_, d in H.edges(data=True))


def test_query_neighbourhood_is_a_copy_with_graph_attributes(G):
    H = neighbourhood(G, "PCR", depth=2)
    assert H.graph["schema"] == "concept-graph/1"
    assert H.nodes["PCR"]["label"] == G.nodes["PCR"]["label"]
    H.nodes["PCR"]["label"] = "changed"
    H.remove_node("thermodynamics")
    assert G.nodes["PCR"]["label"] != "changed" and "thermodynamics" in G


@pytest.mark.parametrize(
    "call",
    [
        lambda G: neighbourhood(G, "nope"),
        lambda G: connect(G, "PCR", "nope"),
        lambda G: learning_path(G, "nope"),
    ],
)
def test_query_unknown_concept_raises(G, call):
    with pytest.raises(UnknownConceptError, match="nope"):
        call(G)


def test_query_neighbourhood_rejects_bad_filters(G):
    with pytest.raises(ValueError, match="unknown relation"):
        neighbourhood(G, "PCR", relations=["likes"])
    with pytest.raises(ValueError, match="depth"):
        neighbourhood(G, "PCR", depth=-1)


def test_query_connect_prefers_typed_relations(G):
    assert [(s["relation"], s["direction"]) for s in connect(G, CBA, "PCR")] == [
        ("prerequisite_of", "backward")
    ]
    steps = connect(G, CBA, "PCR", relations=["addresses", "causes", "related_to"])
    # a direct related_to edge exists, but addresses + causes are stronger
    assert [(s["source"], s["target"], s["relation"], s["direction"]) for s in steps] == [
        (CBA, "baseline drift", "addresses", "forward"),
        ("baseline drift", "PCR", "causes", "backward"),
    ]
    assert steps[0]["evidence"] == [ev(f"{CBA} and baseline drift")]
    assert steps[0]["confidence"] == 0.9


def test_query_connect_filters_and_trivial_cases(G):
    steps = connect(G, CBA, "PCR", relations=["related_to"])
    assert [(s["relation"], s["direction"]) for s in steps] == [("related_to", "forward")]
    assert connect(G, "PCR", "PCR") == []
    G.add_node("island")
    with pytest.raises(NoConnectionError, match="island"):
        connect(G, "PCR", "island")
    with pytest.raises(nx.NetworkXNoPath):
        connect(G, CBA, "titration error", min_confidence=0.95)


# --- study order -------------------------------------------------------------------------


def test_query_break_cycles_drops_weakest_prerequisite(G):
    removed = break_cycles(G)
    assert removed == [(CBA, "PCR", 0)]
    assert nx.is_directed_acyclic_graph(
        G.edge_subgraph(
            (u, v, k)
            for u, v, k, r in G.edges(keys=True, data="relation")
            if r == "prerequisite_of"
        )
    )
    assert G.has_edge(CBA, "PCR")  # the related_to edge stays
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
    assert learning_path(G, CBA) == STUDY_ORDER
    assert learning_path(make_graph(reverse=True), CBA) == STUDY_ORDER
    assert G.has_edge(CBA, "PCR", 0)  # the graph itself keeps its cycle


@pytest.mark.parametrize(
    "target,known,expected",
    [
        ("algebra", (), ["algebra"]),
        ("thermodynamics", (), ["algebra", "matrices", "calculus", "thermodynamics"]),
        ("thermodynamics", ("algebra", "calculus"), ["matrices", "thermodynamics"]),
        ("PCR", ("thermodynamics",), ["algebra", "probability", "matrices", "calculus", "PCR"]),
        (
            "PCR",
            ("PCR",),
            ["algebra", "probability", "matrices", "calculus", "thermodynamics", "PCR"],
        ),
        ("baseline drift", (), ["baseline drift"]),
    ],
)
def test_query_learning_path(G, target, known, expected):
    assert learning_path(G, target, known=known) == expected


def test_query_learning_path_drops_ancestors_behind_weak_chains():
    # goal <- a (0.9) <- b (0.25) <- c (0.2): the chain from c is 0.045 strong
    G = nx.MultiDiGraph()
    for u, v, confidence in [("a", "goal", 0.9), ("b", "a", 0.25), ("c", "b", 0.2)]:
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
        ((), ["algebra", "titration curve", "probability"]),  # roots by importance
        (("algebra",), ["matrices", "calculus", "titration curve"]),  # unlocked first
        (  # ready first, then what is half unlocked (PCR still needs thermodynamics)
            ("algebra", "matrices", "calculus", "probability"),
            ["thermodynamics", "PCR", "titration curve"],
        ),
    ],
)
def test_query_what_next(G, known, expected_start):
    ready = what_next(G, known)
    assert ready[: len(expected_start)] == expected_start
    assert not set(ready) & set(known)
    assert CBA not in ready  # needs PCR


def test_query_gaps_ranked_by_use(G):
    G.add_node("buffer", label="buffer", definition="", cards=[])
    G.nodes["PCR"]["definition"] = "A reaction in cycles; it often uses a buffer."
    G.nodes["calculus"]["definition"] = "Limits; baseline drifts also appear here."
    found = gaps(G)
    assert [g["concept"] for g in found] == ["baseline drift", "buffer"]
    assert found[0]["used_by"] == sorted([CBA, "PCR", "calculus"])
    assert found[1] == {
        "concept": "buffer",
        "label": "buffer",
        "used_by": ["PCR"],
        "message": "you have no card for buffer",
    }


def test_query_gaps_none_when_defined(G):
    G.nodes["baseline drift"]["definition"] = "The baseline creeps."
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
        capsys, "path", "cba", "Calculus", "no such thing", "--graph", graph_file, "--json"
    )
    assert code == 0
    assert json.loads(out) == {
        "cba": STUDY_ORDER,
        "Calculus": ["algebra", "calculus"],
        "no such thing": None,
    }
    assert list(json.loads(out)) == ["cba", "Calculus", "no such thing"]
    assert "no such thing" in err


def test_query_cli_path_known_and_all_unknown(capsys, graph_file):
    code, out, err = run(
        capsys, "path", "PCR", "--graph", graph_file, "--known", "thermodynamics", "probability",
        "nonsense", "--json",
    )  # fmt: skip
    assert code == 0 and json.loads(out) == {"PCR": ["algebra", "matrices", "calculus", "PCR"]}
    assert "nonsense" in err and "ignored" in err
    code, out, err = run(capsys, "path", "nothing", "--graph", graph_file, "--json")
    assert code == 1 and json.loads(out) == {"nothing": None}


@pytest.mark.parametrize(
    ("typed", "target", "note"),
    [
        ("thermo", "thermodynamics", "'thermo' taken as 'Thermodynamics'"),
        ("Thermodynamcs", "thermodynamics", "'Thermodynamcs' taken as 'Thermodynamics'"),
        ("matrix algebra", "matrices", ""),
    ],
    ids=["start-of-a-name", "typo", "alias"],
)
def test_query_cli_path_target_found_as_the_search_box_finds_it(
    capsys, graph_file, typed, target, note
):
    code, out, err = run(capsys, "path", typed, "--graph", graph_file, "--json")
    assert code == 0 and json.loads(out)[typed][-1] == target
    assert (note in err) if note else "taken as" not in err
    assert find_concepts(make_graph(), typed)[0] == target


def test_query_cli_path_human(capsys, graph_file):
    code, out, _ = run(capsys, "path", "Thermodynamics", "--graph", graph_file)
    assert code == 0
    assert "1. Linear algebra — algebra defined." in out
    assert out.rstrip().endswith("4. Thermodynamics — thermodynamics defined.")


def test_query_cli_path_flags_a_step_the_notes_do_not_define(capsys, G, tmp_path):
    G.nodes["algebra"]["definition"] = ""
    graph_file = tmp_path / "graph.json"
    write_graph(G, graph_file)
    code, out, _ = run(capsys, "path", "Thermodynamics", "--graph", str(graph_file))
    assert code == 0
    assert "1. Linear algebra — (your notes do not define it)" in out
    assert out.rstrip().endswith("4. Thermodynamics — thermodynamics defined.")


def test_query_cli_path_says_why_each_step_is_there(capsys, tmp_path):
    """Before: a step the notes never define read "(your notes do not define it)" and
    nothing said why any step was on the path."""
    G = nx.MultiDiGraph(schema="concept-graph/1", model=None, sources=[])
    G.add_node("osmosis", label="osmosis", definition="Water crossing a membrane.")
    for u, v, line, text in [
        ("diffusion", "osmosis", 4, "Osmosis is a kind of diffusion."),
        ("membrane", "osmosis", 6, "Osmosis needs a membrane."),
        ("diffusion", "membrane", 2, "Diffusion of gases through the membrane"),
    ]:
        G.add_edge(u, v, relation="prerequisite_of", confidence=0.8,
                   evidence=[{"source": "cell.md", "line": line, "text": text}])  # fmt: skip
    heat = {"source": "cell.md", "line": 1, "text": "Heat speeds diffusion."}
    G.add_edge("diffusion", "heat", relation="related_to", confidence=0.5, evidence=[heat])
    write_graph(G, tmp_path / "g.json")
    code, out, _ = run(capsys, "path", "osmosis", "--graph", str(tmp_path / "g.json"))
    assert code == 0
    assert out.splitlines()[1:] == [
        "  1. diffusion — (your notes do not define it)",
        "       named in: “Heat speeds diffusion.” (cell.md:1)",
        "       needed for 2. membrane: “Diffusion of gases through the membrane” (cell.md:2)",
        "       needed for 3. osmosis: “Osmosis is a kind of diffusion.” (cell.md:4)",
        "  2. membrane — (your notes do not define it)",
        "       named in: “Diffusion of gases through the membrane” (cell.md:2)",
        "       needed for 3. osmosis: “Osmosis needs a membrane.” (cell.md:6)",
        "  3. osmosis — Water crossing a membrane.",
    ]


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "x"],
        ["neighbourhood", "PCR"],
        ["connect", "PCR", "CBA"],
        ["path", "PCR"],
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
    [["neighbourhood", "quark"], ["connect", "PCR", "quark"], ["search", "quarks"]],
)
def test_query_cli_unknown_concept(capsys, graph_file, argv):
    code, out, err = run(capsys, *argv, "--graph", graph_file)
    assert code == 1 and not out and "quark" in err


def test_query_cli_search(capsys, graph_file):
    code, out, _ = run(
        capsys, "search", "titration", "--graph", graph_file, "--json", "--limit", "2"
    )
    assert code == 0
    assert json.loads(out) == [
        {
            "id": "titration curve",
            "label": "titration curve",
            "score": 90.0,
            "match": "name starts with it",
        },
        {
            "id": "titration error",
            "label": "titration error",
            "score": 90.0,
            "match": "name starts with it",
        },
    ]


def test_query_cli_neighbourhood_json_is_a_graph(capsys, graph_file):
    code, out, _ = run(
        capsys, "neighbourhood", "cba", "--graph", graph_file, "--relation", "addresses",
        "--depth", "2", "--json",
    )  # fmt: skip
    H = nx.node_link_graph(json.loads(out), edges="edges")
    assert code == 0 and set(H) == {CBA, "baseline drift"}


def test_query_cli_connect(capsys, graph_file):
    code, out, _ = run(capsys, "connect", "cba", "PCR", "--graph", graph_file, "--json")
    payload = json.loads(out)
    assert code == 0 and payload["from"] == CBA and payload["to"] == "PCR"
    assert [s["relation"] for s in payload["steps"]] == ["prerequisite_of"]
    code, out, _ = run(capsys, "connect", "cba", "titration error", "--graph", graph_file)
    lines = out.splitlines()
    assert code == 0 and lines[0] == "CBA (cost-benefit analysis) → titration error: 4 steps"
    assert lines[1:-1:2] == [
        "  CBA (cost-benefit analysis) requires polymerase chain reaction (PCR)  (0.90)",
        "  polymerase chain reaction (PCR) requires Thermodynamics  (0.90)",
        "  Thermodynamics is used by titration curve  (0.90)",
        "  titration curve is named with (weak link) titration error  (0.40)",
    ]
    assert lines[2] == "      “PCR, CBA (cost-benefit analysis)” (notes.txt:1)"
    assert lines[-1] == (
        "No chain of stated relations joins them: 1 of the 4 steps is a weak link "
        "(concepts the notes only name together)."
    )


def test_query_cli_next_gaps_topics(capsys, graph_file):
    code, out, _ = run(capsys, "next", "--graph", graph_file, "--known", "algebra", "--json")
    assert code == 0 and [r["id"] for r in json.loads(out)][:2] == ["matrices", "calculus"]
    code, out, _ = run(capsys, "gaps", "--graph", graph_file, "--json")
    assert code == 0 and [g["concept"] for g in json.loads(out)] == ["baseline drift"]
    code, out, _ = run(capsys, "gaps", "--graph", graph_file)
    assert "you have no card for baseline drift (used by 2 concepts)" in out
    code, out, _ = run(capsys, "topics", "--graph", graph_file, "--json", "--top", "1")
    topics = json.loads(out)
    assert code == 0 and sum(t["size"] for t in topics) == len(NODES) + 1
    assert all(len(t["top"]) == 1 for t in topics)


# --- ranking for people ------------------------------------------------------------------


def ranking_graph() -> nx.MultiDiGraph:
    """Names that compete for the same queries, the generic ones made important."""
    G = nx.MultiDiGraph()
    for node, label, aliases, importance in [
        ("cba", "Cost-Benefit Analysis (CBA)", ["CBAs"], 0.5),
        ("cba spreadsheet", "CBA spreadsheet", [], 0.9),
        ("social cba", "social CBA", [], 0.2),
        ("marginal cost", "marginal cost", [], 1.0),
        ("benefit principle", "benefit principle", [], 1.0),
        ("benefit analysis", "benefit-analysis", [], 0.1),
        ("feedback mechanism", "feedback mechanism", [], 0.6),
        ("negative feedback", "negative feedback", [], 0.9),
        ("reactor", "reactor", [], 0.7),
        ("nuclear reaction", "nuclear reaction", [], 0.9),
    ]:
        G.add_node(node, label=label, aliases=aliases, importance=importance)
    return G


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # exact and alias matches first, then names that start with the query
        ("CBA", ["cba", "cba spreadsheet", "social cba"]),
        ("cbas", ["cba", "cba spreadsheet", "social cba"]),  # plural: same prefix
        # a close spelling, and no weak look-alike after it ("marginal cost" shares a word)
        ("cost benefit anallysis", ["cba"]),
        # a generic head word: the concept, then names that contain it
        ("feedback", ["feedback mechanism", "negative feedback"]),
        # a misspelt part of longer names, closest first
        ("fedback mechansm", ["feedback mechanism"]),
        # an exact match is not followed by a look-alike ("nuclear reaction")
        ("reactor", ["reactor"]),
        ("nothing like it", []),
    ],
)
def test_query_search_ranks_names_then_words_then_spellings(query, expected):
    assert [node for node, _ in search(ranking_graph(), query)] == expected


def test_query_search_close_spellings_by_closeness():
    G = ranking_graph()
    found = search(G, "benefit anallysis")
    assert [node for node, _ in found] == ["benefit analysis", "cba"]
    assert found[0][1] > found[1][1]  # 82 close against 73 close


@pytest.mark.parametrize(
    "query",
    ["CBA", "cba", "CBAs", "cost benefit anallysis", "feedback", "reactor"],
)
def test_query_resolve_is_the_first_search_result(query):
    G = ranking_graph()
    node = resolve(G, query)
    assert node is not None and search(G, query)[0][0] == node


def test_query_resolve_an_acronym_is_not_a_longer_name_starting_with_it():
    G = ranking_graph()
    assert resolve(G, "CBA") == "cba" and resolve(G, "CBA spreadsheet") == "cba spreadsheet"


def test_query_search_matches_say_how_they_matched():
    from graph.query import search_matches

    kinds = {m.node: m.kind for m in search_matches(ranking_graph(), "Cba")}
    assert kinds["cba"] == "name (any case)"
    assert kinds["cba spreadsheet"] == "name starts with it"
    assert kinds["social cba"] == "name contains the words"


def test_query_neighbour_groups_by_hop_and_relation_strongest_first(G):
    from graph.query import neighbour_groups

    groups = neighbour_groups(G, "PCR", depth=2)
    assert [g.hop for g in groups] == sorted(g.hop for g in groups)
    first = groups[0]
    assert (first.hop, first.phrase) == (1, "is needed for")
    assert [m.node for m in first.members] == [CBA]
    hop1 = {(g.phrase, m.node) for g in groups if g.hop == 1 for m in g.members}
    assert ("requires", "thermodynamics") in hop1 and ("requires", "probability") in hop1
    assert ("is caused by", "baseline drift") not in hop1
    assert ("causes", "baseline drift") in hop1
    assert ("is named with (weak link)", CBA) in hop1  # symmetric: one group, no direction
    for g in groups:
        strengths = [m.strength for m in g.members]
        assert strengths == sorted(strengths, reverse=True)
    hop2 = [m for g in groups if g.hop == 2 for m in g.members]
    at_hop1 = {m.node for g in groups if g.hop == 1 for m in g.members}
    assert {m.via for m in hop2} <= at_hop1
    # an edge between two concepts of the same hop is not listed
    assert not any(m.node == "matrices" and m.via == "calculus" for m in hop2)


def test_query_cli_neighbourhood_groups_for_people(capsys, graph_file):
    code, out, _ = run(capsys, "neighbourhood", "PCR", "--graph", graph_file, "--depth", "2")
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "polymerase chain reaction (PCR): 7 concepts within 2 hops,"
    assert lines[1] == "  10 relations (3 typed, 6 prerequisites, 1 weak link) among them"
    assert lines[3:9] == [
        "1 hop away: 4 concepts",
        "  polymerase chain reaction (PCR) …",
        "    is needed for: CBA (cost-benefit analysis) (0.90)",
        "    requires: Thermodynamics (0.90), Probability (0.70), CBA (cost-benefit analysis)"
        " (0.20)",
        "    causes: baseline drift (0.80)",
        "    is named with (weak link): CBA (cost-benefit analysis) (0.50)",
    ]
    assert lines[10:] == [
        "2 hops away: 3 concepts",
        "  through Thermodynamics …",
        "    is used by: titration curve (0.90)",
        "    requires: Matrices (0.80), Calculus (0.80)",
    ]
    code, out, _ = run(capsys, "neighbourhood", "PCR", "--graph", graph_file, "--limit", "1")
    assert "    requires: Thermodynamics (0.90), … 2 more (--limit 0 lists all)" in out


def test_query_next_steps_rank_by_dependence(G):
    from graph.query import next_steps

    G.add_edge("algebra", "probability", relation="prerequisite_of", confidence=0.4)
    steps = next_steps(G, {"algebra", "calculus"})
    first = [s.node for s in steps[:4]]
    # ready first (all prerequisites known), then what rests most on what is known
    assert first[:2] == ["probability", "matrices"] or first[:2] == ["matrices", "probability"]
    assert first[2] == "thermodynamics"
    thermo = steps[2]
    assert thermo.known == ("calculus",) and thermo.missing == ("matrices",)
    assert thermo.dependence == 0.5 and not thermo.ready
    assert all(s.known for s in steps[:3]) and not any(s.known for s in steps[3:])


def test_query_cli_next_explains_each_suggestion(capsys, graph_file):
    code, out, _ = run(capsys, "next", "--graph", graph_file, "--known", "calculus")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "Knowing Calculus, learn next (what rests most on it first):"
    assert lines[1] == (
        "1. Thermodynamics — builds on Calculus (1 of 2 prerequisites known, 50% by weight); "
        "still needs: Matrices"
    )
    assert lines[2].endswith(" — needs nothing first")


def hub_graph() -> nx.MultiDiGraph:
    """Two routes from an earthquake to a tsunami: through the generic, undefined "wave"
    (which many names are built on), or through stated, defined concepts."""
    G = nx.MultiDiGraph(schema="concept-graph/1", model=None, sources=[])
    defined = {"definition": "stated in the notes", "cards": ["c#1"]}
    for node in ("earthquake", "plate movement", "seafloor uplift", "tsunami", "seismic wave"):
        G.add_node(node, **defined)
    G.add_node("wave", definition="", cards=[])
    for kind in ("sound wave", "shock wave", "microwave", "seismic wave"):
        G.add_edge(kind, "wave", relation="is_a", confidence=0.6, evidence=[ev(kind)])
    for u, v, r, c in [
        ("earthquake", "seismic wave", "uses", 0.9),
        ("tsunami", "shock wave", "uses", 0.9),
        ("earthquake", "plate movement", "is_a", 0.8),
        ("plate movement", "seafloor uplift", "used_for", 0.7),
        ("tsunami", "seafloor uplift", "uses", 0.9),
    ]:
        G.add_edge(u, v, relation=r, confidence=c, evidence=[ev(f"{u} {r} {v}")])
    return G


def test_query_connect_prefers_stated_steps_over_generic_hubs():
    from graph.query import named_after

    G = hub_graph()
    assert sorted(named_after(G, "wave")) == [
        "seismic wave",
        "shock wave",
        "sound wave",
    ]
    steps = connect(G, "earthquake", "tsunami")
    assert [s["target"] for s in steps] == ["plate movement", "seafloor uplift", "tsunami"]
    G.remove_edge("plate movement", "seafloor uplift")  # the only route left is the hub
    assert "wave" in [s["target"] for s in connect(G, "earthquake", "tsunami")]


def test_query_cli_connect_says_when_the_only_link_is_weak(capsys, tmp_path):
    G = hub_graph()
    G.add_node("tide", definition="noise", cards=["c#2"])
    G.add_edge("tide", "seafloor uplift", relation="related_to", confidence=0.3, label="mentions")
    path = tmp_path / "g.json"
    write_graph(G, path)
    code, out, _ = run(capsys, "connect", "tide", "tsunami", "--graph", str(path))
    assert code == 0 and out.splitlines()[-1] == (
        "No chain of stated relations joins them: 1 of the 2 steps is a weak link "
        "(concepts the notes only name together)."
    )  # before: "Only weak links join them", though one of the two steps is stated
    code, out, _ = run(capsys, "connect", "tide", "seafloor uplift", "--graph", str(path))
    assert code == 0 and "Only weak links join them" in out
    code, out, _ = run(capsys, "connect", "tide", "tsunami", "--graph", str(path), "--json")
    assert json.loads(out)["only_weak_links"] is True
    code, out, _ = run(capsys, "connect", "earthquake", "tsunami", "--graph", str(path))
    assert "weak" not in out and "never define" not in out


# --- the examples on the five seeds ----------------------------------------------


@requires_shared
def test_query_seeds_lstm_neighbourhood_reads_by_hop_and_relation(seeds_graph, capsys, tmp_path):
    path = tmp_path / "seeds.json"
    write_graph(seeds_graph, path)
    code, out, _ = run(capsys, "neighbourhood", "LSTM", "--graph", str(path), "--depth", "2")
    lines = out.splitlines()
    assert code == 0 and len(lines) < 250  # was one line per edge: 857 at depth 2
    assert "1 hop away" in out and "2 hops away" in out


@requires_shared
def test_query_seeds_search_offers_no_weak_look_alike(seeds_graph):
    found = search(seeds_graph, "long short term memmory")
    node = resolve(seeds_graph, "LSTM")
    assert found[0][0] == node
    assert all(score >= found[0][1] - 10 for _, score in found)
    assert "intercept term" not in [n for n, _ in found]


@requires_shared
def test_query_seeds_next_builds_on_what_is_known(seeds_graph):
    from graph.query import next_steps

    known = {resolve(seeds_graph, "neural network")}
    first = next_steps(seeds_graph, known)[0]
    assert first.known == tuple(known) and first.node != resolve(seeds_graph, "diffusion")


@requires_shared
def test_query_seeds_connect_avoids_the_generic_vector(seeds_graph):
    steps = connect(
        seeds_graph, resolve(seeds_graph, "perceptron"), resolve(seeds_graph, "transformer")
    )
    assert resolve(seeds_graph, "vector") not in [s["target"] for s in steps]
