"""Note readers: one module per format, chosen from the file's content and extension.

>>> from pathlib import Path
>>> results = read_paths([Path("data")])
>>> all(r.ok for r in results) and sum(len(r.cards) for r in results) > 10
True
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType

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
)
from extraction.readers._base import RawNote, decode_text
from extraction.records import ReadResult, SourceInfo

log = logging.getLogger(__name__)

#: Every reader, most specific first (the first wins a tie in ``sniff``).
READERS: tuple[ModuleType, ...] = (
    apkg,
    crowdanki,
    pdf,
    docx,
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


def cited_name(name: str, *, parts: int = 2) -> str:
    r"""The name cards cite for a file called ``name``: a label, never a path to follow.

    Both ``/`` and ``\`` separate components. Unprintable characters are removed (line
    breaks become spaces) and long components shortened. A name of up to ``parts`` plain
    components keeps them: ``folder/notes.md`` is how :func:`read_paths` and uploads
    name a second file of the same name. Any other name (absolute, with a drive letter,
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
    for part in _NAME_SEPARATORS.split(name):
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


def read_file(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    name: str | None = None,
) -> ReadResult:
    """Read one file into cards. Never raises for bad input: the reason goes to
    ``result.source.errors``, naming no more than the file and why.

    Parameters
    ----------
    path : path-like
        The file.
    max_bytes : int
        Files larger than this are refused unread.
    name : str, optional
        The name cards cite as their source (default: the file's name).
    """
    path = Path(path)
    source = SourceInfo(path=str(path))
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit")
        data = path.read_bytes()
        return read_bytes(data, path=path, name=name, source=source, max_bytes=max_bytes)
    except ReadError as exc:
        source.errors.append(str(exc))
    except OSError as exc:
        source.errors.append(f"cannot open: {exc.strerror or exc}")
    return ReadResult(source=source)


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
    of ``path``). Data over ``max_bytes`` is refused unread.
    """
    path = Path(path)
    cited = cited_name(name) if name else cited_name(str(path), parts=1)
    source = source or SourceInfo(path=cited_name(str(path)))
    source.sha256 = hashlib.sha256(data).hexdigest()
    raw = RawNote(path=path, data=data, name=cited)
    try:
        if len(data) > max_bytes:
            raise ReadError(
                f"file is {len(data) / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit"
            )
        if not data.strip():
            raise ReadError("empty file")
        reader = detect(raw)
        source.format = reader.FORMAT
        cards = list(reader.read(raw))
        if cards:
            source.format = cards[0].format  # a reader may refine it (outline -> text)
    except ReadError as exc:
        source.errors.append(str(exc))
        return ReadResult(source=source)
    except Exception as exc:  # a reader bug must not abort a whole build
        log.exception("reader failed on %s", path)
        source.errors.append(f"could not be read ({type(exc).__name__}: {exc})")
        return ReadResult(source=source)
    source.cards = len(cards)
    return ReadResult(source=source, cards=cards)


def iter_note_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files named, and supported files inside folders named (sorted, hidden ones skipped).

    A file named directly is always yielded, so that an unsupported one is reported.
    """
    for path in map(Path, paths):
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    p = Path(root, f)
                    if not f.startswith(".") and p.suffix.lower() in SUPPORTED_EXTENSIONS:
                        yield p
        else:
            yield path


def read_paths(
    paths: Iterable[str | os.PathLike[str]], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[ReadResult]:
    """Read every note file among ``paths`` (files or folders), one result per file.

    Two files with the same name in different folders keep distinct card ids: the
    second is cited as ``folder/name``.
    """
    results: list[ReadResult] = []
    seen: set[str] = set()
    for path in iter_note_files(paths):
        name = path.name
        if name in seen:
            name = f"{path.parent.name}/{path.name}"
        seen.add(name)
        results.append(read_file(path, max_bytes=max_bytes, name=name))
    return results
