"""Word documents (``.docx``): headings make cards, paragraphs and tables their bodies.

A paragraph styled "Title" or "Heading N" starts a card whose title is the heading and
whose section is the headings above it; the paragraphs after it (list items as
``"• item"``) and table rows (cells joined by ``" — "``) are its body. Text before the
first heading is a card without a title. Line numbers count the document's top-level
paragraphs and table rows, in order, from 1.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import docx as python_docx
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from extraction.errors import ReadError
from extraction.limits import MAX_TEXT_LINES, Deadline
from extraction.readers._base import CardBuilder, RawNote, clean_line, normalise_glyphs
from extraction.readers.apkg import open_zip, zip_names
from extraction.records import Card

FORMAT = "docx"
EXTENSIONS = (".docx",)

_DOCUMENT_PART = "word/document.xml"
_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
_LIST_STYLE = re.compile(r"^list\b", re.IGNORECASE)
_CELL_SEPARATOR = " — "


@dataclass
class Block:
    """One top-level item of a document: a heading (``level`` > 0 or 0 for the Title)
    or body text (``level`` is ``None``), on line ``number``."""

    number: int
    text: str
    level: int | None = None


@dataclass
class _Section:
    """The card being collected."""

    title: str = ""
    title_line: int = 0
    path: tuple[str, ...] = ()
    body: list[tuple[int, str]] = field(default_factory=list)


def sniff(raw: RawNote) -> float:
    """1.0 for a ZIP holding ``word/document.xml``; 0.5 otherwise (so that :func:`read`
    says what is wrong)."""
    return 1.0 if _DOCUMENT_PART in zip_names(raw.data) else 0.5


def heading_level(style_name: str) -> int | None:
    """0 for the Title style, N for "Heading N", ``None`` for other styles.

    >>> heading_level("Heading 2"), heading_level("Title"), heading_level("Normal")
    (2, 0, None)
    """
    if style_name.strip().lower() == "title":
        return 0
    match = _HEADING_STYLE.match(style_name.strip())
    return int(match.group(1)) if match else None


def _clean(text: str) -> str:
    return clean_line(normalise_glyphs(text).replace("\t", " "))


def _is_list_item(paragraph: Paragraph) -> bool:
    """A bulleted or numbered paragraph: a List style or direct numbering."""
    if _LIST_STYLE.match(_style_name(paragraph)):
        return True
    properties = paragraph._p.pPr
    return properties is not None and properties.numPr is not None


def _style_name(paragraph: Paragraph) -> str:
    try:
        return paragraph.style.name if paragraph.style is not None else ""
    except (KeyError, ValueError):
        return ""


def _paragraph_blocks(paragraph: Paragraph, number: int) -> Iterator[Block]:
    level = heading_level(_style_name(paragraph))
    if level is not None:
        text = " ".join(_clean(part) for part in paragraph.text.split("\n"))
        if text.strip():
            yield Block(number, text.strip(), level)
        return
    lines = [_clean(part) for part in paragraph.text.split("\n")]
    if lines and lines[0] and _is_list_item(paragraph):
        lines[0] = f"• {lines[0]}"
    for line in lines:
        yield Block(number, line)


def table_row_text(cells: list[str]) -> str:
    """A table row as one line: distinct non-empty cells joined by ``" — "``.

    Merged cells repeat in python-docx's rows; consecutive repeats are dropped.

    >>> table_row_text(["SVM", "SVM", "", "max margin"])
    'SVM — max margin'
    """
    kept: list[str] = []
    for cell in cells:
        text = " ".join(_clean(cell).split())
        if text and (not kept or kept[-1] != text):
            kept.append(text)
    return _CELL_SEPARATOR.join(kept)


def blocks(document: Document) -> Iterator[Block]:
    """The document's paragraphs and table rows, numbered from 1, in order.

    Raises :class:`ReadError` past :data:`~extraction.limits.MAX_TEXT_LINES` of them
    or the time budget.
    """
    deadline = Deadline()
    number = 0

    def advance() -> int:
        nonlocal number
        number += 1
        deadline.check(f"paragraph {number}")
        if number > MAX_TEXT_LINES:
            raise ReadError(
                f"document has over {MAX_TEXT_LINES:,} paragraphs and table rows, "
                "too many to be notes"
            )
        return number

    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                line = advance()
                text = table_row_text([cell.text for cell in row.cells])
                if text:
                    yield Block(line, text)
        else:
            yield from _paragraph_blocks(item, advance())


def _cards(items: Iterable[Block], builder: CardBuilder) -> Iterator[Card]:
    """Cut blocks into cards at headings."""
    stack: list[tuple[int, str]] = []
    current = _Section()
    for block in items:
        if block.level is None:
            current.body.append((block.number, block.text))
            continue
        yield from _flush(current, builder)
        while stack and stack[-1][0] >= block.level:
            stack.pop()
        current = _Section(block.text, block.number, tuple(t for _, t in stack))
        stack.append((block.level, block.text))
    yield from _flush(current, builder)


def _flush(section: _Section, builder: CardBuilder) -> Iterator[Card]:
    if section.title or any(text for _, text in section.body):
        yield builder.card(
            title=section.title,
            body_lines=_squeeze_blank(section.body),
            title_line=section.title_line or section.body[0][0],
            section=section.path,
        )


def _squeeze_blank(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Keep one blank line between paragraphs, however many empty ones there were."""
    return [(n, t) for i, (n, t) in enumerate(lines) if t or (i > 0 and lines[i - 1][1])]


def _open(data: bytes) -> Document:
    with open_zip(data, ".docx") as archive:
        if _DOCUMENT_PART not in archive.namelist():
            raise ReadError("not a Word document: word/document.xml is missing")
    try:
        return python_docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx and lxml raise many types on damaged files
        raise ReadError(f"corrupt .docx: {exc or type(exc).__name__}") from None


def read(raw: RawNote) -> Iterator[Card]:
    """Cards of a Word document, one per heading (and one for text before the first).

    Raises
    ------
    ReadError
        Not a ZIP, not a Word document, or damaged.
    """
    document = _open(raw.data)
    try:
        items = list(blocks(document))
    except ReadError:
        raise
    except Exception as exc:  # malformed parts surface while walking the body
        raise ReadError(f"corrupt .docx: {exc or type(exc).__name__}") from None
    yield from _cards(items, CardBuilder(raw, FORMAT))
