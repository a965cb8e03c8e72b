"""The app in headless Chromium with the network cut off: the concept map must draw.

Run with ``pytest -m browser``; ``CONCEPT_ATLAS_SCREENSHOT=1`` also writes
``docs/screenshot.png``. Uses the system Chromium at /usr/bin/chromium, never a
downloaded browser.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no system Chromium at {CHROMIUM}"),
]


def load_driver() -> ModuleType:
    """``scripts/screenshot.py``, which starts the app and drives Chromium."""
    path = ROOT / "scripts" / "screenshot.py"
    spec = importlib.util.spec_from_file_location("concept_atlas_screenshot", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_concept_map_draws_offline(tmp_path: Path) -> None:
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

            frame = driver.select_first_concept(page)
            assert frame.evaluate("network.getSelectedNodes().length") == 1
            assert driver.painted_pixels(frame) > 2000

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
    from_map = [blocked for blocked, origin in offline.blocked if origin == "about:srcdoc"]
    assert from_map == [], f"the concept map tried the network: {from_map}"
    assert offline.blocked == [], f"the app tried the network: {offline.blocked}"
    assert seconds < 60, f"map took {seconds:.1f} s to be ready"
