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
import logging
import os
import re
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

import networkx as nx

log = logging.getLogger(__name__)

#: The schema name written in ``G.graph["schema"]`` (see design.md and graph/schema.py).
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
    >>> G.add_node("osmosis", label="osmosis")
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.json"
    >>> write_graph(G, path)
    >>> list(read_graph(path).nodes)
    ['osmosis']
    """

    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            write_graph_json(G, f)

    replace_file(path, write, owned=is_graph_file, what="graph file")


def write_graph_json(G: nx.MultiDiGraph, f) -> None:
    """Write :func:`graph_to_data` of ``G`` to the text file ``f``: the same text as
    ``json.dump(graph_to_data(G), f, ensure_ascii=False, indent=1)``, one node or edge
    at a time, so that neither the node-link dict of a large graph (a copy of every
    node's and edge's attributes: about 100 MB for 700,000 edges) nor its text is
    ever held whole.

    Examples
    --------
    >>> import io
    >>> G = nx.MultiDiGraph(schema=SCHEMA)
    >>> G.add_edge("osmosis", "diffusion", relation="is_a", evidence=[])
    0
    >>> out = io.StringIO()
    >>> write_graph_json(G, out)
    >>> out.getvalue() == json.dumps(graph_to_data(G), ensure_ascii=False, indent=1)
    True
    """
    head = {"directed": G.is_directed(), "multigraph": G.is_multigraph(), "graph": G.graph}
    f.write("{")
    for name, value in head.items():
        f.write(f"\n {_dumps(name, 1)}: {_dumps(value, 1)},")
    nodes = ({**attrs, "id": n} for n, attrs in G.nodes(data=True))
    _write_list(f, "nodes", G.number_of_nodes(), nodes)
    f.write(",")
    edges = (
        {**d, "source": u, "target": v, "key": k} for u, v, k, d in G.edges(keys=True, data=True)
    )
    _write_list(f, "edges", G.number_of_edges(), edges)
    f.write("\n}")


def _dumps(value: object, depth: int) -> str:
    """``value`` as ``json.dumps(..., indent=1)`` writes it ``depth`` levels down (JSON
    text holds no raw line break: each one starts a line of the layout)."""
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * depth)


#: ``json``'s own string encoder (its C version where there is one), as ``json.dumps``
#: with ``ensure_ascii=False`` calls it.
_STRING = json.encoder.encode_basestring

#: Most texts of nested values :class:`_Writer` keeps for reuse at once.
WRITER_MEMO = 16_384


class _Writer:
    """:func:`_dumps`, for the values of a graph, without ``json``'s pure-Python encoder
    (``indent`` makes ``json.dumps`` leave its C encoder: most of a large graph's
    writing time): the same text, made by one recursive function, strings by ``json``'s
    own encoder and numbers as ``json`` writes them.

    A graph shares many of its values between nodes and edges (one list of evidence
    for every edge a sentence gives, one feature set for many concepts:
    :class:`graph.build._Shared`): the text of a list or dict is kept by its identity
    and depth, up to :data:`WRITER_MEMO` of them (then forgotten, all at once), and
    written again without being made again. The values must not change while a
    :class:`_Writer` is in use (a graph being written is not changed). A value of any
    other type (a subclass of ``str``, ``dict`` ...) is written by :func:`_dumps`.

    >>> value = {"a": [1, 2.5, None, True], "b": {}, "c": [()], "d": "é\\n\\"", "e": float("nan")}
    >>> _Writer().dumps(value, 2) == _dumps(value, 2)
    True
    """

    __slots__ = ("_memo",)

    def __init__(self) -> None:
        #: id of a list or dict -> (the value, its depth, its text)
        self._memo: dict[int, tuple[object, int, str]] = {}

    def dumps(self, value: object, depth: int) -> str:
        """``_dumps(value, depth)``; ``value`` itself is never remembered (a node's or
        edge's record is made for its writing)."""
        kind = type(value)
        if kind is dict:
            return self._dict(value, depth)
        if kind is list or kind is tuple:
            return self._list(value, depth)
        return self._value(value, depth)

    def _value(self, value: object, depth: int) -> str:
        kind = type(value)
        if kind is str:
            return _STRING(value)
        if kind is float:
            if value != value:
                return "NaN"
            if value == _INFINITY:
                return "Infinity"
            if value == -_INFINITY:
                return "-Infinity"
            return _FLOAT(value)
        if kind is dict or kind is list:
            found = self._memo.get(id(value))
            if found is not None and found[1] == depth:
                return found[2]
            text = self._dict(value, depth) if kind is dict else self._list(value, depth)
            if len(self._memo) >= WRITER_MEMO:
                self._memo.clear()
            self._memo[id(value)] = (value, depth, text)  # kept: its id stays its own
            return text
        if kind is int:
            return int.__repr__(value)
        if value is None:
            return "null"
        if value is True:
            return "true"
        if value is False:
            return "false"
        if kind is tuple:
            return self._list(value, depth)
        return _dumps(value, depth)

    def _dict(self, value: dict, depth: int) -> str:
        if not value:
            return "{}"
        inner = _INDENTS[depth + 1] if depth + 1 < len(_INDENTS) else "\n" + " " * (depth + 1)
        parts = []
        for name, item in value.items():
            if type(name) is not str:
                return _dumps(value, depth)
            parts.append(_STRING(name) + ": " + self._value(item, depth + 1))
        return "{" + inner + ("," + inner).join(parts) + inner[:-1] + "}"

    def _list(self, value: list | tuple, depth: int) -> str:
        if not value:
            return "[]"
        inner = _INDENTS[depth + 1] if depth + 1 < len(_INDENTS) else "\n" + " " * (depth + 1)
        parts = [self._value(item, depth + 1) for item in value]
        return "[" + inner + ("," + inner).join(parts) + inner[:-1] + "]"


_FLOAT = float.__repr__
#: A line break and the indent of each depth, made once.
_INDENTS = tuple("\n" + " " * n for n in range(16))
_INFINITY = float("inf")


def _write_list(f, name: str, count: int, items) -> None:
    f.write(f"\n {_dumps(name, 1)}: ")
    if not count:
        f.write("[]")
        return
    f.write("[")
    writer = _Writer()
    for i, item in enumerate(items):
        f.write(f"{',' if i else ''}\n  {writer.dumps(item, 2)}")
    f.write("\n ]")


def read_graph(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Read a concept-graph/1 file, checked against :mod:`graph.schema`.

    Raises
    ------
    GraphFileError
        The file cannot be read, is not JSON, or is not concept-graph/1: one line that
        names the file, the place (``nodes[3].importance``) and what is wrong there (the
        first :data:`PROBLEMS_SHOWN` problems, then how many more).

    Notes
    -----
    A string holding a lone surrogate (a JSON escape such as ``"\\ud800"``, which no
    text can hold) gets U+FFFD in its place, with one warning logged: printing or
    writing such a string would fail later.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.json"
    >>> _ = path.write_text('{"graph": {"schema": "concept-graph/1"}, "edges": [],'
    ...                     ' "nodes": [{"id": "nmr", "importance": "high"}]}')
    >>> read_graph(path)
    Traceback (most recent call last):
    ...
    graph.io.GraphFileError: .../g.json: nodes[0].importance: expected a number, got the ...
    """
    from graph import schema  # pydantic-core: loaded by the commands that read a graph

    path = Path(path)
    raw = _read_regular(path)
    data = schema.check_json(raw)
    if data is None:  # something to explain (or lone surrogates to replace)
        data, found = schema.check(_load_json(path, raw))
        if found:
            raise GraphFileError(problem_message(path, found))
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")


#: Problems named in a :class:`GraphFileError` before "and N more".
PROBLEMS_SHOWN = 3
#: Largest graph file read (a graph of every note a build accepts is far smaller).
MAX_GRAPH_BYTES = 512 * 2**20


def problem_message(path: Path, problems: list[tuple[str, str]]) -> str:
    """``<file>: <place>: <reason>; <place>: <reason>; ... and N more`` (one line).

    >>> problem_message(Path("g.json"), [("nodes[0].id", "missing")] * 5)
    'g.json: nodes[0].id: missing; nodes[0].id: missing; nodes[0].id: missing; and 2 more'
    """
    shown = [f"{where}: {reason}" for where, reason in problems[:PROBLEMS_SHOWN]]
    more = len(problems) - PROBLEMS_SHOWN
    return f"{path}: " + "; ".join(shown) + (f"; and {more} more" if more > 0 else "")


def _load_json(path: Path, raw: bytes) -> object:
    """The parsed JSON of a graph file's bytes ``raw``, lone surrogates replaced;
    :class:`GraphFileError` for anything but one JSON value with no NaN or Infinity, in
    UTF-8 (or UTF-16/32, as ``json.loads`` of bytes allows)."""
    if not raw.strip():
        raise GraphFileError(f"{path}: empty file: not a graph file")
    encoding = json.detect_encoding(raw)
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        name = encoding.upper().removesuffix("-SIG")
        raise GraphFileError(
            f"{path}: line {line}, column {column}: byte 0x{raw[exc.start]:02x} is not "
            f"{name} text: not a graph file (save it as UTF-8)"
        ) from None
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise GraphFileError(
            f"{path}: line {exc.lineno}, column {exc.colno}: invalid JSON ({exc.msg})"
        ) from None
    except _Constant as exc:
        raise GraphFileError(
            f"{path}: {_place_of_constant(text)}: {exc} is not a number JSON allows "
            "(no NaN or Infinity)"
        ) from None
    except RecursionError:
        raise GraphFileError(f"{path}: invalid JSON (nested too deeply)") from None
    except ValueError as exc:  # an integer of more than sys.get_int_max_str_digits()
        raise GraphFileError(f"{path}: invalid JSON ({exc})") from None
    if _SURROGATE_ESCAPE.search(text):
        _replace_surrogates(path, data)
    return data


def _read_regular(path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file (a pipe is never waited on)."""
    from extraction import files  # the standard library only

    try:
        return files.read_regular(path, MAX_GRAPH_BYTES)
    except files.NotRegularFile as exc:
        kind = "a folder" if exc.is_folder else f"not a regular file ({exc.kind})"
        raise GraphFileError(f"{path}: {kind}: not a graph file") from None
    except files.TooLarge as exc:
        raise GraphFileError(
            f"{path}: {exc.size / 2**20:.0f} MB, more than the "
            f"{MAX_GRAPH_BYTES // 2**20} MB a graph file may have"
        ) from None
    except OSError as exc:
        opening = isinstance(exc, FileNotFoundError | PermissionError | NotADirectoryError)
        verb = "open" if opening else "read"
        raise GraphFileError(f"{path}: cannot {verb}: {exc.strerror or exc}") from None


class _Constant(ValueError):
    """NaN, Infinity or -Infinity in a JSON text (Python's ``json`` accepts them)."""


def _no_constant(name: str) -> float:
    raise _Constant(name)


_CONSTANT = re.compile(r'"(?:[^"\\]|\\.)*"|(-?Infinity|NaN)')


def _place_of_constant(text: str) -> str:
    """``line L, column C`` of the first NaN or Infinity outside a string."""
    for found in _CONSTANT.finditer(text):
        if found.group(1):
            line = text.count("\n", 0, found.start()) + 1
            return f"line {line}, column {found.start() - text.rfind(chr(10), 0, found.start())}"
    return "top level"


#: A JSON escape of a UTF-16 surrogate (``\\ud800``): a string may hold a lone one.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _replace_surrogates(path: Path, data: object) -> None:
    """Replace every lone surrogate in the strings (values and keys) of ``data`` by
    U+FFFD, in place; log one warning naming the first place."""
    from graph.schema import place

    fixed: list[tuple] = []

    def clean(value: str, where: tuple) -> str:
        if _SURROGATE.search(value):
            fixed.append(where)
            return _SURROGATE.sub("\ufffd", value)
        return value

    stack: list[tuple[object, tuple]] = [(data, ())]
    while stack:
        value, where = stack.pop()
        if isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, str):
                    value[i] = clean(item, (*where, i))
                else:
                    stack.append((item, (*where, i)))
        elif isinstance(value, dict):
            for key in list(value):
                item = value[key]
                if isinstance(key, str) and _SURROGATE.search(key):
                    del value[key]
                    key = clean(key, (*where, key))
                    value[key] = item
                if isinstance(item, str):
                    value[key] = clean(item, (*where, key))
                else:
                    stack.append((item, (*where, key)))
    if fixed:
        log.warning(
            "%s: %d string(s) held a lone surrogate (a \\ud800-\\udfff escape, no "
            "character), replaced by U+FFFD; first found: %s",
            path,
            len(fixed),
            place(fixed[0]),
        )
