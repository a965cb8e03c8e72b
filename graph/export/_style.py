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


@lru_cache(maxsize=4096)
def weak_link_words(label: str) -> str:
    """How the label of a weak link reads between its two concepts ("A ... B"): the
    words of :data:`WEAK_LINK_VERBS`; the notes' verb when it reads as English there, a
    verb of the source in its "-s" or past form ("represents", "is named after",
    "developed", "relies on"); else :data:`MENTIONED_WITH`. A plain form ("arise",
    "manage": a plural subject, a question, "to manage") does not say what the source
    does, a word English has as no verb ("pixels") is the tagger's slip, and a verb that
    needs its preposition (:data:`PREPOSITIONAL_VERBS`) reads as none without it.

    >>> [weak_link_words(w) for w in ["represents", "is named after", "relies on", "arise"]]
    ['represents', 'is named after', 'relies on', 'mentioned with']
    >>> [weak_link_words(w) for w in ["refers", "pixels", "set", "same sentence"]]
    ['mentioned with', 'mentioned with', 'mentioned with', 'named in one sentence with']
    """
    from lemminflect import getAllLemmas, getInflection

    label = one_line(label)
    if label in WEAK_LINK_VERBS:
        return WEAK_LINK_VERBS[label]
    words = label.lower().split()
    if not words:
        return MENTIONED_WITH
    verb = words[0]
    lemmas = getAllLemmas(verb).get("VERB", ()) or getAllLemmas(verb).get("AUX", ())
    if not lemmas or verb in lemmas:  # no verb, or its plain form ("set" is both)
        return MENTIONED_WITH
    if len(words) == 1 and any(lemma in PREPOSITIONAL_VERBS for lemma in lemmas):
        return MENTIONED_WITH
    forms = {f for lemma in lemmas for tag in ("VBZ", "VBD") for f in getInflection(lemma, tag)}
    return label if verb in forms else MENTIONED_WITH


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
