"""What an export holds: the whole graph, a view of it (filters, a focus, a cap), or a
learning path; and the order and title it is written with."""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graph.export._base import importance, label, one_line
from graph.query import UnknownConceptError, break_cycles, learning_path, neighbourhood, resolve


@dataclass(frozen=True, slots=True)
class Selection:
    """The part of a graph to export, with how to write it.

    Attributes
    ----------
    graph : networkx.MultiDiGraph
        The concepts and relations to export (a copy: writers may not change it).
    title : str
        The export's title ("Concept Atlas: around MRI", "Learning path to MRI").
    total : int
        Concepts that passed the filters before the cap (``graph`` holds fewer when
        capped).
    order : list or None
        A learning path in study order (the formats that have an order follow it).
    focus : node or None
        The concept the view is centred on (outlined, and selected when a page opens).
    cards : mapping or None
        The note cards by id (the Anki deck cites a definition's card).
    colours : mapping or None
        The topic colours of the whole graph (:func:`graph.render.topic_colours`), so that
        a part of it (a view, a capped page or picture, a path) keeps the map's colours;
        None: the part's own.
    """

    graph: nx.MultiDiGraph
    title: str
    total: int
    order: list | None = None
    focus: Hashable | None = None
    cards: Mapping[str, Any] | None = None
    colours: Mapping[str, str] | None = None

    @property
    def capped(self) -> bool:
        return self.graph.number_of_nodes() < self.total


def select(
    G: nx.MultiDiGraph,
    *,
    focus: Hashable | None = None,
    depth: int = 1,
    path_target: Hashable | None = None,
    relations: Collection[str] | None = None,
    min_confidence: float = 0.0,
    show_weak: bool = True,
    max_concepts: int | None = None,
    cards: Mapping[str, Any] | None = None,
    colours: Mapping[str, str] | None = None,
) -> Selection:
    """The :class:`Selection` of ``G`` that an export writes.

    A learning path (``path_target``) is its concepts in study order. Otherwise the view
    is the app's (:func:`graph.view.select_view`): edges filtered by ``relations``,
    ``min_confidence`` and ``show_weak``; with a ``focus``, its neighbourhood within
    ``depth`` hops; at most ``max_concepts`` concepts, the most important (the focus
    always among them). Names are resolved by :func:`graph.query.resolve`. Its
    ``colours`` are ``colours`` or the topic colours of ``G`` (the whole).

    Raises
    ------
    graph.query.UnknownConceptError
        ``focus`` or ``path_target`` names no concept.
    ValueError
        Both ``focus`` and ``path_target``, a negative ``depth``, an unknown relation.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for u, v, r in [("algebra", "calculus", "prerequisite_of"),
    ...                 ("calculus", "ballistics", "prerequisite_of"),
    ...                 ("ballistics", "spaceflight", "used_for"),
    ...                 ("spaceflight", "astronauts", "related_to")]:
    ...     _ = G.add_edge(u, v, relation=r, confidence=0.9)
    >>> chosen = select(G, focus="Spaceflight", show_weak=False)
    >>> sorted(chosen.graph), chosen.title
    (['ballistics', 'spaceflight'], 'Concept Atlas: around spaceflight')
    >>> select(G, path_target="ballistics").order
    ['algebra', 'calculus', 'ballistics']
    >>> chosen = select(G, max_concepts=2)
    >>> chosen.graph.number_of_nodes(), chosen.total, chosen.capped
    (2, 5, True)
    """
    if focus is not None and path_target is not None:
        raise ValueError("give either a focus concept or a path target, not both")
    if depth < 0:
        raise ValueError("depth must be >= 0")
    if max_concepts is not None and max_concepts < 1:
        raise ValueError("the number of concepts to export must be at least 1")
    if colours is None:
        from graph.render import topic_colours  # imports pyvis: only when exporting

        colours = topic_colours(G)
    centre = _resolve(G, focus) if focus is not None else None
    target = _resolve(G, path_target) if path_target is not None else None
    title = export_title(G, focus=centre, target=target)
    if target is not None:
        order = learning_path(G, target)
        H = _induced(G, order)
        return Selection(
            H, title, len(order), order=order, focus=None, cards=cards, colours=colours
        )
    filtered = relations is not None or min_confidence > 0 or not show_weak
    capped = max_concepts is not None and max_concepts < G.number_of_nodes()
    if not (filtered or capped):  # the whole graph or a focus: no need for the app's view
        H = neighbourhood(G, centre, depth=depth) if centre is not None else G.copy()
        return Selection(H, title, H.number_of_nodes(), focus=centre, cards=cards, colours=colours)
    from graph.view import select_view  # the app's view (imports the renderer)

    view = select_view(
        G,
        relations=relations,
        min_confidence=min_confidence,
        show_weak=show_weak,
        focus=centre,
        depth=depth,
        max_nodes=max_concepts if max_concepts is not None else G.number_of_nodes(),
    )
    return Selection(view.graph, title, view.total, focus=view.focus, cards=cards, colours=colours)


def subgraph_for(
    G: nx.MultiDiGraph,
    *,
    focus: Hashable | None = None,
    depth: int = 1,
    path_target: Hashable | None = None,
) -> nx.MultiDiGraph:
    """The part of ``G`` to export: all of it, a focus neighbourhood or a learning path
    (the graph of :func:`select`).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for u, v, r in [("algebra", "calculus", "prerequisite_of"),
    ...                 ("calculus", "ballistics", "prerequisite_of"),
    ...                 ("ballistics", "spaceflight", "used_for"),
    ...                 ("spaceflight", "astronauts", "related_to")]:
    ...     _ = G.add_edge(u, v, relation=r, confidence=0.9)
    >>> sorted(subgraph_for(G, focus="Spaceflight"))
    ['astronauts', 'ballistics', 'spaceflight']
    >>> sorted(subgraph_for(G, focus="spaceflight", depth=2))
    ['astronauts', 'ballistics', 'calculus', 'spaceflight']
    >>> sorted(subgraph_for(G, path_target="ballistics"))
    ['algebra', 'ballistics', 'calculus']
    """
    return select(G, focus=focus, depth=depth, path_target=path_target).graph


def export_title(G: nx.MultiDiGraph, *, focus: Hashable | None, target: Hashable | None) -> str:
    """The title of an export: of a learning path, of a focus view, or of the whole map."""
    if target is not None:
        return f"Learning path to {one_line(label(G, target))}"
    if focus is not None:
        return f"Concept Atlas: around {one_line(label(G, focus))}"
    return "Concept Atlas"


def study_order(G: nx.MultiDiGraph) -> list[Hashable]:
    """All concepts of ``G`` in an order to study them.

    A topological order of the ``prerequisite_of`` edges (cycles broken on a copy by
    :func:`graph.query.break_cycles`); among concepts that could come next, the more
    important one first, then by id.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("nmr", {"importance": 0.5}), ("mri", {"importance": 0.9}),
    ...                   ("optics", {"importance": 0.7})])
    >>> _ = G.add_edge("nmr", "mri", relation="prerequisite_of", confidence=0.9)
    >>> study_order(G)
    ['optics', 'nmr', 'mri']
    """
    dag = nx.MultiDiGraph()
    dag.add_nodes_from(G)
    dag.add_edges_from(
        (u, v, k, a)
        for u, v, k, a in G.edges(keys=True, data=True)
        if a.get("relation") == "prerequisite_of"
    )
    break_cycles(dag)
    return list(
        nx.lexicographical_topological_sort(dag, key=lambda n: (-importance(G.nodes[n]), str(n)))
    )


def _induced(G: nx.MultiDiGraph, nodes: list) -> nx.MultiDiGraph:
    H = nx.MultiDiGraph(**G.graph)
    H.add_nodes_from((n, G.nodes[n]) for n in nodes)
    H.add_edges_from(G.subgraph(nodes).edges(keys=True, data=True))
    return H


def _resolve(G: nx.MultiDiGraph, name: Hashable) -> Hashable:
    node = resolve(G, name)
    if node is None:
        raise UnknownConceptError(f"no concept matches {name!r}")
    return node
