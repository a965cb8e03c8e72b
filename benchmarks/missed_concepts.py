"""Why the concept selector misses the gold concepts it misses, by how the notes use them.

Each development file is read and its candidate groups scored as a build of the file
alone does; each gold concept no kept group names is a miss, in the first class of
:data:`MISSES` that fits the groups that name it:

- ``none``: no candidate group names it (the notes never write it as a name the
  candidate stage reads);
- ``singled``: a group that names it has a role that singles it out (a card's term, a
  heading, a bold run, a label, the subject of a defining sentence...:
  :data:`~extraction.concepts.features.SINGLING_ROLES`) and the selector turned it down;
- ``listed``: it is only an item of an enumeration, a list or an example ("A, B and C",
  "such as X");
- ``prose``: it is only a noun phrase of running text.

``python -m benchmarks.missed_concepts [--files 000 204] [--models DIR]`` prints each
miss with its class, tier and likeliest group (its probability, the threshold and its
roles); for a ``singled`` miss, the features that weigh most against it; then the counts
per file. ``--models`` takes the leave-one-file-out models ``benchmarks.quality
--save-models`` wrote (``DIR/<file>/selector.json``), else the shipped weights.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from extraction.concepts.features import SINGLING_ROLES
from extraction.logistic import LogisticModel

#: Classes of a missed gold concept, the first that fits (see the module's docstring).
MISSES = ("none", "singled", "listed", "prose")
#: Roles that make a name an item of a list or an example, not a name singled out.
LISTING_ROLES = ("listed", "item", "example")
#: Features shown against a ``singled`` miss (the strongest first).
AGAINST_SHOWN = 5


def miss_class(roles: Sequence[Mapping[str, int]]) -> str:
    """The class of a missed gold concept (:data:`MISSES`), given the roles of each
    candidate group that names it.

    >>> miss_class([]), miss_class([{"mention": 2}, {"label": 1, "mention": 1}])
    ('none', 'singled')
    >>> miss_class([{"listed": 1, "mention": 1}]), miss_class([{"mention": 1, "nested": 2}])
    ('listed', 'prose')
    """
    if not roles:
        return "none"
    if any(r.get(role) for r in roles for role in SINGLING_ROLES):
        return "singled"
    if any(r.get(role) for r in roles for role in LISTING_ROLES):
        return "listed"
    return "prose"


def against(model: LogisticModel, features: Mapping[str, float]) -> list[tuple[str, float]]:
    """The features that weigh against a group in ``model``, the strongest first (at
    most :data:`AGAINST_SHOWN`).

    >>> model = LogisticModel(("words4", "log_count", "clause_like"), (-1.7, 2.3, -1.0), 0, 0.4)
    >>> against(model, {"words4": 1.0, "log_count": 0.69, "clause_like": 1.0})
    [('words4', -1.7), ('clause_like', -1.0)]
    """
    return [(f, w) for f, w in model.contributions(features) if w < 0][:AGAINST_SHOWN]


def misses(
    devfile: Any, context: Mapping[str, Any], model: LogisticModel | None = None
) -> list[dict[str, Any]]:
    """Each gold concept of one development file that no kept group names: its tier, its
    class (:func:`miss_class`) and its likeliest group's name, probability, threshold,
    roles and the features against it. ``model`` replaces the shipped selector."""
    from benchmarks.fit_selector import gold_names
    from benchmarks.quality import scorer
    from extraction.concepts import extract_concepts
    from extraction.concepts.selection import default_model

    model = model or default_model()
    cards = [card for result in context["results"] for card in result.cards]
    cache = context.get("cache")
    index = extract_concepts(
        cards, nlp=context.get("nlp"), parse=cache.parse if cache else None, model=model
    )
    alias, tier = gold_names(context["gold"])
    norm = scorer().norm
    groups: dict[str, list[tuple[float, Any]]] = defaultdict(list)
    kept: set[str] = set()
    for s in index.candidates:
        p = model.probability(s.features)
        for gold in {alias[norm(n)] for n in s.names if norm(n) in alias}:
            groups[gold].append((p, s))
            if s.kept:  # the model and the rules of selection (ruled out, kept by)
                kept.add(gold)
    out = []
    for gold in sorted(set(tier) - kept):
        named = groups.get(gold, [])
        roles = [_roles(s) for _, s in named]
        record: dict[str, Any] = {
            "file": devfile.number,
            "concept": gold,
            "tier": tier[gold],
            "class": miss_class(roles),
        }
        if named:
            p, s = max(named, key=lambda ps: (ps[0], ps[1].root))
            record.update(
                group=s.root,
                probability=round(p, 3),
                threshold=round(model.threshold, 4),
                roles=_roles(s),
                against=against(model, s.features),
            )
        out.append(record)
    return out


def _roles(scored: Any) -> dict[str, int]:
    roles: Counter[str] = Counter()
    for c in scored.candidates:
        roles.update(c.roles)
    return {role: n for role, n in roles.most_common() if n}


def main(argv: Sequence[str] | None = None) -> int:
    """Print each development file's missed gold concepts by class, then counts."""
    from benchmarks.fit_selector import dev_contexts

    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.missed_concepts", description=__doc__
    )
    parser.add_argument("--files", nargs="*", help="file numbers (000 204 ...); default all")
    parser.add_argument(
        "--models", type=Path, help="leave-one-file-out models (DIR/<file>/selector.json)"
    )
    args = parser.parse_args(argv)
    counts: dict[str, Counter[str]] = {}
    for f, context in dev_contexts("concept-misses-"):
        if args.files and f.number not in args.files:
            continue
        path = args.models / f.number / "selector.json" if args.models else None
        model = LogisticModel.load(path) if path is not None and path.is_file() else None
        rows = misses(f, context, model)
        counts[f.number] = Counter(f"{r['class']}/{r['tier']}" for r in rows)
        for r in rows:
            line = f"{r['file']} {r['class']:8s} {r['tier']:9s} {r['concept']}"
            if "group" in r:
                line += f"  <- {r['group']}: {r['probability']} (cut {r['threshold']}) {r['roles']}"
            print(line)
            if r["class"] == "singled":
                print("    against: " + ", ".join(f"{k} {w:+.2f}" for k, w in r["against"]))
    print()
    columns = [f"{c}/{t}" for c in MISSES for t in ("core", "mentioned")]
    print("file " + " ".join(f"{c:>15s}" for c in columns))
    for number, c in [*counts.items(), ("all", sum(counts.values(), Counter()))]:
        print(f"{number:4s} " + " ".join(f"{c[col]:15d}" for col in columns))
    return 0


if __name__ == "__main__":
    sys.exit(main())
