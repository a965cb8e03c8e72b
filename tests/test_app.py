"""The Streamlit UI shell, run headless with AppTest on the bundled sample notes."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from extraction.readers import iter_note_files, read_paths
from graph.build import build_graph
from graph.render import escape_markdown, ranked_concepts

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "streamlit_app.py")


@pytest.fixture
def app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=60).run()


def test_app_runs_on_the_sample_notes(app: AppTest) -> None:
    assert not app.exception
    metrics = {metric.label: int(metric.value) for metric in app.metric}
    assert metrics["Concepts"] > 0
    assert metrics["Cards"] > 0
    assert len(app.get("iframe")) == 1
    sidebar = " ".join(element.value for element in app.sidebar.markdown)
    for path in iter_note_files([ROOT / "data"]):
        assert escape_markdown(path.name) in sidebar


def test_selecting_a_concept_shows_its_definition(app: AppTest) -> None:
    G = build_graph(read_paths([ROOT / "data"]))
    node = next(n for n in ranked_concepts(G) if G.nodes[n].get("definition"))
    shown = escape_markdown(G.nodes[node]["definition"])
    assert not any(shown in element.value for element in app.markdown)

    app.selectbox(key="concept").set_value(node).run()

    assert not app.exception
    assert any(shown in element.value for element in app.markdown)
    assert escape_markdown(G.nodes[node]["label"]) in [h.value for h in app.subheader]


def test_without_notes_the_app_says_what_to_do(app: AppTest) -> None:
    app.toggle[0].set_value(False).run()
    assert not app.exception
    assert "upload notes" in app.info[0].value
    assert not app.metric
