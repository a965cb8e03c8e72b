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
import math
import time
from collections import OrderedDict
from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from pathlib import Path
from typing import Any

import networkx as nx
import streamlit as st
from spacy.language import Language

import extraction.nlp
import graph.build
import graph.view as view
from app.map_component import concept_map, drawn_size
from extraction.cache import default_cache_dir
from extraction.readers import SUPPORTED_EXTENSIONS, ReadProgress
from extraction.records import Card, ReadResult
from graph.counts import EdgeCounts, edge_counts
from graph.layout import Viewport
from graph.query import (
    PREREQUISITE,
    NoConnectionError,
    connect,
    find_concepts,
    gaps,
    learning_path,
    only_weak,
    weak_links_note,
)
from graph.render import (
    NO_TOPIC,
    RELATION_STYLES,
    Legend,
    escape_markdown,
    legend_html,
    legend_items,
    ranked_concepts,
    topic_colours,
)
from graph.topics import topic_members

SAMPLE_DIR = Path(__file__).parent / "data"
#: The map's height until its page has measured the window (it then fills the window
#: below it, less MAP_RESERVE for the caption under it).
MAP_HEIGHT = 600
MAP_RESERVE = 72
#: What a first drawing is laid out for, before the page reports its size: the map's
#: size in a 1440x900 window with the sidebar open.
MAP_SIZE = (745, 497)
PATH_SIZE = (1060, 400)
SOURCES = ("Sample notes", "Upload files", "A folder on this computer")
#: The page's tabs, and the session-state key of the open one.
TABS = ("Map", "Learning path", "Connect", "Topics", "Export", "Notes")
TAB_KEY = "tab"
#: Gaps are looked for at once up to this many concepts, else on request (it reads
#: every definition: ~1 s for the seeds' 623 concepts, ~30 s for d2l's 3,570).
GAPS_AT_ONCE = 1000
#: Concepts the panel's picker offers in the overview.
PANEL_CHOICES = 60
#: Relations (and cards) of a concept listed per group in its panel, the most confident.
PANEL_LINKS = 8
#: Later steps named, each with its sentence, under a step of a learning path.
PATH_NEEDED_SHOWN = 2
#: Files listed one by one in the sidebar; more are listed in a folded list.
FILES_LISTED = 8
#: Warnings listed under a file that was read in part (the rest are counted).
WARNINGS_LISTED = 3
#: How the header's counts are shown: with a thousands separator ("5,689"), as the
#: captions write them.
COUNT = "%,d"
#: How the pickers of concepts and topics filter as the student types: the names that
#: contain the text, in the picker's order (the most important first). Streamlit's
#: default ("fuzzy") sorts by a subsequence score: "LSTM" listed "LSTM gates" before the
#: LSTM itself, and "localist model" among them.
PICKER_FILTER = "contains"
PAGE_CSS = """<style>
.block-container { padding-top: 3.4rem; padding-bottom: 1rem; padding-left: 2rem;
  padding-right: 2rem; max-width: 1800px; }
h1 { padding-top: 0 !important; padding-bottom: 0 !important; font-size: 1.9rem !important; }
[data-testid="stMetric"] { padding: 0.25rem 0.7rem !important; }
[data-testid="stMetricLabel"] p { font-size: 0.8rem !important; }
[data-testid="stMetricValue"] { font-size: 1.25rem !important; }
.stTabs [data-baseweb="tab-list"] { gap: 1.4rem; }
.stTabs [data-baseweb="tab"] p { font-size: 1rem; font-weight: 600; }
[data-testid="stSidebar"] [data-testid="stButtonGroup"] button { min-width: 0; }
[data-testid="stSidebar"] [data-testid="stMarkdownContainer"] p strong { word-break: break-all; }
</style>"""


# --------------------------------------------------------------------------- caches


NotesKey = str  #: :func:`graph.view.notes_key` of a set of notes


@st.cache_resource(show_spinner=False)
def language_model() -> Language:
    """The spaCy pipeline, loaded once per server process."""
    return extraction.nlp.load()


@st.cache_resource(show_spinner=False, max_entries=1024)
def read_note(name: str, digest: str, _note: view.NoteFile) -> ReadResult:
    """One file's cards, cached on its name and content digest (shared, never copied:
    nothing changes a reading)."""
    return view.read_note(_note)


#: Graphs kept built in the server process (the oldest dropped first).
GRAPHS_KEPT = 16
Built = tuple[nx.MultiDiGraph, tuple[str, ...]]  #: a graph and what was said building it


@st.cache_resource(show_spinner=False)
def built_graphs() -> OrderedDict[NotesKey, Built]:
    """The graphs built in this server process by their notes' key, shared by every
    session (a graph is never changed, so never copied). A store rather than a cached
    build, so that a build can move the progress bar of the session that asked for it
    (Streamlit does not let a cached function touch elements made outside it)."""
    return OrderedDict()


def build_atlas(
    key: NotesKey,
    results: Sequence[ReadResult],
    progress: Callable[[extraction.nlp.Progress], None] | None = None,
) -> Built:
    """The concept graph of the files ``key`` stands for (:func:`graph.view.notes_key`),
    built once per server process, and what was said about the disk cache (a cache that
    cannot be used is a warning, and the graph is built without it); also kept on disk
    (:func:`graph.build.build_cached`) for the next session."""
    store = built_graphs()
    if key in store:
        store.move_to_end(key)
        return store[key]
    said: list[str] = []
    G = graph.build.build_cached(
        results,
        cache_dir=default_cache_dir(),
        nlp=language_model(),
        warn=said.append,
        progress=progress,
    )
    store[key] = (G, tuple(said))
    while len(store) > GRAPHS_KEPT:
        store.popitem(last=False)
    return store[key]


@st.cache_resource(show_spinner=False, max_entries=128)
def map_scene(
    key: NotesKey,
    filters: tuple[tuple[str, ...], float, bool],
    size: tuple[int, int],
    topic: str | None,
    focus: Hashable | None,
    more: int,
    _G: nx.MultiDiGraph,
) -> view.MapScene:
    """What the map draws (:func:`graph.view.map_scene`), once per notes, filters, size
    on screen and level of detail."""
    relations, min_confidence, show_weak = filters
    return view.map_scene(
        _G,
        Viewport(*size),
        relations=relations,
        min_confidence=min_confidence,
        show_weak=show_weak,
        topic=topic,
        focus=focus,
        more=more,
        colours=colours_of(key, _G),
        members=topics_of(key, _G),
    )


@st.cache_resource(show_spinner=False, max_entries=64)
def filtered_counts(
    key: NotesKey,
    filters: tuple[tuple[str, ...], float, bool],
    _G: nx.MultiDiGraph,
) -> EdgeCounts:
    """The relations of the whole graph that pass the filters."""
    relations, min_confidence, show_weak = filters
    keep = view.edge_filter(relations=relations, min_confidence=min_confidence, show_weak=show_weak)
    H = nx.MultiDiGraph()
    H.add_edges_from((u, v, a) for u, v, a in _G.edges(data=True) if keep(a))
    return edge_counts(H)


@st.cache_resource(show_spinner=False, max_entries=16)
def read_all(key: NotesKey, _notes: list[view.NoteFile]) -> list[ReadResult]:
    """Every note of a set already read once: one cache lookup for the set, not one per
    file, on every rerun."""
    return [read_note(note.name, note.digest, note) for note in _notes]


@st.cache_resource(show_spinner=False, max_entries=16)
def whole_counts(key: NotesKey, _G: nx.MultiDiGraph) -> EdgeCounts:
    """The relations of the whole graph, by kind."""
    return edge_counts(_G)


@st.cache_resource(show_spinner=False, max_entries=16)
def relation_types(key: NotesKey, _G: nx.MultiDiGraph) -> dict[str, Any]:
    """The relation types the graph holds and their legend styles, in the legend's order."""
    return dict(legend_items(_G).relations)


@st.cache_resource(show_spinner=False, max_entries=16)
def weak_first(key: NotesKey, _G: nx.MultiDiGraph) -> bool:
    """Whether these notes' map opens with weak links shown (:func:`view.weak_links_first`)."""
    return view.weak_links_first(_G)


@st.cache_resource(show_spinner=False, max_entries=16)
def concepts_ranked(key: NotesKey, _G: nx.MultiDiGraph) -> list[Hashable]:
    """The concepts, most important first."""
    return ranked_concepts(_G)


@st.cache_resource(show_spinner=False, max_entries=16)
def topics_of(key: NotesKey, _G: nx.MultiDiGraph) -> dict[str, list]:
    """Each topic's concepts, largest topic first."""
    return topic_members(_G)


@st.cache_resource(show_spinner=False, max_entries=16)
def colours_of(key: NotesKey, _G: nx.MultiDiGraph) -> dict[str, str]:
    """The topic colours of the whole graph."""
    return topic_colours(_G)


@st.cache_resource(show_spinner=False, max_entries=16)
def topic_summaries(key: NotesKey, _G: nx.MultiDiGraph) -> list[view.TopicSummary]:
    """Each topic at a glance."""
    return view.topic_summaries(_G)


@st.cache_resource(show_spinner=False, max_entries=16)
def gaps_of(key: NotesKey, _G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """The concepts the notes use but never define (:func:`graph.query.gaps`), each with
    the concepts that use it most important first (the tab names the first six)."""
    return [{**gap, "used_by": view.important_first(_G, gap["used_by"])} for gap in gaps(_G)]


def load_notes(notes: list[view.NoteFile]) -> tuple[nx.MultiDiGraph, list[ReadResult]]:
    """Read the notes file by file, then build the graph; a progress bar shows both
    the first time this set of files is opened on this server (a set already built, in
    this session or another, is one cache lookup: no bar, no message per file)."""
    key = view.notes_key(notes)
    fresh = key not in built_graphs()
    slot = st.empty()  # always there, so the elements after it keep their place
    bar = slot.progress(0.0, text="Reading your notes…") if fresh else None
    results = []
    if bar is None:
        results = read_all(key, notes)
    stop = st.sidebar.empty()
    if bar is not None and st.session_state.get("source") == SOURCES[2]:  # may be long
        stop.button("Stop reading", key=STOP_READING_KEY, icon=":material/stop_circle:")
    for i, note in enumerate(notes if bar is not None else ()):
        text = f"Reading {escape_markdown(note.name)} ({i + 1} of {len(notes)})"
        bar.progress(i / (len(notes) + 1), text=text)
        results.append(read_note(note.name, note.digest, note))
    # past the build's limit of words, what is left out is said with each file
    results = graph.build.within_build_limit(results)
    building = None
    if bar is not None:
        share = len(notes) / (len(notes) + 1)
        bar.progress(share, text="Finding concepts and relations…")

        def building(p: extraction.nlp.Progress) -> None:
            if p.stage == "parse" and p.total:
                text = f"Reading the notes: {p.done:,} of {p.total:,} passages parsed"
                bar.progress(share + (1 - share) * 0.8 * p.done / p.total, text=text)
            elif p.stage != "done":
                bar.progress(
                    share, text=f"Finding {graph.build.BUILD_STAGES.get(p.stage, p.stage)}…"
                )

    G, said = build_atlas(key, results, building)
    slot.empty()
    stop.empty()
    for message in said:
        st.sidebar.warning(escape_markdown(message))
    return G, results


# --------------------------------------------------------------------------- selection


def select_concept(node: Hashable) -> None:
    """Open ``node`` in the concept panel (a widget callback)."""
    st.session_state["concept"] = node


def open_target(target: tuple[str, Hashable]) -> None:
    """A click on the map: a topic opens it, a concept opens in the panel."""
    kind, value = target
    if kind == "topic":
        open_topic(str(value))
    else:
        select_concept(value)


def open_topic(name: str) -> None:
    """Draw one topic's concepts (a widget callback)."""
    st.session_state["map_topic"] = name
    st.session_state["focus_query"] = ""


def find_gaps(key: NotesKey) -> None:
    """Look for the gaps of these notes (a widget callback)."""
    st.session_state["gaps_for"] = key


def show_overview() -> None:
    """Back to the whole graph (a widget callback)."""
    st.session_state["map_topic"] = None
    st.session_state["focus_query"] = ""


def focus_on(label: str) -> None:
    """Draw a concept's neighbourhood (a widget callback)."""
    st.session_state["focus_query"] = label


def show_more(scene: tuple[Any, ...]) -> None:
    """Draw :data:`graph.view.MORE_STEP` more concepts in the scene ``scene`` names."""
    st.session_state["map_more"] = (scene, more_of(scene) + view.MORE_STEP)


def more_of(scene: tuple[Any, ...]) -> int:
    """How many concepts "show more" added to the scene ``scene`` names (0 for another)."""
    kept = st.session_state.get("map_more")
    return kept[1] if isinstance(kept, tuple) and kept[0] == scene else 0


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
            help="Flashcard exports (Quizlet, Knowt, Brainscape, Anki), Markdown, text, PDF, "
            f"Word or saved web pages. Several files at once, up to {upload_limit_mb()} MB each.",
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
        if st.session_state.get(STOP_KEY) or st.session_state.get(STOP_READING_KEY):
            st.session_state["stopped"] = str(path)
        if st.session_state.get("stopped") == str(path):
            st.sidebar.warning(f"You stopped reading {escape_markdown(folder)}.")
            st.sidebar.button("Read it again", on_click=st.session_state.pop, args=("stopped",))
            return [], "Reading stopped: nothing was read from that folder."
        notes = view.note_files([path], progress=folder_progress())
        if not notes:
            return [], "That folder holds no supported note files."
        return notes, ""
    return view.note_files([SAMPLE_DIR]), ""


#: The sidebar button that stops reading a folder (its click interrupts the run that
#: reads, and the next run reads nothing from that folder until asked again).
STOP_KEY = "stop_walking"
#: The same, shown while the files found are read.
STOP_READING_KEY = "stop_reading"
#: Seconds of reading before the progress bar and the stop button appear.
PROGRESS_AFTER_S = 0.5


def folder_progress() -> Callable[[ReadProgress], None]:
    """A ``progress`` callback for :func:`graph.view.note_files`: after
    :data:`PROGRESS_AFTER_S`, a progress bar with the file being read and a button to
    stop (Streamlit stops a run at its next update when a widget is clicked)."""
    started = time.perf_counter()
    bar = st.sidebar.empty()
    stop = st.sidebar.empty()
    shown = False

    def show(p: ReadProgress) -> None:
        nonlocal shown
        if time.perf_counter() - started < PROGRESS_AFTER_S:
            return
        if not shown:
            stop.button("Stop reading", key=STOP_KEY, icon=":material/stop_circle:")
            shown = True
        if p.walking:
            bar.progress(0.0, text=f"Looking for notes: {p.found:,} found")
        elif p.current:
            text = f"Reading {escape_markdown(p.current)} ({p.done + 1:,} of {p.found:,})"
            bar.progress(p.done / max(p.found, 1), text=text)
        else:
            bar.empty()
            stop.empty()

    return show


def show_files(notes: list[view.NoteFile], results: list[ReadResult]) -> None:
    """Each file with its format and cards, or why it could not be read (a long list
    folded; the files with errors, and those read in part with what was skipped, always
    shown)."""
    st.sidebar.subheader("Files read", anchor=False)
    pairs = list(zip(notes, results, strict=True))
    failed = [(note, result) for note, result in pairs if result.source.errors]
    read = [(note, result) for note, result in pairs if not result.source.errors]
    for note, result in failed:
        reasons = escape_markdown("; ".join(result.source.errors))
        st.sidebar.markdown(f":material/error: **{escape_markdown(note.name)}**  \n:red[{reasons}]")
    clean = []
    for note, result in read:
        fmt = escape_markdown(result.source.format or "?")
        warnings = "".join(
            f"  \n:orange[{escape_markdown(w)}]" for w in result.source.warnings[:WARNINGS_LISTED]
        )
        if len(result.source.warnings) > WARNINGS_LISTED:
            warnings += f"  \n:orange[… and {len(result.source.warnings) - WARNINGS_LISTED} more]"
        entry = (
            f":material/{'warning' if warnings else 'check_circle'}: "
            f"**{escape_markdown(note.name)}**  \n"
            f":gray[{fmt} · {view.plural(len(result.cards), 'card')}]{warnings}"
        )
        if warnings:
            st.sidebar.markdown(entry)
        else:
            clean.append(entry)
    if not clean:
        return
    if len(read) > FILES_LISTED:
        cards = sum(len(result.cards) for _, result in read)
        place = st.sidebar.expander(f"{len(read)} files read, {view.plural(cards, 'card')}")
    else:
        place = st.sidebar
    place.markdown("\n\n".join(clean))  # one element, however many files: sent on every run


def weak_chosen() -> None:
    """The student set "Show weak links": new notes no longer choose it for them."""
    st.session_state["weak_chosen"] = True


def map_filters(G: nx.MultiDiGraph, key: NotesKey) -> tuple[tuple[str, ...], float, bool]:
    """Relation types, confidence and weak links: ``(relations, min_confidence, show_weak)``."""
    st.sidebar.header("Map", anchor=False)
    present = relation_types(key, G)
    typed = [r for r in present if r != view.WEAK_RELATION]
    chosen: Sequence[str] = []
    if typed:
        chosen = st.sidebar.pills(
            "Relation types",
            typed,
            selection_mode="multi",
            default=typed,
            key="relations",
            format_func=lambda r: present[r].label,
            help="Which kinds of relation the map draws.",
        )
    else:  # an empty row of pills under its name reads as broken
        st.sidebar.caption(
            "Your notes state no typed relation (such as “prerequisite of” or “is a”): "
            "the map draws weak links, concepts named together."
        )
    if st.session_state.get("show_weak_notes") != key and not st.session_state.get("weak_chosen"):
        st.session_state["show_weak"] = weak_first(key, G)  # until the student sets it
    st.session_state["show_weak_notes"] = key  # kept once made
    show_weak = st.sidebar.toggle(
        "Show weak links",
        key="show_weak",
        on_change=weak_chosen,
        help="“Related to” links: concepts named together, without a stated relation. "
        "On from the start when your notes state so few relations that half of the "
        "concepts would have no line without them.",
    )
    min_confidence = st.sidebar.slider(
        "Minimum confidence", 0.0, 1.0, 0.0, 0.05, key="min_confidence"
    )
    relations = [*chosen, view.WEAK_RELATION] if show_weak else list(chosen)
    return tuple(relations), float(min_confidence), bool(show_weak)


# --------------------------------------------------------------------------- concept panel


def show_concept(
    G: nx.MultiDiGraph,
    node: Hashable,
    cards: Mapping[str, Card],
    colours: Mapping[str, str] | None = None,
) -> None:
    """Label, aliases, topic, definition with its source, prerequisites, what builds on
    it, every relation with its evidence, and the cards it comes from (``colours``: the
    topic colours, :func:`graph.render.topic_colours` of ``G`` by default)."""
    attrs = G.nodes[node]
    st.subheader(escape_markdown(label_of(G, node)), anchor=False)
    topic = str(attrs.get("topic") or "") or NO_TOPIC
    colour = (topic_colours(G) if colours is None else colours).get(topic, "#94a3b8")
    st.html(
        f'<span style="display:inline-flex;align-items:center;gap:6px;font-size:14px">'
        f'<span style="width:11px;height:11px;border-radius:50%;background:{colour}"></span>'
        f"{html.escape(topic)}</span>"
    )
    if aliases := view.other_names(node, attrs):
        st.markdown("**Also called:** " + escape_markdown(", ".join(aliases)))
    definition = str(attrs.get("definition") or "").strip()
    if definition:
        st.markdown("> " + escape_markdown(definition).replace("\n", "\n> "))
        where = citation(attrs.get("definition_evidence"))
        if where:
            st.caption(f":material/description: {where}")
    else:
        st.markdown(undefined_markdown(G, node))
    st.caption(
        f"Mentioned {view.plural(int(attrs.get('mentions') or 0), 'time')} · importance "
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
            st.markdown(f"**{title}** ({len(chosen)})\n\n{links_markdown(G, chosen)}")
    for relation, group in links.items():
        style = RELATION_STYLES.get(relation)
        name = style.label if style else relation.replace("_", " ")
        folded = st.expander(
            f"{escape_markdown(name)} ({len(group)})", key=f"links:{relation}", on_change="rerun"
        )
        if folded.open:  # made when unfolded: a click on a concept sends only its headings
            folded.markdown(links_markdown(G, group))
    cited = dict.fromkeys(attrs.get("cards") or [])  # each card once: its id keys its fold
    found = [cards[card_id] for card_id in cited if card_id in cards]
    if found:
        st.markdown(f"**Source cards** ({len(found)})")
        for card in found[:PANEL_LINKS]:
            first, last = card.lines
            where = f"{card.source}, line {first}" + (f"–{last}" if last != first else "")
            folded = st.expander(
                escape_markdown(card.title or where), key=f"card:{card.id}", on_change="rerun"
            )
            if folded.open:
                path = escape_markdown(" › ".join([*card.section, where]))
                folded.markdown(f":gray[{path}]\n\n{escape_markdown(card.body)}")
        if len(found) > PANEL_LINKS:
            st.caption(f"and {len(found) - PANEL_LINKS} more cards (the Notes tab lists them)")


def undefined_markdown(G: nx.MultiDiGraph, node: Hashable) -> str:
    """For a concept the notes never define: says so, and quotes where the notes name
    it (:func:`graph.view.mentions_of`), each sentence with its file and line."""
    mentions = view.mentions_of(G, node)
    if not mentions:
        return ":gray[No definition in the notes.]"
    lines = [":gray[No definition in the notes; where they name it:]"]
    for evidence in mentions:
        where = citation(evidence)
        quote = escape_markdown(str(evidence["text"]))
        lines.append(f"“{quote}”" + (f" :gray[— {where}]" if where else ""))
    return "\n\n".join(lines)


def links_markdown(G: nx.MultiDiGraph, links: Sequence[view.Link]) -> str:
    """The most confident :data:`PANEL_LINKS` of ``links``, and how many more there are
    (a concept of a large course can have hundreds), as one piece of Markdown: a click
    on a concept sends its panel, and every element is one more message to the page."""
    lines = [link_text(G, link) for link in links[:PANEL_LINKS]]
    if len(links) > PANEL_LINKS:
        more = len(links) - PANEL_LINKS
        lines.append(f":gray[and {more} more, less confident: “Focus the map here” draws them]")
    return "\n\n".join(lines)


def link_text(G: nx.MultiDiGraph, link: view.Link) -> str:
    """One relation of the open concept as Markdown, with its first evidence sentence
    and where it is (in small grey text under it)."""
    verb = link.verb  # a weak link's verb phrase ("mentions")
    other = escape_markdown(label_of(G, link.other))
    text = f"→ *{escape_markdown(verb)}* **{other}**" if link.outgoing else f"← **{other}**"
    if not link.outgoing:
        text += f" *{escape_markdown(verb)}* this"
    text += f" :gray[(confidence {link.confidence:.2f})]"  # as the sidebar's filter says
    for evidence in link.evidence[:1]:
        quote = escape_markdown(" ".join(str(evidence.get("text", "")).split()))
        where = citation(evidence)
        text += f"  \n:gray[“{quote}”" + (f" — {where}" if where else "") + "]"
    return text


# --------------------------------------------------------------------------- tabs


def example_placeholder(text: str, key: NotesKey, G: nx.MultiDiGraph) -> str:
    """A search box's placeholder, an example name from these notes
    (:func:`graph.view.search_example`, never from another course) and then ``text``:
    the example first, so that a narrow box cuts the words that explain it, not it."""
    example = view.search_example(G, concepts_ranked(key, G))
    return f"e.g. “{example}” ({text[:1].lower()}{text[1:]})" if example else text


@st.fragment
def map_tab(
    G: nx.MultiDiGraph,
    key: NotesKey,
    cards: Mapping[str, Card],
    filters: tuple[tuple[str, ...], float, bool],
) -> None:
    """The map and the concept panel. A fragment: a click, a search or "show more"
    reruns only this part of the page."""
    members = topics_of(key, G)
    colours = colours_of(key, G)
    find_col, pick_col, topic_col, more_col, back_col = st.columns(
        [2.0, 1.7, 1.9, 1.35, 1.05], vertical_alignment="bottom"
    )
    query = find_col.text_input(
        "Find a concept",
        key="focus_query",
        placeholder=example_placeholder("Name, alias or spelling", key, G),
        help="Draws the concepts around it; aliases and misspellings are found too.",
    ).strip()
    focus = None
    if query:
        matches = find_concepts(G, query)
        if matches:
            focus = pick_col.selectbox(
                "Best match first",
                matches,
                key=f"focus_pick:{query}",
                format_func=lambda n: label_of(G, n),
            )
        else:
            pick_col.warning(f"No concept matches “{escape_markdown(query)}”.")
    if focus is not None and st.session_state.get("last_focus") != focus:
        st.session_state["concept"] = focus
    st.session_state["last_focus"] = focus
    if focus is not None:  # the search wins: the picker must not name a topic not drawn
        st.session_state["map_topic"] = None
    topic = topic_col.selectbox(
        "Topic",
        view.topic_choices(members),
        index=None,
        key="map_topic",
        format_func=lambda t: f"{t} ({len(members[t])})",
        placeholder="All topics (overview)",
        filter_mode=PICKER_FILTER,
        on_change=focus_on,
        args=("",),
        help="Draws one topic's concepts; the overview shows every topic as one node.",
    )
    identity = (topic, focus, filters)
    size = drawn_size("map", MAP_SIZE)
    scene = map_scene(key, filters, size, topic, focus, more_of(identity), G)
    st.session_state["map_now"] = (identity, size, more_of(identity))
    more_col.button(
        f"Show {view.MORE_STEP} more",
        key="map_more_button",
        icon=":material/add_circle:",
        on_click=show_more,
        args=(identity,),
        disabled=scene.more == 0,
        help="Draws more concepts around what is shown; the map opens at a legible zoom "
        "and the rest is a drag away.",
        width="stretch",
    )
    back_col.button(
        "Overview",
        key="map_overview",
        icon=":material/bubble_chart:",
        on_click=show_overview,
        disabled=topic is None and focus is None,
        help="Back to the whole map.",
        width="stretch",
    )

    graph_col, panel_col = st.columns([2.9, 1.2], gap="medium")
    chosen = st.session_state.get("concept")  # what the panel's picker will show
    data = {**scene.data, "selected": None}
    if chosen is not None and chosen in G and str(chosen) in scene.targets:
        data["selected"] = str(chosen)  # the page selects it: never a redraw
    with graph_col:  # first: a click waits for the map more than for the panel
        hint = "Click a topic to open it" if scene.kind == view.OVERVIEW else "Click a concept"
        hint += " · scroll to zoom · drag to move"
        if scene.kind == view.FOCUS and scene.available == 1:  # on the map: in sight
            hint = alone_message(G, scene.focus, filters) + " · scroll to zoom · drag to move"
        elif scene.unlinked and scene.drawn > 1:  # said under the map too, below the fold
            hint += (
                f" · {view.plural(len(scene.unlinked), 'concept')} without a line: "
                "click one to see its links"
            )
        concept_map(
            data,
            key="map",
            height=size[1],
            on_select=open_target,
            nodes=scene.targets,
            caption=hint,
            size=size,
            fill=True,
            reserve=MAP_RESERVE,
        )
        if scene.kind == view.OVERVIEW:
            drawn = [target for kind, target in scene.targets.values() if kind == "topic"]
            legend = Legend(topics={t: colours.get(str(t), "") for t in drawn}, relations={})
        else:
            legend = legend_items(scene.graph, colours)
        st.html(legend_html(legend))
        passing = filtered_counts(key, filters, G)
        st.caption(map_caption(G, scene, passing, whole_counts(key, G).total))

    with panel_col:
        selected = st.selectbox(
            "Concept",
            panel_choices(key, G, scene),
            index=None,
            key="concept",
            format_func=lambda n: label_of(G, n),
            placeholder="Pick or click a concept…",
            filter_mode=PICKER_FILTER,
            help="The concepts on the map (in the overview, the most important ones); "
            "find any other with the search box.",
        )
        with st.container(height=MAP_HEIGHT - 40, border=False):
            if selected is not None:
                show_concept(G, selected, cards, colours)
            elif scene.kind == view.OVERVIEW:
                st.caption(
                    "Each circle is a topic of your notes, as large as its concepts are "
                    "many. Click one to open it, or find a concept above."
                )
                st.markdown("**Largest topics**")
                for name in view.topic_choices(members)[:8]:
                    st.button(
                        escape_markdown(f"{name} ({len(members[name])})"),
                        key=f"topic:{name}",
                        on_click=open_topic,
                        args=(name,),
                        type="tertiary",
                        icon=":material/arrow_forward:",
                    )
            else:
                st.caption(
                    "Click a concept on the map, or pick one above, to see its definition, "
                    "how it relates to the others and the cards it comes from."
                )
                st.markdown("**Start with the central ones**")
                for node in ranked_concepts(scene.graph)[:6]:
                    st.button(
                        escape_markdown(label_of(G, node)),
                        key=f"start:{node}",
                        on_click=select_concept,
                        args=(node,),
                        type="tertiary",
                        icon=":material/arrow_forward:",
                    )


def alone_message(
    G: nx.MultiDiGraph, node: Hashable, filters: tuple[tuple[str, ...], float, bool]
) -> str:
    """Why the map around ``node`` shows it alone, as plain text for the map's caption:
    the filters hide its relations (and which setting shows them), or the notes link it
    to nothing."""
    relations, min_confidence, show_weak = filters
    hidden = view.hidden_links(
        G, node, relations=relations, min_confidence=min_confidence, show_weak=show_weak
    )
    name = label_of(G, node)  # plain text: the map's caption is not Markdown
    if not hidden.total:
        return f"Your notes link “{name}” to no other concept"
    how = []
    if hidden.weak and not show_weak:
        how.append("turn on “Show weak links”")
    if hidden.typed + hidden.prerequisites:
        how.append("pick more relation types or a lower confidence")
    hidden_here = f"{view.plural(hidden.total, 'relation')} hidden by the filters"
    return f"“{name}”: {hidden_here} — " + " or ".join(how or ["change the filters"])


def panel_choices(key: NotesKey, G: nx.MultiDiGraph, scene: view.MapScene) -> list[Hashable]:
    """What the panel's picker offers: the concepts drawn, most important first (in the
    overview, the :data:`PANEL_CHOICES` most important), and the one open. Not every
    concept: a large course has thousands, sent to the page again on every click."""
    if scene.kind == view.OVERVIEW:
        choices = concepts_ranked(key, G)[:PANEL_CHOICES]
    else:
        choices = ranked_concepts(scene.graph)
    chosen = st.session_state.get("concept")
    if chosen is not None and chosen in G and chosen not in choices:
        choices = [*choices, chosen]
    return choices


def map_caption(G: nx.MultiDiGraph, scene: view.MapScene, passing: EdgeCounts, total: int) -> str:
    """What the map draws, in words, with every count saying what it counts."""
    if scene.kind == view.OVERVIEW:
        what = (
            f"**Overview**: {scene.drawn} of {view.plural(scene.available, 'topic')} "
            f"({view.plural(G.number_of_nodes(), 'concept')}); their lines stand for "
            f"{scene.relations.describe()} between topics"
        )
    else:
        if scene.kind == view.TOPIC:
            where = f"Topic **{escape_markdown(str(scene.topic))}**: {scene.drawn} of its "
            where += f"{view.plural(scene.available, 'concept')}, the most important"
        elif scene.kind == view.FOCUS:
            where = f"Around **{escape_markdown(label_of(G, scene.focus))}**: the "
            where += f"{scene.drawn} nearest of {view.plural(scene.available, 'concept')} within "
            where += f"{view.FOCUS_DEPTH} hops"
        else:
            where = f"All {view.plural(scene.drawn, 'concept')}"
        what = f"{where} · drawn: {scene.relations.describe()}"
        folded = sum(scene.data.get("folded", {}).values())
        mirrored = int(scene.data.get("mirrored") or 0)
        why = []
        if folded:
            why.append(
                f"for {view.plural(folded, 'prerequisite')}, a typed line or a chain of "
                "prerequisite lines stands in"
            )
        if mirrored:
            why.append(
                f"for {view.plural(mirrored, 'relation')} the notes state both ways (such as "
                "“contrasts with”), one line stands for both"
            )
        if why:
            lines = view.plural(len(scene.data["edges"]), "line")
            what += f" in {lines} ({'; '.join(why)})"
    what += f" · {passing.total} of all {total} relations pass the filters"
    if scene.unlinked and scene.drawn > 1:
        many = len(scene.unlinked)
        alone = f"{view.plural(many, 'concept')} drawn without a line"
        what += (
            f" · {alone}: {'their' if many > 1 else 'its'} relations are hidden by the "
            f"filters or lead to concepts not drawn; click {'one' if many > 1 else 'it'} "
            "to see them"
        )
    if not scene.fits:
        what += " · more than the window holds: drag to see the rest"
    return what


def path_tab(G: nx.MultiDiGraph, key: NotesKey, cards: Mapping[str, Card]) -> None:
    """A target and what is known give the remaining path, drawn left to right."""
    query_col, pick_col, known_col = st.columns([1.3, 1.3, 2], vertical_alignment="bottom")
    query = query_col.text_input(
        "I want to learn",
        key="path_query",
        placeholder=example_placeholder("A concept", key, G),
        help="Found like the map's search: names, aliases and misspellings.",
    ).strip()
    target = None
    if query:
        matches = find_concepts(G, query)
        if matches:
            target = pick_col.selectbox(
                "Best match first",
                matches,
                key=f"path_target:{query}",
                format_func=lambda n: label_of(G, n),
            )
        else:
            pick_col.warning(f"No concept matches “{escape_markdown(query)}”.")
    known = known_col.multiselect(
        "I already know",
        concepts_ranked(key, G),
        key="known",
        format_func=lambda n: label_of(G, n),
        placeholder="Concepts you know: left out of the path",
        filter_mode=PICKER_FILTER,
    )
    if target is None:
        st.caption(
            "Name a concept: the path lists what to study first, in order, following the "
            "prerequisites your notes state."
        )
        return
    path = learning_path(G, target, known=known)
    name = label_of(G, target)
    H, _ = view.path_graph(G, path)
    if len(path) == 1:  # nothing to draw: one dot and no line would say less than this
        nearby = ", ".join(
            f"**{escape_markdown(label_of(G, n))}**" for n in view.related_to(G, target)
        )
        st.info(
            f"Your notes state nothing you need before **{escape_markdown(name)}**"
            " (or you know it all already): start here."
            + (f" They relate it to {nearby}: the Map tab shows how." if nearby else "")
        )
    else:
        width = drawn_size("path_map", PATH_SIZE)[0]
        scene = view.path_scene(G, path, width, colours=colours_of(key, G))
        st.markdown(
            f"**{len(path)} steps to {escape_markdown(name)}** — study them in the order of "
            f"their numbers: {view.path_reading(scene, path)}"
        )
        if scene.undefined:
            st.caption(undefined_steps_caption(G, path, scene.undefined))
        height = math.ceil(scene.height)
        concept_map(
            scene.data,
            key="path_map",
            height=height,
            on_select=open_target,
            nodes=scene.targets,
            caption="Click a step to open it on the Map tab",
            size=(width, height),
        )
        st.caption(
            path_lines_caption(scene, edge_counts(H).prerequisites) + view.structure_caption(scene)
        )
    stem = "path-" + view.slug(name)
    title = f"Learning path to {name}"
    download_row(
        view.path_download_graph(G, H),  # its guide quotes what the tab quotes
        view.PATH_FORMATS,
        stem,
        cards,
        key="path",
        order=path,
        title=title,
        colours=colours_of(key, G),
    )
    columns = st.columns(2, gap="medium")
    why = view.needed_for(G, path)
    for step, node in enumerate(path, start=1):
        attrs = G.nodes[node]
        with columns[(step - 1) * 2 // max(len(path), 1)]:
            st.markdown(f"**{step}. {escape_markdown(label_of(G, node))}**")
            definition = " ".join(str(attrs.get("definition") or "").split())
            if definition:
                where = citation(attrs.get("definition_evidence"))
                st.markdown(escape_markdown(definition) + (f" :gray[— {where}]" if where else ""))
                shown = {definition}
            else:
                st.markdown(undefined_markdown(G, node))
                shown = {" ".join(str(e["text"]).split()) for e in view.mentions_of(G, node)}
            if why[node]:
                st.markdown(needed_for_markdown(G, why[node], shown))


def needed_for_markdown(
    G: nx.MultiDiGraph, needed: Sequence[view.NeededFor], shown: Collection[str] = ()
) -> str:
    """Why a step is on the path, as one piece of Markdown: the later steps the notes make
    it a prerequisite of (the first :data:`PATH_NEEDED_SHOWN`), each with the sentence
    that says so, its file and line, unless the step already quotes that sentence
    (``shown``, whitespace folded: its definition, or where the notes name it); the
    others by number and name, in one line."""
    lines = []
    for need in needed[:PATH_NEEDED_SHOWN]:
        text = f"→ needed for **{need.step}. {escape_markdown(label_of(G, need.node))}**"
        said = " ".join(str(need.evidence["text"]).split()) if need.evidence else ""
        if said and said in shown:
            text += "  \n:gray[(the sentence quoted above)]"
        elif need.evidence:
            quote = escape_markdown(said)
            where = citation(need.evidence)
            text += f"  \n:gray[“{quote}”" + (f" — {where}" if where else "") + "]"
        lines.append(text)
    if len(needed) > PATH_NEEDED_SHOWN:  # named, without their sentences
        more = (
            f"**{need.step}. {escape_markdown(label_of(G, need.node))}**"
            for need in needed[PATH_NEEDED_SHOWN:]
        )
        lines.append("→ also needed for " + ", ".join(more))
    return "\n\n".join(lines)


def undefined_steps_caption(
    G: nx.MultiDiGraph, path: Sequence[Hashable], undefined: Sequence[Hashable]
) -> str:
    """Which steps of a path the notes never define (drawn hollow), in words."""
    names = ", ".join(f"**{escape_markdown(label_of(G, node))}**" for node in undefined[:4])
    if len(undefined) > 4:
        names += f" and {len(undefined) - 4} more"
    some = "all" if len(undefined) == len(path) else f"{len(undefined)} of the {len(path)}"
    return (
        f":material/radio_button_unchecked: Hollow, dashed steps are not defined in your "
        f"notes ({some} steps: {names}): under the picture, the sentences that name them."
    )


def path_lines_caption(scene: view.PathScene, prerequisites: int) -> str:
    """What the lines of a path's picture stand for, counts included."""
    stated = view.plural(prerequisites, "prerequisite")
    if not prerequisites:
        return "Your notes state no prerequisite between these steps: no solid line is drawn."
    if not scene.implied and not scene.across:
        if prerequisites == 1:
            return "The line is the prerequisite your notes state between the steps."
        return f"The lines are the {stated} your notes state between the steps."
    text = f"The lines are {scene.lines} of the {stated} your notes state between the steps"
    if scene.across:  # named under their steps, not drawn across the wrapped picture
        text += (
            f"; {'one' if scene.across == 1 else scene.across} from a step of an earlier row "
            f"{'is' if scene.across == 1 else 'are'} named under the step "
            f"{'it leads' if scene.across == 1 else 'they lead'} to (“needs 3”)"
        )
    if scene.implied:
        others = "one follows" if scene.implied == 1 else f"{scene.implied} follow"
        text += f"; {'the other ' if not scene.across else ''}{others} from a chain of those drawn"
    return text + "."


def connect_tab(G: nx.MultiDiGraph, key: NotesKey) -> None:
    """Two concepts give the chain of relations between them, with evidence per step."""
    concepts = concepts_ranked(key, G)
    a_col, b_col = st.columns(2)
    a = a_col.selectbox(
        "From",
        concepts,
        index=None,
        key="connect_a",
        format_func=lambda n: label_of(G, n),
        placeholder="Type or pick a concept…",
        filter_mode=PICKER_FILTER,
    )
    b = b_col.selectbox(
        "To",
        concepts,
        index=None,
        key="connect_b",
        format_func=lambda n: label_of(G, n),
        placeholder="Type or pick a concept…",
        filter_mode=PICKER_FILTER,
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
            f"**{escape_markdown(label_of(G, b))}**, not even by a weak link (two concepts "
            "named in the same passage): they sit in separate parts of your notes. Pick "
            "another pair, or find each one on the Map tab to see what it is linked to."
        )
        return
    st.markdown(f"**{len(steps)} step{'s' if len(steps) != 1 else ''}**")
    if note := weak_links_note(steps, only_weak(G, a, b, steps)):
        st.caption(note)
    for step, hop in enumerate(steps, start=1):
        verb = view.relation_words(str(hop["relation"]), str(hop["label"] or ""))
        here = escape_markdown(label_of(G, hop["source"]))
        there = escape_markdown(label_of(G, hop["target"]))
        if hop["direction"] == "forward":
            sentence = f"**{here}** *{escape_markdown(verb)}* **{there}**"
        else:
            sentence = f"**{there}** *{escape_markdown(verb)}* **{here}**"
        with st.container(border=True):
            confidence = float(hop["confidence"] or 0.0)
            st.markdown(f"{step}. {sentence} :gray[(confidence {confidence:.2f})]")
            said = view.naming_first(G, (hop["source"], hop["target"]), hop["evidence"])
            for evidence in said[:2]:  # what names both ends first, a bare name last
                quote = escape_markdown(" ".join(str(evidence.get("text", "")).split()))
                where = citation(evidence)
                st.caption(f"“{quote}”" + (f" — {where}" if where else ""))


def topics_tab(G: nx.MultiDiGraph, key: NotesKey) -> None:
    """Each topic with its top concepts, and the concepts used but never defined."""
    summaries = topic_summaries(key, G)
    st.markdown(f"**{view.plural(len(summaries), 'topic')}**, largest first")
    columns = st.columns(3)
    for i, summary in enumerate(summaries):
        with columns[i % 3].container(border=True):
            st.html(
                f'<div style="display:flex;align-items:center;gap:8px;font-weight:600">'
                f'<span style="width:13px;height:13px;border-radius:50%;'
                f'background:{summary.colour}"></span>{html.escape(summary.name)}'
                f'<span style="font-weight:400;color:#6b7785">· '
                f"{html.escape(view.plural(summary.size, 'concept'))}</span>"
                "</div>"
            )
            st.markdown(", ".join(escape_markdown(label_of(G, n)) for n in summary.top))
    st.subheader("Gaps: used but never defined", anchor=False)
    if st.session_state.get("gaps_for") != key and G.number_of_nodes() > GAPS_AT_ONCE:
        st.caption(
            "The concepts your notes use to explain others but never define. Finding "
            "them reads every definition: it takes a while on a large course."
        )
        st.button("Find the gaps", key="find_gaps", on_click=find_gaps, args=(key,))
        return
    found = gaps_of(key, G)
    if not found:
        st.caption("Every concept your notes lean on has a card or a definition.")
    for gap in found[:40]:
        users = ", ".join(escape_markdown(label_of(G, n)) for n in gap["used_by"][:6])
        more = len(gap["used_by"]) - 6
        st.markdown(
            f"- **{escape_markdown(gap['label'])}** — used by {users}"
            + (f" and {more} more" if more > 0 else "")
        )


def export_tab(
    G: nx.MultiDiGraph,
    key: NotesKey,
    cards: Mapping[str, Card],
    filters: tuple[tuple[str, ...], float, bool],
) -> None:
    """Every export format, for the whole graph or what the map draws now."""
    scopes = {
        "whole": f"Whole graph ({G.number_of_nodes():,} concepts, "
        f"{whole_counts(key, G).total:,} relations)",
        "view": "What the map draws now",
    }
    scope = st.radio(
        "Export", tuple(scopes), key="export_scope", horizontal=True, format_func=scopes.get
    )
    whole = scope == "whole"
    stem = "concept-atlas" if whole else "concept-atlas-view"
    st.caption(
        "Each file is made when you click its button; folders come zipped. "
        + ("" if whole else "In the overview, the map stands for every concept.")
    )
    source = G if whole else functools.partial(current_view, G, key, filters)
    download_row(
        source,
        tuple(view.DOWNLOADS),
        stem,
        cards,
        key="all" if whole else "view",
        colours=colours_of(key, G),
    )


def current_view(
    G: nx.MultiDiGraph,
    key: NotesKey,
    filters: tuple[tuple[str, ...], float, bool],
) -> nx.MultiDiGraph:
    """The concepts and relations the map draws at this moment (read when a download
    is made: the map may have changed since the tab was drawn)."""
    now = st.session_state.get("map_now")
    if not now:
        return G
    (topic, focus, _), size, more = now
    return map_scene(key, filters, size, topic, focus, more, G).graph


def download_row(
    G: nx.MultiDiGraph | Callable[[], nx.MultiDiGraph],
    formats: Sequence[str],
    stem: str,
    cards: Mapping[str, Card],
    *,
    key: str,
    order: Sequence[Hashable] | None = None,
    title: str | None = None,
    colours: Mapping[str, str] | None = None,
) -> None:
    """Download buttons, four to a row; each file is made on click, its topics coloured
    as on the map (``colours``: those of the whole graph). A button greyed out says why
    under the row, not only in its tooltip."""
    columns = st.columns(4)
    graph = G if isinstance(G, nx.MultiDiGraph) else None  # a view is made on click only
    greyed = []
    for i, fmt in enumerate(formats):
        _, _, mime = view.DOWNLOADS[fmt]
        label = view.download_label(fmt, graph)
        empty = view.download_unavailable(fmt, graph)  # an empty deck, a flowchart too large
        if empty:
            greyed.append(empty)  # each reason names its file: "the deck", "a flowchart"
        make = functools.partial(_download_data, G, fmt, stem, cards, order, title, colours)
        columns[i % 4].download_button(
            label,
            data=make,
            file_name=view.download_name(fmt, stem),
            mime=mime,
            key=f"download:{key}:{fmt}",
            on_click="ignore",
            icon=":material/download:",
            width="stretch",
            disabled=bool(empty),
            help=empty or view.DOWNLOAD_USES.get(fmt),
        )
    for reason in greyed:
        st.caption(f":material/block: {escape_markdown(reason)}")


def _download_data(
    G: nx.MultiDiGraph | Callable[[], nx.MultiDiGraph],
    fmt: str,
    stem: str,
    cards: Mapping[str, Card],
    order: Sequence[Hashable] | None,
    title: str | None,
    colours: Mapping[str, str] | None = None,
) -> bytes:
    graph = G() if callable(G) else G
    made = view.download(
        graph, fmt, stem=stem, cards=cards, order=order, title=title, colours=colours
    )
    return made.data


def notes_tab(notes: list[view.NoteFile], results: list[ReadResult]) -> None:
    """Each file with its detected format, card count and errors, and the cards of the
    file picked."""
    st.dataframe(
        [
            {
                "file": note.name,
                "format": result.source.format or "not read",
                "cards": len(result.cards),
                "errors": "; ".join(result.source.errors),
            }
            for note, result in zip(notes, results, strict=True)
        ],
        hide_index=True,
        width="stretch",
        height=min(400, 38 + 35 * len(notes)),
    )
    for note, result in zip(notes, results, strict=True):
        for error in result.source.errors:
            st.error(
                f"{escape_markdown(note.name)}: {escape_markdown(error)}", icon=":material/error:"
            )
    readable = [i for i, result in enumerate(results) if result.cards]
    if not readable:
        return
    chosen = st.selectbox(
        "Cards of", readable, key="notes_file", format_func=lambda i: notes[i].name
    )
    result = results[chosen]
    shared = view.shared_section(result.cards)  # said once here, not on every row
    under = f" · every card under {escape_markdown(' › '.join(shared))}" if shared else ""
    st.markdown(
        f"**{escape_markdown(notes[chosen].name)}** :gray[· "
        f"{escape_markdown(result.source.format or '?')} · "
        f"{view.plural(len(result.cards), 'card')}{under}]"
    )
    rows = [
        {
            "lines": f"{card.lines[0]}–{card.lines[1]}",
            "section": " › ".join(card.section[len(shared) :]),
            "title": card.title,
            "body": card.body,
        }
        for card in result.cards
    ]
    if not any(row["section"] for row in rows):
        for row in rows:
            del row["section"]
    st.dataframe(rows, hide_index=True, width="stretch")


# --------------------------------------------------------------------------- page


def main() -> None:
    """The page."""
    st.set_page_config(page_title="Concept Atlas", page_icon="🗺️", layout="wide")
    st.html(PAGE_CSS)
    title_col, metrics_col = st.columns([0.9, 2.3], vertical_alignment="center")
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
    key = view.notes_key(notes)
    filters = map_filters(G, key)
    colours = colours_of(key, G)
    counts = whole_counts(key, G)
    metrics = metrics_col.columns(5)
    metrics[0].metric("Concepts", G.number_of_nodes(), border=True, format=COUNT)
    metrics[1].metric(
        "All relations",
        counts.total,
        border=True,
        format=COUNT,
        help=f"Every relation found in the notes: {counts.describe()}. The map draws "
        "those that pass the filters, between the concepts it shows.",
    )
    metrics[2].metric("Topics", sum(t != NO_TOPIC for t in colours), border=True, format=COUNT)
    metrics[3].metric("Cards", len(cards), border=True, format=COUNT)
    metrics[4].metric("Files", len(notes), border=True, format=COUNT)
    tabs = st.tabs(TABS, key=TAB_KEY, on_change="rerun")
    with tabs[0]:  # always drawn: the map stays mounted while another tab is open
        map_tab(G, key, cards, filters)
    # the other tabs are made only when open: a large course's pickers (thousands of
    # concepts), topic cards and tables would otherwise be sent on every run
    if tabs[1].open:
        with tabs[1]:
            path_tab(G, key, cards)
    if tabs[2].open:
        with tabs[2]:
            connect_tab(G, key)
    if tabs[3].open:
        with tabs[3]:
            topics_tab(G, key)
    if tabs[4].open:
        with tabs[4]:
            export_tab(G, key, cards, filters)
    if tabs[5].open:
        with tabs[5]:
            notes_tab(notes, results)


main()
