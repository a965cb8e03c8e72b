"""Exporter boilerplate, kept as data: lines that are never part of a student's notes.

Each entry is a regular expression matched against a whole, stripped line
(case-insensitive). Readers drop matching lines wherever they stand; a reader that
knows its exporter's layout (the Knowt header, Brainscape's rating scale) also drops
layout-specific lines that would be ambiguous out of context ("Perfectly", "5").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Lines dropped in every text format: no student writes them as a line of notes.
GLOBAL_PATTERNS: tuple[str, ...] = (
    r"how well did you know this\??",  # Brainscape: rating prompt
    r"earn xp",  # Knowt gamification
    r"no study sessions yet\.?",
    r"studied by\s*studied by \d+ (people|person)",
    r"\d+(\.\d+)?\s*\(\d+\)",  # Knowt rating "0.0(0)"
    r"\d+\s*/\s*\d+",  # card counters "1/15"
    r"\d+ (terms|cards)",  # "16 Terms"
    r"terms in this set \(\d+\)",  # Quizlet web copy
)

#: The study modes of a flashcard site's menu ("Learn", "Match", "Card sorting"):
#: dropped by the readers of those sites' copies, and by the other readers only when
#: they stand by another line of boilerplate (a pasted menu), because a student's own
#: notes may hold them as words ("- **Flashcards**" in notes on study methods).
MENU_PATTERNS: tuple[str, ...] = (
    r"new cards",  # Knowt: under every card number
    r"study analytics",
    r"(learn)?learn|(exam)?practice test|(spaced repetition)?spaced repetition",
    r"(heart puzzle)?match|(flashcards)?flashcards|card sorting|flashcard set",
    r"description and tags",
)

#: Brainscape's 1-5 confidence scale printed after every card.
RATING_SCALE: tuple[str, ...] = (r"[1-5]", r"not at all", r"perfectly")

#: Bare question / answer markers (Brainscape, some Anki text exports).
QA_MARKERS: tuple[str, ...] = (r"q", r"a", r"q:", r"a:", r"question:?", r"answer:?")


def compile_lines(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One regex matching a whole line against any of ``patterns``."""
    return re.compile(r"^(?:" + "|".join(f"(?:{p})" for p in patterns) + r")$", re.IGNORECASE)


GLOBAL = compile_lines(GLOBAL_PATTERNS)
MENU = compile_lines(MENU_PATTERNS)
RATING = compile_lines(RATING_SCALE)
MARKERS = compile_lines(QA_MARKERS)


def is_boilerplate(line: str, *, menus: bool = True) -> bool:
    """True for a line that exporters add and students never write; with ``menus`` (the
    readers of a flashcard site's copy), also for a study mode of the site's menu.

    >>> is_boilerplate("New cards"), is_boilerplate("1/15"), is_boilerplate("ATP stands for")
    (True, True, False)
    >>> is_boilerplate("Flashcards"), is_boilerplate("Flashcards", menus=False)
    (True, False)
    """
    line = line.strip()
    return bool(GLOBAL.match(line) or (menus and MENU.match(line)))


def without_boilerplate(lines: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """``(file line, text)`` pairs without exporter boilerplate, for readers of any text:
    a study mode of a site's menu ("Learn", "Match") only goes when the line above or
    below it (blank lines passed over) is boilerplate too -- a pasted menu, not a
    student's word.

    >>> without_boilerplate([(1, "Learn"), (2, "Match"), (3, "Osmosis"), (4, "1/15")])
    [(3, 'Osmosis')]
    >>> without_boilerplate([(1, "Study methods"), (2, "Flashcards"), (3, "")])
    [(1, 'Study methods'), (2, 'Flashcards'), (3, '')]
    """
    filled = [i for i, (_, text) in enumerate(lines) if text.strip()]
    strict = {i for i in filled if GLOBAL.match(lines[i][1].strip())}
    menu = {i for i in filled if MENU.match(lines[i][1].strip())}
    dropped = set(strict)
    for k, i in enumerate(filled):
        if i in menu:
            near = filled[max(0, k - 1) : k] + filled[k + 1 : k + 2]
            if any(j in strict or j in menu for j in near):
                dropped.add(i)
    return [pair for i, pair in enumerate(lines) if i not in dropped]
