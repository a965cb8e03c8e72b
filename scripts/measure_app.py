"""Measure the explorer's speed in headless Chromium: ``python scripts/measure_app.py``.

Prints, each the median of a few runs on a warm server (the notes already read once):

- the sample notes: page load -> map drawn and clickable (target 3 s);
- the five seeds (``../shared/seeds`` typed in the folder box): page load -> map drawn
  (target 4 s; the folder is typed after the page opens, so the figure is from the
  moment it is entered);
- switching focus: typing a concept in the focus box -> the new map drawn (target 1 s);
- 1,000 concepts: a synthetic graph drawn by the map component with its precomputed
  layout (target 5 s), plus the layout time (cached by the app after the first time).

Every request to another host is blocked; the system Chromium is used.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx
from playwright.sync_api import Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.map_component import data_key, frontend_dir
from graph.render import RELATION_STYLES, layout_positions, network_data
from scripts.screenshot import (
    CHROMIUM,
    GRAPH_FRAME,
    Offline,
    launch_chromium,
    map_frame,
    run_app,
)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"

HOST_PAGE = """<!doctype html><html><body style="margin:0">
<iframe id="map" src="index.html" style="width:1000px;height:720px;border:0"></iframe>
<script>
const data = %s;
window.addEventListener("message", (event) => {
  if (event.data && event.data.type === "streamlit:componentReady") {
    window.renderSent = performance.now();
    event.source.postMessage({type: "streamlit:render", args: data}, "*");
  }
});
</script></body></html>"""


def synthetic_graph(n: int, seed: int = 7) -> nx.MultiDiGraph:
    """A concept graph of ``n`` concepts in 12 topics with about 2.5 edges each."""
    rng = random.Random(seed)
    relations = list(RELATION_STYLES)
    G = nx.MultiDiGraph(schema="concept-graph/1", model="synthetic", sources=[])
    for i in range(n):
        G.add_node(
            f"c{i}",
            label=f"concept {i}",
            definition=f"Concept {i} is a synthetic concept.",
            importance=rng.random(),
            topic=f"topic {i % 12}",
            mentions=rng.randint(1, 20),
        )
    for i in range(1, n):
        for _ in range(rng.choice((1, 2, 3, 4))):
            j = rng.randrange(max(0, i - 60), i)
            G.add_edge(f"c{j}", f"c{i}", relation=rng.choice(relations), confidence=rng.random())
    return G


def time_large_graph(page: Page, n: int) -> tuple[float, float]:
    """Seconds to lay out ``n`` concepts, and to draw them in the map component."""
    G = synthetic_graph(n)
    start = time.perf_counter()
    positions = layout_positions(G)
    layout = time.perf_counter() - start
    data = network_data(G, max_nodes=n, positions=positions)
    args = {"data": data, "draw": data_key(data), "height": 700, "caption": ""}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name in ("index.html", "vis-network.min.js"):
            (folder / name).write_bytes((frontend_dir() / name).read_bytes())
        (folder / "host.html").write_text(HOST_PAGE % json.dumps(args), encoding="utf-8")
        handler = _quiet_handler(str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            start = time.perf_counter()
            page.goto(f"http://127.0.0.1:{server.server_port}/host.html")
            handle = page.wait_for_selector("#map", state="attached")
            frame = handle.content_frame() if handle else None
            if frame is None:
                raise RuntimeError("no component frame")
            frame.wait_for_function("window.conceptAtlasReady === true", timeout=120_000)
            drawn = time.perf_counter() - start
            count = frame.evaluate("window.conceptAtlasNetwork.body.nodeIndices.length")
            if count != n:
                raise RuntimeError(f"drew {count} of {n} concepts")
        finally:
            server.shutdown()
    return layout, drawn


def _quiet_handler(folder: str) -> Callable[..., http.server.SimpleHTTPRequestHandler]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=folder, **kwargs)  # type: ignore[arg-type]

        def log_message(self, format: str, *args: object) -> None:
            """Silence the request log."""

    return Handler


def open_and_wait(page: Page, url: str) -> float:
    """Seconds from navigation to the map being drawn (``conceptAtlasReady``)."""
    start = time.perf_counter()
    page.goto(url, wait_until="domcontentloaded")
    map_frame(page).wait_for_function("window.conceptAtlasReady === true", timeout=120_000)
    return time.perf_counter() - start


def redraw_after(page: Page, action: Callable[[], None]) -> float:
    """Seconds from ``action`` to the map being drawn again (a new map or a redraw)."""
    page.evaluate(
        """(selector) => {
            for (const frame of document.querySelectorAll(selector)) {
                if (frame.contentWindow) { frame.contentWindow.conceptAtlasReady = false; }
            }
        }""",
        GRAPH_FRAME,
    )
    start = time.perf_counter()
    action()
    page.wait_for_function(
        """(selector) => {
            const frame = document.querySelector(selector);
            const view = frame && frame.contentWindow;
            return !!view && view.conceptAtlasReady === true;
        }""",
        arg=GRAPH_FRAME,
        timeout=120_000,
    )
    return time.perf_counter() - start


def type_into(page: Page, label: str, text: str) -> None:
    """Type ``text`` into the text box labelled ``label`` and submit it."""
    box = page.get_by_role("textbox", name=label, exact=True)
    box.fill(text)
    box.press("Enter")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--nodes", type=int, default=1000, help="concepts in the large graph")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"error: {CHROMIUM} not found", file=sys.stderr)
        return 1
    figures: dict[str, list[float]] = {"sample": [], "seeds": [], "focus": [], "draw": []}
    layouts: list[float] = []
    with run_app() as url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        offline = Offline()
        try:
            for run in range(args.runs + 1):  # the first run warms the server's caches
                page = browser.new_page(viewport={"width": 1440, "height": 1000})
                offline.attach(page)
                sample = open_and_wait(page, url)
                focus = redraw_after(
                    page, functools.partial(type_into, page, "Focus on a concept", "lstm")
                )
                seeds = float("nan")
                if SEEDS.is_dir():
                    page.get_by_text("A folder on this computer").click()
                    page.get_by_role("textbox", name="Folder path", exact=True).wait_for()
                    folder = functools.partial(type_into, page, "Folder path", str(SEEDS.resolve()))
                    seeds = redraw_after(page, folder)
                page.close()
                if run:
                    figures["sample"].append(sample)
                    figures["focus"].append(focus)
                    figures["seeds"].append(seeds)
            for _ in range(args.runs):
                page = browser.new_page()
                layout, drawn = time_large_graph(page, args.nodes)
                layouts.append(layout)
                figures["draw"].append(drawn)
                page.close()
        finally:
            browser.close()
    median = {name: statistics.median(values) for name, values in figures.items()}
    print(f"sample notes interactive:   {median['sample']:.2f} s after page load (target 3 s)")
    print(f"five seeds interactive:     {median['seeds']:.2f} s after the folder is entered "
          "(target 4 s)")  # fmt: skip
    print(f"switching focus:            {median['focus']:.2f} s (target 1 s)")
    print(f"{args.nodes} concepts drawn:      {median['draw']:.2f} s (target 5 s); layout "
          f"{statistics.median(layouts):.2f} s, computed once and cached")  # fmt: skip
    if offline.blocked:
        print(f"blocked requests: {offline.blocked}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
