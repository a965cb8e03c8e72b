"""What every reader shares: the raw file, text decoding, and building cards.

A reader is a module with three names:

``FORMAT``
    The format's name, as shown to users and stored in ``graph.sources``.
``EXTENSIONS``
    File endings (lower case, with the dot) it may read; ``""`` for none.
``sniff(raw) -> float``
    How sure it is, 0..1, that ``raw`` is in its format, from content.
``read(raw) -> Iterator[Card]``
    The cards, in file order. Raises :class:`~extraction.errors.ReadError` for bad input.

:mod:`extraction.readers` picks the reader whose ``sniff`` is highest among those
that accept the file's extension.
"""

from __future__ import annotations

import bisect
import codecs
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property
from pathlib import Path

from extraction.errors import ReadError
from extraction.limits import MAX_LINE_CHARS, MAX_TEXT_LINES
from extraction.records import Card, Emphasis, ListItem, Table

#: The share of a block's lines a shape (a list of terms, of questions, of term lines)
#: must fill for a reader to read the block as that shape: three quarters.
DOMINANT_SHARE = Fraction(3, 4)


def dominant(part: int, whole: int) -> bool:
    """Whether ``part`` of a block's ``whole`` lines are :data:`DOMINANT_SHARE` of them:
    the one test of "most of the block" that every reader of a shape asks.

    >>> dominant(3, 4), dominant(6, 8), dominant(5, 8), dominant(0, 0)
    (True, True, False, True)
    """
    return part >= DOMINANT_SHARE * whole


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

#: Characters that :meth:`str.splitlines` breaks lines at besides ``"\n"`` and ``"\r"``:
#: vertical tab, form feed, the ASCII file/group/record separators, NEL, and the
#: Unicode line and paragraph separators. Editors, ``grep -n`` and the line numbers of
#: cards count only ``\n``, ``\r\n`` and ``\r``; these become a space (one character
#: for one, so offsets stay put) wherever text is read, so that splitting a body into
#: lines and numbering its lines agree.
LINE_BREAKS_TO_SPACE = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_TO_SPACE = str.maketrans(dict.fromkeys(LINE_BREAKS_TO_SPACE, " "))
_OTHER_BREAKS = re.compile(f"[{LINE_BREAKS_TO_SPACE}]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def fold_line_breaks(text: str) -> str:
    r"""``text`` with every line-break character but ``"\n"`` and ``"\r"`` (see
    :data:`LINE_BREAKS_TO_SPACE`) as a space.

    >>> fold_line_breaks("a\x0cb\u2028c\nd")
    'a b c\nd'
    """
    return text.translate(_TO_SPACE) if _OTHER_BREAKS.search(text) else text


def replace_surrogates(text: str) -> tuple[str, int]:
    r"""``text`` with each lone surrogate (``"\ud800"`` from a JSON escape, or a byte of a
    file name that is not UTF-8, kept by ``surrogateescape``) as U+FFFD, and how many.

    Such a string cannot be written as UTF-8; one U+FFFD per character keeps offsets.

    >>> replace_surrogates("caf\udce9 \ud800") == ("caf\ufffd \ufffd", 2)
    True
    """
    if not _SURROGATE.search(text):
        return text, 0
    return _SURROGATE.subn("\ufffd", text)


def decode_text(data: bytes) -> str:
    """Decode the bytes of a text file: BOMs (UTF-8/16/32), UTF-8, else each line as UTF-8
    or Windows-1252/Latin-1.

    Line endings (``\\r\\n``, ``\\r``) become ``\\n``; the other characters
    :meth:`str.splitlines` breaks at (form feed, U+2028...) become a space (see
    :func:`fold_line_breaks`). Raises :class:`ReadError` for binary data.

    Examples
    --------
    >>> decode_text("café".encode("utf-16"))
    'café'
    >>> decode_text("café".encode("latin-1"))
    'café'
    >>> decode_text(b"a\\r\\nb"), decode_text("a\\fb\\u2028c".encode())
    ('a\\nb', 'a b c')
    """
    text = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ReadError(f"not valid {encoding.upper()} text ({exc.reason})") from None
            break
    if text is None:
        if b"\x00" in data:
            text = _utf16_without_bom(data)
            if text is None:
                raise ReadError("binary file (contains NUL bytes), not text notes")
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = _decode_mixed(data)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 50):
        raise ReadError("binary file (control characters), not text notes")
    return fold_line_breaks(text)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a BOM has NUL in every other byte of ASCII."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) > 0.9 * len(zeros):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _decode_mixed(data: bytes) -> str:
    """Text that is not all UTF-8: each line decoded as UTF-8 when it is valid, else as
    Windows-1252/Latin-1 (notes pasted together from files saved in both encodings).
    Over :data:`~extraction.limits.MAX_TEXT_LINES` lines, the whole as Windows-1252.

    >>> _decode_mixed("café\\n".encode() + "naïve".encode("latin-1"))
    'café\\nnaïve'
    """
    if data.count(b"\n") >= MAX_TEXT_LINES:
        return "".join(_decode_cp1252_or_latin1(data))
    lines = []
    for line in data.split(b"\n"):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append("".join(_decode_cp1252_or_latin1(line)))
    return "\n".join(lines)


def _decode_cp1252_or_latin1(data: bytes) -> Iterable[str]:
    # Windows-1252 leaves 5 bytes undefined; Latin-1 maps every byte.
    for chunk in re.split(rb"([\x81\x8d\x8f\x90\x9d])", data):
        if len(chunk) == 1 and chunk in b"\x81\x8d\x8f\x90\x9d":
            yield chunk.decode("latin-1")
        else:
            yield chunk.decode("cp1252")


@dataclass
class RawNote:
    """A file's bytes and what readers ask of them.

    ``warnings`` collects what a reader skipped or replaced while still reading the
    rest (a note, a field, a page): :func:`extraction.readers.read_bytes` moves them to
    ``SourceInfo.warnings``.
    """

    path: Path
    data: bytes
    name: str = field(default="")
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.name:
            self.name = self.path.name

    @property
    def suffix(self) -> str:
        return self.path.suffix.lower()

    def warn(self, message: str) -> None:
        """Record that a part of the file was skipped or replaced, and why."""
        self.warnings.append(message)

    @cached_property
    def text(self) -> str:
        """The decoded text; raises :class:`ReadError` for binary data."""
        return decode_text(self.data)

    @cached_property
    def is_text(self) -> bool:
        try:
            _ = self.text
        except ReadError:
            return False
        return True

    @cached_property
    def lines(self) -> list[str]:
        """The lines of :attr:`text`; raises :class:`ReadError` for text over
        :data:`~extraction.limits.MAX_TEXT_LINES` lines or with a line over
        :data:`~extraction.limits.MAX_LINE_CHARS` characters."""
        return split_lines(self.text)

    @cached_property
    def clean_lines(self) -> list[str]:
        """:attr:`lines` through :func:`clean_line`, computed once for every reader."""
        return [clean_line(line) for line in self.lines]


def split_lines(text: str) -> list[str]:
    """``text`` split at ``"\\n"``, refusing more lines or longer lines than the limits allow.

    >>> split_lines("a\\nb")
    ['a', 'b']
    >>> split_lines("x" * 100_001)
    Traceback (most recent call last):
    ...
    extraction.errors.ReadError: line 1 has 100,001 characters, over the 100,000-character limit
    """
    count = text.count("\n") + 1
    if count > MAX_TEXT_LINES:
        raise ReadError(f"text has {count:,} lines, over the {MAX_TEXT_LINES:,}-line limit")
    lines = text.split("\n")
    longest = max(lines, key=len)
    if len(longest) > MAX_LINE_CHARS:
        number = lines.index(longest) + 1
        raise ReadError(
            f"line {number} has {len(longest):,} characters, "
            f"over the {MAX_LINE_CHARS:,}-character limit"
        )
    return lines


def clean_line(line: str) -> str:
    """Strip a line and fold odd spaces (NBSP, zero-width) to plain ones."""
    if line.isascii():
        return line.strip()
    line = line.replace("\u00a0", " ").replace("\u200b", "").replace("\u202f", " ")
    return line.strip()


_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st"})


def normalise_glyphs(text: str) -> str:
    """Undo typesetting artefacts: ligatures, soft hyphens, compatibility forms."""
    text = text.translate(_LIGATURES).replace("\u00ad", "")
    return unicodedata.normalize("NFC", text)


# -- bodies: logical lines with their file lines, emphasis and list structure -----------


@dataclass
class BodyLine:
    """One logical line of a card's body while a reader builds it: a paragraph or a list
    item whose file lines are joined.

    ``starts`` holds ``(offset in text, file line)`` for each file line joined in;
    ``emphasis`` holds ``(start, end, style)`` runs of ``text``; ``depth`` is the list
    depth of an item (-1: not an item) and ``parent`` the index of the line it belongs
    to (the enclosing item or the paragraph that introduces the list; -1: none).
    """

    text: str
    starts: list[tuple[int, int]]
    emphasis: list[tuple[int, int, str]] = field(default_factory=list)
    depth: int = -1
    parent: int = -1

    def append(self, line: int, text: str, emphasis: Iterable[tuple[int, int, str]] = ()) -> None:
        """Join ``text`` (file line ``line``) to this line, after a space."""
        shift = len(self.text) + 1 if self.text else 0
        self.text = f"{self.text} {text}" if self.text else text
        self.starts.append((shift, line))
        self.emphasis.extend((s + shift, e + shift, style) for s, e, style in emphasis)


@dataclass
class Body:
    """The logical lines of a card's body, in order (see :class:`BodyLine`)."""

    lines: list[BodyLine] = field(default_factory=list)

    def add(
        self,
        line: int,
        text: str,
        *,
        emphasis: Iterable[tuple[int, int, str]] = (),
        depth: int = -1,
        parent: int = -1,
    ) -> int:
        """Start a new logical line on file line ``line``; returns its index."""
        self.lines.append(BodyLine(text, [(0, line)], list(emphasis), depth, parent))
        return len(self.lines) - 1

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[int, str]]) -> Body:
        """One logical line per ``(file line, text)`` pair, blank ones dropped."""
        body = cls()
        for number, text in pairs:
            if text.strip():
                body.add(number, text)
        return body

    def __bool__(self) -> bool:
        return any(line.text.strip() for line in self.lines)


#: Spaces that go: inside brackets ("( TP )"), before closing punctuation, runs, ends.
_TIDY = re.compile(r"(?<=[(\[])\s+|\s+(?=[)\]])|\s+(?=[,;:.!?](?:\s|$))|(?<=\s)\s+|^\s+|\s+$")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")
_NEEDS_TIDY = re.compile(r"\s[\s)\],;:.!?]|[(\[]\s|^\s|\s$|\(\s*\)|\[\s*\]|[^ \S]")


class OffsetMap:
    """Where the offsets of a text land once some spans of it are removed: an offset
    moves back by the characters removed before it (one inside a removed span lands
    where the span was).

    >>> m = OffsetMap([(1, 3), (5, 6)])  # "abcdefg" -> "adeg"
    >>> [m(i) for i in range(8)]
    [0, 1, 1, 1, 2, 3, 3, 4]
    """

    def __init__(self, removed: Sequence[tuple[int, int]] = (), then: OffsetMap | None = None):
        self.starts = [start for start, _ in removed]
        self.spans = list(removed)
        self.before: list[int] = []  # characters removed before each span
        total = 0
        for start, end in removed:
            self.before.append(total)
            total += end - start
        self.then = then

    def __call__(self, offset: int) -> int:
        at = bisect.bisect_right(self.starts, offset) - 1
        if at >= 0:
            start, end = self.spans[at]
            offset = (
                start - self.before[at]
                if offset < end
                else offset - self.before[at] - (end - start)
            )
        return self.then(offset) if self.then is not None else offset


def _drop(
    text: str, pattern: re.Pattern[str], keep: Sequence[tuple[int, int]] = ()
) -> tuple[str, list[tuple[int, int]]]:
    """``text`` without the (merged) matches of ``pattern`` that touch none of the
    ``keep`` spans, and the spans removed."""
    spans: list[tuple[int, int]] = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if start == end or any(s < end and start < e for s, e in keep):
            continue
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    if not spans:
        return text, spans
    parts, position = [], 0
    for start, end in spans:
        parts.append(text[position:start])
        position = end
    parts.append(text[position:])
    return "".join(parts), spans


def tidy(text: str, keep: Sequence[tuple[int, int]] = ()) -> tuple[str, OffsetMap | None]:
    """``text`` with empty brackets dropped, spaces inside brackets and before closing
    punctuation removed, space runs (any white space) made one space, and the ends
    stripped; and the map of old offsets to new (``None`` when nothing changed).
    The ``keep`` spans (inline code: ``f()``) are left as they are.

    A gloss keeps both its names whole, whatever the spacing.

    >>> tidy("true positives ( TP )")[0], tidy("Examples :")[0], tidy("f () is\tnew")[0]
    ('true positives (TP)', 'Examples:', 'f is new')
    >>> tidy("call  f() now", keep=[(6, 9)])[0]
    'call f() now'
    """
    if not _NEEDS_TIDY.search(text):
        return text, None
    text = text.replace("\t", " ").replace("\u00a0", " ")
    first, one = _drop(text, _EMPTY_BRACKETS, keep)
    kept = [(OffsetMap(one)(s), OffsetMap(one)(e)) for s, e in keep] if one else keep
    second, two = _drop(first, _TIDY, kept)
    return second, OffsetMap(one, then=OffsetMap(two))


@dataclass(frozen=True)
class Assembled:
    """A body turned into the fields of a :class:`~extraction.records.Card`."""

    body: str
    body_lines: tuple[int, ...]
    line_starts: tuple[tuple[int, int], ...]
    emphasis: tuple[Emphasis, ...]
    items: tuple[ListItem, ...]


def _tidy_line(line: BodyLine) -> BodyLine:
    text, mapping = tidy(line.text, code_spans(line.emphasis))
    if mapping is None:
        return line
    starts: list[tuple[int, int]] = []
    for offset, number in line.starts:
        at = mapping(offset)
        if starts and starts[-1][0] == at:
            continue
        starts.append((at, number))
    runs = [(mapping(s), mapping(e), style) for s, e, style in line.emphasis]
    return BodyLine(text, starts or [(0, line.starts[0][1])], runs, line.depth, line.parent)


def code_spans(runs: Iterable[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The spans of the ``code`` runs among ``runs``: text that :func:`tidy` leaves as is."""
    return [(start, end) for start, end, style in runs if style == "code"]


def emphasis_runs(
    text: str, runs: Iterable[tuple[int, int, str]], part: str, shift: int = 0
) -> list[Emphasis]:
    """:class:`Emphasis` records of ``runs`` in ``text``, trimmed of spaces, empty ones
    and repeats dropped, offsets moved by ``shift``.

    >>> emphasis_runs(" a bold b", [(2, 8, "bold"), (3, 3, "italic")], "body")
    [Emphasis(part='body', start=3, end=7, style='bold')]
    """
    out: list[Emphasis] = []
    seen: set[Emphasis] = set()
    for start, end, style in runs:
        start, end = max(0, start), min(len(text), end)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            record = Emphasis(part, start + shift, end + shift, style)
            if record not in seen:
                seen.add(record)
                out.append(record)
    return out


_EMPTY = Assembled("", (), (), (), ())


def assemble(body: Body) -> Assembled:
    """Join a body's logical lines into card fields: each line tidied (see :func:`tidy`),
    empty ones dropped, offsets of emphasis and items moved into the joined text.

    >>> b = Body(); i = b.add(3, "Gates:"); _ = b.add(4, "forget gate", depth=0, parent=i)
    >>> b.lines[1].append(5, "( FG )")
    >>> a = assemble(b)
    >>> a.body, a.body_lines, a.line_starts
    ('Gates:\\nforget gate (FG)', (3, 4), ((0, 3), (7, 4), (19, 5)))
    >>> a.items
    (ListItem(start=7, end=23, depth=0, parent=0),)
    """
    if not body.lines:
        return _EMPTY
    tidied = [_tidy_line(line) for line in body.lines]
    kept = [i for i, line in enumerate(tidied) if line.text]
    index = {old: new for new, old in enumerate(kept)}
    offsets: list[int] = []
    position = 0
    for i in kept:
        offsets.append(position)
        position += len(tidied[i].text) + 1
    texts: list[str] = []
    body_lines: list[int] = []
    starts: list[tuple[int, int]] = []
    emphasis: list[Emphasis] = []
    items: list[ListItem] = []
    joined = False
    for new, old in enumerate(kept):
        line = tidied[old]
        at = offsets[new]
        texts.append(line.text)
        body_lines.append(line.starts[0][1])
        joined = joined or len(line.starts) > 1
        starts.extend((at + offset, number) for offset, number in line.starts)
        emphasis.extend(emphasis_runs(line.text, line.emphasis, "body", at))
        if line.depth >= 0:
            parent = offsets[index[line.parent]] if line.parent in index else -1
            items.append(ListItem(at, at + len(line.text), line.depth, parent))
    return Assembled(
        body="\n".join(texts),
        body_lines=tuple(body_lines),
        line_starts=tuple(starts) if joined else (),
        emphasis=tuple(emphasis),
        items=tuple(items),
    )


class CardBuilder:
    """Numbers cards of one file and keeps their fields consistent."""

    def __init__(self, raw: RawNote, format: str) -> None:
        self.raw = raw
        self.format = format
        self.count = 0

    def card(
        self,
        *,
        title: str,
        body_lines: Sequence[tuple[int, str]] = (),
        title_line: int,
        section: Sequence[str] = (),
        last_line: int | None = None,
        section_lines: Sequence[int] = (),
        body: Body | None = None,
        title_kind: str = "",
        title_emphasis: Iterable[tuple[int, int, str]] = (),
        tables: Sequence[Table] = (),
    ) -> Card:
        """Build a card from a title and its body: a :class:`Body`, or ``(line number,
        text)`` pairs taken one logical line each (blank ones dropped).

        ``title_kind`` defaults to ``"none"`` for an empty title and ``"heading"``
        otherwise (``"summary"``, a deck's description, has no title); the title is
        tidied like body lines (see :func:`tidy`).
        """
        if body is None:
            body = Body.from_pairs(body_lines)
        made = assemble(body)
        title_text, mapping = tidy(title, code_spans(title_emphasis))
        runs = list(title_emphasis)
        if mapping is not None:
            runs = [(mapping(s), mapping(e), style) for s, e, style in runs]
        title_text = title_text.rstrip(",;")
        kind = title_kind or ("heading" if title_text else "none")
        if not title_text and kind != "summary":
            kind = "none"
        self.count += 1
        numbers = [*made.body_lines, *(n for _, n in made.line_starts)]
        for table in tables:
            numbers.extend(table.row_lines)
        first = title_line if title_text or not numbers else min(numbers)
        last = max(first, *numbers, last_line or 0)
        return Card(
            id=f"{self.raw.name}#{self.count}",
            source=self.raw.name,
            format=self.format,
            lines=(first, last),
            title=title_text,
            body=made.body,
            section=tuple(s for s in section if s),
            title_line=title_line,
            body_lines=made.body_lines,
            section_lines=tuple(section_lines) if all(section) else (),
            title_kind=kind,
            emphasis=(*emphasis_runs(title_text, runs, "title"), *made.emphasis)
            if runs or made.emphasis
            else (),
            items=made.items,
            tables=tuple(tables),
            line_starts=made.line_starts,
        )
