"""Typed relations from term cards ("term -- definition"): an answer that opens with a
noun phrase naming a concept of the notes states the term's kind (its genus); an
opening that names a part, a quantity, a frame, a sum or a passage states none."""

from __future__ import annotations

import pytest

from extraction import relation_patterns as rp
from extraction.concepts import extract_concepts
from extraction.records import Card
from extraction.relations import typed_relations


def _deck(*pairs: tuple[str, str]) -> list[Card]:
    """A deck of term cards, one line each ("term<TAB>definition")."""
    return [
        Card(f"d.tsv#{i}", "d.tsv", "csv", (i, i), term, answer, title_line=i,
             body_lines=(i,), title_kind="term")
        for i, (term, answer) in enumerate(pairs, start=1)
    ]  # fmt: skip


def _typed(cards: list[Card]) -> dict[tuple[str, str, str], list[str]]:
    index = extract_concepts(cards)
    return {
        (r.source, r.relation, r.target): [e.text for e in r.evidence]
        for r in typed_relations(index)
        if r.relation != "related_to"
    }


_GENUS_CARDS = [
    ("Coffee", "Drink brewed from roasted beans of the coffee plant"),
    ("Espresso", "Coffee brewed by forcing hot water through finely ground beans"),
    ("Storm", "Violent disturbance of the atmosphere with strong winds"),
    ("Tornado", "Storm with a rotating column of air reaching the ground"),
]


@pytest.mark.parametrize(
    ("term", "genus"),
    [("espresso", "coffee"), ("tornado", "storm")],
)
def test_relations_term_cards_a_genus_opening_states_the_kind(term, genus):
    found = _typed(_deck(*_GENUS_CARDS))
    assert (term, "is_a", genus) in found, found


def test_relations_term_cards_the_edge_cites_term_and_answer():
    found = _typed(_deck(*_GENUS_CARDS))
    assert found[("espresso", "is_a", "coffee")] == [
        "Espresso",
        "Coffee brewed by forcing hot water through finely ground beans",
    ]


@pytest.mark.parametrize(
    ("cards", "absent"),
    [
        # a part of the whole the "of" phrase names
        (
            [
                ("Church", "Building for public worship with a tall nave"),
                ("Nave", "Part of the church where the congregation sits"),
            ],
            ("nave", "church"),
        ),
        # a quantity: a count of the concept, not a kind of it
        (
            [
                ("Pawn", "Chess piece that moves one square forward"),
                ("Rook", "Chess piece that moves along ranks and files"),
                ("Opening line", "eight pawns on the second rank"),
            ],
            ("opening line", "pawn"),
        ),
        # a sum of parts
        (
            [
                ("Copper", "Reddish metal that conducts heat well"),
                ("Zinc", "Bluish metal used for galvanizing steel"),
                ("Brass", "copper plus zinc"),
            ],
            ("brass", "copper"),
        ),
        # a passage from one concept to another
        (
            [
                ("Summit", "Highest point of a mountain above its base camp"),
                ("Base camp", "Shelter where climbers rest below the summit"),
                ("Descent", "Summit to base camp, usually in one day"),
            ],
            ("descent", "summit"),
        ),
        # a label line: the answer defines the label's concept, not the term
        (
            [
                ("Upper course", "Steep part of a river near its source"),
                ("River profile", "Upper course: the steep start where the water cuts down"),
            ],
            ("river profile", "upper course"),
        ),
        # an instruction the tagger may read as a name: no noun phrase opens it
        (
            [
                ("Filter", "Mesh that holds back solid grains"),
                ("Strainer", "Utilize filters to separate solids from liquids"),
            ],
            ("strainer", "filter"),
        ),
        # a name alone is no definition: nothing states the kind
        (
            [
                ("Cumulus cloud", "Heaped cloud with a flat base"),
                ("Low cloud", "Cumulus cloud"),
            ],
            ("low cloud", "cumulus cloud"),
        ),
        # no noun phrase: a use, a time
        (
            [
                ("Ship", "Large boat that carries goods across the sea"),
                ("Anchor", "Used to hold a ship in place"),
            ],
            ("anchor", "ship"),
        ),
    ],
)
def test_relations_term_cards_an_opening_that_states_no_kind_gives_no_is_a(cards, absent):
    found = _typed(_deck(*cards))
    assert (absent[0], "is_a", absent[1]) not in found, found


@pytest.mark.parametrize("word", sorted(rp.PART_NOUNS | rp.FRAMING_NOUNS | rp.EVALUATIVE_NOUNS))
def test_relations_term_cards_a_part_framing_or_evaluative_noun_is_no_genus(word):
    """Each noun of :data:`rp.PART_NOUNS`, :data:`rp.FRAMING_NOUNS` and
    :data:`rp.EVALUATIVE_NOUNS`, a concept of the notes opening a term's definition,
    gives no is_a to it."""
    cards = _deck(
        (word.capitalize(), f"A {word} is named in many courses on the subject"),
        ("Tidal range", f"{word.capitalize()} of the sea between high and low water"),
    )
    index = extract_concepts(cards)
    genus = index.find(word)
    found = {(r.source, r.relation, r.target) for r in typed_relations(index)}
    assert genus is None or ("tidal range", "is_a", genus) not in found, found


def test_relations_term_cards_a_formula_answer_states_no_kind():
    """ "What is X?" answered by a formula: the name before its equals sign is one of
    the formula's terms, not X's kind."""
    cards = _deck(("Debit", "An entry on the left side of a ledger"))
    cards.append(
        Card("d.tsv#2", "d.tsv", "csv", (2, 2), "What is the ledger balance?",
             "Debits = Credits + Adjustments. It must always hold", title_line=2,
             body_lines=(2,), title_kind="question")
    )  # fmt: skip
    found = _typed(cards)
    assert ("ledger balance", "is_a", "debit") not in found, found


@pytest.mark.parametrize("sign", ["/", "×", "+"])
def test_relations_term_cards_a_ratio_of_terms_states_no_kind(sign: str):
    """A term answered by terms with an arithmetic sign between them ("Density -- Mass /
    unit volume"): the last term is none of the term's kind."""
    cards = _deck(
        ("Unit volume", "A volume of one cubic metre"),
        ("Density", f"Mass {sign} unit volume, in kilograms"),
        ("Specific volume", "Unit volume of one kilogram"),
    )
    found = _typed(cards)
    assert ("density", "is_a", "unit volume") not in found, found
    assert ("specific volume", "is_a", "unit volume") in found, found


_LIST_CARDS = [
    ("Colour", "A property of light seen by the eye"),
    ("Red", "Colour of the longest visible wavelengths"),
    ("Primary colour", "Red, yellow, blue"),
    ("Igneous rock", "Rock formed from cooled magma"),
    ("Basalt", "Igneous rock, fine grains, dark colour"),
    ("Numbness", "A sign"),
    ("Wind", "Moving air"),
    ("Frostbite", "Numbness, pallor, blisters. Caused by cold and wind"),
]


@pytest.mark.parametrize(
    ("edge", "stated"),
    [
        # an answer that is only a list of single words names members or signs, no kind
        (("primary colour", "is_a", "red"), False),
        (("frostbite", "is_a", "numbness"), False),
        # a genus followed by its traits still states the kind
        (("basalt", "is_a", "igneous rock"), True),
    ],
)
def test_relations_term_cards_a_list_of_words_states_no_kind(edge, stated):
    assert (edge in _typed(_deck(*_LIST_CARDS))) is stated


@pytest.mark.parametrize(
    ("answer", "stated"),
    [
        # a use after a semicolon, with no subject of its own, is the term's
        ("Mix of lime and sand that sets slowly; used for masonry", True),
        ("Mix of lime and sand; mainly used for masonry", True),
        ("Mix of lime and sand; not used for masonry", False),
    ],
)
def test_relations_term_cards_use_after_a_semicolon_is_the_terms(answer, stated):
    cards = _deck(("Lime mortar", answer), ("Masonry", "Building with stone"))
    assert (("lime mortar", "used_for", "masonry") in _typed(cards)) is stated


@pytest.mark.parametrize(
    ("answer", "contrasted"),
    [
        ("A kiln that burns gas. Unlike an electric kiln, it can fire in reduction", True),
        ("A kiln that burns gas. Unlike an electric kiln, we can fire it in reduction", False),
    ],
)  # fmt: skip
def test_relations_term_cards_unlike_x_with_a_pronoun_subject_sets_x_against_the_term(
    answer, contrasted
):
    found = _typed(
        _deck(("Gas kiln", answer), ("Electric kiln", "A kiln heated by coils"),
              ("Kiln", "An oven for pottery"))
    )  # fmt: skip
    assert (("gas kiln", "contrasts_with", "electric kiln") in found) is contrasted


@pytest.mark.parametrize(
    ("answer", "genus"),
    [
        # a formula opens the answer: its first words are the definition
        ("d/dt x^2 = 2x. A vector quantity of motion", True),
        ("dx/dt = v^2. A vector quantity of motion", True),
        # words before: the second sentence is no definition
        ("How fast a thing moves. A vector quantity of motion", False),
    ],
)  # fmt: skip
def test_relations_term_cards_a_genus_after_an_opening_formula(answer, genus):
    found = _typed(_deck(("Velocity", answer), ("Vector quantity", "A quantity with a direction")))
    assert (("velocity", "is_a", "vector quantity") in found) is genus


@pytest.mark.parametrize(
    ("answer", "part"),
    [
        ("Slab of cordierite; main part of the kiln furniture", True),
        ("Slab of cordierite; the largest component of the kiln furniture", True),
        # a clause with a verb of its own, or a part of something else named first
        ("Slab of cordierite; holds part of the kiln furniture", False),
        ("Slab of cordierite; part of a set, with the kiln furniture", False),
    ],
)  # fmt: skip
def test_relations_term_cards_a_part_noun_after_a_semicolon_names_the_whole(answer, part):
    found = _typed(_deck(("Kiln shelf", answer), ("Kiln furniture", "What holds pots in a kiln")))
    assert (("kiln shelf", "part_of", "kiln furniture") in found) is part
