"""CrowdAnki deck exports: one JSON file per deck, with nested decks as ``children``.

A deck (``"__type__": "Deck"``) has a ``name``, ``note_models`` (each with a
``crowdanki_uuid`` and its ``flds`` names), ``notes`` (``fields`` as HTML,
``note_model_uuid``) and ``children``. Each note is one card: its first field the title,
its other fields the body (metadata fields such as Tags and Difficulty skipped), the
path of deck names the section. ``lines`` count notes across the file, parents first.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from extraction.errors import ReadError
from extraction.readers._base import CardBuilder, RawNote
from extraction.readers._html import block_lines, deck_path, note_text
from extraction.records import Card

FORMAT = "crowdanki"
EXTENSIONS = (".json",)

#: Deepest nesting of JSON arrays and objects accepted.
MAX_DEPTH = 64
_MARKER = '"__type__"'


def json_depth(value: Any) -> int:
    """How deeply arrays and objects nest in a parsed JSON value (a scalar is 0).

    >>> json_depth({"a": [1, {"b": []}]}), json_depth("x")
    (4, 0)
    """
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in item)
    return deepest


def parse_json(text: str) -> Any:
    """Parse JSON text, refusing nesting deeper than :data:`MAX_DEPTH`.

    Raises
    ------
    ReadError
        ``"invalid JSON: <reason> at line N"``, or the nesting is too deep.
    """
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(f"invalid JSON: {exc.msg} at line {exc.lineno}") from None
    except RecursionError:
        value = None
        depth = MAX_DEPTH + 1
    else:
        depth = json_depth(value)
    if depth > MAX_DEPTH:
        raise ReadError(f"JSON nested deeper than {MAX_DEPTH} levels")
    return value


def _is_deck(value: Any) -> bool:
    return isinstance(value, dict) and value.get("__type__") == "Deck"


def sniff(raw: RawNote) -> float:
    """1.0 for a CrowdAnki deck; 0.5 for text that starts like one but is not valid JSON
    (so that :func:`read` says where it breaks); 0 otherwise."""
    if not raw.is_text or _MARKER not in raw.text[:2048]:
        return 0.0
    try:
        return 1.0 if _is_deck(parse_json(raw.text)) else 0.0
    except ReadError:
        return 0.5


def _field_names(deck: dict[str, Any], known: dict[str, list[str]]) -> dict[str, list[str]]:
    """Field names per note-model uuid: ``known`` plus the models this deck defines."""
    names = dict(known)
    for model in deck.get("note_models") or []:
        if isinstance(model, dict):
            fields = [f.get("name", "") for f in model.get("flds") or [] if isinstance(f, dict)]
            names[str(model.get("crowdanki_uuid"))] = fields
    return names


def _decks(
    deck: dict[str, Any], parent: tuple[str, ...] = (), known: dict[str, list[str]] | None = None
) -> Iterator[tuple[tuple[str, ...], dict[str, list[str]], list[Any]]]:
    """``(deck path, field names per model, notes)`` of a deck and its children, depth first."""
    path = (*parent, *deck_path(str(deck.get("name") or "")))
    names = _field_names(deck, known or {})
    yield path, names, list(deck.get("notes") or [])
    for child in deck.get("children") or []:
        if isinstance(child, dict):
            yield from _decks(child, path, names)


def read(raw: RawNote) -> Iterator[Card]:
    """The notes of a CrowdAnki deck and its sub-decks, one card each.

    Raises
    ------
    ReadError
        Invalid or too deeply nested JSON, or JSON that is not a CrowdAnki deck.
    """
    root = parse_json(raw.text)
    if not _is_deck(root):
        raise ReadError('not a CrowdAnki deck (no "__type__": "Deck" at the top)')
    builder = CardBuilder(raw, FORMAT)
    number = 0
    for path, names, notes in _decks(root):
        for note in notes:
            number += 1
            if not isinstance(note, dict):
                continue
            fields = [str(f) for f in note.get("fields") or [] if f is not None]
            title, blocks = note_text(names.get(str(note.get("note_model_uuid")), []), fields)
            if title or blocks:
                yield builder.card(
                    title=title,
                    body_lines=block_lines(blocks, number),
                    title_line=number,
                    section=path,
                )
