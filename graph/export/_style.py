"""How relations look and read in exports, as on the map (:mod:`graph.render`)."""

from __future__ import annotations

from collections.abc import Mapping
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


def relation_phrase(attrs: Mapping[str, Any]) -> str:
    """How an edge reads: its verb for a weak ``related_to`` edge that has one ("learn",
    :data:`WEAK_LINK_VERBS`), else its relation's name ("prerequisite of").

    >>> relation_phrase({"relation": "related_to", "label": "same sentence"})
    'named in one sentence with'
    >>> relation_phrase({"relation": "related_to", "label": "stressed together"})
    'stressed in one paragraph with'
    >>> relation_phrase({"relation": "related_to", "label": "learn"})
    'learn'
    """
    relation = str(attrs.get("relation") or "related_to")
    if relation == "related_to" and attrs.get("label"):
        label = one_line(attrs["label"])
        return WEAK_LINK_VERBS.get(label, label)
    return style(relation).label if relation in RELATION_STYLES else relation
