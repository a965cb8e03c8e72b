"""graph.terminal: untrusted text shown on a terminal is escaped where a terminal gives it
meaning (controls, bidi, line separators, lone surrogates) and unchanged elsewhere."""

from __future__ import annotations

import doctest
import errno
import json
import logging
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

import graph.terminal
from graph.terminal import (
    UNSAFE,
    TerminalFormatter,
    echo,
    for_terminal,
    json_for_terminal,
    terminal_logging,
    write_error,
)

#: Characters a terminal must never receive raw, one of each kind.
RAW = ["\x1b", "\x07", "\r", "\b", "\x0c", "\x7f", "\x85", "\x9b", "\u202e", "\u2066"]
RAW += ["\u200f", "\u2028", "\u2029", "\ud800", "\udce9"]


@pytest.mark.parametrize(
    "text,shown",
    [
        ("plain words", "plain words"),
        ("Title\x1b]0;pwned\x07", "Title\\x1b]0;pwned\\x07"),  # OSC: window title
        ("\x1b[2J\x1b[H", "\\x1b[2J\\x1b[H"),  # CSI: clear the screen
        (
            "\x1b]8;;http://evil.example/\x1b\\here\x1b]8;;\x1b\\",  # OSC 8: hidden link
            "\\x1b]8;;http://evil.example/\\x1b\\here\\x1b]8;;\\x1b\\",
        ),
        ("\x9b2J", "\\x9b2J"),  # C1 CSI
        ("NEL\x85", "NEL\\x85"),
        ("DEL\x7f", "DEL\\x7f"),
        ("progress 10%\r99%", "progress 10%\\r99%"),  # CR overwrites the line
        ("abc\b\b\bxyz", "abc\\x08\\x08\\x08xyz"),  # backspace
        ("bell\x07", "bell\\x07"),
        ("x\nok fake.md", "x\\nok fake.md"),  # a forged status line
        ("a\tb", "a\\tb"),
        ("\x0b\x0c\x1c\x1d\x1e", "\\x0b\\x0c\\x1c\\x1d\\x1e"),  # what splitlines breaks at
        ("evil\u202egpj.md", "evil\\u202egpj.md"),  # right-to-left override
        ("\u2066x\u2069 \u200e\u200f \u061c", "\\u2066x\\u2069 \\u200e\\u200f \\u061c"),
        ("one\u2028two\u2029three", "one\\u2028two\\u2029three"),
        ("caf\udce9.md", "caf\\xe9.md"),  # os.fsdecode of Latin-1 b"caf\xe9.md"
        ("csi\udc9b2J.md", "csi\\x9b2J.md"),  # an undecodable byte 0x9B stays escaped
        ("half \ud83d pair", "half \\ud83d pair"),  # a JSON escape of half a pair
        ("Café naïve Ωμέγα", "Café naïve Ωμέγα"),
        ("注意力机制 アテンション", "注意力机制 アテンション"),
        ("emoji 👩‍💻 🏳️‍🌈", "emoji 👩‍💻 🏳️‍🌈"),  # joiners and variation selectors kept
        ("no\u00a0break, soft\u00adhyphen", "no\u00a0break, soft\u00adhyphen"),
        ("עברית مرحبا", "עברית مرحبا"),  # right-to-left scripts themselves are fine
        ("C:\\notes\\x1b.md", "C:\\notes\\x1b.md"),  # a backslash is left as it is
        (42, "42"),
    ],
)
def test_terminal_for_terminal_table(text, shown):
    assert for_terminal(text) == shown


@pytest.mark.parametrize(
    "text,shown",
    [
        ("line 1\nline 2", "line 1\nline 2"),
        ("\tindented", "\tindented"),
        ("a\rb\x1b[2J", "a\\rb\\x1b[2J"),
        ("one\u2028two", "one\\u2028two"),
    ],
)
def test_terminal_for_terminal_lines_keeps_newlines_and_tabs_only(text, shown):
    assert for_terminal(text, lines=True) == shown


#: Any text at all: every code point, lone surrogates included.
ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=()))


@given(ANY_TEXT)
def test_terminal_for_terminal_is_printable_idempotent_and_keeps_the_rest(text):
    shown = for_terminal(text)
    assert not UNSAFE.search(shown)
    shown.encode("utf-8")  # strict: no lone surrogate is left
    assert for_terminal(shown) == shown
    assert "\n" not in shown and "\t" not in shown
    if not UNSAFE.search(text):
        assert shown == text


@pytest.mark.parametrize("char", RAW)
def test_terminal_every_unsafe_character_is_escaped(char):
    assert char not in for_terminal(f"a{char}b") and for_terminal(f"a{char}b").startswith("a\\")


@given(
    st.recursive(
        st.none() | st.integers() | st.floats(allow_nan=False) | ANY_TEXT,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner, max_size=4),
        max_leaves=12,
    )
)
def test_terminal_json_for_terminal_round_trips_with_nothing_raw(payload):
    for indent in (None, 1):
        text = json_for_terminal(payload, indent=indent)
        assert json.loads(text) == payload
        assert not UNSAFE.search(text.replace("\n", ""))
        text.encode("utf-8")


def test_terminal_json_for_terminal_keeps_readable_text():
    text = json_for_terminal({"label": "注意力 Café", "bad": "\x1b[2J\u202e\udce9"})
    assert text == '{"label": "注意力 Café", "bad": "\\u001b[2J\\u202e\\udce9"}'


def test_terminal_echo_writes_one_line(capsys):
    echo("ok a\x1b[2J\nok fake.md\u2028")
    echo("to stderr \x9b", file=sys.stderr)
    out, err = capsys.readouterr()
    assert out == "ok a\\x1b[2J\\nok fake.md\\u2028\n"
    assert err == "to stderr \\x9b\n"


def _record(debug: bool) -> str:
    log = logging.getLogger("tests.terminal")
    try:
        raise ValueError("bad note\x1b]0;pwned\x07\nTraceback forged")
    except ValueError:
        record = log.makeRecord(
            "tests.terminal", logging.ERROR, "f.py", 1, "reader failed on %s",
            ("notes/a\x1b[2J\nok.md",), sys.exc_info(),
        )  # fmt: skip
    return TerminalFormatter(debug=debug).format(record)


def test_terminal_formatter_one_line_message_and_exception():
    text = _record(debug=False)
    assert text.splitlines() == [
        "error: reader failed on notes/a\\x1b[2J\\nok.md",
        "  ValueError: bad note\\x1b]0;pwned\\x07\\nTraceback forged",
    ]


def test_terminal_formatter_debug_shows_the_traceback_escaped():
    text = _record(debug=True)
    assert text.splitlines()[1] == "Traceback (most recent call last):"
    assert "\x1b" not in text and "\\x1b]0;pwned\\x07" in text


def test_terminal_logging_sends_records_through_the_formatter(capsys):
    log = logging.getLogger("tests.terminal.handler")
    with terminal_logging():
        log.warning("cache entry %s is unreadable", "x\x1b[2J\u202e")
        log.info("not shown")
    log.warning("after the block: not through the handler")
    err = capsys.readouterr().err
    assert "warning: cache entry x\\x1b[2J\\u202e is unreadable\n" in err
    assert "not shown" not in err and "\x1b" not in err


@pytest.mark.parametrize(
    "path,exc,message",
    [
        (
            "/sys/g.json",
            PermissionError(errno.EACCES, "Permission denied", "/sys/.g.json.1.tmp"),
            "cannot write /sys/g.json: Permission denied",
        ),
        (
            "/tmp/g.json",
            OSError(errno.ENOSPC, "No space left on device"),
            "cannot write /tmp/g.json: No space left on device",
        ),
        (
            "/etc/hostname/g.json",
            FileExistsError(errno.EEXIST, "File exists", "/etc/hostname"),
            "cannot write /etc/hostname/g.json: /etc/hostname is not a folder",
        ),
        (
            "/etc/hostname",
            FileExistsError(errno.EEXIST, "File exists", "/etc/hostname"),
            "cannot write /etc/hostname: it exists and is not a folder",
        ),
        (
            "/x/g.json",
            FileExistsError("/x/g.json is a folder: nothing was written (choose a file name)"),
            "/x/g.json is a folder: nothing was written (choose a file name)",
        ),
        (
            "/x/g.json",
            UnicodeEncodeError("utf-8", "\udce9", 0, 1, "surrogates not allowed"),
            "cannot write /x/g.json: it would hold text that is not valid Unicode "
            "('utf-8' codec can't encode character '\\udce9' in position 0: "
            "surrogates not allowed)",
        ),
    ],
)
def test_terminal_write_error_names_the_file_and_the_reason(path, exc, message):
    assert write_error(path, exc) == message


def test_terminal_doctests():
    result = doctest.testmod(graph.terminal, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
