"""``png`` and ``svg``: a study picture drawn with Matplotlib, offline.

The picture draws every concept of the view it exports, up to
:data:`PICTURE_MAX_NODES` (the most important; the picture then says how many of how
many it shows), and keeps every label and its title inside the canvas.
"""

from __future__ import annotations

import math
import os
import textwrap
from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from graph.counts import edge_counts
from graph.export._base import MARK, Written, cut, importance, label, plural, topic
from graph.export._style import style
from graph.export.select import Selection
from graph.io import head, replace_file
from graph.render import (
    FOLDED_CHAIN,
    FOLDED_TYPED,
    LAYOUT_SEED,
    NO_TOPIC_COLOUR,
    fold_lines,
    legend_items,
    ranked_concepts,
    topic_colours,
)
from graph.topics import SYMMETRIC_RELATIONS

FORMATS = ("png", "svg")
SUFFIX = ".png"
FOLDER = False

#: A picture draws at most this many concepts, the most important; it says so when it
#: leaves some out.
PICTURE_MAX_NODES = 150


def write_picture(
    G: nx.MultiDiGraph,
    path: str | os.PathLike[str],
    fmt: str | None = None,
    *,
    order: Sequence[Hashable] | None = None,
    focus: Hashable | None = None,
    title: str | None = None,
    total: int | None = None,
    colours: Mapping[str, str] | None = None,
) -> int:
    """Draw ``G`` as a study picture (PNG or SVG) with Matplotlib, offline.

    Concepts are coloured by topic and sized by importance, with their labels;
    edges are coloured and dashed by relation as on the map; a legend explains both.
    Every concept of ``G`` is drawn, up to :data:`PICTURE_MAX_NODES` (the most
    important; the picture then says how many of how many it shows). A learning path
    (``order``) is drawn in columns, prerequisites left of what they unlock, with only
    its prerequisites as edges (:func:`drawn_graph`); otherwise a spring layout (fixed
    seed) is used. The page grows to hold every label, the title and the legend: nothing
    is cut at its edges.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A concept graph (the view to draw).
    path : path-like
        The file to write.
    fmt : {"png", "svg"}, optional
        Default: from the file's suffix.
    order : sequence of node, optional
        A learning path, drawn in columns of prerequisite depth.
    focus : node, optional
        A concept to outline.
    title : str, optional
        The picture's title (default "Concept Atlas").
    total : int, optional
        How many concepts the view had before it was cut to ``G`` (the subtitle says
        "N of TOTAL concepts"); default ``G``'s own number.
    colours : mapping of str to str, optional
        Topic colours (:func:`graph.render.topic_colours` of the whole graph ``G`` is a
        part of, as the app's map colours it); default those of ``G`` (all of it, before
        it is cut to :data:`PICTURE_MAX_NODES`).

    Returns
    -------
    int
        The number of concepts drawn.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("nmr", "mri", relation="prerequisite_of")
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "map.svg"
    >>> write_picture(G, path)
    2
    >>> path.read_text(encoding="utf-8").count("<svg")
    1
    """
    fmt = (fmt or Path(path).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown picture format {fmt!r} (png or svg)")
    if colours is None:
        colours = topic_colours(G)
    fig, drawn = picture_figure(
        G, order=order, focus=focus, title=title, total=total, colours=colours
    )
    metadata = {"Date": None, "Creator": MARK} if fmt == "svg" else {"Software": MARK}

    def save(tmp: Path) -> None:
        with rc_context({"svg.fonttype": "none", "svg.hashsalt": "concept-atlas"}):
            fig.savefig(
                tmp,
                format=fmt,
                dpi=PICTURE_DPI,
                facecolor="white",
                metadata=metadata,
                bbox_inches="tight",
                pad_inches=PAD_INCHES,
            )

    replace_file(path, save, owned=is_own, what="picture")
    return drawn.number_of_nodes()


def is_own(path: Path) -> bool:
    """Whether ``path`` is a picture this module wrote (PNG text chunk ``Software`` or
    SVG ``dc:creator``)."""
    data = head(path)
    if data.startswith(_PNG_SIGNATURE):
        return _png_software(data) == MARK
    return f"<dc:title>{MARK}</dc:title>".encode() in data


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _png_software(data: bytes) -> str | None:
    """The ``Software`` text of a PNG's head (its chunks before the image data)."""
    at = len(_PNG_SIGNATURE)
    while at + 8 <= len(data):
        length = int.from_bytes(data[at : at + 4], "big")
        kind = data[at + 4 : at + 8]
        if kind == b"IDAT":
            return None
        body = data[at + 8 : at + 8 + length]
        if kind == b"tEXt" and b"\x00" in body:
            key, _, value = body.partition(b"\x00")
            if key == b"Software":
                return value.decode("latin-1")
        at += 12 + length
    return None


def picture_figure(
    G: nx.MultiDiGraph,
    *,
    order: Sequence[Hashable] | None = None,
    focus: Hashable | None = None,
    title: str | None = None,
    total: int | None = None,
    colours: Mapping[str, str] | None = None,
) -> tuple[Figure, nx.MultiDiGraph]:
    """The Matplotlib figure :func:`write_picture` saves, and the graph it draws."""
    total = G.number_of_nodes() if total is None else max(total, G.number_of_nodes())
    H = drawn_graph(G, order=order, focus=focus)
    nodes = list(H)
    steps = [node for node in order if node in H] if order is not None else []
    positions = _path_positions(H, steps) if steps else _spring_positions(H)
    number = {node: i for i, node in enumerate(steps, start=1)}  # a path's steps
    marks = {node: _NodeMark.of(H, node, number.get(node)) for node in nodes}
    alone = _unlinked(H)
    if alone and len(alone) < len(nodes) and not steps:
        caption = _NodeMark.caption("Not linked to other concepts:")
        x = min(positions[node][0] - marks[node].half_width for node in alone)
        y = max(positions[node][1] + marks[node].above for node in alone)
        positions[_CAPTION] = (x + caption.half_width, y + 0.1 + caption.below)
        marks[_CAPTION] = caption
    positions = _separate(positions, marks)
    legend = legend_items(H, colours)
    legend_rows = math.ceil((len(legend.topics) + len(legend.relations)) / 5)
    left, right, bottom, top = _extent(positions, marks)
    room_x = PICTURE_MAX_INCHES[0]
    room_y = PICTURE_MAX_INCHES[1] - 1.2 - 0.25 * legend_rows  # the title and legend
    shrink = min(1.0, room_x / (right - left), room_y / (top - bottom))
    if shrink < 1.0:  # too big for the page: scale positions, markers and text alike
        positions = {node: (x * shrink, y * shrink) for node, (x, y) in positions.items()}
        marks = {node: mark.scaled(shrink) for node, mark in marks.items()}
        left, right, bottom, top = _extent(positions, marks)
    # One unit of the layout is one inch of the page: the axes fill the figure exactly,
    # so labels keep the room the layout gave them (no overlap); the title sits above
    # and the legend below the axes, and the picture is saved with everything in it.
    width, height = max(MIN_INCHES[0], right - left), max(MIN_INCHES[1], top - bottom)
    left, right = (left + right - width) / 2, (left + right + width) / 2
    bottom, top = (bottom + top - height) / 2, (bottom + top + height) / 2
    fig = Figure(figsize=(width, height))
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_axis_off()
    ax.set_xlim(left, right)
    ax.set_ylim(bottom, top)
    sizes = {node: marks[node].size for node in nodes}
    on_typed = _draw_edges(ax, H, positions, sizes)
    nx.draw_networkx_nodes(
        H,
        positions,
        ax=ax,
        nodelist=nodes,
        node_size=[sizes[node] for node in nodes],
        node_color=[legend.topics.get(topic(H.nodes[node]), NO_TOPIC_COLOUR) for node in nodes],
        edgecolors=["#111111" if node == focus else "#ffffff" for node in nodes],
        linewidths=[3.0 if node == focus else 1.2 for node in nodes],
    )
    for node in nodes:
        mark = marks[node]
        text = ax.annotate(
            mark.text,
            positions[node],
            xytext=(0, -(mark.radius_pt + LABEL_GAP_PT)),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=mark.font,
            fontweight="bold" if mark.bold else "normal",
            color="#1f2933",
            linespacing=1.1,
            bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.8},
            zorder=5,
            annotation_clip=False,
        )
        text.set_gid(f"label-{nodes.index(node)}")
    if _CAPTION in marks:
        ax.text(
            positions[_CAPTION][0] - marks[_CAPTION].half_width,
            positions[_CAPTION][1],
            marks[_CAPTION].text,
            fontsize=marks[_CAPTION].font,
            style="italic",
            color="#52606d",
            va="top",
        )
    handles = [
        Line2D([], [], marker="o", ls="", ms=10, mfc=c, mec="white", label=_picture_label(t, 40))
        for t, c in legend.topics.items()
    ]
    handles += [
        Line2D(
            [],
            [],
            color=s.colour,
            lw=2,
            ls="--" if s.dashes else "-",
            marker=">" if s.arrows else "",
            markevery=[1],
            label=s.label,
        )
        for s in legend.relations.values()
    ]
    if handles:
        ax.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, 0.0),
            ncols=min(len(handles), 5),
            frameon=False,
            fontsize=11,
        )
    shown = plural(total, "concept")
    if len(nodes) < total:
        shown = f"{len(nodes)} of {shown}, the most important"
    shown += f"; {edge_counts(H).describe()}"
    if left_out := H.graph.get("weak_left_out"):
        shown += f"; {plural(left_out, 'weak link')} left out (concepts only named together)"
    if on_typed:
        shared = "shares its line" if on_typed == 1 else "share their line"
        shown += f"; {plural(on_typed, 'prerequisite')} {shared} with a typed relation"
    if implied := H.graph.get("implied_left_out"):
        follow = "follows" if implied == 1 else "follow"
        shown += f"; {plural(implied, 'more prerequisite')} {follow} from a chain of those drawn"
    ax.annotate(
        shown,
        (0.5, 1.0),
        xycoords="axes fraction",
        xytext=(0, 6),
        textcoords="offset points",
        ha="center",
        va="bottom",
        fontsize=11,
        color="#52606d",
        annotation_clip=False,
    )
    ax.annotate(
        _title_text(title or "Concept Atlas", width),
        (0.5, 1.0),
        xycoords="axes fraction",
        xytext=(0, 26),
        textcoords="offset points",
        ha="center",
        va="bottom",
        fontsize=16,
        fontweight="bold",
        annotation_clip=False,
    )
    return fig, H


#: Largest picture, in inches (width, height); resolution of PNG pictures.
PICTURE_MAX_INCHES = (30.0, 24.0)
PICTURE_DPI = 120
#: Smallest drawing area, in inches (width, height).
MIN_INCHES = (8.0, 4.0)
#: White margin around everything drawn, in inches.
PAD_INCHES = 0.3
#: Longest title drawn (a longer one ends with "…"), and its most lines.
TITLE_CHARS = 200
#: Space between a node and its label, in points.
LABEL_GAP_PT = 3.0
#: Stands for the caption of unlinked concepts among the nodes of a picture's layout.
_CAPTION = object()


@dataclass(frozen=True, slots=True)
class _NodeMark:
    """How one concept is drawn: marker area (points²), label text and font size,
    and the box that marker and label cover below the position, in inches."""

    size: float
    text: str
    font: float
    bold: bool
    half_width: float
    above: float
    below: float

    @property
    def radius_pt(self) -> float:
        return math.sqrt(self.size) / 2

    def scaled(self, factor: float) -> _NodeMark:
        return _NodeMark(
            size=self.size * factor**2,
            text=self.text,
            font=self.font * factor,
            bold=self.bold,
            half_width=self.half_width * factor,
            above=self.above * factor,
            below=self.below * factor,
        )

    @classmethod
    def caption(cls, text: str) -> _NodeMark:
        """A line of text (no marker) whose position is its top centre."""
        font = 11.0
        return cls(0.0, text, font, False, 0.3 * font / 72 * len(text), 0.0, 1.3 * font / 72)

    @classmethod
    def of(cls, H: nx.MultiDiGraph, node: Hashable, step: int | None = None) -> _NodeMark:
        """``node`` as drawn; a learning path's ``step`` numbers its label ("3. gas")."""
        weight = importance(H.nodes[node])
        size = 140 + 900 * weight
        font = 9.0 + 4.0 * weight
        name = label(H, node)
        text = _picture_label(name if step is None else f"{step}. {name}")
        lines = text.splitlines() or [""]
        radius = math.sqrt(size) / 2 / 72
        text_width = 0.6 * font / 72 * max(len(line) for line in lines)
        text_height = 1.25 * font / 72 * len(lines)
        return cls(
            size=size,
            text=text,
            font=font,
            bold=weight >= 0.6,
            half_width=max(radius, text_width / 2) + 0.08,
            above=radius + 0.05,
            below=radius + LABEL_GAP_PT / 72 + text_height + 0.05,
        )


def _spring_positions(H: nx.MultiDiGraph) -> dict[Hashable, tuple[float, float]]:
    """Connected concepts by a spring layout (fixed seed), in inches; concepts with no
    relation in a grid below them, most important first."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(H, key=str))
    simple.add_edges_from(sorted(((u, v) for u, v in H.edges() if u != v), key=str))
    alone = _unlinked(H)
    linked = [node for node in simple if node not in alone]
    positions: dict[Hashable, tuple[float, float]] = {}
    if linked:
        core = simple.subgraph(linked)
        layout = nx.spring_layout(
            core,
            seed=LAYOUT_SEED,
            k=1.6 / math.sqrt(len(linked)),
            iterations=200,
            method="energy",
        )
        xy = np.array([layout[n] for n in linked]) * 1.1 * math.sqrt(len(linked))
        xy = _landscape(xy - xy.mean(axis=0))
        positions = {n: (float(x), float(y)) for n, (x, y) in zip(linked, xy, strict=True)}
    if alone:
        xs = [x for x, _ in positions.values()] or [0.0]
        floor = min((y for _, y in positions.values()), default=0.0) - 1.6
        columns = max(4, int((max(xs) - min(xs)) / 1.7) + 1)
        for i, node in enumerate(alone):
            row, column = divmod(i, columns)
            positions[node] = (min(xs) + 1.7 * column, floor - 1.0 * row)
    return positions


def _unlinked(H: nx.MultiDiGraph) -> list[Hashable]:
    """Concepts with no relation to another concept, most important first."""
    linked = {n for u, v in H.edges() if u != v for n in (u, v)}
    return [node for node in ranked_concepts(H) if node not in linked]


def _landscape(xy: np.ndarray) -> np.ndarray:
    """Centred points rotated so that their longest spread runs left to right."""
    if len(xy) < 2:
        return xy
    _, vectors = np.linalg.eigh(np.cov(xy.T))
    return xy @ vectors[:, ::-1]


def _path_positions(H: nx.MultiDiGraph, steps: Sequence[Hashable]) -> dict:
    """Columns by prerequisite depth within the path (in path order within a column),
    in inches; concepts of ``H`` not on the path go in a last column. A step's column is
    never before the previous step's (as :func:`graph.view.path_graph` has it): read
    column by column, the picture gives the steps in the order they are numbered."""
    on_path = set(steps)
    depth: dict[Hashable, int] = {}
    previous = 0
    for node in steps:
        parents = [
            u
            for u, _, d in H.in_edges(node, data=True)
            if d.get("relation") == "prerequisite_of" and u in depth
        ]
        previous = depth[node] = max([previous, *(depth[u] + 1 for u in parents)])
    extra = max(depth.values(), default=-1) + 1
    columns: dict[int, list[Hashable]] = defaultdict(list)
    for node in steps:
        columns[depth[node]].append(node)
    columns[extra] += [node for node in H if node not in on_path]
    positions = {}
    for x, members in columns.items():
        for i, node in enumerate(members):
            positions[node] = (2.2 * x, -(i - (len(members) - 1) / 2) * 1.2)
    return positions


def _separate(
    positions: Mapping[Hashable, tuple[float, float]],
    marks: Mapping[Hashable, _NodeMark],
    rounds: int = 300,
) -> dict[Hashable, tuple[float, float]]:
    """Move nodes apart until no two marker+label boxes overlap (or ``rounds`` runs
    out): each overlapping pair is pushed apart along the axis that needs less."""
    nodes = list(positions)
    if len(nodes) < 2:
        return dict(positions)
    xy = np.array([positions[n] for n in nodes], dtype=float)
    half_w = np.array([marks[n].half_width for n in nodes])
    half_h = np.array([(marks[n].above + marks[n].below) / 2 for n in nodes])
    offset = np.array([(marks[n].above - marks[n].below) / 2 for n in nodes])
    for _ in range(rounds):
        cx, cy = xy[:, 0], xy[:, 1] + offset
        dx = cx[:, None] - cx[None, :]
        dy = cy[:, None] - cy[None, :]
        over_x = half_w[:, None] + half_w[None, :] - np.abs(dx)
        over_y = half_h[:, None] + half_h[None, :] - np.abs(dy)
        clash = (over_x > 0) & (over_y > 0)
        np.fill_diagonal(clash, False)
        if not clash.any():
            break
        along_x = clash & (over_x <= 2 * over_y)  # sideways is cheaper: labels are tall
        along_y = clash & ~along_x
        sign_x = np.where(dx >= 0, 1.0, -1.0)
        sign_y = np.where(dy >= 0, 1.0, -1.0)
        xy[:, 0] += (np.where(along_x, over_x * sign_x, 0.0) / 2 + 0.01 * along_x).sum(axis=1)
        xy[:, 1] += (np.where(along_y, over_y * sign_y, 0.0) / 2 + 0.01 * along_y).sum(axis=1)
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, xy, strict=True)}


def _extent(
    positions: Mapping[Hashable, tuple[float, float]], marks: Mapping[Hashable, _NodeMark]
) -> tuple[float, float, float, float]:
    """Left, right, bottom and top of everything drawn, in inches, with a margin."""
    if not positions:
        return -1.0, 1.0, -1.0, 1.0
    left = min(x - marks[n].half_width for n, (x, _) in positions.items())
    right = max(x + marks[n].half_width for n, (x, _) in positions.items())
    bottom = min(y - marks[n].below for n, (_, y) in positions.items())
    top = max(y + marks[n].above for n, (_, y) in positions.items())
    return left - 0.2, right + 0.2, bottom - 0.2, top + 0.2


def _draw_edges(ax: Any, H: nx.MultiDiGraph, positions: Mapping, sizes: Mapping) -> int:
    """Draw the relations of ``H``, one line where two would say the same, as the app's
    map draws them: a relation the notes state both ways ("contrasts with") once, and a
    prerequisite between two concepts a typed relation joins on that relation's line
    (:func:`graph.render.fold_lines`). Returns how many prerequisites ride on a typed
    line."""
    on_typed = {(u, v, k) for (u, v, k), why in fold_lines(H).items() if why == FOLDED_TYPED}
    grouped: dict[str, list[tuple[Hashable, Hashable]]] = defaultdict(list)
    for u, v, k, d in H.edges(keys=True, data=True):
        relation = str(d.get("relation") or "related_to")
        if u == v or (u, v, k) in on_typed:
            continue
        if relation in SYMMETRIC_RELATIONS and (v, u) in grouped[relation]:
            continue  # the other way of one drawn: a line without arrows says both
        grouped[relation].append((u, v))
    nodelist = list(H)
    for relation, edges in grouped.items():
        shown = style(relation)
        nx.draw_networkx_edges(
            H,
            positions,
            ax=ax,
            edgelist=list(dict.fromkeys(edges)),
            nodelist=nodelist,
            node_size=[sizes[node] for node in nodelist],
            edge_color=shown.colour,
            style="--" if shown.dashes else "-",
            width=1.3 if shown.dashes else 2.0,
            alpha=0.8 if shown.dashes else 0.95,
            arrows=True,
            arrowstyle="-|>" if shown.arrows else "-",
            arrowsize=16,
            connectionstyle="arc3,rad=0.08",
        )
    return len({(u, v) for u, v, _ in on_typed})


def _title_text(text: str, width_inches: float) -> str:
    """The title wrapped to the picture's width (16 pt bold: ~0.16 in a character)."""
    chars = max(30, int(width_inches / 0.16))
    wrapped = textwrap.fill(cut(text, TITLE_CHARS), width=chars, break_long_words=True)
    return wrapped.replace("$", r"\$")


def _most_important(G: nx.MultiDiGraph, limit: int, focus: Hashable | None) -> nx.MultiDiGraph:
    if G.number_of_nodes() <= limit:
        return G
    keep = ranked_concepts(G)[:limit]
    if focus in G and focus not in keep:
        keep[-1] = focus
    return G.subgraph(keep).copy()


def drawn_graph(
    G: nx.MultiDiGraph, *, order: Sequence[Hashable] | None = None, focus: Hashable | None = None
) -> nx.MultiDiGraph:
    """What a picture of ``G`` draws: at most :data:`PICTURE_MAX_NODES` concepts, the most
    important (``focus`` among them); for a learning path (``order``), only the
    prerequisites between its steps, which its columns follow, but not one that a chain
    of the others already leads along (:func:`graph.render.fold_lines`, as the app's path
    draws them: such a line only runs through the steps between);
    ``graph["implied_left_out"]`` counts them, and the picture says so. A picture has no switch:
    its weak links are left out, as the app's map first hides them, unless the notes
    state too few relations for a picture without them (:func:`graph.view.weak_links_first`);
    ``graph["weak_left_out"]`` counts them, and the picture says so.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("enzyme", "catalyst", relation="is_a")
    >>> _ = G.add_edge("enzyme", "substrate", relation="is_a")
    >>> _ = G.add_edge("catalyst", "substrate", relation="related_to")
    >>> H = drawn_graph(G)
    >>> H.number_of_edges(), H.graph["weak_left_out"]
    (2, 1)
    >>> P = nx.MultiDiGraph()
    >>> for u, v in [("ion", "salt"), ("salt", "brine"), ("ion", "brine")]:
    ...     _ = P.add_edge(u, v, relation="prerequisite_of", confidence=0.8)
    >>> H = drawn_graph(P, order=["ion", "salt", "brine"])
    >>> sorted(H.edges()), H.graph["implied_left_out"]
    ([('ion', 'salt'), ('salt', 'brine')], 1)
    """
    H = _most_important(G, PICTURE_MAX_NODES, focus)
    if order is None:
        from graph.view import weak_links_first

        weak = [
            (u, v, k) for u, v, k, r in H.edges(keys=True, data="relation") if r == "related_to"
        ]
        if weak and not weak_links_first(H):
            H = H.copy() if H is G else H
            H.remove_edges_from(weak)
            H.graph["weak_left_out"] = len(weak)
        return H
    path = nx.MultiDiGraph(**H.graph)
    path.add_nodes_from(H.nodes(data=True))
    path.add_edges_from(
        (u, v, k, a)
        for u, v, k, a in H.edges(keys=True, data=True)
        if a.get("relation") == "prerequisite_of"
    )
    implied = [edge for edge, why in fold_lines(path).items() if why == FOLDED_CHAIN]
    if implied:
        path.remove_edges_from(implied)
        path.graph["implied_left_out"] = path.graph.get("implied_left_out", 0) + len(implied)
    return path


def write(selection: Selection, path: Path, fmt: str) -> Written:
    drawn = drawn_graph(selection.graph, order=selection.order, focus=selection.focus)
    write_picture(
        drawn,
        path,
        fmt,
        order=selection.order,
        focus=selection.focus,
        title=selection.title,
        total=selection.total,
        colours=selection.colours,
    )
    remarks: tuple[str, ...] = ()
    if left_out := drawn.graph.get("weak_left_out"):
        remarks = (f"left out: {plural(left_out, 'weak link')} (concepts only named together)",)
    if implied := drawn.graph.get("implied_left_out"):
        remarks += (f"not drawn: {plural(implied, 'prerequisite')} a chain of others leads along",)
    return Written(path, fmt, drawn, total=selection.total, remarks=remarks)


def _picture_label(text: str, width: int = 18) -> str:
    """A label for Matplotlib: one line of at most ~48 characters wrapped at
    ``width``, with ``$`` escaped (Matplotlib would read it as maths)."""
    wrapped = textwrap.fill(cut(text, 48), width=width, break_long_words=True)
    return wrapped.replace("$", r"\$")
