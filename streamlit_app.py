"""Concept Atlas: the explorer a student studies with (``streamlit run streamlit_app.py``).

A thin shell: it reads the widgets, hands notes to :mod:`extraction` and the graph to
:mod:`graph` (what to draw in :mod:`graph.view`, how in :mod:`graph.render`, questions
in :mod:`graph.query`, files in :mod:`graph.export`) and shows the answers. It parses
no text and walks no graph. Note text is untrusted: every piece of it is escaped
(``escape_markdown``) or shown as plain data.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Hashable, Mapping, Sequence
from pathlib import Path
from typing import Any

import networkx as nx
import streamlit as st
from spacy.language import Language

import extraction.nlp
import graph.build
import graph.view as view
from app.map_component import concept_map
from extraction.cache import default_cache_dir
from extraction.readers import SUPPORTED_EXTENSIONS
from extraction.records import Card, ReadResult
from graph.query import (
    PREREQUISITE,
    NoConnectionError,
    connect,
    gaps,
    learning_path,
    resolve,
    search,
)
from graph.render import (
    LARGE_GRAPH,
    NO_TOPIC,
    RELATION_STYLES,
    escape_markdown,
    layout_positions,
    legend_html,
    legend_items,
    network_data,
    ranked_concepts,
    topic_colours,
)

SAMPLE_DIR = Path(__file__).parent / "data"
MAP_HEIGHT = 600
PATH_HEIGHT = 380
DEFAULT_DRAWN = 150
SOURCES = ("Sample notes", "Upload files", "A folder on this computer")
PAGE_CSS = """<style>
.block-container { padding-top: 3.8rem; padding-bottom: 1.5rem; max-width: 1600px; }
h1 { padding-top: 0 !important; padding-bottom: 0 !important; }
[data-testid="stMetric"] { padding: 0.3rem 0.7rem !important; }
[data-testid="stMetricLabel"] p { font-size: 0.8rem !important; }
[data-testid="stMetricValue"] { font-size: 1.3rem !important; }
.stTabs [data-baseweb="tab-list"] { gap: 1.4rem; }
.stTabs [data-baseweb="tab"] p { font-size: 1rem; font-weight: 600; }
</style>"""


# --------------------------------------------------------------------------- caches


@st.cache_resource(show_spinner=False)
def language_model() -> Language:
    """The spaCy pipeline, loaded once per server process."""
    return extraction.nlp.load()


@st.cache_data(show_spinner=False, max_entries=1024)
def read_note(name: str, digest: str, _note: view.NoteFile) -> ReadResult:
    """One file's cards, cached on its name and content digest."""
    return view.read_note(_note)


@st.cache_data(show_spinner=False, max_entries=16)
def build_atlas(
    key: tuple[tuple[str, str], ...], _results: Sequence[ReadResult]
) -> nx.MultiDiGraph:
    """The concept graph of the files ``key`` names (name, digest), built once; also
    kept on disk (:func:`graph.build.build_cached`) for the next session."""
    return graph.build.build_cached(_results, cache_dir=default_cache_dir(), nlp=language_model())


@st.cache_data(show_spinner="Laying out the map…", max_entries=32)
def cached_layout(key: str, _G: nx.MultiDiGraph) -> dict[Hashable, tuple[float, float]]:
    """Positions of a large drawing, computed once per graph shape (``key``)."""
    return layout_positions(_G)


def load_notes(notes: list[view.NoteFile]) -> tuple[nx.MultiDiGraph, list[ReadResult]]:
    """Read the notes file by file, then build the graph; a progress bar shows both
    the first time this set of files is opened in the session."""
    key = tuple((note.name, note.digest) for note in notes)
    fresh = st.session_state.get("loaded") != key
    slot = st.empty()  # always there, so the elements after it keep their place
    bar = slot.progress(0.0, text="Reading your notes…") if fresh else None
    results = []
    for i, note in enumerate(notes):
        if bar is not None:
            text = f"Reading {note.name} ({i + 1} of {len(notes)})"
            bar.progress(i / (len(notes) + 1), text=text)
        results.append(read_note(note.name, note.digest, note))
    if bar is not None:
        bar.progress(len(notes) / (len(notes) + 1), text="Finding concepts and relations…")
    G = build_atlas(key, results)
    slot.empty()
    st.session_state["loaded"] = key
    return G, results


# --------------------------------------------------------------------------- selection


def select_concept(node: Hashable) -> None:
    """Open ``node`` in the concept panel (a widget callback: a click on the map)."""
    st.session_state["concept"] = node


def focus_on(label: str) -> None:
    """Focus the map on a concept (a widget callback)."""
    st.session_state["focus_query"] = label


def label_of(G: nx.MultiDiGraph, node: Hashable) -> str:
    """A concept's display name."""
    return str(G.nodes[node].get("label") or node)


def citation(evidence: Mapping[str, Any] | None) -> str:
    """``notes.md, line 12`` for an evidence record (escaped), or ""."""
    if not evidence or not evidence.get("source"):
        return ""
    line = f", line {evidence['line']}" if evidence.get("line") else ""
    return escape_markdown(f"{evidence['source']}{line}")


# --------------------------------------------------------------------------- sidebar


def upload_limit_mb() -> int:
    """The largest upload the server accepts, in MB (``server.maxUploadSize``)."""
    return int(st.get_option("server.maxUploadSize"))


def notes_input() -> tuple[list[view.NoteFile], str]:
    """The notes the student chose in the sidebar, and why there are none (or "")."""
    st.sidebar.header("Your notes", anchor=False)
    source = st.sidebar.radio(
        "Read notes from", SOURCES, key="source", label_visibility="collapsed"
    )
    if source == SOURCES[1]:
        uploaded = st.sidebar.file_uploader(
            "Upload notes",
            type=sorted(ext.lstrip(".") for ext in SUPPORTED_EXTENSIONS),
            accept_multiple_files=True,
            help="Flashcard exports (Quizlet, Knowt, Brainscape, Anki), Markdown, text, "
            f"PDF or Word. Several files at once, up to {upload_limit_mb()} MB each.",
        )
        uploads = [(upload.name, upload.getvalue()) for upload in uploaded or []]
        if not uploads:
            return [], "Upload one or more note files in the sidebar."
        return view.note_files([], uploads), ""
    if source == SOURCES[2]:
        folder = st.sidebar.text_input(
            "Folder path",
            key="folder",
            placeholder="e.g. ~/Documents/biology-notes",
            help="Every supported file in this folder and its subfolders is read.",
        ).strip()
        if not folder:
            return [], "Type the path of a folder of notes in the sidebar."
        path = Path(folder).expanduser()
        if not path.exists():
            st.sidebar.error(f"No such folder: {escape_markdown(folder)}")
            return [], "That folder does not exist."
        if not path.is_dir():
            st.sidebar.error(f"Not a folder: {escape_markdown(folder)}")
            return [], "That path is a file, not a folder."
        notes = view.note_files([path])
        if not notes:
            return [], "That folder holds no supported note files."
        return notes, ""
    return view.note_files([SAMPLE_DIR]), ""


def show_files(notes: list[view.NoteFile], results: list[ReadResult]) -> None:
    """Each file with its format and cards, or why it could not be read."""
    st.sidebar.subheader("Files read", anchor=False)
    for note, result in zip(notes, results, strict=True):
        name = escape_markdown(note.name)
        if result.source.errors:
            reasons = escape_markdown("; ".join(result.source.errors))
            st.sidebar.markdown(f":material/error: **{name}**  \n:red[{reasons}]")
        else:
            fmt = escape_markdown(result.source.format or "?")
            st.sidebar.markdown(
                f":material/check_circle: **{name}**  \n:gray[{fmt} · {len(result.cards)} cards]"
            )


def map_filters(G: nx.MultiDiGraph) -> dict[str, Any]:
    """Relation types, confidence, weak links and the cap on drawn concepts."""
    st.sidebar.header("Map", anchor=False)
    present = legend_items(G).relations
    typed = [r for r in present if r != view.WEAK_RELATION]
    chosen = st.sidebar.multiselect(
        "Relation types",
        typed,
        default=typed,
        key="relations",
        format_func=lambda r: present[r].label,
        help="Which kinds of relation the map draws.",
    )
    show_weak = st.sidebar.toggle(
        "Show weak links",
        value=False,
        key="show_weak",
        help="“Related to” links: concepts named together, without a stated relation.",
    )
    min_confidence = st.sidebar.slider(
        "Minimum confidence", 0.0, 1.0, 0.0, 0.05, key="min_confidence"
    )
    total = G.number_of_nodes()
    drawn = total
    if total > 10:
        drawn = st.sidebar.slider(
            "Concepts drawn",
            min_value=10,
            max_value=total,
            value=min(total, DEFAULT_DRAWN),
            step=5,
            key="max_nodes",
            help="The most important concepts are drawn first; large maps use a fixed layout.",
        )
    relations = [*chosen, view.WEAK_RELATION] if show_weak else chosen
    return {
        "relations": relations,
        "min_confidence": min_confidence,
        "show_weak": show_weak,
        "max_nodes": drawn,
    }


# --------------------------------------------------------------------------- concept panel


def show_concept(G: nx.MultiDiGraph, node: Hashable, cards: Mapping[str, Card]) -> None:
    """Label, aliases, topic, definition with its source, prerequisites, what builds on
    it, every relation with its evidence, and the cards it comes from."""
    attrs = G.nodes[node]
    st.subheader(escape_markdown(label_of(G, node)), anchor=False)
    topic = str(attrs.get("topic") or "") or NO_TOPIC
    colour = topic_colours(G).get(topic, "#94a3b8")
    st.html(
        f'<span style="display:inline-flex;align-items:center;gap:6px;font-size:14px">'
        f'<span style="width:11px;height:11px;border-radius:50%;background:{colour}"></span>'
        f"{html.escape(topic)}</span>"
    )
    if attrs.get("aliases"):
        st.markdown("**Also called:** " + escape_markdown(", ".join(map(str, attrs["aliases"]))))
    definition = str(attrs.get("definition") or "").strip()
    if definition:
        st.markdown("> " + escape_markdown(definition).replace("\n", "\n> "))
        where = citation(attrs.get("definition_evidence"))
        if where:
            st.caption(f":material/description: {where}")
    else:
        st.caption("No definition found in the notes.")
    st.caption(
        f"Mentioned {attrs.get('mentions', 0)} times · importance "
        f"{float(attrs.get('importance') or 0.0):.2f}"
    )
    st.button(
        "Focus the map here",
        icon=":material/center_focus_strong:",
        key="focus_here",
        on_click=focus_on,
        args=(label_of(G, node),),
    )
    links = view.links_of(G, node)
    prerequisites = links.pop(PREREQUISITE, [])
    for title, outgoing in (("Learn first", False), ("Builds toward", True)):
        chosen = [link for link in prerequisites if link.outgoing is outgoing]
        if chosen:
            st.markdown(f"**{title}**")
            for link in chosen:
                show_link(G, link)
    for relation, group in links.items():
        style = RELATION_STYLES.get(relation)
        name = style.label if style else relation.replace("_", " ")
        with st.expander(f"{escape_markdown(name)} ({len(group)})", expanded=False):
            for link in group:
                show_link(G, link)
    found = [cards[card_id] for card_id in attrs.get("cards") or [] if card_id in cards]
    if found:
        st.markdown(f"**Source cards** ({len(found)})")
        for card in found:
            first, last = card.lines
            where = f"{card.source}, line {first}" + (f"–{last}" if last != first else "")
            with st.expander(escape_markdown(card.title or where)):
                st.caption(escape_markdown(" › ".join([*card.section, where])))
                st.markdown(escape_markdown(card.body))


def show_link(G: nx.MultiDiGraph, link: view.Link) -> None:
    """One relation of the open concept, with its first evidence sentence."""
    style = RELATION_STYLES.get(link.relation)
    verb = style.label if style else link.relation.replace("_", " ")
    if link.relation == view.WEAK_RELATION and link.label:
        verb = link.label  # the verb phrase of a weak link ("mentions")
    other = escape_markdown(label_of(G, link.other))
    text = f"→ *{escape_markdown(verb)}* **{other}**" if link.outgoing else f"← **{other}**"
    if not link.outgoing:
        text += f" *{escape_markdown(verb)}* this"
    st.markdown(f"{text} :gray[({link.confidence:.2f})]")
    for evidence in link.evidence[:1]:
        quote = escape_markdown(" ".join(str(evidence.get("text", "")).split()))
        where = citation(evidence)
        st.caption(f"“{quote}”" + (f" — {where}" if where else ""))


# --------------------------------------------------------------------------- tabs


def map_tab(
    G: nx.MultiDiGraph, cards: Mapping[str, Card], filters: dict[str, Any]
) -> nx.MultiDiGraph:
    """The map and the concept panel; returns the graph drawn (the current view)."""
    colours = topic_colours(G)
    search_col, depth_col, pick_col = st.columns([2.2, 1, 2.2], vertical_alignment="bottom")
    query = search_col.text_input(
        "Focus on a concept",
        key="focus_query",
        placeholder="Search by name, alias or spelling — e.g. “lstm”",
        help="Shows the concept's neighbourhood; aliases and misspellings are found too.",
    ).strip()
    depth = depth_col.slider("Depth", 1, 4, 1, key="depth", help="Hops around the focus.")
    focus = None
    if query:
        matches = [node for node, _ in search(G, query, limit=8)]
        if not matches and (found := resolve(G, query)) is not None:
            matches = [found]
        if matches:
            focus = pick_col.selectbox(
                "Matches",
                matches,
                key=f"focus_pick:{query}",
                format_func=lambda n: label_of(G, n),
            )
        else:
            pick_col.warning(f"No concept matches “{escape_markdown(query)}”.")
    if focus is not None and st.session_state.get("last_focus") != focus:
        st.session_state["concept"] = focus
    st.session_state["last_focus"] = focus

    graph_col, panel_col = st.columns([2.6, 1.25], gap="medium")
    with panel_col:
        selected = st.selectbox(
            "Concept",
            ranked_concepts(G),
            index=None,
            key="concept",
            format_func=lambda n: label_of(G, n),
            placeholder="Pick or click a concept…",
        )
        with st.container(height=MAP_HEIGHT - 40, border=False):
            if selected is None:
                st.caption(
                    "Click a concept on the map, or pick one above, to see its definition, "
                    "how it relates to the others and the cards it comes from."
                )
                st.markdown("**Start with the central ones**")
                for node in ranked_concepts(G)[:6]:
                    st.button(
                        escape_markdown(label_of(G, node)),
                        key=f"start:{node}",
                        on_click=select_concept,
                        args=(node,),
                        type="tertiary",
                        icon=":material/arrow_forward:",
                    )
            else:
                show_concept(G, selected, cards)

    shown = view.select_view(G, focus=focus, depth=depth, selected=selected, **filters)
    positions = None
    if shown.graph.number_of_nodes() > LARGE_GRAPH:
        positions = cached_layout(view.graph_key(shown.graph), shown.graph)
    data = network_data(
        shown.graph,
        max_nodes=shown.graph.number_of_nodes(),
        positions=positions,
        colours=colours,
    )
    # The page selects the concept itself: a new selection moves it, never redraws.
    data["selected"] = None if selected is None else str(selected)
    with graph_col:
        st.html(legend_html(legend_items(shown.graph, colours)))
        concept_map(
            data,
            key="map",
            height=MAP_HEIGHT,
            on_select=select_concept,
            nodes={str(node): node for node in shown.graph},
            caption="Click a concept to open it · scroll to zoom · drag to move",
        )
        notes = []
        if shown.focus is not None:
            notes.append(f"Around **{escape_markdown(label_of(G, shown.focus))}**, depth {depth}")
        if shown.capped:
            notes.append(
                f"the {shown.graph.number_of_nodes()} most important of {shown.total} concepts"
            )
        else:
            notes.append(f"{shown.total} concepts, {shown.graph.number_of_edges()} relations")
        st.caption(" · ".join(notes))
    return shown.graph


def path_tab(G: nx.MultiDiGraph, cards: Mapping[str, Card]) -> None:
    """A target and what is known give the remaining path, drawn left to right."""
    concepts = ranked_concepts(G)
    target_col, known_col = st.columns(2)
    target = target_col.selectbox(
        "I want to learn",
        concepts,
        index=None,
        key="path_target",
        format_func=lambda n: label_of(G, n),
        placeholder="Pick a concept…",
    )
    known = known_col.multiselect(
        "I already know", concepts, key="known", format_func=lambda n: label_of(G, n)
    )
    if target is None:
        st.caption(
            "Pick a concept: the path lists what to study first, in order, following the "
            "prerequisites your notes state."
        )
        return
    path = learning_path(G, target, known=known)
    if len(path) == 1:
        st.info(
            f"Your notes state nothing you need before **{escape_markdown(label_of(G, target))}**"
            " (or you know it all already): start here."
        )
    steps_col, picture_col = st.columns([1, 1.4], gap="medium")
    with steps_col:
        for step, node in enumerate(path, start=1):
            attrs = G.nodes[node]
            st.markdown(f"**{step}. {escape_markdown(label_of(G, node))}**")
            definition = " ".join(str(attrs.get("definition") or "").split())
            if definition:
                where = citation(attrs.get("definition_evidence"))
                st.markdown(escape_markdown(definition) + (f" :gray[— {where}]" if where else ""))
            else:
                st.caption("No definition in the notes.")
    H, levels = view.path_graph(G, path)
    with picture_col:
        concept_map(
            network_data(
                H,
                max_nodes=len(path),
                selected=target,
                hierarchical=True,
                levels=levels,
                colours=topic_colours(G),
            ),
            key="path_map",
            height=PATH_HEIGHT,
            on_select=select_concept,
            nodes={str(node): node for node in H},
            caption="Study from left to right",
        )
        title = f"Learning path to {label_of(G, target)}"
        stem = "path-" + view.slug(label_of(G, target))
        download_row(H, view.PATH_FORMATS, stem, cards, key="path", order=path, title=title)


def connect_tab(G: nx.MultiDiGraph) -> None:
    """Two concepts give the chain of relations between them, with evidence per step."""
    concepts = ranked_concepts(G)
    a_col, b_col = st.columns(2)
    a = a_col.selectbox(
        "From", concepts, index=None, key="connect_a", format_func=lambda n: label_of(G, n)
    )
    b = b_col.selectbox(
        "To", concepts, index=None, key="connect_b", format_func=lambda n: label_of(G, n)
    )
    if a is None or b is None:
        st.caption("Pick two concepts to see how your notes connect them, step by step.")
        return
    if a == b:
        st.info("Pick two different concepts.")
        return
    try:
        steps = connect(G, a, b)
    except NoConnectionError:
        st.warning(
            f"Your notes link nothing between **{escape_markdown(label_of(G, a))}** and "
            f"**{escape_markdown(label_of(G, b))}**. Try showing weak links' concepts nearby."
        )
        return
    st.markdown(f"**{len(steps)} step{'s' if len(steps) != 1 else ''}**")
    for step, hop in enumerate(steps, start=1):
        style = RELATION_STYLES.get(str(hop["relation"]))
        verb = style.label if style else str(hop["relation"])
        if hop["relation"] == view.WEAK_RELATION and hop["label"]:
            verb = hop["label"]
        here = escape_markdown(label_of(G, hop["source"]))
        there = escape_markdown(label_of(G, hop["target"]))
        if hop["direction"] == "forward":
            sentence = f"**{here}** *{escape_markdown(verb)}* **{there}**"
        else:
            sentence = f"**{there}** *{escape_markdown(verb)}* **{here}**"
        with st.container(border=True):
            confidence = float(hop["confidence"] or 0.0)
            st.markdown(f"{step}. {sentence} :gray[(confidence {confidence:.2f})]")
            for evidence in hop["evidence"][:2]:
                quote = escape_markdown(" ".join(str(evidence.get("text", "")).split()))
                where = citation(evidence)
                st.caption(f"“{quote}”" + (f" — {where}" if where else ""))


def topics_tab(G: nx.MultiDiGraph) -> None:
    """Each topic with its top concepts, and the concepts used but never defined."""
    summaries = view.topic_summaries(G)
    st.markdown(f"**{len(summaries)} topics**, largest first")
    columns = st.columns(3)
    for i, summary in enumerate(summaries):
        with columns[i % 3].container(border=True):
            st.html(
                f'<div style="display:flex;align-items:center;gap:8px;font-weight:600">'
                f'<span style="width:13px;height:13px;border-radius:50%;'
                f'background:{summary.colour}"></span>{html.escape(summary.name)}'
                f'<span style="font-weight:400;color:#6b7785">· {summary.size} concepts</span>'
                "</div>"
            )
            st.markdown(", ".join(escape_markdown(label_of(G, n)) for n in summary.top))
    st.subheader("Gaps: used but never defined", anchor=False)
    found = gaps(G)
    if not found:
        st.caption("Every concept your notes lean on has a card or a definition.")
    for gap in found[:40]:
        users = ", ".join(escape_markdown(label_of(G, n)) for n in gap["used_by"][:6])
        more = len(gap["used_by"]) - 6
        st.markdown(
            f"- **{escape_markdown(gap['label'])}** — used by {users}"
            + (f" and {more} more" if more > 0 else "")
        )


def export_tab(G: nx.MultiDiGraph, current: nx.MultiDiGraph, cards: Mapping[str, Card]) -> None:
    """Every export format, for the whole graph or the current map view."""
    scopes = {
        "whole": f"Whole graph ({G.number_of_nodes()} concepts)",
        "view": f"Current map view ({current.number_of_nodes()} concepts)",
    }
    scope = st.radio(
        "Export", tuple(scopes), key="export_scope", horizontal=True, format_func=scopes.get
    )
    whole = scope == "whole"
    target = G if whole else current
    stem = "concept-atlas" if whole else "concept-atlas-view"
    st.caption("Each file is made when you click its button; folders come zipped.")
    download_row(target, tuple(view.DOWNLOADS), stem, cards, key="all" if whole else "view")


def download_row(
    G: nx.MultiDiGraph,
    formats: Sequence[str],
    stem: str,
    cards: Mapping[str, Card],
    *,
    key: str,
    order: Sequence[Hashable] | None = None,
    title: str | None = None,
) -> None:
    """Download buttons, four to a row; each file is made on click."""
    columns = st.columns(4)
    for i, fmt in enumerate(formats):
        label, _, mime = view.DOWNLOADS[fmt]
        make = functools.partial(_download_data, G, fmt, stem, cards, order, title)
        columns[i % 4].download_button(
            label,
            data=make,
            file_name=view.download_name(fmt, stem),
            mime=mime,
            key=f"download:{key}:{fmt}",
            on_click="ignore",
            icon=":material/download:",
            width="stretch",
        )


def _download_data(
    G: nx.MultiDiGraph,
    fmt: str,
    stem: str,
    cards: Mapping[str, Card],
    order: Sequence[Hashable] | None,
    title: str | None,
) -> bytes:
    return view.download(G, fmt, stem=stem, cards=cards, order=order, title=title).data


def notes_tab(notes: list[view.NoteFile], results: list[ReadResult]) -> None:
    """Each file with its detected format, card count, errors and cards."""
    for note, result in zip(notes, results, strict=True):
        with st.container(border=True):
            fmt = escape_markdown(result.source.format or "not read")
            name = escape_markdown(note.name)
            st.markdown(f"**{name}** :gray[· {fmt} · {len(result.cards)} cards]")
            for error in result.source.errors:
                st.error(escape_markdown(error), icon=":material/error:")
            if result.cards:
                with st.expander(f"Cards ({len(result.cards)})"):
                    st.dataframe(
                        [
                            {
                                "lines": f"{card.lines[0]}–{card.lines[1]}",
                                "section": " › ".join(card.section),
                                "title": card.title,
                                "body": card.body,
                            }
                            for card in result.cards
                        ],
                        hide_index=True,
                        width="stretch",
                    )


# --------------------------------------------------------------------------- page


def main() -> None:
    """The page."""
    st.set_page_config(page_title="Concept Atlas", page_icon="🗺️", layout="wide")
    st.html(PAGE_CSS)
    title_col, metrics_col = st.columns([1.1, 2], vertical_alignment="center")
    with title_col:
        st.title("Concept Atlas", anchor=False)
        st.caption(
            "Your course notes as a map of concepts and how they relate — offline: "
            "nothing leaves this machine."
        )
    notes, missing = notes_input()
    if not notes:
        st.info(missing)
        return
    G, results = load_notes(notes)
    cards = view.cards_by_id(results)
    show_files(notes, results)
    if G.number_of_nodes() == 0:
        st.info("No concepts found in these notes: check the files in the sidebar.")
        return
    filters = map_filters(G)
    legend = legend_items(G)
    metrics = metrics_col.columns(5)
    metrics[0].metric("Concepts", G.number_of_nodes(), border=True)
    metrics[1].metric("Relations", G.number_of_edges(), border=True)
    metrics[2].metric("Topics", sum(t != NO_TOPIC for t in legend.topics), border=True)
    metrics[3].metric("Cards", len(cards), border=True)
    metrics[4].metric("Files", len(notes), border=True)
    tabs = st.tabs(["Map", "Learning path", "Connect", "Topics", "Export", "Notes"])
    with tabs[0]:
        current = map_tab(G, cards, filters)
    with tabs[1]:
        path_tab(G, cards)
    with tabs[2]:
        connect_tab(G)
    with tabs[3]:
        topics_tab(G)
    with tabs[4]:
        export_tab(G, current, cards)
    with tabs[5]:
        notes_tab(notes, results)


main()
