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
        # "this" helping a thing into a state: the helper is the doer of the sentence before
        ("Terraces hold the soil. This helps the hillside become resistant to erosion.",
         ("terrace", "erosion"), ("terrace", "addresses", "erosion")),
        ("Vaccination trains the immune system. This makes the body immune to measles.",
         ("vaccination", "measles", "immune system"), ("vaccination", "addresses", "measles")),
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
        # a sentence before whose subject is no concept leaves "this" unknown; the thing
        # helped is no doer
        ("The farmers plant hedges. This helps the fields become resistant to erosion.",
         ("hedge", "field", "erosion"), ("field", "erosion")),
    ],
)  # fmt: skip
def test_relations_anaphora_this_is_no_doer_it_is_not_said_to_be(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a gloss after a label is about the label: "this method", "it" point back at it
        ("Solutions || Crop rotation: Plant other crops each season. This method helps to "
         "mitigate soil erosion.", ("crop rotation", "soil erosion"),
         ("crop rotation", "addresses", "soil erosion")),
        ("Reactions || Combustion: a fast exothermic process. It requires oxygen.",
         ("combustion", "oxygen"), ("combustion", "uses", "oxygen")),
        # a concept named with the label's own words is no other antecedent
        ("Sorting || Merge sort: merges sorted halves of a list. This algorithm relies on "
         "recursion.", ("merge sort", "sort", "recursion"), ("merge sort", "uses", "recursion")),
    ],
)  # fmt: skip
def test_relations_anaphora_a_gloss_points_back_at_its_label(text, names, expected):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


def test_relations_anaphora_a_gloss_pointing_back_cites_its_label():
    index = tiny_index(
        "Reactions || Combustion: a fast exothermic process. It requires oxygen.",
        "combustion",
        "oxygen",
    )
    edge = next(r for r in typed_relations(index) if r.relation == "uses")
    assert edge.evidence[0].text == "Combustion: a fast exothermic process. It requires oxygen."


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # a pronoun after a gloss naming another concept may stand for that one
        ("Storage || Hash table: stores keys by chaining. It avoids collisions.",
         ("hash table", "chaining", "collision"), ("hash table", "collision")),
    ],
)  # fmt: skip
def test_relations_anaphora_a_gloss_pointer_of_something_else_is_not_the_label(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # "these methods" after a label points at the several things the gloss lists
        ("Water || Water treatment: uses methods like chlorination and filtration. These "
         "methods kill pathogens.", ("water treatment", "pathogen", "chlorination"),
         ("water treatment", "pathogen")),
    ],
)  # fmt: skip
def test_relations_anaphora_a_plural_pointer_after_a_label_links_nothing_to_it(text, names, absent):
    index = tiny_index(text, *names)
    a, b = index.find(absent[0]), index.find(absent[1])
    pairs = {(r.source, r.target) for r in typed_relations(index)}
    assert (a, b) not in pairs and (b, a) not in pairs, pairs


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a general word after "this" is the line's label, even when it is a concept too
        ("Solutions || Crop rotation: Plant other crops each season. This method helps to "
         "mitigate soil erosion.", ("crop rotation", "soil erosion", "method"),
         ("crop rotation", "addresses", "soil erosion")),
        ("Sorting || Merge sort: splits a list in halves. This algorithm relies on "
         "recursion.", ("merge sort", "recursion", "algorithm", "list"),
         ("merge sort", "uses", "recursion")),
    ],
)  # fmt: skip
def test_relations_anaphora_this_general_word_is_the_concept_named_before(text, names, expected):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)
    assert not any(s == index.find(names[2]) for s, r, _ in triples(index) if r != "related_to")


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # "the algorithm" is the one named before, not algorithms in general
        ("Use a comparison-based algorithm like merge sort. During sorting, the algorithm "
         "uses the pivot element to split the list.", ("merge sort", "pivot element",
         "algorithm", "list"), ("algorithm", "pivot element")),
        ("Train a tree-based model like a random forest. The model uses bootstrap samples.",
         ("random forest", "bootstrap sample", "model"), ("model", "bootstrap sample")),
    ],
)  # fmt: skip
def test_relations_anaphora_pointing_general_word_is_no_general_concept(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "pair"),
    [
        ("Clay soils hold water for weeks. Soils that keep this water are called heavy soils.",
         ("clay soil", "heavy soil", "water"), ("heavy soil", "clay soil")),
        ("Oceanic plates sink under others. Plates that carry these oceans are named "
         "sinking plates.", ("oceanic plate", "sinking plate", "ocean"),
         ("sinking plate", "oceanic plate")),
    ],
)  # fmt: skip
def test_relations_anaphora_a_bare_noun_pointing_back_links_the_kind_it_names(text, names, pair):
    from graph.export._style import relation_phrase

    index = tiny_index(text, *names)
    a, b = index.find(pair[0]), index.find(pair[1])
    linked = [r for r in typed_relations(index) if (r.source, r.target) == (a, b)]
    assert [r.relation for r in linked] == ["related_to"], linked  # the type is not stated
    assert [e.text for e in linked[0].evidence] == [text]  # both sentences
    said = relation_phrase({"relation": "related_to", "label": linked[0].label})
    assert said == "is named with a pointer to"  # reads as no type between the two


@pytest.mark.parametrize(
    "text",
    [
        "Clay soils hold water for weeks. Soils that keep water are called heavy soils.",
        "Clay soils hold water for weeks. Wet soils that keep this water are called heavy soils.",
        "Clay soils hold water for weeks. Soils that keep this water are not called heavy soils.",
    ],
)
def test_relations_anaphora_a_bare_noun_not_pointing_back_links_nothing(text):
    index = tiny_index(text, "clay soil", "heavy soil", "water")
    a, b = index.find("heavy soil"), index.find("clay soil")
    assert not [r for r in typed_relations(index) if {r.source, r.target} == {a, b}]
