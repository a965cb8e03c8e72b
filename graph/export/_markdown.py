r"""Note text in Markdown files (the study guide, an Obsidian vault), escaped only where
the syntax needs it.

:func:`graph.render.escape_markdown` escapes every punctuation character, which
Streamlit needs (its directives and KaTeX act on ``:`` and ``$``) but which leaves a
Markdown file full of ``\(ATP\)`` and ``notes\_1\.txt``. A file is read by people too,
so here a character is escaped only where CommonMark, GitHub or Obsidian would act on
it: what could open emphasis, code, a link, an image, raw HTML, an entity, maths, a
strikethrough, a highlight, a comment, a tag or a block reference anywhere in a line,
and what starts a heading, quote, list, rule or table at the start of a line.
``tests/graph/test_export_markdown.py`` renders the result with markdown-it and checks
that the visible text is the note's text, character for character.
"""

from __future__ import annotations

import re

from graph.export._base import writable

#: A character reference that CommonMark would decode (``&amp;``, ``&#38;``, ``&#x26;``).
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
#: At the start of a line: a heading, a quote, a list item or a thematic break.
_BLOCK_START = re.compile(r"#{1,6}(?=[ \t]|$)|>|[-+*](?=[ \t]|$)")
#: A whole line that is a setext underline or a thematic break ("===", "---", "* * *").
_RULE_LINE = re.compile(r"([-=_*+])(?:[ \t]*\1)*[ \t]*$")
#: An ordered list item: up to nine digits, then "." or ")" and a space or the line end.
_ORDERED = re.compile(r"[0-9]{1,9}([.)])(?=[ \t]|$)")
_ASCII_PUNCTUATION = frozenset(r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~""")
#: Always escaped: code spans and fences, link and image brackets, maths.
_ALWAYS = frozenset("`[$")


def escape(text: str) -> str:
    r"""``text`` as Markdown that shows exactly ``text``, line breaks kept as hard breaks.

    Leading and trailing spaces of each line are dropped (indentation would make code).
    Control characters but tab and line breaks, and lone surrogates, become U+FFFD
    (:func:`graph.export._base.writable`).

    Examples
    --------
    >>> print(escape("Enzyme: the (ATP) step, see lab_2.txt"))
    Enzyme: the (ATP) step, see lab_2.txt
    >>> print(escape("*not bold* [no link](x) `code` $x$ <b> &amp; _x_ a_b"))
    \*not bold\* \[no link](x) \`code\` \$x\$ \<b> \&amp; \_x\_ a_b
    >>> escape("# Heading\n1. step\n- item\n===").split("  \n")  # hard line breaks
    ['\\# Heading', '1\\. step', '\\- item', '\\=\\=\\=']
    >>> print(escape("==mark== %%hidden%% #tag ^block C# x^2 2 * 3 ~5 %"))
    \=\=mark\=\= \%\%hidden\%\% \#tag \^block C# x^2 2 * 3 \~5 %
    """
    lines = writable(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    table = len(lines) > 1  # a "|" row needs a line of its own below it to make a table
    return "  \n".join(_line(line.strip(), table) for line in lines)


#: A closing sequence of an ATX heading: "#"s after a space (or alone) at the line's end.
_CLOSING = re.compile(r"(?:^|(?<=[ \t]))#+[ \t]*$")


def escape_heading(text: str) -> str:
    r"""``text`` as the content of a Markdown heading line (after ``"## "``), shown whole.

    :func:`escape`, and a run of ``#`` that ends the line after a space is escaped too:
    CommonMark reads it as the heading's optional closing sequence and drops it.

    Examples
    --------
    >>> print(escape_heading("C#"))
    C#
    >>> print(escape_heading("rule --- #"))
    rule --- \#
    """
    out = escape(text)
    if match := _CLOSING.search(out):
        out = out[: match.start()] + "\\" + out[match.start() :]
    return out


def _line(line: str, table: bool) -> str:
    out: list[str] = []
    start = _block_start(line)
    for i, char in enumerate(line):
        before = line[i - 1] if i else " "
        after = line[i + 1] if i + 1 < len(line) else " "
        if i == start or _inline(char, before, after, line, i, table):
            out.append("\\")
        out.append(char)
    return "".join(out)


def _block_start(line: str) -> int:
    """The position of the character that would make ``line`` a block (-1: none)."""
    if _RULE_LINE.match(line) or _BLOCK_START.match(line):
        return 0
    if match := _ORDERED.match(line):
        return match.start(1)
    return -1


def _inline(char: str, before: str, after: str, line: str, i: int, table: bool) -> bool:
    """Whether ``char`` (at ``line[i]``) could start or close inline syntax."""
    if char in _ALWAYS:
        return True
    if char == "\\":  # a backslash escapes punctuation and breaks a line at its end
        return after in _ASCII_PUNCTUATION or i + 1 == len(line)
    if char in "*~":  # emphasis, strikethrough: not when free-standing ("2 * 3")
        return not (before.isspace() and after.isspace())
    if char == "_":  # emphasis, except inside a word ("notes_1.txt")
        return not (before.isalnum() and after.isalnum())
    if char == "<":  # raw HTML, comments and autolinks
        return after.isalpha() or after in "/!?"
    if char == "&":
        return _ENTITY.match(line, i) is not None
    if char in "=%":  # Obsidian's ==highlight== and %%comment%%
        return char in (before, after)
    if char in "#^":  # Obsidian's #tag and ^block-id
        return before.isspace() and (after.isalnum() or after in "_-/")
    if char == "|":
        return table
    return False
