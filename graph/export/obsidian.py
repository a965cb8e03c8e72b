"""``obsidian``: a vault folder, one note per concept linked by ``[[wikilinks]]``, and an
index."""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from pathlib import Path

import networkx as nx

from graph.export._base import (
    NO_TOPIC,
    Written,
    citation,
    drop_controls,
    evidence,
    importance,
    label,
    one_line,
    slug,
    topic,
)
from graph.export._markdown import escape
from graph.export._style import relation_phrase
from graph.export.guide import by_topic
from graph.export.select import Selection
from graph.io import WriteRefused, check_replaceable, head, write_text
from graph.render import ranked_concepts

FORMATS = ("obsidian",)
SUFFIX = ""
FOLDER = True

#: Name of the index note of an Obsidian export (no concept note takes it).
INDEX_NOTE = "Index"
#: Longest file name (without ``.md``) of an Obsidian note.
FILE_NAME_CHARS = 80
#: The tag every note of the vault carries (how an export recognises its own notes).
TAG = "concept-atlas"

#: How an incoming edge reads from its target's side (Obsidian relation headings).
INVERSE_RELATIONS: dict[str, str] = {
    "prerequisite_of": "requires",
    "is_a": "has kind",
    "part_of": "has part",
    "uses": "used by",
    "addresses": "addressed by",
    "causes": "caused by",
    "used_for": "achieved with",
    "example_of": "has example",
    "contrasts_with": "contrasts with",
    "related_to": "related to",
}

_FILE_NAME_BAD = re.compile(r'[\\/:*?"<>|#^\[\]%{}$`\x00-\x1f\x7f]')
_WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{p}{i}" for p in ("com", "lpt") for i in range(1, 10)]
)
_TAG_LINE = f"\n  - {json.dumps(TAG)}\n".encode()


def is_own(path: Path) -> bool:
    """Whether ``path`` is a note this module wrote (its front matter has :data:`TAG`)."""
    text = head(path)
    if not text.startswith(b"---\n"):
        return False
    front = text[: text.find(b"\n---\n", 3) + 1]
    return _TAG_LINE in front


def write_obsidian(
    G: nx.MultiDiGraph,
    folder: str | os.PathLike[str],
    *,
    order: Sequence[Hashable] | None = None,
    title: str | None = None,
) -> dict[Hashable, Path]:
    r"""Write an Obsidian vault folder: one note per concept and ``Index.md``.

    A note starts with YAML front matter (``aliases`` list, ``topic``,
    ``importance``, ``mentions``, ``tags``; every string JSON-quoted, which YAML
    reads as is), then the definition and its source, then ``## Relations`` with
    ``[[links]]`` to the other notes grouped by relation (incoming edges under the
    inverse name: "requires", "used by", ...), then ``## Evidence``. Note text is
    escaped where Markdown or Obsidian would act on it, as in the study guide. File
    names come from :func:`safe_file_name`, disambiguated ignoring case.

    Notes this function wrote before (tagged :data:`TAG`) are replaced; other files in
    ``folder`` are left alone, and when one is in the way of a note nothing is written
    (:class:`graph.io.WriteRefused`).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A concept graph.
    folder : path-like
        The vault folder (created if missing).
    order : sequence of node, optional
        Study order: the index lists the concepts as numbered steps.
    title : str, optional
        Heading of the index note (default "Concept Atlas").

    Returns
    -------
    dict
        The file written for each node.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("rnn", label="RNN", definition="A loop.", topic="sequences")
    >>> G.add_node("lstm", label="LSTM", definition="Gates (and a cell).", topic="sequences")
    >>> _ = G.add_edge("rnn", "lstm", relation="prerequisite_of")
    >>> files = write_obsidian(G, pathlib.Path(tempfile.mkdtemp()))
    >>> sorted(p.name for p in files["rnn"].parent.iterdir())
    ['Index.md', 'LSTM.md', 'RNN.md']
    >>> print(files["lstm"].read_text(encoding="utf-8"))
    ---
    aliases: []
    topic: "sequences"
    importance: 0.0
    mentions: 0
    tags:
      - "concept-atlas"
      - "topic/sequences"
    ---
    # LSTM
    <BLANKLINE>
    Gates (and a cell).
    <BLANKLINE>
    ## Relations
    <BLANKLINE>
    ### requires
    <BLANKLINE>
    - [[RNN]]
    <BLANKLINE>
    """
    folder = Path(folder)
    names = _note_names(G)
    files = {node: folder / f"{names[node]}.md" for node in G.nodes}
    index_file = folder / f"{INDEX_NOTE}.md"
    _check_vault([*files.values(), index_file])
    for node, path in files.items():
        write_text(path, _obsidian_note(G, node, names), owned=is_own, what="vault note")
    index = [
        "---",
        "tags:",
        f"  - {json.dumps(TAG)}",
        "---",
        f"# {escape(title or 'Concept Atlas')}",
        "",
    ]
    if order is not None:
        steps = [n for n in dict.fromkeys(order) if n in G]
        index += [f"{i}. {_wikilink(G, n, names)}" for i, n in enumerate(steps, start=1)]
        index.append("")
    else:
        for name, members in by_topic(G).items():
            index += [f"## {escape(one_line(name))}", ""]
            index += [f"- {_wikilink(G, n, names)}" for n in members]
            index.append("")
    write_text(index_file, "\n".join(index), owned=is_own, what="vault note")
    return files


def write(selection: Selection, path: Path, fmt: str) -> Written:
    write_obsidian(selection.graph, path, order=selection.order, title=selection.title)
    return Written(path, "obsidian", selection.graph, total=selection.total)


def _check_vault(paths: Sequence[Path]) -> None:
    """Refuse the whole export when a file that is not one of its notes is in the way."""
    refused = []
    for path in paths:
        try:
            check_replaceable(path, owned=is_own, what="vault note")
        except WriteRefused:
            refused.append(path)
    if refused:
        more = f" and {len(refused) - 1} more" if len(refused) > 1 else ""
        raise WriteRefused(
            f"{refused[0]}{more} exist(s) and were not written by Concept Atlas: nothing was "
            "written (export to a new folder, e.g. a subfolder of the vault)"
        )


def safe_file_name(name: str, *, max_chars: int = FILE_NAME_CHARS) -> str:
    """``name`` as a file name that is safe on Windows, macOS and Linux and in an
    Obsidian ``[[link]]``.

    Path separators, characters that Windows or Obsidian links reserve and control
    characters become spaces; leading and trailing dots and spaces go (no hidden
    files, no ``..``); Windows device names (``CON``, ``com1.txt``) get a leading
    ``_``; the result is cut to ``max_chars`` characters and is never empty.

    Examples
    --------
    >>> safe_file_name("../../etc/passwd"), safe_file_name("a/b:c*?"), safe_file_name("CON")
    ('etc passwd', 'a b c', '_CON')
    >>> safe_file_name("..."), safe_file_name("encoder–decoder [1]")
    ('concept', 'encoder–decoder 1')
    """
    text = unicodedata.normalize("NFC", str(name))
    text = drop_controls(_FILE_NAME_BAD.sub(" ", text), keep="")
    text = " ".join(text.split()).strip(" .")
    text = text[:max_chars].rstrip(" .") or "concept"
    if text.split(".")[0].lower() in _WINDOWS_RESERVED:
        text = "_" + text
    return text


def _note_names(G: nx.MultiDiGraph) -> dict[Hashable, str]:
    """A distinct file name per node (case-insensitive; the index name is taken),
    the most important concepts getting the plain names."""
    used = {INDEX_NOTE.casefold()}
    names: dict[Hashable, str] = {}
    for node in ranked_concepts(G):
        base = safe_file_name(label(G, node))
        name, n = base, 1
        while name.casefold() in used:
            n += 1
            name = f"{base} {n}"
        used.add(name.casefold())
        names[node] = name
    return names


def _wikilink(G: nx.MultiDiGraph, node: Hashable, names: Mapping[Hashable, str]) -> str:
    # the shown text of a [[link|text]] is raw Markdown to most viewers: no tag, code
    # span or maths may start in it
    shown = re.sub(r"[\[\]|<>`$]", " ", one_line(label(G, node)))
    shown = " ".join(shown.split())
    return f"[[{names[node]}]]" if shown == names[node] else f"[[{names[node]}|{shown}]]"


def _obsidian_note(G: nx.MultiDiGraph, node: Hashable, names: Mapping[Hashable, str]) -> str:
    a = G.nodes[node]
    name = label(G, node)
    aliases = [one_line(x) for x in a.get("aliases") or () if one_line(x)]
    if one_line(name) != names[node]:
        aliases.insert(0, one_line(name))
    aliases = list(dict.fromkeys(aliases))
    group = topic(a)
    tags = [TAG] + ([f"topic/{slug(group)}"] if group != NO_TOPIC else [])
    lines = ["---"]
    lines += _yaml_list("aliases", aliases)
    lines.append(f"topic: {_yaml_str(group if group != NO_TOPIC else '')}")
    lines.append(f"importance: {importance(a)!r}")
    lines.append(f"mentions: {int(a.get('mentions') or 0)}")
    lines += _yaml_list("tags", tags)
    lines += ["---", f"# {escape(one_line(name))}", ""]
    definition = str(a.get("definition") or "").strip()
    lines += [escape(definition) if definition else "*No definition in the notes.*", ""]
    where = citation(a.get("definition_evidence"))
    if definition and where:
        lines += [f"Source: {escape(one_line(where))}", ""]
    groups: dict[str, list[str]] = defaultdict(list)
    for _, v, d in G.out_edges(node, data=True):
        groups[relation_phrase(d)].append(_wikilink(G, v, names))
    for u, _, d in G.in_edges(node, data=True):
        if u != node:
            relation = str(d.get("relation") or "related_to")
            groups[INVERSE_RELATIONS.get(relation, relation)].append(_wikilink(G, u, names))
    if groups:
        lines += ["## Relations", ""]
        for heading, links in groups.items():
            lines += [f"### {escape(one_line(heading))}", ""]
            lines += [f"- {link}" for link in dict.fromkeys(links)]
            lines.append("")
    found = [(v, d, ev) for _, v, d in G.out_edges(node, data=True) for ev in evidence(d)]
    if found:
        lines += ["## Evidence", ""]
        for v, d, ev in found:
            where = citation(ev)
            lines.append(
                f"- {escape(relation_phrase(d))} {_wikilink(G, v, names)}: "
                f"“{escape(one_line(ev.get('text', '')))}”"
                + (f" — {escape(one_line(where))}" if where else "")
            )
        lines.append("")
    return "\n".join(lines)


def _yaml_str(text: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax, which YAML accepts)."""
    return json.dumps(one_line(text), ensure_ascii=False)


def _yaml_list(key: str, items: Sequence[str]) -> list[str]:
    if not items:
        return [f"{key}: []"]
    return [f"{key}:"] + [f"  - {_yaml_str(item)}" for item in items]
