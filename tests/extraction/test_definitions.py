"""Definitions from instruction cards: "Define X", "What is meant by X?", "X -- define"
give X the answer, whole, as its definition; an instruction that asks how or why, or
something else about X, does not."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from extraction.concepts import extract_concepts
from extraction.concepts.definitions import (
    about_another_name,
    asks_what_it_is,
    says_how_it_is_handled,
)
from extraction.logistic import LogisticModel
from extraction.records import Card, Emphasis


def card(title: str, body: str, *, kind: str = "question") -> Card:
    lines = body.splitlines() or [""]
    return Card(
        id="n.txt#1",
        source="n.txt",
        format="test",
        lines=(10, 10 + len(lines)),
        title=title,
        body=body,
        title_line=10,
        body_lines=tuple(range(11, 11 + len(lines))),
        title_kind=kind,
    )


def definition_of(title: str, answer: str, name: str, kind: str = "question") -> str:
    index = extract_concepts(
        [card(title, answer, kind=kind)], model=LogisticModel((), (), bias=10.0)
    )
    found = index.find(name)
    assert found is not None, name
    return index.concepts[found].definition


@pytest.mark.parametrize(
    ("title", "kind", "answer", "name"),
    [
        ("What is meant by osmosis?", "question", "water crossing a membrane", "osmosis"),
        ("What is meant by the term subduction?", "question", "when a plate sinks", "subduction"),
        ("What do you understand by inflation?", "question", "a rise in prices", "inflation"),
        ("Give the definition of a hash table", "question", "a map of keys to slots", "hash table"),
        ("Define the term buffer", "question", "a solution holding its pH", "buffer"),
        ("Define: plate tectonics", "question", "the theory of moving plates", "plate tectonics"),
        ("Outline hashing", "question", "the process by which keys become slots", "hashing"),
        ("Explain what a hash table is", "question", "a map of keys to slots", "hash table"),
        ("Osmosis — define", "term", "water crossing a membrane", "osmosis"),
        ("Briefly describe subduction", "term", "when a plate sinks", "subduction"),
        ("Definition of inflation", "term", "a rise in prices", "inflation"),
    ],
)
def test_definitions_an_instruction_card_defines_its_subject(title, kind, answer, name):
    assert definition_of(title, answer, name, kind) == answer


@pytest.mark.parametrize(
    ("title", "answer", "name"),
    [
        ("Explain why osmosis stops", "the pressure on both sides becomes equal", "osmosis"),
        ("Describe how subduction starts", "a dense plate sinks under a lighter one", "subduction"),
        ("Compare osmosis and diffusion", "both move particles down a gradient", "osmosis"),
        ("Describe the stages of mitosis", "prophase, metaphase and anaphase", "mitosis"),
    ],
)
def test_definitions_an_instruction_that_asks_something_else_defines_nothing(title, answer, name):
    index = extract_concepts(
        [card(title, answer), card("Notes", f"Some {name} notes.", kind="heading")],
        model=LogisticModel((), (), bias=10.0),
    )
    found = index.find(name)
    assert found is None or index.concepts[found].definition == ""


@pytest.mark.parametrize(
    ("title", "asked"),
    [
        ("What is meant by osmosis?", True),
        ("What do you understand by entropy?", True),
        ("Give the definition of a hash table", True),
        ("Osmosis — define", True),
        ("Briefly describe subduction", True),
        ("Outline plate tectonics", True),
        ("Explain why ice floats", False),
        ("Describe how a heap grows", False),
        ("Explain osmosis", True),
        ("List the types of rock", False),
    ],
)
def test_definitions_asks_what_it_is_reads_instruction_shapes(title, asked):
    assert asks_what_it_is(title) is asked


@pytest.mark.parametrize(
    ("title", "answer", "name", "defined"),
    [
        ("What is the function of the spleen?", "Remove old cells from the blood", "spleen", True),
        ("What does a load balancer do?", "Distribute requests to servers", "load balancer", True),
        ("What is a thermostat used for?", "Maintain a set temperature", "thermostat", True),
        ("Describe titration", "Slowly add the base and record the volume.", "titration", False),
        ("Explain osmosis", "Compare the two solutions before and after.", "osmosis", False),
    ],
)
def test_definitions_a_verb_answering_what_x_does_says_what_it_does(title, answer, name, defined):
    assert bool(definition_of(title, answer, name)) is defined


@pytest.mark.parametrize(
    ("title", "answer", "name", "defined"),
    [
        ("Explain erosion", "Weathering in Coastal Regions", "erosion", False),
        ("Define inflation", "Price Levels And Interest Rates", "inflation", False),
        ("Define ATP", "Adenosine Triphosphate", "ATP", True),
        ("Define erosion", "Wearing Away of rock by water and wind", "erosion", True),
    ],
)
def test_definitions_an_answer_set_like_a_heading_is_no_definition(title, answer, name, defined):
    assert bool(definition_of(title, answer, name)) is defined


@pytest.mark.parametrize(
    ("title", "asked"),
    [
        ("What does a volcano erupt?", False),
        ("What do enzymes break down?", False),
        ("What did the French revolution abolish?", False),
        ("What does a kiln do?", False),
        ("What does DNA stand for?", True),
        ("What does osmosis mean?", True),
        ("What does it mean to titrate a solution?", True),
    ],
)
def test_definitions_asks_what_it_is_not_what_it_does_to_something(title, asked):
    assert asks_what_it_is(title) is asked


@pytest.mark.parametrize(
    ("title", "answer", "name"),
    [
        ("What does a volcano erupt?", "Molten rock and clouds of hot ash.", "volcano"),
        ("What do enzymes break down?", "Large molecules such as starch", "enzyme"),
    ],
)
def test_definitions_an_answer_to_what_x_does_to_something_defines_nothing(title, answer, name):
    assert definition_of(title, answer, name) == ""


def prose_definition(sentences: list[str], name: str) -> str:
    """The definition of ``name`` in a section of prose under a heading."""
    body = "\n".join(sentences)
    index = extract_concepts(
        [card("Notes", body, kind="heading")], model=LogisticModel((), (), bias=10.0)
    )
    found = index.find(name)
    return "" if found is None else index.concepts[found].definition


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("If an enzyme is a catalyst of digestion, its shape matters.", "enzyme"),
        ("Since osmosis is a slow process, cells swell over hours.", "osmosis"),
        ("Another enzyme is lipase, which breaks down fats.", "enzyme"),
        ("Hash tables are fast. Another hash table is a trie of buckets.", "hash table"),
    ],
)
def test_definitions_a_condition_or_another_member_is_no_definition(sentence, name):
    definition = prose_definition([sentence], name)
    assert not definition.startswith(("If ", "Since ", "Another "))
    assert "Another" not in definition


@pytest.mark.parametrize(
    ("text", "name", "definition"),
    [
        ("Swamp soil: Drainage appears to be the best remedy for swamp soil.", "swamp soil", ""),
        ("Ocean crust: Subduction is the usual fate of ocean crust.", "ocean crust", ""),
        (
            "Swamp soil: Soil that stays wet all year.",
            "swamp soil",
            "Soil that stays wet all year.",
        ),
        (
            "An enzyme is a protein that speeds up a reaction.",
            "enzyme",
            "An enzyme is a protein that speeds up a reaction.",
        ),
    ],
)
def test_definitions_a_sentence_naming_its_term_only_after_a_preposition_is_none(
    text, name, definition
):
    assert prose_definition([text], name) == definition


@pytest.mark.parametrize(
    ("sentence", "name", "defined"),
    [
        ("A glacier is a slow, dense mass of ice.", "glacier", True),
        ("Pepsin is a small, stable enzyme of the stomach.", "pepsin", True),
        ("Magma is a hot, partly molten rock under the crust.", "magma", True),
        # a comma after a describing word with no article: a second clause, no definition
        ("Osmosis is slow, water crosses the membrane over hours.", "osmosis", False),
    ],
)
def test_definitions_describing_words_set_apart_by_a_comma_still_define(sentence, name, defined):
    assert bool(prose_definition([sentence], name)) is defined


@pytest.mark.parametrize(
    ("sentence", "name", "defined"),
    [
        # the tagger reads the noun after "The" as an adverb here
        ("The troposphere is the lowest layer of air.", "troposphere", True),
        ("The ionosphere is a thin layer of the upper air.", "ionosphere", True),
        # a word in -ly is no subject name
        ("The only way is up.", "way", False),
    ],
)
def test_definitions_a_subject_the_tagger_misreads_is_still_defined(sentence, name, defined):
    assert bool(prose_definition([sentence], name)) is defined


@pytest.mark.parametrize(
    ("heading", "sentence", "name", "defined"),
    [
        ("Xylem", "Xylem carries water from the roots to the leaves.", "xylem", True),
        (
            "Plate tectonics",
            "Plate tectonics explains why mountains rise.",
            "plate tectonics",
            True,
        ),
        ("Hash tables", "A hash table compares keys by their hashes.", "hash table", True),
        # a plural noun may go on the name: no verb there
        ("Enzymes", "Enzyme levels rise after a meal.", "enzyme", False),
        # a word that is also a plural noun is the verb when an object follows
        ("Seismograph", "A seismograph records the motion of the ground.", "seismograph", True),
        ("Albedo", "Albedo measures how much light a surface reflects.", "albedo", True),
        ("Interest", "Interest rates fell last year.", "interest", False),
    ],
)
def test_definitions_a_heading_card_opening_with_what_its_subject_does_defines_it(
    heading, sentence, name, defined
):
    assert bool(definition_of(heading, sentence, name, kind="heading")) is defined


@pytest.mark.parametrize(
    ("heading", "sentence", "name", "defined"),
    [
        ("Moraine", "A ridge of rock debris left at the edge of a glacier.", "moraine", True),
        ("Rain gauge", "An instrument that measures rainfall.", "rain gauge", True),
        ("Levee", "A bank of silt built up along a river by its floods.", "levee", True),
        # a statement about something else, however it opens
        ("Erosion", "A storm strips a beach of its sand in one night.", "erosion", False),
        ("Levee", "A common way to stop floods is to build levees.", "levee", False),
        ("Moraine", "A moraine near the lake is dated to the last ice age?", "moraine", False),
        # "The ..." and no article: the same noun phrase with no verb of its own
        ("Tariff", "The tax that a state charges on goods brought in.", "tariff", True),
        ("Quota", "The largest amount of a good that may be imported.", "quota", True),
        ("Embargo", "Ban on trade with a named country.", "embargo", True),
        ("Dumping", "Selling of goods abroad below their cost at home.", "dumping", True),
        ("Subsidy", "Money paid by a state to firms that are making a good.", "subsidy", True),
        # a statement, whatever it opens with
        ("Tariff", "The state raised its tariffs on steel last year.", "tariff", False),
        ("Quota", "The importers pay more when quotas bind.", "quota", False),
        ("Embargo", "Embargoes hurt both sides of a trade.", "embargo", False),
        ("Subsidy", "Farming gets large subsidies in many countries.", "subsidy", False),
        ("Dumping", "Compare the export price with the home price.", "dumping", False),
        ("Quota", "The quota that we studied was set too low.", "quota", False),
        ("Levy", "A charge that is paid on each unit imported.", "levy", True),
        # a line that places the notes in a course is no gloss of the title over it
        ("Trade policy", "Lecture 4 - Tariffs and the quotas they set", "trade policy", False),
        ("Trade policy", "Week 3: tariffs, quotas and other barriers", "trade policy", False),
        ("Trade policy", "Unit IV - Barriers to trade between states", "trade policy", False),
    ],
)
def test_definitions_a_heading_card_opening_with_a_gloss_defines_it(
    heading, sentence, name, defined
):
    assert bool(definition_of(heading, sentence, name, kind="heading")) is defined


@pytest.mark.parametrize(
    ("body", "defined"),
    [
        ("The tax that a state charges on goods brought in.", True),
        # a section of prose: its opening noun phrase is no glossary entry
        (
            "The tax that a state charges on goods brought in. Rates vary. Some fall. Others rise.",
            False,
        ),
        ("A tax that a state charges on goods. Rates vary. Some fall. Others rise.", True),
        # a plural with no article glosses when what follows goes on the noun: a
        # preposition, or a relative clause with no "that"; not when a verb follows
        ("Duties on goods brought in from abroad.", True),
        ("Levies we pay on goods brought in from abroad.", True),
        ("Duties rose sharply on goods from abroad.", False),
    ],
)
def test_definitions_a_gloss_with_the_or_no_article_defines_only_a_glossary_entry(body, defined):
    assert bool(definition_of("Tariff", body, "tariff", kind="heading")) is defined


@pytest.mark.parametrize(
    ("sentence", "name", "defined"),
    [
        ("Enthalpy is defined as the heat content of a system.", "enthalpy", True),
        ("Albedo is usually defined as the share of light reflected.", "albedo", True),
        # "defined" without "as" says nothing of what it is
        ("Osmosis is defined by the membrane it crosses.", "osmosis", False),
    ],
)
def test_definitions_is_defined_as_defines_its_subject(sentence, name, defined):
    assert bool(prose_definition([sentence, "Other text follows here."], name)) is defined


def _with_bold(body: str, bold: str):
    """The concepts of a heading card ``body`` whose run ``bold`` is set in bold, every
    candidate kept."""
    start = body.index(bold)
    bolded = replace(
        card("Notes", body, kind="heading"),
        emphasis=(Emphasis("body", start, start + len(bold), "bold"),),
    )
    return extract_concepts([bolded], model=LogisticModel((), (), bias=10.0))


@pytest.mark.parametrize(
    ("body", "bold", "defined"),
    [
        # only an article before the stressed name, then what it is or was
        ("The Marshall Plan was an American scheme to rebuild Europe.", "Marshall Plan", True),
        ("The Maginot Line was France's wall of forts.", "Maginot Line", True),
        ("The mantle is the layer under the crust.", "mantle", True),
        # what befell it, or what it did, says not what it is
        ("The guillotine was used in the French revolution.", "guillotine", False),
        ("The armistice of 1918 ended the fighting.", "armistice", False),
    ],
)
def test_definitions_stressed_name_after_an_article_and_a_copula_is_defined(body, bold, defined):
    index = _with_bold(body, bold)
    found = index.find(bold)
    assert found is not None
    assert bool(index.concepts[found].definition) is defined


@pytest.mark.parametrize(
    ("body", "bold", "defined"),
    [
        # a stressed name closing a copula after a subject of its own
        ("The rocky outer layer of the planet is the crust.", "crust", True),
        ("The mantle flows; everything above it is the crust.", "crust", True),
        # set in apposition to a subject the sentence says something of
        ("Its outer layer, the crust, is thin and cold.", "crust", True),
        # after a possessive: "its" points back at the subject's thing
        ("A plate drifts; the layer under it is its mantle.", "mantle", True),
        # a pronoun alone, or the name as an object, says nothing of it
        ("It is the crust.", "crust", False),
        # nor does the explanation of a label
        ("Plate: a slab, its edges are the faults.", "faults", False),
        ("Geologists drill into the crust every year.", "crust", False),
    ],
)
def test_definitions_stressed_name_said_by_the_subject_before_it_is_defined(body, bold, defined):
    index = _with_bold(body, bold)
    found = index.find(bold)
    assert found is not None
    assert bool(index.concepts[found].definition) is defined


@pytest.mark.parametrize(
    ("title", "body", "defined"),
    [
        # a section headed by a statement's name states it first
        ("Second law of grazing", "If a pasture is grazed twice, it recovers half as fast.", True),
        ("Lind's pruning rule", "Never cut more than a third of a shrub in one year.", True),
        # a section on several, or on a thing, is stated by nothing
        ("Laws of grazing", "If a pasture is grazed twice, it recovers half as fast.", False),
        ("Pruning kit", "If a blade is blunt, it tears the bark.", False),
    ],
)
def test_definitions_a_section_on_a_statement_is_defined_by_its_first_sentence(
    title, body, defined
):
    index = extract_concepts(
        [card(title, body, kind="heading")], model=LogisticModel((), (), bias=10.0)
    )
    found = index.find(title)
    assert found is not None
    assert bool(index.concepts[found].definition) is defined


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # "A coset of $H$ is ...": the formula dropped, its preposition left
        ("A coset of is a shifted copy of a subgroup.", "coset"),
        ("A lattice of is a grid of points spaced evenly.", "lattice"),
    ],
)
def test_definitions_a_preposition_left_by_a_dropped_formula_still_defines(sentence, name):
    assert prose_definition([sentence], name) == sentence


@pytest.mark.parametrize(
    ("before", "sentence", "bold"),
    [
        (
            "Stars fuse hydrogen for most of their lives.",
            "A red dwarf is a small, cool star.",
            "red dwarf",
        ),
        (
            "Europe was in ruins in 1945. Millions had lost their homes.",
            "The Marshall Plan was an American scheme to rebuild Europe.",
            "Marshall Plan",
        ),
    ],
)
def test_definitions_stressed_name_opening_a_later_sentence_of_a_paragraph_is_defined(
    before, sentence, bold
):
    index = _with_bold(f"{before} {sentence} It is discussed again later.", bold)
    found = index.find(bold)
    assert found is not None
    assert index.concepts[found].definition.startswith(sentence)


def test_definitions_a_lone_adjective_does_not_name_the_concept():
    body = (
        "In an isothermal process the temperature stays constant.\n"
        "In an adiabatic process no heat is exchanged.\n"
        "The Carnot cycle is made of two isothermal and two adiabatic processes."
    )
    index = extract_concepts(
        [card("Notes", body, kind="heading")], model=LogisticModel((), (), bias=10.0)
    )
    assert "isothermal" in index.concepts["isothermal process"].aliases
    assert "isothermal" not in index.concepts


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The law of demand states that buyers want less at a higher price.", "law of demand"),
        (
            "The second law of motion says that force equals mass times acceleration.",
            "second law of motion",
        ),
        ("Hooke's law states that a spring stretches in proportion to the load.", "hooke's law"),
    ],
)
def test_definitions_a_law_that_states_something_is_defined_by_it(sentence, name):
    assert prose_definition([sentence, "Other text follows here."], name) == sentence


@pytest.mark.parametrize(
    ("body", "bold", "definition"),
    [
        # the notes go on about something else: the definition is its own sentence
        (
            "Nationalism is loyalty to one's nation. Slav unrest grew in the Balkans.",
            "Nationalism",
            "Nationalism is loyalty to one's nation.",
        ),
        # a sentence that refers back to it goes on defining it
        (
            "Osmosis is the movement of water. It needs a membrane. Plants wilt in salt.",
            "Osmosis",
            "Osmosis is the movement of water. It needs a membrane.",
        ),
    ],
)
def test_definitions_a_sentence_of_running_text_ends_where_the_notes_move_on(
    body, bold, definition
):
    start = body.index(bold)
    bolded = replace(
        card("Notes", body, kind="heading"),
        emphasis=(Emphasis("body", start, start + len(bold), "bold"),),
    )
    index = extract_concepts([bolded], model=LogisticModel((), (), bias=10.0))
    assert index.concepts[index.find(bold)].definition == definition


@pytest.mark.parametrize(
    ("item", "sub_item", "definition"),
    [
        # a stressed term alone on its item is defined by the first item under it
        ("**starter**", "flour and water left to ferment together", True),
        ("**proving**", "proving lets the yeast fill the dough with gas", True),
        ("**kneading**:", "trying to stretch the gluten without tearing it", True),
        # a label opening a list of its own, a fragment, an analogy
        ("**dough**", "wet dough:", False),
        ("**shape loaves:**", "with floured hands", False),
        ("**sourdough starter**", "like a cool cellar for the yeast you feed", False),
    ],
)
def test_definitions_first_sub_item_defines_a_stressed_item(item, sub_item, definition):
    from extraction.concepts.candidates import first_sub_item
    from extraction.concepts.segments import segments_of
    from extraction.readers import read_bytes

    note = f"## Baking\n\n- {item}\n  - {sub_item}\n  - more about it here\n".encode()
    segs = [s for f in segments_of(read_bytes(note, path="n.md").cards) for s in f]
    seg = next(s for s in segs if s.kind == "item" and s.depth == 0)
    assert (first_sub_item(seg) == sub_item) is definition


def test_definitions_first_sub_item_needs_a_nested_item():
    from extraction.concepts.candidates import first_sub_item
    from extraction.concepts.segments import segments_of
    from extraction.readers import read_bytes

    note = b"## Study\n\n- **chunks**\n- pieces of information bound together by use\n"
    segs = [s for f in segments_of(read_bytes(note, path="n.md").cards) for s in f]
    assert first_sub_item(next(s for s in segs if s.text == "chunks")) == ""


@pytest.mark.parametrize(
    ("sentences", "name", "definition"),
    [
        # a copula the sentence patterns miss ("is the only ..."), said in running text
        (
            ["A keystone is the only stone that locks the arch."],
            "keystone",
            "A keystone is the only stone that locks the arch.",
        ),
        # one word after a word that owns it: what it is here, not in general
        (["Its output is the only list that the merge returns."], "output", ""),
        # a clause after a semicolon that opens with the name
        (
            ["The nave seats the congregation; transepts are the arms that cross it."],
            "transept",
            "transepts are the arms that cross it.",
        ),
        (["Erosion is how rivers carve their valleys."], "erosion", None),
        # an apposition after the name
        (
            ["Sailors watch the leeway, which is the sideways drift of a boat."],
            "leeway",
            "Sailors watch the leeway, which is the sideways drift of a boat.",
        ),
        (
            ["Builders spread mortar, a paste that binds the bricks together."],
            "mortar",
            "Builders spread mortar, a paste that binds the bricks together.",
        ),
        # an apposition inside an instruction still says what the name is
        (
            ["Maximise the albedo, which is the share of light a surface reflects."],
            "albedo",
            "Maximise the albedo, which is the share of light a surface reflects.",
        ),
        # a list going on, a clause of its own, a plural noun, a condition: none
        (["Along the rows of vines, a worker picked grapes by hand."], "vine", ""),
        (["Group means should differ between the two soils."], "group", ""),
        (["If the leeway is a problem, the crew reefs the sails."], "leeway", ""),
    ],
)
def test_definitions_a_sentence_of_running_text_that_says_what_it_is_defines_it(
    sentences, name, definition
):
    found = prose_definition(sentences, name)
    if definition is None:
        assert found.startswith(sentences[0].rstrip("."))
    else:
        assert found == definition


@pytest.mark.parametrize(
    ("name", "defined"),
    [("kiln", True), ("oven", False)],
)
def test_definitions_a_title_asking_first_what_it_is_then_something_else_defines_it(name, defined):
    title = "What is a kiln, and how does it differ from an oven?"
    answer = "A furnace that fires pottery and bricks at very high heat."
    found = definition_of(title, answer, name)
    assert (found == answer) is defined


@pytest.mark.parametrize(
    ("heading", "body", "name", "definition"),
    [
        # the paragraph leads in with a question, then says what its subject does
        (
            "Kilns",
            "Why not an oven? Kilns fire clay at far higher heat than any oven.",
            "kiln",
            "Kilns fire clay at far higher heat than any oven.",
        ),
        # a plural name and an auxiliary, or a verb with no object: no definition
        ("Kilns", "Why not an oven? Kilns can crack in the cold.", "kiln", ""),
        ("Glazes", "Why gloss? Glazes differ in how much they shine.", "glaze", ""),
    ],
)
def test_definitions_a_section_opening_that_says_what_its_subject_does_defines_it(
    heading, body, name, definition
):
    assert definition_of(heading, body, name, kind="heading") == definition


def test_definitions_a_plain_definition_goes_before_the_answer_to_two_questions():
    two = card(
        "What is a kiln, and how does it differ from an oven?",
        "A furnace that fires pottery, unlike ovens and stoves.",
    )
    plain = replace(
        card("What is a kiln?", "A chamber that hardens clay by heat."),
        id="n.txt#2",
        lines=(20, 21),
        title_line=20,
        body_lines=(21,),
    )
    index = extract_concepts([two, plain], model=LogisticModel((), (), bias=10.0))
    found = index.find("kiln")
    assert found is not None
    assert index.concepts[found].definition == "A chamber that hardens clay by heat."


@pytest.mark.parametrize(
    ("title", "answer", "name", "definition"),
    [
        # a predicate with no subject of its own says more of the concept: kept, set off
        (
            "What is bisque firing?",
            "the first firing of unglazed clay\nhardens the ware so it can be handled",
            "bisque firing",
            "the first firing of unglazed clay; hardens the ware so it can be handled",
        ),
        # a fact with a subject of its own is about something else: left out
        (
            "What is wedging?",
            "kneading clay to remove trapped air\nair bubbles can burst during firing",
            "wedging",
            "kneading clay to remove trapped air",
        ),
        # a line that carries on the sentence of the line before joins it
        (
            "What is a bight?",
            "a curved section of rope\nwhich does not cross itself",
            "bight",
            "a curved section of rope which does not cross itself",
        ),
        (
            "What is sheet erosion?",
            "rain washing away soil in thin layers\ngradually exposing the rock below",
            "sheet erosion",
            "rain washing away soil in thin layers, gradually exposing the rock below",
        ),
        # short parallel items, each a name of its own: the list is what it is
        (
            "What does RICE stand for?",
            "Rest the limb\nIce the injury\nCompression bandage\nElevation of the limb",
            "RICE",
            "Rest the limb; Ice the injury; Compression bandage; Elevation of the limb",
        ),
        # a line opening with an auxiliary carries on the subject of the line before
        (
            "What is a sea breeze?",
            "cool air from the sea\ncan reach far inland on hot afternoons",
            "sea breeze",
            "cool air from the sea can reach far inland on hot afternoons",
        ),
        # a closed first line long enough: the next line is not needed
        (
            "What is a moraine?",
            "A ridge of rock and debris left behind by a glacier.\nMoraines mark old ice.",
            "moraine",
            "A ridge of rock and debris left behind by a glacier.",
        ),
    ],
)
def test_definitions_an_answer_typed_one_fact_a_line_keeps_its_lines_apart(
    title, answer, name, definition
):
    assert definition_of(title, answer, name) == definition


@pytest.mark.parametrize(
    ("sentences", "name", "definition"),
    [
        # a sentence that only points ahead to the name defines nothing
        (
            ["The usual remedy is known as the Weiss method, which we'll look at later."],
            "weiss method",
            "",
        ),
        (
            ["The largest one is called the Ross shelf, which will be covered next week."],
            "ross shelf",
            "",
        ),
        # a sentence that says what it is before the promise still defines it
        (
            ["The Ross shelf is a floating sheet of ice, which we will study later."],
            "ross shelf",
            "The Ross shelf is a floating sheet of ice, which we will study later.",
        ),
    ],
)
def test_definitions_a_sentence_pointing_ahead_to_a_name_defines_nothing(
    sentences, name, definition
):
    assert prose_definition(sentences, name) == definition


@pytest.mark.parametrize(
    ("body", "bold", "defined"),
    [
        # the stress marks where the name ends: "forces" is its verb, not a plural noun
        ("An espresso machine forces hot water through ground coffee.", "espresso machine", True),
        ("A portafilter holds the coffee grounds in place.", "portafilter", True),
        # a bracket glossing the name is no part of the clause
        ("The portafilter (or group handle) holds the coffee grounds.", "portafilter", True),
        # a finite verb after the word: it was a noun going on the name
        ("Espresso machine forces can vary a lot.", "Espresso machine", False),
    ],
)
def test_definitions_a_stressed_name_opening_a_sentence_with_a_verb_is_defined(body, bold, defined):
    index = _with_bold(body, bold)
    found = index.find(bold)
    assert found is not None
    assert bool(index.concepts[found].definition) is defined


@pytest.mark.parametrize(
    ("sentences", "name", "definition"),
    [
        # a name a sentence sets apart as the whole subject of what it does is defined by
        # that sentence when nothing says what it is
        (
            ["The cook heats the oil first.", "Blanching stops the enzymes in the beans."],
            "blanching",
            "Blanching stops the enzymes in the beans.",
        ),
        (
            ["Heat the pan.", "A colander drains the water from cooked pasta."],
            "colander",
            "A colander drains the water from cooked pasta.",
        ),
        # a plural tells what some instances do: no described name, no definition
        (["Heat the pan.", "Cast iron pans keep heat for a long time."], "cast iron pan", ""),
        # a sentence on "the" one is about the notes' own thing: what it does there
        # defines no kind
        (
            ["In a relay race each runner passes a baton.", "The relay race ends at the line."],
            "relay race",
            "",
        ),
    ],
)
def test_definitions_a_described_name_is_defined_by_what_it_does(sentences, name, definition):
    assert prose_definition(sentences, name) == definition


@pytest.mark.parametrize(
    ("sentence", "name", "defined"),
    [
        # a symbol written after the name, before the copula, is no part of the clause
        ("The sample median M(X) is the middle value of the data.", "sample median", True),
        ("The growth rate G is the yearly change in output.", "growth rate", True),
    ],
)
def test_definitions_a_symbol_after_the_name_leaves_it_defined(sentence, name, defined):
    assert bool(prose_definition(["Read the chart.", sentence], name)) is defined


@pytest.mark.parametrize(
    ("sentences", "name", "definition"),
    [
        # a clause set against the first by "while"/"whereas" tells the name apart by what
        # it does: the sentence's clause (up to a semicolon) defines it
        (
            ["Heat the pan.", "A gas oven heats unevenly, while a slow cooker keeps food warm."],
            "slow cooker",
            "A gas oven heats unevenly, while a slow cooker keeps food warm.",
        ),
        (
            [
                "Heat the pan.",
                "Ovens vary; a gas oven heats unevenly, while a slow cooker keeps food warm.",
            ],
            "slow cooker",
            "a gas oven heats unevenly, while a slow cooker keeps food warm.",
        ),
    ],
)
def test_definitions_a_name_set_against_another_is_defined_by_its_clause(
    sentences, name, definition
):
    assert prose_definition(sentences, name) == definition


def test_definitions_the_fuller_text_of_the_same_sentence_from_its_card_wins():
    body = (
        "Backwashing is a way of cleaning a sand filter. It reverses the flow of water"
        " through the bed. Pumps need power."
    )
    index = extract_concepts(
        [card("Backwashing", body, kind="heading")], model=LogisticModel((), (), bias=10.0)
    )
    found = index.find("backwashing")
    assert found is not None
    assert index.concepts[found].definition == (
        "Backwashing is a way of cleaning a sand filter. It reverses the flow of water through"
        " the bed."
    )


@pytest.mark.parametrize(
    ("sentences", "name", "defined"),
    [
        # what it is made of says what it is
        (["Trusses are built from straight beams joined in triangles."], "truss", True),
        (["A molecule consists of two or more atoms bound together."], "molecule", True),
        # where or when it is made does not
        (["Trusses are built in a yard near the river."], "truss", False),
    ],
)
def test_definitions_what_it_is_made_of_defines_it(sentences, name, defined):
    assert bool(prose_definition(sentences, name)) is defined


@pytest.mark.parametrize(
    ("title", "asked"),
    [
        # what is wrong with X, or the idea behind X, is not what X is: an answer such as
        # "Wells prone to silting" is no genus of X
        ("What is the problem with deep glaciers?", False),
        ("What is the trouble with averages?", False),
        ("What is the intuition behind erosion?", False),
        # a name of its own
        ("What is the problem of induction?", True),
    ],
)
def test_definitions_asks_what_it_is_not_what_is_wrong_with_it(title, asked):
    assert asks_what_it_is(title) is asked


@pytest.mark.parametrize(
    ("title", "answer", "name", "definition"),
    [
        # lines of adjectives are what the notes say the concept is: kept, set off
        (
            "What is a valid Gram matrix?",
            "also known as a kernel matrix\nsymmetric\npositive semidefinite (no negative"
            " eigenvalue)\nHigh for distant points",
            "valid gram matrix",
            "also known as a kernel matrix; symmetric; positive semidefinite (no negative"
            " eigenvalue)",
        ),
        (
            "What is a white dwarf?",
            "dense\nsmall and massive",
            "white dwarf",
            "dense; small and massive",
        ),
        # a line with a noun of its own is a fact of something else
        ("What is a glacier?", "slow\nthe snout melts in summer", "glacier", ""),
    ],
)
def test_definitions_an_answer_that_lists_properties_keeps_them(title, answer, name, definition):
    assert definition_of(title, answer, name) == definition


@pytest.mark.parametrize(
    ("title", "answer", "name", "definition"),
    [
        # a first line that only repeats the term says nothing: the next one defines it
        (
            "What is a pulsar?",
            "Pulsar\na rotating neutron star",
            "pulsar",
            "a rotating neutron star",
        ),
        (
            "What is a jib?",
            "Jibs:\na triangular sail ahead of the mast",
            "jib",
            "a triangular sail ahead of the mast",
        ),
        # a label of its own name before a sentence that opens with the name again
        (
            "What is tacking?",
            "Tacking: Tacking turns the bow of a boat through the wind.",
            "tacking",
            "Tacking turns the bow of a boat through the wind.",
        ),
        # a label before a gloss stays as written
        (
            "What is tacking?",
            "Tacking: turning the bow of a boat through the wind.",
            "tacking",
            "Tacking: turning the bow of a boat through the wind.",
        ),
    ],
)
def test_definitions_an_answer_opening_with_its_own_name_defines_by_what_follows(
    title, answer, name, definition
):
    assert definition_of(title, answer, name) == definition


@pytest.mark.parametrize(
    ("sentences", "name", "definition"),
    [
        # what it is used for, when no sentence says what it is
        (
            ["Halyards are used to raise and lower the sails."],
            "halyard",
            "Halyards are used to raise and lower the sails.",
        ),
        # a sentence that says what it is goes first, wherever it stands
        (
            ["A halyard is used to raise a sail.", "A halyard is a rope that hoists a sail."],
            "halyard",
            "A halyard is a rope that hoists a sail.",
        ),
        # used inside a condition, or by another subject: no definition
        (["If a halyard is used to raise a flag, tie it off."], "halyard", ""),
        (["The winch is used to tighten the halyard."], "halyard", ""),
    ],
)
def test_definitions_what_it_is_used_for_defines_it_when_nothing_says_what_it_is(
    sentences, name, definition
):
    assert prose_definition(sentences, name) == definition


@pytest.mark.parametrize(
    ("title", "asked"),
    [
        # "What are some ...?" asks for a few of a kind, not what the name in it is
        ("What are some glacier landforms?", False),
        ("What are several uses of a kiln?", False),
        ("What are glacier landforms?", True),
    ],
)
def test_definitions_asks_what_it_is_not_for_some_of_a_kind(title, asked):
    assert asks_what_it_is(title) is asked


@pytest.mark.parametrize(
    ("sentences", "name", "definition"),
    [
        # what sets it apart, said of it, says what it is
        (
            ["The main feature of a fjord is that the sea fills a glacial valley."],
            "fjord",
            "The main feature of a fjord is that the sea fills a glacial valley.",
        ),
        # a feature named as a noun says what it has, not what it is
        (["The main feature of a fjord is its depth."], "fjord", ""),
    ],
)
def test_definitions_what_sets_it_apart_defines_it(sentences, name, definition):
    assert prose_definition(sentences, name) == definition


# (file name, notes, concept, the file line where its definition's text starts): one
# note a kind of card the readers make
CITED_LINES = [
    pytest.param(
        "sky.txt",
        "Q: What is a pulsar?\nA: Pulsar\na rotating neutron star that emits beams of radiation\n\n"
        "Q: What is a quasar?\nA: a very bright core of a distant galaxy\n\n"
        "Q: What is a nebula?\nA: a cloud of gas and dust in space\n",
        "pulsar",
        3,
        id="labelled-answer-after-a-name-line",
    ),
    pytest.param(
        "sky.txt",
        "What is a pulsar?\nPulsar\na rotating neutron star that emits beams of radiation\n"
        "What is a quasar?\nQuasar\na very bright core of a distant galaxy\n"
        "What is a nebula?\nNebula\na cloud of gas and dust in space\n"
        "What is a comet?\nComet\nan icy body that releases gas near the sun\n",
        "pulsar",
        3,
        id="unlabelled-answer-after-a-name-line",
    ),
    pytest.param(
        "sky.txt",
        "Pulsar – a rotating neutron star that emits beams\n"
        "Quasar – a very bright core of a distant galaxy\n"
        "Nebula – a cloud of gas and dust in space\n"
        "Comet – an icy body that releases gas near the sun\n",
        "quasar",
        2,
        id="term-card-line",
    ),
    pytest.param(
        "sky.md",
        "# Stars\n\n## Pulsars\n\nWhy do they blink?\n"
        "A pulsar is a rotating neutron star that emits beams of radiation.\n\n"
        "## Nebulae\n\nA nebula is a cloud of gas and dust.\n",
        "pulsar",
        6,
        id="heading-paragraph-second-line",
    ),
    pytest.param(
        "sky.md",
        "# Stars\n\n## Pulsars\n\nThey blink on and off many times a second, as seen from\n"
        "Earth. A pulsar is a rotating neutron star that emits beams\nof radiation.\n",
        "pulsar",
        6,
        id="heading-wrapped-paragraph-sentence-mid-line",
    ),
    pytest.param(
        "sky.md",
        "# Stars\n\n- **pulsar**\n  - a rotating neutron star that emits beams of radiation\n"
        "  - spins many times a second\n- **nebula**\n  - a cloud of gas and dust in space\n",
        "pulsar",
        4,
        id="bold-list-label-over-its-items",
    ),
    pytest.param(
        "sky.md",
        "# Glossary\n\npulsar\n:   A rotating neutron star that emits beams of radiation.\n\n"
        "nebula\n:   A cloud of gas and dust in space.\n",
        "pulsar",
        4,
        id="definition-list",
    ),
    pytest.param(
        "sky.csv",
        "front,back\nWhat is a quasar?,a very bright core of a distant galaxy\n"
        '"What is a pulsar?","Pulsar\na rotating neutron star that emits beams of radiation"\n'
        "What is a nebula?,a cloud of gas and dust in space\n",
        "pulsar",
        4,
        id="csv-field-over-two-lines",
    ),
]


@pytest.mark.parametrize(("name", "notes", "concept", "line"), CITED_LINES)
def test_definitions_cite_the_line_where_the_definition_starts(name, notes, concept, line):
    from extraction.readers import read_bytes

    cards = read_bytes(notes.encode(), path=name).cards
    index = extract_concepts(cards, model=LogisticModel((), (), bias=10.0))
    found = index.find(concept)
    assert found is not None, concept
    defined = index.concepts[found]
    evidence = defined.definition_evidence
    assert evidence is not None and evidence.source == name
    assert evidence.line == line
    first_words = " ".join(defined.definition.split()[:3])
    assert first_words.lower() in notes.splitlines()[line - 1].lower()


@pytest.mark.parametrize(
    ("body", "body_lines", "text", "near", "line"),
    [
        ("Pulsar\na rotating star", (7, 8), "a rotating star", 0, 8),
        ("1. hand kneading 2. cake icing", (5,), "kneading; cake icing", 0, 5),
        ("A [path] to a file\nA path to a folder", (3, 4), "a path to a folder", 0, 4),
        ("spins fast\nspins fast", (3, 4), "spins fast", 4, 4),
        ("spins fast\nspins fast", (3, 4), "spins fast", 0, 3),
        ("nothing alike", (3,), "a cloud of gas", 9, 9),
    ],
)
def test_definitions_line_of_text_finds_where_a_passage_starts(body, body_lines, text, near, line):
    shown = Card("c", "n.txt", "test", (2, 4), "title", body, body_lines=body_lines)
    assert shown.line_of_text(text, near=near) == line


def _line_of_text_by_pattern(card: Card, text: str, near: int) -> int:
    """``Card.line_of_text`` written as the regular expression it reads as (a pattern
    compiled per passage): the reference the word-run matcher must agree with."""
    import re

    words = re.findall(r"[^\W_]+", text)
    for n in range(min(len(words), 8), 0, -1):
        pattern = r"[\W_]+(?:\d+[\W_]+)*".join(map(re.escape, words[:n]))
        lines = [
            card.line_of(m.start())
            for m in re.finditer(rf"(?<![^\W_]){pattern}(?![^\W_])", card.body, re.IGNORECASE)
        ]
        if lines:
            return next((line for line in lines if line >= near), lines[-1])
    return near or card.line_of(0)


_PIECES = st.sampled_from(["a", "A", "b", "ab", "1", "12", " ", " ", ". ", "\n", "\n", "_", "; "])


@settings(max_examples=1500, deadline=None)
@example(body="a\n1 b\na b", text="a b", near=0)  # numbers between two words are skipped
@example(body="a a a\na a", text="a a", near=2)  # runs do not overlap
@example(body="1 1\n1 1 1", text="1 1", near=2)  # a run skips as many numbers as it can
@given(
    body=st.lists(_PIECES, max_size=30).map("".join),
    text=st.lists(_PIECES, max_size=12).map("".join),
    near=st.integers(0, 6),
)
def test_definitions_line_of_text_reads_words_as_its_pattern_does(body, text, near):
    lines = tuple(range(1, body.count("\n") + 2))
    card = Card("c", "n.txt", "test", (1, len(lines)), "title", body, body_lines=lines)
    assert card.line_of_text(text, near=near) == _line_of_text_by_pattern(card, text, near)


def _labels(*cards: Card) -> dict[str, tuple[str, str]]:
    index = extract_concepts(list(cards), model=LogisticModel((), (), bias=10.0))
    return {key: (c.label, c.definition) for key, c in index.concepts.items()}


@pytest.mark.parametrize(
    ("cards", "key", "label"),
    [
        # an eponym's owner, in a term card's name
        ([("Hooke's law", "stress is proportional to strain")], "hooke's law", "Hooke's law"),
        # a proper name with a word in lower case inside it, in a line with no stop
        ([("Sutton v. Hoyle", "a ruling on rent control")], "sutton v hoyle", "Sutton v Hoyle"),
        # a word English does not know, capitalised after a word in lower case, in an
        # answer without a stop
        (
            [
                ("Oligopoly", "few firms, as in the Cournot model"),
                ("Cournot model", "firms set output"),
            ],
            "cournot model",
            "Cournot model",
        ),
        # a numeral and the word it numbers
        (
            [("Phase II trial", "a trial that tests whether a drug works")],
            "phase ii trial",
            "Phase II trial",
        ),
        # a word English knows, capitalised only where a line opens, does not
        (
            [("Market failure", "when markets misallocate goods")],
            "market failure",
            "market failure",
        ),
        # a capital letter that is no word of its own, opening the name
        ([("T cell", "a lymphocyte that matures in the thymus")], "t cell", "T cell"),
        ([("P wave", "the first wave a seismograph records")], "p wave", "P wave"),
    ],
)
def test_definitions_a_label_keeps_the_capitals_a_word_owns(cards, key, label):
    found = _labels(*(card(t, b, kind="term") for t, b in cards))
    assert found[key][0] == label, found


def test_definitions_a_definition_runs_on_past_an_abbreviations_stop():
    answer = "A legal cap on the rents landlords may charge for a flat in a large city, upheld in "
    found = _labels(card("Rent control", answer + "Sutton v. Hoyle (1950)", kind="term"))
    assert found["rent control"][1].endswith("Sutton v. Hoyle (1950)"), found
    defined = _labels(card("Sutton v. Hoyle", "a ruling on rent control", kind="term"))
    assert defined["sutton v hoyle"][1] == "a ruling on rent control", defined


@pytest.mark.parametrize(
    ("title", "answer", "name"),
    [
        ("Neap tide (weak tide)", "a tide with the least range, at the quarter moons", "neap tide"),
        ("Wave speed (m/s)", "distance a crest travels in one second", "wave speed"),
        ("Tidal bore (aka tidal wave)", "a wave running up a river against its flow", "tidal bore"),
    ],
)
def test_definitions_a_term_closed_by_a_bracket_is_defined_by_its_answer(title, answer, name):
    """A gloss, symbol or second name in a bracket after a card's term leaves the term
    the whole of what the title names, so the card's answer defines it."""
    assert definition_of(title, answer, name, kind="term") == answer


@pytest.mark.parametrize(
    ("body", "bold", "defined"),
    [
        # an equals sign after a stressed name that opens its line says what it is
        ("Dew point = temperature at which air becomes saturated", "Dew point", True),
        ("Lapse rate = drop in temperature with height", "Lapse rate", True),
        # a stressed name after the equals sign is what something else is
        ("Fog = a cloud at ground level", "cloud", False),
    ],
)
def test_definitions_stressed_name_before_an_equals_sign_is_defined(body, bold, defined):
    index = _with_bold(body, bold)
    found = index.find(bold)
    assert found is not None
    assert (index.concepts[found].definition == body) is defined


@pytest.mark.parametrize(
    ("second", "definition"),
    [
        # the next line defines another name: the label's definition stops before it
        ("Basalt is a dark rock from lava.", "a light rock cooled deep underground."),
        ("Basalts are rocks from lava.", "a light rock cooled deep underground."),
        # it goes on about the same name, or says what it does: kept whole
        (
            "It is a common rock.",
            "a light rock cooled deep underground. It is a common rock.",
        ),
        (
            "Quarries cut it into slabs.",
            "a light rock cooled deep underground. Quarries cut it into slabs.",
        ),
    ],
    ids=["another-defined", "another-plural", "refers-back", "no-definition"],
)
def test_definitions_label_stops_before_a_line_defining_another_name(second, definition):
    from extraction.readers import read_bytes
    from graph.build import build_graph

    note = f"## Rocks\n\n**Granite** - a light rock cooled deep underground.\n{second}\n"
    G = build_graph([read_bytes(note.encode(), path="rocks.md")])
    assert G.nodes["granite"]["definition"] == definition


@pytest.mark.parametrize(
    ("sentences", "name", "definition"),
    [
        # the past tense says what a thing of the past was
        (
            ["The Grand Tour was a journey through Europe that finished an education."],
            "grand tour",
            "The Grand Tour was a journey through Europe that finished an education.",
        ),
        (
            ["The Hanseatic League (1356–1669) was Lübeck's league of trading towns."],
            "hanseatic league",
            "The Hanseatic League (1356–1669) was Lübeck's league of trading towns.",
        ),
        # a condition said by when it comes about
        (
            ["A drought occurs when rain fails for many months."],
            "drought",
            "A drought occurs when rain fails for many months.",
        ),
        # an apposition set apart by a dash, its purpose said by "to"
        (
            ["Farmers practised crop rotation – a way to rest the soil each year."],
            "crop rotation",
            "Farmers practised crop rotation – a way to rest the soil each year.",
        ),
        # an owner before the name leaves the name whole
        (
            ["Merchants paid Venice's grain tax, a levy that fed the city."],
            "grain tax",
            "Merchants paid Venice's grain tax, a levy that fed the city.",
        ),
        # what befell it, how often it comes, a dash going on with a list: none
        (["The grain tax was lowered after the famine."], "grain tax", ""),
        (["Droughts occur often in a dry summer."], "drought", ""),
        (["Farmers practised crop rotation – a field and a barn."], "crop rotation", ""),
    ],
)
def test_definitions_past_tense_conditions_and_dashes_say_what_a_name_is(
    sentences, name, definition
):
    assert prose_definition(sentences, name) == definition


@pytest.mark.parametrize(
    ("sentence", "names", "defining"),
    [
        # the owner who is credited opens the sentence; the name after it is defined
        (
            "Lindqvist's glacial surge cycle is a pattern in which a glacier speeds up.",
            ["glacial surge cycle"],
            True,
        ),
        ("Okoro's gravity model is a way to predict trade.", ["gravity model"], True),
        # another name after the owner: its sentence defines that one
        ("Okoro's gravity model is a way to predict trade.", ["trade"], False),
    ],
)
def test_definitions_a_sentence_opened_by_a_credited_owner_defines_the_name(
    sentence, names, defining
):
    from extraction.concepts.definitions import defining_sentence

    assert bool(defining_sentence(sentence, names)) is defining


@pytest.mark.parametrize(
    ("title", "answer", "name"),
    [
        (
            "Gay–Lussac law",
            "Plot of pressure against temperature at fixed volume",
            "gay-lussac law",
        ),
        (
            "Gay-Lussac law",
            "Plot of pressure against temperature at fixed volume",
            "gay-lussac law",
        ),
    ],
    ids=["en-dash", "hyphen"],
)
def test_definitions_a_term_joined_by_a_typed_dash_is_defined_by_its_answer(title, answer, name):
    assert definition_of(title, answer, name, "term") == answer


@pytest.mark.parametrize(
    ("title", "answer", "name", "defined"),
    [
        # each side labelled in lower case after the other's sentence
        (
            "sleet vs hail",
            "sleet: rain frozen on the way down. hail: ice grown in storm clouds",
            "hail",
            "ice grown in storm clouds",
        ),
        # each side's clause opens with its name and says what it does
        (
            "Kiln vs Oven",
            "KILN fires clay at high heat, OVEN bakes bread at low heat",
            "oven",
            "OVEN bakes bread at low heat",
        ),
        (
            "Kiln vs Oven",
            "A kiln fires clay at high heat. An oven bakes bread at low heat.",
            "kiln",
            "A kiln fires clay at high heat.",
        ),
        # a clause that says what both share defines neither
        ("Kiln vs Oven", "Both heat what is put inside them.", "oven", ""),
        # a side's clause opening with its spelled-out name, the abbreviation in brackets,
        # and a verb the dictionary does not know
        (
            "HPS vs LPS",
            "A high pressure system (HPS) brings dry air; a low pressure system (LPS) "
            "destabilizes the air above it",
            "LPS",
            "a low pressure system (LPS) destabilizes the air above it",
        ),
    ],
    ids=["lower-case-labels", "capitals-comma", "sentences", "both", "spelled-out"],
)
def test_definitions_a_contrast_card_defines_each_side_by_its_own_clause(
    title, answer, name, defined
):
    assert definition_of(title, answer, name, "term") == defined


@pytest.mark.parametrize(
    ("title", "hidden", "defined"),
    [
        ("Rivers build a delta, a landform of silt at their mouth.", "delta", True),
        ("Rivers build a delta at their mouth.", "delta", False),
        ("Rivers drop fans of silt called deltas at their mouth.", "deltas", True),
        ("Rivers drop silt in fans known as deltas.", "deltas", True),
    ],
    ids=["apposition", "no-apposition", "called", "known-as"],
)
def test_definitions_a_cloze_sets_its_hidden_name_in_apposition(title, hidden, defined):
    start = title.index(hidden)
    cloze = replace(
        card(title, "", kind="cloze"),
        emphasis=(Emphasis("title", start, start + len(hidden), "cloze"),),
    )
    index = extract_concepts([cloze], model=LogisticModel((), (), bias=10.0))
    found = index.find(hidden)
    assert found is not None
    assert bool(index.concepts[found].definition) is defined


@pytest.mark.parametrize(
    ("title", "label", "concept_id"),
    [
        # after a preposition the last word is no head: the label keeps its plural
        (
            "Erosion control with grasses",
            "erosion control with grasses",
            "erosion control with grass",
        ),
        ("Fruit pruning for spurs", "fruit pruning for spurs", "fruit pruning for spur"),
        ("Pest control by ladybirds", "pest control by ladybirds", "pest control by ladybird"),
        # a plain compound: the label is the id, its head in the singular
        ("Wood ash glazes", "wood ash glaze", "wood ash glaze"),
    ],
)
def test_definitions_label_keeps_the_object_of_a_preposition_as_written(title, label, concept_id):
    body = f"{title} is a topic the course returns to every week."
    index = extract_concepts(
        [card(title, body, kind="heading")], model=LogisticModel((), (), bias=10.0)
    )
    assert concept_id in index.concepts
    assert index.concepts[concept_id].label == label


@pytest.mark.parametrize(
    ("heading", "body", "label"),
    [
        # a heading typed in capitals that the notes also write in ordinary case
        (
            "SEED DORMANCY",
            "Seed dormancy keeps a seed from sprouting in autumn.",
            "seed dormancy",
        ),
        # in the plural too: each form is compared in the singular
        ("TRADE WINDS", "Trade winds blow toward the equator all year.", "trade wind"),
        # never written otherwise: the capitals are all the notes give (the text uses
        # it, or the heading would be a section of the notes: selection.SECTION)
        ("KILN FIRING", "The KILN FIRING takes ten hours.", "KILN FIRING"),
    ],
)
def test_definitions_label_of_a_heading_in_capitals_is_in_ordinary_case(heading, body, label):
    index = extract_concepts(
        [card(heading, body, kind="heading")], model=LogisticModel((), (), bias=10.0)
    )
    found = index.find(heading)
    assert found is not None
    assert index.concepts[found].label == label


@pytest.mark.parametrize(
    ("heading", "body", "name", "defined"),
    [
        # a student's note under a term, written without its subject
        ("Mitosis", "Divides one cell into two identical cells.", "mitosis", True),
        ("Recursion", "When a function calls itself on a smaller input.", "recursion", True),
        ("Opportunity cost", "What you give up by choosing one option.", "opportunity cost", True),
        ("Condensation", "Occurs when vapour cools below its dew point.", "condensation", True),
        # a statement with a subject of its own, a condition with a main clause, a question
        ("Embargo", "Embargoes hurt both sides of a trade.", "embargo", False),
        ("Inflation", "When rates rise, prices fall.", "inflation", False),
        ("Recursion", "When does a function call itself?", "recursion", False),
        # a section of prose, not a glossary entry
        (
            "Mitosis",
            "Divides one cell into two.\n\nIt has four stages. Each takes an hour. Cells grow.",
            "mitosis",
            False,
        ),
    ],
)
def test_definitions_a_heading_over_a_note_without_its_subject_is_described_by_it(
    heading, body, name, defined
):
    assert bool(definition_of(heading, body, name, kind="heading")) is defined


@pytest.mark.parametrize(
    ("text", "handled"),
    [
        ("prevented by eating citrus fruit.", True),
        ("Can be treated with antibiotics and rest.", True),
        ("solved by adding a lock to each account.", True),
        # what it is, or what causes it: a definition
        ("caused by a lack of vitamin C.", False),
        ("a disease caused by a lack of vitamin C, prevented by fruit.", False),
        ("formed by glaciers pushing rock ahead of them.", False),
    ],
)
def test_definitions_says_how_it_is_handled(text, handled):
    assert says_how_it_is_handled(text) is handled


def test_definitions_a_label_saying_how_it_is_handled_gives_way_to_a_definition():
    cards = [
        card(
            "Scurvy",
            "Scurvy is a disease caused by a lack of vitamin C in the diet.",
            kind="heading",
        ),
        replace(
            card("Prevention", "Scurvy: prevented by eating citrus fruit.", kind="heading"),
            id="n.txt#2",
            lines=(20, 21),
            title_line=20,
            body_lines=(21,),
        ),
    ]
    index = extract_concepts(cards, model=LogisticModel((), (), bias=10.0))
    found = index.find("scurvy")
    assert found is not None
    assert index.concepts[found].definition.startswith("Scurvy is a disease")


@pytest.mark.parametrize(
    ("text", "names", "about"),
    [
        ("The DNS keeps answers for an hour.", ["caching"], True),
        ("Caching: DNS keeps answers for an hour.", ["caching"], True),
        ("By hashing the keys, SQL can skip rows.", ["skip scan"], True),
        ("GANs learn to fool a critic.", ["adversarial training"], True),
        # its own short form, a common noun, or a gloss: about the label itself
        ("RNNs can forget early inputs.", ["recurrent neural network"], False),
        ("Plants turn light into sugar.", ["photosynthesis"], False),
        # a description with no verb, whose first word is a short form
        ("GDP lower than a year before.", ["recession"], False),
        ("a cache of DNS answers kept for an hour.", ["caching"], False),
    ],
)
def test_definitions_about_another_name(text, names, about):
    assert about_another_name(text, names) is about


def test_definitions_a_label_whose_text_is_about_another_short_form_defines_nothing():
    body = "Caching: DNS keeps answers for an hour.\nFiltering: DNS refuses bad names."
    index = extract_concepts(
        [card("Uses of the name system", body, kind="heading")],
        model=LogisticModel((), (), bias=10.0),
    )
    found = index.find("caching")
    assert found is not None
    assert "DNS keeps" not in index.concepts[found].definition


@pytest.mark.parametrize(
    ("answer", "defined"),
    [
        # a formula left out before the stop: the sentence is shown as going on
        ("an equilibrium that holds if.", "an equilibrium that holds …"),
        ("the set of states a move of.", "the set of states a move …"),
        ("the energy stored per unit volume:.", "the energy stored per unit volume …"),
        # a word a sentence may end with: finished as written
        ("the one state a ball rolls back to.", "the one state a ball rolls back to."),
        ("the force a spring pushes back with.", "the force a spring pushes back with."),
    ],
)
def test_definitions_a_stop_after_a_left_out_formula_finishes_nothing(answer, defined):
    assert definition_of("What is a stable equilibrium?", answer, "stable equilibrium") == defined


def test_definitions_items_describing_a_heading_are_joined_without_their_stops():
    from extraction.records import ListItem

    body = "Rises slowly in a cool room.\nNeeds a starter kept alive.\nTastes sour."
    starts = [0] + [i + 1 for i, c in enumerate(body) if c == "\n"]
    ends = [body.find("\n", o) if "\n" in body[o:] else len(body) for o in starts]
    items = tuple(ListItem(o, e) for o, e in zip(starts, ends, strict=True))
    heading = replace(card("Sourdough", body, kind="heading"), items=items)
    index = extract_concepts([heading], model=LogisticModel((), (), bias=10.0))
    found = index.find("sourdough")
    assert found is not None
    assert index.concepts[found].definition == (
        "Rises slowly in a cool room; Needs a starter kept alive; Tastes sour."
    )
