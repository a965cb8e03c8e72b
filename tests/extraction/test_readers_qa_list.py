"""Labelled Q/A lists ("Q:" / "A:") read by their labels, however the student spaces them."""

import pytest

from extraction.readers import read_bytes

SPACED = """Q: What is an enzyme?
A: A protein that speeds up a reaction.

Q: What is a substrate?
A: The molecule an enzyme acts on.

Q: What is denaturation?
A: The loss of an enzyme's shape at high temperature.
"""

COMPACT = """Q: What is an enzyme?
A: A protein that speeds up a reaction.
Q: What is a substrate?
A: The molecule an enzyme acts on.
Q: What is denaturation?
A: The loss of an enzyme's shape at high temperature.
"""

APART = """Question: What is a hash table?

Answer: A table that maps keys to slots with a hash function.

Question: What is a collision?

Answer: Two keys hashed to the same slot.

Question: What is chaining?

Answer: Keeping the colliding keys of a slot in a list.
"""

DOTTED = """Q. What is a tectonic plate?
A. A slab of the lithosphere.

Q. What is subduction?
A. One plate sinking under another.

Q. What is a rift?
A. A place where two plates move apart.
"""

DASHED = """Q - What was the Estates-General?
A - An assembly of the three orders of France.

Q - What was the Tennis Court Oath?
A - A pledge not to disband until France had a constitution.

Q - What was the Terror?
A - A period of mass executions.
"""

NUMBERED = """1. Q: What is osmosis?
A: The diffusion of water across a membrane.

2. Q: What is a solute?
A: A substance dissolved in a solvent.

3. Q: What is turgor?
A: The pressure of water inside a plant cell.
"""

BULLETED = """Q: What does an enzyme need to work?
A:
- the right temperature
- the right pH

Q: What is a cofactor?
A: A helper molecule.
It binds to the enzyme.

Q: What is an inhibitor?
A: A molecule that slows an enzyme down.
"""


@pytest.mark.parametrize(
    ("text", "first_title", "first_answer"),
    [
        (SPACED, "What is an enzyme?", "A protein that speeds up a reaction."),
        (COMPACT, "What is an enzyme?", "A protein that speeds up a reaction."),
        (APART, "What is a hash table?", "A table that maps keys to slots with a hash function."),
        (DOTTED, "What is a tectonic plate?", "A slab of the lithosphere."),
        (DASHED, "What was the Estates-General?", "An assembly of the three orders of France."),
        (NUMBERED, "What is osmosis?", "The diffusion of water across a membrane."),
    ],
    ids=["spaced", "compact", "apart", "dotted", "dashed", "numbered"],
)
def test_readers_qa_list_labelled_cards(text, first_title, first_answer):
    result = read_bytes(text.encode(), path="notes.txt")
    assert result.source.format == "qa-list"
    assert len(result.cards) == 3
    card = result.cards[0]
    assert (card.title, card.title_kind, str(card.body)) == (first_title, "question", first_answer)
    assert all(not str(c.body).startswith(("A:", "A.", "A -", "Answer")) for c in result.cards)


def test_readers_qa_list_labelled_answer_of_several_lines():
    cards = read_bytes(BULLETED.encode(), path="notes.txt").cards
    assert [c.title for c in cards] == [
        "What does an enzyme need to work?",
        "What is a cofactor?",
        "What is an inhibitor?",
    ]
    assert "the right pH" in str(cards[0].body)
    assert "It binds to the enzyme." in str(cards[1].body)
    assert "A:" not in str(cards[0].body)


CHOICES = """Q: Which gas do plants take in for photosynthesis?
{a} Oxygen
{b} Carbon dioxide
{c} Nitrogen
A: Carbon dioxide, fixed in the Calvin cycle.

Q: What is a stoma?
A: A pore in a leaf.

Q: What is chlorophyll?
A: The green pigment that absorbs light.
"""


@pytest.mark.parametrize(
    ("a", "b", "c"),
    [("A.", "B.", "C."), ("A)", "B)", "C)"), ("(a)", "(b)", "(c)")],
    ids=["dotted", "bracket", "parenthesised"],
)
def test_readers_qa_list_choices_stay_in_the_question(a, b, c):
    cards = read_bytes(CHOICES.format(a=a, b=b, c=c).encode(), path="quiz.txt").cards
    assert len(cards) == 3
    assert cards[0].title == (
        f"Which gas do plants take in for photosynthesis? {a} Oxygen {b} Carbon dioxide "
        f"{c} Nitrogen"
    )
    assert str(cards[0].body) == "Carbon dioxide, fixed in the Calvin cycle."


@pytest.mark.parametrize(
    "text",
    [
        "Q: What is a delta?\nA: Land built by a river's sediment.\n\n"
        "Q: What is an estuary?\nA: Where a river meets the sea.\n",
        "Question: What is a delta?\n\nAnswer: Land built by a river's sediment.\n\n"
        "Question: What is an estuary?\nAnswer: Where a river meets the sea.\nIt is tidal.\n",
    ],
    ids=["two-pairs", "two-pairs-spaced"],
)
def test_readers_qa_list_a_short_deck_of_two_labelled_pairs_is_a_list(text):
    cards = read_bytes(text.encode(), path="notes.txt").cards
    assert [c.title for c in cards] == ["What is a delta?", "What is an estuary?"]
    assert str(cards[0].body) == "Land built by a river's sediment."


@pytest.mark.parametrize(
    "text",
    [
        "Osmosis moves water across a membrane.\n\nQ: why does a cell swell?\n\n"
        "A: water moves in.\n\nCells in salty water shrink.\n\nPlants wilt without water.\n",
        "Notes on enzymes.\n\nQ: What is an enzyme?\nA: A protein.\n\nEnzymes have an "
        "active site.\n\nThey are specific.\n\nHeat denatures them.\n\nCold slows them.\n",
    ],
    ids=["one-pair", "one-labelled-pair"],
)
def test_readers_qa_list_prose_with_one_question_is_not_a_list(text):
    assert read_bytes(text.encode(), path="notes.txt").source.format != "qa-list"


@pytest.mark.parametrize(
    "text",
    [
        "What is a tide?\nThe rise and fall of the sea.\n\nWhat is a spring tide?\n"
        "A tide of large range, at full and new moon.\n\nWhy are there two tides a day?\n"
        "The Earth turns under two bulges of water.\n",
        "What is a tide?\n\nThe rise and fall of the sea.\n\nWhat is a spring tide?\n\n"
        "A tide of large range, at full and new moon.\n\nWhy are there two tides a day?\n\n"
        "The Earth turns under two bulges of water.\n",
    ],
    ids=["paragraph-each", "question-and-answer-apart"],
)
def test_readers_qa_list_paragraphs_that_open_with_a_question_are_cards(text):
    result = read_bytes(text.encode(), path="tides.txt")
    assert result.source.format == "qa-list"
    assert [c.title for c in result.cards][:2] == ["What is a tide?", "What is a spring tide?"]
    assert str(result.cards[1].body) == "A tide of large range, at full and new moon."


def test_readers_qa_list_prose_paragraphs_with_questions_among_them_stay_text():
    text = (
        "Tides rise twice a day.\n\nWhy twice?\nTwo bulges of water.\n\n"
        "The moon pulls the near side.\n\nWhat about the sun?\nIt pulls less.\n\n"
        "Spring tides are large.\n\nNeap tides are small.\n\nWhy so small?\nThe pulls cross.\n\n"
        "Harbours post tide tables.\n"
    )
    assert read_bytes(text.encode(), path="tides.txt").source.format != "qa-list"


@pytest.mark.parametrize(
    ("text", "first_title", "first_answer"),
    [
        (
            "Mantle – the layer under the crust\nCore – the centre of the Earth\n"
            "Crust – the outer shell\nMagma – molten rock under the surface\n",
            "Mantle",
            "the layer under the crust",
        ),
        (
            "Mantle — the layer under the crust\n\nCore — the centre of the Earth\n\n"
            "Crust — the outer shell\n\nMagma — molten rock under the surface\n",
            "Mantle",
            "the layer under the crust",
        ),
        (
            "Load factor = entries divided by slots\nBucket = one slot of the table\n"
            "Probe = one look at a slot\nRehash = building a larger table\n",
            "Load factor",
            "entries divided by slots",
        ),
        (
            "Catalyst: a substance that speeds up a reaction\nSubstrate: what an enzyme acts on\n"
            "Active site: where the substrate binds\nInhibitor: a molecule that slows an enzyme\n",
            "Catalyst",
            "a substance that speeds up a reaction",
        ),
        (
            "Estates-General - an assembly of three orders\nBastille - a royal prison\n"
            "Sans-culottes - the common people of Paris\n"
            "Directory - the government after the Terror\n",
            "Estates-General",
            "an assembly of three orders",
        ),
        (
            "Mantle | the layer under the crust\nCore | the centre of the Earth\n"
            "Crust | the outer shell\nMagma | molten rock under the surface\n",
            "Mantle",
            "the layer under the crust",
        ),
        (
            "Mantle,The layer under the crust, mostly solid\nCore,The centre of the Earth\n"
            "Crust,The outer shell\nMagma,Molten rock under the surface\n",
            "Mantle",
            "The layer under the crust, mostly solid",
        ),
        (
            "Mantle;The layer under the crust\nCore;The centre of the Earth\n"
            "Crust;The outer shell\nMagma;Molten rock under the surface\n",
            "Mantle",
            "The layer under the crust",
        ),
    ],
    ids=["en-dash", "em-dash-spaced", "equals", "colon", "hyphen", "pipe", "comma", "semicolon"],
)
def test_readers_qa_list_term_lines(text, first_title, first_answer):
    result = read_bytes(text.encode(), path="notes.txt")
    assert result.source.format == "qa-list"
    assert len(result.cards) == 4
    card = result.cards[0]
    assert (card.title, card.title_kind, str(card.body)) == (first_title, "term", first_answer)


#: Notes typed a line at a time (no wrap width): a line break is the student's, unless it
#: falls inside a phrase. Invented notes on tides.
TYPED = """What is a tidal bore?
a wave that runs up a river against the current
Where do bores form?
in funnel-shaped estuaries with a large range between
low and high water
which amplifies the incoming tide
What are the kinds of tide?
spring tide
neap tide
mixed tide
Why do tides differ?
Tidal Resonance in Narrow Bays
the basin's shape sets how high water rises
What helps a tide table?
Partial gauge records
can still predict high water.
The table
lists each high water.
"""


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("What is a tidal bore?", ["a wave that runs up a river against the current"]),
        (
            "Where do bores form?",
            [
                "in funnel-shaped estuaries with a large range between low and high water "
                "which amplifies the incoming tide"
            ],
        ),
        ("What are the kinds of tide?", ["spring tide", "neap tide", "mixed tide"]),
        (
            "Why do tides differ?",
            ["Tidal Resonance in Narrow Bays", "the basin's shape sets how high water rises"],
        ),
        (
            "What helps a tide table?",
            [
                "Partial gauge records",
                "can still predict high water.",
                "The table lists each high water.",
            ],
        ),
    ],
    ids=["one-line", "open-phrase-joined", "fragments-apart", "heading-apart", "label-apart"],
)
def test_readers_qa_list_typed_lines_keep_their_breaks(title, body):
    """Fragments typed one per line stay apart, a heading-like line is not run into the
    sentence under it, and a line left open ("between", "which ...") goes on."""
    cards = {c.title: c for c in read_bytes(TYPED.encode(), path="tides.txt").cards}
    assert cards[title].body.split("\n") == body


def test_readers_qa_list_wrapped_lines_are_joined():
    """Text wrapped to a width joins a lower-case line to the full line above it."""
    para = (
        "the water of a river mouth rises quickly when the flood\n"
        "tide meets a narrowing channel and the current turns back\n"
        "upstream as a single breaking wave called a bore\n"
    )
    text = "".join(f"What happens in estuary {i}?\n{para}" for i in range(4))
    card = read_bytes(text.encode(), path="wrapped.txt").cards[0]
    assert card.body.count("\n") == 0, card.body


@pytest.mark.parametrize(
    ("line", "question", "answer"),
    [
        ("Term: interval", True, False),
        ("term : interval", True, False),
        ("Definition: The distance between two pitches.", False, True),
        ("Def: The distance between two pitches.", False, True),
        ("Terms of use apply to the course.", False, False),  # no label: no colon
        ("Termination: the end of a process.", False, False),  # a word of its own
        ("Defined terms are set in bold.", False, False),
    ],
)
def test_readers_qa_list_term_and_definition_labels(line, question, answer):
    from extraction.readers.qa_list import ANSWER_LABEL, QUESTION_LABEL

    assert (bool(QUESTION_LABEL.match(line)), bool(ANSWER_LABEL.match(line))) == (question, answer)


def test_readers_qa_list_term_and_definition_pairs_are_term_cards_without_labels():
    text = (
        "Term: interval\nDefinition: An interval is the distance in pitch between two notes.\n\n"
        "Term: chord\nDefinition: A chord is three or more notes sounded together.\n\n"
        "Q: What is a scale?\nA: A scale is a set of notes ordered by pitch.\n"
    )
    cards = read_bytes(text.encode(), path="notes.txt").cards
    assert [(c.title, c.title_kind, str(c.body), c.lines) for c in cards] == [
        ("interval", "term", "An interval is the distance in pitch between two notes.", (1, 2)),
        ("chord", "term", "A chord is three or more notes sounded together.", (4, 5)),
        ("What is a scale?", "question", "A scale is a set of notes ordered by pitch.", (7, 8)),
    ]


_GROUPED_TERMS = (
    "Astronomy 110 - Light and telescopes\n"
    "\n"
    "Light\n"
    "Wavelength: the distance between two crests\n"
    "Photon: a packet of light energy\n"
    "\n"
    "Telescopes:\n"
    "Refractor: a telescope that bends light with lenses\n"
    "Reflector: a telescope that gathers light with mirrors\n"
)


@pytest.mark.parametrize(
    ("index", "title", "section", "body"),
    [
        (0, "Wavelength", ("Astronomy 110 - Light and telescopes", "Light"), None),
        # a heading over the next terms is no line of the definition above it
        (
            1,
            "Photon",
            ("Astronomy 110 - Light and telescopes", "Light"),
            "a packet of light energy",
        ),
        (2, "Refractor", ("Astronomy 110 - Light and telescopes", "Telescopes"), None),
    ],
)
def test_readers_qa_list_term_lines_under_headings_are_their_section(index, title, section, body):
    result = read_bytes(_GROUPED_TERMS.encode(), path="notes.txt")
    assert result.source.format == "qa-list"
    # the list's title, split by another separator, is no term
    assert [c.title for c in result.cards] == ["Wavelength", "Photon", "Refractor", "Reflector"]
    card = result.cards[index]
    assert (card.title, card.section) == (title, section)
    assert body is None or str(card.body) == body


_HEADINGS_OVER_PROSE = (
    "Oceanography 201 - review\n"
    "(week 3 to 6)\n"
    "\n"
    "Tides\n"
    "\n"
    "Tides are the rise and fall of the sea, pulled by the moon. They follow a cycle.\n"
    "\n"
    "Spring tide: a tide of large range, at new and full moon.\n"
    "Neap tide: a tide of small range, at the quarter moons.\n"
    "Tidal range: the height between high and low water.\n"
    "Tidal bore: a wave that runs up a river with the tide.\n"
    "Slack water: the still water between two tides.\n"
    "\n"
    "Ocean currents\n"
    "\n"
    "Upwelling: cold deep water rising to the surface.\n"
    "Gyre: a large loop of currents in an ocean basin.\n"
    "Thermohaline circulation: currents driven by heat and salt.\n"
)


def test_readers_qa_list_a_heading_between_blank_lines_over_prose_is_a_card():
    result = read_bytes(_HEADINGS_OVER_PROSE.encode(), path="ocean.txt")
    assert result.source.format == "qa-list"
    cards = result.cards
    # the heading is no last line of the title's card: a card of its own, its paragraph below
    assert [(c.title, c.title_kind) for c in cards[:3]] == [
        ("", "none"),
        ("Tides", "heading"),
        ("Spring tide", "term"),
    ]
    assert "Tides" not in str(cards[0].body)
    assert str(cards[1].body).startswith("Tides are the rise and fall")
    assert cards[1].lines == (4, 6)
    # and the section of the term lines after it
    assert cards[2].section == ("Tides",)
    # a heading set apart over term lines is their section alone, no line of the card above
    gyre = cards[-2]
    assert (gyre.title, gyre.section) == ("Gyre", ("Ocean currents",))
    assert "Ocean currents" not in str(cards[-4].body)


@pytest.mark.parametrize(
    "line",
    [
        "the moon pulls the sea",  # lower case: a line of the definition above
        "Tides follow the moon.",  # a sentence
        "- Tides",  # a list item
    ],
)
def test_readers_qa_list_a_line_between_blank_lines_that_is_no_heading_stays_text(line):
    text = _HEADINGS_OVER_PROSE.replace("Tides\n\nTides are", f"{line}\n\nTides are")
    more = "".join(f"Current {n}: a current of the ocean.\n" for n in range(4))
    result = read_bytes((text + more).encode(), path="ocean.txt")
    assert result.source.format == "qa-list"
    titles = [c.title for c in result.cards]
    assert titles[1] == "Spring tide"
    assert line.removeprefix("- ") in str(result.cards[0].body)  # a line of the first card


_NUMBERED_QUESTIONS = {
    "spaced": (
        "1. What is a sonnet?\nA poem of fourteen lines.\n\n"
        "2. What is an iamb?\nA foot of one unstressed and one stressed syllable.\n\n"
        "3. What is a couplet?\nTwo rhyming lines in a row.\n\n"
        "4. What is a volta?\nThe turn in the argument of a sonnet.\n"
    ),
    "tight": (
        "1) What is a sonnet?\nA poem of fourteen lines.\n"
        "2) What is an iamb?\nA foot of one unstressed and one stressed syllable.\n"
        "3) What is a couplet?\nTwo rhyming lines in a row.\n"
        "4) What is a volta?\nThe turn in the argument of a sonnet.\n"
    ),
    "indented answers": (
        "1. What does sonnet mean?\n   A poem of fourteen lines.\n"
        "2. What does iamb mean?\n   A foot of one unstressed and one stressed syllable.\n"
        "3. What does couplet mean?\n   Two rhyming lines in a row.\n"
        "4. What does volta mean?\n   The turn in the argument of a sonnet.\n"
    ),
}


@pytest.mark.parametrize("text", _NUMBERED_QUESTIONS.values(), ids=_NUMBERED_QUESTIONS)
def test_readers_qa_list_numbered_questions_are_cards_without_their_numbers(text):
    result = read_bytes(text.encode(), path="poetry.txt")
    assert result.source.format == "qa-list"
    assert len(result.cards) == 4
    assert result.cards[0].title in ("What is a sonnet?", "What does sonnet mean?")
    assert str(result.cards[0].body) == "A poem of fourteen lines."
    assert result.cards[0].title_line == 1


def test_readers_qa_list_numbered_steps_keep_their_numbers():
    text = (
        "Making a glaze\n\n1. Weigh the dry materials.\n2. Why sieve the mixture?\n"
        "3. Add water until it is creamy.\n4. Dip the fired pot.\n"
    )
    result = read_bytes(text.encode(), path="pottery.txt")
    assert result.source.format != "qa-list"
    assert [c.title for c in result.cards] == ["Making a glaze"]


def test_readers_qa_list_prose_with_commas_and_table_rows_are_no_term_lines():
    prose = (
        "Volcanoes erupt when magma rises, and the pressure builds.\n"
        "In 1991,2 eruptions cooled the planet.\nAsh | lava | gas\nPumice | glass | foam\n"
        "Lava flows, cools and hardens into rock.\n"
    )
    result = read_bytes(prose.encode(), path="notes.txt")
    assert result.source.format != "qa-list"


@pytest.mark.parametrize(
    "between",
    ["\t", " - ", ",", ": "],
    ids=["tab", "dash", "comma", "colon"],
)
def test_readers_qa_list_cards_typed_on_one_line_with_semicolons_between_them(between):
    cards = [
        ("Kiln", "A furnace that fires pottery."),
        ("Glaze", "A glassy coat fused to a pot."),
        ("Slip", "Clay thinned with water."),
        ("Bisque", "Pottery fired once, before glazing."),
    ]
    text = ";".join(f"{term}{between}{definition}" for term, definition in cards)
    result = read_bytes(text.encode(), path="pottery.txt")
    assert result.source.format == "qa-list"
    assert [(c.title, str(c.body)) for c in result.cards] == cards
    assert {c.title_line for c in result.cards} == {1}


def test_readers_qa_list_a_line_of_clauses_with_semicolons_stays_text():
    text = "Kilns fire pots; glazes coat them; slips join them; grog firms them.\n"
    result = read_bytes(text.encode(), path="pottery.txt")
    assert result.source.format != "qa-list"


@pytest.mark.parametrize(
    "text",
    [
        "Q: What is a kiln? A: A furnace that fires pottery.\n"
        "Q: What is a glaze? A: A glassy coat fused to a pot.\n"
        "Q: What is slip? A: Clay thinned with water.\n",
        "1. Question: What is a kiln? Answer: A furnace that fires pottery.\n"
        "2. Question: What is a glaze? Answer: A glassy coat fused to a pot.\n"
        "3. Question: What is slip? Answer: Clay thinned with water.\n",
    ],
    ids=["q-a", "numbered question-answer"],
)
def test_readers_qa_list_question_and_answer_on_one_line(text):
    result = read_bytes(text.encode(), path="pottery.txt")
    assert result.source.format == "qa-list"
    assert [(c.title, str(c.body), c.title_line) for c in result.cards] == [
        ("What is a kiln?", "A furnace that fires pottery.", 1),
        ("What is a glaze?", "A glassy coat fused to a pot.", 2),
        ("What is slip?", "Clay thinned with water.", 3),
    ]


def test_readers_qa_list_term_lines_with_the_definition_in_a_bracket():
    cards = [
        ("Kiln", "an oven that fires clay at a high heat"),
        ("Glaze", "a glassy coat that is fused onto a pot"),
        ("Slip", "clay thinned with water to a creamy liquid"),
        ("Bisque ware", "pottery fired once, before it is glazed"),
    ]
    text = "\n".join(f"{term} ({definition})" for term, definition in cards)
    result = read_bytes(text.encode(), path="pottery.txt")
    assert result.source.format == "qa-list"
    assert [(c.title, str(c.body)) for c in result.cards] == cards


def test_readers_qa_list_lines_with_short_brackets_stay_text():
    prose = (
        "Kilns fire clay (see p. 4)\nGlazes melt in the kiln (cone 6)\n"
        "Slip joins two pieces (wet)\nBisque ware is fired once (low)\n"
    )
    result = read_bytes(prose.encode(), path="pottery.txt")
    assert result.source.format != "qa-list"
