"""Aliases merged on evidence: a name typed in capitals ("KILN FIRING", a heading) and
the same words in ordinary case; a term English does not know, set off as a term and
glossed in brackets by its English rendering. Each merge is made by a named rule."""

from __future__ import annotations

import pytest

from extraction.concepts.candidates import AliasPair, Candidate
from extraction.concepts.merging import RULES, merge, shouted


def cand(key: str, count: int = 2) -> Candidate:
    c = Candidate(key)
    c.forms[key] = count
    c.roles["mention"] = count
    c.count = count
    c.cards = {"c1"}
    return c


@pytest.mark.parametrize(
    ("shout", "plain", "merged"),
    [
        ("KILN FIRING", "kiln firing", True),
        ("GLAZE RECIPES", "glaze recipe", True),
        ("TIDAL RANGE", "Tidal range", True),
        # an acronym is no word English knows: the capitals are its own
        ("DNA POLYMERASE", "DNA polymerase", False),
        ("RISC CPU", "risc cpu", False),
        # other words
        ("KILN FIRING", "kiln loading", False),
    ],
)
def test_merging_capitals_joins_a_shouted_name_with_its_words(shout, plain, merged):
    result = merge({k: cand(k) for k in (shout, plain)})
    rules = {(m.name, m.rule) for ms in result.merges.values() for m in ms}
    assert ((shout, "capitals") in rules) is merged


def test_merging_capitals_records_its_reason():
    result = merge({k: cand(k) for k in ("SEED DORMANCY", "seed dormancy")})
    (merges,) = result.merges.values()
    (m,) = merges
    assert (m.name, m.into, m.rule) == ("SEED DORMANCY", "seed dormancy", "capitals")
    assert m.reason == RULES["capitals"]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["SEED", "DORMANCY"], True),
        (["SEED"], False),  # one word: an acronym's shape
        (["DNA", "REPAIR"], False),
        (["Seed", "dormancy"], False),
        (["OF", "MICE"], False),  # a word of two letters
    ],
)
def test_merging_capitals_shouted(words, expected):
    assert shouted(words) is expected


def stressed(key: str, count: int = 2) -> Candidate:
    c = cand(key, count)
    c.roles["emphasis"] = 1
    return c


@pytest.mark.parametrize(
    ("outer", "inner", "rule"),
    [
        # a term English does not know, set off in italics, and its English rendering
        (stressed("mindful breathing"), stressed("anapanasati"), "term_gloss"),
        (stressed("anapanasati"), cand("mindful breathing"), "term_gloss"),
        # not set off as a term: no other name said
        (cand("mindful breathing"), cand("anapanasati"), None),
        # English words in the bracket give an example
        (cand("ensemble method"), stressed("bagging"), None),
        # a proper name in the bracket gives an example
        (cand("volcano"), stressed("Etna"), None),
        # the short form of the other: a gloss as before
        (cand("rectified linear unit"), cand("ReLU"), "gloss"),
    ],
)
def test_merging_glossed_term_and_its_rendering_are_one(outer, inner, rule):
    pair = AliasPair(inner.key, outer.key, "glossed in brackets")
    result = merge({outer.key: outer, inner.key: inner}, [pair])
    rules = [m.rule for ms in result.merges.values() for m in ms]
    assert rules == ([rule] if rule else [])
