"""``mermaid``: a Mermaid flowchart (Markdown viewers, GitHub, Obsidian)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Sequence
from pathlib import Path

import networkx as nx

from graph.export._base import MARK, Written, label, one_line, one_way, topic
from graph.export._style import style
from graph.export.select import Selection
from graph.io import head, write_text
from graph.render import FOLDED_CHAIN, fold_lines, topic_colours

FORMATS = ("mermaid",)
SUFFIX = ".mmd"
FOLDER = False

_COMMENT = f"%% {MARK}"


def is_own(path: Path) -> bool:
    """Whether ``path`` is a flowchart this module wrote (its first-line comment)."""
    return head(path, 256).startswith(_COMMENT.encode())


def to_mermaid(G: nx.MultiDiGraph) -> str:
    """``G`` as a Mermaid flowchart (``flowchart LR``), for Markdown viewers.

    Nodes get safe ids (``n0``, ``n1``, ...) and quoted labels in which every
    character that Mermaid or HTML could act on is an entity code (``#34;``), so
    note text stays text. Edges are labelled with their relation; ``related_to`` is
    dotted and symmetric relations have no arrow head. Nodes are coloured by topic
    and edges by relation, as on the map.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("nmr", label='NMR "nuclear" [scan]')
    >>> G.add_node("mri", label="MRI")
    >>> _ = G.add_edge("nmr", "mri", relation="prerequisite_of")
    >>> print(to_mermaid(G))  # doctest: +NORMALIZE_WHITESPACE
    flowchart LR
      n0["NMR #34;nuclear#34; #91;scan#93;"]
      n1["MRI"]
      n0 -->|prerequisite_of| n1
      classDef topic0 fill:#dddddd,stroke:#333,color:#111
      class n0,n1 topic0
      linkStyle 0 stroke:#59636e
    """
    ids = {node: f"n{i}" for i, node in enumerate(G.nodes)}
    lines = ["flowchart LR"]
    lines += [f'  {ids[n]}["{_mermaid_text(label(G, n))}"]' for n in G.nodes]
    by_relation: dict[str, list[int]] = defaultdict(list)
    for i, (u, v, a) in enumerate(one_way(G.edges(data=True))):
        relation = str(a.get("relation") or "related_to")
        shown = style(relation)
        link = "-->" if shown.arrows else "-.-" if shown.dashes else "---"
        name = re.sub(r"\W", "_", relation, flags=re.ASCII) or "related_to"
        lines.append(f"  {ids[u]} {link}|{name}| {ids[v]}")
        by_relation[shown.colour].append(i)
    colours = topic_colours(G)
    members: dict[str, list[str]] = defaultdict(list)
    for node, a in G.nodes(data=True):
        members[topic(a)].append(ids[node])
    for i, (name, colour) in enumerate(colours.items()):
        lines.append(f"  classDef topic{i} fill:{colour},stroke:#333,color:#111")
        lines.append(f"  class {','.join(members[name])} topic{i}")
    for colour, indices in by_relation.items():
        lines.append(f"  linkStyle {','.join(map(str, indices))} stroke:{colour}")
    return "\n".join(lines) + "\n"


def path_flowchart(G: nx.MultiDiGraph, order: Sequence[Hashable]) -> nx.MultiDiGraph:
    """A learning path as its flowchart draws it: the steps in study order, each label
    numbered ("2. MRI"), and only the prerequisites between them, but not one that a
    chain of the others already leads along (:func:`graph.render.fold_lines`, as the
    app's path picture draws them).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for u, v in [("nmr", "mri"), ("mri", "fmri"), ("nmr", "fmri")]:
    ...     _ = G.add_edge(u, v, relation="prerequisite_of", confidence=0.8)
    >>> _ = G.add_edge("nmr", "mri", relation="related_to")
    >>> H = path_flowchart(G, ["nmr", "mri", "fmri"])
    >>> [H.nodes[n]["label"] for n in H], sorted(H.edges())
    (['1. nmr', '2. mri', '3. fmri'], [('mri', 'fmri'), ('nmr', 'mri')])
    """
    steps = [node for node in dict.fromkeys(order) if node in G]
    H = nx.MultiDiGraph(**G.graph)
    H.add_nodes_from(
        (node, {**G.nodes[node], "label": f"{i}. {label(G, node)}"})
        for i, node in enumerate(steps, start=1)
    )
    H.add_edges_from(
        (u, v, k, a)
        for u, v, k, a in G.subgraph(steps).edges(keys=True, data=True)
        if a.get("relation") == "prerequisite_of"
    )
    H.remove_edges_from([edge for edge, why in fold_lines(H).items() if why == FOLDED_CHAIN])
    return H


def write(selection: Selection, path: Path, fmt: str) -> Written:
    G = selection.graph
    if selection.order is not None:  # a learning path: its numbered steps, in order
        G = path_flowchart(G, selection.order)
    write_text(path, f"{_COMMENT}\n{to_mermaid(G)}", owned=is_own, what="flowchart")
    return Written(path, "mermaid", G, total=selection.total)


_MERMAID_SPECIAL = re.compile(r"""["#&<>`\\\[\](){}|;:*_~=]""")


def _mermaid_text(text: str) -> str:
    return _MERMAID_SPECIAL.sub(lambda m: f"#{ord(m.group())};", one_line(text))
