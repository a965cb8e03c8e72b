"""What the numbers shown to a student count, said the same way everywhere.

The app's header, the map's caption, the CLI's ``build`` and ``export`` lines all count
relations with :func:`edge_counts` and word them with :meth:`EdgeCounts.describe`, so
"143 relations" in one place is never "74 relations" in another without saying why.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

#: Weak links: co-occurrence or an untyped verb (hidden unless asked for).
WEAK = "related_to"
PREREQUISITE = "prerequisite_of"


@dataclass(frozen=True, slots=True)
class EdgeCounts:
    """Relations of a graph (or of a drawn view of it), by kind."""

    typed: int = 0
    prerequisites: int = 0
    weak: int = 0

    @property
    def total(self) -> int:
        return self.typed + self.prerequisites + self.weak

    def describe(self) -> str:
        """``"12 relations (5 typed, 4 prerequisites, 3 weak links)"``.

        >>> EdgeCounts(5, 4, 3).describe()
        '12 relations (5 typed, 4 prerequisites, 3 weak links)'
        >>> EdgeCounts(1, 0, 0).describe()
        '1 relation (1 typed, 0 prerequisites, 0 weak links)'
        """
        noun = "relation" if self.total == 1 else "relations"
        prereq = "prerequisite" if self.prerequisites == 1 else "prerequisites"
        weak = "weak link" if self.weak == 1 else "weak links"
        return (
            f"{self.total} {noun} ({self.typed} typed, {self.prerequisites} {prereq}, "
            f"{self.weak} {weak})"
        )


def edge_counts(G: nx.MultiDiGraph) -> EdgeCounts:
    """Count the edges of ``G`` by kind: typed relations, prerequisites, weak links.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", relation="is_a")
    0
    >>> G.add_edge("a", "b", relation="prerequisite_of")
    1
    >>> G.add_edge("b", "c", relation="related_to")
    0
    >>> edge_counts(G)
    EdgeCounts(typed=1, prerequisites=1, weak=1)
    """
    typed = prerequisites = weak = 0
    for _, _, relation in G.edges(data="relation"):
        if relation == PREREQUISITE:
            prerequisites += 1
        elif relation == WEAK:
            weak += 1
        else:
            typed += 1
    return EdgeCounts(typed, prerequisites, weak)
