"""``csv``: a folder of ``nodes.csv`` and ``edges.csv`` for spreadsheets and pandas."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from graph.export._base import Written, evidence, writable
from graph.export.select import Selection
from graph.io import check_replaceable, head, replace_file

FORMATS = ("csv",)
SUFFIX = ""
FOLDER = True

NODE_COLUMNS = (
    "id",
    "label",
    "aliases",
    "definition",
    "definition_source",
    "definition_line",
    "importance",
    "topic",
    "mentions",
    "first_seen_source",
    "first_seen_line",
    "cards",
)
EDGE_COLUMNS = (
    "source",
    "target",
    "key",
    "relation",
    "confidence",
    "label",
    "evidence",
    "evidence_source",
    "evidence_line",
    "evidence_count",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_TABLES = {"nodes.csv": NODE_COLUMNS, "edges.csv": EDGE_COLUMNS}


def is_own(path: Path) -> bool:
    """Whether ``path`` is a ``nodes.csv`` or ``edges.csv`` this module wrote (its
    header row)."""
    columns = _TABLES.get(path.name)
    return columns is not None and head(path, 1024).startswith(_header(columns))


def write_csv(G: nx.MultiDiGraph, folder: str | os.PathLike[str]) -> None:
    """Write ``nodes.csv`` and ``edges.csv`` (UTF-8 with BOM, for spreadsheets).

    Lists are joined with ``"|"``. An edge's evidence is its first sentence and
    where it stands (``evidence_source``, ``evidence_line``), with the number of
    sentences in ``evidence_count``. A text cell that starts with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return gets a leading ``'``, so that a
    spreadsheet shows it as text instead of running it as a formula (OWASP's advice on
    CSV injection); control characters but tab and line breaks, and lone surrogates,
    become U+FFFD (:func:`graph.export._base.writable`). Other files in
    ``folder`` are left alone; a ``nodes.csv`` or ``edges.csv`` that this function did
    not write is never replaced (:class:`graph.io.WriteRefused`, nothing written).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("nmr", label="NMR", aliases=["NMRs", "nuclear resonance"])
    >>> G.add_node("mri", label="MRI", definition="=HYPERLINK(1)")
    >>> ev = [{"source": "notes.md", "line": 3, "text": "An MRI is an NMR scan."}]
    >>> _ = G.add_edge("mri", "nmr", relation="is_a", confidence=0.8, evidence=ev)
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_csv(G, folder)
    >>> print(folder.joinpath("edges.csv").read_text(encoding="utf-8-sig").splitlines()[1])
    mri,nmr,0,is_a,0.8,,An MRI is an NMR scan.,notes.md,3,1
    >>> rows = folder.joinpath("nodes.csv").read_text(encoding="utf-8-sig").splitlines()
    >>> rows[1].split(",")[:3], rows[2].split(",")[3]
    (['nmr', 'NMR', 'NMRs|nuclear resonance'], "'=HYPERLINK(1)")
    """
    folder = Path(folder)
    for name in _TABLES:  # both or neither
        check_replaceable(folder / name, owned=is_own, what="table")
    node_rows = []
    for node, a in G.nodes(data=True):
        definition_at = a.get("definition_evidence") or {}
        seen = a.get("first_seen") or (None, None)
        node_rows.append(
            {
                "id": node,
                "label": a.get("label", ""),
                "aliases": "|".join(map(str, a.get("aliases") or ())),
                "definition": a.get("definition", ""),
                "definition_source": definition_at.get("source", ""),
                "definition_line": definition_at.get("line", ""),
                "importance": a.get("importance", ""),
                "topic": a.get("topic", ""),
                "mentions": a.get("mentions", ""),
                "first_seen_source": seen[0] or "",
                "first_seen_line": seen[1] or "",
                "cards": "|".join(map(str, a.get("cards") or ())),
            }
        )
    edge_rows = []
    for u, v, k, a in G.edges(keys=True, data=True):
        found = evidence(a)
        first = found[0] if found else {}
        edge_rows.append(
            {
                "source": u,
                "target": v,
                "key": k,
                "relation": a.get("relation", ""),
                "confidence": a.get("confidence", ""),
                "label": a.get("label", ""),
                "evidence": first.get("text", ""),
                "evidence_source": first.get("source", ""),
                "evidence_line": first.get("line", ""),
                "evidence_count": len(found),
            }
        )
    _write_rows(folder / "nodes.csv", NODE_COLUMNS, node_rows)
    _write_rows(folder / "edges.csv", EDGE_COLUMNS, edge_rows)


def write(selection: Selection, path: Path, fmt: str) -> Written:
    write_csv(selection.graph, path)
    return Written(path, "csv", selection.graph, total=selection.total)


def _header(columns: Sequence[str]) -> bytes:
    return ("\ufeff" + ",".join(columns) + "\r\n").encode("utf-8")


def _write_rows(path: Path, columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> None:
    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8-sig", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=columns)
            writer.writeheader()
            for row in rows:
                writer.writerow({k: _cell(v) for k, v in row.items()})

    replace_file(path, write, owned=is_own, what="table")


def _cell(value: Any) -> Any:
    """A CSV cell: numbers as they are; text with what :func:`writable` replaces
    replaced, and a leading ``'`` when a spreadsheet would read it as a formula.

    >>> _cell(0.5), _cell("=1+1"), _cell("-x"), _cell("a\\x1fb") == "a\\ufffdb"
    (0.5, "'=1+1", "'-x", True)
    """
    if value is None or isinstance(value, bool | int | float):
        return value
    text = writable(str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text
