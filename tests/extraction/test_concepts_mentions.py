"""Where the concept index finds a concept named: the weak links read these mentions."""

import pytest

from extraction.records import Card
from tests.extraction.test_concepts_stages import emphasised_names


def notes(defined, sentence):
    """A card for each concept in ``defined``, then a card whose answer is ``sentence``."""
    cards = [
        Card(f"n.txt#{i}", "n.txt", "qa-list", (10 * i, 10 * i + 1), f"What is {name}?",
             "A term of the course.", title_line=10 * i, body_lines=(10 * i + 1,))
        for i, name in enumerate(defined, start=1)
    ]  # fmt: skip
    cards.append(
        Card("n.txt#9", "n.txt", "qa-list", (100, 101), "What happens in the lab?", sentence,
             title_line=100, body_lines=(101,))
    )  # fmt: skip
    return cards


@pytest.mark.parametrize(
    "defined,sentence,pair",
    [
        # a concept named inside a longer name that is no concept (a generic head) is
        # named in that sentence too
        (["osmosis", "red blood cell"], "Red blood cells burst in the osmosis step.",
         ("osmosis", "red blood cell")),
        (["enzyme", "digestion"], "Digestion slows when enzyme activity drops.",
         ("enzyme", "digestion")),
        (["hash table", "collision"], "A collision slows every hash table lookup.",
         ("hash table", "collision")),
    ],
)  # fmt: skip
def test_concepts_mentions_name_inside_a_longer_name(defined, sentence, pair):
    from extraction.concepts import extract_concepts
    from graph.build import mention_relations

    cards = notes(defined, sentence)
    index = extract_concepts(cards)
    a, b = (index.find(name) for name in pair)
    assert a and b, sorted(index.concepts)
    linked = [r for r in mention_relations(index, cards) if {r.source, r.target} == {a, b}]
    assert linked and linked[0].relation == "related_to"
    assert [e.text for e in linked[0].evidence] == [sentence]


@pytest.mark.parametrize(
    "defined,sentence,pair",
    [
        # a label the parser reads as a sentence apart from the instruction after it
        (["pasteurisation", "bacteria"], "Pasteurisation: Kill bacteria by heating milk briefly.",
         ("pasteurisation", "bacteria")),
    ],
)  # fmt: skip
def test_concepts_mentions_parts_of_one_sentence_are_linked(defined, sentence, pair):
    from extraction.concepts import extract_concepts
    from graph.build import mention_relations

    cards = notes(defined, sentence)
    index = extract_concepts(cards)
    a, b = (index.find(name) for name in pair)
    assert a and b, sorted(index.concepts)
    linked = [r for r in mention_relations(index, cards) if {r.source, r.target} == {a, b}]
    assert linked and [e.text for e in linked[0].evidence] == [sentence]


def outline(defined, parent, child):
    """Cards for the concepts in ``defined``, then a card whose list item ``child`` is
    nested under the item ``parent``, in bold."""
    from extraction.records import Emphasis, ListItem

    cards = notes(defined, "")[:-1]
    body = f"{parent}\n{child}"
    items = (
        ListItem(0, len(parent), 0, -1),
        ListItem(len(parent) + 1, len(body), 1, 0),
    )
    cards.append(
        Card("n.txt#9", "n.txt", "markdown", (100, 102), "Field notes", body, title_line=100,
             body_lines=(101, 102), title_kind="heading", items=items,
             emphasis=(Emphasis("body", 0, len(parent), "bold"),))
    )  # fmt: skip
    return cards


@pytest.mark.parametrize(
    "defined,parent,child,pair",
    [
        # an item whose longer name holds another concept names both for its nested items
        (["ways to prevent erosion", "erosion", "terracing"], "ways to prevent erosion",
         "Terracing slows the water on a hillside.", ("erosion", "terracing")),
    ],
)  # fmt: skip
def test_concepts_mentions_items_nested_under_a_name_holding_another(defined, parent, child, pair):
    from extraction.concepts import extract_concepts
    from graph.build import mention_relations

    cards = outline(defined, parent, child)
    index = extract_concepts(cards)
    a, b = (index.find(name) for name in pair)
    assert a and b and index.find(parent), sorted(index.concepts)
    linked = [r for r in mention_relations(index, cards) if (r.source, r.target) == (a, b)]
    assert linked and [e.text for e in linked[0].evidence] == [child]


@pytest.mark.parametrize(
    "defined,row,pair",
    [
        # a row whose first cell is a concept's name is about that concept
        (["pepsin", "protein"], ("Pepsin", "Breaks down protein in the stomach."),
         ("pepsin", "protein")),
        (["subduction", "ocean trench"], ("Subduction", "Forms an ocean trench."),
         ("subduction", "ocean trench")),
    ],
)  # fmt: skip
def test_concepts_mentions_table_row_is_about_its_first_cell(defined, row, pair):
    from extraction.concepts import extract_concepts
    from extraction.records import Table
    from graph.build import mention_relations

    cards = notes(defined, "")[:-1]
    table = Table(("Name", "What it does"), (row,), (101,))
    cards.append(
        Card("n.txt#9", "n.txt", "markdown", (100, 101), "Field notes", "", title_line=100,
             title_kind="heading", tables=(table,))
    )  # fmt: skip
    index = extract_concepts(cards)
    a, b = (index.find(name) for name in pair)
    assert a and b, sorted(index.concepts)
    linked = [r for r in mention_relations(index, cards) if (r.source, r.target) == (a, b)]
    assert linked and [e.text for e in linked[0].evidence] == [row[1]]


@pytest.mark.parametrize(
    "defined,title,sentence,pair",
    [
        # a heading that gives an action is about the concept the notes make of it
        (["corrosion prevention", "zinc paint", "corrosion"], "Prevent corrosion",
         "A layer of zinc paint shields the steel.", ("corrosion prevention", "zinc paint")),
        (["fraud detection", "anomaly score", "fraud"], "Detect fraud",
         "An anomaly score flags a strange payment.", ("fraud detection", "anomaly score")),
        # an action on "the presence / occurrence of X" acts on X
        (["mould detection", "humidity sensor", "mould"], "Detect the presence of mould",
         "A humidity sensor flags a damp wall.", ("mould detection", "humidity sensor")),
        (["frost prevention", "fleece cover", "frost"], "Prevent the occurrence of frost",
         "A fleece cover keeps the seedlings warm.", ("frost prevention", "fleece cover")),
    ],
)  # fmt: skip
def test_concepts_mentions_action_heading_names_its_concept(defined, title, sentence, pair):
    from extraction.concepts import extract_concepts
    from graph.build import mention_relations

    cards = notes(defined, "")[:-1]
    cards.append(
        Card("n.txt#9", "n.txt", "markdown", (100, 101), title, sentence, title_line=100,
             body_lines=(101,), title_kind="heading")
    )  # fmt: skip
    index = extract_concepts(cards)
    a, b = (index.find(name) for name in pair)
    assert a and b, sorted(index.concepts)
    linked = [r for r in mention_relations(index, cards) if (r.source, r.target) == (a, b)]
    assert linked and [e.text for e in linked[0].evidence] == [sentence]


@pytest.mark.parametrize(
    ("body", "bold", "names"),
    [
        # a value stressed in bold names nothing
        ("The bath is held at **-20 °C** overnight.", "-20 °C", set()),
        ("The cell sits at **−65 mV** when idle.", "−65 mV", set()),
        # a number before a name is no value
        (
            "A **95% confidence interval** is wide.",
            "95% confidence interval",
            {"95 % confidence interval"},
        ),
    ],
)
def test_concepts_mentions_a_stressed_value_names_nothing(body, bold, names):
    plain = body.replace("**", "")
    assert emphasised_names(plain, bold) == names


@pytest.mark.parametrize(
    ("body", "bold", "names"),
    [
        # a callout in bold names nothing; its bracket names what follows
        ("Def. A hexagon is a polygon with six sides.", "Def.", set()),
        (
            "Thm (Pigeonhole principle). Some box holds two.",
            "Thm (Pigeonhole principle).",
            {"pigeonhole principle"},
        ),
        # another word's bracket is an aside
        ("Sodium (Na) is a metal.", "Sodium (Na)", {"sodium"}),
    ],
)
def test_concepts_mentions_a_stressed_callout_names_what_its_bracket_names(body, bold, names):
    assert emphasised_names(body, bold) == names


@pytest.mark.parametrize(
    ("sentence", "word", "unit"),
    [
        # a short word English does not know, right after a number, is the value's unit
        ("A resting heart beats at 70 bpm.", "bpm", True),
        ("The heater uses 2 kWh a day.", "kWh", True),
        # a word English knows, or an acronym, counts what it names
        ("The network has 3 layers.", "layers", False),
        ("Training used 4 GPUs.", "GPUs", False),
        # the same word with no number before it is a name
        ("The bpm is shown on the monitor.", "bpm", False),
    ],
)
def test_concepts_mentions_unit_after_number_is_no_name(sentence, word, unit):
    from extraction.concepts.candidates import collect, unit_after_number
    from extraction.concepts.segments import segments_of
    from extraction.nlp import load, pipe
    from extraction.readers import read_bytes

    doc = next(iter(pipe([sentence])))
    assert [unit_after_number(t) for t in doc if t.text == word] == [unit]
    cards = read_bytes(f"# Notes\n\n{sentence}\n".encode(), path="n.md").cards
    segments = [seg for f in segments_of(cards) for seg in f]
    found = collect(segments, list(pipe([s.text for s in segments])), load())
    stem = word.lower().rstrip("s")
    assert any(stem in key.lower().split() for key in found.candidates) is not unit


@pytest.mark.parametrize(
    ("body", "part", "alone"),
    [
        # the notes abbreviate the whole "of" phrase: its head is a part of one name
        ("- Slow drift of the poles (SDP) = the poles wander over centuries", "slow drift", False),
        # no short form: the head is read as a noun phrase of its own
        ("- Slow drift of the poles = the poles wander over centuries", "slow drift", True),
    ],
)  # fmt: skip
def test_concepts_mentions_head_of_an_abbreviated_of_phrase_is_nested(body, part, alone):
    from extraction.concepts.candidates import collect
    from extraction.concepts.segments import segments_of
    from extraction.nlp import load, pipe
    from extraction.readers import read_bytes

    cards = read_bytes(f"# Geodesy\n\n{body}\n".encode(), path="n.md").cards
    segments = [seg for f in segments_of(cards) for seg in f]
    found = collect(segments, list(pipe([s.text for s in segments])), load())
    cand = found.candidates.get(part)
    assert bool(cand and cand.roles["mention"]) is alone, cand and cand.roles
