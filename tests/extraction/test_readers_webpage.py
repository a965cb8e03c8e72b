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
        ("<p><b style='mso-bidi-font-weight:normal'>Tephra</b> is ash.</p>", [("Tephra", "bold")]),
        ("<p><i style='mso-bidi-font-style:normal'>Tephra</i> is ash.</p>", [("Tephra", "italic")]),
        ("<p><span style='mso-bidi-font-weight:bold'>Tephra</span> is ash.</p>", []),
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


def test_readers_webpage_paragraphs_inside_cells_keep_the_row_one_line():
    page = """<h2>Rocks</h2><table>
<tr><td><p><span>Rock</span></p></td><td><p>Hardness</p></td><td><p>Colour</p></td></tr>
<tr><td><p>Basalt</p></td><td><p>6</p></td><td><p>dark</p><p>or <b>black</b></p></td></tr>
</table><table><tr><td><p>Granite</p></td><td><p>A coarse igneous rock</p><ul><li>rich
in quartz.</li></ul></td></tr><tr><td><div>Slate</div></td><td><p>A fine rock.</p></td></tr>
</table><p>Rocks weather.</p>"""
    rocks, granite, slate = _cards(page)
    assert rocks.tables == (
        Table(("Rock", "Hardness", "Colour"), (("Basalt", "6", "dark or black"),), (3,)),
    )
    assert rocks.body == "Rocks weather."
    assert (granite.title, granite.body) == ("Granite", "A coarse igneous rock rich in quartz.")
    assert (slate.title, slate.body) == ("Slate", "A fine rock.")


@pytest.mark.parametrize(
    "chrome",
    [
        '<div role="navigation"><ul><li><a href="/a">Sign up</a></li></ul></div>',
        '<div role="dialog"><p>We use cookies.</p><div><p>Accept all</p></div></div>',
        '<footer><h3>About us</h3><ul><li><a href="/jobs">Careers</a></li></ul></footer>',
        '<span class="mw-editsection"><span>[</span><a href="?action=edit">edit</a>]</span>',
        '<div class="noprint">From the free encyclopedia</div>',
        "<p hidden>Draft</p>",
        '<span aria-hidden="true">★★★★</span>',
        '<div style="display: none">Short description</div>',
        "<span style='mso-list:Ignore'>·<span style='font:7.0pt'>&nbsp; </span></span>",
        '<header class="site"><a href="/">Home</a> <input type="text"/> Log in</header>',
    ],
)
def test_readers_webpage_leaves_out_chrome_marked_by_role_class_or_style(chrome):
    (card,) = _cards(f"<h2>Tides</h2>{chrome}<div><p>The rise and fall of the sea.</p></div>")
    assert (card.title, card.body) == ("Tides", "The rise and fall of the sea.")


def test_readers_webpage_keeps_only_the_headings_of_a_header():
    page = """<article><header><h1>Tides</h1><p class="byline">March 3, 2024</p>
<table class="properties"><tr><th>Tags</th><td>OCEAN</td></tr></table></header>
<p>The rise and fall of the sea.</p></article>"""
    (card,) = _cards(page)
    assert (card.title, card.body, card.tables) == ("Tides", "The rise and fall of the sea.", ())


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ('Tides rise.<sup><a href="#cite-1">[1]</a></sup>', "Tides rise."),
        (
            'Tides rise.<sup><a href="#n2"><span>[</span>2<span>]</span></a></sup>',
            "Tides rise.",
        ),
        ('<a href="#ftnt_ref1" id="ftnt1">[1]</a> Tides rise.', "Tides rise."),
        ('Tides rise (see <a href="#moon">the Moon</a>).', "Tides rise (see the Moon)."),
        ('Tides rise<a href="https://example.org">[1]</a>.', "Tides rise[1]."),
    ],
)
def test_readers_webpage_drops_the_marks_of_footnotes_linked_in_the_page(paragraph, expected):
    (card,) = _cards(f"<p>{paragraph}</p>")
    assert card.body == expected


WORD_ITEM = (
    "<p class=MsoListParagraph style='text-indent:-.25in;mso-list:l0 level{} lfo1'>"
    "<![if !supportLists]><span style='mso-list:Ignore'>{}<span>&nbsp; </span></span>"
    "<![endif]>{}<o:p></o:p></p>"
)


@pytest.mark.parametrize(
    "page",
    [
        WORD_ITEM.format(1, "·", "Ebb tide")
        + WORD_ITEM.format(2, "o", "the water falls")
        + WORD_ITEM.format(1, "·", "Flood tide"),
        '<ul class="c6 lst-kix_a1b2-0 start"><li class="c4">Ebb tide</li></ul>'
        '<ul class="c6 lst-kix_a1b2-1 start"><li class="c9">the water falls</li></ul>'
        '<ul class="c6 lst-kix_a1b2-0"><li class="c4">Flood tide</li></ul>',
        "<ul><li>Ebb tide<ul><li>the water falls</li></ul></li><li>Flood tide</li></ul>",
    ],
)
def test_readers_webpage_reads_the_levels_of_lists_written_flat(page):
    (card,) = _cards(f"<h2>Tides</h2>{page}")
    assert [(card.body[i.start : i.end], i.depth) for i in card.items] == [
        ("Ebb tide", 0),
        ("the water falls", 1),
        ("Flood tide", 0),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<div><a href="/set/1/learn">Learn</a><a href="/set/1/test">Test</a></div>', ""),
        ('<p><a href="https://example.org/a">Science</a> › <a href="/b">Ocean</a></p>', ""),
        ('<ul><li><a href="/wiki/Estuary">Estuary</a></li></ul>', ""),
        ('<ul><li><a href="Moon%20phases.html">Moon phases</a></li></ul>', "Moon phases"),
        ('<p>See <a href="https://example.org/moon">the Moon</a>.</p>', "See the Moon."),
        ('<figure class="callout"><div><span class="icon">💡</span></div></figure>', ""),
    ],
)
def test_readers_webpage_leaves_out_lines_of_links_to_web_pages_and_icons(body, expected):
    (card,) = _cards(f"<h2>Tides</h2>{body}<p>The rise and fall of the sea.</p>")
    assert card.body == "\n".join(t for t in (expected, "The rise and fall of the sea.") if t)


@pytest.mark.parametrize(
    "title",
    [
        '<p class="c14 title" id="h.x"><span class="c0">Oceans</span></p>',
        "<p class=MsoTitle>Oceans<o:p></o:p></p>",
    ],
)
def test_readers_webpage_a_title_paragraph_heads_the_headings(title):
    page = (
        f"{title}<p class='title'></p><p>Notes for week 2.</p><h1>Tides</h1><p>The sea rises.</p>"
    )
    oceans, tides = _cards(page)
    assert (oceans.title, oceans.body, oceans.section) == ("Oceans", "Notes for week 2.", ())
    assert (tides.title, tides.section) == ("Tides", ("Oceans",))


def test_readers_webpage_leaves_out_a_wikipedia_list_of_references():
    page = """<h2>References</h2><div class="mw-references-wrap"><ol class="references">
<li id="cite_note-1"><span class="reference-text">Smith, J. (2001). <i>Tides</i>.</span></li>
</ol></div><h2>Tides</h2><p>The sea rises.</p>"""
    references, tides = _cards(page)
    assert (references.title, references.body) == ("References", "")
    assert tides.body == "The sea rises."


@pytest.mark.parametrize(
    ("page", "titles"),
    [
        (
            '<div><span style="font-size: 14pt;"><b>Tides</b></span></div><div>The sea rises.</div>'
            '<div><span style="font-size: 14pt;"><b>Waves</b></span></div><div>Wind blows.</div>',
            ["Tides", "Waves"],
        ),
        (
            "<p style='font-size:20.0pt'>Oceans</p><p style='font-size:11.0pt'>The sea rises.</p>",
            ["Oceans"],
        ),
        ('<p style="font-size:14pt">Tides</p><p style="font-size:14pt">The sea rises.</p>', [""]),
        ('<p><span style="font-size:16pt">The sea rises.</span></p><p>Wind moves it.</p>', [""]),
        ('<ul><li><span style="font-size:16pt">Tides</span></li></ul><p>The sea rises.</p>', [""]),
    ],
)
def test_readers_webpage_a_short_line_in_larger_type_is_a_heading(page, titles):
    assert [c.title for c in _cards(page)] == titles


def test_readers_webpage_leaves_out_a_table_of_the_notes_properties():
    page = """<h1>Tides</h1><table bgcolor="#D4DDE5" border="0">
<tr><td><b>Created:</b></td><td><i>1/22/2024 3:04 PM</i></td></tr>
<tr><td><b>Tags:</b></td><td><i>oceans</i></td></tr></table>
<p>The sea rises.</p><table><tr><td>Created</td><td>by the Moon</td></tr>
<tr><td>Size</td><td>a few metres</td></tr></table>"""
    (card,) = _cards(page)
    assert card.body == "The sea rises."
    assert card.tables == (Table(("Created", "by the Moon"), (("Size", "a few metres"),), (5,)),)


MATHML = (
    "<math><semantics><mrow><mi>F</mi><mo>=</mo><mi>m</mi><mi>a</mi></mrow>{}</semantics></math>"
)


@pytest.mark.parametrize(
    ("formula", "expected"),
    [
        (MATHML.format('<annotation encoding="application/x-tex">F = ma</annotation>'), "F = ma"),
        (MATHML.format(""), "F=ma"),
        (
            '<span class="katex"><span class="katex-mathml">'
            + MATHML.format('<annotation encoding="application/x-tex">F = ma</annotation>')
            + '</span><span class="katex-html" aria-hidden="true"><span>F</span>'
            "<span>=</span><span>ma</span></span></span>\ufeff",
            "F = ma",
        ),
    ],
)
def test_readers_webpage_reads_a_formula_once_as_its_tex(formula, expected):
    (card,) = _cards(f"<p>Newton's second law: {formula}, for a body of mass m.</p>")
    assert card.body == f"Newton's second law: {expected}, for a body of mass m."


CARD_ROW = (
    '<div class="SetPageTerm-content"><div class="SetPageTerm-side">'
    '<a class="SetPageTerm-wordText" href="#"><span class="TermText">{}</span></a></div>'
    '<div class="SetPageTerm-side"><div class="SetPageTerm-definitionText">'
    '<span class="TermText">{}</span></div></div>'
    '<button aria-label="Star"><svg></svg></button></div>'
)


@pytest.mark.parametrize(
    "row",
    [
        CARD_ROW,
        '<div class="card"><span class="card-question">{}</span>'
        '<span class="card-answer">{}</span></div>',
    ],
)
def test_readers_webpage_reads_the_sides_of_a_flashcard_sites_cards_as_terms(row):
    page = "<h1>Spanish 3</h1>" + row.format("la marea", "tide") + row.format("el mar", "sea")
    spanish, marea, mar = _cards(page)
    assert (spanish.title, spanish.body) == ("Spanish 3", "")
    assert [(c.title, c.title_kind, c.body) for c in (marea, mar)] == [
        ("la marea", "term", "tide"),
        ("el mar", "term", "sea"),
    ]


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


#: Openers of markup that nothing closes, each repeated: the standard library's parser
#: searched the rest of the page for each one's closer (minutes at 100,000 of them).
UNCLOSED = ["<!-- a >", "<![CDATA[ a >", "<![if a >", "<![$]", "<a b='", "<!--"]


@pytest.mark.parametrize("opener", UNCLOSED)
def test_readers_webpage_openers_nothing_closes_are_not_searched_again_and_again(
    opener, monkeypatch
):
    from extraction.readers import webpage

    calls = []
    for name in ("parse_comment", "parse_html_declaration", "parse_starttag"):
        method = getattr(webpage._PageExtractor, name)
        monkeypatch.setattr(
            webpage._PageExtractor,
            name,
            lambda self, i, _m=method, _n=name: calls.append(_n) or _m(self, i),
        )
    lines = webpage.page_lines("<p>Tides</p>" + opener * 2_000)
    assert len(calls) <= 2  # the <p> and </p>, not one search per opener
    assert opener.strip() in lines[-1][0].text  # shown as text, as the parser showed it


@pytest.mark.parametrize(
    "html",
    [
        "<p>a < b</p><!-- x > y <b>z",
        "<!-- kept --><p>x</p><![if !supportLists]>1.<![endif]> item",
        "<p>x<![CDATA[ y ]]> z</p><![CDATA[ open ]><b>q</b>",
        "<p>x</p><![$]><i>y</i><!x",
        "<p>Tides <a b='</p> rise <!-- fall",
    ],
)
def test_readers_webpage_openers_shown_as_text_read_as_the_parser_read_them(html):
    from extraction.readers._html import _TextExtractor, defuse_unclosed

    def text(markup: str) -> list[str]:
        parser = _TextExtractor()
        parser.feed(markup)
        parser.close()
        return [" ".join(line.text.split()) for line in parser.lines]

    assert text(defuse_unclosed(html)) == text(html)


@pytest.mark.parametrize(
    "opening, closing",
    [("<!--", "-->"), ("<a title='", "'>x</a>"), ("<script>", "</script>")],
)
def test_readers_webpage_a_construct_closed_far_away_is_read_again_a_few_times_only(
    opening, closing, monkeypatch
):
    from extraction.readers import webpage

    fed: list[int] = []
    feed = webpage._PageExtractor.feed
    monkeypatch.setattr(
        webpage._PageExtractor, "feed", lambda self, data: fed.append(len(data)) or feed(self, data)
    )
    middle = "a b " * 500_000  # 2 MB: 31 chunks
    lines = webpage.page_lines(f"<p>Before.</p>{opening}{middle}{closing}<p>After.</p>")
    assert [line.text.strip() for line, _ in lines][-1] == "After."
    assert len(fed) <= 10  # each chunk as long as what the parser kept: doubling, not 31


def test_readers_webpage_a_start_tag_of_a_million_attributes_is_left_out(monkeypatch):
    from extraction.readers import webpage

    longest: list[int] = []
    parse = webpage._PageExtractor.check_for_whole_start_tag

    def check(self, i):
        longest.append(len(self.rawdata) - i)
        return parse(self, i)

    monkeypatch.setattr(webpage._PageExtractor, "check_for_whole_start_tag", check)
    lines = webpage.page_lines("<p>Before.</p><a b=c" + " d" * 200_000 + "><p>After.</p>")
    assert [line.text.strip() for line, _ in lines] == ["Before.", "After."]  # no "d d d"
    assert max(longest) < 4 * webpage._CHUNK  # the tag's pattern never ran over all of it


def test_readers_webpage_a_long_paragraph_is_one_block_joined_once(monkeypatch):
    from extraction.readers import docx

    calls: list[int] = []
    continues = docx.continues
    monkeypatch.setattr(
        docx, "continues", lambda before, text: calls.append(len(before)) or continues(before, text)
    )
    (card,) = _cards("<p>" + "sediment settles <b>slowly</b> " * 20_000 + "</p>")
    assert card.body.count("slowly") == 20_000 and "  " not in card.body
    assert sum(calls) < 100_000  # not each 10,000-character piece joined to the text before
