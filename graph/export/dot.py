"""``dot``: Graphviz DOT (``dot -Tsvg``), no Graphviz library needed to write it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from graph.export._base import MARK, Written, cut, label, one_line, one_way, topic
from graph.export._style import style
from graph.export.select import Selection
from graph.io import head, write_text
from graph.render import NO_TOPIC_COLOUR, topic_colours

FORMATS = ("dot",)
SUFFIX = ".dot"
FOLDER = False

_COMMENT = f"// {MARK}"


def is_own(path: Path) -> bool:
    """Whether ``path`` is a DOT file this module wrote (its first-line comment)."""
    return head(path, 256).startswith(_COMMENT.encode())


def to_dot(
    G: nx.MultiDiGraph,
    *,
    name: str = "concept_atlas",
    colours: Mapping[str, str] | None = None,
) -> str:
    r"""``G`` as Graphviz DOT (``digraph``), every id and label a quoted, escaped string.

    Nodes are filled by topic and carry their definition as a tooltip; edges are
    labelled with their relation and styled as on the map (dashed ``related_to``,
    no arrow head for symmetric relations).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A concept graph.
    name : str
        The graph's name in the file.
    colours : mapping of str to str, optional
        Topic colours (of the whole graph ``G`` is a part of); default ``G``'s own.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("nmr", label='say "hi"\\')
    >>> G.add_node("mri", label="MRI")
    >>> _ = G.add_edge("nmr", "mri", relation="contrasts_with")
    >>> print(to_dot(G))  # doctest: +NORMALIZE_WHITESPACE
    digraph "concept_atlas" {
      graph [rankdir="LR", fontname="Helvetica", overlap="false", splines="true"];
      node [shape="box", style="rounded,filled", fontname="Helvetica"];
      edge [fontname="Helvetica", fontsize="10"];
      "nmr" [label="say \"hi\"\\", fillcolor="#dddddd", tooltip=""];
      "mri" [label="MRI", fillcolor="#dddddd", tooltip=""];
      "nmr" -> "mri" [label="contrasts_with", color="#d6457a", fontcolor="#d6457a",
                       style="solid", dir="none"];
    }
    """
    colours = topic_colours(G) if colours is None else colours
    ids = _dot_ids(G)
    lines = [
        f"digraph {_dot_quote(name)} {{",
        '  graph [rankdir="LR", fontname="Helvetica", overlap="false", splines="true"];',
        '  node [shape="box", style="rounded,filled", fontname="Helvetica"];',
        '  edge [fontname="Helvetica", fontsize="10"];',
    ]
    for node, a in G.nodes(data=True):
        colour = colours.get(topic(a), NO_TOPIC_COLOUR)
        tooltip = cut(a.get("definition") or "", 300)
        lines.append(
            f"  {ids[node]} [label={_dot_quote(label(G, node))}, "
            f'fillcolor="{colour}", tooltip={_dot_quote(tooltip)}];'
        )
    for u, v, a in one_way(G.edges(data=True)):
        relation = str(a.get("relation") or "related_to")
        shown = style(relation)
        attrs = (
            f"label={_dot_quote(relation)}, "
            f'color="{shown.colour}", fontcolor="{shown.colour}", '
            f'style="{"dashed" if shown.dashes else "solid"}"'
        )
        if not shown.arrows:
            attrs += ', dir="none"'
        lines.append(f"  {ids[u]} -> {ids[v]} [{attrs}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write(selection: Selection, path: Path, fmt: str) -> Written:
    text = to_dot(selection.graph, colours=selection.colours)
    write_text(path, f"{_COMMENT}\n{text}", owned=is_own, what="DOT file")
    return Written(path, "dot", selection.graph, total=selection.total)


def _dot_ids(G: nx.MultiDiGraph) -> dict[Any, str]:
    """Each node's quoted DOT id, distinct even when two ids differ only by what
    :func:`_dot_quote` drops (``"a\\x00"`` and ``"a"``, ``1`` and ``"1"``): the later
    one gets `` (2)``, `` (3)``..."""
    ids: dict[Any, str] = {}
    taken: set[str] = set()
    for node in G.nodes:
        quoted, n = _dot_quote(node), 1
        while quoted in taken:
            n += 1
            quoted = _dot_quote(f"{node} ({n})")
        taken.add(quoted)
        ids[node] = quoted
    return ids


def _dot_quote(value: Any) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, line breaks (``\\r``,
    U+2028, U+2029 too) as ``\\n``, each line as :func:`one_line` makes it (other
    control and format characters dropped, lone surrogates as U+FFFD).

    >>> print(_dot_quote('a"\\\\b\\r\\nc\\u2028d\\x00'))
    "a\\"\\\\b\\nc\\nd"
    """
    text = "\n".join(one_line(line) for line in str(value).replace("\r\n", "\n").splitlines())
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'
