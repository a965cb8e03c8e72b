"""Delimited flashcard exports: Anki plain-text notes, Quizlet TSV/CSV, encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from extraction.readers import delimited, read_file
from extraction.readers._base import RawNote

ANKI_EXPORT = (
    "#separator:tab\n"
    "#html:true\n"
    "#guid column:1\n"
    "#notetype column:2\n"
    "#deck column:3\n"
    "#tags column:6\n"
    "k1\tBasic\tGEO::Rivers\tWhat is a <b>delta</b>?\t"
    '"A landform&nbsp;built<br>at a river mouth"\trivers week12\n'
    "k2\tBasic\tGEO\tDe\ufb01ne meander\t<div>Loop between</div><div>banks</div>\t\n"
    'k3\tBasic\tGEO\tMultiline\t"first\n<br>second"\t\n'
)


def _read(tmp_path: Path, name: str, data: str | bytes):
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return read_file(path)


def test_delimited_anki_export_headers(tmp_path):
    result = _read(tmp_path, "notes.txt", ANKI_EXPORT)
    assert result.ok and result.source.format == "csv", result.source.errors
    assert [(c.title, c.body, c.section, c.lines) for c in result.cards] == [
        ("What is a delta?", "A landform built at a river mouth", ("GEO", "Rivers"), (7, 7)),
        ("Define meander", "Loop between banks", ("GEO",), (8, 8)),
        ("Multiline", "first second", ("GEO",), (9, 10)),
    ]
    # GUID, note type and tags never reach the text.
    text = " ".join(c.title + c.body for c in result.cards)
    assert "k1" not in text and "Basic" not in text and "rivers week12" not in text


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [
        ("#separator:Comma", ","),
        ("#separator:semicolon", ";"),
        ("#separator:Pipe", "|"),
        ("#separator:Space", " "),
        ("#separator:tab", "\t"),
        ("#separator:@", "@"),
    ],
)
def test_delimited_anki_separator_names(tmp_path, header, delimiter):
    rows = [f"Magma{delimiter}Molten_rock", f"Lava{delimiter}Erupted_rock"]
    result = _read(tmp_path, "notes.txt", "\n".join([header, "#html:false", *rows]) + "\n")
    assert result.ok, result.source.errors
    assert [(c.title, c.body) for c in result.cards] == [
        ("Magma", "Molten_rock"),
        ("Lava", "Erupted_rock"),
    ]


def test_delimited_quizlet_tsv(tmp_path):
    text = "Erosion\tWearing away of rock by water\nWeathering\tBreaking of rock in place\n"
    text += 'Deposition\tSettling of the load, e.g. a "sandy" bar\n'
    result = _read(tmp_path, "set.tsv", text)
    assert result.ok, result.source.errors
    assert [c.title for c in result.cards] == ["Erosion", "Weathering", "Deposition"]
    assert result.cards[2].body == 'Settling of the load, e.g. a "sandy" bar'
    assert [c.lines for c in result.cards] == [(1, 1), (2, 2), (3, 3)]


def test_delimited_quizlet_csv_quoted_multiline_definition(tmp_path):
    text = (
        "term,definition\n"
        'Delta,"The fan of sediment at the mouth,\npointing seaward"\n'
        "Flow rate,Volume per second, usually large\n"
    )
    result = _read(tmp_path, "set.csv", text)
    assert result.ok, result.source.errors
    first, second = result.cards
    assert (first.title, first.body) == (
        "Delta",
        "The fan of sediment at the mouth, pointing seaward",
    )
    assert first.lines == (2, 3) and first.title_line == 2 and first.body_lines == (2,)
    assert first.line_of(first.body.index("pointing")) == 3
    # An unquoted comma in a two-column set belongs to the definition.
    assert (second.title, second.body, second.lines) == (
        "Flow rate",
        "Volume per second, usually large",
        (4, 4),
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "cp1252"])
def test_delimited_csv_encodings(tmp_path, encoding):
    text = "front,back\nCafé,A naïve résumé\nTitration,Finds the strength of an acid\n"
    result = _read(tmp_path, "set.csv", text.encode(encoding))
    assert result.ok, result.source.errors
    assert len(result.cards) == 2
    assert (result.cards[0].title, result.cards[0].body) == ("Café", "A naïve résumé")


@pytest.mark.parametrize(
    ("name", "text", "score"),
    [
        ("a.txt", "#separator:tab\nA\tB\n", 0.95),
        ("a.csv", "#html:true\nA,B\n", 0.95),
        ("a.csv", "A,B\nC,D\nE,F\n", 0.9),
        ("a.tsv", "A\tB\nC\tD\n", 0.9),
        ("a.csv", "just one column\nof words\n", 0.2),
        ("a.txt", "A\tB\nC\tD\nE\tF\n", 0.5),
        # an Anki export without its header lines: front, back, tags
        ("a.txt", "A\tB\tx\nC\tD\tx\nE\tF\tx\n", 0.5),
        ("a.txt", "A\tB\tx\ty\tz\nC\tD\tx\ty\tz\nE\tF\tx\ty\tz\n", 0.0),
        ("a.txt", "A\tB\nC\tD\nplain line\nmore prose\n", 0.0),
        ("a.txt", "What is a delta?\nA river landform.\n", 0.0),
    ],
)
def test_delimited_sniff(name, text, score):
    assert delimited.sniff(RawNote(path=Path(name), data=text.encode())) == score


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("set.csv", "one column only\nand another line\n", "no delimited columns found"),
        ("set.tsv", "no tabs here\nat all\n", "no delimited columns found"),
        ("set.csv", bytes(range(256)) * 8, "binary file"),
    ],
)
def test_delimited_bad_input_one_clear_error(tmp_path, name, data, reason):
    result = _read(tmp_path, name, data)
    assert result.cards == []
    assert len(result.source.errors) == 1
    assert reason in result.source.errors[0]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["#separator:tab", "a\tb"], ("\t", None, set(), None, 1)),
        (["#separator:comma", "#html:true", "#deck column:2"], (",", True, {1}, 1, 3)),
        (["#separator:tab", "#columns:Front\tBack\tTags"], ("\t", None, {2}, None, 2)),
        (["#notetype column:1", "#guid column:4"], (None, None, {0, 3}, None, 2)),
        (["no header"], (None, None, set(), None, 0)),
    ],
)
def test_delimited_parse_headers(lines, expected):
    layout = delimited.parse_headers(lines)
    got = (layout.delimiter, layout.html, layout.dropped, layout.deck_column, layout.header_lines)
    assert got == expected


@pytest.mark.parametrize(
    ("header", "body"),
    [
        # a column the header row names as metadata is no part of the answer
        ("Front\tBack\tTags", "Wearing away of rock by water"),
        ("Term\tDefinition\tSource", "Wearing away of rock by water"),
        # a column of another name is
        ("Front\tBack\tExample", "Wearing away of rock by water\nthe Grand Canyon"),
    ],
)
def test_delimited_header_row_drops_its_metadata_columns(tmp_path, header, body):
    text = f"{header}\nErosion\tWearing away of rock by water\tthe Grand Canyon\n"
    result = _read(tmp_path, "set.tsv", text)
    assert result.ok, result.source.errors
    assert [(c.title, c.body) for c in result.cards] == [("Erosion", body)]


def test_delimited_anki_cloze_row_keeps_its_deletion(tmp_path):
    text = (
        '#separator:Comma\n#html:true\n"The {{c1::<b>delta</b>}} is a river mouth landform","x"\n'
    )
    result = _read(tmp_path, "geo.csv", text)
    assert result.ok, result.source.errors
    card = result.cards[0]
    assert (card.title, card.title_kind) == ("The delta is a river mouth landform", "cloze")
    runs = {(card.title[e.start : e.end], e.style) for e in card.emphasis if e.part == "title"}
    assert runs == {("delta", "bold"), ("delta", "cloze")}


def test_readers_delimited_txt_rows_of_three_fields_are_cards(tmp_path):
    path = tmp_path / "pottery.txt"
    path.write_text(
        "Kiln\tA furnace that fires pottery.\tceramics\n"
        "Glaze\tA glassy coat fused to a pot in the kiln.\tceramics\n"
        "Slip\tClay thinned with water, used to join pieces.\tceramics\n"
        "Bisque\tPottery fired once, before glazing.\tceramics\n",
        encoding="utf-8",
    )
    result = read_file(path)
    assert result.source.format == "csv"
    assert [c.title for c in result.cards] == ["Kiln", "Glaze", "Slip", "Bisque"]
    assert str(result.cards[0].body).startswith("A furnace that fires pottery.")


@pytest.mark.parametrize(
    "header",
    ["Concept,Explanation", "Term,Description", "Prompt,Response", "Key term,Meaning"],
)
def test_readers_delimited_header_rows_of_other_column_names_are_no_card(tmp_path, header):
    path = tmp_path / "pottery.csv"
    path.write_text(
        f"{header}\nKiln,A furnace that fires pottery.\nGlaze,A glassy coat fused to a pot.\n",
        encoding="utf-8",
    )
    assert [c.title for c in read_file(path).cards] == ["Kiln", "Glaze"]


@pytest.mark.parametrize(
    ("rows", "body"),
    [
        # a tags column: lower-case words, repeated
        (
            ["Kiln\tA furnace.\tceramics", "Glaze\tA glassy coat.\tceramics", "Slip\tWet clay.\tx"],
            "A furnace.",
        ),
        # a third column of text is kept
        (
            [
                "Kiln\tA furnace.\tHot inside.",
                "Glaze\tA glassy coat.\tShiny.",
                "Slip\tWet clay.\tOk.",
            ],
            "A furnace.\nHot inside.",
        ),
    ],
    ids=["tags", "text"],
)
def test_readers_delimited_tags_column_without_header_is_dropped(tmp_path, rows, body):
    path = tmp_path / "pottery.txt"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert str(read_file(path).cards[0].body) == body


_POTTERY_ROWS = (
    "Kiln;An oven that fires clay at high heat.\n"
    "Glaze;A glassy coat fused onto a pot in the kiln.\n"
    "Slip;Clay thinned with water to a creamy liquid.\n"
)


@pytest.mark.parametrize(
    ("first", "titles"),
    [
        # a header in words no table knows: two short words, found nowhere else
        ("Wort;Erklärung", ["Kiln", "Glaze", "Slip"]),
        ("Terme;Définition", ["Kiln", "Glaze", "Slip"]),
        # a card whose answer is a phrase, or whose words come back below, is a card
        ("Raku;A firing where hot pots are pulled out.", ["Raku", "Kiln", "Glaze", "Slip"]),
        ("Clay;Water", ["Clay", "Kiln", "Glaze", "Slip"]),
    ],
)
def test_readers_delimited_a_first_row_shaped_as_a_header_is_no_card(tmp_path, first, titles):
    path = tmp_path / "pottery.csv"
    path.write_text(f"{first}\n{_POTTERY_ROWS}", encoding="utf-8")
    assert [c.title for c in read_file(path).cards] == titles


@pytest.mark.parametrize(
    ("header", "cell", "section"),
    [
        ("Term,Definition,Chapter", "ch2", ("ch2",)),
        ("Term,Definition,Week", "3", ("Week 3",)),
        ("Front,Back,Topic", "Firing", ("Firing",)),
    ],
)
def test_readers_delimited_a_chapter_column_is_the_cards_section(tmp_path, header, cell, section):
    path = tmp_path / "pottery.csv"
    path.write_text(f"{header}\nKiln,An oven that fires clay.,{cell}\n", encoding="utf-8")
    card = read_file(path).cards[0]
    assert (card.title, card.body, card.section) == ("Kiln", "An oven that fires clay.", section)
