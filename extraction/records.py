"""Small typed records passed between the layers.

The field names follow ``design.md`` (Card, Evidence, Concept, Relation); extra fields
carry provenance that later stages need (the source line of every body line).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

#: What a card's title is, as its reader saw it: later stages read this, never the
#: name of a format. ``question`` ("What is X?", "Explain X"), ``term`` (the front of a
#: term/definition card, a glossary term, a "Term:" line), ``heading`` (a section
#: heading over prose), ``cloze`` (a sentence with a gap or "X stands for"), ``summary``
#: (a card without a title holding the deck's own description of what it covers, as an
#: export carries it apart from the cards), ``none``.
TITLE_KINDS = ("question", "term", "heading", "cloze", "summary", "none")

#: Styles of emphasis a reader keeps: the author's bold, italics and underline, the
#: text of a link that leads out of the notes (``link``: a web page, another file), and
#: inline code that is no name (``code``: a statement or expression the student sees,
#: ``x.equals(y)``, which no stage should read as prose), and the text of an Anki cloze
#: deletion (``cloze``: what the card hides and asks for, ``{{c1::median}}``).
EMPHASIS_STYLES = ("bold", "italic", "underline", "link", "code", "cloze")
#: The styles that single a run out as what the notes stress; a link's text names where
#: to read more (a course, a tool, an article), which is no such stress.
STRESS_STYLES = ("bold", "italic", "underline")

#: A word of a passage taken from a card's body. Between two words of the passage the
#: body may have spaces, punctuation, markup and the numbers of a list typed in one line
#: ("1. a 2. b"): words that are all digits (:meth:`Card.line_of_text`).
_WORD = re.compile(r"[^\W_]+")
#: Most first words of a passage :meth:`Card.line_of_text` looks for (then fewer, down
#: to one, when the notes have them no more in that order).
CITED_WORDS = 8

#: The prerequisite features (:attr:`Relation.features`) that state an order outright (a
#: typed relation, a name inside a name, a part and its whole): the only ones that make a
#: concept the notes never explain a prerequisite, and the only ones a learning path
#: follows from a step the notes neither define nor single out. Here, beside the record,
#: so that reading paths from a saved graph does not load the extraction stack.
ORDER_STATEMENTS = frozenset(
    {"stated", "general", "used", "problem", "cause", "task", "part", "block", "name_inside"}
)

#: What separates the names a heading lists when it is nothing but a list of them
#: ("Mitosis, meiosis and fertilisation"): the prerequisite stage's ``heading_order``
#: and a learning path's ``listed`` link split headings alike (here, so that reading
#: paths does not load spaCy).
HEADING_LIST = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+")


@dataclass(frozen=True, slots=True)
class Emphasis:
    """An emphasised run of a card's title or body (``**bold**``, ``<i>``, a bold run).

    ``start``/``end`` are character offsets in ``Card.title`` (``part == "title"``) or
    ``Card.body`` (``part == "body"``), end exclusive.
    """

    part: str
    start: int
    end: int
    style: str


@dataclass(frozen=True, slots=True)
class ListItem:
    """One item of a list in a card's body.

    ``start``/``end`` are offsets of the item's text (marker removed) in ``Card.body``;
    ``depth`` is 0 for a top-level item. ``parent`` is the offset in ``Card.body`` of
    the line the item belongs to: the enclosing item, or the paragraph that introduces
    the list ("... which includes:"); -1 when none.
    """

    start: int
    end: int
    depth: int = 0
    parent: int = -1


@dataclass(frozen=True, slots=True)
class Table:
    """A table in a card: its header cells and rows of cells (plain text), and the file
    line of each row."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_lines: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Card:
    """One unit of notes: a flashcard, a question and its answer, or a section of prose.

    Attributes
    ----------
    id : str
        ``"<source>#<n>"``, unique within a build.
    source : str
        File name the card was read from.
    format : str
        Detected format of that file (``"knowt"``, ``"markdown"``, ...). For display
        and provenance only: no later stage branches on it (see ``title_kind``).
    lines : tuple[int, int]
        First and last line (1-based) of the card in the file. For formats without
        lines (``.apkg``, CrowdAnki, DOCX) these count notes or paragraphs instead.
    title : str
        The question, term or heading; may be empty.
    body : str
        The answer, definition or section text, boilerplate removed. One logical unit
        per line: a paragraph or a list item whose hard-wrapped lines the reader has
        joined (markers removed).
    section : tuple[str, ...]
        Enclosing headings or deck names, outermost first.
    title_line : int
        Line of the title (``lines[0]`` when there is no title).
    body_lines : tuple[int, ...]
        The file line where each line of ``body`` starts (``len(body.splitlines())``
        entries), so that a sentence found in the body can cite its line.
    section_lines : tuple[int, ...]
        The line of each heading in ``section``, where the format has them.
    title_kind : str
        One of :data:`TITLE_KINDS`.
    emphasis : tuple[Emphasis, ...]
        Bold, italic and underlined runs of the title and body.
    items : tuple[ListItem, ...]
        The list items of the body, in order.
    tables : tuple[Table, ...]
        Tables of the card (their text is not in ``body``).
    line_starts : tuple[tuple[int, int], ...]
        ``(offset in body, file line)`` for every file line that a joined body line
        spans, sorted by offset: finer than ``body_lines`` inside joined paragraphs.
        Empty when each body line is one file line.
    """

    id: str
    source: str
    format: str
    lines: tuple[int, int]
    title: str
    body: str
    section: tuple[str, ...] = ()
    title_line: int = 0
    body_lines: tuple[int, ...] = ()
    section_lines: tuple[int, ...] = ()
    title_kind: str = "none"
    emphasis: tuple[Emphasis, ...] = ()
    items: tuple[ListItem, ...] = ()
    tables: tuple[Table, ...] = ()
    line_starts: tuple[tuple[int, int], ...] = ()

    def in_title(self, line: int, text: str) -> bool:
        """Does a sentence read at file ``line`` as ``text`` stand in :attr:`title`? Where
        the title and the answer share a line (a row of a CSV or TSV deck, a note of an
        Anki package), the line alone does not tell them apart: the text does.

        >>> row = Card("d#3", "deck.csv", "csv", (3, 3), "What is a kiln?",
        ...            "An oven that fires clay.", title_line=3, body_lines=(3,))
        >>> row.in_title(3, "What is a kiln?"), row.in_title(3, "An oven that fires clay.")
        (True, False)
        """
        return line == self.title_line and (
            self.title_line not in self.body_lines or text.strip() in self.title
        )

    def line_of(self, offset: int) -> int:
        """File line of the character at ``offset`` in :attr:`body`."""
        if self.line_starts:
            at = bisect.bisect_right(self.line_starts, (max(0, offset), 1 << 62)) - 1
            return self.line_starts[max(0, at)][1]
        if not self.body_lines:
            return self.lines[0]
        index = self.body.count("\n", 0, max(0, offset))
        return self.body_lines[min(index, len(self.body_lines) - 1)]

    def line_of_text(self, text: str, near: int = 0) -> int:
        """File line where ``text``, a passage taken from :attr:`body` and perhaps
        reshaped (bullets and labels dropped, lines joined by "; "), starts: where its
        first words stand in the body (of several places, the first on line ``near`` or
        after it, else the last before it); when they stand nowhere, ``near`` or else the
        body's first line.

        >>> card = Card("c", "a.txt", "text", (6, 8), "What is a pulsar?",
        ...             "Pulsar\\na rotating neutron star", body_lines=(7, 8))
        >>> card.line_of_text("a rotating neutron star"), card.line_of(0)
        (8, 7)
        """
        words = [w.lower() for w in _WORD.findall(text)]
        body = _body_words(self.body)
        for n in range(min(len(words), CITED_WORDS), 0, -1):
            lines = [self.line_of(body[k][1]) for k in _word_runs(body, tuple(words[:n]))]
            if lines:
                return next((line for line in lines if line >= near), lines[-1])
        return near or self.line_of(0)

    def emphasised(self, part: str = "body", styles: Sequence[str] = STRESS_STYLES) -> list[str]:
        """The runs of ``part`` ("title" or "body") in one of ``styles`` (by default
        those the author stressed, not links), as text."""
        text = self.title if part == "title" else self.body
        return [
            text[e.start : e.end] for e in self.emphasis if e.part == part and e.style in styles
        ]


@lru_cache(maxsize=256)
def _body_words(body: str) -> tuple[tuple[str, int, bool], ...]:
    """Each word of ``body``: lower-cased, its offset, whether it is all digits."""
    return tuple(
        (m.group().lower(), m.start(), m.group().isdecimal()) for m in _WORD.finditer(body)
    )


def _word_runs(body: Sequence[tuple[str, int, bool]], words: tuple[str, ...]) -> list[int]:
    """Where in ``body`` (:func:`_body_words`) the lower-cased ``words`` stand in their
    order, words of digits only allowed between two of them (the numbers of a list typed
    in one line): the index of each run's first word, runs read left to right without
    overlapping, each as long as it can be (more numbers skipped first).

    >>> body = _body_words("Steps: 1. Mix flour 2. knead the dough. Mix flour again")
    >>> [body[k][1] for k in _word_runs(body, ("mix", "flour", "knead"))]
    [10]
    >>> [body[k][1] for k in _word_runs(body, ("mix", "flour"))]
    [10, 40]
    """

    def end_of(at: int, i: int) -> int | None:  # the last word of a run from ``at``
        if i == len(words):
            return at
        ahead = at + 1
        while ahead < len(body) and body[ahead][2]:
            ahead += 1  # the farthest word the numbers after ``at`` let through
        for nxt in range(min(ahead, len(body) - 1), at, -1):
            if body[nxt][0] == words[i] and (end := end_of(nxt, i + 1)) is not None:
                return end
        return None

    found, k = [], 0
    while k < len(body):
        if body[k][0] == words[0] and (end := end_of(k, 1)) is not None:
            found.append(k)
            k = end + 1
        else:
            k += 1
    return found


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence of the notes, verbatim, and where it stands."""

    source: str
    line: int
    text: str


@dataclass(slots=True)
class Concept:
    """A canonical concept with its aliases and definition."""

    id: str
    label: str
    aliases: list[str] = field(default_factory=list)
    definition: str = ""
    definition_evidence: Evidence | None = None
    mentions: int = 0
    importance: float = 0.0
    topic: str = ""
    first_seen: tuple[str, int] | None = None
    cards: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Relation:
    """A typed, directed edge between two concepts, explained by evidence.

    ``features`` holds, for an edge a fitted model scored (``prerequisite_of``), each
    named feature's contribution to its log-odds, strongest first.
    """

    source: str
    target: str
    relation: str
    confidence: float
    evidence: list[Evidence] = field(default_factory=list)
    label: str = ""
    features: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class SourceInfo:
    """What was read from one file: the ``graph.sources`` entry of concept-graph/1.

    ``errors`` says why the file was not read (its cards are empty); ``warnings`` says
    what was skipped or replaced in a file that was read (a note, a field, a page, a
    name that is not valid UTF-8), one message each, naming the part and the reason.
    """

    path: str
    sha256: str = ""
    format: str = ""
    cards: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ReadResult:
    """The cards of one file and its source entry. Bad input leaves ``cards`` empty and
    says why in ``source.errors``; it never raises."""

    source: SourceInfo
    cards: list[Card] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.source.errors
