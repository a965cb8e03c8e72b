"""Typed relations between concepts, each explained by the sentences that state it.

Every typed edge cites what a reader would accept as stating it: a sentence, or a card's
title with the first sentence of its answer (a question or a heading alone states
nothing, so an edge read in a title needs an answer). The cues are data
(:mod:`extraction.relation_patterns`, one table per relation, each cue with its example);
this module finds the concepts around each cue. A sentence's concepts are its longest
token runs that :meth:`ConceptIndex.find` knows. Around a cue:

- the *subject* is the syntactic subject of the cue's verb (through relative clauses:
  "a model that relies on X"; through a copula's attribute: "X is a technique used to
  prevent Y"), else the nearest concept before the cue in the same clause; when the
  clause has none ("They consist of ...", "... -> address the vanishing gradient
  problem") it is the line's label ("GPS: one fix requires ...") or else the concept
  the card is about, with lower confidence. "This"/"which" point back at a statement,
  not at the card's subject; a participle with no subject of its own ("..., resulting
  in X") takes none; steps of a procedure ("How ...?" answers, "Compute the mean") are
  the reader's. A negated cue states nothing ("not", "never", "no longer", "neither ...
  nor"; "not only ... but also" and hedges such as "rarely" state it), nor does a cue
  whose subject or object a "no" / "neither" denies ("No X uses Y", "uses no Y");
- the *objects* are the first concept after the cue and every concept listed with it
  ("an encoder and a decoder", "A, B (note), and C"); a concept that only owns the
  object ("the model's complexity"), is the subject of a clause ("cause the model to
  ...") or only modifies the object's noun ("transformer-decoder layers") is none;
- instances after "such as" / "like" / "e.g." belong to the concept the cue hangs on,
  never to a verb ("structured like images") or to a noun that is no concept;
- a name whose head is elided is completed from the next one ("vanishing/exploding
  gradient problem"), and a sentence that turns to an analogy is read up to where the
  analogy starts.

Structure speaks as sentences do: a question "What are the components / types /
applications of X?" answered by a list; a line ending in a colon that says what the list
after it holds ("Examples:", "Types of X:", "X consists of:", "The most common
igneous rocks are:"), whose items are the list items that follow it or the term
cards nested under its heading (a glossary, a two-column table); "examples (of Y) are A,
B"; a label line "X: truncated Y" or "X: a Y that ..."; a table whose header says the
relation of each row (:data:`rp.TABLE_HEADERS`); "X vs Y" and "the difference between X
and Y" cards. A list item counts only when a concept names all of it.

Parts: "X consists of", "the components of X" state parts; a phrase only suggests one
("the forget gate of the LSTM", "the LSTM's cell state", "X has Y", a label line in a
card about X), and is kept when these notes state such parts of such wholes (the head
words of stated parts and wholes, :func:`part_heads`): the component words of a subject
come from the notes, not from a list in the code.

Names speak when a card does: a compound is a kind of its head ("time series anomaly
detection"), an acronym of the acronym it ends with ("TBPTT"), "X with Y" uses Y, when
the concept's card names the head in its answer as the class (a definition's genus, a
copula's attribute); an answer naming the head in passing leaves only the name as
evidence, an untyped link labelled :data:`rp.KIND_BY_NAME`. Words the notes use to talk about
relations ("the applications", "a solution", "the key component") are no ends of typed
edges.

A verb between two concepts that no table knows gives a weak ``related_to`` edge
labelled with the verb. Edges with the same ``(source, target, relation)`` are merged,
keeping up to :data:`MAX_EVIDENCE` distinct sentences and raising the confidence
(noisy-or); a pair keeps only its best typed relation, so contradictions (A is_a B and B
is_a A, part_of both ways) keep one direction (``contrasts_with`` may stand beside).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from extraction import nlp as nlp_module
from extraction import patterns
from extraction import relation_patterns as rp
from extraction.concepts import (
    ANALOGY,
    ConceptIndex,
    Segment,
    is_acronym,
    is_specific,
    label_of,
    sentences_of,
)
from extraction.concepts.definitions import asks_what_it_is
from extraction.concepts.index import parsed_where, segments_only
from extraction.concepts.segments import CELL, ITEM, compares
from extraction.names import lemmas, singular
from extraction.records import Card, Concept, Evidence, Relation, Table

#: Most evidence sentences kept per edge.
MAX_EVIDENCE = 3
#: Highest confidence a merged edge reaches.
MAX_CONFIDENCE = 0.95
#: Confidence factor when the subject is the card's subject rather than in the sentence.
CARD_SUBJECT_FACTOR = 0.75
#: Confidence of "What is X? -- A Y that ..." (X is_a Y).
DEFINITION_CONFIDENCE = 0.6
#: Confidence of a verb between two concepts that no table knows.
VERB_CONFIDENCE = 0.35
#: Confidence of "the forget gate of the LSTM" (a part's head, "of"/"in"/"'s", a whole).
PART_PHRASE_CONFIDENCE = 0.6
#: Confidence of "the two kinds of X are A and B": A contrasts_with B.
TWO_KINDS_CONFIDENCE = 0.6
#: Confidence of "A Bs" where concept A names a kind of the plural concept B.
MODIFIER_CONFIDENCE = 0.6
#: Longest run of tokens between a cue and the concept it governs.
MAX_GAP = 6
#: Longest name tried as a concept, in tokens.
MAX_NAME = 7

_EDGE_POS = frozenset({"DET", "ADP", "PRON", "CCONJ", "SCONJ", "PUNCT", "PART", "AUX", "SPACE"})
_GAP_POS = frozenset({"DET", "ADJ", "ADV", "NUM", "PUNCT", "NOUN", "PROPN", "PART", "ADP", "X"})
_LIST_GAP = frozenset({",", "and", "or", "&", "/", "as", "well", "also", "then", "the", "a", "an"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Pronouns for two or more things ("Both use ...", "Each needs ..."): they point at the
#: card's subjects only when the card has two or more ("Mitosis vs meiosis -- Both ...").
_GROUP_POINTERS = frozenset("both all each either neither".split())
#: Function words a concept's name may open with ("no preemption", "non-coding RNA").
_NAME_NEGATIONS = frozenset({"no", "non"})
#: Pronouns that point back at a statement rather than at the card's subject.
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those", "which", "what"})
#: Pronouns for the reader or the author: what "we" or "you" do, no concept does.
_READER = frozenset("we you i us our your".split())
#: Determiners that point back at something named before ("the divergence", "this model",
#: "their divergences").
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their"})
_PRONOUNS = frozenset(
    "they it this these that those which who its their them he she we one".split()
)


#: Words between two names that may share the second name's head ("vanishing/exploding
#: gradient", "passive and active solar heating", "bubble vs. merge sort").
_SHARING_LINKS = frozenset({"/", "and", "or", "vs", "vs."})


@dataclass(frozen=True, slots=True)
class Mention:
    """A concept named by the tokens ``start:end`` of a document."""

    concept: str
    start: int
    end: int
    #: the first word of "A/B rest": it names "A rest", which the phrase ends with
    shared: bool = False

    def covers(self, token: Token) -> bool:
        return self.start <= token.i < self.end


def mentions(index: ConceptIndex, sent: Span) -> list[Mention]:
    """The concepts ``sent`` names, longest names first, left to right, not overlapping.

    Examples
    --------
    >>> from extraction.records import Card
    >>> from extraction.concepts import extract_concepts
    >>> cards = [Card(f"n#{i}", "n.txt", "qa-list", (i, i), f"What is {name}?", body,
    ...               title_line=i, body_lines=(i,)) for i, (name, body) in enumerate([
    ...     ("an RNN", "A network with a loop."),
    ...     ("an LSTM", "The LSTMs are RNNs with gates.")])]
    >>> index = extract_concepts(cards)
    >>> sent = [t for s, t in index.sentences() if not s.is_title][-1]
    >>> [m.concept for m in mentions(index, sent)]
    ['LSTM', 'RNN']

    A span asked about again is answered from the index's memo
    (:meth:`~extraction.concepts.index.ConceptIndex.spans_named`), in a new list.
    """
    if not isinstance(sent, Span):
        return _named_in(index, sent)
    memo = index.spans_named(sent.doc)
    key = (sent.start, sent.end)
    found = memo.get(key)
    if found is None:
        found = memo[key] = tuple(_named_in(index, sent))
    return list(found)


def _named_in(index: ConceptIndex, sent: Span) -> list[Mention]:
    """:func:`mentions`, worked out."""
    found: list[Mention] = []
    toks = list(sent)
    starts = index.first_words()
    # a name opens with no function word, but for a negation that is part of it ("No
    # man's land" as a kind of border zone) or one the concept's own names open with
    # ("in situ hybridisation", "in vivo imaging": checked on the name found)
    # a word joined by a hyphen to the next is the first part of one word ("on-line",
    # "pre-processing" where the name is written "online", "preprocessing")
    joined = [_hyphen_joined(toks, k) for k in range(len(toks))]
    function = [
        t.pos_ in _EDGE_POS
        and not t.is_upper
        and t.lower_ not in _NAME_NEGATIONS
        and joined[k] is None
        for k, t in enumerate(toks)
    ]
    edge = [t.lower_ not in starts and joined[k] not in starts for k, t in enumerate(toks)]
    last = [(t.pos_ in _EDGE_POS and not t.is_upper) or t.text in {"/", "&"} for t in toks]
    pieces = [t.text_with_ws for t in toks]
    quotes = [_quote_mark(t) for t in toks]
    n = len(toks)

    def longest(i: int) -> Mention | None:
        for j in range(min(n, i + MAX_NAME), i, -1):
            if not last[j - 1] and (concept := index.find(_name_of(pieces, quotes, i, j))):
                return Mention(concept, toks[i].i, toks[j - 1].i + 1)
        return None

    i = 0
    while i < n:
        # "inbound/outbound flight route": the first word shares the rest's head,
        # also across "vs" ("Bubble vs. Merge Sort": bubble sort against merge sort)
        if i + 2 < n and toks[i + 1].lower_ in _SHARING_LINKS and not toks[i].is_punct:
            after = longest(i + 2)
            size = after.end - after.start if after is not None else 0
            shared = (  # "passive and active solar heating": the head, then more of the name
                index.find(f"{toks[i].text} {''.join(pieces[k : i + 2 + size]).strip()}")
                for k in range(i + 1 + size, i + 2, -1)
            )
            concept = next((c for c in shared if c is not None), None) if size >= 2 else None
            if concept is None and after is None and toks[i + 2].is_alpha:
                # "input/output buffer size" where only the first is a
                # concept: the first word takes the rest of the name after the second
                skipped = (
                    index.find(f"{toks[i].text} {''.join(pieces[i + 3 : j]).strip()}")
                    for j in range(min(n, i + 2 + MAX_NAME), i + 3, -1)
                    if not last[j - 1]
                )
                concept = next((c for c in skipped if c is not None), None)
            if (
                concept is not None
                and (after is None or concept != after.concept)
                and not _named_whole(longest(i), concept)
            ):
                found.append(Mention(concept, toks[i].i, toks[i].i + 1, shared=True))
                i += 1
                continue
        hit = None if edge[i] else longest(i)
        if hit is not None and function[i] and not _opens_name(index, hit.concept, toks[i]):
            hit = None
        if hit is not None and _inside_word(toks, i, i + hit.end - hit.start):
            hit = None  # "a non-conservative force", "thrashing-like slowdowns"
        if hit is None:
            i += 1
        else:
            found.append(hit)
            i += hit.end - hit.start
    return found


def _hyphen_joined(toks: Sequence[Token], k: int) -> str | None:
    """The word ``toks[k]`` makes with the word a hyphen joins it to, with no space
    between ("on-line" -> "online"), else None."""
    if k + 2 >= len(toks) or toks[k].whitespace_ or toks[k + 1].whitespace_:
        return None
    if toks[k + 1].text not in {"-", "‐", "–"} or not toks[k + 2].is_alpha:
        return None
    return toks[k].lower_ + toks[k + 2].lower_


_HYPHENS = frozenset({"-", "‐", "–"})


def _glued_hyphen(toks: Sequence[Token], k: int) -> bool:
    """Is ``toks[k]`` a hyphen written with no space on either side ("non-linear")?"""
    return (
        0 < k < len(toks) - 1
        and toks[k].text in _HYPHENS
        and not toks[k - 1].whitespace_
        and not toks[k].whitespace_
        and toks[k - 1].is_alpha
        and toks[k + 1].is_alpha
    )


def _inside_word(toks: Sequence[Token], i: int, j: int) -> bool:
    """Is the name ``toks[i:j]`` only part of a hyphenated word, so that the word names
    another thing? A name after a hyphen is the tail of a longer word ("a
    non-conservative force" is no conservative force, "self-attention" no attention); a
    name before a hyphen and a word of likeness or absence (:data:`rp.LIKENESS_SUFFIXES`:
    "thrashing-like slowdowns", "a lock-free queue") is only likened or denied."""
    if i >= 2 and _glued_hyphen(toks, i - 1):
        return True
    return (
        j + 1 < len(toks) and _glued_hyphen(toks, j) and toks[j + 1].lower_ in rp.LIKENESS_SUFFIXES
    )


def _named_whole(whole: Mention | None, shared: str) -> bool:
    """Does the run from "A" on ("A and B rest") name the very concept that "A rest"
    would, as the halves of a name do ("advantages and disadvantages of X" is the name
    "advantages of X" answers to)? Then it is read whole, as one name."""
    return whole is not None and whole.concept == shared


def _name_of(pieces: Sequence[str], quotes: Sequence[bool], i: int, j: int) -> str:
    """The name the tokens ``i:j`` spell, their quote marks left out: a word of a name
    set in quotes is still a word of it ("the food 'chain'", "the “bias” term").

    >>> _name_of(["the ", "food ", "'", "chain", "'"], [0, 0, 1, 0, 1], 1, 4)
    'food chain'
    """
    kept = (p for p, quote in zip(pieces[i:j], quotes[i:j], strict=True) if not quote)
    return "".join(kept).strip()


def _quote_mark(t: Token) -> bool:
    """Is ``t`` a quote mark, not the apostrophe of a possessive ("the students' notes")?"""
    return t.is_quote and t.tag_ != "POS"


def _opens_name(index: ConceptIndex, concept: str, word: Token) -> bool:
    """Does one of ``concept``'s own names open with the function word ``word`` ("in
    situ hybridisation", "in vivo imaging"), also as the first part of a hyphenated word
    ("off-grid" written "off grid")? Else the word only stands before a name."""
    c = index.concepts.get(concept)
    names = [concept] + ([c.label, *c.aliases] if c is not None else [])
    return any(re.split(r"[\s\-–]+", n.lower().strip())[:1] == [word.lower_] for n in names if n)


@dataclass(slots=True)
class _Context:
    """What a cue is read against: the sentence, its concepts and its card."""

    index: ConceptIndex
    seg: Segment
    sent: Span
    found: list[Mention]
    subjects: list[str]  # concepts the card is about
    evidence: Evidence
    first: bool  # the first sentence of the card's answer
    #: the first sentence of the card's answer, cited with a title's own evidence: a
    #: question or a heading alone states nothing
    answer: Evidence | None = None
    #: concepts the notes name as problems (:func:`problems`)
    problems: frozenset[str] = frozenset()
    #: concepts the card's answer names before this sentence
    earlier: frozenset[str] = frozenset()
    #: the concept made from the action the card's heading gives ("Prevent corrosion":
    #: corrosion prevention, :func:`_action_subjects`): what the card tells ways of
    act: str | None = None
    #: the heading that gives that action, cited with what is read of the act
    act_heading: Evidence | None = None
    #: the first line nested under a list item that names the concept ``subjects`` holds
    #: ("- **mulching** / - covering the soil ...": where the item is said what it is)
    first_nested: bool = False

    @property
    def cited(self) -> list[Evidence]:
        """The evidence of an edge read in this sentence."""
        return [self.evidence, self.answer] if self.answer is not None else [self.evidence]


def _mention_of(ctx: _Context, token: Token) -> Mention | None:
    """The concept a token stands in, or the one its phrase ends with."""
    for m in ctx.found:
        if m.covers(token):
            return m
    inside = [m for m in ctx.found if token.left_edge.i <= m.start and m.end - 1 <= token.i]
    return inside[-1] if inside else None


def _broken(doc, start: int, end: int) -> bool:
    """Does a clause break stand between ``start`` and ``end``?"""
    return any(doc[k].text in rp.CLAUSE_BREAKS for k in range(start, end))


def _verb_of(span: Span) -> Token:
    for tok in span:
        if tok.pos_ in {"VERB", "AUX"}:
            return tok
    return span.root


def _cue_verb(span: Span) -> Token:
    """The word a cue's act is read from: its first, or its verb when it opens with the
    noun for a means ("ways to improve Y": what the ways do)."""
    return _verb_of(span) if span[0].lower_ in rp.MEANS_NOUNS else span[0]


def _misattached_relative(pronoun: Token, verb: Token) -> Token | None:
    """The noun before ", which" when the parser hangs the clause on the verb of the
    sentence rather than on that noun ("Grain is milled into pre-flour, which still
    contains the bran": ``contains`` parsed as an adverbial clause): a clause that says what a thing
    is or holds (:func:`_describes`) is the noun's, as a relative clause would be."""
    doc = pronoun.doc
    if (
        pronoun.lower_ != "which"
        or verb.dep_ == "relcl"
        or pronoun.i < 2
        or doc[pronoun.i - 1].text != ","
        or not _describes(verb)
    ):
        return None
    noun = doc[pronoun.i - 2]
    return noun if noun.pos_ in {"NOUN", "PROPN"} else None


def _purpose_of_use(verb: Token) -> Token | None:
    """The verb of using whose purpose an infinitive states when the parser hangs the
    infinitive on a noun inside that verb's object ("Test kitchens use batches of the
    same recipe to measure the baking time": ``measure`` parsed as a clause of
    "recipe"): the purpose is the user's, as in "X uses a funnel to measure Y"."""
    if verb.dep_ != "acl" or verb.tag_ != "VB":
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    noun = verb.head
    for _ in range(3):
        if noun.dep_ == "dobj":
            user = noun.head
            return user if user.pos_ == "VERB" and user.lower_ in _USING_VERBS else None
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            return None
        noun = noun.head.head
    return None


#: Verbs of using: those of the ``uses`` cue.
_USING_VERBS = frozenset(rp.cue("uses")[1].pattern[0]["LOWER"]["IN"])


#: Dependencies along which a clause's subject is looked for upwards.
_CLIMB_DEPS = frozenset({"xcomp", "conj", "ccomp", "advcl", "aux", "auxpass", "prep", "pobj"})


def _state_participle(tok: Token) -> bool:
    """Is ``tok`` a participle set off by a comma after a copula that gives its subject
    a state, a number or an adjective ("the wind speed is now 0, leading to drift",
    "the rate is too high, causing divergence")? What the participle says
    follows from the subject being so, not from the subject: the clause has no concept
    for subject. A noun for attribute ("X is a problem, leading to Y") names a thing."""
    if tok.tag_ != "VBG" or tok.dep_ != "advcl" or tok.i == 0 or tok.doc[tok.i - 1].text != ",":
        return False
    copula = tok.head
    return _verb_base(copula) == "be" and any(
        c.dep_ in {"attr", "acomp"} and c.tag_ in {"CD", "JJ", "JJR", "JJS"}
        for c in copula.children
    )


def _own_subject(verb: Token) -> list[Token]:
    """The subject nearest ``verb`` when the parser gives it two nouns for subject, each
    with an auxiliary of its own after it ("the tides can / winds like the mistral can
    contribute to Y": a line broken off and joined to the next), else nothing."""
    subjects = [
        c
        for c in verb.children
        if c.dep_ in _SUBJECT_DEPS and c.i < verb.i and c.pos_ in {"NOUN", "PROPN"}
    ]
    if len(subjects) < 2:
        return []
    first, last = subjects[-2], subjects[-1]
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    if any(first.i < a.i < last.i for a in auxes) and any(last.i < a.i for a in auxes):
        return [last]
    return []


def _dep_subject(verb: Token) -> Token | None:
    """The subject of ``verb``, following xcomp/conj/relative clauses upwards; the
    subject of a copula whose attribute the clause describes ("X is a technique that
    calculates Y", "X is a technique used to prevent Y": what the technique does, X
    does)."""
    tok = verb
    for _ in range(4):
        head = None
        # two subjects on one verb come from a line broken off and joined to the next
        # ("the tides can / winds like the mistral can contribute to Y"): the subject
        # nearest the verb is its own, the first is the broken line's
        for child in _own_subject(tok) or tok.children:
            if child.dep_ in _SUBJECT_DEPS:
                if (noun := _misattached_relative(child, tok)) is not None:
                    return noun  # "milled into pre-flour, which contains the bran": the pre-flour
                if child.tag_ in {"WDT", "WP"} and tok.dep_ == "relcl":
                    if _clausal_relative(child, tok.head) or _nested_object(tok.head):
                        # "..., which can lead to": what the clause says; "cores from
                        # the ice sheet that are used": the cores or the ice sheet
                        return child
                    # "functions that produce": the functions; "an interface such as A
                    # or B that allows ...": the interface, not its last example
                    head = _class_of_listed_examples(child, tok.head) or tok.head
                    break
                return child
        if head is None and tok.dep_ == "acl" and tok.tag_ == "VBG" and _object(tok.head):
            return None  # "merges A and B resulting in C": the merge results, not B
        if head is None and _state_participle(tok):
            return None  # "the wind speed is 0, leading to drift": its being 0 leads
        if head is None and _manner_participle(tok):
            tok = tok.head.head.head  # "writes words in a greedy manner, conditioned on Y"
            continue
        if head is None and (user := _purpose_of_use(tok)) is not None:
            tok = user  # "control groups use patients of one condition to measure Y"
            continue
        if head is None and tok.dep_ in {"relcl", "acl"}:
            head = tok.head
        if head is not None:
            if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ == "one":
                head = head.head.head  # "X is one of the best ways to prevent Y": X does
            if (
                tok.dep_ == "acl"
                and head.dep_ == "pobj"
                and head.head.lower_ == "of"
                and head.head.head.dep_ == "attr"
                and head.head.head.lower_ in rp.COLLECTIVE_NOUNS
            ):
                head = head.head.head  # "X is a series of waves caused by Y": X is
            if head.dep_ == "attr" and head.head.lower_ in rp.COPULAS:
                return next((c for c in head.head.children if c.dep_ == "nsubj"), head)
            if (
                head.dep_ == "dobj"
                and head.lower_ in rp.MEANS_NOUNS
                and head.head.lower_ in rp.OFFER_VERBS
            ):
                tok = head.head  # "X provides a way to address Y": what the way does, X does
                continue
            return head
        if (tok.dep_ in _CLIMB_DEPS or (tok.i == verb.i and tok.dep_ == "acomp")) and (
            tok.head != tok
        ):
            # a cue that is a predicate adjective has its copula's subject ("sciences that
            # are relevant to mining": the sciences are); not an infinitive under one
            # ("it is advisable to use X": no "it" uses X)
            tok = tok.head
            continue
        return None
    return None


#: Dependencies of a noun that is the object of a verb or a preposition (or listed
#: with one).
_OBJECT_DEPS = frozenset({"dobj", "pobj", "conj", "dative", "oprd", "appos"})


def _object(noun: Token) -> bool:
    """Is ``noun`` the object of a verb or preposition, not the subject of a clause?"""
    return noun.dep_ in _OBJECT_DEPS


def _example_class(noun: Token) -> Token | None:
    """The noun whose examples ``noun`` is one of ("an interface such as A (the X) or the
    B": A, X and B are the interface's examples; also after "like" or "including"), or
    None."""
    tok = noun
    while tok.dep_ in {"conj", "appos"} and tok.head.i < tok.i:
        tok = tok.head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in _INSTANCE_MARKS or prep.dep_ != "prep":
        return None
    if prep.lower_ == "as" and not (prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such"):
        return None
    return prep.head if prep.head.pos_ in {"NOUN", "PROPN"} else None


def _class_of_listed_examples(pronoun: Token, noun: Token) -> Token | None:
    """The class a restrictive relative clause ("that ...", no comma before it) says what
    it does, when the parser hangs the clause on the last of two or more examples listed
    after that class ("A hand tool such as a chisel or a gouge that removes wood"): a
    clause after a list of examples defines the class, not its last example. None
    otherwise ("tools such as a spade that ..." with one example: that example's)."""
    doc = pronoun.doc
    if pronoun.lower_ not in {"that", "which"} or doc[pronoun.i - 1].text == ",":
        return None
    if noun.dep_ != "conj":
        return None
    return _example_class(noun)


def _nested_object(noun: Token) -> bool:
    """Is ``noun`` the object of a preposition that hangs on another noun
    ("samples from the ice sheet that ...")? A relative clause after it
    may be either noun's."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ in {"NOUN", "PROPN"}


def _clausal_relative(pronoun: Token, noun: Token) -> bool:
    """Does ``pronoun`` ("which" after a comma) open a relative clause that may say what
    the whole clause before it does, not its last noun ("heating the solution, which
    may lead to ...")? Only when that noun is an object: a subject's "which" is its own
    ("Enzymes, which use cofactors, ...")."""
    doc = pronoun.doc
    after_comma = pronoun.i > 0 and doc[pronoun.i - 1].text == ","
    return (
        pronoun.lower_ == "which" and after_comma and _object(noun) and not _describes(pronoun.head)
    )


#: Participles of using: a use said of the clause before ("..., which can be used for")
_USE_PARTICIPLES = frozenset("used employed utilized utilised applied".split())
#: Confidence factor of a cue whose subject is a "which" standing for the clause before
#: it, said of that clause's subject.
CLAUSE_WHICH_FACTOR = 0.9


def _clause_before_subject(ctx: _Context, which: Token) -> Mention | None:
    """The concept used in the clause a "which" stands for, when the "which" says a use
    of that use ("Seismograph data can be used to quantify the waves, which can be
    utilized for ...": the seismograph), or None. The "which" opens a clause on the whole
    clause before it (:func:`_clausal_relative`), both clauses are uses (a participle of
    using), and the first one's subject names a concept in full, or is a noun for what a
    thing yields (:data:`rp.OUTPUT_NOUNS`: "seismograph data") after the concept's name."""
    rel = which.head
    if which.lower_ != "which" or rel.dep_ != "relcl" or not _clausal_relative(which, rel.head):
        return None
    if rel.lower_ not in _USE_PARTICIPLES:
        return None
    verb = rel.head
    for _ in range(4):
        if verb.pos_ in {"VERB", "AUX"} or verb.dep_ == "ROOT":
            break
        verb = verb.head
    # only a use said of a use: "X can be used to V Z, which can be utilized for Y"
    # ("Plants absorb carbon dioxide, which is used for ...": the gas)
    chain = [verb]
    while chain[-1].dep_ in {"xcomp", "conj", "advcl"} and len(chain) < 4:
        chain.append(chain[-1].head)
    if not any(t.lower_ in _USE_PARTICIPLES for t in chain):
        return None
    subj = _dep_subject(verb) if verb.pos_ in {"VERB", "AUX"} else None
    if subj is None or subj.i >= which.i or subj.pos_ not in {"NOUN", "PROPN"}:
        return None
    doc = ctx.sent.doc
    m = _mention_of(ctx, subj)
    if m is not None and m.covers(subj):
        return None if _narrowed(doc, m) or _compounded(doc, m) else m
    if subj.lower_ not in rp.OUTPUT_NOUNS:
        return None
    m = next((m for m in ctx.found if m.end == subj.i), None)
    if m is None or doc[m.end - 1].dep_ != "compound" or doc[m.end - 1].head.i != subj.i:
        return None
    return None if _narrowed(doc, m) or _compounded(doc, m) else m


def _describes(verb: Token) -> bool:
    """Does a relative clause's ``verb`` say what a thing is or holds ("which is a kind of
    Y", "which contains Y")? A clause is no kind of anything and holds nothing: such a
    "which" is the noun before it."""
    if verb.lower_ in rp.HOLDING_VERBS:
        return True
    return verb.lower_ in rp.COPULAS and any(
        c.dep_ == "attr" and c.pos_ in {"NOUN", "PROPN", "NUM"} for c in verb.children
    )


def _narrowed(doc: Doc, m: Mention) -> bool:
    """Do modifiers before ``m`` that its name does not hold narrow what is said to a
    part of the concept ("small gradients", "Warm and Humid conditions",
    "different estimates")? Modifiers that do not narrow (:data:`rp.NON_RESTRICTIVE`)
    leave the concept named."""
    last = doc[m.end - 1]
    mods = [c for c in last.children if c.i < m.start and c.dep_ in {"amod", "nmod", "nummod"}]
    mods += [t for c in mods for t in c.subtree if t.dep_ == "conj" and t.i < m.start]
    return any(
        t.pos_ in {"ADJ", "VERB", "NUM"}
        and t.lower_ not in rp.NON_RESTRICTIVE
        and not (t.lower_ == "one" and doc[t.i + 1].lower_ == "single")  # "one single X"
        for t in mods
    )


def _subject(ctx: _Context, cue: Span) -> tuple[list[str], float]:
    """The subject concept(s) of a cue and a confidence factor; ``([], 0)`` if none."""
    doc = ctx.sent.doc
    clause_start = ctx.sent.start
    for k in range(cue.start - 1, ctx.sent.start - 1, -1):
        # a hyphen with spaces around it parts clauses ("PCA - How to compute X")
        spaced = doc[k].text == "-" and k > 0 and bool(doc[k].whitespace_)
        if doc[k].text in rp.CLAUSE_BREAKS or (spaced and bool(doc[k - 1].whitespace_)):
            clause_start = k + 1
            break
    opening = [t.lower_ for t in doc[clause_start : cue.start] if not t.is_punct][:2]
    if opening[:1] == ["let"] and opening[1:] in (["'s"], ["’s"], ["us"]):
        return [], 0.0  # "Let's compute the intervals": the reader does it
    if any(c.dep_ == "expl" for c in _verb_of(cue).children):
        return [], 0.0  # "There are three types of X": it introduces them, names no subject
    if cue[0].lower_ in rp.MEANS_NOUNS:
        # "X is a good way / one of the best ways to V Y": only a concept the copula
        # says is the way does what the way does
        return _means_subject(ctx, cue)
    if _genus_does(ctx, doc[cue.start]):
        # "Terracing -- A way to prevent soil erosion", "A technique for preventing ...":
        # the noun the answer defines the card's subject with does it
        return ctx.subjects, CARD_SUBJECT_FACTOR
    if ctx.sent.root.lower_ in rp.MEANS_INTRO_NOUNS and _means_of(cue):
        # "Steps to prevent X": a line naming ways does it through them (the items
        # listed after it), not through the card's subject
        return [], 0.0
    subj = _dep_subject(_verb_of(cue))
    # a question puts its subject after the copula the cue opens with ("Why is X used
    # in Y?"): the subject inside the cue's words is the cue's
    before = cue.end if cue[0].tag_ in _WH else cue.start
    if subj is not None and subj.i < before and subj.i >= clause_start:
        if subj.lower_ in _DEMONSTRATIVES:
            if subj.lower_ in _POINTERS and ctx.first and _points_at_card(ctx):
                return ctx.subjects, CARD_SUBJECT_FACTOR  # "Osmosis -- This requires ..."
            if (whole := _clause_before_subject(ctx, subj)) is not None:
                return [whole.concept], CLAUSE_WHICH_FACTOR  # "X can be used ..., which ..."
            return [], 0.0  # "this can lead to ...": what "this" is, the sentence before says
        if subj.lower_ in _READER:
            # "In titration, we measure the endpoint": the method named in front
            # does it; else the reader does, not the card's subject
            within = _fronted_in(ctx, subj.head)
            return ([within.concept], READER_IN_FACTOR) if within is not None else ([], 0.0)
        if subj.lower_ in _GROUP_POINTERS and len(ctx.subjects) < 2:
            return [], 0.0  # "Both use a window": the two named before, not the card's one
        if subj.lower_ in _PRONOUNS or subj.pos_ == "PRON":
            if (earlier := _clause_subject_before(ctx, subj, clause_start)) is not None:
                # "The Jacobian relates ...; it is used in X": the subject of the clause
                # before, in the same sentence, not the card's
                return [earlier.concept], CARD_SUBJECT_FACTOR
            if (label := _line_label(ctx)) is not None:
                return [label.concept], CARD_SUBJECT_FACTOR  # "Levees: earth banks. They ..."
            if subj.lower_ == "it" and len(ctx.subjects) > 1:
                # "## Kilns & ovens / A kiln is ... It holds ...": one thing of several,
                # the one the sentence before is about, if it is one of them
                before = _previous_subject(ctx) if ctx.sent.start > 0 else None
                if before is not None and before[0] in ctx.subjects:
                    return [before[0]], CARD_SUBJECT_FACTOR
                return [], 0.0
            return (ctx.subjects, CARD_SUBJECT_FACTOR) if ctx.subjects else ([], 0.0)
        if subj.pos_ in {"NOUN", "PROPN"} and ctx.first and ctx.subjects and _bare_head(subj):
            # "A tidal power plant that relies on ...": the answer defines
            # the card's subject with a bare noun phrase
            return ctx.subjects, CARD_SUBJECT_FACTOR
        if _pointing_generic(subj):
            # "This method helps to mitigate Y", "the algorithm uses Y": a general word
            # after a pointing determiner refers back to a concept named before it (the
            # line's label, the card's subject), never to the general class it names
            if subj.tag_ == "NN" and (label := _line_label(ctx, alone=False)) is not None:
                return [label.concept], CARD_SUBJECT_FACTOR
            if _points_at_card(ctx):
                return ctx.subjects, CARD_SUBJECT_FACTOR
            return [], 0.0
        m = _mention_of(ctx, subj)
        if m is not None:
            if _narrowed(doc, m) or _compounded(doc, m):
                # "Warm and Humid conditions may prevent ...", "the cooling
                # system removes ...": a narrower thing than the concept does it; after
                # a label ("GPS: one fix requires ..."), a thing of the label's
                label = _label(ctx)
                if label is not None and label.end <= subj.left_edge.i:
                    return [label.concept], CARD_SUBJECT_FACTOR
                return [], 0.0
            return _with_conjuncts(ctx, m), 1.0
        if subj.tag_ == "VBG" and _points_back(subj, ctx.subjects):
            # "- Irrigation canals / - drawing on those canals helps improve X": what
            # the act is done with is the subject
            return ctx.subjects, CARD_SUBJECT_FACTOR
        if subj.pos_ in {"NOUN", "PROPN"}:
            if ctx.first and _restates_subject(subj, ctx.subjects):
                # "What windbreak methods stop soil erosion? -- Methods include ...": the
                # answer opens by naming what was asked with its head word
                return ctx.subjects, CARD_SUBJECT_FACTOR
            if (
                _generic_pointer(subj)
                and subj.tag_ == "NN"
                and (label := _line_label(ctx, alone=False)) is not None
            ):
                # "Crop rotation: Plant other crops each season. This method reduces ...":
                # the method the line glosses
                return [label.concept], CARD_SUBJECT_FACTOR
            if (
                _generic_pointer(subj) or _names_subject_head(subj, ctx.subjects)
            ) and _points_at_card(ctx):
                # "Osmosis -- ... This process requires ...": the card's subject
                return ctx.subjects, CARD_SUBJECT_FACTOR
            label = _label(ctx)
            if label is not None and label.end <= subj.i:
                # "GPS: one fix requires triangulation": what the label does
                return [label.concept], CARD_SUBJECT_FACTOR
            return [], 0.0  # the subject is named, and it is no concept
    head = doc[cue.start]
    if (
        head.tag_ == "VBG"
        and head.dep_ in {"advcl", "xcomp", "conj", "pcomp", "acl"}
        and not _adjective_fragment(head)
    ):
        return [], 0.0  # "merges A and B, resulting in C": what results is the clause
    if head.tag_ == "VB" and cue.start > clause_start and doc[cue.start - 1].lower_ == "to":
        # "Using X to calculate Y": an infinitive of purpose with no subject of its own
        # is done by whoever does the clause, not by the noun before it
        return [], 0.0
    before = [m for m in ctx.found if clause_start <= m.start and m.end <= cue.start]
    if before:
        m = before[-1]
        if _narrowed(doc, m) or _compounded(doc, m):
            return [], 0.0
        last = doc[m.end - 1]
        if last.dep_ == "dobj" and last.head.dep_ not in _SUBJECT_DEPS:
            # "Rinse the rice and use less water": the object of another verb is no
            # subject (of a gerund subject it is: "Training a GAN causes ...")
            return [], 0.0
        gap = doc[m.end : cue.start]
        if len(gap) <= MAX_GAP and not any(t.pos_ == "VERB" for t in gap):
            return _with_conjuncts(ctx, m), 0.9
        return [], 0.0
    clause = doc[clause_start : cue.start]
    # "How can X be used ...? -- Calculate the error ...", "Compute the mean": a step the
    # reader takes
    # (only punctuation before: a bullet or a quotation mark opens the step)
    imperative = all(t.is_punct for t in doc[clause_start : cue.start]) and (
        doc[cue.start].lower_ in _STEP_VERBS
        or (doc[cue.start].tag_ == "VB" and _PROCEDURE.match(ctx.seg.card.title) is not None)
    )
    label = _label(ctx)
    if (
        label is not None
        and label.end < cue.start
        and not any(t.pos_ in {"NOUN", "PROPN"} for t in clause)
    ):
        return [label.concept], CARD_SUBJECT_FACTOR  # "Kiln door: ... -> seals Y"
    if (
        ctx.sent.start > 0
        and not imperative
        and not any(t.pos_ in {"NOUN", "PROPN"} for t in clause)
        and (bold := _bold_opening(ctx)) is not None
    ):
        # "**Kiln wash** keeps glaze off. Requires a thin coat.": the line's bold term
        return [bold.concept], CARD_SUBJECT_FACTOR
    if (
        not imperative
        and not any(t.pos_ in {"NOUN", "PROPN"} for t in clause)
        and (label := _line_label(ctx, alone=False)) is not None
    ):
        # "Kiln wash: a coat on the shelves. Used in glaze firing.": the line's label
        return [label.concept], CARD_SUBJECT_FACTOR
    if imperative and _procedure_step(ctx, doc[cue.start]):
        # "## Integrated backup strategy / - Use incremental copies ...": the step is
        # the strategy's, so what it uses the strategy uses
        return ctx.subjects[:1], CARD_SUBJECT_FACTOR
    if (
        ctx.subjects
        and not ctx.seg.is_title
        and not imperative
        and not (_headline(ctx.sent) and not ctx.first)
        and not any(t.pos_ in {"NOUN", "PROPN"} for t in clause)
    ):
        return ctx.subjects, CARD_SUBJECT_FACTOR
    return [], 0.0


def _bold_opening(ctx: _Context) -> Mention | None:
    """The concept a line opens with in bold ("**Kiln wash** keeps glaze off the shelf.
    Requires a thin coat."), named whole by the bold run: what the line is about, as a
    label is, whatever the card's heading names; None for a line opening otherwise."""
    doc = ctx.sent.doc
    run = next((end for start, end, _ in ctx.seg.emphasis if start == 0), None)
    if run is None:
        return None
    first = doc[0].sent
    m = next((m for m in mentions(ctx.index, first) if m.start == 0), None)
    if m is None:
        return None
    last = doc[m.end - 1]
    inside = last.idx + len(last.text) <= run
    # the bold run holds no more words, or only a bracket after the name ("**Kiln wash
    # (KW)**")
    rest = [t for t in doc[m.end :] if t.idx < run]
    whole = not rest or _bracket_only(doc[m.end : m.end + len(rest)])
    return m if inside and whole else None


def _procedure_step(ctx: _Context, verb: Token) -> bool:
    """Is ``verb`` a step in the imperative of a way of doing things the card is about
    (its subject's name ends in a :data:`rp.PROCEDURE_NOUNS` word, "integrated backup
    strategy", in the singular), in the card's body, with no subject of its own? A card
    about several ("Backup strategies") names a strategy in each step; one about a thing
    ("How can a sextant be used? -- Use it at noon") or a question ("How do you ...?")
    takes the reader's steps, not the thing's."""
    return (
        verb.tag_ == "VB"
        and _one_procedure(ctx)
        and not any(c.dep_ in _SUBJECT_DEPS for c in verb.children)
    )


def _one_procedure(ctx: _Context) -> bool:
    """Is the card about one way of doing things, its subject's name ending in a
    :data:`rp.PROCEDURE_NOUNS` word that the card's title ends with in the singular
    ("Integrated backup strategy"; not "Backup strategies", where each line names a
    strategy of its own, nor a question "How does the backup strategy work?"), and is
    ``ctx`` a line of its body?"""
    return (
        not ctx.seg.is_title
        and bool(ctx.subjects)
        and ctx.subjects[0].split()[-1] in rp.PROCEDURE_NOUNS
        and re.findall(r"[a-z]+", ctx.seg.card.title.lower())[-1:] == [ctx.subjects[0].split()[-1]]
        and _PROCEDURE.match(ctx.seg.card.title) is None
    )


def _means_subject(ctx: _Context, cue: Span) -> tuple[list[str], float]:
    """The subject of a cue that opens with a noun for a means ("way to V"): the concept
    the copula makes that way ("X is a good way to", "X is one of the best ways to"),
    named in full; ``([], 0)`` for a way nothing is said to be ("we need a way to V",
    "it is a tool to V", "provides a way to V" with no subject)."""
    noun = cue[0]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
        noun = noun.head.head
    if noun.dep_ != "attr" or noun.head.lower_ not in rp.COPULAS:
        return [], 0.0
    subj = next((c for c in noun.head.children if c.dep_ in _SUBJECT_DEPS), None)
    if ctx.first_nested and _gerund_opening(ctx, noun.head, subj):
        # "- **mulching** / - covering the soil with straw is one of the best ways to
        # V Y": the act the item is first said to be is the item's concept
        return ctx.subjects, CARD_SUBJECT_FACTOR
    m = _mention_of(ctx, subj) if subj is not None else None
    if m is None or not m.covers(subj) or _narrowed(ctx.sent.doc, m):
        return [], 0.0
    return _with_conjuncts(ctx, m), 1.0


def _gerund_opening(ctx: _Context, copula: Token, subj: Token | None) -> bool:
    """Does the clause of ``copula`` open the sentence with a gerund phrase for its
    subject ("trying to remember X, is ...", the parser may hang it on the copula as a
    clause of its own) that names no concept as its head?"""
    doc = ctx.sent.doc
    gerund = (
        subj
        if subj is not None
        else next((c for c in copula.children if c.dep_ == "advcl" and c.i < copula.i), None)
    )
    return (
        gerund is not None
        and gerund.tag_ == "VBG"
        and all(t.is_punct for t in doc[ctx.sent.start : gerund.left_edge.i])
        # "using crop rotation is a good way to ...": the act is done with that concept
        and not any(gerund.left_edge.i <= m.start <= gerund.right_edge.i for m in ctx.found)
    )


def _bare_head(noun: Token) -> bool:
    """Is ``noun`` the head of a noun phrase that an answer is made of, with no finite
    verb of its own: the sentence's root ("A sequence model that relies on ..."), or the
    subject the parser gives a participle that is the root ("plate boundary process used for
    X aiming to recycle Y": no auxiliary, so no clause), the phrase opening the sentence?"""
    if noun.dep_ == "ROOT" or _phrase_before_break(noun):
        return True
    verb = noun.head
    return (
        noun.dep_ == "nsubj"
        and verb.dep_ == "ROOT"
        and verb.tag_ in {"VBG", "VBN"}
        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
        and noun.left_edge.i == noun.sent.start
    )


def _asks_what(card: Card) -> bool:
    """Does the card ask what its subject is ("Define X", "What is meant by X?"), so that
    a bare noun phrase answering it is the subject's genus?"""
    return asks_what_it_is(card.title)


def _genus_does(ctx: _Context, verb: Token) -> bool:
    """Is ``verb`` what the noun that opens a card's answer is for, that answer defining the
    card's subject with a bare noun phrase ("A way to resolve collisions", "A technique
    for resolving collisions")? The noun stands for the subject, and so does its act."""
    if not (ctx.first and ctx.subjects) or ctx.seg.is_title or ctx.sent.text.rstrip().endswith(":"):
        return False  # "Ways to prevent X:" names ways, the items after it
    if _has_sub_items(ctx.seg):
        return False  # "- Ways to prevent X" over "  - A": so do the items nested under it
    if verb.tag_ == "VB" and verb.dep_ in {"acl", "relcl"}:
        genus = verb.head
    elif verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "for":
        genus = verb.head.head
    else:
        return False
    return genus.dep_ == "ROOT" and genus.pos_ in {"NOUN", "PROPN"} and genus.i < verb.i


def _has_sub_items(seg: Segment) -> bool:
    """Is ``seg`` a list item whose next line is an item nested under it?"""
    depths = _item_depths(seg.card)
    depth = depths.get(seg.line)
    later = [line for line in depths if line > seg.line]
    return depth is not None and bool(later) and depths[min(later)] > depth


def _adjective_fragment(gerund: Token) -> bool:
    """Does ``gerund`` complete the adjective a subjectless line opens with ("Useful
    for detecting X", "valuable in helping improve X")? The line says what its
    subject (the card's, or its parent item's) is good for, as "X is useful for" would."""
    prep = gerund.head
    adjective = prep.head
    return (
        gerund.dep_ == "pcomp"
        and prep.dep_ == "prep"
        and adjective.dep_ == "ROOT"
        and adjective.pos_ == "ADJ"
        and adjective.i == adjective.sent.start
        and not any(c.dep_ in _SUBJECT_DEPS for c in adjective.children)
    )


#: Demonstratives that, as a subject, may stand for the card's subject.
_POINTERS = frozenset({"this", "these"})
#: Pronouns that, opening a card's answer, stand for the card's subject.
_CARD_PRONOUNS = frozenset({"it", "they"})


def _points_at_card(ctx: _Context) -> bool:
    """May a demonstrative subject ("This method ...", or a bare "This requires ..."
    opening the answer: after a sentence it may be that statement) stand for
    the card's subject? Only in the answer of a card titled by a term or a heading,
    not a question (whose "this" may be any part of what it asks), and only while the answer
    has named no other concept ("X uses Y. This ...": this may be Y, or the use)."""
    return (
        bool(ctx.subjects)
        and not ctx.seg.is_title
        and ctx.seg.card.title_kind != "question"
        and not ctx.seg.card.title.rstrip().endswith("?")
        and ctx.earlier <= set(ctx.subjects)
    )


def _generic_pointer(subj: Token) -> bool:
    """Is ``subj`` "this"/"these" and a general class noun alone ("this technique",
    "these methods"): a phrase that points back rather than names?"""
    return singular(subj.lower_) in GENERIC_CLASSES and [c.lower_ for c in subj.children] in (
        ["this"],
        ["these"],
    )


#: Determiners that make a general noun point back.
_POINTING_DETS = frozenset({"this", "these", "that", "those", "the"})


def _pointing_generic(subj: Token) -> bool:
    """Is ``subj`` a general noun (:data:`POINTING_HEADS`) with nothing but a pointing
    determiner ("This method ...", "the algorithm ..."): a phrase that refers back to a
    concept named before it, not the general concept its word names?"""
    children = [c for c in subj.children if not c.is_punct]
    return (
        subj.pos_ in {"NOUN", "PROPN"}
        and subj.is_lower
        and singular(subj.lower_) in POINTING_HEADS
        and len(children) == 1
        and children[0].dep_ == "det"
        and children[0].lower_ in _POINTING_DETS
    )


#: Relations whose doer is what helps a thing into the cue's state, not the thing helped.
_HELPED_RELATIONS = frozenset({"addresses", "causes"})


def _helper_subject(ctx: _Context, cue: Span) -> tuple[list[str], float] | None:
    """The doer of a remedy or a cause whose cue a helped thing is said to be in ("Dropout
    helps the model become robust to noise": dropout, not the model, which is only
    helped); ``([], 0)`` when the helper is no concept ("This helps ..."); None when no
    one is helped. A use is the helped thing's own ("This makes RNNs applicable to Y")."""
    doc = ctx.sent.doc
    helper = _helped_by(doc[cue.start])
    if helper is None or helper.i >= cue.start:
        return None
    doer = _dep_subject(helper)
    m = _mention_of(ctx, doer) if doer is not None and doer.i < helper.i else None
    if m is None or not m.covers(doer) or _narrowed(doc, m) or _compounded(doc, m):
        return [], 0.0
    return _with_conjuncts(ctx, m), 1.0


def _helped_by(word: Token) -> Token | None:
    """The verb of helping or making (:data:`rp.HELPING_VERBS`) that the clause of a cue's
    ``word`` completes with a thing of its own, helped into the state the cue names ("helps
    the model become robust to Y", "makes the network robust to Y", "helps the network
    avoid Y"), or None (also for "helps to prevent Y": no one else is helped)."""
    tok = word
    for _ in range(6):
        if tok.dep_ in {"ccomp", "xcomp"} and tok.head.lower_ in rp.HELPING_VERBS:
            helper = tok.head
            helped = any(c.dep_ in _SUBJECT_DEPS for c in tok.children) or any(
                c.dep_ == "dobj" for c in helper.children
            )
            return helper if helped else None
        if tok.dep_ not in {"acomp", "xcomp", "ccomp", "conj", "prep", "pobj"} or tok.head == tok:
            return None
        tok = tok.head
    return None


def _restates_subject(subj: Token, subjects: Sequence[str]) -> bool:
    """Is ``subj`` a bare plural that opens its sentence and is the head word of the one
    concept the card is about ("What digestive enzymes act in the gut? -- Enzymes include
    amylase and lipase")? A bare noun names the whole class, not a narrower part of it."""
    return (
        len(subjects) == 1
        and subj.tag_ == "NNS"
        and not any(subj.children)
        and all(t.is_punct for t in subj.doc[subj.sent.start : subj.i])
        and singular(subj.lower_) == _head_word(subjects[0])
        and singular(subj.lower_) != subjects[0]
    )


def _names_subject_head(subj: Token, subjects: Sequence[str]) -> bool:
    """Is ``subj`` "this/these N", N the head word of the one concept the card is about
    ("Hash table -- ... This table grows ...")?"""
    return (
        len(subjects) == 1
        and singular(subj.lower_) == _head_word(subjects[0])
        and [c.lower_ for c in subj.children] in (["this"], ["these"])
    )


def _points_back(gerund: Token, subjects: Sequence[str]) -> bool:
    """Does a gerund subject act on "this/these/those N", N the head word of the one
    concept the card (or the parent item) is about ("drawing on those canals")?"""
    if len(subjects) != 1:
        return False
    head = _head_word(subjects[0])
    return any(
        t.pos_ == "NOUN"
        and singular(t.lower_) == head
        and any(c.dep_ == "det" and c.lower_ in {"this", "these", "those"} for c in t.children)
        for t in gerund.subtree
    )


def _headline(sent: Span) -> bool:
    """Is ``sent`` a line set like a heading ("Prevent Water Loss"): two words or more,
    every word of four letters or more capitalised, no closing stop? Past the first line
    of an answer, it names a topic; it says nothing of the card's subject.

    >>> from extraction import nlp
    >>> doc = nlp.load()("Avoid Soil Erosion")
    >>> _headline(doc[:]), _headline(nlp.load()("Avoids soil erosion.")[:])
    (True, False)
    """
    words = [t for t in sent if t.is_alpha]
    long = [t for t in words if len(t) >= 4]
    return (
        len(words) >= 2
        and bool(long)
        and all(t.text[0].isupper() for t in long)
        and not sent.text.rstrip().endswith((".", "!", "?", ";"))
    )


#: Confidence factor of "In X, we V Y": X is the subject of V.
READER_IN_FACTOR = 0.8


def _fronted_in(ctx: _Context, verb: Token) -> Mention | None:
    """The concept of an "In X," that opens the sentence and hangs on ``verb``, named in
    full ("In Student's t-test, we compute ...")."""
    doc = ctx.sent.doc
    first = doc[ctx.sent.start]
    if first.lower_ != "in" or first.head != verb:
        return None
    obj = next((c for c in first.children if c.dep_ in {"pobj", "pcomp"}), None)
    m = _mention_of(ctx, obj) if obj is not None else None
    if m is None or not m.covers(obj) or _narrowed(doc, m) or _compounded(doc, m):
        return None
    after = doc[obj.i + 1] if obj.i + 1 < len(doc) else None
    return m if after is not None and after.text == "," else None


def _with_conjuncts(ctx: _Context, m: Mention) -> list[str]:
    """``m`` and the concepts coordinated with it ("sigmoid and tanh cause ...")."""
    return _coordinated(ctx.sent.doc, ctx.found, m)


def _coordinated(doc: Doc, mentioned: Sequence[Mention], m: Mention) -> list[str]:
    """``m`` and the concepts of ``mentioned`` listed beside it in ``doc``: next to it
    with a conjunction between, or anywhere in a list of three or more it belongs to
    ("A, B and C are ...": :func:`_listed_with`)."""
    found = [m.concept]
    for other in mentioned:
        if other is m or other.concept in found:
            continue
        lo, hi = (other.end, m.start) if other.end <= m.start else (m.end, other.start)
        gap = doc[lo:hi]
        listed = 0 < len(gap) <= 3 and all(t.lower_ in _LIST_GAP for t in gap)
        if listed and any(t.lower_ in _CONJUNCTIONS for t in gap):
            found.append(other.concept)
    found += [c for c in _listed_with(doc, mentioned, m) if c not in found]
    return found


_CONJUNCTIONS = frozenset({"and", "or", "/", "&"})


def _listed_with(doc: Doc, mentioned: Sequence[Mention], m: Mention) -> list[str]:
    """The concepts of a list of three or more that ``m`` is an item of: items parted by
    list words (:data:`_LIST_GAP`), a conjunction before the last, and an item after a
    bare comma only when the parser makes it a conjunct of the item before ("Folkways,
    mores and taboos are ..."; in "In geology, rocks and soils ..." the field before the
    comma is no item).

    Examples
    --------
    >>> import spacy
    >>> doc = spacy.blank("en")("Folkways , mores and taboos are norms")
    >>> items = [Mention("folkway", 0, 1), Mention("more", 2, 3), Mention("taboo", 4, 5)]
    >>> _listed_with(doc, items, items[0])  # a blank pipeline parses nothing
    []
    """
    ordered = sorted((x for x in mentioned if x.end <= m.start or x.start >= m.end or x is m),
                     key=lambda x: x.start)  # fmt: skip
    at = next(i for i, x in enumerate(ordered) if x is m)
    lo = hi = at
    while lo > 0 and _list_step(doc, ordered[lo - 1], ordered[lo]):
        lo -= 1
    while hi + 1 < len(ordered) and _list_step(doc, ordered[hi], ordered[hi + 1]):
        hi += 1
    chain = ordered[lo : hi + 1]
    if len(chain) < 3:
        return []
    if not any(t.lower_ in _CONJUNCTIONS for t in doc[chain[-2].end : chain[-1].start]):
        return []  # "A, B and C" ends with its conjunction
    return [x.concept for x in chain]


def _opens_with_both(sent: Span) -> bool:
    """Does ``sent`` open with "both" as its subject ("- both use a window")?"""
    words = [t for t in sent if not t.is_punct]
    return bool(words) and words[0].lower_ == "both" and words[0].dep_ in _SUBJECT_DEPS


def _two_labels_before(
    index: ConceptIndex, sents: Sequence[tuple[Segment, Span]], i: int
) -> list[str]:
    """The concepts the two body lines right before ``sents[i]``'s line open with as
    labels ("- Sonnet: 14 lines / - Villanelle: 19 lines / - both rhyme"), for a "both"
    that stands for them; none unless both lines have a label, each its own."""
    firsts: dict[int, Span] = {}
    for seg, sent in sents[:i]:
        if not seg.is_title and seg is not sents[i][0]:
            firsts.setdefault(id(seg), sent)
    labels = [c for sent in list(firsts.values())[-2:] if (c := _opening_label(index, sent))]
    return labels if len(labels) == 2 and labels[0] != labels[1] else []


def _opening_label(index: ConceptIndex, sent: Span) -> str | None:
    """The concept a line opens with, before a colon and an other name of it in brackets
    at most ("Villanelle (V): a poem of ...")."""
    found = mentions(index, sent)
    words = [t for t in sent if not t.is_punct or t.text in {":", "("}]
    if not found or not words or found[0].start != words[0].i:
        return None
    rest = sent.doc[found[0].end : sent.end]
    if rest and rest[0].text == "(":
        close = next((t for t in rest if t.text.startswith(")")), None)
        if close is not None and close.text == "):":  # the tokenizer keeps "):" whole
            return found[0].concept
        rest = sent.doc[close.i + 1 : sent.end] if close is not None else rest
    return found[0].concept if rest and rest[0].text == ":" else None


def _listed_gerund(word: Token, prev: Mention) -> bool:
    """Is ``word``, read as a verb, a gerund the parser lists as a conjunct of the item
    ``prev`` ("consists of drafting, sketching and painting"): an item, no clause?"""
    return word.tag_ == "VBG" and word.dep_ == "conj" and prev.start <= word.head.i < prev.end


def _list_step(doc: Doc, first: Mention, then: Mention) -> bool:
    """Is ``then`` the item of a list after ``first`` (see :func:`_listed_with`)?"""
    gap = doc[first.end : then.start]
    if not 0 < len(gap) <= 3 or not all(t.lower_ in _LIST_GAP for t in gap):
        return False
    if any(t.lower_ in _CONJUNCTIONS for t in gap):
        return True
    return any(
        t.dep_ == "conj" and first.start <= t.head.i < first.end for t in doc[then.start : then.end]
    )


#: The first word of a paired conjunction ("improves both A and B"): it opens the
#: objects, it joins nothing before them.
_CORRELATIVES = frozenset({"both", "either"})


def _objects(
    ctx: _Context,
    start: int,
    *,
    stop: int | None = None,
    max_gap: int = MAX_GAP,
    direct: bool = False,
    clause_subject: bool = False,
    whole: bool = False,
    named: bool = False,
    owned: bool = False,
) -> list[str]:
    """The first concept at or after ``start`` (within ``max_gap`` tokens, no verb,
    conjunction or clause break between, any noun between governing it, or with
    ``direct`` only modifying it) and the concepts listed after it. A concept that only
    owns the object ("the model's complexity") is none. With ``whole``, a concept
    narrowed by a modifier its name does not hold is none ("small gradients" are no
    effect on the gradient). With ``whole`` or ``named``, a concept that only completes
    another noun through a preposition other than "of" is none: the object is that
    noun ("large changes in prices", "a stone from the old quarry"). With ``owned``, a
    concept completed by an "of" phrase naming another concept is none: what "depends
    on the state of the reactor" depends on is the reactor's state, not the concept
    "state"."""
    doc = ctx.sent.doc
    stop = ctx.sent.end if stop is None else stop
    after = [m for m in ctx.found if m.start >= start and m.end <= stop]
    if not after:
        return []
    first = after[0]
    gap = doc[start : first.start]
    if len(gap) > max_gap or _broken(doc, start, first.start):
        return []
    if any(t.lower_ == "than" for t in gap):
        return []  # "needs less energy than X": X is compared, not the object
    target = doc[first.end - 1]
    if target.dep_ == "poss":
        # "the planet's equator": the thing owned, when a concept names it; "the model's
        # complexity" names none
        owned_by = [m for m in after[1:] if doc[m.end - 1] == target.head]
        if not owned_by:
            return []
        after = after[after.index(owned_by[0]) :]
        first, target = after[0], target.head
    if _denied_noun(target):
        return []  # "requires no electricity", "neither A nor B": the cue is denied of it
    subject = target.dep_ in _SUBJECT_DEPS and target.head.i > target.i
    if subject and not clause_subject:
        return []  # "cause the boat to lose its way"
    if (
        target.dep_ == "dobj"
        and target.head.lower_ in rp.CONTROL_VERBS
        and any(c.dep_ == "xcomp" and c.i > target.i for c in target.head.children)
    ):
        return []  # "enabling the mill to grind": what is enabled is the act
    if _modifies_other(doc, first):
        return []  # "transformer-decoder layers", "this optimization problem"
    if whole and _of_phrase(target):
        return []  # "a loss of information": not the loss
    # "produce small gradients": not the gradient; the items listed after it still are
    # ("caused by high tides, storms and erosion")
    narrowed = whole and _narrowed(doc, first)
    if owned and _owned_by_concept(ctx, target):
        return []  # "depends on the state of the reactor": that thing's state
    # "of an encoder and a decoder": a conjunction may precede a concept listed after
    # one the notes do not name as a concept
    listed_after = target.dep_ == "conj" and (
        start <= target.head.i < first.start
        or (first.start > start and doc[first.start - 1].text in {",", "and", "or"})
    )
    blocked = {"VERB", "AUX"} if listed_after else {"VERB", "AUX", "CCONJ"}
    if any(
        t.pos_ in blocked
        and (direct or t.tag_ not in {"VBG", "VBN"})
        and t.lower_ not in _CORRELATIVES
        for t in gap
    ):
        return []
    for t in gap:
        if listed_after:
            break  # "applications in image recognition, recommender systems": earlier items
        # a noun between the cue and the concept must govern it ("access to gradients")
        # or modify it ("the model's gradients"), not stand beside it
        modifier = t.dep_ in {"poss", "compound", "nmod"}
        governs = t in target.ancestors and not direct
        if (whole or named) and _completes(t, target):
            return []  # "leads to large changes in prices": the changes, not the prices
        if t.pos_ in {"NOUN", "PROPN"} and not modifier and not governs:
            return []
    listed = [first.concept]
    conj = {t.i for t in doc[first.start : first.end] for t in _conjuncts(t)}
    prev, inside = first, False
    glosses: list[Mention] = []
    for m in after[1:]:
        if any(t.tag_ in _FINITE_TAGS for t in doc[prev.end : m.start]):
            break  # "..., and ends with N (on maps)": a clause of its own, no item
        if _opened(doc, prev.end, m.start):
            glosses.append(m)  # "Hopfield network (binary), ...": a gloss of the item
            continue
        between = [t for t in _outside_parens(doc, prev.end, m.start)]
        if any(t.dep_ == "neg" or t.lower_ in rp.EXCLUDING_ADVERBS for t in between):
            break  # "uses A but not B", "uses A instead of B": B is denied, no item
        if any(t.pos_ == "ADP" and t.lower_ not in _LIST_GAP for t in between):
            break  # "the fees between the pier and the island": inside A's phrase
        plain = (all(t.lower_ in _LIST_GAP for t in between) and len(between) <= 3) or (
            _unnamed_items(between)
        )
        if inside and all(t.dep_ == "compound" for t in between):
            # "the Microsoft Office Word editor": concepts that modify the next one (or
            # the nouns compounded before it) make one item that none of them names
            inside = _modifies_other(doc, m)
            prev = m
            continue
        if doc[m.end - 1].pos_ == "VERB" and not _listed_gerund(doc[m.end - 1], prev):
            break  # "read data from X, process it": a verb, not an item
        if doc[m.end - 1].dep_ == "poss":
            prev = m  # "and the sun's light": the item is the light, not the sun
            continue
        if plain or any(doc[k].i in conj for k in range(m.start, m.end)):
            inside = _modifies_other(doc, m)
            if not inside and m.concept not in listed:
                listed.append(m.concept)
            prev = m
            continue
        break
    if first.end < stop and doc[first.end].lower_ in _RELATIVES:
        # "a nucleus that holds the genome and a membrane that encloses it": items, each
        # with a relative clause of its own
        word = doc[first.end].lower_
        for m in after[1:]:
            if _parallel_item(doc, m, word) and m.concept not in listed:
                listed.append(m.concept)
    if narrowed:
        return listed[1:]
    if len(listed) == 1:
        # "reduce public spending (austerity)": one item's gloss names it too; in a
        # list of several, each item's gloss only describes it; a gloss whose concept
        # a word before narrows ("Ca (the alkaline earth metal)") names a narrower thing
        listed += [
            g.concept for g in glosses if not _modifies_other(doc, g) and not _compounded(doc, g)
        ][:1]
    return listed


#: Tags of a verb that heads a clause of its own (not a participle).
_FINITE_TAGS = frozenset({"VB", "VBZ", "VBP", "VBD"})

#: Pronouns that open a relative clause after a noun.
_RELATIVES = frozenset({"that", "which", "who"})


def _parallel_item(doc: Doc, m: Mention, relative: str) -> bool:
    """Is ``m`` listed after an item that a relative clause describes, with a clause of its
    own opened by the same pronoun ("..., and a membrane that ...")?"""
    k = m.start - 1
    while k >= 0 and _article(doc[k]):
        k -= 1
    joined = k >= 0 and doc[k].lower_ in {"and", "or"}
    return (
        joined
        and m.end < len(doc)
        and doc[m.end].lower_ == relative
        and doc[m.end - 1].dep_ == "conj"
        and not _modifies_other(doc, m)
    )


def _completes(noun: Token, target: Token) -> bool:
    """Does ``target`` hang on the noun ``noun`` through a preposition other than "of"
    ("changes in weights", "a stone from the old quarry"), also through a participle
    describing the noun ("a force acting over a time interval")? Not when the
    preposition names an instance of the noun ("crops such as winter wheat")."""
    prep = target.head
    held = prep.head
    if held.dep_ == "acl" and held.tag_ in {"VBG", "VBN"}:
        held = held.head
    return (
        noun.pos_ in {"NOUN", "PROPN"}
        and target.dep_ == "pobj"
        and prep.dep_ == "prep"
        and held == noun
        and prep.lower_ not in {"of", "as", "like", "including"}
    )


def _member_of_other_noun(ctx: _Context, start: int) -> bool:
    """Is the first concept at or after ``start`` only the "of" object of a noun before
    it that is no kind word ("one of the causes of landslides", "one of the founders of
    the league"): the class a kind cue names is that noun, not the concept?"""
    doc = ctx.sent.doc
    first = next((m for m in ctx.found if m.start >= start), None)
    if first is None:
        return False
    target = doc[first.end - 1]
    prep = target.head
    return (
        target.dep_ == "pobj"
        and prep.lower_ == "of"
        and start <= prep.head.i < first.start
        and prep.head.pos_ in {"NOUN", "PROPN"}
        and singular(prep.head.lower_) not in rp.KIND_WORDS
        and prep.head.lower_ not in rp.KIND_WORDS
    )


def _unnamed_items(between: Sequence[Token]) -> bool:
    """Are ``between`` list items the notes do not name as concepts, each a short noun
    phrase set off by commas (", soil erosion," in "e.g. flooding, crop
    failure, soil erosion, water pollution")?"""
    if len(between) < 3 or between[0].text != "," or between[-1].lower_ not in {",", "and", "or"}:
        return False
    items: list[list[Token]] = [[]]
    for t in between[1:-1]:
        if t.text == "," or t.lower_ in {"and", "or"}:
            items.append([])
        else:
            items[-1].append(t)
    return all(
        0 < len(item) <= 3
        and all(t.pos_ in {"NOUN", "PROPN", "ADJ"} or t.text == "-" for t in item)
        and item[-1].pos_ in {"NOUN", "PROPN"}
        for item in items
    )


def _owned_by_concept(ctx: _Context, noun: Token) -> bool:
    """Does an "of" phrase after ``noun`` name a concept that owns it ("the state of the
    reactor"), not a time or a setting ("the rainfall of the previous season")?"""
    owners = [
        o
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for o in c.children
        if o.dep_ == "pobj"
    ]
    return any(m.start <= o.i < m.end for o in owners for m in ctx.found)


def _of_phrase(token: Token) -> bool:
    """Does an "of" phrase complete the noun ("a loss of information")?"""
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def _modifies_other(doc: Doc, m: Mention) -> bool:
    """Does the concept ``m`` only modify a noun after it that it does not name ("the
    transformer-decoder layers", "this optimization problem")?"""
    if m.shared:
        return False  # "the input/output buffer overflow" names the overflow
    last = doc[m.end - 1]
    head = last.head
    listed = any(c.dep_ in {"cc", "conj"} for c in last.children)  # "dropout and weight decay"
    # "reinforcement learning methods", "an encoder network": a head too general to add
    # to the name leaves the concept named
    transparent = head.i == m.end and singular(head.lower_) in rp.TRANSPARENT_HEADS
    # "testing task of ...": a word the parser reads as a verb, right before a noun
    # that is no concept, modifies it
    nxt = doc[m.end] if m.end < len(doc) else None
    verb_modifier = last.pos_ == "VERB" and nxt is not None and nxt.pos_ == "NOUN"
    # "leads to river flooding": a compound modifies its head, whatever the
    # parser tags the head
    compound = last.dep_ == "compound" and head.i == m.end and not listed and not transparent
    return (
        verb_modifier
        or compound
        or (
            last.dep_ in {"compound", "amod", "nmod"}
            and head.i >= m.end
            and head.pos_ in {"NOUN", "PROPN"}
            and not listed
            and not transparent
        )
    )


def _conjuncts(token: Token) -> Iterator[Token]:
    for t in token.subtree:
        if t.dep_ == "conj" and t.head.i >= token.i:
            yield t


def _opened(doc, start: int, end: int) -> bool:
    """Is a parenthesis opened between ``start`` and ``end`` still open at ``end``?"""
    depth = 0
    for t in doc[start:end]:
        if t.text in {"(", "["}:
            depth += 1
        elif t.text in {")", "]"}:
            depth = max(0, depth - 1)
    return depth > 0


def _manner_participle(tok: Token) -> bool:
    """Is ``tok`` a participle set off by a comma after a prepositional phrase of manner
    ("... in a greedy manner, conditioned on the summary"): it tells how the clause's verb
    acts, not what the manner is (:data:`rp.MANNER_NOUNS`)?"""
    noun = tok.head
    if tok.dep_ != "acl" or tok.tag_ not in {"VBN", "VBG"} or tok.left_edge.i == 0:
        return False
    if tok.doc[tok.left_edge.i - 1].text != "," or noun.lower_ not in rp.MANNER_NOUNS:
        return False
    return noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "VERB"


def _outside_parens(doc, start: int, end: int) -> list[Token]:
    depth, kept = 0, []
    for k in range(start, end):
        t = doc[k]
        if t.text in {"(", "["}:
            depth += 1
        elif t.text in {")", "]"}:
            depth = max(0, depth - 1)
        elif depth == 0:
            kept.append(t)
    return kept


def _class_before(ctx: _Context, cue: Span) -> Mention | None:
    """The class an instance list follows: "activation functions (that ...) such as"."""
    doc = ctx.sent.doc
    anchor = doc[cue.end - 1]
    head = anchor.head if anchor.head.i < cue.start else None
    if doc[cue.start].dep_ == "acl" and doc[cue.start].head.i < cue.start:
        head = doc[cue.start].head  # "a model, exemplified by ...": the model
    if head is not None:
        m = next((m for m in ctx.found if m.covers(head)), None)
        if m is not None and not _broken(doc, m.end, cue.start):
            return None if _held_by_noun(ctx, m) else m
        if head.pos_ == "NOUN" and head.i > 0 and doc[head.i - 1].lower_ in rp.TYPE_WORDS:
            # "a passive transport type process, exemplified by X": the type is the class
            typed = [m for m in ctx.found if head.i - 1 <= m.end <= head.i]
            if typed:
                return typed[0]
        far = head.i < cue.start - 2
        if head.pos_ in {"VERB", "AUX"} or (head.pos_ in {"NOUN", "PROPN"} and far):
            # "structured like crystals", "layers of sedimentary rock (such as ...)": the
            # cue hangs on a word that is no concept
            return None
    before = [m for m in ctx.found if m.end <= cue.start]
    if before:
        m = before[-1]
        gap = doc[m.end : cue.start]
        if (
            len(gap) <= 2
            and not _broken(doc, m.end, cue.start)
            and not any(t.pos_ in {"NOUN", "PROPN"} for t in gap)  # "organ's circulation"
            and doc[m.end - 1].dep_ != "poss"
            and not _held_by_noun(ctx, m)
            and not _generic_fragment(doc, m)
        ):
            return _outer_class(ctx, m) or m
    return None


def _held_by_noun(ctx: _Context, m: Mention) -> bool:
    """Is ``m`` the "of" object of a noun that is no kind word ("layers of sedimentary
    rock (such as ...)", "samples of river sediments (such as ...)"): a list after it may
    be of that noun's kinds as well as of ``m``'s, whether that noun names a concept or
    not, so it is of neither."""
    doc = ctx.sent.doc
    prep = doc[m.end - 1].head
    if doc[m.end - 1].dep_ != "pobj" or prep.lower_ != "of":
        return False
    noun = prep.head
    return (
        noun.pos_ in {"NOUN", "PROPN"}
        and noun.lower_ not in rp.KIND_WORDS
        and not m.covers(noun)  # "measures of performance (like ...)": one name
    )


def _held(doc: Doc, found: Sequence[Mention], m: Mention) -> bool:
    """:func:`_held_by_noun` over the mentions ``found`` in ``doc``."""
    prep = doc[m.end - 1].head
    if doc[m.end - 1].dep_ != "pobj" or prep.lower_ != "of":
        return False
    noun = prep.head
    return (
        noun.pos_ in {"NOUN", "PROPN"}
        and noun.lower_ not in rp.KIND_WORDS
        and not any(f.covers(noun) for f in found)
    )


def _outer_class(ctx: _Context, m: Mention) -> Mention | None:
    """The class whose relative clause ``m`` ends: in "rocks that
    form large crystals, e.g. granite", the examples are rocks."""
    tok = ctx.sent.doc[m.start : m.end].root
    for _ in range(4):
        if tok.dep_ == "relcl":
            outer = _mention_of(ctx, tok.head)
            if outer is not None and outer.end <= m.start and _plural(ctx, outer):
                return outer
            return None
        if tok.head == tok:
            return None
        tok = tok.head
    return None


#: Head nouns of a class too general to be the kind of its instances when the line
#: has a label: "Water treatment: employ methods such as chlorination".
GENERIC_CLASSES = frozenset(
    "method technique approach strategy way tool algorithm solution option".split()
)
#: General nouns that, after a pointing determiner ("this method", "the algorithm", "these
#: models"), refer back to a concept named before rather than name a class of their own.
POINTING_HEADS = GENERIC_CLASSES | rp.GENERIC_HEADS | frozenset({"model"})


#: Most tokens of a label parsed as a sentence of its own before the line it opens
#: ("BPTT:" before "one update requires ...").
LABEL_WORDS = 7


def _label(ctx: _Context) -> Mention | None:
    """The concept a sentence opens with as its label ("Kiln shelf: ..."), if any."""
    return _label_in(ctx.index, ctx.sent, ctx.found)


def _label_in(index: ConceptIndex, sent: Span, found: Sequence[Mention]) -> Mention | None:
    """:func:`_label` of ``sent``, whose concepts are ``found``."""
    doc = sent.doc
    # a colon, a spaced dash, or a colon the tokenizer glued to the bracket before it
    # ("Odds ratio (OR):" gives the token "):")
    colon = next(
        (t.i for t in sent if t.text in {":", "):"} or _spaced_dash(t)),
        None,
    )
    start = sent.start
    if colon is None and 0 < start <= LABEL_WORDS and doc[start - 1].text == ":":
        colon, start = start - 1, 0  # "BPTT:" parsed as a sentence of its own
        found = mentions(index, doc[:colon])
    if colon is None or _label_words(doc, start, colon) > 6:
        return None
    first = found[0] if found else None
    if first is not None and first.start <= start + 1 and first.end <= colon:
        if _aspect_label(index, doc[first.start : first.end]):
            return None  # "Layered architecture: consists of ...": the card's subject's
        between = doc[first.end : colon + 1 if doc[colon].text == "):" else colon]
        if _bracket_only(between):
            return first  # "Raku firing (RF) -- ...": the name and its bracket
        return first if all(not t.is_alpha for t in between) else None
    return None


def _bracket_only(span: Span) -> bool:
    """Is ``span`` one bracket and nothing else ("(RF)", "(gas-fired)"): what a label
    gives its name beside it, another name or a gloss, leaves the label that name?

    >>> from extraction.nlp import load
    >>> doc = load()("Raku firing (RF) - pots leave the kiln hot.")
    >>> _bracket_only(doc[2:5]), _bracket_only(doc[2:6])
    (True, False)

    The tokenizer may glue a colon to the closing bracket ("(RF):"): that closes it.
    """
    inner = span[1:-1]
    return (
        len(span) >= 3
        and span[0].text == "("
        and span[-1].text in {")", "):"}
        and not any(t.text in {"(", ")", "):"} for t in inner)
    )


def _aspect_label(index: ConceptIndex, name: Span) -> bool:
    """Is a label a word for how something is built (:data:`rp.STRUCTURE_NOUNS`) that
    only words naming nothing narrow ("Layered architecture:", "Overall structure:")? It
    names an aspect of what the card is about, which its line describes; a common noun
    or a concept before the head makes a thing of its own ("Cathedral architecture:",
    "Encoder-decoder design:", "Network layout:")."""
    head = name[-1]
    return singular(head.lower_) in rp.STRUCTURE_NOUNS and not any(
        t.tag_ in {"NN", "NNS"} or index.find(t.lower_) or index.find(singular(t.lower_))
        for t in name[:-1]
        if t.is_alpha
    )


def _line_label(ctx: _Context, *, alone: bool = True) -> Mention | None:
    """The concept a line opens with as its label, for the sentence right after the
    label's own that points back at it ("Crop rotation: Plant other crops each season.
    This method ..."): a gloss after a label is about the label, as an answer is about its
    card's subject. ``alone`` (for a pronoun, which may stand for anything named): None
    when the gloss names another concept ("Hash table: stores keys by chaining. It ...":
    "it" may be the chaining), unless that concept's name is words of the label's own
    ("Merge sort: merges sorted halves"). A class noun ("this method") names the kind of
    thing the line defines, whatever its gloss acts on.
    """
    doc = ctx.sent.doc
    if ctx.sent.start == 0:
        return None
    first = doc[0].sent
    if doc[ctx.sent.start - 1].sent.start != first.start:
        return None
    label = _label_in(ctx.index, first, mentions(ctx.index, first))
    if label is None:
        return None
    words = set(doc[label.start : label.end].text.lower().split()) | set(label.concept.split())
    for m in mentions(ctx.index, doc[label.end : ctx.sent.start]) if alone else ():
        if m.concept != label.concept and not set(m.concept.split()) <= words:
            return None
    return label


def _lone_label_line(sent: Span, found: Sequence[Mention]) -> bool:
    """Is ``sent`` a line that is only a concept's name (and a bracketed other name of it)
    closed by a colon ("Sentence vectors (SV):"), heading the lines after it? "Examples:"
    names no concept, and "Advantages of sentence vectors:" more than a name; a quality
    ("Slowness:") is one of the card's subject, whose lines go on about that subject.

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Kiln:"]))
    >>> _lone_label_line(doc[:], [])
    False
    """
    if not found or not sent.text.rstrip().endswith(":"):
        return False
    if len({m.concept for m in found}) != 1:
        return False
    if found[0].concept.split()[-1].endswith(rp.QUALITY_SUFFIXES):
        return False  # "Sample inefficiency:" under "Drawbacks of X": a quality of X's
    covered = {k for m in found for k in range(m.start, m.end)}
    return all(t.i in covered for t in sent if t.is_alpha)


#: Most words of a name closed by a colon that names a kind of the card's subject.
NARROWER_LABEL_WORDS = 4


def _narrower_label_line(sent: Span, subjects: Sequence[str]) -> bool:
    """Is ``sent`` a short name closed by a colon that ends with the head word of one of
    the card's ``subjects`` and narrows it ("Refracting telescope:" in a card about
    telescopes): a kind of the subject, heading the lines after it?

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Refracting telescope:"]))
    >>> _narrower_label_line(doc[:], ["telescope"]), _narrower_label_line(doc[:], ["lens"])
    (True, False)
    """
    if not subjects or not sent.text.rstrip().endswith(":"):
        return False
    words = [t for t in sent if not t.is_punct]
    if not 2 <= len(words) <= NARROWER_LABEL_WORDS or not all(t.is_alpha for t in words):
        return False
    if words[-1].pos_ not in {"NOUN", "PROPN"} or any(
        t.pos_ not in {"NOUN", "PROPN", "ADJ"} and t.tag_ not in {"VBG", "VBN"} for t in words
    ):
        return False  # a clause ("Kilns use:"), not a name
    head = singular(words[-1].lower_)
    name = " ".join([t.lower_ for t in words[:-1]] + [head])
    return any(_head_word(s) == head and name != s.lower() for s in subjects)


def _heads_own_lines(concept: str) -> bool:
    """Are the lines under a label line naming ``concept`` said of that concept
    ("Sentence vectors (SV): / uses an encoder")? A word about the notes or a problem
    ("Advantages:", "Difficulties:", "Pros:") heads what the card's subject has or
    meets, not a thing of its own.

    >>> _heads_own_lines("refracting telescope"), _heads_own_lines("advantage")
    (True, False)
    >>> _heads_own_lines("difficulty"), _heads_own_lines("pro’s")
    (False, False)
    """
    name = re.sub(r"['’]s$", "", concept.lower())
    head = singular(name.split()[-1]) if name.split() else ""
    return not is_meta(name) and head not in rp.PROBLEM_WORDS


def _label_line_cited(
    ctx: _Context, subjects: Sequence[str], cited: list[Evidence]
) -> list[Evidence]:
    """``cited``, its sentence widened to the whole line from its label when the edge's
    subject is that label (:func:`_line_label`) or the bold term the line opens with
    (:func:`_bold_opening`) and the sentence does not name it: the evidence names both
    ends."""
    if (
        len(subjects) != 1
        or ctx.sent.start == 0
        or any(m.concept == subjects[0] for m in ctx.found)
    ):
        return cited
    label = _line_label(ctx, alone=False) or _bold_opening(ctx)
    if label is None or label.concept != subjects[0]:
        return cited
    doc = ctx.sent.doc
    text = doc[: ctx.sent.end].text.strip()
    return [Evidence(ctx.evidence.source, ctx.seg.line_at(doc[0].idx), text), *cited[1:]]


def _plural_before(ctx: _Context, concept: str, cue: Span) -> bool:
    """Is ``concept`` named in the plural before ``cue``?"""
    return any(m.concept == concept and _plural(ctx, m) for m in ctx.found if m.end <= cue.start)


def _plural(ctx: _Context, m: Mention) -> bool:
    """Is ``m`` named in the plural (a plural noun, or an acronym with a plural "s":
    "RNAs", "CNNs", which the tagger often reads as a singular proper noun)?"""
    last = ctx.sent.doc[m.end - 1]
    acronym_s = len(last.text) > 2 and last.text.endswith("s") and last.text[:-1].isupper()
    return last.tag_ in {"NNS", "NNPS"} or acronym_s


def denies(t: Token) -> bool:
    """Does ``t`` deny the word it hangs on: a negation ("not", "n't", "never"), an adverb
    that a negation bounds in time or degree ("no longer", "no more"), or "neither"
    opening a pair ("is neither used for A nor for B")? "Not only ... but also" affirms
    (the parser hangs its "not" as a ``preconj``), and a hedge ("rarely", "seldom") is
    no denial."""
    if t.dep_ == "neg":
        return True
    if t.dep_ == "advmod":
        return any(c.dep_ == "neg" for c in t.children)
    return t.dep_ == "preconj" and t.lower_ in rp.DENYING_DETERMINERS


def _denied(t: Token) -> bool:
    """Is the word ``t`` negated ("does not use", "no longer uses", "is no longer a")?"""
    return any(denies(c) for c in t.children)


def denying_determiner(t: Token) -> Token | None:
    """The determiner that denies the noun ``t`` ("requires no electricity", "No reptile
    is ...", "causes neither landslides nor floods"), its own or that of the first noun of
    the list it is in, or a determiner of the whole class a negation denies ("not all
    lichens are plants", "not every moss": :data:`rp.UNIVERSAL_DETERMINERS`, the "not"
    hung on it or on the noun); None if none does."""
    while True:
        for c in t.children:
            if c.dep_ in {"det", "preconj"} and c.lower_ in rp.DENYING_DETERMINERS:
                return c
            if (
                c.dep_ in {"det", "predet"}
                and c.lower_ in rp.UNIVERSAL_DETERMINERS
                and any(n.dep_ == "neg" for n in (*c.children, *t.children))
            ):
                return c
        if t.dep_ != "conj" or t.head.i == t.i:
            return None
        t = t.head


def _denied_noun(t: Token) -> bool:
    """Is the noun ``t`` denied by its determiner (:func:`denying_determiner`)?"""
    return denying_determiner(t) is not None


def _negated(span: Span) -> bool:
    """Is the word a cue hangs on negated ("is not suitable for", "does not use", "no
    longer uses")?"""
    heads = {t for t in span} | {span.root.head}
    return any(_denied(t) for t in heads)


#: Subordinators that make a clause a condition, not a statement ("if X includes Y, ...").
_CONDITIONS = frozenset({"if", "unless", "whether"})


def _conditional(span: Span) -> bool:
    """Is the word a cue hangs on the verb of a condition ("If your kiln includes a
    chimney, ...", "unless the kiln uses wood"): said of a case that may not hold?"""
    return any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for t in span for c in t.children)


#: Relations whose object is an effect or a problem: stated of the whole phrase.
_EFFECTS = frozenset({"causes", "addresses"})
#: Cues whose object, like an effect, is what the phrase names in full ("enable complex
#: flavour profiles" enables no flavour profile as such).
_WHOLE_OBJECT_CUES = frozenset({"facilitates", "sum_of", "sum_of_fragment"})
#: Cues of dependence: what a thing depends on "the state of X" for is X (or X's state),
#: never the concept the "of" phrase completes. A verb that computes a quantity
#: ("calculates the slope of the hill") does use that quantity.
_OWNED_OBJECT_CUES = frozenset({"relies_on"})


def _holders(ctx: _Context, span: Span, start: int, objects: Sequence[str]) -> set[str]:
    """The objects of "used / employed / useful in" (:data:`rp.USE_WORDS`) that name
    things holding what is used, not a setting it serves: a plural or a noun with a
    determiner ("used in jet engines", "used in a hash table": the
    engines, the table use it),
    unless a word for an undertaking heads it ("used in regression tasks",
    :data:`rp.SETTING_NOUNS`). A bare singular noun names a field or an activity ("used
    in image processing", "in genetics"), which is what the thing is for."""
    if span[-1].lower_ != "in" or not any(t.lower_ in rp.USE_WORDS for t in span):
        return set()  # "has applications in barcode scanners": a field it serves
    holders = set()
    for m in ctx.found:
        if m.start < start or m.concept not in objects:
            continue
        head = ctx.sent.doc[m.end - 1]
        if singular(head.lower_) in rp.SETTING_NOUNS or head.lower_.endswith(("ing", "ics")):
            continue
        plural = head.tag_ in {"NNS", "NNPS"}
        if plural or any(c.dep_ in {"det", "poss"} for c in head.children):
            holders.add(m.concept)
        elif not head.lower_.endswith(rp.ACT_SUFFIXES) and _notes_count(ctx.index, head.lower_):
            # "used then in kiln": notes that drop their articles write a thing the
            # way a field is written; a noun they count elsewhere ("models", "a model")
            # names things, which take in what is used
            holders.add(m.concept)
    return holders


def _notes_count(index: ConceptIndex, word: str) -> bool:
    """Do the notes count ``word`` somewhere: write it in the plural ("models") or after a
    word that counts ("a model", "each model", "two models")? A field or an activity
    ("chemistry", "image processing") is not counted; a thing is."""
    if not word.isalpha() or not word.islower():
        return False
    plural = re.compile(
        rf"\b(?:{word}e?s|{word[:-1]}ies)\b" if word.endswith("y") else rf"\b{word}e?s\b"
    )
    counted = re.compile(rf"\b(?:{'|'.join(rp.COUNTING_WORDS)})\s+(?:[\w-]+\s+){{0,2}}{word}\b")
    for seg in segments_only(index.segments):
        text = seg.text.lower()
        if word in text and (plural.search(text) or counted.search(text)):
            return True
    return False


def _treated_by_means(ctx: _Context, span: Span, concept: str) -> bool:
    """Is ``concept``, after a passive remedy cue ("prevented by"), only what the means
    acts on: the object of a gerund after "by" whose verb brings in nothing
    (:data:`rp.MAKING_VERBS`)? "Rust is prevented by painting the hull" treats the hull,
    while "prevented by installing a pressure valve" brings the valve in, which is the
    remedy."""
    doc = ctx.sent.doc
    by = doc[span.end - 1]
    if by.lower_ != "by":
        return False
    gerund = next((c for c in by.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
    if gerund is None or gerund.lower_ in rp.MAKING_VERBS:
        return False
    for m in ctx.found:
        if m.concept == concept and gerund.i < m.start and m.end - 1 <= gerund.right_edge.i:
            head = doc[m.end - 1]
            while head.dep_ in {"conj", "appos"} and head.head.i > gerund.i:
                head = head.head
            if head.dep_ == "dobj" and head.head == gerund:
                return True
    return False


def _after_gerund(doc: Doc, start: int, objects: Sequence[str], ctx: _Context) -> bool:
    """Is the first object of a use the object of a gerund after the cue ("used in
    generating speech")?"""
    first = next((m for m in ctx.found if m.start >= start and m.concept in objects), None)
    return first is not None and any(
        t.tag_ == "VBG" and t.pos_ == "VERB" for t in doc[start : first.start]
    )


def _defined_by_genus(ctx: _Context, span: Span, cls: Mention | None) -> str | None:
    """The card's subject, when the example after ``span`` stands beside the genus a
    definition of it opens with, not beside the concept ``cls`` held inside that
    definition ("Volcano || An opening in the crust, e.g. Etna": the parser hangs Etna
    on "opening", so it is a volcano, no crust); else None. Where the parser hangs the
    example on the inner concept ("An enzyme that digests a sugar, e.g. lactose"), that
    concept keeps it."""
    if cls is None or not (ctx.first and len(ctx.subjects) == 1) or ctx.seg.is_title:
        return None
    doc = ctx.sent.doc
    start = _genus_start(ctx)
    root = ctx.sent.root
    if start >= ctx.sent.end or doc[start].lower_ not in {"a", "an"}:
        return None
    if root.pos_ != "NOUN" or not start < root.i < cls.start or cls.covers(root):
        return None
    item = next((m for m in ctx.found if m.start >= span.end), None)
    if item is None or ctx.subjects[0] in {item.concept, cls.concept}:
        return None
    last = doc[item.end - 1]
    return ctx.subjects[0] if last.dep_ in {"appos", "npadvmod"} and last.head == root else None


def _genus_clause_kind(ctx: _Context, span: Span, cls: Mention | None) -> str | None:
    """The card's subject, when the kinds after ``span`` follow a definition of it that
    opens with a genus noun and a relative clause holding ``cls``, and the parser hangs
    them on no word of that clause ("Anticoagulant || Drug that prevents clots, e.g.
    A, B": drugs, no clots); else None. Kinds it hangs inside the clause ("Enzyme that
    digests sugars, e.g. lactose") stay the clause's."""
    if cls is None or not (ctx.first and len(ctx.subjects) == 1) or ctx.seg.is_title:
        return None
    doc = ctx.sent.doc
    start = _genus_start(ctx)
    if start < ctx.sent.end and doc[start].lower_ in {"a", "an"}:
        start += 1
    genus = doc[start] if start < ctx.sent.end else None
    if genus is None or genus.pos_ != "NOUN" or cls.covers(genus):
        return None
    clause = next((c for c in genus.children if c.dep_ == "relcl"), None)
    if clause is None:
        return None
    inside = range(clause.left_edge.i, clause.right_edge.i + 1)
    item = next((m for m in ctx.found if m.start >= span.end), None)
    if item is None or cls.start not in inside or ctx.subjects[0] in {item.concept, cls.concept}:
        return None
    if item.end - 1 in inside or span.end - 1 in inside:
        return None
    return ctx.subjects[0]


def _likening_aside(ctx: _Context, span: Span, cls: Mention) -> bool:
    """Is the "like" of ``span`` an aside set off by commas that names one thing in the
    same number as ``cls`` ("Glaciers, like rivers, erode valleys"; "Osmosis, like
    diffusion, needs no energy")? It likens two things of one rank, neither an example
    of the other; a list ("Enzymes, like amylase and lipase, ...") or one instance of a
    plural class ("Enzymes, like amylase, ...") still gives examples."""
    doc = ctx.sent.doc
    like = next((t for t in span if t.lower_ == "like"), None)
    if like is None or like.i == ctx.sent.start or doc[like.i - 1].text != ",":
        return False
    item = next((m for m in ctx.found if m.start > like.i), None)
    if item is None or not all(_article(t) for t in doc[like.i + 1 : item.start]):
        return False
    if item.end >= ctx.sent.end or doc[item.end].text != ",":
        return False
    return _plural(ctx, item) == _plural(ctx, cls)


def _bare_singular(doc: Doc, i: int) -> bool:
    """Does a singular noun phrase without a determiner open at ``doc[i]`` ("machine
    learning", "organic chemistry", "mathematics": a name in -ics is a singular mass
    noun the tagger often reads as a plural; not "the brain", "trees")?"""
    if i >= len(doc) or doc[i].pos_ not in {"ADJ", "NOUN", "PROPN"}:
        return False
    head = doc[i]
    while head.head.i > head.i and head.dep_ in {"compound", "amod", "nmod"}:
        head = head.head
    return (
        head.pos_ in {"NOUN", "PROPN"}
        and (head.tag_ not in {"NNS", "NNPS"} or head.lower_.endswith("ics"))
        and not any(c.dep_ in {"det", "poss"} for c in head.children)
    )


def _open_list(sent: Span, cue: Span) -> bool:
    """Does the sentence end, after the cue, with words that close a list as a sample of
    something larger (:data:`rp.OPEN_LIST_ENDS`: "among others", "etc.")?"""
    words = [t.lower_ for t in sent.doc[cue.end : sent.end] if not t.is_punct or t.lower_ == "etc."]
    return any(
        tuple(words[-len(end) :]) == end for end in rp.OPEN_LIST_ENDS if len(words) > len(end)
    )


def _let_concept(ctx: _Context, span: Span) -> bool:
    """Whether the one a letting cue lets act ("allows the network to learn Y") is named
    by a concept: the act is then that concept's, and no use of what lets it."""
    return any(m.start < span.end - 1 and m.end > span.start + 1 for m in ctx.found)


def _cue_edges(ctx: _Context, relation: str, cue: rp.Cue, span: Span) -> Iterator[Relation]:
    """Edges one cue match gives in its sentence (none when it is negated, but for a
    clause that sets its subject against the other clause's: "X has Y, whereas Z does
    not" is the contrast itself, as "Unlike X, Y does not need Z" is: a fronted cue is
    negated only by its own words)."""
    doc = ctx.sent.doc
    cited = ctx.cited
    if cue.frame == "fronted":
        negated = any(_denied(t) for t in span)
    else:
        negated = _negated(span) and cue.frame != "joined"
    if negated or _inside_name(ctx, span):
        return
    if relation != "contrasts_with" and _conditional(span):
        # "If your kiln uses wood, ...": a case, not what the notes state (a contrast
        # still sets the two side by side: "if the anode and the cathode differ")
        return
    if span[-1].lower_ == "with" and doc[span.end : span.end + 2].text.lower() in rp.FRAME_OF:
        return  # "measured with respect to Y": Y is no instrument, it is a frame of reference
    if cue.frame == "svo" and _noun_cue(span):
        return  # "making good use of X": a noun, no verb
    if cue.frame == "svo" and _label_word_cue(span):
        return  # "Causes: A, B": a label (:func:`_inline_label_edges`), no verb
    subj = _dep_subject(_verb_of(span)) if cue.frame == "svo" else None
    if subj is not None and _denied_noun(subj):
        return  # "No sailboat uses X", "Neither A nor B uses X": said of none
    if cue.name in rp.BARE_OBJECT_CUES and not _bare_singular(doc, span.end):
        return  # "an area of the brain": a region of a thing, no field of a discipline
    if cue.name in rp.LETTING_CUES and _let_concept(ctx, span):
        return  # "lets the network learn Y": the network's act, no use of what lets it
    if cue.frame == "svo":
        # an effect or a problem is what the phrase names in full; a use or a kind of a
        # narrower thing is one of the thing ("serves as the main fuel")
        # (what "prevented by" names is the remedy: "prevented by a rotation of the
        # crops" is prevented by a rotation, named as the head of the phrase)
        remedy = relation == "addresses" and cue.reverse
        whole = (relation in _EFFECTS and not remedy) or cue.name in _WHOLE_OBJECT_CUES
        # "includes a term from X": the part is the term; "serves as a step in X": the
        # kind is a step, no kind of X
        named = relation in {"part_of", "is_a"} or remedy
        # "depends on the state of X": X's state, no use of the concept "state"
        owned = cue.name in _OWNED_OBJECT_CUES
        # a colon right after the verb opens its objects ("Methods include: A and B")
        after = (
            span.end + 1 if span.end < ctx.sent.end - 1 and doc[span.end].text == ":" else span.end
        )
        objects = _objects(ctx, after, max_gap=cue.gap, whole=whole, named=named, owned=owned)
        if relation == "is_a" and _member_of_other_noun(ctx, after):
            return  # "X is one of the causes of Y": a cause, no kind of Y
        if relation == "used_for" and _after_gerund(doc, after, objects, ctx):
            return  # "used in brewing low-alcohol beer": the use is the act
        if relation == "used_for" and span[-1].tag_ == "VB":
            # "used to combine the forecasts, thereby improving accuracy": for the
            # accuracy, and not for the forecasts, which it only takes in
            if _takes_material(span[-1]):
                objects = []
            results = _result_objects(ctx, span[-1], _verb_of(span))
            objects += [o for o in results if o not in objects]
        # "used in jet engines": the engines hold and use it, no purpose
        holders = _holders(ctx, span, after, objects) if relation == "used_for" else set()
        if cue.problem:  # "minimizes the expected loss": no problem, no remedy
            objects = [o for o in objects if o in ctx.problems]
        if remedy:  # "prevented by painting the hull": the hull is treated, no remedy
            objects = [o for o in objects if not _treated_by_means(ctx, span, o)]
        act = _remedy_act(ctx, span) if remedy else None
        if act is not None and act not in objects:
            # "## Corrosion prevention / Rust prevented by painting the hull": the act
            # that prevents it is the prevention the card is about
            objects = [*objects, act]
        if not objects or len(objects) < cue.min_items:
            return
        if (
            relation == "used_for"
            and span[-1].lower_ in rp.DETECTING_VERBS
            and all(o in ctx.problems for o in objects)
        ):
            relation = "addresses"  # "used to detect the leak problem": a way to deal with it
        helped = _helper_subject(ctx, span) if relation in _HELPED_RELATIONS else None
        subjects, factor = helped if helped is not None else _subject(ctx, span)
        if remedy and (verb := next((t for t in span if t.tag_ == "VBN"), None)) is not None:
            # "Gridlock prevention -- Prevented by timing the lights": the prevention is
            # no problem prevented
            subjects = [s for s in subjects if not _names_act(verb, s)]
        cited = _label_line_cited(ctx, subjects, cited)
        # "This helps the model become robust to Y": the helper's subject points back
        helper = _helped_by(doc[span.start]) if helped is not None else None
        ante = _antecedent(ctx, span, doer=not cue.reverse, verb=helper)
        if ante is not None and ante[0] in objects:
            ante = None
        if ante is not None:
            subjects, factor, cited = [ante[0]], 1.0, [ante[1]]  # "these enzymes" after ...
        pronoun = any(
            t.dep_ in _SUBJECT_DEPS and t.pos_ == "PRON" for t in doc[ctx.sent.start : span.start]
        )
        # a line opening with the cue ("Opposite of deposition.") is a fragment about
        # the card's subject, which is the other side
        fragment = all(_article(t) for t in doc[ctx.sent.start : span.start])
        if relation in rp.SYMMETRIC and factor == CARD_SUBJECT_FACTOR and not (pronoun or fragment):
            return  # "aerobic versus anaerobic respiration": both sides are in the sentence
        pairs = [(s, o) for s in subjects for o in objects]
        if len(objects) == 2 and objects[0] in subjects:
            # "Page cache: if a system includes a page cache (also known as a disk
            # cache)": the object is the subject itself, and its gloss another name of it
            pairs = [(s, o) for s, o in pairs if o != objects[1]]
        restated = _dep_subject(_verb_of(span))
        plural = (
            ante[2]
            if ante is not None
            else any(_plural_before(ctx, s, span) for s in subjects)
            or (
                ctx.first
                and restated is not None
                and _restates_subject(restated, ctx.subjects)
                and subjects == ctx.subjects
            )
        )
        if cue.plural_relation and plural:
            relation = cue.plural_relation  # "Popular kernels include A and B": kinds
            if relation == "is_a" and _open_list(ctx.sent, span):
                relation = "example_of"  # "... include A and B, among others": examples
    elif cue.frame in {"kinds", "instances"}:
        factor = 1.0
        cls = _class_before(ctx, span)
        word = doc[span.start - 1] if span.start > ctx.sent.start else None
        generic = (
            _head_word(cls.concept) if cls else singular(word.lower_) if word else ""
        ) in GENERIC_CLASSES
        if generic and cue.frame == "kinds" and (label := _label(ctx)) is not None:
            target = label.concept  # "Water treatment: employ methods such as chlorination"
            if target in _objects(ctx, span.end, direct=True):
                return  # "HACCP: methods like Chilling and HACCP": the label is one of them
        elif cls is None or (_plural(ctx, cls) != (cue.frame == "kinds")):
            return
        else:
            target = cls.concept
        if cls is not None and _likening_aside(ctx, span, cls):
            return  # "Glaciers, like rivers, erode valleys": two things likened
        if cue.frame == "kinds" and (defined := _genus_clause_kind(ctx, span, cls)):
            # "Fungicide || Chemical that kills fungi, e.g. sulfur": a fungicide
            target, factor = defined, CARD_SUBJECT_FACTOR
        elif cue.frame == "instances" and (defined := _defined_by_genus(ctx, span, cls)):
            # "Volcano || An opening in the crust, e.g. Etna": an instance of the volcano
            target, factor = defined, CARD_SUBJECT_FACTOR
        pairs = [(o, target) for o in _objects(ctx, span.end, direct=True)]
        if cls is not None and _defining_genus(ctx, cls):
            # "Lute: A string instrument such as the oud ...": the instances of the
            # genus a definition opens with are instances of the defined term
            for o, _ in pairs:
                for subject in ctx.subjects:
                    if subject not in {o, target}:
                        confidence = round(cue.confidence * CARD_SUBJECT_FACTOR, 3)
                        yield Relation(o, subject, "is_a", confidence, ctx.cited)
    elif cue.frame == "near":
        if span[0].lower_ == "relative" and (
            _after_participle(doc, span.start) or span[0].head.pos_ in {"NOUN", "PROPN"}
        ):
            # "measured relative to sea level", "the position of a hill relative to the
            # map origin": a frame of reference, no comparison ("slower relative
            # to Y", "rose relative to Y" compare)
            return
        objects = _objects(ctx, span.end, max_gap=cue.gap)
        before = [
            m for m in ctx.found if m.end <= span.start and not _broken(doc, m.end, span.start)
        ]
        factor = 1.0
        if not before and _opens_clause(ctx, span):
            pairs = _fronted_pairs(ctx, span)  # "Compared with X, Y ..."
        elif not objects or not before or _measure_of(ctx, before[-1]):
            return
        else:
            pairs = [(s, o) for s in _with_conjuncts(ctx, before[-1]) for o in objects]
    elif cue.frame == "named":  # "a diagram called a cladogram"
        cls = _class_before(ctx, span)
        if cls is None or cls.end != span.start:
            return
        factor = 1.0
        pairs = [(o, cls.concept) for o in _objects(ctx, span.end, max_gap=2)[:1]]
    elif cue.frame == "compared":
        subject = _clause_subject(doc[span.start])
        objects = _objects(ctx, span.end, max_gap=2)
        if (
            subject is not None
            and subject.lower_ in _CARD_PRONOUNS
            and ctx.first
            and objects
            and not _broken(doc, subject.i, span.start)
        ):
            # "Advantages of osmosis -- It needs less energy than active transport": what
            # "it" is in the answer's first sentence, the card is about
            factor = CARD_SUBJECT_FACTOR
            pairs = [(s, objects[0]) for s in ctx.subjects if s != objects[0]]
        else:
            m = _mention_of(ctx, subject) if subject is not None else None
            if m is None or not m.covers(subject) or not objects or _broken(doc, m.end, span.start):
                return  # no subject, or a label ("Efficiency: can find ... faster than X")
            if any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children):
                return  # "the mean heights of X are higher than Y": what is compared is X's
            factor = 1.0
            pairs = [(s, objects[0]) for s in _with_conjuncts(ctx, m)]
    elif cue.frame == "kinds_of":
        classes = _objects(ctx, span.end, max_gap=2)
        cls = next((m for m in ctx.found if m.start >= span.end and m.concept in classes), None)
        if cls is None or ctx.seg.is_title:
            return
        verb = next(
            (t for t in doc[cls.end : ctx.sent.end] if t.lower_ in _LISTING_WORDS), None
        )  # "types of erosion include ...", "... are ...", "...: ..."
        if verb is None or verb.i - cls.end > 2:
            return
        factor = 1.0
        pairs = [(o, cls.concept) for o in _objects(ctx, verb.i + 1) if o != cls.concept]
    elif cue.frame == "examples":  # "Common examples (of Y) are A, B"
        factor, classes = 1.0, []
        if doc[span.end - 1].lower_ == "of":
            classes = _objects(ctx, span.end, max_gap=2)[:1]
        cls = next((m for m in ctx.found if m.start >= span.end and m.concept in classes), None)
        start = cls.end if cls is not None else span.end
        verb = next((t for t in doc[start : ctx.sent.end] if t.lower_ in _LISTING_WORDS), None)
        if verb is None or verb.i - start > 1:
            return
        if not classes:
            classes, factor = ctx.subjects, CARD_SUBJECT_FACTOR
        pairs = [(o, c) for o in _objects(ctx, verb.i + 1) for c in classes if o != c]
    elif cue.frame == "between":
        if span.end < ctx.sent.end and doc[span.end].lower_ == "into":
            return  # "Stem cells differentiate into A and B": they become both, unset
        objects = _objects(ctx, span.end)
        factor = 1.0
        pairs = [(objects[0], o) for o in objects[1:2]] if len(objects) >= 2 else []
    elif cue.frame == "paired":  # "How do X and Y differ?"
        subject = _dep_subject(_verb_of(span))
        m = _mention_of(ctx, subject) if subject is not None else None
        if m is None or not m.covers(subject) or subject.i > span.start:
            return
        ends = _with_conjuncts(ctx, m)
        if m.shared:
            # "the anode and the cathode differ": the first word names itself here,
            # not the longer name it shares the rest of
            ends[0] = ctx.index.find(subject.text) or ends[0]
        factor = 1.0
        pairs = [(ends[0], ends[1])] if len(ends) >= 2 and ends[0] != ends[1] else []
    elif cue.frame == "fronted":
        factor = 1.0
        if cue.name in rp.LIKENING_CUES and not _likened_then_turned(ctx, span):
            return  # "Like X, Y ..." alone likens them; "Y, like X, ..." too
        if _opens_clause(ctx, span):
            pairs = _fronted_pairs(ctx, span)
            if (
                pairs
                and ctx.sent.start > 0
                and not any(m.concept == pairs[0][1] for m in ctx.found)
            ):
                # the pronoun's concept, named in the sentence before: cited with it
                before = doc[ctx.sent.start - 1].sent
                if any(m.concept == pairs[0][1] for m in mentions(ctx.index, before)):
                    line = ctx.seg.line_at(before.start_char)
                    cited = [Evidence(ctx.evidence.source, line, before.text.strip()), *cited]
        else:
            # "Osmosis, unlike diffusion, needs ...", "Osmosis needs ..., unlike
            # diffusion": what is set apart from the concept after the cue is the
            # clause's named subject
            # (not inside parentheses: "feeds X (in contrast to Y)" sets Y against X);
            # the concept the cue hangs on, else the clause's grammatical subject
            hung = doc[span.start].head
            if (
                hung.dep_ == "ROOT"
                and hung.pos_ in {"NOUN", "PROPN"}
                and any(c.dep_ in _SUBJECT_DEPS for c in hung.children)
            ):
                # "Bacteria, unlike viruses, have ribosomes" parsed with the noun as the
                # root and "have" its auxiliary: the cue hangs on the clause, whose
                # subject is set against X
                hung = next(c for c in hung.children if c.dep_ in _SUBJECT_DEPS)
            elif hung.dep_ == "attr" and hung.head.lower_ in rp.COPULAS and hung.pos_ == "NOUN":
                # "Beta diversity is the change between sites, unlike alpha diversity":
                # the noun the copula makes its subject stands for that subject
                hung = next((c for c in hung.head.children if c.dep_ in _SUBJECT_DEPS), hung)
            held = _mention_of(ctx, hung)
            if held is not None and held.covers(hung):
                subjects, said = [held.concept], 1.0
            else:
                subjects, said = _subject(ctx, span)
            after = _objects(ctx, span.end, whole=True, max_gap=2)
            aside = _opened(doc, ctx.sent.start, span.start)
            # "unlike A and B": each item listed after the cue is set apart, not a gloss
            # of one in brackets ("unlike diffusion (passive transport)")
            glosses = {m.concept for m in ctx.found if _opened(doc, span.end, m.start)}
            after = after[:1] + [b for b in after[1:] if b not in glosses]
            pairs = [(a, b) for a in subjects[:1] for b in after if said == 1.0 and not aside]
    elif cue.frame == "joined":  # "X V ..., whereas Y V ..."
        mark = doc[span.start]
        second = mark.head
        if mark.lower_ in rp.TURNING_CONJUNCTIONS:
            # "X V ..., but Y V ...": the conjunction hangs on the first verb, the second
            # clause is its conjunct after it
            second = _turned_clause(mark)
            if second is None:
                return
        elif mark.dep_ != "mark" or second.dep_ != "advcl":
            return
        if mark.lower_ in rp.TEMPORAL_CONTRASTS and not _contrasting(mark, second):
            return  # "While the enzyme binds, the cofactor waits": at the same time
        sides: list[tuple[Token | None, Mention | None]] = []
        for verb in (second.head, second):
            subject = _quantified(next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None))
            m = _mention_of(ctx, subject) if subject is not None else None
            if m is not None and (
                not m.covers(subject) or _narrowed(doc, m) or _compounded(doc, m)
            ):
                m = None  # a subject no concept names in full, or a narrower thing
            sides.append((subject, m))
        ends = []
        for (subject, m), other in zip(sides, sides[::-1], strict=True):
            m = m or _parallel_side(ctx, subject, other)
            if m is None:
                return
            ends.append(m.concept)
        factor = 1.0
        pairs = [(ends[0], ends[1])] if ends[0] != ends[1] else []
    elif cue.frame == "purpose":  # "Geologists use seismographs to detect earthquakes"
        pairs, factor = _purpose_pairs(ctx, span), 1.0
    elif cue.frame == "fronted_purpose":  # "To detect earthquakes, geologists use seismographs"
        pairs, factor = _fronted_purpose_pairs(ctx, span), 1.0
    elif cue.frame == "applied":  # "X is applied to pricing problems"
        pairs, factor = _applied_pairs(ctx, span)
    elif cue.frame == "result":  # "We divide X by Y to get Z"
        pairs, factor = _result_pairs(ctx, span), 1.0
    else:  # "list" frames are read per card by _list_edges
        return
    if cue.frame != "svo":
        act = None
    label = cue.label
    universal = label == rp.PART_SUGGESTED and factor == 1.0 and _universal_subject(span)
    # "Every cell has a nucleus": a part of each such whole (not "an associated X")
    if universal and not any(_narrowed(doc, m) for m in ctx.found if m.start >= span.end):
        label = rp.PARTS_STATED
    for source, target in pairs:
        if cue.reverse:
            source, target = target, source
        confidence = round(cue.confidence * factor, 3)
        if act is not None and source == act:
            # the act is the card's subject: the sentence names it only through its card
            confidence = round(confidence * CARD_SUBJECT_FACTOR, 3)
            if ctx.act_heading is not None:
                yield Relation(source, target, relation, confidence, [ctx.act_heading, *cited])
                continue
        if cue.frame == "svo" and target in holders:
            yield Relation(target, source, "uses", confidence, cited)  # Y uses X
            continue
        yield Relation(source, target, relation, confidence, cited, label=label)


#: Subjects of a verb of using that name no thing which could use something itself.
_USER_PRONOUNS = frozenset({"we", "you", "one", "i"})
#: Determiners that point back to a thing named before ("the algorithm", "this model").
_POINTING = frozenset({"the", "this", "these", "that", "those", "its", "their"})


def _parallel_side(
    ctx: _Context, subject: Token | None, other: tuple[Token | None, Mention | None]
) -> Mention | None:
    """The concept right before the noun ``subject`` when that noun repeats the head word
    of the concept naming the other side of a contrast in full ("While lung cells divide
    slowly, many of the liver cells do not": the liver's cells, set against the lung's),
    else None."""
    other_subject, other_m = other
    if subject is None or other_subject is None or other_m is None:
        return None
    if other_m.end - 1 != other_subject.i or other_m.end - other_m.start < 2:
        return None  # the other side's name must end with the head word it shares
    if singular(other_subject.lower_) != singular(subject.lower_):
        return None
    doc = ctx.sent.doc
    before = next((m for m in ctx.found if m.end == subject.i), None)
    if before is None or _narrowed(doc, before) or _compounded(doc, before):
        return None
    return before


def _fronted_purpose_pairs(ctx: _Context, span: Span) -> list[tuple[str, str]]:
    """ "To detect earthquakes, geologists use seismographs", "To find the roots, use the
    quadratic formula": what is used is used for what the fronted infinitive acts on, as
    in "Geologists use seismographs to detect earthquakes" (:func:`_purpose_pairs`): only
    when whoever uses it is no concept (a person, a noun no concept names, or the reader)."""
    doc = ctx.sent.doc
    verb = doc[span.end - 1]
    comma = next(t.i for t in span if t.text == ",")
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is not None and _mention_of(ctx, subject) is not None:
        return []  # "To detect X, the network uses Y": the network's use
    targets = [m for m in ctx.found if span.start + 2 <= m.start and m.end <= comma]
    used = [m for m in ctx.found if m.start >= span.end and not _broken(doc, span.end, m.start)][:1]
    if not targets or not used or _narrowed(doc, used[0]) or _narrowed(doc, targets[0]):
        return []
    return [(used[0].concept, targets[0].concept)] if used[0].concept != targets[0].concept else []


def _purpose_pairs(ctx: _Context, span: Span) -> list[tuple[str, str]]:
    """ "Geologists use seismographs to detect earthquakes", "We can use X to V Y", "Use X
    to V Y": what is used (the verb's object) is used for the concept the infinitive
    acts on, when whoever uses it is no concept (a person, a noun no concept names, or
    no subject at all). With a concept for subject, the subject uses the object (the
    ``uses`` cue) and the purpose is that subject's."""
    doc = ctx.sent.doc
    verb = doc[span.start]
    infinitive = doc[span.end - 1]
    if infinitive.head not in {verb} | set(verb.children):
        return []  # "use X ... in order that Z tends to V": the infinitive is not the use's
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None and (verb.dep_ != "ROOT" or verb.tag_ != "VB"):
        # "Uses X to V Y" under a label: the card's subject's use; "Use X to V Y": a step
        subject = _dep_subject(verb) if verb.dep_ != "ROOT" else verb
    if (
        subject is not None
        and subject.lower_ not in _USER_PRONOUNS
        and (
            subject.pos_ not in {"NOUN", "PROPN"}
            # "Mechanics: Uses X to V Y": a label, the card's subject uses X
            or any(t.text in rp.CLAUSE_BREAKS for t in doc[subject.i + 1 : verb.i])
            or _mention_of(ctx, subject) is not None
            or any(c.dep_ in {"det", "poss"} and c.lower_ in _POINTING for c in subject.children)
        )
    ):
        # "it uses X to V Y", "A hash table uses X to V Y", "the algorithm uses X to V Y":
        # the use of a thing the notes name, or point back to
        return []
    used = next((c for c in verb.children if c.dep_ == "dobj"), None)
    m = _mention_of(ctx, used) if used is not None else None
    if m is None or not m.covers(used) or m.end > span.end - 2 or _narrowed(doc, m):
        return []
    objects = [] if _takes_material(infinitive) else _objects(ctx, span.end, max_gap=2)
    objects += _result_objects(ctx, infinitive, verb)
    return [(x, y) for x in _with_conjuncts(ctx, m) for y in objects if x != y]


def _takes_material(verb: Token) -> bool:
    """Is ``verb`` an act whose object is what it takes in, joins or carries
    (:data:`rp.MATERIAL_VERBS`: "used to combine the predictions", "carries information")?
    Its object is then no purpose of what is used; what the act brings about may be."""
    return _verb_base(verb) in rp.MATERIAL_VERBS


def _remedy_act(ctx: _Context, span: Span) -> str | None:
    """The card's subject when a passive remedy cue names an act as the remedy ("Y is
    prevented by requiring ...", "Y: avoided by defining X") and the subject is the act
    of that very verb made a noun ("corrosion prevention", "flood mitigation"): each act
    so told is a way of that prevention. None otherwise ("Y is prevented by a vaccine"
    names the remedy; a card about the vaccine is no act of preventing)."""
    doc = ctx.sent.doc
    if span[-1].lower_ != "by" or span.end >= ctx.sent.end or doc[span.end].tag_ != "VBG":
        return None
    verb = next((t for t in span if t.tag_ == "VBN"), None)
    act = ctx.act or (ctx.subjects[0] if ctx.subjects else None)
    if verb is None or act is None:
        return None
    return act if _names_act(verb, act) else None


def _names_act(verb: Token, concept: str) -> bool:
    """Does ``concept`` name the act of ``verb`` by a noun made from it ("prevented":
    "corrosion prevention", "mitigated": "flood mitigation")?"""
    base = _verb_base(verb)
    stem = base[: max(4, len(base) - 1)]
    noun = concept.split()[-1]
    return noun != base and noun.startswith(stem) and len(noun) > len(base)


def _verb_base(verb: Token) -> str:
    """The base form of a verb ("reducing": "reduce"), from ``lemminflect``'s dictionary
    (the pipeline runs no lemmatizer)."""
    from lemminflect import getLemma

    lemmas = getLemma(verb.lower_, upos="VERB")
    return lemmas[0] if lemmas else verb.lower_


def _result_objects(ctx: _Context, *verbs: Token) -> list[str]:
    """What a purpose's act brings about, set after it by "thereby / thus / hence" and a
    participle of gain (:data:`rp.RESULT_GAIN_VERBS`: "use X to combine the forecasts,
    thereby improving accuracy": X is for accuracy too): the concepts the participle
    takes, named in full, that the notes name as no problem ("thus increasing the
    erosion" is a side effect); none when there is no such participle. The parser
    hangs the participle on the purpose's verb or on the verb of using (``verbs``)."""
    for c in (c for verb in verbs for c in verb.children if c.i > verb.i):
        if (
            c.dep_ in {"advcl", "conj", "xcomp"}
            and c.tag_ == "VBG"
            and _verb_base(c) in rp.RESULT_GAIN_VERBS
            and any(a.dep_ == "advmod" and a.lower_ in rp.RESULT_ADVERBS for a in c.children)
        ):
            return [o for o in _objects(ctx, c.i + 1, max_gap=2) if o not in ctx.problems]
    return []


#: How a concept a step acts on hangs on the step's verb: its object, a preposition's
#: object ("by Y", "with Y"), or one listed with either.
_STEP_DEPS = frozenset({"dobj", "pobj", "prep", "conj"})


def _setting(doc: Doc, m: Mention) -> bool:
    """Does ``m`` name a field or an undertaking, what a thing is put to work on: a name
    heading a word for an undertaking ("pricing problems", :data:`rp.SETTING_NOUNS`),
    or a bare singular noun, a name in -ing or -ics ("land surveying", "genetics")? A
    plural or a noun with a determiner names things ("a spreadsheet")."""
    last = doc[m.end - 1]
    after = doc[m.end] if m.end < len(doc) else None
    if after is not None and after.pos_ in {"NOUN", "PROPN"} and after.is_alpha:
        # the name modifies the noun after it (which the parser may take for its object)
        return singular(after.lower_) in rp.SETTING_NOUNS
    if singular(last.lower_) in rp.SETTING_NOUNS or last.lower_.endswith(("ing", "ics")):
        return True
    return last.tag_ in {"NN", "NNP"} and not any(c.dep_ in {"det", "poss"} for c in last.children)


def _applied_pairs(ctx: _Context, span: Span) -> tuple[list[tuple[str, str]], float]:
    """ "Game theory can be applied to pricing problems", "We apply game theory to a
    pricing problem": what is applied is used for the field or undertaking after
    "to" (:func:`_setting`); applied to things ("apply a varnish to a table") it is
    used on them, nothing said here. The active voice takes the verb's
    object, applied by the reader, a person or no one named ("it" is the card's
    subject); applied by a concept, the use is that concept's."""
    doc = ctx.sent.doc
    named = any(m.start == span.end for m in ctx.found)
    if span.end >= ctx.sent.end or (doc[span.end].pos_ in {"VERB", "AUX"} and not named):
        return [], 0.0  # "applied to protect Y": a purpose, the used_to_do cue's
    target = next((m for m in ctx.found if span.end <= m.start <= span.end + 2), None)
    if target is None or not _setting(doc, target) or _narrowed(doc, target):
        return [], 0.0
    verb = next(t for t in span if t.lower_ in {"applied", "apply", "applies", "applying"})
    if verb.lower_ == "applied":
        subjects, factor = _subject(ctx, span)
        return [(x, target.concept) for x in subjects if x != target.concept], factor
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    if (
        subject is not None
        and subject.lower_ not in _USER_PRONOUNS
        and (_mention_of(ctx, subject) is not None or subject.pos_ == "PRON")
    ):
        return [], 0.0  # "the model applies X to Y": the model's use
    used = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if used is None or used.i >= span.end - 1:
        return [], 0.0
    if used.lower_ == "it":
        # "take a look at a triage approach and apply it to ...": the last thing the
        # sentence names in the singular before it, else the card's subject
        before = [
            m
            for m in ctx.found
            if ctx.sent.start <= m.start
            and m.end <= used.i
            and doc[m.end - 1].tag_ in {"NN", "NNP"}
        ]
        if before:
            subjects, factor = [before[-1].concept], CARD_SUBJECT_FACTOR
        else:
            subjects, factor = list(ctx.subjects[:1]), CARD_SUBJECT_FACTOR
    else:
        m = _mention_of(ctx, used)
        if m is None or not m.covers(used) or _narrowed(doc, m):
            return [], 0.0
        subjects, factor = [m.concept], 1.0
    return [(x, target.concept) for x in subjects if x != target.concept], factor


def _narrowed_beyond_count(doc: Doc, m: Mention) -> bool:
    """Is ``m`` narrowed (:func:`_narrowed`) by more than a count ("the two
    half-reactions" are the concept's, "small gradients" a part of it)?"""
    last = doc[m.end - 1]
    mods = [c for c in last.children if c.i < m.start and c.dep_ in {"amod", "nmod"}]
    return _narrowed(doc, m) and any(
        t.pos_ in {"ADJ", "VERB"} and t.lower_ not in rp.NON_RESTRICTIVE for t in mods
    )


def _result_pairs(ctx: _Context, span: Span) -> list[tuple[str, str]]:
    """ "We divide X by Y to get Z", "Multiply X and Y to obtain Z": a step of the reader's
    (a reader's pronoun for subject, or none) whose result is a concept: that concept uses
    each concept the step's verb acts on. A step taken by a concept ("the model divides
    ...") or a verb of using ("use X to get Z", read by the ``purpose`` frame) is none."""
    doc = ctx.sent.doc
    infinitive = doc[span.end - 1]
    verb = infinitive.head
    if infinitive.dep_ not in {"advcl", "xcomp"} or verb.pos_ != "VERB" or verb.i > span.start:
        return []
    if verb.lower_ in _USING_VERBS:
        return []
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is not None and subject.lower_ not in _USER_PRONOUNS:
        return []
    results = _objects(ctx, span.end, max_gap=2)[:1]
    inputs = []
    for m in ctx.found:
        if not (verb.i < m.start and m.end <= span.start) or _narrowed_beyond_count(doc, m):
            continue
        tok = doc[m.end - 1]
        while tok.dep_ in _STEP_DEPS and tok.head != verb and tok.head.i > verb.i:
            tok = tok.head
        if tok.head == verb and tok.dep_ in _STEP_DEPS and m.concept not in inputs:
            inputs.append(m.concept)
    return [(z, x) for z in results for x in inputs if z != x]


def _after_participle(doc: Doc, i: int) -> bool:
    """Does a participle stand right before ``doc[i]`` (adverbs aside): "measured
    (only) relative to", "expressed relative to"? The parser may tag a reduced one as a
    past tense."""
    k = i - 1
    while k >= 0 and doc[k].pos_ == "ADV":
        k -= 1
    return k >= 0 and (doc[k].tag_ == "VBN" or (doc[k].tag_ == "VBD" and doc[k].dep_ == "acl"))


def _measure_of(ctx: _Context, m: Mention) -> bool:
    """Is ``m`` only where a measure of something else is taken ("a drop in yield on the
    sandy plot compared to the clay plot"): the object of a preposition after a noun no
    concept names, and no word about the concept itself ("the advantages of X")? What is
    compared is that noun, not the concept."""
    noun = ctx.sent.doc[m.start : m.end].root
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.i == noun.i:
        return False
    owner = prep.head
    return (
        owner.pos_ == "NOUN"
        # "treatment by chlorination": what "by" names does the act, it is no place
        and prep.lower_ != "by"
        # "the advantages of X compared to Y": a word about X itself (rp.META_WORDS)
        and singular(owner.lower_) not in rp.META_WORDS
        and not any(f.covers(owner) for f in ctx.found)
    )


def _contrasting(mark: Token, clause: Token) -> bool:
    """Does "while" (``mark``, opening ``clause``) set its clause against the other: after
    a comma, or opening the sentence when both clauses have the same verb or one is
    negated?"""
    doc = mark.doc
    main = clause.head
    if mark.i > main.i:
        return mark.i > 0 and doc[mark.i - 1].text == ","
    negated = any(_denied(v) for v in (clause, main))
    # "..., many of them do not as ...": the parser may hang the "not" of an elided verb
    # on the clause after it
    negated = negated or any(
        v.i + 1 < len(doc) and doc[v.i + 1].dep_ == "neg" for v in (clause, main)
    )
    return negated or clause.lower_ == main.lower_


def _turned_clause(mark: Token) -> Token | None:
    """The verb of the clause that "but" (``mark``) sets against the clause before it,
    when the two are parallel: both verbs have subjects, and they are the same verb or
    one of them is negated ("Arteries have thick walls, but veins have valves",
    "Hardwoods have broad leaves, but softwoods do not"); None for a clause that says the
    same again ("..., but Y also does") or one after "not only", and for a "but" joining
    no two clauses ("not A but B")."""
    doc = mark.doc
    main = mark.head
    if mark.dep_ != "cc" or main.pos_ not in {"VERB", "AUX"}:
        return None
    second = next(
        (
            c
            for c in main.children
            if c.dep_ == "conj" and c.i > mark.i and c.pos_ in {"VERB", "AUX"}
        ),
        None,
    )
    if second is None or any(t.lower_ == "only" for t in doc[main.left_edge.i : mark.i]):
        return None
    if any(t.lower_ in rp.SAME_AGAIN for t in second.subtree):
        return None
    for verb in (main, second):
        if not any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
            return None
    negated = [_denied(v) for v in (main, second)]
    if negated[0] != negated[1]:
        return second
    if main.lower_ != second.lower_:
        return None
    if main.lower_ in rp.COPULAS:
        # "X is fast, but Y is slow", "X is a supervised method, but Y is an unsupervised
        # one": two states, or two things of one kind; not "X is a problem, but Y is a
        # remedy"
        said = [
            next((c for c in v.children if c.dep_ in {"attr", "acomp"}), None)
            for v in (main, second)
        ]
        if None in said:
            return None
        adjectives = all(t.dep_ == "acomp" for t in said)
        same_kind = singular(said[0].lower_) == singular(said[1].lower_) or (
            said[1].lower_ in {"one", "ones"} and said[0].dep_ == "attr"
        )
        if not (adjectives or same_kind):
            return None
    return second


def _quantified(subject: Token | None) -> Token | None:
    """The noun a quantifier subject's "of" phrase names ("many of the ions"), else the
    subject."""
    if subject is None or subject.lower_ not in rp.QUANTIFIERS:
        return subject
    for prep in subject.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((c for c in prep.children if c.dep_ == "pobj"), subject)
    return subject


def _opens_clause(ctx: _Context, span: Span) -> bool:
    """Does the cue open its sentence (nothing but punctuation or a conjunction before
    it: "Unlike X, Y ...", "But compared with X, Y ...")?"""
    return all(
        t.is_punct or t.pos_ in {"CCONJ", "ADV"} for t in ctx.sent.doc[ctx.sent.start : span.start]
    )


def _likened_then_turned(ctx: _Context, span: Span) -> bool:
    """Does a likening cue open its sentence ("Just like X, Y ...") and the sentence then
    turn against it ("..., however ...", "... but ...": :data:`CONTRAST_TURNS`)?"""
    doc = ctx.sent.doc
    comma = next((t.i for t in doc[span.end : ctx.sent.end] if t.text == ","), None)
    return (
        _opens_clause(ctx, span)
        and comma is not None
        and any(t.lower_ in rp.CONTRAST_TURNS for t in doc[comma + 1 : ctx.sent.end])
    )


def _fronted_pairs(ctx: _Context, span: Span) -> list[tuple[str, str]]:
    """ "Unlike X, Y ...": X (after the cue, up to the comma) and the first concept after
    the comma (the clause's subject)."""
    doc = ctx.sent.doc
    comma = next((t.i for t in doc[span.end : ctx.sent.end] if t.text == ","), None)
    if comma is None:
        return []
    # "Unlike prokaryotic cells, eukaryotes ...": what is set apart is the narrower
    # phrase, not the network
    left = _objects(ctx, span.end, stop=comma, whole=True)
    right = _objects(ctx, comma + 1, clause_subject=True, whole=True)
    if not right and _term_pronoun(ctx, comma + 1):
        right = list(ctx.subjects)  # "Kiln -- ... Unlike a pit, it holds the heat"
    elif not right and _pronoun_subject(ctx, comma + 1):
        # "Gas kilns fire fast. Unlike electric kilns, they ...": the sentence before's
        right = _subject_before(ctx.index, ctx.sent)
    return [(a, b) for a in left[:1] for b in right[:1] if a != b]


def _fronted_pronoun(sent: Span) -> bool:
    """Does ``sent`` open with a preposition's phrase set off by a comma, then "it" or
    "they" as the clause's subject ("Unlike electric kilns, they fire in reduction")?"""
    doc = sent.doc
    if not len(sent) or sent[0].pos_ != "ADP":
        return False
    comma = next((t.i for t in sent if t.text == ","), None)
    return (
        comma is not None
        and comma + 1 < sent.end
        and doc[comma + 1].lower_ in _CARD_PRONOUNS
        and doc[comma + 1].dep_ in _SUBJECT_DEPS
    )


def _pronoun_subject(ctx: _Context, i: int) -> bool:
    """Is ``doc[i]`` "it" or "they" as a clause's subject?"""
    doc = ctx.sent.doc
    return i < ctx.sent.end and doc[i].lower_ in _CARD_PRONOUNS and doc[i].dep_ in _SUBJECT_DEPS


def _term_pronoun(ctx: _Context, i: int) -> bool:
    """Is ``doc[i]`` "it" or "they" as a clause's subject in the answer of a term card
    ("Kiln -- An oven. Unlike a pit, it holds the heat"), where it stands for the term?"""
    doc = ctx.sent.doc
    return (
        i < ctx.sent.end
        and doc[i].lower_ in _CARD_PRONOUNS
        and doc[i].dep_ in _SUBJECT_DEPS
        and not ctx.seg.is_title
        and ctx.seg.card.title_kind == "term"
        and len(ctx.subjects) == 1
    )


#: Determiners that point a noun back at a concept named before it ("these enzymes").
_ANAPHORIC = frozenset({"these", "those", "this", "that", "such"})


def _longer_heads(index: ConceptIndex, concept: str, than: str) -> set[str]:
    """The head words of ``concept``'s names (its id, label and aliases) that say more
    than ``than``: "ATP" is also named "adenosine triphosphate", which ends with
    "triphosphate"."""
    record = index.concepts.get(concept)
    names = [concept] if record is None else [concept, record.label, *record.aliases]
    return {_head_word(n) for n in names if len(n) > len(than)}


def _antecedent(
    ctx: _Context, span: Span, doer: bool = True, verb: Token | None = None
) -> tuple[str, Evidence, bool] | None:
    """The concept a subject such as "these enzymes" points back at, and the evidence
    that names both: the last concept the sentence before names whose name ends with
    the same noun and says more, by any of its names ("digestive enzymes ... these
    enzymes include amylase": the digestive enzymes; "ATP, adenosine triphosphate ...
    these triphosphates"), and whether the phrase is plural; a bare "This" is the doer
    of the sentence before (:func:`_previous_subject`), only where the cue makes it the
    doer too (``doer``: "This prevents Y", not "This is due to Y", where "this" is what
    the sentence before says of its subject). ``verb`` is the verb whose subject does the
    act when it is not the cue's own: the verb of helping in "This helps the model become
    robust to Y". None when the subject is not such a phrase."""
    verb = verb if verb is not None else _verb_of(span)
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None and verb.dep_ == "conj":  # "these enzymes act fast and include"
        subject = next((c for c in verb.head.children if c.dep_ in _SUBJECT_DEPS), None)
    doc = ctx.sent.doc
    if subject is None or subject.i >= span.start or ctx.sent.start == 0:
        return None
    if subject.lower_ == "this" and subject.dep_ in _SUBJECT_DEPS:
        # "Terraces hold the soil. This prevents erosion."
        return _previous_subject(ctx) if doer else None
    if not any(c.dep_ == "det" and c.lower_ in _ANAPHORIC for c in subject.children):
        return None
    m = _mention_of(ctx, subject)
    if m is None or not m.covers(subject):
        return None
    head = _head_word(m.concept)
    previous = doc[ctx.sent.start - 1].sent
    before = [
        b
        for b in mentions(ctx.index, previous)
        if b.concept != m.concept and head in _longer_heads(ctx.index, b.concept, m.concept)
    ]
    if not before:
        return None
    start = previous.start
    text = doc[start : ctx.sent.end].text.strip()
    evidence = Evidence(ctx.evidence.source, ctx.seg.line_at(doc[start].idx), text)
    return before[-1].concept, evidence, _plural(ctx, m)


def _clause_subject_before(ctx: _Context, pronoun: Token, clause_start: int) -> Mention | None:
    """What "it" or "they" opening a clause after a clause break (";", ":") refers to:
    the concept that is the subject of the sentence's first clause ("A kiln fires clay;
    it reaches 1200 degrees": the kiln), named in full, in the number of the pronoun;
    None when the pronoun opens the sentence or that subject is no concept."""
    doc = ctx.sent.doc
    if clause_start <= ctx.sent.start or pronoun.lower_ not in _CARD_PRONOUNS:
        return None
    subject = next((t for t in doc[ctx.sent.start : clause_start] if t.dep_ in _SUBJECT_DEPS), None)
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
        return None
    m = next((f for f in ctx.found if f.covers(subject) and f.end - 1 == subject.i), None)
    if m is None or _narrowed(doc, m) or _compounded(doc, m):
        return None
    if _plural(ctx, m) != (pronoun.lower_ == "they"):
        return None
    return m


def _previous_subject(ctx: _Context) -> tuple[str, Evidence, bool] | None:
    """What a bare "This" opening a clause points back at: the sentence before it in the
    same paragraph, whose doer is its grammatical subject, when a concept names that
    subject in full ("Terraces hold the soil. This prevents erosion": the terraces do),
    with the evidence of both sentences; None when that subject is no concept, a
    pronoun or a narrower thing."""
    doc = ctx.sent.doc
    previous = doc[ctx.sent.start - 1].sent
    root = previous.root
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "csubj"}), None)
    if subject is None or subject.pos_ == "PRON" or root.pos_ not in {"VERB", "AUX"}:
        return None
    m = next((b for b in mentions(ctx.index, previous) if b.covers(subject)), None)
    if m is None or _narrowed(doc, m) or _compounded(doc, m):
        return None
    if any(t.pos_ != "DET" for t in doc[subject.left_edge.i : m.start]):
        return None  # "The cooling of the terraces": more than the concept
    start = previous.start
    text = doc[start : ctx.sent.end].text.strip()
    evidence = Evidence(ctx.evidence.source, ctx.seg.line_at(doc[start].idx), text)
    return m.concept, evidence, _plural(ctx, m)


#: Determiners that say a statement holds of every thing of a kind.
_UNIVERSAL = frozenset({"every", "each"})


def _universal_subject(span: Span) -> bool:
    """Is the subject of the cue's verb quantified over every thing of its kind ("Every
    cell has a nucleus", "Each tree has a root")?"""
    verb = _verb_of(span)
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    return subject is not None and any(
        c.dep_ == "det" and c.lower_ in _UNIVERSAL for c in subject.children
    )


def _inside_name(ctx: _Context, span: Span) -> bool:
    """Is the cue a word of a longer concept's name ("Worked examples are solutions"),
    or the end of a hyphenated word ("a probability-like distribution")?"""
    doc = ctx.sent.doc
    if span.start > 0 and doc[span.start - 1].text == "-" and not doc[span.start - 1].whitespace_:
        return True
    return any(
        m.start < span.end
        and span.start < m.end
        and (m.start < span.start or m.end > span.end)
        and not is_meta(m.concept)
        for m in ctx.found
    )


def _noun_cue(span: Span) -> bool:
    """Is a one-word verb cue used as a noun ("making good use of X", "the use of")?"""
    if len(span) != 1:
        return False
    word = span[0]
    nxt = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    determined = any(c.dep_ in {"det", "poss"} and c.i < word.i for c in word.children)
    return word.pos_ == "NOUN" and (determined or (nxt is not None and nxt.lower_ == "of"))


def _clause_subject(token: Token) -> Token | None:
    """The subject of the verb whose clause ``token`` is in ("Irrigation allows more
    harvests than ...": Irrigation), or None."""
    for _ in range(5):
        if token.pos_ in {"VERB", "AUX"}:
            subject = next((c for c in token.children if c.dep_ in _SUBJECT_DEPS), None)
            if subject is None and token.dep_ == "conj" and token.head.pos_ in {"VERB", "AUX"}:
                # "X is ... and is less costly than Y": the verbs share X
                return next((c for c in token.head.children if c.dep_ in _SUBJECT_DEPS), None)
            return subject
        if token.head == token:
            return None
        token = token.head
    return None


def _kind_of(ctx: _Context, noun: Token) -> Mention | None:
    """The concept a noun phrase names: its own, or for "a variant of Y" the Y (a kind
    word with no "of" names itself when it is a concept: "A class containing ...")."""
    if noun.lower_ in rp.KIND_WORDS:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                found = _objects(ctx, prep.i + 1)
                return next((m for m in ctx.found if m.concept in found[:1]), None)
        own = _mention_of(ctx, noun)
        return own if own is not None and own.covers(noun) else None
    return _mention_of(ctx, noun)


def _defining_genus(ctx: _Context, cls: Mention) -> bool:
    """Is ``cls`` the genus that opens the first sentence of the answer about the card's
    subject ("A string instrument such as ..." defining the lute)?"""
    if not (ctx.first and ctx.subjects) or ctx.seg.is_title:
        return False
    start = _genus_start(ctx)
    article = start < ctx.sent.end and ctx.sent.doc[start].lower_ in {"a", "an"}
    return article and cls.start == start + 1


def _opening(sent: Span) -> int:
    """Where a definition's phrase starts: past a leading parenthesis and colon that
    repeat the term's short name ("(GPS): A navigation system that ...")."""
    if len(sent) > 2 and sent[0].text == "(":
        close = next((t.i for t in sent if t.text.startswith(")")), None)
        if close is not None and close - sent.start <= 6:
            k = close + 1
            return k + 1 if k < sent.end and sent.doc[k].text == ":" else k
    return sent.start


def _genus_start(ctx: _Context) -> int:
    """Where the phrase of a definition of the card's subject starts: :func:`_opening`,
    or past a leading label that names the subject or no concept ("Term: A binary vector
    that ...", "Osmosis: the movement of water ..."); a label naming another concept
    ("Guard cell: a cell that ...") starts a definition of that one."""
    start = _opening(ctx.sent)
    after = _after_name_label(ctx.sent)
    if start != ctx.sent.start or after == start:
        return start
    named = {m.concept for m in ctx.found if m.end <= after - 1}
    return after if named <= set(ctx.subjects) else start


#: Most tokens between a plural noun and the colon after its phrase ("points of sail:").
_LIST_HEAD_GAP = 4


def _names_a_list(root: Token) -> bool:
    """Is ``root`` a plural noun whose phrase a colon closes ("The points of sail: close
    hauled, beam reach and broad reach"): the set the line goes on to list, not a class
    the card's subject is one of?"""
    if root.tag_ not in {"NNS", "NNPS"}:
        return False
    doc = root.doc
    for t in doc[root.i + 1 : min(len(doc), root.i + 1 + _LIST_HEAD_GAP)]:
        if t.text == ":":
            return True
        if not any(a.i == root.i for a in t.ancestors):
            return False  # past the noun's own phrase
    return False


def _definition_edges(ctx: _Context) -> Iterator[Relation]:
    """ "What is X?" answered by "A Y that ..." (or "A variant of Y"): X is_a Y; "A W's
    Y" or "The Y in W" (a W the concept belongs to): X part_of W."""
    start = _genus_start(ctx)
    if start >= ctx.sent.end:
        return
    if ctx.sent.doc[start].lower_ not in {"a", "an", "one", "the"}:
        # "Define X -- plate boundary process used for ...": a bare noun phrase
        yield from _bare_definition_edges(ctx, start)
        return
    if ctx.sent.doc[start].lower_ == "one" and not _article_one(ctx.sent.doc[start]):
        return  # "One-hot encoding": a word of a name, not an article
    root = ctx.sent.root
    article = ctx.sent.doc[start]
    if start > ctx.sent.start and article.head.dep_ in {"appos", "ROOT"}:
        root = article.head  # "(GPS): A navigation system that reads ..."
    elif (
        root.tag_ in {"VBN", "VBD"}
        and article.head.dep_ == "nsubj"
        and article.head.head == root
        and not any(c.dep_ in {"aux", "auxpass"} for c in root.children)
    ):
        root = article.head  # "A class fixed using ...": a noun phrase, parsed as a clause
    if not (ctx.first and ctx.subjects and root.pos_ in {"NOUN", "PROPN"}):
        return
    if _names_a_list(root):
        return  # "The points of sail: close hauled, beam reach ...": a set listed, no genus
    m = _kind_of(ctx, root)
    if m is not None and root.lower_ not in rp.KIND_WORDS and not m.covers(root):
        # the phrase's own concept, or one that modifies a generic head ("A pooling
        # operation that ..."), not a possessor or a modifier inside it
        generic = root.lower_ in rp.GENERIC_HEADS and m.end == root.i
        m = m if generic and ctx.sent.doc[m.end - 1].head == root else None
    if _aspect_of(root) or (m is not None and _genus_unstated(ctx, root, m)):
        m = None  # "A key feature of plant cells": a trait of the cells, no class
    if m is not None and (root.lower_ in rp.KIND_WORDS or m.start <= start + 5):
        for subject in ctx.subjects:
            yield Relation(subject, m.concept, "is_a", DEFINITION_CONFIDENCE, ctx.cited)
    # "A cell's outer membrane", "The top-most layer in a forest canopy"
    owners = [c for c in root.children if c.dep_ == "poss"]
    owners += [
        p for c in root.children if c.dep_ == "prep" and c.lower_ in {"in", "of", "within"}
        for p in c.children if p.dep_ == "pobj"
    ]  # fmt: skip
    for owner in owners:
        whole = _mention_of(ctx, owner)
        if whole is not None and whole.end - 1 == owner.i:
            for subject in ctx.subjects:
                if (
                    _head_word(subject) == singular(root.lower_)
                    or owner.dep_ == "poss"
                    or root.lower_ in WHOLE_PART_NOUNS  # "A stage of the firing"
                ):
                    yield Relation(
                        subject, whole.concept, "part_of", DEFINITION_CONFIDENCE, ctx.cited
                    )


def _defines_term(ctx: _Context) -> bool:
    """Is the card a term card (a glossary's "term: definition", a deck's term and
    answer) whose term is all the card's subject, so that its answer defines that term
    as a question "What is X?" would ask ("Osmosis -- Diffusion of water across ...")?"""
    card = ctx.seg.card
    if card.title_kind != "term" or len(ctx.subjects) != 1:
        return False
    term = re.sub(r"\s*\([^()]*\)\s*$", "", card.title.strip())  # "Stimulus (S)"
    return ctx.subjects[0] in {ctx.index.find(term), ctx.index.find(term.lower())}


def _genus_unstated(ctx: _Context, noun: Token, m: Mention) -> bool:
    """Does a definition's opening noun phrase state something other than a kind: a part
    ("part of the cell that ...", :data:`rp.PART_NOUNS`), a judgement ("an advantage of
    ...", :data:`rp.EVALUATIVE_NOUNS`), a quantity ("two semitones",
    "number of ...": a count outside the concept's name, :data:`rp.QUANTITY_HEADS`), a
    framing noun ("a measure of spread", "a way of ...", :data:`rp.FRAMING_NOUNS`), a sum
    ("a root plus a stem": its parts, :func:`_sum_of_parts`) or a passage from one concept
    to another ("dusk to dawn")?"""
    if noun.lower_ in rp.PART_NOUNS | rp.QUANTITY_HEADS | rp.FRAMING_NOUNS | rp.EVALUATIVE_NOUNS:
        return True
    if any(c.dep_ == "nummod" and c.i < m.start for c in noun.children):
        return True
    if _sum_of_parts(noun):
        return True
    return any(
        p.dep_ == "prep" and p.lower_ == "to" and _mention_of(ctx, o) is not None
        for p in noun.children
        for o in p.children
        if o.dep_ == "pobj"
    )


#: Nouns of :data:`rp.PART_NOUNS` whose "of" names the whole the defined term is a part
#: of ("Bisque firing: first stage of glaze firing"); a share of an amount ("half of the
#: clay", "fraction of the water") is a quantity, no part.
WHOLE_PART_NOUNS = rp.PART_NOUNS - {"half", "fraction"}


def _phrase_before_break(noun: Token) -> bool:
    """Does ``noun``'s phrase open its sentence and run up to a semicolon, the words
    before it a noun phrase with no verb but in a clause that modifies it ("First stage
    of glaze firing; hardens the clay", "Shelf that holds pots; ...", which the parser
    may hang on the verb after the semicolon)?

    >>> from extraction import nlp as nlp_module
    >>> doc = nlp_module.load()("First stage of glaze firing; hardens the clay")
    >>> _phrase_before_break(doc[1]), _phrase_before_break(doc[4])
    (True, False)
    >>> _phrase_before_break(nlp_module.load()("Shelf that holds pots; fired hot")[0])
    True
    """
    sent = noun.sent
    semicolon = next((t.i for t in sent if t.text == ";"), None)
    return (
        semicolon is not None
        and noun.left_edge.i == sent.start
        and noun.i < semicolon
        and not any(
            t.pos_ in {"VERB", "AUX"} and not _in_relative_clause(t, noun)
            for t in noun.doc[sent.start : semicolon]
        )
    )


def _in_relative_clause(t: Token, noun: Token) -> bool:
    """Does ``t`` stand in a clause that modifies ``noun`` ("contains" in "Shelf that
    holds pots", "holds" in "Shelf holding pots")?"""
    while t.i != noun.i and t.head.i != t.i:
        if t.dep_ in {"relcl", "acl"} and t.head.i == noun.i:
            return True
        t = t.head
    return False


def _whole_of_part(ctx: _Context, noun: Token) -> Mention | None:
    """The whole a definition's opening part noun names ("first stage of glaze firing",
    "region of the kiln where ...": :data:`WHOLE_PART_NOUNS` with "of", "in" or "within"
    before a concept that ends its object), or None."""
    if noun.lower_ not in WHOLE_PART_NOUNS:
        return None
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "in", "within"}:
            for obj in prep.children:
                whole = _mention_of(ctx, obj) if obj.dep_ == "pobj" else None
                if whole is not None and whole.end - 1 == obj.i:
                    return whole
    return None


def _heads_concept(noun: Token, concept: str) -> bool:
    """Does ``noun``, the head of a genus phrase that names ``concept``, name that
    concept's head ("passive transport" for "transport") or spell it as an acronym? A
    shorter name merged into a longer one ("glass" for "glass fibre") does not.

    >>> from extraction import nlp as nlp_module
    >>> doc = nlp_module.load()("Glass that bends under heat")
    >>> _heads_concept(doc[0], "glass fibre"), _heads_concept(doc[0], "safety glass")
    (False, True)
    """
    return is_acronym(noun.text) or singular(noun.lower_) == singular(_head_word(concept))


def _only_a_verb(word: str) -> bool:
    """Is ``word`` English only as a verb (``lemminflect`` knows no noun or adjective
    reading of it: "Utilize", "Remove"; not "Drink", "Use", "Steep")?

    >>> _only_a_verb("Utilize"), _only_a_verb("Drink"), _only_a_verb("Coffee")
    (True, False, False)
    """
    found = lemmas(word)
    return bool(found) and set(found) <= {"VERB", "AUX"}


#: Most words an item of a list that is a whole answer holds ("Red, yellow, blue"); an
#: item of more ("Igneous rock, fine grains, dark colour") may be a genus with its traits.
MAX_LIST_ITEM = 1
_FINITE = frozenset({"VBZ", "VBP", "VBD", "MD"})


def _short_list(span: Span) -> bool:
    """Is ``span`` only a list of three or more short items (:data:`MAX_LIST_ITEM` words,
    no finite verb) parted by commas ("Red, yellow, blue", "Fever, chills and a cough"), which
    names members, parts or signs rather than a genus?

    >>> from extraction import nlp as nlp_module
    >>> nlp = nlp_module.load()
    >>> _short_list(nlp("Fever, chills and nausea.")[:])
    True
    >>> _short_list(nlp("Igneous rock, fine grains, dark colour.")[:])
    False
    """
    words = [t for t in span if not (t.is_punct and t.text != ",") and t.pos_ != "DET"]
    if sum(t.text == "," for t in words) < 1 or any(t.tag_ in _FINITE for t in words):
        return False
    items: list[list[Token]] = [[]]
    for t in words:
        if t.text == "," or t.lower_ in {"and", "or"}:
            items.append([])
        else:
            items[-1].append(t)
    items = [i for i in items if i]
    return len(items) >= 3 and all(len(i) <= MAX_LIST_ITEM for i in items)


def _part_clause_edges(ctx: _Context) -> Iterator[Relation]:
    """A term card's answer clause after a semicolon that is a part noun of a whole and
    nothing more ("Kiln shelf -- Slab of cordierite; main part of the kiln furniture"):
    the term is a part of that whole, as an opening "Part of Y" says
    (:func:`_whole_of_part`)."""
    if not (ctx.subjects and not ctx.seg.is_title and _defines_term(ctx)):
        return
    doc = ctx.sent.doc
    for semi in (t.i for t in ctx.sent if t.text == ";"):
        noun = next(
            (t for t in doc[semi + 1 : ctx.sent.end] if t.pos_ not in {"DET", "ADJ", "ADV"}),
            None,
        )
        if noun is None or noun.lower_ not in WHOLE_PART_NOUNS:
            continue
        if any(t.pos_ in {"VERB", "AUX"} for t in doc[semi + 1 : noun.i]):
            continue
        whole = _whole_of_part(ctx, noun)
        if whole is None or any(t.text in {";", ","} for t in doc[noun.i : whole.start]):
            continue
        for subject in ctx.subjects:
            if subject != whole.concept:
                yield Relation(subject, whole.concept, "part_of", DEFINITION_CONFIDENCE, ctx.cited)


def _bare_definition_edges(ctx: _Context, start: int) -> Iterator[Relation]:
    """A card that asks what X is, or a term card defining X (:func:`_defines_term`),
    answered by a noun phrase with no article ("flowering plant species used for ...",
    "type of erosion where ..."): X is_a the phrase's concept. A term card's edge cites
    the term with its answer; an opening that names a part, a quantity or a frame
    (:func:`_genus_unstated`) states no kind."""
    if not (ctx.first and ctx.subjects) or ctx.seg.is_title:
        return
    term = _defines_term(ctx)
    if not (term or _asks_what(ctx.seg.card)):
        return
    if _headline(ctx.sent):
        return  # "Erosion in River Valleys": a topic, not a genus
    noun = ctx.sent.doc[start]
    if noun.pos_ not in {"ADJ", "NOUN", "PROPN"} or _only_a_verb(noun.text):
        return  # "Utilize a sieve to ...": an instruction, whatever the tagger read
    while noun.dep_ in {"compound", "amod", "nmod"} and noun.head.i > noun.i:
        noun = noun.head
    if noun.pos_ not in {"NOUN", "PROPN"} or not _bare_head(noun) or _aspect_of(noun):
        return
    if (whole := _whole_of_part(ctx, noun)) is not None:
        card = ctx.seg.card
        title = Evidence(card.source, card.title_line, card.title.strip())
        for subject in ctx.subjects:
            if subject != whole.concept:
                cited = [title, *ctx.cited] if term else ctx.cited
                yield Relation(subject, whole.concept, "part_of", DEFINITION_CONFIDENCE, cited)
        return
    m = _kind_of(ctx, noun)
    if m is None or m.start > start + 5:
        return
    if (colon := _label_end(ctx.sent)) is not None and m.end <= colon:
        return  # "Left bank: the side ...": a label line names what it defines, no genus
    if _short_list(ctx.sent.doc[start : ctx.sent.end]):
        return  # "Primary colours -- Red, yellow, blue": its members or signs, no kind
    if not any(t.is_alpha for t in ctx.sent.doc[m.end : ctx.sent.end]):
        return  # "Slow -- Steam engine": a name alone is no definition, no kind
    if m.end < ctx.sent.end and ctx.sent.doc[m.end].text in EQUATION_SIGNS:
        return  # "Ohm's law -- Voltage = current x resistance": a formula's terms, no kind
    if any(_spaced_operator(t) for t in ctx.sent.doc[start : m.start]):
        return  # "Density -- mass / volume": a ratio of terms, no kind
    generic = noun.lower_ in rp.GENERIC_HEADS and m.end == noun.i  # "plate boundary process"
    if noun.lower_ not in rp.KIND_WORDS and not (m.end - 1 == noun.i or generic):
        return  # a possessor or a modifier inside the phrase, not its own concept
    if _genus_unstated(ctx, noun, m):
        return
    if m.end - 1 == noun.i and not _heads_concept(noun, m.concept):
        return  # "Glass that bends ..." read as "glass fibre": not its name
    card = ctx.seg.card
    title = Evidence(card.source, card.title_line, card.title.strip())
    cited = [title, *ctx.cited] if term else ctx.cited
    initials = "".join(w[:1] for w in m.concept.split()).upper()
    # "Define LASER -- Light Amplification by Stimulated Emission of Radiation": the
    # initials of the words up to the concept spell the start of the acronym
    spelled = "".join(
        t.text[0] for t in ctx.sent.doc[start : m.end] if t.is_alpha and not t.is_stop
    ).upper()
    for subject in ctx.subjects:
        if is_acronym(subject) and (
            subject.upper().startswith(initials) or subject.upper().startswith(spelled)
        ):
            continue  # "Define DNS -- Domain Name System ...": its name spelled out
        if _problems_of_thing(subject):
            continue  # "What are the problems of X? -- Soil erosion": one of them
        if subject != m.concept:
            yield Relation(subject, m.concept, "is_a", DEFINITION_CONFIDENCE, cited)


def _formula_only(sent: Span) -> bool:
    """Is ``sent`` a formula and no words: a sign of mathematics (an equation sign, or
    "^", "/", "*", "+" inside a token) and no word of four letters or more ("F = m a",
    "d/dx x^n", which the parser may part from "= n x^(n-1)"; not "Density = mass per
    volume")?

    >>> from extraction import nlp as nlp_module
    >>> [_formula_only(next(nlp_module.load()(t).sents)) for t in
    ...  ("d/dx x^n", "Density = mass per volume.", "A kiln fires pots.")]
    [True, False, False]
    """
    signs = any(t.text in EQUATION_SIGNS or any(c in "^/*+" for c in t.text) for t in sent)
    return signs and not any(t.is_alpha and len(t.text) >= 4 for t in sent)


#: Signs that make a line a formula: the name before one is a term of it, not a genus.
EQUATION_SIGNS = frozenset({"=", "≈", "≡", "∝"})
#: Signs of arithmetic between the terms of a formula, written with spaces around them
#: ("mass / volume", "force × distance"); "input/output" joins two names.
OPERATOR_SIGNS = frozenset({"/", "÷", "×", "*", "+"})


def _spaced_operator(t: Token) -> bool:
    """Is ``t`` an arithmetic sign (:data:`OPERATOR_SIGNS`) with spaces around it?"""
    return (
        t.text in OPERATOR_SIGNS
        and t.i > 0
        and bool(t.doc[t.i - 1].whitespace_)
        and bool(t.whitespace_)
    )


def _problems_of_thing(concept: str) -> bool:
    """Is ``concept`` named as the problems of something ("problem of intensive
    farming", :data:`rp.PROBLEM_WORDS` before "of")? A noun phrase that answers a card
    about it names one of those problems, not what kind of thing they are."""
    words = concept.split()
    return len(words) > 2 and words[0] in rp.PROBLEM_WORDS and words[1] == "of"


def _aspect_of(noun: Token) -> bool:
    """Is ``noun`` a trait of what its "of" phrase names ("a key feature of plant cells",
    :data:`rp.ASPECT_NOUNS`), so that a definition opening with it names no class?"""
    return noun.lower_ in rp.ASPECT_NOUNS and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children
    )


def _article_one(tok: Token) -> bool:
    """Is "one" an article ("One of the ...", "one model that ..."), not a word of a
    name ("One-hot encoding")?"""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.text == "-" or not tok.whitespace_:
        return False
    return nxt.lower_ == "of" or tok.dep_ in {"det", "nummod"}


def _inner_genus(index: ConceptIndex, m: Mention, doc) -> str | None:
    """The other concept the end of a longer name names ("RAM" in "dynamic RAM",
    when "dynamic RAM" is another name of "DRAM"), if any."""
    tail = (index.find(doc[k : m.end].text) for k in range(m.start + 1, m.end))
    return next((c for c in tail if c is not None and c != m.concept), None)


def _names_its_genus(index: ConceptIndex, sent: Span, found: Sequence[Mention]) -> bool:
    """Is ``sent`` a label line whose phrase is the label's other name, ending with
    another concept ("DRAM: dynamic RAM - ...")? It states what kind of thing the
    label is, though it names one concept only."""
    colon = next((t.i for t in sent if t.text == ":"), None)
    return colon is not None and any(
        m.start > colon and m.end - m.start > 1 and _inner_genus(index, m, sent.doc)
        for m in found[1:]
        if found[0].concept == m.concept
    )


def _label_definition_edges(ctx: _Context) -> Iterator[Relation]:
    """A label defined by a noun phrase: "TKO: technical KO - the referee ...", "Reset
    gate: a gate that ...": the label is_a the phrase's concept, when the phrase opens
    with an article or the concept's name is inside the label's ("KO" in "TKO")."""
    label = _label(ctx)
    if label is None:
        return
    doc = ctx.sent.doc
    colon = next((t.i for t in ctx.sent if t.text == ":" and t.i >= label.end), None)
    if colon is None:
        return
    phrase = []
    for t in doc[colon + 1 : ctx.sent.end]:
        if (
            t.pos_ not in {"DET", "ADJ", "NOUN", "PROPN", "NUM"}
            and t.dep_ not in {"compound", "amod"}
            and not _inner_hyphen(t)
        ):
            break
        phrase.append(t)
    if not phrase:
        return
    root = phrase[-1]
    if (root.dep_ == "appos" and _listed_apposition(root)) or any(
        c.dep_ == "appos" and _listed_apposition(c) for c in root.children
    ):
        return  # "Kiln: a shelf, a burner, a flue": a list of its parts, no genus
    if _articled(root) and any(c.dep_ == "conj" and _articled(c) for c in root.children):
        return  # "Kiln: a firebox and a chimney": two things, each its own, no genus
    if (
        root.dep_ in _SUBJECT_DEPS
        and root.head.i > root.i
        # brackets inside the subject's phrase ("the samples (before and after) are")
        # break no clause
        and not any(t.is_punct and not _bracket(t) for t in doc[root.i + 1 : root.head.i])
    ):
        return  # "Hard water: water can be hard": a clause about it, no genus
    if root.lower_ in rp.KIND_WORDS:  # "X: An extension of contract law"
        m = _kind_of(ctx, root)
        if m is not None and m.concept != label.concept:
            yield Relation(label.concept, m.concept, "is_a", DEFINITION_CONFIDENCE, ctx.cited)
        return
    m = next((m for m in ctx.found if m.start > colon and m.end - 1 == root.i), None)
    if m is not None and m.concept == label.concept and m.end - m.start > 1:
        # "DRAM: dynamic RAM" once the two are merged: the phrase is the label's
        # other name, and the concept its head names is the genus
        if (other := _inner_genus(ctx.index, m, doc)) is not None:
            yield Relation(label.concept, other, "is_a", DEFINITION_CONFIDENCE, ctx.cited)
        return
    if m is None or m.concept == label.concept:
        return
    inside = _head_word(m.concept) == _head_word(label.concept) or (
        is_acronym(m.concept) and label.concept.endswith(m.concept)
    )
    if phrase[0].lower_ in {"a", "an"} or inside:
        yield Relation(label.concept, m.concept, "is_a", DEFINITION_CONFIDENCE, ctx.cited)


def _inner_hyphen(t: Token) -> bool:
    """Is ``t`` a hyphen inside a word ("closed-loop", "rule-based"), no space on either
    side of it?"""
    return (
        t.text in {"-", "\u2010", "\u2011"}
        and not t.whitespace_
        and t.i > 0
        and not t.doc[t.i - 1].whitespace_
        and t.i + 1 < len(t.doc)
    )


def _bracket(token: Token) -> bool:
    return token.is_bracket or token.text in "()[]{}"


def _copula_edges(ctx: _Context) -> Iterator[Relation]:
    """ "X is a Y" (both concepts, no negation) and "X, a Y, ...": X is_a Y."""
    for tok in ctx.sent:
        if tok.lower_ in rp.COPULAS and tok.pos_ == "AUX" and tok.dep_ == "ROOT":
            if _denied(tok):
                continue
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            attr = next((c for c in tok.children if c.dep_ == "attr"), None)
            if subj is None or attr is None or attr.lower_ in rp.KIND_WORDS:
                continue
            if _denied_noun(subj) or _denied_noun(attr):
                continue  # "No reptile is a mammal", "X is neither a Y nor a Z"
            if _broken(ctx.sent.doc, tok.i + 1, attr.i):
                # "X are slow whenever ... --> not enough neurons": the parser hangs a
                # noun past an arrow or a colon on the copula; it is no attribute
                continue
            if (kind := _one_kind(ctx, subj, attr)) is not None:
                # "One kind of diffusion is osmosis": the attribute is_a the kind's class
                yield Relation(*kind, "is_a", rp.COPULA_CONFIDENCE, ctx.cited)
                continue
            if any(c.dep_ == "prep" and c.lower_ == "of" for c in (*subj.children, *attr.children)):
                continue  # "the area of a frame is the sum of ...": no class
            if _context_bound(tok, subj):
                continue  # "the mixture is now a gas", "the result is a salt": no class
            if parts := _sum_of_parts(attr):
                # "brass is copper combined with zinc": its parts, no class
                whole = _mention_of(ctx, subj)
                for noun in parts if whole is not None else ():
                    part = _mention_of(ctx, noun)
                    if (
                        part is not None
                        and part.end - 1 == noun.i
                        and part.concept != whole.concept
                    ):
                        yield Relation(
                            part.concept, whole.concept, "part_of", rp.COPULA_CONFIDENCE, ctx.cited
                        )
                continue
            x, y = _mention_of(ctx, subj), _mention_of(ctx, attr)
            if y is not None and y.end - 1 != attr.i:
                y = None
            if x is not None and attr.lower_ == "one" and (head := _named_head(ctx, x)):
                # "A deciduous tree is one that sheds its leaves": a kind of tree
                yield Relation(x.concept, head, "is_a", rp.COPULA_CONFIDENCE, ctx.cited)
                continue
            if x is not None and y is not None and (_superlative(subj) or _one_of(subj)):
                # "The most common volcanic rock is basalt",
                # "Another common rock is granite"
                cls = _class_unranked(ctx, x)
                yield Relation(y.concept, cls, "is_a", rp.COPULA_CONFIDENCE, ctx.cited)
                continue
            if x is not None and y is not None and _restricted(subj, x.concept, y.concept):
                # "Any triangle that does not have a right angle is an oblique triangle":
                # the sentence defines Y as the Xs it describes
                yield Relation(y.concept, x.concept, "is_a", rp.COPULA_CONFIDENCE, ctx.cited)
                continue
            definite = any(c.dep_ == "det" and c.lower_ == "the" for c in attr.children)
            if definite and not _superlative(attr) and not any(c.i > attr.i for c in attr.children):
                continue  # "X is the grid of soundings": which one X is, not a kind
            classes = [] if y is None else [y]
            if (
                x is not None
                and attr.lower_ in rp.GENERIC_HEADS
                and (y is None or y.start == attr.i)
            ):
                # "Slip casting is a casting method", "Raku is a firing technique":
                # the concept that modifies a generic head names the class (as well as
                # the head, when that is a concept too)
                classes += [
                    m for m in ctx.found if m.end == attr.i and ctx.sent.doc[m.end - 1].head == attr
                ][:1]
            if x is not None:
                for source in _with_conjuncts(ctx, x):
                    for y in classes:
                        yield Relation(source, y.concept, "is_a", rp.COPULA_CONFIDENCE, ctx.cited)
        elif tok.lower_ in rp.COPULAS and tok.dep_ == "relcl" and (y := _aside_class(ctx, tok)):
            # "Osmosis, which is a passive process, ...": the clause says what it is
            x = _mention_of(ctx, tok.head)
            if x is not None and x.end - 1 == tok.head.i and x.concept != y.concept:
                yield Relation(x.concept, y.concept, "is_a", rp.APPOSITION_CONFIDENCE, ctx.cited)
        elif (pair := _one_of_aside(ctx, tok)) is not None:
            # "Linear probing, one of the common collision strategies, ...", "one of the
            # common collision strategies, linear probing, ...": a member of the class
            yield Relation(*pair, "is_a", rp.APPOSITION_CONFIDENCE, ctx.cited)
        elif tok.dep_ == "appos" and tok.left_edge.i > 0:
            before = ctx.sent.doc[tok.left_edge.i - 1]
            article = ctx.sent.doc[tok.left_edge.i]
            if before.text not in {",", "("} or article.lower_ not in {"a", "an"}:
                continue
            after = tok.right_edge.i + 1
            if before.text == "(" and (
                after >= len(ctx.sent.doc) or ctx.sent.doc[after].text != ")"
            ):
                continue  # "Pepsin (a digestive enzyme) breaks ...": the whole bracket
            if before.text == "," and _listed_apposition(tok):
                continue  # "made of a hull, a mast and a keel": a list, not a kind
            # "Osmosis, a type of diffusion, ...", "Pepsin (a digestive enzyme)": the class
            x, y = _mention_of(ctx, tok.head), _kind_of(ctx, tok)
            if x is not None and y is not None and x.end <= y.start:
                yield Relation(x.concept, y.concept, "is_a", rp.APPOSITION_CONFIDENCE, ctx.cited)


def _apposition_chain(tok: Token) -> int:
    """How many nouns named with "a"/"an" hang on one another in apposition, through
    ``tok`` ("a boiler, a pump, a piston": three, whether the parser hangs each on the
    one before or all on the first)."""

    def indefinite(t: Token) -> bool:
        return any(d.dep_ == "det" and d.lower_ in {"a", "an"} for d in t.children)

    top = tok
    while top.dep_ == "appos" and top.head != top and indefinite(top.head):
        top = top.head
    count, todo = 0, [top]
    while todo:
        noun = todo.pop()
        count += 1
        todo += [c for c in noun.children if c.dep_ == "appos" and indefinite(c)]
    return count


def _articled(tok: Token) -> bool:
    """Does ``tok`` have "a" or "an" as its determiner?"""
    return any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in tok.children)


def _listed_apposition(tok: Token) -> bool:
    """Is the apposition ``tok`` (after a comma) an item of a list the parser hung on the
    first one: both named with "a"/"an" and the list going on with "and"/"or" ("a hull,
    a mast and a keel", "a saw, a drill, and a hammer")? "Pepsin, a digestive enzyme,
    and trypsin ..." keeps its apposition: its head has no article.

    >>> from extraction import nlp
    >>> doc = nlp.load()("A sailboat consists of a hull, a mast and a keel.")
    >>> _listed_apposition(doc[8])  # "mast"
    True
    >>> _listed_apposition(nlp.load()("A kiln holds a shelf, a burner, a flue.")[7])
    True
    """
    if not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in tok.head.children):
        return False
    if any(c.dep_ in {"cc", "conj"} for c in tok.children):
        return True
    # "a boiler, a pump, a piston": the parser hangs each item on the one before it, three
    # names or more ("an enzyme, a protein that ..." may gloss one name by two)
    if _apposition_chain(tok) >= 3:
        return True
    doc, after = tok.doc, tok.right_edge.i + 1
    if after < len(doc) and doc[after].text == ",":
        after += 1
    return after < len(doc) and doc[after].lower_ in {"and", "or"}


def _sum_of_parts(attr: Token) -> list[Token]:
    """The parts, when a copula's attribute is a sum of parts ("A plus B", "A, B and C
    together", "A combined with B", :data:`rp.SUM_WORDS`): the sentence says what the
    subject is made of, not what it is a kind of. Else an empty list."""
    joined = [attr, *(c for c in attr.subtree if c.dep_ == "conj" and c.head.i >= attr.i)]
    sums = [
        c
        for noun in joined
        for c in noun.children
        if c.lower_ in rp.SUM_WORDS and c.dep_ in {"cc", "advmod", "acl"}
    ]
    if not sums:
        return []
    # "A combined with B": B, the object of the participle's "with", is a part too
    joined += [
        o
        for c in sums
        if c.dep_ == "acl"
        for p in c.children
        if p.dep_ == "prep"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    return joined


def _one_of_class(ctx: _Context, one: Token) -> Mention | None:
    """For "one of the (most common) Ys" (``one`` and its "of" phrase, a plural noun),
    the concept Y names."""
    if one.lower_ != "one":
        return None
    for prep in one.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if noun is None or noun.tag_ not in {"NNS", "NNPS"}:
                return None
            m = _mention_of(ctx, noun)
            return m if m is not None and m.end - 1 == noun.i else None
    return None


def _one_of_aside(ctx: _Context, tok: Token) -> tuple[str, str] | None:
    """An aside between commas that makes a concept one of a class: "X, one of the Ys,
    ..." (``tok`` is "one", in apposition to X) or "one of the Ys, X, ..." (``tok`` is X,
    in apposition to the class or, as the parser often has it, a conjunct of "one" with
    no conjunction: a list would have one). The pair (X, Y)."""
    doc = ctx.sent.doc
    if tok.left_edge.i == 0 or doc[tok.left_edge.i - 1].text != ",":
        return None
    if tok.dep_ == "appos" and tok.lower_ == "one":
        cls, member = _one_of_class(ctx, tok), tok.head
    elif tok.dep_ == "appos" and tok.head.dep_ == "pobj" and tok.head.head.lower_ == "of":
        cls, member = _one_of_class(ctx, tok.head.head.head), tok
    elif tok.dep_ == "conj" and not any(c.dep_ == "cc" for c in tok.head.children):
        cls, member = _one_of_class(ctx, tok.head), tok
    else:
        return None
    if cls is None or any(c.dep_ in {"cc", "conj"} for c in member.children):
        return None  # "one of the Ys, X, and Z": a list, no aside
    m = _mention_of(ctx, member)
    if m is None or m.end - 1 != member.i or m.concept == cls.concept or _narrowed(doc, m):
        return None
    return m.concept, cls.concept


def _one_kind(ctx: _Context, subj: Token, attr: Token) -> tuple[str, str] | None:
    """For "One kind of Y is X" ("A common form of transport is osmosis": a kind word
    with an indefinite article or "one", and its "of" class), the pair (X, Y)."""
    if subj.lower_ not in rp.KIND_WORDS:
        return None
    if not any(c.dep_ in {"det", "nummod"} and c.lower_ in _ONE_KIND for c in subj.children):
        return None
    x, y = _mention_of(ctx, attr), _kind_of(ctx, subj)
    if x is None or y is None or x.end - 1 != attr.i or x.concept == y.concept:
        return None
    return x.concept, y.concept


#: Determiners of a kind word that pick one kind among others ("one form of", "another
#: type of"), not the one the text is about ("the type of", "this kind of").
_ONE_KIND = frozenset({"a", "an", "one", "another"})


def _aside_class(ctx: _Context, copula: Token) -> Mention | None:
    """The class a non-restrictive "which" clause names ("X, which is a Y, ..."): the
    copula's attribute with an indefinite article, when the clause follows a comma."""
    subj = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    attr = next((c for c in copula.children if c.dep_ == "attr"), None)
    if subj is None or attr is None or subj.lower_ != "which" or subj.i == 0:
        return None
    if ctx.sent.doc[subj.i - 1].text != "," or _denied(copula):
        return None
    if attr.lower_ in rp.KIND_WORDS:
        return None
    if not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in attr.children):
        return None
    y = _mention_of(ctx, attr)
    return y if y is not None and y.end - 1 == attr.i else None


#: Determiners of a setting named by the text ("in this case", "in our example").
_SETTING_DETERMINERS = frozenset({"this", "that", "our"})


def _context_bound(copula: Token, subj: Token) -> bool:
    """Does "S is Y" say what S is at a step or in a setting of the text, not what kind of
    thing S is: a copula bound by an adverb of the moment ("the mixture is now a gas"), by
    a phrase naming a setting of the text ("in this case the solvent is water"), or a
    subject that is the definite quantity of something unnamed ("the result is a salt",
    "the output is a number")?"""
    for c in copula.children:
        if c.dep_ == "advmod" and c.lower_ in rp.CONTEXT_ADVERBS:
            return True
        if c.dep_ == "prep" and any(
            o.dep_ == "pobj" and any(d.lower_ in _SETTING_DETERMINERS for d in o.children)
            for o in c.children
        ):
            return True
    return (
        singular(subj.lower_) in rp.QUANTITY_HEADS
        and any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children)
        and not any(c.dep_ in {"compound", "amod"} for c in subj.children)
    )


#: First words of an answer that say yes, or no, to a yes/no question.
_YES = frozenset({"yes", "true", "correct", "right", "yep", "indeed"})
_NO = frozenset({"no", "false", "wrong", "incorrect", "nope"})
_WH = frozenset({"WDT", "WP", "WP$", "WRB"})


def _polar(sent: Span) -> bool:
    """Is ``sent`` a yes/no question ("Is a whale a fish?", "But isn't X a Y?"): a
    question whose main verb is an auxiliary before its subject, with no wh-word?"""
    root = sent.root
    return (
        sent.text.rstrip().endswith("?")
        and root.pos_ == "AUX"
        and not any(t.tag_ in _WH for t in sent)
        and not any(c.dep_ in _SUBJECT_DEPS and c.i < root.i for c in root.children)
    )


def _reply(answer: Evidence) -> str | None:
    """ "yes" or "no" when an answer opens by saying so, else None."""
    word = next(iter(re.findall(r"[a-z]+", answer.text.lower())), "")
    return "yes" if word in _YES else "no" if word in _NO else None


def _affirmed_edges(ctx: _Context) -> Iterator[Relation]:
    """A yes/no question "Is(n't) X (and W) a Y?" answered yes: X (and W) is_a Y, citing
    the question and the answer. Y is the first concept after an article "a"/"an" past X,
    outside parentheses, with no verb before it ("Is X used for Y?" asks no kind)."""
    doc, root = ctx.sent.doc, ctx.sent.root
    after = [m for m in ctx.found if m.start > root.i]
    if not after or any(t.pos_ == "VERB" for t in doc[root.i : after[0].start]):
        return
    x, sources = after[0], [after[0].concept]
    for m in after[1:]:
        between = doc[x.end : m.start]
        if _opened(doc, x.end, m.start) and any(t.lower_ == "and" for t in between):
            sources.append(m.concept)  # "a dolphin (and a porpoise)"
            continue
        if any(t.pos_ == "VERB" for t in between) or _opened(doc, x.end, m.start):
            return
        if m.start > 0 and doc[m.start - 1].lower_ in {"a", "an"}:
            for source in dict.fromkeys(sources):
                if source != m.concept:
                    yield Relation(source, m.concept, "is_a", rp.COPULA_CONFIDENCE, ctx.cited)
        return


def _superlative(subject: Token) -> bool:
    """Is ``subject`` singled out among its class ("the most well-known distribution",
    "the best optimizer")?"""
    return any(
        c.tag_ == "JJS" or (c.dep_ == "amod" and any(a.tag_ in {"JJS", "RBS"} for a in c.children))
        for c in subject.children
    )  # "the best-known gas": "known" with a superlative adverb


def _class_unranked(ctx: _Context, m: Mention) -> str:
    """The class a mention names without the words that rank or praise its members
    ("the most common sorting algorithm", "the best-known discrete distribution": a
    sorting algorithm, a distribution -- the longest concept the rest of the name ends
    with), else the mention's own concept."""
    doc = ctx.sent.doc
    k = m.start
    while k < m.end - 1 and (
        doc[k].lower_ in rp.NON_RESTRICTIVE
        or doc[k].tag_ in {"JJS", "RBS", "HYPH"}
        or (doc[k].pos_ == "ADV" and doc[k + 1].tag_ in {"VBN", "HYPH"})
        or (doc[k].tag_ == "VBN" and k > m.start)  # "well-known", "widely used"
    ):
        k += 1
    if k == m.start:
        return m.concept
    return ctx.index.lookup(doc[k : m.end]) or m.concept


def _one_of(subject: Token) -> bool:
    """Is ``subject`` one more member of its class ("another common rock", "one
    important enzyme"), so that "S is Y" names a member Y of S's class?"""
    return any(
        (c.dep_ == "det" and c.lower_ == "another") or (c.dep_ == "nummod" and c.lower_ == "one")
        for c in subject.children
        if c.i < subject.i
    )


def _named_head(ctx: _Context, m: Mention) -> str | None:
    """The concept the last word of ``m``'s name names ("resource" for "reusable
    resource"), if the notes have it."""
    words = m.concept.split()
    head = ctx.index.find(words[-1]) if len(words) > 1 else None
    return head if head is not None and head != m.concept else None


def _restricted(subject: Token, x: str, y: str) -> bool:
    """Is ``subject`` (concept ``x``) a class narrowed by what follows it, so that "X
    that ... is a Y" defines the kind Y of X ("Any triangle that does not have a
    right angle is an oblique triangle")? A clause after a comma only describes X."""
    doc = subject.doc
    narrowed = any(
        c.dep_ in {"relcl", "acl"} and doc[c.left_edge.i - 1].text != ","
        for c in subject.children
        if c.i > subject.i and c.left_edge.i > 0
    )
    quantified = any(c.lower_ in {"any", "every", "each", "all"} for c in subject.children)
    return narrowed and (quantified or _head_word(y) == _head_word(x))


def _named(span: Span) -> bool:
    """Does ``span`` spell a name (an acronym, or capitalised words mid-sentence in a
    sentence that does not capitalise every word)?"""
    if is_acronym(span.text):
        return True
    words = [t for t in span.sent if t.is_alpha and not t.is_stop]
    title_case = len(words) > 1 and all(t.text[:1].isupper() for t in words)
    return (
        span.start > span.sent.start
        and not title_case
        and all(t.text[:1].isupper() for t in span if t.is_alpha)
    )


def _modifier_edges(ctx: _Context) -> Iterator[Relation]:
    """A concept naming the kind of a plural class right after it: "TCP (Transmission
    Control Protocol) transport protocols" gives TCP is_a transport protocol."""
    doc = ctx.sent.doc
    if ctx.sent.text.rstrip().endswith("?"):
        return  # "How do Supply Chain models work?" asks, states nothing
    for k, b in enumerate(ctx.found):
        if k == 0 or doc[b.end - 1].tag_ not in {"NNS", "NNPS"}:
            continue
        a = ctx.found[k - 1]
        same = [m for m in ctx.found[:k] if m.concept == a.concept]
        if not any(_named(doc[m.start : m.end]) for m in same):
            continue  # "gradient tensors" are tensors of gradients, not kinds of tensor
        # the tokens between are a's own gloss ("(Rectified Linear Unit)") or punctuation
        gap = [t for t in doc[a.end : b.start] if not t.is_punct]
        if a.concept == b.concept or gap or _head_word(b.concept) in rp.QUANTITY_HEADS:
            continue  # "elevated MSE values": the MSE's values, no kind of value
        if any(
            doc[m.start : m.end].root.dep_ in {"compound", "nmod", "amod"}
            and b.start <= doc[m.start : m.end].root.head.i < b.end
            for m in same
        ):
            yield Relation(a.concept, b.concept, "is_a", MODIFIER_CONFIDENCE, ctx.cited)


#: Determiners that point at one particular thing the notes show ("in this cell"): a
#: part of it is no part of the concept.
_POINTED = frozenset({"this", "that", "these", "those"})


def _part_phrase_edges(ctx: _Context) -> Iterator[Relation]:
    """A part named with its whole in a body sentence: "the forget gate of the LSTM",
    "the hidden state in an RNN", "the LSTM's cell state" (labelled
    :data:`COMPONENT_LABEL`: kept when the part's head names a part)."""
    doc = ctx.sent.doc
    for a, b in pairwise(ctx.found):
        between = [t for t in doc[a.end : b.start] if t.pos_ != "DET"]
        if a.concept == b.concept or len(between) != 1:
            continue
        if any(t.lower_ in _POINTED for t in doc[a.end : b.start]):
            continue  # "the nucleus in this cell": a particular one, no part of the concept
        if between[0].lower_ in _PART_PREPOSITIONS:
            part, whole = a.concept, b.concept
        elif between[0].tag_ == "POS":
            part, whole = b.concept, a.concept
        else:
            continue
        yield Relation(
            part, whole, "part_of", PART_PHRASE_CONFIDENCE, ctx.cited, label=COMPONENT_LABEL
        )


def _verb_edges(ctx: _Context, taken: set[int]) -> Iterator[Relation]:
    """A verb no cue knows, between a subject concept and an object concept."""
    doc = ctx.sent.doc
    for verb in ctx.sent:
        if verb.pos_ != "VERB" or verb.i in taken or verb.tag_ in {"VBN", "VBG"}:
            continue
        objects: list[str] = []
        for child in verb.children:
            if child.dep_ in {"dobj", "attr", "oprd"}:
                objects += _objects(ctx, child.left_edge.i, stop=child.i + 1)[:1]
            elif child.dep_ in {"prep", "agent"}:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        objects += _objects(ctx, pobj.left_edge.i, stop=pobj.i + 1)[:1]
        if not objects:
            # "controls how much of the incoming light is reflected"
            inside = {t.i for t in verb.subtree}
            later = [m for m in ctx.found if m.start > verb.i and m.end - 1 in inside]
            objects = [later[0].concept] if later else []
        if not objects:
            continue
        if _step_of_procedure(ctx, verb):
            # "## Integrated backup strategy / - Group the files into backup sets": what
            # a step of one way of doing things acts on, that way uses
            subjects = ctx.subjects[:1]
            for o in objects:
                if o not in subjects:
                    yield Relation(subjects[0], o, "uses", STEP_CONFIDENCE, ctx.cited)
            continue
        subjects, factor = _subject(ctx, doc[verb.i : verb.i + 1])
        cited = _label_line_cited(ctx, subjects, ctx.cited)
        label = verb.lower_
        for s in subjects:
            for o in objects:
                yield Relation(
                    s,
                    o,
                    "related_to",
                    round(VERB_CONFIDENCE * factor, 3),
                    cited,
                    label=label,
                )


#: Confidence of what a step of a procedure acts on, used by that procedure.
STEP_CONFIDENCE = 0.5


def _step_of_procedure(ctx: _Context, verb: Token) -> bool:
    """Is ``verb`` the verb a step in the imperative opens with, under a card about one
    way of doing things (:func:`_procedure_step`), not negated ("- Do not copy X")?"""
    doc = ctx.sent.doc
    return (
        verb.dep_ == "ROOT"
        and all(t.is_punct for t in doc[ctx.sent.start : verb.i])
        and not _denied(verb)
        and _procedure_step(ctx, verb)
    )


def _listed(index: ConceptIndex, segs: Sequence[tuple[Segment, Span]]) -> list[str]:
    """Concepts an answer lists: the concept each label or term line names ("Kiln shelf:
    ..."), and the items of a line that is only a short list. An item counts when a
    concept names all of it (an article and a gloss in parentheses aside): "De-bias
    datasets" lists no dataset; a line that names a class before its examples lists the
    class ("Enzymes e.g. amylase, lipase"). Where the answer's labels carry their text on
    their own line ("Nucleus: holds the DNA"), a bare label ("Membrane proteins:") heads
    what follows it, not an item (elsewhere it is one); and the lines after a bare label
    that names a concept, up to the next label, are that concept's own list, not the
    answer's ("Cold biome:" over "tundra", "taiga" under "What are some biome types?":
    the tundra is no answer)."""
    items: list[str] = []
    texted = any(_label_end(sent) is not None and not _bare(sent) for _, sent in segs)
    heading = False  # the lines after a bare label naming a concept are its own
    for seg, sent in segs:
        found = mentions(index, sent)
        doc = sent.doc
        label_end = _label_end(sent)
        if label_end is not None:
            heading = False
        if not found or (heading and label_end is None):
            continue
        if label_end is not None and _bare(sent):
            heading = _names_all(doc, found[0], sent.start, label_end)
            if texted:
                continue  # "Vector form:" over lines about the items above: a section's label
        if seg.is_term or (label_end is not None and _label_words(doc, sent.start, label_end) <= 6):
            head = found[0]
            end = label_end if label_end is not None else sent.end
            if _names_all(doc, head, sent.start, end):
                items.append(head.concept)
            continue
        if len(found) == 1 and _names_all(doc, found[0], sent.start, sent.end):
            items.append(found[0].concept)  # "Trial and error.": one name, not a list
            continue
        gloss = _naming_gloss(sent, found)
        if gloss is not None:  # "The steel cracks as it cools (called quench cracking)"
            items.append(gloss.concept)
            continue
        marker = next((t.i for t in sent if t.lower_ in _EXAMPLE_MARKS), None)
        if (
            marker is not None
            and _names_all(doc, found[0], sent.start, marker)
            and not any(t.tag_ in _FINITE_VERB_TAGS for t in sent)
        ):
            # "Enzymes e.g. amylase, lipase": the class; not a sentence whose subject has
            # examples ("The measures (like X) can be inconsistent": no item of a list)
            items.append(found[0].concept)
            continue
        words = [t for t in sent if not t.is_punct]
        parts = [p for p in _split_list(doc[sent.start : sent.end]) if p]
        if len(parts) >= 1 and all(len(p) <= 6 for p in parts) and len(words) <= 40:
            named = {k for m in found for k in range(m.start, m.end)}
            verbs = [
                t
                for t in sent
                if t.pos_ == "VERB"
                and t.tag_ not in {"VBG", "VBN"}
                and t.dep_ not in {"compound", "amod"}
                and t.i not in named  # "forget" in "forget gate"
            ]
            if verbs:
                continue
            for part, nxt in zip(parts, [*parts[1:], []], strict=True):
                if _shares_head(doc, part, nxt, found):
                    continue  # "erosion and flood control": erosion control is no concept
                inside = [m for m in found if part[0].i <= m.start and m.end - 1 <= part[-1].i]
                if len(inside) == 1 and _names_all(doc, inside[0], part[0].i, part[-1].i + 1):
                    items.append(inside[0].concept)
    return list(dict.fromkeys(items))


#: Words inside a gloss that say it names what the words before it describe ("(called
#: X)", "(also known as X)", "(i.e. X)").
_GLOSS_NAMING = frozenset("called known named termed also as i.e. ie aka a.k.a. or".split())
#: Tags of a finite verb: an item holding one is a clause, not the name of a thing.
_FINITE_VERB_TAGS = frozenset({"VBZ", "VBP", "VBD", "MD"})


def _naming_gloss(sent: Span, found: Sequence[Mention]) -> Mention | None:
    """The concept a parenthesis closing a list item names, when the words before it
    describe that concept rather than name it: "The steel cracks as it
    cools (called quench cracking)", "Heating the metal slowly (annealing)". The gloss holds one
    concept's whole name and nothing but naming words ("called", "also known as",
    "i.e."); an item that is a clause ("..., which loops (called X)") needs a naming
    word, one that is a phrase does not. A gloss that only qualifies ("(typically
    Gaussian)"), or an item a concept already names before its gloss, gives None."""
    doc = sent.doc
    toks = [t for t in sent if not t.is_space]
    while toks and toks[-1].is_punct and toks[-1].text != ")":
        toks.pop()
    if len(toks) < 4 or toks[-1].text != ")":
        return None
    close = toks[-1].i
    opening = next((t.i for t in reversed(toks[:-1]) if t.text in {"(", ")"}), None)
    if opening is None or doc[opening].text != "(" or opening - sent.start < 2:
        return None
    inner = [m for m in found if opening < m.start and m.end <= close]
    if len(inner) != 1 or any(m.start < opening and m.end > opening for m in found):
        return None
    gloss = inner[0]
    rest = [t for t in doc[opening + 1 : close] if not gloss.covers(t) and not t.is_punct]
    if any(t.lower_ not in _GLOSS_NAMING and not _article(t) for t in rest):
        return None
    naming = any(t.lower_ in _GLOSS_NAMING for t in rest)
    before = doc[sent.start : opening]
    if any(m.end <= opening and _names_all(doc, m, sent.start, opening) for m in found):
        return None  # "Crop rotation (CR)": the item names itself
    if any(t.text in EQUATION_SIGNS for t in before):
        return None  # "Density = mass per volume (kilograms)": a formula, its unit after it
    if not naming and any(t.tag_ in _FINITE_VERB_TAGS for t in before):
        return None  # "A filter slides over the image (convolution)": a clause about it
    return gloss


def _shares_head(
    doc: Doc, part: Sequence[Token], nxt: Sequence[Token], found: Sequence[Mention]
) -> bool:
    """Is the one-word list item ``part`` joined by "and"/"or" to a longer item ``nxt``
    that no concept names whole ("erosion and flood control")? The word may share that
    item's head (erosion control), so it names no item of its own; beside a named item
    ("erosion and sediment transport", both concepts) it stands alone."""
    if len(part) != 1 or len(nxt) < 2 or doc[part[0].i + 1].lower_ not in {"and", "or"}:
        return False
    if any(m.shared and m.covers(part[0]) for m in found):
        return False  # "upper and lower crust": the word already names upper crust
    return nxt[-1].pos_ == "NOUN" and not any(
        m.start <= nxt[0].i and nxt[-1].i < m.end for m in found
    )


def _label_end(sent: Span) -> int | None:
    """The colon that ends a short label opening ``sent`` ("Kiln shelf: ..."), or the dash
    with spaces around it that does ("Kiln shelf — ...", "Kiln shelf - ..."), or None."""
    colon = next((t.i for t in sent if t.text == ":" or _spaced_dash(t)), None)
    return colon if colon is not None and _label_words(sent.doc, sent.start, colon) <= 6 else None


def _label_words(doc: Doc, start: int, end: int) -> int:
    """How many tokens a label from ``start`` to its end ``end`` has, punctuation inside
    a word or a bracket left out ("First-come first-served (FCFS)": 5)."""
    return sum(1 for t in doc[start:end] if not t.is_punct)


def _spaced_dash(t: Token) -> bool:
    """Is ``t`` a dash set off by spaces, as a label's end ("Kiln shelf — ...")? A dash
    that joins two words ("on-line", "1990–2000") is none."""
    if t.text not in {"—", "–", "-", "--"} or t.i == 0:
        return False
    return bool(t.doc[t.i - 1].whitespace_) and bool(t.whitespace_)


def _bare(sent: Span) -> bool:
    """Does the label that opens ``sent`` end its line (nothing after the colon)?"""
    colon = _label_end(sent)
    if colon is None:
        return False
    rest = sent.doc.text[sent.doc[colon].idx + 1 :].lstrip(" \t")
    return not rest or rest[0] in "\r\n"


#: Words after an item's name that open its examples ("Enzymes e.g. amylase, lipase").
_EXAMPLE_MARKS = frozenset({"e.g.", "e.g", "eg", "such", "like", "including", "incl."})


def _names_all(doc: Doc, m: Mention, start: int, end: int) -> bool:
    """Does ``m`` name all of ``doc[start:end]``, but for articles, punctuation and a
    parenthesis?"""
    depth = 0
    for t in doc[start:end]:
        if t.text in {"(", "["}:
            depth += 1
        elif t.text in {")", "]"}:
            depth = max(0, depth - 1)
        elif not (depth or m.covers(t) or t.is_punct or _article(t) or t.is_space):
            return False
    return True


def _article(t: Token) -> bool:
    """Is ``t`` a determiner that leaves a name as it is ("the", "a"; not "no")?"""
    return t.pos_ == "DET" and t.lower_ not in {"no", "neither", "nor", "non"}


def _split_list(span: Span) -> list[list[Token]]:
    parts: list[list[Token]] = [[]]
    depth = 0
    for t in span:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and (t.text in {",", ";", "/"} or t.lower_ in {"and", "or"}):
            parts.append([])
        elif depth == 0 and not t.is_punct:
            parts[-1].append(t)
    return parts


def _list_edges(
    index: ConceptIndex,
    title: Sequence[tuple[Segment, Span]],
    body: Sequence[tuple[Segment, Span]],
    cues: Iterable[tuple[str, rp.Cue, Span]],
) -> Iterator[Relation]:
    """Card frames: a question naming a relation to X, answered by a list. ``title`` is
    the title's sentence in which each cue stands (a title may ask two questions)."""
    items, users = None, set()
    for relation, cue, span in cues:
        if cue.frame not in {"list", "svo"}:
            continue
        seg, sent = next(
            ((s, t) for s, t in title if t.doc is span.doc and t.start <= span.start < t.end),
            title[0],
        )
        found = [m for m in mentions(index, sent) if not is_meta(m.concept)]
        after = [m for m in found if m.start >= span.end]
        before = [m for m in found if m.end <= span.start]
        if cue.name in _OWN_NOUN_CUES and any(m.start <= span.start < m.end for m in found):
            # "the problems of X" kept as a concept of its own: X is what has them
            inner = mentions(index, sent.doc[span.end : sent.end])
            after = [m for m in inner if not is_meta(m.concept)]
            before = []
        # "RNN architectures?" may itself be a name of the RNN
        around = [m for m in found if m.start < span.start < m.end]
        anchor = next(iter(around + after[:1] + before[-1:]), None)
        if anchor is None:
            continue
        if cue.name == "applications_where" and not _sole_subject(sent.doc, anchor):
            continue  # "applications where small and large trees are useful": several
        if _asks_which(sent, span, anchor):
            continue  # "What are the X used for Y?": the answer names Xs, not uses
        if cue.name in _OWN_NOUN_CUES and _noun_not_asked(span[0]):
            continue  # "the solutions to the problems of X": the list holds solutions
        last = sent.doc[anchor.end - 1]
        if last.tag_ == "VBG" and any(c.dep_ == "dobj" for c in last.children):
            continue  # "the difficulties of training GANs": of the act on GANs, not of training
        if items is None:
            items = _listed(index, body) or _instances_listed(index, body)
            users = _labels_of_uses(index, body)
        kinds_of = _kinds_named_as_such(items, anchor.concept) if relation == "is_a" else None
        if len([i for i in kinds_of or items if i != anchor.concept]) < cue.min_items:
            continue
        evidence = Evidence(seg.card.source, seg.line_at(sent.start_char), sent.text.strip())
        # "What techniques serve best for X?": X, after "for", is what the items serve
        purpose = span[-1].lower_ == "for" and anchor.start >= span.end
        # "What does X use?": X does it to the items; "What causes X?": the items do it
        asked = cue.frame == "svo" and (anchor.start >= span.end) != cue.reverse
        for item in kinds_of or items:
            if item == anchor.concept:
                continue
            if relation == "used_for" and item in users:
                continue  # "Sprinkler irrigation: lawn care": a thing put to a use, no use
            if cue.name in _OWN_NOUN_CUES and _head_word(item) == _head_word(anchor.concept):
                continue  # "Problems with levees: weakened levees": a state of the thing
            if cue.name in _OWN_NOUN_CUES and _head_word(item).endswith(rp.QUALITY_SUFFIXES):
                continue  # "Drawbacks of kilns: fuel inefficiency": what the thing is
            forward = cue.reverse or purpose or asked
            if cue.frame == "svo" and not asked:
                forward = False
            source, target = (item, anchor.concept) if forward else (anchor.concept, item)
            line_ev = _line_naming(index, body, item)
            cited = [evidence, line_ev] if line_ev else [evidence, _evidence_of(*body[0])]
            yield Relation(source, target, relation, cue.confidence, cited, label=cue.label)
        kinds = [item for item in kinds_of or items if item != anchor.concept]
        if relation == "is_a" and len(kinds) == 2 and _counts_two(sent):
            # "the two types of X": set side by side; "Types of X" over two items only
            # lists them (more may exist), it sets neither against the other; cited by
            # the title and the lines that name the two sides
            lines = [_line_naming(index, body, kind) for kind in kinds]
            cited = [evidence, *dict.fromkeys(e for e in lines if e)]
            if len(cited) == 1:
                cited.append(_evidence_of(*body[0]))
            yield Relation(kinds[0], kinds[1], "contrasts_with", TWO_KINDS_CONFIDENCE, cited)


#: List cues opened by a noun that must be what the question asks for itself.
_OWN_NOUN_CUES = frozenset({"problems_of"})


def _noun_not_asked(noun: Token) -> bool:
    """Is the cue's noun ``noun`` not the thing a question asks for: the object of a
    preposition on another noun ("the solutions to the problems of X"), or joined to
    another noun ("the advantages and disadvantages of X": the list mixes both)?"""
    if noun.dep_ == "pobj" and noun.head.head.pos_ in {"NOUN", "PROPN"}:
        return True
    return noun.dep_ == "conj" or any(c.dep_ == "conj" for c in noun.children)


def _asks_which(sent: Span, span: Span, anchor: Mention) -> bool:
    """Does a question whose cue ends in a preposition name the cue's object itself,
    after the class it asks about ("What are the enzymes used for digestion?", "Which
    rocks are good for building?")? It asks which of the class serve that object: its
    answer lists members of the class, not what the class serves."""
    doc = sent.doc
    return (
        anchor.end <= span.start
        and span[-1].pos_ == "ADP"
        and span.end < sent.end
        and (doc[span.end].pos_ in {"NOUN", "PROPN", "ADJ"} or doc[span.end].tag_ == "VBG")
    )


def _line_naming(
    index: ConceptIndex, body: Sequence[tuple[Segment, Span]], concept: str
) -> Evidence | None:
    """The first sentence of ``body`` that names ``concept``."""
    return next(
        (
            Evidence(s.card.source, s.line_at(t.start_char), t.text.strip())
            for s, t in body
            if any(m.concept == concept for m in mentions(index, t))
        ),
        None,
    )


#: Words that count the kinds a title asks for as a pair ("the two types of X").
_TWO = frozenset({"two", "2"})


def _counts_two(sent: Span) -> bool:
    """Does the title ``sent`` count its kinds as two ("What are the two types of
    clouds?"), so that the two listed are the whole of the class, set side by side?"""
    return any(t.lower_ in _TWO for t in sent)


#: Words that open the instances of the noun before them ("methods such as A and B").
_INSTANCE_MARKS = frozenset({"as", "like", "including"})


def _instances_listed(index: ConceptIndex, body: Sequence[tuple[Segment, Span]]) -> list[str]:
    """The concepts an answer's first sentence lists as instances of its subject
    ("Methods such as A (a gloss) and B help ..."): an answer that is a sentence, not a
    list, names its items there. Glosses in parentheses are no items."""
    sent = body[0][1]
    doc = sent.doc
    for t in sent:
        if t.lower_ not in _INSTANCE_MARKS or t.dep_ != "prep" or t.head.dep_ not in _SUBJECT_DEPS:
            continue
        if t.lower_ == "as" and (t.i == sent.start or t.nbor(-1).lower_ != "such"):
            continue
        items: list[str] = []
        end = t.i + 1
        for m in mentions(index, doc[t.i + 1 : sent.end]):
            between = _outside_parens(doc, end, m.start)
            if _opened(doc, end, m.start):
                continue  # a concept inside a gloss
            if len(between) > (2 if not items else 3) or not all(
                b.lower_ in _LIST_GAP or _article(b) for b in between
            ):
                break
            items.append(m.concept)
            end = m.end
        return list(dict.fromkeys(items))
    return []


#: Words that ask for what a question's verb acts on ("What does X use?").
_ASKING_WORDS = frozenset({"what", "which"})


def _asks_for_objects(ctx: _Context, cue: rp.Cue, span: Span) -> bool:
    """Is ``span`` the verb of a question that asks what it acts on or what does it
    ("What does a hash table use?", "What causes soil erosion?"): one concept in the
    question, a "what"/"which" before the verb and none of it left to name after?
    The answer's list then names the other end of each relation."""
    if cue.frame != "svo" or not ctx.sent.text.rstrip().endswith("?"):
        return False
    words = [t for t in ctx.sent[: span.start - ctx.sent.start] if t.lower_ in _ASKING_WORDS]
    found = {m.concept for m in ctx.found if not is_meta(m.concept)}
    after = [m for m in ctx.found if m.start >= span.end]
    before = [m for m in ctx.found if m.end <= span.start]
    return bool(words) and len(found) == 1 and (not after or not before)


def _sole_subject(doc: Doc, m: Mention) -> bool:
    """Is ``m`` the whole subject of its clause ("where a hash table is useful"), not
    one of several nor a narrower thing ("where small and large trees are useful")?"""
    last = doc[m.end - 1]
    return (
        last.dep_ in _SUBJECT_DEPS
        and not any(c.dep_ in {"conj", "cc"} for c in last.children)
        and not _narrowed(doc, m)
        and not _compounded(doc, m)
    )


def _kinds_named_as_such(items: Sequence[str], cls: str) -> list[str] | None:
    """The items of a list of kinds of ``cls`` whose names end with its head, when two or
    more do ("Euclidean graph", "arbitrary graph" answering "types of graphs"): the other
    lines are no kinds of it ("Signal", "Adjacency matrix", in lines the answer runs on
    into); ``None`` when fewer do."""
    head = _head_word(cls)
    named = [i for i in items if i != cls and _head_word(i) == head]
    return named if len(named) >= 2 else None


#: A list item: a bullet or a number at the start of a body line.
_ITEM_MARK = re.compile(r"^(\s*)(?:[•◦▪‣●○■□➢➤►\-*+–]|\(?\d{1,2}[.)])\s+")
#: Labels that introduce a list by saying what its items are to the card's subject.
INTRO_LABELS: dict[str, tuple[str, bool]] = {
    # label word -> (relation, items are the source)
    "examples": ("example_of", True),
    "example": ("example_of", True),
    "e.g.": ("example_of", True),
    "instances": ("example_of", True),
    "types": ("is_a", True),
    "kinds": ("is_a", True),
    "variants": ("is_a", True),
    "components": ("part_of", True),
    "parts": ("part_of", True),
    "elements": ("part_of", True),
    "stages": ("part_of", True),  # the stages of a process are its parts
    "phases": ("part_of", True),
    "steps": ("part_of", True),
    "applications": ("used_for", False),
    "uses": ("used_for", False),
    # what brings the card's subject about, what remedies it, what it brings about
    "causes": ("causes", True),
    "treatment": ("addresses", True),
    "treatments": ("addresses", True),
    "prevention": ("addresses", True),
    "effects": ("causes", False),
    "consequences": ("causes", False),
    "complications": ("causes", False),
    "symptoms": ("causes", False),
    "opposite": ("contrasts_with", True),
}
#: Confidence of an edge from a list and the line that introduces it.
INTRO_CONFIDENCE = 0.7


def _label_word_cue(span: Span) -> bool:
    """Is a cue's match a label word opening its line before a colon ("Causes:", "Uses:"
    -- :data:`INTRO_LABELS`), a noun naming what the list after it holds, no verb?"""
    sent = span.sent
    doc = span.doc
    return (
        span.end < len(doc)
        and doc[span.end].text == ":"
        and span[-1].lower_ in INTRO_LABELS
        and all(t.is_punct for t in doc[sent.start : span.start])
    )


def _inline_label_edges(
    index: ConceptIndex, seg: Segment, sent: Span, about: Sequence[str], found: list[Mention]
) -> Iterator[Relation]:
    """A body line "Label: A, B" whose label (one or two words) ends with a word of
    :data:`INTRO_LABELS` ("Causes: smoking, radon", "Main types: A and B"): each item a
    concept names whole stands to the card's subject as the label says."""
    if seg.is_title:
        return
    doc = sent.doc
    colon = next((t.i for t in sent if t.text == ":"), None)
    if colon is None:
        return
    label = [t for t in doc[sent.start : colon] if not t.is_punct]
    anchors = list(about)
    if len(label) > 2 and label[1].lower_ == "of" and label[0].lower_ in INTRO_LABELS:
        # "Causes of inflation: A, B": of the concept the label names in full
        named = [m for m in found if m.end <= colon]
        if len(named) != 1 or not _names_all(doc, named[0], label[2].i, colon):
            return
        anchors, label = [named[0].concept], label[:1]
    counted = (  # "There are two kinds: A and B"
        len(label) == 4
        and [t.lower_ for t in label[:2]] in (["there", "are"], ["there", "is"])
        and label[2].like_num
        and label[3].lower_ in INTRO_LABELS
    )
    if counted:
        label = label[3:]
    if not 1 <= len(label) <= 2 or label[-1].lower_ not in INTRO_LABELS:
        return
    if any(t.pos_ in {"PRON", "AUX"} for t in label):
        return  # "It uses: A, B": a clause, no label
    relation, items_first = INTRO_LABELS[label[-1].lower_]
    items = []
    for part in _split_list(doc[colon + 1 : sent.end]):
        inside = [m for m in found if part and part[0].i <= m.start and m.end - 1 <= part[-1].i]
        if len(inside) == 1 and _names_all(doc, inside[0], part[0].i, part[-1].i + 1):
            items.append(inside[0].concept)
    if counted:
        # kinds of what the sentence before is about, when each item's name ends with
        # its name's head ("Kilns fire pots. There are two kinds: gas and electric kilns")
        anchors = [a for a in _subject_before(index, sent) if a not in items]
        if not items or not all(_head_word(i) == _head_word(a) for i in items for a in anchors):
            return
    cited = [Evidence(seg.card.source, seg.line_at(sent.start_char), sent.text.strip())]
    if counted:  # the sentence before names the class: cited with the list
        previous = doc[sent.start - 1].sent
        line = seg.line_at(previous.start_char)
        cited = [Evidence(seg.card.source, line, previous.text.strip()), *cited]
    for item in dict.fromkeys(items):
        for anchor in anchors:
            if item != anchor:
                source, target = (item, anchor) if items_first else (anchor, item)
                yield Relation(source, target, relation, INTRO_CONFIDENCE, cited)


def _subject_before(index: ConceptIndex, sent: Span) -> list[str]:
    """The concept the sentence before ``sent`` (in its paragraph) has as its subject,
    named whole ("Gas kilns fire fast. ..."), or nothing."""
    if sent.start == 0:
        return []
    previous = sent.doc[sent.start - 1].sent
    subject = next((c for c in previous.root.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None:
        return []
    m = next((m for m in mentions(index, previous) if m.covers(subject)), None)
    return [m.concept] if m is not None and m.end - 1 == subject.i else []


#: Words before the colon after a plural class that make its list the class's kinds:
#: "The most common igneous rocks are:", "Preservation techniques include:".
_KINDS_VERBS = frozenset({"are", "include", "includes", "including", "is"})


def _item_depths(card) -> dict[int, int]:
    """File line of each list item in a card's body -> its depth (0 at the top)."""
    if card.items:
        return {card.line_of(item.start): item.depth for item in card.items}
    depths = {}
    for line, raw in zip(card.body_lines or (), card.body.splitlines(), strict=False):
        if m := _ITEM_MARK.match(raw):
            depths[line] = len(m.group(1).expandtabs(4)) // 2
    return depths


def _intro_items(
    sents: Sequence[tuple[Segment, Span]], at: int, depths: dict[int, int], nested: bool = False
) -> list[tuple[Segment, Span]]:
    """The list items after the line ``sents[at]`` introduces: the first sentence of each
    following item line, up to the first line that is no item, is shallower than the
    introducing item, or introduces a list of its own at the same depth. With ``nested``
    (an item whose sub-items are its list), up to the first line as shallow as it."""
    seg = sents[at][0]
    depth = depths.get(seg.line, -1)
    items: list[tuple[Segment, Span]] = []
    seen = {id(seg)}
    parents = _item_parents(seg.card)
    for item_seg, sent in sents[at + 1 :]:
        if id(item_seg) in seen:
            continue
        seen.add(id(item_seg))
        d = depths.get(item_seg.line)
        if d is None or d < depth or (nested and d <= depth):
            break
        if d <= depth and item_seg.text.rstrip().endswith(":") and items:
            break
        first = items[0][0] if items else None
        if (
            first is not None
            and d == depths.get(first.line)
            and parents.get(item_seg.line) != parents.get(first.line)
        ):
            break  # "1. A / 2. B" then "- C": a list of its own after the one introduced
        items.append((item_seg, sent))
    return items


def _item_parents(card) -> dict[int, int]:
    """File line of each list item in a card's body -> the body offset of the line it
    belongs to (:attr:`ListItem.parent`; -1 for none)."""
    return {card.line_of(item.start): item.parent for item in card.items}


def _intro_list_edges(
    index: ConceptIndex,
    sents: Sequence[tuple[Segment, Span]],
    intros: dict[int, list[tuple[str, rp.Cue, Span]]],
    about: list[str],
    term_cards: Sequence[Card] = (),
) -> Iterator[Relation]:
    """A line that ends with a colon and says what the list after it holds: "Examples:",
    "Types of X:", "The components of X are:", "X consists of:", "The most common
    igneous rocks are:". Each listed concept is related to the line's anchor (the
    concept the line names, else the card's subject), citing the line and the item.
    When the line ends the card and no item follows it, the list is ``term_cards``: the
    term cards nested under the card's heading (a glossary or a two-column table)."""
    depths = _item_depths(sents[0][0].card)
    for at, cues in intros.items():
        seg, sent = sents[at]
        nested = not sent.text.rstrip().endswith(":") and _parent_item(sents, at, depths)
        items = _intro_items(sents, at, depths, nested)
        last = at == len(sents) - 1
        if not items and not (last and term_cards):
            continue
        first = not any(not s.is_title for s, _ in sents[:at])  # the answer's first line
        frame = _intro_frame(index, seg, sent, cues, about, first)
        if frame is None:
            continue
        relation, anchors, items_first, label = frame
        if relation == "part_of" and not label:
            label = rp.PARTS_STATED  # "The components of X are:", "X consists of:"
        intro = Evidence(seg.card.source, seg.line_at(sent.start_char), sent.text.strip())
        listed = [
            (concept, Evidence(s.card.source, s.line, t.text.strip()))
            for s, t in items
            for concept in (
                _listed(index, [(s, t)])
                or (_done_with(index, t) if relation in _MEANS_RELATIONS else [])
            )[:4]
        ]
        if not items:  # the list is the term cards under this card's heading
            listed = [
                (concept, Evidence(card.source, card.title_line, card.title))
                for card in term_cards
                for concept in index.subjects(card)[:1]
            ]
        # an anchor the list itself holds is one of the members the line names ("sloop and
        # ketch rigs are the two common kinds" over "- Sloop rig: ..." / "- Ketch rig:
        # ..."), not what they are kinds or parts of
        members = {concept for concept, _ in listed}
        for concept, item in listed:
            for anchor in anchors:
                if concept != anchor and anchor not in members:
                    source, target = (concept, anchor) if items_first else (anchor, concept)
                    yield Relation(
                        source, target, relation, INTRO_CONFIDENCE, [intro, item], label=label
                    )


def _done_with(index: ConceptIndex, sent: Span) -> list[str]:
    """The concept an item that is an instruction acts with ("Keep a planner", "Plant
    cover crops"): one word the tagger may read as a verb or a noun ("Build" in "Build
    terraces" is often tagged a noun), then a concept named in full. Under "Ways to
    prevent X:" the item is a way, and what it acts with does."""
    words = [t for t in sent if not t.is_punct]
    if len(words) < 2 or words[0].pos_ not in {"VERB", "NOUN", "PROPN"}:
        return []
    found = [m for m in mentions(index, sent) if m.start > words[0].i]
    if len(found) == 1 and _names_all(sent.doc, found[0], words[0].i + 1, sent.end):
        return [found[0].concept]
    return []


#: Relations a line naming ways to do something gives each listed way ("Ways to prevent
#: X:" over A and B: A addresses X).
_MEANS_RELATIONS = frozenset({"addresses", "used_for"})


def _means_of(span: Span) -> bool:
    """Does the cue's verb say what a way of doing something does ("ways to prevent",
    "strategies for avoiding", "how to tackle"), with no subject of its own? A cue that
    opens with the noun for the means ("ways to improve") is read from its verb."""
    tok = _cue_verb(span)
    for _ in range(3):
        if any(c.dep_ in _SUBJECT_DEPS for c in tok.children):
            return False
        if any(c.lower_ == "how" and c.i < tok.i for c in tok.children):
            return True  # "How to avoid X"
        if tok.dep_ not in {"pcomp", "acl", "relcl", "xcomp", "advcl", "prep", "pobj"}:
            return False
        tok = tok.head
        if tok.lower_ in rp.MEANS_INTRO_NOUNS and tok.pos_ in {"NOUN", "ADV"}:
            return True
    return False


#: Most words of a list item whose sub-items may be the list it introduces ("- Ways to
#: prevent X" over "- A", "- B"); a longer item says something of its own.
PARENT_ITEM_WORDS = 8


def _parent_item(sents: Sequence[tuple[Segment, Span]], at: int, depths: dict[int, int]) -> bool:
    """Is ``sents[at]`` a short list item, the whole of its line, whose next line is an
    item nested under it?"""
    seg, sent = sents[at]
    depth = depths.get(seg.line)
    if depth is None or at + 1 >= len(sents) or sent.end != sent.doc[-1].i + 1:
        return False
    if sum(not t.is_punct for t in sent) > PARENT_ITEM_WORDS or sent.start != 0:
        return False
    nxt = depths.get(sents[at + 1][0].line)
    return nxt is not None and nxt > depth


#: Most words of the subject before an opener set off by commas ("Meiosis, on the other
#: hand, ...").
CONTRAST_SUBJECT_WORDS = 4


def _contrast_opener(sent: Span) -> bool:
    """Does ``sent`` open with words that set it against the sentence before ("In
    contrast, ...", :data:`rp.CONTRAST_OPENERS`), or set them off by commas after its
    subject ("Meiosis, on the other hand, produces four")?"""
    words = tuple(t.lower_ for t in sent[: CONTRAST_SUBJECT_WORDS + 7])
    # a comma closes the opener: "In contrast to X, Y ..." is read by the cue tables
    if any(words[: len(o) + 1] == (*o, ",") for o in rp.CONTRAST_OPENERS):
        return True
    for k in range(1, min(CONTRAST_SUBJECT_WORDS, len(sent) - 1) + 1):
        if words[k] != "," or sent[k - 1].dep_ not in _TOPIC_DEPS:
            continue
        if any(words[k + 1 : k + len(o) + 2] == (*o, ",") for o in rp.CONTRAST_OPENERS):
            return True
    return False


def _semicolon_contrast(sent: Span) -> int | None:
    """The semicolon of a sentence whose second clause is set against its first ("X
    produces two cells; Y, on the other hand, produces four"), else None."""
    for tok in sent:
        if (
            tok.text == ";"
            and tok.i + 1 < sent.end - 1
            and _contrast_opener(sent.doc[tok.i + 1 : sent.end])
        ):
            return tok.i
    return None


def _main_subject(index: ConceptIndex, sent: Span, found: Sequence[Mention]) -> Mention | None:
    """The concept that names the last subject of ``sent`` in full, if any."""
    for tok in reversed(sent):
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.pos_ in {"NOUN", "PROPN"}:
            m = next((m for m in found if m.start <= tok.i < m.end), None)
            if m is None or m.end - 1 != tok.i or is_meta(m.concept):
                return None
            return None if _narrowed(sent.doc, m) or _compounded(sent.doc, m) else m
    return None


def _opposed_edges(
    index: ConceptIndex,
    before: tuple[Segment, Span],
    this: tuple[Segment, Span],
    found: Sequence[Mention],
) -> Iterator[Relation]:
    """ "In contrast, Y ..." after a sentence about X: Y contrasts_with X, citing both. Y
    is the subject of its sentence; X the last concept the sentence before names whose
    name ends with the same noun ("aerobic respiration ... In contrast, anaerobic
    respiration"), else that sentence's subject."""
    (seg0, sent0), (seg1, sent1) = before, this
    y = _main_subject(index, sent1, found)
    if y is None:
        return
    found0 = mentions(index, sent0)
    head = _head_word(y.concept)
    alike = [m for m in found0 if m.concept != y.concept and _head_word(m.concept) == head]
    x = alike[-1] if alike else _main_subject(index, sent0, found0)
    if x is None or x.concept == y.concept or is_meta(x.concept):
        return
    cited = [_evidence_of(seg0, sent0), _evidence_of(seg1, sent1)]
    yield Relation(y.concept, x.concept, "contrasts_with", rp.CONTRAST_OPENER_CONFIDENCE, cited)


#: Confidence of "V ... . This is done using X": X used_for the act named by V-ing.
DONE_WITH_CONFIDENCE = 0.6
#: Confidence of a means the reader brings in by a fronted "by" for an act the clause
#: does ("By adding a buffer, we can smooth the signal").
FRONTED_MEANS_CONFIDENCE = 0.6


def _done_with_edges(
    index: ConceptIndex,
    before: tuple[Segment, Span],
    this: tuple[Segment, Span],
    found: Sequence[Mention],
) -> Iterator[Relation]:
    """ "We sort the records. This is done using merge sort." (also "is achieved /
    performed / carried out by / with / through X"): X is used for the act the
    sentence before does, when the notes name that act by its gerund ("sorting"),
    citing both sentences."""
    (seg0, sent0), (seg1, sent1) = before, this
    done = next(
        (
            t
            for t in sent1
            if t.tag_ == "VBN"
            and t.lower_ in rp.DONE_VERBS
            and any(c.dep_ == "nsubjpass" and c.lower_ in {"this", "that"} for c in t.children)
        ),
        None,
    )
    if done is None or _denied(done):
        return
    means = [
        c
        for c in done.children
        if (c.dep_ in {"advcl", "xcomp"} and c.lower_ == "using")
        or (c.dep_ in {"prep", "agent"} and c.lower_ in {"by", "with", "through", "via", "using"})
    ]
    if not means:
        return
    inside = {t.i for c in means for t in c.subtree}
    users = [m for m in found if m.start in inside and not _modifies_other(sent1.doc, m)]
    act = _act_of(index, sent0)
    if act is None or not users:
        return
    cited = [_evidence_of(seg0, sent0), _evidence_of(seg1, sent1)]
    for m in users:
        if m.concept != act:
            yield Relation(m.concept, act, "used_for", DONE_WITH_CONFIDENCE, cited)


def _fronted_means_edges(ctx: _Context) -> Iterator[Relation]:
    """ "By adding a buffer, we can smooth the signal", "by making mnemonic groups, you
    can chunk the list": what the reader brings in by a fronted "by" (a gerund of
    :data:`rp.MAKING_VERBS` and its objects that concepts name in full) is used for the
    act each of the clause's verbs does, when the notes name that act by its gerund
    ("smoothing", "chunking"). Only the reader's own act (we / you / one): a concept
    doing it keeps the means to itself."""
    from lemminflect import getInflection

    doc = ctx.sent.doc
    by = doc[ctx.sent.start]
    if by.lower_ != "by" or by.dep_ != "prep":
        return
    gerund = next((c for c in by.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
    verb = by.head
    if gerund is None or gerund.lower_ not in rp.MAKING_VERBS or verb.pos_ != "VERB":
        return
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None or subject.lower_ not in _USER_PRONOUNS:
        return
    inside = {t.i for t in gerund.subtree}
    means = [
        m
        for m in ctx.found
        if m.start in inside
        and m.end - 1 in inside
        and doc[m.end - 1].dep_ in {"dobj", "conj"}
        and not _narrowed(doc, m)
    ]
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    for act_verb in verbs:
        if _denied(act_verb):
            continue
        act = next(
            (
                found
                for form in getInflection(_verb_base(act_verb), tag="VBG") or ()
                if (found := ctx.index.find(form)) is not None
            ),
            None,
        )
        for m in means:
            if act is not None and m.concept != act:
                yield Relation(m.concept, act, "used_for", FRONTED_MEANS_CONFIDENCE, ctx.cited)


def _act_of(index: ConceptIndex, sent: Span) -> str | None:
    """The concept naming by its gerund the act a sentence's main verb does ("We sort
    the records": sorting; "Let's knead the dough": kneading), or None."""
    from lemminflect import getInflection

    verb = sent.root
    if verb.lower_ in {"let", "lets", "let's"}:
        verb = next((c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}), verb)
    if verb.pos_ != "VERB" or _denied(verb):
        return None
    for gerund in getInflection(_verb_base(verb), tag="VBG") or ():
        if (found := index.find(gerund)) is not None:
            return found
    return None


def _counted(sent: Span) -> Token | None:
    """The plural noun a number counts at the end of a sentence that introduces a list
    ("A heart composed of four chambers with different roles"), or None."""
    for t in sent:
        counts = t.dep_ == "nummod" and t.like_num and t.lower_ not in {"one", "1"}
        if counts and t.head.tag_ in {"NNS", "NNPS"} and t.head.i > t.i:
            return t.head
    return None


def _nested_term_cards(segments: Iterable[Segment]) -> dict[tuple[str, int], list[Card]]:
    """(source, heading line) -> the term cards whose innermost section is that heading."""
    nested: dict[tuple[str, int], list[Card]] = defaultdict(list)
    seen: set[str] = set()
    for seg in segments:
        card = seg.card
        if seg.is_heading or card.id in seen:
            continue
        seen.add(card.id)
        if card.title_kind == "term" and card.section_lines:
            nested[(card.source, card.section_lines[-1])].append(card)
    return nested


def _card_sentences(
    index: ConceptIndex, reading: _Reading | None = None
) -> Iterator[list[tuple[Segment, Span]]]:
    """The sentences of each card (headings left out), one list per card in the order of
    the notes, read a card at a time: a card's segments follow each other
    (:func:`extraction.concepts.segments_of`), so only one card's documents are held.
    Each document is handed to ``reading`` as it is read (:meth:`_Reading.read`)."""
    card_id = None
    sents: list[tuple[Segment, Span]] = []
    for seg, sent in _literal_sentences(index, reading):
        if seg.is_heading:
            continue
        if seg.card.id != card_id and sents:
            yield sents
            sents = []
        card_id = seg.card.id
        sents.append((seg, sent))
    if sents:
        yield sents


def _named_after_cue(index: ConceptIndex, found: Sequence[Mention], span: Span) -> list[str]:
    """The concept that the words after a cue name when the cue stands inside a longer
    concept's name ("Ways to avoid burnout" kept as a concept of its own names burnout
    after "avoid"), else nothing."""
    doc = span.doc
    for m in found:
        if m.start <= span.start and span.end < m.end:
            concept = index.find(doc[span.end : m.end].text)
            return [concept] if concept is not None and concept != m.concept else []
    return []


def _intro_frame(
    index: ConceptIndex,
    seg: Segment,
    sent: Span,
    cues: list[tuple[str, rp.Cue, Span]],
    about: list[str],
    first: bool = False,
) -> tuple[str, list[str], bool, str] | None:
    """What a list's introducing line says its items are: ``(relation, anchors, items
    are the source, label)``, or None. ``first``: the line opens the card's answer, so
    that a bare plural naming the card's subject by its head word restates it ("What
    defence strategies work? -- Strategies include:": kinds of the strategies)."""
    found = [m for m in mentions(index, sent) if not is_meta(m.concept)]
    colon = sent.end - 1
    for relation, cue, span in cues:
        if cue.frame == "list":  # "Types of X:", "Applications of X:"
            if span.root.dep_ == "pobj" and span.root.head.lower_ != "of":
                continue  # "Problems caused by deep architectures:": no architectures listed
            after = [m for m in found if span.end <= m.start < colon]
            before = [m for m in found if m.end <= span.start]
            around = [m for m in found if m.start < span.start < m.end]
            if not (around or after) and _names_another(sent.doc[span.end : colon], about):
                return None  # "Types of manner:" under "Phonetics": kinds of no concept
            anchor = next(iter(around + after[:1] + before[-1:]), None)
            anchors = [anchor.concept] if anchor else list(about)
            return (relation, anchors, cue.reverse, cue.label) if anchors else None
    for relation, cue, span in cues:
        # "Ways to prevent X:", "How to avoid X": each item is a way, and does what it does
        if cue.frame == "svo" and not cue.reverse and _means_of(span):
            after = [m.concept for m in found if m.start >= span.end]
            after = after or _named_after_cue(index, found, span)
            if after and relation in _MEANS_RELATIONS:
                return relation, [after[0]], True, cue.label
    counted = _counted(sent)
    for relation, cue, span in cues:
        # "An LSTM consists of:", "Activation functions such as:", "A GAN is composed of
        # two networks" (a count of what the list names): the cue's objects are the items
        after = [m for m in found if m.start >= span.end]
        if counted is not None and relation == "part_of" and cue.frame == "svo":
            after = [m for m in after if not (m.start <= counted.i < m.end)]
            after = [m for m in after if m.start > counted.i] if counted.i >= span.end else after
        if cue.frame not in {"svo", "kinds"} or after or _label_word_cue(span):
            continue
        if cue.frame == "kinds":
            before = [m for m in found if m.end <= span.start]
            if before and sent.doc[before[-1].end - 1].tag_ in {"NNS", "NNPS"}:
                if _generic_fragment(sent.doc, before[-1]):
                    return None  # "other soil sampling methods, such as:": no "method"
                return relation, [before[-1].concept], True, cue.label
            continue
        ctx = _Context(index, seg, sent, found, about, Evidence("", 0, ""), first)
        subjects, _ = _subject(ctx, span)
        restated = _dep_subject(_verb_of(span))
        if (
            cue.plural_relation
            and first
            and restated is not None
            and _restates_subject(restated, about)
            and subjects == about
        ):
            relation = cue.plural_relation  # "Methods include:" under "What methods ...?"
        if subjects:
            return relation, subjects, cue.reverse, cue.label
    words = [t.lower_ for t in sent if not t.is_punct]
    if len(words) <= 2 and words and words[-1] in INTRO_LABELS and about:
        relation, items_first = INTRO_LABELS[words[-1]]  # "Examples:", "Main types:"
        return relation, list(about), items_first, ""
    if found and not cues:
        last = found[-1]
        verbs = {t.lower_ for t in sent.doc[last.end : colon]}
        plural = sent.doc[last.end - 1].tag_ in {"NNS", "NNPS"}
        if plural and verbs and verbs <= _KINDS_VERBS | {"the", "following"}:
            return "is_a", [last.concept], True, ""
    return None


def _names_another(words: Span, about: Sequence[str]) -> bool:
    """Do ``words``, what a list's cue says it lists ("Types of **glaze**:"), name a
    noun that is no head word of the card's subjects ``about``? Then the list holds
    kinds of that, not of the subject: under "Pottery", "Types of glaze:" lists no kind
    of pottery, while "Types of wares:" under "Stoneware" does (the same head word).

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Types of glaze:"]))
    >>> _names_another(doc[2:3], ["pottery"]), _names_another(doc[2:3], ["ash glaze"])
    (True, False)
    >>> _names_another(doc[2:2], ["pottery"])
    False
    """
    heads = {singular(c.split()[-1].lower()) for c in about if c.split()}
    nouns = [t for t in words if t.pos_ in {"NOUN", "PROPN"}]
    return bool(nouns) and singular(nouns[-1].lower_) not in heads


#: Confidence of an item of a list under a title that names a plural class ("The
#: Conditions for Combustion" over "Fuel supply. ...", "Ignition heat. ...").
CLASS_LIST_CONFIDENCE = 0.65
#: Fewest items a list under a class title must name for them to be its kinds.
CLASS_LIST_MIN = 2


def _title_class(index: ConceptIndex, title: Span) -> str | None:
    """The plural class a title names and nothing more ("The Conditions for Combustion",
    "Sedimentary rocks"), or None: a question, a verb or a word outside the name
    says something else."""
    words = [t for t in title if not t.is_punct]
    if not words or any(t.pos_ in {"VERB", "AUX", "PRON"} for t in words):
        return None
    if title.text.rstrip().endswith("?"):
        return None
    found = mentions(index, title)
    if len(found) != 1 or is_meta(found[0].concept):
        return None
    m = found[0]
    if not _names_all(title.doc, m, title.start, title.end):
        return None
    head = title.doc[m.start : m.end].root
    return m.concept if head.tag_ in {"NNS", "NNPS"} else None


_PREPOSITION_WORDS = frozenset("for of in on with to about by from".split())


def _names_class(line: str, word: str) -> bool:
    """Does ``line`` name the class whose head is ``word`` as a thing of its own ("Three
    conditions of policy ..."), not as what something else is about ("guidelines for
    pruning")?"""
    words = re.findall(r"[a-z]+", line)
    return any(
        singular(w) == word and (k == 0 or words[k - 1] not in _PREPOSITION_WORDS)
        for k, w in enumerate(words)
    )


def _line_at(text: str, offset: int, *, lower: bool = True) -> str:
    """The line of ``text`` that starts at ``offset`` (lower-cased unless not
    ``lower``)."""
    end = text.find("\n", offset)
    line = text[offset : end if end >= 0 else len(text)]
    return line.lower() if lower else line


def _class_list_edges(
    index: ConceptIndex, title: tuple[Segment, Span], body: Sequence[tuple[Segment, Span]]
) -> Iterator[Relation]:
    """A title that names a plural class over a list whose items each open with a
    concept's name ("The Conditions for Combustion" over "Fuel supply. Something must
    burn ...", "Ignition heat. ..."): each item is a kind of the class, citing the
    title and the item. Items that open with a phrase no concept names in full, or a
    list with fewer than :data:`CLASS_LIST_MIN` named items, say nothing; so does a
    list whose introducing line does not name the class again (the title alone is no
    evidence), unless its items' names end with the class's word ("Enzymes" over
    "Digestive enzymes break down ...", "Metabolic enzymes: ...")."""
    seg, sent = title
    cls = _title_class(index, sent)
    card = seg.card
    if cls is None or not card.items:
        return
    # the items of a list whose introducing line names the class again ("Three
    # conditions of contract must be met ...:"): the title alone says nothing
    word = _head_word(cls)
    intros = {
        item.parent
        for item in card.items
        if item.parent >= 0 and _names_class(_line_at(card.body, item.parent), word)
    }
    parents = {item.parent for item in card.items}
    top = {  # an item that heads a list of its own is a heading, not a kind
        card.line_of(item.start): item.parent
        for item in card.items
        if item.parent in intros and item.start not in parents
    }
    # top-level items that are no heading of a list of their own may name themselves as
    # kinds of the class ("Enzymes" over "Digestive enzymes: ...", "Metabolic enzymes:
    # ..."): their names end with the class's word
    loose = {
        card.line_of(item.start)
        for item in card.items
        if item.depth == 0 and item.parent not in intros and item.start not in parents
    }
    named: list[tuple[str, Evidence, int]] = []
    self_named: list[tuple[str, Evidence]] = []
    seen: set[int] = set()
    for item_seg, item_sent in body:
        if item_seg.line in seen or item_seg.line not in top.keys() | loose:
            continue
        seen.add(item_seg.line)  # the item's first sentence only
        if item_seg.line not in top:
            opening = next(iter(mentions(index, item_sent)), None)
            if (
                opening is not None
                and opening.start == item_sent.start
                and opening.concept != cls
                and _head_word(opening.concept) == word
                and not _PREPOSITION_WORDS & set(cls.split())  # "problems with enzymes"
            ):  # "Digestive enzymes break ...": the item opens with a kind's name
                self_named.append((opening.concept, _evidence_of(item_seg, item_sent)))
            continue
        listed = _listed(index, [(item_seg, item_sent)])
        if len(listed) == 1 and listed[0] != cls and not is_meta(listed[0]):
            named.append((listed[0], _evidence_of(item_seg, item_sent), top[item_seg.line]))
    head = Evidence(card.source, seg.line_at(sent.start_char), sent.text.strip())
    if len({c for c, _ in self_named}) >= CLASS_LIST_MIN:
        for concept, item in self_named:
            yield Relation(concept, cls, "is_a", CLASS_LIST_CONFIDENCE, [head, item])
    if len({c for c, _, _ in named}) < CLASS_LIST_MIN:
        return
    for concept, item, parent in named:
        text = _line_at(card.body, parent, lower=False).strip()
        cited = [head, Evidence(card.source, card.line_of(parent), text), item]
        yield Relation(concept, cls, "is_a", CLASS_LIST_CONFIDENCE, cited)


#: A question asking what things are good for: its answer's labels are the things.
_APPLICATIONS = re.compile(
    r"\b(?:applications?|use[- ]cases?|used (?:for|in)|useful (?:for|in)|good for)\b",
    re.IGNORECASE,
)


def _label_of_uses(
    index: ConceptIndex, doc: Doc
) -> tuple[list[Mention], list[Mention], int] | None:
    """A line opening with a label a concept names, followed by a short phrase with no
    verb or by nothing ("Hand pump: village wells", "Drip line:"): the label's
    mentions, the line's mentions and the colon's index; None for any other line
    ("Compression: the encoder reduces ..." explains its label)."""
    colon = next((t.i for t in doc if t.text == ":"), None)
    if colon is None or colon > 6:
        return None
    found = mentions(index, doc[:])
    label = [m for m in found if m.end <= colon and m.start <= 1]
    rest = doc[colon + 1 :]
    # a verb a concept's name holds ("poster printing") is a name, not a clause
    verbs = [t for t in rest if t.pos_ in {"VERB", "AUX"} and not any(m.covers(t) for m in found)]
    if not label or len(rest) > 12 or verbs:
        return None
    return label, found, colon


def _labels_of_uses(index: ConceptIndex, body: Sequence[tuple[Segment, Span]]) -> set[str]:
    """The concepts that label lines naming their uses in an answer about applications
    ("Sprinkler irrigation: lawn care", :func:`_application_edges`): each is a thing put
    to the uses after it, not itself a use of the thing asked about."""
    docs = {id(seg): sent.doc for seg, sent in body}
    labels = set()
    for seg in dict.fromkeys(seg for seg, _ in body):
        labelled = _label_of_uses(index, docs[id(seg)])
        if labelled is not None:
            labels.add(labelled[0][0].concept)
    return labels


def _application_edges(
    index: ConceptIndex, title: tuple[Segment, Span], body: Sequence[tuple[Segment, Span]]
) -> Iterator[Relation]:
    """Label lines answering a question about applications: "Hand pump: village
    wells" gives ``hand pump used_for village well``; a bare label over a list
    ("Drip line:" over "1. orchards", "2. vineyards") gives a use for each item a
    concept names in full, citing the item too."""
    docs = {id(seg): sent.doc for seg, sent in body}  # a body line's sentences share its doc
    depths = _item_depths(title[0].card)
    for seg in dict.fromkeys(seg for seg, _ in body):
        doc = docs[id(seg)]
        labelled = _label_of_uses(index, doc)
        if labelled is None:
            continue  # no label, or the answer explains its label rather than naming uses
        label, found, colon = labelled
        rest = doc[colon + 1 :]
        cited = [_evidence_of(*title), Evidence(seg.card.source, seg.line, seg.text.strip())]
        if all(t.is_punct for t in rest):
            at = next(k for k, (s, _) in enumerate(body) if s is seg)
            # an item's own list is the items under it ("- Drip line:" over "  - A")
            for item_seg, item in _intro_items(body, at, depths, nested=seg.kind == ITEM):
                if _label_end(item) is not None:
                    break  # the next label ("- Sprinkler: lawn care"), not a use of this one
                for concept in _listed(index, [(item_seg, item)])[:1]:
                    if concept != label[0].concept:
                        line = Evidence(item_seg.card.source, item_seg.line, item.text.strip())
                        yield Relation(label[0].concept, concept, "used_for", 0.65, [*cited, line])
            continue
        for m in found:
            if m.start > colon and m.concept != label[0].concept and not _compounded(doc, m):
                yield Relation(label[0].concept, m.concept, "used_for", 0.65, cited)


#: A question asking why something happens ("Why does soil erosion occur?").
_WHY_HAPPENS = re.compile(
    r"^\W*why\b.*\b(?:happens?|occurs?|arises?|appears?|develops?)\W*\?\s*$", re.IGNORECASE
)
#: Openings of an answer that give a cause ("Because of X", "Due to X").
_CAUSE_OPENINGS = (("because", "of"), ("due", "to"), ("owing", "to"), ("caused", "by"))
#: Confidence of "Why does X happen? -- Because of Y".
WHY_CONFIDENCE = 0.7


def _why_edges(
    index: ConceptIndex, title: tuple[Segment, Span], body: Sequence[tuple[Segment, Span]]
) -> Iterator[Relation]:
    """A question asking why the one concept it names happens, answered by a line that
    opens with its cause ("Why does soil erosion occur? -- Because of deforestation."):
    each concept the answer's opening phrase names causes it, citing the question and
    the answer."""
    seg, sent = title
    if not _WHY_HAPPENS.match(sent.text) or not body:
        return
    asked = {m.concept for m in mentions(index, sent) if not is_meta(m.concept)}
    if len(asked) != 1:
        return
    effect = next(iter(asked))
    answer_seg, answer = body[0]
    words = [t for t in answer if not t.is_punct]
    if len(words) < 3 or (words[0].lower_, words[1].lower_) not in _CAUSE_OPENINGS:
        return
    ctx = _Context(
        index, answer_seg, answer, mentions(index, answer), [], _evidence_of(*body[0]), True
    )
    for cause in _objects(ctx, words[1].i + 1, whole=True):
        if cause != effect:
            cited = [_evidence_of(seg, sent), ctx.evidence]
            yield Relation(cause, effect, "causes", WHY_CONFIDENCE, cited)


def _generic_fragment(doc: Doc, m: Mention) -> bool:
    """Is ``m`` one word too general to be a class by itself (:data:`rp.GENERIC_HEADS`:
    "method", "technique") whose noun modifier before it the name drops ("soil sampling
    methods" where only "method" is a concept)? The phrase names a narrower class that
    is no concept: the general word alone is no class of its instances."""
    return (
        m.end - m.start == 1
        and singular(doc[m.start].lower_) in rp.GENERIC_HEADS
        and _compounded(doc, m)
        and doc[m.start - 1].pos_ in {"NOUN", "PROPN"}  # "other methods" are methods
    )


def _asked_class_edges(
    index: ConceptIndex, title: tuple[Segment, Span], body: Sequence[tuple[Segment, Span]]
) -> Iterator[Relation]:
    """A question asking which things of a plural class do something, answered by a list
    ("Which igneous rocks form from lava? -- 1. Basalt 2. Obsidian"): each list item a
    concept names in full is a kind of the class, citing the question and the item's
    line; at least :data:`CLASS_LIST_MIN` items, and a class that is no word about the
    notes."""
    seg, sent = title
    if not sent.text.rstrip().endswith("?"):
        return
    words = [t for t in sent if not t.is_punct]
    if len(words) < 3 or words[0].lower_ not in _ASKING_WORDS:
        return
    # the asking word opens the class's name ("Which igneous rocks ...", which the
    # parser may read as the verb's object), not "What does X ...?"
    cls = next((m for m in mentions(index, sent) if m.start == words[1].i), None)
    if cls is None or is_meta(cls.concept):
        return
    if sent.doc[cls.end - 1].tag_ not in {"NNS", "NNPS"}:
        return  # "Which enzyme ...?" asks for one
    # the answer's list items and lines, not its labelled lines ("Concept: ...")
    depths = _item_depths(seg.card)
    listed = [(s, t) for s, t in body if s.line in depths or _label_end(t) is None]
    items = [i for i in _listed(index, listed) if i != cls.concept and not is_meta(i)]
    if len(items) < CLASS_LIST_MIN:
        return
    asked = _evidence_of(seg, sent)
    for item in items:
        line = _line_naming(index, body, item)
        cited = [asked, line] if line else [asked, _evidence_of(*body[0])]
        yield Relation(item, cls.concept, "is_a", CLASS_LIST_CONFIDENCE, cited)


def _compounded(doc: Doc, m: Mention) -> bool:
    """Does a noun or modifier before ``m`` that its name does not hold make the phrase a
    narrower thing ("video classification" is no classification)?"""
    if m.start == 0:
        return False
    before = doc[m.start - 1]
    return (
        before.i != before.sent.start  # "Use hash functions that ...": a verb
        and m.start <= before.head.i < m.end
        and before.dep_ in {"compound", "amod", "nmod"}
        and before.pos_ in {"NOUN", "PROPN", "ADJ", "VERB"}
        and before.lower_ not in rp.NON_RESTRICTIVE
    )


#: Verbs that open the steps of a procedure ("Compute the mean", "Apply a filter").
_STEP_VERBS = frozenset(
    "compute calculate apply use utilize utilise employ find estimate take add".split()
)
#: A question asking for a procedure, answered by steps in the imperative.
_PROCEDURE = re.compile(r"\s*how\b", re.IGNORECASE)
#: Labels of a line listing examples of what the card is about.
_EXAMPLE_LABELS = frozenset({"examples", "example", "e.g.", "eg", "instances", "for example"})
#: A title asking how to tell something, or for its signs: the labelled lines of its
#: answer ("Heap usage: grows while the load stays flat" under "How can you detect a
#: memory leak?") are signs of it, not its parts.
_ASKS_FOR_SIGNS = re.compile(
    r"\b(?:identify|identified|detect|detected|recogni[sz]e|diagnose|spot|tell if"
    r"|tell whether|signs?|symptoms?|indicators?|indications?)\b",
    re.IGNORECASE,
)
#: Confidence of "Examples: A, B" in a card about X: A example_of X.
EXAMPLES_CONFIDENCE = 0.6
#: Words after "types of X" that open the list of its kinds.
_LISTING_WORDS = frozenset({"include", "includes", "including", "are", "is", ":", "like"})
_TOPIC_DEPS = frozenset({"nsubj", "nsubjpass"})


def _opening_table(card, answer: Evidence) -> Evidence | None:
    """The header row of a table that opens a card's body before the line ``answer``
    cites ("## Gas vs electric kiln" over "| | Gas kiln | Electric kiln |"), cited as the
    card's answer; else None."""
    for table in card.tables:
        if not table.row_lines or not any(table.header) or table.row_lines[0] >= answer.line:
            continue
        return Evidence(card.source, max(1, table.row_lines[0] - 1), " | ".join(table.header))
    return None


def _evidence_of(seg: Segment, sent: Span) -> Evidence:
    return Evidence(seg.card.source, seg.line_at(sent.start_char), sent.text.strip())


def _card_statements(
    index: ConceptIndex, reading: _Reading | None = None
) -> dict[str, list[Evidence]]:
    """Card id -> its title and the first sentence of its answer (a card that has both:
    the first answer segment with any text), as ``reading`` found them (by default, read
    here: :func:`_read_all`)."""
    return (reading or _read_all(index)).statements()


def _question_subjects(index: ConceptIndex, sents: Sequence[tuple[Segment, Span]]) -> list[str]:
    """What a question asks about when no concept has the card as its own: the
    question's grammatical subject ("Why are glaciers suitable for ...?"), or what its
    subject or object is "of" ("the limitations of tariffs", "Name the advantages of
    the kiln"), or the agent ("tasks performed by judges and juries"), with the
    concepts listed beside it."""
    for seg, sent in sents:
        if not seg.is_title:
            break
        if asked := _asked_of(index, sent, mentions(index, sent)):
            return asked
    return []


def _asked_of(index: ConceptIndex, sent: Span, found: Sequence[Mention]) -> list[str]:
    """What the question ``sent`` asks about (see :func:`_question_subjects`)."""
    roots = [(m, sent.doc[m.start : m.end].root) for m in found]
    for m, root in roots:
        if root.dep_ in _TOPIC_DEPS:
            inner = [
                n for n, r in roots if r.dep_ == "pobj" and r.head.head == root
                and r.head.lower_ == "of"
            ]  # fmt: skip
            return _coordinated(sent.doc, found, inner[0] if inner else m)
    for m, root in roots:
        if root.dep_ == "pobj" and root.head.lower_ in {"of", "by"}:
            return _coordinated(sent.doc, found, m)
    return []


def _body_question(index: ConceptIndex, sent: Span, found: Sequence[Mention]) -> str | None:
    """The one concept a question set among a card's lines asks about ("Process of X /
    - What is the bowline knot? / the loop is tied first ..."): the
    lines after it answer it, and are said of that concept, not of the card's subject."""
    words = [t for t in sent if not t.is_punct]
    if not sent.text.rstrip().endswith("?") or not words or words[0].tag_ not in _WH:
        return None
    asked = _asked_of(index, sent, found)
    return asked[0] if len(asked) == 1 else None


def _action_subjects(index: ConceptIndex, sents: Sequence[tuple[Segment, Span]]) -> list[str]:
    """What a card headed by an action is about: the concept the notes name by a noun
    made from its verb ("Prevent corrosion" over notes that name corrosion prevention:
    the card tells of the prevention, not of corrosion)."""
    seg, title = sents[0]
    if not (seg.is_title and seg.card.title_kind == "heading"):
        return []
    found = index.action_named(title) or _action_of_plural(index, title)
    return [found] if found is not None else []


#: Endings that make a noun of an act from its verb ("prevent": "prevention", "avoid":
#: "avoidance", "treat": "treatment", "remove": "removal", "recover": "recovery").
ACT_NOUN_ENDINGS = ("ion", "tion", "ation", "ance", "ence", "ment", "al", "y")


def _action_of_plural(index: ConceptIndex, title: Span) -> str | None:
    """The concept a heading that gives an action on a plural names ("Prevent floods"
    over notes that name flood prevention), or None."""
    words = [t for t in title if not t.is_punct and not t.is_space]
    if len(words) < 2 or not words[0].is_alpha or words[-1].tag_ not in {"NNS", "NNPS"}:
        return None
    if any(t.pos_ in {"ADP", "CCONJ", "VERB", "AUX"} for t in words[1:]):
        return None
    obj = " ".join(t.lower_ for t in words[1:-1] if t.pos_ != "DET")
    obj = f"{obj} {singular(words[-1].lower_)}".strip()
    verb = words[0].lower_
    bases = {verb, verb[:-1]} if verb.endswith("e") else {verb}
    for base in sorted(bases):
        for end in ACT_NOUN_ENDINGS:
            if (found := index.find(f"{obj} {base}{end}")) is not None:
                return found
    return None


def _heading_subjects(index: ConceptIndex, card: Card) -> list[str]:
    """What a card with no title is about: the concept its own heading names in full
    (a paragraph under "Osmosis"), not an outer heading's."""
    if card.title.strip() or not card.section:
        return []
    concept = index.find(card.section[-1].strip())
    return [concept] if concept is not None else []


def _card_subjects(index: ConceptIndex) -> dict[str, list[str]]:
    subjects: dict[str, list[str]] = defaultdict(list)
    for concept in index.concepts.values():
        for card_id in concept.cards:
            subjects[card_id].append(concept.id)
    return subjects


#: Head nouns that name a part in any subject. Those of one subject ("gate", "layer")
#: are read from the notes: the heads of what they list as parts (:func:`part_heads`).
COMPONENT_HEADS = frozenset({"part", "component", "piece", "module"})

_PART_PREPOSITIONS = frozenset({"in", "of"})
#: Label of part_of edges that a phrase or the answer's structure suggests ("the forget
#: gate of the LSTM", "X has Y", a label line in a card about the whole, "the forget
#: gate in LSTM" in a question): kept only when the part's head names a part
#: (:func:`part_heads`).
COMPONENT_LABEL = rp.PART_SUGGESTED


def part_heads(relations: Iterable[Relation]) -> frozenset[tuple[str, str]]:
    """``(part head, whole head)`` pairs of words that name parts and their wholes in
    these notes: those of every part the notes state as one ("consists of", "the
    components of", a building block), and those that sibling label lines of one answer
    share ("Kiln shelf: ...", "Kiln door: ..." in a card about the kiln). A part a
    phrase only suggests ("the forget gate of the LSTM") is kept when its pair is one of
    these, or its head is one of :data:`COMPONENT_HEADS`.

    >>> e = [Evidence("n.txt", 1, "An LSTM consists of a forget gate and an input gate.")]
    >>> part_heads([Relation("forget gate", "LSTM", "part_of", 0.85, e, label=rp.PARTS_STATED)])
    frozenset({('gate', 'lstm')})
    """
    relations = list(relations)
    stated = {
        (_head_word(r.source), _head_word(r.target))
        for r in relations
        if r.relation == "part_of" and r.label in {rp.PARTS_STATED, rp.BUILDING_BLOCK}
    }
    siblings: dict[tuple, set[str]] = defaultdict(set)
    for r in relations:
        if r.relation == "part_of" and r.label == COMPONENT_LABEL and len(r.evidence) == 2:
            siblings[(r.target, r.evidence[0], _head_word(r.source))].add(r.source)
    shared = {
        (head, _head_word(whole))
        for (whole, _, head), parts in siblings.items()
        if len(parts) >= 2 and head != _head_word(whole)
    }
    return frozenset(stated | shared)


def _suggested_part_kept(r: Relation, pairs: frozenset[tuple[str, str]]) -> bool:
    part = _head_word(r.source)
    return part in COMPONENT_HEADS or (part, _head_word(r.target)) in pairs


_NAME_PREPOSITIONS = frozenset({"for", "with", "of", "in", "on", "using", "via"})
#: Prepositions in a name that say what the concept is done with.
_MEANS_PREPOSITIONS = frozenset({"with", "using", "via"})


def is_meta(concept: str) -> bool:
    """Is ``concept`` named by a word the notes use to talk about relations ("the
    applications", "a solution", "types", "the key component")? See
    :data:`rp.META_WORDS`."""
    words = concept.lower().split()
    if not words or singular(words[-1]) not in rp.META_WORDS:
        return False
    return len(words) == 1 or (len(words) == 2 and words[0] in rp.EVALUATIVE)


def _head_word(name: str) -> str:
    return singular(name.split()[-1].lower()) if name.split() else ""


def _is_title(seg: Segment) -> bool:
    return seg.is_title


def _names_a_thing(seg: Segment, doc: Doc) -> bool:
    """Is a card's title a question or a term about a thing, not a step of a procedure
    ("Measure the Soil Acidity")?"""
    return len(doc) > 0 and (seg.card.title_kind == "question" or doc[0].tag_ != "VB")


def _plural_word(word: str) -> bool:
    """Is ``word`` a plural noun's form ("rocks", "processes"; not "glass", "gas")?"""
    return word.isalpha() and word.endswith("s") and singular(word) != word


#: Words that join an act to its means in a heading ("Navigation with Sextants").
_MEANS_LINKS = frozenset({"with", "using", "via"})
#: Endings of a noun that names an act ("navigation", "measurement", "maintenance",
#: "analysis", "mapping"): a heading "<act> with <X>" tells X put to that act.
_ACT_HEAD_ENDINGS = ("ion", "ment", "ance", "ence", "sis", "ing")
#: Confidence of a use read from a heading "<act> with <X>".
MEANS_HEADING_CONFIDENCE = 0.7


def _means_heading_edges(
    index: ConceptIndex, reading: _Reading | None = None
) -> Iterator[Relation]:
    """A heading "<act> with / using / via <X>" ("Navigation with Sextants", "Soil
    Analysis using Sieves"), each side a concept's name in full, says X is put to that
    act: X used_for the act, cited with the heading and the first line under it that
    names X (also when the whole heading is a concept of its own: navigation with
    sextants is still navigation that sextants serve); nothing when no line under the
    heading names X (a heading alone is no evidence). Nothing when the first side names
    no act ("Patients with Diabetes", "Problems with Sextants": what has X, not what X
    serves), or when the notes name
    either side as a problem ("Corrosion with Seawater": what X brings about). Read
    from each title as ``reading`` holds it (:meth:`_Reading.means_heading_edge`)."""
    yield from (reading or _read_all(index)).means


def _line_writing(card: Card, names: Sequence[str]) -> Evidence | None:
    """The first line of ``card``'s body that writes one of ``names`` as whole words (the
    last word also in the plural), as evidence; ``None`` when no line does.

    >>> card = Card("c", "a.md", "markdown", (3, 5), "Navigation with Sextants",
    ...             "Sailors plot a course.\\nSextants measure angles.", body_lines=(4, 5))
    >>> _line_writing(card, ["sextant"])
    Evidence(source='a.md', line=5, text='Sextants measure angles.')
    >>> _line_writing(card, ["compass"]) is None
    True
    """
    words = [
        r"\s+".join(map(re.escape, n.lower().split())) + r"(?:e?s)?" for n in names if n.split()
    ]
    if not words:
        return None
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])", re.IGNORECASE)
    m = pattern.search(card.body)
    if m is None:
        return None
    start = card.body.rfind("\n", 0, m.start()) + 1
    end = card.body.find("\n", m.end())
    line = card.body[start : end if end >= 0 else len(card.body)]
    return Evidence(card.source, card.line_of(m.start()), line.strip())


#: Confidence of a kind read from a heading nested under another that names its class.
SUBHEADING_KIND_CONFIDENCE = 0.7


def _subheading_kind_edges(
    index: ConceptIndex, reading: _Reading | None = None
) -> Iterator[Relation]:
    """A heading nested under another heading that names a class in the plural, itself
    naming things in the plural by the same head noun, names a kind of that class:
    "Sorting Algorithms / Merge Sort Algorithms", "Volcanic Rocks / Pumice Rocks" (each
    heading a concept's name in full; the inner one is another concept whose last word
    is the outer one's). The edge cites both headings. A heading that gives a step
    ("Measure the Rocks"), names another kind of thing ("Rock Samples"), or names one
    topic in the singular ("Volcanic Rocks / Igneous Province": a
    section's topics need not be its kinds) gives nothing. Read from each title as
    ``reading`` holds it (:meth:`_Reading.subheading_kind_edge`)."""
    yield from (reading or _read_all(index)).subheading_kinds


def _kind_edges(
    index: ConceptIndex,
    named_problems: frozenset[str] | None = None,
    reading: _Reading | None = None,
) -> Iterator[Relation]:
    """A concept named by a compound is a kind of the concept its head names:
    "one-to-many RNN" is_a RNN, "time series anomaly detection" is_a anomaly detection;
    only when the concept's card names the head in its answer, cited by the card's title
    and that sentence (an ``is_a`` when the answer names the head as the class, else a
    ``related_to`` labelled :data:`rp.KIND_BY_NAME`: the name is the evidence), and not
    when the notes name the concept as a problem and the head as none (an overflowing
    buffer is a problem of buffers, no kind of buffer). The titles that name a thing are
    those ``reading`` found (:func:`_names_a_thing`; by default, read here)."""
    if reading is not None:
        titles = reading.things
    else:
        titles = {
            seg.card.id: seg
            for seg, doc in parsed_where(index.segments, _is_title)
            if _names_a_thing(seg, doc)
        }

    if named_problems is None:
        named_problems = problems(index, strict=True)

    # what each concept's name says it is a kind of, or done with, in the order tried:
    # ("uses", tool), ("is_a", parent), or ("stop", "") where a problem is named after
    # the head; each needs its card's answer to name the other concept (found below)
    plans: list[tuple[Concept, list[tuple[str, str]]]] = []
    for concept in index.concepts.values():
        if not concept.cards:
            continue
        plan: list[tuple[str, str]] = []
        names = [concept.id] + [
            a for a in concept.aliases if any(w[:1].isupper() for w in a.split()) and " " in a
        ]  # spellings of the concept's own name, not merged synonyms
        for name in names:
            words = name.split()
            if "&" in words or "and" in words:
                continue  # "Dry Seasons & Wildfires": two topics, no head
            first = 1
            if cut := next((i for i, w in enumerate(words) if w.lower() in _NAME_PREPOSITIONS), 0):
                # "leak detection for water pipes": its head is before "for"; "with
                # autoencoders", "using attention": what it is done with
                means = " ".join(words[cut + 1 :])
                tool = index.find(means) if words[cut].lower() in _MEANS_PREPOSITIONS else None
                if tool and tool != concept.id:
                    plan.append(("uses", tool))
                words, first = words[:cut], 0
            parent = None
            for k in range(first, len(words)):
                tail = " ".join(words[k:])
                if is_acronym(tail) or is_specific(words[k:]):
                    parent = index.find(tail)
                    if parent and parent != concept.id:
                        break
                    parent = None
            if parent is None and len(words) == 1 and is_acronym(name):
                # "TBPTT" is a kind of "BPTT", "DCGAN" of "GAN"
                for k in range(1, len(name) - 2):
                    parent = index.find(name[k:]) if is_acronym(name[k:]) else None
                    if parent and parent != concept.id:
                        break
                    parent = None
            if parent and concept.id in named_problems and parent not in named_problems:
                plan.append(("stop", ""))  # "overflowing buffers": a problem of buffers
                break
            if parent:
                plan.append(("is_a", parent))
        if plan:
            plans.append((concept, plan))

    # the cards whose answer must name another concept, and which
    wanted: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for concept, plan in plans:
        for card_id in concept.cards:
            if card_id in titles:
                wanted[card_id].update((concept.id, other) for kind, other in plan if other)
    found = _answers_naming(index, titles, wanted)

    def cited(concept: Concept, other: str) -> tuple[list[Evidence], bool]:
        """The evidence of the first of the concept's cards whose answer names
        ``other`` (:func:`_answers_naming`), and whether it names it as the class."""
        for card_id in concept.cards:
            if (evidence := found.get((card_id, concept.id, other))) is not None:
                return evidence
        return [], False

    for concept, plan in plans:
        for kind, other in plan:
            if kind == "stop":
                break
            evidence, as_class = cited(concept, other)
            if not evidence:
                continue
            if kind == "uses":
                yield Relation(concept.id, other, "uses", 0.6, evidence)
                continue
            if as_class:
                yield Relation(concept.id, other, "is_a", 0.6, evidence)
            else:
                # the answer names the head in passing: the name alone says it is a
                # kind, and the untyped link says so
                yield Relation(
                    concept.id, other, "related_to", 0.6, evidence, label=rp.KIND_BY_NAME
                )
            break


def _answers_naming(
    index: ConceptIndex,
    titles: Mapping[str, Segment],
    wanted: Mapping[str, set[tuple[str, str]]],
) -> dict[tuple[str, str, str], list[Evidence]]:
    """For each card and ``(concept, other)`` pair wanted of it, the evidence that the
    card's answer names ``other`` by its own name (not inside a longer one): the card's
    title and the first such sentence. A name in passing or a heading alone states
    nothing. A heading over prose ("Optimization with Gradients") is never evidence:
    under one, only a sentence that names both concepts is, cited alone. Read in one pass
    over the notes, a card at a time."""
    found: dict[tuple[str, str, str], tuple[list[Evidence], bool]] = {}

    def answer(seg: Segment) -> bool:
        return bool(wanted.get(seg.card.id)) and not (seg.is_title or seg.is_heading)

    for seg, doc in parsed_where(index.segments, answer):
        pending = wanted[seg.card.id]
        title = titles[seg.card.id]
        heading = title.card.title_kind == "heading"
        for sent in sentences_of(doc):
            # a pair is settled by a sentence naming the other concept as a class; one
            # naming it in passing is kept until such a sentence comes
            open_pairs = [
                (c, o) for c, o in pending if not found.get((seg.card.id, c, o), ((), False))[1]
            ]
            if not open_pairs:
                break
            kept = [
                m
                for m in mentions(index, sent)
                # "The divergence is calculated ...": the concept itself, named again
                if not (m.start > 0 and sent.doc[m.start - 1].lower_ in _DEFINITE)
                # "higher enzyme levels": a word of another noun, no class named
                and not _modifies_other(sent.doc, m)
            ]
            named = {m.concept for m in kept}
            classes = {m.concept for m in kept if _names_the_class(sent, m)}
            for concept, other in open_pairs:
                # the answer that opens with the concept's name names it ("1x1
                # convolution is ...", split after "1x1")
                own = concept in named or seg.text.lower().startswith(concept.lower())
                if other in named and (not heading or own):
                    key = (seg.card.id, concept, other)
                    if key in found and other not in classes:
                        continue
                    head = Evidence(title.card.source, title.line, title.text)
                    evidence = _evidence_of(seg, sent)
                    found[key] = ([evidence] if heading else [head, evidence], other in classes)
    return found


def _names_the_class(sent: Span, m: Mention) -> bool:
    """Does ``sent`` name ``m`` as what the thing it is about is: the noun a definition
    opens with ("A binary vector that ..."), or what a copula says the subject is ("They
    are specialised networks")?"""
    noun = sent.doc[m.start : m.end].root
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    start = _after_name_label(sent)
    # after a leading label ("Term: A binary vector that ..."), the phrase the parser
    # hangs on the label is the definition's genus
    opening = noun.dep_ == "ROOT" or (start > sent.start and noun.head.i < start)
    if opening and m.start >= start:
        # the fragment's first noun phrase: only articles and modifiers before it
        return all(
            t.pos_ in {"DET", "ADJ", "ADV", "NUM", "PUNCT"} for t in sent.doc[start : m.start]
        )
    return noun.dep_ == "attr" and noun.head.lower_ in rp.COPULAS


def _after_name_label(sent: Span) -> int:
    """Where a genus opens ``sent`` after a label that names something ("Osmosis: a
    passive process ..."): the token after its colon, when that is an indefinite article;
    else the sentence's start. A label with a verb ("Note that: ...") names nothing, and
    what follows a label without an article is no genus ("Mechanics: Datasets like ...",
    "Memory hook: SVD as a sandwich")."""
    colon = _label_end(sent)
    if colon is None or colon == sent.start or colon + 1 >= sent.end:
        return sent.start
    label = sent.doc[sent.start : colon]
    if any(t.pos_ in {"VERB", "AUX", "PRON", "SCONJ"} for t in label):
        return sent.start
    return colon + 1 if sent.doc[colon + 1].lower_ in {"a", "an"} else sent.start


def _named_aside(index: ConceptIndex, reading: _Reading | None = None) -> dict[str, set[str]]:
    """Per card, the concepts its title names only inside a longer phrase: one that
    modifies a plural noun it does not name ("What are basis functions?": a class of
    functions, not the basis) or the "of" object of
    a noun that is no concept ("the flow of information"). The card is not about them
    as a whole with parts. As ``reading`` found them (by default, read here)."""
    return (reading or _read_all(index)).aside


def _same_head(index: ConceptIndex, label: str, whole: str) -> bool:
    """Does a label line share its head word with (a name of) the whole ("Polynomial
    Basis Functions:" under "What are basis functions?")? It names a kind of the
    whole, not a part."""
    concept = index.concepts.get(whole)
    names = [whole, *(concept.aliases if concept is not None else ())]
    return _head_word(label) in {_head_word(n) for n in names}


def _component_edges(index: ConceptIndex, reading: _Reading | None = None) -> Iterator[Relation]:
    """Parts named inside the answer about a whole: a label ("Kiln shelf: ...") in a
    card about the GRU, when its head names a part (gate, layer, state ...) or the
    answer says the subject is composed of what it lists; and "X in Y" in a question
    ("What does the ozone layer in the stratosphere do?") when X names a part. Read
    from each title and label line as ``reading`` holds it
    (:meth:`_Reading.component_edges`)."""
    yield from (reading or _read_all(index)).component_edges()


class _Reading:
    """What the passes after the sentence pass read of each document, gathered while
    that pass holds it (:func:`_literal_sentences`), so that the relation stage makes
    each document once for all of them rather than once per pass: the asides of titles
    (:func:`_named_aside`), the titles that name a thing (:func:`_kind_edges`), the edges
    read from headings (:func:`_means_heading_edges`, :func:`_subheading_kind_edges`),
    the statements of cards (:func:`_card_statements`) and the parts named in titles and
    label lines (:func:`_component_edges`). Only names, evidence and relations are kept,
    never a document. ``strict_problems`` is ``problems(index, strict=True)`` when the
    caller has it (else found when first needed).

    The documents must be handed over in the order of the notes
    (:attr:`ConceptIndex.segments`): a card's title before its body.
    """

    def __init__(self, index: ConceptIndex, strict_problems: frozenset[str] | None = None) -> None:
        self.index = index
        self._strict = strict_problems
        #: card id -> the concepts its title names only inside a longer phrase
        self.aside: dict[str, set[str]] = defaultdict(set)
        #: card id -> its (last) title segment, when that title names a thing
        self.things: dict[str, Segment] = {}
        self.means: list[Relation] = []
        self.subheading_kinds: list[Relation] = []
        self._means_seen: set[str] = set()
        self._kinds_seen: set[str] = set()
        self._titles: dict[str, Evidence] = {}
        #: card id -> the first sentence of its first body segment with any text (None:
        #: that segment has no sentence)
        self._answers: dict[str, Evidence | None] = {}
        #: in the order of the notes: (card id, part-whole pairs) for a title naming
        #: some, read only when the card has a statement; (None, relations) for a label
        #: line giving some
        self._parts: list[tuple[str | None, list]] = []

    def read(self, seg: Segment, doc: Doc) -> None:
        """Read what every pass needs of one segment's document."""
        if seg.is_title:
            if (r := self.means_heading_edge(seg, doc)) is not None:
                self.means.append(r)
            if (r := self.subheading_kind_edge(seg, doc)) is not None:
                self.subheading_kinds.append(r)
            if _names_a_thing(seg, doc):
                self.things[seg.card.id] = seg
            found = mentions(self.index, doc[:])
            for m in found:
                plural_head = doc[m.end - 1].head.tag_ in {"NNS", "NNPS"}
                if (_modifies_other(doc, m) and plural_head) or _held(doc, found, m):
                    self.aside[seg.card.id].add(m.concept)
        if seg.is_heading:
            return
        if seg.is_title:
            self._titles[seg.card.id] = Evidence(seg.card.source, seg.line, seg.text)
            if pairs := self._title_parts(doc):
                self._parts.append((seg.card.id, pairs))
            return
        if seg.card.id not in self._answers and seg.text:
            first = next(iter(sentences_of(doc)), None)
            self._answers[seg.card.id] = None if first is None else _evidence_of(seg, first)
        labelled = label_of(seg.text)
        if labelled and (found := list(self._label_parts(seg, doc, labelled))):
            self._parts.append((None, found))

    def statements(self) -> dict[str, list[Evidence]]:
        """:func:`_card_statements` of the documents read."""
        return {
            card_id: [self._titles[card_id], answer]
            for card_id, answer in self._answers.items()
            if answer is not None and card_id in self._titles
        }

    def component_edges(self) -> Iterator[Relation]:
        """:func:`_component_edges` of the documents read, in the order of the notes."""
        statements = self.statements()
        for card_id, found in self._parts:
            if card_id is None:
                yield from found
            elif card_id in statements:  # a question alone states nothing
                for part, whole in found:
                    yield Relation(
                        part, whole, "part_of", 0.7, statements[card_id], label=COMPONENT_LABEL
                    )

    def _strict_problems(self) -> frozenset[str]:
        if self._strict is None:
            # strict: "Problems with Sextants" elsewhere names what has a problem
            self._strict = problems(self.index, strict=True)
        return self._strict

    def means_heading_edge(self, seg: Segment, doc: Doc) -> Relation | None:
        """The edge :func:`_means_heading_edges` reads from one title, if any."""
        index, card = self.index, seg.card
        if card.id in self._means_seen or card.title_kind != "heading":
            return None
        if doc is None or len(doc) < 3:
            return None
        if doc.text.strip() != card.title.strip():
            return None  # an outer heading the card's segments are read with
        self._means_seen.add(card.id)
        links = [t.i for t in doc if t.lower_ in _MEANS_LINKS]
        if len(links) != 1 or links[0] == 0:
            return None
        k = links[0]
        act_words, means_words = doc[:k], doc[k + 1 :]
        if not means_words or not act_words[-1].lower_.endswith(_ACT_HEAD_ENDINGS):
            return None
        if act_words[-1].lower_ in rp.PROBLEM_WORDS or is_meta(act_words.text.strip()):
            return None
        act, means = index.find(act_words.text.strip()), index.find(means_words.text.strip())
        if act is None or means is None or act == means:
            return None
        named_problems = self._strict_problems()
        if act in named_problems or means in named_problems:
            return None  # "Corrosion with Seawater" where corrosion is a problem: no use
        # the heading names the use; what it heads must put the means to work: a heading
        # over lines that never name the means is a heading alone, no evidence
        body = _line_writing(card, [means, *index.concepts[means].aliases])
        if body is None:
            return None
        cited = [Evidence(card.source, card.title_line, card.title.strip()), body]
        return Relation(means, act, "used_for", MEANS_HEADING_CONFIDENCE, cited)

    def subheading_kind_edge(self, seg: Segment, doc: Doc) -> Relation | None:
        """The edge :func:`_subheading_kind_edges` reads from one title, if any."""
        index, card = self.index, seg.card
        if card.id in self._kinds_seen or card.title_kind != "heading":
            return None
        if doc is None or len(doc) == 0:
            return None
        if doc.text.strip() != card.title.strip():
            return None  # an outer heading the card's segments are read with
        self._kinds_seen.add(card.id)
        if not card.section or not card.section_lines:
            return None
        if not _plural_word(doc[-1].lower_) or doc[-1].pos_ not in {"NOUN", "PROPN"}:
            return None  # "Rocks to avoid", "Pumice": no class named in the plural
        if doc[0].tag_ == "VB" or doc[-1].head.i != doc[-1].i:
            return None  # "Measure the Rocks", "Collecting Rocks": a step or an act
        outer = card.section[-1].strip()
        if not _plural_word(outer.split()[-1].lower() if outer.split() else ""):
            return None  # "Volcanic Rock" over "Pumice Rocks": a topic, not a class
        kind = index.find(card.title.strip())
        cls = index.find(outer)
        if kind is None or cls is None or kind == cls:
            return None
        kind_words, cls_words = kind.lower().split(), cls.lower().split()
        if len(kind_words) < 2 or kind_words[-1] != cls_words[-1]:
            return None
        if kind_words[0].endswith("ing") and kind_words[1:] == cls_words:
            return None  # "Collecting Volcanic Rocks" under "Volcanic Rocks": an act on them
        cited = [
            Evidence(card.source, card.section_lines[-1], card.section[-1].strip()),
            Evidence(card.source, card.title_line, card.title.strip()),
        ]
        return Relation(kind, cls, "is_a", SUBHEADING_KIND_CONFIDENCE, cited)

    def _title_parts(self, doc: Doc) -> list[tuple[str, str]]:
        """The (part, whole) pairs of "X in Y" in a title, X and Y concepts."""
        pairs = []
        for sent in sentences_of(doc):
            found = mentions(self.index, sent)
            for part, whole in pairwise(found):
                between = [t for t in doc[part.end : whole.start] if t.pos_ != "DET"]
                if (
                    len(between) == 1
                    and between[0].lower_ in _PART_PREPOSITIONS
                    and part.concept != whole.concept
                ):
                    pairs.append((part.concept, whole.concept))
        return pairs

    def _label_parts(self, seg: Segment, doc: Doc, labelled) -> Iterator[Relation]:
        """The parts (or examples) a label line of a card names of its subject."""
        index = self.index
        text_ev = Evidence(seg.card.source, seg.line, seg.text)
        # the line and what says the card is about its subject: the title, else the
        # section heading
        card = seg.card
        if card.title.strip():
            if card.title_kind == "heading":
                return  # a heading over prose ("Solutions") is no whole
            about = Evidence(card.source, card.title_line, card.title.strip())
        elif card.section and card.section_lines:
            about = Evidence(card.source, card.section_lines[-1], card.section[-1])
        else:
            return
        cited = [about, text_ev]
        if _ASKS_FOR_SIGNS.search(card.title):
            return  # "How can you tell X?": its labels are signs of X, not its parts
        if labelled[0].strip().lower() in _EXAMPLE_LABELS:  # "Examples: Hopfield network, ..."
            colon = next((t.i for t in doc if t.text == ":"), 0)
            after = doc[colon + 1 :]
            found = mentions(index, after)
            kinds = []  # the items a concept names in full
            for item in _split_list(after):
                inside = [m for m in found if item and item[0].i <= m.start <= item[-1].i]
                if len(inside) == 1 and _names_all(doc, inside[0], item[0].i, item[-1].i + 1):
                    kinds.append(inside[0].concept)
            for cls in _outside_asides(index, seg.card):
                for kind in dict.fromkeys(k for k in kinds if k != cls):
                    yield Relation(kind, cls, "example_of", EXAMPLES_CONFIDENCE, cited)
            return
        part = index.find(labelled[0].strip())
        # an example or a figure ("Iteration Example") has no parts
        wholes = [
            w
            for w in index.subjects(seg.card)
            if w != part
            and _head_word(w) not in rp.META_WORDS
            and w not in self.aside.get(seg.card.id, ())
            and not _same_head(index, labelled[0], w)
        ]
        if not part or not wholes:
            return
        for whole in wholes:  # kept when the label's head names a part of such wholes
            yield Relation(part, whole, "part_of", 0.65, cited, label=COMPONENT_LABEL)


def _read_all(index: ConceptIndex) -> _Reading:
    """A :class:`_Reading` of every document of ``index``, for a pass run on its own
    (the relation stage hands each document over in its sentence pass)."""
    reading = _Reading(index)
    for seg, doc in index.segments:
        reading.read(seg, doc)
    return reading


def _outside_asides(index: ConceptIndex, card, subjects: Sequence[str] | None = None) -> list[str]:
    """The card's ``subjects`` (by default :meth:`ConceptIndex.subjects`) but an "of"
    phrase whose complement is another of them, and those its
    title names only in parentheses, beside one it names outside them ("Types of RNNs
    (superficial)" is about RNNs)."""
    subjects = list(index.subjects(card) if subjects is None else subjects)
    # "Process of Raku Firing" beside "raku firing": the card is
    # about the complement, and the "of" phrase is no second subject
    subjects = [c for c in subjects if not any(c.endswith(f" of {other}") for other in subjects)]
    if "(" not in card.title:
        return subjects
    outside = _PARENS.sub(" ", card.title).lower()
    inside = " ".join(_PARENS.findall(card.title)).lower()

    def named(concept: str, text: str) -> bool:
        c = index.concepts.get(concept)
        names = [concept, *(c.aliases if c is not None else ())]
        return any(re.search(rf"\b{re.escape(n.lower())}", text) for n in names)

    aside = {c for c in subjects if named(c, inside) and not named(c, outside)}
    return [c for c in subjects if c not in aside] if len(aside) < len(subjects) else subjects


#: A parenthesised aside.
_PARENS = re.compile(r"\([^()]*\)")


def _literal_sentences(
    index: ConceptIndex, reading: _Reading | None = None
) -> Iterator[tuple[Segment, Span]]:
    """Every parsed sentence with its segment; a sentence that turns to an analogy
    ("..., similar to reading a map by ...") up to where the analogy starts. Each
    document is handed to ``reading`` first (:meth:`_Reading.read`)."""
    for seg, doc in index.segments:
        if reading is not None:
            reading.read(seg, doc)
        for sent in sentences_of(doc):
            analogy = ANALOGY.search(sent.text)
            if analogy is not None:
                cut = sent.char_span(0, analogy.start(), alignment_mode="contract")
                if cut is None or len(cut) < 3:
                    continue
                sent = sent.doc[cut.start : cut.end]
            yield seg, sent


def problems(index: ConceptIndex, *, strict: bool = False) -> frozenset[str]:
    """The concepts the notes name as problems: named by a word of
    :data:`rp.PROBLEM_WORDS` ("the buffer overflow problem", also as the name is
    written), called by one ("the vanishing gradient issue", "overfitting is a common
    problem", "problems such as overfitting"), or what something suffers from
    (:data:`rp.PROBLEM_FRAMES`). With ``strict``, not what "the problem of / with" names
    (it may be what has the problem: "the problems of RNNs"). What the notes say is
    prevented or mitigated (:data:`rp.REMEDY_VERBS`: "used to prevent X") is one too."""
    loose, strict_ones = _problems(index)
    return strict_ones if strict else loose


def _holds_any(text: str, words: Iterable[str]) -> bool:
    """Does ``text``, lowercased, hold one of ``words`` (lowercase) anywhere?"""
    lowered = text.lower()
    return any(w in lowered for w in words)


def _problems(index: ConceptIndex) -> tuple[frozenset[str], frozenset[str]]:
    """:func:`problems` and ``problems(strict=True)``, found in one pass over the notes."""
    found = {c for c in index.concepts if _head_word(c) in rp.PROBLEM_WORDS}
    strict_found = set(found)
    frames = set(rp.PROBLEM_FRAMES)
    strict_linking = {"such", "like", "as"}
    linking = {"of", "with", *strict_linking}
    # every way of naming a problem needs one of these words in the text (a problem
    # word's singular starts with it, a frame's first word, or a remedy verb): no other
    # is read
    cues = [w[:-1] if w.endswith("y") else w for w in rp.PROBLEM_WORDS]
    cues += [first for first, _ in frames]
    cues += sorted(rp.REMEDY_VERBS)
    for _, doc in parsed_where(index.segments, lambda seg: _holds_any(seg.text, cues)):
        for sent in sentences_of(doc):
            ms = mentions(index, sent)
            for m in ms:
                before = [t.lower_ for t in doc[max(sent.start, m.start - 3) : m.start]]
                nxt = doc[m.end] if m.end < sent.end else None
                words = [t.lower_ for t in doc[m.end : min(sent.end, m.end + 4)]]
                named = (
                    any(tuple(before[k : k + 2]) in frames for k in range(len(before) - 1))
                    or any(w in rp.REMEDY_VERBS for w in before[-1:])
                    or (before[-1:] == ["the"] and any(w in rp.REMEDY_VERBS for w in before[-2:-1]))
                    or (nxt is not None and singular(nxt.lower_) in rp.PROBLEM_WORDS)
                    or (m.end - m.start > 1 and singular(doc[m.end - 1].lower_) in rp.PROBLEM_WORDS)
                    or (
                        words[:1] in (["is"], ["are"], ["was"], ["were"])
                        and any(singular(w) in rp.PROBLEM_WORDS for w in words[1:])
                    )
                )
                if named:
                    found.add(m.concept)
                    strict_found.add(m.concept)
                    continue
                if any(singular(w) in rp.PROBLEM_WORDS for w in before[-3:]):  # "problems such as"
                    linked = set(before[-2:])
                    if linked & linking:
                        found.add(m.concept)
                    if linked & strict_linking:
                        strict_found.add(m.concept)
    return frozenset(found), frozenset(strict_found)


#: Confidence of "X is called ADJ": the concept "ADJ X" is a kind of X.
CALLED_KIND_CONFIDENCE = 0.7
#: Verbs that give a thing a name.
_NAMING_VERBS = frozenset({"called", "named", "termed"})


def _called_kind_edges(ctx: _Context) -> Iterator[Relation]:
    """A subject "called" an adjective ("A triangle with equal sides is called
    equilateral"): the adjective names a kind of it, and the concept "equilateral
    triangle" is a kind of triangle."""
    doc = ctx.sent.doc
    for verb in ctx.sent:
        if verb.lower_ not in _NAMING_VERBS or verb.tag_ != "VBN":
            continue
        names = [c for c in verb.children if c.dep_ == "oprd" and c.pos_ == "ADJ"]
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if len(names) != 1 or subject is None or _negated(doc[verb.i : verb.i + 1]):
            continue
        m = _mention_of(ctx, subject)
        pointed = _pointed_class(ctx, subject, m)
        if pointed is not None:  # "Such soils are called heavy": the soils named before
            cls, cited = pointed
            kind = ctx.index.find(f"{names[0].text} {cls}") or ctx.index.find(
                f"{names[0].text} {subject.text}"
            )
            if kind is not None and kind != cls:
                yield Relation(kind, cls, "is_a", CALLED_KIND_CONFIDENCE, [cited])
            continue
        if m is None or not m.covers(subject):
            continue
        phrase = doc[m.start : m.end].text
        kind = ctx.index.find(f"{names[0].text} {phrase}") or ctx.index.find(
            f"{names[0].text} {subject.text}"
        )
        if kind is not None and kind != m.concept:
            yield Relation(kind, m.concept, "is_a", CALLED_KIND_CONFIDENCE, ctx.cited)


#: Plural kind words that label a list of a thing's kinds ("Two types: A and B").
_KIND_LABELS = frozenset({"types", "kinds", "forms", "classes", "categories", "subtypes"})


def _kind_label_end(sent: Span) -> int | None:
    """The colon after a label of kinds opening ``sent`` ("Two types:", "Main forms:",
    "Kinds:"), or None."""
    colon = next((t.i for t in sent if t.text == ":"), None)
    if colon is None:
        return None
    label = [t for t in sent.doc[sent.start : colon] if not t.is_punct]
    if not label or label[-1].lower_ not in _KIND_LABELS:
        return None
    counted = all(t.like_num or t.lower_ == "main" for t in label[:-1])
    return colon if counted and len(label) <= 2 else None


def _labelled_kind_edges(ctx: _Context) -> Iterator[Relation]:
    """A label of kinds over bare modifiers ("Heart murmur -- ... Two types: innocent and
    pathological"): each modifier with the card's subject names a concept ("innocent
    heart murmur"), a kind of that subject. Only when the label is a plural kind word
    (counted or not) and every item is one word naming no concept of its own."""
    if ctx.seg.is_title or len(ctx.subjects) != 1:
        return
    doc = ctx.sent.doc
    colon = _kind_label_end(ctx.sent)
    if colon is None:
        return
    words = [t for t in doc[colon + 1 : ctx.sent.end] if not t.is_punct]
    items = [t for t in words if t.lower_ not in {"and", "or"}]
    if (
        len(items) < 2
        or len(items) > 5
        or any(t.pos_ not in {"ADJ", "NOUN", "PROPN"} for t in items)
    ):
        return
    subject = ctx.subjects[0]
    kinds = [ctx.index.find(f"{t.text} {subject}") for t in items]
    if any(ctx.index.find(t.text) for t in items) or not all(kinds):
        return
    for kind in kinds:
        if kind != subject:
            yield Relation(kind, subject, "is_a", CALLED_KIND_CONFIDENCE, ctx.cited)


#: Confidence of the weak link of a concept named by its subject and a predicate
#: adjective ("Soils can be acidic ...": acidic soil) to the others the sentence names.
PREDICATED_CONFIDENCE = 0.2
#: Label of that link: two names in one sentence (``graph.build.SAME_SENTENCE``, which
#: reads "named in one sentence with").
PREDICATED_LABEL = "same sentence"


def _predicated_names(ctx: _Context) -> Iterator[tuple[str, Mention]]:
    """The concepts a sentence names by a subject and an adjective its copula says of it
    ("Soils can be acidic or sandy": acidic soil, sandy soil, where the notes name
    them), each with the mention of the subject; not a denied one ("Soils are not
    acidic"), nor the subject's own concept."""
    doc = ctx.sent.doc
    for adj in ctx.sent:
        if adj.dep_ != "acomp" or adj.pos_ != "ADJ" or _negated(doc[adj.head.i : adj.head.i + 1]):
            continue
        subject = next((c for c in adj.head.children if c.dep_ in _SUBJECT_DEPS), None)
        m = _mention_of(ctx, subject) if subject is not None else None
        if m is None or not m.covers(subject):
            continue
        phrase = doc[m.start : m.end].text
        # a participle joined to the adjective is one too ("fast or surging")
        also = (
            c for c in adj.children if c.dep_ == "conj" and (c.pos_ == "ADJ" or c.tag_ == "VBG")
        )
        for said in [adj, *also]:
            named = ctx.index.find(f"{said.text} {phrase}")
            if named is not None and named != m.concept:
                yield named, m


def _predicated_name_edges(ctx: _Context) -> Iterator[Relation]:
    """Weak ``related_to`` links of a concept a sentence names by its subject and a
    predicate adjective (:func:`_predicated_names`: "Soils can be acidic after heavy
    liming" names acidic soil) to each other concept it names (liming), as two names
    in one sentence are linked: the predicate names the concept as surely as the
    adjective before the noun would, and states no type."""
    for named, m in _predicated_names(ctx):
        for other in dict.fromkeys(
            o.concept for o in ctx.found if not (m.start <= o.start < m.end)
        ):
            if other not in {named, m.concept}:
                yield Relation(
                    named,
                    other,
                    "related_to",
                    PREDICATED_CONFIDENCE,
                    ctx.cited,
                    label=PREDICATED_LABEL,
                )


#: Confidence of the weak link of a kind named after a bare noun that points back
#: ("Clay soils hold water. Soils that keep this water are called heavy soils").
CALLED_BACK_CONFIDENCE = 0.3
#: Label of that link, read between its ends ("heavy soil is named with a pointer to
#: clay soil"): no type is stated.
CALLED_BACK_LABEL = "is named with a pointer to"


def _called_back_edges(ctx: _Context) -> Iterator[Relation]:
    """A bare plural whose relative clause points back ("Clay soils hold water. Soils
    that keep this water are called heavy soils.") named as a kind with the same head:
    the bare noun takes up the concept with that head the sentence before names (clay
    soil), and the kind named (heavy soil) is linked to it weakly (``related_to``
    labelled :data:`CALLED_BACK_LABEL`, citing both sentences): that the kind is one of those is
    read from the pointer, not stated."""
    doc = ctx.sent.doc
    if ctx.sent.start == 0:
        return
    for verb in ctx.sent:
        if (
            verb.lower_ not in _NAMING_VERBS
            or verb.tag_ != "VBN"
            or _negated(doc[verb.i : verb.i + 1])
        ):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        names = [c for c in verb.children if c.dep_ in {"oprd", "attr"} and c.pos_ == "NOUN"]
        if subject is None or subject.tag_ != "NNS" or len(names) != 1:
            continue
        if any(c.dep_ in {"det", "poss", "amod", "compound", "nummod"} for c in subject.children):
            continue  # "Some soils", "Wet soils": not the bare noun alone
        clause = next((c for c in subject.children if c.dep_ == "relcl"), None)
        if clause is None or not any(
            t.dep_ == "det" and t.lower_ in _POINTERS for t in clause.subtree
        ):
            continue
        head = singular(subject.lower_)
        kind = _mention_of(ctx, names[0])
        if kind is None or not kind.covers(names[0]) or _head_word(kind.concept) != head:
            continue
        previous = doc[ctx.sent.start - 1].sent
        before = [
            b.concept
            for b in mentions(ctx.index, previous)
            if b.concept != kind.concept and _head_word(b.concept) == head and b.concept != head
        ]
        if not before:
            continue
        text = doc[previous.start : ctx.sent.end].text.strip()
        cited = Evidence(ctx.evidence.source, ctx.seg.line_at(doc[previous.start].idx), text)
        yield Relation(
            kind.concept,
            before[-1],
            "related_to",
            CALLED_BACK_CONFIDENCE,
            [cited],
            label=CALLED_BACK_LABEL,
        )


#: Sentences back that a pointing subject ("such soils") may look for what it names.
POINTED_SENTENCES = 3


def _pointed_class(ctx: _Context, subject: Token, m: Mention | None) -> tuple[str, Evidence] | None:
    """The concept a subject "such / these / those N" points back at, when N alone names
    no concept or a broader one: the last concept a sentence before it in the same
    paragraph (at most :data:`POINTED_SENTENCES` back) names whose name ends with N and
    says more ("Clay soils hold water. Such soils are called heavy": the clay soils), and
    the evidence from that sentence to this one."""
    if not any(
        c.dep_ in {"det", "amod", "predet"} and c.lower_ in _ANAPHORIC for c in subject.children
    ):
        return None
    if m is not None and m.covers(subject) and m.start < subject.i:
        return None  # "such clay soils": the phrase names the concept itself
    head = singular(subject.lower_)
    doc = ctx.sent.doc
    start = ctx.sent.start
    for _ in range(POINTED_SENTENCES):
        if start == 0:
            return None
        previous = doc[start - 1].sent
        start = previous.start
        before = [
            b.concept
            for b in mentions(ctx.index, previous)
            if (m is None or b.concept != m.concept)
            and head in _longer_heads(ctx.index, b.concept, head)
            and b.concept != head
        ]
        if before:
            text = doc[start : ctx.sent.end].text.strip()
            return before[-1], Evidence(ctx.evidence.source, ctx.seg.line_at(doc[start].idx), text)
    return None


#: Confidence of "X could overheat" (X causes overheating, a problem the notes name).
PROBLEM_VERB_CONFIDENCE = 0.6


def _gerunds(verb: Token) -> list[str]:
    """The gerunds a finite or bare verb may be named by ("overheats", "overheated" ->
    "overheating"; "overfit" -> "overfitting"; "corrode" -> "corroding")."""
    form = verb.lower_
    if verb.tag_ == "VBZ" and form.endswith("s"):
        form = form[:-1]
    elif verb.tag_ == "VBD" and form.endswith("ed"):
        form = form[:-2]
    names = [form + "ing", form + form[-1:] + "ing"]
    if form.endswith("e"):
        names.append(form[:-1] + "ing")
    return names


def _problem_verb_edges(ctx: _Context) -> Iterator[Relation]:
    """A verb that names a problem the notes name as one by its gerund, done to an object
    ("Deep trees tend to overfit the data", "Fertiliser runoff can overload the rivers",
    with "overfitting" and "overloading" named as problems): its subject, a concept named
    in the sentence, does it and so causes the problem. Not when negated ("Pruned trees do
    not overfit the data"), nor without an object ("The engine overheated": the engine
    undergoes the problem, it causes nothing)."""
    if not ctx.problems:
        return
    doc = ctx.sent.doc
    for verb in ctx.sent:
        if (
            verb.pos_ != "VERB"
            or verb.tag_ not in _FINITE_TAGS
            or _negated(doc[verb.i : verb.i + 1])
            or not any(c.dep_ == "dobj" for c in verb.children)
        ):
            continue
        problem = next(
            (
                c
                for name in _gerunds(verb)
                if (c := ctx.index.find(name)) is not None and c in ctx.problems
            ),
            None,
        )
        subject = _dep_subject(verb) if problem is not None else None
        m = _mention_of(ctx, subject) if subject is not None else None
        if m is None or not m.covers(subject) or _narrowed(doc, m) or _compounded(doc, m):
            continue
        for source in _with_conjuncts(ctx, m):
            if source != problem:
                yield Relation(source, problem, "causes", PROBLEM_VERB_CONFIDENCE, ctx.cited)


#: Confidence of "When should you use X and when Y?" (X contrasts_with Y).
CHOICE_CONFIDENCE = 0.75


def _choice_edges(ctx: _Context) -> Iterator[Relation]:
    """A question asking when to take one thing and when the other sets the two against
    each other: "When should you use X and when should one use Y?", "When should you use
    X and when Y?", "When would you choose X over Y?"."""
    sent = ctx.sent
    if not sent.text.rstrip().endswith("?"):
        return

    def when(tok: Token) -> bool:
        return any(c.dep_ == "advmod" and c.lower_ == "when" for c in tok.children)

    def named(tok: Token | None) -> str | None:
        m = _mention_of(ctx, tok) if tok is not None else None
        return m.concept if m is not None and m.covers(tok) else None

    for verb in sent:
        if verb.lower_ not in rp.CHOICE_VERBS or verb.pos_ != "VERB" or not when(verb):
            continue
        first = named(next((c for c in verb.children if c.dep_ == "dobj"), None))
        if first is None:
            continue
        others: list[Token] = []
        for c in verb.children:
            if c.dep_ == "conj" and when(c):
                if c.pos_ == "VERB" and c.lower_ in rp.CHOICE_VERBS:
                    others += [d for d in c.children if d.dep_ == "dobj"]
                elif c.pos_ in {"NOUN", "PROPN"}:
                    others.append(c)  # "and when Y?": the verb left out
            elif c.dep_ == "prep" and c.lower_ == "over":
                others += [d for d in c.children if d.dep_ == "pobj"]
        for other in others:
            second = named(other)
            if second is not None and second != first:
                yield Relation(first, second, "contrasts_with", CHOICE_CONFIDENCE, ctx.cited)


def _alternative_words(side: Sequence[Token]) -> list[Token]:
    """The words that name one side of a choice: those of a parenthesis closing the side
    ("printing on one side (simplex printing)"), else the side's own words past
    its determiners ("the drip irrigation")."""
    toks = [t for t in side if not t.is_space]
    while toks and toks[-1].is_punct and toks[-1].text != ")":
        toks.pop()
    if toks and toks[-1].text == ")":
        opening = next((i for i in range(len(toks) - 2, -1, -1) if toks[i].text in "()"), None)
        if opening is None or toks[opening].text != "(":
            return []
        toks = toks[opening + 1 : -1]
    return [t for t in toks if t.pos_ not in {"DET", "PUNCT"}]


def _alternative_side(ctx: _Context, words: Sequence[Token], head: str) -> str | None:
    """The concept that ``words`` name in full, or the one they name before a last word
    that repeats the other side's head (``head``): "soft-boiled eggs" beside
    "hard-boiled eggs" is the concept "soft-boiled" when the notes name it so."""
    if not words:
        return None
    m = next((m for m in ctx.found if m.covers(words[-1])), None)
    if m is not None and all(m.covers(t) for t in words):
        return m.concept
    if len(words) > 1 and singular(words[-1].lower_) == head:
        m = next((m for m in ctx.found if m.covers(words[-2])), None)
        if m is not None and all(m.covers(t) for t in words[:-1]):
            return m.concept
    return None


def _alternatives_edges(ctx: _Context) -> Iterator[Relation]:
    """A choice between two things named as kinds of one ("the choice of printing on one
    side (simplex printing) or both (duplex printing)", "the option of drip
    irrigation or sprinkler irrigation") sets them against each other: the two sides,
    parted by the only "or" after the choice word, end in the same head word and each
    names a concept (in full, or by a parenthesis closing the side)."""
    sent = ctx.sent
    for word in sent:
        if word.lower_ not in rp.CHOICE_NOUNS or word.i + 1 >= sent.end:
            continue
        if sent.doc[word.i + 1].lower_ not in {"of", "between"}:
            continue
        depth, parts = 0, [[]]
        for t in sent.doc[word.i + 2 : sent.end]:
            depth += (t.text == "(") - (t.text == ")")
            if t.lower_ == "or" and depth == 0:
                parts.append([])
            elif t.text in {",", ";", ":"} and depth == 0 and len(parts) == 2:
                break
            else:
                parts[-1].append(t)
        if len(parts) != 2:
            return
        words = [_alternative_words(p) for p in parts]
        if not all(words):
            return
        head = singular(words[0][-1].lower_)
        if singular(words[1][-1].lower_) != head:
            return  # "the choice of flour or yeast": no two of a kind
        first, second = (_alternative_side(ctx, w, head) for w in words)
        if first is None or second is None or first == second:
            return
        yield Relation(first, second, "contrasts_with", CHOICE_CONFIDENCE, ctx.cited)
        return


def _sentence_edges(
    ctx: _Context,
    matcher,
    nlp,
    idle: bool,
    intro: list[tuple[str, rp.Cue, Span]] | None,
    title_cues: list[tuple[str, rp.Cue, Span]],
) -> Iterator[Relation]:
    """The edges one sentence gives; the list cues of a title and of a line that
    introduces a list are gathered into ``title_cues`` and ``intro``."""
    seg, sent = ctx.seg, ctx.sent
    taken: set[int] = set()
    for match_id, start, end in matcher(sent):
        relation, cue = rp.cue(nlp.vocab.strings[match_id])
        span = sent[start:end]
        if span[0].text in rp.CLAUSE_BREAKS and len(span) > 1:
            span = span[1:]  # "...; used for Y": the cue starts its own clause
        if seg.is_title and (cue.frame == "list" or _asks_for_objects(ctx, cue, span)):
            title_cues.append((relation, cue, span))
        if intro is not None:
            intro.append((relation, cue, span))
        edges = (
            []
            if idle
            else [r for r in _cue_edges(ctx, relation, cue, span) if _whole_ends(ctx, r, span)]
        )
        if edges or not (cue.problem or cue.frame == "purpose"):
            # a remedy verb whose object is no problem ("controls how much of the
            # state is kept") is a plain verb, read as such by _verb_edges; so are the
            # verbs of a use that is the subject's ("A hash table uses X to locate Y")
            taken.update(t.i for t in span)
        yield from edges
    if idle:
        return
    yield from _definition_edges(ctx)
    yield from _part_clause_edges(ctx)
    yield from _label_definition_edges(ctx)
    yield from _copula_edges(ctx)
    yield from _modifier_edges(ctx)
    yield from _called_kind_edges(ctx)
    yield from _labelled_kind_edges(ctx)
    yield from _predicated_name_edges(ctx)
    yield from _called_back_edges(ctx)
    yield from _choice_edges(ctx)
    yield from _alternatives_edges(ctx)
    yield from _problem_verb_edges(ctx)
    yield from _numbered_way_edges(ctx)
    yield from _numbered_set_edges(ctx)
    yield from _display_edges(ctx)
    yield from _fronted_means_edges(ctx)
    if not seg.is_title:  # questions are read by _component_edges
        yield from _part_phrase_edges(ctx)
    yield from _verb_edges(ctx, taken)


#: Confidence of "we represent X in a diagram called Y": Y uses X.
DISPLAY_CONFIDENCE = 0.6


def _display_edges(ctx: _Context) -> Iterator[Relation]:
    """What the reader shows in a display ("we can represent X and Y in a diagram called
    Z", "the prices are plotted on a line chart", "Plot X on a bar chart"): the display
    holds and uses it. The display is named by a :data:`rp.DISPLAY_NOUNS` word, or by a
    concept whose name ends in one; what a concept shows of its own ("A thermometer
    shows the temperature") and what is shown in no display ("in Python", "in this
    case") give nothing here."""
    doc = ctx.sent.doc
    for verb in ctx.sent:
        if verb.pos_ != "VERB" or _verb_base(verb) not in rp.SHOWING_VERBS:
            continue
        if _denied(verb):
            continue
        subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
        passive = subject is not None and subject.dep_ == "nsubjpass"
        if subject is not None and not passive and subject.lower_ not in _USER_PRONOUNS:
            continue  # "A thermometer shows the temperature": the thing's own act
        shown_at = (
            subject if passive else next((c for c in verb.children if c.dep_ == "dobj"), None)
        )
        if shown_at is None:
            continue
        # the parser may hang the display on the verb or on the thing shown
        holder = _display_of(ctx, verb) or _display_of(ctx, shown_at)
        if holder is None:
            continue
        inside = range(shown_at.left_edge.i, shown_at.right_edge.i + 1)
        shown = [m for m in ctx.found if m.start in inside and not _modifies_other(doc, m)]
        for m in shown:
            if m.concept != holder:
                yield Relation(holder, m.concept, "uses", DISPLAY_CONFIDENCE, ctx.cited)


def _display_of(ctx: _Context, word: Token) -> str | None:
    """The concept naming the display a thing is shown in after ``word`` ("in a diagram
    called Y", "on a bar chart"), or None."""
    for prep in word.children:
        if prep.dep_ != "prep" or prep.lower_ not in rp.DISPLAY_PREPOSITIONS:
            continue
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if noun is None:
            continue
        inside = range(noun.left_edge.i, noun.right_edge.i + 1)
        named = [m for m in ctx.found if m.start in inside]
        if not named:
            continue
        m = named[0]
        if singular(noun.lower_) in rp.DISPLAY_NOUNS and noun.i < m.start:
            # "a diagram called a climograph": the display the concept names
            if any(t.lower_ in _NAMING_VERBS for t in ctx.sent.doc[noun.i : m.start]):
                return m.concept
        elif m.end - 1 == noun.i and singular(noun.lower_) in rp.DISPLAY_NOUNS:
            return m.concept  # "on a bar chart"
    return None


#: Confidence of "Approach 1: X" under a card about one way of doing things: X is_a it.
NUMBERED_WAY_CONFIDENCE = 0.6


def _numbered_way_edges(ctx: _Context) -> Iterator[Relation]:
    """A line that numbers one way of doing what the card is about and names it ("##
    Avoid flooding / Approach 1: Flood barriers", "## Backup strategy / Method 2:
    Incremental copies"): the way named is a kind of the act or the procedure the card
    is about (:func:`_action_subjects`, :func:`_procedure_step`). Under a card about a
    thing ("## Flooding / Approach 1: X") X is a way of dealing with it, no kind of it."""
    doc = ctx.sent.doc
    words = [t for t in ctx.sent if not (t.is_punct and t.text != ":")]
    if len(words) < 4 or ctx.seg.is_title or not (ctx.act or ctx.subjects):
        return
    noun, number, colon = words[:3]
    if (
        noun.lower_ not in rp.PROCEDURE_NOUNS
        or not number.like_num
        or colon.text != ":"
        or not (ctx.act or _one_procedure(ctx))
    ):
        return
    named = next((m for m in ctx.found if m.start > colon.i), None)
    if named is None or named.start != colon.i + 1:
        return
    rest = [t for t in doc[named.end : ctx.sent.end] if t.text not in {".", "*", ":"}]
    if rest and rest[0].text not in {"(", "["}:
        return  # "Approach 1: X in the kernel": more than a name (a gloss may follow it)
    subject = ctx.act or ctx.subjects[0]
    cited = [ctx.act_heading, *ctx.cited] if ctx.act_heading is not None else ctx.cited
    if named.concept != subject:
        yield Relation(named.concept, subject, "is_a", NUMBERED_WAY_CONFIDENCE, cited)


#: Confidence of "The X triad: A, B and C": A is a part of the X triad.
NUMBERED_SET_CONFIDENCE = 0.75


def _numbered_set_edges(ctx: _Context) -> Iterator[Relation]:
    """A sentence that opens with a name ending in a noun for a set of a fixed number
    (:data:`rp.NUMBERED_SETS`) and lists its members after a colon ("The fire triad:
    heat, fuel and oxygen"): each member is a part of the set, as the set is made of
    them (stated: ``rp.PARTS_STATED``). Not a list of one."""
    label = _label(ctx)
    if label is None or label.end >= ctx.sent.end or ctx.sent.doc[label.end].text != ":":
        return
    head = label.concept.split()[-1] if label.concept.split() else ""
    if singular(head) not in rp.NUMBERED_SETS and head not in rp.NUMBERED_SETS:
        return
    members = [m for m in _objects(ctx, label.end + 1) if m != label.concept]
    if len(members) < 2:
        return
    for member in members:
        yield Relation(
            member,
            label.concept,
            "part_of",
            NUMBERED_SET_CONFIDENCE,
            ctx.cited,
            label=rp.PARTS_STATED,
        )


def _runs_on(doc: Doc, m: Mention) -> bool:
    """Does the name ``m`` run on into a noun it does not hold, one the parser hangs on
    the name as if it were its apposition ("the standard sediment los" with the last
    letter of "loss" lost)? The phrase then names that noun's thing, of which the
    concept is only a modifier. (A noun the parser reads as the name's head, "glacial
    erosion rates", is :func:`_modifies_other`'s; a head too general to add to the name,
    :data:`rp.TRANSPARENT_HEADS` or a kind word, leaves it named.)"""
    if m.shared or m.end >= len(doc):
        return False
    nxt = doc[m.end]
    return (
        nxt.pos_ in {"NOUN", "PROPN"}
        and nxt.is_alpha
        and nxt.is_lower
        and m.start <= nxt.head.i < m.end
        and singular(nxt.lower_) not in rp.TRANSPARENT_HEADS | rp.KIND_WORDS
    )


def _whole_ends(ctx: _Context, r: Relation, cue: Span) -> bool:
    """Does the sentence name each end of ``r`` that it names at all by a whole phrase,
    not only as the modifier of a longer one (:func:`_runs_on`)? A relation stated of
    "sediment loss" is not stated of sediment. A word of the ``cue`` the parser reads as
    a noun ("facilitate", "for example") narrows nothing."""
    doc = ctx.sent.doc

    def part(m: Mention, shares: bool) -> bool:
        if cue.start <= m.start - 1 < cue.end or cue.start <= m.end < cue.end:
            return False  # beside the cue: what the parser hangs on the name is the cue
        return _runs_on(doc, m) or _noun_modified(doc, m) or (shares and _compounded(doc, m))

    for end, other in ((r.source, r.target), (r.target, r.source)):
        # "Wet vs. dry season", "season" alone a concept: the first side shares the
        # second's head, so the second side's own modifier belongs to its name too
        shares = r.relation in rp.SYMMETRIC and any(
            m.shared for m in ctx.found if m.concept == other
        )
        named = [m for m in ctx.found if m.concept == end and not _genus_instance(ctx, m)]
        if named and all(part(m, shares) for m in named):
            return False
    return True


def _genus_instance(ctx: _Context, m: Mention) -> bool:
    """Is ``m`` a name of the card's subject inside the examples of the genus that the
    answer's first sentence defines the subject with ("Lute || A string instrument such
    as the oud or the Renaissance lute that ...": the Renaissance lute is an instance of
    the lute being defined)? Such a narrowed name does not keep an edge from the subject, which
    the sentence names by the genus."""
    if not (ctx.first and m.concept in ctx.subjects) or ctx.seg.is_title:
        return False
    cls = _example_class(ctx.sent.doc[m.end - 1])
    return cls is not None and cls == ctx.sent.root and _bare_head(cls)


def _noun_modified(doc: Doc, m: Mention) -> bool:
    """Is ``m`` narrowed by a noun before it that its name does not hold ("the
    reservoirs outputs": the reservoirs', not output in general)? (:func:`_compounded`,
    with a noun: an adjective before a name, "different biological samples", or a
    hyphenated one, "fixed-length vectors", may only describe what it names.)"""
    before = doc[m.start - 1] if m.start > 0 else None
    return (
        _compounded(doc, m)
        and before is not None
        and before.pos_ in {"NOUN", "PROPN"}
        and before.is_alpha  # "e.g." is no noun
        and not (before.i > 0 and doc[before.i - 1].text == "-")  # "fixed-length vectors"
    )


def _parent_items(
    index: ConceptIndex, sents: Sequence[tuple[Segment, Span]], depths: dict[int, int]
) -> dict[int, tuple[str, Evidence]]:
    """Sentence index -> the concept the list item it is nested under names, and that
    item ("- Osmosis" over "  - needs a semi-permeable membrane": the sub-items say
    what osmosis does), for the sentences of nested items whose parent item is a
    concept's name and nothing else (emphasis, an article or a closing colon aside)."""
    parents: dict[int, tuple[str, Evidence]] = {}
    stack: list[tuple[int, tuple[str, Evidence] | None]] = []  # (depth, named) per open item
    for i, (seg, sent) in enumerate(sents):
        if i > 0 and sents[i - 1][0] is seg:  # a later sentence of the same line
            if i - 1 in parents:
                parents[i] = parents[i - 1]
            continue
        depth = depths.get(seg.line)
        if depth is None or seg.is_title:
            stack = []
            continue
        while stack and stack[-1][0] >= depth:
            stack.pop()
        if stack and stack[-1][0] == depth - 1 and stack[-1][1] is not None:
            parents[i] = stack[-1][1]
        found = mentions(index, sent)
        whole = (
            len({m.concept for m in found}) == 1
            and (i + 1 == len(sents) or sents[i + 1][0] is not seg)
            and all(t.is_punct or _article(t) or any(m.covers(t) for m in found) for t in sent)
        )
        stack.append((depth, (found[0].concept, _evidence_of(seg, sent)) if whole else None))
    return parents


def _with_parent(
    edges: Iterable[Relation], parent: tuple[str, Evidence] | None, found: Sequence[Mention]
) -> Iterator[Relation]:
    """``edges`` of a sentence nested under an item that names ``parent``: an edge
    whose end the sentence does not name took it from the item, and cites the item
    beside the sentence. The two lines state one relation: each is given the
    confidence that, pooled by :func:`merge_relations`, is the sentence's own."""
    if parent is None:
        yield from edges
        return
    concept, item = parent
    named = {m.concept for m in found}
    for r in edges:
        if concept in (r.source, r.target) and concept not in named and item not in r.evidence:
            share = round(1.0 - math.sqrt(1.0 - r.confidence), 3)
            yield Relation(
                r.source, r.target, r.relation, share, [item, *r.evidence], r.label, r.features
            )
        else:
            yield r


#: What an answer sentence of a titled card is read with: the title's evidence, the
#: concepts the card is about and those the sentence names itself (see :func:`_with_titles`).
_Lead = tuple[Evidence, frozenset[str], frozenset[str]]
#: A line pointing a card's subjects to other entries: (subjects, concepts it names, the line).
_Pointer = tuple[tuple[str, ...], tuple[str, ...], Evidence]


#: Confidence of a card's subject's weak link to a concept its answer names in a form
#: the candidates do not read (:class:`_UnseenMentions`), as one such sentence gives a
#: link from ``graph.build.mention_relations``.
UNSEEN_MENTION_CONFIDENCE = 0.3
#: Label of that link (the label ``graph.build.mention_relations`` gives).
MENTIONS_LABEL = "mentions"


class _UnseenMentions:
    """The weak links from what a card is about to a concept its answer names with a
    word set in quote marks ("the food 'chain'"): the candidates, read as written,
    end a name at the quote mark and miss it (a card's other mentions are linked by
    ``graph.build.mention_relations``).

    Examples
    --------
    >>> from extraction.records import Card
    >>> from extraction.concepts import extract_concepts
    >>> cards = [Card(f"n#{i}", "n.txt", "qa-list", (i, i), f"What is {name}?", body,
    ...               title_line=i, body_lines=(i,)) for i, (name, body) in enumerate([
    ...     ("a food chain", "A line of who eats whom."),
    ...     ("a predator", "An animal that hunts along the food 'chain'.")])]
    >>> index = extract_concepts(cards)
    >>> [(r.source, r.target, r.label) for r in raw_relations(index) if r.label == "mentions"]
    [('predator', 'food chain', 'mentions')]
    """

    def __init__(self, index: ConceptIndex, card: Card) -> None:
        self.seen = {c for c, _ in index.card_mentions.get(card.id, ())}
        self.seen.update(c for c, _ in index.card_nested.get(card.id, ()))
        self.by = index.mentioned_by(card)

    def edges(self, seg: Segment, sent: Span, found: Sequence[Mention]) -> Iterator[Relation]:
        doc = sent.doc
        for m in found:
            if m.concept in self.seen or m.concept in self.by:
                continue
            if not any(_quote_mark(t) for t in doc[m.start : m.end]):
                continue  # a name the candidates read, or left unread on purpose
            evidence = Evidence(seg.card.source, seg.line_at(sent.start_char), sent.text.strip())
            for subject in self.by:
                yield Relation(
                    subject,
                    m.concept,
                    "related_to",
                    UNSEEN_MENTION_CONFIDENCE,
                    [evidence],
                    label=MENTIONS_LABEL,
                )


def raw_relations(
    index: ConceptIndex,
    leads: dict[Evidence, _Lead] | None = None,
    pointers: list[_Pointer] | None = None,
) -> Iterator[Relation]:
    """Every edge every cue gives, one sentence each, before merging.

    Use :func:`typed_relations` for the graph; this is what it merges. ``leads``, when
    given, is filled with the title each answer sentence of a titled card is read with;
    ``pointers`` with the lines that point a card's subjects to other entries ("See
    also: B"), read by :func:`_pointer_edges` once every class is known.
    """
    nlp = nlp_module.load()
    matcher = patterns.relation_cues(nlp)  # rp.matcher, run only with the cues a sentence can match
    subjects = _card_subjects(index)
    named_problems, strict_problems = _problems(index)
    nested_terms = _nested_term_cards(segments_only(index.segments))
    # what the passes after this one read of each document, read while it is held here
    reading = _Reading(index, strict_problems)
    for sents in _card_sentences(index, reading):
        first_body = next((i for i, (seg, _) in enumerate(sents) if not seg.is_title), None)
        if first_body is not None and _formula_only(sents[first_body][1]):
            # "Power rule -- d/dx x^n = n x^(n-1). A differentiation rule for powers":
            # the answer's words start after its formula
            first_body = next(
                (i for i in range(first_body + 1, len(sents))
                 if sents[i][0].card.id == sents[first_body][0].card.id
                 and not sents[i][0].is_title and not _formula_only(sents[i][1])),
                first_body,
            )  # fmt: skip
        title_cues: list[tuple[str, rp.Cue, Span]] = []
        acted = _action_subjects(index, sents)
        about = (
            subjects.get(sents[0][0].card.id)
            or _question_subjects(index, sents)
            or _heading_subjects(index, sents[0][0].card)
        )
        about = _outside_asides(index, sents[0][0].card, about)
        depths = _item_depths(sents[0][0].card)
        parents = _parent_items(index, sents, depths)
        intros: dict[int, list[tuple[str, rp.Cue, Span]]] = {}
        answer = None if first_body is None else _evidence_of(*sents[first_body])
        if answer is not None and (opening := _opening_table(sents[0][0].card, answer)):
            answer = opening  # "## A vs B" over a table, then a line: the table answers
        named: set[str] = set()
        nested_seen: list[tuple[str, Evidence]] = []
        relabelled = False  # a body line that is a name and a colon heads the lines after it
        # the concept such a line names and the line, cited beside what the lines under it
        # state, up to the next line with a label of its own
        label_line: tuple[str, Evidence] | None = None
        unseen = _UnseenMentions(index, sents[0][0].card)
        for i, (seg, sent) in enumerate(sents):
            found = mentions(index, sent)
            if not seg.is_title:
                yield from unseen.edges(seg, sent, found)
            first_nested = i in parents and parents[i] not in nested_seen
            if i in parents:
                nested_seen.append(parents[i])
            earlier = frozenset(named)
            if not seg.is_title:
                named.update(m.concept for m in found)
            # the label line or question this line is under, then the one it sets for the
            # lines after it
            under_label, under = relabelled and not seg.is_title, label_line
            if not seg.is_title and label_line is not None and _label_in(index, sent, found):
                under = label_line = None  # "Interpolation: ...": a label of its own
            if not seg.is_title and (asked := _body_question(index, sent, found)):
                # "- What is the bowline knot? / enabling a quick release":
                # the lines after a question answer it, about what it asks
                under = None
                relabelled, label_line = True, (asked, _evidence_of(seg, sent))
            elif not seg.is_title and _lone_label_line(sent, found):
                relabelled = True
                label_line = (
                    (found[0].concept, _evidence_of(seg, sent))
                    # a list item's own items are nested under it (_parent_items)
                    if _heads_own_lines(found[0].concept) and depths.get(seg.line) is None
                    else None
                )
            elif not seg.is_title and _narrower_label_line(sent, about):
                # "Telescopes / Refracting telescope: / uses a lens": a kind of the card's
                # subject that no concept names heads its lines, which are not the subject's
                relabelled, label_line = True, None
            if i > 0 and not seg.is_title and found and _contrast_opener(sent):
                # "X ... . In contrast, Y ...": Y is set against the X before it
                yield from _opposed_edges(index, sents[i - 1], (seg, sent), found)
            if i > 0 and not seg.is_title and not sents[i - 1][0].is_title and found:
                # "We sort the list. This is done using merge sort."
                yield from _done_with_edges(index, sents[i - 1], (seg, sent), found)
            if not seg.is_title and (semi := _semicolon_contrast(sent)) is not None:
                # "X ...; Y, on the other hand, ...": the two clauses of one sentence
                doc, whole = sent.doc, [_evidence_of(seg, sent)]
                left, right = doc[sent.start : semi], doc[semi + 1 : sent.end]
                for r in _opposed_edges(
                    index, (seg, left), (seg, right), [m for m in found if m.start > semi]
                ):
                    yield Relation(r.source, r.target, r.relation, r.confidence, whole)
            yield from _inline_label_edges(index, seg, sent, about, found)
            # Every edge joins two concepts the sentence names, or one it names and the
            # card's subject or the label the sentence follows ("GPS: one fix requires
            # triangulation"): a sentence with fewer gives only self-loops
            # (merge_relations drops them), and is read only for a title's list cues or
            # as the line that introduces a list ("Examples:").
            after_label = sent.start > 0 and sent.doc[sent.start - 1].text == ":"
            # "X is called ADJ", "Two types: ADJ and ADJ"
            naming = (
                any(t.lower_ in _NAMING_VERBS for t in sent) or _kind_label_end(sent) is not None
            )
            idle = (not found and not naming) or (  # "Such soils are called heavy"
                not about
                and i not in parents  # a nested item's subject is its parent item's
                and not (under_label and under is not None)  # so is a labelled line's
                and not after_label
                and len({m.concept for m in found}) < 2
                and not naming
                and not (sent.start > 0 and sent[0].lower_ == "this")  # the sentence before's
                and not _fronted_pronoun(sent)  # "Unlike X, it ...": the sentence before's
                # "By adding X, we can smooth ...": the act the verb names is the other end
                and not (len(sent) > 1 and sent[0].lower_ == "by" and sent[1].tag_ == "VBG")
                and not _names_its_genus(index, sent, found)
            )
            intro = not seg.is_title and (
                sent.text.rstrip().endswith(":")
                or (sent.end == sent.doc[-1].i + 1 and _counted(sent) is not None)
                or _parent_item(sents, i, depths)
            )
            if intro:
                intros[i] = []
            if idle and not seg.is_title and not intro:
                continue
            evidence = Evidence(seg.card.source, seg.line_at(sent.start_char), sent.text.strip())
            if pointers is not None and about and not seg.is_title and _pointer(sent):
                pointers.append((tuple(about), tuple(m.concept for m in found), evidence))
            cited_span = sent
            if after_label and sent.start <= LABEL_WORDS:
                # "BPTT:" parsed as a sentence of its own: the line cites its label
                line = cited_span = sent.doc[: sent.end]
                evidence = Evidence(seg.card.source, seg.line_at(0), line.text.strip())
            parent = parents.get(i)
            # a nested item's subject is the concept its parent item names
            held = [parent[0]] if parent is not None else about
            if under_label and parent is None:
                # "Word embeddings -- ... / Sentence vectors (SV): / uses an encoder": the
                # lines after a label line are about its name, not the card's subject, and
                # cite the label line beside their own
                held = []
                if under is not None:
                    held, parent = [under[0]], under

            if len(held) < 2 and not seg.is_title and _opens_with_both(sent):
                held = _two_labels_before(index, sents, i) or held
            if (column := _column_concept(index, seg)) is not None:
                held = [column]  # "| | Process | Thread |": a cell says it of its column's
            ctx = _Context(index, seg, sent, found, held, evidence, i == first_body)
            ctx.problems, ctx.earlier = named_problems, earlier
            ctx.first_nested = first_nested
            if acted and parent is None:
                card = seg.card
                ctx.act = acted[0]
                ctx.act_heading = Evidence(card.source, card.title_line, card.title.strip())
            if leads is not None and parent is None and about and not seg.is_title:
                card = seg.card
                if card.title.strip() and first_body is not None and first_body > 0:
                    title = Evidence(card.source, card.title_line, card.title.strip())
                    named_here = frozenset(m.concept for m in mentions(index, cited_span))
                    leads.setdefault(evidence, (title, frozenset(about), named_here))
            if seg.is_title:
                if answer is None:
                    continue  # a title with no answer states nothing
                polar = _polar(sent)
                reply = _reply(answer) if polar else None
                if polar and reply != "yes":
                    # "Is X a Y? -- No, ...", or an answer that says neither ("-- It
                    # depends on ..."): the question asks, it states nothing
                    continue
                ctx.answer = answer
                if reply == "yes":
                    yield from _affirmed_edges(ctx)  # "Isn't X a Y? -- Yes, ..."
            edges = _sentence_edges(ctx, matcher, nlp, idle, intros.get(i), title_cues)
            yield from _with_parent(edges, parent, found)
        titles = [(seg, sent) for seg, sent in sents if seg.is_title]
        body = [(seg, sent) for seg, sent in sents if not seg.is_title]
        if titles and title_cues and body:
            yield from _list_edges(index, titles, body, title_cues)
        if titles and body and not title_cues:
            yield from _class_list_edges(index, titles[0], body)
        if titles and body and _APPLICATIONS.search(titles[0][0].card.title):
            yield from _application_edges(index, titles[0], body)
        if titles and body:
            yield from _why_edges(index, titles[-1], body)
            yield from _asked_class_edges(index, titles[0], body)
        if intros:
            card = sents[0][0].card
            terms = nested_terms.get((card.source, card.title_line), ())
            yield from _intro_list_edges(index, sents, intros, about, terms)
    yield from _kind_edges(index, strict_problems, reading)
    yield from _subheading_kind_edges(index, reading)
    yield from _means_heading_edges(index, reading)
    yield from _component_edges(index, reading)
    yield from _table_edges(index, nlp)


#: Confidence of "See also: B" on the card of A, A and B kinds of one class.
POINTER_CONFIDENCE = 0.6


def _pointer(sent: Span) -> bool:
    """Does ``sent`` open with words pointing the reader elsewhere ("See also: B")?"""
    text = sent.text.lstrip().lower()
    return any(
        text.startswith(opening) and not text[len(opening) : len(opening) + 1].isalpha()
        for opening in rp.POINTER_OPENINGS
    )


def _pointer_edges(
    relations: Sequence[Relation], pointers: Sequence[_Pointer]
) -> Iterator[Relation]:
    """``contrasts_with`` between a card's subject and an entry its "See also" line
    points to, when the notes make both kinds of one class ("Cumulus cloud: a cloud that
    ... See also: cirrus cloud", a cirrus cloud being a cloud too): a pointer between
    siblings sets alternatives side by side. A pointer from a class to its kind ("Cloud
    ... See also: cirrus cloud"), or between entries of no common class, states nothing."""
    classes: dict[str, set[str]] = defaultdict(set)
    for r in relations:
        if r.relation == "is_a":
            classes[r.source].add(r.target)
    for subjects, named, evidence in pointers:
        for a in subjects:
            for b in named:
                if a == b or a in classes[b] or b in classes[a]:
                    continue
                if classes[a] & classes[b]:
                    yield Relation(a, b, "contrasts_with", POINTER_CONFIDENCE, [evidence])


def _plain(cell: str) -> str:
    """A table cell without emphasis marks ("**Bagging**" -> "Bagging")."""
    return cell.strip().strip("*_`").strip()


#: Confidence of an edge read from a table row.
TABLE_CONFIDENCE = 0.7


def _column_concept(index: ConceptIndex, seg: Segment) -> str | None:
    """The concept the header of a compared table's column names, for a cell of that
    column ("| | Process | Thread |": "needs IPC" under "Process" is said of the
    process, not of the thread beside it); None for another segment or table."""
    if seg.kind != CELL or seg.column < 1:
        return None
    table = next((t for t in seg.card.tables if seg.header in t.header), None)
    if table is None or not compares(table):
        return None
    return index.find(_plain(seg.header))


def _table_edges(index: ConceptIndex, nlp) -> Iterator[Relation]:
    """One relation per row of a table whose header says which
    (:data:`rp.TABLE_HEADERS`): "Method | Best for | Solves" gives each row's method
    ``used_for`` what its "Best for" cell names and ``addresses`` what its "Solves" cell
    names. A first column headed by a concept ("Optimizer | Description") makes each
    row's first cell a kind of it. Each edge cites the header and the row."""
    cards = {seg.card.id: seg.card for seg in segments_only(index.segments) if seg.card.tables}
    matcher = patterns.relation_cues(nlp)
    cells = []
    for card in cards.values():
        for table in card.tables:
            for row in table.rows:
                cells += [c for c in row[1:] if c.strip()]
    docs = dict(zip(cells, nlp.pipe(dict.fromkeys(cells)), strict=False)) if cells else {}
    for card in cards.values():
        for table in card.tables:
            if len(table.header) < 2 or not table.rows:
                continue
            first = table.row_lines[0] if table.row_lines else card.lines[0]
            head_ev = Evidence(card.source, max(1, first - 1), " | ".join(table.header))
            if compares(table):
                yield from _compared(index, table, head_ev)
                continue
            cls = index.find(_plain(table.header[0]))
            columns = [rp.table_header(h) for h in table.header]
            for n, row in enumerate(table.rows):
                line = table.row_lines[n] if n < len(table.row_lines) else first
                row_ev = Evidence(card.source, line, " | ".join(row))
                entity = index.find(_plain(row[0])) if row else None
                if entity is None:
                    continue
                if cls is not None and cls != entity and not is_meta(cls):
                    yield Relation(entity, cls, "is_a", TABLE_CONFIDENCE, [head_ev, row_ev])
                for k, cell in enumerate(row[1:], start=1):
                    if k >= len(columns) or columns[k] is None or cell not in docs:
                        continue  # a header that names no relation ("Description")
                    relation, entity_first = columns[k]
                    doc = docs[cell]
                    found = mentions(index, doc[:])
                    # a cue that opens the cell says more than the header ("Best for:
                    # Reducing variance" addresses variance)
                    named = [m.concept for m in found]
                    for match_id, start, end in matcher(doc):
                        said, cue = rp.cue(nlp.vocab.strings[match_id])
                        if cue.frame == "svo" and start <= 1 and not _negated(doc[start:end]):
                            relation, entity_first = said, not cue.reverse
                            # what the cue's phrase names, up to the next verb ("Reducing
                            # variance and stabilizing predictions": not the predictions)
                            stop = next(
                                (
                                    t.i
                                    for t in doc[end:]
                                    if t.pos_ == "VERB" and not any(m.covers(t) for m in found)
                                ),
                                len(doc),
                            )
                            named = [m.concept for m in found if end <= m.start and m.end <= stop]
                            break
                    for other in dict.fromkeys(c for c in named if c != entity):
                        source, target = (entity, other) if entity_first else (other, entity)
                        yield Relation(
                            source, target, relation, TABLE_CONFIDENCE, [head_ev, row_ev]
                        )


#: What sets each side of a chain against the next: "A vs B vs C", "A versus B versus C".
_VERSUS_LINK = re.compile(r"\s(?:vs\.?|versus)\s", re.IGNORECASE)


def _versus_chains(raw: Sequence[Relation]) -> list[Relation]:
    """``contrasts_with`` between every two sides of a chain of three or more ("Lakes vs
    ponds vs tarns"), where the cue set only each side against the next: the line
    compares them all. Each new edge cites the line, at the least confidence read there.

    >>> e = Evidence("n.md", 3, "Lakes vs ponds vs tarns")
    >>> found = _versus_chains([Relation("lake", "pond", "contrasts_with", 0.85, [e]),
    ...                         Relation("pond", "tarn", "contrasts_with", 0.8, [e])])
    >>> [(r.source, r.target, r.confidence) for r in found]
    [('lake', 'tarn', 0.8)]
    """
    sides: dict[Evidence, dict[str, float]] = defaultdict(dict)
    linked: set[frozenset[str]] = set()
    for r in raw:
        if r.relation != "contrasts_with":
            continue
        linked.add(frozenset((r.source, r.target)))
        for e in r.evidence:
            if len(_VERSUS_LINK.findall(e.text)) >= 2:
                for c in (r.source, r.target):
                    sides[e][c] = min(sides[e].get(c, 1.0), r.confidence)
    found = []
    for e, named in sides.items():
        ordered = list(named)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if frozenset((a, b)) not in linked:
                    linked.add(frozenset((a, b)))
                    found.append(Relation(a, b, "contrasts_with", min(named[a], named[b]), [e]))
    return found


def _compared(index: ConceptIndex, table: Table, evidence: Evidence) -> Iterator[Relation]:
    """``contrasts_with`` between each two concepts a comparison table's header names
    (:func:`compares`: "Factor | Aerobic respiration | Fermentation"), citing the
    header; its rows are attributes of them, from which no other relation is read."""
    named = [index.find(_plain(h)) for h in table.header[1:]]
    compared = list(dict.fromkeys(c for c in named if c is not None))
    for i, a in enumerate(compared):
        for b in compared[i + 1 :]:
            yield Relation(a, b, "contrasts_with", TABLE_CONFIDENCE, [evidence])


def merge_relations(relations: Iterable[Relation]) -> list[Relation]:
    """One edge per ``(source, target, relation)``: evidence pooled (at most
    :data:`MAX_EVIDENCE`, distinct), confidence raised by each further sentence
    (noisy-or, capped at :data:`MAX_CONFIDENCE`). Self-loops are dropped.

    Examples
    --------
    >>> e1, e2 = Evidence("n.txt", 1, "A uses B."), Evidence("n.txt", 2, "A relies on B.")
    >>> [(r.confidence, len(r.evidence)) for r in merge_relations(
    ...     [Relation("a", "b", "uses", 0.7, [e1]), Relation("a", "b", "uses", 0.8, [e2]),
    ...      Relation("a", "b", "uses", 0.8, [e2])])]
    [(0.94, 2)]
    """
    merged: dict[tuple[str, str, str], Relation] = {}
    sentences: dict[tuple[str, str, str], dict[Evidence, float]] = defaultdict(dict)
    for r in relations:
        if r.source == r.target:
            continue
        key = (r.source, r.target, r.relation)
        if key not in merged:
            merged[key] = Relation(r.source, r.target, r.relation, 0.0, [], r.label)
        for e in r.evidence:
            sentences[key][e] = max(sentences[key].get(e, 0.0), r.confidence)
    for key, relation in merged.items():
        # the likeliest first; of equal ones, in reading order (a title before its answer)
        ranked = sorted(sentences[key].items(), key=lambda ec: (-ec[1], ec[0].line))
        doubt = 1.0
        for _, confidence in ranked:
            doubt *= 1.0 - confidence
        relation.confidence = round(min(MAX_CONFIDENCE, 1.0 - doubt), 3)
        relation.evidence = [e for e, _ in ranked[:MAX_EVIDENCE]]
    return list(merged.values())


def _resolve_conflicts(relations: list[Relation]) -> list[Relation]:
    """Keep one typed relation per pair of concepts (the most confident; contrasts stand
    beside it), and no ``related_to`` where a typed one exists."""
    best: dict[frozenset[str], Relation] = {}
    for r in relations:
        if r.relation in rp.SYMMETRIC or r.relation == "related_to":
            continue
        pair = frozenset((r.source, r.target))
        rank = (r.confidence, len(r.evidence), r.relation == "is_a")
        held = best.get(pair)
        if held is None or rank > (held.confidence, len(held.evidence), held.relation == "is_a"):
            best[pair] = r
    kept = []
    for r in relations:
        pair = frozenset((r.source, r.target))
        if (
            r.relation in rp.SYMMETRIC
            or (r.relation != "related_to" and best.get(pair) is r)
            or (r.relation == "related_to" and pair not in best)
        ):
            kept.append(r)
    return kept


def _symmetric(relations: list[Relation]) -> list[Relation]:
    """``relations`` and the other direction of every symmetric one, before merging:
    each direction pools the sentences of both, each sentence counted once."""
    out = list(relations)
    for r in relations:
        if r.relation in rp.SYMMETRIC:
            out.append(Relation(r.target, r.source, r.relation, r.confidence, list(r.evidence)))
    return out


def typed_relations(
    index: ConceptIndex, *, min_confidence: float = 0.0, untyped: bool = True
) -> list[Relation]:
    """Typed relations between the concepts of ``index``, each with evidence.

    Parameters
    ----------
    index : ConceptIndex
        What :func:`extraction.concepts.extract_concepts` returned.
    min_confidence : float
        Edges less confident than this (after merging) are left out.
    untyped : bool
        Also give ``related_to`` edges for verbs no table knows, labelled with the verb.

    Returns
    -------
    list of Relation
        Sorted by source, relation, target; ``contrasts_with`` edges come in both
        directions.

    Examples
    --------
    >>> from extraction.records import Card
    >>> from extraction.concepts import extract_concepts
    >>> cards = [Card(f"n#{i}", "n.txt", "qa-list", (i, i), f"What is {name}?", body,
    ...               title_line=i, body_lines=(i,)) for i, (name, body) in enumerate([
    ...     ("an encoder", "A network that compresses."),
    ...     ("a decoder", "A network that decompresses."),
    ...     ("an autoencoder", "It consists of an encoder and a decoder.")])]
    >>> [(r.source, r.relation, r.target) for r in typed_relations(extract_concepts(cards))]
    [('decoder', 'part_of', 'autoencoder'), ('encoder', 'part_of', 'autoencoder')]
    """
    leads: dict[Evidence, _Lead] = {}
    pointers: list[_Pointer] = []
    raw = [
        r
        for r in raw_relations(index, leads, pointers)
        if (untyped or r.relation != "related_to")
        and (r.relation == "related_to" or not (is_meta(r.source) or is_meta(r.target)))
    ]
    raw += _pointer_edges(raw, pointers)
    raw += _versus_chains(raw)
    pairs = part_heads(raw)
    raw = [r for r in raw if r.label != COMPONENT_LABEL or _suggested_part_kept(r, pairs)]
    relations = _resolve_conflicts(merge_relations(_symmetric(raw)))
    relations = [r for r in relations if not _symbol_stated_once(index, r)]
    kept = [_with_titles(r, leads) for r in relations if r.confidence >= min_confidence]
    cards = _cards_by_source(index)
    kept = [_with_sides(index, r, cards) for r in kept]
    return sorted(kept, key=lambda r: (r.source, r.relation, r.target))


def _symbol_stated_once(index: ConceptIndex, relation: Relation) -> bool:
    """Is ``relation`` a typed edge with an end named like a math symbol
    (:data:`rp.SYMBOL_NAME`: "pN and SN are computed from the readings"), as its label or as
    its evidence writes it, or a short word the evidence lists with such a symbol ("SN"),
    that one sentence alone states? A symbol stands for a quantity
    of one formula, and one cue read on it is too little to make it a concept's relation."""
    if relation.relation == "related_to":
        return False
    words = {w for e in relation.evidence for w in re.findall(r"\w+", e.text)}
    # a short word listed with a symbol is one too ("mN and SN": both of one formula)
    listed = {
        b
        for e in relation.evidence
        for a, b in re.findall(r"\b(\w+)(?:,| and| or)\s+(\w{1,3})\b", e.text)
        if rp.SYMBOL_NAME.fullmatch(a)
    }
    for end in (relation.source, relation.target):
        concept = index.concepts.get(end)
        forms = {w for w in words if w.lower() == end.lower()}
        forms |= {concept.label} if concept is not None else {end}
        if any(rp.SYMBOL_NAME.fullmatch(form.strip()) or form in listed for form in forms):
            return len({(e.source, e.line) for e in relation.evidence}) < 2
    return False


#: What opens a body line before its words: list bullets and marks, spaces.
_LINE_MARKS = re.compile(r"^[^\w(\[]+")


def _bare_line(text: str) -> str:
    """``text`` without the bullets or marks that open it.

    >>> _bare_line("  \u2022 Kiln: fires the pots")
    'Kiln: fires the pots'
    """
    return _LINE_MARKS.sub("", text.strip())


def _names_alone(index: ConceptIndex, text: str) -> str | None:
    """The words of a line that is a label alone and says nothing of it: a name ("Kiln"),
    or a few words closing with a colon ("Firing temperature:"); else None.

    >>> from extraction.concepts import ConceptIndex
    >>> _names_alone(ConceptIndex({}, {}, {}), "Firing temperature:")
    'Firing temperature'
    >>> _names_alone(ConceptIndex({}, {}, {}), "A kiln fires the pots.") is None
    True
    """
    bare = _bare_line(text)
    if bare.endswith(":") and 0 < len(bare[:-1].split()) <= SIDE_LABEL_WORDS:
        return bare[:-1].strip()
    if bare and index.find(bare) is not None:
        return bare
    return None


#: The most words a label alone has ("Firing temperature:"); more is a statement.
SIDE_LABEL_WORDS = 5


def _cards_by_source(index: ConceptIndex) -> dict[str, list[Card]]:
    """The cards of ``index`` by their source, each once, in reading order."""
    cards: dict[str, dict[str, Card]] = defaultdict(dict)
    for seg in segments_only(index.segments):
        cards[seg.card.source].setdefault(seg.card.id, seg.card)
    return {source: list(held.values()) for source, held in cards.items()}


def _card_at(cards: Mapping[str, Sequence[Card]], evidence: Evidence) -> Card | None:
    """The card whose lines hold ``evidence``'s line, if any."""
    for card in cards.get(evidence.source, ()):
        if card.lines[0] <= evidence.line <= card.lines[1] and evidence.line in card.body_lines:
            return card
    return None


def _side_statement(
    index: ConceptIndex, body: Sequence[tuple[int, str]], side: str, start: int
) -> list[Evidence] | None:
    """The lines of a card's answer (``body``: file line and text) from ``start`` on
    that say what ``side`` is: the first line it labels ("Kiln: fires at 1200 degrees"),
    or a line that is its name alone and the line after it, when that line says
    something ("Kiln" / "Fires at 1200 degrees"), or a label alone that writes its name
    ("Use a (wood) kiln when:") and the line after it; None when no line labels it."""
    for k, (line, text) in enumerate(body):
        if line < start:
            continue
        bare = _bare_line(text)
        labelled = label_of(bare)
        name = labelled[0] if labelled else bare.rstrip(":").strip()
        if index.find(name) != side and not _label_writes(index, bare, side):
            continue
        if labelled:
            return [Evidence("", line, text.strip())]
        if k + 1 < len(body) and _says_something(index, body[k + 1][1]):
            return [Evidence("", line, text.strip()), Evidence("", *body[k + 1])]
        return None
    return None


def _label_writes(index: ConceptIndex, text: str, concept: str) -> bool:
    """Is ``text`` a label alone closing with a colon (:func:`_names_alone`) that writes
    a name of ``concept`` as whole words, brackets read as words ("Use a (Wood) Kiln
    when:" writes "wood kiln")?"""
    if not text.endswith(":") or _names_alone(index, text) is None:
        return False
    held = index.concepts.get(concept)
    names = [concept, *(held.aliases if held is not None else ())]
    words = re.sub(r"[()\[\]]", " ", text.lower())
    return any(
        re.search(
            r"(?<![\w-])" + r"\s+".join(map(re.escape, n.lower().split())) + r"(?:e?s)?(?![\w-])",
            words,
        )
        for n in names
        if n.split()
    )


_PLAIN_WORD = re.compile(r"(?<![\w-])[a-z]{3,}\b")


def _says_something(index: ConceptIndex, text: str) -> bool:
    """Does a line say something rather than name something: not a label alone
    (:func:`_names_alone`) and not a title in capitals ("Wood-Fired Kilns"): it has a
    word in small letters.

    >>> from extraction.concepts import ConceptIndex
    >>> empty = ConceptIndex({}, {}, {})
    >>> _says_something(empty, "Fires the pots at 1200 degrees.")
    True
    >>> _says_something(empty, "Wood-Fired Kilns"), _says_something(empty, "Glazes:")
    (False, False)
    """
    return _names_alone(index, text) is None and bool(_PLAIN_WORD.search(_bare_line(text)))


def _with_sides(
    index: ConceptIndex, relation: Relation, cards: Mapping[str, Sequence[Card]]
) -> Relation:
    """``relation``, a contrast that cites a line of an answer that is a label alone
    ("Kiln vs. Oven" answered by "Kiln" / "Fires at 1200 degrees" / "Oven" / "Bakes
    bread"; "Differences between A and B?" answered by "Fuel:" / "A burns wood, B
    gas"), citing beside it what says each side is (the line each side labels, or its
    name's line and the line after it), else the line after the label: a label alone
    states no difference. Only the lines cited change, not the edge or its confidence
    (as :func:`_with_titles`)."""
    if relation.relation != "contrasts_with":
        return relation
    cited = list(relation.evidence)
    for e in relation.evidence:
        if _names_alone(index, e.text) is None:
            continue
        card = _card_at(cards, e)
        if card is None:
            continue
        body = [
            (line, text)
            for line, text in zip(card.body_lines, card.body.splitlines(), strict=False)
            if text.strip()
        ]
        found: list[Evidence] = []
        for side in (relation.source, relation.target):
            said = _side_statement(index, body, side, min(line for line, _ in body))
            found += said or []
        if not found and _bare_line(e.text).endswith(":"):
            # "Fuel:" names no side but heads what follows: the line after it says it
            after = [(line, text) for line, text in body if line > e.line]
            if after and _says_something(index, after[0][1]):
                found = [Evidence("", *after[0])]
        stated = [Evidence(e.source, f.line, f.text.strip()) for f in found]
        lines = {(f.source, f.line) for f in stated}
        # a line a sentence of which is cited gives way to the whole line; the lines
        # added come in reading order
        cited = [c for c in cited if (c.source, c.line) not in lines]
        cited += sorted(stated, key=lambda f: f.line)
    relation.evidence = cited
    return relation


def _with_titles(relation: Relation, leads: Mapping[Evidence, _Lead]) -> Relation:
    """``relation`` citing the card's title before an answer sentence that takes either
    end of the edge from its card ("What is osmosis? -- A process that requires a
    semipermeable membrane", "What is a cell? -- It contains a nucleus": the whole), when
    no line the edge cites names that end: the answer
    alone does not say what it is about. The title is cited once, beside the statement
    and not as one more: the edge's confidence and statements are what
    :func:`merge_relations` made of the sentences."""
    named = {c for e in relation.evidence if e in leads for c in leads[e][2]}
    # either end may be the one its card gave ("consists of X": the whole is the target)
    ends = {relation.source, relation.target}
    cited: list[Evidence] = []
    for e in relation.evidence:
        lead = leads.get(e)
        if lead is not None and any(c in lead[1] and c not in named for c in ends):
            title = lead[0]
            if not any(
                (c.source, c.line) == (title.source, title.line)
                for c in (*cited, *relation.evidence)
            ):
                cited.append(title)
        if e not in cited:
            cited.append(e)
    relation.evidence = cited
    return relation
