"""The project's own hostile-input suite, by the ten classes of issue #16, run through the
command line as a user would: ``python -m benchmarks.hostile [--class N ...] [--json]``.

Each case makes its inputs in a temporary folder (nothing is read from ``../shared``),
runs one or more ``python -m graph`` commands in a subprocess with a time limit, and
sorts the outcome into one of:

- **handled**: the command finished, said what it could not do in its own words, and
  nothing below happened;
- **crash**: a Python traceback reached the user;
- **hang**: a command passed its time limit (``--timeout``, default 60 s) or its peak
  memory passed 1.5 GB;
- **loss**: a good note beside a bad one was not read, or a file the tool did not write
  was changed;
- **injection**: text from the notes, a file name or a graph file acted on the terminal
  (a raw ESC, C1 control, bidirectional override or line separator in the output, or a
  forged output line) or on another program (an export its own parser rejects, or whose
  structure the text changed).

Run it before and after a change to count what the change fixed (``docs/RELIABILITY.md``
part 4 gives the counts). It is a benchmark, not a test: the cases that need a build take
a few seconds each, the slow-input cases up to the time limit.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import resource
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Raw bytes that must never reach a terminal from note text (ESC, C1 CSI and NEL, the
#: bidi overrides and isolates, the line and paragraph separators, BEL).
TERMINAL_UNSAFE = (
    b"\x1b",
    b"\x07",
    "\u009b".encode(),
    "\u0085".encode(),
    "\u202e".encode(),
    "\u2066".encode(),
    "\u2028".encode(),
    "\u2029".encode(),
)

GOOD_NOTE = (
    "# Dropout\n\nDropout is a regularization technique that randomly drops units "
    "during training.\n\n# Attention\n\nAttention is a mechanism that weights the "
    "inputs of a layer.\n"
)
#: A concept of GOOD_NOTE that must be in every graph built from a folder holding it.
GOOD_CONCEPT = "dropout"


@dataclass
class Run:
    """One command's outcome."""

    args: list[str]
    rc: int | None  # None: timed out
    out: bytes
    err: bytes
    seconds: float
    peak_mb: float


@dataclass
class Case:
    """One hostile input: ``make(folder)`` prepares it and runs its commands through
    ``run``; it returns the verdict's detail or raises :class:`Verdict`."""

    klass: int
    name: str
    make: Callable[[Path, Callable[..., Run]], str]
    needs: set[str] = field(default_factory=set)


class Verdict(Exception):
    """Raised by a case to give its outcome."""

    def __init__(self, outcome: str, detail: str) -> None:
        super().__init__(detail)
        self.outcome = outcome
        self.detail = detail


def _runner(folder: Path, timeout: float) -> Callable[..., Run]:
    env = {**os.environ, "CONCEPT_ATLAS_CACHE": str(folder / "cache"), "PYTHONUTF8": "1"}
    env.pop("CONCEPT_ATLAS_DEBUG", None)

    def run(*args: str | os.PathLike[str], check_terminal: bool = True) -> Run:
        argv = [sys.executable, "-m", "graph", *map(os.fsdecode, args)]
        start = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        try:
            proc = subprocess.run(argv, capture_output=True, timeout=timeout, cwd=ROOT, env=env)
        except subprocess.TimeoutExpired as exc:
            raise Verdict(
                "hang", f"`{' '.join(argv[3:5])}` still running after {timeout:g} s"
            ) from exc
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        result = Run(
            [str(a) for a in args],
            proc.returncode,
            proc.stdout,
            proc.stderr,
            time.perf_counter() - start,
            max(peak, before) / 1024,
        )
        if b"Traceback (most recent call last)" in proc.stderr:
            last = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1]
            raise Verdict("crash", f"`{argv[3]}`: {last[:160]}")
        if peak > before and peak / 1024 > 1536:
            raise Verdict("hang", f"`{argv[3]}` peaked at {peak / 1024:.0f} MB")
        if check_terminal:
            for raw in TERMINAL_UNSAFE:
                if raw in proc.stdout or raw in proc.stderr:
                    raise Verdict("injection", f"`{argv[3]}` printed raw {raw!r}")
        return result

    return run


def _graph_nodes(path: Path) -> set[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {node["id"] for node in data["nodes"]}


def _build_keeps_good(run: Callable[..., Run], notes: Path, out: Path, **kw) -> Run:
    """Build ``notes`` (which hold GOOD_NOTE beside something hostile); a loss unless the
    good note's concept is in the graph."""
    result = run("build", notes, "--out", out, **kw)
    if not out.exists() or GOOD_CONCEPT not in _graph_nodes(out):
        tail = result.err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["-"]
        raise Verdict("loss", f"the good note was not read (exit {result.rc}: {tail[0][:120]})")
    return result


def _said(result: Run, *words: str) -> None:
    """The command must have said something on stderr mentioning each of ``words``."""
    err = result.err.decode("utf-8", "replace").lower()
    missing = [w for w in words if w.lower() not in err]
    if missing:
        raise Verdict("loss", f"nothing said about {', '.join(missing)} (stderr: {err[:120]!r})")


# ----------------------------------------------------------------------------- graphs


def _good_graph(folder: Path, run: Callable[..., Run]) -> Path:
    notes = folder / "good"
    notes.mkdir(exist_ok=True)
    (notes / "n.md").write_text(GOOD_NOTE, encoding="utf-8")
    out = folder / "good.json"
    run("build", notes, "--out", out)
    return out


def _hostile_graph(folder: Path, run: Callable[..., Run], label: str, definition: str) -> Path:
    """A graph the tool wrote, with one concept's label, alias and definition replaced
    by ``label`` and ``definition`` (what a hand-edited file holds)."""
    data = json.loads(_good_graph(folder, run).read_text(encoding="utf-8"))
    for node in data["nodes"]:
        if node["id"] == GOOD_CONCEPT:
            node["label"] = label
            node["aliases"] = [label]
            node["definition"] = definition
    path = folder / "hostile.json"
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- class 1


def c1_cards_escape(folder: Path, run) -> str:
    note = folder / "esc.txt"
    note.write_text(
        "Q: What is \x1b]0;pwned\x07dropout?\nA: A technique\x1b[2J that drops \x1b[31munits.\n"
        "Q: What is \u009b31mattention?\nA: A weighting\u202e of inputs.\n",
        encoding="utf-8",
    )
    run("cards", note)
    run("cards", note, "--json")
    return "ESC, OSC, C1 and bidi shown escaped"


def c1_build_file_names(folder: Path, run) -> str:
    notes = folder / "names"
    notes.mkdir()
    (notes / "good.md").write_text(GOOD_NOTE, encoding="utf-8")
    (notes / "a\x1b]8;;x.test\x07link\x1b]8;;\x07.md").write_text("", encoding="utf-8")
    (notes / "b\u202egnp.md").write_text("", encoding="utf-8")
    result = _build_keeps_good(run, notes, folder / "g.json")
    out = result.out + result.err
    return f"{len(out.splitlines())} output lines, names shown escaped"


def c1_forged_line(folder: Path, run) -> str:
    notes = folder / "forge"
    notes.mkdir()
    (notes / "good.md").write_text(GOOD_NOTE, encoding="utf-8")
    (notes / "x\nok  fake.md  markdown  99 cards\nzz.md").write_text("", encoding="utf-8")
    result = _build_keeps_good(run, notes, folder / "g.json")
    text = (result.out + result.err).decode("utf-8", "replace")
    if any(line.startswith("ok  fake.md") for line in text.splitlines()):
        raise Verdict("injection", "a newline in a file name forged a status line")
    return "the name stays on one line"


def c1_query_output(folder: Path, run) -> str:
    graph = _hostile_graph(
        folder, run, "drop\x1b[2Jout\x1b]0;t\x07", "Dropout\u2028 hides\x1b[8m text\u202e."
    )
    for args in (
        ("search", "--graph", graph, "drop"),
        ("neighbourhood", "--graph", graph, GOOD_CONCEPT),
        ("path", "--graph", graph, GOOD_CONCEPT),
        ("explain", "--graph", graph, GOOD_CONCEPT),
        ("topics", "--graph", graph),
        ("gaps", "--graph", graph),
    ):
        run(*args)
    return "labels and definitions shown escaped by every query"


# ----------------------------------------------------------------------------- class 2


def _export(run, graph: Path, fmt: str, out: Path) -> Run:
    result = run("export", "--graph", graph, "--format", fmt, "--out", out)
    if result.rc != 0:
        raise Verdict("loss", f"export {fmt} refused: {result.err.decode()[:120]!r}")
    return result


def c2_anki_separator(folder: Path, run) -> str:
    graph = _hostile_graph(folder, run, "drop\x1fout", "first\x1fsecond\x1fthird")
    out = folder / "deck.apkg"
    _export(run, graph, "anki", out)
    with zipfile.ZipFile(out) as z:
        name = next(n for n in z.namelist() if n.startswith("collection.anki2"))
        db = folder / "col.sqlite"
        db.write_bytes(z.read(name))
    con = sqlite3.connect(db)
    models = json.loads(con.execute("select models from col").fetchone()[0])
    fields = {int(mid): len(m["flds"]) for mid, m in models.items()}
    for mid, flds in con.execute("select mid, flds from notes"):
        if len(flds.split("\x1f")) != fields[mid]:
            raise Verdict("injection", "a \\x1f in the notes made extra Anki fields")
    return "the separator is not a field separator in the deck"


def c2_xml(folder: Path, run) -> str:
    graph = _hostile_graph(folder, run, "drop\x01out\x0c", "bad \x00 xml \ufffe & <tag>")
    for fmt in ("graphml", "gexf", "svg"):
        out = folder / f"g.{fmt}"
        _export(run, graph, fmt, out)
        try:
            ET.parse(out)
        except ET.ParseError as exc:
            raise Verdict("injection", f"{fmt} is not well-formed XML: {exc}") from None
    return "GraphML, GEXF and SVG parse"


def c2_csv_formula(folder: Path, run) -> str:
    graph = _hostile_graph(
        folder, run, '=HYPERLINK("http://x.test","dropout")', "+1+cmd|' /C calc'!A0"
    )
    out = folder / "csv"
    _export(run, graph, "csv", out)
    for path in out.glob("*.csv"):
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))):
            for cell in row:
                if cell[:1] in ("=", "+", "@") or (
                    cell[:1] == "-" and len(cell) > 1 and not cell[1:2].isdigit()
                ):
                    raise Verdict(
                        "injection", f"{path.name}: a cell starts a formula: {cell[:40]!r}"
                    )
    return "formula cells neutralised"


def c2_markdown(folder: Path, run) -> str:
    from markdown_it import MarkdownIt

    graph = _hostile_graph(
        folder, run, "drop]]|[[out", "<script>alert(1)</script> see [x](javascript:alert(1)) ---"
    )
    out = folder / "guide.md"
    _export(run, graph, "markdown", out)
    html = MarkdownIt("commonmark").render(out.read_text(encoding="utf-8"))
    if "<script>" in html or 'href="javascript:' in html:
        raise Verdict("injection", "note HTML or a javascript: link is live in the guide")
    vault = folder / "vault"
    _export(run, graph, "obsidian", vault)
    for path in vault.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        if "<script>" in MarkdownIt("commonmark").render(text):
            raise Verdict("injection", f"{path.name}: live HTML in an Obsidian note")
        if "[[drop]]" in text:
            raise Verdict("injection", f"{path.name}: a label broke an Obsidian link")
    return "markup shown as text"


def c2_mermaid_dot(folder: Path, run) -> str:
    graph = _hostile_graph(folder, run, 'drop"] --> evil["x', 'a"; evil -> x; "b')
    mermaid = folder / "g.mmd"
    _export(run, graph, "mermaid", mermaid)
    text = mermaid.read_text(encoding="utf-8")
    if 'evil["x' in text:
        raise Verdict("injection", "a label ended its Mermaid node and added another")
    dot = folder / "g.dot"
    _export(run, graph, "dot", dot)
    outside_quotes = re.sub(r'"(?:[^"\\]|\\.)*"', '""', dot.read_text(encoding="utf-8"))
    if "evil" in outside_quotes:
        raise Verdict("injection", "a definition added a DOT statement")
    return "labels stay inside their quotes"


def c2_json_surrogate(folder: Path, run) -> str:
    graph = _hostile_graph(folder, run, "drop\ud800out", "lone \udc00 surrogate")
    out = folder / "g.out.json"
    _export(run, graph, "json", out)
    json.loads(out.read_text(encoding="utf-8"))
    return "JSON export is valid UTF-8"


# ----------------------------------------------------------------------------- class 3


def c3_fifo(folder: Path, run) -> str:
    notes = folder / "fifo"
    notes.mkdir()
    (notes / "good.md").write_text(GOOD_NOTE, encoding="utf-8")
    os.mkfifo(notes / "pipe.md")
    result = _build_keeps_good(run, notes, folder / "g.json")
    _said(result, "pipe.md")
    return "refused, named"


def c3_device_link(folder: Path, run) -> str:
    notes = folder / "dev"
    notes.mkdir()
    (notes / "good.md").write_text(GOOD_NOTE, encoding="utf-8")
    os.symlink("/dev/zero", notes / "zero.md")
    result = _build_keeps_good(run, notes, folder / "g.json")
    _said(result, "zero.md")
    return "refused, named"


def c3_socket(folder: Path, run) -> str:
    notes = folder / "sock"
    notes.mkdir()
    (notes / "good.md").write_text(GOOD_NOTE, encoding="utf-8")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(notes / "s.md"))
    try:
        _build_keeps_good(run, notes, folder / "g.json")
    finally:
        sock.close()
    return "skipped"


def c3_link_loop(folder: Path, run) -> str:
    notes = folder / "loop"
    (notes / "a").mkdir(parents=True)
    (notes / "good.md").write_text(GOOD_NOTE, encoding="utf-8")
    os.symlink("..", notes / "a" / "up")
    os.symlink(notes / "missing.md", notes / "dangling.md")
    _build_keeps_good(run, notes, folder / "g.json")
    return "no loop, dangling link reported or skipped"


def c3_file_cap(folder: Path, run) -> str:
    notes = folder / "many"
    notes.mkdir()
    (notes / "0-good.md").write_text(GOOD_NOTE, encoding="utf-8")
    for i in range(30_000):
        (notes / f"{i}.md").write_bytes(b"")
    result = _build_keeps_good(run, notes, folder / "g.json")
    return f"{result.seconds:.0f} s for 30,000 (empty) files"


# ----------------------------------------------------------------------------- class 4


def c4_latin1_name(folder: Path, run) -> str:
    notes = folder / "latin1"
    notes.mkdir()
    (notes / "good.md").write_text(GOOD_NOTE, encoding="utf-8")
    with open(os.path.join(os.fsencode(notes), b"caf\xe9.md"), "wb") as f:
        f.write(b"# Espresso\n\nEspresso is a concentrated coffee.\n")
    _build_keeps_good(run, notes, folder / "g.json")
    return "read; the name shown with a replacement"


def crowdanki_deck(notes: list, *, name: str = "d") -> dict:
    """A CrowdAnki deck (``deck.json``) of Basic notes, each given as its fields."""
    model = {"__type__": "NoteModel", "crowdanki_uuid": "m", "name": "Basic"}
    model["flds"] = [{"name": "Front"}, {"name": "Back"}]
    return {
        "__type__": "Deck",
        "name": name,
        "children": [],
        "note_models": [model],
        "notes": [
            {"__type__": "Note", "note_model_uuid": "m", "fields": fields, "tags": []}
            for fields in notes
        ],
    }


def c4_surrogates_json(folder: Path, run) -> str:
    notes = folder / "surr"
    notes.mkdir()
    (notes / "good.md").write_text(GOOD_NOTE, encoding="utf-8")
    deck = crowdanki_deck(
        [["Term\\udc00", "a \\ud800 definition"], ["Entropy", "Entropy is a measure of disorder."]],
        name="deck\\ud800",
    )
    (notes / "deck.json").write_text(json.dumps(deck).replace("\\\\u", "\\u"), encoding="utf-8")
    _build_keeps_good(run, notes, folder / "g.json")
    return "read; lone surrogates replaced"


def c4_bad_utf8_text(folder: Path, run) -> str:
    notes = folder / "bad"
    notes.mkdir()
    (notes / "good.md").write_text(GOOD_NOTE, encoding="utf-8")
    (notes / "mixed.md").write_bytes(b"# Caf\xe9\n\nA caf\xe9 \xff\xfe is \xc3 a place.\n")
    run("cards", notes / "mixed.md")
    _build_keeps_good(run, notes, folder / "g.json")
    return "read"


# ----------------------------------------------------------------------------- class 5


def c5_cache_is_file(folder: Path, run) -> str:
    notes = folder / "n"
    notes.mkdir()
    (notes / "good.md").write_text(GOOD_NOTE, encoding="utf-8")
    (folder / "cachefile").write_text("not a folder")
    result = run("build", notes, "--out", folder / "g.json", "--cache", folder / "cachefile")
    if not (folder / "g.json").exists():
        raise Verdict("loss", f"no graph written (exit {result.rc})")
    if (folder / "cachefile").read_text() != "not a folder":
        raise Verdict("loss", "the file given as cache was changed")
    return "built without the cache"


def c5_cache_parts_are_files(folder: Path, run) -> str:
    notes = folder / "n"
    notes.mkdir()
    (notes / "good.md").write_text(GOOD_NOTE, encoding="utf-8")
    cache = folder / "c"
    cache.mkdir()
    (cache / "graphs").write_text("in the way")
    result = run("build", notes, "--out", folder / "g.json", "--cache", cache)
    if not (folder / "g.json").exists():
        raise Verdict("loss", f"no graph written (exit {result.rc})")
    return "built without the cache"


def c5_max_size(folder: Path, run) -> str:
    notes = folder / "n"
    notes.mkdir()
    (notes / "good.md").write_text(GOOD_NOTE, encoding="utf-8")
    for value in ("inf", "nan", "1e400", "-1", "0"):
        result = run("build", notes, "--out", folder / "g.json", "--max-size", value)
        if result.rc == 0 and value in ("inf", "1e400"):
            raise Verdict("loss", f"--max-size {value} accepted: no limit on memory")
    return "each refused in one line"


def c5_out_places(folder: Path, run) -> str:
    notes = folder / "n"
    notes.mkdir()
    (notes / "good.md").write_text(GOOD_NOTE, encoding="utf-8")
    mine = folder / "mine.json"
    mine.write_text('{"my": "data"}')
    link = folder / "link.json"
    os.symlink(mine, link)
    for out in (folder, mine, link, Path("/dev/full"), folder / "nodir" / "x" / "g.json"):
        result = run("build", notes, "--out", out)
        if out != folder / "nodir" / "x" / "g.json" and result.rc == 0:
            raise Verdict("loss", f"--out {out.name} was written over")
    if mine.read_text() != '{"my": "data"}':
        raise Verdict("loss", "a file the tool did not write was replaced")
    return "refused in one line each; the user's file untouched"


def c5_export_over_user_file(folder: Path, run) -> str:
    graph = _good_graph(folder, run)
    mine = folder / "guide.md"
    mine.write_text("my own study guide")
    run("export", "--graph", graph, "--format", "markdown", "--out", mine)
    if mine.read_text() != "my own study guide":
        raise Verdict("loss", "the export replaced the user's file")
    vault = folder / "vault"
    vault.mkdir()
    (vault / "dropout.md").write_text("my own note on dropout")
    (vault / "Dropout.md").write_text("my own note on Dropout")
    run("export", "--graph", graph, "--format", "obsidian", "--out", vault)
    for name, text in (
        ("dropout.md", "my own note on dropout"),
        ("Dropout.md", "my own note on Dropout"),
    ):
        if (vault / name).read_text() != text:
            raise Verdict("loss", f"the Obsidian export overwrote the user's {name}")
    return "the user's files kept"


def c5_export_fails_midway(folder: Path, run) -> str:
    graph = _good_graph(folder, run)
    out = folder / "g.graphml"
    _export(run, graph, "graphml", out)
    before = out.read_bytes()
    broken = folder / "broken.json"
    broken.write_text(
        '{"graph": {"schema": "concept-graph/1"}, "nodes": [{"id": 1, "label": []}], "edges": 3}'
    )
    run("export", "--graph", broken, "--format", "graphml", "--out", out)
    if out.read_bytes() != before:
        raise Verdict("loss", "a failed export changed the file it would replace")
    return "the old export kept"


# ----------------------------------------------------------------------------- class 6

_HEAD = '{"directed": true, "multigraph": true, "graph": {"schema": "concept-graph/1"}, '
HOSTILE_GRAPHS: dict[str, str] = {
    "list-for-object": '{"graph": {"schema": "concept-graph/1"}, "nodes": [["a"]], "edges": []}',
    "string-for-number": json.dumps(
        {
            "directed": True,
            "multigraph": True,
            "graph": {"schema": "concept-graph/1"},
            "nodes": [{"id": "a", "label": "a", "importance": "high"}, {"id": "b", "label": "b"}],
            "edges": [
                {"source": "a", "target": "b", "key": 0, "relation": "is_a", "confidence": "high"}
            ],
        }
    ),
    "nodes-a-string": '{"graph": {"schema": "concept-graph/1"}, "nodes": "abc", "edges": {}}',
    "edge-to-nowhere": json.dumps(
        {
            "directed": True,
            "multigraph": True,
            "graph": {"schema": "concept-graph/1"},
            "nodes": [{"id": "a", "label": "a"}],
            "edges": [
                {"source": "a", "target": "zz", "key": 0, "relation": "is_a", "confidence": 0.9}
            ],
        }
    ),
    "nan": _HEAD + '"nodes": [{"id": "a", "label": "a", "importance": NaN}], "edges": []}',
    "label-a-list": _HEAD + '"nodes": [{"id": "a", "label": ["x"], "aliases": "a"}], "edges": []}',
    "top-level-array": "[1, 2, 3]",
    "empty": "",
}


def _c6(kind: str) -> Callable[[Path, Callable[..., Run]], str]:
    def case(folder: Path, run) -> str:
        graph = folder / "bad.json"
        graph.write_text(HOSTILE_GRAPHS[kind], encoding="utf-8")
        for args in (
            ("search", "--graph", graph, "a"),
            ("path", "--graph", graph, "a"),
            ("neighbourhood", "--graph", graph, "a"),
            ("topics", "--graph", graph),
            ("export", "--graph", graph, "--format", "markdown", "--out", folder / "o.md"),
        ):
            result = run(*args)
            lines = result.err.decode("utf-8", "replace").strip().splitlines()
            if result.rc == 0 and args[0] != "search":
                raise Verdict("loss", f"`{args[0]}` accepted a broken graph file silently")
            if result.rc != 0 and (len(lines) != 1 or "bad.json" not in lines[0]):
                raise Verdict("loss", f"`{args[0]}`: not one line naming the file: {lines[:2]}")
        return "one line naming the file and the reason"

    return case


# ----------------------------------------------------------------------------- class 7


def _apkg(path: Path, notes: list[bytes]) -> None:
    db = path.with_suffix(".sqlite")
    con = sqlite3.connect(db)
    con.executescript(
        "create table col (id integer primary key, models text, decks text);"
        "create table notes (id integer primary key, mid integer, flds text, tags text);"
        "create table cards (id integer primary key, nid integer, did integer, ord integer);"
    )
    models = {
        "1": {
            "id": 1,
            "name": "Basic",
            "flds": [{"name": "Front", "ord": 0}, {"name": "Back", "ord": 1}],
            "tmpls": [{"name": "Card 1", "ord": 0}],
        }
    }
    con.execute(
        "insert into col values (1, ?, ?)",
        (json.dumps(models), json.dumps({"1": {"id": 1, "name": "Deck"}})),
    )
    for i, flds in enumerate(notes, 1):
        con.execute("insert into notes values (?, 1, CAST(? AS TEXT), '')", (i, flds))
        con.execute("insert into cards values (?, ?, 1, 0)", (i, i))
    con.commit()
    con.close()
    with zipfile.ZipFile(path, "w") as z:
        z.write(db, "collection.anki2")
        z.writestr("media", "{}")
    db.unlink()


def c7_apkg_one_bad_note(folder: Path, run) -> str:
    notes = folder / "deck"
    notes.mkdir()
    good = [
        b"Dropout\x1fDropout is a regularization technique that drops units.",
        b"Entropy\x1fEntropy is a measure of disorder.",
    ]
    _apkg(notes / "d.apkg", [good[0], b"Bad\xff\xfe\x1fnot \xc3 utf-8", good[1]])
    result = _build_keeps_good(run, notes, folder / "g.json")
    return f"good notes kept ({result.rc})"


def c7_apkg_long_field(folder: Path, run) -> str:
    notes = folder / "deck"
    notes.mkdir()
    _apkg(
        notes / "d.apkg",
        [
            b"Dropout\x1fDropout is a regularization technique that drops units.",
            b"Huge\x1f" + b"word " * 30_000,
        ],
    )
    _build_keeps_good(run, notes, folder / "g.json")
    return "the long note skipped, the rest kept"


def c7_crowdanki_bad_note(folder: Path, run) -> str:
    notes = folder / "deck"
    notes.mkdir()
    deck = crowdanki_deck(
        [
            ["Dropout", "Dropout is a regularization technique that drops units."],
            7,  # not a list of fields
            ["x" * 50_000, "long"],
        ]
    )
    (notes / "deck.json").write_text(json.dumps(deck), encoding="utf-8")
    _build_keeps_good(run, notes, folder / "g.json")
    return "bad notes skipped, the rest kept"


# ----------------------------------------------------------------------------- class 8


#: The same two cards in three formats; ``{c}`` is where the line-end character goes.
LINE_END_NOTES = {
    "qa.txt": "Q: What is dropout?\nA: A technique{c}that drops units.\nKEEP1 after it.\n"
    "Q: What is attention?\nA: A weighting KEEP2.\n",
    "notes.md": "# Dropout\n\nA technique{c}that drops units.\nKEEP1 after it.\n\n"
    "# Attention\n\nA weighting KEEP2.\n",
    "cards.csv": "term,definition\ndropout,A technique{c}that drops units. KEEP1 after it.\n"
    "attention,A weighting KEEP2.\n",
}


def _c8(char: str) -> Callable[[Path, Callable[..., Run]], str]:
    def case(folder: Path, run) -> str:
        for name, template in LINE_END_NOTES.items():
            note = folder / name
            note.write_text(template.format(c=char), encoding="utf-8", newline="")
            result = run("cards", note, "--json", check_terminal=False)
            cards = json.loads(result.out.decode("utf-8"))["cards"]
            text = " ".join(f"{card['title']} {card['body']}" for card in cards)
            for word in ("KEEP1", "KEEP2", "that drops units"):
                if word not in text:
                    raise Verdict("loss", f"{name}: text after {char!r} lost ({word!r} missing)")
        return "every line kept in Q/A, Markdown and CSV"

    return case


# ----------------------------------------------------------------------------- class 9


def c9_long_paragraphs(folder: Path, run) -> str:
    notes = folder / "long"
    notes.mkdir()
    (notes / "good.md").write_text(GOOD_NOTE, encoding="utf-8")
    words = [f"term{i % 997} concept{i % 101} idea" for i in range(9_000)]
    para = " ".join(words)[:99_000]
    (notes / "long.md").write_text("\n\n".join([para] * 10), encoding="utf-8")
    result = _build_keeps_good(run, notes, folder / "g.json")
    return f"{result.seconds:.0f} s, {result.peak_mb:.0f} MB (1 MB of 99,000-character paragraphs)"


def c9_wrapped_lines(folder: Path, run) -> str:
    notes = folder / "wrap"
    notes.mkdir()
    (notes / "good.md").write_text(GOOD_NOTE, encoding="utf-8")
    lines = [
        f"the network layer {i % 53} uses weights and inputs of model {i % 17}"
        for i in range(4_000)
    ]
    (notes / "wrap.txt").write_text("\n".join(lines), encoding="utf-8")
    result = _build_keeps_good(run, notes, folder / "g.json")
    return f"{result.seconds:.0f} s, {result.peak_mb:.0f} MB (4,000 lines, no full stop)"


# ----------------------------------------------------------------------------- class 10


def c10_same_names(folder: Path, run) -> str:
    notes = folder / "same"
    for part, text in (
        ("a/x", GOOD_NOTE),
        ("b/x", "# Entropy\n\nEntropy is a measure of disorder.\n"),
    ):
        (notes / part).mkdir(parents=True)
        (notes / part / "notes.md").write_text(text, encoding="utf-8")
    out = folder / "g.json"
    _build_keeps_good(run, notes, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    cited = [s["path"] for s in data["graph"]["sources"]]
    cards = {c for n in data["nodes"] for c in n.get("cards") or []}
    names = {c.rsplit("#", 1)[0] for c in cards}
    if len(names) < 2:
        raise Verdict("loss", f"both files cited as {sorted(names)}")
    if any(name.count("/") < 2 for name in names):
        raise Verdict("loss", f"citations do not identify the file: {sorted(names)} ({cited})")
    return f"cited as {', '.join(sorted(names))}"


CASES: list[Case] = [
    Case(1, "cards: ESC/OSC/C1/bidi in a note", c1_cards_escape),
    Case(1, "build: escape sequences in file names", c1_build_file_names),
    Case(1, "build: newline in a file name", c1_forged_line),
    Case(1, "queries: escape sequences in a graph", c1_query_output),
    Case(2, "anki: \\x1f in a label", c2_anki_separator),
    Case(2, "graphml/gexf/svg: XML-invalid characters", c2_xml),
    Case(2, "csv: formula in a label", c2_csv_formula),
    Case(2, "markdown/obsidian: markup in a label", c2_markdown),
    Case(2, "mermaid/dot: quotes in a label", c2_mermaid_dot),
    Case(2, "json: lone surrogates in a label", c2_json_surrogate),
    Case(3, "a FIFO in the folder", c3_fifo),
    Case(3, "a link to /dev/zero", c3_device_link),
    Case(3, "a socket in the folder", c3_socket),
    Case(3, "a link loop and a dangling link", c3_link_loop),
    Case(3, "30,000 files in a folder", c3_file_cap),
    Case(4, "a Latin-1 file name", c4_latin1_name),
    Case(4, "lone surrogates in a CrowdAnki deck", c4_surrogates_json),
    Case(4, "invalid UTF-8 in a Markdown note", c4_bad_utf8_text),
    Case(5, "--cache is a file", c5_cache_is_file),
    Case(5, "cache's graphs/ is a file", c5_cache_parts_are_files),
    Case(5, "--max-size inf, nan, 1e400, -1, 0", c5_max_size),
    Case(5, "--out: folder, user's file, link, device", c5_out_places),
    Case(5, "export over the user's files", c5_export_over_user_file),
    Case(5, "an export that fails keeps the old file", c5_export_fails_midway),
    *(Case(6, f"graph file: {kind}", _c6(kind)) for kind in HOSTILE_GRAPHS),
    Case(7, ".apkg with one note of invalid UTF-8", c7_apkg_one_bad_note),
    Case(7, ".apkg with one over-long field", c7_apkg_long_field),
    Case(7, "CrowdAnki with bad notes", c7_crowdanki_bad_note),
    *(
        Case(8, f"line end {ch!r} in an answer", _c8(ch))
        for ch in ("\x0c", "\u2028", "\r", "\x85", "\x1e", "\x0b")
    ),
    Case(9, "ten 99,000-character paragraphs", c9_long_paragraphs),
    Case(9, "4,000 wrapped lines, no full stop", c9_wrapped_lines),
    Case(10, "two notes.md at depth 2", c10_same_names),
]

OUTCOMES = ("handled", "crash", "hang", "loss", "injection")


def run_case(case: Case, timeout: float) -> tuple[str, str, float]:
    folder = Path(tempfile.mkdtemp(prefix="hostile-"))
    start = time.perf_counter()
    try:
        detail = case.make(folder, _runner(folder, timeout))
        outcome = "handled"
    except Verdict as verdict:
        outcome, detail = verdict.outcome, verdict.detail
    except Exception as exc:  # the case's own check tripped over the output
        outcome, detail = "crash", f"output unusable: {type(exc).__name__}: {exc}"[:200]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return outcome, detail, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--class", dest="classes", type=int, action="append", help="only class N")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per command")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rows = []
    for case in CASES:
        if args.classes and case.klass not in args.classes:
            continue
        outcome, detail, seconds = run_case(case, args.timeout)
        rows.append({"class": case.klass, "case": case.name, "outcome": outcome, "detail": detail})
        if not args.json:
            detail = detail.encode("unicode_escape").decode("ascii")[:110]
            print(
                f"{case.klass:>2}  {case.name:44.44s} {outcome:9s} {seconds:5.1f}s  {detail}",
                flush=True,
            )
    totals = {o: sum(1 for r in rows if r["outcome"] == o) for o in OUTCOMES}
    if args.json:
        print(json.dumps({"cases": rows, "totals": totals}, indent=1))
    else:
        print("\nclass  " + "  ".join(f"{o:>9s}" for o in OUTCOMES))
        for k in sorted({r["class"] for r in rows}):
            counts = [
                sum(1 for r in rows if r["class"] == k and r["outcome"] == o) for o in OUTCOMES
            ]
            print(f"{k:>5}  " + "  ".join(f"{c:>9d}" for c in counts))
        print("total  " + "  ".join(f"{totals[o]:>9d}" for o in OUTCOMES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
