"""Records -> the concept graph (a NetworkX ``MultiDiGraph``, schema concept-graph/1).

Cards are read by :mod:`extraction.readers`; :func:`extraction.concepts.extract_concepts`
names the concepts (each once, with aliases, definition and mentions); this module
turns them into nodes, and links a card's concept to the concepts its answer
mentions with weak ``related_to`` edges that cite the sentence.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from extraction import nlp as nlp_module
from extraction.cache import ParseCache, unusable
from extraction.readers import cited_name, read_bytes, read_paths
from extraction.records import Card, Evidence, ReadResult, Relation
from graph.io import SCHEMA, GraphFileError, read_graph, write_graph
from graph.topics import assign_topics, compute_importance

if TYPE_CHECKING:  # the NLP stages import spaCy and wordfreq: only a real build needs them
    from spacy.language import Language

    from extraction.concepts import ConceptIndex
    from extraction.logistic import LogisticModel

log = logging.getLogger(__name__)


#: What each stage of a build after the parse finds, for a progress line or bar
#: (:class:`extraction.nlp.Progress` names the stage).
BUILD_STAGES: dict[str, str] = {
    "candidates": "candidate terms",
    "merge": "which terms name the same concept",
    "features": "the evidence for each term",
    "selection": "the concepts",
    "relations": "typed relations",
    "prerequisites": "prerequisites",
    "mentions": "weak links",
    "topics": "topics",
}


#: A sentence naming more concepts than this gives no "same sentence" links: its pairs
#: grow as the square of its length (a 5,000-character run without full stops named
#: hundreds), and a list of everything links no two in particular. The most any sentence
#: of the seeds and dev2's notes names is 8; of d2l's 16,000, one table row names 139,
#: the next 20.
SAME_SENTENCE_MAX_CONCEPTS = 20


#: Most words of a list item that only names the concept its nested items are about.
NAMING_ITEM_WORDS = 6


def _one_name(named: set[str]) -> list[str]:
    """The concepts of a line that names one thing: the one concept, or a longer name
    and the concepts inside it ("ways to prevent erosion" and "erosion"); else none.

    >>> _one_name({"ways to prevent erosion", "erosion"}), _one_name({"erosion", "soil"})
    (['ways to prevent erosion', 'erosion'], [])
    """
    if len(named) <= 1:
        return list(named)
    longest = max(named, key=lambda c: (len(c), c))
    inside = [c for c in named if c != longest and f" {c} " in f" {longest} "]
    return [longest, *sorted(inside)] if len(inside) == len(named) - 1 else []


def _nested_mentions(card: Card, found) -> list[tuple[str, str, Evidence]]:
    """``(subject, target, evidence)`` for each concept a list item names that is nested
    under an item naming one concept only ("- **Osmosis**" over "  - moves water across
    a membrane"): what the nested items say, they say of that concept."""
    if not card.items or not found:
        return []
    by_line: dict[int, list[tuple[str, Evidence]]] = {}
    for concept, evidence in found:
        by_line.setdefault(evidence.line, []).append((concept, evidence))
    item_lines = {card.line_of(item.start) for item in card.items}
    out = []
    for item in card.items:
        parent = card.line_of(item.parent) if item.parent >= 0 else None
        if item.depth == 0 or parent not in item_lines:
            continue
        named = by_line.get(parent, ())
        subjects = _one_name({c for c, _ in named})
        if not subjects or len(named[0][1].text.split()) > NAMING_ITEM_WORDS:
            continue
        for concept, evidence in by_line.get(card.line_of(item.start), ()):
            for subject in subjects:
                if concept not in subjects:
                    out.append((subject, concept, evidence))
    return out


#: A sentence ending inside a text, before more words.
_SENTENCE_END = re.compile(r"[.!?]\s+\S")


def _whole_sentences(said: Collection[Evidence]) -> dict[Evidence, Evidence]:
    """Each part of a sentence that stands as a sentence of its own (the label before a
    colon, a bracket) -> the longest sentence of its line that holds it, one sentence:
    "Stage 2: Anaphase [chromatid split]" names both, though "Anaphase" and the bracket
    were read apart.

    >>> whole = Evidence("n.md", 4, "Stage 2: Anaphase [chromatid split]")
    >>> part, other = Evidence("n.md", 4, "[chromatid split]"), Evidence("n.md", 5, "Anaphase")
    >>> _whole_sentences([whole, part, other]) == {part: whole}
    True
    """
    by_line: dict[tuple[str, int], list[Evidence]] = {}
    for evidence in said:
        by_line.setdefault((evidence.source, evidence.line), []).append(evidence)
    whole = {}
    for same_line in by_line.values():
        if len(same_line) < 2:
            continue
        longest = sorted(same_line, key=lambda e: -len(e.text))
        for evidence in same_line:
            holder = next(
                (
                    e
                    for e in longest
                    if len(e.text) > len(evidence.text)
                    and evidence.text.strip() in e.text
                    and not _SENTENCE_END.search(e.text.strip())
                ),
                None,
            )
            if holder is not None:
                whole[evidence] = holder
    return whole


def _row_mentions(card: Card, found) -> list[tuple[str, str, Evidence]]:
    """``(subject, target, evidence)`` for each concept the other cells of a table row
    name, when the row's first cell is a concept's name and nothing more ("Osmosis" |
    "moves water across a membrane"): what the row says, it says of that concept. Not
    in a comparison table (:func:`~extraction.concepts.segments.compares`: "Factor |
    Iron | Copper"): there a row's cells say things of the compared columns."""
    if not card.tables or not found:
        return []
    from extraction.concepts.segments import compares

    by_line: dict[int, list[tuple[str, Evidence]]] = {}
    for concept, evidence in found:
        by_line.setdefault(evidence.line, []).append((concept, evidence))
    out = []
    for table in card.tables:
        if compares(table):
            continue
        for row, line in zip(table.rows, table.row_lines, strict=False):
            if not row or not row[0].strip():
                continue
            named = by_line.get(line, ())
            first = row[0].strip()
            subjects = _one_name({c for c, e in named if e.text.strip() == first})
            for concept, evidence in named if subjects else ():
                if concept not in subjects and evidence.text.strip() != first:
                    out.extend((subject, concept, evidence) for subject in subjects)
    return out


def mention_relations(index: ConceptIndex, cards: Sequence[Card]) -> list[Relation]:
    """``related_to`` edges, with the sentences they come from (at most three each).

    The concept a card is about (its own, else its section's) -> each concept its answer
    names (label ``"mentions"``), and the concept a list item only names -> each concept
    the items nested under it name (:func:`_nested_mentions`); and two concepts named in
    one sentence, neither of them the card's subject, the first named -> the other
    (label :data:`SAME_SENTENCE`), from 0.15 for one shared sentence up to 0.3: weaker
    than any typed edge; not for a sentence naming more than
    :data:`SAME_SENTENCE_MAX_CONCEPTS`; and, weaker still, two concepts one paragraph
    stresses in sentences of their own (:func:`stressed_together`).
    """
    edges: dict[tuple[str, str], Relation] = {}

    def mention(subject: str, target: str, evidence: Evidence) -> None:
        relation = edges.get((subject, target))
        if relation is None:
            relation = edges[(subject, target)] = Relation(
                subject, target, "related_to", 0.2, label="mentions"
            )
        if evidence not in relation.evidence and len(relation.evidence) < 3:
            relation.evidence.append(evidence)

    for card in cards:
        found = [*index.card_mentions.get(card.id, ()), *index.card_nested.get(card.id, ())]
        for subject in index.mentioned_by(card) if found else ():
            for target, evidence in found:
                if target != subject:
                    mention(subject, target, evidence)
        for subject, target, evidence in _nested_mentions(card, found):
            mention(subject, target, evidence)
        for subject, target, evidence in _row_mentions(card, found):
            mention(subject, target, evidence)
    for relation in edges.values():
        relation.confidence = round(min(0.5, 0.2 + 0.1 * len(relation.evidence)), 3)
    together: dict[frozenset[str], Relation] = {}
    for card in cards:
        by_sentence: dict = {}
        found = [*index.card_mentions.get(card.id, ()), *index.card_nested.get(card.id, ())]
        whole = _whole_sentences({evidence for _, evidence in found})
        for concept, evidence in found:
            by_sentence.setdefault(whole.get(evidence, evidence), []).append(concept)
        for evidence, named in by_sentence.items():
            named = list(dict.fromkeys(named))
            if len(named) > SAME_SENTENCE_MAX_CONCEPTS:
                continue  # a list of everything links no two in particular (and costs n^2)
            for i, a in enumerate(named):
                for b in named[i + 1 :]:
                    pair = frozenset((a, b))
                    if (a, b) in edges or (b, a) in edges:
                        continue
                    relation = together.get(pair)
                    if relation is None:
                        relation = together[pair] = Relation(
                            a, b, "related_to", 0.0, label=SAME_SENTENCE
                        )
                    # past SAME_SENTENCE_COUNTED sentences the confidence grows no more:
                    # a pair of frequent names shares thousands in a large deck, and
                    # each new one would be looked for among all those before it
                    if (
                        len(relation.evidence) < SAME_SENTENCE_COUNTED
                        and evidence not in relation.evidence
                    ):
                        relation.evidence.append(evidence)
    for relation in together.values():
        relation.confidence = same_sentence_confidence(len(relation.evidence))
        relation.evidence = relation.evidence[:3]
    stressed = stressed_together(
        index,
        cards,
        linked=lambda a, b: (a, b) in edges or (b, a) in edges or frozenset((a, b)) in together,
    )
    return [*edges.values(), *together.values(), *stressed]


#: Label of ``related_to`` edges between two concepts the notes stress (bold, italics)
#: in one paragraph or list item, in sentences of their own.
STRESSED_TOGETHER = "stressed together"


def stressed_together(
    index: ConceptIndex, cards: Sequence[Card], linked: Callable[[str, str], bool]
) -> list[Relation]:
    """``related_to`` edges (label :data:`STRESSED_TOGETHER`) between two concepts that
    one paragraph or list item of a card's body stresses, the first stressed -> the
    other, each citing the sentence that stresses each (two sentences, never the
    paragraph): an author who sets two names in bold in one paragraph explains them
    together ("A **cirque** is a hollow that a glacier carves. Its rim is an
    **arete**."). Not for a pair that ``linked`` says has a link already (one sentence
    naming both gives a stronger one), nor in a paragraph stressing more than
    :data:`SAME_SENTENCE_MAX_CONCEPTS` (its pairs grow as the square of their number;
    the most a paragraph of the seeds', dev2's or three d2l chapters' notes stresses
    is 7); weaker than a shared sentence (:func:`stressed_together_confidence`).
    """
    found: dict[frozenset[str], Relation] = {}
    paragraphs: Counter[frozenset[str]] = Counter()
    for card in cards:
        by_paragraph: dict[int, dict[str, Evidence]] = {}
        for concept, line, evidence in index.card_stressed.get(card.id, ()):
            by_paragraph.setdefault(line, {}).setdefault(concept, evidence)
        for stressed in by_paragraph.values():
            if len(stressed) > SAME_SENTENCE_MAX_CONCEPTS:
                continue  # everything stressed is nothing in particular (and costs n^2)
            named = list(stressed.items())
            for i, (a, said_a) in enumerate(named):
                for b, said_b in named[i + 1 :]:
                    pair = frozenset((a, b))
                    if said_a == said_b or linked(a, b):
                        continue  # one sentence names both: a link of its own, or none
                    if pair not in found:
                        found[pair] = Relation(
                            a, b, "related_to", 0.0, [said_a, said_b], label=STRESSED_TOGETHER
                        )
                    paragraphs[pair] += 1
    for pair, relation in found.items():
        relation.confidence = stressed_together_confidence(paragraphs[pair])
    return list(found.values())


def stressed_together_confidence(paragraphs: int) -> float:
    """The confidence of a weak link of two concepts stressed together in
    ``paragraphs`` paragraphs: 0.1 for one, up to 0.14, under one shared sentence's
    (:func:`same_sentence_confidence`).

    >>> [stressed_together_confidence(n) for n in (1, 2, 3, 50)]
    [0.1, 0.12, 0.14, 0.14]
    """
    return round(min(0.14, 0.08 + 0.02 * paragraphs), 3)


#: The most sentences a weak link of two concepts named in one sentence counts: its
#: confidence (:func:`same_sentence_confidence`) reaches its cap there.
SAME_SENTENCE_COUNTED = 4


def same_sentence_confidence(sentences: int) -> float:
    """The confidence of a weak link of two concepts named together in ``sentences``
    sentences: 0.15 for one, up to 0.3.

    >>> [same_sentence_confidence(n) for n in (1, 2, 3, SAME_SENTENCE_COUNTED, 50)]
    [0.15, 0.2, 0.25, 0.3, 0.3]
    """
    return round(min(0.3, 0.1 + 0.05 * sentences), 3)


def _words_before(text: str, budget: int) -> int:
    """The offset in ``text`` just after its first ``budget`` words (runs of characters
    between spaces); ``len(text)`` when it holds no more than that.

    >>> _words_before("Enzymes speed up reactions", 2), _words_before("pH", 5)
    (13, 2)
    """
    if budget <= 0:
        return 0
    for n, match in enumerate(re.finditer(r"\S+", text), start=1):
        if n == budget:
            return match.end()
    return len(text)


def _cut_card(card: Card, budget: int) -> Card:
    """``card`` with its title and the first ``budget`` words of its body (its tables
    left out): the lines, list items, emphasis and line starts of what is kept."""
    title_words = len(card.title.split())
    cut = _words_before(card.body, budget - title_words)
    body = card.body[:cut].rstrip()
    cut = len(body)
    kept_lines = body.count("\n") + 1 if body else 0
    last = card.line_of(max(0, cut - 1)) if body else card.title_line or card.lines[0]
    return replace(
        card,
        body=body,
        lines=(card.lines[0], max(card.lines[0], min(card.lines[1], last))),
        body_lines=card.body_lines[:kept_lines],
        line_starts=tuple(ls for ls in card.line_starts if ls[0] < cut),
        items=tuple(
            replace(item, end=min(item.end, cut)) for item in card.items if item.start < cut
        ),
        emphasis=tuple(
            e if e.part != "body" else replace(e, end=min(e.end, cut))
            for e in card.emphasis
            if e.part != "body" or e.start < cut
        ),
        tables=(),
    )


def _stop_line(card: Card, kept: Card | None) -> int:
    """The file line of the first word of ``card`` that ``kept`` (its cut) leaves out."""
    if kept is None:
        return card.lines[0]
    rest = card.body[len(kept.body) :]
    at = len(kept.body) + len(rest) - len(rest.lstrip())
    if at < len(card.body):
        return card.line_of(at)
    rows = [line for table in card.tables for line in table.row_lines[:1]]
    return rows[0] if rows else card.lines[1]


def _card_words(card: Card) -> int:
    """The words of ``card`` a build parses: its title, body and table cells."""
    words = len(card.title.split()) + len(card.body.split())
    for table in card.tables:
        for row in (table.header, *table.rows):
            words += sum(len(cell.split()) for cell in row)
    return words


def within_build_limit(results: Sequence[ReadResult], limit: int | None = None) -> list[ReadResult]:
    """``results`` with their cards kept within ``limit`` words in all (default
    :data:`extraction.limits.MAX_BUILD_WORDS`), in reading order: the card where the
    limit falls keeps its title and the words before it; the cards after it are left
    out. Each file that loses cards says so in one message naming the line where it
    stopped (``source.warnings``); a file left out whole is not read
    (``source.errors``). The results given are not changed (a file's reading may be
    shared, as in the app); those within the limit are returned as they are, so that
    calling it again changes nothing.

    A build's memory grows with the words it parses; past the limit it keeps what it
    read and states what it left out, never a silent loss.

    >>> from extraction.records import SourceInfo
    >>> card = lambda n, body: Card(f"n.md#{n}", "n.md", "markdown", (n, n), "Osmosis", body)
    >>> notes = ReadResult(SourceInfo("n.md"), [card(1, "Water moves."), card(2, "Still.")])
    >>> kept = within_build_limit([notes], limit=4)
    >>> [c.body for c in kept[0].cards], len(notes.cards[1].body)
    (['Water moves.', ''], 6)
    >>> print(kept[0].source.warnings[0].replace("; ", ";\\n"))
    stopped at line 2: the build's limit of 4 words (MAX_BUILD_WORDS) was reached;
    1 of 2 cards cut or left out
    >>> within_build_limit(kept, limit=4) == kept
    True
    """
    from extraction.limits import MAX_BUILD_WORDS

    limit = MAX_BUILD_WORDS if limit is None else limit
    left = limit
    out = []
    for result in results:
        if not result.cards:
            out.append(result)
            continue
        if left <= 0:
            said = (
                f"not read: the build had reached its limit of {limit:,} words "
                "(MAX_BUILD_WORDS) before this file"
            )
            source = replace(result.source, errors=[*result.source.errors, said])
            out.append(ReadResult(source, []))
            continue
        for i, card in enumerate(result.cards):
            words = _card_words(card)
            if words <= left:
                left -= words
                continue
            # the title and the words that fit; not even the title: the card is left out
            kept = [_cut_card(card, left)] if len(card.title.split()) <= left else []
            where = _stop_line(card, kept[0] if kept else None)
            gone = len(result.cards) - i
            said = (
                f"stopped at line {where}: the build's limit of {limit:,} words "
                f"(MAX_BUILD_WORDS) was reached; {gone:,} of {i + gone:,} cards cut or left out"
            )
            source = replace(result.source, warnings=[*result.source.warnings, said])
            result = ReadResult(source, [*result.cards[:i], *kept])
            left = 0
            break
        out.append(result)
    return out


#: Most prerequisites weighed and left out that a graph file keeps (the likeliest), for
#: ``explain``: the seeds leave out about 4,200; one 3 MB paragraph left out 176,000,
#: which took 78 MB of the file and most of the build's memory.
PREREQUISITES_REJECTED_KEPT = 10_000

#: Most rejected candidates a graph file keeps (the most probable), for ``explain``.
REJECTED_KEPT = 400


def rejected_candidates(index: ConceptIndex, limit: int = REJECTED_KEPT) -> list[dict]:
    """The candidate groups the selector did not keep, most probable first, each with its
    names, score and the reasons (``G.graph["candidates"]``: why a term is not a
    concept)."""
    from extraction.concepts.selection import record

    out = []
    for s in index.candidates:
        if s.kept:
            continue
        entry = record(s, reasons=4)
        del entry["features"], entry["kept"]
        entry["name"] = s.root
        entry["names"] = sorted(s.names, key=lambda n: (n.lower() != s.root.lower(), n))[:6]
        out.append(entry)
        if len(out) >= limit:
            break
    return out


#: Label of ``related_to`` edges between two concepts that only share sentences.
SAME_SENTENCE = "same sentence"


def _evidence(e: Evidence) -> dict:
    """``dataclasses.asdict(e)``, built directly (asdict deep-copies, field by field)."""
    return {"source": e.source, "line": e.line, "text": e.text}


class _Shared:
    """One object for each value a large graph holds many times over: the evidence of a
    sentence that many edges cite, the numbers of the selection records and edge
    features (mostly the same few values), and whole feature sets, roles and reasons
    that many concepts or edges have alike (a graph of 100,000 concepts from a CSV held
    27,000 distinct feature sets among its concepts and 8,300 among its 250,000 scored
    edges). A large graph holds about half a million of each; sharing them changes no
    value, only how many objects hold them (nothing changes a graph's evidence or
    records in place). Values are told apart by type too: ``1`` and ``1.0`` are written
    differently.

    >>> shared = _Shared()
    >>> e = Evidence("n.md", 3, "Enzymes speed up reactions.")
    >>> shared.evidence(e) is shared.evidence(Evidence("n.md", 3, "Enzymes speed up reactions."))
    True
    >>> a, b = shared.numbers({"x": 0.5, "n": 1}), shared.numbers({"x": 1 / 2, "n": 1.0})
    >>> a["x"] is b["x"], a, b
    (True, {'x': 0.5, 'n': 1}, {'x': 0.5, 'n': 1.0})
    >>> shared.mapping({"x": 0.5, "n": 1}) is shared.mapping({"x": 1 / 2, "n": 1})
    True
    >>> shared.mapping({"n": 1}) is shared.mapping({"n": 1.0})
    False
    >>> again = Evidence("n.md", 3, "Enzymes speed up reactions.")
    >>> shared.evidence_list([e]) is shared.evidence_list([again])
    True
    """

    __slots__ = ("_evidence", "_lists", "_mappings", "_numbers", "_pairs")

    def __init__(self) -> None:
        self._evidence: dict[Evidence, dict] = {}
        self._lists: dict[object, list[dict]] = {}
        self._numbers: dict[float, float] = {}  # floats only: 1.0 never stands for 1
        self._mappings: dict[tuple, dict] = {}
        self._pairs: dict[tuple, list] = {}

    def evidence(self, e: Evidence) -> dict:
        found = self._evidence.get(e)
        if found is None:
            found = self._evidence[e] = _evidence(e)
        return found

    def evidence_list(self, evidence: Sequence[Evidence]) -> list[dict]:
        """One list for every edge citing the same sentences (a sentence that links
        several pairs is cited by each of their edges)."""
        key = evidence[0] if len(evidence) == 1 else tuple(evidence)
        found = self._lists.get(key)
        if found is None:
            found = self._lists[key] = [self.evidence(e) for e in evidence]
        return found

    def number(self, x):
        if type(x) is not float:
            return x
        return self._numbers.setdefault(x, x)

    def numbers(self, values: Mapping[str, float]) -> dict:
        return {k: self.number(v) for k, v in values.items()}

    def mapping(self, values: Mapping[str, float]) -> dict:
        """One dict for every mapping of the same names to the same numbers (of the same
        types, in the same order)."""
        key = _flat_key(values.items())
        found = self._mappings.get(key)
        if found is None:
            found = self._mappings[key] = self.numbers(values)
        return found

    def pairs(self, pairs: Iterable[Sequence]) -> list:
        """One list for every list of the same ``[name, number]`` pairs."""
        pairs = [(f, w) for f, w in pairs]
        key = _flat_key(pairs)
        found = self._pairs.get(key)
        if found is None:
            found = self._pairs[key] = [[f, self.number(w)] for f, w in pairs]
        return found

    def record(self, record: dict) -> dict:
        """A selection record (:func:`extraction.concepts.selection.record`) with its
        numbers, feature set, roles and reasons shared."""
        record["features"] = self.mapping(record["features"])
        record["roles"] = self.mapping(record["roles"])
        record["reasons"] = self.pairs(record["reasons"])
        record["score"] = self.number(record["score"])
        record["threshold"] = self.number(record["threshold"])
        return record


def _flat_key(items: Iterable[tuple[str, object]]) -> tuple:
    """A hashable key for ``[name, value]`` items that tells ``1`` from ``1.0`` (equal in
    Python): names and values in one flat tuple, each value that is not a float followed
    by its type. A large graph keeps one key per distinct feature set; a tuple of
    ``(name, type, value)`` tuples cost three times as much.

    >>> _flat_key({"x": 0.5, "n": 1}.items())
    ('x', 0.5, 'n', 1, <class 'int'>)
    >>> _flat_key([("n", 1)]) == _flat_key([("n", 1.0)])
    False
    """
    key: list = []
    for name, value in items:
        key.append(name)
        key.append(value)
        if type(value) is not float:
            key.append(type(value))
    return tuple(key)


def _edge(r: Relation, shared: _Shared | None = None) -> dict:
    """The attributes of ``r``'s edge (``features`` only for a scored edge)."""
    shared = shared or _Shared()
    attrs = {
        "relation": r.relation,
        "confidence": shared.number(r.confidence),
        "evidence": shared.evidence_list(r.evidence),
        "label": r.label,
    }
    if r.features:
        attrs["features"] = shared.mapping(r.features)
    return attrs


#: Share of PageRank in a concept's importance; the rest is the evidence that the notes
#: single it out (what cards are about, labels, definitions, mentions).
GRAPH_IMPORTANCE_WEIGHT = 0.3


def build_graph(
    results: Sequence[ReadResult],
    *,
    nlp: Language | None = None,
    cache: ParseCache | None = None,
    models: Mapping[str, LogisticModel] | None = None,
    disabled: Collection[str] = (),
    progress: Callable[[nlp_module.Progress], None] | None = None,
) -> nx.MultiDiGraph:
    """The concept graph of the cards in ``results``.

    Parameters
    ----------
    results : sequence of ReadResult
        What :func:`extraction.readers.read_paths` returned, bad files included (they
        are listed in ``G.graph["sources"]`` with their errors).
    nlp : spacy.language.Language, optional
        The pipeline that reads the notes (default :func:`extraction.nlp.load`).
    cache : ParseCache, optional
        Reuse (and store) the parses of unchanged files.
    models : mapping of str to LogisticModel, optional
        Fitted models to use instead of the weights kept in ``extraction/weights``
        (``"selector"``: is a candidate a concept; ``"prerequisites"``: is one concept
        learned before another), for leave-one-file-out checks.
    disabled : collection of str
        Concept generators or merge rules to leave out, for ablations (see
        :func:`extraction.concepts.extract_concepts`).
    progress : callable, optional
        Told how far the build is, with an :class:`extraction.nlp.Progress`: the
        segments parsed after each batch, then each later stage as it starts, and
        ``Progress("done", 1, 1)`` at the end (default: nothing is told).

    Examples
    --------
    >>> from extraction.readers import read_paths
    >>> G = build_graph(read_paths(["data"]))
    >>> G.graph["schema"], G.number_of_nodes() > 5
    ('concept-graph/1', True)
    """
    from extraction.concepts import extract_concepts

    results = within_build_limit(results)  # as they were when build_cached or the CLI did
    cards = [card for result in results for card in result.cards]
    order = list(dict.fromkeys(card.source for card in cards))
    nlp = nlp or nlp_module.load()
    models = models or {}
    index = extract_concepts(
        cards,
        nlp=nlp,
        order=order,
        cache=cache,
        model=models.get("selector"),
        disabled=disabled,
        progress=progress,
    )
    tell = progress or (lambda _: None)
    with nlp_module.paused_gc(2):  # see paused_gc: the later stages parse nothing
        G = _graph(results, cards, index, models, tell)
        # the index (candidates, mentions, evidence) is in G now: its memory goes to the
        # topics and to writing the graph rather than to new pages
        del index
        nlp_module.release_memory()
        tell(nlp_module.Progress("topics", 0, 1))
        _rank(G)
    tell(nlp_module.Progress("done", 1, 1))
    return G


def headings_over(cards: Sequence[Card], index: ConceptIndex) -> dict[str, list[dict]]:
    """Concept id -> the headings over the place the notes define it (else first name
    it), outermost first, each as ``{source, line, text, names}``: ``names`` are the
    concepts the heading names, but words about the notes (``is_meta``: "summary", "key
    components"). Left out: a heading over every card of its file (the notes' own
    title), and one whose words head several sections ("Summary", "Discussion" closing
    each chapter: a part of the notes' layout, not a concept they teach). A learning
    path reads them (:mod:`graph.paths`): the concept a heading names frames what the
    notes explain under it. A heading names the concepts mentioned on its line and
    the concepts the notes define whose name or alias a run of its words spells (the
    longest run first; not a name of everyday words only): "Braising a tough cut",
    where the parser reads a verb.

    A bold label acts as a heading too, after the card's headings: a paragraph or list
    item in bold alone (a colon after it aside: "**Approach 2: Lock ordering**",
    "**memory**") over the list items under it, the place being in one of them (or in
    an item under them), when its words label no other such list and it does not name
    the concept (then it is the concept's own term over the items defining it)."""
    from extraction.relations import is_meta
    from graph.paths import NAME_MAX_WORDS
    from graph.paths import NAME_WORD as WORD  # words as a learning path looks names up

    by_line: dict[tuple[str, int], Card] = {}
    heading_cards: dict[tuple[str, int], Card] = {}
    per_file: dict[str, int] = defaultdict(int)
    enclosing: dict[tuple[str, int], int] = defaultdict(int)
    said: dict[str, int] = defaultdict(int)  # how many headings have these words
    labelled: dict[str, int] = defaultdict(int)  # how many bold labels have these words

    def words(text: str) -> str:
        return " ".join(text.lower().split())

    def labels_of(card: Card) -> dict[int, tuple[int, str]]:
        """Offset of each bold label of ``card``'s body that a list item is under ->
        (its file line, its text)."""
        parents = {item.parent for item in card.items if item.parent >= 0}
        if not parents:
            return {}
        bold = [(e.start, e.end) for e in card.emphasis if e.part == "body" and e.style == "bold"]
        found: dict[int, tuple[int, str]] = {}
        offset = 0
        for number, text in zip(card.body_lines, card.body.split("\n"), strict=False):
            label = text.rstrip().rstrip(":").rstrip()
            whole = (offset, offset + len(label))
            if (
                offset in parents
                and label
                and any(a <= whole[0] and whole[1] <= b for a, b in bold)
            ):
                found[offset] = (number, label)
            offset += len(text) + 1
        return found

    card_labels: dict[str, dict[int, tuple[int, str]]] = {}
    for card in cards:
        per_file[card.source] += 1
        for line in range(card.lines[0], card.lines[1] + 1):
            by_line.setdefault((card.source, line), card)
        if card.title_kind == "heading":
            heading_cards[(card.source, card.title_line)] = card
            said[words(card.title)] += 1
        for line in {*card.section_lines, card.title_line if card.title_kind == "heading" else -1}:
            enclosing[(card.source, line)] += 1
        if found := labels_of(card):
            card_labels[card.id] = found
            for _, text in found.values():
                labelled[words(text)] += 1
    made: dict[tuple[str, int], dict | None] = {}  # one record a heading, shared

    def everyday(concept: str) -> bool:  # the selector's ``common``: all words common
        selected = index.selected.get(concept)
        return selected is not None and selected.features.get("common", 0.0) >= 1.0

    def defined(concept: str) -> bool:
        return bool(index.concepts[concept].definition)

    def spelled(text: str) -> list[str]:
        """The concepts the notes define whose name or alias a run of the heading's
        words is, the longest run first ("Braising a tough cut": a name the
        parser read as a verb); not a name of everyday words only. A word the parser
        did not read as a name is one only when the notes explain it ("Running the
        code locally" names no "locally")."""
        spans = [(m.start(), m.end()) for m in WORD.finditer(text)]
        found: list[str] = []
        i = 0
        while i < len(spans):
            for k in range(min(NAME_MAX_WORDS, len(spans) - i), 0, -1):
                concept = index.find(text[spans[i][0] : spans[i + k - 1][1]])
                if concept is not None:  # a longer name holds the words, named or not
                    if defined(concept) and not everyday(concept):
                        found.append(concept)
                    i += k
                    break
            else:
                i += 1
        return found

    def record(card: Card | None, place: tuple[str, int], text: str) -> dict | None:
        found = index.card_mentions.get(card.id, ()) if card is not None else ()
        names = list(dict.fromkeys(c for c, e in found if e.line == place[1]))
        names = list(dict.fromkeys([*names, *spelled(text)]))
        names = [c for c in names if not is_meta(c)]
        return {"source": place[0], "line": place[1], "text": text, "names": names}

    def heading(place: tuple[str, int], text: str) -> dict | None:
        if place not in made:
            made[place] = None
            if enclosing[place] < per_file[place[0]] and said[words(text)] == 1:
                made[place] = record(heading_cards.get(place), place, text)
                if not made[place]["names"]:
                    made[place] = None
        return made[place]

    def labels_over(card: Card, line: int) -> list[dict]:
        """The bold labels over the body line of ``card`` where file line ``line`` is,
        outermost first."""
        labels = card_labels.get(card.id)
        if not labels:
            return []
        starts, offset = [], 0
        for number, text in zip(card.body_lines, card.body.split("\n"), strict=False):
            if number <= line:
                starts.append(offset)
            offset += len(text) + 1
        if not starts:
            return []
        parent_of = {item.start: item.parent for item in card.items}
        chain, at = [], parent_of.get(starts[-1], -1)
        while at >= 0 and at not in chain:
            chain.append(at)
            at = parent_of.get(at, -1)
        over = []
        for at in reversed(chain):
            if at in labels:
                number, text = labels[at]
                place = (card.source, number)
                if place not in made:
                    made[place] = None
                    if labelled[words(text)] == 1:
                        made[place] = record(card, place, text)
                        if not made[place]["names"]:
                            made[place] = None
                if made[place] is not None:
                    over.append(made[place])
        return over

    over: dict[str, list[dict]] = {}
    for concept in index.concepts.values():
        e = concept.definition_evidence
        place = (e.source, e.line) if e is not None else concept.first_seen
        card = by_line.get(tuple(place)) if place else None
        if card is None:
            continue
        # the headings over the card, when the notes give their lines (each with its own)
        placed = len(card.section_lines) == len(card.section)
        lines = list(card.section_lines) if placed else []
        titles = list(card.section) if placed else []
        if card.title_kind == "heading" and place[1] != card.title_line:
            lines.append(card.title_line)
            titles.append(card.title)
        pairs = zip(lines, titles, strict=False)
        found = [heading((card.source, line), text) for line, text in pairs]
        # a bold label that names the concept is its own term over the item defining it
        # ("**einstellung**" / "- initial thought ..."), no heading over it
        found += [h for h in labels_over(card, place[1]) if concept.id not in h["names"]]
        if any(found):
            over[concept.id] = [h for h in found if h is not None]
    return over


def _graph(
    results: Sequence[ReadResult],
    cards: list[Card],
    index: ConceptIndex,
    models: Mapping[str, LogisticModel],
    tell: Callable[[nlp_module.Progress], None] = lambda _: None,
) -> nx.MultiDiGraph:
    """The graph of ``index``: nodes, typed, prerequisite and mention edges (importance
    and topics are :func:`_rank`'s)."""
    from extraction.concepts import forget_name_caches
    from extraction.concepts.selection import record
    from extraction.prerequisites import (
        FEATURES,
        REJECTED,
        UNCITED,
        asked_about,
        prerequisite_decisions,
        reads_parse,
        singled_out,
        taught_through_kinds,
    )
    from extraction.relations import typed_relations

    G = nx.MultiDiGraph(
        schema=SCHEMA,
        model=nlp_module.pipeline_name(),
        sources=[asdict(r.source) for r in results],
    )
    shared = _Shared()
    rejected = rejected_candidates(index)
    selected = index.selected
    # the scored groups go: the rejected ones now, each kept one once its node holds
    # its record; no later stage reads them
    index.drop_candidates()
    under = headings_over(cards, index)
    for concept in index.concepts.values():
        evidence = concept.definition_evidence
        scored = selected.pop(concept.id, None)
        G.add_node(
            concept.id,
            label=concept.label,
            aliases=concept.aliases,
            definition=concept.definition,
            definition_evidence=shared.evidence(evidence) if evidence else None,
            importance=concept.importance,
            topic=concept.topic,
            mentions=concept.mentions,
            first_seen=list(concept.first_seen) if concept.first_seen else None,
            cards=concept.cards,
            selection=shared.record(record(scored)) if scored is not None else None,
        )
        if concept.id in under:
            G.nodes[concept.id]["under"] = under[concept.id]
    G.graph["candidates"] = rejected
    forget_name_caches()  # filled by the concept stage; what follows looks up far fewer
    tell(nlp_module.Progress("relations", 0, 1))
    typed = typed_relations(index)
    index.drop_parses(keep=reads_parse)  # the rest reads only headings' documents
    forget_name_caches()
    tell(nlp_module.Progress("prerequisites", 0, 1))
    prerequisites, rejected = prerequisite_decisions(
        index, typed, model=models.get("prerequisites"), keep_rejected=PREREQUISITES_REJECTED_KEPT
    )
    G.graph["prerequisite_features"] = dict(FEATURES)  # what explain_pair shows
    G.graph["prerequisite_uncited"] = sorted(UNCITED)  # features no sentence carries
    # what the notes single out, as the prerequisite stage reads it (a heading, a bold
    # run, an action heading, a question, its kinds): a learning path reads it too
    for concept in singled_out(index) | taught_through_kinds(index) | asked_about(index):
        if concept in G:
            G.nodes[concept]["singled_out"] = True
    index.drop_parses()  # no later stage reads a document
    G.graph["prerequisites_rejected"] = [
        {"source": r.source, "target": r.target, **_edge(r, shared), "reason": REJECTED[reason]}
        for r, reason in rejected
    ]
    del rejected
    linked = {frozenset((r.source, r.target)) for r in typed}
    # the typed and prerequisite edges go in now, before the weak links are found: each
    # relation's own features and evidence give way to the graph's shared ones (a large
    # build's 240,000 prerequisites) before the weak links take their memory; the edges
    # go in in the same order as ever: typed, prerequisites, then the weak links
    _add_edges(G, typed, shared)
    _add_edges(G, prerequisites, shared)
    tell(nlp_module.Progress("mentions", 0, 1))
    mentions = [
        r for r in mention_relations(index, cards) if frozenset((r.source, r.target)) not in linked
    ]
    del linked
    _add_edges(G, mentions, shared)
    return G


def _add_edges(G: nx.MultiDiGraph, relations: list[Relation], shared: _Shared) -> None:
    """Add ``relations`` to ``G`` as edges, in order, emptying the list: each relation is
    let go once it is an edge."""
    relations.reverse()
    while relations:
        relation = relations.pop()
        G.add_edge(relation.source, relation.target, **_edge(relation, shared))


def _rank(G: nx.MultiDiGraph) -> None:
    """Blend each concept's importance with its PageRank in ``G``, and give it a topic."""
    evidence = dict(G.nodes(data="importance"))
    for node, rank in compute_importance(G).items():
        blended = (1 - GRAPH_IMPORTANCE_WEIGHT) * evidence[node] + GRAPH_IMPORTANCE_WEIGHT * rank
        G.nodes[node]["importance"] = round(blended, 3)
    assign_topics(G)


def code_files() -> list[Path]:
    """The files of the code that turns notes into a graph: the modules of
    ``extraction`` and ``graph`` and the data they read (fitted weights, word lists),
    not compiled caches.

    >>> names = {p.name for p in code_files()}
    >>> {"build.py", "selector.json", "prerequisites.json"} <= names
    True
    """
    root = Path(__file__).resolve().parents[1]
    return sorted(
        path
        for package in ("extraction", "graph")
        for path in (root / package).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )


def code_version() -> str:
    """A digest of the code that turns notes into a graph (:func:`code_files`, names
    and contents): a memo from older code, or from other fitted weights, is never
    reused."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parents[1]
    for path in code_files():
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def build_key(results: Sequence[ReadResult]) -> str:
    """What a build depends on: every file's name, content and reading, the pipeline,
    and the code."""
    parts = [
        nlp_module.model_name(),
        nlp_module.model_version(),
        code_version(),
        *(f"{r.source.path}|{r.source.sha256}|{r.source.format}|{r.source.cards}" for r in results),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def build_cached(
    results: Sequence[ReadResult],
    *,
    cache_dir: str | Path | None,
    nlp: Language | None = None,
    warn: Callable[[str], object] | None = None,
    progress: Callable[[nlp_module.Progress], None] | None = None,
) -> nx.MultiDiGraph:
    """:func:`build_graph`, reusing earlier work under ``cache_dir`` (None: no cache);
    ``progress`` as in :func:`build_graph` (not called when the memo is reused).

    An unchanged set of notes reuses its finished graph (the memo, checked like any
    graph file and against the notes' sources: a memo that is corrupt, or written by
    someone else for other notes, is built again); otherwise each unchanged file reuses
    its parses and only changed files are parsed again.

    A cache that cannot be used (a file where the folder should be, a folder that
    cannot be written, a full disk ...) never stops the build: ``warn`` is told once,
    in one line naming the folder and the reason (default: a logged warning), and the
    graph is built without it.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from extraction.readers import read_paths
    >>> not_a_folder = pathlib.Path(tempfile.mkdtemp()) / "cache"
    >>> _ = not_a_folder.write_text("a file")
    >>> said = []
    >>> G = build_cached(read_paths(["data"]), cache_dir=not_a_folder, warn=said.append)
    >>> G.number_of_nodes() > 5, len(said), said[0].startswith(f"the cache folder {not_a_folder}")
    (True, 1, True)
    """
    results = within_build_limit(results)  # before the memo is looked up: its sources say so
    if cache_dir is None:
        return build_graph(results, nlp=nlp, progress=progress)
    tell = _once(warn or log.warning)
    memo = Path(cache_dir) / "graphs" / f"{build_key(results)}.json"
    G = _read_memo(memo, results)
    if G is not None:
        return G
    nlp = nlp or nlp_module.load()
    cache = ParseCache(cache_dir, nlp, warn=tell)
    G = build_graph(results, nlp=nlp, cache=cache, progress=progress)
    try:
        if memo.is_symlink() or (memo.exists() and not memo.is_dir()):
            memo.unlink()  # the cache's own file: replaced, never trusted
        write_graph(G, memo)
    except OSError as exc:  # a file or folder in the way, read-only, the disk full ...
        tell(unusable(Path(cache_dir), exc))
    return G


def _once(warn: Callable[[str], object]) -> Callable[[str], None]:
    """``warn``, called for the first message only (one warning per build)."""
    said: list[str] = []

    def once(message: str) -> None:
        if not said:
            said.append(message)
            warn(message)

    return once


def _read_memo(memo: Path, results: Sequence[ReadResult]) -> nx.MultiDiGraph | None:
    """The finished graph kept at ``memo`` if it is a valid graph file of these very
    notes; None otherwise (no memo, or one that cannot be trusted: built again)."""
    try:
        if not memo.is_file():
            return None
    except OSError:  # a folder that cannot be searched: the build says so
        return None
    try:
        G = read_graph(memo)
    except GraphFileError as exc:
        log.info("build memo %s", exc)
        return None
    if G.graph.get("sources") != [asdict(r.source) for r in results]:
        log.info("build memo %s: the graph of other notes; building again", memo)
        return None
    return G


def build_atlas(
    paths: Sequence[str | Path], uploads: Sequence[tuple[str, bytes]] = ()
) -> tuple[nx.MultiDiGraph, dict[str, Card]]:
    r"""Read note files and uploaded ``(name, bytes)`` pairs; return the graph and the
    cards by id. Uploads are cited by their cleaned name
    (:func:`extraction.readers.cited_name`); one named like a file on disk is cited as
    ``upload/<name>``, and colliding uploads are numbered.

    Examples
    --------
    >>> upload = b"What is an isotope?\nA variant.\nWhat is an ion?\nA charged atom.\n" * 2 + (
    ...     b"What is a molecule?\nA group of atoms.\n")
    >>> G, cards = build_atlas(["data"], [("extra.txt", upload)])
    >>> "isotope" in G and any(c.source == "extra.txt" for c in cards.values())
    True
    """
    results = read_paths(paths)
    taken = {Path(r.source.path).name for r in results}
    taken |= {card.source for r in results for card in r.cards[:1]}
    for name, data in uploads:
        cited = cited_name(name)  # what the cards will cite: never a path to follow
        if cited in taken:
            cited = cited_name(f"upload/{cited}")
        n = 2
        while cited in taken:  # two uploads whose cleaned names collide
            stem, dot, ext = cited.rpartition(".")
            cited = f"{stem} ({n}).{ext}" if dot else f"{cited} ({n})"
            n += 1
        taken.add(cited)
        results.append(read_bytes(data, path=Path(name), name=cited))
    cards = {card.id: card for result in results for card in result.cards}
    return build_graph(results), cards
