"""Tests of graph.layout: label boxes, overlap removal, framing and how many nodes fit."""

from __future__ import annotations

import doctest
import itertools
import random

import networkx as nx
import pytest

import graph.layout
from graph.layout import (
    GAP,
    MARGIN,
    MIN_LABEL_PX,
    NodeBox,
    Viewport,
    frame,
    legible_layout,
    min_zoom,
    node_box,
    overlapping_pairs,
    row_layout,
    row_zoom,
    separate,
    text_width,
    wrap_label,
)


def test_layout_doctests() -> None:
    assert doctest.testmod(graph.layout).failed == 0


# Widths measured by Chromium's canvas (measureText) in DejaVu Sans at 14 px.
@pytest.mark.parametrize(
    ("text", "chromium"),
    [("osmotic pressure", 120.0595703125), ("iiiii", 19.4482421875)],
)
def test_layout_text_width_matches_the_browser(text: str, chromium: float) -> None:
    assert chromium <= text_width(text, 14) <= chromium * 1.02


@pytest.mark.parametrize("text", ["WAVE", "AVATAR", "Tokyo", "Kullback–Leibler divergence"])
def test_layout_text_width_never_under_measures_kerned_text(text: str) -> None:
    assert text_width(text, 14) >= sum(text_width(char, 14) for char in text) - 1e-9


@pytest.mark.parametrize("text", ["中文概念", "😀 emoji"])
def test_layout_text_width_counts_missing_glyphs_a_full_em(text: str) -> None:
    assert text_width(text, 20) >= 20 * sum(1 for ch in text if ord(ch) > 0x2FFF)


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("Osmosis", ["Osmosis"]),
        ("GDP (gross domestic product)", ["GDP (gross domestic", "product)"]),
        ("x" * 30, ["x" * 22, "x" * 8]),
    ],
)
def test_layout_wrap_label(text: str, lines: list[str]) -> None:
    assert wrap_label(text).split("\n") == lines


def test_layout_wrap_label_cuts_after_three_lines() -> None:
    lines = wrap_label("word " * 40).split("\n")
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(len(line) <= 22 for line in lines)


def test_layout_node_box_is_the_dot_and_the_label_below() -> None:
    # vis-network draws the label's top at y + radius + font / 2 + 4 (measured in Chromium)
    box = node_box("osmotic pressure", 14, 20)
    assert box.above == 20
    assert box.below == pytest.approx(20 + 7 + 4 + 14 + 1.5)
    assert box.half_width == pytest.approx((120.0595703125 + 3) / 2, abs=1)
    assert node_box("a", 14, 20).half_width == 20  # a short label: the dot is wider


def random_boxes(n: int, seed: int = 3) -> dict[str, NodeBox]:
    rng = random.Random(seed)
    return {
        f"n{i}": NodeBox(rng.uniform(15, 90), rng.uniform(5, 20), rng.uniform(25, 60), 14)
        for i in range(n)
    }


@pytest.mark.parametrize("n", [2, 10, 60])
def test_layout_separate_leaves_no_overlap(n: int) -> None:
    rng = random.Random(n)
    boxes = random_boxes(n)
    crowded = {node: (rng.uniform(-50, 50), rng.uniform(-50, 50)) for node in boxes}
    moved = separate(crowded, boxes)
    assert overlapping_pairs(moved, boxes, gap=GAP - 1e-6) == []


def test_layout_separate_splits_coincident_nodes_the_same_way_every_time() -> None:
    boxes = random_boxes(5)
    same = dict.fromkeys(boxes, (0.0, 0.0))
    first, second = separate(same, boxes), separate(same, boxes)
    assert first == second and overlapping_pairs(first, boxes) == []


def test_layout_separate_keeps_what_does_not_overlap() -> None:
    boxes = random_boxes(2)
    apart = {"n0": (0.0, 0.0), "n1": (1000.0, 0.0)}
    assert separate(apart, boxes) == apart


def test_layout_frame_never_below_the_legible_zoom() -> None:
    boxes = {n: NodeBox(60, 10, 30, 14) for n in "abc"}
    far = {"a": (0.0, 0.0), "b": (5000.0, 0.0), "c": (2500.0, 40.0)}
    centre, zoom, fits = frame(far, boxes, Viewport(800, 600), around="b")
    assert zoom == pytest.approx(MIN_LABEL_PX / 14) and not fits
    assert centre == (5000.0, 0.0)
    near = {"a": (0.0, 0.0), "b": (200.0, 0.0)}
    centre, zoom, fits = frame(near, boxes, Viewport(800, 600))
    assert fits and zoom == 1.0 and centre == (100.0, 10.0)


def test_layout_frame_fits_the_boxes_inside_the_margin() -> None:
    boxes = {n: NodeBox(50, 10, 40, 14) for n in "ab"}
    positions = {"a": (0.0, 0.0), "b": (800.0, 100.0)}
    (cx, _), zoom, fits = frame(positions, boxes, Viewport(800, 600))
    assert fits
    left = (positions["a"][0] - 50 - cx) * zoom + 400
    right = (positions["b"][0] + 50 - cx) * zoom + 400
    assert left == pytest.approx(MARGIN) and right == pytest.approx(800 - MARGIN)
    assert zoom == pytest.approx((800 - 2 * MARGIN) / 900)


def chain(n: int) -> nx.Graph:
    return nx.path_graph([f"n{i}" for i in range(n)])


@pytest.mark.parametrize(("width", "height"), [(1200, 800), (700, 500), (400, 300)])
def test_layout_legible_layout_fits_labels_and_never_overlaps(width: int, height: int) -> None:
    G = chain(200)
    boxes = {node: node_box(f"concept number {node}", 14, 8) for node in G}
    layout = legible_layout(G, list(G), boxes, Viewport(width, height))
    assert layout.fits and 1 <= len(layout.nodes) < 200
    assert layout.zoom * 14 >= MIN_LABEL_PX
    assert layout.nodes == list(G)[: len(layout.nodes)]  # the most wanted first
    assert overlapping_pairs(layout.positions, boxes) == []


def test_layout_the_number_drawn_grows_with_the_viewport() -> None:
    G = chain(300)
    boxes = {node: node_box(f"concept {node}", 14, 8) for node in G}
    counts = [
        len(legible_layout(G, list(G), boxes, Viewport(w, h)).nodes)
        for w, h in [(400, 300), (800, 500), (1400, 900)]
    ]
    assert counts == sorted(counts) and counts[0] < counts[-1]


def test_layout_count_beyond_the_viewport_opens_legibly_on_the_first() -> None:
    G = chain(120)
    boxes = {node: node_box(f"concept {node}", 14, 8) for node in G}
    layout = legible_layout(G, list(G), boxes, Viewport(500, 400), count=120)
    assert len(layout.nodes) == 120 and not layout.fits
    assert layout.zoom == pytest.approx(min_zoom(boxes))
    assert layout.centre == layout.positions["n0"]
    assert overlapping_pairs(layout.positions, boxes) == []


def test_layout_is_deterministic() -> None:
    G = chain(40)
    boxes = {node: node_box(f"concept {node}", 14, 8) for node in G}
    first = legible_layout(G, list(G), boxes, Viewport(700, 500))
    assert first == legible_layout(G, list(G), boxes, Viewport(700, 500))


def test_layout_rows_wrap_and_never_overlap() -> None:
    boxes = {f"s{i}": node_box(f"{i + 1}. step number {i + 1}", 14, 9) for i in range(25)}
    columns = [[f"s{i}"] for i in range(25)]
    positions, height = row_layout(columns, boxes, 900)
    assert overlapping_pairs(positions, boxes) == []
    xs = [positions[f"s{i}"][0] for i in range(25)]
    rows = 1 + sum(1 for a, b in itertools.pairwise(xs) if b < a)
    assert rows > 1  # wrapped
    for node, (x, _) in positions.items():  # every box inside the width at zoom 1
        assert x - boxes[node].half_width >= MARGIN - 1e-6
        assert x + boxes[node].half_width <= 900 - MARGIN + 1e-6
    bottom = max(y + boxes[n].below for n, (_, y) in positions.items())
    assert height == pytest.approx(bottom + MARGIN)


def test_layout_rows_stack_a_column_of_several_steps() -> None:
    boxes = {n: NodeBox(40, 8, 30, 14) for n in "abc"}
    positions, _ = row_layout([["a", "b"], ["c"]], boxes, 900)
    assert positions["a"][0] == positions["b"][0] and positions["b"][1] > positions["a"][1]
    assert positions["c"][0] > positions["a"][0]


def _rows_of(positions: dict, order: list) -> list[list]:
    """The drawn rows of a row layout of one-node columns, in reading order: a new row
    where x does not go on to the right."""
    rows: list[list] = [[]]
    for a, b in itertools.pairwise([None, *order]):
        if a is not None and positions[b][0] <= positions[a][0] + 1e-6:
            rows.append([])
        rows[-1].append(b)
    return rows


@pytest.mark.parametrize("steps", [5, 7, 9, 13, 25])
@pytest.mark.parametrize("width", [400, 700, 900])
def test_layout_rows_end_with_the_last_column_on_a_full_last_row(steps: int, width: int) -> None:
    boxes = {f"s{i}": node_box("a step of the path", 14, 9) for i in range(steps)}
    order = [f"s{i}" for i in range(steps)]
    positions, _ = row_layout([[n] for n in order], boxes, width)
    rows = _rows_of(positions, order)
    last = order[-1]
    assert rows[-1][-1] == last  # the target: the end of the last row, right and bottom
    assert positions[last][1] == max(y for _, y in positions.values())
    assert positions[last][0] == max(positions[n][0] for n in rows[-1])
    sizes = [len(row) for row in rows]  # equal columns: shared evenly, the last row fullest
    assert max(sizes) - min(sizes) <= 1 and sizes[-1] == max(sizes)
    wrapped = _rows_of(row_layout([[n] for n in order], boxes, 10**6)[0], order)
    assert len(wrapped) == 1  # wide enough: one row


def test_layout_rows_are_no_more_than_wrapping_like_text_takes() -> None:
    rng = random.Random(3)
    for _ in range(40):
        widths = [rng.uniform(30, 160) for _ in range(rng.randint(2, 20))]
        boxes = {i: NodeBox(w / 2, 8, 20, 20) for i, w in enumerate(widths)}
        positions, _ = row_layout([[i] for i in boxes], boxes, 700)
        assert overlapping_pairs(positions, boxes) == []
        rows, x = 1, MARGIN  # wrapping like text
        for w in widths:
            if x > MARGIN and x + w > 700 - MARGIN:
                rows, x = rows + 1, MARGIN
            x += w + 36
        assert len(_rows_of(positions, list(boxes))) == rows


def test_layout_row_zoom_draws_a_path_a_little_too_wide_smaller_on_one_row() -> None:
    boxes = {f"s{i}": node_box(f"{i + 1}. step {i + 1}", 14, 9) for i in range(8)}
    columns = [[n] for n in boxes]
    one_row = row_layout(columns, boxes, 10**6)[0]
    needed = max(x + boxes[n].half_width for n, (x, _) in one_row.items()) + MARGIN
    zoom = row_zoom(columns, boxes, needed * 0.9, [14])
    assert MIN_LABEL_PX / 14 <= zoom < 1.0
    positions, _ = row_layout(columns, boxes, needed * 0.9 / zoom)
    assert len({y for _, y in positions.values()}) == 1
    assert row_zoom(columns, boxes, needed, [14]) == 1.0  # fits: drawn full size
    # far too wide for one row at any legible size: wrapped, drawn full size unless
    # smaller saves a row
    small = row_zoom(columns, boxes, needed * 0.3, [14])
    assert small >= MIN_LABEL_PX / 14


GLACIAL = ["glacier", "moraine", "fjord", "cirque", "drumlin", "esker", "outwash plain"]
GLACIAL += ["ice sheet", "crevasse", "serac", "kettle lake", "tarn"]


def test_layout_lines_pass_by_the_labels_of_other_nodes() -> None:
    """Before: the first spring layout was kept however many of its straight lines ran
    through the dots and labels of other nodes (55 on these twelve maps). Now a small
    drawing takes the layout whose lines cross the fewest, and nodes a line still runs
    through move off it, at little cost of zoom: every map still fits, no two labels
    overlap, and less than half as many lines cross a label."""
    from graph.layout import line_crossings

    total = 0
    for seed in range(12):
        rng = random.Random(seed)
        G = nx.Graph()
        for i, name in enumerate(GLACIAL):
            G.add_node(name)
            G.add_edges_from((GLACIAL[j], name) for j in rng.sample(range(i), min(i, 2)))
        boxes = {name: node_box(name, 14, 10) for name in GLACIAL}
        layout = legible_layout(G, GLACIAL, boxes, Viewport(600, 400))
        assert layout.fits and len(layout.nodes) == len(GLACIAL)
        assert overlapping_pairs(layout.positions, boxes) == []
        total += line_crossings(G, layout.positions, boxes)
    assert total <= 25


@pytest.mark.parametrize(
    ("text", "lines", "label"),
    [
        # too long with its short form: given without it, not cut inside the brackets
        ("Intertropical Convergence Zone (ITCZ)", 2, "Intertropical\nConvergence Zone"),
        ("phosphoenolpyruvate carboxykinase enzyme (PEPCK)", 2,
         "phosphoenolpyruvate\ncarboxykinase enzyme"),
        # room for it: kept
        ("Intertropical Convergence Zone (ITCZ)", 3, "Intertropical\nConvergence Zone\n(ITCZ)"),
        ("sea surface temperature (SST)", 2, "sea surface\ntemperature (SST)"),
        # no short form to leave out: cut as before
        ("the long and winding history of the northern trade routes", 2,
         "the long and winding\nhistory of the…"),
    ],
)  # fmt: skip
def test_layout_wrap_label_leaves_out_a_closing_short_form_rather_than_cut_it(text, lines, label):
    assert wrap_label(text, lines=lines) == label
