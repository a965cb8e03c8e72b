"""`python -m graph explain`: why a term is or is not a concept, and why two are linked."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from extraction.readers import read_bytes
from graph.__main__ import main
from graph.build import build_graph
from graph.explain import explain_edges, explain_term, format_edges, format_term, unstated
from graph.io import write_graph
from graph.paths import PATH_RULES

NOTE = b"""# Cell biology notes

## Osmosis

Osmosis is a transport process that moves water across a membrane towards the side
with more solute, so the cell can keep its volume without spending energy.

## Mitochondrion

The mitochondrion is an organelle built entirely around folded membranes. Adenosine
triphosphate (ATP) molecules are made inside it.
"""


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    G = build_graph([read_bytes(NOTE, path="notes.md")])
    path = tmp_path_factory.mktemp("explain") / "graph.json"
    write_graph(G, path)
    return G, path


def test_explain_a_heading_is_a_concept_with_its_evidence(graph_file):
    G, _ = graph_file
    info = explain_term(G, "osmosis")
    assert info["status"] == "concept"
    assert {"heading", "term"} & set(info["roles"])  # the heading names it
    assert info["score"] >= info["threshold"]
    assert info["reasons"] and {"feature", "means", "weight"} <= set(info["reasons"][0])
    assert info["definition"].startswith("Osmosis is a transport process")


def test_explain_an_abbreviation_is_an_alias_with_the_reason(graph_file):
    G, _ = graph_file
    info = explain_term(G, "ATP")
    assert info["status"] in {"alias", "concept"}
    if info["status"] == "alias":
        assert info["merged_by"]["rule"] in {"abbreviation", "initials"}


def test_explain_a_rejected_and_an_unknown_term(graph_file):
    G, _ = graph_file
    rejected = [c["name"] for c in G.graph["candidates"]]
    assert rejected, "the graph keeps the candidates it rejected"
    info = explain_term(G, rejected[0])
    assert info["status"] == "rejected"
    assert info["score"] < info["threshold"]
    assert "is not a concept" in format_term(info)
    assert explain_term(G, "photosynthesis")["status"] == "unknown"


def test_explain_a_reading_list_entry_says_it_is_ruled_out():
    note = NOTE + b"\n## Further reading\n\n- [Water Relations of Plants](https://example.org/w)\n"
    G = build_graph([read_bytes(note, path="notes.md")])
    info = explain_term(G, "water relations of plants")
    assert info["status"] == "rejected"
    assert "a work to read" in info["ruled_out"]
    assert "a work to read" in format_term(info)


def test_explain_a_credited_person_says_why():
    extra = b"\n## Methods\n\nThe first osmometer was devised by Ada Quist in 1961.\n"
    G = build_graph([read_bytes(NOTE + extra, path="notes.md")])
    info = explain_term(G, "Ada Quist")
    assert info["status"] == "rejected"
    assert "credit" in info["ruled_out"] and "credit" in format_term(info)


def test_explain_a_process_own_thing_says_why():
    extra = b"\n## Methods\n\nA pump moves the input solution. A sieve cleans the input solution.\n"
    G = build_graph([read_bytes(NOTE + extra, path="notes.md")])
    info = explain_term(G, "input solution")
    assert info["status"] == "rejected"
    assert "particular thing" in info["ruled_out"] and "particular thing" in format_term(info)


def test_explain_a_description_says_why():
    extra = b"\n## Typical membranes\n\nA typical membrane lets water through.\n"
    G = build_graph([read_bytes(NOTE + extra, path="notes.md")])
    info = explain_term(G, "typical membrane")
    assert info["status"] == "rejected"
    assert "a description" in info["ruled_out"] and "a description" in format_term(info)


def test_explain_cli_human_and_json(graph_file, capsys):
    _, path = graph_file
    assert main(["explain", "osmosis", "--graph", str(path)]) == 0
    out = capsys.readouterr().out
    assert "is a concept" in out and "What weighed most" in out and "Definition" in out
    assert main(["explain", "osmosis", "--graph", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "concept"


def test_explain_two_terms_lists_the_edges_with_evidence(graph_file):
    G, _ = graph_file
    u, v, _ = next(
        (u, v, a) for u, v, a in G.edges(data=True) if a["relation"] != "prerequisite_of"
    )
    info = explain_edges(G, u, v)
    assert info["edges"] and all(e["evidence"] for e in info["edges"])


@pytest.mark.parametrize(
    ("label", "because"),
    [
        ("stressed together", "because: tide stressed in one paragraph with moon"),
        ("same sentence", "because: tide named in one sentence with moon"),
        ("mentions", "because: tide mentions moon"),
        ("arise", "because: tide mentioned with moon"),  # a plain form says no doer
    ],
)
def test_explain_a_weak_link_reads_as_words(label, because):
    """Before: "because: stressed together", the graph's label of the link."""
    import networkx as nx

    from graph.explain import format_edges

    G = nx.MultiDiGraph()
    G.add_node("tide", label="tide")
    G.add_node("moon", label="moon")
    evidence = [{"source": "n.md", "line": 3, "text": "The moon raises the tide."}]
    G.add_edge("tide", "moon", relation="related_to", confidence=0.1, label=label,
               evidence=evidence)  # fmt: skip
    text = format_edges(explain_edges(G, "tide", "moon"), G)
    assert because in [line.strip() for line in text.splitlines()]


def test_explain_cli_reports_a_missing_graph(tmp_path, capsys):
    assert main(["explain", "x", "--graph", str(tmp_path / "none.json")]) == 1
    assert "error" in capsys.readouterr().err


def test_explain_every_selector_feature_has_words_for_a_student():
    from extraction.concepts.features import FEATURES
    from graph.explain import feature_words

    words = {feature: feature_words(feature) for feature in FEATURES}
    assert not {f for f, w in words.items() if w == f}, "features without words"
    assert all(w and not w.startswith(("singled_", "role_")) for w in words.values())


REFUSING = b"""# Cells

## Mitosis

Mitosis copies a nucleus. The division process, also known as mitosis, gives two nuclei.
Division starts after the chromosomes are copied. Division ends with two cells.
"""


@pytest.mark.parametrize("term", ["mitosis", "division"])
def test_explain_shows_a_merge_refused_and_why(term):
    G = build_graph([read_bytes(REFUSING, path="cells.md")])
    info = explain_term(G, term)
    assert [(r["name"], r["into"], r["rule"]) for r in info["refused"]] == [
        ("division process", "division", "generic_head")
    ]
    text = format_term(info)
    assert "Merges refused:" in text and "one word names each" in text


@pytest.mark.parametrize(
    ("typed", "taken"),
    [
        # the start of a name, as the search box completes it and `graph path` takes it
        ("backprop", {"backprop": "backpropagation"}),
        # the concept's own name: nothing to say
        ("Backpropagation", {}),
    ],
)
def test_explain_two_terms_names_them_as_the_search_box_does(typed, taken, tmp_path, capsys):
    """Before: "No concept matches 'backprop'", though `graph path backprop` found it."""
    import networkx as nx

    G = nx.MultiDiGraph(schema="concept-graph/1", model=None, sources=[])
    G.add_node("backpropagation", label="backpropagation", importance=0.8)
    G.add_node("gradient", label="gradient", importance=0.6)
    evidence = [{"source": "n.md", "line": 2, "text": "Backpropagation computes gradients."}]
    G.add_edge("gradient", "backpropagation", relation="prerequisite_of", confidence=0.7,
               evidence=evidence, label="stated", features={"stated": 1.1})  # fmt: skip
    info = explain_edges(G, typed, "gradient")
    assert (info["a"], info["b"], info.get("taken", {})) == ("backpropagation", "gradient", taken)
    assert info["prerequisite"]["source"] == "gradient"
    path = tmp_path / "graph.json"
    write_graph(G, path)
    assert main(["explain", typed, "gradient", "--graph", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "Learn gradient before backpropagation" in out
    assert ("taken as 'backpropagation'" in err) == bool(taken)


@pytest.mark.parametrize(
    ("parent", "line"),
    [
        # a prerequisite the path follows: how long the path is
        ("erosion", "Its learning path has 2 steps (`graph path`)."),
        # one only an everyday word the notes never teach has: why the path leaves it out
        ("process", "  process: " + PATH_RULES["generic"]),
        # none kept: the orders weighed and left out, with the reason
        (None, "  Weighed and left out: weathering before it (0.3): below the model's threshold"),
    ],
)
def test_explain_a_term_says_why_its_learning_path_is_short(parent, line):
    """Before: nothing said why `graph path delta` gave the delta alone."""
    import networkx as nx

    rejected = [{"source": "weathering", "target": "delta", "confidence": 0.3,
                 "reason": "below the model's threshold"}]  # fmt: skip
    G = nx.MultiDiGraph(prerequisites_rejected=rejected)
    G.add_node("delta", label="delta", definition="Land built where a river meets the sea.")
    G.add_node("weathering", label="weathering", definition="Rock broken down in place.")
    G.add_node("erosion", label="erosion", definition="Rock carried away by water.")
    common = {"features": {"common": 1.0}, "roles": {"mention": 9}}
    G.add_node("process", label="process", selection=common)
    if parent:
        G.add_edge(parent, "delta", relation="prerequisite_of", confidence=0.8,
                   evidence=[{"source": "n.md", "line": 4, "text": "A sentence."}])  # fmt: skip
    info = explain_term(G, "delta")
    assert info["path"]["steps"] == (2 if parent == "erosion" else 1)
    assert line in format_term(info).splitlines()


@pytest.mark.parametrize(
    ("features", "line"),
    [
        (  # a heading names it, but its card defines a longer name ("Market equilibrium is")
            {"has_definition": 1.0, "subject": 0.69},
            "The notes give no definition of it: a card's title names it, but no sentence "
            "of that card says what it is.",
        ),
        (  # a sentence read as defining it, whose definition was not kept
            {"has_definition": 1.0},
            "The notes give no definition of it: a sentence reads as defining it, but none "
            "says what it is in a way kept as its definition.",
        ),
        ({}, "The notes give no definition of it: no sentence says what it is."),
    ],
)
def test_explain_a_concept_without_definition_says_why_as_its_features_read(features, line):
    """Before: "+0.71 for: the notes define it" above "The notes give no definition of it"."""
    import networkx as nx

    G = nx.MultiDiGraph()
    reasons = [["has_definition", 0.71]] if features else []
    G.add_node("equilibrium", label="equilibrium", definition="", selection={"score": 0.8,
               "threshold": 0.4, "roles": {"heading": 1}, "features": features,
               "reasons": reasons, "merges": []})  # fmt: skip
    text = format_term(explain_term(G, "equilibrium"))
    assert line in text.splitlines()
    assert "the notes define it" not in text


def test_explain_the_definition_feature_reads_as_the_selector_computes_it():
    from extraction.concepts.features import FEATURES
    from graph.explain import feature_words

    assert "title" in FEATURES["has_definition"] and "title" in feature_words("has_definition")


@pytest.mark.parametrize(
    ("label", "said"),
    [
        ("earlier+coined+spread", "it rests most on earlier; the sentences cited are for coined"),
        ("wider+earlier", "it rests on how the notes name the two (wider, earlier)"),
        ("general+earlier", None),  # a sentence states the strongest feature
    ],
)
def test_explain_unstated_says_when_no_sentence_carries_the_strongest_feature(label, said):
    found = unstated(label, {"earlier", "wider", "spread"})
    assert found == (None if said is None else f"no sentence states this order: {said}")


def test_explain_two_terms_says_no_sentence_states_an_order_carried_by_naming():
    G = nx.MultiDiGraph(prerequisite_uncited=["earlier", "spread"])
    G.add_node("kiln", label="kiln")
    G.add_node("glaze", label="glaze")
    cited = {"source": "n.md", "line": 3, "text": "A glaze is fired in the kiln."}
    G.add_edge("kiln", "glaze", relation="prerequisite_of", confidence=0.23,
               label="earlier+coined", features={"earlier": 0.28, "coined": 0.06},
               evidence=[cited])  # fmt: skip
    out = format_edges(explain_edges(G, "kiln", "glaze"), G)
    assert "no sentence states this order: it rests most on earlier" in out
    assert out.index("rests most on earlier") < out.index(cited["text"])


def test_explain_a_heading_kept_as_a_kind_of_a_concept_says_why():
    note = (
        b"# Landforms\n\n## Erosion\n\nErosion is the wearing away of rock by water, wind or ice."
        b" Erosion shapes valleys.\n\n## Erosion by Desert Winds\n\nDust storms lift grains.\n"
    )
    G = build_graph([read_bytes(note, path="notes.md")])
    info = explain_term(G, "erosion by desert wind")
    assert info["status"] == "concept", info
    assert "a kind or use of a concept" in info["kept_by"]
    assert "under the threshold" in format_term(info)


def test_explain_a_heading_kept_for_its_gloss_says_why():
    note = b"# Inflation\n\nA general rise in prices over time.\n"
    G = build_graph([read_bytes(note, path="notes.md")])
    info = explain_term(G, "inflation")
    assert info["status"] == "concept", info
    assert "a heading the text under it glosses" in info["kept_by"]
    assert G.nodes["inflation"]["definition"] == "A general rise in prices over time."
