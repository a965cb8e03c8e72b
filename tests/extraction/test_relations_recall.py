"""Typed relations read from more of what notes state: what a remedy verb's object is (a
problem); a part every whole of a kind has; items that name a class before its examples,
applications asked of one thing; lists under a line that names ways to address
something; items listed each with a relative clause; items under a heading that name
themselves as its kinds; a subject that points back at a concept named before. One
sentence (or card) per reading, on subjects of no development note."""

from __future__ import annotations

import pytest

from extraction.concepts import extract_concepts
from extraction.readers import read_paths
from extraction.records import Card, ListItem
from extraction.relations import typed_relations
from tests.extraction.test_relations import (
    _qa,
    assert_unrelated,
    expect,
    tiny_index,
    triples,
)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # what the notes say is prevented is a problem: controlling it addresses it
        (
            "Chlorination is used to prevent contamination. Boiling also controls contamination.",
            ("chlorination", "boiling", "contamination"),
            [("boiling", "addresses", "contamination")],
        ),
        (
            "Osmosis regulators mitigate the swelling. Salt intake limits swelling.",
            ("osmosis regulator", "salt intake", "swelling"),
            [("salt intake", "addresses", "swelling")],
        ),
    ],
)
def test_relations_recall_gives_the_stated_relation(text, names, expected):
    index = tiny_index(text, *names)
    found = triples(index)
    for source, relation, target in expected:
        assert expect(index, source, relation, target) in found, found


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # what is controlled is no problem unless the notes say so
        (
            "A thermostat controls the room temperature.",
            ("thermostat", "room temperature"),
            ("thermostat", "room temperature"),
        ),
    ],
)
def test_relations_recall_ignores_what_the_sentence_does_not_say(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # "every" / "each" states a part of each whole of the kind
        ("Every cell has a nucleus.", True),
        ("Each binary tree has a root node.", True),
        # a single whole's "has" only suggests a part (kept when the notes state such parts)
        ("The old cell has a nucleus.", False),
    ],
)
def test_relations_recall_every_whole_of_a_kind_has_its_part(text, kept):
    names = ("cell", "nucleus", "binary tree", "root node")
    index = tiny_index(text, *names)
    found = triples(index)
    part, whole = ("root node", "binary tree") if "tree" in text else ("nucleus", "cell")
    assert (expect(index, part, "part_of", whole) in found) == kept, found


def test_relations_recall_an_item_naming_a_class_before_its_examples_lists_the_class():
    text = (
        "Give some applications where a hash table can be useful. || "
        "- compilers e.g. symbol tables, constant pools\n- caching"
    )
    index = tiny_index(text, "hash table", "compiler", "symbol table", "constant pool", "caching")
    found = triples(index)
    assert expect(index, "hash table", "used_for", "compiler") in found, found
    assert expect(index, "hash table", "used_for", "caching") in found, found
    # the examples belong to the class, not to the card's subject
    assert expect(index, "hash table", "used_for", "symbol table") not in found, found


@pytest.mark.parametrize(
    ("intro", "nested"),
    [
        ("- ways to prevent osmotic shock", True),
        ("- How to avoid osmotic shock", True),
        ("Strategies for preventing osmotic shock:", False),
    ],
)
def test_relations_recall_a_line_naming_ways_to_address_a_problem_lists_them(intro, nested):
    items = ["  - Salt balance: keep the medium isotonic", "  - slow dilution"]
    if not nested:
        items = [i.strip() for i in items]
    after = "- cell wall" if nested else "A cell wall is rigid."
    text = "\n".join(["Cells swell in fresh water.", intro, *items, after])
    index = tiny_index(text, "osmotic shock", "salt balance", "slow dilution", "cell wall")
    found = triples(index)
    assert expect(index, "salt balance", "addresses", "osmotic shock") in found, found
    assert expect(index, "slow dilution", "addresses", "osmotic shock") in found, found
    # the next item at the level of the line (or the next paragraph) is no way it names
    assert expect(index, "cell wall", "addresses", "osmotic shock") not in found, found


def test_relations_recall_a_long_item_with_sub_items_introduces_no_list():
    text = "\n".join(
        [
            "- we often try many ways to prevent osmotic shock when moving cells around",
            "  - slow dilution",
        ]
    )
    index = tiny_index(text, "osmotic shock", "slow dilution")
    assert expect(index, "slow dilution", "addresses", "osmotic shock") not in triples(index)


def test_relations_recall_these_points_back_at_the_concept_named_before():
    text = (
        "Some proteins speed up digestion; these proteins are called digestive enzymes. "
        "These enzymes include amylase and lipase."
    )
    index = tiny_index(text, "protein", "digestive enzyme", "enzyme", "amylase", "lipase")
    found = triples(index)
    assert expect(index, "amylase", "is_a", "digestive enzyme") in found, found
    assert expect(index, "amylase", "is_a", "enzyme") not in found, found
    edge = next(
        r
        for r in typed_relations(index)
        if r.source == index.find("amylase") and r.target == index.find("digestive enzyme")
    )
    # the evidence names both: the sentence before and the one that points back
    assert edge.evidence[0].text == text


@pytest.mark.parametrize(
    "concept,label,aliases,than,head",
    [
        # a concept known by its abbreviation is headed by its long name's noun too
        ("ATP", "ATP", ["adenosine triphosphate"], "triphosphate", "triphosphate"),
        ("digestive enzyme", "digestive enzyme", [], "enzyme", "enzyme"),
    ],
)
def test_relations_recall_these_points_back_by_any_name(concept, label, aliases, than, head):
    from types import SimpleNamespace

    from extraction.records import Concept
    from extraction.relations import _longer_heads

    index = SimpleNamespace(concepts={concept: Concept(concept, label, aliases)})
    assert head in _longer_heads(index, concept, than)


def test_relations_recall_these_without_a_concept_before_is_the_concept_itself():
    index = tiny_index("These enzymes include amylase.", "enzyme", "amylase")
    assert expect(index, "amylase", "is_a", "enzyme") in triples(index)


def test_relations_recall_applications_of_several_things_name_no_uses_of_one():
    text = (
        "What are some kinds of trees? Name applications where binary and ternary trees "
        "are useful. || Binary tree: database index\nTernary tree: spell checker"
    )
    index = tiny_index(
        text, "tree", "binary tree", "ternary tree", "database index", "spell checker"
    )
    found = triples(index)
    assert expect(index, "binary tree", "used_for", "database index") in found, found
    assert expect(index, "binary tree", "used_for", "ternary tree") not in found, found
    assert expect(index, "tree", "used_for", "binary tree") not in found, found


def test_relations_recall_items_each_with_a_relative_clause_are_listed():
    text = (
        "A eukaryotic cell consists of a nucleus that holds the genome and a membrane "
        "that encloses the cytoplasm."
    )
    names = ("eukaryotic cell", "nucleus", "genome", "membrane", "cytoplasm")
    index = tiny_index(text, *names)
    found = triples(index)
    assert expect(index, "nucleus", "part_of", "eukaryotic cell") in found, found
    assert expect(index, "membrane", "part_of", "eukaryotic cell") in found, found
    # what the relative clauses name is no item
    assert expect(index, "genome", "part_of", "eukaryotic cell") not in found, found
    assert expect(index, "cytoplasm", "part_of", "eukaryotic cell") not in found, found


def _heading_over_items(title: str, intro: str, items: list[str], names: list[str]):
    """A heading ``title`` over a paragraph ``intro`` and a top-level list of ``items``
    whose parent is that paragraph, after one card per concept of ``names``."""
    lines = [intro, *items]
    starts = [sum(len(line) + 1 for line in lines[:k]) for k in range(len(lines))]
    list_items = tuple(ListItem(s, s + len(lines[k]), 0, 0) for k, s in enumerate(starts) if k)
    cards = _qa(*((f"What is {n}?", "See the lecture.") for n in names))
    cards.append(
        Card("s.txt#9", "s.txt", "markdown", (100, 100 + len(lines)), title, "\n".join(lines),
             title_line=100, body_lines=tuple(range(101, 101 + len(lines))),
             title_kind="heading", items=list_items)
    )  # fmt: skip
    return cards


ENZYMES = ["enzyme", "digestive enzyme", "metabolic enzyme", "food", "reaction"]


def test_relations_recall_items_named_as_kinds_of_the_heading_class_are_kinds():
    items = ["Digestive enzymes break down food.", "Metabolic enzymes: drive reactions."]
    cards = _heading_over_items("Enzymes", "Cells make many of them.", items, ENZYMES)
    index = extract_concepts(cards)
    found = triples(index)
    assert expect(index, "digestive enzyme", "is_a", "enzyme") in found, found
    assert expect(index, "metabolic enzyme", "is_a", "enzyme") in found, found
    edge = next(r for r in typed_relations(index) if r.source == index.find("digestive enzyme"))
    # the heading and the item that names the kind
    assert [e.text for e in edge.evidence] == ["Enzymes", items[0]]


@pytest.mark.parametrize(
    ("title", "items", "extra"),
    [
        # one kind named is no list of kinds
        ("Enzymes", ["Digestive enzymes break down food.", "Food is broken down fast."], []),
        # a heading about something of the class names no class
        (
            "Problems with enzymes",
            ["Digestive enzymes break down food.", "Metabolic enzymes: drive reactions."],
            ["problems with enzyme"],
        ),
    ],
)
def test_relations_recall_items_under_a_heading_need_two_kinds_of_its_class(title, items, extra):
    cards = _heading_over_items(title, "Cells make many of them.", items, ENZYMES + extra)
    index = extract_concepts(cards)
    kinds = [r for r in typed_relations(index) if r.relation == "is_a"]
    assert not any(r.source == index.find("digestive enzyme") for r in kinds), kinds


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # a yes/no question answered yes states what it asks
        (
            "But isn't a dolphin (and a porpoise) a mammal rather than a fish? || Yes they "
            "are, and they breathe air.",
            [("dolphin", "mammal"), ("porpoise", "mammal")],
        ),
        ("Is a whale a mammal? || Yes, it feeds its young on milk.", [("whale", "mammal")]),
    ],
)
def test_relations_recall_a_question_answered_yes_states_what_it_asks(text, kinds):
    index = tiny_index(text, "dolphin", "porpoise", "whale", "mammal", "fish")
    found = triples(index)
    for kind, cls in kinds:
        assert expect(index, kind, "is_a", cls) in found, found
    assert not any(t == index.find("fish") for _, r, t in found if r == "is_a"), found


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # answered no, the question states nothing
        ("Is a whale a fish? || No, it is a mammal.", ("whale", "fish")),
        ("Is osmosis a kind of filtration? || No: it moves water, not solutes.",
         ("osmosis", "filtration")),
        # answered neither yes nor no, it only asks
        ("Is a whale a fish? || It lives in the sea and breathes air.", ("whale", "fish")),
    ],
)  # fmt: skip
def test_relations_recall_a_question_answered_no_states_nothing(text, absent):
    assert_unrelated(text, ("whale", "fish", "mammal", "osmosis", "filtration"), absent)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # the subject set against the concept of the same kind the sentence before names
        (
            "Aerobic respiration needs oxygen to run. In contrast, anaerobic respiration "
            "runs without it.",
            ("anaerobic respiration", "aerobic respiration"),
        ),
        # else against that sentence's subject
        (
            "Hash tables find a key in constant time. By contrast, binary trees keep keys "
            "in order.",
            ("binary tree", "hash table"),
        ),
    ],
)
def test_relations_recall_in_contrast_sets_a_subject_against_the_one_before(text, pair):
    names = ("aerobic respiration", "anaerobic respiration", "oxygen", "hash table",
             "binary tree", "key")  # fmt: skip
    index = tiny_index(text, *names)
    assert expect(index, pair[0], "contrasts_with", pair[1]) in triples(index)
    edge = next(r for r in typed_relations(index) if r.relation == "contrasts_with")
    assert len(edge.evidence) == 2  # both sentences


def test_relations_recall_in_contrast_to_is_read_by_its_cue_only():
    text = "Oxygen is scarce. In contrast to aerobic respiration, anaerobic respiration is fast."
    index = tiny_index(text, "oxygen", "aerobic respiration", "anaerobic respiration")
    found = triples(index)
    assert expect(index, "aerobic respiration", "contrasts_with", "anaerobic respiration") in (
        found
    )
    assert expect(index, "anaerobic respiration", "contrasts_with", "oxygen") not in found
    assert expect(index, "oxygen", "contrasts_with", "anaerobic respiration") not in found


def test_relations_recall_a_nested_item_naming_one_concept_is_read_with_its_parent(tmp_path):
    # a heading about no concept: the nested lines' subject is their parent item's
    notes = tmp_path / "soil.md"
    notes.write_text(
        "# Soil care\n\n## Habits\n\n- **mulching**\n  - helps improve soil moisture.\n"
        "- **compost**\n  - valuable in helping improve soil moisture.\n\n"
        "## Soil moisture\n\nSoil moisture is the water held in soil.\n"
    )
    index = extract_concepts([c for r in read_paths([notes]) for c in r.cards])
    found = triples(index)
    for item in ("mulching", "compost"):
        assert expect(index, item, "used_for", "soil moisture") in found, found
