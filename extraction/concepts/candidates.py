"""Candidates: every name the notes use, with the evidence that singles it out.

One generator per kind of evidence reads a parsed segment (or a sentence of it) and
yields :class:`Occurrence` records, each a name with its *role*: what a card is about
(a term card's term, a question's subject, a heading, a cloze), what the author
emphasised, labelled ("Term: ..."), defined ("X is a ..."), named ("called X"),
glossed ("X (Y)"), abbreviated, listed or gave as an example, and every noun phrase
used (``mention``). :func:`collect` runs the generators that are switched on
(:data:`GENERATORS`; a generator can be left out for an ablation) and groups the
occurrences by key into :class:`Candidate` records; stated alias pairs come out as
:class:`AliasPair` records for the merging stage.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extraction import patterns
from extraction.concepts.abbreviations import (
    abbreviations,
    labelled,
    lower_short_form,
    spelled_out,
)
from extraction.concepts.phrases import (
    GLUE,
    URL,
    breaks_run,
    chunk_runs,
    concept_id,
    coordinated,
    extend_hyphens,
    extend_numbering,
    head_index,
    hyphen_after,
    instruction_purpose,
    key_of,
    misread_noun,
    numbered_noun,
    numbering,
    only_verb,
    particle,
    phrase,
    refine,
    rendered_word,
    shared_head,
    singular,
    span_of,
    split_runs,
    structural_name,
    study_gerund,
    title_case_chunks,
    trim,
    trimmed_phrase,
    whole_word,
    word_pos,
    words_of,
)
from extraction.concepts.segments import (
    BODY,
    CELL,
    FILE_TITLE,
    ITEM,
    Segment,
    compares,
    equals_label,
    equals_labels,
    glossary,
    label_of,
    sentences_of,
    side_clause,
    side_sentence,
    span_text,
)
from extraction.concepts.words import (
    ANALOGY,
    CALLOUT_WORDS,
    CONTRAST_CUE,
    DEFINITE_WORDS,
    EDGE_STOP,
    EVALUATIVE_WORDS,
    FRAMING_NOUNS,
    GENERIC_NOTE_WORDS,
    INSTRUCTIONS,
    KIND_HEADS,
    NUMBERED_LABELS,
    OTHER_NAME_OPENERS,
    REFERENCE_PARTS,
    SELECTING_ADJECTIVES,
    SYNONYM_CUE,
    TERM_LIST_HEADING,
    VAGUE_WORDS,
    VERSUS,
)
from extraction.names import VARIABLE, initials_match, is_acronym, lemmas, singular_acronym
from extraction.readers.prompts import is_question
from extraction.records import STRESS_STYLES, Card, Evidence
from extraction.titles import (
    bracket_within,
    bracketed_label,
    is_activity,
    names_it,
    title_concept,
)

#: Roles that make a card *about* the name: the card's term, a question's subject, a
#: heading over the card, a cloze's answer.
SUBJECT_ROLES = frozenset({"term", "question", "heading", "cloze"})

#: Every role an occurrence can have, and what it means.
ROLES: dict[str, str] = {
    "term": "the term of a term card (a glossary entry, the front of a flashcard)",
    "question": "the subject of a question card ('What is X?', 'Explain X')",
    "heading": "a section heading names it",
    "cloze": "the answer of a cloze ('X stands for ...')",
    "emphasis": "the author set it in bold, italics or underline",
    "label": "a line opens with it ('X: ...', 'X - ...') or it heads an explanation",
    "defined": "the subject of a defining sentence ('X is a ...', 'X refers to ...')",
    "described": "a kind a sentence of running text says what it does, or sets its clause "
    "in ('An open system exchanges matter ...', 'Decomposers break down ...', 'In "
    "mutualism both partners gain'): a general statement about it",
    "named": "introduced by name ('called X', 'known as X')",
    "gloss": "one of two names glossed in brackets ('X (Y)')",
    "abbreviation": "an abbreviation or its long form, stated together",
    "listed": "an item of an enumeration ('A, B and C')",
    "item": "a list item that is nothing but the name",
    "cell": "the first cell of a table row",
    "example": "given as an example ('such as X', 'e.g. X')",
    "acronym": "written as an acronym",
    "mention": "a noun phrase of a sentence",
    "shared_head": "a modifier coordinated with another before one head, named with that "
    "head ('aerobic respiration' in 'aerobic and anaerobic respiration')",
    "nested": "a name inside a longer noun phrase ('activation function' in 'ReLU ...')",
    "of_phrase": "a noun phrase with its 'of' complement ('law of demand')",
}


@dataclass(frozen=True, slots=True)
class Shape:
    """What a name looks like, for the selector."""

    words: int = 1
    #: every word a capitalised proper noun (a person, a product), "of"/"the" inside
    #: allowed; at a sentence start only a name of two capitalised words or more
    proper: bool = False
    #: the first word is a verb or a gerund of an action ("detect the presence")
    verb_start: bool = False
    #: the first word is an adjective ("crucial modification")
    adj_start: bool = False
    #: digits, underscores, dots or brackets inside a word ("value1", "shape.draw")
    code: bool = False
    #: coarse part of speech of each word (of its last token, for a hyphenated word)
    pos: tuple[str, ...] = ()
    #: the name opens a sentence of running prose as the subject of its main verb
    #: (:func:`opens_as_subject`)
    opens_sentence: bool = False
    #: the name opens a list item as what the item is about (:func:`opens_item`)
    opens_item: bool = False


#: One object per distinct :class:`Shape` (a build makes one per use of a name, most of
#: them alike: a noun, an adjective and a noun ...).
_SHAPES: dict[Shape, Shape] = {}
#: Most distinct shapes kept in :data:`_SHAPES` before it starts again.
_MAX_SHAPES_KEPT = 100_000


def interned(shape: Shape) -> Shape:
    """The one object for ``shape``'s value.

    >>> interned(Shape(2, pos=("ADJ", "NOUN"))) is interned(Shape(2, pos=("ADJ", "NOUN")))
    True
    """
    found = _SHAPES.get(shape)
    if found is None:
        if len(_SHAPES) >= _MAX_SHAPES_KEPT:
            _SHAPES.clear()
        found = _SHAPES[shape] = shape
    return found


def shape_of(toks: Sequence[Token]) -> Shape:
    """The :class:`Shape` of a trimmed token run."""
    return interned(_shape_of(toks))


def _shape_of(toks: Sequence[Token]) -> Shape:
    words = [t for t in toks if t.text not in GLUE]
    if not words:
        return Shape(0)
    first = words[0]
    proper = proper_name(words)
    pos = word_pos(toks)
    modifier = len(words) > 1 and participle_modifier(first)
    if modifier and pos:
        pos = ("ADJ", *pos[1:])
    verb_start = (
        first.pos_ in {"VERB", "AUX"}
        and not (first.tag_ == "VBG" and len(words) == 1)
        and not modifier
    )
    return Shape(
        words=len(words_of(toks)),
        proper=proper,
        verb_start=verb_start,
        adj_start=(first.pos_ == "ADJ" or modifier) and len(words) > 1,
        code=any(_CODE.search(t.text) for t in words),
        pos=pos,
        opens_sentence=opens_as_subject(toks),
    )


#: Dependencies of the subject of a clause.
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_ARTICLES = frozenset({"a", "an", "the"})


def opens_as_subject(toks: Sequence[Token]) -> bool:
    """Does the name ``toks`` open a sentence of running prose (one that follows another
    sentence of its paragraph) as the whole subject of the sentence's main verb, after an
    article at most: what the sentence turns to ("... Osmosis moves water across a
    membrane", "... The mantle convects slowly")? Not the subject of a clause inside
    it, nor a name that comes later, nor one pointed back at ("This slow process
    moves ...") or a part of a longer subject ("Typical examples of enzymes are ...").
    The first sentence of a paragraph, a list item or an answer opens with whatever
    its line is about; the sentences after it move from topic to topic.

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Rocks move. Plate tectonics explains why continents move."]))
    >>> opens_as_subject(doc[3:5]), opens_as_subject(doc[7:8]), opens_as_subject(doc[0:1])
    (True, False, False)
    """
    if not toks:
        return False
    inside = {t.i for t in toks}
    head = next((t for t in toks if t.head.i not in inside or t.head is t), toks[-1])
    if head.dep_ not in _SUBJECTS or head.head.dep_ != "ROOT":
        return False
    if head.right_edge.i != toks[-1].i:
        return False
    before = toks[0]
    while not before.is_sent_start and before.i > 0:
        before = before.doc[before.i - 1]
        if before.lower_ not in _ARTICLES and before.pos_ not in {"PUNCT", "SPACE", "SYM", "X"}:
            return False
    # a sentence before it in the same paragraph: running prose
    return before.i > 0 and any(t.is_alpha for t in before.doc[: before.i])


#: What follows a name that a list item is about, in an outline: "Trench warfare = a
#: stalemate", "Feudalism -> serfdom", "Magna Carta (1215) ...", a bracket that dates
#: it (a colon or spaced dash makes the name a label, :func:`labels`).
_ITEM_TOPIC = re.compile(r"(?:=|->|=>|→|\((?:[A-Za-z]+\.?\s+)?\d)")


def outline_item(seg: Segment) -> bool:
    """Is ``seg`` an item of an outline's list, not of the answer to a question, which
    answers it ("What slows osmosis?" / "- Cold water slows it")?"""
    card = seg.card
    return seg.kind == ITEM and not (card.title_kind == "question" or is_question(card.title))


def opens_item(toks: Sequence[Token]) -> bool:
    """Does the name ``toks`` open its list item (after an article at most) as what the
    item is about: the whole subject of the item's main verb ("- Osmosis moves water
    across a membrane", "- The Treaty of Paris was signed in 1763"), or followed by an
    equals sign, an arrow or a bracket ("- Trench warfare = stalemate", "- Magna Carta
    (1215) limited the king")? Not a part of a longer subject ("- Enzyme activity
    rises"), nor a name that comes later, nor one before a bracket that does not date it
    ("- Hash table (HT): ..."). Call it on the tokens of an :func:`outline_item`.

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Plate tectonics moves the continents."]))
    >>> opens_item(doc[0:2]), opens_item(doc[0:1]), opens_item(doc[4:5])
    (True, False, False)
    """
    if not toks:
        return False
    doc = toks[0].doc
    if any(
        t.lower_ not in _ARTICLES and t.pos_ not in {"PUNCT", "SPACE", "SYM", "X"}
        for t in doc[: toks[0].i]
    ):
        return False
    after = doc.text[toks[-1].idx + len(toks[-1].text) :].lstrip()
    if _ITEM_TOPIC.match(after):
        return True
    inside = {t.i for t in toks}
    head = next((t for t in toks if t.head.i not in inside or t.head is t), toks[-1])
    if head.dep_ not in _SUBJECTS or head.head.dep_ != "ROOT":
        return False
    # the whole subject, but a bracket after it ("Magna Carta (1215) limited ...")
    rest = doc[toks[-1].i + 1 : head.right_edge.i + 1]
    return not rest or rest[0].text == "("


def proper_name(words: Sequence[Token]) -> bool:
    """Are ``words`` written as a proper name: every word a capitalised proper noun but a
    lower-case "of" or "the" inside ("Ada Lovelace", "Bank of England", "Gulf of
    Mexico")? At the start of a sentence the first capital says nothing, so a name that
    opens its sentence is one when it has two capitalised words or more and the
    sentence goes on in lower case ("Bank of England sets the rate", not a Title Case
    heading "Hash Tables")."""
    inner = range(1, len(words) - 1)
    names = [t for i, t in enumerate(words) if not (i in inner and _linking(t))]
    if not all(
        t.pos_ == "PROPN" and t.text[:1].isupper() and not is_acronym(t.text) for t in names
    ):
        return False
    if not words[0].is_sent_start:
        return True
    if len(names) < 2:
        return False
    doc, end = words[-1].doc, words[-1].i + 1
    rest = (t for t in doc[end : doc[words[-1].i].sent.end] if t.is_alpha)
    following = next(rest, None)
    return following is not None and following.is_lower


def name_complement(run: Sequence[Token]) -> bool:
    """Is ``run`` the capitalised complement of a proper name "X of Y", both capitalised
    ("Ghent" in "Treaty of Ghent", "England" in "Bank of England")? It is a word of that
    name there, not a noun phrase of its own."""
    if not run:
        return False
    first, last = run[0], run[-1]
    if first.i < 2 or not all(t.text[:1].isupper() and not is_acronym(t.text) for t in run):
        return False
    of, head = first.doc[first.i - 1], first.doc[first.i - 2]
    return (
        of.lower_ == "of"
        and of.is_lower
        and last.pos_ == "PROPN"
        and head.pos_ in {"PROPN", "NOUN"}
        and head.text[:1].isupper()
        and not is_acronym(head.text)
    )


def _linking(tok: Token) -> bool:
    """A lower-case "of", "the" inside a proper name ("Bank of England")."""
    return tok.is_lower and tok.pos_ in {"ADP", "DET"}


#: Tags before a participle that open a clause ("by using X", "to reduce X", ", using"):
#: a preposition or subordinator, "to", a conjunction, punctuation.
_CLAUSE_OPENERS = frozenset({"IN", "TO", "CC", ",", ":", "-LRB-", "``", "''", "HYPH", "NFP"})


def participle_modifier(tok: Token) -> bool:
    """Is ``tok`` a participle that describes the noun after it ("the *melting*
    ice sheet", "address *rising* tides", "a *gated* valve") rather than
    the verb of a clause ("*Using* hash functions", "by *employing* ReLU")?

    The tagger reads both as a verb; the word before tells them apart: a participle
    inside a noun phrase follows a determiner, an adjective, a noun or the verb whose
    object the phrase is, while a clause starts a sentence or follows a preposition,
    "to", a conjunction or punctuation. A past participle describes its noun there too
    (:func:`_describes_after_opener`: "with *labelled* maps", "and *paired* reads").
    """
    if tok.tag_ not in {"VBG", "VBN"} or tok.dep_ not in {"amod", "compound", "nmod"}:
        return False
    if tok.is_sent_start or tok.i == 0:
        return False
    before = tok.doc[tok.i - 1]
    return before.tag_ not in _CLAUSE_OPENERS or _describes_after_opener(tok, before)


def _describes_after_opener(tok: Token, before: Token) -> bool:
    """Does the participle ``tok``, which follows a word that may open a clause
    (``before``), still describe the noun the parser attaches it to? A past participle
    does after a preposition or a conjunction: "with dated moraines", "and paired
    reads" ("by used ..." is no English). A present one may not: after "of" the parser
    attaches a gerund to its object as to a noun it describes ("the work of formulating
    answers" as much as "the threat of rising waters"), so it stays a clause there."""
    if tok.head.pos_ not in {"NOUN", "PROPN"} or tok.head.i <= tok.i:
        return False
    return before.tag_ in {"IN", "CC"} and tok.tag_ == "VBN"


#: Code-looking words: dots or underscores inside ("shape.draw", "x_1"), brackets and
#: operators, camelCase ("getValue"), letters then a number ("value1", "sample5").
_CODE = re.compile(r"\w[._]\w|[(){}\[\];=<>$`]|^[a-z]{2,}[A-Z][a-z]|^[A-Za-z]{3,}\d+$")


def shape_of_text(text: str) -> Shape:
    """The :class:`Shape` of a name known only as a string."""
    words = text.split()
    return interned(Shape(words=len(words), code=any(_CODE.search(w) for w in words)))


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One use of a name: its key, how it was written, its role, where it stands."""

    key: str
    surface: str
    role: str
    seg: Segment
    sentence: str
    at: int = 0  # offset of the sentence in the segment's text
    #: the tokens of the name (for its :class:`Shape`), when it was read from tokens
    toks: tuple[Token, ...] = ()
    #: the sentence or text that defines the name here, if this use defines it
    definition: str = ""
    #: ``toks`` are already trimmed
    trimmed: bool = False

    @property
    def evidence(self) -> Evidence:
        return Evidence(self.seg.card.source, self.seg.line_at(self.at), self.sentence)

    @property
    def shape(self) -> Shape:
        if not self.toks:
            return shape_of_text(self.surface)
        toks = self.toks if self.trimmed else trim(self.toks)
        shape = shape_of(toks)
        if self.seg.kind == ITEM and opens_item(toks) and outline_item(self.seg):
            shape = interned(replace(shape, opens_item=True))
        return shape


@dataclass(frozen=True, slots=True)
class AliasPair:
    """Two names the notes state are one ("gross domestic product (GDP)")."""

    short: str
    long: str
    reason: str
    evidence: Evidence | None = None


@dataclass(slots=True)
class Candidate:
    """Everything the notes say about one key."""

    key: str
    forms: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    mentions: list[Evidence] = field(default_factory=list)
    #: the sentences it is used in (one :class:`Evidence` each)
    sentences: set[Evidence] = field(default_factory=set)
    cards: set[str] = field(default_factory=set)
    #: the files it is used in (shared between names: :class:`SharedSets`)
    sources: frozenset[str] = frozenset()
    #: cards about it, and its definitions as (role, evidence); most names have none,
    #: so each is the shared empty tuple until :func:`collect` gives it a first one (an
    #: empty list is 56 bytes, a name of a large deck's hundreds of thousands)
    subject_of: list[Card] | tuple[()] = ()
    definitions: list[tuple[str, Evidence]] | tuple[()] = ()
    shapes: Counter[Shape] = field(default_factory=Counter)
    first: tuple[int, int, int] = (1 << 30, 0, 0)  # (file order, line, card order)
    #: uses of the name as a name of its own (not inside a longer noun phrase)
    count: int = 0
    #: uses in sentences that cite a source or credit someone (see :data:`REFERENCE`)
    in_references: int = 0
    #: of them, uses right after "by", who the sentence credits (:func:`credited`)
    credited: int = 0
    #: uses that refer to one particular thing, not the subject of their clause ("reduces
    #: the input mixture"; :func:`referred`)
    referred: int = 0
    #: uses as the title of a whole file (a heading over all its cards)
    file_titles: int = 0
    #: cards it titles whose answer opens by naming it ("## Osmosis" / "Osmosis moves ...")
    opens: int = 0
    #: uses as the whole text of a link out of the notes, and of them, uses in a link
    #: that is its whole line or list item (a list of courses, tools...): :func:`linked`
    linked: int = 0
    link_lines: int = 0
    #: uses as a heading, and of them, headings whose text below uses the name again
    #: (a heading that names a term is used under it; one that titles a section,
    #: "Dealing with erosion", rarely is): :func:`collect`
    headings: int = 0
    headings_used: int = 0

    @property
    def words(self) -> list[str]:
        return self.key.split()


# -- sentence views ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class View:
    """A sentence with its noun chunks and pattern matches (computed once per doc)."""

    seg: Segment
    sent: Span
    text: str
    chunks: list[Span]
    matches: dict[str, list[tuple[int, int]]]  # table -> [(start, end)] in the doc
    whole_line: bool  # the segment is this one sentence
    #: the sentence's tokens, made once (spaCy makes a Token on every access)
    toks: list[Token] = field(default_factory=list)


#: Cheap word checks that decide whether a pattern table can match a text at all.
_TRIGGERS = {
    "NAMING": re.compile(
        r"\b(?:called|termed|dubbed|named|known|referred|defines?|such|like|e\.?g|"
        r"including|example|instance)\b",
        re.IGNORECASE,
    ),
    "GLOSS": re.compile(r"\("),
    "DEFINING": re.compile(
        r"\b(?:is|are|refers?|denotes|means|describes|represents|defined|states?|says?"
        r"|occurs?|happens?|arises?)\b",
        re.IGNORECASE,
    ),
}


def views(seg: Segment, doc: Doc, nlp: Language) -> list[View]:
    """The sentences of a parsed segment, with chunks and cue matches; sentences that
    carry an analogy are left out."""
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    text = span_text(doc)
    tables = [t for t, trigger in _TRIGGERS.items() if trigger.search(text)]
    if seg.is_title:
        tables.append("NOUN_PHRASE")
    for table in tables:
        for _, start, end in patterns.matcher(nlp, table)(doc):
            found[table].append((start, end))
    # a name in Title Case is one chunk through its preposition ("the Treaty of Ghent")
    # and a numeral takes in the noun it numbers ("Type" + "I error")
    chunks = title_case_chunks([extend_numbering(extend_hyphens(c)) for c in doc.noun_chunks])
    # a chunk a longer one took in ("esteem" of "self-esteem") is no name of its own
    chunks = [
        c
        for i, c in enumerate(chunks)
        if not any(
            j != i and o.start <= c.start and c.end <= o.end and len(o) > len(c)
            for j, o in enumerate(chunks)
        )
    ]
    sents = sentences_of(doc)
    out = []
    for sent in sents:
        sent_text = span_text(sent).strip()
        if ANALOGY.search(sent_text):
            continue
        if len(sents) == 1:
            out.append(View(seg, sent, sent_text, chunks, dict(found), True, list(sent)))
            continue
        inside = lambda s, e, sent=sent: sent.start <= s and e <= sent.end  # noqa: E731
        out.append(
            View(
                seg,
                sent,
                sent_text,
                [c for c in chunks if inside(c.start, c.end)],
                {t: [(s, e) for s, e in spans if inside(s, e)] for t, spans in found.items()},
                False,
                list(sent),
            )
        )
    return out


def _occ(
    name: tuple[str, str] | None,
    role: str,
    seg: Segment,
    sentence: str,
    at: int = 0,
    toks: Sequence[Token] = (),
    definition: str = "",
    *,
    trimmed: bool = False,
) -> Iterator[Occurrence]:
    if name is None:
        return
    if any(rendered_word(w) != w for w in name[1].split()):
        # a formula copied twice over ("NaClNaCl"): its readable half, or no name
        words = [r for w in name[1].split() if (r := rendered_word(w))]
        if not words:
            return
        name = (key_of(words), " ".join(words))
    if not well_formed(name[1]):
        return
    if toks and course_code(toks[0]):
        # "BIO" of "BIO 201", "PSYC 101 - Memory": a course code names the course, and
        # a name it opens is the course's title, not a term it teaches
        return
    if role != "term" and quantity(name[1]):
        return  # "**-70 mV**", "1200 °C": a value stressed or said, not a name
    if role != "term" and len(toks) == 1 and unit_after_number(toks[0]):
        return  # "bpm" of "60 bpm", "mmHg" of "30 mmHg": a unit of a value, not a name
    if cites_the_materials(name[1]):
        return  # "!! memorize the table on slide 12": a pointer into the materials
    key, surface = name
    shouted = surface.isupper() and " " not in surface  # "TODO: reread chapter 3"
    if (role in CALLOUT_ROLES or shouted or (role == "term" and " " in key)) and about_the_notes(
        key
    ):
        # "**NOTE:**", "BONUS:", "Image credit:", "TODO", a card on "Exam tips": set apart,
        # not a name
        return
    if role not in SUBJECT_ROLES:
        if indexed(surface) or in_series(surface, sentence):
            return  # "x1": a variable of an example or a formula
        words = surface.split()
        if len(words) > 1 and in_series(words[-1], sentence):
            # "the crates W1, ..., Wn": the name before the variable
            if toks and toks[-1].text == words[-1]:
                toks = toks[:-1]
            key, surface = key_of(words[:-1], toks), " ".join(words[:-1])
    yield Occurrence(key, surface, role, seg, sentence, at, tuple(toks), definition, trimmed)


def about_the_notes(key: str) -> bool:
    """Is ``key`` a callout word ("note", "bonus", "cons") or a name made only of
    note-taking words ("image credit", "review questions")? Set apart as a label, bold
    run, heading or list item, it names no concept.

    >>> about_the_notes("NOTE"), about_the_notes("image credit"), about_the_notes("resource")
    (True, True, False)

    A number among them numbers the materials ("review week 3 handout"):

    >>> about_the_notes("review week 3 handout"), about_the_notes("chapter 11 bankruptcy")
    (True, False)
    """
    words = key.lower().split()
    if len(words) == 1:
        return words[0] in CALLOUT_WORDS
    return all(w in GENERIC_NOTE_WORDS or w.isdigit() for w in words) and not all(
        w.isdigit() for w in words
    )


_WORD_OR_NUMBER = re.compile(r"[^\W\d_][\w'-]*|\d+")


def about_the_notes_only(text: str) -> bool:
    """Is ``text`` made only of note-taking words (:data:`GENERIC_NOTE_WORDS`), callout
    words and numbers ("midterm review", "Week 5 summary", "lecture notes")? Explaining a
    label, it makes the line a title of the notes ("Geo 210 - midterm review"), not a term
    and its meaning.

    >>> about_the_notes_only("midterm review summary"), about_the_notes_only("Week 5 notes")
    (True, True)
    >>> about_the_notes_only("a review of soils"), about_the_notes_only("12")
    (False, False)
    """
    words = [w.lower() for w in _WORD_OR_NUMBER.findall(text) if not w.isdigit()]
    return bool(words) and all(w in GENERIC_NOTE_WORDS or w in CALLOUT_WORDS for w in words)


def cites_the_materials(surface: str) -> bool:
    """Does a name close on a place in the course's materials, a preposition, a
    note-taking word (:data:`GENERIC_NOTE_WORDS`) and its number ("the table on slide
    12", "graphs from lecture 4")? It points into the materials; the notes name no concept
    by it. A number that is part of a name ("Chapter 11 bankruptcy", "Article 5") is
    none: no preposition places it.

    >>> cites_the_materials("table on slide 12"), cites_the_materials("graphs from Lecture 4b")
    (True, True)
    >>> cites_the_materials("chapter 11 bankruptcy"), cites_the_materials("phase 2 of trials")
    (False, False)
    """
    words = surface.lower().split()
    return (
        len(words) >= 3
        and words[-3] in _PLACING_PREPOSITIONS
        and words[-2] in GENERIC_NOTE_WORDS
        and bool(_MATERIAL_NUMBER.fullmatch(words[-1]))
    )


_PLACING_PREPOSITIONS = frozenset("on in from of at see".split())
_MATERIAL_NUMBER = re.compile(r"\d+[a-z]?")


#: Roles in which a callout word (:data:`CALLOUT_WORDS`) is set apart as a label.
CALLOUT_ROLES = frozenset({"label", "emphasis", "acronym", "item", "heading"})

#: Marks no name holds: code and maths ("S_t", "<|unk|>", "a=b"), and an arrow, which
#: joins two things ("prior → posterior": a flow from one to the other).
_CODE_LIKE = re.compile(r"[|_{}<>=`\\→←↔⇒⇐⇔]|^[(\[]")


#: A long dash between spaces: a separator, never inside a name.
_SPACED_DASH = re.compile(r"\s[—–]\s")

#: A unit symbol, with an SI prefix where it takes one ("mV", "kPa", "°C", "%").
_UNIT = (
    r"(?:[kMGTmµμunpcd]?(?:m|g|s|A|K|mol|Hz|N|Pa|J|W|V|Ω|L|l|eV|M|Da)"
    r"|°[CFcf]?|%|h|min|atm|bar|psi|kcal|cal|mph|ppm|dB|bp|kb)"
)
#: A number, signed or approximate, and its units ("-70 mV", "9.8 m/s2", "~1200 °C").
_QUANTITY = re.compile(rf"[~≈<>±+\-−–]?\d[\d,.]*(?:{_UNIT}(?:[/·]{_UNIT})*[23²³]?)+")


def quantity(surface: str) -> bool:
    """Is ``surface`` a value, a number and its units ("-70 mV", "1200 °C", "9.8 m/s2"),
    which names no concept? A number before a name ("5G network", "95% confidence
    interval", "4 Ps") is no value.

    >>> [quantity(s) for s in ["−70 mV", "1200 ° c", "9.8 m/s2", "0 K", "5G", "4 Ps", "3D"]]
    [True, True, True, True, False, False, False]
    """
    return bool(_QUANTITY.fullmatch(re.sub(r"\s+", "", surface)))


#: Letters of a unit symbol, at most: "bpm", "mmHg", "kcal" (longer words are names).
UNIT_LETTERS = 4


def unit_after_number(tok: Token) -> bool:
    """Is ``tok`` a unit symbol right after a number ("60 bpm", "30 mmHg", "2 kWh"): a
    short word in lower case (capitals inside aside) that English does not know? A word
    English knows ("3 layers", "5 days") or an acronym ("4 GPUs") counts what it names.

    >>> from extraction.nlp import pipe
    >>> doc = next(iter(pipe(["Rest at 60 bpm, 3 layers, 4 GPUs and 2 kWh."])))
    >>> [t.text for t in doc if unit_after_number(t)]
    ['bpm', 'kWh']
    """
    if tok.i == 0 or not (tok.is_alpha and len(tok.text) <= UNIT_LETTERS):
        return False
    if not tok.text[0].islower() or lemmas(tok.lower_):
        return False
    return bool(tok.doc[tok.i - 1].like_num)


def well_formed(surface: str) -> bool:
    """Can ``surface`` be a concept's name: brackets balanced, no table separator, no
    code or maths identifier ("S_t", "pull(key, value", "<|unk|>"), not opening on a
    bracket ("( NiN blocks")?

    >>> [well_formed(s) for s in ["NiN block", "( NiN blocks", "S_t", "p(lp", "f(x)"]]
    [True, False, False, False, True]
    >>> well_formed("glucose → pyruvate")
    False

    A spaced long dash parts a title from what follows ("KILNS — week 2 review"); a name
    holds none (an unspaced one joins names: "Michaelis–Menten"):

    >>> well_formed("KILNS — week 2 review"), well_formed("Michaelis–Menten kinetics")
    (False, True)
    """
    if _CODE_LIKE.search(surface) or _SPACED_DASH.search(surface):
        return False
    depth = 0
    for ch in surface:
        depth += (ch in "([") - (ch in ")]")
        if depth < 0:
            return False
    return depth == 0


def indexed(surface: str) -> bool:
    """Is ``surface`` a variable written as a lower-case letter, alone or with a number
    ("p", "x1", "y2"), or a capital letter alone ("X is the grid of soundings", "let A be
    the area")? Capitals with more letters or a number, longer words and longer names
    stay names ("CO2", "L1", "H2O", "x1 norm", "ls"); so does a card's term or a
    heading, which names what the card is about (a heading "R" names the language).

    >>> [indexed(s) for s in ["x1", "y20", "p", "X", "CO2", "L1", "H2O", "x1 norm", "ls"]]
    [True, True, True, True, False, False, False, False, False]
    """
    text = surface.strip()
    return bool(VARIABLE.match(text) or _LETTER.match(text))


#: A capital letter alone: a symbol of a formula or an example ("X", "A").
_LETTER = re.compile(r"^[A-Z]$")
#: A letter with an index, a number or one letter ("X1", "xn", "XN").
_INDEXED = re.compile(r"^([A-Za-z])(\d+|[A-Za-z])$")
_ELLIPSIS = re.compile(r"\.\.\.|…|⋯")


def in_series(word: str, sentence: str) -> bool:
    """Is ``word`` one term of a series of indexed variables the sentence writes out with
    an ellipsis ("x1, x2, ..., xn", "the crates W1, ..., WN"): a letter with an index
    that the sentence also writes with another index? Names written like that stay
    names where no ellipsis makes a series of them ("the G1 and G2 phases").

    >>> in_series("Wn", "the crates W1, ..., Wn"), in_series("G1", "the G1 and G2 phases")
    (True, False)
    """
    m = _INDEXED.match(word)
    if m is None or not _ELLIPSIS.search(sentence):
        return False
    letter = re.escape(m.group(1))
    indices = set(re.findall(rf"(?<!\w){letter}(\d+|[A-Za-z])(?!\w)", sentence))
    return len(indices) >= 2


def name_of_text(text: str) -> tuple[str, str] | None:
    """``(key, surface)`` of a name known only as a string (an abbreviation's long form)."""
    words = [r for w in re.split(r"\s+", text.strip(" .,;:")) if w and (r := rendered_word(w))]
    if not words or len(words) > 6 or any(URL.search(w) for w in words):
        return None
    return key_of(words), " ".join(words)


# -- structure: titles and headings -------------------------------------------------


def title_kind(seg: Segment) -> str:
    """The kind of a title: the reader's, else read from its shape (a question, or a
    short term)."""
    kind = seg.title_kind
    if kind != "none":
        return kind
    text = seg.text.strip()
    if is_question(text):
        return "question"
    words = text.split()
    if 1 <= len(words) <= 6 and not text.endswith((":", ".")):
        return "term"
    return "none"


def titles(seg: Segment, doc: Doc) -> Iterator[Occurrence | AliasPair]:
    """What a title or heading is about: a term card's term or a heading, as written
    ("for loop", "Supply and demand"; the parts of a heading joined by "and" are
    named by it too), a question's subject, and an acronym the title gives ("What are
    GANs? (Generative ...)")."""
    if not seg.is_title:
        return
    kind = title_kind(seg)
    if kind == "none":
        return
    role = "cloze" if kind == "cloze" else kind
    if kind == "cloze" and (hidden := cloze_runs(seg, doc)):
        for toks in hidden:  # "The {{c1::median}} is the middle value ...": the median
            yield from _occ(structural_name(toks), role, seg, seg.text, toks=toks)
        return
    # a heading may ask a question ("## Why does the heart rate change?"): read as one
    asks = kind == "question" or (kind == "heading" and is_question(seg.text))
    whole_term = kind in {"term", "heading"} and not asks
    if kind != "cloze" and (sides := contrasted_names(seg, doc)):
        for side in sides:  # both things a card contrasts are what it is about
            yield from _occ(phrase(side, lenient=True), role, seg, seg.text, toks=side)
        return
    if asks and CONTRAST_CUE.search(seg.text):
        return  # "What is the difference between <= and =<?" is about no "difference"
    found = title_concept(seg.text, term=whole_term)
    if not found and whole_term and (subtopic := after_colon(seg.text)):
        found = title_concept(subtopic, term=True)  # "Enzymes: Denaturation"
    if not found:
        subject = asked_subject(doc) if asks else []
        subject = kinds_asked(subject) or subject  # "What are some RNN architectures?"
        if subject and not judged(asked := subject_phrase(subject)):
            yield from _occ(asked, role, seg, seg.text, toks=subject)
        return
    span = span_of(doc, found.name)
    if span is None or (whole_term and instruction_purpose(list(doc))):
        return  # "Recall for the quiz": what an instruction is for names nothing
    if whole_term and cites_the_materials(span.text):
        return  # "Memorize the table on slide 12": no part of a pointer is a name
    toks = list(span)
    if asks and (kinds := kinds_asked(toks)):
        toks = kinds  # "What are some RNN architectures?" asks for kinds of RNN
    if asks and (topic := framed_topic(toks)):
        toks = topic  # "What is the primary approach for X?" asks about X
    names: dict[str, tuple[tuple[str, str], Sequence[Token]]] = {}

    def name(found_name: tuple[str, str] | None, part: Sequence[Token]) -> None:
        if found_name is None or found_name[0] in names:
            return
        if asks and judged(found_name):
            return
        names[found_name[0]] = (found_name, part)

    listing = any(t.text == "," for t in toks) and any(t.lower_ in {"and", "&"} for t in toks)
    sides = one_word_with(toks) if whole_term else []
    if sides:
        # "Problems with Varnish", "Sanding with Pumice": a section on one thing done to,
        # or found with, another; each side is a name, the heading is none
        for side in sides:
            name(phrase(side, lenient=True), side)
    elif whole_term and not listing and not joins_activity(toks):
        # "Lipids, Proteins and Nucleic Acids" lists three; "Memory and Improving Your
        # Sleep" joins a topic and an action: neither is one name
        name(structural_name(toks), toks)
    framed = any(t.pos_ == "ADP" or t.tag_ == "VBG" for t in toks) or bool(
        toks and toks[0].lower_ in FRAMING_NOUNS
    )
    if (
        whole_term
        and any(t.lower_ in {"and", "&"} for t in toks)
        and not (kind == "term" and plural_pair(toks))
    ):
        for part in coordinated(trim(toks)):
            part = after_prefix(part)  # "Astronomy 110 - Light and telescopes": light
            if part and not is_activity(span_text_of(part)):  # "... and Improving Your Sleep"
                name(phrase(part, lenient=True), part)
    elif (not whole_term or framed) and not sides:  # "Introduction to RNA-seq", "Types of RNNs"
        runs = split_runs(refine(toks))
        if runs and not (whole_term and names and narrows_heading(runs[0], toks)):
            for part in coordinated(runs[0]):
                name(phrase(part, lenient=True), part)
        whole = trim(toks)
        preps = [t for t in whole if t.lower_ in {"with", "for", "in", "on", "using", "via"}]
        # a heading joining two names ("Crop Rotation with Legumes")
        if (
            whole_term
            and len(preps) == 1
            and len(whole) <= 6
            and len(words_of(trim(whole[: whole.index(preps[0])]))) >= 2
        ):
            name(phrase(whole, lenient=True), whole)
    for found_name, part in names.values():
        yield from _occ(found_name, role, seg, seg.text, toks=part)
        if asks:
            yield from slash_alternatives(found_name, part, doc, seg)
    if whole_term:
        yield from _owner_dropped_pairs([n for n, _ in names.values()])
    if found.acronym and not credited_in_brackets(found.acronym):
        short = singular_acronym(found.acronym)
        yield from _occ((short, found.acronym), role, seg, seg.text)
        last = singular_acronym(found.name.split()[-1])
        if initials_match(short, found.name) or (
            is_acronym(last)
            and short.endswith(last)
            and short[:1].lower() == found.name[:1].lower()
        ):
            yield AliasPair(found.acronym, found.name, "title gives its abbreviation")
        elif kind == "term" and other_name_given(found.name, found.acronym, seg.card.body):
            yield AliasPair(found.acronym, found.name, TITLE_OTHER_NAME)  # "Shoreline (coastline)"
    if whole_term and (m := _TRAILING_SYMBOL.search(seg.text)) and symbol(m[1]):
        # "Bioavailability (F)", "Half-life (t1/2)": the symbol the notes write it with
        yield AliasPair(m[1], found.name, SYMBOL_GIVEN)
    if kind == "cloze" and (m := re.match(r"^(\S+)\s+stands for\s*(.*)$", seg.text, re.I)):
        body = seg.card.body.strip().splitlines()
        long = m.group(2).strip(" .") or (body[0].strip(" .") if body else "")
        if long and initials_match(m.group(1), long):
            yield AliasPair(m.group(1), long, "a cloze spells out the abbreviation")


def credited_in_brackets(inner: str) -> bool:
    """Is the bracket closing a title one capitalised word that English does not know
    and that is no acronym ("Kiln designs (Quist)", "Glaze recipes (Lindqvist)")? It
    credits the person a section follows, and names no concept.

    >>> credited_in_brackets("Quist"), credited_in_brackets("GM"), credited_in_brackets("oven")
    (True, False, False)
    """
    return (
        inner.isalpha()
        and inner[:1].isupper()
        and inner[1:].islower()
        and len(inner) > 2
        and not lemmas(inner.lower())
    )


#: A possessive owner opening a name: "Hooke's law of springs".
_OWNER = re.compile(r"^[A-Z][\w-]*(?:'s|’s|s'|’)\s+")


def _owner_dropped_pairs(found: Sequence[tuple[str, str]]) -> Iterator[AliasPair]:
    """Another name a title gives for one it names with its author's possessive
    ("Hooke's law of springs" and, read without the owner, "law of springs"): the
    same law, not a part of it.

    >>> [(p.short, p.long) for p in _owner_dropped_pairs(
    ...     [("hooke's law of springs", "Hooke's law of springs"),
    ...      ("law of springs", "law of springs")])]
    [('law of springs', "Hooke's law of springs")]
    """
    plain = {key.lower(): key for key, _ in found}
    for _, surface in found:
        owner = _OWNER.match(surface)
        if owner and (rest := plain.get(surface[owner.end() :].lower())) and " " in rest:
            yield AliasPair(rest, surface, TITLE_OTHER_NAME)


#: Most tokens of a cloze deletion read as a name: a longer one hides a statement.
CLOZE_MAX_TOKENS = 6


def cloze_runs(seg: Segment, doc: Doc) -> list[list[Token]]:
    """The tokens of each cloze deletion of a title ("The {{c1::median}} is the middle
    value ..."): what the card hides is what it asks for, and so what it is about.
    A deletion of a number or of a clause names nothing.

    >>> from extraction.nlp import pipe
    >>> from extraction.records import Card, Emphasis
    >>> from extraction.concepts.segments import card_segments
    >>> title = "A delta forms where a river meets the sea"
    >>> card = Card("n#1", "n.csv", "csv", (1, 1), title, "", title_kind="cloze",
    ...     emphasis=(Emphasis("title", 2, 7, "cloze"),))
    >>> seg = next(card_segments(card))
    >>> [[t.text for t in run] for run in cloze_runs(seg, next(pipe([seg.text])))]
    [['delta']]
    """
    runs: list[list[Token]] = []
    for start, end, style in seg.emphasis:
        span = doc.char_span(start, end, alignment_mode="expand") if style == "cloze" else None
        toks = [t for t in span if not t.is_punct] if span is not None else []
        if 0 < len(toks) <= CLOZE_MAX_TOKENS and (
            any(t.pos_ in {"NOUN", "PROPN"} for t in toks) or _article_before(toks)
        ):
            runs.append(list(span))
    return runs


def _article_before(toks: Sequence[Token]) -> bool:
    """Does an article stand right before a hidden run that ends in an adjective ("P(A)
    is the {{c1::prior}}")? The article makes the word a noun the tagger misread; an
    adjective said of something ("are {{c1::independent}}") names nothing."""
    first = toks[0]
    return (
        first.i > 0
        and first.doc[first.i - 1].lower_ in {"a", "an", "the"}
        and toks[-1].pos_ == "ADJ"
    )


#: Why a term and the symbol its title gives in brackets are one concept.
SYMBOL_GIVEN = "the title gives its symbol"
_TRAILING_SYMBOL = re.compile(r"\(\s*([^()\s]{1,6})\s*\)\s*$")
#: A symbol of a quantity: a capital or Greek letter ("F", "λ"), a lower-case letter past
#: those that number cases ("n", "r"; not "a"-"e" nor "i"), or a letter with an index of
#: digits, superscripts, a slash or a lower-case letter or two ("t1/2", "Vd", "k2", "s²").
_SYMBOL = re.compile(
    r"^(?:[A-Z\u0391-\u03a9\u03b1-\u03c9]|[f-hj-z]|[^\W\d_](?:[\d/.⁰¹²³⁴-⁹]+|[a-z]{1,2}))$"
)


def other_name_given(name: str, inner: str, answer: str) -> bool:
    """Does a term card's title "``name`` (``inner``)" give another name of the term in
    its bracket ("Shoreline (coastline)", "Rip current (rip tide)")? Words only, no
    abbreviation (one the name's initials do not spell stands for something else) nor a
    symbol, a name by :func:`~extraction.titles.names_it`, not a word about the notes
    ("(important)"), and not the kind the answer opens with ("Kiln (oven)" / "an oven
    for firing clay": the genus, not another name).

    >>> other_name_given("Shoreline", "coastline", "where the land meets the sea")
    True
    >>> other_name_given("Kiln", "oven", "an oven for firing clay")
    False
    >>> other_name_given("Kiln", "KLN", "an oven"), other_name_given("Kiln", "see ch 2", "")
    (False, False)
    """
    words = inner.split()
    if not words or not all(w.isalpha() for w in words) or is_acronym(inner) or symbol(inner):
        return False
    if not names_it(name, inner) or any(
        w.lower() in GENERIC_NOTE_WORDS | CALLOUT_WORDS for w in words
    ):
        return False
    opening = re.findall(r"[^\W\d_]+", answer.lower())[:3]
    opening = [w for w in opening if w not in {"a", "an", "the", "any", "one"}][:1]
    return singular(words[-1].lower()) not in {singular(w) for w in opening}


def symbol(name: str) -> bool:
    """Is what a term's title gives in brackets after it the symbol the notes write it
    with ("Bioavailability (F)", "Half-life (t1/2)", "Wavelength (λ)")? A symbol need not
    be the term's initial; a lower-case letter that may number a case ("(a)", "(c)",
    "(i)") does not, one further down the alphabet does ("Sample size (n)"), and so
    does a letter with a superscript ("Variance (s²)").

    >>> symbol("F"), symbol("t1/2"), symbol("Vd"), symbol("λ"), symbol("n"), symbol("s²")
    (True, True, True, True, True, True)
    >>> symbol("a"), symbol("weak"), symbol("CL"), symbol("12"), symbol("i")
    (False, False, False, False, False)
    """
    return bool(_SYMBOL.match(name.strip()))


def narrows_heading(run: Sequence[Token], toks: Sequence[Token]) -> bool:
    """Is ``run``, what a heading's words give before a preposition, only the one noun
    that the preposition then narrows ("Conditions" of "Conditions for Drought",
    "Limits" of "Limits on Borrowing")? A heading named whole is about the narrowed
    thing, not that noun in general.

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Conditions for Drought"]))
    >>> narrows_heading(list(doc[:1]), list(doc)), narrows_heading(list(doc[2:]), list(doc))
    (True, False)
    """
    words = [t for t in run if not t.is_punct and not t.is_space]
    if len(words) != 1 or words[0].pos_ not in {"NOUN", "PROPN"}:
        return False
    after = words[0].i + 1
    return any(t.i == after and t.pos_ == "ADP" for t in toks)


#: What sets a title's prefix off from its topics: a colon, a dash between spaces.
_PREFIX_ENDS = frozenset({":", "-", "–", "—"})


def after_prefix(part: Sequence[Token]) -> list[Token]:
    """The words of a coordinated title's part after the last colon or spaced dash: what
    comes before it ("Unit 3:", "Astronomy 110 -") names the course or the unit, not the
    topic the part names.

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Geology 101 - Rocks and minerals"]))
    >>> [t.text for t in after_prefix(list(doc[:4]))], [t.text for t in after_prefix(doc[5:6])]
    (['Rocks'], ['minerals'])
    """
    ends = [
        i
        for i, t in enumerate(part)
        if t.text in _PREFIX_ENDS
        and (t.text == ":" or (t.whitespace_ and i > 0 and part[i - 1].whitespace_))
    ]
    return list(part[ends[-1] + 1 :]) if ends else list(part)


#: Prepositions after which a note-taking word hands a question on to its topic ("What
#: is the primary approach for X?", "What are the steps in X?").
TOPIC_PREPOSITIONS = frozenset("of to for on about in with".split())


def framed_topic(toks: Sequence[Token]) -> list[Token]:
    """The topic of a question's name that only frames it, or []: a note-taking word
    (``GENERIC_NOTE_WORDS``: "the primary approach", "the steps"), described by adjectives
    only, then a preposition ("What is the primary approach for crop rotation?", "What are
    the steps in bread baking?"); before "of" only a word that also frames
    (``FRAMING_NOUNS``: not "What is the time of flight?"). The question asks about its
    topic, not about the approach. A heading is read as written ("Overview of
    Volcanoes" is named whole, and its topic too), and the selector weighs it.
    """
    words = [t for t in trim(toks) if not t.is_space]
    prep = next(
        (i for i, t in enumerate(words) if t.lower_ in TOPIC_PREPOSITIONS and t.pos_ == "ADP"),
        None,
    )
    if not prep or prep > 4:
        return []
    left = [
        t for t in words[:prep] if t.pos_ not in {"DET", "PRON"} and t.lower_ not in VAGUE_WORDS
    ]
    if not left or len(left) > 3:
        return []
    if not all(t.pos_ == "ADJ" or t.tag_ == "JJ" for t in left[:-1]):
        return []
    head = left[-1].lower_
    if head not in GENERIC_NOTE_WORDS or (words[prep].lower_ == "of" and head not in FRAMING_NOUNS):
        return []
    rest = trim(words[prep + 1 :])
    if len(rest) > 1 and rest[0].tag_ == "VBG" and rest[0].dep_ == "pcomp":
        rest = trim(rest[1:])  # "the approach for preventing wood rot": about wood rot
    if not rest or not any(t.pos_ in {"NOUN", "PROPN"} or is_acronym(t.text) for t in rest):
        return []
    return rest


#: Prepositions that join a heading's one word to what it is done with or found with.
WITH_WORDS = frozenset({"with", "using", "via"})


def one_word_with(toks: Sequence[Token]) -> list[list[Token]]:
    """The two sides of a heading that is one word, then "with" (or "using", "via"),
    then a name: "Problems with Gradients", "Polishing with Pumice", "Navigation via
    Sextants" title a section about the word's thing as it meets the other, and are no
    name of their own, as :func:`topic_in_setting` reads a label of one word before its
    preposition; so does a plural, then "as", then a name: "Cells as Factories" views
    cells as factories ("Software as a service" names a thing). Else [] (two words or
    more before it, "Crop Rotation with Legumes", may name one thing)."""
    words = [t for t in trim(toks) if not t.is_punct and not t.is_space]
    if len(words) < 3 or not (
        words[1].lower_ in WITH_WORDS or (words[1].lower_ == "as" and words[0].tag_ == "NNS")
    ):
        return []
    first, rest = words[0], trim(words[2:])
    if not first.is_alpha or not rest or any(t.lower_ in WITH_WORDS for t in rest):
        return []
    if not (rest[-1].is_alpha or is_acronym(rest[-1].text)) or rest[-1].pos_ in _FUNCTION_POS:
        return []  # (a Title Case word may be read as an adjective: "with Varnish")
    if first.lower_ in FRAMING_NOUNS or first.lower_ in GENERIC_NOTE_WORDS:
        return [rest]  # "Difficulties with Osmosis" frames osmosis and names no difficulty
    return [[first], rest]


def span_text_of(toks: Sequence[Token]) -> str:
    """The text of a run of tokens, as written."""
    return "".join(t.text_with_ws for t in toks).strip()


def joins_activity(toks: Sequence[Token]) -> bool:
    """Does a heading join by "and" a part that is an action on something ("Sleep and
    Improving Your Memory": a gerund, then a determiner, :func:`is_activity`)? Such a
    part names nothing, and the heading is two topics, no one name."""
    if not any(t.lower_ in {"and", "&"} for t in toks):
        return False
    return any(is_activity(span_text_of(part)) for part in coordinated(trim(toks)))


def kinds_asked(toks: Sequence[Token]) -> list[Token]:
    """The name whose kinds a question asks for: a plural head of ``KIND_HEADS`` after
    another name ("What are some SUV basic architectures?" -> SUV, "What are the main
    rock types?" -> rock; the describing words after the name go with the head). The
    answer lists kinds of that name, not of a thing named by the whole phrase. Else [].
    A heading that asks is read alike, also in Title Case, where the tagger reads the
    head as a proper noun ("What Are the Main Rock Types?"), and a name the tagger reads
    as an adjective before the head is still the name ("the main hive types",
    :func:`noun_read_as_adjective`)."""
    words = [t for t in trim(toks) if not t.is_punct and not t.is_space]
    if (
        len(words) < 2
        or words[-1].lower_ not in KIND_HEADS
        or words[-1].tag_ not in {"NNS", "NNPS", "NNP"}  # not "types" read as a verb
    ):
        return []
    rest = words[:-1]
    while len(rest) > 1 and (
        rest[0].lower_ in SELECTING_ADJECTIVES or rest[0].lower_ in EVALUATIVE_WORDS
    ):
        rest = rest[1:]  # "the main volcano varieties": which kinds, not which volcano
    while len(rest) > 1 and (
        (rest[-1].pos_ == "ADJ" and not noun_read_as_adjective(rest[-1]))
        or adjective_in_title_case(rest[-1])
    ):
        rest = rest[:-1]  # "RNN basic": "basic" describes the architectures
    last = rest[-1]
    if (
        last.pos_ not in {"NOUN", "PROPN"}
        and not is_acronym(last.text)
        and not noun_read_as_adjective(last)
    ):
        return []
    return rest


def adjective_in_title_case(tok: Token) -> bool:
    """Is ``tok`` an adjective written with a capital in a Title Case title, that the
    tagger reads as a proper noun ("What Are Some SUV *Basic* Architectures?")? English
    knows the word as an adjective and not as a noun, and it is no acronym."""
    return (
        tok.pos_ == "PROPN"
        and tok.is_alpha
        and tok.is_title
        and not is_acronym(tok.text)
        and _adjective_or_adverb(tok.lower_)
        and not _plain_noun(tok.lower_)
    )


def noun_read_as_adjective(tok: Token) -> bool:
    """Is ``tok`` a noun the tagger read as an adjective before another noun ("the main
    *hive* types", "*glacier* varieties")? English knows the word as a noun and has no
    adjective or adverb reading of it (``lemminflect``'s dictionary), so it can only
    name something; "basic", "main" stay adjectives."""
    return (
        tok.pos_ == "ADJ"
        and tok.is_alpha
        and _plain_noun(tok.lower_)
        and not _adjective_or_adverb(tok.lower_)
    )


def plural_pair(toks: Sequence[Token]) -> bool:
    """Is a title two plural nouns joined by "and"/"or", one word each ("Checks and
    balances", "Pros and cons")? As a card's term the pair names one thing, and neither
    noun alone is what the card is about (a heading "Lipids and proteins" heads both)."""
    words = [t for t in toks if not t.is_punct and not t.is_space]
    return (
        len(words) == 3
        and words[1].lower_ in {"and", "or", "&"}
        and all(t.tag_ in {"NNS", "NNPS"} for t in (words[0], words[2]))
    )


def judged(name: tuple[str, str] | None) -> bool:
    """Does a question's name open with a word that judges ("What are typical symptoms of
    flu?", "Why are good hash functions fast?")? The question asks about instances it
    judges, and names no concept; a term or heading that does ("Typical enzymes") is
    left to the selector's ``evaluative`` feature."""
    return name is not None and name[1].split()[0].lower() in EVALUATIVE_WORDS


def after_colon(title: str) -> str:
    """What a heading or term names after a colon that sets its topic apart ("Enzymes:
    Denaturation", "Chapter 3: Photosynthesis"): the part after the one colon, when
    both parts are short; else "".

    >>> after_colon("Enzymes: Denaturation"), after_colon("Note: see chapter 3 for the proofs")
    ('Denaturation', '')
    """
    before, colon, after = title.partition(":")
    after = after.strip()
    if not colon or ":" in after or not before.strip() or not after:
        return ""
    if len(before.split()) > 4 or len(after.split()) > 4:
        return ""
    return after


#: The reason of a pair of names a question offers as alternatives ("What is an
#: osmotic/water potential?"): one thing asked about under either name.
ALTERNATIVES = "alternative names asked about as one thing"


def slash_alternatives(
    name: tuple[str, str] | None, toks: Sequence[Token], doc: Doc, seg: Segment
) -> Iterator[AliasPair]:
    """A question that asks what one thing is ("What is an osmotic/water potential?",
    a singular verb and name) under two names joined by a slash, before a shared head,
    offers them as alternatives: the two names (and the slashed one) name one thing. Not
    a plural ("What are inner/outer ears?": two kinds), nor acronyms ("TCP/IP stack"),
    nor single letters ("I/O port": one word).

    >>> from extraction import nlp
    >>> doc = nlp.load()("What is an osmotic/water potential?")
    >>> [(p.short, p.long) for p in slash_alternatives(("x", "osmotic/water potential"),
    ...     doc[3:7], doc, None)]
    [('water potential', 'osmotic potential'), ('osmotic/water potential', 'osmotic potential')]
    """
    if name is None or not toks or toks[-1].tag_ not in {"NN", "NNP"}:
        return
    if not any(t.lower_ in {"is", "'s"} for t in doc):
        return
    words = name[1].split()
    slashed = [i for i, w in enumerate(words) if "/" in w]
    if len(slashed) != 1 or slashed[0] == len(words) - 1:
        return
    at = slashed[0]
    parts = words[at].split("/")
    if len(parts) != 2 or not all(p.isalpha() and len(p) > 1 and not is_acronym(p) for p in parts):
        return
    first, second = (" ".join([*words[:at], p, *words[at + 1 :]]) for p in parts)
    evidence = Evidence(seg.card.source, seg.line_at(0), seg.text) if seg is not None else None
    yield AliasPair(second, first, ALTERNATIVES, evidence)
    yield AliasPair(name[1], first, ALTERNATIVES, evidence)


#: Words that join the two contrasted things after a cue ("compare X with Y").
_CONTRAST_JOINS = frozenset({"and", "with", "to", "from", "&"})


def _name_tokens(toks: Sequence[Token]) -> bool:
    """Can ``toks`` be words of a name in a title: no function word, no finite verb
    (the tagger is often wrong about a short title: a word English has no verb of is
    no verb, whatever its tag)?"""
    return all(
        t.text in GLUE
        or is_acronym(t.text)
        or numbering(t)  # "Type I error": no pronoun
        or numbered_noun(t)  # "Stage I tumour": no verb
        or (
            t.pos_ not in _FUNCTION_POS
            and t.tag_ not in _QUESTION_TAGS
            and t.lower_ != "vs"
            and not (t.tag_ in _FINITE_TAGS and _verb_word(t.lower_))
        )
        for t in toks
    )


_FUNCTION_POS = frozenset(
    {"ADP", "CCONJ", "SCONJ", "AUX", "PRON", "PART", "DET", "PUNCT", "SYM", "INTJ", "ADV"}
)
_FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})
_QUESTION_TAGS = frozenset({"WDT", "WP", "WRB"})


@lru_cache(maxsize=4096)
def _verb_word(word: str) -> bool:
    return "VERB" in lemmas(word) or "AUX" in lemmas(word)


def contrasted_names(seg: Segment, doc: Doc) -> list[list[Token]]:
    """The two things a title contrasts, each as its tokens ("Osmosis vs. diffusion",
    "What is the difference between active and passive transport?" -> "active
    transport", "passive transport"); none when the title contrasts nothing.

    A side without a noun of its own shares the other's head ("Soft vs. hard
    water" -> "soft water"); words after the second name ("... in plant cells") are
    no part of it.
    """
    text = seg.text
    if m := VERSUS.search(text):
        left = doc.char_span(0, m.start(), alignment_mode="expand")
        if left is None:
            return []
        a = list(left)
        while a and (not _name_tokens(a) or a[0].lower_ in INSTRUCTIONS):
            a = a[1:]  # "Explain osmosis", "How do enzymes": the name is what ends it
        sides = [a]
        # a chain of sides ("Igneous vs sedimentary vs metamorphic rock"): each one
        # after a "vs", the last one ending the title's name
        while m is not None:
            right = doc.char_span(m.end(), len(text), alignment_mode="expand")
            if right is None:
                return []
            b: list[Token] = []
            for t in right:
                if breaks_run(t) or not _name_tokens([t]) or _spaced_dash(t):
                    break
                b.append(t)
            sides.append(b)
            m = VERSUS.search(text, m.end() - 1)
            if m and b and m.start() < b[-1].idx + len(b[-1]):
                m = None  # a "vs" inside the last name's words is no new side
        if len(sides) > 2 and all(sides):
            # lone modifiers share the last side's head ("igneous rock", ...)
            head = sides[-1][-1]
            if len(sides[-1]) > 1 and all(len(s) == 1 and _modifier(s[0]) for s in sides[:-1]):
                return [[s[0], head] for s in sides[:-1]] + [sides[-1]]
            if all(s[-1].pos_ in {"NOUN", "PROPN"} for s in sides):
                return sides
        sides = sides[:2]
    elif m := CONTRAST_CUE.search(text):
        rest = doc.char_span(m.end(), len(text), alignment_mode="expand")
        if rest is None:
            return []
        sides: list[list[Token]] = [[]]
        for t in rest:
            if t.lower_ in _CONTRAST_JOINS and len(sides) == 1 and sides[0]:
                sides.append([])
            elif breaks_run(t) or not _name_tokens([t]) or _spaced_dash(t):
                if len(sides) == 2 and sides[1]:
                    break
                if t.pos_ != "DET":
                    return []
            else:
                sides[-1].append(t)
    else:
        return []
    if len(sides) != 2 or not all(sides):
        return []
    a, b = sides
    if len(a) == 1 and len(b) > 1 and _modifier(a[0]):
        a = [*a, b[-1]]
    return [a, b]


def _spaced_dash(tok: Token) -> bool:
    """A dash with a space on either side ("Osmosis - an overview") ends a name."""
    if tok.text not in GLUE or tok.i == 0:
        return False
    return bool(tok.whitespace_ or tok.nbor(-1).whitespace_)


def _modifier(tok: Token) -> bool:
    """Does ``tok`` read as a word that describes a noun ("passive", "targeted"): the
    tagger says so, or English has no noun of that spelling?"""
    if tok.pos_ == "ADJ" or tok.tag_ in {"JJ", "VBN", "VBG"}:
        return True
    return not is_acronym(tok.text) and "NOUN" not in lemmas(tok.lower_)


_LEAD_ARTICLE = re.compile(r"^(?:(?:the|a|an)\s+)?", re.IGNORECASE)


def opens_with(body: str, name: str) -> bool:
    """Does an answer open by naming ``name`` (after an article, in the singular or
    plural), so that it talks about what its title names?

    >>> opens_with("Osmosis moves water across a membrane.", "Osmosis")
    True
    >>> opens_with("The enzymes of the gut break starch down.", "enzyme")
    True
    >>> opens_with("Cells undergo osmosis in water.", "osmosis")
    False
    """
    first = _LEAD_ARTICLE.sub("", body.lstrip()[: len(name) + 40], count=1).lower()
    name = name.lower()
    if not name or not first.startswith(name):
        return False
    rest = first[len(name) :]
    rest = rest[2:] if rest.startswith("es") else rest[1:] if rest.startswith("s") else rest
    return not rest[:1].isalnum()


def asked_subject(doc: Doc) -> list[Token]:
    """The grammatical subject of a question that asks something else than what a thing
    is ("How are enzymes denatured?", "Why do cell walls resist osmotic pressure?",
    "What role does the membrane play?"): what the card is about; none when the subject
    is a pronoun ("How do we ...") or a framing or note-taking word ("What problems
    arise ...", "How do the two types differ?"). A framing word that a word before it
    classifies is the head of a name ("Why do hash functions collide?": `classified`);
    one with an "of" complement gives way to it, as in an instruction that has no
    subject ("What are the limitations of enzymes in cold water?", "Give an example of
    a hash function": `framed_complement`).
    """
    words = [t for t in doc if not t.is_punct]
    if words and words[-1].dep_ != "ROOT" and verb_read_as_noun_after_do(words[-1]):
        # "What does Bernoulli's principle state?": the parser hung the verb on the
        # subject as a noun, and "What" may be read as the subject
        return _do_subject(do_question_subject(doc))
    chunks = title_case_chunks(list(doc.noun_chunks))  # "the Treaty of Ghent"
    for tok in doc:
        if tok.dep_ not in {"nsubj", "nsubjpass"} or tok.head.dep_ != "ROOT":
            continue
        if tok.pos_ not in {"NOUN", "PROPN"} and not is_acronym(tok.text):
            return []
        word = whole_word(tok)  # "trade-offs" is one framing word
        if (word in FRAMING_NOUNS or word in GENERIC_NOTE_WORDS) and not classified(tok):
            return framed_complement(tok, chunks)
        chunk = next((c for c in chunks if c.start <= tok.i < c.end), None)
        toks = list(chunk) if chunk is not None else [tok]
        if any(t.tag_ in {"WDT", "WP"} for t in toks):
            return []  # "What problems arise ...", "which scenarios": what is asked
        # the subject goes on through its "of" complement ("How is the rate of
        # photosynthesis measured?"): what it names is the whole "X of Y" (refine)
        end = toks[-1].i + 1
        after = next((c for c in chunks if c.start == end + 1), None)
        if after is not None and doc[end].lower_ == "of":
            return refine([*toks, doc[end], *after])
        return toks
    if subject := do_question_subject(doc):
        # "Why does the heart rate change ...?": the verb read as a noun, no subject found
        return _do_subject(subject)
    root = doc[0] if len(doc) else None
    if root is not None and root.dep_ == "ROOT" and root.tag_ == "VB":
        # an instruction: "Give an example of X", "List the advantages of X"
        for obj in root.rights:
            if obj.dep_ == "dobj" and (
                obj.lower_ in FRAMING_NOUNS or obj.lower_ in GENERIC_NOTE_WORDS
            ):
                return framed_complement(obj, chunks)
    return []


def _do_subject(subject: list[Token]) -> list[Token]:
    """The subject of a "do" question (:func:`do_question_subject`), or none when it is
    a framing or note-taking word that no word before it says the kind of."""
    if not subject:
        return []
    head = subject[-1]
    if (head.lower_ in FRAMING_NOUNS or head.lower_ in GENERIC_NOTE_WORDS) and not any(
        t.pos_ in {"NOUN", "PROPN", "ADJ"}
        and not t.is_stop
        and not t.like_num
        and t.lower_ not in EVALUATIVE_WORDS
        for t in subject[:-1]
    ):  # a word before it says what kind: "the Hertzsprung-Russell diagram" is a name
        return []
    return subject


def subject_phrase(subject: Sequence[Token]) -> tuple[str, str] | None:
    """The name of a question's subject (:func:`asked_subject`): its phrase, also when
    its last word is a noun the tagger read as an adjective ("How does a red giant
    form?": the question's frame marks "giant" as the head of its subject)."""
    found = phrase(subject)
    if found is None and subject and _ends_subject(subject[-1]):
        found = phrase(subject, lenient=True)
    return found


def framed_complement(tok: Token, chunks: Sequence[Span]) -> list[Token]:
    """The noun phrase after the "of" of a framing noun ("the limitations of enzymes",
    "an example of a hash function"), or after the preposition of a note-taking word
    a question asks for ("What is the primary approach for soil erosion?"): what a
    question about it asks of; none when the
    framing noun has no "of" ("What problems arise ..."), and none for an instance the
    question judges ("the pros and cons of a typical enzyme") or two things it joins by a
    slash ("the advantages of the gel/agar plate"), which name no one thing."""
    of = next(
        (
            t
            for t in tok.rights
            if t.dep_ == "prep"
            and (
                t.lower_ == "of"
                # a note-taking word a question asks for hands on to its topic ("What is
                # the primary approach for X?"; not "Why is the approach to X costly?")
                or (
                    tok.lower_ in GENERIC_NOTE_WORDS
                    and t.lower_ in TOPIC_PREPOSITIONS
                    and any(c.tag_ == "WP" and c.dep_ == "attr" for c in tok.head.children)
                )
            )
        ),
        None,
    )
    if of is None or of.i + 1 >= len(tok.doc):
        return []
    after = next((c for c in chunks if c.start == of.i + 1 or c.start <= of.i + 1 < c.end), None)
    if after is None or any(t.tag_ in {"WDT", "WP"} or "/" in t.text for t in after):
        return []
    toks = refine(list(after))
    if toks and toks[0].lower_ in EVALUATIVE_WORDS:
        return []
    return toks


def classified(tok: Token) -> bool:
    """Does a word before the noun ``tok`` say what kind it is, so that a framing or
    note-taking noun heads a name ("hash functions", "worked examples", "adversarial
    cases")? Not a number ("the two types"), a function word ("other", "many", "same")
    or a word that judges ("typical"); nor when the noun frames what follows it ("the
    primary approach to erosion control", "the main parts of a cell")."""
    if any(child.dep_ == "prep" for child in tok.rights):
        return False
    return any(
        child.dep_ in {"compound", "amod"}
        and child.pos_ in {"NOUN", "PROPN", "ADJ"}
        and not child.is_stop
        and not child.like_num
        and child.lower_ not in EVALUATIVE_WORDS
        for child in tok.lefts
    )


def question_phrases(view: View) -> Iterator[Occurrence]:
    """Noun phrases of a question the parser reads badly ("What role does the mantle
    plume play in hotspots?"): every run of modifiers ending in a noun is a mention made
    by the question."""
    if not view.seg.is_title or title_kind(view.seg) != "question":
        return
    spans = view.matches.get("NOUN_PHRASE", ())
    for start, end in spans:
        if any(s <= start and end <= e and (s, e) != (start, end) for s, e in spans):
            continue  # only the longest runs
        toks = list(view.sent.doc[start:end])
        if len(toks) > 1 and verb_read_as_noun_after_do(toks[-1]):
            toks = toks[:-1]  # "What does Bernoulli's principle state?": the verb ends it
        yield from _occ(phrase(toks), "mention", view.seg, view.text, toks=toks)


# -- lines: labels, terms, emphasis, items, cells ------------------------------------


def _is_label(span: Span) -> bool:
    """A short noun phrase heading an explanation ("Kiln shelf: ..."), not a clause;
    a verb form that names a technique counts ("Early stopping:")."""
    words = [t for t in span if not t.is_punct]
    glued = {t.i for t in span if t.i > 0 and (t.nbor(-1).text in GLUE or hyphen_after(t))}
    if not 0 < len(words) <= 5:
        return False
    if words[0].tag_ in {"VBZ", "VBD", "MD"} or words[0].lower_ in {"is", "are", "was"}:
        return False
    compound = noun_compound_read_as_order(words)
    fixed = set_phrase(words)
    return not any(
        (t.pos_ == "AUX" and not misread_noun(t))  # "Minor triad:", "triad" read as a modal
        or (
            t.pos_ == "VERB"
            and t.tag_ not in {"VBG", "VBN"}
            and t.i != words[-1].i
            and not (compound and t.i == words[0].i)
        )
        or (
            t.pos_ == "ADP"
            and t.i not in glued
            and t.lower_ != "of"
            and not particle(t)
            and not fixed
        )
        for t in words
    )


def set_phrase(words: Sequence[Token]) -> bool:
    """Is a label of three words a noun, a preposition and one bare singular noun, a set
    phrase of its own ("Interest on capital - ...", "Access to justice: ...")? A plural
    or a proper name after the preposition sets a topic in a context ("Osmosis in
    plants", "Inflation in Peru": a section's topic, no name).

    >>> from extraction.nlp import pipe
    >>> set_phrase([t for t in next(pipe(["Interest on capital - a return"]))][:3])
    True
    >>> set_phrase([t for t in next(pipe(["Osmosis in plants - water"]))][:3])
    False
    """
    return (
        len(words) == 3
        and words[0].pos_ == "NOUN"
        and words[0].is_alpha
        and words[1].pos_ == "ADP"
        and words[1].lower_ in {"in", "to", "on", "at", "for", "under"}
        and words[2].tag_ == "NN"
        and words[2].is_alpha
    )


def noun_compound_read_as_order(words: Sequence[Token]) -> bool:
    """Is a label of two words a noun compound the tagger read as an order: a first word
    English also has as a noun, then one bare singular noun ("Transform fault - ...",
    "Drift net: ...")? An order on a plural or after a determiner ("Avoid distractions:",
    "Heat the solution:") stays one.

    >>> from extraction.nlp import pipe
    >>> noun_compound_read_as_order([t for t in next(pipe(["Transform boundary - a fault"]))][:2])
    True
    >>> noun_compound_read_as_order([t for t in next(pipe(["Avoid distractions - rest"]))][:2])
    False
    """
    return (
        len(words) == 2
        and words[0].tag_ == "VB"
        and words[1].tag_ == "NN"
        and words[1].is_alpha
        and "NOUN" in lemmas(words[0].lower_)
    )


def topic_in_setting(span: Span) -> list[Token]:
    """The name a label gives before the one preposition that sets it in a context
    ("Enzyme activity at low temperature", "Soil erosion on steep slopes"): a label of
    two words or more before it, and a noun phrase after it; none for one word before it
    ("Problems with sorting", "Osmosis in plants": a section's topic, not a name)."""
    words = [t for t in span if not t.is_punct]
    preps = [t for t in words if t.pos_ == "ADP" and t.lower_ != "of"]
    if len(preps) != 1 or len(words) > 6:
        return []
    at = words.index(preps[0])
    before, after = words[:at], words[at + 1 :]
    if len(before) < 2 or not after or after[-1].pos_ not in {"NOUN", "PROPN"}:
        return []
    if any(t.pos_ in {"VERB", "AUX"} for t in after):
        return []
    head = span.doc[before[0].i : before[-1].i + 1]
    return list(head) if _is_label(head) else []


_NUMBERED = re.compile(r"^\W*(?P<word>[^\W\d_]+)\s*\d{1,2}\s*[:.)–—-]\s+(?P<name>[^\[\](){}:;,.]+)")


def numbered(seg: Segment, doc: Doc) -> Iterator[Occurrence]:
    """A line or title that numbers an option and names it ("Approach 1: Enzyme
    inhibition", "**Method 2 - Chemical digestion** ..."): the name after the
    number, as a label of the line."""
    m = _NUMBERED.match(seg.text)
    if not m or m.group("word").lower() not in NUMBERED_LABELS:
        return
    span = doc.char_span(m.start("name"), m.end("name"), alignment_mode="contract")
    if span is None:
        return
    toks = list(span)
    yield from _occ(phrase(toks), "label", seg, seg.text, toks=toks)


def list_label(seg: Segment) -> tuple[str, str] | None:
    """``(label, items)`` of a body line that is only a label and a colon heading the
    list items under it ("cold biomes:" / "arctic tundra" / "boreal forest"): its items,
    joined by semicolons, explain it as the rest of a "Label: ..." line does; whether it
    is a name or a clause ("Examples include:") is judged as for any label."""
    text = seg.text.rstrip()
    if seg.kind != BODY or not text.endswith(":") or ":" in text[:-1]:
        return None
    body = seg.card.body
    items = [
        body[item.start : item.end].strip()
        for item in seg.card.items
        if item.parent >= 0 and item.depth == 0 and body.startswith(text, item.parent)
    ]
    if not items:
        return None
    return text[:-1].rstrip(), "; ".join(items)


def _equals_label(seg: Segment) -> tuple[str, str] | None:
    """``(label, rest)`` of a line that sets a name equal to what explains it ("Dew point =
    temperature at which ..."), outside the answer to a question: there the question
    names what the answer is about, and such lines spell out its parts ("What is a
    cyclone?" / "Eye = the calm centre"). A stressed name ("**Dew point** = ...") is
    defined by its whole line already (:func:`emphasised`)."""
    if seg.card.title_kind == "question" or any(start == 0 for start, _, _ in seg.emphasis):
        return None
    return equals_label(seg.text)


def _label_role(card: Card) -> str:
    """The role of a label of ``card``: a term's in a list of terms (:func:`in_term_list`),
    else a label's."""
    return "term" if in_term_list(card) else "label"


def in_term_list(card: Card) -> bool:
    """Is a card's innermost heading one that says its section lists terms ("Glossary",
    "Key terms": :data:`TERM_LIST_HEADING`), or is its body only "Term - meaning" lines
    (:func:`lists_terms`)? Its "Term: meaning" lines are term cards."""
    heading = card.title if card.title_kind == "heading" else ""
    if not heading and card.section:
        heading = card.section[-1]
    return (bool(heading) and bool(TERM_LIST_HEADING.match(heading))) or lists_terms(card.body)


#: Lines a card's body has at least, each a label with its explanation, to list terms.
TERM_LIST_LINES = 3


@lru_cache(maxsize=256)  # asked once per label line of a card: linear, not quadratic
def lists_terms(body: str) -> bool:
    """Is every line of ``body`` a label explained after a spaced dash, and are there
    :data:`TERM_LIST_LINES` of them or more ("Kiln - a furnace" / "Glaze - a glassy coat"
    / "Slip - liquid clay")? Then the card lists terms, whatever its heading. (Lines
    labelled with a colon are left out: measured, they read fields and remarks ("Note:",
    "Example:") as terms and moved the selector's refit.)

    >>> lists_terms("Kiln - a furnace\\nGlaze - a glassy coat\\nSlip - liquid clay")
    True
    >>> lists_terms("Kiln - a furnace\\nKilns fire clay at high heat.\\nSlip - liquid clay")
    False
    """
    lines = [line for line in body.splitlines() if line.strip()]
    return len(lines) >= TERM_LIST_LINES and all(_dash_label(line) for line in lines)


def _dash_label(line: str) -> bool:
    found = label_of(line)
    return found is not None and line[len(found[0]) :].lstrip()[:1] in {"-", "–", "—"}


def _sides(
    seg: Segment, sides: Sequence[Sequence[Token]], label: str = "", rest: str = ""
) -> Iterator[Occurrence]:
    """The two names a label or list item "A vs B" sets apart (:func:`contrasted_names`),
    each with a label's role: the line sets them apart to be told apart. What follows
    the label defines a side only by a clause of its own ("Sheet vs fork lightning:
    sheet = lit inside a cloud; ...", :func:`~extraction.concepts.segments.side_clause`)."""
    for side in sides:
        name = phrase(side, lenient=True)
        own = (
            side_clause(rest, [name[1]], label) or side_sentence(rest, [name[1]], label)
            if name is not None and rest
            else ""
        )
        yield from _occ(name, "label", seg, seg.text, toks=side, definition=own)


def labels(seg: Segment, doc: Doc) -> Iterator[Occurrence | AliasPair]:
    """A body line that opens with a label ("Kiln shelf: holds ...", "Slow cooling –
    stop when ..."), and a term line heading the explanation below it."""
    if seg.is_title or seg.kind == CELL:
        return
    found = label_of(seg.text) or list_label(seg) or _equals_label(seg)
    if found and about_the_notes_only(found[1]):
        return  # "Chem 101 - midterm review": a line that titles the notes, no term
    if found and VERSUS.search(found[0]) and (sides := contrasted_names(seg, doc)):
        # "Sonnet vs ode: ...", "Sonnet vs ode - both ...": the label names both sides, as
        # such a title or list item does; what follows is about the two, defining neither
        # but by a clause of its own each ("sonnet = ...; ode = ...")
        yield from _sides(seg, sides, *found)
        return
    if (
        found
        and (parts := bracketed_label(found[0]))
        and (
            seg.text[len(found[0]) :].lstrip()[:1] in {":", "="}
            or spelled_out_acronym(*parts)
            or credited_in_brackets(parts[1])
            or bool(_OWNER.match(parts[1]))
        )
    ):
        # "Tariff (import duty): ...": the tokenizer reads "):" as one token (an emoticon),
        # so the label as written spans no name; nor, with the bracket, does an equals
        # label ("Tariff (import duty) = ..."). A dash label closing with a bracket is
        # read only when the bracket abbreviates the name ("Gross margin (GM) - ...") or
        # credits a person, alone or as an owner ("Kiln theory (Quist) - ...", "Draft
        # rule (Quist's rule) - ..."): measured, other brackets there
        # (often a remark's) only added rows that moved the selector's refit against the
        # development notes
        yield from _bracketed_label(seg, doc, found[1], *parts)
        return
    if found and (within := bracket_within(found[0])):
        yield from _bracket_within_label(seg, doc, found[1], *within)
        return
    span = span_of(doc, found[0]) if found else None
    if found and span is not None and _is_label(span):
        toks = list(span)
        role = _label_role(seg.card)
        named = phrase(toks, lenient=True)
        yield from _occ(named, role, seg, seg.text, toks=toks, definition=found[1])
        if named and (other := label_other_name(found[1])):
            # "Nosocomial infection = an infection caught in hospital (also called
            # hospital-acquired infection)": the explanation is the label's, so is the name
            evidence = Evidence(seg.card.source, seg.line_at(0), seg.text)
            yield AliasPair(key_of(other.split()), named[0], OTHER_NAME, evidence)
        if found == _equals_label(seg):  # "Upwind = toward ...; downwind = away ..."
            for label, rest, at in equals_labels(seg.text)[1:]:
                other = span_of(doc, label, at)
                if other is not None and _is_label(other):
                    toks = list(other)
                    yield from _occ(
                        phrase(toks, lenient=True), role, seg, seg.text, toks=toks, definition=rest
                    )
        return
    if found and span is not None and (toks := topic_in_setting(span)):
        # "Enzyme activity at low temperature: ...": the label names its topic
        yield from _occ(
            phrase(toks, lenient=True), "label", seg, seg.text, toks=toks, definition=found[1]
        )
        return
    if seg.is_term:
        toks = list(doc)
        yield from _occ(phrase(toks), "label", seg, seg.text, toks=toks)


#: A bracket closing a label's explanation that names it again: "(also called X)", "(also
#: known as X)", "(aka X)", an acronym of X after a comma aside ("(also called X, XA)").
_LABEL_OTHER_NAME = re.compile(
    r"\(\s*(?:also\s+(?:called|known\s+as|termed)|aka|a\.k\.a\.?)\s+(?:(?:a|an|the)\s+)?"
    r"([^\W\d_][\w'’-]*(?:\s+[\w'’-]+){0,3}?)\s*(?:,\s*[A-Z][A-Za-z&]{1,6}\s*)?\)\W*$"
)


def label_other_name(explanation: str) -> str:
    """The other name a bracket closing a label's explanation gives ("an infection caught
    in hospital (also called hospital-acquired infection, HAI)"), or ``""``. A bracket
    that says "or" may give another thing ("(or metal)"): only a naming cue counts.

    >>> label_other_name("a tax on imports (also called a tariff duty).")
    'tariff duty'
    >>> label_other_name("sea ice that forms in a winter (also known as first-year ice, FYI)")
    'first-year ice'
    >>> label_other_name("a saw for wood (or metal)"), label_other_name("a saw (see fig. 2)")
    ('', '')
    """
    found = _LABEL_OTHER_NAME.search(explanation)
    return found.group(1) if found else ""


def spelled_out_acronym(name: str, inner: str) -> bool:
    """Is ``inner`` an acronym of ``name``'s initials ("Gross margin (GM)", "Rate of
    return (RoR)"), not a remark or another word ("Loam (crumbly soil)", "Kiln (WIP)")?

    >>> spelled_out_acronym("Gross margin", "GM"), spelled_out_acronym("Kiln", "WIP")
    (True, False)
    """
    return is_acronym(inner) and initials_match(singular_acronym(inner), name)


def _bracketed_label(
    seg: Segment, doc: Doc, explanation: str, name: str, inner: str
) -> Iterator[Occurrence | AliasPair]:
    """A label that closes with a bracket ("Tariff (import duty): a tax on imports"): the
    name before the bracket is the label, explained by the rest of the line; the bracket
    is another name of it (an abbreviation, one word, a naming cue or a name of the same
    head word, :func:`~extraction.titles.names_it`), or a remark that names nothing
    ("Loam (crumbly soil): ..."). The tokenizer reads the closing "):" as one token (an
    emoticon), so the whole label is no name as it stands."""
    span = span_of(doc, name)
    if span is None or span.start != _first_word(doc) or not _is_label(span):
        return
    toks = list(span)
    role = _label_role(seg.card)
    named = phrase(toks, lenient=True)
    yield from _occ(named, role, seg, seg.text, toks=toks, definition=explanation)
    inside = span_of(doc, inner, span.end_char)
    if named is None or inside is None or not names_it(name, inner) or credited_in_brackets(inner):
        return  # "Kiln theory (Quist)": the person credited is no other name of it
    if is_acronym(inner):
        if initials_match(singular_acronym(inner), name):
            yield from _occ((singular_acronym(inner), inner), "abbreviation", seg, seg.text)
            yield AliasPair(inner, named[1], "glossed in brackets")
        return
    words = [t for t in inside if not t.is_punct]
    if not words or any(w[-1].pos_ not in {"NOUN", "PROPN"} for w in (words, toks)):
        return  # "Loam (crumbly)", "Upward (toward the head)": a remark, not a name
    if any(t.lower_ in GENERIC_NOTE_WORDS | CALLOUT_WORDS for t in words):
        return  # "Osmosis (example)", "Osmosis (important)": about the notes
    other = phrase(words, lenient=True)
    if other is not None:
        yield from _occ(other, "gloss", seg, seg.text, toks=words)
        yield AliasPair(other[0], named[0], OTHER_NAME)


#: One word, hyphens allowed ("low-fire").
_ONE_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _bracket_within_label(
    seg: Segment, doc: Doc, explanation: str, before: str, inner: str, after: str
) -> Iterator[Occurrence | AliasPair]:
    """A label with a bracket between its words ("Slow (low-fire) glaze: fired ..."):
    the words around the bracket are the label, explained by the rest of the line. One
    word in the bracket where the label has one word before it stands in for that word,
    another name ("low-fire glaze"); anything else in it is a remark ("Glaze (see p. 4)
    mixing")."""
    first = span_of(doc, before)
    last = span_of(doc, after, first.end_char) if first is not None else None
    if first is None or last is None or first.start != _first_word(doc):
        return
    toks = [*first, *last]
    if len(toks) > 5 or not (_is_label(first) and _is_label(last)):
        return
    if toks[-1].pos_ not in {"NOUN", "PROPN"}:
        return
    role = _label_role(seg.card)
    named = phrase(toks, lenient=True)
    yield from _occ(named, role, seg, seg.text, toks=toks, definition=explanation)
    inside = span_of(doc, inner, first.end_char)
    if named is None or inside is None or len(before.split()) != 1 or is_acronym(inner):
        return
    if not _ONE_WORD.fullmatch(inner) or inner.lower() in GENERIC_NOTE_WORDS | CALLOUT_WORDS:
        return  # "Glaze (see p. 4) mixing", "Glaze (optional) mixing": a remark
    other = phrase([*inside, *last], lenient=True)
    if other is not None and other[1].lower() == f"{inner} {after}".lower():
        yield from _occ(other, "gloss", seg, seg.text, toks=[*inside, *last])
        yield AliasPair(other[0], named[0], OTHER_NAME)


def _first_word(doc: Doc) -> int:
    """The index of the first token of ``doc`` that is not punctuation or a space."""
    return next((t.i for t in doc if not (t.is_punct or t.is_space)), 0)


#: What follows a stressed run that opens its line and says what it is: a colon, a dash,
#: a bracket, an equals sign ("**Dew point** = temperature at which ..."), a stop before
#: a capital, or a defining verb.
_DEFINING_AFTER = re.compile(
    r"^\s*(?:[:=–—-]|\(|\.\s+(?=(?-i:[A-Z]))|,?\s*(?:is|are|was|were|refers?|means|denotes|describes)\b)",
    re.I,
)


#: Only an article before an emphasised run that opens its line ("The **X** was ...").
_ARTICLE_ONLY = re.compile(r"\s*(?:[-*+•]\s+)?(?:a|an|the)\s+", re.I)
#: A defining verb right after such a run, saying what it is ("The **X** was the plan to
#: ...", "was Germany's plan"), not what befell it ("The **X** was used in ...").
_DEFINING_VERB_AFTER = re.compile(
    r"^\s*(?:(?:is|are|was|were)\s+(?:(?:a|an|the|one)\b|[^\W\d_][\w-]*['’]s\b)"
    r"|(?:refers?\s+to|means|denotes|describes)\s+\S)",
    re.I,
)


#: An apposition that says what an emphasised name is: "**delta**, a landform such that".
_APPOSITIVE = re.compile(r"^\s*,\s*(?:a|an)\s+[^\W\d_]", re.I)


def _cut_from_object(span: Span) -> bool:
    """Is ``span`` a verb in its plain form, with what it acts on outside the span
    ("**Gradually heat** the solution", "**Never discard** the old notes")? It stresses
    an instruction, and names nothing; an action with its object inside ("avoid
    distractions") names the object (:func:`_names_action`)."""
    root = span.root
    return (
        root.pos_ == "VERB"
        and root.tag_ in {"VB", "VBP"}
        and any(c.dep_ == "dobj" and not span.start <= c.i < span.end for c in root.children)
    ) or _stressed_manner_verb(span)


def _stressed_manner_verb(span: Span) -> bool:
    """Is ``span`` adverbs in -ly and then one word English has only as a verb, in its
    plain form ("**Periodically abort** stalled jobs", "**Gradually withdraw** the troops")?
    An instruction stressed, whatever part of speech the tagger gives the verb before its
    object (it often reads it as an adjective there)."""
    words = [t for t in span if not t.is_punct]
    if len(words) < 2 or not all(t.lower_.endswith("ly") for t in words[:-1]):
        return False
    last = words[-1].lower_
    return last.isalpha() and not last.endswith(("s", "ed", "ing")) and only_verb(last)


#: Words a stressed subject may follow at the opening of its sentence.
_OPENING_ARTICLES = frozenset({"a", "an", "the"})


def _renames_closing(span: Span) -> bool:
    """Is the stressed ``span`` an apposition closing its sentence that names the noun
    before the comma ("The wave rises to a ridge, the **crest**."): "the" after the one
    comma of the sentence, a noun before that comma, nothing but punctuation after the
    run? The sentence says what the thing it names is. A list ("clay, sand, the
    **silt**") has more commas.

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["The wave rises to a ridge, the crest."]))
    >>> _renames_closing(doc[8:9])
    True
    >>> doc = next(pipe(["Soils hold clay, sand, the silt."]))
    >>> _renames_closing(doc[7:8])
    False
    """
    sent = span.sent
    doc = sent.doc
    if span.start - sent.start < 4 or doc[span.start - 1].lower_ != "the":
        return False
    comma = doc[span.start - 2]
    if comma.text != "," or sum(t.text == "," for t in sent) != 1:
        return False
    if doc[comma.i - 1].pos_ != "NOUN":
        return False
    return all(t.is_punct for t in doc[span.end : sent.end])


def _opens_statement(span: Span) -> bool:
    """Is the stressed ``span`` the whole opening subject of a statement in the present
    tense: only an article before it in its sentence, and right after it (adverbs aside)
    a verb in the present tense, no auxiliary ("The **enzyme** breaks down starch", "A
    **hash table** maps keys to slots"; the parser may hang the verb under a clause after
    a colon, "The **albedo** measures how much light ...: it is ...")? What the verb says
    it does characterises it; not "The **enzyme** was found ...", nor "The **enzyme**
    can ...".

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["A hash table maps keys to slots."]))
    >>> _opens_statement(doc[1:3]), _opens_statement(doc[2:3])
    (True, False)
    >>> doc = next(pipe(["An espresso machine forces hot water through coffee."]))
    >>> _opens_statement(doc[1:3])
    True
    >>> doc = next(pipe(["An espresso machine forces can vary."]))
    >>> _opens_statement(doc[1:3])
    False
    """
    sent = span.sent
    if any(t.lower_ not in _OPENING_ARTICLES for t in sent.doc[sent.start : span.start]):
        return False
    i = span.end
    while i < sent.end and sent.doc[i].pos_ == "ADV":
        i += 1
    if i >= sent.end:
        return False
    verb = sent.doc[i]
    if verb.pos_ == "VERB" and verb.tag_ in {"VBZ", "VBP"}:
        return True
    # the stress marks where the name ends: a word right after it that the tagger reads
    # as a plural noun and English also has as a verb is its verb ("An **espresso
    # machine** forces hot water ..."), unless a finite verb follows ("forces can vary",
    # "forces varied"); a plain form after it is read as its object's first word ("The
    # **tax rule** links income band and rate", "band" read as a verb)
    after = sent.doc[i + 1 : min(sent.end, i + 3)]
    return (
        verb.tag_ == "NNS"
        and "VERB" in lemmas(verb.lower_)
        and not any(t.pos_ == "AUX" or t.tag_ in {"VBZ", "VBD", "MD"} for t in after)
    )


def emphasised(seg: Segment, doc: Doc) -> Iterator[Occurrence]:
    """What the author set in bold, italics or underline, when it reads as a name; a
    run that opens the line and is followed by its explanation, anywhere and followed
    by an apposition ("a **delta**, a landform such that ..."), or the whole subject of a
    statement in the present tense ("The **enzyme** breaks down starch"), is defined
    there. Each use cites the sentence it stands in, at that sentence's line: a
    paragraph of several sentences is no one sentence naming all it stresses."""
    for start, end, style in seg.emphasis:
        if style not in STRESS_STYLES:
            continue  # a link's text says where to read more, not what the notes stress
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) > 8:
            continue
        toks = list(span)
        if len(toks) == 1 and toks[0].pos_ == "ADJ" and toks[0].dep_ == "amod":
            continue  # "a *quantitative* comparison" stresses a property of the noun
        if _cut_from_object(span):
            continue  # "**Gradually heat** the solution": an action, its object outside
        name = structural_name(toks)
        rest = seg.text[end:]
        # in a paragraph of several sentences, the run opens the sentence it stands in
        opening = span.sent.start_char
        leads = (start - opening <= 2 and _DEFINING_AFTER.match(rest) is not None) or (
            _ARTICLE_ONLY.fullmatch(seg.text[opening:start]) is not None
            and _DEFINING_VERB_AFTER.match(rest) is not None
        )  # "The **League of Nations** was an international organisation ..."
        definition = seg.text[opening:] if leads else ""
        if not definition and _APPOSITIVE.match(rest):  # "a **delta**, a landform such that"
            definition = span.sent.text
        if not definition and _renames_closing(span):  # "... to a ridge, the **crest**."
            definition = span.sent.text
        if not definition and _opens_statement(span):  # "The **enzyme** breaks down ..."
            definition = seg.text[span.sent.start_char :]
        if not definition and not seg.text[:start].strip() and _LABEL_END.fullmatch(rest):
            definition = first_sub_item(seg)  # "- **chunks**" / "  - pieces of ..."
        sentence = span_text(span.sent).strip()  # as the sentence's other names cite it
        yield from _occ(name, "emphasis", seg, sentence, opening, toks, definition)


#: What may follow a stressed run that is a whole list item: nothing, or a colon.
_LABEL_END = re.compile(r"\s*:?\s*")
#: Fewest words of a sub-item read as what the item above it is.
SUB_ITEM_MIN_WORDS = 4


def first_sub_item(seg: Segment) -> str:
    """The first item nested under the list item ``seg``, when it reads as what that
    item is: a stressed term alone on its item, explained by the items under it, is
    defined by the first ("- **starter**" over "  - flour and water left to ferment
    together"); not a label that opens a list of its own ("wet dough:"), a fragment of a
    few words ("with floured hands"), or an analogy ("like a cool cellar").

    >>> from extraction.readers import read_bytes
    >>> from extraction.concepts.segments import segments_of
    >>> note = b"## Baking\\n\\n- **starter**\\n  - flour and water left to ferment together\\n"
    >>> segs = [s for f in segments_of(read_bytes(note, path="n.md").cards) for s in f]
    >>> first_sub_item(next(s for s in segs if s.text == "starter"))
    'flour and water left to ferment together'
    """
    card = seg.card
    if seg.kind != ITEM:
        return ""
    for i, item in enumerate(card.items):
        if card.line_of(item.start) != seg.line or card.body[item.start : item.end] != seg.text:
            continue
        child = next((c for c in card.items[i + 1 :] if c.parent == item.start), None)
        if child is None:
            return ""
        text = card.body[child.start : child.end].strip()
        if len(text.split()) < SUB_ITEM_MIN_WORDS or text.endswith(":") or ANALOGY.search(text):
            return ""
        return text
    return ""


def list_items(seg: Segment, doc: Doc) -> Iterator[Occurrence]:
    """A list item that is nothing but a short name ("- Gradient descent"); not an
    action on something ("- Improving your sleep"), nor one joined to a name by "and"
    (:func:`joins_activity`), which name nothing as a title does not."""
    if seg.kind != ITEM:
        return
    toks = list(doc)
    if is_activity(seg.text) or joins_activity(toks):
        return
    if 0 < len(toks) <= 8 and all(t.pos_ not in {"VERB", "AUX"} or t.tag_ == "VBG" for t in toks):
        if VERSUS.search(seg.text) and (sides := contrasted_names(seg, doc)):
            # "- Soft vs. hard water": the item names both sides, as such a title does,
            # and sets them apart as a label does the name it heads
            yield from _sides(seg, sides)
            return
        yield from _occ(structural_name(toks), "item", seg, seg.text, toks=toks)


def cells(seg: Segment, doc: Doc) -> Iterator[Occurrence]:
    """The first cell of a table row, when it is a short name; the next cells of its
    row define it when the table has two or three columns, and does not compare the
    things its header names (:func:`compares`: "Factor | Aerobic | Anaerobic" makes
    each row an attribute of the two, not a term its cells define)."""
    if seg.kind != CELL or seg.column != 0:
        return
    toks = list(doc)
    if not 0 < len(toks) <= 8:
        return
    row = next(
        (t for t in seg.card.tables if any(r and r[0].strip() == seg.text for r in t.rows)), None
    )
    definition = ""
    if row is not None and 2 <= len(row.header or ()) <= 3 and not compares(row):
        cells_ = next(r for r in row.rows if r and r[0].strip() == seg.text)
        definition = " ".join(c.strip() for c in cells_[1:] if c.strip())
    # a glossary's row ("Term | Meaning") is a term card in all but its format
    role = "term" if row is not None and definition and glossary(row) else "cell"
    yield from _occ(structural_name(toks), role, seg, seg.text, toks=toks, definition=definition)


# -- sentences ------------------------------------------------------------------------


def _names_action(outer: Span, inner: list[Token]) -> bool:
    """Does a gloss name the action the phrase before it is part of? "Soaking the seeds
    in cold water (cold soaking)" glosses the soaking, not the water."""
    tok = outer.root
    for _ in range(3):
        if tok.dep_ not in {"pobj", "dobj", "prep"} or tok.head == tok:
            return False
        tok = tok.head
        if tok.pos_ == "VERB":
            return tok.lower_ in {t.lower_ for t in inner}
    return False


def _title_remark(view: View, outer: Span, inner: Sequence[Token]) -> bool:
    """Is the bracket a remark closing a term card's title, the title being the name
    and the bracket ("Kiln (ceramics)", "Oxidation (org chem)")? A word or a name of the
    same head there is another name (:func:`~extraction.titles.names_it`); anything else
    says where the term belongs, and names nothing the card is about."""
    if not view.seg.is_title or title_kind(view.seg) != "term":
        return False
    parts = bracketed_label(view.seg.text)
    if parts is None or outer.start_char != 0 or not inner:
        return False
    return not names_it(parts[0], parts[1])


def _credit_closing(view: View, inner: Sequence[Token], end: int) -> bool:
    """Is the bracket one name of a person (:func:`credited_in_brackets`) closing its
    sentence ("... the active part of memory (Baddeley).")? It credits who said it, as a
    citation does, and glosses nothing before it; a bracket inside the sentence ("a
    grass (Spartina) grows ...") may still name a kind."""
    if len(inner) != 1 or not credited_in_brackets(inner[0].text):
        return False
    rest = view.sent.doc[end : view.sent.end]
    return all(t.is_punct or t.is_space for t in rest)


def glosses(view: View) -> Iterator[Occurrence | AliasPair]:
    """Both names of a gloss, "a salt marsh (wetland)", and the pair."""
    doc = view.sent.doc
    for start, end in view.matches.get("GLOSS", ()):
        inner = list(doc[start + 2 : end - 1])
        outer = next((c for c in view.chunks if c.end == start + 1), None)
        if outer is None or is_acronym(inner[-1].text):
            continue
        if _title_remark(view, outer, inner):
            continue  # "Oxidation (org chem)": a term's title closing with a remark
        if _credit_closing(view, inner, end):
            continue  # "... where we hold what we attend to (Baddeley).": who said it
        if _names_action(outer, inner):
            # the bracket names the action the words before it describe, as "called" does
            yield from _occ(
                phrase(inner), "named", view.seg, view.text, view.sent.start_char, inner
            )
            continue
        a, b = phrase(list(outer)), phrase(inner)
        yield from _occ(a, "gloss", view.seg, view.text, view.sent.start_char, list(outer))
        yield from _occ(b, "gloss", view.seg, view.text, view.sent.start_char, inner)
        if a and b:
            yield AliasPair(b[0], a[0], "glossed in brackets", _evidence(view))
    # "the water potential (or osmotic head)", "enzymes (aka catalysts)": another name
    if not _OTHER_NAME_BRACKET.search(view.text):
        return
    for i, tok in enumerate(view.toks[:-2]):
        if tok.text != "(" or view.toks[i + 1].lower_ not in OTHER_NAME_OPENERS:
            continue
        inner = []
        for t in view.toks[i + 2 :]:
            if t.text == ")" or not _name_tokens([t]) or breaks_run(t):
                break
            inner.append(t)
        if not inner or inner[-1].i + 1 >= len(doc) or doc[inner[-1].i + 1].text != ")":
            continue  # "(or, in general, graphs)": no name alone in the bracket
        before: list[Token] = []  # "the potential (or ...)": the words before, a chunk or not
        for t in reversed(view.toks[:i]):
            if breaks_run(t) or not _name_tokens([t]) or (t.tag_ == "VB" and before):
                break  # "define potential (or ...)": a verb before is no part of it
            before.insert(0, t)
        a, b = phrase(before, lenient=True), phrase(inner, lenient=True)
        if a and b and not _names_action(doc[before[0].i : before[-1].i + 1], inner):
            yield from _occ(a, "gloss", view.seg, view.text, view.sent.start_char, before)
            yield from _occ(b, "gloss", view.seg, view.text, view.sent.start_char, inner)
            yield AliasPair(b[0], a[0], OTHER_NAME, _evidence(view))


#: The reason of an :class:`AliasPair` a term's title gives in brackets, "Shoreline
#: (coastline)": merged as a synonym when the notes use the second name nowhere else (a
#: name they use on other cards is what the term belongs to, "Forward pass (training)").
TITLE_OTHER_NAME = "the title gives another name in brackets"

_OTHER_NAME_BRACKET = re.compile(r"\(\s*(?:or|aka|a\.k\.a\.?|also)\s", re.IGNORECASE)

#: The reason of an :class:`AliasPair` the notes state as another name ("also known as",
#: "(or ...)"): merged as a synonym, not checked as a short form.
OTHER_NAME = "another name stated for it"


def synonyms(view: View) -> Iterator[Occurrence | AliasPair]:
    """Another name the sentence gives its subject ("Hash maps are also known as
    dictionaries"): the pair, the subject being the card's when the sentence says "it"
    or "they" ("What is osmosis?" / "Also called passive water transport, it ...")."""
    if not (m := SYNONYM_CUE.search(view.text)):
        return
    doc, at = view.sent.doc, view.sent.start_char
    after = next((t for t in view.toks if t.idx >= at + m.end()), None)
    if after is None or _bracketed(view, after.i):
        # "enzymes (also known as biocatalysts)": the bracket names what stands before
        # it (glosses), not the sentence's or the card's subject
        return
    run: list[Token] = []
    for t in doc[after.i : view.sent.end]:
        if (t.pos_ == "DET" and not run) or t.tag_ in {"``", "''"}:
            continue  # "also called the "Amen" cadence": the name, without its quotes
        if breaks_run(t) or (not _name_tokens([t]) and t.lower_ not in {"or", "and"}):
            break
        run.append(t)
    others = [n for part in coordinated(run) if (n := phrase(part))]
    subject = _sentence_subject(view, before=after.i)
    if subject is None or not others:
        return
    for other in others:
        if other[0].lower() != subject.lower():
            yield AliasPair(other[0], subject, OTHER_NAME, _evidence(view))


def _sentence_subject(view: View, *, before: int) -> str | None:
    """The key of what a sentence is about: its subject's name before token ``before``,
    or, for a pronoun ("it", "they", "this"), the concept its card is about."""
    subj = next(
        (
            t
            for t in view.toks
            if t.i < before and t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT"
        ),
        None,
    )
    if subj is not None and subj.pos_ not in {"PRON", "DET"}:
        chunk = next((c for c in view.chunks if c.start <= subj.i < c.end), None)
        found = phrase(list(chunk)) if chunk is not None else None
        return found[0] if found else None
    card = view.seg.card
    kind = card.title_kind
    if kind not in {"term", "heading", "question"}:
        return None
    about = title_concept(card.title, term=kind != "question")
    return about.name if about else None


def _evidence(view: View) -> Evidence:
    seg = view.seg
    return Evidence(seg.card.source, seg.line_at(view.sent.start_char), view.text)


#: Words without which a sentence states no abbreviation in itself (a bracket, "stands
#: for", "short for", ", or", "aka", "also known as / called").
_ABBREVIATION_CUES = (
    "(",
    "stand",
    "short for",
    ", or ",
    "aka",
    "a.k.a",
    "also known",
    "also called",
)

#: Reasons of the pairs a short form and the name set beside it make (merged by the
#: ``spelled_out`` rule): a label line ("ATP: adenosine triphosphate", "GDP = gross
#: domestic product", "DNS – Domain Name System", "GDP aka ..."), and a card whose title
#: is the short form and whose answer opens with the long form.
LABEL_SPELLS_OUT = "the line opens with the abbreviation and then spells it out"
ANSWER_SPELLS_OUT = "the card's answer opens with what its title's abbreviation stands for"
SPELLED_OUT = frozenset({LABEL_SPELLS_OUT, ANSWER_SPELLS_OUT})


def stated_abbreviations(view: View) -> Iterator[Occurrence | AliasPair]:
    """Abbreviations defined in the sentence (Schwartz–Hearst), both names and the pair;
    and a short form set beside what it stands for (:func:`spelled_out_pairs`)."""
    text = view.text
    if any(cue in text for cue in _ABBREVIATION_CUES):
        for short, long in abbreviations(view.text):
            yield from _abbreviation_pair(
                view, short, long, "abbreviation stated with its long form"
            )
    yield from spelled_out_pairs(view)


def _abbreviation_pair(
    view: View, short: str, long: str, reason: str
) -> Iterator[Occurrence | AliasPair]:
    """Both names of an abbreviation the sentence gives, and the pair with its reason."""
    if not is_acronym(short) and not short.isupper() and not lower_short_form(short, long):
        return
    if (short := rendered_word(short)) is None:
        return  # a formula's variable, not an abbreviation
    long_name = name_of_text(long)
    if long_name is None:
        return
    at = view.sent.start_char
    yield from _occ((singular_acronym(short), short), "abbreviation", view.seg, view.text, at)
    yield from _occ(long_name, "abbreviation", view.seg, view.text, at)
    yield AliasPair(short, long_name[0], reason, _evidence(view))


def _opens_answer(seg: Segment) -> bool:
    """Is ``seg`` the first line of its card's answer?"""
    first = seg.card.body.strip().split("\n", 1)[0].strip()
    return bool(seg.text) and first.endswith(seg.text) and len(first) - len(seg.text) <= 4


#: A question that asks what a short form is or stands for, and nothing more ("What
#: does DNS stand for?", "What is an SSD?", "ATP means?").
_ASKS_SHORT_FORM = re.compile(
    r"^(?:what\s+(?:is|are|does|do)\s+(?:an?\s+|the\s+)?)?(?P<short>[\w\-]+)"
    r"(?:\s+(?:stand|stands)\s+for|\s+means?)?\s*\??$",
    re.IGNORECASE,
)


def _title_short_form(card: Card) -> str | None:
    """The short form a card's title gives: the whole term or heading ("DNS"), or a
    question that asks only what it is or stands for ("What does DNS stand for?"; not
    "What is the role of ATP?", whose answer opens with anything)."""
    title = card.title.strip()
    if card.title_kind in {"term", "heading"}:
        title = title.strip(":.").strip()
        return title if " " not in title and is_acronym(title) else None
    if card.title_kind == "question" and (m := _ASKS_SHORT_FORM.match(title)):
        return m.group("short") if is_acronym(m.group("short")) else None
    return None


def spelled_out_pairs(view: View) -> Iterator[Occurrence | AliasPair]:
    """A short form set beside what it stands for without brackets: a line that opens
    with it and a separator ("ATP: adenosine triphosphate", "GDP = gross domestic
    product", "DNS – Domain Name System, the ..."), or a card whose title is it and
    whose answer opens with the long form. The words that follow must spell it out
    whole, each giving a letter, before the first comma, colon or dash
    (:func:`extraction.concepts.abbreviations.spelled_out`), so a label whose
    explanation merely begins with words whose letters fit makes no pair."""
    seg = view.seg
    if seg.is_title or seg.kind == CELL or view.sent.start_char != 0:
        return
    found = labelled(seg.text)
    if found is not None:
        short, at, reason = *found, LABEL_SPELLS_OUT
    elif _opens_answer(seg) and (title_short := _title_short_form(seg.card)):
        short, at, reason = title_short, 0, ANSWER_SPELLS_OUT
    else:
        return
    long = spelled_out(short, seg.text[at:])
    if long is None:
        return
    # a clause is no long form: "GDP: growth depends on productivity" ("adenosine" in
    # "ATP – adenosine triphosphate" may be read as a verb: the first word is not asked)
    start = seg.text.index(long, at)
    toks = [t for t in view.toks if start <= t.idx < start + len(long)]
    if any(t.tag_ in _FINITE_TAGS or t.pos_ == "AUX" for t in toks[1:]):
        return
    yield from _abbreviation_pair(view, short, long, reason)


def _bracketed(view: View, i: int) -> bool:
    """Is token ``i`` inside brackets its sentence opened before it?"""
    before = view.text[: view.sent.doc[i].idx - view.sent.start_char]
    return before.count("(") > before.count(")")


#: What "define" gives its object when it names it: "we define entropy as ...".
_DEFINED_AS = re.compile(r"\bas\b", re.IGNORECASE)


def named(view: View) -> Iterator[Occurrence]:
    """Names introduced by name ("known as poisoning", "the value s is called standard
    deviation", "we define mean as ...": the sentence defines the name) or as an example
    ("such as ReLU")."""
    doc = view.sent.doc
    at = view.sent.start_char
    for start, end in view.matches.get("NAMING", ()):
        cue = doc[start:end].text.lower()
        if cue.startswith("define") and not _DEFINED_AS.search(doc[end : view.sent.end].text):
            continue  # "Define the prior", "it defines the set of rules": no name given
        role = (
            "named"
            if any(w in cue for w in ("call", "term", "dub", "name", "known", "refer", "defin"))
            else "example"
        )
        # "(also known as X)" names what stands before the bracket: the sentence says
        # what that is, not what X is
        definition = (
            view.text
            if role == "named" and not view.seg.is_title and not _bracketed(view, start)
            else ""
        )
        chunk = next((c for c in view.chunks if c.start == end), None)
        toks = list(chunk) if chunk is not None else _name_after(doc, end, view.sent.end)
        if chunk is not None:
            toks = _with_of(view, chunk) or toks  # "known as the law of mass action"
        if toks:
            yield from _occ(
                phrase(toks), role, view.seg, view.text, at, toks, definition=definition
            )
            if role == "example" and (other := second_example(view, toks[-1].i + 1)):
                yield from _occ(phrase(other), role, view.seg, view.text, at, other)


#: Words that close a list of examples without naming one ("and the like", "or others").
_LIST_CLOSERS = frozenset({"like", "other", "others", "so", "more", "similar", "etc"})


def second_example(view: View, i: int) -> list[Token]:
    """The second of two examples joined by "and" / "or" after an example cue, the
    first ending before token ``i`` ("such as amylase and pepsin", "e.g. granite or
    basalt"; a bracket after the first, "such as eosin (a pink dye) and X", is skipped).
    A list of three or more is read as an enumeration (:func:`enumerations`); "and the
    like", "or others" name nothing."""
    doc, end = view.sent.doc, view.sent.end
    if i < end and doc[i].text == "(":
        close = next((t.i for t in doc[i : min(end, i + 20)] if t.text == ")"), None)
        i = close + 1 if close is not None else end
    if i + 1 >= end or doc[i].lower_ not in {"and", "or"}:
        return []
    first = doc[i + 1]
    if first.pos_ == "DET" or first.lower_ in _LIST_CLOSERS:
        return []
    chunk = next((c for c in view.chunks if c.start == i + 1), None)
    if chunk is not None:
        return list(chunk)
    return _hyphenated(doc, i + 1) if first.pos_ in {"NOUN", "PROPN"} else []


def _with_of(view: View, chunk: Span) -> list[Token]:
    """``chunk`` with its "of" complement when the two make one name ("the law of
    large numbers", not "types of rock": see :func:`of_phrases`); else nothing."""
    doc = view.sent.doc
    end = chunk.end
    nxt = next((c for c in view.chunks if c.start == end + 1), None)
    if nxt is None or doc[end].lower_ != "of":
        return []
    toks = [*chunk, doc[end], *nxt]
    if any(breaks_run(t) for t in toks):
        return []
    refined = refine(toks)
    return toks if len(refined) == len(trim(toks)) and len(words_of(refined)) <= 5 else []


def _name_after(doc: Doc, i: int, stop: int) -> list[Token]:
    """The name a naming cue gives where the parser made no noun chunk of it: a noun and
    the words hyphens glue to it ("so-called z-score"), after an article, and the nouns
    that go on from it ("known as a Point-to-point link", its hyphenated opening
    read as a phrase of its own)."""
    article = i < stop and doc[i].lower_ in _ARTICLES
    i += article
    if i >= stop or doc[i].pos_ not in {"NOUN", "PROPN"}:
        return []
    toks = _hyphenated(doc, i)
    while article and (end := toks[-1].i + 1) < stop and doc[end].pos_ in {"NOUN", "PROPN"}:
        toks += _hyphenated(doc, end)
    return toks


def _hyphenated(doc: Doc, i: int) -> list[Token]:
    """The token at ``i`` with the words glued to it by hyphens after it ("so-called
    z-score": "z", "-", "score")."""
    end = i + 1
    while (
        end + 1 < len(doc)
        and doc[end].text in {"-", "–"}
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
    ):
        end += 2
    return list(doc[i:end])


#: Verbs that name what their subject is called ("is called discrete").
_NAMING_VERBS = frozenset({"call", "term", "name", "dub", "know"})


def kinds(view: View) -> Iterator[Occurrence]:
    """Kinds of a thing that a sentence names with adjectives: "Rocks can be igneous,
    sedimentary or metamorphic" names "igneous rock", "sedimentary rock" and
    "metamorphic rock"; "Such a variable is called continuous" names "continuous
    variable". The adjectives complete the verb (two or more of them, or one after a
    naming verb) and the thing is the verb's subject."""
    at = view.sent.start_char
    for tok in view.toks:
        if tok.pos_ != "ADJ" or tok.dep_ not in {"acomp", "oprd"}:
            continue
        verb = tok.head
        subject = next(
            (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "NOUN"),
            None,
        )
        if subject is None:
            continue
        adjectives = [tok, *(c for c in tok.conjuncts if c.pos_ == "ADJ" and c.i > tok.i)]
        naming = not _NAMING_VERBS.isdisjoint(lemmas(verb.lower_).get("VERB", ()))
        if len(adjectives) < 2 and not naming:
            continue
        thing = [t for t in subject.subtree if t.i <= subject.i]
        thing = trim(thing[next((i for i, t in enumerate(thing) if t.dep_ == "amod"), 0) :])
        words = [t for t in thing if t.pos_ in {"NOUN", "PROPN", "ADJ"}]
        if not words or words[-1].i != subject.i:
            continue
        for adjective in adjectives:
            toks = [adjective, *words]
            name = (
                (
                    f"{adjective.lower_} {' '.join(t.lower_ for t in words[:-1])} "
                    f"{singular(subject.lower_)}"
                )
                .replace("  ", " ")
                .strip()
            )
            surface = " ".join(t.text for t in toks)
            yield from _occ(
                (name, surface), "named" if naming else "listed", view.seg, view.text, at, toks
            )


def defined(view: View) -> Iterator[Occurrence]:
    """The subject of a defining sentence ("Glaciers are masses of moving ice")."""
    if view.seg.is_title:
        return
    chunks, sent = view.chunks, view.sent
    subject = misread_subject(sent)
    if subject is not None:
        chunks = [subject, *chunks]  # "The asthenosphere is a ...", its noun read as an adverb
    if not chunks or chunks[0].start - sent.start > 1:
        return
    after = chunks[0].end
    doc = sent.doc
    if (
        len(chunks) > 1
        and after < sent.end
        and doc[after].lower_ == "of"
        and chunks[1].start == after + 1
        and chunks[0].root.lower_ not in FRAMING_NOUNS
        and chunks[1].end < sent.end
        and (
            doc[chunks[1].end].lower_ in {"states", "says"}
            or (
                (chunks[0][0].pos_ != "DET" or _of_a_word(chunks[0], chunks[1]))
                and chunks[1][0].pos_ not in {"DET", "PRON"}
                and any(start == chunks[1].end for start, _ in view.matches.get("DEFINING", ()))
            )
        )
    ):
        # "The first law of thermodynamics states that ...": a law's subject takes its
        # "of" complement (not a framing noun's: "The advantage of X states ..."); so does
        # a defined name whose complement has no article, "Angle of incidence is the
        # angle ...", "The rate of decay is the share ..." (not "The speed of the wave
        # is ...", one thing an article points at)
        chunks = [doc[chunks[0].start : chunks[1].end], *chunks[2:]]
        after = chunks[0].end
    if after < sent.end and doc[after].text == "(":  # "Gross Domestic Product (GDP) is a"
        close = next((t.i for t in doc[after : min(sent.end, after + 12)] if t.text == ")"), None)
        after = close + 1 if close is not None else after
    if any(start == after for start, _ in view.matches.get("DEFINING", ())):
        toks = list(chunks[0])
        if bound_subject(view, toks):
            return  # "The output is a label": the output of the example at hand
        if ranked(toks):
            return  # "The most common rock is basalt": the sentence names basalt
        if after + 1 < sent.end and selects(toks, doc[after + 1]):
            return  # "The main objection is realizability: ...": it names realizability
        misread = chunks[0] is subject
        word = toks[-1]
        yield from _occ(
            (key_of([word.text], [word]), word.text) if misread else phrase(toks),
            "defined",
            view.seg,
            view.text,
            sent.start_char,
            [word] if misread else toks,
            definition=view.text,
            trimmed=misread,
        )


def _of_a_word(head: Span, complement: Span) -> bool:
    """Does "the" open ``head`` before an "of" complement of words English has, no
    article before them ("The rate of decay is ...", not "The value of cij is ...": a
    variable's value)?"""
    return head[0].lower_ == "the" and all(lemmas(t.lower_) for t in complement if t.is_alpha)


#: Tags of a superlative: "largest", "best" (JJS), "most", "least" (RBS).
_SUPERLATIVE_TAGS = frozenset({"JJS", "RBS"})


def ranked(toks: Sequence[Token]) -> bool:
    """Does a defining sentence's subject rank its kind ("The most common hive is ...",
    "The largest planet is ...", "The best-known glaze is ...")? Such a sentence names
    the thing that comes first, after its copula; the ranking phrase is no name."""
    return any(
        t.tag_ in _SUPERLATIVE_TAGS
        or t.lower_ in {"most", "least"}
        or (t.lower_.startswith(("best-", "most-", "least-")) and "-" in t.text)
        for t in toks
    )


def selects(toks: Sequence[Token], complement: Token) -> bool:
    """Does a defining sentence's subject, "the" and a word that picks out
    (:data:`SELECTING_ADJECTIVES`: "main", "key", "chief") before its noun, go on to a
    bare name after its copula ("The main tools are NPV and IRR", "The key idea is
    homeostasis: ...")? Such a sentence names its complement, and the subject is no name.
    With an article after the copula it may define the subject ("The main sequence is
    the band of stars ...").

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["The main objection is realizability."]))
    >>> selects(list(doc[:3]), doc[4])
    True
    >>> doc = next(pipe(["The main sequence is the band of stars."]))
    >>> selects(list(doc[:3]), doc[4])
    False
    """
    words = [t for t in toks if not t.is_punct]
    return (
        len(words) == 3
        and words[0].lower_ == "the"
        and words[1].lower_ in SELECTING_ADJECTIVES
        and complement.pos_ not in {"DET", "PRON"}
    )


#: Present-tense tags of a verb that says what a kind does ("exchanges", "feed").
_PRESENT = frozenset({"VBZ", "VBP"})
#: Words that set a clause against the one before it: "..., while a closed system ...".
_CONTRAST_MARKS = frozenset({"while", "whereas"})


def _present_verb(verb: Token) -> bool:
    """Is ``verb`` a verb in the present tense other than a copula ("exchanges",
    "feed", passive "is given")?"""
    if verb.pos_ != "VERB":
        return False
    if verb.tag_ in _PRESENT:
        return True
    # "An ascribed status is given at birth": a passive in the present
    return verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.tag_ in _PRESENT for c in verb.children
    )


def _general_name(chunk: Span, root: Token | None = None) -> bool:
    """Is ``chunk`` a kind named in general: a noun in the singular with "a"/"an" or no
    determiner ("An open system", "Predation"), not one pointed at, owned or "the" one
    of the notes' example, nor a pronoun, nor a plural, which more often tells what
    some instances do ("Negative gradients push ...")?"""
    root = root if root is not None else chunk.root
    if root.pos_ not in {"NOUN", "PROPN"} or root.tag_ not in {"NN", "NNP"}:
        return False  # a plural ("Negative gradients push ...") tells of instances
    at = 1 if chunk[0].pos_ == "ADV" and len(chunk) > 1 else 0
    first = chunk[at]  # "only the audience hears it": the article after the adverb
    if first.pos_ in {"DET", "PRON"} or first.tag_ in {"PRP$", "WDT", "WP$"}:
        return first.lower_ in {"a", "an"} and len(chunk) > at + 1
    return True


def _clause_opener(verb: Token) -> bool:
    """Is ``verb`` the verb of a sentence's main clause, or of a clause set against it
    ("..., while a closed system exchanges only energy") or joined to it? A clause the
    parser hung as a complement on a main verb after it is the first clause all the same
    ("Deep litter keeps the hens warm, so the farmer saves ...": "keeps" read as the
    complement of "saves")."""
    if verb.dep_ == "ROOT":
        return True
    if verb.dep_ == "ccomp":
        return verb.head.i > verb.i and verb.head.dep_ == "ROOT"
    if verb.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in verb.children)
    return verb.dep_ == "conj" and verb.head.dep_ == "ROOT"


def _verb_read_as_head(chunk: Span) -> bool:
    """Is the last word of ``chunk`` a verb's "-s" form that the tagger read as a plural
    noun but the parser made the head of a clause ("An open system *exchanges* both
    matter and energy": the chunk "An open system exchanges"), after a singular noun?

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Heat flows. An open system exchanges both matter and energy."]))
    >>> chunk = next(c for c in doc.noun_chunks if "system" in c.text)
    >>> _verb_read_as_head(chunk) or chunk.root.tag_ == "VBZ"
    True
    """
    last = chunk[-1]
    if len(chunk) < 2 or last.tag_ != "NNS" or last.dep_ not in {"ROOT", "advcl"}:
        return False
    if chunk[-2].tag_ not in {"NN", "NNP"} or not last.is_alpha:
        return False
    from lemminflect import getInflection

    verbs = lemmas(last.lower_).get("VERB", ())
    return any(last.lower_ in getInflection(lemma, tag="VBZ") for lemma in verbs)


def _glossed_by_apposition(chunk: Span) -> bool:
    """Is a common noun ``chunk`` followed by a comma and a noun phrase in apposition
    that says what it is ("the carrying capacity, the largest population the land can
    support", "glasnost, a new openness in public debate")? Not a proper name (a
    person, "Gavrilo Princip, a member of ...").

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Growth stops at the carrying capacity, the largest herd it holds."]))
    >>> _glossed_by_apposition(doc[3:6]), _glossed_by_apposition(doc[0:1])
    (True, False)
    """
    root = chunk.root
    if root.pos_ != "NOUN" or chunk.end >= len(chunk.doc) - 2:
        return False
    comma, after = chunk.doc[chunk.end], chunk.doc[chunk.end + 1]
    if comma.text != "," or after.lower_ not in {"a", "an", "the"}:
        return False
    # the parser may hang the apposition on another noun of the sentence: the noun
    # phrase right after the comma is what counts
    for tok in chunk.doc[comma.i + 2 : comma.i + 6]:
        if tok.is_punct:
            return False
        if tok.dep_ == "appos":
            return tok.pos_ == "NOUN"
    return False


def _gerund_subject(tok: Token) -> bool:
    """Is ``tok`` a lone "-ing" word opening a clause as the whole subject of a verb in
    the present tense ("Blanching stops the enzymes ...", "..., while braising cooks the
    meat slowly"): a practice or technique named by what it does, which the chunker
    leaves out (no noun chunk holds a verb)? Not one with an object or any word of its
    own ("Blanching beans stops ..." is an act, not a name), nor the act of studying
    ("Reviewing helps ...": :func:`study_gerund`).

    >>> from extraction.nlp import pipe
    >>> docs = pipe(["Tracking moves the camera.", "Blanching beans keeps them green."])
    >>> [_gerund_subject(next(iter(d))) for d in docs]
    [True, False]
    """
    if tok.tag_ != "VBG" or tok.dep_ not in {"nsubj", "csubj"} or not tok.is_alpha:
        return False
    if any(True for _ in tok.children) or study_gerund(tok.lower_):
        return False
    verb = tok.head
    if not (_present_verb(verb) and verb.tag_ == "VBZ" and _clause_opener(verb)):
        return False
    sent = tok.sent
    before = tok.i - 1
    while before >= sent.start and tok.doc[before].is_punct:
        before -= 1
    return before < sent.start or (
        tok.doc[before].lower_ in _CONTRAST_MARKS and tok.doc[before].head.i == verb.i
    )


def described(view: View) -> Iterator[Occurrence]:
    """A kind a sentence of running text characterises (role ``described``): the whole
    subject, named in general ("a"/"an" or no article), that opens a clause whose verb
    in the present tense says what it does ("An open system exchanges matter and
    energy", "..., while a closed system exchanges only energy", "Decomposers break
    down dead organisms"), or the kind an opening "In" sets the sentence in ("In
    mutualism both partners gain", "In an isothermal process the temperature stays
    constant"). A copula's subject is :func:`defined`'s; "The model learns ..." is the
    notes' own thing, not a kind; a plural more often tells what some instances do
    ("Negative gradients push ..."); a list item's opening is :func:`opens_item`'s.
    """
    if view.seg.is_title or view.seg.kind != BODY or view.text.rstrip().endswith("?"):
        return
    sent = view.sent
    for tok in view.toks or sent:
        if _gerund_subject(tok):
            # a verb's form: no noun ends the run, but the clause makes it a name
            name = phrase([tok], lenient=True)
            yield from _occ(name, "described", view.seg, view.text, sent.start_char, [tok])
    for chunk in view.chunks:
        root = chunk.root
        if _glossed_by_apposition(chunk):
            toks = [t for t in chunk if t.pos_ != "DET"]
            yield from _occ(phrase(toks), "described", view.seg, view.text, sent.start_char, toks)
            continue
        if _verb_read_as_head(chunk):
            # "An open system exchanges ...": the tagger took the verb for the chunk's noun
            chunk = chunk[:-1]
            if _general_name(chunk, chunk[-1]) and (
                chunk.start == sent.start
                or any(
                    c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS
                    for c in sent.doc[chunk.end].children
                )
            ):
                toks = list(chunk)
                yield from _occ(
                    phrase(toks), "described", view.seg, view.text, sent.start_char, toks
                )
            continue
        if not _general_name(chunk):
            continue
        if root.dep_ in _SUBJECTS:
            verb = root.head
            if not (_present_verb(verb) and _clause_opener(verb)):
                continue
            if root.left_edge.i != chunk.start or root.right_edge.i != chunk.end - 1:
                continue  # a part of a longer subject: "Typical examples of X ..."
            before = chunk.start - 1
            while before >= sent.start and sent.doc[before].is_punct:
                before -= 1
            opens = before < sent.start or (
                sent.doc[before].lower_ in _CONTRAST_MARKS | {"and", "but"}
                and sent.doc[before].head.i in {verb.i, verb.head.i}
            )
            if not opens:
                continue
        elif root.dep_ == "pobj":
            # "In mutualism both partners gain": the setting of the whole sentence
            prep = root.head
            if not (
                prep.lower_ == "in"
                and prep.i == sent.start
                and chunk.start == prep.i + 1
                and prep.head.dep_ == "ROOT"
                and (
                    _present_verb(prep.head)
                    or any(c.dep_ == "aux" and c.tag_ in _PRESENT for c in prep.head.children)
                    or (prep.head.pos_ == "AUX" and prep.head.tag_ in _PRESENT)
                    or (prep.head.tag_ in _PRESENT)
                )
            ):
                continue
            if root.right_edge.i != chunk.end - 1:
                continue
        else:
            continue
        toks = list(chunk)
        yield from _occ(phrase(toks), "described", view.seg, view.text, sent.start_char, toks)


def misread_subject(sent: Span) -> Span | None:
    """The subject of a sentence that opens with an article, one word and "is"/"are"
    when the tagger reads that word as no noun ("The asthenosphere is a layer ...",
    read as an adverb): the article and the word, as its noun chunk would be. Not a
    word in -ly ("The only is ..."), nor one the chunker already reads.

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["The asthenosphere is a weak layer."]))
    >>> misread_subject(doc[:]) is not None or doc[1].pos_ == "NOUN"
    True
    """
    words = list(sent[:3])
    if len(words) < 3 or words[0].lower_ not in _ARTICLES or words[2].lower_ not in {"is", "are"}:
        return None
    word = words[1]
    if (
        word.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}
        or not word.is_alpha
        or word.lower_.endswith("ly")
    ):
        return None
    if word.dep_ not in _SUBJECTS:
        return None
    return sent[0:2]


#: Words that tie a sentence to the moment or the example at hand ("the state is now
#: a grid", "here the output is a label").
_HERE_AND_NOW = re.compile(r"\b(?:now|still|here|currently)\b", re.IGNORECASE)
_POINTING = frozenset({"this", "that", "these", "those"})


def bound_subject(view: View, toks: Sequence[Token]) -> bool:
    """Is the subject of a defining sentence one word bound to its context, so that the
    sentence says what that word is *here*, not in general: pointed at or owned ("This
    enzyme is a protease", "Its output is a list"), or after "the" in a sentence that
    says "now"/"here"/"still", or under a card whose title names something else ("The
    output is a sorted list" in a card about merge sort)? A subject of two or more
    words ("The outer membrane is ...") names a thing of its own."""
    words = [t for t in toks if t.pos_ not in {"DET", "PRON"} and t.tag_ != "PRP$"]
    if len(words) != 1 or len(words) == len(toks):
        return False
    first = toks[0]
    if first.lower_ in _POINTING or first.tag_ == "PRP$":
        return True
    if first.lower_ != "the":
        return False
    if _HERE_AND_NOW.search(view.text):
        return True
    title = view.seg.card.title
    word = words[0].lower_
    stem = word[:-1] if word.endswith("s") and len(word) > 3 else word
    return (
        bool(title.strip())
        and re.search(rf"\b{re.escape(stem)}", title, re.I) is None
        and names_one_thing(title)
    )


@lru_cache(maxsize=4096)
def names_one_thing(title: str) -> bool:
    """Does a card's title name one thing ("Merge sort", "Photosynthesis"), so that
    "the X" under it is a part or a property of that thing? A title that names a kind
    in the plural ("Layers of the atmosphere", "Plate boundaries") or labels a section
    ("Week 3 summary: digestion") heads a section about several things, each "the X" a
    thing of its own.

    >>> [names_one_thing(t) for t in ["Merge sort", "Plate boundaries", "Week 3: digestion"]]
    [True, False, False]
    """
    named = title_concept(title, term=True)
    if named is None:
        return False
    words = named.name.lower().split()
    if not words:
        return False
    head = words[head_index(words)]
    return singular(head) == head


_EXAMPLE_CUE = re.compile(r"\b(?:e\.?g\.?|for example|for instance|such as|like)\b", re.I)


def _nominal(toks: Sequence[Token]) -> bool:
    """A short noun phrase, or a gerund naming a technique ("denoising")."""
    words = [t for t in toks if t.text not in GLUE]
    if len(words) == 1:
        word = words[0]
        return word.pos_ in {"NOUN", "PROPN"} or word.tag_ == "VBG" or is_acronym(word.text)
    glued = {t.i for t in toks if t.i > 0 and (t.nbor(-1).text in GLUE or hyphen_after(t))}
    return (
        2 <= len(words) <= 4
        and all(t.pos_ in {"NOUN", "PROPN", "ADJ"} or t.i in glued for t in words)
        and words[-1].pos_ in {"NOUN", "PROPN"}
    )


def _enumeration(
    sent: Span, chunks: list[Span], toks: Sequence[Token]
) -> Iterator[tuple[list[Token], bool]]:
    """Items of an enumeration ("used for food storage (...), brewing (...), and
    water transport"), read from the tokens, with whether each stands after an
    example cue ("e.g.")."""
    text = span_text(sent)
    lower = text.lower()
    if text.count(",") + text.count(";") + lower.count("and") + lower.count("or") < 2:
        return  # fewer than two separators: fewer than three items
    items: list[list[Token]] = [[]]
    depth = 0
    for tok in toks:
        if tok.text in {"(", "["}:
            depth += 1
        elif tok.text in {")", "]"}:
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif tok.text in {",", ";"} or (tok.pos_ == "CCONJ" and tok.lower_ in {"and", "or"}):
            items.append([])
        elif not tok.is_punct or tok.text in GLUE:
            items[-1].append(tok)
    items = [i for i in items if i]
    if len(items) < 3:
        return
    trimmed: list[list[Token]] = [[] for _ in items]
    for k in range(len(items) - 1, -1, -1):
        trimmed[k] = trim(runs[-1]) if (runs := split_runs(items[k])) else []
        if not _nominal(trimmed[k]):
            break
    start = len(trimmed)
    while start > 0 and _nominal(trimmed[start - 1]):
        start -= 1
    if start > 0:
        lead = items[start - 1]
        last_chunk = next((c for c in reversed(chunks) if c.end <= lead[-1].i + 1), None)
        if last_chunk is not None and last_chunk.start >= lead[0].i:
            trimmed[start - 1] = trim(list(last_chunk))
            start -= 1
    enumeration = [item for item in trimmed[start:] if _nominal(item)]
    if len(enumeration) < 3:
        return
    cue = _EXAMPLE_CUE.search(span_text(sent))
    cue_at = sent.start_char + cue.start() if cue else None
    for item in enumeration:
        yield item, cue_at is not None and item[0].idx > cue_at


def enumerations(view: View) -> Iterator[Occurrence]:
    """Items of an enumeration, and of a coordination of three or more noun phrases
    or a pair joined by "/" or "&"."""
    at = view.sent.start_char
    for item, example in _enumeration(view.sent, view.chunks, view.toks):
        yield from _occ(
            phrase(item, lenient=True),
            "example" if example else "listed",
            view.seg,
            view.text,
            at,
            item,
        )
    cue = _EXAMPLE_CUE.search(view.text)
    chunks = view.chunks
    if cue:
        chunks = [c for c in chunks if c.start_char < view.sent.start_char + cue.start()]
    for chunk in chunks:
        head = chunk.root
        while head.dep_ == "conj" and head.head != head:
            head = head.head
        # a word after a dash glued to it is part of the word before ("Kelvin–Planck")
        members = [head, *(t for t in head.subtree if t.dep_ == "conj" and not _glued_on(t))]
        if len(members) >= 3 or any(t.text in {"/", "&"} for t in chunk):
            for run in chunk_runs([chunk]):
                yield from _occ(phrase(run), "listed", view.seg, view.text, at, run)


def _glued_on(tok: Token) -> bool:
    """Is ``tok`` glued by a dash to the word before it ("Planck" of "Kelvin–Planck")?

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["the Kelvin–Planck form"]))
    >>> _glued_on(doc[3]), _glued_on(doc[1])
    (True, False)
    """
    doc = tok.doc
    return (
        tok.i > 1
        and doc[tok.i - 1].text in GLUE
        and not doc[tok.i - 1].whitespace_
        and not doc[tok.i - 2].whitespace_
    )


#: A chemical formula or an ion written as one word: element-like capitals with a count
#: inside or a charge sign at the end ("H2O", "SO4", "Cl-", "NH4+").
_FORMULA = re.compile(r"^(?:[A-Z][a-z]?\d*)+$")


def formula_token(text: str) -> bool:
    """Is ``text`` a formula rather than a name: capitals that carry an atom count inside
    ("H2O", "C6H12O6") or a charge sign at the end ("Cl-", "NH4+")?

    >>> formula_token("H2O"), formula_token("Cl-"), formula_token("DNA"), formula_token("LSTM")
    (True, True, False, False)
    """
    body = text.rstrip("+-")
    charged = body != text and len(text) - len(body) <= 2
    return bool(_FORMULA.match(body)) and (charged or any(c.isdigit() for c in body[1:]))


def course_code(tok: Token) -> bool:
    """Is ``tok`` the letters of a course or catalogue code, a capitals word followed by
    a number of three or four digits ("BIO 201")? The letters alone name nothing."""
    nxt = tok.i + 1 < len(tok.doc) and tok.nbor(1)
    return (
        tok.text.isupper()
        and bool(nxt)
        and nxt.text.isdigit()
        and len(nxt.text) in {3, 4}
        and bool(tok.whitespace_)
    )


#: Words of a line in capitals at least, for :func:`shouted_line`.
SHOUTED_WORDS = 2
_LETTERS = re.compile(r"[^\W\d_]+")


def shouted_line(text: str) -> bool:
    """Is ``text`` a line typed in capitals, two words or more ("DIETARY STANDARDS",
    "PLATE TECTONICS")? Its capitals are the writer's: a word of it that English knows is
    no acronym (a word English does not know still may be: "DNA", "ATP").

    >>> shouted_line("PLATE TECTONICS"), shouted_line("DNA and ATP"), shouted_line("ATP")
    (True, False, False)
    """
    words = _LETTERS.findall(text)
    return len(words) >= SHOUTED_WORDS and all(w.isupper() for w in words)


def acronyms(view: View) -> Iterator[Occurrence]:
    """Acronyms, as written ("LSTMs" -> LSTM); not formulas ("H2O", "Cl-") nor the
    letters of a course code ("BIO 201")."""
    at = view.sent.start_char
    shouting = shouted_line(view.seg.text)
    for tok in view.toks:
        if formula_token(tok.text) or course_code(tok):
            continue
        if shouting and lemmas(tok.lower_):
            continue  # "DIETARY STANDARDS": a word typed in capitals, no acronym
        if is_acronym(tok.text) and not URL.search(tok.text):
            yield from _occ(
                (singular_acronym(tok.text), tok.text), "acronym", view.seg, view.text, at, [tok]
            )


def _pos_runs(toks: Sequence[Token]) -> Iterator[list[Token]]:
    """Maximal runs of adjectives and nouns ending in a noun, read from the tags alone
    (the parser's noun chunks miss some: "ReLU (...) activation functions")."""
    run: list[Token] = []
    for tok in [*toks, None]:
        word = tok is not None and (
            tok.pos_ in {"ADJ", "NOUN", "PROPN"}
            or (tok.text in GLUE and run and not tok.whitespace_)
            or (bool(run) and (numbering(tok) or numbered_noun(tok)))  # "Type I error"
            or (
                tok.tag_ in {"VBN", "VBG"}
                and tok.i + 1 < len(tok.doc)
                and tok.nbor(1).pos_ == "NOUN"
            )
        )
        if word:
            run.append(tok)
            continue
        while run and (
            (run[-1].pos_ not in {"NOUN", "PROPN"} and not numbering(run[-1]))
            or run[-1].text in GLUE
        ):
            run.pop()
        if run:
            yield run
        run = []


#: Where a gerund stands as a noun: a subject, an object, after a preposition, in a
#: coordination ("Overfitting happens when ...", "to avoid overfitting", "bagging and
#: boosting").
_GERUND_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "attr", "appos", "xcomp"})
#: Dependents that make a gerund a verb with its clause ("by employing dropout",
#: "training the model on data").
_CLAUSE_DEPS = frozenset(
    {
        "dobj",
        "prep",
        "ccomp",
        "xcomp",
        "advcl",
        "acomp",
        "attr",
        "dative",
        "agent",
        "prt",
        "nsubj",
        "aux",
        "auxpass",
        "neg",
    }
)


def _gerund_noun(tok: Token) -> bool:
    """Is ``tok`` a gerund used as a noun, the name of a technique or process
    ("overfitting", "bagging"), which the tagger reads as a verb and no noun chunk holds?
    Not when it has a clause of its own ("employing dropout", "training the model")."""
    return (
        tok.tag_ == "VBG"
        and tok.dep_ in _GERUND_DEPS
        and tok.is_alpha
        and not any(c.dep_ in _CLAUSE_DEPS for c in tok.children)
    )


#: Where a word stands as a noun: a subject, an object, after a preposition.
_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos"})


def mistagged_noun(tok: Token) -> bool:
    """Is ``tok`` a noun the tagger read as an adjective or adverb ("carried by the
    phloem", "through basalt")? It stands where a noun stands (a subject, an object,
    after a preposition) and English has no adjective or adverb reading of the word
    (``lemminflect``'s dictionary: "in general", "at least" are no nouns)."""
    if tok.pos_ not in {"ADJ", "ADV"}:
        return False
    if tok.dep_ not in _NOUN_DEPS and not (tok.dep_ == "conj" and tok.head.dep_ in _NOUN_DEPS):
        return False
    if not tok.is_alpha or tok.is_stop or len(tok.text) < 3:
        return False
    return not _adjective_or_adverb(tok.lower_)


@lru_cache(maxsize=1 << 14)
def _adjective_or_adverb(word: str) -> bool:
    readings = lemmas(word)
    return "ADJ" in readings or "ADV" in readings


#: Words that end the clause a run of nouns opens: a verb found before them belongs to it.
_CLAUSE_ENDS = frozenset({"CCONJ", "PUNCT", "SCONJ"})


def verb_after_plural(run: Sequence[Token]) -> bool:
    """Is the last word of ``run`` the verb of its clause, read as a noun after the plural
    subject it agrees with ("The plates collide and ...", "..., when the muscles
    contract, ...")? The run opens its sentence, a clause after ";" or one after
    "when"/"if"/"because" (an article at most before it), the last word is in the
    singular after a plural and English knows it as a verb in that plain form, and the
    clause has no verb of its own after it up to a conjunction or a comma; something
    follows it (an object, a preposition; a comma after "when" ...), so a title that is
    only a name keeps it.
    Not "signal transduction" (no plural before it), nor "the sales tax on food is high"
    (the clause's verb comes after it)."""
    if len(run) < 2:
        return False
    last, before = run[-1], run[-2]
    if before.tag_ != "NNS" or last.tag_ != "NN" or not last.is_alpha:
        return False
    sent, doc = last.sent, last.doc
    first = run[0].i - 1 if run[0].i > sent.start and doc[run[0].i - 1].pos_ == "DET" else run[0].i
    opener = doc[first - 1] if first > sent.start else None
    clause = opener is not None and (opener.tag_ == "WRB" or opener.pos_ == "SCONJ")
    if opener is not None and not clause and opener.text != ";":
        return False
    after = list(doc[last.i + 1 : sent.end])
    if not after or (after[0].is_punct and not clause) or after[0].pos_ in {"NOUN", "PROPN"}:
        return False  # a title that is only a name; a noun after it goes on the name
    for tok in after:
        if tok.pos_ in _CLAUSE_ENDS:
            break
        if tok.pos_ in {"VERB", "AUX"}:
            return False
    return _plain_verb(last.lower_)


@lru_cache(maxsize=1 << 14)
def _plain_verb(word: str) -> bool:
    return word in lemmas(word).get("VERB", ())


#: The auxiliary of a question whose main verb comes after its subject ("How does X work?").
_DO_FORMS = frozenset({"do", "does", "did"})


def verb_read_as_noun_after_do(tok: Token) -> bool:
    """Is ``tok`` the main verb of a question asked with "do"/"does"/"did", that the
    tagger read as a noun going on its subject ("Why does the heart rate *change* during
    exercise?", "How does a refrigerator *work*?")? The parser made it the head of the
    question, with the "do" before the subject as its auxiliary; it is a singular noun
    after another noun, and English knows it as a verb in that plain form. Not "How
    does ABS control the skid?" (read as a verb), nor a noun the parser hangs elsewhere.
    The subject may end in a noun the tagger read as an adjective ("How does a red giant
    *form*?"). In a title in Title Case the tagger reads the verb as a proper noun
    ("Why Do Volcanoes *Erupt*?"), and it is read alike.

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Why does the heart rate change during exercise?"]))
    >>> verb_read_as_noun_after_do(doc[5]) or doc[5].pos_ == "VERB"
    True
    """
    read_as_noun = tok.tag_ == "NN" or (tok.tag_ == "NNP" and tok.is_title)
    if not read_as_noun or not tok.is_alpha or tok.i == 0:
        return False
    aux = _do_aux(tok)
    if aux is None or aux.i >= tok.i - 1 or not _ends_subject(tok.nbor(-1)):
        return False
    return _plain_verb(tok.lower_)


_WH_TAGS = frozenset({"WP", "WRB", "WDT"})


def _do_aux(tok: Token) -> Token | None:
    """The "do" of a question whose verb ``tok`` may be: its auxiliary when the parser
    made ``tok`` the head of the question; else, when the parser hung it elsewhere
    ("What does Bernoulli's principle *state*?", read as a noun after "principle"), the
    "do" that opens the question (after its question word), ``tok`` being its last word
    and no word of it read as a verb."""
    if tok.dep_ == "ROOT":
        return next((c for c in tok.lefts if c.dep_ == "aux" and c.lower_ in _DO_FORMS), None)
    sent = tok.sent
    words = [t for t in sent if not t.is_punct]
    if not words or words[-1].i != tok.i or sent[-1].text != "?":
        return None
    opening = words[1] if len(words) > 1 and words[0].tag_ in _WH_TAGS else words[0]
    if opening.lower_ not in _DO_FORMS or any(t.pos_ == "VERB" for t in words if t.i != opening.i):
        return None
    return opening


def _ends_subject(tok: Token) -> bool:
    """Can ``tok`` end the subject of a "do" question: a noun, or a word the tagger read
    as an adjective (also a comparative, "How does a *glacier* form?") that English also
    knows as a noun ("How does a red *giant* form?")."""
    if tok.pos_ in {"NOUN", "PROPN"}:
        return True
    return tok.pos_ == "ADJ" and tok.is_alpha and _plain_noun(tok.lower_)


@lru_cache(maxsize=1 << 14)
def _plain_noun(word: str) -> bool:
    return word in lemmas(word).get("NOUN", ())


def do_question_subject(doc: Doc) -> list[Token]:
    """The subject of a question asked with "do"/"does"/"did" whose verb the tagger read
    as a noun (:func:`verb_read_as_noun_after_do`): the words between the auxiliary and
    the verb, when they are a noun phrase ("Why does the heart rate change ...?" -> the
    heart rate); else none."""
    words = [t for t in doc if not t.is_punct]
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    verb = next(
        (t for t in (root, *words[-1:]) if t is not None and verb_read_as_noun_after_do(t)), None
    )
    if verb is None or (aux := _do_aux(verb)) is None:
        return []
    toks = list(doc[aux.i + 1 : verb.i])
    words = {"DET", "ADJ", "NOUN", "PROPN", "NUM"}
    if not all(t.pos_ in words or t.tag_ in {"VBN", "VBG", "POS"} or t.text in GLUE for t in toks):
        return []
    return toks


def noun_phrases(view: View) -> Iterator[Occurrence]:
    """Every noun phrase: the parser's noun chunks (split at punctuation, coordination
    distributed) and the runs of adjectives and nouns the chunks miss. (The names
    inside a noun phrase are counted later, once per name: :func:`nested_names`.)"""
    at = view.sent.start_char
    seen_spans: set[tuple[int, int]] = set()
    seen: set[str] = set()
    doc = view.sent.doc
    covered = [(c.start, c.end) for c in view.chunks]
    pos_runs = [
        run
        for run in _pos_runs(view.toks)
        if not any(s <= run[0].i and run[-1].i < e for s, e in covered)  # the chunk has it
    ]
    base = view.sent.start
    chunk_toks = [
        view.toks[c.start - base : c.end - base] if c.start >= base else list(c)
        for c in view.chunks
    ]  # the sentence's tokens, not new ones
    gerunds = [[t] for t in view.toks if _gerund_noun(t)]
    mistagged = [[t] for t in view.toks if mistagged_noun(t)]
    shared = [run for t in view.toks if (run := shared_head(t))]  # "heat and mass ..."
    # the modifier that shares a head is no name alone there: "heat" of "heat and mass
    # transfer" names heat transfer, not heat
    sharing = {run[0].i for run in shared}
    for run in [*chunk_runs(chunk_toks), *pos_runs, *gerunds, *mistagged, *shared]:
        first = run[0]
        if (
            first.i > view.sent.start
            and (adverb := doc[first.i - 1]).pos_ == "ADV"
            and adverb.lower_.endswith("ly")
            and adverb.dep_ == "advmod"
            and first.tag_ in {"JJ", "VBN"}
        ):
            run = [adverb, *run]  # "fully connected layer": the adverb grades the name
        span = (run[0].i, run[-1].i)
        if span in seen_spans:
            continue
        seen_spans.add(span)
        if verb_after_plural(run) or verb_read_as_noun_after_do(run[-1]):
            run = run[:-1]  # "enzymes digest", "does the heart rate change": the name ends
        single = len(run) == 1 and (_gerund_noun(run[0]) or mistagged_noun(run[0]))
        trimmed = run if single else trim(run)
        if len(trimmed) == 1 and trimmed[0].i in sharing:
            continue
        if name_complement(trimmed) or _head_of_abbreviated(trimmed, view.sent, view.chunks):
            continue
        name = trimmed_phrase(trimmed, lenient=single)
        if name is None or name[0] in seen:
            continue
        seen.add(name[0])
        # a modifier and the head it shares with the next one: "inner core" of "the
        # inner and outer core", "heat transfer" of "heat and mass transfer"
        gap = any(b.i - a.i > 1 for a, b in pairwise(run))
        role = "shared_head" if gap else "mention"
        yield from _occ(name, role, view.seg, view.text, at, trimmed, trimmed=True)


def _head_of_abbreviated(run: Sequence[Token], sent: Span, chunks: Sequence[Span]) -> bool:
    """Is ``run`` the part before "of" of a name the notes abbreviate as a whole, its
    short form in brackets right after it ("Rapid eye movement of sleep stages (REMS)"
    names one thing: "rapid eye movement" there is a part of it, counted as nested)?

    >>> from extraction.nlp import pipe
    >>> doc = next(iter(pipe(["The rapid rise of sea levels (RSL) floods the coast."])))
    >>> chunks = list(doc.noun_chunks)
    >>> [(c.text, _head_of_abbreviated(list(c), doc[:], chunks)) for c in chunks][:2]
    [('The rapid rise', True), ('sea levels', False)]
    """
    if not run:
        return False
    doc = sent.doc
    after = run[-1].i + 1
    if after >= sent.end or doc[after].lower_ != "of":
        return False
    nxt = next((c for c in chunks if c.start == after + 1), None)
    if nxt is None or nxt.end + 2 >= sent.end:
        return False
    opener, short, closer = doc[nxt.end], doc[nxt.end + 1], doc[nxt.end + 2]
    return opener.text == "(" and closer.text == ")" and is_acronym(short.text)


#: Most sentences a name inside longer names borrows from each of them.
NESTED_EVIDENCE = 3


def _sentence_order(e: Evidence) -> tuple[str, int, str]:
    return (e.source, e.line, e.text)


class SharedSets:
    """Sets of the few files of a build, one object per distinct set: most names are
    used in one file, and each would otherwise hold a set of its own.

    >>> files = SharedSets()
    >>> a = files.union(frozenset(), frozenset({"n.md"}))
    >>> a is files.union(frozenset(), frozenset({"n.md"})), a is files.union(a, a)
    (True, True)
    >>> sorted(files.union(a, frozenset({"m.md"})))
    ['m.md', 'n.md']
    """

    __slots__ = ("_made",)

    def __init__(self) -> None:
        self._made: dict[tuple[frozenset, frozenset], frozenset] = {}

    def union(self, a: frozenset, b: frozenset) -> frozenset:
        if b <= a:
            return a
        found = self._made.get((a, b))
        if found is None:
            found = self._made[(a, b)] = a | b
        return found


def _compound_gerund(words: Sequence[str], shape: Shape, i: int, j: int) -> bool:
    """Does the run ``words[i:j]`` end in a gerund that a noun before it makes a compound
    noun ("crop spraying" in "crop spraying drones", "glass blowing" in "glass blowing
    workshops"), which the tagger reads as a verb before the next noun?"""
    return (
        j - i >= 2
        and shape.pos[j - 1] == "VERB"
        and shape.pos[j - 2] in {"NOUN", "PROPN"}
        and words[j - 1].lower().endswith("ing")
    )


def nested_names(
    candidates: dict[str, Candidate], files: SharedSets | None = None
) -> dict[str, tuple[str, ...]]:
    """Count the names inside each longer name, once per name: every shorter run of
    its words that ends in a noun ("heat exchanger" in "plate heat
    exchanger", "tax law" in "international tax law reform", a gerund
    after a noun counting as one: :func:`_compound_gerund`), with
    the role ``nested`` (as many uses as the longer name has) and a few of its
    sentences. Returns the keys of the names inside each longer name's key that modify
    its head ("osmosis" in "osmosis experiment", not "experiment"), so that a use of a
    longer name that is no concept can mention them (``Collected.nested``)."""
    files = files or SharedSets()
    inside: dict[str, tuple[str, ...]] = {}
    for key, cand in list(candidates.items()):
        if cand.count == 0 or " " not in key:
            continue
        surface = cand.forms.most_common(1)[0][0].split()
        words = key.split()
        shape = next((sh for sh in cand.shapes if len(sh.pos) == len(words)), None)
        if shape is None or len(surface) != len(words):
            continue
        n = len(words)
        first: list[Evidence] | None = None  # its first sentences, found once a name
        for i in range(n):
            if words[i].lower() in EDGE_STOP or (i and shape.pos[i - 1] == "ADV"):
                continue  # "connected neural network" is no name inside "fully connected ..."
            for j in range(i + 1, n + 1):
                if (i, j) == (0, n) or not (
                    shape.pos[j - 1] in {"NOUN", "PROPN"} or _compound_gerund(words, shape, i, j)
                ):
                    continue
                if any(w.lower() in EDGE_STOP for w in words[i:j]):
                    continue  # "detection with autoencoders" is no name
                sub_key = concept_id(words[i:j]) if j == n else " ".join(words[i:j])
                if j < n:  # a modifier: the longer name is no kind of it
                    inside[key] = (*inside.get(key, ()), sub_key)
                sub = candidates.get(sub_key)
                if sub is None:
                    sub = candidates[sub_key] = Candidate(sub_key)
                uses = cand.count
                sub.forms[" ".join(surface[i:j])] += uses
                sub.roles["nested"] += uses
                sub.shapes[interned(Shape(j - i, pos=shape.pos[i:j]))] += uses
                sub.cards |= cand.cards
                sub.sources = files.union(sub.sources, cand.sources)
                for evidence in cand.mentions[:NESTED_EVIDENCE]:
                    if len(sub.mentions) < MAX_MENTIONS and evidence not in sub.mentions:
                        sub.mentions.append(evidence)
                if first is None:
                    first = heapq.nsmallest(NESTED_EVIDENCE, cand.sentences, key=_sentence_order)
                sub.sentences.update(first)
                sub.first = min(sub.first, cand.first)
    return inside


def of_phrases(view: View) -> Iterator[Occurrence]:
    """A noun phrase with its "of" complement ("law of large numbers", "angle
    of repose of dry sand"), unless the first noun frames the second ("types of
    X": see :func:`~extraction.concepts.phrases.refine`), or what stands before "of"
    is no part of a name ("all of its resources", "each of the processes", "those of the
    new process"): the noun phrase left is the noun-phrase generator's, one use, and it
    has no "of" complement (the selector's ``of_phrase`` would weigh it as one)."""
    doc = view.sent.doc
    at = view.sent.start_char
    by_start = {c.start: c for c in view.chunks}
    for chunk in view.chunks:
        end = chunk.end
        if end + 1 < len(doc) and doc[end].lower_ == "of" and (nxt := by_start.get(end + 1)):
            toks = [*chunk, doc[end], *nxt]
            if any(breaks_run(t) for t in toks):
                continue
            refined = refine(toks)
            if doc[end] not in refined:
                continue  # "all of its resources": no "of" phrase is left, only a noun phrase
            if len(refined) == len(trim(toks)) and len(words_of(refined)) <= 5:
                yield from _occ(
                    trimmed_phrase(refined), "of_phrase", view.seg, view.text, at, refined
                )


# -- the registry -------------------------------------------------------------------

#: Generators that read a whole segment.
SEGMENT_GENERATORS: dict[str, Callable[[Segment, Doc], Iterator]] = {
    "titles": titles,
    "labels": labels,
    "numbered": numbered,
    "emphasis": emphasised,
    "list_items": list_items,
    "cells": cells,
}
#: Generators that read one sentence (a :class:`View`).
SENTENCE_GENERATORS: dict[str, Callable[[View], Iterator]] = {
    "question_phrases": question_phrases,
    "glosses": glosses,
    "abbreviations": stated_abbreviations,
    "synonyms": synonyms,
    "named": named,
    "defined": defined,
    "described": described,
    "enumerations": enumerations,
    "kinds": kinds,
    "acronyms": acronyms,
    "noun_phrases": noun_phrases,
    "of_phrases": of_phrases,
}
GENERATORS = (*SEGMENT_GENERATORS, *SENTENCE_GENERATORS, "nested")


@dataclass
class Collected:
    """What :func:`collect` found: candidates by key, alias pairs, and every occurrence
    with its card (for the index of mentions)."""

    candidates: dict[str, Candidate]
    pairs: list[AliasPair]
    occurrences: list[tuple[str, str, Evidence]]  # (card id, key, evidence)
    #: key of a longer name -> keys of the names inside it that modify its head
    #: (:func:`nested_names`)
    nested: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: (card id, line of the paragraph or list item, key, evidence) of every name the
    #: notes stress in a card's body (:func:`emphasised`), for the weak links alone
    stressed: list[tuple[str, int, str, Evidence]] = field(default_factory=list)


#: A sentence that cites or credits: "et al.", a year, a DOI or link, "Image credit".
REFERENCE = re.compile(
    r"\bet al\b|\(\d{4}\)|\b(?:19|20)\d{2}[a-z]?\b|\bdoi\b|https?://|www\.|\barxiv\b"
    r"|\bcredit|\bcourtesy\b|\bjournal\b|\bvol\.|\bpp\.|\bpublished\b|\bauthors?\b"
    r"|\b(?:image|photo|picture|figure|diagram|illustration|icon)s? (?:from|by|source)\b"
    r"|\badapted from\b|\bretrieved from\b|\bsource:|\bauthored\b|\blicen[cs]ed under\b"
    r"|\bcc[- ]by\b",
    re.IGNORECASE,
)


def credited(toks: Sequence[Token]) -> bool:
    """Whether a name stands right after "by", the agent a sentence that cites or credits
    a source names ("The kiln was devised by Ada Quist in 1961"): who is credited.

    >>> from extraction import nlp
    >>> doc = nlp.load()("The kiln was devised by Ada Quist in 1961.")
    >>> credited(doc[5:7]), credited(doc[1:2])
    (True, False)
    """
    return bool(toks) and toks[0].i > 0 and toks[0].nbor(-1).lower_ == "by"


def referred(toks: Sequence[Token]) -> bool:
    """Whether a name is used as one particular thing the reader knows of, after "the",
    a pointing word or a possessive (:data:`DEFINITE_WORDS`, words between allowed: "the
    whole input mixture"), and is not the subject of its clause: the sentence says
    something about another thing, with this one as its object or complement.

    >>> from extraction import nlp
    >>> doc = nlp.load()("The filter cools the input mixture, and an input valve opens.")
    >>> referred(doc[4:6]), referred(doc[1:2]), referred(doc[9:11])
    (True, False, False)
    """
    if not toks:
        return False
    ends = {t.i for t in toks}
    head = next((t for t in toks if t.head.i not in ends or t.head.i == t.i), toks[-1])
    if head.dep_ in ("nsubj", "nsubjpass"):
        return False
    first = toks[0].i
    return any(
        child.i < first and child.dep_ in ("det", "poss") and child.lower_ in DEFINITE_WORDS
        for child in head.children
    )


def _author(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.text.isalpha()


def cited_tokens(doc: Doc) -> frozenset[int]:
    """The tokens of ``doc`` that cite a work: a part of it ("Ch. 5", "pp. 12",
    :data:`REFERENCE_PARTS` before a number) or "et al.", with the authors' names
    right before it ("Smith and Jones Ch. 5", "Lee et al."). They name people and
    places in a book, no concept of the notes.

    >>> import spacy
    >>> doc = spacy.blank("en")("see Smith and Jones Ch. 5 on osmosis")
    >>> for t in doc:
    ...     t.pos_ = "PROPN" if t.text[0].isupper() else "X"
    >>> [doc[i].text for i in sorted(cited_tokens(doc))]
    ['Smith', 'and', 'Jones', 'Ch', '.']
    """
    cited: set[int] = set()
    for tok in doc:
        lower = tok.lower_.rstrip(".")
        if lower == "et" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_.startswith("al"):
            end = tok.i + 2
        elif lower in REFERENCE_PARTS:
            end = tok.i + 1
            if end < len(doc) and doc[end].text == ".":
                end += 1
            dotted = tok.text.endswith(".") or end > tok.i + 1
            if end >= len(doc) or not doc[end].like_num or not dotted:
                continue  # a part of a work is numbered: "Ch. 5", not "the ch column"
        else:
            continue
        start = tok.i
        while start > 0 and (
            _author(doc[start - 1])
            or (doc[start - 1].lower_ in {"and", "&"} and start > 1 and _author(doc[start - 2]))
        ):
            start -= 1
        if start < tok.i:  # authors before it: a citation, not a word of the notes
            cited.update(range(start, end))
    return frozenset(cited)


#: A line that credits a picture or names a source ("Image credit: ...", "Image from
#: Ada Lovelace via her blog", "Source: ..."): what it names are people, venues and
#: titles, not concepts.
CREDIT_LINE = re.compile(
    r"^\W*(?:(?:image|photo|picture|figure|diagram|illustration|icon)s?\s+"
    r"(?:credits?|sources?|from|by|courtesy)\b|(?:credits?|sources?)\s*:)",
    re.IGNORECASE,
)


def linked(occ: Occurrence) -> str:
    """Is ``occ`` the whole text of a link out of the notes (a ``link`` run of its
    segment, bar punctuation)? "line" when that link is also all its line or list item
    says, or opens before a description ("[Seed Drill](...) - a sowing machine": an
    entry of a list of courses or tools to read), "name" when it stands in a sentence,
    "" when ``occ`` is not a link's text or only part of it ("plate tectonics" in a
    linked article title); an article before the name in the link's text is no other
    part ("[The Silk Road](...)"). A name that opens a link's text before a
    subtitle ("Plate Tectonics: A Primer", "Plate Tectonics - A Primer") is the linked
    work's short title: its text as well."""
    text = occ.seg.text
    if occ.toks:
        start = occ.toks[0].idx
        end = occ.toks[-1].idx + len(occ.toks[-1])
    else:
        start = text.lower().find(occ.surface.lower())
        end = start + len(occ.surface)
    if start < 0:
        return ""
    for s, e, style in occ.seg.emphasis:
        if style == "link" and s <= start and end <= e:
            if not _BEFORE_LINKED_NAME.fullmatch(text[s:start]) or (
                _WORDED.search(text[end:e]) and not _titles_link(text[end:e])
            ):
                return ""
            after = text[e:]
            alone = not _WORDED.search(text[:s]) and (
                not _WORDED.search(after) or bool(_SUBTITLE.match(after))
            )
            return "line" if alone else "name"
    return ""


_WORDED = re.compile(r"\w")
#: What may stand before a name inside the text of a link that is all the name: an
#: article the name drops ("[The Silk Road](...)").
_BEFORE_LINKED_NAME = re.compile(r"\W*(?:(?:the|an?)\s+)?", re.IGNORECASE)


def in_code(occ: Occurrence) -> bool:
    """Does the name of ``occ`` touch a ``code`` run of its segment (inline code the
    reader kept as the student sees it: a call, a statement)?"""
    if occ.toks:
        start, end = occ.toks[0].idx, occ.toks[-1].idx + len(occ.toks[-1])
    else:
        start = occ.seg.text.find(occ.surface, occ.at)
        if start < 0:
            start = occ.seg.text.lower().find(occ.surface.lower())
        if start < 0:
            return False
        end = start + len(occ.surface)
    return any(style == "code" and s < end and start < e for s, e, style in occ.seg.emphasis)


#: What follows the label of a link's text that is a linked work's title and subtitle
#: ("Osmosis: How Cells Drink", "Plate tectonics - a primer").
_SUBTITLE = re.compile(r"^\s*[:\-–—]\s")


def _titles_link(rest: str) -> bool:
    """Is ``rest``, what follows a name that opens the text of a link, a subtitle (the
    name is the short title of a linked work, not a term the notes explain)?"""
    return bool(_SUBTITLE.match(rest))


def said_under(key: str, cards: Sequence[Card]) -> bool:
    """Does the answer of one of ``cards`` (those under a heading) use the name ``key``
    again, in the singular or plural, alone or inside a longer name?

    >>> from extraction.records import Card
    >>> card = Card("n#1", "n.md", "markdown", (1, 3), "", "Enzyme kinetics is ...")
    >>> said_under("enzyme kinetic", [card]), said_under("dealing with enzyme", [card])
    (True, False)
    """
    words = key.lower().replace("-", " ").split()
    if not words:
        return False
    stems = [w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words]
    found = re.compile(
        r"\b" + r"[\s-]+".join(re.escape(w) + r"(?:s|es)?" for w in stems) + r"\b", re.IGNORECASE
    )
    return any(found.search(card.body) for card in cards)


#: Cards of one file whose lines a label must open, each time before other content, to be
#: a field of the file's cards rather than a name ("Example: ...", "Mechanism: ..." on
#: card after card).
FIELD_CARDS = 3


def field_labels(segments: Sequence[Segment]) -> dict[int, int]:
    """The body lines that open with a field name of their file's cards, as ``{id(segment):
    end of the label}``: a label ("Example:", "Mechanism -") that opens lines of at least
    :data:`FIELD_CARDS` cards of one file, followed each time by different content, is a
    field the notes fill in card after card, not a name of what they teach.

    >>> from extraction.records import Card
    >>> def seg(n, text):
    ...     card = Card(f"n#{n}", "n.md", "test", (n, n), "T", text)
    ...     return Segment(card, n, text, False)
    >>> segs = [seg(1, "Example: rust on iron"), seg(2, "Example: a ripe apple"),
    ...         seg(3, "Example: a burnt log"), seg(4, "Catalyst: speeds a reaction")]
    >>> sorted(field_labels(segs).values())
    [7, 7, 7]
    """
    opened: dict[tuple[str, str], list[tuple[Segment, int, str]]] = defaultdict(list)
    for seg in segments:
        if seg.is_title or seg.kind == CELL:
            continue
        found = label_of(seg.text)
        if found is None:
            continue
        label, rest = found
        opened[(seg.card.source, label.strip().lower())].append((seg, len(label), rest))
    fields: dict[int, int] = {}
    for uses in opened.values():
        cards = {seg.card.id for seg, _, _ in uses}
        rests = {rest.strip().lower() for _, _, rest in uses}
        if len(cards) >= FIELD_CARDS and len(rests) >= FIELD_CARDS:
            fields.update((id(seg), end) for seg, end, _ in uses)
    return fields


#: Most mention sentences kept per candidate.
MAX_MENTIONS = 50
#: Uses of a name whose :class:`Shape` is looked at (a majority of them decides).
MAX_SHAPES = 5


#: The roles :func:`unread_labels` compares.
_LINE_USES = frozenset({"label", "mention"})


def unread_labels(uses: Sequence[Occurrence]) -> list[Occurrence]:
    """The labels among one segment's ``uses`` that no mention of the segment reads and
    that name a process by a verb's -ing form (:func:`verb_form_name`: "Setting up: ...",
    "Wedging: ..."). A label line is a use of its name as a label and, where the noun
    chunker reads the name as a noun phrase ("Glaze recipe: ..."), a mention of it too;
    the chunker reads no noun phrase in "Setting up", so such a label was one use where
    any other is two, and weighed less in the selector for the part of speech of its
    words. :func:`collect` adds the mention those labels lack.

    >>> from extraction.nlp import pipe
    >>> from extraction.records import Card
    >>> from extraction.concepts.segments import Segment
    >>> doc = next(pipe(["Setting up: the potter centres the clay."]))
    >>> seg = Segment(Card("k#1", "k.md", "test", (1, 1), "", doc.text), 1, doc.text, False)
    >>> label = Occurrence("setting up", "Setting up", "label", seg, doc.text, toks=(*doc[:2],))
    >>> potter = Occurrence("potter", "potter", "mention", seg, doc.text, toks=(doc[4],))
    >>> [occ.key for occ in unread_labels([label, potter])]
    ['setting up']
    >>> unread_labels([label, replace(label, role="mention")])
    []
    """
    read = {occ.key for occ in uses if occ.role == "mention"}
    return [
        occ
        for occ in uses
        if occ.role == "label" and occ.key not in read and verb_form_name(occ.toks)
    ]


#: Most words of a name :func:`verb_form_name` reads.
VERB_FORM_NAME_WORDS = 3


def verb_form_name(toks: Sequence[Token]) -> bool:
    """Are ``toks`` a short name of a process with a verb's -ing form the tagger reads as
    a verb ("Setting up", "Wedging", "Slow firing" when "firing" is tagged so), and no
    clause: at most :data:`VERB_FORM_NAME_WORDS` words, none an article, a pronoun, a
    conjunction or a preposition (a phrasal verb's particle is none)?

    >>> from extraction.nlp import pipe
    >>> def name(text, n):
    ...     return verb_form_name(list(next(pipe([text]))[:n]))
    >>> name("Setting up: the potter centres the clay.", 2), name("Wedging: kneading clay.", 1)
    (True, True)
    >>> name("Using the wheel for large pots: hard.", 6), name("Glaze recipe: oxides.", 2)
    (False, False)
    """
    words = [t for t in toks if not t.is_punct]
    return (
        0 < len(words) <= VERB_FORM_NAME_WORDS
        and any(t.tag_ == "VBG" for t in words)
        and all(t.pos_ in _NAME_POS and (t.pos_ != "ADP" or particle(t)) for t in words)
    )


_NAME_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB", "NUM", "ADP"})


def collect(
    segments: Sequence[Segment],
    docs: Sequence[Doc],
    nlp: Language,
    *,
    order: Sequence[str] = (),
    disabled: Collection[str] = (),
) -> Collected:
    """Run the generators (all but ``disabled``) over parsed segments and group what
    they find by key."""
    file_rank = {name: i for i, name in enumerate(order)}
    segment_gens = [g for n, g in SEGMENT_GENERATORS.items() if n not in disabled]
    sentence_gens = [g for n, g in SENTENCE_GENERATORS.items() if n not in disabled]
    candidates: dict[str, Candidate] = {}
    pairs: list[AliasPair] = []
    occurrences: list[tuple[str, str, Evidence]] = []
    stressed: list[tuple[str, int, str, Evidence]] = []

    said: dict[tuple[int, int], Evidence] = {}  # one Evidence per sentence
    files = SharedSets()
    referencing = lru_cache(maxsize=4096)(lambda text: bool(REFERENCE.search(text)))

    # the cards under each heading, by (file, line), and the headings each name has
    under: dict[tuple[str, int], list[Card]] = defaultdict(list)
    headed: list[tuple[Candidate, tuple[str, int]]] = []
    seen_cards: set[str] = set()
    # a name is used once where it is written once: a section heading that is also a
    # card's title is read as that title, and the name a title gives is no mention too
    titles_at = {
        (seg.card.source, seg.line) for seg in segments if seg.is_title and not seg.is_heading
    }
    titled: set[tuple[int, str]] = set()  # (segment, name) a title names
    # the label of a line that fills in a field of the file's cards names nothing
    fields = field_labels(segments)

    # id of a parse -> (the parse, its tokens that cite a work), for one segment
    cited: dict[int, tuple[Doc, frozenset[int]]] = {}

    def add(occ: Occurrence) -> bool:
        seg = occ.seg
        if occ.toks:
            doc = occ.toks[0].doc
            if id(doc) not in cited or cited[id(doc)][0] is not doc:
                cited[id(doc)] = (doc, cited_tokens(doc))
            if (citing := cited[id(doc)][1]) and any(t.i in citing for t in occ.toks):
                return False  # "Smith Ch. 5", "Lee et al.": a citation names people, no concept
        if seg.emphasis and in_code(occ):
            return False  # inline code the student sees (``x.equals(y)``) is no prose: no name
        end = fields.get(id(seg)) if fields else None
        if end is not None and (occ.role == "label" or (occ.toks and occ.toks[0].idx < end)):
            return False  # "Example: rust on iron": "Example" is the field, not a name
        if seg.is_heading and (seg.card.source, seg.line) in titles_at:
            return False  # a heading that is also a card's title is one use, read as that title
        if seg.is_title:
            if occ.role in SUBJECT_ROLES:
                titled.add((id(seg), occ.key))
            elif occ.role == "mention" and (id(seg), occ.key) in titled:
                return False  # the name a title gives is one use, not a mention of it too
        cand = candidates.get(occ.key)
        if cand is None:
            cand = candidates[occ.key] = Candidate(occ.key)
        card = seg.card
        if seg.is_title and occ.role == "heading":
            cand.headings += 1
            headed.append((cand, (card.source, seg.line if seg.is_heading else card.title_line)))
        cand.forms[occ.surface] += 1
        cand.roles[occ.role] += 1
        cand.count += 1
        if referencing(occ.sentence):
            cand.in_references += 1
            cand.credited += credited(occ.toks)
        cand.referred += referred(occ.toks)
        if seg.kind == FILE_TITLE:
            cand.file_titles += 1
        if seg.emphasis and (inside := linked(occ)):
            cand.linked += 1
            cand.link_lines += inside == "line"
        if cand.shapes.total() < MAX_SHAPES:  # enough to tell what the name looks like
            cand.shapes[occ.shape] += 1
        cand.cards.add(card.id)
        if card.source not in cand.sources:
            cand.sources = files.union(cand.sources, frozenset((card.source,)))
        evidence = said.get((id(seg), occ.at))
        if evidence is None or evidence.text != occ.sentence:
            evidence = said[(id(seg), occ.at)] = occ.evidence
        cand.sentences.add(evidence)
        if len(cand.mentions) < MAX_MENTIONS and evidence not in cand.mentions[-3:]:
            cand.mentions.append(evidence)
        if occ.role in SUBJECT_ROLES and not seg.is_heading and card not in cand.subject_of:
            if cand.subject_of:
                cand.subject_of.append(card)
            else:
                cand.subject_of = [card]
            if opens_with(card.body, occ.surface):
                cand.opens += 1
        if occ.definition:
            # cited where the definition starts: a term's line, or a sub-item below it
            line = evidence.line
            if not seg.is_title:
                line = card.line_of_text(occ.definition, near=line)
            said_so = (occ.role, Evidence(card.source, line, occ.definition))
            if cand.definitions:
                cand.definitions.append(said_so)
            else:
                cand.definitions = [said_so]
        rank = (file_rank.get(card.source, len(file_rank)), evidence.line, 0)
        cand.first = min(cand.first, rank)
        occurrences.append((card.id, occ.key, evidence))
        if occ.role == "emphasis" and seg.kind in (BODY, ITEM) and not seg.is_title:
            stressed.append((card.id, seg.line, occ.key, evidence))
        return True

    # the labels and mentions of the segment being read (:func:`unread_labels`)
    line_uses: list[Occurrence] = []

    def take(found: Iterator) -> None:
        for item in found:
            if isinstance(item, AliasPair):
                pairs.append(item)
            elif item.key and add(item) and item.role in _LINE_USES:
                line_uses.append(item)

    for seg, doc in zip(segments, docs, strict=True):
        cited.clear()
        card = seg.card
        if card.id not in seen_cards:
            seen_cards.add(card.id)
            for line in (card.title_line, *card.section_lines):
                if line > 0:
                    under[(card.source, line)].append(card)
        if CREDIT_LINE.match(seg.text):
            continue  # "Image credit: Ada Lovelace et al. (1843)" names sources, no concepts
        for gen in segment_gens:
            take(gen(seg, doc))
        for view in views(seg, doc, nlp):
            for gen in sentence_gens:
                take(gen(view))
        for occ in unread_labels(line_uses):
            add(replace(occ, role="mention", definition=""))
        line_uses.clear()
    for cand, place in headed:
        if said_under(cand.key, under.get(place, ())):
            cand.headings_used += 1
    nested = nested_names(candidates, files) if "nested" not in disabled else {}
    return Collected(candidates, pairs, occurrences, nested, stressed)
