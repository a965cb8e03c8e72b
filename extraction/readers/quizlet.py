"""Quizlet sets copied as text: term and definition on consecutive lines, no separator.

The set's title ("... Flashcards") comes first. A definition may run over several
lines, so a line starts a new card only when its wording makes it a prompt (see
:mod:`extraction.readers.prompts`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extraction.errors import ReadError
from extraction.readers._base import CardBuilder, RawNote
from extraction.readers.boilerplate import is_boilerplate
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
    return 0.7 if prompts >= 2 else 0.0


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
    yield from segment_prompts(rest, CardBuilder(raw, FORMAT), section=(title,))
