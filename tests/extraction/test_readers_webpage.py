"""Web pages: headings make cards as in Word; emphasis by tag, style and class; lists,
tables, definition lists and toggles; page chrome and code left out; the file's lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from extraction.errors import ReadError
from extraction.readers import read_bytes
from extraction.readers._base import RawNote
from extraction.readers.webpage import class_styles, read, style_runs
from extraction.records import Table


def _cards(page: str, name: str = "notes.html"):
    result = read_bytes(page.encode(), path=name)
    assert result.ok, result.source.errors
    assert result.source.format == "html"
    return result.cards


def _emphasised(card) -> list[tuple[str, str]]:
    text = {"title": card.title, "body": card.body}
    return [(text[e.part][e.start : e.end], e.style) for e in card.emphasis]


LECTURE = """<!DOCTYPE html>
<html><head><title>Week 3</title>
<style>p { margin: 0 }</style><script>var x = "<h2>Not notes</h2>";</script></head>
<body><nav><a href="/">Home</a> <button>Menu</button></nav>
<h1>Glaciers</h1>
<p>A <b>glacier</b> is a slow river of ice.</p>
<h2>Moraine</h2>
<p>
  A ridge of debris left by a glacier.</p>
<ul><li>Terminal moraine<ul><li>marks the furthest advance</li></ul></li>
<li>Lateral moraine</li></ul>
<pre>def melt(ice):
    return ice - 1</pre>
<h1>Erosion</h1>
<p>Ice wears rock away by <em>plucking</em> and <u>abrasion</u>.</p>
</body></html>
"""


def test_readers_webpage_headings_make_cards_under_the_headings_above():
    cards = _cards(LECTURE)
    assert [(c.title, c.title_kind, c.section, c.title_line) for c in cards] == [
        ("Glaciers", "heading", (), 5),
        ("Moraine", "heading", ("Glaciers",), 7),
        ("Erosion", "heading", (), 14),
    ]


def test_readers_webpage_cites_the_files_own_lines():
    moraine = _cards(LECTURE)[1]
    assert moraine.body.splitlines()[0] == "A ridge of debris left by a glacier."
    assert moraine.body_lines[0] == 9  # the text starts on the line after <p>


def test_readers_webpage_leaves_out_scripts_styles_chrome_and_code():
    text = " ".join(c.title + " " + c.body for c in _cards(LECTURE))
    for hidden in ("Not notes", "margin", "Home", "Menu", "melt", "Week 3"):
        assert hidden not in text


def test_readers_webpage_keeps_list_items_with_their_depth():
    moraine = _cards(LECTURE)[1]
    assert [(moraine.body[i.start : i.end], i.depth) for i in moraine.items] == [
        ("Terminal moraine", 0),
        ("marks the furthest advance", 1),
        ("Lateral moraine", 0),
    ]


def test_readers_webpage_keeps_emphasis_of_tags():
    glaciers, _, erosion = _cards(LECTURE)
    assert _emphasised(glaciers) == [("glacier", "bold")]
    assert _emphasised(erosion) == [("plucking", "italic"), ("abrasion", "underline")]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ('<p><span style="font-weight:700">Tephra</span> is ash.</p>', [("Tephra", "bold")]),
        ('<p><span style="font-weight: bold">Tephra</span> is ash.</p>', [("Tephra", "bold")]),
        ('<p><span style="font-weight:400">Tephra</span> is ash.</p>', []),
        ('<p><span style="font-style:italic">Tephra</span> is ash.</p>', [("Tephra", "italic")]),
        (
            "<style>.c3{font-weight:700}</style><p><span class='c1 c3'>Tephra</span> is ash.</p>",
            [("Tephra", "bold")],
        ),
        (
            '<b style="font-weight:normal"><p><b>Tephra</b> is ash from a volcano.</p></b>',
            [("Tephra", "bold")],
        ),
        ('<b style="font-weight:normal"><p>Tephra is ash from a volcano.</p></b>', []),
    ],
)
def test_readers_webpage_reads_emphasis_set_by_style_and_class(page, expected):
    (card,) = _cards(page)
    assert card.body.startswith("Tephra is ash")
    assert _emphasised(card) == expected


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("font-weight:700", ["bold"]),
        ("font-weight:600;font-style:italic", ["bold", "italic"]),
        ("text-decoration-line: underline", ["underline"]),
        ("font-weight:400; color: red", []),
    ],
)
def test_readers_webpage_style_runs(style, expected):
    assert style_runs(style) == expected


def test_readers_webpage_class_styles_read_one_class_rules():
    assert class_styles(".a{font-weight:700} p.b{font-style:italic} .c{color:red}") == {
        "a": ["bold"],
        "b": ["italic"],
    }


def test_readers_webpage_definition_lists_and_toggles_give_term_cards():
    page = """<h2>Volcanoes</h2>
<dl><dt>Caldera</dt><dd>A hollow left after an eruption empties the chamber.</dd>
<dt>Vent</dt><dd>An opening through which lava escapes.</dd></dl>
<details><summary>Lahar</summary><p>A mudflow of volcanic debris</p><p>and water.</p></details>
<details><summary>Empty toggle</summary></details>
<p>Volcanoes form where plates meet.</p>"""
    cards = _cards(page)
    assert [(c.title, c.title_kind, c.body, c.section) for c in cards] == [
        (
            "Volcanoes",
            "heading",
            "Empty toggle\nVolcanoes form where plates meet.",
            (),
        ),
        ("Caldera", "term", "A hollow left after an eruption empties the chamber.", ("Volcanoes",)),
        ("Vent", "term", "An opening through which lava escapes.", ("Volcanoes",)),
        ("Lahar", "term", "A mudflow of volcanic debris and water.", ("Volcanoes",)),
    ]


def test_readers_webpage_tables_are_tables_and_term_tables_term_cards():
    page = """<h2>Rocks</h2>
<table><tr><th>Rock</th><th>Hardness</th><th>Colour</th></tr>
<tr><td>Basalt</td><td>6</td><td>dark</td></tr></table>
<table><tr><td>Granite</td><td>A coarse igneous rock rich in quartz.</td></tr>
<tr><td>Slate</td><td>A fine rock that splits into thin sheets.</td></tr></table>"""
    rocks, granite, slate = _cards(page)
    assert rocks.tables == (
        Table(("Rock", "Hardness", "Colour"), (("Basalt", "6", "dark"),), (3,)),
    )
    assert (granite.title, granite.title_kind, granite.title_line) == ("Granite", "term", 4)
    assert slate.body == "A fine rock that splits into thin sheets."


def test_readers_webpage_an_empty_heading_heads_nothing():
    (card,) = _cards("<h2></h2><p>Sediment settles in still water.</p>")
    assert (card.title, card.body) == ("", "Sediment settles in still water.")


@pytest.mark.parametrize("name", ["notes.htm", "NOTES.HTML", "notes.xhtml"])
def test_readers_webpage_is_read_by_its_extension(name):
    (card,) = _cards("<h1>Tides</h1><p>The rise and fall of the sea.</p>", name)
    assert card.title == "Tides"


@pytest.mark.parametrize(
    "page",
    ["<h1>Tides<p>The rise <b>and fall", "<table><td>a<tr></table></td>", "<details><dd>x", "<<>>"],
)
def test_readers_webpage_reads_broken_markup_as_a_browser_would(page):
    cards = list(read(RawNote(path=Path("x.html"), data=page.encode())))
    assert cards and all(c.title or c.body or c.tables for c in cards)


def test_readers_webpage_refuses_binary_data():
    with pytest.raises(ReadError):
        list(read(RawNote(path=Path("x.html"), data=b"\x00\x01\x02" * 100)))


def test_readers_webpage_a_long_paragraph_goes_on_over_lines_of_bounded_length():
    from extraction.readers.webpage import LONG_LINE_CHARS, page_lines

    page = "<p>" + "Sediment settles <b>slowly</b> in still water " * 2_000 + "</p>"
    lines = page_lines(page)
    assert len(lines) > 1
    assert max(len(line.text) for line, _ in lines) <= LONG_LINE_CHARS + 100
    assert "".join(line.text for line, _ in lines).count("slowly") == 2_000


def test_readers_webpage_leaves_out_a_map_concept_atlas_exported(tmp_path, capsys):
    from graph.__main__ import main
    from graph.export._base import MARK

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "tides.md").write_text("# Tides\n\nThe rise and fall of the sea.\n")
    graph_file = tmp_path / "g.json"
    assert main(["build", str(notes), "--out", str(graph_file)]) == 0
    export = notes / "map.html"
    assert (
        main(["export", "--graph", str(graph_file), "--format", "html", "--out", str(export)]) == 0
    )
    assert MARK in export.read_text()[:4096]
    result = read_bytes(export.read_bytes(), path=export)
    assert not result.cards
    assert "a map Concept Atlas exported, not notes" in result.source.errors[0]
