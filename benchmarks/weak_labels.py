"""Weak labels for the concept selector from flashcard decks that are no development
file (issue #12), and what they do to its leave-one-file-out figures.

The term side of a flashcard names a concept by construction. A deck of
``../shared/corpora/flashcards`` (external ML/NLP decks, see its ``SOURCE.md``) is read
with the project's readers and its concept stage run twice: on the cards as they are,
where the groups that some card is about (the ``subject`` feature: a term card's
front, a question's subject) give the deck's terms, and on the cards with their titles
hidden (:func:`without_titles`), where the same names are used only in answers. A
group of the second run is a weak positive when one of its names is a term of any
deck: a name a card's answer uses in passing that another card is about, the kind of
name the selector is weakest on. A name that is no card's term is *unlabelled*, not a
negative: decks make no card of most of their concepts.

Measured on 2026-12-07 (HEAD ``b0a2f52``; ``python -m benchmarks.weak_labels``; pooled
leave-one-file-out core recall / recall of all gold / precision of the candidate groups,
baseline 0.8909 / 0.6935 / 0.7738; the command reproduces the prose-only, all-groups
and negative-weight variants; the weak examples are in every fold, each fold's
threshold chosen on its development groups). Every way of labelling tried lowers
precision by more than it raises recall, and none lies clearly above the line a shift
of the baseline's threshold draws (-0.02: 0.8909 / 0.6992 / 0.7475; +0.02: 0.8807 /
0.6751 / 0.7809):

- every hidden-title group, a term positive and the rest negative, at weight 0.05 -
  0.5: 0.888 / 0.689 / 0.754 down to 0.888 / 0.662 / 0.677; the negatives the current
  selector ranks highest are real concepts no card was made of (methods, matrices,
  acronyms of models the answers use), and among the development groups within 0.1 of their fold's
  threshold the ranking worsens (AUC 0.650 -> 0.633 - 0.554). Negatives weighed 0.01 -
  0.02 beside positives at 0.3: 0.891 / 0.689 - 0.694 / 0.756 - 0.761;
- terms read by the title patterns alone (:func:`extraction.titles.title_concept`, 134
  weak positives against 481 for ``subject``): positives only at 0.1 - 1.0, 0.886 /
  0.689 - 0.691 / 0.767 - 0.772; with negatives at 0.2, 0.891 / 0.677 / 0.691;
- positives only ("plus a prior": the threshold is chosen again on the development
  groups), all groups, at 0.05 / 0.2 / 0.5: 0.886 / 0.691 / 0.766, 0.888 / 0.692 /
  0.763, 0.896 / 0.701 / 0.743; only groups no role singles out (prose names), at 0.1 /
  0.2: 0.888 / 0.692 / 0.768, 0.891 / 0.692 / 0.757; only prose names used at most three
  times: 0.888 / 0.694 / 0.759; only names of two words or more (or acronyms), leaving
  out the deck's one-word question nouns ("case", "system"): 0.888 / 0.694 / 0.766.
  These raise the AUC among the near-threshold groups a little (0.650 -> 0.666 - 0.671)
  but not among the closest (within 0.03 of the threshold: 0.546 -> 0.544 - 0.557).

Over ten refits with each development group's weight jittered by up to 20 %
(:mod:`benchmarks.refit_noise`), the means move along the same line: baseline 0.8888 /
0.6911 / 0.7693, prose positives at 0.2 0.8888 / 0.6918 / 0.7620, prose names used at
most three times 0.8891 / 0.6928 / 0.7642, all positives at 0.5 0.8952 / 0.7004 /
0.7413 (about what the baseline gives with its threshold 0.02 lower, which costs the
precision floor). In the quality benchmark (prose positives at 0.2, pooled
leave-one-file-out) nodes go 667 -> 681, core recall stays 0.891, recall of all gold
0.694 -> 0.692, node precision 0.780 -> 0.762, relation recall 0.702 -> 0.698 (below its
floor), typed 0.529 -> 0.524, path3 0.553 -> 0.545; four files lose gold names while
three gain some. A deck makes a card of what its author chose to test, not of every concept its
answers use: its unlabelled names are concepts as often as not, and its positives say
little the features do not already say.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from benchmarks.fit_selector import L2, fit_with
from benchmarks.fitting import Example
from extraction.logistic import LogisticModel
from extraction.records import Card

#: The suffixes of the deck files read: Anki packages and CrowdAnki exports.
DECK_SUFFIXES = (".apkg", ".json")


def deck_files(root: Path) -> list[Path]:
    """The deck files under ``root``, sorted; a file whose name starts with an underscore
    is a template of its collection (placeholder notes), not a deck."""
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and p.suffix in DECK_SUFFIXES and not p.name.startswith("_")
    )


def without_titles(cards: Iterable[Card]) -> list[Card]:
    """The cards with their titles hidden: what a card's answer says, without the term
    or question it answers (and the title's emphasis).

    >>> from extraction.records import Emphasis
    >>> card = Card("d#1", "d", "apkg", (1, 1), "What is a kiln?", "A kiln fires clay.",
    ...     title_kind="question", emphasis=(Emphasis("title", 10, 14, "bold"),))
    >>> hidden, = without_titles([card])
    >>> hidden.title, hidden.title_kind, hidden.emphasis, hidden.body
    ('', 'none', (), 'A kiln fires clay.')
    """
    return [
        dataclasses.replace(
            card,
            title="",
            title_kind="none",
            emphasis=tuple(e for e in card.emphasis if e.part != "title"),
        )
        for card in cards
    ]


def weak_label(names: Iterable[str], terms: Collection[str], norm: Callable[[str], str]) -> int:
    """1 when one of a group's ``names``, normalised by ``norm``, is one of the decks'
    ``terms`` (normalised alike), else 0: unlabelled.

    >>> weak_label({"Kilns", "kiln"}, {"kiln", "glaze"}, str.lower)
    1
    >>> weak_label({"fire"}, {"kiln"}, str.lower)
    0
    """
    return int(any(norm(n) in terms for n in names))


def weak_examples(
    groups: Iterable[tuple[Iterable[str], Mapping[str, float]]],
    terms: Iterable[str],
    norm: Callable[[str], str],
    weight: float,
    *,
    prose_only: bool = True,
    negative_weight: float = 0.0,
) -> list[Example]:
    """Weighted examples from hidden-title groups ``(names, features)``: each group
    naming a term is a positive of ``weight``; the others are negatives of
    ``negative_weight``, left out when it is 0. With ``prose_only``, only the groups
    that no role singles out (``structural`` 0) are taken.

    >>> groups = [({"kiln"}, {"structural": 0.0}), ({"fire"}, {"structural": 0.0}),
    ...     ({"glaze"}, {"structural": 1.0})]
    >>> weak_examples(groups, {"kiln", "glaze"}, str.lower, 0.2)
    [({'structural': 0.0}, 1, 0.2)]
    >>> len(weak_examples(groups, {"kiln"}, str.lower, 0.2, prose_only=False,
    ...     negative_weight=0.01))
    3
    """
    wanted = {norm(t) for t in terms}
    out: list[Example] = []
    for names, features in groups:
        if prose_only and features.get("structural", 0.0) > 0:
            continue
        y = weak_label(names, wanted, norm)
        w = weight if y else negative_weight
        if w > 0:
            out.append((features, y, w))
    return out


def read_decks(root: Path) -> tuple[set[str], list[tuple[frozenset[str], dict[str, float]]]]:
    """Every deck's terms (the names of the groups some card is about, by the concept
    stage's own ``subject`` feature) and the candidate groups of its cards with the
    titles hidden, as (names, features)."""
    from extraction import nlp as nlp_module
    from extraction.concepts import extract_concepts
    from extraction.readers import read_paths

    nlp = nlp_module.load()
    terms: set[str] = set()
    hidden: list[tuple[frozenset[str], dict[str, float]]] = []
    for path in deck_files(root):
        cards = [card for result in read_paths([path]) for card in result.cards]
        for s in extract_concepts(cards, nlp=nlp).candidates:
            if s.features.get("subject", 0.0) > 0:
                terms |= set(s.names)
        for s in extract_concepts(without_titles(cards), nlp=nlp).candidates:
            hidden.append((frozenset(s.names), dict(s.features)))
    return terms, hidden


def fit_beside(weak: Sequence[Example], l2: float = L2) -> Callable[[Sequence[Example]], Any]:
    """A fitter of the selector on development rows and the ``weak`` examples, its
    threshold chosen on the development rows alone (the weak ones are no sample of
    the notes the selector scores). With no weak examples, the selector's own fit."""

    def fit_rows(rows: Sequence[Example]) -> LogisticModel:
        return fit_with(rows, l2, extra=weak)

    return fit_rows


def auc(scored: Iterable[tuple[float, bool]]) -> float:
    """The chance that a positive scores above a negative (ties count half).

    >>> auc([(0.9, True), (0.4, False), (0.4, True), (0.1, False)])
    0.875
    """
    pairs = list(scored)
    pos = [p for p, y in pairs if y]
    neg = [p for p, y in pairs if not y]
    if not pos or not neg:
        return float("nan")
    wins = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg)
    return wins / (len(pos) * len(neg))


def main(argv: Sequence[str] | None = None) -> int:
    """Print the leave-one-file-out figures of the candidate groups with the weak
    examples at each weight, and the AUC among the groups near their fold's threshold."""
    from benchmarks import quality
    from benchmarks.refit_noise import lofo_figures, read_groups

    parser = argparse.ArgumentParser(prog="python -m benchmarks.weak_labels")
    parser.add_argument("--weights", type=float, nargs="+", default=[0.05, 0.1, 0.2, 0.5])
    parser.add_argument("--all-groups", action="store_true", help="not only prose names")
    parser.add_argument("--negative-weight", type=float, default=0.0)
    args = parser.parse_args(argv)
    norm = quality.scorer().norm
    terms, hidden = read_decks(quality.SHARED / "corpora" / "flashcards")
    files = read_groups()

    folds = {
        number: [
            (g.features, g.label, g.weight)
            for other, fg in files.items()
            if other != number
            for g in fg.groups
        ]
        for number in files
    }
    base = {number: fit_with(rows, L2) for number, rows in folds.items()}

    def near_auc(fit_rows: Callable[[Sequence[Example]], Any]) -> list[float]:
        """AUC among the groups within 0.1 and 0.03 of their fold's baseline threshold."""
        scored: dict[float, list[tuple[float, bool]]] = {0.1: [], 0.03: []}
        for number, rows in folds.items():
            model = fit_rows(rows)
            for g in files[number].groups:
                off = abs(base[number].probability(g.features) - base[number].threshold)
                for band, out in scored.items():
                    if off <= band:
                        out.append((model.probability(g.features), bool(g.golds)))
        return [auc(out) for out in scored.values()]

    print("weight   core  recall_all  precision  AUC near 0.1  AUC near 0.03")
    for weight in (0.0, *args.weights):
        weak = weak_examples(
            hidden,
            terms,
            norm,
            weight,
            prose_only=not args.all_groups,
            negative_weight=args.negative_weight if weight else 0.0,
        )
        fit_rows = fit_beside(weak)
        figures = lofo_figures(files, fit_rows)
        near = near_auc(fit_rows)
        print(
            f"{weight:<6} " + "  ".join(f"{v:.4f}" for v in figures) + f"  {near[0]:.3f}"
            f"  {near[1]:.3f}  ({len(weak)} weak examples)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
