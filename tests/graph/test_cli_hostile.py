"""The command line with hostile input: nothing from the notes, their file names, a graph
file or the arguments reaches the terminal raw (ESC, OSC, CSI, C1, bidi, line separators,
lone surrogates are shown escaped, the text is still there), nothing forges a line, and
odd arguments or output places give one ``error:`` line, never a traceback."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

import graph.io
from graph.__main__ import main
from graph.io import SCHEMA, graph_to_data
from tests.conftest import ROOT

#: Characters (and one raw byte) that must never reach a terminal raw.
RAW = ["\x1b", "\x07", "\x9b", "\x85", "\r", "\u202e", "\u2066", "\u2028", "\u2029"]
RAW_BYTES = [c.encode("utf-8") for c in RAW] + [b"\x9b", b"\xe9"]

SET_TITLE = "\x1b]0;pwned\x07"
CLEAR = "\x1b[2J"
HIDDEN_LINK = "\x1b]8;;http://evil.example/\x1b\\the paper\x1b]8;;\x1b\\"
C1_CSI = "\x9b31m"
RLO = "\u202e"


def assert_safe(*texts: str) -> None:
    for text in texts:
        for char in RAW:
            assert char not in text, f"raw {char!r} in {text!r}"
        text.encode("utf-8")  # no lone surrogate left
        assert "Traceback" not in text


def assert_safe_bytes(*outputs: bytes) -> None:
    for output in outputs:
        for raw in RAW_BYTES:
            assert raw not in output, f"raw {raw!r} in {output!r}"
        output.decode("utf-8")  # strict: no raw undecodable byte either
        assert b"Traceback" not in output


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def graph_command(*argv: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "graph", *argv],
        cwd=cwd,
        capture_output=True,
        timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "", "LANG": "C.UTF-8"},
    )


# --- notes and file names: build and cards ------------------------------------------------

NOTE = (
    f"# Osmosis{SET_TITLE}\n\n"
    f"Osmosis{CLEAR} is a transport process that moves water across membranes. "
    f"See {HIDDEN_LINK}.\n\n"
    f"# Erosion{RLO}evil\n\n"
    f"Erosion{C1_CSI} is a process\u2028that wears the rocks.\n\n"
    "| term | meaning\x1b[5m |\n|---|---|\n| titration\x1b[8m | normalises\x85 scores |\n\n"
    # ordinary prose, so that the controls stay under the readers' "binary file" share
    + "# Continental drift\n\n"
    + "Continental drift is a theory that explains the slow motion of the plates. " * 12
)
GOOD = "# Titration\n\nTitration is a method that finds the strength of an acid.\n"

#: File names that try to act on the terminal, and what is shown of each.
NAMES = {
    f"clear{CLEAR}.md": "clear\\x1b[2J.md",
    f"title{SET_TITLE}.md": "title\\x1b]0;pwned\\x07.md",
    f"link{HIDDEN_LINK}.md".replace("/", "\u2215"): "link\\x1b]8;;http:",
    f"c1{C1_CSI}.md": "c1\\x9b31m.md",
    f"evil{RLO}dm.md": "evil\\u202edm.md",
    # the readers cite a name with a line break in it with a space instead
    "sep\u2028line.md": "sep line.md",
}
#: An empty file (a warning) whose name tries to forge an "ok" status line.
FORGER = "x\nok forged.md  markdown  9 cards\n.md"


@pytest.fixture(scope="module")
def notes(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "notes"
    folder.mkdir()
    (folder / "note.md").write_text(NOTE, encoding="utf-8")
    for name in NAMES:
        (folder / name).write_text(GOOD, encoding="utf-8")
    (folder / FORGER).write_text("", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(notes) -> tuple[subprocess.CompletedProcess, subprocess.CompletedProcess, Path]:
    """The hostile notes built once in a fresh interpreter (real bytes on stdout), then
    again from the cache with ``--json``."""
    out, cache = notes.parent / "graph.json", notes.parent / "cache"
    human = graph_command("build", str(notes), "--out", str(out), "--cache", str(cache))
    again = graph_command("build", str(notes), "--out", str(out), "--cache", str(cache), "--json")
    return human, again, out


def test_cli_hostile_build_lines_are_escaped_and_none_forged(built):
    human, _, _ = built
    assert human.returncode == 0, human.stderr
    assert_safe_bytes(human.stdout, human.stderr)
    out, err = human.stdout.decode(), human.stderr.decode()
    for shown in NAMES.values():
        assert shown in out
    lines = out.splitlines()
    assert len(lines) == len(NAMES) + 3  # a line per file and the summary
    assert all(line.startswith(("ok ", "ERR ", "wrote ")) for line in lines)
    assert not any(line.startswith("ok forged") for line in lines)
    assert "ERR " in out and "x ok forged.md  markdown  9 cards .md" in out
    forger = out.split("ERR ")[1].split("  -")[0]
    assert err.splitlines() == [f"warning: {forger}: empty file"]


def test_cli_hostile_build_json_summary(built):
    _, again, out = built
    assert again.returncode == 0, again.stderr
    assert_safe_bytes(again.stdout, again.stderr)
    summary = json.loads(again.stdout)
    assert summary["out"] == str(out)
    shown = FORGER.replace("\n", " ")  # the readers cite it with spaces for line breaks
    assert [Path(e["path"]).name for e in summary["errors"]] == [shown]


def test_cli_hostile_cards_shows_the_note_escaped(capsys, notes):
    code, out, err = run(capsys, "cards", str(notes / "note.md"))
    assert code == 0, err
    assert_safe(out, err)
    for shown in (
        "heading: Osmosis\\x1b]0;pwned\\x07",
        "Osmosis\\x1b[2J is a transport",
        "See \\x1b]8;;http://evil.example/\\x1b\\the paper\\x1b]8;;\\x1b",
        "heading: Erosion\\u202eevil",
        "Erosion\\x9b31m is a process that wears",  # U+2028: a space (readers)
        "meaning\\x1b[5m",
        "titration\\x1b[8m | normalises scores",  # U+0085: a space (readers)
    ):
        assert shown in out


def test_cli_hostile_cards_json_is_valid_and_carries_nothing_raw(capsys, notes):
    code, out, err = run(capsys, "cards", str(notes / "note.md"), "--json")
    assert code == 0, err
    assert_safe(out, err)
    cards = json.loads(out)["cards"]
    assert cards[0]["title"] == f"Osmosis{SET_TITLE}"  # the text itself, unchanged


@pytest.mark.parametrize("name", sorted(NAMES))
def test_cli_hostile_cards_file_name(capsys, notes, name):
    code, out, err = run(capsys, "cards", str(notes / name))
    assert code == 0, err
    assert_safe(out, err)
    assert out.splitlines()[0].startswith(str(notes / NAMES[name].split("\\")[0]))


@pytest.mark.parametrize("raw", [b"caf\xe9.md", b"csi\x9b2J.md"])
def test_cli_hostile_cards_undecodable_file_name(capsys, tmp_path, raw):
    """A name in Latin-1 (or with a lone byte 0x9B, a C1 CSI) is shown with U+FFFD for
    the byte, as the readers cite it: printing it crashed (UnicodeEncodeError) or sent
    the raw byte to the terminal."""
    path = os.path.join(os.fsencode(tmp_path), raw)
    with open(path, "w", encoding="utf-8") as f:
        f.write(GOOD)
    name = os.fsdecode(path)
    code, out, err = run(capsys, "cards", name)
    assert code == 0, err
    assert_safe(out, err)
    shown = raw.decode("utf-8", "replace")
    assert out.splitlines()[0].startswith(f"{tmp_path}/{shown}")
    assert "the file name is not valid UTF-8" in err
    done = graph_command("cards", name)  # real bytes on a real (C.UTF-8) stdout
    assert done.returncode == 0
    assert_safe_bytes(done.stdout, done.stderr)


def test_cli_hostile_reader_failure_is_logged_on_one_line(capsys, monkeypatch, notes):
    """``log.exception("reader failed on %s", path)`` in the readers printed the path
    and the exception raw, with its traceback."""
    import extraction.readers

    class Broken:
        FORMAT = "markdown"

        @staticmethod
        def read(raw):
            raise ValueError(f"bad{SET_TITLE}\nerror: forged")

    monkeypatch.setattr(extraction.readers, "detect", lambda raw: Broken)
    monkeypatch.delenv("CONCEPT_ATLAS_DEBUG", raising=False)
    code, out, err = run(capsys, "cards", str(notes / f"c1{C1_CSI}.md"))
    assert code == 1
    assert_safe(out, err)
    assert "error: reader failed on " in err and "c1\\x9b31m.md" in err
    assert "ValueError: bad\\x1b]0;pwned\\x07\\nerror: forged" in err
    assert not any(line.startswith("error: forged") for line in err.splitlines())


# --- a graph file with hostile labels: every query, explain and export ------------------


def hostile_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph(schema=SCHEMA, model=None, sources=[])
    G.graph["sources"] = [{"path": "caf\udce9.md", "sha256": "0" * 64, "format": "markdown"}]
    nodes = {
        "erosion": (f"Erosion{SET_TITLE}", f"Wears the rocks{CLEAR}.\nforged line"),
        "titration": (f"titr{RLO}ation", "Normalises\x9b31m scores\u2028to one."),
        "tectonics": ("Tecto\udce9nics \ud800", f"A model; see {HIDDEN_LINK}."),
    }
    for node, (label, definition) in nodes.items():
        G.add_node(
            node, label=label, definition=definition, aliases=[f"{node}\u2066x"],
            cards=[f"note.md#{node}"], importance=0.5, topic=f"models{CLEAR}",
        )  # fmt: skip
    evidence = [{"source": "notes\x1b[2J\n.md", "line": 3, "text": f"titration{C1_CSI} first"}]
    G.add_edge("titration", "erosion", relation="prerequisite_of", confidence=0.9,
               evidence=evidence)  # fmt: skip
    evidence = [{"source": "caf\udce9.md", "line": 1, "text": "erosion\u2028then"}]
    G.add_edge("erosion", "tectonics", relation="prerequisite_of", confidence=0.8,
               evidence=evidence)  # fmt: skip
    return G


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> str:
    """The hostile graph, written as another program might (``\\ud800`` escapes)."""
    path = tmp_path_factory.mktemp("graph") / "hostile.json"
    path.write_text(json.dumps(graph_to_data(hostile_graph())), encoding="ascii")
    return str(path)


QUERIES = [
    (["search", "erosion"], ["Erosion\\x1b]0;pwned\\x07"]),
    # read_graph shows a lone surrogate (\udce9, \ud800) as U+FFFD, with a warning
    (["search", "tectonics"], ["Tecto\ufffdnics \ufffd"]),
    (["path", "tectonics"], ["titr\\u202eation", "Wears the rocks\\x1b[2J.", "Tecto\ufffd"]),
    (["neighbourhood", "erosion"], ["titr\\u202eation (0.90)", "Tecto\ufffdnics \ufffd"]),
    (["connect", "titration", "tectonics"], ["titration\\x9b31m first", "notes\\x1b[2J\\n.md:3"]),
    (["next", "--known", "titration"], ["Erosion\\x1b]0;pwned\\x07"]),
    (["topics"], ["models\\x1b[2J (3 concepts)"]),
    (["gaps"], []),
    (["explain", "erosion"], ["Wears the rocks\\x1b[2J.\\nforged line"]),
    (["explain", "titration", "erosion"], ["titr\\u202eation —prerequisite_of→ Erosion\\x1b]"]),
    (["explain", "tectonics"], ["Tecto\ufffdnics", "\\x1b]8;;http://evil.example/"]),
]


@pytest.mark.parametrize("argv,shown", QUERIES, ids=lambda v: "-".join(v) if v else "")
def test_cli_hostile_query_output_is_escaped(capsys, graph_file, argv, shown):
    code, out, err = run(capsys, *argv, "--graph", graph_file)
    assert code == 0, err
    assert_safe(out, err)
    for text in shown:
        assert text in out
    assert "forged line" not in out.replace("\\nforged line", "")


@pytest.mark.parametrize("argv,_", QUERIES, ids=lambda v: "-".join(v) if v else "")
def test_cli_hostile_query_json_is_valid_and_carries_nothing_raw(capsys, graph_file, argv, _):
    code, out, err = run(capsys, *argv, "--graph", graph_file, "--json")
    assert code == 0, err
    assert_safe(out, err)
    json.loads(out)


def test_cli_hostile_query_json_keeps_the_text(capsys, graph_file):
    code, out, _ = run(capsys, "search", "tectonics", "--graph", graph_file, "--json")
    assert code == 0 and json.loads(out)[0]["label"] == "Tecto\ufffdnics \ufffd"


@pytest.mark.parametrize(
    "argv",
    [
        ["search", f"qqqq{SET_TITLE}"],
        ["path", f"qqqq{RLO}\nerror: forged"],
        ["neighbourhood", f"qqqq{CLEAR}"],
        ["connect", "titration", f"qqqq{C1_CSI}"],
        ["path", "titration", "--known", "qqqq\u2028"],
        ["explain", "titration", f"qqqq{HIDDEN_LINK}"],
        ["explain", f"qqqq{SET_TITLE}"],
    ],
)
def test_cli_hostile_arguments_echoed_back_are_escaped(capsys, graph_file, argv):
    _, out, err = run(capsys, *argv, "--graph", graph_file)
    assert_safe(out, err)
    assert not any(line.startswith("error: forged") for line in (out + err).splitlines())
    assert "qqqq" in out + err


def test_cli_hostile_unrecognised_argument_is_escaped(capsys, graph_file):
    with pytest.raises(SystemExit) as exit:
        main(["search", "q", f"extra{SET_TITLE}\nforged", "--graph", graph_file])
    out, err = capsys.readouterr()
    assert exit.value.code == 2
    assert_safe(out, err)
    assert "unrecognized arguments: extra\\x1b]0;pwned\\x07\\nforged" in err


@pytest.mark.parametrize("fmt", ["markdown", "dot", "json", "mermaid"])
def test_cli_hostile_export_summary_and_errors_are_escaped(capsys, graph_file, tmp_path, fmt):
    out_path = tmp_path / f"map{CLEAR}\n{RLO}.{fmt}"
    for extra in ([], ["--json"]):
        code, out, err = run(
            capsys, "export", "--graph", graph_file, "--format", fmt, "--out", str(out_path),
            *extra,
        )  # fmt: skip
        assert_safe(out, err)
        assert code in (0, 1)  # lone surrogates: written with a stated replacement, or refused
        assert ("map\\x1b[2J\\n\\u202e" in out + err) or (extra and code == 0)
        if code == 1:
            assert err.startswith("error: cannot write ") and err.count("\n") == 1
        elif extra:
            assert json.loads(out)["out"] == str(out_path)


def test_cli_hostile_explain_missing_graph_named_once(capsys, tmp_path):
    code, _, err = run(capsys, "explain", "x", "--graph", str(tmp_path / f"no{CLEAR}.json"))
    assert code == 1 and err.count("no\\x1b[2J.json") == 1
    assert_safe(err)


# --- odd arguments ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value,reason",
    [
        ("inf", "finite"),  # crashed: OverflowError
        ("1e400", "finite"),  # crashed: OverflowError
        ("-inf", "finite"),
        ("nan", "finite"),
        ("-1", "positive"),
        ("0", "positive"),
        ("1e-12", "positive"),  # 0 bytes: every file refused
        ("99999", "at most 2048 MB"),
        ("abc", "not a number"),
    ],
)
@pytest.mark.parametrize("command", ["build", "cards"])
def test_cli_hostile_max_size_refused_in_one_line(capsys, tmp_path, command, value, reason):
    target = ["build", str(tmp_path), "--out", str(tmp_path / "g.json")]
    argv = target if command == "build" else ["cards", str(tmp_path / "a.md")]
    with pytest.raises(SystemExit) as exit:
        main([*argv, f"--max-size={value}"])
    _, err = capsys.readouterr()
    assert exit.value.code == 2
    assert err.splitlines()[-1].startswith(f"python -m graph {command}: error: argument --max")
    assert reason in err and "Traceback" not in err


def test_cli_hostile_max_size_cap_is_accepted(capsys, tmp_path):
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    code, out, _ = run(capsys, "cards", str(tmp_path / "a.md"), "--max-size", "2048")
    assert code == 0 and "Titration" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "titration", "--limit", "-5"],  # silently "no concept matches"
        ["search", "titration", "--limit", "0"],
        ["neighbourhood", "titration", "--depth", "-1"],
        ["neighbourhood", "titration", "--min-confidence", "nan"],  # silently nothing
        ["neighbourhood", "titration", "--min-confidence", "inf"],
        ["neighbourhood", "titration", "--limit", "-3"],
        ["next", "--limit", "-1"],  # silently all but the last
        ["topics", "--top", "-2"],
        ["export", "--format", "dot", "--out", "x.dot", "--min-confidence", "nan"],
        ["export", "--format", "dot", "--out", "x.dot", "--depth", "-1"],
        ["export", "--format", "dot", "--out", "x.dot", "--max-concepts", "0"],
    ],
)
def test_cli_hostile_odd_numbers_refused_by_the_parser(capsys, graph_file, argv):
    with pytest.raises(SystemExit) as exit:
        main([*argv, "--graph", graph_file])
    _, err = capsys.readouterr()
    assert exit.value.code == 2
    assert err.splitlines()[-1].startswith(f"python -m graph {argv[0]}: error: argument --")
    assert "Traceback" not in err


# --- output places --------------------------------------------------------------------


@pytest.fixture
def places(tmp_path) -> dict[str, Path]:
    (tmp_path / "folder").mkdir()
    (tmp_path / "a file").write_text("mine", encoding="utf-8")
    (tmp_path / "link.json").symlink_to(tmp_path / "target.json")
    return {
        "a folder": tmp_path / "folder",
        "a symlink": tmp_path / "link.json",
        "a device": Path("/dev/full"),
        "inside a file": tmp_path / "a file" / "out.json",
    }


EXPECTED = {
    "a folder": "is a folder",
    "a symlink": "is not a plain file",
    "a device": "is not a plain file",
    "inside a file": "a file is not a folder",
}


@pytest.mark.parametrize("place", list(EXPECTED))
def test_cli_hostile_export_out_places(capsys, places, place):
    from tests.graph.test_query import make_graph

    out = places[place]
    source = out.parent.parent / "g.json" if place == "inside a file" else None
    source = source or out.parent / "g.json"
    graph.io.write_graph(make_graph(), source)
    code, stdout, err = run(
        capsys, "export", "--graph", str(source), "--format", "dot", "--out", str(out)
    )
    assert code == 1 and stdout == ""
    assert err.count("\n") == 1 and err.startswith("error: ") and str(out) in err
    assert EXPECTED[place] in err and "Traceback" not in err


@pytest.mark.parametrize(
    "exc,reason",
    [
        (OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), "No space left on device"),
        (PermissionError(errno.EACCES, os.strerror(errno.EACCES)), "Permission denied"),
        (OSError(errno.EROFS, os.strerror(errno.EROFS)), "Read-only file system"),
    ],
)
def test_cli_hostile_export_write_failure_is_one_line(capsys, monkeypatch, tmp_path, exc, reason):
    """A full disk (or a folder that refuses writing) part way through: one line naming
    the file, exit 1; the file it was replacing is still whole."""
    from tests.graph.test_query import make_graph

    source, out = tmp_path / "g.json", tmp_path / "map.dot"
    graph.io.write_graph(make_graph(), source)
    assert main(["export", "--graph", str(source), "--format", "dot", "--out", str(out)]) == 0
    before = out.read_bytes()
    capsys.readouterr()
    real = graph.io.replace_file

    def fails_part_way(path, write, **options):
        def write_then_fail(tmp):
            write(tmp)
            raise exc

        return real(path, write_then_fail, **options)

    monkeypatch.setattr(graph.io, "replace_file", fails_part_way)
    code, stdout, err = run(
        capsys, "export", "--graph", str(source), "--format", "dot", "--out", str(out)
    )
    assert code == 1 and stdout == ""
    assert err == f"error: cannot write {out}: {reason}\n"
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.json", "map.dot"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_cli_hostile_export_into_unwritable_folder(capsys, tmp_path):
    from tests.graph.test_query import make_graph

    source, locked = tmp_path / "g.json", tmp_path / "locked"
    graph.io.write_graph(make_graph(), source)
    locked.mkdir(mode=0o555)
    code, _, err = run(
        capsys, "export", "--graph", str(source), "--format", "dot", "--out", str(locked / "m.dot")
    )
    assert code == 1 and err == f"error: cannot write {locked / 'm.dot'}: Permission denied\n"


@pytest.fixture(scope="module")
def small_notes(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("small")
    (folder / "a.md").write_text(GOOD, encoding="utf-8")
    return folder


@pytest.mark.parametrize("place", list(EXPECTED))
def test_cli_hostile_build_out_places(capsys, places, small_notes, tmp_path, place):
    out = places[place]
    code, stdout, err = run(
        capsys, "build", str(small_notes), "--out", str(out), "--cache", str(tmp_path / "c")
    )
    assert code == 1 and stdout == ""
    assert err.count("\n") == 1 and err.startswith("error: ") and str(out) in err
    assert EXPECTED[place] in err and "Traceback" not in err


def test_cli_hostile_build_full_disk_is_one_line(capsys, monkeypatch, small_notes, tmp_path):
    out = tmp_path / "g.json"
    real = graph.io.replace_file

    def full_disk(path, write, **options):
        def write_then_fail(tmp):
            write(tmp)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        return real(path, write_then_fail if Path(path) == out else write, **options)

    monkeypatch.setattr(graph.io, "replace_file", full_disk)
    code, stdout, err = run(
        capsys, "build", str(small_notes), "--out", str(out), "--cache", str(tmp_path / "c")
    )
    assert code == 1 and stdout == ""
    assert err == f"error: cannot write {out}: No space left on device\n"
    assert not out.exists()


# --- an exception no command expected -----------------------------------------------------


@pytest.mark.parametrize("debug", [False, True])
def test_cli_hostile_unexpected_exception_is_one_escaped_line(
    capsys, monkeypatch, graph_file, debug
):
    import graph.query

    def boom(*args, **kwargs):
        raise RuntimeError(f"note text{SET_TITLE}\nTraceback (forged)")

    monkeypatch.setattr(graph.query, "search_matches", boom)
    if debug:
        monkeypatch.setenv("CONCEPT_ATLAS_DEBUG", "1")
    else:
        monkeypatch.delenv("CONCEPT_ATLAS_DEBUG", raising=False)
    code = main(["search", "x", "--graph", graph_file])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    for char in RAW:
        assert char not in err
    # the graph's lone surrogates are replaced on load, with a warning line first
    warning, _, err = err.partition("\n")
    assert warning.startswith("warning: ") and "lone surrogate" in warning
    last = err.splitlines()[-1]
    assert last.startswith("error: RuntimeError: note text\\x1b]0;pwned\\x07\\nTraceback (forged)")
    if debug:
        assert err.startswith("Traceback (most recent call last):") and "boom" in err
    else:
        assert err.count("\n") == 1 and "CONCEPT_ATLAS_DEBUG=1" in last


def test_cli_hostile_first_interrupt_stops_reading_second_quits(capsys):
    import signal
    import threading

    from graph.__main__ import _interrupt_stops

    stop = threading.Event()
    before = signal.getsignal(signal.SIGINT)  # SIG_IGN in a job started in the background
    with _interrupt_stops(stop, "reading"):
        os.kill(os.getpid(), signal.SIGINT)
        assert stop.is_set()
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
    assert "what was read is kept" in capsys.readouterr().err
    assert signal.getsignal(signal.SIGINT) is before  # the handler is given back


def test_cli_hostile_build_reports_a_pipe_and_keeps_the_good_note(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "good.md").write_text("# Osmosis\n\nOsmosis is a transport process.\n")
    os.mkfifo(folder / "pipe.md")
    done = graph_command("build", str(folder), "--out", str(tmp_path / "g.json"), "--no-cache")
    assert done.returncode == 0, done.stderr
    err = done.stderr.decode()
    assert "pipe.md: not a regular file" in err
    assert "1 of 2 files" in done.stdout.decode()
