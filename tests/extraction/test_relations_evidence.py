"""Typed edges only where the evidence states them (issue #13): for each cause of an
edge the evidence did not state, one sentence the rule must refuse and one it must keep."""

from __future__ import annotations

from dataclasses import replace

import pytest

from extraction.concepts import extract_concepts
from extraction.relation_patterns import SYMBOL_NAME
from extraction.relations import typed_relations
from tests.extraction.test_relations import (
    _edges,
    _qa,
    assert_unrelated,
    expect,
    tiny_index,
    triples,
)


def _found(index, edge):
    """The typed relations of ``index`` that are ``edge`` (its names as the notes write them)."""
    source, relation, target = expect(index, *edge)
    found = [
        r
        for r in typed_relations(index)
        if (r.source, r.relation, r.target) == (source, relation, target)
    ]
    assert found, triples(index)
    return found


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # 1. a relative "which" after a comma, hung on an object, says what the clause does
        (
            "Irrigation works by flooding the lowest fields, which may lead to higher yields.",
            ("irrigation", "field", "yield"),
            ("field", "yield"),
        ),
        # 1. a participle the parser hangs on an object: the merge results, not the object
        (
            "It merges the wax layer and the glaze layer resulting in a smoother pot.",
            ("glaze layer", "pot", "wax layer"),
            ("glaze layer", "pot"),
        ),
        (
            "The chaff is separated from the grain enabling the use of millstones.",
            ("chaff", "grain", "millstone"),
            ("grain", "millstone"),
        ),
        # 1. an infinitive of purpose after the reader's gerund: no subject of its own
        (
            "Using the tide table to predict the high water sets the sailing time.",
            ("tide table", "high water"),
            ("tide table", "high water"),
        ),
        # 2. minimising an objective is no remedy of a problem
        ("The function minimizes the expected loss.", ("function", "loss"), ("function", "loss")),
        (
            "Lagrange multipliers solve the constrained optimization.",
            ("Lagrange multiplier", "constrained optimization"),
            ("Lagrange multiplier", "constrained optimization"),
        ),
        # 3. what a step produces is its output, not an effect it causes
        (
            "The printer produces a batch of test pages.",
            ("printer", "batch"),
            ("printer", "batch"),
        ),
        # 4. a modifier narrows the concept: the sentence is about the narrower phrase
        (
            "Strict and lenient vaccination policies may prevent outbreaks.",
            ("policy", "outbreak"),
            ("policy", "outbreak"),
        ),
        (
            "Saturating activations lead to small gradients.",
            ("saturating activation", "gradient"),
            ("saturating activation", "gradient"),
        ),
        # 5. "such as" hangs on a noun that holds the concept: features, not valleys
        (
            "The map shows features of river valleys (such as meanders, floodplains).",
            ("river valley", "meander"),
            ("meander", "river valley"),
        ),
        # 5. the class is no possessor of the noun the list hangs on
        (
            "The blood flows through each organ's circulation, including the capillaries.",
            ("organ", "capillary"),
            ("capillary", "organ"),
        ),
        # 5. a label that is one of the listed methods is not their class
        (
            "HACCP: enforced using methods like Pasteurisation, Chilling, and HACCP.",
            ("HACCP", "Pasteurisation", "Chilling"),
            ("Pasteurisation", "HACCP"),
        ),
        # 4. a number narrows an effect: "zero carbon emissions" are not the carbon
        (
            "Nuclear power plants result in zero carbon emissions.",
            ("power plant", "carbon", "nuclear power"),
            ("power plant", "carbon"),
        ),
        # 4. a concept that only modifies the effect's head ("discriminator overfitting")
        (
            "Heavy rain typically leads to river flooding.",
            ("rain", "river", "flooding"),
            ("rain", "river"),
        ),
        # 4. an "of" phrase completes the effect: "a loss of information" is no loss
        (
            "Wind shear leads to a loss of lift.",
            ("wind shear", "loss", "lift"),
            ("wind shear", "loss"),
        ),
        # 1. a relative clause after "X from Y" may be X's: Y is no subject
        (
            "Cores are samples from the ice sheet that are used to build the climate record.",
            ("ice sheet", "climate record", "sample"),
            ("ice sheet", "climate record"),
        ),
        # 5. a word read as a verb before a noun modifies it: no instance
        (
            "Samples taken from a polluted river e.g. testing kit of finding a toxin.",
            ("polluted river", "testing"),
            ("testing", "polluted river"),
        ),
        # 1. "enabling X to V": what is enabled is X's act, not X
        (
            "The sieve filters out stones, thereby enabling the mill to grind it.",
            ("sieve", "mill", "stone"),
            ("sieve", "mill"),
        ),
        # 9. the noun "use" is no cue of uses
        (
            "What is composting? || Making good use of kitchen waste.",
            ("kitchen waste",),
            ("composting", "kitchen waste"),
        ),
        # 9. "One" opening a name is no article of a definition
        (
            "What are representations? || One-hot encoding",
            ("one-hot encoding",),
            ("representations", "one-hot encoding"),
        ),
    ],
)
def test_relations_evidence_refuses_what_the_sentence_does_not_state(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # 1. a restrictive relative clause is its noun's
        (
            "Deep networks use activation functions that lead to vanishing gradients.",
            ("deep network", "activation function", "vanishing gradient"),
            ("activation function", "causes", "vanishing gradient"),
        ),
        # 1. a subject's "which" is its own
        (
            "LSTMs, which use gates, avoid vanishing gradients.",
            ("LSTM", "gate", "vanishing gradient"),
            ("LSTM", "uses", "gate"),
        ),
        # 9. "examples" inside a concept's name is no examples cue: a copula, not example_of
        (
            "Code examples are snippets written by an author.",
            ("code example", "snippet"),
            ("code example", "is_a", "snippet"),
        ),
        # 1. a verb with its own subject still reads
        (
            "MLPs use backpropagation to compute gradients.",
            ("MLP", "backpropagation", "gradient"),
            ("MLP", "uses", "backpropagation"),
        ),
        # 2. reducing what the notes call a problem addresses it
        (
            "Dropout reduces overfitting. Deep networks often suffer from overfitting.",
            ("dropout", "overfitting", "deep network"),
            ("dropout", "addresses", "overfitting"),
        ),
        (
            "LSTMs solve vanishing gradients. The vanishing gradient is a known problem.",
            ("LSTM", "vanishing gradient"),
            ("LSTM", "addresses", "vanishing gradient"),
        ),
        # 3. producing a problem causes it
        (
            "Sigmoid activations produce vanishing gradients. Deep networks suffer from "
            "vanishing gradients.",
            ("sigmoid activation", "vanishing gradient", "deep network"),
            ("sigmoid activation", "causes", "vanishing gradient"),
        ),
        # 4. modifiers that do not narrow leave the concept named
        (
            "Many deep networks use dropout.",
            ("deep network", "dropout"),
            ("deep network", "uses", "dropout"),
        ),
        # 1. "use X to V" keeps X as what is used
        (
            "The generator uses noise to produce fake samples.",
            ("generator", "noise", "fake sample"),
            ("generator", "uses", "noise"),
        ),
        # 5. "such as" on a class concept
        (
            "Activation functions such as ReLU and tanh add non-linearity.",
            ("activation function", "ReLU", "tanh"),
            ("ReLU", "is_a", "activation function"),
        ),
        # 5. the label rule where the label is not among the items
        (
            "Careful pruning: employ methods such as Magnitude Pruning and Distillation.",
            ("careful pruning", "Magnitude Pruning", "Distillation"),
            ("Distillation", "is_a", "careful pruning"),
        ),
        # 9. the verb "use"
        (
            "What is dropout? || It makes use of random masks. Dropout uses random masks.",
            ("dropout", "random mask"),
            ("dropout", "uses", "random mask"),
        ),
        # 9. "examples are" after a class
        (
            "What is an operating system? || Software that runs a computer. Common examples "
            "are Linux and Windows.",
            ("Linux", "Windows"),
            ("Linux", "example_of", "operating system"),
        ),
    ],
)
def test_relations_evidence_keeps_what_the_sentence_states(text, names, expected):
    index = tiny_index(text, *names)
    found = triples(index)
    assert expect(index, *expected) in found, found


def _headed(cards, kind: str):
    """The last card with its title read as ``kind`` (a heading, a term)."""
    return [*cards[:-1], replace(cards[-1], title_kind=kind)]


_SIBLING_LABELS = (
    "Reset gate: decides how much of the old state to forget\n"
    "Update gate: decides how much new state to keep"
)


@pytest.mark.parametrize(
    ("title", "kind", "kept"),
    [
        # 6. a question about the whole: its label lines are its parts
        ("How does a GRU control information?", "question", True),
        # 6. a heading over prose is no whole: sibling labels under it are a list
        ("GRU", "heading", False),
        # 6. an example (a figure) has no parts
        ("GRU example", "term", False),
    ],
)
def test_relations_evidence_label_lines_are_parts_only_of_a_whole(title, kind, kept):
    cards = _headed(
        _qa(
            ("What is a GRU?", "A recurrent unit with two gates."),
            ("What is a GRU example?", "A GRU run on a toy sequence."),
            (title, _SIBLING_LABELS),
        ),
        kind,
    )
    edges = _edges(cards)
    if kept:
        assert ("reset gate", "part_of", "GRU") in edges, edges
    else:
        assert not any(s == "reset gate" and r == "part_of" for s, r, _ in edges), edges


@pytest.mark.parametrize(
    ("title", "kind", "kept"),
    [
        # 7. a term card names a kind of its head
        ("Flood mapping with drones", "term", True),
        # 7. a heading over prose is never evidence of a relation read from its name
        ("Flood mapping with drones", "heading", False),
        # 7. a step of a procedure names no kind
        ("Update the flood mapping with drones", "term", False),
    ],
)
def test_relations_evidence_a_name_gives_a_kind_only_in_a_term_card(title, kind, kept):
    cards = _headed(
        _qa(
            ("What is flood mapping?", "Drawing the land that water covers after a storm."),
            ("What is a drone?", "A small aircraft flown without a pilot on board."),
            (title, "Flood mapping that flies a drone over the valley."),
        ),
        kind,
    )
    index = extract_concepts(cards)
    name = index.find(title)
    edges = triples(index)
    if kept:
        assert (name, "uses", index.find("drone")) in edges, edges
    else:
        assert not any(s == name and r in {"is_a", "uses"} for s, r, _ in edges), edges


def test_relations_evidence_a_cue_word_inside_a_name_is_no_cue():
    index = tiny_index(
        "What is a lesson? || Worked examples are problems with steps that a teacher has solved.",
        "worked example",
        "problem",
    )
    assert not any(r == "example_of" for _, r, _ in triples(index))


def test_relations_evidence_a_concept_held_by_another_noun_is_no_whole():
    cards = _qa(
        ("What is a GRU?", "A recurrent unit with two gates."),
        ("What is information?", "What a signal carries."),
        ("How does GRU regulate the flow of information?", _SIBLING_LABELS),
    )
    edges = _edges(cards)
    assert ("reset gate", "part_of", "GRU") in edges, edges
    assert ("reset gate", "part_of", "information") not in edges, edges


def test_relations_evidence_a_label_sharing_the_whole_s_head_is_a_kind_not_a_part():
    cards = _qa(
        ("What is a storm (storm systems)?", "A disturbance of the atmosphere."),
        (
            "What are storm systems?",
            "Tropical Storm Systems: form over warm seas\nPolar Storm Systems: form near the ice",
        ),
    )
    edges = _edges(cards)
    assert not any(r == "part_of" for _, r, _ in edges), edges


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # an effect on a noun the concept only completes is no effect on the concept
        (
            "Deforestation leads to large changes in rainfall.",
            ("deforestation", "rainfall"),
            ("deforestation", "rainfall"),
        ),
        (
            "Heavy traffic causes long delays at the border crossing.",
            ("heavy traffic", "border crossing"),
            ("heavy traffic", "border crossing"),
        ),
        # a part that a noun holds is no part of the whole: the noun is
        (
            "The total price includes a fee from the travel agent.",
            ("total price", "travel agent"),
            ("travel agent", "total price"),
        ),
        (
            "Our archive contains letters about different trade routes.",
            ("archive", "trade route"),
            ("trade route", "archive"),
        ),
    ],
)
def test_relations_evidence_a_concept_completing_another_noun_is_no_object(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # the object of a verb before the cue is no subject of the cue's verb
        (
            "Prune the branches and use less fertilizer in spring.",
            ("branch", "fertilizer"),
            ("branch", "fertilizer"),
        ),
    ],
)
def test_relations_evidence_an_object_of_another_verb_is_no_subject(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "meta"),
    [
        (
            "What is the relation between rainfall and erosion? || Applicable to soil erosion.",
            ("relation", "rainfall", "soil erosion"),
            "relation",
        ),
        (
            "What is the relationship between the variables? || It uses a scatter plot.",
            ("relationship", "variable", "scatter plot"),
            "relationship",
        ),
    ],
)
def test_relations_evidence_a_question_about_a_relation_is_no_concept_s_card(text, names, meta):
    # "the relation between X and Y" talks about a relation: no typed edge has it as an end
    index = tiny_index(text, *names)
    word = index.find(meta)
    assert word is not None
    assert not any(word in (s, t) for s, r, t in triples(index) if r != "related_to")


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # a name before a quantity says whose quantity it is, not a kind of it
        ("Outliers show elevated RMSE values.", ("RMSE", "value"), ("RMSE", "value")),
        ("Patients with BMI values above 30 are obese.", ("BMI", "value"), ("BMI", "value")),
        ("The model reports MAE values for each fold.", ("MAE", "value"), ("MAE", "value")),
    ],
)
def test_relations_evidence_a_name_before_a_quantity_is_no_kind_of_it(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # a step in the imperative after a quotation mark or a bracket: the reader computes
        (
            'What is triangulation? || "Compute the distance to each landmark.',
            ("triangulation", "distance"),
            ("triangulation", "distance"),
        ),
        (
            "What is budgeting? || (Calculate the monthly income first.)",
            ("budgeting", "monthly income"),
            ("budgeting", "monthly income"),
        ),
    ],
)
def test_relations_evidence_a_step_after_punctuation_is_the_reader_s(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # both sides of a contrast are in its sentence: the card's subject is neither
        (
            "What is gardening? || sunny versus shady borders",
            ("gardening", "shady border"),
            ("gardening", "shady border"),
        ),
        (
            "What is cooking? || Fresh versus dried herbs.",
            ("cooking", "dried herb"),
            ("cooking", "dried herb"),
        ),
    ],
)
def test_relations_evidence_a_contrast_never_takes_the_card_subject_as_a_side(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # "Let's V": the reader acts, not the card's subject
        (
            "What is surveying? || Let's compute the mean elevation of the plot.",
            ("surveying", "mean elevation"),
            ("surveying", "mean elevation"),
        ),
        (
            "What is baking? || Let's use a kitchen scale for the flour.",
            ("baking", "kitchen scale"),
            ("baking", "kitchen scale"),
        ),
    ],
)
def test_relations_evidence_let_us_is_the_reader_acting(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # "X is the Y" with nothing after Y says which one X is (a name), not a kind of Y
        ("Y is the response vector.", ("Y", "response vector"), ("Y", "response vector")),
        ("Beta is the learning rate.", ("beta", "learning rate"), ("beta", "learning rate")),
    ],
)
def test_relations_evidence_a_definite_complement_names_no_class(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "edge", "cited"),
    [
        # the answer does not name the card's subject: its question is cited before it
        (
            "What is osmosis? || A process that requires a semipermeable membrane.",
            ("osmosis", "semipermeable membrane"),
            ("osmosis", "uses", "semipermeable membrane"),
            ["What is osmosis?", "A process that requires a semipermeable membrane."],
        ),
        (
            "What is a hash table? || A data structure that uses a hash function.",
            ("hash table", "hash function"),
            ("hash table", "uses", "hash function"),
            ["What is a hash table?", "A data structure that uses a hash function."],
        ),
        # either direction of a contrast whose side "it" is cites the question
        (
            "Advantages of osmosis || It needs less energy than active transport.",
            ("osmosis", "active transport"),
            ("active transport", "contrasts_with", "osmosis"),
            ["Advantages of osmosis", "It needs less energy than active transport."],
        ),
        (
            "What is osmosis? || It differs from active transport in its use of energy.",
            ("osmosis", "active transport"),
            ("active transport", "contrasts_with", "osmosis"),
            ["What is osmosis?", "It differs from active transport in its use of energy."],
        ),
        # the card's subject as the whole the answer's parts belong to
        (
            "What is a plant cell? || It contains a nucleus and a cell wall.",
            ("plant cell", "nucleus", "cell wall"),
            ("nucleus", "part_of", "plant cell"),
            ["What is a plant cell?", "It contains a nucleus and a cell wall."],
        ),
        # the answer names it: the answer alone states the edge
        (
            "What is osmosis? || Osmosis requires a semipermeable membrane.",
            ("osmosis", "semipermeable membrane"),
            ("osmosis", "uses", "semipermeable membrane"),
            ["Osmosis requires a semipermeable membrane."],
        ),
    ],
)
def test_relations_evidence_an_answer_read_with_its_card_cites_the_question(
    text, names, edge, cited
):
    index = tiny_index(text, *names)
    found = _found(index, edge)
    assert [e.text for e in found[0].evidence] == cited
    assert len({(e.source, e.line) for e in found[0].evidence}) == len(cited)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # "such as" after "N of M": the examples may be Ns as well as Ms, even when N is
        # a concept too: neither is their class
        (
            "The tour shows buildings of medieval towns (such as cathedrals, town halls).",
            ("building", "medieval town", "cathedral", "town hall"),
            ("cathedral", "medieval town"),
        ),
        (
            "The survey maps landforms of river valleys (such as meanders, oxbow lakes).",
            ("landform", "river valley", "meander", "oxbow lake"),
            ("meander", "river valley"),
        ),
    ],
)
def test_relations_evidence_examples_after_a_nested_noun_have_no_class(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # "N of M" that is itself one concept's name holds the examples
        (
            "The measures of hardness (like the Mohs scale, which ranks minerals) can differ.",
            ("hardness measure", "Mohs scale"),
            ("Mohs scale", "example_of", "hardness measure"),
        ),
        (
            "The sources of energy (like solar power) are renewable.",
            ("energy source", "solar power"),
            ("solar power", "example_of", "energy source"),
        ),
    ],
)
def test_relations_evidence_examples_after_an_inverted_name_are_its(text, names, expected):
    index = tiny_index(text, *names)
    found = triples(index)
    assert expect(index, *expected) in found, found


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # a noun the parser hangs on the name (here a head with a letter lost) makes the
        # phrase that noun's: the concept only modifies it
        (
            "The reactor includes the standard coolant pum, which moves the water.",
            ("reactor", "coolant"),
            ("coolant", "reactor"),
        ),
    ],
)
def test_relations_evidence_a_name_running_on_into_a_noun_is_no_end(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # the question names what the class is good for: the answer lists its members
        (
            "Which rocks are good for building? || - Granite\n- Marble\n- Slate",
            ("rock", "granite", "marble", "slate"),
            ("rock", "granite"),
        ),
    ],
)
def test_relations_evidence_a_question_naming_the_use_lists_members_not_uses(text, names, absent):
    # the members may be kinds of the class (is_a), never uses of it
    index = tiny_index(text, *names)
    a, b = index.find(absent[0]), index.find(absent[1])
    uses = {(s, t) for s, r, t in triples(index) if r in {"uses", "used_for"}}
    assert (a, b) not in uses and (b, a) not in uses, uses


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # "in this X": a particular X the notes show, whose parts are not the concept's
        (
            "A plant cell consists of a nucleus and a vacuole.\n"
            "The nucleus in this animal cell is large.",
            ("plant cell", "nucleus", "vacuole", "animal cell"),
            ("nucleus", "animal cell"),
        ),
    ],
)
def test_relations_evidence_a_part_of_a_pointed_at_whole_is_no_part(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # a general word whose noun modifier the name drops is no class of the items
        (
            "Other soil sampling methods exist as well, such as:\n- Core sampling\n- Auger boring",
            ("method", "core sampling", "auger boring"),
            ("core sampling", "method"),
        ),
    ],
)
def test_relations_evidence_a_general_word_stripped_of_its_modifier_is_no_class(
    text, names, absent
):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # "erosion and flood control": erosion may share the unnamed item's head
        (
            "List the uses of a river dam. || - erosion and flood control\n- irrigation",
            ("river dam", "erosion", "irrigation"),
            ("river dam", "erosion"),
        ),
    ],
)
def test_relations_evidence_a_word_sharing_an_unnamed_item_s_head_is_no_item(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "word", "narrowed"),
    [
        ("The pump draws on the deep wells outputs.", "outputs", True),
        ("The pump draws on fixed-length pipes.", "pipes", False),
        ("Mills grind grain, e.g. wheat.", "wheat", False),
        ("The pump draws on different wells.", "wells", False),
    ],
)
def test_relations_evidence_a_noun_before_a_name_narrows_it(text, word, narrowed):
    from extraction import nlp as nlp_module
    from extraction.relations import Mention, _noun_modified

    doc = nlp_module.load()(text)
    i = next(t.i for t in doc if t.text == word)
    assert _noun_modified(doc, Mention(word, i, i + 1)) is narrowed


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # what a thing is used to control is what it acts on, not what it is for
        (
            "A floodgate is a barrier used to control the water level of a canal.",
            ("floodgate", "water level"),
            ("floodgate", "water level"),
        ),
    ],
)
def test_relations_evidence_what_a_thing_is_used_to_control_is_no_use(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # "wet vs. dry season": the first side shares the second's head, so "dry" is
        # part of the second side's name: the bare head is no side of the contrast
        ("Compare the wet vs. dry season.", ("wet season", "season"), ("wet season", "season")),
    ],
)
def test_relations_evidence_a_contrasted_head_without_its_modifier_is_no_side(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # a symbol of a formula is no concept one sentence relates
        ("Orbits || pN and qN are computed from the telescope readings.",
         ("pn", "telescope reading"), ("pn", "telescope reading")),
        ("Motion || xT depends on the initial speed.", ("xt", "initial speed"),
         ("xt", "initial speed")),
        # a short word listed with a symbol is one too
        ("Orbits || pN and SN are computed from the telescope readings.",
         ("SN", "telescope reading"), ("SN", "telescope reading")),
    ],
)  # fmt: skip
def test_relations_evidence_a_symbol_end_needs_two_sentences(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("name", "symbol"),
    [("mN", True), ("xT", True), ("X_t", True), ("SN", False), ("mRNA", False),
     ("LSTM", False), ("eBay", False), ("GPT4", False)],
)  # fmt: skip
def test_relations_evidence_symbol_names_are_short_vowelless_mixed_case(name, symbol):
    assert bool(SYMBOL_NAME.fullmatch(name)) is symbol


@pytest.mark.parametrize(
    ("text", "names", "edge", "cited"),
    [
        # each side's name alone on a line, what it is on the line after
        (
            "Difference between weaving and knitting? || Weaving\n"
            "Threads cross at right angles on a loom.\nKnitting\nOne thread forms rows of loops.",
            ("weaving", "knitting"),
            ("knitting", "contrasts_with", "weaving"),
            [
                "Difference between weaving and knitting?",
                "Weaving",
                "Threads cross at right angles on a loom.",
                "Knitting",
                "One thread forms rows of loops.",
            ],
        ),
        (
            "Kiln vs. Oven || Kiln\nReaches far higher temperatures.\nOven\nCooks food.",
            ("kiln", "oven"),
            ("kiln", "contrasts_with", "oven"),
            ["Kiln vs. Oven", "Kiln", "Reaches far higher temperatures.", "Oven", "Cooks food."],
        ),
        # a label naming no side heads the line that says the difference
        (
            "Differences between sonnets and haiku? || Length:\n"
            "A sonnet has fourteen lines, a haiku three.",
            ("sonnet", "haiku"),
            ("sonnet", "contrasts_with", "haiku"),
            [
                "Differences between sonnets and haiku?",
                "Length:",
                "A sonnet has fourteen lines, a haiku three.",
            ],
        ),
        # a label alone that writes a side's name heads what is said of that side
        (
            "Kiln vs. Oven (and when to use which?) || Use a (Wood) Kiln when:\n"
            "the clay must vitrify\nUse an Oven when:\nthe bread must rise",
            ("kiln", "oven"),
            ("kiln", "contrasts_with", "oven"),
            [
                "Kiln vs. Oven (and when to use which?)",
                "Use a (Wood) Kiln when:",
                "the clay must vitrify",
                "Use an Oven when:",
                "the bread must rise",
            ],
        ),
        # a name over another name says nothing: only what the card states is cited
        (
            "Kiln vs. Oven || Kiln\nWood-Fired Kilns\nOven\nCooks food.",
            ("kiln", "oven"),
            ("kiln", "contrasts_with", "oven"),
            ["Kiln vs. Oven", "Kiln", "Oven", "Cooks food."],
        ),
    ],
)
def test_relations_evidence_a_contrast_answered_by_labels_cites_what_each_side_is(
    text, names, edge, cited
):
    index = tiny_index(text, *names)
    found = _found(index, edge)
    assert [e.text for e in found[0].evidence] == cited
