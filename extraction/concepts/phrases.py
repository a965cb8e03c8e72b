"""Names from tokens: the words of a term as the author wrote them, and its key.

A run of tokens (a noun chunk, a title's subject, an emphasised run) becomes a name
by trimming what is not part of it at its edges (determiners, pronouns, the few truly
vague words of :data:`~extraction.concepts.words.VAGUE_WORDS`), and a *key* by lower
casing it (acronyms keep their case) and putting its head noun in the singular with
``lemminflect``'s dictionary (hyphenated words, Latin and Greek plurals and nouns that
are their own plural -- "species", "series", "k-means", "data" -- come out right; a
word the tagger reads as a proper noun or a singular is left alone). The head is the
last word, or the last word before "of" in "X of Y" ("laws of motion" -> "law of
motion").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache, lru_cache
from itertools import pairwise

from spacy.tokens import Doc, Span, Token
from wordfreq import zipf_frequency

from extraction.concepts.segments import span_text
from extraction.concepts.words import (
    ADVERBIAL_IDIOMS,
    CALLOUT_WORDS,
    COURSE_LEVELS,
    EDGE_STOP,
    EPONYM_HEADS,
    FRAMING_NOUNS,
    INSTRUCTIONS,
    NAMING_CUES,
    SELECTING_ADJECTIVES,
    STUDY_VERBS,
    VAGUE_WORDS,
    WITH_FRAMES,
)
from extraction.names import (  # noqa: F401 (singular, concept_id, match_key: one for every stage)
    VARIABLE,
    american,
    concept_id,
    doubled_half,
    head_index,
    is_acronym,
    is_numbering,
    lemmas,
    match_key,
    only_plural,
    singular,
    singular_acronym,
    spelling_words,
)

#: Tokens that open a chunk and are dropped: determiners, pronouns, numbers...
_DROP_POS = frozenset(
    {"DET", "PRON", "NUM", "PART", "PUNCT", "SYM", "CCONJ", "ADP", "SPACE", "X", "ADV"}
)
URL = re.compile(r"https?://|www\.|\.(?:com|org|io|html?)\b", re.IGNORECASE)
_WORDISH = re.compile(r"[A-Za-z]")
_MATH_TOKEN = re.compile(r"[\\_^]")
_DROP_TAGS = frozenset({"PRP$", "WDT", "WP", "WP$", "POS"})
#: Tags no term contains: wh-words, modals and finite verbs.
_CLAUSE_TAGS = frozenset({"WRB", "WP", "WDT", "MD", "VBZ", "VBP", "VBD"})
GLUE = frozenset({"-", "–", "'", "’"})
_BREAKS = re.compile(r"[()\[\]{}+=<>→“”\"]|->")
_SPLIT_WORDS = re.compile(r"[\s\-–/]+")
_ABBREVIATIONS = frozenset({"e.g.", "i.e.", "e.g", "i.e", "etc", "etc.", "vs", "vs."})
PREPOSITIONS = frozenset("of in with for from on using via about between".split())
#: Prepositions that end a name only after a framing noun ("the intuition behind X" is
#: about X; "the theory behind X" stays one phrase).
FRAMED_PREPOSITIONS = frozenset({"behind"})
#: A word at least this frequent in English (Zipf) is not specific by itself.
COMMON_ZIPF = 4.0
#: Longest name, in words.
MAX_WORDS = 6


@cache
def zipf(word: str) -> float:
    """How common ``word`` is in English (Zipf scale, 0 for unknown words). A word of
    three or more hyphenated parts ("many-to-many") is a coined compound: wordfreq
    would score it by its common parts."""
    if word.count("-") >= 2:
        return 2.0
    return zipf_frequency(word.lower(), "en")


def is_specific(words: Sequence[str]) -> bool:
    """Does a term have an acronym or a word rarer than Zipf 4 in general English?

    >>> is_specific(["attention", "mechanism"]), is_specific(["input", "data"])
    (False, False)
    >>> is_specific(["autoencoder"])
    True
    """
    return any(is_acronym(w) or zipf(w) < COMMON_ZIPF for w in words)


# -- singular and keys --------------------------------------------------------------


@lru_cache(maxsize=1 << 16)
def plural_forms(word: str) -> tuple[str, ...]:
    """The plural forms of a noun, from ``lemminflect`` (its rules for unknown words
    too), so that a count of the notes' words finds a name's words however written.

    >>> plural_forms("enzyme"), plural_forms("datum"), plural_forms("species")
    (('enzymes',), ('data', 'datums'), ('species',))
    """
    from lemminflect import getInflection

    return tuple(getInflection(word, tag="NNS")) if word.isalpha() else ()


@lru_cache(maxsize=1 << 16)
def only_verb(word: str) -> bool:
    """Does English read ``word`` only as a verb (``lemminflect``'s dictionary: no noun
    or adjective reading)? "catalyse", "secretes" are; "digest", "enzyme", "osmotic" and
    words the dictionary does not know are not. An "-s" form whose verb is also a noun
    is that noun's plural too, which the dictionary may not list: "sediments",
    "settles" is not.

    >>> [only_verb(w) for w in ["catalyse", "secretes", "digest", "enzyme", "osmotic"]]
    [True, True, False, False, False]
    >>> only_verb("sediments"), only_verb("settles")
    (False, True)
    """
    readings = lemmas(word.lower())
    if set(readings) != {"VERB"}:
        return False
    if word.lower().endswith("s"):
        return not any("NOUN" in lemmas(verb) for verb in readings["VERB"])
    return True


@lru_cache(maxsize=1 << 16)
def only_adjective(word: str) -> bool:
    """Does English read ``word`` only as an adjective (``lemminflect``'s dictionary: an
    adjective reading, no noun or verb one; an adverb reading is allowed)? "volcanic",
    "deep" are; "plate", "black", "open" and words the dictionary does not know are not.
    A title in Title Case makes the tagger read such a word as a proper noun
    ("Large Volcanic Islands").

    >>> [only_adjective(w) for w in ["volcanic", "deep", "plate", "black", "open"]]
    [True, True, False, False, False]
    """
    readings = set(lemmas(word.lower()))
    return "ADJ" in readings and readings <= {"ADJ", "ADV"}


def instruction(first: Token, toks: Sequence[Token]) -> bool:
    """Does ``first``, opening a sentence before the other tokens of a run, give an
    instruction rather than start a name: a study verb ("Define osmosis", "Explain
    ...": :data:`INSTRUCTIONS`), the "-ing" form of a verb of study, the act of studying
    what follows ("Understanding equilibrium ...", "Exploring food webs":
    :data:`STUDY_VERBS`, not "Exploding stars"), or the plain form of a word English
    has only as a verb before a plural noun ("Create flashcards", "Avoid distractions"),
    which the tagger often reads as a noun? ("Merge sort" keeps its first word: its noun
    is singular.)

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Create meaningful flashcards daily."]))
    >>> instruction(doc[0], list(doc[:3])), instruction(doc[1], list(doc[1:3]))
    (True, False)
    >>> docs = pipe(["Exploring stars", "Exploding stars"])
    >>> [instruction(d[0], list(d[:2])) for d in docs]
    [True, False]
    """
    lower = first.lower_
    if lower in INSTRUCTIONS:
        return not _labelled_noun(first, toks)
    if study_gerund(lower):
        return True
    return (
        toks[-1].tag_ in {"NNS", "NNPS"}
        and first.is_alpha
        and not is_acronym(first.text)
        and only_verb(lower)
        and plain_verb(lower)
    )


#: What ends a label's name: its colon or a dash after it ("State machine: ...").
_LABEL_ENDS = frozenset({":", "-", "–", "—"})


def _labelled_noun(first: Token, toks: Sequence[Token]) -> bool:
    """Is an instruction word that English has as a noun too ("state", "use", "list")
    the first noun of a label's name, read as a noun before another name word and
    ending at the label's colon or dash ("State machine: a model ...", "Use case — a
    scenario")? Then it is part of the name, not an instruction.

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["State machine: a model of computation."]))
    >>> _labelled_noun(doc[0], list(doc[:2]))
    True
    >>> doc = next(pipe(["Define osmosis: say what it is."]))
    >>> _labelled_noun(doc[0], list(doc[:2]))
    False
    """
    end = toks[-1].i + 1
    return (
        len(toks) > 1
        and not only_verb(first.lower_)
        and first.tag_ in {"NN", "NNP"}
        and toks[1].pos_ in {"NOUN", "PROPN", "ADJ"}
        and end < len(first.doc)
        and first.doc[end].text in _LABEL_ENDS
    )


@lru_cache(maxsize=1 << 16)
def study_gerund(word: str) -> bool:
    """Is ``word`` the "-ing" form of a verb of study (:data:`STUDY_VERBS`, its lemma
    read by ``lemminflect``)?

    >>> [study_gerund(w) for w in ["understanding", "analysing", "exploding", "learning"]]
    [True, True, False, False]
    """
    if not word.endswith("ing"):
        return False
    return any(lemma in STUDY_VERBS for lemma in lemmas(word).get("VERB", ()))


@lru_cache(maxsize=1 << 16)
def plain_verb(word: str) -> bool:
    """Is ``word`` the plain form of a verb ("digest", "catalyse"), not an inflected one
    ("digested", "secretes", "catalysing")?

    >>> [plain_verb(w) for w in ["catalyse", "secretes", "digested", "enzyme"]]
    [True, False, False, False]
    """
    return word.lower() in lemmas(word.lower()).get("VERB", ())


# -- trimming -----------------------------------------------------------------------


def glued_slash(tok: Token) -> bool:
    """Is ``tok`` a "/" written between two words without spaces ("I/O",
    "push/pull", "client/server"), which joins them into one word of a name?

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Air flows in A/C ducts or in a / b."]))
    >>> [t.i for t in doc if glued_slash(t)]
    [4]
    """
    if tok.text != "/" or tok.whitespace_ or tok.i == 0 or tok.i + 1 >= len(tok.doc):
        return False
    before, after = tok.doc[tok.i - 1], tok.doc[tok.i + 1]
    return not before.whitespace_ and before.text[-1:].isalnum() and after.text[:1].isalnum()


def _slash_after(tok: Token) -> bool:
    return tok.i + 1 < len(tok.doc) and glued_slash(tok.doc[tok.i + 1])


def _letters(slash: Token) -> bool:
    """Does a glued slash join letters ("I/O", "A/B", "R/W") rather than two names or
    words that each name something ("TCP/UDP", "input/output", "noisy/small")?"""
    doc = slash.doc
    return any(len(doc[i].text) <= 2 for i in (slash.i - 1, slash.i + 1))


def hyphen_after(tok: Token) -> bool:
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.text in {"-", "–"} and not tok.whitespace_


def whole_word(tok: Token) -> str:
    """The lower-case word ``tok`` ends, with the parts hyphens glue to it before it
    ("offs" of "trade-offs" -> "trade-offs")."""
    start = tok.i
    doc = tok.doc
    while (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 1].whitespace_
        and not doc[start - 2].whitespace_
    ):
        start -= 2
    return doc[start : tok.i + 1].text.lower()


def _after_for(tok: Token) -> bool:
    """Does ``tok`` follow "for" ("for example step decay": the example is no name)?"""
    return tok.i > 0 and tok.doc[tok.i - 1].lower_ == "for"


def _grades_next(toks: Sequence[Token]) -> bool:
    """Is the first token an adverb grading the adjective after it, inside a name
    ("fully connected layer", "densely connected network")?"""
    return (
        len(toks) > 2
        and toks[0].pos_ == "ADV"
        and toks[0].dep_ == "advmod"
        and toks[1].tag_ in {"JJ", "VBN"}
        and toks[0].lower_.endswith("ly")
    )


def _after_do(tok: Token) -> bool:
    """Is ``tok`` the verb of a question asked with "do" ("When does a volcano *erupt*?",
    "Why does the enzyme *work*?"), which the tagger may read as a noun?"""
    return tok.dep_ == "ROOT" and any(
        c.dep_ == "aux" and c.lower_ in {"do", "does", "did"} and c.i < tok.i for c in tok.children
    )


def _participle_after_noun(toks: Sequence[Token]) -> bool:
    """Does a run end in a past participle after its noun ("the enzymes used", "the
    minerals found"): a clause that describes the noun, no part of its name?"""
    return (
        len(toks) > 1
        and toks[-1].tag_ == "VBN"
        and toks[-2].pos_ in {"NOUN", "PROPN"}
        and not hyphen_after(toks[-2])
    )


def _verb_read_as_plural(tok: Token) -> bool:
    """Is a word the tagger reads as a plural noun one English has only as a verb ("the
    mixture separates", "the sample corresponds to"): the verb after a name, no part of
    it?"""
    return tok.tag_ == "NNS" and tok.is_alpha and only_verb(tok.lower_)


def _main_verb_read_as_plural(tok: Token) -> bool:
    """Is a word the tagger reads as a plural noun the main verb of a sentence it left
    without one ("An open system *exchanges* both matter and energy", "A closed system
    *exchanges* only energy"): in a sentence with no verb, a verb's "-s" form
    in English, after a noun and before a determiner or an adverb, which no name goes
    on with?

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["An open system exchanges both matter and energy."]))
    >>> _main_verb_read_as_plural(doc[3]) or doc[3].tag_ == "VBZ"
    True
    """
    if tok.tag_ != "NNS" or not tok.is_alpha or tok.i + 1 >= len(tok.doc):
        return False
    before, after = tok.doc[tok.i - 1] if tok.i else None, tok.doc[tok.i + 1]
    if before is None or before.tag_ not in {"NN", "NNP"}:
        return False
    if after.tag_ not in {"DT", "PDT", "RB"} and after.dep_ != "preconj":
        return False
    if any(t.pos_ in {"VERB", "AUX"} for t in tok.sent):
        return False
    from lemminflect import getInflection

    return tok.lower_ in {
        form for lemma in _verb_lemmas(tok.lower_) for form in getInflection(lemma, tag="VBZ")
    }


def _verb_lemmas(word: str) -> tuple[str, ...]:
    return tuple(lemmas(word).get("VERB", ()))


def _opens_clause(tok: Token) -> bool:
    """Does ``tok`` open a sentence or the text after a label's colon ("Cooking tips:
    *Avoid* open flames")?"""
    return tok.is_sent_start or (tok.i > 0 and tok.doc[tok.i - 1].text == ":")


def _hyphen_tail(tok: Token) -> bool:
    """Is ``tok`` the end of a hyphenated word the run starts inside ("end" of
    "double-end wrench", "peer" of "peer-to-peer network")? A name takes a hyphenated
    word whole or not at all.

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["A double-end wrench fits two bolts."]))
    >>> _hyphen_tail(doc[3]), _hyphen_tail(doc[1])
    (True, False)
    """
    if tok.i < 2:
        return False
    glue, before = tok.doc[tok.i - 1], tok.doc[tok.i - 2]
    return (
        glue.text in {"-", "–"}
        and not glue.whitespace_
        and not before.whitespace_
        and before.text[-1:].isalnum()
    )


def _measure(tok: Token) -> bool:
    """Is ``tok`` the unit of a quantity that modifies a later noun ("a 25 minute
    break", "a 3 metre wall"): with its number, a measure of the thing, no part of its
    name?"""
    return (
        tok.pos_ == "NOUN"
        and tok.head.i > tok.i
        and tok.dep_ in {"compound", "nmod", "npadvmod", "amod"}
        and any(c.dep_ == "nummod" and c.i == tok.i - 1 and c.like_num for c in tok.children)
    )


#: What parts the items of a list in a sentence.
_ITEM_BREAKS = frozenset({",", ";", ":"})
#: Most tokens of an item of a list of actions ("supply nutrients", "clear the debris").
ACTION_ITEM = 4


def _item_openers(tok: Token) -> list[Token]:
    """The first words of the items of the comma list one item of which ``tok`` opens
    (a conjunction opening an item skipped): the items of at most :data:`ACTION_ITEM`
    tokens next to each other around it; none when ``tok`` opens no such item."""
    doc, sent = tok.doc, tok.sent
    bounds = [sent.start - 1, *(t.i for t in sent if t.text in _ITEM_BREAKS), sent.end]
    items = [(a + 1, b) for a, b in pairwise(bounds) if b > a + 1]
    # what a colon closes leads in to the list ("Uses: store heat, ..."): no item of it
    short = [b - a <= ACTION_ITEM and (b >= len(doc) or doc[b].text != ":") for a, b in items]
    here = next((k for k, (a, _) in enumerate(items) if a == tok.i), None)
    if here is None or not short[here]:
        return []
    first = here
    while first > 0 and short[first - 1]:
        first -= 1
    last = here
    while last + 1 < len(items) and short[last + 1]:
        last += 1
    openers = []
    for a, b in items[first : last + 1]:
        opener = doc[a]
        if opener.lower_ in {"and", "or"} and a + 1 < b:
            opener = doc[a + 1]
        openers.append(opener)
    return openers


def listed_action(tok: Token) -> bool:
    """Is ``tok``, a word English has as a verb in its plain form, the verb of one item of
    a list of actions, a neighbouring item opening with a word English has only as a
    verb ("Roots anchor the plant, absorb water, store sugar": "store" of "store
    sugar" is a verb, as "absorb" is)? The tagger often reads such a verb as a noun.

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Roots: absorb salts, store sugars, anchor the soil."]))
    >>> listed_action(doc[5]), listed_action(doc[6])
    (True, False)
    >>> doc = next(pipe(["Kilns: store heat, glaze pots."]))
    >>> listed_action(doc[2])
    False
    >>> doc = next(pipe(["Pump parts: inlet valve, drain valve, relief valve"]))
    >>> listed_action(doc[6])
    False
    """
    if not (tok.is_alpha and plain_verb(tok.lower_) and _acts_on(tok)):
        return False
    return any(
        o.i != tok.i and o.is_alpha and only_verb(o.lower_) and plain_verb(o.lower_) and _acts_on(o)
        for o in _item_openers(tok)
    )


def _acts_on(tok: Token) -> bool:
    """Is the word after ``tok`` what an action is done to, a plural or a determiner ("absorb
    *water*" is not told from a name, "absorb *salts*", "store *the* sugar" are)? A
    singular after it makes a name ("drain valve")."""
    return tok.i + 1 < len(tok.doc) and (tok.doc[tok.i + 1].tag_ in {"NNS", "DT", "PRP$"})


def _verb_form_read_as_noun(tok: Token, ending: str) -> bool:
    """Is ``tok`` an inflected form of a word English has only as a verb, with this
    ``ending``, that the tagger reads as a noun: "*Converts* energy into heat" opening a
    run ("s"), "the ions *dissolved* in water" ending one ("ed")? A verb, no part of a
    name."""
    lower = tok.lower_
    return (
        tok.tag_ in {"NN", "NNS", "NNP", "NNPS"}
        and tok.is_alpha
        and lower.endswith(ending)
        and only_verb(lower)
        and not plain_verb(lower)
    )


def _trailing_variable(toks: Sequence[Token]) -> bool:
    """Does a run end in a variable written as a lower-case letter, alone or with a
    number, after its noun ("a mountain of height h", "the vector x1")? The variable
    names an instance; the noun before it is the name."""
    return (
        len(toks) > 1
        and bool(VARIABLE.match(stop_dropped(toks[-1])))
        and toks[-2].pos_ in {"NOUN", "PROPN"}
        and not hyphen_after(toks[-2])
    )


def _object_predicate(toks: Sequence[Token]) -> bool:
    """Does a run end in what a verb says its object is ("we call the crystal
    *anisotropic*", "they deem the test *inconclusive*"), a word that is no noun in
    English? It describes the noun before it, no part of its name."""
    last = toks[-1]
    return (
        len(toks) > 1
        and last.dep_ == "oprd"
        and last.is_alpha
        and not _common_noun(last.lower_)
        # with no object between the verb and the run, the run is all the predicate, a
        # name: "is called immersion brewing"
        and last.head.i != toks[0].i - 1
    )


def particle(tok: Token) -> bool:
    """Is ``tok`` the particle of a phrasal verb's -ing form, not a preposition: the
    "out" of "crowding out", the "up" of "backing up"? Such a name of a process keeps
    it, as "early stopping" keeps its verb form.

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Backing up: copying files to a second disk."]))
    >>> particle(doc[1]), particle(doc[7])
    (True, False)
    """
    return tok.tag_ == "RP" and tok.dep_ == "prt" and tok.head.tag_ == "VBG"


def trim(tokens: Sequence[Token]) -> list[Token]:
    """Drop determiners, pronouns, possessives, a study prompt's verb, the vague
    words of :data:`VAGUE_WORDS` and a course's level (:data:`COURSE_LEVELS`) at the
    edges of a run."""
    toks = [t for t in tokens if not _MATH_TOKEN.search(t.text)]  # x_1, W^T, \\ldots
    while toks:
        first = toks[0]
        lower = first.lower_
        several = len(toks) > 1
        dropped = (
            first.pos_ in _DROP_POS
            or (several and lower in VAGUE_WORDS)
            or (several and lower in COURSE_LEVELS)
            # a cue that introduces a name is never part of it, nor one on its own: the
            # "eg" of "(eg. three groups)", read apart from its stop
            or lower in NAMING_CUES
            or lower in EDGE_STOP
            or first.tag_ in _DROP_TAGS
            or not _WORDISH.search(first.text)
            or (several and _opens_clause(first) and instruction(first, toks))
            or (lower in {"example", "instance"} and _after_for(first))
            or (several and _hyphen_tail(first))
            or (several and idiom_noun(first))
            or (several and _measure(first))
            or (several and _verb_form_read_as_noun(first, "s"))
            or (several and listed_action(first))
        )
        # (the checks that look at neighbouring tokens come last: they are slow)
        if (
            not dropped
            or (several and (hyphen_after(first) or _slash_after(first) or _suspended(first.text)))
            or _grades_next(toks)
        ):
            break
        toks.pop(0)
    while (
        toks
        and not letter_label(toks)
        and not (len(toks) > 1 and numbering(toks[-1]))  # "World War I"
        and (
            (toks[-1].pos_ in _DROP_POS - {"NUM"} and not particle(toks[-1]))
            or toks[-1].tag_ == "POS"
            or toks[-1].lower_ in EDGE_STOP
            or not _WORDISH.search(toks[-1].text)
            or _participle_after_noun(toks)
            or (len(toks) > 1 and _after_do(toks[-1]))
            or _verb_read_as_plural(toks[-1])
            or (len(toks) > 1 and _main_verb_read_as_plural(toks[-1]))
            or (len(toks) > 1 and _verb_form_read_as_noun(toks[-1], "ed"))
            or _trailing_variable(toks)
            or _object_predicate(toks)
        )
    ):
        toks.pop()
    # A possessive inside ("the model's output") keeps only what follows it, unless it
    # is part of a name ("Student's t-test", "Banker's algorithm": a capitalised owner)
    # and what follows names nothing alone (:func:`credited_owner`).
    for i, tok in enumerate(toks):
        if (tok.tag_ == "POS" or tok.text in {"'s", "’s"}) and i > 0:
            owner = toks[i - 1].text
            if not owner[:1].isupper() or is_acronym(owner) or credited_owner(toks[i + 1 :]):
                toks = toks[i + 1 :]
                while toks and not _WORDISH.search(toks[0].text):
                    toks.pop(0)  # "the cell's 'engine'": the quote opens no name
            break
    if len(toks) == 1 and idiom_noun(toks[0]):
        return []  # "built from scratch": a way of doing it, no name
    if (again := repeated_at(toks)) is not None:
        return trim(toks[:again])  # "two Gaussian variables Gaussian" -> Gaussian variables
    return toks


def credited_owner(rest: Sequence[Token]) -> bool:
    """Does the name after a capitalised owner in the possessive name a thing of its
    own, which the owner's name only credits: two or more words, its head not a result
    named after its author (:data:`~extraction.concepts.words.EPONYM_HEADS`)?
    "Mill's harm principle", "Newton's second law", "Hooke's law" stay whole;
    "Ainsworth's strange situation" is the strange situation.

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Lind's glacial cycle and Lind's second law"]))
    >>> credited_owner(doc[2:4]), credited_owner(doc[7:9]), credited_owner(doc[2:3])
    (True, False, False)
    """
    words = [t for t in rest if t.is_alpha]
    return len(words) >= 2 and singular(words[-1].lower_) not in EPONYM_HEADS


def idiom_noun(tok: Token) -> bool:
    """Is ``tok`` the noun of a fixed adverbial phrase (:data:`ADVERBIAL_IDIOMS`),
    right after its preposition: "from scratch", "by hand"?"""
    return tok.i > 0 and (tok.doc[tok.i - 1].lower_, tok.lower_) in ADVERBIAL_IDIOMS


_LINKING_POS = frozenset({"ADP", "CCONJ", "SCONJ", "PART", "DET"})


def repeated_at(toks: Sequence[Token]) -> int | None:
    """Where a run's word comes again with nothing but other name words between
    ("cov cov", left of a formula whose symbols were dropped; "two Gaussian variables
    Gaussian", a noun phrase run on into a predicate): a name says each word once, so
    it ends before the repeat. A linking word between ("step by step", "sum of sums")
    makes a phrase, not a repeat.
    """
    seen: dict[str, int] = {}
    for j, tok in enumerate(toks):
        if tok.pos_ in _LINKING_POS:
            seen.clear()
            continue
        if tok.lower_ in seen and _WORDISH.search(tok.text):
            return j
        seen[tok.lower_] = j
    return None


def letter_label(toks: Sequence[Token]) -> bool:
    """Does a run end in a capital letter that labels the noun before it ("vitamin A",
    "plan B", "solution C")? The letter is part of the name, not an article: the name
    is an instance the notes tell apart by its letter, no use of the bare noun.

    >>> from extraction.nlp import load
    >>> doc = load()("Vitamin A helps vision.")
    >>> letter_label(doc[:2]), letter_label(doc[:1])
    (True, False)
    """
    if len(toks) < 2:
        return False
    last, before = toks[-1], toks[-2]
    return (
        len(last.text) == 1
        and last.text.isupper()
        and last.text.isascii()
        and not last.is_sent_start
        and before.pos_ in {"NOUN", "PROPN"}
        and before.text[:1].isalpha()
    )


def words_of(tokens: Sequence[Token], *, slash: bool = False) -> list[str]:
    """Surface words of a token run, hyphenated compounds and possessives kept
    together ("Student's", "Bayes'"); with ``slash``, words joined by a "/" too ("push/pull").
    Quotation marks are no part of a name: the "Amen" cadence is the Amen cadence."""
    words: list[str] = []
    glue = False
    joiners = {"-", "–", "/"} if slash else {"-", "–"}
    for tok in tokens:
        if tok.tag_ in _QUOTE_TAGS or tok.text in _QUOTES:
            continue
        if (
            tok.text in joiners
            and words
            and not tok.whitespace_
            and (tok.i == 0 or not tok.doc[tok.i - 1].whitespace_)
        ):
            words[-1] += tok.text if tok.text == "/" else "-"
            glue = True
            continue
        if words and (
            tok.text in {"'s", "’s"}
            or (tok.tag_ == "POS" and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_)
        ):
            words[-1] += tok.text  # "Student's", and a plural's or a name's "Bayes'"
            continue
        text = stop_dropped(tok)
        if glue or (words and _suspended(words[-1])):
            words[-1] += text  # "pre-" + "glacial": a shared head took the rest of a word
            glue = False
        else:
            words.append(text)
    words = [w.strip("-") for w in words if w.strip("-")]
    return [r for w in words if (r := rendered_word(w))]


def stop_dropped(tok: Token) -> str:
    """``tok``'s text without the sentence's full stop that the tokenizer glued to a
    letter, read as an initial: a lower-case letter, which is no initial ("a vector
    such as x. Its elements ..." -> "x"), or a capital ending the sentence ("rich in
    vitamin C." -> "C"); any other token as written ("J. Smith": the initial goes on).

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Patients took drug B."]))
    >>> doc[-1].text, stop_dropped(doc[-1]), stop_dropped(doc[1])
    ('B.', 'B', 'took')
    """
    text = tok.text
    if not (len(text) == 2 and text[0].isalpha() and text[1] == "."):
        return text
    if text[0].islower():
        return text[0]
    rest = tok.doc[tok.i + 1 : tok.sent.end]
    return text[0] if all(t.is_punct or t.is_space for t in rest) else text


#: Quotation marks, by the tagger's opening and closing quote tags and by character.
_QUOTE_TAGS = frozenset({"``", "''"})
_QUOTES = frozenset({'"', "“", "”", "„", "«", "»"})


def _suspended(word: str) -> bool:
    """Does ``word`` end in a hyphen that waits for the rest of the word ("pre-" of
    "pre- and post-glacial valleys")?"""
    return len(word) > 1 and word[-1] in {"-", "–"} and word[-2].isalnum()


@lru_cache(maxsize=1 << 16)
def rendered_word(word: str) -> str | None:
    """``word`` as a name may use it, None for a formula. A word written twice (the
    rendered text and the TeX source of a formula copied from a web page: "ΔHΔH",
    "NaClNaCl", "CO2CO_2") reads as its half when that half is a word or an acronym; a
    variable ("v2v^2", "θθ", "m_im_i"), a half no dictionary knows, or a word with TeX
    markup left in it ("v^2", "\\Delta") is a formula and names nothing. A doubled word
    that is itself English ("tsetse", "couscous") or a doubled capital ("AA") stays.

    >>> [rendered_word(w) for w in ["NaClNaCl", "CO2CO_2", "enzymeenzyme", "ΔHΔH"]]
    ['NaCl', 'CO2', 'enzyme', 'ΔH']
    >>> [rendered_word(w) for w in ["v2v^2", "θθ", "kk", "m_im_i", "v^2", "FnetFnet"]]
    [None, None, None, None, None, None]
    >>> [rendered_word(w) for w in ["tsetse", "couscous", "AA", "osmosis"]]
    ['tsetse', 'couscous', 'AA', 'osmosis']

    Indexed variables joined by a minus ("T2-T1", "x2-x1") are a difference, a formula
    too; a letter or a word with a number ("F-16", "COVID-19", "B12") stays.

    >>> [rendered_word(w) for w in ["T2-T1", "x2-x1", "F-16", "COVID-19", "B12"]]
    [None, None, 'F-16', 'COVID-19', 'B12']
    """
    if "\\" in word or _DIFFERENCE.match(word):
        return None
    half = doubled_half(word)
    if half is None:
        return None if "^" in word else word
    markup = bool(_TEX_SIGNS.search(word))
    if not markup and len(half) > 1 and zipf(word) > 0:
        return word
    if not markup and len(half) == 1 and word.isascii() and word.isupper():
        return word
    if (
        len(half) < 2
        or VARIABLE.match(half)
        or not _WORD_CHARS.match(half)
        or ("_" in word and half.islower())  # a subscripted variable or a code identifier
    ):
        return None
    return half if zipf(half) > 0 or is_acronym(half) else None


_TEX_SIGNS = re.compile(r"[\^_{}]")
#: Indexed variables joined by a minus sign: "T2-T1", "x2-x1", "V1-V2".
_DIFFERENCE = re.compile(r"^[A-Za-z]\d+(?:[-–−][A-Za-z]\d+)+$")
_WORD_CHARS = re.compile(r"^\w+$")


#: What a name the notes single out loses at its start: articles, demonstratives and
#: possessive pronouns (not "no" in "no preemption", "for" in "for loop").
_NAME_LEAD = frozenset("a an the this that these those my your its our their his her".split())


#: Tags of the words that open a question or a clause ("how", "what", "which").
_WH_TAGS = frozenset({"WRB", "WP", "WDT", "WP$"})


#: Parts of speech a name never ends with: a conjunction, preposition, particle or
#: determiner means the run stops inside a phrase.
_DANGLING_POS = frozenset({"SCONJ", "CCONJ", "ADP", "PART", "DET"})


def _verb_phrase(toks: Sequence[Token]) -> int | None:
    """The index of the verb a run opens with, when it is a verb in its plain form (after
    an adverb of manner: "Gradually cool the melt") whose object follows it ("avoid
    distractions"): an action, not a name."""
    at = 1 if len(toks) > 2 and toks[0].pos_ == "ADV" and toks[0].lower_.endswith("ly") else 0
    verb = toks[at]
    if verb.tag_ != "VB" or at + 1 >= len(toks):
        return None
    inside = {t.i for t in toks[at + 1 :]}
    acted_on = any(c.i in inside and c.dep_ in {"dobj", "dative"} for c in verb.children)
    if acted_on and at == 0 and _named_pair(toks):
        return None  # "Secure attachment", "Stare decisis": a name standing alone
    return at if acted_on else None  # not "Stop and frisk", "Look for cues"


def _named_pair(toks: Sequence[Token]) -> bool:
    """Is a run that stands alone as its sentence (a card's term, a heading) of a verb
    and one bare singular noun a name the tagger read as an order: the verb a word
    English also reads as an adjective ("Secure attachment", "Suspect classification")
    or as a noun ("pull factor", "dump truck"), or the noun a word English does not
    know ("Stare decisis")? An order with an object
    in the plural ("Avoid distractions") or after a determiner ("Heat the solution")
    stays one."""
    words = [t for t in toks if not t.is_punct]
    if len(words) != 2 or not words[0].is_sent_start:
        return False
    sent = words[0].sent
    if any(not t.is_punct and not t.is_space for t in sent if t.i > words[1].i):
        return False  # the run goes on into a sentence ("Tackle anxiety with breathing")
    verb, noun = words
    if noun.tag_ not in {"NN", "NNP"} or not noun.is_alpha or is_acronym(noun.text):
        return False
    return any(pos in lemmas(verb.lower_) for pos in ("ADJ", "NOUN")) or not lemmas(noun.lower_)


_OPENING_BRACKETS = {"(": ")", "[": "]"}


def unbracketed(toks: Sequence[Token]) -> list[Token]:
    """A run without what it sets in brackets: an aside, most often the short form of
    the name ("Sodium (Na) channel" -> "Sodium channel"; "Body mass index (BMI)" ->
    "Body mass index"); a bracket left open ends the run there.

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Sodium (Na) channel, body mass index (BMI"]))
    >>> [t.text for t in unbracketed(list(doc[:5]))], [t.text for t in unbracketed(list(doc))]
    (['Sodium', 'channel'], ['Sodium', 'channel', ',', 'body', 'mass', 'index'])
    """
    out: list[Token] = []
    closing: list[str] = []
    for tok in toks:
        if tok.text in _OPENING_BRACKETS:
            closing.append(_OPENING_BRACKETS[tok.text])
        elif closing and tok.text == closing[-1]:
            closing.pop()
        elif not closing:
            out.append(tok)
    return out  # (a bracket left open keeps nothing after it: "index (BMI")


def called_out(toks: Sequence[Token]) -> list[Token]:
    """What a callout word's bracket names, when the run is only the callout and its
    bracket ("Thm (Pigeonhole principle).", "Note (dew point)"): the bracket's words;
    else none.

    >>> from extraction.nlp import pipe
    >>> [t.text for t in called_out(list(next(pipe(["Thm (Pigeonhole principle)."]))))]
    ['Pigeonhole', 'principle']
    >>> called_out(list(next(pipe(["Sodium (Na)"]))))
    []
    """
    words = [t for t in toks if not (t.is_punct and t.text not in {"(", ")"})]
    if (
        len(words) < 4
        or words[0].lower_ not in CALLOUT_WORDS
        or words[1].text != "("
        or words[-1].text != ")"
        or any(t.text in {"(", ")"} for t in words[2:-1])
    ):
        return []
    start = toks.index(words[1]) + 1
    return list(toks[start : toks.index(words[-1])])


def instruction_purpose(toks: Sequence[Token]) -> bool:
    """Does a run open, after any punctuation, with an instruction (:func:`instruction`)
    and then a preposition: what the instruction is for or about ("Recall for the
    quiz", "!! remember for test 2"), which names nothing? ("Remember glaze chemistry"
    names glaze chemistry.)

    >>> from extraction.nlp import pipe
    >>> [instruction_purpose(list(d)) for d in pipe(["Recall for the quiz", "Recall glazes"])]
    [True, False]
    >>> instruction_purpose(list(next(pipe(["Use of antibiotics"]))))
    False
    """
    words = [t for t in toks if not t.is_punct]
    return (
        len(words) > 1
        and words[1].tag_ == "IN"
        and words[1].lower_ != "of"  # "Use of antibiotics": the word is a noun there
        and not hyphen_after(words[1])
        and words[0].is_sent_start
        and instruction(words[0], words)
    )


def structural_name(tokens: Sequence[Token]) -> tuple[str, str] | None:
    """``(key, surface)`` of a name the notes single out (a card's term, a heading, a
    bold run, a table's first cell): the words as written, only a leading article or
    possessive and edge punctuation dropped ("for loop", "no preemption",
    "push/pull factor", "2x2 table" stay whole); a number that counts the plural after
    it goes too ("Ten Rules of Good Study" -> rules of good study, :func:`counts_plural`),
    with a word after it that selects which ones (``SELECTING_ADJECTIVES``: "Three Main
    Rock Textures" -> rock textures).
    """
    toks = [t for t in tokens if not t.is_space]
    toks = unbracketed(called_out(toks) or toks)
    if instruction_purpose(toks):
        return None
    while toks and (
        toks[0].lower_ in _NAME_LEAD
        or (len(toks) > 1 and toks[0].lower_ in COURSE_LEVELS)
        or (toks[0].is_punct and toks[0].text not in {"("})
        or (toks[0].is_sent_start and len(toks) > 1 and instruction(toks[0], toks))
    ):
        toks = toks[1:]
    if counts_plural(toks):
        toks = toks[1:]
        if len(toks) > 2 and toks[0].lower_ in SELECTING_ADJECTIVES:
            toks = toks[1:]  # "the three main textures": which ones the notes list
    while toks and (toks[-1].is_punct or toks[-1].lower_ in {"and", "or", "of"}):
        toks = toks[:-1]
    if not toks or not any(_WORDISH.search(t.text) for t in toks):
        return None
    if toks[0].tag_ in _WH_TAGS and not hyphen_after(toks[0]):
        return None  # a question's words ("how much", "why it fails"), not a name
    if toks[-1].pos_ in _DANGLING_POS and not is_acronym(toks[-1].text):
        return None  # a fragment that goes on ("Inefficient because", "Navigate to")
    if toks[0].lower_ == "to" and len(toks) > 1 and toks[1].pos_ in {"VERB", "AUX"}:
        return None  # an instruction ("to avoid confounding"), not a name
    if (at := _verb_phrase(toks)) is not None:
        # an action set in bold ("avoid distractions", "Gradually cool the melt"): what it
        # acts on is the name
        return structural_name(toks[at + 1 :])
    if any(t.text in {":", ";"} for t in toks):
        return None  # a label and what follows it ("Image credit: adapted from ...")
    glued = {
        t.i
        for t in toks
        if t.i > 0 and t.doc[t.i - 1].text in GLUE and not t.doc[t.i - 1].whitespace_
    }
    if any(
        (t.pos_ == "AUX" or t.tag_ in {"VBZ", "VBD", "MD"})
        and t.i not in glued
        and not misread_noun(t)
        for t in toks
    ):
        # a clause, not a name ("k-means" is one word, not "k" that "means"); a word
        # English has only as a noun is the tagger's slip ("Lenz theorem" read "theorem"
        # as a past tense)
        return None
    words = words_of(toks, slash=True)
    if not words or len(words) > MAX_WORDS or any(URL.search(w) for w in words):
        return None
    return key_of(words, toks), " ".join(words)


def counts_plural(toks: Sequence[Token]) -> bool:
    """Does a run open with a number that counts the plural noun it goes with ("*Ten*
    Rules of Good Study", "*5* Steps to Better Sleep", "the *three* Noble Gases")? The
    count says how many the notes list, and is no part of the name; a number that
    labels a singular ("2x2 table", "Two Sample Test") stays.

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Ten Rules of Good Study"]))
    >>> counts_plural(list(doc)), counts_plural(list(next(pipe(["2x2 table"]))))
    (True, False)
    """
    if len(toks) < 2 or toks[0].tag_ != "CD" or not toks[0].like_num:
        return False
    head = toks[0].head
    return (
        toks[0].dep_ == "nummod"
        and head.i > toks[0].i
        and head in toks
        and (head.tag_ in {"NNS", "NNPS"} or title_case_plural(head))
    )


def word_pos(tokens: Sequence[Token]) -> tuple[str, ...]:
    """The coarse part of speech of each word of :func:`words_of` (a hyphenated word
    takes its last token's)."""
    pos: list[str] = []
    glue = False
    for tok in tokens:
        if (tok.text in {"-", "–"} or glued_slash(tok)) and pos:
            glue = True
            continue
        if tok.text in {"'s", "’s"} and pos:
            continue
        if glue:
            pos[-1] = tok.pos_
            glue = False
        else:
            pos.append(tok.pos_)
    return tuple(pos)


def phrase(tokens: Sequence[Token], *, lenient: bool = False) -> tuple[str, str] | None:
    """``(key, surface form)`` of a token run, or None when nothing is left.

    The run must end in a noun, unless ``lenient``: the notes' structure already marks
    it as a name (a title, an emphasised run), and the tagger often mislabels the last
    word of a short title.
    """
    toks = trim(tokens)
    if lenient and toks:
        # the tagger misreads the last word of a short label out of a sentence ("Money
        # multiplier:", "multiplier" read as an adverb; "Minor triad:", a modal): a
        # word English has only as a noun stays on the name the structure marks
        rest = [t for t in tokens if t.i > toks[-1].i and not t.is_punct and not t.is_space]
        if rest and rest[0].i == toks[-1].i + 1 and all(misread_noun(t) for t in rest):
            toks = [*toks, *rest]
    return trimmed_phrase(toks, lenient=lenient)


@lru_cache(maxsize=1 << 16)
@lru_cache(maxsize=4096)
def _noun_word(word: str) -> bool:
    """Has English a noun ``word`` (``lemminflect``'s dictionary)?"""
    from lemminflect import getAllLemmas

    return "NOUN" in getAllLemmas(word)


def _only_noun(word: str) -> bool:
    return set(lemmas(word)) == {"NOUN"}


def misread_noun(tok: Token) -> bool:
    """Is ``tok`` a word English has only as a noun ("multiplier", "triad"), not a
    function word, that the tagger reads as something else (an adverb, a determiner, a
    modal)?

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Money multiplier: one over the reserve ratio."]))
    >>> misread_noun(doc[1]) or doc[1].tag_.startswith("NN"), misread_noun(doc[0])
    (True, False)
    """
    return (
        not tok.tag_.startswith("NN")
        and tok.is_alpha
        and tok.is_lower
        and not tok.is_stop
        and _only_noun(tok.lower_)
    )


#: Marks that part a clause or a list: no name holds one, nor reaches across one.
_PARTING_MARKS = frozenset({",", ";", ":"})


def parted(toks: Sequence[Token]) -> bool:
    """Does a run hold a comma, a semicolon or a colon, or skip one between two of its
    words? Then it joins two things a sentence sets apart ("one step, fast": a list of
    descriptions; "kinds: pollen" read without its colon), no name. The words of a
    shared head may skip a conjunction ("osmotic [and turgor] pressure"), not those.

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Two stages, repeated: germination, growth and flowering."]))
    >>> parted(list(doc[1:4])), parted([doc[2], doc[5]]), parted(list(doc[0:2]))
    (True, True, False)
    """
    if any(t.text in _PARTING_MARKS for t in toks):
        return True
    return any(
        any(a.doc[k].text in _PARTING_MARKS for k in range(a.i + 1, b.i))
        for a, b in pairwise(toks)
        if b.i > a.i + 1
    )


def trimmed_phrase(toks: Sequence[Token], *, lenient: bool = False) -> tuple[str, str] | None:
    """:func:`phrase` of a run already trimmed by :func:`trim`."""
    if not toks or any(
        (t.pos_ == "AUX" or t.tag_ in _CLAUSE_TAGS)
        and not (lenient and misread_noun(t))
        and not numbered_noun(t)  # "Class I lever": no verb
        for t in toks
    ):
        return None  # a clause ("How does a GRU control information"), not a name
    if parted(toks):
        return None
    nounish = {"NOUN", "PROPN"} | ({"VERB", "ADJ", "ADV", "X"} if lenient else set())

    def noun_like(t: Token) -> bool:
        return (
            t.pos_ in nounish
            or is_acronym(t.text)
            or (lenient and misread_noun(t))
            or numbered_noun(t)
        )

    last = toks[-2] if lenient and len(toks) > 1 and particle(toks[-1]) else toks[-1]
    if not any(noun_like(t) for t in toks) or not noun_like(last):
        return None
    words = words_of(toks, slash=True)
    if not words or len(words) > MAX_WORDS or any(URL.search(w) for w in words):
        return None
    return key_of(words, toks), " ".join(words)


def key_of(words: Sequence[str], toks: Sequence[Token] = ()) -> str:
    """The key of a name's words: :func:`concept_id`, but a head the tagger reads as
    singular stays as written ("data", "physics"), unless English has the word only as a
    plural ("strata", "nuclei": the tagger reads some Latin and Greek plurals as singular,
    see :func:`~extraction.names.only_plural`), or a plural that a title's Title Case made
    the tagger read as a proper noun ("Why Do Glaciers Move?", :func:`title_case_plural`)."""
    h = head_index(words)
    head_tok = next((t for t in reversed(toks) if words[h].endswith(t.text)), None)
    plural = (
        head_tok is None
        or head_tok.tag_ in {"NNS", "NNPS"}
        or is_acronym(words[h])
        or (head_tok.tag_ == "NN" and only_plural(words[h]))
        or title_case_plural(head_tok)
    )
    if plural:
        return concept_id(words)
    return " ".join(w if is_acronym(w) else w.lower() for w in words)


def title_case_plural(tok: Token) -> bool:
    """Is ``tok`` a plural common noun that a title in Title Case made the tagger read
    as a singular proper noun ("Why Do *Glaciers* Move?", "Resource Allocation *Graphs*")?
    Its capital is the title's style, not a name's: English has the word only as the
    plural of a noun, and every longer word of its sentence is capitalised. A plural
    after an adjective keeps its capital as a name's ("the Great Lakes", "United
    States"), as does one in a sentence written in lower case ("we crossed the Glaciers
    twice").

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Why Do Glaciers Move?"]))
    >>> title_case_plural(doc[2]), title_case_plural(next(pipe(["United States"]))[1])
    (True, False)
    """
    if tok.tag_ != "NNP" or not tok.is_title or not only_plural(tok.lower_):
        return False
    sent = tok.sent
    if any(t.is_alpha and t.is_lower and len(t) > 3 for t in sent):
        return False  # a sentence, or a title, in lower case: a capital marks a name
    before = tok.doc[tok.i - 1] if tok.i > sent.start else None
    return before is None or not (before.is_alpha and "ADJ" in lemmas(before.lower_))


# -- runs of tokens -----------------------------------------------------------------


def breaks_run(tok: Token) -> bool:
    """Punctuation (but hyphens), arrows, maths signs and "e.g." end a term; so does a
    dash with a space on each side ("BP - blood pressure": a label and its text), and a
    single quote that the tagger reads as a quotation mark ("drawn from topic 'bags'"),
    not an apostrophe inside a word."""
    text = tok.text
    if text in GLUE or glued_slash(tok):
        return (
            text in {"-", "–"}
            and bool(tok.whitespace_)
            and tok.i > 0
            and bool(tok.doc[tok.i - 1].whitespace_)
        ) or (text in {"'", "’"} and tok.tag_ in {"``", "''"})
    return (
        tok.is_punct
        or tok.pos_ == "SYM"
        or tok.lower_ in _ABBREVIATIONS
        or bool(_BREAKS.search(text))
    )


def split_runs(tokens: Sequence[Token]) -> list[list[Token]]:
    """Token runs between punctuation: "LSTM (long short-term memory)" -> two runs."""
    runs: list[list[Token]] = [[]]
    for tok in tokens:
        if breaks_run(tok):
            runs.append([])
        else:
            runs[-1].append(tok)
    return [r for r in runs if r]


def coordinated(run: list[Token]) -> list[list[Token]]:
    """Split "osmotic and turgor pressure" into "osmotic pressure", "turgor pressure";
    "ML and statistics" into "ML", "statistics"; "mean, mode and median" at the commas
    too. A conjunct without a noun of its own shares what follows the first word of the
    last conjunct ("aerobic and anaerobic cell respiration" -> "aerobic cell
    respiration"), a conjunct ending in a hyphen what follows that word's first hyphen
    ("pre- and post-glacial valleys" -> "pre-glacial valleys"). A gerund alone in a
    series after a conjunct with a noun of its own is an activity the series lists, a
    name of its own ("clay preparation, firing and decorative glazes" -> firing, not
    "firing glaze"), and so is one before a last conjunct that is a gerund alone
    ("sanding, staining and polishing")."""
    parts: list[list[Token]] = [[]]
    conjunction = any(t.pos_ == "CCONJ" and t.lower_ in {"and", "or", "&"} for t in run)
    for tok in run:
        if (tok.pos_ == "CCONJ" and tok.lower_ in {"and", "or", "&"}) or (
            conjunction and tok.text == ","
        ):
            parts.append([])
        else:
            parts[-1].append(tok)
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return [run]
    out = []
    head = parts[-1][-1]
    named_before = False  # a conjunct before this one has a noun of its own
    for part in parts[:-1]:
        last = part[-1]
        has_noun = (last.pos_ in {"NOUN", "PROPN"} and last.tag_ != "VBG") or is_acronym(last.text)
        opening = next((t for t in parts[-1] if t.pos_ not in {"DET", "PRON", "ADV"}), head)
        gerund_item = len(part) == 1 and (
            (named_before and last.tag_ == "VBG")
            # (the tagger may read a middle one as an adjective: "staining")
            or (len(parts[-1]) == 1 and head.tag_ == "VBG" and last.lower_.endswith("ing"))
        )
        named_before = named_before or has_noun
        if has_noun or gerund_item:
            out.append(part)
        elif _alike(last, opening) or _suspended(last.text):
            n = len(words_of([t for t in part if t.pos_ not in {"DET", "PRON"}]))
            rest = shared_rest(parts[-1], _suspended(last.text), words=n)
            out.append([*part, *(rest or [head])])
        else:
            out.append([*part, head])
    return [*out, parts[-1]]


#: Words that set two or more names side by side to contrast them ("osmosis vs.
#: diffusion", "aerobic versus anaerobic respiration", "oceanic/continental crust").
VERSUS_LINKS = frozenset({"vs", "vs.", "versus", "/"})


def versus_sides(run: Sequence[Token]) -> list[list[Token]]:
    """The names of a run that contrasts two or more things, split at each
    :data:`VERSUS_LINKS` word; a side without a noun of its own shares the last side's
    head, as :func:`coordinated` shares it in an "and"/"or" list ("aerobic vs
    anaerobic vs facultative bacteria" -> "aerobic bacteria", "anaerobic bacteria",
    "facultative bacteria"). A run without a link is one side.

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Competitive vs. noncompetitive inhibition"]))
    >>> [" ".join(t.text for t in side) for side in versus_sides(list(doc))]
    ['Competitive inhibition', 'noncompetitive inhibition']
    """
    parts: list[list[Token]] = [[]]
    for tok in run:
        if tok.lower_ in VERSUS_LINKS:
            parts.append([])
        else:
            parts[-1].append(tok)
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return [list(run)]
    head, opening = parts[-1][-1], parts[-1][0]

    def has_noun(part: list[Token]) -> bool:
        last = part[-1]
        return (last.pos_ in {"NOUN", "PROPN"} and last.tag_ != "VBG") or is_acronym(last.text)

    shares = head.pos_ in {"NOUN", "PROPN"} and len(parts[-1]) > 1
    # one-word sides that modify alike fill one slot: the tagger's reading of a
    # middle one ("anaerobic" as a noun) does not stop it sharing the head
    modifiers = all(len(p) == 1 for p in parts[:-1]) and any(
        not has_noun(p) or _alike(p[-1], opening) for p in parts[:-1]
    )
    out = [
        part if not shares or (has_noun(part) and not modifiers) else [*part, head]
        for part in parts[:-1]
    ]
    return [*out, parts[-1]]


def shared_rest(conjunct: Sequence[Token], suspended: bool = False, words: int = 1) -> list[Token]:
    """What a modifier of ``words`` words coordinated with as many first words of
    ``conjunct`` shares with it: the words after them ("mass transfer" ->
    "transfer"; "cell respiration" -> "respiration"; two words: "low pressure
    weather systems" -> "weather systems"), after the first hyphen for a ``suspended``
    modifier ("post-glacial valleys" -> "glacial valleys"); nothing when those words
    are all there is ("cost-efficiency")."""
    toks = [t for t in conjunct if t.pos_ not in {"DET", "PRON"}] or list(conjunct)
    if suspended:
        for i, tok in enumerate(toks[:-1]):
            if tok.text in {"-", "–"} and i > 0 and not tok.whitespace_:
                return list(toks[i + 1 :])
    at = 0
    for _ in range(max(1, words)):
        at += 1
        while at < len(toks) and toks[at - 1].pos_ == "ADV":
            at += 1  # "finely ground powders": the adverb grades the first word
        while at < len(toks) and toks[at].text in GLUE and not toks[at - 1].whitespace_:
            at += 2  # "post-glacial valleys": the first word is "post-glacial"
    return list(toks[at:])


#: Dependents a modifier that shares a head may have: the coordination itself and an
#: article or "both" / "either" before it.
_SHARING_DEPS = frozenset({"cc", "conj", "preconj", "det"})


def shared_head(tok: Token) -> list[Token]:
    """The name ``tok`` makes with the head it shares with the modifier coordinated
    after it, when the parser attaches the head to ``tok`` as its conjunct: "image and
    mass transfer" -> heat transfer, "aerobic and anaerobic respiration" -> aerobic
    respiration ("heat", "aerobic": the head of the coordination, its conjunct "mass
    transfer"); else nothing.

    The grammar must say that ``tok`` modifies the shared head as the word after "and"
    / "or" does: both describing words (adjectives, participles) or both nouns in the
    singular, the noun written in lower case (an acronym aside); ``tok`` has nothing of
    its own (no modifier, no complement, no other conjunct: not an item of a list); and
    the conjunct is that one word and the rest of its noun phrase. Two noun phrases
    ("salt and pepper", "fats and amino acids") share nothing.

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Engineers study heat and mass transfer."]))
    >>> [t.text for t in shared_head(doc[2])], shared_head(doc[1])
    (['heat', 'transfer'], [])

    Names of people or places in Title Case before a plural share it too, however the
    parser attaches them (:func:`_eponyms`):

    >>> doc = next(pipe(["Air rises in the Hadley and Ferrel cells."]))
    >>> [t.text for t in shared_head(doc[4])]
    ['Hadley', 'cells']
    """
    conjuncts = [c for c in tok.rights if c.dep_ == "conj"]
    if conjuncts and tok.dep_ != "conj" and tok.i + 2 < len(tok.doc):
        after = tok.doc[tok.i + 2]
        noun = _coordinated_modifiers(tok, tok.doc[tok.i + 1], after)
        if (
            noun is not None
            and all(after.i <= c.i < noun.i for c in conjuncts)
            and _eponyms(tok, after, noun)
        ):
            return [tok, noun]  # "the Hadley and Ferrel cells": both modify "cells"
    if (
        len(conjuncts) != 1
        or tok.dep_ == "conj"
        or any(c.dep_ not in _SHARING_DEPS for c in tok.children)
        or tok.i + 2 >= len(tok.doc)
    ):
        return []
    head = conjuncts[0]
    doc = tok.doc
    cc = tok.i + 1
    if _suspended(tok.text) and doc[cc].text in GLUE:
        cc += 1
    if doc[cc].dep_ != "cc" or doc[cc].lower_ not in {"and", "or"} or head.pos_ not in _HEAD_POS:
        return []
    conjunct = list(doc[cc + 1 : head.i + 1])
    inside = {t.i for t in conjunct}
    if (
        len(conjunct) < 2
        or any(t.head.i not in inside and t.i != head.i for t in conjunct)
        or any(t.pos_ not in _NAME_WORD_POS and t.text not in GLUE for t in conjunct)
        or conjunct[0].dep_ not in {"amod", "compound", "nmod"}
        or not (_alike(tok, conjunct[0]) or _eponyms(tok, conjunct[0], head))
    ):
        return []
    rest = shared_rest(conjunct, _suspended(tok.text))
    return [tok, *rest] if rest and len(rest) < len(conjunct) and rest[-1].i == head.i else []


#: Parts of speech of a head a modifier can share.
_HEAD_POS = frozenset({"NOUN", "PROPN"})
#: Parts of speech of the words of the noun phrase after the conjunction.
_NAME_WORD_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})


def _alike(a: Token, b: Token) -> bool:
    """Do two coordinated words modify a noun alike: both describing words (an
    adjective, a participle, a word cut at a hyphen: "pre-"), or both singular nouns
    written in lower case or as acronyms ("sand and clay", "UV and IR")?"""

    def describing(t: Token) -> bool:
        return t.tag_ in {"JJ", "VBN", "VBG"} or _suspended(t.text)

    def noun(t: Token) -> bool:
        return t.tag_ in {"NN", "NNP"} and (
            is_acronym(t.text) or t.text.islower() or (t.is_sent_start and t.text[1:].islower())
        )

    return (describing(a) and describing(b)) or (noun(a) and noun(b))


def _coordinated_modifiers(tok: Token, cc: Token, conjunct: Token) -> Token | None:
    """The noun that ``tok``, ``cc`` ("and"/"or") and the one word ``conjunct`` (a
    hyphenated one too: "Kelvin-Planck") run right before, both modifying it, the parser
    attaching the conjunct to ``tok`` ("the Hadley and Ferrel cells"); else ``None``."""
    doc = tok.doc
    end = conjunct.i
    while end + 2 < len(doc) and not doc[end].whitespace_ and doc[end + 1].text in GLUE:
        end += 2  # "Kelvin–Planck": a dash glued on both sides and the word after it
    if (
        cc.i != tok.i + 1
        or cc.dep_ != "cc"
        or cc.lower_ not in {"and", "or"}
        or conjunct.i != cc.i + 1
        or end + 1 >= len(doc)
        or tok.dep_ not in {"nmod", "compound", "amod"}
        or tok.head.i not in range(conjunct.i, end + 2)
    ):
        return None
    return doc[end + 1]


def _eponyms(a: Token, b: Token, head: Token) -> bool:
    """Are two coordinated words names of people or places in Title Case before a plural
    they share, one of it each ("the Hadley and Ferrel cells": a Hadley cell, a Ferrel
    cell)?

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Air rises in the Hadley and Ferrel cells."]))
    >>> _eponyms(doc[4], doc[6], doc[7])
    True
    """

    def titled(t: Token) -> bool:
        return t.pos_ == "PROPN" and t.text[:1].isupper() and t.text[1:].islower()

    return titled(a) and titled(b) and head.tag_ == "NNS" and head.text.islower()


def chunk_runs(chunks: Iterable[Span | Sequence[Token]]) -> Iterator[list[Token]]:
    """Noun chunks as term runs: split at punctuation, coordination distributed.

    Letters joined by a "/" give the whole name ("A/C ducts"); two names or words
    each name something with what follows the second ("upper/lower mantle" -> "upper
    mantle", "lower mantle"; "TCP/IP stack" -> "TCP stack", "IP stack")."""
    for chunk in chunks:
        runs: list[list[Token]] = [[]]
        slashed: set[int] = set()  # runs that end at a "/"
        glued = False
        for tok in chunk:
            if breaks_run(tok) or tok.text == "/":
                if tok.text == "/" and runs[-1]:
                    slashed.add(len(runs) - 1)
                runs.append([])
            else:
                runs[-1].append(tok)
            glued = glued or (glued_slash(tok) and _letters(tok))
        if glued:  # "A/C ducts": one name
            for run in split_runs(chunk):
                if any(glued_slash(t) for t in run):
                    yield run
        for i, run in enumerate(runs):
            if not run:
                continue
            parts = coordinated(run)
            # "the input/output buffer size" -> "input buffer size",
            # not "input": the word before the slash shares what follows the word
            # after it ("upper/lower mantle"); an acronym names something alone too
            # ("TCP/IP stack"); a letter is no word of its own ("I/O")
            words = [t for t in run if t.pos_ != "DET"]
            if (
                len(parts) == 1
                and i in slashed
                and len(words) == 1
                and i + 1 < len(runs)
                and len(runs[i + 1]) >= 2
            ):
                if len(words[0].text) > 1 and len(runs[i + 1][0].text) > 1:
                    if is_acronym(words[0].text):
                        yield words
                    yield [words[0], *runs[i + 1][1:]]
                continue
            if i - 1 in slashed and len(run[0].text) == 1:
                continue  # "C ducts" of "A/C ducts"
            yield from parts


def numbering(tok: Token) -> bool:
    """Does ``tok`` number or letter the capitalised noun before it, as a part of a name
    ("Type I error", "Phase II trial", "World War I", "Class A amplifier")? The tagger
    often reads such an "I" as the pronoun and such an "A" as the article; here it is a
    Roman numeral or a capital (:func:`~extraction.names.is_numbering`) right after a
    capitalised noun and before a noun, a stop or the end of the text.

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Is a Stage I tumour smaller than what I felt?"]))
    >>> [t.text for t in doc if numbering(t)]
    ['I']
    """
    doc = tok.doc
    if tok.i == 0 or not is_numbering(tok.text):
        return False
    before = doc[tok.i - 1]
    if not (
        before.pos_ in {"NOUN", "PROPN"}
        and before.text[:1].isupper()
        and before.text[1:].islower()
        and bool(before.whitespace_)
    ):
        return False
    if tok.i + 1 == len(doc):
        return True
    after = doc[tok.i + 1]
    if after.text in _NUMBERING_STOPS or after.pos_ in {"NOUN", "PROPN"}:
        return True
    # a noun the pronoun's reading made a verb of, after a common noun ("Stage I
    # tumour"; not "At Google I work")
    return _numbered_noun(after) and _noun_word(before.lower_)


def numbered_noun(tok: Token) -> bool:
    """Is ``tok`` the noun a numeral (:func:`numbering`) numbers, right after it, though
    the tagger read the numeral as the pronoun and the noun as its verb ("Stage I
    tumour")?

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Is a Stage I tumour small?"]))
    >>> [t.text for t in doc if numbered_noun(t)]
    ['tumour']
    """
    return tok.i > 0 and numbering(tok.doc[tok.i - 1]) and _numbered_noun(tok)


def _numbered_noun(tok: Token) -> bool:
    """Is ``tok``, right after a numeral, a noun (the pronoun's reading of an "I" makes
    a verb of the noun after it: "Stage I tumour")?"""
    misread = tok.tag_ in {"VBP", "VB"} and tok.text.islower() and not only_verb(tok.text)
    return tok.pos_ in {"NOUN", "PROPN"} or misread


#: Marks that may end a name a numeral closes ("World War I.").
_NUMBERING_STOPS = frozenset({".", ",", ";", ":", "?", ")"})


def extend_numbering(chunk: Span) -> Span:
    """Take in the capitalised noun a chunk's opening numeral numbers, and the noun a
    numeral closing it numbers: the parser chunks "Stage I cancer" as "Stage", "I",
    "cancer".

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Stage I cancer vs Stage II cancer?"]))
    >>> [extend_numbering(c).text for c in doc.noun_chunks]
    ['Stage', 'Stage I cancer', 'cancer', 'Stage II cancer']

    (the chunks it takes in are no names of their own: see ``candidates.views``)
    """
    doc, start, end = chunk.doc, chunk.start, chunk.end
    while start < end and doc[start].pos_ == "DET" and not numbering(doc[start]):
        start += 1
    if start < end and numbering(doc[start]):
        start -= 1  # the noun it numbers, and the capitalised nouns before it
        while (
            start > 0
            and doc[start - 1].pos_ in {"NOUN", "PROPN"}
            and doc[start - 1].text[:1].isupper()
        ):
            start -= 1
    start = min(start, chunk.start)
    if numbering(doc[end - 1]) and end < len(doc) and _numbered_noun(doc[end]):
        end += 1  # "Phase I" + "trial": the noun it numbers
        while end < len(doc) and doc[end].pos_ in {"NOUN", "PROPN"}:
            end += 1
    return doc[start:end] if (start, end) != (chunk.start, chunk.end) else chunk


def extend_hyphens(chunk: Span) -> Span:
    """Take in the words glued to a chunk by hyphens: "Peer-to-peer network"
    that the parser chunks as "peer network", "self-esteem" that it cuts after
    "self"."""
    doc, start, end = chunk.doc, chunk.start, chunk.end
    while start >= 2 and doc[start - 1].text in GLUE and not doc[start - 2].whitespace_:
        if doc[start - 1].whitespace_:
            break
        start -= 2
    while (
        end + 1 < len(doc)
        and doc[end].text in {"-", "–"}
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].text[:1].isalnum()
        and doc[end + 1].pos_ in {"NOUN", "PROPN", "ADJ", "NUM"}
    ):
        end += 2
    return doc[start:end] if (start, end) != (chunk.start, chunk.end) else chunk


def framed(toks: Sequence[Token]) -> bool:
    """Is a run a framing noun ("advantages", "the main types") that says what is asked
    about the name after it?"""
    words = [t for t in toks if t.pos_ not in {"DET", "PRON"} and t.lower_ not in VAGUE_WORDS]
    if not words:
        return False
    at = len(words) - 1  # the last word, hyphens and all ("trade-offs")
    while at >= 2 and words[at - 1].text == "-" and not words[at - 1].whitespace_:
        if words[at - 2].whitespace_:
            break
        at -= 2
    last = "".join(t.text for t in words[at:]).lower()
    return (
        last in FRAMING_NOUNS
        and all(t.pos_ in {"ADJ", "NOUN", "PROPN"} or t.tag_ == "JJ" for t in words[:at])
        and at < 3
    )


def frames_next(left: Sequence[Token], prep: Token) -> bool:
    """Does ``left``, before the preposition ``prep``, only frame what follows it: a
    framing noun ("the advantages of", "the intuition behind"), or a noun that frames
    only before "with" ("the problem with tall chimneys"; "the problem of induction" is
    a name)?"""
    if framed(left):
        return True
    words = [t for t in left if t.pos_ not in {"DET", "PRON"} and t.lower_ not in VAGUE_WORDS]
    return (
        prep.lower_ == "with"
        and 0 < len(words) <= 3
        and words[-1].lower_ in WITH_FRAMES
        and all(t.pos_ in {"ADJ", "NOUN", "PROPN"} or t.tag_ == "JJ" for t in words[:-1])
    )


def refine(tokens: Sequence[Token]) -> list[Token]:
    """The name inside a question's or heading's subject.

    A framing noun before "of" gives way to what follows ("the function of the guard
    cell" -> guard cell); "X of Y" is otherwise one name ("law of demand"); so is a name
    in Title Case across its lower-case preposition in a sentence that is not
    (:func:`title_case_through`: "What is the Return on Investment?"); another
    preposition ends the name ("guard cell in a leaf" -> guard cell); a leading gerund
    of an action goes ("Identifying Anomalies" -> anomalies).
    """
    toks = trim(tokens)
    if (
        len(toks) > 1
        and (toks[0].tag_ == "VBG" or toks[0].lower_.endswith("ing"))
        and toks[0].dep_ != "amod"  # "Exploding Gradients" keeps its participle
        and (toks[1].pos_ == "DET" or toks[-1].tag_ in {"NNS", "NNPS"} or is_acronym(toks[-1].text))
    ):
        toks = trim(toks[1:])
    through = 0  # the end of a Title Case name the scan has gone through
    for i, tok in enumerate(toks):
        if i < through:
            continue
        if tok.lower_ in FRAMED_PREPOSITIONS and 0 < i < len(toks) - 1 and framed(toks[:i]):
            return refine(toks[i + 1 :])
        if tok.lower_ in PREPOSITIONS and 0 < i < len(toks) - 1:
            left, right = toks[:i], toks[i + 1 :]
            if frames_next(left, tok) or not trim(left):
                return refine(right)
            if (end := title_case_through(toks, i)) and len(words_of(toks[:end])) <= MAX_WORDS:
                through = end  # "Return on Investment", "Theory of Mind": one name
                continue
            if tok.lower_ == "of":
                if len(words_of(toks)) <= MAX_WORDS:
                    return toks  # "law of demand", "treaty of Versailles"
                return trim(left)
            return refine(left)
    return toks


# -- names in Title Case ------------------------------------------------------------


def title_case_through(toks: Sequence[Token], i: int) -> int:
    """Where a name in Title Case that goes on through the preposition ``toks[i]``
    ends (an index of ``toks``), or 0 when it does not go on.

    The author writes a name in Title Case, its content words capitalised and a short
    preposition in lower case ("the Law of Demand", "a Return on Investment", "the
    Intersection over Union"), in a sentence that is not in Title Case (a word that Title
    Case would capitalise is in lower case somewhere else in it): so the capitals are
    the name's, not the sentence's. The words before the preposition, which it belongs
    to, end in an English noun (not a place or a person: "Germany in World War II"), and
    the capitalised words after it (an article aside) are the rest of the name; when the
    name opens the sentence, whose capital says nothing, a common word capitalised
    after the preposition must say it ("Return on Investment", not "Sales in France").

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Traders read about the Law of Demand in class."]))
    >>> title_case_through(list(doc), 5), title_case_through(list(doc), 7)
    (7, 0)
    """
    prep = toks[i]
    if (
        i == 0
        or prep.pos_ != "ADP"
        or prep.dep_ != "prep"
        or not prep.text.islower()
        or prep.head.i != toks[i - 1].i
    ):
        return 0
    left: list[Token] = []
    for tok in reversed(toks[:i]):
        if not _capitalised(tok) and tok.text not in GLUE:
            break
        left.insert(0, tok)
    end = i + 1
    if end < len(toks) and toks[end].lower_ == "the" and toks[end].text.islower():
        end += 1
    start_right = end
    while end < len(toks) and (_capitalised(toks[end]) or toks[end].text in GLUE):
        end += 1
    right = toks[start_right:end]
    if (
        not left
        or not right
        or not _capitalised(right[-1])
        or right[-1].pos_ not in _NAME_POS
        or any(c.dep_ == "conj" and _capitalised(c) for c in right[-1].children)  # "in Java, C"
        or all(is_acronym(t.text) for t in right if t.is_alpha)  # "the Exchange Rate in the EU"
    ):
        return 0
    head = left[-1]
    if is_acronym(head.text) or not _common_noun(head.lower_):
        return 0
    words = [t for t in left if t.text not in GLUE]
    if words[0].is_sent_start and len(words) < 2:
        return 0  # "Sales in France fell": the capital is the sentence's
    doc, sent = prep.doc, prep.sent
    start = left[0].i
    while start > sent.start and doc[start - 1].text not in _CLAUSE_BREAKS:
        start -= 1
    stop = toks[end - 1].i + 1
    while stop < sent.end and doc[stop].text not in _CLAUSE_BREAKS:
        stop += 1
    inside = range(left[0].i, toks[end - 1].i + 1)
    if not any(_title_word(t) and t.text.islower() for t in doc[start:stop] if t.i not in inside):
        return 0  # a title in Title Case: every word is capitalised, the name's or not
    return end


#: Marks that set a label or an aside apart from the rest of a sentence ("Osmosis: water
#: moves ..."): a label in Title Case says nothing about the case of the sentence.
_CLAUSE_BREAKS = frozenset({":", ";", "(", ")", "[", "]", "–", "—", "|"})


#: Parts of speech that end a name in Title Case.
_NAME_POS = frozenset({"NOUN", "PROPN", "NUM"})


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.pos_ in {"NOUN", "PROPN", "ADJ", "NUM", "VERB"}


def _title_word(tok: Token) -> bool:
    """Is ``tok`` a word Title Case capitalises (not an article, a preposition, a
    conjunction or "to")?"""
    return tok.is_alpha and tok.tag_ not in {"DT", "IN", "CC", "TO"}


@lru_cache(maxsize=1 << 14)
def _common_noun(word: str) -> bool:
    """Is ``word`` (lower case) a noun English knows (``lemminflect``'s dictionary): a
    common noun, not a place's or a person's name?"""
    return "NOUN" in lemmas(word)


def title_case_chunks(chunks: Sequence[Span]) -> list[Span]:
    """Noun chunks with the chunks a name in Title Case goes on into taken in: "the
    Treaty" + "of" + "Versailles" -> "the Treaty of Versailles" (see
    :func:`title_case_through`); every other chunk as it is.

    >>> from extraction.nlp import pipe
    >>> doc = next(pipe(["Traders read about the Return on Investment today."]))
    >>> [c.text for c in title_case_chunks(list(doc.noun_chunks))]
    ['Traders', 'the Return on Investment']
    """
    out: list[Span] = []
    i = 0
    while i < len(chunks):
        chunk = chunks[i]
        doc = chunk.doc
        j = i
        while (
            j + 1 < len(chunks)
            and chunks[j + 1].start == chunk.end + 1
            and (toks := [*chunk, doc[chunk.end], *chunks[j + 1]])
            and title_case_through(toks, len(chunk)) == len(toks)
            and len(words_of(toks)) <= MAX_WORDS
            and not framed(list(chunk))
        ):
            j += 1
            chunk = doc[chunk.start : chunks[j].end]
        out.append(chunk)
        i = j + 1
    return out


def span_of(doc: Doc, text: str, start_at: int = 0) -> Span | None:
    """The span of ``doc`` that covers ``text`` (first found after ``start_at``)."""
    at = span_text(doc).find(text, start_at)
    if at < 0:
        return None
    return doc.char_span(at, at + len(text), alignment_mode="expand")
