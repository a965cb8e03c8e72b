"""Segments: the units of a card that spaCy parses, with the structure around them.

A card gives its title, then one segment per logical line of its body (a paragraph or
a list item; bullets stripped, hard-wrapped lines joined when the reader has not done
so), then one per table cell. Each segment keeps what the notes single out inside it
(emphasised runs, in the segment's own offsets), whether it is a list item, and the
file line of every character, so that evidence cites the line a sentence starts on.
Section headings are segments of their own, once per heading.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from extraction.concepts.abbreviations import best_long_form
from extraction.concepts.words import COMPARED_ON, DESCRIBING_HEADERS, TERM_HEADERS
from extraction.names import lemmas
from extraction.readers.prompts import is_term
from extraction.records import Card, Table

#: Kinds of segment.
TITLE, HEADING, BODY, ITEM, CELL = "title", "heading", "body", "item", "cell"
FILE_TITLE = "file title"  # a heading over every card of its file

_BULLET = re.compile(r"^\s*(?:[•◦▪‣●○■□➢➤►\-*+–—>]+|\(?\d{1,2}[.)]|[a-z][.)](?=\s))\s*")
#: (a comma or semicolon right after the colon is what a dropped formula left:
#: "Trace: $\operatorname{tr}(A)$, the sum of ..." read as "Trace:, the sum of ...")
_LABEL = re.compile(r"^([A-Za-z0-9][^:.!?]{0,60}?):(?:[,;](?=\s))?\s+(\S.*)$")
_DASH_LABEL = re.compile(r"^([A-Za-z0-9][^:.!?–—]{0,60}?)\s+[–—-]\s+(\S.*)$")
_WORDISH = re.compile(r"[A-Za-z]")


@dataclass(frozen=True, slots=True)
class Segment:
    """A title, heading, logical body line or table cell of a card: what spaCy parses.

    ``emphasis`` holds ``(start, end, style)`` runs in :attr:`text`'s offsets;
    ``starts`` the ``(offset, file line)`` where each joined line starts.
    """

    card: Card
    line: int
    text: str
    is_title: bool
    is_term: bool = False  # a term line inside an answer, heading its explanation
    is_heading: bool = False  # a section heading above cards (parsed once)
    starts: tuple[tuple[int, int], ...] = ()
    kind: str = BODY
    emphasis: tuple[tuple[int, int, str], ...] = ()
    depth: int = 0  # list depth of an item
    column: int = -1  # table column of a cell
    header: str = ""  # the header of a cell's column

    def line_at(self, offset: int) -> int:
        """The file line of the character at ``offset`` in :attr:`text` (``starts`` is
        in offset order: a binary search, not a walk over every joined line)."""
        at = bisect.bisect_right(self.starts, (offset, float("inf"))) - 1
        return self.starts[at][1] if at >= 0 else self.line

    @property
    def title_kind(self) -> str:
        """What the title is (question, term, heading, cloze, none); "heading" for a
        section heading."""
        if self.is_heading:
            return "heading"
        return self.card.title_kind if self.is_title else "none"


def label_of(text: str) -> tuple[str, str] | None:
    """``(label, rest)`` of a "Label: explanation" or "Label – explanation" line.

    >>> label_of("Kiln shelf: holds the pots")
    ('Kiln shelf', 'holds the pots')
    >>> label_of("Early stopping – stop when validation loss rises")
    ('Early stopping', 'stop when validation loss rises')

    A spaced dash before the first colon ends the label: the colon is the explanation's
    ("Igneous rocks - two kinds: granite, basalt").

    >>> label_of("Igneous rocks - two kinds: granite, basalt")
    ('Igneous rocks', 'two kinds: granite, basalt')

    A comma a dropped formula left after the colon is no part of the explanation.

    >>> label_of("Trace:, the sum of the diagonal")
    ('Trace', 'the sum of the diagonal')
    """
    colon, dash = _LABEL.match(text), _DASH_LABEL.match(text)
    m = dash if dash and (colon is None or dash.end(1) < colon.end(1)) else colon
    return (m.group(1), m.group(2)) if m else None


_EQUALS_CLAUSE = re.compile(r"(?:^|[;,]\s+)([A-Za-z][^=:;,.!?]{0,60}?)\s+=\s+(?=\S)")
_WORD3 = re.compile(r"[^\W\d_]{3,}")
#: What a line of code or a formula has that a name set equal to words has not: a call
#: ("np.mean(x)"), a backslash, a brace, an underscore, a quote mark of code.
_CODE_LINE = re.compile(r"[\\{}_`<>]|\w\(")


def equals_labels(text: str) -> list[tuple[str, str, int]]:
    """``(label, rest, offset of the label)`` of each name a line sets equal to what
    explains it in words, the first opening the line ("Dew point = temperature at which
    air is saturated", "Upwind = toward the wind; downwind = away from it"); none for a
    formula, whose right side has no word ("T = 7.65", "v = d / t"), or a line of code
    ("avg = np.mean(heights)").

    >>> equals_labels("Upwind = toward the wind; downwind = away from it")
    [('Upwind', 'toward the wind', 0), ('downwind', 'away from it', 26)]
    >>> equals_labels("v = d / t"), equals_labels("avg = np.mean(heights)")
    ([], [])
    """
    if _CODE_LINE.search(text):
        return []
    found = list(_EQUALS_CLAUSE.finditer(text))
    if not found or found[0].start() != 0:
        return []
    ends = [m.start() for m in found[1:]] + [len(text)]
    clauses = [
        (m.group(1), text[m.end() : end].strip(), m.start(1))
        for m, end in zip(found, ends, strict=True)
    ]
    if not _WORD3.search(clauses[0][1]):
        return []
    return [c for c in clauses if _WORD3.search(c[1])]


#: Where one side's clause of a contrast ends: a semicolon, a line's end, or a sentence's
#: end before a capital or before the next label in lower case ("... in a cloud. fork: a
#: bolt").
_SIDE_CLAUSE_BREAK = re.compile(
    r"\s*[;\n]\s*|(?<=[a-z]\.)\s+(?=[A-Z])|(?<=\.)\s+(?=[a-z][\w -]{0,40}?\s*[:=]\s)"
)


def side_clause(text: str, names: Sequence[str], contrast: str) -> str:
    """What the clause of ``text`` says of one side of the contrast ``contrast`` ("Sleet
    vs hail") by the first word(s) of that side's name, as a student shortens it, set
    equal to or labelled with its explanation ("Sheet lightning vs fork lightning" /
    "sheet = a flash lit inside a cloud; fork = a bolt to the ground"), or ``""``.
    The short label must name one side only: it stands once in ``contrast``.

    >>> side_clause("sheet = lit inside a cloud, fork = a bolt", ["sheet lightning"],
    ...     "Sheet lightning vs fork lightning")
    'lit inside a cloud'
    >>> side_clause("lightning = a flash", ["sheet lightning"], "Sheet lightning vs fork lightning")
    ''
    >>> side_clause("Sheet: lit in a cloud. Fork: a bolt.", ["fork lightning"],
    ...     "Sheet lightning vs fork lightning")
    'a bolt.'
    >>> side_clause("sheet: lit in a cloud. fork: a bolt.", ["fork lightning"],
    ...     "Sheet lightning vs fork lightning")
    'a bolt.'
    """
    wanted = [n.lower() for n in names if n.strip()]
    shown = contrast.lower()
    for clause in re.split(_SIDE_CLAUSE_BREAK, text):
        found = equals_label(clause) or label_of(clause)
        if found is None:
            continue
        short = found[0].strip().lower()
        if shown.count(short) == 1 and any(
            name == short or name.startswith(f"{short} ") for name in wanted
        ):
            return found[1].strip(" ,;")
    return ""


#: A present-tense verb right after the name: "Osmosis moves water across ...".
VERB_AFTER = re.compile(r"^\s+(?:(?:also|usually|always|often)\s+)?([a-z]{3,}s)\b")
#: The plain form of a verb right after a plural name: "Enzymes speed up ...".
PLAIN_VERB_AFTER = re.compile(r"^\s+(?:(?:also|usually|always|often)\s+)?([a-z]{3,})\b")
_LEAD_ARTICLE = re.compile(r"^\s*(?:a|an|the)\s+", re.IGNORECASE)


#: The word that parts the sides of a contrast: "Sleet vs hail", "Sleet vs. hail".
_VERSUS_SPLIT = re.compile(r"\s+vs\.?\s+|\s*[:–—-]\s+", re.IGNORECASE)
#: Where the answer of a contrast card passes from one side to the other: a sentence's
#: end, a semicolon, a line's end, or a comma before a capital ("A sinks, B floats").
_SIDE_BREAK = re.compile(r"(?<=[.;])\s+|\n+|,\s+(?=[A-Z])")


def side_sentence(body: str, names: Sequence[str], contrast: str) -> str:
    """The clause of the answer to the contrast ``contrast`` ("Sleet vs hail") that
    opens with the name of one side and says what it does ("Sleet falls as ice pellets,
    Hail grows in storm clouds"), or ``""``: the card tells the two sides apart by what
    each does. A clause that names the other side too compares them ("a sleet pellet
    melts faster than hail") and says what neither is.

    >>> side_sentence("Sleet falls as ice pellets, Hail grows in storm clouds.", ["hail"],
    ...     "Sleet vs Hail")
    'Hail grows in storm clouds.'
    >>> side_sentence("Sleet falls as pellets. Hail forms layers of ice.", ["hail"],
    ...     "Sleet vs Hail")
    'Hail forms layers of ice.'
    >>> side_sentence("Both fall from clouds.", ["hail"], "Sleet vs Hail")
    ''
    >>> side_sentence("Hail falls in summer, unlike sleet.", ["hail"], "Sleet vs Hail")
    ''
    """
    wanted = [n.lower() for n in names if n.strip()]
    others = [
        side.strip().lower()
        for side in _VERSUS_SPLIT.split(contrast)
        if side.strip() and not any(n.startswith(side.strip().lower()) for n in wanted)
    ]
    for clause in _SIDE_BREAK.split(body.strip()):
        if any(other in clause.lower() for other in others):
            continue
        opening = _LEAD_ARTICLE.sub("", clause)
        for name in sorted(names, key=len, reverse=True):
            if (
                name
                and (rest := _after_name(opening, name)) is not None
                and _present_verb_after(rest, plural=name.endswith("s"))
            ):
                return clause.strip().rstrip(";,")
    return ""


#: A long form and the abbreviation after it in brackets, opening a clause.
_SPELLED_OUT = re.compile(r"([^()]{3,80}?)\s*\(([^()]+)\)")


def _after_name(opening: str, name: str) -> str | None:
    """What follows ``name`` opening a clause, or its spelled-out form with ``name``
    in brackets after it ("Heavy goods vehicle (HGV) pays ..." for "HGV"); ``None``
    when the clause opens with neither.

    >>> _after_name("Heavy goods vehicle (HGV) pays a toll", "HGV")
    ' pays a toll'
    >>> _after_name("Low pressure system (LPS) brings rain", "LPS")
    ' brings rain'
    >>> _after_name("HGV pays a toll", "HGV"), _after_name("Vans (HGV) pay", "HGV")
    (' pays a toll', None)
    """
    if opening.lower().startswith(name.lower()):
        return opening[len(name) :]
    m = _SPELLED_OUT.match(opening)
    if m and m[2].strip().lower() == name.lower() and best_long_form(name, m[1]) == m[1]:
        return opening[m.end() :]
    return None


#: Endings of the present tense of verbs made with "-ize"/"-ise"/"-yze" ("depolarizes",
#: "catalyses"): a word in one the dictionary does not know is such a verb.
_VERB_ENDINGS = ("izes", "ises", "yzes", "yses")
#: "is" or "are" right after a name, saying what it is or what it is like.
_SAYS_WHAT_IT_IS = re.compile(r"^(?:e?s)?\s+(?:is|are)\s+(?!not\b)\w", re.IGNORECASE)


def _present_verb_after(rest: str, *, plural: bool = False) -> bool:
    """Does ``rest``, what follows a side's whole name at the opening of a clause, go on
    with "is"/"are" or a word English has as a verb in the present tense ("returns all
    rows", "filters groups")? After the whole name the title gives, a word in "-s" is
    the verb, even one English also has as a plural noun.

    >>> _present_verb_after(" returns all rows"), _present_verb_after(" was older")
    (True, False)
    >>> _present_verb_after(" are compressional"), _present_verb_after(" is not used")
    (True, False)

    After a plural name, the verb's plain form: "Kilns *fire* clay".

    >>> _present_verb_after(" fire clay", plural=True), _present_verb_after(" fire clay")
    (True, False)

    A word the dictionary does not know, in a verb's ending, is a verb:

    >>> _present_verb_after(" remineralizes the soil"), _present_verb_after(" rebars")
    (True, False)
    """
    if _SAYS_WHAT_IT_IS.match(rest):
        return True  # "P waves are compressional ...", "A kiln is hotter ..."
    found = VERB_AFTER.match(rest)
    if found:
        word = found.group(1)
        readings = lemmas(word)
        # a word the dictionary does not know, in a verb's ending ("hyperpolarizes")
        return "VERB" in readings or (not readings and word.endswith(_VERB_ENDINGS))
    plain = PLAIN_VERB_AFTER.match(rest) if plural else None
    return bool(plain) and plain.group(1) in lemmas(plain.group(1)).get("VERB", ())


def equals_label(text: str) -> tuple[str, str] | None:
    """``(label, rest)`` of the first name a line sets equal to words (:func:`equals_labels`).

    >>> equals_label("Dew point = temperature at which air is saturated")
    ('Dew point', 'temperature at which air is saturated')
    >>> equals_label("v = d / t") is None, equals_label("Dew point: the temperature") is None
    (True, True)
    >>> equals_label("avg = np.mean(heights)") is None
    True
    """
    found = equals_labels(text)
    return found[0][:2] if found else None


def _heading_segments(cards: Sequence[Card]) -> Iterator[Segment]:
    """Each section heading once, at its line (formats that record heading lines). A
    heading over every card of its file is the file's title (``kind`` "file title")."""
    seen: set[tuple[str, int]] = set()
    cards = list(cards)
    over_all = {
        line
        for line in {c.section_lines[0] for c in cards if c.section_lines}
        if all(c.section_lines[:1] == (line,) for c in cards)
    }
    for card in cards:
        for heading, line in zip(card.section, card.section_lines, strict=False):
            if (card.source, line) not in seen and heading.strip():
                seen.add((card.source, line))
                kind = FILE_TITLE if line in over_all and len(cards) > 1 else HEADING
                yield Segment(card, line, heading.strip(), True, is_heading=True, kind=kind)


def _emphasis_in(card: Card, part: str, start: int, end: int) -> tuple[tuple[int, int, str], ...]:
    """The emphasised runs of ``card``'s ``part`` inside ``[start, end)``, shifted to
    offsets from ``start``."""
    return tuple(
        (max(e.start, start) - start, min(e.end, end) - start, e.style)
        for e in card.emphasis
        if e.part == part and e.start < end and e.end > start
    )


def card_segments(card: Card) -> Iterator[Segment]:
    """The title, the body's logical lines, then the table cells of ``card``.

    Bullets are stripped; wrapped lines are joined when the reader has not joined
    them (a card without ``line_starts`` or ``items``); term lines that head an
    explanation ("Forget gate" / "decides how much ...") are marked as terms.
    """
    title = card.title.strip()
    if title:
        lead = card.title.index(title)
        yield Segment(
            card,
            card.title_line,
            title,
            True,
            kind=TITLE,
            emphasis=_emphasis_in(card, "title", lead, lead + len(title)),
        )
    item_at = {item.start: item for item in card.items}
    # (first line, text, starts, offset of text in body, item depth or -1); the readers
    # have joined wrapped lines and removed list markers: one logical line per line
    logical: list[tuple[int, str, tuple[tuple[int, int], ...], int, int]] = []
    offset = 0
    for index, raw in enumerate(card.body.split("\n")):
        begin, offset = offset, offset + len(raw) + 1
        text = _BULLET.sub("", raw).strip()
        if not text or not _WORDISH.search(text):
            continue
        at = begin + raw.index(text)
        line = card.body_lines[index] if index < len(card.body_lines) else card.line_of(at)
        item = item_at.get(at) or item_at.get(begin)
        depth = item.depth if item is not None else -1
        inner = [(o - at, n) for o, n in card.line_starts if at < o < begin + len(raw)]
        logical.append((line, text, ((0, line), *inner), at, depth))
    logical = [part for entry in logical for part in _equals_lines(*entry)]
    for i, (line, text, starts, at, depth) in enumerate(logical):
        following = logical[i + 1][1] if i + 1 < len(logical) else ""
        heads = is_term(text) and bool(following) and not is_term(following)
        yield Segment(
            card,
            line,
            text,
            False,
            is_term=heads,
            starts=starts,
            kind=ITEM if depth >= 0 else BODY,
            emphasis=_emphasis_in(card, "body", at, at + len(text)),
            depth=max(depth, 0),
        )
    for table in card.tables:
        for r, row in enumerate(table.rows):
            line = table.row_lines[r] if r < len(table.row_lines) else card.lines[0]
            for c, cell in enumerate(row):
                cell = cell.strip()
                if cell and _WORDISH.search(cell):
                    header = table.header[c] if c < len(table.header) else ""
                    yield Segment(card, line, cell, False, kind=CELL, column=c, header=header)


_FINISHED = re.compile(r"[.!?;:)]\W*$")


def _equals_lines(
    line: int, text: str, starts: tuple[tuple[int, int], ...], at: int, depth: int
) -> list[tuple[int, str, tuple[tuple[int, int], ...], int, int]]:
    """A paragraph's logical line cut before each of its joined lines that sets a name
    equal to words (:func:`equals_labels`) after a finished line or with a capital, as the
    readers cut before a "Label: ..." line: "Dew point = ..." under "Humidity: the water
    in the air." is a line of its own, not the end of the one above. A list item is
    left whole.

    >>> parts = _equals_lines(4, "Humidity: water in air. Dew point = when it condenses",
    ...                       ((0, 4), (24, 5)), 0, -1)
    >>> [(line, text) for line, text, *_ in parts]
    [(4, 'Humidity: water in air.'), (5, 'Dew point = when it condenses')]
    """
    cuts = [
        o
        for o, _ in starts[1:]
        if depth < 0
        and 0 < o < len(text)
        and equals_labels(text[o:])
        and (_FINISHED.search(text[:o].rstrip()) or text[o : o + 1].isupper())
    ]
    if not cuts:
        return [(line, text, starts, at, depth)]
    parts = []
    for begin, end in zip([0, *cuts], [*cuts, len(text)], strict=True):
        piece = text[begin:end].rstrip()
        own = tuple((o - begin, n) for o, n in starts if begin <= o < end)
        parts.append((own[0][1] if own else line, piece, own, at + begin, depth))
    return parts


#: Most words of a header cell read as the name of a thing a table compares.
COMPARED_MAX_WORDS = 5


def _header_words(cell: str) -> list[str]:
    """A header cell's words in lower case, without emphasis marks or punctuation."""
    return re.findall(r"[^\W_]+(?:[-'][^\W_]+)*", cell.lower())


def compares(table: Table) -> bool:
    """Is ``table`` a comparison table: a first header cell that is empty or says what
    the rows compare on (:data:`COMPARED_ON`), then two header cells or more that
    name the things compared (short, none a column of descriptions:
    :data:`DESCRIBING_HEADERS`)? Its rows are attributes of the compared things: a row's
    first cell is no term its other cells define, nor built on them.

    >>> compares(Table(("Factor", "Aerobic", "Anaerobic"), (("Yield", "36 ATP", "2 ATP"),)))
    True
    >>> compares(Table(("", "**Iron**", "**Copper**"), (("Colour", "grey", "red"),)))
    True
    >>> compares(Table(("Term", "Definition", "Example"), (("Alloy", "a mix", "brass"),)))
    False
    >>> compares(Table(("Feature", "Description"), (("Lustre", "shine"),)))
    False
    >>> compares(Table(("Metal", "Colour", "Density"), (("Iron", "grey", "7.9"),)))
    False
    """
    if len(table.header) < 3:
        return False
    first = _header_words(table.header[0])
    if first and first[-1] not in COMPARED_ON:
        return False
    compared = [_header_words(h) for h in table.header[1:]]
    return all(
        0 < len(words) <= COMPARED_MAX_WORDS and not DESCRIBING_HEADERS.intersection(words)
        for words in compared
    )


def glossary(table: Table) -> bool:
    """Is ``table`` a glossary: a first header cell that says its column holds terms
    (:data:`TERM_HEADERS`) and a later one that names a column of descriptions
    (:data:`DESCRIBING_HEADERS`)? Each row's first cell is a term its other cells
    define, as the term of a term card is.

    >>> glossary(Table(("Term", "Meaning", "Example"), (("Alloy", "a mix", "brass"),)))
    True
    >>> glossary(Table(("Technique", "Description"), ())), glossary(Table(("Term", "Year"), ()))
    (False, False)
    """
    first = _header_words(table.header[0]) if table.header else []
    if len(table.header) < 2 or not first:
        return False
    return first[-1] in TERM_HEADERS and any(
        DESCRIBING_HEADERS.intersection(_header_words(h)) for h in table.header[1:]
    )


#: Longest text given to the parser at once. Longer segments are cut in pieces (at a
#: sentence end, else a joined line's start, else a space): spaCy's time and memory, and
#: some passes over a sentence's words, grow faster than the length of one text. The
#: longest paragraph of the real notes at hand is 3,808 characters (d2l's preface; the
#: seeds' is 481): none is cut.
MAX_SEGMENT_CHARS = 5000

_SENTENCE_END = re.compile(r"[.!?;][\"')\]]*\s+")


def _cut(seg: Segment, start: int, limit: int) -> int:
    """Where the piece of ``seg`` that begins at ``start`` ends (at most ``limit``
    characters on): after the last sentence end, else at the last joined line's start,
    else after the last space, in the second half of the window; else at the limit."""
    text = seg.text
    end = start + limit
    if end >= len(text):
        return len(text)
    half = start + limit // 2
    ends = [m.end() for m in _SENTENCE_END.finditer(text, half, end)]
    if ends:
        return ends[-1]
    lines = [o for o, _ in seg.starts if half < o <= end]
    if lines:
        return lines[-1]
    space = text.rfind(" ", half, end)
    return space + 1 if space > 0 else end


def split_long(seg: Segment, limit: int = MAX_SEGMENT_CHARS) -> Iterator[Segment]:
    """``seg``, or its pieces of at most ``limit`` characters when it is longer, each
    with its own first line, joined-line starts and emphasis (in its own offsets), so
    that evidence cut from a piece cites the right line.

    >>> from extraction.records import Card
    >>> card = Card("n.md#1", "n.md", "markdown", (1, 3), "T", "x", body_lines=(2,))
    >>> seg = Segment(card, 2, "One two. Three four. Five six.", False, starts=((0, 2), (9, 3)))
    >>> [(p.text, p.line) for p in split_long(seg, limit=12)]
    [('One two.', 2), ('Three four.', 3), ('Five six.', 3)]
    """
    text = seg.text
    if len(text) <= limit:
        yield seg
        return
    start = 0
    while start < len(text):
        end = _cut(seg, start, limit)
        inner = tuple((o - start, n) for o, n in seg.starts if start < o < end)
        emphasis = tuple(
            (max(s, start) - start, min(e, end) - start, style)
            for s, e, style in seg.emphasis
            if s < end and e > start
        )
        line = seg.line_at(start)
        yield replace(
            seg,
            text=text[start:end].rstrip(),
            line=line,
            starts=((0, line), *inner),
            emphasis=emphasis,
            is_term=seg.is_term and start == 0,
        )
        start = end
        while start < len(text) and text[start].isspace():
            start += 1


def segments_of(cards: Sequence[Card]) -> list[list[Segment]]:
    """The segments to parse, one list per source file in order of first appearance:
    its section headings (once each), then its cards' titles, body lines and cells,
    each at most :data:`MAX_SEGMENT_CHARS` long (see :func:`split_long`)."""
    by_source: dict[str, list[Card]] = defaultdict(list)
    for card in cards:
        by_source[card.source].append(card)
    return [
        [
            piece
            for seg in (
                *_heading_segments(group),
                *(seg for card in group for seg in card_segments(card)),
            )
            for piece in split_long(seg)
        ]
        for group in by_source.values()
    ]


_SENTS = "concept_atlas_sents"
_TEXT = "concept_atlas_text"


def span_text(span: Span | Doc) -> str:
    """``span.text``, sliced from the doc's text, which is joined from its tokens once
    per doc (spaCy joins them again on every ``.text``).

    >>> from extraction import nlp
    >>> doc = nlp.load()("A GRU gates.  An LSTM too.")
    >>> [span_text(s) for s in doc.sents] == [s.text for s in doc.sents]
    True
    """
    doc = span if isinstance(span, Doc) else span.doc
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text if span is doc else text[span.start_char : span.end_char]


def sentences_of(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, computed once per doc (spaCy walks every token each time)."""
    sents = doc.user_data.get(_SENTS)
    if sents is None:
        sents = doc.user_data[_SENTS] = list(doc.sents)
    return sents
