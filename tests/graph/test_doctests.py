"""The runnable examples in the docstrings of the query, file and export modules run and
give what they show (NetworkX-style documentation that stays true)."""

from __future__ import annotations

import doctest
import importlib

import pytest

from graph.export import EXPORTERS

MODULES = sorted(
    {
        "graph.io",
        "graph.counts",
        "graph.query",
        "graph.export",
        "graph.export._base",
        "graph.export._markdown",
        "graph.export.select",
        *EXPORTERS.values(),
    }
)


@pytest.mark.parametrize("name", MODULES)
def test_doctests_of_module(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
    assert result.attempted > 0, f"{name} shows no example"
