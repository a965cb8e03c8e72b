"""Concepts: the terms a student's notes are about, each named once, with why.

The stage runs in steps, each a module testable alone:

1. :mod:`~extraction.concepts.segments` -- the units spaCy parses (titles, headings,
   paragraphs, list items, table cells) with their structure;
2. :mod:`~extraction.concepts.candidates` -- one generator per kind of evidence (a
   card's term, a question's subject, a heading, a bold term, a label, a definition,
   an abbreviation, an enumeration, every noun phrase...);
3. :mod:`~extraction.concepts.phrases` -- names as the author wrote them and their keys
   (lemminflect for the singular);
4. :mod:`~extraction.concepts.merging` -- named merge rules, each merge with its reason;
5. :mod:`~extraction.concepts.features` -- named features of each group;
6. :mod:`~extraction.concepts.selection` -- a fitted logistic model decides, with
   weights kept as data;
7. :mod:`~extraction.concepts.definitions` -- name, aliases and definition;
8. :mod:`~extraction.concepts.index` -- the :class:`ConceptIndex` later stages use.

``extract_concepts(..., disabled={"emphasis", "typo"})`` leaves out generators or
merge rules by name, for ablations.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from typing import TYPE_CHECKING

import networkx as nx
from spacy.language import Language
from spacy.tokens import Doc

from extraction import nlp as nlp_module
from extraction.concepts.candidates import Collected, collect
from extraction.concepts.definitions import name_concept
from extraction.concepts.features import (
    group_features,
    link_words,
    rank_words,
    release_counted,
)
from extraction.concepts.index import ConceptIndex, ParsedSegments
from extraction.concepts.merging import merge
from extraction.concepts.phrases import concept_id, is_specific, match_key
from extraction.concepts.segments import (
    Segment,
    card_segments,
    label_of,
    segments_of,
    sentences_of,
    span_text,
)
from extraction.concepts.selection import Scored, evidence_score, select
from extraction.concepts.words import ANALOGY
from extraction.logistic import LogisticModel
from extraction.names import is_acronym
from extraction.records import Card, Evidence

if TYPE_CHECKING:
    from extraction.cache import ParseCache

__all__ = [
    "ANALOGY",
    "ConceptIndex",
    "Scored",
    "Segment",
    "card_segments",
    "concept_id",
    "extract_concepts",
    "forget_name_caches",
    "is_acronym",
    "is_specific",
    "label_of",
    "match_key",
    "segments_of",
    "sentences_of",
    "span_text",
]


def forget_name_caches() -> None:
    """Empty the caches of the word and name functions (name keys, singulars, plurals,
    word readings, words read as formulas). The concept stage fills each to its bound
    on a large build (two of 262,144 names, six of 65,536 words); the later stages look
    up far fewer names, so a build empties them when its concept stage is over and again
    after the typed relations, and the memory goes to the stages after it (the
    100,000-card CSV's peak: 1,524 -> 1,471 MB). Nothing changes but the time of a later call.

    >>> from extraction.names import match_key as key
    >>> key("Enzymes") == key("enzymes"); forget_name_caches(); key.cache_info().currsize
    True
    0
    """
    from extraction import names
    from extraction.concepts import candidates, phrases

    for cached in (
        names.is_acronym,
        names.match_key,
        phrases.singular,
        phrases.plural_forms,
        phrases.only_verb,
        phrases.only_adjective,
        phrases.plain_verb,
        phrases.match_key,
        phrases.rendered_word,
        candidates._adjective_or_adverb,
    ):
        clear = getattr(cached, "cache_clear", None)
        if clear is not None:  # a benchmark may stand a plain function in for one
            clear()


def extract_concepts(
    cards: Sequence[Card],
    *,
    nlp: Language | None = None,
    order: Sequence[str] = (),
    parse: Callable[[Sequence[str]], list[Doc]] | None = None,
    cache: ParseCache | None = None,
    model: LogisticModel | None = None,
    disabled: Collection[str] = (),
    progress: Callable[[nlp_module.Progress], None] | None = None,
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
    cache : ParseCache, optional
        Reuse earlier parses and store new ones (instead of ``parse``): what it does not
        hold is parsed as a build without it is, by worker processes when it is large
        (:meth:`extraction.cache.ParseCache.parse_chunks`).
    model : LogisticModel, optional
        The selector (default: the weights in ``extraction/weights/selector.json``).
    disabled : collection of str
        Candidate generators (:data:`~extraction.concepts.candidates.GENERATORS`) or
        merge rules (:data:`~extraction.concepts.merging.RULES`) to leave out.
    progress : callable, optional
        Told how far the build is (:class:`extraction.nlp.Progress`): stage "parse"
        after each batch of at most :data:`PARSE_BATCH` segments (the candidate
        generators read each batch as it is parsed; the documents are then kept only
        compactly, :class:`extraction.nlp.Parses`, until the relation stage reads them
        back), then each later stage as it starts.

    Examples
    --------
    >>> from extraction.records import Card
    >>> card = Card("n.md#1", "n.md", "markdown", (1, 2), "Glaze",
    ...             "Glaze is a glassy coating fired onto pots.", title_kind="heading",
    ...             body_lines=(2,))
    >>> index = extract_concepts([card])
    >>> "glaze" in index.concepts
    True
    """
    nlp = nlp or nlp_module.load()
    own_parse = parse is None
    parse = parse or (lambda texts: list(nlp_module.pipe(texts, nlp=nlp)))
    tell = progress or (lambda _: None)
    files = segments_of(cards)
    segments = [seg for file_segments in files for seg in file_segments]
    parses = nlp_module.Parses(nlp.vocab)
    words = nx.Graph()  # what TextRank weighs, read from each document as it is parsed

    def parsed() -> Iterator[Doc]:
        """Each segment's document, parsed a batch at a time and kept only compactly
        (``parses``) once the candidate stage has read it."""
        done = 0
        chunks = [b for f in files for b in batches([seg.text for seg in f])]
        texts = [seg.text for seg in segments]
        workers = nlp_module.parallel_workers(texts) if own_parse and cache is None else 0
        if cache is not None:  # cached chunks read here, the others parsed as below
            packed = cache.parse_chunks(chunks)
        elif workers:  # parsed by worker processes and packed: read here, kept packed
            chunks = nlp_module.parallel_chunks(chunks)  # shared by the amount of text
            packed = nlp_module.parse_packed(chunks, workers=workers, nlp=nlp)
        else:
            packed = ((parse(batch), 0) for batch in chunks)
        for docs, count in packed:
            if isinstance(docs, bytes):
                parses.add_packed(docs, count)
                docs = nlp_module.unpack(docs, nlp.vocab)
            else:
                parses.add(docs)
            done += len(docs)
            tell(nlp_module.Progress("parse", done, len(segments)))
            for doc in docs:
                link_words(words, doc)
                yield doc
            for doc in docs:  # sentences cached in user_data hold the doc in a cycle
                doc.user_data.clear()
        tell(nlp_module.Progress("candidates", 0, 1))

    tell(nlp_module.Progress("parse", 0, len(segments)))
    with nlp_module.paused_gc():  # what follows the parse makes objects that live on
        found = collect(segments, parsed(), nlp, order=order, disabled=disabled)
        ranks = rank_words(words)
        uses = words.graph.get("uses", {})
        # TextRank's graph of co-occurring words (an edge per pair of content words
        # that ever stand near each other) is read by nothing after its ranks: let it
        # go before the merge, features and selection, where a build's memory peaks
        words.clear()
        return _extract(segments, parses, found, ranks, model, disabled, tell, uses=uses)


#: Most segments parsed (and cached) in one call; a file with fewer is parsed at once.
PARSE_BATCH = 4096


def batches(texts: list[str], size: int = PARSE_BATCH) -> list[list[str]]:
    """``texts`` in runs of at most ``size`` (one run when they fit).

    >>> [len(b) for b in batches(["a"] * 5, size=2)]
    [2, 2, 1]
    """
    return [texts[i : i + size] for i in range(0, len(texts), size)] or [[]]


def _extract(
    segments: list[Segment],
    parses: nlp_module.Parses,
    found: Collected,
    ranks: dict[str, float],
    model: LogisticModel | None,
    disabled: Collection[str],
    tell: Callable[[nlp_module.Progress], None] = lambda _: None,
    *,
    uses: dict[int, int] | None = None,
) -> ConceptIndex:
    tell(nlp_module.Progress("merge", 0, 1))
    cards = {seg.card.id: seg.card for seg in segments}
    groups = merge(found.candidates, found.pairs, disabled=disabled, cards=cards)
    # each candidate is in its group now: the table of them by key and the alias pairs
    # are read no more (the rest of ``found`` is, once the concepts are named)
    found.candidates, found.pairs = {}, []
    tell(nlp_module.Progress("features", 0, 1))
    features = group_features(groups.groups, ranks=ranks, uses=uses)
    release_counted(groups.groups)  # read by the features alone
    tell(nlp_module.Progress("selection", 0, 1))
    scored = select(groups.groups, features, groups.merges, model, groups.refused_by_root)
    concepts = {}
    selected: dict[str, Scored] = {}
    mentions: dict[str, list[Evidence]] = {}
    resolve: dict[str, str] = {}
    for s in scored:
        if not s.kept:
            continue
        concept = name_concept(s.candidates)
        if concept.id in concepts:
            continue
        concept.importance = evidence_score(s)
        concepts[concept.id] = concept
        selected[concept.id] = s
        mentions[concept.id] = sorted(  # stable: sentences of one line stay in text order
            dict.fromkeys(e for c in s.candidates for e in c.mentions),
            key=lambda e: (e.source, e.line),
        )
        for c in s.candidates:
            for name in (c.key, *c.forms):
                resolve.setdefault(name, concept.id)
                resolve.setdefault(match_key(name), concept.id)
    index = ConceptIndex(
        concepts,
        mentions,
        resolve,
        ParsedSegments(segments, parses),
        candidates=scored,
        selected=selected,
    )
    for card_id, key, evidence in found.occurrences:
        if (concept_id_ := resolve.get(key)) is not None:
            index.card_mentions[card_id].append((concept_id_, evidence))
        else:  # "the osmosis experiment" names no concept but osmosis
            for inner in inner_concepts(key, found.nested, resolve):
                index.card_nested[card_id].append((inner, evidence))
    for card_id, line, key, evidence in found.stressed:
        if (concept_id_ := resolve.get(key)) is not None:
            index.card_stressed[card_id].append((concept_id_, line, evidence))
    return index


def inner_concepts(
    key: str, nested: dict[str, tuple[str, ...]], resolve: dict[str, str]
) -> list[str]:
    """The concepts named inside the name ``key`` (``nested``: the names that modify
    the head of each longer name), the longest only: "enzyme kinetics" in "enzyme
    kinetics model", not also "kinetics" when both are concepts.

    >>> nested = {"enzyme kinetics model": ("enzyme", "enzyme kinetics", "kinetics")}
    >>> inner_concepts("enzyme kinetics model", nested, {"enzyme kinetics": "ek", "kinetics": "k"})
    ['ek']
    """
    named = [name for name in nested.get(key, ()) if name in resolve]
    longest = [
        name
        for name in named
        if not any(f" {name} " in f" {other} " for other in named if other != name)
    ]
    return list(dict.fromkeys(resolve[name] for name in longest))
