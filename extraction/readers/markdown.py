"""Markdown notes, parsed with markdown-it-py (CommonMark) and its plugins.

The parser is CommonMark with HTML, GFM tables, front matter, ``$``/``$$`` maths
(dollarmath), definition lists, Pandoc ``:::`` fenced divs (their content is read as
Markdown) and ``[text]{#anchor}`` attributes. On top of it come the MyST/d2lbook habits
of *Dive into Deep Learning*: ``:role:`content``` and ``{role}`content``` roles,
``:label:``-style directive lines, and framework tabs (``:begin_tab:`pytorch```), of
which one is kept.

Each heading starts a card (title = the heading, ``title_kind="heading"``; section =
the headings above it, under the front matter's ``title``). A heading inside a ``:::``
div (a lesson's exercise or callout box) heads that div only, under the headings over
the div: when the div closes, the section it sits in continues, in a card without a title
under that section's headings. Its body holds one logical line per paragraph or list
item, soft line breaks joined, with the file line of each joined line
(``Card.line_starts``), except before a typed line that opens a label of its own (a
glossary's "Jitter: ..." lines stay one line each, as a text format and Obsidian show
them); list items keep their depth and parent (the enclosing item, or the paragraph
that introduces the list); ``**bold**``, ``*italic*``, ``<b>``, ``<em>``,
``<u>`` ... are kept as emphasis runs, and the text of a link that leads out of the notes
(``[text](https://...)``, ``<a href>``) as a ``link`` run. What is not prose never
reaches the body: code blocks and fences at any indentation, display maths, images, HTML
comments, cross references and citations; inline code stays only when it reads as a word
(`` `Dense` `` but not `` `tf.multiply(x)` ``) and inline maths only keeps the words it
spells (``\\text{argmax}``). Entities are decoded by the parser.

The front matter's ``description``, ``summary`` or ``abstract`` (the page's own summary of
what it covers) is a card of kind ``summary`` without a title, unless it only restates
the page's title.

A table becomes a :class:`~extraction.records.Table` of the card; a two-column table of
terms and their explanations, and each entry of a definition list, become term cards
(``title_kind="term"``) under the heading. So do an Obsidian callout titled by a short
phrase (:func:`callout`), a list of items each a term or a question over the one line
that explains it (:func:`item_term_pairs`, a Notion toggle too), and paragraphs whose
first line asks or that hold a spaced-repetition card's front and back split by a "?"
line (:func:`question_lines`); "Term::definition" lines read as "Term: definition"
(:func:`inline_fields`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from extraction.errors import ReadError
from extraction.readers._base import Body, BodyLine, CardBuilder, RawNote, dominant, tidy
from extraction.readers._html import code_words, html_lines, links_out, restates
from extraction.readers.boilerplate import is_boilerplate
from extraction.readers.paragraphs import opens_label, text_body
from extraction.readers.prompts import is_question, prompt_kind
from extraction.readers.qa_list import ANSWER_LABEL, QUESTION_LABEL, first_choice, is_labelled
from extraction.records import Card, Table

FORMAT = "markdown"
EXTENSIONS = (".md", ".markdown", ".mdown", ".mkd", ".txt", "")

_ATX = re.compile(r"^(#{1,6})\s+(.*)$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_DIRECTIVE_LINE = re.compile(r"^\s*:(?:label|width|eqlabel|bibliography|begin_tab|end_tab):")
_TAB_OPEN = re.compile(r"^\s*:begin_tab:`([^`]*)`")
_TAB_CLOSE = re.compile(r"^\s*:end_tab:")
#: A role's name at the end of the text before its backquoted content.
_ROLE = re.compile(r"(?::([A-Za-z][\w+-]{0,40}):|\{([A-Za-z][\w+:-]{0,40})\})$")
#: Roles whose content is a reference, never text of the notes.
REFERENCE_ROLES = frozenset(
    {"numref", "ref", "eqref", "cite", "citet", "citep", "label", "eqlabel", "doc"}
    | {"width", "height", "bibliography", "begin_tab", "end_tab", "download", "footcite"}
)
#: LaTeX commands whose argument is words: ``\text{argmax}``.
_MATH_WORDS = re.compile(
    r"\\(?:text|textrm|textit|textbf|mathrm|operatorname|mbox)\s*\{([A-Za-z][A-Za-z -]*)\}"
)
#: Admonitions written as MyST fences (```{note}): their content is prose.
ADMONITIONS = frozenset(
    "note warning tip hint important caution attention danger error seealso admonition".split()
)
_EMPHASIS_TAGS = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline"}
#: A paragraph without a letter ("(**" around d2l's display maths) says nothing.
_LETTER = re.compile(r"[^\W\d_]")
#: An attribute block left after an image: ``{alt='Stacking' width=50%}``.
_ATTRS = re.compile(r"\{[^{}\n]{0,500}\}")
_HTML_TAG = re.compile(r"^<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*?(/?)>$")

#: Framework tab kept when d2l gives the same prose once per framework.
PREFERRED_TAB = "pytorch"


@cache
def parser() -> MarkdownIt:
    """The Markdown parser: CommonMark + HTML, tables, front matter, maths, definition
    lists, ``:::`` divs and ``{#attrs}``. Nesting is capped at 20 levels (CommonMark
    preset), which bounds the work on hostile nested lists and quotes."""
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    md.use(front_matter_plugin)
    md.use(dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True)
    md.use(deflist_plugin)
    md.use(attrs_plugin, spans=True)
    md.use(container_plugin, name="div", validate=lambda *_: True)
    return md


def math_words(expr: str) -> str:
    r"""The words an inline formula spells, if any: ``\text{argmax}(x)`` -> "argmax";
    symbols alone give "".

    >>> math_words(r"\text{argmax}(\mathbf{x})"), math_words(r"\Delta H_c")
    ('argmax', '')
    >>> math_words(r"\mathbf{W}_{\textrm{xi}} + \mathbf{b}_\textrm{out}")
    ''
    """
    words = []
    for match in _MATH_WORDS.finditer(expr):
        before = expr[: match.start()].rstrip(" {")
        if len(match.group(1).strip()) > 2 and not before.endswith(("_", "^")):
            words.append(match.group(1).strip())  # not a subscript such as W_{\textrm{xi}}
    return " ".join(words)


def atx_heading(line: str) -> tuple[int, str] | None:
    """The level and text of an ATX heading line (``"## Title ##"``), else ``None``.

    >>> atx_heading("## Gated units ##"), atx_heading("# C#"), atx_heading("#hashtag")
    ((2, 'Gated units'), (1, 'C#'), None)
    """
    match = _ATX.match(line)
    if not match:
        return None
    text = match.group(2).strip()
    closed = text.rstrip("#")
    if closed != text and (not closed or closed[-1].isspace()):
        text = closed.rstrip()
    return len(match.group(1)), text


def blank_html_comments(text: str) -> str:
    """``text`` with each ``<!-- ... -->`` replaced by its line breaks, in one pass.

    An unclosed comment is left as it is.

    >>> blank_html_comments("a<!-- x\\ny -->b <!-- open")
    'a\\nb <!-- open'
    """
    parts: list[str] = []
    position = 0
    while (start := text.find("<!--", position)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        parts += [text[position:start], "\n" * text.count("\n", start, end)]
        position = end + 3
    parts.append(text[position:])
    return "".join(parts)


def sniff(raw: RawNote) -> float:
    if not raw.is_text:
        return 0.0
    if raw.suffix in (".md", ".markdown", ".mdown", ".mkd"):
        return 0.9
    lines = raw.lines[:400]
    headings = sum(1 for t in lines if atx_heading(t))
    fences = sum(1 for t in lines if _FENCE.match(t))
    return 0.65 if headings >= 2 or (headings and fences) else 0.0


def _preferred_tab(lines: Sequence[str], start: int) -> str:
    """The tab to keep in the group of framework tabs that opens at ``lines[start]``."""
    names: list[str] = []
    in_tab = False
    for line in lines[start:]:
        if m := _TAB_OPEN.match(line):
            names.append(m.group(1))
            in_tab = True
        elif _TAB_CLOSE.match(line):
            in_tab = False
        elif line.strip() and not in_tab:
            break
    return next((n for n in names if PREFERRED_TAB in n), names[0])


#: An Obsidian inline field or one-line spaced-repetition card: "Term::definition",
#: "- Term:: definition", "Term:::definition" (a reversible card); the term starts
#: with a letter and holds words only (no code: "imgs[::2]").
_INLINE_FIELD = re.compile(
    r"^( {0,3}(?:[-*+]\s+)?|\s*[-*+]\s+)"  # not indented as code, unless a list item
    r"([^\W\d_](?:[\w'’()/&,. -]{0,78}[\w)])?)\s*:{2,3}(?!:)\s*(?=\S)"
)


def inline_fields(lines: Sequence[str]) -> list[str]:
    """``lines`` with each "Term::definition" line written "Term: definition", as the
    label line it is; lines inside code fences are left alone.

    >>> inline_fields(["Kiln::A furnace", "- Glaze:: a glassy coat", "```", "a::b", "```"])
    ['Kiln: A furnace', '- Glaze: a glassy coat', '```', 'a::b', '```']
    >>> inline_fields(["x = imgs[::2]", "a = b[1::3]"])
    ['x = imgs[::2]', 'a = b[1::3]']

    Code stays code: inside a longer fence that a shorter one does not close, and in a
    block indented four spaces (a nested list item is still read).

    >>> inline_fields(["````", "```", "Foo::bar", "````", "", "    std::vector<int> v;"])
    ['````', '```', 'Foo::bar', '````', '', '    std::vector<int> v;']
    >>> inline_fields(["- Clay", "    - Slip:: liquid clay"])
    ['- Clay', '    - Slip: liquid clay']
    """
    out: list[str] = []
    fence = ""
    for line in lines:
        if m := _FENCE.match(line):
            if not fence:
                fence = m.group(1)  # the whole opening fence: a shorter one does not close it
            elif line.strip().startswith(fence):
                fence = ""
        elif not fence:
            line = _INLINE_FIELD.sub(r"\1\2: ", line, count=1)
        out.append(line)
    return out


def blank_directives(lines: Sequence[str]) -> list[str]:
    """``lines`` with d2l's directive lines (``:label:``, ``:width:`` ...), tab markers,
    the framework tabs other than the preferred one and display maths (``$$`` lines to
    the closing ``$$``, or to the end when it never closes) blanked, line numbers kept;
    lines inside code fences are left alone.

    >>> blank_directives([":begin_tab:`mxnet`", "M", ":end_tab:", ":begin_tab:`pytorch`",
    ...                   "P", ":end_tab:", ":label:`x`", "Q"])
    ['', '', '', '', 'P', '', '', 'Q']
    >>> blank_directives([":begin_tab:`pytorch, mxnet`", "P", ":end_tab:", "",
    ...                   ":begin_tab:`jax`", "J", ":end_tab:"])
    ['', 'P', '', '', '', '', '']
    >>> blank_directives(["a", "$$", "x = 1", "$$", "b", "$$x$$", "$$", "open"])
    ['a', '', '', '', 'b', '', '', '']
    """
    out = list(lines)
    fence = ""
    skip = False
    keep = ""
    group = False  # inside a group of tabs (no prose since the last one closed)
    in_tab = False
    in_math = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        if in_math or (not fence and stripped.startswith("$$")):
            # display maths, blanked here so that an unclosed "$$" hides the rest of the
            # file (as a fence does) instead of making one huge paragraph of it
            closes = stripped.endswith("$$") and (in_math or len(stripped) > 2)
            in_math = not closes
            out[i] = ""
            continue
        if fence:
            if line.strip().startswith(fence):
                fence = ""
            if skip:
                out[i] = ""
            continue
        if m := _FENCE.match(line):
            fence = m.group(1)
            if skip:
                out[i] = ""
            continue
        if m := _TAB_OPEN.match(line):
            if not group:
                keep = _preferred_tab(lines, i)
            group = in_tab = True
            skip = m.group(1) != keep
            out[i] = ""
        elif _TAB_CLOSE.match(line):
            skip = in_tab = False
            out[i] = ""
        elif skip or _DIRECTIVE_LINE.match(line):
            out[i] = ""
        elif line.strip() and not in_tab:
            group = False
    return out


# -- inline text -------------------------------------------------------------------


@dataclass
class Inline:
    """The text of an inline token run: text, emphasis runs and the file line of each
    joined line."""

    text: str = ""
    emphasis: list[tuple[int, int, str]] = field(default_factory=list)
    starts: list[tuple[int, int]] = field(default_factory=list)


#: A section number opening a heading before a word: "2. ", "IV) ", "2.3. ", and "2.3 "
#: before a capital ("2.5 kg samples" is a quantity).
HEADING_NUMBER = re.compile(
    r"^(?:(?:(?:\d{1,2}|[IVX]{1,4})[.)]|\d{1,2}(?:\.\d{1,2})+\.)\s+(?=[^\W\d_])"
    r"|\d{1,2}(?:\.\d{1,2})+\s+(?=[A-Z]))"
)


def unnumbered(heading: Inline) -> Inline:
    """A heading's text without the section number that opens it ("## 2. Glaciers",
    "### 3.1 Moraines"), its emphasis and line starts moved with it; a number that is
    not followed by a word ("## 1984") or a quantity ("## 2.5 kg samples") stays.

    >>> unnumbered(Inline("2. Glacial Erosion", [(11, 18, "bold")], [(0, 4)]))
    Inline(text='Glacial Erosion', emphasis=[(8, 15, 'bold')], starts=[(0, 4)])
    >>> [unnumbered(Inline(t)).text for t in ("3.1 Moraines", "1984", "2.5 kg samples")]
    ['Moraines', '1984', '2.5 kg samples']
    """
    match = HEADING_NUMBER.match(heading.text)
    if match is None:
        return heading
    cut = match.end()
    return Inline(
        heading.text[cut:],
        [(max(0, a - cut), max(0, b - cut), kind) for a, b, kind in heading.emphasis],
        [(max(0, offset - cut), line) for offset, line in heading.starts],
    )


#: Characters on each side of a typed line that decide whether it opens a label: more
#: than a label (at most 60 characters and its colon: ``paragraphs._LABEL``) needs.
LABEL_WINDOW = 256


def label_lines(text: Inline) -> list[Inline]:
    """``text`` cut before each of its typed lines that opens a label of its own
    (:func:`~extraction.readers.paragraphs.opens_label`): Markdown renders the lines of a
    glossary ("Latency: ..." / "Jitter: ...") as one paragraph, but each is a line of
    its own, as a text format reads it (and as Obsidian shows it).

    >>> parts = label_lines(Inline("Latency: delay. Jitter: its variation", [], [(0, 3), (16, 4)]))
    >>> [(p.text, p.starts) for p in parts]
    [('Latency: delay.', [(0, 3)]), ('Jitter: its variation', [(0, 4)])]
    """
    # each typed line is asked about with a window of the text around it, wider than a
    # label and the end of a line: slicing all the text before and after each line made
    # a paragraph of many lines quadratic
    cuts = [
        k
        for k, _ in text.starts[1:]
        if 0 < k < len(text.text)
        and opens_label(text.text[max(0, k - LABEL_WINDOW) : k], text.text[k : k + LABEL_WINDOW])
    ]
    if not cuts:
        return [text]
    parts = []
    for start, end in zip([0, *cuts], [*cuts, len(text.text)], strict=True):
        piece = text.text[start:end].rstrip()
        parts.append(
            Inline(
                piece,
                [
                    (max(s, start) - start, min(e, start + len(piece)) - start, style)
                    for s, e, style in text.emphasis
                    if s < start + len(piece) and e > start
                ],
                [(k - start, n) for k, n in text.starts if start <= k < end],
            )
        )
    return parts


def render_inline(children: Sequence[Token], line: int) -> Inline:
    """Text of inline tokens starting on file line ``line`` (1-based): soft and hard
    breaks join lines, emphasis is recorded, images, references and code that is not a
    word are dropped, maths keeps its words."""
    if len(children) == 1 and children[0].type == "text":  # plain text: most headings
        return Inline(children[0].content, [], [(0, line)])
    out = Inline(starts=[(0, line)])
    parts: list[str] = []
    length = 0
    open_runs: dict[str, list[int]] = {}

    def add(text: str) -> None:
        nonlocal length
        if text:
            parts.append(text)
            length += len(text)

    def opening(style: str) -> None:
        open_runs.setdefault(style, []).append(length)

    def closing(style: str) -> None:
        if open_runs.get(style):
            out.emphasis.append((open_runs[style].pop(), length, style))

    links: list[bool] = []  # for each open link: does it lead out of the notes?
    after_image = after_bold = False
    code_at: int | None = None  # where the text of an open HTML <code> starts in parts
    for tok in children:
        kind = tok.type
        if kind == "text":
            text = tok.content
            if after_image and (attrs := _ATTRS.match(text)):  # {alt='...'} not parsed
                text = text[attrs.end() :]
            if after_bold and text.startswith("]"):
                text = text[1:]
            add(text)
        elif kind in ("softbreak", "hardbreak"):
            add(" ")
            line += 1
            out.starts.append((length, line))
        elif kind == "code_inline":
            role = _ROLE.search(parts[-1]) if parts else None
            if role:
                name = role.group(1) or role.group(2)
                parts[-1] = parts[-1][: role.start()]
                length = sum(map(len, parts))
                if name not in REFERENCE_ROLES:
                    add(code_words(tok.content) or tok.content if name != "math" else "")
            else:
                add(code_words(tok.content))
        elif kind in ("strong_open", "em_open"):
            if parts and parts[-1].endswith("[") and kind == "strong_open":
                parts[-1] = parts[-1][:-1]  # d2l's "[**linked words**]"
                length -= 1
            opening("bold" if kind == "strong_open" else "italic")
        elif kind in ("strong_close", "em_close"):
            closing("bold" if kind == "strong_close" else "italic")
        elif kind == "link_open":
            links.append(links_out(str(tok.attrGet("href") or "")))
            if links[-1]:
                opening("link")
        elif kind == "link_close":
            if links and links.pop():
                closing("link")
        elif kind in ("math_inline", "math_inline_double"):
            add(math_words(tok.content))
        elif kind == "html_inline":
            tag = _HTML_TAG.match(tok.content.strip())
            if tag and tag.group(2).lower() in _EMPHASIS_TAGS:
                style = _EMPHASIS_TAGS[tag.group(2).lower()]
                closing(style) if tag.group(1) else opening(style)
            elif tag and tag.group(2).lower() == "br":
                add(" ")
            elif tag and tag.group(2).lower() == "code":  # HTML's inline code, as `code`
                if not tag.group(1):
                    code_at = len(parts)
                elif code_at is not None:
                    code = "".join(parts[code_at:])
                    del parts[code_at:]
                    length, code_at = sum(map(len, parts)), None
                    add(code_words(code))
        after_image = kind == "image"
        after_bold = kind == "strong_close"
    out.text = "".join(parts)
    return out


def inline_text(source: str) -> str:
    """Markdown inline markup reduced to its text (as a card's body shows it).

    >>> inline_text("**bold**, a [link](http://x.y), `w**2` and $\\\\Delta H$ :numref:`f`")
    'bold, a link, and'
    """
    tokens = parser().parseInline(source)
    return tidy(render_inline(tokens[0].children or [], 1).text)[0] if tokens else ""


# -- blocks -> cards ---------------------------------------------------------------


def _line(token: Token, offset: int) -> int:
    return (token.map[0] if token.map else 0) + 1 + offset


@dataclass
class _Card:
    """A card being collected."""

    title: str = ""
    title_kind: str = "heading"
    title_line: int = 0
    title_emphasis: list[tuple[int, int, str]] = field(default_factory=list)
    section: tuple[tuple[str, int], ...] = ()
    body: Body = field(default_factory=Body)
    tables: list[Table] = field(default_factory=list)
    last_line: int = 0


@dataclass
class _Reader:
    """Walks the token stream of one file and collects its cards."""

    builder: CardBuilder
    root: tuple[tuple[str, int], ...] = ()
    path: list[tuple[int, str, int]] = field(default_factory=list)  # (level, heading, line)
    current: _Card = field(default_factory=_Card)
    pending: list[_Card] = field(default_factory=list)  # term cards after the current one
    cards: list[Card] = field(default_factory=list)
    #: for each open ``:::`` div: the headings over it and the card it opened in
    divs: list[tuple[list[tuple[int, str, int]], _Card]] = field(default_factory=list)

    def sections(self, including_current: bool) -> tuple[tuple[str, int], ...]:
        above = self.path if including_current else self.path[:-1]
        return (*self.root, *((h, n) for _, h, n in above))

    def flush(self) -> None:
        cards = [c for card in labelled_cards(self.current) for c in item_term_cards(card)]
        for card in (*cards, *self.pending):
            if card.title or card.body or card.tables:
                self.cards.append(
                    self.builder.card(
                        title=card.title,
                        body=card.body,
                        title_line=card.title_line,
                        title_kind=card.title_kind if card.title else "none",
                        title_emphasis=card.title_emphasis,
                        section=[s for s, _ in card.section],
                        section_lines=[n for _, n in card.section],
                        tables=card.tables,
                        last_line=card.last_line or None,
                    )
                )
        self.pending = []

    def summary(self, lines: Sequence[tuple[int, str]], first: int, title: str) -> None:
        """The front matter's summary of the page (``lines`` within the front matter,
        whose first line is file line ``first``) as a ``summary`` card, unless it only
        restates the page's title."""
        pairs = [(first + at, text) for at, text in lines if text]
        if pairs and not restates(" ".join(t for _, t in pairs), title):
            self.cards.append(
                self.builder.card(
                    title="",
                    body=text_body(pairs),
                    title_line=pairs[0][0],
                    section=[s for s, _ in self.root],
                    section_lines=[n for _, n in self.root],
                    title_kind="summary",
                )
            )

    def heading(self, level: int, inline: Inline, line: int) -> None:
        self.flush()
        base = self.divs[-1][0] if self.divs else []  # a div's heading is under its section
        self.path = base + [p for p in self.path[len(base) :] if p[0] < level]
        inline = unnumbered(inline)  # a section's number is no part of its heading
        title = inline.text
        self.path.append((level, title, line))
        self.current = _Card(
            title=title,
            title_line=line,
            title_emphasis=inline.emphasis,
            section=self.sections(including_current=False),
        )

    def open_div(self) -> None:
        """A Pandoc ``:::`` div opens: a heading inside it heads the div only."""
        self.divs.append((list(self.path), self.current))

    def close_div(self) -> bool:
        """A ``:::`` div closes. When a heading inside it started a card, the section
        the div sits in continues: the headings over the div are restored and a card
        without a title under them collects what follows. Returns whether it did."""
        if not self.divs:
            return False
        path, card = self.divs.pop()
        if card is self.current:
            return False
        self.flush()
        self.path = path
        self.current = _Card(section=self.sections(including_current=True))
        return True

    def term_card(self, title: Inline, line: int) -> _Card:
        card = _Card(
            title=title.text,
            title_kind="term",
            title_line=line,
            title_emphasis=title.emphasis,
            section=self.sections(including_current=True),
        )
        self.pending.append(card)
        return card


def _front_matter_title(content: str) -> tuple[str, int]:
    """The ``title:`` of YAML front matter, unquoted (no YAML parser needed for one key),
    and its line within the front matter (0-based).

    >>> _front_matter_title("layout: x\\ntitle: \\"Deep Learning\\"\\n")
    ('Deep Learning', 1)
    """
    for number, line in enumerate(content.split("\n")):
        key, colon, value = line.partition(":")
        if colon and key.strip().lower() == "title":
            return value.strip().strip("'\"").strip(), number
    return "", 0


#: Front matter keys whose value is the page's own summary of what it covers.
_SUMMARY_KEYS = ("description", "summary", "abstract")


def front_matter_summary(content: str) -> list[tuple[int, str]]:
    """The lines of the front matter's ``description``, ``summary`` or ``abstract`` (the
    first one given), each with its line within the front matter (0-based): a value on
    its key's line, or a block (``>`` or ``|``) of the indented lines below it.

    >>> front_matter_summary("title: Tides\\ndescription: 'How the moon moves the sea'\\n")
    [(1, 'How the moon moves the sea')]
    >>> front_matter_summary("summary: >\\n  Spring and neap\\n  tides.\\nlayout: x")
    [(1, 'Spring and neap'), (2, 'tides.')]
    """
    lines = content.split("\n")
    for number, line in enumerate(lines):
        key, colon, value = line.partition(":")
        if not colon or line[:1].isspace() or key.strip().lower() not in _SUMMARY_KEYS:
            continue
        value = value.strip()
        if value and value[0] not in "|>":
            return [(number, value.strip("'\"").strip())]
        block = []
        for at in range(number + 1, len(lines)):
            if lines[at].strip() and not lines[at][:1].isspace():
                break
            if lines[at].strip():
                block.append((at, lines[at].strip()))
        return block
    return []


def _table(tokens: Sequence[Token], start: int, offset: int) -> tuple[Table, int]:
    """The table opening at ``tokens[start]``, and the index after its close."""
    header: list[str] = []
    rows: list[tuple[str, ...]] = []
    row_lines: list[int] = []
    cells: list[str] = []
    in_head = False
    i = start
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "table_close":
            break
        if tok.type == "thead_open":
            in_head = True
        elif tok.type == "thead_close":
            in_head = False
        elif tok.type == "tr_open":
            cells = []
            line = _line(tok, offset)
        elif tok.type == "inline":
            cells.append(tidy(render_inline(tok.children or [], line).text)[0])
        elif tok.type == "tr_close":
            if in_head:
                header = cells
            else:
                rows.append(tuple(cells))
                row_lines.append(line)
        i += 1
    return Table(tuple(header), tuple(rows), tuple(row_lines)), i + 1


def is_term_table(table: Table) -> bool:
    """Two columns: short terms (at most six words) and their explanations (four words
    or more on average), at least two rows.

    >>> rows = (("Magma", "Molten rock below the surface."), ("Lava", "Magma that has erupted."))
    >>> is_term_table(Table(("Term", "Description"), rows))
    True
    """
    rows = [r for r in table.rows if any(r)]
    if len(rows) < 2 or any(len(r) != 2 for r in rows) or len(table.header) not in (0, 2):
        return False
    terms = [r[0] for r in rows]
    if not all(terms) or any(len(t.split()) > 6 or len(t) > 60 for t in terms):
        return False
    words = sum(len(r[1].split()) for r in rows) / len(rows)
    return words >= 4


#: An Obsidian callout's marker opening a block quote: "> [!note] Title", "> [!tip]- Title".
_CALLOUT = re.compile(r"^\[!([A-Za-z][\w-]{0,30})\][+-]?[ \t]*")
#: Most words of a phrase read as a term: a callout's title, a list item over its
#: explanation, a bold line over its definition (:func:`short_term`).
TERM_PHRASE_WORDS = 6


def short_term(text: str) -> bool:
    """Whether ``text`` (stripped) can name a term where the layout puts one: a short
    phrase (at most :data:`TERM_PHRASE_WORDS` words, a letter among them) that ends no
    sentence or clause.

    >>> short_term("Kiln"), short_term("A kiln fires pots."), short_term("Firing, glazing,")
    (True, False, False)
    """
    return (
        bool(_LETTER.search(text))
        and len(text.split()) <= TERM_PHRASE_WORDS
        and not text.endswith((".", "!", "?", ":", ";", ","))
    )


def callout(tokens: Sequence[Token], i: int) -> tuple[list[Token], list[Token]] | None:
    """The title and the rest of the first paragraph of the Obsidian callout that the
    block quote opening at ``tokens[i]`` is, its ``[!type]`` marker left out; ``None``
    for a plain block quote.

    >>> tokens = parser().parse("> [!note] Kiln\\n> A furnace for pottery.")
    >>> title, rest = callout(tokens, 0)
    >>> [t.content for t in title], [t.content for t in rest]
    (['Kiln'], ['A furnace for pottery.'])
    >>> callout(parser().parse("> A quote."), 0) is None
    True
    """
    if i + 2 >= len(tokens) or tokens[i + 1].type != "paragraph_open":
        return None
    children = tokens[i + 2].children or []
    if not children or children[0].type != "text" or not (m := _CALLOUT.match(children[0].content)):
        return None
    first = children[0].copy(content=children[0].content[m.end() :])
    children = [first, *children[1:]]
    end = next((k for k, c in enumerate(children) if c.type in ("softbreak", "hardbreak")), None)
    if end is None:
        return children, []
    return children[:end], children[end + 1 :]


def _callout_term(title: Inline) -> bool:
    """A callout title that names a term (:func:`short_term`)."""
    return short_term(title.text.strip())


def _walk(reader: _Reader, tokens: Sequence[Token], offset: int = 0) -> None:
    """Collect the cards of ``tokens`` (lines shifted by ``offset`` for nested content)."""
    # open lists: (body index of the item being filled or -1, depth)
    items: list[int] = []  # body index of each open list item's first line, -1 before it
    intro = -1  # the last paragraph outside lists: what a list that follows belongs to
    target: _Card = reader.current
    in_item_first = False
    quotes: list[bool] = []  # each open block quote: is it a callout read as a term card?
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        kind = tok.type
        if kind == "blockquote_open":
            parts = callout(tokens, i)
            term = False
            if parts is not None:
                title_children, rest = parts
                line = _line(tok, offset)
                title = render_inline(title_children, line)
                tokens[i + 2].children = rest
                if term := _callout_term(title):
                    target, items, intro = reader.term_card(title, line), [], -1
                elif title.text.strip():
                    _add(target, title, items, False, intro)
            quotes.append(term)
        elif kind == "blockquote_close" and quotes and quotes.pop():
            target, items, intro = reader.current, [], -1
        if kind == "front_matter":
            title, at = _front_matter_title(tok.content)
            if title:
                reader.root = ((title, _line(tok, offset) + 1 + at),)
                reader.current.section = reader.root
            reader.summary(front_matter_summary(tok.content), _line(tok, offset) + 1, title)
        elif kind == "heading_open":
            inline = tokens[i + 1]
            line = _line(tok, offset)
            text = render_inline(inline.children or [], line)
            text.text, mapping = tidy(text.text)
            if mapping is not None:
                text.emphasis = [(mapping(s), mapping(e), st) for s, e, st in text.emphasis]
            if text.text and reader.root and not reader.path and text.text == reader.root[0][0]:
                reader.root = ()  # "# Title" repeating the front matter's title
            reader.heading(int(tok.tag[1]), text, line)
            target, items, intro = reader.current, [], -1
            i += 3
            continue
        elif kind in ("bullet_list_open", "ordered_list_open"):
            if not items:
                items = []
            items.append(-1)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            if items:
                items.pop()
            if not items:
                intro = -1  # a list after this one is no list of the paragraph before
        elif kind == "list_item_open":
            in_item_first = True
        elif kind == "list_item_close":
            if items:
                items[-1] = -1
        elif kind == "paragraph_open":
            inline = tokens[i + 1]
            line = _line(tok, offset)
            rendered = render_inline(inline.children or [], line)
            for text in label_lines(rendered) if not items else [rendered]:
                if _LETTER.search(text.text) and not is_boilerplate(text.text, menus=False):
                    _add(target, text, items, in_item_first, intro)
                    index = len(target.body.lines) - 1
                    if in_item_first and items:
                        items[-1] = index
                    elif not items:
                        intro = index
            in_item_first = False
            i += 3
            continue
        elif kind == "table_open":
            table, i = _table(tokens, i, offset)
            if is_term_table(table):
                for row, line in zip(table.rows, table.row_lines, strict=True):
                    if row[0]:
                        card = reader.term_card(Inline(row[0]), line)
                        card.body.add(line, row[1])
            elif any(table.header) or table.rows:
                target.tables.append(table)
            continue
        elif kind == "dt_open":
            line = _line(tok, offset)
            term = render_inline(tokens[i + 1].children or [], line)
            target = reader.term_card(term, line)
            intro, items = -1, []
            i += 3
            continue
        elif kind == "dl_close":
            target, intro, items = reader.current, -1, []
        elif kind == "html_block" and not tok.content.lstrip().startswith("<!--"):
            line = _line(tok, offset)
            try:
                lines = html_lines(tok.content)
            except ReadError:  # an HTML block too long to be a note: not read
                lines = []
            for html in lines:
                if html.text:
                    target.body.add(line, html.text, emphasis=html.emphasis)
        elif kind == "fence" and _admonition(tok.info):
            _walk_nested(reader, tok, offset)
        elif kind == "container_div_open":
            reader.open_div()  # its lines are its content's: a heading in it heads a card
            i += 1
            continue
        elif kind == "container_div_close" and reader.close_div():
            target, items, intro = reader.current, [], -1  # the section around it goes on
        if tok.map and not tok.hidden:
            target.last_line = max(target.last_line, tok.map[1] + offset)
        i += 1


def _admonition(info: str) -> bool:
    name = info.strip()
    return name.startswith("{") and name[1:].split("}", 1)[0] in ADMONITIONS


def _unlabelled(line: BodyLine, label: int) -> BodyLine:
    """``line`` without its first ``label`` characters (a "Q: " or "A: " label)."""
    text = line.text[label:]
    return BodyLine(
        text,
        [(max(0, k - label), n) for k, n in line.starts if k >= label or k == 0],
        [(max(0, s - label), e - label, style) for s, e, style in line.emphasis if e > label],
        line.depth,
        -1,
    )


def labelled_cards(card: _Card) -> list[_Card]:
    """``card`` and, when its body is a labelled Q/A list (``qa_list.is_labelled``: "Q:
    ..." / "A: ..." lines under a heading), one card per question, under the card's
    headings: the question is the title, the lines from its answer label to the next
    question label the answer, both without their labels (as a text file of Q/A pairs
    is read). Lines before the first question stay in ``card``; a heading that asks,
    answered by one "A: ..." line, loses that label.

    >>> card = _Card(title="Review", title_line=1)
    >>> for n, t in [(3, "Q: What is rent?"), (4, "A: Rent is a payment."),
    ...              (6, "Q: What is a tax?"), (7, "A: A tax is a levy.")]:
    ...     _ = card.body.add(n, t)
    >>> for c in labelled_cards(card):
    ...     print(c.title_line, c.title, [b.text for b in c.body.lines], c.section)
    1 Review [] ()
    3 What is rent? ['Rent is a payment.'] (('Review', 1),)
    6 What is a tax? ['A tax is a levy.'] (('Review', 1),)
    """
    lines = card.body.lines
    if not is_labelled([line.text.strip() for line in lines]):
        if card.title and lines and prompt_kind(card.title) == "question":
            # a heading that asks, answered by one labelled line ("## What is rent?" /
            # "A: Rent is ..."): the label is not part of the answer
            first = lines[0].text
            answer = ANSWER_LABEL.match(first.lstrip())
            if answer and ":" in answer.group() and first.strip()[answer.end() :]:
                lines[0] = _unlabelled(lines[0], len(first) - len(first.lstrip()) + answer.end())
                lines[0].parent = -1
        return [card]
    section = (*card.section, (card.title, card.title_line)) if card.title else card.section
    cards, at, answering = [card], {}, False
    kept = replace(card, body=Body(), last_line=0)  # the lines before the first question
    cards[0] = kept
    for index, line in enumerate(lines):
        text = line.text.strip()
        shift = len(line.text) - len(line.text.lstrip())
        if question := QUESTION_LABEL.match(text):
            asked = _unlabelled(line, shift + question.end())
            cards.append(
                _Card(
                    title=asked.text,
                    title_kind=prompt_kind(asked.text),
                    title_line=line.starts[0][1],
                    title_emphasis=asked.emphasis,
                    section=section,
                )
            )
            at, answering = {}, False
            continue
        target = cards[-1]
        if target is not kept and not answering:
            answer = ANSWER_LABEL.match(text)
            following = [(0, lines[index + 1].text.strip())] if index + 1 < len(lines) else []
            if answer and not first_choice(text, answer, following):
                answering = True
                line = _unlabelled(line, shift + answer.end())
                if not line.text.strip():
                    continue
            else:  # a question of several lines
                target.title = f"{target.title} {text}"
                continue
        parent = at.get(line.parent, -1)
        at[index] = target.body.add(line.starts[0][1], "", depth=line.depth, parent=parent)
        added = target.body.lines[at[index]]
        added.text, added.starts, added.emphasis = line.text, list(line.starts), line.emphasis
    return cards


#: Fewest list items of a card that make a list of terms, each over its explanation.
MIN_ITEM_TERMS = 4


def _item_term(line: BodyLine) -> bool:
    """A list item that names a term (:func:`short_term`) or asks a question."""
    text = line.text.strip()
    return line.depth >= 0 and (short_term(text) or (is_question(text) and text.endswith("?")))


#: The line between the front and the back of a multi-line card of Obsidian's spaced
#: repetition plugin ("Kiln" / "?" / "A furnace ..."; "??" for a reversible one).
CARD_SEPARATOR = re.compile(r"^\?{1,2}$")


def _asked(line: BodyLine) -> tuple[int, int] | None:
    """Where the prompt ends and the answer starts in ``line``, a logical line whose
    first file line is a question ending with "?" or a term set in bold, and whose next
    file lines answer it ("**What is a kiln?**" / "A furnace ...", "**Kiln**" / "A
    furnace ..."), or whose file lines hold a card's front and back split by a line of
    "?" (:data:`CARD_SEPARATOR`); ``None`` for any other.

    >>> body = Body()
    >>> _ = body.add(1, "What is a kiln?"); body.lines[0].append(2, "A furnace.")
    >>> _ = body.add(4, "Kiln"); body.lines[1].append(5, "?"); body.lines[1].append(6, "Hot.")
    >>> _asked(body.lines[0]), _asked(body.lines[1])
    ((16, 16), (5, 7))
    """
    starts = line.starts
    if len(starts) < 2:
        return None
    cut = starts[1][0]
    question = line.text[:cut].strip()
    if len(starts) >= 3 and CARD_SEPARATOR.match(line.text[cut : starts[2][0]].strip()):
        return (cut, starts[2][0]) if question else None
    if question.endswith("?") and is_question(question):
        return cut, cut
    if _bold_term(line, cut):
        return cut, cut
    return None


def _bold_term(line: BodyLine, cut: int) -> bool:
    """The first ``cut`` characters of ``line`` (its first file line) are a term set in
    bold as a whole ("**Kiln**" over its definition), a :func:`short_term`.

    >>> body = Body()
    >>> _ = body.add(1, "Kiln", emphasis=[(0, 4, "bold")]); body.lines[0].append(2, "Hot.")
    >>> _bold_term(body.lines[0], 5)
    True
    """
    head = line.text[:cut]
    term = head.strip()
    lead = len(head) - len(head.lstrip())
    return short_term(term) and any(
        style == "bold" and start <= lead and end >= lead + len(term)
        for start, end, style in line.emphasis
    )


def question_lines(lines: Sequence[BodyLine]) -> list[int]:
    """The lines of ``lines`` that each ask a question on their first file line and
    answer it on the next ones (:func:`_asked`); ``[]`` unless there are at least
    :data:`MIN_ITEM_TERMS` of them and they are three quarters of the lines from the
    first of them on."""
    asked = [k for k, line in enumerate(lines) if _asked(line) is not None]
    if len(asked) < MIN_ITEM_TERMS or not dominant(len(asked), len(lines) - asked[0]):
        return []
    return asked


def item_term_pairs(lines: Sequence[BodyLine]) -> list[int]:
    """The items of ``lines`` that head a list of terms, each item a term over the one
    longer line that explains it: a nested item under it ("- Kiln" / "  - A furnace
    ...") or a paragraph of its own (a Notion toggle); ``[]`` unless there are at least
    :data:`MIN_ITEM_TERMS` of them and they and their explanations are three quarters
    of the lines from the first of them on.

    >>> body = Body()
    >>> for k, (text, depth, parent) in enumerate([("Kiln", 0, -1), ("A furnace.", 1, 0),
    ...         ("Glaze", 0, -1), ("A glassy coat.", 1, 2), ("Slip", 0, -1),
    ...         ("Liquid clay.", -1, -1), ("Grog", 0, -1), ("Fired clay, ground.", 1, 6)]):
    ...     _ = body.add(k + 1, text, depth=depth, parent=parent)
    >>> item_term_pairs(body.lines), item_term_pairs(body.lines[:6])
    ([0, 2, 4, 6], [])
    """
    count = len(lines)
    pairs = []
    for k in range(count - 1):
        item, under = lines[k], lines[k + 1]
        explains = (under.depth == item.depth + 1 and under.parent == k) or under.depth == -1
        closes = k + 2 == count or lines[k + 2].depth <= item.depth
        if (
            _item_term(item)
            and explains
            and closes
            and len(under.text.strip()) > len(item.text.strip())
        ):
            pairs.append(k)
    if len(pairs) < MIN_ITEM_TERMS or not dominant(2 * len(pairs), count - pairs[0]):
        return []
    return pairs


def item_term_cards(card: _Card) -> list[_Card]:
    """``card`` and, when its body is a list of terms each over its explanation
    (:func:`item_term_pairs`), one term card per term, under the card's headings: the
    item is the title, the line under it the body. The other lines stay in ``card``."""
    lines = card.body.lines
    pairs = item_term_pairs(lines)
    asked = [] if pairs else question_lines(lines)
    if not pairs and not asked:
        return [card]
    section = (*card.section, (card.title, card.title_line)) if card.title else card.section
    kept = replace(card, body=Body())  # the lines no pair or question takes
    cards = [kept]
    taken = {k for p in pairs for k in (p, p + 1)} | set(asked)
    for index, line in enumerate(lines):
        if index in taken:
            continue
        at = kept.body.add(line.starts[0][1], "", depth=line.depth, parent=-1)
        added = kept.body.lines[at]
        added.text, added.starts, added.emphasis = line.text, list(line.starts), line.emphasis
    for k in pairs:
        item, under = lines[k], lines[k + 1]
        term = _unlabelled(item, len(item.text) - len(item.text.lstrip()))
        term.text = term.text.strip()
        term_card = _Card(
            title=term.text,
            title_kind=prompt_kind(term.text),
            title_line=item.starts[0][1],
            title_emphasis=term.emphasis,
            section=section,
        )
        at = term_card.body.add(under.starts[0][1], "")
        added = term_card.body.lines[at]
        added.text, added.starts, added.emphasis = under.text, list(under.starts), under.emphasis
        cards.append(term_card)
    for k in asked:
        line = lines[k]
        cut, answer_at = _asked(line) or (0, 0)
        question = line.text[:cut].strip()
        asking = _Card(
            title=question,
            title_kind=prompt_kind(question),
            title_line=line.starts[0][1],
            title_emphasis=[
                (b, min(e, len(question)), st) for b, e, st in line.emphasis if b < len(question)
            ],
            section=section,
        )
        answer = _unlabelled(line, answer_at)
        at = asking.body.add(answer.starts[0][1], "")
        added = asking.body.lines[at]
        added.text, added.starts, added.emphasis = answer.text, answer.starts, answer.emphasis
        cards.append(asking)
    cards[1:] = sorted(cards[1:], key=lambda c: c.title_line)
    return [c for c in cards if c is not kept or c.title or c.body or c.tables]


def _walk_nested(reader: _Reader, tok: Token, offset: int) -> None:
    """The prose inside a MyST admonition fence (```{note}), parsed as Markdown."""
    inner = parser().parse(tok.content)
    _walk(reader, inner, offset + (tok.map[0] + 1 if tok.map else 0))


def _add(card: _Card, text: Inline, items: list[int], is_item: bool, intro: int) -> None:
    """Add a paragraph (or a list item's first paragraph) to ``card``'s body."""
    depth, parent = -1, -1
    if is_item and items:
        depth = len(items) - 1
        enclosing = [k for k in items[:-1] if k >= 0]
        parent = enclosing[-1] if enclosing else intro
    index = card.body.add(text.starts[0][1], "", depth=depth, parent=parent)
    line = card.body.lines[index]
    line.text = text.text
    line.starts = list(text.starts)
    line.emphasis = list(text.emphasis)


def read(raw: RawNote) -> Iterator[Card]:
    """Cards of a Markdown file: one per heading, term-table row and definition-list
    entry (and one for text before the first heading).

    Raises
    ------
    ReadError
        Not text, or over the line-count or line-length limits.
    """
    lines = raw.lines  # checks the limits before parsing
    text = "\n".join(
        inline_fields(blank_directives(blank_html_comments("\n".join(lines)).split("\n")))
    )
    tokens = parser().parse(text)
    reader = _Reader(CardBuilder(raw, FORMAT))
    _walk(reader, tokens)
    reader.flush()
    yield from reader.cards
