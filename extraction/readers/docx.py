"""Word documents (``.docx``): headings make cards, paragraphs and tables their bodies.

A paragraph styled "Title" or "Heading N" starts a card whose title is the heading
(``title_kind="heading"``) and whose section is the headings above it; the paragraphs
after it are its body, one logical line each (a typed line break inside a sentence is
joined), list paragraphs as list items with their level, and the bold, italic and
underlined runs as emphasis. A table is a :class:`~extraction.records.Table` of the card
(first row the header); a two-column table of terms and explanations gives term cards.
Text before the first heading is a card without a title. Code is read as Markdown's:
a paragraph in a code block style never reaches the body, a run in a code character
style only when it reads as a name. Line numbers count the document's top-level
paragraphs and table rows, in order, from 1.
"""

from __future__ import annotations

import html
import io
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import docx as python_docx
from docx.document import Document
from docx.table import Table as DocxTable
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from extraction.errors import ReadError
from extraction.limits import MAX_TEXT_LINES, Deadline
from extraction.readers._base import Body, CardBuilder, RawNote, clean_line, normalise_glyphs
from extraction.readers._html import code_words
from extraction.readers.apkg import open_zip, zip_names
from extraction.readers.markdown import is_term_table
from extraction.readers.outline import alternating_terms, is_heading_text
from extraction.readers.paragraphs import CONTEXT_CHARS, continues
from extraction.records import Card, Table

FORMAT = "docx"
EXTENSIONS = (".docx",)

_DOCUMENT_PART = "word/document.xml"
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{1,6}|#x[0-9A-Fa-f]{1,6});")
_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
_LIST_STYLE = re.compile(r"^list\b", re.IGNORECASE)


@dataclass
class Block:
    """One top-level item of a document on line ``number``: a heading (``level`` > 0, or
    0 for the Title), a paragraph (``level`` is ``None``; ``depth`` >= 0 for a list
    item), a table (``table``) or a term over its explanation (``term``). ``runs`` are
    ``(start, end, style)`` emphasis runs."""

    number: int
    text: str
    level: int | None = None
    depth: int = -1
    runs: list[tuple[int, int, str]] = field(default_factory=list)
    table: list[tuple[int, list[str]]] | None = None
    #: A term over its explanation (``text``), as a definition list or a toggle gives
    #: them (the web page reader; Word's paragraphs never set it).
    term: str | None = None


@dataclass
class _Section:
    """The card being collected."""

    title: str = ""
    title_line: int = 0
    path: tuple[str, ...] = ()
    #: The line of each heading of ``path``.
    path_lines: tuple[int, ...] = ()
    body: Body = field(default_factory=Body)
    tables: list[Table] = field(default_factory=list)
    terms: list[tuple[int, str, str]] = field(default_factory=list)
    title_runs: list[tuple[int, int, str]] = field(default_factory=list)
    last: int = 0
    joinable: bool = False
    intro: int = -1
    open_items: list[int] = field(default_factory=list)


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


def _list_depth(paragraph: Paragraph) -> int:
    """The level of a list paragraph: its numbering level, else the digit of a style
    such as "List Bullet 2" (0 for the first level)."""
    properties = paragraph._p.pPr
    numbering = properties.numPr if properties is not None else None
    if numbering is not None and numbering.ilvl is not None and numbering.ilvl.val is not None:
        return max(0, min(8, int(numbering.ilvl.val)))
    match = re.search(r"(\d)$", _style_name(paragraph))
    return int(match.group(1)) - 1 if match else 0


def _style_name(paragraph: Paragraph) -> str:
    try:
        return paragraph.style.name if paragraph.style is not None else ""
    except (KeyError, ValueError):
        return ""


#: Character styles that emphasise a run.
_RUN_STYLES = {"strong": "bold", "emphasis": "italic", "intense emphasis": "italic"}
#: Paragraph styles of a block of code (Word's "HTML Preformatted", Pandoc's "Source
#: Code"): never text, as a fenced block of Markdown is not.
_CODE_PARAGRAPHS = frozenset({"html preformatted", "source code"})
#: Character styles of code inside a line (Word's "HTML Code", Pandoc's "Verbatim
#: Char"): kept only when the code reads as a name (:func:`code_words`).
_CODE_RUNS = frozenset({"html code", "verbatim char"})


def _run_style_name(run: Run) -> str:
    try:
        return run.style.name.lower() if run.style is not None else ""
    except (KeyError, ValueError, AttributeError):
        return ""


def _run_styles(run: Run, name: str) -> list[str]:
    """The emphasis of ``run``, whose character style is named ``name``."""
    styles = []
    if run.bold:
        styles.append("bold")
    if run.italic:
        styles.append("italic")
    if run.underline not in (None, False):
        styles.append("underline")
    if name in _RUN_STYLES and _RUN_STYLES[name] not in styles:
        styles.append(_RUN_STYLES[name])
    return styles


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: The text each inner element of a run stands for, as python-docx's ``Run.text`` gives
#: it (a break of a line, not of a page or column, is a line break).
_RUN_CHARS = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
#: Runs of one paragraph read between two looks at the file's time budget.
RUNS_PER_CHECK = 1_000


def run_text(run: Run) -> str:
    """The text of ``run``, as ``Run.text`` gives it, in one pass over its elements
    (python-docx's XPath union of them grows faster than the run: a run of 200,000
    line breaks took 47 s)."""
    parts: list[str] = []
    for child in run._r:
        tag = child.tag
        if tag == f"{_W}t":
            parts.append(child.text or "")
        elif tag == f"{_W}br":
            parts.append("\n" if child.get(f"{_W}type", "textWrapping") == "textWrapping" else "")
        elif tag in _RUN_CHARS:
            parts.append(_RUN_CHARS[tag])
    return "".join(parts)


def paragraph_text(
    paragraph: Paragraph, deadline: Deadline | None = None
) -> tuple[str, list[tuple[int, int, str]]]:
    """A paragraph's text (tabs as spaces, glyphs normalised, line breaks as ``"\n"``)
    and its emphasised runs ``(start, end, style)``. A run's character style is looked
    up once per style of the paragraph; past ``deadline`` (looked at every
    :data:`RUNS_PER_CHECK` runs) :class:`_OutOfTime` is raised."""
    parts: list[str] = []
    runs: list[tuple[int, int, str]] = []
    length = 0
    style_names: dict[str | None, str] = {}
    count = 0
    for item in paragraph.iter_inner_content():
        pieces = item.runs if isinstance(item, Hyperlink) else [item]
        for run in pieces:
            count += 1
            if deadline is not None and count % RUNS_PER_CHECK == 0 and deadline.expired():
                raise _OutOfTime
            style_id = run._r.style
            if style_id not in style_names:
                style_names[style_id] = _run_style_name(run)
            name = style_names[style_id]
            text = normalise_glyphs(run_text(run)).replace("\t", " ")
            if "&" in text and _ENTITY.search(text):  # text pasted from a web page
                text = html.unescape(text)
            if name in _CODE_RUNS:
                text = code_words(text)
            if not text:
                continue
            for style in _run_styles(run, name):
                runs.append((length, length + len(text), style))
            parts.append(text)
            length += len(text)
    return "".join(parts), runs


def _paragraph_blocks(
    paragraph: Paragraph, number: int, deadline: Deadline | None = None
) -> Iterator[Block]:
    if _style_name(paragraph).strip().lower() in _CODE_PARAGRAPHS:
        yield Block(number, "")  # a line of a block of code: counted, never text
        return
    text, runs = paragraph_text(paragraph, deadline)
    level = heading_level(_style_name(paragraph))
    if level is not None:
        if text.strip():
            yield Block(number, text.replace("\n", " "), level, runs=runs)
        return
    depth = _list_depth(paragraph) if text.strip() and _is_list_item(paragraph) else -1
    yield Block(number, text, depth=depth, runs=runs)


def table_rows(table: DocxTable, advance: Callable[[], int]) -> list[tuple[int, list[str]]]:
    """``(line, cells)`` of each row; merged cells (repeated in python-docx's rows) once.

    Raises :class:`ReadError` past the document's line budget (through ``advance``).
    """
    rows = []
    for row in table.rows:
        line = advance()
        kept: list[str] = []
        for cell in row.cells:
            text = " ".join(_clean(cell.text).split())
            if not kept or kept[-1] != text:
                kept.append(text)
        rows.append((line, kept))
    return rows


class _OutOfTime(Exception):
    """The time budget ran out at a paragraph or table row."""


def blocks(document: Document, raw: RawNote | None = None) -> Iterator[Block]:
    """The document's paragraphs and tables, numbered from 1 (a table takes one number
    per row), in order. Past the time budget the blocks read so far are kept and a
    warning names where reading stopped (in ``raw.warnings``).

    Raises :class:`ReadError` past :data:`~extraction.limits.MAX_TEXT_LINES` of them.
    """
    deadline = Deadline()
    number = 0

    def advance() -> int:
        nonlocal number
        number += 1
        if deadline.expired():
            raise _OutOfTime
        if number > MAX_TEXT_LINES:
            raise ReadError(
                f"document has over {MAX_TEXT_LINES:,} paragraphs and table rows, "
                "too many to be notes"
            )
        return number

    try:
        for item in document.iter_inner_content():
            if isinstance(item, DocxTable):
                rows = table_rows(item, advance)
                if rows:
                    yield Block(rows[0][0], "", table=rows)
            else:
                yield from _paragraph_blocks(item, advance(), deadline)
    except _OutOfTime:
        message = (
            f"stopped at paragraph {number:,}: reading took over the {deadline.seconds:g} s "
            "time budget; the rest of the document was not read"
        )
        if raw is None:
            raise ReadError(message) from None
        raw.warn(message)


def _pieces(block: Block) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """The typed lines of ``block`` (its text cut at line breaks), each with the part of
    the block's emphasis runs that falls on it, counted from its start; one pass over
    the runs (a run is looked for only in the lines it reaches)."""
    texts = block.text.split("\n")
    starts, position = [], 0
    for text in texts:
        starts.append(position)
        position += len(text) + 1
    runs: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    for s, e, style in block.runs:
        k = max(0, bisect_right(starts, s) - 1)
        while k < len(texts) and starts[k] < e:
            a, b = starts[k], starts[k] + len(texts[k])
            if s < b and e > a:
                runs[k].append((max(s, a) - a, min(e, b) - a, style))
            k += 1
    return list(zip(texts, runs, strict=True))


def _add_paragraph(section: _Section, block: Block) -> None:
    """A paragraph's typed lines into the card's body: a line goes on the sentence of
    the line above it when :func:`~extraction.readers.paragraphs.continues` says so.
    The lines that go on one line are joined to it once (a paragraph of a million line
    breaks joined a line at a time was quadratic)."""
    lines = section.body.lines
    tail = lines[-1].text[-CONTEXT_CHARS:] if lines else ""  # all ``continues`` reads
    going_on: list[tuple[str, list[tuple[int, int, str]]]] = []

    def join_going_on() -> None:
        if going_on:
            runs, shift = [], 0
            for text, piece_runs in going_on:
                runs.extend((s + shift, e + shift, style) for s, e, style in piece_runs)
                shift += len(text) + 1
            lines[-1].append(block.number, " ".join(t for t, _ in going_on), runs)
            going_on.clear()

    for k, (piece, runs) in enumerate(_pieces(block)):
        text = piece.strip()
        lead = len(piece) - len(piece.lstrip())
        runs = [(s - lead, e - lead, style) for s, e, style in runs]
        if not text:
            section.joinable = False
            continue
        if k == 0 and block.depth >= 0:
            join_going_on()
            del section.open_items[block.depth :]
            parent = section.open_items[-1] if section.open_items else section.intro
            index = section.body.add(
                block.number, text, emphasis=runs, depth=len(section.open_items), parent=parent
            )
            section.open_items.append(index)
            tail = text[-CONTEXT_CHARS:]
        elif section.joinable and lines and continues(tail, text):
            going_on.append((text, runs))
            tail = f"{tail} {text}"[-CONTEXT_CHARS:]
        else:
            join_going_on()
            section.intro = section.body.add(block.number, text, emphasis=runs)
            section.open_items = []
            tail = text[-CONTEXT_CHARS:]
        section.joinable = True
    join_going_on()


def _add_table(section: _Section, rows: list[tuple[int, list[str]]]) -> None:
    cells = [(line, [c for c in row if c]) for line, row in rows]
    cells = [(line, row) for line, row in cells if row]
    if not cells:
        return
    header = tuple(cells[0][1])
    table = Table(header, tuple(tuple(r) for _, r in cells[1:]), tuple(n for n, _ in cells[1:]))
    whole = Table((), tuple(tuple(r) for _, r in cells), tuple(n for n, _ in cells))
    if is_term_table(table) or is_term_table(whole):
        chosen = table if is_term_table(table) else whole
        for line, row in zip(chosen.row_lines, chosen.rows, strict=True):
            section.terms.append((line, row[0], row[1]))
    else:
        section.tables.append(table)
    section.last = max(section.last, cells[-1][0])
    section.joinable = False


def block_cards(items: Iterable[Block], builder: CardBuilder) -> Iterator[Card]:
    """Cut blocks into cards at headings (a heading's card holds the paragraphs, list
    items and tables up to the next heading; terms over their explanations are term
    cards). Shared with the web page reader, whose pages are read into blocks too."""
    stack: list[tuple[int, str, int]] = []  # (level, heading, its line)
    current = _Section()
    for block in items:
        if block.table is not None:
            _add_table(current, block.table)
            continue
        if block.term is not None:
            current.terms.append((block.number, block.term, block.text))
            current.last = max(current.last, block.number)
            continue
        if block.level is None:
            _add_paragraph(current, block)
            current.last = max(current.last, block.number)
            continue
        yield from _flush(current, builder)
        while stack and stack[-1][0] >= block.level:
            stack.pop()
        lead = len(block.text) - len(block.text.lstrip())
        runs = [(s - lead, e - lead, style) for s, e, style in block.runs]
        current = _Section(
            block.text.strip(),
            block.number,
            tuple(t for _, t, _ in stack),
            tuple(n for _, _, n in stack),
        )
        current.title_runs = runs
        stack.append((block.level, block.text.strip(), block.number))
    yield from _flush(current, builder)


def glossary_paragraphs(section: _Section) -> None:
    """Move the terms of a glossary typed as paragraphs, each term over the paragraph
    explaining it ("Kiln" / "A furnace ..."; :func:`~extraction.readers.outline.
    alternating_terms`), from the section's body to its term cards.

    >>> section = _Section()
    >>> for n, t in enumerate(["Kiln", "A furnace.", "Glaze", "A glassy coat.", "Slip",
    ...                        "Liquid clay.", "Grog", "Ground fired clay."], start=1):
    ...     _ = section.body.add(n, t)
    >>> glossary_paragraphs(section)
    >>> [t for _, t, _ in section.terms], section.body.lines
    (['Kiln', 'Glaze', 'Slip', 'Grog'], [])
    """
    lines = section.body.lines
    texts = [line.text.strip() for line in lines]
    marks = [
        line.depth == -1 and is_heading_text(text) for line, text in zip(lines, texts, strict=True)
    ]
    pairs = alternating_terms(texts, marks)
    if not pairs:
        return
    taken = {k for p in pairs for k in (p, p + 1)}
    terms = [(lines[k].starts[0][1], texts[k], texts[k + 1]) for k in pairs]
    section.terms = sorted([*terms, *section.terms], key=lambda t: t[0])
    kept = [line for k, line in enumerate(lines) if k not in taken]
    for line in kept:
        line.parent = -1
    section.body.lines = kept


def _flush(section: _Section, builder: CardBuilder) -> Iterator[Card]:
    glossary_paragraphs(section)
    if section.title or section.body or section.tables:
        yield builder.card(
            title=section.title,
            body=section.body,
            title_line=section.title_line
            or min(
                [line.starts[0][1] for line in section.body.lines]
                + [n for t in section.tables for n in t.row_lines],
                default=section.last,  # a table of one row (its header) and nothing else
            ),
            section=section.path,
            section_lines=section.path_lines,
            title_kind="heading",
            title_emphasis=section.title_runs,
            tables=section.tables,
            last_line=section.last or None,
        )
    path, path_lines = section.path, section.path_lines
    if section.title:
        path, path_lines = (*path, section.title), (*path_lines, section.title_line)
    for line, term, definition in section.terms:
        body = Body()
        body.add(line, definition)
        yield builder.card(
            title=term,
            body=body,
            title_line=line,
            section=path,
            section_lines=path_lines,
            title_kind="term",
        )


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
        items = list(blocks(document, raw))
    except ReadError:
        raise
    except Exception as exc:  # malformed parts surface while walking the body
        raise ReadError(f"corrupt .docx: {exc or type(exc).__name__}") from None
    yield from block_cards(items, CardBuilder(raw, FORMAT))
