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
import os
import shutil
from collections.abc import Callable, Hashable, Mapping
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.components.v1 import declare_component

from extraction.cache import default_cache_dir
from graph.render import vis_network_js

PAGE = Path(__file__).parent / "frontend" / "index.html"


@functools.cache
def frontend_dir() -> Path:
    """The folder Streamlit serves the component from: the page and vis-network.

    Named after the digest of both files, so an updated page or pyvis gets a new folder.
    """
    script = vis_network_js()
    digest = hashlib.sha256(PAGE.read_bytes() + script.read_bytes()).hexdigest()[:16]
    folder = default_cache_dir() / "component" / f"map-{digest}"
    if not (folder / "index.html").exists():
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


def concept_map(
    data: Mapping[str, Any],
    *,
    key: str,
    height: int,
    on_select: Callable[[Hashable], None],
    nodes: Mapping[str, Hashable],
    caption: str = "",
) -> None:
    """Draw ``data`` (:func:`graph.render.network_data`); a click on a concept calls
    ``on_select`` with its node (``nodes`` maps drawn ids back to nodes).

    Parameters
    ----------
    data : mapping
        Nodes, edges, options and the selected id.
    key : str
        The widget key: the page stays mounted across reruns and only redraws when
        ``data`` changes.
    height : int
        Height of the drawing in pixels.
    on_select : callable
        Called (as a widget callback, before the rerun) with the clicked node.
    nodes : mapping of str to node
        Drawn id -> node.
    caption : str
        A line of help drawn in the map's corner (as text).
    """

    def changed() -> None:
        node_id = clicked_node(st.session_state.get(key))
        if node_id is not None and node_id in nodes:
            on_select(nodes[node_id])

    _declare()(
        data=dict(data),
        draw=data_key(data),
        height=height,
        caption=caption,
        key=key,
        on_change=changed,
        default=None,
    )
