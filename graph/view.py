"""What the explorer shows: notes to read, the part of the graph to draw, a concept's
relations, topics at a glance and downloads. Plain functions over the graph, so the
Streamlit shell (``streamlit_app.py``) only wires widgets to them.

Examples
--------
>>> G = nx.MultiDiGraph()
>>> G.add_nodes_from([("nmr", {"importance": 0.9}), ("mri", {"importance": 0.7}),
...                   ("coil", {"importance": 0.2})])
>>> _ = G.add_edge("nmr", "mri", relation="prerequisite_of", confidence=0.9)
>>> _ = G.add_edge("mri", "coil", relation="related_to", confidence=0.2)
>>> view = select_view(G, max_nodes=2)
>>> sorted(view.graph), view.graph.number_of_edges(), view.total
(['mri', 'nmr'], 1, 3)
"""

from __future__ import annotations

import hashlib
import io
import math
import os
import re
import tempfile
import zipfile
from collections import defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import networkx as nx

from extraction.errors import ReadError
from extraction.readers import (
    DEFAULT_MAX_BYTES,
    Cancel,
    NoteEntry,
    ReadProgress,
    Stopper,
    find_notes,
    open_note_file,
    read_bytes,
    read_file,
)
from extraction.records import Card, ReadResult, SourceInfo
from graph.counts import EdgeCounts, edge_counts
from graph.export import (
    FOLDER_FORMATS,
    export,
    to_markdown_guide,
    to_mermaid,
    write_anki,
    write_picture,
)
from graph.export._base import (
    NAMED_IN,
    NeededFor,
    concept_names,
    confidence,
    mentions_of,
    naming_first,
    needed_for,
    one_way,
    other_names,
    plural,
)
from graph.export._style import weak_link_words
from graph.layout import (
    PACKING,
    Viewport,
    legible_layout,
    min_zoom,
    node_box,
    row_layout,
    row_numbers,
    row_zoom,
    wrap_label,
)
from graph.query import PREREQUISITE, neighbourhood
from graph.render import (
    RELATION_STYLES,
    concept_boxes,
    concept_style,
    fold_lines,
    network_data,
    overview_data,
    ranked_concepts,
    topic_colours,
    topic_label,
    topic_style,
)
from graph.topics import MISCELLANEOUS, topic_graph, topic_members

__all__ = [
    "DOWNLOADS",
    "PATH_FORMATS",
    "WEAK_RELATION",
    "Download",
    "Link",
    "NeededFor",
    "NoteFile",
    "TopicSummary",
    "View",
    "anki_cards",
    "cards_by_id",
    "download",
    "download_label",
    "download_name",
    "download_unavailable",
    "filter_edges",
    "graph_key",
    "hidden_links",
    "links_of",
    "mentions_of",
    "naming_first",
    "needed_for",
    "note_files",
    "other_names",
    "path_download_graph",
    "path_graph",
    "plural",
    "read_note",
    "relation_words",
    "search_example",
    "select_view",
    "shared_section",
    "slug",
    "topic_choices",
    "topic_summaries",
    "upload_name",
]

#: The weak relation: co-occurrence or an untyped verb, hidden from the map by default.
WEAK_RELATION = "related_to"


# --------------------------------------------------------------------------- notes in


@dataclass(frozen=True, slots=True)
class NoteFile:
    """One note file to read: on disk (``path``) or uploaded (``data``).

    Attributes
    ----------
    name : str
        The name its cards cite (as :func:`extraction.readers.read_paths` names it).
    digest : str
        SHA-256 of its content: the cache key of its reading.
    path : str or None
        The file on disk.
    data : bytes or None
        The uploaded content.
    error : str
        Why nothing is read here: a folder or entry that could not be read, or a limit
        that stopped the walk (``name`` is then the path it is about).
    """

    name: str
    digest: str
    path: str | None = None
    data: bytes | None = None
    error: str = ""


def notes_key(notes: Sequence[NoteFile]) -> str:
    """One short string for a set of notes, made of each file's name and content digest:
    what the app's caches are keyed on. (Streamlit hashes a cache's key on every rerun,
    and a tuple of a few hundred ``(name, digest)`` pairs takes tens of milliseconds.)

    >>> one, two = note_files([], [("n.txt", b"a")]), note_files([], [("n.txt", b"b")])
    >>> notes_key(one) == notes_key(two), notes_key(one) == notes_key(list(one))
    (False, True)
    """
    joined = "\n".join(f"{note.name}\t{note.digest}" for note in notes)
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()


def note_files(
    paths: Iterable[str | os.PathLike[str]],
    uploads: Iterable[tuple[str, bytes]] = (),
    *,
    progress: Callable[[ReadProgress], None] | None = None,
    cancel: Cancel = None,
) -> list[NoteFile]:
    """The note files among ``paths`` (files or folders) and uploaded ``(name, bytes)``.

    Folders are walked as :func:`extraction.readers.read_paths` walks them: regular
    files only (a named pipe or device is never opened for a blocking read), at most
    :data:`~extraction.limits.MAX_FOLDER_FILES` files and
    :data:`~extraction.limits.FOLDER_TIME_BUDGET_S` seconds, and ``cancel`` checked
    between files; a folder or entry that is not read, and a limit reached, is a
    :class:`NoteFile` whose ``error`` says so (:func:`read_note` gives it as an error).
    Files are named as ``read_paths`` names them (two ``notes.md`` in different folders
    by the shortest path suffix that tells them apart) and an upload named like a file
    on disk is ``upload/<name>``, as in :func:`graph.build.build_atlas`; an upload's
    name is cleaned first (:func:`upload_name`: no folders, no control characters).
    Files over the size limit are not hashed (their reading reports the limit).
    ``progress`` is called with a :class:`~extraction.readers.ReadProgress` before each
    file is hashed and once at the end.

    Examples
    --------
    >>> files = note_files(["data"], [("neural-network-basics.md", b"# Extra")])
    >>> files[-1].name, files[-1].path is None
    ('upload/neural-network-basics.md', True)
    """
    paths = [Path(p) for p in paths]
    stopper = Stopper(cancel)
    entries = find_notes(paths, stopper=stopper, progress=progress)
    total = sum(1 for entry in entries if entry.path is not None)
    found: list[NoteFile] = []
    done = size = 0
    for entry in entries:
        if entry.path is None:
            found.append(_report(entry))
            continue
        if progress:
            progress(ReadProgress(done, total, entry.name, size))
        reason = stopper.reason()
        if reason:
            where = ", ".join(str(p) for p in paths)
            stopped = f"stopped after {done:,} of {total:,} files: {reason}; the rest were not read"
            found.append(_report(NoteEntry(where, None, stopped, True)))
            break
        digest, read = _file_digest(entry.path)
        found.append(NoteFile(name=entry.name, digest=digest, path=str(entry.path)))
        done += 1
        size += read
    if progress:
        progress(ReadProgress(done, total, "", size))
    on_disk = {Path(note.name).name for note in found if not note.error}
    uploaded: set[str] = set()
    for raw_name, data in uploads:
        name = upload_name(raw_name)
        stem, suffix = os.path.splitext(name)
        n = 1
        while name in uploaded:  # two uploads cited alike (a/x.md and b/x.md)
            n += 1
            name = f"{stem} ({n}){suffix}"
        uploaded.add(name)
        cited = f"upload/{name}" if name in on_disk else name
        found.append(NoteFile(name=cited, digest=hashlib.sha256(data).hexdigest(), data=data))
    return found


def _report(entry: NoteEntry) -> NoteFile:
    """A folder or entry that is not read, as a :class:`NoteFile` with its ``error``."""
    result = entry.result()  # the path and reason made valid Unicode
    name, error = result.source.path, result.source.errors[0]
    digest = "unread:" + hashlib.sha256(f"{name}\n{error}".encode()).hexdigest()
    return NoteFile(name=name, digest=digest, error=error)


#: Longest name (in UTF-8 bytes) an upload is cited by; most file systems allow 255.
UPLOAD_NAME_BYTES = 255
#: Control, zero-width and bidirectional-formatting characters (a U+202E "RTL override"
#: makes ``evil\u202egnp.md`` show as ``evildm.png``).
_NAME_UNSAFE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]"
)


def upload_name(name: str) -> str:
    """The name an uploaded file is cited by: its last path part only (``/`` and ``\\``
    both separate), without control, zero-width or bidirectional-override characters,
    at most :data:`UPLOAD_NAME_BYTES` bytes with its extension kept, never empty,
    ``.`` or ``..``.

    The browser sends the name, so it is untrusted: this keeps a citation from
    pretending to be another file or folder (nothing is ever written under it).

    Examples
    --------
    >>> upload_name("../../etc/passwd.md"), upload_name("..\\\\..\\\\evil.md")
    ('passwd.md', 'evil.md')
    >>> upload_name("a\\x00b\\nc.txt"), upload_name("evil\\u202egnp.md"), upload_name("..")
    ('abc.txt', 'evilgnp.md', 'upload')
    >>> len(upload_name("x" * 300 + ".md").encode()), upload_name("x" * 300 + ".md")[-3:]
    (255, '.md')
    """
    text = _NAME_UNSAFE.sub("", str(name)).replace("\\", "/")
    text = text.rstrip("/").rsplit("/", 1)[-1].strip()
    if text in {"", ".", ".."}:
        return "upload"
    stem, dot, suffix = text.rpartition(".")
    if not dot or not stem or len(suffix) > 16:
        stem, suffix = text, ""
    else:
        suffix = "." + suffix
    budget = UPLOAD_NAME_BYTES - len(suffix.encode())
    stem = stem.encode()[:budget].decode("utf-8", "ignore")
    return (stem + suffix) if stem.strip(". ") else "upload" + suffix


#: Digests of files on disk by (path, size, modification time, inode): an unchanged
#: file is not read again on every rerun of the app.
_DIGESTS: dict[tuple[bytes, int, int, int], str] = {}
_DIGESTS_KEPT = 4096


def _file_digest(path: Path) -> tuple[str, int]:
    """The SHA-256 of a regular file (remembered while it is unchanged) and the bytes
    read; a file that cannot be read gets a digest naming why (its reading says so)."""
    try:
        fd = open_note_file(path)
    except ReadError:
        return "not-regular", 0
    except OSError as exc:
        return f"unreadable:{exc.errno}", 0
    try:
        stat = os.fstat(fd)
        if stat.st_size > DEFAULT_MAX_BYTES:
            return f"too-large:{stat.st_size}:{stat.st_mtime_ns}", 0
        seen = (os.fsencode(path.resolve()), stat.st_size, stat.st_mtime_ns, stat.st_ino)
        if seen in _DIGESTS:
            return _DIGESTS[seen], 0
        with os.fdopen(os.dup(fd), "rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError as exc:
        return f"unreadable:{exc.errno}", 0
    finally:
        os.close(fd)
    if len(_DIGESTS) >= _DIGESTS_KEPT:
        _DIGESTS.clear()
    _DIGESTS[seen] = digest
    return digest, stat.st_size


def read_note(note: NoteFile) -> ReadResult:
    """Read one note file into cards; never raises (errors go to ``source.errors``).

    Examples
    --------
    >>> result = read_note(NoteFile("q.txt", "-", data=b"What is an isotope?\\nAn atom variant."))
    >>> result.source.format, len(result.cards)
    ('text', 1)
    """
    if note.error:
        return ReadResult(source=SourceInfo(path=note.name, errors=[note.error]))
    if note.data is not None:
        return read_bytes(note.data, path=Path(note.name), name=note.name)
    return read_file(note.path or note.name, name=note.name)


def cards_by_id(results: Iterable[ReadResult]) -> dict[str, Card]:
    """Every card of ``results``, by card id."""
    return {card.id: card for result in results for card in result.cards}


def shared_section(cards: Sequence[Card]) -> tuple[str, ...]:
    """The headings every card of a file sits under (a note's title, a deck's name):
    said once above the file's cards rather than on every row. A card whose title is a
    heading sits under that heading too (the card of the note's title is under it).

    Examples
    --------
    >>> from extraction.records import Card
    >>> def card(title, section, kind="heading"):
    ...     return Card(id=title, source="cell.md", format="markdown", lines=(1, 1),
    ...                 title=title, body="", section=section, title_kind=kind)
    >>> shared_section([card("Cells", ()), card("Osmosis", ("Cells",)),
    ...                 card("Catalase", ("Cells", "Enzymes"))])
    ('Cells',)
    >>> shared_section([card("Cells", ()), card("What is osmosis?", (), "question")])
    ()
    """
    shared: tuple[str, ...] | None = None
    for card in cards:
        section = tuple(card.section)
        if card.title_kind == "heading" and card.title:
            section += (card.title,)
        if shared is None:
            shared = section
        while shared and section[: len(shared)] != shared:
            shared = shared[:-1]
    return shared or ()


# --------------------------------------------------------------------------- the map


@dataclass(frozen=True, slots=True)
class View:
    """The part of the graph to draw.

    Attributes
    ----------
    graph : networkx.MultiDiGraph
        The concepts and edges to draw.
    total : int
        Concepts that passed the filters (and the focus), before the cap on drawn nodes.
    focus : hashable or None
        The concept whose neighbourhood this is.
    """

    graph: nx.MultiDiGraph
    total: int
    focus: Hashable | None = None

    @property
    def capped(self) -> bool:
        """Whether some concepts were left out to keep the drawing fast."""
        return self.graph.number_of_nodes() < self.total


def edge_filter(
    *,
    relations: Collection[str] | None = None,
    min_confidence: float = 0.0,
    show_weak: bool = True,
) -> Callable[[Mapping[str, Any]], bool]:
    """The test :func:`filter_edges` applies to an edge's attributes, to filter edges
    without copying the graph.

    Examples
    --------
    >>> keep = edge_filter(show_weak=False, min_confidence=0.5)
    >>> keep({"relation": "is_a", "confidence": 0.9}), keep({"relation": "related_to"})
    (True, False)
    """
    wanted = None if relations is None else set(relations)

    def keep(attrs: Mapping[str, Any]) -> bool:
        relation = attrs.get("relation") or WEAK_RELATION
        if wanted is not None and relation not in wanted:
            return False
        if not show_weak and relation == WEAK_RELATION:
            return False
        return confidence(attrs) >= min_confidence

    return keep


def weak_links_first(G: nx.MultiDiGraph) -> bool:
    """Whether the map should open with weak links shown: when the stated relations
    leave at least half of the concepts without a line and weak links join some of
    those. Notes in prose (a lecture, an outline) often state few relations; without
    the weak links their first map is a scatter of unconnected dots.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("enzyme", "catalyst", relation="is_a")
    >>> _ = G.add_edge("osmosis", "membrane", relation="related_to")
    >>> weak_links_first(G)
    True
    >>> _ = G.add_edge("osmosis", "diffusion", relation="contrasts_with")
    >>> weak_links_first(G)
    False
    """
    stated: set[Hashable] = set()
    weak: set[Hashable] = set()
    for u, v, attrs in G.edges(data=True):
        if u == v:
            continue
        ends = weak if (attrs.get("relation") or WEAK_RELATION) == WEAK_RELATION else stated
        ends.update((u, v))
    alone = set(G) - stated
    return bool(alone & weak) and 2 * len(alone) >= G.number_of_nodes()


def hidden_links(
    G: nx.MultiDiGraph,
    node: Hashable,
    *,
    relations: Collection[str] | None = None,
    min_confidence: float = 0.0,
    show_weak: bool = True,
) -> EdgeCounts:
    """The relations of ``node`` to other concepts that the filters hide, by kind: why
    the map around a concept can show that concept alone.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("enzyme", "substrate", relation="related_to", confidence=0.3)
    >>> _ = G.add_edge("enzyme", "catalyst", relation="is_a", confidence=0.9)
    >>> hidden_links(G, "enzyme", show_weak=False)
    EdgeCounts(typed=0, prerequisites=0, weak=1)
    """
    keep = edge_filter(relations=relations, min_confidence=min_confidence, show_weak=show_weak)
    H = nx.MultiDiGraph()
    for u, v, attrs in [*G.out_edges(node, data=True), *G.in_edges(node, data=True)]:
        if u != v and not keep(attrs):
            H.add_edge(u, v, **attrs)
    return edge_counts(H)


def filter_edges(
    G: nx.MultiDiGraph,
    *,
    relations: Collection[str] | None = None,
    min_confidence: float = 0.0,
    show_weak: bool = True,
) -> nx.MultiDiGraph:
    """A copy of ``G`` with every concept but only the edges that pass the filters.

    Parameters
    ----------
    relations : collection of str, optional
        Keep only these relation types (default: all).
    min_confidence : float
        Keep only edges at least this confident.
    show_weak : bool
        Keep the weak ``related_to`` edges.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", relation="is_a", confidence=0.9)
    >>> _ = G.add_edge("a", "c", relation="related_to", confidence=0.3)
    >>> H = filter_edges(G, show_weak=False)
    >>> sorted(H), [(u, v) for u, v in H.edges()]
    (['a', 'b', 'c'], [('a', 'b')])
    """
    keep = edge_filter(relations=relations, min_confidence=min_confidence, show_weak=show_weak)
    H = nx.MultiDiGraph(**G.graph)
    H.add_nodes_from(G.nodes(data=True))
    H.add_edges_from((u, v, k, a) for u, v, k, a in G.edges(keys=True, data=True) if keep(a))
    return H


def select_view(
    G: nx.MultiDiGraph,
    *,
    relations: Collection[str] | None = None,
    min_confidence: float = 0.0,
    show_weak: bool = True,
    focus: Hashable | None = None,
    depth: int = 1,
    max_nodes: int = 150,
    selected: Hashable | None = None,
) -> View:
    """The concepts and edges the map draws.

    Edges are filtered (:func:`filter_edges`); with a ``focus``, only its neighbourhood
    within ``depth`` hops along the edges kept is shown (:func:`graph.query.neighbourhood`);
    then at most ``max_nodes`` concepts are drawn, the most important first, the focus
    and the ``selected`` concept always among them.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for u, v in [("a", "b"), ("b", "c"), ("c", "d")]:
    ...     _ = G.add_edge(u, v, relation="uses", confidence=0.8)
    >>> view = select_view(G, focus="b", depth=1)
    >>> sorted(view.graph), view.focus, view.capped
    (['a', 'b', 'c'], 'b', False)
    >>> sorted(select_view(G, max_nodes=1, selected="d").graph)
    ['d']
    """
    H = filter_edges(G, relations=relations, min_confidence=min_confidence, show_weak=show_weak)
    if focus is not None and focus in H:
        H = neighbourhood(H, focus, depth=depth)
    else:
        focus = None
    pinned = [node for node in (focus, selected) if node is not None and node in H]
    keep = list(dict.fromkeys(pinned))
    for node in ranked_concepts(H):
        if len(keep) >= max(max_nodes, len(pinned)):
            break
        if node not in keep:
            keep.append(node)
    drawn = nx.MultiDiGraph(**H.graph)
    drawn.add_nodes_from((node, H.nodes[node]) for node in keep)
    drawn.add_edges_from(H.subgraph(keep).edges(keys=True, data=True))
    return View(graph=drawn, total=H.number_of_nodes(), focus=focus)


# --------------------------------------------------------------------------- levels of detail

#: What the map can show: every topic as one node, every concept (a graph small enough
#: to read whole), one topic's concepts, or the concepts around one concept.
OVERVIEW, CONCEPTS, TOPIC, FOCUS = "overview", "concepts", "topic", "focus"
#: Hops around a focused concept within which the nearest concepts are drawn.
FOCUS_DEPTH = 2
#: Concepts (or topics) that each "show more" adds.
MORE_STEP = 20
#: The strongest links of each topic that the overview draws.
OVERVIEW_LINKS = 3
#: Steps stacked in one column of a learning path's picture; a larger layer (steps
#: that can be learned at the same point) takes several columns side by side.
PATH_COLUMN_STEPS = 4
#: Concepts measured for one scene (more than a large screen shows legibly).
CANDIDATES = 160
#: A graph with more concepts than this opens as an overview without trying to fit it.
MAX_DIRECT = 400


@dataclass(frozen=True, slots=True)
class MapScene:
    """What the map draws now, and what it could draw with "show more".

    Attributes
    ----------
    kind : str
        :data:`OVERVIEW`, :data:`CONCEPTS`, :data:`TOPIC` or :data:`FOCUS`.
    data : dict
        The drawing for the map page (:func:`graph.render.network_data` or
        :func:`graph.render.overview_data`), with its initial ``view``.
    targets : dict
        Drawn id -> ``("topic", name)`` or ``("concept", node)``: what a click opens.
    graph : networkx.MultiDiGraph
        The concepts drawn and the relations drawn between them (in the overview: every
        concept, with the relations that pass the filters).
    drawn : int
        Nodes drawn (topics in the overview, else concepts).
    available : int
        Nodes the scene could draw: the topics, all concepts, the topic's concepts, or
        the concepts within :data:`FOCUS_DEPTH` hops of the focus.
    relations : EdgeCounts
        The relations the drawn lines stand for (in the overview: between the topics drawn).
    topic : str or None
        The open topic.
    focus : hashable or None
        The concept whose neighbourhood this is.
    fits : bool
        Whether everything drawn is inside the initial view (false after "show more"
        added more than the viewport holds legibly: the rest is a pan away).
    unlinked : tuple
        The concepts drawn with no line to another one drawn (their relations are
        hidden by the filters or lead to concepts not drawn); none in the overview.
    """

    kind: str
    data: dict[str, Any]
    targets: dict[str, tuple[str, Hashable]]
    graph: nx.MultiDiGraph
    drawn: int
    available: int
    relations: EdgeCounts
    topic: str | None = None
    focus: Hashable | None = None
    fits: bool = True
    unlinked: tuple[Hashable, ...] = ()

    @property
    def more(self) -> int:
        """How many more nodes "show more" could add."""
        return max(0, self.available - self.drawn)


def map_scene(
    G: nx.MultiDiGraph,
    viewport: Viewport,
    *,
    relations: Collection[str] | None = None,
    min_confidence: float = 0.0,
    show_weak: bool = True,
    topic: str | None = None,
    focus: Hashable | None = None,
    more: int = 0,
    colours: Mapping[str, str] | None = None,
    members: Mapping[str, Sequence[Hashable]] | None = None,
) -> MapScene:
    """What the map shows of ``G`` in ``viewport``, every label legible.

    - With a ``focus``: the concepts nearest to it (within :data:`FOCUS_DEPTH` hops along
      the edges kept, the closest and then the most important first).
    - With a ``topic``: its most important concepts.
    - Else every concept when all fit the viewport legibly, or else the overview: one
      node per topic (:func:`graph.topics.topic_graph`), sized by its concepts and linked
      by its :data:`OVERVIEW_LINKS` strongest links to other topics.

    As many as fit the viewport at a legible zoom are drawn (:func:`graph.layout.legible_layout`),
    plus ``more``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A concept graph.
    viewport : Viewport
        The size of the map on screen.
    relations, min_confidence, show_weak
        Which edges count, as in :func:`filter_edges`.
    topic : str, optional
        The topic to open.
    focus : node, optional
        The concept to open the neighbourhood of (wins over ``topic``).
    more : int
        Nodes to draw beyond those that fit.
    colours : mapping, optional
        Topic colours (default :func:`graph.render.topic_colours` of ``G``).
    members : mapping, optional
        :func:`graph.topics.topic_members` of ``G``, when the caller keeps it (it ranks
        every concept: most of the work of opening a topic of a large graph).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for i in range(60):
    ...     G.add_node(f"c{i}", label=f"concept number {i}", topic=f"t{i % 4}",
    ...                importance=1 - i / 60)
    >>> _ = G.add_edge("c0", "c1", relation="is_a", confidence=0.9)
    >>> scene = map_scene(G, Viewport(900, 600))
    >>> scene.kind, scene.drawn, scene.targets["topic:0"]
    ('overview', 4, ('topic', 't0'))
    >>> scene = map_scene(G, Viewport(900, 600), topic="t1")
    >>> scene.kind, scene.drawn, scene.available
    ('topic', 15, 15)
    >>> map_scene(G, Viewport(900, 600), focus="c1").graph.number_of_nodes()
    2
    """
    keep = edge_filter(relations=relations, min_confidence=min_confidence, show_weak=show_weak)
    colours = dict(colours) if colours is not None else topic_colours(G)
    if focus is not None and focus in G:
        distance = _hops(G, focus, keep, FOCUS_DEPTH)
        ranked = sorted(distance, key=lambda n: (distance[n], *_rank(G, n)))
        return _concept_scene(G, FOCUS, ranked, viewport, keep, more, colours, focus=focus)
    members = topic_members(G) if members is None else members
    if topic is not None and topic in members:
        return _concept_scene(G, TOPIC, members[topic], viewport, keep, more, colours, topic=topic)
    if len(G) <= MAX_DIRECT:
        ranked = ranked_concepts(G)
        if _may_fit(G, ranked, viewport):
            scene = _concept_scene(G, CONCEPTS, ranked, viewport, keep, more, colours)
            if scene.drawn == len(ranked):
                return scene
    return _overview_scene(G, viewport, keep, more, colours, members)


def _rank(G: nx.MultiDiGraph, node: Hashable) -> tuple[float, str]:
    try:
        importance = float(G.nodes[node].get("importance") or 0.0)
    except (TypeError, ValueError):
        importance = 0.0
    return -importance, str(node)


def _hops(
    G: nx.MultiDiGraph, start: Hashable, keep: Callable[[Mapping[str, Any]], bool], depth: int
) -> dict[Hashable, int]:
    """Hops from ``start`` to every concept within ``depth``, along kept edges either way."""
    seen = {start: 0}
    frontier = [start]
    for hop in range(1, depth + 1):
        following = []
        for node in frontier:
            for _, other, attrs in G.out_edges(node, data=True):
                if other not in seen and keep(attrs):
                    seen[other] = hop
                    following.append(other)
            for other, _, attrs in G.in_edges(node, data=True):
                if other not in seen and keep(attrs):
                    seen[other] = hop
                    following.append(other)
        frontier = following
    return seen


def _may_fit(G: nx.MultiDiGraph, ranked: Sequence[Hashable], viewport: Viewport) -> bool:
    """Whether every concept could fit ``viewport`` legibly, by area alone (a cheap
    test before laying them out)."""
    if len(ranked) > MAX_DIRECT:
        return False
    boxes = concept_boxes(G, ranked)
    room = viewport.width * viewport.height / min_zoom(boxes) ** 2
    return sum(box.area for box in boxes.values()) <= room * PACKING * 1.5


def _subgraph(
    G: nx.MultiDiGraph, nodes: Sequence[Hashable], keep: Callable[[Mapping[str, Any]], bool]
) -> nx.MultiDiGraph:
    """``nodes`` (in this order) with the kept edges among them."""
    H = nx.MultiDiGraph(**G.graph)
    H.add_nodes_from((node, G.nodes[node]) for node in nodes)
    chosen = set(nodes)
    edges = []
    adjacency = G._adj  # the plain dicts behind G.adj: its views cost ~1 µs a look-up
    for u in nodes:
        out = adjacency[u]
        # a hub of a large course has thousands of neighbours: look up the few chosen
        others = [v for v in nodes if v in out] if len(out) > len(nodes) else out
        for v in others:
            if v in chosen:
                edges.extend((u, v, k, a) for k, a in out[v].items() if keep(a))
    H.add_edges_from(edges)
    return H


def _concept_scene(
    G: nx.MultiDiGraph,
    kind: str,
    ranked: Sequence[Hashable],
    viewport: Viewport,
    keep: Callable[[Mapping[str, Any]], bool],
    more: int,
    colours: Mapping[str, str],
    *,
    topic: str | None = None,
    focus: Hashable | None = None,
) -> MapScene:
    candidates = list(ranked[: CANDIDATES + max(0, more)])
    pool = _subgraph(G, candidates, keep)
    boxes = concept_boxes(G, candidates)
    layout = legible_layout(pool, candidates, boxes, viewport, minimum=min(len(candidates), 3))
    if more > 0:
        count = len(layout.nodes) + more
        layout = legible_layout(pool, candidates, boxes, viewport, count=count)
    drawn = _subgraph(pool, layout.nodes, keep)  # the pool's edges are already kept
    data = network_data(
        drawn,
        physics=False,
        max_nodes=len(layout.nodes),
        positions=layout.positions,
        colours=colours,
        edge_labels=False,
        view=layout.view(),
        wrap=True,
        fold=True,
    )
    targets = {str(node): ("concept", node) for node in drawn}
    ends = {end for edge in data["edges"] for end in (edge["from"], edge["to"])}
    return MapScene(
        kind=kind,
        data=data,
        targets=targets,
        graph=drawn,
        drawn=drawn.number_of_nodes(),
        available=len(ranked),
        relations=edge_counts(drawn),
        topic=topic,
        focus=focus,
        fits=layout.fits,
        unlinked=tuple(node for node in drawn if str(node) not in ends),
    )


def _overview_scene(
    G: nx.MultiDiGraph,
    viewport: Viewport,
    keep: Callable[[Mapping[str, Any]], bool],
    more: int,
    colours: Mapping[str, str],
    members: Mapping[str, Sequence[Hashable]] | None = None,
) -> MapScene:
    T = topic_graph(G, keep=keep, members=members)
    ranked = list(T)
    largest = max((T.nodes[t]["concepts"] for t in ranked), default=1)
    boxes = {}
    for name in ranked:
        concepts = T.nodes[name]["concepts"]
        radius, font_size = topic_style(concepts, largest)
        boxes[name] = node_box(topic_label(name, concepts), font_size, radius)
    links = nx.Graph()
    links.add_nodes_from(ranked)
    for name in ranked:
        strongest = sorted(T[name].items(), key=lambda item: (-item[1]["weight"], str(item[0])))
        for other, attrs in strongest[:OVERVIEW_LINKS]:
            links.add_edge(name, other, **attrs)
    layout = legible_layout(links, ranked, boxes, viewport, minimum=min(len(ranked), 2))
    if more > 0:
        layout = legible_layout(links, ranked, boxes, viewport, count=len(layout.nodes) + more)
    ids = {name: f"topic:{ranked.index(name)}" for name in layout.nodes}
    # built in the layout's order (a subgraph view iterates a set: its order would
    # change from one process to the next, and the drawing with it)
    chosen = set(layout.nodes)
    shown = nx.Graph()
    shown.add_nodes_from((name, {**links.nodes[name], **T.nodes[name]}) for name in layout.nodes)
    shown.add_edges_from(
        (u, v, attrs) for u, v, attrs in links.edges(data=True) if u in chosen and v in chosen
    )
    data = overview_data(
        shown, ids=ids, positions=layout.positions, colours=colours, view=layout.view()
    )
    total = EdgeCounts()
    for *_, attrs in shown.edges(data=True):
        counts = attrs["counts"]
        total = EdgeCounts(
            total.typed + counts.typed,
            total.prerequisites + counts.prerequisites,
            total.weak + counts.weak,
        )
    return MapScene(
        kind=OVERVIEW,
        data=data,
        targets={ids[name]: ("topic", name) for name in layout.nodes},
        graph=G,
        drawn=len(layout.nodes),
        available=len(ranked),
        relations=total,
        fits=layout.fits,
    )


def graph_key(G: nx.MultiDiGraph) -> str:
    """A digest of ``G``'s concepts and edges, to cache what depends on its shape
    (a layout) across reruns.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", relation="uses")
    >>> H = G.copy()
    >>> graph_key(G) == graph_key(H)
    True
    >>> _ = H.add_edge("b", "c", relation="uses")
    >>> graph_key(G) == graph_key(H)
    False
    """
    digest = hashlib.sha256()
    for node in sorted(map(str, G.nodes)):
        digest.update(f"n\0{node}\0".encode())
    edges = sorted((str(u), str(v), str(a.get("relation"))) for u, v, a in G.edges(data=True))
    for u, v, relation in edges:
        digest.update(f"e\0{u}\0{v}\0{relation}\0".encode())
    return digest.hexdigest()


# --------------------------------------------------------------------------- a concept


@dataclass(frozen=True, slots=True)
class Link:
    """One relation of a concept, seen from that concept.

    Attributes
    ----------
    other : hashable
        The concept at the other end.
    relation : str
        The relation type.
    outgoing : bool
        ``True`` when the edge points from the concept to ``other``.
    confidence : float
        The edge's confidence (0..1).
    evidence : tuple of mapping
        The sentences that state it (``{"source", "line", "text"}``).
    label : str
        The verb phrase of a ``related_to`` edge, or "".
    """

    other: Hashable
    relation: str
    outgoing: bool
    confidence: float
    evidence: tuple[Mapping[str, Any], ...]
    label: str = ""

    @property
    def verb(self) -> str:
        """The relation as words between two concepts: its type's name, or a weak link's
        words (:func:`~graph.export._style.weak_link_words`).

        >>> Link("b", "part_of", True, 0.9, ()).verb
        'part of'
        >>> Link("b", WEAK_RELATION, True, 0.2, (), label="struggles with").verb
        'struggles with'
        >>> Link("b", WEAK_RELATION, True, 0.2, (), label="arise").verb
        'mentioned with'
        >>> Link("b", WEAK_RELATION, True, 0.2, (), label="same sentence").verb
        'named in one sentence with'
        """
        return relation_words(self.relation, self.label)


def relation_words(relation: str, label: str = "") -> str:
    """A relation as words between two concepts (:attr:`Link.verb`)."""
    if relation == WEAK_RELATION and label:
        return weak_link_words(label)
    style = RELATION_STYLES.get(relation)
    return style.label if style else relation.replace("_", " ")


def links_of(G: nx.MultiDiGraph, node: Hashable) -> dict[str, list[Link]]:
    """Every relation of ``node``, grouped by type (in the order of the relation
    vocabulary, unknown types last), most confident first within a type.

    ``links_of(G, n)["prerequisite_of"]`` holds what to learn before ``n``
    (``outgoing`` False) and what builds on it (``outgoing`` True).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("nmr", "mri", relation="prerequisite_of", confidence=0.9)
    >>> _ = G.add_edge("mri", "coil", relation="uses", confidence=0.6,
    ...                evidence=[{"source": "n.md", "line": 3, "text": "MRIs use coils."}])
    >>> groups = links_of(G, "mri")
    >>> list(groups), groups["prerequisite_of"][0].other, groups["prerequisite_of"][0].outgoing
    (['prerequisite_of', 'uses'], 'nmr', False)
    """
    groups: dict[str, list[Link]] = defaultdict(list)
    edges = [(v, True, a) for _, v, a in G.out_edges(node, data=True)]
    edges += [(u, False, a) for u, _, a in G.in_edges(node, data=True) if u != node]
    for other, outgoing, attrs in edges:
        relation = str(attrs.get("relation") or WEAK_RELATION)
        evidence = tuple(
            naming_first(
                G,
                (node, other),
                [e for e in attrs.get("evidence") or () if isinstance(e, Mapping)],
            )
        )
        label = str(attrs.get("label") or "")
        groups[relation].append(Link(other, relation, outgoing, confidence(attrs), evidence, label))
    order = {relation: i for i, relation in enumerate(RELATION_STYLES)}
    return {
        relation: sorted(groups[relation], key=lambda link: (-link.confidence, str(link.other)))
        for relation in sorted(groups, key=lambda r: (order.get(r, len(order)), r))
    }


def related_to(G: nx.MultiDiGraph, node: Hashable, limit: int = 5) -> list[Hashable]:
    """The concepts the notes relate ``node`` to other than by a prerequisite, stated
    relations first (:func:`links_of`'s order), then weak links, at most ``limit``: where
    to look when the notes state nothing to learn before it.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("tide", "moon", relation="related_to", confidence=0.3)
    >>> _ = G.add_edge("tide", "gravity", relation="causes", confidence=0.8)
    >>> _ = G.add_edge("orbit", "tide", relation="prerequisite_of", confidence=0.9)
    >>> related_to(G, "tide")
    ['gravity', 'moon']
    """
    links = links_of(G, node)
    order = [r for r in links if r not in (PREREQUISITE, WEAK_RELATION)] + [WEAK_RELATION]
    others = dict.fromkeys(link.other for r in order for link in links.get(r, ()))
    return list(others)[:limit]


def important_first(G: nx.MultiDiGraph, nodes: Iterable[Hashable]) -> list[Hashable]:
    """``nodes``, the most important concept first (ties by id): the order in which to
    name a few of many, e.g. the concepts that use a gap (:func:`graph.query.gaps` lists
    them by id, so a list cut at six named the capitalised acronyms first).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("ATP", {"importance": 0.2}), ("osmosis", {"importance": 0.9}),
    ...                   ("cell wall", {"importance": 0.5})])
    >>> important_first(G, ["ATP", "cell wall", "osmosis"])
    ['osmosis', 'cell wall', 'ATP']
    """
    return sorted(nodes, key=lambda node: _rank(G, node))


def search_example(G: nx.MultiDiGraph, ranked: Sequence[Hashable]) -> str:
    """A name to show as an example in a search box: the shortest name (of at least
    three characters) of the most important concept whose label fits a short box, so
    that the example is always one of these notes' own concepts; "" for no concepts.
    The concept's own names (label, id, the halves of a glossed label) come first; an
    alias only when none of those fits, and never one that only repeats a name in
    another case or the plural (:func:`other_names`: "GPs" is no example of "GP").

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("enzyme", label="Enzyme (biological catalyst)", aliases=["enzymes"])
    >>> search_example(G, ["enzyme"])
    'Enzyme'
    """
    for node in ranked[:SEARCH_EXAMPLE_RANK]:
        attrs = G.nodes[node]
        aliases = {str(alias).strip() for alias in attrs.get("aliases") or ()}
        own = [name for name in concept_names(G, node) if name not in aliases]
        for names in (own, other_names(node, attrs)):
            names = [name for name in names if len(name) >= 3]
            if names and len(min(names, key=len)) <= SEARCH_EXAMPLE_CHARS:
                return min(names, key=len)
    return ""


#: How far down the ranking :func:`search_example` looks, and the longest example.
SEARCH_EXAMPLE_RANK = 20
SEARCH_EXAMPLE_CHARS = 20


# --------------------------------------------------------------------------- topics


@dataclass(frozen=True, slots=True)
class TopicSummary:
    """A topic at a glance: its colour on the map, size and most important concepts."""

    name: str
    colour: str
    size: int
    top: tuple[Hashable, ...]


def topic_choices(members: Mapping[str, Sequence[Hashable]]) -> list[str]:
    """The topics offered to open (the map's topic picker and its list of the largest),
    largest first as ``members`` has them, but the concepts no topic takes
    (:data:`graph.topics.MISCELLANEOUS`) last, however many: they are no topic to
    start from.

    >>> topic_choices({"Unlinked concepts": ["a", "b", "c"], "tides": ["d", "e"]})
    ['tides', 'Unlinked concepts']
    """
    return sorted(members, key=lambda name: name == MISCELLANEOUS)


def topic_summaries(G: nx.MultiDiGraph, *, top: int = 8) -> list[TopicSummary]:
    """Every topic, largest first (concepts without a topic last), with its ``top``
    most important concepts.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("a", {"topic": "t", "importance": 0.1}),
    ...                   ("b", {"topic": "t", "importance": 0.9})])
    >>> [(s.name, s.size, s.top) for s in topic_summaries(G)]
    [('t', 2, ('b', 'a'))]
    """
    members: dict[str, list[Hashable]] = defaultdict(list)
    colours = topic_colours(G)
    for node in ranked_concepts(G):
        topic = str(G.nodes[node].get("topic") or "").strip()
        members[topic if topic in colours else next(iter(colours))].append(node)
    return [
        TopicSummary(name, colour, len(members[name]), tuple(members[name][:top]))
        for name, colour in colours.items()
    ]


# --------------------------------------------------------------------------- learning path


def path_graph(
    G: nx.MultiDiGraph, path: Sequence[Hashable]
) -> tuple[nx.MultiDiGraph, dict[Hashable, int]]:
    """The concepts of a learning path with the ``prerequisite_of`` edges between them,
    and each concept's column (0 for what can be learned first), for a left-to-right
    drawing.

    A step's column is after those of its prerequisites and never before the previous
    step's: read column by column, top to bottom, the picture gives the steps in the
    order they are numbered (a step with nothing to learn first, late in the path, is
    not drawn beside the first steps, ahead of the steps numbered before it).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for u, v in [("algebra", "calculus"), ("calculus", "mechanics"), ("algebra", "mechanics")]:
    ...     _ = G.add_edge(u, v, relation="prerequisite_of", confidence=0.9)
    >>> _ = G.add_edge("algebra", "mechanics", relation="related_to", confidence=0.2)
    >>> H, levels = path_graph(G, ["algebra", "calculus", "mechanics"])
    >>> H.number_of_edges(), levels
    (3, {'algebra': 0, 'calculus': 1, 'mechanics': 2})
    """
    H = nx.MultiDiGraph(**G.graph)
    H.add_nodes_from((node, G.nodes[node]) for node in path if node in G)
    H.add_edges_from(
        (u, v, k, a)
        for u, v, k, a in G.subgraph(H.nodes).edges(keys=True, data=True)
        if a.get("relation") == PREREQUISITE
    )
    levels: dict[Hashable, int] = {}
    previous = 0
    for node in H:  # in study order
        parents = [p for p in H.predecessors(node) if p in levels]
        previous = levels[node] = max([previous, *(levels[p] + 1 for p in parents)])
    return H, levels


@dataclass(frozen=True, slots=True)
class PathScene:
    """A learning path's picture: its drawing, what a click opens, and its height.

    Attributes
    ----------
    data : dict
        The drawing for the map page (:func:`graph.render.network_data`).
    targets : dict
        Drawn id -> ``("concept", node)``.
    height : float
        The height (pixels) the picture needs at the width it was laid out for.
    undefined : tuple
        The steps the notes never define, drawn hollow.
    lines, implied : int
        The prerequisites drawn as lines, and those a chain of drawn ones implies.
    structure : int
        The dotted lines: links of the notes' structure (:func:`structure_lines`).
    across : int
        The prerequisites from a step of an earlier row, named under the step they lead
        to ("needs 3") instead of drawn across the picture.
    rows : int
        The rows the picture wraps onto.
    """

    data: dict[str, Any]
    targets: dict[str, tuple[str, Hashable]]
    height: float
    undefined: tuple[Hashable, ...] = ()
    lines: int = 0
    implied: int = 0
    structure: int = 0
    across: int = 0
    rows: int = 1


#: How the path's picture draws a step the notes never define: a hollow dot with a
#: dashed rim in its topic's colour (the list under the picture quotes where the
#: notes name it).
UNDEFINED_FILL = "#ffffff"
UNDEFINED_DASHES = [4, 3]
#: How the path's picture draws a link of the notes' structure (a step named in the
#: heading or the defining sentence of a later one, :func:`graph.paths.structure_link`):
#: a dotted line, where a prerequisite's is solid.
STRUCTURE_DASHES = [2, 4]


#: How many times a path's picture is laid out again, at most, so that the steps name
#: the prerequisites of an earlier row (their labels grow with the names).
PATH_WRAP_ROUNDS = 4
#: The room (characters) for the line under a step that names its prerequisites of an
#: earlier row.
NEEDS_CHARS = 22


def needs_line(numbers: Sequence[int], *, chars: int = NEEDS_CHARS) -> str:
    """The line under a step of a wrapped path's picture that names, by their numbers,
    the earlier steps it needs that are drawn in an earlier row (no line crosses the
    picture to it); the last are counted when they do not all fit in ``chars``.

    >>> needs_line([3]), needs_line([2, 6, 8])
    ('needs 3', 'needs 2, 6, 8')
    >>> needs_line([2, 6, 8, 11, 14, 15, 17])
    'needs 2, 6 and 5 more'
    >>> needs_line([])
    ''
    """
    if not numbers:
        return ""
    text = "needs " + ", ".join(map(str, numbers))
    for shown in range(len(numbers) - 1, 0, -1):
        if len(text) <= chars:
            break
        text = f"needs {', '.join(map(str, numbers[:shown]))} and {len(numbers) - shown} more"
    return text


def _step_label(H: nx.MultiDiGraph, node: Hashable, number: int, needs: Sequence[int]) -> str:
    """A step's label on a path's picture: its number and name (:func:`wrap_label`), and
    under them the steps of an earlier row it needs (:func:`needs_line`)."""
    label = wrap_label(f"{number}. {H.nodes[node].get('label') or node}")
    return label + ("\n" + needs_line(needs) if needs else "")


#: How far a line of a path's picture bends (vis-network's roundness) to pass by a step,
#: and the shallower bends tried after it (a long line bent as deep would leave the
#: picture).
PATH_BEND = 0.35
PATH_BENDS = (PATH_BEND, 0.2, 0.1)
#: Room (pixels) a straight line of a path's picture keeps from the dot of a step.
PATH_CLEARANCE = 6.0


def _crosses(
    start: tuple[float, float, float],
    end: tuple[float, float, float],
    dot: tuple[float, float, float],
) -> bool:
    """Whether the segment from ``start`` to ``end`` (``(x, y, radius)`` dots) passes
    within :data:`PATH_CLEARANCE` of ``dot``'s rim.

    >>> _crosses((0, 0, 5), (100, 0, 5), (50, 3, 8)), _crosses((0, 0, 5), (100, 0, 5), (50, 40, 8))
    (True, False)
    """
    (x1, y1, _), (x2, y2, _), (x, y, radius) = start, end, dot
    dx, dy = x2 - x1, y2 - y1
    length = dx * dx + dy * dy
    t = 0.0 if not length else max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / length))
    gap = math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))
    return 0.0 < t < 1.0 and gap < radius + PATH_CLEARANCE


#: Points along a line of a path's picture that are checked against the steps.
PATH_SAMPLES = 48


def _line_points(
    start: tuple[float, float, float],
    end: tuple[float, float, float],
    bend: str | None = None,
    roundness: float = PATH_BEND,
) -> list[tuple[float, float]]:
    """Points along the line from ``start`` to ``end`` as vis-network draws it: straight,
    or (``bend``: ``"curvedCW"`` / ``"curvedCCW"`` with ``roundness``) the quadratic
    curve through vis-network's via point for that smooth type.

    >>> [(round(x), round(y)) for x, y in _line_points((0, 0, 5), (100, 0, 5))[::23]]
    [(2, 0), (50, 0), (98, 0)]
    >>> min(y for _, y in _line_points((0, 0, 5), (100, 0, 5), "curvedCW")) < -10  # up
    True
    >>> max(y for _, y in _line_points((0, 0, 5), (100, 0, 5), "curvedCCW")) > 10  # down
    True
    """
    (x1, y1, _), (x2, y2, _) = start, end
    if bend is None:
        via = ((x1 + x2) / 2, (y1 + y2) / 2)
    else:  # vis-network's BezierEdgeStatic._getViaCoordinates
        dx, dy = x2 - x1, y1 - y2
        reach = (0.5 * roundness + 0.5) * math.hypot(dx, dy)
        turn = 0.5 * (roundness if bend == "curvedCW" else -roundness) + 0.5
        angle = math.atan2(dy, dx) + turn * math.pi
        via = (x1 + reach * math.sin(angle), y1 + reach * math.cos(angle))
    points = []
    for i in range(1, PATH_SAMPLES):
        t = i / PATH_SAMPLES
        a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t * t
        points.append((a * x1 + b * via[0] + c * x2, a * y1 + b * via[1] + c * y2))
    return points


def _hits(
    points: Sequence[tuple[float, float]], rects: Sequence[tuple[float, float, float, float]]
) -> bool:
    """Whether a point comes within :data:`PATH_CLEARANCE` / 2 of a rectangle
    ``(left, right, top, bottom)``.

    >>> _hits([(7, 10)], [(0, 5, 0, 20)]), _hits([(30, 10)], [(0, 5, 0, 20)])
    (True, False)
    """
    room = PATH_CLEARANCE / 2
    return any(
        left - room < x < right + room and top - room < y < bottom + room
        for x, y in points
        for left, right, top, bottom in rects
    )


def _inside(points: Sequence[tuple[float, float]], width: float, height: float) -> bool:
    """Whether every point is inside the picture (``width`` x ``height``)."""
    return all(0 <= x <= width and 0 <= y <= height for x, y in points)


def structure_lines(
    G: nx.MultiDiGraph, H: nx.MultiDiGraph, order: Sequence[Hashable]
) -> list[tuple[Hashable, Hashable, str, Mapping[str, Any] | None]]:
    """``(earlier, later, what, said)`` for each link of the notes' structure between two
    steps of a path (:func:`graph.paths.structure_link`: the earlier step is named in a
    heading the later one is explained under, or in its defining sentence) that a path's
    picture draws: not where a prerequisite joins the two (``H``'s lines), nor where a
    chain of lines already drawn leads from one to the other (the closest pairs are
    drawn first). The text under the picture says the same ("needed for").

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("acoustics", definition="The study of sound.")
    >>> G.add_node("sonar", definition="Ranging by sound.", under=[
    ...     {"source": "n.md", "line": 3, "text": "Acoustics", "names": ["acoustics"]}])
    >>> _ = G.add_edge("echo", "sonar", relation="prerequisite_of", confidence=0.9)
    >>> H, _ = path_graph(G, ["acoustics", "echo", "sonar"])
    >>> [(u, v, said["line"]) for u, v, _, said in structure_lines(G, H, list(H))]
    [('acoustics', 'sonar', 3)]
    """
    from graph.paths import structure_link  # graph.paths reads graph.topics, not this

    drawn = nx.DiGraph()
    drawn.add_nodes_from(order)
    drawn.add_edges_from((u, v) for u, v in H.edges() if u != v)
    pairs = sorted(
        ((i, j) for j in range(len(order)) for i in range(j)), key=lambda p: (p[1] - p[0], p)
    )
    found = []
    for i, j in pairs:
        u, v = order[i], order[j]
        if H.has_edge(u, v) or H.has_edge(v, u) or nx.has_path(drawn, u, v):
            continue
        if (link := structure_link(G, u, v)) is not None:
            found.append((u, v, link[0], link[1]))
            drawn.add_edge(u, v)
    return found


def _structure_edge(
    G: nx.MultiDiGraph, u: Hashable, v: Hashable, what: str, said: Mapping[str, Any] | None
) -> dict[str, Any]:
    """A dotted line of a path's picture for a link of the notes' structure, its tooltip
    saying what the link is and quoting the heading or sentence that makes it."""
    title = f"{G.nodes[u].get('label') or u} comes first: {what}"
    if said and said.get("text"):
        title += f"\n“{' '.join(str(said['text']).split())}”"
        if said.get("source"):
            title += f" ({said['source']}, line {said.get('line')})"
    return {
        "from": str(u),
        "to": str(v),
        "title": title,
        "dashes": STRUCTURE_DASHES,
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
    }


def path_scene(
    G: nx.MultiDiGraph,
    path: Sequence[Hashable],
    width: float,
    *,
    colours: Mapping[str, str] | None = None,
) -> PathScene:
    """A learning path drawn left to right in layers (:func:`path_graph`; a layer of more
    than :data:`PATH_COLUMN_STEPS` steps takes several columns), each concept numbered
    by its step, wrapped onto rows (:func:`graph.layout.row_layout`) so that the
    picture is ``width`` pixels wide and no two labels touch, however long the path. It
    reads like text, from the first step, top left, to the target, at the end of the last
    row: the rows share the columns evenly, so the target is never left alone at the
    bottom left. A path that would wrap is first drawn smaller, down to the zoom at which
    the smallest label is :data:`graph.layout.MIN_LABEL_PX` tall, when that saves a row
    (:func:`graph.layout.row_zoom`): a picture on one row more than its labels' size.

    A step the notes never define is drawn hollow, with a dashed rim
    (:data:`UNDEFINED_FILL`), and listed in ``undefined``. A prerequisite that a chain
    of other steps already leads along is not drawn (:func:`graph.render.fold_lines`):
    such a line would run straight through the steps between; ``lines`` counts the
    lines drawn and ``implied`` those left out. A step the notes' structure puts before a
    later one (a heading it is explained under, its defining sentence) is joined to it by
    a dotted line (:func:`structure_lines`, :data:`STRUCTURE_DASHES`), as the text under
    the picture says it is needed for it; ``structure`` counts them.
    A line that would run through another step bends round it (:data:`PATH_BENDS`, inside
    the picture when a bend can be); when none stays inside, the picture grows to hold it.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for i in range(24):
    ...     _ = G.add_edge(f"c{i}", f"c{i + 1}", relation="prerequisite_of", confidence=0.9)
    >>> scene = path_scene(G, [f"c{i}" for i in range(25)], 900)
    >>> scene.data["nodes"][0]["label"], scene.data["view"]["scale"], scene.height > 100
    ('1. c0', 0.816, True)
    >>> len(scene.undefined), scene.lines, scene.implied, scene.rows
    (25, 23, 0, 2)

    The line from the last step of the first row to the first of the next is not drawn
    across the picture: that step names it.

    >>> scene.across, [n["label"] for n in scene.data["nodes"] if "needs" in n["label"]]
    (1, ['14. c13\\nneeds 13'])
    """
    H, levels = path_graph(G, path)
    order = [node for node in path if node in H]
    step = {node: i for i, node in enumerate(order, start=1)}
    folded = fold_lines(H)
    pairs = {(u, v) for u, v, k in H.edges(keys=True) if u != v and (u, v, k) not in folded}
    layers: list[list[Hashable]] = [[] for _ in range(max(levels.values(), default=-1) + 1)]
    for node in order:
        layers[levels[node]].append(node)
    columns = [
        layer[i : i + PATH_COLUMN_STEPS]
        for layer in layers
        for i in range(0, len(layer), PATH_COLUMN_STEPS)
    ]
    fonts = [concept_style(H.nodes[node])[1] for node in H]
    # a prerequisite from an earlier row is named under its step ("needs 3"), not drawn
    # across the picture; the names change the labels' size, so the rows are laid out
    # again until the prerequisites across rows are those the labels name
    needs: dict[Hashable, tuple[int, ...]] = {}  # what the labels name
    found: dict[Hashable, tuple[int, ...]] = {}
    for _ in range(PATH_WRAP_ROUNDS):
        needs = found
        labels = {node: _step_label(H, node, step[node], needs.get(node, ())) for node in H}
        boxes = {
            node: node_box(labels[node], *reversed(concept_style(H.nodes[node]))) for node in H
        }
        zoom = row_zoom(columns, boxes, width, fonts)  # a little smaller rather than wrapped
        canvas = width / zoom  # canvas units from here on
        rows = row_numbers(columns, boxes, canvas)
        across: dict[Hashable, list[int]] = defaultdict(list)
        for u, v in pairs:
            if rows[u] != rows[v]:
                across[v].append(step[u])
        found = {node: tuple(sorted(numbers)) for node, numbers in across.items()}
        if found == needs:
            break
    width = canvas
    positions, height = row_layout(columns, boxes, width)
    view = {"x": width / 2, "y": height / 2, "scale": zoom}
    data = network_data(
        H,
        physics=False,
        max_nodes=len(order),
        positions=positions,
        colours=colours,
        edge_labels=False,
        view=view,
        wrap=True,
        fold=True,
    )
    by_id = {str(node): node for node in H}
    undefined = []
    for options in data["nodes"]:
        node = by_id[options["id"]]
        options["label"] = labels[node]
        if not str(H.nodes[node].get("definition") or "").strip():
            undefined.append(node)
            rim = options["color"]["border"]  # the topic's colour, darker: seen on white
            options["color"] = {
                "background": UNDEFINED_FILL,
                "border": rim,
                "highlight": {"background": UNDEFINED_FILL, "border": "#1f2933"},
                "hover": {"background": UNDEFINED_FILL, "border": "#1f2933"},
            }
            options["borderWidth"] = 2.5
            options["shapeProperties"] = {"borderDashes": UNDEFINED_DASHES}
            options["title"] += "\nNot defined in your notes: see where they name it"
        if needs.get(node):
            earlier = ", ".join(
                f"{i}. {H.nodes[order[i - 1]].get('label') or order[i - 1]}" for i in needs[node]
            )
            options["title"] += f"\nNeeds, from an earlier row: {earlier}"
    # a line from a step of an earlier row is left out: its step names it ("needs 3")
    named = {(str(order[i - 1]), str(node)) for node, numbers in needs.items() for i in numbers}
    kept = [e for e in data["edges"] if (e["from"], e["to"]) not in named]
    across_rows = len(data["edges"]) - len(kept)
    data["edges"] = kept
    dots = {n["id"]: (n["x"], n["y"], n["size"]) for n in data["nodes"]}
    steps = {  # each step's dot and label: a line should run through neither
        i: (x - box.half_width, x + box.half_width, y - box.above, y + box.below)
        for i, (x, y, _) in dots.items()
        for box in (boxes[by_id[i]],)
    }
    links = [  # a dotted line across rows would cross the picture: the text says it
        link for link in structure_lines(G, H, order) if rows[link[0]] == rows[link[1]]
    ]
    reach = (0.0, height)  # how far up and down the lines reach
    lines = len(data["edges"])
    data["edges"].extend(_structure_edge(G, *link) for link in links)
    for options in data["edges"]:  # light lines: the numbered labels lead the eye
        options["color"] = {"color": "#b4bcc6", "highlight": "#4b5563", "hover": "#4b5563"}
        options["width"] = 1.2
        ends = (options["from"], options["to"])
        start, end = dots[ends[0]], dots[ends[1]]
        others = [rect for i, rect in steps.items() if i not in ends]
        rings = [dot for i, dot in dots.items() if i not in ends]
        through_dot = any(_crosses(start, end, dot) for dot in rings)
        if not through_dot and not _hits(_line_points(start, end), others):
            continue
        # a straight line would run through another step's dot or label: bend it round,
        # towards the middle of the picture (a bend out of it would be cut off at its
        # edge) or else the other way, as deep as PATH_BEND or else shallower: the first
        # that passes by every step inside the picture; when none does, the shallowest
        # that passes by every step out of it (the picture grows to hold it: a line
        # through a label makes it hard to read); when none does, a line through a dot
        # takes the first that passes by every dot inside the picture, else bends
        # towards the middle, and one through a label stays
        (x1, y1, _), (x2, y2, _) = start, end
        down = (y1 + y2) / 2 < height / 2
        clockwise = down == (x2 < x1)  # clockwise bends a line drawn rightwards up
        preferred, other = ("curvedCW", "curvedCCW") if clockwise else ("curvedCCW", "curvedCW")
        clear = [
            (way, roundness)
            for way in (preferred, other)
            for roundness in PATH_BENDS
            if _inside(points := _line_points(start, end, way, roundness), width, height)
            and not _hits(points, others)
        ]
        if not clear:  # past every step, the picture growing to hold the bend
            clear = [
                (way, roundness)
                for way in (preferred, other)
                for roundness in reversed(PATH_BENDS)
                if not _hits(_line_points(start, end, way, roundness), others)
            ]
        if not clear and through_dot:  # past every dot inside the picture, if not labels
            clear = [
                (way, roundness)
                for way in (preferred, other)
                for roundness in PATH_BENDS
                if _inside(points := _line_points(start, end, way, roundness), width, height)
                and not _hits(points, [(x - r, x + r, y - r, y + r) for x, y, r in rings])
            ]
        bend = clear[0] if clear else (preferred, PATH_BEND) if through_dot else None
        if bend is not None:
            options["smooth"] = {"enabled": True, "type": bend[0], "roundness": bend[1]}
            ys = [y for _, y in _line_points(start, end, *bend)]
            reach = (min(reach[0], *ys), max(reach[1], *ys))
    # a line that found no bend inside the picture: the picture grows to hold it
    top = reach[0] - PATH_CLEARANCE if reach[0] < 0 else 0.0
    bottom = reach[1] + PATH_CLEARANCE if reach[1] > height else height
    data["view"]["y"] = (top + bottom) / 2
    return PathScene(
        data,
        {str(node): ("concept", node) for node in H},
        (bottom - top) * zoom,
        undefined=tuple(node for node in order if node in undefined),
        lines=lines,
        implied=sum(data["folded"].values()),
        structure=len(links),
        across=across_rows,
        rows=max(rows.values(), default=0) + 1,
    )


def structure_caption(scene: PathScene) -> str:
    """What the dotted lines of a path's picture stand for, with their count; empty when
    it has none.

    >>> structure_caption(PathScene({}, {}, 0.0, structure=2)).split(": ")
    [' The 2 dotted lines are no stated prerequisites', 'each joins a step to a later one \
that the notes explain under a heading, or in a sentence, naming it.']
    >>> structure_caption(PathScene({}, {}, 0.0))
    ''
    """
    if not scene.structure:
        return ""
    if scene.structure == 1:
        what, each = "The dotted line is no stated prerequisite", "it joins"
    else:
        what, each = f"The {scene.structure} dotted lines are no stated prerequisites", "each joins"
    return (
        f" {what}: {each} a step to a later one that the notes explain under a heading, or in "
        "a sentence, naming it."
    )


def path_reading(scene: PathScene, path: Sequence[Hashable]) -> str:
    """How to read a path's picture in the order of its steps, in words: "left to right"
    when each column holds one step, "column by column, left to right, each from the top"
    when a column holds several (steps of one layer stack in a column), and "then the
    next row" when the picture wraps (a later step drawn left of the one before it).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("seed", "root", relation="prerequisite_of", confidence=0.9)
    >>> _ = G.add_edge("seed", "shoot", relation="prerequisite_of", confidence=0.9)
    >>> _ = G.add_edge("shoot", "leaf", relation="prerequisite_of", confidence=0.9)
    >>> path_reading(path_scene(G, ["seed", "shoot", "leaf"], 900), ["seed", "shoot", "leaf"])
    'left to right'
    >>> order = ["seed", "root", "shoot", "leaf"]
    >>> path_reading(path_scene(G, order, 900), order)
    'column by column, left to right, each from the top'
    >>> path_reading(path_scene(G, order, 120), order)
    'column by column, left to right, each from the top, then the next row'
    """
    where = {options["id"]: options["x"] for options in scene.data["nodes"]}
    xs = [where[str(node)] for node in path if str(node) in where]
    stacked = any(abs(b - a) < 1 for a, b in pairwise(xs))
    wrapped = scene.rows > 1 or any(b < a - 1 for a, b in pairwise(xs))
    words = "column by column, left to right, each from the top" if stacked else "left to right"
    return words + (", then the next row" if wrapped else "")


# --------------------------------------------------------------------------- downloads


@dataclass(frozen=True, slots=True)
class Download:
    """A file to offer for download."""

    file_name: str
    mime: str
    data: bytes


#: Each export format: (button label, file suffix, MIME type); folder formats are zipped.
DOWNLOADS: dict[str, tuple[str, str, str]] = {
    "html": ("Interactive map (HTML)", ".html", "text/html"),
    "png": ("Picture (PNG)", ".png", "image/png"),
    "svg": ("Picture (SVG)", ".svg", "image/svg+xml"),
    "markdown": ("Study guide (Markdown)", ".md", "text/markdown"),
    "anki": ("Anki deck (.apkg)", ".apkg", "application/octet-stream"),
    "obsidian": ("Obsidian vault (zip)", ".zip", "application/zip"),
    "mermaid": ("Mermaid flowchart", ".mmd", "text/plain"),
    "dot": ("Graphviz DOT", ".dot", "text/vnd.graphviz"),
    "csv": ("Nodes and edges (CSV, zip)", ".zip", "application/zip"),
    "json": ("Concept graph (JSON)", ".json", "application/json"),
    "graphml": ("GraphML (yEd, Gephi)", ".graphml", "application/xml"),
    "gexf": ("GEXF (Gephi)", ".gexf", "application/xml"),
}

#: What each download is for, in a student's words (the button's tooltip).
DOWNLOAD_USES: dict[str, str] = {
    "html": "This map as one web page: opens in any browser, offline.",
    "png": "A picture of the map, to print or put in your notes.",
    "svg": "A picture of the map that stays sharp at any size.",
    "markdown": "A text to read and revise from: each concept with its definition and "
    "the sentences of your notes that link it to others.",
    "anki": "Flashcards for Anki: one card per concept your notes define.",
    "obsidian": "A folder of linked notes, one per concept, for Obsidian.",
    "mermaid": "The map as a Mermaid flowchart, for Markdown pages that draw them.",
    "dot": "The map for Graphviz, to lay it out yourself.",
    "csv": "Two tables (concepts, relations) for a spreadsheet.",
    "json": "The whole concept graph as data, for `python -m graph` or your own scripts.",
    "graphml": "The map for graph editors such as yEd or Gephi.",
    "gexf": "The map for Gephi.",
}

#: The formats a learning path is offered in (written in study order).
PATH_FORMATS: tuple[str, ...] = ("markdown", "anki", "mermaid", "png")


def path_download_graph(G: nx.MultiDiGraph, H: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A learning path's graph ``H`` (cut out of ``G``) ready for its downloads: each step
    the notes never define carries the sentences of ``G`` that name it
    (:func:`mentions_of` of the whole graph, as the path tab quotes them), which the
    path's own relations alone would not give its study guide.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("rift", "basin", relation="prerequisite_of", confidence=0.6)
    >>> _ = G.add_edge("rift", "plate", relation="related_to", evidence=[
    ...     {"source": "geo.md", "line": 7, "text": "A rift opens where a plate splits."}])
    >>> path = G.subgraph(["rift", "basin"])
    >>> [m["line"] for m in mentions_of(path_download_graph(G, path), "rift")]
    [7]
    >>> mentions_of(path, "rift")  # the path alone does not name it
    []
    """
    H = H.copy()
    for node in H:
        if not H.nodes[node].get("definition") and (named := mentions_of(G, node)):
            H.nodes[node][NAMED_IN] = [dict(found) for found in named]
    return H


def download_label(fmt: str, G: nx.MultiDiGraph | None = None) -> str:
    """A download button's label (:data:`DOWNLOADS`); the Anki deck's also says how many
    cards it holds when the graph is at hand (notes of prose define few of their concepts,
    and a deck of 7 cards should not be a surprise).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("osmosis", definition="Water crossing a membrane.")
    >>> G.add_node("turgor")
    >>> download_label("anki", G), download_label("csv")
    ('Anki deck (.apkg) · 1 card', 'Nodes and edges (CSV, zip)')
    """
    label = DOWNLOADS[fmt][0]
    if fmt == "anki" and G is not None:
        label += f" · {plural(anki_cards(G), 'card')}"
    return label


def anki_cards(G: nx.MultiDiGraph) -> int:
    """How many cards the Anki deck of ``G`` holds: one per concept the notes define."""
    return sum(1 for _, d in G.nodes(data="definition") if d)  # as the deck counts


#: The most links and characters a Mermaid viewer draws by default (Mermaid's ``maxEdges``
#: and ``maxTextSize``: GitHub, Obsidian and the Mermaid Live Editor keep them); a larger
#: flowchart shows "Too many edges" or "Maximum text size in diagram exceeded" instead.
MERMAID_MAX_LINKS = 500
MERMAID_MAX_CHARS = 50_000


def download_unavailable(fmt: str, G: nx.MultiDiGraph | None = None) -> str:
    """Why the download ``fmt`` of ``G`` would hold nothing to use, or "": an Anki deck of
    concepts the notes never define has no card (a path of one undefined step, notes in
    prose); a Mermaid flowchart of more than :data:`MERMAID_MAX_LINKS` links (or
    :data:`MERMAID_MAX_CHARS` characters) is one no Mermaid viewer draws (a whole course).
    Its button is shown disabled, with this reason, rather than offer a file that shows
    nothing.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("turgor")
    >>> download_unavailable("anki", G)
    'Your notes define none of these concepts: the deck would have no card.'
    >>> download_unavailable("markdown", G), download_unavailable("anki")
    ('', '')
    >>> for i in range(501):
    ...     _ = G.add_edge(f"cell {i}", "turgor", relation="part_of")
    >>> download_unavailable("mermaid", G)[:60]
    'Too large for a Mermaid flowchart: 501 relations, where Merm'
    """
    if fmt == "anki" and G is not None and anki_cards(G) == 0:
        return "Your notes define none of these concepts: the deck would have no card."
    if fmt == "mermaid" and G is not None:
        links = len(one_way(G.edges(data=True)))
        if links > MERMAID_MAX_LINKS:
            too_many = f"{links:,} relations, where Mermaid viewers (GitHub, Obsidian) draw"
            too_many += f" at most {MERMAID_MAX_LINKS}"
        elif (chars := len(to_mermaid(G))) > MERMAID_MAX_CHARS:
            too_many = f"{chars:,} characters, where Mermaid viewers (GitHub, Obsidian) read"
            too_many += f" at most {MERMAID_MAX_CHARS:,}"
        else:
            return ""
        return (
            f"Too large for a Mermaid flowchart: {too_many}. Download a learning path's "
            "flowchart, or export what the map draws now."
        )
    return ""


def download(
    G: nx.MultiDiGraph,
    fmt: str,
    *,
    stem: str = "concept-atlas",
    cards: Mapping[str, Card] | None = None,
    order: Sequence[Hashable] | None = None,
    title: str | None = None,
    colours: Mapping[str, str] | None = None,
) -> Download:
    """``G`` exported as ``fmt`` (:mod:`graph.export`), in memory; folder formats zipped.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        What to export (the whole graph, the current view, a learning path).
    fmt : str
        A key of :data:`DOWNLOADS`.
    stem : str
        The download's file name without suffix.
    cards : mapping of str to Card, optional
        The cards by id (Anki cites them).
    order : sequence of node, optional
        A learning path in study order: ``fmt`` must be one of :data:`PATH_FORMATS`,
        written as numbered steps.
    title : str, optional
        The heading of a learning path's guide, deck and picture.
    colours : mapping of str to str, optional
        The topic colours of the whole graph, when ``G`` is a part of it (a view, a
        path): the page, the pictures, DOT and GEXF then colour each topic as the map.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("nmr", "mri", relation="prerequisite_of", confidence=0.9)
    >>> got = download(G, "csv")
    >>> got.file_name, got.data[:2]
    ('concept-atlas-csv.zip', b'PK')
    >>> download(G, "markdown", order=["nmr", "mri"], title="Path").data.splitlines()[0]
    b'# Path'
    """
    if fmt not in DOWNLOADS:
        raise ValueError(f"unknown export format {fmt!r}")
    if order is not None and fmt not in PATH_FORMATS:
        raise ValueError(f"a learning path is not exported as {fmt!r}")
    _, suffix, mime = DOWNLOADS[fmt]
    with tempfile.TemporaryDirectory(prefix="concept-atlas-") as tmp:
        out = Path(tmp) / (stem if fmt in FOLDER_FORMATS else f"{stem}{suffix}")
        if order is None:
            export(G, fmt, out, cards=cards, colours=colours)
        elif fmt == "markdown":
            out.write_text(to_markdown_guide(G, order, title=title), encoding="utf-8")
        elif fmt == "mermaid":
            out.write_text(to_mermaid(G), encoding="utf-8")
        elif fmt == "anki":
            deck = (title or "Concept Atlas").replace("::", ":")
            write_anki(G, out, order, cards, deck_name=deck)
        else:
            write_picture(G, out, fmt, order=order, title=title, colours=colours)
        data = _zip_folder(out) if fmt in FOLDER_FORMATS else out.read_bytes()
    return Download(download_name(fmt, stem), mime, data)


def download_name(fmt: str, stem: str) -> str:
    """The file name of a download: ``stem`` and the format's suffix (folder formats
    are zips named after the format).

    Examples
    --------
    >>> download_name("markdown", "guide"), download_name("obsidian", "guide")
    ('guide.md', 'guide-obsidian.zip')
    """
    suffix = DOWNLOADS[fmt][1]
    return f"{stem}-{fmt}{suffix}" if fmt in FOLDER_FORMATS else f"{stem}{suffix}"


def slug(text: str, *, max_chars: int = 60) -> str:
    """``text`` as a safe file-name stem: lower-case ASCII words joined by hyphens.

    Examples
    --------
    >>> slug("GDP (gross domestic product)"), slug("<script>"), slug("…")
    ('gdp-gross-domestic-product', 'script', 'concept')
    """
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words)[:max_chars].strip("-") or "concept"


def _zip_folder(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, Path(folder.name) / path.relative_to(folder))
    return buffer.getvalue()
