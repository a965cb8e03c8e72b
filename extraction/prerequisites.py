"""Prerequisite edges (``A prerequisite_of B``: learn A before B), scored and explained.

Every pair of concepts the notes link (a typed relation, a name inside a name, one
named in the other's cards or definition, the two named together in several cards)
is a *candidate*, in both directions. For the ordered pair ``(A, B)`` the evidence
becomes named features (:data:`FEATURES`), each saying something for or against
"learn A before B":

- **typed relations** in their study direction: the general before the specific
  (``B is_a A``, ``B example_of A``), but the members of a set named in the plural
  before the set (``A is_a B``, B "the conditions for combustion"), what is used
  before what uses it, the problem before its remedy (``B addresses A``), the cause
  before its effect, the task before the tool made for it (where one sentence names
  both: applications listed under a question are where a tool leads, not what it
  builds on); a part and its whole in the order the notes teach them (a building
  block, or a part of several wholes, first); and a verb no table knows (``acts_on``:
  "a glacier carves the valley"), its object first, weighed apart from the typed ones;
- **names**: a concept whose name holds another's ("river basin management",
  "erosional landform" holding "erosion", "DRAM" holding "RAM") comes after it; in a
  build of several files, a name that heads another ("pressure", "blood pressure") only
  where one file names both (words alone link no two courses);
- **definitions**: A named in B's defining sentence (also by an abbreviation merged
  into A: "built on NMR"), or in the cards about B (the card holding B's defining
  sentence among them, but for what that card is otherwise about; a name of several
  words or in capitals the card writes where the parse read no mention counts too:
  :func:`_unread_names`) more than B in A's,
  or there only inside a longer name that is no concept (``named_within``: "up the
  inheritance tree" in the card about upcasting; a weight, never an edge alone);
  A's defining sentence lending its wording to B's, defined later (``shared_wording``:
  a run of six words or more, not the boilerplate of many definitions, nor what two
  kinds of one genus share); A first named while B is explained (B introduces A); A
  named in more cards than B (the more general notion); A named in the phrase a
  bracket glosses B by (``glossed``: "firing clay in a kiln (bisque firing)"); a
  sentence that denies A of B ("B is not an A", "it does not need A", "unlike A",
  read from its parse: :class:`_Denials`) says none of these;
- **layout**: a heading naming A over the cards about B, a card about A that lists or
  stresses B, a heading that lists A before B; each alone and pooled as ``layout`` (as
  ``stated`` pools the typed relations), so that what one file's layout shows (a heading
  that lists names) is weighed with what the others show;
- **course order**, where the notes first name each concept: a weak tiebreak.

A small logistic model (:class:`extraction.logistic.LogisticModel`, weights kept as data
in ``extraction/weights/prerequisites.json``, fitted by ``python -m benchmarks.fit``
on the development gold) turns the features into a probability. Of the two directions
of a pair at most the likelier is kept, when the model accepts it and some evidence of
what the notes say (not only how often or where they name the two, :data:`STATISTICS`)
speaks for it; a concept the notes never explain (no definition, no card of its own)
nor single out (a heading, a bold run, a list item: :func:`singled_out`) nor teach
through its kinds (:func:`taught_through_kinds`) nor ask about (:func:`asked_about`)
comes first only where they state the
order (:data:`STATEMENTS`) or name it before a kin they explain
(:data:`UNEXPLAINED_FIRST`). Cycles are broken at their weakest edge. Each edge keeps the
sentences behind the features that carried it, those features and their contributions
to the log-odds (``features``), and their names in ``label``.
"""

from __future__ import annotations

import heapq
import itertools
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Token

from extraction.concepts import ConceptIndex, Segment, is_acronym
from extraction.concepts.index import parsed_where, segments_only
from extraction.concepts.segments import label_of, sentences_of, span_text
from extraction.concepts.words import CONTRAST_CUE
from extraction.logistic import LogisticModel
from extraction.names import lemmas
from extraction.records import (
    HEADING_LIST,
    ORDER_STATEMENTS,
    STRESS_STYLES,
    Card,
    Evidence,
    Relation,
)
from extraction.relation_patterns import BUILDING_BLOCK, LIKENESS_SUFFIXES
from extraction.relations import denies, denying_determiner, is_meta
from extraction.titles import bracketed_label

PREREQUISITE = "prerequisite_of"

#: The features of an ordered pair (A, B), each said of "learn A before B". All but the
#: last two are signed: positive for A first, negative (the same evidence read the other
#: way) for B first, so that (B, A) has the opposite value of (A, B).
FEATURES: dict[str, str] = {
    "stated": "any of general, member, used, problem, cause, task or block: a typed "
    "relation says A comes first (+) or B (-); or an arrow does (arrow)",
    "general": "B is a kind or an example of A (+), A of B (-): the general first "
    "(not an everyday word the notes never explain)",
    "member": "A is one of the set B names in the plural (+: 'fuel' of 'the conditions for "
    "combustion', the members before the set), B one of A's (-)",
    "used": "B uses A (+: relies on it, is based on it), A uses B (-)",
    "problem": "B addresses A (+: the problem before its remedy), A addresses B (-)",
    "cause": "A causes B (+), B causes A (-)",
    "task": "B is used for A, one sentence naming both (+: the task before the tool), A for B (-)",
    "part": "A is a part of B (+), B a part of A (-)",
    "acts_on": "a sentence has B act on A through a verb no table knows (+: 'a glacier carves "
    "the valley', B explained by what it does to A), A on B (-); a verb of trouble "
    "(TROUBLE_VERBS) the other way: A struggles with B (+)",
    "glossed": "a bracket glosses B by a phrase naming A, or names B after a phrase naming A "
    "(+: 'raku (pots taken out of the kiln hot)', 'firing clay in a kiln (bisque firing)'), "
    "A so by B (-)",
    "block": "A is a building block of B, a part of B and of other wholes, or a part the "
    "card defining B names (+: 'What is a sailboat?' -- 'It consists of a hull, a mast "
    "and a keel')",
    "part_order": "A and B are part and whole, and the notes name A first (+) or B first (-)",
    "kin": "A and B are kinds of one thing, their names ending in the same word, that no "
    "sentence names together, and the notes name A first (+: 'bisque firing' before 'raku "
    "firing' where they teach bisque firing first) or B first (-)",
    "undergoes": "a sentence names A before a verb whose noun is B's one-word name, and not B (+: "
    "'prices inflate when wages rise' before 'inflation': the process told through what "
    "it acts on), B with A's (-)",
    "arrow": "a line names A before its first arrow and B first after its last (+: 'kiln "
    "heats up -> glaze melts', the step or result the arrows lead to after), B before A (-)",
    "name_inside": "A's name is inside B's (+: 'erosion' in 'erosional landform'; a name "
    "that heads B's, 'pressure' in 'blood pressure', only where one file names both)",
    "in_definition": "A is named in the sentence that defines B (+), B in A's (-); not where "
    "the sentence denies it ('B is not an A', 'B does not need A')",
    "definition_words": "A's name is inside another name in B's defining sentence, or written "
    "there in the possessive (+), B's in A's (-): 'osmosis' in 'reverse osmosis systems', "
    "'a kiln's plate'",
    "explains": "share of the cards about B that name A (named before; or written there where "
    "the parse read no mention, a name of several words or in capitals: 'Run GREP -v on the "
    "log' in the card about log filtering; or, in a card about B alone, a process of one "
    "word by its verb: 'circles inherit from shapes' names inheritance), less the converse",
    "named_within": "share of the cards about B that name A only inside a longer name that "
    "is no concept, less the converse (+: 'the casting moves up the inheritance tree' in "
    "the card about upcasting puts inheritance first)",
    "shared_wording": "A's and B's defining sentences share a run of six words or more (no "
    "word of either name, held by at most three definitions), A and B being no two kinds of "
    "one genus, and the notes define A first (+: B's definition borrows the wording that "
    "defined A) or B first (-)",
    "introduced": "A is first named, in passing (not set in bold), while the notes explain B "
    "(+), B while they explain A (-); not a term so defined without a card of its own "
    "(coined)",
    "coined": "B is first named, in passing, while the notes explain A, and defined there "
    "or later without a card of its own (+: a term A's explanation coins, 'the soil's pH' "
    "in the card about liming, with 'pH is the acidity of ...'), A so in B's (-)",
    "section": "the notes explain B under a heading that names A (+), or A under B's (-)",
    "lists": "B is an item of a list in a card about A (+: what the card explains, then its "
    "items), A of a list about B (-)",
    "heading_order": "a heading lists A and B by name, A first (+) or B first (-): "
    "'Mitosis and meiosis', the order the notes teach them in",
    "layout": "any of section, lists, heading_order, stressed: the notes' layout puts A over "
    "or before B (+), B over or before A (-); not a whole over its building blocks (block), "
    "which that layout states",
    "stressed": "B is set in bold, italics or underline, or introduced by name ('called B', "
    "or first named by a bracket after words naming it: 'keeps state private (module "
    "pattern)'), in a card about A (+: what the card explains, then the terms it marks), "
    "A in a card about B (-)",
    "wider": "A is named in more cards than B (log ratio, in [-1, 1])",
    "common": "A's name is a commoner English word than B's (Zipf scale, in [-1, 1])",
    "earlier": "the notes name A first (+1) or B first (-1)",
    "together": "how many cards name both (up to 1 at four cards; either way)",
    "spread": "the share of all cards that name A: a word named everywhere is background",
    "contrast": "A and B are contrasted (either way)",
}
#: Typed-relation features that also raise ``stated``: what they share is learned from
#: all of them together, what sets one apart from its own examples.
STATED = frozenset({"general", "member", "used", "problem", "cause", "task", "block"})
#: Features that read the same both ways ("spread" is A's alone, set on each direction).
SYMMETRIC_FEATURES = frozenset({"together", "contrast", "spread"})
#: Features that say how the notes name the two concepts, not what they say of them:
#: they weigh an edge but never make one alone (a name inside a longer one, "output" in
#: "the output sequence", says little alone of what a card explains its subject with).
STATISTICS = frozenset(
    {"wider", "earlier", "together", "contrast", "spread", "common", "named_within"}
)
#: Features read off where and how often the notes name the two, never off a sentence:
#: an edge cites no sentence for them (``python -m graph explain A B`` says so where one
#: carries an edge most).
UNCITED = frozenset({"wider", "earlier", "common", "spread"})
#: Features that state an order outright (:data:`extraction.records.ORDER_STATEMENTS`):
#: being named beside the other ("data" in the cards about everything) is not enough.
STATEMENTS = ORDER_STATEMENTS
#: What lets a concept the notes never explain come first (:func:`_decision`): a statement
#: of the order, or a kin the notes go on to explain ("bisque firing" named in passing,
#: then a card about "raku firing": the kinds in the order the notes introduce them, the
#: one named in passing being what the notes speak of before they teach its kin).
UNEXPLAINED_FIRST = STATEMENTS | {"kin"}
#: Typed relation ``source -> target`` -> the feature it gives (source, target) and its
#: sign there.
TYPED_FEATURES: dict[str, tuple[str, int]] = {
    "is_a": ("general", -1),
    "example_of": ("general", -1),
    "uses": ("used", -1),
    "addresses": ("problem", -1),
    "causes": ("cause", 1),
    "used_for": ("task", -1),
    "part_of": ("part", 1),
    "contrasts_with": ("contrast", 1),
}
#: The relation a verb no table knows gives (subject -> object): ``acts_on``.
UNTYPED = "related_to"
#: Verbs of trouble, as the relations stage labels an untyped edge: their subject is
#: what has the trouble and comes first, its object the trouble met in it ("small
#: firms struggle with credit constraints", "the pump suffers from cavitation").
TROUBLE_VERBS = frozenset(
    "struggle struggles struggled suffer suffers suffered face faces faced encounter "
    "encounters encountered".split()
)
#: Where the fitted weights are kept.
WEIGHTS = Path(__file__).resolve().parent / "weights" / "prerequisites.json"
#: Most evidence sentences kept per edge.
MAX_EVIDENCE = 3
#: Cards naming both concepts at which ``together`` reaches 1.
TOGETHER_CARDS = 4
#: Rejected candidates at least this likely are kept for explanations.
EXPLAIN_FLOOR = 0.2


@dataclass(slots=True)
class Candidate:
    """An ordered pair of concepts, its features and the evidence behind each.

    Evidence is kept by feature and sign: ``evidence[("general", 1)]`` holds the
    sentences saying that B is a kind of A.
    """

    source: str
    target: str
    features: dict[str, float] = field(default_factory=dict)
    evidence: dict[tuple[str, int], list[Evidence]] = field(default_factory=dict)
    #: the strongest evidence for each side of a signed feature
    _sides: dict[tuple[str, int], float] = field(default_factory=dict, repr=False)

    def add(self, feature: str, value: float, evidence: Iterable[Evidence] = ()) -> None:
        """Say ``value`` of ``feature``: the strongest value said for each sign stands,
        and a feature said both ways is their sum."""
        sign = 1 if value >= 0 else -1
        held = self._sides.get((feature, sign), 0.0)
        if abs(value) > abs(held):
            self._sides[(feature, sign)] = value
        total = self._sides.get((feature, 1), 0.0) + self._sides.get((feature, -1), 0.0)
        if total:
            self.features[feature] = round(total, 3)
        else:
            self.features.pop(feature, None)
        cited = self.evidence.setdefault((feature, sign), [])
        for e in evidence:
            if e not in cited and len(cited) < MAX_EVIDENCE:
                cited.append(e)

    def reversed(self) -> Candidate:
        """The pair read the other way: signed features change sign."""
        flip = lambda f, v: v if f in SYMMETRIC_FEATURES else -v  # noqa: E731
        other = Candidate(self.target, self.source)
        other.features = {f: flip(f, v) for f, v in self.features.items()}
        other._sides = {
            (f, s if f in SYMMETRIC_FEATURES else -s): flip(f, v)
            for (f, s), v in self._sides.items()
        }
        other.evidence = {
            (f, s if f in SYMMETRIC_FEATURES else -s): list(e)
            for (f, s), e in self.evidence.items()
        }
        return other


@cache
def default_model() -> LogisticModel:
    """The model fitted on the development gold (``extraction/weights``)."""
    return LogisticModel.load(WEIGHTS)


# -- what the notes say about each concept ---------------------------------------------


@dataclass(slots=True)
class _Notes:
    """Per-concept facts the features read."""

    naming: dict[str, int]  # concept -> how many cards name it (or are about it)
    about: dict[str, set[str]]  # concept -> cards about it
    ranks: dict[str, tuple[int, int]]  # concept -> (file rank, line) where first named
    first_card: dict[str, str]  # concept -> card whose answer first names it
    #: concept -> the concepts named on the line of its defining sentence, itself
    #: included (one set shared by every concept defined on that line)
    defined_with: dict[str, set[str]]
    mention_of: _MentionsOf  # (A, card) -> sentences naming A
    #: (A, B) -> the heading naming A under which the notes explain B
    sections: dict[tuple[str, str], Evidence]
    #: concept -> {card holding its defining sentence, about something else: what the
    #: card is about}
    hosts: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    #: concept -> the concepts whose name is inside another name of its defining
    #: sentence (not its own name, nor one of ``defined_with``)
    defined_with_words: dict[str, set[str]] = field(default_factory=dict)
    #: concept -> the cards that set its name in bold, italics or underline
    stressed_in: dict[str, set[str]] = field(default_factory=dict)
    #: the sentences that deny something, and what they deny
    denials: _Denials = field(default_factory=lambda: _Denials({}))
    #: concept -> the files that name it (a name of its own, not inside a longer one)
    files: dict[str, frozenset[str]] = field(default_factory=dict)
    #: cards whose answer is nothing but names, one a line (:func:`names_only`)
    listing: frozenset[str] = frozenset()

    def meet(self, a: str, b: str) -> bool:
        """Do the notes name ``a`` and ``b`` in one file (a build of one file: always)?
        A name that heads another's links two courses by their words alone: "pressure" in
        one course and "blood pressure" in another need not be the same pressure."""
        files_a, files_b = self.files.get(a), self.files.get(b)
        return not files_a or not files_b or bool(files_a & files_b)


class _MentionsOf:
    """``mention_of[(A, card)]``: the sentences of ``card`` that name A, in their order
    (none: an empty list), read from ``index.card_mentions`` when asked. A dict of every
    (concept, card) pair held as many entries as there are mentions, on a large build
    more than the mentions themselves.

    >>> e = Evidence("n.md", 2, "Osmosis moves water.")
    >>> mention_of = _MentionsOf({"n.md#1": [("osmosis", e), ("water", e)]})
    >>> mention_of[("osmosis", "n.md#1")], mention_of[("osmosis", "n.md#2")]
    ([Evidence(source='n.md', line=2, text='Osmosis moves water.')], [])

    A card naming many concepts (a long paragraph names thousands) is asked about each of
    them: its sentences are then grouped by concept once, for the last few such cards
    (:data:`MENTIONS_GROUPED_CARDS`), instead of scanned at every question.

    >>> many = _MentionsOf({"n.md#1": [(f"c{i % 50}", e) for i in range(100)]})
    >>> len(many[("c7", "n.md#1")]), many[("c7", "n.md#1")] == many[("c7", "n.md#1")]
    (2, True)
    """

    __slots__ = ("_by_card", "_grouped")

    def __init__(self, by_card: Mapping[str, Sequence[tuple[str, Evidence]]]) -> None:
        self._by_card = by_card
        self._grouped: dict[str, dict[str, list[Evidence]]] = {}

    def __getitem__(self, key: tuple[str, str]) -> list[Evidence]:
        concept, card = key
        found = self._by_card.get(card, ())
        if len(found) <= MENTIONS_SCANNED:
            return [e for c, e in found if c == concept]
        grouped = self._grouped.pop(card, None)
        if grouped is None:
            grouped = {}
            for c, e in found:
                grouped.setdefault(c, []).append(e)
            if len(self._grouped) >= MENTIONS_GROUPED_CARDS:
                del self._grouped[next(iter(self._grouped))]  # the least recently asked
        self._grouped[card] = grouped  # now the most recently asked
        return list(grouped.get(concept, ()))


#: Mentions of a card scanned at each question; a card with more is grouped by concept.
MENTIONS_SCANNED = 64

#: Cards whose mentions are kept grouped by concept at once (the last ones asked about).
MENTIONS_GROUPED_CARDS = 8


def reads_parse(seg: Segment) -> bool:
    """Whether this stage reads ``seg``'s parse: a heading, or a title that heads its
    card (it may name a concept over the cards below it), or a segment that may deny
    something (:func:`may_deny`: what its denials govern is no evidence of an order).
    The build keeps these documents and lets the others go before this stage
    (:meth:`ConceptIndex.drop_parses`)."""
    return _heads_cards(seg) or may_deny(seg)


def _heads_cards(seg: Segment) -> bool:
    """Is ``seg`` a heading, or a title that heads its card?"""
    return seg.is_heading or (seg.is_title and seg.card.title_kind in {"heading", "none"})


#: A word without which no sentence denies anything: "not", "n't", "never", "no",
#: "neither", "nor", "cannot", and "unlike" (what a sentence sets its subject apart from).
DENIAL_WORD = re.compile(r"n't\b|\b(?:not|never|no|neither|nor|cannot|unlike)\b", re.IGNORECASE)


def may_deny(seg: Segment) -> bool:
    """Does ``seg`` hold a word that may deny (:data:`DENIAL_WORD`)? Only such segments'
    parses are read for denials.

    >>> from extraction.records import Card
    >>> card = Card("n#1", "n.md", "markdown", (1, 1), "", "")
    >>> [may_deny(Segment(card, 1, t, is_title=False)) for t in ("A kiln isn't an oven.",
    ...                                                          "A kiln fires clay.")]
    [True, False]
    """
    return DENIAL_WORD.search(seg.text) is not None


# -- what the notes deny ---------------------------------------------------------------

#: The parts of speech of a clause's verb (or copula), where a word's climb to its clause
#: stops.
_CLAUSE_HEADS = frozenset({"VERB", "AUX"})

#: Prepositions that set their object apart from what the sentence says ("Unlike a roux,
#: a beurre manie is never cooked"): a contrast, not what the sentence builds on.
CONTRASTING_PREPOSITIONS = frozenset({"unlike"})
#: The dependencies by which a word reaches its clause's verb as what the clause says of
#: its subject: a denial of the verb denies the subject nothing ("Friction can't
#: be eliminated" still speaks of friction).
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
#: The dependencies of a clause that describes a word of another clause rather than
#: says what the sentence says of its subject: a relative or adverbial clause ("an orbit
#: that does not end in a collision" still builds on collision, what it is defined against).
#: Its verb's denial is not the sentence's, nor carried past it.
_SUBORDINATE = frozenset({"relcl", "acl", "advcl", "csubj", "csubjpass", "pcomp"})
#: The dependencies of a clause of its own beside another: a verb joined by "and" or
#: "but", a clause after a semicolon ("is not a sauce but uses a roux"). Its verb's
#: denial is its own, not carried to the other.
_BESIDE = frozenset({"conj", "ccomp", "parataxis"})


def _clause_denial(verb: Token) -> Token | None:
    """The word that denies the clause ``verb`` heads ("is not a", "does not require",
    "no longer uses", "is neither used for": :func:`extraction.relations.denies`, but
    "not only ... but also", which affirms), or the determiner denying its subject ("No
    reptile is ...": :func:`extraction.relations.denying_determiner`); None if nothing
    does."""
    for c in verb.children:
        if denies(c) and not _not_only(c):
            return c
        if c.dep_ in {"nsubj", "nsubjpass"} and (det := denying_determiner(c)) is not None:
            return det
    return None


def _not_only(t: Token) -> bool:
    """Is ``t`` the "not" of "not only ... but also" (the parser may hang it on the verb)?"""
    following = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return t.lower_ == "not" and following is not None and following.lower_ == "only"


def _is_verb(t: Token) -> bool:
    return t.pos_ in _CLAUSE_HEADS and t.dep_ not in {"aux", "auxpass"}


def _clause_verb(t: Token) -> Token | None:
    """The verb (or copula) of the clause ``t`` stands in, if any."""
    node = t
    for _ in range(len(t.doc)):
        if _is_verb(node):
            return node
        if node.head.i == node.i:  # the root (spaCy makes a new Token at each access)
            return None
        node = node.head
    return None


def denial_of(t: Token) -> Token | None:
    """The word that denies ``t``, if a denial governs it: on its way up to the verb of
    its clause, a noun denied by its determiner ("uses no milk", "neither a canoe nor a
    kayak") or a contrasting preposition ("unlike a roux"); or that clause's verb denied
    (:func:`_clause_denial`), ``t`` not being its subject, and so on up through the verbs
    that carry the denial ("is not used to thicken a sauce"); not a subordinate clause's
    verb (:data:`_SUBORDINATE`), nor past it; a clause beside another has its own denial,
    not carried to the other (:data:`_BESIDE`: "is not a sauce but uses a roux").

    >>> from extraction.nlp import load
    >>> doc = load()("A pulsar is not a white dwarf, unlike a magnetar, and uses no fusion.")
    >>> [(t.text, denial_of(t).text) for t in doc if t.pos_ == "NOUN" and denial_of(t)]
    [('dwarf', 'not'), ('magnetar', 'unlike'), ('fusion', 'no')]
    >>> doc = load()("A stable orbit is an orbit that does not end in a collision.")
    >>> [t.text for t in doc if denial_of(t)]
    []
    """
    node, via = t, ""
    for _ in range(len(t.doc)):
        if _is_verb(node):
            if node.dep_ in _SUBORDINATE:
                return None
            if via not in _SUBJECTS and (cause := _clause_denial(node)) is not None:
                return cause
            if node.dep_ in _BESIDE:
                return None
        elif (det := denying_determiner(node)) is not None:
            return det
        elif node.dep_ == "prep" and node.lower_ in CONTRASTING_PREPOSITIONS:
            return node
        if node.head.i == node.i:  # the root
            return None
        node, via = node.head, node.dep_
    return None


def _open_subject(t: Token) -> bool:
    """Is the clause ``t`` stands in about what its sentence leaves to the card: no verb,
    no subject, or a pronoun ("It does not require a roux")? Otherwise it is about its
    subject, and denies nothing of a concept the sentence does not name ("A process may
    not know the resources it needs", in the card about a scheduling rule)."""
    verb = _clause_verb(t)
    for _ in range(2):  # a verb joined by "and" shares the subject of the first
        if verb is None:
            return True
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            return subject.pos_ == "PRON"
        verb = verb.head if verb.dep_ == "conj" else None
    return True


class _Denials:
    """The sentences of the notes that deny something, each with the character spans of
    the words its denials govern (:func:`denial_of`), where the denying word stands, and
    whether the denied clause leaves its subject to the card (:func:`_open_subject`): a
    concept named only where a denial governs it ("A neutron star is not a white dwarf",
    "It does not require a roux") is no evidence that one is learned before the concept
    the sentence is about. Read from the parses the build keeps (:func:`may_deny`); a
    sentence whose parse is gone denies nothing.

    >>> from extraction.nlp import load
    >>> denials = _Denials.read([load()("A neutron star is not a white dwarf. It spins.")])
    >>> denials.denies("A neutron star is not a white dwarf.", ["white dwarf"], ["neutron star"])
    True
    >>> denials.denies("A neutron star is not a white dwarf. It spins.", ["white dwarf"])
    False
    >>> denials.denies("A white dwarf cools.", ["white dwarf"])
    False

    The second: a sentence whose subject is a name denies nothing of a concept it does
    not name (here none is given).
    """

    __slots__ = ("_spans",)

    def __init__(self, spans: Mapping[str, tuple[tuple[int, int, int, bool], ...]]) -> None:
        self._spans = spans

    @classmethod
    def read(cls, docs: Iterable[Doc | None]) -> _Denials:
        spans: dict[str, tuple[tuple[int, int, int, bool], ...]] = {}
        for doc in docs:
            if doc is None:
                continue
            for sent in sentences_of(doc):
                text = span_text(sent)
                stripped = text.strip()
                if not DENIAL_WORD.search(stripped):
                    continue
                start = sent.start_char + len(text) - len(text.lstrip())
                found = tuple(
                    (
                        t.idx - start,
                        t.idx - start + len(t.text),
                        cause.idx - start,
                        _open_subject(t),
                    )
                    for t in sent
                    if (cause := denial_of(t)) is not None
                )
                if found:
                    spans[stripped] = found
        return cls(spans)

    def denies(self, text: str, names: Iterable[str], about: Iterable[str] = ()) -> bool:
        """Does ``text`` name one of ``names`` (as whole words, a plural too) only where a
        denial governs it, in a clause about the concept the sentence is about: one whose
        subject the sentence leaves to the card ("It does not require a roux"), or in a
        sentence naming one of ``about`` ("A beurre manie is not a roux")? ``text`` is a
        sentence of the notes or several (a defining line), each looked up as the parse
        split them."""
        if not self._spans or not DENIAL_WORD.search(text):
            return False
        about = list(about)
        pieces = [(0, text)]
        if text.strip() not in self._spans:
            cuts = [0, *(m.end() for m in _FIRST_SENTENCE.finditer(text))]
            pieces = [(a, text[a:b]) for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True)]
        denied: list[tuple[int, int, int]] = []
        for at, piece in pieces:
            found = self._spans.get(piece.strip(), ())
            if not found:
                continue
            lead = at + len(piece) - len(piece.lstrip())
            named = _mentioned(piece, about)
            denied += [(lead + a, lead + b, lead + c) for a, b, c, open_ in found if open_ or named]
        if not denied:
            return False
        lowered = text.lower().replace("-", " ")
        names = [n for n in names if n]
        # a denying word inside one of the names is part of that name ("no claims bonus"
        # names a concept: its "no" denies nothing)
        spans = [span for n in (*names, *about) if n for span in whole_words(lowered, n)]
        denied = [(a, b, c) for a, b, c in denied if not any(x <= c < y for x, y in spans)]
        found_name = False
        for name in names:
            for _, stop in whole_words(lowered, name):
                found_name = True
                if not any(a < stop <= b for a, b, _ in denied):  # the name's last word
                    return False
        return found_name


def _forms(index: ConceptIndex, concept: str) -> set[str]:
    """The ways a sentence may write ``concept``: :func:`_spelled` and its aliases."""
    aliases = index.concepts[concept].aliases
    return _spelled(index, concept) | {n for a in aliases if (n := _normal(a))}


def _normal(name: str) -> str:
    """``name`` as names are matched: lower case, hyphens as spaces, single spaces."""
    return " ".join(name.lower().replace("-", " ").split())


def _notes(index: ConceptIndex) -> _Notes:
    denials = _Denials.read(doc for seg, doc in parsed_where(index.segments, may_deny))
    forms = cache(lambda concept: _forms(index, concept))
    order: dict[str, int] = {}
    cards = {}
    for seg, _ in index.segments:
        order.setdefault(seg.card.source, len(order))
        if not seg.is_heading:
            cards.setdefault(seg.card.id, seg.card)
    naming_cards: dict[str, set[str]] = defaultdict(set)
    for card_id, found in index.card_mentions.items():
        for concept, _ in found:
            naming_cards[concept].add(card_id)
    about: dict[str, set[str]] = defaultdict(set)
    hosts: dict[str, dict[str, set[str]]] = {}
    for concept in index.concepts.values():
        about[concept.id].update(concept.cards)
        naming_cards[concept.id].update(concept.cards)
    naming = {concept: len(cards) for concept, cards in naming_cards.items()}
    del naming_cards  # only their number is read
    # a card headed by an action on a concept ("Prevent corrosion", over notes that name
    # corrosion prevention) explains the concept the action makes, not its object
    for card in cards.values():
        for subject in index.subjects(card, actions=True):
            about[subject].add(card.id)
    line_card: dict[tuple[str, int], str] = {}
    for card in cards.values():
        for line in range(card.lines[0], card.lines[1] + 1):
            line_card.setdefault((card.source, line), card.id)
    # the card holding a concept's defining sentence is about it too ("## Hypothesis
    # testing" / "... the t-test is a test that ..."), but what that card is about
    # otherwise (its heading's concept) is what the concept is introduced in, not what
    # explains it
    card_subjects: dict[str, set[str]] = {}
    for concept in index.concepts.values():
        e = concept.definition_evidence
        card_id = None if e is None else line_card.get((e.source, e.line))
        if card_id is not None and card_id not in about[concept.id]:
            about[concept.id].add(card_id)
            subjects = card_subjects.setdefault(card_id, set(index.subjects(cards[card_id])))
            if subjects:
                hosts.setdefault(concept.id, {})[card_id] = subjects
    ranks, first_card = {}, {}
    at: dict[tuple[str, int], set[str]] = defaultdict(set)
    # a title names what its card is about, not a name met in passing (where a title and
    # its answer share a line, a deck's row, the text tells them apart)
    titled: dict[tuple[str, int], list[Card]] = defaultdict(list)
    for c in cards.values():
        if c.title:
            titled[(c.source, c.title_line)].append(c)
    # a concept the title of its first line names is first named there, whatever the
    # answer on that line says of it ("What is a kiln?,A kiln fires clay ...")
    first_titled = {
        concept
        for found in index.card_mentions.values()
        for concept, e in found
        if concept in index.concepts
        and (e.source, e.line) == tuple(index.concepts[concept].first_seen or ())
        and any(c.in_title(e.line, e.text) for c in titled.get((e.source, e.line), ()))
    }
    for card_id, found in index.card_mentions.items():
        for concept, evidence in found:
            at[(evidence.source, evidence.line)].add(concept)
            seen = index.concepts[concept].first_seen if concept in index.concepts else None
            place = (evidence.source, evidence.line)
            if (
                seen is not None
                and place == tuple(seen)
                and concept not in first_titled
                and not CROSS_REFERENCE.match(evidence.text)
            ):
                first_card.setdefault(concept, card_id)
    for concept in index.concepts.values():
        if concept.first_seen:
            source, line = concept.first_seen
            ranks[concept.id] = (order.get(source, len(order)), line)
    compared = compared_in(index)
    defined_at: dict[tuple[str, int], set[str]] = defaultdict(set)  # line -> concepts it defines
    for c in index.concepts.values():
        if c.definition_evidence is not None:
            defined_at[(c.definition_evidence.source, c.definition_evidence.line)].add(c.id)
    defined_with, beside = {}, {}
    for concept in index.concepts.values():
        e = concept.definition_evidence
        if e is not None:
            # named in the defining sentence itself (not elsewhere on its line or
            # paragraph), and not set aside there; nor the other concept a card that
            # compares the two names ("Osmosis vs diffusion?"): set beside it, not built on
            other = compared.get(line_card.get((e.source, e.line)), frozenset())
            beside[concept.id] = other - {concept.id} if concept.id in other else frozenset()
            # the other name the sentence gives the concept ("Known as a sequence-to-
            # sequence transformer, this ...") is the concept itself, not what it builds on
            text = OTHER_NAME.sub(" | ", e.text)
            # and a concept named only there is that other name: the sentence defines the
            # concept it names besides, not one it builds on ("Main sequence star: Known as
            # a dwarf star, ...")
            alias_of = (
                defined_at[(e.source, e.line)]
                if text != e.text and not _mentioned(text, _spelled(index, concept.id))
                else set()
            )
            beside[concept.id] = frozenset(beside[concept.id] | (alias_of - {concept.id}))
            defined_with[concept.id] = {
                a
                for a in at.get((e.source, e.line), set())
                if a in index.concepts
                and a not in beside[concept.id]
                and builds_on(text, _spelled(index, a))
                and not denials.denies(e.text, forms(a), forms(concept.id))  # "B is not an A"
            }
    # headings that name a concept, and the cards they enclose; a heading that lists
    # several names ("Erosion and weathering") or coordinates two topics ("Unit 2:
    # Weathering & Erosion") frames none of them alone
    headings: dict[tuple[str, int], tuple[str, Evidence]] = {}
    for seg, doc in index.segments:
        if _heads_cards(seg) and not _coordinates(index, seg.text):
            concept = index.find(seg.text.strip()) or index.lookup(doc)
            if concept is not None:
                ev = Evidence(seg.card.source, seg.line, seg.text.strip())
                headings.setdefault((seg.card.source, seg.line), (concept, ev))
    titles = _titles(index, cards, headings)
    sections: dict[tuple[str, str], Evidence] = {}
    for card in cards.values():
        inner = set(index.subjects(card))
        for line in card.section_lines:
            outer = headings.get((card.source, line))
            if outer is not None and (card.source, line) not in titles:
                for b in inner - {outer[0]}:
                    sections.setdefault((outer[0], b), outer[1])
    mention_of = _MentionsOf(index.card_mentions)
    words = _defined_with_words(index, defined_with, beside, denials)
    stressed_in: dict[str, set[str]] = defaultdict(set)
    for card in cards.values():
        for run in card.emphasis:
            if run.style in STRESS_STYLES:
                text = card.title if run.part == "title" else card.body
                concept = index.find(text[run.start : run.end].strip().strip(".:;,()"))
                if concept is not None:
                    stressed_in[concept].add(card.id)
    return _Notes(
        naming,
        about,
        ranks,
        first_card,
        defined_with,
        mention_of,
        sections,
        hosts,
        words,
        dict(stressed_in),
        denials,
        _files(index, cards) if len(order) > 1 else {},
        frozenset(c.id for c in cards.values() if names_only(index, c.body)),
    )


#: A gloss closing a line that is a name ("POST (Create)", "Basalt - volcanic").
_GLOSS = re.compile(r"\s*(?:\([^()]*\)|\s[-\u2013\u2014:]\s.*)\s*$")
#: A list item's mark opening a line ("- ", "* ", "2. ").
_ITEM_MARK = re.compile(r"^\s*(?:[-*+\u2022]|\d+[.)])\s+")


def names_only(index: ConceptIndex, body: str) -> bool:
    r"""Is ``body`` two lines or more, each nothing but a concept's name (with at most a
    gloss after it): an answer that lists what its card asks for ("Igneous\nSedimentary\n
    Metamorphic" under "What are the three kinds of rock?"), naming no item in passing?

    >>> from extraction.records import Concept
    >>> index = ConceptIndex({n: Concept(n, n) for n in ("basalt", "granite")}, {}, {})
    >>> names_only(index, "Basalt (volcanic)\n- Granite")
    True
    >>> names_only(index, "Basalt cools fast.\nGranite")
    False
    """
    lines = [line for line in body.splitlines() if line.strip()]
    return len(lines) >= 2 and all(
        index.find(_normal(_GLOSS.sub("", _ITEM_MARK.sub("", line)).strip(" .;,:*"))) is not None
        for line in lines
    )


def _heads(index: ConceptIndex, a: str, b: str) -> bool:
    """Does a name of ``b`` end with a name of ``a`` (its head: "blood pressure" and
    "pressure"; not "river basin management" and "river basin")?

    >>> from extraction.records import Concept
    >>> names = ("pressure", "blood pressure", "river basin", "river basin management")
    >>> index = ConceptIndex({n: Concept(n, n) for n in names}, {}, {})
    >>> _heads(index, "pressure", "blood pressure"), _heads(index, "river basin", names[-1])
    (True, False)
    """
    ends = _names(index, a)
    return any(n == e or n.endswith(f" {e}") for n in _names(index, b) for e in ends)


def _files(index: ConceptIndex, cards: Mapping[str, Card]) -> dict[str, frozenset[str]]:
    """Concept -> the files that name it: the cards naming it (by a name of its own, not
    inside a longer one: ``index.mentions`` holds those too), its cards, its definition.

    >>> from extraction.records import Concept
    >>> index = ConceptIndex({n: Concept(n, n) for n in ("pressure", "blood pressure")}, {}, {})
    >>> index.card_mentions = {"a#1": [("pressure", Evidence("a.md", 2, "Pressure rises."))],
    ...                        "b#1": [("blood pressure", Evidence("b.md", 5, "Blood pressure."))]}
    >>> sorted((c, sorted(f)) for c, f in _files(index, {}).items())
    [('blood pressure', ['b.md']), ('pressure', ['a.md'])]
    """
    files: dict[str, set[str]] = defaultdict(set)
    for found in index.card_mentions.values():
        for concept, e in found:
            files[concept].add(e.source)
    for concept in index.concepts.values():
        files[concept.id].update(cards[c].source for c in concept.cards if c in cards)
        if concept.definition_evidence is not None:
            files[concept.id].add(concept.definition_evidence.source)
    return {c: frozenset(f) for c, f in files.items()}


#: A line that points the reader to other entries ("See also: glob.", "Cf. wildcard"): it
#: names neighbours of what the card explains, not what the card explains it with.
CROSS_REFERENCE = re.compile(r"\s*(?:see\s+also\b|cf\.)", re.IGNORECASE)
#: Most words of a name looked for inside a defining sentence.
NAME_MAX_WORDS = 6
#: Words after which a single word of a defining sentence is a verb ("to filter the
#: water"), not a name the sentence holds inside a longer one.
VERB_BEFORE = frozenset({"to"})
#: Where the first sentence of a cited text ends ("A default stream. In a pipe, ...").
_FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


#: Where a defining sentence gives the defined concept another name, up to the next
#: punctuation: "also known as X", "also called X", "also referred to as X", or "Known as
#: X, ..." opening the sentence or what follows a term's label ("Encoder-decoder: Known as
#: X, ...").
OTHER_NAME = re.compile(
    r"(?:\balso\s+(?:known\s+as|called|referred\s+to\s+as)"
    r"|(?:^|[:\u2013\u2014]\s)\s*(?:known|referred\s+to)\s+as)"
    r"\s+[^,;.()]*",
    re.IGNORECASE,
)


def _lists_names(index: ConceptIndex, heading: str) -> bool:
    """Is ``heading`` nothing but a list of two names or more ("Erosion and weathering",
    "Erosion, weathering and deposition")? It teaches them side by side (their order
    is :func:`_heading_lists`'s), and none of them is what the others, or the sections
    under it, are taught under.

    >>> from extraction.concepts import ConceptIndex
    >>> from extraction.records import Concept
    >>> index = ConceptIndex({n: Concept(n, n) for n in ("erosion", "weathering")}, {}, {})
    >>> [_lists_names(index, h) for h in ("erosion and weathering", "erosion, weathering",
    ...                                   "erosion", "erosion and its causes")]
    [True, True, False, False]
    """
    parts = [p.strip() for p in HEADING_LIST.split(heading.strip())]
    named = {index.find(p) for p in parts if p}
    return len(parts) > 1 and None not in named and len(named) > 1


#: Words opening the second part of a coordinated heading that refer back to the first
#: ("Erosion and its causes"): the heading is about the first part alone.
_BACK_REFERENCES = frozenset({"its", "their", "his", "her", "related", "other"})
#: A preposition in the first part of a heading: what "and" joins is inside its object.
_PREPOSITION = re.compile(
    r"\b(?:of|for|in|on|at|by|with|about|from|to|into|through|under|between|among)\b",
    re.IGNORECASE,
)


def _coordinates(index: ConceptIndex, heading: str) -> bool:
    """Does ``heading`` coordinate two topics or more ("Erosion and weathering",
    "Unit 3: Lakes & Rivers"), not being one name itself ("Supply and demand" when the
    notes name it), nor a topic and what belongs to it ("Erosion and its causes")? Such a
    heading frames none of its parts alone: the sections under it are not taught under
    the one part the notes name as a concept (a list of names is one such heading:
    :func:`_lists_names`).

    >>> from extraction.concepts import ConceptIndex
    >>> from extraction.records import Concept
    >>> names = ("erosion", "weathering", "supply and demand")
    >>> index = ConceptIndex({n: Concept(n, n) for n in names}, {}, {"Supply and demand":
    ...                      "supply and demand", "Erosion": "erosion"})
    >>> [_coordinates(index, h) for h in ("Erosion and weathering", "Unit 3: Rocks & Erosion",
    ...                                   "Supply and demand", "Erosion and its causes",
    ...                                   "Erosion", "Models of erosion and weathering")]
    [True, True, False, False, False, False]
    """
    if _lists_names(index, heading):
        return True
    parts = [p.strip() for p in HEADING_LIST.split(heading.strip())]
    if len(parts) < 2 or not all(parts) or index.find(heading.strip()) is not None:
        return False
    if _PREPOSITION.search(parts[0]):
        return False  # "Models of erosion and weathering": inside its object
    return not any(p.split()[0].lower() in _BACK_REFERENCES for p in parts[1:])


def _titles(
    index: ConceptIndex, cards: Mapping[str, Card], headings: Mapping[tuple[str, int], tuple]
) -> set[tuple[str, int]]:
    """The headings (source, line) that are the notes' titles: over every card of their
    file, naming a concept the notes name nowhere but in headings ("Introductory
    chemistry" over a whole course). Such a heading names the notes, not a concept they
    file their cards under, so it orders nothing; a title the notes also name in their
    text ("Photosynthesis", over its stages) is the whole its parts are taught in."""
    per_file = Counter(card.source for card in cards.values())
    enclosing = Counter(  # the heading's own card (its title, alone) is under it too
        (card.source, line)
        for card in cards.values()
        for line in set(card.section_lines) | {card.title_line}
    )
    heading_lines = {(seg.card.source, seg.line) for seg, _ in index.segments if seg.is_heading}
    in_text = {
        concept
        for found in index.card_mentions.values()
        for concept, e in found
        if (e.source, e.line) not in heading_lines
    }
    return {
        place
        for place, (concept, _) in headings.items()
        if enclosing[place] >= per_file[place[0]] and concept not in in_text
    }


def _defined_with_words(
    index: ConceptIndex,
    defined_with: dict[str, set[str]],
    beside: Mapping[str, Collection[str]] = {},
    denials: _Denials | None = None,
) -> dict[str, set[str]]:
    """Concept B -> the concepts whose name the sentence defining B holds inside another
    name ("Reverse osmosis is a kind of water filtration" holds "filtration" in "water
    filtration"): what B is explained with, though the sentence names it only as part of
    a longer name. B's own name is left out of the sentence first ("plate" inside
    "plate tectonics" says nothing of what plate tectonics builds on), and so are the
    concepts the sentence names themselves (``defined_with``), those it sets beside B
    (``beside``: the other concept a question compares B with) and those only a denial
    there governs (``denials``: "it is not a kind of water filtration"). Names are looked up by
    their runs of words, so the cost grows with the sentence, not with the concepts.

    >>> from extraction.records import Card
    >>> from extraction.concepts import extract_concepts
    >>> cards = [Card(f"n#{i}", "n.txt", "qa-list", (i, i), f"What is {t}?", b, title_line=i,
    ...               body_lines=(i,)) for i, (t, b) in enumerate([
    ...     ("filtration", "Separating solids from a fluid."),
    ...     ("reverse osmosis", "A process used by water filtration plants.")])]
    >>> index = extract_concepts(cards)
    >>> _defined_with_words(index, {})["reverse osmosis"]
    {'filtration'}

    A name inside the defined concept's other name ("also known as ...") is left out too:
    the concept's other name is the concept itself, not what it builds on.
    """
    names, owners = _name_owners(index)
    out: dict[str, set[str]] = {}
    for concept in index.concepts.values():
        e = concept.definition_evidence
        if e is None:
            continue
        sentence = _FIRST_SENTENCE.split(e.text, maxsplit=1)[0]
        found = _named_in(sentence, names[concept.id], owners)
        found -= (
            defined_with.get(concept.id, set()) | set(beside.get(concept.id, ())) | {concept.id}
        )
        kept = {
            a
            for a in found
            if builds_on(sentence, names[a])
            and not (denials is not None and denials.denies(sentence, names[a], names[concept.id]))
        }
        if kept:
            out[concept.id] = kept
    return out


def _name_owners(index: ConceptIndex) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Each concept's names (:func:`_names`), and each name's concepts."""
    owners: dict[str, set[str]] = defaultdict(set)
    names = {c: _names(index, c) for c in index.concepts}
    for concept, concept_names in names.items():
        for name in concept_names:
            owners[name].add(concept)
    return names, owners


def _named_in(sentence: str, own: Iterable[str], owners: Mapping[str, set[str]]) -> set[str]:
    """The concepts whose name is a run of words of ``sentence`` (:data:`NAME_MAX_WORDS` at
    most; a plural or a possessive, "a process's output", names the concept too), once
    the names ``own`` of the concept it explains, and the other name it gives that
    concept ("also known as ..."), are left out: the concept itself, not what it builds
    on. A single word after "to" is a verb ("to process data"), not a name.

    >>> sorted(_named_in("A process's stream, passed to a pipe.", {"stream"},
    ...                  {"process": {"process"}, "pipe": {"pipe"}, "stream": {"stream"}}))
    ['pipe', 'process']
    """
    text = OTHER_NAME.sub(" | ", sentence)
    text = " ".join(text.lower().replace("-", " ").split())
    for name in own:
        if name and name in text:
            text = _replace_words(text, name, " | ")
    words = re.findall(r"[\w'.]+|\|", text)
    found: set[str] = set()
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + NAME_MAX_WORDS) + 1):
            if words[j - 1] == "|":
                break
            if j == i + 1 and i and words[i - 1] in VERB_BEFORE:
                continue  # "to process data": a verb, not a name
            gram = " ".join(words[i:j]).rstrip(".")
            if gram.endswith(("'s", "s'")):
                gram = gram[:-2] if gram.endswith("'s") else gram[:-1]
            found |= owners.get(gram, set())
            for plural in ("s", "es"):
                if gram.endswith(plural):
                    found |= owners.get(gram[: -len(plural)], set())
    return found


#: What a definition sets aside rather than builds on: "dispensing with wood and
#: charcoal", "without labels", "with no weaving at all", "needs no soil",
#: "instead of sails", "unlike ferries", "rather than pixels"; and what it makes,
#: "a reaction that produces a salt", "to form esters", "yielding ammonia" (its
#: product, learned after it; not "forming from magma"). A concept named up to four
#: words after one of these is not needed to understand the concept defined.
SET_ASIDE = re.compile(
    r"\b(?:without|with no|(?:needs?|uses?|requires?) no|dispens\w+ with|do(?:es)? away with"
    r"|instead of|in place of|rather than"
    r"|unlike|as opposed to|apart from|no longer (?:needs?|uses?|requires?)"
    r"|(?:to form|forming|produc(?:es?|ing)|yield(?:s|ing)?)(?!\s+from\b))"
    r"((?:\s+[\w'-]+,?){0,4}?)\s+$",
    re.IGNORECASE,
)


def builds_on(text: str, names: Iterable[str]) -> bool:
    """Does ``text`` name one of ``names`` without setting it aside (see
    :func:`set_aside`)?

    >>> builds_on("An RNN with gates.", ["rnn"]), builds_on("A net without gates.", ["gate"])
    (True, False)
    >>> builds_on("An RNN with gates.", ["speech recognition"])
    False
    """
    return _mentioned(text, names) and not set_aside(text, names)


def _mentioned(text: str, names: Iterable[str]) -> bool:
    lowered = " ".join(text.lower().replace("-", " ").split())
    # a name the text does not hold as a substring cannot match: most names are passed
    # over without compiling a pattern for them
    return any(next(whole_words(lowered, n), None) for n in names if n and n in lowered)


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what ``\w`` matches in a ``str`` pattern


def _boundary(text: str, i: int) -> bool:
    """Is there a ``\b`` at ``i`` (a word character on one side only)?"""
    before = i > 0 and _word_char(text[i - 1])
    after = i < len(text) and _word_char(text[i])
    return before != after


def whole_words(text: str, name: str) -> Iterator[tuple[int, int]]:
    """Where ``name`` (then "s" or "es") stands in ``text`` as whole words: the spans
    ``re.finditer(rf"\b{re.escape(name)}(?:e?s)?\b", text)`` gives, found without
    compiling a pattern for each name (a build matches tens of thousands of names; Python
    keeps 512 compiled patterns).

    >>> list(whole_words("enzymes and an enzyme's site; coenzyme", "enzyme"))
    [(0, 7), (15, 21)]
    """
    if not name:  # matches at every boundary: left to the pattern
        yield from (m.span() for m in re.finditer(r"\b(?:e?s)?\b", text))
        return
    i = text.find(name)
    while i != -1:
        stop = None
        if _boundary(text, i):
            end = i + len(name)
            ends = [end + 2] if text.startswith("es", end) else []
            ends += [end + 1] if text.startswith("s", end) else []
            stop = next((e for e in (*ends, end) if _boundary(text, e)), None)
        if stop is None:
            i = text.find(name, i + 1)
        else:
            yield i, stop
            i = text.find(name, stop)


#: Two words joined by a slash that share the words after them: "igneous/metamorphic
#: rock" writes "igneous rock" and "metamorphic rock".
SLASHED = re.compile(r"(?<![\w/])([^\W\d_]{2,})/([^\W\d_]{2,})(?![\w/])")


def elided_words(text: str, name: str) -> Iterator[tuple[int, int]]:
    """:func:`whole_words`, and where ``text`` joins two words by a slash
    (:data:`SLASHED`), the spans of ``name`` written with the first word alone: the
    name the slash elides ("igneous/metamorphic rocks" names "igneous rock" at 0-25, and
    "metamorphic rock" as written).

    >>> list(elided_words("igneous/metamorphic rocks form", "igneous rock"))
    [(0, 25)]
    >>> list(elided_words("igneous/metamorphic rocks form", "metamorphic rock"))
    [(8, 25)]
    >>> list(elided_words("an igneous/metamorphic divide", "igneous rock"))
    []
    """
    yield from whole_words(text, name)
    if "/" not in text:
        return
    for m in SLASHED.finditer(text):
        first = m.group(1)
        if first not in name:
            continue
        written = text[: m.start()] + first + text[m.end() :]
        grown = len(m.group()) - len(first)
        for start, stop in whole_words(written, name):
            # only a name the slash stands in (not one the rewrite moved)
            if start <= m.start() < stop and stop > m.start() + len(first):
                yield start, stop + grown


def _replace_words(text: str, name: str, by: str) -> str:
    """``text`` with each of :func:`whole_words` replaced by ``by`` (``re.sub``'s result)."""
    out, at = [], 0
    for start, stop in whole_words(text, name):
        out += [text[at:start], by]
        at = stop
    return "".join(out) + text[at:] if out else text


def set_aside(text: str, names: Iterable[str]) -> bool:
    """Is every mention of one of ``names`` in ``text`` set aside by a cue of
    :data:`SET_ASIDE` ("A kiln that relies on gas, dispensing with wood and
    charcoal": charcoal is set aside, gas is not)?

    >>> text = "A kiln relying on gas, dispensing with wood and charcoal."
    >>> set_aside(text, ["charcoal"]), set_aside(text, ["gas"])
    (True, False)
    >>> set_aside("Learns without labels.", ["label"])
    True
    """
    lowered = " ".join(text.lower().replace("-", " ").split())
    found = False
    for name in names:
        for start, _ in whole_words(lowered, name):
            found = True
            if not SET_ASIDE.search(lowered[:start]):
                return False
    return found


# -- names inside names ---------------------------------------------------------------------


def _names(index: ConceptIndex, concept: str, camel: bool = True) -> set[str]:
    """``concept``'s names, lowercased, hyphens read as spaces; with ``camel``, also its
    id split where a camel-case word changes case ("KilnCam" as "kiln cam"), a way
    a sentence may spell it, which :func:`named_inside` leaves out: a name is inside
    another at the word boundaries its author wrote, never inside one word ("Kiln" is
    not inside "KilnCam").
    """
    c = index.concepts[concept]
    label = c.label.split(" (")[0]  # "long short-term memory (LSTM)"
    forms = {c.id, label, _CAMEL.sub(" ", c.id) if camel else ""}
    return {" ".join(f.lower().replace("-", " ").split()) for f in forms if f}


def _spelled(index: ConceptIndex, concept: str) -> set[str]:
    """``concept``'s names (:func:`_names`) and its abbreviations merged into it ("NMR"
    for "nuclear magnetic resonance", "NNs"): the ways a sentence may write it."""
    abbreviations = {a.lower() for a in index.concepts[concept].aliases if is_acronym(a)}
    return _names(index, concept) | abbreviations


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
#: Adjectives that name their noun inside a name: "erosional" -> "erosion",
#: "phenomenal" -> "phenomenon".
_ADJECTIVES = [(re.compile(r"(?<=\w\w\w)ional\b"), "ion"), (re.compile(r"(?<=\w\w\w)al\b"), "on")]


def _noun_forms(name: str) -> set[str]:
    """``name`` and its spellings with an adjective turned into its noun."""
    return {name} | {pattern.sub(noun, name) for pattern, noun in _ADJECTIVES}


def _extends(name: str, names: set[str]) -> bool:
    """Whether ``name`` is one of ``names`` with more words after it.

    >>> _extends("osmosis process", {"osmosis"}), _extends("reverse osmosis", {"osmosis"})
    (True, False)
    """
    words = name.split()
    return any(
        len(words) > len(own) and words[: len(own)] == own for own in (n.split() for n in names)
    )


def _likened_words(index: ConceptIndex, concept: str) -> set[str]:
    """The words of ``concept``'s names joined by a hyphen to a suffix of likeness or
    absence (:data:`LIKENESS_SUFFIXES`: "lock" of "lock-free queue", "fish" of "a
    fish-like body"): the name says the thing is like it or without it, so a name ending
    there is not inside it.

    >>> from extraction.records import Concept
    >>> name = "lock-free queue"
    >>> sorted(_likened_words(ConceptIndex({name: Concept(name, name)}, {}, {}), name))
    ['lock']
    """
    c = index.concepts[concept]
    words: set[str] = set()
    for name in (c.id, c.label, *c.aliases):
        for m in re.finditer(r"([\w']+)-(\w+)", name.lower()):
            if m.group(2) in LIKENESS_SUFFIXES:
                words.add(m.group(1))
    return words


def named_inside(index: ConceptIndex) -> dict[str, set[str]]:
    """Concept B -> the concepts whose name is inside a name of B, as whole words
    ("heat transfer" inside "radiative heat transfer"; "GDP" inside "NGDP"; "erosion"
    inside "erosional landform"), its other names (aliases, not abbreviations) included:
    "osmosis" inside "reverse osmosis", the other name of a concept the build calls
    "RO"; but not the head word of an other
    name that only adds it to one of B's names ("process" in "osmosis process").

    Examples
    --------
    >>> from extraction.records import Card
    >>> from extraction.concepts import extract_concepts
    >>> cards = [Card(f"n#{i}", "n.txt", "qa-list", (2 * i + 1, 2 * i + 2), f"What is {t}?", b,
    ...               title_line=2 * i + 1, body_lines=(2 * i + 2,)) for i, (t, b) in enumerate([
    ...     ("osmosis", "Water moving across a membrane."),
    ...     ("reverse osmosis", "Osmosis run backwards by pressure.")])]
    >>> named_inside(extract_concepts(cards))["reverse osmosis"]
    {'osmosis'}
    """
    names = {c: _names(index, c) for c in index.concepts}
    owners: dict[str, set[str]] = defaultdict(set)  # a name -> the concepts named so
    for concept, concept_names in names.items():
        for name in concept_names:
            owners[name].add(concept)
    acronyms: dict[str, set[str]] = defaultdict(set)  # "LSTM" -> long short-term memory
    for concept in index.concepts.values():
        for alias in concept.aliases:
            if is_acronym(alias):
                acronyms[alias].add(concept.id)
    found: dict[str, set[str]] = {}
    for b, b_names in names.items():
        inner: set[str] = set()  # the concepts named by a run of words inside a name of b
        others = {_normal(a) for a in index.concepts[b].aliases if not is_acronym(a)}
        # an other name that is one of b's names with words after it ("osmosis process"
        # merged into "osmosis") adds only the head word its merge let go, no concept
        spelled = b_names | {a for a in others if not _extends(a, b_names)}
        written = _names(index, b, camel=False) | (spelled - b_names)
        likened = _likened_words(index, b)
        for name in {form for n in written for form in _noun_forms(n)}:
            words = name.split()
            for i in range(len(words)):
                for j in range(i + 1, len(words) + 1):
                    if j - i < len(words) and words[j - 1] not in likened:
                        inner |= owners.get(" ".join(words[i:j]), set())
            if len(words) == 1 and is_acronym(index.concepts[b].id):
                # "NGDP" is "GDP" with one more word in front
                tail = words[0][1:]
                while len(tail) >= 3:
                    inner |= {a for a in owners.get(tail, ()) if is_acronym(index.concepts[a].id)}
                    tail = tail[1:]
        words = index.concepts[b].id.split()
        if len(words) > 1:  # "LSTM cell state" holds the LSTM, spelled in its own case
            inner |= {a for word in words for a in acronyms.get(word, ())}
        inner = {a for a in inner if a != b and not names[a] & spelled}
        if inner:
            found[b] = inner
    return found


#: Most concepts of one family (names ending in one word) whose pairs are kin: a word that
#: ends more names ("network", "model") heads a vocabulary, not a family of kinds.
KIN_MAX_FAMILY = 8


def _kin(
    index: ConceptIndex, notes: _Notes, inside: Mapping[str, set[str]]
) -> Iterator[tuple[str, str]]:
    """``(A, B)`` for two kinds of one thing, named by longer names ending in the same
    word ("bisque firing", "raku firing"; neither name inside the other), that no
    sentence names together, A named first: kinds the notes teach apart they teach in the
    order they introduce them, the later built on the earlier ("reef knot" before the
    "thief knot" told as a reef knot tied wrong; a card's "Bisque firing hardens raw clay."
    before its "A firing that takes the pots out hot is called raku firing."); kinds a
    sentence names side by side ("raku firing or pit firing") are alternatives,
    taught in parallel. Only kinds first named in one file: which of two files comes first
    is the order of their names, not an order the notes teach.

    >>> from extraction.concepts import ConceptIndex
    >>> from extraction.records import Concept
    >>> names = ("raku firing", "bisque firing", "pit firing", "kiln")
    >>> index = ConceptIndex({n: Concept(n, n) for n in names}, {}, {})
    >>> both = Evidence("n.txt", 3, "Raku firing or pit firing.")
    >>> index.card_mentions = {"n#1": [("raku firing", both)]}
    >>> notes = _Notes({}, {}, {n: (0, i) for i, n in enumerate(names)}, {}, {}, None, {})
    >>> sorted(_kin(index, notes, {}))
    [('bisque firing', 'pit firing'), ('raku firing', 'bisque firing')]
    >>> notes.ranks["pit firing"] = (1, 0)  # first named in another file
    >>> sorted(_kin(index, notes, {}))
    [('raku firing', 'bisque firing')]
    """
    families: dict[str, list[str]] = defaultdict(list)
    for concept in index.concepts:
        words = concept.lower().replace("-", " ").split()
        if len(words) > 1 and concept in notes.ranks:
            families[words[-1]].append(concept)
    families = {h: m for h, m in families.items() if 1 < len(m) <= KIN_MAX_FAMILY}
    kin = {c for members in families.values() for c in members}
    # a member -> the sentences of the notes naming it (a card's sentence naming one
    # member may name another inside a longer name the card gives it: read them again)
    sentences: dict[str, set[str]] = defaultdict(set)
    for found in index.card_mentions.values():
        for c, e in found:
            if c in kin and e is not None:
                sentences[c].add(e.text)
    listed = _listed_together(index, kin)
    for members in families.values():
        members.sort(key=lambda c: (notes.ranks[c], c))
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if (
                    notes.ranks[a][0] == notes.ranks[b][0]
                    and a not in inside.get(b, ())
                    and b not in inside.get(a, ())
                    and not listed.get(a, set()) & listed.get(b, set())
                    and not _side_by_side(index, a, b, sentences)
                ):
                    yield a, b


def _listed_together(index: ConceptIndex, concepts: Collection[str]) -> dict[str, set[str]]:
    """Concept -> the cards that list it among others: the cards whose list items (or,
    in a card without marked items, whose lines) lead with ``concepts``' names, at least
    two of them ("Bisque firing: hardens the clay" / "Glaze firing: melts the glaze", or
    a line that is nothing but the name). Kinds one list names are set side by side, as
    in one sentence: alternatives or steps of one whole, not a kind built on another.

    >>> from extraction.records import Card, Concept, ListItem
    >>> from extraction.concepts import ConceptIndex
    >>> body = "bisque firing: hardens the clay.\\nglaze firing: melts the glaze."
    >>> card = Card("n#1", "n.txt", "qa-list", (1, 3), "Firings?", body, title_line=1,
    ...             body_lines=(2, 3), items=(ListItem(0, 32), ListItem(33, 63)))
    >>> names = ("bisque firing", "glaze firing", "raku firing")
    >>> index = ConceptIndex({n: Concept(n, n) for n in names}, {}, {})
    >>> index.segments = [(Segment(card, 1, card.title, is_title=True), None)]
    >>> sorted(_listed_together(index, names))
    ['bisque firing', 'glaze firing']
    """
    out: dict[str, set[str]] = defaultdict(set)
    seen: set[str] = set()
    for seg in segments_only(index.segments):
        card = seg.card
        if card.id in seen:
            continue
        seen.add(card.id)
        if card.items:
            texts = [card.body[item.start : item.end] for item in card.items]
        else:
            texts = card.body.splitlines()
        leads = set()
        for text in texts:
            lead = _ITEM_LEAD.split(text.strip(), maxsplit=1)[0].strip().rstrip(".:;,")
            concept = index.find(lead) if lead else None
            if concept in concepts:
                leads.add(concept)
        if len(leads) > 1:
            for concept in leads:
                out[concept].add(card.id)
    return out


def _side_by_side(index: ConceptIndex, a: str, b: str, sentences: Mapping[str, set[str]]) -> bool:
    """Does a sentence of the notes name both ``a`` and ``b``?"""
    if sentences[a] & sentences[b]:
        return True
    names_a, names_b = _names(index, a), _names(index, b)
    return any(_mentioned(t, names_b) for t in sentences[a]) or any(
        _mentioned(t, names_a) for t in sentences[b]
    )


# -- the candidates and their features ------------------------------------------------


#: A card naming more concepts than this gives no "together" or "explains" feature: its
#: pairs would grow as the square of its length (one 350 KB paragraph names ~800
#: concepts: 320k pairs; thirty 99,000-character paragraphs under one heading made 3 GB
#: of "explains" shares), and being named in one such card links nothing in particular.
TOGETHER_MAX_CONCEPTS = 400

#: Most words of the label that opens a line of a term list ("Zaitsev's rule: ...").
TERM_LABEL_WORDS = 6


def own_lines(labels: Sequence[tuple[int, str | None]], end: int, term: str) -> list[range] | None:
    """The file lines of a card whose body is a term list where a mention speaks of
    ``term``: its intro (the lines before the first label) and the lines of ``term``'s
    own label lines (each up to the next label line); a mention on another term's line
    says what that term is, nothing of ``term``. None (every line speaks of it) when the
    body is no term list (fewer than two label lines naming different concepts, or lines
    that cannot be told apart) or no label line names ``term``.

    ``labels`` holds, for each body line in order, the file line where it starts and the
    concept its label names (None for a line that opens with no label); ``end`` is the
    card's last file line.

    >>> labels = [(3, None), (4, "bulk carrier"), (5, None), (6, "tanker"), (7, "ro-ro")]
    >>> own_lines(labels, 8, "tanker")
    [range(0, 4), range(6, 7)]
    >>> own_lines(labels, 8, "bulk carrier"), own_lines(labels, 8, "ferry")
    ([range(0, 4), range(4, 6)], None)
    >>> own_lines([(3, "tanker"), (4, None)], 4, "tanker") is None
    True
    """
    starts = [line for line, _ in labels]
    if any(b <= a for a, b in itertools.pairwise(starts)):
        return None  # lines counted as notes or paragraphs: no line holds one term alone
    marked = [(i, c) for i, (_, c) in enumerate(labels) if c is not None]
    if len({c for _, c in marked}) < 2 or term not in {c for _, c in marked}:
        return None
    lines = [range(0, starts[marked[0][0]])]
    for k, (i, c) in enumerate(marked):
        if c == term:
            stop = starts[marked[k + 1][0]] if k + 1 < len(marked) else end + 1
            lines.append(range(starts[i], stop))
    return lines


def _term_labels(index: ConceptIndex, card: Card) -> list[tuple[int, str | None]]:
    """For each body line of ``card``, the file line where it starts and the concept the
    label opening it names (see :func:`own_lines`), or None."""
    labels: list[tuple[int, str | None]] = []
    for line, text in zip(card.body_lines, card.body.splitlines(), strict=False):
        found = label_of(text.strip())  # "Label: ..." or "Label – ..."
        # a bracket after the name ("Nucleophile (Nu): ...") is no part of it
        label = (bracketed_label(found[0]) or found)[0].strip() if found else ""
        concept = index.find(label) if 0 < len(label.split()) <= TERM_LABEL_WORDS else None
        labels.append((line, concept if concept in index.concepts else None))
    return labels


#: What one piece of evidence says of a pair, in the order it was found:
#: ``(phase, a, b, feature, value of "a before b", evidence)``. Phase 0: typed relations
#: and names inside names; 1: definitions; 2: the cards about each concept, headings, and
#: cards naming both.
_Said = tuple[int, str, str, str, float, Sequence[Evidence]]


def _statements(
    index: ConceptIndex, typed: Iterable[Relation], notes: _Notes
) -> tuple[dict[tuple[str, str], list[_Said]], dict[tuple[str, str], list[str]]]:
    """What every source of evidence but definitions says, by pair (its two concepts in
    sorted order), in the order the sources are read; and, the last source, the cards
    that name both concepts of a pair, by pair (:func:`_together` says what they say).

    Definitions are left out: a paragraph kept on one line makes every concept it names
    "named in the defining sentence" of every concept it defines (one 3 MB note: millions
    of pairs); :func:`_in_definition` says them again for one pair at a time. The cards
    naming both are kept apart for the same reason: most pairs are linked by nothing
    else, and what they say is made one pair at a time.
    """
    said: dict[tuple[str, str], list[_Said]] = defaultdict(list)
    forms = cache(lambda concept: _forms(index, concept))
    typed = list(typed)

    def say(phase: int, a: str, b: str, feature: str, value: float, evidence=()) -> None:
        said[(a, b) if a < b else (b, a)].append((phase, a, b, feature, value, evidence))

    # a verb no table knows ("a glacier carves the valley"): its subject is explained
    # by what it does to its object, which comes first; but a verb of trouble ("small
    # firms struggle with credit") has its subject first, the trouble after
    for r in typed:
        if r.relation == UNTYPED and r.source != r.target:
            if r.label.lower() in TROUBLE_VERBS:
                say(0, r.source, r.target, "acts_on", 1.0, r.evidence)
            else:
                say(0, r.target, r.source, "acts_on", 1.0, r.evidence)
    # the sentences that state B before A ("Anomie: ...; the basis of strain theory"):
    # naming A there, in a card about B, tells what B leads to, not what explains it
    leads_to = {
        (later, first, d.source, d.line)
        for r in typed
        if r.relation in DEFINITION_ORDERS and r.source != r.target
        for first, later in [
            (r.source, r.target) if TYPED_FEATURES[r.relation][1] > 0 else (r.target, r.source)
        ]
        for d in r.evidence
    }
    typed = [r for r in typed if r.relation in TYPED_FEATURES and r.source != r.target]
    wholes: dict[str, set[str]] = defaultdict(set)
    for r in typed:
        if r.relation == "part_of":
            wholes[r.source].add(r.target)
    blocks: set[tuple[str, str]] = set()  # (part, whole): a whole made of its parts
    spans = (  # where each card stands, to find the card that defines a whole
        {seg.card.id: (seg.card.source, *seg.card.lines) for seg in segments_only(index.segments)}
        if wholes
        else {}
    )
    for r in typed:
        feature, sign = TYPED_FEATURES[r.relation]
        if feature == "general" and _everyday_class(index, r.target):
            continue
        if feature == "general" and is_collection(r.target):
            # "The conditions for combustion: fuel, heat, oxygen": a class named in the
            # plural is the set of its members, not a class they are kinds of; the set
            # is learned through its members, so they come first
            say(0, r.source, r.target, "member", 1.0, r.evidence)
            say(0, r.source, r.target, "stated", 1.0, r.evidence)
            continue
        if feature == "task" and not _states_both(index, r):
            # applications listed under a question ("Where is X useful?" -- "speech") are
            # where the tool leads, not what to learn first; a sentence that says what
            # the tool is for ("X is used to measure Y") defines it by its task
            continue
        # a stated relation counts in full: the cue's confidence says how sure the
        # reading is, not how strongly the relation orders the two (a cue read at 0.56
        # would count half, and course order or how widely each is named outweigh it)
        say(0, r.source, r.target, feature, float(sign), r.evidence)
        if feature in STATED:
            say(0, r.source, r.target, "stated", float(sign), r.evidence)
        if r.relation == "part_of":
            part = r.source
            shared = len({w for w in wholes[part] if not wholes[w] & wholes[part]}) > 1
            if r.label == BUILDING_BLOCK or shared or _made_of(index, r, spans):
                # a whole made of its parts: what the notes state puts the parts first, and
                # how the two are laid out cannot turn it round (``stated``, as the others)
                say(0, part, r.target, "block", 1.0, r.evidence)
                say(0, part, r.target, "stated", 1.0, r.evidence)
                blocks.add((part, r.target))
    inside = named_inside(index)
    for b, inner in inside.items():
        cited = _cited(index, b)
        for a in inner:
            # a head word of one course is not what a compound of another is a kind of
            # ("pressure", "blood pressure"); a modifier names what the compound is
            # about, whatever the file ("river basin" of "river basin management")
            if notes.meet(a, b) or not _heads(index, a, b):
                say(0, a, b, "name_inside", 1.0, cited)
    for a, b in _kin(index, notes, inside):
        say(0, a, b, "kin", 1.0, _cited(index, a)[:1] + _cited(index, b)[:1])
    # named in the cards about the other
    shares: dict[tuple[str, str], tuple[float, list[Evidence]]] = {}
    crowded = {  # see TOGETHER_MAX_CONCEPTS: concepts about it x concepts named in it
        card_id
        for card_id, found in index.card_mentions.items()
        if len({c for c, _ in found}) > TOGETHER_MAX_CONCEPTS
    }
    unread = _unread_names(index, notes, crowded)
    for card_id, found in _verbed_names(index, notes, crowded).items():
        unread.setdefault(card_id, []).extend(found)
    written: dict[tuple[str, str], Evidence] = {}
    contrasts = _compared_on_titles(index, typed)
    by_id = {seg.card.id: seg.card for seg in segments_only(index.segments)}

    @cache
    def lines_of(b: str, card_id: str) -> list[range] | None:
        card = by_id.get(card_id)
        return None if card is None else own_lines(_term_labels(index, card), card.lines[1], b)

    def said_of(b: str, card_id: str, e: Evidence) -> bool:
        """Does the mention ``e`` in the card speak of ``b`` (not of another term of a
        term list, see :func:`own_lines`)?"""
        lines = lines_of(b, card_id)
        return lines is None or e.source != by_id[card_id].source or any(e.line in r for r in lines)

    for b, cards in notes.about.items():
        if not cards or b not in index.concepts:
            continue
        counted: dict[str, set[str]] = defaultdict(set)
        hosted = notes.hosts.get(b, {})
        for card_id in cards:
            if card_id in crowded:
                continue
            for a, e in index.card_mentions.get(card_id, ()):
                if not said_of(b, card_id, e):
                    continue  # "E1: ...; competes with SN1" in a term list: said of E1
                if a in hosted.get(card_id, ()):
                    continue  # b is introduced while the card explains a
                if CROSS_REFERENCE.match(e.text):
                    continue  # "See also: glob": a pointer to a neighbour, not an explanation
                if {a, b} <= contrasts.get((e.source, e.line), set()):
                    continue  # "Aerobic vs anaerobic": set beside the subject, not built on
                if notes.denials.denies(e.text, forms(a), forms(b)):
                    continue  # "B is not an A", "B does not require A": no explanation by A
                if (a, b, e.source, e.line) in leads_to:
                    continue  # "B: the basis of A": what B leads to, not what explains it
                if OTHER_NAME.search(e.text) and not builds_on(
                    OTHER_NAME.sub(" | ", e.text), _spelled(index, a)
                ):
                    continue  # named only inside another name the card gives its subject
                # a concept the card introduces is not one it is explained with
                if a != b and a in index.concepts and notes.first_card.get(a) != card_id:
                    counted[a].add(card_id)
            # a name the card writes where no mention was read ("Run GREP -v on the log")
            for a, e in unread.get(card_id, ()):
                if (
                    a != b
                    and a not in hosted.get(card_id, ())
                    and notes.first_card.get(a) != card_id
                    and not CROSS_REFERENCE.match(e.text)
                    and not {a, b} <= contrasts.get((e.source, e.line), set())
                    and not notes.denials.denies(e.text, forms(a), forms(b))
                    and said_of(b, card_id, e)
                ):
                    counted[a].add(card_id)
                    written[(a, card_id)] = e
        for a, with_a in counted.items():
            cited = [
                e
                for c in sorted(with_a)
                for e in (
                    [m for m in notes.mention_of[(a, c)] if said_of(b, c, m)] or [written[(a, c)]]
                )
            ]
            shares[(a, b)] = (len(with_a) / len(cards), cited)
    for (a, b), (share, cited) in shares.items():
        other = shares.get((b, a), (0.0, []))[0]
        if share > other:
            say(2, a, b, "explains", round(share - other, 3), cited)
    # named only inside a longer name that is no concept ("up the inheritance tree" in
    # the card about upcasting): the card explains its subject with that name's head
    # concept as with one it names outright, which ``explains`` counts
    within: dict[tuple[str, str], tuple[float, list[Evidence]]] = {}
    for b, cards in notes.about.items():
        if not cards or b not in index.concepts:
            continue
        nested: dict[str, dict[str, list[Evidence]]] = defaultdict(dict)
        for card_id in cards:
            if card_id in crowded or not index.card_nested.get(card_id):
                continue
            outright = {c for c, _ in index.card_mentions.get(card_id, ())}
            for a, e in index.card_nested[card_id]:
                if (
                    a != b
                    and a in index.concepts
                    and a not in outright
                    and not CROSS_REFERENCE.match(e.text)
                    and not notes.denials.denies(e.text, forms(a), forms(b))
                ):
                    nested[a].setdefault(card_id, []).append(e)
        for a, by_card in nested.items():
            cited = [e for c in sorted(by_card) for e in by_card[c]]
            within[(a, b)] = (len(by_card) / len(cards), cited)
    for (a, b), (share, cited) in within.items():
        other = within.get((b, a), (0.0, []))[0]
        if share > other:
            say(2, a, b, "named_within", round(share - other, 3), cited)
    # a whole's card or heading over its building blocks (a CNN's card listing its layers)
    # is where the notes say what the whole is made of: that layout states the block, it
    # does not put the whole first
    for (a, b), heading in notes.sections.items():
        if a in index.concepts and b in index.concepts and (b, a) not in blocks:
            say(2, a, b, "section", 1.0, [heading])
            say(2, a, b, "layout", 1.0, [heading])
    for a, b, item in _listed(index, notes):
        if (b, a) not in blocks:
            say(2, a, b, "lists", 1.0, [item])
            say(2, a, b, "layout", 1.0, [item])
    for a, b, line in _stressed(index, notes):
        if (b, a) not in blocks:
            say(2, a, b, "stressed", 1.0, [line])
            say(2, a, b, "layout", 1.0, [line])
    for a, b, heading in _heading_lists(index):
        say(2, a, b, "heading_order", 1.0, [heading])
        say(2, a, b, "layout", 1.0, [heading])
    for a, b, sentence in _glossed(index):
        say(1, a, b, "glossed", 1.0, [sentence])
    for a, b, sentence in _undergoes(index):
        say(1, a, b, "undergoes", 1.0, [sentence])
    for a, b, sentence in _arrowed(index):
        say(1, a, b, "arrow", 1.0, [sentence])
        say(1, a, b, "stated", 1.0, [sentence])
    for b, named in notes.defined_with_words.items():
        e = index.concepts[b].definition_evidence
        for a in named:
            if notes.meet(a, b):  # as for ``name_inside``: words alone link no two courses
                say(1, a, b, "definition_words", 1.0, [e] if e else ())
    genera: dict[str, set[str]] = defaultdict(set)  # kinds side by side share a genus
    for r in typed:
        if TYPED_FEATURES[r.relation][0] == "general":
            genera[r.source].add(r.target)
    for a, b in _shared_wording(index):
        if genera[a] & genera[b]:
            continue  # "X is a hydroponics system in which ...": kinds of one genus in its words
        cited = [index.concepts[c].definition_evidence for c in (a, b)]
        say(1, a, b, "shared_wording", 1.0, [e for e in cited if e is not None])
    # named together (each card once per pair: a card's concepts are a set)
    together: dict[tuple[str, str], list[str]] = defaultdict(list)
    for card_id, found in index.card_mentions.items():
        named = sorted({c for c, _ in found if c in index.concepts})
        if len(named) > TOGETHER_MAX_CONCEPTS:
            continue  # a card that names everything says nothing of any two (and costs n^2)
        for i, a in enumerate(named):
            for b in named[i + 1 :]:
                together[(a, b)].append(card_id)
    return said, together


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with the characters of ``spans`` replaced by "|" (its offsets kept).

    >>> _blank("a roux thickens", [(2, 6)])
    'a |||| thickens'
    """
    chars = list(text)
    for start, stop in spans:
        chars[start:stop] = "|" * (stop - start)
    return "".join(chars)


def _unread_names(
    index: ConceptIndex, notes: _Notes, crowded: Collection[str] = ()
) -> dict[str, list[tuple[str, Evidence]]]:
    """Card id -> the concepts its title or body writes by name where the card has no
    mention of them, each with its sentence: names the parse did not read as one, a code
    word ("Run GREP -v on the log"), a name written as a modifier ("a garter-stitch
    edge"). Only the cards some concept is about are read, not a crowded one. A name
    counts written as whole words (a plural ending allowed) outside the names the card's
    mentions cover ("rate" of "the interest rate" is read no more); a name in capitals
    (an abbreviation, a keyword) only in capitals; a name of one lower-case word not at
    all: where the parse read no noun it is the everyday word, a verb or an adjective
    ("they knit a row", "a plain edge"), not the term.

    >>> from extraction.records import Card, Concept
    >>> card = Card("n#1", "n.txt", "qa-list", (1, 2), "What is a roux?",
    ...             "Wheat flour cooked in fat thickens a sauce of UHT milk.",
    ...             title_kind="question", title_line=1, body_lines=(2,))
    >>> e = Evidence("n.txt", 1, "What is a roux?")
    >>> names = ("roux", "wheat flour", "fat", "sauce", "UHT")
    >>> index = ConceptIndex({n: Concept(n, n, cards=["n#1"] if n == "roux" else [])
    ...                       for n in names}, {}, {},
    ...                      card_mentions={"n#1": [("roux", e), ("sauce", e)]})
    >>> index.segments = [(Segment(card, 1, card.title, is_title=True), None)]
    >>> [a for a, _ in _unread_names(index, _notes(index))["n#1"]]
    ['UHT', 'wheat flour']
    """
    cards = {seg.card.id: seg.card for seg in segments_only(index.segments)}
    about = {card_id for ids in notes.about.values() for card_id in ids}
    capitals: dict[str, set[str]] = {}  # concept -> its names as written in capitals
    lower: dict[str, set[str]] = {}  # concept -> its names of several words, lower case
    for concept in index.concepts:
        written = {concept, *index.concepts[concept].aliases}
        caps = {n.replace("-", " ") for n in written if is_acronym(n) or n.isupper()}
        if caps:
            capitals[concept] = caps
        elif several := {n for n in _names(index, concept) if len(n.split()) > 1}:
            lower[concept] = several
    starts: dict[str, set[str]] = defaultdict(set)  # first word -> concepts (either case)
    for table in (capitals, lower):
        for concept, names in table.items():
            for name in names:
                if name.split():
                    starts[name.split()[0].lower()].add(concept)
    spelled = cache(lambda concept: sorted(_spelled(index, concept)))
    out: dict[str, list[tuple[str, Evidence]]] = {}
    for card_id in sorted(about - set(crowded)):
        card = cards.get(card_id)
        if card is None:
            continue
        named = {c for c, _ in index.card_mentions.get(card_id, ())}
        named |= {c for c, _ in index.card_nested.get(card_id, ())}
        found: list[tuple[str, Evidence]] = []
        for part, line in ((card.title, card.title_line), (card.body, None)):
            if not part:
                continue
            text = part.replace("-", " ")  # as names are written (:func:`_names`)
            low = text.lower()
            words = {w.lower() for w in _WORD.findall(low)}
            spans: dict[str, list[tuple[int, int]]] = {}
            for concept in sorted({c for w in words for c in starts.get(w, ())} - named):
                if concept in capitals:
                    at = [s for n in capitals[concept] for s in whole_words(text, n)]
                else:
                    at = [s for n in lower[concept] for s in whole_words(low, n)]
                if at:
                    spans[concept] = at
            if not spans:
                continue
            read = _blank(  # the names the card's mentions cover
                low,
                [
                    span
                    for c in sorted(named & index.concepts.keys())
                    for name in spelled(c)
                    if name in low
                    for span in whole_words(low, name)
                ],
            )
            for concept, at in spans.items():
                at = [(i, j) for i, j in at if "|" not in read[i:j]]
                if at:
                    start = min(at)[0]
                    where = line if line is not None else card.line_of(start)
                    found.append((concept, Evidence(card.source, where, _sentence_at(part, start))))
                    named.add(concept)
        if found:
            out[card_id] = found
    return out


#: Fewest words of a run two defining sentences share for ``shared_wording`` (its
#: description in :data:`FEATURES` says it in words: keep the two alike).
SHARED_WORDS = 6
#: Most definitions that may hold one run: a run more of them share is the notes'
#: boilerplate ("is a method used to"), not wording borrowed from one to the next.
SHARED_MAX_DEFINITIONS = 3
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


def _shared_wording(index: ConceptIndex) -> list[tuple[str, str]]:
    """``(A, B)`` for each two concepts whose defining sentences share a run of at least
    :data:`SHARED_WORDS` words, none a word of either concept's names, that at most
    :data:`SHARED_MAX_DEFINITIONS` definitions hold; A the one the notes define first
    (files in the order read, then lines). One sentence defining both links nothing.

    >>> from extraction.concepts import ConceptIndex
    >>> from extraction.records import Concept
    >>> c = {n: Concept(n, n) for n in ("fulling", "felting", "weaving")}
    >>> texts = {
    ...     "fulling": "Fulling beats woven cloth in warm soapy water until the fibres mat.",
    ...     "felting": "Felting rubs loose wool in warm soapy water until the fibres mat.",
    ...     "weaving": "Weaving interlaces two sets of threads at right angles.",
    ... }
    >>> for line, (name, text) in enumerate(texts.items(), 1):
    ...     c[name].definition_evidence = Evidence("n.md", line, text)
    >>> _shared_wording(ConceptIndex(c, {}, {}))
    [('fulling', 'felting')]
    """
    order: dict[str, int] = {}
    for seg, _ in index.segments:
        order.setdefault(seg.card.source, len(order))
    runs: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for concept in index.concepts.values():
        e = concept.definition_evidence
        if e is None:
            continue
        words = [w.lower() for w in _WORD.findall(e.text)]
        own = {w.lower() for n in _spelled(index, concept.id) for w in _WORD.findall(n)}
        for i in range(len(words) - SHARED_WORDS + 1):
            run = tuple(words[i : i + SHARED_WORDS])
            if not own.intersection(run):
                runs[run].add(concept.id)
    pairs: set[tuple[str, str]] = set()
    for held in runs.values():
        if 2 <= len(held) <= SHARED_MAX_DEFINITIONS:
            pairs.update(itertools.combinations(sorted(held), 2))

    def where(c: str) -> tuple[int, int]:
        e = index.concepts[c].definition_evidence
        return (order.get(e.source, len(order)), e.line)

    found = []
    for x, y in sorted(pairs):
        ex, ey = index.concepts[x].definition_evidence, index.concepts[y].definition_evidence
        if (ex.source, ex.line, ex.text) == (ey.source, ey.line, ey.text) or where(x) == where(y):
            continue
        found.append((x, y) if where(x) < where(y) else (y, x))
    return found


#: What separates a list item's name from what it goes on to say ("Fuel: wood, gas").
_ITEM_LEAD = re.compile(r"\s*[:\u2013\u2014]\s*|\s+-\s+|\s*\(")


def _listed(index: ConceptIndex, notes: _Notes) -> Iterator[tuple[str, str, Evidence]]:
    """``(A, B, item)`` for each list item of a card about A that names B by itself, or
    before a colon, a dash or a bracket ("Fuel: wood, gas"): what a card explains, and
    the items it lists to explain it (its kinds, parts, steps or examples). A card that
    only holds A's defining sentence, being about another concept, lists that one's.

    >>> from extraction.records import Card, ListItem
    >>> from extraction.concepts import extract_concepts
    >>> body = "It needs:\\nSemipermeable membrane: lets water through.\\nWater potential"
    >>> items = (ListItem(10, 53, 0), ListItem(54, 69, 0))
    >>> cards = [Card(f"n#{i}", "n.txt", "qa-list", (4 * i, 4 * i + 3), f"What is {t}?", b,
    ...               title_line=4 * i, body_lines=(4 * i + 1, 4 * i + 2, 4 * i + 3),
    ...               items=listed) for i, (t, b, listed) in enumerate([
    ...     ("osmosis", body, items),
    ...     ("a semipermeable membrane", "A barrier that lets some molecules pass.", ()),
    ...     ("water potential", "The tendency of water to move.", ())])]
    >>> index = extract_concepts(cards)
    >>> sorted((a, b) for a, b, _ in _listed(index, _notes(index)))
    [('osmosis', 'semipermeable membrane'), ('osmosis', 'water potential')]
    """
    cards = {seg.card.id: seg.card for seg in segments_only(index.segments)}
    for a, about in notes.about.items():
        if a not in index.concepts:
            continue
        hosted = notes.hosts.get(a, {})  # cards that define A but are about another
        for card_id in sorted(about):
            card = cards.get(card_id)
            if card is None or card_id in hosted:
                continue
            for item in card.items:
                text = card.body[item.start : item.end].strip()
                lead = _ITEM_LEAD.split(text, maxsplit=1)[0].strip().rstrip(".:;,")
                b = index.find(lead) if lead else None
                if b is not None and b != a and b in index.concepts:
                    yield a, b, Evidence(card.source, card.line_of(item.start), text)


#: A bracket in a sentence, and what it holds: a name or a phrase that glosses one. A
#: square bracket glosses as a round one does ("Slip Casting [pouring liquid clay into
#: a mould]"), but for the markup square brackets make: a link's text ("[kiln](#kiln)",
#: "[kiln]{#kiln}", "[kiln][1]", "[kiln]: url") and a wiki link ("[[kiln]]").
_BRACKET = re.compile(r"\(([^()]{2,160})\)|(?<!\[)\[([^\[\]()]{2,160})\](?![\](\[{:])")
#: Where the phrase a bracket glosses begins, read back from the bracket: the last comma,
#: semicolon, colon, "and", or number of an inline list ("1. Training on X (Y)").
_PHRASE_START = re.compile(r"[,;:]|\band\b|\b\d+\.\s")
#: Most words of the name read before a bracket that glosses it ("raku (...)").
GLOSSED_NAME_WORDS = 6


def _glossed(index: ConceptIndex) -> Iterator[tuple[str, str, Evidence]]:
    """``(A, B, sentence)`` for each bracket that glosses a name by a phrase: the phrase
    names A, what B is made of or works on. Either the bracket holds B's name after the
    phrase ("firing clay in a kiln (bisque firing)") or it holds the phrase after B's
    name ("raku (pots taken out of the kiln hot)").
    A bracket that gives another name of the same concept ("RNN (recurrent neural
    network)") glosses nothing, and a phrase that names B itself is no gloss of B.

    >>> from extraction.records import Card
    >>> from extraction.concepts import extract_concepts
    >>> cards = [Card(f"n#{i}", "n.txt", "qa-list", (2 * i, 2 * i + 1), f"What is {t}?", b,
    ...               title_line=2 * i, body_lines=(2 * i + 1,)) for i, (t, b) in enumerate([
    ...     ("a kiln", "An oven for firing clay."),
    ...     ("glaze", "A glassy coat."), ("raku", "A Japanese style."),
    ...     ("pottery", "Shaping clay, then firing it in a kiln (bisque firing). "
    ...                 "Raku (pots taken out of the kiln hot, then given a glaze) is a style.")])]
    >>> sorted((a, b) for a, b, _ in _glossed(extract_concepts(cards)))
    [('glaze', 'raku'), ('kiln', 'bisque firing'), ('kiln', 'raku')]
    """
    spelled = cache(lambda concept: _spelled(index, concept))
    cards = {seg.card.id: seg.card for seg in segments_only(index.segments)}
    for card in cards.values():
        if "(" not in card.body and "[" not in card.body:
            continue
        concepts = {c for c, _ in index.card_mentions.get(card.id, ()) if c in index.concepts}
        if len(concepts) > TOGETHER_MAX_CONCEPTS:
            continue  # a card that names everything (see TOGETHER_MAX_CONCEPTS)
        for bracket in _BRACKET.finditer(card.body):
            inside = (bracket.group(1) or bracket.group(2)).strip()
            line_start = card.body.rfind("\n", 0, bracket.start()) + 1
            before = card.body[line_start : bracket.start()]
            before = _FIRST_SENTENCE.split(before)[-1]  # within the bracket's sentence
            b = index.find(inside)
            if b is not None:  # the phrase, then the name it is given
                phrase = _PHRASE_START.split(before)[-1]
            else:  # the name, then the phrase that says what it is
                words = re.findall(r"[\w'-]+", before)[-GLOSSED_NAME_WORDS:]
                tails = (" ".join(words[-n:]) for n in range(len(words), 0, -1))
                b = next((c for tail in tails if (c := index.find(tail))), None)
                phrase = inside
            if b is None or b not in index.concepts or _mentioned(phrase, spelled(b)):
                continue
            sentence = None
            for a in sorted(concepts - {b}):
                if _mentioned(phrase, spelled(a)):
                    start = bracket.start()
                    sentence = sentence or Evidence(
                        card.source, card.line_of(start), _sentence_at(card.body, start)
                    )
                    yield a, b, sentence


#: Endings a verb takes, stripped to find its stem ("propagates" -> "propagat").
VERB_ENDINGS = ("ing", "ed", "es", "s", "e", "")
#: Endings that make a noun of a verb's stem ("propagat" -> "propagation").
NOUN_ENDINGS = ("ion", "ation", "ment")
#: Fewest letters of a stem read this way: shorter ones ("act") end too many nouns.
STEM_MIN_LETTERS = 5


def verb_nouns(word: str) -> set[str]:
    """The nouns a verb form ``word`` may make (:data:`VERB_ENDINGS` stripped,
    :data:`NOUN_ENDINGS` added); none for a word that is such a noun itself.

    >>> "inflation" in verb_nouns("inflates"), "alignment" in verb_nouns("aligned")
    (True, True)
    >>> verb_nouns("inflation"), verb_nouns("acts")
    (set(), set())
    """
    w = word.lower()
    if w.endswith(NOUN_ENDINGS) or w.endswith(tuple(e + "s" for e in NOUN_ENDINGS)):
        return set()
    stems = {w[: len(w) - len(e)] for e in VERB_ENDINGS if w.endswith(e)}
    return {s + n for s in stems if len(s) >= STEM_MIN_LETTERS for n in NOUN_ENDINGS}


#: Endings that make a process noun of a verb's lemma ("inherit" -> "inheritance",
#: "refactor" -> "refactoring"), beside those of :data:`NOUN_ENDINGS`.
VERBAL_NOUN_ENDINGS = ("ance", "ence", "ing", *NOUN_ENDINGS)


def verbal_nouns(lemma: str) -> set[str]:
    """The process nouns a verb of lemma ``lemma`` may name (:data:`VERBAL_NOUN_ENDINGS`
    added to the lemma, or to it without its last "e"), none for a short lemma
    (:data:`STEM_MIN_LETTERS`).

    >>> sorted(verbal_nouns("inherit"))[:3]
    ['inheritance', 'inheritation', 'inheritence']
    >>> "refactoring" in verbal_nouns("refactor"), "computation" in verbal_nouns("compute")
    (True, True)
    >>> verbal_nouns("act")
    set()
    """
    w = lemma.lower()
    stems = {w, w[:-1] if w.endswith("e") else w}
    return {s + n for s in stems if len(s) >= STEM_MIN_LETTERS for n in VERBAL_NOUN_ENDINGS}


def verb_lemmas(word: str) -> tuple[str, ...]:
    """The lemmas of ``word`` as a verb, where it can be nothing else: the dictionary's
    (:func:`extraction.names.lemmas`) for a word it knows as a verb and as no noun
    ("inherits", "inherited"), none for a word that may be a noun ("stack", "trains");
    for a word the dictionary does not know ("refactored"), the word less a verb's
    ending (:data:`VERB_ENDINGS`, not "ing": "refactoring" is the noun itself).

    >>> verb_lemmas("inherits"), verb_lemmas("stack"), verb_lemmas("refactored")[0]
    (('inherit',), (), 'refactor')
    """
    known = lemmas(word)
    if known:
        return () if "NOUN" in known else tuple(known.get("VERB", ()))
    w = word.lower()
    return tuple(
        dict.fromkeys(w[: len(w) - len(e)] for e in ("ed", "d", "es", "s", "") if w.endswith(e))
    )


def _verbed_names(
    index: ConceptIndex, notes: _Notes, crowded: Collection[str] = ()
) -> dict[str, list[tuple[str, Evidence]]]:
    """Card id -> the concepts of one word the card names by their verb, each with its
    sentence, where the card names them no other way: "Circles inherit from Shape"
    names inheritance, "then refactored the class" refactoring (:func:`verb_lemmas`,
    :func:`verbal_nouns`), the process the card is explained with. Only a card about
    one concept is read (a card about several, "Conclusion: group and chunk what you
    learn", is no card that explains one of them by the process), not a crowded one, and
    not a word of everyday English the notes never define (:func:`_undefined_word`:
    "learn" names no concept "learning" the notes do not explain).

    >>> from extraction.records import Card, Concept
    >>> card = Card("n#1", "n.txt", "qa-list", (1, 2), "What is a subclass?",
    ...             "A class that inherits from another class.",
    ...             title_kind="question", title_line=1, body_lines=(2,))
    >>> names = ("subclass", "class", "inheritance")
    >>> index = ConceptIndex({n: Concept(n, n, cards=["n#1"] if n == "subclass" else [])
    ...                       for n in names}, {}, {})
    >>> index.segments = [(Segment(card, 1, card.title, is_title=True), None)]
    >>> [(c, e.line) for c, e in _verbed_names(index, _notes(index))["n#1"]]
    [('inheritance', 2)]
    """
    by_noun: dict[str, str] = {}
    for concept in index.concepts:
        for name in _names(index, concept, camel=False):
            # not an everyday word the notes never define ("learn" for "learning")
            if " " not in name and name.isalpha() and not _undefined_word(index, concept):
                by_noun.setdefault(name, concept)
    subjects: Counter[str] = Counter(card_id for ids in notes.about.values() for card_id in ids)
    about = {card_id for card_id, n in subjects.items() if n == 1} - set(crowded)
    if not by_noun or not about:
        return {}
    cards = {seg.card.id: seg.card for seg in segments_only(index.segments)}
    out: dict[str, list[tuple[str, Evidence]]] = {}
    for card_id in sorted(about & cards.keys()):
        card = cards[card_id]
        named = {c for c, _ in index.card_mentions.get(card_id, ())}
        found: list[tuple[str, Evidence]] = []
        for part, line in ((card.title, card.title_line), (card.body, None)):
            for m in _WORD.finditer(part or ""):
                word = m.group().lower()
                for noun in sorted(n for v in verb_lemmas(word) for n in verbal_nouns(v)):
                    concept = by_noun.get(noun)
                    if concept is not None and concept not in named and word != noun:
                        named.add(concept)
                        where = line if line is not None else card.line_of(m.start())
                        sentence = _sentence_at(part, m.start())
                        found.append((concept, Evidence(card.source, where, sentence)))
        if found:
            out[card_id] = found
    return out


def _undergoes(index: ConceptIndex) -> Iterator[tuple[str, str, Evidence]]:
    """``(A, B, sentence)`` for each sentence that names A before a verb whose noun ends
    B's one-word name ("prices inflate" for "inflation" or "hyperinflation"), and not B:
    the notes tell what B does through what it acts on, learned first. Each sentence
    once, in the order read.

    >>> from extraction.records import Concept
    >>> e = Evidence("n.md", 1, "Prices inflate when wages rise.")
    >>> names = ("price", "wage", "inflation")
    >>> index = ConceptIndex({n: Concept(n, n) for n in names}, {}, {},
    ...                      card_mentions={"n.md#1": [("price", e), ("wage", e)]})
    >>> [(a, b) for a, b, _ in _undergoes(index)]
    [('price', 'inflation')]
    """
    # the endings of each one-word name that a verb's noun may be ("polymerization" of
    # "depolymerization"): a noun with a prefix ends with the verb's noun
    by_end: dict[str, set[str]] = defaultdict(set)
    for concept in index.concepts:
        for name in _names(index, concept):
            words = name.split()
            # one word: a longer name ("dual representation") is a kind of the process,
            # which the verb alone ("represents") does not name
            if len(words) == 1 and words[-1].endswith(NOUN_ENDINGS):
                last = words[-1]
                for i in range(len(last) - STEM_MIN_LETTERS - 2):
                    by_end[last[i:]].add(concept)
    if not by_end:
        return
    by_sentence: dict[tuple[str, int, str], tuple[Evidence, list[str]]] = {}
    for found in index.card_mentions.values():
        for concept, e in found:
            by_sentence.setdefault((e.source, e.line, e.text), (e, []))[1].append(concept)
    for e, named in by_sentence.values():
        verbs: dict[str, int] = {}  # concept -> where the first verb of its noun stands
        for m in _WORD.finditer(e.text):
            for noun in verb_nouns(m.group()):
                for b in by_end.get(noun, ()):
                    verbs.setdefault(b, m.start())
        if not verbs:
            continue
        text = e.text.lower().replace("-", " ")  # as names are written (:func:`_names`)
        for b in sorted(set(verbs) - set(named)):
            for a in dict.fromkeys(named):
                # what undergoes the process stands before its verb ("prices inflate"),
                # not what follows from it ("... inflate, and savings shrink")
                if (
                    a != b
                    and a in index.concepts
                    and _named_before(text, _spelled(index, a), verbs[b])
                ):
                    yield a, b, e


#: An arrow written between two words, "A -> B", "A \u2192 B", "A => B": the notes' way of
#: putting one step or state after another ("heat the ore -> the metal melts"). Not one
#: between symbols ("n \u2192 \u221e") nor one pointing at nothing ("(A ->)").
ARROW = re.compile(
    r"(?:(?<=[^\W\d_]{2})|(?<=[^\W\d_]{2}[)\]]))\s*"
    r"(?:[\u2192\u21d2\u27f6\u279c]|[-\u2013\u2014=]{1,2}>)"
    r"\s*(?=[(\[]?[^\W\d_]{2})"
)

#: The characters one of whose presence a line needs to hold an :data:`ARROW`.
_ARROW_MARKS = frozenset(">\u2192\u21d2\u27f6\u279c")


def _arrowed(index: ConceptIndex) -> Iterator[tuple[str, str, Evidence]]:
    """``(A, B, sentence)`` for each line that writes arrows (:data:`ARROW`) with A
    named before the first and B first named after the last: what the chain leads from
    comes first, the step or result it ends in after ("kiln heats up -> glaze melts ->
    crazing": the kiln before the crazing). What the steps between name is said on the
    way, and a single everyday word the notes never define ("state") orders nothing.
    A name a slash shortens counts ("-> igneous/metamorphic rock" names igneous rock:
    :func:`elided_words`). The notes state the order as much as a typed relation does,
    so it also counts as ``stated``. Each line once, in the order read.

    >>> from extraction.records import Concept
    >>> e = Evidence("n.md", 1, "kiln heats up -> glaze melts -> crazing")
    >>> names = ("kiln", "glaze", "crazing")
    >>> index = ConceptIndex({n: Concept(n, n) for n in names}, {}, {},
    ...                      card_mentions={"n.md#1": [(n, e) for n in names]})
    >>> [(a, b) for a, b, _ in _arrowed(index)]
    [('kiln', 'crazing')]
    >>> e = Evidence("n.md", 1, "as n \u2192 \u221e the kiln cools, and the glaze sets")
    >>> index = ConceptIndex({n: Concept(n, n) for n in names}, {}, {},
    ...                      card_mentions={"n.md#1": [(n, e) for n in names]})
    >>> list(_arrowed(index))
    []
    """
    by_sentence: dict[tuple[str, int, str], tuple[Evidence, list[str]]] = {}
    for found in index.card_mentions.values():
        for concept, e in found:
            if concept in index.concepts and _ARROW_MARKS.intersection(e.text):
                by_sentence.setdefault((e.source, e.line, e.text), (e, []))[1].append(concept)
    for e, named in by_sentence.values():
        cuts = [m.start() for m in ARROW.finditer(e.text)]
        if not cuts:
            continue
        text = e.text.lower().replace("-", " ")  # as names are written (:func:`_names`)
        first: dict[str, int] = {}  # concept -> the stretch between arrows first naming it
        for concept in dict.fromkeys(named):
            starts = [s for name in _spelled(index, concept) for s, _ in elided_words(text, name)]
            if starts:
                first[concept] = sum(1 for cut in cuts if cut < min(starts))
        # the chain's ends: what the middle steps name on the way ("output is passed
        # through tanh") is said in passing, and an everyday word the notes never
        # define ("state") orders nothing
        ends = {c for c in first if not _undefined_word(index, c)}
        for a, b in itertools.permutations(sorted(ends, key=first.get), 2):
            if first[a] == 0 and first[b] == len(cuts):
                yield a, b, e


#: Marks that end a clause in a sentence: a name before one of them is not what the verb
#: after it acts on ("the kiln heats up -> its glaze vitrifies").
CLAUSE_BREAK = re.compile(r"[,;:()\[\]]|[.!?](?:\s|$)|[\u2190-\u21ff]|\s-+>|\s[-\u2013\u2014]\s")


def _named_before(text: str, names: Iterable[str], stop: int) -> bool:
    """Does ``text`` write one of ``names`` as whole words ending before ``stop``, in the
    same clause (no :data:`CLAUSE_BREAK` between the name and ``stop``)?

    >>> _named_before("prices inflate when wages rise", ["price", "wage"], 7)
    True
    >>> _named_before("prices inflate when wages rise", ["wage"], 7)
    False
    >>> _named_before("prices stay flat; later wages inflate", ["price"], 31)
    False
    >>> _named_before("prices stay flat \u2192 wages inflate", ["price"], 26)
    False
    """
    return any(
        end <= stop and not CLAUSE_BREAK.search(text, end, stop)
        for name in names
        for _, end in whole_words(text, name)
    )


def _heading_lists(index: ConceptIndex) -> Iterator[tuple[str, str, Evidence]]:
    """``(A, B, heading)`` for each heading that is nothing but a list of names, A listed
    before B ("Mitosis, meiosis and fertilisation"): a heading that lists the concepts it
    teaches names them in the order it teaches them. Not a heading with other words
    ("How cells copy themselves by mitosis and meiosis"), nor a question ("What is the
    difference between mitosis and meiosis?" asks for a contrast, not an order).

    >>> from extraction.records import Card
    >>> from extraction.concepts import extract_concepts
    >>> cards = [Card(f"n#{i}", "n.md", "markdown", (2 * i, 2 * i + 1), title, body,
    ...               title_kind="heading", title_line=2 * i, body_lines=(2 * i + 1,))
    ...          for i, (title, body) in enumerate([
    ...     ("Osmosis", "Osmosis moves water across a membrane."),
    ...     ("Diffusion", "Diffusion spreads molecules."),
    ...     ("Diffusion and Osmosis", "Both move molecules."),
    ...     ("How plants use osmosis and diffusion", "Roots take up water.")])]
    >>> index = extract_concepts(cards)
    >>> [(a, b, e.line) for a, b, e in _heading_lists(index)]
    [('diffusion', 'osmosis', 4)]
    """
    seen: set[tuple[str, int]] = set()
    for seg in segments_only(index.segments):
        if seg.title_kind != "heading" or (seg.card.source, seg.line) in seen:
            continue
        seen.add((seg.card.source, seg.line))
        heading = seg.text.strip()
        parts = HEADING_LIST.split(heading)
        if len(parts) < 2:
            continue
        named = [index.find(part.strip()) for part in parts]
        if any(c is None for c in named):
            continue  # other words than names: the list is inside a phrase
        listed = list(dict.fromkeys(c for c in named if c in index.concepts))
        evidence = Evidence(seg.card.source, seg.line, heading)
        for i, a in enumerate(listed):
            for b in listed[i + 1 :]:
                yield a, b, evidence


def _stressed(index: ConceptIndex, notes: _Notes) -> Iterator[tuple[str, str, Evidence]]:
    """``(A, B, sentence)`` for each term a card about A marks that is B's name (a run set
    in bold, italics or underline, or a name after "called": :func:`_marked_terms`):
    the terms a card teaches while it explains its subject ("Osmosis moves water across a
    **semipermeable membrane**"). As with :func:`_listed`, a card
    that only holds A's defining sentence, being about another concept, is not A's; and
    a term marked in the defining sentence of any of the card's subjects is what that
    subject is defined with, taught after none of them (under "Erosion and weathering",
    "Erosion is the removal of soil by **running water**").

    >>> from extraction.records import Card, Emphasis
    >>> from extraction.concepts import extract_concepts
    >>> body = "Osmosis is the movement of water. Water moves across a semipermeable membrane."
    >>> cards = [Card(f"n#{i}", "n.txt", "qa-list", (2 * i, 2 * i + 1), f"What is {t}?", b,
    ...               title_line=2 * i, body_lines=(2 * i + 1,), emphasis=stress)
    ...          for i, (t, b, stress) in enumerate([
    ...     ("osmosis", body, (Emphasis("body", 55, 77, "bold"),)),
    ...     ("a semipermeable membrane", "A barrier that lets some molecules pass.", ())])]
    >>> index = extract_concepts(cards)
    >>> [(a, b, e.line) for a, b, e in _stressed(index, _notes(index))]
    [('osmosis', 'semipermeable membrane', 1)]
    """
    cards = {seg.card.id: seg.card for seg in segments_only(index.segments)}
    # each card's subjects' defining sentences, by line: a term one of them is defined
    # with is what that subject is built on, not a term the card teaches after any of them
    defined_in: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for c, about in notes.about.items():
        e = index.concepts[c].definition_evidence if c in index.concepts else None
        if e is not None:
            first = _FIRST_SENTENCE.split(e.text, maxsplit=1)[0]
            for card_id in about:
                card = cards.get(card_id)
                if card is not None and card.source == e.source:
                    defined_in[card_id][e.line].append(first)
    for a, about in notes.about.items():
        if a not in index.concepts or is_collection(a):
            continue  # a set named in the plural is made of the members it stresses
        hosted = notes.hosts.get(a, {})  # cards that define A but are about another
        for card_id in sorted(about):
            card = cards.get(card_id)
            if card is None or card_id in hosted:
                continue
            seen = set()
            for start, name, b in _marked_terms(index, card):
                if b == a or b in seen or b not in index.concepts:
                    continue
                if card_id in notes.about.get(b, ()):
                    continue  # a card about both ("Mitosis and meiosis") orders neither
                if any(name in d for d in defined_in[card_id].get(card.line_of(start), ())):
                    continue  # what A, or the card's other subject, is defined with
                seen.add(b)
                yield (
                    a,
                    b,
                    Evidence(card.source, card.line_of(start), _sentence_at(card.body, start)),
                )


#: What introduces a new term by name ("is called osmosis", "known as the mantle").
NAMING_CUE = re.compile(r"\b(?:called|known as)\s+", re.IGNORECASE)
#: A bracket after words, holding a name of a few words ("... private (module pattern)").
NAMED_BRACKET = re.compile(r"(?<=\w)\s+\(([^()\d,;:=]{3,60})\)")
#: Most words of a marked run read as a label line whose parts are names.
LABEL_MAX_WORDS = 10
#: What separates the parts of a marked label line ("Step 2: Diffusion [passive transport]").
_LABEL_PARTS = re.compile(r"\s*[:\[\]()\u2013\u2014]\s*|\s+-\s+")
#: An article opening a marked part ("**A semipermeable membrane** lets ...").
_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)


def _marked_terms(index: ConceptIndex, card) -> list[tuple[int, str, str]]:
    """``(offset, name, concept)`` for each concept ``card``'s body marks as a term: a
    run set in bold, italics or underline that is its name, or a part of a short marked
    label line that is one ("**Step 2: Water loss [transpiration]**": the parts between
    its colons, brackets and dashes, :data:`LABEL_MAX_WORDS` words at most), or a name a
    naming cue introduces (:data:`NAMING_CUE`: "pores called stomata"), or a name a bracket
    gives, first in the notes, to the words before it (:data:`NAMED_BRACKET`: "the sheets
    of rock slide (a landslip)").

    >>> from extraction.records import Card, Emphasis
    >>> from extraction.concepts import extract_concepts
    >>> body = "Leaves lose water through pores called stomata. The loss is transpiration."
    >>> cards = [Card("n#1", "n.txt", "qa-list", (1, 2), "What is a leaf?", body, title_line=1,
    ...               body_lines=(2,), emphasis=(Emphasis("body", 60, 73, "bold"),)),
    ...          Card("n#2", "n.txt", "qa-list", (3, 4), "What are stomata?", "Pores in a leaf.",
    ...               title_line=3, body_lines=(4,))]
    >>> [(n, c) for _, n, c in _marked_terms(extract_concepts(cards), cards[0])]
    [('transpiration', 'transpiration'), ('stomata', 'stomata')]
    """
    found = []
    for run in card.emphasis:
        if run.part == "body" and run.style in STRESS_STYLES:
            text = card.body[run.start : run.end]
            name = text.strip().strip(".:;,()")
            if (concept := index.find(name)) is not None:
                found.append((run.start, name, concept))
            elif len(text.split()) <= LABEL_MAX_WORDS:
                # a label line naming what it introduces ("Step 2: Diffusion [passive
                # transport]"): each part between its marks that is a name
                for part in _LABEL_PARTS.split(text):
                    part = _ARTICLE.sub("", part.strip())
                    if part and (concept := index.find(part)) is not None:
                        found.append((run.start + text.find(part), part, concept))
    # a bracket that is nothing but a name the notes have not used before, after words
    # that are not that name, names what the words describe ("to keep state private
    # (the module pattern)"); a name met before is pointed back to ("... (see erosion)")
    for m in NAMED_BRACKET.finditer(card.body):
        name = _ARTICLE.sub("", m.group(1).strip())
        concept = index.find(name)
        if concept is None or concept not in index.concepts or _a_property(name):
            continue
        seen = index.concepts[concept].first_seen
        before = card.body[max(0, m.start() - 80) : m.start()]
        if (
            seen is not None
            and tuple(seen) == (card.source, card.line_of(m.start(1)))
            and not _names_before(index, before, concept)
        ):
            found.append((m.start(1), name, concept))
    for cue in NAMING_CUE.finditer(card.body):
        words = re.findall(r"[\w'-]+", card.body[cue.end() : cue.end() + 80])[:NAME_MAX_WORDS]
        if words and words[0].lower() in {"a", "an", "the"}:
            words = words[1:]
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n])
            if (concept := index.find(name)) is not None:
                found.append((cue.end(), name, concept))
                break
    return found


def _a_property(name: str) -> bool:
    """Is ``name`` one word English knows only as an adjective: a bracket holding it
    says what the words before it are like ("a kiln (electric)"), it names nothing.

    >>> _a_property("electric"), _a_property("glaze"), _a_property("raku firing")
    (True, False, False)
    """
    return " " not in name and set(lemmas(name)) == {"ADJ"}


def _names_before(index: ConceptIndex, before: str, concept: str) -> bool:
    """Do the words ``before`` a bracket end with a name of ``concept`` (or an abbreviation
    the bracket spells out): the bracket glosses that name, it names nothing new."""
    words = re.findall(r"[\w'/-]+", before)[-NAME_MAX_WORDS:]
    return any(index.find(" ".join(words[i:])) == concept for i in range(len(words)))


def _sentence_at(text: str, offset: int) -> str:
    """The sentence of ``text`` (within its line) that holds the character at ``offset``.

    >>> _sentence_at("Rivers erode rock. Wind carries sand. Ice grinds it.", 25)
    'Wind carries sand.'
    """
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : end if end >= 0 else len(text)]
    at = offset - start
    ends = [m.start() for m in _FIRST_SENTENCE.finditer(line) if m.start() > at]
    starts = [m.end() for m in _FIRST_SENTENCE.finditer(line) if m.end() <= at]
    return line[starts[-1] if starts else 0 : ends[0] if ends else len(line)].strip()


def _together(notes: _Notes, a: str, b: str, cards: list[str]) -> _Said:
    """What the ``cards`` naming both ``a`` and ``b`` (``a < b``) say of the pair."""
    cited = [e for c in sorted(cards) for e in notes.mention_of[(b, c)][:1]]
    return (2, a, b, "together", min(1.0, len(cards) / TOGETHER_CARDS), cited)


def _everyday_class(index: ConceptIndex, concept: str) -> bool:
    """Is ``concept`` a word of everyday English (:data:`EVERYDAY_ZIPF`) the notes never
    explain ("Transformers are pattern matching machines": "machine")? Being a kind of
    it puts nothing to learn first."""
    return (
        " " not in concept.strip()
        and _commonness(concept) >= EVERYDAY_ZIPF
        and not _explained(index, concept)
    )


def _undefined_word(index: ConceptIndex, concept: str) -> bool:
    """Is ``concept`` a word of everyday English (:data:`EVERYDAY_ZIPF`) the notes never
    define, though a card may ask about it ("state")?

    >>> from extraction.records import Concept
    >>> index = ConceptIndex({n: Concept(n, n) for n in ("state", "kiln")}, {}, {})
    >>> _undefined_word(index, "state"), _undefined_word(index, "kiln")
    (True, False)
    """
    c = index.concepts.get(concept)
    return (
        c is not None
        and " " not in concept.strip()
        and not c.definition.strip()
        and _commonness(concept) >= EVERYDAY_ZIPF
    )


#: Words that join a name's head to what completes it ("conditions *for* combustion").
_HEAD_ENDS = frozenset({"of", "for", "in", "on", "to", "from", "with", "by"})


def is_collection(name: str) -> bool:
    """Is ``name`` a plural: its head noun (the last word before a preposition, or the
    last word) a plural ("conditions for combustion", "Newton's laws of motion")? A
    concept's name is singular unless the notes name a set of things by it.

    >>> [is_collection(n) for n in ("conditions for combustion", "laws of motion",
    ...                              "condition", "plate tectonics", "kinetics", "alumni")]
    [True, True, False, False, False, False]
    """
    from extraction.concepts.phrases import singular

    words = name.lower().split()
    head = next(
        (w for w, after in itertools.pairwise(words) if after in _HEAD_ENDS),
        words[-1] if words else "",
    )
    # a plural ends in "s" ("bernoulli" is no plural of "bernoullus"); "kinetics",
    # "genetics" are the names of fields
    return (
        head.isalpha()
        and head.endswith("s")
        and not head.endswith("ics")
        and singular(head) != head
    )


def _states_both(index: ConceptIndex, r: Relation) -> bool:
    """Does one of ``r``'s evidence sentences name both its concepts?

    >>> from extraction.concepts import ConceptIndex
    >>> from extraction.records import Concept
    >>> index = ConceptIndex({"sonar": Concept("sonar", "Sonar")}, {}, {})
    >>> said = Evidence("n.txt", 1, "Sonar is used for navigation.")
    >>> listed = [Evidence("n.txt", 1, "Where is sonar useful?"),
    ...           Evidence("n.txt", 2, "navigation")]
    >>> [_states_both(index, Relation("sonar", "navigation", "used_for", 0.8, e))
    ...  for e in ([said], listed)]
    [True, False]
    """
    a, b = (_names(index, c) if c in index.concepts else {c.lower()} for c in (r.source, r.target))
    return any(_mentioned(e.text, a) and _mentioned(e.text, b) for e in r.evidence)


def _made_of(index: ConceptIndex, r: Relation, spans: Mapping[str, tuple[str, int, int]]) -> bool:
    """Is the ``part_of`` relation ``r`` read in the card that defines its whole (the card
    holding the whole's defining sentence: ``spans`` gives each card's source and lines)?
    A whole the notes define by what it is made of ("What is a sailboat?" -- "A boat
    driven by the wind. It consists of a hull, a mast and a keel.") is built from those
    parts: they are its building blocks, learned first (a part the notes name elsewhere,
    "What does the keel of a sailboat do in a storm?", is not).

    >>> from extraction.concepts import ConceptIndex
    >>> from extraction.records import Concept
    >>> said = Evidence("n.txt", 3, "A kiln is a furnace for firing pots.")
    >>> kiln = Concept("kiln", "kiln", definition=said.text, definition_evidence=said,
    ...                cards=["n.txt#1"])
    >>> index = ConceptIndex({"kiln": kiln, "firebrick": Concept("firebrick", "firebrick")}, {}, {})
    >>> spans = {"n.txt#1": ("n.txt", 2, 4), "n.txt#2": ("n.txt", 8, 9)}
    >>> made = Evidence("n.txt", 4, "It is made of firebrick.")
    >>> other = Evidence("n.txt", 9, "The firebrick of a kiln cracks when wet.")
    >>> [_made_of(index, Relation("firebrick", "kiln", "part_of", 0.8, [e]), spans)
    ...  for e in (made, other)]
    [True, False]
    """
    whole = index.concepts.get(r.target)
    defined = whole.definition_evidence if whole is not None else None
    if defined is None:
        return False
    for card_id in whole.cards:
        source, first, last = spans.get(card_id, ("", 0, -1))
        if source == defined.source and first <= defined.line <= last:
            return any(e.source == source and first <= e.line <= last for e in r.evidence)
    return False


#: Typed relations whose stated order a defining sentence may give the other way round
#: from what naming a concept there says: "Anomie: ...; the basis of strain theory" (strain
#: theory uses anomie) puts the defined concept first.
DEFINITION_ORDERS = frozenset({"uses", "causes", "addresses"})


def defined_first(index: ConceptIndex, typed: Iterable[Relation]) -> set[tuple[str, str]]:
    """``(A, B)`` for each concept A named in B's defining sentence where that sentence
    states a relation of :data:`DEFINITION_ORDERS` putting B first ("Anomie: the basis
    of strain theory": strain theory uses anomie): A is what B leads to, not what B's
    definition builds on."""
    out = set()
    for r in typed:
        if r.relation not in DEFINITION_ORDERS or r.source == r.target:
            continue
        sign = TYPED_FEATURES[r.relation][1]
        first, later = (r.source, r.target) if sign > 0 else (r.target, r.source)
        c = index.concepts.get(first)
        e = None if c is None else c.definition_evidence
        if e is not None and any((d.source, d.line) == (e.source, e.line) for d in r.evidence):
            out.add((later, first))
    return out


def _in_definition(
    index: ConceptIndex,
    notes: _Notes,
    position: dict[str, int],
    x: str,
    y: str,
    stated: Collection[tuple[str, str]] = frozenset(),
) -> list[_Said]:
    """What definitions say of the pair ``x``, ``y``: A named in the sentence that
    defines B, for each way round that holds, in the order of the defined concepts; not
    where that sentence states B first (``stated``, :func:`defined_first`)."""
    out = []
    for a, b in ((x, y), (y, x)):
        if (
            a != b
            and a in notes.defined_with.get(b, ())
            and a in index.concepts
            and (a, b) not in stated
        ):
            e = index.concepts[b].definition_evidence
            out.append((position[b], (1, a, b, "in_definition", 1.0, [e] if e else ())))
    return [s for _, s in sorted(out, key=lambda ps: ps[0])]


def _candidate(index: ConceptIndex, notes: _Notes, said: list[_Said]) -> Candidate:
    """The pair's record: what was ``said`` of it, in order (the record reads the pair
    the way it was first named), then what follows from where and how often the notes
    name each concept."""
    _, a, b, *_ = said[0]
    c = Candidate(a, b)
    for _, x, _, feature, value, evidence in said:
        if x != a:  # said the other way round
            value = value if feature in SYMMETRIC_FEATURES else -value
        c.add(feature, value, evidence)
    for x, y, sign in ((a, b, 1.0), (b, a, -1.0)):
        card = notes.first_card.get(x)
        # named in passing while the notes explain y: what y's explanation builds on; a
        # name the card sets in bold is a new term it teaches there (``stressed``), but
        # for the members of a set named in the plural ("the causes of erosion")
        if (
            card is not None
            and card in notes.about.get(y, ())
            and (card not in notes.stressed_in.get(x, ()) or is_collection(y))
            # nor an item of an answer that only lists names ("What does ROYGBIV stand
            # for?"): what y is made of or stands for, not what it is told with
            and card not in notes.listing
        ):
            first = notes.mention_of[(x, card)][:1]
            # first named where a denial governs it ("y is not an x"): not built on
            if not any(
                notes.denials.denies(e.text, _forms(index, x), _forms(index, y)) for e in first
            ):
                # defined there or later but never given a card of its own: a term the
                # explanation of y coins, learned after y (``coined``, the other way)
                if _coined(index, x):
                    c.add("coined", -sign, first)
                else:
                    c.add("introduced", sign, first)
    common = round(max(-1.0, min(1.0, (_commonness(a) - _commonness(b)) / 4)), 3)
    if common:
        c.add("common", common)
    na, nb = notes.naming.get(a, 0), notes.naming.get(b, 0)
    if na != nb:
        c.add("wider", round(max(-1.0, min(1.0, math.log2((na + 1) / (nb + 1)) / 3)), 3))
    ra, rb = notes.ranks.get(a), notes.ranks.get(b)
    if ra is not None and rb is not None and ra != rb:
        c.add("earlier", 1.0 if ra < rb else -1.0)
        if "part" in c.features:  # cites the sentence that states the part and whole
            part = [e for (f, _), cited in c.evidence.items() if f == "part" for e in cited]
            c.add("part_order", 1.0 if ra < rb else -1.0, part)
    return c


def _coined(index: ConceptIndex, concept: str) -> bool:
    """Do the notes define ``concept`` without a card of its own (a term defined in
    passing inside the card about something else)?

    >>> from extraction.records import Concept
    >>> index = ConceptIndex({"pH": Concept("pH", "pH", definition="The acidity of a liquid.")},
    ...                      {}, {})
    >>> _coined(index, "pH"), _coined(index, "litmus")
    (True, False)
    """
    c = index.concepts.get(concept)
    return c is not None and bool(c.definition.strip()) and not c.cards


def candidate_pairs(
    index: ConceptIndex, typed: Iterable[Relation]
) -> Iterator[tuple[Candidate, Candidate]]:
    """Every pair of linked concepts once, as its two ordered candidates (the way the
    notes first linked them, then the other), with their features (see
    :data:`FEATURES`).

    One pair is made at a time, so that a caller can score it and keep only what it
    keeps: a note linking millions of pairs costs their number in time, not in memory.
    """
    notes = _notes(index)
    typed = list(typed)
    said, together = _statements(index, typed, notes)
    position = {b: i for i, b in enumerate(notes.defined_with)}
    stated = defined_first(index, typed)
    total = len(index.card_mentions) or 1

    def both(found: list[_Said]) -> tuple[Candidate, Candidate]:
        c = _candidate(index, notes, found)
        pair = (c, c.reversed())
        for one in pair:
            if share := round(min(1.0, notes.naming.get(one.source, 0) / total), 3):
                one.features["spread"] = share
        return pair

    for (x, y), found in said.items():
        if (x, y) in together:  # the last source read: its statement comes last
            found = [*found, _together(notes, x, y, together[(x, y)])]
        defined = _in_definition(index, notes, position, x, y, stated)
        yield both(sorted(found + defined, key=lambda s: s[0]) if defined else found)
    for (x, y), cards in together.items():  # the pairs only cards naming both link
        if (x, y) in said:
            continue
        found = [_together(notes, x, y, cards)]
        defined = _in_definition(index, notes, position, x, y, stated)
        yield both(sorted(found + defined, key=lambda s: s[0]) if defined else found)
    for b, named in notes.defined_with.items():
        for a in named:
            key = (a, b) if a < b else (b, a)
            if a == b or a not in index.concepts or key in said or key in together:
                continue
            if b in notes.defined_with.get(a, ()) and position[a] < position[b]:
                continue  # made at a's turn
            yield both(_in_definition(index, notes, position, a, b, stated))


def candidates(index: ConceptIndex, typed: Iterable[Relation]) -> dict[tuple[str, str], Candidate]:
    """Every ordered pair of linked concepts, both ways, with its features (see
    :data:`FEATURES`; :func:`candidate_pairs` makes them one pair at a time).

    Examples
    --------
    >>> from extraction.concepts import ConceptIndex
    >>> e = Evidence("n.txt", 3, "A GRU is a kind of RNN.")
    >>> found = candidates(ConceptIndex({}, {}, {}), [Relation("GRU", "RNN", "is_a", 0.9, [e])])
    >>> found[("RNN", "GRU")].features["general"], found[("GRU", "RNN")].features["general"]
    (1.0, -1.0)
    """
    forward, backward = {}, {}
    for c, other in candidate_pairs(index, typed):
        forward[(c.source, c.target)] = c
        backward[(other.source, other.target)] = other
    return {**forward, **backward}


@cache
def _commonness(name: str) -> float:
    """How common a name is in English: the Zipf frequency of its rarest word (a name of
    common words only, "data", "input", "process", is common; "LSTM" is not)."""
    from extraction.concepts.phrases import zipf

    words = [w for w in re.split(r"[\s\-/]+", name) if w]
    return min((zipf(w) for w in words), default=0.0)


def _cited(index: ConceptIndex, concept: str) -> list[Evidence]:
    c = index.concepts[concept]
    return index.mentions.get(concept, [])[:1] or (
        [c.definition_evidence] if c.definition_evidence else []
    )


# -- scoring ------------------------------------------------------------------------------


def score(candidate: Candidate, model: LogisticModel) -> Relation:
    """``candidate`` as a ``prerequisite_of`` edge: the model's probability as its
    confidence, the features that raised it (their contributions in ``features``, their
    names in ``label``) and the sentences of the features that raised it, strongest
    first. Features read off how the notes name the two (:data:`UNCITED`) have no
    sentence: an edge carried by them alone cites none, rather than a sentence that
    names the two but states no order."""
    contributions = model.contributions(candidate.features)
    if len(_CONTRIBUTIONS) > 100_000 or len(_FEATURE_SETS) > 100_000:
        _CONTRIBUTIONS.clear()
        _FEATURE_SETS.clear()
    carried = [f for f, c in contributions if c > 0]
    evidence: list[Evidence] = []
    for f in carried:
        sign = 1 if candidate.features[f] > 0 else -1
        for e in candidate.evidence.get((f, sign), ()):
            if e not in evidence and len(evidence) < MAX_EVIDENCE:
                evidence.append(e)
    return Relation(
        candidate.source,
        candidate.target,
        PREREQUISITE,
        round(model.probability(candidate.features), 3),
        evidence,
        label=sys.intern("+".join(carried)),
        features=_feature_set(contributions),
    )


def _feature_set(contributions: list[tuple[str, float]]) -> dict[str, float]:
    """``dict(contributions)``, one dict for every edge with the same contributions
    (nothing changes an edge's features in place).

    >>> _feature_set([("earlier", 0.35)]) is _feature_set([("earlier", 0.35)])
    True
    """
    key = tuple(contributions)
    found = _FEATURE_SETS.get(key)
    if found is None:
        found = _FEATURE_SETS[key] = {f: _CONTRIBUTIONS.setdefault(c, c) for f, c in key}
    return found


#: One object per distinct contribution: a feature that is present contributes its
#: weight, the same number on every edge it carries (a large build keeps hundreds of
#: thousands of edges, each with its contributions). Emptied when it grows large.
_CONTRIBUTIONS: dict[float, float] = {}
#: One dict per distinct set of contributions (a large build's edges have a few thousand
#: among hundreds of thousands); emptied with :data:`_CONTRIBUTIONS`.
_FEATURE_SETS: dict[tuple[tuple[str, float], ...], dict[str, float]] = {}


def break_cycles(edges: list[Relation]) -> list[Relation]:
    """``edges`` without cycles: on every cycle the weakest edge (lowest confidence,
    then least evidence, then smallest ids) goes.

    Examples
    --------
    >>> e = [Evidence("n.txt", 1, "...")]
    >>> edges = [Relation("a", "b", PREREQUISITE, 0.9, e), Relation("b", "c", PREREQUISITE, 0.8, e),
    ...          Relation("c", "a", PREREQUISITE, 0.3, e)]
    >>> [(r.source, r.target) for r in break_cycles(edges)]
    [('a', 'b'), ('b', 'c')]
    """
    kept, _, _ = _acyclic(edges)
    return kept


def _acyclic(edges: list[Relation]) -> tuple[list[Relation], list[Relation], list[Relation]]:
    """``edges`` split into kept, cut (the weakest link of a cycle) and skipped (too
    costly to place: see :class:`graph.paths.IncrementalOrder`)."""
    from graph.paths import IncrementalOrder, _initial_order, keep_acyclic

    by_pair = {(r.source, r.target): r for r in edges}
    strength = lambda p: (-by_pair[p].confidence, -len(by_pair[p].evidence), p)  # noqa: E731
    # Edges are kept from the strongest down and one that would close a cycle is
    # dropped: on every cycle it is the weakest edge that goes, in one pass whose
    # searches only cover the part of a topological order each edge disturbs.
    pairs = sorted(by_pair, key=strength)
    order = IncrementalOrder(_initial_order(pairs))
    _, dropped = keep_acyclic(pairs, order=order)
    skipped = set(order.skipped)
    cut = set(dropped) - skipped
    left_out = cut | skipped  # once, not per edge
    return (
        [r for r in edges if (r.source, r.target) not in left_out],
        [r for r in edges if (r.source, r.target) in cut],
        [r for r in edges if (r.source, r.target) in skipped],
    )


#: Why a scored candidate was left out (the ``label`` of a rejected edge's reason).
REJECTED = {
    "threshold": "below the model's threshold",
    "statistics": "only how often and where the two are named speaks for it",
    "unexplained": "the notes name the first beside the other, never explain or single it out",
    "opposite": "the other direction is likelier",
    "against": "a relation the notes state puts the other first",
    "cycle": "the weakest edge of a cycle",
    "cost": "placing it among thousands of overlapping cycles would cost too much",
}


def _explained(index: ConceptIndex, concept: str, marked: set[str] = frozenset()) -> bool:
    """Do the notes explain ``concept`` (a definition, or a card about it), single it out
    or teach it through its kinds (``marked``: see :func:`singled_out` and
    :func:`taught_through_kinds`)?"""
    c = index.concepts.get(concept)
    return c is not None and bool(c.definition.strip() or c.cards or concept in marked)


#: Concepts the notes explain whose names end with a concept's name, from which they teach
#: that concept through its kinds (:func:`taught_through_kinds`).
KINDS_MIN = 3
#: Zipf frequency from which a word is everyday English (the concept selector's ``common``
#: feature): "model" ends "language model" and "sequence model", but the notes teach
#: those, not "model".
EVERYDAY_ZIPF = 4.5


def taught_through_kinds(index: ConceptIndex) -> set[str]:
    """The concepts whose name ends the names of at least :data:`KINDS_MIN` concepts the
    notes explain: a word the notes never define but teach through its kinds
    ("digestive enzyme", "restriction enzyme", "liver enzyme" for "enzyme"),
    unless it is a word of everyday English (:data:`EVERYDAY_ZIPF`: "model").

    >>> from extraction.concepts import ConceptIndex
    >>> from extraction.records import Concept
    >>> names = ["digestive enzyme", "restriction enzyme", "liver enzyme", "enzyme"]
    >>> names += ["language model", "sequence model", "diffusion model", "model"]
    >>> concepts = {n: Concept(n, n, definition="..." if " " in n else "") for n in names}
    >>> sorted(taught_through_kinds(ConceptIndex(concepts, {}, {})))
    ['enzyme']
    """
    ends: dict[str, int] = defaultdict(int)
    for c in index.concepts.values():
        if c.definition.strip() or c.cards:
            words = c.id.lower().split()
            for i in range(1, len(words)):
                ends[" ".join(words[i:])] += 1
    return {
        c
        for c in index.concepts
        if ends.get(c.lower(), 0) >= KINDS_MIN and _commonness(c) < EVERYDAY_ZIPF
    }


def _section_headings(index: ConceptIndex) -> set[tuple[str, int]]:
    """The headings (source, line) over some but not all of their file's cards: those
    that file a part of the notes under them, not the notes' title."""
    cards = {seg.card.id: seg.card for seg, _ in index.segments if not seg.is_heading}
    per_file = Counter(card.source for card in cards.values())
    enclosing = Counter(
        (card.source, line)
        for card in cards.values()
        for line in set(card.section_lines) | {card.title_line}
    )
    return {
        (seg.card.source, seg.line)
        for seg, _ in index.segments
        if seg.is_heading and enclosing[(seg.card.source, seg.line)] < per_file[seg.card.source]
    }


def singled_out(index: ConceptIndex) -> set[str]:
    """The concepts the author sets apart by name: a heading that is the name, one of the
    names a heading lists when the list opens it ("Mitosis, meiosis and fertilisation"), a
    name a section's heading holds in a phrase ("Liming an acid soil"; not the notes'
    title over all their cards), or
    a heading that gives an action that makes it ("Prevent corrosion" for corrosion
    prevention), the name set in
    bold, italics or underline, or a list item that is nothing but it. A
    concept the notes use without defining it but single out so ("**semipermeable
    membrane**") is one they teach, not a word in passing.

    >>> from extraction.records import Card, Emphasis
    >>> from extraction.concepts import extract_concepts
    >>> card = Card("n#1", "n.txt", "qa-list", (1, 2), "What is osmosis?",
    ...             "It needs semipermeable membrane and a gradient of solute.", title_line=1,
    ...             body_lines=(2,), emphasis=(Emphasis("body", 9, 31, "bold"),))
    >>> index = extract_concepts([card])
    >>> sorted(index.concepts), sorted(singled_out(index))
    (['osmosis', 'semipermeable membrane'], ['semipermeable membrane'])
    """
    marked = set()
    seen = set()
    # a concept a section's heading names in a phrase ("Liming an acid soil"): one the
    # section is filed under; not the notes' title over every card of the file
    on_line: dict[tuple[str, int], set[str]] = defaultdict(set)
    for found in index.card_mentions.values():
        for concept, e in found:
            on_line[(e.source, e.line)].add(concept)
    for place in _section_headings(index):
        marked |= on_line.get(place, set())
    for seg in segments_only(index.segments):
        card = seg.card
        if seg.is_heading:
            # a heading that is a name, or a list that opens with one ("Mitosis, meiosis
            # and fertilisation"; not "How cells copy themselves by mitosis and meiosis",
            # whose list is inside a phrase)
            heading = seg.text.strip()
            parts = HEADING_LIST.split(heading)
            if index.find(parts[0].strip()) is None:
                parts = []
            for part in {heading, *parts}:
                if (concept := index.find(part.strip())) is not None:
                    marked.add(concept)
        elif card.id not in seen:
            seen.add(card.id)
            # a card headed by an action on a concept ("Prevent corrosion") sets apart the
            # concept the action makes (corrosion prevention)
            marked.update(set(index.mentioned_by(card)) - set(index.subjects(card)))
            for part in ("title", "body"):
                for run in card.emphasised(part):
                    if (concept := index.find(run.strip())) is not None:
                        marked.add(concept)
            for item in card.items:
                text = card.body[item.start : item.end].strip().rstrip(".:;,")
                if (concept := index.find(text)) is not None:
                    marked.add(concept)
    return marked


#: A question that asks what a concept is: what it asks about follows ("What is an
#: enzyme?").
ASKS_WHAT = re.compile(r"^\s*(?:what|who)\s+(?:is|are)\s+(?:an?\s+|the\s+)?(.+?)[\s?.]*$", re.I)
#: A question that asks how two concepts differ or compare ("How does osmosis differ from
#: diffusion?", "Osmosis vs diffusion?").
ASKS_HOW_DIFFER = re.compile(r"\bdiffer|\bcompar|\bvs\b\.?|\bversus\b", re.IGNORECASE)
#: Most concepts a comparing question may name for each to be one it asks about.
ASKED_MAX = 2


#: A heading that sets two names or more side by side: "A vs. B", "A versus B".
SETS_SIDE_BY_SIDE = re.compile(r"\s(?:vs\.?|versus)\s", re.IGNORECASE)


def _compared_on_titles(
    index: ConceptIndex, typed: Iterable[Relation]
) -> dict[tuple[str, int], set[str]]:
    """(source, line) of each heading that sets names side by side ("Aerobic vs.
    anaerobic respiration", "Difference between a lake and a pond":
    :data:`SETS_SIDE_BY_SIDE`, :data:`CONTRAST_CUE`) -> the concepts a
    ``contrasts_with`` relation read there sets against another ("A vs B vs C": all
    three). They are compared there, none explained by another; a name the heading gives
    them as their setting ("... in the context of ecology") is not compared. A question
    is not such a heading, nor is "How does X differ from Y?": X is explained against Y.

    >>> from extraction.records import Card
    >>> from extraction.concepts import extract_concepts
    >>> from extraction.relations import typed_relations
    >>> cards = [Card(f"n#{i}", "n.md", "markdown", (2 * i, 2 * i + 1), title, body,
    ...               title_kind="heading", title_line=2 * i, body_lines=(2 * i + 1,))
    ...          for i, (title, body) in enumerate([
    ...     ("Lakes", "A lake is a deep body of fresh water."),
    ...     ("Ponds", "A pond is a shallow body of fresh water."),
    ...     ("Lakes vs. ponds", "Lakes are deep; ponds are shallow.")])]
    >>> index = extract_concepts(cards)
    >>> {k: sorted(v) for k, v in _compared_on_titles(index, typed_relations(index)).items()}
    {('n.md', 4): ['lake', 'pond']}
    """
    titles = {
        (seg.card.source, seg.line)
        for seg in segments_only(index.segments)
        if seg.title_kind == "heading"
        and (SETS_SIDE_BY_SIDE.search(seg.text) or CONTRAST_CUE.search(seg.text))
    }
    compared: dict[tuple[str, int], set[str]] = defaultdict(set)
    for r in typed:
        if r.relation == "contrasts_with":
            for e in r.evidence:
                if (e.source, e.line) in titles:
                    compared[(e.source, e.line)] |= {r.source, r.target}
    return dict(compared)


def compared_in(index: ConceptIndex) -> dict[str, frozenset[str]]:
    """Card id -> the two concepts its question asks to compare (:data:`ASKS_HOW_DIFFER`,
    exactly two named on the question: "How does osmosis differ from diffusion?")."""
    cards = {seg.card.id: seg.card for seg in segments_only(index.segments) if seg.is_title}
    out: dict[str, frozenset[str]] = {}
    for card_id, found in index.card_mentions.items():
        card = cards.get(card_id)
        if card is None or card.title_kind != "question" or not ASKS_HOW_DIFFER.search(card.title):
            continue
        named = {c for c, e in found if card.in_title(e.line, e.text) and c in index.concepts}
        if len(named) == 2:
            out[card_id] = frozenset(named)
    return out


def asked_about(index: ConceptIndex) -> set[str]:
    """The concepts a question asks about: the one it asks what it is
    (:data:`ASKS_WHAT`, the question being nothing but its name), or the one or two
    (:data:`ASKED_MAX`; a question naming more names them in passing) named on a question
    that asks how they differ or compare (:data:`ASKS_HOW_DIFFER`). A concept the notes
    ask about is one they teach, even where the answer is about another ("How does
    osmosis differ from diffusion?" answered by osmosis alone teaches diffusion too); a
    name inside the asked name is not asked about ("What is a point estimate?" does not
    ask what a point is).

    >>> from extraction.records import Card
    >>> from extraction.concepts import extract_concepts
    >>> cards = [Card(f"n#{i}", "n.txt", "qa-list", (2 * i, 2 * i + 1), title, body, title_kind=
    ...               "question", title_line=2 * i, body_lines=(2 * i + 1,)) for i, (title, body) in
    ...          enumerate([("What is osmosis?", "Osmosis moves water across a membrane."),
    ...                     ("How does osmosis differ from diffusion?", "Osmosis needs a "
    ...                      "membrane; diffusion spreads molecules."),
    ...                     ("Where does osmosis help roots?", "In soil with water.")])]
    >>> sorted(asked_about(extract_concepts(cards)))
    ['diffusion', 'osmosis']
    """
    cards = {seg.card.id: seg.card for seg in segments_only(index.segments) if seg.is_title}
    asked: set[str] = set()
    for card_id, found in index.card_mentions.items():
        card = cards.get(card_id)
        if card is None or card.title_kind != "question":
            continue
        if ASKS_HOW_DIFFER.search(card.title):
            named = {c for c, e in found if card.in_title(e.line, e.text) and c in index.concepts}
            if len(named) <= ASKED_MAX:
                asked |= named
        elif (what := ASKS_WHAT.match(card.title)) and (c := index.find(what.group(1))):
            asked.add(c)
    return asked


class _Likeliest:
    """The ``limit`` likeliest rejected edges (by confidence, then source and target) of
    those added, held in at most twice that many (None: all of them)."""

    def __init__(self, limit: int | None) -> None:
        self.limit = limit
        self.items: list[tuple[Relation, str]] = []

    def add(self, item: tuple[Relation, str]) -> None:
        self.items.append(item)
        if self.limit is not None and len(self.items) >= 2 * self.limit + 1024:
            self._trim()

    def _trim(self) -> None:
        if self.limit is not None and len(self.items) > self.limit:
            key = lambda rr: (-rr[0].confidence, rr[0].source, rr[0].target)  # noqa: E731
            self.items = heapq.nsmallest(self.limit, self.items, key=key)

    def result(self) -> list[tuple[Relation, str]]:
        self._trim()
        return sorted(self.items, key=lambda rr: (rr[0].source, rr[0].target))


def _decision(
    index: ConceptIndex,
    model: LogisticModel,
    r: Relation,
    likely: float,
    other: Relation,
    marked: set[str] = frozenset(),
) -> str | None:
    """Why the scored candidate ``r`` (probability ``likely``; ``other`` is the pair
    the other way) is left out (a key of :data:`REJECTED`), or None when it is kept;
    "meta" for a pair with a word about the notes (never an edge, never explained)."""
    a, b = r.source, r.target
    if is_meta(a) or is_meta(b):
        return "meta"  # "an example", "the steps": words about the notes, not concepts
    if likely < model.threshold:
        return "threshold"
    if not any(c > 0 and f not in STATISTICS for f, c in r.features.items()):
        return "statistics"
    if not _explained(index, a, marked) and not any(
        c > 0 and f in UNEXPLAINED_FIRST for f, c in r.features.items()
    ):
        return "unexplained"
    if r.features.get("stated", 0.0) < 0:
        # "a price floor causes a surplus", "X addresses Y", "Y is a kind of X": what the
        # sentence states orders the pair; how the two are named cannot turn it round
        return "against"
    if (other.confidence, b) > (r.confidence, a):
        return "opposite"
    return None


def prerequisite_decisions(
    index: ConceptIndex,
    typed: list[Relation],
    *,
    model: LogisticModel | None = None,
    keep_rejected: int | None = None,
) -> tuple[list[Relation], list[tuple[Relation, str]]]:
    """The kept ``prerequisite_of`` edges (acyclic, sorted by source and target), and
    the likeliest of the rest, each with why it was left out (a key of
    :data:`REJECTED`): those at least :data:`EXPLAIN_FLOOR` likely, at most
    ``keep_rejected`` of them (the likeliest; None: all), sorted by source and target.

    Pairs are made and scored one at a time (:func:`candidate_pairs`): only the edges
    kept and the rejected edges returned are held.
    """
    model = model or default_model()
    # a pair below both the threshold and EXPLAIN_FLOOR is neither kept nor explained:
    # its edge (contributions, evidence) is never made
    floor = min(model.threshold, EXPLAIN_FLOOR)
    kept: list[Relation] = []
    rejected = _Likeliest(keep_rejected)
    marked = singled_out(index) | taught_through_kinds(index) | asked_about(index)
    for pair in candidate_pairs(index, typed):
        likely = [model.probability(c.features) for c in pair]
        made = [score(c, model) if p >= floor else None for c, p in zip(pair, likely, strict=True)]
        for i, r in enumerate(made):
            if r is None:
                continue
            other = made[1 - i] or Relation(
                r.target, r.source, PREREQUISITE, round(likely[1 - i], 3)
            )
            reason = _decision(index, model, r, likely[i], other, marked)
            if reason is None:
                kept.append(r)
            elif reason != "meta" and r.confidence >= EXPLAIN_FLOOR:
                rejected.add((r, reason))
    kept.sort(key=lambda r: (-r.confidence, r.source, r.target))
    kept, cut, skipped = _acyclic(kept)
    for r in cut:
        rejected.add((r, "cycle"))
    for r in skipped:
        rejected.add((r, "cost"))
    return sorted(kept, key=lambda r: (r.source, r.target)), rejected.result()


def prerequisite_relations(
    index: ConceptIndex, typed: list[Relation], *, model: LogisticModel | None = None
) -> list[Relation]:
    """``prerequisite_of`` edges between the concepts of ``index``: acyclic, each with
    its confidence (the model's probability), the evidence behind it, and the features
    that carried it (``features``, their names joined by ``+`` in ``label``).

    Parameters
    ----------
    index : ConceptIndex
        What :func:`extraction.concepts.extract_concepts` returned.
    typed : list of Relation
        What :func:`extraction.relations.typed_relations` returned for ``index``.
    model : LogisticModel, optional
        The scoring model (default: the weights in ``extraction/weights``).

    Examples
    --------
    >>> from extraction.records import Card
    >>> from extraction.concepts import extract_concepts
    >>> from extraction.relations import typed_relations
    >>> cards = [Card(f"n#{i}", "n.txt", "qa-list", (i, i), f"What is {name}?", body,
    ...               title_line=i, body_lines=(i,)) for i, (name, body) in enumerate([
    ...     ("an RNN", "A network with a loop."), ("a GRU", "A GRU is a kind of RNN.")])]
    >>> index = extract_concepts(cards)
    >>> [(r.source, r.target) for r in prerequisite_relations(index, typed_relations(index))]
    [('RNN', 'GRU')]
    """
    return prerequisite_decisions(index, typed, model=model)[0]
