"""``markdown``: a study guide, every concept with its definition and relations, each
relation with the sentences of the notes that state it."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from graph.export._base import (
    MARK,
    NO_TOPIC,
    Written,
    citation,
    confidence,
    evidence,
    label,
    mentions_of,
    naming_first,
    needed_for,
    one_line,
    one_way,
    other_names,
    plural,
    topic,
    writable,
)
from graph.export._markdown import escape, escape_heading
from graph.export._style import relation_phrase
from graph.export.select import Selection
from graph.io import tail, write_text
from graph.render import RELATION_STYLES, ranked_concepts, topic_colours

FORMATS = ("markdown",)
SUFFIX = ".md"
FOLDER = False

#: Evidence sentences shown per relation in the study guide.
GUIDE_EVIDENCE = 2

#: The guide's last line: a link reference definition, which no Markdown viewer shows.
_MARK_LINE = f"[//]: # ({MARK})"


def is_own(path: Path) -> bool:
    """Whether ``path`` is a study guide this module wrote (its last line)."""
    return tail(path, 256).rstrip().endswith(_MARK_LINE.encode())


def to_markdown_guide(
    G: nx.MultiDiGraph, order: Sequence[Hashable] | None = None, *, title: str | None = None
) -> str:
    r"""A study guide in Markdown: every concept with its definition, aliases and
    relations, each relation with its evidence sentences and where they stand.

    Note text is escaped where Markdown would act on it (:func:`_markdown.escape`), so
    a note adds no link, image, HTML, maths or heading to the guide, and reads as typed.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A concept graph.
    order : sequence of node, optional
        The concepts in study order (a learning path): they are numbered steps, listed
        first as a syllabus, and concepts of ``G`` not in ``order`` are left out. Each
        step says what later steps it is needed for, each with the sentence of the
        notes that says so (:func:`~graph.export._base.needed_for`, as the app's path
        does), and which earlier steps it builds on; its other stated relations follow.
        By default the concepts are grouped by topic (largest topic first, named in one
        line under the title), most important first.
    title : str, optional
        The guide's heading (default "Study guide").

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("cell", label="Cell", definition="A unit with a *membrane*.",
    ...            aliases=["cells", "living unit"])
    >>> G.add_node("nephron", label="Nephron", definition="A kidney filter (see notes_2.md).")
    >>> ev = [{"source": "notes_1.md", "line": 4, "text": "Learn cells before nephrons."}]
    >>> _ = G.add_edge("cell", "nephron", relation="prerequisite_of", evidence=ev)
    >>> print(to_markdown_guide(G, order=["cell", "nephron"]))
    # Study guide
    <BLANKLINE>
    2 concepts, 1 relation, in study order:
    <BLANKLINE>
    1. Cell
    2. Nephron
    <BLANKLINE>
    ## 1. Cell
    <BLANKLINE>
    A unit with a \*membrane\*.
    <BLANKLINE>
    *Also called:* living unit
    <BLANKLINE>
    **Needed for**
    <BLANKLINE>
    - **2. Nephron**: “Learn cells before nephrons.” — notes_1.md, line 4
    <BLANKLINE>
    ## 2. Nephron
    <BLANKLINE>
    A kidney filter (see notes_2.md).
    <BLANKLINE>
    *Builds on:* 1. Cell
    <BLANKLINE>
    """
    heading = title or "Study guide"
    if order is not None:
        nodes = [n for n in dict.fromkeys(order) if n in G]
        shown = set(nodes)
        summary = "in study order"
        n_edges = G.subgraph(nodes).number_of_edges()
    else:
        shown = set(G)
        summary = "by topic, most important first"
        n_edges = G.number_of_edges()
    lines = [f"# {escape_heading(heading)}", ""]
    counts = f"{plural(len(shown), 'concept')}, {plural(n_edges, 'relation')}"
    if order is not None:
        lines += [f"{counts}, {summary}:", ""]
        lines += [f"{step}. {escape(one_line(label(G, n)))}" for step, n in enumerate(nodes, 1)]
        lines.append("")
        needed = needed_for(G, nodes)
        builds_on: dict[Hashable, list[int]] = {node: [] for node in nodes}
        for step, node in enumerate(nodes, start=1):
            for later in needed[node]:
                builds_on[later.node].append(step)
        for step, node in enumerate(nodes, start=1):
            lines += _about(G, node, f"## {step}. ")
            lines += _path_links(G, nodes, needed[node], builds_on[node])
            lines += _relations(G, node, shown, leave_out=PREREQUISITE)
        return "\n".join(lines)
    lines += [f"{counts}, {summary}.", ""]
    topics = by_topic(G)
    if len(topics) > 1:
        named = (f"{escape(name)} ({len(members)})" for name, members in topics.items())
        lines += ["Topics, largest first: " + ", ".join(named) + ".", ""]
    for name, members in topics.items():
        lines += [f"## {escape_heading(one_line(name))}", ""]
        for node in members:
            lines += _about(G, node, "### ") + _relations(G, node, shown)
    return "\n".join(lines)


def write(selection: Selection, path: Path, fmt: str) -> Written:
    text = to_markdown_guide(selection.graph, selection.order, title=selection.title)
    write_text(path, f"{text}\n{_MARK_LINE}\n", owned=is_own, what="study guide")
    return Written(path, "markdown", selection.graph, total=selection.total)


def _about(G: nx.MultiDiGraph, node: Hashable, prefix: str) -> list[str]:
    """A concept's heading, its definition (or, when the notes give none, the
    sentences that name it: :func:`~graph.export._base.mentions_of`) and aliases."""
    a = G.nodes[node]
    lines = [f"{prefix}{escape_heading(one_line(label(G, node)))}", ""]
    definition = writable(str(a.get("definition") or "")).strip()
    lines += [escape(definition) if definition else "*No definition in the notes.*"]
    where = citation(a.get("definition_evidence"))
    if definition and where:
        lines[-1] += f" — {escape(one_line(where))}"
    lines.append("")
    if not definition and (named := mentions_of(G, node)):
        lines += ["Where the notes name it:", ""]
        lines += [_quote(found, "- ") for found in named]
        lines.append("")
    aliases = [one_line(x) for x in other_names(node, a)]
    if aliases:
        lines += ["*Also called:* " + ", ".join(escape(x) for x in aliases), ""]
    return lines


def _path_links(
    G: nx.MultiDiGraph, nodes: Sequence[Hashable], needed: Sequence[Any], builds_on: list[int]
) -> list[str]:
    """A step's place on the path: the later steps it is needed for, each with the
    sentence that says so, and the earlier steps it builds on, by number."""
    lines = []
    if needed:
        lines += ["**Needed for**", ""]
        for later in needed:
            item = f"- **{later.step}. {escape(one_line(label(G, later.node)))}**"
            lines.append(item + (_quote(later.evidence, ": ") if later.evidence else ""))
        lines.append("")
    if builds_on:
        steps = (f"{i}. {escape(one_line(label(G, nodes[i - 1])))}" for i in sorted(builds_on))
        lines += ["*Builds on:* " + ", ".join(steps), ""]
    return lines


def _relations(
    G: nx.MultiDiGraph, node: Hashable, shown: set, leave_out: str | None = None
) -> list[str]:
    """A concept's stated relations to the ``shown`` concepts (but ``leave_out``) with
    their evidence, in the order of the relation vocabulary, most confident first, and
    the other concepts it is only weakly linked to (:data:`WEAK`) as one "See also"
    line of names."""
    lines: list[str] = []
    edges = [(u, v, d) for u, v, d in G.out_edges(node, data=True) if v in shown]
    edges += [(u, v, d) for u, v, d in G.in_edges(node, data=True) if u in shown and u != v]
    edges = one_way(edges)
    stated = sorted(
        (edge for edge in edges if edge[2].get("relation") not in {WEAK, leave_out}),
        key=lambda e: (_RANK.get(str(e[2].get("relation")), len(_RANK)), -confidence(e[2])),
    )
    if stated:
        lines += ["**Relations**", ""]
        for u, v, d in stated:
            verb = escape(relation_phrase(d))
            here, there = escape(one_line(label(G, u))), escape(one_line(label(G, v)))
            lines.append(f"- **{here}** *{verb}* **{there}**")
            told = naming_first(G, (u, v), evidence(d))[:GUIDE_EVIDENCE]
            lines += [_quote(found, "  - ") for found in told]
        lines.append("")
    weak = sorted(
        (edge for edge in edges if edge[2].get("relation") == WEAK),
        key=lambda e: -confidence(e[2]),
    )
    linked = {v if u == node else u for u, v, d in edges if d.get("relation") != WEAK} | {node}
    others = dict.fromkeys(v if u == node else u for u, v, _ in weak)
    names = [escape(one_line(label(G, other))) for other in others if other not in linked]
    if names:
        lines += ["*See also:* " + ", ".join(names), ""]
    return lines


#: The weak relation (co-occurrence, an untyped verb): its concepts are named in the
#: guide's "See also" line, without the sentences, which say no more than that.
WEAK = "related_to"

#: The relation a learning path is made of: its steps say it as "Needed for" and
#: "Builds on".
PREREQUISITE = "prerequisite_of"

#: The order relations are listed in: the map's relation vocabulary.
_RANK = {relation: i for i, relation in enumerate(RELATION_STYLES)}


def _quote(found: Mapping[str, Any], bullet: str) -> str:
    """An evidence sentence as a list item: quoted, with its file and line."""
    quote = escape(one_line(found.get("text", "")))
    where = citation(found)
    return f"{bullet}“{quote}”" + (f" — {escape(one_line(where))}" if where else "")


def by_topic(G: nx.MultiDiGraph) -> dict[str, list[Hashable]]:
    """Nodes grouped by topic (largest topic first, no topic last), most important
    first within a topic; a topic is named as it is shown (:func:`one_line`), so a
    topic of invisible characters only is no topic, not a heading without a name."""
    shown = {name: one_line(name) or NO_TOPIC for name in topic_colours(G)}
    groups: dict[str, list[Hashable]] = {name: [] for name in shown.values()}
    for node in ranked_concepts(G):
        name = topic(G.nodes[node])
        groups.setdefault(shown.get(name) or one_line(name) or NO_TOPIC, []).append(node)
    return {name: members for name, members in groups.items() if members}
