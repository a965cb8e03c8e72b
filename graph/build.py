"""Records -> the concept graph (a NetworkX ``MultiDiGraph``, schema concept-graph/1).

The first graph names a concept for every card whose title names one (a term, a
heading, "What is X?", "X stands for"), defines it by that card's answer, and links two
concepts with a weak ``related_to`` edge where one's card mentions the other, citing
the sentence that does.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path

import networkx as nx

from extraction.readers import read_bytes, read_paths
from extraction.records import Card, Concept, Evidence, ReadResult, Relation
from extraction.titles import concept_key, title_concept

SCHEMA = "concept-graph/1"

#: Formats whose card titles are bare terms or headings rather than questions.
_TERM_TITLE_FORMATS = {"outline", "markdown", "pdf", "docx", "anki-apkg", "crowdanki", "csv"}
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


def card_concepts(cards: Iterable[Card]) -> dict[str, Concept]:
    """Concepts named by card titles, keyed by canonical id, in order of first card.

    >>> from extraction.records import Card
    >>> c = Card("n#1", "n.txt", "quizlet", (1, 2), "What is a Transformer Model?",
    ...          "A model that relies on attention.", body_lines=(2,))
    >>> list(card_concepts([c]))
    ['transformer model']
    """
    concepts: dict[str, Concept] = {}
    for card in cards:
        found = title_concept(card.title, term=card.format in _TERM_TITLE_FORMATS)
        if found is None:
            continue
        key = concept_key(found.name)
        if not key:
            continue
        concept = concepts.get(key)
        if concept is None:
            label = f"{found.name} ({found.acronym})" if found.acronym else found.name
            concept = concepts[key] = Concept(
                id=key, label=label, topic=card.section[-1] if card.section else ""
            )
            concept.first_seen = (card.source, card.title_line)
        concept.cards.append(card.id)
        for alias in (found.name, found.acronym):
            if alias and alias.lower() != key.lower() and alias not in concept.aliases:
                concept.aliases.append(alias)
        if not concept.definition and card.body.strip():
            first = _first_sentences(card.body)
            concept.definition = first
            concept.definition_evidence = Evidence(card.source, card.line_of(0), first)
    return concepts


def _first_sentences(body: str, limit: int = 400) -> str:
    text = ""
    for m in _SENTENCE.finditer(body):
        piece = m.group(0).strip()
        if piece:
            text = f"{text} {piece}".strip()
        if len(text) >= 60 or "\n" in body[: m.end()]:
            break
    return text[:limit]


def _name_patterns(concepts: dict[str, Concept]) -> dict[str, re.Pattern[str]]:
    patterns = {}
    for key, concept in concepts.items():
        names = {key, *concept.aliases}
        alternatives = sorted((re.escape(n) for n in names if len(n) >= 2), key=len, reverse=True)
        # Acronyms match case-sensitively; other names ignore case and allow a plural.
        parts = [
            f"(?-i:{a})" if a.isupper() or re.fullmatch(r"[A-Z][A-Za-z]*[A-Z]s?", a) else a
            for a in alternatives
        ]
        patterns[key] = re.compile(rf"\b(?:{'|'.join(parts)})(?:s|es)?\b", re.IGNORECASE)
    return patterns


def mention_relations(cards: Sequence[Card], concepts: dict[str, Concept]) -> list[Relation]:
    """``related_to`` edges: the concept a card is about -> each concept its body names."""
    patterns = _name_patterns(concepts)
    mentions: dict[str, int] = defaultdict(int)
    edges: dict[tuple[str, str], Relation] = {}
    for card in cards:
        found = title_concept(card.title, term=card.format in _TERM_TITLE_FORMATS)
        subject = concept_key(found.name) if found else None
        for sentence in _SENTENCE.finditer(card.body):
            raw = sentence.group(0)
            text = raw.strip()
            if not text:
                continue
            line = card.line_of(sentence.start() + len(raw) - len(raw.lstrip()))
            for key, pattern in patterns.items():
                if not pattern.search(text):
                    continue
                mentions[key] += 1
                if subject and subject in concepts and key != subject:
                    relation = edges.get((subject, key))
                    if relation is None:
                        relation = edges[(subject, key)] = Relation(
                            subject, key, "related_to", 0.3, label="mentions"
                        )
                    if len(relation.evidence) < 3:
                        relation.evidence.append(Evidence(card.source, line, text))
    for key, count in mentions.items():
        concepts[key].mentions = count
    for relation in edges.values():
        relation.confidence = min(0.5, 0.2 + 0.1 * len(relation.evidence))
    return list(edges.values())


def build_graph(results: Sequence[ReadResult], *, model: str | None = None) -> nx.MultiDiGraph:
    """The concept graph of the cards in ``results``.

    Parameters
    ----------
    results : sequence of ReadResult
        What :func:`extraction.readers.read_paths` returned, bad files included (they
        are listed in ``G.graph["sources"]`` with their errors).
    model : str, optional
        Name of the NLP pipeline that read the notes, stored as ``G.graph["model"]``.

    Examples
    --------
    >>> from extraction.readers import read_paths
    >>> G = build_graph(read_paths(["data"]))
    >>> G.graph["schema"], G.number_of_nodes() > 5
    ('concept-graph/1', True)
    """
    cards = [card for result in results for card in result.cards]
    concepts = card_concepts(cards)
    relations = mention_relations(cards, concepts)
    top = max((c.mentions for c in concepts.values()), default=0) or 1
    G = nx.MultiDiGraph(schema=SCHEMA, model=model, sources=[asdict(r.source) for r in results])
    for concept in concepts.values():
        G.add_node(
            concept.id,
            label=concept.label,
            aliases=concept.aliases,
            definition=concept.definition,
            definition_evidence=asdict(concept.definition_evidence)
            if concept.definition_evidence
            else None,
            importance=round(min(1.0, (concept.mentions + 1) / (top + 1)), 3),
            topic=concept.topic,
            mentions=concept.mentions,
            first_seen=list(concept.first_seen) if concept.first_seen else None,
            cards=concept.cards,
        )
    for relation in relations:
        G.add_edge(
            relation.source,
            relation.target,
            relation=relation.relation,
            confidence=round(relation.confidence, 3),
            evidence=[asdict(e) for e in relation.evidence],
            label=relation.label,
        )
    return G


def build_from_paths(paths: Sequence[str | Path], **read_options) -> nx.MultiDiGraph:
    """Read ``paths`` (files or folders) and build their graph."""
    return build_graph(read_paths(paths, **read_options))


def build_atlas(
    paths: Sequence[str | Path], uploads: Sequence[tuple[str, bytes]] = ()
) -> tuple[nx.MultiDiGraph, dict[str, Card]]:
    """Read note files and uploaded ``(name, bytes)`` pairs; return the graph and the
    cards by id. An upload named like a file on disk is cited as ``upload/<name>``.

    Examples
    --------
    >>> G, cards = build_atlas(["data"], [("extra.txt", b"What is a tensor?\nAn array.")])
    >>> "tensor" in G and any(c.source == "extra.txt" for c in cards.values())
    True
    """
    results = read_paths(paths)
    on_disk = {Path(p).name for p in paths} | {Path(r.source.path).name for r in results}
    for name, data in uploads:
        cited = f"upload/{name}" if name in on_disk else name
        results.append(read_bytes(data, path=Path(name), name=cited))
    cards = {card.id: card for result in results for card in result.cards}
    return build_graph(results), cards
