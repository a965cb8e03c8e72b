"""The explorer, run headless with AppTest: every tab and the main interactions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import graph.build
import graph.view
from extraction.readers import iter_note_files, read_paths
from graph.build import build_graph
from graph.query import learning_path
from graph.render import escape_markdown, ranked_concepts

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "streamlit_app.py")
HOSTILE = "<img src=x onerror=alert(1)> [link](http://evil.example) ![i](http://e/x.png)"


@pytest.fixture(scope="module")
def sample() -> nx.MultiDiGraph:
    """The sample notes' graph, built outside the app."""
    return build_graph(read_paths([ROOT / "data"]))


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A fresh disk cache and no cached results from an earlier test."""
    monkeypatch.setenv("CONCEPT_ATLAS_CACHE", str(tmp_path / "cache"))
    st.cache_data.clear()
    yield
    st.cache_data.clear()


@pytest.fixture
def app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=90).run()


def markdown_text(at: AppTest) -> str:
    return "\n".join(element.value for element in at.markdown)


def label(G: nx.MultiDiGraph, node: Any) -> str:
    return escape_markdown(G.nodes[node].get("label") or str(node))


def click_on_map(at: AppTest, node: str, key: str = "map") -> AppTest:
    """What the map component sends when a concept is clicked: its widget value
    ``{"node": id, "clicks": n}`` (AppTest cannot run the component's JavaScript)."""
    component = next(
        element for element in at.get("component_instance") if element.proto.id.endswith(key)
    )
    states = at._tree.get_widget_states()
    state = states.widgets.add()
    state.id = component.proto.id
    state.json_value = json.dumps({"node": node, "clicks": 1})
    return at._run(states)


def test_sample_notes_by_default(app: AppTest) -> None:
    assert not app.exception
    metrics = {metric.label: int(metric.value) for metric in app.metric}
    assert metrics["Concepts"] > 10 and metrics["Cards"] > 10 and metrics["Files"] == 4
    assert [tab.label for tab in app.tabs] == [
        "Map",
        "Learning path",
        "Connect",
        "Topics",
        "Export",
        "Notes",
    ]
    assert len(app.get("component_instance")) == 1  # the map
    sidebar = " ".join(element.value for element in app.sidebar.markdown)
    for path in iter_note_files([ROOT / "data"]):
        assert escape_markdown(path.name) in sidebar


def test_clicking_a_node_opens_the_concept(app: AppTest, sample: nx.MultiDiGraph) -> None:
    node = next(n for n in ranked_concepts(sample) if sample.nodes[n].get("definition"))
    definition = escape_markdown(sample.nodes[node]["definition"])
    assert definition not in markdown_text(app)

    click_on_map(app, str(node))

    assert not app.exception
    assert app.selectbox(key="concept").value == node
    assert label(sample, node) in [h.value for h in app.subheader]
    assert definition in markdown_text(app)


def test_panel_shows_relations_with_evidence(app: AppTest, sample: nx.MultiDiGraph) -> None:
    node = next(
        n
        for n in ranked_concepts(sample)
        if any(a["relation"] == "prerequisite_of" for *_, a in sample.in_edges(n, data=True))
    )
    app.selectbox(key="concept").set_value(node).run()
    assert not app.exception
    text = markdown_text(app)
    assert "**Learn first**" in text
    before = next(
        u for u, _, a in sample.in_edges(node, data=True) if a["relation"] == "prerequisite_of"
    )
    assert label(sample, before) in text
    captions = " ".join(c.value for c in app.caption)
    assert ", line " in captions  # evidence and definitions cite file and line
    assert any("Source cards" in m.value for m in app.markdown)


def test_filters_and_weak_links(app: AppTest) -> None:
    relations = app.multiselect(key="relations")
    assert "related_to" not in relations.options
    app.toggle(key="show_weak").set_value(True).run()
    app.slider(key="min_confidence").set_value(0.8).run()
    relations = app.multiselect(key="relations")
    relations.set_value(relations.value[:1]).run()
    assert not app.exception
    assert len(app.get("component_instance")) == 1


def test_focus_search_finds_misspellings(app: AppTest, sample: nx.MultiDiGraph) -> None:
    target = next(n for n in ranked_concepts(sample) if len(str(n)) > 12)
    typo = str(target)[:-2] + str(target)[-1] + str(target)[-2]  # swap the last two letters
    app.text_input(key="focus_query").set_value(typo).run()
    assert not app.exception
    assert app.selectbox(key=f"focus_pick:{typo}").value == target
    assert app.selectbox(key="concept").value == target  # the panel follows the focus
    assert any("Around" in c.value and "depth 1" in c.value for c in app.caption)
    app.slider(key="depth").set_value(2).run()
    assert any("depth 2" in c.value for c in app.caption)

    app.text_input(key="focus_query").set_value("zzzz qqqq xxxx").run()
    assert "No concept matches" in app.warning[0].value


def test_learning_path(app: AppTest, sample: nx.MultiDiGraph) -> None:
    target = max(ranked_concepts(sample), key=lambda n: len(learning_path(sample, n)))
    path = learning_path(sample, target)
    assert len(path) > 2, "the sample notes should give a path of several steps"
    app.selectbox(key="path_target").set_value(target).run()
    assert not app.exception
    steps = [m.value for m in app.markdown if m.value.startswith("**") and ". " in m.value]
    assert steps[: len(path)] == [f"**{i}. {label(sample, n)}**" for i, n in enumerate(path, 1)]
    assert len(app.get("component_instance")) == 2  # the map and the path
    buttons = {b.proto.id.rsplit(":", 1)[-1] for b in app.get("download_button")}
    assert {"markdown", "anki", "mermaid", "png"} <= buttons

    app.multiselect(key="known").set_value([path[0]]).run()
    steps = [m.value for m in app.markdown if m.value.startswith("**1. ")]
    assert steps == [f"**1. {label(sample, learning_path(sample, target, known=[path[0]])[0])}**"]


def test_connect(app: AppTest, sample: nx.MultiDiGraph) -> None:
    a, b = ranked_concepts(sample)[:2]
    app.selectbox(key="connect_a").set_value(a).run()
    app.selectbox(key="connect_b").set_value(b).run()
    assert not app.exception
    assert any(m.value.startswith("**") and "step" in m.value for m in app.markdown)
    assert any(m.value.startswith("1. ") for m in app.markdown)


def test_topics_and_gaps(app: AppTest, sample: nx.MultiDiGraph) -> None:
    assert any(m.value.endswith("topics**, largest first") for m in app.markdown)
    assert "Gaps: used but never defined" in [h.value for h in app.subheader]


def test_export_buttons_for_every_format(app: AppTest) -> None:
    ids = [b.proto.id for b in app.get("download_button")]
    for fmt in graph.view.DOWNLOADS:
        assert any(i.endswith(f"download:all:{fmt}") for i in ids), fmt
    app.radio(key="export_scope").set_value("view").run()
    ids = [b.proto.id for b in app.get("download_button")]
    assert any(i.endswith("download:view:obsidian") for i in ids)


def test_notes_tab_lists_every_file(app: AppTest) -> None:
    names = [path.name for path in iter_note_files([ROOT / "data"])]
    shown = [m.value for m in app.markdown if "cards]" in m.value]
    for name in names:
        assert any(escape_markdown(name) in value for value in shown), name
    assert len(app.dataframe) == len(names)


def test_folder_path_input(app: AppTest, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "rnn.txt").write_bytes((ROOT / "data" / "sequence-models-qa.txt").read_bytes())
    (folder / "broken.apkg").write_bytes(b"not a zip")
    app.radio(key="source").set_value("A folder on this computer").run()
    assert "folder" in app.info[0].value

    app.text_input(key="folder").set_value(str(tmp_path / "missing")).run()
    assert "No such folder" in app.sidebar.error[0].value
    app.text_input(key="folder").set_value(str(folder / "rnn.txt")).run()
    assert "Not a folder" in app.sidebar.error[0].value

    app.text_input(key="folder").set_value(str(folder)).run()
    assert not app.exception
    sidebar = " ".join(element.value for element in app.sidebar.markdown)
    assert "rnn\\.txt" in sidebar and "broken\\.apkg" in sidebar
    assert ":red[" in sidebar  # the bad file's error beside the good one
    assert {m.label: int(m.value) for m in app.metric}["Files"] == 2


def test_uploads(app: AppTest) -> None:
    app.radio(key="source").set_value("Upload files").run()
    app.file_uploader[0].set_value(
        [
            ("evil.txt", f"What is {HOSTILE}?\nA trap.\n".encode(), "text/plain"),
            ("cells.txt", b"What is a ribosome?\nIt builds proteins.\n", "text/plain"),
        ]
    ).run()
    assert not app.exception
    everything = markdown_text(app) + " ".join(e.value for e in app.sidebar.markdown)
    assert "<img" not in everything and "](http" not in everything


def test_without_notes_the_app_says_what_to_do(app: AppTest) -> None:
    app.radio(key="source").set_value("Upload files").run()
    assert not app.exception
    assert "Upload" in app.info[0].value
    assert not app.metric


def test_interactions_never_reread_the_notes(
    monkeypatch: pytest.MonkeyPatch, sample: nx.MultiDiGraph
) -> None:
    calls = {"read": 0, "build": 0}
    read, build = graph.view.read_note, graph.build.build_cached

    def counting_read(*args: Any, **kwargs: Any) -> Any:
        calls["read"] += 1
        return read(*args, **kwargs)

    def counting_build(*args: Any, **kwargs: Any) -> Any:
        calls["build"] += 1
        return build(*args, **kwargs)

    monkeypatch.setattr(graph.view, "read_note", counting_read)
    monkeypatch.setattr(graph.build, "build_cached", counting_build)
    at = AppTest.from_file(APP, default_timeout=90).run()
    assert calls == {"read": 4, "build": 1}

    node = ranked_concepts(sample)[0]
    at.selectbox(key="concept").set_value(node).run()
    click_on_map(at, str(ranked_concepts(sample)[1]))
    at.toggle(key="show_weak").set_value(True).run()
    at.slider(key="min_confidence").set_value(0.5).run()
    at.text_input(key="focus_query").set_value("gradient").run()
    at.selectbox(key="path_target").set_value(node).run()
    assert not at.exception
    assert calls == {"read": 4, "build": 1}
