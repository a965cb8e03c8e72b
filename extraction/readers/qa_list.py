"""Question/answer lists typed one line at a time.

Labelled lists ("Q: ..." / "A: ...", "Question:" / "Answer:", "Q." / "A.", "Q -" / "A -",
numbered "1. Q: ...") are read by their labels, however the student spaces them: blank
lines between cards or between a question and its answer, answers of several lines or
bullets. The labels are not part of the question or the answer.

Lists with no markers at all: every question ("Define X", "What is Y?", "X vs. Y") or
term line starts a card; the lines under it, up to the next prompt, are its answer. See
:mod:`extraction.readers.prompts` for how a prompt is told from an answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from extraction.readers._base import CardBuilder, RawNote, dominant
from extraction.readers.boilerplate import without_boilerplate
from extraction.readers.outline import is_heading_text
from extraction.readers.paragraphs import file_indents, text_body, wrap_width
from extraction.readers.prompts import is_question, prompt_kind, segment_prompts
from extraction.records import Card

FORMAT = "qa-list"
EXTENSIONS = (".txt", ".text", "")

#: A question's label: "Q:", "Q.", "Q -", "Q1:", "Question:", after an optional card
#: number ("3. Q: ..."). A "." or dash must be followed by a space ("Q.E.D." is no label).
#: A term's label ("Term: osmosis", paired with "Definition: ...") opens a card as well.
QUESTION_LABEL = re.compile(
    r"^(?:\d{1,4}[.)]\s*)?(?:Q|(?i:question)|(?i:term)(?=\s*:))\s*\d{0,4}\s*"
    r"(?::\s*|[.)\-–—]\s+)"
)
#: An answer's label: "A:", "A.", "A -", "Ans:", "Answer:"; "Definition:" or "Def:"
#: after a term's label.
ANSWER_LABEL = re.compile(
    r"^(?:A|Ans|(?i:answer)|(?i:definition|def)(?=\s*:))\s*\d{0,4}\s*(?::\s*|[.)\-–—]\s+)"
)
#: The second choice of a multiple-choice question: "B. ...", "B) ...", "(b) ...". An
#: "A." line followed by one is the first choice, not the answer.
SECOND_CHOICE = re.compile(r"^\(?[Bb]\s*[.)]\s+\S")
#: Fewest labelled pairs that make a file a labelled Q/A list; :data:`MIN_SHORT_PAIRS`
#: are enough when the labelled lines are at least half of the file (a short deck).
MIN_PAIRS = 3
MIN_SHORT_PAIRS = 2


#: A term and its definition on one line, split by a spaced dash, an equals sign or a
#: colon: "Osmosis – the diffusion of water", "Turgor = water pressure in a cell"; or by
#: the separators flashcard apps export ("custom" Quizlet exports, old Anki text): a pipe
#: ("Osmosis | the diffusion ..."), or a comma or semicolon with no space after it
#: ("Osmosis,The diffusion ...", "Osmosis;The diffusion ..."), which prose never writes.
TERM_LINE = re.compile(
    r"^(?P<term>[^\W\d_][^=–—:|]{0,59}?)"
    r"(?:\s+(?P<sep>[-–—=])\s+|(?P<colon>:)\s+|\s*(?P<pipe>\|)\s*|(?P<tight>[;,])(?=[^\W\d_]))"
    r"(?P<rest>\S.*)$"
)


#: A term and its definition in a bracket that closes the line: "Loam (soil of sand,
#: silt and clay in about equal parts)"; the bracket holds a phrase of
#: :data:`BRACKET_WORDS` words or more, not a remark ("Loam (p. 4)").
BRACKET_LINE = re.compile(r"^(?P<term>[^\W\d_][^()=–—:|;,]{0,59}?)\s+\((?P<rest>[^()]+)\)\s*\.?$")
#: Fewest words of a bracket that defines the term before it.
BRACKET_WORDS = 4


def _bracket_split(text: str) -> tuple[str, str, str] | None:
    """(term, "(", definition) of a "Term (definition)" line (:data:`BRACKET_LINE`).

    >>> _bracket_split("Loam (soil of sand, silt and clay)")
    ('Loam', '(', 'soil of sand, silt and clay')
    >>> _bracket_split("Loam (p. 4)"), _bracket_split("We dug the loam (it was wet) today")
    (None, None)
    """
    m = BRACKET_LINE.match(text)
    if not m or len(m["term"].split()) > 6 or len(m["rest"].split()) < BRACKET_WORDS:
        return None
    return m["term"], "(", m["rest"].strip()


def _term_split(text: str) -> tuple[str, str, str] | None:
    """(term, separator, definition) of a term line whose term is a short phrase.

    >>> _term_split("Loam;Soil of sand, silt and clay"), _term_split("Loam | rich soil")
    (('Loam', ';', 'Soil of sand, silt and clay'), ('Loam', '|', 'rich soil'))
    >>> _term_split("In 1990,1,000 farms closed"), _term_split("Clay, silt and sand")
    (None, None)
    >>> _term_split("Loam | soil | 3")
    """
    m = TERM_LINE.match(text)
    if not m:
        return _bracket_split(text)
    if len(m["term"].split()) > 6 or m["term"].endswith((".", ",", ";", ":")):
        return None
    if m["pipe"] and "|" in m["rest"]:  # a row of a table of three or more columns
        return None
    return m["term"], m["sep"] or m["colon"] or m["pipe"] or m["tight"], m["rest"]


def term_separator(texts: list[str]) -> str | None:
    """The separator most term lines of ``texts`` use (the first of the most used, in
    order of appearance); None when no line is a term line.

    >>> term_separator(["Week 1 - Rocks", "Basalt: dark rock", "Granite: pale rock"])
    ':'
    """
    seps = [split[1] for t in texts if t and (split := _term_split(t))]
    return max(dict.fromkeys(seps), key=seps.count) if seps else None


def is_term_list(texts: list[str]) -> bool:
    """A list of "term – definition" lines, spaced in any way: at least four lines split
    by the same separator, and they are most of the text, leaving out the short lines
    that head a group of them and the list's first line (:func:`_grouping_lines`).

    >>> is_term_list(["Rocks", "Basalt: dark", "Granite: pale", "", "Minerals",
    ...               "Quartz: hard", "Talc: soft"])
    True
    """
    filled = [t for t in texts if t]
    seps = [split[1] for t in filled if (split := _term_split(t))]
    if len(seps) < 4:
        return False
    common = max(set(seps), key=seps.count)
    grouping = _grouping_lines(filled, common) + _headings_over_prose(texts, common)
    return dominant(seps.count(common), len(filled) - grouping)


def _headings_over_prose(texts: list[str], separator: str) -> int:
    """How many lines of ``texts`` are headings standing alone between blank lines over
    a paragraph that is no term line split by ``separator`` (a list of terms with a
    section of prose: "Tides" / "" / "Tides are ..."); with the paragraph under each.

    >>> _headings_over_prose(["Notes", "", "Tides", "", "Tides rise.", "", "Gyre: a loop"], ":")
    2
    """
    count = 0
    for k in range(1, len(texts) - 2):
        text, following = texts[k], texts[k + 2]
        if (
            text
            and not texts[k - 1]
            and not texts[k + 1]
            and following
            and not ((split := _term_split(following)) and split[1] == separator)
            and _heading_text(text, HEADING_WORDS)
            and is_heading_text(text)
        ):
            count += 2
    return count


def _grouping_lines(filled: list[str], separator: str) -> int:
    """How many of the lines ``filled`` (no blank ones) may head the term lines split by
    ``separator`` right under them, or name the list as its first line."""

    def term(text: str) -> bool:
        return (split := _term_split(text)) is not None and split[1] == separator

    heads = sum(
        1
        for text, following in pairwise(filled)
        if not term(text) and term(following) and _heading_text(text, HEADING_WORDS)
    )
    first = filled[0] if filled else ""
    named = not term(first) and bool(filled[1:]) and not term(filled[1])
    return heads + (named and _heading_text(first, TITLE_WORDS) is not None)


#: Most words of a line that heads a group of term lines ("Scales and keys") or names
#: the whole list ("Geology 101 - Rocks and minerals").
HEADING_WORDS = 6
TITLE_WORDS = 10
#: A list item's marker: such a line is an item of a definition, never a heading.
_ITEM_MARK = re.compile(r"^\s*(?:[-*•▪◦‣]|\d{1,3}[.)])\s")


def _heading_text(text: str, most_words: int) -> str | None:
    """``text`` as a heading: a short line that ends no sentence and is no list item
    (a colon closing it is dropped: "Minerals:")."""
    stripped = text.strip().removesuffix(":").rstrip()
    if (
        not stripped
        or _ITEM_MARK.match(text)
        or len(stripped.split()) > most_words
        or stripped.endswith((".", ",", ";", ":", "!", "?"))
    ):
        return None
    return stripped


def labelled_pairs(texts: list[str]) -> int:
    """How many question labels are answered by an answer label before the next
    question label: "Q: What is osmosis?" / "A: The diffusion of water ..."."""
    pairs, open_question = 0, False
    for text in texts:
        if QUESTION_LABEL.match(text):
            open_question = True
        elif open_question and ANSWER_LABEL.match(text):
            pairs, open_question = pairs + 1, False
    return pairs


def is_labelled(texts: list[str]) -> bool:
    """A file of labelled Q/A pairs: at least :data:`MIN_PAIRS` answered question labels
    (:data:`MIN_SHORT_PAIRS` when the labelled lines are half the file or more), most
    question labels answered, and the labelled lines a fair share of the text (so prose
    that quotes one or two "Q:" lines is not a Q/A list).

    >>> is_labelled(["Q: What is CO2?", "A: A gas.", "", "Q: What is O2?", "A: A gas."])
    True
    >>> is_labelled(["Q: What is CO2?", "A: A gas.", "Air mixes gases.", "It is thin.",
    ...              "Q: What is O2?", "A: A gas.", "Plants make it.", "Fish need it.",
    ...              "Fire burns it."])
    False
    """
    filled = [t for t in texts if t]
    questions = sum(1 for t in filled if QUESTION_LABEL.match(t))
    pairs = labelled_pairs(filled)
    least = MIN_SHORT_PAIRS if pairs * 2 * 2 >= len(filled) else MIN_PAIRS
    return pairs >= least and pairs * 3 >= questions * 2 and pairs * 2 * 5 >= len(filled)


#: Fewest paragraphs opening with a question that make blank-line paragraphs a Q/A list.
MIN_QUESTION_PARAGRAPHS = 3


def question_paragraphs(texts: list[str]) -> bool:
    """Are blank-line paragraphs a list of questions, each answered below it? At least
    :data:`MIN_QUESTION_PARAGRAPHS` paragraphs open with a question line, and they are
    at least half of the paragraphs that are no answer: a paragraph is an answer when
    it follows a paragraph of one question line ("What is a moraine?" / blank line /
    "A ridge of ...").

    >>> question_paragraphs(["What is a kiln?", "A furnace for pottery.", "",
    ...     "What is glaze?", "A glassy coat.", "", "Why fire twice?", "To harden it."])
    True
    >>> question_paragraphs(["Kilns fire pottery.", "", "Why fire twice?", "To harden it.",
    ...     "", "Glaze is a glassy coat.", "", "Clay shrinks as it dries."])
    False
    """
    paragraphs: list[list[str]] = [[]]
    for text in texts:
        if text.strip():
            paragraphs[-1].append(text.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    paragraphs = [p for p in paragraphs if p]
    asking = answers = 0
    for before, paragraph in zip([[], *paragraphs], paragraphs, strict=False):
        if is_question(paragraph[0]):
            asking += 1
        elif len(before) == 1 and is_question(before[0]):
            answers += 1
    return asking >= MIN_QUESTION_PARAGRAPHS and asking * 2 >= len(paragraphs) - answers


#: A card's number opening a line: "3. ", "12) ".
CARD_NUMBER = re.compile(r"^\s*\d{1,4}[.)]\s+")
#: Fewest numbered question lines that make the numbers card numbers.
MIN_NUMBERED_QUESTIONS = 3


def without_card_numbers(texts: list[str]) -> list[str]:
    """``texts`` with the number taken off each numbered question line ("3. What is a
    fault?"), when at least :data:`MIN_NUMBERED_QUESTIONS` lines are such questions and
    they are at least half of the numbered lines: the numbers count the cards, and the
    question is the card's prompt. Numbered lines that ask nothing (steps of an answer)
    keep their numbers; so does every line when few numbered lines ask.

    >>> without_card_numbers(["1. What is a fault?", "1) First step", "2. What is a fold?",
    ...     "3. Define an epicentre"])
    ['What is a fault?', '1) First step', 'What is a fold?', 'Define an epicentre']
    >>> without_card_numbers(["1. Mix the flour.", "2. What is left?", "3. Bake it."])
    ['1. Mix the flour.', '2. What is left?', '3. Bake it.']
    """
    numbered = [(i, m) for i, t in enumerate(texts) if (m := CARD_NUMBER.match(t))]
    asking = {i: m for i, m in numbered if is_question(texts[i][m.end() :])}
    if len(asking) < MIN_NUMBERED_QUESTIONS or len(asking) * 2 < len(numbered):
        return texts
    return [t[asking[i].end() :] if i in asking else t for i, t in enumerate(texts)]


#: Fewest cards of a flashcard export typed on one line, ";" between the cards.
MIN_LINE_CARDS = 4


def line_cards(text: str) -> list[str]:
    """The cards of one line of a flashcard export with ";" between the cards (Quizlet's
    "between rows" choice): at least :data:`MIN_LINE_CARDS` pieces, three in four of them
    a term and its definition split by a tab or by one and the same term-line separator.
    A tab becomes a pipe, the term-line separator it stands for; ``[text]`` otherwise.

    >>> line_cards("Kiln\\tA furnace;Glaze\\tA glassy coat;Slip\\tLiquid clay;Grog\\tFired clay")
    ['Kiln | A furnace', 'Glaze | A glassy coat', 'Slip | Liquid clay', 'Grog | Fired clay']
    >>> line_cards("Kilns fire pots; glazes coat them; slips join them; grog firms them")
    ['Kilns fire pots; glazes coat them; slips join them; grog firms them']
    """
    pieces = [piece.strip() for piece in text.split(";")]
    if len(pieces) < MIN_LINE_CARDS:
        return [text]
    pieces = [
        piece.replace("\t", " | ", 1) if "\t" in piece and "|" not in piece else piece
        for piece in pieces
    ]
    seps = [split[1] for piece in pieces if (split := _term_split(piece))]
    if not seps or not dominant(max(map(seps.count, set(seps))), len(pieces)):
        return [text]
    return [piece for piece in pieces if piece]


#: An answer's label inside a question's line, after the question mark: "Q: What is a
#: kiln? A: A furnace".
INLINE_ANSWER = re.compile(r"(?<=\?)\s+(?=(?:A|Ans|(?i:answer))\s*(?::\s*|[.)\-–—]\s+)\S)")


def split_answer(text: str) -> list[str]:
    """A labelled question's line as the question and its answer when both are typed on
    it ("Q: What is a kiln? A: A furnace"); ``[text]`` otherwise.

    >>> split_answer("Q: What is a kiln? A: A furnace."), split_answer("Q: What is A?")
    (['Q: What is a kiln?', 'A: A furnace.'], ['Q: What is A?'])
    """
    if not QUESTION_LABEL.match(text) or not (m := INLINE_ANSWER.search(text)):
        return [text]
    return [text[: m.start()], text[m.end() :]]


def numbered_lines(raw: RawNote) -> list[tuple[int, str]]:
    """The file's clean lines with their numbers, a line of cards typed together split
    into its cards (:func:`line_cards`, each citing the line), a question and the answer
    typed on its line split (:func:`split_answer`) and card numbers taken off numbered
    questions (:func:`without_card_numbers`)."""
    lines = [
        (n, part)
        for n, text in enumerate(raw.clean_lines, start=1)
        for piece in line_cards(text)
        for part in split_answer(piece)
    ]
    texts = without_card_numbers([t for _, t in lines])
    return [(n, text) for (n, _), text in zip(lines, texts, strict=True)]


def sniff(raw: RawNote) -> float:
    """A list of labelled Q/A pairs, spaced in any way; or a list of questions with no
    labels: many prompt lines and hardly any blank-line paragraphs, or blank-line
    paragraphs that open with a question (:func:`question_paragraphs`)."""
    if not raw.is_text:
        return 0.0
    texts = [t for _, t in numbered_lines(raw)]
    filled = [t for t in texts if t]
    if len(filled) < 4:
        return 0.0
    if is_labelled([t.strip() for t in texts]) or is_term_list([t.strip() for t in texts]):
        return 0.8
    questions = sum(1 for t in filled if is_question(t))
    blank_ratio = (len(texts) - len(filled)) / len(texts)
    if questions >= 3 and questions >= 0.04 * len(filled) and blank_ratio < 0.2:
        return 0.6
    if question_paragraphs(texts):
        return 0.6
    return 0.0


def read(raw: RawNote) -> Iterator[Card]:
    numbered = numbered_lines(raw)
    texts = [t.strip() for _, t in numbered]
    lines = [(n, t) for n, t in without_boilerplate(numbered) if t]
    indents = file_indents(raw.lines, [n for n, _ in lines])
    width = wrap_width(raw.clean_lines)
    if is_labelled(texts):
        yield from _read_labelled(lines, CardBuilder(raw, FORMAT), indents, width)
    elif is_term_list(texts):
        yield from _read_term_lines(lines, CardBuilder(raw, FORMAT), indents, width)
    else:
        yield from segment_prompts(
            lines, CardBuilder(raw, FORMAT), indents=indents, full_width=width
        )


def _read_labelled(
    lines: list[tuple[int, str]], builder: CardBuilder, indents: dict[int, int], width: int = 0
) -> Iterator[Card]:
    """Cards from labelled lines: a question label starts a card; the lines up to its
    answer label continue the question; the answer runs to the next question label.
    Lines before the first question are a card with no title. A multiple-choice
    question's choices ("A. ...", "B. ...") stay in the question: an "A." line followed by
    a "B." line is the first choice, not the answer."""
    title: list[str] = []
    title_line = 0
    body: list[tuple[int, str]] = []
    answering = False

    def flush() -> Iterator[Card]:
        text = " ".join(title)
        if text or body:
            yield builder.card(
                title=text,
                body=text_body(body, indents=indents, full_width=width, typed=True),
                title_line=title_line,
                title_kind=prompt_kind(text),
            )

    for index, (number, text) in enumerate(lines):
        stripped = text.strip()
        if question := QUESTION_LABEL.match(stripped):
            yield from flush()
            title, title_line, body, answering = [stripped[question.end() :]], number, [], False
        elif (
            title
            and not answering
            and (answer := ANSWER_LABEL.match(stripped))
            and not first_choice(stripped, answer, lines[index + 1 : index + 2])
        ):
            answering = True
            if rest := stripped[answer.end() :]:
                body.append((number, rest))
        elif title and not answering:
            title.append(stripped)
        else:
            body.append((number, text))
    yield from flush()


def first_choice(text: str, label: re.Match[str], following: list[tuple[int, str]]) -> bool:
    """An "A." or "A)" line whose next line is the second choice "B. ..." of a
    multiple-choice question (an "A:" label is always the answer)."""
    return (
        ":" not in label.group()
        and bool(following)
        and bool(SECOND_CHOICE.match(following[0][1].strip()))
    )


def _read_term_lines(
    lines: list[tuple[int, str]], builder: CardBuilder, indents: dict[int, int], width: int = 0
) -> Iterator[Card]:
    """Cards from "term – definition" lines: each line split by the list's separator
    (:func:`term_separator`) is a card, its definition the body; the lines under it (a
    wrapped definition, bullets) continue the body. A line split by another separator
    is no term of the list ("Geology 101 - Rocks" over "Basalt: ..." lines).

    A short line after a blank line, right over a term line, heads the terms under it
    ("Scales and keys" / "Major scale: ..."): their cards' section, not a definition's
    last line; the file's first line, set apart by a blank line and not a term line,
    names the whole list (the section over every heading). A heading that stands alone
    between blank lines (:func:`extraction.readers.outline.is_heading_text`) over a
    paragraph of prose is a card of its own ("Tides" / blank / "Tides are ..."), the
    section of the term lines after it; over term lines it is their section alone."""
    separator = term_separator([t.strip() for _, t in lines])

    def term(text: str) -> tuple[str, str, str] | None:
        split = _term_split(text.strip())
        return split if split and split[1] == separator else None

    root: list[tuple[int, str]] = []
    heading: list[tuple[int, str]] = []
    section: list[tuple[int, str]] = []
    title, title_line, kind = "", 0, ""
    body: list[tuple[int, str]] = []

    def flush() -> Iterator[Card]:
        if title or body:
            yield builder.card(
                title=title,
                body=text_body(body, indents=indents, full_width=width, typed=True),
                title_line=title_line,
                title_kind=kind or prompt_kind(title),
                section=[t for _, t in section],
                section_lines=[n for n, _ in section],
            )

    for k, (number, text) in enumerate(lines):
        after_gap = k == 0 or number > lines[k - 1][0] + 1
        following = lines[k + 1] if k + 1 < len(lines) else None
        gap_after = following is None or following[0] > number + 1
        if split := term(text):
            yield from flush()
            section = [*root, *heading]
            title, title_line, body, kind = split[0], number, [(number, split[2])], ""
        elif (
            k == 0
            and gap_after
            and following is not None
            and (name := _heading_text(text, TITLE_WORDS))
        ):
            root = [(number, name)]
        elif (
            after_gap
            and following is not None
            and following[0] == number + 1
            and term(following[1])
            and (name := _heading_text(text, HEADING_WORDS))
        ):
            yield from flush()
            title, body, heading = "", [], [(number, name)]
        elif (
            after_gap
            and gap_after
            and following is not None
            and is_heading_text(text.strip(), max_words=HEADING_WORDS)
        ):
            yield from flush()
            heading, section = [(number, text.strip())], [*root]
            if term(following[1]):  # a heading over the term lines, set apart
                title, body, kind = "", [], ""
            else:  # a heading over its paragraph: a card of its own
                title, title_line, body, kind = text.strip(), number, [], "heading"
        else:
            body.append((number, text))
    yield from flush()
