"""Anki packages (``.apkg``, ``.colpkg``): a ZIP holding the collection as SQLite.

The collection (``collection.anki21``, else ``collection.anki2``) uses Anki's legacy
schema: ``notes.flds`` holds a note's fields joined by ``"\\x1f"``, ``col.models`` names
the fields of each note type and ``col.decks`` names the decks. It is opened from memory,
never written to disk. One card is read per *note* (a "Basic (and reversed card)" note
makes two Anki cards but is one unit of notes); ``lines`` count notes, in creation order.

Newer Anki versions write ``collection.anki21b`` (zstd-compressed, new schema), which
is refused with a hint to export for older versions.
"""

from __future__ import annotations

import io
import sqlite3
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import closing
from typing import Any

from extraction.errors import ReadError
from extraction.limits import (
    MAX_ARCHIVE_MEMBERS,
    MAX_COMPRESSION_RATIO,
    MAX_MEMBER_BYTES,
    MAX_TOTAL_UNCOMPRESSED_BYTES,
    Deadline,
)
from extraction.readers._base import CardBuilder, RawNote
from extraction.readers._html import deck_description, deck_path, note_parts
from extraction.readers.crowdanki import json_list, parse_json
from extraction.readers.paragraphs import html_body
from extraction.readers.prompts import prompt_kind
from extraction.records import Card

FORMAT = "anki-apkg"
EXTENSIONS = (".apkg", ".colpkg")

ZIP_MAGIC = b"PK\x03\x04"
#: Signature of a ZIP central-directory entry: each member has one.
_ENTRY_MAGIC = b"PK\x01\x02"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError)

_CURRENT = "collection.anki21"
_LEGACY = "collection.anki2"
_NEWER = "collection.anki21b"


def _too_many_members(data: bytes) -> bool:
    """More central-directory signatures than members allowed: ``zipfile`` would build
    an object for each entry (a 50 MB archive can list a million) before any check.
    The count of signatures bounds the count of entries from above."""
    return data.count(_ENTRY_MAGIC) > MAX_ARCHIVE_MEMBERS


def open_zip(data: bytes, what: str) -> zipfile.ZipFile:
    """Open ``data`` as a ZIP archive, refusing one that would unpack too large.

    The limits (:mod:`extraction.limits`) are checked from the central directory
    before anything is unpacked: the number of members, each member's size and
    compression ratio, and the members' total size. The sizes are declared, so
    :func:`read_member` also caps what it actually unpacks.

    Parameters
    ----------
    data : bytes
        The archive.
    what : str
        The file kind named in errors (``".apkg"``, ``".docx"``).

    Raises
    ------
    ReadError
        Not a ZIP archive, or over one of the limits.
    """
    if _too_many_members(data):
        raise ReadError(
            f"refused {what}: the ZIP archive lists more than {MAX_ARCHIVE_MEMBERS:,} members"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS:
        raise ReadError(f"corrupt {what}: not a ZIP archive") from None
    members = archive.infolist()
    total = 0
    for info in members:
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > MAX_MEMBER_BYTES or ratio > MAX_COMPRESSION_RATIO:
            archive.close()
            raise ReadError(
                f"refused {what}: member '{info.filename[:100]}' would unpack to "
                f"{info.file_size / 1e6:.1f} MB (compression ratio {ratio:.0f}), "
                "which looks like a ZIP bomb"
            )
        total += info.file_size
    if total > MAX_TOTAL_UNCOMPRESSED_BYTES:
        archive.close()
        raise ReadError(
            f"refused {what}: its {len(members):,} members would unpack to "
            f"{total / 1e6:.1f} MB, over the {MAX_TOTAL_UNCOMPRESSED_BYTES / 1e6:.0f} MB limit"
        )
    return archive


def read_member(archive: zipfile.ZipFile, name: str, what: str) -> bytes:
    """Read one member of an archive from :func:`open_zip`, within the size limit.

    Raises
    ------
    ReadError
        The member is damaged, encrypted, or unpacks beyond its declared size or
        :data:`~extraction.limits.MAX_MEMBER_BYTES` (the header is never trusted: at
        most one byte more than the limit is unpacked).
    """
    declared = archive.getinfo(name).file_size
    limit = min(declared, MAX_MEMBER_BYTES)
    try:
        with archive.open(name) as member:
            data = member.read(limit + 1)
    except RuntimeError:  # zipfile's "File ... is encrypted, password required"
        raise ReadError(f"refused {what}: member '{name}' is encrypted") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
        raise ReadError(f"corrupt {what}: cannot unpack '{name}' ({exc})") from None
    if len(data) > limit:
        raise ReadError(
            f"refused {what}: member '{name}' unpacks beyond its declared "
            f"{declared / 1e6:.1f} MB or the {MAX_MEMBER_BYTES / 1e6:.0f} MB limit"
        )
    return data


def zip_names(data: bytes) -> list[str]:
    """Member names of a ZIP archive; ``[]`` when ``data`` is not one."""
    if not data.startswith(ZIP_MAGIC) or _too_many_members(data):
        return []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.namelist()
    except _ZIP_ERRORS:
        return []


def sniff(raw: RawNote) -> float:
    """1.0 for a ZIP holding an Anki collection; 0.6 for any other ``.apkg``/``.colpkg``
    (so that :func:`read` says what is wrong with it)."""
    if any(name.startswith("collection.anki2") for name in zip_names(raw.data)):
        return 1.0
    return 0.6 if raw.suffix in EXTENSIONS else 0.0


def _collection_bytes(data: bytes, what: str) -> bytes:
    """The SQLite collection inside a package (``what``: ``".apkg"`` or ``".colpkg"``)."""
    with open_zip(data, what) as archive:
        names = set(archive.namelist())
        if _CURRENT in names:
            name = _CURRENT
        elif _NEWER in names:
            # Newer exports also hold a stub collection.anki2 saying "update Anki".
            raise ReadError(
                "newer Anki format (collection.anki21b) is not supported; "
                "export with 'Support older Anki versions' ticked"
            )
        elif _LEGACY in names:
            name = _LEGACY
        else:
            raise ReadError(f"corrupt {what}: no Anki collection inside")
        return read_member(archive, name, what)


def _json_column(con: sqlite3.Connection, column: str) -> dict[str, Any]:
    """A JSON column of the one-row ``col`` table, as a dict (empty when blank)."""
    (value,) = con.execute(f"SELECT {column} FROM col").fetchone() or ("",)
    if not value:
        return {}
    try:
        parsed = parse_json(_text(value))
    except ReadError as exc:
        raise ReadError(f"corrupt .apkg: col.{column}: {exc}") from None
    return parsed if isinstance(parsed, dict) else {}


def _notes(con: sqlite3.Connection) -> Iterator[tuple[int, str, int | None]]:
    """``(model id, fields, deck id)`` of every note, in creation order; the deck is the
    one of the note's first card."""
    yield from con.execute(
        "SELECT n.mid, n.flds, (SELECT c.did FROM cards c WHERE c.nid = n.id "
        "ORDER BY c.ord LIMIT 1) FROM notes n ORDER BY n.id"
    )


def _text(value: object) -> str:
    """A SQLite text value (old collections may hold bytes)."""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return "" if value is None else str(value)


def _object(value: object) -> dict[str, Any]:
    """``value`` when it is a JSON object, else ``{}`` (a damaged collection may hold anything).

    >>> _object({"name": "D"}), _object(["D"])
    ({'name': 'D'}, {})
    """
    return value if isinstance(value, dict) else {}


def _note_fields(flds: object, number: int, raw: RawNote) -> list[str]:
    """The fields of note ``number`` (``notes.flds`` read as bytes); bytes that are not
    UTF-8 become U+FFFD, with a warning naming the note."""
    if isinstance(flds, bytes):
        try:
            text = flds.decode("utf-8")
        except UnicodeDecodeError:
            text = flds.decode("utf-8", errors="replace")
            raw.warn(f"note {number}: not valid UTF-8; the undecodable bytes are shown as U+FFFD")
    else:
        text = _text(flds)
    return text.split("\x1f")


class _Reading:
    """The cards of a collection as they are read, and the note reached."""

    def __init__(self) -> None:
        self.cards: list[Card] = []
        self.number = 0
        self.total = 0

    def stopped(self, deadline: Deadline) -> str:
        return (
            f"stopped at note {self.number:,} of {self.total:,}: reading took over the "
            f"{deadline.seconds:g} s time budget; the notes from there on were not read"
        )


def _description(
    deck: dict[str, Any], number: int, builder: CardBuilder, raw: RawNote, reading: _Reading
) -> None:
    """A deck's description (``desc``) as a ``summary`` card at the number of the deck's
    first note, unless it only restates the deck's name; one too long is skipped with a
    warning."""
    name = _text(deck.get("name", ""))
    try:
        lines = deck_description(_text(deck.get("desc")), name.replace("::", " "))
    except ReadError as exc:
        raw.warn(f"the description of deck {name!r}: {exc}; description skipped")
        return
    if lines:
        reading.cards.append(
            builder.card(
                title="",
                body=html_body([lines], number),
                title_line=number,
                section=deck_path(name),
                title_kind="summary",
            )
        )


def _cards(
    con: sqlite3.Connection,
    raw: RawNote,
    builder: CardBuilder,
    deadline: Deadline,
    reading: _Reading,
) -> None:
    """Read the notes into ``reading.cards``: a note whose fields cannot all be read
    keeps the others (a warning names the note and field); past the time budget the
    cards read so far are kept, with a warning naming the note reached."""
    models = _json_column(con, "models")
    decks = _json_column(con, "decks")
    (reading.total,) = con.execute("SELECT count(*) FROM notes").fetchone() or (0,)
    described: set[object] = set()
    for number, (mid, flds, did) in enumerate(_notes(con), start=1):
        reading.number = number
        if deadline.expired():
            raw.warn(reading.stopped(deadline))
            return
        model = _object(models.get(str(_text(mid))))
        fields = [f for f in json_list(model.get("flds")) if isinstance(f, dict)]
        names = [str(f.get("name", "")) for f in fields]
        parts = note_parts(names, _note_fields(flds, number, raw))
        for message in parts.skipped:
            raw.warn(f"note {number}: {message}")
        if not parts.title and not parts.blocks:
            continue  # an image-only (or empty) note
        deck = _object(decks.get(str(_text(did)))).get("name", "")
        if did not in described:  # the deck's description, before its first note
            described.add(did)
            _description(_object(decks.get(str(_text(did)))), number, builder, raw, reading)
        reading.cards.append(
            builder.card(
                title=parts.title,
                body=html_body(parts.blocks, number),
                title_line=number,
                section=deck_path(_text(deck)),
                title_kind="cloze" if parts.cloze else prompt_kind(parts.title),
                title_emphasis=parts.title_emphasis,
            )
        )
    reading.number = reading.total + 1


def read(raw: RawNote) -> Iterator[Card]:
    """The notes of an Anki package, one card each: first field the title, the other
    fields (HTML as text) the body, the deck path the section.

    A note that is not valid UTF-8 is read with U+FFFD for the bad bytes, a field over
    :data:`~extraction.limits.MAX_FIELD_CHARS` is skipped, and past the time budget
    (:data:`~extraction.limits.FILE_TIME_BUDGET_S`) the notes read so far are kept:
    each with a warning (``raw.warnings``) naming the note.

    Raises
    ------
    ReadError
        Not a ZIP, no collection, a newer-format collection, or damaged SQLite.
    """
    collection = _collection_bytes(raw.data, raw.suffix if raw.suffix in EXTENSIONS else ".apkg")
    if not collection.startswith(_SQLITE_MAGIC):
        # sqlite3 cannot deserialize some non-databases (an empty one: MemoryError).
        raise ReadError(
            "corrupt .apkg: the collection is not a readable database (no SQLite header)"
        )
    builder = CardBuilder(raw, FORMAT)
    deadline = Deadline()
    reading = _Reading()
    try:
        with closing(sqlite3.connect(":memory:")) as con:
            # A crafted database can make one query run for hours; SQLite calls this
            # every 10,000 steps, and a true result interrupts the query.
            con.set_progress_handler(deadline.expired, 10_000)
            con.text_factory = bytes  # a note that is not UTF-8 must not stop the others
            con.deserialize(collection)
            _cards(con, raw, builder, deadline, reading)
    except sqlite3.Error as exc:
        if reading.cards and deadline.expired():
            raw.warn(reading.stopped(deadline))
        else:
            deadline.check("a database query")
            raise ReadError(
                f"corrupt .apkg: the collection is not a readable database ({exc})"
            ) from None
    yield from reading.cards
