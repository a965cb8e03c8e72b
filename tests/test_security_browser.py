"""Hostile notes in a real browser: the app on a folder of hostile notes, and the HTML
export of a hostile graph, in headless Chromium with every request to another host
blocked. No payload may run (no dialog, no ``window.__xss`` in the page or any of its
frames), load anything (no external request) or add an element.

Uses the system Chromium at /usr/bin/chromium, never a downloaded browser.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from types import ModuleType

import pytest

from graph.export import write_html
from tests.conftest import BROWSER_TEST, CHROMIUM, load_module

ROOT = Path(__file__).resolve().parents[1]
pytestmark = BROWSER_TEST


@pytest.fixture(scope="module")
def driver() -> ModuleType:
    """``scripts/screenshot.py``: starts the app and drives Chromium."""
    return load_module(ROOT / "scripts" / "screenshot.py", "concept_atlas_screenshot")


@pytest.fixture(scope="module")
def hostile() -> ModuleType:
    return load_module(ROOT / "tests" / "test_security_app.py", "concept_atlas_security_app")


class Watch:
    """Dialogs and page errors of a page, recorded; dialogs dismissed."""

    def __init__(self, page) -> None:
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", self.dialog)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()


def flags(page) -> list[str]:
    """Frames (the page included) in which a payload set ``window.__xss``."""
    found = []
    for frame in page.frames:
        try:
            if frame.evaluate("typeof window.__xss !== 'undefined'"):
                found.append(frame.url)
        except Exception:  # a frame that went away meanwhile
            continue
    return found


INJECTED = """() => {
    const bad = [];
    for (const el of document.querySelectorAll('img, svg, iframe, script, a, textarea')) {
        const src = el.getAttribute('src') || el.getAttribute('href') || '';
        const text = el.textContent || '';
        // a script the page carries holds the notes as escaped data; one a payload
        // added holds the payload's code alone
        const payload = el.tagName === 'SCRIPT' && /^\\s*(window\\.__xss|alert)/.test(text);
        if (src === 'x' || /javascript:|evil\\.example/i.test(src) || payload
            || el.closest('.vis-tooltip')) {
            bad.push(el.outerHTML.slice(0, 120));
        }
    }
    for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
            if (/^on/i.test(attr.name) && /__xss|alert/.test(attr.value)) {
                bad.push(el.outerHTML.slice(0, 120));
            }
        }
    }
    return bad;
}"""


def injected(page) -> list[str]:
    """Elements in any frame that a payload made (an image, a link, a handler)."""
    found = []
    for frame in page.frames:
        try:
            found += frame.evaluate(INJECTED)
        except Exception:
            continue
    return found


def notes_map(driver: ModuleType, page, concept: str, timeout: float = 120.0):
    """The map's frame once it has drawn ``concept`` (the sample's map, drawn first, is
    replaced when the folder is read)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            frame = driver.map_frame(page)
            if frame.evaluate(
                """(concept) => window.conceptAtlasReady === true &&
                    window.conceptAtlasNetwork.body.data.nodes.get()
                        .some(n => n.label.toLowerCase().includes(concept))""",
                concept,
            ):
                return frame
        except Exception:  # the frame is being replaced
            pass
        assert time.monotonic() < deadline, f"the map never drew {concept!r}"
        page.wait_for_timeout(250)


def hover_node(page, frame, node_id: str) -> str:
    """Hover a concept on the map; returns the tooltip's text (empty if none showed)."""
    point = frame.evaluate(
        """(id) => { const n = window.conceptAtlasNetwork;
                     const p = n.canvasToDOM(n.getPosition(id)); return {x: p.x, y: p.y}; }""",
        node_id,
    )
    box = frame.frame_element().bounding_box()
    canvas = frame.evaluate(
        "() => { const r = document.querySelector('#mynetwork canvas')"
        ".getBoundingClientRect(); return {x: r.left, y: r.top}; }"
    )
    x, y = box["x"] + canvas["x"] + point["x"], box["y"] + canvas["y"] + point["y"]
    page.mouse.move(x - 3, y - 3)
    page.mouse.move(x, y)
    try:
        frame.wait_for_selector("div.vis-tooltip", state="visible", timeout=3_000)
    except Exception:
        return ""
    return frame.evaluate("document.querySelector('div.vis-tooltip').innerText")


#: Seconds the app may take to read, draw and redraw the hostile notes, in all.
BUDGET_S = 180


def test_hostile_notes_never_run_in_the_app(
    driver: ModuleType, hostile: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    playwright_api = pytest.importorskip("playwright.sync_api")
    folder = hostile.write_hostile_notes(tmp_path / "notes")
    (folder / "alerts.txt").write_text(
        "Nu node\nThe nu node is part of the kappa kernel. <img src=x onerror=alert(1)>"
        " <script>alert(2)</script>\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("CONCEPT_ATLAS_CACHE", str(tmp_path / "cache"))
    with driver.run_app() as url, playwright_api.sync_playwright() as playwright:
        browser = driver.launch_chromium(playwright)
        try:
            page = browser.new_page(viewport=driver.VIEWPORT)
            offline = driver.Offline()
            offline.attach(page)
            watch = Watch(page)
            start = time.monotonic()

            def left() -> int:
                """Milliseconds left of the test's budget (BUDGET_S): one wait may take
                long on a loaded machine as long as the whole stays within it."""
                return max(1_000, int((BUDGET_S - (time.monotonic() - start)) * 1000))

            page.goto(url, wait_until="domcontentloaded")
            page.get_by_text("A folder on this computer").click()
            field = page.get_by_role("textbox", name="Folder path")
            field.fill(str(folder))
            field.press("Enter")
            page.get_by_text("quizlet-set.txt").wait_for(timeout=120_000)
            frame = notes_map(driver, page, "kappa kernel")

            nodes = frame.evaluate(
                "() => window.conceptAtlasNetwork.body.data.nodes.get()"
                ".map(n => [n.id, n.label, n.title])"
            )
            # the concepts whose definitions carry the payloads
            payloads = {"kappa kernel", "lambda lattice", "mu matrix", "nu node"}
            targets = [n for n in nodes if str(n[1]).lower() in payloads]
            assert targets, [n[1] for n in nodes]
            tooltips = [hover_node(page, frame, node_id) for node_id, _, _ in targets]
            assert any(tooltips), "no tooltip showed"
            # a definition that holds a payload shows its characters, as text
            shown = [t for t in tooltips if "<img" in t or "<script" in t]
            assert shown, tooltips

            # open the hostile concept: the panel, its source cards, every tab
            node_id, label, _ = targets[0]
            driver.click_node(page, frame, node_id)
            page.get_by_role("heading", name=label, exact=True).wait_for(timeout=left())
            for summary in page.locator("[data-testid='stExpander'] summary").all():
                if summary.is_visible():
                    summary.click()
            # a source card's fold is made when it is unfolded: its text, payload included,
            # arrives with the rerun, and shows as text
            unfolded = page.locator("[data-testid='stExpander']").filter(
                has_text=re.compile(r"onerror=|<script>")
            )
            unfolded.first.wait_for(timeout=left())
            for tab in ("Learning path", "Connect", "Topics", "Export", "Notes", "Map"):
                driver.open_tab(page, tab)
            # back on the map the open concept's panel is drawn again (tabs are drawn
            # when opened): wait for its payload, however slow the rerun, then read it
            page.get_by_text(re.compile(r"<img src=x onerror=|<script>")).first.wait_for(
                timeout=left()
            )
            # the map may start one more rerun once it is drawn (it reports its size), and
            # a page read mid-rerun lacks the panel: wait until the page's text shows the
            # payload, as text, once the app is idle
            driver.wait_until_idle(page, left())
            page.wait_for_function(
                "() => /<img src=x onerror=|<script>/.test(document.body.innerText)",
                timeout=left(),
            )
            seconds = time.monotonic() - start

            assert watch.dialogs == []
            assert flags(page) == []
            assert injected(page) == []
        finally:
            browser.close()
    assert offline.blocked == [], f"a request left the machine: {offline.blocked}"
    assert not watch.errors, watch.errors
    assert seconds < BUDGET_S, seconds


def test_the_html_export_of_hostile_notes_never_runs_them(tmp_path: Path) -> None:
    playwright_api = pytest.importorskip("playwright.sync_api")
    escaping = load_module(ROOT / "tests" / "graph" / "test_export_escaping.py", "escaping_fixture")
    out = tmp_path / "map.html"
    write_html(escaping.hostile_graph(), out)
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            blocked: list[str] = []

            def route(route) -> None:
                if route.request.url.startswith("file://"):
                    route.continue_()
                else:
                    blocked.append(route.request.url)
                    route.abort()

            page.route("**/*", route)
            watch = Watch(page)
            page.goto(out.as_uri())
            page.wait_for_function("window.conceptAtlasReady === true", timeout=60_000)
            ids = page.evaluate("() => network.body.data.nodes.getIds()")
            shown = 0
            for node_id in ids:
                point = page.evaluate(
                    "(id) => { const p = network.canvasToDOM(network.getPosition(id));"
                    " const r = document.querySelector('#mynetwork canvas')"
                    ".getBoundingClientRect(); return {x: p.x + r.left, y: p.y + r.top}; }",
                    node_id,
                )
                page.mouse.move(point["x"] - 2, point["y"] - 2)
                page.mouse.move(point["x"], point["y"])
                page.wait_for_timeout(250)
                if page.locator("div.vis-tooltip").is_visible():
                    shown += 1
                    # text only (innerText turns line breaks into <br>)
                    assert page.locator("div.vis-tooltip *:not(br)").count() == 0
                page.mouse.click(point["x"], point["y"])
            assert shown > 0
            assert watch.dialogs == []
            assert flags(page) == []
            assert injected(page) == []
            assert not watch.errors, watch.errors
        finally:
            browser.close()
    assert blocked == [], blocked
