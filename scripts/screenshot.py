"""Screenshot the app: ``python scripts/screenshot.py [--folder NOTES] [--out FILE]``.

Starts ``streamlit run streamlit_app.py`` on a free local port, opens it in the system
Chromium (``/usr/bin/chromium``; Playwright never downloads a browser here) with every
request to another host blocked, waits until the concept map has been drawn, and saves
a 1440x900 screenshot. With ``--folder`` the app reads that folder of notes; ``--topic``
then opens the largest topic (when the map draws topics; ``--concept`` then clicks the
largest concept drawn, for the panel), ``--search QUERY`` types a query in the map's
search box, ``--path TARGET`` shows the learning path to TARGET, ``--tab NAME`` then
opens another tab; ``--no-sidebar`` folds the
sidebar away (the README's picture of the seeds' overview shows topic names only:
``--folder ../shared/seeds --no-sidebar``). ``tests/test_browser.py`` drives the app
with the same helpers.
"""

from __future__ import annotations

import argparse
import http.server
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Frame, Page, Playwright, Route, sync_playwright
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a script: the project's packages
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
#: Chromium flags that cut every host but this machine off below the page: no name
#: resolves and every proxied request fails. Unlike :class:`Offline`, which intercepts
#: requests (and can stall a second component frame's script load), nothing is routed.
CUT_OFF_ARGS = [
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=127.0.0.1",
]
GRAPH_FRAME = 'iframe[src*="concept_map"]'
VIEWPORT = {"width": 1440, "height": 900}


HOST_PAGE = """<!doctype html><html><body style="margin:0">
<iframe id="map" src="index.html" style="width:%(width)dpx;height:%(height)dpx;border:0"></iframe>
<script>
const args = %(args)s;
window.addEventListener("message", (event) => {
  const message = event.data || {};
  if (message.type === "streamlit:componentReady") {
    event.source.postMessage({type: "streamlit:render", args: args}, "*");
  } else if (message.type === "streamlit:setFrameHeight") {
    document.getElementById("map").style.height = message.height + "px";
  }
});
</script></body></html>"""


@contextmanager
def component_page(args: dict, width: int, height: int) -> Iterator[str]:
    """Serve the map component's page (and vis-network) from a temporary folder on this
    machine, inside a host page that hands it ``args`` as Streamlit would; yields the
    host page's URL. The component is drawn in a ``width`` x ``height`` frame."""
    from app.map_component import frontend_dir
    from graph.io import replace_file

    with tempfile.TemporaryDirectory(prefix="concept-atlas-page-") as tmp:
        folder = Path(tmp)

        def fresh(path: Path) -> bool:
            return False  # the folder was just made: nothing in it is to be replaced

        for name in ("index.html", "vis-network.min.js"):
            source = frontend_dir() / name
            replace_file(folder / name, lambda tmp, s=source: shutil.copyfile(s, tmp), owned=fresh)
        page = HOST_PAGE % {"width": width, "height": height, "args": json.dumps(args)}
        replace_file(
            folder / "host.html", lambda tmp: tmp.write_text(page, encoding="utf-8"), owned=fresh
        )

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *a: object, **k: object) -> None:
                super().__init__(*a, directory=str(folder), **k)  # type: ignore[arg-type]

            def log_message(self, format: str, *a: object) -> None:
                """Silence the request log."""

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_port}/host.html"
        finally:
            server.shutdown()
            server.server_close()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def run_app(timeout: float = 60.0) -> Iterator[str]:
    """Serve ``streamlit_app.py`` headless on a free port; yields its URL.

    Raises
    ------
    RuntimeError
        If the server exits or is not healthy within ``timeout`` seconds.
    """
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"),
        "--server.headless", "true",
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
        "--client.toolbarMode", "viewer",
    ]  # fmt: skip
    server = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if server.poll() is not None:
                output = server.stdout.read() if server.stdout else ""
                raise RuntimeError(f"streamlit exited with {server.returncode}:\n{output}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"streamlit not healthy on {url} after {timeout:.0f} s")
            time.sleep(0.25)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        if server.stdout:
            server.stdout.close()


def launch_chromium(playwright: Playwright, *, cut_off: bool = False) -> Browser:
    """The system Chromium, headless, with background networking off (and with every
    other host unreachable when ``cut_off``: see :data:`CUT_OFF_ARGS`)."""
    args = [*CHROMIUM_ARGS, *(CUT_OFF_ARGS if cut_off else [])]
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=args)


@dataclass
class Offline:
    """Blocks every request to a host other than this machine and records it."""

    blocked: list[tuple[str, str]] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        """Route every request of ``page`` (and its frames) through :meth:`handle`."""
        page.route("**/*", self.handle)

    def handle(self, route: Route) -> None:
        request = route.request
        host = urlsplit(request.url).hostname or ""
        if urlsplit(request.url).scheme in {"http", "https", "ws", "wss"} and (
            host not in LOCAL_HOSTS
        ):
            self.blocked.append((request.url, request.frame.url))
            route.abort()
        else:
            route.continue_()


def open_map(page: Page, url: str, timeout_ms: float = 120_000) -> tuple[Frame, float]:
    """Open the app and wait until its concept map is drawn and settled.

    Returns
    -------
    tuple[Frame, float]
        The map component's frame and the seconds from navigation to
        ``window.conceptAtlasReady``.
    """
    start = time.monotonic()
    page.goto(url, wait_until="domcontentloaded")
    frame = map_frame(page, timeout_ms)
    frame.wait_for_function("window.conceptAtlasReady === true", timeout=timeout_ms)
    return frame, time.monotonic() - start


def map_frame(page: Page, timeout_ms: float = 120_000, index: int = 0) -> Frame:
    """The frame of the ``index``-th map component on the page (0: the main map)."""
    page.wait_for_selector(GRAPH_FRAME, state="attached", timeout=timeout_ms)
    handle = page.query_selector_all(GRAPH_FRAME)[index]
    frame = handle.content_frame()
    if frame is None:
        raise RuntimeError("the concept map iframe has no frame")
    return frame


_NODE_POINT = """(id) => {
    const network = window.conceptAtlasNetwork;
    const point = network.canvasToDOM(network.getPosition(id));
    return {x: point.x, y: point.y};
}"""


def click_node(page: Page, frame: Frame, node_id: str) -> None:
    """Click the concept ``node_id`` on the map, at its pixel on the canvas."""
    point = frame.evaluate(_NODE_POINT, node_id)
    box = frame.frame_element().bounding_box()
    canvas = frame.evaluate(
        "() => { const r = document.querySelector('#mynetwork canvas')"
        ".getBoundingClientRect(); return {x: r.left, y: r.top}; }"
    )
    if box is None:
        raise RuntimeError("the concept map is not on screen")
    page.mouse.click(box["x"] + canvas["x"] + point["x"], box["y"] + canvas["y"] + point["y"])


def hover_away(page: Page, frame: Frame) -> None:
    """Move the mouse to an empty corner of the map, so no tooltip covers it."""
    box = frame.frame_element().bounding_box()
    if box is not None:
        page.mouse.move(box["x"] + 6, box["y"] + 6)
        page.mouse.move(box["x"] + 8, box["y"] + 8)


def visible_tooltips(frame: Frame) -> list[str]:
    """The text of every vis-network tooltip shown on the map in ``frame``."""
    return list(
        frame.evaluate(
            """() => Array.from(document.querySelectorAll("div.vis-tooltip"))
                .filter((tip) => getComputedStyle(tip).visibility !== "hidden")
                .map((tip) => tip.innerText)"""
        )
    )


def top_concept(frame: Frame) -> tuple[str, str]:
    """The id and label of the largest (most important) concept drawn."""
    node_id, label = frame.evaluate(
        """() => {
            const nodes = window.conceptAtlasNetwork.body.data.nodes.get();
            nodes.sort((a, b) => b.size - a.size);
            return [nodes[0].id, nodes[0].label];
        }"""
    )
    return str(node_id), str(label)


def click_top_concept(page: Page, frame: Frame, timeout_ms: float = 60_000) -> str:
    """Click the largest (most important) concept on the map and wait until the concept
    panel shows it; returns its label."""
    node_id, label = top_concept(frame)
    click_node(page, frame, node_id)
    page.get_by_role("heading", name=label, exact=True).wait_for(timeout=timeout_ms)
    return label


def painted_pixels(frame: Frame) -> int:
    """How many pixels of the vis-network canvas are not transparent."""
    return int(
        frame.evaluate(
            """() => {
                const canvas = document.querySelector("#mynetwork canvas");
                if (!canvas || !canvas.width || !canvas.height) { return 0; }
                const ctx = canvas.getContext("2d");
                const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
                let painted = 0;
                for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { painted++; } }
                return painted;
            }"""
        )
    )


def drawing(frame: Frame) -> str | None:
    """The key of what the map in ``frame`` draws now (changes with every new drawing)."""
    return frame.evaluate("window.conceptAtlasDrawn || null")


def wait_for_new_drawing(
    page: Page, before: str | None, index: int = 0, timeout_ms: float = 120_000
) -> Frame:
    """Wait until the ``index``-th map draws something other than ``before`` and is
    ready (a size report, a topic, a focus...); returns its frame.

    The map's frame is looked up again every :data:`FRAME_POLL_MS`: a rerun that removes
    the map (no notes yet) and one that draws it again may replace the frame, and a
    frame found just before it was removed never draws."""
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        left_ms = max(1.0, (deadline - time.monotonic()) * 1000)
        try:
            frame = map_frame(page, left_ms, index)
            frame.wait_for_function(
                "(before) => window.conceptAtlasDrawn !== undefined && "
                "window.conceptAtlasDrawn !== before && window.conceptAtlasReady === true",
                arg=before,
                timeout=min(left_ms, FRAME_POLL_MS),
            )
            return frame
        except (PlaywrightError, IndexError, RuntimeError):  # no frame, or it went away
            if time.monotonic() >= deadline:
                raise


#: How long :func:`wait_for_new_drawing` waits on one frame before looking it up again.
FRAME_POLL_MS = 2000


_OVERVIEW_ONLY = (
    "() => window.conceptAtlasNetwork.body.data.nodes.getIds()"
    ".every(id => String(id).startsWith('topic:'))"
)


def open_topic(page: Page, frame: Frame, node_id: str, timeout_ms: float = 120_000) -> Frame:
    """Click the topic ``node_id`` on the overview and wait until the map draws its
    concepts; returns the map's frame.

    The map may draw the overview once more first (the rerun of a size report, after the
    sidebar folds): that drawing is waited past, and the topic clicked again, since a
    click that lands while the page is being drawn can be lost."""
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        before = drawing(frame)
        click_node(page, frame, node_id)
        left_ms = max(1_000.0, (deadline - time.monotonic()) * 1000)
        frame = wait_for_new_drawing(page, before, timeout_ms=left_ms)
        if not frame.evaluate(_OVERVIEW_ONLY):
            return frame
        if time.monotonic() >= deadline:
            raise RuntimeError(f"the map still draws the overview after clicking {node_id}")


_HAS_TOPICS = (
    "() => window.conceptAtlasNetwork.body.data.nodes.getIds()"
    ".some(id => String(id).startsWith('topic:'))"
)


def search_map(page: Page, frame: Frame, query: str, timeout_ms: float = 120_000) -> Frame:
    """Type ``query`` in the map's search box and wait until the map draws what it
    found; returns the map's frame."""
    before = drawing(frame)
    box = page.get_by_role("textbox", name="Find a concept", exact=True)
    box.fill(query)
    box.press("Enter")
    return wait_for_new_drawing(page, before, timeout_ms=timeout_ms)


def open_folder(page: Page, folder: Path, timeout_ms: float = 600_000) -> Frame:
    """Point the app at a folder of notes and wait for its map; returns the map's frame."""
    before = drawing(map_frame(page))
    page.get_by_text("A folder on this computer").click()
    box = page.get_by_role("textbox", name="Folder path", exact=True)
    box.fill(str(folder))
    box.press("Enter")
    return wait_for_new_drawing(page, before, timeout_ms=timeout_ms)


def open_tab(page: Page, name: str, timeout_ms: float = 120_000) -> None:
    """Open one of the app's tabs and wait until the app has drawn it.

    A tab other than the map is made only when it is open, by the rerun its click
    starts; a click that lands while the page is still being drawn can be lost. The
    tab is clicked again until it shows as selected, then the rerun is waited for.
    """
    tab = page.get_by_role("tab", name=name, exact=True)
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        tab.click()
        try:
            page.wait_for_function(
                "(t) => t.getAttribute('aria-selected') === 'true'",
                arg=tab.element_handle(),
                timeout=5_000,
            )
            break
        except PlaywrightTimeoutError:
            if time.monotonic() > deadline:
                raise
    wait_until_idle(page, max(1_000.0, (deadline - time.monotonic()) * 1000))


def wait_until_idle(page: Page, timeout_ms: float = 120_000) -> None:
    """Wait until Streamlit has no script run going (its "Running..." widget is gone)."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget]')"
        " || !document.querySelector('[data-testid=stStatusWidget]').innerText"
        ".includes('Running')",
        timeout=timeout_ms,
    )


def fold_sidebar(page: Page, timeout_ms: float = 60_000) -> None:
    """Fold the sidebar away (its button, then wait until it is gone). A click that
    lands while the page is being drawn again can be lost: the button is clicked again
    until the sidebar is folded."""
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        page.get_by_test_id("stSidebarCollapseButton").locator("button").click(force=True)
        try:
            page.wait_for_function(
                "() => { const s = document.querySelector('[data-testid=stSidebar]');"
                " return !s || s.getAttribute('data-collapsed') === 'true'; }",
                timeout=5_000,
            )
            return
        except PlaywrightTimeoutError:
            if time.monotonic() > deadline:
                raise


#: Every label drawn on the map as a box on the page: its text, font size on screen and
#: its rectangle (from vis-network's positions and label sizes, through canvasToDOM).
#: vis-network measures a label where it draws it; a node outside the view is not drawn,
#: so its label keeps the mark :data:`FORGET_LABELS` left and is listed under ``unmeasured``
#: (a label measured in an earlier view, or never, must not count as drawn here).
LABEL_BOXES = """() => {
    const network = window.conceptAtlasNetwork;
    const scale = network.getScale();
    const out = [], unmeasured = [];
    for (const id of network.body.nodeIndices) {
        const node = network.body.nodes[id];
        const size = node.labelModule.size;
        if (!node.options.label) { continue; }
        if (!Number.isFinite(size.left) || !Number.isFinite(size.top)
                || Math.abs(size.left + size.width / 2 - node.x) > 1) {
            unmeasured.push(node.options.label);
            continue;
        }
        const topLeft = network.canvasToDOM({x: size.left, y: size.top});
        out.push({
            id: id, label: node.options.label,
            px: node.options.font.size * scale,
            left: topLeft.x, top: topLeft.y,
            width: size.width * scale, height: size.height * scale,
        });
    }
    return {boxes: out, unmeasured: unmeasured, width: network.canvas.frame.clientWidth,
            height: network.canvas.frame.clientHeight};
}"""


#: Marks every label as not measured, so that the next redraw measures exactly the
#: labels it draws.
FORGET_LABELS = """() => {
    const network = window.conceptAtlasNetwork;
    for (const id of network.body.nodeIndices) {
        const size = network.body.nodes[id].labelModule.size;
        size.left = NaN;
        size.top = NaN;
    }
}"""


def label_boxes(frame: Frame) -> dict:
    """The map's labels as drawn (:data:`LABEL_BOXES`), after a redraw so that every
    label drawn has been measured at the current zoom, and no other one counts."""
    frame.evaluate(FORGET_LABELS)
    frame.evaluate("window.conceptAtlasNetwork.redraw()")
    frame.wait_for_timeout(100)
    return frame.evaluate(LABEL_BOXES)


def overlaps(boxes: list[dict], tolerance: float = 3.0) -> list[tuple[str, str, float]]:
    """Pairs of labels whose rectangles overlap by more than ``tolerance`` pixels both
    ways, with the overlap."""
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            dx = min(a["left"] + a["width"], b["left"] + b["width"]) - max(a["left"], b["left"])
            dy = min(a["top"] + a["height"], b["top"] + b["height"]) - max(a["top"], b["top"])
            if dx > tolerance and dy > tolerance:
                found.append((a["label"], b["label"], round(min(dx, dy), 1)))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--folder", type=Path, help="read this folder of notes")
    parser.add_argument("--topic", action="store_true", help="open the largest topic")
    parser.add_argument(
        "--concept", action="store_true", help="then click its largest concept (the panel)"
    )
    parser.add_argument(
        "--search", metavar="QUERY", help="type QUERY in the map's search box (its neighbourhood)"
    )
    parser.add_argument("--path", metavar="TARGET", help="show the learning path to TARGET")
    parser.add_argument("--tab", help="then open this tab (Topics, Export, Notes...)")
    parser.add_argument("--no-sidebar", action="store_true", help="fold the sidebar away")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"error: {CHROMIUM} not found", file=sys.stderr)
        return 1
    with run_app() as url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page(viewport=VIEWPORT)
            offline = Offline()
            offline.attach(page)
            frame, seconds = open_map(page, url)
            if args.folder:
                frame = open_folder(page, args.folder.resolve())
            if args.no_sidebar:
                before = drawing(frame)
                fold_sidebar(page)
                frame = wait_for_new_drawing(page, before)  # the map widens: a new layout
            if args.topic and frame.evaluate(_HAS_TOPICS):
                frame = open_topic(page, frame, "topic:0")
            elif args.topic:
                print("the map draws every concept: no topic to open", file=sys.stderr)
            if args.search:
                frame = search_map(page, frame, args.search)
            if args.concept:
                click_top_concept(page, frame)
            if args.path:
                open_tab(page, "Learning path")  # clicked again if a busy page lost it
                box = page.get_by_role("textbox", name="I want to learn", exact=True)
                box.fill(args.path)
                box.press("Enter")
                page.wait_for_function(  # a picture, or a path of one step (none)
                    f"document.querySelectorAll('{GRAPH_FRAME}').length === 2 || "
                    "document.body.innerText.includes('state nothing you need before')",
                    timeout=60_000,
                )
                if len(page.query_selector_all(GRAPH_FRAME)) == 2:
                    frame = map_frame(page, index=1)
                    frame.wait_for_function("window.conceptAtlasReady === true", timeout=60_000)
                else:  # a path of one step: no picture, and the map's tab is hidden
                    frame = None
            if args.tab:
                open_tab(page, args.tab)
                frame = None  # the map's tab is hidden: nothing of it to measure
            labels, painted = {"boxes": []}, 1
            if frame is not None:
                labels = label_boxes(frame)
                painted = painted_pixels(frame)
                hover_away(page, frame)
            page.wait_for_timeout(800)  # let the rerun's fade settle
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out))
        finally:
            browser.close()
    for blocked, origin in offline.blocked:
        print(f"blocked {blocked} (from {origin})", file=sys.stderr)
    smallest = min((box["px"] for box in labels["boxes"]), default=0)
    print(
        f"map ready {seconds:.2f} s after opening the app; {len(labels['boxes'])} labels, "
        f"the smallest {smallest:.1f} px, {len(overlaps(labels['boxes']))} overlapping; "
        f"{painted} pixels drawn; wrote {args.out}"
    )
    return 0 if painted and not offline.blocked else 1


if __name__ == "__main__":
    sys.exit(main())
