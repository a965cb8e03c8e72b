"""Token patterns kept as data (spaCy ``Matcher`` patterns), each with a test.

The pipeline runs without a lemmatizer (see :mod:`extraction.nlp`), so patterns match
on ``LOWER`` forms rather than lemmas.
"""

from __future__ import annotations

from collections import defaultdict
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
    # "we can define osmosis (or passive water flow) as ...", "we define entropy as ..."
    "define": [
        [{"LOWER": {"IN": ["define", "defines"]}}, {"LOWER": {"IN": ["the", "a", "an"]}, "OP": "?"}]
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
            # "any" too: "A phone is any single speech sound" (as `definitions.defines`),
            # and "all": "Revenue is all money a firm takes in"
            {"LOWER": {"IN": ["a", "an", "the", "one", "any", "all"]}, "OP": "?"},
            {"POS": {"IN": ["ADJ", "VERB"]}, "TAG": {"NOT_IN": ["VBN"]}, "OP": "*"},
            {"POS": {"IN": ["NOUN", "PROPN"]}},
        ],
        # describing words set apart by a comma: "X is a slow, dense mass of ice", "a
        # weak, partly molten layer" (after an article: "X is slow, water ..." is none)
        [
            {"LOWER": {"IN": ["is", "are"]}},
            {"LOWER": {"IN": ["a", "an", "the", "one"]}},
            {"POS": "ADJ"},
            {"ORTH": ","},
            {"POS": "ADV", "OP": "?"},
            {"POS": {"IN": ["ADJ", "VERB"]}, "TAG": {"NOT_IN": ["VBN"]}, "OP": "+"},
            {"POS": {"IN": ["NOUN", "PROPN"]}},
        ],
    ],
    # a condition or event said by when it comes about: "A drought occurs when ..."
    "occurs_when": [
        [
            {"LOWER": {"IN": ["occurs", "occur", "happens", "happen", "arises", "arise"]}},
            {"LOWER": "when"},
        ]
    ],
    "refers": [[{"LOWER": {"IN": ["refers", "refer"]}}, {"LOWER": "to"}]],
    # a law, rule or principle stated: "X states that ...", "X says that ..."
    "states_that": [[{"LOWER": {"IN": ["states", "state", "says", "say"]}}, {"LOWER": "that"}]],
    # "X is defined as ...", "X is usually defined as ..."
    "defined_as": [
        [
            {"LOWER": {"IN": ["is", "are"]}},
            {"POS": "ADV", "OP": "?"},
            {"LOWER": "defined"},
            {"LOWER": "as"},
        ]
    ],
    "denotes": [[{"LOWER": {"IN": ["denotes", "means", "describes", "represents"]}}]],
}


#: A noun phrase by part of speech, for questions the parser reads badly ("What role
#: does the mantle plume play in hotspots?"): every run of modifiers ending in a noun.
NOUN_PHRASE: dict[str, list[list[dict]]] = {
    "np": [
        [{"POS": {"IN": ["ADJ", "NOUN", "PROPN"]}, "OP": "*"}, {"POS": {"IN": ["NOUN", "PROPN"]}}]
    ],
}

#: A term glossed by another in parentheses: "a salt marsh (wetland)".
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


# -- matching only the patterns a text can match ----------------------------------------

_OPTIONAL_OPS = frozenset({"?", "*", "!"})
_LOWER_IDS = "concept_atlas_lower_ids"


def _optional(op: object) -> bool:
    """Does a token spec with this ``OP`` match zero tokens ("?", "*", "!", "{0,n}",
    "{,n}")?"""
    if op is None or op == "+":
        return False
    if isinstance(op, str) and op.startswith("{") and op.endswith("}"):
        low = op[1:-1].split(",")[0].strip()
        return not low or int(low) == 0
    return op in _OPTIONAL_OPS


def required_words(pattern: list[dict]) -> frozenset[str] | None:
    """Lower-case words one of which a text must contain for ``pattern`` to match: those
    of its first required token with a ``LOWER`` constraint (a string or ``{"IN": ...}``);
    None when no required token names its words.

    >>> sorted(required_words([{"LOWER": "such"}, {"LOWER": "as"}]))
    ['such']
    >>> sorted(required_words([{"ORTH": ",", "OP": "?"}, {"LOWER": {"IN": ["e.g.", "like"]}}]))
    ['e.g.', 'like']
    >>> required_words([{"POS": "NOUN"}]) is None
    True
    """
    for spec in pattern:
        attrs = {str(k).upper(): v for k, v in spec.items()}
        if _optional(attrs.get("OP")):
            continue
        lower = attrs.get("LOWER")
        if isinstance(lower, str):
            return frozenset({lower})
        if isinstance(lower, dict) and isinstance(lower.get("IN"), list | tuple):
            return frozenset(lower["IN"])
    return None


class GatedMatcher:
    """A spaCy ``Matcher`` over ``rules`` that, for each text, runs only the patterns
    whose required words (:func:`required_words`) the text contains.

    A pattern whose required words are absent cannot match, so the result is exactly
    that of one ``Matcher`` holding every rule, in the same order: the matcher steps
    through each pattern's states independently and in the order the patterns were
    added, and the patterns kept for a text are added in that order. Most of a
    ``Matcher``'s time goes to testing each token against the first token of every
    pattern; a sentence contains the words of only a few.

    Parameters
    ----------
    vocab : spacy.vocab.Vocab
        The vocabulary of the docs to match.
    rules : iterable of (str, list of patterns)
        As for ``Matcher.add(key, patterns)``, in the order they would be added.
    """

    def __init__(self, vocab, rules) -> None:
        from spacy.strings import get_string_id

        self.vocab = vocab
        self._patterns: list[tuple[str, list[dict], frozenset[int] | None]] = []
        for key, patterns in rules:
            for pattern in patterns:
                words = required_words(pattern)
                ids = None if words is None else frozenset(get_string_id(w) for w in words)
                self._patterns.append((key, pattern, ids))
        self._matchers: dict[tuple[int, ...], Matcher] = {}
        # word id -> the patterns that need it, and the patterns that need no word: a
        # text's patterns are found from its words, not by testing every pattern
        self._ungated: list[int] = []
        self._by_word: dict[int, list[int]] = defaultdict(list)
        for i, (_, _, need) in enumerate(self._patterns):
            if need is None:
                self._ungated.append(i)
            for word in need or ():
                self._by_word[word].append(i)

    def __call__(self, doclike) -> list[tuple[int, int, int]]:
        """``Matcher.__call__(doclike)``: ``(match_id, start, end)`` triples."""
        doc = doclike.doc if hasattr(doclike, "doc") else doclike
        ids = doc.user_data.get(_LOWER_IDS)
        if ids is None:
            ids = doc.user_data[_LOWER_IDS] = doc.to_array("LOWER").tolist()
        present = set(ids) if doclike is doc else set(ids[doclike.start : doclike.end])
        found = set(self._ungated)
        for word in present:
            found.update(self._by_word.get(word, ()))
        chosen = tuple(sorted(found))  # in the order the patterns were added
        if not chosen:
            return []
        matcher = self._matchers.get(chosen)
        if matcher is None:
            matcher = self._matchers[chosen] = Matcher(self.vocab)
            for i in chosen:
                key, pattern, _ = self._patterns[i]
                matcher.add(key, [pattern])
        return matcher(doclike)


@cache
def relation_cues(nlp: Language) -> GatedMatcher:
    """The cues of :data:`extraction.relation_patterns.TABLES`, added in the order
    :func:`extraction.relation_patterns.matcher` adds them, as a :class:`GatedMatcher`."""
    from extraction import relation_patterns as rp

    rules = [(c.name, [c.pattern]) for table in rp.TABLES.values() for c in table]
    return GatedMatcher(nlp.vocab, rules)
