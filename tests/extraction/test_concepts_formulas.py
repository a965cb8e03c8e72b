"""Formulas copied from pages that render maths: each written twice, rendered and as
TeX source ("v2v^2"), read as their readable half or as no name at all."""

from __future__ import annotations

import pytest

from extraction.concepts import extract_concepts
from extraction.records import Card


def card(title: str, body: str, *, kind: str = "heading") -> Card:
    return Card(
        id="n.md#1",
        source="n.md",
        format="test",
        lines=(1, 2),
        title=title,
        body=body,
        title_line=1,
        body_lines=(2,),
        title_kind=kind,
    )


def found(index) -> set[str]:
    names = {n for c in index.concepts.values() for n in (c.id, c.label, *c.aliases)}
    return {n.lower() for n in names} | {s.root.lower() for s in index.candidates}


@pytest.mark.parametrize(
    ("word", "half"),
    [
        ("v2v^2", "v2"),
        ("H2OH_2O", "H2O"),
        ("ΔHΔH", "ΔH"),
        ("x_{0}x_{0}", "x0"),
        ("enzyme", None),
        ("Kk", None),
        ("x", None),
    ],
)
def test_names_doubled_half(word, half):
    from extraction.names import doubled_half

    assert doubled_half(word) == half


@pytest.mark.parametrize(
    ("word", "read"),
    [
        ("NaClNaCl", "NaCl"),
        ("CO2CO_2", "CO2"),
        ("ΔHΔH", "ΔH"),
        ("enzymeenzyme", "enzyme"),
        ("v2v^2", None),
        ("θθ", None),
        ("kk", None),
        ("m_im_i", None),
        ("FnetFnet", None),
        ("v^2", None),
        ("\\Delta", None),
        ("tsetse", "tsetse"),
        ("couscous", "couscous"),
        ("AA", "AA"),
        ("osmosis", "osmosis"),
    ],
)
def test_phrases_rendered_word(word, read):
    from extraction.concepts.phrases import rendered_word

    assert rendered_word(word) == read


@pytest.mark.parametrize(
    ("title", "kind", "body", "expected", "never"),
    [
        # a doubled formula glossed in brackets: its readable half, as an alias
        (
            "Table salt",
            "heading",
            "Table salt (NaClNaCl) dissolves in water.",
            {"nacl"},
            "naclnacl",
        ),
        ("NaClNaCl", "term", "The salt that dissolves in water.", {"nacl"}, "naclnacl"),
        (
            "Photosynthesis",
            "heading",
            "Plants fix carbon dioxide (CO2CO2) in the light.",
            {"co2"},
            "co2co2",
        ),
        (
            "Enthalpy",
            "heading",
            "The enthalpy change ΔHΔH of the reaction is negative.",
            {"δh"},
            "δhδh",
        ),
        # a doubled variable names nothing
        ("Net force", "heading", "The net force (FnetFnet) sets the acceleration.", set(), "fnet"),
        (
            "Work",
            "heading",
            "The work (WtotalWtotal) done on the body is its energy.",
            set(),
            "wtotal",
        ),
        ("Reaction rate", "heading", "The rate constant (kk) grows with heat.", set(), "kk"),
        ("v2v^2", "term", "The square of the speed.", set(), "v2"),
    ],
)
def test_concepts_doubled_formula_is_no_name(title, kind, body, expected, never):
    names = found(extract_concepts([card(title, body, kind=kind)]))
    assert expected <= names
    assert not {n for n in names if never in n}


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("H2O", True),
        ("C6H12O6", True),
        ("Cl-", True),
        ("NH4+", True),
        ("SO4", True),
        ("DNA", False),
        ("LSTM", False),
        ("GANs", False),
        ("COVID-19", False),
        ("t-SNE", False),
    ],
)
def test_candidates_formula_token(word, expected):
    from extraction.concepts.candidates import formula_token

    assert formula_token(word) is expected


@pytest.mark.parametrize(
    ("title", "body", "never"),
    [
        ("Osmosis", "Water moves to the side with more salt, e.g. Na+, Cl-, SO4.", "so4"),
        ("Plate tectonics (GEOL 102)", "Plates move on the mantle and build mountains.", "geol"),
        ("Enzymes (BIOC 2150)", "Enzymes lower the energy a reaction needs.", "bioc"),
    ],
)
def test_candidates_formula_or_course_code_is_no_acronym(title, body, never):
    index = extract_concepts([card(title, body)])
    names = {n.lower() for c in index.concepts.values() for n in (c.id, c.label, *c.aliases)}
    assert never not in names
