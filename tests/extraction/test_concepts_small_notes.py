"""A short note builds a useful graph: every heading or term that names a concept is
kept, named as the author wrote it (the first things a new student writes)."""

from __future__ import annotations

import pytest

from extraction.readers import read_bytes
from graph.build import build_graph

ML = b"""# Deep learning notes

## Dropout

Dropout switches off a random share of the units at each training step, so the
network cannot lean on any single unit.

## Transformer

The transformer is a sequence model built entirely on attention. It processes all
positions in parallel instead of step by step.

## Attention

Attention lets a model weigh every input position when it computes an output. Each
query is compared with every key.
"""

BIOLOGY = b"""# Cell biology

## Mitochondria

Mitochondria are organelles that produce most of the cell's energy as ATP through
cellular respiration.

## Photosynthesis

Photosynthesis converts light energy into chemical energy stored in glucose. It takes
place in the chloroplasts of plant cells.

## Enzymes

Enzymes are proteins that speed up chemical reactions by lowering their activation
energy.
"""

COMMON_WORDS = (
    b"energy\tThe capacity of a system to do work.\n"
    b"inflation\tA general rise in the price level of an economy over time.\n"
    b"attention\tThe ability to focus on one thing while ignoring others.\n"
    b"precision\tThe share of predicted positives that are truly positive.\n"
    b"market\tA place where buyers and sellers exchange goods.\n"
    b"demand\tHow much of a good buyers want at each price.\n"
    b"force\tA push or pull that changes the motion of an object.\n"
    b"power\tThe rate at which work is done.\n"
)

QUIZLET = b"""History 101 Flashcards
Treaty of Versailles
The 1919 peace treaty that ended the First World War.
Law of demand
As the price of a good rises, the quantity demanded falls.
Species
A group of organisms that can interbreed.
Large intestine
The last part of the digestive tract, absorbing water.
Small intestine
Where most digestion and absorption of food happens.
k-means
A clustering method that assigns points to the nearest of k centroids.
"""


def concepts(data: bytes, name: str) -> set[str]:
    G = build_graph([read_bytes(data, path=name)])
    return set(G.nodes)


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (ML, "deep-learning.md", {"dropout", "transformer", "attention"}),
        (BIOLOGY, "biology.md", {"mitochondria", "photosynthesis", "enzyme"}),
        (
            COMMON_WORDS,
            "terms.tsv",
            {"energy", "inflation", "attention", "precision", "market", "demand", "force", "power"},
        ),
        (
            QUIZLET,
            "history.txt",
            {
                "treaty of versailles",
                "law of demand",
                "species",
                "large intestine",
                "small intestine",
                "k-means",
            },
        ),
    ],
    ids=["ml-headings", "biology-headings", "common-word-terms", "quizlet-terms"],
)
def test_concepts_small_note_keeps_every_term_it_names(data, name, expected):
    found = concepts(data, name)
    assert expected <= found, sorted(found)


def test_concepts_small_note_deck_title_is_no_concept():
    found = concepts(QUIZLET, "history.txt")
    assert not {"flashcard", "history 101 flashcard", "history 101 flashcards"} & found


CLOZE_DECK = b"""#separator:Comma
#html:true
#notetype column:1
Cloze,"The {{c1::albedo}} is the share of sunlight a surface reflects.","ice has a high one"
Cloze,"A {{c1::watershed}} is the land that drains into one river.",""
Cloze,"{{c1::Permafrost}}: ground that stays frozen for two years or more","tundra"
Basic,"Glacier","a slow river of ice"
"""


@pytest.mark.parametrize(
    ("name", "definition"),
    [
        ("albedo", "The albedo is the share of sunlight a surface reflects."),
        ("watershed", "A watershed is the land that drains into one river."),
        ("permafrost", "Permafrost: ground that stays frozen for two years or more"),
    ],
)
def test_concepts_cloze_deletion_names_what_the_card_asks_for(name, definition):
    G = build_graph([read_bytes(CLOZE_DECK, path="geo.csv")])
    assert G.nodes[name]["definition"] == definition


OCEAN_DECK = b"""Tidal range\tHeight between high and low tide, large for spring tides (ST, KT)
Spring tide\tThe largest tidal range, at new and full moon
"""


def test_concepts_bracketed_acronym_list_abbreviates_nothing():
    G = build_graph([read_bytes(OCEAN_DECK, path="ocean.tsv")])
    assert not {"ST", "KT"} & {a for n in G.nodes for a in G.nodes[n].get("aliases", [])}


@pytest.mark.parametrize(
    ("key", "roles", "own", "joined"),
    [
        ("salinity level", {"shared_head": 1}, {"salinity"}, True),
        ("salinity level", {"shared_head": 1}, {"sea level"}, False),
        ("salinity level", {"shared_head": 1, "mention": 1}, {"salinity"}, False),
        ("inner core", {"shared_head": 1}, {"outer core"}, False),
    ],
)
def test_concepts_joined_names_are_a_term_given_the_next_name_head(key, roles, own, joined):
    from collections import Counter

    from extraction.concepts.candidates import Candidate
    from extraction.concepts.selection import joined_names

    used = Candidate(key, count=sum(roles.values()), roles=Counter(roles))
    assert joined_names([used], own) is joined
