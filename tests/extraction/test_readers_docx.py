"""Word documents: headings make cards, lists and tables their bodies; damaged files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx as python_docx
import pytest
from docx.enum.style import WD_STYLE_TYPE

from extraction.readers import docx, read_file
from extraction.readers._base import RawNote
from extraction.records import Table


def _lecture(path: Path) -> Path:
    document = python_docx.Document()
    document.add_paragraph("Notes taken in week 12.")
    document.add_heading("Plate Tectonics", level=0)
    document.add_heading("Boundaries", level=1)
    intro = document.add_paragraph("A boundary separates ")
    intro.add_run("two plates").bold = True
    intro.add_run("&#46;")
    document.add_paragraph("Divergent boundary", style="List Bullet")
    document.add_paragraph("Transform boundary", style="List Number")
    document.add_paragraph("")
    document.add_paragraph("")
    document.add_paragraph("Mapped by\tseismic-surveys\non the ocean floor, de\ufb01nitely.")
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {
        (0, 0): "Boundary",
        (0, 1): "Speed",
        (1, 0): "Transform",
        (1, 1): "slow",
    }.items():
        table.cell(row, col).text = text
    document.add_heading("Transform boundary", level=2)
    document.add_heading("Trenches", level=1)
    document.add_paragraph("The deepest parts of the ocean.")
    document.save(str(path))
    return path


def test_docx_headings_make_cards(tmp_path):
    result = read_file(_lecture(tmp_path / "week12.docx"))
    assert result.ok, result.source.errors
    assert result.source.format == "docx"
    plates = "Plate Tectonics"
    assert [(c.title, c.section, c.lines) for c in result.cards] == [
        ("", (), (1, 1)),
        (plates, (), (2, 2)),
        ("Boundaries", (plates,), (3, 11)),
        ("Transform boundary", (plates, "Boundaries"), (12, 12)),
        ("Trenches", (plates,), (13, 14)),
    ]
    boundaries = result.cards[2]
    assert boundaries.title_kind == "heading"
    assert boundaries.body == (
        "A boundary separates two plates.\nDivergent boundary\nTransform boundary\n"
        "Mapped by seismic-surveys on the ocean floor, definitely."
    )
    assert boundaries.body_lines == (4, 5, 6, 9)
    assert boundaries.emphasised() == ["two plates"]
    assert [(i.depth, i.parent) for i in boundaries.items] == [(0, 0), (0, 0)]
    assert boundaries.tables == (Table(("Boundary", "Speed"), (("Transform", "slow"),), (11,)),)
    assert result.cards[0].body == "Notes taken in week 12."


def test_docx_merged_cells_are_not_repeated(tmp_path):
    document = python_docx.Document()
    document.add_heading("Summary", level=1)
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "All boundaries"
    table.cell(1, 0).text = "Rift"
    table.cell(1, 2).text = "smooth"
    document.save(str(tmp_path / "t.docx"))
    (card,) = read_file(tmp_path / "t.docx").cards
    assert card.tables == (Table(("All boundaries",), (("Rift", "smooth"),), (3,)),)


def test_docx_term_table_gives_term_cards(tmp_path):
    document = python_docx.Document()
    document.add_heading("Boundaries", level=1)
    table = document.add_table(rows=2, cols=2)
    rows = [
        ("Rift", "A valley where two plates move apart."),
        ("Trench", "The deep line where one plate sinks."),
    ]
    for r, (term, meaning) in enumerate(rows):
        table.cell(r, 0).text, table.cell(r, 1).text = term, meaning
    document.save(str(tmp_path / "t.docx"))
    cards = read_file(tmp_path / "t.docx").cards
    assert [(c.title, c.title_kind, c.body, c.section) for c in cards] == [
        ("Boundaries", "heading", "", ()),
        ("Rift", "term", "A valley where two plates move apart.", ("Boundaries",)),
        ("Trench", "term", "The deep line where one plate sinks.", ("Boundaries",)),
    ]


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _truncated(tmp_path: Path) -> bytes:
    data = _lecture(tmp_path / "x.docx").read_bytes()
    return data[: len(data) // 2]


def _broken_xml(tmp_path: Path) -> bytes:
    with zipfile.ZipFile(_lecture(tmp_path / "x.docx")) as source:
        members = {name: source.read(name) for name in source.namelist()}
    members["word/document.xml"] = b"<w:document><w:body><unclosed>"
    return _zip(members)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda _: b"plain text, not a document", "corrupt .docx: not a ZIP archive"),
        (_truncated, "corrupt .docx: not a ZIP archive"),
        (lambda _: _zip({"content.xml": b"<x/>"}), "not a Word document"),
        (_broken_xml, "corrupt .docx: "),
        (lambda _: _zip({"word/document.xml": bytes(5_000_000)}), "ZIP bomb"),
    ],
    ids=["text", "truncated", "odt-like", "broken-xml", "bomb"],
)
def test_docx_bad_file_one_clear_error(tmp_path, make, reason):
    path = tmp_path / "notes.docx"
    path.write_bytes(make(tmp_path))
    result = read_file(path)
    assert result.cards == []
    assert len(result.source.errors) == 1
    assert reason in result.source.errors[0]


@pytest.mark.parametrize(
    ("data", "score"),
    [
        (_zip({"word/document.xml": b"<x/>"}), 1.0),
        (_zip({"content.xml": b"<x/>"}), 0.5),
        (b"not a zip", 0.5),
    ],
)
def test_docx_sniff(data, score):
    assert docx.sniff(RawNote(path=Path("a.docx"), data=data)) == score


@pytest.mark.parametrize(
    ("style", "level"),
    [("Title", 0), ("Heading 1", 1), ("heading 3", 3), ("Normal", None), ("List Bullet", None)],
)
def test_docx_heading_level(style, level):
    assert docx.heading_level(style) == level


@pytest.mark.parametrize(
    ("paragraph_style", "run_style", "code", "body"),
    [
        ("Normal", "HTML Code", "table.get(key)", "Call to find a slot.\nend"),
        ("Normal", "Verbatim Char", "table.get(key)", "Call to find a slot.\nend"),
        ("Normal", "HTML Code", "rehash", "Call rehash to find a slot.\nend"),
        ("Source Code", "Normal Char", "x", "end"),
        ("HTML Preformatted", "Normal Char", "x", "end"),
    ],
)
def test_docx_code_styles_read_as_markdown_code(tmp_path, paragraph_style, run_style, code, body):
    """A code block style drops its paragraph; a code run stays only as a name."""
    document = python_docx.Document()
    for name, kind in (
        (paragraph_style, WD_STYLE_TYPE.PARAGRAPH),
        (run_style, WD_STYLE_TYPE.CHARACTER),
    ):
        if name not in [s.name for s in document.styles]:
            document.styles.add_style(name, kind)
    document.add_heading("Hash tables", level=1)
    line = document.add_paragraph("Call ", style=paragraph_style)
    line.add_run(code).style = document.styles[run_style]
    line.add_run(" to find a slot.")
    document.add_paragraph("end")
    path = tmp_path / "hashing.docx"
    document.save(str(path))
    (card,) = read_file(path).cards
    assert card.body == body


def test_readers_docx_terms_over_their_explanation_paragraphs_are_term_cards(tmp_path):
    document = python_docx.Document()
    document.add_heading("Pottery", level=1)
    rows = [
        ("Kiln", "A furnace that fires pottery."),
        ("Glaze", "A glassy coat fused to a pot."),
        ("Slip", "Clay thinned with water."),
        ("Bisque", "Pottery fired once, before glazing."),
    ]
    for term, meaning in rows:
        document.add_paragraph(term)
        document.add_paragraph(meaning)
    document.add_heading("Firing", level=1)
    document.add_paragraph("Kilns reach high heat.")
    document.add_paragraph("Pots shrink as they fire, so potters make them larger.")
    document.save(str(tmp_path / "t.docx"))
    cards = read_file(tmp_path / "t.docx").cards
    assert [(c.title, c.title_kind, c.body, c.section) for c in cards] == [
        ("Pottery", "heading", "", ()),
        *((term, "term", meaning, ("Pottery",)) for term, meaning in rows),
        (
            "Firing",
            "heading",
            "Kilns reach high heat.\nPots shrink as they fire, so potters make them larger.",
            (),
        ),
    ]


def test_docx_a_table_of_one_row_before_any_heading_is_read(tmp_path):
    document = python_docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Mineral", "Hardness"
    document.save(str(tmp_path / "one_row.docx"))
    result = read_file(tmp_path / "one_row.docx")
    assert result.ok, result.source.errors
    assert [(c.title_line, c.tables) for c in result.cards] == [
        (1, (Table(("Mineral", "Hardness"), ()),))
    ]


def test_readers_docx_cards_give_the_lines_of_the_headings_over_them():
    from extraction.readers._base import CardBuilder

    blocks = [
        docx.Block(1, "Oceans", level=1),
        docx.Block(2, "Tides", level=2),
        docx.Block(3, "The sea rises twice a day."),
        docx.Block(4, "a tide of large range", term="Spring tide"),
        docx.Block(5, "Currents", level=2),
        docx.Block(6, "Water moves in loops."),
    ]
    raw = RawNote(Path("ocean.docx"), b"")
    cards = list(docx.block_cards(blocks, CardBuilder(raw, "docx")))
    assert [(c.title, c.section, c.section_lines) for c in cards] == [
        ("Oceans", (), ()),
        ("Tides", ("Oceans",), (1,)),
        ("Spring tide", ("Oceans", "Tides"), (1, 2)),
        ("Currents", ("Oceans",), (1,)),
    ]


def test_readers_docx_run_text_is_what_python_docx_reads():
    from docx.enum.text import WD_BREAK

    paragraph = python_docx.Document().add_paragraph()
    run = paragraph.add_run("Tides\trise")
    run.add_break()  # a line break: "\n"
    run.add_text("and fall")
    run.add_break(WD_BREAK.PAGE)  # a page break: nothing
    run.add_tab()
    run.add_text("twice a day")
    assert docx.run_text(run) == run.text == "Tides\trise\nand fall\ttwice a day"


def test_readers_docx_a_paragraph_out_of_time_between_its_runs_stops():
    from extraction.limits import Deadline

    paragraph = python_docx.Document().add_paragraph()
    for _ in range(docx.RUNS_PER_CHECK):
        paragraph.add_run("w ")
    with pytest.raises(docx._OutOfTime):
        docx.paragraph_text(paragraph, Deadline(0))
    assert docx.paragraph_text(paragraph, Deadline())[0] == "w " * docx.RUNS_PER_CHECK


def test_readers_docx_typed_lines_going_on_are_joined_once(monkeypatch):
    from extraction.readers._base import BodyLine, CardBuilder

    joins = []
    append = BodyLine.append
    monkeypatch.setattr(
        BodyLine, "append", lambda self, *args: joins.append(1) or append(self, *args)
    )
    lines = ["The guard cell", *(["controls how much water"] * 999)]
    text = "\n".join(lines)
    bold = len(lines[0]) + 1  # "controls" of the second line, in bold
    block = docx.Block(2, text, runs=[(bold, bold + 8, "bold")])
    builder = CardBuilder(RawNote(Path("leaf.docx"), b""), "docx")
    cards = list(docx.block_cards([docx.Block(1, "Leaves", level=1), block], builder))
    assert cards[0].body == " ".join(lines)
    assert len(joins) == 1  # one join for 999 lines, not one each
    assert cards[0].emphasised() == ["controls"]
