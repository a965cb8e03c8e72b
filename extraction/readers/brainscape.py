"""Brainscape decks copied or printed as text.

The deck name comes first ("... Flashcards"); every card is its number, a bare "Q",
the question, a bare "A", the answer, and the confidence scale "How well did you know
this? 1 Not at all 2 3 4 5 Perfectly", one item a line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extraction.readers._base import CardBuilder, RawNote
from extraction.readers.boilerplate import is_boilerplate
from extraction.readers.paragraphs import file_indents, text_body, wrap_width
from extraction.readers.prompts import prompt_kind
from extraction.records import Card

FORMAT = "brainscape"
EXTENSIONS = (".txt", ".text", "")

_Q = re.compile(r"^Q:?$")
_A = re.compile(r"^A:?$")
_NUMBER = re.compile(r"^\d{1,5}$")
_RATING_PROMPT = re.compile(r"^how well did you know this\??$", re.IGNORECASE)


def sniff(raw: RawNote) -> float:
    if not raw.is_text:
        return 0.0
    lines = raw.clean_lines
    questions = sum(1 for t in lines if _Q.match(t))
    answers = sum(1 for t in lines if _A.match(t))
    if questions >= 2 and answers >= 2:
        rated = any(_RATING_PROMPT.match(t) for t in lines)
        return 0.98 if rated else 0.85
    return 0.0


def _strip_tail(block: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Drop the rating scale and the next card's number from the end of an answer."""
    cut = next((j for j, (_, t) in enumerate(block) if _RATING_PROMPT.match(t)), None)
    if cut is not None:
        block = block[:cut]
    while block and (not block[-1][1] or _NUMBER.match(block[-1][1])):
        block = block[:-1]
    return block


def read(raw: RawNote) -> Iterator[Card]:
    lines = raw.clean_lines
    marks = [i for i, t in enumerate(lines) if _Q.match(t)]
    first = next((t for t in lines[: marks[0]] if t), "") if marks else ""
    section = (first,) if first and not _NUMBER.match(first) else ()
    builder = CardBuilder(raw, FORMAT)
    width = wrap_width(lines)
    for k, q in enumerate(marks):
        end = marks[k + 1] if k + 1 < len(marks) else len(lines)
        a = next((j for j in range(q + 1, end) if _A.match(lines[j])), end)
        question = [(n + 1, lines[n]) for n in range(q + 1, a) if lines[n]]
        answer = _strip_tail([(n + 1, lines[n]) for n in range(a + 1, end)])
        answer = [(n, t) for n, t in answer if not is_boilerplate(t)]
        title = " ".join(t for _, t in question)
        yield builder.card(
            title=title,
            body=text_body(
                answer,
                indents=file_indents(raw.lines, [n for n, _ in answer]),
                full_width=width,
                typed=True,
            ),
            title_kind=prompt_kind(title),
            title_line=question[0][0] if question else q + 1,
            section=section,
            last_line=a + 1 if a < end else None,
        )
