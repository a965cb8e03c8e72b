"""The app in headless Chromium with the network cut off: the concept map must draw,
and clicking a concept on it must open that concept in the panel.

Run with ``pytest -m browser``; ``CONCEPT_ATLAS_SCREENSHOT=1`` also writes
``docs/screenshot.png``. Uses the system Chromium at /usr/bin/chromium, never a
downloaded browser.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import BROWSER_TEST, load_module

ROOT = Path(__file__).resolve().parents[1]
pytestmark = BROWSER_TEST


def load_driver() -> ModuleType:
    """``scripts/screenshot.py``, which starts the app and drives Chromium."""
    return load_module(ROOT / "scripts" / "screenshot.py", "concept_atlas_screenshot")


def test_concept_map_draws_offline_and_a_click_opens_the_concept(tmp_path: Path) -> None:
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

            assert frame.evaluate("window.conceptAtlasReady") is True
            assert frame.locator("#mynetwork canvas").count() == 1
            assert driver.painted_pixels(frame) > 2000
            assert frame.evaluate("typeof vis.Network") == "function"
            assert frame.evaluate("window.conceptAtlasNetwork.getSelectedNodes().length") == 0
            node_id, label = driver.top_concept(frame)
            assert page.get_by_role("heading", name=label, exact=True).count() == 0

            frame.evaluate("window.conceptAtlasMounted = true")
            assert driver.click_top_concept(page, frame) == label

            # the panel follows the click; the map stays mounted and selects the node
            heading = page.get_by_role("heading", name=label, exact=True)
            assert heading.is_visible()
            assert (
                page.get_by_text("Also called:").count()
                + page.get_by_text("No definition found").count()
                + page.locator("blockquote").count()
                > 0
            )
            frame.wait_for_function(
                "(id) => window.conceptAtlasNetwork.getSelectedNodes()[0] === id",
                arg=node_id,
                timeout=30_000,
            )
            assert frame.evaluate("window.conceptAtlasMounted") is True
            assert driver.painted_pixels(frame) > 2000

            driver.hover_away(page, frame)
            page.wait_for_timeout(400)
            if os.environ.get("CONCEPT_ATLAS_SCREENSHOT") == "1":
                shot = ROOT / "docs" / "screenshot.png"
                shot.parent.mkdir(parents=True, exist_ok=True)
            else:
                shot = tmp_path / "screenshot.png"
            page.screenshot(path=str(shot))
        finally:
            browser.close()

    assert shot.stat().st_size > 10_000
    assert not errors, errors
    assert offline.blocked == [], f"the app tried the network: {offline.blocked}"
    assert seconds < 60, f"map took {seconds:.1f} s to be ready"


def test_learning_path_picture_draws_offline() -> None:
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

            page.get_by_role("tab", name="Learning path").click()
            target = page.locator("[data-testid=stSelectbox]").filter(has_text="I want to learn")
            target.locator("input").click()
            page.keyboard.type("gated recurrent unit")
            page.keyboard.press("Enter")

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
        finally:
            browser.close()

    assert not errors, errors
    assert not [u for u in failed if "127.0.0.1" not in u], f"the app tried the network: {failed}"
