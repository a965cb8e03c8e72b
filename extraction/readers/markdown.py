"""Markdown notes, including the MyST/d2lbook dialect of Dive into Deep Learning.

Each ATX (``#``) or Setext heading starts a card; its section is the headings above it.
Bodies keep prose and bullets and drop what is not prose: fenced code, display maths,
HTML comments, images, ``:label:``-style directives and framework tabs other than the
first. Inline markup is reduced to its text (links, emphasis, inline code, roles such
as ``:numref:`` and ``:cite:``); inline maths keeps its symbols without LaTeX commands.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extraction.readers._base import CardBuilder, RawNote
from extraction.readers.boilerplate import is_boilerplate
from extraction.records import Card

FORMAT = "markdown"
EXTENSIONS = (".md", ".markdown", ".mdown", ".mkd", ".txt", "")

_ATX = re.compile(r"^(#{1,6})\s+(.*)$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_DIRECTIVE_LINE = re.compile(r"^\s*:(?:label|width|eqlabel|bibliography|begin_tab|end_tab):")
_TAB_OPEN = re.compile(r"^\s*:begin_tab:`([^`]*)`")
_TAB_CLOSE = re.compile(r"^\s*:end_tab:")
_IMAGE_LINE = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$")
# Inline spans have bounded lengths: an unbounded ``.+?`` rescans the rest of the line
# from every unclosed opener, which is quadratic on a long line of ``**`` or ``[``.
_INLINE = (
    (re.compile(r"!\[([^\]]{0,500})\]\([^)]{0,2000}\)"), r"\1"),  # images -> alt text
    (re.compile(r"\[([^\]]{1,500})\]\([^)]{0,2000}\)"), r"\1"),  # links -> text
    (re.compile(r":(?:numref|ref|eqref):`[^`]{0,500}`"), ""),  # cross references
    (re.compile(r":(?:cite|citet|citep):`[^`]{0,500}`"), ""),  # citations
    (re.compile(r":[a-z_]{1,40}:`([^`]{0,500})`"), r"\1"),  # other roles -> content
    (re.compile(r"`([^`]+)`"), r"\1"),  # inline code
    (re.compile(r"(\*\*|__)(.{1,500}?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])([*_])(?!\s)(.{1,500}?)(?<!\s)\1(?![\w*])"), r"\2"),  # italics
    (re.compile(r"<[^>\n]{1,200}>"), ""),  # inline HTML tags
)
_LATEX_COMMAND = re.compile(
    r"\\(?:mathbf|mathrm|textrm|text|mathit|boldsymbol|mathcal|operatorname)"
)
_LATEX_OTHER = re.compile(r"\\([A-Za-z]+)")
_INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\$)([^$\n]+?)\$")


def latex_to_text(expr: str) -> str:
    r"""Reduce an inline formula to readable symbols.

    Command names go (``\\ldots`` is no word of the notes); symbols stay.

    >>> latex_to_text(r"\mathbf{W}_{xh} \in \mathbb{R}^{d}")
    'W_xh R^d'
    >>> latex_to_text(r"x_1, \ldots, x_n")
    'x_1, , x_n'
    """
    expr = _LATEX_COMMAND.sub("", expr)
    expr = re.sub(r"\\mathbb\{(\w)\}", r"\1", expr)
    expr = _LATEX_OTHER.sub(" ", expr)
    expr = expr.replace("{", "").replace("}", "")
    return re.sub(r"\s+", " ", expr).strip()


def inline_text(line: str) -> str:
    """Markdown inline markup reduced to its text."""
    line = _INLINE_MATH.sub(lambda m: latex_to_text(m.group(1)), line)
    for pattern, repl in _INLINE:
        line = pattern.sub(repl, line)
    return line.replace("\\*", "*").replace("\\_", "_").strip()


def atx_heading(line: str) -> tuple[int, str] | None:
    """The level and text of an ATX heading line (``"## Title ##"``), else ``None``.

    A closing run of ``#`` is dropped only after a space, as in CommonMark, so that
    "C#" keeps its sharp.

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
    lines = raw.lines[:400]
    headings = sum(1 for t in lines if atx_heading(t))
    if raw.suffix in (".md", ".markdown", ".mdown", ".mkd"):
        return 0.9
    fences = sum(1 for t in lines if _FENCE.match(t))
    return 0.65 if headings >= 2 or (headings and fences) else 0.0


#: Framework tab kept when d2l gives the same prose once per framework.
PREFERRED_TAB = "pytorch"


def _preferred_tab(lines: list[str], start: int) -> str:
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


def _prose_lines(raw: RawNote) -> Iterator[tuple[int, str, int]]:
    """Yield ``(line number, text, heading level)`` for the lines worth reading.

    The level is 0 for body text. Code, display maths, directives and extra
    framework tabs are skipped.
    """
    lines = raw.lines
    fence: str | None = None
    in_math = False
    in_tab = False
    tab_group = False  # a tab was seen and no prose has followed the group yet
    skip_tab = False
    keep = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        number = i + 1
        i += 1
        if fence:
            if line.strip().startswith(fence):
                fence = None
            continue
        if m := _FENCE.match(line):
            fence = m.group(1)
            continue
        stripped = line.strip()
        if in_math or stripped.startswith("$$"):
            closes = stripped.endswith("$$") and (in_math or len(stripped) > 2)
            in_math = not closes
            continue
        if m := _TAB_OPEN.match(line):
            if not tab_group:
                keep = _preferred_tab(lines, i - 1)
            in_tab, tab_group = True, True
            skip_tab = m.group(1) != keep
            continue
        if _TAB_CLOSE.match(line):
            in_tab = skip_tab = False
            continue
        if skip_tab or _DIRECTIVE_LINE.match(line) or _IMAGE_LINE.match(line):
            continue
        if not stripped:
            yield number, "", 0
            continue
        if not in_tab:
            tab_group = False
        if heading := atx_heading(line):
            level, text = heading
            yield number, inline_text(text), level
            continue
        if i < len(lines) and _SETEXT.match(lines[i]) and not stripped.startswith(("-", "*")):
            level = 1 if lines[i].strip().startswith("=") else 2
            i += 1
            yield number, inline_text(stripped), level
            continue
        yield number, inline_text(stripped), 0


def read(raw: RawNote) -> Iterator[Card]:
    text = blank_html_comments(raw.text)
    if text != raw.text:
        raw = RawNote(path=raw.path, data=raw.data, name=raw.name)
        raw.__dict__["text"] = text
        raw.__dict__["lines"] = text.split("\n")
    builder = CardBuilder(raw, FORMAT)
    path: list[tuple[int, str, int]] = []  # (level, heading, line)
    title, title_line = "", 0
    body: list[tuple[int, str]] = []

    def flush() -> Iterator[Card]:
        if title or any(t for _, t in body):
            above = path[:-1] if title else path
            yield builder.card(
                title=title,
                body_lines=body,
                title_line=title_line,
                section=[h for _, h, _ in above],
                section_lines=[n for _, _, n in above],
            )

    for number, line, level in _prose_lines(raw):
        if level:
            yield from flush()
            path = [p for p in path if p[0] < level] + [(level, line, number)]
            title, title_line, body = line, number, []
        elif not is_boilerplate(line) or not line:
            body.append((number, line))
    yield from flush()
