"""Learning paths with their definitions, and why two concepts are or are not linked
(graph/paths.py), on hand-made graphs and on the graph of the real notes."""

from __future__ import annotations

from functools import cache

import networkx as nx
import pytest

from graph.paths import (
    HEADING_LIST,
    PATH_MIN_STRENGTH,
    PATH_RULES,
    STATEMENT_FEATURES,
    STRUCTURE_LINKS,
    defining_names,
    explain_pair,
    learning_path,
    path_omission,
    path_steps,
)
from graph.query import UnknownConceptError, resolve
from tests.conftest import SEEDS, requires_shared

EV = [{"source": "n.txt", "line": 1, "text": "A sentence."}]
FEATURES = {"general": "B is a kind of A", "earlier": "the notes name A first"}


def prerequisite(G: nx.MultiDiGraph, u: str, v: str, confidence: float, **attrs) -> None:
    G.add_edge(u, v, relation="prerequisite_of", confidence=confidence, evidence=EV, **attrs)


@pytest.fixture
def G() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph(prerequisite_features=FEATURES)
    for node, definition in [("particle", "A unit."), ("molecule", ""), ("DNA", "A double helix.")]:
        G.add_node(node, label=node.upper() if node == "dna" else node, definition=definition)
    prerequisite(G, "particle", "molecule", 0.9, label="general", features={"general": 1.5})
    prerequisite(G, "molecule", "DNA", 0.8, label="general", features={"general": 1.2})
    return G


def test_paths_steps_carry_definitions_and_flag_missing_ones(G):
    steps = path_steps(G, "DNA")
    assert [s.node for s in steps] == learning_path(G, "DNA") == ["particle", "molecule", "DNA"]
    assert [s.defined for s in steps] == [True, False, True]  # shown, flagged
    assert steps[0].definition == "A unit."
    assert steps[1].after == (("particle", 0.9, "general"),)
    assert steps[-1].strength == 1.0 and steps[0].strength == pytest.approx(0.72)


def test_paths_known_steps_are_left_out_but_the_target_stays(G):
    assert [s.node for s in path_steps(G, "DNA", known={"particle", "DNA"})] == ["molecule", "DNA"]


@pytest.mark.parametrize(
    ("chain", "kept"),
    [
        ([0.9, 0.25, 0.2], ["b", "a"]),  # 0.045: the third step no longer carries weight
        ([0.9, 0.5, 0.5], ["c", "b", "a"]),  # 0.225
    ],
)
def test_paths_transitive_steps_only_where_they_carry_weight(chain, kept):
    G = nx.MultiDiGraph()
    for (u, v), c in zip([("a", "goal"), ("b", "a"), ("c", "b")], chain, strict=True):
        prerequisite(G, u, v, c)
    assert learning_path(G, "goal") == [*kept, "goal"]
    assert PATH_MIN_STRENGTH > 0


@pytest.mark.parametrize(
    ("chains", "kept"),
    [
        ([(0.6, 0.07)], False),  # 0.042: a third-hand concept that carries no weight
        ([(0.6, 0.07), (0.6, 0.07)], True),  # two of the target's prerequisites need it: 0.082
        ([(0.6, 0.5)], True),  # 0.3
        ([(0.6, 0.02), (0.6, 0.02)], False),  # 0.012 each, 0.024 together
    ],
)
def test_paths_chains_through_several_prerequisites_of_the_target_add_up(chains, kept):
    G = nx.MultiDiGraph()
    for i, (first, link) in enumerate(chains):
        prerequisite(G, f"step {i}", "goal", first)
        prerequisite(G, "x", f"step {i}", link)
    assert ("x" in learning_path(G, "goal")) == kept


def test_paths_omission_names_the_chains_a_concept_falls_short_by():
    G = nx.MultiDiGraph()
    for u, v, c in [("a", "goal", 0.6), ("b", "goal", 0.6), ("x", "a", 0.05)]:
        prerequisite(G, u, v, c)
    assert path_omission(G, "goal", "x") == (
        "its strongest chain to goal (0.030 through a) is weaker than 0.05"
    )
    prerequisite(G, "x", "b", 0.02)  # 0.03 and 0.012: 0.042 together
    assert path_omission(G, "goal", "x") == (
        "its chains to goal through 2 of its prerequisites (together 0.042; "
        "the strongest through a) are weaker than 0.05"
    )


@pytest.mark.parametrize(
    ("lines", "path"),
    [
        ({"erosion": 3, "weathering": 9}, ["erosion", "weathering", "soil"]),  # course order
        ({"erosion": 9, "weathering": 3}, ["weathering", "erosion", "soil"]),
        ({}, ["weathering", "erosion", "soil"]),  # not placed: the more important first
    ],
)
def test_paths_steps_of_one_depth_follow_the_course_order(lines, path):
    G = nx.MultiDiGraph()
    G.add_node("weathering", importance=0.9)
    G.add_node("erosion", importance=0.5)
    for node, line in lines.items():
        G.nodes[node]["first_seen"] = ["n.txt", line]
    prerequisite(G, "weathering", "soil", 0.9)
    prerequisite(G, "erosion", "soil", 0.9)
    assert learning_path(G, "soil") == path


@pytest.mark.parametrize(
    ("word", "roles", "definition", "path"),
    [
        # an everyday word the notes only name in passing is background, not a step,
        # and neither is what it needs
        ("model", {"mention": 9, "nested": 4}, "", ["antigen", "vaccine"]),
        # one they set in a heading is a step, as is one they define
        ("memory", {"heading": 1}, "", ["antigen", "data", "memory", "vaccine"]),
        (
            "output",
            {"mention": 3},
            "What a model gives.",
            ["antigen", "data", "output", "vaccine"],
        ),
    ],
)
def test_paths_generic_words_are_no_steps(word, roles, definition, path):
    G = nx.MultiDiGraph()
    G.add_node(word, definition=definition, selection={"features": {"common": 1.0}, "roles": roles})
    for node in ("data", "antigen", "vaccine"):
        G.add_node(node, definition="Said in the notes.")
    prerequisite(G, "data", word, 0.9)
    prerequisite(G, word, "vaccine", 0.9)
    prerequisite(G, "antigen", "vaccine", 0.8)
    assert learning_path(G, "vaccine") == path


@pytest.mark.parametrize(
    ("cards", "path"),
    [
        # its only card is titled by a longer name that holds it ("The Causes of
        # Flooding"): the title singles that name out, not the everyday word
        (["n.md#2"], ["rain", "flood"]),
        # a card of its own singles it out
        (["n.md#2", "n.md#7"], ["cause", "rain", "flood"]),
    ],
)
def test_paths_a_word_inside_a_card_title_of_a_longer_name_is_no_step(cards, path):
    G = nx.MultiDiGraph()
    roles = {"heading": 1, "mention": 4, "nested": 2}
    G.add_node("cause", cards=cards, selection={"features": {"common": 1.0}, "roles": roles})
    G.add_node("causes of flooding", cards=["n.md#2"], selection={"roles": {"heading": 1}})
    G.add_node("rain", definition="Water falling from clouds.")
    G.add_node("flood", definition="Water over land that is usually dry.")
    prerequisite(G, "cause", "flood", 0.9)
    prerequisite(G, "rain", "flood", 0.8)
    assert learning_path(G, "flood") == path


@pytest.mark.parametrize(
    ("definition", "features", "path"),
    [
        # a step the notes never explain: what is only named beside it is not followed
        ("", {"explains": 0.6}, ["enzyme", "digestion"]),
        # what they state it needs is (a name inside its name)
        ("", {"name_inside": 1.1}, ["protein", "enzyme", "digestion"]),
        # and all it needs once they explain it
        (
            "A protein that speeds a reaction.",
            {"explains": 0.6},
            ["protein", "enzyme", "digestion"],
        ),
    ],
)
def test_paths_an_unexplained_step_needs_only_what_the_notes_state(definition, features, path):
    G = nx.MultiDiGraph()
    G.add_node("enzyme", definition=definition, selection={"roles": {"mention": 9}})
    G.add_node("digestion", definition="Breaking food down.")
    G.add_node("protein", definition="A chain of amino acids.")
    prerequisite(G, "protein", "enzyme", 0.9, features=features)
    prerequisite(G, "enzyme", "digestion", 0.9, features={"explains": 0.6})
    assert learning_path(G, "digestion") == path


@pytest.mark.parametrize(
    ("water", "river_bed", "features", "path"),
    [
        # "river bed", never explained, holds the everyday word "river" in its name:
        # its name alone links them, so the word is no step, nor what it needs
        ({}, {}, {"name_inside": 1.1}, ["river bed", "flood"]),
        # the notes define the word: a step
        ({"definition": "A stream of water."}, {}, {"name_inside": 1.1}, None),
        # the notes explain the longer name: what it needs is followed
        ({}, {"definition": "The floor of a river."}, {"name_inside": 1.1}, None),
        # a statement besides the name carries the link
        ({}, {}, {"name_inside": 1.1, "part": 0.8}, None),
    ],
)
def test_paths_a_word_of_an_unexplained_name_is_no_step(water, river_bed, features, path):
    G = nx.MultiDiGraph()
    common = {"features": {"common": 1.0}, "roles": {"heading": 1, "mention": 9}}
    G.add_node("river", selection=common, **water)
    G.add_node("rain", definition="Water falling from clouds.")
    G.add_node("river bed", selection={"roles": {"mention": 2}}, **river_bed)
    G.add_node("flood", definition="Water over land that is usually dry.")
    prerequisite(G, "rain", "river", 0.9, features={"stated": 1.0})
    prerequisite(G, "river", "river bed", 0.9, features=features)
    prerequisite(G, "river bed", "flood", 0.9, features={"stated": 1.0})
    assert learning_path(G, "flood") == (path or ["rain", "river", "river bed", "flood"])
    if path:
        assert path_omission(G, "flood", "river") == PATH_RULES["name_word"]


@pytest.mark.parametrize(
    ("features", "target", "path"),
    [
        # "Canals are used for irrigation", outside the canal's definition: the canal's
        # own path starts with its task, as the prerequisite orders them
        ({"stated": 1.1, "task": 0.01, "earlier": 0.3}, "canal", None),
        # but a barge needs the canal, not what canals are used for, nor what that needs
        ({"stated": 1.1, "task": 0.01, "earlier": 0.3}, "barge", ["channel", "canal", "barge"]),
        # the canal's defining sentence gives the task: reading it needs irrigation
        ({"stated": 1.1, "task": 0.01, "in_definition": 0.6}, "barge", None),
        # another statement carries the order besides the use
        ({"stated": 1.1, "task": 0.01, "used": 0.3}, "barge", None),
    ],
)
def test_paths_what_a_step_is_used_for_is_no_step_toward_another(features, target, path):
    G = nx.MultiDiGraph()
    for node, definition in [
        ("water", "A clear liquid."),
        ("irrigation", "Watering fields."),
        ("channel", "A long narrow cut."),
        ("canal", "A channel dug for boats."),
        ("barge", "A flat boat for canals."),
    ]:
        G.add_node(node, definition=definition)
    prerequisite(G, "water", "irrigation", 0.8, features={"stated": 1.1, "general": 0.5})
    prerequisite(G, "irrigation", "canal", 0.6, features=features)
    prerequisite(G, "channel", "canal", 0.9, features={"stated": 1.1, "general": 0.5})
    prerequisite(G, "canal", "barge", 0.9, features={"stated": 1.1, "used": 0.3})
    full = ["channel", "water", "irrigation", "canal", "barge"]
    assert learning_path(G, target) == (path or full[: full.index(target) + 1])
    if path:
        assert path_omission(G, target, "irrigation") == PATH_RULES["use"]
        assert path_omission(G, target, "water") == PATH_RULES["use"]


def titled_notes(definition: str, evidence_line: int) -> nx.MultiDiGraph:
    """Notes on bread whose first heading, "Steps and considerations", is over every
    concept they explain (their title, :func:`graph.topics.file_titles`); "proofing"
    is explained under it and under "Dough", and "consideration" (given
    ``definition``) comes before proofing by a prerequisite citing ``evidence_line``."""
    title = {"source": "bread.md", "line": 1, "text": "Steps and considerations"}
    title["names"] = ["consideration"]
    dough = {"source": "bread.md", "line": 5, "text": "Dough", "names": ["dough"]}
    oven = {"source": "bread.md", "line": 20, "text": "Oven", "names": ["oven"]}
    G = nx.MultiDiGraph()
    G.add_node("consideration", definition=definition, selection={"roles": {"heading": 1}})
    G.add_node("dough", definition="Flour and water mixed.", under=[title])
    G.add_node("oven", definition="Where bread bakes.", under=[title])
    G.add_node("proofing", definition="Letting dough rise.", under=[title, dough])
    G.add_node("baking", definition="Cooking proofed dough.", under=[title, oven])
    said = [{"source": "bread.md", "line": evidence_line, "text": "A sentence."}]
    G.add_edge(
        "consideration", "proofing", relation="prerequisite_of", confidence=0.4, evidence=said
    )
    prerequisite(G, "proofing", "baking", 0.9)
    return G


@pytest.mark.parametrize(
    ("definition", "evidence_line", "path"),
    [
        # a word the notes never define, put first by their title alone: no step
        ("", 1, ["dough", "proofing"]),
        # one they define is a step, as is one a sentence puts first
        ("What a baker weighs.", 1, ["consideration", "dough", "proofing"]),
        ("", 9, ["consideration", "dough", "proofing"]),
    ],
)
def test_paths_the_title_of_the_notes_is_no_step_of_its_own(definition, evidence_line, path):
    G = titled_notes(definition, evidence_line)
    assert learning_path(G, "proofing") == path
    # a step explained under the title: the title's word frames it only when defined
    assert ("consideration" in learning_path(G, "oven")) == bool(definition)
    if path == ["dough", "proofing"]:
        assert path_omission(G, "proofing", "consideration") == PATH_RULES["title"]


def test_paths_what_the_prerequisite_stage_singles_out_counts_as_explained():
    # "enzyme" is only named, but the prerequisite stage reads it as singled out (an
    # action heading, a question about it): what it needs is followed as for a term
    G = nx.MultiDiGraph()
    G.add_node("enzyme", selection={"roles": {"mention": 9}}, singled_out=True)
    G.add_node("digestion", definition="Breaking food down.")
    G.add_node("protein", definition="A chain of amino acids.")
    prerequisite(G, "protein", "enzyme", 0.9, features={"explains": 0.6})
    prerequisite(G, "enzyme", "digestion", 0.9, features={"explains": 0.6})
    assert learning_path(G, "digestion") == ["protein", "enzyme", "digestion"]


TIDE = "A tide is the rise and fall of the sea caused by the gravity of the moon."


def tides(other: str = "gravity", relation: str = "related_to", **attrs) -> nx.MultiDiGraph:
    """ "tide", defined by :data:`TIDE`, and ``other`` linked to it by an edge whose
    evidence is that sentence; "moon" comes before tide by a prerequisite."""
    G = nx.MultiDiGraph()
    said = {"source": "sea.md", "line": 4, "text": TIDE}
    G.add_node("tide", definition=TIDE, definition_evidence=said, first_seen=["sea.md", 4])
    G.add_node("moon", definition="The Earth's satellite.", first_seen=["sea.md", 2])
    G.add_node(other, **({"definition": "A pull between masses."} | attrs))
    G.add_edge(other, "tide", relation=relation, confidence=0.5, evidence=[said])
    prerequisite(G, "moon", "tide", 0.9)
    return G


@pytest.mark.parametrize(
    ("other", "relation", "attrs", "path"),
    [
        # a concept the target's defining sentence names, which the notes define: the
        # reader needs it to read the definition
        ("gravity", "related_to", {}, ["moon", "gravity", "tide"]),
        ("gravity", "uses", {}, ["moon", "gravity", "tide"]),
        # one the notes only use (never define nor single out) is no step
        ("gravity", "related_to", {"definition": "", "selection": {"roles": {"mention": 4}}},
         ["moon", "tide"]),
        # nor a kind or an example of the target ("spring tide is a kind of tide")
        ("spring tide", "is_a", {}, ["moon", "tide"]),
        # nor one the same sentence defines too: neither is before the other
        ("gravity", "related_to",
         {"definition_evidence": {"source": "sea.md", "line": 4, "text": TIDE}},
         ["moon", "tide"]),
        # nor a concept the edge's sentence does not name ("the gravity" names gravity;
        # the sentence never says "ocean")
        ("ocean", "related_to", {}, ["moon", "tide"]),
    ],
)  # fmt: skip
def test_paths_a_definition_puts_the_concepts_it_names_first(other, relation, attrs, path):
    assert learning_path(tides(other, relation, **attrs), "tide") == path


@pytest.mark.parametrize(
    ("linked", "common", "path"),
    [
        # the edge between them cites another sentence (the build keeps a few a pair):
        # the defining sentence still names gravity
        (True, 0.0, ["moon", "gravity", "tide"]),
        (False, 0.0, ["moon", "tide"]),  # no edge: the build never read it as a name here
        (True, 1.0, ["moon", "tide"]),  # everyday words ("for example"): edges only
    ],
)
def test_paths_a_definition_names_what_it_spells_beside_what_its_edges_cite(linked, common, path):
    G = tides()
    G.remove_edge("gravity", "tide")
    G.nodes["gravity"]["selection"] = {"features": {"common": common}, "roles": {"defined": 1}}
    if linked:
        other = {"source": "sea.md", "line": 9, "text": "Gravity also holds the moon."}
        G.add_edge("gravity", "tide", relation="related_to", confidence=0.3, evidence=[other])
    assert learning_path(G, "tide") == path


def test_paths_a_definition_never_puts_what_comes_after_the_target_first():
    G = tides()
    prerequisite(G, "tide", "gravity", 0.8)  # the prerequisites say: tide, then gravity
    assert defining_names(G, "tide") == ["gravity", "moon"]  # moon: also a prerequisite
    assert learning_path(G, "tide") == ["moon", "tide"]


@pytest.mark.parametrize(
    ("pigment", "path"),
    [
        # pigment's chain is too weak to follow: chlorophyll is no deeper on the path than
        # light, and the notes introduce it first
        (0.03, ["chlorophyll", "light", "photosynthesis"]),
        # on the path, pigment puts chlorophyll one step deeper
        (0.9, ["light", "pigment", "chlorophyll", "photosynthesis"]),
    ],
)
def test_paths_depth_counts_only_the_prerequisites_on_the_path(pigment, path):
    G = nx.MultiDiGraph()
    for node, line in [("chlorophyll", 1), ("light", 2), ("pigment", 5), ("photosynthesis", 9)]:
        G.add_node(node, definition="Said in the notes.", first_seen=["leaf.md", line])
    prerequisite(G, "light", "photosynthesis", 0.9)
    prerequisite(G, "chlorophyll", "photosynthesis", 0.9)
    prerequisite(G, "pigment", "chlorophyll", pigment)
    assert learning_path(G, "photosynthesis") == path


def test_paths_what_a_concept_named_in_a_definition_needs_is_not_followed():
    # gravity is on the path by the definition's word, not by a prerequisite: what it
    # needs ("mass") is background to the target
    G = tides()
    G.add_node("mass", definition="How much matter a body holds.")
    prerequisite(G, "mass", "gravity", 0.9)
    assert learning_path(G, "tide") == ["moon", "gravity", "tide"]
    # but a step the prerequisites lead to brings what its own definition names
    said = {"source": "sea.md", "line": 2, "text": "The moon is the Earth's rocky satellite."}
    G.nodes["moon"].update(definition=said["text"], definition_evidence=said)
    G.add_node("satellite", definition="A body that orbits a planet.")
    G.add_edge("moon", "satellite", relation="is_a", evidence=[said])
    # (gravity needs mass, which the path leaves out: no deeper on it than satellite)
    assert learning_path(G, "tide") == ["gravity", "satellite", "moon", "tide"]


@pytest.mark.parametrize(
    ("names", "path"),
    [
        (["oceanography"], ["oceanography", "moon", "tide"]),  # the heading frames it
        (["tide", "current"], ["moon", "tide"]),  # "Tides and currents" lists it: no frame
        ([], ["moon", "tide"]),
    ],
)
def test_paths_a_heading_over_a_concept_frames_it(names, path):
    G = tides()
    for name in names:
        G.add_node(name, definition="Said in the notes.", first_seen=["sea.md", 1])
    heading = {"source": "sea.md", "line": 1, "text": " and ".join(names), "names": names}
    G.nodes["tide"]["under"] = [heading]
    G.remove_node("gravity")
    assert learning_path(G, "tide") == path


@pytest.mark.parametrize(
    ("text", "names", "path"),
    [
        # a heading that is nothing but a list of names teaches them in that order
        ("Currents and tides", ["current", "tide"], ["current", "moon", "tide"]),
        ("Currents, waves & tides", ["current", "wave", "tide"],
         ["current", "wave", "moon", "tide"]),
        ("Tides and currents", ["tide", "current"], ["moon", "tide"]),  # after it: no step
        # a heading with other words than names is no list
        ("How currents shape tides", ["current", "tide"], ["moon", "tide"]),
        ("Currents and the tide tables", ["current", "tide"], ["moon", "tide"]),
    ],
)  # fmt: skip
def test_paths_a_heading_that_lists_concepts_puts_the_earlier_ones_first(text, names, path):
    G = tides()
    G.remove_node("gravity")
    for name in names:
        if name != "tide":
            G.add_node(name, definition="Said in the notes.", first_seen=["sea.md", 1])
    G.nodes["tide"]["under"] = [{"source": "sea.md", "line": 1, "text": text, "names": names}]
    assert learning_path(G, "tide") == path


def test_paths_steps_follow_the_order_a_heading_lists_them_in():
    # no prerequisite orders "weathering" and "erosion"; the notes name erosion first,
    # but the heading over the target lists weathering first: the order it teaches them
    G = nx.MultiDiGraph()
    for node, line in [("erosion", 2), ("weathering", 3), ("sediment", 9)]:
        G.add_node(node, definition="Said in the notes.", first_seen=["rock.md", line])
    prerequisite(G, "erosion", "sediment", 0.8)
    prerequisite(G, "weathering", "sediment", 0.8)
    assert learning_path(G, "sediment") == ["erosion", "weathering", "sediment"]
    heading = {"source": "rock.md", "line": 7, "text": "Weathering and Erosion",
               "names": ["weathering", "erosion"]}  # fmt: skip
    G.nodes["sediment"]["under"] = [heading]
    G.__networkx_cache__.clear()
    assert learning_path(G, "sediment") == ["weathering", "erosion", "sediment"]


def test_paths_a_concept_a_heading_lists_first_says_why():
    G = tides()
    G.remove_node("gravity")
    G.add_node("current", definition="A flow of sea water.", first_seen=["sea.md", 1])
    heading = {"source": "sea.md", "line": 1, "text": "Currents and Tides",
               "names": ["current", "tide"]}  # fmt: skip
    G.nodes["tide"]["under"] = [heading]
    why = STRUCTURE_LINKS["listed"].format(step="tide")
    assert path_steps(G, "tide")[-1].after == (("current", 1.0, why), ("moon", 0.9, ""))
    info = explain_pair(G, "current", "tide")
    assert info["framed"]["what"] == why and info["framed"]["evidence"]["text"] == heading["text"]


HEADING = {"source": "sea.md", "line": 1, "text": "Tides"}
BOTH = {"source": "sea.md", "line": 4, "text": "The moon's pull raises the tides."}
FIRST = {"source": "sea.md", "line": 6, "text": "The moon circles the earth."}
QUESTION = {"source": "sea.md", "line": 8, "text": "Why do tides rise twice a day?"}


@pytest.mark.parametrize(
    ("evidence", "shown"),
    [
        ([HEADING, BOTH], BOTH),  # the sentence naming both, before a heading naming one
        ([QUESTION, FIRST], FIRST),  # the one naming the prerequisite, of two naming one
        ([HEADING, QUESTION], QUESTION),  # naming the same: a question before a heading
        ([FIRST, BOTH, HEADING], BOTH),
    ],
)
def test_paths_a_step_is_needed_for_by_the_sentence_naming_both(evidence, shown):
    from graph.export._base import needed_for

    G = nx.MultiDiGraph()
    G.add_node("moon", definition="The earth's satellite.")
    G.add_node("tide", definition="The rise and fall of the sea.")
    G.add_edge("moon", "tide", relation="prerequisite_of", confidence=0.9, evidence=evidence)
    assert [n.evidence for n in needed_for(G, ["moon", "tide"])["moon"]] == [shown]
    assert explain_pair(G, "moon", "tide")["edges"][0]["evidence"][0] == shown


def test_paths_heading_lists_split_as_the_prerequisite_stage_splits_them():
    from extraction import prerequisites

    assert prerequisites.HEADING_LIST is HEADING_LIST


def test_paths_a_step_the_notes_structure_puts_first_says_why():
    from graph.export._base import needed_for

    G = tides()
    path = learning_path(G, "tide")
    why = STRUCTURE_LINKS["definition"].format(step="tide")
    assert path_steps(G, "tide")[-1].after == (("gravity", 1.0, why), ("moon", 0.9, ""))
    assert [(n.step, n.evidence["text"]) for n in needed_for(G, path)["gravity"]] == [(3, TIDE)]
    info = explain_pair(G, "gravity", "tide")
    assert info["framed"]["what"] == why and info["off_path"] is None
    assert info["verdict"].endswith(f"reads gravity before tide: it is {why}.")
    assert path_omission(G, "tide", "gravity") is None


@requires_shared
@pytest.mark.slow
def test_paths_a_heading_of_real_notes_frames_the_concepts_under_it():
    from extraction.readers import read_bytes
    from graph.build import build_graph

    note = (
        b"# Oceans\n\n## Plate tectonics\n\nA **subduction zone** is a place where one "
        b"tectonic plate sinks below another.\n\n## Tides\n\nA **spring tide** is a tide "
        b"when the sun and the moon line up.\n"
    )
    G = build_graph([read_bytes(note, path="oceans.md")])
    under = G.nodes["subduction zone"]["under"]
    assert [(h["line"], h["text"], h["names"]) for h in under] == [
        (3, "Plate tectonics", ["plate tectonics"])
    ]  # not "Oceans": the notes' own title, over all of them, frames nothing
    assert learning_path(G, "subduction zone")[0] == "plate tectonics"


def test_paths_statement_features_are_the_prerequisite_stages():
    from extraction.prerequisites import STATEMENTS

    assert STATEMENT_FEATURES == STATEMENTS


def cited(source: str) -> list[dict]:
    return [{"source": source, "line": 1, "text": "A sentence."}]


@pytest.mark.parametrize(
    ("stated_in", "also_named_in", "path"),
    [
        # a step whose prerequisite only another course's notes state is no step,
        # and neither is what it needs
        ("chemistry.md", None, ["osmosis"]),
        # one the target's own notes state is a step, with what it needs
        ("biology.md", None, ["diffusion", "solute", "osmosis"]),
        # and so is one from a course whose notes also speak of the target
        ("chemistry.md", "chemistry.md", ["diffusion", "solute", "osmosis"]),
    ],
)
def test_paths_stay_in_the_notes_of_their_target(stated_in, also_named_in, path):
    G = nx.MultiDiGraph(sources=[{"path": "biology.md"}, {"path": "chemistry.md"}])
    G.add_node("osmosis", cards=["biology.md#2"], definition="Water crossing a membrane.")
    for node in ("solute", "diffusion", "membrane"):
        G.add_node(node, definition="Said in the notes.")
    for u, v in [("solute", "osmosis"), ("diffusion", "solute")]:
        G.add_edge(u, v, relation="prerequisite_of", confidence=0.9, evidence=cited(stated_in))
    if also_named_in:
        G.add_edge(
            "membrane",
            "osmosis",
            relation="related_to",
            confidence=0.2,
            evidence=cited(also_named_in),
        )
    assert learning_path(G, "osmosis") == path


def test_paths_explain_an_edge_with_its_features(G):
    G.add_edge("DNA", "molecule", relation="is_a", confidence=0.9, evidence=EV, label="")
    info = explain_pair(G, "DNA", "molecule")
    assert [e["relation"] for e in info["edges"]] == ["is_a", "prerequisite_of"]
    assert info["prerequisite"]["features"] == {"general": 1.2}
    assert info["prerequisite"]["means"] == {"general": "B is a kind of A"}
    assert info["verdict"] == "Learn molecule before DNA (0.8): general."


def test_paths_explain_a_rejected_pair_gives_the_reason(G):
    G.add_node("ATP", label="ATP")
    G.add_edge("ATP", "DNA", relation="related_to", confidence=0.2, evidence=EV, label="x")
    G.graph["prerequisites_rejected"] = [
        {"source": "ATP", "target": "DNA", "relation": "prerequisite_of", "confidence": 0.15,
         "features": {"earlier": 0.3}, "reason": "below the model's threshold"},
    ]  # fmt: skip
    info = explain_pair(G, "DNA", "ATP")
    assert info["prerequisite"] is None and info["chain"] is None
    assert info["rejected"][0]["means"] == {"earlier": "the notes name A first"}
    assert "left out (below the model's threshold)" in info["verdict"]


def test_paths_explain_a_chain_and_no_link(G):
    G.add_node("loss")
    assert explain_pair(G, "particle", "DNA")["chain"] == ["particle", "molecule", "DNA"]
    assert explain_pair(G, "particle", "loss")["verdict"] == "The notes never link them."
    with pytest.raises(UnknownConceptError):
        explain_pair(G, "particle", "nothing")


def plate_tectonics() -> nx.MultiDiGraph:
    """mantle -> convection -> plate motion -> subduction, rock -> mantle (weak), the
    everyday word "heat" -> plate motion, and subduction -> trench; "magma" named nowhere
    near them."""
    G = nx.MultiDiGraph(sources=[{"path": "geology.md"}])
    for node in ("mantle", "convection", "plate motion", "subduction", "trench", "rock"):
        G.add_node(node, definition="Said in the notes.", cards=["geology.md#1"])
    G.add_node("heat", selection={"features": {"common": 1.0}, "roles": {"mention": 9}})
    G.add_node("magma", definition="Molten rock.")
    for u, v, c in [
        ("mantle", "convection", 0.9),
        ("convection", "plate motion", 0.9),
        ("plate motion", "subduction", 0.3),
        ("rock", "mantle", 0.1),
        ("heat", "plate motion", 0.9),
        ("subduction", "trench", 0.9),
    ]:
        prerequisite(G, u, v, c, features={"explains": 0.6})
    return G


@pytest.mark.parametrize(
    ("target", "node", "why"),
    [
        ("subduction", "convection", None),  # on the path
        ("subduction", "rock", "chain to subduction (0.024 through mantle, convection, plate"),
        ("subduction", "heat", PATH_RULES["generic"]),
        ("subduction", "trench", "it comes after subduction"),
        ("subduction", "magma", "no chain of prerequisites leads from it to subduction"),
    ],
)
def test_paths_omission_says_why_a_concept_is_not_on_the_path(target, node, why):
    G = plate_tectonics()
    got = path_omission(G, target, node)
    assert (got is None) == (node in learning_path(G, target))
    assert got == why if why is None else why in got


@pytest.mark.parametrize(
    ("names", "why"),
    [
        # a heading over trench names subduction: the notes' structure, not a prerequisite
        (["subduction"], "subduction is named in a heading trench is explained under"),
        ([], "a chain of prerequisites leads from subduction to it"),
    ],
)
def test_paths_omission_says_what_puts_the_target_first(names, why):
    G = plate_tectonics()
    G.remove_edge("subduction", "trench")
    G.nodes["trench"]["under"] = [{"source": "geology.md", "line": 1, "text": "Subduction",
                                   "names": names}]  # fmt: skip
    if not names:
        prerequisite(G, "subduction", "trench", 0.9)
    assert path_omission(G, "subduction", "trench") == f"it comes after subduction: {why}"


def test_paths_omission_of_what_an_unexplained_step_is_only_named_beside():
    G = nx.MultiDiGraph()
    G.add_node("enzyme", selection={"roles": {"mention": 9}})  # never explained
    G.add_node("protein", definition="A chain of amino acids.")
    G.add_node("digestion", definition="Breaking food down.")
    prerequisite(G, "protein", "enzyme", 0.9, features={"explains": 0.6})
    prerequisite(G, "enzyme", "digestion", 0.9, features={"explains": 0.6})
    assert path_omission(G, "digestion", "protein") == PATH_RULES["unexplained"]


@pytest.mark.parametrize(
    "parent, direct, under, path",
    [
        # taught nowhere, and only a step needs it: left out
        ("catalyst", False, "", ["enzyme kinetics", "digestion"]),
        # the last word of the step's name: the class the step is a kind of
        ("kinetics", False, "", ["enzyme kinetics", "digestion"]),
        # a word the step's name is built on: what the step is about
        ("enzyme", False, "", ["enzyme", "enzyme kinetics", "digestion"]),
        # a heading over the step names it: singled out
        ("catalyst", False, "Catalysts in the gut", ["catalyst", "enzyme kinetics", "digestion"]),
        # the target itself needs it: kept, flagged as undefined
        ("catalyst", True, "", ["catalyst", "enzyme kinetics", "digestion"]),
    ],
)
def test_paths_an_untaught_concept_only_a_step_needs_is_incidental(parent, direct, under, path):
    G = nx.MultiDiGraph()
    for name in ("enzyme", "catalyst", "kinetics"):  # never explained
        G.add_node(name, selection={"roles": {"mention": 2}})
    G.add_node("enzyme kinetics", definition="How fast enzymes work.")
    G.add_node("digestion", definition="Breaking food down.")
    if under:
        heading = {"source": "n.md", "line": 1, "text": under, "names": [parent]}
        G.nodes["enzyme kinetics"]["under"] = [heading]
    prerequisite(G, "enzyme kinetics", "digestion", 0.9, features={"stated": 1.2})
    prerequisite(G, parent, "enzyme kinetics", 0.9, features={"stated": 1.2})
    if direct:
        prerequisite(G, parent, "digestion", 0.9, features={"stated": 1.2})
    assert learning_path(G, "digestion") == path
    if parent not in path:
        assert path_omission(G, "digestion", parent) == PATH_RULES["incidental"]


@pytest.mark.parametrize(
    "evidence, features, path",
    [
        # a heading names the target, the line under it only the untaught concept
        (["Limits of irrigation", "Needs a lot of fresh water"], {}, ["irrigation"]),
        # one sentence names both: the notes state it
        (["Irrigation needs fresh water."], {}, ["fresh water", "irrigation"]),
        # the target's defining sentence names it
        (
            ["Watering fields with fresh water."],
            {"in_definition": 0.6},
            ["fresh water", "irrigation"],
        ),
    ],
)
def test_paths_an_untaught_concept_no_sentence_links_to_the_step_is_apart(evidence, features, path):
    G = nx.MultiDiGraph()
    G.add_node("fresh water", selection={"roles": {"mention": 3}})  # never explained
    G.add_node("irrigation", definition="Watering fields with fresh water.")
    said = [{"source": "n.md", "line": i, "text": t} for i, t in enumerate(evidence)]
    G.add_edge(
        "fresh water",
        "irrigation",
        relation="prerequisite_of",
        confidence=0.6,
        evidence=said,
        features={"stated": 1.2, **features},
    )
    assert learning_path(G, "irrigation") == path
    if len(path) == 1:
        assert path_omission(G, "irrigation", "fresh water") == PATH_RULES["apart"]


def test_paths_omission_of_another_courses_step():
    G = nx.MultiDiGraph(sources=[{"path": "biology.md"}, {"path": "chemistry.md"}])
    G.add_node("osmosis", cards=["biology.md#2"], definition="Water crossing a membrane.")
    G.add_node("solute", definition="What is dissolved.")
    G.add_edge(
        "solute",
        "osmosis",
        relation="prerequisite_of",
        confidence=0.9,
        evidence=cited("chemistry.md"),
    )
    assert path_omission(G, "osmosis", "solute") == PATH_RULES["off_course"]


def test_paths_explain_says_why_an_ordered_concept_is_off_the_path():
    G = plate_tectonics()
    info = explain_pair(G, "rock", "subduction")
    assert info["chain"] == ["rock", "mantle", "convection", "plate motion", "subduction"]
    assert "is weaker than 0.05" in info["off_path"]
    assert info["verdict"].endswith(f"Not on subduction's learning path: {info['off_path']}.")
    assert explain_pair(G, "convection", "subduction")["off_path"] is None


# -- the real notes ---------------------------------------------------------------------------


@cache
def seeds_graph() -> nx.MultiDiGraph:
    from extraction.readers import read_paths
    from graph.build import build_graph

    return build_graph(read_paths(sorted(SEEDS.glob("*.txt"))))


@requires_shared
@pytest.mark.slow
def test_paths_seed_paths_are_explained():
    G = seeds_graph()
    for target in ("transformer", "LSTM", "backpropagation", "GAN"):
        node = resolve(G, target)
        assert node is not None, target
        steps = path_steps(G, node)
        assert steps[-1].node == node
        for step in steps[:-1]:
            info = explain_pair(G, step.node, node)
            assert info["prerequisite"] is not None or info["chain"] is not None, step.node


@pytest.mark.parametrize(
    ("attrs", "path"),
    [
        # a step the notes define: the heading over its definition frames it
        ({"definition": "Water that flows along the sea floor."}, ["swell", "current", "tide"]),
        # a step the notes only use: the heading is over a sentence that names it in
        # passing, and frames that sentence, not the step
        ({"selection": {"roles": {"mention": 3}}}, ["current", "tide"]),
    ],
)
def test_paths_a_heading_frames_only_a_step_the_notes_explain(attrs, path):
    G = nx.MultiDiGraph()
    G.add_node("tide", definition="The rise and fall of the sea.", first_seen=["sea.md", 9])
    G.add_node("current", first_seen=["sea.md", 5], **attrs)
    G.add_node("swell", definition="A long wave.", first_seen=["sea.md", 1])
    prerequisite(G, "current", "tide", 0.9)
    G.nodes["current"]["under"] = [
        {"source": "sea.md", "line": 4, "text": "Swells", "names": ["swell"]}
    ]
    assert learning_path(G, "tide") == path


@pytest.mark.parametrize(
    ("link", "path"),
    [
        # a heading over the step's definition names a concept the notes only use: the
        # heading singles it out, so it frames the step
        ("heading", ["fermentation", "leaven", "sourdough"]),
        # a defining sentence that names it may only use it: no step
        ("definition", ["leaven", "sourdough"]),
    ],
)
def test_paths_a_heading_singles_out_the_concept_it_names(link, path):
    LEAVEN = "A leaven is flour and water left to ferment by fermentation."
    said = {"source": "bread.md", "line": 6, "text": LEAVEN}
    heading = {"source": "bread.md", "line": 5, "text": "Fermentation in a starter"}
    G = nx.MultiDiGraph()
    G.add_node("fermentation", selection={"roles": {"mention": 3}})  # never explained
    G.add_node("leaven", definition=LEAVEN, definition_evidence=said)
    G.add_node("sourdough", definition="Bread raised by a leaven.")
    prerequisite(G, "leaven", "sourdough", 0.9)
    if link == "heading":
        G.nodes["leaven"]["under"] = [heading | {"names": ["fermentation"]}]
    else:
        G.add_edge("fermentation", "leaven", relation="related_to", evidence=[said])
    assert learning_path(G, "sourdough") == path


ERODES = "Erosion carries away the rock that weathering has loosened."


@pytest.mark.parametrize(
    ("confidence", "link", "strengths"),
    [
        # weathering -> erosion -> sediment -> soil: 0.3 x 0.35 x 0.6 = 0.063, over
        # PATH_MIN_STRENGTH: a step of ordinary confidences, three links from the target
        (0.3, None, [0.063, 0.21, 0.6, 1.0]),
        # the defining sentence of erosion names weathering: the notes state the link
        # the prerequisite makes, so weathering is as strong as erosion (0.21)
        (0.3, "definition", [0.21, 0.21, 0.6, 1.0]),
        # a heading that lists weathering before erosion states it too
        (0.3, "listed", [0.21, 0.21, 0.6, 1.0]),
        # a heading over erosion that merely names weathering is a topic, not a statement
        (0.3, "heading", [0.063, 0.21, 0.6, 1.0]),
        # 0.2 x 0.35 x 0.6 = 0.042: too weak to carry weight for soil, and the defining
        # sentence of erosion does not bring weathering onto soil's path
        (0.2, None, [0.21, 0.6, 1.0]),
        (0.2, "definition", [0.21, 0.6, 1.0]),
        (0.2, "listed", [0.21, 0.6, 1.0]),
    ],
)
def test_paths_a_prerequisite_the_notes_structure_also_states_keeps_its_step(
    confidence, link, strengths
):
    G = nx.MultiDiGraph()
    for node, line in [("rock", 1), ("weathering", 2), ("sediment", 3), ("erosion", 4)]:
        G.add_node(node, definition="Said in the notes.", first_seen=["rock.md", line])
    G.add_node("soil", definition="Said in the notes.", first_seen=["rock.md", 9])
    said = {"source": "rock.md", "line": 4, "text": ERODES}
    prerequisite(G, "erosion", "sediment", 0.35)
    prerequisite(G, "sediment", "soil", 0.6)
    prerequisite(G, "rock", "weathering", 0.5)  # what weathering needs: 0.032 at most
    G.add_edge("weathering", "erosion", relation="prerequisite_of", confidence=confidence,
               evidence=[said if link == "definition" else EV[0]])  # fmt: skip
    if link == "definition":
        G.nodes["erosion"].update(definition=ERODES, definition_evidence=said)
    text = {"listed": "Weathering and erosion", "heading": "Weathering"}.get(link)
    if text:
        names = ["weathering", "erosion"] if link == "listed" else ["weathering"]
        G.nodes["erosion"]["under"] = [
            {"source": "rock.md", "line": 1, "text": text, "names": names}
        ]
    path = ["weathering", "erosion", "sediment", "soil"][-len(strengths) :]
    assert learning_path(G, "soil") == path
    assert [round(s.strength, 3) for s in path_steps(G, "soil")] == strengths
    assert path_omission(G, "soil", "rock").startswith("its strongest chain to soil (0.0")
    if confidence == 0.2:
        assert path_omission(G, "soil", "weathering").startswith(
            "its strongest chain to soil (0.042 through erosion, sediment)"
        )


def test_paths_a_name_inside_the_defined_name_is_not_named_by_the_definition():
    # "ocean trench" contains "ocean": its defining sentence names "plate", not "ocean"
    said = {"source": "sea.md", "line": 5, "text": "An ocean trench forms where a plate sinks."}
    G = nx.MultiDiGraph()
    G.add_node("ocean trench", definition=said["text"], definition_evidence=said)
    for node in ("ocean", "plate"):
        G.add_node(node, definition="Said in the notes.")
        G.add_edge(node, "ocean trench", relation="related_to", confidence=0.3, evidence=[said])
    assert defining_names(G, "ocean trench") == ["plate"]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # a clause after a semicolon that tells another thing through the concept
        ("A trench is a deep rift; a canyon is a trench cut by a river.", []),
        # one of another subject that does not name the concept still tells it
        ("A trench is a deep rift; a canyon often lies beside it.", ["canyon"]),
        # one that opens with the concept's own name tells it
        ("A trench is a deep rift; the trench is cut by a canyon.", ["canyon"]),
    ],
)
def test_paths_a_clause_telling_another_thing_names_nothing_for_the_definition(text, named):
    said = {"source": "sea.md", "line": 5, "text": text}
    G = nx.MultiDiGraph()
    G.add_node("trench", definition=text, definition_evidence=said)
    G.add_node("canyon", definition="Said in the notes.")
    G.add_edge("canyon", "trench", relation="related_to", confidence=0.3, evidence=[said])
    assert defining_names(G, "trench") == named


@pytest.mark.parametrize(
    ("relation", "named"),
    [
        ("used_for", []),  # "Used in glaze firing": where kiln wash leads
        ("causes", []),  # "Leads to crazing"
        ("uses", ["glaze firing"]),  # what it needs is read first
    ],
)
def test_paths_a_definition_naming_where_the_concept_leads_gives_no_step(relation, named):
    text = "A coating that keeps glaze off the shelf. Used in glaze firing"
    said = {"source": "kiln.md", "line": 3, "text": text}
    G = nx.MultiDiGraph()
    G.add_node("kiln wash", definition=text, definition_evidence=said)
    G.add_node("glaze firing", definition="Said in the notes.")
    G.add_edge("kiln wash", "glaze firing", relation=relation, confidence=0.5, evidence=[said])
    assert defining_names(G, "kiln wash") == named


KIN = {"kin": 0.3, "earlier": 0.28}


@pytest.mark.parametrize(
    ("target", "path"),
    [
        # kinds of one thing taught in turn: only the last one before the target is a step
        ("cross stitch", ["needle", "back stitch", "cross stitch"]),
        # and only one such step: the kind before a kind is an alternative
        ("smocking", ["needle", "back stitch", "cross stitch", "smocking"]),
    ],
)
def test_paths_kinds_taught_in_turn_give_one_step(target, path):
    G = nx.MultiDiGraph()
    for i, node in enumerate(["needle", "running stitch", "back stitch", "cross stitch"]):
        G.add_node(node, first_seen=["n.txt", i + 1], definition="A stitch.")
    G.add_node("smocking", first_seen=["n.txt", 9], definition="Gathered stitching.")
    prerequisite(G, "needle", "back stitch", 0.6, features={"in_definition": 0.6})
    prerequisite(G, "running stitch", "back stitch", 0.3, features=KIN)
    prerequisite(G, "running stitch", "cross stitch", 0.3, features=KIN)
    prerequisite(G, "back stitch", "cross stitch", 0.3, features=KIN)
    prerequisite(G, "cross stitch", "smocking", 0.6, features={"in_definition": 0.6})
    assert learning_path(G, target) == path
    assert "running stitch" not in learning_path(G, target)
