"""Fitting the extraction models on the development gold, for the repo and for
leave-one-file-out checks.

Each fitted model registers a :class:`Fitter`: how to turn one development file into
labelled examples (named features, a 0/1 label from the gold, a weight), and how to
fit a :class:`~extraction.logistic.LogisticModel` on the examples of several files.
``python -m benchmarks.fit`` fits every registered model on all the development files
and writes its weights (data, in ``extraction/weights/``); ``benchmarks.quality``
fits each one again without the file it scores (leave-one-file-out) and passes the
models to :func:`graph.build.build_graph` as ``models={name: model}``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extraction.logistic import LogisticModel

#: One labelled example: features, label (1/0), weight.
Example = tuple[Mapping[str, float], int, float]

WEIGHTS = Path(__file__).resolve().parents[1] / "extraction" / "weights"


@dataclass(frozen=True, slots=True)
class Fitter:
    """How one model is fitted.

    ``examples(devfile, context)`` gives the labelled examples of one development
    file; ``context`` holds what the quality run shares (``results``: the file's read
    results, ``nlp``, ``cache``: the parse cache, ``gold``: the file's restricted gold
    folder). ``fit(examples)`` fits the model on the examples of several files.
    """

    name: str
    examples: Callable[[Any, Mapping[str, Any]], list[Example]]
    fit: Callable[[Sequence[Example]], LogisticModel]

    @property
    def path(self) -> Path:
        return WEIGHTS / f"{self.name}.json"


#: Modules that register a fitter when imported.
FITTER_MODULES: tuple[str, ...] = ("benchmarks.fit_selector", "benchmarks.fit_prerequisites")

_FITTERS: dict[str, Fitter] = {}


def register(fitter: Fitter) -> Fitter:
    _FITTERS[fitter.name] = fitter
    return fitter


def fitters() -> dict[str, Fitter]:
    """Every registered fitter, by model name."""
    for module in FITTER_MODULES:
        importlib.import_module(module)
    return dict(_FITTERS)


def fit_without(
    examples: Mapping[str, Mapping[str, list[Example]]], left_out: str | None
) -> dict[str, LogisticModel]:
    """Each model fitted on the examples of every file but ``left_out``.

    ``examples`` maps a file number to ``{model name: examples}``.
    """
    models = {}
    for name, fitter in fitters().items():
        rows = [
            ex
            for number, by_model in examples.items()
            if number != left_out
            for ex in by_model.get(name, ())
        ]
        if rows:  # with no other file to learn from, the kept weights are used
            models[name] = fitter.fit(rows)
    return models
