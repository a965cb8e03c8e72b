"""``anki``: an Anki deck (``.apkg``), one note per concept that the notes define."""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import os
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Hashable, Mapping, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

import genanki
import networkx as nx

from graph.export._base import (
    NO_TOPIC,
    Written,
    citation,
    label,
    one_line,
    other_names,
    plural,
    slug,
    topic,
    writable,
)
from graph.export.select import Selection, study_order
from graph.io import replace_file

FORMATS = ("anki",)
SUFFIX = ".apkg"
FOLDER = False

MODEL_NAME = "Concept Atlas concept"
#: Largest deck database read to recognise a deck as one this module wrote.
_MAX_DECK_BYTES = 512 * 1024 * 1024

_ANKI_CSS = """.card { font-family: Helvetica, Arial, sans-serif; font-size: 20px;
  text-align: center; color: #1f2933; background: #ffffff; }
.aliases { margin-top: 12px; font-size: 15px; color: #52606d; }
.source { margin-top: 12px; font-size: 12px; color: #7b8794; }
"""


def is_own(path: Path) -> bool:
    """Whether ``path`` is a deck this module wrote (its note type is in the deck)."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("collection.anki2")
            if info.file_size > _MAX_DECK_BYTES:
                return False
            with archive.open(info) as db:
                return _contains(db, MODEL_NAME.encode())
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


def _contains(stream: Any, needle: bytes, chunk: int = 1 << 20) -> bool:
    carry = b""
    while block := stream.read(chunk):
        if needle in carry + block:
            return True
        carry = block[-len(needle) :]
    return False


def write_anki(
    G: nx.MultiDiGraph,
    path: str | os.PathLike[str],
    order: Sequence[Hashable] | None = None,
    cards: Mapping[str, Any] | None = None,
    *,
    deck_name: str = "Concept Atlas",
) -> int:
    """Write an Anki deck (``.apkg``): one note per concept that has a definition.

    The front is the concept's label (on one line), the back its definition, aliases and source
    ("notes.md, line 12"), all HTML-escaped, with every control character but tab and
    line breaks (Anki's field separator U+001F among them) and every lone surrogate
    shown as U+FFFD (:func:`graph.export._base.writable`): a note has two fields,
    whatever the notes hold. Notes come in study order
    (:func:`graph.export.select.study_order`: prerequisites first, then by importance)
    unless ``order`` is given, and Anki shows new cards in that order. Model, deck and
    note ids derive from hashes, so importing a new export updates the notes instead of
    duplicating them. Notes are tagged with their topic. Concepts without a definition
    have nothing to ask: they are left out (:func:`undefined` counts them).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A concept graph.
    path : path-like
        The ``.apkg`` file to write.
    order : sequence of node, optional
        The concepts to include, in this order.
    cards : mapping of str to Card, optional
        The cards by id (as :func:`graph.build.build_atlas` returns them), to cite
        the card of a definition that has no evidence of its own.
    deck_name : str
        Name of the deck (``"::"`` makes sub-decks).

    Returns
    -------
    int
        The number of notes written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("nmr", label="NMR", definition="A <b>loop</b>.")
    >>> G.add_node("isotope", label="isotope")
    >>> write_anki(G, pathlib.Path(tempfile.mkdtemp()) / "deck.apkg"), undefined(G)
    (1, ['isotope'])
    """
    nodes = [n for n in (study_order(G) if order is None else dict.fromkeys(order)) if n in G]
    model = genanki.Model(
        _anki_id("model", "concept-atlas/basic/1"),
        MODEL_NAME,
        fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[
            {
                "name": "Concept",
                "qfmt": "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}',
            }
        ],
        css=_ANKI_CSS,
    )
    deck_name = _deck_name(deck_name)
    deck = genanki.Deck(_anki_id("deck", deck_name), deck_name)
    guids: set[str] = set()
    for position, node in enumerate(n for n in nodes if G.nodes[n].get("definition")):
        a = G.nodes[node]
        back = [_html(writable(str(a["definition"])).strip())]
        aliases = other_names(node, a)
        if aliases:
            back.append('<div class="aliases">Also: ' + _html(", ".join(aliases)) + "</div>")
        where = citation(a.get("definition_evidence")) or _card_citation(a, cards)
        if where:
            back.append(f'<div class="source">{_html(where)}</div>')
        name = topic(a)
        tag = slug(name) if name != NO_TOPIC else ""
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[_html(one_line(label(G, node))), "".join(back)],
                guid=_guid(node, guids),
                tags=[tag] if tag else [],
                due=position,
            )
        )
    package = genanki.Package(deck)
    replace_file(path, lambda tmp: _write_package(package, tmp), owned=is_own, what="Anki deck")
    return len(deck.notes)


def undefined(G: nx.MultiDiGraph, order: Sequence[Hashable] | None = None) -> list[Hashable]:
    """The concepts (of ``order``, default all) that :func:`write_anki` leaves out: the
    notes give them no definition."""
    nodes = G.nodes if order is None else [n for n in dict.fromkeys(order) if n in G]
    return [n for n in nodes if not G.nodes[n].get("definition")]


def write(selection: Selection, path: Path, fmt: str) -> Written:
    deck = selection.title.replace("::", ":")
    notes = write_anki(selection.graph, path, selection.order, selection.cards, deck_name=deck)
    missing = len(undefined(selection.graph, selection.order))
    concepts = plural(selection.graph.number_of_nodes(), "concept")
    headline = f"{plural(notes, 'Anki note')}, one per concept with a definition, of {concepts}"
    remarks = ()
    if missing:
        remarks = (
            f"left out: {missing} {'concept has' if missing == 1 else 'concepts have'} no "
            "definition in your notes (`python -m graph gaps` lists those your notes use most)",
        )
    return Written(path, "anki", selection.graph, selection.total, notes, headline, remarks)


def _write_package(package: genanki.Package, path: Path) -> None:
    """``package.write_to_file(path)``, with its database in a folder that is removed
    afterwards (genanki leaves a copy of the deck in the system's temporary folder)."""
    with tempfile.TemporaryDirectory(prefix="concept-atlas-anki-") as folder:
        database = Path(folder) / "collection.anki2"
        with closing(sqlite3.connect(database)) as connection:
            timestamp = time.time()
            package.write_to_db(
                connection.cursor(), timestamp, itertools.count(int(timestamp * 1000))
            )
            connection.commit()
        with zipfile.ZipFile(path, "w") as archive:
            archive.write(database, "collection.anki2")
            archive.writestr("media", json.dumps({}))


def _html(text: str) -> str:
    """Note text as the HTML of an Anki field: escaped, line breaks as ``<br>``, and
    what :func:`graph.export._base.writable` replaces (U+001F would split the field)
    replaced.

    >>> _html("a\\x1fb <i>\\nc") == "a\\ufffdb &lt;i&gt;<br>c"
    True
    """
    text = writable(text).replace("\r\n", "\n").replace("\r", "\n")
    return html.escape(text).replace("\n", "<br>")


def _deck_name(name: str) -> str:
    """A deck name Anki accepts: one line, no empty part between ``::`` (Anki drops
    or merges those), never empty.

    >>> _deck_name(" a ::  :: b\\x1f "), _deck_name("::")
    ('a::b', 'Concept Atlas')
    """
    parts = [one_line(part) for part in str(name).split("::")]
    return "::".join(part for part in parts if part) or "Concept Atlas"


def _guid(node: Hashable, taken: set[str]) -> str:
    """The note's GUID: stable for a concept id, unique in the deck (two ids that print
    the same, ``1`` and ``"1"``, or a lone surrogate, still get two GUIDs)."""
    text = str(node).encode("utf-8", "surrogatepass").decode("utf-8", "backslashreplace")
    guid, n = genanki.guid_for("concept-atlas", text), 1
    while guid in taken:
        n += 1
        guid = genanki.guid_for("concept-atlas", text, n)
    taken.add(guid)
    return guid


def _anki_id(kind: str, name: str) -> int:
    """A stable Anki id in [2**30, 2**31) from a hash (Anki wants ids below 2**63)."""
    digest = hashlib.sha256(f"concept-atlas:{kind}:{name}".encode(errors="surrogatepass")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def _card_citation(attrs: Mapping[str, Any], cards: Mapping[str, Any] | None) -> str:
    for card_id in attrs.get("cards") or ():
        card = (cards or {}).get(card_id)
        if card is not None:
            return f"{card.source}, line {card.title_line or card.lines[0]}"
    seen = attrs.get("first_seen")
    return f"{seen[0]}, line {seen[1]}" if seen else ""
