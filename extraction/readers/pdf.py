"""PDF lecture notes and slides: the text layer, cleaned, cut into cards at headings.

The text of every page is extracted with pypdf and cleaned of typesetting artefacts:
ligatures, bullet glyphs (LaTeX bullets come out as U+0088), page numbers and plot
tick labels (lines of bare numbers), words hyphenated across lines. The cleaned lines
of all pages are numbered 1.. in order and segmented like a plain-text outline
(:func:`extraction.readers.outline.segment`). Scanned PDFs have no text layer and are
refused with a hint to run OCR.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator

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
from extraction.records import Card

FORMAT = "pdf"
EXTENSIONS = (".pdf",)

#: Most pages read from one PDF (:data:`extraction.limits.MAX_PDF_PAGES`).
MAX_PAGES = MAX_PDF_PAGES
_MAGIC = b"%PDF-"
#: Bytes of junk tolerated before the ``%PDF-`` header.
_HEADER_WINDOW = 1024

_ENCRYPTED = "encrypted PDF: remove the password and try again"
_BULLET = re.compile(r"^[\u0088•◦▪‣\uf0b7–]\s*")
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
    line = clean_line(normalise_glyphs(line))
    if _NUMBERS_ONLY.match(line):
        return ""
    return _BULLET.sub("• ", line, count=1).rstrip()


def join_lines(lines: Iterable[str]) -> list[str]:
    """Put a lone bullet before its item, and the rest of a word hyphenated at a line end
    after its first part.

    >>> join_lines(["the hyper-", "parameter C", "X-", "Ray", "•", "item"])
    ['the hyperparameter', 'C', 'X-', 'Ray', '• item']
    """
    joined: list[str] = []
    for line in lines:
        match = _CONTINUATION.match(line)
        if joined and joined[-1] == "•":
            joined[-1] = f"• {line}"
            continue
        if joined and match and _HYPHENATED.search(joined[-1]):
            joined[-1] = joined[-1][:-1] + match.group(1)
            line = match.group(2)
            if not line:
                continue
        joined.append(line)
    return joined


def clean_pages(pages: Iterable[str]) -> list[str]:
    """The cleaned, non-empty lines of all pages' text, in order.

    >>> clean_pages(["Margins\\n\\x88 wide mar-\\ngins generalise\\n1", "2"])
    ['Margins', '• wide margins', 'generalise']
    """
    lines = [clean_pdf_line(line) for page in pages for line in page.split("\n")]
    return join_lines(line for line in lines if line)


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


def _page_text(page: PageObject, number: int, deadline: Deadline) -> str:
    """The text of one page, stopped as soon as it passes the length limit, the page's
    time limit or the file's time budget: pypdf calls the visitors for every operator
    and piece of text, and the :class:`ReadError` they raise ends the extraction (a
    small compressed page can hold millions of operators)."""
    size = 0
    page_deadline = Deadline(MAX_PDF_PAGE_SECONDS)

    def count_text(text: str, *_: object) -> None:
        nonlocal size
        size += len(text)
        if size > MAX_PAGE_CHARS:
            raise ReadError(
                f"PDF page {number} has over {MAX_PAGE_CHARS:,} characters of text, "
                "which is not lecture notes"
            )

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
        return page.extract_text(visitor_text=count_text, visitor_operand_before=check_time) or ""
    except ReadError:
        raise
    except LimitReachedError as exc:  # pypdf's own caps, e.g. on decompressed stream size
        raise ReadError(
            f"refused PDF: page {number} is over pypdf's safety limits ({exc}); "
            "it looks like a decompression bomb"
        ) from None
    except Exception as exc:  # pypdf raises many types on damaged pages
        raise ReadError(f"corrupt PDF: page {number} cannot be read ({exc})") from None


def _page_texts(reader: PdfReader, deadline: Deadline, raw: RawNote) -> Iterator[str]:
    """The text of each page, within the time budget and the per-page limits: a page
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
    lines = clean_pages(_page_texts(_open(raw.data), deadline, raw))
    if not lines:
        if raw.warnings:
            return  # every page skipped: read_bytes says why
        raise ReadError("PDF has no text layer (scanned pages?); run OCR first")
    numbered = list(enumerate(lines, start=1))
    widths = sorted(len(t) for t in lines)
    full_width = widths[int(0.9 * (len(widths) - 1))]
    yield from outline.segment(numbered, CardBuilder(raw, FORMAT), full_width=full_width)
