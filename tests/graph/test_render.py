"""Tests of graph.render: an offline, escaped, fast-settling pyvis page."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import pyvis
from pyvis.network import Network

from graph.render import (
    LARGE_GRAPH,
    RELATION_STYLES,
    STABILIZATION_ITERATIONS,
    escape_markdown,
    external_urls,
    legend_html,
    legend_items,
    network_data,
    ranked_concepts,
    to_html,
    topic_colours,
    vis_network_js,
)

HOSTILE = "<script>alert('pwned')</script>"


def make_graph(n: int = 12) -> nx.MultiDiGraph:
    """A concept graph with the attributes of concept-graph/1, ``n`` nodes in a chain."""
    G = nx.MultiDiGraph(schema="concept-graph/1", model="test", sources=[])
    topics = ["sequence models", "optimisation", "attention"]
    for i in range(n):
        G.add_node(
            f"c{i}",
            label=f"Concept {i}",
            aliases=[f"alias {i}"],
            definition=f"Concept {i} is defined here.",
            importance=(i + 1) / n,
            topic=topics[i % len(topics)],
            mentions=i + 1,
            cards=[f"notes.md#{i + 1}"],
        )
    relations = list(RELATION_STYLES)
    for i in range(1, n):
        G.add_edge(
            f"c{i - 1}",
            f"c{i}",
            relation=relations[i % len(relations)],
            confidence=0.5,
            evidence=[{"source": "notes.md", "line": i, "text": f"Sentence {i}."}],
        )
    return G


def page_data(html: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    """The nodes, edges and options that the page hands to vis-network."""
    nodes = re.search(r"nodes = new vis\.DataSet\((.*)\);\n", html)
    edges = re.search(r"edges = new vis\.DataSet\((.*)\);\n", html)
    options = re.search(r"var options = (\{.*\});\n", html)
    assert nodes and edges and options, "page layout changed: vis data not found"
    return json.loads(nodes[1]), json.loads(edges[1]), json.loads(options[1])


def test_external_urls_finds_what_pyvis_emits() -> None:
    raw = Network(cdn_resources="in_line").generate_html()
    assert any("cdn.jsdelivr.net" in url for url in external_urls(raw))


def test_page_has_no_external_url() -> None:
    html = to_html(make_graph())
    assert external_urls(html) == []
    assert "cdn.jsdelivr.net" not in html
    assert "cdnjs.cloudflare.com" not in html


def test_page_carries_vis_network_in_line() -> None:
    library = Path(pyvis.__file__).parent / "templates/lib/vis-9.1.2/vis-network.min.js"
    code = library.read_text(encoding="utf-8")
    html = to_html(make_graph())
    assert code[:2000] in html
    assert code[-2000:] in html
    assert "window.conceptAtlasReady = true" in html
    assert 'network.on("afterDrawing"' in html


def test_note_text_is_escaped_and_shown_as_text() -> None:
    G = nx.MultiDiGraph()
    G.add_node(
        "evil",
        label=HOSTILE,
        definition='<img src=x onerror="alert(1)"> see <a href="javascript:alert(2)">here</a>',
        aliases=["</script><script>alert(3)</script>"],
        topic="<b>topic</b>",
        importance=0.8,
    )
    G.add_node("other", label="Other", importance=0.2)
    G.add_edge("evil", "other", relation="uses", confidence=0.9, evidence=[{"text": HOSTILE}])
    html = to_html(G, selected="evil")

    assert "<script>alert" not in html
    assert "</script><script>alert(3)" not in html
    assert "<img src=x" not in html
    assert "\\u003cscript\\u003ealert" in html
    # pyvis renders every tooltip with innerHTML once one contains "href": never here
    assert "popup.innerHTML" not in html
    nodes, edges, _ = page_data(html)
    evil = next(node for node in nodes if node["id"] == "evil")
    assert evil["label"] == HOSTILE  # drawn on the canvas as text
    assert "<img src=x" in evil["title"]  # a plain-text tooltip (vis uses innerText)
    assert "href" not in evil["title"]
    assert HOSTILE in edges[0]["title"]


def test_small_graph_stabilises_then_freezes_physics() -> None:
    html = to_html(make_graph(20))
    nodes, _, options = page_data(html)
    assert options["physics"]["enabled"] is True
    assert options["physics"]["stabilization"]["iterations"] == STABILIZATION_ITERATIONS
    assert options["edges"]["smooth"]["enabled"] is False
    assert "stabilizationIterationsDone" in html
    assert "setOptions({physics: {enabled: false}})" in html
    assert all("x" not in node for node in nodes)


def test_large_graph_has_positions_and_no_physics() -> None:
    G = make_graph(500)
    html = to_html(G)
    nodes, edges, options = page_data(html)
    assert options["physics"]["enabled"] is False
    assert len(nodes) == 400  # max_nodes
    assert all(isinstance(node["x"], float) and isinstance(node["y"], float) for node in nodes)
    assert len({(node["x"], node["y"]) for node in nodes}) == len(nodes)
    assert len(edges) == G.subgraph([node["id"] for node in nodes]).number_of_edges()
    assert "var settled = true;" in html


@pytest.mark.parametrize(("physics", "expected"), [(True, True), (False, False)])
def test_physics_can_be_forced(physics: bool, expected: bool) -> None:
    _, _, options = page_data(to_html(make_graph(LARGE_GRAPH + 5), physics=physics))
    assert options["physics"]["enabled"] is expected


def test_keeps_most_important_nodes_and_the_selected_one() -> None:
    G = make_graph(30)
    nodes, edges, _ = page_data(to_html(G, max_nodes=5, selected="c0"))
    ids = {node["id"] for node in nodes}
    assert ids == {"c29", "c28", "c27", "c26", "c0"}
    assert all(edge["from"] in ids and edge["to"] in ids for edge in edges)
    selected = next(node for node in nodes if node["id"] == "c0")
    assert selected["borderWidth"] > next(n for n in nodes if n["id"] == "c29")["borderWidth"]
    assert 'var selected = "c0";' in to_html(G, max_nodes=5, selected="c0")


def test_nodes_sized_by_importance_coloured_by_topic() -> None:
    G = make_graph(9)
    nodes, _, _ = page_data(to_html(G))
    colours = topic_colours(G)
    by_id = {node["id"]: node for node in nodes}
    assert by_id["c8"]["size"] > by_id["c0"]["size"]
    for node_id, attrs in G.nodes(data=True):
        assert by_id[node_id]["color"]["background"] == colours[attrs["topic"]]
    assert len(set(colours.values())) == len(colours)
    assert "Concept 3 is defined here." in by_id["c3"]["title"]
    assert "alias 3" in by_id["c3"]["title"]


def test_long_definitions_are_cut_in_tooltips() -> None:
    G = nx.MultiDiGraph()
    G.add_node("a", label="A", definition="word " * 200, importance=0.5)
    nodes, _, _ = page_data(to_html(G))
    assert len(nodes[0]["title"]) < 400
    assert "…" in nodes[0]["title"]


def test_edges_styled_by_relation() -> None:
    G = nx.MultiDiGraph()
    G.add_nodes_from(["a", "b", "c"])
    G.add_edge("a", "b", relation="prerequisite_of", confidence=0.9, evidence=[])
    G.add_edge("a", "b", relation="related_to", confidence=0.2, evidence=[], label="mentions")
    G.add_edge(
        "b",
        "c",
        relation="causes",
        confidence=0.6,
        evidence=[
            {"source": "n.md", "line": 4, "text": "Deep nets cause vanishing gradients."},
            {"source": "n.md", "line": 9, "text": "Second sentence."},
        ],
    )
    _, edges, _ = page_data(to_html(G))
    prereq, weak, causes = edges
    assert prereq["arrows"]["to"]["enabled"] is True and prereq["dashes"] is False
    assert weak["arrows"]["to"]["enabled"] is False and weak["dashes"] is True
    assert prereq["width"] > weak["width"]
    assert prereq["color"]["color"] != causes["color"]["color"]
    assert weak["smooth"]["enabled"] is True  # a parallel edge is bent, not hidden
    assert "related to (mentions)" in weak["title"]
    assert "Deep nets cause vanishing gradients." in causes["title"]
    assert "(n.md, line 4)" in causes["title"]
    assert "Second sentence." not in causes["title"]


def test_legend_matches_the_drawing() -> None:
    G = make_graph(12)
    G.add_node("extra", topic="optimisation")
    legend = legend_items(G)
    assert legend.topics == topic_colours(G)
    assert list(legend.topics) == ["optimisation", "attention", "sequence models"]
    present = {attrs["relation"] for *_, attrs in G.edges(data=True)}
    assert set(legend.relations) == present
    assert legend.relations["related_to"].dashes is True


def test_topic_colour_does_not_depend_on_other_topics() -> None:
    G = make_graph(6)
    before = topic_colours(G)["attention"]
    G.add_node("extra", topic="a brand new topic")
    assert topic_colours(G)["attention"] == before


def test_legend_html_escapes_note_text() -> None:
    G = make_graph(3)
    G.add_node("evil", topic=HOSTILE)
    fragment = legend_html(legend_items(G))
    assert "<script>" not in fragment
    assert "&lt;script&gt;" in fragment
    assert "is a" in fragment and topic_colours(G)["attention"] in fragment


def test_escape_markdown_blocks_images_links_and_html() -> None:
    text = "![x](http://evil.example/p.png) [a](http://b) <b>c</b> $x$ :red[d]"
    escaped = escape_markdown(text)
    for live in ("![", "](", "<b>", "$x$", ":red["):
        assert live not in escaped
    assert escaped.replace("\\", "") == text


def test_ranked_concepts_by_importance_then_mentions() -> None:
    G = nx.MultiDiGraph()
    G.add_node("low", importance=0.1, mentions=50)
    G.add_node("tie-few", importance=0.5, mentions=1)
    G.add_node("tie-many", importance=0.5, mentions=9)
    G.add_node("bare")
    assert ranked_concepts(G) == ["tie-many", "tie-few", "low", "bare"]


def test_empty_graph_renders() -> None:
    html = to_html(nx.MultiDiGraph())
    nodes, edges, _ = page_data(html)
    assert nodes == [] and edges == []
    assert external_urls(html) == []


def test_network_data_is_what_the_page_draws() -> None:
    G = make_graph(12)
    data = network_data(G, physics=False, selected="c3")
    nodes, edges, options = page_data(to_html(G, physics=False, selected="c3"))
    assert [node["id"] for node in data["nodes"]] == [node["id"] for node in nodes]
    shared = ("id", "label", "title", "size", "color", "from", "to", "dashes", "width", "arrows")
    for ours, drawn in zip(data["nodes"] + data["edges"], nodes + edges, strict=True):
        assert {k: ours.get(k) for k in shared} == {k: drawn.get(k) for k in shared}
    assert data["options"] == options
    assert data["selected"] == "c3"


def test_network_data_uses_given_positions_and_colours() -> None:
    G = make_graph(4)
    positions = {node: (float(i), 2.0 * i) for i, node in enumerate(G)}
    data = network_data(G, physics=False, positions=positions, colours={"attention": "#000000"})
    by_id = {node["id"]: node for node in data["nodes"]}
    assert (by_id["c1"]["x"], by_id["c1"]["y"]) == (1.0, 2.0)
    assert by_id["c2"]["color"]["background"] == "#000000"  # c2's topic is attention
    legend = legend_items(G, {"attention": "#000000"})
    assert legend.topics["attention"] == "#000000"


def test_hierarchical_layout_for_paths() -> None:
    G = make_graph(4)
    data = network_data(G, hierarchical=True, levels={f"c{i}": i for i in range(4)})
    assert data["options"]["physics"]["enabled"] is False
    assert data["options"]["layout"]["hierarchical"]["direction"] == "LR"
    assert [node["level"] for node in data["nodes"]] == [0, 1, 2, 3]
    assert all("x" not in node for node in data["nodes"])


def test_vis_network_js_ships_with_pyvis() -> None:
    script = vis_network_js()
    assert script.name == "vis-network.min.js" and script.stat().st_size > 100_000
