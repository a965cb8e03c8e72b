"""The concept index: the concepts of a build, every name that resolves to them, and
where each is mentioned; with the parsed segments for the relation stage."""

from __future__ import annotations

import re
import weakref
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from extraction.concepts.phrases import coordinated, match_key, phrase, singular
from extraction.concepts.segments import Segment, sentences_of, span_text
from extraction.concepts.selection import Scored
from extraction.concepts.words import ANALOGY, PRESENCE_FRAMES
from extraction.nlp import Parses
from extraction.records import Card, Concept, Evidence

#: A possessive ending of a word ("banker's", "Bayes'", "Hooke’s").
_POSSESSIVE = re.compile(r"(?<=\w)['’]s?$")
#: A name whose first two words share the rest: "lateral and medial moraine system",
#: "input/output buffer", "hand- or machine-weaving".
_SHARED_NAME = re.compile(r"(?i)^([a-z][\w]*)-? ?(?:/| (?:and|or|&) )([a-z][\w]*)[ -](\S.*)$")


class ParsedSegments(Sequence[tuple[Segment, "Doc | None"]]):
    """The ``(segment, document)`` pairs of a build, whose documents stay in their
    compact form (:class:`extraction.nlp.Parses`, about 50 bytes a short segment against
    5 KB for a live document) and are read back a batch at a time by each pass over
    them: a pass holds one batch of documents, and what it keeps of them (a span keeps
    its document), never all of them at once.

    Each pass reads the documents again, so that what one pass caches on a document
    (its sentences) is not there for the next; a batch's caches are emptied once the
    pass moves on, so that the documents nothing else holds are freed at once.
    :attr:`segments` gives the segments alone, without reading a document.

    >>> from extraction.nlp import Parses, load, pipe
    >>> parses = Parses(load().vocab)
    >>> parses.add(list(pipe(["A GRU gates.", "An LSTM remembers."])))
    >>> pairs = ParsedSegments(["first", "second"], parses)
    >>> len(pairs), [(seg, doc.text) for seg, doc in pairs], pairs[1][1].text
    (2, [('first', 'A GRU gates.'), ('second', 'An LSTM remembers.')], 'An LSTM remembers.')
    >>> pairs.segments
    ['first', 'second']
    """

    __slots__ = ("_parses", "segments")

    def __init__(self, segments: Sequence[Segment], parses: Parses) -> None:
        if len(segments) != len(parses):
            raise ValueError(f"{len(segments)} segments, {len(parses)} documents")
        self.segments = segments
        self._parses = parses

    def __len__(self) -> int:
        return len(self.segments)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return next(pair for k, pair in enumerate(self) if k == i)

    def __iter__(self) -> Iterator[tuple[Segment, Doc | None]]:
        segments = iter(self.segments)
        for docs in self._parses.batches():
            try:
                for doc in docs:
                    yield next(segments), doc
            finally:
                for doc in docs:  # sentences cached in user_data hold the doc in a cycle
                    doc.user_data.clear()

    def where(self, wanted: Callable[[Segment], bool]) -> Iterator[tuple[Segment, Doc]]:
        """The pairs whose segment ``wanted`` accepts, in order, reading back only
        their documents (:meth:`extraction.nlp.Parses.read`): a pass over the titles or
        the headings alone costs what they cost, not what every document costs.

        >>> from extraction.nlp import Parses, load, pipe
        >>> parses = Parses(load().vocab)
        >>> parses.add(list(pipe(["A GRU gates.", "An LSTM remembers."])))
        >>> pairs = ParsedSegments(["first", "second"], parses)
        >>> [(seg, doc.text) for seg, doc in pairs.where(lambda seg: seg == "second")]
        [('second', 'An LSTM remembers.')]
        """
        positions = [i for i, seg in enumerate(self.segments) if wanted(seg)]
        for batch in self._parses.read(positions):
            try:
                for i, doc in batch:
                    yield self.segments[i], doc
            finally:
                for _, doc in batch:
                    doc.user_data.clear()


def parsed_where(
    pairs: Sequence[tuple[Segment, Doc | None]], wanted: Callable[[Segment], bool]
) -> Iterator[tuple[Segment, Doc | None]]:
    """The ``(segment, document)`` pairs whose segment ``wanted`` accepts, reading back
    only their documents where the documents are kept packed (:class:`ParsedSegments`).

    >>> [seg for seg, _ in parsed_where([("a", None), ("b", None)], lambda s: s == "b")]
    ['b']
    """
    if isinstance(pairs, ParsedSegments):
        yield from pairs.where(wanted)
        return
    for seg, doc in pairs:
        if wanted(seg):
            yield seg, doc


def segments_only(pairs: Sequence[tuple[Segment, Doc | None]]) -> Sequence[Segment]:
    """The segments of ``(segment, document)`` pairs, without reading a document back
    (:class:`ParsedSegments`)."""
    if isinstance(pairs, ParsedSegments):
        return pairs.segments
    return [seg for seg, _ in pairs]


@dataclass
class ConceptIndex:
    """The concepts of a set of cards, and where each is mentioned.

    ``concepts``, ``mentions``, ``resolve`` and ``card_mentions`` are plain data (names
    and evidence); ``segments`` holds the parsed segments that the relation stage
    reads, and ``candidates`` every candidate group the selector scored, kept or not
    (for ``explain``).
    """

    concepts: dict[str, Concept]
    mentions: dict[str, list[Evidence]]
    #: canonical id of every name (key, written form, match key) merged into a concept
    resolve: dict[str, str]
    #: the parsed segments, for later stages (relations, prerequisites); a document is
    #: None once :meth:`drop_parses` has let it go
    segments: Sequence[tuple[Segment, Doc | None]] = field(default_factory=list)
    #: card id -> (concept id, evidence) for every mention in that card
    card_mentions: dict[str, list[tuple[str, Evidence]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    #: card id -> (concept id, evidence) for every concept named inside a longer name
    #: that is no concept ("osmosis" in "an osmosis experiment"), for the weak links alone
    card_nested: dict[str, list[tuple[str, Evidence]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    #: card id -> (concept id, line of its paragraph or list item, evidence) for every
    #: concept the card's body stresses (bold, italics), for the weak links alone
    card_stressed: dict[str, list[tuple[str, int, Evidence]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    #: every scored candidate group, most probable first
    candidates: list[Scored] = field(default_factory=list)
    #: concept id -> the scored group it was made from
    selected: dict[str, Scored] = field(default_factory=dict)
    _card_subjects: dict[str, list[str]] | None = field(default=None, repr=False)
    _headings: dict[tuple[str, int], str] = field(default_factory=dict, repr=False)
    #: (file, line) of a heading or title that gives an action -> the concept named by
    #: its noun (:meth:`action_named`)
    _actions: dict[tuple[str, int], str] = field(default_factory=dict, repr=False)
    _by_ending: dict[str, list[tuple[str, str]]] | None = field(default=None, repr=False)
    _found: dict[str, str | None] = field(default_factory=dict, repr=False)
    _first_words: frozenset[str] | None = field(default=None, repr=False)
    _halves: dict[str, str] | None = field(default=None, repr=False)
    _spans_named: tuple[weakref.ref[Doc], dict] | None = field(default=None, repr=False)

    def lookup(self, tokens: Sequence[Token] | Span) -> str | None:
        """The concept a token run names ("the LSTM cells" -> "long short-term memory"),
        trying the whole run, then each coordinated part's last words; None if none."""
        toks = list(tokens)
        for run in [toks, *coordinated(toks)]:
            for start in range(len(run)):
                found = phrase(run[start:], lenient=True)
                if found and (concept := self.find(found[0])):
                    return concept
        return None

    def subjects(self, card: Card, *, actions: bool = False) -> list[str]:
        """The concepts a card is about: those it is the card of, else the one or two
        its question names, else the concept its innermost section heading names. With
        ``actions``, a title or heading that gives an action names the concept made from
        it (:meth:`action_named`: "Prevent corrosion" over notes that name corrosion
        prevention), for the weak links alone: :meth:`mentioned_by`."""
        subjects = self._subjects()
        if actions and (found := self._actions.get((card.source, card.title_line))):
            return [found]
        if found := subjects.get(card.id):
            return found
        named = list(
            dict.fromkeys(
                c for c, e in self.card_mentions.get(card.id, ()) if card.in_title(e.line, e.text)
            )
        )
        if card.title and 1 <= len(named) <= 2:  # "How does a GRU control information?"
            return named
        for line in reversed(card.section_lines):
            if actions and (heading := self._actions.get((card.source, line))):
                return [heading]
            if heading := self._headings.get((card.source, line)):
                return [heading]
        return []

    def mentioned_by(self, card: Card) -> list[str]:
        """The concepts a card's mentions are linked from (:meth:`subjects` with
        ``actions``)."""
        return self.subjects(card, actions=True)

    def action_named(self, doc: Doc | Span) -> str | None:
        """The concept a heading that gives an action and its object names by a noun
        made from the verb, when the notes name that concept ("Prevent corrosion" ->
        "corrosion prevention", "Detect leaks" -> "leak detection"; "the presence of X"
        or "the occurrence of X" it acts on is X: `PRESENCE_FRAMES`); else None."""
        toks = [t for t in doc if not t.is_punct and not t.is_space]
        # the tagger often reads a capitalised verb opening a heading as a noun: the
        # concept made from the word is what shows it is a verb
        if len(toks) < 2 or not toks[0].is_alpha or toks[0].pos_ in {"DET", "ADP", "PRON"}:
            return None
        words = [t.lower_ for t in toks[1:] if t.pos_ != "DET"]
        if len(words) > 2 and words[0] in PRESENCE_FRAMES and words[1] == "of":
            words = words[2:]  # "Detect the presence of mould": mould detection
        obj = " ".join(words)
        verb = toks[0].lower_
        stem = verb[: max(4, len(verb) - 1)]
        if len(verb) < 4 or not obj:
            return None
        for noun, concept in self._endings().get(obj, ()):
            if noun != verb and noun.startswith(stem) and len(noun) > len(verb):
                return concept
        return None

    def _endings(self) -> dict[str, list[tuple[str, str]]]:
        """Every name of two words or more by all but its last word: (last word,
        concept) pairs (made once)."""
        if self._by_ending is None:
            self._by_ending = defaultdict(list)
            for name, concept in self.resolve.items():
                *rest, last = name.lower().split() or [""]
                if rest:
                    self._by_ending[" ".join(rest)].append((last, concept))
        return self._by_ending

    def _subjects(self) -> dict[str, list[str]]:
        """Card id -> the concepts it is the card of (made once, with the concept each
        section heading names)."""
        if self._card_subjects is None:
            self._card_subjects = defaultdict(list)
            for concept in self.concepts.values():
                for card_id in concept.cards:
                    self._card_subjects[card_id].append(concept.id)
            for seg, doc in parsed_where(
                self.segments, lambda seg: seg.is_heading or seg.kind == "title"
            ):
                if found := self.action_named(doc):
                    self._actions[(seg.card.source, seg.line)] = found
                if seg.is_heading and (found := self.lookup(doc)):
                    self._headings[(seg.card.source, seg.line)] = found
        return self._card_subjects

    def drop_parses(self, keep: Callable[[Segment], bool] = lambda _: False) -> None:
        """Let the parsed documents go once the stages that read them are done, but
        those of the segments ``keep`` says a later stage reads: :attr:`segments` keeps
        every segment, with None for a document let go; what :meth:`subjects` needs of
        them is kept.

        A build's documents are a large part of its memory after the parse (about 5 KB a
        segment); each holds its sentences in ``user_data`` (a reference cycle), which is
        emptied so that the documents are freed at once rather than by a later full
        collection, and their memory is given back to the system
        (:func:`extraction.nlp.release_memory`).
        """
        from extraction.nlp import release_memory

        self._subjects()
        segments = segments_only(self.segments)
        if not isinstance(self.segments, ParsedSegments):
            for seg, doc in self.segments:
                if doc is not None and not keep(seg):
                    doc.user_data.clear()
        # packed documents: only the kept ones are read back
        kept = {id(seg): doc for seg, doc in parsed_where(self.segments, keep)}
        self.segments = [(seg, kept.get(id(seg))) for seg in segments]
        release_memory()

    def drop_candidates(self) -> None:
        """Let the scored candidate groups go (:attr:`candidates`, :attr:`selected`) once
        the graph holds what it keeps of them: with every name's candidates, roles,
        mentions and features they are the largest part of a large build's memory after
        the parse, and no stage after concept selection reads them (:meth:`scored`
        finds nothing afterwards).

        >>> index = ConceptIndex({}, {}, {}, candidates=[None], selected={"x": None})
        >>> index.drop_candidates()
        >>> index.candidates, index.selected
        ([], {})
        """
        self.candidates = []
        self.selected = {}

    def spans_named(self, doc: Doc) -> dict:
        """A memo of what the spans of ``doc`` name, for
        :func:`extraction.relations.mentions` (filled by it): the relation and
        prerequisite stages ask about the same sentence many times over, one card after
        another. Only the last document asked about is kept, so the memo holds one
        card's sentences, never the notes'.

        >>> from spacy.vocab import Vocab
        >>> index = ConceptIndex({}, {}, {})
        >>> doc = Doc(Vocab(), words=["a", "b"])
        >>> index.spans_named(doc)[(0, 2)] = ()
        >>> index.spans_named(doc), index.spans_named(Doc(Vocab(), words=["c"]))
        ({(0, 2): ()}, {})
        """
        held = self._spans_named
        if held is None or held[0]() is not doc:
            held = self._spans_named = (weakref.ref(doc), {})
        return held[1]

    def first_words(self) -> frozenset[str]:
        """Lower-case first words (and their singular) of every name the index knows:
        a run of words can name a concept only if it starts with one of them. A first
        word in the possessive counts without its ending too, since the tokenizer
        splits it off ("Hooke's law" opens with "hooke", "Archimedes' principle" with
        "archimedes"); a name two words share opens with either ("hand and machine weaving":
        :meth:`halves`).

        >>> index = ConceptIndex({}, {}, {"hooke's law": "h", "archimedes' principle": "a"})
        >>> {"hooke", "hookes", "archimedes"} <= index.first_words()
        True
        """
        if self._first_words is None:
            words = set()
            for name in [*self.resolve, *self.concepts]:
                parts = re.split(r"[\s\-–/]+", name.strip())
                if parts and parts[0]:
                    first = parts[0].lower()
                    words.update({first, singular(first), f"{first}s", f"{first}es"})
                    if (owner := _POSSESSIVE.sub("", first)) != first and owner:
                        words.update({owner, singular(owner), f"{owner}s"})
                if shared := _SHARED_NAME.match(name.strip()):  # its second half's
                    second = shared.group(2).lower()
                    words.update({second, singular(second), f"{second}s"})
            self._first_words = frozenset(words)
        return self._first_words

    def find(self, name: str) -> str | None:
        """The concept id for a name (id, alias or spelling variant), else None. A name
        that two words share ("warm and cold weather front") answers to each of
        them with the rest of the name ("cold weather front"), where that is no name
        of its own (:meth:`halves`).

        >>> index = ConceptIndex({}, {}, {"warm and cold weather front": "v"})
        >>> index.find("warm weather fronts"), index.find("cold weather front")
        ('v', 'v')
        """
        if name in self.concepts:
            return name
        found = self._found.get(name, self)
        if found is self:
            key = match_key(name)
            found = self.resolve.get(name) or self.resolve.get(key) or self.halves().get(key)
            self._found[name] = found
        return found

    def halves(self) -> dict[str, str]:
        """Match key -> concept, for each of two words a name shares the rest of ("hand
        and machine weaving": hand weaving, machine weaving; "input/output buffer"),
        but a half that is a name of its own or that the name's two halves would give
        to two different concepts (made once).

        >>> index = ConceptIndex({}, {}, {"hand and machine weaving": "w", "input buffer": "i",
        ...                               "input/output buffer": "b"})
        >>> sorted(index.halves().items())
        [('handweaving', 'w'), ('machineweaving', 'w'), ('outputbuffer', 'b')]
        """
        if self._halves is None:
            halves: dict[str, set[str]] = defaultdict(set)
            for name, concept in self.resolve.items():
                if m := _SHARED_NAME.match(name.strip()):
                    first, second, rest = m.groups()
                    for word in (first, second):
                        if f"{word} {rest}" not in self.resolve:
                            halves[match_key(f"{word} {rest}")].add(concept)
            self._halves = {
                key: next(iter(concepts))
                for key, concepts in halves.items()
                if len(concepts) == 1 and key not in self.resolve
            }
        return self._halves

    def sentences(self) -> Iterator[tuple[Segment, Span]]:
        """Every parsed sentence with its segment (analogies excluded)."""
        for seg, doc in self.segments:
            for sent in sentences_of(doc) if doc is not None else ():
                if not ANALOGY.search(span_text(sent)):
                    yield seg, sent

    def scored(self, name: str) -> Scored | None:
        """The scored candidate group a name belongs to (kept or not), else None."""
        key = match_key(name)
        for s in self.candidates:
            if any(match_key(n) == key for n in s.names):
                return s
        return None
