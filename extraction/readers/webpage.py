"""Web pages (``.html``, ``.htm``): notes saved from a browser, Notion, Google Docs,
OneNote or Evernote as HTML. Headings make cards, as in a Word document.

The page is walked by the standard library's HTML parser (through the Anki fields'
:class:`~extraction.readers._html._TextExtractor`, which already drops scripts, styles,
media and blocks of code and keeps bold, italic, underlined and linked runs and list
depths) into the Word reader's :class:`~extraction.readers.docx.Block` records, so the
two formats share one way of cutting cards: ``<h1>``-``<h6>`` start a card whose title is
the heading and whose section is the headings above it; paragraphs, list items and
tables are its body; a two-column table of terms and explanations, and a glossary of
terms each over its explanation (``<dl>``, or one paragraph each), give term cards, as
does a toggle (``<details><summary>Term</summary>...``, Notion's way of hiding an
answer: the summary over the text inside). Bold, italic and underline set
by a ``style`` attribute (Google Docs: ``<span style="font-weight:700">``) count as the
tags do, and so do the classes a page's ``<style>`` gives them (Google Docs' "Download as
web page": ``.c3{font-weight:700}``); a ``<b style="font-weight:normal">`` (what Google
Docs wraps a copied document in) is no bold. Page chrome (``<nav>``, forms, buttons) is no text.

Line numbers are the HTML file's own lines, where each piece of text starts, so a
citation can be found in the file (a page saved on one line cites line 1 throughout).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from extraction.errors import ReadError
from extraction.limits import MAX_TEXT_LINES, Deadline
from extraction.readers._base import CardBuilder, RawNote
from extraction.readers._html import HtmlLine, _TextExtractor
from extraction.readers.docx import Block, block_cards
from extraction.records import Card

FORMAT = "html"
EXTENSIONS = (".html", ".htm", ".xhtml")

#: The generator tag of a page Concept Atlas wrote (``graph export --format html``, the
#: mark of :data:`graph.export._base.MARK`): a map of notes, not notes; read back, its
#: labels and legend would become concepts.
_OWN_EXPORT = '<meta name="generator" content="Written by Concept Atlas">'
#: Heading tags and their levels.
_HEADINGS = {f"h{k}": k for k in range(1, 7)}
#: Page chrome and widgets: never notes.
_CHROME_TAGS = frozenset({"nav", "noscript", "svg", "button", "select", "textarea", "iframe"})
#: Tags that start and end a line besides the ones the Anki fields know.
_MORE_BLOCK_TAGS = frozenset(
    {"details", "summary", "figure", "figcaption", "main", "header", "footer", "aside", "dl"}
)
#: Emphasis set by a ``style`` attribute, as Google Docs and Word's "Save as web page"
#: write it: bold (``font-weight: bold`` or 600 and over), italic, underline.
_STYLE_RUNS = (
    (re.compile(r"font-weight\s*:\s*(?:bold(?:er)?|[6-9]00)\b", re.IGNORECASE), "bold"),
    (re.compile(r"font-style\s*:\s*italic\b", re.IGNORECASE), "italic"),
    (re.compile(r"text-decoration[\w-]*\s*:[^;]*\bunderline\b", re.IGNORECASE), "underline"),
)
#: Weight that undoes a ``<b>``: ``font-weight: normal`` or 500 and under.
_NORMAL_WEIGHT = re.compile(r"font-weight\s*:\s*(?:normal|lighter|[1-5]00)\b", re.IGNORECASE)
#: A rule for one class in a page's style sheet: ``.c3{font-weight:700}``.
_CLASS_RULE = re.compile(r"\.([A-Za-z_][\w-]{0,60})\s*\{([^{}]{0,2000})\}")
#: Tags whose end leaves no mark on an empty line after them.
_ROW_ENDS = frozenset({"summary", "tr", "table", "dt", "dd"})
#: Most characters of one rendered line: a longer paragraph goes on on a new line, so
#: that building a line stays linear in the page (each piece of text is appended to it).
LONG_LINE_CHARS = 10_000
#: Most characters of style sheets read for the classes' emphasis.
_MAX_CSS = 200_000
#: Characters fed to the parser between two looks at the time budget.
_CHUNK = 1 << 16


def class_styles(css: str) -> dict[str, list[str]]:
    """The emphasis each class of a style sheet sets (rules for one class only).

    >>> class_styles(".c1{color:red}.c3{font-weight:700}.c4{font-style:italic}")
    {'c3': ['bold'], 'c4': ['italic']}
    """
    styles: dict[str, list[str]] = {}
    for name, rule in _CLASS_RULE.findall(css):
        if runs := style_runs(rule):
            styles.setdefault(name, []).extend(r for r in runs if r not in styles.get(name, []))
    return styles


def style_runs(style: str) -> list[str]:
    """The emphasis styles a ``style`` attribute sets.

    >>> style_runs("font-weight:700;font-style:italic"), style_runs("font-weight:400")
    (['bold', 'italic'], [])
    """
    return [name for pattern, name in _STYLE_RUNS if pattern.search(style)]


@dataclass
class _Marks:
    """What a rendered line is besides its text: the file line its text starts on, its
    heading level; for a table row, its table and where each cell starts; for a term
    and its explanation, ``kind`` (``dt``/``dd`` of a definition list, ``summary`` and
    ``toggle`` of a toggle) and, in a toggle, which one (``group``)."""

    number: int = 0
    level: int | None = None
    table: int | None = None
    cells: list[int] = field(default_factory=list)
    kind: str = ""
    group: int = 0


class _PageExtractor(_TextExtractor):
    """The Anki fields' extractor, told also where each line starts in the file, which
    lines are headings, toggles' summaries and table rows, and the emphasis that
    ``style`` attributes set."""

    def __init__(self) -> None:
        super().__init__(keep_code=True)
        self.marks: list[_Marks] = [_Marks()]
        self.spans: list[list[str]] = []  # for each open <span>: the styles it opened
        self.tables = 0  # tables opened so far
        self.table_stack: list[int] = []
        self.toggles = 0  # toggles (<details>) opened so far
        self.toggle_stack: list[int] = []
        self.css = ""  # the text of the page's style sheets
        self.in_css = False
        self.classes: dict[str, list[str]] | None = None  # read from ``css`` when first asked
        self.plain_bold: list[bool] = []  # for each open <b>/<strong>: undone by its style?

    def _styles(self, attrs: list[tuple[str, str | None]]) -> list[str]:
        """The emphasis a tag's ``style`` and ``class`` attributes set."""
        values = dict(attrs)
        styles = style_runs(values.get("style") or "")
        if self.classes is None:
            self.classes = class_styles(self.css)
        for name in (values.get("class") or "").split():
            styles += [s for s in self.classes.get(name, []) if s not in styles]
        return styles

    def _mark(self) -> _Marks:
        while len(self.marks) < len(self.lines):
            self.marks.append(_Marks())
        return self.marks[len(self.lines) - 1]

    def _open_style(self, style: str) -> None:
        self.open.setdefault(style, []).append((len(self.lines) - 1, len(self.lines[-1].text)))

    def _close_style(self, style: str) -> None:
        if self.open.get(style):
            at_line, start = self.open[style].pop()
            line = self.lines[-1]
            if at_line == len(self.lines) - 1 and len(line.text) > start:
                line.emphasis.append((start, len(line.text), style))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.code and not self.hidden:
            super().handle_starttag(tag, attrs)
            return
        if tag in _CHROME_TAGS:
            self.hidden += 1
            return
        if tag == "style":
            self.in_css = True
        if tag in ("b", "strong") and not self.hidden:
            self.plain_bold.append(bool(_NORMAL_WEIGHT.search(dict(attrs).get("style") or "")))
            if self.plain_bold[-1]:
                tag = "span"
        if tag == "span" and not self.hidden:
            styles = self._styles(attrs)
            self.spans.append(styles)
            for style in styles:
                self._open_style(style)
            return
        if tag in _MORE_BLOCK_TAGS or tag in ("dt", "dd"):
            self._end_line()
        else:
            super().handle_starttag(tag, attrs)
        if self.hidden:
            return
        if tag in _HEADINGS:
            self._mark().level = _HEADINGS[tag]
        elif tag in ("dt", "dd"):
            self._mark().kind = tag
        elif tag == "details":
            self.toggles += 1
            self.toggle_stack.append(self.toggles)
        elif tag == "summary" and self.toggle_stack:
            mark = self._mark()
            mark.kind, mark.group = "summary", self.toggle_stack[-1]
        elif tag == "table":
            self.tables += 1
            self.table_stack.append(self.tables)
        elif tag == "tr" and self.table_stack:
            self._mark().table = self.table_stack[-1]
        elif tag in ("td", "th") and self.table_stack:
            mark = self._mark()
            if mark.table is None:  # a cell outside any row: a row of its own
                mark.table = self.table_stack[-1]
            mark.cells.append(len(self.lines[-1].text))

    def handle_endtag(self, tag: str) -> None:
        if self.code and not self.hidden:
            super().handle_endtag(tag)
            return
        if tag in _CHROME_TAGS:
            self.hidden = max(0, self.hidden - 1)
            return
        if tag == "style":
            self.in_css, self.classes = False, None
        if tag in ("b", "strong") and self.plain_bold and self.plain_bold.pop():
            tag = "span"
        if tag == "span":
            for style in reversed(self.spans.pop() if self.spans else []):
                self._close_style(style)
            return
        if tag == "table" and self.table_stack:
            self.table_stack.pop()
        if tag == "details" and self.toggle_stack:
            self.toggle_stack.pop()
        if tag in _MORE_BLOCK_TAGS or tag in ("dt", "dd"):
            self._end_line()
        else:
            super().handle_endtag(tag)
        if not self.lines[-1].text.strip() and (tag in _HEADINGS or tag in _ROW_ENDS):
            self._mark()
            self.marks[len(self.lines) - 1] = _Marks()  # an empty heading or row marks nothing

    def handle_data(self, data: str) -> None:
        if self.in_css:
            self.css += data[: max(0, _MAX_CSS - len(self.css))]
            return
        before = self.lines[-1].text.strip()
        super().handle_data(data)
        if not before and not self.hidden and not self.code and self.lines[-1].text.strip():
            mark = self._mark()
            if not mark.number:
                line, _ = self.getpos()
                mark.number = line + data[: len(data) - len(data.lstrip())].count("\n")
            if not mark.kind and self.toggle_stack:
                mark.kind, mark.group = "toggle", self.toggle_stack[-1]
        if len(self.lines[-1].text) > LONG_LINE_CHARS and not self.code:
            kind = self._mark().kind
            self._new_line(self.lines[-1].depth)
            self._mark().kind = "dd" if kind == "dt" else kind

    def _new_line(self, depth: int = -1) -> None:
        super()._new_line(depth)
        self._mark()


def _cells(line: HtmlLine, mark: _Marks) -> list[str]:
    """The cells of a table row's line, split where each cell started."""
    starts = [*mark.cells, len(line.text)]
    if not mark.cells:
        return [line.text.strip()]
    return [line.text[a:b].strip() for a, b in itertools.pairwise(starts)]


def page_lines(text: str, raw: RawNote | None = None) -> list[tuple[HtmlLine, _Marks]]:
    """The rendered lines of the page ``text`` with what each is (:class:`_Marks`); empty
    lines left out. Past the time budget, the lines read so far (and a warning naming
    where reading stopped, in ``raw.warnings``).

    >>> lines = page_lines("<h1>Rocks</h1>\\n<p>A <b>rock</b> is solid.</p>")
    >>> [(line.text.strip(), mark.number, mark.level) for line, mark in lines]
    [('Rocks', 1, 1), ('A rock is solid.', 2, None)]
    """
    parser = _PageExtractor()
    deadline = Deadline()
    for at in range(0, len(text), _CHUNK):
        if deadline.expired():
            message = (
                f"stopped at character {at:,} of {len(text):,}: reading took over the "
                f"{deadline.seconds:g} s time budget; the rest of the page was not read"
            )
            if raw is None:
                raise ReadError(message)
            raw.warn(message)
            break
        parser.feed(text[at : at + _CHUNK])
        if len(parser.lines) > MAX_TEXT_LINES:
            raise ReadError(f"page has over {MAX_TEXT_LINES:,} lines of text, too many to be notes")
    else:
        parser.close()
    parser._mark()
    pairs = list(zip(parser.lines, parser.marks, strict=False))
    last = 1
    kept = []
    for line, mark in pairs:
        if not line.text.strip():
            continue
        mark.number = mark.number or last  # text that began inside a tag's markup
        last = mark.number
        kept.append((line, mark))
    return kept


def _explained(lines: list[tuple[HtmlLine, _Marks]], k: int) -> int:
    """Where the explanation of the term on line ``k`` ends: after the ``dd`` lines
    following a ``dt``, or the lines inside a toggle after its summary."""
    mark = lines[k][1]
    end = k + 1
    while end < len(lines) and lines[end][1].table is None:
        after = lines[end][1]
        if not (
            (mark.kind == "dt" and after.kind == "dd")
            or (mark.kind == "summary" and after.kind == "toggle" and after.group == mark.group)
        ):
            break
        end += 1
    return end


def blocks(lines: list[tuple[HtmlLine, _Marks]]) -> Iterator[Block]:
    """The Word reader's blocks for a page's lines: headings, paragraphs and list items
    one block each, the rows of one table one block, a term with its explanation (a
    definition list's entry, a toggle) one block."""
    k = 0
    while k < len(lines):
        line, mark = lines[k]
        if mark.kind in ("dt", "summary") and (end := _explained(lines, k)) > k + 1:
            text = " ".join(" ".join(t.text.split()) for t, _ in lines[k + 1 : end])
            yield Block(mark.number, text, term=" ".join(line.text.split()))
            k = end
            continue
        if mark.table is not None:
            rows = []
            while k < len(lines) and lines[k][1].table == mark.table:
                rows.append((lines[k][1].number, _cells(*lines[k])))
                k += 1
            yield Block(rows[0][0], "", table=rows)
            continue
        text = line.text.replace("\n", " ")
        yield Block(mark.number, text, mark.level, depth=line.depth, runs=list(line.emphasis))
        k += 1


def sniff(raw: RawNote) -> float:
    """A file named as a web page that holds markup."""
    if raw.suffix not in EXTENSIONS or not raw.is_text:
        return 0.0
    return 0.6 if "<" in raw.text[:5000] else 0.2


def read(raw: RawNote) -> Iterator[Card]:
    """Cards of a web page, one per heading or toggle (and one for text before the
    first).

    Raises
    ------
    ReadError
        Not text, a page Concept Atlas exported, or more lines of text than notes have.
    """
    if not raw.is_text:
        raise ReadError("not a text file, so not a web page")
    if _OWN_EXPORT in raw.text[:4096]:
        raise ReadError("a map Concept Atlas exported, not notes: left out")
    yield from block_cards(blocks(page_lines(raw.text, raw)), CardBuilder(raw, FORMAT))
