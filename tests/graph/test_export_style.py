"""How a weak link's label reads between two concepts (graph.export._style)."""

from __future__ import annotations

import pytest
from lemminflect import getInflection

from graph.export._style import MENTIONED_WITH, PREPOSITIONAL_VERBS, weak_link_words


@pytest.mark.parametrize("verb", sorted(PREPOSITIONAL_VERBS))
def test_style_prepositional_verbs_read_with_their_preposition_only(verb):
    said = getInflection(verb, "VBZ")[0]  # "refers"
    assert weak_link_words(said) == MENTIONED_WITH
    assert weak_link_words(f"{said} to") == f"{said} to"


@pytest.mark.parametrize(
    ("label", "words"),
    [
        ("yields", "yields"),  # a verb of the source, "-s" form
        ("reconstructed", "reconstructed"),  # past form
        ("learn", MENTIONED_WITH),  # plain form: "Students learn X", "to learn X"
        ("output", MENTIONED_WITH),  # plain and past form alike
        ("continuos", MENTIONED_WITH),  # no English word
        ("carries", "carries"),  # read from the spelling: graph/ loads no dictionary
        ("stopped", "stopped"),
        ("speed", MENTIONED_WITH),  # a plain form that ends like a past one
        ("process", MENTIONED_WITH),  # a noun that ends like an "-s" form
        ("is named after", "is named after"),
        ("=", MENTIONED_WITH),
        ("", MENTIONED_WITH),
    ],
)
def test_style_weak_link_words_read_as_english_or_fall_back(label, words):
    assert weak_link_words(label) == words
