"""The concept selector's fitter: candidate groups of a development file, labelled by
its gold concepts.

A group is a positive example when one of its names (keys and written forms, after
the scorer's normalisation) is a gold concept of the file, whatever its tier; every
other group is a negative one. A group naming a core concept (what a heading, card or
definition is about) weighs :data:`CORE_WEIGHT` times as much as the others. The
model is fitted by L2-regularised logistic regression
(:func:`extraction.logistic.fit_logistic`) and its threshold is the middle of the
plateau where F1, on the examples it was fitted on, is near its best: the mean of the
possible cuts weighted by how close their F1 is to the best (:func:`best_threshold`),
so that a few examples more or less do not move it.
``python -m benchmarks.fit_selector`` prints the leave-one-file-out figures of each
penalty of :data:`L2_GRID` and the one they choose (:func:`choose_l2`).
"""

from __future__ import annotations

import math
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from benchmarks.fitting import Example, Fitter, register
from extraction.concepts import extract_concepts
from extraction.concepts.features import FEATURES
from extraction.logistic import LogisticModel, fit_logistic

#: Strength of the L2 penalty, chosen leave-one-file-out (``python -m
#: benchmarks.fit_selector``: :func:`choose_l2` over :data:`L2_GRID`): 0.0003 kept the
#: most of the groups that name gold concepts for the fewest that name none. Since the
#: 2026-12-06 changes the grid prefers 0.0002 by 0.0026 in F1, within what one changed
#: candidate moves it; that trades a concept of one file for one of another and lowers
#: typed relation recall a little, so 0.0003 is kept until the grid's margin is clear.
L2 = 0.0003
#: The penalties :func:`choose_l2` compares.
L2_GRID = (0.0001, 0.0002, 0.0003, 0.0005, 0.001, 0.002, 0.004)
#: Weight of an example that names a core concept. Measured leave-one-file-out on
#: 2026-12-06 (pooled concept recall core / all, node precision): 1.0 gives 0.883 / 0.696 /
#: 0.725, 2.0 gives 0.891 / 0.691 / 0.745, 3.0 and 4.0 give 0.886 with less of both others.
#: A heavier weight only lowers the threshold: the core concepts the selector drops are
#: used once in prose, with nothing in their features that the other names used once
#: lack. Neither the threshold's F1 counting core examples twice, nor a second model of
#: core against the rest (a group kept when either model keeps it), nor weighting core
#: only where the file singles the name out raised core recall without losing precision;
#: down-weighting the mentioned tier lowered core recall too (0.25: 0.888 / 0.662 / 0.721).
CORE_WEIGHT = 2.0

# Evidence about a name used once or twice in prose, measured leave-one-file-out on
# 2026-12-06 as extra features and left out: none ordered gold above the rest better than
# chance among the groups near the threshold (AUC 0.49-0.55), and none moved pooled
# recall without moving precision as a shift of the threshold does. A sentence in which a
# relation cue of `extraction.relation_patterns` (or a shared governing verb) joins the name
# to a name the notes single out; the genus of a copula ("is a ... X"), "a kind/type of X",
# the side of a contrast ("unlike X"), a problem or remedy ("due to X", "prevents X");
# a longer name whose head or modifier the notes single out; the number of longer names
# it is used inside; the first sentence of the answer of a question about something else
# (0.545, a pure threshold trade); a use inside a question title; a common noun written
# with a capital inside a sentence; uses as the head after a describing adjective ("a
# specific antigen"); a gradable or relational first adjective; a modifier rarer than the
# head; the share of the file's names that it singles out. Leaving out `log_cards` raises
# recall on card notes (core 0.886 -> 0.893, all 0.689 -> 0.695, precision the same) by
# taking it from prose notes (one file loses 0.06 of recall_all) and lowers learning-path
# recall below its floor: the three use counts share what they say, and their weights are
# a compromise between note formats.
#
# Measured again on 2026-12-06 (evening) for the gold concepts that missed relations hang
# on, leave-one-file-out on the group level (pooled precision / core / all, baseline 0.750
# / 0.888 / 0.694), and left out: a name that is the noun phrase right before or after a
# cue of `extraction.relation_patterns` in one of its sentences (AUC among the unkept
# groups above p 0.1: 0.524; 0.744 / 0.893 / 0.695, one file's gain for three others'
# losses), the same per relation table (0.498-0.508; part_of and addresses together 0.743 /
# 0.886 / 0.689), only the subject side (0.511; 0.753 / 0.888 / 0.689), a cue joining it to a
# kept name (0.521; 0.752 / 0.883 / 0.688), a class named before "e.g." / "such as" /
# "including" (0.504; 0.751 / 0.888 / 0.692). Of the missed relations' ends with no node,
# three in four are names the notes use once or twice in prose, one in six is never
# written as a name (a verb, a paraphrase); a name in a relation sentence is as often no
# term as it is one.
# A heading that narrows another heading's name ("X for Y" beside "X") read with the
# shape of that name still trades one file's two headings for another file's two core
# names (0.750 / 0.888 / 0.695), as in session 19.
#
# Measured on 2026-12-06 (night) for node precision: the kept groups that name no gold
# concept are, by class, noun compounds used in prose ("tank pressure", 41 in 11
# files), one everyday word used often (26 in 11), singled-out section or course titles
# and list items (27, 15 of them in one file), an example's own things, variables and
# people (24), a describing adjective and a noun (19), parts or narrowings of a longer
# name (18), acronyms used once or only inside longer names (14). Offline features, each
# refit leave-one-file-out on the group level (pooled precision / core / all, baseline
# 0.750 / 0.888 / 0.692), left out because none moved more than a threshold shift does and
# each traded one file for another: the share of its sentences in the first person plural
# ("we", "our", "let's": a worked example told; 0.746 / 0.888 / 0.696); the share of its
# uses right after "of (the)", for a name not singled out ("the depth of the river
# bed"; 0.756 / 0.891 / 0.692, two gold names of one file for three false
# ones of three others); an acronym not singled out, alone or by its uses (0.751 / 0.888
# / 0.692); an ordinal first word ("first", "final"; 0.749 / 0.888 / 0.692); uses per
# sentence (a list line counted as label, item and mention; 0.745 / 0.891 / 0.692), and
# sentences instead of uses (0.753 / 0.888 / 0.691; without `log_count` 0.742 / 0.863 /
# 0.658); a two-word name whose two words the notes also use alone (0.744 / 0.883 / 0.694)
# or whose head they use alone (0.740 / 0.888 / 0.692); the share of its uses after "the"
# (0.754 / 0.888 / 0.692, two files lose five gold names), after "a" (0.734) or bare
# (0.747); the `singled_` interaction of adjective_only, acronym, symbol, commonness,
# head_common, adj_commonness, word_uses, noun_compound, proper, nested, textrank,
# log_sentences or log_cards (0.745 - 0.756, core at most 0.888); a first adjective the
# notes also use after a copula ("the crater is small"; AUC 0.50: "the curve is
# normal" too; 0.754 / 0.888 / 0.694, two files lose gold); the share of the cards that
# use it whose title shares a word with it, for a name not singled out (an example's
# things are off the section's topic; 0.736 / 0.886 / 0.688, and as "none": 0.749 / 0.883
# / 0.686); a name of two words or more whose modifier is a name the notes single out and
# use twice, for a name not singled out ("glaze recipe", "kiln schedule" beside
# "glaze", "kiln"; 0.760 / 0.886 / 0.688: it drops five such false names but raises
# every fold's threshold by 0.005 - 0.012, which takes four gold names, one of them a core
# name of a file under its core floor; at equal kept counts it is 0.004 - 0.009 above the
# baseline's precision, a gain too small for that trade; with the "of (the)" share beside
# it, 0.761 / 0.891 / 0.691: one file loses two gold names and another's
# precision falls while its core rises). A penalty L2 of 0.00003 - 0.0002 gives 0.756 -
# 0.749 with core 0.881 - 0.888.
# Those two together are now features (`after_of`, `modifier_singled`): measured with the
# benchmark's own leave-one-file-out figures on 2026-12-06 (baseline 0.753 / 0.888 /
# 0.691, noise 22) they give 0.763 / 0.891 / 0.689, noise 21. Between them they drop
# thirteen false names in six files, and cost one gold name (an "X of" idiom, "by
# means of X"). The raised fold thresholds take two gold names used once in prose. A
# narrower `after_of`, with no word between the article and the name, gives 0.761.
#
# Measured on 2026-12-07 for names used in one place, with each use's place recorded (its
# segment and first token, its roles, the dependency label and depth of its head word);
# refit leave-one-file-out on the group level (pooled precision / recall / core recall,
# baseline 0.767 / 0.625 / 0.808), and left out. One use does earn several roles: a list
# line's label and mention, an enumeration's listed and mention, an acronym and its
# mention; and the same role twice where two generators read the same words (a question
# title's noun runs, an enumeration matched twice). But those stacked roles are evidence:
# of the names used in one place, 0.36 of those with two roles or more name gold, 0.12 of
# those with one. Counting distinct places instead of uses (0.733 / 0.626 / 0.799), one use per
# place and role (0.750 / 0.620 / 0.799; in the benchmark 0.753 / 0.686, core 0.878),
# one per place (0.750 / 0.625 / 0.799), a mention dropped where another role reads the
# same words (0.736 / 0.622 / 0.803) all lose precision; distinct places beside the uses
# (0.765 / 0.625 / 0.808), roles per place (0.764 / 0.621 / 0.808) and the share of
# places with two roles that single it out (0.766 / 0.623 / 0.806) add nothing. Where
# the one use stands does not separate gold among the names used once in prose (1,692
# groups, 185 gold): a tenth is gold whatever the head word's dependency (object of a
# preposition 0.11, direct object 0.11, subject 0.08) or depth (1: 0.10, 2: 0.13, 4:
# 0.08); as features, the one place only a mention (0.764 / 0.625 / 0.808), a subject
# (0.767 / 0.623 / 0.806), its depth (0.761 / 0.620 / 0.806), each role of the one place
# (0.762 / 0.623 / 0.806), the share of its sentence's words the name takes (0.772 /
# 0.619 / 0.799: a threshold trade) and uses in table cells (0.753 / 0.629 / 0.810) move
# no more than a threshold shift does.
#
# Measured on 2026-12-07 (session 26) for names the notes single out (`python -m
# benchmarks.missed_concepts --models DIR`, the leave-one-file-out models of 8a229e3): of
# the 217 gold concepts missed, 5 have a role that singles them out (three headings, two
# bold runs: "X with Y" / "X for Y" headings of four words, one one-word heading used
# nowhere under it, a bold clause, a bold name with a note-taking head) and none is a label:
# every gold group with a label role is kept (53), against 37 groups with a label role that
# name no gold concept (course and book titles with their subtitles, "Goal:", "Idea:",
# "Approximate time: 90 minutes"). 160 misses are only prose, 19 only list items or
# examples, 33 have no candidate. Keeping every group a role singles out, unless its head
# is a note-taking word, would add 5 gold groups and 91 false ones. Split the label role by
# what follows it, as features refit leave-one-file-out on the group level (kept / of them
# gold, baseline 666 / 520): a label explained by a phrase with an article ("X: a ...";
# 666 / 520, no change: the two such labels name tools of a set-up section), a label with
# no explanation on its line (663 / 518), one heading a short list or a ";" list (665 /
# 519), one explained by words in title case (a subtitle; 666 / 520), a label that is the
# name's only role (666 / 520), one of a run of two or three label lines (664 / 520 and
# 665 / 520, a fold-threshold shift in files with no such run); without `role_label` (666 /
# 519). No split can raise recall here: no gold label is missed.
# A label line is a mention of its name too where the noun chunker reads it as a noun
# phrase, so a label it does not read ("Setting up: ...", "Wedging: ...") is one use
# where another is two. Counting every such label as a mention (47 groups change) costs a
# core name in the refit (core 0.891 -> 0.886, relation_recall_any 0.702 -> 0.698), and
# every label of at most three words and no clause word (six groups) one of another file
# (core 0.888, recall_all 0.692, precision 0.783); only such a label with a verb's -ing
# form (three groups change, all gold and kept) gives, with frozen models, the same
# figures, and refitted precision 0.781 -> 0.782 (one false node of a file with no such
# label, a threshold shift) with path3 0.553 -> 0.551 (one prerequisite pair at 0.2199
# against 0.22, through the shipped selector the prerequisite fit builds with); mean of
# ten jittered refits (`python -m benchmarks.refit_noise`) 0.8888 / 0.6919 / 0.7697 ->
# 0.8891 / 0.6907 / 0.7709. On notes of other subjects it keeps such labels (a phrasal
# verb's label in a macroeconomics guide, 0.40 -> 0.67; "Backing up: ..." 0.20 -> 0.38,
# still under the cut); left on branch `label27-verbform`.
# Measured on 2026-12-07 (session 27) for the singled-out names left: the two "X with Y" /
# "X for Y" headings of one development file, as features (`clause_like` and the word
# count read from X where X is a name the notes single out): that file +2 core names,
# two other files -1 each (the two rows had held `heading_clause` and `singled_words4`
# up in every other fold: -0.25 -> -0.92, +0.13 -> -0.28), pooled core unchanged, 661 /
# 519 nodes; a shape in one file is learned by no fold that leaves it out, so such
# headings are kept by a rule of selection (`keep_refining_headings`), which leaves the
# fitted weights unchanged. A feature for a head naming a statement ("law of X",
# "uncertainty principle": `words.EPONYM_HEADS`) is weighed +0.08: no change. The one-word
# sub-heading ("Recovery" under a section on detecting a fault) and a bold principle
# phrased as an imperative ("focus on X not Y") have no shape that tells them from the
# note's other one-word sub-headings (16 turned down in the development notes, all
# false: "Metric", "Implementation", "Application") or its other bold imperatives (5,
# all false); the parent section's text using the heading's verb ("... take action to
# recover") singles out that one gold heading on the development notes and 75 of 498
# one-word sub-headings of d2l ("Training" under a section that trains, "Prediction",
# "Summary").
#
# Measured on 2026-12-07 (session 28) for names used only in running text (no role that
# singles them out, lists them or gives them as an example): 3,868 groups, 386 of them
# gold (0.10). Their gold share rises with uses (none of their own, only inside longer
# names: 0.055; one: 0.097; two: 0.21; three or more: 0.27) and with two words (0.14;
# one word 0.084, three or more 0.057); the selector's score already orders them (under
# 0.1: 0.029 gold; 0.1 - 0.3: 0.14; 0.3 and over: 0.42). Keeping one at the floor of node
# precision needs a group of them eight in ten gold; none was found. Each signal below
# was an extra feature refit leave-one-file-out on the group level, which gives the
# benchmark's own leave-one-file-out concept figures (baseline precision / core / all
# 0.793 / 0.896 / 0.696, 658 kept), with its AUC among the prose names turned down
# above p 0.1 (205 gold, 1,060 not), and left out. Termhood beyond a word's frequency:
# how much a phrase's words stick together (sentences with the phrase / sentences with
# all its words: 0.495; pointwise mutual information in the notes: 0.481, 0.791 / 0.896 /
# 0.696), its words used apart (0.488), C-value (0.518; 0.789 / 0.896 / 0.695), NC-value's
# context words shared with names the notes single out (0.491; 0.792 / 0.893 / 0.695);
# wordfreq scores a phrase from its words alone, so it cannot say whether English knows
# the phrase as a unit. The head's role: a name of two words or more whose head is the
# head of a name singled out ("X gauge" beside a card on "pressure gauge"; 0.514; 0.774 /
# 0.896 / 0.699, 23 more kept for 5 gold), a one-word name that heads names singled out
# or used alone (0.506, 0.522; 0.790 / 0.891 / 0.691, 0.790 / 0.888 / 0.688), its share
# of heading against modifying (0.524), a head that is itself a name singled out
# (0.493), a name inside names singled out (0.479) or named in their definitions
# (0.464); the same with the names the shipped selector keeps in place of those singled
# out (an upper bound: the file's own fit leaks into it) 0.48 - 0.52, at best 0.782 /
# 0.896 / 0.695. A second reading of the one use: after an acronym or a capitalised word
# ("the Mohs hardness scale"; 0.485; 0.784 / 0.896 / 0.694), an item of a coordination in
# running text ("basalt, gabbro and granite" with no list role: 0.560, the best of all;
# 0.763 / 0.899 / 0.701, 30 more kept for 3 gold, on the line a lower threshold draws),
# one whose other items are names singled out or kept (0.529, 0.534; 0.777 / 0.896 /
# 0.692), an apposition, "called", "such as" before it or ", a ..." after it (0.516; 0.789
# / 0.893 / 0.692), a bracket after it (0.507), after "as", "using", "with", "via", "by"
# (0.504), at the end of its sentence (0.524; 0.779 / 0.886 / 0.685), only plural forms
# (0.470), a capital inside the sentence (0.480); the dependency of its head word, parsed
# (apposition 0.498, conjunct 0.516, subject 0.486, object 0.497, object of a preposition
# 0.547, compound 0.491, root 0.508; at best 0.786 / 0.896 / 0.696). Interactions of
# `log_cards`, `single_count`, `nested`, `rarity` or `log_sentences` with being only in
# prose: at best 0.793 / 0.896 / 0.695. Spread: above p 0.1, the prose names that are gold
# are used in more cards (mean `log_cards` 0.31 against 0.20), which its negative weight holds
# against them; without `log_cards`, or with it as a share of the file's cards, log
# (cards - 1), log(cards / 2), only from three uses, or over log uses: core 0.888 - 0.901,
# precision 0.778 - 0.784, one prose file losing two to five gold names each time; in
# the benchmark without it, core 0.896 -> 0.901, recall_all 0.696 -> 0.698, precision
# 0.793 -> 0.781, path3 0.566 -> 0.545, path recall 0.705 -> 0.696, path order 0.961 ->
# 0.938.


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


#: How far below the best F1 a cut still counts: each cut weighs
#: ``exp(-(best F1 - its F1) / F1_SOFTNESS)`` in the threshold (a cut 0.01 below the
#: best weighs e^-2, one 0.03 below e^-6).
F1_SOFTNESS = 0.005


def best_threshold(
    model: LogisticModel, rows: Sequence[Example], *, softness: float = F1_SOFTNESS
) -> float:
    """The threshold in the middle of the best F1 plateau on ``rows`` (each example
    counted once): the mean of the scores where the kept examples could be cut, each
    weighted by how close the F1 of that cut is to the best,
    ``exp(-(best - F1) / softness)``, rounded down.

    F1 is flat near its best: taking the single best point makes the threshold jump
    when one example changes (a refit without one file kept 15 fewer concepts of
    another file). A plateau with a hard edge (the median of the cuts within 0.01 of
    the best) jumps too, less often: one example moved a whole stretch of cuts across
    the edge and the fold's threshold by up to 0.01. Weighted softly, a cut near the
    edge counts about as much on either side of it, and one example more or less
    moves the threshold by a fraction of what it moves the F1 of each cut.

    >>> model = LogisticModel(("x",), (1.0,), 0.0, 0.5)
    >>> rows = [({"x": v}, y, 1.0) for v, y in [(3, 1), (2, 1), (1, 0), (0, 1), (-1, 0)]]
    >>> best_threshold(model, rows, softness=0.001), best_threshold(model, rows, softness=0.1)
    (0.5, 0.5878)
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
    weights = [(math.exp((f - best) / softness), p) for f, p in f1s]
    threshold = sum(w * p for w, p in weights) / sum(w for w, _ in weights)
    # rounded down: a threshold rounded up past the score it was taken from would
    # reject that very example
    return math.floor(threshold * 10_000) / 10_000


def fit(rows: Sequence[Example]) -> LogisticModel:
    return fit_with(rows, L2)


def fit_with(rows: Sequence[Example], l2: float, *, extra: Sequence[Example] = ()) -> LogisticModel:
    """The selector fitted on ``rows`` at penalty ``l2``, with its threshold. ``extra``
    examples (weak labels, :mod:`benchmarks.weak_labels`) join the fit but not the
    choice of the threshold, which is made on ``rows`` alone."""
    both = [*rows, *extra]
    model = fit_logistic(
        [x for x, _, _ in both],
        [y for _, y, _ in both],
        features=list(FEATURES),
        l2=l2,
        sample_weight=[w for _, _, w in both],
    )
    threshold = best_threshold(model, rows)
    return LogisticModel(model.features, model.weights, model.bias, threshold, model.notes)


FITTER = register(Fitter("selector", examples, fit))


def lofo_f1(by_file: Mapping[str, Sequence[Example]], l2: float) -> tuple[float, float, float]:
    """Precision, recall and F1 of the kept groups, pooled over the files, each file's
    groups kept by a model fitted at penalty ``l2`` without that file (every example
    counted once, whatever its weight).

    >>> rows = [({"log_count": v}, int(v > 1), 1.0) for v in (3.0, 2.0, 1.0, 0.5)]
    >>> lofo_f1({"a": rows, "b": rows}, 0.01)
    (1.0, 1.0, 1.0)
    """
    kept = right = positives = 0
    for name, rows in by_file.items():
        model = fit_with([ex for other, exs in by_file.items() if other != name for ex in exs], l2)
        for x, y, _ in rows:
            accepted = model.accepts(x)
            kept += accepted
            right += accepted and y
            positives += y
    precision = right / kept if kept else 0.0
    recall = right / positives if positives else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def choose_l2(
    by_file: Mapping[str, Sequence[Example]], grid: Sequence[float] = L2_GRID
) -> tuple[float, dict[float, tuple[float, float, float]]]:
    """The penalty of ``grid`` with the best leave-one-file-out F1 (:func:`lofo_f1`), and
    each penalty's figures: the penalty is chosen on files the model was not fitted on,
    never by hand. Of equal figures the larger penalty (the simpler model) is taken."""
    figures = {l2: lofo_f1(by_file, l2) for l2 in grid}
    return max(grid, key=lambda l2: (figures[l2][2], l2)), figures


def dev_contexts(prefix: str) -> Iterator[tuple[Any, dict[str, Any]]]:
    """Each development file with what :func:`examples` reads of it: its notes read,
    the model, a parse cache shared by the files and the file's own gold rows, written
    in a temporary folder (named ``prefix``...) that lives while the files are read."""
    from benchmarks import quality
    from extraction import nlp as nlp_module
    from extraction.cache import ParseCache
    from extraction.readers import read_paths

    nlp = nlp_module.load()
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        work = Path(tmp)
        cache = ParseCache(work / "cache", nlp)
        for f in quality.dev_files():
            gold = work / "gold" / f.number
            quality.restrict_gold(f, gold)
            yield f, {"results": read_paths([f.path]), "nlp": nlp, "cache": cache, "gold": gold}


def main() -> int:
    """Print each penalty's leave-one-file-out figures and the one chosen."""
    by_file = {f.number: examples(f, context) for f, context in dev_contexts("fit-selector-")}
    best, figures = choose_l2(by_file)
    for l2, (precision, recall, f1) in figures.items():
        print(f"L2 {l2:<7} precision {precision:.3f} recall {recall:.3f} F1 {f1:.4f}")
    print(f"chosen: {best} (in use: {L2})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
