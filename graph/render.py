"""Draw a concept graph as a standalone, offline HTML page (pyvis / vis-network).

The page carries vis-network in-line and references nothing on the network: pyvis's
hard-coded CDN tags are stripped and :func:`to_html` checks that no external URL is
left (:func:`external_urls`). Notes are untrusted, so every piece of note text reaches
the page only as JSON data (``<``, ``>``, ``&`` and ``'`` escaped as ``\\uXXXX``) and is
shown by vis-network as plain text (canvas labels; tooltips set with ``innerText``).

The page sets ``window.conceptAtlasReady = true`` once the map has been drawn with its
final layout, so that browser tests can wait on it instead of polling the canvas
(``window.conceptAtlasReadyMs`` says when, in milliseconds since the page started).

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("nmr", label="NMR", importance=0.9, topic="imaging")
>>> G.add_node("mri", label="MRI", importance=0.7, topic="imaging")
>>> _ = G.add_edge("nmr", "mri", relation="prerequisite_of", confidence=0.9, evidence=[])
>>> page = to_html(G)
>>> page.startswith("<html>") and "conceptAtlasReady" in page
True
>>> external_urls(page)
[]
>>> legend_items(G).topics
{'imaging': '#332288'}
"""

from __future__ import annotations

import html as html_lib
import json
import math
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import pyvis
from pyvis.network import Network

from graph.export._base import other_names
from graph.layout import NodeBox, node_box, wrap_label
from graph.topics import MISCELLANEOUS, SYMMETRIC_RELATIONS

__all__ = [
    "LARGE_GRAPH",
    "NO_TOPIC",
    "RELATION_STYLES",
    "Caption",
    "Legend",
    "RelationStyle",
    "escape_markdown",
    "external_urls",
    "faint",
    "fold_lines",
    "layout_positions",
    "legend_html",
    "legend_items",
    "network_data",
    "page_literal",
    "ranked_concepts",
    "to_html",
    "topic_colours",
    "vis_network_js",
]

#: Above this many drawn nodes, positions are precomputed and physics stays off.
LARGE_GRAPH = 150

#: Iterations of the physics simulation before the layout is frozen (small graphs).
STABILIZATION_ITERATIONS = 200

#: Typed edges are labelled on the canvas only when at most this many edges are drawn
#: (``related_to`` edges never are: their dashes say it).
EDGE_LABEL_LIMIT = 60

#: Seed of every layout, so that the same graph is always drawn the same way.
LAYOUT_SEED = 7

#: Topic colours: Paul Tol's "muted" qualitative palette, distinct for colour-blind
#: readers (https://personal.sron.nl/~pault/). The largest topics get one each.
TOPIC_PALETTE: tuple[str, ...] = (
    "#332288",  # indigo
    "#88ccee",  # cyan
    "#44aa99",  # teal
    "#117733",  # green
    "#999933",  # olive
    "#ddcc77",  # sand
    "#cc6677",  # rose
    "#882255",  # wine
    "#aa4499",  # purple
)

#: The neutral colour that smaller topics share (Tol's pale grey); they are named on
#: hover and in the legend.
NEUTRAL_COLOUR = "#dddddd"
#: Colour of concepts without a topic (the neutral one).
NO_TOPIC_COLOUR = NEUTRAL_COLOUR
#: Legend name of concepts without a topic.
NO_TOPIC = "(no topic)"

#: Font size (canvas units) and dot radius of the least and the most important concept.
FONT_SIZES = (14.0, 18.0)
DOT_RADII = (7.0, 20.0)
#: Font size and dot radius of the smallest and the largest topic of an overview.
TOPIC_FONT_SIZES = (14.0, 18.0)
TOPIC_RADII = (10.0, 30.0)

#: The map's font: what the browser has of these (layouts measure DejaVu Sans, the
#: widest of them, so a label is never wider than its box).
FONT_FACE = "Inter, Segoe UI, Helvetica, Arial, sans-serif"
#: What a node's label is drawn on: a nearly opaque white box over the lines beneath it
#: (vis-network draws the lines first), so a line that passes under a label stops at its
#: edge instead of running through its letters.
LABEL_BACKING = "rgba(255, 255, 255, 0.85)"

DEFINITION_CHARS = 300
EVIDENCE_CHARS = 300
LABEL_CHARS = 48


@dataclass(frozen=True, slots=True)
class RelationStyle:
    """How edges of one relation type are drawn.

    Attributes
    ----------
    label : str
        Human name of the relation ("prerequisite of").
    colour : str
        Line colour (``#rrggbb``).
    dashes : bool
        Whether the line is dashed.
    arrows : bool
        Whether the line ends in an arrow at its target (symmetric and weak
        relations have none).
    """

    label: str
    colour: str
    dashes: bool = False
    arrows: bool = True


#: Style of each relation of the concept-graph/1 vocabulary, in legend order.
RELATION_STYLES: dict[str, RelationStyle] = {
    "prerequisite_of": RelationStyle("prerequisite of", "#59636e"),
    "is_a": RelationStyle("is a", "#3b5ba5"),
    "part_of": RelationStyle("part of", "#2a9d8f"),
    "uses": RelationStyle("uses", "#7b4fa0"),
    "addresses": RelationStyle("addresses", "#3f8f3a"),
    "causes": RelationStyle("causes", "#c0392b"),
    "used_for": RelationStyle("used for", "#d9822b"),
    "example_of": RelationStyle("example of", "#8c6d46"),
    "contrasts_with": RelationStyle("contrasts with", "#d6457a", arrows=False),
    "related_to": RelationStyle("related to", "#9a9a9a", dashes=True, arrows=False),
}
_UNKNOWN_RELATION = RelationStyle("related", "#9a9a9a", dashes=True, arrows=False)


@dataclass(frozen=True, slots=True)
class Legend:
    """What the colours of a drawn graph mean.

    Attributes
    ----------
    topics : dict[str, str]
        Topic name -> node colour, largest topic first.
    relations : dict[str, RelationStyle]
        Relation type -> edge style, for the relations present, in vocabulary order.
    """

    topics: dict[str, str]
    relations: dict[str, RelationStyle]


def topic_colours(G: nx.MultiDiGraph) -> dict[str, str]:
    """Colour of every topic of ``G``, largest topic first.

    The largest topics, as many as :data:`TOPIC_PALETTE` has colours, get one each, in
    order of size; the others, the leftover topic ("Unlinked concepts",
    :data:`graph.topics.MISCELLANEOUS`) and concepts without a topic
    share :data:`NEUTRAL_COLOUR`. So at most ten colours are ever drawn, each easy to
    tell apart, and a colour always means one topic.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A concept graph; nodes may carry a ``topic``.

    Returns
    -------
    dict[str, str]
        Topic -> ``#rrggbb``; concepts without a topic are listed as ``"(no topic)"``.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("a", {"topic": "physics"}), ("b", {"topic": "physics"}),
    ...                   ("c", {"topic": "optics"}), ("d", {"topic": ""})])
    >>> topic_colours(G)
    {'physics': '#332288', 'optics': '#88ccee', '(no topic)': '#dddddd'}
    """
    sizes = Counter(_topic(attrs) for _, attrs in G.nodes(data=True))
    ordered = sorted(sizes, key=lambda t: (t in _NEUTRAL_TOPICS, -sizes[t], t))
    colours: dict[str, str] = {}
    for topic in ordered:
        distinct = topic not in _NEUTRAL_TOPICS and len(colours) < len(TOPIC_PALETTE)
        colours[topic] = TOPIC_PALETTE[len(colours)] if distinct else NEUTRAL_COLOUR
    return colours


_NEUTRAL_TOPICS = frozenset({NO_TOPIC, MISCELLANEOUS})


def legend_items(G: nx.MultiDiGraph, colours: Mapping[str, str] | None = None) -> Legend:
    """The topics and relation types of ``G`` with their colours, for a legend.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A concept graph.
    colours : mapping of str to str, optional
        Topic colours to use (:func:`topic_colours` of a larger graph that ``G`` is
        part of, so that a part keeps the colours of the whole); default ``G``'s own.

    Returns
    -------
    Legend
        Topic colours (as :func:`to_html` draws them) and the styles of the relation
        types that occur in ``G``.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", relation="related_to")
    >>> style = legend_items(G).relations["related_to"]
    >>> style.label, style.dashes, style.arrows
    ('related to', True, False)
    """
    present = {attrs.get("relation", "related_to") for *_, attrs in G.edges(data=True)}
    relations = {r: s for r, s in RELATION_STYLES.items() if r in present}
    relations.update({r: _UNKNOWN_RELATION for r in sorted(present - RELATION_STYLES.keys())})
    own = topic_colours(G)
    if colours is not None:
        own = {topic: colours.get(topic, colour) for topic, colour in own.items()}
    return Legend(topics=own, relations=relations)


def legend_html(legend: Legend) -> str:
    """The legend as a small HTML fragment (note text escaped), for ``st.html``.

    Parameters
    ----------
    legend : Legend
        What :func:`legend_items` returned.

    Returns
    -------
    str
        Two rows of swatches: topics (dots) and relation types (line samples).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", topic="<i>nmr</i>")
    >>> fragment = legend_html(legend_items(G))
    >>> "&lt;i&gt;nmr&lt;/i&gt;" in fragment, "<i>" in fragment
    (True, False)
    """
    distinct = {t: c for t, c in legend.topics.items() if c != NEUTRAL_COLOUR}
    others = [t for t, c in legend.topics.items() if c == NEUTRAL_COLOUR]
    chips = [_topic_chip(colour, html_lib.escape(topic)) for topic, colour in distinct.items()]
    if others:
        named = ", ".join(html_lib.escape(t) for t in others[:LEGEND_OTHERS])
        if len(others) > LEGEND_OTHERS:
            named += f" and {len(others) - LEGEND_OTHERS} more"
        title = html_lib.escape(", ".join(others), quote=True)
        lead = "Other topics: " if distinct else ""
        chips.append(_topic_chip(NEUTRAL_COLOUR, f"{lead}{named}", title=title, wrap=True))
    topics = "".join(chips)
    relations = "".join(
        f'<span style="{_CHIP}"><span style="display:inline-block;width:26px;height:0;'
        f'border-top:3px {"dashed" if style.dashes else "solid"} {style.colour}"></span>'
        f"{html_lib.escape(style.label)}{' →' if style.arrows else ''}</span>"
        for style in legend.relations.values()
    )
    rows = [
        f'<div style="{_ROW}"><b style="{_HEAD}">Topics</b>{topics}</div>' if topics else "",
        f'<div style="{_ROW}"><b style="{_HEAD}">Relations</b>{relations}</div>'
        if relations
        else "",
    ]
    return f'<div style="font-size:12.5px;line-height:1.5">{"".join(rows)}</div>'


#: Smaller topics named in the legend beside the neutral colour (the rest: "and N more").
LEGEND_OTHERS = 12


def _topic_chip(colour: str, text: str, *, title: str = "", wrap: bool = False) -> str:
    """A legend chip: a dot of ``colour`` and ``text`` (already escaped)."""
    style = _CHIP if not wrap else _CHIP.replace("white-space:nowrap", "white-space:normal")
    attribute = f' title="{title}"' if title else ""
    return (
        f'<span style="{style}"{attribute}><span style="display:inline-block;flex:none;'
        f"width:12px;height:12px;border-radius:50%;background:{colour};"
        f'border:1px solid {_darker(colour)}"></span>{text}</span>'
    )


_CHIP = "display:inline-flex;align-items:center;gap:6px;margin:2px 14px 2px 0;white-space:nowrap"
_ROW = "display:flex;flex-wrap:wrap;align-items:center;margin-bottom:2px"
_HEAD = "margin-right:12px;min-width:72px"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:&=])")


def escape_markdown(text: str) -> str:
    r"""``text`` for ``st.markdown``, shown literally (no links, images, HTML or maths).

    Every ASCII punctuation character that Markdown, Streamlit's directives or
    KaTeX could act on is backslash-escaped (``=`` too: a line of them under text
    would make it a heading); line breaks (``\n``, ``\r\n`` or a lone ``\r``) are kept
    as hard breaks.

    Examples
    --------
    >>> print(escape_markdown("![x](http://a.b/c.png) costs $5"))
    \!\[x\]\(http\://a\.b/c\.png\) costs \$5
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")


_EXTERNAL_REF = re.compile(
    r"""(?:\b(?:src|href|srcset|poster|action|data)\s*=\s*["']?\s*"""
    r"""|\burl\(\s*["']?\s*|@import\s+["']?\s*)"""
    r"""((?:https?:)?//[^\s"'<>)]+)""",
    re.IGNORECASE,
)
_EXTERNAL_TAGS = re.compile(
    r"""<link\b[^>]*\bhref\s*=\s*["']?\s*(?:https?:)?//[^>]*>"""
    r"""|<script\b[^>]*\bsrc\s*=\s*["']?\s*(?:https?:)?//[^>]*>\s*</script\s*>""",
    re.IGNORECASE,
)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>")


def external_urls(html: str) -> list[str]:
    """URLs that a browser would fetch from another host when loading ``html``.

    Looks at ``src``/``href``-like attributes (also when set from JavaScript),
    CSS ``url(...)`` and ``@import``. ``data:`` URLs and relative paths are local;
    URLs that only appear inside strings (licence notices, XML namespaces) are not
    fetched and not reported.

    Parameters
    ----------
    html : str
        An HTML page.

    Returns
    -------
    list[str]
        The absolute or protocol-relative URLs referenced, in page order.

    Examples
    --------
    >>> external_urls('<script src="https://cdn.example/x.js"></script><img src="a.png">')
    ['https://cdn.example/x.js']
    >>> external_urls('<div style="background:url(//cdn.example/bg.png)"></div>')
    ['//cdn.example/bg.png']
    >>> external_urls('createElementNS("http://www.w3.org/2000/svg", "g")')
    []
    """
    return _EXTERNAL_REF.findall(html)


def concept_boxes(G: nx.MultiDiGraph, nodes: Iterable[Hashable]) -> dict[Hashable, NodeBox]:
    """The space each of ``nodes`` takes on the map (:func:`graph.layout.node_box`), as
    :func:`graph.render.network_data` draws it."""
    boxes = {}
    for node in nodes:
        attrs = G.nodes[node]
        radius, font_size = concept_style(attrs)
        boxes[node] = node_box(concept_label(node, attrs), font_size, radius)
    return boxes


def to_html(
    G: nx.MultiDiGraph,
    *,
    height: str = "720px",
    physics: bool | None = None,
    max_nodes: int = 400,
    selected: Hashable | None = None,
    positions: Mapping[Hashable, tuple[float, float]] | None = None,
    view: Mapping[str, float] | None = None,
    hide_weak: bool = False,
    captions: Iterable[Caption] = (),
    regions: Mapping[Hashable, Hashable] | None = None,
    colours: Mapping[str, str] | None = None,
) -> str:
    """Draw ``G`` as a standalone HTML page that needs no network.

    Nodes are sized by ``importance`` and coloured by ``topic`` (see
    :func:`topic_colours`); their tooltip gives the definition (cut to about 300
    characters) and aliases. Edges are coloured per relation type
    (:data:`RELATION_STYLES`), dashed for ``related_to``, end in an arrow for
    directed relations, are wider when more confident, and their tooltip gives the
    relation and its first evidence sentence.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A concept graph (node and edge attributes of concept-graph/1).
    height : str
        CSS height of the drawing.
    physics : bool, optional
        ``True``: lay out with a short physics simulation (200 iterations), then
        freeze it. ``False``: precompute positions with ``nx.spring_layout`` and keep
        physics off. ``None`` (default): the simulation up to :data:`LARGE_GRAPH`
        drawn nodes, precomputed positions above.
    max_nodes : int
        Draw only this many nodes, the most important first.
    selected : hashable, optional
        A node to highlight (always drawn, and selected when the page opens).
    positions : mapping of node to (x, y), optional
        Canvas positions of every node drawn, from a layout that knows the labels'
        sizes (:func:`graph.layout.legible_layout` of :func:`concept_boxes`): drawn as
        they are, physics off, labels wrapped as that layout measured them.
    view : mapping, optional
        The view the page opens on, ``{"x", "y", "scale"}``
        (:meth:`graph.layout.Layout.view`); default: the whole drawing.
    hide_weak : bool
        Open with weak links (``related_to``) hidden. Every weak link's line is marked
        ``weak`` in the page's data either way, so that a control can show them.
    captions : iterable of Caption
        Text drawn on the canvas, not a concept (the name of a region of the map).
    regions : mapping of node to region, optional
        The region of the map each node is drawn in: a line between two regions is
        drawn faint (:func:`faint`) until one of its concepts is selected, so that the
        lines within a region can be followed.
    colours : mapping of str to str, optional
        Topic colours, as in :func:`network_data`.

    Returns
    -------
    str
        The HTML page.

    Raises
    ------
    ValueError
        If the page would still reference an external URL (a pyvis change).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("x", label="<script>alert(1)</script>", importance=1.0)
    >>> page = to_html(G, physics=False)
    >>> "<script>alert(1)" in page, "\\\\u003cscript\\\\u003ealert(1)" in page
    (False, True)
    """
    data = network_data(
        G,
        physics=False if positions is not None else physics,
        max_nodes=max_nodes,
        selected=selected,
        positions=positions,
        wrap=positions is not None,
        view=view,
        colours=colours,
    )
    if hide_weak:
        for edge in data["edges"]:
            if edge.get("weak"):
                edge["hidden"] = True
    if regions:
        region_of = {str(node): region for node, region in regions.items()}
        for edge in data["edges"]:
            if region_of.get(edge["from"]) != region_of.get(edge["to"]):
                colour = edge["color"]["color"]
                edge["color"] = {**edge["color"], "color": faint(colour)}
    net = Network(
        height=height,
        width="100%",
        directed=True,
        cdn_resources="in_line",
        bgcolor="#ffffff",
        font_color="#1f2933",
    )
    for options in data["nodes"]:
        net.add_node(options.pop("id"), **options)
    for options in data["edges"]:
        net.add_edge(options.pop("from"), options.pop("to"), **options)
    net.options = data["options"]
    use_physics = data["options"]["physics"]["enabled"]
    html = _strip_external(net.generate_html())
    html = _inject(html, use_physics, data["selected"], data["view"], _captions_script(captions))
    leftover = external_urls(html)
    if leftover:
        raise ValueError(f"rendered page still references external URLs: {leftover}")
    return html


def network_data(
    G: nx.MultiDiGraph,
    *,
    physics: bool | None = None,
    max_nodes: int = 400,
    selected: Hashable | None = None,
    positions: Mapping[Hashable, tuple[float, float]] | None = None,
    hierarchical: bool = False,
    levels: Mapping[Hashable, int] | None = None,
    colours: Mapping[str, str] | None = None,
    edge_labels: bool | None = None,
    view: Mapping[str, float] | None = None,
    wrap: bool = False,
    fold: bool = False,
) -> dict[str, Any]:
    """What vis-network needs to draw ``G``: its nodes, edges and options, as JSON data.

    :func:`to_html` puts this in a page; the app hands it to its map component. Note
    text stays data: vis-network draws labels on a canvas and sets tooltips as text.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A concept graph (node and edge attributes of concept-graph/1).
    physics : bool, optional
        As in :func:`to_html`: a short simulation that then freezes (``True``), fixed
        positions (``False``), or the simulation up to :data:`LARGE_GRAPH` nodes (``None``).
    max_nodes : int
        Draw only this many nodes, the most important first.
    selected : hashable, optional
        A node to highlight (always drawn).
    positions : mapping of node to (x, y), optional
        Precomputed canvas positions (:func:`layout_positions`) used without physics;
        computed here when needed and not given.
    hierarchical : bool
        Lay the nodes out left to right along the edges (a learning path), no physics.
    levels : mapping of node to int, optional
        The column of each node in a hierarchical layout (default: from the edges).
    colours : mapping of str to str, optional
        Topic colours (default :func:`topic_colours` of ``G``), as in :func:`legend_items`.
    edge_labels : bool, optional
        Name typed relations on their edges; default only when at most
        :data:`EDGE_LABEL_LIMIT` edges are drawn. The app's map never does (a name on
        an edge could cover a concept's label; the legend and the tooltip name it).
    view : mapping, optional
        The initial view, ``{"x", "y", "scale"}`` (:meth:`graph.layout.Layout.view`);
        the page fits the drawing when there is none.
    wrap : bool
        Wrap labels here (:func:`concept_label`), so that a layout knows their size
        (:func:`graph.layout.node_box`); else vis-network wraps them at 170 pixels.
    fold : bool
        Draw one line where several would say the same (:func:`fold_lines`): a
        prerequisite is told in the tooltip of the typed relation between the same two
        concepts, and a prerequisite that a chain of drawn prerequisites already leads
        along is not drawn.

    Returns
    -------
    dict
        ``{"nodes": [...], "edges": [...], "options": {...}, "selected": id or None,
        "view": {...} or None, "folded": {"typed": n, "chain": n}, "mirrored": n}``;
        node ids are ``str(node)``; ``folded`` counts the relations drawn without a line
        of their own, and ``mirrored`` the symmetric relations (``contrasts_with``) that
        the graph holds both ways and that are drawn as one line, without arrows.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("nmr", "mri", relation="prerequisite_of", confidence=0.9)
    >>> data = network_data(G, physics=False, selected="mri")
    >>> [n["id"] for n in data["nodes"]], data["edges"][0]["from"], data["selected"]
    (['nmr', 'mri'], 'nmr', 'mri')
    >>> network_data(G, hierarchical=True)["options"]["layout"]["hierarchical"]["direction"]
    'LR'
    """
    colours = {**topic_colours(G), **(colours or {})}
    sub = G.subgraph(_top_nodes(G, max_nodes, selected))
    if hierarchical:
        use_physics = False
    elif physics is None:
        use_physics = sub.number_of_nodes() <= LARGE_GRAPH
    else:
        use_physics = physics
    if use_physics or hierarchical:
        positions = {}
    elif positions is None or any(node not in positions for node in sub):
        positions = layout_positions(sub)
    ids = {node: str(node) for node in sub.nodes}
    nodes = [
        {
            "id": ids[node],
            **_node_options(node, attrs, colours, positions.get(node), node == selected, wrap=wrap),
        }
        for node, attrs in sub.nodes(data=True)
    ]
    if hierarchical and levels:
        for node, options in zip(sub.nodes, nodes, strict=True):
            if node in levels:
                options["level"] = int(levels[node])
    edge_list = list(sub.edges(keys=True, data=True))
    show_labels = len(edge_list) <= EDGE_LABEL_LIMIT if edge_labels is None else edge_labels
    folded = fold_lines(sub) if fold else {}
    told: dict[frozenset[Hashable], list[str]] = {}  # a typed line's folded prerequisites
    for (u, v, key), reason in folded.items():
        if reason == FOLDED_TYPED:
            confidence = _confidence(sub.edges[u, v, key])
            source = _cut(sub.nodes[u].get("label") or u, LABEL_CHARS)
            target = _cut(sub.nodes[v].get("label") or v, LABEL_CHARS)
            said = f"also: {source} —prerequisite of→ {target} ({confidence:.2f})"
            told.setdefault(frozenset((u, v)), []).append(said)
    parallel: Counter[frozenset[Hashable]] = Counter()
    edges = []
    both_ways: set[tuple[Hashable, Hashable, str]] = set()  # symmetric relations drawn
    mirrored = 0
    for u, v, key, attrs in edge_list:
        if (u, v, key) in folded:
            continue
        pair = frozenset((u, v))
        if (relation := attrs.get("relation")) in SYMMETRIC_RELATIONS:
            if u != v and (v, u, relation) in both_ways:  # drawn already, the other way
                mirrored += 1
                continue
            both_ways.add((u, v, relation))
        options = _edge_options(sub, u, v, attrs, parallel[pair], show_labels)
        if pair in told and attrs.get("relation") not in (PREREQUISITE_RELATION, "related_to"):
            options["title"] += _plain("\n" + "\n".join(told.pop(pair)))
        parallel[pair] += 1
        edges.append({"from": ids[u], "to": ids[v], **options})
    options = _network_options(use_physics, large=sub.number_of_nodes() > LARGE_GRAPH)
    if hierarchical:
        options["layout"] = {
            "hierarchical": {
                "enabled": True,
                "direction": "LR",
                "sortMethod": "directed",
                "levelSeparation": 230,
                "nodeSpacing": 110,
                "shakeTowards": "roots",
            }
        }
    return {
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "selected": None if selected is None else ids.get(selected),
        "view": None if view is None else dict(view),
        "folded": dict(Counter(folded.values())),
        "mirrored": mirrored,
    }


#: The relation a learning order is read from.
PREREQUISITE_RELATION = "prerequisite_of"
#: Why :func:`fold_lines` draws a relation without a line of its own.
FOLDED_TYPED = "typed"
FOLDED_CHAIN = "chain"


def fold_lines(G: nx.MultiDiGraph) -> dict[tuple[Hashable, Hashable, Any], str]:
    """The prerequisite edges of ``G`` that a drawing need not give a line of their own,
    each with the reason: :data:`FOLDED_TYPED` when a typed relation (not a weak link)
    joins the same two concepts (its line says the prerequisite in its tooltip), or
    :data:`FOLDED_CHAIN` when other prerequisites (with a line of their own or riding on
    a typed one) still lead from its source to its target through other concepts (a
    learning order needs no shortcut).

    A shortcut is folded only while another path of prerequisite lines remains, the
    least confident first, so what can be reached from where is the same with and
    without the folded lines, cycles included.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for u, v in [("osmosis", "diffusion"), ("diffusion", "turgor"), ("osmosis", "turgor")]:
    ...     _ = G.add_edge(u, v, relation="prerequisite_of", confidence=0.8)
    >>> _ = G.add_edge("cell wall", "turgor", relation="prerequisite_of", confidence=0.7)
    >>> _ = G.add_edge("cell wall", "turgor", relation="part_of", confidence=0.9)
    >>> sorted(fold_lines(G).items())
    [(('cell wall', 'turgor', 0), 'typed'), (('osmosis', 'turgor', 0), 'chain')]
    """
    typed_pairs = {
        frozenset((u, v))
        for u, v, attrs in G.edges(data=True)
        if attrs.get("relation") not in (PREREQUISITE_RELATION, "related_to", None)
    }
    folded: dict[tuple[Hashable, Hashable, Any], str] = {}
    lines: dict[tuple[Hashable, Hashable], list[Any]] = {}
    for u, v, key, attrs in G.edges(keys=True, data=True):
        if attrs.get("relation") != PREREQUISITE_RELATION or u == v:
            continue
        if frozenset((u, v)) in typed_pairs:
            folded[(u, v, key)] = FOLDED_TYPED
        else:
            lines.setdefault((u, v), []).append(key)
    order = nx.DiGraph()  # what the drawn lines lead along, the typed ones included
    order.add_edges_from(lines)
    order.add_edges_from((u, v) for u, v, _ in folded)
    weakest_first = sorted(
        lines,
        key=lambda pair: (max(_confidence(G.edges[(*pair, k)]) for k in lines[pair]), str(pair)),
    )
    for u, v in weakest_first:
        order.remove_edge(u, v)
        if nx.has_path(order, u, v):
            folded.update({(u, v, key): FOLDED_CHAIN for key in lines[(u, v)]})
        else:
            order.add_edge(u, v)
    return folded


def _confidence(attrs: Mapping[str, Any]) -> float:
    try:
        value = float(attrs.get("confidence", 0.5))
    except (TypeError, ValueError):
        return 0.5
    return min(1.0, max(0.0, value)) if math.isfinite(value) else 0.5


def topic_style(concepts: int, largest: int) -> tuple[float, float]:
    """The dot radius and font size of a topic in the overview: both grow with the
    square root of its share of the largest topic's concepts.

    Examples
    --------
    >>> topic_style(100, 100), topic_style(25, 100)
    ((30.0, 18.0), (20.0, 16.0))
    """
    share = math.sqrt(max(0, concepts) / max(1, largest))
    radius = TOPIC_RADII[0] + (TOPIC_RADII[1] - TOPIC_RADII[0]) * share
    font = TOPIC_FONT_SIZES[0] + (TOPIC_FONT_SIZES[1] - TOPIC_FONT_SIZES[0]) * share
    return round(radius, 2), round(font, 2)


def topic_label(name: str, concepts: int) -> str:
    """A topic's label in the overview: its name (two lines at most) and its size.

    Examples
    --------
    >>> topic_label("central processing unit (CPU)", 41)
    'central processing\\nunit (CPU)\\n41 concepts'
    """
    return f"{wrap_label(name, lines=2)}\n{concepts} concept{'s' if concepts != 1 else ''}"


def overview_data(
    T: nx.Graph,
    *,
    ids: Mapping[Hashable, str],
    positions: Mapping[Hashable, tuple[float, float]],
    colours: Mapping[str, str],
    view: Mapping[str, float] | None = None,
) -> dict[str, Any]:
    """What vis-network needs to draw a topic overview (:func:`graph.topics.topic_graph`):
    the topics in ``ids`` as dots sized by their concepts, labelled by name, and the
    links between them as grey lines as wide as the relations they stand for.

    Parameters
    ----------
    T : networkx.Graph
        The topic graph; only the topics in ``ids`` and the edges among them are drawn.
    ids : mapping of topic to str
        The id each drawn topic has on the page (clicks send it back).
    positions : mapping of topic to (x, y)
        Where each drawn topic goes (canvas units).
    colours : mapping of str to str
        Topic colours (:func:`topic_colours`).
    view : mapping, optional
        The initial view, as in :func:`network_data`.

    Examples
    --------
    >>> T = nx.Graph()
    >>> T.add_node("nmr", label="nmr", concepts=12, main=["MRI"])
    >>> T.add_node("ct", label="ct", concepts=3, main=["contrast"])
    >>> from graph.counts import EdgeCounts
    >>> T.add_edge("nmr", "ct", counts=EdgeCounts(2, 1, 0), weight=3)
    >>> data = overview_data(T, ids={"nmr": "topic:0", "ct": "topic:1"},
    ...                      positions={"nmr": (0, 0), "ct": (200, 0)}, colours={})
    >>> [n["label"] for n in data["nodes"]]
    ['nmr\\n12 concepts', 'ct\\n3 concepts']
    >>> data["edges"][0]["title"]
    'nmr — ct: 3 relations (2 typed, 1 prerequisite, 0 weak links)'
    """
    drawn = [topic for topic in T if topic in ids]
    largest = max((int(T.nodes[t].get("concepts") or 0) for t in drawn), default=1)
    nodes = []
    for topic in drawn:
        attrs = T.nodes[topic]
        concepts = int(attrs.get("concepts") or 0)
        radius, font_size = topic_style(concepts, largest)
        colour = colours.get(str(topic), NEUTRAL_COLOUR)
        name = str(attrs.get("label") or topic)
        main = ", ".join(str(label) for label in attrs.get("main") or [])
        tip = [name, f"{concepts} concept{'s' if concepts != 1 else ''}"]
        if main:
            tip.append(_cut(f"Main concepts: {main}", DEFINITION_CHARS))
        tip.append("Click to open this topic")
        x, y = positions[topic]
        nodes.append(
            {
                "id": ids[topic],
                "label": topic_label(name, concepts),
                "title": _plain("\n".join(tip)),
                "shape": "dot",
                "size": radius,
                "x": x,
                "y": y,
                "color": {
                    "background": colour,
                    "border": _darker(colour),
                    "highlight": {"background": colour, "border": "#1f2933"},
                    "hover": {"background": colour, "border": "#1f2933"},
                },
                "borderWidth": 1.5,
                "font": {
                    "size": font_size,
                    "face": FONT_FACE,
                    "color": "#1f2933",
                    "strokeWidth": 3,
                    "strokeColor": "#ffffff",
                    "background": LABEL_BACKING,
                },
            }
        )
    links = [(a, b, attrs) for a, b, attrs in T.edges(data=True) if a in ids and b in ids]
    heaviest = max((float(attrs.get("weight") or 0) for *_, attrs in links), default=1.0)
    edges = []
    for a, b, attrs in links:
        weight = float(attrs.get("weight") or 0)
        counts = attrs.get("counts")
        said = counts.describe() if counts is not None else f"{weight:.0f} relations"
        names = (T.nodes[a].get("label") or a, T.nodes[b].get("label") or b)
        edges.append(
            {
                "from": ids[a],
                "to": ids[b],
                "title": _plain(f"{names[0]} — {names[1]}: {said}"),
                "width": 1 + 7 * math.log1p(weight) / math.log1p(max(heaviest, 1.0)),
                "color": {"color": "#a3adb8", "highlight": "#4b5563", "hover": "#4b5563"},
                "arrows": {"to": {"enabled": False}},
            }
        )
    options = _network_options(False, large=False)
    return {
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "selected": None,
        "view": None if view is None else dict(view),
    }


def layout_positions(G: nx.MultiDiGraph) -> dict[Hashable, tuple[float, float]]:
    """Spring-layout positions of ``G``'s nodes in canvas pixels (fixed seed), spread
    with the number of nodes, for drawing without physics.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b")
    >>> sorted(layout_positions(G)) == ["a", "b"]
    True
    """
    if G.number_of_nodes() == 0:
        return {}
    layout = nx.spring_layout(nx.Graph(G), seed=LAYOUT_SEED)
    scale = 140.0 * math.sqrt(G.number_of_nodes())
    return {node: (float(x) * scale, float(y) * scale) for node, (x, y) in layout.items()}


def vis_network_js() -> Path:
    """The vis-network script that pyvis ships (Apache-2.0 / MIT), for offline pages.

    Raises
    ------
    FileNotFoundError
        If the installed pyvis no longer carries it.
    """
    library = Path(pyvis.__file__).parent / "templates" / "lib"
    found = sorted(library.glob("vis-*/vis-network.min.js"))
    if not found:
        raise FileNotFoundError("pyvis does not ship vis-network.min.js any more")
    return found[-1]


def _topic(attrs: Mapping[str, Any]) -> str:
    return str(attrs.get("topic") or "").strip() or NO_TOPIC


def _importance(attrs: Mapping[str, Any]) -> float:
    try:
        value = float(attrs.get("importance", 0.0))
    except (TypeError, ValueError):
        return 0.0
    return min(1.0, max(0.0, value)) if math.isfinite(value) else 0.0


def ranked_concepts(G: nx.MultiDiGraph) -> list[Hashable]:
    """The nodes of ``G``, most important first (then most mentioned, then by id).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("a", {"importance": 0.2}), ("b", {"importance": 0.9}), ("c", {})])
    >>> ranked_concepts(G)
    ['b', 'a', 'c']
    """
    ranked = sorted(
        G.nodes(data=True),
        key=lambda item: (-_importance(item[1]), -_mentions(item[1]), str(item[0])),
    )
    return [node for node, _ in ranked]


def _mentions(attrs: Mapping[str, Any]) -> int:
    try:
        return int(attrs.get("mentions", 0))
    except (TypeError, ValueError):
        return 0


def _top_nodes(G: nx.MultiDiGraph, limit: int, selected: Hashable | None) -> list[Hashable]:
    """The ``limit`` most important nodes, ``selected`` included."""
    keep = ranked_concepts(G)[: max(0, limit)]
    if selected is not None and selected in G and selected not in keep:
        keep = [*keep[:-1], selected] if keep else [selected]
    return keep


def _plain(text: str) -> str:
    """Note text as a vis-network tooltip that is always shown as plain text.

    vis-network sets string tooltips with ``innerText``; pyvis switches every node
    tooltip to ``innerHTML`` when one contains ``"href"``, so that word is broken
    with a zero-width space.
    """
    return text.replace("href", "hre\u200bf")


def _cut(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _node_options(
    node: Hashable,
    attrs: Mapping[str, Any],
    colours: Mapping[str, str],
    position: tuple[float, float] | None,
    is_selected: bool,
    *,
    wrap: bool = False,
) -> dict[str, Any]:
    label = concept_label(node, attrs) if wrap else _cut(attrs.get("label") or node, LABEL_CHARS)
    radius, font_size = concept_style(attrs)
    topic = _topic(attrs)
    colour = colours.get(topic, NO_TOPIC_COLOUR)
    aliases = other_names(node, attrs)
    lines = [_cut(attrs.get("label") or node, LABEL_CHARS)]
    if attrs.get("definition"):
        lines.append(_cut(attrs["definition"], DEFINITION_CHARS))
    if aliases:
        lines.append("Also: " + _cut(", ".join(aliases), DEFINITION_CHARS))
    mentions = _mentions(attrs)
    lines.append(f"Topic: {topic} · {mentions} mention{'s' if mentions != 1 else ''}")
    options: dict[str, Any] = {
        "label": label,
        "title": _plain("\n".join(lines)),
        "shape": "dot",
        "size": radius,
        "color": {
            "background": colour,
            "border": "#1f2933" if is_selected else _darker(colour),
            "highlight": {"background": colour, "border": "#1f2933"},
            "hover": {"background": colour, "border": "#1f2933"},
        },
        "borderWidth": 4 if is_selected else 1.5,
        "borderWidthSelected": 4,
        "font": {
            "size": font_size,
            "face": FONT_FACE,
            "color": "#1f2933",
            "strokeWidth": 3,
            "strokeColor": "#ffffff",
            "background": LABEL_BACKING,
        },
    }
    if not wrap:
        options["widthConstraint"] = {"maximum": 170}  # vis-network wraps the label
    if position is not None:
        options["x"], options["y"] = position
    return options


def concept_label(node: Hashable, attrs: Mapping[str, Any]) -> str:
    """A concept's label as the map draws it: its name wrapped on up to three lines.

    Examples
    --------
    >>> concept_label("gdp", {"label": "GDP (gross domestic product)"})
    'GDP (gross domestic\\nproduct)'
    """
    return wrap_label(str(attrs.get("label") or node))


def concept_style(attrs: Mapping[str, Any]) -> tuple[float, float]:
    """The dot radius and font size of a concept: both grow with its importance.

    Examples
    --------
    >>> concept_style({"importance": 0.0}), concept_style({"importance": 1.0})
    ((7.0, 14.0), (20.0, 18.0))
    """
    importance = _importance(attrs)
    radius = DOT_RADII[0] + (DOT_RADII[1] - DOT_RADII[0]) * importance
    font = FONT_SIZES[0] + (FONT_SIZES[1] - FONT_SIZES[0]) * importance
    return round(radius, 2), round(font, 2)


def _edge_options(
    G: nx.MultiDiGraph,
    u: Hashable,
    v: Hashable,
    attrs: Mapping[str, Any],
    parallel_index: int,
    show_label: bool,
) -> dict[str, Any]:
    relation = str(attrs.get("relation") or "related_to")
    style = RELATION_STYLES.get(relation, _UNKNOWN_RELATION)
    try:
        confidence = min(1.0, max(0.0, float(attrs.get("confidence", 0.5))))
    except (TypeError, ValueError):
        confidence = 0.5
    from graph.export._style import WEAK_LINK_VERBS  # it reads this module's styles

    name = style.label
    if relation == "related_to" and attrs.get("label") in WEAK_LINK_VERBS:
        name = WEAK_LINK_VERBS[attrs["label"]]  # "named in one sentence with", as the app
    elif relation == "related_to" and attrs.get("label"):  # its verb: "related to (learn)"
        name = f"{name} ({_cut(attrs['label'], 40)})"
    # a stated relation's label is how it was found (a prerequisite's features,
    # "explains+earlier"; a cue word): `graph explain A B` tells it, a tooltip does not
    source = _cut(G.nodes[u].get("label") or u, LABEL_CHARS)
    target = _cut(G.nodes[v].get("label") or v, LABEL_CHARS)
    lines = [f"{source} —{name}→ {target}", f"confidence {confidence:.2f}"]
    evidence = _first_evidence(attrs.get("evidence") or [])
    if evidence:
        lines.append(evidence)
    options: dict[str, Any] = {
        "title": _plain("\n".join(lines)),
        "color": {"color": style.colour, "highlight": style.colour, "hover": style.colour},
        "width": 1 + 2 * confidence,
        "dashes": style.dashes,
        "arrows": {"to": {"enabled": style.arrows, "scaleFactor": 0.6}},
    }
    if relation == "related_to":
        options["weak"] = True  # a page's "Show weak links" finds them by this mark
    if show_label and relation != "related_to":
        options["label"] = style.label
        options["font"] = {
            "size": 11,
            "color": style.colour,
            "strokeWidth": 3,
            "strokeColor": "#ffffff",
            "align": "middle",
        }
    if parallel_index:
        bend = "curvedCW" if parallel_index % 2 else "curvedCCW"
        options["smooth"] = {
            "enabled": True,
            "type": bend,
            "roundness": 0.2 * ((parallel_index + 1) // 2),
        }
    return options


def _first_evidence(evidence: Iterable[Any]) -> str:
    for item in evidence:
        if isinstance(item, Mapping):
            text, src, line = item.get("text"), item.get("source"), item.get("line")
        else:
            text = getattr(item, "text", None)
            src, line = getattr(item, "source", None), getattr(item, "line", None)
        if text:
            where = f" ({src}, line {line})" if src and line else f" ({src})" if src else ""
            return f"“{_cut(text, EVIDENCE_CHARS)}”{where}"
    return ""


#: How opaque a line between two regions of a map is drawn until it is selected.
FAINT_OPACITY = 0.15


def faint(colour: str, opacity: float = FAINT_OPACITY) -> str:
    """``colour`` (``#rrggbb``) as a see-through ``rgba()`` colour.

    >>> faint("#336699")
    'rgba(51,102,153,0.15)'
    """
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{opacity:g})"


def _darker(colour: str, factor: float = 0.7) -> str:
    """``colour`` (``#rrggbb``) scaled towards black."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(round(c * factor) for c in (r, g, b)))


def _network_options(use_physics: bool, *, large: bool) -> dict[str, Any]:
    physics: dict[str, Any] = {"enabled": False}
    if use_physics:
        physics = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -70,
                "centralGravity": 0.015,
                "springLength": 115,
                "springConstant": 0.06,
                "avoidOverlap": 1.0,
            },
            "stabilization": {
                "enabled": True,
                "iterations": STABILIZATION_ITERATIONS,
                "updateInterval": 25,
                "fit": True,
            },
        }
    return {
        "autoResize": True,
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": not large},
        "physics": physics,
        "edges": {"smooth": {"enabled": False}, "selectionWidth": 1.5},
        "nodes": {"shadow": {"enabled": False}},
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": large,
            "navigationButtons": False,
            "keyboard": False,
            "multiselect": False,
        },
    }


def _strip_external(html: str) -> str:
    """Drop pyvis's CDN ``<link>``/``<script src>`` tags and its empty headings."""
    return _EMPTY_HEADING.sub("", _EXTERNAL_TAGS.sub("", html))


_PAGE_CSS = """
<style type="text/css">
  html, body { margin: 0; padding: 0; background: #ffffff; }
  #mynetwork { border: none !important; float: none !important; width: 100% !important; }
  div.vis-tooltip {
    white-space: pre-wrap !important; max-width: 380px; font-family: Inter, "Segoe UI",
    Helvetica, Arial, sans-serif !important; font-size: 13px !important; line-height: 1.4;
    background: #ffffff !important; border: 1px solid #d0d7de !important;
    border-radius: 6px !important; padding: 8px 10px !important; color: #1f2933 !important;
    box-shadow: 0 4px 14px rgba(0, 0, 0, 0.12) !important;
  }
</style>
"""

_READY_JS = """
              (function () {
                var settled = %(settled)s;
                var selected = %(selected)s;
                var view = %(view)s;
                window.conceptAtlasReady = false;
                if (view !== null) {
                  network.moveTo({position: {x: view.x, y: view.y}, scale: view.scale});
                }
                function markReady() {
                  if (!settled || window.conceptAtlasReady) { return; }
                  if (selected !== null) { network.selectNodes([selected]); }
                  window.conceptAtlasReadyMs = performance.now();
                  window.conceptAtlasReady = true;
                }
                network.on("afterDrawing", markReady);
                if (!settled) {
                  network.once("stabilizationIterationsDone", function () {
                    network.setOptions({physics: {enabled: false}});
                    settled = true;
                    network.redraw();
                  });
                } else {
                  network.redraw();
                }
              })();
"""


@dataclass(frozen=True, slots=True)
class Caption:
    """Text drawn on a map's canvas that is not a concept: the name of a region.

    Attributes
    ----------
    text : str
        What it says (note text: drawn as data, on the canvas).
    x, y : float
        Its centre, in canvas units.
    size : float
        Its font size in canvas units; on screen it is never drawn larger than
        :data:`CAPTION_MAX_PX` pixels, however far the map is zoomed in, and not at all
        when smaller than 4 pixels.
    """

    text: str
    x: float
    y: float
    size: float


#: A caption is never drawn taller than this on screen (zoomed in, the concepts' labels
#: are what should be read).
CAPTION_MAX_PX = 26
#: The colour of a caption on the canvas.
CAPTION_COLOUR = "#7b8794"


_CAPTIONS_JS = """
              (function () {
                var captions = %(captions)s;
                network.on("afterDrawing", function (ctx) {
                  var scale = network.getScale();
                  ctx.save();
                  ctx.textAlign = "center";
                  ctx.textBaseline = "middle";
                  ctx.fillStyle = %(colour)s;
                  captions.forEach(function (caption) {
                    var size = Math.min(caption.size, %(max_px)s / scale);
                    if (size * scale < 4) { return; }
                    ctx.font = "bold " + size + "px Inter, Helvetica, Arial, sans-serif";
                    ctx.fillText(caption.text, caption.x, caption.y);
                  });
                  ctx.restore();
                });
              })();
"""


def _captions_script(captions: Iterable[Caption]) -> str:
    """The script that draws ``captions`` on the canvas after each drawing: as text
    (note text stays data), never larger on screen than :data:`CAPTION_MAX_PX`."""
    items = [
        {"text": c.text, "x": float(c.x), "y": float(c.y), "size": float(c.size)} for c in captions
    ]
    if not items:
        return ""
    return _CAPTIONS_JS % {
        "captions": _js_literal(items),
        "colour": _js_literal(CAPTION_COLOUR),
        "max_px": CAPTION_MAX_PX,
    }


def page_literal(value: Any) -> str:
    """``value`` (JSON data) as a JavaScript literal that is safe inside a ``<script>``
    element of a page: note text can close no element and start no markup.

    >>> print(page_literal({"label": "</script><b>"}))
    {"label": "\\u003c/script\\u003e\\u003cb\\u003e"}
    """
    return _js_literal(value)


def _js_literal(value: Any) -> str:
    """``value`` as a JavaScript literal that is safe inside a ``<script>`` element."""
    text = json.dumps(value)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _inject(
    html: str,
    use_physics: bool,
    selected: str | None,
    view: Mapping[str, float] | None = None,
    extra: str = "",
) -> str:
    """Add the page CSS and the script that freezes physics, opens on ``view`` and sets
    the ready flag (after ``extra``, more script run once the network exists)."""
    script = _READY_JS % {
        "settled": "false" if use_physics else "true",
        "selected": _js_literal(selected),
        "view": _js_literal(
            None if view is None else {k: float(view[k]) for k in ("x", "y", "scale")}
        ),
    }
    call = "drawGraph();"
    if html.count(call) != 1 or html.count("</head>") != 1:
        raise ValueError("unexpected pyvis template: cannot attach the ready flag")
    html = html.replace(call, call + "\n" + extra + script)
    return html.replace("</head>", _PAGE_CSS + "</head>")
