"""``html``: the interactive map as one standalone page that works offline, with a
title, what it shows, and a legend of its colours."""

from __future__ import annotations

import html
import os
from collections.abc import Hashable
from pathlib import Path

import networkx as nx

from graph.counts import edge_counts
from graph.export._base import MARK, Written, encodable, one_line, plural
from graph.export.select import Selection
from graph.io import head, write_text
from graph.layout import Viewport

FORMATS = ("html",)
SUFFIX = ".html"
FOLDER = False

#: An HTML export draws at most this many concepts, the most important (pyvis slows
#: down beyond); the page says so when it leaves some out.
HTML_MAX_NODES = 1000

#: The shape the page's drawing is laid out for (its map is 720 px tall): every
#: concept is placed with its label's box (:func:`graph.layout.legible_layout`), so no
#: two labels overlap at any zoom.
PAGE_VIEWPORT = Viewport(1400, 720)

_GENERATOR = f'<meta name="generator" content="{MARK}">'
_HEADER_CSS = (
    "font-family:Inter,'Segoe UI',Helvetica,Arial,sans-serif;color:#1f2933;"
    "padding:12px 16px 6px;border-bottom:1px solid #e4e7eb"
)


def is_own(path: Path) -> bool:
    """Whether ``path`` is a page this module wrote (its generator tag)."""
    return _GENERATOR.encode() in head(path, 4096)


def page(
    G: nx.MultiDiGraph,
    *,
    focus: Hashable | None = None,
    title: str = "Concept Atlas",
    total: int | None = None,
) -> str:
    """The page drawing ``G`` (all of it: cap it before), titled, with a legend; its
    concepts are laid out with their labels' boxes (:data:`PAGE_VIEWPORT`), so that
    no label covers another.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The concepts and relations to draw.
    focus : node, optional
        Selected when the page opens.
    title : str
        The page's title and heading (note text: on one line, escaped).
    total : int, optional
        How many concepts the view had before it was capped to ``G`` (said under the
        title).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("nmr", label="NMR <b>", topic="imaging")
    >>> text = page(G, title="Around <NMR>", total=3)
    >>> "<title>Around &lt;NMR&gt;</title>" in text, "1 of 3 concepts" in text
    (True, True)
    """
    from graph.layout import legible_layout
    from graph.render import concept_boxes, legend_html, legend_items, ranked_concepts, to_html

    ranked = ranked_concepts(G)
    if focus in G:
        ranked = [focus, *ranked]
    boxes = concept_boxes(G, ranked)
    layout = legible_layout(G, ranked, boxes, PAGE_VIEWPORT, count=len(ranked))
    drawn = to_html(
        G, max_nodes=max(1, G.number_of_nodes()), selected=focus, positions=layout.positions
    )
    total = G.number_of_nodes() if total is None else total
    shown = plural(total, "concept")
    if total > G.number_of_nodes():
        shown = f"{G.number_of_nodes()} of {shown} drawn, the most important"
    caption = f"{shown}; {edge_counts(G).describe()}"
    title = one_line(title)
    header = (
        f'<header id="concept-atlas-header" style="{_HEADER_CSS}">'
        f'<h1 style="font-size:20px;margin:0 0 4px">{html.escape(title)}</h1>'
        f'<p style="margin:0 0 6px;color:#52606d;font-size:13px">{html.escape(caption)}</p>'
        f"{legend_html(legend_items(G))}</header>"
    )
    if drawn.count("<head>") != 1 or drawn.count("<body>") != 1:
        raise ValueError("unexpected page template: cannot add the title and the legend")
    drawn = drawn.replace("<head>", f"<head>\n{_GENERATOR}\n<title>{html.escape(title)}</title>")
    # a lone surrogate (which UTF-8 cannot write) in any note text: U+FFFD
    return encodable(drawn.replace("<body>", f"<body>\n{header}"))


def write_html(
    G: nx.MultiDiGraph,
    path: str | os.PathLike[str],
    *,
    focus: Hashable | None = None,
    title: str = "Concept Atlas",
    total: int | None = None,
) -> None:
    """Write :func:`page` of ``G``, at most :data:`HTML_MAX_NODES` concepts (the most
    important; the page says how many of how many it draws).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("nmr", label="NMR")
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "map.html"
    >>> write_html(G, path, title="My course")
    >>> text = path.read_text(encoding="utf-8")
    >>> "NMR" in text, "<title>My course</title>" in text
    (True, True)
    """
    total = G.number_of_nodes() if total is None else total
    text = page(cap(G, HTML_MAX_NODES, focus), focus=focus, title=title, total=total)
    write_text(path, text, owned=is_own, what="map page")


def cap(G: nx.MultiDiGraph, limit: int, focus: Hashable | None = None) -> nx.MultiDiGraph:
    """``G`` cut to its ``limit`` most important concepts, ``focus`` among them.

    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("a", {"importance": 0.9}), ("b", {"importance": 0.5}), ("c", {})])
    >>> sorted(cap(G, 2)), sorted(cap(G, 2, focus="c"))
    (['a', 'b'], ['a', 'c'])
    """
    if G.number_of_nodes() <= limit:
        return G
    from graph.render import ranked_concepts

    keep = ranked_concepts(G)[:limit]
    if focus in G and focus not in keep:
        keep[-1] = focus
    return G.subgraph(keep).copy()


def write(selection: Selection, path: Path, fmt: str) -> Written:
    drawn = cap(selection.graph, HTML_MAX_NODES, selection.focus)
    write_html(drawn, path, focus=selection.focus, title=selection.title, total=selection.total)
    return Written(path, "html", drawn, total=selection.total)
