"""How relations look and read in exports, as on the map (:mod:`graph.render`)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from graph.build import SAME_SENTENCE, STRESSED_TOGETHER
from graph.export._base import one_line
from graph.render import RELATION_STYLES, RelationStyle

_UNKNOWN_STYLE = RelationStyle("related", "#9a9a9a", dashes=True, arrows=False)


def style(relation: str) -> RelationStyle:
    """The map's style of ``relation`` (a dashed grey line for a relation it lacks)."""
    return RELATION_STYLES.get(relation, _UNKNOWN_STYLE)


#: How the label of a weak link that names no verb reads between two concepts ("A
#: named in one sentence with B", "A stressed in one paragraph with B": both in bold or
#: italics there); any other label is a verb phrase of the notes ("mentions", "struggle
#: with") and reads as it is.
WEAK_LINK_VERBS: dict[str, str] = {
    SAME_SENTENCE: "named in one sentence with",
    STRESSED_TOGETHER: "stressed in one paragraph with",
}


#: How a weak link reads when its label is no verb that reads between two names.
MENTIONED_WITH = "mentioned with"

#: Verbs of general English that take what they bear on through a preposition ("refers
#: to", "relies on", "arises from"): alone between two names they read as no English
#: ("X refers Y"), so a one-word label of one of them reads :data:`MENTIONED_WITH`.
PREPOSITIONAL_VERBS = frozenset(
    {
        "account",
        "aim",
        "arise",
        "arrive",
        "belong",
        "consist",
        "contribute",
        "converge",
        "correspond",
        "deal",
        "depend",
        "emerge",
        "excel",
        "exist",
        "focus",
        "happen",
        "interact",
        "listen",
        "look",
        "occur",
        "point",
        "react",
        "refer",
        "rely",
        "respond",
        "result",
        "stand",
        "stay",
        "struggle",
        "suffer",
        "tend",
        "try",
        "work",
    }
)


#: Forms of "be", "have" and "do" that say what the source is or does.
_AUXILIARY_FORMS = frozenset({"is", "are", "was", "were", "has", "had", "does", "did"})


def _plain_forms(verb: str) -> set[str]:
    """The plain forms an "-s" or "-ed" form may come from, by spelling ("carries" ->
    carry, "focused" -> focus or focuse, "stopped" -> stop).

    >>> sorted(_plain_forms("relies")), sorted(_plain_forms("stopped"))
    (['reli', 'relie', 'relies', 'rely'], ['stop', 'stopp', 'stoppe', 'stopped'])
    """
    forms = set()
    if verb.endswith("ies") or verb.endswith("ied"):
        forms.add(verb[:-3] + "y")
    if verb.endswith("es") or verb.endswith("ed"):
        forms |= {verb[:-2], verb[:-1]}
        if len(verb) > 4 and verb[-3] == verb[-4]:
            forms.add(verb[:-3])  # a doubled consonant
    elif verb.endswith("s"):
        forms.add(verb[:-1])
    return forms | {verb}


def _inflected_verb(verb: str) -> bool:
    """Is ``verb`` spelled as an "-s" or past form ("represents", "carries",
    "developed"), not a plain form ("arise", "speed") nor a word that only ends alike
    ("process", "focus", "basis", "continuos")? A spelling reading: ``graph`` reads
    no dictionary (lemminflect loads spaCy), so an irregular past ("built") reads as
    none and a noun in "-s" the tagger took for a verb passes."""
    if verb in _AUXILIARY_FORMS:
        return True
    if len(verb) <= 3 or not verb.isalpha():
        return False
    if verb.endswith("ed"):
        return not verb.endswith("eed")  # "speed", "need": plain forms
    return verb.endswith("s") and not verb.endswith(("ss", "us", "is", "os"))


@lru_cache(maxsize=4096)
def weak_link_words(label: str) -> str:
    """How the label of a weak link reads between its two concepts ("A ... B"): the
    words of :data:`WEAK_LINK_VERBS`; the notes' verb when it reads as English there, a
    verb of the source in its "-s" or past form ("represents", "is named after",
    "developed", "relies on"); else :data:`MENTIONED_WITH`. A plain form ("arise",
    "manage": a plural subject, a question, "to manage") does not say what the source
    does, and a verb that needs its preposition (:data:`PREPOSITIONAL_VERBS`) reads as
    none without it. The form is read from the spelling (:func:`_inflected_verb`).

    >>> [weak_link_words(w) for w in ["represents", "is named after", "relies on", "arise"]]
    ['represents', 'is named after', 'relies on', 'mentioned with']
    >>> [weak_link_words(w) for w in ["refers", "process", "set", "same sentence"]]
    ['mentioned with', 'mentioned with', 'mentioned with', 'named in one sentence with']
    """
    label = one_line(label)
    if label in WEAK_LINK_VERBS:
        return WEAK_LINK_VERBS[label]
    words = label.lower().split()
    if not words or not _inflected_verb(words[0]):
        return MENTIONED_WITH
    if len(words) == 1 and _plain_forms(words[0]) & PREPOSITIONAL_VERBS:
        return MENTIONED_WITH
    return label


def relation_phrase(attrs: Mapping[str, Any]) -> str:
    """How an edge reads: for a weak ``related_to`` edge with a label, its words
    (:func:`weak_link_words`: "represents", "named in one sentence with"), else its
    relation's name ("prerequisite of").

    >>> relation_phrase({"relation": "related_to", "label": "same sentence"})
    'named in one sentence with'
    >>> relation_phrase({"relation": "related_to", "label": "stressed together"})
    'stressed in one paragraph with'
    >>> relation_phrase({"relation": "related_to", "label": "learns"})
    'learns'
    >>> relation_phrase({"relation": "related_to", "label": "learn"})
    'mentioned with'
    """
    relation = str(attrs.get("relation") or "related_to")
    if relation == "related_to" and attrs.get("label"):
        return weak_link_words(str(attrs["label"]))
    return style(relation).label if relation in RELATION_STYLES else relation
