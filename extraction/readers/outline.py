"""Plain text and outline summaries: headings are short lines standing alone.

A lecture summary pasted from a slide deck or a note app keeps its headings as short
lines without end punctuation, set apart by blank lines, with paragraphs and bullets
under them. Each heading starts a card (title = heading, section = the headings above
it); text with no headings becomes one card per paragraph.

A numbered line of heading text ("1. Measuring the economy", "IV. Results") is a section
heading when the text under it is indented deeper and opens a line of its own (a capital,
not a list item): the number is the section's, not a list's, and is left out of the
title. A numbered line followed by its siblings or by nested bullets stays a list item.

A run of consecutive headings ("Volcanoes" / "Eruptions") is read as a path: the
run of *k* headings replaces the last *k* levels of the current path, which keeps
sibling sections ("Lava Flows" after "Eruptions") under the same parent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from extraction.readers._base import CardBuilder, RawNote, dominant
from extraction.readers.boilerplate import without_boilerplate
from extraction.readers.paragraphs import file_indents, text_body
from extraction.records import Card

FORMAT = "outline"
EXTENSIONS = (".txt", ".text", "")

_BULLET = re.compile(r"^(?:[•◦▪‣●○■□➢➤►\-*+]|\(?\d{1,2}[.)]|[a-z][.)])\s")
#: A section number opening a line: "1. ", "2) ", "IV. ".
_SECTION_NUMBER = re.compile(r"^(?:\d{1,2}|[IVX]{1,4})[.)]\s+(?=\S)")
_MATHY = re.compile(r"[\\=^_{}|<>]|\b\w\(\w")
_END_PUNCT = re.compile(r"[.,;:!?…]$")
#: A sentence ending inside a line: a word of two lower-case letters or more (not a short
#: form: "vs.", "etc.") closed by a full stop, then more text.
_SENTENCE_END = re.compile(r"\b(?!(?:vs|etc|approx|incl|esp|ca)\.)[a-z]{2,}\.\s+\S")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = re.compile(
    rf"^(?:{_MONTH}\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|\d{{1,2}} {_MONTH}\.? \d{{4}}"
    rf"|{_MONTH} \d{{4}})$",
    re.IGNORECASE,
)


def is_heading_text(text: str, *, max_words: int = 10) -> bool:
    """Could ``text`` be a heading: short, capitalised, no end punctuation, no maths?

    >>> is_heading_text("Water Cycle"), is_heading_text("Where:")
    (True, False)
    >>> is_heading_text("The alloy undergoes cooling in still air.")
    False
    >>> is_heading_text("Glaciers slowly carve valleys into the bedrock, which")
    False
    >>> is_heading_text("Great Frost (winter of 1709)"), is_heading_text("Frost and the")
    (True, False)

    A sentence that ends inside it makes it a line of notes ("Kiln - fires the pots.
    Up to 1300 C"); a stop after a short form does not ("Ch. 4 Soils", "Mali vs. Songhai").

    >>> is_heading_text("Kiln - fires the pots. Up to 1300 C")
    False
    >>> is_heading_text("Ch. 4 Soils"), is_heading_text("Mali vs. Songhai")
    (True, True)
    """
    if not text or len(text) > 90 or _END_PUNCT.search(text) or _BULLET.match(text):
        return False
    if _SENTENCE_END.search(text):
        return False
    if _MATHY.search(text) or not (text[0].isupper() or text[0].isdigit()) or _DATE.match(text):
        return False
    words = _WORD.findall(text)
    last = text.split()[-1].strip("()[]\"'").lower()
    if last in _OPEN_WORDS:  # "... the bedrock, which" goes on; "... of 1857)" does not
        return False
    return 0 < len(words) <= max_words


#: Words a heading never ends with: a line ending so is the start of a wrapped sentence.
_OPEN_WORDS = frozenset(
    "a an the of to in on at by for with from into as than and or but that which who whose "
    "is are was were be this these its their".split()
)


def numbered_heading(text: str, nxt: str, indent: int = 0, nxt_indent: int = 0) -> str | None:
    """The heading a numbered line gives ("1. Measuring the economy" -> "Measuring the
    economy"), when the line ``nxt`` under it is indented deeper and opens a line of its
    own (a capital letter, not a list item); else None.

    >>> numbered_heading("1. Measuring the economy", "GDP: the value of output.", 0, 3)
    'Measuring the economy'
    >>> numbered_heading("1. Measuring the economy", "- GDP", 0, 3) is None
    True
    >>> numbered_heading("1. Heat the sample", "2. Weigh it", 0, 0) is None
    True
    """
    match = _SECTION_NUMBER.match(text)
    if match is None or nxt_indent <= indent or not nxt[:1].isupper() or _BULLET.match(nxt):
        return None
    rest = text[match.end() :]
    return rest if is_heading_text(rest) else None


def _unnumbered(heading: str) -> str:
    """A heading without its section number, when what follows the number is a heading.

    >>> _unnumbered("IV. Soil formation"), _unnumbered("2) Glaciers"), _unnumbered("Unit 2")
    ('Soil formation', 'Glaciers', 'Unit 2')
    """
    match = _SECTION_NUMBER.match(heading)
    rest = heading[match.end() :] if match else ""
    return rest if rest and is_heading_text(rest) else heading


def _headings(
    lines: Sequence[tuple[int, str]], indents: Mapping[int, int] | None = None
) -> list[bool]:
    """Mark heading lines: heading-like text that stands apart from running prose, or a
    numbered section heading (:func:`numbered_heading`)."""
    texts = [t for _, t in lines]
    marks = [False] * len(texts)
    # blank lines between lines of text (not the empty line after the file's last break)
    inner = texts[: len(texts) - next((k for k, t in enumerate(reversed(texts)) if t), 0)]
    blank_separated = sum(1 for t in inner if not t) >= 0.1 * max(1, len(inner))
    widths = sorted(len(t) for t in texts if t)
    full_width = widths[int(0.9 * (len(widths) - 1))] if widths else 0
    following = _next_filled(texts)
    next_line = _next_filled_line([n for n, _ in lines], texts)
    indent = (indents or {}).get
    for i, text in enumerate(texts):
        if in_label_run(texts, i):
            continue  # "Kiln - a furnace" / "Glaze - a coat": a list of terms, no headings
        if not is_heading_text(text) and (
            indents is None
            or numbered_heading(text, following[i], indent(lines[i][0], 0), indent(next_line[i], 0))
            is None
        ):
            continue
        prev = texts[i - 1] if i > 0 else ""
        nxt = following[i]
        if not nxt:
            continue
        if blank_separated:
            # In blank-separated text a heading follows a blank line or another heading.
            starts_block = i == 0 or not prev or marks[i - 1]
        else:
            # In wrapped text (PDF) it follows a finished sentence, a line that stops
            # short of the full width (a paragraph's or a formula's end), or a heading.
            starts_block = (
                i == 0
                or marks[i - 1]
                or bool(re.search(r"[.!?:]$", prev))
                or len(prev) < 0.7 * full_width
                or nxt.startswith("•")
            )
        marks[i] = starts_block
    if blank_separated:
        for i in glossary_terms(texts, marks):
            marks[i] = True
    return marks


#: Blocks a list of terms has at least (and terms head three quarters of its blocks:
#: :func:`~extraction.readers._base.dominant`).
GLOSSARY_BLOCKS = 4
#: Words a term of such a list typed in lower case has at most.
TERM_WORDS = 5


def glossary_terms(texts: Sequence[str], marks: Sequence[bool]) -> list[int]:
    """The lines that head a block of a list of terms typed one block each (a blank
    line, a short first line, its explanation under it), or ``[]`` when the text is no
    such list: most of its blocks open so, and some of their first lines are headings
    already. A first line typed in lower case, a few words with no end punctuation, is a
    term like the capitalised ones ("Kiln" / "a furnace ...", then "glaze" / "a glassy
    coat ...").

    >>> texts = ["Kiln", "a furnace for pottery", "", "glaze", "a glassy coat", "",
    ...          "Slip", "liquid clay", "", "wedging", "kneading the clay"]
    >>> glossary_terms(texts, [i in (0, 6) for i in range(len(texts))])
    [0, 3, 6, 9]
    >>> glossary_terms(texts[:5], [True, False, False, False, False])
    []
    """
    firsts = [
        i
        for i, text in enumerate(texts)
        if text and (i == 0 or not texts[i - 1]) and i + 1 < len(texts) and texts[i + 1]
    ]
    terms = [
        i
        for i in firsts
        if len(texts[i + 1]) > len(texts[i])
        and not _labels_under(texts, i)
        and (
            marks[i]
            or (
                len(_WORD.findall(texts[i])) <= TERM_WORDS
                and is_heading_text(texts[i][:1].upper() + texts[i][1:])
            )
        )
    ]
    if len(terms) < GLOSSARY_BLOCKS or not dominant(len(terms), len(firsts)):
        return alternating_terms(texts, marks)
    if sum(1 for i in terms if marks[i]) < 2:
        return []
    return terms


#: A line that opens with a label: a few words, then a colon or a spaced dash, then text.
_LABEL_LINE = re.compile(r"^[^\W\d_][^:.!?–—]{0,60}?(?::|\s[–—-])\s+\S")
#: Label lines under a first line that make its block a section of terms, not one term.
SECTION_LABELS = 2


#: A label explained in lower case: "Kiln - a furnace", "Slip: liquid clay".
_EXPLAINED_LABEL = re.compile(r"^[^\W\d_][^:.!?–—]{0,60}?(?::|\s[–—-])\s+[a-z]")


def in_label_run(texts: Sequence[str], i: int) -> bool:
    """Is line ``i`` one of two lines or more in a row, each a label explained in lower
    case ("Kiln - a furnace that fires clay" / "Slip: liquid clay")? Such lines list terms;
    none of them is a heading, however short.

    >>> texts = ["FIRING", "Kiln - a furnace", "Slip: liquid clay", "", "Unit 2 - glazes"]
    >>> [in_label_run(texts, i) for i in range(len(texts))]
    [False, True, True, False, False]
    """
    if not _EXPLAINED_LABEL.match(texts[i]):
        return False
    return any(
        0 <= j < len(texts) and bool(_EXPLAINED_LABEL.match(texts[j])) for j in (i - 1, i + 1)
    )


def _labels_under(texts: Sequence[str], first: int) -> bool:
    """Does the block under line ``first`` (to the next blank line) hold at least
    :data:`SECTION_LABELS` lines that open with a label ("Kiln - a furnace", "Glaze: a
    coat")? Then the first line heads a section of terms, not one term explained.

    >>> _labels_under(["FIRING", "Kiln - a furnace", "Glaze - a coat", ""], 0)
    True
    >>> _labels_under(["Kiln", "a furnace for pottery: it fires clay", ""], 0)
    False
    """
    labels, at = 0, first + 1
    while at < len(texts) and texts[at]:  # no copy of the rest: asked once per block
        labels += bool(_LABEL_LINE.match(texts[at]))
        at += 1
    return labels >= SECTION_LABELS


def alternating_terms(texts: Sequence[str], marks: Sequence[bool]) -> list[int]:
    """The heading lines of a list of terms typed with no blank line between them, each
    term over the one longer line that explains it ("Kiln" / "A furnace for pottery." /
    "Glaze" / "A glassy coat."), or ``[]`` when the text is no such list: at least
    :data:`GLOSSARY_BLOCKS` such pairs, and they hold three quarters of its
    lines but a title's.

    >>> texts = ["Pottery", "Kiln", "A furnace for pottery.", "Glaze", "A glassy coat.",
    ...          "Slip", "Clay thinned with water.", "Grog", "Ground fired clay."]
    >>> alternating_terms(texts, [t[-1] != "." for t in texts])
    [1, 3, 5, 7]
    >>> alternating_terms(texts[:5], [t[-1] != "." for t in texts[:5]])
    []
    """
    count = len(texts)
    pairs = [
        i
        for i in range(count - 1)
        if marks[i]
        and texts[i + 1]
        and not marks[i + 1]
        and len(texts[i + 1]) > len(texts[i])
        and (i + 2 == count or marks[i + 2] or not texts[i + 2])
    ]
    filled = sum(1 for t in texts if t)
    if len(pairs) < GLOSSARY_BLOCKS or not dominant(2 * len(pairs), filled - 1):
        return []
    return pairs


def _next_filled(texts: Sequence[str]) -> list[str]:
    """For each line, the first non-empty line after it (``""`` at the end), in one pass.

    >>> _next_filled(["a", "", "b", ""])
    ['b', 'b', '', '']
    """
    following = [""] * len(texts)
    for i in range(len(texts) - 2, -1, -1):
        following[i] = texts[i + 1] or following[i + 1]
    return following


def _next_filled_line(numbers: Sequence[int], texts: Sequence[str]) -> list[int]:
    """For each line, the file line number of the first non-empty line after it (0 at
    the end).

    >>> _next_filled_line([1, 2, 3, 4], ["a", "", "b", ""])
    [3, 3, 0, 0]
    """
    following = [0] * len(texts)
    for i in range(len(texts) - 2, -1, -1):
        following[i] = numbers[i + 1] if texts[i + 1] else following[i + 1]
    return following


def _join_wrapped_headings(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Join "Enzyme activity at different temperatures and substrate" / "levels"."""
    out: list[tuple[int, str]] = []
    for number, text in lines:
        if (
            out
            and text
            and text[0].islower()
            and len(_WORD.findall(text)) <= 3
            and not _END_PUNCT.search(text)
            and is_heading_text(out[-1][1])
            and is_heading_text(f"{out[-1][1]} {text}")
        ):
            out[-1] = (out[-1][0], f"{out[-1][1]} {text}")
            continue
        out.append((number, text))
    return out


def segment(
    lines: Sequence[tuple[int, str]],
    builder: CardBuilder,
    *,
    root: Sequence[str] = (),
    indents: Mapping[int, int] | None = None,
    full_width: int = 0,
) -> Iterator[Card]:
    """Split ``(line number, text)`` lines into cards at headings; each card's body is
    joined into logical lines (:func:`~extraction.readers.paragraphs.text_body`).

    Parameters
    ----------
    lines : sequence of (int, str)
        The text, one entry per line, already cleaned; blank lines as ``""``.
    builder : CardBuilder
        Numbers the cards.
    root : sequence of str
        Section path above everything in the text (a document title).
    indents : mapping of int to int, optional
        Indentation of each line, for nested lists.
    full_width : int
        Width of a full line when the text is wrapped (a PDF); 0 otherwise.
    """
    lines = _join_wrapped_headings(without_boilerplate(lines))
    marks = _headings(lines, indents)
    # a list of terms, one block each: its blocks are term cards, not sections
    terms = {lines[i][0] for i in glossary_terms([t for _, t in lines], marks)}
    lines = [  # a section's number is no part of its heading
        (n, _unnumbered(t) if mark else t) for (n, t), mark in zip(lines, marks, strict=True)
    ]
    path: list[tuple[int, str]] = []
    title, title_line = "", 0
    body: list[tuple[int, str]] = []

    def flush() -> Iterator[Card]:
        if title or any(t for _, t in body):
            yield builder.card(
                title=title,
                body=text_body(body, indents=indents, full_width=full_width),
                title_kind="term" if title and title_line in terms else "heading",
                title_line=title_line or (body[0][0] if body else 0),
                section=(*root, *(t for _, t in (path[:-1] if title else path))),
                section_lines=() if root else tuple(n for n, _ in (path[:-1] if title else path)),
            )

    i = 0
    while i < len(lines):
        if not marks[i]:
            number, text = lines[i]
            if title or text or body:
                body.append((number, text))
            i += 1
            continue
        run = []
        while i < len(lines) and (marks[i] or not lines[i][1]):
            if marks[i]:
                run.append(lines[i])
            i += 1
        yield from flush()
        keep = max(0, len(path) - len(run))
        path = path[:keep] + list(run)
        title, title_line = run[-1][1], run[-1][0]
        body = []
    yield from flush()


def _paragraph_cards(
    lines: Sequence[tuple[int, str]], builder: CardBuilder, indents: Mapping[int, int]
) -> Iterator[Card]:
    paragraph: list[tuple[int, str]] = []
    kept = set(without_boilerplate(lines))
    for number, text in [*lines, (0, "")]:
        if text and (number, text) in kept:
            paragraph.append((number, text))
        elif paragraph:
            yield builder.card(
                title="",
                body=text_body(paragraph, indents=indents),
                title_line=paragraph[0][0],
            )
            paragraph = []


def sniff(raw: RawNote) -> float:
    """Any readable text is plain text, at the lowest confidence."""
    return 0.1 if raw.is_text else 0.0


#: A first line naming a flashcard deck ("History 101 Flashcards"): the notes' title.
_DECK_TITLE = re.compile(r"\bflashcards$", re.IGNORECASE)


#: A line that is only a number.
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
#: Fewest numbered blocks whose numbers are card numbers.
MIN_NUMBERED_BLOCKS = 3


def blank_card_numbers(lines: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """``lines`` with the number that opens each block blanked, when the blocks (after a
    blank line) that open with a bare number are numbered 1, 2, 3 ... in order, at least
    :data:`MIN_NUMBERED_BLOCKS` of them: a copied flashcard page's card numbers
    ("1" / "Kiln" / "A furnace ..."), no text of the cards.

    >>> blank_card_numbers([(1, "1"), (2, "Kiln"), (3, ""), (4, "2"), (5, "Glaze"),
    ...                     (6, ""), (7, "3"), (8, "Slip")])
    [(1, ''), (2, 'Kiln'), (3, ''), (4, ''), (5, 'Glaze'), (6, ''), (7, ''), (8, 'Slip')]
    >>> blank_card_numbers([(1, "1"), (2, "Kiln"), (3, ""), (4, "7"), (5, "Glaze")])
    [(1, '1'), (2, 'Kiln'), (3, ''), (4, '7'), (5, 'Glaze')]
    """
    opening = [
        k
        for k, (_, text) in enumerate(lines)
        if _BARE_NUMBER.match(text)
        and (k == 0 or not lines[k - 1][1])
        and k + 1 < len(lines)
        and lines[k + 1][1]
    ]
    numbers = [int(lines[k][1]) for k in opening]
    if len(numbers) < MIN_NUMBERED_BLOCKS or numbers != list(range(1, len(numbers) + 1)):
        return list(lines)
    blanked = set(opening)
    return [(n, "" if k in blanked else t) for k, (n, t) in enumerate(lines)]


#: Fewest bullets that make a list of terms, each over one deeper bullet explaining it.
MIN_BULLET_TERMS = 4


def bullet_terms(lines: Sequence[tuple[int, str]], indents: Mapping[int, int]) -> list[int]:
    """The indices of ``lines`` (blank ones included) of the bullets that head a list of
    terms, each a short phrase ending no sentence over exactly one bullet indented
    deeper that explains it ("• Kiln" / "    ◦ A furnace ..."); ``[]`` unless there are
    at least :data:`MIN_BULLET_TERMS` and they and their explanations are three
    quarters of the lines of text.

    >>> text = ["Pottery", "• Kiln", "  ◦ A furnace.", "• Glaze", "  ◦ A glassy coat.",
    ...         "• Slip", "  ◦ Liquid clay.", "• Grog", "  ◦ Fired clay, ground."]
    >>> lines = list(enumerate(text, start=1))
    >>> indents = {n: len(t) - len(t.lstrip()) for n, t in lines}
    >>> bullet_terms([(n, t.strip()) for n, t in lines], indents)
    [1, 3, 5, 7]
    """
    filled = [k for k, (_, text) in enumerate(lines) if text]
    depth = {k: indents.get(lines[k][0], 0) for k in filled}
    pairs = []
    for j, k in enumerate(filled[:-1]):
        term, under = lines[k][1], lines[filled[j + 1]][1]
        after = filled[j + 2] if j + 2 < len(filled) else None
        head = _BULLET.match(term)
        if (
            head
            and _BULLET.match(under)
            and depth[filled[j + 1]] > depth[k]
            and (after is None or depth[after] <= depth[k])
            and is_heading_text(term[head.end() :].strip())
            and len(term[head.end() :].split()) <= TERM_WORDS + 1
        ):
            pairs.append(k)
    if len(pairs) < MIN_BULLET_TERMS or not dominant(2 * len(pairs), len(filled)):
        return []
    return pairs


def _bullet_term_cards(
    lines: Sequence[tuple[int, str]], pairs: Sequence[int], builder: CardBuilder
) -> Iterator[Card]:
    """Term cards of a list of bullets over their explanations (:func:`bullet_terms`):
    the lines before the first term are a card of their own, or its section when they
    are one short line; a line between the terms goes on the card above."""
    filled = [k for k, (_, text) in enumerate(lines) if text]
    before = [lines[k] for k in filled if k < pairs[0]]
    section: tuple[str, ...] = ()
    if len(before) == 1 and is_heading_text(before[0][1]):
        section = (before[0][1],)
    elif before:
        yield builder.card(title="", body=text_body(before), title_line=before[0][0])
    starts = set(pairs)
    bodies: dict[int, list[tuple[int, str]]] = {k: [] for k in pairs}
    current = None
    for k in filled:
        if k in starts:
            current = k
        elif current is not None:
            number, text = lines[k]
            bodies[current].append((number, _BULLET.sub("", text).strip()))
    for k in pairs:
        number, text = lines[k]
        yield builder.card(
            title=_BULLET.sub("", text).strip(),
            body=text_body(bodies[k]),
            title_line=number,
            title_kind="term",
            section=section,
        )


def read(raw: RawNote) -> Iterator[Card]:
    lines = blank_card_numbers(list(enumerate(raw.clean_lines, start=1)))
    indents = file_indents(raw.lines, range(1, len(raw.lines) + 1))
    root: tuple[str, ...] = ()
    first = next((i for i, (_, t) in enumerate(lines) if t), None)
    if first is not None and _DECK_TITLE.search(lines[first][1]) and len(lines[first][1]) < 90:
        root = (lines[first][1],)
        lines = lines[first + 1 :]
    if not root and (pairs := bullet_terms(lines, indents)):
        yield from _bullet_term_cards(lines, pairs, CardBuilder(raw, FORMAT))
    elif any(_headings(without_boilerplate(lines), indents)):
        yield from segment(lines, CardBuilder(raw, FORMAT), root=root, indents=indents)
    else:
        yield from _paragraph_cards(lines, CardBuilder(raw, "text"), indents)
