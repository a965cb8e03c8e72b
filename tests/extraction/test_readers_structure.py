"""Per reader, small inputs and the cards they give: kind of title, body (one logical
line per paragraph or item), list items, emphasis and the file line of each part.

Markdown has its own table in ``test_readers_markdown.py``, DOCX and PDF build their
documents in ``test_readers_docx.py`` and ``test_readers_pdf.py``.
"""

from __future__ import annotations

import json

import pytest

from extraction.readers import read_bytes
from extraction.readers._base import dominant
from extraction.readers._html import html_lines, note_parts
from extraction.readers.paragraphs import html_body, text_body
from extraction.readers.prompts import prompt_kind

QUIZLET_TERMS = (
    "History 101 Flashcards\nMagna Carta\nCharter of liberties, 1215.\nFeudalism\n"
    "A system of land for service.\n"
)


def read(text: str, name: str):
    result = read_bytes(text.encode(), path=name)
    assert result.ok, result.source.errors
    return result


# (file name, text, format, [(title, title kind, body, section, title_line, body_lines)])
CASES = [
    pytest.param(
        "qa.txt",
        "Define osmosis\nwater crosses a membrane\ntowards more solute\nWhat is a pH meter?\n"
        "A probe &amp; more\nWhat is titration?\nIt measures\nconcentration.\n",
        "qa-list",
        [
            (
                "Define osmosis",
                "question",
                "water crosses a membrane towards more solute",
                (),
                1,
                (2,),
            ),
            ("What is a pH meter?", "question", "A probe & more", (), 4, (5,)),
            ("What is titration?", "question", "It measures concentration.", (), 6, (7,)),
        ],
        id="qa-list-joins-wrapped-answers",
    ),
    pytest.param(
        "seq.txt",
        "What is a volcano?\nAn opening in the crust\nTypes of volcanoes\nCinder Cone\n"
        "Runny lava builds gentle slopes\n"
        "Composite Volcano\nOften called stratovolcano\nLava Dome - thick lava near the vent\n"
        "Preservation\nDry salting\nSimplest way to keep vegetables through the winter\n"
        "Define magma\nmolten rock\n",
        "qa-list",
        [
            ("What is a volcano?", "question", "An opening in the crust", (), 1, (2,)),
            (
                "Types of volcanoes",
                "question",
                "Cinder Cone\nRunny lava builds gentle slopes\nComposite Volcano\n"
                "Often called stratovolcano\nLava Dome - thick lava near the vent",
                (),
                3,
                (4, 5, 6, 7, 8),
            ),
            (
                "Preservation",
                "term",
                "Dry salting\nSimplest way to keep vegetables through the winter",
                (),
                9,
                (10, 11),
            ),
            ("Define magma", "question", "molten rock", (), 12, (13,)),
        ],
        id="qa-list-term-list-ends-at-a-new-group",
    ),
    pytest.param(
        "history.txt",
        QUIZLET_TERMS,
        "quizlet",
        [
            (
                "Magna Carta",
                "term",
                "Charter of liberties, 1215.",
                ("History 101 Flashcards",),
                2,
                (3,),
            ),
            (
                "Feudalism",
                "term",
                "A system of land for service.",
                ("History 101 Flashcards",),
                4,
                (5,),
            ),
        ],
        id="quizlet-term-set-title-is-the-deck",
    ),
    pytest.param(
        "cells.txt",
        "Lecture 10 Flashcards\nATP stands for\nAdenosine Triphosphate\nWhat is the cell wall?\n"
        "Gives the plant cell its shape\nand strength\nRNA is a copy of ___ strand\nDNA\n",
        "quizlet",
        [
            (
                "ATP stands for",
                "cloze",
                "Adenosine Triphosphate",
                ("Lecture 10 Flashcards",),
                2,
                (3,),
            ),
            (
                "What is the cell wall?",
                "question",
                "Gives the plant cell its shape and strength",
                ("Lecture 10 Flashcards",),
                4,
                (5,),
            ),
            ("RNA is a copy of ___ strand", "cloze", "DNA", ("Lecture 10 Flashcards",), 7, (8,)),
        ],
        id="quizlet-questions-and-cloze",
    ),
    pytest.param(
        "knowt.txt",
        "Set\nEarn XP\n\n1\nNew cards\nErosion\n\nthe wearing away\nof rock\n\n2\nNew cards\n"
        "What is a delta?\n\nA landform at a river mouth\n",
        "knowt",
        [
            ("Erosion", "term", "the wearing away of rock", ("Set",), 6, (8,)),
            ("What is a delta?", "question", "A landform at a river mouth", ("Set",), 13, (15,)),
        ],
        id="knowt-terms-and-questions",
    ),
    pytest.param(
        "deck.txt",
        "Botany Flashcards\n1\nQ\nName the organelles\nA\n  • nucleus, which\n    controls\n"
        "  • ribosome\nHow well did you know this?\n1\n2\nQ\nWhy leaves?\nA\nThey make sugar\n",
        "brainscape",
        [
            (
                "Name the organelles",
                "question",
                "nucleus, which controls\nribosome",
                ("Botany Flashcards",),
                4,
                (6, 8),
            ),
            ("Why leaves?", "question", "They make sugar", ("Botany Flashcards",), 13, (15,)),
        ],
        id="brainscape-bullets-are-items",
    ),
    pytest.param(
        "summary.txt",
        "Glaciers\n\nMovement\n\nGlaciers slide over their bed, which\n"
        "makes them erode it.\n"
        "The effects include:\n  • erosion of rock\n    • deeper valleys\n  • deposition\n\n"
        "Mass Balance\n\nThe ELA ( equilibrium line altitude ) is used.\n",
        "outline",
        [
            (
                "Movement",
                "heading",
                "Glaciers slide over their bed, which makes them erode it.\n"
                "The effects include:\nerosion of rock\ndeeper valleys\ndeposition",
                ("Glaciers",),
                3,
                (5, 7, 8, 9, 10),
            ),
            (
                "Mass Balance",
                "heading",
                "The ELA (equilibrium line altitude) is used.",
                ("Glaciers",),
                12,
                (14,),
            ),
        ],
        id="outline-paragraphs-items-and-glosses",
    ),
    pytest.param(
        "set.csv",
        'term,definition\nErosion,"The wearing\naway of rock"\n'
        "What is a <b>delta</b>?,A <i>landform</i><br>at a river mouth\n",
        "csv",
        [
            ("Erosion", "term", "The wearing away of rock", (), 2, (2,)),
            ("What is a delta?", "question", "A landform at a river mouth", (), 4, (4,)),
        ],
        id="csv-plain-and-html-cells",
    ),
]


@pytest.mark.parametrize(("name", "text", "fmt", "expected"), CASES)
def test_readers_structure_cards(name, text, fmt, expected):
    result = read(text, name)
    assert result.source.format == fmt
    got = [
        (c.title, c.title_kind, c.body, c.section, c.title_line, c.body_lines) for c in result.cards
    ]
    assert got == expected


KNOWT_PAGE = (
    "Geology\nEarn XP\n\nDescription and Tags\n\n{about}\n\nStudy Analytics\nName\n"
    "No study sessions yet.\n\n2 Terms\n\n1\nNew cards\nMagma\n\nMolten rock\n"
)


def _crowdanki(desc: str) -> str:
    model = {"crowdanki_uuid": "m", "flds": [{"name": "Front"}, {"name": "Back"}]}
    note = {"fields": ["Magma", "Molten rock"], "note_model_uuid": "m"}
    deck = {"__type__": "Deck", "name": "Geology", "desc": desc, "notes": [note]}
    return json.dumps({**deck, "note_models": [model]})


@pytest.mark.parametrize(
    ("name", "text", "summary"),
    [
        (
            "set.txt",
            KNOWT_PAGE.format(about="Cards on plate tectonics, including subduction and rifts."),
            ("Cards on plate tectonics, including subduction and rifts.", (6, 6)),
        ),
        ("set.txt", KNOWT_PAGE.format(about="Flashcards on geology"), None),
        ("set.txt", KNOWT_PAGE.replace("Description and Tags", "Learn"), None),
        (
            "deck.json",
            _crowdanki("Cards on <b>plate tectonics</b>, subduction and rifts."),
            ("Cards on plate tectonics, subduction and rifts.", (1, 1)),
        ),
        ("deck.json", _crowdanki("Comprehensive flashcards for Geology"), None),
    ],
)
def test_readers_structure_deck_description_is_a_summary_card(name, text, summary):
    """A deck's own description is a titleless ``summary`` card before its cards, at its
    line; chrome stays out, and one that restates the deck's name is left out."""
    cards = read(text, name).cards
    summaries = [(c.body, c.lines) for c in cards if c.title_kind == "summary" and not c.title]
    assert summaries == ([summary] if summary else [])
    assert cards[-1].title == "Magma" and cards[-1].body == "Molten rock"
    assert len(cards) == (2 if summary else 1)


def test_readers_structure_outline_items_and_parents():
    card = read(CASES[6].values[1], "summary.txt").cards[0]
    body = card.body
    intro = body.index("The effects include:")
    assert [(body[i.start : i.end], i.depth, i.parent) for i in card.items] == [
        ("erosion of rock", 0, intro),
        ("deeper valleys", 1, body.index("erosion of rock")),
        ("deposition", 0, intro),
    ]
    assert card.line_of(body.index("makes them")) == 6


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        # numbered sections with indented text under them: the number is the section's
        (
            "Unit 2 outline\n\n1. Erosion and weathering\n   Erosion: rock worn away.\n"
            "   Weathering: rock broken down.\n\n2) Glaciers\n   Glaciers carve valleys.\n",
            ["Erosion and weathering", "Glaciers"],
        ),
        (
            "Notes\n\nIV. Soil formation\n    Soil forms from weathered rock.\n",
            ["Soil formation"],
        ),
        # a numbered list of steps, and a numbered item with nested bullets, stay lists
        (
            "Lab method\n\n1. Weigh the sample\n2. Heat the sample\n3. Weigh it again\n",
            ["Lab method"],
        ),
        (
            "Rock cycle\n\n1. Igneous rock\n   - cools from magma\n2. Sedimentary rock\n"
            "   - forms in layers\n",
            ["Rock cycle"],
        ),
    ],
)
def test_readers_structure_outline_numbered_section_headings(text, titles):
    """A numbered line of heading text with an indented line of its own under it heads a
    section, its number left out; numbered steps and items with bullets stay items."""
    cards = read(text, "outline.txt").cards
    assert [c.title for c in cards if c.title_kind == "heading" and c.body] == titles


@pytest.mark.parametrize(
    ("text", "titles", "first_line"),
    [
        # a "Term - explanation. More" line right under a heading is the section's text
        (
            "Ceramics review\n\nFiring\nKiln - a furnace for pottery. Up to 1300 C\n"
            "Glaze - a glassy coat fused on\n",
            ["Firing"],
            "Kiln - a furnace for pottery. Up to 1300 C",
        ),
        # a stop after a short form leaves a heading one
        (
            "Ceramics review\n\nCh. 4 Glazes\nGlazes seal the pot.\n",
            ["Ch. 4 Glazes"],
            "Glazes seal the pot.",
        ),
    ],
    ids=["sentence-inside", "short-form-stop"],
)
def test_readers_structure_outline_a_sentence_ending_inside_a_line_heads_nothing(
    text, titles, first_line
):
    cards = read(text, "outline.txt").cards
    assert [c.title for c in cards] == titles
    assert cards[-1].body.splitlines()[0] == first_line


def test_readers_structure_outline_a_run_of_label_lines_holds_no_heading():
    text = (
        "Pottery\n\nFiring\nKiln - a furnace that fires clay\nBisque - a first firing\n"
        "Slip: liquid clay\n\nGlazing\nGlazes seal the pot.\n"
    )
    cards = read(text, "outline.txt").cards
    assert [(c.title, len(c.body.splitlines())) for c in cards] == [("Firing", 3), ("Glazing", 1)]


def test_readers_structure_csv_html_emphasis():
    card = read(CASES[7].values[1], "set.csv").cards[1]
    assert card.emphasised("title") == ["delta"] and card.emphasised("body") == ["landform"]


@pytest.mark.parametrize(
    ("html", "lines"),
    [
        ("A <b>bold</b> term", [("A bold term", [(2, 6, "bold")], -1)]),
        (
            "<u>under</u>&nbsp;&amp; <em>it</em>",
            [("under & it", [(0, 5, "underline"), (8, 10, "italic")], -1)],
        ),
        (
            "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>",
            [("a", [], 0), ("b", [], 1), ("c", [], 0)],
        ),
        ("<b>split<br>run</b>", [("split", [(0, 5, "bold")], -1), ("run", [(0, 3, "bold")], -1)]),
    ],
)
def test_readers_structure_html_lines(html, lines):
    assert [(x.text, x.emphasis, x.depth) for x in html_lines(html)] == lines


@pytest.mark.parametrize(
    ("html", "lines"),
    [
        (
            "Heat <code>beaker.temp = 90;</code> slowly",
            [("Heat beaker.temp = 90; slowly", [(5, 22)])],
        ),
        ("Call <code>sort</code> on the list", [("Call sort on the list", [])]),
        ("A <code>hash_table</code> entry", [("A hash_table entry", [(2, 12)])]),
        ("Use<code>f()</code>, <code>g( x )</code>", [("Use f(), g( x )", [(4, 7), (9, 15)])]),
        (
            "Osmosis<pre>def flow(a, b):\n    return a - b</pre>Diffusion",
            [("Osmosis", []), ("Diffusion", [])],
        ),
        ("<code>let pH = 7;<br>neutral(pH);</code>", []),
        ("<code>if (x) {<div>tilt();</div>}</code>Plates", [("Plates", [])]),
        ("Left <code>unclosed(", [("Left unclosed(", [(5, 14)])]),
    ],
)
def test_readers_structure_html_code_kept_as_code_runs(html, lines):
    """HTML code on one line stays as the student sees it (empty brackets and spaces
    inside it untouched): a name as a word of the text, a statement or expression as a
    ``code`` run; a block of code (``<pre>``, or a ``<code>`` over lines) never."""
    got = [
        (x.text, [(s, e) for s, e, style in x.emphasis if style == "code"])
        for x in html_lines(html)
    ]
    assert got == lines


@pytest.mark.parametrize(
    ("html", "lines"),
    [
        (
            "Read <a href='https://x.org'>Volcano Basics</a>.",
            [("Read Volcano Basics.", [(5, 19, "link")], -1)],
        ),
        ("See <a href='#levee'>levee</a>.", [("See levee.", [], -1)]),
        ("<a href='#a'>in</a> <a href='b.html'>out</a></a>", [("in out", [(3, 6, "link")], -1)]),
    ],
)
def test_readers_structure_html_link_runs(html, lines):
    assert [(x.text, x.emphasis, x.depth) for x in html_lines(html)] == lines


def test_readers_structure_anki_note_cloze_and_items():
    parts = note_parts(
        ["Text", "Back Extra"],
        ["{{c1::Insulin}} lowers <b>glucose</b>", "Uses:<ul><li>diabetes care</li></ul>"],
    )
    assert (parts.title, parts.cloze) == ("Insulin lowers glucose", True)
    body = html_body(parts.blocks, 7)
    assert [(x.text, x.depth, x.parent) for x in body.lines] == [
        ("Uses:", -1, -1),
        ("diabetes care", 0, 0),
    ]


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("What is an isotope?", "question"),
        ("Explain photosynthesis", "question"),
        ("Erosion", "term"),
        ("ATP stands for", "cloze"),
        ("A moped is a version of ___", "cloze"),
        ("{{c1::Insulin}} is a hormone", "cloze"),
        ("", "none"),
        ("Explain how a levee forms.", "question"),
        ("Compare sandstone and shale.", "question"),
        ("Give the three kinds of rock:", "question"),
        ("How does frost wedge rock apart, and discuss why.", "question"),
        ("What is a delta? Name two examples.", "question"),
        ("Sedimentary rock.", "term"),
        ("Welcome to the Rocks Deck 1. Minerals", "term"),
    ],
)
def test_readers_structure_prompt_kind(title, kind):
    assert prompt_kind(title) == kind


def test_readers_structure_text_body_items_and_joins():
    body = text_body(
        [(1, "The lock has:"), (2, "- a gate,"), (3, "- which opens"), (4, "- a basin")]
    )
    assert [(x.text, x.depth, x.parent, x.starts) for x in body.lines] == [
        ("The lock has:", -1, -1, [(0, 1)]),
        ("a gate, which opens", 0, 0, [(0, 2), (8, 3)]),
        ("a basin", 0, 0, [(0, 4)]),
    ]


@pytest.mark.parametrize(
    ("previous", "formula", "joined"),
    [
        ("Momentum of a body", "p = mv", False),  # a formula under its name: its own line
        ("Ohm's law", "v = ir", False),
        ("Growth rate", "dN/dt <= rN", False),
        ("the momentum is", "p = mv", True),  # the phrase above is left open
        ("so the force,", "f = ma", True),
    ],
)
def test_readers_structure_a_formula_line_continues_only_an_open_phrase(previous, formula, joined):
    body = text_body([(1, previous), (2, formula)])
    assert len(body.lines) == (1 if joined else 2)
    page = f"<html><body><h1>Motion</h1><p>{previous}</p><p>{formula}</p></body></html>"
    card = read_bytes(page.encode(), path="motion.html").cards[0]
    assert (len(card.body.splitlines()) == 1) is joined


@pytest.mark.parametrize(
    ("line", "lines"),
    [
        (  # a numbered list typed in one line: its introduction, then its items
            "Defences include: 1. adversarial training, 2. ensembles of models, 3.",
            [
                ("Defences include:", -1, -1),
                ("adversarial training", 0, 0),
                ("ensembles of models", 0, 0),
            ],
        ),
        (
            "shapes: 1. translation 2. tagging",
            [("shapes:", -1, -1), ("translation", 0, 0), ("tagging", 0, 0)],
        ),
        # numbers that do not count a list, or follow no colon, leave the line whole
        ("Version 1. It ran on 2. cores", [("Version 1. It ran on 2. cores", -1, -1)]),
        ("It has 1. one part", [("It has 1. one part", -1, -1)]),
    ],
)
def test_readers_structure_text_body_inline_numbered_list(line, lines):
    body = text_body([(7, line)])
    assert [(x.text, x.depth, x.parent) for x in body.lines] == lines
    assert all(x.starts == [(0, 7)] for x in body.lines)  # each cites the file line


@pytest.mark.parametrize(
    ("path", "text", "kept", "dropped"),
    [
        (  # a student's own list of study modes, in Markdown
            "skills.md",
            "# Study skills\n\n- **Spaced repetition**\n  - reviewing cards at growing "
            "intervals\n- Flashcards\n  - one fact a card\n",
            ["Spaced repetition", "Flashcards"],
            [],
        ),
        (  # the same words as paragraphs of plain text
            "skills.txt",
            "Learning methods\n\nSpaced repetition\n\nReviewing cards at growing intervals "
            "beats cramming.\n",
            ["Spaced repetition"],
            [],
        ),
        (  # a flashcard site's menu pasted over the notes: its lines stand together
            "deck.txt",
            "Learn\nMatch\nFlashcards\n\nOsmosis: water crossing a membrane.\n"
            "Diffusion: particles spreading out.\nTurgor: pressure of water in a cell.\n"
            "Plasmolysis: a cell shrinking in salt water.\n",
            ["Osmosis"],
            ["Learn", "Match", "Flashcards"],
        ),
    ],
    ids=["markdown-list", "text-paragraph", "pasted-menu"],
)
def test_readers_structure_menu_words_are_dropped_only_as_a_pasted_menu(path, text, kept, dropped):
    cards = read_bytes(text.encode(), path=path).cards
    lines = {line.strip() for c in cards for line in f"{c.title}\n{c.body}".splitlines()}
    words = " ".join(lines)
    assert all(k in words for k in kept), lines
    assert not set(dropped) & lines, lines


@pytest.mark.parametrize(
    ("html", "lines"),
    [
        (
            "Laws:<div>1. Inertia</div><div>2. Force</div>",
            [("Laws:", -1), ("Inertia", 0), ("Force", 0)],
        ),
        ("Needs<br>- water<br>- light", [("Needs", -1), ("water", 0), ("light", 0)]),
        ("-1 is negative", [("-1 is negative", -1)]),
    ],
    ids=["numbered", "dashes", "minus-sign"],
)
def test_readers_structure_html_typed_list_markers(html, lines):
    """A line of an Anki field typed with a list marker is a list item, marker removed."""
    body = html_body([html_lines(html)], 1)
    assert [(x.text, x.depth) for x in body.lines] == lines


def test_readers_structure_card_keeps_code_of_its_question():
    """A question whose subject is code keeps it, marked ``code``: never stress."""
    text = (
        "front,back\n"
        '"How does <code>kiln.fire(cone=6)</code> differ from <code>kiln.fire()</code>?",'
        '"<code>kiln.fire()</code> uses the <b>default cone</b>"\n'
    )
    (card,) = read(text, "kilns.csv").cards
    assert card.title == "How does kiln.fire(cone=6) differ from kiln.fire()?"
    assert card.body == "kiln.fire() uses the default cone"
    code = [
        (run.part, (card.title if run.part == "title" else card.body)[run.start : run.end])
        for run in card.emphasis
        if run.style == "code"
    ]
    assert code == [
        ("title", "kiln.fire(cone=6)"),
        ("title", "kiln.fire()"),
        ("body", "kiln.fire()"),
    ]
    assert card.emphasised("title") == [] and card.emphasised("body") == ["default cone"]


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        # a list of terms one block each, some typed in lower case: each block a term card
        (
            "Pottery terms\n\nKiln\na furnace that fires clay at high heat\n\n"
            "glaze\na glassy coat fused onto a pot\n\nSlip\nliquid clay used to join parts\n\n"
            "wedging\nkneading clay to drive out air\n",
            ["Kiln", "glaze", "Slip", "wedging"],
        ),
        # a term closing with a bracket whose last word is a number
        (
            "Climate terms\n\nDrought\na long spell without rain\n\n"
            "Great Frost (winter of 1709)\nthe coldest European winter in five centuries\n\n"
            "monsoon\na seasonal reversal of winds\n\nfront\nthe boundary between air masses\n",
            ["Drought", "Great Frost (winter of 1709)", "monsoon", "front"],
        ),
        # two blocks only: too few to be a list of terms
        ("Pottery\n\nKiln\na furnace that fires clay\n\nglaze\na glassy coat\n", []),
        # sections of prose under headings stay sections
        (
            "Pottery\n\nKilns\nKilns fire clay. They reach high heat.\n\n"
            "Glazes\nGlazes are glassy coats. Potters dip pots in them.\n",
            [],
        ),
        # a block of label lines is a section of terms, its first line no term
        (
            "Pottery\n\nFIRING\nKiln - a furnace that fires clay\nBisque - a first firing\n\n"
            "Wedging\nkneading the clay to push out air\n\n"
            "Throwing\nshaping a pot on the wheel\n\nTrimming\ncutting away excess clay\n\n"
            "Fettling\nsmoothing the rough edges\n",
            ["Wedging", "Throwing", "Trimming", "Fettling"],
        ),
        # terms and their explanations on alternate lines, no blank line between them
        (
            "Kiln\nA furnace that fires clay.\nGlaze\nA glassy coat fused onto a pot.\n"
            "Slip\nLiquid clay used to join parts.\nWedging\nKneading clay to drive out air.\n",
            ["Kiln", "Glaze", "Slip", "Wedging"],
        ),
        # three such pairs are too few
        (
            "Kiln\nA furnace that fires clay.\nGlaze\nA glassy coat fused onto a pot.\n"
            "Slip\nLiquid clay used to join parts.\n",
            [],
        ),
    ],
)
def test_readers_structure_outline_blocks_of_terms_are_term_cards(text, terms):
    """A list of terms typed one block each (a short first line, its explanation under
    it) is read as term cards, a term typed in lower case too."""
    cards = read(text, "terms.txt").cards
    assert [c.title for c in cards if c.title_kind == "term"] == terms


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        # a copied flashcard page: each card's number over its term and definition
        (
            "Pottery\n\n1\nKiln\nA furnace that fires clay.\n\n2\nGlaze\nA glassy coat.\n\n"
            "3\nSlip\nLiquid clay used to join parts.\n\n4\nGrog\nFired clay ground to grit.\n",
            ["Kiln", "Glaze", "Slip", "Grog"],
        ),
        # numbers that do not count the blocks from one are text
        (
            "Firing log\n\n12\nKiln loaded at noon.\n\n40\nCones bent at dusk.\n\n"
            "7\nPots out in the morning.\n",
            [],
        ),
    ],
)
def test_readers_structure_outline_card_numbers_opening_blocks_are_dropped(text, titles):
    cards = read(text, "cards.txt").cards
    assert [c.title for c in cards if c.title_kind == "term"] == titles
    if titles:
        assert "1" not in str(cards[0].body).split("\n")


@pytest.mark.parametrize(
    ("text", "titles", "section"),
    [
        (
            "• Kiln\n    ◦ A furnace that fires clay.\n• Glaze\n    ◦ A glassy coat on a pot.\n"
            "• Slip\n    ◦ Liquid clay used to join parts.\n• Grog\n    ◦ Fired clay, ground.\n",
            ["Kiln", "Glaze", "Slip", "Grog"],
            (),
        ),
        (
            "Pottery\n- Kiln\n  - A furnace that fires clay.\n- Glaze\n  - A glassy coat.\n"
            "- Slip\n  - Liquid clay used to join parts.\n- Grog\n  - Fired clay, ground.\n",
            ["Kiln", "Glaze", "Slip", "Grog"],
            ("Pottery",),
        ),
        # steps with a detail under each are no terms
        (
            "- Load the kiln.\n  - Leave gaps.\n- Heat it slowly.\n  - An hour a step.\n"
            "- Hold the peak.\n  - Ten minutes.\n- Let it cool.\n  - Overnight.\n",
            [],
            (),
        ),
    ],
)
def test_readers_structure_outline_bullets_over_their_explanations_are_term_cards(
    text, titles, section
):
    cards = read(text, "terms.txt").cards
    assert [c.title for c in cards if c.title_kind == "term"] == titles
    if titles:
        assert str(cards[0].body) == "A furnace that fires clay."
        assert cards[0].section == section


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        (3, 4, True),
        (4, 4, True),
        (6, 8, True),
        (5, 8, False),
        (2, 4, False),
        (7, 9, True),
        (6, 9, False),
    ],
)
def test_readers_structure_dominant_is_three_quarters_of_the_block(part, whole, expected):
    assert dominant(part, whole) is expected
