"""Question/answer lists typed one line at a time, with no markers at all.

Every question ("Define X", "What is Y?", "X vs. Y") or term line starts a card; the
lines under it, up to the next prompt, are its answer. See
:mod:`extraction.readers.prompts` for how a prompt is told from an answer.
"""

from __future__ import annotations

from collections.abc import Iterator

from extraction.readers._base import CardBuilder, RawNote
from extraction.readers.boilerplate import is_boilerplate
from extraction.readers.paragraphs import file_indents
from extraction.readers.prompts import is_question, segment_prompts
from extraction.records import Card

FORMAT = "qa-list"
EXTENSIONS = (".txt", ".text", "")


def sniff(raw: RawNote) -> float:
    """A list of questions: many prompt lines and hardly any blank-line paragraphs."""
    if not raw.is_text:
        return 0.0
    texts = raw.clean_lines
    filled = [t for t in texts if t]
    if len(filled) < 4:
        return 0.0
    questions = sum(1 for t in filled if is_question(t))
    blank_ratio = (len(texts) - len(filled)) / len(texts)
    if questions >= 3 and questions >= 0.04 * len(filled) and blank_ratio < 0.2:
        return 0.6
    return 0.0


def read(raw: RawNote) -> Iterator[Card]:
    lines = list(enumerate(raw.clean_lines, start=1))
    lines = [(n, t) for n, t in lines if t and not is_boilerplate(t)]
    indents = file_indents(raw.lines, [n for n, _ in lines])
    yield from segment_prompts(lines, CardBuilder(raw, FORMAT), indents=indents)
