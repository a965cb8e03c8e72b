"""Exporter boilerplate, kept as data: lines that are never part of a student's notes.

Each entry is a regular expression matched against a whole, stripped line
(case-insensitive). Readers drop matching lines wherever they stand; a reader that
knows its exporter's layout (the Knowt header, Brainscape's rating scale) also drops
layout-specific lines that would be ambiguous out of context ("Perfectly", "5").
"""

from __future__ import annotations

import re

#: Lines dropped in every text format.
GLOBAL_PATTERNS: tuple[str, ...] = (
    r"new cards",  # Knowt: under every card number
    r"how well did you know this\??",  # Brainscape: rating prompt
    r"earn xp",  # Knowt gamification
    r"study analytics",
    r"no study sessions yet\.?",
    r"studied by\s*studied by \d+ (people|person)",
    r"\d+(\.\d+)?\s*\(\d+\)",  # Knowt rating "0.0(0)"
    r"\d+\s*/\s*\d+",  # card counters "1/15"
    r"\d+ (terms|cards)",  # "16 Terms"
    r"(learn)?learn|(exam)?practice test|(spaced repetition)?spaced repetition",
    r"(heart puzzle)?match|(flashcards)?flashcards|card sorting|flashcard set",
    r"description and tags",
    r"terms in this set \(\d+\)",  # Quizlet web copy
)

#: Brainscape's 1-5 confidence scale printed after every card.
RATING_SCALE: tuple[str, ...] = (r"[1-5]", r"not at all", r"perfectly")

#: Bare question / answer markers (Brainscape, some Anki text exports).
QA_MARKERS: tuple[str, ...] = (r"q", r"a", r"q:", r"a:", r"question:?", r"answer:?")


def compile_lines(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One regex matching a whole line against any of ``patterns``."""
    return re.compile(r"^(?:" + "|".join(f"(?:{p})" for p in patterns) + r")$", re.IGNORECASE)


GLOBAL = compile_lines(GLOBAL_PATTERNS)
RATING = compile_lines(RATING_SCALE)
MARKERS = compile_lines(QA_MARKERS)


def is_boilerplate(line: str) -> bool:
    """True for a line that exporters add and students never write.

    >>> is_boilerplate("New cards"), is_boilerplate("1/15"), is_boilerplate("ATP stands for")
    (True, True, False)
    """
    return bool(GLOBAL.match(line.strip()))
