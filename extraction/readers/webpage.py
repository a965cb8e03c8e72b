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
Docs wraps a copied document in) is no bold. Page chrome is no text: ``<nav>``, buttons and
form fields, footers, whatever is hidden (``hidden``, ``aria-hidden``, ``display: none``)
or given a role of a site's menus and pop-ups (``role="navigation"``, ``"dialog"``) or a
class of Wikipedia's edit links and navigation boxes, and of a ``<header>`` all but its
headings; so are the marks of footnotes linked within the page ("[1]"). In a table's cell
a paragraph only parts words: the row stays one row. Lists written flat keep their
levels: Word's list paragraphs (``mso-list:l0 level2``) and Google Docs' lists, one per
level, classed by it (``lst-kix_<id>-1``). A paragraph styled as the title (Google Docs'
``class="title"``, Word's ``MsoTitle``) heads the page as a Word document's Title does,
above its ``<h1>``. A short line set wholly in larger type than the page's body text
(13.5pt and over: Evernote's and OneNote's headings) is a heading. A line of icons
only, and a line whose every letter is in links to web pages (a site's menu or
breadcrumb; not links to other files of the notes), is no text, nor is a table of the
note's properties (Evernote's ``Created: | 1/22/2024``). A formula in MathML with its TeX
(``<annotation encoding="application/x-tex">``: Notion's and Wikipedia's equations) reads
once, as its TeX. On a flashcard site's page saved from the browser, the sides of each
card (Quizlet's ``SetPageTerm-wordText`` and ``-definitionText``, a ``card-question`` and
``card-answer``) are a term over its explanation, as ``<dt>`` and ``<dd>``.

Line numbers are the HTML file's own lines, where each piece of text starts, so a
citation can be found in the file (a page saved on one line cites line 1 throughout).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from extraction.errors import ReadError
from extraction.limits import MAX_TEXT_LINES, Deadline
from extraction.readers._base import CardBuilder, RawNote
from extraction.readers._html import _BLOCK_TAGS, HtmlLine, _TextExtractor, defuse_unclosed
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
_CHROME_TAGS = frozenset(
    {"nav", "noscript", "svg", "button", "select", "textarea", "iframe", "label"}
)
#: What marks an element of any tag as page chrome, never notes: the ``role`` of a
#: site's menus, banners, footers, search boxes and pop-ups (ARIA's landmark and widget
#: roles), and the classes that Wikipedia's and other sites' pages give their edit links,
#: navigation boxes, lists of references (titles of sources, not notes) and text meant
#: only for screen readers.
_CHROME_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "search", "dialog", "alertdialog", "menu"}
    | {"menubar", "toolbar", "tablist", "tooltip", "button"}
)
_CHROME_CLASSES = frozenset(
    {"noprint", "mw-editsection", "navbox", "catlinks", "mw-jump-link", "mw-cite-backlink"}
    | {"references", "reflist", "refbegin"}
    | {"navigation-not-searchable", "sr-only", "visually-hidden", "screen-reader-text"}
)
#: A style that shows nothing: ``display: none``, ``visibility: hidden``, and the bullet
#: or number Word's "Save as web page" types before a list paragraph (``mso-list:
#: Ignore``; the paragraph's own ``mso-list: l0 level2`` says it is a list item).
_UNSHOWN = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|mso-list\s*:\s*ignore", re.IGNORECASE
)
#: The level of a list written flat: Word's "Save as web page" types each item as a
#: paragraph styled ``mso-list:l0 level2 lfo1``, Google Docs each run of items of one
#: level as a list of its own classed ``lst-kix_<id>-1`` (level 0 is the outermost).
_WORD_LIST_LEVEL = re.compile(r"mso-list\s*:\s*l\d+\s+level(\d+)", re.IGNORECASE)
_DOCS_LIST_LEVEL = re.compile(r"\blst-kix_\w+-(\d)\b")
#: Elements that never close, so never hide what follows them.
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    | {"track", "wbr", "param"}
)
#: The text of a link within the page that marks a footnote or citation: "[1]", "2",
#: "[a]", "^".
_NOTE_MARK = re.compile(r"\s*\[?\s*(?:\d{1,3}|[a-z]|\^|\*|†)\s*\]?\s*")
#: A link to a web page (``https://...``, ``/login``, ``//host/...``), not to another
#: file of the notes (``Sub%20page.html``, a Notion or Obsidian export's page) nor to a
#: place in the page. A line whose every letter is in such links is a site's menu,
#: breadcrumb or list of related pages, not notes.
_SITE_LINK = re.compile(r"[a-z][a-z0-9+.-]*://|/|\?", re.IGNORECASE)
#: Unicode categories of icons: other symbols (emoji), modifiers and joiners of emoji.
_ICONS = frozenset({"So", "Sk", "Mn", "Cf"})
#: Classes of a paragraph styled as the document's title, level 0 above ``<h1>`` as the
#: Word reader's Title style: Google Docs' ``<p class="title">``, Word's ``MsoTitle``.
_TITLE_CLASSES = frozenset({"title", "MsoTitle"})
#: A font size set by a ``style`` attribute, in points or pixels.
_FONT_SIZE = re.compile(r"(?<![\w-])font-size\s*:\s*(\d{1,3}(?:\.\d+)?)\s*(pt|px)\b", re.I)
#: Points of type from which a short line set wholly in it is a heading, as Evernote and
#: OneNote write headings (``<span style="font-size: 14pt"><b>Layers</b></span>``, a
#: page's title at 20pt); the size makes the level (body text is 10-12pt).
_HEADING_POINTS = ((20.0, 1), (16.0, 2), (13.5, 3))
#: Most words of a line that its size makes a heading.
_HEADING_WORDS = 10
#: Labels of a note's properties, which Evernote's and Notion's exports put in a table
#: over the note (``Created: | 1/22/2024``, ``Tags: | geology``): no notes.
_PROPERTY_LABELS = frozenset(
    {"created", "updated", "modified", "last edited", "tags", "author", "source", "url"}
    | {"date", "location", "notebook", "created time", "last edited time", "status"}
)
#: Classes of the two sides of a flashcard on a flashcard site's page saved from the
#: browser (Quizlet's ``SetPageTerm-wordText`` and ``SetPageTerm-definitionText``; a
#: ``card-question`` and ``card-answer``, a ``card-front`` and ``card-back``): the term
#: and its explanation, as a definition list's ``<dt>`` and ``<dd>``.
_TERM_SIDE = re.compile(r"wordtext|[-_](?:term|question|front)$|^(?:term|question)$", re.I)
_EXPLANATION_SIDE = re.compile(r"definition|[-_](?:answer|back)$|^answer$", re.I)
#: Tags that start and end a line besides the ones the Anki fields know.
_MORE_BLOCK_TAGS = frozenset(
    {"details", "summary", "figure", "figcaption", "main", "header", "footer", "aside", "dl"}
)
#: Emphasis set by a ``style`` attribute, as Google Docs and Word's "Save as web page"
#: write it: bold (``font-weight: bold`` or 600 and over), italic, underline. Word's own
#: properties (``mso-bidi-font-weight: normal``: the weight of right-to-left script,
#: written on bold Latin text) are not the text's style.
_STYLE_RUNS = (
    (re.compile(r"(?<![\w-])font-weight\s*:\s*(?:bold(?:er)?|[6-9]00)\b", re.I), "bold"),
    (re.compile(r"(?<![\w-])font-style\s*:\s*italic\b", re.I), "italic"),
    (re.compile(r"(?<![\w-])text-decoration[\w-]*\s*:[^;]*\bunderline\b", re.I), "underline"),
)
#: Weight that undoes a ``<b>``: ``font-weight: normal`` or 500 and under.
_NORMAL_WEIGHT = re.compile(
    r"(?<![\w-])font-weight\s*:\s*(?:normal|lighter|[1-5]00)\b", re.IGNORECASE
)
#: A rule for one class in a page's style sheet: ``.c3{font-weight:700}``.
_CLASS_RULE = re.compile(r"\.([A-Za-z_][\w-]{0,60})\s*\{([^{}]{0,2000})\}")
#: Tags that would break a line but, inside a table's cell (Google Docs, Word and OneNote
#: wrap each cell's text in ``<p>``), only part its words: the row stays one line.
_IN_CELL_BREAKS = (_BLOCK_TAGS | _MORE_BLOCK_TAGS | {"br"}) - {"table", "tr"}
#: Tags whose end leaves no mark on an empty line after them.
_ROW_ENDS = frozenset({"summary", "tr", "table", "dt", "dd"})
#: Most characters of one rendered line: a longer paragraph goes on on a new line, so
#: that building a line stays linear in the page (each piece of text is appended to it).
LONG_LINE_CHARS = 10_000
#: Most characters of style sheets read for the classes' emphasis.
_MAX_CSS = 200_000
#: Most spaces in a start tag (between its attributes) before it is shown as text; a
#: real tag has tens of attributes.
MAX_TAG_SPACES = 10_000
_START_TAG = re.compile(r"<[a-zA-Z]")
_QUOTED = re.compile(r"'[^']*(?:'|\Z)|\"[^\"]*(?:\"|\Z)")
#: Characters fed to the parser between two looks at the time budget.
_CHUNK = 1 << 16


def card_side(attrs: list[tuple[str, str | None]]) -> str:
    """The side of a flashcard an element's class names: ``"dt"`` (the term), ``"dd"``
    (its explanation) or ``""``.

    >>> card_side([("class", "SetPageTerm-wordText")]), card_side([("class", "card-answer")])
    ('dt', 'dd')
    >>> card_side([("class", "TermText notranslate")]), card_side([("class", "back-to-top")])
    ('', '')
    """
    names = (dict(attrs).get("class") or "").split()
    if any(_EXPLANATION_SIDE.search(name) for name in names):
        return "dd"
    return "dt" if any(_TERM_SIDE.search(name) for name in names) else ""


def font_points(style: str) -> float:
    """The font size in points a ``style`` attribute sets (0.0 when it sets none).

    >>> font_points("font-family:Calibri;font-size:16.0pt"), font_points("font-size: 24px")
    (16.0, 18.0)
    """
    found = _FONT_SIZE.search(style)
    if not found:
        return 0.0
    size = float(found.group(1))
    return size * 0.75 if found.group(2).lower() == "px" else size


def is_chrome(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """Is an element page chrome (never notes): a footer, or hidden, or given the role
    or class of a site's menus and widgets (:data:`_CHROME_ROLES`,
    :data:`_CHROME_CLASSES`)?

    >>> is_chrome("div", [("role", "navigation")]), is_chrome("span", [("aria-hidden", "true")])
    (True, True)
    >>> is_chrome("p", [("class", "c1 c3")]), is_chrome("footer", [])
    (False, True)
    """
    values = {name: value or "" for name, value in attrs}
    return (
        tag == "footer"
        or "hidden" in values
        or values.get("aria-hidden", "").strip().lower() == "true"
        or values.get("role", "").strip().lower() in _CHROME_ROLES
        or bool(_CHROME_CLASSES.intersection(values.get("class", "").split()))
        or bool(_UNSHOWN.search(values.get("style", "")))
    )


def flat_list_level(tag: str, attrs: list[tuple[str, str | None]]) -> int | None:
    """The level (0: outermost) a list item written flat says it has: a Word paragraph
    styled as a list item, a Google Docs list classed by its level; else None.

    >>> flat_list_level("p", [("style", "margin-left:1.0in;mso-list:l0 level2 lfo1")])
    1
    >>> flat_list_level("ul", [("class", "c6 lst-kix_8x2c1k-1 start")]), flat_list_level("p", [])
    (1, None)
    """
    values = {name: value or "" for name, value in attrs}
    if tag == "p" and (found := _WORD_LIST_LEVEL.search(values.get("style", ""))):
        return max(0, int(found.group(1)) - 1)
    if tag in ("ul", "ol") and (found := _DOCS_LIST_LEVEL.search(values.get("class", ""))):
        return int(found.group(1))
    return None


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
    ``toggle`` of a toggle) and, in a toggle, which one (``group``); how many of its
    letters and digits are the text of links to web pages (``linked``); the font size its
    paragraph sets (``points``) and how many of its letters a larger size sets and which
    (``sized``, ``points``); whether it goes on the line before, cut at
    :data:`LONG_LINE_CHARS` (``goes_on``)."""

    number: int = 0
    level: int | None = None
    table: int | None = None
    cells: list[int] = field(default_factory=list)
    kind: str = ""
    group: int = 0
    linked: int = 0
    points: float = 0.0
    sized: int = 0
    goes_on: bool = False


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
        self.in_cell: list[bool] = []  # for each open table: is one of its cells open?
        self.toggles = 0  # toggles (<details>) opened so far
        self.toggle_stack: list[int] = []
        self.css = ""  # the text of the page's style sheets
        self.in_css = False
        self.classes: dict[str, list[str]] | None = None  # read from ``css`` when first asked
        self.plain_bold: list[bool] = []  # for each open <b>/<strong>: undone by its style?
        self.chrome: list[list] = []  # for each open chrome element: [tag, open ones of it]
        self.chrome_tags: dict[str, int] = {}  # how many entries of ``chrome`` each tag has
        self.headers = 0  # open <header> elements: only their headings are text
        self.heading_open = 0  # open <h1>-<h6> elements
        self.in_page_links: list[tuple[int, int] | None] = []  # each open <a>: where it began
        self.site_links: list[bool] = []  # each open <a>: does it lead to a web page?
        self.void = False  # is the tag being read one that closes itself (``<a/>``)?
        self.list_levels: list[int] = []  # each open list: the level its class says (or 0)
        self.span_points: list[float] = []  # each open <span>: the font size it sets
        self.math: tuple[int, int] | None = None  # where the open <math> began
        self.sides: list[list] = []  # open sides of flashcards: [tag, open ones of it]

    def _styles(self, attrs: list[tuple[str, str | None]]) -> list[str]:
        """The emphasis a tag's ``style`` and ``class`` attributes set."""
        values = dict(attrs)
        styles = style_runs(values.get("style") or "")
        if self.classes is None:
            self.classes = class_styles(self.css)
        for name in (values.get("class") or "").split():
            styles += [s for s in self.classes.get(name, []) if s not in styles]
        return styles

    def _cell_break(self, tag: str) -> bool:
        """A paragraph, line break or list inside a table's cell: a space between its
        words and the cell's other words, not a new line (which would end the row)."""
        if not (self.in_cell and self.in_cell[-1] and tag in _IN_CELL_BREAKS) or self.hidden:
            return False
        if self.lines[-1].text and not self.lines[-1].text[-1].isspace():
            self.lines[-1].text += " "
        return True

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

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.void = True
        super().handle_startendtag(tag, attrs)
        self.void = False

    def _open_chrome(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """Count an element opened in page chrome; start hiding at one that is chrome."""
        if self.void or tag in _VOID_TAGS:
            return False
        if is_chrome(tag, attrs) and not (self.code and not self.hidden):
            self.chrome.append([tag, 1])
            self.chrome_tags[tag] = self.chrome_tags.get(tag, 0) + 1
            self.hidden += 1
            return True
        if self.chrome and self.chrome[-1][0] == tag:
            self.chrome[-1][1] += 1
        return False

    def _close_chrome(self, tag: str) -> bool:
        """Count an element closed in page chrome; stop hiding at the end of the chrome."""
        if not self.chrome_tags.get(tag):
            return False
        for k in range(len(self.chrome) - 1, -1, -1):
            if self.chrome[k][0] == tag:
                self.chrome[k][1] -= 1
                if self.chrome[k][1]:
                    return False
                self.hidden = max(0, self.hidden - (len(self.chrome) - k))
                for closed, _ in self.chrome[k:]:
                    self.chrome_tags[closed] -= 1
                del self.chrome[k:]
                return True
        return False

    def _page_link(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Note where a link within the page starts (its text may be a footnote's mark)."""
        if tag == "a" and not self.void and not self.hidden:
            href = (dict(attrs).get("href") or "").strip()
            here = (len(self.lines) - 1, len(self.lines[-1].text))
            self.in_page_links.append(here if href.startswith("#") else None)
            self.site_links.append(bool(_SITE_LINK.match(href)))

    def _end_page_link(self) -> None:
        """A link within the page whose text is a footnote's or citation's mark ("[1]")
        is no text of the notes."""
        start = self.in_page_links.pop() if self.in_page_links else None
        if self.site_links:
            self.site_links.pop()
        if start is None or start[0] != len(self.lines) - 1:
            return
        if _NOTE_MARK.fullmatch(self.lines[-1].text[start[1] :] or "-"):
            self._drop_from(*start)

    def _drop_from(self, line: int, start: int) -> None:
        """Take back the text read since character ``start`` of line ``line`` (when that
        is still the line being written)."""
        if line != len(self.lines) - 1:
            return
        text = self.lines[-1]
        text.text = text.text[:start]
        text.emphasis = [(s, min(e, start), st) for s, e, st in text.emphasis if s < start]

    def _open_side(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Count an element opened in a flashcard's side; at a side (:func:`card_side`),
        start a line that is a term (``dt``) or its explanation (``dd``)."""
        if self.sides and self.sides[-1][0] == tag:
            self.sides[-1][1] += 1
        if side := card_side(attrs):
            self._end_line()
            self._mark().kind = side
            self.sides.append([tag, 1])

    def _close_side(self) -> None:
        """Count an element closed in a flashcard's side; end the line at the side's end."""
        self.sides[-1][1] -= 1
        if not self.sides[-1][1]:
            self.sides.pop()
            self._end_line()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs)
        self._bound_line()

    def _start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._open_chrome(tag, attrs):
            return
        if self.code and not self.hidden:
            super().handle_starttag(tag, attrs)
            return
        if tag in _CHROME_TAGS:
            self.hidden += 1
            return
        self._page_link(tag, attrs)
        if not self.hidden and not self.void and tag not in _VOID_TAGS:
            self._open_side(tag, attrs)
        if tag == "header" and not self.void:
            self.headers += 1
        if tag in _HEADINGS and not self.void:
            self.heading_open += 1
        if tag == "style":
            self.in_css = True
        if tag in ("b", "strong") and not self.hidden:
            self.plain_bold.append(bool(_NORMAL_WEIGHT.search(dict(attrs).get("style") or "")))
            if self.plain_bold[-1]:
                tag = "span"
        if tag == "span":
            styles = [] if self.hidden else self._styles(attrs)
            self.spans.append(styles)
            self.span_points.append(font_points(dict(attrs).get("style") or ""))
            for style in styles:
                self._open_style(style)
            return
        if self._cell_break(tag):
            return
        if tag in _MORE_BLOCK_TAGS or tag in ("dt", "dd"):
            self._end_line()
        else:
            super().handle_starttag(tag, attrs)
        if self.hidden:
            return
        if tag == "math" and not self.void:
            self.math = (len(self.lines) - 1, len(self.lines[-1].text))
        elif tag == "annotation" and self.math and "tex" in (dict(attrs).get("encoding") or ""):
            self._drop_from(*self.math)  # the formula as TeX, not its MathML rendering
        if tag in ("ul", "ol") and not self.void:
            self.list_levels.append(flat_list_level(tag, attrs) or 0)
        elif tag == "li" and self.list_levels:
            self.lines[-1].depth += self.list_levels[-1]
        elif tag == "p" and (level := flat_list_level(tag, attrs)) is not None:
            self.lines[-1].depth = self.lists + level
        elif tag == "p" and _TITLE_CLASSES.intersection((dict(attrs).get("class") or "").split()):
            self._mark().level = 0
        if tag in ("p", "div") and (points := font_points(dict(attrs).get("style") or "")):
            self._mark().points = points
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
            self.in_cell.append(False)
        elif tag == "tr" and self.table_stack:
            self._mark().table = self.table_stack[-1]
            self.in_cell[-1] = False
        elif tag in ("td", "th") and self.table_stack:
            self.in_cell[-1] = True
            mark = self._mark()
            if mark.table is None:  # a cell outside any row: a row of its own
                mark.table = self.table_stack[-1]
            mark.cells.append(len(self.lines[-1].text))

    def handle_endtag(self, tag: str) -> None:
        if self._close_chrome(tag):
            return
        if self.code and not self.hidden:
            super().handle_endtag(tag)
            return
        if tag in _CHROME_TAGS:
            self.hidden = max(0, self.hidden - 1)
            return
        if tag == "a" and not self.hidden:
            self._end_page_link()
        if tag == "math":
            self.math = None
        if self.sides and self.sides[-1][0] == tag and not self.hidden:
            self._close_side()
        if tag == "header":
            self.headers = max(0, self.headers - 1)
        if tag in _HEADINGS:
            self.heading_open = max(0, self.heading_open - 1)
        if tag == "style":
            self.in_css, self.classes = False, None
        if tag in ("b", "strong") and self.plain_bold and self.plain_bold.pop():
            tag = "span"
        if tag == "span":
            if self.span_points:
                self.span_points.pop()
            for style in reversed(self.spans.pop() if self.spans else []):
                self._close_style(style)
            return
        if self._cell_break(tag):
            return
        if tag == "table" and self.table_stack:
            self.table_stack.pop()
            self.in_cell.pop()
        elif tag in ("td", "th", "tr") and self.in_cell:
            self.in_cell[-1] = False
        if tag == "details" and self.toggle_stack:
            self.toggle_stack.pop()
        if tag in ("ul", "ol") and self.list_levels:
            self.list_levels.pop()
        if tag in _MORE_BLOCK_TAGS or tag in ("dt", "dd"):
            self._end_line()
        else:
            super().handle_endtag(tag)
        title = tag == "p" and self._mark().level == 0
        if not self.lines[-1].text.strip() and (tag in _HEADINGS or tag in _ROW_ENDS or title):
            self._mark()
            self.marks[len(self.lines) - 1] = _Marks()  # an empty heading or row marks nothing

    def handle_data(self, data: str) -> None:
        if self.in_css:
            self.css += data[: max(0, _MAX_CSS - len(self.css))]
            return
        if self.headers and not self.heading_open and not self.code:
            return  # a page's or article's header: its title only, not its bylines and menus
        data = data.replace("\ufeff", "")  # a zero-width no-break space (Notion's equations)
        before = self.lines[-1].text.strip()
        if any(self.site_links) and not self.hidden and not self.code:
            self._mark().linked += sum(ch.isalnum() for ch in data)
        if self.span_points and max(self.span_points) and not self.hidden and not self.code:
            mark = self._mark()
            mark.sized += sum(ch.isalnum() for ch in data)
            mark.points = max(self.span_points) if mark.sized else mark.points
        super().handle_data(data)
        if not before and not self.hidden and not self.code and self.lines[-1].text.strip():
            mark = self._mark()
            if not mark.number:
                line, _ = self.getpos()
                mark.number = line + data[: len(data) - len(data.lstrip())].count("\n")
            if not mark.kind and self.toggle_stack:
                mark.kind, mark.group = "toggle", self.toggle_stack[-1]
        self._bound_line()

    def long_tag(self) -> bool:
        """Is the parser held at a start tag not closed after :data:`MAX_TAG_SPACES`
        spaces outside its quoted values (a tag of a million attributes)? The parser's
        pattern for a start tag keeps a record for each attribute it passes, about 300
        bytes (a tag of 20 million attributes took 3 GB)."""
        rest = self.rawdata
        if self.cdata_elem or not _START_TAG.match(rest) or len(rest) < MAX_TAG_SPACES:
            return False
        unquoted = _QUOTED.sub("", rest)  # a long value (a title, an image) is one attribute
        return sum(map(unquoted.count, " \t\n\r\f")) > MAX_TAG_SPACES

    def _bound_line(self) -> None:
        """Go on on a new line past :data:`LONG_LINE_CHARS` (text, and the spaces that
        table cells and breaks inside them add, are appended to the line)."""
        if len(self.lines[-1].text) > LONG_LINE_CHARS and not self.code:
            kind = self._mark().kind
            self._new_line(self.lines[-1].depth)
            self._mark().kind = "dd" if kind == "dt" else kind
            self._mark().goes_on = not kind

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
    text = defuse_unclosed(text)
    at = 0
    while at < len(text):
        if deadline.expired():
            message = (
                f"stopped at character {at:,} of {len(text):,}: reading took over the "
                f"{deadline.seconds:g} s time budget; the rest of the page was not read"
            )
            if raw is None:
                raise ReadError(message)
            raw.warn(message)
            break
        # The parser keeps what it could not read yet (a comment, a tag, a script not
        # closed in this chunk) and reads it again with the next; a chunk as long as what
        # it keeps makes that rereading linear in the page, not quadratic.
        step = max(_CHUNK, len(parser.rawdata))
        parser.feed(text[at : at + step])
        at += step
        if parser.long_tag():  # left out, to the next ">": no element, and no text
            parser.rawdata = ""
            end = text.find(">", at)
            at = len(text) if end < 0 else end + 1
        if len(parser.lines) > MAX_TEXT_LINES:
            raise ReadError(f"page has over {MAX_TEXT_LINES:,} lines of text, too many to be notes")
    else:
        parser.close()
    parser._mark()
    pairs = list(zip(parser.lines, parser.marks, strict=False))
    last = 1
    kept = []
    for line, mark in pairs:
        if not _shown(line, mark):
            continue
        mark.number = mark.number or last  # text that began inside a tag's markup
        last = mark.number
        kept.append((line, mark))
    return kept


def _shown(line: HtmlLine, mark: _Marks) -> bool:
    """Is a rendered line text of the notes? Not when it is empty or only icons (emoji
    and other symbols: Notion's callout "💡") or, unless a heading or a table's row, has
    all its letters in links to web pages (a site's menu, "Log in", "See also" lists).

    >>> _shown(HtmlLine("💡 "), _Marks()), _shown(HtmlLine("Home"), _Marks(linked=4))
    (False, False)
    >>> _shown(HtmlLine("<<>>"), _Marks()), _shown(HtmlLine("See Home"), _Marks(linked=4))
    (True, True)
    """
    if not line.text.strip() or mark.table is not None:
        return bool(line.text.strip())
    if all(ch.isspace() or unicodedata.category(ch) in _ICONS for ch in line.text):
        return False
    letters = sum(ch.isalnum() for ch in line.text)
    return mark.level is not None or not letters or mark.linked < letters


def body_points(lines: list[tuple[HtmlLine, _Marks]]) -> float:
    """The font size most of a page's letters are set in (0.0: not set by ``style``).

    >>> body_points([(HtmlLine("Plates move apart."), _Marks(points=14.0)),
    ...              (HtmlLine("Layers"), _Marks(points=20.0))])
    14.0
    """
    letters: dict[float, int] = {}
    for line, mark in lines:
        letters[mark.points] = letters.get(mark.points, 0) + sum(c.isalnum() for c in line.text)
    return max(letters, key=letters.__getitem__, default=0.0)


def sized_level(line: HtmlLine, mark: _Marks, body: float = 0.0) -> int | None:
    """The heading level a line's font size gives it: a short line, not a list item, no
    sentence, set wholly in type of :data:`_HEADING_POINTS` or larger, and larger than
    the page's body text (``body`` points) by 2 points at least; else None.

    >>> sized_level(HtmlLine("Plate boundaries"), _Marks(points=14.0, sized=15))
    3
    >>> sized_level(HtmlLine("Plates move."), _Marks(points=14.0, sized=10)) is None
    True
    >>> sized_level(HtmlLine("Plate boundaries"), _Marks(points=14.0, sized=15), 14.0) is None
    True
    """
    if mark.points < body + 2:
        return None
    text = line.text.strip()
    letters = sum(ch.isalnum() for ch in text)
    whole = mark.sized == letters or (not mark.sized and mark.points)
    if line.depth >= 0 or not whole or text.endswith((".", ":", ";", ",")):
        return None
    if len(text.split()) > _HEADING_WORDS:
        return None
    return next((level for points, level in _HEADING_POINTS if mark.points >= points), None)


def is_property_table(rows: list[tuple[int, list[str]]]) -> bool:
    """Is a table a note's properties (each row a label of :data:`_PROPERTY_LABELS` and
    its value), not notes?

    >>> is_property_table([(1, ["Created:", "1/22/2024"]), (2, ["Tags:", "geology"])])
    True
    >>> is_property_table([(1, ["Created", "1/22/2024"]), (2, ["Basalt", "dark"])])
    False
    """
    return bool(rows) and all(
        len(cells) == 2 and cells[0].strip().rstrip(":").strip().lower() in _PROPERTY_LABELS
        for _, cells in rows
    )


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


def _joined(
    lines: list[tuple[HtmlLine, _Marks]], k: int
) -> tuple[str, list[tuple[int, int, str]], int]:
    """The text and emphasis of line ``k`` with the lines that go on it (cut at
    :data:`LONG_LINE_CHARS`), joined once, and the index of the line after them: one
    paragraph is one block, its pieces never joined one by one to a growing line.

    >>> lines = [(HtmlLine("Sedi", [(0, 4, "bold")]), _Marks()),
    ...          (HtmlLine("ment", [(0, 2, "bold")]), _Marks(goes_on=True))]
    >>> _joined(lines, 0)
    ('Sediment', [(0, 4, 'bold'), (4, 6, 'bold')], 2)
    """
    parts: list[str] = []
    runs: list[tuple[int, int, str]] = []
    length = 0
    while True:
        line = lines[k][0]
        runs.extend((s + length, e + length, style) for s, e, style in line.emphasis)
        parts.append(line.text.replace("\n", " "))
        length += len(parts[-1])
        k += 1
        if k == len(lines) or not lines[k][1].goes_on or lines[k][1].table is not None:
            return "".join(parts), runs, k


def blocks(lines: list[tuple[HtmlLine, _Marks]]) -> Iterator[Block]:
    """The Word reader's blocks for a page's lines: headings, paragraphs and list items
    one block each, the rows of one table one block, a term with its explanation (a
    definition list's entry, a toggle) one block."""
    k = 0
    body = body_points(lines)
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
            if not is_property_table(rows):
                yield Block(rows[0][0], "", table=rows)
            continue
        text, runs, k = _joined(lines, k)
        level = mark.level if mark.level is not None else sized_level(line, mark, body)
        yield Block(mark.number, text, level, depth=line.depth, runs=runs)


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
