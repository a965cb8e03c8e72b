"""The five real note files: detected format, card counts, provenance, no boilerplate."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extraction.readers import read_file, read_paths
from extraction.readers.prompts import is_question
from tests.conftest import SEEDS, requires_shared, seed

pytestmark = requires_shared

#: Boilerplate of the exporters (Knowt, Brainscape, Quizlet) that must never reach a card.
BOILERPLATE = re.compile(
    r"New cards|How well did you know this|Earn XP|Study Analytics"
    r"|studied by|Practice Test|No study sessions",
    re.IGNORECASE,
)
#: Lines that are boilerplate only when they stand alone (the rating scale, counters).
BARE_LINE = re.compile(r"^(?:Q|A|\d+|\d+/\d+|Not at all|Perfectly)$", re.IGNORECASE)


@pytest.mark.parametrize(
    ("prefix", "fmt", "count"),
    [
        ("000", "knowt", 17),  # 16 cards and the set's description
        ("001", "outline", None),
        ("002", "brainscape", 33),
        ("003", "quizlet", None),
        ("004", "qa-list", None),
    ],
)
def test_readers_seed_format_and_count(prefix, fmt, count):
    result = read_file(seed(prefix))
    assert result.ok, result.source.errors
    assert result.source.format == fmt
    assert result.source.cards == len(result.cards)
    if count is not None:
        assert len(result.cards) == count
    else:
        assert len(result.cards) >= 10


def test_readers_seeds_no_boilerplate():
    for result in read_paths([SEEDS]):
        for card in result.cards:
            text = f"{card.title}\n{card.body}"
            assert not BOILERPLATE.search(text), (card.id, text)
            for line in text.splitlines():
                assert not BARE_LINE.match(line.strip()), (card.id, line)


def test_readers_seeds_provenance_points_at_the_text():
    """Every title and body line is found, verbatim, on the file line the card cites."""
    for result in read_paths([SEEDS]):
        lines = Path(result.source.path).read_text(encoding="utf-8").split("\n")
        for card in result.cards:
            first, last = card.lines
            assert 1 <= first <= last <= len(lines)
            assert len(card.body_lines) == len(card.body.splitlines())
            for number in card.body_lines:
                assert first <= number <= last
            # each piece of a body line between two file-line starts is on its line
            # (white space aside: the readers tidy "( TP )" to "(TP)")
            offsets = [0]
            for text in card.body.split("\n")[:-1]:
                offsets.append(offsets[-1] + len(text) + 1)
            starts = card.line_starts or tuple(zip(offsets, card.body_lines, strict=False))
            bounds = [s for s, _ in starts[1:]] + [len(card.body)] if starts else []
            for (start, number), end in zip(starts, bounds, strict=True):
                piece = "".join(card.body[start:end].replace("`", "").split())
                source = "".join(lines[number - 1].replace("`", "").split())
                assert piece in source, (card.id, number, piece)
            if card.title and card.format != "knowt":
                assert card.title.split()[-1].strip("?") in lines[card.title_line - 1]


def test_readers_knowt_question_apart_from_answer():
    summary, *cards = read_file(seed("000")).cards
    assert summary.title_kind == "summary" and not summary.title and summary.body
    for card in cards:
        assert card.title.endswith("?")
        assert card.body and not card.body.startswith(card.title)


def test_readers_brainscape_keeps_unanswered_cards():
    cards = read_file(seed("002")).cards
    assert sum(1 for c in cards if not c.body) <= 2  # the deck's own empty cards
    assert all(c.section == cards[0].section for c in cards)
    assert not any("Flashcards" in c.title for c in cards)


@pytest.mark.parametrize("prefix", ["003", "004"])
def test_readers_every_question_line_is_a_card_title(prefix):
    path = seed(prefix)
    cards = read_file(path).cards
    titles = {c.title_line for c in cards}
    answered = {n for c in cards for n in c.body_lines}
    text_lines = path.read_text(encoding="utf-8").split("\n")
    questions = [
        n
        for n, line in enumerate(text_lines, 1)
        if line.strip().endswith("?") and line[:1].isupper() and is_question(line)
    ]
    assert len(questions) >= 10
    for n in questions:
        # A question is a card title, unless it is the answer to a "What is X?" card.
        assert n in titles or (n in answered and text_lines[n - 1].startswith("What ")), (
            n,
            text_lines[n - 1],
        )


@pytest.mark.parametrize("prefix", ["003", "004"])
def test_readers_prompt_lists_titles_are_prompts_not_answers(prefix):
    cards = read_file(seed(prefix)).cards
    for card in cards:
        assert card.title[:1].isupper() or card.title[:1].isdigit(), card.title
        assert not card.title.startswith(("-", "•", "*"))
    answered = [c for c in cards if c.body]
    assert len(answered) >= 0.9 * len(cards) if prefix == "003" else 0.85 * len(cards)


def test_readers_quizlet_set_title_is_the_section():
    cards = read_file(seed("003")).cards
    assert all(c.section and c.section[0].endswith("Flashcards") for c in cards)


def test_readers_outline_sections_nest_under_headings():
    cards = read_file(seed("001")).cards
    assert all(c.title for c in cards)
    assert all(len(c.section) >= 2 for c in cards)  # document title, then a heading
    doc_title = cards[0].section[0]
    assert all(c.section[0] == doc_title for c in cards)
    assert len({c.section[1] for c in cards}) >= 5
