"""Merges through a generic head ("X model" is X): when the head names a whole made of
many of the thing X names, and the notes name other kinds of that thing, the two stay
apart, and the refusal says why."""

from __future__ import annotations

import pytest

from extraction.concepts import extract_concepts
from extraction.concepts.candidates import Candidate, Shape
from extraction.concepts.merging import WHOLE_HEADS, merge, other_kind
from extraction.records import Card


def cand(key: str, count: int = 2, pos: tuple[str, ...] = ()) -> Candidate:
    c = Candidate(key)
    c.forms[key] = count
    c.roles["mention"] = count
    c.count = count
    c.cards = {"c1"}
    if pos:
        c.shapes[Shape(words=len(key.split()), pos=pos)] = count
    return c


def card(title: str, body: str) -> Card:
    return Card(
        id="n.txt#1",
        source="n.txt",
        format="test",
        lines=(10, 11),
        title=title,
        body=body,
        title_line=10,
        body_lines=(11,),
        title_kind="heading",
    )


@pytest.mark.parametrize(
    ("base", "longer", "others", "merged"),
    [
        # a model of latent variables, beside observed ones, is no latent variable
        ("latent variable", "latent variable model", ("observed variable",), False),
        ("soil sample", "soil sample dataset", ("water samples",), False),
        ("rock layer", "rock layer structure", ("soil layer",), False),
        # no other kind named: the two are used interchangeably, as before
        ("latent variable", "latent variable model", (), True),
        # a classifier is the tree it is made of: not a whole head
        ("decision tree", "decision tree classifier", ("binary tree",), True),
        # a network is itself a model
        ("neural network", "neural network model", ("deep network",), True),
        # the notes say "transformer model": a transformer is a model
        (
            "seq2seq transformer",
            "seq2seq transformer model",
            ("vision transformer", "transformer model"),
            True,
        ),
        # another kind of as many words only ("first five trees" is no kind of tree)
        ("rock layer", "rock layer model", ("three thin soil layers",), True),
    ],
)
def test_merging_heads_a_whole_of_one_kind_of_thing_stays_apart(base, longer, others, merged):
    cands = {k: cand(k) for k in (base, longer, *others)}
    result = merge(cands)
    groups = [{c.key for c in g} for g in result.groups.values()]
    assert any({base, longer} <= g for g in groups) is merged
    refused = [(r.merge.name, r.merge.into, r.merge.rule) for r in result.refused]
    assert ((longer, base, "generic_head") in refused) is not merged


def test_merging_heads_other_kind_reads_only_names_of_kind_words():
    names = {
        "rock layer": cand("rock layer"),
        "first layer": cand("first layer", pos=("ADJ", "NOUN")),
        "layer of soil": cand("layer of soil", pos=("NOUN", "ADP", "NOUN")),
    }
    assert other_kind("rock layer", "model", names) == "first layer"
    del names["first layer"]
    assert other_kind("rock layer", "model", names) is None
    names["5 layer"] = cand("5 layer", pos=("NUM", "NOUN"))
    assert other_kind("rock layer", "model", names) is None


def test_merging_heads_whole_heads_are_thing_heads():
    from extraction.concepts.words import GENERIC_HEADS

    assert WHOLE_HEADS <= GENERIC_HEADS
    assert {"model", "dataset"} <= WHOLE_HEADS
    assert not WHOLE_HEADS & {"classifier", "cell", "unit", "function"}


def assert_merged(
    title: str, body: str, longer: str, base: str, merged: bool, *, refused_because: str
) -> None:
    """The card's names ``longer`` and ``base`` are one concept (``merged``), or the
    merge is refused with a reason that says ``refused_because``."""
    index = extract_concepts([card(title, body)])
    groups = [{c.key.lower() for c in s.candidates} for s in index.candidates]
    assert any({longer, base} <= g for g in groups) is merged
    why = {
        (r.merge.name.lower(), r.merge.into.lower()): r.why
        for s in index.candidates
        for r in s.refused
    }
    if merged:
        assert (longer, base) not in why
    else:
        assert refused_because in why[(longer, base)]


@pytest.mark.parametrize(
    ("title", "body", "longer", "base", "merged"),
    [
        (
            "Rock layer models",
            "A rock layer model stacks rock layers above soil layers.",
            "rock layer model",
            "rock layer",
            False,
        ),
        (
            "Rock layer models",
            "A rock layer model stacks rock layers in the order they formed.",
            "rock layer model",
            "rock layer",
            True,
        ),
        (
            "Soil sample datasets",
            "A soil sample dataset holds soil samples and water samples from one field.",
            "soil sample dataset",
            "soil sample",
            False,
        ),
        (
            "Soil sample datasets",
            "A soil sample dataset holds soil samples from one field.",
            "soil sample dataset",
            "soil sample",
            True,
        ),
    ],
)
def test_merging_heads_refusal_names_the_other_kind(title, body, longer, base, merged):
    assert_merged(title, body, longer, base, merged, refused_because="one kind of")


@pytest.mark.parametrize(
    ("title", "body", "longer", "base", "merged"),
    [
        # defined as another thing, and the model is about it: two concepts
        (
            "Groundwater",
            "Groundwater is water stored in an aquifer. "
            "A groundwater model simulates how groundwater moves through an aquifer.",
            "groundwater model",
            "groundwater",
            False,
        ),
        (
            "Capital stock",
            "Capital stock is the value of machines and buildings in an economy. "
            "A capital stock model tracks capital stock and depreciation year by year.",
            "capital stock model",
            "capital stock",
            False,
        ),
        # defined as a model: the model is the thing
        (
            "Harrod-Domar",
            "Harrod-Domar is a growth model that ties growth to saving. "
            "The Harrod-Domar model predicts unstable growth.",
            "harrod-domar model",
            "harrod-domar",
            True,
        ),
    ],
)
def test_merging_heads_a_model_about_a_thing_defined_apart_stays_apart(
    title, body, longer, base, merged
):
    assert_merged(title, body, longer, base, merged, refused_because="is defined as another thing")


@pytest.mark.parametrize(
    ("title", "body", "longer", "base", "merged"),
    [
        # "X problem" read only inside a longer name is a problem with X there
        (
            "Glaciers",
            "The shrinking glacier problem worries climbers. A glacier retreats each summer.",
            "glacier problem",
            "glacier",
            False,
        ),
        (
            "Roofs",
            "The leaking roof problem annoys tenants. A roof sheds rain.",
            "roof problem",
            "roof",
            False,
        ),
        # used on its own beside X, in one card, it may name X as a topic
        ("Roofs", "A roof problem costs money. A roof sheds rain.", "roof problem", "roof", True),
    ],
)
def test_merging_heads_a_problem_with_a_thing_is_no_other_name_of_it(
    title, body, longer, base, merged
):
    assert_merged(
        title, body, longer, base, merged, refused_because="only read inside longer names"
    )


@pytest.mark.parametrize(
    ("title", "body", "longer", "base", "merged"),
    [
        # set apart by a heading, its own definition uses the bare name as a thing it
        # is about: two concepts
        (
            "Price function",
            "A price function maps each good to its price on a given day. "
            "A price rises when demand grows.",
            "price function",
            "price",
            False,
        ),
        # a definition that does not use the bare name leaves them one
        (
            "Price function",
            "A price function maps each good to what it costs on a given day. "
            "A price rises when demand grows.",
            "price function",
            "price",
            True,
        ),
        # nor does a name of running text only
        (
            "Markets",
            "A price function maps each good to its price on a given day. "
            "A price rises when demand grows.",
            "price function",
            "price",
            True,
        ),
    ],
)
def test_merging_heads_a_name_defined_by_its_bare_word_stays_apart(
    title, body, longer, base, merged
):
    assert_merged(title, body, longer, base, merged, refused_because="on its own")
