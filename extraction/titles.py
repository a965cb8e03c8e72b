"""The concept a card is about, read from its title ("What is X?", "Define X", a term).

Title patterns are data (:data:`TITLE_PATTERNS`): each has a group ``x`` that holds the
concept's name. This is the structural half of concept finding; the NLP half (noun
chunks, acronyms, definitions in prose) builds on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Title shapes that name their subject, tried in order; ``x`` is the concept.
TITLE_PATTERNS: tuple[str, ...] = (
    # "What is meant by osmosis?", "What do you understand by the term entropy?"
    r"what (?:is|are) (?:meant|understood) by (?:the (?:term|word|phrase) )?(?:(?:an?|the)\s+)?"
    r"(?P<x>.+)",
    r"what do(?:es)? (?:you|we|one) (?:understand|mean) by (?:the (?:term|word|phrase) )?"
    r"(?:(?:an?|the)\s+)?(?P<x>.+)",
    # "Give the definition of osmosis", "Definition of a hash table"
    r"(?:(?:give|state|write) )?(?:the |a )?definition of (?:(?:an?|the)\s+)?(?P<x>.+)",
    # "Osmosis -- define", "Hash table: definition"
    r"(?P<x>.+?)(?:\s*[:–—]|\s+-+)\s*(?:define|definition|describe|explain)",
    r"what (?:is|are) (?:(?:an?|the)\s+)?(?P<x>.+?) (?:\w+ly )?used (?:for|in)",
    r"what (?:is|are) the (?:components|parts|elements|types|kinds) of (?P<x>.+)",
    r"what (?:is|are) the (?:main |key |primary )?idea (?:of|behind) (?P<x>.+)",
    r"what (?:is|are) (?:(?:an?|the)\s+)?(?P<x>[^,]+?)(?:,? and (?:how|what|why) .*)?"
    r"(?: in the context of .*)?",
    r"(?:\w+ly )?define:? (?:what )?(?:(?:an?|the)\s+)?(?:(?:term|word|concept) )?"
    r"(?P<x>.+?)(?: (?:is|are|means))?",
    # "Describe what a subduction zone is", "Briefly explain osmosis", "Outline mitosis"
    r"(?:\w+ly )?(?:explain|describe|outline) what (?:(?:an?|the)\s+)?(?P<x>.+?) "
    r"(?:is|are|means)",
    r"(?:\w+ly )?(?:explain|describe|outline):? (?:the |an? )?(?P<x>.+)",
    r"(?P<x>.+?) stands for",
    r"(?P<x>.+?) (?:is|are) (?:used|tricky to use) (?:for|in)",
    # a plural framing noun before "of" ("Principles of Deadlock", "Dangers of Silica"),
    # or a singular one that only says whether or how well X is there ("Presence of
    # Moisture", "Lack of Sleep", "Understanding of Erosion")
    r"(?:(?:dis)?advantages|benefits|drawbacks|applications|uses|properties|features|"
    r"characteristics|components|examples|types|kinds|limitations|challenges|dangers|"
    r"trade-offs|principles|fundamentals|basics|presence|absence|lack|understanding) of "
    r"(?:an? |the )?(?P<x>.+)",
    r"what does (?:an? |the )?(?P<x>.+?) (?:do|mean)",
    r"how does (?:an? |the )?(?P<x>.+?) work",
)
_COMPILED = tuple(re.compile(rf"^{p}$", re.IGNORECASE) for p in TITLE_PATTERNS)
#: A context before a question: "In pottery, what is bisque?", "For UAVs, what ...".
_CONTEXT = re.compile(
    r"^(?:in|for|with|regarding|about|when using|in the context of)\s+[^,?]{1,40},\s*"
    r"(?=(?:what|how|why|which|when|where|who|define|explain|describe)\b)",
    re.IGNORECASE,
)
_ABBREV = re.compile(r"\s*\(([A-Za-z][\w-]{0,14})\)\s*$")
#: A name closing with a bracket: a gloss, a symbol, a second name or a remark on what the
#: words before it name ("Tidal range (m)", "Neap tide (weak tide)").
_CLOSING_BRACKET = re.compile(r"^(?P<name>[^()]*[^\s()])\s*\((?P<inner>[^()]{1,40})\)$")
#: Words that open a bracket giving another name ("(aka rip tide)", "(or neap tide)").
_OTHER_NAME_CUES = frozenset({"aka", "a.k.a.", "a.k.a", "or", "i.e.", "ie", "also"})
_TRAILING = re.compile(r"[\s?.!:]+$")
_ARTICLE = re.compile(r"^(?:an?|the)\s+", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: A title that is an action on something: a gerund, then a determiner ("Training the
#: model", "Choosing a kernel", "Evaluating your classifier"). Its object is what the
#: card works on, not what it names ("Pooling layers", "Bagging" are names).
_ACTIVITY = re.compile(
    r"^[^\W\d_]{2,}ing\s+(?:the|a|an|this|these|that|those|your|our|its|their|my)\s",
    re.IGNORECASE,
)


def is_activity(text: str) -> bool:
    """Is a title, or a part of one, an action on something: a gerund, then a determiner
    ("Training the model", "Unlocking your potential")?

    >>> is_activity("Unlocking Your Potential"), is_activity("Pooling layers")
    (True, False)
    """
    return bool(_ACTIVITY.match(text.strip() + " "))


#: A whole title set in brackets: "[Fractional distillation]", "(Ion channels)".
_BRACKETED = re.compile(r"^\[([^\[\]]+)\]$|^\(([^()]+)\)$")


def _unbracket(title: str) -> str:
    """A title without the brackets around the whole of it (they are no part of its name).

    >>> _unbracket("[Ion channels]"), _unbracket("Ion channels (IC)"), _unbracket("[a] and [b]")
    ('Ion channels', 'Ion channels (IC)', '[a] and [b]')
    """
    m = _BRACKETED.match(title)
    return (m.group(1) or m.group(2)).strip() if m else title


@dataclass(frozen=True, slots=True)
class TitleConcept:
    """The concept named by a title: its display name and an acronym, if given."""

    name: str
    acronym: str = ""


def singular(word: str) -> str:
    """A plural noun's singular, for the common English endings.

    >>> singular("autoencoders"), singular("classes"), singular("loss"), singular("GANs")
    ('autoencoder', 'class', 'loss', 'GAN')
    """
    lower = word.lower()
    if lower.endswith(("ss", "us", "is", "ias", "ics")) or len(word) <= 3:
        return word
    if lower.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if lower.endswith("ies") and len(word) > 4:
        return word[:-3] + ("Y" if word[-1].isupper() else "y")
    if lower.endswith("s"):
        return word[:-1]
    return word


def bracketed_label(label: str) -> tuple[str, str] | None:
    """``(name, inside)`` of a label or title that closes with a bracket ("Tariff (import
    duty)", "Gross margin (GM)", "Loam (crumbly soil)"), else None.

    >>> bracketed_label("Tariff (import duty)"), bracketed_label("Tariff")
    (('Tariff', 'import duty'), None)
    """
    m = _CLOSING_BRACKET.match(label.strip())
    return (m["name"], m["inner"].strip()) if m else None


#: A name with a bracket between its words: "Slow (low-fire) glaze".
_INNER_BRACKET = re.compile(
    r"^(?P<before>[^()]*[^\s()])\s*\((?P<inner>[^()]{1,40})\)\s*(?P<after>[^\s()][^()]*)$"
)


def bracket_within(label: str) -> tuple[str, str, str] | None:
    """``(before, inner, after)`` of a label with a bracket between its words ("Slow
    (low-fire) glaze", "Rip (tidal) current"), else None: the name is ``before`` and
    ``after`` joined; one word in the bracket in place of the word before it gives
    another name ("low-fire glaze").

    >>> bracket_within("Slow (low-fire) glaze"), bracket_within("Slow glaze (low-fire)")
    (('Slow', 'low-fire', 'glaze'), None)
    """
    m = _INNER_BRACKET.match(label.strip())
    return (m["before"], m["inner"].strip(), m["after"].strip()) if m else None


def names_it(name: str, inner: str) -> bool:
    """Does a bracket after ``name`` holding ``inner`` give another name or a symbol of
    it: one token ("t1/2", "m/s"), a naming cue ("aka rip tide") or a name of the same
    head word ("weak tide" after "Neap tide")? A remark ("no drainage needed") does not.

    >>> names_it("Neap tide", "weak tide"), names_it("Wave speed", "m/s")
    (True, True)
    >>> names_it("Rip current", "aka rip tide"), names_it("Clay soil", "no drainage needed")
    (True, False)
    """
    words, heads = inner.split(), name.split()
    if not words or not heads:
        return False
    if len(words) == 1 or words[0].lower() in _OTHER_NAME_CUES:
        return True
    return singular(words[-1]).lower() == singular(heads[-1]).lower()


def title_concept(title: str, *, term: bool = False) -> TitleConcept | None:
    """The concept that ``title`` asks about, or None.

    Parameters
    ----------
    title : str
        A card title.
    term : bool
        The title is a bare term (a heading or the front of a term card), so it is
        the concept itself when short enough.

    Examples
    --------
    >>> title_concept("What are Polymerase Chain Reactions? (PCRs)")
    TitleConcept(name='Polymerase Chain Reactions', acronym='PCRs')
    >>> title_concept("LSTM stands for")
    TitleConcept(name='LSTM', acronym='')
    >>> title_concept("What are the pros and cons of a modern wind turbine design?") is None
    True
    >>> title_concept("In pottery, what is bisque?")
    TitleConcept(name='bisque', acronym='')
    >>> title_concept("Supply and demand", term=True)
    TitleConcept(name='Supply and demand', acronym='')
    >>> title_concept("Training the Model", term=True) is None
    True
    >>> title_concept("[Fractional distillation]", term=True)
    TitleConcept(name='Fractional distillation', acronym='')
    >>> title_concept("Neap tide (weak tide)", term=True)
    TitleConcept(name='Neap tide', acronym='')
    """
    text = _CONTEXT.sub("", _TRAILING.sub("", _unbracket(title.strip())))
    acronym = ""
    text = re.sub(r"\?\s*(\([^()]*\))$", r" \1", text)
    if m := _ABBREV.search(text):
        acronym, text = m.group(1), text[: m.start()]
    text = _TRAILING.sub("", text)
    name = None
    for pattern in _COMPILED:
        if m := pattern.match(text):
            name = m.group("x")
            break
    if name is None and term:
        name = text
    if name is None:
        return None
    name = _TRAILING.sub("", _ARTICLE.sub("", name.strip()))
    if m := _ABBREV.search(name):
        acronym, name = acronym or m.group(1), name[: m.start()].strip()
    if (parts := bracketed_label(name)) and names_it(*parts):
        name = parts[0]
    words = _WORD.findall(name)
    if term and _ACTIVITY.match(name):  # "Training the model": what is done, not a name
        return None
    joined = r"\b(?:vs)\b" if term else r"\b(?:and|or|vs)\b"  # "Supply and demand" is a term
    # a slash with a space on each side sets two topics side by side ("Causes / effects");
    # one inside a word does not ("input/output")
    if not 1 <= len(words) <= 6 or re.search(rf"[?:;=]|\s/\s|{joined}", name):
        return None
    return TitleConcept(name=name, acronym=acronym)
