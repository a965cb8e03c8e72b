"""Tests of graph.io: the graph file round trip, and how every file is written
(atomically, with the user's usual permissions, never over a file the tool did not
write)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import networkx as nx
import pytest

from graph.__main__ import main
from graph.io import (
    SCHEMA,
    GraphFileError,
    WriteRefused,
    is_graph_file,
    read_graph,
    replace_file,
    write_graph,
    write_text,
)
from tests.conftest import DATA


def small_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph(schema=SCHEMA, model=None, sources=[{"path": "a.md", "cards": 2}])
    G.add_node("rnn", label="RNN", aliases=["RNNs"], first_seen=["a.md", 3], importance=0.5)
    G.add_node("lstm", label="LSTM (long short-term memory)", definition="An RNN with gates.")
    G.add_edge("rnn", "lstm", relation="prerequisite_of", confidence=0.9, evidence=[])
    G.add_edge("rnn", "lstm", relation="related_to", confidence=0.2, label="mentions")
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
        ("{not json", "invalid JSON"),
        ('{"graph": {"schema": "other"}}', "schema is 'other'"),
        ('{"graph": "concept-graph/1"}', "schema is None"),
        ('{"graph": {"schema": "concept-graph/1"}, "nodes": [{"no": "id"}]}', "not a valid"),
    ],
)
def test_io_read_graph_names_the_file_and_the_reason(tmp_path, content, reason):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GraphFileError, match=reason) as caught:
        read_graph(path)
    assert "bad.json" in str(caught.value)


def test_io_build_refuses_an_out_file_it_did_not_write_before_building(tmp_path, capsys):
    notes = tmp_path / "lecture.txt"
    notes.write_text("What is a tensor?\nAn array.\n", encoding="utf-8")
    code = main(["build", str(DATA), "--out", str(notes), "--no-cache"])
    assert code == 1
    assert "lecture.txt exists and is not a graph file" in capsys.readouterr().err
    assert notes.read_text(encoding="utf-8") == "What is a tensor?\nAn array.\n"
