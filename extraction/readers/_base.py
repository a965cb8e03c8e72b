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

import codecs
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from extraction.errors import ReadError
from extraction.limits import MAX_LINE_CHARS, MAX_TEXT_LINES
from extraction.records import Card

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_text(data: bytes) -> str:
    """Decode the bytes of a text file: BOMs (UTF-8/16/32), UTF-8, else each line as UTF-8
    or Windows-1252/Latin-1.

    Line endings become ``\\n``. Raises :class:`ReadError` for binary data.

    Examples
    --------
    >>> decode_text("café".encode("utf-16"))
    'café'
    >>> decode_text("café".encode("latin-1"))
    'café'
    >>> decode_text(b"a\\r\\nb")
    'a\\nb'
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
    return text


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
    """A file's bytes and what readers ask of them."""

    path: Path
    data: bytes
    name: str = field(default="")

    def __post_init__(self) -> None:
        if not self.name:
            self.name = self.path.name

    @property
    def suffix(self) -> str:
        return self.path.suffix.lower()

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
        body_lines: Sequence[tuple[int, str]],
        title_line: int,
        section: Sequence[str] = (),
        last_line: int | None = None,
        section_lines: Sequence[int] = (),
    ) -> Card:
        """Build a card from a title and ``(line number, text)`` body lines.

        Blank lines at either end of the body are dropped; blank lines inside are kept
        as paragraph breaks.
        """
        pairs = list(body_lines)
        while pairs and not pairs[0][1].strip():
            pairs.pop(0)
        while pairs and not pairs[-1][1].strip():
            pairs.pop()
        self.count += 1
        first = title_line if title or not pairs else pairs[0][0]
        last = max([first, *(n for n, _ in pairs)] + ([last_line] if last_line else []))
        return Card(
            id=f"{self.raw.name}#{self.count}",
            source=self.raw.name,
            format=self.format,
            lines=(first, last),
            title=title.strip(),
            body="\n".join(text.rstrip() for _, text in pairs),
            section=tuple(s for s in section if s),
            title_line=title_line,
            body_lines=tuple(n for n, _ in pairs),
            section_lines=tuple(section_lines) if all(section) else (),
        )
