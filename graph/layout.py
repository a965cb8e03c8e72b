"""Layouts whose every label can be read: no two labels overlap, and at the initial zoom
each is drawn at least :data:`MIN_LABEL_PX` pixels tall in the viewport it was laid out for.

The map draws a node as a dot with its label below it (vis-network's ``dot`` shape). The
space it takes is a :class:`NodeBox` worked out from the label's text (measured with the
metrics of DejaVu Sans, the widest of the usual sans-serif faces, which matplotlib ships),
its font size and the dot's radius, in canvas units (pixels at zoom 1). A layout:

1. places the nodes (a seeded spring layout, or columns for a learning path),
2. pushes overlapping boxes apart until none overlaps (:func:`separate`), then stretches
   the shorter side to the viewport's shape (stretching never makes boxes overlap),
3. frames the boxes in the viewport (:func:`frame`): the zoom that fits them, never
   below the zoom at which the smallest font is :data:`MIN_LABEL_PX` tall.

:func:`legible_layout` lays out the most important nodes of a ranked list, as many as fit
the viewport at a legible zoom: how many are drawn comes from the viewport, not from a
constant. With more nodes than fit (``count``), the layout stays free of overlaps and
opens at the legible zoom around its first node; the rest is a pan away.

Examples
--------
>>> import networkx as nx
>>> G = nx.path_graph(["nmr", "mri", "fmri", "angiography"])
>>> boxes = {n: node_box(n, 14, 10) for n in G}
>>> layout = legible_layout(G, list(G), boxes, Viewport(900, 600))
>>> layout.nodes, layout.zoom >= MIN_LABEL_PX / 14
(['nmr', 'mri', 'fmri', 'angiography'], True)
>>> overlapping_pairs(layout.positions, boxes)
[]
"""

from __future__ import annotations

import functools
import math
import re
import textwrap
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np

__all__ = [
    "GAP",
    "MARGIN",
    "MAX_ZOOM",
    "MIN_LABEL_PX",
    "Layout",
    "NodeBox",
    "Region",
    "Viewport",
    "clear_lines",
    "fits_at_once",
    "frame",
    "grouped_layout",
    "legible_layout",
    "line_crossings",
    "node_box",
    "overlapping_pairs",
    "regions_view",
    "row_layout",
    "row_numbers",
    "row_zoom",
    "separate",
    "text_width",
    "wrap_label",
]

#: The smallest a label may be drawn at the initial zoom, in CSS pixels.
MIN_LABEL_PX = 11
#: Room kept between two node boxes, in canvas units.
GAP = 8.0
#: Room kept between the drawing and the viewport's edge, in pixels.
MARGIN = 14.0
#: The initial zoom never enlarges a drawing beyond this.
MAX_ZOOM = 1.0
#: Measured widths are widened this much, for the rounding of another renderer.
WIDTH_SLACK = 1.005
#: Characters per label line before it wraps, and lines before it is cut.
LINE_CHARS = 22
MAX_LINES = 3
#: Where vis-network draws a ``dot`` node's label: its top is this far below the dot
#: plus half a line, and the text's stroke widens it by this much (measured in Chromium).
LABEL_OFFSET = 4.0
LABEL_STROKE = 3.0
#: The share of the viewport that node boxes fill in a first guess of how many fit.
PACKING = 0.3
#: Times a layout is drawn in (shrunk and separated again) to use the viewport better.
COMPACTION_ROUNDS = 5
#: Rounds of :func:`separate` per step of a layout (what is left is spread out at once).
SPREAD_ROUNDS = 60
#: Layouts tried when looking for how many nodes fit.
FIT_TRIES = 5
#: Pull of the hidden hub that keeps unlinked nodes near the rest (an edge weighs 1).
GRAVITY = 0.08
#: Seed of every layout: the same graph is always drawn the same way.
SEED = 7


@dataclass(frozen=True, slots=True)
class Viewport:
    """The size of a drawing on screen, in CSS pixels."""

    width: float
    height: float


@dataclass(frozen=True, slots=True)
class NodeBox:
    """The space a drawn node takes around its centre, in canvas units.

    Attributes
    ----------
    half_width : float
        Half the width of the wider of the dot and the label.
    above : float
        From the centre up to the top of the dot.
    below : float
        From the centre down to the bottom of the label.
    font_size : float
        The label's font size (its height at zoom 1).
    """

    half_width: float
    above: float
    below: float
    font_size: float

    @property
    def area(self) -> float:
        return 2 * self.half_width * (self.above + self.below)


@dataclass(frozen=True, slots=True)
class Layout:
    """Positions of the drawn nodes and the view that opens on them.

    Attributes
    ----------
    nodes : list
        The nodes laid out, in the order of the ranking they came from.
    positions : dict
        Node -> (x, y) in canvas units.
    centre : tuple of float
        The canvas point at the middle of the initial view.
    zoom : float
        The initial zoom (screen pixels per canvas unit).
    fits : bool
        Whether every node is inside the initial view.
    """

    nodes: list[Hashable]
    positions: dict[Hashable, tuple[float, float]]
    centre: tuple[float, float]
    zoom: float
    fits: bool

    def view(self) -> dict[str, float]:
        """The initial view as the map page takes it: ``{"x", "y", "scale"}``."""
        return {"x": self.centre[0], "y": self.centre[1], "scale": self.zoom}


@functools.cache
def _face() -> object:
    from matplotlib import font_manager, ft2font

    return ft2font.FT2Font(font_manager.findfont("DejaVu Sans", fallback_to_default=True))


@functools.cache
def _advance(char: str) -> float:
    """How far one character advances the pen in DejaVu Sans, in ems (a full em for a
    character the face lacks, which the browser draws from another face)."""
    from matplotlib import ft2font

    face = _face()
    if face.get_char_index(ord(char)) == 0:  # type: ignore[attr-defined]
        return 1.0
    face.set_size(100, 72)  # type: ignore[attr-defined]
    glyph = face.load_char(ord(char), flags=ft2font.LoadFlags.NO_HINTING)  # type: ignore[attr-defined]
    return float(glyph.linearHoriAdvance) / 65536 / 100


def text_width(text: str, size: float) -> float:
    """The width of one line of ``text`` at font ``size`` in DejaVu Sans, as a browser's
    canvas measures it, or a little more (kerning, which only narrows, is left out).

    Examples
    --------
    >>> round(text_width("osmotic pressure", 14), 1)  # Chromium: 120.1
    121.3
    >>> text_width("", 14)
    0.0
    """
    return float(sum(_advance(char) for char in text) * size * WIDTH_SLACK)


#: A closing aside in brackets, "(ITCZ)": what a label too long to show whole leaves out.
TRAILING_ASIDE = re.compile(r"\s*\([^()]*\)$")


def wrap_label(text: str, *, width: int = LINE_CHARS, lines: int = MAX_LINES) -> str:
    """``text`` on at most ``lines`` lines of about ``width`` characters (``\\n``
    between them), cut with an ellipsis when longer.

    Examples
    --------
    >>> wrap_label("GDP (gross domestic product)")
    'GDP (gross domestic\\nproduct)'
    >>> wrap_label("a " * 60).count("\\n"), wrap_label("a " * 60).endswith("…")
    (2, True)

    A name too long with the short form it ends in is given without it, not cut in it.

    >>> wrap_label("Intertropical Convergence Zone (ITCZ)", lines=2)
    'Intertropical\\nConvergence Zone'
    >>> wrap_label("Intertropical Convergence Zone (ITCZ)")  # room for it: kept
    'Intertropical\\nConvergence Zone\\n(ITCZ)'
    """
    words = " ".join(str(text).split())
    wrapped = textwrap.wrap(words, width=width, break_on_hyphens=False) or [""]
    if len(wrapped) > lines and (short := TRAILING_ASIDE.sub("", words)) not in ("", words):
        # a name too long with its short form, "(ITCZ)", is given without it rather than
        # cut in the middle of it (the whole name is in the tooltip and the legend)
        return wrap_label(short, width=width, lines=lines)
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][: width - 1].rstrip() + "…"
    return "\n".join(wrapped)


def node_box(label: str, font_size: float, radius: float) -> NodeBox:
    """The box of a ``dot`` node of ``radius`` with ``label`` (lines split on ``\\n``)
    drawn below it at ``font_size``.

    Examples
    --------
    >>> box = node_box("osmotic\\npressure", 14, 10)
    >>> box.above, box.below
    (10, 50.5)
    """
    lines = str(label).split("\n")
    width = max(text_width(line, font_size) for line in lines) + LABEL_STROKE
    below = radius + font_size / 2 + LABEL_OFFSET + len(lines) * font_size + LABEL_STROKE / 2
    return NodeBox(max(radius, width / 2), radius, below, font_size)


def _arrays(
    nodes: Sequence[Hashable], boxes: Mapping[Hashable, NodeBox]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    half = np.array([boxes[n].half_width for n in nodes], dtype=float)
    above = np.array([boxes[n].above for n in nodes], dtype=float)
    below = np.array([boxes[n].below for n in nodes], dtype=float)
    return half, above, below


def _overlaps(
    xy: np.ndarray,
    half: np.ndarray,
    above: np.ndarray,
    below: np.ndarray,
    gap: float,
    pairs: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every overlapping pair (i < j): indices, overlap along x and y, offsets."""
    i, j = pairs if pairs is not None else np.triu_indices(len(xy), k=1)
    dx = xy[i, 0] - xy[j, 0]
    dy = xy[i, 1] - xy[j, 1]
    over_x = half[i] + half[j] + gap - np.abs(dx)
    # i below j (dy >= 0): i's top meets j's bottom; else j's top meets i's bottom
    need_y = np.where(dy >= 0, above[i] + below[j], below[i] + above[j])
    over_y = need_y + gap - np.abs(dy)
    hit = (over_x > 1e-9) & (over_y > 1e-9)
    return i[hit], j[hit], over_x[hit], over_y[hit], np.stack([dx[hit], dy[hit]], axis=1)


def overlapping_pairs(
    positions: Mapping[Hashable, tuple[float, float]],
    boxes: Mapping[Hashable, NodeBox],
    *,
    gap: float = 0.0,
) -> list[tuple[Hashable, Hashable]]:
    """The pairs of nodes whose boxes overlap (closer than ``gap``).

    Examples
    --------
    >>> boxes = {n: NodeBox(10, 5, 5, 12) for n in "abc"}
    >>> overlapping_pairs({"a": (0, 0), "b": (15, 0), "c": (100, 0)}, boxes)
    [('a', 'b')]
    """
    nodes = list(positions)
    if len(nodes) < 2:
        return []
    xy = np.array([positions[n] for n in nodes], dtype=float)
    i, j, *_ = _overlaps(xy, *_arrays(nodes, boxes), gap)
    return [(nodes[a], nodes[b]) for a, b in zip(i, j, strict=True)]


def separate(
    positions: Mapping[Hashable, tuple[float, float]],
    boxes: Mapping[Hashable, NodeBox],
    *,
    gap: float = GAP,
    rounds: int = 300,
) -> dict[Hashable, tuple[float, float]]:
    """``positions`` moved as little as it takes for no two boxes to overlap.

    Each round moves both nodes of every overlapping pair half the overlap apart along
    the axis where it is smaller. What is left after ``rounds`` is settled by spreading
    the whole drawing out from its centre until the last pair clears, so the result
    never overlaps (a coincident pair is first split deterministically).

    Examples
    --------
    >>> boxes = {n: NodeBox(20, 5, 20, 12) for n in "abc"}
    >>> moved = separate({"a": (0, 0), "b": (5, 3), "c": (0, 0)}, boxes)
    >>> overlapping_pairs(moved, boxes, gap=GAP)
    []
    """
    nodes = list(positions)
    if len(nodes) < 2:
        return {n: (float(x), float(y)) for n, (x, y) in positions.items()}
    half, above, below = _arrays(nodes, boxes)
    xy = np.array([positions[n] for n in nodes], dtype=float)
    # split coincident nodes: a fixed small spiral, so the result is deterministic
    _, counts = np.unique(xy.round(6), axis=0, return_counts=True)
    if (counts > 1).any():
        angle = np.arange(len(nodes)) * 2.399963
        xy += np.stack([np.cos(angle), np.sin(angle)], axis=1) * 0.5
    pairs = np.triu_indices(len(nodes), k=1)
    xy = _push_apart(xy, half, above, below, gap, pairs, rounds)
    i, _, over_x, over_y, offset = _overlaps(xy, half, above, below, gap, pairs)
    if len(i):
        with np.errstate(divide="ignore"):
            need_x = (np.abs(offset[:, 0]) + over_x) / np.abs(offset[:, 0])
            need_y = (np.abs(offset[:, 1]) + over_y) / np.abs(offset[:, 1])
        factor = float(np.max(np.minimum(need_x, need_y))) * 1.001
        centre = xy.mean(axis=0)
        xy = centre + (xy - centre) * factor
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, xy, strict=True)}


def _push_apart(
    xy: np.ndarray,
    half: np.ndarray,
    above: np.ndarray,
    below: np.ndarray,
    gap: float,
    pairs: tuple[np.ndarray, np.ndarray],
    rounds: int,
) -> np.ndarray:
    """The rounds of :func:`separate`: each moves both nodes of every overlapping pair
    half the overlap apart along the axis where it is smaller.

    The same arithmetic as :func:`_overlaps` and ``np.add.at`` (so the same positions to
    the last bit), with what does not change between rounds worked out once: a scene
    runs a few hundred rounds, and most of their time was spent building small arrays.
    """
    i, j = pairs
    count = len(xy)
    wide = half[i] + half[j] + gap  # over_x = wide - |dx|
    down = above[i] + below[j]  # i below j: i's top meets j's bottom
    up = below[i] + above[j]
    x, y = xy[:, 0].copy(), xy[:, 1].copy()
    for _ in range(rounds):
        dx = x[i] - x[j]
        dy = y[i] - y[j]
        over_x = wide - np.abs(dx)
        over_y = np.where(dy >= 0, down, up) + gap - np.abs(dy)
        hit = (over_x > 1e-9) & (over_y > 1e-9)
        if not hit.any():
            break
        over_x, over_y, dx, dy = over_x[hit], over_y[hit], dx[hit], dy[hit]
        along_x = over_x * 0.5 <= over_y  # labels are wide: moving up or down is cheaper
        sign_x = np.where(dx >= 0, 1.0, -1.0)
        sign_y = np.where(dy >= 0, 1.0, -1.0)
        step_x = np.where(along_x, sign_x * (over_x / 2 + 0.5), 0.0)
        step_y = np.where(along_x, 0.0, sign_y * (over_y / 2 + 0.5))
        # the moves of every i, then of every j, added in that order (as np.add.at does)
        index = np.concatenate([i[hit], j[hit]])
        x += np.bincount(index, np.concatenate([step_x, -step_x]), count)
        y += np.bincount(index, np.concatenate([step_y, -step_y]), count)
    return np.stack([x, y], axis=1)


def _extent(
    positions: Mapping[Hashable, tuple[float, float]], boxes: Mapping[Hashable, NodeBox]
) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of all boxes."""
    return (
        min(x - boxes[n].half_width for n, (x, _) in positions.items()),
        min(y - boxes[n].above for n, (_, y) in positions.items()),
        max(x + boxes[n].half_width for n, (x, _) in positions.items()),
        max(y + boxes[n].below for n, (_, y) in positions.items()),
    )


def min_zoom(boxes: Mapping[Hashable, NodeBox]) -> float:
    """The zoom at which the smallest label is :data:`MIN_LABEL_PX` tall."""
    smallest = min((box.font_size for box in boxes.values()), default=MIN_LABEL_PX)
    return MIN_LABEL_PX / smallest


def frame(
    positions: Mapping[Hashable, tuple[float, float]],
    boxes: Mapping[Hashable, NodeBox],
    viewport: Viewport,
    *,
    around: Hashable | None = None,
) -> tuple[tuple[float, float], float, bool]:
    """The initial view of a drawing: its centre, zoom, and whether it all fits.

    The zoom fits every box in ``viewport`` (less :data:`MARGIN`), at most
    :data:`MAX_ZOOM` and never below :func:`min_zoom`. A drawing too large for that
    opens at the legible zoom, centred on ``around`` (default: the middle).

    Examples
    --------
    >>> boxes = {"a": NodeBox(50, 10, 30, 14), "b": NodeBox(50, 10, 30, 14)}
    >>> frame({"a": (0, 0), "b": (200, 0)}, boxes, Viewport(400, 300))
    ((100.0, 10.0), 1.0, True)
    """
    if not positions:
        return (0.0, 0.0), MAX_ZOOM, True
    left, top, right, bottom = _extent(positions, boxes)
    fit = min(_fit_zoom(positions, boxes, viewport), MAX_ZOOM)
    floor = min_zoom({n: boxes[n] for n in positions})
    centre = ((left + right) / 2, (top + bottom) / 2)
    if fit >= floor:
        return centre, fit, True
    if around is not None and around in positions:
        centre = positions[around]
    return (float(centre[0]), float(centre[1])), floor, False


def _spring(
    G: nx.Graph, nodes: Sequence[Hashable], *, seed: int = SEED
) -> dict[Hashable, tuple[float, float]]:
    """A seeded spring layout of ``nodes`` (edges of ``G`` between them) in [-1, 1]².

    A hidden hub tied weakly to every node keeps concepts without edges, and separate
    pieces of the graph, near the others instead of at the edge of the drawing."""
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    H = nx.Graph()
    H.add_nodes_from(range(len(nodes) + 1))
    index = {node: i for i, node in enumerate(nodes)}
    for u, v in G.edges(nodes):
        if u in index and v in index and u != v:
            H.add_edge(index[u], index[v], weight=1.0)
    hub = len(nodes)
    H.add_edges_from((hub, i, {"weight": GRAVITY}) for i in range(len(nodes)))
    layout = nx.spring_layout(H, seed=seed, iterations=80, weight="weight")
    return {node: (float(layout[i][0]), float(layout[i][1])) for node, i in index.items()}


def _spread(
    unit: Mapping[Hashable, tuple[float, float]],
    boxes: Mapping[Hashable, NodeBox],
    viewport: Viewport,
    *,
    rounds: int = COMPACTION_ROUNDS,
) -> dict[Hashable, tuple[float, float]]:
    """Unit positions scaled to the viewport's shape with room for the boxes, separated,
    then drawn in (shrunk by 15% and separated again) while that lets them be framed at
    a larger zoom."""
    area = sum(boxes[n].area for n in unit) / PACKING
    aspect = viewport.width / max(viewport.height, 1.0)
    half_w, half_h = math.sqrt(area * aspect) / 2, math.sqrt(area / aspect) / 2
    placed = _to_aspect(
        separate(
            {n: (x * half_w, y * half_h) for n, (x, y) in unit.items()}, boxes, rounds=SPREAD_ROUNDS
        ),
        boxes,
        aspect,
    )
    best, best_zoom = placed, _fit_zoom(placed, boxes, viewport)
    for _ in range(rounds):
        cx = sum(x for x, _ in placed.values()) / len(placed)
        cy = sum(y for _, y in placed.values()) / len(placed)
        shrunk = {n: (cx + (x - cx) * 0.85, cy + (y - cy) * 0.85) for n, (x, y) in placed.items()}
        placed = _to_aspect(separate(shrunk, boxes, rounds=SPREAD_ROUNDS), boxes, aspect)
        zoom = _fit_zoom(placed, boxes, viewport)
        if zoom > best_zoom:
            best, best_zoom = placed, zoom
    return best


def _to_aspect(
    positions: Mapping[Hashable, tuple[float, float]],
    boxes: Mapping[Hashable, NodeBox],
    aspect: float,
) -> dict[Hashable, tuple[float, float]]:
    """``positions`` stretched along the short side to ``aspect`` (width / height);
    stretching only moves boxes apart."""
    left, top, right, bottom = _extent(positions, boxes)
    width, height = max(right - left, 1e-9), max(bottom - top, 1e-9)
    stretch_x = max(1.0, height * aspect / width)
    stretch_y = max(1.0, width / aspect / height)
    return {n: (x * stretch_x, y * stretch_y) for n, (x, y) in positions.items()}


def _fit_zoom(
    positions: Mapping[Hashable, tuple[float, float]],
    boxes: Mapping[Hashable, NodeBox],
    viewport: Viewport,
) -> float:
    left, top, right, bottom = _extent(positions, boxes)
    room_x = max(1.0, viewport.width - 2 * MARGIN)
    room_y = max(1.0, viewport.height - 2 * MARGIN)
    return min(room_x / max(right - left, 1e-9), room_y / max(bottom - top, 1e-9))


def legible_layout(
    G: nx.Graph,
    ranked: Sequence[Hashable],
    boxes: Mapping[Hashable, NodeBox],
    viewport: Viewport,
    *,
    count: int | None = None,
    minimum: int = 1,
) -> Layout:
    """Lay out the first nodes of ``ranked``: as many as fit ``viewport`` legibly, or
    ``count`` of them.

    Parameters
    ----------
    G : networkx.Graph
        The graph whose edges pull nodes together (any direction, any multiplicity).
    ranked : sequence of node
        Candidates, most wanted first; the first is the one the view centres on when
        the drawing is larger than the viewport.
    boxes : mapping of node to NodeBox
        The space each candidate takes (:func:`node_box`).
    viewport : Viewport
        The size of the drawing on screen.
    count : int, optional
        Draw exactly this many (capped at the candidates): more than fit opens at the
        legible zoom around the first. Default: as many as fit.
    minimum : int
        Draw at least this many even when fewer fit.

    Returns
    -------
    Layout
        The nodes drawn, their positions and the initial view.
    """
    ranked = list(dict.fromkeys(ranked))
    if not ranked:
        return Layout([], {}, (0.0, 0.0), MAX_ZOOM, True)
    if count is not None:
        return _layout(G, ranked[: max(1, count)], boxes, viewport)
    floor = max(1, min(minimum, len(ranked)))
    usable = viewport.width * viewport.height / min_zoom(boxes) ** 2
    k, total = 0, 0.0
    for node in ranked:  # first guess: the boxes fill PACKING of the screen
        if total + boxes[node].area > usable * PACKING and k >= floor:
            break
        total += boxes[node].area
        k += 1
    best: Layout | None = None
    tried: set[int] = set()
    while k not in tried and len(tried) < FIT_TRIES:
        tried.add(k)
        layout = _layout(G, ranked[:k], boxes, viewport)
        if layout.fits:
            best = layout if best is None or k > len(best.nodes) else best
            if k >= len(ranked):
                break
            k = min(len(ranked), k + max(1, k // 5))  # it fits: try a fifth more
        elif best is not None or k <= floor:
            break
        else:
            k = max(floor, int(k * 0.8))
    return best if best is not None else layout


#: Rounds of :func:`clear_lines`: each moves the nodes a line runs through off it.
CLEAR_ROUNDS = 8
#: Points along a line checked against the boxes of the nodes it does not join.
LINE_SAMPLES = 32
#: How much of its zoom a drawing may give up for its lines to pass by the labels.
CLEAR_ZOOM_LOSS = 0.1
#: A drawing of at most this many nodes is laid out from :data:`LAYOUT_TRIES` seeds,
#: the one whose lines run through the fewest labels kept (a few springs are quick).
FEW_NODES = 24
LAYOUT_TRIES = 12


def _lines(G: nx.Graph, nodes: Sequence[Hashable]) -> list[tuple[int, int]]:
    """The straight lines between ``nodes`` (indices), each pair once."""
    index = {node: i for i, node in enumerate(nodes)}
    pairs = {
        (min(index[u], index[v]), max(index[u], index[v]))
        for u, v in G.edges(nodes)
        if u in index and v in index and u != v
    }
    return sorted(pairs)


def _crossed(xy: np.ndarray, rects: np.ndarray, a: int, b: int) -> np.ndarray:
    """Which boxes (``rects``: rows left, right, top, bottom) the straight line from
    node ``a`` to node ``b`` runs through, its own ends' aside."""
    t = np.linspace(0.0, 1.0, LINE_SAMPLES + 2)[1:-1, None]
    points = xy[a] + t * (xy[b] - xy[a])
    x, y = points[:, :1], points[:, 1:]
    inside = (x > rects[:, 0]) & (x < rects[:, 1]) & (y > rects[:, 2]) & (y < rects[:, 3])
    hit = inside.any(axis=0)
    hit[[a, b]] = False
    return hit


def _rects(xy: np.ndarray, half: np.ndarray, above: np.ndarray, below: np.ndarray) -> np.ndarray:
    return np.stack([xy[:, 0] - half, xy[:, 0] + half, xy[:, 1] - above, xy[:, 1] + below], 1)


def line_crossings(
    G: nx.Graph,
    positions: Mapping[Hashable, tuple[float, float]],
    boxes: Mapping[Hashable, NodeBox],
) -> int:
    """How many times a straight line of ``G`` between two placed nodes runs through the
    dot or the label of a third (each line and node once).

    >>> boxes = {n: NodeBox(30, 8, 30, 14) for n in "abc"}
    >>> G = nx.Graph([("a", "b")])
    >>> line_crossings(G, {"a": (0, 0), "b": (200, 0), "c": (100, -10)}, boxes)
    1
    >>> line_crossings(G, {"a": (0, 0), "b": (200, 0), "c": (100, 80)}, boxes)
    0
    """
    nodes = list(positions)
    xy = np.array([positions[n] for n in nodes], dtype=float).reshape(-1, 2)
    rects = _rects(xy, *_arrays(nodes, boxes))
    return int(sum(_crossed(xy, rects, a, b).sum() for a, b in _lines(G, nodes)))


def clear_lines(
    G: nx.Graph,
    positions: Mapping[Hashable, tuple[float, float]],
    boxes: Mapping[Hashable, NodeBox],
    *,
    rounds: int = CLEAR_ROUNDS,
) -> dict[Hashable, tuple[float, float]]:
    """``positions`` with each node that a straight line of ``G`` runs through (its dot
    or its label: a line under a label makes both hard to read) moved off the line,
    square to it, and the boxes separated again (:func:`separate`); ``rounds`` times,
    or until no line runs through a node.

    >>> boxes = {n: NodeBox(30, 8, 30, 14) for n in "abc"}
    >>> G = nx.Graph([("a", "b")])
    >>> moved = clear_lines(G, {"a": (0, 0), "b": (200, 0), "c": (100, -10)}, boxes)
    >>> line_crossings(G, moved, boxes), overlapping_pairs(moved, boxes)
    (0, [])
    """
    nodes = list(positions)
    lines = _lines(G, nodes)
    if not lines or len(nodes) < 3:
        return {n: (float(x), float(y)) for n, (x, y) in positions.items()}
    half, above, below = _arrays(nodes, boxes)
    xy = np.array([positions[n] for n in nodes], dtype=float)
    for _ in range(rounds):
        rects = _rects(xy, half, above, below)
        push = np.zeros_like(xy)
        crossed = False
        for a, b in lines:
            hit = np.flatnonzero(_crossed(xy, rects, a, b))
            if not len(hit):
                continue
            crossed = True
            along = xy[b] - xy[a]
            normal = np.array([-along[1], along[0]]) / max(float(np.hypot(*along)), 1e-9)
            centre = np.stack([xy[hit, 0], xy[hit, 1] + (below[hit] - above[hit]) / 2], 1)
            side = (centre - xy[a]) @ normal
            reach = (
                np.abs(normal[0]) * half[hit] + np.abs(normal[1]) * (above[hit] + below[hit]) / 2
            )
            amount = (reach + GAP - np.abs(side)) * np.where(side >= 0, 1.0, -1.0)
            push[hit] += 0.5 * amount[:, None] * normal  # the node half, the line half
            push[[a, b]] -= 0.25 * amount.sum() * normal
        if not crossed:
            break
        moved = xy + push
        placed = separate(
            {n: (float(x), float(y)) for n, (x, y) in zip(nodes, moved, strict=True)},
            boxes,
            rounds=SPREAD_ROUNDS,
        )
        xy = np.array([placed[n] for n in nodes], dtype=float)
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, xy, strict=True)}


def _layout(
    G: nx.Graph,
    nodes: Sequence[Hashable],
    boxes: Mapping[Hashable, NodeBox],
    viewport: Viewport,
) -> Layout:
    positions = _spread(_spring(G, nodes), boxes, viewport)
    zoom = min(_fit_zoom(positions, boxes, viewport), MAX_ZOOM)
    least = zoom * (1 - CLEAR_ZOOM_LOSS)  # the zoom the lines may cost the drawing
    floor = min_zoom({n: boxes[n] for n in nodes})
    if zoom >= floor:  # and never so much that a drawing that fits no longer does
        least = max(least, floor)
    crossings = line_crossings(G, positions, boxes)
    if crossings and len(nodes) <= FEW_NODES:  # a few layouts: the one crossing least
        for seed in range(SEED + 1, SEED + LAYOUT_TRIES):
            tried = _spread(_spring(G, nodes, seed=seed), boxes, viewport)
            crossing = line_crossings(G, tried, boxes)
            if crossing < crossings and min(_fit_zoom(tried, boxes, viewport), MAX_ZOOM) >= least:
                positions, crossings = tried, crossing
    for _ in range(CLEAR_ROUNDS if crossings else 0):  # move nodes off the lines left
        cleared = clear_lines(G, positions, boxes, rounds=1)
        crossing = line_crossings(G, cleared, boxes)
        if crossing >= crossings or min(_fit_zoom(cleared, boxes, viewport), MAX_ZOOM) < least:
            break
        positions, crossings = cleared, crossing
    centre, zoom, fits = frame(positions, boxes, viewport, around=nodes[0])
    return Layout(list(nodes), positions, centre, zoom, fits)


@dataclass(frozen=True, slots=True)
class Region:
    """One group of a :func:`grouped_layout`: its name, nodes, the box its nodes take
    (canvas units) and the view that opens on it.

    Attributes
    ----------
    name : str
        The group's name (a topic), drawn above its box.
    nodes : list
        The group's nodes, in the order of its ranking.
    box : tuple of float
        (left, top, right, bottom) of its nodes' boxes.
    view : dict
        ``{"x", "y", "scale"}``: every node of the group at the largest zoom that fits
        the viewport, or, when that is below the legible zoom, the legible zoom around
        its first node.
    title_y : float
        The centre line of the group's name, above its box (canvas units).
    title_size : float
        The font size of the name (:data:`TITLE_SIZE`; 0 when the layout has no names).
    """

    name: str
    nodes: list[Hashable]
    box: tuple[float, float, float, float]
    view: dict[str, float]
    title_y: float = 0.0
    title_size: float = 0.0


#: Room between two groups of a :func:`grouped_layout`, in canvas units.
GROUP_GAP = 120.0
#: The font size of a group's name (canvas units): read at about 12 px when a course of
#: some 800 concepts is in view whole.
TITLE_SIZE = 140.0
#: How much wider a name is drawn in bold than :func:`text_width` measures it.
TITLE_BOLD = 1.1


def fits_at_once(boxes: Mapping[Hashable, NodeBox], viewport: Viewport) -> bool:
    """Could every box fit ``viewport`` at a legible zoom? A first estimate from their
    area (they fill at most :data:`PACKING` of it), as :func:`legible_layout` guesses.

    >>> fits_at_once({n: NodeBox(40, 8, 30, 14) for n in range(10)}, Viewport(900, 600))
    True
    >>> fits_at_once({n: NodeBox(40, 8, 30, 14) for n in range(800)}, Viewport(900, 600))
    False
    """
    usable = viewport.width * viewport.height / min_zoom(boxes) ** 2
    return sum(box.area for box in boxes.values()) <= usable * PACKING


def grouped_layout(
    G: nx.Graph,
    groups: Sequence[tuple[str, Sequence[Hashable]]],
    boxes: Mapping[Hashable, NodeBox],
    viewport: Viewport,
    *,
    titles: bool = False,
) -> tuple[Layout, list[Region]]:
    """Lay out each group apart (its nodes pulled together by the edges of ``G`` between
    them, shaped like the viewport, no two boxes overlapping) and the groups side by
    side, those with more edges between them nearer, none overlapping another.

    A drawing too large to be read whole (a course of hundreds of concepts) reads as an
    atlas: each group (a topic) is one legible region, and the initial view opens on the
    first group (:attr:`Region.view`).

    Parameters
    ----------
    G : networkx.Graph
        The graph whose edges pull nodes together.
    groups : sequence of (name, nodes)
        The groups, the first opened on; each group's nodes most wanted first.
    boxes : mapping of node to NodeBox
        The space each node takes (:func:`node_box`).
    viewport : Viewport
        The size of the drawing on screen.
    titles : bool
        Keep room above each group for its name (:data:`TITLE_SIZE`).

    Returns
    -------
    tuple of (Layout, list of Region)
        Every node's position and the initial view, and each group's region.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("c", "d")])
    >>> boxes = {n: node_box(n, 14, 10) for n in "abcde"}
    >>> groups = [("ab", "ab"), ("cde", "cde")]
    >>> layout, regions = grouped_layout(G, groups, boxes, Viewport(900, 600))
    >>> sorted(layout.positions), [r.name for r in regions]
    (['a', 'b', 'c', 'd', 'e'], ['ab', 'cde'])
    >>> overlapping_pairs(layout.positions, boxes)
    []
    """
    groups = [(name, list(dict.fromkeys(nodes))) for name, nodes in groups if nodes]
    if not groups:
        return Layout([], {}, (0.0, 0.0), MAX_ZOOM, True), []
    placed: list[dict[Hashable, tuple[float, float]]] = []
    blocks: list[NodeBox] = []
    sizes: list[float] = []
    for name, nodes in groups:
        if len(nodes) > 1:
            spread = _spread(_spring(G, nodes), boxes, viewport)
        else:
            spread = {nodes[0]: (0.0, 0.0)}
        left, top, right, bottom = _extent(spread, boxes)
        cx, cy = (left + right) / 2, (top + bottom) / 2
        placed.append({n: (x - cx, y - cy) for n, (x, y) in spread.items()})
        size = TITLE_SIZE if titles else 0.0
        sizes.append(size)
        half_w = max((right - left) / 2, text_width(name, size) / 2 * TITLE_BOLD)
        half_h = (bottom - top) / 2
        blocks.append(NodeBox(half_w, half_h + 1.6 * size, half_h, size))
    # the groups as nodes: a spring layout weighted by the edges between them, separated
    which = {node: k for k, (_, nodes) in enumerate(groups) for node in nodes}
    H = nx.Graph()
    H.add_nodes_from(range(len(groups)))
    for u, v in G.edges(list(which)):
        a, b = which.get(u), which.get(v)
        if a is not None and b is not None and a != b:
            weight = H.edges[a, b]["weight"] + 1 if H.has_edge(a, b) else 1
            H.add_edge(a, b, weight=weight)
    unit = _spring(H, list(range(len(groups))))
    area = sum(block.area for block in blocks) / 0.5
    aspect = viewport.width / max(viewport.height, 1.0)
    half_w, half_h = math.sqrt(area * aspect) / 2, math.sqrt(area / aspect) / 2
    centres = separate(
        {k: (x * half_w, y * half_h) for k, (x, y) in unit.items()},
        dict(enumerate(blocks)),
        gap=GROUP_GAP,
    )
    positions: dict[Hashable, tuple[float, float]] = {}
    regions: list[Region] = []
    for k, (name, nodes) in enumerate(groups):
        gx, gy = centres[k]
        part = {n: (gx + x, gy + y) for n, (x, y) in placed[k].items()}
        positions.update(part)
        centre, zoom, _ = frame(part, boxes, viewport, around=nodes[0])
        view = {"x": centre[0], "y": centre[1], "scale": zoom}
        box = _extent(part, boxes)
        title_y = box[1] - 0.9 * sizes[k]
        regions.append(Region(name, nodes, box, view, title_y, sizes[k]))
    first = regions[0].view
    order = [node for _, nodes in groups for node in nodes]
    fits = len(groups) == 1 and frame(positions, boxes, viewport)[2]
    return Layout(order, positions, (first["x"], first["y"]), first["scale"], fits), regions


def regions_view(regions: Sequence[Region], viewport: Viewport) -> dict[str, float]:
    """The view that shows every region of a :func:`grouped_layout` whole, names
    included (a view fitted to the nodes alone cuts a long name at the edge):
    ``{"x", "y", "scale"}``, at most :data:`MAX_ZOOM`.

    >>> G = nx.Graph([("a", "b")])
    >>> boxes = {n: node_box(n, 14, 10) for n in "ab"}
    >>> _, regions = grouped_layout(G, [("a long name for one node", "a"), ("b", "b")], boxes,
    ...                             Viewport(900, 600), titles=True)
    >>> view = regions_view(regions, Viewport(900, 600))
    >>> view["scale"] < 1
    True
    """
    if not regions:
        return {"x": 0.0, "y": 0.0, "scale": MAX_ZOOM}
    lefts, tops, rights, bottoms = [], [], [], []
    for region in regions:
        left, top, right, bottom = region.box
        half = text_width(region.name, region.title_size) * TITLE_BOLD / 2
        centre = (left + right) / 2
        lefts.append(min(left, centre - half))
        rights.append(max(right, centre + half))
        tops.append(min(top, region.title_y - region.title_size))
        bottoms.append(bottom)
    left, top, right, bottom = min(lefts), min(tops), max(rights), max(bottoms)
    room_x = max(1.0, viewport.width - 2 * MARGIN)
    room_y = max(1.0, viewport.height - 2 * MARGIN)
    scale = min(MAX_ZOOM, room_x / max(right - left, 1e-9), room_y / max(bottom - top, 1e-9))
    return {"x": (left + right) / 2, "y": (top + bottom) / 2, "scale": scale}


def _rows(widths: Sequence[float], room: float, gap: float) -> list[int]:
    """Where each row of :func:`row_layout` starts (column indices), for columns of
    ``widths`` in ``room``: as few rows as wrapping like text takes, the columns shared
    among them so that the rows are as wide as one another (the last row is no lone
    column left over; of rows as even, the later ones take more).

    >>> _rows([10, 10, 10, 10, 10], 50, 5)  # wrapped like text: 4 + 1
    [0, 2]
    >>> _rows([10, 10], 50, 5), _rows([60, 10], 50, 5)
    ([0], [0, 1])
    """

    def span(i: int, j: int) -> float:  # columns i..j-1 on one row
        return sum(widths[i:j]) + gap * (j - i - 1)

    count, i = 0, 0
    while i < len(widths):  # the fewest rows: fill each as far as it goes
        j = i + 1
        while j < len(widths) and span(i, j + 1) <= room:
            j += 1
        count, i = count + 1, j
    n = len(widths)
    # best[k, i]: (cost, starts) of laying columns i.. on k rows, each within room (a
    # column wider than room has a row to itself); the cost adds up each row's squared
    # room left, which is least when the rows are as wide as one another
    best: dict[tuple[int, int], tuple[float, list[int]]] = {(0, n): (0.0, [])}
    for k in range(1, count + 1):
        for i in range(n - 1, -1, -1):
            options = []
            for j in range(i + 1, n + 1):
                width = span(i, j)
                if j > i + 1 and width > room:
                    break
                if (k - 1, j) in best:
                    cost, starts = best[(k - 1, j)]
                    options.append((round(cost + (room - width) ** 2, 6), j, [i, *starts]))
            if options:  # of rows as even, the shortest first row: the later ones fuller
                cost, _, starts = min(options, key=lambda o: (o[0], o[1]))
                best[(k, i)] = (cost, starts)
    return best[(count, 0)][1] if n else []


def row_zoom(
    levels: Sequence[Sequence[Hashable]],
    boxes: Mapping[Hashable, NodeBox],
    viewport_width: float,
    font_sizes: Sequence[float] = (),
    *,
    gap: float = 36.0,
) -> float:
    """The zoom (at most 1) at which :func:`row_layout` wraps ``levels`` onto as few rows
    as it can while every label (``font_sizes``) stays :data:`MIN_LABEL_PX` tall: the
    largest zoom that takes no more rows than the smallest legible one. A path a little
    too wide for one row is drawn a little smaller, on one row, rather than wrapped.

    Lay the columns out for ``viewport_width / zoom`` and open the picture at ``zoom``.

    >>> boxes = {n: NodeBox(40, 8, 30, 14) for n in "abc"}
    >>> row_zoom([["a"], ["b"], ["c"]], boxes, 300, [14])  # 3 x 80 + 2 x 36 + 28 = 340
    0.882
    >>> row_zoom([["a"], ["b"], ["c"]], boxes, 340, [14]), row_zoom([["a"]], boxes, 20, [14])
    (1.0, 1.0)
    """
    columns = [column for column in levels if column]
    widths = [max(2 * boxes[n].half_width for n in column) for column in columns]
    floor = min(1.0, MIN_LABEL_PX / min(font_sizes, default=MIN_LABEL_PX))
    fewest = len(_rows(widths, viewport_width / floor - 2 * MARGIN, gap))
    if len(_rows(widths, viewport_width - 2 * MARGIN, gap)) <= fewest:
        return 1.0
    low, high = floor, 1.0  # low takes the fewest rows, high more
    for _ in range(20):
        middle = (low + high) / 2
        if len(_rows(widths, viewport_width / middle - 2 * MARGIN, gap)) <= fewest:
            low = middle
        else:
            high = middle
    return math.floor(low * 1000) / 1000


def row_numbers(
    levels: Sequence[Sequence[Hashable]],
    boxes: Mapping[Hashable, NodeBox],
    viewport_width: float,
    *,
    gap: float = 36.0,
) -> dict[Hashable, int]:
    """The row (0 for the first) :func:`row_layout` puts each node of ``levels`` on, for
    the same ``boxes`` and ``viewport_width``.

    >>> boxes = {n: NodeBox(40, 8, 30, 14) for n in "abcde"}
    >>> row_numbers([["a"], ["b", "c"], ["d"], ["e"]], boxes, 230)
    {'a': 0, 'b': 0, 'c': 0, 'd': 1, 'e': 1}
    """
    columns = [column for column in levels if column]
    widths = [max(2 * boxes[n].half_width for n in column) for column in columns]
    starts = _rows(widths, viewport_width - 2 * MARGIN, gap)
    rows: dict[Hashable, int] = {}
    for k, column in enumerate(columns):
        row = sum(1 for start in starts if start <= k) - 1
        rows.update((node, row) for node in column)
    return rows


def row_layout(
    levels: Sequence[Sequence[Hashable]],
    boxes: Mapping[Hashable, NodeBox],
    viewport_width: float,
    *,
    gap: float = 36.0,
) -> tuple[dict[Hashable, tuple[float, float]], float]:
    """Columns of nodes left to right, wrapped onto rows like text, so that a long
    learning path stays legible in a narrow picture and reads from its first step, top
    left, to its last, the end of the last row.

    ``levels[k]`` holds the nodes of column ``k`` (what can be learned at step ``k``),
    stacked top to bottom. Columns are as wide as their widest box. A path too wide for
    one row at zoom 1 takes as few rows as wrapping like text would, with the columns
    shared evenly among them (:func:`_rows`): the last row is as full as the others, so
    that the last column (a learning path's target) is not left alone at the bottom
    left, where it would read like a first step. A row starts below the tallest column
    of the row above.

    Returns
    -------
    tuple of (dict, float)
        Positions (canvas units; zoom 1 fits ``viewport_width``) and the height the
        drawing needs.

    Examples
    --------
    >>> boxes = {n: NodeBox(40, 8, 30, 14) for n in "abcd"}
    >>> positions, height = row_layout([["a"], ["b", "c"], ["d"]], boxes, 230)
    >>> [positions[n] for n in "abcd"], height
    ([(54.0, 22.0), (54.0, 96.0), (54.0, 170.0), (170.0, 96.0)], 214.0)
    """
    positions: dict[Hashable, tuple[float, float]] = {}
    columns = [column for column in levels if column]
    widths = [max(2 * boxes[n].half_width for n in column) for column in columns]
    starts = set(_rows(widths, viewport_width - 2 * MARGIN, gap))
    x = y = MARGIN
    row_height = 0.0
    for k, (column, width) in enumerate(zip(columns, widths, strict=True)):
        height = sum(boxes[n].above + boxes[n].below for n in column) + gap * (len(column) - 1)
        if k and k in starts:
            x, y = MARGIN, y + row_height + gap
            row_height = 0.0
        top = y
        for node in column:
            box = boxes[node]
            positions[node] = (x + width / 2, top + box.above)
            top += box.above + box.below + gap
        row_height = max(row_height, height)
        x += width + gap
    return positions, y + row_height + MARGIN
