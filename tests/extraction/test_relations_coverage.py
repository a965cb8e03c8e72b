"""More of what the notes state, read without loosening the evidence (issue #13): for
each reading, sentences it must keep and sentences it must refuse (fresh wording, other
subjects than the notes)."""

from __future__ import annotations

import pytest

from tests.extraction.test_relations import (
    _edges,
    _qa,
    assert_unrelated,
    expect,
    tiny_index,
    triples,
)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # "A/B rest" where only "A rest" is a concept: A takes the rest of the name
        (
            "Crop rotation prevents the nitrogen/phosphorus depletion problem.",
            ("crop rotation", "nitrogen depletion problem"),
            ("crop rotation", "addresses", "nitrogen depletion problem"),
        ),
        # a list goes on past items the notes do not name as concepts
        (
            "Astronomy e.g. star formation, planet detection, sky watching, galaxy classification",
            ("astronomy", "star formation", "planet detection", "galaxy classification"),
            ("galaxy classification", "example_of", "astronomy"),
        ),
        # "X is a Y algorithm": the concept modifying a generic head names the class too
        (
            "SARSA is an on-policy reinforcement learning algorithm.",
            ("SARSA", "reinforcement learning", "algorithm"),
            ("SARSA", "is_a", "reinforcement learning"),
        ),
        (
            "SARSA is an on-policy reinforcement learning algorithm.",
            ("SARSA", "reinforcement learning", "algorithm"),
            ("SARSA", "is_a", "algorithm"),
        ),
        # a modifier that does not narrow leaves the concept set apart
        (
            "Unlike standard bicycles, tandems carry two riders.",
            ("bicycle", "tandem"),
            ("bicycle", "contrasts_with", "tandem"),
        ),
        # a gloss in parentheses after a listed item is no item; the items are kept
        (
            "What is a dog? || Dogs are pets. Examples: Great Dane (Germany), Chihuahua (Mexico)",
            ("Great Dane", "Chihuahua", "Germany", "Mexico"),
            ("Chihuahua", "example_of", "dog"),
        ),
        # "like" after a space is a cue
        (
            "Fruits like apples keep well.",
            ("fruit", "apple"),
            ("apple", "is_a", "fruit"),
        ),
        # a label line's uses in a card about applications
        (
            "What are some engine types? Name applications where they are useful. || "
            "turbofan: air travel\nturboprop: cargo transport",
            ("turbofan", "turboprop", "air travel", "transport"),
            ("turbofan", "used_for", "air travel"),
        ),
        # the subject itself does it
        (
            "The function uses the weights.",
            ("scoring", "function", "weight"),
            ("function", "uses", "weight"),
        ),
        # a label defined by a noun phrase with its head
        (
            "Stale caches: caches that hold old data.",
            ("stale cache", "cache"),
            ("stale cache", "is_a", "cache"),
        ),
        # a title's aside in parentheses is no subject of the card; the other one is
        (
            "Types of dogs (domestic) || Examples: Beagle, Poodle",
            ("dog", "domestic", "Beagle", "Poodle"),
            ("Beagle", "example_of", "dog"),
        ),
        # kinds whose names end with the class's head, when two or more do
        (
            "What are the types of bridges? || Arch bridge\nBeam bridge\nToll booth\nFerry",
            ("bridge", "arch bridge", "beam bridge", "toll booth", "ferry"),
            ("beam bridge", "is_a", "bridge"),
        ),
        # fewer do: every listed item is a kind
        (
            "What are the types of vehicles? || Car\nTruck",
            ("vehicle", "car", "truck"),
            ("truck", "is_a", "vehicle"),
        ),
        # a use named as such
        (
            "Drones are used for maps.",
            ("drone", "map"),
            ("drone", "used_for", "map"),
        ),
        (
            "Irrigation enables crops in dry regions.",
            ("irrigation", "crop"),
            ("irrigation", "used_for", "crop"),
        ),
        # a statement names the kind of a plural class
        (
            "Big Diesel Engine trucks carry ore.",
            ("diesel engine", "truck"),
            ("diesel engine", "is_a", "truck"),
        ),
        # "In X, we V Y": the method named in front does what the reader does
        (
            "In the Kalman filter, we compute the Kalman gain.",
            ("Kalman filter", "Kalman gain"),
            ("Kalman filter", "uses", "Kalman gain"),
        ),
        # a hyphen inside a name parts nothing
        (
            "Kriging computes semi-variograms first.",
            ("kriging", "semi-variogram"),
            ("kriging", "uses", "semi-variogram"),
        ),
    ],
)
def test_relations_coverage_keeps_what_the_sentence_states(text, names, expected):
    index = tiny_index(text, *names)
    found = triples(index)
    assert expect(index, *expected) in found, found


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # the word after the slash is no word: nothing is shared
        (
            "Crop rotation prevents the nitrogen/2 depletion problem.",
            ("crop rotation", "nitrogen depletion problem"),
            ("crop rotation", "nitrogen depletion problem"),
        ),
        # a list stops at a clause between its items
        (
            "Astronomy e.g. star formation, planet detection, we watched it, galaxy classification",
            ("astronomy", "star formation", "planet detection", "galaxy classification"),
            ("galaxy classification", "astronomy"),
        ),
        # a head that is no generic word is the class alone
        (
            "SARSA is an on-policy reinforcement learning agent.",
            ("SARSA", "reinforcement learning", "agent"),
            ("SARSA", "reinforcement learning"),
        ),
        # what "unlike" sets apart is the narrower phrase, not the concept it narrows
        (
            "Unlike electric bicycles, tandems carry two riders.",
            ("bicycle", "tandem"),
            ("bicycle", "tandem"),
        ),
        # a gloss in parentheses after a listed item is no item
        (
            "What is a dog? || Dogs are pets. Examples: Great Dane (Germany), Chihuahua (Mexico)",
            ("Great Dane", "Chihuahua", "Germany", "Mexico"),
            ("Mexico", "dog"),
        ),
        # "-like" ends a word: no cue
        (
            "Sorting makes a tree-like index, e.g. a heap.",
            ("tree", "index", "heap"),
            ("index", "tree"),
        ),
        (
            "Smoothing gives a wave-like curve over the readings.",
            ("wave", "curve"),
            ("wave", "curve"),
        ),
        # a use narrowed by a noun before it is not the concept's use
        (
            "What are some engine types? Name applications where they are useful. || "
            "turbofan: air travel\nturboprop: cargo transport",
            ("turbofan", "turboprop", "air travel", "transport"),
            ("turboprop", "transport"),
        ),
        # a noun before the subject narrows it: the scoring function, not the function
        (
            "The scoring function uses the weights.",
            ("scoring", "function", "weight"),
            ("function", "weight"),
        ),
        # a label followed by a clause about its head defines nothing
        (
            "Stale caches: caches can be stale, making reads wrong.",
            ("stale cache", "cache"),
            ("stale cache", "cache"),
        ),
        (
            "Types of dogs (domestic) || Examples: Beagle, Poodle",
            ("dog", "domestic", "Beagle", "Poodle"),
            ("Beagle", "domestic"),
        ),
        (
            "Types of dogs (domestic) || Common examples are Beagle and Poodle.",
            ("dog", "domestic", "Beagle", "Poodle"),
            ("Poodle", "domestic"),
        ),
        # the lines a list of "<something> bridges" runs on into are no kinds of bridge
        (
            "What are the types of bridges? || Arch bridge\nBeam bridge\nToll booth\nFerry",
            ("bridge", "arch bridge", "beam bridge", "toll booth", "ferry"),
            ("toll booth", "bridge"),
        ),
        # the use is the act a gerund names, not its object
        (
            "Drones are used in generating detailed maps.",
            ("drone", "map"),
            ("drone", "map"),
        ),
        # what is enabled is the narrower thing
        (
            "Irrigation enables lush green crops.",
            ("irrigation", "crop"),
            ("irrigation", "crop"),
        ),
        # a question in the answer asks, states nothing
        (
            "How do Diesel Engine trucks work?",
            ("diesel engine", "truck"),
            ("diesel engine", "truck"),
        ),
        # what opens the sentence is a narrower thing than the concept
        (
            "In Kalman filter studies, we compute the Kalman gain.",
            ("Kalman filter", "Kalman gain"),
            ("Kalman filter", "Kalman gain"),
        ),
        # a hyphen with spaces around it parts a heading from a question
        (
            "Kriging - How to compute Variograms",
            ("kriging", "variogram"),
            ("kriging", "variogram"),
        ),
    ],
)
def test_relations_coverage_refuses_what_the_sentence_does_not_state(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("problem", "kept"),
    [
        ("", True),  # a compound is named after its head
        (" Stale TLBs are a common problem.", False),  # a problem named after its head
        (" Flushing fixes the stale TLB problem.", False),
        # what "the problem with" names may be what has the problem: still named after it
        (" The problem with stale TLBs is speed.", True),
    ],
)
def test_relations_coverage_a_named_problem_is_no_kind_of_its_head(problem, kept):
    cards = _qa(
        ("What is a TLB?", "A cache of address translations."),
        (
            "What is a stale TLB?",
            "If a TLB keeps old entries, lookups return wrong frames." + problem,
        ),
    )
    # the answer names the TLB in passing, as no class: an untyped link, named after it
    assert (("stale TLB", "related_to", "TLB") in _edges(cards)) == kept
    assert ("stale TLB", "is_a", "TLB") not in _edges(cards)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # the card's subject before "used for": the listed items are its uses
        ("What is a kiln used for?", ("kiln", "used_for", "gas firing")),
        # "what techniques ... used for X": X is what the listed items serve
        ("What techniques can be used for kilns?", ("gas firing", "used_for", "kiln")),
    ],
)
def test_relations_coverage_a_question_about_uses_says_which_side_serves(title, expected):
    index = tiny_index(f"{title} || Gas firing\nWood firing", "kiln", "gas firing", "wood firing")
    found = triples(index)
    assert expect(index, *expected) in found, found
    assert expect(index, *reversed(expected)) not in found, found


@pytest.mark.parametrize(
    ("answer", "kept"),
    [
        ("A TLB is flushed on every switch.", True),  # the head as a class
        ("The TLB is flushed on every switch.", False),  # the concept itself, named again
    ],
)
def test_relations_coverage_a_name_s_head_read_back_is_no_class(answer, kept):
    cards = _qa(
        ("What is a TLB?", "A cache of address translations."),
        ("What is a stale TLB?", answer),
    )
    # the answer names the TLB in passing, as no class: an untyped link, named after it
    assert (("stale TLB", "related_to", "TLB") in _edges(cards)) == kept
    assert ("stale TLB", "is_a", "TLB") not in _edges(cards)
