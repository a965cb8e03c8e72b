"""Tests of graph.io: the graph file round trip, and how every file is written
(atomically, with the user's usual permissions, never over a file the tool did not
write)."""

from __future__ import annotations

import json
import logging
import os
import re
import stat
from pathlib import Path

import networkx as nx
import pytest

from graph.__main__ import main
from graph.io import (
    SCHEMA,
    GraphFileError,
    WriteRefused,
    graph_to_data,
    is_graph_file,
    read_graph,
    replace_file,
    write_graph,
    write_text,
)
from tests.conftest import DATA


def small_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph(schema=SCHEMA, model=None, sources=[{"path": "a.md", "cards": 2}])
    G.add_node("cell", label="Cell", aliases=["Cells"], first_seen=["a.md", 3], importance=0.5)
    G.add_node("atp", label="ATP (adenosine triphosphate)", definition="A cell's energy carrier.")
    G.add_edge("cell", "atp", relation="prerequisite_of", confidence=0.9, evidence=[])
    G.add_edge("cell", "atp", relation="related_to", confidence=0.2, label="mentions")
    return G


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_io_graph_round_trip(tmp_path):
    G = small_graph()
    write_graph(G, tmp_path / "g.json")
    H = read_graph(tmp_path / "g.json")
    assert nx.utils.graphs_equal(G, H)
    assert H.graph == G.graph and list(H.edges(keys=True, data=True)) == list(
        G.edges(keys=True, data=True)
    )


def test_io_graph_file_has_the_users_usual_permissions(tmp_path, umask_022):
    write_graph(small_graph(), tmp_path / "g.json")
    plain = tmp_path / "plain.txt"
    plain.write_text("x")  # what open() gives under this umask
    assert mode(tmp_path / "g.json") == mode(plain) == 0o644


def test_io_replacing_keeps_the_permissions_of_the_file_replaced(tmp_path, umask_022):
    path = tmp_path / "g.json"
    write_graph(small_graph(), path)
    path.chmod(0o600)  # the student made it private
    write_graph(small_graph(), path)
    assert mode(path) == 0o600


def test_io_refuses_to_replace_a_file_it_did_not_write(tmp_path):
    notes = tmp_path / "notes.json"
    notes.write_text('{"my": "notes"}', encoding="utf-8")
    with pytest.raises(WriteRefused, match=r"notes\.json exists and is not a graph file"):
        write_graph(small_graph(), notes)
    assert notes.read_text(encoding="utf-8") == '{"my": "notes"}'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.json"]  # no temporary left


@pytest.mark.parametrize("kind", ["folder", "symlink"])
def test_io_refuses_a_folder_or_a_link(tmp_path, kind):
    target = tmp_path / "target.json"
    write_graph(small_graph(), target)
    path = tmp_path / "out.json"
    if kind == "folder":
        path.mkdir()
    else:
        path.symlink_to(target)
    with pytest.raises(WriteRefused, match="nothing was written"):
        write_graph(small_graph(), path)
    assert path.is_dir() if kind == "folder" else path.is_symlink()


def test_io_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    path = tmp_path / "guide.md"
    write_text(path, "old", owned=lambda p: True)

    def broken(tmp: Path) -> None:
        tmp.write_text("half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        replace_file(path, broken, owned=lambda p: True)
    assert path.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["guide.md"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"directed": true, "graph": {"schema": "concept-graph/1"}}', True),
        ('{"graph": {"sources": [], "schema": "concept-graph/2"}, "nodes": []}', True),
        ('{"graph": {"schema": "something else"}}', False),
        ("[1, 2, 3]", False),
        ("# My notes", False),
        ("", False),
    ],
)
def test_io_is_graph_file(tmp_path, text, expected):
    path = tmp_path / "x.json"
    path.write_text(text, encoding="utf-8")
    assert is_graph_file(path) is expected


def test_io_is_graph_file_when_the_schema_is_far_into_the_file(tmp_path):
    sources = [{"path": f"notes/{i}.md", "sha256": "0" * 64} for i in range(2000)]
    data = {"graph": {"sources": sources, "schema": SCHEMA}, "nodes": [], "edges": []}
    path = tmp_path / "g.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert path.stat().st_size > 64 * 1024 and is_graph_file(path)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "line 1, column 2: invalid JSON"),
        ('{"graph": {"schema": "other"}}', "graph.schema: expected 'concept-graph/1', got"),
        ('{"graph": "concept-graph/1"}', "graph: expected an object, got the string"),
        (
            '{"graph": {"schema": "concept-graph/1"}, "nodes": [{"no": "id"}]}',
            "nodes.0..id: missing",
        ),
    ],
)
def test_io_read_graph_names_the_file_and_the_reason(tmp_path, content, reason):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GraphFileError, match=reason) as caught:
        read_graph(path)
    assert str(caught.value).startswith(f"{path}: ")


def graph_text(**change: object) -> str:
    """A valid two-node graph file's text, with top-level keys, node 0's or edge 0's
    attributes replaced (``node_importance="high"``)."""
    data = graph_to_data(small_graph())
    for key, value in change.items():
        part, _, name = key.partition("_")
        if part == "node":
            data["nodes"][0][name] = value
        elif part == "edge":
            data["edges"][0][name] = value
        else:
            data[key] = value
    return json.dumps(data)


def nested(depth: int) -> str:
    data = graph_to_data(small_graph())
    return json.dumps(data)[:-1] + ', "deep": ' + "[" * depth + "]" * depth + "}"


def many_problems() -> str:
    data = graph_to_data(small_graph())
    data["nodes"] = [{"id": f"n{i}", "importance": "high"} for i in range(10)]
    return json.dumps(data)


#: Graph files the tool did not write: (name, bytes, what the message says after the
#: file name). Each is refused in one line that names the place and the reason.
HOSTILE = [
    ("empty", b"", "empty file"),
    ("blank", b"  \n\t\n", "empty file"),
    ("not JSON", b"{not json", "line 1, column 2: invalid JSON"),
    ("truncated", graph_text().encode()[:100], "invalid JSON"),
    ("trailing data", graph_text().encode() + b" {}", "invalid JSON .Extra data"),
    ("top-level array", b"[1, 2, 3]", "top level: expected an object, got a list"),
    ("top-level string", b'"concept-graph/1"', "top level: expected an object, got the string"),
    ("top-level null", b"null", "top level: expected an object, got null"),
    ("no graph", b'{"nodes": [], "edges": []}', "graph: missing: not a concept graph file"),
    ("newer version", graph_text(graph={"schema": "concept-graph/3"}).encode(), "newer version"),
    ("other schema", graph_text(graph={"schema": "x/1"}).encode(), "graph.schema: expected"),
    ("not directed", graph_text(directed=False).encode(), "directed: expected true, got false"),
    (
        "nodes a string",
        graph_text(nodes="abc").encode(),
        "nodes: expected a list, got the string 'abc'",
    ),
    (
        "node a list",
        graph_text(nodes=[["cell"]]).encode(),
        "nodes.0.: expected an object, got a list",
    ),
    (
        "string for a number",
        graph_text(node_importance="high").encode(),
        "nodes.0..importance: expected a number, got the string 'high'",
    ),
    (
        "string for a whole number",
        graph_text(edge_evidence=[{"source": "a", "line": "3", "text": ""}]).encode(),
        "edges.0..evidence.0..line: expected a whole number, got the string '3'",
    ),
    (
        "number for a string",
        graph_text(node_label=5).encode(),
        "nodes.0..label: expected a string, got the number 5",
    ),
    (
        "string for a list",
        graph_text(node_aliases="Cell").encode(),
        "nodes.0..aliases: expected a list",
    ),
    ("missing id", graph_text(nodes=[{"label": "x"}]).encode(), "nodes.0..id: missing"),
    (
        "number id",
        graph_text(nodes=[{"id": 1}], edges=[]).encode(),
        "nodes.0..id: expected a string, got the number 1",
    ),
    (
        "duplicate ids",
        graph_text(nodes=[{"id": "cell"}, {"id": "atp"}, {"id": "cell"}]).encode(),
        "nodes.2..id: 'cell' is the id of nodes.0. too",
    ),
    (
        "edge to a missing node",
        graph_text(edge_target="ghost").encode(),
        "edges.0..target: 'ghost' is not a node id",
    ),
    (
        "list for an edge end",
        graph_text(edge_source=["cell"]).encode(),
        "edges.0..source: expected a string, got a list",
    ),
    (
        "no edges",
        json.dumps({k: v for k, v in json.loads(graph_text()).items() if k != "edges"}).encode(),
        "edges: missing",
    ),
    (
        "NaN",
        graph_text().replace('"importance": 0.5', '"importance": NaN').encode(),
        "line 1, column [0-9]+: NaN is not a number JSON allows",
    ),
    (
        "-Infinity in an unknown key",
        graph_text().replace('"multigraph": true', '"x": -Infinity, "multigraph": true').encode(),
        "-Infinity is not a number JSON allows",
    ),
    (
        "1e400",
        graph_text().replace('"importance": 0.5', '"importance": 1e400').encode(),
        "nodes.0..importance: not a finite number",
    ),
    (
        "a number of 5000 digits",
        graph_text().replace('"importance": 0.5', '"importance": ' + "9" * 5000).encode(),
        "invalid JSON .Exceeds the limit",
    ),
    ("nested 300 deep", nested(300).encode(), "deep: not plain JSON"),
    ("nested 100000 deep", nested(100_000).encode(), "invalid JSON .nested too deeply"),
    (
        "Latin-1",
        graph_text(node_label="caf\u00e9").encode().replace(b"\\u00e9", b"\xe9"),
        "line 1, column [0-9]+: byte 0xe9 is not UTF-8 text",
    ),
    ("UTF-16 invalid", "[1]".encode("utf-16"), "top level: expected an object, got a list"),
    ("UTF-16 lone surrogate bytes", b"\xff\xfe[\x00\x00\xd8]\x00", "is not UTF-16"),
    (
        "many problems",
        many_problems().encode(),
        "nodes.0..importance: .*; nodes.2..importance: .*; and 7 more$",
    ),
    (
        "escape sequences",
        graph_text(node_importance="\x1b]0;pwned\x07").encode(),
        r"got the string '\\u001b\]0;pwned\\u0007'",
    ),
]


def hostile_file(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("content", "reason"), [h[1:] for h in HOSTILE], ids=[h[0] for h in HOSTILE]
)
def test_io_read_graph_refuses_a_hostile_file_in_one_line(tmp_path, content, reason):
    path = hostile_file(tmp_path, content)
    with pytest.raises(GraphFileError) as caught:
        read_graph(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message and len(message) < 600
    assert re.search(reason, message), message
    assert "\x1b" not in message and "Traceback" not in message


COMMANDS = [
    ["search", "cell"],
    ["path", "atp"],
    ["neighbourhood", "cell"],
    ["topics"],
    ["explain", "cell"],
    ["export", "--format", "json", "--out", "{out}.json"],
    ["export", "--format", "markdown", "--out", "{out}.md"],
]


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda argv: "-".join(argv[:3]))
@pytest.mark.parametrize(
    ("content", "reason"), [h[1:] for h in HOSTILE], ids=[h[0] for h in HOSTILE]
)
def test_io_commands_refuse_a_hostile_graph_in_one_line(tmp_path, capsys, argv, content, reason):
    path = hostile_file(tmp_path, content)
    out = str(tmp_path / "out")
    code = main([*(a.replace("{out}", out) for a in argv), "--graph", str(path)])
    captured = capsys.readouterr()
    assert code == 1 and captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and str(path) in lines[0]
    assert re.search(reason, lines[0]), lines[0]
    assert not list(tmp_path.glob("out*"))  # nothing written


@pytest.mark.parametrize("kind", ["folder", "fifo", "missing", "device"])
def test_io_read_graph_refuses_what_is_not_a_file(tmp_path, kind):
    """A pipe is not waited on (it would block the command forever)."""
    path = tmp_path / "g.json"
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")
    reason = {
        "folder": "a folder: not a graph file",
        "fifo": "not a regular file",
        "missing": "cannot open: No such file",
        "device": "not a regular file",
    }[kind]
    with pytest.raises(GraphFileError, match=f"^{re.escape(str(path))}: {reason}"):
        read_graph(path)


def test_io_read_graph_refuses_a_file_over_the_size_limit(tmp_path, monkeypatch):
    path = tmp_path / "g.json"
    write_graph(small_graph(), path)
    monkeypatch.setattr("graph.io.MAX_GRAPH_BYTES", 100)
    with pytest.raises(GraphFileError, match="more than the 0 MB a graph file may have"):
        read_graph(path)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_io_read_graph_reads_a_graph_saved_in_another_unicode_encoding(tmp_path, encoding):
    """An editor may save the file with a BOM or as UTF-16: JSON allows it, so it reads."""
    path = tmp_path / "g.json"
    path.write_bytes(graph_text(node_label="caf\u00e9 \U0001d6fc").encode(encoding))
    G = read_graph(path)
    assert G.nodes["cell"]["label"] == "caf\u00e9 \U0001d6fc"


def test_io_lone_surrogates_are_replaced_with_a_warning(tmp_path, caplog, capsys):
    """``"\\ud800"`` is valid JSON but no text: it becomes U+FFFD, said once, and the
    graph prints and writes (it crashed the export and the terminal before)."""
    text = graph_text(node_label="Cell \ud800", node_aliases=["\udc00x", "\ud83d\ude00"])
    text = text.replace('"cell"', '"cell\\udfff"')  # an id too, and the edges that use it
    path = tmp_path / "g.json"
    path.write_text(text, encoding="ascii")
    with caplog.at_level(logging.WARNING, logger="graph.io"):
        G = read_graph(path)
    assert sorted(G.nodes) == ["atp", "cell\ufffd"]
    assert G.nodes["cell\ufffd"]["label"] == "Cell \ufffd"
    assert G.nodes["cell\ufffd"]["aliases"] == ["\ufffdx", "\U0001f600"]  # a pair stays
    [record] = caplog.records
    assert str(path) in record.getMessage() and "U+FFFD" in record.getMessage()
    write_graph(G, tmp_path / "again.json")
    assert nx.utils.graphs_equal(read_graph(tmp_path / "again.json"), G)
    assert main(["search", "cell", "--graph", str(path)]) == 0
    assert "\ufffd" in capsys.readouterr().out


def test_io_every_graph_file_written_validates(tmp_path):
    """What write_graph writes, read_graph reads back equal (the tests' small graphs;
    a built graph is checked in test_schema)."""
    G = small_graph()
    G.add_node("empty")
    G.nodes["cell"]["selection"] = {"score": 0.5, "threshold": 0.4, "reasons": [("x", 1.0)]}
    write_graph(G, tmp_path / "g.json")
    H = read_graph(tmp_path / "g.json")
    assert sorted(H.nodes) == sorted(G.nodes) and H.graph == G.graph


def test_io_build_refuses_an_out_file_it_did_not_write_before_building(tmp_path, capsys):
    notes = tmp_path / "lecture.txt"
    notes.write_text("What is a tensor?\nAn array.\n", encoding="utf-8")
    code = main(["build", str(DATA), "--out", str(notes), "--no-cache"])
    assert code == 1
    assert "lecture.txt exists and is not a graph file" in capsys.readouterr().err
    assert notes.read_text(encoding="utf-8") == "What is a tensor?\nAn array.\n"


def test_io_write_graph_streams_the_same_bytes_as_one_json_text(tmp_path):
    import json

    from graph.io import graph_to_data

    G = nx.MultiDiGraph(schema="concept-graph/1", model=None, sources=[])
    G.add_node("le châtelier", label="Le Châtelier", definition="K ∝ [C]·[D] / [A]·[B] — “shift”")
    G.add_node("osmosis", label="osmosis")
    G.add_edge("osmosis", "le châtelier", relation="related_to", confidence=0.5)
    path = tmp_path / "g.json"
    write_graph(G, path)
    expected = json.dumps(graph_to_data(G), ensure_ascii=False, indent=1)
    assert path.read_text(encoding="utf-8") == expected


def _graphs() -> dict[str, nx.MultiDiGraph]:
    empty = nx.MultiDiGraph(schema=SCHEMA, model=None, sources=[])
    nodes_only = nx.MultiDiGraph(schema=SCHEMA, model=None, sources=[])
    nodes_only.add_node("osmosis", label="osmosis", aliases=[], cards=["n.md#1"])
    odd = small_graph()
    odd.graph["candidates"] = [{"name": "line\nbreak\tand \x1b[2J", "nested": [[], {}, [1, 2.5]]}]
    odd.add_node("a\nb", label="“quoted” \\ back\\slash \u2028 sep", selection={"roles": {}})
    odd.add_edge("a\nb", "cell", relation="is_a", confidence=1, evidence=[{"text": "x\r\ny"}])
    return {"empty": empty, "nodes only": nodes_only, "odd text": odd}


@pytest.mark.parametrize("name", ["empty", "nodes only", "odd text"])
def test_io_write_graph_streams_the_same_bytes_for_every_shape(tmp_path, name):
    G = _graphs()[name]
    path = tmp_path / "g.json"
    write_graph(G, path)
    expected = json.dumps(graph_to_data(G), ensure_ascii=False, indent=1)
    assert path.read_text(encoding="utf-8") == expected
    assert json.loads(expected)["nodes"] == graph_to_data(G)["nodes"]


class _Name(str):
    """A ``str`` subclass: written by ``json``'s own encoder."""


_SHARED = [{"source": "n.md", "line": 3, "text": "Osmosis moves water."}]

_WRITER_VALUES = [
    ("plain values", {"s": "x", "i": 3, "f": 0.25, "n": None, "t": True, "no": False}),
    ("numbers json writes its own way", [float("nan"), float("inf"), -float("inf"), 1e300, -0.0]),
    ("empty containers at every depth", {"a": {}, "b": [], "c": [[], {}], "d": ({},)}),
    ("a tuple is a list", {"first_seen": ("n.md", 4), "pairs": [("a", 1.5)]}),
    ("text needing escapes", {"t": "é “q” \\ \n\t\x1b[2J \u2028 \ud800", "\x00key": "v"}),
    ("keys that are not strings", {3: "three", 2.5: "x", None: 0, False: 1}),
    ("a str subclass", {"name": _Name("osmosis"), "list": [_Name("x")]}),
    ("a bool is no number", [True, 1, False, 0, 1.0]),
    ("one list under many keys", {"a": _SHARED, "b": _SHARED, "c": [_SHARED, {"d": _SHARED}]}),
]


@pytest.mark.parametrize(("name", "value"), _WRITER_VALUES)
def test_io_writer_writes_each_value_as_json_dumps_with_indent(name, value):
    from graph.io import _dumps, _Writer

    writer = _Writer()
    for depth in (0, 2, 2, 5):  # the second time at one depth, from what it remembered
        assert writer.dumps(value, depth) == _dumps(value, depth)


def test_io_writer_forgets_what_it_remembered_past_its_bound(monkeypatch):
    from graph import io

    monkeypatch.setattr(io, "WRITER_MEMO", 2)
    values = [{"evidence": [{"line": n, "text": f"sentence {n}"}]} for n in range(6)]
    writer = io._Writer()
    for value in [*values, *values[::-1], *values]:
        assert writer.dumps(value, 2) == io._dumps(value, 2)
    assert len(writer._memo) <= 2
