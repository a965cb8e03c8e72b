"""The app in headless Chromium with the network cut off, at 1440x900: the map opens as
an overview, a click opens a topic and then a concept, every label drawn is at least
11 px tall at the initial zoom and no two overlap (read from vis-network's positions and
label sizes), and a 25-step learning path stays legible.

Run with ``pytest -m browser``; ``CONCEPT_ATLAS_SCREENSHOT=1`` also writes
``docs/screenshot.png`` (the seeds' overview, sidebar folded). Uses the system Chromium
at /usr/bin/chromium, never a downloaded browser.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path
from types import ModuleType

import networkx as nx
import pytest

from graph.layout import MIN_LABEL_PX
from graph.view import path_scene
from tests.conftest import BROWSER_TEST, SEEDS, load_module, requires_shared

ROOT = Path(__file__).resolve().parents[1]
pytestmark = BROWSER_TEST
#: Pixels two labels may share (their text strokes) before they count as overlapping.
OVERLAP_PX = 3.0


def load_driver() -> ModuleType:
    """``scripts/screenshot.py``, which starts the app and drives Chromium."""
    return load_module(ROOT / "scripts" / "screenshot.py", "concept_atlas_screenshot")


def assert_legible(driver: ModuleType, frame, *, inside: bool = True) -> list[dict]:
    """Every label of the map in ``frame`` at least 11 px tall, none overlapping another
    by more than :data:`OVERLAP_PX`, and (``inside``) none cut by the map's edges."""
    found = driver.label_boxes(frame)
    boxes = found["boxes"]
    assert boxes, "no label drawn"
    small = [(b["label"], round(b["px"], 1)) for b in boxes if b["px"] < MIN_LABEL_PX - 0.01]
    assert not small, f"labels under {MIN_LABEL_PX} px: {small}"
    assert driver.overlaps(boxes, OVERLAP_PX) == []
    if inside:
        assert found["unmeasured"] == [], f"labels not drawn: {found['unmeasured']}"
        cut = [
            b["label"]
            for b in boxes
            if b["left"] < -1
            or b["top"] < -1
            or b["left"] + b["width"] > found["width"] + 1
            or b["top"] + b["height"] > found["height"] + 1
        ]
        assert not cut, f"labels cut by the edge of the map: {cut}"
    return boxes


def test_overview_then_a_topic_then_a_concept(tmp_path: Path) -> None:
    playwright_api = pytest.importorskip("playwright.sync_api")
    driver = load_driver()
    with driver.run_app() as url, playwright_api.sync_playwright() as playwright:
        browser = driver.launch_chromium(playwright)
        try:
            page = browser.new_page(viewport=driver.VIEWPORT)
            offline = driver.Offline()
            offline.attach(page)
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))

            frame, seconds = driver.open_map(page, url)
            assert frame.locator("#mynetwork canvas").count() == 1
            assert driver.painted_pixels(frame) > 2000
            ids = frame.evaluate("window.conceptAtlasNetwork.body.data.nodes.getIds()")
            assert ids and all(node_id.startswith("topic:") for node_id in ids)
            boxes = assert_legible(driver, frame)
            assert all(box["label"].split()[-1].startswith("concept") for box in boxes)
            # the map is above the fold
            bottom = frame.frame_element().bounding_box()
            assert bottom and bottom["y"] + bottom["height"] <= driver.VIEWPORT["height"]

            before = driver.drawing(frame)
            driver.click_node(page, frame, "topic:0")
            frame = driver.wait_for_new_drawing(page, before)
            ids = frame.evaluate("window.conceptAtlasNetwork.body.data.nodes.getIds()")
            assert ids and not any(node_id.startswith("topic:") for node_id in ids)
            assert_legible(driver, frame)
            assert page.get_by_text("Topic ").first.is_visible()

            frame.evaluate("window.conceptAtlasMounted = true")
            drawn = driver.drawing(frame)
            node_id, label = driver.top_concept(frame)
            assert page.get_by_role("heading", name=label, exact=True).count() == 0
            assert driver.click_top_concept(page, frame) == label
            assert page.get_by_role("heading", name=label, exact=True).is_visible()
            frame.wait_for_function(
                "(id) => window.conceptAtlasNetwork.getSelectedNodes()[0] === id",
                arg=node_id,
                timeout=30_000,
            )
            # the map stays mounted and keeps its drawing: a click only selects
            assert frame.evaluate("window.conceptAtlasMounted") is True
            assert driver.drawing(frame) == drawn
            # the clicked concept's tooltip does not stay over the map (the pointer has
            # not moved since the click; vis-network shows a tooltip 300 ms after a move)
            page.wait_for_timeout(600)
            assert driver.visible_tooltips(frame) == []
            # the pointer moving on within the node shows it again
            box = frame.frame_element().bounding_box()
            point = frame.evaluate(
                "(id) => window.conceptAtlasNetwork.canvasToDOM("
                "window.conceptAtlasNetwork.getPosition(id))",
                node_id,
            )
            assert box is not None
            page.mouse.move(box["x"] + point["x"] + 20, box["y"] + point["y"] + 20)
            page.mouse.move(box["x"] + point["x"] + 1, box["y"] + point["y"] + 1)
            frame.wait_for_function(
                "() => Array.from(document.querySelectorAll('div.vis-tooltip'))"
                ".some((tip) => getComputedStyle(tip).visibility !== 'hidden')",
                timeout=10_000,
            )
            driver.hover_away(page, frame)
            page.screenshot(path=str(tmp_path / "topic.png"))
        finally:
            browser.close()

    assert not errors, errors
    assert offline.blocked == [], f"the app tried the network: {offline.blocked}"
    assert seconds < 60, f"map took {seconds:.1f} s to be ready"


@requires_shared
def test_the_seeds_overview_and_largest_topic_are_legible() -> None:
    playwright_api = pytest.importorskip("playwright.sync_api")
    driver = load_driver()
    with driver.run_app() as url, playwright_api.sync_playwright() as playwright:
        browser = driver.launch_chromium(playwright, cut_off=True)
        try:
            page = browser.new_page(viewport=driver.VIEWPORT)
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            driver.open_map(page, url)
            frame = driver.open_folder(page, SEEDS.resolve())
            boxes = assert_legible(driver, frame)
            assert len(boxes) >= 10  # topics, not 600 concepts
            assert all(box["label"].split()[-1].startswith("concept") for box in boxes)
            if os.environ.get("CONCEPT_ATLAS_SCREENSHOT") == "1":
                before = driver.drawing(frame)
                driver.fold_sidebar(page)
                frame = driver.wait_for_new_drawing(page, before)
                assert_legible(driver, frame)
                driver.hover_away(page, frame)
                page.wait_for_timeout(800)
                page.screenshot(path=str(ROOT / "docs" / "screenshot.png"))

            before = driver.drawing(frame)
            driver.click_node(page, frame, "topic:0")
            frame = driver.wait_for_new_drawing(page, before)
            boxes = assert_legible(driver, frame)
            assert len(boxes) >= 15

            before = driver.drawing(frame)
            page.get_by_role("button", name="Show 20 more").click()
            frame = driver.wait_for_new_drawing(page, before)
            assert_legible(driver, frame, inside=False)  # the rest is a drag away
            drawn = driver.label_boxes(frame)
            assert len(drawn["boxes"]) + len(drawn["unmeasured"]) > len(boxes)
        finally:
            browser.close()
    assert not errors, errors


def long_path(steps: int) -> tuple[nx.MultiDiGraph, list[str]]:
    """A chain of ``steps`` concepts with long names, plus a few side prerequisites."""
    G = nx.MultiDiGraph()
    path = [f"step {i}" for i in range(steps)]
    for i, node in enumerate(path):
        name = f"an intermediate concept with a long name number {i}"
        G.add_node(node, label=name, importance=(i % 5) / 4, topic=f"topic {i % 3}")
    for u, v in itertools.pairwise(path):
        G.add_edge(u, v, relation="prerequisite_of", confidence=0.9)
    for i in range(2, steps, 4):
        G.add_edge(path[i - 2], path[i], relation="prerequisite_of", confidence=0.6)
    return G, path


@pytest.mark.parametrize("width", [1060, 700])
def test_a_25_step_learning_path_is_legible(width: int) -> None:
    playwright_api = pytest.importorskip("playwright.sync_api")
    driver = load_driver()
    G, path = long_path(25)
    scene = path_scene(G, path, width)
    height = int(scene.height) + 1
    args = {
        "data": scene.data,
        "draw": "path",
        "height": height,
        "caption": "",
        "viewport": {"width": width, "height": height},
        "fill": False,
    }
    with (
        driver.component_page(args, width, height) as url,
        playwright_api.sync_playwright() as playwright,
    ):
        browser = driver.launch_chromium(playwright, cut_off=True)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(url)
            handle = page.wait_for_selector("#map", state="attached")
            frame = handle.content_frame() if handle else None
            assert frame is not None
            frame.wait_for_function("window.conceptAtlasReady === true", timeout=60_000)
            boxes = assert_legible(driver, frame)
            assert len(boxes) == 25
            numbers = sorted(int(box["label"].split(".")[0]) for box in boxes)
            assert numbers == list(range(1, 26))
            rows = {round(box["top"]) for box in boxes}
            assert len(rows) > 1  # wrapped onto rows
        finally:
            browser.close()
    assert not errors, errors


def test_learning_path_picker_and_picture_in_the_app() -> None:
    playwright_api = pytest.importorskip("playwright.sync_api")
    driver = load_driver()
    with driver.run_app() as url, playwright_api.sync_playwright() as playwright:
        browser = driver.launch_chromium(playwright, cut_off=True)
        try:
            page = browser.new_page(viewport=driver.VIEWPORT)
            failed: list[str] = []
            page.on("requestfailed", lambda request: failed.append(request.url))
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            driver.open_map(page, url)

            driver.open_tab(page, "Learning path")
            box = page.get_by_role("textbox", name="I want to learn", exact=True)
            box.wait_for(timeout=120_000)
            box.fill("gated recurrent unit")
            box.press("Enter")
            page.wait_for_function(
                f"document.querySelectorAll('{driver.GRAPH_FRAME}').length === 2",
                timeout=60_000,
            )
            frame = driver.map_frame(page, index=1)
            frame.wait_for_function("window.conceptAtlasReady === true", timeout=60_000)
            assert driver.painted_pixels(frame) > 2000
            labels = frame.evaluate(
                "window.conceptAtlasNetwork.body.data.nodes.get().map(n => n.label)"
            )
            assert any("LSTM" in label for label in labels)
            assert any("GRU" in label for label in labels)
            assert_legible(driver, frame)
            # the download buttons show their whole names
            for name in ("Study guide (Markdown)", "Anki deck (.apkg)", "Picture (PNG)"):
                button = page.get_by_role("button", name=name)
                assert button.is_visible()
                assert button.evaluate("b => b.scrollWidth <= b.clientWidth + 1"), name
        finally:
            browser.close()

    assert not errors, errors
    assert not [u for u in failed if "127.0.0.1" not in u], f"the app tried the network: {failed}"


#: Per node: the colour of the canvas at its centre, and (per bent edge) the distance of
#: the drawn curve's middle from the nearest other dot and whether it is inside the map.
_PATH_PIXELS = """() => {
    const network = window.conceptAtlasNetwork;
    const canvas = document.querySelector("#mynetwork canvas");
    const ctx = canvas.getContext("2d");
    const ratio = canvas.width / canvas.clientWidth;
    const centre = {};
    for (const id of network.body.nodeIndices) {
        const p = network.canvasToDOM(network.getPosition(id));
        const px = ctx.getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data;
        centre[id] = [px[0], px[1], px[2]];
    }
    const bends = [];
    for (const id of network.body.edgeIndices) {
        const edge = network.body.edges[id];
        if (!edge.options.smooth || !edge.options.smooth.enabled) { continue; }
        const mid = edge.edgeType.getPoint(0.5);
        let nearest = Infinity;
        for (const other of network.body.nodeIndices) {
            if (other === edge.fromId || other === edge.toId) { continue; }
            const node = network.body.nodes[other];
            const gap = Math.hypot(node.x - mid.x, node.y - mid.y) - node.options.size;
            nearest = Math.min(nearest, gap);
        }
        const dom = network.canvasToDOM(mid);
        bends.push({nearest: nearest, inside: dom.y > 0 && dom.y < canvas.clientHeight});
    }
    return {centre: centre, bends: bends};
}"""


def test_browser_path_picture_draws_undefined_steps_hollow_and_bends_past_a_step() -> None:
    playwright_api = pytest.importorskip("playwright.sync_api")
    driver = load_driver()
    G = nx.MultiDiGraph()
    for node in ("acid", "base", "buffer", "titration"):
        G.add_node(node, label=node, importance=0.5, topic="chemistry")
    G.nodes["acid"]["definition"] = "An acid gives away protons."
    for u, v in [("base", "buffer"), ("acid", "titration"), ("buffer", "titration")]:
        G.add_edge(u, v, relation="prerequisite_of", confidence=0.9)
    width = 700
    scene = path_scene(G, ["acid", "base", "buffer", "titration"], width)
    height = int(scene.height) + 1
    args = {
        "data": scene.data,
        "draw": "path",
        "height": height,
        "caption": "",
        "viewport": {"width": width, "height": height},
        "fill": False,
    }
    with (
        driver.component_page(args, width, height) as url,
        playwright_api.sync_playwright() as playwright,
    ):
        browser = driver.launch_chromium(playwright, cut_off=True)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            page.goto(url)
            handle = page.wait_for_selector("#map", state="attached")
            frame = handle.content_frame() if handle else None
            assert frame is not None
            frame.wait_for_function("window.conceptAtlasReady === true", timeout=60_000)
            drawn = frame.evaluate(_PATH_PIXELS)
        finally:
            browser.close()
    white = [255, 255, 255]
    assert [step for step, rgb in drawn["centre"].items() if rgb == white] == [
        "base",
        "buffer",
        "titration",
    ]  # hollow: the steps the notes never define
    (bend,) = drawn["bends"]  # acid -> titration, past buffer's dot, inside the picture
    assert bend["nearest"] > 10 and bend["inside"]


def test_browser_html_export_of_a_large_course_opens_legibly_with_working_controls(
    tmp_path: Path,
) -> None:
    """The whole-graph page of a course of 600 concepts, opened with the network cut off:
    its first view shows one topic's labels, 11 px or more and none over another; the
    weak links wait behind the switch; the finder moves the map to a concept."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    from graph.export.page import write_html
    from tests.graph.test_export_page import course

    driver = load_driver()
    out = tmp_path / "map.html"
    write_html(course(), out, title="A large course")
    with playwright_api.sync_playwright() as playwright:
        browser = driver.launch_chromium(playwright, cut_off=True)
        offline = driver.Offline()
        errors: list[str] = []
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            offline.attach(page)
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(out.as_uri())
            page.wait_for_function("window.conceptAtlasReady === true", timeout=60_000)
            page.evaluate("() => { window.conceptAtlasNetwork = network; }")
            found = driver.label_boxes(page.main_frame)
            seen = [
                b
                for b in found["boxes"]
                if b["left"] >= 0
                and b["top"] >= 0
                and b["left"] + b["width"] <= found["width"]
                and b["top"] + b["height"] <= found["height"]
            ]
            assert len(seen) >= 20, "the opening view shows too few concepts to read"
            assert {b["label"].split("of ")[-1] for b in seen} == {"topic 0"}
            assert min(b["px"] for b in seen) >= MIN_LABEL_PX - 0.01
            assert driver.overlaps(seen, OVERLAP_PX) == []
            hidden = "edges.get({filter: function (e) { return e.hidden === true; }}).length"
            assert page.evaluate(hidden) == 588  # every weak link, until the switch
            page.fill("#concept-atlas-find", "concept 3 of topic 7")
            page.press("#concept-atlas-find", "Enter")
            assert page.evaluate("network.getSelectedNodes()") == ["t7c3"]
            centred = (
                "([w, h]) => { const p = network.canvasToDOM(network.getPosition('t7c3'));"
                " return Math.abs(p.x - w / 2) < 5 && Math.abs(p.y - h / 2) < 5; }"
            )  # the move is animated
            page.wait_for_function(centred, arg=[found["width"], found["height"]], timeout=15_000)
            assert page.evaluate("network.getScale()") >= MIN_LABEL_PX / 14 - 1e-6
            page.click("#concept-atlas-weak")  # showing the weak links leaves the view there
            page.wait_for_function(f"{hidden} === 0", timeout=30_000)
            page.wait_for_timeout(1000)
            assert page.evaluate(centred, [found["width"], found["height"]])
            # Enter twice, then a click on the map: the view stays on the concept found
            page.fill("#concept-atlas-find", "concept 5 of topic 9")
            page.press("#concept-atlas-find", "Enter")
            page.press("#concept-atlas-find", "Enter")
            page.wait_for_timeout(100)
            canvas = page.locator("#mynetwork canvas").bounding_box()
            assert canvas is not None
            page.mouse.click(canvas["x"] + 3, canvas["y"] + canvas["height"] - 3)
            page.wait_for_timeout(1000)
            assert page.evaluate(centred.replace("t7c3", "t9c5"), [found["width"], found["height"]])
            page.fill("#concept-atlas-find", "no such thing")
            page.press("#concept-atlas-find", "Enter")
            assert "No concept is named" in page.text_content("#concept-atlas-status")
        finally:
            browser.close()
    assert offline.blocked == [], offline.blocked
    assert errors == []
