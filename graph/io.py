"""Reading and writing concept-graph/1 files (NetworkX node-link JSON), and the one way
every file of Concept Atlas is written.

:func:`replace_file` is how the graph file and every export reach the disk: the content
goes to a temporary file beside the target, which then replaces it in one step
(``os.replace``), so a reader never sees half a file. The file gets the permissions a
plain ``open(path, "w")`` would give it: those of the file it replaces, else the
default of the user's umask (``mkstemp``'s private 0600 would make a shared graph
unreadable to the group that reads the course folder). And a file is replaced only when
the tool wrote it: each writer says how to recognise its own output, and anything else
in the way (the student's notes, a folder, a link) is refused with :class:`WriteRefused`.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

import networkx as nx

#: The schema name written in ``G.graph["schema"]`` (see design.md).
SCHEMA = "concept-graph/1"

#: Bytes read from the head of a file to recognise it as a graph file.
HEAD_BYTES = 64 * 1024
#: Largest file read whole when its head does not tell (a graph's ``sources`` may be long).
MAX_SNIFF_BYTES = 512 * 1024 * 1024


class GraphFileError(ValueError):
    """A graph file is missing, not JSON, or not concept-graph/1."""


class WriteRefused(FileExistsError):
    """The path to write holds something the tool did not write; nothing was written."""


def graph_to_data(G: nx.MultiDiGraph) -> dict:
    """The node-link dict of ``G`` (``edges="edges"``, as design.md specifies)."""
    return nx.node_link_data(G, edges="edges")


def replace_file(
    path: str | os.PathLike[str],
    write: Callable[[Path], object],
    *,
    owned: Callable[[Path], bool],
    what: str = "file",
) -> Path:
    """Write a file atomically with ``write(tmp)``, replacing ``path`` only if the tool
    wrote it.

    Parameters
    ----------
    path : path-like
        The file to write (its folder is created if missing).
    write : callable
        Writes the whole content to the temporary path it is given (it may open the path
        with ``"w"``, or hand it to a library).
    owned : callable
        Whether an existing file at ``path`` is one this writer wrote (for example, a
        concept-graph/1 file for :func:`write_graph`): only then is it replaced.
    what : str
        What the writer writes, for the refusal message ("graph file", "study guide").

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    WriteRefused
        ``path`` is a folder, a link or another special file, or a file that ``owned``
        does not recognise; the message names it and says what to do.
    OSError
        The folder cannot be written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> notes = pathlib.Path(tempfile.mkdtemp()) / "notes.md"
    >>> _ = notes.write_text("My own notes")
    >>> replace_file(notes, lambda tmp: tmp.write_text("# Guide"), owned=lambda p: False)
    Traceback (most recent call last):
    ...
    graph.io.WriteRefused: ...notes.md exists and is not a file written by Concept Atlas: ...
    >>> notes.read_text()
    'My own notes'
    """
    path = Path(path)
    mode = check_replaceable(path, owned=owned, what=what)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _new_temporary(path)
    try:
        if mode is not None:
            os.chmod(tmp, mode)  # as open("w") on the old file would have kept it
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def check_replaceable(
    path: str | os.PathLike[str], *, owned: Callable[[Path], bool], what: str = "file"
) -> int | None:
    """Raise :class:`WriteRefused` unless :func:`replace_file` may write ``path``; return
    the permission bits of the file it would replace (None when there is none).

    Call it before long work whose result goes to ``path``, to fail early.
    """
    path = Path(path)
    if path.is_symlink() or (path.exists() and not path.is_file()):
        kind = "a folder" if path.is_dir() and not path.is_symlink() else "not a plain file"
        raise WriteRefused(f"{path} is {kind}: nothing was written (choose a file name)")
    if not path.exists():
        return None
    if not owned(path):
        raise WriteRefused(
            f"{path} exists and is not a {what} written by Concept Atlas: nothing was "
            "written (remove it or choose another name)"
        )
    return stat.S_IMODE(path.stat().st_mode)


def _new_temporary(path: Path) -> Path:
    """An empty new file beside ``path``, created with mode 0666 less the umask (what
    ``open(path, "w")`` gives), hidden by a leading dot."""
    for _ in range(100):
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp
    raise FileExistsError(f"cannot create a temporary file beside {path}")


def write_text(
    path: str | os.PathLike[str],
    text: str,
    *,
    owned: Callable[[Path], bool],
    what: str = "file",
) -> Path:
    """:func:`replace_file` with ``text`` in UTF-8 (line ends as given)."""

    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            f.write(text)

    return replace_file(path, write, owned=owned, what=what)


def head(path: Path, size: int = HEAD_BYTES) -> bytes:
    """The first ``size`` bytes of ``path`` (``b""`` when it cannot be read)."""
    try:
        with open(path, "rb") as f:
            return f.read(size)
    except OSError:
        return b""


def tail(path: Path, size: int = 4096) -> bytes:
    """The last ``size`` bytes of ``path`` (``b""`` when it cannot be read)."""
    try:
        with open(path, "rb") as f:
            f.seek(max(0, f.seek(0, os.SEEK_END) - size))
            return f.read()
    except OSError:
        return b""


_SCHEMA_FIELD = re.compile(rb'"schema"\s*:\s*"concept-graph/')


def is_graph_file(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a concept-graph JSON file (what :func:`write_graph` writes).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.json"
    >>> _ = path.write_text('{"nodes": []}')
    >>> is_graph_file(path)
    False
    >>> write_graph(nx.MultiDiGraph(schema=SCHEMA), path.with_name("h.json"))
    >>> is_graph_file(path.with_name("h.json"))
    True
    """
    path = Path(path)
    if _SCHEMA_FIELD.search(head(path)):
        return True
    try:
        if path.stat().st_size > MAX_SNIFF_BYTES or not head(path, 16).lstrip().startswith(b"{"):
            return False
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return False
    graph = data.get("graph") if isinstance(data, dict) else None
    return isinstance(graph, dict) and str(graph.get("schema", "")).startswith("concept-graph/")


def write_graph(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> None:
    """Write ``G`` as concept-graph/1 JSON, atomically (a reader never sees half a file).

    An existing file is replaced only if it is a graph file (:func:`is_graph_file`);
    anything else raises :class:`WriteRefused` (see :func:`replace_file`).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = nx.MultiDiGraph(schema=SCHEMA, model=None, sources=[])
    >>> G.add_node("attention", label="attention")
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.json"
    >>> write_graph(G, path)
    >>> list(read_graph(path).nodes)
    ['attention']
    """
    text = json.dumps(graph_to_data(G), ensure_ascii=False, indent=1)
    write_text(path, text, owned=is_graph_file, what="graph file")


def read_graph(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Read a concept-graph/1 file; raises :class:`GraphFileError` with the reason."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GraphFileError(f"{path}: cannot open: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GraphFileError(f"{path}: not a graph file (invalid JSON: {exc})") from None
    graph = data.get("graph") if isinstance(data, dict) else None
    schema = graph.get("schema") if isinstance(graph, dict) else None
    if schema != SCHEMA:
        raise GraphFileError(f"{path}: schema is {schema!r}, expected {SCHEMA!r}")
    try:
        return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    except (KeyError, TypeError, ValueError, nx.NetworkXError) as exc:
        raise GraphFileError(f"{path}: not a valid concept graph ({exc!r})") from None
