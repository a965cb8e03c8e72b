"""The clickable concept map: a hand-written Streamlit component (no npm build, no CDN).

``frontend/index.html`` draws :func:`graph.render.network_data` with vis-network and
sends back the concept that was clicked. The vis-network script is the one the
installed pyvis package ships; it is copied with the page into a folder under the
user cache, which Streamlit serves from this machine.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import math
import os
import shutil
import tempfile
from collections.abc import Callable, Hashable, Mapping
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.components.v1 import declare_component

from extraction.cache import default_cache_dir
from graph.render import vis_network_js

log = logging.getLogger(__name__)
PAGE = Path(__file__).parent / "frontend" / "index.html"


@functools.cache
def frontend_dir() -> Path:
    """The folder Streamlit serves the component from: the page and vis-network.

    Named after the digest of both files, so an updated page or pyvis gets a new folder.
    """
    script = vis_network_js()
    digest = hashlib.sha256(PAGE.read_bytes() + script.read_bytes()).hexdigest()[:16]
    try:
        return _copied(default_cache_dir() / "component" / f"map-{digest}", script)
    except OSError as exc:  # the cache folder cannot be used: a private folder instead
        log.warning("the map's page is served from a temporary folder (%s)", exc)
        return _copied(Path(tempfile.mkdtemp(prefix="concept-atlas-map-")), script)


def _copied(folder: Path, script: Path) -> Path:
    """``folder`` holding the page and vis-network (copied unless already there)."""
    if not (folder / "index.html").is_file():
        folder.mkdir(parents=True, exist_ok=True)
        for source, name in ((script, "vis-network.min.js"), (PAGE, "index.html")):
            partial = folder / f".{name}.{os.getpid()}"
            shutil.copyfile(source, partial)
            os.replace(partial, folder / name)  # index.html last: its presence means done
    return folder


def _declare() -> Any:
    return declare_component("concept_map", path=str(frontend_dir()))


def data_key(data: Mapping[str, Any]) -> str:
    """A digest of what is drawn (not of the selection): the page redraws only when it
    changes, and otherwise just moves the selection."""
    drawn = {name: value for name, value in data.items() if name != "selected"}
    return hashlib.sha256(json.dumps(drawn, sort_keys=True, default=str).encode()).hexdigest()


def clicked_node(value: Any) -> str | None:
    """The node id in a value the page sent (``{"node": id, "clicks": n}``), or None."""
    if isinstance(value, Mapping) and isinstance(value.get("node"), str):
        return value["node"]
    return None


def reported_size(value: Any) -> tuple[int, int] | None:
    """The drawing's size on screen in a value the page sent
    (``{"viewport": {"width": w, "height": h}}``), or None; sizes are clamped to
    :data:`SIZE_LIMITS` (the page is trusted with a layout, not with memory).

    Examples
    --------
    >>> reported_size({"viewport": {"width": 931.4, "height": 600}, "clicks": 0})
    (931, 600)
    >>> reported_size({"viewport": {"width": "x"}}) is None, reported_size(None) is None
    (True, True)
    >>> reported_size({"viewport": {"width": 10**9, "height": 1}})
    (4000, 200)
    """
    if not isinstance(value, Mapping) or not isinstance(value.get("viewport"), Mapping):
        return None
    size = value["viewport"]
    width, height = size.get("width"), size.get("height")
    if not all(isinstance(v, int | float) and math.isfinite(v) for v in (width, height)):
        return None
    (low_w, high_w), (low_h, high_h) = SIZE_LIMITS
    return (
        int(min(high_w, max(low_w, round(width)))),
        int(min(high_h, max(low_h, round(height)))),
    )


def size_key(key: str) -> str:
    """The session-state key under which the size of map ``key`` is kept."""
    return f"{key}:size"


def drawn_size(key: str, default: tuple[int, int]) -> tuple[int, int]:
    """The size map ``key`` last reported, else ``default`` (what a first drawing is
    laid out for, before the page has measured itself)."""
    size = st.session_state.get(size_key(key))
    return size if isinstance(size, tuple) and len(size) == 2 else default


def concept_map(
    data: Mapping[str, Any],
    *,
    key: str,
    height: int,
    on_select: Callable[[Hashable], None],
    nodes: Mapping[str, Hashable],
    caption: str = "",
    size: tuple[int, int] | None = None,
    fill: bool = False,
    reserve: int = 0,
) -> None:
    """Draw ``data`` (:func:`graph.render.network_data`); a click on a concept calls
    ``on_select`` with its node (``nodes`` maps drawn ids back to nodes).

    Parameters
    ----------
    data : mapping
        Nodes, edges, options, the initial view and the selected id.
    key : str
        The widget key: the page stays mounted across reruns and only redraws when
        ``data`` changes.
    height : int
        Height of the drawing in pixels (with ``fill``: until the page has measured
        the window).
    on_select : callable
        Called (as a widget callback, before the rerun) with the clicked node.
    nodes : mapping of str to node
        Drawn id -> node.
    caption : str
        A line of help drawn in the map's corner (as text).
    size : tuple of int, optional
        The (width, height) ``data`` was laid out for. When the page's own size differs,
        it reports its size (kept for :func:`drawn_size`, then the app reruns) instead
        of drawing a layout made for another screen.
    fill : bool
        Take the height left in the window below the map, less ``reserve`` pixels.
    reserve : int
        Room to leave below the map (for its caption), with ``fill``.
    """

    def changed() -> None:
        value = st.session_state.get(key)
        measured = reported_size(value)
        if measured is not None:
            st.session_state[size_key(key)] = measured
            return
        node_id = clicked_node(value)
        if node_id is not None and node_id in nodes:
            on_select(nodes[node_id])

    viewport = None if size is None else {"width": size[0], "height": size[1]}
    _declare()(
        data=dict(data),
        draw=data_key(data),
        height=height,
        caption=caption,
        viewport=viewport,
        fill=fill,
        reserve=reserve,
        minHeight=MIN_FILL_HEIGHT if fill else height,
        maxHeight=MAX_FILL_HEIGHT,
        key=key,
        on_change=changed,
        default=None,
    )


#: The sizes a page may report: (least, most) width and height in pixels.
SIZE_LIMITS = ((240, 4000), (200, 2400))
#: The shortest and the tallest a map that fills the window is drawn.
MIN_FILL_HEIGHT = 420
MAX_FILL_HEIGHT = 1100
