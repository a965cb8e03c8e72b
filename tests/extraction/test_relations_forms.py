"""A sentence names a concept in any of its ordinary written forms: a possessive, a
hyphenated first part that is a function word, quote marks around a word of the name,
one half of a name two words share. The mention finder is checked on one sentence at
a time against an index of given names, so no selector score decides a row."""

from __future__ import annotations

import pytest

from extraction import relation_patterns as rp
from extraction.concepts import ConceptIndex
from extraction.names import match_key
from extraction.nlp import pipe
from extraction.relations import mentions, typed_relations
from tests.extraction.test_relations import tiny_index


def named_index(*names: str) -> ConceptIndex:
    """An index whose concepts are ``names``, each known by its written form and its
    match key, as a build's index knows the names it keeps."""
    resolve = {}
    for name in names:
        resolve.update({name: name, match_key(name): name})
    return ConceptIndex({}, {}, resolve)


def named(sentence: str, *names: str) -> list[tuple[str, str]]:
    """(concept, words) of each mention the finder reads in ``sentence``."""
    doc = next(pipe([sentence]))
    found = mentions(named_index(*names), doc[:])
    return [(m.concept, doc[m.start : m.end].text) for m in found]


@pytest.mark.parametrize(
    ("sentence", "names", "concept", "words"),
    [
        # a possessive first word: the tokenizer splits its ending off
        ("Hooke's law relates force to extension.", ("Hooke's law",), "Hooke's law", "Hooke's law"),
        ("Hooke’s law relates force to extension.", ("Hooke's law",), "Hooke's law", "Hooke’s law"),
        ("Kepler's laws describe orbits.", ("Kepler's law",), "Kepler's law", "Kepler's laws"),
        ("Student's t-test compares two means.", ("Student's t-test",), "Student's t-test",
         "Student's t-test"),
        # a function word the name writes as a hyphenated first part
        ("Pruning reduces over fitting.", ("over-fitting",), "over-fitting", "over fitting"),
        ("Pruning reduces under/over fitting.", ("over-fitting",), "over-fitting", "over fitting"),
        ("Maximize the between-class scatter.", ("between-class scatter",),
         "between-class scatter", "between-class scatter"),
        ("Plan the off-site storage.", ("off-site storage",), "off-site storage",
         "off-site storage"),
        # a hyphen where the name is written as one word
        ("Pruning reduces over-fitting.", ("overfitting",), "overfitting", "over-fitting"),
        ("Pre-processing cleans the data.", ("preprocessing",), "preprocessing",
         "Pre-processing"),
        ("Students take on-line courses.", ("online course",), "online course",
         "on-line courses"),
        # quote marks around a word of the name
        ("Lookups go via the prototype 'chain'.", ("prototype chain",), "prototype chain",
         "prototype 'chain"),
        ("Lookups go via the prototype “chain”.", ("prototype chain",), "prototype chain",
         "prototype “chain"),
        ("Tune the “learning” rate first.", ("learning rate",), "learning rate",
         "learning” rate"),
        # one half of a name that two words share
        ("Glaciers build a lateral moraine system.", ("lateral and medial moraine system",),
         "lateral and medial moraine system", "lateral moraine system"),
        ("Looms differ in machine weaving.", ("hand and machine weaving",),
         "hand and machine weaving", "machine weaving"),
        ("Drain the output buffer.", ("input/output buffer",), "input/output buffer",
         "output buffer"),
    ],
)  # fmt: skip
def test_relations_forms_a_name_is_read_in_its_written_forms(
    sentence: str, names: tuple[str, ...], concept: str, words: str
):
    assert (concept, words) in named(sentence, *names)


@pytest.mark.parametrize(
    ("sentence", "names", "absent"),
    [
        # a function word and a word that spell a name only when run together
        ("Tips for getting started with knots.", ("forgetting",), "forgetting"),
        ("Store it in formation flights.", ("information",), "information"),
        ("Invert a symmetric matrix.", ("asymmetric matrix",), "asymmetric matrix"),
        ("Sort it in place.", ("inplace",), "inplace"),
        ("In- and outflows balance.", ("inflow",), "inflow"),
        ("Run an aerobic exercise.", ("anaerobic exercise",), "anaerobic exercise"),
        # a name that is only part of a hyphenated word: its tail, or a likeness or
        # an absence of what it names
        ("Drag is a non-conservative force.", ("conservative force",), "conservative force"),
        ("The hull makes a whale-like sound.", ("whale",), "whale"),
        ("Use a lock-free queue.", ("lock",), "lock"),
        # a half that is a name of its own is that name's, not the shared one's
        ("Fill the input buffer.", ("input/output buffer", "input buffer"),
         "input/output buffer"),
    ],
)  # fmt: skip
def test_relations_forms_a_look_alike_is_no_written_form(
    sentence: str, names: tuple[str, ...], absent: str
):
    assert absent not in {c for c, _ in named(sentence, *names)}


@pytest.mark.parametrize(
    ("sentence", "names", "expected"),
    [
        # a name two words share, written whole, is read whole
        ("List the advantages and disadvantages of rafts.",
         ("advantages and disadvantages of rafts",),
         [("advantages and disadvantages of rafts", "advantages and disadvantages of rafts")]),
        # two names of their own sharing a head stay two
        ("Compare the attribution / saliency map.",
         ("attribution map", "saliency map", "attribution / saliency map"),
         [("attribution map", "attribution"), ("saliency map", "saliency map")]),
        ("Passive and active solar heating differ.",
         ("passive solar heating", "active solar heating"),
         [("passive solar heating", "Passive"), ("active solar heating", "active solar heating")]),
    ],
)  # fmt: skip
def test_relations_forms_a_shared_name_is_read_as_written(
    sentence: str, names: tuple[str, ...], expected: list[tuple[str, str]]
):
    assert named(sentence, *names) == expected


MORAINE = "lateral and medial moraine system"


@pytest.mark.parametrize(
    ("names", "query", "expected"),
    [
        ((MORAINE,), "lateral moraine systems", MORAINE),
        ((MORAINE,), "medial moraine system", MORAINE),
        (("pre- and post-processing",), "post-processing", "pre- and post-processing"),
        (("hand or machine weaving",), "hand weaving", "hand or machine weaving"),
        (("input/output buffer",), "input buffer", "input/output buffer"),
        (("input/output buffer", "input buffer"), "input buffer", "input buffer"),
        (("checks and balances",), "checks", None),
        (("red and white wine", "white and rose wine"), "white wine", None),
    ],
)  # fmt: skip
def test_index_a_shared_name_answers_to_each_half(
    names: tuple[str, ...], query: str, expected: str | None
):
    assert named_index(*names).find(query) == expected


@pytest.mark.parametrize(
    ("text", "names", "edge"),
    [
        ("Hooke's law requires an elastic limit.", ("Hooke's law", "elastic limit"),
         ("Hooke's law", "elastic limit")),
        ("Glazing reduces the 'crazing' risk.", ("glazing", "crazing risk"),
         ("glazing", "crazing risk")),
        ("Pruning reduces under/over fitting of trees.", ("pruning", "over-fitting"),
         ("pruning", "over-fitting")),
    ],
)  # fmt: skip
def test_relations_forms_an_edge_reads_an_end_written_in_another_form(
    text: str, names: tuple[str, ...], edge: tuple[str, str]
):
    """The forms count where relations are read: a verb between two ends, one written
    in another form, gives its edge ("reduces" a typed one where the notes name a
    problem, else a weak one labelled with the verb)."""
    index = tiny_index(text, *names)
    pairs = {(r.source, r.target) for r in typed_relations(index)}
    assert (index.find(edge[0]), index.find(edge[1])) in pairs, pairs


@pytest.mark.parametrize(
    ("text", "names", "edge"),
    [
        ("What is a predator? || An animal that hunts along the food 'chain'.",
         ("food chain", "predator"), ("predator", "food chain")),
        ("What is a kiln? || An oven that fires the “bisque” ware.",
         ("bisque ware", "kiln"), ("kiln", "bisque ware")),
    ],
)  # fmt: skip
def test_relations_forms_a_quoted_word_of_a_name_links_the_card_subject(
    text: str, names: tuple[str, ...], edge: tuple[str, str]
):
    """A name with a word in quote marks, which the candidates end at the mark, is
    still a mention of the card's answer: the card's subject links to it (weakly,
    citing the sentence)."""
    index = tiny_index(text, *names)
    a, b = index.find(edge[0]), index.find(edge[1])
    linked = [r for r in typed_relations(index) if (r.source, r.target) == (a, b)]
    assert [(r.relation, r.label) for r in linked] == [("related_to", "mentions")], linked
    assert text.split("|| ")[1] in [e.text for e in linked[0].evidence], linked


@pytest.mark.parametrize("suffix", sorted(rp.LIKENESS_SUFFIXES))
def test_relations_forms_a_name_hyphened_to_a_likeness_word_is_not_read(suffix: str):
    """Each word of :data:`rp.LIKENESS_SUFFIXES` after a hyphen makes the name before it
    part of another word: no mention of the name's concept."""
    assert named(f"Kilns make a soot-{suffix} glaze.", "soot") == []
    assert named("Kilns make soot.", "soot") == [("soot", "soot")]
