"""The concept selector's fitter: candidate groups of a development file, labelled by
its gold concepts.

A group is a positive example when one of its names (keys and written forms, after
the scorer's normalisation) is a gold concept of the file, whatever its tier; every
other group is a negative one. A group naming a core concept (what a heading, card or
definition is about) weighs :data:`CORE_WEIGHT` times as much as the others. The
model is fitted by L2-regularised logistic regression
(:func:`extraction.logistic.fit_logistic`) and its threshold is the middle of the
plateau where F1, on the examples it was fitted on, is within 0.01 of its best.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from typing import Any

from benchmarks.fitting import Example, Fitter, register
from extraction.concepts import extract_concepts
from extraction.concepts.features import FEATURES
from extraction.logistic import LogisticModel, fit_logistic

#: Strength of the L2 penalty. Leave-one-file-out, 0.0005 to 0.001 gives about 1.5 points
#: more node precision and fewer noise nodes for the same recall, but its larger weights
#: drop names a short note mentions twice or asks about once ("What is a solvent?"),
#: which the short-note tests of the concept, relation and prerequisite stages expect.
L2 = 0.002
#: Weight of an example that names a core concept.
CORE_WEIGHT = 2.0


def gold_names(gold) -> tuple[dict[str, str], dict[str, str]]:
    """Normalised gold name -> canonical concept, and canonical -> tier, for one gold
    folder."""
    from benchmarks.quality import scorer

    _, alias, tier, *_ = scorer().load_gold(gold)
    return alias, tier


def label(names: set[str], alias: Mapping[str, str], tier: Mapping[str, str]) -> tuple[int, float]:
    """The label of a group with these names, and its weight."""
    from benchmarks.quality import scorer

    norm = scorer().norm
    golds = {alias[norm(n)] for n in names if norm(n) in alias}
    if not golds:
        return 0, 1.0
    return 1, CORE_WEIGHT if any(tier.get(g) == "core" for g in golds) else 1.0


def examples(devfile: Any, context: Mapping[str, Any]) -> list[Example]:
    """The scored candidate groups of one file, labelled by its gold."""
    cards = [card for result in context["results"] for card in result.cards]
    cache = context.get("cache")
    index = extract_concepts(
        cards,
        nlp=context["nlp"],
        parse=cache.parse if cache is not None else None,
        disabled=context.get("disabled", ()),
    )
    alias, tier = gold_names(context["gold"])
    return [(s.features, *label(s.names, alias, tier)) for s in index.candidates]


#: F1 within this of the best counts as equally good: the threshold is the median of
#: the scores that reach it (the middle of the plateau, not its highest point).
F1_TOLERANCE = 0.01


def best_threshold(
    model: LogisticModel, rows: Sequence[Example], *, tolerance: float = F1_TOLERANCE
) -> float:
    """The threshold in the middle of the best F1 plateau on ``rows`` (each example
    counted once): the median of the scores whose F1, kept from there up, is within
    ``tolerance`` of the best.

    F1 is flat near its best: taking the single best point makes the threshold jump
    when one example changes (a refit without one file kept 15 fewer concepts of
    another file), the middle of the plateau does not.

    >>> model = LogisticModel(("x",), (1.0,), 0.0, 0.5)
    >>> rows = [({"x": v}, y, 1.0) for v, y in [(3, 1), (2, 1), (1, 0), (0, 1), (-1, 0)]]
    >>> best_threshold(model, rows, tolerance=0.0), best_threshold(model, rows, tolerance=0.1)
    (0.5, 0.6904)
    """
    scored = sorted(((model.probability(x), y) for x, y, _ in rows), reverse=True)
    positives = sum(y for _, y in scored)
    if not positives:
        return 0.5
    f1s: list[tuple[float, float]] = []
    tp = 0
    for i, (p, y) in enumerate(scored, 1):
        tp += y
        f1s.append((2 * tp / (i + positives), p))
    best = max(f for f, _ in f1s)
    near = [p for f, p in f1s if f >= best - tolerance]
    return round(statistics.median(near), 4)


def fit(rows: Sequence[Example]) -> LogisticModel:
    model = fit_logistic(
        [x for x, _, _ in rows],
        [y for _, y, _ in rows],
        features=list(FEATURES),
        l2=L2,
        sample_weight=[w for _, _, w in rows],
    )
    threshold = best_threshold(model, rows)
    return LogisticModel(model.features, model.weights, model.bias, threshold, model.notes)


FITTER = register(Fitter("selector", examples, fit))
