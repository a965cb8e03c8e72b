"""Prerequisite edges: the study order each kind of evidence implies, cycle breaking, and
properties of the prerequisites read from the real notes."""

from __future__ import annotations

from functools import cache

import networkx as nx
import pytest

from extraction.concepts import ConceptIndex, extract_concepts
from extraction.prerequisites import (
    PREREQUISITE,
    break_cycles,
    definition_prerequisites,
    name_prerequisites,
    prerequisite_relations,
    typed_prerequisites,
)
from extraction.readers import read_paths
from extraction.records import Card, Concept, Evidence, Relation
from extraction.relation_patterns import BUILDING_BLOCK
from extraction.relations import typed_relations
from tests.conftest import SEEDS, requires_shared

E = Evidence("n.txt", 1, "A sentence.")


def index_of(card_mentions: dict[str, list[str]], subjects: dict[str, list[str]]) -> ConceptIndex:
    """A hand-made index: which concepts each card names, and which cards are about what."""
    names = {c for found in card_mentions.values() for c in found} | set(subjects)
    concepts = {n: Concept(n, n, cards=subjects.get(n, [])) for n in names}
    mentions = {card: [(c, E) for c in found] for card, found in card_mentions.items()}
    return ConceptIndex(concepts, {}, {}, card_mentions=mentions)


@pytest.mark.parametrize(
    ("relation", "first", "then"),
    [
        (Relation("GRU", "RNN", "is_a", 0.9, [E]), "RNN", "GRU"),  # general first
        (Relation("NLP", "AI", "example_of", 0.9, [E]), "AI", "NLP"),
        (Relation("transformer", "attention", "uses", 0.9, [E]), "attention", "transformer"),
        (Relation("LSTM", "vanishing", "addresses", 0.9, [E]), "vanishing", "LSTM"),
        (Relation("GAN", "mode collapse", "causes", 0.9, [E]), "GAN", "mode collapse"),
        (Relation("RNN", "sequential data", "used_for", 0.9, [E]), "sequential data", "RNN"),
    ],
)
def test_prerequisites_typed_relation_orders_study(relation: Relation, first: str, then: str):
    (edge,) = typed_prerequisites(index_of({}, {}), [relation])
    assert (edge.source, edge.target, edge.relation) == (first, then, PREREQUISITE)
    assert edge.evidence == relation.evidence and edge.label == relation.relation
    assert 0 < edge.confidence < relation.confidence


def test_prerequisites_untyped_relations_order_nothing():
    relations = [
        Relation("a", "b", "contrasts_with", 0.9, [E]),
        Relation("a", "b", "related_to", 0.9, [E]),
    ]
    assert typed_prerequisites(index_of({}, {}), relations) == []


def test_prerequisites_dependent_part_after_its_whole():
    # the forget gate is only ever named with the LSTM: learn the LSTM first
    index = index_of({"c1": ["LSTM", "forget gate"], "c2": ["forget gate", "LSTM"]}, {})
    (edge,) = typed_prerequisites(index, [Relation("forget gate", "LSTM", "part_of", 0.9, [E])])
    assert (edge.source, edge.target) == ("LSTM", "forget gate")


def test_prerequisites_building_block_before_its_whole():
    # the encoder is used elsewhere too: it is a building block, learned first
    index = index_of(
        {"c1": ["encoder", "autoencoder"], "c2": ["encoder", "transformer"], "c3": ["encoder"]}, {}
    )
    (edge,) = typed_prerequisites(index, [Relation("encoder", "autoencoder", "part_of", 0.9, [E])])
    assert (edge.source, edge.target) == ("encoder", "autoencoder")


@pytest.mark.parametrize(
    ("part_line", "whole_line", "first"),
    [
        (5, 1, "LSTM"),  # the notes introduce the LSTM, then explain its gate
        (1, 5, "forget gate"),  # the notes explain the gate, then build the LSTM from it
    ],
)
def test_prerequisites_part_and_whole_follow_the_course_order(part_line, whole_line, first):
    index = index_of({"c1": ["LSTM", "forget gate"], "c2": ["forget gate"]}, {})
    index.concepts["forget gate"].first_seen = ("n.txt", part_line)
    index.concepts["LSTM"].first_seen = ("n.txt", whole_line)
    (edge,) = typed_prerequisites(index, [Relation("forget gate", "LSTM", "part_of", 0.9, [E])])
    assert edge.source == first


def test_prerequisites_part_of_several_wholes_comes_first():
    # the notes present the autoencoder and the transformer before the encoder, yet the
    # encoder is a building block of both
    index = index_of({"c1": ["encoder", "autoencoder"], "c2": ["encoder", "transformer"]}, {})
    for concept, line in [("autoencoder", 1), ("transformer", 2), ("encoder", 3)]:
        index.concepts[concept].first_seen = ("n.txt", line)
    edges = typed_prerequisites(
        index,
        [
            Relation("encoder", "autoencoder", "part_of", 0.9, [E]),
            Relation("encoder", "transformer", "part_of", 0.9, [E]),
        ],
    )
    assert {(r.source, r.target) for r in edges} == {
        ("encoder", "autoencoder"),
        ("encoder", "transformer"),
    }


def test_prerequisites_building_block_comes_first_whatever_the_course_order():
    index = index_of({"c1": ["convolutional layer", "CNN"]}, {})
    index.concepts["CNN"].first_seen = ("n.txt", 1)
    index.concepts["convolutional layer"].first_seen = ("n.txt", 5)
    relation = Relation("convolutional layer", "CNN", "part_of", 0.9, [E], label=BUILDING_BLOCK)
    (edge,) = typed_prerequisites(index, [relation])
    assert (edge.source, edge.target) == ("convolutional layer", "CNN")


def test_prerequisites_definition_asymmetry():
    # both cards about the LSTM name the RNN; the RNN's card never names the LSTM
    index = index_of(
        {"c1": ["LSTM", "RNN"], "c2": ["LSTM", "RNN"], "c3": ["RNN"]},
        {"LSTM": ["c1", "c2"], "RNN": ["c3"]},
    )
    (edge,) = definition_prerequisites(index)
    assert (edge.source, edge.target, edge.label) == ("RNN", "LSTM", "definition")
    assert definition_prerequisites(index, linked=[frozenset(("RNN", "LSTM"))]) == []


@pytest.mark.parametrize(
    ("elsewhere", "first"),
    [
        ([], "guided backpropagation"),  # first named in its card: the card introduces it
        (["c2", "c3", "c4"], "neuron"),  # a notion the notes use all over comes first
    ],
)
def test_prerequisites_introduced_in_a_card_unless_used_all_over(elsewhere, first):
    mentions = {"c1": ["guided backpropagation", "neuron"]}
    mentions |= {card: ["neuron"] for card in elsewhere}
    index = index_of(mentions, {"guided backpropagation": ["c1"]})
    for concept in index.concepts.values():
        concept.first_seen = ("n.txt", 1)
    (edge,) = definition_prerequisites(index)
    assert edge.source == first


def test_prerequisites_question_cards_give_weak_definition_edges():
    # no concept owns the cards; their questions name the LSTM, their answers the RNN
    cards = [
        Card("n#1", "n.txt", "qa-list", (1, 2), "Why do LSTMs train well?",
             "They are RNNs with gates.", title_line=1, body_lines=(2,)),
        Card("n#2", "n.txt", "qa-list", (3, 4), "Where are LSTMs used?",
             "Wherever RNNs are, for long sequences.", title_line=3, body_lines=(4,)),
        Card("n#3", "n.txt", "qa-list", (5, 6), "What is an RNN?",
             "A network with a loop.", title_line=5, body_lines=(6,)),
    ]  # fmt: skip
    index = extract_concepts(cards)
    (edge,) = [r for r in definition_prerequisites(index) if r.target == index.find("LSTM")]
    assert edge.source == index.find("RNN")
    # weaker than what a concept's own cards show: learning paths leave it out
    assert edge.confidence < 0.36


def test_prerequisites_name_inside_a_name():
    cards = [
        Card(f"n#{i}", "n.txt", "qa-list", (2 * i + 1, 2 * i + 2), f"What is {name}?",
             "See the lecture.", title_line=2 * i + 1, body_lines=(2 * i + 2,))
        for i, name in enumerate(["anomaly detection", "time series anomaly detection"])
    ]  # fmt: skip
    pairs = {(r.source, r.target) for r in name_prerequisites(extract_concepts(cards))}
    assert pairs == {("anomaly detection", "time series anomaly detection")}


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("a convolution", "a convolutional layer"),  # an adjective names its noun
        ("a neuron", "a neural network"),
        ("a batch", "BatchNorm"),  # words run together in camel case
    ],
)
def test_prerequisites_name_inside_a_name_in_another_form(first: str, then: str):
    cards = [
        Card(f"n#{i}", "n.txt", "qa-list", (2 * i + 1, 2 * i + 2), f"What is {name}?",
             "See the lecture.", title_line=2 * i + 1, body_lines=(2 * i + 2,))
        for i, name in enumerate([first, then])
    ]  # fmt: skip
    index = extract_concepts(cards)
    pairs = {(r.source, r.target) for r in name_prerequisites(index)}
    assert pairs == {(index.find(first.split()[-1]), index.find(then.removeprefix("a ")))}


def test_prerequisites_break_cycles_drops_the_weakest():
    edges = [
        Relation("a", "b", PREREQUISITE, 0.9, [E]),
        Relation("b", "c", PREREQUISITE, 0.8, [E]),
        Relation("c", "a", PREREQUISITE, 0.3, [E]),
        Relation("c", "d", PREREQUISITE, 0.1, [E]),
    ]
    kept = {(r.source, r.target) for r in break_cycles(edges)}
    assert kept == {("a", "b"), ("b", "c"), ("c", "d")}


def test_prerequisites_opposite_evidence_keeps_the_stronger():
    index = index_of({}, {})
    typed = [
        Relation("GRU", "LSTM", "is_a", 0.9, [E]),  # LSTM before GRU, strongly
        Relation("LSTM", "GRU", "uses", 0.3, [E]),  # GRU before LSTM, weakly
    ]
    pairs = {(r.source, r.target) for r in prerequisite_relations(index, typed)}
    assert pairs == {("LSTM", "GRU")}


def test_prerequisites_from_sentences():
    cards = [
        Card("n#1", "n.txt", "qa-list", (1, 2), "What is a GRU?",
             "A GRU is a kind of recurrent neural network.", title_line=1, body_lines=(2,)),
        Card("n#2", "n.txt", "qa-list", (3, 4), "What is a recurrent neural network?",
             "A network with a loop.", title_line=3, body_lines=(4,)),
    ]  # fmt: skip
    index = extract_concepts(cards)
    edges = prerequisite_relations(index, typed_relations(index))
    assert [(r.source, r.target) for r in edges] == [("recurrent neural network", "GRU")]
    assert edges[0].evidence[0].text == "A GRU is a kind of recurrent neural network."


# -- the real notes ----------------------------------------------------------------------


@cache
def seed_prerequisites() -> tuple[ConceptIndex, tuple[Relation, ...]]:
    results = read_paths(sorted(SEEDS.glob("*.txt")))
    cards = [card for result in results for card in result.cards]
    index = extract_concepts(cards, order=[r.source.path for r in results])
    return index, tuple(prerequisite_relations(index, typed_relations(index)))


@requires_shared
def test_prerequisites_seed_graph_is_acyclic_and_explained():
    index, edges = seed_prerequisites()
    assert edges
    D = nx.DiGraph((r.source, r.target) for r in edges)
    assert nx.is_directed_acyclic_graph(D)
    assert len({(r.source, r.target) for r in edges}) == len(edges)
    for r in edges:
        assert r.relation == PREREQUISITE and r.source != r.target
        assert r.source in index.concepts and r.target in index.concepts
        assert r.evidence and 0 < r.confidence <= 1 and r.label
