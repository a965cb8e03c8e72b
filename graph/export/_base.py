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
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from graph.counts import EdgeCounts, edge_counts

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
        >>> _ = G.add_edge("rnn", "lstm", relation="prerequisite_of")
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
    return f"{n} {word}{'' if n == 1 else 's'}"


def slug(text: str) -> str:
    """``text`` as a tag: lower-case ASCII words joined by hyphens (``"topic"`` if none)."""
    found = re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", text).lower()).strip("-")
    return found or "topic"
