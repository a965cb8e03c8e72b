"""The prerequisite fitter's account of missed gold pairs (:func:`miss`)."""

from __future__ import annotations

import pytest

from benchmarks.fit_prerequisites import MISSES, miss

#: Kept prerequisites of a small pottery course: clay -> wedging -> throwing -> trimming
#: -> glazing, and kiln -> firing.
REACH = {
    "clay": {"wedging": 1, "throwing": 2, "trimming": 3, "glazing": 4},
    "wedging": {"throwing": 1, "trimming": 2, "glazing": 3},
    "throwing": {"trimming": 1, "glazing": 2},
    "trimming": {"glazing": 1},
    "kiln": {"firing": 1},
}
#: Candidate orders left out, with their probability and why.
SCORED = {
    ("slip", "glazing"): (0.18, "threshold"),
    ("slip", "glaze"): (0.31, "statistics"),
    ("firing", "kiln"): (0.12, "opposite"),
    ("glaze", "firing"): (0.27, "unexplained"),
}


@pytest.mark.parametrize(
    ("firsts", "seconds", "expected"),
    [
        ({"clay"}, {"trimming"}, None),  # three steps: reached
        ({"clay", "throwing"}, {"glazing"}, None),  # through either name of the first
        ({"clay"}, {"glazing"}, ("far", None)),
        ({"trimming"}, {"wedging"}, ("reversed", None)),
        ({"firing"}, {"kiln"}, ("reversed", None)),  # the chain the other way comes first
        (set(), {"glazing"}, ("concept", None)),
        ({"slip"}, set(), ("concept", None)),
        ({"kiln"}, {"glazing"}, ("none", None)),
        ({"slip"}, {"glazing"}, ("threshold", ("slip", "glazing"))),
        ({"slip"}, {"glazing", "glaze"}, ("statistics", ("slip", "glaze"))),  # the likeliest
        ({"glaze"}, {"firing"}, ("unexplained", ("glaze", "firing"))),
    ],
)
def test_fit_prerequisites_miss_says_why_a_gold_order_is_not_reached(firsts, seconds, expected):
    assert miss(firsts, seconds, REACH, SCORED) == expected


def test_fit_prerequisites_misses_name_every_rule_that_leaves_an_order_out():
    from extraction.prerequisites import REJECTED

    assert set(REJECTED) <= set(MISSES)
