"""Tests of graph.schema: what a concept-graph/1 file may hold, and how a problem reads.

Every graph the tool writes validates (built from ``data/``, and the small graphs of
the tests); each kind of wrong value is named by its place; unknown keys are kept.
"""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Callable

import networkx as nx
import pytest

from extraction.readers import read_paths
from graph import schema
from graph.build import build_graph
from graph.io import SCHEMA, graph_to_data, read_graph, write_graph
from tests.conftest import DATA


@pytest.fixture(scope="module")
def built() -> nx.MultiDiGraph:
    return build_graph(read_paths([DATA]))


def small() -> dict:
    """A valid graph file's content, every attribute the tool writes present once."""
    evidence = {"source": "a.md", "line": 3, "text": "A cell has a membrane."}
    merge = {"name": "Cells", "into": "cell", "rule": "plural", "reason": "a plural"}
    selection = {
        "score": 0.9,
        "threshold": 0.4,
        "kept": True,
        "roles": {"heading": 1},
        "features": {"log_count": 1.5},
        "reasons": [["log_count", 2.1]],
        "merges": [{**merge, "evidence": evidence}, {**merge, "evidence": None}],
        "merged_names": 2,
    }
    edge = {
        "relation": "prerequisite_of",
        "confidence": 0.8,
        "evidence": [evidence],
        "label": "earlier",
        "features": {"earlier": 0.3},
    }
    data = {
        "directed": True,
        "multigraph": True,
        "graph": {
            "schema": SCHEMA,
            "model": "en_core_web_sm",
            "sources": [
                {"path": "a.md", "sha256": "0" * 64, "format": "markdown", "cards": 2, "errors": []}
            ],
            "candidates": [{**selection, "name": "variant", "names": ["variant"]}],
            "prerequisite_features": {"earlier": "A comes first"},
            "prerequisites_rejected": [
                {"source": "atp", "target": "cell", **edge, "reason": "too weak"}
            ],
        },
        "nodes": [
            {
                "id": "cell",
                "label": "Cell",
                "aliases": ["Cells"],
                "definition": "A network with a loop.",
                "definition_evidence": evidence,
                "importance": 0.5,
                "topic": "cell",
                "mentions": 4,
                "first_seen": ["a.md", 3],
                "cards": ["a.md#1"],
                "selection": selection,
            },
            {"id": "atp", "definition_evidence": None, "first_seen": None, "selection": None},
        ],
        "edges": [{"source": "cell", "target": "atp", "key": 0, **edge}],
    }
    return json.loads(json.dumps(data))  # no dict shared by two places


def test_schema_small_graph_is_valid():
    assert schema.problems(small()) == []


def test_schema_graph_built_from_data_is_valid(built, tmp_path):
    assert schema.problems(json.loads(json.dumps(graph_to_data(built)))) == []
    write_graph(built, tmp_path / "g.json")
    G = read_graph(tmp_path / "g.json")
    assert nx.utils.graphs_equal(G, built) and G.graph == built.graph


def test_schema_round_trip_keeps_lists_as_lists(built, tmp_path):
    """Pairs are checked as pairs but stay JSON lists, as ``json.loads`` reads them."""
    write_graph(built, tmp_path / "g.json")
    G = read_graph(tmp_path / "g.json")
    node = next(n for n, seen in G.nodes(data="first_seen") if seen)
    assert type(G.nodes[node]["first_seen"]) is list
    assert all(type(r) is list for r in G.nodes[node]["selection"]["reasons"])


Change = Callable[[dict], object]


def setter(path: str, value: object) -> Change:
    """Set the value at ``path`` (``nodes.0.importance``) of a graph file's content."""

    def change(data: dict) -> None:
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        target = data
        for p in parents:
            target = target[p]
        target[last] = value

    return change


def deleter(path: str) -> Change:
    def change(data: dict) -> None:
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        target = data
        for p in parents:
            target = target[p]
        del target[last]

    return change


CASES = [
    # (change, place, reason)
    (
        setter("nodes.0.importance", "high"),
        "nodes[0].importance",
        "expected a number, got the string 'high'",
    ),
    (setter("nodes.0.importance", True), "nodes[0].importance", "expected a number, got true"),
    (setter("nodes.0.importance", math.nan), "nodes[0].importance", "not a finite number"),
    (setter("nodes.0.importance", math.inf), "nodes[0].importance", "not a finite number"),
    (setter("nodes.0.importance", 10**400), "nodes[0].importance", "a number of 401 digits"),
    (
        setter("nodes.0.mentions", 4.0),
        "nodes[0].mentions",
        "expected a whole number, got the number 4.0",
    ),
    (setter("nodes.0.mentions", 2**70), "nodes[0].mentions", "out of range"),
    (setter("nodes.0.label", 5), "nodes[0].label", "expected a string, got the number 5"),
    (
        setter("nodes.0.aliases", "Cells"),
        "nodes[0].aliases",
        "expected a list, got the string 'Cells'",
    ),
    (setter("nodes.0.aliases", [None]), "nodes[0].aliases[0]", "expected a string, got null"),
    (setter("nodes.0.definition", None), "nodes[0].definition", "expected a string, got null"),
    (setter("nodes.0.first_seen", ["a.md"]), "nodes[0].first_seen[1]", "missing"),
    (
        setter("nodes.0.first_seen", ["a.md", 1, 2]),
        "nodes[0].first_seen",
        "expected 2 items, got 3",
    ),
    (
        setter("nodes.0.first_seen", ["a.md", "3"]),
        "nodes[0].first_seen[1]",
        "expected a whole number",
    ),
    (
        setter("nodes.0.definition_evidence", []),
        "nodes[0].definition_evidence",
        "expected an object, got a list",
    ),
    (deleter("nodes.0.definition_evidence.line"), "nodes[0].definition_evidence.line", "missing"),
    (
        setter("nodes.0.selection.reasons", [["x", "heavy"]]),
        "nodes[0].selection.reasons[0][1]",
        "expected a number",
    ),
    (
        setter("nodes.0.selection.roles", {"heading": "1"}),
        "nodes[0].selection.roles.heading",
        "expected a whole number",
    ),
    (deleter("nodes.0.selection.threshold"), "nodes[0].selection.threshold", "missing"),
    (setter("nodes.0", ["cell"]), "nodes[0]", "expected an object, got a list"),
    (setter("nodes", "abc"), "nodes", "expected a list, got the string 'abc'"),
    (setter("nodes", {"cell": {}}), "nodes", "expected a list, got an object"),
    (deleter("nodes.1.id"), "nodes[1].id", "missing"),
    (setter("nodes.1.id", 7), "nodes[1].id", "expected a string, got the number 7"),
    (setter("nodes.1.id", "cell"), "nodes[1].id", "'cell' is the id of nodes[0] too"),
    (setter("edges.0.target", "ghost"), "edges[0].target", "'ghost' is not a node id"),
    (setter("edges.0.source", ["cell"]), "edges[0].source", "expected a string, got a list"),
    (setter("edges.0.key", "0"), "edges[0].key", "expected a whole number"),
    (
        setter("edges.0.confidence", "0.8"),
        "edges[0].confidence",
        "expected a number, got the string '0.8'",
    ),
    (
        setter("edges.0.evidence.0.line", "3"),
        "edges[0].evidence[0].line",
        "expected a whole number",
    ),
    (setter("edges.0.features", {"a b": "x"}), 'edges[0].features["a b"]', "expected a number"),
    (
        setter("edges.0.evidence", {"source": "a.md"}),
        "edges[0].evidence",
        "expected a list, got an object",
    ),
    (deleter("edges"), "edges", "missing"),
    (setter("directed", False), "directed", "expected true, got false"),
    (setter("multigraph", 1), "multigraph", "expected true or false, got the number 1"),
    (setter("graph.model", 3), "graph.model", "expected a string, got the number 3"),
    (
        setter("graph.sources", [{"path": None}]),
        "graph.sources[0].path",
        "expected a string, got null",
    ),
    (
        setter("graph.candidates.0.score", None),
        "graph.candidates[0].score",
        "expected a number, got null",
    ),
    (
        setter("graph.prerequisite_features", []),
        "graph.prerequisite_features",
        "expected an object",
    ),
    (
        setter("graph.prerequisites_rejected.0.source", 1),
        "graph.prerequisites_rejected[0].source",
        "expected a string",
    ),
    (setter("nodes.0.extra", [1, {"x": math.nan}]), "nodes[0].extra", "not plain JSON"),
    # a name longer than a line: every export compiled a pattern of it (10 MB: minutes)
    (setter("nodes.0.label", "tide " * 200_000), "nodes[0].label", "over the 100,000-character"),
    (setter("nodes.0.aliases", ["x" * 100_001]), "nodes[0].aliases[0]", "a name of 100,001"),
    (setter("extra", 10**400), "extra", "not plain JSON"),
]


@pytest.mark.parametrize(
    ("change", "where", "reason"), CASES, ids=[c[1] + ":" + c[2][:20] for c in CASES]
)
def test_schema_names_the_place_and_the_reason(change, where, reason):
    data = small()
    change(data)
    found = schema.problems(data)
    assert found and found[0][0] == where and reason in found[0][1], found


@pytest.mark.parametrize(
    ("data", "where", "reason"),
    [
        ([], "top level", "expected an object, got a list: not a concept graph file"),
        ("graph", "top level", "expected an object, got the string 'graph'"),
        (None, "top level", "expected an object, got null"),
        ({"nodes": []}, "graph", "missing: not a concept graph file"),
        ({"graph": "concept-graph/1"}, "graph", "expected an object, got the string"),
        ({"graph": {}}, "graph.schema", "missing"),
        (
            {"graph": {"schema": "concept-graph/2"}},
            "graph.schema",
            "newer version of Concept Atlas",
        ),
        (
            {"graph": {"schema": "concept-graph/12"}},
            "graph.schema",
            "newer version of Concept Atlas",
        ),
        ({"graph": {"schema": "concept-graph/0"}}, "graph.schema", "expected 'concept-graph/1'"),
        ({"graph": {"schema": "concept-graph/1.5"}}, "graph.schema", "expected 'concept-graph/1'"),
        ({"graph": {"schema": "other"}}, "graph.schema", "got the string 'other'"),
        ({"graph": {"schema": 1}}, "graph.schema", "got the number 1"),
    ],
)
def test_schema_version_and_kind_are_checked_first(data, where, reason):
    assert [(w, r) for w, r in schema.problems(data) if reason in r and w == where]


def test_schema_newer_version_is_named_even_when_the_rest_differs():
    data = {"graph": {"schema": "concept-graph/2"}, "nodes": {"a": 1}, "links": []}
    assert schema.problems(data) == [
        (
            "graph.schema",
            "concept-graph/2: written by a newer version of Concept Atlas "
            "(this one reads concept-graph/1)",
        )
    ]


def test_schema_unknown_keys_are_allowed_and_kept(tmp_path):
    """A later version may add attributes: they are read, and written back."""
    data = small()
    data["generator"] = {"name": "Concept Atlas", "version": [2, 0]}
    data["graph"]["layout"] = {"seed": 7}
    data["nodes"][0]["colour"] = "#ff0000"
    data["nodes"][0]["selection"]["new_score"] = 0.1
    data["edges"][0]["evidence"][0]["page"] = 12
    assert schema.problems(data) == []
    path = tmp_path / "g.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    G = read_graph(path)
    assert G.nodes["cell"]["colour"] == "#ff0000" and G.graph["layout"] == {"seed": 7}
    assert G.nodes["cell"]["selection"]["new_score"] == 0.1
    assert next(iter(G.edges(data="evidence")))[2][0]["page"] == 12


def test_schema_lists_every_problem_in_file_order():
    data = small()
    data["nodes"][0]["importance"] = "x"
    data["nodes"][1]["label"] = 1
    data["edges"][0]["confidence"] = "y"
    assert [w for w, _ in schema.problems(data)] == [
        "nodes[0].importance",
        "nodes[1].label",
        "edges[0].confidence",
    ]


def test_schema_duplicate_edge_keys_are_named():
    data = small()
    data["edges"].append(copy.deepcopy(data["edges"][0]))
    assert schema.problems(data) == [("edges[1].key", "edges[0] has the same source, target, key")]


def test_schema_file_text_in_a_message_is_escaped_and_cut():
    data = small()
    data["nodes"][0]["importance"] = "\x1b]0;pwned\x07\u202e" + "x" * 100
    data["nodes"][0]["selection"]["roles"] = {"\x1b[2J": "1"}
    messages = " ".join(f"{w}: {r}" for w, r in schema.problems(data))
    assert "\x1b" not in messages and "\u202e" not in messages and "\x07" not in messages
    assert "'\\u001b]0;pwned\\u0007\\u202exxx" in messages and "..." in messages
    assert 'roles["\\u001b[2J"]' in messages


def test_schema_check_json_agrees_with_check(built):
    """The fast path (pydantic-core's own JSON parser) accepts exactly what the slow
    one accepts, and returns the same content."""
    raw = json.dumps(graph_to_data(built)).encode()
    fast = schema.check_json(raw)
    slow, found = schema.check(json.loads(raw))
    assert found == [] and fast == slow
    bad = small()
    bad["nodes"][0]["importance"] = "x"
    assert schema.check_json(json.dumps(bad).encode()) is None


def test_schema_a_graph_read_and_written_again_is_the_same_text(built, tmp_path):
    """The checked copy keeps key order and ints (a warm build writes the memo's graph:
    it must be the very file a cold build writes)."""
    write_graph(built, tmp_path / "a.json")
    write_graph(read_graph(tmp_path / "a.json"), tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_schema_a_name_as_long_as_a_line_is_read(tmp_path):
    from graph.schema import MAX_NAME_CHARS

    data = small()
    data["nodes"][0]["label"] = data["nodes"][0]["aliases"] = None
    data["nodes"][0]["label"] = "x" * MAX_NAME_CHARS  # a build may name a concept by a line
    data["nodes"][0].pop("aliases")
    assert not schema.problems(data)
