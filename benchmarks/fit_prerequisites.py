"""Fit the prerequisite scorer (:mod:`extraction.prerequisites`) on the development gold.

Each development file is read, its concepts and typed relations extracted as a build
does, and every candidate pair of :func:`extraction.prerequisites.candidates` becomes a
labelled example when both its concepts name gold concepts (the scorer's normalisation
of ``../shared/eval/score.py``):

- **1** when the gold orders A before B: a direct pair of ``prerequisites.tsv`` (weight
  1), or a chain of them (weight :data:`TRANSITIVE_WEIGHT`: a shortcut a path may take);
- **0** when the gold orders B before A (weight 1);
- **0** when the gold orders neither (weight :data:`UNORDERED_WEIGHT`: such an edge is
  not wrong, but lengthens learning paths with steps no expert asked for);
- **0** when one concept names no gold concept (weight :data:`NON_GOLD_WEIGHT`): most
  are words no expert would put on a path ("data", "input"), some are concepts the gold
  left out.

``python -m benchmarks.fit`` fits it (with every other registered model) on all the
development files and writes ``extraction/weights/prerequisites.json``;
``benchmarks.quality`` refits it without each file for its leave-one-file-out figures
(the :class:`Fitter` registered here).
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from benchmarks import fitting, quality
from benchmarks.fitting import Example, Fitter
from extraction.logistic import LogisticModel, fit_logistic

#: Weight of a pair the gold orders only through a chain of prerequisites.
TRANSITIVE_WEIGHT = 1.0
#: Weight of a pair of gold concepts the gold does not order.
UNORDERED_WEIGHT = 0.3
#: Weight of a pair one of whose concepts names no gold concept.
NON_GOLD_WEIGHT = 0.05
#: L2 penalty of the fit (relative to the total sample weight).
L2 = 0.01
#: The decision threshold: an edge is kept when the model gives it at least this.
THRESHOLD = 0.22


def _reach(pairs: Sequence[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """Gold concept -> {concept reachable along prerequisite pairs: distance}."""
    after: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        after[a].add(b)
    reach = {}
    for start in list(after):
        seen: dict[str, int] = {}
        queue = deque([(start, 0)])
        while queue:
            node, d = queue.popleft()
            for nxt in after[node]:
                if nxt not in seen:
                    seen[nxt] = d + 1
                    queue.append((nxt, d + 1))
        reach[start] = seen
    return reach


def gold_names(index: Any, gold: Path) -> dict[str, set[str]]:
    """Concept id -> the gold canonical names it names."""
    scorer = quality.scorer()
    _, alias, *_ = scorer.load_gold(gold)
    names = {}
    for concept in index.concepts.values():
        spelled = {concept.id, concept.label, *concept.aliases}
        found = {alias[n] for n in map(scorer.norm, spelled) if n in alias}
        if found:
            names[concept.id] = found
    return names


def labelled(
    features: Mapping[tuple[str, str], Mapping[str, float]],
    names: Mapping[str, set[str]],
    gold_pairs: Sequence[tuple[str, str]],
) -> list[Example]:
    """The examples of one file: each candidate's features, label and weight."""
    reach = _reach(gold_pairs)
    rows: list[Example] = []
    for (a, b), x in features.items():
        ga, gb = names.get(a), names.get(b)
        if not ga or not gb:
            rows.append((dict(x), 0, NON_GOLD_WEIGHT))
            continue
        if ga & gb:
            continue
        forward = [reach.get(p, {}).get(q) for p in ga for q in gb]
        forward = [d for d in forward if d is not None]
        if forward:
            rows.append((dict(x), 1, 1.0 if min(forward) == 1 else TRANSITIVE_WEIGHT))
        elif any(p in reach.get(q, {}) for p in ga for q in gb):
            rows.append((dict(x), 0, 1.0))
        else:
            rows.append((dict(x), 0, UNORDERED_WEIGHT))
    return rows


def examples(devfile: quality.DevFile, context: Mapping[str, Any]) -> list[Example]:
    """The labelled candidate pairs of one development file (see the module doc)."""
    from extraction.concepts import extract_concepts
    from extraction.prerequisites import candidates
    from extraction.relations import typed_relations

    results = context["results"]
    cards = [card for result in results for card in result.cards]
    order = list(dict.fromkeys(card.source for card in cards))
    cache = context.get("cache")
    index = extract_concepts(
        cards, nlp=context.get("nlp"), order=order, parse=cache.parse if cache else None
    )
    typed = typed_relations(index)
    gold: Path = context["gold"]
    _, pre = quality._read_tsv(gold / "prerequisites.tsv")
    pairs = [(r["prereq"], r["target"]) for r in pre]
    found = {pair: c.features for pair, c in candidates(index, typed).items()}
    return labelled(found, gold_names(index, gold), pairs)


def fit(rows: Sequence[Example]) -> LogisticModel:
    """The prerequisite model fitted on ``rows``."""
    from extraction.prerequisites import FEATURES

    positives = sum(label for _, label, _ in rows)
    return fit_logistic(
        [x for x, _, _ in rows],
        [label for _, label, _ in rows],
        features=list(FEATURES),
        l2=L2,
        sample_weight=[w for _, _, w in rows],
        threshold=THRESHOLD,
        notes={
            "what": "is concept A learned before concept B (A prerequisite_of B)?",
            "examples": len(rows),
            "positives": positives,
            "l2": L2,
            "transitive_weight": TRANSITIVE_WEIGHT,
            "unordered_weight": UNORDERED_WEIGHT,
            "non_gold_weight": NON_GOLD_WEIGHT,
        },
    )


FITTER = fitting.register(Fitter("prerequisites", examples, fit))
