"""Questions a student asks of the concept graph, and their ``python -m graph`` commands.

- :func:`resolve` and :func:`search` find concepts by id, label, alias or close spelling.
- :func:`neighbourhood` and :func:`connect` explore around and between concepts.
- :func:`learning_path`, :func:`what_next` and :func:`break_cycles` order study along
  ``prerequisite_of`` edges (``u -> v``: learn ``u`` before ``v``); the first and last
  live in :mod:`graph.paths` and are importable from here.
- :func:`gaps` lists concepts the notes lean on but never define.

The functions take node ids (use :func:`resolve` on what a user typed) and raise
:class:`UnknownConceptError` for an id that is not in the graph. Name lookups and the
study order are computed once per graph and kept in ``G.__networkx_cache__`` (not in
``G.graph``, so the graph still writes as JSON); NetworkX empties that cache whenever
nodes or edges are added or removed, but not when attributes change in place.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import math
import re
import sys
from collections import defaultdict, deque
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
from rapidfuzz import fuzz, process

from extraction.names import initials_match
from graph.io import GraphFileError, graph_to_data, read_graph
from graph.paths import (  # noqa: F401 (learning paths moved to graph.paths; importable here)
    PATH_MIN_STRENGTH,
    STUDY_MIN_CONFIDENCE,
    _study,
    _StudyOrder,
    break_cycles,
    learning_path,
)
from graph.terminal import echo, echo_json, for_terminal
from graph.topics import edge_strength

#: The relation vocabulary of concept-graph/1.
RELATIONS = (
    "is_a",
    "part_of",
    "uses",
    "addresses",
    "causes",
    "used_for",
    "contrasts_with",
    "example_of",
    "related_to",
    "prerequisite_of",
)
PREREQUISITE = "prerequisite_of"
#: Queries this short never match by fuzzy spelling ("MAP" is not "map", nor "MAC").
SHORT_QUERY = 4

#: Lowest closeness of spelling (rapidfuzz ``token_sort_ratio`` of normalised names,
#: 0..100) at which :func:`search` offers a name.
SEARCH_CUTOFF = 80
#: A close spelling this many points less close than the closest one is not offered:
#: a misspelt long name finds that name, not also a short name that shares one of its words.
SPELLING_MARGIN = 10
#: After a match by name (exact, alias or prefix), only spellings at least this close.
STRONG_SPELLING = 90
#: Lowest closeness (rapidfuzz ``partial_ratio``) of a misspelt part of a longer name.
PART_CUTOFF = 85

# Scores of the match tiers in :func:`search`, best first; close spellings are scaled
# below the tiers that match by name.
_EXACT, _EXACT_CASELESS, _NORMALISED, _RELATED, _PREFIX = 100.0, 98.0, 95.0, 93.0, 90.0
_WORDS_LOW, _WORDS_HIGH = 70.0, 85.0
_FUZZY_SCALE, _PART_SCALE = 0.85, 0.75

#: How :func:`search` found each match, as the command line words it.
MATCH_KINDS = {
    _EXACT: "name",
    _EXACT_CASELESS: "name (any case)",
    _NORMALISED: "name (spelling variant)",
    _RELATED: "same name, generic word or acronym",
    _PREFIX: "name starts with it",
}


class UnknownConceptError(LookupError):
    """A concept id (or, on the command line, a name) that the graph does not hold."""


class NoConnectionError(nx.NetworkXNoPath):
    """No chain of relations links two concepts."""


# --- names -------------------------------------------------------------------------------

_PAREN = re.compile(r"\s*\(([^()]*)\)")
_SEPARATORS = re.compile(r"[\s_\-–—]+")


def normalise(name: str) -> str:
    """A name folded for lookup: lower case, hyphens and underscores as spaces, the last
    word without a plural ``s``.

    Examples
    --------
    >>> normalise("Plate_Tectonic  Boundaries"), normalise("ATPs"), normalise("loss")
    ('plate tectonic boundarie', 'atp', 'loss')
    """
    words = _SEPARATORS.sub(" ", name).strip().lower().split()
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and words[-1][-2] not in "su":
        words[-1] = words[-1][:-1]
    return " ".join(words)


def compact(norm: str) -> str:
    """A name folded by :func:`normalise`, without its spaces: words written apart,
    joined or hyphenated ("data base", "database", "data-base") are one spelling.

    >>> compact(normalise("Data-base")) == compact(normalise("database"))
    True
    """
    return norm.replace(" ", "")


def _variants(name: str) -> list[str]:
    """``name``, and for "ATP (adenosine triphosphate)" also "ATP" and the expansion."""
    found = [name]
    inner = [m.group(1).strip() for m in _PAREN.finditer(name)]
    if inner:
        found.append(" ".join(_PAREN.sub(" ", name).split()))
        found.extend(inner)
    return [v for v in found if v]


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


@dataclass(slots=True)
class _Index:
    """Everything the queries precompute for one graph."""

    importance: dict[Any, float]
    first_seen: dict[Any, tuple]
    # (node, name, lower-case name, normalised name) for every name and variant
    entries: list[tuple[Any, str, str, str]]
    exact: dict[str, list] = field(default_factory=dict)
    caseless: dict[str, list] = field(default_factory=dict)
    normalised: dict[str, list] = field(default_factory=dict)
    compact: dict[str, list] = field(default_factory=dict)  # normalised, without spaces
    norms: list[str] = field(default_factory=list)  # normalised name of each entry
    # sorted (name, entry position) pairs, for prefix lookups by bisection
    sorted_lower: list[tuple[str, int]] = field(default_factory=list)
    sorted_norm: list[tuple[str, int]] = field(default_factory=list)
    study: _StudyOrder | None = None
    # undirected weighted views for :func:`connect`, by edge filter
    routes: dict[tuple, nx.Graph] = field(default_factory=dict)


_CACHE_KEY = "concept_atlas.graph.query"


def _index(G: nx.MultiDiGraph) -> _Index:
    cache = getattr(G, "__networkx_cache__", None)
    if cache is not None and (index := cache.get(_CACHE_KEY)) is not None:
        return index
    sources = G.graph.get("sources") or []
    file_order: dict[str, int] = {}
    for i, s in enumerate(sources):
        path = str(s.get("path", ""))
        file_order.setdefault(path, i)
        file_order.setdefault(Path(path).name, i)
    importance, first_seen, entries = {}, {}, []
    for node, attrs in G.nodes(data=True):
        importance[node] = float(attrs.get("importance") or 0.0)
        seen = attrs.get("first_seen")
        first_seen[node] = (
            (0, file_order.get(seen[0], len(file_order)), str(seen[0]), seen[1])
            if seen
            else (1, 0, "", 0)
        )
        names = [str(node), str(attrs.get("label") or ""), *map(str, attrs.get("aliases") or ())]
        for variant in dict.fromkeys(v for name in names if name for v in _variants(name)):
            entries.append((node, variant, variant.lower(), normalise(variant)))
    index = _Index(importance, first_seen, entries)
    for node, name, lower, norm in entries:
        tables = (index.exact, name), (index.caseless, lower), (index.normalised, norm)
        for table, key in (*tables, (index.compact, compact(norm))):
            bucket = table.setdefault(key, [])
            if node not in bucket:
                bucket.append(node)
    index.norms = [norm for *_, norm in entries]
    index.sorted_lower = sorted((lower, i) for i, (_, _, lower, _) in enumerate(entries))
    index.sorted_norm = sorted((norm, i) for i, norm in enumerate(index.norms))
    if cache is not None:
        cache[_CACHE_KEY] = index
    return index


def _best(index: _Index, nodes: Iterable) -> Any:
    return min(nodes, key=lambda n: (-index.importance[n], index.first_seen[n], str(n)))


def resolve(G: nx.MultiDiGraph, name: str, *, cutoff: float = 85) -> Any | None:
    """The concept that ``name`` means, or None.

    Tried in order: the node id; a label, alias or id spelled exactly (also "ATP" and
    "adenosine triphosphate" for "ATP (adenosine triphosphate)"); the same ignoring
    case; the same after :func:`normalise`; the same with a generic head word
    (:data:`GENERIC_HEADS`) added or left out ("hash" finds "hash function");
    an acronym of the query's words ("central processing unit" finds "CPU"); and last a
    close spelling (rapidfuzz ``token_sort_ratio`` over normalised names, score >=
    ``cutoff``). A close spelling
    is not enough for short queries (<= :data:`SHORT_QUERY` characters), and a short
    all-caps query is an acronym that matches only as written: "MAP" never means
    "map". A lower-case short query may still find an acronym ("atp" finds "ATP").
    Several matches go to the most important concept.

    ``token_sort_ratio`` rather than ``WRatio``: WRatio scores any name that merely
    contains the query at 90, so "osmosis" would resolve to the first long title that
    mentions osmosis; :func:`search` uses WRatio, where containment is what is wanted.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("ATP (adenosine triphosphate)", label="ATP (adenosine triphosphate)")
    >>> G.add_node("map", label="map")
    >>> {resolve(G, q) for q in ("atp", "Adenosine Triphosphates", "adenosine triphospate")}
    {'ATP (adenosine triphosphate)'}
    >>> resolve(G, "MAP") is None, resolve(G, "Map")
    (True, 'map')
    """
    if name in G:
        return name
    query = " ".join(str(name).split())
    if not query:
        return None
    index = _index(G)
    short = len(query) <= SHORT_QUERY
    tables: list[tuple[dict[str, list], str]] = [(index.exact, query)]
    if not (short and _is_acronym(query)):
        tables += [(index.caseless, query.lower()), (index.normalised, normalise(query))]
        tables.append((index.compact, compact(normalise(query))))
    for table, key in tables:
        if found := table.get(key):
            return _best(index, found)
    if short:
        return None
    if found := _by_generic_head(index, normalise(query)) or _by_initials(index, query):
        return _best(index, found)
    matches = process.extract(
        normalise(query), index.norms, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff, limit=None
    )
    if not matches:
        return None
    top = max(score for _, score, _ in matches)
    return _best(index, (index.entries[i][0] for _, score, i in matches if score == top))


#: Head words a name may carry or leave out: "hash" and "hash function", "Krebs cycle"
#: and "Krebs cycle mechanism" name one concept.
GENERIC_HEADS = frozenset(
    "mechanism model architecture network method function problem algorithm technique".split()
)


def _by_generic_head(index: _Index, query: str) -> list:
    """Nodes named like ``query`` (normalised) with a generic head word added or left out."""
    words = query.split()
    if len(words) > 1 and words[-1] in GENERIC_HEADS:
        return list(index.normalised.get(" ".join(words[:-1]), ()))
    return [
        n for head in sorted(GENERIC_HEADS) for n in index.normalised.get(f"{query} {head}", ())
    ]


def _by_initials(index: _Index, query: str) -> list:
    """Nodes named only by an acronym of the words of ``query``: "central processing
    unit" is the "CPU", "gross domestic product" the "GDP" (a node that also has a
    spelled-out name, which the query did not match, is something else; a name with a
    digit, "MP3", "ES6", is no acronym of words).

    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from(["CPU", "MP3"])
    >>> resolve(G, "central processing unit"), resolve(G, "media player")
    ('CPU', None)
    """
    if len(query.split()) < 2:
        return []
    spelled = {node for node, name, _, _ in index.entries if len(name.split()) > 1}
    return [
        node
        for name, nodes in index.exact.items()
        if _is_acronym(name)
        and not any(ch.isdigit() for ch in name)  # "MP3" is no acronym of "melting point"
        and initials_match(name, query)
        for node in nodes
        if node not in spelled  # a spelled-out name the query did not match: not this one
    ]


@dataclass(frozen=True, slots=True)
class Match:
    """One concept :func:`search` found: its score, how it matched, and the name that did."""

    node: Any
    score: float
    kind: str
    name: str


def search(G: nx.MultiDiGraph, query: str, *, limit: int = 10) -> list[tuple[Any, float]]:
    """Concepts matching ``query``, best first, with a score from 0 to 100.

    Names that match score highest: exactly 100 (98 ignoring case, 95 after
    :func:`normalise`), with a generic head word added or dropped or as the acronym of
    the query's words 93 (as :func:`resolve`), names that start with the query 90. Then
    names that contain every word of the query, 70 to 85 as the query covers more of the
    name, and close spellings (rapidfuzz ``token_sort_ratio`` of whole names, at least
    :data:`SEARCH_CUTOFF`, or of a part of a longer name) scaled below 85 by closeness.
    A close spelling is offered only near the closest one (:data:`SPELLING_MARGIN`),
    and after a match by name only when it is very close (:data:`STRONG_SPELLING`): a
    weak look-alike never follows a strong hit. Queries of :data:`SHORT_QUERY`
    characters or fewer are not matched by spelling, and a short all-caps query matches
    acronyms only as written. Equal scores go to the more important concept.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("blood pressure", label="blood pressure", importance=0.5)
    >>> G.add_node("blood clotting", label="blood clotting", importance=0.9)
    >>> G.add_node("high blood pressure", aliases=["HBP"], importance=0.4)
    >>> G.add_node("intercept term", importance=1.0)
    >>> search(G, "blood")
    [('blood clotting', 90.0), ('blood pressure', 90.0), ('high blood pressure', 73.9)]
    >>> search(G, "hbp")
    [('high blood pressure', 98.0)]
    >>> search(G, "blood presure")
    [('blood pressure', 81.9), ('high blood pressure', 69.2)]
    """
    return [(m.node, m.score) for m in search_matches(G, query, limit=limit)]


def find_concepts(G: nx.MultiDiGraph, query: str, *, limit: int = 8) -> list:
    """The concepts ``query`` may mean, best first: :func:`search`'s matches, else
    :func:`resolve`'s. The app's search box, its path picker and the CLI's ``path``
    ask alike, so a short form the search box completes ("backprop") also names a
    learning path's target.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("osmosis", label="osmosis", importance=0.9)
    >>> G.add_node("osmotic pressure", label="osmotic pressure", importance=0.4)
    >>> find_concepts(G, "Osmosis"), find_concepts(G, "osmotic")
    (['osmosis'], ['osmotic pressure'])
    >>> find_concepts(G, "photosynthesis")
    []
    """
    matches = [node for node, _ in search(G, query, limit=limit)]
    if not matches and (found := resolve(G, query)) is not None:
        matches = [found]
    return matches


def search_matches(G: nx.MultiDiGraph, query: str, *, limit: int = 10) -> list[Match]:
    """:func:`search`, each result with how it matched (a :class:`Match`)."""
    query = " ".join(str(query).split())
    if not query or limit <= 0:
        return []
    index = _index(G)
    lower, norm = query.lower(), normalise(query)
    short = len(query) <= SHORT_QUERY
    acronym = short and _is_acronym(query)
    found: dict[Any, Match] = {}

    def offer(node: Any, score: float, kind: str, name: str) -> None:
        if node not in found or score > found[node].score:
            found[node] = Match(node, round(score, 1), kind, name)

    tiers = [(index.exact, query, _EXACT)]
    if not acronym:
        tiers += [(index.caseless, lower, _EXACT_CASELESS), (index.normalised, norm, _NORMALISED)]
        tiers.append((index.compact, compact(norm), _NORMALISED))
    for table, key, score in tiers:
        for node in table.get(key, ()):
            offer(node, score, MATCH_KINDS[score], key)
    if not short:
        for node in _by_generic_head(index, norm) or _by_initials(index, query):
            offer(node, _RELATED, MATCH_KINDS[_RELATED], query)
    for names, prefix in ((index.sorted_lower, lower), (index.sorted_norm, norm)):
        start = bisect.bisect_left(names, (prefix,))
        for name, i in names[start:]:
            if not name.startswith(prefix):
                break
            node, written = index.entries[i][:2]
            if not acronym or written.startswith(query):  # "MRI scanner", not "mrix"
                offer(node, _PREFIX, MATCH_KINDS[_PREFIX], written)
    key = query if acronym else norm
    words = re.compile(rf"(?<!\w){re.escape(key)}(?!\w)")
    for node, name, _, name_norm in index.entries:
        text = name if acronym else name_norm
        if text != key and words.search(text):
            share = len(key) / len(text)
            score = _WORDS_LOW + (_WORDS_HIGH - _WORDS_LOW) * min(1.0, share)
            offer(node, score, "name contains the words", name)
    if not short:
        strong = any(m.score >= _PREFIX for m in found.values())
        for match in _close_spellings(index, norm, strong):
            offer(*match)
    ranked = sorted(
        found.values(),
        key=lambda m: (-m.score, -index.importance[m.node], index.first_seen[m.node], str(m.node)),
    )
    return ranked[:limit]


def _close_spellings(index: _Index, norm: str, strong: bool) -> list[tuple[Any, float, str, str]]:
    """Names spelled close to ``norm`` (whole, or a part of a longer name), near the
    closest one: (node, score, kind, name)."""
    close: list[tuple[float, float, int, str]] = []  # (closeness, scale, entry, kind)
    for _, closeness, i in process.extract(
        norm, index.norms, scorer=fuzz.token_sort_ratio, score_cutoff=SEARCH_CUTOFF, limit=None
    ):
        close.append((closeness, _FUZZY_SCALE, i, "close spelling"))
    if not strong and len(norm) > SHORT_QUERY + 1:  # a typo in a part of a longer name
        parts = process.extract(
            norm, index.norms, scorer=fuzz.partial_ratio, score_cutoff=PART_CUTOFF, limit=None
        )
        for _, closeness, i in parts:
            if closeness < 100 and len(index.norms[i]) > len(norm) + 2:  # 100: the words
                close.append((closeness, _PART_SCALE, i, "close spelling of a part"))
    if not close:
        return []
    best = max(closeness for closeness, *_ in close)
    floor = max(best - SPELLING_MARGIN, STRONG_SPELLING if strong else SEARCH_CUTOFF)
    return [
        (index.entries[i][0], closeness * scale, kind, index.entries[i][1])
        for closeness, scale, i, kind in close
        if closeness >= floor
    ]


# --- exploring ---------------------------------------------------------------------------


def _require(G: nx.MultiDiGraph, *concepts: Any) -> None:
    for concept in concepts:
        if concept not in G:
            raise UnknownConceptError(f"no concept {concept!r} in the graph")


def _edge_filter(relations: Iterable[str] | None, min_confidence: float):
    wanted = None if relations is None else set(relations)
    if wanted is not None and (unknown := wanted - set(RELATIONS)):
        raise ValueError(f"unknown relation(s): {', '.join(sorted(unknown))}")

    def keep(attrs: dict) -> bool:
        if wanted is not None and attrs.get("relation") not in wanted:
            return False
        return float(attrs.get("confidence") or 0.0) >= min_confidence

    return keep


def neighbourhood(
    G: nx.MultiDiGraph,
    concept: Any,
    *,
    depth: int = 1,
    relations: Iterable[str] | None = None,
    min_confidence: float = 0.0,
) -> nx.MultiDiGraph:
    """The concepts within ``depth`` hops of ``concept``, in either direction, and the
    edges between them that pass the filters (a copy, graph attributes included).

    Parameters
    ----------
    G : networkx.MultiDiGraph
    concept : node
    depth : int
        Hops to follow; 0 gives the concept alone.
    relations : iterable of str, optional
        Follow and keep only these relations (default: all).
    min_confidence : float
        Follow and keep only edges at least this confident.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("nmr", "mri", relation="prerequisite_of", confidence=0.9)
    >>> _ = G.add_edge("coil", "mri", relation="part_of", confidence=0.8)
    >>> _ = G.add_edge("coil", "copper", relation="uses", confidence=0.4)
    >>> sorted(neighbourhood(G, "mri"))
    ['coil', 'mri', 'nmr']
    >>> sorted(neighbourhood(G, "mri", depth=2, min_confidence=0.5))
    ['coil', 'mri', 'nmr']
    >>> sorted(neighbourhood(G, "mri", depth=2, relations=["part_of", "uses"]))
    ['coil', 'copper', 'mri']
    """
    _require(G, concept)
    if depth < 0:
        raise ValueError("depth must be >= 0")
    keep = _edge_filter(relations, min_confidence)
    seen = {concept: 0}
    queue = deque([concept])
    while queue:
        node = queue.popleft()
        if seen[node] == depth:
            continue
        edges = [(v, a) for _, v, a in G.out_edges(node, data=True)]
        edges += [(u, a) for u, _, a in G.in_edges(node, data=True)]
        for other, attrs in edges:
            if other not in seen and keep(attrs):
                seen[other] = seen[node] + 1
                queue.append(other)
    H = nx.MultiDiGraph(**G.graph)
    H.add_nodes_from((n, G.nodes[n]) for n in seen)
    H.add_edges_from(
        (u, v, k, dict(a)) for u, v, k, a in G.subgraph(seen).edges(keys=True, data=True) if keep(a)
    )
    return H


#: How each relation reads from either end (``u -relation-> v``): from ``u``, then from
#: ``v``. The command line groups a concept's neighbours under these.
RELATION_PHRASES: dict[str, tuple[str, str]] = {
    "prerequisite_of": ("is needed for", "requires"),
    "is_a": ("is a kind of", "has kind"),
    "part_of": ("is part of", "has part"),
    "uses": ("uses", "is used by"),
    "addresses": ("addresses", "is addressed by"),
    "causes": ("causes", "is caused by"),
    "used_for": ("is used for", "is achieved with"),
    "example_of": ("is an example of", "has example"),
    "contrasts_with": ("contrasts with", "contrasts with"),
    "related_to": ("is named with (weak link)", "is named with (weak link)"),
}


#: Relations that read the same from either end (their groups do not split by direction).
UNDIRECTED = frozenset({"contrasts_with", "related_to"})


def phrase(relation: str, direction: str) -> str:
    """How ``relation`` reads from the end that ``direction`` names: ``"out"`` from its
    source, ``"in"`` from its target (``"both"`` for :data:`UNDIRECTED` relations).

    >>> phrase("part_of", "out"), phrase("part_of", "in"), phrase("likes", "in")
    ('is part of', 'has part', 'likes (inverse)')
    """
    forward, inverse = RELATION_PHRASES.get(relation, (relation, f"{relation} (inverse)"))
    return forward if direction == "out" else inverse


@dataclass(frozen=True, slots=True)
class Neighbour:
    """A concept reached from another (``via``), one hop nearer the centre.

    ``direction`` is ``"out"`` when the edge goes ``via -> node``, ``"in"`` when it goes
    ``node -> via``, ``"both"`` for an :data:`UNDIRECTED` relation; ``strength`` is
    :func:`graph.topics.edge_strength` (weak links count less than typed relations of the
    same confidence).
    """

    node: Any
    via: Any
    hop: int
    relation: str
    direction: str
    confidence: float
    strength: float
    evidence: tuple = ()


@dataclass(frozen=True, slots=True)
class NeighbourGroup:
    """The neighbours at one hop that one relation links the same way, strongest first."""

    hop: int
    relation: str
    direction: str
    members: tuple[Neighbour, ...]

    @property
    def phrase(self) -> str:
        return phrase(self.relation, self.direction)

    @property
    def strength(self) -> float:
        return self.members[0].strength if self.members else 0.0


def neighbour_groups(
    G: nx.MultiDiGraph,
    concept: Any,
    *,
    depth: int = 1,
    relations: Iterable[str] | None = None,
    min_confidence: float = 0.0,
) -> list[NeighbourGroup]:
    """The concepts around ``concept`` (those of :func:`neighbourhood`), grouped by hop and
    by relation, as a person reads them.

    Each concept at hop ``h`` is listed under every relation that links it to a concept
    at hop ``h - 1`` (the strongest such edge per relation and direction); edges between
    concepts of the same hop are left out. Groups come hop by hop, the group with the
    strongest link first (weak ``related_to`` links, worth a third, come late), and
    within a group the strongest link first, then the more important concept.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("nmr", "mri", relation="prerequisite_of", confidence=0.9)
    >>> _ = G.add_edge("coil", "mri", relation="part_of", confidence=0.8)
    >>> _ = G.add_edge("bore", "mri", relation="part_of", confidence=0.95)
    >>> _ = G.add_edge("mri", "tissue", relation="related_to", confidence=0.9)
    >>> _ = G.add_edge("copper", "coil", relation="uses", confidence=0.7)
    >>> for group in neighbour_groups(G, "mri", depth=2):
    ...     print(group.hop, group.phrase, [(m.node, m.via) for m in group.members])
    1 has part [('bore', 'mri'), ('coil', 'mri')]
    1 requires [('nmr', 'mri')]
    1 is named with (weak link) [('tissue', 'mri')]
    2 is used by [('copper', 'coil')]
    """
    index = _index(G)
    H = neighbourhood(G, concept, depth=depth, relations=relations, min_confidence=min_confidence)
    hops = nx.single_source_shortest_path_length(H.to_undirected(as_view=True), concept)
    best: dict[tuple[Any, str, str], Neighbour] = {}
    for u, v, attrs in H.edges(data=True):
        for near, far, direction in ((u, v, "out"), (v, u, "in")):
            if u == v or hops.get(far, 0) != hops.get(near, 0) + 1:
                continue
            relation = str(attrs.get("relation") or "related_to")
            if relation in UNDIRECTED:
                direction = "both"
            link = Neighbour(
                node=far,
                via=near,
                hop=hops[far],
                relation=relation,
                direction=direction,
                confidence=float(attrs.get("confidence") or 0.0),
                strength=edge_strength(attrs),
                evidence=tuple(attrs.get("evidence") or ()),
            )
            key = (far, relation, direction)
            if key not in best or link.strength > best[key].strength:
                best[key] = link
    grouped: dict[tuple[int, str, str], list[Neighbour]] = defaultdict(list)
    for link in best.values():
        grouped[(link.hop, link.relation, link.direction)].append(link)
    groups = [
        NeighbourGroup(
            hop,
            relation,
            direction,
            tuple(
                sorted(
                    links,
                    key=lambda m: (-m.strength, -index.importance[m.node], str(m.node)),
                )
            ),
        )
        for (hop, relation, direction), links in grouped.items()
    ]
    groups.sort(key=lambda g: (g.hop, -g.strength, g.relation == "related_to", g.phrase))
    return groups


#: Added to the cost of a chain for each concept it passes through that the notes never
#: define (no definition, no card): such a concept explains nothing.
UNDEFINED_STEP_COST = 1.0
#: Added, times log2(1 + n), for a concept whose name is part of the names of ``n`` of
#: its neighbours ("vector": force vector, unit vector, position vector...): a
#: generic word that links many concepts by their names, not by what they do.
GENERIC_STEP_COST = 1.0
#: Cost factor of a ``prerequisite_of`` edge (an inferred study order) against a typed
#: relation stated in the notes of the same confidence.
PREREQUISITE_STEP_FACTOR = 1.25


def _routes(G: nx.MultiDiGraph, relations: Iterable[str] | None, min_confidence: float):
    """Undirected view of the edges passing the filters, weighted for :func:`connect`
    (cached per filter)."""
    key = (None if relations is None else frozenset(relations), min_confidence)
    index = _index(G)
    if (H := index.routes.get(key)) is not None:
        return H
    keep = _edge_filter(relations, min_confidence)
    step = _step_costs(G)
    H = index.routes[key] = nx.Graph()
    H.add_nodes_from(G)
    for u, v, k, attrs in G.edges(keys=True, data=True):
        strength = edge_strength(attrs)
        if u == v or strength <= 0 or not keep(attrs):
            continue
        cost = 1.0 / strength
        if attrs.get("relation") == PREREQUISITE:
            cost *= PREREQUISITE_STEP_FACTOR
        cost += (step[u] + step[v]) / 2
        if not H.has_edge(u, v) or cost < H[u][v]["weight"]:
            H.add_edge(u, v, weight=cost, edge=(u, v, k))
    return H


def _step_costs(G: nx.MultiDiGraph) -> dict[Any, float]:
    """What passing through each concept adds to a chain (see :func:`connect`)."""
    costs = {}
    for node, attrs in G.nodes(data=True):
        cost = 0.0 if attrs.get("definition") or attrs.get("cards") else UNDEFINED_STEP_COST
        costs[node] = cost + GENERIC_STEP_COST * math.log2(1 + len(named_after(G, node)))
    return costs


def named_after(G: nx.MultiDiGraph, node: Any) -> list:
    """The neighbours of ``node`` whose names contain its name as whole words ("seismic
    wave" and "sound wave" for "wave").

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("seismic wave", "wave", relation="is_a")
    >>> _ = G.add_edge("wave", "microwaves", relation="prerequisite_of")
    >>> _ = G.add_edge("frequency", "wave", relation="uses")
    >>> named_after(G, "wave"), named_after(G, "frequency")
    (['seismic wave'], [])
    """
    attrs = G.nodes[node]
    names = {normalise(n) for n in (str(node), str(attrs.get("label") or "")) if n}
    patterns = [re.compile(rf"(?<!\w){re.escape(n)}(?!\w)") for n in names if len(n) >= 3]
    found = []
    for other in dict.fromkeys([*G.predecessors(node), *G.successors(node)]):
        other_name = normalise(str(other))
        if other != node and any(p.search(other_name) for p in patterns):
            found.append(other)
    return found


def connect(
    G: nx.MultiDiGraph,
    a: Any,
    b: Any,
    *,
    relations: Iterable[str] | None = None,
    min_confidence: float = 0.0,
) -> list[dict]:
    """The best-explained chain of relations from ``a`` to ``b``.

    Edges are walked in either direction. A step costs ``1 / edge_strength``
    (:func:`graph.topics.edge_strength`: weak ``related_to`` links count a third), a
    ``prerequisite_of`` step (inferred, not stated) :data:`PREREQUISITE_STEP_FACTOR` times
    that; passing through a concept adds :data:`UNDEFINED_STEP_COST` when the notes never
    define it, and :data:`GENERIC_STEP_COST` times ``log2(1 + n)`` when its name is part
    of ``n`` of its neighbours' names (:func:`named_after`: a generic word such as
    "vector"). The cheapest chain prefers few, confident, typed relations through
    concepts the notes explain, over generic hubs and weak links.

    Returns
    -------
    list of dict
        One step per hop, ``{"source", "target", "relation", "confidence", "evidence",
        "label", "direction", "weak"}``: ``source -> target`` follow the chain from
        ``a``, ``direction`` is ``"forward"`` when the graph's edge points that way, else
        ``"backward"``, and ``weak`` says the step is a ``related_to`` link. Empty when
        ``a == b``.

    Raises
    ------
    UnknownConceptError
        ``a`` or ``b`` is not in the graph.
    NoConnectionError
        No chain of (filtered) edges links them.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("levee", "flooding", relation="addresses", confidence=0.9)
    >>> _ = G.add_edge("storm", "flooding", relation="causes", confidence=0.8)
    >>> [(s["source"], s["relation"], s["direction"]) for s in connect(G, "levee", "storm")]
    [('levee', 'addresses', 'forward'), ('flooding', 'causes', 'backward')]
    """
    _require(G, a, b)
    if a == b:
        return []
    H = _routes(G, relations, min_confidence)
    try:
        nodes = nx.dijkstra_path(H, a, b, weight="weight")
    except nx.NetworkXNoPath:
        raise NoConnectionError(f"no chain of relations links {a!r} and {b!r}") from None
    steps = []
    for here, there in itertools.pairwise(nodes):
        u, v, k = H[here][there]["edge"]
        attrs = G.edges[u, v, k]
        steps.append(
            {
                "source": here,
                "target": there,
                "relation": attrs.get("relation"),
                "confidence": attrs.get("confidence"),
                "evidence": list(attrs.get("evidence") or []),
                "label": attrs.get("label") or "",
                "direction": "forward" if u == here else "backward",
                "weak": attrs.get("relation") == "related_to",
            }
        )
    return steps


def strong_relations() -> list[str]:
    """Every relation but the weak ``related_to``: what :func:`connect` is asked to use
    to tell whether two concepts are linked by more than weak links."""
    return [r for r in RELATIONS if r != "related_to"]


# --- study order -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NextStep:
    """A concept to learn next, and how much of what it needs is already known.

    Attributes
    ----------
    node : node
        The concept.
    known : tuple
        Its ``prerequisite_of`` predecessors that are known, strongest first.
    missing : tuple
        Its predecessors still to learn, strongest first.
    dependence : float
        The share of its prerequisites that is known, weighted by their confidence
        (1.0: every one is known; 0.0 for a concept with none).
    """

    node: Any
    known: tuple
    missing: tuple
    dependence: float

    @property
    def ready(self) -> bool:
        return not self.missing


def next_steps(G: nx.MultiDiGraph, known: Collection) -> list[NextStep]:
    """What the ``known`` concepts unlock, ranked by how much it depends on them, then
    what needs nothing first.

    A concept is unlocked when at least one of its ``prerequisite_of`` predecessors is
    known. Unlocked concepts come first: the larger the share of their prerequisites
    that is known (by confidence; every one known first), then the more confidently they
    rest on the known ones, then the more important. Concepts with no prerequisite at
    all follow, by importance. Prerequisites weaker than :data:`STUDY_MIN_CONFIDENCE`
    are not followed (as for learning paths); known concepts are never suggested.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("nmr", "mri", relation="prerequisite_of", confidence=0.9)
    >>> _ = G.add_edge("coils", "mri", relation="prerequisite_of", confidence=0.9)
    >>> _ = G.add_edge("nmr", "relaxation", relation="prerequisite_of", confidence=0.6)
    >>> G.add_node("diffusion", importance=1.0)
    >>> [(s.node, s.missing, s.dependence) for s in next_steps(G, {"nmr"})]
    [('relaxation', (), 1.0), ('mri', ('coils',), 0.5), ('diffusion', (), 0.0), ('coils', (), 0.0)]
    """
    index, study = _study(G)
    known = set(known)

    def strength(parent: Any, node: Any) -> float:
        return study.strength[(parent, node)]

    steps = []
    for node, parents in study.parents.items():
        if node in known:
            continue
        on = sorted((p for p in parents if p in known), key=lambda p: -strength(p, node))
        off = sorted((p for p in parents if p not in known), key=lambda p: -strength(p, node))
        if parents and not on:
            continue
        total = sum(strength(p, node) for p in parents)
        share = sum(strength(p, node) for p in on) / total if total else 0.0
        steps.append(NextStep(node, tuple(on), tuple(off), round(share, 3)))

    def rank(step: NextStep) -> tuple:
        rests_on = sum(strength(p, step.node) for p in step.known)
        return (
            not step.known,
            -step.dependence,
            -rests_on,
            -index.importance[step.node],
            index.first_seen[step.node],
            str(step.node),
        )

    return sorted(steps, key=rank)


def what_next(G: nx.MultiDiGraph, known: Collection) -> list:
    """The concepts of :func:`next_steps`, in its order: what the ``known`` concepts
    unlock (those that rest most on them first), then what needs nothing first.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("nmr", "mri", relation="prerequisite_of", confidence=0.9)
    >>> _ = G.add_edge("mri", "fmri", relation="prerequisite_of", confidence=0.9)
    >>> G.add_node("ct", importance=1.0)
    >>> what_next(G, {"nmr"}), what_next(G, set())
    (['mri', 'ct'], ['ct', 'nmr'])
    """
    return [step.node for step in next_steps(G, known)]


def _mention_pattern(G: nx.MultiDiGraph, node: Any) -> re.Pattern[str] | None:
    attrs = G.nodes[node]
    names = {str(node), str(attrs.get("label") or ""), *map(str, attrs.get("aliases") or ())}
    names = {v for name in names for v in _variants(name) if len(v) >= 2}
    if not names:
        return None
    parts = [
        f"(?-i:{re.escape(n)})" if _is_acronym(n) else re.escape(n)
        for n in sorted(names, key=len, reverse=True)
    ]
    return re.compile(rf"\b(?:{'|'.join(parts)})(?:s|es)?\b", re.IGNORECASE)


def gaps(G: nx.MultiDiGraph) -> list[dict]:
    """Concepts the notes use but never define: no definition and no card of their own,
    yet cited by other concepts.

    A concept is cited by another when an edge with evidence links the two (either
    way) or when its name appears in the other's definition.

    Returns
    -------
    list of dict
        ``{"concept", "label", "used_by": [ids], "message"}``, most cited first (then
        most important, then id).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("mri", label="MRI", definition="An NMR scan of tissue.", cards=["n#1"])
    >>> G.add_node("fmri", label="fMRI", definition="An NMR scan of blood flow.", cards=["n#2"])
    >>> G.add_node("NMR", label="NMR", definition="", cards=[])
    >>> [(g["concept"], g["used_by"], g["message"]) for g in gaps(G)]
    [('NMR', ['fmri', 'mri'], 'you have no card for NMR')]
    """
    index = _index(G)
    found = []
    for node, attrs in G.nodes(data=True):
        if attrs.get("definition") or attrs.get("cards"):
            continue
        users = set()
        for u, v, a in [*G.in_edges(node, data=True), *G.out_edges(node, data=True)]:
            other = v if u == node else u
            if other != node and a.get("evidence"):
                users.add(other)
        pattern = _mention_pattern(G, node)
        if pattern is not None:
            users.update(
                other
                for other, definition in G.nodes(data="definition")
                if other != node and definition and pattern.search(str(definition))
            )
        if users:
            label = str(attrs.get("label") or node)
            found.append(
                {
                    "concept": node,
                    "label": label,
                    "used_by": sorted(users, key=str),
                    "message": f"you have no card for {label}",
                }
            )
    found.sort(
        key=lambda g: (-len(g["used_by"]), -index.importance[g["concept"]], str(g["concept"]))
    )
    return found


# --- command line ------------------------------------------------------------------------


def at_least(minimum: int):
    """An argparse type: a whole number no smaller than ``minimum``, or one clear error.

    >>> at_least(1)("3"), at_least(0)("0")
    (3, 0)
    >>> at_least(1)("-5")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: must be a whole number of at least 1, not '-5'
    """

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = None
        if number is None or number < minimum:
            raise argparse.ArgumentTypeError(
                f"must be a whole number of at least {minimum}, not {value!r}"
            )
        return number

    parse.__name__ = f"at_least_{minimum}"
    return parse


def confidence(value: str) -> float:
    """An argparse type: a confidence from 0 to 1 (``nan``, ``inf``, ``5`` refused).

    >>> confidence("0.5")
    0.5
    >>> confidence("nan")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: a confidence is a number from 0 to 1, not 'nan'
    """
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not 0.0 <= number <= 1.0:  # false for nan too
        raise argparse.ArgumentTypeError(f"a confidence is a number from 0 to 1, not {value!r}")
    return number


def add_cli(subparsers: argparse._SubParsersAction) -> None:
    """Add ``search``, ``neighbourhood``, ``connect``, ``path``, ``next``, ``gaps`` and
    ``topics`` to ``python -m graph``.

    Every command reads ``--graph FILE`` (concept-graph/1), prints for people by default
    and JSON with ``--json``, and reports errors on stderr with exit status 1 (2 for bad
    arguments). Concepts are given by id, label, alias or close spelling (:func:`resolve`).

    ``path TARGET...`` maps each TARGET, as typed, to the node ids of its learning path
    (``null`` when TARGET names no concept, with a message on stderr); it exits 0 when
    at least one TARGET was found, 1 when none was. ``--known`` names that match no
    concept are reported on stderr and ignored.
    """

    def command(name: str, handler, help: str) -> argparse.ArgumentParser:
        parser = subparsers.add_parser(name, help=help)
        parser.add_argument("--graph", required=True, metavar="FILE", help="a graph JSON file")
        parser.add_argument("--json", action="store_true", help="print JSON")
        parser.set_defaults(func=lambda args: _run(handler, args))
        return parser

    p = command("search", _cli_search, "find concepts by name or close spelling")
    p.add_argument("query")
    p.add_argument("--limit", type=at_least(1), default=10, metavar="N")

    p = command("neighbourhood", _cli_neighbourhood, "concepts around a concept, by relation")
    p.add_argument("concept")
    p.add_argument("--depth", type=at_least(0), default=1, metavar="N")
    p.add_argument("--relation", action="append", choices=RELATIONS, metavar="R")
    p.add_argument("--min-confidence", type=confidence, default=0.0, metavar="X")
    p.add_argument(
        "--limit",
        type=at_least(0),
        default=8,
        metavar="N",
        help="concepts shown per group (0: all)",
    )

    p = command("connect", _cli_connect, "how two concepts are related")
    p.add_argument("a")
    p.add_argument("b")

    p = command("path", _cli_path, "what to study, in order, to learn each TARGET")
    p.add_argument("targets", nargs="+", metavar="TARGET")
    p.add_argument("--known", nargs="+", default=[], metavar="C")

    p = command("next", _cli_next, "what the known concepts unlock, to learn next")
    p.add_argument("--known", nargs="+", default=[], metavar="C")
    p.add_argument("--limit", type=at_least(1), default=10, metavar="N")

    command("gaps", _cli_gaps, "concepts the notes use but never define")

    p = command("topics", _cli_topics, "the topics and their main concepts")
    p.add_argument(
        "--top", type=at_least(1), default=5, metavar="N", help="concepts shown per topic"
    )


def _run(handler, args: argparse.Namespace) -> int:
    try:
        G = read_graph(args.graph)
        return handler(G, args)
    except (GraphFileError, UnknownConceptError, NoConnectionError, ValueError) as exc:
        echo(f"error: {exc}", file=sys.stderr)
        return 1


def _print_json(payload: Any) -> None:
    echo_json(payload, indent=1)


def _concept(G: nx.MultiDiGraph, name: str) -> Any:
    node = resolve(G, name)
    if node is None:
        raise UnknownConceptError(f"no concept matches {name!r} (try `search`)")
    return node


def _target(G: nx.MultiDiGraph, name: str) -> Any | None:
    """The concept a typed name means, as the app's search box finds it
    (:func:`find_concepts`); when it is not the name as typed, say which concept was
    taken on stderr."""
    matches = find_concepts(G, name, limit=1)
    if not matches:
        return None
    node = matches[0]
    names = [node, G.nodes[node].get("label", node), *G.nodes[node].get("aliases", ())]
    if normalise(name) not in {normalise(str(n)) for n in names}:
        echo(f"note: {name!r} taken as {_label(G, node)!r}", file=sys.stderr)
    return node


def _known(G: nx.MultiDiGraph, names: Iterable[str]) -> set:
    known = set()
    for name in names:
        node = _target(G, name)
        if node is None:
            echo(f"warning: --known {name!r} matches no concept; ignored", file=sys.stderr)
        else:
            known.add(node)
    return known


def _label(G: nx.MultiDiGraph, node: Any) -> str:
    return str(G.nodes[node].get("label") or node)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _first_line(text: Any) -> str:
    return next((line.strip() for line in str(text or "").splitlines() if line.strip()), "")


def _cli_search(G: nx.MultiDiGraph, args: argparse.Namespace) -> int:
    results = search_matches(G, args.query, limit=args.limit)
    if args.json:
        _print_json(
            [
                {"id": m.node, "label": _label(G, m.node), "score": m.score, "match": m.kind}
                for m in results
            ]
        )
    elif results:
        for m in results:
            why = m.kind if m.name == _label(G, m.node) else f"{m.kind}: {m.name}"
            echo(f"{m.score:5.1f}  {_label(G, m.node)}  [{m.node}]  ({why})")
    else:
        echo(f"no concept matches {args.query!r}", file=sys.stderr)
    return 0 if results else 1


def _cli_neighbourhood(G: nx.MultiDiGraph, args: argparse.Namespace) -> int:
    from graph.counts import edge_counts

    node = _concept(G, args.concept)
    options = {"depth": args.depth, "relations": args.relation}
    options["min_confidence"] = args.min_confidence
    H = neighbourhood(G, node, **options)
    groups = neighbour_groups(G, node, **options)
    if args.json:
        payload = graph_to_data(H)
        payload["groups"] = [
            {
                "hop": g.hop,
                "relation": g.relation,
                "direction": g.direction,
                "phrase": g.phrase,
                "concepts": [
                    {
                        "id": m.node,
                        "label": _label(G, m.node),
                        "via": m.via,
                        "confidence": m.confidence,
                    }
                    for m in g.members
                ],
            }
            for g in groups
        ]
        _print_json(payload)
        return 0
    around = H.number_of_nodes() - 1
    hops = "1 hop" if args.depth == 1 else f"{args.depth} hops"
    echo(f"{_label(G, node)}: {_plural(around, 'concept')} within {hops},")
    echo(f"  {edge_counts(H).describe()} among them")
    limit = args.limit if args.limit > 0 else None
    for hop in sorted({g.hop for g in groups}):
        at_hop = [g for g in groups if g.hop == hop]
        reached = len({m.node for g in at_hop for m in g.members})
        echo()
        echo(f"{hop} hop{'s' if hop > 1 else ''} away: {_plural(reached, 'concept')}")
        if hop == 1:
            echo(f"  {_label(G, node)} …")
            for g in at_hop:
                _print_group(G, g.phrase, g.members, limit, "    ")
            continue
        through: dict[Any, list[Neighbour]] = defaultdict(list)
        for g in at_hop:
            for m in g.members:
                through[m.via].append(m)
        order = sorted(through, key=lambda via: -max(m.strength for m in through[via]))
        for via in order:
            echo(f"  through {_label(G, via)} …")
            by_group: dict[tuple[str, str], list[Neighbour]] = defaultdict(list)
            for m in through[via]:
                by_group[(m.relation, m.direction)].append(m)
            for (relation, direction), members in sorted(
                by_group.items(), key=lambda item: -item[1][0].strength
            ):
                _print_group(G, phrase(relation, direction), members, limit, "    ")
    return 0


def _print_group(G: nx.MultiDiGraph, name: str, members, limit: int | None, indent: str) -> None:
    """One relation's concepts on (wrapped) lines: ``is part of: a (0.90), b (0.70)``."""
    import textwrap

    # escaped before wrapping: textwrap would turn a newline or a tab in a label into a
    # space, and a line it wraps must not cut an escape in two
    shown = [f"{for_terminal(_label(G, m.node))} ({m.confidence:.2f})" for m in members[:limit]]
    if len(shown) < len(members):
        shown.append(f"… {len(members) - len(shown)} more (--limit 0 lists all)")
    for line in textwrap.wrap(
        f"{name}: " + ", ".join(shown),
        width=100,
        initial_indent=indent,
        subsequent_indent=indent + "    ",
        break_on_hyphens=False,
    ):
        echo(line)


def only_weak(G: nx.MultiDiGraph, a: Any, b: Any, steps: list[dict[str, Any]]) -> bool:
    """Does every chain from ``a`` to ``b`` need a weak link (``steps``, from
    :func:`connect`, has one and no chain of stated relations alone joins them)?"""
    if not any(step["weak"] for step in steps):
        return False
    try:
        connect(G, a, b, relations=strong_relations())
    except NoConnectionError:
        return True
    return False


def weak_links_note(steps: list[dict[str, Any]], weak_only: bool) -> str:
    """What a chain of :func:`connect` owes to weak links, in words ("" for none): the
    command line and the app say it the same way.

    >>> weak_links_note([{"weak": True}, {"weak": False}], True)[:58]
    'No chain of stated relations joins them: 1 of the 2 steps '
    """
    weak = sum(bool(step["weak"]) for step in steps)
    if weak_only and weak == len(steps):
        return (
            "Only weak links join them: the notes name them together but state no relation "
            "between them."
        )
    if weak_only:  # some steps are stated relations, but no chain of those alone
        return (
            f"No chain of stated relations joins them: {weak} of the {len(steps)} steps "
            f"{'is a weak link' if weak == 1 else 'are weak links'} (concepts the notes only "
            "name together)."
        )
    if weak:
        return f"{_plural(weak, 'step')} of {len(steps)} only named together (weak links)."
    return ""


def _cli_connect(G: nx.MultiDiGraph, args: argparse.Namespace) -> int:
    a, b = _concept(G, args.a), _concept(G, args.b)
    steps = connect(G, a, b)
    weak_only = only_weak(G, a, b, steps)
    if args.json:
        _print_json({"from": a, "to": b, "steps": steps, "only_weak_links": weak_only})
        return 0
    if not steps:
        echo(f"{_label(G, a)} and {_label(G, b)} are the same concept")
        return 0
    echo(f"{_label(G, a)} → {_label(G, b)}: {_plural(len(steps), 'step')}")
    for step in steps:
        name = phrase(step["relation"], "out" if step["direction"] == "forward" else "in")
        source, target = _label(G, step["source"]), _label(G, step["target"])
        echo(f"  {source} {name} {target}  ({float(step['confidence'] or 0):.2f})")
        for e in step["evidence"][:1]:
            echo(f"      “{e['text']}” ({e['source']}:{e['line']})")
    undefined = [
        _label(G, step["target"])
        for step in steps[:-1]
        if not (G.nodes[step["target"]].get("definition") or G.nodes[step["target"]].get("cards"))
    ]
    if note := weak_links_note(steps, weak_only):
        echo(note)
    if undefined:
        echo("Through concepts your notes never define: " + ", ".join(undefined) + ".")
    return 0


#: What ``path`` prints for a step the notes never define (flagged, not hidden).
UNDEFINED_STEP = "(your notes do not define it)"


def _cli_path(G: nx.MultiDiGraph, args: argparse.Namespace) -> int:
    known = _known(G, args.known)
    paths: dict[str, list | None] = {}
    for target in args.targets:
        node = _target(G, target)
        if node is None:
            echo(f"error: no concept matches {target!r}", file=sys.stderr)
            paths[target] = None
        else:
            paths[target] = learning_path(G, node, known=known)
    if args.json:
        _print_json(paths)
    else:
        for path in paths.values():
            if path is not None:
                _echo_path(G, path)
    return 0 if any(path is not None for path in paths.values()) else 1


#: How many later steps ``path`` names for each step, with the sentence of each.
NEEDED_FOR_SHOWN = 2


def _echo_path(G: nx.MultiDiGraph, path: list) -> None:
    """A learning path for people: each step with its definition (or, for a step the
    notes never define, the sentence that names it) and the later steps the notes make
    it a prerequisite of, each with the sentence that says so."""
    from graph.export._base import mentions_of, needed_for  # not on every query's path

    def cite(found: dict) -> str:
        where = f" ({found['source']}:{found['line']})" if found.get("source") else ""
        return f"“{' '.join(str(found['text']).split())}”{where}"

    why = needed_for(G, path)
    echo(f"To learn {_label(G, path[-1])}: {_plural(len(path), 'step')}")
    for i, node in enumerate(path, 1):
        definition = _first_line(G.nodes[node].get("definition"))
        echo(f"  {i}. {_label(G, node)} — {definition or UNDEFINED_STEP}")
        quoted = {str(n.evidence["text"]) for n in why[node][:NEEDED_FOR_SHOWN] if n.evidence}
        if not definition:  # a sentence that names it, not one quoted below it anyway
            named = [m for m in mentions_of(G, node, limit=3) if str(m["text"]) not in quoted]
            for found in named[:1]:
                echo(f"       named in: {cite(found)}")
        for need in why[node][:NEEDED_FOR_SHOWN]:
            said = f": {cite(need.evidence)}" if need.evidence else ""
            echo(f"       needed for {need.step}. {_label(G, need.node)}{said}")
        if len(why[node]) > NEEDED_FOR_SHOWN:
            more = len(why[node]) - NEEDED_FOR_SHOWN
            echo(f"       and for {_plural(more, 'later step')}")


def _cli_next(G: nx.MultiDiGraph, args: argparse.Namespace) -> int:
    known = _known(G, args.known)
    steps = next_steps(G, known)[: args.limit]
    if args.json:
        _print_json(
            [
                {
                    "id": step.node,
                    "label": _label(G, step.node),
                    "dependence": step.dependence,
                    "known_prerequisites": list(step.known),
                    "missing_prerequisites": list(step.missing),
                }
                for step in steps
            ]
        )
        return 0
    if known:
        names = ", ".join(sorted(_label(G, n) for n in known))
        echo(f"Knowing {names}, learn next (what rests most on it first):")
    else:
        echo("Nothing known yet; concepts that need nothing first, most important first:")
    for i, step in enumerate(steps, 1):
        line = f"{i}. {_label(G, step.node)}"
        if step.known:
            total = len(step.known) + len(step.missing)
            line += f" — builds on {', '.join(_label(G, n) for n in step.known)}"
            if step.missing:
                line += f" ({len(step.known)} of {total} prerequisites known, "
                line += f"{step.dependence:.0%} by weight); still needs: "
                line += ", ".join(_label(G, n) for n in step.missing[:4])
                line += " …" if len(step.missing) > 4 else ""
            else:
                line += " (every prerequisite known: ready)"
        elif known:
            line += " — needs nothing first"
        echo(line)
    return 0


def _cli_gaps(G: nx.MultiDiGraph, args: argparse.Namespace) -> int:
    found = gaps(G)
    if args.json:
        _print_json(found)
        return 0
    if not found:
        echo("no gaps: every concept the notes rely on has a card")
    for gap in found:
        echo(f"{gap['message']} (used by {_plural(len(gap['used_by']), 'concept')})")
    return 0


def _cli_topics(G: nx.MultiDiGraph, args: argparse.Namespace) -> int:
    members: dict[str, list] = defaultdict(list)
    for node, topic in G.nodes(data="topic"):
        members[str(topic or "")].append(node)
    importance = _index(G).importance
    topics = [
        {
            "topic": topic,
            "size": len(nodes),
            "top": sorted(nodes, key=lambda n: (-importance[n], str(n)))[: args.top],
        }
        for topic, nodes in members.items()
    ]
    topics.sort(key=lambda t: (-t["size"], t["topic"]))
    if args.json:
        _print_json(topics)
        return 0
    for t in topics:
        echo(
            f"{t['topic'] or '(no topic)'} ({_plural(t['size'], 'concept')}): "
            + ", ".join(_label(G, n) for n in t["top"])
        )
    return 0
