"""Which lines of an unmarked flashcard list are prompts (questions, terms) and which are
answers. The patterns are data; :func:`segment_prompts` turns lines into cards.

Exports that lose their separators (a Quizlet set copied as text, a long list of
questions typed one per line) leave only the wording to tell a prompt from an answer:

* a **question**: ends with ``?``, starts with an interrogative or a study verb
  ("Define", "Explain", "Name ..."), or a contrast ("X vs. Y", "Difference between");
* a **cloze stem**: a sentence cut off before its answer ("ATP stands for",
  "Litmus paper is tricky to use in", "... version of ___ enzyme");
* a **term**: a short capitalised noun phrase followed by its explanation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from extraction.readers._base import CardBuilder
from extraction.records import Card

#: A line ending in a question mark, perhaps followed by "(ABBR)". (One ``\s*`` per gap:
#: two in a row backtrack quadratically over a long run of spaces.)
QUESTION_END = r"\?\s*(?:\([^()]{1,40}\)\s*)?$"

#: Interrogatives that open a question even without "?".
WH_START = r"(?:what|how|why|when|where|which|who|whom|whose)\b"

#: Study verbs that open a prompt: "Define X", "Name some ...".
STUDY_VERBS = (
    "define",
    "explain",
    "describe",
    "name",
    "list",
    "give",
    "compare",
    "contrast",
    "state",
    "outline",
    "summari[sz]e",
    "discuss",
    "reflect",
    "relate",
    "distinguish",
    "illustrate",
    "elaborate",
    "characteri[sz]e",
)

#: Noun phrases that announce a question about what follows.
PROMPT_HEADS = (
    r"differences? between",
    r"(?:examples?|advantages?|disadvantages?|benefits?|drawbacks?|applications?)"
    r" (?:of|for)",
    r"(?:types?|kinds?|variants?|properties|components?|parts?|tasks?|limits?|limitations?)"
    r" of",
    r"pros? (?:and|&) cons?",
    r"pro[’']s (?:and|&) con[’']s",
    r"strengths? (?:and|&) (?:limitations?|weaknesses?)",
    r"step[- ]by[- ]step",
    r"true or false\b",
)

#: A contrast between two named things: "Mitosis vs. Meiosis".
VERSUS = r"\S\s+vs\.?\s+(?-i:[A-Z0-9])"

#: Discourse labels that head a part of an answer, never a card of their own.
STRUCTURAL_LABELS = (
    r"pros?",
    r"cons?",
    r"(?:dis)?advantages?",
    r"benefits?",
    r"drawbacks?",
    r"limitations?",
    r"examples?",
    r"goals?",
    r"ideas?",
    r"notes?",
    r"summary",
    r"objectives?",
    r"approach",
    r"results?",
    r"both",
    r"steps?",
)

#: Words that leave a sentence hanging: the answer completes it.
CLOZE_END = (
    r"___+.*",
    r"\b(?:stands for|is used for|are used for|used for|is called|are called|known as)",
    # in lower case: a name in capitals ends with such a word ("GROUP BY", "LOG IN")
    r"\b(?-i:is|are|was|were|by|in|for|of|to|with|as|into|than)",
)

#: A question typed in lower case without its "?" ("what does ATP stand for", "how do
#: vaccines work"): "what", "how" or "why" and an auxiliary, which no relative clause
#: carried over from a line before opens ("which are then ...", "where it ...").
LOWER_WH_START = (
    r"(?-i:what|how|why)\s+(?-i:is|are|was|were|does|do|did|can|could|should|would|will)\b"
)

QUESTION_RE = re.compile(
    rf"(?:{QUESTION_END})"
    rf"|^(?=(?-i:[A-Z]))(?:{WH_START})"
    rf"|^{LOWER_WH_START}"
    rf"|^(?=(?-i:[A-Z]))(?:{'|'.join(STUDY_VERBS)})\b(?!\s*[:=])"
    rf"|^(?=(?-i:[A-Z]))(?:{'|'.join(PROMPT_HEADS)})"
    rf"|{VERSUS}"
    rf"|(?:^|[.!]\s+)(?:{'|'.join(STUDY_VERBS)}) (?:them|it|these|those)\W*$",
    re.IGNORECASE,
)
CLOZE_RE = re.compile(rf"(?:{'|'.join(CLOZE_END)})\s*$", re.IGNORECASE)
LABEL_RE = re.compile(rf"^(?:{'|'.join(STRUCTURAL_LABELS)})\W*$", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[-•*+–—>]|\d+[.)]|\(?[+-]\))")
_ANSWER_SHAPE = re.compile(rf"{_BULLET.pattern}|[.;,]$")
_SUBLABEL = re.compile(r"^[^.!?]{1,60}:$")
_PARENTHETICAL = re.compile(r"\([^()]*\)")
_CONTINUATION = re.compile(r"^(?:or|and|but|nor)\s")  # the second half of a wrapped question
_QUESTION_MARKER = re.compile(r"^(?:Q|Question)\s*[:.]\s*")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def is_question(text: str) -> bool:
    """A line that asks: "What is X?", "Define X", "X vs. Y", "Name them".

    >>> is_question("Define osmosis"), is_question("Mitosis vs. Meiosis")
    (True, True)
    >>> is_question("noisy labels")
    False
    >>> is_question("what does RNA stand for"), is_question("which are then joined")
    (True, False)
    """
    text = text.strip()
    if not text or _SUBLABEL.match(text) or _BULLET.match(text) or _CONTINUATION.match(text):
        return False
    return bool(re.search(QUESTION_END, text)) or (
        not _ANSWER_SHAPE.search(text) and bool(QUESTION_RE.search(text))
    )


def is_cloze(text: str) -> bool:
    """A sentence cut off where its answer goes: "ATP stands for".

    >>> is_cloze("ATP stands for"), is_cloze("Litmus paper is tricky to use in")
    (True, True)
    >>> is_cloze("Stabilising soil"), is_cloze("ORDER BY")
    (False, False)
    """
    text = text.strip()
    if not text or _ANSWER_SHAPE.search(text) or not text[0].isupper():
        return False
    return len(_WORD.findall(text)) >= 2 and bool(CLOZE_RE.search(text))


def is_term(text: str) -> bool:
    """A short capitalised noun phrase that may head its own explanation.

    >>> is_term("Continental Drift"), is_term("Photosynthesis"), is_term("Labelled data")
    (True, True, False)
    """
    text = text.strip()
    if not text or not text[0].isupper() or re.search(r"[.,;:!?=\\]$|[=\\]", text):
        return False
    if _ANSWER_SHAPE.search(text) or LABEL_RE.match(text):
        return False
    core = _PARENTHETICAL.sub("", text)
    words = _WORD.findall(core)
    if not 1 <= len(words) <= 6 or len(core) > 60:
        return False
    long_words = [w for w in words if len(w) >= 4] or words
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised * 2 > len(long_words)


def is_prompt(text: str) -> bool:
    """A question or a cloze stem: always starts a card."""
    return is_question(text) or is_cloze(text)


def prompt_kind(title: str) -> str:
    """The :data:`~extraction.records.TITLE_KINDS` entry of a flashcard's front:
    "question", "cloze" (a gap, a cut-off stem, ``{{c1::...}}``), "term" or "none".

    A front is a prompt already: one that asks in words closed by a full stop or a colon
    ("Explain how levees form.", "Give the two kinds of erosion:") asks all the same.

    >>> prompt_kind("What is osmosis?"), prompt_kind("ATP stands for"), prompt_kind("Erosion")
    ('question', 'cloze', 'term')
    >>> prompt_kind("Compare levees and dikes."), prompt_kind("Levees.")
    ('question', 'term')
    """
    title = title.strip()
    if not title:
        return "none"
    if is_question(title) or is_question(_CLOSING_STOP.sub("", title)):
        return "question"
    if is_cloze(title) or "___" in title or _CLOZE_MARK.search(title):
        return "cloze"
    return "term"


_CLOZE_MARK = re.compile(r"\{\{c\d{1,4}::")


def has_cloze(text: str) -> bool:
    """Whether a note field holds an Anki cloze deletion (``{{c1::...}}``), which a
    reader's markup removal takes away before the title is read.

    >>> has_cloze("The {{c1::delta}} is where a river meets the sea"), has_cloze("Delta")
    (True, False)
    """
    return bool(_CLOZE_MARK.search(text))


#: The full stop or colon that closes a flashcard's front ("Explain X.", "Give Y:").
_CLOSING_STOP = re.compile(r"\s*[.:]$")
_SHORT_PHRASE = re.compile(r"^[A-Z][^.!?:;,]{0,40}$")


def _opens_group(lines: Sequence[tuple[int, str]], i: int) -> bool:
    """A term heading a group of its own inside a term list: "Preservation" /
    "Dry salting" / "Simplest way to keep vegetables through the winter" -- the
    term is followed by a short capitalised phrase (the group's first term), and that
    by a sentence-long explanation (six words or more)."""
    if i + 2 >= len(lines):
        return False
    sub, explanation = lines[i + 1][1], lines[i + 2][1]
    return (
        bool(_SHORT_PHRASE.match(sub))
        and len(_WORD.findall(sub)) <= 4
        and not is_prompt(sub)
        and not is_term(explanation)
        and not is_prompt(explanation)
        and len(_WORD.findall(explanation)) >= 6
    )


_WHAT_IS = re.compile(r"what (?:is|are)\b", re.IGNORECASE)
_WHAT_NOUN = re.compile(
    r"what (?!is|are|was|were|does|do|did|can|could|should|would|will|has|have)\w+",
    re.IGNORECASE,
)


def _answers(question: str, line: str) -> bool:
    """ "What is Precision?" answered by "What proportion of ... was correct?"."""
    return bool(_WHAT_IS.match(question) and _WHAT_NOUN.match(line))


def segment_prompts(
    lines: Sequence[tuple[int, str]],
    builder: CardBuilder,
    *,
    section: Sequence[str] = (),
    indents: Mapping[int, int] | None = None,
    full_width: int | None = None,
) -> Iterator[Card]:
    """Cards from unmarked prompt/answer lines.

    A prompt starts a card; the lines after it are its answer. A term line starts a
    card too when an explanation follows it, unless it opens or continues a list of
    terms inside the current answer ("Igneous Rock" / "Cooled magma" /
    "Sedimentary Rock" / ...). Inside such a list, a term followed by a group of
    its own (a term and its explanation) ends the answer: "Preservation" /
    "Dry salting" / "Simplest way to ..." is a new card. A question right after a
    definitional question with no answer yet is that answer ("What is Porosity?" /
    "What fraction ...?"). Answers are joined into logical lines
    (:func:`~extraction.readers.paragraphs.text_body`); ``indents`` gives the
    indentation of each file line for nested lists, and ``full_width`` the width the
    file was wrapped to (:func:`~extraction.readers.paragraphs.wrap_width`; 0: typed a
    line at a time; ``None``: not measured, every lower-case line goes on the one above).
    """
    from extraction.readers.paragraphs import text_body

    lines = [(n, t.strip()) for n, t in lines if t.strip()]
    title, title_line = "", 0
    body: list[tuple[int, str]] = []
    answer_is_term_list = False

    def flush() -> Iterator[Card]:
        if title or body:
            yield builder.card(
                title=title,
                body=text_body(
                    body,
                    indents=indents,
                    full_width=full_width or 0,
                    typed=full_width is not None,
                ),
                title_line=title_line,
                section=section,
                title_kind=prompt_kind(title),
            )

    for i, (number, text) in enumerate(lines):
        following = lines[i + 1][1] if i + 1 < len(lines) else ""
        starts = False
        if is_prompt(text):
            starts = not (title and not body and _answers(title, text))
        elif is_term(text) and following and not is_term(following) and not is_prompt(following):
            if title and (not body or (len(body) == 1 and _SUBLABEL.match(body[0][1]))):
                answer_is_term_list = True
            starts = not answer_is_term_list or (len(body) > 2 and _opens_group(lines, i))
        if starts:
            yield from flush()
            title, title_line, body = _QUESTION_MARKER.sub("", text), number, []
            answer_is_term_list = False
        else:
            body.append((number, text))
    yield from flush()
