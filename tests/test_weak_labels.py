"""Weak labels from flashcard decks: which files are decks, the cards with their titles
hidden, and which hidden-title groups become weighted examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.fit_selector import fit_with
from benchmarks.weak_labels import (
    auc,
    deck_files,
    fit_beside,
    weak_examples,
    weak_label,
    without_titles,
)
from extraction.records import Card, Emphasis


def test_weak_labels_deck_files_skip_templates_and_other_files(tmp_path: Path) -> None:
    for name in ("pottery.apkg", "glazes/firing.json", "glazes/_TEMPLATE.json", "SOURCE.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in deck_files(tmp_path)]
    assert found == ["glazes/firing.json", "pottery.apkg"]


@pytest.mark.parametrize(
    ("title", "kind", "part"),
    [
        ("What is a glaze?", "question", "title"),
        ("Slip", "term", "title"),
        ("Firing", "heading", "body"),
    ],
)
def test_weak_labels_without_titles_keeps_only_the_answer(title: str, kind: str, part: str) -> None:
    body = "A glaze is a glassy coat fired onto clay."
    card = Card(
        "d#1", "d", "apkg", (1, 1), title, body, title_kind=kind,
        emphasis=(Emphasis(part, 0, 4, "bold"),),
    )  # fmt: skip
    (hidden,) = without_titles([card])
    assert (hidden.title, hidden.title_kind, hidden.body) == ("", "none", body)
    assert hidden.emphasis == (() if part == "title" else card.emphasis)


@pytest.mark.parametrize(
    ("names", "label"),
    [
        ({"Kilns"}, 1),
        ({"bisque firing", "bisque"}, 1),
        ({"kiln shelf"}, 0),
        (set(), 0),
    ],
)
def test_weak_labels_a_group_naming_a_term_is_positive(names: set[str], label: int) -> None:
    terms = {"kiln", "bisque"}
    assert weak_label(names, terms, lambda n: n.lower().removesuffix("s")) == label


#: Hidden-title groups of a pottery deck: a prose term, a prose non-term, a singled-out term.
GROUPS = [
    ({"kiln"}, {"structural": 0.0, "log_count": 0.7}),
    ({"shelf"}, {"structural": 0.0, "log_count": 0.7}),
    ({"glaze"}, {"structural": 0.34, "log_count": 1.1}),
]


@pytest.mark.parametrize(
    ("prose_only", "negative_weight", "expected"),
    [
        (True, 0.0, [(1, 0.3)]),
        (False, 0.0, [(1, 0.3), (1, 0.3)]),
        (True, 0.01, [(1, 0.3), (0, 0.01)]),
    ],
)
def test_weak_labels_examples_take_positives_and_weighted_negatives(
    prose_only: bool, negative_weight: float, expected: list[tuple[int, float]]
) -> None:
    rows = weak_examples(
        GROUPS,
        {"kiln", "glaze"},
        str.lower,
        0.3,
        prose_only=prose_only,
        negative_weight=negative_weight,
    )
    assert [(y, w) for _, y, w in rows] == expected


def test_weak_labels_fit_beside_chooses_the_threshold_on_development_rows() -> None:
    dev = [({"log_count": v}, int(v > 1), 1.0) for v in (3.0, 2.5, 2.0, 0.5, 0.2, 0.1)]
    weak = [({"log_count": 0.4}, 1, 0.5)] * 4
    alone = fit_beside([])(dev)
    beside = fit_beside(weak)(dev)
    assert alone == fit_with(dev, 0.0003)
    assert beside.weights != alone.weights
    assert all(beside.accepts(x) == bool(y) for x, y, _ in dev)


@pytest.mark.parametrize(
    ("scored", "expected"),
    [
        ([(0.9, True), (0.1, False)], 1.0),
        ([(0.1, True), (0.9, False)], 0.0),
        ([(0.5, True), (0.5, False)], 0.5),
    ],
)
def test_weak_labels_auc_counts_pairs_ordered_right(
    scored: list[tuple[float, bool]], expected: float
) -> None:
    assert auc(scored) == expected
