"""Anki note fields as plain text: HTML, media, LaTeX and cloze markup removed.

Shared by the readers of Anki packages, CrowdAnki decks and Anki text exports, whose
fields are the same HTML snippets typed in Anki's editor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html.parser import HTMLParser

from extraction.errors import ReadError
from extraction.limits import MAX_FIELD_CHARS
from extraction.readers._base import clean_line, normalise_glyphs

#: Tags that start and end a line of text (``<br>`` always starts a new one).
_BLOCK_TAGS = frozenset(
    {"div", "p", "li", "ul", "ol", "tr", "table", "hr", "blockquote", "pre"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "section", "article"}
)
#: Tags whose content is never shown as text.
_HIDDEN_TAGS = frozenset({"style", "script", "head", "title", "template"})
#: Table cells: kept on one line, apart.
_CELL_TAGS = frozenset({"td", "th"})

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


class _TextExtractor(HTMLParser):
    """Collects the visible text of an HTML snippet, one string per rendered line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.hidden = 0

    def _end_line(self) -> None:
        """Start a new line unless the current one is still empty (block boundaries)."""
        if self.lines[-1].strip():
            self.lines.append("")

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
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        elif tag == "br":
            self.lines.append("")
        elif tag in _BLOCK_TAGS:
            self._end_line()
            if tag == "li":
                self.lines[-1] = "• "
        elif tag in _CELL_TAGS:
            self.lines[-1] += " "

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK_TAGS:
            self._end_line()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _HIDDEN_TAGS:
            self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            # Source newlines are spaces in HTML; only tags break lines.
            self.lines[-1] += re.sub(r"[ \t\r\n\f]+", " ", data)


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
    html = _DATA_URI.sub("", html)
    if len(html) > MAX_FIELD_CHARS:
        raise ReadError(
            f"a note field has {len(html):,} characters, "
            f"over the {MAX_FIELD_CHARS:,}-character limit"
        )
    # A "<" after the last ">" opens a tag that never closes; the standard library's
    # parser (before Python 3.12.11) rescans the rest of the field from each one.
    last_close = html.rfind(">") + 1
    html = html[:last_close] + html[last_close:].replace("<", "&lt;")
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "\n".join(parser.lines)
    text = _SOUND.sub("", text)
    text = _LATEX.sub(lambda m: m.group(2), text)
    text = _CLOZE.sub(lambda m: m.group(1), text)
    lines: list[str] = []
    for line in normalise_glyphs(text).split("\n"):
        line = re.sub(r" {2,}", " ", clean_line(line))
        if line and line != "•":
            lines.append(line)
        elif lines and lines[-1]:
            lines.append("")
    while lines and not lines[-1]:
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

    >>> deck_path("Deep Learning::Optimisation")
    ('Deep Learning', 'Optimisation')
    """
    return tuple(part.strip() for part in name.split("::") if part.strip())


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
