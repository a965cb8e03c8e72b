"""Markdown through markdown-it-py: headings, paragraphs joined, lists, emphasis, tables,
definition lists, code, maths, MyST/d2l roles and tabs, Pandoc divs."""

from __future__ import annotations

import json

import pytest

from extraction.readers import read_bytes, read_file, read_paths
from extraction.readers.markdown import code_words, inline_text, math_words, short_term
from extraction.records import Emphasis, ListItem, Table
from tests.conftest import CORPORA

MYST = """\
# Heat Transfer
:label:`chap_heat`

Bodies exchange energy, see :numref:`sec_heat` and :cite:`Fourier.1822`.

## Conduction

The heat flux $\\mathbf{q}_t$ carries energy. Read [the paper](http://x.org/p).

```{.python .input}
%%tab pytorch
import torch
```

$$\\mathbf{q}_t = \\phi(\\mathbf{T}_t \\mathbf{K}_{xy}),$$
:eqlabel:`eq_heat`

:begin_tab:`mxnet`
MXNet-only prose.
:end_tab:

:begin_tab:`pytorch`
PyTorch-only prose.
:end_tab:

![A heat sink](../img/sink.svg)
:width:`400px`

Closing **bold** and *italic* words.

Setext heading
--------------

Under it.
"""


def cards_of(text: str, name: str = "notes.md"):
    result = read_bytes(text.encode(), path=name)
    assert result.ok, result.source.errors
    return result.cards


@pytest.fixture
def myst_cards(tmp_path):
    path = tmp_path / "heat.md"
    path.write_text(MYST)
    result = read_file(path)
    assert result.ok and result.source.format == "markdown"
    return result.cards


@pytest.mark.parametrize(
    ("front", "summary"),
    [
        ("description: How the moon raises spring tides", ("How the moon raises spring tides", 3)),
        ("summary: 'Neap tides and the sun'", ("Neap tides and the sun", 3)),
        ("abstract: >\n  Tidal range along\n  coasts.", ("Tidal range along coasts.", 4)),
        ("description: Notes on Tides", None),
        ("layout: page", None),
    ],
)
def test_readers_markdown_front_matter_summary_is_a_summary_card(front, summary):
    """The front matter's description is a titleless ``summary`` card at its line, under
    the page's title; one that only restates the title is left out."""
    cards = cards_of(f"---\ntitle: Tides\n{front}\n---\n\n## Ebb\n\nFalling water.\n")
    found = [(c.body, c.title_line) for c in cards if c.title_kind == "summary" and not c.title]
    assert found == ([summary] if summary else [])
    assert all(c.section == ("Tides",) for c in cards)
    assert cards[-1].title == "Ebb"


def test_readers_markdown_headings_make_cards_with_sections(myst_cards):
    titles = [(c.title, c.section, c.title_kind) for c in myst_cards]
    assert titles == [
        ("Heat Transfer", (), "heading"),
        ("Conduction", ("Heat Transfer",), "heading"),
        ("Setext heading", ("Heat Transfer",), "heading"),
    ]


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("## 2. Tides and the moon", "Tides and the moon"),
        ("## IV) Neap tides", "Neap tides"),
        ("### 3.1 Spring tides", "Spring tides"),
        ("### 3.1. tidal range", "tidal range"),
        ("## 1984 storm surge", "1984 storm surge"),
        ("## 2.5 m tides", "2.5 m tides"),
    ],
)
def test_readers_markdown_heading_drops_its_section_number(heading, title):
    """A section's number is no part of its heading's title, nor of the section of the
    cards under it; a year or a quantity that opens a heading stays."""
    cards = cards_of(f"# Tides\n\n{heading}\n\nWater rises.\n\n### Ebb\n\nIt falls.\n")
    assert cards[1].title == title
    if heading.startswith("## "):
        assert cards[2].section == ("Tides", title)


def test_readers_markdown_drops_code_maths_directives_and_extra_tabs(myst_cards):
    body = myst_cards[1].body
    for gone in ("import torch", "%%tab", "phi", ":eqlabel:", "MXNet-only", ":width:", "svg"):
        assert gone not in body
    assert body.splitlines() == [
        "The heat flux carries energy. Read the paper.",
        "PyTorch-only prose.",
        "Closing bold and italic words.",
    ]
    assert myst_cards[1].emphasised() == ["bold", "italic"]


def test_readers_markdown_references_leave_no_gap(myst_cards):
    assert myst_cards[0].body == "Bodies exchange energy, see and."


def test_readers_markdown_body_lines_cite_the_file(myst_cards):
    lines = MYST.split("\n")
    card = myst_cards[1]
    for number, text in zip(card.body_lines, card.body.splitlines(), strict=True):
        assert text.split()[0] in lines[number - 1]


# (markdown, expected cards: (title, title kind, body, section))
CARDS = [
    pytest.param(
        "# Valves\n\nThe mitral valve decides what\nthe heart keeps.\n",
        [("Valves", "heading", "The mitral valve decides what the heart keeps.", ())],
        id="wrapped-paragraph-joined",
    ),
    pytest.param(
        "## Enthalpy of Combustion, $\\Delta H_c$\n\nHeat released.\n\n"
        "## Computing $\\Delta H$\n\nSum.\n",
        [
            ("Enthalpy of Combustion", "heading", "Heat released.", ()),
            ("Computing", "heading", "Sum.", ()),
        ],
        id="maths-in-headings",
    ),
    pytest.param(
        "# Metrics\n\n| Term | Meaning |\n|---|---|\n"
        "| Recall | Share of positives that are found. |\n"
        "| Precision | Share of predicted positives that are right. |\n",
        [
            ("Metrics", "heading", "", ()),
            ("Recall", "term", "Share of positives that are found.", ("Metrics",)),
            ("Precision", "term", "Share of predicted positives that are right.", ("Metrics",)),
        ],
        id="term-table-gives-term-cards",
    ),
    pytest.param(
        "## Glossary\n\n[hash table]{#hash-table}\n:   A [table](#table) that maps keys\n"
        "    to slots.\n\n[bucket]{#bucket}\n:   A slot.\n",
        [
            ("Glossary", "heading", "", ()),
            ("hash table", "term", "A table that maps keys to slots.", ("Glossary",)),
            ("bucket", "term", "A slot.", ("Glossary",)),
        ],
        id="definition-list-with-anchors",
    ),
    pytest.param(
        "---\ntitle: Ensembles\nteaching: 90\n---\n\n::::: objectives\n\n- Learn stacking.\n\n"
        ":::::\n\n## Braising (a.k.a [Slow POT Cooking](https://x.y) )\n\nMeat softens.\n",
        [
            ("", "none", "Learn stacking.", ("Ensembles",)),
            ("Braising (a.k.a Slow POT Cooking)", "heading", "Meat softens.", ("Ensembles",)),
        ],
        id="front-matter-and-pandoc-divs",
    ),
    pytest.param(
        "# Stats\n\nMean &amp; median, x&lt;y, v(k<sub>2</sub>&ge;Y).\n\n<!-- hidden -->\n",
        [("Stats", "heading", "Mean & median, x<y, v(k2≥Y).", ())],
        id="entities-decoded",
    ),
    pytest.param(
        "# Loss\n\n- step one:\n\n  ```python\n  tf.multiply(-10.0, w**2)\n  ```\n\n"
        "      indented code\n\n- uses `Dense` and `nn.Linear(3)`\n",
        [("Loss", "heading", "step one:\nuses Dense and", ())],
        id="code-at-any-indentation",
    ),
    pytest.param(
        "# Scores\n\n- true positives ( TP )\n- a gloss (\n  split ) here\n",
        [("Scores", "heading", "true positives (TP)\na gloss (split) here", ())],
        id="glosses-whole",
    ),
]


@pytest.mark.parametrize(("markdown", "expected"), CARDS)
def test_readers_markdown_cards(markdown, expected):
    cards = cards_of(markdown)
    assert [(c.title, c.title_kind, c.body, c.section) for c in cards] == expected


# (markdown, expected cards: (title, body, section, section lines))
DIV_HEADINGS = [
    pytest.param(
        "## Glaciers\n\nIce flows.\n\n::: challenge\n\n## Exercise: map one\n\nDraw it.\n\n"
        ":::\n\nA moraine is rock a glacier leaves.\n\n## Rivers\n\nWater flows.\n",
        [
            ("Glaciers", "Ice flows.", (), ()),
            ("Exercise: map one", "Draw it.", ("Glaciers",), (1,)),
            ("", "A moraine is rock a glacier leaves.", ("Glaciers",), (1,)),
            ("Rivers", "Water flows.", (), ()),
        ],
        id="the-section-goes-on-after-the-div",
    ),
    pytest.param(
        "# Ice\n\n## Glaciers\n\n:::: callout\n\n## Why?\n\n::: hint\n\n### Hint\n\nLook.\n\n"
        ":::\n\nMore.\n\n::::\n\nA moraine is rock.\n",
        [
            ("Ice", "", (), ()),
            ("Glaciers", "", ("Ice",), (1,)),
            ("Why?", "", ("Ice", "Glaciers"), (1, 3)),
            ("Hint", "Look.", ("Ice", "Glaciers", "Why?"), (1, 3, 7)),
            ("", "More.", ("Ice", "Glaciers", "Why?"), (1, 3, 7)),
            ("", "A moraine is rock.", ("Ice", "Glaciers"), (1, 3)),
        ],
        id="nested-divs",
    ),
    pytest.param(
        "## Glaciers\n\n::: callout\n\nIce is slow.\n\n:::\n\nA moraine is rock.\n",
        [("Glaciers", "Ice is slow.\nA moraine is rock.", (), ())],
        id="a-div-without-heading-is-part-of-its-section",
    ),
]


@pytest.mark.parametrize(("markdown", "expected"), DIV_HEADINGS)
def test_readers_markdown_a_heading_in_a_div_heads_the_div_only(markdown, expected):
    cards = cards_of(markdown)
    assert [(c.title, c.body, c.section, c.section_lines) for c in cards] == expected


def test_readers_markdown_lists_keep_depth_and_parent():
    card = cards_of("# Cell\n\nThe cell includes:\n\n- walls\n  - plasma\n  - outer\n- water\n")[0]
    assert card.body == "The cell includes:\nwalls\nplasma\nouter\nwater"
    assert card.items == (
        ListItem(19, 24, 0, 0),
        ListItem(25, 31, 1, 19),
        ListItem(32, 37, 1, 19),
        ListItem(38, 43, 0, 0),
    )
    assert card.body_lines == (3, 5, 6, 7, 8)


def test_readers_markdown_a_second_list_belongs_to_no_paragraph():
    # a numbered list after its paragraph, then a bullet list of its own
    card = cards_of("# Cell\n\nParts:\n\n1. wall\n2. water\n\n- outer\n")[0]
    assert card.body == "Parts:\nwall\nwater\nouter"
    assert [item.parent for item in card.items] == [0, 0, -1]


def test_readers_markdown_emphasis_offsets():
    card = cards_of("# **Erosion** _rate_\n\nA <b>bold</b> and __strong__ and <u>under</u>.\n")[0]
    assert card.title == "Erosion rate"
    assert card.emphasised("title") == ["Erosion", "rate"]
    assert card.emphasised("body") == ["bold", "strong", "under"]
    assert Emphasis("body", 22, 27, "underline") in card.emphasis


@pytest.mark.parametrize(
    ("source", "links"),
    [
        (
            "# T\n\nRead [Enzyme Kinetics 101](https://example.org/ek) today.\n",
            ["Enzyme Kinetics 101"],
        ),
        ("# T\n\n- [Plate Tectonics Primer](lab/primer.pdf)\n", ["Plate Tectonics Primer"]),
        ("# T\n\nSee [osmosis](#osmosis) above.\n", []),
        ("# T\n\nA [**hash table**](https://example.org) stores keys.\n", ["hash table"]),
        ("# T\n\n<p>A <a href='https://example.org'>levee</a> holds.</p>\n", ["levee"]),
    ],
)
def test_readers_markdown_link_text_is_a_link_run(source, links):
    card = cards_of(source)[0]
    assert card.emphasised("body", styles=("link",)) == links
    assert not set(links) - {"hash table"} & set(card.emphasised("body"))


def test_readers_markdown_joined_lines_cite_where_sentences_start():
    card = cards_of("# T\n\nFirst sentence\nwraps here. Second\nsentence.\n")[0]
    assert card.body == "First sentence wraps here. Second sentence."
    assert card.line_of(0) == 3
    assert card.line_of(card.body.index("Second")) == 4
    assert card.line_of(card.body.index("sentence.")) == 5


@pytest.mark.parametrize(
    ("source", "body", "lines"),
    [
        (  # a glossary typed one term a line: Markdown renders one paragraph
            "# Soil\n\nLoam: a mix of sand and clay.\nHumus: the dark organic part.\n"
            "**Silt**: fine grains.\n",
            "Loam: a mix of sand and clay.\nHumus: the dark organic part.\nSilt: fine grains.",
            (3, 4, 5),
        ),
        (  # a label line after an unfinished one still starts its own line when capitalised
            "# Soil\n\nKey terms\nHumus: the dark organic part\n",
            "Key terms\nHumus: the dark organic part",
            (3, 4),
        ),
        (  # a wrapped sentence whose next line happens to hold a colon goes on
            "# Soil\n\nThe reasons are the\nthree below: water and air.\n",
            "The reasons are the three below: water and air.",
            (3,),
        ),
    ],
)
def test_readers_markdown_label_lines_stay_lines_of_their_own(source, body, lines):
    card = cards_of(source)[0]
    assert card.body == body
    assert card.body_lines == lines


def test_readers_markdown_label_lines_keep_their_emphasis():
    card = cards_of("# Soil\n\nLoam: a **mix**.\n**Silt**: fine grains.\n")[0]
    assert card.emphasised("body") == ["mix", "Silt"]
    assert card.line_of(card.body.index("Silt")) == 4


def test_readers_markdown_table_rows_with_header():
    card = cards_of(
        "# Lab kit\n\n| Task | Solids | Liquids |\n| --- | --- | --- |\n| Weigh | scale | flask |\n"
        "| Heat | hot plate | water bath |\n"
    )[0]
    assert card.body == ""
    assert card.tables == (
        Table(
            ("Task", "Solids", "Liquids"),
            (("Weigh", "scale", "flask"), ("Heat", "hot plate", "water bath")),
            (5, 6),
        ),
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("**bold** text", "bold text"),
        ("a [link](http://x.y) here", "a link here"),
        ("`code` span", "code span"),
        ("`np.dot(x)` call", "call"),
        ("run <code>heap.push(3)</code> once", "run once"),
        ("the <code>Mantle</code> layer", "the Mantle layer"),
        ("see :numref:`fig_x`", "see"),
        ("a {math}`x^2` b", "a b"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("&amp; &Ropf;", "& ℝ"),
    ],
)
def test_readers_markdown_inline_text(source, expected):
    assert inline_text(source) == expected


@pytest.mark.parametrize(
    ("expr", "words"),
    [(r"\text{density}(x)", "density"), (r"\Delta H", ""), (r"\mathrm{d}x", "")],
)
def test_readers_markdown_math_words(expr, words):
    assert math_words(expr) == words


@pytest.mark.parametrize(
    ("code", "kept"),
    [
        ("Dense", "Dense"),
        ("ls", "ls"),
        ("w**2", ""),
        ("tf.train", ""),
        ("__init__", ""),
        ("--", ""),
    ],
)
def test_readers_markdown_code_words(code, kept):
    assert code_words(code) == kept


@pytest.mark.slow
@pytest.mark.skipif(not (CORPORA / "d2l").is_dir(), reason="../shared/corpora/d2l is absent")
def test_readers_markdown_all_of_d2l_reads_without_error():
    results = read_paths([CORPORA / "d2l"])
    assert len(results) == len(list((CORPORA / "d2l").rglob("*.md"))) > 190
    assert [r.source.path for r in results if not r.ok] == []
    cards = [c for r in results if "chapter_" in r.source.path for c in r.cards]
    assert len(cards) > 1000
    for card in cards:
        assert "```" not in card.body and ":begin_tab:" not in card.body
        assert ":numref:" not in card.body and ":label:" not in card.body


def test_readers_markdown_cards_command_shows_the_structure(tmp_path, capsys):
    from graph.__main__ import main

    path = tmp_path / "n.md"
    path.write_text(
        "# Cell\n\nThe **cell** includes:\n\n- walls\n  - plasma\n\n| A | B | C |\n|---|---|---|\n"
        "| 1 | 2 | 3 |\n\nTerm\n:   Its meaning.\n"
    )
    assert main(["cards", str(path)]) == 0
    out = capsys.readouterr().out
    assert "  heading: Cell\n" in out and "  term: Term\n" in out
    assert "     • walls\n" in out and "       • plasma\n" in out
    assert "  emphasis (body): cell\n" in out
    assert "  table (1 rows): A | B | C\n" in out and "     10: 1 | 2 | 3\n" in out
    assert main(["cards", str(path), "--json"]) == 0
    card = json.loads(capsys.readouterr().out)["cards"][0]
    assert card["title_kind"] == "heading"
    assert card["emphasis"] == [{"part": "body", "start": 4, "end": 8, "style": "bold"}]
    assert [i["depth"] for i in card["items"]] == [0, 1]
    assert card["tables"][0]["header"] == ["A", "B", "C"]


@pytest.mark.parametrize(
    ("source", "cards"),
    [
        (  # Q/A pairs under a heading: one question card each, labels off, lines kept
            "# Review\n\nQ: What is rent?\nA: Rent is a **payment** for land.\n\n"
            "Q: What is a tax?\nA: A tax is a levy.\n",
            [
                ("heading", "Review", "", (1, 1), ()),
                ("question", "What is rent?", "Rent is a payment for land.", (3, 4), ("Review",)),
                ("question", "What is a tax?", "A tax is a levy.", (6, 7), ("Review",)),
            ],
        ),
        (  # prose before the first question stays in the heading's card
            "# Review\n\nAnswer briefly.\n\nQ: Define rent.\nA: A payment for land.\n\n"
            "Q: Define a tax.\nA: A levy.\n",
            [
                ("heading", "Review", "Answer briefly.", (1, 3), ()),
                ("question", "Define rent.", "A payment for land.", (5, 6), ("Review",)),
                ("question", "Define a tax.", "A levy.", (8, 9), ("Review",)),
            ],
        ),
        (  # a heading that asks, answered by one labelled line: the label goes
            "# Land\n\n## What is rent?\n\nA: Rent is a payment for land.\n",
            [
                ("heading", "Land", "", (1, 1), ()),
                ("heading", "What is rent?", "Rent is a payment for land.", (3, 5), ("Land",)),
            ],
        ),
        (  # prose that quotes one Q/A pair is no Q/A list: the card stays whole
            "# Interviews\n\nThe form asks:\n\nQ: Your name?\nA: Ada.\n\n"
            "The rest of the form asks about the job.\nIt is long.\nIt takes time.\n",
            [("heading", "Interviews", None, (1, 10), ())],
        ),
    ],
)
def test_readers_markdown_labelled_pairs_under_a_heading_are_question_cards(source, cards):
    got = cards_of(source)
    assert len(got) == len(cards)
    for card, (kind, title, body, lines, section) in zip(got, cards, strict=True):
        assert (card.title_kind, card.title, card.lines, tuple(card.section)) == (
            kind,
            title,
            lines,
            section,
        )
        if body is not None:
            assert card.body == body


def test_readers_markdown_labelled_answer_keeps_its_emphasis_and_lines():
    card = cards_of("# R\n\nQ: What is rent?\nA: Rent is a **payment**.\n\nQ: Why?\nA: Law.\n")[1]
    assert card.emphasised("body") == ["payment"]
    assert card.line_of(card.body.index("payment")) == 4


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Kiln::A furnace that fires pottery.", "Kiln: A furnace that fires pottery."),
        ("- Glaze:: a glassy coat fused to a pot", "Glaze: a glassy coat fused to a pot"),
        ("Bisque ware:::Pottery fired once", "Bisque ware: Pottery fired once"),
    ],
)
def test_readers_markdown_inline_field_lines_read_as_labels(line, label):
    bullet = "- " if line.startswith("- ") else ""
    text = f"# Pottery\n\n{line}\n{bullet}Slip::Clay thinned with water\n\n```\nxs[::2]\n```\n"
    card = read_bytes(text.encode(), path="pottery.md").cards[0]
    lines = str(card.body).split("\n")
    assert lines[:2] == [label, "Slip: Clay thinned with water"]


_CALLOUTS = (
    "# Pottery\n\n"
    "> [!note] Kiln\n> A furnace that fires pottery.\n\n"
    "> [!tip]- Glaze\n> A glassy coat fused to a pot.\n> It seals the clay.\n\n"
    "> [!warning] Never open a hot kiln.\n> The pots crack.\n\n"
    "> A plain quote from a potter.\n\n"
    "Fired clay is called bisque.\n"
)


def test_readers_markdown_callouts_with_a_term_title_are_term_cards():
    cards = read_bytes(_CALLOUTS.encode(), path="pottery.md").cards
    assert [(c.title, c.title_kind) for c in cards] == [
        ("Pottery", "heading"),
        ("Kiln", "term"),
        ("Glaze", "term"),
    ]
    assert str(cards[1].body) == "A furnace that fires pottery."
    assert str(cards[2].body) == "A glassy coat fused to a pot. It seals the clay."
    assert cards[1].section == ("Pottery",)
    # a callout whose title is a sentence, a plain quote and the text after them stay
    # in the heading's card, without the callout's marker
    body = str(cards[0].body)
    assert "Never open a hot kiln." in body and "Fired clay is called bisque." in body
    assert "[!" not in body


_ITEM_TERMS = {
    "nested bullets": (
        "# Pottery\n\n- Kiln\n  - A furnace that fires pottery.\n"
        "- Glaze\n  - A glassy coat fused to a pot.\n- Slip\n  - Clay thinned with water.\n"
        "- Bisque\n  - Pottery fired once, before glazing.\n"
    ),
    "notion toggles": (
        "# Pottery\n\n- Kiln\n    \n    A furnace that fires pottery.\n    \n"
        "- Glaze\n    \n    A glassy coat fused to a pot.\n    \n"
        "- Slip\n    \n    Clay thinned with water.\n    \n"
        "- Bisque\n    \n    Pottery fired once, before glazing.\n"
    ),
    "bold notion toggles": (
        "# Pottery\n\n- **Kiln**\n    \n    A furnace that fires pottery.\n    \n"
        "- **Glaze**\n    \n    A glassy coat fused to a pot.\n    \n"
        "- **Slip**\n    \n    Clay thinned with water.\n    \n"
        "- **Bisque**\n    \n    Pottery fired once, before glazing.\n"
    ),
}


@pytest.mark.parametrize("text", _ITEM_TERMS.values(), ids=_ITEM_TERMS)
def test_readers_markdown_items_over_their_explanations_are_term_cards(text):
    cards = read_bytes(text.encode(), path="pottery.md").cards
    assert [(c.title, c.title_kind) for c in cards] == [
        ("Pottery", "heading"),
        ("Kiln", "term"),
        ("Glaze", "term"),
        ("Slip", "term"),
        ("Bisque", "term"),
    ]
    assert str(cards[1].body) == "A furnace that fires pottery."
    assert cards[1].section == ("Pottery",)
    assert cards[1].title_line == 3


@pytest.mark.parametrize(
    "text",
    [
        # a list of steps, each with a detail under it: the items end sentences
        "# Firing\n\n- Load the kiln.\n  - Leave gaps between pots.\n"
        "- Heat it slowly.\n  - About a hundred degrees an hour.\n"
        "- Hold the peak.\n  - Ten minutes is enough.\n- Let it cool.\n  - Overnight.\n",
        # three terms only
        "# Pottery\n\n- Kiln\n  - A furnace that fires pottery.\n"
        "- Glaze\n  - A glassy coat fused to a pot.\n- Slip\n  - Clay thinned with water.\n",
        # items with several points under them are an outline, not terms
        "# Pottery\n\n- Kiln\n  - A furnace.\n  - Fired by gas.\n- Glaze\n  - A coat.\n"
        "  - Glassy.\n- Slip\n  - Liquid clay.\n  - For joins.\n- Bisque\n  - Fired once.\n"
        "  - Porous.\n",
    ],
    ids=["steps", "three", "outline"],
)
def test_readers_markdown_other_nested_lists_stay_in_their_card(text):
    cards = read_bytes(text.encode(), path="pottery.md").cards
    assert [c.title_kind for c in cards] == ["heading"]


_QUESTION_LINES = {
    "nested items": (
        "# Pottery\n\n- What is a kiln?\n  - A furnace that fires pottery.\n"
        "- What is a glaze?\n  - A glassy coat fused to a pot.\n"
        "- What is slip?\n  - Clay thinned with water.\n"
        "- Why fire bisque first?\n  - To harden the pot before glazing.\n"
    ),
    "numbered bold items": (
        "# Pottery\n\n1. **What is a kiln?**\n   A furnace that fires pottery.\n"
        "2. **What is a glaze?**\n   A glassy coat fused to a pot.\n"
        "3. **What is slip?**\n   Clay thinned with water.\n"
        "4. **Why fire bisque first?**\n   To harden the pot before glazing.\n"
    ),
    "bold paragraphs": (
        "# Pottery\n\n**What is a kiln?**\nA furnace that fires pottery.\n\n"
        "**What is a glaze?**\nA glassy coat fused to a pot.\n\n"
        "**What is slip?**\nClay thinned with water.\n\n"
        "**Why fire bisque first?**\nTo harden the pot before glazing.\n"
    ),
}


@pytest.mark.parametrize("text", _QUESTION_LINES.values(), ids=_QUESTION_LINES)
def test_readers_markdown_questions_over_their_answers_are_question_cards(text):
    cards = read_bytes(text.encode(), path="pottery.md").cards
    assert [(c.title, c.title_kind) for c in cards] == [
        ("Pottery", "heading"),
        ("What is a kiln?", "question"),
        ("What is a glaze?", "question"),
        ("What is slip?", "question"),
        ("Why fire bisque first?", "question"),
    ]
    assert str(cards[1].body) == "A furnace that fires pottery."
    assert (cards[1].title_line, cards[1].section) == (3, ("Pottery",))


def test_readers_markdown_a_paragraph_with_one_question_stays_in_its_card():
    text = (
        "# Pottery\n\nWhy fire twice?\nThe first firing hardens the pot.\n\n"
        "Glazes melt in the second firing.\n\nKilns reach high heat.\n\nSlip joins parts.\n"
    )
    cards = read_bytes(text.encode(), path="pottery.md").cards
    assert [c.title for c in cards] == ["Pottery"]


def test_readers_markdown_spaced_repetition_cards_split_by_a_question_mark_line():
    text = "#flashcards\n\n" + "".join(
        f"{term}\n{mark}\n{back}\n\n"
        for term, mark, back in [
            ("Kiln", "?", "A furnace that fires pottery."),
            ("Glaze", "?", "A glassy coat fused to a pot."),
            ("Slip", "??", "Clay thinned with water."),
            ("Bisque", "?", "Pottery fired once, before glazing."),
        ]
    )
    cards = read_bytes(text.encode(), path="pottery.md").cards
    assert [(c.title, c.title_kind) for c in cards[1:]] == [
        ("Kiln", "term"),
        ("Glaze", "term"),
        ("Slip", "term"),
        ("Bisque", "term"),
    ]
    assert (str(cards[1].body), cards[1].title_line) == ("A furnace that fires pottery.", 3)


def test_readers_markdown_bold_terms_over_their_definitions_are_term_cards():
    text = "# Pottery\n\n" + "".join(
        f"**{term}**\n{back}\n\n"
        for term, back in [
            ("Kiln", "A furnace that fires pottery."),
            ("Glaze", "A glassy coat fused to a pot."),
            ("Slip", "Clay thinned with water."),
            ("Bisque", "Pottery fired once, before glazing."),
        ]
    )
    cards = read_bytes(text.encode(), path="pottery.md").cards
    assert [(c.title, c.title_kind) for c in cards[1:]] == [
        ("Kiln", "term"),
        ("Glaze", "term"),
        ("Slip", "term"),
        ("Bisque", "term"),
    ]
    assert str(cards[2].body) == "A glassy coat fused to a pot."
    # a paragraph that only opens with a bold word stays prose
    prose = "# Pottery\n\n" + "**Kilns** fire pottery.\nThey get hot.\n\n" * 4
    assert [c.title for c in read_bytes(prose.encode(), path="p.md").cards] == ["Pottery"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kiln", True),
        ("Salt glaze firing", True),
        ("one two three four five six", True),
        ("one two three four five six seven", False),
        ("A kiln fires pots.", False),
        ("Why fire twice?", False),
        ("Firing stages:", False),
        ("Bisque, glaze,", False),
        ("1200", False),
    ],
)
def test_readers_markdown_short_term_is_a_short_phrase_ending_no_sentence(text, expected):
    assert short_term(text) is expected


def test_readers_markdown_label_lines_ask_about_each_line_with_a_window(monkeypatch):
    """A paragraph of many typed lines is read in time linear in its length: each line is
    asked about with a bounded window of text, not all the text before and after it."""
    from extraction.readers import markdown

    asked: list[int] = []

    def opens_label(previous: str, text: str) -> bool:
        asked.append(max(len(previous), len(text)))
        return False

    monkeypatch.setattr(markdown, "opens_label", opens_label)
    page = "Sediment settles **slowly** in still water\n" * 2_000
    assert len(read_bytes(page.encode(), path="long.md").cards) == 1
    assert len(asked) == 1_999
    assert max(asked) <= markdown.LABEL_WINDOW
