"""Property tests: no input makes a reader fail other than with ReadError.

Every reader's ``read(raw)`` gets arbitrary bytes, arbitrary text and text shaped like
each format (Anki headers, Q/A markers, Knowt's "New cards", Markdown fences and maths,
CrowdAnki JSON, ZIP and PDF magic followed by junk, real ZIP archives and Anki
collections with arbitrary content). ``read`` may only raise
:class:`~extraction.errors.ReadError`; :func:`extraction.readers.read_bytes` may not
raise at all, and may not hit its catch-all for reader bugs ("could not be read (").

``CONCEPT_ATLAS_FUZZ_EXAMPLES`` scales the runs (default 150 examples a test); the
counts used for ``docs/RELIABILITY.md`` are recorded there.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import sqlite3
import zipfile
import zlib
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extraction.errors import ReadError
from extraction.readers import READERS, SUPPORTED_EXTENSIONS, read_bytes
from extraction.readers._base import RawNote
from extraction.readers._html import field_lines
from extraction.records import EMPHASIS_STYLES, TITLE_KINDS, Card, ReadResult

EXAMPLES = int(os.environ.get("CONCEPT_ATLAS_FUZZ_EXAMPLES", "150"))

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

#: Lines that mean something to some reader.
MARKER_LINES = (
    "#separator:tab",
    "#separator:Pipe",
    "#separator:comma",
    "#separator:",
    "#html:true",
    "#html:false",
    "#deck:A::B",
    "#deck column:2",
    "#tags column:3",
    "#guid column:1",
    "#columns:Front\tBack\tTags",
    "#notetype column:0",
    "Q",
    "A",
    "Q:",
    "A:",
    "New cards",
    "1",
    "2",
    "16 Terms",
    "Earn XP",
    "How well did you know this?",
    "Not at all",
    "5",
    "Perfectly",
    "Neural Networks Flashcards",
    "Define gradient descent",
    "What is a tensor?",
    "LSTM stands for",
    "Gas vs. Electric Kilns",
    "Transfer Learning",
    "Pros:",
    "term\tdefinition",
    "term,definition",
    "a,b",
    '"a","b',
    'c"',
    "a;b;c",
    "x|y",
    "# Heading",
    "## Sub ##",
    "#",
    "Heading",
    "=====",
    "-----",
    "```",
    "```python",
    "~~~",
    "$$",
    "$$ x^2 $$",
    "$x$",
    ":begin_tab:`pytorch`",
    ":begin_tab:`mxnet`",
    ":end_tab:",
    ":label:`sec_x`",
    "<!--",
    "-->",
    "![img](x.png)",
    "[link](http://x)",
    "**bold",
    "*it*",
    "- item",
    "  - nested",
    "• bullet",
    "1. first",
    "<b>x</b><br>y",
    "{{c1::answer::hint}}",
    "[sound:a.mp3]",
    "[$]x[/$]",
    "&nbsp;",
    "<![CDATA[",
    "<!x",
    "",
    " ",
    "\t",
    "\u00a0",
    "\ufeff",
    "\x0c",
    "\u2028",
)

lines_shaped = st.lists(
    st.one_of(st.sampled_from(MARKER_LINES), st.text(max_size=30)), max_size=40
).map("\n".join)

json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)
)
json_keys = st.one_of(
    st.sampled_from(
        [
            "__type__",
            "name",
            "notes",
            "children",
            "note_models",
            "fields",
            "flds",
            "crowdanki_uuid",
            "note_model_uuid",
        ]
    ),
    st.text(max_size=8),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(json_keys, inner, max_size=4),
    max_leaves=20,
)
decks = st.fixed_dictionaries(
    {"__type__": st.just("Deck"), "name": json_values},
    optional={
        "notes": st.one_of(
            json_values,
            st.lists(
                st.fixed_dictionaries(
                    {"fields": st.one_of(json_values, st.lists(st.sampled_from(MARKER_LINES)))},
                    optional={"note_model_uuid": json_values},
                ),
                max_size=4,
            ),
        ),
        "children": json_values,
        "note_models": json_values,
    },
)
json_text = st.one_of(decks, json_values).map(json.dumps)
truncated_json = st.tuples(json_text, st.integers(min_value=0, max_value=200)).map(
    lambda pair: pair[0][: pair[1]]
)

magic_junk = st.tuples(
    st.sampled_from(
        [
            b"PK\x03\x04",
            b"PK\x05\x06",
            b"%PDF-1.4\n",
            b"%PDF-",
            b"SQLite format 3\x00",
            b"\xef\xbb\xbf",
            b"\xff\xfe",
            b"\xfe\xff",
            b"\x00\x00\xfe\xff",
            b"{",
            b"[",
        ]
    ),
    st.binary(max_size=300),
).map(b"".join)

#: Bytes of any kind, and text of any kind or of any format's shape.
any_input = st.one_of(
    st.binary(max_size=500),
    st.text(max_size=500).map(str.encode),
    lines_shaped.map(str.encode),
    lines_shaped.map(lambda text: text.encode("utf-16")),
    lines_shaped.map(lambda text: text.encode("utf-16-le")),
    st.one_of(json_text, truncated_json).map(str.encode),
    magic_junk,
)


def reads_or_refuses(reader: ModuleType, raw: RawNote) -> list[Card]:
    """The cards ``reader`` reads from ``raw``; ``[]`` when it refuses with ReadError.
    Any other exception fails the test."""
    try:
        cards = list(reader.read(raw))
    except ReadError as exc:
        assert str(exc), "a ReadError must say why"
        return []
    for card in cards:
        assert isinstance(card, Card)
        assert card.lines[0] <= card.lines[1]
    return cards


def assert_read_bytes_contract(result: ReadResult) -> None:
    """Either cards or a reason (or neither, for notes with nothing in them), and never
    the catch-all that marks a reader bug."""
    assert isinstance(result, ReadResult)
    assert not (result.cards and result.source.errors)
    for error in result.source.errors:
        assert isinstance(error, str) and error
        assert not error.startswith("could not be read ("), error
    for card in result.cards:
        assert card.id.startswith(card.source + "#")
        assert "\\" not in card.source and "\x00" not in card.source
        assert_card_structure(card)
    assert_valid_unicode(result)


def assert_valid_unicode(value: object) -> None:
    """Every string in ``value`` (a result, its source, cards, tables) encodes as UTF-8:
    no lone surrogate leaves the readers."""
    if isinstance(value, str):
        value.encode("utf-8")
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            assert_valid_unicode(getattr(value, f.name))
    elif isinstance(value, list | tuple):
        for item in value:
            assert_valid_unicode(item)


def assert_card_structure(card: Card) -> None:
    """What every card promises about its structure, whatever the input."""
    assert card.title_kind in TITLE_KINDS
    assert (card.title_kind == "none") == (not card.title)
    lines = card.body.split("\n") if card.body else []
    assert len(card.body_lines) == len(lines)
    assert card.body.splitlines() == lines  # no line break but "\n": lines and numbers agree
    assert all(line and line == line.strip() for line in lines)
    offsets = [0]
    for text in lines[:-1]:
        offsets.append(offsets[-1] + len(text) + 1)
    assert list(card.line_starts) == sorted(card.line_starts)
    assert all(0 <= offset <= len(card.body) for offset, _ in card.line_starts)
    for run in card.emphasis:
        text = card.title if run.part == "title" else card.body
        assert run.part in ("title", "body") and run.style in EMPHASIS_STYLES
        assert 0 <= run.start < run.end <= len(text)
    for item in card.items:
        assert item.start in offsets and item.end <= len(card.body) and item.depth >= 0
        assert item.parent == -1 or item.parent in offsets
    for table in card.tables:
        assert len(table.rows) == len(table.row_lines)


def _raw(reader: ModuleType, extension: str, data: bytes) -> RawNote:
    return RawNote(path=Path("x" + extension), data=data)


@pytest.mark.parametrize("reader", READERS, ids=[r.FORMAT for r in READERS])
@FUZZ
@given(data=st.data(), payload=any_input)
def test_fuzz_reader_read_raises_only_read_error(reader, data, payload):
    extension = data.draw(st.sampled_from(reader.EXTENSIONS), label="extension")
    reads_or_refuses(reader, _raw(reader, extension, payload))


@FUZZ
@given(extension=st.sampled_from([*sorted(SUPPORTED_EXTENSIONS), ".xyz", ""]), payload=any_input)
def test_fuzz_read_bytes_never_raises(extension, payload):
    assert_read_bytes_contract(read_bytes(payload, path="upload" + extension))


@FUZZ
@given(html=st.lists(st.one_of(st.sampled_from(MARKER_LINES), st.text(max_size=10)), max_size=30))
def test_fuzz_anki_field_html_raises_nothing(html):
    field_lines("".join(html))


#: Pieces of Markdown structure: emphasis, lists, tables, definition lists, maths, code,
#: HTML, glosses and d2l directives, glued with words and line breaks.
MARKDOWN_PIECES = (
    "**", "*", "__", "_", "`", "- ", "  - ", "1. ", "> ", "# ", "## ", "| a | b |",
    "|---|---|", "[x]{#y}", ":   ", "$", "$$", "```", "~~~", "    ", "<b>", "</b>",
    "<u>", "<!--", "-->", "( ", " )", "::: note", ":::", "---", "&amp;", "&#x41;",
    ":begin_tab:`pytorch`", ":end_tab:", ":numref:`x`", "{math}`x`", "![a](b){c}",
    "[**w**]", "\\", "\t", "word", "Term", "\n", "\n\n",
)  # fmt: skip


@FUZZ
@given(
    pieces=st.lists(st.one_of(st.sampled_from(MARKDOWN_PIECES), st.text(max_size=8)), max_size=60)
)
def test_fuzz_markdown_structure_holds(pieces):
    assert_read_bytes_contract(read_bytes("".join(pieces).encode(), path="notes.md"))


# -- Structured containers: real ZIPs, Anki collections and PDFs around fuzzed content --

zip_names = st.sampled_from(
    [
        "collection.anki21",
        "collection.anki2",
        "collection.anki21b",
        "word/document.xml",
        "[Content_Types].xml",
        "_rels/.rels",
        "word/_rels/document.xml.rels",
        "media",
        "0",
    ]
)
zip_members = st.lists(
    st.tuples(zip_names, st.one_of(st.binary(max_size=200), lines_shaped.map(str.encode))),
    max_size=4,
)


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members:
            archive.writestr(name, content)
    return buffer.getvalue()


def _collection(models: str, decks: str, notes: list[tuple[object, object]]) -> bytes:
    """An Anki collection in the legacy schema with the given ``col`` JSON and notes."""
    con = sqlite3.connect(":memory:")
    con.executescript(
        "CREATE TABLE col (models TEXT, decks TEXT);"
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, mid, flds);"
        "CREATE TABLE cards (id INTEGER PRIMARY KEY, nid, did, ord);"
    )
    con.execute("INSERT INTO col VALUES (?, ?)", (models, decks))
    for number, (mid, flds) in enumerate(notes, start=1):
        con.execute("INSERT INTO notes VALUES (?, ?, ?)", (number, mid, flds))
        con.execute("INSERT INTO cards VALUES (?, ?, ?, 0)", (number, number, 1))
    data = con.serialize()
    con.close()
    return data


sql_values = st.one_of(
    st.none(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.text(max_size=40),
    st.binary(max_size=20),
    lines_shaped.map(lambda t: t.replace("\n", "\x1f")),
)
collections = st.builds(
    _collection,
    models=st.one_of(json_text, st.text(max_size=30)),
    decks=st.one_of(json_text, st.text(max_size=30)),
    notes=st.lists(st.tuples(sql_values, sql_values), max_size=5),
)


@pytest.mark.slow
@FUZZ
@given(members=zip_members, extension=st.sampled_from([".apkg", ".colpkg", ".docx"]))
def test_fuzz_zip_archives_with_any_members(members, extension):
    assert_read_bytes_contract(read_bytes(_zip(members), path="deck" + extension))


@pytest.mark.slow
@FUZZ
@given(collection=collections, name=st.sampled_from(["collection.anki2", "collection.anki21"]))
def test_fuzz_anki_collections_with_any_content(collection, name):
    assert_read_bytes_contract(read_bytes(_zip([(name, collection)]), path="deck.apkg"))


def _pdf(content: bytes, extra: bytes) -> bytes:
    """A one-page PDF whose page content is ``content`` (Flate-compressed)."""
    stream = zlib.compress(content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> " + extra + b">>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 6\n0000000000 65535 f \n"
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


pdf_operators = st.lists(
    st.one_of(
        st.sampled_from(
            [
                b"BT",
                b"ET",
                b"/F1 12 Tf",
                b"72 700 Td",
                b"(Gradient descent) Tj",
                b"T*",
                b"[(a) -20 (b)] TJ",
                b"0 -14 TD",
                b"q",
                b"Q",
                b"1 0 0 1 0 0 cm",
                b"/X0 Do",
                b"(unclosed Tj",
                b"<48656c6c6f> Tj",
                b"/F9 0 Tf",
                b"1e308 0 Td",
                b"BI ID EI",
            ]
        ),
        st.binary(max_size=12),
    ),
    max_size=30,
).map(b"\n".join)


@pytest.mark.slow
@FUZZ
@given(content=pdf_operators, extra=st.sampled_from([b"", b"/Rotate 45 ", b"/Parent 3 0 R "]))
def test_fuzz_pdf_pages_with_any_content(content, extra):
    assert_read_bytes_contract(read_bytes(_pdf(content, extra), path="slides.pdf"))


# -- Regressions: the crashes the fuzzers found, each fixed at its root -----------------


def test_regression_quizlet_read_of_boilerplate_only_text():
    # IndexError: read() took the first line as the set's title without checking.
    from extraction.readers import quizlet

    with pytest.raises(ReadError, match="not a Quizlet set"):
        list(quizlet.read(RawNote(path=Path("x.txt"), data=b"New cards\n\n")))


def test_regression_apkg_with_an_empty_collection():
    # MemoryError: sqlite3's deserialize() of zero bytes.
    result = read_bytes(_zip([("collection.anki21", b"")]), path="deck.apkg")
    assert result.source.errors == [
        "corrupt .apkg: the collection is not a readable database (no SQLite header)"
    ]


def test_regression_html_parser_assertion_on_marked_sections():
    # AssertionError from the standard library's parser on "<![" not naming a section.
    assert field_lines("Q <![$]<![x y]> A") == ["Q <![$]<![x y]> A"]


def test_regression_apkg_collection_json_of_the_wrong_types():
    # AttributeError: a note type or deck stored as a list, a field name as a number.
    collection = _collection(
        models=json.dumps({"1": [1], "2": {"flds": [{"name": 7}, "x"]}}),
        decks=json.dumps({"1": "Deck"}),
        notes=[(1, "Term\x1fDefinition"), (2, "Q\x1fA")],
    )
    result = read_bytes(_zip([("collection.anki21", collection)]), path="deck.apkg")
    assert result.ok and [card.title for card in result.cards] == ["Term", "Q"]


def test_regression_crowdanki_fields_of_the_wrong_types():
    # TypeError: list(5) for "notes", iteration over a number for "fields" and "flds".
    deck = {
        "__type__": "Deck",
        "name": "D",
        "note_models": [{"crowdanki_uuid": "m", "flds": 3}],
        "notes": [{"fields": 7}, {"fields": ["Term", "Definition"], "note_model_uuid": "m"}],
        "children": [{"__type__": "Deck", "notes": 5, "children": "x"}],
    }
    result = read_bytes(json.dumps(deck).encode(), path="deck.json")
    assert result.ok and [card.title for card in result.cards] == ["Term"]


def test_regression_json_number_too_long_for_int():
    # ValueError from int(): Python refuses to convert numbers of over 4,300 digits.
    result = read_bytes(b'{"__type__": "Deck", "n": ' + b"9" * 5000 + b"}", path="d.json")
    assert result.source.errors[0].startswith("invalid JSON: Exceeds the limit")
