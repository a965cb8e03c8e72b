"""Plain-text lines -> logical body lines: hard-wrapped lines joined, list items marked.

Text formats (outline summaries, question/answer lists, Quizlet and Knowt copies,
Brainscape decks, PDF text, Anki fields) give lines as they were typed or wrapped.
A card's body keeps one logical unit per line, so that a sentence is never cut where
a line happened to wrap:

* a **bullet** (``•``, ``-``, ``*``, ``1.``, ``a)`` ...) starts a list item, its marker
  removed; its depth follows its indentation, and its parent is the enclosing item or
  the paragraph just above the list ("... which includes:");
* a bullet that starts in lower case after a bullet ending with a comma goes on its
  sentence ("• river system that carries sediment across the plain," / "• allowing
  the delta to grow");
* a line **continues** the line above when that one does not end a sentence or a label
  (``.!?:;``), the line starts in lower case, is no label ("Root hair: ...") and the
  line above is no term heading its explanation ("Guard cell" / "controls how much"),
  or when the line above leaves a parenthesis open that this line closes (a gloss is
  never cut: "Adenosine Triphosphate (" / "ATP) molecules");
* in wrapped text (a PDF), a line also continues a line that reaches the full width
  of the text without ending a sentence;
* in **typed** text (notes typed a line at a time, not wrapped to a width:
  :func:`wrap_width` is 0), a line break is the student's: a lower-case line continues
  the line above only when that one leaves its phrase open (a comma, a bracket or an
  operator at its end, or a word that cannot end a phrase: "between", "the", "and") or
  the line opens with a word that cannot open one ("which", "whereas", a preposition
  unless the line above opened with the same one), or it ends the sentence the line
  above began with a determiner or pronoun ("The bore" / "rises at dusk."), so
  "Spectral analysis" / "sampling rate" / "bit depth" stay three lines;
* a blank line ends a paragraph;
* a numbered list typed inside one line ("Methods include: 1. terracing,
  2. contour ploughing, 3. ...") is that list: the words before it are the paragraph
  that introduces it and each numbered part an item under it (:func:`inline_items`);
* backquotes around a word or short name (`` `SN` ``, `` `N-1` ``) are markup, dropped;
  HTML entities pasted from a web page (``&amp;``) are decoded.
"""

from __future__ import annotations

import html as html_module
import itertools
import re
from collections.abc import Mapping, Sequence

from extraction.readers._base import Body
from extraction.readers._html import HtmlLine
from extraction.readers.prompts import is_term

#: A list marker at the start of a line, with the spaces after it.
BULLET = re.compile(r"^(?:[•◦▪‣●○■□➢➤►\-*+–]|\(?\d{1,2}[.)]|\(?[a-z][.)](?=\s))\s+")
#: A line that ends a sentence, a label or an item.
_ENDS = re.compile(r"[.!?:;]$")
#: "Kiln shelf: decides ..." -- a label and its explanation.
_LABEL = re.compile(r"^[A-Za-z0-9][^:.!?]{0,60}?:\s+\S")
_WORDISH = re.compile(r"[^\W\d_]")
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{1,6}|#x[0-9A-Fa-f]{1,6});")
#: Inline code that is a word or a short name: its backquotes are only markup.
_WORD_CODE = re.compile(r"`([A-Za-z][A-Za-z0-9-]{0,40}(?: [A-Za-z][A-Za-z0-9-]{0,40}){0,3})`")


#: A number marking an item inside a line ("1. ", "2) "), at the line's start or after a
#: space; the last may end the line ("..., 3.").
_INLINE_NUMBER = re.compile(r"(?:^|(?<=\s))(\d{1,2})[.)](?:\s+|$)")
#: What may end an item of an inline list, before the next number.
_ITEM_TAIL = re.compile(r"[\s,;]*(?:\b(?:and|or)\s*)?$")


def inline_items(text: str) -> tuple[str, list[str]] | None:
    """``(introduction, items)`` when ``text`` is a numbered list typed inside one line:
    numbers that count up from 1 (two at least), the first at the line's start or after
    the colon that ends its introduction; ``None`` otherwise. An item's closing comma,
    semicolon or "and" is left out, and an empty item (a list cut off after "3.") dropped.

    >>> inline_items("Methods include: 1. terracing, 2. contour ploughing, and 3. mulching")
    ('Methods include:', ['terracing', 'contour ploughing', 'mulching'])
    >>> inline_items("cold biomes: 1. tundra 2. boreal forest 3.")
    ('cold biomes:', ['tundra', 'boreal forest'])
    >>> inline_items("Version 1. It ran on 2. cores"), inline_items("Steps: 1. wash")
    (None, None)
    """
    numbers = [m for m in _INLINE_NUMBER.finditer(text)]
    run: list[re.Match[str]] = []
    for match in numbers:
        if int(match.group(1)) == len(run) + 1:
            run.append(match)
        elif run and int(match.group(1)) == 1:
            break
    if len(run) < 2:
        return None
    intro = text[: run[0].start()].strip()
    if intro and not intro.endswith(":"):
        return None
    items = []
    for match, following in zip(run, [*run[1:], None], strict=True):
        end = following.start() if following is not None else len(text)
        item = text[match.end() : end]
        item = item[: _ITEM_TAIL.search(item).start()].strip()
        if item and _WORDISH.search(item):
            items.append(item)
    return (intro, items) if len(items) >= 2 else None


def opens_label(previous: str, text: str) -> bool:
    """``text``, a typed line after ``previous``, opens a label line of its own ("Jitter:
    the variation of latency"): a label after a finished line, or a capitalised one.
    Such a line is never joined to the one above, whatever the format renders.

    >>> opens_label("Latency: the time a packet takes.", "Jitter: the variation of latency")
    True
    >>> opens_label("the reason is as follows", "three points: first the cost")
    False
    >>> opens_label("Key terms", "Jitter: the variation"), opens_label("It ends.", "So it goes on")
    (True, False)
    """
    finished = bool(_ENDS.search(previous.rstrip()))
    return bool(_LABEL.match(text)) and (finished or text[:1].isupper())


def is_prose(text: str) -> bool:
    """Most of the text's tokens are words (not a formula from a PDF's text layer).

    >>> is_prose("the active site of the enzyme"), is_prose("J(θ) = − 1 m m∑ i=1")
    (True, False)
    """
    tokens = text.split()
    words = sum(1 for t in tokens if _PROSE_WORD.fullmatch(t))
    return words * 2 > len(tokens)


_PROSE_WORD = re.compile(r"[(\[\"'“‘]?[^\W\d_]{2,}[\w'’-]*[)\]\"'”’.,;:!?]*")


#: Words that leave a phrase open when a typed line ends with them: articles,
#: prepositions, conjunctions, auxiliaries and determiners of general English.
OPEN_ENDINGS = frozenset(
    """a an the of in on at to for with by from between into onto over under about as than
    like via per without within across against among during through towards toward upon
    and or but nor whereas while because since although though if when where which that
    who whom whose so is are was were be been being has have had can could will would
    should may might must do does did not its their his her our your my this these those
    each every such some any no very more most less both either neither whether versus vs
    include includes including namely e.g i.e""".split()
)
#: Words that cannot open a phrase of their own at the start of a typed line: it goes
#: on the sentence above ("... the likelihood" / "which measures how well ...").
GOING_ON = frozenset("and or but nor which whose whom whereas although though because than".split())
#: Prepositions: a typed line that opens with one goes on the line above ("a normal
#: curve" / "with mean zero"), unless that line opened with the same word (parallel
#: fragments: "for sorting" / "for searching").
PREPOSITIONS = frozenset(
    """of in on at to for with by from between into onto over under about via per without
    within across against among during through towards toward upon""".split()
)
#: What a typed line may end with that leaves it open: a comma, a bracket, an operator.
_OPEN_MARK = re.compile(r"[,(\[{/+&=\-–—]$")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\W*$")


def left_open(previous: str, text: str) -> bool:
    """In typed text, does the line break between ``previous`` and ``text`` fall inside
    a phrase: ``previous`` ends with a comma, a bracket, an operator or a word that
    leaves its phrase open, or ``text`` opens with a word that cannot open one?

    >>> left_open("a model of the relationship between", "inputs and outputs")
    True
    >>> left_open("Tidal range", "the height between tides"), left_open("a tide,", "rising")
    (False, True)
    >>> left_open("the flood tide", "which rises twice a day")
    True
    >>> left_open("Weighted Range", "over Spring Tides (WRST)"), left_open("a tide", "of the bay")
    (True, True)
    >>> left_open("for sailing", "for rowing"), left_open("Tidal bores", "rise at dusk.")
    (False, False)
    >>> left_open("The bore", "rises at dusk."), left_open("Ebb tide", "water falls")
    (True, False)
    """
    previous = previous.rstrip()
    if _OPEN_MARK.search(previous):
        return True
    last = _LAST_WORD.search(previous)
    if last and last.group(1).lower().rstrip(".") in OPEN_ENDINGS:
        return True
    words = text.split(maxsplit=2)
    if not words:
        return False
    if words[0].rstrip(",") in GOING_ON:
        return True
    opening = previous.split(maxsplit=1)[0].lower() if previous.split() else ""
    if words[0] in PREPOSITIONS and words[0] != opening:
        return True
    if _ENDS_SENTENCE.search(text) and previous[:1].isupper() and opening in CLAUSE_OPENINGS:
        return True  # a sentence begun above ends here: "It measures" / "salinity."
    # a capitalised name broken inside: "Bay of Fundy Tidal Power" / "for Coastal Towns"
    return (
        len(words) > 1
        and words[0] in OPEN_ENDINGS
        and words[1][:1].isupper()
        and bool(last)
        and last.group(1)[:1].isupper()
    )


_ENDS_SENTENCE = re.compile(r"[.!?]$")
#: Words that open a clause (a determiner or a pronoun as its subject): a typed line
#: that starts a sentence with one ("It measures") and ends in no stop is a sentence cut
#: off, not a heading or a label ("Partial information" / "can still be used.").
CLAUSE_OPENINGS = frozenset(
    """the a an this that these those it its they their we our you your he she his her
    there each every some any most many all""".split()
)


def wrap_width(lines: Sequence[str]) -> int:
    """The width a text was wrapped to, or 0 when it was typed a line at a time.

    Wrapped text breaks its sentences where a line reaches the width: most lines that
    a lower-case line follows stop within a fifth of the widest lines (the tenth
    longest). In typed notes they stop anywhere.

    >>> wrapped = ["The delta grows where a river", "meets the sea and drops its", "silt."]
    >>> wrap_width(wrapped * 5), wrap_width(["Delta", "silt and sand", "River", "bed load"])
    (29, 0)
    """
    texts = [t.strip() for t in lines]
    widths = sorted(len(t) for t in texts if t)
    if not widths:
        return 0
    width = widths[int(0.9 * (len(widths) - 1))]
    broken = [len(a) for a, b in itertools.pairwise(texts) if a and b[:1].islower()]
    at_width = sum(1 for n in broken if n >= 0.8 * width)
    return width if broken and 2 * at_width >= len(broken) else 0


def indent_of(line: str) -> int:
    """Columns of leading white space (a tab counts 4).

    >>> indent_of("\\t  x"), indent_of("x")
    (6, 0)
    """
    width = 0
    for char in line:
        if char == " " or char == "\u00a0":
            width += 1
        elif char == "\t":
            width += 4
        else:
            break
    return width


def text_body(
    pairs: Sequence[tuple[int, str]],
    *,
    indents: Mapping[int, int] | None = None,
    full_width: int = 0,
    typed: bool = False,
) -> Body:
    """The logical lines of ``(file line, text)`` pairs (text stripped; ``""`` blank).

    Parameters
    ----------
    pairs : sequence of (int, str)
        The lines, in order.
    indents : mapping of int to int, optional
        Indentation of each file line (:func:`indent_of`), for the depth of list items.
    full_width : int
        Width of a full line of wrapped text (0: the text is not wrapped to a width).
    typed : bool
        The lines are as the student typed them (:func:`wrap_width` measured the file):
        a lower-case line shorter than ``full_width`` continues the line above only
        when the break falls inside a phrase (:func:`left_open`).

    Examples
    --------
    >>> b = text_body([(1, "Gates include:"), (2, "• forget gate, which"), (3, "decides"),
    ...                (4, "Output Gate"), (5, "controls output")])
    >>> [(line.text, line.depth, line.parent) for line in b.lines]  # doctest: +NORMALIZE_WHITESPACE
    [('Gates include:', -1, -1), ('forget gate, which decides', 0, 0),
     ('Output Gate', -1, -1), ('controls output', -1, -1)]
    """
    body = Body()
    joinable = False
    item_indents: list[tuple[int, int]] = []  # (indent, line index) of the open items
    intro = -1  # the paragraph line a list may belong to
    for number, raw in pairs:
        text = raw.strip()
        if "`" in text:
            text = _WORD_CODE.sub(r"\1", text)
        if "&" in text and _ENTITY.search(text):  # text pasted from a web page
            text = html_module.unescape(text)
        if not text:
            joinable = False
            continue
        if not _WORDISH.search(text):  # a formula or an arrow: a line of its own
            body.add(number, text)
            joinable = False
            continue
        marker = BULLET.match(text)
        if marker:
            text = text[marker.end() :].strip()
            if not text:
                continue
            indent = (indents or {}).get(number, 0)
            last = body.lines[-1] if body.lines else None
            if (
                last is not None
                and item_indents
                and item_indents[-1] == (indent, len(body.lines) - 1)
                and last.text.endswith(",")
                and text[:1].islower()
            ):  # one sentence over two bullets: "... time steps," / "• allowing ..."
                last.append(number, text)
                joinable = not _ENDS.search(text)
                continue
            while item_indents and item_indents[-1][0] >= indent:
                item_indents.pop()
            parent = item_indents[-1][1] if item_indents else intro
            index = body.add(number, text, depth=len(item_indents), parent=parent)
            item_indents.append((indent, index))
            joinable = not _ENDS.search(text)
            continue
        previous = body.lines[-1].text if body.lines else ""
        wrapped = (
            bool(full_width)
            and len(previous) >= 0.8 * full_width
            and is_prose(previous)
            and is_prose(text)
        )
        goes_on = joinable and (
            (
                continues(previous, text)
                and (
                    not typed
                    or left_open(previous, text)
                    or previous.count("(") > previous.count(")")
                    or (bool(full_width) and len(previous) >= 0.8 * full_width)
                )
            )
            or (wrapped and not _LABEL.match(text) and not _ENDS.search(previous))
        )
        if goes_on:
            body.lines[-1].append(number, text)
        else:
            item_indents.clear()
            listed = inline_items(text)
            if listed is None:
                intro = body.add(number, text)
            else:  # "Methods include: 1. ..., 2. ...": a list typed in one line
                lead, items = listed
                intro = body.add(number, lead) if lead else -1
                for item in items:
                    body.add(number, item, depth=0, parent=intro)
        joinable = not _ENDS.search(body.lines[-1].text)
    return body


def file_indents(lines: Sequence[str], numbers: Sequence[int]) -> dict[int, int]:
    """:func:`indent_of` of the file lines ``numbers`` (1-based) of ``lines``."""
    return {n: indent_of(lines[n - 1]) for n in numbers if 0 < n <= len(lines)}


#: The characters at the end of a line that decide whether the next goes on it: the
#: check costs no more however long the line has grown (a Word paragraph of 100,000
#: soft line breaks was quadratic).
CONTEXT_CHARS = 300


def continues(previous: str, text: str) -> bool:
    """``text`` goes on the sentence of ``previous`` (a typed line break inside it): the
    line above ends no sentence and this one starts in lower case, or the line above
    leaves a parenthesis open ("Adenosine Triphosphate (" / "ATP) molecules").

    >>> continues("the guard cell", "controls"), continues("Adenosine Triphosphate (", "ATP)")
    (True, True)
    >>> continues("It ends.", "then"), continues("Guard Cell", "controls")
    (False, False)

    A formula line ("p = mv") is a line of its own unless the line above leaves its
    phrase open ("momentum is" / "p = mv"; :func:`left_open`): its lower-case letter is
    a symbol, not a sentence going on.

    >>> continues("Momentum of a body", "p = mv"), continues("its momentum is", "p = mv")
    (False, True)
    """
    if not previous or _LABEL.match(text):
        return False
    previous = previous[-CONTEXT_CHARS:]  # a line joined from many: its end decides
    if previous.count("(") > previous.count(")") and ")" in text:
        return True
    if _FORMULA.match(text):
        return left_open(previous, text)
    return not _ENDS.search(previous) and text[:1].islower() and not is_term(previous)


#: A line that opens with a formula: a short symbol, then a relation sign ("p = mv",
#: "dx/dt <= k", "f(x) ≈ 0").
_FORMULA = re.compile(r"^[^\s=<>]{1,6}\s*(?:=|<=|>=|≈|≤|≥|<|>)\s*\S")


def html_body(blocks: Sequence[Sequence[HtmlLine]], line: int) -> Body:
    """The body of an Anki/CrowdAnki note: each field's rendered lines (a blank line
    between fields), all on file line ``line``; list items keep their depth and
    parent, emphasis its runs, and a line that goes on the sentence of the line above
    is joined to it. A line typed with a list marker ("1. Distributive", "- faster
    CPUs") is a list item too, its marker removed.

    >>> from extraction.readers._html import html_lines
    >>> html = "Gates:<ul><li><b>forget</b> gate</li></ul>A cell<br>that stores"
    >>> b = html_body([html_lines(html)], 3)
    >>> [(x.text, x.emphasis, x.depth, x.parent) for x in b.lines]  # doctest: +NORMALIZE_WHITESPACE
    [('Gates:', [], -1, -1), ('forget gate', [(0, 6, 'bold')], 0, 0),
     ('A cell that stores', [], -1, -1)]
    >>> b = html_body([html_lines("Laws:<div>1. <b>Inertia</b></div><div>2. Force</div>")], 1)
    >>> [(x.text, x.emphasis, x.depth, x.parent) for x in b.lines]  # doctest: +NORMALIZE_WHITESPACE
    [('Laws:', [], -1, -1), ('Inertia', [(0, 7, 'bold')], 0, 0), ('Force', [], 0, 0)]
    """
    body = Body()
    for block in blocks:
        intro = -1
        open_items: list[int] = []  # body index per depth
        joinable = False
        for html in block:
            if not html.text:
                joinable = False
                continue
            if html.depth < 0 and (marker := BULLET.match(html.text)) and html.text[marker.end() :]:
                # an item typed with its marker ("1. Distributive", "- faster CPUs")
                cut = marker.end()
                runs = [(s - cut, e - cut, style) for s, e, style in html.emphasis if e > cut]
                html = HtmlLine(html.text[cut:], [(max(0, s), e, st) for s, e, st in runs], 0)
            if html.depth >= 0:
                del open_items[html.depth :]
                parent = open_items[-1] if open_items else intro
                index = body.add(
                    line, html.text, emphasis=html.emphasis, depth=len(open_items), parent=parent
                )
                open_items.append(index)
            elif joinable and continues(body.lines[-1].text, html.text):
                body.lines[-1].append(line, html.text, html.emphasis)
                body.lines[-1].starts.pop()  # one file line: nothing finer to cite
            else:
                intro = body.add(line, html.text, emphasis=html.emphasis)
                open_items = []
            joinable = True
    return body
