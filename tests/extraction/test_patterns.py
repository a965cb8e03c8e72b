"""The gated cue matcher gives exactly what one Matcher holding every cue gives."""

from __future__ import annotations

import pytest

from extraction import nlp as nlp_module
from extraction import relation_patterns as rp
from extraction.concepts import segments_of, sentences_of
from extraction.patterns import GatedMatcher, matcher, relation_cues, required_words
from extraction.readers import read_paths
from tests.conftest import SEEDS, requires_shared


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        ([{"LOWER": "such"}, {"LOWER": "as"}], {"such"}),
        ([{"LOWER": {"IN": ["a", "b"]}, "OP": "?"}, {"LOWER": "c"}], {"c"}),
        ([{"LOWER": "a", "OP": "*"}, {"LOWER": "b", "OP": "+"}], {"b"}),
        ([{"LOWER": "a", "OP": "{0,2}"}, {"LOWER": "b", "OP": "{1,2}"}], {"b"}),
        ([{"LOWER": "a", "OP": "!"}, {"POS": "NOUN"}, {"LOWER": "b"}], {"b"}),
        ([{"POS": "NOUN"}, {"ORTH": "("}], None),
        ([{"LOWER": {"NOT_IN": ["a"]}}], None),
    ],
)
def test_required_words(pattern, words):
    assert required_words(pattern) == (None if words is None else frozenset(words))


def _texts() -> list[str]:
    texts = [c.example.replace("||", "\n") for table in rp.TABLES.values() for c in table]
    texts += [
        "Such as, e.g. for example, unlike the rest.",
        "It is a kind of RNN, such as the LSTM, e.g. the GRU, and is used for translation.",
        "Nothing to see here.",
    ]
    return texts


def _same_as_matcher(texts: list[str]) -> int:
    nlp = nlp_module.load()
    full, gated = rp.matcher(nlp), relation_cues(nlp)
    n = 0
    for doc in nlp_module.pipe(texts, nlp=nlp):
        for span in [doc, *sentences_of(doc)]:
            assert gated(span) == full(span), span.text
            n += len(full(span))
    return n


def test_gated_matcher_equals_one_matcher():
    assert _same_as_matcher(_texts()) > len(_texts()) // 2


def test_gated_matcher_always_runs_patterns_without_words():
    nlp = nlp_module.load()
    gated = GatedMatcher(nlp.vocab, [("noun", [[{"POS": "NOUN"}]]), ("x", [[{"LOWER": "x"}]])])
    doc = nlp("The encoder reads.")
    assert [(nlp.vocab.strings[k], s, e) for k, s, e in gated(doc)] == [("noun", 1, 2)]


@requires_shared
def test_gated_matcher_equals_one_matcher_on_a_seed():
    cards = [c for r in read_paths(sorted(SEEDS.glob("000_*"))) for c in r.cards]
    texts = [seg.text for segs in segments_of(cards) for seg in segs]
    assert _same_as_matcher(texts) > 50


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("A drought occurs when rain fails for months.", "occurs_when"),
        ("Frost happens when the ground cools below zero.", "occurs_when"),
        ("Droughts occur often in summer.", None),
    ],
)
def test_patterns_defining_reads_a_condition_said_by_when_it_occurs(sentence, label):
    nlp = nlp_module.load()
    doc = nlp(sentence)
    found = {nlp.vocab.strings[k] for k, _, _ in matcher(nlp, "DEFINING")(doc)}
    assert (label in found) if label else not found


@pytest.mark.parametrize(
    ("sentence", "defines"),
    [
        ("A phoneme is any sound that tells two words apart.", True),
        ("Revenue is all money a firm takes in from its sales.", True),
        ("The harvest is all about timing.", False),  # no noun after "all"
    ],
)
def test_patterns_defining_copula_takes_a_quantifier_before_its_noun(sentence, defines):
    nlp = nlp_module.load()
    found = {nlp.vocab.strings[k] for k, _, _ in matcher(nlp, "DEFINING")(nlp(sentence))}
    assert ("copula" in found) is defines
