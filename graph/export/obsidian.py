"""``obsidian``: a vault folder, one note per concept linked by ``[[wikilinks]]``, and an
index."""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import unicodedata
from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from graph.export._base import (
    MARK,
    NO_TOPIC,
    Written,
    citation,
    distinct,
    drop_controls,
    evidence,
    importance,
    label,
    mentions_of,
    one_line,
    slug,
    topic,
    writable,
)
from graph.export._markdown import escape, escape_heading
from graph.export._style import relation_phrase
from graph.export.guide import by_topic
from graph.export.select import Selection
from graph.io import WriteRefused, head, write_text
from graph.render import RELATION_STYLES, ranked_concepts

FORMATS = ("obsidian",)
SUFFIX = ""
FOLDER = True

#: Name of the index note of an Obsidian export (no concept note takes it).
INDEX_NOTE = "Index"
#: Longest file name (without ``.md``) of an Obsidian note, in characters and in UTF-8
#: bytes (file systems count bytes: 255 on most, 143 on eCryptfs; the temporary file
#: written beside a note takes 18 more).
FILE_NAME_CHARS = 80
FILE_NAME_BYTES = 120
#: The tag every note of the vault carries.
TAG = "concept-atlas"
#: The vault's record of the files an export wrote (name -> SHA-256 of the bytes): a
#: file is replaced only while it still holds what the export wrote. Anything else in
#: the way (a note of the student's, a note of ours the student edited, a folder, a
#: link) is kept, and the note is written beside it under another name.
MANIFEST = ".concept-atlas.json"
#: Largest note read to compare it with the manifest.
_MAX_NOTE_BYTES = 16 * 1024 * 1024

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
    ["con", "prn", "aux", "nul", "conin$", "conout$", "clock$"]
    + [f"{p}{i}" for p in ("com", "lpt") for i in [*"0123456789", "¹", "²", "³"]]
)


def is_own(path: Path) -> bool:
    """Whether ``path`` is a file of a vault this module wrote: the vault's
    :data:`MANIFEST`, or a regular file that still holds the bytes the manifest records
    for its name (a note the student edited since is theirs)."""
    path = Path(path)
    if path.name == MANIFEST:
        return _manifest_of(path) is not None
    manifest = _manifest_of(path.parent / MANIFEST) or {}
    return path.name in manifest and _digest(path) in manifest[path.name]


def _manifest_of(path: Path) -> dict[str, list[str]] | None:
    """The manifest at ``path`` (file name -> accepted digests), None if there is none
    or it was not written by this module."""
    data = head(path, _MAX_NOTE_BYTES)
    try:
        found = json.loads(data) if data.startswith(b"{") and path.is_file() else None
    except ValueError:
        return None
    if not isinstance(found, dict) or found.get("written_by") != MARK:
        return None
    notes = found.get("notes")
    if not isinstance(notes, dict):
        return None
    return {
        str(name): [d for d in digests if isinstance(d, str)]
        for name, digests in notes.items()
        if isinstance(digests, list)
    }


def _digest(path: Path) -> str | None:
    """The SHA-256 of a regular file's bytes (None for anything else or a large file)."""
    try:
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_NOTE_BYTES:
            return None
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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
    names come from :func:`safe_file_name`, disambiguated ignoring case and Unicode
    normalisation (as macOS and Windows compare names), and links point to them.

    The vault's :data:`MANIFEST` records what each export wrote. A note is replaced only
    while it holds exactly that; any other file in the way of a note (the student's
    own, a note of ours the student edited, a folder, a link) is kept, and the note is
    written beside it under another name (``MRI 2.md``; :func:`write` says which). A
    ``MANIFEST`` this module did not write, or ``folder`` being a file, is refused
    (:class:`graph.io.WriteRefused`, nothing written). Every file is written whole
    through :func:`graph.io.replace_file`.

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
    >>> G.add_node("nmr", label="NMR", definition="A spin.", topic="imaging")
    >>> G.add_node("mri", label="MRI", definition="Coils (and a magnet).", topic="imaging")
    >>> _ = G.add_edge("nmr", "mri", relation="prerequisite_of")
    >>> files = write_obsidian(G, pathlib.Path(tempfile.mkdtemp()))
    >>> sorted(p.name for p in files["nmr"].parent.iterdir())
    ['.concept-atlas.json', 'Index.md', 'MRI.md', 'NMR.md']
    >>> print(files["mri"].read_text(encoding="utf-8"))
    ---
    aliases: []
    topic: "imaging"
    importance: 0.0
    mentions: 0
    tags:
      - "concept-atlas"
      - "topic/imaging"
    ---
    # MRI
    <BLANKLINE>
    Coils (and a magnet).
    <BLANKLINE>
    ## Relations
    <BLANKLINE>
    ### requires
    <BLANKLINE>
    - [[NMR]]
    <BLANKLINE>
    """
    return _write_vault(G, Path(folder), order=order, title=title).files


@dataclass(frozen=True, slots=True)
class _Vault:
    """What :func:`_write_vault` wrote: the note of each node, and the files of the
    student's that were in the way (their name, and the name written beside them)."""

    files: dict[Hashable, Path]
    beside: list[tuple[str, str]]


def _write_vault(
    G: nx.MultiDiGraph,
    folder: Path,
    *,
    order: Sequence[Hashable] | None = None,
    title: str | None = None,
) -> _Vault:
    if folder.exists() and not folder.is_dir():
        raise WriteRefused(f"{folder} is not a folder: nothing was written (choose a folder)")
    if (folder / MANIFEST).exists() and not is_own(folder / MANIFEST):
        raise WriteRefused(
            f"{folder / MANIFEST} exists and was not written by Concept Atlas: nothing was "
            "written (export to another folder)"
        )
    old = _manifest_of(folder / MANIFEST) or {}
    theirs = _files_of_others(folder, old)
    names, beside = _note_names(G, theirs)
    texts = {f"{names[node]}.md": _obsidian_note(G, node, names) for node in G.nodes}
    index = [
        "---",
        "tags:",
        f"  - {json.dumps(TAG)}",
        "---",
        f"# {escape_heading(one_line(title or 'Concept Atlas'))}",
        "",
    ]
    if order is not None:
        steps = [n for n in dict.fromkeys(order) if n in G]
        index += [f"{i}. {_wikilink(G, n, names)}" for i, n in enumerate(steps, start=1)]
        index.append("")
    else:
        for name, members in by_topic(G).items():
            index += [f"## {escape_heading(one_line(name))}", ""]
            index += [f"- {_wikilink(G, n, names)}" for n in members]
            index.append("")
    texts[f"{names[_INDEX]}.md"] = "\n".join(index)
    # the manifest first accepts the old and the new content of every note, so that an
    # export stopped half-way leaves notes that the next export still knows as its own
    kept = {
        name: [digest]
        for name, digests in old.items()
        if name not in texts and (digest := _digest(folder / name)) in digests
    }
    during = {name: [*old.get(name, []), _text_digest(text)] for name, text in texts.items()}
    _write_manifest(folder, {**kept, **during})
    for name, text in texts.items():
        write_text(folder / name, text, owned=is_own, what="vault note")
    _write_manifest(folder, {**kept, **{n: [_text_digest(t)] for n, t in texts.items()}})
    return _Vault({node: folder / f"{names[node]}.md" for node in G.nodes}, beside)


def _write_manifest(folder: Path, notes: Mapping[str, list[str]]) -> None:
    data = {"written_by": MARK, "notes": dict(sorted(notes.items()))}
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    write_text(folder / MANIFEST, text, owned=is_own, what="vault manifest")


def _files_of_others(folder: Path, manifest: Mapping[str, list[str]]) -> list[str]:
    """The names in ``folder`` that an export may not replace: everything but the
    manifest and the files that still hold what the manifest records."""
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise WriteRefused(
            f"{folder} cannot be listed ({exc.strerror}): nothing was written"
        ) from None
    return [
        entry.name
        for entry in entries
        if entry.name != MANIFEST
        and not (entry.name in manifest and _digest(folder / entry.name) in manifest[entry.name])
    ]


def write(selection: Selection, path: Path, fmt: str) -> Written:
    vault = _write_vault(selection.graph, path, order=selection.order, title=selection.title)
    remarks = ()
    if vault.beside:  # names quoted by repr: a file name may hold a control character
        shown = ", ".join(f"{theirs!r} -> {ours!r}" for theirs, ours in vault.beside[:3])
        more = f" and {len(vault.beside) - 3} more" if len(vault.beside) > 3 else ""
        remarks = (
            f"kept {len(vault.beside)} file(s) of yours that were in the way (not written "
            f"by Concept Atlas, or changed since) and wrote beside them: {shown}{more}",
        )
    return Written(path, "obsidian", selection.graph, total=selection.total, remarks=remarks)


def safe_file_name(
    name: str, *, max_chars: int = FILE_NAME_CHARS, max_bytes: int = FILE_NAME_BYTES
) -> str:
    """``name`` as a file name that is safe on Windows, macOS and Linux and in an
    Obsidian ``[[link]]``.

    Path separators, characters that Windows or Obsidian links reserve and control
    characters become spaces (format characters such as bidi overrides go, a lone
    surrogate becomes U+FFFD); leading and trailing dots and spaces go (no hidden
    files, no ``..``); Windows device names (``CON``, ``com1.txt``, ``LPT¹``) get a
    leading ``_``; the result is cut to ``max_chars`` characters and ``max_bytes`` bytes
    of UTF-8, and is never empty.

    Examples
    --------
    >>> safe_file_name("../../etc/passwd"), safe_file_name("a/b:c*?"), safe_file_name("CON")
    ('etc passwd', 'a b c', '_CON')
    >>> safe_file_name("..."), safe_file_name("acid–base [1]")
    ('concept', 'acid–base 1')
    >>> len(safe_file_name("词" * 80).encode())  # 3 bytes a character, at most 119
    117
    """
    text = unicodedata.normalize("NFC", str(name))
    text = drop_controls(_FILE_NAME_BAD.sub(" ", text), keep="\t\n\r\x0b\x0c\x85")
    text = " ".join(text.split()).strip(" .")
    text = _cut_bytes(text[:max_chars], max_bytes - 1).rstrip(" .") or "concept"
    if text.split(".")[0].strip().casefold() in _WINDOWS_RESERVED:
        text = "_" + text
    return text


def _cut_bytes(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` bytes of UTF-8, on a character boundary."""
    return text.encode("utf-8")[:limit].decode("utf-8", "ignore")


def _same_file_key(name: str) -> str:
    """What two names share when a case- or normalisation-insensitive file system
    (macOS, Windows) takes them for the same file."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", name).casefold())


#: Stands for the index note among the nodes in :func:`_note_names`.
_INDEX = object()


def _note_names(
    G: nx.MultiDiGraph, theirs: Sequence[str] = ()
) -> tuple[dict[Hashable, str], list[tuple[str, str]]]:
    """A distinct file name (without ``.md``) per node and for the index (key
    :data:`_INDEX`), distinct ignoring case and Unicode normalisation, and none that
    is one of ``theirs`` (files in the folder that the export may not replace); the
    index and then the most important concepts get the plain names. Also the pairs
    (their file, the name written instead) where one of ``theirs`` was in the way."""
    others = {_same_file_key(name): name for name in theirs}
    used = {_same_file_key(MANIFEST)}
    names: dict[Hashable, str] = {}
    beside: list[tuple[str, str]] = []
    for node in [_INDEX, *ranked_concepts(G)]:
        base = INDEX_NOTE if node is _INDEX else safe_file_name(label(G, node))
        name, n = base, 1
        while (key := _same_file_key(f"{name}.md")) in used or key in others:
            n += 1
            suffix = f" {n}"
            name = _cut_bytes(base, FILE_NAME_BYTES - len(suffix)).rstrip(" .") + suffix
        if n > 1 and (plain := others.get(_same_file_key(f"{base}.md"))) is not None:
            beside.append((plain, f"{name}.md"))
        used.add(key)
        names[node] = name
    return names, beside


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
    lines += ["---", f"# {escape_heading(one_line(name))}", ""]
    definition = writable(str(a.get("definition") or "")).strip()
    lines += [escape(definition) if definition else "*No definition in the notes.*", ""]
    where = citation(a.get("definition_evidence"))
    if definition and where:
        lines += [f"Source: {escape(one_line(where))}", ""]
    if not definition and (named := mentions_of(G, node)):
        lines += ["Where the notes name it:", ""]
        for found in named:
            where = citation(found)
            quote = f"- “{escape(one_line(found.get('text', '')))}”"
            lines.append(quote + (f" — {escape(one_line(where))}" if where else ""))
        lines.append("")
    groups: dict[str, list[str]] = defaultdict(list)
    rank: dict[str, tuple[int, int, int]] = {}  # where each heading stands
    for _, v, d in G.out_edges(node, data=True):
        heading = relation_phrase(d)
        groups[heading].append(_wikilink(G, v, names))
        rank.setdefault(heading, _heading_rank(d, 0))
    for u, _, d in G.in_edges(node, data=True):
        if u != node:
            relation = str(d.get("relation") or "related_to")
            heading = INVERSE_RELATIONS.get(relation, relation)
            groups[heading].append(_wikilink(G, u, names))
            rank.setdefault(heading, _heading_rank(d, 1))
    if groups:
        lines += ["## Relations", ""]
        for heading, links in sorted(groups.items(), key=lambda item: rank[item[0]]):
            lines += [f"### {escape_heading(one_line(heading))}", ""]
            lines += [f"- {link}" for link in dict.fromkeys(links)]
            lines.append("")
    found = [(v, d, ev) for _, v, d in G.out_edges(node, data=True) for ev in distinct(evidence(d))]
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


def _heading_rank(attrs: Mapping[str, object], inverse: int) -> tuple[int, int, int]:
    """Where a note's heading of relations stands: the stated relations in the order of
    the relation vocabulary, each followed by its inverse ("prerequisite of", then
    "requires"), and the weak links (concepts only named together) last.

    >>> sorted([_heading_rank({"relation": "related_to"}, 0), _heading_rank({"relation":
    ...     "uses"}, 1), _heading_rank({"relation": "prerequisite_of"}, 0)])[0]
    (0, 0, 0)
    """
    relation = str(attrs.get("relation") or "related_to")
    order = list(RELATION_STYLES)
    where = order.index(relation) if relation in order else len(order)
    return int(relation == "related_to"), where, inverse


def _yaml_str(text: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax, which YAML accepts)."""
    return json.dumps(one_line(text), ensure_ascii=False)


def _yaml_list(key: str, items: Sequence[str]) -> list[str]:
    if not items:
        return [f"{key}: []"]
    return [f"{key}:"] + [f"  - {_yaml_str(item)}" for item in items]
