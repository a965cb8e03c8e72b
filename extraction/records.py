"""Small typed records passed between the layers.

The field names follow ``design.md`` (Card, Evidence, Concept, Relation); extra fields
carry provenance that later stages need (the source line of every body line).
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
        Detected format of that file (``"knowt"``, ``"markdown"``, ...).
    lines : tuple[int, int]
        First and last line (1-based) of the card in the file. For formats without
        lines (``.apkg``, CrowdAnki, DOCX) these count notes or paragraphs instead.
    title : str
        The question, term or heading; may be empty.
    body : str
        The answer, definition or section text, boilerplate removed.
    section : tuple[str, ...]
        Enclosing headings or deck names, outermost first.
    title_line : int
        Line of the title (``lines[0]`` when there is no title).
    body_lines : tuple[int, ...]
        The file line of each line of ``body`` (``len(body.splitlines())`` entries),
        so that a sentence found in the body can cite its line.
    section_lines : tuple[int, ...]
        The line of each heading in ``section``, where the format has them.
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

    def line_of(self, offset: int) -> int:
        """File line of the character at ``offset`` in :attr:`body`."""
        if not self.body_lines:
            return self.lines[0]
        index = self.body.count("\n", 0, max(0, offset))
        return self.body_lines[min(index, len(self.body_lines) - 1)]


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
    """A typed, directed edge between two concepts, explained by evidence."""

    source: str
    target: str
    relation: str
    confidence: float
    evidence: list[Evidence] = field(default_factory=list)
    label: str = ""


@dataclass(slots=True)
class SourceInfo:
    """What was read from one file: the ``graph.sources`` entry of concept-graph/1."""

    path: str
    sha256: str = ""
    format: str = ""
    cards: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ReadResult:
    """The cards of one file and its source entry. Bad input leaves ``cards`` empty and
    says why in ``source.errors``; it never raises."""

    source: SourceInfo
    cards: list[Card] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.source.errors
