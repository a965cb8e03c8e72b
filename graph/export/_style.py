"""How relations look and read in exports, as on the map (:mod:`graph.render`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graph.export._base import one_line
from graph.render import RELATION_STYLES, RelationStyle

_UNKNOWN_STYLE = RelationStyle("related", "#9a9a9a", dashes=True, arrows=False)


def style(relation: str) -> RelationStyle:
    """The map's style of ``relation`` (a dashed grey line for a relation it lacks)."""
    return RELATION_STYLES.get(relation, _UNKNOWN_STYLE)


def relation_phrase(attrs: Mapping[str, Any]) -> str:
    """How an edge reads: its verb for a weak ``related_to`` edge that has one ("learn"),
    else its relation's name ("prerequisite of")."""
    relation = str(attrs.get("relation") or "related_to")
    if relation == "related_to" and attrs.get("label"):
        return one_line(attrs["label"])
    return style(relation).label if relation in RELATION_STYLES else relation
