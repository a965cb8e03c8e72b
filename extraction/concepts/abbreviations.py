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
a bracket), ``long form (SF)`` written with spaces inside the brackets,
"long form, or SF" and "long form, aka SF" where SF is an acronym ("adenosine
triphosphate, or ATP"), and :func:`spelled_out` for a name that another part of the
notes sets beside the short form (a label line "SF: long form", "SF = long form", a
card whose term is the short form): there the long form must be the whole phrase.
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
#: "long form, or SF", "long form, aka SF": an acronym given after "or" or "aka".
_OR_SHORT = re.compile(
    r"(?:,\s+or|,?\s+(?:aka|a\.k\.a\.?|also\s+known\s+as|also\s+called))\s+"
    r"(?P<short>[A-Za-z][\w\-]{1,9})(?=[\s.,;:)]|$)",
    re.IGNORECASE,
)


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


def acronym_list(inner: str) -> bool:
    """Whether a bracket's text lists two or more acronyms, none a form of another
    ("RK, SGF": examples of what the words before it name, each the short form of a
    name of its own), rather than giving one short form ("TNF, TNF-alpha", "HF; see
    below").

    >>> acronym_list("RK, SGF"), acronym_list("RK, SGF and LP"), acronym_list("RK")
    (True, True, False)
    >>> acronym_list("TNF, TNF-alpha"), acronym_list("ToM; Smith 2009")
    (False, False)
    """
    items = [i.strip() for i in re.split(r",\s*|;\s*|\s+(?:and|or)\s+", inner) if i.strip()]
    return (
        len(items) > 1
        and all(is_acronym(i) for i in items)
        and not any(a != b and b.startswith(a) for a in items for b in items)
    )


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
    >>> list(abbreviations("A kiln may fire a glaze (RK, SGF) twice."))
    []
    """
    for m in _BRACKETED.finditer(text):
        # the bracket's text up to its first ", " or "; " when that holds a capital
        # ("ToM; Smith 2009"), not a list that spells a short form before the bracket
        # ("RGB (red, green, and blue)")
        inner = m.group(1).strip()
        if acronym_list(inner):
            continue  # "a running process (RR, SRTF)": examples, no short form of it
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


#: Longest lower-case short form taken as an abbreviation ("df", "pc", "mph").
LOWER_SHORT_MAX = 4


def lower_short_form(short: str, long: str) -> bool:
    """Is a lower-case ``short`` the short form of the ``long`` form the sentence
    states before it in brackets ("revolutions per minute (rpm)", "a parsec (pc)")? Only
    letters, at most :data:`LOWER_SHORT_MAX`, and either the initials of the long
    form's words (small words aside) or, for a long form of one word more than
    twice its length, its first letter and others of it in order: a word in brackets that
    is no such contraction ("water (aq)", "a mean (avg)" of another word) is none.

    >>> lower_short_form("rpm", "revolutions per minute"), lower_short_form("pc", "parsec")
    (True, True)
    >>> lower_short_form("mu", "mean"), lower_short_form("Pc", "parsec")
    (False, False)
    >>> lower_short_form("ab", "abacus rules"), lower_short_form("ea", "each")
    (False, False)
    """
    if not (short.isalpha() and short.islower() and 2 <= len(short) <= LOWER_SHORT_MAX):
        return False
    words = [w for w in re.split(r"[\s\-]+", long.lower()) if w]
    if len(words) == 1:
        word = words[0]
        return len(word) > 2 * len(short) and word[0] == short[0] and _in_order(short, word)
    heads = "".join(w[0] for w in words if w not in _SMALL_WORDS)
    return heads == short


#: A line that sets a short form before what it stands for: "SF: ...", "SF = ...",
#: "SF – ...", "SF - ..." (a hyphen with spaces around it), "SF aka ...".
LABELLED = re.compile(
    r"^\s*(?P<short>[A-Za-z0-9][\w\-]{0,9})"
    r"(?:\s*(?::\s|=|[–—])|\s-\s|,?\s+(?:aka|a\.k\.a\.?)\s)\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)

_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def labelled(text: str) -> tuple[str, int] | None:
    """``(short form, offset of what follows)`` of a line that opens with a possible
    short form and a separator ("ATP: ...", "GDP = ...", "DNS – ...").

    >>> labelled("GDP = gross domestic product"), labelled("GDP aka gross domestic product")
    (('GDP', 6), ('GDP', 8))
    >>> labelled("t-SNE: a way to draw data"), labelled("the mean: an average")
    (('t-SNE', 7), None)
    """
    m = LABELLED.match(text)
    if not m or not is_short_form(m.group("short")) or " " in m.group("short"):
        return None
    if not any(c.isupper() for c in m.group("short")):
        return None
    return m.group("short"), m.start("rest")


#: Where the name after a label ends: a comma, semicolon, colon, bracket or full stop,
#: a dash or arrow between spaces.
_NAME_END = re.compile(r"\s*(?:[,;:(]|\.(?:\s|$)|\s[-–—]\s|[–—]|=>|->|→)")

#: Small words a long form may hold without giving a letter ("Bank of England").
_SMALL_WORDS = frozenset({"of", "and", "the", "for", "to", "a", "an", "in", "on", "with"})


def _letters_at(short: str, long: str) -> list[int] | None:
    """Where :func:`best_long_form`'s match puts each letter or digit of ``short`` in
    ``long`` (right to left, as it matches), or ``None``."""
    at: list[int] = []
    i = len(long) - 1
    for s in range(len(short) - 1, -1, -1):
        c = short[s].lower()
        if not c.isalnum():
            continue
        while (i >= 0 and long[i].lower() != c) or (s == 0 and i > 0 and long[i - 1].isalnum()):
            i -= 1
        if i < 0:
            return None
        at.append(i)
        i -= 1
    return at


def _in_order(letters: str, within: str) -> bool:
    """Are ``letters`` found in ``within`` in this order?"""
    rest = iter(within)
    return all(c in rest for c in letters)


def _spells_whole(short: str, phrase: str) -> bool:
    """Does the Schwartz–Hearst match of ``short`` start at ``phrase``'s first word and
    take a letter from every word but small ones ("of", "and"), whose initials are
    letters of ``short`` in its order ("carbon and nitrate" spells no "CAT")?"""
    if best_long_form(short, phrase) != phrase or not _valid(short, phrase, _window(short)):
        return False
    if phrase.split()[-1].lower() in _SMALL_WORDS:
        return False  # "carbon and": a long form ends on a word of its own
    heads = "".join(w[0].lower() for w in phrase.split() if w.lower() not in _SMALL_WORDS)
    if not _in_order(heads, "".join(c.lower() for c in short if c.isalnum())):
        return False
    at = _letters_at(short, phrase) or []
    start = 0
    for word in phrase.split(" "):
        end = start + len(word)
        if word.lower() not in _SMALL_WORDS and not any(start <= i < end for i in at):
            return False
        start = end + 1
    return True


#: A symbol of capitals and a number: "H0", "ED50", "PM2.5".
_INDEXED_SYMBOL = re.compile(r"[A-Z]{1,3}\d+(?:\.\d+)?", re.IGNORECASE)


def indexed_initials(short: str, long: str) -> bool:
    """Is ``short`` a symbol of letters and a number whose letters are the initials
    of the last words of ``long``, the number an index ("null hypothesis (H0)",
    "median effective dose (ED50)"; a gloss pair comes as keys, "h0", in lower case)?
    Such a symbol names the thing glossed; a formula ("carbon dioxide (CO2)", "water
    (H2O)") spells no such initials.

    >>> indexed_initials("H0", "null hypothesis"), indexed_initials("ED50", "median effective dose")
    (True, True)
    >>> indexed_initials("CO2", "carbon dioxide"), indexed_initials("H2O", "water")
    (False, False)
    >>> indexed_initials("h0", "null hypothesis"), indexed_initials("D2", "variance")
    (True, False)
    """
    if not _INDEXED_SYMBOL.fullmatch(short):
        return False
    letters = re.sub(r"[^a-z]", "", short.lower())
    words = [w for w in re.split(r"[\s\-–]+", long.lower()) if w and w not in _SMALL_WORDS]
    return len(words) >= len(letters) and "".join(w[0] for w in words[-len(letters) :]) == letters


def spelled_out(short: str, text: str) -> str | None:
    """The long form of ``short`` that opens ``text`` (what a label line or a card's
    answer sets beside the short form), or ``None``.

    Nothing bounds the long form here as a bracket does, so it is the shortest run of
    two words or more (hyphens split words) from the start of ``text`` (an article
    aside), before any comma, colon, bracket, full stop or spaced dash, that the
    Schwartz–Hearst match spells whole: starting at its first word and taking a letter
    from each word but small ones, the words' initials being letters of the short form
    in its order ("CAT", "carbon and nitrate" is none) and the last not a
    small one; one word that holds the letters is none ("RAM: random"). Words whose
    letters happen to fit can still make a clause ("GDP: growth depends on
    productivity"): the caller, who has the sentence parsed, refuses a long form with
    a verb in it.

    >>> spelled_out("ATP", "adenosine triphosphate, the energy carrier")
    'adenosine triphosphate'
    >>> spelled_out("DNS", "the Domain Name System translates names")
    'Domain Name System'
    >>> spelled_out("EU", "European Union => one market")
    'European Union'
    >>> spelled_out("GDP", "a measure of output") is None
    True
    >>> spelled_out("RAM", "random") is None, spelled_out("CPU", "a chip") is None
    (True, True)

    A symbol of letters and an index takes the whole run before the name's end when its
    last words' initials are the letters (:func:`indexed_initials`), the words before
    them saying which one the index picks:

    >>> spelled_out("LD50", "Median lethal dose: the dose that kills half")
    'Median lethal dose'
    >>> spelled_out("LD50", "Dose that kills half of them") is None
    True
    """
    text = _ARTICLE.sub("", text.strip())
    text = _NAME_END.split(text, maxsplit=1)[0].strip()
    words = text.split()
    letters = sum(c.isalpha() for c in short)
    if 2 <= len(words) <= letters + 2 and indexed_initials(short, text):
        return text  # "ED50" / "Median effective dose: ...": the index's name, whole
    for k in range(1, min(len(words), 2 * _window(short)) + 1):
        phrase = " ".join(words[:k])
        if len([t for t in re.split(r"[\s\-]+", phrase) if t]) < 2:
            continue
        if _spells_whole(short, phrase):
            return phrase
    return None
