"""The runnable examples in every docstring of the project's packages (the stages of
``extraction``, the graph's queries and exports, the benchmarks) run and give what they
show: an example that went stale fails here, not only in a reader's hands."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import benchmarks
import extraction
import graph

MODULES = sorted(
    name
    for package in (extraction, graph, benchmarks)
    for _, name, _ in pkgutil.walk_packages(package.__path__, package.__name__ + ".")
    if not name.endswith("__main__")
)


def test_doctests_all_modules_found() -> None:
    assert "extraction.prerequisites" in MODULES
    assert "extraction.readers.paragraphs" in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_doctests_all_examples_hold(name: str) -> None:
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS, verbose=False)
    for test in finder.find(module, name):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
