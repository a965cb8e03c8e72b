"""The ``html`` export's page: a large course opens legibly on one topic, weak links wait
behind a switch, and the page's controls carry note text only as data."""

from __future__ import annotations

import dataclasses
import json
import re
from typing import Any

import networkx as nx
import pytest

from graph.export.page import PAGE_VIEWPORT, page, topic_groups
from graph.layout import grouped_layout, min_zoom, node_box, overlapping_pairs
from graph.render import concept_boxes, external_urls, faint, to_html
from tests.graph.test_render import page_data


def course(topics: int = 12, per_topic: int = 50) -> nx.MultiDiGraph:
    """A course of ``topics`` topics of ``per_topic`` concepts: a chain of prerequisites
    in each topic, one prerequisite from each topic to the next, and a weak link between
    every two neighbours of a topic and across topics."""
    G = nx.MultiDiGraph()
    for t in range(topics):
        for i in range(per_topic):
            G.add_node(
                f"t{t}c{i}",
                label=f"concept {i} of topic {t}",
                topic=f"topic {t}",
                importance=1.0 - (t * per_topic + i) / (topics * per_topic + 1),
            )
        for i in range(1, per_topic):
            G.add_edge(f"t{t}c{i - 1}", f"t{t}c{i}", relation="prerequisite_of", confidence=0.8)
            G.add_edge(f"t{t}c{i}", f"t{(t + 1) % topics}c{i}", relation="related_to")
        if t:
            G.add_edge(f"t{t - 1}c0", f"t{t}c0", relation="prerequisite_of", confidence=0.6)
    return G


def opening_view(text: str) -> dict[str, float] | None:
    found = re.search(r"var view = (null|\{[^}]*\});", text)
    assert found, "the page's ready script changed: no initial view"
    return json.loads(found[1])


def controls_data(text: str) -> dict[str, Any]:
    found = re.search(r"var atlas = (\{.*\});\n", text)
    assert found, "the page's controls changed: no data"
    return json.loads(found[1])


@pytest.fixture(scope="module")
def large_page() -> str:
    return page(course(), title="A large course")


def test_export_page_of_a_large_course_opens_legibly_on_its_first_topic(large_page: str) -> None:
    G = course()
    nodes, _, _ = page_data(large_page)
    view = opening_view(large_page)
    assert view is not None, "a course too large for one view must not open fitted whole"
    boxes = concept_boxes(G, G)
    assert view["scale"] >= min_zoom(boxes) - 1e-9  # every label at least 11 px
    # what is in the view at that zoom: the first topic's concepts, and no other topic's
    half_w = PAGE_VIEWPORT.width / 2 / view["scale"]
    half_h = PAGE_VIEWPORT.height / 2 / view["scale"]
    seen = {
        G.nodes[n["id"]]["topic"]
        for n in nodes
        if abs(n["x"] - view["x"]) <= half_w and abs(n["y"] - view["y"]) <= half_h
    }
    assert seen == {"topic 0"}


def test_export_page_of_a_large_course_draws_no_label_over_another(large_page: str) -> None:
    G = course()
    nodes, _, _ = page_data(large_page)
    positions = {n["id"]: (n["x"], n["y"]) for n in nodes}
    assert overlapping_pairs(positions, concept_boxes(G, positions)) == []


def test_export_page_of_a_large_course_names_each_topic_on_the_map(large_page: str) -> None:
    found = re.search(r"var captions = (\[.*\]);", large_page)
    assert found
    assert sorted(c["text"] for c in json.loads(found[1])) == sorted(
        f"topic {t}" for t in range(12)
    )
    regions = controls_data(large_page)["regions"]
    assert regions[0]["name"] == "topic 0"
    assert all(r["count"] == 50 for r in regions)


@pytest.mark.parametrize(
    ("show_weak", "hidden"),
    [(None, True), (False, True), (True, False)],
)
def test_export_page_hides_weak_links_behind_a_switch(show_weak: bool | None, hidden: bool) -> None:
    text = page(course(3, 10), show_weak=show_weak)
    _, edges, _ = page_data(text)
    weak = [e for e in edges if e.get("weak")]
    assert len(weak) == 27
    assert all(e.get("hidden", False) is hidden for e in weak)
    assert not any(e.get("hidden") for e in edges if not e.get("weak"))
    switch = re.search(r'<input id="concept-atlas-weak" type="checkbox"( checked)?>', text)
    assert switch and bool(switch[1]) is not hidden
    assert "Show weak links (27)" in text


def test_export_page_of_notes_in_prose_opens_with_weak_links_as_the_app_does() -> None:
    G = nx.MultiDiGraph()
    for a, b in [("osmosis", "membrane"), ("membrane", "diffusion"), ("diffusion", "solute")]:
        G.add_edge(a, b, relation="related_to", confidence=0.4)
    _, edges, _ = page_data(page(G))
    assert edges and not any(e.get("hidden") for e in edges)


def test_export_page_has_no_weak_link_switch_without_weak_links() -> None:
    G = nx.MultiDiGraph()
    G.add_edge("enzyme", "catalyst", relation="is_a", confidence=0.9)
    assert 'id="concept-atlas-weak"' not in page(G)


def test_export_page_finder_knows_every_name_of_a_concept() -> None:
    G = nx.MultiDiGraph()
    G.add_node(
        "global positioning system", label="GPS (global positioning system)", aliases=["gps"]
    )
    G.add_node("satellite", label="Satellite")
    names = controls_data(page(G))["names"]
    assert names["gps"] == names["global positioning system"] == "global positioning system"
    assert names["gps (global positioning system)"] == "global positioning system"
    assert names["satellite"] == "satellite"


def test_export_page_controls_carry_note_text_as_data_only() -> None:
    G = nx.MultiDiGraph()
    hostile = "</script><script>alert(1)</script>"
    G.add_node("x", label=hostile, topic=hostile, aliases=["<img src=x onerror=alert(1)>"])
    text = page(G)
    assert "<script>alert(1)" not in text
    assert "<img src=x" not in text
    assert controls_data(text)["labels"] == [[hostile, "x"]]
    assert external_urls(text) == []


def test_export_page_of_a_small_course_has_no_regions() -> None:
    text = page(course(2, 5))
    assert opening_view(text) is None  # fitted whole
    assert 'id="concept-atlas-topic"' not in text
    assert "var captions" not in text


def test_export_page_opens_on_the_topic_of_its_focus() -> None:
    text = page(course(), focus="t7c3")
    assert controls_data(text)["regions"][0]["name"] == "topic 7"


def test_export_page_topic_groups_put_concepts_of_no_topic_last() -> None:
    G = nx.MultiDiGraph()
    G.add_nodes_from(["a", "b", "c"])
    G.add_nodes_from([("d", {"topic": "x"}), ("e", {"topic": "y"}), ("f", {"topic": "y"})])
    names = [name for name, _ in topic_groups(G, ["d", "a", "b", "c", "e", "f"])]
    assert names == ["x", "y", "Concepts of no topic"]


def test_export_page_lines_between_regions_are_faint_until_selected() -> None:
    G = nx.MultiDiGraph()
    G.add_edge("a", "b", relation="is_a", confidence=0.9)
    G.add_edge("b", "c", relation="is_a", confidence=0.9)
    _, edges, _ = page_data(to_html(G, physics=False, regions={"a": 0, "b": 0, "c": 1}))
    colours = {(e["from"], e["to"]): e["color"] for e in edges}
    assert colours["a", "b"]["color"].startswith("#")
    assert colours["b", "c"]["color"] == faint(colours["a", "b"]["color"])
    assert colours["b", "c"]["highlight"] == colours["a", "b"]["color"]


def test_layout_grouped_layout_keeps_each_group_in_a_box_of_its_own() -> None:
    G = course(6, 20)
    boxes = {n: node_box(G.nodes[n]["label"], 14, 8) for n in G}
    groups = [(f"topic {t}", [f"t{t}c{i}" for i in range(20)]) for t in range(6)]
    layout, regions = grouped_layout(G, groups, boxes, PAGE_VIEWPORT, titles=True)
    assert overlapping_pairs(layout.positions, boxes) == []
    for a in regions:
        for b in regions:
            if a is not b:  # regions, names above them included, never overlap
                assert (
                    a.box[2] <= b.box[0]
                    or b.box[2] <= a.box[0]
                    or a.box[3] <= b.title_y - b.title_size
                    or b.box[3] <= a.title_y - a.title_size
                )
    assert layout.view() == regions[0].view
    assert all(r.view["scale"] >= min_zoom(boxes) - 1e-9 for r in regions)


def two_topics() -> nx.MultiDiGraph:
    """A larger topic of minor concepts and a smaller one of the most important: cut to
    its three most important concepts, the graph keeps only the smaller topic."""
    G = nx.MultiDiGraph()
    for i in range(10):
        G.add_node(f"b{i}", label=f"minor {i}", topic="larger", importance=0.1)
    for i in range(3):
        G.add_node(f"s{i}", label=f"major {i}", topic="smaller", importance=0.9)
    G.add_edge("s0", "s1", relation="is_a", confidence=0.9)
    G.add_edge("b0", "b1", relation="is_a", confidence=0.9)
    return G


@pytest.mark.parametrize("fmt", ["html", "svg", "dot", "gexf"])
def test_export_a_part_of_the_graph_keeps_the_colours_of_the_whole(fmt: str, tmp_path) -> None:
    from graph.export import export
    from graph.render import topic_colours

    G = two_topics()
    whole = topic_colours(G)["smaller"]
    own = topic_colours(G.subgraph(["s0", "s1", "s2"]))["smaller"]
    assert whole != own
    out = tmp_path / f"part.{fmt}"
    export(G, fmt, out, max_concepts=3)
    text = out.read_text(encoding="utf-8").lower()
    if fmt == "gexf":
        r, g, b = (int(whole[i : i + 2], 16) for i in (1, 3, 5))
        assert f'r="{r}" g="{g}" b="{b}"' in text
    else:
        assert whole in text
        assert own not in text


def test_layout_regions_view_shows_every_region_with_its_name() -> None:
    from graph.layout import TITLE_BOLD, regions_view, text_width

    G = course(6, 20)
    boxes = {n: node_box(G.nodes[n]["label"], 14, 8) for n in G}
    groups = [("a name far longer than its region is wide", ["t0c0"])]
    groups += [(f"topic {t}", [f"t{t}c{i}" for i in range(20)]) for t in range(1, 6)]
    _, regions = grouped_layout(G, groups, boxes, PAGE_VIEWPORT, titles=True)
    view = regions_view(regions, PAGE_VIEWPORT)
    half_w = PAGE_VIEWPORT.width / 2 / view["scale"]
    half_h = PAGE_VIEWPORT.height / 2 / view["scale"]
    for region in regions:
        half_title = text_width(region.name, region.title_size) * TITLE_BOLD / 2
        centre = (region.box[0] + region.box[2]) / 2
        assert view["x"] - half_w <= centre - half_title
        assert centre + half_title <= view["x"] + half_w
        assert view["y"] - half_h <= region.title_y - region.title_size
        assert region.box[3] <= view["y"] + half_h
    assert controls_data(page(course()))["whole"]["scale"] < 1


@pytest.mark.parametrize(("topics", "regions"), [(2, 2), (1, 0)])
def test_export_page_that_does_not_fit_after_all_is_an_atlas_of_its_topics(
    topics: int, regions: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The area of the labels said they would fit, the layout found they do not: several
    topics make an atlas; a single one opens legibly around its first concept."""
    import graph.layout

    real = graph.layout.legible_layout

    def too_large(*args: Any, **kwargs: Any) -> graph.layout.Layout:
        return dataclasses.replace(real(*args, **kwargs), zoom=1.0, fits=False)

    monkeypatch.setattr(graph.layout, "legible_layout", too_large)
    text = page(course(topics, 5))
    assert len(controls_data(text)["regions"]) == regions
    view = opening_view(text)
    assert view is not None and view["scale"] >= 11 / 14
