"""Knowt flashcard sets copied from the web page.

The page starts with the set's title, then site chrome (ratings, "Learn", "Practice
Test", "Earn XP", "Study Analytics") around the set's description, and "N Terms". Each
card follows: its number, "New cards", the term or question, a blank line, and the
definition.

The description, under "Description and Tags", is the set's own summary of what it
covers ("Cards on plate tectonics, including subduction and rift valleys."): it is read
as a card of kind ``summary``, without a title, at its own lines, before the first card
(unless it only restates the set's title); the chrome around it is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extraction.readers._base import CardBuilder, RawNote
from extraction.readers._html import restates
from extraction.readers.boilerplate import is_boilerplate
from extraction.readers.paragraphs import file_indents, text_body, wrap_width
from extraction.readers.prompts import prompt_kind
from extraction.records import Card

FORMAT = "knowt"
EXTENSIONS = (".txt", ".text", "")

_NEW_CARDS = re.compile(r"^new cards$", re.IGNORECASE)
_NUMBER = re.compile(r"^\d{1,5}$")
_CHROME = re.compile(r"earn xp|study analytics|studied by|spaced repetition", re.IGNORECASE)
#: The heading of the set's description on the page (itself boilerplate).
_DESCRIPTION = re.compile(r"^description and tags$", re.IGNORECASE)


def _card_starts(lines: list[str]) -> list[int]:
    """Indices of the card-number lines whose next non-blank line is "New cards".

    >>> _card_starts(["1", "", "New cards", "2", "Term", "3", "new cards"])
    [0, 5]
    """
    starts = []
    following = ""  # the first non-blank line after the current one, scanning backwards
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if _NUMBER.match(line) and _NEW_CARDS.match(following):
            starts.append(i)
        if line:
            following = line
    return starts[::-1]


def sniff(raw: RawNote) -> float:
    if not raw.is_text:
        return 0.0
    lines = raw.clean_lines
    cards = len(_card_starts(lines))
    if cards >= 1 and any(_CHROME.search(t) for t in lines[:80]):
        return 0.95
    return 0.8 if cards >= 2 else 0.0


def description(lines: list[str], end: int) -> list[tuple[int, str]]:
    """``(file line, text)`` of the set's description: the lines after its heading
    ("Description and Tags") up to the next line of chrome or ``end`` (the first card).

    >>> description(["Set", "Description and Tags", "Cards on tides.", "Study Analytics"], 4)
    [(3, 'Cards on tides.')]
    """
    head = next((i for i in range(end) if _DESCRIPTION.match(lines[i])), None)
    if head is None:
        return []
    block = []
    for n in range(head + 1, end):
        if lines[n] and (is_boilerplate(lines[n]) or _CHROME.search(lines[n])):
            break
        block.append((n + 1, lines[n]))
    return block


def read(raw: RawNote) -> Iterator[Card]:
    lines = raw.clean_lines
    starts = _card_starts(lines)
    title = next((t for t in lines if t), "")
    section = (title,) if starts and title and not is_boilerplate(title) else ()
    builder = CardBuilder(raw, FORMAT)
    width = wrap_width(lines)
    about = description(lines, starts[0]) if starts else []
    if any(t for _, t in about) and not restates(" ".join(t for _, t in about), title):
        yield builder.card(
            title="",
            body=text_body(
                about,
                indents=file_indents(raw.lines, [n for n, _ in about]),
                full_width=width,
                typed=True,
            ),
            title_line=next(n for n, t in about if t),
            section=section,
            title_kind="summary",
        )
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        block = [
            (n + 1, lines[n])
            for n in range(start + 1, end)
            if not _NEW_CARDS.match(lines[n]) and not is_boilerplate(lines[n])
        ]
        while block and not block[0][1]:
            block.pop(0)
        # The term is the first paragraph; the definition is the rest.
        split = next((j for j, (_, t) in enumerate(block) if not t), len(block))
        term = block[:split]
        title = " ".join(t for _, t in term)
        answer = block[split:]
        yield builder.card(
            title=title,
            body=text_body(
                answer,
                indents=file_indents(raw.lines, [n for n, _ in answer]),
                full_width=width,
                typed=True,
            ),
            title_kind=prompt_kind(title),
            title_line=term[0][0] if term else start + 1,
            section=section,
        )
