"""Typed relations whose subject a sentence names only by pointing back at a concept
named before it ("Such soils are called heavy")."""

from __future__ import annotations

import pytest

from extraction.relations import typed_relations
from tests.extraction.test_relations import assert_unrelated, expect, tiny_index, triples


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Clay soils hold water. In wet years they flood. Such soils are called heavy.",
         ("clay soil", "heavy soil", "water"), ("heavy soil", "is_a", "clay soil")),
        ("Clay soils hold water. These soils are called heavy.",
         ("clay soil", "heavy soil", "water"), ("heavy soil", "is_a", "clay soil")),
        ("Tectonic plates move slowly. Some of these plates carry oceans. Such plates are "
         "called oceanic.", ("tectonic plate", "oceanic plate", "ocean"),
         ("oceanic plate", "is_a", "tectonic plate")),
    ],
)  # fmt: skip
def test_relations_anaphora_such_things_called_an_adjective_are_a_kind_of_those_named_before(
    text, names, expected
):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


def test_relations_anaphora_such_things_called_an_adjective_cite_the_sentence_pointed_at():
    index = tiny_index(
        "Clay soils hold water. Such soils are called heavy.", "clay soil", "heavy soil"
    )
    edge = next(r for r in typed_relations(index) if r.relation == "is_a")
    assert edge.evidence[0].text == "Clay soils hold water. Such soils are called heavy."


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Terraces hold the soil on slopes. This prevents soil erosion.",
         ("terrace", "soil erosion", "slope"), ("terrace", "addresses", "soil erosion")),
        ("Heat expands the rails. This causes buckling.", ("heat", "buckling", "rail"),
         ("heat", "causes", "buckling")),
        ("The pump fails often. This leads to flooding.", ("pump", "flooding"),
         ("pump", "causes", "flooding")),
    ],
)  # fmt: skip
def test_relations_anaphora_this_does_what_the_subject_of_the_sentence_before_does(
    text, names, expected
):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # "this" is what the sentence before says of its subject, not its doer
        ("Heat expands the rails. This is due to friction.", ("heat", "friction", "rail"),
         ("heat", "friction")),
    ],
)  # fmt: skip
def test_relations_anaphora_this_is_no_doer_it_is_not_said_to_be(text, names, absent):
    assert_unrelated(text, names, absent)
