"""Note readers: one module per format, chosen from the file's content and extension.

>>> from pathlib import Path
>>> results = read_paths([Path("data")])
>>> all(r.ok for r in results) and sum(len(r.cards) for r in results) > 10
True
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import math
import os
import re
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from extraction import files as regular
from extraction import limits
from extraction.errors import ReadError
from extraction.limits import MAX_FILE_BYTES, MAX_NAME_CHARS
from extraction.readers import (
    apkg,
    brainscape,
    crowdanki,
    delimited,
    docx,
    knowt,
    markdown,
    outline,
    pdf,
    qa_list,
    quizlet,
    webpage,
)
from extraction.readers._base import (
    LINE_BREAKS_TO_SPACE,
    RawNote,
    decode_text,
    replace_surrogates,
)
from extraction.records import Card, ReadResult, SourceInfo, Table

log = logging.getLogger(__name__)

#: Every reader, most specific first (the first wins a tie in ``sniff``).
READERS: tuple[ModuleType, ...] = (
    apkg,
    crowdanki,
    pdf,
    docx,
    webpage,
    delimited,
    knowt,
    brainscape,
    quizlet,
    qa_list,
    markdown,
    outline,
)

#: Default largest file read, in bytes (``--max-size`` on the command line).
DEFAULT_MAX_BYTES = MAX_FILE_BYTES

SUPPORTED_EXTENSIONS: frozenset[str] = frozenset(
    ext for reader in READERS for ext in reader.EXTENSIONS if ext
)


_NAME_SEPARATORS = re.compile(r"[/\\]+")
_DRIVE = re.compile(r"^[A-Za-z]:")
# Control characters, line and paragraph separators, and bidirectional overrides that
# would make a name display as something else.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _shorten(part: str) -> str:
    """A name component of at most :data:`~extraction.limits.MAX_NAME_CHARS` characters,
    its extension kept."""
    if len(part) <= MAX_NAME_CHARS:
        return part
    stem, dot, ext = part.rpartition(".")
    if dot and stem and len(ext) <= 10:
        return f"{stem[: MAX_NAME_CHARS - len(ext) - 2]}….{ext}"
    return part[: MAX_NAME_CHARS - 1] + "…"


#: Most components of a name cards cite (:func:`read_paths` cites two files of the same
#: name by the shortest path suffix that tells them apart, e.g. ``a/x/notes.md``).
MAX_CITED_PARTS = 8


def shown(text: str) -> str:
    r"""``text`` (a path or name from the operating system) as valid Unicode: bytes that
    were not UTF-8 (kept by ``surrogateescape``) and any other lone surrogate become
    U+FFFD, so that the text can be written as UTF-8 (JSON, a terminal, the app).

    >>> shown("caf\udce9.md") == "caf\ufffd.md", shown("notes.md")
    (True, 'notes.md')
    """
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate that is not an escaped byte
        return replace_surrogates(text)[0]


def cited_name(name: str, *, parts: int = 2) -> str:
    r"""The name cards cite for a file called ``name``: a label, never a path to follow.

    Both ``/`` and ``\`` separate components. Bytes that are not UTF-8 become U+FFFD
    (:func:`shown`), unprintable characters are removed (line breaks become spaces) and
    long components shortened. A name of up to ``parts`` plain components keeps them:
    ``a/x/notes.md`` is how :func:`read_paths` names one of two files called
    ``notes.md`` (:func:`unique_names`). Any other name (absolute, with a drive letter,
    ``.`` or ``..`` components, or deeper) is cut to its final component. The result
    never starts with ``/`` nor holds ``..``, so it cannot lead out of a folder.

    >>> cited_name("../../etc/passwd.txt"), cited_name("C:\\evil.md"), cited_name("b/notes.md")
    ('passwd.txt', 'evil.md', 'b/notes.md')
    >>> cited_name("/abs/path.md"), cited_name("notes\x00.txt"), cited_name("a\nb.md")
    ('path.md', 'notes.txt', 'a b.md')
    >>> cited_name(".."), len(cited_name("x" * 300 + ".md"))
    ('unnamed', 120)
    """
    kept: list[str] = []
    plain = True
    for part in _NAME_SEPARATORS.split(shown(name)):
        part = _UNPRINTABLE.sub(lambda m: " " if m.group().isspace() else "", part)
        part = " ".join(part.split())
        if not kept:
            part = _DRIVE.sub("", part)
        if part in ("", ".", ".."):
            plain = False
        else:
            kept.append(_shorten(part))
    if not plain or len(kept) > parts:
        kept = kept[-1:]
    return "/".join(kept) or "unnamed"


def formats() -> list[str]:
    """Names of the formats that can be read."""
    return [reader.FORMAT for reader in READERS]


def detect(raw: RawNote) -> ModuleType:
    """The reader for ``raw``: the best ``sniff`` among readers of its extension.

    Raises :class:`ReadError` when no reader takes the file.
    """
    suffix = raw.suffix
    candidates = [r for r in READERS if suffix in r.EXTENSIONS]
    if not candidates:
        supported = " ".join(sorted(SUPPORTED_EXTENSIONS))
        raise ReadError(f"unsupported file type '{suffix or '(none)'}' (supported: {supported})")
    scored = [(reader.sniff(raw), -i, reader) for i, reader in enumerate(candidates)]
    score, _, best = max(scored, key=lambda t: (t[0], t[1]))
    if score <= 0:
        if not raw.is_text:
            decode_text(raw.data)  # raises the decoding error, which says why
        tried = ", ".join(reader.FORMAT for reader in candidates)
        raise ReadError(f"not recognised as {suffix} notes (tried: {tried})")
    return best


# -- one file -------------------------------------------------------------------------

#: Warning for a file whose name is not valid UTF-8 (it is still read).
NAME_NOT_UTF8 = "the file name is not valid UTF-8: shown with U+FFFD in place of the bad bytes"


def _not_regular(exc: regular.NotRegularFile) -> ReadError:
    return ReadError(f"not a regular file ({exc.kind}); only regular files are read")


def _byte_limit(max_bytes: float) -> int:
    """``max_bytes`` as a whole number of bytes (``inf`` and ``nan`` as the default)."""
    if not isinstance(max_bytes, int) and not math.isfinite(max_bytes):
        return DEFAULT_MAX_BYTES
    return max(0, int(max_bytes))


def open_note_file(path: str | os.PathLike[str]) -> int:
    """Open a regular file for reading without ever blocking; return the descriptor
    (:func:`extraction.files.open_regular`).

    Raises
    ------
    ReadError
        Not a regular file: a named pipe, socket, device or folder, or a link to one.
    OSError
        It cannot be opened (missing, permission denied).
    """
    try:
        return regular.open_regular(path)
    except regular.NotRegularFile as exc:
        raise _not_regular(exc) from None


def read_regular(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file, at most ``max_bytes``: the size is counted on the
    bytes read (at most ``max_bytes + 1`` are read), not taken from ``stat``
    (:func:`extraction.files.read_regular`).

    Raises
    ------
    ReadError
        Not a regular file, or over ``max_bytes``.
    OSError
        It cannot be opened or read.
    """
    limit = _byte_limit(max_bytes)
    try:
        return regular.read_regular(path, limit)
    except regular.NotRegularFile as exc:
        raise _not_regular(exc) from None
    except regular.TooLarge as exc:
        if exc.grew:
            grew = f"file is over the {limit / 1e6:g} MB limit (it grew while read)"
            raise ReadError(grew) from None
        raise _too_large(exc.size, limit) from None


def _too_large(size: float, limit: int) -> ReadError:
    return ReadError(f"file is {size / 1e6:.1f} MB, over the {limit / 1e6:g} MB limit")


def read_file(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    name: str | None = None,
) -> ReadResult:
    """Read one file into cards. Never raises for bad input: the reason goes to
    ``result.source.errors``, naming no more than the file and why; what was skipped
    in a file that was read goes to ``result.source.warnings``.

    Only a regular file is read (a named pipe, device or socket is refused at once,
    never opened for a blocking read), and its size is counted on the bytes read.

    Parameters
    ----------
    path : path-like
        The file.
    max_bytes : int
        Files larger than this are refused unread.
    name : str, optional
        The name cards cite as their source (default: the file's name).

    Examples
    --------
    >>> read_file("/dev/zero").source.errors
    ['not a regular file (a character device); only regular files are read']
    """
    return _read_file(Path(path), max_bytes=max_bytes, name=name)[0]


def _read_file(path: Path, *, max_bytes: float, name: str | None) -> tuple[ReadResult, int]:
    """:func:`read_file`, and the number of bytes read."""
    source = SourceInfo(path=shown(str(path)))
    if source.path != str(path) or (name and shown(name) != name):
        source.warnings.append(NAME_NOT_UTF8)
    try:
        data = read_regular(path, _byte_limit(max_bytes))
    except ReadError as exc:
        source.errors.append(str(exc))
        return _safe(ReadResult(source=source)), 0
    except OSError as exc:
        source.errors.append(f"cannot open: {exc.strerror or exc}")
        return _safe(ReadResult(source=source)), 0
    return read_bytes(data, path=path, name=name, source=source, max_bytes=max_bytes), len(data)


def read_bytes(
    data: bytes,
    *,
    path: str | os.PathLike[str],
    name: str | None = None,
    source: SourceInfo | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ReadResult:
    """Read notes already in memory (an upload). Never raises for bad input.

    ``path`` gives the name and extension; it and ``name`` are only labels, never
    opened: cards cite :func:`cited_name` of ``name`` (default: of the last component
    of ``path``). Data over ``max_bytes`` is refused unread. A part of the file that
    cannot be read (a note, a field, a page) is skipped with a message in
    ``source.warnings``; characters that are not valid Unicode (lone surrogates from a
    JSON escape) become U+FFFD, with their count in a warning. Nothing in the result
    fails to encode as UTF-8.
    """
    path = Path(path)
    label = name if name else str(path)
    cited = cited_name(name, parts=MAX_CITED_PARTS) if name else cited_name(str(path), parts=1)
    source = source or SourceInfo(path=cited_name(str(path)))
    if shown(label) != label and NAME_NOT_UTF8 not in source.warnings:
        source.warnings.append(NAME_NOT_UTF8)
    source.sha256 = hashlib.sha256(data).hexdigest()
    raw = RawNote(path=path, data=data, name=cited)
    limit = _byte_limit(max_bytes)
    try:
        if len(data) > limit:
            raise _too_large(len(data), limit)
        if not data.strip():
            raise ReadError("empty file")
        reader = detect(raw)
        source.format = reader.FORMAT
        cards = list(reader.read(raw))
        if cards:
            source.format = cards[0].format  # a reader may refine it (outline -> text)
        elif raw.warnings:  # every part was skipped: the file was not read
            more = f" (and {len(raw.warnings) - 1:,} more)" if len(raw.warnings) > 1 else ""
            raise ReadError(f"nothing could be read: {raw.warnings[0]}{more}")
    except ReadError as exc:
        source.errors.append(str(exc))
        return _safe(ReadResult(source=source))
    except Exception as exc:  # a reader bug must not abort a whole build
        log.exception("reader failed on %s", shown(str(path)))
        source.errors.append(f"could not be read ({type(exc).__name__}: {exc})")
        return _safe(ReadResult(source=source))
    source.warnings.extend(raw.warnings)
    source.cards = len(cards)
    return _safe(ReadResult(source=source, cards=cards))


# -- one boundary: nothing leaves the readers that cannot be written as UTF-8 -----------

#: Characters no card text may hold: lone surrogates (not valid Unicode) and line
#: breaks other than ``"\n"`` (a line of a card's body must be one line for
#: :meth:`str.splitlines` as for its line numbers).
_UNSAFE = re.compile(f"[\\r{LINE_BREAKS_TO_SPACE}\\ud800-\\udfff]")
_BREAKS = str.maketrans(dict.fromkeys("\r" + LINE_BREAKS_TO_SPACE, " "))


def _safe_text(text: str, count: list[int]) -> str:
    """``text`` with lone surrogates as U+FFFD (counted in ``count[0]``) and line
    breaks other than ``"\\n"`` as spaces (one character for one: offsets stay)."""
    if not _UNSAFE.search(text):
        return text
    text, replaced = replace_surrogates(text)
    count[0] += replaced
    return text.translate(_BREAKS)


def _safe_line(text: str, count: list[int]) -> str:
    """Like :func:`_safe_text` for text of one line (a title, a section, a cell)."""
    text = _safe_text(text, count)
    return text.replace("\n", " ") if "\n" in text else text


def _safe_table(table: Table, count: list[int]) -> Table:
    header = tuple(_safe_line(cell, count) for cell in table.header)
    rows = tuple(tuple(_safe_line(cell, count) for cell in row) for row in table.rows)
    if header == table.header and rows == table.rows:
        return table
    return dataclasses.replace(table, header=header, rows=rows)


def _safe_card(card: Card, count: list[int]) -> Card:
    """``card`` with valid Unicode and one-line titles (its id and source come from
    :func:`cited_name`, which leaves neither surrogates nor line breaks)."""
    texts = "\0".join((card.title, card.body, *card.section))
    if not _UNSAFE.search(texts) and not card.tables:
        return card
    changes = {
        "title": _safe_text(card.title, count),
        "body": _safe_text(card.body, count),
        "section": tuple(_safe_line(s, count) for s in card.section),
        "tables": tuple(_safe_table(t, count) for t in card.tables),
    }
    if all(value == getattr(card, key) for key, value in changes.items()):
        return card
    return dataclasses.replace(card, **changes)


def _safe(result: ReadResult) -> ReadResult:
    """``result`` with every string valid Unicode (see :func:`_safe_text`); a warning
    counts the characters replaced in the cards."""
    count = [0]
    result.cards = [_safe_card(card, count) for card in result.cards]
    source = result.source
    if count[0]:
        source.warnings.append(
            f"{count[0]:,} character{'' if count[0] == 1 else 's'} that are not valid Unicode "
            "(lone surrogates, e.g. from a JSON \\ud800 escape) replaced by U+FFFD"
        )
    scratch = [0]
    source.path = _safe_line(source.path, scratch)
    source.format = _safe_line(source.format, scratch)
    source.errors = [_safe_line(e, scratch) for e in source.errors]
    source.warnings = [_safe_line(w, scratch) for w in source.warnings]
    return result


# -- folders ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReadProgress:
    """How far reading notes has got, as :func:`read_paths` reports it.

    Attributes
    ----------
    done : int
        Files read so far.
    found : int
        Note files found so far (final once ``walking`` is false).
    current : str
        The name of the file being read now (``""`` while looking for files, and at
        the end).
    bytes_read : int
        Bytes of the files read so far.
    walking : bool
        Still looking for files in the folders.
    """

    done: int
    found: int
    current: str = ""
    bytes_read: int = 0
    walking: bool = False


#: A way to stop reading: an event that is set, or a function that says so.
Cancel = threading.Event | Callable[[], bool] | None


@dataclass(frozen=True, slots=True)
class NoteEntry:
    """One thing found among the paths of a build: a note file to read, or a report.

    Attributes
    ----------
    name : str
        For a file, the name its cards cite (:func:`unique_names`); for a report, the
        path it is about, as valid Unicode.
    path : Path or None
        The file to read (its name may hold bytes that are not UTF-8); ``None`` for a
        report.
    error : str
        For a report: what was not read and why (a folder that cannot be listed, an
        entry that is not a regular file, a limit reached).
    folder : bool
        The report is about a folder or the whole walk, not one file.
    """

    name: str
    path: Path | None = None
    error: str = ""
    folder: bool = False

    def result(self) -> ReadResult:
        """A report as a result: nothing read, the reason in ``source.errors``."""
        source = SourceInfo(path=self.name, format="folder" if self.folder else "")
        source.errors.append(self.error)
        return _safe(ReadResult(source=source))


class Stopper:
    """When to stop reading the notes of one build: the files cap, the time budget,
    and a cancel request (checked between files).

    Parameters
    ----------
    cancel : threading.Event or callable, optional
        Stop when it is set (or returns true).
    seconds : float, optional
        The time budget (default :data:`~extraction.limits.FOLDER_TIME_BUDGET_S`);
        looking for files may use half of it.
    """

    def __init__(self, cancel: Cancel = None, seconds: float | None = None) -> None:
        self.seconds = limits.FOLDER_TIME_BUDGET_S if seconds is None else seconds
        self.start = time.monotonic()
        is_set = getattr(cancel, "is_set", cancel)
        self._cancelled: Callable[[], bool] = is_set if callable(is_set) else (lambda: False)

    def cancelled(self) -> bool:
        """Whether the user asked to stop."""
        return bool(self._cancelled())

    def elapsed(self) -> float:
        return time.monotonic() - self.start

    def reason(self, *, walking: bool = False) -> str:
        """Why to stop now (``""``: go on)."""
        if self.cancelled():
            return "reading was cancelled"
        budget = self.seconds / 2 if walking else self.seconds
        if self.elapsed() > budget:
            what = "looking for note files" if walking else "reading the notes"
            return f"{what} took over the {budget:g} s limit (FOLDER_TIME_BUDGET_S)"
        return ""


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _where(paths: Sequence[Path]) -> str:
    return shown(", ".join(str(p) for p in paths)) or "the notes"


def _walk(
    roots: Sequence[Path],
    stopper: Stopper,
    progress: Callable[[ReadProgress], None] | None,
) -> tuple[list[tuple[Path | None, str, bool]], int]:
    """Note files and reports under ``roots``, in order: ``(path, "", False)`` for a
    file, ``(path, reason, folder?)`` for a report; and the number of files found.

    Folders are listed with :func:`os.scandir`: regular files only (a link to a
    regular file is read; links to folders are not followed, so no loop), hidden
    entries skipped, folders that cannot be listed reported, at most
    :data:`~extraction.limits.MAX_FOLDER_FILES` files.
    """
    found: list[tuple[Path | None, str, bool]] = []
    files = 0
    cap = limits.MAX_FOLDER_FILES
    over_cap = f"over the {cap:,}-file limit for one build (MAX_FOLDER_FILES)"
    reported = 0
    last_report = 0.0

    def report(path: Path | None, reason: str, folder: bool = False) -> None:
        nonlocal reported
        reported += 1
        if reported <= limits.MAX_REPORTED_ENTRIES:
            found.append((path, reason, folder))

    def stop(reason: str, where: Path) -> None:
        found.append(
            (where, f"stopped after {files:,} files: {reason}; the rest were not read", True)
        )

    for root in roots:
        if not root.is_dir():
            files += 1  # a file named directly is always read, so that a bad one is reported
            found.append((root, "", False))
            if files >= cap:
                stop(over_cap, root)
                return _overflow(found, reported), files
            continue
        stack = [str(root)]
        while stack:
            folder = stack.pop()
            try:
                with os.scandir(folder) as listing:
                    entries = sorted(listing, key=lambda e: e.name)
            except OSError as exc:
                report(Path(folder), f"folder not read: {_reason(exc)}", True)
                continue
            subfolders: list[str] = []
            for entry in entries:
                reason = stopper.reason(walking=True)
                if reason:
                    stop(reason, root)
                    return _overflow(found, reported), files
                if entry.name.startswith("."):
                    continue
                try:
                    if entry.is_dir(follow_symlinks=False):
                        subfolders.append(entry.path)
                        continue
                    if Path(entry.name).suffix.lower() not in SUPPORTED_EXTENSIONS:
                        continue
                    if entry.is_file():  # follows a link: a link to a regular file is read
                        files += 1
                        found.append((Path(entry.path), "", False))
                        if progress and time.monotonic() - last_report > 0.2:
                            last_report = time.monotonic()
                            progress(ReadProgress(0, files, walking=True))
                        if files >= cap:
                            stop(
                                f"over the {cap:,}-file limit for one build (MAX_FOLDER_FILES)",
                                root,
                            )
                            return _overflow(found, reported), files
                        continue
                    if entry.is_dir():  # a link to a folder: not followed
                        continue
                    try:
                        mode = os.stat(entry.path).st_mode
                    except OSError as exc:
                        report(Path(entry.path), f"not read: {_reason(exc)} (a broken link?)")
                        continue
                    report(Path(entry.path), str(_not_regular(regular.NotRegularFile(mode))))
                except OSError as exc:
                    report(Path(entry.path), f"not read: {_reason(exc)}")
            stack.extend(reversed(subfolders))
    return _overflow(found, reported), files


def _overflow(
    found: list[tuple[Path | None, str, bool]], reported: int
) -> list[tuple[Path | None, str, bool]]:
    extra = reported - limits.MAX_REPORTED_ENTRIES
    if extra > 0:
        found.append(
            (None, f"{extra:,} more folders or entries could not be read (not listed)", True)
        )
    return found


def unique_names(paths: Sequence[str | os.PathLike[str]]) -> list[str]:
    """The names cards cite for ``paths``: each file's name, or for files of the same
    name, the shortest suffix of its path that no other file in ``paths`` shares.

    Names are cleaned like :func:`cited_name` (never a ``..`` nor a leading ``/``) and
    hold at most :data:`MAX_CITED_PARTS` components; files still alike (the same path
    twice, or names that differ only in characters removed) are numbered.

    >>> unique_names(["a/x/notes.md", "b/x/notes.md", "c/notes.md", "d/other.md"])
    ['a/x/notes.md', 'b/x/notes.md', 'c/notes.md', 'other.md']
    >>> unique_names(["x.md", "x.md"])
    ['x.md', 'x (2).md']
    """
    parts = [
        [cited_name(part, parts=1) for part in os.path.abspath(p).split(os.sep)[1:]] or ["unnamed"]
        for p in paths
    ]

    def name(i: int, k: int) -> str:
        return "/".join(parts[i][-k:])  # each part cleaned: no separator, never ".."

    depth = [1] * len(parts)
    names = [name(i, 1) for i in range(len(parts))]
    grew = True
    while grew:
        grew = False
        groups: dict[str, list[int]] = defaultdict(list)
        for i, cited in enumerate(names):
            groups[cited].append(i)
        for members in groups.values():
            if len({tuple(parts[i]) for i in members}) < 2:
                continue  # one file, or the same path more than once: no suffix helps
            for i in members:
                if depth[i] < min(len(parts[i]), MAX_CITED_PARTS):
                    depth[i] += 1
                    names[i] = name(i, depth[i])
                    grew = True
    taken = set(names)
    seen: set[str] = set()
    for i, cited in enumerate(names):
        if cited in seen:  # no suffix tells them apart: number them
            stem, dot, ext = cited.rpartition(".")
            stem, ext = (stem, f".{ext}") if dot and stem and "/" not in ext else (cited, "")
            n = 2
            while f"{stem} ({n}){ext}" in taken:
                n += 1
            names[i] = f"{stem} ({n}){ext}"
            taken.add(names[i])
        seen.add(names[i])
    return names


def find_notes(
    paths: Iterable[str | os.PathLike[str]],
    *,
    stopper: Stopper | None = None,
    progress: Callable[[ReadProgress], None] | None = None,
) -> list[NoteEntry]:
    """The note files among ``paths`` (files or folders) with the names their cards
    cite, and a report for each folder or entry that is not read (see :func:`_walk`),
    in order; a last report when a limit stopped the walk.

    A file named directly is always listed, so that an unsupported one is reported.
    """
    roots = [Path(p) for p in paths]
    found, _ = _walk(roots, stopper or Stopper(), progress)
    files = [path for path, error, _ in found if not error and path is not None]
    names = iter(unique_names(files))
    entries = []
    for path, error, folder in found:
        if error:
            where = shown(str(path)) if path is not None else _where(roots)
            entries.append(NoteEntry(where, None, error, folder))
        else:
            entries.append(NoteEntry(next(names), path))
    return entries


def iter_note_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files named, and regular supported files inside folders named (in order, hidden
    ones skipped; see :func:`find_notes`, which also says what was not read).

    A file named directly is always yielded, so that an unsupported one is reported.
    """
    for entry in find_notes(paths):
        if entry.path is not None:
            yield entry.path


def read_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[ReadProgress], None] | None = None,
    cancel: Cancel = None,
) -> list[ReadResult]:
    """Read every note file among ``paths`` (files or folders), one result per file,
    and one per folder or entry that was not read (its reason in ``source.errors``;
    ``source.format`` is ``"folder"`` for a folder or the whole walk).

    Two files with the same name in different folders are cited by the shortest path
    suffix that tells them apart (:func:`unique_names`), so their card ids differ.
    Reading stops (keeping what was read, with a result saying so) past
    :data:`~extraction.limits.MAX_FOLDER_FILES` files, past
    :data:`~extraction.limits.FOLDER_TIME_BUDGET_S`, or when ``cancel`` is set.

    Parameters
    ----------
    paths : iterable of path-like
        Files and folders.
    max_bytes : int
        Files larger than this are refused unread.
    progress : callable, optional
        Called with a :class:`ReadProgress` before each file is read and once at the
        end (and, at most five times a second, while looking for files).
    cancel : threading.Event or callable, optional
        Checked between files (after each call of ``progress``) and between entries
        of a folder: when set, reading stops.
    """
    paths = [Path(p) for p in paths]
    stopper = Stopper(cancel)
    entries = find_notes(paths, stopper=stopper, progress=progress)
    total = sum(1 for e in entries if e.path is not None)
    results: list[ReadResult] = []
    done = size = 0
    for entry in entries:
        if entry.path is None:
            results.append(entry.result())
            continue
        if progress:
            progress(ReadProgress(done, total, entry.name, size))
        reason = stopper.reason()
        if reason:
            stopped = f"stopped after {done:,} of {total:,} files: {reason}; the rest were not read"
            results.append(NoteEntry(_where(paths), None, stopped, True).result())
            break
        result, read = _read_file(entry.path, max_bytes=max_bytes, name=entry.name)
        results.append(result)
        done += 1
        size += read
    if progress:
        progress(ReadProgress(done, total, "", size))
    return results
