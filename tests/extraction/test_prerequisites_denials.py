"""Prerequisites and denials: a concept named only where the sentence denies it ("A
beurre manie is not a roux", "It does not need a roux", "unlike a roux") is no evidence
that it is learned before the concept the sentence is about."""

from __future__ import annotations

import pytest

from extraction.concepts import extract_concepts
from extraction.prerequisites import candidates
from extraction.records import Card
from extraction.relations import typed_relations


def _pair(definition: str, second: str = "") -> dict[str, float]:
    """The features of "roux before beurre manie", where the card about the beurre
    manie answers with ``definition`` (and ``second``, a line of its own)."""
    body = definition + (f"\n{second}" if second else "")
    cards = [
        Card("n#1", "n.txt", "qa-list", (1, 2), "What is a roux?",
             "Flour cooked in fat until it smells of nuts.", title_line=1, body_lines=(2,)),
        Card("n#2", "n.txt", "qa-list", (3, 5), "What is a beurre manie?", body,
             title_line=3, body_lines=(4, 5) if second else (4,)),
    ]  # fmt: skip
    index = extract_concepts(cards)
    roux, manie = index.find("roux"), index.find("beurre manie")
    assert roux and manie, "the fixture's two concepts"
    # the card names the roux: what it says of it, not a name missed, decides the features
    assert any(c == roux for c, _ in index.card_mentions["n#2"])
    found = candidates(index, typed_relations(index)).get((roux, manie))
    return found.features if found else {}


@pytest.mark.parametrize(
    ("definition", "builds_on"),
    [
        ("A beurre manie is a roux made with raw flour.", True),  # control
        ("A beurre manie is not a roux; it is raw flour kneaded into butter.", False),
        ("A beurre manie isn't a roux. It is raw flour kneaded into butter.", False),
        ("A beurre manie is never a roux, only raw flour kneaded into butter.", False),
        ("A beurre manie is no longer a roux once the flour is kneaded raw.", False),
        ("A beurre manie does not need a roux to thicken a sauce.", False),
        ("A beurre manie needs no roux to thicken a sauce.", False),
        ("A beurre manie is neither a roux nor a slurry.", False),
        ("Unlike a roux, a beurre manie is kneaded raw into butter.", False),
        ("A beurre manie is not only a roux but also a paste of butter.", True),
    ],
)
def test_prerequisites_a_denied_definition_is_no_evidence(definition, builds_on):
    found = _pair(definition)
    assert ("in_definition" in found or "definition_words" in found) == builds_on
    assert ("explains" in found) == builds_on


@pytest.mark.parametrize(
    ("sentence", "explains"),
    [
        ("It thickens a sauce as a roux does.", True),  # control
        ("It does not need a roux.", False),  # the card's subject, by a pronoun
        ("It no longer uses a roux.", False),
        ("It cannot replace a roux in a gumbo.", False),
        ("A cook may not have a roux at hand.", True),  # a clause about another subject
    ],
)
def test_prerequisites_a_denied_sentence_in_the_card_explains_nothing(sentence, explains):
    found = _pair("Raw flour kneaded into soft butter.", sentence)
    assert ("explains" in found) == explains
