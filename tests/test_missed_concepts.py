"""The account of missed gold concepts by how the notes use them (:func:`miss_class`)."""

from __future__ import annotations

import pytest

from benchmarks.missed_concepts import AGAINST_SHOWN, MISSES, against, miss_class
from extraction.logistic import LogisticModel


@pytest.mark.parametrize(
    ("roles", "expected"),
    [
        ([], "none"),  # no group names it
        ([{"mention": 1}], "prose"),
        ([{"mention": 1, "nested": 3}], "prose"),
        ([{"listed": 1, "mention": 1}], "listed"),  # "kilns, wheels and kick wheels"
        ([{"example": 1}], "listed"),  # "such as stoneware"
        ([{"item": 1}], "listed"),
        ([{"label": 1}], "singled"),  # "Wedging: ..."
        ([{"heading": 1}], "singled"),
        ([{"emphasis": 1, "listed": 1}], "singled"),  # a bold item is singled out
        ([{"mention": 2}, {"defined": 1}], "singled"),  # any group that names it
        ([{"mention": 2}, {"listed": 1}], "listed"),
    ],
)
def test_missed_concepts_miss_class_takes_the_first_class_that_fits(roles, expected):
    assert miss_class(roles) == expected
    assert expected in MISSES


def test_missed_concepts_against_keeps_only_the_strongest_features_against():
    names = tuple(f"f{i}" for i in range(AGAINST_SHOWN + 2))
    weights = tuple(-float(i + 1) for i in range(len(names)))
    model = LogisticModel((*names, "log_count"), (*weights, 2.0), -3.0, 0.4)
    shown = against(model, {**{n: 1.0 for n in names}, "log_count": 1.0})
    assert [f for f, _ in shown] == list(reversed(names))[:AGAINST_SHOWN]
    assert all(w < 0 for _, w in shown)
