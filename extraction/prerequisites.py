"""Prerequisite edges (``A prerequisite_of B``: learn A before B), as a DAG with evidence.

Two kinds of evidence order concepts for study:

- **Typed relations** (:func:`extraction.relations.typed_relations`), by the rules in
  :data:`STUDY_ORDER`: the general before the specific (``X is_a Y``: Y first; also
  ``example_of``), what is used before what uses it (``uses``), the problem before its
  remedy (``X addresses Y``: Y first), the cause before its effect (``causes``). A part
  and its whole (``part_of``) go in the order the notes introduce them: notes that
  present the LSTM and then its gates teach the whole first, notes that explain layers
  and then build a network from them teach the parts first. A part the notes call a
  building block of its whole, or a part of several wholes (an encoder, of the
  autoencoder and of the transformer), comes first. When the notes name both at once,
  a part they mostly mention with its whole (an LSTM's forget gate) is learned after
  it and a building block they use elsewhere too before it.
- **Names**: a concept whose name holds another's ("time series anomaly detection";
  "convolutional layer" holding "convolution", "neural network" holding "neuron",
  "BatchNorm" holding "batch", "TBPTT" holding "BPTT") is learned after it.
- **Definitions**: when the cards about B mention A more often than the cards about A
  mention B, A is needed to read B's definition; but when A is first named in the answer
  about B, B introduces A and comes first, unless A is a notion the notes use in more
  cards than B. Cards no concept owns count for what their question names, with the
  lowest confidence (below what learning paths follow). Pairs that a typed relation
  links are left to it.

Where the notes introduce each concept (``first_seen``) is a weak tiebreak: an edge
that goes against the course order loses a little confidence, one that follows it gains
a little. Cycles are broken by dropping the weakest edge on each (lowest confidence,
then least evidence), like :func:`graph.query.break_cycles`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

from extraction.concepts import ConceptIndex, is_acronym
from extraction.records import Evidence, Relation
from extraction.relation_patterns import BUILDING_BLOCK

PREREQUISITE = "prerequisite_of"

#: How a typed relation ``source -> target`` orders study: which end comes first
#: (``"source"`` or ``"target"``) and how much of the relation's confidence carries over.
STUDY_ORDER: dict[str, tuple[str, float]] = {
    "is_a": ("target", 0.95),
    "example_of": ("target", 0.8),
    "uses": ("target", 0.85),
    "addresses": ("target", 0.85),
    "causes": ("source", 0.7),
    "used_for": ("target", 0.5),  # the task or data before the tool made for it
}
#: Confidence of "A before B" when B's name contains A's ("backpropagation through time").
NAMED_AFTER = 0.6
#: Confidence of co-occurrence edges (A named wherever B is, B rarely where A is).
COOCCURRENCE_BASE, COOCCURRENCE_MIN_CARDS, COOCCURRENCE_MARGIN = 0.3, 2, 0.4
#: Weight of ``part_of`` edges, whichever way they order study.
PART_WEIGHT = 0.75
#: Share of a part's cards that also name its whole above which the whole comes first.
DEPENDENT_PART = 0.5
#: Confidence of a definition edge: base, per card of asymmetry, and ceiling.
DEFINITION_BASE, DEFINITION_STEP, DEFINITION_MAX = 0.3, 0.1, 0.55
#: Confidence change of an edge that follows (+) or goes against (-) the course order.
ORDER_BONUS, ORDER_PENALTY = 0.05, 0.1
#: Most evidence sentences kept per edge.
MAX_EVIDENCE = 3
#: Default floor on an edge's confidence: below it, definition and co-occurrence edges
#: chain into learning paths of dozens of loosely related concepts.
MIN_CONFIDENCE = 0.3


def _cards_naming(index: ConceptIndex) -> dict[str, set[str]]:
    """Concept id -> ids of the cards that name it or are about it."""
    cards: dict[str, set[str]] = defaultdict(set)
    for card_id, found in index.card_mentions.items():
        for concept, _ in found:
            cards[concept].add(card_id)
    for concept in index.concepts.values():
        cards[concept.id].update(concept.cards)
    return cards


def _rank(index: ConceptIndex, order: dict[str, int]) -> dict[str, tuple[int, int]]:
    """Concept id -> (file rank, line) where the notes first name it."""
    ranks = {}
    for concept in index.concepts.values():
        if concept.first_seen:
            source, line = concept.first_seen
            ranks[concept.id] = (order.get(source, len(order)), line)
    return ranks


def _course_order(index: ConceptIndex) -> dict[str, int]:
    order: dict[str, int] = {}
    for seg, _ in index.segments:
        order.setdefault(seg.card.source, len(order))
    return order


def typed_prerequisites(index: ConceptIndex, typed: Iterable[Relation]) -> list[Relation]:
    """Prerequisite edges implied by typed relations (see :data:`STUDY_ORDER`).

    Examples
    --------
    >>> from extraction.concepts import ConceptIndex
    >>> e = Evidence("n.txt", 3, "A GRU is a kind of RNN.")
    >>> [(r.source, r.target, r.confidence, r.label) for r in typed_prerequisites(
    ...     ConceptIndex({}, {}, {}), [Relation("GRU", "RNN", "is_a", 0.9, [e])])]
    [('RNN', 'GRU', 0.855, 'is_a')]
    """
    cards = _cards_naming(index)
    ranks = _rank(index, _course_order(index))
    typed = list(typed)
    wholes: dict[str, set[str]] = defaultdict(set)
    for r in typed:
        if r.relation == "part_of":
            wholes[r.source].add(r.target)
    edges = []
    for r in typed:
        if r.relation in STUDY_ORDER:
            first, weight = STUDY_ORDER[r.relation]
            a, b = (r.source, r.target) if first == "source" else (r.target, r.source)
        elif r.relation == "part_of":
            part, whole = r.source, r.target
            # a building block (so called, or of several wholes not parts of one another)
            # comes first
            if (
                r.label == BUILDING_BLOCK
                or len({w for w in wholes[part] if not wholes[w] & wholes[part]}) > 1
            ):
                a, b = part, whole
            elif part in ranks and whole in ranks and ranks[part] != ranks[whole]:
                # the notes introduce a whole and then explain its parts, or build it
                # from parts they have already explained
                a, b = (whole, part) if ranks[whole] < ranks[part] else (part, whole)
            else:
                named = cards.get(part, set())
                together = len(named & cards.get(whole, set())) / len(named) if named else 1.0
                a, b = (whole, part) if together >= DEPENDENT_PART else (part, whole)
            weight = PART_WEIGHT
        else:
            continue
        edges.append(
            Relation(a, b, PREREQUISITE, round(r.confidence * weight, 3), list(r.evidence),
                     label=r.relation)
        )  # fmt: skip
    return edges


def _names(index: ConceptIndex, concept: str) -> set[str]:
    c = index.concepts[concept]
    label = c.label.split(" (")[0]  # "long short-term memory (LSTM)"
    forms = {c.id, label, _CAMEL.sub(" ", c.id)}  # "BatchNorm" holds "batch"
    return {" ".join(f.lower().replace("-", " ").split()) for f in forms if f}


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
#: Adjectives that name their noun inside a name: "convolutional" -> "convolution",
#: "neural" -> "neuron".
_ADJECTIVES = [(re.compile(r"(?<=\w\w\w)ional\b"), "ion"), (re.compile(r"(?<=\w\w\w)al\b"), "on")]


def _noun_forms(name: str) -> set[str]:
    """``name`` and its spellings with an adjective turned into its noun."""
    return {name} | {pattern.sub(noun, name) for pattern, noun in _ADJECTIVES}


def name_prerequisites(index: ConceptIndex) -> list[Relation]:
    """``A prerequisite_of B`` when a name of B contains a name of A as whole words:
    "time series anomaly detection" builds on "anomaly detection".

    Examples
    --------
    >>> from extraction.records import Card
    >>> from extraction.concepts import extract_concepts
    >>> card = Card("n#1", "n.txt", "qa-list", (1, 2), "What is guided backpropagation?",
    ...             "A variant of backpropagation.", title_line=1, body_lines=(2,))
    >>> [(r.source, r.target) for r in name_prerequisites(extract_concepts([card]))]
    [('backpropagation', 'guided backpropagation')]
    """
    names = {c: _names(index, c) for c in index.concepts}
    evidence = {
        c: index.mentions.get(c, [])[:1] or ([e] if (e := concept.definition_evidence) else [])
        for c, concept in index.concepts.items()
    }
    owners: dict[str, set[str]] = defaultdict(set)  # a name -> the concepts named so
    for concept, concept_names in names.items():
        for name in concept_names:
            owners[name].add(concept)
    acronyms: dict[str, set[str]] = defaultdict(set)  # "LSTM" -> long short-term memory
    for concept in index.concepts.values():
        for alias in concept.aliases:
            if is_acronym(alias):
                acronyms[alias].add(concept.id)
    edges = []
    for b, b_names in names.items():
        if not evidence[b]:
            continue
        inner: set[str] = set()  # the concepts named by a run of words inside a name of b
        for name in {form for n in b_names for form in _noun_forms(n)}:
            words = name.split()
            for i in range(len(words)):
                for j in range(i + 1, len(words) + 1):
                    if j - i < len(words):
                        inner |= owners.get(" ".join(words[i:j]), set())
            if len(words) == 1 and is_acronym(index.concepts[b].id):
                # "TBPTT" is "BPTT" with one more word in front
                tail = words[0][1:]
                while len(tail) >= 3:
                    inner |= {a for a in owners.get(tail, ()) if is_acronym(index.concepts[a].id)}
                    tail = tail[1:]
        words = index.concepts[b].id.split()
        if len(words) > 1:  # "LSTM cell state" holds the LSTM, spelled in its own case
            inner |= {a for word in words for a in acronyms.get(word, ())}
        for a in sorted(inner):
            if a != b and not names[a] & b_names:
                edges.append(Relation(a, b, PREREQUISITE, NAMED_AFTER, evidence[b], label="name"))
    return edges


def cooccurrence_prerequisites(
    index: ConceptIndex, *, linked: Iterable[frozenset[str]] = ()
) -> list[Relation]:
    """``A prerequisite_of B`` when the cards naming B mostly name A too but the cards
    naming A seldom name B: A is the more general idea B is explained with (a reference
    distance, Liang et al. 2015). Needs at least :data:`COOCCURRENCE_MIN_CARDS` shared
    cards and a difference of :data:`COOCCURRENCE_MARGIN` between the two shares."""
    linked = set(linked)
    cards = _cards_naming(index)
    evidence: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    for found in index.card_mentions.values():
        by = defaultdict(list)
        for concept, e in found:
            by[concept].append(e)
        for a, a_evidence in by.items():
            in_a = set(a_evidence)
            for b, b_evidence in by.items():
                if a != b and len(held := evidence[(a, b)]) < MAX_EVIDENCE:
                    # the first sentence naming both, else the first naming b
                    held.append(next((e for e in b_evidence if e in in_a), b_evidence[0]))
    edges = []
    for (a, b), found in evidence.items():
        if frozenset((a, b)) in linked or a not in index.concepts or b not in index.concepts:
            continue
        both = len(cards[a] & cards[b])
        if both < COOCCURRENCE_MIN_CARDS:
            continue
        margin = both / len(cards[b]) - both / len(cards[a])
        if margin >= COOCCURRENCE_MARGIN:
            edges.append(
                Relation(a, b, PREREQUISITE, round(COOCCURRENCE_BASE * margin + 0.1, 3),
                         found[:MAX_EVIDENCE], label="co-occurrence")
            )  # fmt: skip
    return edges


def definition_prerequisites(
    index: ConceptIndex, *, linked: Iterable[frozenset[str]] = ()
) -> list[Relation]:
    """``A prerequisite_of B`` when B's cards mention A more often than A's cards
    mention B; pairs in ``linked`` are skipped.

    Examples
    --------
    >>> from extraction.records import Card
    >>> from extraction.concepts import extract_concepts
    >>> cards = [Card(f"n#{i}", "n.txt", "qa-list", (i, i), f"What is {name}?", body,
    ...               title_line=i, body_lines=(i,)) for i, (name, body) in enumerate([
    ...     ("an RNN", "A network with a loop."), ("an LSTM", "An RNN with gates.")])]
    >>> [(r.source, r.target) for r in definition_prerequisites(extract_concepts(cards))]
    [('RNN', 'LSTM')]
    """
    linked = set(linked)
    owned = {c.id: set(c.cards) for c in index.concepts.values()}
    subject_cards: dict[str, list[str]] = defaultdict(list)
    for concept in index.concepts.values():
        subject_cards[concept.id].extend(concept.cards)
    owned_cards = set().union(*owned.values())
    for card in dict.fromkeys(seg.card for seg, _ in index.segments if not seg.is_heading):
        if card.id not in owned_cards:
            for subject in index.subjects(card):  # what its question names
                subject_cards[subject].append(card.id)
    naming = _cards_naming(index)
    uses: dict[tuple[str, str], list[Evidence]] = defaultdict(list)  # (A, B): B's cards name A
    counts: dict[tuple[str, str], set[str]] = defaultdict(set)
    for b, card_ids in subject_cards.items():
        for card_id in card_ids:
            for a, evidence in index.card_mentions.get(card_id, ()):
                if a != b and a in index.concepts:
                    counts[(a, b)].add(card_id)
                    if evidence not in uses[(a, b)]:
                        uses[(a, b)].append(evidence)
    ranks = _rank(index, _course_order(index))
    title_lines = {(seg.card.source, seg.line) for seg, _ in index.segments if seg.is_title}
    edges = []
    for (a, b), named in counts.items():
        if frozenset((a, b)) in linked:
            continue
        asymmetry = len(named) - len(counts.get((b, a), ()))
        introduced = _introduced_in(index, a, named, title_lines)
        if (
            introduced
            and ranks.get(b, (0, 0)) <= ranks.get(a, (0, 0))
            and len(naming.get(a, ())) <= len(naming.get(b, ()))  # not a notion used all over
        ):
            # A is first named while B is explained: B introduces A
            a, b = b, a
        elif asymmetry <= 0:
            continue
        confidence = min(DEFINITION_MAX, DEFINITION_BASE + DEFINITION_STEP * (abs(asymmetry) - 1))
        if not (named & owned.get(b, set()) or counts.get((b, a), set()) & owned.get(a, set())):
            confidence = DEFINITION_BASE  # only cards whose question names the concept
        edges.append(
            Relation(a, b, PREREQUISITE, round(confidence, 3), uses[(a, b)][:MAX_EVIDENCE]
                     or uses[(b, a)][:MAX_EVIDENCE], label="definition")
        )  # fmt: skip
    return edges


def _introduced_in(
    index: ConceptIndex, concept: str, card_ids: set[str], title_lines: set[tuple[str, int]]
) -> bool:
    """Is ``concept`` first named in the answer of one of ``card_ids`` (not in its
    question, where it only sets the scene: "the forget gate in LSTM")? ``title_lines``
    are the (source, line) of every question."""
    first = index.concepts[concept].first_seen
    if first is None:
        return False
    for card_id in card_ids:
        for named, evidence in index.card_mentions.get(card_id, ()):
            at = (evidence.source, evidence.line)
            if named == concept and at == tuple(first) and at not in title_lines:
                return True
    return False


def _merge(edges: Iterable[Relation], ranks: dict[str, tuple[int, int]]) -> list[Relation]:
    """One edge per pair and direction (noisy-or of confidences, evidence pooled), the
    course order applied, and of two opposite edges only the stronger."""
    merged: dict[tuple[str, str], Relation] = {}
    for r in edges:
        if r.source == r.target:
            continue
        held = merged.get((r.source, r.target))
        if held is None:
            merged[(r.source, r.target)] = Relation(
                r.source, r.target, PREREQUISITE, r.confidence, list(r.evidence)[:MAX_EVIDENCE],
                label=r.label,
            )  # fmt: skip
            continue
        held.confidence = 1.0 - (1.0 - held.confidence) * (1.0 - r.confidence)
        for e in r.evidence:
            if e not in held.evidence and len(held.evidence) < MAX_EVIDENCE:
                held.evidence.append(e)
        if r.label not in held.label.split("+"):
            held.label = f"{held.label}+{r.label}"
    for (a, b), r in merged.items():
        if a in ranks and b in ranks and ranks[a] != ranks[b]:
            r.confidence += ORDER_BONUS if ranks[a] < ranks[b] else -ORDER_PENALTY
        r.confidence = round(min(0.95, max(0.05, r.confidence)), 3)
    kept = []
    for (a, b), r in merged.items():
        other = merged.get((b, a))
        if other is None or (r.confidence, len(r.evidence), a) > (
            other.confidence,
            len(other.evidence),
            b,
        ):
            kept.append(r)
    return kept


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
    by_pair = {(r.source, r.target): r for r in edges}
    D = nx.DiGraph()
    D.add_edges_from(sorted(by_pair))
    strength = lambda p: (-by_pair[p].confidence, -len(by_pair[p].evidence), p)  # noqa: E731
    dropped: set[tuple[str, str]] = set()
    # Cycles live inside strongly connected components. In each, edges are kept from
    # the strongest down and an edge that would close a cycle is dropped: on every
    # cycle it is the weakest edge that goes, with no search of the whole graph.
    for component in nx.strongly_connected_components(D):
        if len(component) < 2:
            continue
        kept = nx.DiGraph()
        kept.add_nodes_from(component)
        for u, v in sorted(D.subgraph(component).edges, key=strength):
            if nx.has_path(kept, v, u):
                dropped.add((u, v))
            else:
                kept.add_edge(u, v)
    return [r for r in edges if (r.source, r.target) not in dropped]


def prerequisite_relations(
    index: ConceptIndex, typed: list[Relation], *, min_confidence: float = MIN_CONFIDENCE
) -> list[Relation]:
    """``prerequisite_of`` edges between the concepts of ``index``: acyclic, each with
    the evidence it was inferred from and its reason in ``label`` (the typed relation,
    ``"definition"``, or both joined by ``+``).

    Parameters
    ----------
    index : ConceptIndex
        What :func:`extraction.concepts.extract_concepts` returned.
    typed : list of Relation
        What :func:`extraction.relations.typed_relations` returned for ``index``.
    min_confidence : float
        Edges less confident than this (:data:`MIN_CONFIDENCE` by default) are left out,
        before cycles are broken.

    Examples
    --------
    >>> from extraction.records import Card
    >>> from extraction.concepts import extract_concepts
    >>> from extraction.relations import typed_relations
    >>> cards = [Card(f"n#{i}", "n.txt", "qa-list", (i, i), f"What is {name}?", body,
    ...               title_line=i, body_lines=(i,)) for i, (name, body) in enumerate([
    ...     ("an RNN", "A network with a loop."), ("a GRU", "A GRU is a kind of RNN.")])]
    >>> index = extract_concepts(cards)
    >>> [(r.source, r.target, r.label) for r in
    ...  prerequisite_relations(index, typed_relations(index))]
    [('RNN', 'GRU', 'is_a')]
    """
    typed = [r for r in typed if r.relation != "related_to"]
    linked = {frozenset((r.source, r.target)) for r in typed}
    named = name_prerequisites(index)
    linked |= {frozenset((r.source, r.target)) for r in named}
    defined = definition_prerequisites(index, linked=linked)
    linked |= {frozenset((r.source, r.target)) for r in defined}
    edges = [
        *typed_prerequisites(index, typed),
        *named,
        *defined,
        *cooccurrence_prerequisites(index, linked=linked),
    ]
    merged = _merge(edges, _rank(index, _course_order(index)))
    kept = [r for r in merged if r.confidence >= min_confidence]
    kept.sort(key=lambda r: (-r.confidence, r.source, r.target))
    return sorted(break_cycles(kept), key=lambda r: (r.source, r.target))
