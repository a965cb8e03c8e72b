"""Tests of graph.view: what the explorer reads, draws, lists and offers for download."""

from __future__ import annotations

import io
import itertools
import zipfile
from pathlib import Path

import networkx as nx
import pytest

from graph.counts import EdgeCounts, edge_counts
from graph.layout import MIN_LABEL_PX, Viewport, node_box, overlapping_pairs
from graph.render import concept_style
from graph.view import (
    CONCEPTS,
    DOWNLOADS,
    FOCUS,
    MORE_STEP,
    OVERVIEW,
    PATH_FORMATS,
    STRUCTURE_DASHES,
    TOPIC,
    WEAK_RELATION,
    MapScene,
    cards_by_id,
    concept_names,
    download,
    filter_edges,
    graph_key,
    hidden_links,
    links_of,
    map_scene,
    mentions_of,
    note_files,
    path_download_graph,
    path_graph,
    path_scene,
    read_note,
    relation_words,
    search_example,
    select_view,
    structure_caption,
    topic_choices,
    topic_summaries,
)

ROOT = Path(__file__).resolve().parents[2]


def make_graph(n: int = 20) -> nx.MultiDiGraph:
    """``n`` concepts in a chain of typed edges, with weak links from c0 to every third."""
    G = nx.MultiDiGraph(schema="concept-graph/1", model="test", sources=[])
    for i in range(n):
        G.add_node(f"c{i}", label=f"Concept {i}", importance=i / n, topic=f"t{i % 3}")
    for i in range(1, n):
        G.add_edge(f"c{i - 1}", f"c{i}", relation="prerequisite_of", confidence=i / n)
    for i in range(3, n, 3):
        G.add_edge("c0", f"c{i}", relation=WEAK_RELATION, confidence=0.2, label="mentions")
    return G


def test_filters_keep_every_concept_and_drop_edges() -> None:
    G = make_graph()
    assert filter_edges(G).number_of_edges() == G.number_of_edges()
    strong = filter_edges(G, show_weak=False)
    assert set(strong) == set(G)
    assert all(a["relation"] != WEAK_RELATION for *_, a in strong.edges(data=True))
    confident = filter_edges(G, min_confidence=0.5)
    assert all(a["confidence"] >= 0.5 for *_, a in confident.edges(data=True))
    assert filter_edges(G, relations=["is_a"]).number_of_edges() == 0


def test_cap_draws_the_most_important_and_pins_focus_and_selection() -> None:
    G = make_graph(30)
    view = select_view(G, max_nodes=5)
    assert set(view.graph) == {"c29", "c28", "c27", "c26", "c25"}
    assert view.capped and view.total == 30
    view = select_view(G, max_nodes=5, selected="c0")
    assert "c0" in view.graph and view.graph.number_of_nodes() == 5


def test_focus_follows_only_the_edges_kept() -> None:
    G = make_graph(12)
    with_weak = select_view(G, focus="c0", depth=1, show_weak=True)
    without = select_view(G, focus="c0", depth=1, show_weak=False)
    assert set(without.graph) == {"c0", "c1"}
    assert {"c3", "c6", "c9"} <= set(with_weak.graph)
    assert without.focus == "c0"
    assert select_view(G, focus="missing").focus is None


def test_graph_key_changes_with_shape_only() -> None:
    G = make_graph(6)
    H = make_graph(6)
    H.nodes["c1"]["definition"] = "changed"
    assert graph_key(G) == graph_key(H)
    H.add_edge("c1", "c4", relation="uses", confidence=0.9)
    assert graph_key(G) != graph_key(H)


def test_links_grouped_by_relation_both_ways() -> None:
    G = make_graph(6)
    links = links_of(G, "c3")
    assert list(links) == ["prerequisite_of", WEAK_RELATION]
    before = [link.other for link in links["prerequisite_of"] if not link.outgoing]
    after = [link.other for link in links["prerequisite_of"] if link.outgoing]
    assert before == ["c2"] and after == ["c4"]
    assert links[WEAK_RELATION][0].label == "mentions"


def test_topic_summaries_largest_first_with_top_concepts() -> None:
    G = make_graph(7)
    summaries = topic_summaries(G, top=2)
    assert summaries[0].name == "t0"  # 3 concepts: c0, c3, c6
    assert summaries[0].top == ("c6", "c3")
    assert sum(s.size for s in summaries) == 7


def test_path_graph_levels_follow_prerequisites() -> None:
    G = make_graph(5)
    H, levels = path_graph(G, ["c1", "c2", "c4"])
    # c3 is known: c4 needs nothing drawn, but is the third step: not before c2
    assert levels == {"c1": 0, "c2": 1, "c4": 1}
    assert all(a["relation"] == "prerequisite_of" for *_, a in H.edges(data=True))


@pytest.mark.parametrize(
    ("relation", "label", "words"),
    [
        ("part_of", "", "part of"),
        (WEAK_RELATION, "mentions", "mentions"),
        (WEAK_RELATION, "struggles with", "struggles with"),
        (WEAK_RELATION, "represents", "represents"),
        (WEAK_RELATION, "developed", "developed"),
        (WEAK_RELATION, "is named after", "is named after"),
        (WEAK_RELATION, "struggle with", "mentioned with"),  # a plural subject's verb
        (WEAK_RELATION, "arise", "mentioned with"),  # "What problems arise when ..."
        (WEAK_RELATION, "manage", "mentioned with"),  # "... capacity to manage ..."
        (WEAK_RELATION, "refers", "mentioned with"),  # needs its "to"
        (WEAK_RELATION, "basis", "mentioned with"),  # spelled as no verb form
        (WEAK_RELATION, "same sentence", "named in one sentence with"),
        (WEAK_RELATION, "stressed together", "stressed in one paragraph with"),
        (WEAK_RELATION, "", "related to"),
    ],
)
def test_view_relation_words_read_between_two_concepts(relation, label, words) -> None:
    assert relation_words(relation, label) == words


def test_path_graph_columns_read_in_the_order_of_the_steps() -> None:
    G = nx.MultiDiGraph()
    for u, v in [("atom", "bond"), ("bond", "molecule"), ("ion", "salt"), ("molecule", "salt")]:
        G.add_edge(u, v, relation="prerequisite_of", confidence=0.9)
    path = ["atom", "bond", "ion", "molecule", "salt"]  # ion needs nothing: still step 3
    _, levels = path_graph(G, path)
    assert levels == {"atom": 0, "bond": 1, "ion": 1, "molecule": 2, "salt": 3}
    read = sorted(path, key=lambda node: (levels[node], path.index(node)))
    assert read == path


def test_note_files_names_like_the_readers(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "notes.md").write_text(f"# {folder}\n\nText.", encoding="utf-8")
    files = note_files([tmp_path], [("notes.md", b"# upload")])
    assert [f.name for f in files] == ["a/notes.md", "b/notes.md", "upload/notes.md"]
    assert len({f.digest for f in files}) == 3
    result = read_note(files[0])
    assert result.source.errors == [] and result.cards
    assert all(card.source == "a/notes.md" for card in cards_by_id([result]).values())


def test_unreadable_upload_reports_an_error() -> None:
    files = note_files([], [("deck.apkg", b"not a zip")])
    assert read_note(files[0]).source.errors


@pytest.mark.parametrize("fmt", list(DOWNLOADS))
def test_every_download_format(fmt: str) -> None:
    got = download(make_graph(6), fmt, stem="atlas")
    assert got.data
    assert got.file_name.endswith(DOWNLOADS[fmt][1])
    if got.file_name.endswith(".zip"):
        names = zipfile.ZipFile(io.BytesIO(got.data)).namelist()
        assert names and all(name.startswith("atlas/") for name in names)


@pytest.mark.parametrize("fmt", PATH_FORMATS)
def test_path_downloads_in_study_order(fmt: str) -> None:
    G = make_graph(6)
    H, _ = path_graph(G, ["c2", "c3", "c4"])
    got = download(H, fmt, order=["c2", "c3", "c4"], title="Learning path to Concept 4")
    assert got.data
    if fmt == "markdown":
        text = got.data.decode()
        steps = ("## 1. Concept 2", "## 2. Concept 3", "## 3. Concept 4")
        assert [text.index(step) for step in steps] == sorted(text.index(s) for s in steps)


def test_path_download_refuses_formats_without_order() -> None:
    with pytest.raises(ValueError, match="learning path"):
        download(make_graph(3), "gexf", order=["c0"])


# --------------------------------------------------------------------------- levels of detail


def test_view_doctests() -> None:
    import doctest

    import graph.view

    assert doctest.testmod(graph.view).failed == 0


def course(topics: int = 6, per_topic: int = 30) -> nx.MultiDiGraph:
    """``topics`` topics of ``per_topic`` concepts, chained inside a topic by
    prerequisites, the first concepts of neighbouring topics linked by ``uses``, and
    a weak link beside every third prerequisite."""
    G = nx.MultiDiGraph(schema="concept-graph/1", model="test", sources=[])
    for t in range(topics):
        for i in range(per_topic):
            G.add_node(
                f"t{t}c{i}",
                label=f"topic {t} concept {i}",
                topic=f"topic {t}",
                importance=round(1 - (t * per_topic + i) / (topics * per_topic), 4),
            )
        for i in range(1, per_topic):
            G.add_edge(f"t{t}c{i - 1}", f"t{t}c{i}", relation="prerequisite_of", confidence=0.8)
            if i % 3 == 0:
                G.add_edge(f"t{t}c0", f"t{t}c{i}", relation=WEAK_RELATION, confidence=0.2)
        if t:
            G.add_edge(f"t{t - 1}c0", f"t{t}c0", relation="uses", confidence=0.7)
    return G


def assert_legible(scene: MapScene, viewport: Viewport) -> None:
    """Every drawn label at least 11 px at the initial zoom, no two node boxes overlapping."""
    nodes = scene.data["nodes"]
    smallest = min(node["font"]["size"] for node in nodes)
    assert smallest * scene.data["view"]["scale"] >= MIN_LABEL_PX - 1e-9
    boxes = {
        node["id"]: node_box(node["label"], node["font"]["size"], node["size"]) for node in nodes
    }
    positions = {node["id"]: (node["x"], node["y"]) for node in nodes}
    assert overlapping_pairs(positions, boxes) == []


def test_view_map_scene_opens_a_large_graph_as_an_overview() -> None:
    G = course()
    viewport = Viewport(800, 520)
    scene = map_scene(G, viewport, show_weak=False)
    assert scene.kind == OVERVIEW and scene.available == 6
    assert scene.targets == {f"topic:{t}": ("topic", f"topic {t}") for t in range(scene.drawn)}
    assert scene.drawn == 6
    labels = [node["label"] for node in scene.data["nodes"]]
    assert labels[0] == "topic 0\n30 concepts"
    assert scene.relations == EdgeCounts(typed=5, prerequisites=0, weak=0)
    assert_legible(scene, viewport)


#: Draws the overview of :func:`course` (its code, so that a fresh interpreter can run
#: it) and prints the drawing.
_OVERVIEW_IN_A_FRESH_PROCESS = """
import json, sys
import networkx as nx
from graph.layout import Viewport
from graph.view import WEAK_RELATION, map_scene
%s
scene = map_scene(course(topics=20, per_topic=3), Viewport(300, 240), show_weak=False)
assert 2 < scene.drawn < 10, scene.drawn  # fewer than half: a subgraph view iterates a set
print(json.dumps(scene.data, sort_keys=True))
"""


def test_view_map_scene_overview_is_the_same_in_every_process() -> None:
    """The same graph is drawn the same way, whatever the interpreter's string hashing
    (a set's order once decided the order of the overview's nodes and edges)."""
    import inspect
    import os
    import subprocess
    import sys

    script = _OVERVIEW_IN_A_FRESH_PROCESS % inspect.getsource(course)
    drawings = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert run.returncode == 0, run.stderr
        drawings.append(run.stdout)
    assert drawings[0] == drawings[1] == drawings[2]
    assert '"topic:0"' in drawings[0]


def test_view_map_scene_draws_a_small_graph_whole() -> None:
    G = course(topics=2, per_topic=5)
    scene = map_scene(G, Viewport(900, 600), show_weak=False)
    assert scene.kind == CONCEPTS and scene.drawn == scene.available == 10
    assert scene.relations == edge_counts(filter_edges(G, show_weak=False))
    assert scene.graph.number_of_edges() == scene.relations.total


def test_view_map_scene_opens_a_topic_its_most_important_concepts_first() -> None:
    G = course(per_topic=120)
    viewport = Viewport(700, 480)
    scene = map_scene(G, viewport, topic="topic 2", show_weak=False)
    assert scene.kind == TOPIC and scene.topic == "topic 2" and scene.available == 120
    assert 5 < scene.drawn < 120 and scene.more == 120 - scene.drawn
    assert list(scene.graph) == [f"t2c{i}" for i in range(scene.drawn)]
    assert_legible(scene, viewport)


def test_view_map_scene_draws_more_of_the_topic_on_request() -> None:
    G = course(per_topic=120)
    viewport = Viewport(700, 480)
    fitted = map_scene(G, viewport, topic="topic 2")
    more = map_scene(G, viewport, topic="topic 2", more=MORE_STEP)
    assert more.drawn == fitted.drawn + MORE_STEP
    assert set(fitted.graph) < set(more.graph)
    assert not more.fits
    assert_legible(more, viewport)  # legible still: the rest is a pan away


def test_view_map_scene_fewer_concepts_in_a_smaller_viewport() -> None:
    G = course(per_topic=120)
    small = map_scene(G, Viewport(360, 280), topic="topic 0")
    large = map_scene(G, Viewport(1400, 860), topic="topic 0")
    assert small.drawn < large.drawn


def test_view_map_scene_focus_draws_the_nearest_first() -> None:
    G = course(per_topic=60)
    scene = map_scene(G, Viewport(500, 360), focus="t1c10", show_weak=False)
    assert scene.kind == FOCUS and scene.focus == "t1c10"
    assert list(scene.graph)[:3] == ["t1c10", "t1c9", "t1c11"]  # one hop, then two
    assert scene.available == 5  # two hops along prerequisites either way
    with_weak = map_scene(G, Viewport(500, 360), focus="t1c10", show_weak=True)
    assert with_weak.available > scene.available  # the weak links reach t1c0 and more


def test_view_map_scene_unknown_topic_or_focus_is_the_overview() -> None:
    G = course()
    assert map_scene(G, Viewport(800, 500), topic="no such topic").kind == OVERVIEW
    assert map_scene(G, Viewport(800, 500), focus="no such concept").kind == OVERVIEW


def test_view_map_scene_edges_follow_the_filters() -> None:
    G = course(topics=2, per_topic=5)
    scene = map_scene(G, Viewport(900, 600), relations=["uses"], show_weak=False)
    assert {a["relation"] for *_, a in scene.graph.edges(data=True)} == {"uses"}
    assert not any("label" in edge for edge in scene.data["edges"])  # no edge names drawn


def test_view_path_scene_twenty_five_steps_stay_legible() -> None:
    G = nx.MultiDiGraph()
    path = [f"step {i}" for i in range(25)]
    for i, node in enumerate(path):
        G.add_node(node, label=f"a rather long concept name {i}", importance=0.5)
    for u, v in itertools.pairwise(path):
        G.add_edge(u, v, relation="prerequisite_of", confidence=0.9)
    scene = path_scene(G, path, 900)
    nodes = scene.data["nodes"]
    assert [node["label"].split("\nneeds ")[0].replace("\n", " ") for node in nodes] == [
        f"{i + 1}. a rather long concept name {i}" for i in range(25)
    ]
    zoom = scene.data["view"]["scale"]  # drawn smaller when that saves a row
    assert zoom <= 1.0
    assert all(n["font"]["size"] * zoom >= MIN_LABEL_PX for n in nodes)
    canvas = 900 / zoom
    assert scene.data["view"] == pytest.approx(
        {"x": canvas / 2, "y": scene.height / zoom / 2, "scale": zoom}
    )
    boxes = {n["id"]: node_box(n["label"], n["font"]["size"], n["size"]) for n in nodes}
    positions = {n["id"]: (n["x"], n["y"]) for n in nodes}
    assert overlapping_pairs(positions, boxes) == []
    assert all(n["x"] - boxes[n["id"]].half_width >= 0 for n in nodes)
    assert all(n["x"] + boxes[n["id"]].half_width <= canvas for n in nodes)
    rows = {round(n["y"]) for n in nodes}
    assert len(rows) > 2  # wrapped onto rows like text
    assert scene.targets["step 3"] == ("concept", "step 3")


def test_view_note_files_digest_follows_a_changed_file(tmp_path: Path) -> None:
    note = tmp_path / "notes.md"
    note.write_text("# One\n", encoding="utf-8")
    first = note_files([tmp_path])[0].digest
    assert note_files([tmp_path])[0].digest == first  # unchanged: remembered
    note.write_text("# Two, longer\n", encoding="utf-8")
    assert note_files([tmp_path])[0].digest != first


@pytest.mark.parametrize(
    "label, text, quoted",
    [
        ("osmosis", "Water crosses the membrane by osmosis.", True),
        ("osmosis", "OSMOSIS needs a membrane that lets water through.", True),
        ("osmosis", "The membrane is thin.", False),
        ("enzyme", "Enzymes speed up reactions.", False),
        ("hash table (HT)", "An HT maps every key to a slot.", True),
        ("hash table (HT)", "A hash table maps every key to a slot.", True),
        ("osmosis", "Osmosis:", False),  # a label that is only its name says nothing
        ("hash table (HT)", "Hash table (HT)", False),
        ("hash table (HT)", "HT", False),
        ("osmosis", "Osmosis in plants", True),
    ],
)
def test_view_mentions_of_quotes_the_sentences_that_name_it(
    label: str, text: str, quoted: bool
) -> None:
    G = nx.MultiDiGraph()
    G.add_node(label, label=label)
    G.add_edge(
        "cell",
        label,
        relation=WEAK_RELATION,
        evidence=[{"source": "n.md", "line": 3, "text": text}],
    )
    assert [m["text"] for m in mentions_of(G, label)] == ([text] if quoted else [])


def test_view_mentions_of_statements_then_questions_then_headings() -> None:
    G = nx.MultiDiGraph()
    evidence = [
        {"source": "b.md", "line": 1, "text": "Magma rises where plates move apart."},
        {"source": "a.md", "line": 8, "text": "Magma and lava"},
        {"source": "a.md", "line": 2, "text": "Where does magma come from?"},
        {"source": "a.md", "line": 9, "text": "Magma cools into igneous rock."},
        {"source": "a.md", "line": 9, "text": "Magma  cools into igneous rock."},
    ]
    G.add_edge("rock", "magma", relation="related_to", evidence=evidence)
    found = mentions_of(G, "magma", limit=4)
    assert [(m["source"], m["line"]) for m in found] == [
        ("a.md", 9),
        ("b.md", 1),
        ("a.md", 2),
        ("a.md", 8),
    ]


def test_view_mentions_of_quotes_the_file_that_names_it_most_first() -> None:
    """A word two courses share is quoted from the course it matters in, not from the
    file whose name sorts first."""
    G = nx.MultiDiGraph()
    evidence = [
        {"source": "a_stats.md", "line": 4, "text": "Draw a sample at random."},
        {"source": "b_biology.md", "line": 2, "text": "Each sample is sequenced twice."},
        {"source": "b_biology.md", "line": 7, "text": "A sample comes from one tissue."},
    ]
    G.add_edge("read", "sample", relation="related_to", evidence=evidence)
    found = mentions_of(G, "sample")
    assert [(m["source"], m["line"]) for m in found] == [("b_biology.md", 2), ("b_biology.md", 7)]


@pytest.mark.parametrize(
    "node, label, aliases, example",
    [
        ("enzyme", "Enzyme", [], "Enzyme"),
        ("enzyme", "Enzyme (biological catalyst)", ["enzymes"], "Enzyme"),
        ("hash table", "Hash table (HT)", [], "Hash table"),
        ("revolution", "The causes of the French revolution", [], "revolution"),
        ("causes of the revolution", "The causes of the French revolution", [], "Osmosis"),
        ("hash table", "Hash table (HT)", ["HTs"], "Hash table"),
        (
            "the lithosphere's plates",
            "plate tectonics of the lithosphere (PT)",
            ["PTs", "drift"],
            "drift",
        ),
    ],
)
def test_view_search_example_is_a_short_name_of_an_important_concept(
    node: str, label: str, aliases: list[str], example: str
) -> None:
    G = nx.MultiDiGraph()
    G.add_node(node, label=label, aliases=aliases)
    G.add_node("osmosis", label="Osmosis")
    assert search_example(G, [node, "osmosis"]) == example


def test_view_search_example_without_concepts_is_empty() -> None:
    assert search_example(nx.MultiDiGraph(), []) == ""


def test_view_concept_names_both_halves_of_a_glossed_label() -> None:
    G = nx.MultiDiGraph()
    G.add_node("hash table", label="Hash table (HT)", aliases=["hash tables"])
    assert set(concept_names(G, "hash table")) == {
        "Hash table (HT)",
        "Hash table",
        "HT",
        "hash table",
        "hash tables",
    }


@pytest.mark.parametrize(
    "relation, confidence, hidden",
    [
        ("related_to", 0.9, EdgeCounts(0, 0, 1)),
        ("is_a", 0.9, EdgeCounts(0, 0, 0)),
        ("is_a", 0.2, EdgeCounts(1, 0, 0)),
        ("part_of", 0.9, EdgeCounts(1, 0, 0)),
    ],
)
def test_view_hidden_links_counts_what_the_filters_hide(
    relation: str, confidence: float, hidden: EdgeCounts
) -> None:
    G = nx.MultiDiGraph()
    G.add_edge("enzyme", "catalyst", relation=relation, confidence=confidence)
    G.add_edge("cell", "membrane", relation="related_to", confidence=0.9)
    found = hidden_links(
        G, "catalyst", relations=["is_a", "related_to"], min_confidence=0.5, show_weak=False
    )
    assert found == hidden


@pytest.mark.parametrize(
    "texts, first",
    [
        (["Plate boundaries", "Plates move apart at a ridge."], "Plates move apart at a ridge."),
        (
            ["Why do plates move?", "Mantle convection moves plates."],
            "Mantle convection moves plates.",
        ),
        (["Plate boundaries", "Why do plates move?"], "Why do plates move?"),
        (["Ridges form crust.", "Plates move apart."], "Ridges form crust."),
    ],
)
def test_view_links_of_shows_a_statement_before_a_heading(texts: list[str], first: str) -> None:
    G = nx.MultiDiGraph()
    evidence = [{"source": "geo.md", "line": i, "text": t} for i, t in enumerate(texts, 1)]
    G.add_edge("ridge", "plate", relation="part_of", confidence=0.8, evidence=evidence)
    assert links_of(G, "ridge")["part_of"][0].evidence[0]["text"] == first


def test_view_path_scene_draws_undefined_steps_hollow_and_says_which() -> None:
    G = nx.MultiDiGraph()
    G.add_node("solute", label="solute", definition="A solute is what a solvent dissolves.")
    G.add_node("osmosis", label="osmosis")  # named in the notes, never defined
    G.add_edge("solute", "osmosis", relation="prerequisite_of", confidence=0.9)
    scene = path_scene(G, ["solute", "osmosis"], 600)
    assert scene.undefined == ("osmosis",)
    nodes = {node["id"]: node for node in scene.data["nodes"]}
    assert nodes["osmosis"]["color"]["background"] == "#ffffff"
    assert nodes["osmosis"]["shapeProperties"]["borderDashes"]
    assert "Not defined" in nodes["osmosis"]["title"]
    assert nodes["solute"]["color"]["background"] != "#ffffff"
    assert "shapeProperties" not in nodes["solute"]


def test_view_path_scene_leaves_out_a_line_a_chain_of_steps_already_draws() -> None:
    G = nx.MultiDiGraph()
    path = ["atom", "molecule", "enzyme", "catalysis"]
    for u, v in itertools.pairwise(path):
        G.add_edge(u, v, relation="prerequisite_of", confidence=0.9)
    G.add_edge("atom", "catalysis", relation="prerequisite_of", confidence=0.6)
    G.add_edge("molecule", "catalysis", relation="prerequisite_of", confidence=0.6)
    scene = path_scene(G, path, 900)
    assert sorted((e["from"], e["to"]) for e in scene.data["edges"]) == sorted(
        itertools.pairwise(path)
    )
    assert (scene.lines, scene.implied) == (3, 2)


@pytest.mark.parametrize("seed", range(6))
def test_view_path_scene_lines_pass_by_the_labels_of_other_steps(seed: int) -> None:
    """Before: a line clear of every dot could run straight through a step's label (a
    name under its dot). Now a line through a step's dot or label takes the bend that
    passes by every step, when one does, and stays in the picture."""
    import random

    from graph.view import PATH_BEND, PATH_BENDS, _hits, _inside, _line_points

    rng = random.Random(seed)
    names = [f"{rng.choice(['long', 'short', 'wide'])} concept number {i}" for i in range(12)]
    G = nx.MultiDiGraph()
    for i, name in enumerate(names):
        G.add_node(name, label=name, importance=rng.random())
        for j in rng.sample(range(i), min(i, 2)):
            G.add_edge(names[j], name, relation="prerequisite_of", confidence=0.8)
    scene = path_scene(G, names, 900)
    zoom = scene.data["view"]["scale"]  # canvas units: the picture is 900 / zoom wide
    width, height = 900 / zoom, scene.height / zoom
    nodes = {n["id"]: n for n in scene.data["nodes"]}
    boxes = {
        i: node_box(n["label"], *reversed(concept_style(G.nodes[i]))) for i, n in nodes.items()
    }
    rects = {
        i: (n["x"] - boxes[i].half_width, n["x"] + boxes[i].half_width,
            n["y"] - boxes[i].above, n["y"] + boxes[i].below)
        for i, n in nodes.items()
    }  # fmt: skip
    for edge in scene.data["edges"]:
        ends = (edge["from"], edge["to"])
        start, end = ((nodes[i]["x"], nodes[i]["y"], nodes[i]["size"]) for i in ends)
        others = [r for i, r in rects.items() if i not in ends]
        drawn = edge.get("smooth", {}).get("type")
        roundness = edge.get("smooth", {}).get("roundness", PATH_BEND)
        assert roundness in PATH_BENDS
        if drawn:  # a bend stays in the picture, unless none passes by every step
            points = _line_points(start, end, drawn, roundness)
            assert _inside(points, width, height) or _hits(points, others)
            top = scene.data["view"]["y"] - height / 2  # the picture grows to hold it
            assert all(top <= y <= top + height for _, y in points)
        if _hits(_line_points(start, end, drawn, roundness), others):  # only when none clear
            for way, bend in itertools.product(("curvedCW", "curvedCCW"), PATH_BENDS):
                points = _line_points(start, end, way, bend)
                assert not _inside(points, width, height) or _hits(points, others)


def test_view_map_scene_lists_the_concepts_drawn_without_a_line() -> None:
    G = nx.MultiDiGraph()
    for name in ("glacier", "moraine", "fjord"):
        G.add_node(name, label=name, importance=0.5, topic="ice")
    G.add_edge("glacier", "moraine", relation="causes", confidence=0.9)
    G.add_edge("glacier", "fjord", relation="related_to", confidence=0.3)  # weak: hidden
    scene = map_scene(G, Viewport(900, 600), show_weak=False)
    assert scene.unlinked == ("fjord",)
    assert map_scene(G, Viewport(900, 600), show_weak=True).unlinked == ()


def test_view_path_scene_bends_a_line_that_would_run_through_a_step() -> None:
    G = nx.MultiDiGraph()
    for u, v in [("base", "buffer"), ("acid", "titration"), ("buffer", "titration")]:
        G.add_edge(u, v, relation="prerequisite_of", confidence=0.9)
    scene = path_scene(G, ["acid", "base", "buffer", "titration"], 900)
    nodes = {n["id"]: n for n in scene.data["nodes"]}
    assert nodes["acid"]["y"] == nodes["buffer"]["y"] == nodes["titration"]["y"]  # one row
    bent = {(e["from"], e["to"]): e["smooth"] for e in scene.data["edges"] if "smooth" in e}
    assert list(bent) == [("acid", "titration")]
    # past buffer's dot, not through it, and inside the picture (the top row's line bent
    # up as deep as PATH_BEND would leave it: it bends up less)
    from graph.view import _line_points

    smooth = bent[("acid", "titration")]
    dot = {i: (nodes[i]["x"], nodes[i]["y"], nodes[i]["size"]) for i in nodes}
    points = _line_points(dot["acid"], dot["titration"], smooth["type"], smooth["roundness"])
    assert all(0 <= x <= 900 and 0 <= y <= scene.height for x, y in points)
    bx, by, radius = dot["buffer"]
    assert min(((x - bx) ** 2 + (y - by) ** 2) ** 0.5 for x, y in points) > radius


def heading_course(chained: bool) -> tuple[nx.MultiDiGraph, list[str]]:
    """Sonar is explained under a heading naming acoustics; echo is a stated prerequisite
    of sonar; with ``chained``, acoustics is also a stated prerequisite of echo."""
    G = nx.MultiDiGraph()
    G.add_node("acoustics", definition="The study of sound.")
    G.add_node("echo", definition="A reflected sound.")
    heading = {"source": "n.md", "line": 3, "text": "Acoustics", "names": ["acoustics"]}
    G.add_node("sonar", definition="Ranging by sound.", under=[heading])
    said = [{"source": "n.md", "line": 5, "text": "Sonar listens for echoes."}]
    G.add_edge("echo", "sonar", relation="prerequisite_of", confidence=0.9, evidence=said)
    if chained:
        G.add_edge("acoustics", "echo", relation="prerequisite_of", confidence=0.9, evidence=said)
    return G, ["acoustics", "echo", "sonar"]


def test_view_path_scene_draws_a_link_of_the_notes_structure_dotted() -> None:
    G, path = heading_course(chained=False)
    scene = path_scene(G, path, 900)
    dotted = [e for e in scene.data["edges"] if e["dashes"] == STRUCTURE_DASHES]
    assert [(e["from"], e["to"]) for e in dotted] == [("acoustics", "sonar")]
    assert "Acoustics" in dotted[0]["title"] and "n.md, line 3" in dotted[0]["title"]
    assert "heading" in dotted[0]["title"]  # says what the link is
    solid = [e for e in scene.data["edges"] if e["dashes"] != STRUCTURE_DASHES]
    assert [(e["from"], e["to"]) for e in solid] == [("echo", "sonar")]
    assert (scene.lines, scene.structure) == (1, 1)  # a prerequisite is counted apart
    assert "dotted line is no stated prerequisite" in structure_caption(scene)


def test_view_path_scene_leaves_out_a_structure_link_a_chain_of_lines_draws() -> None:
    G, path = heading_course(chained=True)
    scene = path_scene(G, path, 900)
    assert not [e for e in scene.data["edges"] if e["dashes"] == STRUCTURE_DASHES]
    assert scene.structure == 0 and structure_caption(scene) == ""


def test_view_download_of_a_part_colours_topics_as_the_whole() -> None:
    from graph import view
    from graph.render import topic_colours
    from tests.graph.test_export_page import two_topics

    G = two_topics()
    part = G.subgraph(["s0", "s1", "s2"]).copy()
    whole = topic_colours(G)["smaller"]
    data = view.download(part, "dot", colours=topic_colours(G)).data.decode()
    assert whole in data
    assert topic_colours(part)["smaller"] not in data


@pytest.mark.parametrize(
    ("evidence", "shown"),
    [
        (  # a glossary's term line, then its definition: the definition says something
            ["kiln", "A closed oven for firing clay, holding a steady heat."],
            "A closed oven for firing clay, holding a steady heat.",
        ),
        (["Kiln:", "A kiln holds a steady heat."], "A kiln holds a steady heat."),
        (  # a bare name still goes before a sentence that names neither end
            ["Kiln", "It fires."],
            "Kiln",
        ),
    ],
)
def test_view_a_link_quotes_a_sentence_before_a_bare_term_line(evidence, shown) -> None:
    """Before: the panel of "kiln" cited the term line "kiln" for "steady heat
    prerequisite of kiln"."""
    G = nx.MultiDiGraph()
    G.add_node("kiln", label="kiln")
    G.add_node("steady heat", label="steady heat")
    found = [{"source": "g.md", "line": n, "text": t} for n, t in enumerate(evidence, 1)]
    G.add_edge("steady heat", "kiln", relation="prerequisite_of", confidence=0.8,
               evidence=found)  # fmt: skip
    (link,) = links_of(G, "kiln")["prerequisite_of"]
    assert link.evidence[0]["text"] == shown


def test_view_path_scene_draws_no_line_across_rows() -> None:
    """Before: a prerequisite from a step of an earlier row was drawn as a long diagonal
    line across the wrapped picture, through the rows between. Now no line leaves its row:
    the step it leads to names it under its name ("needs 3")."""
    G = nx.MultiDiGraph()
    names = [f"{kind} stage {i}" for i in range(12) for kind in ("larval", "adult")]
    for name in names:
        G.add_node(name, label=name, importance=0.5)
    for i in range(11):  # two chains of stages, each larval stage before the next adult one
        for u, v in [("larval", "larval"), ("adult", "adult"), ("larval", "adult")]:
            G.add_edge(f"{u} stage {i}", f"{v} stage {i + 1}", relation="prerequisite_of")
    scene = path_scene(G, names, 700)
    xs = {n["id"]: n["x"] for n in scene.data["nodes"]}
    rows, row = {}, 0  # read like text: a step drawn left of the one before opens a row
    for before, name in itertools.pairwise([None, *names]):
        row += before is not None and xs[name] < xs[before] - 1
        rows[name] = row
    assert scene.rows == row + 1 > 1
    assert all(rows[e["from"]] == rows[e["to"]] for e in scene.data["edges"])
    labels = {n["id"]: n["label"] for n in scene.data["nodes"]}
    step = {name: i for i, name in enumerate(names, start=1)}
    across = [(u, v) for u, v in G.edges() if rows[u] != rows[v]]
    for v in {v for _, v in across}:
        assert labels[v].endswith("\nneeds " + ", ".join(
            str(step[p]) for p in sorted(G.predecessors(v), key=step.get)
        ))  # fmt: skip
    assert scene.across == len(across) == 3 * (scene.rows - 1)
    assert scene.lines == G.number_of_edges() - scene.across


def test_view_path_scene_bends_out_of_the_picture_rather_than_through_a_label() -> None:
    """Before: a line through a step's dot whose every bend inside the picture ran
    through a label took one of those, through the label. Now it takes the shallowest
    bend past every step out of the picture, and the picture grows to hold it."""
    from graph.view import _hits, _line_points

    G = nx.MultiDiGraph()
    names = ["erosion", "rainfall", "weathering", "soil moisture", "runoff"]
    names += ["sediment transport rate", "delta"]
    for name in names:
        G.add_node(name, label=name, importance=0.5, definition="A process of rivers.")
    for u, v in [(0, 2), (1, 3), (2, 6), (3, 5), (4, 6), (5, 6)]:
        G.add_edge(names[u], names[v], relation="prerequisite_of", confidence=0.9)
    scene = path_scene(G, names, 1330)
    nodes = {n["id"]: n for n in scene.data["nodes"]}
    boxes = {i: node_box(n["label"], n["font"]["size"], n["size"]) for i, n in nodes.items()}
    rects = {
        i: (n["x"] - boxes[i].half_width, n["x"] + boxes[i].half_width,
            n["y"] - boxes[i].above, n["y"] + boxes[i].below)
        for i, n in nodes.items()
    }  # fmt: skip
    top = scene.data["view"]["y"] - scene.height / 2
    for edge in scene.data["edges"]:
        ends = (edge["from"], edge["to"])
        start, end = ((nodes[i]["x"], nodes[i]["y"], nodes[i]["size"]) for i in ends)
        smooth = edge.get("smooth") or {}
        points = _line_points(start, end, smooth.get("type"), smooth.get("roundness", 0.35))
        assert not _hits(points, [r for i, r in rects.items() if i not in ends]), ends
        assert all(top <= y <= top + scene.height for _, y in points)


@pytest.mark.parametrize(
    "sizes, expected",
    [
        (
            {"Unlinked concepts": 9, "glaciers": 5, "tides": 3},
            ["glaciers", "tides", "Unlinked concepts"],
        ),
        ({"glaciers": 5, "tides": 3}, ["glaciers", "tides"]),
        ({"Unlinked concepts": 2}, ["Unlinked concepts"]),
    ],
)
def test_view_topic_choices_offer_the_leftover_concepts_last(sizes: dict, expected: list) -> None:
    """Before: a folder of unrelated web pages listed "Unlinked concepts (38)" first among
    the map's largest topics, as if it were the course's main topic."""
    members = {name: [f"{name}{i}" for i in range(n)] for name, n in sizes.items()}
    assert topic_choices(members) == expected


def test_view_path_download_graph_gives_the_guide_what_the_path_tab_quotes() -> None:
    """Before: a path's study guide quoted an undefined step only from the path's own
    prerequisites (often nothing), though the path tab quoted the whole notes."""
    G = nx.MultiDiGraph()
    G.add_node("moraine", label="moraine", definition="Rock a glacier leaves behind.")
    G.add_node("glacier", label="glacier")
    G.add_edge("glacier", "moraine", relation="prerequisite_of", confidence=0.7)
    said = "A glacier grinds the valley floor as it moves."
    G.add_edge(
        "glacier",
        "valley",
        relation="related_to",
        evidence=[{"source": "ice.md", "line": 3, "text": said}],
    )
    path = ["glacier", "moraine"]
    H, _ = path_graph(G, path)
    guide = download(path_download_graph(G, H), "markdown", order=path).data.decode("utf-8")
    assert said in guide
    assert said not in download(H, "markdown", order=path).data.decode("utf-8")
