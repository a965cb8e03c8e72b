"""Measure the explorer's speed in headless Chromium: ``python scripts/measure_app.py``.

Opens the app at 1440x900 with every other host cut off and prints, for each folder of
notes (the five seeds in ``../shared/seeds``, the d2l book in ``../shared/corpora/d2l``,
the eight dev2 notes in eight subjects in ``../shared/eval/dev2/notes``, when present;
``--only`` picks some), each figure with its target and their ratio:

- **overview**: the folder typed in and Enter -> its map drawn, on a warm server (the
  notes read and the graph built once before, as a student reopening them); the median
  of ``--runs`` fresh pages. Targets: seeds and dev2 1.5 s, d2l 2 s.
- **open a topic**: a click on a topic of the overview -> its concepts drawn, for the
  ``--topics`` largest topics, each the first time it is opened (nothing cached); the
  slowest and the median. Target 1 s.
- **click -> panel**: a click on a concept -> its panel shown (the click's time in the
  map's frame to the heading's appearance in the page, both on the browser's clock);
  the median of ``--clicks`` concepts. Target 300 ms.
- **baseline**: "Overview" clicked from a topic: the overview is already laid out, so
  this is the cost of a bare rerun and redraw of the map on this machine at this moment;
  the ratios to it say what opening a topic or a panel adds, whatever else the machine
  is doing.

A ratio below 1 meets the target. Figures are wall-clock times on a shared machine:
compare ratios from one run, not seconds across runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Frame, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.screenshot import (  # noqa: E402
    CHROMIUM,
    VIEWPORT,
    click_node,
    drawing,
    launch_chromium,
    map_frame,
    open_map,
    run_app,
    wait_for_new_drawing,
)

SHARED = ROOT.parent / "shared"
FOLDERS = {
    "seeds": SHARED / "seeds",
    "d2l": SHARED / "corpora" / "d2l",
    "dev2": SHARED / "eval" / "dev2" / "notes",
}
TARGETS = {"overview": {"seeds": 1.5, "d2l": 2.0, "dev2": 1.5}, "topic": 1.0, "panel": 0.3}


def enter_folder(page: Page, folder: Path) -> tuple[Frame, float]:
    """Type ``folder`` into the sidebar; seconds from Enter to its map drawn."""
    before = drawing(map_frame(page))
    page.get_by_text("A folder on this computer").click()
    box = page.get_by_role("textbox", name="Folder path", exact=True)
    box.fill(str(folder))
    start = time.perf_counter()
    box.press("Enter")
    frame = wait_for_new_drawing(page, before, timeout_ms=900_000)
    return frame, time.perf_counter() - start


def clicked_to_drawn(page: Page, frame: Frame, node_id: str) -> tuple[Frame, float]:
    """Click ``node_id``; seconds from the click (in the frame) to the new drawing."""
    before = drawing(frame)
    click_node(page, frame, node_id)
    frame = wait_for_new_drawing(page, before)
    spent = frame.evaluate("window.conceptAtlasReadyAt - window.conceptAtlasClickedAt")
    return frame, spent / 1000


_WATCH_HEADING = """(label) => {
    window.conceptAtlasPanelAt = null;
    const shown = () => [...document.querySelectorAll("h3")]
        .some((h) => h.textContent.trim() === label);
    const watch = new MutationObserver(() => {
        if (shown()) { window.conceptAtlasPanelAt = Date.now(); watch.disconnect(); }
    });
    watch.observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


def clicked_to_panel(page: Page, frame: Frame, node_id: str) -> float:
    """Click the concept ``node_id``; seconds from the click to its panel's heading."""
    label = frame.evaluate(
        "(id) => window.conceptAtlasNetwork.body.data.nodes.get(id).label", node_id
    ).replace("\n", " ")
    page.evaluate(_WATCH_HEADING, label)
    click_node(page, frame, node_id)
    page.wait_for_function("window.conceptAtlasPanelAt !== null", timeout=60_000)
    shown = page.evaluate("window.conceptAtlasPanelAt")
    return (shown - frame.evaluate("window.conceptAtlasClickedAt")) / 1000


def drawn_ids(frame: Frame) -> list[str]:
    return frame.evaluate("window.conceptAtlasNetwork.body.data.nodes.getIds()")


def report(name: str, seconds: list[float], target: float | None, how: Callable) -> None:
    value = how(seconds)
    ratio = f"{value / target:5.2f} of the target {target:g} s" if target else ""
    print(f"  {name:<30} {value:6.2f} s  {ratio}  (n={len(seconds)})", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh pages per overview figure")
    parser.add_argument("--topics", type=int, default=6, help="topics opened per folder")
    parser.add_argument("--clicks", type=int, default=5, help="concepts clicked per folder")
    parser.add_argument("--only", nargs="*", choices=sorted(FOLDERS), help="these folders")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"error: {CHROMIUM} not found", file=sys.stderr)
        return 1
    chosen = [name for name in FOLDERS if (not args.only or name in args.only)]
    with run_app(timeout=120) as url, sync_playwright() as playwright:
        browser = launch_chromium(playwright, cut_off=True)
        try:
            for name in chosen:
                folder = FOLDERS[name]
                if not folder.is_dir():
                    print(f"{name}: {folder} not found, skipped")
                    continue
                print(f"{name} ({folder}):", flush=True)
                page = browser.new_page(viewport=VIEWPORT)
                open_map(page, url)
                frame, first = enter_folder(page, folder)  # reads and builds: not timed
                print(f"  {'first opening (reads, builds)':<30} {first:6.2f} s", flush=True)
                opened, panels, reruns = [], [], []
                for index in range(min(args.topics, len(drawn_ids(frame)))):
                    frame, seconds = clicked_to_drawn(page, frame, f"topic:{index}")
                    opened.append(seconds)
                    ids = drawn_ids(frame)
                    if len(panels) < args.clicks and ids:
                        node_id = ids[len(panels) % len(ids)]
                        panels.append(clicked_to_panel(page, frame, node_id))
                    before = drawing(frame)
                    start = time.perf_counter()
                    page.get_by_role("button", name="Overview").click()
                    frame = wait_for_new_drawing(page, before)
                    reruns.append(time.perf_counter() - start)
                page.close()
                overviews = []
                for _ in range(args.runs):
                    page = browser.new_page(viewport=VIEWPORT)
                    open_map(page, url)
                    _, seconds = enter_folder(page, folder)
                    overviews.append(seconds)
                    page.close()
                report("overview (warm server)", overviews, TARGETS["overview"].get(name),
                       statistics.median)  # fmt: skip
                if opened:
                    report("open a topic, slowest", opened, TARGETS["topic"], max)
                    report("open a topic, median", opened, TARGETS["topic"], statistics.median)
                if panels:
                    report("click -> panel, median", panels, TARGETS["panel"], statistics.median)
                if reruns:
                    report("back to the overview (baseline)", reruns, None, statistics.median)
                    for what, values in (("topic", opened), ("panel", panels)):
                        if values:
                            ratio = statistics.median(values) / statistics.median(reruns)
                            print(f"  {what + ' / baseline, median':<30} {ratio:6.2f}", flush=True)
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
