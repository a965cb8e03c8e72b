"""Concepts: candidate terms from the notes -> canonical concepts, aliases, definitions.

Candidates come from the structure of the notes (the subject of a card's question,
a term card's term, a heading) and from the text (noun chunks trimmed of determiners,
pronouns and vague modifiers; acronyms). Variants are merged on evidence found in the
notes themselves: an acronym given with its expansion ("Long Short-Term Memory
(LSTM)", "LSTM stands for ..."), an acronym whose letters are the initials of a
phrase used elsewhere, singular/plural, hyphen/space/case variants, and "X cell",
"X unit", "X model" where "X" is used alone too. A candidate becomes a concept when the
notes give evidence that it is one: it is what a card is about, or it recurs and is
specific (rare in general English, per ``wordfreq``), never when it only appears inside
an analogy ("Think of it like ...").
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from wordfreq import zipf_frequency

from extraction import nlp as nlp_module
from extraction import patterns
from extraction.names import (
    concept_id,
    initials,
    initials_match,
    is_acronym,
    match_key,
    singular_acronym,
)
from extraction.readers.prompts import is_term
from extraction.records import Card, Concept, Evidence
from extraction.titles import singular, title_concept

# -- data -------------------------------------------------------------------------

#: Modifiers that say nothing about what a thing is ("the main idea", "a typical RNN").
VAGUE_MODIFIERS = frozenset(
    """
    typical different various certain specific new main key primary important simple basic
    other such same whole entire several many more most few additional common particular
    good better best significant overall general given respective corresponding appropriate
    relevant possible actual real previous next current initial final first second third
    last single multiple both each every all some any own original following above below
    much little big huge tiny numerous one two three four five large small larger smaller
    greater higher lower extra further usual standard classic traditional plain regular
    normal similar high low model subsequent separate simplified
    """.split()
)

#: Heads that add nothing to the modifier they follow: "LSTM cell" is the LSTM.
GENERIC_HEADS = frozenset(
    """
    cell unit model network architecture mechanism problem method technique approach
    algorithm framework structure system process procedure task operation
    """.split()
)

#: Sentences that carry an analogy; what they name belongs to the analogy, not the course.
ANALOGY = re.compile(
    r"\b(?:think of|imagine|analog(?:ous|y) to|akin to|is like|are like|was like"
    r"|(?:it|this|that|they|which)(?:'s|’s|'re|’re| is| are) like|the (?:former|latter) is like"
    r"|like (?:a|an) (?!\w+ (?:of|for)\b)|similar to (?:how|reading|taking|trying))",
    re.IGNORECASE,
)

#: Tokens that open a chunk and are dropped: determiners, pronouns, numbers.
_DROP_POS = frozenset(
    {"DET", "PRON", "NUM", "PART", "PUNCT", "SYM", "CCONJ", "ADP", "SPACE", "X", "ADV"}
)
_URL = re.compile(r"https?://|www\.|\.(?:com|org|io|html?)\b", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[•◦▪‣●○■□➢➤►\-*+–—>]+|\(?\d{1,2}[.)]|[a-z][.)](?=\s))\s*")
_LABEL = re.compile(r"^([A-Za-z0-9][^:.!?]{0,60}?):\s+(\S.*)$")
_WORDISH = re.compile(r"[A-Za-z]")
#: Words a concept name never starts or ends with, whatever the tagger says.
#: Verbs a study prompt opens with ("Define Reinforcement Learning"): never part of a name.
INSTRUCTIONS = frozenset(
    """
    define explain describe calculate compute assume compare derive determine discuss summarize
    summarise outline prove illustrate contrast evaluate identify interpret
    """.split()
)
_EDGE_STOP = frozenset(
    """
    a an the this that these those its their our your my his her it they we you i of for to
    in on at by with and or but as from into via than
    """.split()
)
COMMON_ZIPF = 4.0  # a word at least this frequent in English is not specific by itself


@cache
def _zipf(word: str) -> float:
    """How common ``word`` is in English (Zipf scale). A word of three or more
    hyphenated parts ("many-to-many", "sequence-to-sequence") is a coined compound:
    wordfreq would score it by its common parts."""
    if word.count("-") >= 2:
        return 2.0
    return zipf_frequency(word.lower(), "en")


# -- segments: the text units parsed -------------------------------------------------


@dataclass(frozen=True, slots=True)
class Segment:
    """A title or a logical line of a card's body: what spaCy parses."""

    card: Card
    line: int
    text: str
    is_title: bool
    is_term: bool = False  # a term line inside an answer, heading its explanation
    is_heading: bool = False  # a section heading above cards (parsed once)
    #: (character offset in ``text``, file line) where each joined line starts
    starts: tuple[tuple[int, int], ...] = ()

    def line_at(self, offset: int) -> int:
        """The file line of the character at ``offset`` in :attr:`text`."""
        line = self.line
        for start, number in self.starts:
            if start <= offset:
                line = number
        return line


def _heading_segments(cards: Iterable[Card]) -> Iterator[Segment]:
    """Each section heading once, at its line (formats that record heading lines)."""
    seen: set[tuple[str, int]] = set()
    for card in cards:
        for heading, line in zip(card.section, card.section_lines, strict=False):
            if (card.source, line) not in seen:
                seen.add((card.source, line))
                yield Segment(card, line, heading, True, is_heading=True)


def card_segments(card: Card) -> Iterator[Segment]:
    """The title, then the body's logical lines (the readers join wrapped lines and
    remove list markers; stray bullets are stripped here too), with the file line where
    each joined line starts, and term lines that head an explanation ("Forget gate" /
    "decides how much ...") marked as terms.
    """
    if card.title.strip():
        yield Segment(card, card.title_line, card.title.strip(), True)
    logical: list[tuple[int, str, tuple[tuple[int, int], ...]]] = []
    position = 0
    for index, raw in enumerate(card.body.split("\n")):
        begin, position = position, position + len(raw) + 1
        text = _BULLET.sub("", raw).strip()
        if not text or not _WORDISH.search(text):
            continue
        line = card.body_lines[index] if index < len(card.body_lines) else card.line_of(begin)
        lead = begin + raw.find(text)
        starts = tuple(
            (offset - lead, number)
            for offset, number in card.line_starts
            if lead < offset < begin + len(raw)
        )
        logical.append((line, text, ((0, line), *starts)))
    for i, (line, text, starts) in enumerate(logical):
        following = logical[i + 1][1] if i + 1 < len(logical) else ""
        heads = is_term(text) and bool(following) and not is_term(following)
        yield Segment(card, line, text, False, is_term=heads, starts=starts)


# -- candidates ---------------------------------------------------------------------


@dataclass(slots=True)
class Candidate:
    """Everything the notes say about one spelling-normalised term."""

    key: str
    forms: Counter[str] = field(default_factory=Counter)
    mentions: list[Evidence] = field(default_factory=list)
    cards: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    subject_of: list[Card] = field(default_factory=list)  # cards about it
    #: structural evidence: "title" (named in a question), "label" ("X: ..." or a term
    #: line heading an explanation), "named" ("called X"), "defined" ("X is a ...")
    flags: set[str] = field(default_factory=set)
    definitions: list[Evidence] = field(default_factory=list)
    first: tuple[int, int, int] = (1 << 30, 0, 0)  # (file order, line, card order)

    @property
    def words(self) -> list[str]:
        return self.key.split()


def _trim(tokens: Sequence[Token]) -> list[Token]:
    """Drop determiners, pronouns, possessives and vague modifiers at the edges."""
    toks = [t for t in tokens if not _MATH_TOKEN.search(t.text)]  # x_1, W^T, \\ldots
    while (
        toks
        and not (len(toks) > 1 and _hyphen_after(toks[0]))
        and not _grades_next(toks)
        and (
            toks[0].pos_ in _DROP_POS
            or (toks[0].lower_ in VAGUE_MODIFIERS and len(toks) > 1)
            or toks[0].lower_ in _EDGE_STOP
            or toks[0].tag_ in {"PRP$", "WDT", "WP", "WP$", "POS"}
            or not _WORDISH.search(toks[0].text)
            or (toks[0].is_sent_start and toks[0].lower_ in INSTRUCTIONS and len(toks) > 1)
            or (_after_for(toks[0]) and toks[0].lower_ in {"example", "instance"})
        )
    ):
        toks.pop(0)
    while toks and (
        toks[-1].pos_ in _DROP_POS - {"NUM"}
        or toks[-1].tag_ == "POS"
        or toks[-1].lower_ in _EDGE_STOP
        or not _WORDISH.search(toks[-1].text)
    ):
        toks.pop()
    # A possessive inside ("the model's output") keeps only what follows it.
    for i, tok in enumerate(toks):
        if tok.tag_ == "POS" or tok.text in {"'s", "’s"}:
            toks = toks[i + 1 :]
            break
    return toks


_MATH_TOKEN = re.compile(r"[\\_^]")


def _after_for(tok: Token) -> bool:
    """Does ``tok`` follow "for" ("for example step decay": the example is no name)?"""
    return tok.i > 0 and tok.doc[tok.i - 1].lower_ == "for"


def _grades_next(toks: Sequence[Token]) -> bool:
    """Is the first token an adverb grading the adjective after it, inside a name
    ("fully connected layer", "densely connected network")?"""
    return (
        len(toks) > 2
        and toks[0].pos_ == "ADV"
        and toks[0].head == toks[1]
        and toks[1].tag_ in {"JJ", "VBN"}
        and toks[0].lower_.endswith("ly")
        and toks[0].lower_ not in VAGUE_MODIFIERS
    )


def _hyphen_after(tok: Token) -> bool:
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.text in {"-", "–"} and not tok.whitespace_


def _words(tokens: Sequence[Token]) -> list[str]:
    """Surface words of a token run, hyphenated compounds kept together."""
    words: list[str] = []
    glue = False
    for tok in tokens:
        if tok.text in {"-", "–"} and words:
            words[-1] += "-"
            glue = True
            continue
        if glue:
            words[-1] += tok.text
            glue = False
        else:
            words.append(tok.text)
    return [w.strip("-") for w in words if w.strip("-")]


#: Tags no term contains: wh-words, modals and finite verbs.
_CLAUSE_TAGS = frozenset({"WRB", "WP", "WDT", "MD", "VBZ", "VBP", "VBD"})


def _phrase(tokens: Sequence[Token], *, lenient: bool = False) -> tuple[str, str] | None:
    """``(key, surface form)`` of a token run, or None when nothing is left.

    The run must end in a noun, unless ``lenient``: a title pattern already marked it
    as a name, and the tagger often mislabels the last word of a short title.
    """
    return _trimmed_phrase(_trim(tokens), lenient=lenient)


def _trimmed_phrase(toks: Sequence[Token], *, lenient: bool = False) -> tuple[str, str] | None:
    """:func:`_phrase` of a run already trimmed by :func:`_trim`."""
    if not toks or any(t.pos_ == "AUX" or t.tag_ in _CLAUSE_TAGS for t in toks):
        return None  # a clause ("How does a GRU control information"), not a name
    nounish = {"NOUN", "PROPN"} | ({"VERB", "ADJ", "ADV", "X"} if lenient else set())
    if all(t.pos_ not in nounish and not is_acronym(t.text) for t in toks):
        return None
    if toks[-1].pos_ not in nounish and not is_acronym(toks[-1].text):
        return None
    words = _words(toks)
    if not words or len(words) > 6 or any(_URL.search(w) for w in words):
        return None
    if toks[-1].tag_ not in {"NNS", "NNPS"} and not is_acronym(words[-1]):
        key = " ".join(w if is_acronym(w) else w.lower() for w in words)
    else:
        key = concept_id(words)
    surface = " ".join(words)
    return key, surface


def _chunks(chunks: Iterable[Span]) -> Iterator[list[Token]]:
    """Noun chunks as term runs: split at punctuation, coordination distributed."""
    for chunk in chunks:
        runs: list[list[Token]] = [[]]
        slashed: set[int] = set()  # runs that end at a "/"
        for tok in chunk:
            if _breaks_run(tok):
                if tok.text == "/" and runs[-1]:
                    slashed.add(len(runs) - 1)
                runs.append([])
            else:
                runs[-1].append(tok)
        for i, run in enumerate(runs):
            if not run:
                continue
            parts = _coordinated(run)
            yield from parts
            if len(parts) > 1:
                continue
            # "vanishing/exploding gradient problem" -> "vanishing gradient problem" too
            if i in slashed and len(run) == 1 and i + 1 < len(runs) and len(runs[i + 1]) >= 2:
                yield [run[0], *runs[i + 1][1:]]


_GLUE = frozenset({"-", "–", "'", "’"})
_ABBREVIATIONS = frozenset({"e.g.", "i.e.", "e.g", "i.e", "etc", "etc.", "vs", "vs."})


def _breaks_run(tok: Token) -> bool:
    """Punctuation (but hyphens), arrows, maths signs and "e.g." end a term."""
    text = tok.text
    if text in _GLUE:
        return False
    return (
        tok.is_punct
        or tok.pos_ == "SYM"
        or tok.lower_ in _ABBREVIATIONS
        or bool(re.search(r"[()\[\]{}+=<>→“”\"]|->", text))
    )


def _split_runs(tokens: Sequence[Token]) -> list[list[Token]]:
    """Token runs between punctuation: "LSTM (long short-term memory)" -> two runs."""
    runs: list[list[Token]] = [[]]
    for tok in tokens:
        if _breaks_run(tok):
            runs.append([])
        else:
            runs[-1].append(tok)
    return [r for r in runs if r]


def _coordinated(run: list[Token]) -> list[list[Token]]:
    """Split "forget and input gate" into "forget gate", "input gate"; "ML and
    statistics" into "ML", "statistics". A conjunct without a noun of its own shares
    the last conjunct's head noun."""
    parts: list[list[Token]] = [[]]
    for tok in run:
        if tok.pos_ == "CCONJ" and tok.lower_ in {"and", "or", "&"}:
            parts.append([])
        else:
            parts[-1].append(tok)
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return [run]
    head = parts[-1][-1]
    out = []
    for part in parts[:-1]:
        last = part[-1]
        has_noun = (last.pos_ in {"NOUN", "PROPN"} and last.tag_ != "VBG") or is_acronym(last.text)
        out.append(part if has_noun else [*part, head])
    return [*out, parts[-1]]


def _is_compound(run: Sequence[Token]) -> bool:
    """A noun-noun compound ("decision tree", "speech recognition"): a lexicalised
    term far more often than an adjective and a noun ("long sequence")."""
    return _trimmed_compound(_trim(run))


def _trimmed_compound(trimmed: Sequence[Token]) -> bool:
    """:func:`_is_compound` of a run already trimmed by :func:`_trim`."""
    toks = [t for t in trimmed if t.text not in _GLUE]
    return len(toks) >= 2 and all(t.pos_ in {"NOUN", "PROPN"} for t in toks)


def _compound_base(run: Sequence[Token]) -> list[Token] | None:
    """ "face recognition" in "face recognition algorithms": a noun compound before a
    generic head is a term of its own."""
    return _trimmed_base(_trim(run))


def _trimmed_base(toks: Sequence[Token]) -> list[Token] | None:
    """:func:`_compound_base` of a run already trimmed by :func:`_trim`."""
    if len(toks) >= 3 and toks[-1].lower_ in GENERIC_HEADS | {"algorithms", "tasks", "models"}:
        base = list(toks[:-1])
        if _is_compound(base):
            return base
    return None


_EXAMPLE_CUE = re.compile(r"\b(?:e\.?g\.?|for example|for instance|such as|like)\b", re.I)


def _list_items(sent: Span, chunks: list[Span]) -> Iterator[tuple[list[Token], bool]]:
    """Items of an enumeration ("used for data compression (...), denoising (...), and
    feature extraction"), read from the tokens, so that items the parser does not
    chunk are found too; with whether each stands after an example cue ("e.g.")."""
    text = span_text(sent)
    lower = text.lower()
    if text.count(",") + text.count(";") + lower.count("and") + lower.count("or") < 2:
        return  # fewer than two separators: fewer than three items
    items: list[list[Token]] = [[]]
    depth = 0
    for tok in sent:
        if tok.text in {"(", "["}:
            depth += 1
        elif tok.text in {")", "]"}:
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif tok.text in {",", ";"} or (tok.pos_ == "CCONJ" and tok.lower_ in {"and", "or"}):
            items.append([])
        elif not tok.is_punct or tok.text in _GLUE:
            items[-1].append(tok)
    items = [i for i in items if i]
    if len(items) < 3:
        return
    # trimmed from the end, as far as the enumeration reaches
    trimmed: list[list[Token]] = [[] for _ in items]
    for k in range(len(items) - 1, -1, -1):
        trimmed[k] = _trim(runs[-1]) if (runs := _split_runs(items[k])) else []
        if not _nominal(trimmed[k]):
            break
    # the enumeration is the run of noun-phrase items at the end, led by the last noun
    # phrase before it ("... are used for data compression, denoising, and feature
    # extraction"); a run of clauses is no enumeration
    start = len(trimmed)
    while start > 0 and _nominal(trimmed[start - 1]):
        start -= 1
    if start > 0:
        lead = items[start - 1]
        last_chunk = next((c for c in reversed(chunks) if c.end <= lead[-1].i + 1), None)
        if last_chunk is not None and last_chunk.start >= lead[0].i:
            trimmed[start - 1] = _trim(list(last_chunk))
            start -= 1
    enumeration = [item for item in trimmed[start:] if _nominal(item)]
    if len(enumeration) < 3:
        return
    cue = _EXAMPLE_CUE.search(span_text(sent))
    cue_at = sent.start_char + cue.start() if cue else None
    for item in enumeration:
        yield item, cue_at is not None and item[0].idx > cue_at


def _nominal(toks: Sequence[Token]) -> bool:
    """A short noun phrase, or a gerund naming a technique ("denoising")."""
    words = [t for t in toks if t.text not in _GLUE]
    if len(words) == 1:
        word = words[0]
        return word.pos_ in {"NOUN", "PROPN"} or word.tag_ == "VBG" or is_acronym(word.text)
    glued = {t.i for t in toks if t.i > 0 and (t.nbor(-1).text in _GLUE or _hyphen_after(t))}
    return (
        2 <= len(words) <= 4
        and all(t.pos_ in {"NOUN", "PROPN", "ADJ"} or t.i in glued for t in words)
        and words[-1].pos_ in {"NOUN", "PROPN"}
    )


def _listed_chunks(sent: Span, chunks: list[Span], *, whole_line: bool) -> set[int]:
    """Token indices of noun phrases the parser sees listed: a coordination of three
    or more, a pair joined by "/" or "&", or a line that is nothing but a short noun
    phrase (a list item). :func:`_list_items` reads enumerations the parser misses."""
    listed: set[int] = set()
    cue = _EXAMPLE_CUE.search(span_text(sent))
    if cue:  # what follows an example cue is an example, not a listed term
        chunks = [c for c in chunks if c.start_char < sent.start_char + cue.start()]
    for chunk in chunks:
        head = chunk.root
        while head.dep_ == "conj" and head.head != head:
            head = head.head
        members = [head, *(t for t in head.subtree if t.dep_ == "conj")]
        if len(members) >= 3 or any(t.text in {"/", "&"} for t in chunk):
            listed.update(t.i for t in chunk)
    if whole_line and len(chunks) == 1:
        chunk = chunks[0]
        rest = [t for t in sent if not (chunk.start <= t.i < chunk.end) and not t.is_punct]
        if not rest and len(chunk) <= 6:
            listed.update(t.i for t in chunk)
    return listed


def _acronym_tokens(span: Span | Doc) -> Iterator[Token]:
    for tok in span:
        if is_acronym(tok.text) and not _URL.search(tok.text):
            yield tok


_PAREN_PAIR = re.compile(
    r"(?P<long>[A-Za-z][\w'’\- ]{2,80}?)\s*\(\s*(?P<short>[A-Za-z][\w\-]{1,10})\s*\)"
)
_PAREN_REVERSED = re.compile(
    r"\b(?P<short>[A-Z][A-Za-z0-9\-]{1,9})\s*\(\s*(?P<long>[A-Za-z][\w'’\- ]{3,80}?)\s*\)"
)
_STANDS_FOR = re.compile(
    r"^(?P<short>[A-Z][A-Za-z0-9\-]{1,9})\s+(?:stands for|means|is short for)\s*(?P<long>.*)$",
    re.IGNORECASE,
)


def _expansion_from(long: str, short: str) -> str | None:
    """The words of ``long`` that ``short`` abbreviates (the shortest tail that matches)."""
    words = long.split()
    for start in range(len(words) - 1, -1, -1):
        tail = " ".join(words[start:])
        if initials_match(short, tail):
            return tail
    return None


def alias_pairs(text: str) -> Iterator[tuple[str, str]]:
    """``(acronym, expansion)`` pairs that a sentence states.

    >>> list(alias_pairs("Long Short-Term Memory (LSTM) networks"))
    [('LSTM', 'Long Short-Term Memory')]
    >>> list(alias_pairs("ReLU (Rectified Linear Unit) activation"))
    [('ReLU', 'Rectified Linear Unit')]
    """
    if "(" not in text:
        return
    for m in _PAREN_PAIR.finditer(text):
        short = m.group("short")
        if is_acronym(short) and (long := _expansion_from(m.group("long"), short)):
            yield short, long
    for m in _PAREN_REVERSED.finditer(text):
        short, long = m.group("short"), m.group("long")
        if is_acronym(short) and initials_match(short, long):
            yield short, long


# -- the extractor ------------------------------------------------------------------


@dataclass
class ConceptIndex:
    """The concepts of a set of cards, and where each is mentioned."""

    concepts: dict[str, Concept]
    mentions: dict[str, list[Evidence]]
    #: canonical id of every spelling key that was merged into a concept
    resolve: dict[str, str]
    #: the parsed segments, for later stages (relations)
    segments: list[tuple[Segment, Doc]] = field(default_factory=list)
    #: card id -> (concept id, evidence) for every mention in that card
    card_mentions: dict[str, list[tuple[str, Evidence]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    _card_subjects: dict[str, list[str]] | None = field(default=None, repr=False)
    _headings: dict[tuple[str, int], str] = field(default_factory=dict, repr=False)
    _found: dict[str, str | None] = field(default_factory=dict, repr=False)
    _first_words: frozenset[str] | None = field(default=None, repr=False)

    def lookup(self, tokens: Sequence[Token] | Span) -> str | None:
        """The concept a token run names ("the LSTM cells" -> "long short-term memory"),
        trying the whole run, then each coordinated part's last words; None if none."""
        toks = list(tokens)
        for run in [toks, *_coordinated(toks)]:
            for start in range(len(run)):
                phrase = _phrase(run[start:], lenient=True)
                if phrase and (found := self.find(phrase[0])):
                    return found
        return None

    def subjects(self, card: Card) -> list[str]:
        """The concepts a card is about: those it is the card of, else the one or two
        its question names, else the concept its innermost section heading names."""
        if self._card_subjects is None:
            self._card_subjects = defaultdict(list)
            for concept in self.concepts.values():
                for card_id in concept.cards:
                    self._card_subjects[card_id].append(concept.id)
            for seg, doc in self.segments:
                if seg.is_heading and (found := self.lookup(doc)):
                    self._headings[(seg.card.source, seg.line)] = found
        if found := self._card_subjects.get(card.id):
            return found
        named = list(
            dict.fromkeys(
                c for c, e in self.card_mentions.get(card.id, ()) if e.line == card.title_line
            )
        )
        if card.title and 1 <= len(named) <= 2:  # "How does a GRU control information?"
            return named
        for line in reversed(card.section_lines):
            if heading := self._headings.get((card.source, line)):
                return [heading]
        return []

    def first_words(self) -> frozenset[str]:
        """Lower-case first words (and their singular) of every name the index knows:
        a run of words can name a concept only if it starts with one of them."""
        if self._first_words is None:
            words = set()
            for name in [*self.resolve, *self.concepts]:
                parts = re.split(r"[\s\-–/]+", name.strip())
                if parts and parts[0]:
                    first = parts[0].lower()
                    words.update({first, singular(first), f"{first}s", f"{first}es"})
            self._first_words = frozenset(words)
        return self._first_words

    def find(self, name: str) -> str | None:
        """The concept id for a name (id, alias or spelling variant), else None."""
        if name in self.concepts:
            return name
        found = self._found.get(name, self)
        if found is self:
            found = self._found[name] = self.resolve.get(name) or self.resolve.get(match_key(name))
        return found

    def sentences(self) -> Iterator[tuple[Segment, Span]]:
        """Every parsed sentence with its segment (analogies excluded)."""
        for seg, doc in self.segments:
            for sent in sentences_of(doc):
                if not ANALOGY.search(span_text(sent)):
                    yield seg, sent


_PREPOSITIONS = frozenset("of in with for from on using via about between".split())


def _refine(tokens: Sequence[Token]) -> list[Token]:
    """The concept inside a question's subject.

    "function of the input gate" -> "input gate" (a generic word before "of"),
    "forget gate in LSTM" -> "forget gate" (a specific one), "Identifying Anomalies"
    -> "Anomalies" (a leading gerund).
    """
    toks = _trim(tokens)
    # "Identifying Anomalies", "Optimizing the Objective" -- but not "Learning rate"
    if (
        len(toks) > 1
        and (toks[0].tag_ == "VBG" or toks[0].lower_.endswith("ing"))
        and (toks[1].pos_ == "DET" or toks[-1].tag_ in {"NNS", "NNPS"} or is_acronym(toks[-1].text))
    ):
        toks = _trim(toks[1:])
    for i, tok in enumerate(toks):
        if tok.lower_ in _PREPOSITIONS and 0 < i < len(toks) - 1:
            left, right = _trim(toks[:i]), _trim(toks[i + 1 :])
            left_words = _words(left)
            # one common word ("function of", "role of") frames the subject; a
            # compound ("forget gate in LSTM") is the subject
            generic = not left_words or (
                len(left_words) == 1 and _zipf(left_words[0]) >= COMMON_ZIPF
            )
            return _refine(right) if generic else _refine(left)
    return toks


def _span_of(doc: Doc, text: str, start_at: int = 0) -> Span | None:
    at = span_text(doc).find(text, start_at)
    if at < 0:
        return None
    return doc.char_span(at, at + len(text), alignment_mode="expand")


_QUESTION_FORMATS = frozenset({"knowt", "brainscape", "quizlet", "qa-list"})
_SECTION_FORMATS = frozenset({"outline", "text", "markdown", "pdf", "docx"})


def _title_subjects(seg: Segment, doc: Doc) -> Iterator[tuple[tuple[str, str], str]]:
    """``((key, surface), how)`` for what a title is about; ``how`` is "subject" for the
    concept the card is about and "title" for the narrower concept inside a heading."""
    question = seg.card.format in _QUESTION_FORMATS and not _looks_like_term(seg.text)
    found = title_concept(seg.text, term=not question or _looks_like_term(seg.text))
    if not found:
        return
    span = _span_of(doc, found.name)
    if span is None:
        return
    runs = _split_runs(_refine(list(span)))
    for part in _coordinated(runs[0]) if runs else []:
        if phrase := _phrase(part, lenient=True):
            yield phrase, "subject"
    # A heading that joins two terms ("Anomaly Detection with Autoencoders") names a
    # topic of its own when its first term is specific.
    whole = _trim(list(span))
    preps = [t for t in whole if t.lower_ in _PREPOSITIONS]
    if not question and len(preps) == 1 and len(whole) <= 6:
        left = _words(_trim(whole[: whole.index(preps[0])]))
        if len(left) >= 2 and _specific(left) and (phrase := _phrase(whole, lenient=True)):
            yield phrase, "subject"
    if found.acronym:
        yield (singular_acronym(found.acronym), found.acronym), "subject"


def _title_pairs(seg: Segment) -> Iterator[tuple[str, str]]:
    """An acronym a title gives for its subject: "What are Deep Convolutional GANs?
    (DGANs)". Trusted when the acronym spells the name's initials, or ends with the
    acronym the name ends with and starts with its first letter ("DGAN", "Deep
    Convolutional GANs") -- not "ML" for "Maximum Likelihood Estimate"."""
    found = title_concept(seg.text, term=True)
    if found and found.acronym:
        short = singular_acronym(found.acronym)
        last = singular_acronym(found.name.split()[-1])
        if initials_match(short, found.name) or (
            is_acronym(last)
            and short.endswith(last)
            and short[:1].lower() == found.name[:1].lower()
        ):
            yield found.acronym, found.name


def _is_label(span: Span) -> bool:
    """A short noun phrase heading an explanation ("Reset gate: ..."), not a clause."""
    words = [t for t in span if not t.is_punct]
    glued = {t.i for t in span if t.i > 0 and (t.nbor(-1).text in _GLUE or _hyphen_after(t))}
    return 0 < len(words) <= 5 and not any(
        t.pos_ in {"VERB", "AUX"} or (t.pos_ == "ADP" and t.i not in glued) for t in words
    )


def _looks_like_term(title: str) -> bool:
    words = title.split()
    return 1 <= len(words) <= 5 and not title.rstrip().endswith(("?", ":"))


_SENTS = "concept_atlas_sents"
_TEXT = "concept_atlas_text"


def span_text(span: Span | Doc) -> str:
    """``span.text``, sliced from the doc's text, which is joined from its tokens once
    per doc (spaCy joins them again on every ``.text``).

    >>> doc = nlp_module.load()("A GRU gates.  An LSTM too.")
    >>> [span_text(s) for s in doc.sents] == [s.text for s in doc.sents]
    True
    """
    doc = span if isinstance(span, Doc) else span.doc
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text if span is doc else text[span.start_char : span.end_char]


def sentences_of(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, computed once per doc (spaCy walks every token each time)."""
    sents = doc.user_data.get(_SENTS)
    if sents is None:
        sents = doc.user_data[_SENTS] = list(doc.sents)
    return sents


@dataclass(frozen=True, slots=True)
class _View:
    """A sentence with its noun chunks and pattern matches (computed once per doc)."""

    sent: Span
    chunks: list[Span]
    matches: dict[str, list[tuple[int, int]]]  # table -> [(start, end)] in the doc


#: Cheap word checks that decide whether a pattern table can match a text at all.
_TRIGGERS = {
    "NAMING": re.compile(
        r"\b(?:called|termed|dubbed|named|known|referred|such|like|e\.?g|"
        r"including|example|instance)\b",
        re.IGNORECASE,
    ),
    "GLOSS": re.compile(r"\("),
    "DEFINING": re.compile(
        r"\b(?:is|are|refers?|denotes|means|describes|represents)\b", re.IGNORECASE
    ),
}


def _extend_hyphens(chunk: Span) -> Span:
    """Take in the words glued to a chunk by hyphens: "Sequence-to-sequence transformer"
    that the parser chunks as "sequence transformer"."""
    doc, start = chunk.doc, chunk.start
    while start >= 2 and doc[start - 1].text in _GLUE and not doc[start - 2].whitespace_:
        if doc[start - 1].whitespace_:
            break
        start -= 2
    return doc[start : chunk.end] if start != chunk.start else chunk


def _views(doc: Doc, nlp: Language, *, title: bool) -> Iterator[_View]:
    chunks = list(doc.noun_chunks)
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    text = span_text(doc)
    tables = [t for t, trigger in _TRIGGERS.items() if trigger.search(text)]
    if title:
        tables.append("NOUN_PHRASE")
    for table in tables:
        for _, start, end in patterns.matcher(nlp, table)(doc):
            found[table].append((start, end))
    chunks = [_extend_hyphens(c) for c in chunks]
    sents = sentences_of(doc)
    if len(sents) == 1:  # most segments are one sentence
        yield _View(sents[0], chunks, dict(found))
        return
    for sent in sents:
        inside = lambda s, e, sent=sent: sent.start <= s and e <= sent.end  # noqa: E731
        yield _View(
            sent,
            [c for c in chunks if inside(c.start, c.end)],
            {t: [(s, e) for s, e in spans if inside(s, e)] for t, spans in found.items()},
        )


def _named(view: _View) -> Iterator[list[Token]]:
    """Noun phrases introduced by name or as an example: "known as poisoning"."""
    doc = view.sent.doc
    for _, end in view.matches.get("NAMING", ()):
        chunk = next((c for c in view.chunks if c.start == end), None)
        if chunk is not None:
            yield list(chunk)
        elif end < len(doc) and doc[end].pos_ in {"NOUN", "PROPN"}:
            yield [doc[end]]


def _glossed(view: _View) -> Iterator[list[Token]]:
    """Both terms of a gloss: "a latent space (bottleneck)" -> latent space, bottleneck."""
    for start, end in view.matches.get("GLOSS", ()):
        inner = list(view.sent.doc[start + 2 : end - 1])
        outer = next((c for c in view.chunks if c.end == start + 1), None)
        if outer is not None and not is_acronym(inner[-1].text) and not _names_action(outer, inner):
            yield list(outer)
            yield inner


def _names_action(outer: Span, inner: list[Token]) -> bool:
    """Does a gloss name the action the phrase before it is part of? "Training the model
    on adversarial examples (adversarial training)" glosses the training, not the
    examples."""
    tok = outer.root
    for _ in range(3):
        if tok.dep_ not in {"pobj", "dobj", "prep"} or tok.head == tok:
            return False
        tok = tok.head
        if tok.pos_ == "VERB":
            return tok.lower_ in {t.lower_ for t in inner}
    return False


def _defined(view: _View) -> list[Token] | None:
    """The subject of a defining sentence ("Feature maps are outputs of a filter")."""
    chunks, sent = view.chunks, view.sent
    if not chunks or chunks[0].start - sent.start > 1:
        return None
    if any(start == chunks[0].end for start, _ in view.matches.get("DEFINING", ())):
        return list(chunks[0])
    return None


def segments_of(cards: Sequence[Card]) -> list[list[Segment]]:
    """The segments to parse, one list per source file in order of first appearance:
    its section headings (once each), then its cards' titles and body lines."""
    by_source: dict[str, list[Card]] = defaultdict(list)
    for card in cards:
        by_source[card.source].append(card)
    return [
        [*_heading_segments(group), *(seg for card in group for seg in card_segments(card))]
        for group in by_source.values()
    ]


def extract_concepts(
    cards: Sequence[Card],
    *,
    nlp: Language | None = None,
    order: Sequence[str] = (),
    parse: Callable[[Sequence[str]], list[Doc]] | None = None,
) -> ConceptIndex:
    """Concepts of ``cards``, each named once, with aliases, definition and mentions.

    Parameters
    ----------
    cards : sequence of Card
        All cards of a build, in course order.
    nlp : spacy.language.Language, optional
        The pipeline (default :func:`extraction.nlp.load`).
    order : sequence of str
        Source names in course order, for "where it first appears".
    parse : callable, optional
        Parses one file's segment texts (default: the pipeline, uncached); pass
        :meth:`extraction.cache.ParseCache.parse` to reuse earlier parses.
    """
    nlp = nlp or nlp_module.load()
    parse = parse or (lambda texts: list(nlp_module.pipe(texts, nlp=nlp)))
    segments: list[Segment] = []
    docs: list[Doc] = []
    for file_segments in segments_of(cards):
        segments.extend(file_segments)
        docs.extend(parse([seg.text for seg in file_segments]))
    with nlp_module.paused_gc():  # parsing is done: what follows makes objects that live on
        return _extract(segments, docs, nlp, order)


def _extract(
    segments: list[Segment], docs: list[Doc], nlp: Language, order: Sequence[str]
) -> ConceptIndex:
    """:func:`extract_concepts` after parsing."""
    file_rank = {name: i for i, name in enumerate(order)}
    candidates: dict[str, Candidate] = {}
    pairs: list[tuple[str, str]] = []
    occurrences: list[tuple[str, str, Evidence]] = []
    title_terms: dict[str, set[str]] = defaultdict(set)

    def note(
        key: str, surface: str, seg: Segment, sentence: str, flag: str = "", at: int = 0
    ) -> Candidate:
        cand = candidates.get(key)
        if cand is None:
            cand = candidates[key] = Candidate(key)
        cand.forms[surface] += 1
        cand.cards.add(seg.card.id)
        cand.sources.add(seg.card.source)
        if flag:
            cand.flags.add(flag)
        evidence = Evidence(seg.card.source, seg.line_at(at), sentence)
        if len(cand.mentions) < 50:
            cand.mentions.append(evidence)
        rank = (file_rank.get(seg.card.source, len(file_rank)), evidence.line, 0)
        cand.first = min(cand.first, rank)
        occurrences.append((seg.card.id, key, evidence))
        return cand

    for seg, doc in zip(segments, docs, strict=True):
        if seg.is_title:
            for (key, surface), how in _title_subjects(seg, doc):
                if seg.is_heading:
                    note(key, surface, seg, seg.text, "heading")
                    continue
                cand = note(key, surface, seg, seg.text, how)
                if how == "subject" and seg.card not in cand.subject_of:
                    cand.subject_of.append(seg.card)
            pairs.extend(_title_pairs(seg))
            if m := _STANDS_FOR.match(seg.text.strip()):
                body = seg.card.body.strip().splitlines()
                long = m.group("long") or (body[0] if body else "")
                if initials_match(m.group("short"), long):
                    pairs.append((m.group("short"), long.strip(" .")))
        elif (label := _LABEL.match(seg.text)) and (span := _span_of(doc, label.group(1))):
            if _is_label(span) and (phrase := _phrase(list(span), lenient=True)):
                cand = note(*phrase, seg, seg.text, "label")
                cand.definitions.append(Evidence(seg.card.source, seg.line, label.group(2)))
        elif seg.is_term and (phrase := _phrase(list(doc))):
            note(*phrase, seg, seg.text, "label")
        flag = "title" if seg.is_title else ""
        views = list(_views(doc, nlp, title=seg.is_title))
        for view in views:
            sent = view.sent
            text = span_text(sent).strip()
            if ANALOGY.search(text):
                continue
            pairs.extend(alias_pairs(text))
            listed = _listed_chunks(sent, view.chunks, whole_line=len(views) == 1)
            for run in _chunks(view.chunks):
                trimmed = _trim(run)  # once for the phrase and the compound checks
                if phrase := _trimmed_phrase(trimmed):
                    in_list = run[0].i in listed or run[-1].i in listed
                    how = flag or ("listed" if in_list else "")
                    cand = note(*phrase, seg, text, how, at=sent.start_char)
                    if any(t.is_title and t.i > sent.start and t.pos_ == "PROPN" for t in run):
                        cand.flags.add("proper")
                    if _trimmed_compound(trimmed):
                        cand.flags.add("compound")
                    if (base := _trimmed_base(trimmed)) and (phrase := _phrase(base)):
                        note(*phrase, seg, text, "compound", at=sent.start_char)
            for item, example in _list_items(sent, view.chunks):
                if phrase := _phrase(item, lenient=True):
                    cand = note(
                        *phrase, seg, text, "example" if example else "listed", at=sent.start_char
                    )
            cue = _EXAMPLE_CUE.search(text)
            cue_at = sent.start_char + cue.start() if cue else len(seg.text) + 1
            for tok in _acronym_tokens(sent):
                how = flag or ("listed" if tok.i in listed else "")
                how = how or ("example" if tok.idx > cue_at else "")
                note(singular_acronym(tok.text), tok.text, seg, text, how, at=sent.start_char)
            for run in _named(view):
                if phrase := _phrase(run):
                    note(*phrase, seg, text, "named", at=sent.start_char)
            glossed = [p for run in _glossed(view) if (p := _phrase(run))]
            for phrase in glossed:
                note(*phrase, seg, text, "named", at=sent.start_char)
            if len(glossed) == 2:  # "a latent space (bottleneck)": two names, one thing
                pairs.append((glossed[1][0], glossed[0][0]))
            for start, end in view.matches.get("NOUN_PHRASE", ()):
                if phrase := _phrase(list(sent.doc[start:end])):
                    title_terms[phrase[0]].add(seg.card.id)
            if not seg.is_title and (run := _defined(view)) and (phrase := _phrase(run)):
                cand = note(*phrase, seg, text, "defined", at=sent.start_char)
                cand.definitions.append(
                    Evidence(seg.card.source, seg.line_at(sent.start_char), text)
                )
    for key, card_ids in title_terms.items():
        if (cand := candidates.get(key)) is not None:
            cand.flags.add("title")
            cand.cards.update(card_ids)
    index = _merge_and_select(candidates, pairs, segments, docs)
    for card_id, key, evidence in occurrences:
        if (concept := index.resolve.get(key)) is not None:
            index.card_mentions[card_id].append((concept, evidence))
    return index


def _merge_and_select(
    candidates: dict[str, Candidate],
    pairs: Iterable[tuple[str, str]],
    segments: list[Segment],
    docs: list[Doc],
) -> ConceptIndex:
    """Merge the candidates that name one concept, then keep those that are concepts."""
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra

    # 1. spelling variants (case, hyphens, spaces, plurals) share a match key
    spelled: dict[str, str] = {}  # match key -> first candidate key
    for key in candidates:
        union(spelled.setdefault(match_key(key), key), key)
    words_of = {" ".join(k.lower().split()): k for k in candidates}

    def known(name: str) -> str | None:
        return spelled.get(match_key(name))

    multiword = [k for k in candidates if " " in k]
    # 2. an optional inner modifier: "targeted (adversarial) attack"
    for key in multiword:
        words = key.lower().split()
        for i in range(1, len(words) - 1):
            shorter = words_of.get(" ".join(words[:i] + words[i + 1 :]))
            if shorter:
                union(shorter, key)
    # 3. acronyms stated with their expansion, or spelled by the initials of one phrase
    for short, long in pairs:
        s_key, l_key = known(short), known(long)
        if s_key and l_key:
            union(l_key, s_key)
    acronyms = [k for k in candidates if " " not in k and is_acronym(k)]
    by_initials: dict[str, list[str]] = defaultdict(list)
    for k in multiword:
        for letters in initials(k):
            by_initials[letters].append(k)
    for a in acronyms:
        letters = re.sub(r"[^a-z]", "", singular_acronym(a).lower())
        spelled_out = {find(k) for k in by_initials.get(letters, ())}
        if len(spelled_out) == 1:
            union(spelled_out.pop(), a)
    # 4. "LSTM cell state" is the cell state (of the LSTM), when both are used
    for key in multiword:
        words = key.split()
        if len(words) >= 3 and is_acronym(words[0]) and (rest := known(" ".join(words[1:]))):
            union(rest, key)
    # 5. "many-to-one RNN" is the many-to-one (RNN) when "many-to-one" is used alone
    for key in multiword:
        words = key.split()
        if (
            is_acronym(words[-1])
            and (base := known(" ".join(words[:-1])))
            and _specific(words[:-1])
        ):
            union(base, key)
    # 6. a word used in a single compound ("compression" in "data compression")
    heads: dict[str, set[str]] = defaultdict(set)
    for key in multiword:
        heads[match_key(key.split()[-1])].add(find(key))
    for key, cand in candidates.items():
        if (
            " " not in key
            and not is_acronym(key)
            and not cand.subject_of
            and RARE_ZIPF <= _zipf(key) < COMMON_ZIPF  # a term by itself, or too vague
            and len(heads.get(match_key(key), ())) == 1
        ):
            union(next(iter(heads[match_key(key)])), key)
    # 7. "X cell", "X model", ... where X is used alone
    for key in multiword:
        words = key.split()
        base_words = words[:-1]
        if (
            words[-1].lower() in GENERIC_HEADS
            and _specific(base_words)
            and (base := known(" ".join(base_words)))
        ):
            union(base, key)

    merged: dict[str, list[Candidate]] = defaultdict(list)
    for key, cand in candidates.items():
        merged[find(key)].append(cand)
    return _select(merged, segments, docs)


def is_specific(words: Sequence[str]) -> bool:
    """Does a term have an acronym or a word rarer than Zipf 4 in general English?

    >>> is_specific(["attention", "mechanism"]), is_specific(["input", "data"])
    (False, False)
    >>> is_specific(["autoencoder"])
    True
    """
    return _specific(words)


def label_of(text: str) -> tuple[str, str] | None:
    """``(label, rest)`` of a "Label: explanation" line, else None.

    >>> label_of("Reset gate: decides what to forget")
    ('Reset gate', 'decides what to forget')
    """
    m = _LABEL.match(text)
    return (m.group(1), m.group(2)) if m else None


def _specific(words: Sequence[str]) -> bool:
    """Is a term specific: an acronym, or a word rare in general English?"""
    return any(is_acronym(w) or _zipf(w) < COMMON_ZIPF for w in words)


#: Flags that show the notes treat a term as a concept in its own right.
STRONG_FLAGS = frozenset({"label", "named", "defined"})
RARE_ZIPF = 3.0  # rarer than this in English: a term by itself
COMMON_DISCOUNT = 0.6  # importance kept by a term made only of common words


def _score(cands: list[Candidate]) -> tuple[float, bool]:
    """Evidence that a group of candidates is a concept, and whether it is one.

    A concept is what a card is about, or a term the notes single out (a label, a
    name, a defined subject, a question's words) that is specific, or a specific
    term that recurs across cards. Words common in general English ("training",
    "input data") need the notes to single them out.
    """
    subject = sum(len(c.subject_of) for c in cands) + any("heading" in c.flags for c in cands)
    cards = len(set().union(*(c.cards for c in cands)))
    sources = len(set().union(*(c.sources for c in cands)))
    mentions = sum(sum(c.forms.values()) for c in cands)
    flags = set().union(*(c.flags for c in cands))
    main = max(cands, key=lambda c: (sum(c.forms.values()), -len(c.key)))
    single = len(main.words) == 1 or all(len(c.words) == 1 for c in cands)
    acronym = any(is_acronym(c.key) for c in cands)
    specific = acronym or _specific(main.words)
    rare = acronym or any(_zipf(w) < RARE_ZIPF for w in main.words)
    strong = bool(flags & STRONG_FLAGS)
    score = (
        2.0 * min(subject, 3)
        + 0.8 * len(flags & STRONG_FLAGS)
        + 0.5 * ("title" in flags)
        + math.log1p(mentions)
        + 0.5 * (sources - 1)
        + 0.3 * math.log1p(cards)
    )
    if not specific:
        score *= COMMON_DISCOUNT  # "input data" is everywhere and says little
    singled_out = (
        subject > 0
        or strong
        or "title" in flags
        or "listed" in flags
        or ("example" in flags and (rare or "proper" in flags))
    )
    # named only by headings of prose sections (true too when only section headings name it)
    heading_only = subject > 0 and all(
        card.format in _SECTION_FORMATS for c in cands for card in c.subject_of
    )
    if single and not acronym and heading_only:
        # a one-word heading ("Metric", "Approach") is a concept only if it is rare
        # or the notes use it elsewhere
        keep = specific and (rare or cards >= 2)
    elif single and not acronym:
        keep = (specific and (singled_out or "proper" in flags)) or (rare and cards >= 2)
    elif single:
        keep = cards >= 2 or singled_out
    else:
        distinctive = acronym or any(_zipf(w) < 3.5 for c in cands for w in c.words)
        keep = (
            subject > 0
            or strong
            or ("title" in flags and (distinctive or cards >= 2))
            or (flags & {"listed", "example"} and (specific or "compound" in flags))
            or (specific and (cards >= 2 or mentions >= 3))
            or (specific and "proper" in flags)
        )
    return score, keep


def _select(
    merged: dict[str, list[Candidate]], segments: list[Segment], docs: list[Doc]
) -> ConceptIndex:
    concepts: dict[str, Concept] = {}
    mentions: dict[str, list[Evidence]] = {}
    resolve: dict[str, str] = {}
    scored = []
    for cands in merged.values():
        score, keep = _score(cands)
        if keep:
            scored.append((score, cands))
    top = max((s for s, _ in scored), default=1.0) or 1.0
    for score, cands in sorted(scored, key=lambda sc: -sc[0]):
        concept = _concept(cands)
        if concept.id in concepts:
            continue
        concept.importance = round(min(1.0, score / top), 3)
        concepts[concept.id] = concept
        mentions[concept.id] = sorted(  # stable: sentences of one line stay in text order
            dict.fromkeys(e for c in cands for e in c.mentions), key=lambda e: (e.source, e.line)
        )
        for c in cands:
            resolve[c.key] = concept.id
            resolve[match_key(c.key)] = concept.id
    return ConceptIndex(concepts, mentions, resolve, list(zip(segments, docs, strict=True)))


def _concept(cands: list[Candidate]) -> Concept:
    """Name, aliases and definition of a merged group."""
    forms: Counter[str] = Counter()
    for c in cands:
        forms.update(c.forms)
    acronyms = sorted({f for f in forms if is_acronym(f.split()[-1]) and " " not in f})
    expansions = [c for c in cands if " " in c.key or not is_acronym(c.key)]
    main = max(
        expansions or cands,
        key=lambda c: (len(c.subject_of) > 0, sum(c.forms.values()), -len(c.key)),
    )
    spelled = [
        c for c in expansions if any(initials_match(a, c.key, strict=True) for a in acronyms)
    ]
    bare = {c.key: c for c in cands}
    if spelled:  # the acronym's expansion names the concept: "long short-term memory"
        main = max(spelled, key=lambda c: (sum(c.forms.values()), len(c.key)))
    elif acronyms and (short_form := bare.get(singular_acronym(acronyms[0]))):
        main = short_form  # "GRU", not "GRU cell"
    elif len(main.words) > 1 and main.words[-1].lower() in GENERIC_HEADS:
        main = bare.get(" ".join(main.words[:-1]), main)  # "transformer", not "... model"
    # a plural key gives way to its singular when the group has it
    main = bare.get(concept_id(main.key.split()), main)
    # the most used spelling that is the singular of the key keeps its capitals
    # ("Long Short-Term Memory", "SmoothGrad"); otherwise the key itself
    singular_forms = [f for f in forms if concept_id(f.split()).lower() == main.key.lower()]
    label_form = max(singular_forms, key=lambda f: (forms[f], f[:1].isupper()), default="")
    keeps_case = label_form and any(
        is_acronym(w) or w[1:] != w[1:].lower() for w in label_form.split()
    )
    label = label_form if keeps_case else main.key
    if is_acronym(label):
        label = singular_acronym(label)
    short = singular_acronym(acronyms[0]) if acronyms else ""
    if short and short != main.key and short not in label:
        label = f"{label} ({singular_acronym(short)})"
    aliases = sorted(
        {f.lower() if not is_acronym(f) else f for f in forms} - {main.key, main.key.lower()},
        key=str.lower,
    )
    subject_cards = [card for c in cands for card in c.subject_of]
    first = min(cands, key=lambda c: c.first)
    concept = Concept(id=main.key, label=label, aliases=aliases)
    concept.mentions = sum(sum(c.forms.values()) for c in cands)
    concept.cards = sorted({card.id for card in subject_cards})
    if first.mentions:
        concept.first_seen = (first.mentions[0].source, first.mentions[0].line)
    for card in subject_cards:
        if card.body.strip():
            text = _definition_text(card.body)
            concept.definition = text
            concept.definition_evidence = Evidence(card.source, card.line_of(0), text)
            concept.topic = card.section[-1] if card.section else ""
            break
    if not concept.definition:
        stated = [e for c in cands for e in c.definitions]
        if stated:
            first_def = min(stated, key=lambda e: (e.source, e.line))
            concept.definition = first_def.text[:400]
            concept.definition_evidence = first_def
    return concept


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _definition_text(body: str, limit: int = 400) -> str:
    """The first sentence(s) of an answer, bullets stripped, up to ~``limit`` chars; a
    longer text is cut after its last whole sentence, else at a word with "…"."""
    lines = [_BULLET.sub("", line).strip() for line in body.splitlines()]
    lines = [line for line in lines if line]
    text = ""
    for line in lines:
        for sentence in _SENTENCE_END.split(line):
            if ANALOGY.search(sentence) and text:
                return _cut(text, limit)
            text = f"{text} {sentence}".strip() if text else sentence
            if len(text) >= 80:
                return _cut(text, limit)
        if len(text) >= 40:
            break
    return _cut(text, limit)


#: Words that never end a sentence: a definition ending with one (or a comma) goes on in
#: something the notes do not give as text (a formula, a figure).
_OPEN_END = re.compile(
    r"(?:,|\b(?:a|an|the|of|to|in|for|with|from|into|by|as|than|and|or|that|which|is|are))$",
    re.IGNORECASE,
)


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        if _OPEN_END.search(text):  # "... which can be defined as" [a display formula]
            return text.rstrip(",") + " …"
        return text
    head = text[:limit]
    ends = [m.end() for m in re.finditer(r"[.!?](?=\s)", head)]
    if ends and ends[-1] >= limit // 3:
        return head[: ends[-1]]
    return head.rsplit(" ", 1)[0].rstrip(",;:") + "…"
