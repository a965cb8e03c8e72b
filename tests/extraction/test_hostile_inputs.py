"""Hostile notes and uploads: each is refused (or read) within seconds and bounded
memory, with a clear reason, and never stops the other files of a build.

Every case goes through :func:`extraction.readers.read_bytes` under ``tracemalloc``;
time and peak Python memory are asserted against generous bounds. With
``CONCEPT_ATLAS_RELIABILITY_LOG=<file>`` each measurement is appended to that file as
a JSON line, which is how the table in ``docs/RELIABILITY.md`` was made.
"""

from __future__ import annotations

import builtins
import io
import json
import os
import struct
import subprocess
import sys
import time
import tracemalloc
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import docx as python_docx
import pytest

from extraction import limits
from extraction.readers import apkg, read_bytes, read_paths
from extraction.records import ReadResult

#: Generous bounds: a hostile file must be dealt with in seconds, not minutes. Seconds
#: of this process's CPU (``time.process_time``), which other work on a shared machine
#: does not lengthen as it does the wall clock; these reads wait on nothing.
MAX_SECONDS = 10.0
MAX_PEAK_MB = 1500.0

GOOD_TXT = b"What is dropout?\nRandomly switching off neurons.\nDefine epoch\nOne pass.\n"


@dataclass
class Measured:
    """What reading one input cost."""

    result: ReadResult
    seconds: float
    peak_mb: float

    @property
    def error(self) -> str:
        return self.result.source.errors[0] if self.result.source.errors else ""


def measure(case: str, data: bytes, name: str) -> Measured:
    """Read ``data`` as an upload called ``name`` twice: timed, then with ``tracemalloc``
    tracing peak memory (tracing slows allocation-heavy code several times over)."""
    start = time.process_time()
    result = read_bytes(data, path=name)
    seconds = time.process_time() - start
    tracemalloc.start()
    try:
        traced = read_bytes(data, path=name)
        peak = tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()
    assert traced.source.errors == result.source.errors, case
    measured = Measured(result, seconds, peak)
    assert measured.seconds < MAX_SECONDS, f"{case}: {measured.seconds:.1f} s"
    assert measured.peak_mb < MAX_PEAK_MB, f"{case}: {measured.peak_mb:.0f} MB"
    for error in result.source.errors:
        assert not error.startswith("could not be read ("), f"{case}: reader bug: {error}"
    _log(case, name, len(data), measured)
    return measured


def _log(case: str, name: str, size: int, measured: Measured) -> None:
    path = os.environ.get("CONCEPT_ATLAS_RELIABILITY_LOG")
    if not path:
        return
    entry = {
        "case": case,
        "name": name,
        "bytes": size,
        "seconds": round(measured.seconds, 3),
        "peak_mb": round(measured.peak_mb, 1),
        "cards": len(measured.result.cards),
        "error": measured.error,
    }
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry) + "\n")


def refused(case: str, data: bytes, name: str, reason: str) -> Measured:
    """Measure ``data`` and check it is refused with exactly one error containing ``reason``."""
    measured = measure(case, data, name)
    assert measured.result.cards == [], case
    assert len(measured.result.source.errors) == 1, measured.result.source.errors
    assert reason in measured.error, measured.error
    return measured


# -- ZIP archives (.apkg, .colpkg, .docx) -------------------------------------------


def make_zip(members: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in members:
            archive.writestr(name, content)
    return buffer.getvalue()


def patch_sizes(data: bytes, size: int) -> bytes:
    """Make every header of a one-member ZIP declare ``size`` uncompressed bytes."""
    out = bytearray(data)
    local = out.find(b"PK\x03\x04")
    central = out.find(b"PK\x01\x02")
    struct.pack_into("<I", out, local + 22, size)
    struct.pack_into("<I", out, central + 24, size)
    return bytes(out)


def mark_encrypted(data: bytes) -> bytes:
    """Set the 'encrypted' flag of a one-member ZIP's headers."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = out.find(signature) + offset
        struct.pack_into("<H", out, at, struct.unpack_from("<H", out, at)[0] | 1)
    return bytes(out)


def docx_bytes(paragraphs: int = 2) -> bytes:
    document = python_docx.Document()
    document.add_heading("Optimisation", level=1)
    for i in range(paragraphs):
        document.add_paragraph(f"Gradient descent step {i}.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def replace_member(
    data: bytes, name: str, content: bytes, method: int = zipfile.ZIP_DEFLATED
) -> bytes:
    """A copy of a ZIP with member ``name`` replaced by ``content``."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members = [(i.filename, source.read(i.filename)) for i in source.infolist()]
    return make_zip([(n, content if n == name else c) for n, c in members], method)


ZEROS_10MB = b"\0" * 10_000_000


@pytest.mark.parametrize("extension", [".apkg", ".colpkg"])
def test_hostile_apkg_compression_ratio_bomb(extension):
    data = make_zip([("collection.anki21", ZEROS_10MB)])
    refused(f"apkg ratio bomb ({extension})", data, "bomb" + extension, "looks like a ZIP bomb")


def test_hostile_apkg_header_declares_4_gb():
    data = patch_sizes(make_zip([("collection.anki21", b"x" * 1000)]), 0xFFFFFFF0)
    refused("apkg header declares 4 GB", data, "huge.apkg", "would unpack to 4295.0 MB")


def test_hostile_apkg_header_lies_small_is_read_with_a_capped_stream():
    # 1 MB of text declared as 100 bytes: at most 101 bytes are unpacked, then the
    # checksum fails. The header is never trusted to size a buffer.
    real = b"SQLite format 3\x00" + os.urandom(300_000).hex().encode()[:1_000_000]
    data = patch_sizes(make_zip([("collection.anki21", real)]), 100)
    refused("apkg header lies (small)", data, "liar.apkg", "corrupt .apkg")


def test_hostile_apkg_too_many_members():
    members = [(f"media/{i}", b"") for i in range(limits.MAX_ARCHIVE_MEMBERS + 1)]
    data = make_zip([("collection.anki21", b""), *members], zipfile.ZIP_STORED)
    refused("apkg with 10,002 members", data, "many.apkg", "more than 10,000 members")


def test_hostile_apkg_total_uncompressed_size(monkeypatch):
    # Each member passes alone; together they are over the total (scaled down here).
    monkeypatch.setattr(apkg, "MAX_TOTAL_UNCOMPRESSED_BYTES", 5_000)
    members = [(f"m{i}", os.urandom(2_000)) for i in range(3)]
    data = make_zip([("collection.anki21", b"x"), *members])
    refused("apkg total size over the limit", data, "total.apkg", "over the 0 MB limit")


def test_hostile_apkg_nested_zip_is_never_unpacked():
    inner = make_zip([("collection.anki21", ZEROS_10MB)])
    data = make_zip([("collection.anki21", inner)], zipfile.ZIP_STORED)
    refused("apkg holding a ZIP bomb as its collection", data, "nested.apkg", "not a readable")


def test_hostile_apkg_encrypted_member():
    data = mark_encrypted(make_zip([("collection.anki21", b"SQLite format 3\x00")]))
    refused("apkg with an encrypted member", data, "locked.apkg", "encrypted")


def test_hostile_apkg_empty_and_sqlite_garbage():
    refused("0-byte .apkg", b"", "empty.apkg", "empty file")
    data = make_zip([("collection.anki21", b"SQLite format 3\x00" + b"\xff" * 4096)])
    refused("apkg with a garbage database", data, "garbage.apkg", "not a readable database")


def test_hostile_apkg_deeply_nested_models_json():
    import sqlite3

    con = sqlite3.connect(":memory:")
    con.executescript("CREATE TABLE col (models TEXT, decks TEXT)")
    con.execute("INSERT INTO col VALUES (?, '{}')", ("[" * 100_000 + "]" * 100_000,))
    con.executescript("CREATE TABLE notes (id, mid, flds); CREATE TABLE cards (nid, did, ord)")
    data = make_zip([("collection.anki21", con.serialize())], zipfile.ZIP_STORED)
    refused("apkg with col.models nested 100,000 deep", data, "deep.apkg", "deeper than 64")


def test_hostile_docx_shares_the_zip_limits():
    base = docx_bytes()
    bomb = replace_member(base, "word/document.xml", ZEROS_10MB)
    refused("docx ratio bomb", bomb, "bomb.docx", "refused .docx")
    members = [(f"word/media/{i}.png", b"") for i in range(limits.MAX_ARCHIVE_MEMBERS + 1)]
    many = make_zip([("word/document.xml", b"<x/>"), *members], zipfile.ZIP_STORED)
    refused("docx with 10,002 members", many, "many.docx", "more than 10,000 members")


def test_hostile_docx_nested_zip_bomb_is_never_unpacked():
    inner = make_zip([("bomb", ZEROS_10MB)])
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as source:
        members = [(i.filename, source.read(i.filename)) for i in source.infolist()]
    data = make_zip([*members, ("word/media/inner.zip", inner)])
    measured = measure("docx holding a nested ZIP bomb", data, "nested.docx")
    assert measured.result.ok and measured.result.cards[0].title == "Optimisation"


def test_hostile_docx_entity_expansion_and_deep_xml():
    entities = b"".join(
        b'<!ENTITY e%d "%s">' % (i, (b"&e%d;" % (i - 1) if i else b"lol") * 10) for i in range(9)
    )
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE w [' + entities + b"]>"
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&e8;</w:t></w:r></w:p></w:body></w:document>"
    )
    measured = measure(
        "docx billion laughs",
        replace_member(docx_bytes(), "word/document.xml", laughs),
        "laughs.docx",
    )
    assert all(len(card.body) < 10_000 for card in measured.result.cards)
    deep = b"<a>" * 100_000 + b"</a>" * 100_000
    refused(
        "docx XML nested 100,000 deep",
        replace_member(docx_bytes(), "word/document.xml", deep, zipfile.ZIP_STORED),
        "deep.docx",
        "corrupt .docx",
    )


def test_hostile_docx_that_is_a_pdf():
    refused(".docx that is a PDF", b"%PDF-1.7\n" + os.urandom(500), "x.docx", "not a ZIP archive")


# -- JSON (CrowdAnki) ---------------------------------------------------------------


def test_hostile_json_nested_100000_levels():
    plain = b"[" * 100_000 + b"]" * 100_000
    refused("JSON array nested 100,000 deep", plain, "deep.json", "not recognised as .json")
    deck = b'{"__type__": "Deck", "notes": ' + plain + b"}"
    refused("CrowdAnki deck nested 100,000 deep", deck, "deep-deck.json", "deeper than 64")
    unclosed = b'{"__type__": "Deck", "notes": ' + b"[{" * 500_000
    refused("CrowdAnki deck, 1,000,000 unclosed brackets", unclosed, "open.json", "deeper than 64")


def test_hostile_json_huge_number_and_string():
    number = b'{"__type__": "Deck", "name": 1' + b"9" * 1_000_000 + b"}"
    refused("JSON number of 1,000,000 digits", number, "number.json", "invalid JSON")
    field = json.dumps(
        {"__type__": "Deck", "name": "D", "notes": [{"fields": ["Q", "x" * 30_000_000]}]}
    ).encode()
    kept = measure("CrowdAnki field of 30 MB", field, "field.json").result
    # The field is skipped and said so; the note keeps its other field.
    assert [card.title for card in kept.cards] == ["Q"] and kept.source.errors == []
    assert kept.source.warnings == [
        "note 1: field 2: a note field has 30,000,000 characters, over the "
        "20,000-character limit; field skipped"
    ]


def test_hostile_json_array_not_a_deck():
    refused(".json that is an array", b"[1, 2, 3]", "array.json", "tried: crowdanki")


# -- PDF ------------------------------------------------------------------------------


def build_pdf(objects: dict[int, bytes]) -> bytes:
    """A PDF of numbered objects (1 is the catalog), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets.get(n, 0) for n in range(1, size))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
PAGE = (
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
    b"/Resources << /Font << /F1 5 0 R >> >> >>"
)


def content(data: bytes, *, flate: bool = False) -> bytes:
    if flate:
        data = zlib.compress(data, 9)
        return (
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
        )
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


TEXT = b"BT /F1 12 Tf 72 700 Td (Gradient descent) Tj ET"


def one_page_pdf(pages: bytes, stream: bytes) -> bytes:
    return build_pdf({1: CATALOG, 2: pages, 3: PAGE, 4: stream, 5: FONT})


def test_hostile_pdf_page_tree_cycles():
    cycle = build_pdf(
        {
            1: CATALOG,
            2: b"<< /Type /Pages /Kids [6 0 R 3 0 R] /Count 2 >>",
            6: b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
            3: PAGE,
            4: content(TEXT),
            5: FONT,
        }
    )
    refused("PDF page tree with a cycle", cycle, "cycle.pdf", "cyclic page references")
    self_kid = build_pdf({1: CATALOG, 2: b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>", 5: FONT})
    refused("PDF /Pages node that is its own kid", self_kid, "self.pdf", "cyclic page references")


def test_hostile_pdf_enormous_count_reads_the_real_pages():
    pages = b"<< /Type /Pages /Kids [3 0 R] /Count 999999999999 >>"
    measured = measure(
        "PDF with /Count 999999999999", one_page_pdf(pages, content(TEXT)), "count.pdf"
    )
    assert [card.title or card.body for card in measured.result.cards] == ["Gradient descent"]


def test_hostile_pdf_object_stream_extending_itself():
    body = b"2 0 "
    data = body + b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
    objstm = (
        b"<< /Type /ObjStm /N 1 /First %d /Extends 7 0 R /Length %d >>\nstream\n"
        % (len(body), len(data))
        + data
        + b"\nendstream"
    )
    pdf = build_pdf({1: CATALOG, 7: objstm, 3: PAGE, 4: content(TEXT), 5: FONT})
    measure("PDF object stream that extends itself", pdf, "objstm.pdf")


def test_hostile_pdf_too_many_pages():
    kids = b" ".join([b"3 0 R"] * (limits.MAX_PDF_PAGES + 1))
    pages = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, limits.MAX_PDF_PAGES + 1)
    kept = measure("PDF with 2,001 pages", one_page_pdf(pages, content(TEXT)), "long.pdf").result
    # The first 2,000 pages are read; the rest are not, and a warning says so.
    assert kept.cards and kept.source.errors == []
    assert kept.source.warnings == [
        "PDF has 2,001 pages, over the 2,000-page limit; the pages after page 2,000 were not read"
    ]


@pytest.fixture(scope="module")
def gigabyte_of_zeros_deflated() -> bytes:
    compressor = zlib.compressobj(9)
    chunk = b"\0" * (1 << 20)
    return b"".join(compressor.compress(chunk) for _ in range(1024)) + compressor.flush()


@pytest.mark.slow
def test_hostile_pdf_page_is_a_decompression_bomb(gigabyte_of_zeros_deflated):
    stream = gigabyte_of_zeros_deflated
    bomb = (
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"
    )
    pages = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
    refused(
        "PDF page: FlateDecode of 1 GB of zeros",
        one_page_pdf(pages, bomb),
        "bomb.pdf",
        "decompression bomb",
    )


def test_hostile_pdf_page_of_millions_of_text_operators():
    ops = b"BT /F1 12 Tf 72 700 Td " + b"(abcdefghij) Tj " * 400_000 + b"ET"
    pages = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
    data = one_page_pdf(pages, content(ops, flate=True))
    refused(
        "PDF page of 400,000 text operators (13 KB file)", data, "ops.pdf", "drawing instructions"
    )


def test_hostile_pdf_page_text_and_time_limits(monkeypatch):
    from extraction.readers import pdf

    ops = b"BT /F1 12 Tf 72 700 Td " + b"(abcdefghij) Tj T* " * 3_000 + b"ET"
    data = one_page_pdf(b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", content(ops, flate=True))
    monkeypatch.setattr(pdf, "MAX_PAGE_CHARS", 10_000)
    refused("PDF page of 30,000 characters (limit 10,000)", data, "text.pdf", "characters of text")
    monkeypatch.setattr(pdf, "MAX_PDF_PAGE_SECONDS", 0.0)
    refused("PDF page over its time limit", data, "slow.pdf", "took over 0 s")


def test_hostile_pdf_that_is_html():
    html = b"<!DOCTYPE html><html><body><h1>Lecture 1</h1></body></html>"
    refused(".pdf that is HTML", html, "page.pdf", "not a PDF file")


# -- Text -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "data", "name", "reason"),
    [
        ("50 MB single line", b"word " * 9_999_000, "line.txt", "over the 100,000-character limit"),
        ("10,000,000 empty lines", b"x" + b"\n" * 10_000_000, "lines.txt", "over the 200,000-line"),
        ("control characters", bytes(range(1, 32)) * 200, "ctrl.txt", "binary file (control"),
        ("NUL inside UTF-8 text", GOOD_TXT + b"\x00" + GOOD_TXT, "nul.txt", "contains NUL bytes"),
        (
            "UTF-16-LE without BOM, CJK (looks binary)",
            ("深度学习是机器学习的一个分支。\n" * 50).encode("utf-16-le"),
            "cjk.txt",
            "binary file",
        ),
        ("Markdown line of 100,000 nested list markers", b"- " * 100_000, "list.md", "characters"),
        ("Markdown of 200,001 headings", b"# Heading\n" * 200_001, "heads.md", "-line limit"),
        ("CSV line of 100,000 columns", b"a," * 100_000 + b"\n", "cols.csv", "character limit"),
        ("CSV of 2,000 rows x 1,000 columns", (b"a," * 999 + b"a\n") * 2_000, "cells.csv", "cells"),
        (
            "CSV field of 1 MB over many lines",
            b'term,"' + b"x" * 50_000 + b"\n" + (b"y" * 50_000 + b"\n") * 20 + b'"\n',
            "field.csv",
            "the CSV reader's limit",
        ),
        ("CSV of 100 MB", b"a" * 100_000_000, "huge.csv", "over the 50 MB limit"),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 60 else "",
)
def test_hostile_text_is_refused(case, data, name, reason):
    refused(case, data, name, reason)


@pytest.mark.parametrize(
    ("case", "data", "name"),
    [
        pytest.param(
            "Markdown of 100,000 headings",
            b"# Heading\n" * 100_000,
            "heads.md",
            marks=pytest.mark.slow,
        ),
        ("Markdown: 40,000 nested list markers", b"- " * 40_000 + b"x\n", "list.md"),
        (
            "Markdown: 1,000 lines of deepening lists",
            b"".join(b"  " * i + b"- item\n" for i in range(1000)),
            "deep.md",
        ),
        (
            "Markdown: unclosed code fence over 150,000 lines",
            b"# T\n\nIntro.\n```\n" + b"code\n" * 150_000,
            "fence.md",
        ),
        (
            "Markdown: unclosed $$ over 150,000 lines",
            b"# T\n\nIntro.\n$$\n" + b"x\n" * 150_000,
            "math.md",
        ),
        ("Markdown: 24,000 unclosed <!--", b"# T\n" + b"<!--" * 24_000, "comment.md"),
        ("Markdown: 24,000 unclosed ** [ `", b"# T\n" + b"**[`" * 24_000, "inline.md"),
        ("Markdown: heading of 99,000 spaces", b"# a" + b" " * 99_000 + b"b\n", "spaces.md"),
        ("text: '?' + 99,000 spaces", b"Why" + b"?" + b" " * 99_000 + b"x\nA\nB\nWhat?\n", "q.txt"),
        pytest.param(
            "Knowt-like: 99,000 numbers", b"1\n\n" * 99_000, "numbers.txt", marks=pytest.mark.slow
        ),
        pytest.param(
            "text: 199,999 heading-like lines",
            b"Heading\n" * 199_999,
            "outline.txt",
            marks=pytest.mark.slow,
        ),
        (
            "mixed UTF-8 and Latin-1 lines",
            "Define café\nA place.\n".encode() + "What is naïve?\nSimple.\n".encode("latin-1"),
            "mixed.txt",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 60 else "",
)
def test_hostile_text_is_read_quickly(case, data, name):
    measured = measure(case, data, name)
    assert measured.result.ok, measured.result.source.errors


def test_hostile_mixed_encodings_decode_line_by_line():
    data = "Define café\nA place.\n".encode() + "What is naïve?\nSimple.\n".encode("latin-1")
    cards = read_bytes(data, path="mixed.txt").cards
    text = "\n".join(f"{card.title}\n{card.body}" for card in cards)
    assert "café" in text and "naïve" in text


# -- File names -----------------------------------------------------------------------

HOSTILE_NAMES = [
    "../../etc/passwd.txt",
    "/abs/path.md",
    "C:\\evil.md",
    "..\\..\\windows\\win.ini.txt",
    "notes\x00.txt",
    "line\nbreak.md",
    "\u202etxt.md",
    "x" * 300 + ".md",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_upload_names_are_only_labels(name, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    opened: list[str] = []
    real_open = builtins.open

    def spy_open(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy_open)
    monkeypatch.setattr(os, "open", lambda *a, **k: pytest.fail(f"os.open{a}"))
    result = read_bytes(b"# Topic\n\nWhat is a tensor?\nAn array.\n", path=name, name=name)
    assert result.ok, result.source.errors
    assert not any(Path(name).name in path for path in opened)
    assert list(tmp_path.iterdir()) == []  # nothing written
    for card in result.cards:
        parts = card.source.split("/")
        assert not card.source.startswith("/") and ".." not in parts and "" not in parts
        assert "\\" not in card.source and ":" not in card.source[:2]
        assert not any(ch in card.source for ch in "\x00\n\r\u202e")
        assert len(parts) <= 2 and all(len(part) <= limits.MAX_NAME_CHARS for part in parts)
        assert card.id == f"{card.source}#{card.id.rsplit('#', 1)[1]}"
    final = result.cards[0].source.split("/")[-1]
    assert final.endswith((".md", ".txt")) and final.strip()
    assert "/" not in result.cards[0].source  # every hostile name is cut to its final part


def test_hostile_upload_name_keeps_its_readable_final_component():
    result = read_bytes(b"# Topic\n\nText.\n", path="../../etc/passwd.txt")
    assert result.cards[0].source == "passwd.txt"
    assert result.cards[0].id == "passwd.txt#1"


# -- One hostile file never costs the others --------------------------------------------


def test_hostile_files_do_not_stop_the_good_ones(tmp_path):
    hostile = {
        "bomb.apkg": make_zip([("collection.anki21", ZEROS_10MB)]),
        "deep.json": b'{"__type__": "Deck", "notes": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        "cycle.pdf": build_pdf(
            {1: CATALOG, 2: b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>", 5: FONT}
        ),
        "line.txt": b"x" * 200_000,
        "cells.csv": (b"a," * 999 + b"a\n") * 2_000,
        "fake.docx": b"%PDF-1.7\n",
        "empty.apkg": b"",
    }
    good = {
        "a.txt": GOOD_TXT,
        "b.md": b"# Attention\n\nAttention weighs the inputs.\n",
        "c.csv": b"term,definition\nLSTM,a gated RNN\nGRU,a simpler gated RNN\n",
    }
    for name, data in {**hostile, **good}.items():
        (tmp_path / name).write_bytes(data)
    start = time.perf_counter()
    results = {Path(r.source.path).name: r for r in read_paths([tmp_path])}
    assert time.perf_counter() - start < 4 * MAX_SECONDS
    assert set(results) == set(hostile) | set(good)
    for name in good:
        assert results[name].ok and results[name].cards, name
    for name in hostile:
        assert not results[name].ok and len(results[name].source.errors) == 1, name


# -- Resident memory, measured in a fresh process -------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("case", "name", "data"),
    [
        ("50 MB single line", "line.txt", b"word " * 9_999_000),
        ("apkg ratio bomb", "bomb.apkg", make_zip([("collection.anki21", ZEROS_10MB)])),
        (
            "JSON nested 100,000 deep",
            "deep.json",
            b'{"__type__": "Deck", "notes": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 60 else "",
)
def test_hostile_peak_resident_memory(case, name, data, tmp_path):
    path = tmp_path / name
    path.write_bytes(data)
    script = (
        "import resource, sys\n"
        "from extraction.readers import read_file\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "result = read_file(sys.argv[1])\n"
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(before, after, len(result.source.errors))\n"
    )
    root = Path(__file__).resolve().parents[2]
    output = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.split()
    before_kb, after_kb, errors = map(int, output)
    assert errors == 1
    assert (after_kb - before_kb) / 1024 < MAX_PEAK_MB
    log = os.environ.get("CONCEPT_ATLAS_RELIABILITY_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as handle:
            entry = {
                "case": case,
                "rss_mb": round(after_kb / 1024, 1),
                "rss_growth_mb": round((after_kb - before_kb) / 1024, 1),
            }
            handle.write(json.dumps(entry) + "\n")
