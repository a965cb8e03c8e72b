"""PDF lecture notes and slides: the text layer, cleaned, cut into cards at headings.

The text of every page is extracted with pypdf and cleaned of typesetting artefacts:
ligatures, bullet glyphs (LaTeX bullets come out as U+0088), page numbers and plot
tick labels (lines of bare numbers), words hyphenated across lines, and the running
header or footer a slide deck repeats on every page ("BIO 101 - Lecture 3 - slide 7").
The cleaned lines of all pages are numbered 1.. in order.

Each line keeps the size of its largest letters and its bold runs (pypdf's text
visitor gives the font and its matrices). When some short lines are set larger than
the body text -- a slide's title, a LaTeX section -- those are the headings, one level
per size, largest first, and the lines are cut into cards like a Word document's
paragraphs (:func:`extraction.readers.docx.block_cards`): bullets are list items, a
bold term is emphasis, a title wrapped over two lines is one heading. Otherwise (one
size throughout) the lines are segmented like a plain-text outline
(:func:`extraction.readers.outline.segment`). Scanned PDFs have no text layer and are
refused with a hint to run OCR.
"""

from __future__ import annotations

import io
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from pypdf import PageObject, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError

from extraction.errors import ReadError
from extraction.limits import (
    MAX_PAGE_CHARS,
    MAX_PAGE_CONTENT_BYTES,
    MAX_PDF_PAGE_SECONDS,
    MAX_PDF_PAGES,
    Deadline,
)
from extraction.readers import outline
from extraction.readers._base import CardBuilder, RawNote, clean_line, normalise_glyphs
from extraction.readers.docx import Block, block_cards
from extraction.records import Card

FORMAT = "pdf"
EXTENSIONS = (".pdf",)

#: Most pages read from one PDF (:data:`extraction.limits.MAX_PDF_PAGES`).
MAX_PAGES = MAX_PDF_PAGES
_MAGIC = b"%PDF-"
#: Bytes of junk tolerated before the ``%PDF-`` header.
_HEADER_WINDOW = 1024

_ENCRYPTED = "encrypted PDF: remove the password and try again"
#: A bullet glyph opening a line: LaTeX's (U+0088), Windows-1252's (0x95) read as a
#: control character, Symbol/Wingdings' private-use ones, and the usual shapes.
_BULLET = re.compile(r"^[\u0088\u0095•◦▪‣●○■□➢➤►\uf0b7\uf0a7\uf0d8–]\s*")
_NUMBERS_ONLY = re.compile(r"^[−\-+]?\d+(?:[.,]\d+)?(?:\s+[−\-+]?\d+(?:[.,]\d+)?)*$")
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_CONTINUATION = re.compile(r"^([a-z]\S*)\s*(.*)$")


def sniff(raw: RawNote) -> float:
    """1.0 when ``%PDF-`` stands within the first KB; 0.5 for another ``.pdf`` (so that
    :func:`read` says it is not a PDF)."""
    if _MAGIC in raw.data[: _HEADER_WINDOW + len(_MAGIC)]:
        return 1.0
    return 0.5 if raw.suffix in EXTENSIONS else 0.0


def clean_pdf_line(line: str) -> str:
    """One extracted line, cleaned: glyphs normalised, a leading bullet glyph as ``"• "``,
    and ``""`` for a line of bare numbers (page number, plot ticks).

    >>> clean_pdf_line("\\x88 Deﬁne the margin"), clean_pdf_line("−3 −2 −1 1 2 3")
    ('• Define the margin', '')
    """
    return _cleaned(clean_line(normalise_glyphs(line)), 0.0, [], 0).text


def join_lines(lines: Iterable[str]) -> list[str]:
    """Put a lone bullet before its item, and the rest of a word hyphenated at a line end
    after its first part (:func:`join_pdf_lines` on lines of text alone).

    >>> join_lines(["the hyper-", "parameter C", "X-", "Ray", "•", "item"])
    ['the hyperparameter', 'C', 'X-', 'Ray', '• item']
    """
    return [line.text for line in join_pdf_lines(PdfLine(text) for text in lines)]


@dataclass(frozen=True)
class PdfLine:
    """One cleaned line of a page: its text, the size of its largest letters (0 when
    unknown), its bold ``(start, end)`` runs, its page (1-based) and where its text
    starts across the page (points from the left)."""

    text: str
    size: float = 0.0
    bold: tuple[tuple[int, int], ...] = ()
    page: int = 0
    x: float = 0.0


def page_lines(pieces: Iterable[Piece], page: int = 0) -> list[PdfLine]:
    """The lines of one page's pieces, cleaned as :func:`clean_pdf_line` cleans them,
    each with its size and bold runs; blank lines dropped.

    >>> [(x.text, x.size, x.bold) for x in page_lines([("Tides", 28.0, False, 40.0),
    ...     ("\\n", 0, False, 0.0), ("Spring tide", 18.0, True, 60.0),
    ...     (": a large range", 18.0, False, 160.0)])]
    [('Tides', 28.0, ()), ('Spring tide: a large range', 18.0, ((0, 11),))]
    """
    lines: list[PdfLine] = []
    text, size, bold, x = "", 0.0, [], None

    def close() -> None:
        line = _cleaned(text, size, bold, page)
        if line.text:
            lines.append(replace(line, x=x or 0.0))

    for piece, piece_size, is_bold, piece_x in pieces:
        parts = piece.split("\n")
        for k, part in enumerate(parts):
            if k:
                close()
                text, size, bold, x = "", 0.0, [], None
            part = normalise_glyphs(part).replace("\u00a0", " ").replace("\u202f", " ")
            part = part.replace("\u200b", "")
            if part.strip():
                x = piece_x if x is None else x
                size = max(size, round(piece_size * 2) / 2)
                if is_bold:
                    start = len(text) + len(part) - len(part.lstrip())
                    bold.append((start, len(text) + len(part.rstrip())))
            text += part
    close()
    return lines


def _cleaned(text: str, size: float, bold: list[tuple[int, int]], page: int) -> PdfLine:
    """A line put together from its pieces, stripped, its bullet glyph as ``"• "`` (the
    bold runs moved with the text), or an empty line for bare numbers."""
    stripped = text.strip()
    if not stripped or _NUMBERS_ONLY.match(stripped):
        return PdfLine("", size, (), page)
    shift = -(len(text) - len(text.lstrip()))
    if bullet := _BULLET.match(stripped):
        stripped = ("• " + stripped[bullet.end() :]).rstrip()  # a lone bullet: "•"
        shift += 2 - bullet.end()
    runs = []
    for start, end in _merged(bold):
        start, end = max(0, start + shift), min(len(stripped), end + shift)
        if end > start:
            runs.append((start, end))
    return PdfLine(stripped, size, tuple(runs), page)


def _merged(runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Touching runs as one: "Safety" + " " + "stock" in bold is one run."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(runs):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def join_pdf_lines(lines: Iterable[PdfLine]) -> list[PdfLine]:
    """:func:`join_lines` on sized lines: a lone bullet goes before its item, the rest of
    a word hyphenated at a line end after its first part (the bold runs kept where the
    text they mark goes)."""
    joined: list[PdfLine] = []
    for line in lines:
        match = _CONTINUATION.match(line.text)
        if joined and joined[-1].text == "•":
            runs = tuple((a + 2, b + 2) for a, b in line.bold)
            joined[-1] = replace(line, text=f"• {line.text}", bold=runs)
            continue
        if joined and match and _HYPHENATED.search(joined[-1].text):
            last = joined[-1]
            joined[-1] = replace(last, text=last.text[:-1] + match.group(1))
            cut = len(line.text) - len(match.group(2))
            rest = tuple((a - cut, b - cut) for a, b in line.bold if a >= cut)
            line = replace(line, text=match.group(2), bold=rest)
            if not line.text:
                continue
        joined.append(line)
    return joined


#: Pages a deck has at least before a line repeated at the top or the bottom of its
#: pages is a running header or footer, and the share of its pages it must be on.
RUNNING_PAGES = 3
RUNNING_SHARE = 0.3
#: Lines at each end of a page where a running header or footer stands.
_PAGE_END_LINES = 2
_DIGITS = re.compile(r"\d+")


def _running_key(text: str) -> str:
    return " ".join(_DIGITS.sub("#", text.lower()).split())


def without_running_lines(pages: Sequence[list[PdfLine]]) -> list[list[PdfLine]]:
    """The pages without the header or footer they repeat: a line among the first or
    last two of a page that stands so on at least :data:`RUNNING_SHARE` of the pages
    (and :data:`RUNNING_PAGES`), its numbers aside ("Lecture 4 - slide 7").

    >>> titles = ["Cells", "Membranes", "Osmosis", "Diffusion"]
    >>> pages = [[PdfLine(t), PdfLine(f"BIO 101 - slide {n}")] for n, t in enumerate(titles)]
    >>> [[x.text for x in page] for page in without_running_lines(pages)]
    [['Cells'], ['Membranes'], ['Osmosis'], ['Diffusion']]

    A page repeated whole (every line of it on the other pages) keeps its lines.

    >>> same = [[PdfLine("Osmosis moves water.")] for _ in range(4)]
    >>> [[x.text for x in page] for page in without_running_lines(same)][0]
    ['Osmosis moves water.']
    """
    if len(pages) < RUNNING_PAGES:
        return list(pages)
    seen: Counter[str] = Counter()
    for page in pages:
        ends = {*page[:_PAGE_END_LINES], *page[-_PAGE_END_LINES:]}
        seen.update({_running_key(line.text) for line in ends})
    least = max(RUNNING_PAGES, RUNNING_SHARE * len(pages))
    running = {key for key, count in seen.items() if count >= least}
    kept = []
    for page in pages:
        ends = {id(x) for x in (*page[:_PAGE_END_LINES], *page[-_PAGE_END_LINES:])}
        rest = [x for x in page if not (id(x) in ends and _running_key(x.text) in running)]
        # a page that is all such lines is a page repeated whole, not a header or footer
        kept.append(rest or page)
    return kept


#: A heading is set at least this much larger than the body text.
HEADING_SCALE = 1.15
#: Most words of a heading line; most share of the lines that may be headings.
HEADING_WORDS = 15
HEADING_SHARE = 0.4


def heading_sizes(lines: Sequence[PdfLine]) -> list[float]:
    """The sizes of the notes' headings, largest first: sizes of short lines set
    :data:`HEADING_SCALE` times larger than the body text (the size most letters are
    set in), or ``[]`` when there are none or they are too many to be headings.

    >>> body = [PdfLine("The tide rises twice a day, pulled by the moon.", 12.0)] * 3
    >>> heading_sizes([PdfLine("Oceans", 24.0), PdfLine("Tides", 16.0), *body])
    [24.0, 16.0]
    """
    letters: Counter[float] = Counter()
    for line in lines:
        letters[line.size] += len(line.text)
    if not letters or 0.0 in letters:
        return []
    body = max(letters, key=letters.__getitem__)
    heads = [x for x in lines if _heading_line(x, body)]
    if not heads or len(heads) > HEADING_SHARE * len(lines):
        return []
    return sorted({x.size for x in heads}, reverse=True)


def _heading_line(line: PdfLine, body: float) -> bool:
    """A line set large enough to head the body text, whose text could be a heading
    (:func:`~extraction.readers.outline.is_heading_text`; a question is one: "Why hold
    stock?"), no date or formula."""
    return (
        line.size >= HEADING_SCALE * body
        and not line.text.startswith("•")
        and outline.is_heading_text(line.text.rstrip("?!").rstrip(), max_words=HEADING_WORDS)
    )


def _joined_headings(
    lines: Sequence[tuple[int, PdfLine]], sizes: Sequence[float]
) -> list[tuple[int, PdfLine]]:
    """A heading wrapped over two lines of one page and size as one line, on the
    number of its first."""
    joined: list[tuple[int, PdfLine]] = []
    for number, line in lines:
        last = joined[-1][1] if joined else None
        if (
            last is not None
            and line.size in sizes
            and (last.size, last.page) == (line.size, line.page)
            and not last.text.endswith((":", "?", "!"))
            and len(f"{last.text} {line.text}".split()) <= HEADING_WORDS
        ):
            cut = len(last.text) + 1
            runs = (*last.bold, *((a + cut, b + cut) for a, b in line.bold))
            joined[-1] = (joined[-1][0], replace(last, text=f"{last.text} {line.text}", bold=runs))
        else:
            joined.append((number, line))
    return joined


#: Points a bulleted line may start right of another and be at its depth.
INDENT_SLACK = 4.0


def _bullet_indents(lines: Sequence[PdfLine]) -> dict[int, list[float]]:
    """Per page, where its bulleted lines start, each depth once (starts within
    :data:`INDENT_SLACK` of a shallower one are at its depth), left to right."""
    starts: dict[int, list[float]] = {}
    for line in lines:
        if line.text.startswith("• "):
            starts.setdefault(line.page, []).append(line.x)
    indents: dict[int, list[float]] = {}
    for page, xs in starts.items():
        kept: list[float] = []
        for x in sorted(xs):
            if not kept or x - kept[-1] > INDENT_SLACK:
                kept.append(x)
        indents[page] = kept
    return indents


def pdf_blocks(lines: Sequence[tuple[int, PdfLine]], sizes: Sequence[float]) -> Iterator[Block]:
    """The numbered lines as a document's blocks: a heading line (a size of ``sizes``)
    at the level of its size, a bulleted line a list item, any other a paragraph; bold
    runs as emphasis."""
    levels = {size: level for level, size in enumerate(sizes, start=1)}
    indents = _bullet_indents([line for _, line in lines])
    for number, line in lines:
        runs = [(a, b, "bold") for a, b in line.bold]
        if line.size in levels and _heading_line(line, 0.0):
            yield Block(number, line.text, levels[line.size])  # a bold heading: no emphasis
        elif line.text.startswith("• "):
            runs = [(a - 2, b - 2, style) for a, b, style in runs if a >= 2]
            depth = bisect_left(indents.get(line.page, []), line.x - INDENT_SLACK)
            yield Block(number, line.text[2:], depth=depth, runs=runs)
        else:
            yield Block(number, line.text, runs=runs)


def _open(data: bytes) -> PdfReader:
    """A reader for ``data``, decrypted if the empty password opens it."""
    if _MAGIC not in data[: _HEADER_WINDOW + len(_MAGIC)]:
        raise ReadError("not a PDF file")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise FileNotDecryptedError("the empty password does not open it")
        len(reader.pages)  # walks the page tree: a cycle raises here
    except (FileNotDecryptedError, DependencyError):
        raise ReadError(_ENCRYPTED) from None
    except LimitReachedError as exc:
        raise ReadError(f"refused PDF: over pypdf's safety limits ({exc})") from None
    except Exception as exc:  # pypdf raises many types on damaged files
        raise ReadError(f"corrupt PDF: {exc or type(exc).__name__}") from None
    return reader


#: A piece of a page's text as pypdf shows it: the text, the size its letters are
#: drawn at (points), whether its font is a bold one, and where it starts across the
#: page (points).
Piece = tuple[str, float, bool, float]
#: A font name that says bold ("Helvetica-Bold", "DejaVuSans-BoldOblique", TeX's
#: "CMBX12").
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|\+CMBX|^/?CMBX", re.IGNORECASE)


def _drawn_size(font_size: float, cm: Sequence[float], tm: Sequence[float]) -> float:
    """The height letters set at ``font_size`` are drawn at, through the text matrix
    ``tm`` and the graphics matrix ``cm`` (their vertical scales)."""
    try:
        return abs(float(font_size) * float(tm[3]) * float(cm[3])) or abs(float(font_size))
    except (TypeError, ValueError, IndexError):
        return 0.0


def _drawn_x(cm: Sequence[float], tm: Sequence[float]) -> float:
    """Where a piece of text starts across the page: the text matrix's origin through
    the graphics matrix."""
    try:
        return float(cm[0]) * float(tm[4]) + float(cm[2]) * float(tm[5]) + float(cm[4])
    except (TypeError, ValueError, IndexError):
        return 0.0


def _page_text(page: PageObject, number: int, deadline: Deadline) -> list[Piece]:
    """The text of one page as pieces (:data:`Piece`), stopped as soon as it passes the
    length limit, the page's time limit or the file's time budget: pypdf calls the
    visitors for every operator and piece of text, and the :class:`ReadError` they
    raise ends the extraction (a small compressed page can hold millions of operators).
    The pieces put together are pypdf's text of the page."""
    size = 0
    page_deadline = Deadline(MAX_PDF_PAGE_SECONDS)
    pieces: list[Piece] = []

    def count_text(text: str, cm: Sequence[float], tm: Sequence[float], font, font_size) -> None:
        nonlocal size
        size += len(text)
        if size > MAX_PAGE_CHARS:
            raise ReadError(
                f"PDF page {number} has over {MAX_PAGE_CHARS:,} characters of text, "
                "which is not lecture notes"
            )
        try:
            name = str(font.get("/BaseFont", "")) if font else ""
        except Exception:  # a damaged font dictionary: no name, no bold
            name = ""
        bold = bool(_BOLD_FONT.search(name))
        pieces.append((text, _drawn_size(font_size, cm, tm), bold, _drawn_x(cm, tm)))

    def check_time(*_: object) -> None:
        deadline.check(f"page {number}")
        if page_deadline.expired():
            raise ReadError(
                f"PDF page {number} took over {MAX_PDF_PAGE_SECONDS:g} s to read "
                "(too many drawing operators to be notes)"
            )

    try:
        contents = page.get_contents()
        content_bytes = len(contents.get_data()) if contents is not None else 0
        if content_bytes > MAX_PAGE_CONTENT_BYTES:
            raise ReadError(
                f"PDF page {number} has {content_bytes / 1e6:.1f} MB of drawing instructions, "
                f"over the {MAX_PAGE_CONTENT_BYTES / 1e6:.1f} MB limit"
            )
        text = page.extract_text(visitor_text=count_text, visitor_operand_before=check_time) or ""
        if "".join(piece[0] for piece in pieces) != text:
            return [(text, 0.0, False, 0.0)]  # pieces that do not make the text: no sizes
        return pieces
    except ReadError:
        raise
    except LimitReachedError as exc:  # pypdf's own caps, e.g. on decompressed stream size
        raise ReadError(
            f"refused PDF: page {number} is over pypdf's safety limits ({exc}); "
            "it looks like a decompression bomb"
        ) from None
    except Exception as exc:  # pypdf raises many types on damaged pages
        raise ReadError(f"corrupt PDF: page {number} cannot be read ({exc})") from None


def _page_texts(reader: PdfReader, deadline: Deadline, raw: RawNote) -> Iterator[list[Piece]]:
    """The text of each page (its pieces), within the time budget and the per-page limits: a page
    that fails or is over a limit is skipped, pages past :data:`MAX_PAGES` are not
    read, and past the file's time budget the pages read so far are kept; each with a
    warning (``raw.warnings``) naming the page."""
    total = len(reader.pages)
    if total > MAX_PAGES:
        raw.warn(
            f"PDF has {total:,} pages, over the {MAX_PAGES:,}-page limit; "
            f"the pages after page {MAX_PAGES:,} were not read"
        )
    for number in range(1, min(total, MAX_PAGES) + 1):
        if deadline.expired():
            raw.warn(_stopped(number, total, deadline))
            return
        try:
            page = reader.pages[number - 1]
            text = _page_text(page, number, deadline)
        except ReadError as exc:
            if deadline.expired():
                raw.warn(_stopped(number, total, deadline))
                return
            raw.warn(f"{exc}; page skipped")
            continue
        except Exception as exc:  # pypdf raises many types on a damaged page tree
            raw.warn(f"corrupt PDF: page {number} cannot be read ({exc}); page skipped")
            continue
        yield text


def _stopped(number: int, total: int, deadline: Deadline) -> str:
    return (
        f"stopped at page {number:,} of {total:,}: reading took over the "
        f"{deadline.seconds:g} s time budget; the pages from there on were not read"
    )


def read(raw: RawNote) -> Iterator[Card]:
    """Cards of a PDF's text, split at headings like a plain-text outline.

    A page that cannot be read or is over a page limit is skipped (a warning names
    it); past the time budget (:data:`~extraction.limits.FILE_TIME_BUDGET_S`) the pages
    read so far are kept.

    Raises
    ------
    ReadError
        Not a PDF, damaged, encrypted, or without text.
    """
    deadline = Deadline()
    pages = [
        page_lines(pieces, number)
        for number, pieces in enumerate(_page_texts(_open(raw.data), deadline, raw), start=1)
    ]
    lines = join_pdf_lines(line for page in without_running_lines(pages) for line in page)
    if not lines:
        if raw.warnings:
            return  # every page skipped: read_bytes says why
        raise ReadError("PDF has no text layer (scanned pages?); run OCR first")
    if sizes := heading_sizes(lines):
        numbered_lines = list(enumerate(lines, start=1))
        blocks = pdf_blocks(_joined_headings(numbered_lines, sizes), sizes)
        yield from block_cards(blocks, CardBuilder(raw, FORMAT))
        return
    numbered = list(enumerate((line.text for line in lines), start=1))
    widths = sorted(len(line.text) for line in lines)
    full_width = widths[int(0.9 * (len(widths) - 1))]
    yield from outline.segment(numbered, CardBuilder(raw, FORMAT), full_width=full_width)
