"""CrowdAnki deck exports: one JSON file per deck, with nested decks as ``children``.

A deck (``"__type__": "Deck"``) has a ``name``, ``note_models`` (each with a
``crowdanki_uuid`` and its ``flds`` names), ``notes`` (``fields`` as HTML,
``note_model_uuid``) and ``children``. Each note is one card: its first field the title,
its other fields the body (metadata fields such as Tags and Difficulty skipped), the
path of deck names the section. ``lines`` count notes across the file, parents first.
A deck's description (``desc``), unless it only restates the deck's name, is a card of
kind ``summary`` before the deck's notes, at the number of its first note.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from itertools import accumulate
from typing import Any

from extraction.errors import ReadError
from extraction.limits import MAX_JSON_DEPTH, Deadline
from extraction.readers._base import CardBuilder, RawNote
from extraction.readers._html import deck_description, deck_path, note_parts
from extraction.readers.paragraphs import html_body
from extraction.readers.prompts import prompt_kind
from extraction.records import Card

FORMAT = "crowdanki"
EXTENSIONS = (".json",)

_MARKER = '"__type__"'
# A string, possessive so that nothing is rescanned; an unclosed one runs to the end.
_STRING = re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+"?', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]++")
_BRACKET_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def json_depth(text: str) -> int:
    """How deeply arrays and objects nest in JSON text, from its brackets outside strings.

    A linear scan in C-speed steps (about 2 s for 50 MB of brackets), so that deep
    nesting is refused before :func:`json.loads` recurses into it. On invalid JSON the
    answer is a bound, not exact: unclosed brackets count as open.

    >>> json_depth('{"a": [1, {"b": "]]]"}]}'), json_depth('"x"'), json_depth("[" * 9)
    (3, 0, 9)
    """
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(accumulate(map(_BRACKET_STEP.__getitem__, brackets)), default=0)


def parse_json(text: str) -> Any:
    """Parse JSON text, refusing nesting deeper than
    :data:`~extraction.limits.MAX_JSON_DEPTH` before parsing it.

    >>> parse_json('{"a": [1]}')
    {'a': [1]}

    Raises
    ------
    ReadError
        ``"invalid JSON: <reason> at line N"``, or the nesting is too deep.
    """
    depth = json_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise ReadError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels ({depth:,} levels)")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(f"invalid JSON: {exc.msg} at line {exc.lineno}") from None
    except (RecursionError, ValueError) as exc:  # ValueError: a number of over 4,300 digits
        raise ReadError(f"invalid JSON: {exc}") from None


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


def json_list(value: Any) -> list[Any]:
    """``value`` when it is a JSON array, else ``[]`` (a hand-edited deck may hold anything).

    >>> json_list([1]), json_list("notes"), json_list(None)
    ([1], [], [])
    """
    return value if isinstance(value, list) else []


def _field_names(deck: dict[str, Any], known: dict[str, list[str]]) -> dict[str, list[str]]:
    """Field names per note-model uuid: ``known`` plus the models this deck defines."""
    names = dict(known)
    for model in json_list(deck.get("note_models")):
        if isinstance(model, dict):
            flds = json_list(model.get("flds"))
            fields = [str(f.get("name", "")) for f in flds if isinstance(f, dict)]
            names[str(model.get("crowdanki_uuid"))] = fields
    return names


def _decks(
    deck: dict[str, Any], parent: tuple[str, ...] = (), known: dict[str, list[str]] | None = None
) -> Iterator[tuple[tuple[str, ...], dict[str, list[str]], list[Any], object]]:
    """``(deck path, field names per model, notes, description)`` of a deck and its
    children, depth first."""
    path = (*parent, *deck_path(str(deck.get("name") or "")))
    names = _field_names(deck, known or {})
    yield path, names, json_list(deck.get("notes")), deck.get("desc")
    for child in json_list(deck.get("children")):
        if isinstance(child, dict):
            yield from _decks(child, path, names)


def _description(
    desc: object, path: tuple[str, ...], number: int, builder: CardBuilder, raw: RawNote
) -> Card | None:
    """A deck's description (``desc``) as a ``summary`` card at the number of the deck's
    first note, unless it only restates the deck's name; one too long is skipped with a
    warning."""
    try:
        lines = deck_description(desc, " ".join(path))
    except ReadError as exc:
        raw.warn(f"the description of deck {'::'.join(path)!r}: {exc}; description skipped")
        return None
    if not lines:
        return None
    return builder.card(
        title="",
        body=html_body([lines], number),
        title_line=number,
        section=path,
        title_kind="summary",
    )


def read(raw: RawNote) -> Iterator[Card]:
    """The notes of a CrowdAnki deck and its sub-decks, one card each.

    A field over :data:`~extraction.limits.MAX_FIELD_CHARS` is skipped and past the
    time budget (:data:`~extraction.limits.FILE_TIME_BUDGET_S`) the notes read so far
    are kept, each with a warning (``raw.warnings``) naming the note.

    Raises
    ------
    ReadError
        Invalid or too deeply nested JSON, or JSON that is not a CrowdAnki deck.
    """
    root = parse_json(raw.text)
    if not _is_deck(root):
        raise ReadError('not a CrowdAnki deck (no "__type__": "Deck" at the top)')
    builder = CardBuilder(raw, FORMAT)
    deadline = Deadline()
    decks = list(_decks(root))
    total = sum(len(notes) for _, _, notes, _ in decks)
    number = 0
    for path, names, notes, desc in decks:
        if card := _description(desc, path, min(number + 1, max(total, 1)), builder, raw):
            yield card
        for note in notes:
            number += 1
            if deadline.expired():
                raw.warn(
                    f"stopped at note {number:,} of {total:,}: reading took over the "
                    f"{deadline.seconds:g} s time budget; the notes from there on were not read"
                )
                return
            if not isinstance(note, dict) or not isinstance(note.get("fields"), list):
                raw.warn(f"note {number}: not a note with a list of fields; note skipped")
                continue
            fields = [str(f) for f in note["fields"] if f is not None]
            parts = note_parts(names.get(str(note.get("note_model_uuid")), []), fields)
            for message in parts.skipped:
                raw.warn(f"note {number}: {message}")
            if parts.title or parts.blocks:
                yield builder.card(
                    title=parts.title,
                    body=html_body(parts.blocks, number),
                    title_line=number,
                    section=path,
                    title_kind="cloze" if parts.cloze else prompt_kind(parts.title),
                    title_emphasis=parts.title_emphasis,
                )
