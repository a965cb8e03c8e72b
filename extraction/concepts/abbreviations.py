"""Abbreviations stated in a sentence: the Schwartz–Hearst algorithm, ported.

A. S. Schwartz and M. A. Hearst, "A simple algorithm for identifying abbreviation
definitions in biomedical text", Pacific Symposium on Biocomputing 8:451-462 (2003).
A faithful port of the authors' reference implementation (``ExtractAbbrev.java``):

1. candidates are ``long form (SHORT FORM)`` -- or ``SHORT FORM (long form)`` when the
   text in the brackets has more than two words -- where the short form has 2-10
   characters, at most two words, starts with a letter or digit and holds a letter;
2. the long form is searched in the ``min(|SF| + 5, 2 |SF|)`` words before the
   bracket, cut at a sentence's end;
3. :func:`best_long_form` matches the short form's characters right to left, the
   first one at the start of a word, and the long form is kept if it is longer than
   the short form, has no more words than the window and does not contain the short
   form.

As in the reference implementation, the text in the brackets is cut at its first
", " or "; " before it is read ("(ToM; Smith 2009)" gives "ToM"; here only when what
comes before holds a capital, so "RGB (red, green, and blue)" stays a long form), a
short form before a bracket holds a capital, and a long form is refused when it is
shorter than the short form, holds it followed by a space or ends with it, or has more
words (hyphens split words) than ``min(|SF| + 5, 2 |SF|)``, |SF| counting letters and
digits only (at most 10).

Added for notes: "SF stands for / is short for long form" (a line of the notes, not
a bracket), ``long form (SF)`` written with spaces inside the brackets, and
"long form, or SF" where SF is an acronym ("adenosine triphosphate, or ATP").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extraction.names import is_acronym

_BRACKETED = re.compile(r"\(\s*([^()]+?)\s*\)")
_STANDS_FOR = re.compile(
    r"\b(?P<short>[A-Za-z][\w\-]{1,9})\s+(?:stands for|is short for|is an abbreviation "
    r"(?:of|for))\s*:?\s*(?P<long>[^.;:()]+)",
    re.IGNORECASE,
)
#: Where a long form candidate starts: after a sentence break (the reference
#: implementation also cuts at ", ", which notes use inside long forms: "Surveillance,
#: Epidemiology and End Results (SEER)").
_SENTENCE_BREAK = re.compile(r"[.;:!?]\s")
#: "long form, or SF": an acronym given after a comma and "or".
_OR_SHORT = re.compile(r",\s+or\s+(?P<short>[A-Za-z][\w\-]{1,9})(?=[\s.,;:)]|$)")


def is_short_form(text: str) -> bool:
    """A possible short form: 2-10 characters, at most two words, starting with a
    letter or digit and holding a letter.

    >>> is_short_form("LSTM"), is_short_form("t-SNE"), is_short_form("see above for it")
    (True, True, False)
    """
    return (
        2 <= len(text) <= 10
        and len(text.split()) <= 2
        and text[0].isalnum()
        and any(c.isalpha() for c in text)
    )


def best_long_form(short: str, long: str) -> str | None:
    """The shortest tail of ``long`` whose letters spell ``short`` (Schwartz–Hearst).

    Each character of the short form, from the last, is matched right to left in the
    long form; the first character must start a word.

    >>> best_long_form("HMM", "a hidden Markov model")
    'hidden Markov model'
    >>> best_long_form("TGF-beta", "transforming growth factor-beta")
    'transforming growth factor-beta'
    >>> best_long_form("LSTM", "a recurrent network") is None
    True
    """
    s = len(short) - 1
    i = len(long) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while (i >= 0 and long[i].lower() != c) or (s == 0 and i > 0 and long[i - 1].isalnum()):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    start = long.rfind(" ", 0, i + 1) + 1
    return long[start:]


def _valid(short: str, long: str, window: int) -> bool:
    """The reference implementation's checks on a long form, and the port's own: at
    most ``window`` words, the short form not one of its words nor its first.

    >>> _valid("TTS", "text-to-speech", 6), _valid("ER", "cortical ER", 4)
    (True, False)
    >>> _valid("SC", "some other quite long and wordy science course", 4)
    False
    """
    size = sum(c.isalnum() for c in short)
    tokens = [t for t in re.split(r"[\s\-]+", long) if t]
    return (
        len(long) > len(short)
        and len(long.split()) <= window
        and short.lower() not in long.lower().split()
        and not long.lower().startswith(short.lower() + " ")
        and short + " " not in long
        and not long.endswith(short)
        and len(tokens) <= min(size * 2, size + 5)
        and size <= 10
    )


def _window(short: str) -> int:
    return min(len(short) + 5, len(short) * 2)


def _before(text: str, end: int) -> str:
    """The text before ``end`` back to the previous sentence break."""
    head = text[:end]
    breaks = list(_SENTENCE_BREAK.finditer(head))
    return head[breaks[-1].end() :] if breaks else head


def abbreviations(text: str) -> Iterator[tuple[str, str]]:
    """``(short form, long form)`` pairs that ``text`` defines.

    >>> list(abbreviations("High Voltage Direct-Current (HVDC) links fix that."))
    [('HVDC', 'High Voltage Direct-Current')]
    >>> list(abbreviations("SoC (system on chip) is a design."))
    [('SoC', 'system on chip')]
    >>> list(abbreviations("true positives ( TP ) are counted"))
    [('TP', 'true positives')]
    >>> list(abbreviations("SVM stands for support vector machine"))
    [('SVM', 'support vector machine')]
    >>> list(abbreviations("the loss (see above) grows"))
    []
    >>> list(abbreviations("Cells store adenosine triphosphate, or ATP, for energy."))
    [('ATP', 'adenosine triphosphate')]
    >>> list(abbreviations("It is quick, or QUICK."))
    []
    """
    for m in _BRACKETED.finditer(text):
        # the bracket's text up to its first ", " or "; " when that holds a capital
        # ("ToM; Smith 2009"), not a list that spells a short form before the bracket
        # ("RGB (red, green, and blue)")
        inner = m.group(1).strip()
        head = re.split(r"[,;]\s", inner, maxsplit=1)[0].strip()
        if any(c.isupper() for c in head):
            inner = head
        words = inner.split()
        if len(words) > 2:
            # "SHORT (long form)": the short form is the word before the bracket
            before = re.search(r"([A-Za-z0-9][\w\-]{0,9})\s*$", text[: m.start()])
            if not before or not is_short_form(before.group(1)):
                continue
            if not any(c.isupper() for c in before.group(1)):
                continue  # a short form before its long form holds a capital
            short = before.group(1)
            window = " ".join(words[: _window(short)])
            long = best_long_form(short, window)
            if long and _valid(short, long, _window(short)) and long.split()[0] == words[0]:
                yield short, long
            continue
        if not is_short_form(inner):
            continue
        # "long form (SHORT)": search the words before the bracket
        short = inner.split(";")[0].split(",")[0].strip()
        if not is_short_form(short):
            continue
        before_words = _before(text, m.start()).split()
        window = _window(short)
        candidate = " ".join(before_words[-window:]).strip(" ,")
        long = best_long_form(short, candidate)
        if long and _valid(short, long, window):
            yield short, long.strip()
    for m in _OR_SHORT.finditer(text):
        short = m.group("short")
        if not is_acronym(short):
            continue
        window = _window(short)
        candidate = " ".join(_before(text, m.start()).split()[-window:])
        long = best_long_form(short, candidate)
        if long and _valid(short, long, window):
            yield short, long.strip()
    for m in _STANDS_FOR.finditer(text):
        short, long = m.group("short"), m.group("long").strip()
        words = long.split()[: _window(short)]
        found = best_long_form(short, " ".join(words))
        if found and _valid(short, found, _window(short)) and words[:1] == found.split()[:1]:
            yield short, found.strip()
