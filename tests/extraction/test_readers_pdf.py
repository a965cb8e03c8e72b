"""PDF notes: the real lecture PDF, generated PDFs, text cleaning, damaged files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from extraction.readers import pdf, read_file
from extraction.readers._base import RawNote
from tests.conftest import CORPORA, requires_shared

SVM_PDF = CORPORA / "pdf" / "week_12_support_vector_machines.pdf"
requires_pdf = pytest.mark.skipif(
    not SVM_PDF.is_file(), reason=f"the lecture PDF is not here: {SVM_PDF} is absent"
)
NUMBERS_ONLY = re.compile(r"^[\s\d.,−+-]+$")


def _text_pdf(pages: list[list[str]]) -> PdfWriter:
    """A PDF whose pages show ``pages`` (lines of Latin-1 text) in Helvetica."""
    writer = PdfWriter()
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
    )
    for lines in pages:
        page = writer.add_blank_page(612, 792)
        fonts = DictionaryObject({NameObject("/F1"): font})
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
        shown = "".join(f"({line}) Tj 0 -14 Td " for line in lines)
        stream = DecodedStreamObject()
        stream.set_data(f"BT /F1 12 Tf 72 720 Td {shown}ET".encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    return writer


NOTES = [
    [
        "Plate tectonics",
        "A plate moves slowly across the mantle below it.",
        "Boundaries",
        "A boundary marks where two given plates meet, as a junc-",
        "tion of both plates.",
        "\x88 Divergent boundary: plates move apart.",
        "\x88 Transform boundary: plates slide past.",
        "-3 -2 -1 1 2 3",
        "1",
    ],
    ["Earthquakes", "A large fault gives strong and deep shaking.", "2"],
]


def _write(writer: PdfWriter, path: Path) -> Path:
    with path.open("wb") as out:
        writer.write(out)
    return path


def _slides_pdf(pages: list[list]) -> PdfWriter:
    """A PDF whose pages show lines made of ``(text, size, bold)`` pieces, top down; a
    line given as ``(x, pieces)`` starts ``x`` points from the left (40 otherwise)."""
    writer = PdfWriter()
    fonts = DictionaryObject()
    for name, base in (("/F1", "/Helvetica"), ("/F2", "/Helvetica-Bold")):
        fonts[NameObject(name)] = writer._add_object(
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Font"),
                    NameObject("/Subtype"): NameObject("/Type1"),
                    NameObject("/BaseFont"): NameObject(base),
                }
            )
        )
    for lines in pages:
        page = writer.add_blank_page(720, 540)
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
        shown = ""
        for k, line in enumerate(lines):
            x, line = line if isinstance(line, tuple) else (40, line)
            pieces = "".join(
                f"/F{2 if bold else 1} {size:g} Tf ({text}) Tj " for text, size, bold in line
            )
            shown += f"BT {x} {500 - 40 * k} Td {pieces}ET "
        stream = DecodedStreamObject()
        stream.set_data(shown.encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    return writer


def _footer(n: int) -> list[tuple[str, float, bool]]:
    return [(f"HYD 210 - Groundwater - slide {n}", 9, False)]


SLIDES = [
    [[("Hydrology 210", 32, True)], [("Lecture 5: Groundwater", 18, False)], _footer(1)],
    [
        [("Aquifers", 28, True)],
        [("Confined aquifer", 18, True), (": an aquifer between two layers of rock", 18, False)],
        [("\x95 Unconfined aquifer: an aquifer open to the surface above it", 18, False)],
        _footer(2),
    ],
    [
        [("Darcy flow", 28, True)],
        [("Darcy flow is how water flows through a porous medium.", 18, False)],
        _footer(3),
    ],
    [
        [("Recharge and", 28, True)],
        [("Discharge", 28, True)],
        [("Recharge is the water that reaches the water table from above.", 18, False)],
        _footer(4),
    ],
]


def test_pdf_slides_are_cut_at_titles_set_larger_than_the_text(tmp_path):
    result = read_file(_write(_slides_pdf(SLIDES), tmp_path / "hydrology.pdf"))
    assert result.ok, result.source.errors
    cards = result.cards
    # one card per slide title; the deck's title over them; the running footer gone
    assert [(c.title, c.title_kind, c.section) for c in cards] == [
        ("Hydrology 210", "heading", ()),
        ("Aquifers", "heading", ("Hydrology 210",)),
        ("Darcy flow", "heading", ("Hydrology 210",)),
        # a title wrapped over two lines is one heading
        ("Recharge and Discharge", "heading", ("Hydrology 210",)),
    ]
    assert not any("slide" in c.body for c in cards)
    assert cards[0].body == "Lecture 5: Groundwater"
    aquifers = cards[1]
    assert aquifers.body.splitlines() == [
        "Confined aquifer: an aquifer between two layers of rock",
        "Unconfined aquifer: an aquifer open to the surface above it",
    ]
    assert aquifers.emphasised() == ["Confined aquifer"]  # set in the bold font
    assert [item.depth for item in aquifers.items] == [0]  # the bulleted line
    assert cards[3].lines == (8, 10)  # cited by the cleaned lines, footers left out


def test_pdf_bulleted_lines_nest_by_where_they_start(tmp_path):
    def item(x: int, text: str) -> tuple[int, list[tuple[str, float, bool]]]:
        return (x, [(f"\x95 {text}", 20, False)])

    slide = [
        [("Photosynthesis", 32, True)],
        item(40, "Light reactions"),
        item(70, "Take place in the thylakoids"),
        item(72, "Make ATP"),  # a little further right: the same depth
        item(41, "Calvin cycle"),
        item(70, "Fixes carbon dioxide into sugar"),
    ]
    card = read_file(_write(_slides_pdf([slide]), tmp_path / "ps.pdf")).cards[0]
    assert card.title == "Photosynthesis"
    assert [(item.depth, card.body[item.start : item.end]) for item in card.items] == [
        (0, "Light reactions"),
        (1, "Take place in the thylakoids"),
        (1, "Make ATP"),
        (0, "Calvin cycle"),
        (1, "Fixes carbon dioxide into sugar"),
    ]


def test_pdf_one_size_throughout_is_read_as_an_outline(tmp_path):
    flat = [[[(text, 12, False)] for text in page] for page in NOTES]
    result = read_file(_write(_slides_pdf(flat), tmp_path / "flat.pdf"))
    assert [c.title for c in result.cards] == ["Plate tectonics", "Boundaries", "Earthquakes"]


@requires_shared
@requires_pdf
def test_pdf_real_lecture_notes():
    result = read_file(SVM_PDF)
    assert result.ok, result.source.errors
    assert result.source.format == "pdf"
    cards = result.cards
    titles = [card.title for card in cards]
    assert len(cards) >= 8
    assert all(titles)
    # Headings after a bullet, and a heading wrapped over two lines, are found whole.
    assert {"Kernels", "Large margin intuition"} <= set(titles)
    assert "SVM cost functions from logistic regression cost functions" in titles
    assert not any(re.search(r"\b20\d\d\b", card.title) for card in cards)  # no dates
    for card in cards:
        text = card.title + "\n" + card.body
        assert "\x88" not in text and "\ufb01" not in text, card
        assert not any(NUMBERS_ONLY.match(line) for line in text.splitlines()), card
        assert "p. " not in text
        assert len(card.body_lines) == len(card.body.splitlines())
    bodies = "\n".join(card.body for card in cards)
    assert "Flat when cost is 0." in bodies.splitlines()
    assert not any(line.endswith((" a", " the", " of", ",")) for line in bodies.splitlines())
    assert "find a non-linear boundary" in bodies


def test_pdf_generated_notes_become_cards(tmp_path):
    result = read_file(_write(_text_pdf(NOTES), tmp_path / "plates.pdf"))
    assert result.ok, result.source.errors
    assert [(c.title, c.body) for c in result.cards] == [
        ("Plate tectonics", "A plate moves slowly across the mantle below it."),
        (
            "Boundaries",
            "A boundary marks where two given plates meet, as a junction of both plates.\n"
            "Divergent boundary: plates move apart.\nTransform boundary: plates slide past.",
        ),
        ("Earthquakes", "A large fault gives strong and deep shaking."),
    ]
    # Lines count the cleaned lines of all pages (page numbers and ticks dropped).
    assert [c.lines for c in result.cards] == [(1, 2), (3, 7), (8, 9)]


def test_pdf_empty_password_is_opened(tmp_path):
    writer = _text_pdf(NOTES)
    writer.encrypt(user_password="", owner_password="owner-only")
    result = read_file(_write(writer, tmp_path / "locked-for-editing.pdf"))
    assert result.ok, result.source.errors
    assert len(result.cards) == 3


def _encrypted(tmp_path: Path) -> bytes:
    writer = _text_pdf(NOTES)
    writer.encrypt("secret")
    return _write(writer, tmp_path / "x.pdf").read_bytes()


def _blank(tmp_path: Path) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    writer.add_blank_page(612, 792)
    return _write(writer, tmp_path / "x.pdf").read_bytes()


def _truncated(tmp_path: Path) -> bytes:
    data = _write(_text_pdf(NOTES), tmp_path / "x.pdf").read_bytes()
    return data[:200]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_encrypted, "encrypted PDF: remove the password and try again"),
        (_blank, "PDF has no text layer (scanned pages?); run OCR first"),
        (_truncated, "corrupt PDF: "),
        (lambda _: b"%PDF-1.7\n" + b"\x00garbage\xff" * 300, "corrupt PDF: "),
        (lambda _: b"just some text pretending to be a PDF", "not a PDF file"),
    ],
    ids=["encrypted", "text-less", "truncated", "garbage", "not-pdf"],
)
def test_pdf_bad_file_one_clear_error(tmp_path, make, reason):
    path = tmp_path / "notes.pdf"
    path.write_bytes(make(tmp_path))
    result = read_file(path)
    assert result.cards == []
    assert len(result.source.errors) == 1
    assert reason in result.source.errors[0]


def test_pdf_page_limit_keeps_the_pages_before_it(tmp_path, monkeypatch):
    whole = read_file(_write(_text_pdf(NOTES), tmp_path / "whole.pdf"))
    monkeypatch.setattr(pdf, "MAX_PAGES", 1)
    result = read_file(_write(_text_pdf(NOTES), tmp_path / "long.pdf"))
    assert result.source.errors == [] and 0 < len(result.cards) < len(whole.cards)
    assert "over the 1-page limit" in result.source.warnings[0]


@pytest.mark.parametrize(
    ("data", "name", "score"),
    [
        (b"%PDF-1.5\n...", "a.pdf", 1.0),
        (b"junk" * 100 + b"%PDF-1.5\n...", "a.pdf", 1.0),
        (b"junk" * 300 + b"%PDF-1.5\n...", "a.pdf", 0.5),
        (b"plain text", "a.pdf", 0.5),
    ],
)
def test_pdf_sniff(data, name, score):
    assert pdf.sniff(RawNote(path=Path(name), data=data)) == score


@pytest.mark.parametrize(
    ("line", "cleaned"),
    [
        ("\x88 Flat when cost is 0.", "• Flat when cost is 0."),
        ("• item", "• item"),
        ("◦ sub item", "• sub item"),
        ("▪ square", "• square"),
        ("‣ triangle", "• triangle"),
        ("\uf0b7 symbol font", "• symbol font"),
        ("– dash item", "• dash item"),
        ("puriﬁcation and ﬂat", "purification and flat"),
        ("12", ""),
        ("−3 −2 −1 1 2 3", ""),
        ("0.5 1.0 1.5", ""),
        ("θ0 = −0.5", "θ0 = −0.5"),
        ("x − 1", "x − 1"),
        ("Week 12", "Week 12"),
    ],
)
def test_pdf_clean_line(line, cleaned):
    assert pdf.clean_pdf_line(line) == cleaned


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["photo-", "synthesis is slow"], ["photosynthesis", "is slow"]),
        (["a crys-", "tallisation"], ["a crystallisation"]),
        (["X-", "Ray images"], ["X-", "Ray images"]),
        (["value 3-", "4 times"], ["value 3-", "4 times"]),
        (["•", "lone bullet"], ["• lone bullet"]),
    ],
)
def test_pdf_join_lines(lines, joined):
    assert pdf.join_lines(lines) == joined


def test_pdf_a_lone_bullet_glyph_goes_before_its_item_in_sized_lines():
    pieces = [("\x95", 18.0, False, 40.0), ("\n", 0.0, False, 0.0), ("Aquifer", 18.0, True, 60.0)]
    lines = pdf.join_pdf_lines(pdf.page_lines(pieces, 1))
    assert [(line.text, line.bold) for line in lines] == [("• Aquifer", ((2, 9),))]
