"""Anki note fields as plain text: HTML, media, LaTeX and cloze markup removed.

Shared by the readers of Anki packages, CrowdAnki decks and Anki text exports, whose
fields are the same HTML snippets typed in Anki's editor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

from extraction.errors import ReadError
from extraction.limits import MAX_FIELD_CHARS
from extraction.readers._base import code_spans, normalise_glyphs, tidy

#: Tags that start and end a line of text (``<br>`` always starts a new one).
_BLOCK_TAGS = frozenset(
    {"div", "p", "li", "ul", "ol", "tr", "table", "hr", "blockquote"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "section", "article"}
)
#: Tags whose content is never shown as text.
_HIDDEN_TAGS = frozenset({"style", "script", "head", "title", "template"})
#: Table cells: kept on one line, apart.
_CELL_TAGS = frozenset({"td", "th"})
#: A block of code (``<pre>``): never text, as a fenced block of Markdown is not.
_CODE_BLOCK = "pre"
#: Code inside a line (``<code>``): kept as the student sees it. When it reads as a name
#: (:func:`code_words`: "the ``sort`` method") it is a word of the text; otherwise (a
#: statement, an expression: ``x.equals(y)``) it is a ``code`` run, which no stage
#: reads as prose or as stress. One that spans lines is a block of code, never text.
_CODE_SPAN = "code"
#: Inline code kept as text: a word or a short name ("Dense", "ls", "Hash Map").
_WORDLIKE_CODE = re.compile(r"[A-Za-z][A-Za-z0-9-]*(?: [A-Za-z][A-Za-z0-9-]*){0,3}")

# Spans are bounded: an unbounded ``.*?`` rescans the rest of the field from every
# unclosed opener, which is quadratic on a field of repeated "{{c1::".
_SOUND = re.compile(r"\[sound:[^\]]{0,1000}\]")
_LATEX = re.compile(r"\[(\$\$?|latex)\](.{0,5000}?)\[/\1\]", re.DOTALL)
_CLOZE = re.compile(r"\{\{c\d{1,4}::(.{0,5000}?)(?:::[^{}]{0,1000})?\}\}", re.DOTALL)
#: Embedded images (``src="data:image/png;base64,..."``): never text, possibly megabytes.
_DATA_URI = re.compile(r"data:[\w/+.-]{0,100}(?:;[\w=.-]{0,100})*,[A-Za-z0-9+/=%\s]*")
_HTML_HINT = re.compile(
    r"<(?:br|div|p|b|i|u|em|strong|span|li|ul|ol|img|a|sub|sup|font|table|tr|td)\b[^>]{0,2000}>"
    r"|</[a-z][a-z0-9]*\s*>|&(?:nbsp|amp|lt|gt|quot|#\d+|#x[0-9a-f]+);",
    re.IGNORECASE,
)

#: Field names that hold metadata, not the card's text.
METADATA_FIELDS = frozenset({"tags", "difficulty", "source", "id"})


@dataclass
class HtmlLine:
    """One rendered line of an HTML snippet: its text, emphasis runs ``(start, end,
    style)`` and list depth (-1: not a list item)."""

    text: str = ""
    emphasis: list[tuple[int, int, str]] = field(default_factory=list)
    depth: int = -1


_STYLE_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "anki-cloze": "cloze",
}
#: The tag a cloze deletion's text is wrapped in before the field is parsed, so that its
#: run is kept with the style ``cloze`` (no HTML has a tag of that name).
_CLOZE_TAG = "anki-cloze"
#: The style of a run of inline code that is no name: shown, never read as prose.
CODE_STYLE = "code"


def links_out(href: str) -> bool:
    """Does a link to ``href`` lead out of the notes (a web page, another file), rather
    than to a place in the same note ("#osmosis", a table of contents' entry)?

    >>> links_out("https://example.org/enzymes"), links_out("lab.pdf"), links_out("#osmosis")
    (True, True, False)
    """
    return bool(href.strip()) and not href.strip().startswith("#")


def code_words(code: str) -> str:
    """Inline code that reads as a word or short name, else "" (Markdown's inline code
    and HTML's ``<code>``: an identifier or a statement is no text of the notes).

    >>> code_words("Dense"), code_words("tf.multiply(-10.0"), code_words("w**2")
    ('Dense', '', '')
    """
    code = code.strip()
    return code if _WORDLIKE_CODE.fullmatch(code) else ""


_ZERO_WIDTH = str.maketrans({"\u200b": None, "\u00a0": " ", "\u202f": " "})


class _TextExtractor(HTMLParser):
    """Collects the visible text of an HTML snippet, one :class:`HtmlLine` per rendered
    line, with bold/italic/underline runs, the text of links out of the notes as
    ``link`` runs, and list depths."""

    def __init__(self, keep_code: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[HtmlLine] = [HtmlLine()]
        self.hidden = 0
        self.lists = 0
        self.open: dict[str, list[tuple[int, int]]] = {}  # style -> (line, offset) openings
        self.links: list[bool] = []  # for each open <a>: does it lead out of the notes?
        self.code = 0  # depth of open <code> tags
        self.code_text = ""  # the text of the outermost open <code>
        self.code_lines = False  # does that <code> span lines (a block of code)?
        self.keep_code = keep_code  # keep a statement or expression as a ``code`` run?

    def _end_line(self) -> None:
        """Start a new line unless the current one is still empty (block boundaries)."""
        if self.lines[-1].text.strip():
            self._new_line()

    def _new_line(self, depth: int = -1) -> None:
        self._close_runs()
        self.lines.append(HtmlLine(depth=depth))
        for style, opened in self.open.items():
            self.open[style] = [(len(self.lines) - 1, 0) for _ in opened]

    def _close_runs(self) -> None:
        """Emphasis open at the end of a line: record its part on that line."""
        last = len(self.lines) - 1
        line = self.lines[-1]
        for style, opened in self.open.items():
            for at_line, start in opened:
                if at_line == last and len(line.text) > start:
                    line.emphasis.append((start, len(line.text), style))

    # The standard library's parser (CPython < 3.13) raises AssertionError on some
    # malformed markup ("<![$]", odd start tags); returning -1 makes it show the
    # markup as text instead, as browsers do.
    def parse_html_declaration(self, i: int) -> int:
        try:
            return super().parse_html_declaration(i)
        except AssertionError:
            return -1

    def parse_starttag(self, i: int) -> int:
        try:
            return super().parse_starttag(i)
        except AssertionError:
            return -1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.code and not self.hidden:  # inside <code>: only whether it breaks lines
            self.code += tag == _CODE_SPAN
            self.code_lines |= tag == "br" or tag in _BLOCK_TAGS or tag == _CODE_BLOCK
            return
        if tag in _HIDDEN_TAGS or tag == _CODE_BLOCK:
            if tag == _CODE_BLOCK:
                self._end_line()
            self.hidden += 1
        elif tag == _CODE_SPAN:
            if not self.hidden:
                self.code, self.code_text, self.code_lines = 1, "", False
        elif tag == "br":
            self._new_line()
        elif tag in ("ul", "ol"):
            self._end_line()
            self.lists += 1
        elif tag == "li":
            if self.lines[-1].text.strip():
                self._new_line(depth=max(0, self.lists - 1))
            else:
                self.lines[-1].depth = max(0, self.lists - 1)
        elif tag in _BLOCK_TAGS:
            self._end_line()
        elif tag in _CELL_TAGS:
            self.lines[-1].text += " "
        elif tag in _STYLE_TAGS or tag == "a":
            if tag == "a":
                self.links.append(links_out(dict(attrs).get("href") or ""))
                if not self.links[-1]:
                    return
            self.open.setdefault(_STYLE_TAGS.get(tag, "link"), []).append(
                (len(self.lines) - 1, len(self.lines[-1].text))
            )

    def handle_endtag(self, tag: str) -> None:
        if self.code and not self.hidden:
            if tag == _CODE_SPAN:
                self.code -= 1
                if not self.code:
                    self._end_code()
            return
        if tag in _HIDDEN_TAGS or tag == _CODE_BLOCK:
            self.hidden = max(0, self.hidden - 1)
            if tag == _CODE_BLOCK:
                self._end_line()
        elif tag in ("ul", "ol"):
            self.lists = max(0, self.lists - 1)
            self._end_line()
        elif tag in _BLOCK_TAGS:
            self._end_line()
        elif tag == "a" and not (self.links and self.links.pop()):
            return  # a link within the note (or a stray </a>) is no run
        elif (tag in _STYLE_TAGS or tag == "a") and self.open.get(
            style := _STYLE_TAGS.get(tag, "link")
        ):
            at_line, start = self.open[style].pop()
            line = self.lines[-1]
            if at_line == len(self.lines) - 1 and len(line.text) > start:
                line.emphasis.append((start, len(line.text), style))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _HIDDEN_TAGS:
            self.handle_starttag(tag, attrs)

    def _end_code(self) -> None:
        """A closed ``<code>``: its words when it reads as a name on one line; a
        statement or an expression on one line as a ``code`` run; nothing for a block of
        code (one that spans lines)."""
        text = re.sub(r"\s+", " ", self.code_text).strip()
        line = self.lines[-1]
        if self.code_lines or not text:
            pass  # spaces left around dropped code: made one by tidy
        elif code_words(text):
            line.text += code_words(text)
        elif self.keep_code:
            if line.text and not line.text[-1].isspace():
                line.text += " "  # a run of its own, apart from the words before it
            line.emphasis.append((len(line.text), len(line.text) + len(text), CODE_STYLE))
            line.text += text
        self.code_text, self.code_lines = "", False

    def close(self) -> None:
        super().close()
        if self.code and not self.hidden:  # a <code> never closed runs to the end
            self.code = 0
            self._end_code()

    def handle_data(self, data: str) -> None:
        if self.code and not self.hidden:
            self.code_lines |= "\n" in data.strip()
            self.code_text += normalise_glyphs(data.translate(_ZERO_WIDTH))
        elif not self.hidden:
            # Source newlines are spaces in HTML; only tags break lines.
            data = normalise_glyphs(data.translate(_ZERO_WIDTH))
            self.lines[-1].text += re.sub(r"[ \t\r\n\f]+", " ", data)


#: What closes a comment, a marked section (``<![CDATA[ ... ]]>``) and Word's
#: conditional one (``<![if !supportLists]> ... <![endif]>``), as the standard library's
#: parser finds them (``html.parser.commentclose``, ``_markupbase``).
_COMMENT_CLOSE = re.compile(r"--\s*>")
_SECTION_CLOSE = re.compile(r"]\s*]\s*>")
_MS_SECTION_CLOSE = re.compile(r"]\s*>")
#: The marked sections the parser knows, by the closer each needs (1: ``]]>``, 2: ``]>``);
#: it reads no other (``<![$]``, ``<![foo[``) and shows each as text.
_SECTION_CLOSERS = {"temp": 1, "cdata": 1, "ignore": 1, "include": 1, "rcdata": 1}
_SECTION_CLOSERS |= {"if": 2, "else": 2, "endif": 2}
#: An opener of markup: a comment, a marked section and its keyword, or any other ``<``.
_OPENER = re.compile(r"<(?:(!--)|!\[([a-zA-Z][-_.a-zA-Z0-9]*)?)?")


def _last_start(pattern: re.Pattern[str], text: str) -> int:
    """Where the last match of ``pattern`` in ``text`` starts (-1: none)."""
    last = -1
    for found in pattern.finditer(text):
        last = found.start()
    return last


def defuse_unclosed(html: str) -> str:
    """``html`` with each opener of markup that nothing closes shown as text: a ``<``
    after the last ``>``, a ``<!--`` after the last ``-->``, a ``<![CDATA[`` after the
    last ``]]>`` (``<![if`` after the last ``]>``), a marked section the parser does not
    know (``<![$]``) becomes ``&lt;``.

    The standard library's parser, at the end of its input, reads each such opener by
    searching the rest of the text for its closer and, not finding it, shows the opener
    as text and goes on one step: a page of 100,000 ``<!-- a >`` costs minutes, where
    it is linear once the openers are text; and one it cannot read (a section it does not
    know) stops it part way, until all the page is given it. What the parser shows is the
    same text.

    >>> defuse_unclosed("<p>a < b</p><!-- x > y <b")
    '<p>a < b</p>&lt;!-- x > y &lt;b'
    >>> defuse_unclosed("<!-- kept --><![if x]>y<![endif]><![CDATA[ z ]><![$]>")
    '<!-- kept --><![if x]>y<![endif]>&lt;![CDATA[ z ]>&lt;![$]>'
    """
    if "<" not in html:
        return html
    last_tag = html.rfind(">")
    comment = _last_start(_COMMENT_CLOSE, html) if "<!--" in html else -1
    section = ms_section = -1
    if "<![" in html:
        section, ms_section = (
            _last_start(_SECTION_CLOSE, html),
            _last_start(_MS_SECTION_CLOSE, html),
        )

    def shown(found: re.Match[str]) -> str:
        at = found.start()
        if found.group(1):
            closes = comment >= at + 4
        elif found.group(0).startswith("<!["):
            name = (found.group(2) or "").lower()
            closer = _SECTION_CLOSERS.get(name, 0)
            closes = {1: section, 2: ms_section}.get(closer, -1) >= at + 3
        else:
            closes = last_tag > at
        return found.group(0) if closes else "&lt;" + found.group(0)[1:]

    return _OPENER.sub(shown, html)


def looks_like_html(text: str) -> bool:
    """True when ``text`` contains common HTML tags or entities.

    >>> looks_like_html("a<br>b"), looks_like_html("x < y and y > z")
    (True, False)
    """
    return bool(_HTML_HINT.search(text))


def field_lines(html: str) -> list[str]:
    """The lines of text an Anki field shows, cleaned; blank lines only between paragraphs.

    Tags ``<br>``, ``<div>``, ``<p>`` and ``<li>`` end lines (list items start with
    ``"• "``); entities are unescaped; images and ``[sound:...]`` are dropped; Anki LaTeX
    (``[$]x^2[/$]``, ``[latex]...[/latex]``) keeps its source; a cloze ``{{c1::answer::hint}}``
    becomes its answer; ligatures and odd spaces are normalised.

    Parameters
    ----------
    html : str
        The field as stored by Anki.

    Returns
    -------
    list of str
        Non-empty lines, with ``""`` between paragraphs; empty for an image-only field.

    Examples
    --------
    >>> field_lines("A <b>vector</b>&nbsp;is<div>an {{c1::array::what?}}</div><img src='x.jpg'>")
    ['A vector is', 'an array']

    Raises
    ------
    ReadError
        The field is longer than :data:`~extraction.limits.MAX_FIELD_CHARS` once embedded
        ``data:`` images are dropped.
    """
    return [f"• {line.text}" if line.depth >= 0 else line.text for line in html_lines(html)]


def html_lines(html: str) -> list[HtmlLine]:
    """The lines an Anki field (or an HTML block of Markdown) shows, as :class:`HtmlLine`
    records with emphasis and list depth; spaces tidied, empty lines only between
    paragraphs. See :func:`field_lines`, which gives their texts. The text of a cloze
    deletion is a run of its own, in the style ``cloze``.

    >>> [(x.text, x.emphasis, x.depth) for x in html_lines("A <b>bold</b> word<ul><li>x</li></ul>")]
    [('A bold word', [(2, 6, 'bold')], -1), ('x', [], 0)]

    Raises
    ------
    ReadError
        The field is longer than :data:`~extraction.limits.MAX_FIELD_CHARS`.
    """
    html = _DATA_URI.sub("", html)
    if len(html) > MAX_FIELD_CHARS:
        raise ReadError(
            f"a note field has {len(html):,} characters, "
            f"over the {MAX_FIELD_CHARS:,}-character limit"
        )
    html = _SOUND.sub("", html)
    html = _LATEX.sub(lambda m: m.group(2), html)
    html = _CLOZE.sub(lambda m: f"<{_CLOZE_TAG}>{m.group(1)}</{_CLOZE_TAG}>", html)
    html = defuse_unclosed(html)
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    parser._close_runs()
    lines: list[HtmlLine] = []
    for line in parser.lines:
        text, mapping = tidy(line.text, code_spans(line.emphasis))
        runs = line.emphasis
        if mapping is not None:
            runs = [(mapping(s), mapping(e), style) for s, e, style in runs]
        if text and text != "•":
            lines.append(HtmlLine(text, [r for r in runs if r[1] > r[0]], line.depth))
        elif lines and lines[-1].text:
            lines.append(HtmlLine())
    while lines and not lines[-1].text:
        lines.pop()
    return lines


def html_to_text(html: str) -> str:
    """An Anki field as plain text, its lines joined by ``"\\n"``; see :func:`field_lines`.

    >>> html_to_text("Row 1<br>Row&nbsp;2")
    'Row 1\\nRow 2'
    """
    return "\n".join(field_lines(html))


def is_metadata_field(name: str) -> bool:
    """True for a field named like metadata (Tags, Difficulty, Source, ID), any case.

    >>> is_metadata_field("Tags"), is_metadata_field("Back")
    (True, False)
    """
    return name.strip().lower() in METADATA_FIELDS


def note_text(names: Sequence[str], fields: Sequence[str]) -> tuple[str, list[list[str]]]:
    """Split an Anki note into its title and the lines of its other fields.

    Metadata fields are skipped; the first remaining field is the title (its lines
    joined by spaces) and every later non-empty field gives one block of lines.

    Parameters
    ----------
    names : sequence of str
        Field names from the note type; may be shorter than ``fields`` (unknown names).
    fields : sequence of str
        The fields' HTML.

    Returns
    -------
    tuple of (str, list of list of str)
        The title (``""`` when the first field has no text) and the body blocks.

    Examples
    --------
    >>> note_text(["Front", "Back", "Tags"], ["Q<br>?", "<div>A</div>", "x"])
    ('Q ?', [['A']])
    """
    kept = [
        field
        for i, field in enumerate(fields)
        if not (i < len(names) and is_metadata_field(names[i]))
    ]
    if not kept:
        return "", []
    title = " ".join(line for line in field_lines(kept[0]) if line)
    blocks = [lines for lines in map(field_lines, kept[1:]) if lines]
    return title, blocks


def deck_path(name: str) -> tuple[str, ...]:
    """An Anki deck name as its path of deck names (``"A::B"`` -> ``("A", "B")``).

    >>> deck_path("Geology::Plate Tectonics")
    ('Geology', 'Plate Tectonics')
    """
    return tuple(part.strip() for part in name.split("::") if part.strip())


#: At most this many words of a deck's description may be missing from the deck's name
#: for it to be a restatement of the name ("Flashcards for Plate Tectonics").
_RESTATING_WORDS = 3


def deck_description(html: object, name: str) -> list[HtmlLine]:
    """The lines of a deck's description (Anki's and CrowdAnki's ``desc``, HTML), or
    none when it only restates the deck's name: all its words but three at most are
    words of the name.

    >>> [x.text for x in deck_description("Cards on <b>subduction</b> and rifts", "Geology")]
    ['Cards on subduction and rifts']
    >>> deck_description("Flashcards for Plate Tectonics", "Earth::Plate Tectonics")
    []

    Raises
    ------
    ReadError
        The description is longer than :data:`~extraction.limits.MAX_FIELD_CHARS`.
    """
    if not isinstance(html, str) or not html.strip():
        return []
    lines = html_lines(html)
    return [] if restates(" ".join(x.text for x in lines), name) else lines


def restates(description: str, name: str) -> bool:
    """Does a deck's description only restate the deck's name (all its words but
    three at most are words of the name)?

    >>> restates("Comprehensive cards for Enzymes", "Biology::Enzymes")
    True
    >>> restates("Cards on enzymes, including pepsin and amylase", "Biology::Enzymes")
    False
    """
    named = set(re.findall(r"\w+", name.lower()))
    said = re.findall(r"\w+", description.lower())
    return sum(w not in named for w in said) <= _RESTATING_WORDS


def block_lines(blocks: Sequence[Sequence[str]], line: int) -> list[tuple[int, str]]:
    """Body lines for :meth:`CardBuilder.card`: all blocks on one ``line``, a blank between.

    >>> block_lines([["a", "b"], ["c"]], 7)
    [(7, 'a'), (7, 'b'), (7, ''), (7, 'c')]
    """
    pairs: list[tuple[int, str]] = []
    for block in blocks:
        if pairs:
            pairs.append((line, ""))
        pairs.extend((line, text) for text in block)
    return pairs


@dataclass
class NoteParts:
    """An Anki note split for a card: the title (first field, lines joined), its
    emphasis runs, whether it holds a cloze deletion, and the rendered lines of each
    later non-empty field."""

    title: str
    title_emphasis: list[tuple[int, int, str]]
    cloze: bool
    blocks: list[list[HtmlLine]]
    skipped: list[str] = field(default_factory=list)


def _field_label(names: Sequence[str], i: int) -> str:
    """How a message names field ``i`` of a note: its name, else its position."""
    name = " ".join(str(names[i]).split())[:40] if i < len(names) else ""
    return f"field {i + 1} ({name!r})" if name else f"field {i + 1}"


def note_parts(names: Sequence[str], fields: Sequence[str]) -> NoteParts:
    """Like :func:`note_text`, keeping emphasis and list structure.

    A field that cannot be read (over :data:`~extraction.limits.MAX_FIELD_CHARS`) is
    left out, and ``skipped`` says which and why; the note keeps its other fields.

    >>> parts = note_parts(["Text", "Extra"], ["The {{c1::<b>ATP</b>}} cycle", "x"])
    >>> parts.title, parts.title_emphasis, parts.cloze, [[l.text for l in b] for b in parts.blocks]
    ('The ATP cycle', [(4, 7, 'bold'), (4, 7, 'cloze')], True, [['x']])
    >>> print(*note_parts(["Front", "Back"], ["Q", "x" * 30_000]).skipped)
    field 2 ('Back'): a note field has 30,000 characters, over the 20,000-character limit; ...
    """
    kept: list[tuple[int, str]] = [
        (i, field)
        for i, field in enumerate(fields)
        if not (i < len(names) and is_metadata_field(names[i]))
    ]
    if not kept:
        return NoteParts("", [], False, [])
    skipped: list[str] = []
    rendered: list[list[HtmlLine]] = []
    for i, text in kept:
        try:
            rendered.append(html_lines(text))
        except ReadError as exc:
            skipped.append(f"{_field_label(names, i)}: {exc}; field skipped")
            rendered.append([])
    title, runs = "", []
    for line in rendered[0]:
        if not line.text:
            continue
        shift = len(title) + 1 if title else 0
        title = f"{title} {line.text}" if title else line.text
        runs.extend((s + shift, e + shift, style) for s, e, style in line.emphasis)
    blocks = [lines for lines in rendered[1:] if lines]
    cloze = bool(rendered[0]) and bool(_CLOZE.search(kept[0][1]))
    return NoteParts(title, runs, cloze, blocks, skipped)
