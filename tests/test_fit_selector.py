"""The concept selector's fitter: its threshold and the penalty chosen leave-one-file-out."""

from __future__ import annotations

import pytest

from benchmarks import fit_selector
from benchmarks.fit_selector import best_threshold, choose_l2, fit_with, lofo_f1
from extraction.logistic import LogisticModel

#: Uses of four names, the two used most being concepts.
ROWS = [({"log_count": v}, int(v > 1), 1.0) for v in (3.0, 2.0, 1.0, 0.5)]


@pytest.mark.parametrize("l2", [0.001, 0.01, 0.03, 0.1])
def test_fit_selector_threshold_keeps_the_score_it_was_taken_from(l2):
    model = fit_with(ROWS, l2)
    assert best_threshold(model, ROWS) == model.threshold
    assert [model.accepts(x) for x, _, _ in ROWS] == [True, True, False, False]


@pytest.mark.parametrize("l2", [0.001, 0.01, 0.1])
def test_fit_selector_lofo_f1_counts_the_left_out_file(l2):
    assert lofo_f1({"a": ROWS, "b": ROWS}, l2) == (1.0, 1.0, 1.0)


@pytest.mark.parametrize(
    ("f1s", "expected"),
    [
        ({0.001: 0.60, 0.01: 0.64, 0.1: 0.62}, 0.01),
        ({0.001: 0.64, 0.01: 0.64, 0.1: 0.62}, 0.01),  # equal: the simpler model
        ({0.001: 0.66, 0.01: 0.64, 0.1: 0.62}, 0.001),
    ],
)
def test_fit_selector_choose_l2_takes_the_best_left_out_f1(monkeypatch, f1s, expected):
    monkeypatch.setattr(fit_selector, "lofo_f1", lambda by_file, l2: (0.0, 0.0, f1s[l2]))
    best, figures = choose_l2({"a": ROWS}, tuple(f1s))
    assert best == expected
    assert {l2: f[2] for l2, f in figures.items()} == f1s


#: Scores (as log-odds) of twenty groups and whether each names a concept: the best
#: cuts lie around even odds, with a near-best stretch further down.
SCORED = [
    (2.8, 1), (2.6, 1), (2.0, 1), (1.9, 1), (1.4, 1), (1.3, 0), (1.3, 1), (1.0, 1), (0.9, 1),
    (0.4, 1), (0.0, 0), (-0.1, 1), (-0.2, 0), (-0.8, 0), (-1.1, 0), (-1.2, 0), (-1.4, 0),
    (-1.9, 0), (-2.4, 0), (-2.8, 0),
]  # fmt: skip


@pytest.mark.parametrize(
    ("log_odds", "label"),
    [
        (2.5, 0),  # a sure-looking group that names nothing
        (1.5, 0),
        (-1.5, 1),  # an unlikely-looking group that names a concept
        (-2.5, 1),
    ],
)
def test_fit_selector_threshold_barely_moves_for_one_example_far_from_it(log_odds, label):
    model = LogisticModel(("x",), (1.0,))
    rows = [({"x": x}, y, 1.0) for x, y in SCORED]
    before = best_threshold(model, rows)
    after = best_threshold(model, [*rows, ({"x": log_odds}, label, 1.0)])
    assert abs(after - before) < 0.01
