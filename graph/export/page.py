"""``html``: the interactive map as one standalone page that works offline, with a
title, what it shows, and a legend of its colours."""

from __future__ import annotations

import html
import os
from collections.abc import Hashable, Mapping
from pathlib import Path

import networkx as nx

from graph.counts import edge_counts
from graph.export._base import MARK, Written, encodable, one_line, plural
from graph.export.select import Selection
from graph.io import head, write_text
from graph.layout import NodeBox, Region, Viewport

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
    show_weak: bool | None = None,
    colours: Mapping[str, str] | None = None,
) -> str:
    """The page drawing ``G`` (all of it: cap it before), titled, with a legend; its
    concepts are laid out with their labels' boxes (:data:`PAGE_VIEWPORT`), so that
    no label covers another.

    A course too large to be read whole at a legible zoom is drawn as an atlas: each
    topic a region of its own, named on the map (:func:`graph.layout.grouped_layout`),
    and the page opens legibly on the largest topic (or on ``focus``'s). The page's
    controls find a concept by name, go to a topic or the whole map, and show or hide
    the weak links (:func:`controls_html`).

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
    show_weak : bool, optional
        Open with the weak links drawn; default as the app's map
        (:func:`graph.view.weak_links_first`: only when the stated relations leave most
        concepts without a line).
    colours : mapping of str to str, optional
        Topic colours (:func:`graph.render.topic_colours` of the whole graph ``G`` is a
        part of); default ``G``'s own.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("nmr", label="NMR <b>", topic="imaging")
    >>> text = page(G, title="Around <NMR>", total=3)
    >>> "<title>Around &lt;NMR&gt;</title>" in text, "1 of 3 concepts" in text
    (True, True)
    """
    from graph.layout import fits_at_once, grouped_layout, legible_layout, regions_view
    from graph.render import (
        Caption,
        concept_boxes,
        legend_html,
        legend_items,
        ranked_concepts,
        to_html,
    )
    from graph.view import weak_links_first

    if show_weak is None:
        show_weak = weak_links_first(G)
    ranked = ranked_concepts(G)
    if focus in G:
        ranked = [focus, *(node for node in ranked if node != focus)]
    boxes = concept_boxes(G, ranked)
    regions: list[Region] = []
    captions: list[Caption] = []
    view = None
    lines = G if show_weak else _stated(G)  # the lines drawn pull concepts together
    groups = topic_groups(G, ranked)
    layout = None
    if fits_at_once(boxes, PAGE_VIEWPORT) or G.number_of_nodes() < 2:
        layout = legible_layout(lines, ranked, boxes, PAGE_VIEWPORT, count=len(ranked))
        if not layout.fits and len(groups) > 1:
            layout = None  # too large after all: an atlas of its topics
        elif not layout.fits:
            view = layout.view()  # one topic: legible around its first concept
    if layout is None:
        layout, regions = grouped_layout(lines, groups, boxes, PAGE_VIEWPORT, titles=True)
        view = layout.view()
        captions = [
            Caption(
                region.name, (region.box[0] + region.box[2]) / 2, region.title_y, region.title_size
            )
            for region in regions
        ]
    drawn = to_html(
        G,
        max_nodes=max(1, G.number_of_nodes()),
        selected=focus,
        positions=layout.positions,
        view=view,
        hide_weak=not show_weak,
        captions=captions,
        colours=colours,
        regions={node: k for k, region in enumerate(regions) for node in region.nodes},
    )
    total = G.number_of_nodes() if total is None else total
    shown = plural(total, "concept")
    if total > G.number_of_nodes():
        shown = f"{G.number_of_nodes()} of {shown} drawn, the most important"
    counts = edge_counts(G)
    caption = f"{shown}; {counts.describe()}"
    if regions:
        caption += f". One region per topic: the map opens on {regions[0].name}."
    title = one_line(title)
    header = (
        f'<header id="concept-atlas-header" style="{_HEADER_CSS}">'
        f'<h1 style="font-size:20px;margin:0 0 4px">{html.escape(title)}</h1>'
        f'<p style="margin:0 0 6px;color:#52606d;font-size:13px">{html.escape(caption)}</p>'
        f"{controls_html(counts.weak, show_weak, bool(regions))}"
        f"{legend_html(legend_items(G, colours))}</header>"
    )
    if drawn.count("<head>") != 1 or drawn.count("<body>") != 1 or drawn.count("</body>") != 1:
        raise ValueError("unexpected page template: cannot add the title and the legend")
    drawn = drawn.replace("<head>", f"<head>\n{_GENERATOR}\n<title>{html.escape(title)}</title>")
    script = controls_script(G, ranked, regions, boxes, regions_view(regions, PAGE_VIEWPORT))
    drawn = drawn.replace("</body>", f"{script}\n</body>")
    # a lone surrogate (which UTF-8 cannot write) in any note text: U+FFFD
    return encodable(drawn.replace("<body>", f"<body>\n{header}"))


def _stated(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``G``'s concepts with its relations other than weak links (what the page draws
    when they are hidden)."""
    H = nx.MultiDiGraph()
    H.add_nodes_from(G)
    H.add_edges_from(
        (u, v)
        for u, v, relation in G.edges(data="relation")
        if relation not in (None, "related_to")
    )
    return H


def topic_groups(G: nx.MultiDiGraph, ranked: list[Hashable]) -> list[tuple[str, list[Hashable]]]:
    """``ranked`` split by topic, each group in the order of ``ranked``: the topic of
    the first node first (the focus, or the most important), then the largest topics;
    concepts of no topic make one group.

    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("a", {"topic": "x"}), ("b", {"topic": "y"}), ("c", {"topic": "y"})])
    >>> G.add_node("d")
    >>> topic_groups(G, ["a", "b", "c", "d"])
    [('x', ['a']), ('y', ['b', 'c']), ('Concepts of no topic', ['d'])]
    """
    groups: dict[str, list[Hashable]] = {}
    for node in ranked:
        topic = str(G.nodes[node].get("topic") or "").strip() or NO_TOPIC
        groups.setdefault(topic, []).append(node)
    if not groups:
        return []  # a graph of no concept
    first = next(iter(groups))
    return sorted(
        groups.items(), key=lambda item: (item[0] != first, item[0] == NO_TOPIC, -len(item[1]))
    )


#: The name of the region of concepts that have no topic.
NO_TOPIC = "Concepts of no topic"

_CONTROL_CSS = "font-size:13px;color:#1f2933;margin-right:18px"


def controls_html(weak: int, show_weak: bool, regions: bool) -> str:
    """The page's controls: a box that finds a concept by name, a picker of topics (when
    the map is drawn in regions) and the weak links' switch (when there are any). Their
    options are filled in by :func:`controls_script` (note text stays data).

    >>> text = controls_html(3955, False, True)
    >>> 'id="concept-atlas-find"' in text, "Show weak links (3,955)" in text, "checked" in text
    (True, True, False)
    """
    parts = [
        f'<label style="{_CONTROL_CSS}">Find a concept '
        '<input id="concept-atlas-find" list="concept-atlas-names" type="search" size="28" '
        'placeholder="type a name, press Enter" autocomplete="off">'
        '<datalist id="concept-atlas-names"></datalist></label>'
        '<span id="concept-atlas-status" role="status" '
        'style="font-size:13px;color:#b42318;margin-right:18px"></span>'
    ]
    if regions:
        parts.append(
            f'<label style="{_CONTROL_CSS}">Go to '
            '<select id="concept-atlas-topic"><option value="">the whole map</option></select>'
            "</label>"
        )
    if weak:
        checked = " checked" if show_weak else ""
        parts.append(
            f'<label style="{_CONTROL_CSS}" title="links of two concepts named together, '
            f'that the notes do not state as a relation">'
            f'<input id="concept-atlas-weak" type="checkbox"{checked}> '
            f"Show weak links ({weak:,})</label>"
        )
    return f'<div id="concept-atlas-controls" style="margin:0 0 6px">{"".join(parts)}</div>'


_CONTROLS_JS = """<script type="text/javascript">
(function () {
  var atlas = %(data)s;
  var find = document.getElementById("concept-atlas-find");
  var names = document.getElementById("concept-atlas-names");
  var status = document.getElementById("concept-atlas-status");
  var topic = document.getElementById("concept-atlas-topic");
  var weak = document.getElementById("concept-atlas-weak");
  atlas.labels.forEach(function (pair) {
    var option = document.createElement("option");
    option.value = pair[0];
    names.appendChild(option);
  });
  function lookUp(text) {
    var key = text.trim().toLowerCase();
    if (!key) { return null; }
    if (Object.prototype.hasOwnProperty.call(atlas.names, key)) { return atlas.names[key]; }
    for (var i = 0; i < atlas.labels.length; i++) {
      if (atlas.labels[i][0].toLowerCase().indexOf(key) >= 0) { return atlas.labels[i][1]; }
    }
    return null;
  }
  var last = {text: null, at: 0};
  function go() {
    var now = Date.now();  // Enter fires both keydown and change: move once
    if (find.value === last.text && now - last.at < 250) { return; }
    last = {text: find.value, at: now};
    var id = lookUp(find.value);
    status.textContent = "";
    if (!find.value.trim()) { return; }
    if (id === null) {
      status.textContent = "No concept is named \u201c" + find.value.trim() + "\u201d.";
      return;
    }
    // no animation: vis-network leaves an interrupted animation's step behind, which
    // throws the view back at the next redraw
    network.moveTo({position: network.getPosition(id),
                    scale: Math.max(network.getScale(), atlas.legible)});
    network.selectNodes([id]);
    window.conceptAtlasFound = id;
  }
  find.addEventListener("change", go);
  find.addEventListener("keydown", function (event) { if (event.key === "Enter") { go(); } });
  if (topic) {
    atlas.regions.forEach(function (region, k) {
      var option = document.createElement("option");
      option.value = String(k);
      option.textContent = region.name + " (" + region.count + ")";
      topic.appendChild(option);
    });
    topic.addEventListener("change", function () {
      if (topic.value === "") {  // every region, names included
        network.moveTo({position: {x: atlas.whole.x, y: atlas.whole.y},
                        scale: atlas.whole.scale});
        return;
      }
      var view = atlas.regions[Number(topic.value)].view;
      network.moveTo({position: {x: view.x, y: view.y}, scale: view.scale});
    });
  }
  if (weak) {
    weak.addEventListener("change", function () {
      var shown = weak.checked;
      edges.update(edges.get({filter: function (edge) { return edge.weak === true; }})
        .map(function (edge) { return {id: edge.id, hidden: !shown}; }));
    });
  }
})();
</script>"""


def controls_script(
    G: nx.MultiDiGraph,
    ranked: list[Hashable],
    regions: list[Region],
    boxes: Mapping[Hashable, NodeBox],
    whole: Mapping[str, float] | None = None,
) -> str:
    """The script of :func:`controls_html`: every concept's label (the finder's
    suggestions, most important first), every name it answers to (label, id, aliases:
    a name two concepts share finds the more important), each region's view and the view
    of them all (``whole``); all of it data (:func:`graph.render.page_literal`), never
    markup."""
    from graph.layout import min_zoom
    from graph.render import page_literal

    labels: list[list[str]] = []
    names: dict[str, str] = {}
    for node in ranked:
        attrs = G.nodes[node]
        label = " ".join(str(attrs.get("label") or node).split())
        labels.append([label, str(node)])
        for name in (
            label,
            str(attrs.get("label") or ""),
            str(node),
            *(attrs.get("aliases") or ()),
        ):
            key = " ".join(str(name).split()).lower()
            if key:
                names.setdefault(key, str(node))
    data = {
        "labels": labels,
        "names": names,
        "regions": [
            {"name": region.name, "count": len(region.nodes), "view": region.view}
            for region in regions
        ],
        "legible": min(1.0, min_zoom(boxes)) if boxes else 1.0,
        "whole": None if whole is None else dict(whole),
    }
    return _CONTROLS_JS % {"data": page_literal(data)}


def write_html(
    G: nx.MultiDiGraph,
    path: str | os.PathLike[str],
    *,
    focus: Hashable | None = None,
    title: str = "Concept Atlas",
    total: int | None = None,
    colours: Mapping[str, str] | None = None,
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
    drawn = cap(G, HTML_MAX_NODES, focus)
    if colours is None and drawn is not G:  # the concepts left out keep their colours
        from graph.render import topic_colours

        colours = topic_colours(G)
    text = page(drawn, focus=focus, title=title, total=total, colours=colours)
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
    write_html(
        drawn,
        path,
        focus=selection.focus,
        title=selection.title,
        total=selection.total,
        colours=selection.colours,
    )
    return Written(path, "html", drawn, total=selection.total)
