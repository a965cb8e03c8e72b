"""The explorer, run headless with AppTest: every tab and the main interactions."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import graph.build
import graph.topics
import graph.view
from app.map_component import clicked_node, data_key, reported_size
from extraction.readers import iter_note_files, read_paths
from graph.build import build_graph
from graph.counts import edge_counts
from graph.query import learning_path, resolve, search
from graph.render import RELATION_STYLES, escape_markdown, ranked_concepts

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


def component(at: AppTest, key: str = "map") -> Any:
    return next(
        element for element in at.get("component_instance") if element.proto.id.endswith(key)
    )


def map_args(at: AppTest, key: str = "map") -> dict[str, Any]:
    """What the app handed the map component: ``data``, ``viewport``, ``height``..."""
    return json.loads(component(at, key).proto.json_args)


def drawn_ids(at: AppTest, key: str = "map") -> list[str]:
    return [node["id"] for node in map_args(at, key)["data"]["nodes"]]


def smallest_label_px(args: dict[str, Any]) -> float:
    """The height of the smallest label drawn, at the drawing's initial zoom."""
    data = args["data"]
    return min(node["font"]["size"] for node in data["nodes"]) * data["view"]["scale"]


def send(at: AppTest, value: dict[str, Any], key: str = "map") -> AppTest:
    """What the map component sends (AppTest cannot run its JavaScript): a click
    ``{"node": id, "clicks": n}`` or its size ``{"viewport": {"width", "height"}}``."""
    states = at._tree.get_widget_states()
    state = states.widgets.add()
    state.id = component(at, key).proto.id
    state.json_value = json.dumps(value)
    return at._run(states)


def click_on_map(at: AppTest, node: str, key: str = "map") -> AppTest:
    return send(at, {"node": node, "clicks": 1}, key)


def open_tab(at: AppTest, name: str) -> AppTest:
    """Open the tab ``name`` (a click on it: the tabs are made only when open)."""
    at.session_state["tab"] = name
    return at.run()


def open_first_topic(at: AppTest) -> AppTest:
    """Click the largest topic of the overview."""
    assert drawn_ids(at)[0] == "topic:0"
    return click_on_map(at, "topic:0")


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


@pytest.mark.parametrize(
    ("tab", "made", "not_made"),
    [
        ("Map", "focus_query", "path_query"),
        ("Learning path", "path_query", "connect_a"),
        ("Connect", "connect_a", "known"),
        ("Topics", None, "path_query"),
        ("Export", "export_scope", "notes_file"),
        ("Notes", "notes_file", "export_scope"),
    ],
)
def test_app_only_the_open_tab_is_made_and_the_map_stays(
    app: AppTest, tab: str, made: str | None, not_made: str
) -> None:
    open_tab(app, tab)
    assert not app.exception
    keys = {getattr(w, "key", None) for w in app._tree if getattr(w, "key", None)}
    assert made is None or made in keys
    assert not_made not in keys
    assert "focus_query" in keys and len(component_ids(app)) >= 1  # the map is kept mounted


def component_ids(at: AppTest) -> list[str]:
    return [element.proto.id for element in at.get("component_instance")]


def test_app_a_long_file_name_breaks_beside_its_icon(app: AppTest) -> None:
    """Before: a name of one long word went under its check mark, which stood alone on
    its line in the sidebar: a file's name (in bold) may break between any letters."""
    css = " ".join(element.proto.body for element in app.get("html"))
    assert '[data-testid="stSidebar"] [data-testid="stMarkdownContainer"] p strong' in css
    assert "word-break: break-all" in css


def test_app_a_long_list_of_files_is_one_element(app: AppTest, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    for i in range(12):
        (folder / f"n{i:02}.txt").write_text(f"What is term{i}?\nA thing number {i}.\n")
    app.radio(key="source").set_value("A folder on this computer").run()
    app.text_input(key="folder").set_value(str(folder)).run()
    assert not app.exception
    listed = [m.value for m in app.sidebar.markdown if "n00\\.txt" in m.value]
    assert len(listed) == 1 and all(f"n{i:02}\\.txt" in listed[0] for i in range(12))


def test_a_large_graph_opens_as_an_overview_of_topics(
    app: AppTest, sample: nx.MultiDiGraph
) -> None:
    args = map_args(app)
    topics = graph.topics.topic_members(sample)
    ids = drawn_ids(app)
    assert ids == [f"topic:{i}" for i in range(len(ids))] and 1 < len(ids) <= len(topics)
    labels = [node["label"] for node in args["data"]["nodes"]]
    first = next(iter(topics))
    assert labels[0].endswith(f"{len(topics[first])} concepts")
    assert args["viewport"] == {"width": 745, "height": 497}  # before the page measures
    assert smallest_label_px(args) >= 11
    caption = " ".join(c.value for c in app.caption)
    assert "**Overview**" in caption and f"of {len(topics)} topics" in caption
    assert f"of all {edge_counts(sample).total} relations pass the filters" in caption


def test_clicking_a_topic_opens_it_and_a_concept_opens_in_the_panel(
    app: AppTest, sample: nx.MultiDiGraph
) -> None:
    topics = graph.topics.topic_members(sample)
    first = next(iter(topics))
    open_first_topic(app)
    assert not app.exception
    assert app.selectbox(key="map_topic").value == first
    ids = drawn_ids(app)
    assert set(ids) <= {str(n) for n in topics[first]} and ids
    assert any(f"Topic **{escape_markdown(first)}**" in c.value for c in app.caption)

    node = next(n for n in topics[first] if str(n) in ids and sample.nodes[n].get("definition"))
    definition = escape_markdown(sample.nodes[node]["definition"])
    assert definition not in markdown_text(app)
    click_on_map(app, str(node))
    assert not app.exception
    assert app.selectbox(key="concept").value == node
    assert label(sample, node) in [h.value for h in app.subheader]
    assert definition in markdown_text(app)
    assert map_args(app)["data"]["selected"] == str(node)
    assert drawn_ids(app) == ids  # the same drawing: the page moves the selection only

    app.button(key="map_overview").click().run()
    assert app.selectbox(key="map_topic").value is None
    assert drawn_ids(app)[0] == "topic:0"


def test_the_drawing_follows_the_size_the_page_reports(app: AppTest) -> None:
    open_first_topic(app)
    wide = len(drawn_ids(app))
    send(app, {"viewport": {"width": 300, "height": 240}, "clicks": 0})
    assert not app.exception
    args = map_args(app)
    assert args["viewport"] == {"width": 300, "height": 240}
    assert len(drawn_ids(app)) < wide  # fewer fit a smaller map
    assert smallest_label_px(args) >= 11


def test_show_more_adds_concepts_around_the_focus(app: AppTest, sample: nx.MultiDiGraph) -> None:
    send(app, {"viewport": {"width": 300, "height": 240}, "clicks": 0})
    hub = max(sample, key=lambda n: sample.degree(n))
    app.text_input(key="focus_query").set_value(str(hub)).run()
    before = drawn_ids(app)
    assert str(hub) in before
    more = app.button(key="map_more_button")
    assert not more.disabled
    more.click().run()
    after = drawn_ids(app)
    assert len(after) > len(before) and set(before) <= set(after)
    caption = " ".join(c.value for c in app.caption)
    assert "nearest of" in caption and "drag to see the rest" in caption


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
    assert ":gray[(confidence 0." in text or ":gray[(confidence 1." in text  # not a bare number
    assert ", line " in text  # evidence cites file and line
    assert any("Source cards" in m.value for m in app.markdown)


def test_app_a_folded_relation_type_is_sent_when_unfolded(
    app: AppTest, sample: nx.MultiDiGraph
) -> None:
    node, relation = next(
        (u, a["relation"])
        for u, v, a in sample.edges(data=True)
        if a["relation"] not in {"prerequisite_of", "related_to"}
    )
    name = RELATION_STYLES[relation].label

    def fold() -> Any:
        return next(e for e in app.expander if e.label.startswith(escape_markdown(name)))

    app.selectbox(key="concept").set_value(node).run()
    assert not fold().markdown  # folded: only its heading is sent
    app.session_state[f"links:{relation}"] = True  # a click on the fold
    app.run()
    assert not app.exception
    assert any(" :gray[(" in m.value for m in fold().markdown)


def test_app_a_weak_link_of_one_sentence_reads_as_words(
    app: AppTest, sample: nx.MultiDiGraph
) -> None:
    """Before: "→ *same sentence* **other**", the graph's label of the link as a verb."""
    node, other = next(
        (u, v)
        for u, v, a in sample.edges(data=True)
        if a["relation"] == "related_to" and a.get("label") == graph.build.SAME_SENTENCE
    )
    app.selectbox(key="concept").set_value(node).run()
    app.session_state["links:related_to"] = True  # a click on the fold
    app.run()
    assert not app.exception
    said = "\n".join(m.value for e in app.expander for m in e.markdown)
    assert f"*named in one sentence with* **{label(sample, other)}**" in said
    assert "*same sentence*" not in said


def test_filters_and_weak_links(app: AppTest, sample: nx.MultiDiGraph) -> None:
    relations = app.button_group(key="relations")
    assert "related_to" not in relations.options
    app.toggle(key="show_weak").set_value(True).run()
    caption = " ".join(c.value for c in app.caption)
    weak = edge_counts(sample)
    assert f"{weak.total} of all {weak.total} relations pass the filters" in caption
    app.slider(key="min_confidence").set_value(0.8).run()
    relations = app.button_group(key="relations")
    relations.set_value(relations.value[:1]).run()
    assert not app.exception
    assert len(app.get("component_instance")) == 1


def test_app_notes_that_state_few_relations_open_with_weak_links(
    app: AppTest, sample: nx.MultiDiGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: notes whose stated relations leave most concepts without a line (a lecture
    in prose) opened as a scatter of unconnected dots, weak links off. The student's own
    choice is kept for the next notes."""
    assert app.toggle(key="show_weak").value is False  # the sample notes state enough
    sparse = sample.copy()
    stated = [(u, v, k) for u, v, k, a in sample.edges(keys=True, data=True)
              if a.get("relation") != "related_to"]  # fmt: skip
    sparse.remove_edges_from(stated)
    monkeypatch.setattr(graph.build, "build_cached", lambda *args, **kwargs: sparse)
    folders = [tmp_path / "week1", tmp_path / "week2"]
    for i, folder in enumerate(folders):
        folder.mkdir()
        (folder / "lecture.md").write_text(CELLS + f"\nWeek {i + 1}.\n", encoding="utf-8")
    app.radio(key="source").set_value("A folder on this computer").run()
    app.text_input(key="folder").set_value(str(folders[0])).run()
    assert not app.exception
    assert app.toggle(key="show_weak").value is True
    total = sparse.number_of_edges()
    assert any(f"{total} of all {total} relations pass" in c.value for c in app.caption)
    app.toggle(key="show_weak").set_value(False).run()
    app.text_input(key="folder").set_value(str(folders[1])).run()
    assert app.toggle(key="show_weak").value is False


def test_app_notes_without_a_typed_relation_say_so_instead_of_empty_pills(
    app: AppTest, sample: nx.MultiDiGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: a one-heading note (weak links only) showed "Relation types" over an empty
    row of pills."""
    weak_only = sample.copy()
    weak_only.remove_edges_from(
        [(u, v, k) for u, v, k, r in sample.edges(keys=True, data="relation") if r != "related_to"]
    )
    monkeypatch.setattr(graph.build, "build_cached", lambda *args, **kwargs: weak_only)
    (tmp_path / "tides.md").write_text("# Tides\n\nThe moon pulls the sea.\n", encoding="utf-8")
    assert app.button_group(key="relations")  # the sample states typed relations
    app.radio(key="source").set_value("A folder on this computer").run()
    app.text_input(key="folder").set_value(str(tmp_path)).run()
    assert not app.exception
    assert not [g for g in app.button_group if g.key == "relations"]
    assert any("state no typed relation" in c.value for c in app.sidebar.caption)


def test_app_a_concept_drawn_alone_says_which_filter_hides_its_links(
    app: AppTest, sample: nx.MultiDiGraph
) -> None:
    """A concept whose only links are weak is drawn alone by default: the map says the
    filters hide them and how to show them, instead of one unexplained dot."""
    node = next(
        n
        for n in ranked_concepts(sample)
        if sample.degree(n)
        and all(a.get("relation") == "related_to" for *_, a in sample.in_edges(n, data=True))
        and all(a.get("relation") == "related_to" for *_, a in sample.out_edges(n, data=True))
        and resolve(sample, str(sample.nodes[n].get("label") or n)) == n
    )
    app.text_input(key="focus_query").set_value(str(sample.nodes[node].get("label") or node)).run()
    assert not app.exception
    assert drawn_ids(app) == [str(node)]
    caption = map_args(app)["caption"]
    assert "Show weak links" in caption and str(sample.nodes[node].get("label") or node) in caption
    assert any("nearest of 1 concept within" in caption.value for caption in app.caption)
    app.toggle(key="show_weak").set_value(True).run()
    assert len(drawn_ids(app)) > 1 and "Show weak links" not in map_args(app)["caption"]


def test_app_a_search_in_an_open_topic_clears_the_topic_picker(
    app: AppTest, sample: nx.MultiDiGraph
) -> None:
    open_first_topic(app)
    first = app.selectbox(key="map_topic").value
    outside = next(n for n in ranked_concepts(sample) if sample.nodes[n].get("topic") != first)
    app.text_input(key="focus_query").set_value(str(outside)).run()
    assert not app.exception
    assert str(outside) in drawn_ids(app)
    assert app.selectbox(key="map_topic").value is None  # the map no longer draws the topic
    app.selectbox(key="map_topic").set_value(first).run()  # a topic picked clears the search
    assert app.text_input(key="focus_query").value == ""
    assert app.selectbox(key="map_topic").value == first


def test_focus_search_finds_misspellings(app: AppTest, sample: nx.MultiDiGraph) -> None:
    target = next(n for n in ranked_concepts(sample) if len(str(n)) > 12)
    typo = str(target)[:-2] + str(target)[-1] + str(target)[-2]  # swap the last two letters
    app.text_input(key="focus_query").set_value(typo).run()
    assert not app.exception
    assert app.selectbox(key=f"focus_pick:{typo}").value == target
    assert app.selectbox(key="concept").value == target  # the panel follows the focus
    assert str(target) in drawn_ids(app)
    assert any("Around" in c.value and "nearest" in c.value for c in app.caption)

    app.text_input(key="focus_query").set_value("zzzz qqqq xxxx").run()
    assert "No concept matches" in app.warning[0].value


def test_app_panel_quotes_where_the_notes_name_an_undefined_concept(
    app: AppTest, sample: nx.MultiDiGraph
) -> None:
    """A concept the notes never define shows the sentences that name it, with their
    file and line, instead of an empty place where the definition would be."""
    node = next(
        n
        for n in ranked_concepts(sample)[:60]
        if not sample.nodes[n].get("definition") and graph.view.mentions_of(sample, n)
    )
    app.selectbox(key="concept").set_value(node).run()
    assert not app.exception
    shown = next(m.value for m in app.markdown if "No definition in the notes" in m.value)
    first = graph.view.mentions_of(sample, node)[0]
    assert escape_markdown(first["text"]) in shown
    assert f"{escape_markdown(first['source'])}, line {first['line']}" in shown


def test_app_panel_names_each_other_name_once(app: AppTest, sample: nx.MultiDiGraph) -> None:
    """Before: "Also called" listed every alias, the plurals and other cases of the label
    and of each other too ("LSTM, LSTM cell, lstm cell")."""
    ranked = ranked_concepts(sample)[:60]

    def shown(node: Any) -> list[str]:
        return graph.view.other_names(node, sample.nodes[node])

    some = next(n for n in ranked if 0 < len(shown(n)) < len(sample.nodes[n]["aliases"]))
    app.selectbox(key="concept").set_value(some).run()
    also = [m.value for m in app.markdown if m.value.startswith("**Also called:**")]
    assert also == ["**Also called:** " + escape_markdown(", ".join(shown(some)))]
    none = next(n for n in ranked if sample.nodes[n].get("aliases") and not shown(n))
    app.selectbox(key="concept").set_value(none).run()
    assert not [m.value for m in app.markdown if m.value.startswith("**Also called:**")]


@pytest.mark.parametrize("mentions, words", [(1, "Mentioned 1 time ·"), (2, "Mentioned 2 times ·")])
def test_app_panel_counts_mentions_in_words(
    app: AppTest, sample: nx.MultiDiGraph, mentions: int, words: str
) -> None:
    node = next(
        n for n in ranked_concepts(sample)[:60] if sample.nodes[n].get("mentions") == mentions
    )
    app.selectbox(key="concept").set_value(node).run()
    assert any(caption.value.startswith(words) for caption in app.caption)


def test_app_path_step_without_definition_quotes_the_notes(
    app: AppTest, sample: nx.MultiDiGraph
) -> None:
    target, step = next(
        (t, n)
        for t in ranked_concepts(sample)
        for n in learning_path(sample, t)
        if not sample.nodes[n].get("definition") and graph.view.mentions_of(sample, n)
    )
    open_tab(app, "Learning path")
    query = str(sample.nodes[target].get("label") or target)
    app.text_input(key="path_query").set_value(query).run()
    app.selectbox(key=f"path_target:{query}").set_value(target).run()
    assert not app.exception
    quote = escape_markdown(graph.view.mentions_of(sample, step)[0]["text"])
    assert any(quote in m.value and "No definition" in m.value for m in app.markdown)


def test_app_path_step_says_which_later_steps_need_it(
    app: AppTest, sample: nx.MultiDiGraph
) -> None:
    """Before: a step showed its definition only; nothing said why it was on the path."""
    target = next(t for t in ranked_concepts(sample) if len(learning_path(sample, t)) > 2)
    path = learning_path(sample, target)
    first = graph.view.needed_for(sample, path)[path[0]][0]
    open_tab(app, "Learning path")
    query = str(sample.nodes[target].get("label") or target)
    app.text_input(key="path_query").set_value(query).run()
    app.selectbox(key=f"path_target:{query}").set_value(target).run()
    assert not app.exception
    said = f"→ needed for **{first.step}. {label(sample, first.node)}**"
    sentence = " ".join(first.evidence["text"].split())
    # the sentence itself, or a pointer to it when the step already quotes it (its
    # definition, or where the notes name it)
    step = sample.nodes[path[0]]
    shown = (
        {step["definition"]}
        if step.get("definition")
        else {" ".join(str(m["text"]).split()) for m in graph.view.mentions_of(sample, path[0])}
    )
    quote = "(the sentence quoted above)" if sentence in shown else escape_markdown(sentence)
    assert any(m.value.startswith(said) and quote in m.value for m in app.markdown)


@pytest.mark.parametrize(
    ("shown", "pointer"),
    [
        ({"Tides follow the moon's pull."}, True),  # the step already quotes it
        ({"The moon circles the earth."}, False),  # another sentence: quoted here
        (set(), False),
    ],
)  # fmt: skip
def test_app_path_step_quotes_a_sentence_once(shown: set, pointer: bool) -> None:
    """Before: a step the notes never define quoted the sentence that names it, and then
    the same sentence again under "needed for"."""
    import streamlit_app
    from graph.view import NeededFor

    G = nx.MultiDiGraph()
    G.add_node("moon", label="moon")
    G.add_node("tide", label="tide")
    said = {"source": "astro.md", "line": 4, "text": "Tides follow the moon's pull."}
    text = streamlit_app.needed_for_markdown(G, [NeededFor(2, "tide", said)], shown)
    assert text.startswith("→ needed for **2. tide**")
    assert ("(the sentence quoted above)" in text) is pointer
    assert (escape_markdown(said["text"]) in text) is not pointer


def test_app_path_step_names_every_later_step_it_is_needed_for() -> None:
    """Before: past the first two, "and for 1 later step" did not say which step."""
    import streamlit_app
    from graph.view import NeededFor

    G = nx.MultiDiGraph()
    names = ["sediment", "layer", "fossil", "stratum", "dating"]
    G.add_nodes_from((n, {"label": n}) for n in names)
    said = {"source": "geo.md", "line": 2, "text": "Sediment settles in layers."}
    needed = [NeededFor(i, n, said) for i, n in enumerate(names[1:], start=2)]
    text = streamlit_app.needed_for_markdown(G, needed)
    assert text.count("→ needed for") == streamlit_app.PATH_NEEDED_SHOWN == 2
    assert text.endswith("→ also needed for **4. stratum**, **5. dating**")


def test_app_path_names_the_steps_the_notes_never_define(
    app: AppTest, sample: nx.MultiDiGraph
) -> None:
    """The picture draws them hollow, and a caption over it says which they are."""
    target = next(
        t
        for t in ranked_concepts(sample)
        if len(path := learning_path(sample, t)) > 1
        and any(not sample.nodes[n].get("definition") for n in path)
    )
    path = learning_path(sample, target)
    undefined = [n for n in path if not sample.nodes[n].get("definition")]
    open_tab(app, "Learning path")
    query = str(sample.nodes[target].get("label") or target)
    app.text_input(key="path_query").set_value(query).run()
    app.selectbox(key=f"path_target:{query}").set_value(target).run()
    assert not app.exception
    (said,) = [c.value for c in app.caption if "not defined in your notes" in c.value]
    assert f"**{label(sample, undefined[0])}**" in said
    hollow = [n["id"] for n in map_args(app, "path_map")["data"]["nodes"] if "shapeProperties" in n]
    assert hollow == [str(n) for n in path if n in undefined]


def test_app_a_path_of_one_step_says_so_and_draws_no_picture(
    app: AppTest, sample: nx.MultiDiGraph
) -> None:
    target = next(t for t in ranked_concepts(sample) if len(learning_path(sample, t)) == 1)
    open_tab(app, "Learning path")
    query = str(sample.nodes[target].get("label") or target)
    app.text_input(key="path_query").set_value(query).run()
    app.selectbox(key=f"path_target:{query}").set_value(target).run()
    assert not app.exception
    assert any("state nothing you need before" in i.value for i in app.info)
    assert len(app.get("component_instance")) == 1  # the map only: no one-dot picture
    assert not any("study from left to right" in m.value for m in app.markdown)
    assert any(m.value == f"**1. {label(sample, target)}**" for m in app.markdown)


def test_app_a_path_of_steps_never_defined_offers_no_empty_deck(
    app: AppTest, sample: nx.MultiDiGraph
) -> None:
    """Before: "Anki deck (.apkg) · 0 cards" downloaded a deck with nothing in it."""
    target = next(
        t
        for t in ranked_concepts(sample)
        if not any(sample.nodes[n].get("definition") for n in learning_path(sample, t))
    )
    open_tab(app, "Learning path")
    query = str(sample.nodes[target].get("label") or target)
    app.text_input(key="path_query").set_value(query).run()
    app.selectbox(key=f"path_target:{query}").set_value(target).run()
    assert not app.exception
    buttons = {b.proto.id.rsplit(":", 1)[-1]: b.proto for b in app.get("download_button")}
    assert buttons["anki"].disabled and "define none" in buttons["anki"].help
    said = [caption.value.replace("\\", "") for caption in app.caption]  # escaped Markdown
    assert any("Your notes define none" in line for line in said)
    assert not buttons["markdown"].disabled  # the guide quotes where the notes name them


def test_app_a_flowchart_too_large_for_mermaid_is_not_offered(
    app: AppTest, sample: nx.MultiDiGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: a whole course's flowchart (1,898 links on the seeds) downloaded a file
    that every Mermaid viewer refuses to draw. The limit is lowered to the sample's size."""
    monkeypatch.setattr(graph.view, "MERMAID_MAX_LINKS", sample.number_of_edges() // 2)
    open_tab(app, "Export")
    buttons = {b.proto.id.rsplit(":", 1)[-1]: b.proto for b in app.get("download_button")}
    assert buttons["mermaid"].disabled and "Too large for a Mermaid" in buttons["mermaid"].help
    said = [caption.value.replace("\\", "") for caption in app.caption]  # escaped Markdown
    assert any("Too large for a Mermaid flowchart" in line for line in said)  # seen, not hovered
    assert not buttons["dot"].disabled
    app.radio(key="export_scope").set_value("view").run()  # the map's view: made on click
    buttons = {b.proto.id.rsplit(":", 1)[-1]: b.proto for b in app.get("download_button")}
    assert not buttons["mermaid"].disabled


def test_app_a_path_of_one_step_names_what_the_notes_relate_it_to(
    app: AppTest, sample: nx.MultiDiGraph
) -> None:
    """Before: a path of one step said only "start here", though the notes relate the
    concept to others (a cause, a part, a contrast, a weak link)."""
    target = next(
        t
        for t in ranked_concepts(sample)
        if len(learning_path(sample, t)) == 1 and graph.view.related_to(sample, t)
    )
    open_tab(app, "Learning path")
    query = str(sample.nodes[target].get("label") or target)
    app.text_input(key="path_query").set_value(query).run()
    app.selectbox(key=f"path_target:{query}").set_value(target).run()
    assert not app.exception
    (info,) = [i.value for i in app.info if "state nothing you need before" in i.value]
    first = graph.view.related_to(sample, target)[0]
    assert f"They relate it to **{label(sample, first)}**" in info


def test_app_map_caption_counts_the_lines_a_folded_prerequisite_leaves_out(
    app: AppTest,
) -> None:
    open_first_topic(app)
    data = map_args(app)["data"]
    folded = sum(data["folded"].values())
    assert folded  # the sample's largest topic has a prerequisite a chain or a typed line shows
    caption = " ".join(c.value for c in app.caption)
    assert f"in {len(data['edges'])} lines (for {folded} prerequisite" in caption


def test_app_map_caption_says_why_some_concepts_have_no_line(app: AppTest) -> None:
    open_first_topic(app)
    data = map_args(app)["data"]
    ends = {end for edge in data["edges"] for end in (edge["from"], edge["to"])}
    alone = [node["id"] for node in data["nodes"] if node["id"] not in ends]
    assert alone  # the sample's largest topic draws concepts whose links are hidden
    caption = " ".join(c.value for c in app.caption)
    assert f"{len(alone)} concept{'s' if len(alone) > 1 else ''} drawn without a line" in caption
    assert "hidden by the filters or lead to concepts not drawn" in caption
    hint = map_args(app)["caption"]  # on the map itself, in sight at any window height
    assert f"{len(alone)} concept{'s' if len(alone) > 1 else ''} without a line" in hint


TECTONICS = """# Plate tectonics

Plate tectonics is the theory that the lithosphere is broken into plates that move.

## Subduction

Subduction is the sinking of one plate beneath another plate at a convergent boundary.

## Mid-ocean ridge

A mid-ocean ridge is a line where two plates move apart and new crust forms.
"""


def test_app_search_boxes_give_an_example_of_these_notes(app: AppTest, tmp_path: Path) -> None:
    """The example in the search boxes is a concept of the notes read, not of another
    course."""
    folder = tmp_path / "geology"
    folder.mkdir()
    (folder / "plates.md").write_text(TECTONICS, encoding="utf-8")
    app.radio(key="source").set_value("A folder on this computer").run()
    app.text_input(key="folder").set_value(str(folder)).run()
    assert not app.exception
    G = build_graph(read_paths([folder]))
    names = {name for n in G for name in graph.view.concept_names(G, n)}
    placeholders = [app.text_input(key="focus_query").placeholder]
    open_tab(app, "Learning path")
    placeholders.append(app.text_input(key="path_query").placeholder)
    for placeholder in placeholders:
        example = placeholder.partition("e.g. “")[2].partition("”")[0]
        assert example in names, placeholder
        assert placeholder.startswith("e.g. “")  # before: "Name, alias or spelling — e.g. “CNN mod"


def test_learning_path(app: AppTest, sample: nx.MultiDiGraph) -> None:
    target = max(ranked_concepts(sample), key=lambda n: len(learning_path(sample, n)))
    path = learning_path(sample, target)
    assert len(path) > 2, "the sample notes should give a path of several steps"
    query = str(sample.nodes[target].get("label") or target)
    open_tab(app, "Learning path")
    app.text_input(key="path_query").set_value(query).run()
    assert not app.exception
    assert app.selectbox(key=f"path_target:{query}").value == target  # best match first
    steps = [m.value for m in app.markdown if m.value.startswith("**") and ". " in m.value]
    assert steps[: len(path)] == [f"**{i}. {label(sample, n)}**" for i, n in enumerate(path, 1)]
    assert len(app.get("component_instance")) == 2  # the map and the path
    picture = map_args(app, "path_map")
    labels = [node["label"].replace("\n", " ") for node in picture["data"]["nodes"]]
    assert sorted(labels) == sorted(
        f"{i}. {sample.nodes[n].get('label') or n}" for i, n in enumerate(path, 1)
    )
    assert picture["data"]["view"]["scale"] == 1.0
    buttons = {b.proto.id.rsplit(":", 1)[-1] for b in app.get("download_button")}
    assert {"markdown", "anki", "mermaid", "png"} <= buttons

    app.multiselect(key="known").set_value([path[0]]).run()
    steps = [m.value for m in app.markdown if m.value.startswith("**1. ")]
    assert steps == [f"**1. {label(sample, learning_path(sample, target, known=[path[0]])[0])}**"]


def test_app_path_header_says_how_to_read_the_picture(
    app: AppTest, sample: nx.MultiDiGraph
) -> None:
    """Before: "study from left to right, row by row", while the steps of one layer stack
    in a column: read row by row, the LSTM path of the seeds went 1, 4, 7, 8, 10, 2, ..."""
    target = max(ranked_concepts(sample), key=lambda n: len(learning_path(sample, n)))
    path = learning_path(sample, target)
    query = str(sample.nodes[target].get("label") or target)
    open_tab(app, "Learning path")
    app.text_input(key="path_query").set_value(query).run()
    header = next(m.value for m in app.markdown if m.value.startswith(f"**{len(path)} steps"))
    x = {node["id"]: node["x"] for node in map_args(app, "path_map")["data"]["nodes"]}
    xs = [x[str(node)] for node in path]
    stacked = any(abs(b - a) < 1 for a, b in pairwise(xs))
    assert stacked, "the sample's longest path should stack two steps in a column"
    assert "in the order of their numbers: column by column" in header
    assert "row by row" not in header


@pytest.mark.parametrize("query", ["LSTM", "lstm", "gated recurent unit"])
def test_the_path_picker_takes_the_best_match_of_an_acronym_or_a_typo(
    app: AppTest, sample: nx.MultiDiGraph, query: str
) -> None:
    open_tab(app, "Learning path")
    app.text_input(key="path_query").set_value(query).run()
    picked = app.selectbox(key=f"path_target:{query}")
    assert picked.value == resolve(sample, query) == search(sample, query)[0][0]
    assert any(m.value.startswith("**1. ") for m in app.markdown)  # the path is shown


def test_the_path_picker_resolves_like_the_search_box(
    app: AppTest, sample: nx.MultiDiGraph
) -> None:
    node = next(n for n in ranked_concepts(sample) if sample.nodes[n].get("aliases"))
    alias = str(sample.nodes[node]["aliases"][0])
    open_tab(app, "Learning path")
    app.text_input(key="path_query").set_value(alias).run()
    assert app.selectbox(key=f"path_target:{alias}").value == node
    assert app.selectbox(key=f"path_target:{alias}").options[0] == label(sample, node).replace(
        "\\", ""
    )


@pytest.mark.parametrize(
    ("tab", "keys"), [("Connect", ("connect_a", "connect_b")), ("Learning path", ("known",))]
)
def test_app_concept_pickers_say_what_to_pick(app: AppTest, tab: str, keys: tuple) -> None:
    """Before: Streamlit's own "Choose an option" / "Choose options"."""
    open_tab(app, tab)
    for key in keys:
        widget = next(w for w in app._tree if getattr(w, "key", None) == key)
        assert widget.proto.placeholder and "Choose" not in widget.proto.placeholder


@pytest.mark.parametrize(
    ("tab", "keys"),
    [
        ("Map", ("map_topic", "concept")),
        ("Connect", ("connect_a", "connect_b")),
        ("Learning path", ("known",)),
    ],
)
def test_app_concept_pickers_filter_by_what_the_name_contains(
    app: AppTest, tab: str, keys: tuple
) -> None:
    """Before: Streamlit's fuzzy filter sorted by a subsequence score, so typing "LSTM"
    in Connect listed "LSTM gates" first (Enter took it) and "localist model" with it;
    filtering by what the name contains keeps the pickers' order, the most important first."""
    from streamlit.proto.SelectWidgetFilterMode_pb2 import SelectWidgetFilterMode

    contains = SelectWidgetFilterMode.Value("FILTER_MODE_CONTAINS")
    open_tab(app, tab)
    for key in keys:
        widget = next(w for w in app._tree if getattr(w, "key", None) == key)
        assert widget.proto.filter_mode == contains, key


def test_connect(app: AppTest, sample: nx.MultiDiGraph) -> None:
    a, b = ranked_concepts(sample)[:2]
    open_tab(app, "Connect")
    app.selectbox(key="connect_a").set_value(a).run()
    app.selectbox(key="connect_b").set_value(b).run()
    assert not app.exception
    assert any(m.value.startswith("**") and "step" in m.value for m in app.markdown)
    assert any(m.value.startswith("1. ") for m in app.markdown)


def test_app_connect_quotes_a_sentence_before_a_bare_name(
    app: AppTest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: a step of a chain quoted the glossary's term line ("standard output")
    first, before the sentence that says what it is."""
    G = nx.MultiDiGraph(schema="concept-graph/1", model=None, sources=[])
    G.add_node("glaze", label="glaze", importance=0.9)
    G.add_node("kiln", label="kiln", importance=0.8)
    said = [
        {"source": "pots.md", "line": 4, "text": "Glaze"},
        {"source": "pots.md", "line": 5, "text": "A glassy coat fused on in the kiln."},
    ]
    G.add_edge("glaze", "kiln", relation="uses", confidence=0.7, evidence=said)
    monkeypatch.setattr(graph.build, "build_cached", lambda *args, **kwargs: G)
    (tmp_path / "pots.md").write_text("# Pots\n\nGlaze and kilns.\n", encoding="utf-8")
    app.radio(key="source").set_value("A folder on this computer").run()
    app.text_input(key="folder").set_value(str(tmp_path)).run()
    open_tab(app, "Connect")
    app.selectbox(key="connect_a").set_value("glaze").run()
    app.selectbox(key="connect_b").set_value("kiln").run()
    assert not app.exception
    quotes = [c.value for c in app.caption if c.value.startswith("“")]
    assert quotes[0].startswith("“" + escape_markdown("A glassy coat fused on in the kiln.") + "”")


def test_app_connect_without_a_chain_says_weak_links_were_tried(
    app: AppTest, sample: nx.MultiDiGraph
) -> None:
    parts = sorted(nx.weakly_connected_components(sample), key=len, reverse=True)
    assert len(parts) > 1, "the sample notes should have two concepts linked by nothing"
    a, b = (
        ranked_concepts(sample.subgraph(parts[0]))[0],
        ranked_concepts(sample.subgraph(parts[1]))[0],
    )
    open_tab(app, "Connect")
    app.selectbox(key="connect_a").set_value(a).run()
    app.selectbox(key="connect_b").set_value(b).run()
    assert not app.exception
    (said,) = [w.value for w in app.warning]
    assert "not even by a weak link" in said and "showing weak links" not in said


def test_app_connect_says_what_the_chain_owes_to_weak_links(
    app: AppTest, sample: nx.MultiDiGraph
) -> None:
    """Before: a chain through a weak link read like a chain of stated relations."""
    from graph.query import connect, only_weak, weak_links_note

    ranked = ranked_concepts(sample)  # the first pair found whose chain holds a weak link
    joined = sample.to_undirected(as_view=True)
    chains = (
        (a, b, connect(sample, a, b))
        for a in ranked
        for b in ranked
        if a != b and nx.has_path(joined, a, b)
    )
    a, b, steps = next(chain for chain in chains if any(step["weak"] for step in chain[2]))
    open_tab(app, "Connect")
    app.selectbox(key="connect_a").set_value(a).run()
    app.selectbox(key="connect_b").set_value(b).run()
    assert not app.exception
    note = weak_links_note(steps, only_weak(sample, a, b, steps))
    assert note in [caption.value for caption in app.caption]


def test_topics_and_gaps(app: AppTest, sample: nx.MultiDiGraph) -> None:
    open_tab(app, "Topics")
    assert any(m.value.endswith("topics**, largest first") for m in app.markdown)
    assert "Gaps: used but never defined" in [h.value for h in app.subheader]


def test_app_a_gap_names_the_most_important_concepts_that_use_it(
    app: AppTest, sample: nx.MultiDiGraph
) -> None:
    """Before: the users were listed by id, so capitalised acronyms came first."""
    from graph.query import gaps

    gap = next(g for g in gaps(sample) if len(g["used_by"]) > 6)
    users = sorted(gap["used_by"], key=lambda n: (-sample.nodes[n].get("importance", 0.0), str(n)))
    open_tab(app, "Topics")
    line = next(m.value for m in app.markdown if m.value.startswith(f"- **{gap['label']}**"))
    named = line.split(" — used by ", 1)[1].rsplit(" and ", 1)[0]
    assert named == ", ".join(label(sample, n) for n in users[:6])


def test_app_header_counts_have_a_thousands_separator(app: AppTest) -> None:
    """Before: "All relations 5689" over captions that wrote "5,689 relations"."""
    assert [m.proto.format for m in app.metric] == ["%,d"] * 5


def test_export_buttons_for_every_format(app: AppTest) -> None:
    open_tab(app, "Export")
    ids = [b.proto.id for b in app.get("download_button")]
    for fmt in graph.view.DOWNLOADS:
        assert any(i.endswith(f"download:all:{fmt}") for i in ids), fmt
    app.radio(key="export_scope").set_value("view").run()
    ids = [b.proto.id for b in app.get("download_button")]
    assert any(i.endswith("download:view:obsidian") for i in ids)


def test_app_anki_button_says_how_many_cards_the_deck_holds(
    app: AppTest, sample: nx.MultiDiGraph, tmp_path: Path
) -> None:
    """Before: notes of prose gave a deck of a few cards without a word about it."""
    from graph.export import write_anki

    cards = write_anki(sample, tmp_path / "deck.apkg")
    open_tab(app, "Export")
    labels = [button.proto.label for button in app.get("download_button")]
    assert f"Anki deck (.apkg) · {cards} cards" in labels


def test_app_every_download_says_what_it_is_for(app: AppTest) -> None:
    open_tab(app, "Export")
    buttons = app.get("download_button")
    assert len(buttons) == len(graph.view.DOWNLOADS)
    assert all(button.proto.help for button in buttons), [b.proto.label for b in buttons]


def test_notes_tab_lists_every_file(app: AppTest) -> None:
    names = [path.name for path in iter_note_files([ROOT / "data"])]
    open_tab(app, "Notes")
    listing = app.dataframe[0].value
    assert list(listing["file"]) == names and (listing["cards"] > 0).all()
    assert app.selectbox(key="notes_file").options == names
    app.selectbox(key="notes_file").set_value(1).run()
    assert any(escape_markdown(names[1]) in m.value and "cards]" in m.value for m in app.markdown)
    assert len(app.dataframe) == 2


CELLS = """# Cells

Every living thing is made of cells.

## Osmosis

Osmosis is the diffusion of water across a membrane.

## Enzymes

Enzymes are proteins that speed up reactions.

### Catalase

Catalase is an enzyme that breaks down hydrogen peroxide.
"""


def test_app_notes_tab_names_the_heading_every_card_shares_once(
    app: AppTest, tmp_path: Path
) -> None:
    """Before: the note's title filled the section column of every row, and the cards'
    text was cut off at the window's edge."""
    folder = tmp_path / "biology"
    folder.mkdir()
    (folder / "cells.md").write_text(CELLS, encoding="utf-8")
    app.radio(key="source").set_value("A folder on this computer").run()
    app.text_input(key="folder").set_value(str(folder)).run()
    open_tab(app, "Notes")
    assert not app.exception
    assert list(app.dataframe[1].value["section"]) == ["", "", "", "Enzymes"]
    assert any("4 cards · every card under Cells]" in m.value for m in app.markdown)


def test_app_a_file_of_one_card_says_one_card(app: AppTest, tmp_path: Path) -> None:
    """Before: the sidebar and the Notes tab said "markdown · 1 cards"."""
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "lecture.md").write_text(
        "Osmosis is the diffusion of water across a membrane. "
        "Enzymes are proteins that speed up reactions.\n",
        encoding="utf-8",
    )
    app.radio(key="source").set_value("A folder on this computer").run()
    app.text_input(key="folder").set_value(str(folder)).run()
    sidebar = " ".join(element.value for element in app.sidebar.markdown)
    assert "· 1 card]" in sidebar and "1 cards" not in sidebar
    open_tab(app, "Notes")
    assert any("· 1 card]" in m.value for m in app.markdown)


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


def test_app_folder_with_a_pipe_and_a_deck_read_in_part(app: AppTest, tmp_path: Path) -> None:
    """A named pipe in the folder is listed as not read (opening it would block the
    session for good), and a deck with one over-long field is read with a warning."""
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "rnn.txt").write_bytes((ROOT / "data" / "sequence-models-qa.txt").read_bytes())
    os.mkfifo(folder / "pipe.md")
    deck = {
        "__type__": "Deck",
        "name": "d",
        "children": [],
        "note_models": [
            {
                "__type__": "NoteModel",
                "crowdanki_uuid": "m",
                "name": "Basic",
                "flds": [{"name": "Front"}, {"name": "Back"}],
            }
        ],
        "notes": [
            {
                "__type__": "Note",
                "note_model_uuid": "m",
                "tags": [],
                "fields": ["Mitochondrion", "A mitochondrion is the organelle that makes ATP."],
            },
            {
                "__type__": "Note",
                "note_model_uuid": "m",
                "tags": [],
                "fields": ["Long", "word " * 10_000],
            },
        ],
    }
    (folder / "deck.json").write_text(json.dumps(deck), encoding="utf-8")
    app.radio(key="source").set_value("A folder on this computer").run()
    app.text_input(key="folder").set_value(str(folder)).run()
    assert not app.exception
    sidebar = " ".join(element.value for element in app.sidebar.markdown)
    assert "pipe\\.md" in sidebar and "not a regular file" in sidebar
    assert ":orange[" in sidebar and "field skipped" in sidebar


def test_app_a_build_past_its_words_says_where_it_stopped(
    app: AppTest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import extraction.limits

    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "a-enzymes.md").write_text(
        "# Enzymes\n\nEnzymes speed up reactions.\n\nThey lower the energy needed.\n"
    )
    (folder / "b-tectonics.md").write_text("# Plate tectonics\n\nPlates drift slowly.\n")
    monkeypatch.setattr(extraction.limits, "MAX_BUILD_WORDS", 6)
    app.radio(key="source").set_value("A folder on this computer").run()
    app.text_input(key="folder").set_value(str(folder)).run()
    assert not app.exception
    sidebar = " ".join(element.value for element in app.sidebar.markdown)
    assert ":orange[stopped at line 5\\:" in sidebar  # shown escaped, as Markdown
    assert ":red[not read\\: the build had reached" in sidebar


def test_app_a_stopped_folder_is_not_read_until_asked_again(app: AppTest, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "rnn.txt").write_bytes((ROOT / "data" / "sequence-models-qa.txt").read_bytes())
    app.radio(key="source").set_value("A folder on this computer").run()
    app.session_state["stopped"] = str(folder)  # what a click on "Stop reading" leaves
    app.text_input(key="folder").set_value(str(folder)).run()
    assert not app.exception
    assert "stopped" in app.info[0].value and not app.metric
    app.sidebar.button[0].click().run()  # "Read it again"
    assert {m.label: int(m.value) for m in app.metric}["Files"] == 1


def test_app_an_unusable_cache_is_a_warning_and_the_map_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_folder = tmp_path / "cache-file"
    not_a_folder.write_text("in the way")
    monkeypatch.setenv("CONCEPT_ATLAS_CACHE", str(not_a_folder))
    st.cache_resource.clear()  # the sample's graph, built by an earlier test, is shared
    app = AppTest.from_file(APP, default_timeout=90).run()
    assert not app.exception
    assert any("cannot be used" in w.value for w in app.sidebar.warning)
    assert {m.label: int(m.value) for m in app.metric}["Concepts"] > 5
    assert not_a_folder.read_text() == "in the way"


def test_uploads(app: AppTest) -> None:
    app.radio(key="source").set_value("Upload files").run()
    app.file_uploader[0].set_value(
        [
            ("evil.txt", f"What is {HOSTILE}?\nA trap.\n".encode(), "text/plain"),
            ("cells.txt", b"What is a mitochondrion?\nIt makes ATP.\n", "text/plain"),
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
    st.cache_resource.clear()  # readings and graphs are shared resources, not copies
    at = AppTest.from_file(APP, default_timeout=90).run()
    assert calls == {"read": 4, "build": 1}

    node = ranked_concepts(sample)[0]
    at.selectbox(key="concept").set_value(node).run()
    click_on_map(at, str(ranked_concepts(sample)[1]))
    at.toggle(key="show_weak").set_value(True).run()
    at.slider(key="min_confidence").set_value(0.5).run()
    at.text_input(key="focus_query").set_value("gradient").run()
    send(at, {"viewport": {"width": 500, "height": 420}, "clicks": 0})
    open_tab(at, "Learning path")
    at.text_input(key="path_query").set_value(str(node)).run()
    assert not at.exception
    assert calls == {"read": 4, "build": 1}


@pytest.mark.parametrize(
    ("value", "size"),
    [
        ({"viewport": {"width": 931.4, "height": 600}, "clicks": 2}, (931, 600)),
        ({"viewport": {"width": 10**9, "height": -5}}, (4000, 200)),
        ({"viewport": {"width": float("nan"), "height": 600}}, None),
        ({"viewport": {"width": "900", "height": 600}}, None),
        ({"viewport": [900, 600]}, None),
        ({"node": "rnn", "clicks": 1}, None),
        (None, None),
    ],
)
def test_map_component_reported_size(value: Any, size: tuple[int, int] | None) -> None:
    assert reported_size(value) == size


def test_map_component_redraws_only_when_the_drawing_changes() -> None:
    data = {"nodes": [{"id": "a"}], "edges": [], "options": {}, "view": None, "selected": None}
    assert data_key(data) == data_key({**data, "selected": "a"})
    assert data_key(data) != data_key({**data, "view": {"x": 0, "y": 0, "scale": 1}})
    assert clicked_node({"node": "a", "clicks": 1}) == "a"
    assert clicked_node({"viewport": {"width": 1, "height": 1}}) is None


def test_app_config_skips_the_full_collection_after_every_run() -> None:
    """A full garbage collection after each run walks every object of the graph in
    memory (~100 ms a click on a large course): the app's config turns it off."""
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["postScriptGC"] is False


@pytest.mark.parametrize(
    ("lines", "implied", "across", "says"),
    [
        (4, 1, 0, "the other one follows from"),
        (14, 12, 0, "the other 12 follow from"),
        (6, 0, 1, "6 of the 7 prerequisites your notes state between the steps; one from a "
         "step of an earlier row is named under the step it leads to (“needs 3”)."),
        (6, 2, 3, "; 3 from a step of an earlier row are named under the step they lead to "
         "(“needs 3”); 2 follow from a chain of those drawn."),
    ],
)  # fmt: skip
def test_app_path_lines_caption_agrees_with_its_count(lines, implied, across, says) -> None:
    import streamlit_app
    from graph.view import PathScene

    scene = PathScene({}, {}, 100.0, lines=lines, implied=implied, across=across)
    assert says in streamlit_app.path_lines_caption(scene, lines + implied + across)


def test_app_map_caption_says_a_relation_stated_both_ways_is_one_line() -> None:
    """Before: a contrast held both ways was counted twice and drawn as two lines, and
    the caption did not say why the lines were fewer."""
    import streamlit_app
    from graph.layout import Viewport

    G = nx.MultiDiGraph()
    G.add_edge("osmosis", "diffusion", relation="contrasts_with", confidence=0.8)
    G.add_edge("diffusion", "osmosis", relation="contrasts_with", confidence=0.8)
    scene = graph.view.map_scene(G, Viewport(745, 497))
    assert len(scene.data["edges"]) == 1 and scene.data["mirrored"] == 1
    caption = streamlit_app.map_caption(G, scene, edge_counts(G), 2)
    assert "drawn: 2 relations (2 typed" in caption
    assert "in 1 line (for 1 relation the notes state both ways" in caption
