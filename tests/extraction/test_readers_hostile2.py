"""Hostile inputs, second round (issue #16, classes 3, 4, 7, 8 and 10): things in a
folder that are not regular files, names and text that are not valid Unicode, parts of
a file that cannot be read, line breaks other than ``\\n``, and files of the same name.

Each test fails on the readers before the fix: a hang (guarded by a subprocess
timeout), a crash, lost cards or a silent skip.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import sqlite3
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest

from extraction import limits
from extraction.readers import (
    ReadProgress,
    apkg,
    crowdanki,
    pdf,
    read_bytes,
    read_file,
    read_paths,
    unique_names,
)
from extraction.records import ReadResult
from graph import view

ROOT = Path(__file__).resolve().parents[2]
GOOD = "# Osmosis\n\nOsmosis is a transport process that moves water.\n"
#: A guard only: each of these finishes in a second or two once fixed.
GUARD_SECONDS = 60


def assert_utf8(result: ReadResult) -> None:
    """Every string anywhere in ``result`` encodes as UTF-8 (no lone surrogate)."""

    def walk(value: object, where: str) -> None:
        if isinstance(value, str):
            value.encode("utf-8")  # raises UnicodeEncodeError on a surrogate
        elif dataclasses.is_dataclass(value):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name), f"{where}.{f.name}")
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key, where)
                walk(item, where)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item, where)

    walk(result, "result")
    payload = {
        "source": dataclasses.asdict(result.source),
        "cards": [dataclasses.asdict(c) for c in result.cards],
    }
    json.dumps(payload, ensure_ascii=False).encode("utf-8")


def run_guarded(code: str) -> dict:
    """Run ``code`` (which prints one JSON line) in a fresh Python, under the guard."""
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=GUARD_SECONDS,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


READ_FOLDER = """
import json, sys
from extraction.readers import read_paths
results = read_paths([sys.argv[1] if len(sys.argv) > 1 else {folder!r}])
print(json.dumps([[r.source.path, len(r.cards), r.source.errors] for r in results]))
"""

NOTE_FILES = """
import json
from graph import view
notes = view.note_files([{folder!r}])
print(json.dumps([[n.name, n.error, view.read_note(n).source.errors] for n in notes]))
"""


def _by_name(rows: list) -> dict[str, tuple[int, list[str]]]:
    return {Path(path).name: (cards, errors) for path, cards, errors in rows}


# -- class 3: things in a folder that are not regular files --------------------------------


@pytest.fixture
def folder_with_fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.md")
    return tmp_path


def test_readers_hostile2_fifo_in_a_folder_is_refused_without_blocking(folder_with_fifo):
    rows = _by_name(run_guarded(READ_FOLDER.format(folder=str(folder_with_fifo))))
    assert rows["good.md"][0] == 1 and rows["good.md"][1] == []
    assert rows["pipe.md"][0] == 0
    assert rows["pipe.md"][1] == [
        "not a regular file (a named pipe (FIFO)); only regular files are read"
    ]


def test_readers_hostile2_fifo_named_directly_is_refused(folder_with_fifo):
    code = (
        "import json; from extraction.readers import read_file; "
        f"print(json.dumps(read_file({str(folder_with_fifo / 'pipe.md')!r}).source.errors))"
    )
    assert run_guarded(code) == [
        "not a regular file (a named pipe (FIFO)); only regular files are read"
    ]


def test_readers_hostile2_app_folder_with_fifo_does_not_block(folder_with_fifo):
    rows = run_guarded(NOTE_FILES.format(folder=str(folder_with_fifo)))
    by_name = {Path(name).name: errors for name, _, errors in rows}
    assert by_name["good.md"] == []
    assert "named pipe" in by_name["pipe.md"][0]


def test_readers_hostile2_link_to_dev_zero_is_refused(tmp_path):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    os.symlink("/dev/zero", tmp_path / "zero.md")
    rows = _by_name(run_guarded(READ_FOLDER.format(folder=str(tmp_path))))
    assert rows["good.md"][0] == 1
    refused = "not a regular file (a character device); only regular files are read"
    assert rows["zero.md"] == (0, [refused])


def test_readers_hostile2_size_is_counted_on_the_bytes_read(tmp_path, monkeypatch):
    # A file whose stat says 0 bytes (like /proc files) is still capped while read.
    path = tmp_path / "grows.txt"
    path.write_bytes(b"What is x?\nA letter.\n" * 100)
    real_fstat = os.fstat

    def zero_size(fd):
        st = real_fstat(fd)
        return os.stat_result((*st[:6], 0, *st[7:]))

    monkeypatch.setattr(os, "fstat", zero_size)
    result = read_file(path, max_bytes=100)
    assert result.cards == []
    assert result.source.errors == ["file is over the 0.0001 MB limit (it grew while read)"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any folder")
def test_readers_hostile2_unreadable_folder_is_reported(tmp_path):
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.md").write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        results = read_paths([tmp_path])
    finally:
        locked.chmod(0o755)
    report = [r for r in results if r.source.path.endswith("locked")]
    assert report and report[0].source.errors == ["folder not read: Permission denied"]


def test_readers_hostile2_folder_that_cannot_be_listed_is_reported(tmp_path, monkeypatch):
    # The same report as a chmod-0 folder, made to happen when running as root too.
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.md").write_text(GOOD, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    results = read_paths([tmp_path])
    assert [(Path(r.source.path).name, len(r.cards)) for r in results] == [
        ("good.md", 1),
        ("locked", 0),
    ]
    assert results[1].source.errors == ["folder not read: Permission denied"]
    assert results[1].source.format == "folder"
    notes = view.note_files([tmp_path])
    assert [n.error for n in notes] == ["", "folder not read: Permission denied"]
    assert view.read_note(notes[1]).source.errors == ["folder not read: Permission denied"]


def test_readers_hostile2_links_to_folders_are_not_followed(tmp_path):
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "loop")  # a folder that holds itself
    results = read_paths([tmp_path])
    assert [r.source.path for r in results] == [str(tmp_path / "good.md")]


def _notes_folder(tmp_path: Path, count: int) -> Path:
    for i in range(count):
        (tmp_path / f"n{i}.md").write_text(f"# Topic {i}\n\nTopic {i} is a thing.\n")
    return tmp_path


def test_readers_hostile2_file_cap_stops_the_walk_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_FOLDER_FILES", 2)
    results = read_paths([_notes_folder(tmp_path, 4)])
    assert [len(r.cards) for r in results] == [1, 1, 0]
    assert results[-1].source.errors == [
        "stopped after 2 files: over the 2-file limit for one build (MAX_FOLDER_FILES); "
        "the rest were not read"
    ]
    notes = view.note_files([tmp_path])
    assert [bool(n.error) for n in notes] == [False, False, True]


def test_readers_hostile2_time_budget_stops_the_walk_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "FOLDER_TIME_BUDGET_S", 0.0)
    results = read_paths([_notes_folder(tmp_path, 3)])
    assert [len(r.cards) for r in results] == [0]
    assert "took over the 0 s limit (FOLDER_TIME_BUDGET_S)" in results[0].source.errors[0]


def test_readers_hostile2_progress_and_cancel(tmp_path):
    folder = _notes_folder(tmp_path, 4)
    seen: list[ReadProgress] = []
    stop = threading.Event()

    def progress(report: ReadProgress) -> None:
        seen.append(report)
        if report.done == 2:
            stop.set()

    results = read_paths([folder], progress=progress, cancel=stop)
    assert [len(r.cards) for r in results] == [1, 1, 0]
    assert results[-1].source.errors == [
        "stopped after 2 of 4 files: reading was cancelled; the rest were not read"
    ]
    reading = [p for p in seen if not p.walking]
    assert [(p.done, p.found, p.current) for p in reading] == [
        (0, 4, "n0.md"),
        (1, 4, "n1.md"),
        (2, 4, "n2.md"),
        (2, 4, ""),
    ]
    assert reading[1].bytes_read == (folder / "n0.md").stat().st_size
    # A callable works as well as an event.
    assert len(read_paths([folder], cancel=lambda: True)) == 1


# -- class 4: text that is not valid Unicode -------------------------------------------------


def test_readers_hostile2_latin1_file_name_is_read_and_cited_with_a_replacement(tmp_path):
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.md"), "w", encoding="utf-8") as f:
        f.write("# Erosion\n\nErosion is a process that wears rocks.\n")
    results = read_paths([tmp_path])
    assert [len(r.cards) for r in results] == [1, 1]
    latin = next(r for r in results if "caf" in r.source.path)
    assert latin.cards[0].source == "caf\ufffd.md"
    assert latin.source.path == str(tmp_path / "caf\ufffd.md")
    assert latin.source.warnings == [
        "the file name is not valid UTF-8: shown with U+FFFD in place of the bad bytes"
    ]
    for result in results:
        assert_utf8(result)


DECK_WITH_SURROGATES = (
    '{"__type__": "Deck", "name": "x\\ud800", "note_models": [], "children": [],'
    ' "notes": [{"fields": ["Term\\udc00", "a \\ud800 definition"]}]}'
)


def test_readers_hostile2_lone_surrogates_in_a_crowdanki_deck_are_replaced():
    result = read_bytes(DECK_WITH_SURROGATES.encode(), path="deck.json")
    assert result.source.errors == []
    card = result.cards[0]
    assert (card.title, card.body) == ("Term\ufffd", "a \ufffd definition")
    assert card.section == ("x\ufffd",)
    assert result.source.warnings == [
        "3 characters that are not valid Unicode (lone surrogates, e.g. from a JSON "
        "\\ud800 escape) replaced by U+FFFD"
    ]
    assert_utf8(result)


def test_readers_hostile2_surrogate_in_an_upload_name():
    result = read_bytes(GOOD.encode(), path="x.md", name="caf\udce9.md")
    assert result.cards[0].source == "caf\ufffd.md"
    assert "not valid UTF-8" in result.source.warnings[0]
    assert_utf8(result)


# -- class 7: all or nothing -----------------------------------------------------------------

MODELS = json.dumps({"1": {"flds": [{"name": "Front"}, {"name": "Back"}]}})
DECKS = json.dumps({"1": {"name": "Deck"}})


def _apkg(notes: list[bytes | str]) -> bytes:
    """An .apkg whose collection holds ``notes`` (``flds`` as TEXT, bytes kept as is)."""
    con = sqlite3.connect(":memory:")
    con.executescript(
        "CREATE TABLE col (models TEXT, decks TEXT);"
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, mid, flds TEXT);"
        "CREATE TABLE cards (id INTEGER PRIMARY KEY, nid, did, ord);"
    )
    con.execute("INSERT INTO col VALUES (?, ?)", (MODELS, DECKS))
    for number, flds in enumerate(notes, start=1):
        con.execute("INSERT INTO notes VALUES (?, 1, CAST(? AS TEXT))", (number, flds))
        con.execute("INSERT INTO cards VALUES (?, ?, 1, 0)", (number, number))
    data = con.serialize()
    con.close()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("collection.anki2", data)
    return buffer.getvalue()


NOTES = ["Magma\x1fMolten rock below ground", "Lava\x1fMolten rock", "Osmosis\x1fMoves water"]


@pytest.mark.parametrize("suffix", [".apkg", ".colpkg"])
def test_readers_hostile2_apkg_note_not_utf8_keeps_the_deck(suffix):
    bad = "Caf\xe9\x1fA drink".encode("latin-1")
    result = read_bytes(_apkg([NOTES[0], bad, NOTES[1]]), path="deck" + suffix)
    assert result.source.errors == []
    assert [c.title for c in result.cards] == ["Magma", "Caf\ufffd", "Lava"]
    assert result.source.warnings == [
        "note 2: not valid UTF-8; the undecodable bytes are shown as U+FFFD"
    ]
    assert_utf8(result)


def test_readers_hostile2_apkg_over_long_field_keeps_the_note_and_the_deck():
    long = "Pumice\x1f" + "x" * (limits.MAX_FIELD_CHARS + 1)
    result = read_bytes(_apkg([NOTES[0], long, NOTES[1]]), path="deck.apkg")
    assert [(c.title, c.body) for c in result.cards] == [
        ("Magma", "Molten rock below ground"),
        ("Pumice", ""),
        ("Lava", "Molten rock"),
    ]
    assert result.source.warnings == [
        "note 2: field 2 ('Back'): a note field has 20,001 characters, over the "
        "20,000-character limit; field skipped"
    ]


def test_readers_hostile2_crowdanki_over_long_field_keeps_the_deck():
    deck = {
        "__type__": "Deck",
        "name": "D",
        "notes": [
            {"fields": ["Magma", "Molten"]},
            {"fields": ["Big", "x" * (limits.MAX_FIELD_CHARS + 1)]},
            {"fields": ["Lava", "Molten rock"]},
        ],
    }
    result = read_bytes(json.dumps(deck).encode(), path="deck.json")
    assert [c.title for c in result.cards] == ["Magma", "Big", "Lava"]
    assert result.source.warnings[0].startswith("note 2: field 2: a note field has 20,001")


def test_readers_hostile2_crowdanki_note_without_fields_is_named():
    notes = [{"fields": 7}, "x", {"fields": ["Magma", "Molten"]}]
    result = read_bytes(json.dumps({"__type__": "Deck", "notes": notes}).encode(), path="d.json")
    assert [c.title for c in result.cards] == ["Magma"]
    assert result.source.warnings == [
        "note 1: not a note with a list of fields; note skipped",
        "note 2: not a note with a list of fields; note skipped",
    ]


class _ExpiresAfter:
    """A stand-in for :class:`extraction.limits.Deadline` that expires once ``cards``
    cards have been built (counted by the reader's calls to ``html_body``)."""

    built = 0

    def __init__(self, seconds: float = 30.0, cards: int = 2) -> None:
        self.seconds = seconds
        self.cards = cards

    def expired(self) -> bool:
        return _ExpiresAfter.built >= self.cards

    def check(self, where: str) -> None:
        assert not self.expired(), where


@pytest.fixture
def budget_after_two_cards(monkeypatch):
    _ExpiresAfter.built = 0

    def counting(module):
        real = module.html_body

        def html_body(*args, **kwargs):
            _ExpiresAfter.built += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(module, "html_body", html_body)
        monkeypatch.setattr(module, "Deadline", _ExpiresAfter)

    return counting


def test_readers_hostile2_apkg_time_budget_keeps_the_notes_read(budget_after_two_cards):
    budget_after_two_cards(apkg)
    result = read_bytes(_apkg([*NOTES, "Last\x1fNote"]), path="deck.apkg")
    assert [c.title for c in result.cards] == ["Magma", "Lava"]
    assert result.source.errors == []
    assert result.source.warnings == [
        "stopped at note 3 of 4: reading took over the 30 s time budget; "
        "the notes from there on were not read"
    ]


def test_readers_hostile2_crowdanki_time_budget_keeps_the_notes_read(budget_after_two_cards):
    budget_after_two_cards(crowdanki)
    deck = {"__type__": "Deck", "name": "D", "notes": [{"fields": n.split("\x1f")} for n in NOTES]}
    result = read_bytes(json.dumps(deck).encode(), path="deck.json")
    assert [c.title for c in result.cards] == ["Magma", "Lava"]
    assert "stopped at note 3 of 3: reading took over the 30 s" in result.source.warnings[0]


def test_readers_hostile2_docx_time_budget_keeps_the_paragraphs_read(monkeypatch):
    import docx as python_docx

    from extraction.readers import docx

    document = python_docx.Document()
    document.add_heading("Osmosis", level=1)
    for text in ("Osmosis moves water.", "It balances.", "Later text.", "Last text."):
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)

    class ExpiresAtParagraph4:
        seconds = 30.0
        calls = 0

        def expired(self) -> bool:
            ExpiresAtParagraph4.calls += 1
            return ExpiresAtParagraph4.calls >= 4

    monkeypatch.setattr(docx, "Deadline", ExpiresAtParagraph4)
    result = read_bytes(buffer.getvalue(), path="notes.docx")
    assert result.source.errors == []
    assert [(c.title, c.body) for c in result.cards] == [
        ("Osmosis", "Osmosis moves water.\nIt balances.")
    ]
    assert result.source.warnings == [
        "stopped at paragraph 4: reading took over the 30 s time budget; "
        "the rest of the document was not read"
    ]


def test_readers_hostile2_pdf_page_that_fails_is_skipped(monkeypatch):
    from tests.extraction.test_readers_pdf import NOTES as PAGES
    from tests.extraction.test_readers_pdf import _text_pdf

    buffer = io.BytesIO()
    _text_pdf(PAGES).write(buffer)
    whole = read_bytes(buffer.getvalue(), path="notes.pdf")
    real = pdf._page_text

    def second_fails(page, number, deadline):
        if number == 2:
            raise pdf.ReadError("PDF page 2 has over 10 characters of text, which is not notes")
        return real(page, number, deadline)

    monkeypatch.setattr(pdf, "_page_text", second_fails)
    result = read_bytes(buffer.getvalue(), path="notes.pdf")
    assert result.source.errors == [] and 0 < len(result.cards) < len(whole.cards)
    assert result.source.warnings == [
        "PDF page 2 has over 10 characters of text, which is not notes; page skipped"
    ]


BIG_CELL = "<p>" + "x" * 30_000 + "</p>"
ANKI_TEXT = (
    f"#separator:tab\n#html:true\nMagma\tMolten <b>rock</b>\nBig\t{BIG_CELL}\nLava\tMolten rock\n"
)
CSV_TEXT = f"term,definition\nMagma,Molten <b>rock</b>\nBig,{BIG_CELL}\nLava,A <i>flow</i>\n"


@pytest.mark.parametrize(
    ("name", "text", "line"), [("deck.txt", ANKI_TEXT, 4), ("deck.csv", CSV_TEXT, 3)]
)
def test_readers_hostile2_delimited_row_with_an_over_long_cell_is_skipped(name, text, line):
    result = read_bytes(text.encode(), path=name)
    assert result.source.errors == []
    assert [c.title for c in result.cards] == ["Magma", "Lava"]
    assert result.source.warnings == [
        f"row at line {line}: a note field has 30,007 characters, over the "
        "20,000-character limit; row skipped"
    ]


def test_readers_hostile2_every_part_skipped_is_an_error_naming_the_first():
    deck = {"__type__": "Deck", "name": "D", "notes": [{"fields": ["x" * 30_000]}]}
    result = read_bytes(json.dumps(deck).encode(), path="deck.json")
    assert result.cards == []
    assert result.source.errors == [
        "nothing could be read: note 1: field 1: a note field has 30,000 characters, "
        "over the 20,000-character limit; field skipped"
    ]


# -- class 8: line ends that are not \n ------------------------------------------------------

LINE_BREAKS = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]

#: (file name, text with {c} inside a line, line of "omega")
LINE_BREAK_INPUTS = [
    (
        "qa.txt",
        "Q: What is osmosis?\nA: A process{c}zeta moves water.\nIt omega helps.\n"
        "Q: What is erosion?\nA: A wearing.\n",
        3,
    ),
    (
        "notes.md",
        "# Osmosis\n\nOsmosis is a process{c}zeta that moves water.\nIt omega helps a lot.\n\n"
        "# Erosion\n\nErosion wears rocks.\n",
        4,
    ),
    (
        "set.csv",
        'term,definition\nMagma,"Molten{c}zeta rock\nbelow omega ground"\nLava,Molten rock\n',
        3,
    ),
    (
        "knowt.txt",
        "Set\nEarn XP\n\n1\nNew cards\nMagma\n\nmolten{c}zeta rock\nbelow omega the crust\n\n"
        "2\nNew cards\nWhat is lava?\n\nMolten rock above ground\n",
        9,
    ),
    (
        "summary.txt",
        "Glaciers\n\nMovement\n\nGlaciers slide over{c}zeta their rocky bed, "
        "which\nmakes omega them erode it.\n\nMass Balance\n\nThe ELA is used.\n",
        6,
    ),
]


@pytest.mark.parametrize("char", LINE_BREAKS, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize(("name", "text", "line"), LINE_BREAK_INPUTS, ids=lambda v: str(v)[:8])
def test_readers_hostile2_line_breaks_other_than_newline(char, name, text, line):
    result = read_bytes(text.format(c=char).encode("utf-8"), path=name)
    assert result.source.errors == [] and result.cards
    everything = " ".join(f"{c.title} {c.body}" for c in result.cards)
    assert "zeta" in everything and "omega" in everything  # no text lost
    for card in result.cards:
        assert card.body.splitlines() == (card.body.split("\n") if card.body else [])
        assert len(card.body_lines) == len(card.body.splitlines())
        assert card.title.splitlines() == ([card.title] if card.title else [])
    card = next(c for c in result.cards if "omega" in c.body)
    assert card.line_of(card.body.index("omega")) == line
    assert char not in everything


# -- class 10: citations that do not say which file ------------------------------------------


def test_readers_hostile2_same_name_files_cited_by_the_shortest_unique_suffix(tmp_path):
    for top, text in (("a", "Osmosis moves water."), ("b", "Erosion wears rocks.")):
        folder = tmp_path / top / "x"
        folder.mkdir(parents=True)
        (folder / "notes.md").write_text(f"# {top}\n\n{text}\n", encoding="utf-8")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "notes.md").write_text("# c\n\nSeasons pass.\n", encoding="utf-8")
    results = read_paths([tmp_path])
    assert [r.cards[0].source for r in results] == ["a/x/notes.md", "b/x/notes.md", "c/notes.md"]
    cards = view.cards_by_id(results)
    assert len(cards) == 3  # the app keeps every file's cards
    assert [n.name for n in view.note_files([tmp_path])] == [
        "a/x/notes.md",
        "b/x/notes.md",
        "c/notes.md",
    ]


@pytest.mark.parametrize(
    ("paths", "names"),
    [
        (["a/x/n.md", "b/x/n.md"], ["a/x/n.md", "b/x/n.md"]),
        (["a/n.md", "b/n.md", "c/m.md"], ["a/n.md", "b/n.md", "m.md"]),
        (["a/x/n.md", "b/x/n.md", "c/n.md"], ["a/x/n.md", "b/x/n.md", "c/n.md"]),
        (["a/n.md", "a/n.md"], ["n.md", "n (2).md"]),
        (["a/n\x01.md", "a/n.md"], ["n.md", "n (2).md"]),
        (["../../up/n.md", "down/n.md"], ["up/n.md", "down/n.md"]),
    ],
)
def test_readers_hostile2_unique_names(paths, names):
    got = unique_names(paths)
    assert got == names
    assert all(".." not in name.split("/") and not name.startswith("/") for name in got)
