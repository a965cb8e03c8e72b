"""Concept Atlas: the Streamlit UI shell (``streamlit run streamlit_app.py``).

It reads the widgets, hands notes to :mod:`extraction.readers` and :mod:`graph.build`,
and shows what :mod:`graph.render` draws. It parses no text and walks no graph.
"""

from __future__ import annotations

import hashlib
from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx
import streamlit as st

import graph.build
from extraction.readers import SUPPORTED_EXTENSIONS, iter_note_files
from extraction.records import Card
from graph.render import (
    NO_TOPIC,
    escape_markdown,
    legend_html,
    legend_items,
    ranked_concepts,
    to_html,
)

SAMPLE_DIR = Path(__file__).parent / "data"
GRAPH_HEIGHT = 660
PAGE_CSS = """<style>
.block-container { padding-top: 3.6rem; padding-bottom: 1rem; }
h1 { padding-top: 0 !important; }
</style>"""


@st.cache_data(show_spinner="Reading notes and building the concept map…", max_entries=16)
def build_atlas(
    files: tuple[tuple[str, str], ...], uploads: tuple[tuple[str, bytes], ...]
) -> tuple[nx.MultiDiGraph, dict[str, Card]]:
    """Build the concept graph of note files and uploads, cached on their contents.

    Parameters
    ----------
    files : tuple of (path, sha256)
        Note files on disk; the digest makes an edited file a new cache entry.
    uploads : tuple of (name, bytes)
        Uploaded files.

    Returns
    -------
    tuple[networkx.MultiDiGraph, dict[str, Card]]
        The graph and every card read, by card id.
    """
    return graph.build.build_atlas([path for path, _ in files], uploads)


def sample_files() -> tuple[tuple[str, str], ...]:
    """The bundled sample notes with their SHA-256, the cache key of a build."""
    return tuple(
        (str(path), hashlib.sha256(path.read_bytes()).hexdigest())
        for path in iter_note_files([SAMPLE_DIR])
    )


def show_sources(sources: list[Mapping[str, Any]]) -> None:
    """Per-file status in the sidebar: format and cards, or why a file was not read."""
    st.sidebar.subheader("Files read")
    for source in sources:
        name = escape_markdown(Path(source["path"]).name)
        if source["errors"]:
            reasons = escape_markdown("; ".join(source["errors"]))
            st.sidebar.markdown(f":material/error: **{name}**  \n:red[{reasons}]")
        else:
            fmt = escape_markdown(source["format"])
            st.sidebar.markdown(
                f":material/check_circle: **{name}**  \n:gray[{fmt} · {source['cards']} cards]"
            )


def show_concept(G: nx.MultiDiGraph, node: Hashable, cards: Mapping[str, Card]) -> None:
    """The selected concept: label, aliases, definition, topic and its source cards."""
    attrs = G.nodes[node]
    st.subheader(escape_markdown(attrs.get("label") or str(node)), anchor=False)
    if attrs.get("aliases"):
        st.markdown("**Also called:** " + escape_markdown(", ".join(attrs["aliases"])))
    if attrs.get("topic"):
        st.markdown("**Topic:** " + escape_markdown(attrs["topic"]))
    definition = attrs.get("definition") or ""
    if definition:
        st.markdown("> " + escape_markdown(definition).replace("\n", "\n> "))
    else:
        st.caption("No definition found in the notes.")
    st.caption(
        f"Mentioned {attrs.get('mentions', 0)} times · importance "
        f"{float(attrs.get('importance', 0.0)):.2f}"
    )
    found = [cards[card_id] for card_id in attrs.get("cards") or [] if card_id in cards]
    if not found:
        st.caption("No source cards recorded for this concept.")
        return
    st.markdown(f"**Source cards** ({len(found)})")
    for card in found:
        first, last = card.lines
        where = f"{card.source}, line {first}" + (f"–{last}" if last != first else "")
        with st.expander(escape_markdown(card.title or where)):
            st.caption(escape_markdown(" › ".join([*card.section, where])))
            st.markdown(escape_markdown(card.body))


st.set_page_config(page_title="Concept Atlas", page_icon="🗺️", layout="wide")
st.html(PAGE_CSS)
st.title("Concept Atlas", anchor=False)
st.caption(
    "Turns your course notes into a map of concepts and how they relate — "
    "offline, nothing leaves this machine."
)

with st.sidebar:
    st.header("Notes", anchor=False)
    uploaded = st.file_uploader(
        "Add your notes",
        type=sorted(ext.lstrip(".") for ext in SUPPORTED_EXTENSIONS),
        accept_multiple_files=True,
        help="Flashcard exports, Q/A lists, Markdown or plain-text notes.",
    )
    use_sample = st.toggle("Include the sample notes", value=True)

files = sample_files() if use_sample else ()
uploads = tuple((upload.name, upload.getvalue()) for upload in uploaded or [])
G, cards = build_atlas(files, uploads)
show_sources(G.graph.get("sources", []))

if G.number_of_nodes() == 0:
    st.info("No concepts yet: upload notes in the sidebar or include the sample notes.")
    st.stop()

legend = legend_items(G)
concepts = ranked_concepts(G)
total = G.number_of_nodes()
shown = total
if total > 10:
    shown = st.sidebar.slider(
        "Concepts drawn",
        min_value=10,
        max_value=total,
        value=min(total, 150),
        step=5,
        help="The most important concepts are drawn first.",
    )

graph_col, detail_col = st.columns([3, 1], gap="medium")
with detail_col:
    top, bottom = st.columns(2), st.columns(2)
    top[0].metric("Concepts", total, border=True)
    top[1].metric("Relations", G.number_of_edges(), border=True)
    bottom[0].metric("Topics", sum(topic != NO_TOPIC for topic in legend.topics), border=True)
    bottom[1].metric("Cards", len(cards), border=True)
    selected = st.selectbox(
        "Concept",
        concepts,
        index=None,
        format_func=lambda node: G.nodes[node].get("label") or str(node),
        placeholder="Pick a concept…",
        key="concept",
    )
    if selected is None:
        st.caption(
            "Pick a concept to see its definition and the cards it comes from. "
            "Hover over the map for definitions and evidence."
        )
    else:
        show_concept(G, selected, cards)

with graph_col:
    st.html(legend_html(legend))
    html = to_html(G, height=f"{GRAPH_HEIGHT}px", max_nodes=shown, selected=selected)
    st.iframe(html, height=GRAPH_HEIGHT + 6, alt="Concept map")
    if shown < total:
        st.caption(f"Drawing the {shown} most important of {total} concepts.")
