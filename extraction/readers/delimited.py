"""Flashcards exported as delimited text: Anki's "Notes in Plain Text", Quizlet, CSV/TSV.

Anki 2.1.55+ starts its text export with header lines such as ``#separator:tab``,
``#html:true``, ``#deck column:2`` and ``#tags column:3``. They set the delimiter and say
which columns are metadata: GUID, note type and tags columns are dropped, the deck
column becomes the section. Quizlet exports one ``term<TAB>definition`` (or comma
separated, quoted) row per card. An optional header row ("term,definition") is skipped,
and the columns it names as metadata ("Tags", "Source") are dropped.

Each row is one card: the first column the title, the next non-empty columns the body.
``lines`` are the file lines the row spans; quoted fields may span several.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from extraction.errors import ReadError
from extraction.limits import MAX_TABLE_CELLS
from extraction.readers._base import Body, CardBuilder, RawNote, clean_line, normalise_glyphs
from extraction.readers._html import (
    HtmlLine,
    deck_path,
    field_lines,
    html_lines,
    is_metadata_field,
    looks_like_html,
)
from extraction.readers.paragraphs import html_body, text_body
from extraction.readers.prompts import has_cloze, prompt_kind
from extraction.records import Card

FORMAT = "csv"
EXTENSIONS = (".csv", ".tsv", ".txt")

#: Anki's names for separators in ``#separator:``.
SEPARATORS = {
    "tab": "\t",
    "comma": ",",
    "semicolon": ";",
    "pipe": "|",
    "space": " ",
    "colon": ":",
}
#: First cells of a header row (lower case) and the second cells they pair with.
HEADER_ROWS = {
    "term": {"definition", "definitions", "meaning", "explanation", "description"},
    "front": {"back"},
    "question": {"answer"},
    "q": {"a"},
    "word": {"definition", "meaning"},
    "concept": {"definition", "explanation", "description", "meaning"},
    "prompt": {"answer", "response"},
    "key term": {"definition", "explanation", "meaning"},
}
#: Header names (lower case) of a column that says which part of the course a row is
#: from: the card's section, not its text.
SECTION_COLUMNS = frozenset(
    "chapter week section topic unit lecture lesson module part day class session".split()
)
#: Most letters of a cell of a header row told by its shape, not its words.
HEADER_CELL_LETTERS = 20
#: Fewest words of a second field that says more than a column name.
LONG_FIELD_WORDS = 4
#: Fewest rows under a header row told by its shape.
HEADER_SHAPE_ROWS = 3
#: Columns named in ``#columns:`` that are never card text.
_METADATA_COLUMNS = frozenset({"guid", "notetype", "note type", "deck"})
_HEADER = re.compile(r"^#([a-z][a-z ]*):(.*)$", re.IGNORECASE)
_SAMPLE_LINES = 200


@dataclass
class Layout:
    """How to read the rows of a file, from its Anki header lines.

    Attributes
    ----------
    delimiter : str or None
        The separator (``None``: guess it from the rows).
    html : bool or None
        Fields are HTML (``None``: decide per field, from its tags).
    dropped : set of int
        0-based columns that are metadata.
    deck_column : int or None
        0-based column naming each row's deck.
    deck : tuple of str
        Deck path of every row (``#deck:Name``).
    header_lines : int
        How many header lines precede the rows.
    section_name : str
        The header's name of :attr:`deck_column` when a header row names it as a part of
        the course ("Chapter"), put before a cell that is only a number ("Chapter 3").
    """

    delimiter: str | None = None
    html: bool | None = None
    dropped: set[int] = field(default_factory=set)
    deck_column: int | None = None
    deck: tuple[str, ...] = ()
    header_lines: int = 0
    section_name: str = ""


def parse_headers(lines: Sequence[str]) -> Layout:
    """Read Anki's ``#key:value`` header lines at the top of a text export.

    >>> layout = parse_headers(["#separator:Pipe", "#html:false", "#tags column:3", "a|b|c"])
    >>> layout.delimiter, layout.html, layout.dropped, layout.header_lines
    ('|', False, {2}, 3)
    """
    layout = Layout()
    columns = ""
    for line in lines:
        match = _HEADER.match(line.strip())
        if not match:
            break
        layout.header_lines += 1
        key, value = match.group(1).strip().lower(), match.group(2).strip()
        if key == "separator" and value:
            layout.delimiter = SEPARATORS.get(value.lower(), value[0])
        elif key == "html":
            layout.html = value.lower() == "true"
        elif key == "deck":
            layout.deck = deck_path(value)
        elif key == "columns":
            columns = match.group(2)
        elif key.endswith(" column") and value.isdigit() and int(value) > 0:
            index = int(value) - 1
            if key == "deck column":
                layout.deck_column = index
            layout.dropped.add(index)
    if columns and layout.delimiter:
        for index, name in enumerate(columns.split(layout.delimiter)):
            if is_metadata_field(name) or name.strip().lower() in _METADATA_COLUMNS:
                layout.dropped.add(index)
                if name.strip().lower() == "deck":
                    layout.deck_column = index
    return layout


def _parse(text: str, delimiter: str) -> list[list[str]]:
    """Rows of ``text`` (empty rows included); ``[]`` when the csv module gives up."""
    try:
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error:
        return []


def column_share(rows: Sequence[Sequence[str]]) -> tuple[float, int]:
    """Share of non-empty rows having the most common width of 2 or more, and that width.

    >>> column_share([["a", "b"], ["c", "d"], ["e"], []])
    (0.6666666666666666, 2)
    """
    rows = [r for r in rows if any(c.strip() for c in r)]
    widths = Counter(len(r) for r in rows if len(r) >= 2)
    if not rows or not widths:
        return 0.0, 0
    width, count = widths.most_common(1)[0]
    return count / len(rows), width


def _preferred(suffix: str) -> tuple[str, ...]:
    return (",", ";", "\t", "|") if suffix == ".csv" else ("\t", ",", ";", "|")


def guess_delimiter(text: str, suffix: str) -> str | None:
    """The delimiter giving most rows one width of >= 2 columns, if most rows have it.

    >>> guess_delimiter("a;b\\nc;d, e\\n", ".csv")
    ';'
    """
    sample = "\n".join(text.split("\n")[:_SAMPLE_LINES])
    best, best_share = None, 0.0
    for delimiter in _preferred(suffix):
        share, _ = column_share(_parse(sample, delimiter))
        if share > best_share:
            best, best_share = delimiter, share
    return best if best_share >= 0.5 else None


def sniff(raw: RawNote) -> float:
    """0.95 for an Anki text export; for ``.csv``/``.tsv`` 0.9 with a consistent delimiter,
    else 0.2 (so that :func:`read` says what is wrong); for ``.txt`` 0.5 when nearly every
    line is ``term<TAB>definition`` with the same number of fields (:func:`tab_columns`);
    0 otherwise."""
    if not raw.is_text:
        return 0.2 if raw.suffix in (".csv", ".tsv") else 0.0
    first = raw.lines[0].lstrip() if raw.lines else ""
    if first.startswith(("#separator:", "#html:")):
        return 0.95
    if raw.suffix in (".csv", ".tsv"):
        return 0.9 if guess_delimiter(raw.text, raw.suffix) else 0.2
    if raw.suffix == ".txt":
        return 0.5 if tab_columns([line for line in raw.lines if line.strip()]) else 0.0
    return 0.0


#: Most tabs in the rows of a ``.txt`` export: a term, its definition and a few fields
#: after them (an Anki export with no header lines: front, back, tags).
MAX_TXT_TABS = 3


def tab_columns(lines: Sequence[str]) -> bool:
    """Are ``lines`` (no blank ones) rows of tab-separated fields: at least three, and at
    least four in five of them hold the same number of tabs, one to :data:`MAX_TXT_TABS`?

    >>> tab_columns(["Loam\\tRich soil\\tsoil", "Clay\\tFine soil\\tsoil", "Silt\\tFine grains\\t"])
    True
    >>> tab_columns(["Loam\\tRich soil", "Clay is fine.", "Silt is fine.", "Sand\\tCoarse"])
    False
    """
    counts = Counter(line.count("\t") for line in lines)
    tabs, rows = max(counts.items(), key=lambda kv: (kv[1], kv[0]), default=(0, 0))
    return 1 <= tabs <= MAX_TXT_TABS and rows >= 3 and rows >= 0.8 * len(lines)


def _is_header_row(cells: Sequence[str]) -> bool:
    """``term,definition``-style column names.

    >>> _is_header_row(["Term", "Definition"]), _is_header_row(["Osmosis", "a flow"])
    (True, False)
    >>> _is_header_row(["Concept", "Explanation"]), _is_header_row(["Prompt", "Response"])
    (True, True)
    """
    names = [c.strip().lower() for c in cells]
    return len(names) >= 2 and names[1] in HEADER_ROWS.get(names[0], ())


def header_by_shape(rows: Sequence[Sequence[str]]) -> bool:
    """Is the first of ``rows`` a header row in words no table knows ("Begriff;Definition",
    "Terme;Définition")? Told by its shape: two or more cells of one short word each,
    none of them found again in the other rows, over at least :data:`HEADER_SHAPE_ROWS`
    rows whose second fields are all longer, :data:`LONG_FIELD_WORDS` words or more.

    >>> rows = [["Wort", "Erklärung"], ["Kiln", "An oven that fires clay."],
    ...         ["Glaze", "A glassy coat fused onto a pot."], ["Slip", "Clay thinned with water."]]
    >>> header_by_shape(rows), header_by_shape(rows[1:])
    (True, False)
    >>> header_by_shape([["Kiln", "oven"], ["Glaze", "coat"], ["Slip", "clay"], ["Raku", "fire"]])
    False
    """
    if len(rows) <= HEADER_SHAPE_ROWS:
        return False
    head = [c.strip() for c in rows[0] if c.strip()]
    word = re.compile(rf"[^\W\d_]{{2,{HEADER_CELL_LETTERS}}}")
    if len(head) < 2 or any(not word.fullmatch(c) for c in head):
        return False
    later = [row for row in rows[1:] if len(row) >= 2]
    if len(later) < HEADER_SHAPE_ROWS or any(
        len(row[1].split()) < LONG_FIELD_WORDS for row in later
    ):
        return False
    words = {w for row in rows[1:] for cell in row for w in re.findall(r"\w+", cell.lower())}
    return not any(c.lower() in words for c in head)  # one pass: a header may be long


def section_column(cells: Sequence[str]) -> int | None:
    """The 0-based column a header row names as the part of the course each row is from
    (:data:`SECTION_COLUMNS`: "Chapter", "Week"), after the first two, or ``None``.

    >>> section_column(["Term", "Definition", "Chapter"]), section_column(["Term", "Week"])
    (2, None)
    """
    return next(
        (i for i, name in enumerate(cells) if i > 1 and name.strip().lower() in SECTION_COLUMNS),
        None,
    )


def header_metadata(cells: Sequence[str]) -> set[int]:
    """The 0-based columns a header row names as metadata ("Tags", "Source", "Deck"):
    what they hold is no card's text.

    >>> header_metadata(["Front", "Back", "Tags"]), header_metadata(["Term", "Definition"])
    ({2}, set())
    """
    return {
        i
        for i, name in enumerate(cells)
        if i > 0 and (is_metadata_field(name) or name.strip().lower() in _METADATA_COLUMNS)
    }


def cell_lines(cell: str, first_line: int, html: bool | None) -> list[tuple[int, str]]:
    """The text lines of one field with their file lines, cleaned.

    Plain text keeps its own line breaks, one file line each; an HTML field renders to
    lines that all cite the line the field starts on.

    >>> cell_lines("a<br>b", 4, None), cell_lines(" x \\n\\ny", 7, False)
    ([(4, 'a'), (4, 'b')], [(7, 'x'), (8, ''), (9, 'y')])
    """
    if html or (html is None and looks_like_html(cell)):
        return [(first_line, line) for line in field_lines(cell)]
    pairs = [
        (first_line + i, clean_line(normalise_glyphs(line)))
        for i, line in enumerate(cell.split("\n"))
    ]
    while pairs and not pairs[-1][1]:
        pairs.pop()
    return pairs


def _fit(cells: list[str], width: int, delimiter: str) -> list[str]:
    """Join the cells beyond ``width`` back into the last one (unquoted commas in a
    definition).

    >>> _fit(["t", "a", " b"], 2, ",")
    ['t', 'a, b']
    """
    if width < 2 or len(cells) <= width:
        return cells
    return [*cells[: width - 1], delimiter.join(cells[width - 1 :])]


def _row_card(
    cells: Sequence[str], span: tuple[int, int], layout: Layout, builder: CardBuilder
) -> Card | None:
    """The card of the row on lines ``span``, or ``None`` when the row has no text."""
    first_line, last_line = span
    fields: list[list[tuple[int, str]]] = []
    deck = layout.deck
    line = first_line
    for index, cell in enumerate(cells):
        if index == layout.deck_column:
            named = cell.strip()
            if layout.section_name and named.isdigit():
                named = f"{layout.section_name} {named}"  # "Week" column, "3": "Week 3"
            deck = deck_path(named) or deck
        if index not in layout.dropped:
            fields.append(cell_lines(cell, line, layout.html))
        line += cell.count("\n")
    fields = [f for i, f in enumerate(fields) if i == 0 or any(t for _, t in f)]
    if not fields or not any(t for f in fields for _, t in f):
        return None
    title = " ".join(t for _, t in fields[0] if t)
    title_runs: list[tuple[int, int, str]] = []
    cells = [c for i, c in enumerate(cells) if i not in layout.dropped]
    is_html = [layout.html or (layout.html is None and looks_like_html(c)) for c in cells]
    if cells and is_html[0]:
        title, title_runs = _joined(html_lines(cells[0]))
    # Plain cells keep their own file lines; HTML cells cite the line they start on.
    body = Body()
    if any(is_html[1:]):
        pairs = zip(cells[1:], is_html[1:], strict=True)
        blocks = [html_lines(c) if h else _plain(c) for c, h in pairs]
        line = fields[1][0][0] if len(fields) > 1 and fields[1] else first_line
        body = html_body([b for b in blocks if b], line)
    else:
        pairs: list[tuple[int, str]] = []
        for field in fields[1:]:
            pairs.extend([*field, (field[-1][0], "")])
        body = text_body(pairs)
    title_line = fields[0][0][0] if fields[0] else first_line
    return builder.card(
        title=title,
        body=body,
        title_line=title_line,
        section=deck,
        last_line=last_line,
        title_kind="cloze" if cells and has_cloze(cells[0]) else prompt_kind(title),
        title_emphasis=title_runs,
    )


def _plain(cell: str) -> list[HtmlLine]:
    return [HtmlLine(clean_line(normalise_glyphs(line))) for line in cell.split("\n")]


def _joined(lines: Sequence[HtmlLine]) -> tuple[str, list[tuple[int, int, str]]]:
    """HTML lines as one title, with their emphasis runs."""
    title, runs = "", []
    for line in lines:
        if line.text:
            shift = len(title) + 1 if title else 0
            title = f"{title} {line.text}" if title else line.text
            runs.extend((s + shift, e + shift, style) for s, e, style in line.emphasis)
    return title, runs


def _rows(text: str, delimiter: str, offset: int) -> Iterator[tuple[int, int, list[str]]]:
    """``(first line, last line, cells)`` of each row; lines count from ``offset + 1``.

    Raises :class:`ReadError` past :data:`~extraction.limits.MAX_TABLE_CELLS` cells.
    """
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    done = 0
    total = 0
    try:
        for cells in reader:
            total += len(cells)
            if total > MAX_TABLE_CELLS:
                raise ReadError(
                    f"delimited text has over {MAX_TABLE_CELLS:,} cells "
                    f"(at line {offset + done + 1}), too many to be flashcards"
                )
            yield offset + done + 1, offset + reader.line_num, cells
            done = reader.line_num
    except csv.Error as exc:
        line = offset + done + 1
        if "field limit" in str(exc):
            raise ReadError(
                f"a field starting at line {line} is over {csv.field_size_limit():,} "
                "characters, the CSV reader's limit"
            ) from None
        raise ReadError(f"malformed delimited text at line {line}: {exc}") from None


#: A cell of tags: lower-case words, Anki's "::" hierarchy allowed ("law civil",
#: "geo::rocks"), five at most.
_TAGS = re.compile(r"^[a-z0-9_:.\-]+(?: [a-z0-9_:.\-]+){0,4}$")


def tag_column(rows: Sequence[Sequence[str]], width: int) -> int | None:
    """The last of ``width`` columns (three at least) when it holds tags, not text: every
    filled cell lower-case words (:data:`_TAGS`), one of them in two rows at least (an
    export without header lines: front, back, tags).

    >>> tag_column([["Kiln", "A furnace.", "ceramics"], ["Glaze", "A coat.", "ceramics"]], 3)
    2
    >>> tag_column([["Kiln", "A furnace.", "Hot."], ["Glaze", "A coat.", "Glassy."]], 3)
    """
    if width < 3:
        return None
    values = [
        row[width - 1].strip() for row in rows if len(row) >= width and row[width - 1].strip()
    ]
    if not values or not all(_TAGS.match(v) for v in values) or len(set(values)) == len(values):
        return None
    return width - 1


def read(raw: RawNote) -> Iterator[Card]:
    """One card per row: first column the title, the next non-empty columns the body.
    A row whose HTML cell is over :data:`~extraction.limits.MAX_FIELD_CHARS` is skipped
    with a warning (``raw.warnings``) naming its line.

    Raises
    ------
    ReadError
        Not text, or no row with two or more columns.
    """
    lines = raw.lines
    layout = parse_headers(lines)
    text = "\n".join(lines[layout.header_lines :])
    delimiter = layout.delimiter or guess_delimiter(text, raw.suffix) or _preferred(raw.suffix)[0]
    rows = [row for row in _rows(text, delimiter, layout.header_lines) if any(row[2])]
    share, width = column_share([cells for _, _, cells in rows])
    if not share:
        raise ReadError("no delimited columns found")
    header = bool(rows) and (
        _is_header_row(rows[0][2]) or header_by_shape([cells for _, _, cells in rows])
    )
    if layout.delimiter:
        width = 0  # Anki exports: every column is its own field
    elif (
        rows
        and not header
        and (tags := tag_column([cells for _, _, cells in rows], width)) is not None
    ):
        layout.dropped.add(tags)
    builder = CardBuilder(raw, FORMAT)
    for number, (first, last, cells) in enumerate(rows):
        if number == 0 and header:
            layout.dropped |= header_metadata(cells)
            if (column := section_column(cells)) is not None and layout.deck_column is None:
                layout.deck_column, layout.section_name = column, cells[column].strip()
                layout.dropped.add(column)  # "Chapter": the card's section, not its text
            continue
        try:
            card = _row_card(_fit(cells, width, delimiter), (first, last), layout, builder)
        except ReadError as exc:  # a cell over MAX_FIELD_CHARS: the other rows are read
            raw.warn(f"row at line {first:,}: {exc}; row skipped")
            continue
        if card:
            yield card
