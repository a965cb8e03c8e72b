"""A concept's name, aliases and definition, from its merged group.

The name is the spelled-out form of an acronym ("gross domestic product"), else the
most used form (the bare "transformer" rather than "transformer model"); the label
keeps the author's capitals and adds the acronym. The definition is what the notes
say the concept *is*, whole sentences only: the answer of a card about it, the text
of its label line ("X: ..."), its table row, a bold term and what follows it, or a
sentence that defines it ("X is a ...", "X refers to ..."); a sentence that merely
mentions it is never a definition, and a concept the notes do not define has none.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from extraction.concepts.abbreviations import best_long_form
from extraction.concepts.candidates import Candidate
from extraction.concepts.merging import always_capitalised, in_capitals, own_capitals, shouted
from extraction.concepts.phrases import concept_id, only_adjective, only_verb, plain_verb
from extraction.concepts.segments import (
    _BULLET,
    _LEAD_ARTICLE,
    PLAIN_VERB_AFTER,
    VERB_AFTER,
    label_of,
    side_clause,
    side_sentence,
)
from extraction.concepts.words import (
    ANALOGY,
    CONTRAST_CUE,
    EVENT_HEADS,
    FRAMING_NOUNS,
    GENERIC_HEADS,
    INSTRUCTIONS,
    KIND_HEADS,
    NAME_PREPOSITIONS,
    NAMING_CUES,
    OTHER_QUESTIONS,
    SELF_FRAMES,
    STATEMENT_HEADS,
    VERSUS,
    WITH_FRAMES,
)
from extraction.names import initials_match, is_acronym, lemmas, singular_acronym
from extraction.records import Card, Concept, Evidence
from extraction.titles import bracketed_label, title_concept

#: A capital with digits, a code name that keeps its case ("V7", "B12", "F1", "H1N1").
_CODE_NAME = re.compile(r"[A-Z](?=[A-Za-z]*\d)[A-Za-z\d]{1,5}")

#: How good each kind of definition is (lower is better).
DEFINITION_RANK = {
    "term": 0,
    "question": 0,
    "cloze": 0,
    "label": 1,
    "cell": 1,
    "defined": 2,
    "named": 2,
    "emphasis": 2,
    "heading": 3,
}
#: The rank of the answer to a title that asks what X is and then something else
#: ("What is X, and how does it differ from Y?"): any other definition goes first, since
#: the answer may speak of the second question as much as of X.
SECOND_QUESTION_RANK = 3
#: A definition is at most about this long; it ends at a sentence's end.
DEFINITION_CHARS = 400
#: Abbreviations in lower case whose stop ends no sentence ("Sutton v. Hoyle", "cf. Smith").
_ABBREVIATION_STOPS = ("v.", "vs.", "cf.", "e.g.", "i.e.", "approx.")
_SENTENCE_END = re.compile(
    "".join(rf"(?<!\b{re.escape(a)})" for a in _ABBREVIATION_STOPS) + r"(?<=[.!?])\s+(?=[A-Z(\"“])"
)


#: A short form in brackets, then a colon or a dash, opening an answer: "(ATP): ...".
_LEADING_SHORT_FORM = re.compile(r"^\([^()\s]{1,12}\)\s*[:=–—-]\s+(?=\S)")


def definition_text(
    body: str,
    limit: int = DEFINITION_CHARS,
    names: Sequence[str] = (),
    item_lines: frozenset[int] = frozenset(),
) -> str:
    """The first whole sentence(s) of an answer, bullets stripped, about ``limit``
    characters at most but never cut inside a sentence; a line that introduces a list
    ("Three kinds:") keeps the items it introduces.

    An answer typed one fact a line keeps its lines apart: a line with no closing stop
    goes on in the next only when that one carries on its sentence (``_carries_on``:
    "which seals the clay", "exponentially decreasing as ..."); a later line joins a
    short opening (set off by "; ") only when it says more of the concept (its name, "it
    ...", or a predicate with no subject of its own: "hardens the ware"), never a fact
    of something else ("air bubbles can burst during firing").

    >>> definition_text("A gate. It decides how much of the old state to keep.\\nMore.")
    'A gate. It decides how much of the old state to keep.'
    >>> definition_text("Three kinds:\\n- one\\n- two")
    'Three kinds: one; two'
    >>> definition_text("the first firing of clay\\nhardens the ware\\nair can burst")
    'the first firing of clay; hardens the ware'
    >>> definition_text("kneading clay\\nair bubbles can burst during firing")
    'kneading clay'
    >>> definition_text("tides become very weak\\nsteadily decreasing with distance.")
    'tides become very weak, steadily decreasing with distance.'
    >>> definition_text("a map of learned kernels\\nvisualize activations\\nprobing by occlusion",
    ...                 item_lines=frozenset({0, 1, 2}))
    'a map of learned kernels; visualize activations'

    A short form in brackets opening the answer belongs to the term it follows
    ("Adenosine triphosphate" / "(ATP): the molecule ..."), not to the definition.

    >>> definition_text("(ATP): The molecule that carries energy in cells.")
    'The molecule that carries energy in cells.'
    """
    pairs = [(_BULLET.sub("", line).strip(), k) for k, line in enumerate(body.splitlines())]
    lines = [line for line, _ in pairs if line]
    # a list item is a fact of its own: it carries on no line before it
    is_item = [k in item_lines for line, k in pairs if line]
    if not lines:
        return ""
    if len(lines) > 1 and _only_names(lines[0], names):
        lines, is_item = lines[1:], is_item[1:]  # "Pulsar" / "a rotating neutron star ..."
    lines[0] = _own_label(lines[0], names)  # "Entropy: Entropy measures ..."
    lines[0] = _LEADING_SHORT_FORM.sub("", lines[0])  # "(ATP): The molecule ..."
    if lines[0].endswith(":") and len(lines) > 1:
        items = []
        for line in lines[1:]:
            if sum(len(i) for i in items) + len(line) > limit:
                break
            items.append(line.rstrip(".;"))
        return f"{lines[0]} {'; '.join(items)}" if items else lines[0]
    if _parallel_items(lines):  # "Plan ahead" / "Leave what you find" / ...
        items = []
        for line in lines:
            if sum(len(i) + 2 for i in items) + len(line) > limit:
                break
            items.append(line)
        return "; ".join(items)
    text = ""
    for at, line in enumerate(lines):
        if at and not _CLOSED.search(text):  # a line of its own after a line with no stop
            joint = None if is_item[at] else _carries_on(text, line)
            short = len(text) < 40 or property_line(line)  # a property goes on the list
            if joint is None and (not short or not _says_more_of_it(line, names)):
                break
            if len(text) + len(line) > limit:
                break
            text = f"{text}{joint if joint is not None else ';'} {line}"
            if joint is None or not _CLOSED.search(line):
                continue  # the fact goes on, or another of the concept may follow
            if len(text) >= 40:
                break
            continue
        if at and len(text) >= 40:
            break
        for sentence in _SENTENCE_END.split(line):
            if text and (ANALOGY.search(sentence) or len(text) + len(sentence) > limit):
                return text
            text = f"{text} {sentence}".strip()
            if len(text) >= 80:
                return text
    return text


def _only_names(line: str, names: Sequence[str]) -> bool:
    """Is ``line`` only one of ``names`` (a plural, a closing colon or stop aside), as an
    answer's first line that repeats the card's term says nothing of it?

    >>> _only_names("Pulsars:", ["pulsar"]), _only_names("Pulsar wind", ["pulsar"])
    (True, False)
    """
    said = _LEAD_ARTICLE.sub("", line).strip(" :.;-–—").lower()
    return any(n.strip() and said in {n.lower(), n.lower() + "s", n.lower() + "es"} for n in names)


def _own_label(line: str, names: Sequence[str]) -> str:
    """``line`` without a label of the concept's own name when what follows the label
    opens with the name again ("Entropy: Entropy measures ..." says "Entropy measures
    ..."); a label followed by a gloss ("Entropy: a measure of ...") stays.

    >>> _own_label("Entropy: Entropy measures disorder.", ["entropy"])
    'Entropy measures disorder.'
    >>> _own_label("Entropy: a measure of disorder.", ["entropy"])
    'Entropy: a measure of disorder.'
    """
    label, colon, rest = line.partition(":")
    rest = rest.strip()
    if not colon or not rest or not _only_names(label, names):
        return line
    opening = _LEAD_ARTICLE.sub("", rest).lower()
    said = [n.lower() for n in names if n.strip()]
    return (
        rest if any(re.match(rf"{re.escape(n)}(?:e?s)?(?![\w-])", opening) for n in said) else line
    )


#: Most words of a line read as one of a list of parallel items, and fewest such lines.
ITEM_WORDS = 5
ITEM_LINES = 3


def _parallel_items(lines: Sequence[str]) -> bool:
    """Are ``lines`` a list of parallel items, each a short name of its own (a capital,
    no closing stop, at most :data:`ITEM_WORDS` words: "Plan ahead" / "Travel on
    durable ground" / "Leave what you find"), which together say what the concept is?

    >>> _parallel_items(["Plan ahead", "Travel on durable ground", "Leave what you find"])
    True
    >>> _parallel_items(["Hand Kneading", "standard way of mixing", "Machine Kneading"])
    False
    """
    if len(lines) < ITEM_LINES:
        return False
    return all(
        line[:1].isupper() and not _CLOSED.search(line) and len(line.split()) <= ITEM_WORDS
        for line in lines[:ITEM_LINES]
    )


#: A text that ends its sentence (or introduces what follows).
_CLOSED = re.compile(r"[.!?:…]\W*$")
#: Words that open a line carrying on the sentence of the line before ("... a glassy
#: coating" / "which seals the clay"): relatives, conjunctions, prepositions.
CARRY_ON = frozenset(
    "which that who whom whose where when while whereas and or but nor so because since "
    "although though unless as than to with without by of in on at for from into onto "
    "through via per including like unlike such i.e. e.g. especially".split()
)


def _carries_on(text: str, line: str) -> str | None:
    """How ``line`` joins ``text``, the line before it with no closing stop, when it
    carries on its sentence: ``""`` after a dangling word or before a relative, a
    conjunction or a preposition, ``","`` before a participle in -ing ("exponentially
    decreasing ..."); ``None`` when the line is a fact of its own.

    >>> _carries_on("a glassy coat", "which seals it"), _carries_on("A kiln is a", "furnace")
    ('', '')
    >>> _carries_on("gradients become small", "exponentially decreasing with depth")
    ','
    >>> _carries_on("kneading clay", "air bubbles can burst") is None
    True
    >>> _carries_on("crawling leaves bare patches", "crazing is a network of cracks") is None
    True
    >>> _carries_on("partial information", "can still teach"), _carries_on("seen in", "Later")
    ('', None)
    >>> _carries_on("A kiln is a", "Furnace for clay")
    ''

    """
    words = line.split()
    if text.split() and text.split()[-1].lower() in {"a", "an", "the"}:
        return ""  # "A raku kiln is a" / "Small kiln: ..."
    if not words or words[0][:1].isupper() or not words[0][:1].isalpha():
        return None  # a line of its own, even after a dangling word ("interested in")
    if unfinished(text):
        return ""
    at = 1 if words[0].endswith("ly") and len(words) > 1 else 0  # "exponentially decreasing"
    first = words[at].lower().strip(",;")
    if first in CARRY_ON or first in _FINITE:
        return ""  # "Partial tide information" / "can sail even when ..."
    if (
        first.endswith("ing")
        and len(first) > 5
        and "VERB" in lemmas(first)
        and not any(w.lower() in _FINITE for w in words[at + 1 : at + 3])
    ):
        return ","  # not "crazing is a network ...": a gerund, the subject of its own clause
    return None


def _says_more_of_it(line: str, names: Sequence[str]) -> bool:
    """Does ``line``, a line of its own in a short answer typed one fact a line, say more
    of the concept of ``names``: it opens with its name or a word that refers back to it
    ("It ...", "They ..."), or with a verb that has no subject of its own ("hardens the
    ware", "map data into ...": the concept is its subject); not a fact with a subject
    of its own ("air bubbles can burst ...")?

    >>> _says_more_of_it("hardens the ware", []), _says_more_of_it("It locks in", [])
    (True, True)
    >>> _says_more_of_it("air bubbles can burst", []), _says_more_of_it("Kilns fire clay", ["kiln"])
    (False, True)
    >>> _says_more_of_it("map data into a space", []), _says_more_of_it("the kiln", [])
    (True, False)

    A line of adjectives alone names a property of the concept ("symmetric", "positive
    semidefinite (...)"): what the notes say it is.

    >>> _says_more_of_it("symmetric", []), _says_more_of_it("Dense air rises", [])
    (True, False)
    """
    lowered = _LEAD_ARTICLE.sub("", line).lower()
    if any(n and re.match(rf"{re.escape(n.lower())}(?:e?s)?\b", lowered) for n in names):
        return True
    if property_line(line):
        return True
    words = re.findall(r"[^\W\d_][\w'-]*", line)
    if not words:
        return False
    first = words[0].lower()
    if first in _BACK_REFERENCES:
        return True
    if words[0][:1].isupper():
        return False  # a sentence of its own, about something it names
    readings = lemmas(first)
    if "VERB" not in readings or "AUX" in readings:
        return False
    # a word that is also a noun may open a subject of its own: then a finite verb follows
    return "NOUN" not in readings or not any(w.lower() in _FINITE for w in words[1:5])


#: Most words (outside brackets) of a line that names properties of the concept.
PROPERTY_WORDS = 4
#: Words that join the properties of one line ("convex and differentiable").
_PROPERTY_JOINTS = frozenset({"and", "or", "but", "not", "yet", "very", "always", "often"})
#: Prefixes of an adjective English builds from another ("semidefinite", "non-negative").
_ADJECTIVE_PREFIX = re.compile(r"^(?:non|semi|un|in|im|anti|quasi|pseudo|sub|super|multi)-?")


def property_line(line: str) -> bool:
    """Is ``line`` a list of properties only, each word read as an adjective (at most
    :data:`PROPERTY_WORDS` words, a bracket aside, joined by "and", "or", commas):
    "porous", "semiporous (any clay ...)", "hard and glossy"; not a
    fact with a noun of its own ("air bubbles burst", "metal or wooden")?

    >>> property_line("semiporous (below 2%)"), property_line("non-negative")
    (True, True)
    >>> property_line("dense and hot"), property_line("hot air rises"), property_line("sorted")
    (True, False, False)
    >>> property_line("Low for short spans"), property_line("fixed")
    (False, True)
    """
    outside = re.sub(r"\([^()]*\)?", " ", line).strip(" .;,")
    words = [
        w for w in re.findall(r"[^\W\d_][\w'-]*", outside) if w.lower() not in _PROPERTY_JOINTS
    ]
    if not words or len(words) > PROPERTY_WORDS or re.search(r"[^\w\s,'-]", outside):
        return False

    def adjective(word: str) -> bool:
        lower = word.lower()
        readings = lemmas(lower)
        if readings:
            return "ADJ" in readings and "AUX" not in readings
        stem = _ADJECTIVE_PREFIX.sub("", lower)
        return stem != lower and "ADJ" in lemmas(stem)

    return all(adjective(w) for w in words)


#: Auxiliaries and modals: the finite verb of a clause whose subject opens it.
_FINITE = frozenset(
    "can could may might must will would shall should is are was were has have had does do "
    "did".split()
)


#: How a sentence that defines what it opens with goes on: "X is a ...", "X are the
#: ...", "X refers to ...", "X is defined as ...", a law's "X states that ...".
_DEFINES = re.compile(
    r"^\s*(?:is|are)\s+(?:a|an|the|one|any|when|where)\b|^\s*(?:refers?|relates?) to\b"
    r"|^\s*(?:means|denotes|describes|represents)\b|^\s*(?:is|are) (?:defined|called|known) as\b"
    r"|^\s*(?:states?|says?) that\b",
    re.IGNORECASE,
)
#: A capitalised owner in the possessive opening a sentence ("Lind's ...").
_LEAD_OWNER = re.compile(r"^\s*[A-Z][\w-]*(?:'s|’s|s'|s’)\s+")


def owner_dropped(text: str, names: Sequence[str]) -> str:
    """``text`` without the owner in the possessive that opens it, when one of
    ``names`` of two words or more follows (the name the owner credits:
    "Lind's glacial surge cycle is ..."); else ``text`` as it is.

    >>> owner_dropped("Lind's surge cycle is a pattern.", ["surge cycle"])
    'surge cycle is a pattern.'
    >>> owner_dropped("Lind's law is a rule.", ["lind's law", "law"])
    "Lind's law is a rule."
    """
    m = _LEAD_OWNER.match(text)
    if not m:
        return text
    rest = text[m.end() :]
    lowered = rest.lower()
    if any(len(n.split()) > 1 and lowered.startswith(n.lower()) for n in names):
        return rest
    return text


#: "The main feature of ...": what follows the name says what sets it apart.
_MAIN_FEATURE = re.compile(
    r"^\s*the\s+(?:main|key|defining|central|essential|distinguishing)\s+"
    r"(?:feature|characteristic|property|trait)\s+of\s+",
    re.IGNORECASE,
)
#: A short form or gloss in brackets right after the name.
_GLOSS = re.compile(r"^\s*\([^()]{1,60}\)")
#: A preposition right after a name whose object was a formula the reader dropped ("An
#: eigenvector of $A$ is ..." read as "An eigenvector of is ..."): no part of the clause.
_OBJECT_DROPPED = re.compile(r"^\s+(?:of|in|on|over|for)(?=\s+(?:is|are)\b)")
#: A symbol written right after a name, before its copula ("The variance Var(X) is ...",
#: "The mode M is ..."): a letter or a short function-like symbol, no part of the clause.
_SYMBOL_AFTER = re.compile(
    r"^\s+(?:[A-Za-z]{1,4}\s?[\[(][^\s\])]{1,12}[\])]|[A-Z])(?=\s+(?:is|are)\b)"
)


def defines(sentence: str, names: Sequence[str]) -> bool:
    """Does ``sentence`` open with one of ``names`` and go on to say what it is?

    >>> defines("A kappa kernel is a trap for clicks.", ["kappa kernel"])
    True
    >>> defines("Glazes are prone to crazing.", ["glaze", "glazes"])
    False
    >>> defines("Gross Domestic Product (GDP) is a sum of output.", ["gross domestic product"])
    True

    What sets it apart says what it is: "The main feature of X is that ...".

    >>> defines("The main feature of a fjord is that the sea fills it.", ["fjord"])
    True
    >>> defines("The main feature of a fjord is its depth.", ["fjord"])
    False
    """
    feature = _MAIN_FEATURE.match(sentence)
    text = owner_dropped(
        _LEAD_ARTICLE.sub("", sentence[feature.end() :] if feature else sentence), names
    )
    lowered = text.lower()
    for name in sorted(names, key=len, reverse=True):
        n = name.lower()
        if n and lowered.startswith(n) and feature:
            return bool(re.match(r"(?:e?s)?\s+(?:is|are)\s+that\b", lowered[len(n) :]))
        if n and lowered.startswith(n):
            rest = text[len(n) :]
            plural = rest[:1] == "s" or (n.endswith("s") and not is_acronym(name))
            rest = rest[1:] if rest[:1] == "s" else rest
            rest = _GLOSS.sub("", rest, count=1)  # "Gross Domestic Product (GDP) is a"
            return (
                bool(_DEFINES.match(rest))
                or _says_what_it_does(rest)
                or (plural and _plural_does(rest))
            )
    return False


#: Words after a verb that show it takes no object: "Clay bodies differ in ...".
_NO_OBJECT = frozenset(
    "of for in on at by with from to about into onto over under within between among "
    "against through across towards toward when if as than".split()
)


def _plural_does(rest: str) -> bool:
    """Does ``rest``, what follows a plural name at the opening of a sentence, go on with
    a verb in its plain form, no auxiliary, and what it acts on ("Choirs blend
    voices", "Kilns fire clay"; not "Kilns can ...", nor "Clay bodies differ in how
    much they shrink", which compares them): after a plural noun the word is the verb,
    not a noun going on the name?

    >>> _plural_does(" blend several voices together."), _plural_does(" can be slow.")
    (True, False)
    >>> _plural_does(" levels rise."), _plural_does(" differ in size.")
    (False, False)
    """
    found = PLAIN_VERB_AFTER.match(rest)
    if not found:
        return False
    word = found.group(1)
    readings = lemmas(word)
    if "AUX" in readings or word not in readings.get("VERB", ()):
        return False
    following = rest[found.end() :].split(maxsplit=1)
    return bool(following) and following[0].lower().strip(",.") not in _NO_OBJECT


#: What follows a word that English has as a plural noun and as a verb when it is the
#: verb: an object that opens with a determiner ("pH measures the concentration ...").
_OBJECT_AFTER = re.compile(
    r"\s+(?:a|an|the|how|what|whether|which|each|every|its|their|one|two)\b", re.IGNORECASE
)


def _says_what_it_does(rest: str) -> bool:
    """Does ``rest``, what follows the name at the opening of a sentence, go on with a
    verb in the present tense that English has only as a verb ("compares", "carries",
    "explains"; not "levels", "rates", which may be a plural noun going on the name)?
    What the concept does characterises it when the card is about it.

    A word that is also a plural noun counts as the verb when an object opening with a
    determiner follows it ("measures the concentration", not "levels rise").

    >>> _says_what_it_does(" carries water up the stem."), _says_what_it_does(" levels rise.")
    (True, False)
    >>> _says_what_it_does(" measures the acidity of a solution.")
    True
    """
    found = VERB_AFTER.match(rest)
    if not found:
        return False
    readings = lemmas(found.group(1))
    if "VERB" not in readings:
        return False
    return "NOUN" not in readings or bool(_OBJECT_AFTER.match(rest, found.end()))


_ASKS_WHAT = re.compile(
    r"^(?:what\s+(?:is|are)\s+(?:meant|understood)\s+by\b"
    r"|what\s+do(?:es)?\s+(?:you|we|one)\s+(?:mean|understand)\s+by\b"
    r"|(?:(?:give|state|write)\s+)?(?:the\s+|a\s+)?definition\s+of\b"
    r"|what\s+(?:is|are|was|were)\b"
    r"|what\s+do(?:es)?\b(?=.+\b(?:mean|stand\s+for|refer\s+to|denote)\b)"
    r"|(?:\w+ly\s+)?(?:define|explain|describe|outline)\b)"
    r"[\s:]*(?:(?:a|an|the)\s+)?(?:(?:term|word|phrase)\s+)?",
    re.IGNORECASE,
)
#: A title that names its subject and then the instruction: "Osmosis -- define",
#: "Hash table: definition".
_ASKS_WHAT_AFTER = re.compile(
    r"(?:\s*[:–—]|\s+-+)\s*(?:define|definition|describe|explain)\W*$", re.IGNORECASE
)
#: Words after "What are" that ask for a few of a kind ("What are some RNN
#: architectures?"), not what the name after them is.
_ASKS_FOR_SOME = frozenset("some several few".split())
#: Words after an instruction that make it ask something else than what its subject is:
#: "Explain why ice floats", "Describe how a heap grows".
_ASKS_HOW = frozenset("why how when where whether which who".split())


def asks_something_else(title: str) -> bool:
    """Does a card's title ask something else than what its subject is, so that its
    answer is no definition unless it opens by saying what the subject is?

    >>> asks_something_else("Examples of minerals in granite")
    True
    >>> asks_something_else("How can you tune a guitar?")
    True
    >>> asks_something_else("What are the types of RNN?")
    True
    >>> asks_something_else("What is the purpose of the forget gate?")
    False
    >>> asks_something_else("What is dropout?"), asks_something_else("Dropout")
    (False, False)
    >>> asks_something_else("Class"), asks_something_else("Set theory")
    (False, False)
    >>> asks_something_else("Osmosis vs. diffusion")
    True
    >>> asks_something_else("What does a kiln fire?"), asks_something_else("What does DNA mean?")
    (True, False)
    >>> asks_something_else("What is the problem with glaciers?")
    True
    >>> asks_something_else("What is the intuition behind erosion?")
    True
    >>> asks_something_else("What are some glacier landforms?")
    True
    """
    if CONTRAST_CUE.search(title) or VERSUS.search(title):  # what tells two things apart
        return True
    rest, asked_what = _ASKS_WHAT.subn("", title.strip(), count=1)
    rest, asked_after = _ASKS_WHAT_AFTER.subn("", rest, count=1)
    words = re.findall(r"[^\W\d_][\w'-]*", rest.lower())
    if not words:
        return False
    if not asked_what and not asked_after and words[0] in OTHER_QUESTIONS:
        return True
    if words[:2] in (["what", "does"], ["what", "do"], ["what", "did"]):
        # "What does a volcano erupt?" asks what it does to something, not what it is;
        # "What does a kiln do?" asks what it does, which its answer says
        return not asks_what_it_does(title)
    if asked_what and words[0] in _ASKS_HOW:
        return True  # "Explain why ice floats": an instruction that asks how or why
    if asked_what and words[0] in _ASKS_FOR_SOME:
        return True  # "What are some glacier landforms?": examples, not what a glacier is
    at = 1 if words[0] in {"main", "key", "different", "various", "two", "three"} else 0
    framed = words[at : at + 2]  # "examples of": a framing noun that frames something
    if len(framed) == 2 and framed[0] in WITH_FRAMES and framed[1] == "with":
        return True  # "What is the problem with deep wells?": what is wrong with them
    return (
        len(framed) == 2
        and framed[0] in FRAMING_NOUNS
        and framed[0] not in SELF_FRAMES
        and framed[1] in {"of", "in", "for", "to", "on", "with", "between", "behind"}
    )


def asks_what_it_is(title: str) -> bool:
    """Does a card's title ask what its subject is ("What is osmosis?", "Define
    osmosis", "Explain osmosis"), not something else about it?

    >>> asks_what_it_is("What is osmosis?"), asks_what_it_is("Define a buffer")
    (True, True)
    >>> asks_what_it_is("What are the types of buffers?"), asks_what_it_is("Osmosis")
    (False, False)
    """
    text = title.strip()
    asked = _ASKS_WHAT.match(text) or _ASKS_WHAT_AFTER.search(text)
    return bool(asked) and not asks_something_else(title)


#: A title that asks what its subject does or is for ("What is the function of the
#: spleen?", "What does a load balancer do?", "What is a thermostat used for?").
_ASKS_WHAT_IT_DOES = re.compile(
    r"^(?:what\s+(?:is|are)\s+(?:the\s+)?(?:main\s+)?(?:function|purpose|role|job|use)s?\s+of\b"
    r"|(?:the\s+)?(?:function|purpose|role)s?\s+of\b"
    r"|what\s+(?:does|do)\b.+\bdo\b|what\s+(?:is|are)\b.+\bused\s+(?:for|to)\b)",
    re.IGNORECASE,
)


def asks_what_it_does(title: str) -> bool:
    """Does a card's title ask what its subject does or is for, so that an answer
    opening with a plain verb ("Filter old cells out of the blood") says what the
    subject does rather than tell the reader what to do?

    >>> asks_what_it_does("What is the function of the spleen?")
    True
    >>> asks_what_it_does("What does a load balancer do?"), asks_what_it_does("Describe titration")
    (True, False)
    """
    return bool(_ASKS_WHAT_IT_DOES.match(title.strip()))


#: Where a title's second question begins: "What is X, and how does it ...?".
_SECOND_QUESTION = re.compile(
    r",?\s+and\s+(?=(?:how|why|what|when|where|which|who|does|do|is|are|can|its|their)\b)",
    re.IGNORECASE,
)


def asks_what_first(title: str, names: Sequence[str]) -> bool:
    """Does a title of two questions ask first what the concept of ``names`` is ("What
    is a kiln, and how does it differ from an oven?": the answer opens by saying what a
    kiln is; the oven is not what it defines)?

    >>> asks_what_first("What is a kiln, and how does it differ from an oven?", ["kiln"])
    True
    >>> asks_what_first("What is a kiln, and how does it differ from an oven?", ["oven"])
    False
    >>> asks_what_first("What is the difference between a kiln and an oven?", ["kiln"])
    False
    """
    parts = _SECOND_QUESTION.split(title.strip(), maxsplit=1)
    if len(parts) < 2 or not asks_what_it_is(parts[0]):
        return False
    found = title_concept(parts[0])
    if found is None:
        return False
    wanted = {concept_id(n.split()).lower() for n in names if n.strip()}
    return any(concept_id(w.split()).lower() in wanted for w in (found.name, found.acronym) if w)


def names_whole_title(card: Card, names: Sequence[str]) -> bool:
    """Is the concept of ``names`` what the card's whole title names ("Hash tables"
    names "hash table", not "table"; "Hashing with linear probing" names
    neither of its two parts)?

    >>> card = Card("n#1", "n.txt", "qa-list", (1, 2), "Hash Tables", "Map keys to slots.")
    >>> names_whole_title(card, ["hash table"]), names_whole_title(card, ["table"])
    (True, False)
    >>> names_whole_title(Card("n#2", "n.txt", "tsv", (2, 3), "Sutton v. Hoyle", "A case."),
    ...                   ["sutton v hoyle"])
    True

    A bracket closing the title is no part of the name it gives ("Kiln (ceramics)").

    >>> names_whole_title(Card("n#3", "n.tsv", "tsv", (1, 1), "Kiln (ceramics)", "An oven."),
    ...                   ["kiln"])
    True
    >>> names_whole_title(Card("n#4", "n.tsv", "tsv", (1, 1), "Gay–Lussac law", "P ~ T."),
    ...                   ["gay-lussac law"])
    True
    """
    found = title_concept(card.title, term=True)
    if found is None:
        return False
    wanted = {_compared(n) for n in names if n.strip()}
    whole = {found.name, found.acronym} - {""}
    if bracketed := bracketed_label(card.title):
        whole.add(bracketed[0])  # "Oxidation (org chem)": a remark after the name
    return any(_compared(w) in wanted for w in whole)


#: A dash joining two words as a hyphen does ("Gay–Lussac"): a typed en dash.
_JOINING_DASH = re.compile(r"(?<=\w)–(?=\w)")


def _compared(name: str) -> str:
    """A name as :func:`names_whole_title` compares it: no stop (a name keeps no
    abbreviation's stop: "Sutton v. Hoyle" names "sutton v hoyle") and a dash between
    two words read as the hyphen a name keeps ("Gay–Lussac law" names "gay-lussac law").

    >>> _compared("Gay–Lussac Laws"), _compared("Sutton v. Hoyle")
    ('gay-lussac law', 'sutton v hoyle')
    """
    plain = _JOINING_DASH.sub("-", name.replace(".", ""))
    return concept_id(plain.split()).lower()


def _card_definition(card: Card, role: str, names: Sequence[str]) -> str:
    """The answer of a card about a concept; under a heading, under a title that asks
    something else ("Examples of X", "How is X trained?"), or for a concept that is only
    part of what the title names ("layer" of "Pooling layers"), only when its first
    sentence says what the concept is ("Dropout is a ...")."""
    if hides_answer(card):
        return _cloze_statement(card.title, names)
    item_lines = frozenset(card.body.count("\n", 0, item.start) for item in card.items)
    text = definition_text(card.body, names=names, item_lines=item_lines)
    if role in {"term", "question"} and asks_what_first(card.title, names):
        return text  # "What is X, and how does it differ from Y?": the answer opens on X
    if (
        role == "heading"
        or (role in {"term", "question"} and asks_something_else(card.title))
        or (role == "term" and not names_whole_title(card, names))
    ):
        first = _SENTENCE_END.split(text, maxsplit=1)[0] if text else ""
        if first and defines(first, names):
            return text
        if role == "heading":
            if opens_with_gloss(card, first):
                return text  # "## Moraine" / "A ridge of debris left by a glacier."
            if first and names_statement(card.title, names) and states(first):
                return text  # "### Zeroth law" / "If A is in equilibrium with B, ..."
            return _opening_definition(card.body, names)
        if VERSUS.search(card.title):  # "Sheet vs fork lightning" / "sheet = ...; fork = ..."
            return side_clause(card.body, names, card.title) or side_sentence(
                card.body, names, card.title
            )
        return ""
    return text


def names_statement(title: str, names: Sequence[str]) -> bool:
    """Does a heading name one of ``names`` whose head (the last word before any "of")
    names a statement (:data:`STATEMENT_HEADS`: "First law of motion", "Zeroth law")?
    Its section opens by stating it.

    >>> names_statement("First law of motion", ["first law of motion"])
    True
    >>> names_statement("Law of demand", ["law of demand"]), names_statement("Kilns", ["kiln"])
    (True, False)
    >>> names_statement("Laws of motion", ["law of motion"]), names_statement("Law", ["law"])
    (False, False)
    """
    if not any(_compared(name) == _compared(title) for name in names):
        return False
    before, of, _ = title.lower().partition(" of ")
    head = before.split()
    # the head as written: "Laws of motion" heads a section on several
    return bool(head) and (len(head) > 1 or bool(of)) and head[-1] in STATEMENT_HEADS


def states(sentence: str) -> bool:
    """Is ``sentence`` a statement of four words or more, no question?

    >>> states("Energy is conserved in a closed system."), states("Why is energy conserved?")
    (True, False)
    """
    return len(sentence.split()) >= 4 and not sentence.rstrip().endswith("?")


def opens_with_gloss(card: Card, first: str) -> bool:
    """Does ``first``, the first sentence of the heading card ``card``'s text, gloss the
    heading (:func:`reads_as_gloss`)? One opening with "A" or "An" anywhere; one opening
    with "The" or no article only in a glossary entry (:func:`_lone`).

    >>> card = Card("n#1", "n.md", "markdown", (1, 2), "Moraine", "A ridge of debris.")
    >>> opens_with_gloss(card, "A ridge of debris.")
    True
    """
    return (
        bool(first) and reads_as_gloss(first) and (first.split()[0] in {"A", "An"} or _lone(card))
    )


def glossed_heading(card: Card, names: Sequence[str]) -> bool:
    """Is ``card`` a heading card that names the concept of ``names`` as its whole title
    and whose text opens with a gloss of it ("## Inflation" / "A general rise in prices
    over time.": :func:`opens_with_gloss`), or is one short paragraph describing it
    without its subject ("## Buffer" / "Resists changes in pH.":
    :func:`described_by_paragraph`)? The definition stage takes that text as the
    concept's definition.

    >>> card = Card("n#1", "n.md", "markdown", (1, 2), "Inflation", "A general rise in prices.",
    ...             title_kind="heading")
    >>> glossed_heading(card, ["inflation"]), glossed_heading(card, ["price"])
    (True, False)
    """
    if card.title_kind != "heading" or not names_whole_title(card, names):
        return False
    item_lines = frozenset(card.body.count("\n", 0, item.start) for item in card.items)
    text = definition_text(card.body, names=names, item_lines=item_lines)
    first = _SENTENCE_END.split(text, maxsplit=1)[0] if text else ""
    if opens_with_gloss(card, first):
        return True
    return not card.items and _lone(card) and bool(_subjectless(text, names))


#: Most sentences of a heading card's text read as a glossary entry.
GLOSSARY_SENTENCES = 2


def _lone(card: Card) -> bool:
    """Is ``card``'s text a glossary entry, one paragraph of at most
    :data:`GLOSSARY_SENTENCES` sentences? A gloss that opens with "The" or no article is
    taken only there: a section of prose opens with statements so made ("The previous
    section ...")."""
    body = card.body.strip()
    return "\n\n" not in body and len(_SENTENCE_END.split(body)) <= GLOSSARY_SENTENCES


def hides_answer(card: Card) -> bool:
    """Is ``card`` a cloze whose title hides a deletion ("The {{c1::median}} is the
    middle value ...")? Its title is the statement; its answer only adds to it.

    >>> from extraction.records import Emphasis
    >>> hides_answer(Card("c", "d.csv", "csv", (1, 1), "A delta is a landform", "",
    ...     title_kind="cloze", emphasis=(Emphasis("title", 2, 7, "cloze"),)))
    True
    >>> hides_answer(Card("c", "d.csv", "csv", (1, 1), "ATP stands for", "adenosine ...",
    ...     title_kind="cloze"))
    False
    """
    return card.title_kind == "cloze" and any(
        e.part == "title" and e.style == "cloze" for e in card.emphasis
    )


#: A name's label at the opening of a statement: "Delta: where a river ...".
_LABEL_AFTER = re.compile(r"^(?:e?s)?\s*(?:\([^()]{1,60}\))?\s*[:=–—-]\s*\S")


def _cloze_statement(title: str, names: Sequence[str]) -> str:
    """The sentence of a cloze card's title, deletions restored, when it says what one
    of ``names`` is ("The delta is where ...", "Delta: where a river meets the sea"),
    else ``""``.

    >>> _cloze_statement("A delta is a landform at a river's mouth. It grows.", ["delta"])
    "A delta is a landform at a river's mouth."
    >>> _cloze_statement("Delta (pl. deltas): a landform at a river's mouth", ["delta"])
    "Delta (pl. deltas): a landform at a river's mouth"
    >>> _cloze_statement("Rivers build a delta at their mouth", ["delta"])
    ''

    A name set in apposition, said by a noun phrase after a comma, is said there too
    ("Rivers build a {{c1::delta}}, a landform of silt at their mouth").

    >>> _cloze_statement("Rivers build a delta, a landform of silt at their mouth", ["delta"])
    'Rivers build a delta, a landform of silt at their mouth'

    So is a name introduced after what it is ("fans of silt called deltas").

    >>> _cloze_statement("Rivers drop fans of silt called deltas at their mouth", ["deltas"])
    'Rivers drop fans of silt called deltas at their mouth'
    """
    first = _SENTENCE_END.split(title.strip(), maxsplit=1)[0]
    if defines(first, names):
        return first
    opening = _LEAD_ARTICLE.sub("", first).lower()
    for name in sorted(names, key=len, reverse=True):
        if name and opening.startswith(name.lower()) and _LABEL_AFTER.match(opening[len(name) :]):
            return first
        if name and re.search(rf"\b{re.escape(name)}(?:e?s)?,\s+(?:a|an)\s+\w", first, re.I):
            return first
        introduced = rf"\w\s+{_NAMING_VERB}\s+(?:the\s+)?{re.escape(name)}\b"
        if name and re.search(introduced, first, re.I):
            return first
    return ""


#: Words that introduce a name after the noun phrase that says what it is ("sacs called
#: vacuoles", "a process known as osmosis").
_NAMING_VERB = r"(?:called|termed|named|known\s+as)"


#: Words that open what a gloss says of its noun ("A tool that ...", "A ridge left by ..."):
#: a verb after one of them is the gloss's own, not the sentence's.
_GLOSS_TURNS = frozenset(
    "that which who whom whose where when used for to by in of with after before until "
    "while because".split()
)
#: Words that open a noun phrase as an object does: a past form just before one is the
#: sentence's verb ("The river dropped its silt"), not a participle ("silt dropped by").
_OBJECT_OPENERS = frozenset("the a an its their his her our your this these those".split())
#: Prepositions after a bare noun that go on the noun, opening no clause ("Taxes on
#: imported goods"): a gloss's turn only where no article opened it.
_BARE_GLOSS_TURNS = frozenset("on from about between".split())
#: Subject pronouns opening a relative clause with no "that" after a plural noun
#: ("Routines we perform ...", "Rules you must follow"): the noun is glossed, no subject.
_CONTACT_SUBJECTS = frozenset("we you they".split())
#: Fewest words of a gloss.
GLOSS_WORDS = 4


#: A course's unit and its number opening a line ("Lecture 4", "Week 3:", "Unit II -"):
#: the line says where the notes stand in a course, not what a thing is.
_COURSE_PLACE = re.compile(
    r"(?:lecture|week|chapter|unit|module|session|lesson|class|day|slide|section|part|"
    r"topic|lab|tutorial|seminar|semester)s?\s+(?:\d{1,3}[a-z]?|[IVX]{1,5})\b(?!\s*(?:is|are)\b)",
    re.IGNORECASE,
)


def reads_as_gloss(sentence: str) -> bool:
    """Is ``sentence`` a gloss, a noun phrase that says what something is with no verb of
    its own ("A ridge of debris left by a glacier.", "An instrument that measures
    rain", "The rise of prices over time", "Ridge of debris left by a glacier")? It has
    :data:`GLOSS_WORDS` words or more, asks nothing, and in its first clause (up to a
    semicolon) holds no auxiliary or modal but one opening a relative clause ("A common
    way to X is ...", not "a star that has used up its fuel"); before the
    first word that turns to what the noun does or is for (:data:`_GLOSS_TURNS`) it has
    no verb in the third person ("A glacier moves ..." is a statement about some
    glacier), no plural noun followed by a verb ("The rivers carve ..."), and no past
    form followed by an object ("The river dropped its silt"). With no article, it
    opens with a word that is no plural noun and no verb alone ("Glaciers carve ...",
    "Measure the ...").

    >>> reads_as_gloss("A ridge of rock debris left at the edge of a glacier.")
    True
    >>> reads_as_gloss("An instrument that measures rainfall")
    True
    >>> reads_as_gloss("The rise of prices over time.")
    True
    >>> reads_as_gloss("Ridge of debris left by ice.")
    True
    >>> reads_as_gloss("A glacier carves valleys."), reads_as_gloss("A glacier is slow.")
    (False, False)
    >>> reads_as_gloss("A lot happens here."), reads_as_gloss("The ridge is of debris.")
    (False, False)
    >>> reads_as_gloss("A common way of dating rock is to count its layers.")
    False
    >>> reads_as_gloss("The river dropped its silt on the plain.")
    False
    >>> reads_as_gloss("The rivers carve it.")
    False
    >>> reads_as_gloss("Glaciers carve deep valleys."), reads_as_gloss("Ice moves over the rock.")
    (False, False)

    A line that places the notes in a course ("Lecture 4 - Rivers and deltas", "Week 3:
    glaciers") is no gloss of the heading above it (:data:`_COURSE_PLACE`).

    >>> reads_as_gloss("Lecture 4 - Rivers and the deltas they build")
    False
    """
    if sentence.rstrip().endswith("?") or _COURSE_PLACE.match(sentence.strip()):
        return False
    words = re.findall(r"[\w'’-]+", sentence.split(";", 1)[0])
    if len(words) < GLOSS_WORDS or any(
        word.lower() in _FINITE and not _relative_verb(words, at) for at, word in enumerate(words)
    ):
        return False  # "A key feature of X is that ...": a statement, whatever it opens with
    if words[0] in {"A", "An", "The"}:
        head = 1
    elif not words[0][0].isupper() or not _bare_head(words[0].lower(), words[1].lower()):
        return False
    else:
        head = 0
    turned = False
    for at in range(head, len(words)):
        lower = words[at].lower()
        if lower in _RELATIVE or (lower in _GLOSS_TURNS and head == 1 and words[0] != "The"):
            return True
        turned = turned or lower in _GLOSS_TURNS
        if at > head and _past_verb(words, at - 1) and not _after_participle(lower):
            return False  # "The river dropped its silt", "GPT-2 showed promise"
        if at > head and _plural_noun(words[at - 1].lower()) and _base_verb(lower):
            return False  # "The rivers carve ..."
        if _third_person(words, at, head, turned):
            return False  # "The glacier moves ..."
    return True


def _third_person(words: Sequence[str], at: int, head: int, turned: bool) -> bool:
    """Is ``words[at]`` a verb in the third person of a gloss read from ``head`` (an
    "-s" word not where a noun goes, a verb only, or a verb before a preposition has
    ``turned`` the gloss to what its noun is made of or for)?"""
    lower = words[at].lower()
    if not lower.endswith("s") or lower.endswith("ss") or _noun_place(words, at):
        return False
    return only_verb(lower) or (_verb_form(lower) and at != head and not turned)


def _noun_place(words: Sequence[str], at: int) -> bool:
    """Does ``words[at]`` follow a preposition, a determiner or an adjective, where a
    noun goes ("layers" in "from layers of silt", "beats" in "on weak beats")?

    >>> _noun_place("Rock formed from layers of silt".split(), 3)
    True
    >>> _noun_place("Ice moves over it".split(), 1)
    False
    """
    if at == 0:
        return False
    before = words[at - 1].lower()
    return before in _PREPOSITIONS or before in _DETERMINERS or only_adjective(before)


#: Words that open a relative clause: an auxiliary just after one is the clause's own.
_RELATIVE = frozenset("that which who whose where when".split())
#: Most words from a word opening a relative clause to the clause's auxiliary.
RELATIVE_WORDS = 2


def _relative_verb(words: Sequence[str], at: int) -> bool:
    """Is ``words[at]`` one of the first :data:`RELATIVE_WORDS` words of a relative clause
    ("a star that has used up", "sediment that is then compacted")? Further on, it is
    the sentence's own ("The model that we trained is large").

    >>> words = "A star that has used up its fuel".split()
    >>> _relative_verb(words, 3), _relative_verb("A way of dating is this".split(), 4)
    (True, False)
    >>> _relative_verb("The model that we trained is large".split(), 5)
    False
    """
    return any(w.lower() in _RELATIVE for w in words[max(0, at - RELATIVE_WORDS) : at])


#: Words that may follow a participle in a gloss ("debris left behind", "clay fired and
#: glazed", "salt washed out").
_PARTICLE = frozenset("and or up out down off away back together behind apart".split())


def _past_verb(words: Sequence[str], at: int) -> bool:
    """Is ``words[at]`` a past form of a verb where a verb may go: not after a determiner
    or a preposition ("a named country", "of weathered rock"), not "red"?

    >>> _past_verb("The river dropped its silt".split(), 2)
    True
    >>> _past_verb("Ban on a named country".split(), 3), _past_verb("A red giant".split(), 1)
    (False, False)
    """
    word = words[at].lower()
    if not word.endswith("ed") or not any(v != word for v in lemmas(word).get("VERB", ())):
        return False
    before = words[at - 1].lower() if at else ""
    return before not in _DETERMINERS and before not in _PREPOSITIONS


def _after_participle(word: str) -> bool:
    """May ``word`` follow a participle in a gloss ("placed on", "compacted and"), where
    after a past tense an object goes ("dropped its silt", "showed promise")?

    >>> _after_participle("on"), _after_participle("slowly"), _after_participle("its")
    (True, True, False)
    """
    return word in _PREPOSITIONS or word in _GLOSS_TURNS or word in _PARTICLE or word.endswith("ly")


def _bare_head(word: str, after: str) -> bool:
    """May ``word``, followed by ``after``, open a gloss with no article ("Ridge of",
    "Sinking of", "Accents placed on")? Not a plural noun before a verb ("Glaciers
    carve"), a word read only as a verb ("Measure the ..."), a function word ("When"), nor
    a word English does not read as a noun or an adjective ("Let's").

    >>> _bare_head("ridge", "of"), _bare_head("sinking", "of"), _bare_head("accents", "placed")
    (True, True, True)
    >>> _bare_head("glaciers", "carve"), _bare_head("measure", "the"), _bare_head("when", "a")
    (False, False, False)
    >>> _bare_head("let's", "begin"), _bare_head("look", "up")
    (False, False)
    >>> _bare_head("taxes", "on"), _bare_head("routines", "we"), _bare_head("glaciers", "we")
    (True, True, True)
    """
    found = lemmas(word)
    gerund = word.endswith("ing") and after == "of"  # "Sinking of ..."
    if word in STOP_WORDS or not (found.get("NOUN") or found.get("ADJ") or gerund):
        return False  # "When starting ...", "Let's ...": no noun to gloss
    if after in _GLOSS_TURNS or after in _BARE_GLOSS_TURNS:
        return True
    if after in _CONTACT_SUBJECTS and _plural_noun(word):
        return True  # "Routines we perform without thinking": a relative clause's subject
    if _plural_noun(word):
        return after.endswith("ed") and after not in _OBJECT_OPENERS
    if word in found.get("VERB", ()) and after in _PARTICLE:
        return False  # "Look up the ...": an instruction
    return not only_verb(word) and after not in _OBJECT_OPENERS


def _plural_noun(word: str) -> bool:
    """Is ``word`` a plural noun ("rivers", not "river" nor "series"), or a word English
    does not know ending as one ("autoencoders")?

    >>> _plural_noun("rivers"), _plural_noun("series"), _plural_noun("autoencoders")
    (True, False, True)
    """
    if not word.endswith("s") or word.endswith(("ss", "us", "is")) or not word.isalpha():
        return False
    found = lemmas(word)
    return not found or any(noun != word for noun in found.get("NOUN", ()))


def _base_verb(word: str) -> bool:
    """Can ``word`` be a verb as it stands ("carve", "rise"), and is no function word
    ("over")?"""
    return word not in STOP_WORDS and plain_verb(word)


def _verb_form(word: str) -> bool:
    """Is ``word`` an "-s" form of a verb (its verb reading is not the word itself)?"""
    return any(verb != word for verb in lemmas(word).get("VERB", ()))


#: Sentences of a section's opening paragraph looked at for one that defines its subject.
OPENING_SENTENCES = 4


def _opening_definition(body: str, names: Sequence[str]) -> str:
    """The sentence of a section's opening paragraph that says what the subject of its
    heading is, when the paragraph leads in with something else ("Why sing
    together? Choirs blend many voices ..."), or ``""``.

    >>> _opening_definition("Why one? Kilns fire clay at high heat.\\nMore.", ["kiln"])
    'Kilns fire clay at high heat.'
    >>> _opening_definition("Why one?\\n\\nKilns fire clay.", ["kiln"])
    ''
    """
    paragraph = re.split(r"\n\s*\n", body.strip(), maxsplit=1)[0]
    lines = [_BULLET.sub("", line).strip() for line in paragraph.splitlines()]
    if any(_BULLET.match(line) for line in paragraph.splitlines()):
        return ""  # a list: its items say other things than what the subject is
    sentences = _SENTENCE_END.split(" ".join(line for line in lines if line))
    for sentence in sentences[1:OPENING_SENTENCES]:
        if defines(sentence, names) and not passing_mention(sentence, names):
            return sentence
    return ""


def unknown_word(word: str) -> bool:
    """Is ``word`` no word of English (``lemminflect`` has no reading of it: a given
    name, a family name)?

    >>> unknown_word("Pasteur"), unknown_word("Integrated"), unknown_word("pH")
    (True, False, False)
    """
    return word.isalpha() and len(word) > 2 and not lemmas(word.lower())


#: Punctuation a name's form may carry at its edges from the text around it.
_EDGE_PUNCTUATION = " ,;:.!?\"'“”‘’"


def alias_of(form: str) -> str:
    """An alias as a key spells it: each word in lower case but an acronym ("ATP synthase",
    not "atp synthase" beside it), no punctuation at the edges.

    >>> alias_of("ATP Synthase"), alias_of(", Osmotic pressure"), alias_of("DNA")
    ('ATP synthase', 'osmotic pressure', 'DNA')
    """
    words = form.strip(_EDGE_PUNCTUATION).split()
    return " ".join(w if is_acronym(w) else w.lower() for w in words)


def _spells(acronym: str, cand: Candidate) -> bool:
    """Does ``cand`` spell ``acronym`` out: its initials ("gross domestic product"), or
    a long form the notes state beside it ("Global Positioning System (GPS)"-like pairs,
    the letters in order, the first starting the long form: Schwartz–Hearst)?"""
    if initials_match(acronym, cand.key):
        return True
    return bool(cand.roles.get("abbreviation")) and any(
        best_long_form(acronym, f) == f for f in (cand.key, *cand.forms)
    )


def _acronym_names(
    cands: Sequence[Candidate], acronyms: Sequence[str], bare: dict[str, Candidate]
) -> list[Candidate]:
    """The names of a group that set an acronym before a word of their own ("SA node",
    "AV node"; not a generic head: "RAM cell" is the RAM) when the notes use that
    name at least as often as the acronym alone: the acronym is then short for the name,
    and no name of the concept on its own."""
    found = []
    for acronym in acronyms:
        alone = bare.get(singular_acronym(acronym))
        uses_alone = max(0, alone.count - alone.roles.get("nested", 0)) if alone else 0
        for c in cands:
            words = c.words
            if (
                len(words) > 1
                and singular_acronym(words[0]) == singular_acronym(acronym)
                and words[-1].lower() not in GENERIC_HEADS | EVENT_HEADS
                and c.count >= max(1, uses_alone)
            ):
                found.append(c)
    return found


def lists_kinds(cand: Candidate) -> bool:
    """Is a name of two words or more written with a plural of ``KIND_HEADS`` last
    ("Hive types", "rock varieties")? A heading or question so written lists kinds of
    the name before that word, and singles out that name, not a "hive type".

    >>> from collections import Counter
    >>> lists_kinds(Candidate("hive type", forms=Counter({"Hive types": 1})))
    True
    >>> lists_kinds(Candidate("blood type", forms=Counter({"blood type": 2})))
    False
    """
    return len(cand.words) > 1 and any(
        len(form.split()) == len(cand.words) and form.split()[-1].lower() in KIND_HEADS
        for form in cand.forms
    )


def _lone_adjective(cand: Candidate, group: Sequence[Candidate]) -> bool:
    """Is ``cand`` one word English reads only as an adjective ("isothermal"), in a group
    that also holds a longer name with it ("isothermal process")? The adjective stands
    for that name; the name is the concept's."""
    return (
        len(cand.words) == 1
        and _adjective_word(cand.words[0])
        and any(len(c.words) > 1 and cand.key in c.key.split() for c in group)
    )


#: Endings of an adjective the dictionary does not know ("isothermal", "adiabatic").
_ADJECTIVE_ENDINGS = ("al", "ic", "ous", "ive")


def _adjective_word(word: str) -> bool:
    """Does English read ``word`` only as an adjective: the dictionary says so, or it
    does not know the word and the word ends as adjectives do?

    >>> [_adjective_word(w) for w in ["volcanic", "isothermal", "adiabatic", "signal", "Athens"]]
    [True, True, True, False, False]
    """
    if only_adjective(word):
        return True
    lower = word.lower()
    return word.islower() and not lemmas(lower) and lower.endswith(_ADJECTIVE_ENDINGS)


def _initials_of_another(cand: Candidate, cands: Sequence[Candidate]) -> bool:
    """Is ``cand`` one word written in lower case that spells the initials of another
    name of its group ("ldf" of "linear discriminant function")? A short form in lower
    case is no acronym to :func:`~extraction.names.is_acronym`, so it would win as the
    shorter name: the long form names the concept.

    >>> from extraction.concepts.candidates import Candidate
    >>> a, b = Candidate("ldf"), Candidate("linear discriminant function")
    >>> _initials_of_another(a, [a, b]), _initials_of_another(b, [a, b])
    (True, False)
    """
    key = cand.key
    return (
        " " not in key
        and key.islower()
        and any(" " in c.key and initials_match(key, c.key) for c in cands if c is not cand)
    )


def object_last(cand: Candidate) -> bool:
    """Does the name end in the object of a preposition inside it ("kiln firing with wood
    ashes": a word of :data:`~extraction.concepts.words.NAME_PREPOSITIONS` between its
    first and last words), so that its last word is no head the id's singular is about?

    >>> object_last(Candidate("glazing with ash")), object_last(Candidate("pest control by bird"))
    (True, True)
    >>> object_last(Candidate("wood ash glaze")), object_last(Candidate("with ash"))
    (False, False)
    """
    return any(w.lower() in NAME_PREPOSITIONS for w in cand.words[1:-1])


def name_concept(cands: Sequence[Candidate]) -> Concept:
    """The :class:`Concept` of a merged group: id, label, aliases, mentions, cards, first
    appearance and definition (importance and topic are set later)."""
    forms: Counter[str] = Counter()
    for c in cands:
        forms.update(c.forms)
    acronyms = sorted({f for f in forms if " " not in f and is_acronym(f)})
    expansions = [c for c in cands if " " in c.key or not is_acronym(c.key)]
    main = max(  # a lone adjective ("isothermal") names no thing while a noun does
        expansions or cands,
        key=lambda c: (
            not _lone_adjective(c, cands),
            not _initials_of_another(c, cands),
            len(c.subject_of) > 0,
            c.count,
            opens_title(c),
            any(n for role, n in c.roles.items() if role != "gloss"),
            -len(c.key),
        ),
    )
    spelled = [c for c in expansions if any(_spells(a, c) for a in acronyms)]
    bare = {c.key: c for c in cands}
    headed = _acronym_names(cands, acronyms, bare)
    short_name = ""
    titled = [  # a name the notes single out that is no form of a spelled-out acronym
        c
        for c in expansions
        if c.subject_of and not any(c.key in s.key or s.key in c.key for s in spelled)
    ]
    if spelled and titled and not any(c.subject_of for c in spelled):
        # "## Heart attack" / "... also called myocardial infarction (MI)": the name the
        # notes single out names it; the spelled-out acronym is another name of it
        main = max(titled, key=lambda c: (len(c.subject_of), c.count, c.key))
        acronyms = []
    elif spelled:  # the acronym's expansion names the concept: "gross domestic product"
        main = max(spelled, key=lambda c: (c.count, len(c.key)))
    elif headed:  # "ELISA test", "sinoatrial node" (the notes never use "SA" alone)
        named = max(headed, key=lambda c: (len(c.subject_of) > 0, c.count, c.key))
        short_name = alias_of(max(named.forms, key=lambda f: (named.forms[f], f)))
        acronym = named.words[0]
        rest = named.words[1:]
        spelled_head = [
            c
            for c in expansions
            if len(c.words) > len(rest)
            and [w.lower() for w in c.words[-len(rest) :]] == [w.lower() for w in rest]
            and initials_match(acronym, " ".join(c.words[: -len(rest)]))
        ]
        if spelled_head:
            main = max(spelled_head, key=lambda c: (len(c.subject_of) > 0, c.count, c.key))
        else:
            main, short_name = named, ""
    elif acronyms and (short_form := bare.get(singular_acronym(acronyms[0]))):
        main = short_form  # "GRU", not "GRU cell"
    elif (
        len(main.words) > 1
        and (main.words[-1].lower() in GENERIC_HEADS | EVENT_HEADS or lists_kinds(main))
        and (short := bare.get(" ".join(main.words[:-1])))
        and (short.subject_of or not main.subject_of or lists_kinds(main))
    ):
        # "transformer", not "transformer model"; but the name the notes single out
        # (a term, a heading, a question's subject) when the bare name is only used:
        # "hash function" over "hash"; a heading "Hive types" singles out hives
        main = short
    main = bare.get(concept_id(main.key.split()), main)  # the singular when the group has it
    # the most used spelling of the key keeps its capitals ("Gross Domestic Product")
    singular_forms = [f for f in forms if concept_id(f.split()).lower() == main.key.lower()]
    label_form = max(singular_forms, key=lambda f: (forms[f], f[:1].isupper()), default="")
    keeps_case = label_form and any(
        is_acronym(w) or w[1:] != w[1:].lower() or _CODE_NAME.fullmatch(w)
        for w in label_form.split()
    )
    # and so does a one-word name the notes always capitalise, as they write it
    # ("Athens", "Windows": no plural of "athen" or "window"), or a longer one with a
    # word English does not know ("Louis Pasteur"; not a term set in Title Case)
    written = [f for f in forms if f.lower() == main.key.lower()]
    if (
        not keeps_case
        and written
        and (" " not in main.key or any(unknown_word(w) for w in main.words))
        and always_capitalised(main)
    ):
        label_form, keeps_case = max(written, key=forms.__getitem__), True
    label = label_form if keeps_case else main.key
    if not keeps_case and (own := {w.lower(): w for w in own_capitals(cands)}):
        # a word with capitals of its own keeps them ("Hooke's law", "type I error")
        label = " ".join(own.get(w.lower(), w) for w in label.split())
    # (the key of a heading in capitals may keep its plural: "VITAL SIGNS" beside "Vital
    # signs", each form compared in the singular)
    plain_key = concept_id(main.key.lower().split()).lower()
    if shouted(main.words) and (
        plain := [
            f
            for f in forms
            if not in_capitals(f.split()) and concept_id(f.split()).lower() == plain_key
        ]
    ):
        # "SEED DORMANCY", a heading typed in capitals, that the notes also write in
        # ordinary case: the capitals are the writer's, and the label is the words'
        label = concept_id(max(plain, key=lambda f: (forms[f], f)).split())
    if not keeps_case and label_form and object_last(main):
        # "erosion control with grasses": the id puts the last word in the singular,
        # but after a preposition it is no head: the label keeps it as the notes write it
        last = label_form.split()[-1]
        *before, now = label.split()
        if now.lower() != last.lower():
            label = " ".join([*before, last if is_acronym(last) else last.lower()])
    if is_acronym(label):
        label = singular_acronym(label)
    short = short_name or (singular_acronym(acronyms[0]) if acronyms else "")
    if short and short != main.key and short not in label:
        label = f"{label} ({short})"
    aliases = sorted(
        {alias_of(f) for f in forms} | {c.key for c in cands} - {main.key, main.key.lower()},
        key=lambda a: (a.lower(), a),
    )
    aliases = [a for a in aliases if a and a not in {main.key, main.key.lower()}]
    concept = Concept(id=main.key, label=label, aliases=aliases)
    concept.mentions = sum(c.count for c in cands)
    subject_cards = [card for c in cands for card in c.subject_of]
    concept.cards = sorted({card.id for card in subject_cards})
    first = min(cands, key=lambda c: c.first)
    if first.mentions:
        concept.first_seen = (first.mentions[0].source, first.mentions[0].line)
    for card in subject_cards:
        if card.section:
            concept.topic = card.section[-1]
            break
    concept.definition, concept.definition_evidence = best_definition(cands)
    return concept


def opens_title(cand: Candidate) -> bool:
    """Is one of ``cand``'s forms the name before the bracket closing the title of a
    card about it? Of two names a term's title gives, the one before the bracket is the
    author's ("Shoreline (coastline)"), the other a second name (as is one only ever
    glossed in brackets)."""
    named = [parts[0].lower() for card in cand.subject_of if (parts := bracketed_label(card.title))]
    return any(form.lower() == name for name in named for form in cand.forms)


def best_definition(cands: Sequence[Candidate]) -> tuple[str, Evidence | None]:
    """The best definition the notes give a group, with its evidence; ``("", None)``
    when they give none."""
    options: list[tuple[int, tuple[str, int], str, Evidence]] = []
    names = sorted({n for c in cands for n in (c.key, *c.forms)})
    doings: set[str] = set()  # answers to "What does X do?": a verb there says what X does
    for c in cands:
        for card in c.subject_of:
            role = _subject_role(c, card)
            text = _card_definition(card, role, names)
            if text:
                line = card.title_line if hides_answer(card) else card.line_of_text(text)
                evidence = Evidence(card.source, line, text)
                rank = DEFINITION_RANK.get(role, 3)
                if asks_something_else(card.title) and asks_what_first(card.title, names):
                    rank = SECOND_QUESTION_RANK  # its answer may go on to the second
                options.append((rank, (card.source, card.lines[0]), text, evidence))
                if asks_what_it_does(card.title):
                    doings.add(text)
        for role, evidence in c.definitions:
            text = evidence.text.strip()
            if text:
                whole = definition_text(text, names=names) or text
                if role in _RUNNING_TEXT_ROLES:
                    whole = _still_about_it(whole, names)
                else:
                    whole = _until_another_defined(whole, names)
                if (
                    passing_mention(whole, names, role)
                    or plural_means(whole, names)
                    or (role in _RUNNING_TEXT_ROLES and forward_reference(whole, names))
                    or (role == "label" and about_another_name(whole, names))
                ):
                    continue
                rank = DEFINITION_RANK.get(role, 3)
                if says_how_it_is_handled(whole):  # any other definition goes first
                    rank = DEFINITION_RANK["heading"]
                options.append(
                    (
                        rank,
                        (evidence.source, evidence.line),
                        whole,
                        Evidence(evidence.source, evidence.line, whole),
                    )
                )
    options = [
        o
        for o in options
        if says_more(o[2], names)
        and (o[2] in doings or not instructs(o[2], names))
        and not reads_as_heading(o[2], names)
    ]
    if not options:
        found = (
            sentence_definition(cands, names)
            or bullet_description(cands)
            or described_statement(cands, names)
        )
        if found is None:
            return "", None
        return framed_description(cands, found), found
    _, _, text, evidence = min(options, key=lambda o: (unfinished(o[2]), o[0], o[1]))
    # the same sentence, given whole with what follows it by a card about the concept
    # ("### Kilns" / "A kiln is an oven ... It is a ..."): the fuller
    fuller = [
        o[2]
        for o in options
        if o[3].source == evidence.source and len(o[2]) > len(text) and o[2].startswith(text)
    ]
    if fuller and not unfinished(text):
        longer = _still_about_it(max(fuller, key=len), names)
        if len(longer) > len(text):
            text, evidence = longer, Evidence(evidence.source, evidence.line, longer)
    if unfinished(text):  # the notes' sentence goes on in a formula or a figure
        text = _UNFINISHED_TAIL.sub("", text.rstrip(". ")).rstrip() + " …"
        evidence = Evidence(evidence.source, evidence.line, text)
    return text, evidence


#: Past participles that say what is done about a thing, not what it is: "prevented
#: by ...", "treated with ...".
HANDLING_PARTICIPLES = frozenset(
    """
    prevented avoided solved resolved fixed treated cured handled detected mitigated
    addressed overcome managed remedied corrected eliminated tackled countered
    """.split()
)
_HANDLED = re.compile(
    r"^\W*(?:(?:can|may|must)\s+be\s+|is\s+|are\s+)?(\w+)\s+(?:by|with|through|via)\b",
    re.IGNORECASE,
)


def says_how_it_is_handled(text: str) -> bool:
    """Does a definition open by saying how its subject is prevented, treated or solved
    ("Scurvy: prevented by eating citrus fruit"), which says what is done about it, not
    what it is?

    >>> says_how_it_is_handled("prevented by eating citrus fruit.")
    True
    >>> says_how_it_is_handled("Can be treated with antibiotics.")
    True
    >>> says_how_it_is_handled("caused by a lack of vitamin C.")
    False
    >>> says_how_it_is_handled("a disease caused by a lack of vitamin C, prevented by fruit.")
    False
    """
    opening = _HANDLED.match(text)
    return opening is not None and opening.group(1).lower() in HANDLING_PARTICIPLES


#: An opening clause set off by a comma before the subject ("By learning the data, ...").
_LEAD_CLAUSE = re.compile(r"^[^,:;.]{1,60},\s+")
#: A subject that is a short form, maybe with capitalised words after it ("the DNS",
#: "KL Divergence"), then a word in lower case (maybe its verb: "can", "measures").
_SHORT_FORM_SUBJECT = re.compile(r"^((?:the\s+)?\S+(?:\s+[A-Z][\w-]*){0,2})\s+([a-z]+)")
#: Auxiliaries and modals that open a predicate after any subject.
_AUXILIARIES = frozenset(
    "is are was were does do did has have can could may might will would should must".split()
)


def _verb_after(subject: str, word: str) -> bool:
    """Can ``word`` be the verb of ``subject``: an auxiliary, a verb in "-s" after a
    singular, a word that is not a stop word after a plural ("GANs learn"; not "GDP
    lower than", a description with no verb)?

    >>> _verb_after("DNS", "keeps"), _verb_after("GANs", "learn"), _verb_after("GDP", "lower")
    (True, True, False)
    """
    if word in _AUXILIARIES:
        return True
    if subject.endswith("s") and subject[-2:-1].isupper():
        return word not in STOP_WORDS
    return word.endswith("s") and not word.endswith("ss")


def about_another_name(text: str, names: Sequence[str]) -> bool:
    """Does the text of a label line ("Caching: the DNS keeps answers ...") have a
    short form of another concept as its subject, after at most an opening clause? It
    says what that other concept does or is (a use or property of it, the label naming
    the use), not what the label is.

    >>> about_another_name("The DNS keeps answers for an hour.", ["caching"])
    True
    >>> about_another_name("By hashing the keys, SQL can skip rows.", ["skip scan"])
    True
    >>> about_another_name("GDP lower than a year before.", ["recession"])
    False
    >>> about_another_name("RNNs can forget early inputs.", ["recurrent neural network"])
    False
    >>> about_another_name("Plants turn light into sugar.", ["photosynthesis"])
    False
    >>> about_another_name("a cache of DNS answers kept for an hour.", ["caching"])
    False
    >>> about_another_name("HTTP: the protocol of the web.", ["HTTP"])
    False
    >>> about_another_name("Caching: DNS keeps answers.", ["caching"])
    True
    """
    first = _SENTENCE_END.split(text.strip(), maxsplit=1)[0]
    label, colon, rest = first.partition(":")
    if colon and rest.strip() and _only_names(label, names):
        first = rest.strip()  # "Caching: DNS servers keep ...": what follows its own label
    first = _LEAD_CLAUSE.sub("", first, count=1)
    subject = _SHORT_FORM_SUBJECT.match(first)
    if subject is None:
        return False
    words = subject.group(1).split()
    short = words[1] if words[0].lower() == "the" and len(words) > 1 else words[0]
    short = short.strip(_EDGE_PUNCTUATION)
    if not is_acronym(short) or not _verb_after(words[-1], subject.group(2)):
        return False
    lowered = {n.lower() for n in names}
    if subject.group(1).lower() in lowered or short.lower() in lowered:
        return False
    bare = singular_acronym(short) if short.endswith("s") else short
    return not any(
        n.lower() in {bare.lower(), short.lower()}
        or initials_match(bare, n)
        or initials_match(short, n)
        for n in names
    )


#: Most items of a heading's list read as the description of what the heading names.
DESCRIPTION_ITEMS = 3


def described_by_items(card: Card) -> str:
    """What the list under a heading says of the heading's subject: its first items
    (at most :data:`DESCRIPTION_ITEMS`, at most :data:`DEFINITION_CHARS`), joined by
    "; ", when the card's body is that list and at most one item opens with a label of
    its own (a list of "Term: ..." lines is a glossary of other terms); else ``""``.

    >>> from extraction.records import ListItem
    >>> def card(body):
    ...     starts = [0] + [i + 1 for i, c in enumerate(body) if c == "\\n"]
    ...     items = tuple(ListItem(o, body.find("\\n", o) % (len(body) + 1)) for o in starts)
    ...     return Card("n#1", "n.md", "markdown", (1, 4), "Proofing", body, items=items)
    >>> described_by_items(card("two stages: dough rises, then bakes\\nneeds warm air\\nyeast "
    ...                         "makes gas\\nshape it first"))
    'two stages: dough rises, then bakes; needs warm air; yeast makes gas'
    >>> described_by_items(card("Yeast: a fungus\\nFlour: ground grain"))
    ''
    """
    top = [card.body[i.start : i.end].strip() for i in card.items if i.depth == 0]
    lines = [line.strip() for line in card.body.splitlines() if line.strip()]
    if not top or len(top) != len(lines):
        return ""  # prose beside the list, or a nested list: not the list alone
    if sum(label_of(t) is not None for t in top) > 1:
        return ""
    text = ""
    for item in top[:DESCRIPTION_ITEMS]:
        joined = f"{_without_stop(text)}; {item}" if text else item
        if len(joined) > DEFINITION_CHARS:
            break
        text = joined
    return text


def _without_stop(text: str) -> str:
    """``text`` without the one full stop closing it, before "; " joins the next item
    to it (an ellipsis or an abbreviation's stop stays).

    >>> _without_stop("Needs warm air."), _without_stop("Rises slowly...")
    ('Needs warm air', 'Rises slowly...')
    >>> _without_stop("Salt, flour etc."), _without_stop("Needs warm air")
    ('Salt, flour etc.', 'Needs warm air')
    """
    last = text.rsplit(maxsplit=1)[-1] if text.strip() else ""
    if not text.endswith(".") or text.endswith("..") or last.lower() in _ABBREVIATION_STOPS:
        return text
    if last.lower() in {"etc.", "al."}:
        return text
    return text[:-1]


def bullet_description(cands: Sequence[Candidate]) -> Evidence | None:
    """The list under a heading that names a group (:func:`described_by_items`), or the
    one short paragraph under it (:func:`described_by_paragraph`), when nothing else the
    notes say defines it ("### Sourdough" over "- leavened by wild yeast", "- slow to
    rise"; "## Entropy" over "Measures disorder."): the notes describe it by them."""
    names = sorted({n for c in cands for n in (c.key, *c.forms)}, key=len, reverse=True)
    for c in cands:
        for card in c.subject_of:
            if _subject_role(c, card) != "heading":
                continue
            if CONTRAST_CUE.search(card.title) or VERSUS.search(card.title):
                # "Sleet vs. hail" over a list: each side is described by its own item
                if own := own_item(card, names):
                    return Evidence(card.source, card.line_of_text(own), own)
            elif text := described_by_items(card):
                return Evidence(card.source, card.line_of_text(text.split("; ")[0]), text)
            elif text := described_by_paragraph(card, names):
                return Evidence(card.source, card.line_of_text(text), text)
    return None


#: Words opening a clause that stands for a term when it has no main clause after it
#: ("When a function calls itself ...", "What you give up ...").
_STANDING_CLAUSE = frozenset({"when", "whenever", "where", "what"})
#: Words that open an object and cannot follow a plural noun as its subject: after a
#: word in -s English has as a verb they make it the verb ("Measures how acidic ...",
#: "Stores the energy ...").
_OBJECT_OPENINGS = frozenset(
    "the a an how what whether which its their his her it them each every all".split()
)


def elliptic_gloss(sentence: str) -> bool:
    """Is ``sentence`` what a student writes under a term without its subject: a
    predicate opening with a word English has only as a verb, in the third person
    ("Divides one cell into two.", "Occurs when ...") or with one English has as a verb
    and an object's first word ("Measures how acidic ..."), or a clause opening with "when",
    "where" or "what" and no main clause after a comma ("When a function calls itself
    on a smaller input.", "What you give up by choosing.")? A statement with a subject of
    its own ("Embargoes hurt both sides.", "When rates rise, prices fall.") is none.

    >>> elliptic_gloss("Divides one cell into two."), elliptic_gloss("When a loop calls itself.")
    (True, True)
    >>> elliptic_gloss("Embargoes hurt trade."), elliptic_gloss("When rates rise, prices fall.")
    (False, False)
    >>> elliptic_gloss("Measures how acidic it is."), elliptic_gloss("Measures vary.")
    (True, False)
    """
    words = re.findall(r"[^\W\d_][\w'’-]*", sentence)
    if not words or not words[0][0].isupper() or sentence.rstrip().endswith("?"):
        return False
    first = words[0].lower()
    if first in _STANDING_CLAUSE:
        return len(words) >= 3 and "," not in sentence
    if not first.endswith("s"):
        return False
    return only_verb(first) or (
        len(words) > 1 and words[1].lower() in _OBJECT_OPENINGS and "VERB" in lemmas(first)
    )


def described_by_paragraph(card: Card, names: Sequence[str]) -> str:
    """What the one short paragraph under a heading says of what the heading names, when
    the heading is that name, the paragraph a glossary entry (:func:`_lone`: at most
    :data:`GLOSSARY_SENTENCES` sentences, no list) and its first sentence the term's
    description written without its subject (:func:`elliptic_gloss`: "Describes how
    ...", "When a function calls itself on a smaller input.") that says something of its
    own (:func:`says_more`); else "".

    >>> def card(title, body):
    ...     return Card("n#1", "n.md", "markdown", (1, 2), title, body, title_kind="heading")
    >>> described_by_paragraph(card("Mitosis", "Divides one cell into two. It has 4 stages."),
    ...                        ["mitosis"])
    'Divides one cell into two. It has 4 stages.'
    >>> described_by_paragraph(card("Erosion", "Storms strip beaches of sand."), ["erosion"])
    ''
    """
    if card.title_kind != "heading" or card.items or not _lone(card):
        return ""
    if not names_whole_title(card, names):
        return ""
    return _subjectless(definition_text(card.body, names=names), names)


def _subjectless(text: str, names: Sequence[str]) -> str:
    """``text`` when its first sentence describes a term without its subject
    (:func:`elliptic_gloss`) and says something of its own (:func:`says_more`), else ""."""
    first = _SENTENCE_END.split(text, maxsplit=1)[0] if text else ""
    return text if first and elliptic_gloss(first) and says_more(text, names) else ""


def framed_description(cands: Sequence[Candidate], found: Evidence) -> str:
    """The text that describes a group by ``found``: the list under a heading that
    frames its name ("Problems with glaze", "Uses of kilns") is what the notes say of
    it, not what it is, and says so by its heading ("Uses of kilns: firing clay;
    drying wood"); any other evidence as it is."""
    for c in cands:
        for card in c.subject_of:
            if (
                card.source == found.source
                and card.lines[0] < found.line <= card.lines[1]
                and _subject_role(c, card) == "heading"
                and asks_something_else(card.title)
                and not (CONTRAST_CUE.search(card.title) or VERSUS.search(card.title))
            ):
                return f"{card.title.strip()}: {found.text}"
    return found.text


def own_item(card: Card, names: Sequence[str]) -> str:
    """The first top-level item of ``card``'s list that opens with one of ``names`` (as
    its subject, a label or before an equals sign), or ``""``.

    >>> from extraction.records import ListItem
    >>> body = "sleet = rain that freezes as it falls\\nhail: balls of ice from storm clouds"
    >>> items = (ListItem(0, 37), ListItem(38, len(body)))
    >>> card = Card("n#1", "n.md", "markdown", (1, 3), "Sleet vs hail", body, items=items)
    >>> own_item(card, ["hail"]), own_item(card, ["snow"])
    ('hail: balls of ice from storm clouds', '')
    """
    for item in card.items:
        if item.depth:
            continue
        text = card.body[item.start : item.end].strip()
        lowered = text.lower()
        for name in names:
            if lowered.startswith(name.lower()) and re.match(
                r"\s*(?:[:=–—-]|\s(?:is|are|means)\b)", lowered[len(name) :]
            ):
                return text
    return ""


def sentence_definition(cands: Sequence[Candidate], names: Sequence[str]) -> Evidence | None:
    """The first sentence naming a group that says what it is, when nothing the notes
    single out defines it: a sentence (or a clause after a semicolon) that opens with
    it and says what it is ("The queen is the only fertile female ..."), an apposition
    after its name ("glaze thickness, which is the depth of glass on a pot ...", "Rust,
    a language that ..."), or "we define X as ..."; for a name the notes stress, also a
    sentence that opens with it and says what it does (:func:`stressed_statement`). What
    its sentences do with it otherwise is no definition (but see
    :func:`described_statement`)."""
    mentions = sorted((e for c in cands for e in c.mentions), key=lambda e: (e.source, e.line))
    stressed = any(c.roles.get("emphasis") for c in cands)
    found = _first_defining(mentions, names, stressed)
    if found is None:  # what it is used for, when no sentence says what it is
        found = _first_defining(mentions, names, stressed, use=True)
    return found


def described_statement(cands: Sequence[Candidate], names: Sequence[str]) -> Evidence | None:
    """For a name a sentence of running text sets apart as the whole subject of what it
    does (role ``described``: "Blanching stops the enzymes ...",
    :func:`~extraction.concepts.candidates.described`), the first sentence that opens
    with it and says what it does, as for a stressed name: the last resort, after the
    items of a heading's list (:func:`bullet_description`), which say more of it."""
    if not any(c.roles.get("described") for c in cands):
        return None
    mentions = sorted(
        (e for c in cands for e in c.mentions if not _bound(e.text)),
        key=lambda e: (e.source, e.line),
    )
    return _first_defining(mentions, names, stressed=True)


def _bound(sentence: str) -> bool:
    """Does ``sentence`` open with "the" or a word that points or owns ("The model
    undergoes training ..."): about the notes' own thing, not the kind in general?

    >>> _bound("The model learns from data."), _bound("A model learns from data.")
    (True, False)
    """
    words = sentence.split(maxsplit=1)
    return bool(words) and words[0].lower() in _BINDING


def _first_defining(
    mentions: Sequence[Evidence], names: Sequence[str], stressed: bool, use: bool = False
) -> Evidence | None:
    """The first of ``mentions`` that says what the concept of ``names`` is, or with
    ``use`` what it is used for (:func:`says_what_it_is_for`)."""
    seen: set[str] = set()
    for evidence in mentions:
        if evidence.text in seen:
            continue
        seen.add(evidence.text)
        if use:
            text = evidence.text if says_what_it_is_for(evidence.text, names) else ""
        else:
            text = defining_sentence(evidence.text, names)
        if not text and not use and stressed and stressed_statement(evidence.text, names):
            text = evidence.text  # "An **espresso machine** forces hot water through ..."
        if not text and not use and stressed:
            # "A latte ..., while a **flat white** holds less foam": the clause of the
            # sentence (up to a semicolon) that sets the two apart
            text = next(
                (c.strip() for c in evidence.text.split(";") if contrasted_statement(c, names)),
                "",
            )
        if not text and not use and stressed:
            text = stressed_complement(evidence.text, names)  # "... is the **crust**."
        if text and forward_reference(text, names):
            continue
        # no test of an order: an apposition says what the name is whatever the mood of
        # the clause around it ("Maximise the albedo, which is the share of light ...")
        if (
            text
            and says_more(text, names)
            and not reads_as_heading(text, names)
            and not unfinished(text)
        ):
            return Evidence(evidence.source, evidence.line, text)
    return None


#: How a sentence that says what its subject is for goes on: "X is used to ...", "X are
#: mainly used for ...", "X is used as ...".
_USED_FOR = re.compile(
    r"^\s*(?:is|are)\s+(?:\w+ly\s+|often\s+|also\s+)?used\s+(?:to|for|as|in)\b", re.IGNORECASE
)


def says_what_it_is_for(sentence: str, names: Sequence[str]) -> bool:
    """Does ``sentence`` open with the concept's name (an article aside) and say what it
    is used for ("Mordants are used to fix a dye to the fibre")? Read
    only when no sentence says what the concept is: its use is what a student learns
    of it then.

    >>> says_what_it_is_for("A halyard is used to raise a sail.", ["halyard"])
    True
    >>> says_what_it_is_for("Halyards are often used for flags.", ["halyard"])
    True
    >>> says_what_it_is_for("If a halyard is used to raise a sail, tie it.", ["halyard"])
    False
    >>> says_what_it_is_for("The sail is used to catch wind.", ["halyard"])
    False
    """
    if _bound_opening(sentence, names) or _inside_condition(sentence):
        return False
    text = _LEAD_ARTICLE.sub("", sentence)
    lowered = text.lower()
    for name in sorted(names, key=len, reverse=True):
        n = name.lower()
        plural = re.match(r"(?:e?s)?(?![\w-])", lowered[len(n) :]) if n else None
        if n and lowered.startswith(n) and plural:
            rest = _GLOSS.sub("", text[len(n) + plural.end() :], count=1)
            return bool(_USED_FOR.match(rest)) and not passing_mention(sentence, names)
    return False


#: Words that open no subject a stressed complement is said of ("It is the **crust**").
_BARE_SUBJECTS = frozenset("it this that these those which there he she they we you".split())


def stressed_complement(sentence: str, names: Sequence[str]) -> str:
    """``sentence``, when a clause of it (up to a semicolon) says what a name the notes
    stress is by a subject of its own, the name closing the clause after "is"/"are"
    ("The outermost layer of the Earth is the **crust**"), or when it sets the name in
    apposition to a subject it then says something of ("Its outer layer, the **crust**,
    is thin"); else ``""``. A pronoun alone says nothing of it ("It is the crust").

    >>> stressed_complement("The rocky outer layer of the Earth is the crust.", ["crust"])
    'The rocky outer layer of the Earth is the crust.'
    >>> stressed_complement("The mantle flows; everything above it is the crust.", ["crust"])
    'The mantle flows; everything above it is the crust.'
    >>> stressed_complement("Its outer layer, the crust, is thin and cold.", ["crust"])
    'Its outer layer, the crust, is thin and cold.'
    >>> stressed_complement("It is the crust.", ["crust"]), stressed_complement(
    ...     "We studied the crust.", ["crust"])
    ('', '')
    >>> stressed_complement("A plate moves; the layer under it is its mantle.", ["mantle"])
    'A plate moves; the layer under it is its mantle.'
    >>> stressed_complement("Plate: a slab, its edges are the faults.", ["fault"])
    ''
    """
    for name in sorted((n for n in names if n), key=len, reverse=True):
        n = re.escape(name)
        apposed = rf"^\S+(?:\s+\S+)*?,\s+(?:the|an?)\s+{n}(?:e?s)?,\s+(?:is|are|was|were)\s+\w"
        if re.search(apposed, sentence, re.IGNORECASE):
            return sentence
        for clause in re.split(r"(?<=;)\s+", sentence):
            found = re.match(
                rf"^\s*([^:]+?)\s+(?:is|are)\s+(?:(?:the|an?|its|their)\s+)?{n}(?:e?s)?\s*[.!]?\s*$",
                clause,
                re.IGNORECASE,
            )
            subject = found.group(1).split() if found else []
            if len(subject) >= 2 and subject[0].lower() not in _BARE_SUBJECTS:
                return sentence  # the clause before may be what its subject is set against
    return ""


#: Where a sentence sets a second clause against its first: ", while ...", ", whereas ...".
_CONTRAST_CLAUSE = re.compile(r",\s+(?:while|whereas)\s+", re.IGNORECASE)


def contrasted_statement(sentence: str, names: Sequence[str]) -> bool:
    """Does a clause ``sentence`` sets against its first (after ", while" or ",
    whereas") open with the name and say what it does (:func:`stressed_statement`)? The
    whole sentence then tells the name apart from what the first clause says ("Espresso
    is pressed fast, while a **cold brew** steeps for hours").

    >>> contrasted_statement("A latte is milky, while a flat white holds less foam.",
    ...                      ["flat white"])
    True
    >>> contrasted_statement("A flat white holds less foam, while a latte is milky.",
    ...                      ["flat white"])
    False
    """
    parts = _CONTRAST_CLAUSE.split(sentence, maxsplit=1)
    return len(parts) == 2 and stressed_statement(parts[1], names)


def stressed_statement(sentence: str, names: Sequence[str]) -> bool:
    """Does ``sentence`` open with a name the notes stress (only an article before it)
    and go on with a verb in the present tense, no auxiliary, that says what it does ("An
    **espresso machine** forces hot water through ground coffee")? The stress marks
    where the name ends, so a word after it that English has as a verb is the verb even
    where the tagger reads a plural noun ("forces"); a finite verb right after that word
    shows it was a noun after all ("Machine forces can vary").

    >>> stressed_statement("An espresso machine forces hot water through coffee.",
    ...                    ["espresso machine"])
    True
    >>> stressed_statement("Espresso machine forces can vary.", ["espresso machine"])
    False
    >>> stressed_statement("Baristas clean the espresso machine daily.", ["espresso machine"])
    False

    A bracket after the name that glosses it is no part of the clause:

    >>> stressed_statement("A tamper (or press) packs the coffee grounds.", ["tamper"])
    True
    """
    text = _LEAD_ARTICLE.sub("", sentence)
    lowered = text.lower()
    for name in sorted(names, key=len, reverse=True):
        n = name.lower()
        if not n or not lowered.startswith(n):
            continue
        rest = re.sub(r"^(?:e?s)?(?![\w-])", "", text[len(n) :])
        rest = _GLOSS.sub("", rest, count=1)  # "The **press** (or printing press) sets ..."
        found = VERB_AFTER.match(rest)
        if not found or rest[:1] != " ":
            return False
        readings = lemmas(found.group(1))
        following = rest[found.end() :].split()[:2]
        return (
            "VERB" in readings
            and "AUX" not in readings
            and not any(w.lower().strip(",.") in _FINITE for w in following)
        )
    return False


#: How a sentence that says what its subject is goes on, said in running text (no
#: verb of doing: "Colonies swarm in spring" characterises, it does not define; "X is
#: called Y" names Y; "Tide heights should differ": a plural noun, no verb). The past
#: tense says what a thing of the past was ("The Corn Laws were tariffs ..." reads as
#: "were the tariffs"; "The Grand Tour was a journey ...", "The Hanse was Lübeck's
#: league of towns"), and a condition or event is
#: said by when it comes about ("A drought occurs when rain ...").
_SAYS_WHAT_IT_IS = re.compile(
    r"^\s*(?:is|are|was|were)\s+(?:a|an|the|one|any|when|where|how|what)\b"
    r"|^\s*(?:is|are|was|were)\s+(?-i:[A-Z])[\w-]*['’]s\s+[a-z]"
    r"|^\s*(?:occurs?|happens?|arises?)\s+when\b|^\s*(?:refers?|relates?) to\b"
    r"|^\s*(?:means|denotes)\s+(?:that|a|an|the|to|any|one|when|how|what|\w+ing)\b"
    r"|^\s*(?:is|are|was|were)\s+(?:\w+ly\s+)?defined\s+as\b"
    r"|^\s*(?:is|are)\s+(?:\w+ly\s+)?(?:built|made|composed|comprised)\s+(?:of|from|on)\b"
    r"|^\s*consists?\s+of\b",
    re.IGNORECASE,
)
#: After a name, an apposition that says what it is: ", which is the ...", ", a tool
#: that ...", ", a method used ..." (not a list going on, "X, a Y and a Z", nor a clause
#: of its own, "..., a stone of the arch would be ...", "..., a worker picked grapes").
_APPOSITION = re.compile(
    r"^\s*,\s*(?:which\s+(?:is|are)\s+(?:\w+ly\s+|now\s+|also\s+|still\s+)?"
    r"(?:a|an|the|one)\s"
    r"|(?:a|an)\s+(?:[^\W\d_][\w-]*\s+){1,3}?(?:that|which|who|whose|where"
    r"|[a-z]+ed\s+(?:by|in|for|to|with|from|on|as|at)))\b"
    # set apart by a dash, and a purpose said by "to": "the Grand Tour — a journey to
    # finish a young man's education", "crop rotation – a way to rest the soil"
    r"|^\s*[—–]\s*(?:a|an)\s+(?:[^\W\d_][\w-]*\s+){1,3}?(?:that|which|who|whose"
    r"|where|to\s+[a-z]+|[a-z]+ed\s+(?:by|in|for|to|with|from|on|as|at))\b",
    re.IGNORECASE,
)
#: "We define X as ...": the name comes right after "define", its meaning after "as".
_DEFINE_AS = re.compile(r"\bdefines?\s+(?:(?:a|an|the)\s+)?$", re.IGNORECASE)


def defining_sentence(sentence: str, names: Sequence[str]) -> str:
    """The part of ``sentence`` (itself, or a clause of it after a semicolon) that says
    what the concept of ``names`` is, or ``""``. See :func:`sentence_definition`.

    >>> defining_sentence("The keystone pin is the only pin that locks it.", ["keystone pin"])
    'The keystone pin is the only pin that locks it.'
    >>> defining_sentence("A box holds brood; supers are the boxes above it.", ["super"])
    'supers are the boxes above it.'
    >>> defining_sentence("Depth matters more than tread depth, which is the groove's height.",
    ...                   ["tread depth"])
    "Depth matters more than tread depth, which is the groove's height."
    >>> defining_sentence("Queens are rare, and colonies swarm in spring.", ["colony"])
    ''
    >>> defining_sentence("The key feature of a fjord is that the sea fills it.", ["fjord"])
    'The key feature of a fjord is that the sea fills it.'

    A formula the reader dropped leaves its preposition ("A coset of $H$ is ..."):

    >>> defining_sentence("A coset of is a shifted copy of a subgroup.", ["coset"])
    'A coset of is a shifted copy of a subgroup.'

    So does a symbol written after the name ("The sample median M(X) is ..."):

    >>> defining_sentence("The sample median M(X) is the middle value.", ["sample median"])
    'The sample median M(X) is the middle value.'
    """
    clauses = [c.strip() for c in sentence.split(";")]
    for i, clause in enumerate(clauses):
        if _MAIN_FEATURE.match(clause) and defines(clause, names):
            return sentence if i == 0 else clause  # "The main feature of X is that ..."
        if _bound_opening(clause, names):
            continue
        text = owner_dropped(_LEAD_ARTICLE.sub("", clause), names)
        lowered = text.lower()
        for name in sorted(names, key=len, reverse=True):
            n = name.lower()
            plural = re.match(r"(?:e?s)?(?![\w-])", lowered[len(n) :])
            if n and lowered.startswith(n) and plural:
                rest = _GLOSS.sub("", text[len(n) + plural.end() :], count=1)
                rest = _OBJECT_DROPPED.sub("", rest, count=1)
                rest = _SYMBOL_AFTER.sub("", rest, count=1)
                if _SAYS_WHAT_IT_IS.match(rest) and not passing_mention(
                    owner_dropped(clause, names), names
                ):
                    return sentence if i == 0 else clause
                break
    if _inside_condition(sentence):
        return ""
    lowered = sentence.lower()
    for name in sorted(names, key=len, reverse=True):
        n = name.lower()
        for found in re.finditer(rf"(?<![\w-]){re.escape(n)}(?:e?s)?(?![\w-])", lowered):
            before, after = sentence[: found.start()], sentence[found.end() :]
            if before.count("(") > before.count(")"):
                continue  # "(also called X)": a name for what stands before the bracket
            if _APPOSITION.match(after) and _whole_name(before):
                return sentence
            if _DEFINE_AS.search(before) and re.search(r"\bas\b", after) and before.strip():
                return sentence  # "We can define mean ... as ..."
    return ""


#: Words before a one-word name that bind it to what the notes speak of ("The output
#: is a sorted list" under merge sort, "Its output ...", "This plate ...").
_BINDING = frozenset("the this that these those its their his her our your".split())


def _bound_opening(clause: str, names: Sequence[str]) -> bool:
    """Does ``clause`` open with a one-word name after "the" or a word that points or
    owns, so that it may say what the word is *here* rather than in general (the
    candidate stage reads such subjects with their card: :func:`bound_subject`)?

    >>> _bound_opening("The output is a sorted list.", ["output"])
    True
    >>> _bound_opening("The cell membrane is a layer.", ["cell membrane"]), _bound_opening(
    ...     "Osmosis is how water moves.", ["osmosis"])
    (False, False)
    """
    words = clause.split(maxsplit=2)
    if len(words) < 2 or words[0].lower() not in _BINDING:
        return False
    one_word = [n.lower() for n in names if n.strip() and " " not in n.strip()]
    second = words[1].lower().strip(",;:")
    return any(second in {n, n + "s", n + "es"} for n in one_word)


def _inside_condition(sentence: str) -> bool:
    """Does ``sentence`` open with a clause of condition or reason ("If ...,")?"""
    first = sentence.strip().split(" ", 1)[0].lower().strip(",")
    return first in _SUBORDINATE


def _whole_name(before: str) -> bool:
    """Is what stands right before a name no word that makes it part of a longer name:
    the opening, punctuation, a stop word, or a word English reads as something else
    than a noun and that is no name in -ing and not capitalised ("spread mortar, a paste
    ...", "a different kiln shelf, which is ..."; not "river delta, which is ..." for
    "delta", "glaze thickness, which is ..." for "thickness", "Raku firing, which
    is ..." for "firing")?

    >>> _whole_name("Sailors watch the "), _whole_name("Builders spread ")
    (True, True)
    >>> _whole_name("It is a river "), _whole_name("than glazing "), _whole_name("to Wedgwood ")
    (False, False, False)
    >>> _whole_name("They toured Venice's ")
    True
    """
    words = re.findall(r"[^\W\d_][\w'-]*|[^\w\s]", before)
    if not words or not words[-1][0].isalpha():
        return True
    last = words[-1]
    if last.lower() in STOP_WORDS or re.search(r"['’]s$", last):
        return True  # an owner stands before the name: "Venice's Arsenal, a shipyard ..."
    readings = lemmas(last.lower())
    if not readings or last[0].isupper():
        return False  # a word English does not know, or a capitalised one: a name's
    return "NOUN" not in readings or not (set(readings) == {"NOUN"} or last.endswith("ing"))


#: Roles whose definition is a sentence of running text: the sentences after it are the
#: notes going on, and belong to the definition only while they speak of the concept.
_RUNNING_TEXT_ROLES = frozenset({"emphasis", "defined", "named"})
#: Words that open a sentence going on about what the sentence before it defined.
_BACK_REFERENCES = frozenset("it its they their them this these such".split())


def _still_about_it(text: str, names: Sequence[str]) -> str:
    """``text`` up to the first sentence after the first that neither opens with one of
    ``names`` nor refers back to it ("It ...", "This ..."): "Nationalism is loyalty to
    one's nation. Slav nationalism threatened the empire." keeps its first sentence.

    >>> _still_about_it("Osmosis moves water. It needs a membrane. Plants wilt.", ["osmosis"])
    'Osmosis moves water. It needs a membrane.'
    >>> _still_about_it("A gate decides. Gates open and shut.", ["gate"])
    'A gate decides. Gates open and shut.'
    >>> _still_about_it("No entry. None may pass. Traffic follows.", ["no entry"])
    'No entry. None may pass.'
    """
    sentences = _SENTENCE_END.split(text.strip())
    wanted = [n.lower() for n in names if n.strip()]
    # a first "sentence" that only names it ("**Mutual exclusion**. Only one ...") heads
    # the one that defines it
    at = 2 if len(sentences) > 1 and sentences[0].strip(" .:").lower() in wanted else 1
    kept = sentences[:at]
    for sentence in sentences[at:]:
        lowered = _LEAD_ARTICLE.sub("", sentence).lower()
        first = lowered.split(" ", 1)[0].strip(",;:")
        if first not in _BACK_REFERENCES and not any(lowered.startswith(n) for n in wanted):
            break
        kept.append(sentence)
    return " ".join(kept)


#: A sentence that opens by saying what its own subject is: "Shale is a rock ...",
#: "Shales are rocks ...".
_OPENS_DEFINING = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?P<subject>[^\W\d_][\w'’-]*(?:\s+[\w'’-]+){0,4}?)"
    r"\s+(?:is\s+(?:a|an|the|any|one)|are\s+(?:the\s+|any\s+)?"
    r"(?!(?:always|also|sometimes|perhaps|thus|less|unless)\b)[^\W\d_]{3,}s)\b",
    re.IGNORECASE,
)


def _until_another_defined(text: str, names: Sequence[str]) -> str:
    """``text`` up to a later sentence that defines another name ("Loam: a crumbly soil.
    Clay is a dense soil ..."): lines the notes run together, each defining its own.

    >>> _until_another_defined("a crumbly soil. Clay is a dense soil.", ["loam"])
    'a crumbly soil.'
    >>> _until_another_defined("soils of sand. Clays are soils of fine grains.", ["loam"])
    'soils of sand.'
    >>> _until_another_defined("soils of sand. Clays are always wet.", ["loam"])
    'soils of sand. Clays are always wet.'
    >>> _until_another_defined("a crumbly soil. It is a good soil.", ["loam"])
    'a crumbly soil. It is a good soil.'
    >>> _until_another_defined("a crumbly soil. Loams are the best.", ["loam"])
    'a crumbly soil. Loams are the best.'
    """
    sentences = _SENTENCE_END.split(text.strip())
    wanted = [n.lower() for n in names if n.strip()]
    for i, sentence in enumerate(sentences[1:], 1):
        m = _OPENS_DEFINING.match(sentence)
        if m is None:
            continue
        subject = m["subject"].lower()
        if subject.split()[0] in _BACK_REFERENCES or any(subject.startswith(n) for n in wanted):
            continue
        return " ".join(sentences[:i])
    return text


#: After a name, the clause that ends its sentence by promising to come back to it
#: (", which we'll look at later", ", which will be covered in the next section"): the
#: sentence only names what the notes define further on.
_FORWARD = re.compile(
    r"^(?:e?s)?(?:\s+(?!(?:is|are|was|were|means)\b)[\w-]+){0,2}\s*,\s*which\s+(?:(?:we|you|I)(?:['’]ll|\s+will|\s+shall"
    r"|\s+are\s+going\s+to)|will\s+be\s+(?:\w+ly\s+)?(?:covered|discussed|explained|described"
    r"|introduced|treated|shown|studied|seen))\b[^,;]*$",
    re.IGNORECASE,
)


def forward_reference(text: str, names: Sequence[str]) -> bool:
    """Does the first sentence of ``text`` only point ahead to the concept of ``names``:
    its name is followed by a last clause that promises to come back to it ("The usual
    fix is known as the Weiss method, which we'll look at later")? Such a sentence
    names it before the notes define it, and defines nothing.

    >>> forward_reference("The usual fix is known as the Weiss method, which we'll see later.",
    ...                   ["weiss method"])
    True
    >>> forward_reference("A crevasse, which we will study later, is a crack.", ["crevasse"])
    False
    >>> forward_reference("A crevasse is ice, which we will study later.", ["crevasse"])
    False
    """
    first = _SENTENCE_END.split(text.strip(), maxsplit=1)[0].rstrip(" .!?")
    lowered = first.lower()
    for name in sorted(names, key=len, reverse=True):
        n = name.lower()
        for found in re.finditer(rf"(?<![\w-]){re.escape(n)}", lowered):
            if _FORWARD.match(first[found.end() :]):
                return True
    return False


#: Words after "means" that make it a plural noun going on the name ("Class means
#: should differ"), not the verb of a definition ("Osmosis means ...").
_AFTER_NOUN_MEANS = frozenset(
    "should can could may might must will would shall are were have had do did differ vary".split()
)


def plural_means(text: str, names: Sequence[str]) -> bool:
    """Does ``text`` open with a name and "means" read as a plural noun ("Group means
    should differ ...": the means of groups), not as the verb that defines the name?

    >>> plural_means("Group means should differ.", ["group"])
    True
    >>> plural_means("Osmosis means the movement of water.", ["osmosis"])
    False
    """
    lowered = _LEAD_ARTICLE.sub("", text).lower()
    for name in sorted(names, key=len, reverse=True):
        n = name.lower()
        if n and lowered.startswith(n):
            after = re.match(r"(?:e?s)?\s+means\s+([a-z]+)", lowered[len(n) :])
            return bool(after) and after.group(1) in _AFTER_NOUN_MEANS
    return False


#: Words that open a clause subordinate to the rest of its sentence: a name inside it is a
#: condition or a reason ("If an enzyme is heated, ..."), not the thing the sentence defines.
_SUBORDINATE = frozenset(
    "if when whenever unless since because although though while whereas once suppose "
    "assume assuming given".split()
)
#: Determiners that make a sentence about one more member of a class ("Another enzyme is
#: lipase" defines lipase, not enzyme).
_ANOTHER = frozenset("another other others further second third next".split())
#: Prepositions after which a name is only the thing something else is about, for or in
#: ("the best test for osmosis").
_PREPOSITIONS = frozenset(
    "of for in on at by with from to about into onto over under within between among "
    "against through across towards toward".split()
)
_DETERMINERS = frozenset(
    "a an the this that these those its their our your his her each every".split()
)
_TOKEN = re.compile(r"[\w'’-]+|[,:;–—]")


def _name_spans(words: Sequence[str], names: Sequence[str]) -> list[int]:
    """Where (word index) one of ``names`` starts in ``words`` (lower case; a plural
    in -s or -es counts)."""
    starts = []
    wanted = [n.lower().split() for n in names if n.strip()]
    for i in range(len(words)):
        for name in wanted:
            part = words[i : i + len(name)]
            if len(part) == len(name) and all(
                w == n or w in {n + "s", n + "es"} for w, n in zip(part, name, strict=True)
            ):
                starts.append(i)
                break
    return starts


def passing_mention(text: str, names: Sequence[str], role: str = "defined") -> bool:
    """Does a sentence found in the notes (not a card's answer) only pass by the concept
    of ``names`` rather than define it? Its first sentence names it inside a clause of
    condition or reason ("If an enzyme is heated, it stops working"), after "another"
    ("Another enzyme is lipase": lipase is defined), or only after a preposition, as
    what something else is for or about ("Boiling is the best test for purity"); a
    sentence read as defining its subject (``role`` "defined") must open with it.

    >>> passing_mention("If an enzyme is heated, it stops working.", ["enzyme"])
    True
    >>> passing_mention("Another enzyme is lipase, which breaks down fats.", ["enzyme"])
    True
    >>> passing_mention("Filtration is the usual first step for sewage.", ["sewage"], "label")
    True
    >>> passing_mention("An enzyme is a protein that speeds up a reaction.", ["enzyme"])
    False
    >>> passing_mention("a protein that speeds up a reaction", ["enzyme"], "label")
    False
    >>> passing_mention("Sewage: Filtration is the first step for sewage.", ["sewage"], "label")
    True
    >>> passing_mention("When rock melts deep down, it is called magma.", ["magma"], "named")
    False
    """
    first = _SENTENCE_END.split(text.strip(), maxsplit=1)[0]
    words = [w.lower() for w in _TOKEN.findall(first)]
    starts = _name_spans(words, names)
    if starts and starts[0] == 0 and role != "defined":
        # a label line ("Osmosis: ..."): what follows the label is what to judge
        label_end = next((i for i, w in enumerate(words) if w in {":", "–", "—"}), None)
        if label_end is not None and label_end <= 6:
            words = words[label_end + 1 :]
            starts = _name_spans(words, names)
            if not starts:
                return False  # "Osmosis: water crossing a membrane"
    if not starts:
        return role == "defined"  # the subject it defines is not what it names
    if words[0] in _SUBORDINATE:
        clause_end = next((i for i, w in enumerate(words) if w == ","), len(words))
        if starts[0] < clause_end:
            return True  # "If an enzyme is heated, ...": a condition, not what it is

    def before(i: int) -> str:
        j = i - 1
        while j >= 0 and words[j] in _DETERMINERS:
            j -= 1
        return words[j] if j >= 0 else ""

    if any(before(i) in _ANOTHER for i in starts):
        return True  # "Another enzyme is lipase": lipase is what it defines
    if role == "defined" and before(starts[0]) != "":
        return True  # a defining sentence whose subject is another name
    return all(before(i) in _PREPOSITIONS for i in starts)


#: Words a finished sentence never ends with.
_DANGLING = (
    "a an the of to in on at by for with from into as than and or but that which is are "
    "was were be has have this these those its their such each every via per if when while "
    "because whereas"
)
_UNFINISHED = re.compile(rf"(?:[,(:;\-–]|\b(?:{'|'.join(_DANGLING.split())}))\s*$", re.I)
_UNFINISHED_TAIL = re.compile(
    rf"(?:\s*(?:[,(:;\-–]|\b(?:{'|'.join(_DANGLING.split())})\b))+\s*$", re.I
)


def unfinished(text: str) -> bool:
    """Does ``text`` stop inside a sentence (a formula or a figure the reader left out)?

    >>> unfinished("natural parameters:,"), unfinished("the variance of X, equal to")
    (True, True)
    >>> unfinished("A gate that decides what to keep.")
    False

    A stop right after a word no sentence ends with, or after a colon or an equals
    sign, closes nothing either: the formula between them was left out ("the kernel
    of.", "stable if.", "the energy needed:."); a word a sentence may leave at its end
    ("the tool it works with.", "what it is.") stays finished.

    >>> unfinished("the null set of."), unfinished("stable if."), unfinished("the work:.")
    (True, True, True)
    >>> unfinished("the tool it works with."), unfinished("what it is.")
    (False, False)
    """
    stripped = text.strip()
    return bool(_UNFINISHED.search(stripped) or _STOP_AFTER_GAP.search(stripped))


#: A stop after a word no sentence ends with, or after a colon or an equals sign: the
#: formula before the stop was left out.
_STOP_AFTER_GAP = re.compile(r"(?:[:=(,]|\b(?:a|an|the|of|if|than|whose|per))\s*\.$", re.I)


#: Words after an opening verb that show it is the subject of a sentence, not an order
#: ("Answer is ...", "Review means ...").
_NOT_AN_ORDER = frozenset("is are was were can may will has have of means".split())


def instructs(text: str, names: Sequence[str] = ()) -> bool:
    """Does ``text`` open with an instruction ("Compute the rate", "Slowly vary the
    temperature", "Define the buffer") rather than say what something is? A sentence of
    its own (a capital) whose first word, after an adverb in -ly, is the plain form of a
    word English has only as a verb, or a study verb; the concept's own name ("Recall
    is ...") is no order, and a gloss in lower case that goes on from the name
    ("Osmosis: move water across a membrane") says what the name does.

    >>> instructs("Slowly vary the temperature and record the rate."), instructs("Define pH")
    (True, True)
    >>> instructs("Catalyses the breakdown of starch."), instructs("A molecule that speeds up ...")
    (False, False)
    >>> instructs("Titration measures the concentration of a solution.", ["titration"])
    False
    >>> instructs("digest fats into fatty acids")
    False
    """
    words = re.findall(r"[^\W\d_][\w'-]*", text)[:3]
    if not words or not words[0][0].isupper():
        return False  # "Osmosis: move water across ...": a gloss that goes on the name
    if words[0].lower().endswith("ly") and len(words) > 1:
        words = words[1:]  # "Systematically vary ..."
    first = words[0].lower()
    if len(words) > 1 and words[1].lower() in _NOT_AN_ORDER:
        return False
    own = {w.lower() for name in names for w in name.split()[:1]}
    if first in own or first.rstrip("s") in own:
        return False
    return plain_verb(first) and (first in INSTRUCTIONS or only_verb(first))


_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")


#: Fewest words of a line that lists with commas and so reads as a statement, not as a
#: heading, even when every long word is capitalised (the names of people and places).
HEADING_MAX_WORDS = 8


def reads_as_heading(text: str, names: Sequence[str] = ()) -> bool:
    """Is ``text`` set like a heading or a run of headings (two words or more, every word
    of four letters or more capitalised, no closing stop): a topic the notes turn to, not
    what the concept is? The name an acronym of the concept spells out is its definition.

    >>> reads_as_heading("Erosion in Coastal Regions"), reads_as_heading("Plate Tectonics")
    (True, True)
    >>> reads_as_heading("Erosion of coasts by waves."), reads_as_heading("Moves Water Across.")
    (False, False)
    >>> reads_as_heading("Adenosine Triphosphate", ["ATP"])
    False
    >>> reads_as_heading("Style of the Baroque c. 1600-1700 in Rome - Bernini, Borromini, Pozzo")
    False
    """
    stripped = text.strip()
    if stripped.endswith((".", "!", "?", ";", ":", "…")):
        return False
    words = _TITLE_WORD.findall(stripped)
    long = [w for w in words if len(w) >= 4]
    if len(words) < 2 or not long or not all(w[0].isupper() for w in long):
        return False
    if len(words) >= HEADING_MAX_WORDS and "," in stripped:
        return False  # a statement that lists proper names ("..., in Rome: Ada, Bo, Cy")
    return not any(is_acronym(n) and initials_match(n, stripped) for n in names)


def says_more(text: str, names: Sequence[str]) -> bool:
    """Does ``text`` say more than the concept's own name (not "natural parameters:,"
    once the formula after the colon is gone, nor "This is known as X": words of
    general English's stop list and naming cues say nothing of their own)?

    >>> says_more("natural parameters:,", ["natural parameter", "natural parameters"])
    False
    >>> says_more("Dropout: drops units at random.", ["dropout"])
    True
    >>> says_more("This is known as the rule of thirds.", ["rule of thirds"])
    False
    >>> says_more("Word2Vec", ["latent semantic analysis"])
    False
    """
    rest = text.lower()
    for name in sorted(names, key=len, reverse=True):
        rest = rest.replace(name.lower(), " ")
    words = re.findall(r"[^\W\d_]{2,}", rest)
    said = [w for w in words if w not in STOP_WORDS and w not in NAMING_CUES]
    # one token alone ("Word2Vec") names something; it says nothing of the concept
    return len(words) >= 2 and bool(said) and len(text.split()) >= 2


def _subject_role(cand: Candidate, card: Card) -> str:
    kind = card.title_kind
    if kind in DEFINITION_RANK:
        return kind
    return (
        "term" if cand.roles["term"] or cand.roles["question"] or cand.roles["cloze"] else "heading"
    )
