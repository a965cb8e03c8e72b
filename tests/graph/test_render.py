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

from graph.counts import EdgeCounts
from graph.render import (
    LABEL_BACKING,
    LARGE_GRAPH,
    NEUTRAL_COLOUR,
    NO_TOPIC,
    RELATION_STYLES,
    STABILIZATION_ITERATIONS,
    TOPIC_PALETTE,
    Legend,
    concept_label,
    concept_style,
    escape_markdown,
    external_urls,
    fold_lines,
    legend_html,
    legend_items,
    network_data,
    overview_data,
    ranked_concepts,
    to_html,
    topic_colours,
    topic_style,
    vis_network_js,
)
from graph.topics import MISCELLANEOUS

HOSTILE = "<script>alert('pwned')</script>"


def make_graph(n: int = 12) -> nx.MultiDiGraph:
    """A concept graph with the attributes of concept-graph/1, ``n`` nodes in a chain."""
    G = nx.MultiDiGraph(schema="concept-graph/1", model="test", sources=[])
    topics = ["plate tectonics", "optimisation", "erosion"]
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


def test_render_tooltip_names_each_other_name_once() -> None:
    """Before: "Also: enzymes, Enzyme, biological catalyst, biological catalysts"."""
    G = nx.MultiDiGraph()
    aliases = ["enzymes", "Enzyme", "biological catalyst", "biological catalysts"]
    G.add_node("enzyme", label="enzyme", importance=0.5, aliases=aliases)
    (node,) = network_data(G)["nodes"]
    assert "Also: biological catalyst\n" in node["title"] + "\n"
    assert "enzymes" not in node["title"] and "catalysts" not in node["title"]


@pytest.mark.parametrize("fold", [False, True])
def test_render_a_relation_stated_both_ways_is_one_line(fold: bool) -> None:
    """Before: a contrast the graph holds both ways was two curved lines side by side."""
    G = nx.MultiDiGraph()
    G.add_edge("osmosis", "diffusion", relation="contrasts_with", confidence=0.8)
    G.add_edge("diffusion", "osmosis", relation="contrasts_with", confidence=0.8)
    G.add_edge("diffusion", "osmosis", relation="prerequisite_of", confidence=0.6)
    data = network_data(G, fold=fold)
    drawn = sorted(edge["color"]["color"] for edge in data["edges"])
    contrast = RELATION_STYLES["contrasts_with"].colour
    assert drawn.count(contrast) == 1 and data["mirrored"] == 1


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
            {"source": "n.md", "line": 4, "text": "Heavy rain causes soil erosion."},
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
    assert "Heavy rain causes soil erosion." in causes["title"]
    assert "(n.md, line 4)" in causes["title"]
    assert "Second sentence." not in causes["title"]


def test_legend_matches_the_drawing() -> None:
    G = make_graph(12)
    G.add_node("extra", topic="optimisation")
    legend = legend_items(G)
    assert legend.topics == topic_colours(G)
    assert list(legend.topics) == ["optimisation", "erosion", "plate tectonics"]
    present = {attrs["relation"] for *_, attrs in G.edges(data=True)}
    assert set(legend.relations) == present
    assert legend.relations["related_to"].dashes is True


def test_topic_colours_ten_at_most_the_largest_distinct() -> None:
    G = nx.MultiDiGraph()
    for t in range(14):  # topic t has 20 - t concepts
        G.add_nodes_from((f"t{t}-{i}", {"topic": f"topic {t}"}) for i in range(20 - t))
    G.add_nodes_from([("misc", {"topic": MISCELLANEOUS}), ("none", {})])
    colours = topic_colours(G)
    assert list(colours)[:9] == [f"topic {t}" for t in range(9)]
    assert [colours[f"topic {t}"] for t in range(9)] == list(TOPIC_PALETTE)
    neutral = [t for t, c in colours.items() if c == NEUTRAL_COLOUR]
    assert neutral[:5] == [f"topic {t}" for t in range(9, 14)]
    assert set(neutral[5:]) == {MISCELLANEOUS, NO_TOPIC}
    assert len(set(colours.values())) == 10


def test_palette_is_tols_muted_and_distinct_from_the_neutral() -> None:
    assert TOPIC_PALETTE == (
        "#332288", "#88ccee", "#44aa99", "#117733", "#999933",
        "#ddcc77", "#cc6677", "#882255", "#aa4499",
    )  # fmt: skip
    assert NEUTRAL_COLOUR not in TOPIC_PALETTE


def test_a_topic_keeps_its_colour_when_a_smaller_one_is_added() -> None:
    G = make_graph(6)
    before = topic_colours(G)
    G.add_node("extra", topic="a brand new topic")
    after = topic_colours(G)
    assert {t: after[t] for t in before} == before


def test_legend_names_the_topics_that_share_the_neutral_colour() -> None:
    legend = Legend(
        topics={"big": TOPIC_PALETTE[0], "<small>": NEUTRAL_COLOUR, "tiny": NEUTRAL_COLOUR},
        relations={},
    )
    fragment = legend_html(legend)
    assert "Other topics: &lt;small&gt;, tiny" in fragment
    assert fragment.count(NEUTRAL_COLOUR) == 1  # one chip for all of them
    many = Legend(topics={f"t{i}": NEUTRAL_COLOUR for i in range(20)}, relations={})
    assert "and 8 more" in legend_html(many)
    assert 'title="t0, t1' in legend_html(many)


def test_legend_html_escapes_note_text() -> None:
    G = make_graph(3)
    G.add_node("evil", topic=HOSTILE)
    fragment = legend_html(legend_items(G))
    assert "<script>" not in fragment
    assert "&lt;script&gt;" in fragment
    assert "is a" in fragment and topic_colours(G)["erosion"] in fragment


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
    data = network_data(G, physics=False, positions=positions, colours={"erosion": "#000000"})
    by_id = {node["id"]: node for node in data["nodes"]}
    assert (by_id["c1"]["x"], by_id["c1"]["y"]) == (1.0, 2.0)
    assert by_id["c2"]["color"]["background"] == "#000000"  # c2's topic is erosion
    legend = legend_items(G, {"erosion": "#000000"})
    assert legend.topics["erosion"] == "#000000"


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


def test_render_doctests() -> None:
    import doctest

    import graph.render

    assert doctest.testmod(graph.render).failed == 0


def test_wrapped_labels_are_the_ones_a_layout_measures() -> None:
    G = nx.MultiDiGraph()
    G.add_node("gdp", label="GDP (gross domestic product)", importance=1.0)
    wrapped = network_data(G, physics=False, wrap=True)["nodes"][0]
    assert (
        wrapped["label"]
        == concept_label("gdp", G.nodes["gdp"])
        == ("GDP (gross domestic\nproduct)")
    )
    assert "widthConstraint" not in wrapped
    assert (wrapped["size"], wrapped["font"]["size"]) == concept_style(G.nodes["gdp"])
    plain = network_data(G, physics=False)["nodes"][0]
    assert plain["label"] == "GDP (gross domestic product)" and "widthConstraint" in plain


@pytest.mark.parametrize(
    ("importance", "radius", "font"), [(0.0, 7.0, 14.0), (0.5, 13.5, 16.0), (1.0, 20.0, 18.0)]
)
def test_concept_style_grows_with_importance(importance: float, radius: float, font: float) -> None:
    assert concept_style({"importance": importance}) == (radius, font)


def test_network_data_names_edges_only_when_asked_and_keeps_the_view() -> None:
    G = make_graph(5)
    assert any("label" in edge for edge in network_data(G, physics=False)["edges"])
    data = network_data(G, physics=False, edge_labels=False, view={"x": 1, "y": 2, "scale": 0.9})
    assert not any("label" in edge for edge in data["edges"])
    assert data["view"] == {"x": 1, "y": 2, "scale": 0.9}


def test_overview_data_draws_topics_sized_and_linked() -> None:
    T = nx.Graph()
    T.add_node("big", label="big", concepts=100, main=["A", "B"])
    T.add_node("small", label="<small>", concepts=4, main=[])
    T.add_node("hidden", label="hidden", concepts=2, main=[])
    T.add_edge("big", "small", counts=EdgeCounts(3, 2, 1), weight=6)
    T.add_edge("big", "hidden", counts=EdgeCounts(1, 0, 0), weight=1)
    data = overview_data(
        T,
        ids={"big": "topic:0", "small": "topic:1"},
        positions={"big": (0.0, 0.0), "small": (300.0, 0.0)},
        colours={"big": TOPIC_PALETTE[0]},
        view={"x": 150, "y": 0, "scale": 1.0},
    )
    big, small = data["nodes"]
    assert (big["id"], small["id"]) == ("topic:0", "topic:1")
    assert big["size"] > small["size"] and big["font"]["size"] > small["font"]["size"]
    assert small["label"] == "<small>\n4 concepts"  # text on the canvas, never HTML
    assert big["color"]["background"] == TOPIC_PALETTE[0]
    assert small["color"]["background"] == NEUTRAL_COLOUR  # named in its label and tooltip
    assert "Main concepts: A, B" in big["title"]
    (edge,) = data["edges"]  # "hidden" is not drawn, nor its link
    assert edge["title"].endswith("6 relations (3 typed, 2 prerequisites, 1 weak link)")
    assert data["options"]["physics"]["enabled"] is False and data["view"]["scale"] == 1.0


@pytest.mark.parametrize(("concepts", "largest"), [(1, 100), (25, 100), (100, 100)])
def test_topic_style_grows_with_the_square_root_of_the_share(concepts: int, largest: int) -> None:
    radius, font = topic_style(concepts, largest)
    share = (concepts / largest) ** 0.5
    assert radius == pytest.approx(10 + 20 * share, abs=0.01)
    assert font == pytest.approx(14 + 4 * share, abs=0.01)


def edges_of(spec: str) -> nx.MultiDiGraph:
    """A graph from ``"a>b prerequisite_of 0.8; ..."``: source>target, relation, confidence."""
    G = nx.MultiDiGraph()
    for item in spec.split(";"):
        pair, relation, confidence = item.split()
        u, v = pair.split(">")
        G.add_edge(u, v, relation=relation, confidence=float(confidence), evidence=[])
    return G


@pytest.mark.parametrize(
    ("spec", "folded"),
    [
        # a prerequisite that a chain of two already leads along has no line of its own
        (
            "osmosis>diffusion prerequisite_of 0.9; diffusion>turgor prerequisite_of 0.9;"
            " osmosis>turgor prerequisite_of 0.6",
            {("osmosis", "turgor", 0): "chain"},
        ),
        # a prerequisite beside a typed relation of the same two concepts rides on it
        (
            "enzyme>catalysis prerequisite_of 0.8; enzyme>catalysis used_for 0.9",
            {("enzyme", "catalysis", 0): "typed"},
        ),
        # a weak link beside it is no reason: the prerequisite keeps its line
        ("enzyme>catalysis prerequisite_of 0.8; enzyme>catalysis related_to 0.3", {}),
        # in a cycle, the least confident shortcut goes, and every concept stays reachable
        (
            "hash>bucket prerequisite_of 0.9; bucket>hash prerequisite_of 0.5;"
            " hash>probe prerequisite_of 0.7; bucket>probe prerequisite_of 0.4",
            {("bucket", "probe", 0): "chain"},
        ),
        # a chain the other way round is no chain
        (
            "magma>crust prerequisite_of 0.9; crust>plate prerequisite_of 0.9;"
            " plate>magma prerequisite_of 0.5",
            {},
        ),
    ],
)
def test_render_fold_lines_draws_one_line_where_several_say_the_same(
    spec: str, folded: dict[tuple[str, str, int], str]
) -> None:
    G = edges_of(spec)
    assert fold_lines(G) == folded
    order = nx.DiGraph(
        (u, v)
        for u, v, k, a in G.edges(keys=True, data=True)
        if a["relation"] == "prerequisite_of" and (u, v, k) not in folded
    )
    for u, v, a in G.edges(data=True):  # what the lines reach is what the notes state
        if a["relation"] == "prerequisite_of" and folded.get((u, v, 0)) == "chain":
            assert nx.has_path(order, u, v)


def test_render_network_data_folds_only_when_asked_and_says_so_in_the_tooltip() -> None:
    G = edges_of(
        "enzyme>catalysis related_to 0.3; enzyme>catalysis prerequisite_of 0.8;"
        " enzyme>catalysis used_for 0.9; substrate>enzyme prerequisite_of 0.9;"
        " substrate>catalysis prerequisite_of 0.5"
    )
    assert len(network_data(G, physics=False)["edges"]) == 5
    data = network_data(G, physics=False, fold=True)
    assert data["folded"] == {"typed": 1, "chain": 1}
    assert [(e["from"], e["to"]) for e in data["edges"]] == [
        ("enzyme", "catalysis"),
        ("enzyme", "catalysis"),
        ("substrate", "enzyme"),
    ]
    weak, typed = [e for e in data["edges"] if e["from"] == "enzyme"]
    assert "used for" in typed["title"] and "prerequisite of" in typed["title"]
    assert "prerequisite of" not in weak["title"]  # told by the typed line, not the weak one


@pytest.mark.parametrize(
    ("relation", "label", "reads"),
    [
        ("prerequisite_of", "explains+earlier+wider+spread", "a —prerequisite of→ b\n"),
        ("part_of", "building block", "a —part of→ b\n"),
        ("related_to", "learn", "a —related to (learn)→ b\n"),
    ],
)
def test_render_edge_tooltip_names_the_relation_without_how_it_was_found(
    relation: str, label: str, reads: str
) -> None:
    """Before: every prerequisite's tooltip read "prerequisite of (name_inside+wider+...)",
    the scorer's feature names."""
    G = nx.MultiDiGraph()
    G.add_nodes_from(["a", "b"])
    G.add_edge("a", "b", relation=relation, confidence=0.7, evidence=[], label=label)
    _, edges, _ = page_data(to_html(G))
    assert edges[0]["title"].startswith(reads)


@pytest.mark.parametrize(
    ("label", "reads"),
    [
        ("same sentence", "a —named in one sentence with→ b"),
        ("stressed together", "a —stressed in one paragraph with→ b"),
        ("mentions", "a —related to (mentions)→ b"),
    ],
)
def test_render_weak_link_tooltip_reads_as_the_app_words_it(label: str, reads: str) -> None:
    G = nx.MultiDiGraph()
    G.add_nodes_from(["a", "b"])
    G.add_edge("a", "b", relation="related_to", confidence=0.2, evidence=[], label=label)
    _, edges, _ = page_data(to_html(G))
    assert edges[0]["title"].startswith(reads)


def test_render_labels_sit_on_a_backing_that_hides_the_lines_beneath() -> None:
    data = network_data(make_graph(6), physics=False)
    T = nx.Graph()
    T.add_node("erosion", label="erosion", concepts=2, main=[])
    overview = overview_data(
        T, ids={"erosion": "topic:0"}, positions={"erosion": (0.0, 0.0)}, colours={}
    )
    for node in [*data["nodes"], *overview["nodes"]]:
        assert node["font"]["background"] == LABEL_BACKING
    *_, alpha = re.findall(r"[0-9.]+", LABEL_BACKING)  # white, nearly opaque
    assert LABEL_BACKING.startswith("rgba(255, 255, 255,") and float(alpha) >= 0.8
