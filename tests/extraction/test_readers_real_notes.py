"""Round trips on the real notes in ../shared: the seeds, d2l, the decks, the PDF and
dev2's eight notes all read, and every card keeps the reader's promises.

Each card: title kind among TITLE_KINDS; body_lines one per body line; line_starts
sorted inside the card's lines; emphasis, items and their parents inside the text;
no body line that is a table separator row, a line of code or holds an HTML entity;
no wrapped line left unjoined; no parenthesis unbalanced by a join or a table cell.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from extraction.readers import read_paths
from extraction.readers.paragraphs import left_open
from extraction.readers.prompts import is_term
from extraction.records import TITLE_KINDS, Card
from tests.conftest import CORPORA, SEEDS, SHARED

DEV2 = SHARED / "eval" / "dev2" / "notes"

SETS = {
    "seeds": [SEEDS],
    "decks": [CORPORA / "flashcards", CORPORA / "pdf"],
    "dev2": [DEV2],
    "d2l": [CORPORA / "d2l"],
}

TABLE_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?$")
TABLE_ROW = re.compile(r"^\|.*\|$")
CODE_LINE = re.compile(r"^(?:import |from \w+ import |def \w+\(|class \w+[(:]|%%|>>> )")
ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{1,6}|#x[0-9A-Fa-f]{1,6});")


@cache
def cards_of(name: str) -> tuple[Card, ...]:
    paths = [p for p in SETS[name] if p.exists()]
    if not paths:
        pytest.skip(f"{SETS[name][0]} is absent")
    results = read_paths(paths)
    failed = [(r.source.path, r.source.errors) for r in results if not r.ok]
    assert not failed, failed
    return tuple(card for r in results for card in r.cards)


def balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += (char == "(") - (char == ")")
        if depth < 0:
            return False
    return depth == 0


def source_lines(path_of: dict[str, Path], card: Card) -> list[str] | None:
    path = path_of.get(card.source)
    if path is None or path.suffix not in (".md", ".txt"):
        return None
    return path.read_text(encoding="utf-8", errors="replace").split("\n")


def body_offsets(card: Card) -> list[int]:
    offsets = [0]
    for text in card.body.split("\n")[:-1]:
        offsets.append(offsets[-1] + len(text) + 1)
    return offsets


@pytest.mark.slow
@pytest.mark.parametrize("name", list(SETS))
def test_readers_real_notes_keep_their_promises(name):
    cards = cards_of(name)
    assert cards
    for card in cards:
        assert card.title_kind in TITLE_KINDS, card.id
        assert (card.title_kind in ("none", "summary")) == (not card.title), card.id
        lines = card.body.split("\n") if card.body else []
        assert len(card.body_lines) == len(lines), card.id
        assert list(card.line_starts) == sorted(card.line_starts), card.id
        for _, number in card.line_starts:
            assert card.lines[0] <= number <= card.lines[1], card.id
        for run in card.emphasis:
            text = card.title if run.part == "title" else card.body
            assert 0 <= run.start < run.end <= len(text), (card.id, run)
            assert text[run.start : run.end].strip() == text[run.start : run.end], card.id
        starts = set(body_offsets(card))
        for item in card.items:
            assert item.start in starts and item.end <= len(card.body), (card.id, item)
            assert item.parent == -1 or item.parent in starts, (card.id, item)
        for line in lines:
            assert not TABLE_SEPARATOR.match(line), (card.id, line)
            assert not TABLE_ROW.match(line), (card.id, line)
            assert not CODE_LINE.search(line), (card.id, line)
            assert not ENTITY.search(line), (card.id, line)
        for table in card.tables:
            assert all(len(row) for row in table.rows), card.id
            assert len(table.row_lines) == len(table.rows), card.id


@pytest.mark.slow
@pytest.mark.parametrize("name", ["dev2", "d2l", "seeds"])
def test_readers_real_notes_join_wrapped_lines(name):
    """A body line that stops mid-sentence is never followed by its continuation on the
    next file line, left as a line of its own. The seeds are typed a line at a time:
    there a break is the student's unless it falls inside a phrase (``left_open``)."""
    for card in cards_of(name):
        if not card.body:
            continue
        lines = card.body.split("\n")
        offsets = body_offsets(card)
        items = {item.start for item in card.items}
        last_line = {}  # body line -> the last file line it spans
        for i, offset in enumerate(offsets):
            end = offsets[i + 1] if i + 1 < len(offsets) else len(card.body) + 1
            inside = [n for o, n in card.line_starts if offset <= o < end]
            last_line[i] = max(inside or [card.body_lines[i]])
        for i in range(len(lines) - 1):
            here, after = lines[i], lines[i + 1]
            if offsets[i] in items or offsets[i + 1] in items:
                continue
            wrapped = (
                not re.search(r"[.!?:;]$", here)
                and after[:1].islower()
                and card.body_lines[i + 1] == last_line[i] + 1
                # a label, also one alone over the items of a list ("Kinds of rock:")
                and not re.match(r"^[A-Za-z0-9][^:.!?]{0,60}?:(?:\s|$)", after)
                and not is_term(here)  # "Dimensionality Reduction" heads its explanation
                and (name != "seeds" or left_open(here, after))
            )
            assert not wrapped, (card.id, here, after)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["dev2", "d2l"])
def test_readers_real_notes_parentheses_balanced_as_in_the_source(name):
    """A title or body line with unbalanced parentheses has them unbalanced in its
    source lines too: no join or table cell cuts a gloss."""
    paths = [p for folder in SETS[name] if folder.exists() for p in folder.rglob("*.md")]
    by_name = {p.name: p for p in paths}
    for card in cards_of(name):
        source = source_lines(by_name, card)
        if source is None:
            continue
        first, last = card.lines
        span = " ".join(source[first - 1 : last])
        if card.title and not balanced(card.title):
            assert not balanced(span), (card.id, card.title)
        for line in card.body.split("\n"):
            if not balanced(line):
                assert not balanced(span), (card.id, line)
