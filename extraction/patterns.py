"""Token patterns kept as data (spaCy ``Matcher`` patterns), each with a test.

The pipeline runs without a lemmatizer (see :mod:`extraction.nlp`), so patterns match
on ``LOWER`` forms rather than lemmas.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.matcher import Matcher

#: A term introduced by name: the noun phrase right after the match is a concept.
#: "(called mode collapse)", "is known as poisoning", "referred to as BPTT".
NAMING: dict[str, list[list[dict]]] = {
    "called": [[{"LOWER": {"IN": ["called", "termed", "dubbed", "named"]}}]],
    "known_as": [
        [{"LOWER": {"IN": ["known", "referred"]}}, {"LOWER": "to", "OP": "?"}, {"LOWER": "as"}]
    ],
    # examples name instances: "such as ReLU", "models like ChatGPT", "e.g. sigmoid"
    "example": [
        [{"LOWER": "such"}, {"LOWER": "as"}],
        [{"LOWER": "like"}],
        [{"LOWER": {"IN": ["e.g.", "e.g", "eg", "including"]}}],
        [{"LOWER": "for"}, {"LOWER": {"IN": ["example", "instance"]}}, {"ORTH": ",", "OP": "?"}],
    ],
}

#: A sentence that defines its subject: "X is a ...", "X are ...", "X refers to ...".
#: The pattern matches the verb right after the sentence's first noun phrase.
DEFINING: dict[str, list[list[dict]]] = {
    "copula": [
        [
            {"LOWER": {"IN": ["is", "are"]}},
            {"LOWER": {"IN": ["a", "an", "the", "one"]}, "OP": "?"},
            {"POS": {"IN": ["ADJ", "VERB"]}, "TAG": {"NOT_IN": ["VBN"]}, "OP": "*"},
            {"POS": {"IN": ["NOUN", "PROPN"]}},
        ]
    ],
    "refers": [[{"LOWER": {"IN": ["refers", "refer"]}}, {"LOWER": "to"}]],
    "denotes": [[{"LOWER": {"IN": ["denotes", "means", "describes", "represents"]}}]],
}


#: A noun phrase by part of speech, for questions the parser reads badly ("What role
#: does the hidden state play in RNNs?"): every run of modifiers ending in a noun.
NOUN_PHRASE: dict[str, list[list[dict]]] = {
    "np": [
        [{"POS": {"IN": ["ADJ", "NOUN", "PROPN"]}, "OP": "*"}, {"POS": {"IN": ["NOUN", "PROPN"]}}]
    ],
}

#: A term glossed by another in parentheses: "a latent space (bottleneck)".
GLOSS: dict[str, list[list[dict]]] = {
    "gloss": [
        [
            {"POS": {"IN": ["NOUN", "PROPN"]}},
            {"ORTH": "("},
            {"POS": {"IN": ["ADJ", "NOUN", "PROPN"]}, "OP": "{0,2}"},
            {"POS": {"IN": ["NOUN", "PROPN"]}},
            {"ORTH": ")"},
        ]
    ],
}


@cache
def matcher(nlp: Language, name: str) -> Matcher:
    """A ``Matcher`` holding the patterns of the table ``name`` (``"NAMING"``, ...)."""
    table = {"NAMING": NAMING, "DEFINING": DEFINING, "NOUN_PHRASE": NOUN_PHRASE, "GLOSS": GLOSS}[
        name
    ]
    m = Matcher(nlp.vocab)
    for label, patterns in table.items():
        m.add(label, patterns)
    return m
