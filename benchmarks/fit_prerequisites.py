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

``python -m benchmarks.fit_prerequisites [--files 001 205] [--models DIR]`` says why each
gold pair the build of a file alone does not reach within three prerequisite steps is
missed (:data:`MISSES`: a concept the build does not find, no candidate pair, the rule
or the threshold that left the likelier order out, an order read the other way, a chain
too long), with the candidate's probability and features, then the counts per file;
``--models`` takes the leave-one-file-out models ``benchmarks.quality --save-models``
wrote (``DIR/<file>/selector.json`` and ``prerequisites.json``), else the shipped weights.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict, deque
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


#: Why a gold pair is missed, tried in this order (:func:`miss`); the rules that leave a
#: scored order out are :data:`extraction.prerequisites.REJECTED`'s.
MISSES: dict[str, str] = {
    "concept": "one of the two names no concept of the build (the concepts' stage)",
    "reversed": "a chain of prerequisites leads from the second to the first",
    "far": "a chain leads from the first to the second, in more than three steps",
    "none": "no candidate pair: the notes never link the two (no relation, card or name)",
    "threshold": "the model scores the order under its threshold",
    "statistics": "only how often and where the two are named speaks for the order",
    "unexplained": "the first is a concept the notes never explain nor single out",
    "against": "a relation the notes state puts the second first",
    "opposite": "the other direction is likelier",
    "cycle": "the weakest edge of a cycle",
    "cost": "too costly to place among overlapping cycles",
}
#: The most prerequisite steps from the first concept to the second that a pair is
#: reached in (``prereq_recall_path3`` of ``../shared/eval/score.py``).
REACHED_STEPS = 3


def miss(
    firsts: set[str],
    seconds: set[str],
    reach: Mapping[str, Mapping[str, int]],
    scored: Mapping[tuple[str, str], tuple[float, str]],
) -> tuple[str, tuple[str, str] | None] | None:
    """Why the gold order "learn one of ``firsts`` before one of ``seconds``" (the concepts
    that name each gold concept) is missed, a key of :data:`MISSES` and the candidate
    read (the likeliest of the ordered pairs), or None when a chain of at most
    :data:`REACHED_STEPS` kept prerequisites leads from one to the other. ``reach`` is
    concept -> {concept its kept prerequisites lead to: steps}; ``scored`` is (A, B) ->
    (probability, why the order was left out) for every candidate order left out.

    A gold concept several concepts name is reached through any of them (the scorer
    reads the most important one alone).

    >>> reach = {"ore": {"smelting": 1, "alloy": 2}}
    >>> miss({"ore"}, {"alloy"}, reach, {})
    >>> miss({"flux"}, {"alloy"}, reach, {("flux", "alloy"): (0.18, "threshold")})
    ('threshold', ('flux', 'alloy'))
    >>> miss({"alloy"}, {"ore"}, reach, {}), miss(set(), {"ore"}, reach, {})
    (('reversed', None), ('concept', None))
    """
    if not firsts or not seconds:
        return ("concept", None)
    steps = [reach.get(a, {}).get(b) for a in firsts for b in seconds]
    steps = [n for n in steps if n is not None]
    if steps and min(steps) <= REACHED_STEPS:
        return None
    if any(a in reach.get(b, {}) for a in firsts for b in seconds):
        return ("reversed", None)
    if steps:
        return ("far", None)
    orders = [(scored.get((a, b)), (a, b)) for a in sorted(firsts) for b in sorted(seconds)]
    orders = [(found, pair) for found, pair in orders if found is not None]
    if not orders:
        return ("none", None)
    (_, why), pair = max(orders, key=lambda o: o[0][0])
    return (why, pair)


def misses(
    devfile: quality.DevFile,
    context: Mapping[str, Any],
    models: Mapping[str, LogisticModel] | None = None,
) -> list[dict[str, Any]]:
    """Each gold pair of one development file that its build alone does not reach within
    :data:`REACHED_STEPS` prerequisite steps: the two gold concepts, why (:func:`miss`)
    and, for a scored candidate, its probability both ways and its features. ``models``
    replace the shipped concept selector and prerequisite scorer (``"selector"``,
    ``"prerequisites"``), as in :func:`graph.build.build_graph`."""
    from extraction.concepts import extract_concepts
    from extraction.prerequisites import candidates, default_model, prerequisite_decisions
    from extraction.relations import typed_relations

    models = models or {}
    model = models.get("prerequisites") or default_model()
    cards = [card for result in context["results"] for card in result.cards]
    order = list(dict.fromkeys(card.source for card in cards))
    cache = context.get("cache")
    index = extract_concepts(
        cards,
        nlp=context.get("nlp"),
        order=order,
        parse=cache.parse if cache else None,
        model=models.get("selector"),
    )
    typed = typed_relations(index)
    found = candidates(index, typed)
    kept, rejected = prerequisite_decisions(index, typed, model=model)
    reasons = {(r.source, r.target): why for r, why in rejected}
    kept_pairs = {(r.source, r.target) for r in kept}
    probability = {pair: model.probability(c.features) for pair, c in found.items()}
    scored = {
        pair: (p, reasons.get(pair, "threshold"))
        for pair, p in probability.items()
        if pair not in kept_pairs
    }
    named: dict[str, set[str]] = defaultdict(set)
    for concept, gold in gold_names(index, context["gold"]).items():
        for g in gold:
            named[g].add(concept)
    reach = _reach(sorted(kept_pairs))
    _, rows = quality._read_tsv(context["gold"] / "prerequisites.tsv")
    out = []
    for row in rows:
        why = miss(named[row["prereq"]], named[row["target"]], reach, scored)
        if why is None:
            continue
        status, pair = why
        record: dict[str, Any] = {
            "file": devfile.number,
            "prereq": row["prereq"],
            "target": row["target"],
            "status": status,
        }
        if pair is not None:
            a, b = pair
            record.update(
                pair=[a, b],
                probability=round(probability[(a, b)], 3),
                reverse=round(probability.get((b, a), 0.0), 3),
                features=dict(found[(a, b)].features),
            )
        out.append(record)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Print why the gold pairs each development file misses are missed, then counts."""
    from benchmarks.fit_selector import dev_contexts

    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.fit_prerequisites", description=__doc__
    )
    parser.add_argument("--files", nargs="*", help="file numbers (000 203 ...); default all")
    parser.add_argument(
        "--models", type=Path, help="leave-one-file-out models (DIR/<file>/<model>.json)"
    )
    args = parser.parse_args(argv)
    counts: dict[str, Counter[str]] = {}
    for f, context in dev_contexts("prerequisite-misses-"):
        if args.files and f.number not in args.files:
            continue
        folder = args.models / f.number if args.models else None
        models = {
            name: LogisticModel.load(folder / f"{name}.json")
            for name in ("selector", "prerequisites")
            if folder is not None and (folder / f"{name}.json").is_file()
        }
        rows = misses(f, context, models)
        counts[f.number] = Counter(r["status"] for r in rows)
        for r in rows:
            line = f"{r['file']} {r['status']:11s} {r['prereq']} -> {r['target']}"
            if "pair" in r:
                a, b = r["pair"]
                line += f"  ({a} -> {b}: {r['probability']}, reverse {r['reverse']})"
                line += "  " + ", ".join(f"{k} {v:+g}" for k, v in r["features"].items())
            print(line)
    print()
    statuses = [s for s in MISSES if any(c[s] for c in counts.values())]
    print("file " + " ".join(f"{s:>11s}" for s in statuses))
    for number, c in [*counts.items(), ("all", sum(counts.values(), Counter()))]:
        print(f"{number:4s} " + " ".join(f"{c[s]:11d}" for s in statuses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
