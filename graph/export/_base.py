"""What every export module shares: the record of a written export, how a writer
recognises its own files, and small text helpers for note text.

Characters that no export writes as they are, and what they become (stated once here;
``tests/graph/test_export_property.py`` checks every format against it):

* lone surrogates (``"\\ud800"``: a JSON escape or an undecodable file name can give
  one) cannot be encoded in UTF-8, and U+FFFE and U+FFFF are not characters that XML 1.0
  or YAML may hold: each becomes U+FFFD (:data:`REPLACEMENT`) in every format;
* in text kept on several lines (definitions in the guide, Obsidian and Anki; every field
  of GraphML, GEXF and CSV), control characters other than tab and line breaks (NUL,
  ESC, Anki's field separator U+001F, DEL, C1 controls) become U+FFFD too
  (:func:`writable`): XML 1.0 forbids most of them, Anki splits fields on U+001F, a
  terminal acts on ESC;
* in text on one line (titles, headings, labels, links, DOT, Mermaid and pictures),
  control and format characters (bidi overrides, zero-width characters) are dropped and
  white space, line and paragraph separators (U+2028, U+2029) included, becomes one
  space (:func:`one_line`).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from graph.counts import EdgeCounts, edge_counts
from graph.topics import SYMMETRIC_RELATIONS

#: Put in (or beside) every file an export writes, so that the next export recognises
#: the file as its own and may replace it (:func:`graph.io.replace_file`).
MARK = "Written by Concept Atlas"

#: Legend name of concepts without a topic (as :data:`graph.render.NO_TOPIC`).
NO_TOPIC = "(no topic)"


@dataclass(frozen=True, slots=True)
class Written:
    """What an export wrote.

    Attributes
    ----------
    path : pathlib.Path
        The file, or the folder of a folder format.
    format : str
        The export format.
    graph : networkx.MultiDiGraph
        The concepts and relations exported.
    total : int
        Concepts selected before a cap on how many are drawn (``graph`` has fewer when
        the export was capped; the export says so itself).
    items : int or None
        What the format counts, when that is not one per concept (notes in an Anki deck).
    headline : str
        What was written, when not the concepts and relations ("216 Anki notes ...").
    remarks : tuple of str
        What the student should know about this export ("left out: 12 concepts ...").
    """

    path: Path
    format: str
    graph: nx.MultiDiGraph
    total: int
    items: int | None = None
    headline: str = ""
    remarks: tuple[str, ...] = field(default=())

    @property
    def concepts(self) -> int:
        return self.graph.number_of_nodes()

    @property
    def relations(self) -> EdgeCounts:
        return edge_counts(self.graph)

    def describe(self) -> str:
        """One line for the command line, its numbers worded by :mod:`graph.counts`.

        >>> G = nx.MultiDiGraph()
        >>> _ = G.add_edge("nmr", "mri", relation="prerequisite_of")
        >>> written = Written(Path("map.png"), "png", G, total=5)
        >>> print(written.describe())  # doctest: +NORMALIZE_WHITESPACE
        wrote map.png: 2 of 5 concepts (the most important), 1 relation (0 typed, 1 prerequisite,
        0 weak links)
        """
        concepts = plural(self.concepts, "concept")
        if self.total > self.concepts:
            concepts = f"{self.concepts} of {plural(self.total, 'concept')} (the most important)"
        line = f"wrote {self.path}: {self.headline or f'{concepts}, {self.relations.describe()}'}"
        return line + "".join(f"\n  {remark}" for remark in self.remarks)


def label(G: nx.MultiDiGraph, node: Any) -> str:
    return str(G.nodes[node].get("label") or node)


def topic(attrs: Mapping[str, Any]) -> str:
    return str(attrs.get("topic") or "").strip() or NO_TOPIC


def importance(attrs: Mapping[str, Any]) -> float:
    try:
        value = float(attrs.get("importance") or 0.0)
    except (TypeError, ValueError):
        return 0.0
    return min(1.0, max(0.0, value)) if math.isfinite(value) else 0.0


def confidence(attrs: Mapping[str, Any]) -> float:
    """An edge's confidence, 0..1 (0 when it has none or not a number)."""
    return importance({"importance": attrs.get("confidence")})


def evidence(attrs: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """An edge's evidence dicts that hold a sentence."""
    return [e for e in attrs.get("evidence") or () if isinstance(e, Mapping) and e.get("text")]


def citation(found: Mapping[str, Any] | None) -> str:
    """``"notes.md, line 12"`` for an evidence dict (``""`` when it has no source)."""
    if not found or not found.get("source"):
        return ""
    line = found.get("line")
    return f"{found['source']}, line {line}" if line else str(found["source"])


#: What a character that an export cannot write becomes (see the module's docstring).
REPLACEMENT = "\ufffd"
#: Lone surrogates and the two non-characters that XML 1.0 and YAML refuse.
_UNENCODABLE = re.compile("[\ud800-\udfff\ufffe\uffff]")
#: Those and the control characters other than tab, line feed and carriage return.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def encodable(text: str) -> str:
    """``text`` with lone surrogates, U+FFFE and U+FFFF replaced by U+FFFD.

    >>> encodable("a\\ud800b\\uffff") == "a\\ufffdb\\ufffd"
    True
    """
    return _UNENCODABLE.sub(REPLACEMENT, text)


def writable(text: str) -> str:
    """``text`` with what :func:`encodable` replaces and every control character but tab,
    line feed and carriage return replaced by U+FFFD.

    >>> writable("a\\x1fb\\x00c\\td") == "a\\ufffdb\\ufffdc\\td"
    True
    """
    return _UNWRITABLE.sub(REPLACEMENT, text)


def drop_controls(text: str, keep: str) -> str:
    """``text`` without control and format characters (but those in ``keep``), and with
    what :func:`encodable` replaces replaced."""
    text = encodable(text)
    return "".join(c for c in text if c in keep or unicodedata.category(c) not in ("Cc", "Cf"))


def one_line(text: Any) -> str:
    """Note text on one line: control and format characters dropped, white space (line
    and paragraph separators included) collapsed to one space.

    >>> one_line("a\\u2028b\\x1b[2J\\u202ec\\n d")
    'a b[2Jc d'
    """
    return " ".join(drop_controls(str(text), keep="\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85").split())


def cut(text: Any, limit: int) -> str:
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def plural(n: int, word: str) -> str:
    """``n`` and ``word``, plural unless ``n`` is 1.

    >>> plural(1, "concept"), plural(1234, "topic")
    ('1 concept', '1,234 topics')
    """
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def slug(text: str) -> str:
    """``text`` as a tag: lower-case ASCII words joined by hyphens (``"topic"`` if none)."""
    found = re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", text).lower()).strip("-")
    return found or "topic"


#: How many sentences of the notes stand in for a definition the notes never give.
MENTIONS_SHOWN = 2


def concept_names(G: nx.MultiDiGraph, node: Hashable) -> list[str]:
    """The names ``node`` goes by: its label, id and aliases, and both halves of a label
    that glosses one name with another ("Osmosis (diffusion of water)"), longest first.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("plate tectonics", label="Plate tectonics (PT)", aliases=["plates"])
    >>> concept_names(G, "plate tectonics")
    ['Plate tectonics (PT)', 'Plate tectonics', 'plate tectonics', 'plates', 'PT']
    """
    attrs = G.nodes[node]
    label = str(attrs.get("label") or node)
    names = [label]
    if (gloss := re.fullmatch(r"(.+?)\s*\((.+)\)", label)) is not None:
        names += [gloss.group(1), gloss.group(2)]
    names += [str(node), *map(str, attrs.get("aliases") or ())]
    unique = dict.fromkeys(name.strip() for name in names if name.strip())
    return sorted(unique, key=len, reverse=True)


def _name_fold(name: str) -> str:
    """``name`` in lower case, with hyphens, underscores, slashes and runs of spaces as one
    space: how two spellings of one name are compared."""
    return " ".join(re.sub(r"[-_/–—]+", " ", name).lower().split())


def _plurals(folded: str) -> set[str]:
    """The regular plurals of a folded name's last word ("enzyme" -> "enzymes", "flux"
    -> "fluxes", "property" -> "properties")."""
    found = {folded + "s", folded + "es"}
    if folded.endswith("y"):
        found.add(folded[:-1] + "ies")
    return found


def other_names(node: Hashable, attrs: Mapping[str, Any]) -> list[str]:
    """The aliases of a concept worth showing beside its label ("Also called"): each
    other name once, without those that only repeat the label or a name already shown in
    another case, spelling of hyphens and spaces, or a regular plural. Where two forms are
    kept as one, the shorter is shown (the singular), and of two that differ only in case
    the one with capitals (as the notes write it). The order of ``aliases`` is kept.

    Examples
    --------
    >>> other_names("enzyme", {"label": "enzyme (EC)", "aliases": [
    ...     "EC", "ECs", "Enzyme", "biological catalyst", "biological catalysts",
    ...     "biological-catalyst", "proteins", "protein", "Activities", "activity"]})
    ['biological catalyst', 'protein', 'activity']
    """
    label = str(attrs.get("label") or node)
    said = {_name_fold(label), _name_fold(str(node))}
    if (gloss := re.fullmatch(r"(.+?)\s*\((.+)\)", label)) is not None:
        said |= {_name_fold(gloss.group(1)), _name_fold(gloss.group(2))}
    aliases = [str(a) for a in attrs.get("aliases") or () if str(a).strip()]
    kept: dict[str, str] = {}  # folded -> the alias shown for it
    for alias in sorted(dict.fromkeys(aliases), key=lambda a: (len(a), a.islower())):
        folded = _name_fold(alias)
        if any(folded == name or folded in _plurals(name) for name in [*said, *kept]):
            continue
        kept[folded] = alias
    shown = set(kept.values())
    return [alias for alias in dict.fromkeys(aliases) if alias in shown]


@dataclass(frozen=True, slots=True)
class NeededFor:
    """A later step of a learning path that a step is a stated prerequisite of.

    Attributes
    ----------
    step : int
        The later step's number on the path (1 is the first step).
    node : Hashable
        The later step.
    evidence : Mapping or None
        The sentence of the notes that the prerequisite rests on (one naming both steps
        before one naming either, a statement before a question, a question before a
        heading: :func:`naming_first`), or ``None``.
    """

    step: int
    node: Hashable
    evidence: Mapping[str, Any] | None


def needed_for(G: nx.MultiDiGraph, path: Sequence[Hashable]) -> dict[Hashable, list[NeededFor]]:
    """Why each step of a learning path is on it: the later steps that the notes make it
    a prerequisite of (its ``prerequisite_of`` edges to them, the most confident first),
    each by its number on the path and with the sentence the edge rests on, and those
    whose defining sentence or heading names it (:func:`graph.paths.structure_link`), with
    that sentence or heading. The target and a step only a chain of other steps leads
    from have none.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("diffusion", "osmosis", relation="prerequisite_of", evidence=[
    ...     {"source": "cell.md", "line": 3, "text": "Osmosis is the diffusion of water."}])
    >>> [(n.step, n.node, n.evidence["line"])
    ...  for n in needed_for(G, ["diffusion", "osmosis"])["diffusion"]]
    [(2, 'osmosis', 3)]
    """
    from graph.paths import structure_link  # graph.paths reads graph.topics, not this

    number = {node: i for i, node in enumerate(path, start=1)}
    found: dict[Hashable, list[NeededFor]] = {node: [] for node in path}
    for node in path:
        for later in sorted(set(G.successors(node)) & number.keys(), key=number.__getitem__):
            if number[later] <= number[node]:
                continue
            edges = [
                attrs
                for attrs in G[node][later].values()
                if attrs.get("relation") == "prerequisite_of"
            ]
            if not edges:
                continue
            said = naming_first(G, (node, later), evidence(max(edges, key=confidence)))
            found[node].append(NeededFor(number[later], later, said[0] if said else None))
        stated = {n.node for n in found[node]}
        for later in path[number[node] :]:  # where the notes' structure puts it first
            if later not in stated and (link := structure_link(G, node, later)) is not None:
                found[node].append(NeededFor(number[later], later, link[1]))
        found[node].sort(key=lambda n: n.step)
    return found


def one_way(edges: Iterable[tuple[Hashable, Hashable, Mapping[str, Any]]]) -> list[tuple]:
    """``(u, v, attrs)`` edges without the second way of a symmetric relation (the graph
    holds "A contrasts with B" and "B contrasts with A"): one line or one sentence each.

    >>> edges = [("osmosis", "diffusion", {"relation": "contrasts_with"}),
    ...          ("diffusion", "osmosis", {"relation": "contrasts_with"}),
    ...          ("diffusion", "osmosis", {"relation": "prerequisite_of"})]
    >>> [(u, d["relation"]) for u, v, d in one_way(edges)]
    [('osmosis', 'contrasts_with'), ('diffusion', 'prerequisite_of')]
    """
    seen: set[tuple[Hashable, Hashable, str]] = set()
    kept = []
    for u, v, attrs in edges:
        if (relation := attrs.get("relation")) in SYMMETRIC_RELATIONS:
            if u != v and (v, u, relation) in seen:  # the other way of one already kept
                continue
            seen.add((u, v, relation))
        kept.append((u, v, attrs))
    return kept


def mentions_of(
    G: nx.MultiDiGraph, node: Hashable, *, limit: int = MENTIONS_SHOWN
) -> list[Mapping[str, Any]]:
    """Sentences of the notes that name ``node``, in the order of the notes: what a
    student reads instead of a definition the notes never give.

    They are the evidence of the concept's relations (every type, weak links too) that
    contains one of its names (:func:`concept_names`, whole words, in any case), each
    sentence once: statements first, then questions (a flashcard's prompt says less
    than its answer), then headings and labels (no full stop); within each, the file
    that names it most first (a word two courses share, "sample" in a statistics and a
    biology note, is quoted from the file it matters in), then by file and line; the
    first ``limit``. A heading or label that is only its name ("Osmosis", "Osmosis:")
    tells a student nothing the name does not: it is not quoted. A concept cut out of
    its graph with the sentences found in the whole one (``named_in``, set by
    :func:`graph.view.path_download_graph`) is quoted from those.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("membrane", "osmosis", relation="related_to", evidence=[
    ...     {"source": "cell.md", "line": 9, "text": "Water crosses the membrane by osmosis."},
    ...     {"source": "cell.md", "line": 2, "text": "Osmosis in plants"},
    ...     {"source": "cell.md", "line": 4, "text": "The membrane is thin."}])
    >>> [m["line"] for m in mentions_of(G, "osmosis")]
    [9, 2]

    A sentence that names it only inside a longer name of a neighbouring concept does
    not name it:

    >>> H = nx.MultiDiGraph()
    >>> _ = H.add_edge("sample", "sample space", relation="related_to", evidence=[
    ...     {"source": "dice.md", "line": 4, "text": "Six faces make the sample space."},
    ...     {"source": "dice.md", "line": 5, "text": "A sample is drawn from the sample space."}])
    >>> [m["line"] for m in mentions_of(H, "sample")]
    [5]

    A file that names it in more sentences comes before one that names it once:

    >>> _ = G.add_edge("osmosis", "water", relation="related_to", evidence=[
    ...     {"source": "plants.md", "line": 3, "text": "Roots take water by osmosis."},
    ...     {"source": "plants.md", "line": 8, "text": "Osmosis needs a gradient."},
    ...     {"source": "plants.md", "line": 12, "text": "Wilting stops osmosis."}])
    >>> [(m["source"], m["line"]) for m in mentions_of(G, "osmosis", limit=4)]
    [('plants.md', 3), ('plants.md', 8), ('plants.md', 12), ('cell.md', 9)]

    A heading that is only its name is not quoted:

    >>> _ = G.add_edge("tide", "moon", relation="related_to", evidence=[
    ...     {"source": "sea.md", "line": 1, "text": "Moon:"},
    ...     {"source": "sea.md", "line": 5, "text": "Tides and the Moon"}])
    >>> [m["text"] for m in mentions_of(G, "moon")]
    ['Tides and the Moon']
    """
    if node not in G:
        return []
    if isinstance(named_in := G.nodes[node].get(NAMED_IN), list):
        return named_in[:limit]
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(map(re.escape, concept_names(G, node))) + r")(?!\w)",
        re.IGNORECASE,
    )
    # the longer names of its neighbours that hold one of its names ("sample space" for
    # "sample"): a sentence naming only those does not name it
    own = {name.lower() for name in concept_names(G, node)}
    longer = sorted(
        {
            name
            for other in {*G.successors(node), *G.predecessors(node)} - {node}
            for name in concept_names(G, other)
            if name.lower() not in own and pattern.search(name)
        },
        key=len,
        reverse=True,
    )
    mask = (
        re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, longer)) + r")(?!\w)", re.I)
        if longer
        else None
    )
    edges = [*G.out_edges(node, data=True), *G.in_edges(node, data=True)]
    found: dict[str, Mapping[str, Any]] = {}
    for _, _, attrs in edges:
        for evidence in attrs.get("evidence") or ():
            if not isinstance(evidence, Mapping):
                continue
            text = " ".join(str(evidence.get("text") or "").split())
            if not text or text in found:
                continue
            unmasked = mask.sub(" ", text) if mask is not None else text
            if pattern.search(unmasked) and _WORD.search(pattern.sub(" ", unmasked)):
                found[text] = {**evidence, "text": text}

    named = Counter(str(evidence.get("source") or "") for evidence in found.values())

    def order(evidence: Mapping[str, Any]) -> tuple[int, int, str, int]:
        line = evidence.get("line")
        where = str(evidence.get("source") or "")
        kind = sentence_kind(str(evidence["text"]))
        return kind, -named[where], where, line if isinstance(line, int) else 0

    return sorted(found.values(), key=order)[:limit]


#: The node attribute that carries the sentences naming a concept, found in the whole
#: graph, when the concept is exported with only part of it (a learning path's steps).
NAMED_IN = "named_in"


#: A word: what a sentence must hold besides the concept's name to be quoted for it.
_WORD = re.compile(r"[^\W_]")


#: The end of a sentence, its stop in group 1 (a closing quote or bracket may follow):
#: evidence without one is a heading or a label, shown after the sentences.
_SENTENCE_END = re.compile(r"([.!?])[\"'”’)\]]*$")


def sentence_kind(text: str) -> int:
    """0 for a statement, 1 for a question, 2 for a heading or a label (no stop at
    the end): the order in which sentences of the notes tell a student the most.

    Examples
    --------
    >>> [sentence_kind(t) for t in ["Enzymes are catalysts.", "Why?", "Enzymes"]]
    [0, 1, 2]
    """
    end = _SENTENCE_END.search(" ".join(text.split()))
    return 2 if end is None else 1 if end.group(1) == "?" else 0


def distinct(found: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Evidence records in their order without those that only repeat another: a
    sentence quoted again, or a part of a longer quote of the same file and line (a
    card's one sentence and the card's whole text), which would show a student the same
    words twice and leave no room for a second place in the notes.

    Examples
    --------
    >>> card = {"source": "n.md", "line": 4, "text": "Osmosis is passive. It needs water."}
    >>> part = {"source": "n.md", "line": 4, "text": "It needs  water."}
    >>> elsewhere = {"source": "n.md", "line": 9, "text": "It needs water."}
    >>> [e["line"] for e in distinct([part, card, elsewhere, card])]
    [4, 9]
    >>> distinct([part, card])[0] is card
    True
    """

    def words(e: Mapping[str, Any]) -> str:
        return " ".join(str(e.get("text") or "").split())

    def place(e: Mapping[str, Any]) -> tuple[str, str]:
        return str(e.get("source") or ""), str(e.get("line") or "")

    kept: list[Mapping[str, Any]] = []
    for i, e in enumerate(found):
        text = words(e)
        repeats = any(
            place(other) == place(e)
            and text in words(other)
            and (len(words(other)) > len(text) or j < i)
            for j, other in enumerate(found)
            if j != i
        )
        if not repeats:
            kept.append(e)
    return kept


#: What may stand around a bare name on its line ("Process:", "- process.", "*Loom*").
_BARE_PUNCTUATION = " .:;,!-–—*_#>\"'“”‘’()[]"


def naming_first(
    G: nx.MultiDiGraph, ends: Iterable[Hashable], found: Sequence[Mapping[str, Any]]
) -> list[Mapping[str, Any]]:
    """Evidence records of an edge between ``ends`` in :func:`telling_first`'s order,
    those whose text names more of the ends first (each end by its name, label or an
    alias, as the search box matches them), then, among those naming as many, those that
    say something of it before a bare name (a term line "process" that only repeats an
    end's name), then those naming the first end: the sentence shown for "A is needed
    for B" is one that says A and B, then one that says A, before a heading about B alone.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("loom"); G.add_node("warp thread", aliases=["warp"])
    >>> found = [{"text": "History of the Loom"}, {"text": "Weaving is slow."},
    ...          {"text": "Tension the warp before the loom is set."}]
    >>> [e["text"] for e in naming_first(G, ["warp thread", "loom"], found)]
    ['Tension the warp before the loom is set.', 'History of the Loom', 'Weaving is slow.']
    >>> found = [{"text": "Loom"}, {"text": "A frame that holds the warp tight."}]
    >>> [e["text"] for e in naming_first(G, ["loom", "warp thread"], found)]
    ['A frame that holds the warp tight.', 'Loom']
    """
    from graph.query import _mention_pattern  # graph.query reads this module's neighbours

    ends = [end for end in dict.fromkeys(ends) if end in G]
    patterns = [p for end in ends if (p := _mention_pattern(G, end)) is not None]
    told = telling_first(found)
    if len(patterns) < len(ends):
        return told

    def named(e: Mapping[str, Any]) -> tuple[int, bool, bool]:
        text = " ".join(str(e.get("text") or "").split())
        says = [bool(pattern.search(text)) for pattern in patterns]
        bare = text.strip(_BARE_PUNCTUATION)
        only_a_name = any(pattern.fullmatch(bare) for pattern in patterns)
        return -sum(says), only_a_name, not says[0]  # then the one naming the first end

    return sorted(told, key=named)


def telling_first(found: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Evidence records, statements first, then questions, then headings
    (:func:`sentence_kind`), each kind in its order: which to show when there is room
    for only one or two. A record that only repeats another (:func:`distinct`) is left
    out.

    Examples
    --------
    >>> [e["text"] for e in telling_first([{"text": "Osmosis"}, {"text": "It needs water."}])]
    ['It needs water.', 'Osmosis']
    """
    return sorted(distinct(found), key=lambda e: sentence_kind(str(e.get("text") or "")))
