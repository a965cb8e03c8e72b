"""Names as strings: acronyms, canonical ids, spelling keys, initials.

Pure string functions with no NLP model behind them, so that the graph's queries and
the command line can match names without importing spaCy or wordfreq.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from functools import lru_cache
from types import MappingProxyType

ACRONYM = re.compile(
    r"^(?=[A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*[A-Z])[A-Za-z][A-Za-z0-9-]{1,9}$"
    # capitals joined by an ampersand: "R&D", "I&O", "M&A"
    r"|^[A-Z]{1,3}&[A-Z]{1,3}$"
)


#: A Roman numeral written with I, V and X only, two letters or more (2 to 39).
_ROMAN_NUMERAL = re.compile(r"(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})")
#: A family name opened by "Mc" or "Mac" ("McCulloch", "MacArthur"): its second capital
#: opens the name the prefix is glued to, it abbreviates nothing.
_PATRONYMIC = re.compile(r"Ma?c[A-Z][a-z]{2,}")


def is_numbering(text: str) -> bool:
    """Is ``text`` a word that numbers or letters a thing after its name: a Roman
    numeral of I, V and X ("Type II", "Phase IV") or a single capital ("Class A",
    "Vitamin C")? Whether it does so in a sentence is the caller's reading of its
    neighbours (a lone "I" is most often the pronoun).

    >>> [is_numbering(w) for w in ("I", "VIII", "A", "IVF", "a", "Ab")]
    [True, True, True, False, False, False]
    """
    return (len(text) == 1 and text.isupper()) or bool(_ROMAN_NUMERAL.fullmatch(text))


@lru_cache(maxsize=1 << 16)
def is_acronym(text: str) -> bool:
    """Two capitals or more in one short word: "LSTM", "GANs", "ReLU", "t-SNE".

    >>> is_acronym("LSTM"), is_acronym("GANs"), is_acronym("Transformer"), is_acronym("I")
    (True, True, False, False)
    >>> is_acronym("t-SNE"), is_acronym("Short-Term")
    (True, False)

    A Roman numeral of I, V and X ("II", "IV", "VI", "XII") numbers a thing ("Article
    VI", "chords I, IV and V"); it abbreviates nothing:

    >>> is_acronym("IV"), is_acronym("VIII"), is_acronym("XL"), is_acronym("IVF")
    (False, False, True, True)

    Nor does a family name opened by "Mc" or "Mac":

    >>> is_acronym("McAdams"), is_acronym("MacLeod"), is_acronym("MCAT"), is_acronym("MaCH")
    (False, False, True, True)

    Capitals joined by an ampersand abbreviate too:

    >>> is_acronym("R&D"), is_acronym("M&A"), is_acronym("r&b"), is_acronym("A&")
    (True, True, False, False)
    """
    if not ACRONYM.match(text) or _ROMAN_NUMERAL.fullmatch(text) or _PATRONYMIC.fullmatch(text):
        return False
    # capitals only at the start of hyphenated words ("Short-Term") make no acronym
    return any(
        sum(c.isupper() for c in part[1:]) or (len(part) > 1 and part.isupper())
        for part in text.split("-")
    )


#: TeX markup a formula's source carries ("x^2", "H_2O", "\frac{a}{b}") and its
#: rendered text does not.
_TEX_MARKUP = re.compile(r"[\^_{}\\\s]")


def doubled_half(word: str) -> str | None:
    """The half of ``word`` when it is one string written twice, TeX markup and spaces
    aside: a formula copied from a page that renders maths, once as rendered text and
    once as source ("v2v^2", "H2OH_2O", "ΔHΔH"). None for any other word.

    >>> doubled_half("v2v^2"), doubled_half("H2OH_2O"), doubled_half("ΔHΔH")
    ('v2', 'H2O', 'ΔH')
    >>> doubled_half("osmosis"), doubled_half("Kk"), doubled_half("x")
    (None, None, None)
    """
    bare = _TEX_MARKUP.sub("", word)
    half = len(bare) // 2
    if half == 0 or len(bare) % 2 or bare[:half] != bare[half:]:
        return None
    return bare[:half]


#: A lower-case letter, alone or with a number ("p", "x1", "y2"): a variable of an
#: example or a formula, not a concept.
VARIABLE = re.compile(r"^[a-z]\d*$")


def singular_acronym(word: str) -> str:
    """An acronym's singular: a lower-case "s" after an acronym that ends in a capital.

    >>> [singular_acronym(w) for w in ["GANs", "rRNAs", "siRNAs", "PhDs", "iOS", "ResNets"]]
    ['GAN', 'rRNA', 'siRNA', 'PhD', 'iOS', 'ResNets']
    """
    stem = word[:-1]
    if not (word.endswith("s") and len(word) > 2 and stem[-1].isupper()):
        return word  # most words: no capitals need counting
    return stem if sum(c.isupper() for c in stem) >= 2 else word


#: British spellings folded to American ones, each an ending or a digraph and what it
#: becomes. Folded one way, a word changes only where a British spelling can be: checked
#: on English's 60,000 commonest words, two English words meet only where a French word
#: ends in "-re" ("timbre", "timber"). A concept's spellings meet; no rule needs a list.
SPELLING_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = (
    # normalisation, optimise, analysed (not "-wise", "otherwise")
    (re.compile(r"(?<=\w{3})(?<!w)([iy])s(ation|ations|e|ed|es|ing|er|ers)$"), r"\1z\2"),
    # colour, behaviour, tumours, favourite (not "four", "hour", "flour")
    (re.compile(r"(?<=\w{3})our(s|ed|ing|ite|ites|able|ful|er|ers|less)?$"), r"or\1"),
    # centre, fibre, litres (a consonant before "re": not "core", "figure", "acre")
    (re.compile(r"(?<=\w{2}[^\Waeiouwy])re(s)?$"), r"er\1"),
    # modelling, labelled, travellers (not "filling", "rolling", "telling")
    (re.compile(r"(?<=\w{2}[aeiou])ll(ing|ed|er|ers|or|ors)$"), r"l\1"),
    # catalogue, analogue (not "vogue", "rogue")
    (re.compile(r"(?<=\w{3})ogue(s)?$"), r"og\1"),
    # haemoglobin, oesophagus, foetus: "ae"/"oe" opening a word or after a consonant,
    # before a consonant (not "being", "aerial"... rather "aerobic" -> "erobic", which
    # meets nothing)
    (re.compile(r"(?:^|(?<=[^\Waeiou]))[ao]e(?=[^\Waeiou]\w\w)"), "e"),
)
#: A possessive's "'s" or a plural's apostrophe ("Newton's law", "students' t-test").
_POSSESSIVE = re.compile(r"(?<=\w)['’]s?$")
_NUMBER_WORDS = {"1": "one", "2": "two", "3": "three", "4": "four", "5": "five"}


#: A capitalised word ending in a vowel and "s" that the dictionary does not know is a
#: name, not a plural: "Versailles", "Ebbinghaus", "Texas", "Paris", "Socrates"; the rules
#: for unknown words would cut its "s" ("Versaille"). A sibilant's "-es" ("Regexes",
#: "Mutexes") is a plural's, and so is a plain "-s" after a consonant ("Autoencoders").
_PROPER_ENDING = re.compile(r"^[A-Z](?=.*[a-z])(?!.*(?:x|z|ch|sh|ss)es$).*[aeiou]s$")


@lru_cache(maxsize=1 << 16)
def american(word: str) -> str:
    """``word`` with a British spelling folded to the American one (lower case; an
    acronym or a short word is kept): what two spellings of one word share.

    >>> [american(w) for w in ["normalisation", "colour", "centre", "modelling"]]
    ['normalization', 'color', 'center', 'modeling']
    >>> [american(w) for w in ["haemoglobin", "oesophagus", "catalogue", "analysed"]]
    ['hemoglobin', 'esophagus', 'catalog', 'analyzed']
    >>> [american(w) for w in ["four", "core", "filling", "being", "otherwise", "RNA"]]
    ['four', 'core', 'filling', 'being', 'otherwise', 'RNA']
    """
    if len(word) < 5 or is_acronym(word):
        return word
    word = word.lower()
    for pattern, replacement in SPELLING_FOLDS:
        word = pattern.sub(replacement, word)
    return word


#: Roman numerals a name writes for a small number ("type II error", "phase IV"),
#: in capitals and after a first word only (a lone "I" or "V" is no number).
_ROMAN = {"I": "one", "II": "two", "III": "three", "IV": "four", "V": "five"}


def greek_spelled(word: str) -> str:
    """``word`` with each Greek letter spelled out by its name, as notes write it either
    way ("β-oxidation", "beta-oxidation"; "ΔG", "delta G").

    >>> greek_spelled("β"), greek_spelled("ΔG"), greek_spelled("osmosis")
    ('beta', 'deltaG', 'osmosis')
    """
    if word.isascii():
        return word
    return "".join(
        unicodedata.name(c, c).split()[-1].lower() if "\u0370" <= c <= "\u03ff" else c for c in word
    )


def spelling_words(name: str) -> list[str]:
    """The words of ``name`` as :func:`match_key` compares them, before the singular:
    split at spaces, hyphens and slashes, a possessive's "'s" dropped, a Greek letter
    and a number (a digit or a Roman numeral) spelled out.

    >>> spelling_words("Newton's 2nd law"), spelling_words("students' t-test")
    (['Newton', '2nd', 'law'], ['students', 't', 'test'])
    >>> spelling_words("type II error"), spelling_words("α-helix"), spelling_words("V")
    (['type', 'two', 'error'], ['alpha', 'helix'], ['V'])
    """
    words = [_POSSESSIVE.sub("", w) for w in re.split(r"[\s\-–/]+", name.strip())]
    words = [greek_spelled(_NUMBER_WORDS.get(w, w)) for w in words if w]
    return words[:1] + [_ROMAN.get(w, w) for w in words[1:]]


@lru_cache(maxsize=1 << 16)
def singular(word: str) -> str:
    """The singular of a plural noun, from ``lemminflect``'s dictionary.

    A word the dictionary gives as its own lemma stays ("species", "data", "means",
    "statistics"); a hyphenated word changes its last part only ("sub-directories");
    an acronym loses a plural "s" ("GANs"); a word the dictionary does not know follows
    lemminflect's rules for unknown words ("autoencoders"), but one in "-ics" names a
    field and stays ("econometrics", "psycholinguistics": the rules would make "econometric"),
    as the fields the dictionary knows do ("robotics"). Proper nouns never get
    here: a name's head is put in the singular only when the tagger reads it as a
    plural (see :func:`key_of`), and "Treaty of Versailles" has its head before "of".

    >>> [singular(w) for w in ["species", "mitochondria", "k-means", "criteria"]]
    ['species', 'mitochondria', 'k-means', 'criterion']
    >>> [singular(w) for w in ["GANs", "autoencoders", "matrices", "Autoencoders"]]
    ['GAN', 'autoencoder', 'matrix', 'Autoencoder']
    >>> [singular(w) for w in ["Versailles", "Ebbinghaus", "Texas", "Regexes", "wikis"]]
    ['Versailles', 'Ebbinghaus', 'Texas', 'Regex', 'wiki']
    >>> [singular(w) for w in ["posteriori", "bonsai", "qualia", "villi", "glomeruli"]]
    ['posteriori', 'bonsai', 'qualia', 'villus', 'glomerulus']
    """
    if is_acronym(word):
        return singular_acronym(word)
    if len(word) <= 3 or not word[-1:].isalpha() or not word.lower().endswith(("s", "a", "i", "e")):
        return word
    head, dash, last = word.rpartition("-")
    if dash:
        return f"{head}-{singular(last)}" if last else word
    from lemminflect import getLemma

    known = getLemma(word, upos="NOUN", lemmatize_oov=False)
    if not known and word.lower().endswith("ics"):
        return word  # a field the dictionary does not know ("econometrics", "photonics")
    if not known and _PROPER_ENDING.search(word):
        return word  # a name the dictionary does not know ("Versailles", "Ebbinghaus")
    if not known:
        known = getLemma(word, upos="NOUN")
        if known and word[-1:].lower() in "ia" and _unheard(known[0]):
            # a Latin plural guessed for a word English does not have ("a posteriori"
            # would be "posteriorus", "qualia" "qualium"); "villi" -> "villus" is heard
            return word
    if not known or word in known or word.lower() in known:
        return word
    lemma = known[0]
    if word[:1].isupper() and not lemma[:1].isupper():
        lemma = lemma[:1].upper() + lemma[1:]
    return lemma


@lru_cache(maxsize=1 << 16)
def only_plural(word: str) -> bool:
    """Is ``word`` a noun English has only as the plural of another noun, as
    ``lemminflect``'s dictionary gives it? The tagger reads some Latin and Greek plurals
    as singular nouns ("the nuclei", "two vertebrae"); a word that is also a noun of its
    own ("data", "media", "species", "agenda") is not one.

    >>> [only_plural(w) for w in ["nuclei", "strata", "criteria", "vertebrae", "larvae"]]
    [True, True, True, True, True]
    >>> [only_plural(w) for w in ["data", "media", "agenda", "species", "osmosis", "Qd"]]
    [False, False, False, False, False, False]
    """
    word = word.lower()
    if not word.isalpha():
        return False
    nouns = lemmas(word).get("NOUN", ())
    return bool(nouns) and word not in nouns


#: What :func:`lemmas` gives for a word the dictionary does not know (one object for all).
_NO_LEMMAS: Mapping[str, tuple[str, ...]] = MappingProxyType({})


@lru_cache(maxsize=1 << 17)
def lemmas(word: str) -> Mapping[str, tuple[str, ...]]:
    """``lemminflect``'s ``getAllLemmas(word)``: each part of speech English has
    ``word`` as (``"NOUN"``, ``"VERB"``, ``"ADJ"``...) and its lemmas for it, read-only
    and looked up once per word (lemminflect deep-copies its dictionary's entry on every
    call, and a large build asks about the same words many times over). Empty for a word
    the dictionary does not know; the lemmas keep the word's capitals.

    >>> dict(lemmas("running")), dict(lemmas("Criteria")), dict(lemmas("tranformer"))
    ({'NOUN': ('running',), 'VERB': ('run',)}, {'NOUN': ('Criterion',)}, {})
    >>> lemmas("running")["VERB"] = ("runs",)
    Traceback (most recent call last):
    TypeError: 'mappingproxy' object does not support item assignment
    """
    from lemminflect import getAllLemmas

    found = getAllLemmas(word)
    return MappingProxyType(found) if found else _NO_LEMMAS


def _unheard(word: str) -> bool:
    """Is ``word`` absent from English as ``wordfreq`` counts it?"""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en") == 0


@lru_cache(maxsize=1 << 16)
def own_plural_singular(word: str) -> str | None:
    """The singular of a plural the dictionary also keeps as a noun of its own, or
    ``None``: "goods" (merchandise) is also the plural of "good", "statistics" (a
    field) of "statistic", "relations" of "relation". :func:`singular` keeps such a word as it
    is, which is right for the word alone ("goods", "physics"); after a modifier, "public
    goods" and "public good", "summary statistics" and "summary statistic" are one name.

    >>> own_plural_singular("goods"), own_plural_singular("statistics")
    ('good', 'statistic')
    >>> own_plural_singular("species"), own_plural_singular("news"), own_plural_singular("good")
    (None, None, None)
    """
    word = word.lower()
    nouns = lemmas(word).get("NOUN", ())
    if word not in nouns or not word.endswith("s"):
        return None
    return next((lemma for lemma in nouns if lemma in {word[:-1], word[:-2]}), None)


def head_index(words: Sequence[str]) -> int:
    """The index of a name's head word: the last word, or the last before "of".

    >>> head_index(["laws", "of", "motion"]), head_index(["decision", "trees"])
    (0, 1)
    """
    lowered = [w.lower() for w in words]
    if "of" in lowered[1:-1]:
        return lowered.index("of") - 1
    return len(words) - 1


def concept_id(words: Sequence[str]) -> str:
    """Canonical id: lower case except acronyms, the head word singular.

    >>> concept_id(["Sedimentary", "Rock", "Layers"]), concept_id(["ATP", "molecules"])
    ('sedimentary rock layer', 'ATP molecule')
    >>> concept_id(["Treaty", "of", "Versailles"]), concept_id(["species"])
    ('treaty of versailles', 'species')

    A head joined by "and"/"or" to a plural before it is one of a pair of plurals that
    names one thing, and both stay as written:

    >>> concept_id(["Checks", "and", "balances"]), concept_id(["supply", "and", "demands"])
    ('checks and balances', 'supply and demand')
    """
    words = [w for w in words if w]
    if not words:
        return ""
    h = head_index(words)
    paired = (
        h >= 2
        and words[h - 1].lower() in {"and", "or", "&"}
        and singular(words[h - 2]).lower() != words[h - 2].lower()
    )
    if not paired:
        words = [*words[:h], singular(words[h]), *words[h + 1 :]]
    return " ".join(w if is_acronym(w) else w.lower() for w in words)


#: A head word English clips, and the word it is short for: after a modifier the two
#: spell one name ("computer lab", "computer laboratory"; "road net", "road network").
#: Alone, or as a modifier ("net income"), the clipped word is a word of its own.
CLIPPED_HEADS = {"net": "network", "lab": "laboratory"}


@lru_cache(maxsize=1 << 18)
def match_key(name: str) -> str:
    """What two spellings of one concept share: case (except acronyms), hyphens and
    spaces, the singular, British spellings, and an adjective's "-al" on a modifier
    ("convolution(al) layer") folded.

    >>> match_key("Encoder-Decoder models") == match_key("encoder decoder model")
    True
    >>> match_key("layer-wise relevance") == match_key("Layerwise relevance")
    True
    >>> match_key("convolution layer") == match_key("convolutional layers")
    True
    >>> match_key("batch normalisation") == match_key("Batch Normalization")
    True
    >>> match_key("k-means") == match_key("k-mean")
    False
    >>> match_key("colour analyses") == match_key("color analysis")
    True
    >>> match_key("public goods") == match_key("public good")
    True
    >>> match_key("goods") == match_key("good")
    False
    >>> match_key("convolutional nets") == match_key("convolutional network")
    True
    """
    # a hyphenated last word is put in the singular whole, as `singular` does, before
    # its parts are split: "balance-of-payments", whose head would be "balance" apart
    *before, last = name.split() or [""]
    if "-" in last:
        name = " ".join([*before, singular(last)])
    # British spellings folded after the singular: "analyses" is "analysis", no verb
    words = [american(w) for w in concept_id(spelling_words(name)).split()]
    h = head_index(words) if words else 0
    if h == len(words) - 1 and h > 0 and "-" not in name.split()[-1]:
        # "public goods" is the plural of "public good": a head the dictionary keeps
        # as a plural of its own ("goods", "statistics") after a modifier
        words[h] = own_plural_singular(words[h]) or words[h]
    if h == len(words) - 1 and h > 0:
        # "computer lab" is "computer laboratory": a head clipped after a modifier
        words[h] = CLIPPED_HEADS.get(words[h], words[h])
    words = [
        w[:-2] if i < h and len(w) > 6 and w.endswith("al") and not is_acronym(w) else w
        for i, w in enumerate(words)
    ]
    return "".join(words)


def initials_match(short: str, long: str, *, strict: bool = False) -> bool:
    """Do the letters of ``short`` spell the initials of ``long``?

    Hyphenated parts count as words; "of", "and", "the", "for", "to" may be skipped.
    Unless ``strict``, a long word may give two letters at a compound boundary
    ("BackPropagation Through Time" -> BPTT): fine for a pair the notes state, too
    loose for guessing which phrase an acronym stands for.

    >>> initials_match("LSTM", "Long Short-Term Memory")
    True
    >>> initials_match("GAN", "Generative Adversarial Networks")
    True
    >>> initials_match("MAP", "feature map")
    False
    """
    letters = re.sub(r"[^A-Za-z]", "", singular_acronym(short)).lower()
    parts = [p for p in re.split(r"[\s\-–/]+", long.strip()) if p]
    skippable = {"of", "and", "the", "for", "to", "a", "an", "in", "on", "with"}

    def match(i: int, j: int) -> bool:
        if i == len(letters):
            return j == len(parts) or all(p.lower() in skippable for p in parts[j:])
        if j == len(parts):
            return False
        word = parts[j].lower()
        if word[0] == letters[i] and match(i + 1, j + 1):
            return True
        # a word may give two letters at a compound boundary: BackPropagation -> BP
        if (
            not strict
            and len(word) > 5
            and word[0] == letters[i]
            and i + 1 < len(letters)
            and letters[i + 1] in word[3:]
            and match(i + 2, j + 1)
        ):
            return True
        return word in skippable and match(i, j + 1)

    return len(letters) >= 2 and match(0, 0)


SKIPPABLE = frozenset({"of", "and", "the", "for", "to", "a", "an", "in", "on", "with"})


def initials(phrase: str) -> set[str]:
    """The strict initials a phrase may be abbreviated to (small words optional).

    >>> sorted(initials("back propagation through time"))
    ['bptt']
    >>> sorted(initials("mean of squares"))
    ['mos', 'ms']
    """
    parts = [p.lower() for p in re.split(r"[\s\-–/]+", phrase.strip()) if p]
    found = {""}
    for part in parts:
        options = {part[0]} | ({""} if part in SKIPPABLE else set())
        found = {f + o for f in found for o in options}
    return {f for f in found if len(f) >= 2}
