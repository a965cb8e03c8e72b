"""Quizlet sets copied as text: term and definition on consecutive lines, no separator.

The set's title ("History 101 Flashcards") comes first: it names the deck (the cards'
section), never a card. A definition may run over several lines, so a line starts a
new card only when its wording makes it a prompt (see :mod:`extraction.readers.prompts`);
a set of terms without any question is read as term/definition pairs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extraction.errors import ReadError
from extraction.readers._base import CardBuilder, RawNote
from extraction.readers.boilerplate import is_boilerplate
from extraction.readers.paragraphs import text_body, wrap_width
from extraction.readers.prompts import is_prompt, segment_prompts
from extraction.records import Card

FORMAT = "quizlet"
EXTENSIONS = (".txt", ".text", "")

_SET_TITLE = re.compile(r"\bflashcards$", re.IGNORECASE)
_MARKER = re.compile(r"^(?:Q|A|new cards)$", re.IGNORECASE)


def _lines(raw: RawNote) -> list[tuple[int, str]]:
    return [(n, t) for n, t in enumerate(raw.clean_lines, start=1) if t]


def sniff(raw: RawNote) -> float:
    if not raw.is_text:
        return 0.0
    lines = _lines(raw)
    if len(lines) < 3 or not _SET_TITLE.search(lines[0][1]):
        return 0.0
    if any(_MARKER.match(t) for _, t in lines):
        return 0.0
    prompts = sum(1 for _, t in lines[1:] if is_prompt(t))
    if prompts >= 2:
        return 0.7
    return 0.5 if _term_set(lines[1:]) else 0.0


_SENTENCE_END = re.compile(r"[.!?]$")


def _term_set(lines: list[tuple[int, str]]) -> bool:
    """Terms and definitions taking turns: an even number of lines, every other one a
    short phrase (at most eight words, no end punctuation).

    >>> _term_set([(2, "Magna Carta"), (3, "Charter of 1215."), (4, "Feudalism"), (5, "A system.")])
    True
    """
    if len(lines) < 4 or len(lines) % 2:
        return False
    terms = [t for _, t in lines[0::2]]
    return all(len(t.split()) <= 8 and not _SENTENCE_END.search(t) for t in terms)


def _term_cards(lines: list[tuple[int, str]], builder: CardBuilder, title: str) -> Iterator[Card]:
    for (term_line, term), (number, definition) in zip(lines[0::2], lines[1::2], strict=True):
        yield builder.card(
            title=term,
            body=text_body([(number, definition)]),
            title_line=term_line,
            section=(title,),
            title_kind="term",
        )


def read(raw: RawNote) -> Iterator[Card]:
    """Cards of a Quizlet set: its first line the section, then prompts and answers.

    Raises
    ------
    ReadError
        Not text, or nothing but boilerplate.
    """
    lines = [(n, t) for n, t in _lines(raw) if not is_boilerplate(t)]
    if not lines:
        raise ReadError("not a Quizlet set: no text besides exporter boilerplate")
    title, rest = lines[0][1], lines[1:]
    builder = CardBuilder(raw, FORMAT)
    if not any(is_prompt(t) for _, t in rest) and _term_set(rest):
        yield from _term_cards(rest, builder, title)
    else:
        width = wrap_width([t for _, t in rest])
        yield from segment_prompts(rest, builder, section=(title,), full_width=width)
