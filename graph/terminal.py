"""Untrusted text made safe for a terminal: the one boundary of the command line.

Everything ``python -m graph`` prints may come from the notes, their file names, the
members of an archive, a graph file or the arguments echoed back. A terminal gives
meaning to some characters of that text: ESC starts a sequence that can clear the
screen, set the window title or plant a hidden link (OSC 8); the C1 control U+009B is a
CSI of its own on some terminals; CR, backspace and the line separators rewrite or
forge lines; the bidi controls reorder what is shown (``evil\\u202egpj.md`` reads as
``evil`` + ``dm.jpg``); and a lone surrogate (an undecodable byte of a file name, kept
by :func:`os.fsdecode`, or ``\\ud800`` from a JSON escape) cannot be encoded at all.

:func:`for_terminal` shows each of these as a visible escape (``\\x1b``, ``\\u202e``,
``\\xe9`` for the undecodable byte 0xE9) and passes every other character unchanged:
accents, CJK, emoji (with their joiners), no-break spaces. A backslash already in the
text is left as it is (a Windows path stays readable), so an escape is shown, never
decoded. :func:`json_for_terminal` does the same for JSON output, with JSON's own
``\\uXXXX`` escapes (valid JSON that decodes to the same strings), and
:class:`TerminalFormatter` for log records.

Only the standard library is imported: every command loads this module.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TextIO

#: What a terminal must never receive raw: C0 controls (ESC, CR, BEL, backspace, form
#: feed, the file/group/record separators...), DEL and the C1 controls (U+009B CSI,
#: U+0085 NEL), the Unicode Bidi_Control characters (U+061C, U+200E/F, U+202A-E,
#: U+2066-9), the line and paragraph separators U+2028/9 and the surrogates, which a
#: valid string never holds alone.
UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
#: The same, less newline and tab: what text of several lines may keep.
UNSAFE_IN_LINES = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff]"
)
#: The variable printed tracebacks depend on (``CONCEPT_ATLAS_DEBUG=1``).
DEBUG_VARIABLE = "CONCEPT_ATLAS_DEBUG"


_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for an undecodable byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: object, *, lines: bool = False) -> str:
    r"""``text`` as a terminal may show it: every control, bidi, line-separator or
    lone-surrogate character escaped, everything else unchanged.

    Parameters
    ----------
    text : object
        Untrusted text (anything else is turned into text with :class:`str`).
    lines : bool
        Keep newlines and tabs (text of several lines, such as a card's body); by
        default a newline is escaped too, so that the text stays on one line and cannot
        forge a line of its own.

    Returns
    -------
    str
        Printable text; :func:`for_terminal` of it is itself.

    Examples
    --------
    >>> for_terminal("Title\x1b]0;pwned\x07")
    'Title\\x1b]0;pwned\\x07'
    >>> for_terminal("evil\u202egpj.md"), for_terminal("x\nok fake.md")
    ('evil\\u202egpj.md', 'x\\nok fake.md')
    >>> for_terminal("caf\udce9.md"), for_terminal("half \ud83d")  # fsdecode, JSON
    ('caf\\xe9.md', 'half \\ud83d')
    >>> for_terminal("Café — 注意力 👩‍💻, C:\\notes")
    'Café — 注意力 👩\u200d💻, C:\\notes'
    >>> print(for_terminal("line 1\nline 2\u2028still 2\r", lines=True))
    line 1
    line 2\u2028still 2\r
    """
    text = text if isinstance(text, str) else str(text)
    return (UNSAFE_IN_LINES if lines else UNSAFE).sub(_visible, text)


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_for_terminal(payload: Any, **options: Any) -> str:
    r""":func:`json.dumps` of ``payload`` with every character :data:`UNSAFE` written as
    a ``\uXXXX`` escape: valid JSON, decoding to the same strings, that a terminal can
    show and any encoding can carry (lone surrogates included); other text is kept as
    it is (``ensure_ascii=False``). ``options`` go to :func:`json.dumps`.

    Examples
    --------
    >>> text = json_for_terminal({"label": "naïve\x9b2J\u202e", "file": "caf\udce9.md"})
    >>> text
    '{"label": "naïve\\u009b2J\\u202e", "file": "caf\\udce9.md"}'
    >>> json.loads(text) == {"label": "naïve\x9b2J\u202e", "file": "caf\udce9.md"}
    True
    >>> print(json_for_terminal(["tab\t", "\u2028"], indent=1))
    [
     "tab\t",
     "\u2028"
    ]
    """
    # json.dumps escapes C0 controls in strings and writes no other character of these
    # outside them (its indent is newlines and spaces), so \uXXXX is JSON for each
    text = json.dumps(payload, ensure_ascii=False, **options)
    return UNSAFE_IN_LINES.sub(_json_escape, text)


def echo(line: object = "", *, file: TextIO | None = None) -> None:
    r"""Print one line of output, escaped by :func:`for_terminal` (so that nothing in it
    can end the line): on standard output, or ``file`` (such as ``sys.stderr``).

    >>> echo("ok  notes/a\x1b[2J\nok fake.md  markdown")
    ok  notes/a\x1b[2J\nok fake.md  markdown
    """
    print(for_terminal(line), file=sys.stdout if file is None else file)


def echo_json(payload: Any, **options: Any) -> None:
    """Print :func:`json_for_terminal` of ``payload`` on standard output."""
    print(json_for_terminal(payload, **options))


def write_error(path: str | os.PathLike[str], exc: OSError | UnicodeError) -> str:
    """One line that says why ``path`` could not be written: the file and the reason
    (and the folder on its way that is to blame, if one is). Print it with :func:`echo`.

    >>> write_error("/sys/g.json", PermissionError(13, "Permission denied", "/sys/.g.tmp"))
    'cannot write /sys/g.json: Permission denied'
    >>> write_error("/etc/hostname/g.json", FileExistsError(17, "File exists", "/etc/hostname"))
    'cannot write /etc/hostname/g.json: /etc/hostname is not a folder'
    """
    target = Path(path)
    if isinstance(exc, UnicodeError):  # a lone surrogate in the text to write
        return f"cannot write {target}: it would hold text that is not valid Unicode ({exc})"
    if exc.errno is None:  # the tool's own refusal (graph.io.WriteRefused): it says all
        return str(exc)
    reason = exc.strerror or str(exc) or type(exc).__name__
    if isinstance(exc.filename, str | bytes):
        culprit = Path(os.fsdecode(exc.filename))
        if culprit == target and isinstance(exc, FileExistsError) and not target.is_dir():
            return f"cannot write {target}: it exists and is not a folder"  # a folder format
        if culprit != target and target.is_relative_to(culprit):  # a folder on the way
            if culprit.exists() and not culprit.is_dir():
                return f"cannot write {target}: {culprit} is not a folder"
            return f"cannot write {target}: {reason}: {culprit}"
    return f"cannot write {target}: {reason}"


class TerminalFormatter(logging.Formatter):
    r"""A log formatter for a terminal: ``level: message`` on one line, escaped by
    :func:`for_terminal`; an exception as one more line (its type and escaped message),
    or with ``debug`` its whole traceback, escaped line by line.

    Examples
    --------
    >>> log = logging.getLogger("example")
    >>> record = log.makeRecord("example", logging.ERROR, "f.py", 1, "failed on %s",
    ...                         ("a\x1b[2J\n.md",), None)
    >>> TerminalFormatter().format(record)
    'error: failed on a\\x1b[2J\\n.md'
    """

    def __init__(self, *, debug: bool = False) -> None:
        super().__init__("%(levelname)s: %(message)s")
        self.debug = debug

    def format(self, record: logging.LogRecord) -> str:
        # a copy, and not Formatter.format: that caches the traceback in the record,
        # where another handler's raw one may already be
        shown = logging.makeLogRecord(record.__dict__)
        shown.levelname = record.levelname.lower()
        shown.message = record.getMessage()
        text = for_terminal(self.formatMessage(shown))
        if record.exc_info and record.exc_info[1] is not None:
            text += "\n" + self.formatException(record.exc_info)
        if record.stack_info and self.debug:
            text += "\n" + for_terminal(record.stack_info, lines=True)
        return text

    def formatException(self, ei: Any) -> str:
        if self.debug:
            return for_terminal(super().formatException(ei), lines=True)
        return "  " + for_terminal(f"{type(ei[1]).__name__}: {ei[1]}")


class StderrHandler(logging.Handler):
    """A log handler that writes to whatever ``sys.stderr`` is when a record comes
    (as :data:`logging.lastResort` does), formatted by :class:`TerminalFormatter`."""

    def __init__(self, *, debug: bool = False) -> None:
        super().__init__(logging.WARNING)
        self.setFormatter(TerminalFormatter(debug=debug))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(self.format(record) + "\n")
            sys.stderr.flush()
        except Exception:
            self.handleError(record)


@contextmanager
def terminal_logging(*, debug: bool = False) -> Iterator[StderrHandler]:
    """Within the block, log records of level WARNING and above go to stderr through
    :class:`StderrHandler` (and not through the raw :data:`logging.lastResort`)."""
    handler = StderrHandler(debug=debug)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)


def tolerant_streams() -> None:
    """Make ``sys.stdout`` and ``sys.stderr`` write what their encoding cannot hold as
    backslash escapes instead of raising :class:`UnicodeEncodeError` (the last line of
    defence behind :func:`for_terminal`, for a terminal in Latin-1 or ASCII)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


class ProgressLine:
    r"""How far a long command has got, on standard error when it is a terminal:
    nothing for its first ``after`` seconds (a quick command stays quiet), then at most
    one update every ``every`` seconds, rewritten in place; :meth:`done` clears it.
    Text goes through :func:`for_terminal`. Output that is not a terminal (a log, a
    pipe, a test) gets nothing: its lines are the command's warnings and results only.

    Examples
    --------
    >>> import io
    >>> class Terminal(io.StringIO):
    ...     def isatty(self):
    ...         return True
    >>> out, now = Terminal(), iter([0.0, 0.5, 3.0, 3.2, 5.0])
    >>> show = ProgressLine(stream=out, clock=lambda: next(now))
    >>> for text in ("a", "b", "c", "d\x1b"):
    ...     show(text)
    >>> show.done()
    >>> out.getvalue()
    '\rb\rd\\x1b\r     \r'
    >>> log = io.StringIO()
    >>> ProgressLine(stream=log, after=0)("x"); log.getvalue()
    ''
    """

    def __init__(
        self,
        *,
        after: float = 2.0,
        every: float = 1.0,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.clock = clock
        self.start = clock()
        self.after = after
        self.every = every
        self.last: float | None = None
        self.width = 0

    @property
    def _out(self) -> TextIO:
        return sys.stderr if self.stream is None else self.stream

    def _tty(self) -> bool:
        isatty = getattr(self._out, "isatty", None)
        return bool(isatty and isatty())

    def __call__(self, text: str) -> None:
        now = self.clock()
        if now - self.start < self.after:
            return
        if self.last is not None and now - self.last < self.every:
            return
        if not self._tty():
            return
        self.last = now
        line = for_terminal(text)[:118]
        self._out.write("\r" + line.ljust(self.width))
        self.width = len(line)
        self._out.flush()

    def done(self) -> None:
        """End the line (on a terminal, clear it), so what follows starts clean."""
        if self.width:
            self._out.write("\r" + " " * self.width + "\r")
            self._out.flush()
            self.width = 0
