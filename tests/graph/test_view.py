"""Tests of graph.view: what the explorer reads, draws, lists and offers for download."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import networkx as nx
import pytest

from graph.view import (
    DOWNLOADS,
    PATH_FORMATS,
    WEAK_RELATION,
    cards_by_id,
    download,
    filter_edges,
    graph_key,
    links_of,
    note_files,
    path_graph,
    read_note,
    select_view,
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
    assert levels == {"c1": 0, "c2": 1, "c4": 0}  # c3 is known: c4 starts a column
    assert all(a["relation"] == "prerequisite_of" for *_, a in H.edges(data=True))


def test_note_files_names_like_the_readers(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "notes.md").write_text(f"# {folder}\n\nText.", encoding="utf-8")
    files = note_files([tmp_path], [("notes.md", b"# upload")])
    assert [f.name for f in files] == ["notes.md", "b/notes.md", "upload/notes.md"]
    assert len({f.digest for f in files}) == 3
    result = read_note(files[0])
    assert result.source.errors == [] and result.cards
    assert all(card.source == "notes.md" for card in cards_by_id([result]).values())


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
