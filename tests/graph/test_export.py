"""Exports of the concept graph: each format read back by its own library or parsed."""

from __future__ import annotations

import csv
import html
import itertools
import json
import os
import re
import sqlite3
import stat
import xml.etree.ElementTree as ET
import zipfile
from contextlib import closing
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from PIL import Image

from extraction.readers import read_file
from graph.__main__ import main
from graph.build import SCHEMA, build_atlas
from graph.counts import edge_counts
from graph.export import (
    EXPORTERS,
    FOLDER_FORMATS,
    FORMATS,
    PICTURE_MAX_NODES,
    export,
    exporter,
    safe_file_name,
    select,
    study_order,
    subgraph_for,
    to_dot,
    to_markdown_guide,
    to_mermaid,
    write_anki,
    write_csv,
    write_gexf,
    write_graphml,
    write_html,
    write_json,
    write_obsidian,
    write_picture,
)
from graph.export._base import one_way, other_names
from graph.export.picture import _path_positions, drawn_graph, picture_figure
from graph.io import read_graph, write_graph
from graph.query import UnknownConceptError
from graph.render import external_urls
from tests.conftest import DATA, SEEDS

HOSTILE = 'Evil "q" [x](javascript:alert(1)) <script>alert(1)</script>\nline2 {a}|`b`#c;'
HOSTILE_DEFINITION = "Click [x](javascript:alert(1)) or <script>alert(1)</script> *now*"


def ev(text: str, line: int = 1) -> list[dict[str, Any]]:
    return [{"source": "notes.md", "line": line, "text": text}]


def typed_graph() -> nx.MultiDiGraph:
    """Concepts with every concept-graph/1 attribute, typed and parallel edges, a
    prerequisite chain (algebra, calculus -> gas -> bonding -> pcr -> nmr) and a
    concept with a hostile label and definition."""
    G = nx.MultiDiGraph(
        schema=SCHEMA,
        model="test",
        sources=[{"path": "notes.md", "sha256": "0" * 64, "format": "markdown", "cards": 9}],
    )
    concepts = [
        ("algebra", "linear algebra", "maths", 0.5),
        ("calculus", "calculus", "maths", 0.6),
        ("gas", "gas", "physical chemistry", 0.8),
        ("bonding", "chemical bonding", "physical chemistry", 0.9),
        ("pcr", "polymerase chain reaction (PCR)", "lab methods", 1.0),
        ("nmr", "NMR", "lab methods", 0.7),
        ("hplc", "HPLC", "lab methods", 0.4),
        ("evil", HOSTILE, "", 0.2),
    ]
    for i, (node, label, topic, importance) in enumerate(concepts, start=1):
        G.add_node(
            node,
            label=label,
            aliases=[f"{node}s", f"the {node}"],
            definition=HOSTILE_DEFINITION if node == "evil" else f"{label} is defined here.",
            definition_evidence={"source": "notes.md", "line": i, "text": f"{label} is ..."},
            importance=importance,
            topic=topic,
            mentions=i,
            first_seen=["notes.md", i],
            cards=[f"notes.md#{i}"],
        )
    G.nodes["hplc"]["definition"] = ""
    G.nodes["hplc"]["definition_evidence"] = None
    G.nodes["hplc"]["first_seen"] = None
    edges = [
        ("algebra", "gas", "prerequisite_of"),
        ("calculus", "gas", "prerequisite_of"),
        ("gas", "bonding", "prerequisite_of"),
        ("bonding", "pcr", "prerequisite_of"),
        ("pcr", "nmr", "prerequisite_of"),
        ("nmr", "pcr", "is_a"),
        ("nmr", "pcr", "uses"),
        ("hplc", "nmr", "contrasts_with"),
        ("evil", "nmr", "related_to"),
        ("nmr", "gas", "addresses"),
    ]
    for i, (u, v, relation) in enumerate(edges, start=10):
        G.add_edge(
            u,
            v,
            relation=relation,
            confidence=0.8,
            evidence=ev(f"{u} {relation} {v}.", i),
            label="mentions" if relation == "related_to" else "",
        )
    return G


@pytest.fixture(scope="module")
def sample() -> tuple[nx.MultiDiGraph, dict]:
    return build_atlas([DATA])


@pytest.fixture(scope="module")
def sample_file(sample, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("graph") / "graph.json"
    write_graph(sample[0], path)
    return path


def flat(value: Any) -> Any:
    """What GraphML/GEXF store for an attribute value."""
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def edge_multiset(G: nx.MultiDiGraph, drop: tuple[str, ...] = ()) -> list:
    return sorted(
        (u, v, json.dumps({k: a[k] for k in sorted(a) if k not in drop}, sort_keys=True))
        for u, v, a in G.edges(data=True)
    )


def flat_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    H = nx.MultiDiGraph()
    H.add_nodes_from((n, {k: flat(v) for k, v in a.items()}) for n, a in G.nodes(data=True))
    H.add_edges_from(
        (u, v, k, {x: flat(y) for x, y in a.items()})
        for u, v, k, a in G.edges(keys=True, data=True)
    )
    return H


# --------------------------------------------------------------------------- graph files


@pytest.mark.parametrize("which", ["typed", "sample"])
def test_export_graphml_reads_back_with_networkx(which, sample, tmp_path):
    G = typed_graph() if which == "typed" else sample[0]
    path = tmp_path / "g.graphml"
    write_graphml(G, path)
    H = nx.read_graphml(path, force_multigraph=True)
    assert isinstance(H, nx.MultiDiGraph)
    expected = flat_graph(G)
    assert dict(H.nodes(data=True)) == dict(expected.nodes(data=True))
    assert edge_multiset(H) == edge_multiset(expected)
    assert json.loads(H.graph["sources"]) == G.graph["sources"]
    assert H.graph["schema"] == SCHEMA
    for node, attrs in H.nodes(data=True):
        assert json.loads(attrs["aliases"]) == G.nodes[node]["aliases"]


def test_export_graphml_unifies_mixed_attribute_types(tmp_path):
    G = nx.MultiDiGraph()
    G.add_node("a", importance=1, mentions=2, topic="x")
    G.add_node("b", importance=0.5, mentions="many", topic=None)
    write_graphml(G, tmp_path / "g.graphml")
    H = nx.read_graphml(tmp_path / "g.graphml")
    assert H.nodes["a"]["importance"] == 1.0 and H.nodes["b"]["importance"] == 0.5
    assert H.nodes["a"]["mentions"] == "2" and H.nodes["b"]["mentions"] == "many"
    assert H.nodes["b"]["topic"] == ""


@pytest.mark.parametrize("which", ["typed", "sample"])
def test_export_gexf_reads_back_with_networkx(which, sample, tmp_path):
    G = typed_graph() if which == "typed" else sample[0]
    path = tmp_path / "g.gexf"
    write_gexf(G, path)
    H = nx.read_gexf(path, relabel=False)
    expected = flat_graph(G)
    assert set(H) == set(G)
    for node, attrs in H.nodes(data=True):
        viz = attrs.pop("viz")
        assert set(viz) == {"color", "size"}
        assert attrs == expected.nodes[node]
    assert edge_multiset(H, drop=("id",)) == edge_multiset(expected)
    assert H.graph["name"] == SCHEMA


def test_export_gexf_colours_nodes_by_topic(tmp_path):
    write_gexf(typed_graph(), tmp_path / "g.gexf")
    H = nx.read_gexf(tmp_path / "g.gexf", relabel=False)
    colour = {n: tuple(H.nodes[n]["viz"]["color"][c] for c in "rgb") for n in H}
    assert colour["pcr"] == colour["nmr"] != colour["calculus"] == colour["algebra"]
    assert H.nodes["pcr"]["viz"]["size"] > H.nodes["hplc"]["viz"]["size"]


@pytest.mark.parametrize("which", ["typed", "sample"])
def test_export_json_round_trips_through_read_graph(which, sample, tmp_path):
    G = typed_graph() if which == "typed" else sample[0]
    write_json(G, tmp_path / "g.json")
    H = read_graph(tmp_path / "g.json")
    assert nx.utils.graphs_equal(G, H)
    assert H.graph == G.graph


def test_export_csv_reads_back_with_the_csv_module(tmp_path):
    G = typed_graph()
    write_csv(G, tmp_path / "csv")
    with (tmp_path / "csv" / "nodes.csv").open(encoding="utf-8-sig", newline="") as f:
        nodes = list(csv.DictReader(f))
    with (tmp_path / "csv" / "edges.csv").open(encoding="utf-8-sig", newline="") as f:
        edges = list(csv.DictReader(f))
    assert len(nodes) == G.number_of_nodes() and len(edges) == G.number_of_edges()
    by_id = {row["id"]: row for row in nodes}
    assert by_id["evil"]["label"] == HOSTILE
    assert by_id["pcr"]["aliases"] == "pcrs|the pcr"
    assert by_id["pcr"]["cards"] == "notes.md#5"
    assert (by_id["pcr"]["definition_source"], by_id["pcr"]["definition_line"]) == ("notes.md", "5")
    assert by_id["hplc"]["first_seen_line"] == "" and by_id["hplc"]["definition_line"] == ""
    first = next(r for r in edges if r["source"] == "nmr" and r["relation"] == "uses")
    assert first["target"] == "pcr" and first["evidence"] == "nmr uses pcr."
    assert (first["evidence_source"], first["evidence_line"]) == ("notes.md", "16")
    assert first["evidence_count"] == "1" and float(first["confidence"]) == 0.8


def test_export_csv_quotes_formulas_as_text(tmp_path):
    G = nx.MultiDiGraph()
    G.add_node("x", label="=cmd|' /C calc'!A0", definition="@SUM(1)", topic="-2+3")
    write_csv(G, tmp_path)
    row = next(csv.DictReader((tmp_path / "nodes.csv").open(encoding="utf-8-sig", newline="")))
    assert row["label"] == "'=cmd|' /C calc'!A0"
    assert row["definition"] == "'@SUM(1)" and row["topic"] == "'-2+3"


# --------------------------------------------------------------------------- diagrams

MERMAID_NODE = re.compile(r'^  (n\d+)\["([^"\n]*)"\]$')
MERMAID_EDGE = re.compile(r"^  (n\d+) (-->|-\.-|---)\|(\w+)\| (n\d+)$")


def mermaid_unescape(text: str) -> str:
    return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), text)


@pytest.mark.parametrize("which", ["typed", "sample"])
def test_export_mermaid_declares_every_node_once_and_links_declared_ids(which, sample):
    G = typed_graph() if which == "typed" else sample[0]
    text = to_mermaid(G)
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    declared = [m.groups() for line in lines if (m := MERMAID_NODE.match(line))]
    ids = [node_id for node_id, _ in declared]
    assert len(ids) == len(set(ids)) == G.number_of_nodes()
    labels = sorted(mermaid_unescape(label) for _, label in declared)
    assert labels == sorted(" ".join(str(a["label"]).split()) for _, a in G.nodes(data=True))
    edges = [m.groups() for line in lines if (m := MERMAID_EDGE.match(line))]
    drawn = one_way(G.edges(data=True))  # a relation held both ways is one line
    assert len(edges) == len(drawn)
    assert all(u in ids and v in ids for u, _, _, v in edges)
    assert sorted(r for _, _, r, _ in edges) == sorted(str(d["relation"]) for *_, d in drawn)
    others = [
        line for line in lines[1:] if not (MERMAID_NODE.match(line) or MERMAID_EDGE.match(line))
    ]
    assert all(re.match(r"^  (classDef|class|linkStyle) [\w,#:.-]+", line) for line in others)
    assert text.count('"') == 2 * G.number_of_nodes()


def test_export_mermaid_styles_edges_by_relation():
    text = to_mermaid(typed_graph())
    assert " -->|prerequisite_of| " in text
    assert " -.-|related_to| " in text and " ---|contrasts_with| " in text
    assert "linkStyle" in text and "classDef topic" in text


def test_export_mermaid_escapes_a_hostile_label():
    G = nx.MultiDiGraph()
    G.add_node("evil", label=HOSTILE)
    (line,) = [line for line in to_mermaid(G).splitlines() if line.startswith("  n0[")]
    match = MERMAID_NODE.match(line)
    assert match, line
    inner = match.group(2)
    assert not set(re.sub(r"#\d+;", "", inner)) & set('"<>[](){}|`;#\n')
    assert mermaid_unescape(inner) == HOSTILE.replace("\n", " ")


DOT_STRING = r'"(?:[^"\\]|\\.)*"'
DOT_NODE = re.compile(rf"^  ({DOT_STRING}) \[(.*)\];$")
DOT_EDGE = re.compile(rf"^  ({DOT_STRING}) -> ({DOT_STRING}) \[(.*)\];$")


def dot_unquote(token: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), token[1:-1])


def dot_attrs(text: str) -> dict[str, str]:
    return {k: dot_unquote(v) for k, v in re.findall(rf"(\w+)=({DOT_STRING})", text)}


@pytest.mark.parametrize("which", ["typed", "sample"])
def test_export_dot_declares_every_node_once_and_links_declared_ids(which, sample):
    G = typed_graph() if which == "typed" else sample[0]
    text = to_dot(G)
    lines = text.splitlines()
    assert lines[0] == 'digraph "concept_atlas" {' and lines[-1] == "}"
    nodes = [
        (dot_unquote(m.group(1)), dot_attrs(m.group(2))) for m in map(DOT_NODE.match, lines) if m
    ]
    node_ids = [node for node, _ in nodes]
    assert sorted(node_ids) == sorted(G) and len(set(node_ids)) == len(node_ids)
    assert all(attrs["label"] == G.nodes[node]["label"] for node, attrs in nodes)
    edges = [m for m in map(DOT_EDGE.match, lines) if m]
    assert len(edges) == len(one_way(G.edges(data=True)))  # a relation held both ways: once
    for m in edges:
        assert dot_unquote(m.group(1)) in G and dot_unquote(m.group(2)) in G
        assert dot_attrs(m.group(3))["label"] in {r for *_, r in G.edges(data="relation")}
    assert len(lines) == 4 + len(nodes) + len(edges) + 1
    outside = re.sub(DOT_STRING, "", text)
    assert '"' not in outside and outside.count("[") == outside.count("]")
    assert outside.count("{") == outside.count("}") == 1


def test_export_dot_escapes_a_hostile_label():
    G = nx.MultiDiGraph()
    G.add_node('a"b\\', label=HOSTILE + "\\")
    (line,) = [line for line in to_dot(G).splitlines() if "[label=" in line]
    match = DOT_NODE.match(line)
    assert match, line
    assert dot_unquote(match.group(1)) == 'a"b\\'
    assert dot_attrs(match.group(2))["label"] == HOSTILE + "\\"


def test_export_dot_styles_symmetric_and_weak_relations():
    lines = to_dot(typed_graph()).splitlines()
    (contrast,) = [line for line in lines if 'label="contrasts_with"' in line]
    (weak,) = [line for line in lines if 'label="related_to"' in line]
    assert 'dir="none"' in contrast and 'style="dashed"' in weak


# --------------------------------------------------------------------------- study guide


def test_export_markdown_guide_follows_the_given_order():
    G = typed_graph()
    order = ["calculus", "algebra", "gas", "bonding"]
    text = to_markdown_guide(G, order, title="Path")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## 1. calculus",
        "## 2. linear algebra",
        "## 3. gas",
        "## 4. chemical bonding",
    ]
    assert text.startswith("# Path\n")
    assert "gas is defined here." in text  # escaped only where Markdown needs it
    assert "- **3. gas**: “algebra prerequisite_of gas.” — notes.md, line 10" in text
    assert "*Builds on:* 1. calculus, 2. linear algebra" in text
    assert "nmr" not in text.lower()


def test_export_markdown_guide_of_a_path_opens_with_its_steps():
    """A learning path's guide reads as a syllabus: the steps in order, then each step
    with what it is needed for; a prerequisite is not listed again as a relation."""
    text = to_markdown_guide(typed_graph(), ["calculus", "algebra", "gas", "bonding"])
    steps = text.split("\n## ")[0].splitlines()
    assert steps[-4:] == ["1. calculus", "2. linear algebra", "3. gas", "4. chemical bonding"]
    assert "*prerequisite of*" not in text and text.count("**Needed for**") == 3


def test_export_markdown_guide_names_its_topics_under_the_title():
    text = to_markdown_guide(typed_graph())
    assert text.splitlines()[4].startswith("Topics, largest first: lab methods (")


def test_export_markdown_guide_groups_by_topic_then_importance():
    text = to_markdown_guide(typed_graph())
    headings = [line for line in text.splitlines() if line.startswith("#")]
    topics = [h for h in headings if h.startswith("## ")]
    assert topics == ["## lab methods", "## maths", "## physical chemistry", "## (no topic)"]
    concepts = [h for h in headings if h.startswith("### ")]
    assert concepts[:3] == ["### polymerase chain reaction (PCR)", "### NMR", "### HPLC"]
    assert "*No definition in the notes.*" in text
    assert "*Also called:* the pcr" in text  # "pcrs" only repeats the name, in the plural


def test_export_markdown_guide_makes_injected_markup_inert():
    markdown_it = pytest.importorskip("markdown_it")
    text = to_markdown_guide(typed_graph())
    rendered = markdown_it.MarkdownIt("commonmark").render(text)
    assert "<script" not in rendered and "<a " not in rendered and "javascript:" in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert "[x](javascript:alert(1))" in html.unescape(rendered)
    assert "<em>now</em>" not in rendered
    headings = re.findall(r"<h(\d)>", rendered)
    assert headings.count("1") == 1


def guide_html(G: nx.MultiDiGraph) -> str:
    markdown_it = pytest.importorskip("markdown_it")
    return markdown_it.MarkdownIt("commonmark").render(to_markdown_guide(G))


@pytest.mark.parametrize(
    "relation, quoted",
    [("related_to", False), ("part_of", True), ("prerequisite_of", True)],
)
def test_export_markdown_guide_quotes_stated_relations_and_names_weak_links(
    relation: str, quoted: bool
) -> None:
    G = nx.MultiDiGraph()
    G.add_node("enzyme", label="enzyme", definition="A catalyst made by a living cell.")
    G.add_node("substrate", label="substrate", definition="What an enzyme acts on.")
    sentence = "The enzyme binds its substrate at the active site."
    ev = [{"source": "bio.md", "line": 7, "text": sentence}]
    G.add_edge("enzyme", "substrate", relation=relation, confidence=0.5, evidence=ev)
    rendered = guide_html(G)
    assert (sentence in rendered) is quoted
    assert ("<em>See also:</em> substrate" in rendered) is not quoted


def test_export_markdown_guide_quotes_statements_before_headings() -> None:
    G = nx.MultiDiGraph()
    G.add_node("ridge", label="ridge", definition="A line where plates move apart.")
    G.add_node("crust", label="crust", definition="The outer layer of rock.")
    texts = ["Ridges", "Ridges and crust", "New crust forms at a ridge."]
    ev = [{"source": "geo.md", "line": i, "text": t} for i, t in enumerate(texts, 1)]
    G.add_edge("ridge", "crust", relation="part_of", confidence=0.8, evidence=ev)
    rendered = guide_html(G)
    assert "<li>“New crust forms at a ridge.” — geo.md, line 3</li>" in rendered


def _undefined_lava() -> tuple[nx.MultiDiGraph, str]:
    """A graph where "lava" has no definition and one sentence names it."""
    G = nx.MultiDiGraph()
    G.add_node("magma", label="magma", definition="Molten rock below the surface.")
    G.add_node("lava", label="lava")
    sentence = "Magma that reaches the surface is called lava."
    ev = [{"source": "rocks.md", "line": 3, "text": sentence}]
    G.add_edge("magma", "lava", relation="related_to", confidence=0.3, evidence=ev)
    return G, sentence


def test_export_markdown_guide_undefined_concept_quotes_where_the_notes_name_it() -> None:
    G, sentence = _undefined_lava()
    rendered = guide_html(G)
    entry = rendered.split("<h3>lava</h3>")[1]
    assert "<em>No definition in the notes.</em>" in entry
    quotes = entry.split("<p>Where the notes name it:</p>")[1].split("</ul>")[0]
    assert f"<li>“{sentence}” — rocks.md, line 3</li>" in quotes


# --------------------------------------------------------------------------- Anki


def apkg_notes(path: Path) -> list[list[str]]:
    """The fields of every note of an .apkg, in note id order."""
    with zipfile.ZipFile(path) as archive:
        data = archive.read("collection.anki2")
    with closing(sqlite3.connect(":memory:")) as con:
        con.deserialize(data)
        rows = con.execute("SELECT flds FROM notes ORDER BY id").fetchall()
        due = [d for (d,) in con.execute("SELECT due FROM cards ORDER BY id")]
    assert due == sorted(due)
    return [flds.split("\x1f") for (flds,) in rows]


def test_export_anki_writes_one_escaped_note_per_definition(tmp_path):
    G = typed_graph()
    path = tmp_path / "deck.apkg"
    assert write_anki(G, path) == 7
    notes = apkg_notes(path)
    defined = [n for n, d in G.nodes(data="definition") if d]
    assert len(notes) == len(defined) == 7
    fronts = [front for front, _ in notes]
    evil = html.escape(" ".join(HOSTILE.split()))  # a label is one line
    assert evil in fronts and HOSTILE not in fronts
    (evil_back,) = [back for front, back in notes if front == evil]
    assert "<script>" not in evil_back and "&lt;script&gt;" in evil_back
    assert "notes.md, line 8" in evil_back
    assert "HPLC" not in fronts


ALIAS_CASES = [
    ("enzyme", ["enzymes", "Enzyme"], []),
    ("enzyme", ["biological catalyst", "biological catalysts"], ["biological catalyst"]),
    ("enzyme", ["catalysts", "catalyst"], ["catalyst"]),
    ("hash table (HT)", ["HT", "HTs", "hash map"], ["hash map"]),
    ("plate tectonics", ["plate-tectonics", "continental drift"], ["continental drift"]),
    ("osmosis", ["Water Flow", "water flow", "water flows"], ["Water Flow"]),
    ("boundary", ["boundaries", "plate boundary"], ["plate boundary"]),
    ("flux", ["fluxes", "flow"], ["flow"]),
]


@pytest.mark.parametrize("label,aliases,shown", ALIAS_CASES)
def test_export_other_names_leave_out_what_only_repeats_a_name(label, aliases, shown):
    """Before: every alias was listed, the plurals and case variants of the label too."""
    assert other_names(label, {"label": label, "aliases": aliases}) == shown


def test_export_guide_and_anki_list_each_other_name_once(tmp_path):
    G = nx.MultiDiGraph()
    aliases = ["enzymes", "Enzyme", "biological catalyst", "biological catalysts"]
    G.add_node("enzyme", label="enzyme", definition="A protein that speeds up a reaction.",
               aliases=aliases)  # fmt: skip
    assert "*Also called:* biological catalyst\n" in to_markdown_guide(G)
    write_anki(G, tmp_path / "deck.apkg")
    ((_, back),) = apkg_notes(tmp_path / "deck.apkg")
    assert '<div class="aliases">Also: biological catalyst</div>' in back


def both_ways() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    said = [{"source": "cell.md", "line": 3, "text": "Osmosis, unlike diffusion, needs..."}]
    for u, v in [("osmosis", "diffusion"), ("diffusion", "osmosis")]:
        G.add_edge(u, v, relation="contrasts_with", confidence=0.8, evidence=said)
    return G


@pytest.mark.parametrize(
    "write, says",
    [
        (lambda G: to_dot(G), "contrasts_with"),
        (lambda G: to_mermaid(G), "|contrasts_with|"),
        (lambda G: to_markdown_guide(G), "*contrasts with*"),
    ],
)
def test_export_a_relation_stated_both_ways_is_told_once(write, says):
    """Before: a contrast the graph holds both ways was two lines, and the guide listed
    it twice under each of its concepts."""
    text = write(both_ways())
    once = 2 if says == "*contrasts with*" else 1  # the guide: once under each concept
    assert text.count(says) == once


PART = "It needs no energy."
CARD = "Diffusion is passive transport. It needs no energy."
QUOTE_CASES = [
    # (the edge's evidence as (line, text), the quotes shown once each)
    ([(4, PART), (4, CARD)], [CARD]),
    ([(4, CARD), (4, PART)], [CARD]),
    ([(4, CARD), (4, CARD)], [CARD]),
]


def quoted_graph(found: list[tuple[int, str]]) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    said = [{"source": "cell.md", "line": line, "text": text} for line, text in found]
    G.add_edge("diffusion", "osmosis", relation="prerequisite_of", confidence=0.8, evidence=said)
    return G


@pytest.mark.parametrize("found,shown", QUOTE_CASES)
def test_export_guide_quotes_each_sentence_of_a_place_once(found, shown):
    """Before: a card's sentence and the card's whole text, both at one line, were
    quoted one after the other under the relation."""
    guide = to_markdown_guide(quoted_graph(found))
    quotes = re.findall(r"^  - “(.*)” — cell\.md", guide, flags=re.M)
    assert quotes == shown * 2  # under each of the two concepts


@pytest.mark.parametrize("found,shown", QUOTE_CASES)
def test_export_obsidian_quotes_each_sentence_of_a_place_once(tmp_path, found, shown):
    write_obsidian(quoted_graph(found), tmp_path / "vault")
    note = (tmp_path / "vault" / "diffusion.md").read_text(encoding="utf-8")
    assert re.findall(r": “(.*)” — cell\.md", note) == shown


def test_export_anki_orders_notes_by_prerequisites(tmp_path):
    G = typed_graph()
    write_anki(G, tmp_path / "deck.apkg")
    labels = [html.unescape(front) for front, _ in apkg_notes(tmp_path / "deck.apkg")]
    ids = {" ".join(G.nodes[n]["label"].split()): n for n in G}  # a front is one line
    position = {ids[label]: i for i, label in enumerate(labels)}
    for u, v, relation in G.edges(data="relation"):
        if relation == "prerequisite_of":
            assert position[u] < position[v], (u, v)
    assert labels.index("calculus") < labels.index("linear algebra")  # ties: importance


def test_export_anki_is_read_back_by_the_project_reader(tmp_path):
    G = typed_graph()
    path = tmp_path / "deck.apkg"
    write_anki(G, path, order=["nmr", "pcr", "hplc"])
    result = read_file(path)
    assert result.source.format == "anki-apkg" and not result.source.errors
    assert [card.title for card in result.cards] == ["NMR", "polymerase chain reaction (PCR)"]
    assert result.cards[0].body.startswith("NMR is defined here.")


def test_export_anki_ids_are_stable(tmp_path):
    G = typed_graph()
    write_anki(G, tmp_path / "a.apkg")
    write_anki(G, tmp_path / "b.apkg")

    def ids(path: Path) -> tuple:
        with zipfile.ZipFile(path) as archive:
            data = archive.read("collection.anki2")
        with closing(sqlite3.connect(":memory:")) as con:
            con.deserialize(data)
            models, decks = con.execute("SELECT models, decks FROM col").fetchone()
            guids = [g for (g,) in con.execute("SELECT guid FROM notes ORDER BY id")]
        return sorted(json.loads(models)), sorted(json.loads(decks)), guids

    assert ids(tmp_path / "a.apkg") == ids(tmp_path / "b.apkg")


def test_export_anki_cites_the_card_when_a_definition_has_no_evidence(sample, tmp_path):
    G, cards = sample
    node = next(n for n, a in G.nodes(data=True) if a.get("definition") and a.get("cards"))
    G = G.subgraph([node]).copy()
    G.nodes[node]["definition_evidence"] = None
    write_anki(G, tmp_path / "deck.apkg", cards=cards)
    card = cards[G.nodes[node]["cards"][0]]
    (note,) = apkg_notes(tmp_path / "deck.apkg")
    assert html.escape(f"{card.source}, line {card.title_line}") in note[1]


# --------------------------------------------------------------------------- Obsidian


def front_matter(text: str) -> dict[str, Any]:
    """Parse the YAML subset the Obsidian export writes: ``key: <JSON>`` and ``key:``
    followed by ``  - <JSON string>`` items."""
    assert text.startswith("---\n")
    block, _, _ = text[4:].partition("\n---\n")
    data: dict[str, Any] = {}
    key = None
    for line in block.splitlines():
        if line.startswith("  - "):
            assert key is not None and isinstance(data[key], list)
            data[key].append(json.loads(line[4:]))
        else:
            key, _, value = line.partition(": ") if ": " in line else (line[:-1], "", "")
            assert re.fullmatch(r"[a-z]+", key), line
            data[key] = json.loads(value) if value else []
    return data


WIKILINK = re.compile(r"\[\[([^\[\]|]+)(?:\|([^\[\]|]+))?\]\]")


def test_export_obsidian_writes_a_linked_note_per_concept(tmp_path):
    G = typed_graph()
    folder = tmp_path / "vault"
    files = write_obsidian(G, folder)
    names = sorted(p.name for p in folder.glob("*.md"))
    assert len(names) == G.number_of_nodes() + 1 and "Index.md" in names
    assert sorted(f.name for f in files.values()) == sorted(set(names) - {"Index.md"})
    for node, path in files.items():
        text = path.read_text(encoding="utf-8")
        meta = front_matter(text)
        a = G.nodes[node]
        assert set(meta) == {"aliases", "topic", "importance", "mentions", "tags"}
        assert all(alias in meta["aliases"] for alias in a["aliases"])
        assert meta["topic"] == a["topic"] and meta["importance"] == a["importance"]
        assert meta["mentions"] == a["mentions"] and "concept-atlas" in meta["tags"]
        assert all(" " not in tag for tag in meta["tags"])
    for path in folder.glob("*.md"):
        for target, _ in WIKILINK.findall(path.read_text(encoding="utf-8")):
            assert (folder / f"{target}.md").is_file(), (path.name, target)
    nmr = files["nmr"].read_text(encoding="utf-8")
    assert "## Relations" in nmr and "### requires" in nmr and "### is a" in nmr
    assert "[[polymerase chain reaction (PCR)]]" in nmr and "[[HPLC]]" in nmr
    assert "- is a [[polymerase chain reaction (PCR)]]: “nmr is_a pcr.”" in nmr
    index = (folder / "Index.md").read_text(encoding="utf-8")
    assert len(WIKILINK.findall(index)) == G.number_of_nodes()


def test_export_obsidian_note_lists_stated_relations_before_weak_links(tmp_path):
    """Before: a note's headings came in the order of its edges, weak links ("mentioned
    with", "related to") between the stated relations."""
    G = nx.MultiDiGraph()
    G.add_nodes_from((n, {"label": n}) for n in ["delta", "river", "silt", "estuary", "tide"])
    G.add_edge("delta", "estuary", relation="related_to", label="same sentence")
    G.add_edge("delta", "silt", relation="uses", confidence=0.7)
    G.add_edge("tide", "delta", relation="related_to")
    G.add_edge("river", "delta", relation="prerequisite_of", confidence=0.6)
    G.add_edge("delta", "tide", relation="contrasts_with", confidence=0.6)
    files = write_obsidian(G, tmp_path / "vault")
    text = files["delta"].read_text(encoding="utf-8")
    headings = re.findall(r"^### (.*)$", text, flags=re.MULTILINE)
    assert headings == [
        "requires",
        "uses",
        "contrasts with",
        "named in one sentence with",
        "related to",
    ]


def test_export_obsidian_undefined_concept_quotes_where_the_notes_name_it(tmp_path):
    markdown_it = pytest.importorskip("markdown_it")
    G, sentence = _undefined_lava()
    files = write_obsidian(G, tmp_path / "vault")
    body = files["lava"].read_text(encoding="utf-8").split("\n---\n", 1)[1]
    rendered = markdown_it.MarkdownIt("commonmark").render(body)
    quotes = rendered.split("<p>Where the notes name it:</p>")[1].split("</ul>")[0]
    assert f"<li>“{sentence}” — rocks.md, line 3</li>" in quotes


def test_export_obsidian_note_of_a_hostile_concept_is_inert(tmp_path):
    markdown_it = pytest.importorskip("markdown_it")
    files = write_obsidian(typed_graph(), tmp_path)
    path = files["evil"]
    assert path.parent == tmp_path
    text = path.read_text(encoding="utf-8")
    meta = front_matter(text)
    assert meta["aliases"][0] == HOSTILE.replace("\n", " ")
    body = text.split("\n---\n", 1)[1]
    rendered = markdown_it.MarkdownIt("commonmark").render(body)
    assert "<script" not in rendered and "<a " not in rendered
    for other in files.values():
        links = WIKILINK.findall(other.read_text(encoding="utf-8"))
        assert all((tmp_path / f"{target}.md").is_file() for target, _ in links)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("../../etc/passwd", "etc passwd"),
        ("a/b:c*?", "a b c"),
        ("CON", "_CON"),
        ("com1.txt", "_com1.txt"),
        (".hidden", "hidden"),
        ("..", "concept"),
        ("tab\there\x00", "tab here"),
        ("C:\\Windows\\system32", "C Windows system32"),
        ("[[link]] | #tag ^block", "link tag block"),
        ("x" * 200, "x" * 80),
    ],
)
def test_export_safe_file_name(label, expected):
    assert safe_file_name(label) == expected


def test_export_obsidian_keeps_hostile_names_inside_the_folder(tmp_path):
    G = nx.MultiDiGraph()
    labels = ["../../etc/passwd", "CON", "a/b:c*?", "A B C", "Index", "index", ".bashrc", "/"]
    for i, label in enumerate(labels):
        G.add_node(f"n{i}", label=label, importance=1 - i / 10)
    G.add_edges_from(("n0", f"n{i}", {"relation": "related_to"}) for i in range(1, len(labels)))
    folder = tmp_path / "vault"
    files = write_obsidian(G, folder)
    assert all(path.resolve().parent == folder.resolve() for path in files.values())
    names = [path.name for path in files.values()]
    assert len({name.casefold() for name in names}) == len(labels)
    assert sorted(p.name for p in folder.glob("*.md")) == sorted([*names, "Index.md"])
    assert not any(name.startswith(".") for name in names)
    assert files["n2"].name == "a b c.md" and files["n3"].name == "A B C 2.md"
    assert files["n4"].name == "Index 2.md" and files["n1"].name == "_CON.md"
    assert not (tmp_path / "etc").exists()
    for path in folder.glob("*.md"):
        for target, _ in WIKILINK.findall(path.read_text(encoding="utf-8")):
            assert (folder / f"{target}.md").is_file()


# --------------------------------------------------------------------------- pictures


def test_export_html_is_offline_and_escapes_labels(tmp_path):
    G = typed_graph()
    write_html(G, tmp_path / "map.html")
    page = (tmp_path / "map.html").read_text(encoding="utf-8")
    assert external_urls(page) == []
    assert "<script>alert(1)" not in page
    for _, label in G.nodes(data="label"):
        escaped = json.dumps(" ".join(label.split()))[1:-1]
        escaped = escaped.replace("<", "\\u003c").replace(">", "\\u003e")
        assert escaped[:40] in page, label


def test_export_png_is_a_sane_picture(sample, tmp_path):
    path = tmp_path / "map.png"
    assert write_picture(sample[0], path) == sample[0].number_of_nodes()
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert path.stat().st_size > 10_000
    with Image.open(path) as image:
        width, height = image.size
    assert 800 <= width <= 4000 and 600 <= height <= 3200


def test_export_svg_parses_and_holds_the_labels(tmp_path):
    G = typed_graph()
    path = tmp_path / "map.svg"
    write_picture(G, path, order=study_order(G), focus="pcr", title="Path <to> $x$")
    root = ET.parse(path).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    texts = " ".join("".join(el.itertext()) for el in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "linear algebra" in texts and "NMR" in texts and "prerequisite of" in texts
    assert "Path <to> $x$" in texts
    assert "<script>" not in path.read_text(encoding="utf-8")


def test_export_picture_caps_the_number_of_concepts(tmp_path):
    G = nx.MultiDiGraph()
    for i in range(PICTURE_MAX_NODES + 30):
        G.add_node(i, label=f"concept {i}", importance=i / 200)
    G.add_edges_from((i, i + 1, {"relation": "uses"}) for i in range(0, 100, 2))
    path = tmp_path / "map.svg"
    assert write_picture(G, path, focus=0) == PICTURE_MAX_NODES
    text = path.read_text(encoding="utf-8")
    assert f"{PICTURE_MAX_NODES} of {G.number_of_nodes()} concepts, the most important" in text
    assert ">concept 0<" in text and ">concept 149<" in text and ">concept 1<" not in text


def test_export_picture_refuses_other_formats(tmp_path):
    with pytest.raises(ValueError, match="unknown picture format"):
        write_picture(typed_graph(), tmp_path / "map.pdf")


# --------------------------------------------------------------------------- selection


def test_export_focus_selects_the_neighbourhood():
    G = typed_graph()
    assert sorted(subgraph_for(G, focus="NMR", depth=0)) == ["nmr"]
    assert sorted(subgraph_for(G, focus="nmr")) == ["evil", "gas", "hplc", "nmr", "pcr"]
    assert sorted(subgraph_for(G, focus="the hplc", depth=2)) == [
        "evil",
        "gas",
        "hplc",
        "nmr",
        "pcr",
    ]
    H = subgraph_for(G, focus="HPLC", depth=3)
    assert set(H) == set(G) and H.number_of_edges() == G.number_of_edges()
    assert H.graph == G.graph and H is not G


def test_export_path_selects_the_target_and_its_prerequisites():
    G = typed_graph()
    H = subgraph_for(G, path_target="PCR")
    assert sorted(H) == ["algebra", "bonding", "calculus", "gas", "pcr"]
    assert sorted(subgraph_for(G, path_target="nmr")) == sorted([*H, "nmr"])
    assert sorted(subgraph_for(G, path_target="hplc")) == ["hplc"]
    assert H.number_of_edges() == 4
    assert set(G) == set(typed_graph())


def test_export_selection_errors():
    G = typed_graph()
    with pytest.raises(UnknownConceptError):
        subgraph_for(G, focus="quantum chromodynamics")
    with pytest.raises(ValueError, match="not both"):
        subgraph_for(G, focus="pcr", path_target="nmr")
    with pytest.raises(ValueError, match="depth"):
        subgraph_for(G, focus="pcr", depth=-1)


def test_export_study_order_puts_prerequisites_first_and_breaks_cycles():
    G = typed_graph()
    _ = G.add_edge("nmr", "algebra", relation="prerequisite_of", confidence=0.1)
    order = study_order(G)
    assert sorted(order) == sorted(G)
    position = {node: i for i, node in enumerate(order)}
    assert position["gas"] < position["bonding"] < position["pcr"] < position["nmr"]
    assert order.index("calculus") < order.index("algebra")


def test_export_writes_a_learning_path_in_study_order(tmp_path):
    G = typed_graph()
    H = export(G, "markdown", tmp_path / "path.md", path_target="nmr").graph
    text = (tmp_path / "path.md").read_text(encoding="utf-8")
    assert text.startswith("# Learning path to NMR\n")
    steps = re.findall(r"^## \d+\. (.*)$", text, flags=re.MULTILINE)
    assert steps[-1] == "NMR" and len(steps) == H.number_of_nodes() == 6
    assert steps.index("gas") < steps.index("chemical bonding")
    export(G, "obsidian", tmp_path / "vault", path_target="nmr")
    index = (tmp_path / "vault" / "Index.md").read_text(encoding="utf-8")
    assert index.splitlines()[-1] == "6. [[NMR]]"


def test_export_rejects_an_unknown_format(tmp_path):
    with pytest.raises(ValueError, match="unknown export format 'pdf'"):
        export(typed_graph(), "pdf", tmp_path / "x.pdf")


# --------------------------------------------------------------------------- CLI


def check_output(fmt: str, out: Path, G: nx.MultiDiGraph) -> None:
    """A quick look at each format, read back with its own library where one exists."""
    if fmt in FOLDER_FORMATS:
        assert out.is_dir()
        files = sorted(p.name for p in out.iterdir() if p.name != ".concept-atlas.json")
        expected = ["edges.csv", "nodes.csv"] if fmt == "csv" else None
        assert files == expected if expected else len(files) == G.number_of_nodes() + 1
    elif fmt == "graphml":
        assert nx.read_graphml(out).number_of_nodes() == G.number_of_nodes()
    elif fmt == "gexf":
        assert nx.read_gexf(out).number_of_edges() == G.number_of_edges()
    elif fmt == "json":
        assert nx.utils.graphs_equal(read_graph(out), G)
    elif fmt == "anki":
        defined = sum(1 for _, d in G.nodes(data="definition") if d)
        assert len(read_file(out).cards) == defined
    elif fmt == "png":
        with Image.open(out) as image:
            assert image.format == "PNG"
    elif fmt == "svg":
        ET.parse(out)
    else:
        text = out.read_text(encoding="utf-8")
        assert text.strip()
        if fmt == "html":
            assert external_urls(text) == []


SUFFIX = {"anki": ".apkg", "markdown": ".md", "mermaid": ".mmd", "csv": "", "obsidian": ""}


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_cli_writes_every_format(fmt, sample, sample_file, tmp_path, capsys):
    G = sample[0]
    out = tmp_path / f"out{SUFFIX.get(fmt, '.' + fmt)}"
    assert main(["export", "--graph", str(sample_file), "--format", fmt, "--out", str(out)]) == 0
    stdout = capsys.readouterr().out
    drawn = drawn_graph(G) if fmt in ("png", "svg") else G  # a picture leaves weak links out
    expected = f"{G.number_of_nodes()} concepts, {edge_counts(drawn).describe()}"
    if fmt == "anki":  # a deck counts its notes (test_export_anki_says_how_many...)
        expected = f"{sum(1 for _, d in G.nodes(data='definition') if d)} Anki notes, "
    assert stdout.splitlines()[0].startswith(f"wrote {out}: {expected}")
    check_output(fmt, out, G)


@pytest.mark.parametrize("fmt", ["json", "mermaid", "markdown"])
def test_export_cli_focus_and_path(fmt, sample, sample_file, tmp_path, capsys):
    G = sample[0]
    focus = max(G, key=G.degree)
    out = tmp_path / f"focus.{fmt}"
    args = ["export", "--graph", str(sample_file), "--format", fmt, "--out", str(out)]
    assert main([*args, "--focus", G.nodes[focus]["label"], "--depth", "1", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    neighbours = set(G.predecessors(focus)) | set(G.successors(focus)) | {focus}
    counts = edge_counts(G.subgraph(neighbours))
    assert summary == {
        "out": str(out),
        "format": fmt,
        "concepts": len(neighbours),
        "concepts_selected": len(neighbours),
        "relations": counts.total,
        "relations_by_kind": {
            "typed": counts.typed,
            "prerequisites": counts.prerequisites,
            "weak": counts.weak,
        },
        "items": None,
        "remarks": [],
    }
    assert main([*args, "--path", G.nodes[focus]["label"]]) == 0
    assert capsys.readouterr().out.startswith(f"wrote {out}: ")


def test_export_cli_reports_errors_on_stderr(sample_file, tmp_path, capsys):
    out = tmp_path / "x.md"
    base = ["export", "--format", "markdown", "--out", str(out)]
    code = main([*base, "--graph", str(sample_file), "--focus", "no such concept xyz"])
    assert code != 0
    err = capsys.readouterr()
    assert "no concept matches 'no such concept xyz'" in err.err and err.out == ""
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    for graph in (bad, tmp_path / "missing.json"):
        assert main([*base, "--graph", str(graph)]) != 0
        assert f"error: {graph}" in capsys.readouterr().err
    assert not out.exists()
    with pytest.raises(SystemExit) as exc:
        main(["export", "--graph", str(sample_file), "--format", "pdf", "--out", str(out)])
    assert exc.value.code != 0
    assert "invalid choice: 'pdf'" in capsys.readouterr().err


def test_export_cli_reports_an_unwritable_output(sample_file, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    args = ["export", "--graph", str(sample_file), "--format", "csv", "--out", str(blocker)]
    assert main(args) == 1
    assert capsys.readouterr().err.startswith("error: ")


def test_export_formats_are_the_documented_ones():
    design = " ".join(
        "html graphml gexf json csv mermaid dot markdown anki obsidian png svg".split()
    )
    assert " ".join(FORMATS) == design


# --------------------------------------------------------------------------- the registry


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_registry_names_a_module_per_format(fmt):
    module = exporter(fmt)
    assert fmt in module.FORMATS and (fmt in FOLDER_FORMATS) == module.FOLDER
    assert callable(module.write) and callable(module.is_own)
    assert EXPORTERS[fmt] == module.__name__


def test_export_registry_public_names_come_from_their_modules():
    import graph.export as package

    for name in package._PUBLIC:
        assert getattr(package, name) is getattr(exporter_of(name), name)
    with pytest.raises(AttributeError):
        _ = package.no_such_name


def exporter_of(name: str):
    import importlib

    import graph.export as package

    return importlib.import_module(f"graph.export.{package._PUBLIC[name]}")


# --------------------------------------------------------------------------- files


def out_path(tmp_path: Path, fmt: str, name: str = "out") -> Path:
    return tmp_path / f"{name}{SUFFIX.get(fmt, '.' + fmt)}"


def written_files(out: Path) -> list[Path]:
    return sorted(out.iterdir()) if out.is_dir() else [out]


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_files_have_the_users_usual_permissions(fmt, tmp_path, umask_022):
    out = out_path(tmp_path, fmt)
    export(typed_graph(), fmt, out)
    for path in written_files(out):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path
    leftovers = [p.name for p in tmp_path.rglob(".*.tmp")]
    assert not leftovers


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_replaces_its_own_files(fmt, tmp_path):
    out = out_path(tmp_path, fmt)
    G = typed_graph()
    export(G, fmt, out)
    G.nodes["pcr"]["label"] = "chain reaction"
    export(G, fmt, out)  # the second export recognises the first as its own
    assert all(exporter(fmt).is_own(path) for path in written_files(out))


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_never_replaces_a_file_it_did_not_write(fmt, sample_file, tmp_path, capsys):
    out = out_path(tmp_path, fmt)
    if fmt in FOLDER_FORMATS:  # the student's own file where the export would put one
        out.mkdir()  # (a vault's notes are written beside the student's: the next test)
        mine = out / ("nodes.csv" if fmt == "csv" else ".concept-atlas.json")
    else:
        mine = out
    mine.write_text("my own notes\n", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    args = ["export", "--graph", str(sample_file), "--format", fmt, "--out", str(out)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and mine.name in err and "nothing was written" in err
    assert mine.read_text(encoding="utf-8") == "my own notes\n"
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


class Unprintable:
    """A label that raises when an export formats it: an export failing half-way."""

    def __str__(self) -> str:
        raise RuntimeError("failed half-way")


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_that_fails_half_way_leaves_the_old_file(fmt, tmp_path):
    out = out_path(tmp_path, fmt)
    export(typed_graph(), fmt, out)
    before = {path: path.read_bytes() for path in written_files(out)}
    G = typed_graph()
    G.nodes["nmr"]["label"] = Unprintable()
    with pytest.raises((RuntimeError, TypeError)):
        export(G, fmt, out)
    assert {path: path.read_bytes() for path in written_files(out)} == before
    assert not list(tmp_path.rglob(".*.tmp"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_that_cannot_replace_at_the_end_leaves_the_old_file(fmt, tmp_path, monkeypatch):
    out = out_path(tmp_path, fmt)
    export(typed_graph(), fmt, out)
    before = {path: path.read_bytes() for path in written_files(out)}
    G = typed_graph()
    G.nodes["nmr"]["label"] = "nuclear magnetic resonance"

    def full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("graph.io.os.replace", full)
    with pytest.raises(OSError, match="No space"):
        export(G, fmt, out)
    monkeypatch.undo()
    assert {path: path.read_bytes() for path in written_files(out)} == before
    assert not list(tmp_path.rglob(".*.tmp"))


def test_export_obsidian_stopped_half_way_is_finished_by_the_next_export(tmp_path, monkeypatch):
    """Every note is whole (old or new) and stays the export's own: the next export
    replaces them all instead of writing beside them."""
    import graph.export.obsidian as obsidian

    vault = tmp_path / "vault"
    files = write_obsidian(typed_graph(), vault)
    old = {path.name: path.read_bytes() for path in vault.iterdir()}
    G = typed_graph()
    for node in G:
        G.nodes[node]["definition"] = f"New definition of {node}."
    real, calls = obsidian.write_text, []

    def stop_at_the_fourth(path, text, **kwargs):
        calls.append(path)
        if len(calls) == 4:
            raise OSError(28, "No space left on device")
        return real(path, text, **kwargs)

    monkeypatch.setattr(obsidian, "write_text", stop_at_the_fourth)
    with pytest.raises(OSError):
        write_obsidian(G, vault)
    monkeypatch.undo()
    for path in vault.glob("*.md"):
        text = path.read_bytes()
        assert text == old[path.name] or b"New definition of" in text, path.name
    again = write_obsidian(G, vault)
    assert again == files  # no "NMR 2.md": the half-written notes are still its own
    assert sorted(path.name for path in vault.iterdir()) == sorted(old)


def test_export_obsidian_writes_beside_a_note_of_the_student(tmp_path, capsys):
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "NMR.md").write_text("# NMR\n\nMy own summary.\n", encoding="utf-8")
    (vault / "index.md").write_text("my index", encoding="utf-8")  # Index.md on macOS
    (vault / "Other.md").write_text("unrelated", encoding="utf-8")
    graph_file = tmp_path / "graph.json"
    write_graph(typed_graph(), graph_file)
    args = ["export", "--graph", str(graph_file), "--format", "obsidian", "--out", str(vault)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "kept 2 file(s) of yours" in out and "'NMR.md' -> 'NMR 2.md'" in out
    assert (vault / "NMR.md").read_text(encoding="utf-8") == "# NMR\n\nMy own summary.\n"
    assert (vault / "index.md").read_text(encoding="utf-8") == "my index"
    assert (vault / "Other.md").read_text(encoding="utf-8") == "unrelated"
    assert (vault / "Index 2.md").is_file() and "[[NMR 2|NMR]]" in (vault / "Index 2.md").read_text(
        encoding="utf-8"
    )
    assert main(args) == 0  # again: its own notes are replaced, the student's kept
    assert sorted(p.name for p in vault.glob("*.md")).count("NMR 2.md") == 1
    assert not list(vault.glob("NMR 3.md"))


def test_export_obsidian_keeps_a_note_the_student_edited(tmp_path):
    vault = tmp_path / "vault"
    files = write_obsidian(typed_graph(), vault)
    edited = files["nmr"].read_text(encoding="utf-8") + "\nMy own thoughts.\n"
    files["nmr"].write_text(edited, encoding="utf-8")
    again = write_obsidian(typed_graph(), vault)
    assert files["nmr"].read_text(encoding="utf-8") == edited  # theirs now: kept
    assert again["nmr"].name == "NMR 2.md"
    assert again["pcr"] == files["pcr"]  # untouched notes of the export are replaced


def test_export_obsidian_never_takes_a_tagged_note_for_its_own(tmp_path):
    vault = tmp_path / "vault"
    vault.mkdir()
    theirs = '---\ntags:\n  - "concept-atlas"\n---\n# NMR\n\nMine.\n'
    (vault / "NMR.md").write_text(theirs, encoding="utf-8")  # the old mark: a tag
    files = write_obsidian(typed_graph(), vault)
    assert (vault / "NMR.md").read_text(encoding="utf-8") == theirs
    assert files["nmr"].name == "NMR 2.md"


# --------------------------------------------------------------------------- views


def test_export_selects_the_same_view_as_the_app(sample):
    from graph.view import select_view

    G = sample[0]
    settings = {"relations": ["prerequisite_of", "is_a"], "min_confidence": 0.4}
    chosen = select(G, **settings, show_weak=False, max_concepts=12)
    view = select_view(G, **settings, show_weak=False, max_nodes=12)
    assert list(chosen.graph) == list(view.graph) and chosen.total == view.total
    assert sorted(chosen.graph.edges(keys=True)) == sorted(view.graph.edges(keys=True))
    focus = max(G, key=G.degree)
    chosen = select(G, focus=focus, depth=1, max_concepts=5)
    view = select_view(G, focus=focus, depth=1, max_nodes=5)
    assert list(chosen.graph) == list(view.graph) and chosen.focus == view.focus == focus


def test_export_html_has_a_title_a_caption_and_a_legend(sample, tmp_path):
    G = sample[0]
    focus = max(G, key=G.degree)
    out = tmp_path / "map.html"
    written = export(G, "html", out, focus=G.nodes[focus]["label"], show_weak=False)
    page = out.read_text(encoding="utf-8")
    title = f"Concept Atlas: around {G.nodes[focus]['label']}"
    assert f"<title>{html.escape(title)}</title>" in page
    assert f">{html.escape(title)}</h1>" in page
    assert html.escape(edge_counts(written.graph).describe()) in page
    for topic in {str(a.get("topic") or "") for _, a in written.graph.nodes(data=True)}:
        assert html.escape(topic or "(no topic)") in page
    assert "related to" not in page.split("<body>")[1].split("</header>")[0]  # no weak links
    assert f"var selected = {json.dumps(str(focus))};" in page  # opens on the focus


def test_export_html_places_every_concept_so_that_no_labels_overlap(sample, tmp_path):
    """The page draws the concepts where a layout that knows their labels' boxes put
    them (physics off): no label covers another, whatever the zoom."""
    from graph.layout import overlapping_pairs
    from graph.render import concept_boxes

    G = sample[0]
    out = tmp_path / "map.html"
    export(G, "html", out)
    page = out.read_text(encoding="utf-8")
    nodes = json.loads(re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", page).group(1))
    assert all("x" in node and "y" in node for node in nodes)
    positions = {node["id"]: (node["x"], node["y"]) for node in nodes}
    boxes = {str(n): box for n, box in concept_boxes(G, G).items()}
    assert len(positions) == G.number_of_nodes()
    assert overlapping_pairs(positions, boxes) == []
    assert '"physics": {"enabled": false' in page  # drawn where the layout put them


def test_export_html_says_when_it_draws_fewer_concepts(tmp_path, monkeypatch):
    import graph.export.page as page_module

    monkeypatch.setattr(page_module, "HTML_MAX_NODES", 3)
    written = export(typed_graph(), "html", tmp_path / "map.html")
    assert written.concepts == 3 and written.total == 8
    assert "3 of 8 concepts drawn, the most important" in (tmp_path / "map.html").read_text(
        encoding="utf-8"
    )


def test_export_picture_draws_the_concepts_of_the_view(sample, tmp_path):
    G = sample[0]
    written = export(G, "svg", tmp_path / "view.svg", max_concepts=10, show_weak=False)
    assert written.concepts == 10 and written.total == G.number_of_nodes()
    text = (tmp_path / "view.svg").read_text(encoding="utf-8")
    assert f"10 of {G.number_of_nodes()} concepts, the most important" in text
    from graph.view import select_view

    view = select_view(G, show_weak=False, max_nodes=10)
    assert set(written.graph) == set(view.graph)
    root = ET.parse(tmp_path / "view.svg").getroot()
    texts = [" ".join("".join(el.itertext()).split()) for el in root.iter(SVG_TEXT)]
    for node in view.graph:
        first_word = str(G.nodes[node]["label"]).split()[0]
        assert any(first_word in t for t in texts), node


SVG_TEXT = "{http://www.w3.org/2000/svg}text"


def test_export_picture_keeps_its_title_whole(tmp_path):
    G = typed_graph()
    title = "Concept Atlas: around Nuclear Magnetic Resonance (NMR) and everything that it needs"
    write_picture(G, tmp_path / "map.svg", title=title)
    root = ET.parse(tmp_path / "map.svg").getroot()
    shown = " ".join(" ".join("".join(el.itertext()) for el in root.iter(SVG_TEXT)).split())
    assert title in shown


@pytest.mark.parametrize("which", ["typed", "sample"])
def test_export_picture_cuts_nothing_at_its_edges(which, sample, tmp_path):
    G = typed_graph() if which == "typed" else sample[0]
    path = tmp_path / "map.png"
    write_picture(G, path, title="A title " * 8)
    with Image.open(path) as image:
        pixels = image.convert("L")
        width, height = pixels.size
        margin = 8  # the white border: anything drawn across the edge would mark it
        for box in [
            (0, 0, width, margin),
            (0, height - margin, width, height),
            (0, 0, margin, height),
            (width - margin, 0, width, height),
        ]:
            assert pixels.crop(box).getextrema()[0] >= 250, box


@pytest.mark.parametrize("which", ["typed", "sample", "seeds"])
def test_export_picture_labels_do_not_overlap(which, sample):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from graph.export.picture import picture_figure

    if which == "seeds":
        if not SEEDS.is_dir():
            pytest.skip(f"{SEEDS} is absent")
        G = build_atlas([SEEDS])[0]
    else:
        G = typed_graph() if which == "typed" else sample[0]
    fig, drawn = picture_figure(G)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    labels = [
        t for t in fig.findobj() if str(getattr(t, "get_gid", lambda: "")()).startswith("label-")
    ]
    assert len(labels) == drawn.number_of_nodes()
    boxes = [label.get_window_extent(renderer) for label in labels]
    clashes = [
        (labels[i].get_text(), labels[j].get_text())
        for i, j in itertools.combinations(range(len(boxes)), 2)
        if min(boxes[i].x1, boxes[j].x1) - max(boxes[i].x0, boxes[j].x0) > 2
        and min(boxes[i].y1, boxes[j].y1) - max(boxes[i].y0, boxes[j].y0) > 2
    ]
    assert not clashes, clashes[:5]


# --------------------------------------------------------------------------- Anki counts


def test_export_anki_says_how_many_concepts_it_left_out(sample_file, tmp_path, capsys):
    G = read_graph(sample_file)
    out = tmp_path / "deck.apkg"
    assert main(["export", "--graph", str(sample_file), "--format", "anki", "--out", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    defined = sum(1 for _, d in G.nodes(data="definition") if d)
    missing = G.number_of_nodes() - defined
    assert lines[0] == (
        f"wrote {out}: {defined} Anki notes, one per concept with a definition, "
        f"of {G.number_of_nodes()} concepts"
    )
    assert lines[1].startswith(f"  left out: {missing} concepts have no definition")
    assert len(read_file(out).cards) == defined


def test_export_path_picture_draws_the_prerequisites_it_follows(tmp_path):
    G = typed_graph()
    written = export(G, "svg", tmp_path / "path.svg", path_target="nmr")
    assert sorted(written.graph) == sorted(subgraph_for(G, path_target="nmr"))
    assert {r for *_, r in written.graph.edges(data="relation")} == {"prerequisite_of"}
    text = (tmp_path / "path.svg").read_text(encoding="utf-8")
    assert edge_counts(written.graph).describe() in " ".join(text.split())


def test_export_picture_draws_one_line_where_two_would_say_the_same():
    """Before: "contrasts with", stored both ways, was two arcs, and a prerequisite
    between two concepts a typed relation joins was a second line beside it."""
    G = nx.MultiDiGraph()
    G.add_nodes_from((n, {"label": n}) for n in ["lava", "magma", "basalt"])
    G.add_edge("lava", "magma", relation="contrasts_with", confidence=0.8)
    G.add_edge("magma", "lava", relation="contrasts_with", confidence=0.8)
    G.add_edge("basalt", "lava", relation="is_a", confidence=0.8)
    G.add_edge("lava", "basalt", relation="prerequisite_of", confidence=0.6)
    fig, _ = picture_figure(G)
    assert len(fig.axes[0].patches) == 2  # one line per pair of concepts
    said = " ".join(text.get_text() for text in fig.axes[0].texts)
    assert "1 prerequisite shares its line with a typed relation" in said


def test_export_path_flowchart_numbers_its_steps_and_draws_no_shortcut(tmp_path):
    """Before: a path's Mermaid flowchart drew its steps unnumbered, with every
    prerequisite (shortcuts over a chain included) and its weak links."""
    G = nx.MultiDiGraph()
    G.add_nodes_from((n, {"label": n}) for n in ["ore", "smelting", "iron", "steel"])
    for u, v in [("ore", "smelting"), ("smelting", "iron"), ("iron", "steel"), ("ore", "iron")]:
        G.add_edge(u, v, relation="prerequisite_of", confidence=0.7)
    G.add_edge("ore", "steel", relation="related_to", confidence=0.3)
    written = export(G, "mermaid", tmp_path / "path.mmd", path_target="steel")
    text = (tmp_path / "path.mmd").read_text(encoding="utf-8")
    assert '["1. ore"]' in text and '["4. steel"]' in text
    assert text.count("-->|prerequisite_of|") == 3 and "related_to" not in text
    assert written.graph.number_of_edges() == 3


def test_export_path_picture_numbers_its_steps_and_draws_no_shortcut(tmp_path):
    """Before: a path's picture named its steps without their numbers, in columns of
    depth only (a late step with no prerequisite stood beside the first), and drew every
    prerequisite, shortcuts over a chain included (a 19-step path: 65 lines, 43 of them
    shortcuts)."""
    G = nx.MultiDiGraph()
    steps = ["mineral", "crystal", "magma", "igneous rock", "basalt"]
    G.add_nodes_from((n, {"label": n}) for n in steps)
    for u, v in [
        ("mineral", "crystal"),
        ("crystal", "igneous rock"),
        ("magma", "igneous rock"),
        ("igneous rock", "basalt"),
        ("mineral", "basalt"),
        ("crystal", "basalt"),
    ]:
        G.add_edge(u, v, relation="prerequisite_of", confidence=0.7)
    written = export(G, "svg", tmp_path / "path.svg", path_target="basalt")
    assert sorted(written.graph.edges()) == [
        ("crystal", "igneous rock"),
        ("igneous rock", "basalt"),
        ("magma", "igneous rock"),
        ("mineral", "crystal"),
    ]
    assert written.remarks == ("not drawn: 2 prerequisites a chain of others leads along",)
    text = " ".join((tmp_path / "path.svg").read_text(encoding="utf-8").split())
    assert "2 more prerequisites follow from a chain of those drawn" in text
    numbered = dict(re.findall(r">(\d)\. ([a-z ]+)<", text))
    assert sorted(numbered) == ["1", "2", "3", "4", "5"] and numbered["5"] == "basalt"
    step = {name: int(i) for i, name in numbered.items()}
    columns = _path_positions(written.graph, sorted(step, key=step.__getitem__))
    xs = [columns[n][0] for n in sorted(step, key=step.__getitem__)]
    assert xs == sorted(xs)  # read column by column, the steps come in their order


@pytest.mark.parametrize(
    ("stated", "weak_drawn"),
    [(True, 0), (False, 6)],  # stated relations link every concept: weak links left out
)
def test_export_picture_leaves_weak_links_out_unless_the_notes_state_few(
    stated, weak_drawn, tmp_path
):
    G = nx.MultiDiGraph()
    names = ["osmosis", "diffusion", "membrane", "solute", "solvent"]
    for a, b in [*itertools.pairwise(names), ("osmosis", "solvent"), ("diffusion", "solute")]:
        G.add_edge(a, b, relation="related_to", confidence=0.4)
    if stated:
        for a, b in itertools.pairwise(names):
            G.add_edge(a, b, relation="is_a", confidence=0.9)
    written = export(G, "svg", tmp_path / "map.svg")
    assert written.relations.weak == weak_drawn
    text = (tmp_path / "map.svg").read_text(encoding="utf-8")
    assert ("6 weak links left out (concepts only named together)" in text) is stated
    left_out = ("left out: 6 weak links (concepts only named together)",)
    assert written.remarks == (left_out if stated else ())


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_a_graph_of_no_concept_writes_every_format(fmt, tmp_path):
    G = nx.MultiDiGraph(schema=SCHEMA, sources=[])  # notes in which nothing was kept
    out = out_path(tmp_path, fmt)
    export(G, fmt, out)
    assert written_files(out)
