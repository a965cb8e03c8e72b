"""The concept selector's fitter: its threshold and the penalty chosen leave-one-file-out."""

from __future__ import annotations

import pytest

from benchmarks import fit_selector
from benchmarks.fit_selector import best_threshold, choose_l2, fit_with, lofo_f1

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
