"""Every query and export command on a large real graph: Dive into Deep Learning."""

from __future__ import annotations

import json

import pytest

from graph.__main__ import main
from graph.export import FORMATS
from tests.conftest import CORPORA

D2L = CORPORA / "d2l"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not D2L.is_dir(), reason=f"{D2L} is absent"),
]


@pytest.fixture(scope="module")
def d2l_graph(tmp_path_factory):
    folder = tmp_path_factory.mktemp("d2l")
    path = folder / "d2l.json"
    assert main(["build", str(D2L), "--out", str(path), "--cache", str(folder / "cache")]) == 0
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["search", "long short term memmory", "--limit", "3"],
        ["path", "transformer", "gated recurrent unit"],
        ["next", "--known", "linear regression"],
        ["neighbourhood", "LSTM", "--depth", "1"],
        ["connect", "LSTM", "gated recurrent unit"],
        ["topics"],
        ["gaps"],
    ],
    ids=lambda a: a[0],
)
def test_commands_queries_answer_on_d2l(d2l_graph, capsys, args):
    assert main([*args, "--graph", str(d2l_graph), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)


def test_commands_search_finds_a_misspelling_on_d2l(d2l_graph, capsys):
    main(["search", "long short term memmory", "--graph", str(d2l_graph), "--json"])
    top = json.loads(capsys.readouterr().out)[0]
    assert "LSTM" in top["label"] or "short-term" in top["label"].lower()


@pytest.mark.parametrize("fmt", FORMATS)
def test_commands_exports_write_on_d2l(d2l_graph, tmp_path, fmt):
    out = tmp_path / ("out" if fmt in {"csv", "obsidian"} else f"out.{fmt}")
    if fmt == "anki":
        out = tmp_path / "out.apkg"
    args = ["export", "--graph", str(d2l_graph), "--format", fmt, "--out", str(out)]
    assert main([*args, "--focus", "LSTM", "--depth", "1"]) == 0
    assert out.exists() and (out.is_dir() or out.stat().st_size > 0)
