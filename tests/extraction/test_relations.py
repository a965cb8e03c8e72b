"""Typed relations: every cue of extraction/relation_patterns.py on its own sentence, the
subject rules (coordination, passives, subjects from the question), merging, and
properties of the relations read from the real notes."""

from __future__ import annotations

import re
from dataclasses import asdict
from functools import cache

import pytest

from extraction.concepts import ConceptIndex, extract_concepts
from extraction.readers import read_bytes, read_paths
from extraction.records import Card, Evidence, Relation
from extraction.relation_patterns import FRAMES, KIND_BY_NAME, TABLES, Cue
from extraction.relations import CARD_SUBJECT_FACTOR, merge_relations, typed_relations
from tests.conftest import SEEDS, SHARED, requires_shared

DEV = SHARED / "eval" / "dev"


def tiny_index(text: str, *names: str) -> ConceptIndex:
    """An index of one card holding ``text`` (``"question || answer"`` for a Q/A card,
    else a titleless paragraph), after one "What is NAME?" card per concept named."""
    cards = [
        Card(f"t.txt#{i}", "t.txt", "qa-list", (2 * i + 1, 2 * i + 2), f"What is {name}?",
             "See the lecture.", title_line=2 * i + 1, body_lines=(2 * i + 2,))
        for i, name in enumerate(names)
    ]  # fmt: skip
    title, _, body = text.rpartition("||")
    k, first = len(names), 2 * len(names) + 2
    lines = tuple(range(first, first + len(body.strip().splitlines())))
    cards.append(
        Card(f"t.txt#{k}", "t.txt", "qa-list" if title else "text", (first - 1, lines[-1]),
             title.strip(), body.strip(), title_line=first - 1, body_lines=lines)
    )  # fmt: skip
    return extract_concepts(cards)


def triples(index: ConceptIndex, **options) -> set[tuple[str, str, str]]:
    return {(r.source, r.relation, r.target) for r in typed_relations(index, **options)}


def expect(index: ConceptIndex, source: str, relation: str, target: str) -> tuple:
    return (index.find(source), relation, index.find(target))


def assert_unrelated(text: str, names: tuple[str, ...], absent: tuple[str, str]) -> None:
    """No typed edge either way between the two concepts of ``absent`` in a one-card
    index of ``text`` naming ``names``."""
    index = tiny_index(text, *names)
    pairs = {(s, t) for s, r, t in triples(index) if r != "related_to"}
    a, b = index.find(absent[0]), index.find(absent[1])
    assert (a, b) not in pairs and (b, a) not in pairs, pairs


CUES = [(relation, cue) for relation, table in TABLES.items() for cue in table]


@pytest.mark.parametrize(("relation", "cue"), CUES, ids=[c.name for _, c in CUES])
def test_relations_cue_reads_its_example(relation: str, cue: Cue):
    source, target = cue.expected
    index = tiny_index(cue.example, source, target, *cue.context)
    assert expect(index, source, relation, target) in triples(index)


def test_relations_cue_tables_are_well_formed():
    names = [cue.name for _, cue in CUES]
    assert len(names) == len(set(names))
    for _, cue in CUES:
        assert cue.frame in FRAMES and cue.example and all(cue.expected)
        assert 0 < cue.confidence <= 1


SENTENCES = [
    # coordination gives one edge per conjunct, on either side
    (
        "An autoencoder consists of an encoder and a decoder.",
        ("encoder", "decoder", "autoencoder"),
        [("encoder", "part_of", "autoencoder"), ("decoder", "part_of", "autoencoder")],
    ),
    (
        "Sigmoid and tanh cause vanishing gradients.",
        ("sigmoid", "tanh", "vanishing gradient"),
        [("sigmoid", "causes", "vanishing gradient"), ("tanh", "causes", "vanishing gradient")],
    ),
    # passives put the agent first
    (
        "Vanishing gradients are addressed by LSTMs and GRUs.",
        ("vanishing gradient", "LSTM", "GRU"),
        [("LSTM", "addresses", "vanishing gradient"), ("GRU", "addresses", "vanishing gradient")],
    ),
    # a participle without "be": a reduced relative, or the answer to a label
    (
        "Floods, prevented by levees, ruin crops.",
        ("flood", "levee"),
        [("levee", "addresses", "flood")],
    ),
    (
        "Soil erosion: prevented by planting cover crops.",
        ("soil erosion", "cover crop"),
        [("cover crop", "addresses", "soil erosion")],
    ),
    (
        "What are the hash functions used for caching?",
        ("hash function", "caching"),
        [("hash function", "used_for", "caching")],
    ),
    # what a thing is used to make is what it is for
    (
        "Yeast is used to produce ethanol.",
        ("yeast", "ethanol"),
        [("yeast", "used_for", "ethanol")],
    ),
    (
        "Composting helps create fertile soil.",
        ("composting", "fertile soil"),
        [("composting", "used_for", "fertile soil")],
    ),
    # a list item that opens with a gerund says what the card's subject does
    (
        "What is crop rotation? || 1. Avoiding soil depletion\n2. Breaking pest cycles",
        ("soil depletion",),
        [("crop rotation", "addresses", "soil depletion")],
    ),
    # what a title calls remedies of X, its answer lists
    (
        "Name three fixes for memory leaks. || Garbage collection\nReference counting",
        ("memory leak", "garbage collection", "reference counting"),
        [
            ("garbage collection", "addresses", "memory leak"),
            ("reference counting", "addresses", "memory leak"),
        ],
    ),
    # what something is used against, it addresses
    (
        "What vaccines can be employed against viral infections?",
        ("vaccine", "viral infection"),
        [("vaccine", "addresses", "viral infection")],
    ),
    # a verb and its preposition
    (
        "The windmill relies solely on sea breezes.",
        ("windmill", "sea breeze"),
        [("windmill", "uses", "sea breeze")],
    ),
    # "conditioned on" says what a thing depends on
    (
        "Each forecast is conditioned on the rainfall of the previous season.",
        ("forecast", "rainfall"),
        [("forecast", "uses", "rainfall")],
    ),
    # "X is a Y" with concepts on both sides of the copula
    (
        "Mangroves are coastal trees adapted to tolerate salt water.",
        ("mangrove", "coastal tree"),
        [("mangrove", "is_a", "coastal tree")],
    ),
    # an apposition after a comma
    (
        "Crop rotation, a soil conservation practice, restores nitrogen.",
        ("crop rotation", "soil conservation practice"),
        [("crop rotation", "is_a", "soil conservation practice")],
    ),
    # a list after "such as", past a parenthesis
    (
        "Loss functions such as mean squared error (for regression) and cross-entropy loss.",
        ("loss function", "mean squared error", "cross-entropy loss"),
        [
            ("mean squared error", "is_a", "loss function"),
            ("cross-entropy loss", "is_a", "loss function"),
        ],
    ),
    # a relative pronoun stands for the noun it follows
    (
        "Use activation functions that produce vanishing gradients. Deep networks suffer from "
        "vanishing gradients.",
        ("activation function", "vanishing gradient"),
        [("activation function", "causes", "vanishing gradient")],
    ),
    # the subject stands only in the question
    (
        "What is an autoencoder? || It consists of an encoder and a decoder.",
        ("encoder", "decoder"),
        [("encoder", "part_of", "autoencoder"), ("decoder", "part_of", "autoencoder")],
    ),
    (
        "What is a ketch? || A variant of the sloop with two masts.",
        ("sloop",),
        [("ketch", "is_a", "sloop")],
    ),
    (
        "What is the transformer? || A sequence model that relies on attention mechanisms.",
        ("attention mechanism",),
        [("transformer", "uses", "attention mechanism")],
    ),
    (
        "What is an LSTM? || gates keep error flowing -> address the vanishing gradient problem",
        ("vanishing gradient problem",),
        [("LSTM", "addresses", "vanishing gradient problem")],
    ),
    (
        "What does the guard cell do? || controls how much of the water vapour is released",
        ("water vapour",),
        [("guard cell", "related_to", "water vapour")],
    ),
    # a concept modifying a plural class names a kind of it, past its own gloss
    (
        "Data arrives in order when using TCP (Transmission Control Protocol) transport protocols.",
        ("TCP", "transport protocol"),
        [("TCP", "is_a", "transport protocol")],
    ),
    # instances of a generic class ("methods") belong to the line's label
    (
        "Water treatment: employ methods such as chlorination and filtration.",
        ("water treatment", "chlorination", "filtration"),
        [
            ("chlorination", "is_a", "water treatment"),
            ("filtration", "is_a", "water treatment"),
        ],
    ),
    # a pronoun in the answer stands for the question's grammatical subject
    (
        "Why are kilns suited to stoneware? || They contain thick fire bricks.",
        ("kiln", "stoneware", "fire brick"),
        [("fire brick", "part_of", "kiln")],
    ),
    # "river/coastal flooding problem" names both problems
    (
        "What is a levee? || raised earth banks -> address the river/coastal flooding problem",
        ("river flooding problem", "coastal flooding problem"),
        [
            ("levee", "addresses", "river flooding problem"),
            ("levee", "addresses", "coastal flooding problem"),
        ],
    ),
    # examples after a relative clause belong to the class the clause describes
    (
        "Rocks that form large crystals, e.g. granite, cool slowly.",
        ("rock", "crystal", "granite"),
        [("granite", "is_a", "rock")],
    ),
    # a label line: what follows the colon says what the label does
    (
        "GPS: one fix requires triangulation through the whole network",
        ("GPS", "triangulation"),
        [("GPS", "uses", "triangulation")],
    ),
    # a part named with its whole ("of", "in", a possessive), when the notes list such
    # parts of such wholes somewhere
    (
        "An LSTM consists of an input gate and an output gate. The forget gate of the LSTM "
        "decides what to drop.",
        ("forget gate", "LSTM", "input gate", "output gate"),
        [("forget gate", "part_of", "LSTM")],
    ),
    (
        "An LSTM consists of a hidden state. The LSTM's cell state carries memory.",
        ("LSTM", "cell state", "hidden state"),
        [("cell state", "part_of", "LSTM")],
    ),
    # "types of X include A and B" in an answer
    (
        "Common types of erosion include wind erosion and water erosion.",
        ("erosion", "wind erosion", "water erosion"),
        [
            ("wind erosion", "is_a", "erosion"),
            ("water erosion", "is_a", "erosion"),
        ],
    ),
    # a tradeoff between two things contrasts them
    (
        "Practical tradeoff between wet and dry cooling",
        ("wet cooling", "dry cooling"),
        [("wet cooling", "contrasts_with", "dry cooling")],
    ),
    # names joined by a slash are coordinated
    (
        "Name the advantages of the kayak/canoe compared to the rowing boat",
        ("kayak", "canoe", "rowing boat"),
        [("kayak", "contrasts_with", "rowing boat"), ("canoe", "contrasts_with", "rowing boat")],
    ),
    # question frames answered by lists
    (
        "What are the components of a windmill? || Sails, millstone, tail fan",
        ("sail", "millstone", "tail fan"),
        [
            ("sail", "part_of", "windmill"),
            ("millstone", "part_of", "windmill"),
            ("tail fan", "part_of", "windmill"),
        ],
    ),
    (
        "What are the two types of volcanic eruptions? || Explosive eruptions: eject ash\n"
        "Effusive eruptions: pour out lava",
        ("explosive eruption", "effusive eruption"),
        [
            ("explosive eruption", "is_a", "volcanic eruption"),
            ("effusive eruption", "is_a", "volcanic eruption"),
            # two kinds are set side by side
            ("explosive eruption", "contrasts_with", "effusive eruption"),
        ],
    ),
    # the head of "active solar heating" is shared by "passive"
    (
        "What is the difference between passive and active solar heating?",
        ("passive heating", "active solar heating"),
        [("passive heating", "contrasts_with", "active solar heating")],
    ),
    # a generic head names its class by the concept that modifies it
    (
        "Slip casting is a casting method that pours liquid clay into moulds.",
        ("slip casting", "casting"),
        [("slip casting", "is_a", "casting")],
    ),
    (
        "Raku is a traditional firing technique.",
        ("raku", "firing"),
        [("raku", "is_a", "firing")],
    ),
    # what the attribute of a copula does, its subject does
    (
        "Crop rotation is a technique used to prevent soil depletion.",
        ("crop rotation", "soil depletion"),
        [("crop rotation", "addresses", "soil depletion")],
    ),
    (
        "Triangulation is a technique that calculates the distance.",
        ("triangulation", "distance"),
        [("triangulation", "uses", "distance")],
    ),
    # a class narrowed by a clause, then named: the sentence defines a kind of it
    (
        "Any triangle that does not have a right angle is an oblique triangle.",
        ("triangle", "oblique triangle"),
        [("oblique triangle", "is_a", "triangle")],
    ),
    # examples listed after "examples are", of the card's subject
    (
        "What is a Romance language? || A language descended from Latin. Common examples are "
        "French, Spanish and Italian.",
        ("French", "Spanish", "Italian"),
        [
            ("French", "example_of", "Romance language"),
            ("Italian", "example_of", "Romance language"),
        ],
    ),
    # applications of the card's subject
    (
        "What are lasers? || They have applications in eye surgery and barcode scanners.",
        ("eye surgery", "barcode scanner"),
        [
            ("laser", "used_for", "eye surgery"),
            ("laser", "used_for", "barcode scanner"),
        ],
    ),
    # a label defined by a noun phrase
    (
        "TKO: technical KO - the referee stops the fight early",
        ("TKO", "KO"),
        [("TKO", "is_a", "KO")],
    ),
    # the label's other name ends with the genus, though the two names are one concept
    (
        "DRAM: dynamic RAM - each bit sits in a capacitor that must be refreshed",
        ("DRAM", "RAM"),
        [("DRAM", "is_a", "RAM")],
    ),
    (
        "Reset gate: a gate that decides what to forget",
        ("reset gate", "gate"),
        [("reset gate", "is_a", "gate")],
    ),
    # a genus whose name a hyphen joins inside a word
    (
        "Sluice valve: a gravity-fed valve that opens a weir",
        ("sluice valve", "gravity-fed valve"),
        [("sluice valve", "is_a", "gravity-fed valve")],
    ),
    # "X is one that ...": a kind of what X's name ends with
    (
        "What is a flying buttress? || A flying buttress is one that stands apart from the "
        "wall it props.",
        ("flying buttress", "buttress"),
        [("flying buttress", "is_a", "buttress")],
    ),
    # a definition naming what the term belongs to
    (
        "What is the nucleus? || A cell's central control body.",
        ("cell",),
        [("nucleus", "part_of", "cell")],
    ),
    (
        "What is the summit ridge? || The highest ridge in a mountain range.",
        ("ridge", "mountain range"),
        [("summit ridge", "part_of", "mountain range")],
    ),
    # what a sentence says before it turns to an analogy still counts
    (
        "Unlike sundials, clocks show the whole day, similar to reading a map by "
        "jumping between its folds.",
        ("sundial", "clock"),
        [("sundial", "contrasts_with", "clock")],
    ),
]


@pytest.mark.parametrize(("text", "names", "expected"), SENTENCES)
def test_relations_subjects_and_objects(text: str, names: tuple[str, ...], expected: list):
    index = tiny_index(text, *names)
    found = triples(index)
    for source, relation, target in expected:
        assert expect(index, source, relation, target) in found, found


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "Osmosis || This requires a semi-permeable membrane.",
            ("osmosis", "semi-permeable membrane"),
            ("osmosis", "uses", "semi-permeable membrane"),
        ),
        (
            "Plate tectonics || This causes earthquakes.",
            ("plate tectonics", "earthquake"),
            ("plate tectonics", "causes", "earthquake"),
        ),
        (
            "Hash tables || Keys map to slots. This technique is used for caching.",
            ("hash table", "caching"),
            ("hash table", "used_for", "caching"),
        ),
    ],
)
def test_relations_demonstrative_subject_is_the_card_subject(text, names, expected):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a nested item's clause without a subject is about its parent item
        (
            "Farming methods ||- **crop rotation**\n  - helps improve soil fertility",
            ("farming method", "crop rotation", "soil fertility"),
            ("crop rotation", "used_for", "soil fertility"),
        ),
        (
            "Cell transport ||- Osmosis:\n  - It requires a semi-permeable membrane.",
            ("cell transport", "osmosis", "semi-permeable membrane"),
            ("osmosis", "uses", "semi-permeable membrane"),
        ),
        # a line opening with an adjective says what its subject is good for
        (
            "Farming methods ||- crop rotation\n  - valuable in helping improve soil fertility",
            ("farming method", "crop rotation", "soil fertility"),
            ("crop rotation", "used_for", "soil fertility"),
        ),
    ],
)
def test_relations_parent_item_is_the_subject_of_its_sub_items(text, names, expected):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    "text",
    [
        "Crop rotation helps improve both our soil fertility and our yields.",
        "Crop rotation helps improve either soil fertility or yields.",
    ],
)
def test_relations_paired_conjunction_opens_the_objects(text):
    index = tiny_index(text, "crop rotation", "soil fertility")
    assert expect(index, "crop rotation", "used_for", "soil fertility") in triples(index)


@pytest.mark.parametrize(
    "text",
    [
        "Farming ||- **root systems**\n  - tapping into those systems helps improve soil fertility",
        "Root systems ||Tapping into these systems helps improve soil fertility.",
    ],
)
def test_relations_gerund_acting_on_this_thing_is_about_the_subject(text):
    index = tiny_index(text, "farming", "root system", "soil fertility")
    assert expect(index, "root system", "used_for", "soil fertility") in triples(index)


def test_relations_gerund_acting_on_another_thing_is_not_about_the_subject():
    assert_unrelated(
        "Root systems ||Tapping into other systems helps improve soil fertility.",
        ("root system", "soil fertility"),
        ("root system", "soil fertility"),
    )


def test_relations_parent_item_is_cited_beside_the_sub_item():
    index = tiny_index(
        "Farming methods ||- crop rotation\n  - helps improve soil fertility",
        "farming method", "crop rotation", "soil fertility",
    )  # fmt: skip
    edge = next(r for r in typed_relations(index) if r.relation == "used_for")
    assert [e.text for e in edge.evidence] == ["crop rotation", "helps improve soil fertility"]
    # the two lines state it once: as confident as one line about the card's subject
    cue = next(c for c in TABLES["used_for"] if c.name == "helps_to_do")
    assert edge.confidence == pytest.approx(cue.confidence * CARD_SUBJECT_FACTOR, abs=0.002)


@pytest.mark.parametrize(
    "text",
    [
        "Osmosis: One update requires a membrane.",
        "What is the difference between osmosis and diffusion? || • Osmosis: One update "
        "requires a membrane\n• Diffusion: no membrane",
    ],
)
def test_relations_label_is_the_subject_of_a_narrowed_concept(text):
    # "one update" is a thing of the label's, and the edge cites the label with its line
    index = tiny_index(text, "osmosis", "diffusion", "membrane", "update")
    edge = next(r for r in typed_relations(index) if r.relation == "uses")
    assert (edge.source, edge.target) == ("osmosis", "membrane")
    assert all(e.text.startswith("Osmosis:") for e in edge.evidence)


@pytest.mark.parametrize(
    "text",
    [
        # the sentence after a label's own, with no subject of its own, is the label's
        "Breads || Sourdough loaf: a slow bread. Relies on a starter.",
        "Breads || Sourdough loaf (SL): a slow bread. Relies on a starter.",  # "):" glued
    ],
)
def test_relations_a_fragment_after_a_label_line_is_the_labels(text):
    index = tiny_index(text, "bread", "sourdough loaf", "starter")
    found = triples(index)
    assert expect(index, "sourdough loaf", "uses", "starter") in found
    assert expect(index, "bread", "uses", "starter") not in found


@pytest.mark.parametrize(
    ("text", "whole", "members"),
    [
        # a name ending in a noun of rp.NUMBERED_SETS, its members after a colon
        ("Sailing || The rigging trio: mast, boom and sail.",
         "rigging trio", {"mast", "boom", "sail"}),
        ("Baking || The leavening pair: yeast and starter.",
         "leavening pair", {"yeast", "starter"}),
        # no set of a number: a list after a label is not its parts
        ("Sailing || The rigging kit: mast, boom and sail.", "rigging kit", set()),
        # a list of one is no set
        ("Baking || The leavening pair: yeast.", "leavening pair", set()),
    ],
)  # fmt: skip
def test_relations_numbered_set_is_made_of_the_members_it_lists(text, whole, members):
    names = ("rigging trio", "rigging kit", "leavening pair", "mast", "boom", "sail",
             "yeast", "starter")  # fmt: skip
    index = tiny_index(text, *names)
    found = {s for s, r, t in triples(index) if r == "part_of" and t == whole}
    assert found == members


@pytest.mark.parametrize(
    ("text", "subject", "absent"),
    [
        # a label giving its name a bracket (another name, a gloss) is still the label
        ("Kinds of bread || - Sourdough loaf (SL) - rises slowly; relies on a starter\n"
         "- Soda bread - rises fast", "sourdough loaf", "soda bread"),
        ("Kinds of bread || - Sourdough loaf (slow rise): relies on a starter\n"
         "- Soda bread: rises fast", "sourdough loaf", "soda bread"),
    ],
)  # fmt: skip
def test_relations_label_with_a_bracket_is_the_subject_of_its_line(text, subject, absent):
    index = tiny_index(text, "bread", "sourdough loaf", "soda bread", "starter")
    found = triples(index)
    assert expect(index, subject, "uses", "starter") in found
    assert expect(index, absent, "uses", "starter") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "What are some remedies for soil erosion? || Techniques such as terracing "
            "(cutting steps into slopes) and cover crops help to reduce the loss.",
            [
                ("terracing", "addresses", "soil erosion"),
                ("cover crop", "addresses", "soil erosion"),
            ],
        ),
        (
            "What are the applications of hash tables? || Systems such as caches and "
            "symbol tables rely on them.",
            [("hash table", "used_for", "cache"), ("hash table", "used_for", "symbol table")],
        ),
        (
            "What are some remedies for soil erosion? || Simple methods like terracing and "
            "cover crops work well.",
            [("terracing", "addresses", "soil erosion")],
        ),
        (
            "What are some remedies for soil erosion? || Methods including terracing and "
            "cover crops help.",
            [("terracing", "addresses", "soil erosion")],
        ),
    ],
)
def test_relations_question_answered_by_instances_in_a_sentence(text, expected):
    # the answer is a sentence, not a list: its items are the instances it names
    index = tiny_index(
        text, "soil erosion", "terracing", "cover crop", "slope", "hash table", "cache",
        "symbol table",
    )  # fmt: skip
    found = triples(index)
    assert all(expect(index, *e) in found for e in expected), found
    assert not any("slope" in (s, t) for s, r, t in found if r != "related_to")


@pytest.mark.parametrize(
    "text",
    [
        # an instruction under a line naming ways: what it acts with is the way
        "Farming ||Ways to prevent soil erosion:\n- Keep cover crops\n- Build terraces",
        "Farming ||Tips for avoiding soil erosion:\n"
        "1. **Plant cover crops**\n2. **Build terraces**",
        # "steps" and "aspects" name ways as well
        "Farming ||Steps to prevent soil erosion:\n- cover crops\n- terraces",
        "Farming ||Key aspects of tackling soil erosion:\n- cover crops\n- terraces",
    ],
)
def test_relations_ways_listed_after_their_line_address_it(text):
    index = tiny_index(text, "farming", "soil erosion", "cover crop", "terrace")
    found = {(s, r, t) for s, r, t in triples(index) if r != "related_to"}
    assert expect(index, "cover crop", "addresses", "soil erosion") in found, found
    assert expect(index, "terrace", "addresses", "soil erosion") in found, found
    # the line names ways: the card's subject does not prevent anything through it
    assert not any(s == "farming" for s, r, t in found), found


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A triangle with equal sides is called equilateral.", "equilateral triangle"),
        ("Such triangles are called equilateral.", "equilateral triangle"),
        ("The rock in this example is named igneous, as it cooled from magma.", "igneous rock"),
        ("A rock that cooled from magma is termed igneous.", "igneous rock"),
    ],
)
def test_relations_called_adjective_names_a_kind(text, kind):
    index = tiny_index(text, "triangle", "equilateral triangle", "rock", "igneous rock", "magma")
    found = triples(index)
    assert (kind, "is_a", index.find(kind.split()[-1])) in found, found


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Soils can be acidic after heavy liming.", ("acidic soil", "liming")),
        ("A glacier is fast or surging when meltwater lubricates its bed.",
         ("surging glacier", "meltwater")),
    ],
)  # fmt: skip
def test_relations_predicate_adjective_names_its_concept(text, pair):
    from graph.export._style import relation_phrase

    index = tiny_index(text, "soil", "acidic soil", "liming", "glacier", "surging glacier",
                       "meltwater")  # fmt: skip
    found = [r for r in typed_relations(index) if (r.source, r.target) == tuple(pair)]
    assert [r.relation for r in found] == ["related_to"], found
    assert [e.text for e in found[0].evidence] == [text]
    # it reads as two names in one sentence
    assert relation_phrase({"relation": "related_to", "label": found[0].label}) == (
        "named in one sentence with"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Soils are not acidic after heavy liming.",  # denied
        "Soils can be wet after heavy liming.",  # "wet soil" is no concept
    ],
)
def test_relations_predicate_adjective_names_no_other_concept(text):
    index = tiny_index(text, "soil", "acidic soil", "liming")
    assert not any(r.source == "acidic soil" for r in typed_relations(index))


def test_relations_called_adjective_negated_names_no_kind():
    assert_unrelated(
        "A triangle is not called equilateral.",
        ("triangle", "equilateral triangle"),
        ("equilateral triangle", "triangle"),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "What does photosynthesis use? || Chlorophyll and sunlight.",
            [("photosynthesis", "uses", "chlorophyll"), ("photosynthesis", "uses", "sunlight")],
        ),
        (
            "What does a hash table use? || Hash functions and buckets.",
            [("hash table", "uses", "hash function"), ("hash table", "uses", "bucket")],
        ),
        # the question's concept is the object: the items are the subjects
        (
            "What causes soil erosion? || Water and wind.",
            [("water", "causes", "soil erosion"), ("wind", "causes", "soil erosion")],
        ),
    ],
)
def test_relations_question_asking_what_a_verb_acts_on_takes_the_answer(text, expected):
    names = ("photosynthesis", "chlorophyll", "sunlight", "hash table", "hash function",
             "bucket", "soil erosion", "water", "wind")  # fmt: skip
    index = tiny_index(text, *names)
    found = triples(index)
    assert all(expect(index, *e) in found for e in expected), found


def test_relations_untitled_card_is_about_its_heading():
    cards = _qa(("What is osmosis?", "A flow of water."), ("What is a membrane?", "A wall."))
    cards.append(
        Card("s.txt#9", "s.txt", "markdown", (90, 91), "", "It requires a membrane.",
             section=("Osmosis",), title_line=90, body_lines=(91,))
    )  # fmt: skip
    assert ("osmosis", "uses", "membrane") in _edges(cards)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # a negated copula states nothing
        ("An LSTM is not a transformer.", ("LSTM", "transformer"), ("LSTM", "transformer")),
        # a noun that is no concept stands between: "images", not the discriminator
        (
            "The potter throws smooth bowls and the apprentice is left to glaze.",
            ("potter", "apprentice"),
            ("potter", "apprentice"),
        ),
        # a singular head is a part or a property, not a class: no is_a
        ("Each LSTM cell keeps a state.", ("LSTM", "cell"), ("LSTM", "cell")),
        # the answer's pronoun is not the question's object
        (
            "Why are kilns suited to stoneware? || They contain thick fire bricks.",
            ("kiln", "stoneware", "fire brick"),
            ("stoneware", "fire brick"),
        ),
        # a whole's "of" object is no part unless the notes list such parts of such wholes
        (
            "A kiln consists of a fire box. The state of the glaze depends on the heat.",
            ("state", "glaze"),
            ("state", "glaze"),
        ),
        (
            "The output of the LSTM feeds the classifier.",
            ("output", "LSTM"),
            ("output", "LSTM"),
        ),
        # a common noun modifying a plural class is what the class holds, not a kind of it
        (
            "Larger gradient tensors are stored until the update.",
            ("gradient", "tensor"),
            ("gradient", "tensor"),
        ),
        # a step of a procedure is done by the reader, not by the card's subject
        (
            "How can autoencoders find anomalies? || Calculate the reconstruction error.",
            ("autoencoder", "reconstruction error"),
            ("autoencoder", "reconstruction error"),
        ),
        # a negated cue states nothing
        (
            "PCA is not suitable for large datasets.",
            ("PCA", "large dataset"),
            ("PCA", "large dataset"),
        ),
        # "like" hangs on a word that is no concept
        (
            "Latent variables are structured like images.",
            ("latent variable", "image"),
            ("latent variable", "image"),
        ),
        # a step of a procedure: the reader computes, not the card's subject
        ("What is PCA? || Compute the mean of the data.", ("PCA", "mean"), ("PCA", "mean")),
        # a concept that only modifies the object's noun
        (
            "GPT consists of many transformer-decoder layers.",
            ("GPT", "transformer"),
            ("GPT", "transformer"),
        ),
        # an analogy is no evidence
        (
            "Think of it like an autoencoder that uses a decoder.",
            ("autoencoder", "decoder"),
            ("autoencoder", "decoder"),
        ),
        # a demonstrative after another concept may be that concept, not the card's subject
        (
            "Hash tables || They use open addressing. This technique is used for caching.",
            ("hash table", "open addressing", "caching"),
            ("hash table", "caching"),
        ),
        # after a sentence, a bare "this" is that statement
        (
            "Plate tectonics || Continents drift. This causes earthquakes.",
            ("plate tectonics", "earthquake"),
            ("plate tectonics", "earthquake"),
        ),
        # a question's "this" may be any part of what it asks
        (
            "What happens when plate tectonics slows? || This causes fewer earthquakes.",
            ("plate tectonics", "earthquake"),
            ("plate tectonics", "earthquake"),
        ),
    ],
)
def test_relations_ignore_what_the_sentence_does_not_say(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("A famine is a series of crop failures caused by a drought.", ("famine", "drought"),
         ("drought", "causes", "famine")),
        ("An allergy is a sequence of reactions triggered by pollen.", ("allergy", "pollen"),
         ("pollen", "causes", "allergy")),
        ("Hay fever is a set of symptoms triggered by pollen.", ("hay fever", "pollen"),
         ("pollen", "causes", "hay fever")),
        ("Anaemia is a group of disorders caused by iron deficiency.",
         ("anaemia", "iron deficiency"), ("iron deficiency", "causes", "anaemia")),
        ("A stampede is a chain of movements triggered by a loud noise.",
         ("stampede", "loud noise"), ("loud noise", "causes", "stampede")),
    ],
)  # fmt: skip
def test_relations_clause_on_a_collective_of_phrase_is_about_the_copula_subject(
    text, names, expected
):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "whole", "parts"),
    [
        ("Brass is copper plus zinc.", "brass", ("copper", "zinc")),
        ("A nucleotide is a sugar, a phosphate and a base together.", "nucleotide",
         ("sugar", "phosphate", "base")),
        ("Bronze is copper combined with tin.", "bronze", ("copper", "tin")),
    ],
)  # fmt: skip
def test_relations_sum_of_parts_states_parts_not_a_class(text, whole, parts):
    index = tiny_index(text, whole, *parts)
    found = triples(index)
    for part in parts:
        assert expect(index, part, "part_of", whole) in found
        assert expect(index, whole, "is_a", part) not in found


def test_relations_contrasts_come_both_ways():
    index = tiny_index("What is the difference between DNA and RNA?", "DNA", "RNA")
    found = triples(index)
    assert ("DNA", "contrasts_with", "RNA") in found
    assert ("RNA", "contrasts_with", "DNA") in found


def test_relations_merge_pools_evidence_and_raises_confidence():
    sentences = [Evidence("n.txt", i, f"A uses B ({i}).") for i in range(5)]
    merged = merge_relations(
        [Relation("a", "b", "uses", 0.5, [e]) for e in sentences]
        + [Relation("a", "b", "uses", 0.5, [sentences[0]]), Relation("a", "a", "uses", 0.9)]
    )
    assert len(merged) == 1
    (edge,) = merged
    assert len(edge.evidence) == 3 and len(set(edge.evidence)) == 3
    assert 0.5 < edge.confidence <= 0.95


@pytest.mark.parametrize(
    "text",
    [
        "Osmosis requires a membrane. Osmosis relies on a membrane.",
        "Osmosis is the opposite of diffusion. Unlike osmosis, diffusion is fast.",
    ],
)
def test_relations_typed_confidence_counts_each_sentence_once(text):
    from extraction.relations import raw_relations

    index = tiny_index(text, "osmosis", "membrane", "diffusion")
    pooled = {
        (r.source, r.relation, r.target): r.confidence
        for r in merge_relations(
            [
                *raw_relations(index),
                *(
                    Relation(r.target, r.source, r.relation, r.confidence, r.evidence)
                    for r in raw_relations(index)
                    if r.relation == "contrasts_with"
                ),
            ]
        )
    }
    typed = [r for r in typed_relations(index) if r.relation != "related_to"]
    assert typed and all(len(r.evidence) == 2 for r in typed)
    assert all(r.confidence == pooled[(r.source, r.relation, r.target)] for r in typed)


def test_relations_min_confidence_filters():
    index = tiny_index(
        "What is an autoencoder? || It contains a decoder. An autoencoder consists of an encoder.",
        "encoder",
        "decoder",
    )
    low = triples(index, untyped=False)
    high = triples(index, min_confidence=0.8, untyped=False)
    assert expect(index, "decoder", "part_of", "autoencoder") in low - high
    assert expect(index, "encoder", "part_of", "autoencoder") in high


# -- the real notes ----------------------------------------------------------------------


@cache
def seed_relations() -> tuple[ConceptIndex, tuple[Relation, ...]]:
    results = read_paths(sorted(SEEDS.glob("*.txt")))
    cards = [card for result in results for card in result.cards]
    index = extract_concepts(cards, order=[r.source.path for r in results])
    return index, tuple(typed_relations(index))


@requires_shared
def test_relations_seed_evidence_is_verbatim():
    index, relations = seed_relations()
    files = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}

    # the readers join wrapped lines and bullets that go on one sentence, tidy spaces
    # ("do not ?" -> "do not?") and drop backquotes around names: compare the sentences
    # without white space, bullets and backquotes
    def squeeze(text: str) -> str:
        return "".join(re.sub(r"[`•◦▪‣●]", "", text).split())

    squeezed = {name: squeeze(text) for name, text in files.items()}
    assert relations
    for r in relations:
        assert r.evidence and r.source in index.concepts and r.target in index.concepts
        for e in r.evidence:
            lines = files[e.source].splitlines()
            assert 1 <= e.line <= len(lines)
            # the sentence may run over wrapped lines: compare with whitespace folded
            assert squeeze(e.text) in squeezed[e.source], asdict(e)
            first_word = re.escape(e.text.split()[0])
            assert re.search(first_word, lines[e.line - 1]), (e.line, e.text)


@requires_shared
def test_relations_seed_no_self_loops_and_symmetric_contrasts():
    _, relations = seed_relations()
    assert all(r.source != r.target for r in relations)
    contrasts = {(r.source, r.target) for r in relations if r.relation == "contrasts_with"}
    assert contrasts and all((b, a) in contrasts for a, b in contrasts)
    assert all(0 < r.confidence <= 1 for r in relations)


# -- quality on the development gold ------------------------------------------------------

#: The floors of issue #13 that hold on the leave-one-file-out figures pooled over dev and
#: dev2 (``python -m benchmarks.relation_quality``): learning-path recall (>= 0.60) since
#: the seventeenth session, typed relation recall (>= 0.50) since the nineteenth,
#: relation_recall_any (>= 0.70) since the twenty-third. prereq_recall_path3 (>= 0.60)
#: does not hold yet: what this code reaches (measured 2026-12-07, twenty-fourth session:
#: 0.553) is held a little under it, so that nothing falls back unnoticed.
FLOORS = {
    "typed_precision_on_gold_pairs": 0.88,
    "prereq_direction_precision": 0.90,
    "path_order": 0.85,
    "path_recall": 0.60,
    "relation_recall_any": 0.70,
    "relation_recall_typed": 0.50,
    "prereq_recall_path3": 0.53,
}
CEILINGS = {"prereq_reversed": 0.04}


@pytest.fixture(scope="module")
def lofo_pooled() -> dict:
    from benchmarks import quality, relation_quality

    if not (quality.EVAL / "score.py").exists():
        pytest.skip(f"the development gold is not here: {quality.EVAL} is absent")
    return relation_quality.run()["lofo"]["pooled"]["all"]


@pytest.mark.slow
@requires_shared
@pytest.mark.parametrize("metric", [*FLOORS, *CEILINGS])
def test_relations_quality_leave_one_file_out(lofo_pooled, metric: str):
    value = lofo_pooled[metric]
    assert value is not None
    if metric in FLOORS:
        assert value >= FLOORS[metric], (metric, value)
    else:
        assert value <= CEILINGS[metric], (metric, value)


# -- relations read from the structure of the notes ---------------------------------------


def _qa(*pairs: tuple[str, str]) -> list[Card]:
    cards = []
    for i, (title, body) in enumerate(pairs, start=1):
        first = 10 * i
        body_lines = tuple(range(first + 1, first + 1 + len(body.splitlines())))
        cards.append(
            Card(f"s.txt#{i}", "s.txt", "qa-list", (first, first + 3), title, body,
                 title_line=first, body_lines=body_lines)
        )  # fmt: skip
    return cards


def _edges(cards: list[Card]) -> set[tuple[str, str, str]]:
    return {(r.source, r.relation, r.target) for r in typed_relations(extract_concepts(cards))}


def test_relations_compound_names_a_kind_of_its_head():
    cards = _qa(
        ("What is an RNN?", "A recurrent network with a hidden state."),
        ("What is a many-to-one RNN?", "An RNN that reads a sequence and outputs one value."),
    )
    assert ("many-to-one RNN", "is_a", "RNN") in _edges(cards)


@pytest.mark.parametrize(
    ("enzyme", "answer"),
    [
        ("digestive enzyme", "The stomach releases it and each enzyme breaks down one nutrient."),
        ("liver enzyme", "Doctors test for an enzyme like it after an injury."),
    ],
)
def test_relations_compound_named_in_passing_is_linked_by_its_name_only(enzyme, answer):
    cards = _qa(
        ("What is an enzyme?", "A protein that speeds up a reaction."),
        (f"What is a {enzyme}?", answer),
    )
    relations = typed_relations(extract_concepts(cards))
    found = {(r.source, r.relation, r.target): r for r in relations}
    assert (enzyme, "is_a", "enzyme") not in found
    link = found[(enzyme, "related_to", "enzyme")]
    assert link.label == KIND_BY_NAME
    assert link.evidence[0].text == f"What is a {enzyme}?"


@pytest.mark.parametrize(
    "answer",
    [
        "Term: An enzyme that breaks down food in the gut.",
        "Definition: an enzyme that breaks down food in the gut.",
        "Key idea: An enzyme that breaks down food in the gut.",
    ],
)
def test_relations_compound_class_named_after_a_leading_label_is_a_kind(answer):
    cards = _qa(
        ("What is an enzyme?", "A protein that speeds up a reaction."),
        ("What is a digestive enzyme?", answer),
    )
    assert ("digestive enzyme", "is_a", "enzyme") in _edges(cards)


@pytest.mark.parametrize(
    "answer",
    [
        "Memory hook: Enzyme as a pair of scissors for food in the gut.",
    ],
)
def test_relations_compound_head_after_a_label_without_an_article_is_no_class(answer):
    cards = _qa(
        ("What is an enzyme?", "A protein that speeds up a reaction."),
        ("What is a digestive enzyme?", answer),
    )
    assert ("digestive enzyme", "is_a", "enzyme") not in _edges(cards)


@pytest.mark.parametrize(
    ("title", "answer", "expected"),
    [
        ("What is osmosis?", "Term: A passive process that moves water.", "passive process"),
        ("Define a hash table", "Term: A data structure that maps keys to values.",
         "data structure"),
    ],
)  # fmt: skip
def test_relations_definition_after_a_leading_label_gives_the_genus(title, answer, expected):
    cards = _qa(
        ("What is a passive process?", "Movement that needs no energy."),
        ("What is a data structure?", "A way to store data."),
        (title, answer),
    )
    subject = "osmosis" if "osmosis" in title else "hash table"
    assert (subject, "is_a", expected) in _edges(cards)


def _kind_cards(sentence: str) -> list[Card]:
    return _qa(
        ("What is diffusion?", "The spread of molecules from high to low concentration."),
        ("What is a passive process?", "Movement that needs no energy."),
        ("What is osmosis?", "The movement of water across a membrane."),
        ("Why do cells swell?", sentence),
    )


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Osmosis, a type of diffusion, moves water across a membrane.", "diffusion"),
        ("Osmosis, a form of diffusion, moves water across a membrane.", "diffusion"),
        ("One kind of diffusion is osmosis.", "diffusion"),
        ("One form of diffusion is osmosis.", "diffusion"),
        ("Osmosis, which is a passive process, moves water.", "passive process"),
    ],
)
def test_relations_kind_stated_aside_or_fronted(sentence, kind):
    assert ("osmosis", "is_a", kind) in _edges(_kind_cards(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "A sailboat consists of a hull, a mast and a keel.",
        "A sailboat carries a hull, a mast, and a keel.",
        "A sailboat needs a hull, a mast or a keel to float.",
    ],
)
def test_relations_a_list_of_items_named_with_a_is_no_apposition(sentence):
    cards = _qa(
        ("What is a hull?", "The body of a boat."),
        ("What is a mast?", "The pole that holds the sails."),
        ("What is a keel?", "A fin under the hull."),
        ("What is a sailboat?", sentence),
    )
    assert not {e for e in _edges(cards) if e[1] == "is_a"}, _edges(cards)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Osmosis is one of the passive processes.", "passive process"),
        ("Osmosis belongs to the family of passive processes.", "passive process"),
        ("Osmosis is a form of diffusion.", "diffusion"),
        ("Osmosis is a special case of diffusion.", "diffusion"),
    ],
)
def test_relations_kind_stated_by_a_kind_cue(sentence, kind):
    assert ("osmosis", "is_a", kind) in _edges(_kind_cards(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Osmosis, which is not a passive process, moves water.",
        "The kind of diffusion that matters here is osmosis.",
    ],
)
def test_relations_kind_denied_or_picked_is_no_kind(sentence):
    assert not any(r == "is_a" for _, r, _ in _edges(_kind_cards(sentence)))


@pytest.mark.parametrize(
    ("sentence", "user"),
    [
        ("The decoder writes words in a greedy manner, conditioned on the summary vector.",
         "decoder"),
        ("Samples are drawn from a prior distribution, conditioned on the summary vector.",
         "prior distribution"),
    ],
)  # fmt: skip
def test_relations_participle_after_a_comma_reads_a_manner_as_no_thing(sentence, user):
    cards = _qa(
        ("What is a decoder?", "A network that writes words."),
        ("What is a summary vector?", "A vector that sums up the input."),
        ("What is a prior distribution?", "A distribution before data."),
        ("What is a greedy manner?", "Taking the best choice each step."),
        ("How does decoding work?", sentence),
    )
    users = {s for s, r, t in _edges(cards) if (r, t) == ("uses", "summary vector")}
    assert users == {user}


def test_relations_component_labels_are_parts_of_the_card_subject():
    cards = _qa(
        ("What is a GRU?", "A recurrent unit with two gates."),
        ("How does a GRU control information?",
         "Reset gate: decides how much of the old state to forget\n"
         "Update gate: decides how much new state to keep"),
    )  # fmt: skip
    edges = _edges(cards)
    assert ("reset gate", "part_of", "GRU") in edges
    assert ("update gate", "part_of", "GRU") in edges


@pytest.mark.parametrize(
    ("title", "parts"),
    [
        ("Parts of a memory leak", True),
        ("How can you detect a memory leak?", False),
        ("What are the signs of a memory leak?", False),
    ],
)
def test_relations_labels_under_a_question_about_signs_are_no_parts(title, parts):
    cards = _qa(
        ("What is a memory leak?", "Memory a program keeps but no longer uses."),
        ("What is heap usage?", "How much of the heap is taken."),
        ("What is swap usage?", "How much memory is paged to disk."),
        (title, "Heap usage: grows while the load stays flat\nSwap usage: the system pages"),
    )
    found = ("heap usage", "part_of", "memory leak") in _edges(cards)
    assert found is parts


def test_relations_part_in_whole_in_a_question():
    cards = _qa(
        ("What is a basal layer?", "A layer that makes new cells."),
        ("What is a granular layer?", "A layer that makes keratin."),
        ("What is the epidermis?", "The epidermis consists of a basal layer and a granular layer."),
        (
            "What does the cornified layer in the epidermis do?",
            "Controls how much of the body water is lost.",
        ),
    )
    assert ("cornified layer", "part_of", "epidermis") in _edges(cards)


def test_relations_name_with_a_preposition_is_a_kind_of_what_precedes_it():
    cards = _qa(
        ("What is flood mapping?", "Drawing the land that water covers after a storm."),
        ("What is a drone?", "A small aircraft flown without a pilot on board."),
        (
            "Flood mapping with drones (FMD)",
            "Flood mapping that flies a drone over the valley and marks the wet fields.",
        ),
    )
    index = extract_concepts(cards)
    edges = triples(index)
    name = index.find("flood mapping with drones")
    assert (name, "is_a", index.find("flood mapping")) in edges
    assert (name, "uses", index.find("drone")) in edges
    # cited by the card's title and the answer that names the head
    edge = next(r for r in typed_relations(index) if r.source == name and r.relation == "is_a")
    assert edge.evidence[0].text == "Flood mapping with drones (FMD)"


def test_relations_a_name_alone_states_no_kind():
    cards = _qa(
        ("What is flood mapping?", "Drawing the land that water covers after a storm."),
        ("What is river flood mapping?", "Mark the fields below the levee."),
    )
    index = extract_concepts(cards)
    name = index.find("river flood mapping")
    assert name and not any(s == name for s, r, _ in triples(index) if r != "related_to")


@pytest.mark.parametrize(
    ("title", "used_for"),
    [
        ("Name applications of RNN configurations.", True),
        ("Which tasks are these RNN configurations used for?", True),
        # the labels explain the configurations: no application is named
        ("How do the RNN configurations differ?", False),
    ],
)
def test_relations_application_labels_give_used_for(title: str, used_for: bool):
    cards = _qa(
        ("What is a deep RNN?", "An RNN with stacked layers."),
        ("What is speech recognition?", "Turning audio into text."),
        (title, "Deep RNN: speech recognition"),
    )
    assert (("deep RNN", "used_for", "speech recognition") in _edges(cards)) is used_for


def test_relations_application_labels_that_explain_are_not_uses():
    cards = _qa(
        ("What is a decoder?", "A network that generates a sequence."),
        ("What is autoregression?", "Predicting the next value from the previous ones."),
        ("What are decoders used for?", "Decoder: generates tokens by autoregression"),
    )
    assert not any(r == "used_for" for _, r, _ in _edges(cards))


def test_relations_acronym_inside_an_acronym_is_a_kind_of_it():
    cards = _qa(
        ("What is BPTT?", "Backpropagation over the unrolled sequence."),
        ("What is TBPTT?", "BPTT over chunks of the sequence."),
    )
    assert ("TBPTT", "is_a", "BPTT") in _edges(cards)


def test_relations_examples_label_lists_examples_of_the_card_subject():
    cards = _qa(
        ("What is a Hopfield network?", "A recurrent associative memory."),
        ("What is a Boltzmann machine?", "A stochastic network."),
        (
            "What is a fully connected network?",
            "Every unit feeds every unit.\nExamples: Hopfield network, Boltzmann machine",
        ),
    )
    index = extract_concepts(cards)
    edges = triples(index)
    assert expect(index, "Hopfield network", "example_of", "fully connected network") in edges
    assert expect(index, "Boltzmann machine", "example_of", "fully connected network") in edges


@pytest.mark.parametrize("title", ["Examples of noble gases", "What are examples of noble gases?"])
def test_relations_examples_title_lists_examples_not_kinds(title: str):
    index = tiny_index(f"{title} || helium\nneon\nargon", "helium", "neon", "argon", "noble gas")
    edges = triples(index)
    for gas in ("helium", "neon", "argon"):
        assert expect(index, gas, "example_of", "noble gas") in edges
        assert expect(index, gas, "is_a", "noble gas") not in edges


# -- lists introduced by a line -------------------------------------------------------------


@pytest.mark.parametrize(
    ("intro", "items", "relation", "anchor"),
    [
        ("The most common igneous rocks are:", ["granite", "basalt"], "is_a",
         "igneous rock"),
        ("Examples:", ["processor", "semaphore"], "example_of", "reusable resource"),
        ("The components of a GRU are:", ["reset gate", "update gate"], "part_of", "GRU"),
        ("A GRU consists of:", ["reset gate", "update gate"], "part_of", "GRU"),
        ("Applications of autoencoders:", ["denoising", "anomaly detection"], "used_for",
         "autoencoder"),
    ],
)  # fmt: skip
def test_relations_line_introduces_the_list_after_it(intro, items, relation, anchor):
    body = "\n".join([f"A short note about {anchor}s.", intro, *(f"- {i}" for i in items)])
    cards = _qa(
        *((f"What is {name}?", "See the lecture.") for name in [*items, anchor]),
        (f"{anchor.capitalize()}s", body),
    )
    index = extract_concepts(cards)
    for item in items:
        if relation == "used_for":
            assert expect(index, anchor, relation, item) in triples(index)
        else:
            assert expect(index, item, relation, anchor) in triples(index)
    edge = next(
        r for r in typed_relations(index)
        if r.relation == relation and index.find(items[0]) in (r.source, r.target)
    )  # fmt: skip
    # the line that says what the list is, and the item; the card's title before them
    # when that line does not name what the items belong to ("Examples:")
    title = [] if anchor.lower() in intro.lower() else [f"{anchor.capitalize()}s"]
    assert [e.text for e in edge.evidence] == [*title, intro, items[0]]


@pytest.mark.parametrize(
    "intro",
    [
        "A mast holds the sails; sloop and ketch rigs are the two common kinds.",
        "Sloop and ketch rigs are the two common kinds:",
    ],
)
def test_relations_list_after_a_line_naming_its_members_anchors_nothing(intro):
    body = "\n".join([intro, "- Sloop rig: one mast.", "- Ketch rig: two masts."])
    cards = _qa(
        ("What is a sloop rig?", "A rig with one mast."),
        ("What is a ketch rig?", "A rig with two masts."),
        ("Rigging", body),
    )
    index = extract_concepts(cards)
    sloop, ketch = index.find("sloop rig"), index.find("ketch rig")
    assert not any({s, t} == {sloop, ketch} for s, _, t in triples(index))


def test_relations_list_after_a_line_stops_at_the_next_paragraph():
    body = "Examples:\n- processor\nNot an example: semaphore."
    cards = _qa(
        ("What is a processor?", "A chip."),
        ("What is a semaphore?", "A counter."),
        ("Reusable resources", body),
    )
    index = extract_concepts(cards)
    found = triples(index)
    assert expect(index, "processor", "example_of", "reusable resource") in found
    assert not any(s == index.find("semaphore") and r == "example_of" for s, r, _ in found)


@pytest.mark.parametrize("mark", [":", " —", " -"])
def test_relations_list_after_a_line_reads_labels_ending_with_a_colon_or_a_dash(mark):
    body = f"Examples:\n- processor{mark} a chip that runs code\n- semaphore{mark} a counter"
    cards = _qa(
        ("What is a processor?", "A chip."),
        ("What is a semaphore?", "A counter."),
        ("Reusable resources", body),
    )
    index = extract_concepts(cards)
    for item in ("processor", "semaphore"):
        assert expect(index, item, "example_of", "reusable resource") in triples(index)


def test_relations_list_after_a_line_stops_where_a_list_of_its_own_starts():
    text = "# Reusable resources\n\nExamples:\n\n1. processor\n\n- semaphore\n"
    cards = [*read_bytes(text.encode(), path="notes.md").cards]
    cards += _qa(("What is a processor?", "A chip."), ("What is a semaphore?", "A counter."))
    index = extract_concepts(cards)
    found = triples(index)
    assert expect(index, "processor", "example_of", "reusable resource") in found
    assert not any(s == index.find("semaphore") and r == "example_of" for s, r, _ in found)


def test_relations_term_cards_under_a_heading_are_its_list():
    # a two-column table or a glossary the reader made into term cards, nested under
    # the heading whose text introduces them
    head = Card(
        "t.txt#1",
        "t.txt",
        "markdown",
        (1, 3),
        "Optimizers",
        "Optimizers update the weights.\nThe most common optimizers are:",
        title_line=1,
        body_lines=(2, 3),
        title_kind="heading",
    )
    terms = [
        Card(f"t.txt#{i}", "t.txt", "markdown", (i + 4, i + 4), name,
             f"{name} is an optimization algorithm.", section=("Optimizers",),
             title_line=i + 4, body_lines=(i + 4,), section_lines=(1,), title_kind="term")
        for i, name in enumerate(["Adam", "RMSprop"], start=2)
    ]  # fmt: skip
    index = extract_concepts([head, *terms])
    found = triples(index)
    assert expect(index, "Adam", "is_a", "optimizer") in found
    assert expect(index, "RMSprop", "is_a", "optimizer") in found


# -- tables and contrasts ---------------------------------------------------------------------


def test_relations_table_header_says_the_relation_of_each_row():
    from extraction.records import Table

    defs = _qa(
        ("What is drip irrigation?", "Watering each plant at its roots."),
        ("What is flood irrigation?", "Covering the whole field with water."),
        ("What is water loss?", "Water that evaporates before plants take it up."),
        ("What is weed growth?", "Unwanted plants spreading in the field."),
        ("What is an irrigation method?", "A way of watering crops."),
    )
    table = Table(
        ("Irrigation method", "How it works", "Best for", "Solves"),
        (
            ("**Drip irrigation**", "Waters the roots.", "Reducing water loss", "water loss"),
            ("Flood irrigation", "Covers the field.", "flat fields", "weed growth"),
        ),
        row_lines=(52, 53),
    )
    card = Card("s.txt#9", "s.txt", "markdown", (49, 53), "Which irrigation method fits?",
                "They differ in what they fix.", title_line=49, body_lines=(50,),
                title_kind="heading", tables=(table,))  # fmt: skip
    index = extract_concepts([*defs, card])
    found = triples(index)
    assert expect(index, "drip irrigation", "is_a", "irrigation method") in found
    assert expect(index, "flood irrigation", "is_a", "irrigation method") in found
    assert expect(index, "drip irrigation", "addresses", "water loss") in found
    assert expect(index, "flood irrigation", "addresses", "weed growth") in found
    edge = next(
        r for r in typed_relations(index)
        if r.relation == "addresses" and r.source == index.find("drip irrigation")
    )  # fmt: skip
    # the header says which relation, the row states it
    assert [(e.line, e.text) for e in edge.evidence] == [
        (51, "Irrigation method | How it works | Best for | Solves"),
        (52, "**Drip irrigation** | Waters the roots. | Reducing water loss | water loss"),
    ]


@pytest.mark.parametrize(
    "card",
    [
        ("LSTM vs. GRU", "The GRU has fewer gates than the LSTM."),
        ("What is the difference between an LSTM and a GRU?", "The GRU has fewer gates."),
    ],
)
def test_relations_versus_card_contrasts_and_cites_its_answer(card):
    cards = _qa(
        ("What is an LSTM?", "A recurrent network with three gates."),
        ("What is a GRU?", "A recurrent network with two gates."),
        card,
    )
    index = extract_concepts(cards)
    assert expect(index, "LSTM", "contrasts_with", "GRU") in triples(index)
    edge = next(r for r in typed_relations(index) if r.relation == "contrasts_with")
    assert [e.text for e in edge.evidence] == list(card)  # the title and its answer


def test_relations_a_heading_alone_states_nothing():
    cards = _qa(
        ("What is an LSTM?", "A recurrent network with three gates."),
        ("What is a GRU?", "A recurrent network with two gates."),
        ("LSTM vs. GRU", ""),
    )
    index = extract_concepts(cards)
    assert not any(r == "contrasts_with" for _, r, _ in triples(index))


@pytest.mark.parametrize(
    ("sentences", "kept"),
    [
        # is_a both ways: the better-stated one stands
        (
            "A GRU is a simplified variant of the LSTM. The LSTM is a GRU.",
            ("GRU", "is_a", "LSTM"),
        ),
        # part_of both ways
        (
            "The encoder consists of an attention layer. The attention layer is a component "
            "of the encoder. The encoder is a part of the attention layer.",
            ("attention layer", "part_of", "encoder"),
        ),
    ],
)
def test_relations_contradictions_keep_one_direction(sentences, kept):
    source, relation, target = kept
    index = tiny_index(sentences, source, target)
    found = triples(index)
    assert expect(index, source, relation, target) in found
    assert expect(index, target, relation, source) not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Another common igneous rock is granite, which cools slowly.",
        "One important igneous rock is granite.",
    ],
)
def test_relations_one_more_member_of_a_class_names_the_class(sentence):
    # "another X is Y", "one X is Y": Y is a member of the class X, not X a kind of Y
    index = tiny_index(sentence, "igneous rock", "granite")
    kinds = {(s, t) for s, r, t in triples(index) if r == "is_a"}
    granite = index.find("granite")
    assert kinds and all(s == granite and "igneous rock" in t for s, t in kinds)


def test_relations_a_superlative_subject_names_the_class():
    # "the simplest X is Y": Y is the X singled out, a kind of X (not X a kind of Y)
    index = tiny_index(
        "The simplest sorting algorithm is the bubble sort.",
        "sorting algorithm",
        "bubble sort",
    )
    kinds = {(s, t) for s, r, t in triples(index) if r == "is_a"}
    bubble = index.find("bubble sort")
    assert kinds and all(s == bubble and "sorting algorithm" in t for s, t in kinds)


def test_relations_results_as_a_noun_states_no_cause():
    text = "A poll aggregator averages the results from many opinion polls."
    assert_unrelated(text, ("poll aggregator", "opinion poll"), ("poll aggregator", "opinion poll"))


def test_relations_question_asking_how_two_things_differ_contrasts_them():
    index = tiny_index(
        "How does mitosis differ from meiosis? || Mitosis makes two cells.", "mitosis", "meiosis"
    )
    assert expect(index, "mitosis", "contrasts_with", "meiosis") in triples(index)


def test_relations_gloss_narrowed_by_a_word_before_is_no_instance():
    # the gloss names a narrower drive than the concept "drive": no instance of its own
    text = "A storage device such as a disk (the magnetic platter drive) keeps data."
    index = tiny_index(text, "storage device", "disk", "drive")
    found = triples(index)
    assert expect(index, "disk", "example_of", "storage device") in found
    assert expect(index, "drive", "example_of", "storage device") not in found


@pytest.mark.parametrize(
    "text,found",
    [
        ("Collisions are a common problem.\nChaining resolves collisions.", True),
        # what is resolved is no problem the notes name: a name is looked up, not cured
        ("Chaining resolves collisions.", False),
    ],
)
def test_relations_resolving_a_problem_addresses_it(text, found):
    index = tiny_index(text, "collision", "chaining")
    assert (expect(index, "chaining", "addresses", "collision") in triples(index)) is found


@pytest.mark.parametrize(
    "text",
    [
        "What is terracing? || A method to prevent soil erosion.",
        "Terracing || A technique for preventing soil erosion on slopes.",
        "What is terracing? || A farming method to prevent soil erosion.",
    ],
)
def test_relations_genus_of_a_definition_does_what_the_subject_does(text):
    index = tiny_index(text, "terracing", "soil erosion")
    assert expect(index, "terracing", "addresses", "soil erosion") in triples(index)


@pytest.mark.parametrize(
    "text",
    [
        "Osmosis, unlike active transport, needs no energy.",
        "Osmosis needs no energy, unlike active transport.",
        "Compared with active transport, osmosis needs no energy.",
        # after the noun a copula makes the subject: the subject is set apart
        "Osmosis is the passive flow of water, unlike active transport.",
    ],
)
def test_relations_contrast_cue_inside_or_opening_the_sentence(text):
    index = tiny_index(text, "osmosis", "active transport")
    assert expect(index, "osmosis", "contrasts_with", "active transport") in triples(index)


def test_relations_contrast_cue_sets_apart_each_listed_item_but_a_gloss():
    text = "Sleet is frozen rain, unlike hail (ice balls) and graupel (soft pellets)."
    index = tiny_index(text, "sleet", "hail", "graupel", "ice ball")
    found = triples(index)
    assert expect(index, "sleet", "contrasts_with", "hail") in found
    assert expect(index, "sleet", "contrasts_with", "graupel") in found
    assert expect(index, "sleet", "contrasts_with", "ice ball") not in found


@pytest.mark.parametrize(
    "text",
    [
        # set against a phrase no concept names in full, in an aside
        "Osmosis moves pure water (in contrast to active transport) across cells.",
        # the clause after the semicolon has no subject to set against
        "Osmosis is slow; unlike active transport, independent of energy supply.",
    ],
)
def test_relations_contrast_cue_without_a_named_side_gives_nothing(text):
    assert_unrelated(text, ("osmosis", "active transport"), ("osmosis", "active transport"))


@pytest.mark.parametrize(
    "text",
    [
        "Mitosis and meiosis are two types of cell division.",
        "Mitosis and meiosis are both forms of cell division.",
        "Mitosis is considered a form of cell division.",
        "Mitosis can be seen as a special case of cell division.",
    ],
)
def test_relations_kind_of_after_a_count_or_a_view(text):
    index = tiny_index(text, "mitosis", "meiosis", "cell division")
    assert expect(index, "mitosis", "is_a", "cell division") in triples(index)


def test_relations_there_are_kinds_names_no_subject_of_them():
    # "there are" introduces the kinds: the card's subject is none of them
    index = tiny_index("Geology || There are many different kinds of rock.", "geology", "rock")
    assert expect(index, "geology", "is_a", "rock") not in triples(index)


@pytest.mark.parametrize(
    "text",
    [
        "Hash table || A structure for lookups. This table uses a hash function.",
        "Hash tables || These tables use a hash function.",
    ],
)
def test_relations_this_and_the_subjects_head_word_is_the_subject(text):
    index = tiny_index(text, "hash table", "hash function")
    assert expect(index, "hash table", "uses", "hash function") in triples(index)


def test_relations_this_and_another_head_word_is_not_the_subject():
    text = "Hash table || A structure for lookups. This array uses a hash function."
    assert_unrelated(text, ("hash table", "hash function"), ("hash table", "hash function"))


@pytest.mark.parametrize(
    "text",
    [
        "Why does soil erosion happen? || Because of deforestation.",
        "Why does soil erosion occur? || Due to deforestation on slopes.",
    ],
)
def test_relations_why_question_answered_by_a_cause(text):
    index = tiny_index(text, "soil erosion", "deforestation")
    assert expect(index, "deforestation", "causes", "soil erosion") in triples(index)


@pytest.mark.parametrize(
    "text",
    [
        # the reader's reason, not a cause of the thing
        "Why do we use terracing? || Because of soil erosion.",
        # the cause is a clause no concept names
        "Why does soil erosion happen? || Because the roots of trees are gone.",
    ],
)
def test_relations_why_question_without_a_named_cause_gives_nothing(text):
    index = tiny_index(text, "soil erosion", "terracing", "tree root")
    assert not any(r == "causes" for _, r, _ in triples(index))


@pytest.mark.parametrize(
    "text,names",
    [
        ("How do the anode and the cathode differ?", ("anode", "cathode")),
        # "anode cathode" is a concept too: the first word still names the anode
        (
            "If the anode and the cathode differ in size, add a spacer.",
            ("anode", "cathode", "anode cathode"),
        ),
    ],
)  # fmt: skip
def test_relations_things_said_to_differ_contrast(text, names):
    index = tiny_index(text, *names)
    assert expect(index, "anode", "contrasts_with", "cathode") in triples(index)


@pytest.mark.parametrize(
    ("title", "contrasted"),
    [
        # a title that counts its kinds as two sets them side by side
        ("What are the two types of clouds?", True),
        ("What are the 2 types of clouds?", True),
        # a plain list of kinds lists them, it sets neither against the other
        ("Types of clouds", False),
        ("What are different types of clouds?", False),
    ],
)
def test_relations_two_listed_kinds_contrast_only_when_counted_as_two(title, contrasted):
    index = tiny_index(
        f"{title} || Cumulus clouds: puffy heaps\nCirrus clouds: thin wisps",
        "cloud",
        "cumulus cloud",
        "cirrus cloud",
    )
    found = triples(index)
    assert expect(index, "cumulus cloud", "is_a", "cloud") in found
    pair = expect(index, "cumulus cloud", "contrasts_with", "cirrus cloud")
    assert (pair in found) == contrasted, found


@pytest.mark.parametrize(
    "body",
    [
        "Igneous rocks: cooled from magma\nSedimentary rocks: laid down in layers",
        "Igneous rocks\nformed from magma\nSedimentary rocks\nformed from layers",
    ],
)
def test_relations_two_counted_kinds_contrast_cites_both_sides(body):
    index = tiny_index(
        f"What are the two types of rocks? || {body}", "rock", "igneous rock", "sedimentary rock"
    )
    edge = next(
        r
        for r in typed_relations(index)
        if (r.source, r.relation, r.target)
        == ("igneous rock", "contrasts_with", "sedimentary rock")
    )
    lines = [e.text for e in edge.evidence]
    assert lines[0] == "What are the two types of rocks?"
    assert any(t.startswith("Igneous rocks") for t in lines), lines
    assert any(t.startswith("Sedimentary rocks") for t in lines), lines


@pytest.mark.parametrize(
    ("text", "names", "is_a"),
    [
        # a copula with no setting states a kind
        ("Magma is a liquid.", ("magma", "liquid"), True),
        # bound to a moment or to the example: what it is there, not what kind it is
        ("After melting, the magma is now a liquid.", ("magma", "liquid"), False),
        ("After cooling, the magma is still a liquid.", ("magma", "liquid"), False),
        ("Here the solvent is a gas.", ("solvent", "gas"), False),
        ("In this case the solvent is a gas.", ("solvent", "gas"), False),
        ("In that case the solvent is a gas.", ("solvent", "gas"), False),
        ("In our example the solvent is a gas.", ("solvent", "gas"), False),
        # the definite quantity of something unnamed
        ("The result is a precipitate.", ("result", "precipitate"), False),
        ("The output is a sorted list.", ("output", "sorted list"), False),
    ],
)
def test_relations_copula_bound_to_its_setting_states_no_kind(text, names, is_a):
    index = tiny_index(text, *names)
    assert (expect(index, names[0], "is_a", names[1]) in triples(index)) == is_a


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # what a thing depends on "the state of X" for is X's state, not the concept
        (
            "The valve position depends on the state of the reactor.",
            ("valve position", "state", "reactor"),
            ("valve position", "state"),
        ),
        (
            "The next move relies on the history of the game.",
            ("next move", "history", "game"),
            ("next move", "history"),
        ),
    ],
)
def test_relations_dependence_on_what_an_of_phrase_owns_uses_no_concept(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        # the answer names the head as a class: the compound is a kind of it
        ("A hash that no one can invert.", True),
        # the head only as a word of another noun: no class named
        ("Higher hash values mean more collisions.", False),
        ("Keys with higher hash values collide.", False),
    ],
)
def test_relations_compound_is_a_kind_of_its_head_only_where_named_as_a_class(answer, kind):
    cards = _qa(
        ("What is a hash?", "A short fixed-size digest of some data."),
        ("What is a secure hash?", answer),
    )
    assert (("secure hash", "is_a", "hash") in _edges(cards)) is kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a plural "Examples of X" answered by a list names examples of X
        ("Examples of minerals || Quartz\nFeldspar", True),
        # answered by one line: that line is a neighbour (the next heading), no example
        ("Examples of minerals || Quartz", False),
    ],
)
def test_relations_examples_question_needs_a_list_of_examples(text, kind):
    index = tiny_index(text, "mineral", "quartz", "feldspar")
    assert (expect(index, "quartz", "example_of", "mineral") in triples(index)) is kind


@pytest.mark.parametrize("text", ["Bubble vs. Merge Sort", "Bubble vs Merge Sort"])
def test_relations_versus_shares_the_second_name_head(text):
    index = tiny_index(text, "bubble", "bubble sort", "merge sort")
    found = triples(index)
    assert expect(index, "bubble sort", "contrasts_with", "merge sort") in found
    assert expect(index, "bubble", "contrasts_with", "merge sort") not in found


@pytest.mark.parametrize(
    ("text", "names", "expected", "never"),
    [
        (
            "Define subduction || plate boundary process used for recycling oceanic crust",
            ("subduction", "plate boundary process", "oceanic crust"),
            [("subduction", "is_a", "plate boundary process")],
            ("plate boundary process", "used_for", "oceanic crust"),
        ),
        (
            "Define hash table || data structure used for caching, mapping keys to slots",
            ("hash table", "data structure", "caching"),
            [("hash table", "is_a", "data structure"), ("hash table", "used_for", "caching")],
            ("data structure", "used_for", "caching"),
        ),
        (
            "What is meant by osmosis? || type of diffusion where water crosses a membrane",
            ("osmosis", "diffusion"),
            [("osmosis", "is_a", "diffusion")],
            None,
        ),
    ],
)
def test_relations_a_bare_noun_phrase_answering_what_x_is_is_about_x(text, names, expected, never):
    index = tiny_index(text, *names)
    found = triples(index)
    for source, relation, target in expected:
        assert expect(index, source, relation, target) in found, found
    if never:
        assert expect(index, *never) not in found, found


def test_relations_a_narrowed_first_item_leaves_the_items_after_it():
    # "heavy rainfall" names no rainfall; the items listed after it are still causes
    text = "Landslides are caused by heavy rainfall, earthquakes and deforestation."
    index = tiny_index(text, "landslide", "rainfall", "earthquake", "deforestation")
    found = triples(index)
    assert expect(index, "earthquake", "causes", "landslide") in found
    assert expect(index, "deforestation", "causes", "landslide") in found
    assert expect(index, "rainfall", "causes", "landslide") not in found


def test_relations_a_noun_a_participle_describes_is_the_cause_not_what_it_acts_over():
    # what causes the change is the force; the interval is only where it acts
    text = "Erosion is the loss of soil caused by a wind blowing over a dry field."
    index = tiny_index(text, "erosion", "soil", "dry field")
    assert not any(r == "causes" for _, r, _ in triples(index))


def test_relations_a_compared_table_cell_is_said_of_its_column():
    text = (
        "# Kilns\n\n## Gas vs electric kiln\n\n"
        "| | Gas kiln | Electric kiln |\n|---|---|---|\n| fuel | needs propane | mains power |\n"
    )
    cards = [*read_bytes(text.encode(), path="notes.md").cards]
    cards += _qa(
        ("What is a gas kiln?", "A kiln."),
        ("What is an electric kiln?", "A kiln."),
        ("What is propane?", "A gas."),
    )
    index = extract_concepts(cards)
    found = triples(index)
    assert expect(index, "gas kiln", "uses", "propane") in found
    assert expect(index, "electric kiln", "uses", "propane") not in found


@pytest.mark.parametrize(
    ("text", "names", "kind", "cls"),
    [
        # the parser hangs the kinds on no word of the genus's clause: the term's kinds
        ("Mordant || A substance that binds dyes, e.g. alum and tannin",
         ("mordant", "dye", "alum", "tannin"), "alum", "mordant"),
        # hung inside the clause: the clause's concept keeps them
        ("Lactase || Enzyme that digests sugars, e.g. lactose",
         ("lactase", "sugar", "lactose"), "lactose", "sugar"),
    ],
)  # fmt: skip
def test_relations_kinds_after_a_genus_clause_are_of_what_the_parser_hangs_them_on(
    text, names, kind, cls
):
    index = tiny_index(text, *names)
    found = {(s, t) for s, r, t in triples(index) if r == "is_a"}
    assert (index.find(kind), index.find(cls)) in found
    assert len({t for s, t in found if s == index.find(kind)}) == 1


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Heart murmur || An extra heart sound. Two types: innocent and pathological",
         ["innocent heart murmur", "pathological heart murmur"]),
        ("Heart murmur || An extra heart sound. Types: innocent and pathological.",
         ["innocent heart murmur", "pathological heart murmur"]),
        # a modifier naming no concept with the subject: no kinds at all
        ("Heart murmur || An extra heart sound. Two types: innocent and loud",
         []),
    ],
)  # fmt: skip
def test_relations_a_label_of_kinds_over_modifiers_names_kinds_of_the_subject(text, kinds):
    names = ("heart murmur", "innocent heart murmur", "pathological heart murmur")
    index = tiny_index(text, *names)
    found = {s for s, r, t in triples(index) if r == "is_a" and t == index.find("heart murmur")}
    assert found == {index.find(k) for k in kinds}


@pytest.mark.parametrize(
    ("line", "edge"),
    [
        ("Causes: damp cellars, stale air", ("damp cellar", "causes", "mildew")),
        ("Treatment: bleach, vinegar", ("bleach", "addresses", "mildew")),
        ("Main treatments: bleach, vinegar", ("vinegar", "addresses", "mildew")),
        ("Symptoms: musty smell", ("mildew", "causes", "musty smell")),
        ("Types: powdery mildew, downy mildew", ("powdery mildew", "is_a", "mildew")),
        ("Opposite: dry rot", ("mildew", "contrasts_with", "dry rot")),
        # the stages or phases of a process are its parts
        ("Stages: spore release, hyphal growth", ("hyphal growth", "part_of", "mildew")),
        ("Phases: spore release and hyphal growth", ("spore release", "part_of", "mildew")),
        # a label naming what its items are of
        ("Causes of dry rot: damp cellars", ("damp cellar", "causes", "dry rot")),
    ],
)  # fmt: skip
def test_relations_an_inline_label_line_relates_its_items_to_the_card_subject(line, edge):
    names = ("mildew", "damp cellar", "stale air", "bleach", "vinegar", "musty smell",
             "powdery mildew", "downy mildew", "dry rot", "spore release",
             "hyphal growth")  # fmt: skip
    index = tiny_index(f"Mildew || A fungus growing on damp walls. {line}", *names)
    found = triples(index)
    assert expect(index, *edge) in found
    # "Causes:" is a label, not the verb: the subject causes none of its causes
    assert expect(index, "mildew", "causes", "damp cellar") not in found


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [
        ("What is bisque firing? || First stage of glaze firing; hardens the clay at a low "
         "heat", "bisque firing", "glaze firing"),
        ("What is a flue? || Section of the kiln chimney; carries the smoke out", "flue",
         "kiln chimney"),
        ("What is a kiln shelf? || A part of the kiln that holds the clay", "kiln shelf",
         "kiln"),
    ],
)  # fmt: skip
def test_relations_a_definition_opening_with_a_part_noun_names_the_whole(text, part, whole):
    index = tiny_index(text, part, whole, "clay")
    found = triples(index)
    assert expect(index, part, "part_of", whole) in found
    assert expect(index, part, "is_a", whole) not in found


def test_relations_a_definition_fragment_before_a_semicolon_is_the_terms_genus():
    # the parser hangs "Furnace that ..." on the verb after the semicolon as its subject
    text = "What is a kiln? || Furnace that contains a firebox; reaches a high heat"
    index = tiny_index(text, "kiln", "furnace", "firebox")
    found = triples(index)
    assert expect(index, "kiln", "is_a", "furnace") in found
    assert expect(index, "firebox", "part_of", "kiln") in found
    assert expect(index, "firebox", "part_of", "furnace") not in found


def test_relations_a_share_of_an_amount_is_no_part():
    text = "What is slip? || Fraction of clay in the glaze that ..."
    index = tiny_index(text, "slip", "clay", "glaze")
    assert not {(s, r, t) for s, r, t in triples(index) if r == "part_of"}


def test_relations_a_clause_before_a_colon_is_no_label():
    index = tiny_index("Kiln || An oven. It uses: gas, wood", "kiln", "gas", "wood")
    assert expect(index, "kiln", "used_for", "gas") not in triples(index)


def test_relations_a_listed_object_stops_at_a_preposition():
    # the output is inside the phrase of the differences, no second part
    text = "The fare is the sum of the harbour fees between the pier and the island."
    index = tiny_index(text, "fare", "harbour fee", "island")
    found = triples(index)
    assert expect(index, "harbour fee", "part_of", "fare") in found
    assert expect(index, "island", "part_of", "fare") not in found


def test_relations_a_table_opening_a_card_is_its_answer():
    # the heading sets the two apart; the table under it, not the line after it, answers
    text = (
        "# Kilns\n\n## Gas kiln vs electric kiln\n\n"
        "| | Gas kiln | Electric kiln |\n|---|---|---|\n| fuel | propane | mains power |\n\n"
        "Potters fire glazes at night.\n"
    )
    cards = [*read_bytes(text.encode(), path="notes.md").cards]
    cards += _qa(("What is a gas kiln?", "A kiln."), ("What is an electric kiln?", "A kiln."))
    index = extract_concepts(cards)
    edge = next(
        r for r in typed_relations(index)
        if r.relation == "contrasts_with" and r.source == index.find("gas kiln")
    )  # fmt: skip
    texts = [e.text for e in edge.evidence]
    assert "Potters fire glazes at night." not in texts
    assert any("Gas kiln | Electric kiln" in t for t in texts)


@pytest.mark.parametrize(
    ("item", "named"),
    [
        ("Heating the clay slowly (annealing)", "annealing"),  # a gloss names the item
        ("Power = heat per hour (watts)", None),  # a formula: its unit after it
    ],
)
def test_relations_a_formula_item_is_not_named_by_its_unit(item, named):
    from extraction import nlp as nlp_module
    from extraction.relations import _naming_gloss, mentions

    index = tiny_index("What is a kiln? || See the list.", "kiln", "annealing", "watt", "power")
    sent = next(iter(nlp_module.load()(item).sents))
    gloss = _naming_gloss(sent, mentions(index, sent))
    assert (gloss.concept if gloss else None) == (index.find(named) if named else None)


@pytest.mark.parametrize(
    ("line", "subject"),
    [
        # a subjectless sentence in a line that opens with a bold term is the term's
        ("**Kiln wash** keeps glaze off the shelf. Requires a coat of alumina.", "kiln wash"),
        # a bracket after the name inside the bold run leaves the term that name
        ("**Kiln wash (KW)** keeps glaze off the shelf. Requires a coat of alumina.", "kiln wash"),
        # not when the line opens in plain words
        ("Kiln wash keeps glaze off the shelf. Requires a coat of alumina.", "firing tool"),
    ],
)
def test_relations_a_subjectless_sentence_after_a_bold_term_is_the_terms(line, subject):
    text = f"# Firing tools\n\nTools that help a firing.\n\n{line}\n"
    cards = [*read_bytes(text.encode(), path="notes.md").cards]
    cards += _qa(("What is kiln wash?", "A coating."), ("What is alumina?", "A powder."))
    index = extract_concepts(cards)
    found = [e for e in typed_relations(index) if e.relation == "uses"]
    assert {(e.source, e.target) for e in found} == {(index.find(subject), "alumina")}
    if subject == "kiln wash":  # the evidence names both: the line from its bold term
        assert [e.evidence[0].text for e in found] == [line.replace("**", "")]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Kilns harden pots. There are two kinds: gas kilns and electric kilns.",
         {"gas kiln", "electric kiln"}),
        # items that are no kinds of the class by their names: nothing
        ("Kilns harden pots. There are two kinds: stoneware and porcelain.", set()),
        # no class in the sentence before: nothing
        ("Pots are fired. There are two kinds: gas kilns and electric kilns.", set()),
    ],
)  # fmt: skip
def test_relations_there_are_n_kinds_lists_kinds_of_the_sentence_befores_subject(text, kinds):
    names = ("kiln", "gas kiln", "electric kiln", "stoneware", "porcelain", "pot")
    index = tiny_index(text, *names)
    edges = [e for e in typed_relations(index) if e.relation == "is_a"]
    assert {e.source for e in edges if e.target == "kiln"} == kinds
    assert all(e.evidence[0].text == "Kilns harden pots." for e in edges if e.target == "kiln")


@pytest.mark.parametrize(
    ("text", "used"),
    [
        ("Glaze firing is dependent on kiln temperature.", True),
        ("Raku firing has a need for kiln temperature.", True),
        # denied, or no longer needed: no use
        ("Raku firing has no need for kiln temperature.", False),
        ("Raku firing removes the need for kiln temperature.", False),
    ],
)  # fmt: skip
def test_relations_a_stated_need_is_a_use(text, used):
    index = tiny_index(text, "glaze firing", "raku firing", "kiln temperature")
    found = {(s, t) for s, r, t in triples(index) if r == "uses"}
    assert bool(found) is used


@pytest.mark.parametrize(
    ("answer", "user"),
    [
        # "it" after a semicolon: the subject of the clause before, not the card's
        ("The boom holds the foot of the mainsail; it is used in reefing.", "boom"),
        # "they" cannot be the one boom: the card's subject, as before
        ("The boom holds the foot of the mainsail; they are used in reefing.", "rigging"),
        # "it" opening the sentence: the card's subject
        ("It is used in reefing.", "rigging"),
    ],
)
def test_relations_pronoun_after_a_clause_break_is_the_clause_subject(answer, user):
    index = tiny_index(f"What is rigging? || {answer}", "rigging", "boom", "reefing")
    used = {s for s, r, t in triples(index) if r == "used_for" and t == index.find("reefing")}
    assert used == {index.find(user)}


@pytest.mark.parametrize(
    "answer",
    [
        "Tidal range is the basis of tidal power.",
        "The height between tides; the basis of tidal power.",  # a defining fragment
        "The height between tides; it is the foundation of tidal power.",
    ],
)
def test_relations_basis_of_puts_the_foundation_first(answer):
    index = tiny_index(f"What is tidal range? || {answer}", "tidal range", "tidal power")
    assert expect(index, "tidal power", "uses", "tidal range") in triples(index)


@pytest.mark.parametrize(
    ("subject", "answer", "genus"),
    [
        # a plural phrase a colon closes: the set the line lists, no class of the subject
        ("sailing", "The points of sail: close hauled, beam reach and broad reach.", False),
        ("sailing", "The main points of sail: beam reach and broad reach.", False),
        # a genus in the singular, as before
        ("beam reach", "A point of sail in which the boat heads across the wind.", True),
    ],
)
def test_relations_answer_naming_a_listed_set_gives_no_genus(subject, answer, genus):
    index = tiny_index(
        f"What is {subject}? || {answer}", "sailing", "beam reach", "broad reach", "point of sail"
    )
    found = expect(index, subject, "is_a", "point of sail") in triples(index)
    assert found is genus
