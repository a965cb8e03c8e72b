"""Relation cues kept as data: one table per relation of the vocabulary in ``design.md``.

A :class:`Cue` is a spaCy ``Matcher`` pattern for the words that signal a relation
("relies on", "is a type of", "such as") and a *frame* saying where the two concepts
stand around those words (see :data:`FRAMES`). Every cue carries a one-sentence example
and the triple it must give; ``tests/extraction/test_relations.py`` runs them all.

The pipeline runs without a lemmatizer (see :mod:`extraction.nlp`), so cues match
``LOWER`` forms and list the inflections they accept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.matcher import Matcher

#: Label of ``part_of`` edges whose part is called a building block of its whole: the
#: part is learned first.
BUILDING_BLOCK = "building block"
#: Label of ``part_of`` edges the notes state as such ("X consists of", "the components
#: of X", "is a part of"): their parts' head words name parts in these notes.
PARTS_STATED = "parts"
#: Label of ``part_of`` edges a phrase only suggests ("the gate of the LSTM", "X has Y"):
#: kept when the part's head names a part in these notes.
PART_SUGGESTED = "component"

#: Determiners that deny what their noun names ("requires no electricity", "neither A nor
#: B"); "neither" before a verb denies the verb ("is neither used for A nor for B").
DENYING_DETERMINERS = frozenset({"no", "neither"})

#: Determiners of a whole class that a negation turns into a denial of the class's
#: statement ("Not all lichens are plants", "not every moss is a liverwort").
UNIVERSAL_DETERMINERS = frozenset({"all", "every", "each"})

#: Adverbs that set what follows apart from a cue's first object ("uses A instead of B",
#: "causes A rather than B"): B is no object, as after "but not".
EXCLUDING_ADVERBS = frozenset({"instead", "rather"})

#: Where the concepts stand around a cue.
FRAMES = {
    "svo": "X <cue> Y: the subject (or the nearest concept before) and the concept(s) after",
    "kinds": "Y <cue> X1, X2: the instances after a plural class, each X is_a Y",
    "instances": "Y <cue> X1, X2: the instances after a singular class, each X example_of Y",
    "near": "X ... <cue> Y: the nearest concept before the cue in its clause, the one after",
    "between": "<cue> X and Y: both after the cue",
    "paired": "X and Y <cue>: the subject of the cue's verb and the concept listed with it",
    "kinds_of": "<cue> Y include|are|: X1, X2: each X is_a Y (in a sentence, not a title)",
    "fronted": "<cue> X, Y ...: X after the cue, Y the first concept after the comma",
    "list": "a title <cue> X, answered by a list: each listed concept with X",
    "examples": "<cue> (of Y) are X1, X2: each X example_of Y, else of the card's subject",
    "named": "a Y <cue> X: the noun phrase the participle hangs on names the class, X is_a Y",
    "compared": "X ... <comparative> than Y: the subject of the clause the comparative is in, "
    "the concept after 'than'",
    "joined": "X V ..., <cue> Y V ...: the subjects of the two clauses the conjunction joins",
    "purpose": "<someone> <cue> X to V Y: the object of the verb of using (a subject no concept "
    "names, or none), the concept after the infinitive",
    "fronted_purpose": "To V Y, (we) <cue> X: the first concept after the verb of using, the "
    "concept the fronted infinitive acts on",
    "result": "(we) V X (by Y) <cue> Z: Z, and each concept the step acts on (no concept doing "
    "it: the reader, or no subject)",
    "applied": "X is applied to Y / (we) apply X to Y: the subject (or the verb's object), the "
    "concept after 'to' when it names a field or an undertaking",
}


@dataclass(frozen=True, slots=True)
class Cue:
    """Words that signal a relation, and how to read the concepts around them.

    Attributes
    ----------
    name : str
        Unique name of the cue (the ``Matcher`` key).
    pattern : list of dict
        A spaCy ``Matcher`` token pattern.
    confidence : float
        Confidence of an edge the cue gives with an explicit subject.
    frame : str
        One of :data:`FRAMES`.
    reverse : bool
        The concept after the cue is the source ("Y is addressed by X", "X consists of
        Y" for ``part_of``, "components of X" answered by Y).
    example : str
        A sentence (for ``"list"`` cues: ``"title || answer"``) the cue must read.
    expected : tuple of str
        ``(source, target)`` that ``example`` gives, as the concepts are named there.
    gap : int
        Most tokens between the cue and the concept after it.
    label : str
        Label of the edges the cue gives (:data:`BUILDING_BLOCK`), empty for most.
    plural_relation : str
        The relation the cue gives when its subject is a plural class.
    context : tuple of str
        Other concepts ``example`` names, which the cue's reading relies on (a part a
        phrase only suggests is kept when the notes state parts of that kind).
    """

    name: str
    pattern: list[dict]
    confidence: float
    frame: str = "svo"
    reverse: bool = False
    example: str = ""
    expected: tuple[str, str] = ("", "")
    gap: int = 6
    label: str = ""
    #: The relation when the subject is a plural class ("Popular kernels include A and B":
    #: kinds), empty when it is always ``relation``.
    plural_relation: str = ""
    context: tuple[str, ...] = ()
    #: The object must be a problem the notes name as one (:data:`PROBLEM_WORDS`):
    #: "reduces", "minimizes", "solves" say nothing of a remedy when what is reduced or
    #: solved is an objective or a task ("minimizes the expected loss", "solve this
    #: optimization problem").
    problem: bool = False
    #: Fewest concepts a ``"list"`` cue's answer (or an ``"svo"`` cue's objects) must
    #: list ("What does X stand for?" answered by one name is an expansion, by several
    #: the things X stands for; "divided into two classes" names no kinds).
    min_items: int = 1


def _words(forms: str) -> dict:
    """A token whose lower-case form is one of the space-separated ``forms``."""
    return {"LOWER": {"IN": forms.split()}}


_BE = _words("is are was were be being been")
_A = {"LOWER": {"IN": ["a", "an", "the", "one"]}, "OP": "?"}
#: Adverbs between a cue's words ("is widely used for"); a negation among them too ("is
#: not used for", "is not only used for A but also for B"): the cue matches, and
#: :func:`extraction.relations._negated` reads from the parse whether it is denied.
_ADV = {"POS": {"IN": ["ADV", "PART"]}, "LOWER": {"NOT_IN": ["to"]}, "OP": "*"}
_MODS = {"POS": {"IN": ["ADJ", "ADV"]}, "OP": "*"}
#: A participle among a noun's modifiers: "a widely observed type of", "a closely linked
#: part of".
_PARTICIPLE = {"TAG": "VBN", "OP": "?"}
#: Nouns that name a kind of their "of" object: "a (simplified) variant of the LSTM".
KIND_WORDS = frozenset(
    """
    kind kinds type types variant variants version versions form forms class subclass
    category subtype family special extension generalization generalisation
    specialization specialisation instance modification subfield subfields subdiscipline
    subdomain subarea subtopic subcategory subgroup subfamily subgenre subspecies
    """.split()
)
_KIND = {"LOWER": {"IN": sorted(KIND_WORDS)}}
_PLURAL_ITEMS = _words(
    "components parts elements building blocks gates layers pieces "
    "constituents ingredients modules stages steps principles principals pillars tenets"
)

#: Cues whose object is a discipline only when named as a mass noun: a bare singular noun
#: right after the cue ("an area of geology", not "an area of the brain" nor
#: "a branch of trees").
BARE_OBJECT_CUES = frozenset({"is_field_of"})
#: Nouns for many things taken as one: "a series of waves caused by Y" is caused by Y as
#: the waves are, so a clause on the "of" object says what the whole does or undergoes.
COLLECTIVE_NOUNS = frozenset("series sequence set group chain".split())
#: Nouns for a set of a fixed number of members: a name ending in one, given its members
#: after a colon ("The fire triad: heat, fuel and oxygen"), is made of them.
NUMBERED_SETS = frozenset("pair duo dyad triad trio triplet trinity tetrad quartet quintet".split())
#: Words that join the attribute of "X is A plus B" into a sum: "plus" (a conjunction),
#: "together" (after the last part), "combined" (a participle: "A combined with B").
#: Such a definition states X's parts, not a class X is a kind of.
SUM_WORDS = frozenset({"plus", "together", "combined"})
#: Nouns that name a trait of the noun their "of" phrase holds, not a class of things:
#: "Define turgor -- a key feature of plant cells" says nothing turgor is a kind of.
ASPECT_NOUNS = frozenset({"feature", "property", "attribute", "trait"})
#: Head nouns too general to be a class themselves: in "X is a casting method" or
#: "X is a firing technique" the class is the concept that modifies them.
GENERIC_HEADS = frozenset(
    """
    architecture operation technique method algorithm approach mechanism procedure
    process strategy framework tool variant
    """.split()
)
#: Head nouns of a name for a way of doing things that a reader carries out step by step:
#: under a heading or card about "an integrated backup strategy", a step in the imperative
#: ("- Use incremental copies to save space") is the strategy's step, so it is the
#: strategy that uses what the step uses.
PROCEDURE_NOUNS = frozenset(
    "method technique algorithm approach procedure strategy protocol recipe routine "
    "workflow".split()
)
#: Nouns for how a thing is built: a line labelled by one that no noun or concept of its
#: own narrows ("Layered structure: consists of sponge layers ...") describes
#: the thing the card is about, so the parts it lists are that thing's.
STRUCTURE_NOUNS = frozenset(
    "architecture structure design layout composition organization organisation anatomy "
    "makeup".split()
)
#: Words of a use before "in": "X is used / employed / useful in Y" (:data:`SETTING_NOUNS`).
USE_WORDS = frozenset("used employed utilized utilised applied useful".split())
#: Nouns for an undertaking or a setting: "X is used in regression tasks / in many
#: fields" names what X serves, as a bare singular noun does ("used in image
#: processing"), while "used in jet engines" names things that use X.
SETTING_NOUNS = frozenset(
    "task problem field area domain setting scenario situation context application "
    "project study practice industry".split()
)
#: Endings of a noun for an act ("classification", "measurement", "analysis"): used in
#: one, a thing is used for that act, however the notes write it.
ACT_SUFFIXES = ("ing", "ics", "ion", "ment", "sis")
#: Words that count the noun after them ("a model", "each layer", "two models"): a noun
#: the notes count names things, not a field (:data:`SETTING_NOUNS`).
COUNTING_WORDS = frozenset("a an each every another one two three several many".split())
#: Nouns for a means of doing something ("a way to address Y", "the most appropriate
#: tool for Y").
MEANS_NOUNS = frozenset("way ways means method methods technique tool mechanism".split())
#: A name shaped like a math symbol rather than a word: two or three letters with a
#: lower-case letter right before a capital and no vowel ("mN", "xT"), or a letter with
#: an underscored subscript ("X_t", "h_1"). An edge with such an end needs two sentences.
SYMBOL_NAME = re.compile(
    r"(?=[^aeiouAEIOU]{2,3}$)[A-Za-z]*[a-z][A-Z][A-Za-z]*|[A-Za-z]_[A-Za-z0-9]{1,2}"
)
#: Nouns for what a thing yields or records ("tide gauge data", "census results"): a use
#: of the data is a use of the thing that gives it.
OUTPUT_NOUNS = frozenset("data dataset datasets results output outputs measurements".split())
#: Nouns for a choice: "the choice / option of X or Y" sets two kinds of one thing
#: against each other.
CHOICE_NOUNS = frozenset("choice choices option options".split())
#: Cues of a verb that lets someone act ("allows a user to V Y"): a concept let act is
#: no user of the one that lets it.
LETTING_CUES = frozenset({"allows_to_do"})
#: Verbs that bring a thing into a state ("helps the model become robust to Y", "makes
#: the network resistant to Y"): the thing is the one helped, what helps it does the act.
HELPING_VERBS = frozenset(
    f"{stem}{end}" for stem in "help allow render assist".split() for end in ("", "s", "ed", "ing")
) | frozenset("make makes made making enable enables enabled enabling let lets letting".split())

IS_A: list[Cue] = [
    Cue(
        "is_kind_of",
        [
            _BE,
            {"LOWER": {"IN": ["considered", "regarded", "seen", "viewed"]}, "OP": "?"},
            {"LOWER": "as", "OP": "?"},
            _A,
            {"LOWER": {"IN": ["both", "all"]}, "OP": "?"},
            {"POS": "NUM", "OP": "?"},
            _MODS,
            _PARTICIPLE,
            _KIND,
            {"LOWER": "case", "OP": "?"},
            {"LOWER": "of"},
        ],
        0.9,
        example="A GRU is a simplified variant of the LSTM.",
        expected=("GRU", "LSTM"),
    ),
    # "X is a branch / an area / a field of Y" names a part of a discipline when Y is one,
    # a mass noun without an article ("an area of geology"), and a region of a
    # thing when Y is a thing ("an area of the brain", "a branch of the tree"): the cue
    # reads only the first (BARE_OBJECT_CUES)
    Cue(
        "is_field_of",
        [_BE, _A, _MODS, _words("branch area field discipline"), {"LOWER": "of"}],
        0.75,
        example="Organic chemistry is a major branch of chemistry.",
        expected=("organic chemistry", "chemistry"),
    ),
    Cue(
        "one_of",
        [_BE, {"LOWER": "one"}, {"LOWER": "of"}, {"LOWER": "the", "OP": "?"}],
        0.75,
        example="Osmosis is one of the passive transport processes.",
        expected=("osmosis", "passive transport"),
    ),
    Cue(
        "belongs_to",
        [
            _words("belongs belong falls fall"),
            _words("to under within into"),
            _A,
            _words("family class group category kind type"),
            {"LOWER": "of"},
        ],
        0.8,
        example="Osmosis belongs to the family of passive transport processes.",
        expected=("osmosis", "passive transport"),
    ),
    Cue(
        "classified_as",
        [_BE, _ADV, _words("classified categorized categorised"), _words("as under")],
        0.8,
        example="Osmosis is classified as passive transport.",
        expected=("osmosis", "passive transport"),
    ),
    Cue(
        "serves_as",
        [_words("serves serve acts act functions"), _ADV, {"LOWER": "as"}],
        0.65,
        example="The tide gauge typically serves as a sea level record.",
        expected=("tide gauge", "sea level record"),
    ),
    Cue(
        "such_as_kinds",
        [{"LOWER": "such"}, {"LOWER": "as"}],
        0.75,
        frame="kinds",
        example="Activation functions such as ReLU keep gradients alive.",
        expected=("ReLU", "activation function"),
    ),
    Cue(
        "eg_kinds",
        [
            {"ORTH": {"IN": [",", "("]}, "OP": "?"},
            _words("e.g. e.g eg including like especially"),
        ],
        0.7,
        frame="kinds",
        example="Activation functions, e.g. sigmoid, can saturate.",
        expected=("sigmoid", "activation function"),
    ),
    Cue(
        "exemplified_by",
        [_words("exemplified illustrated typified epitomized epitomised"), {"LOWER": "by"}],
        0.7,
        frame="instances",
        example="It needs a tidal barrage, exemplified by the Rance station.",
        expected=("Rance station", "tidal barrage"),
    ),
    Cue(
        "types_of",
        [_words("types kinds variants forms categories families"), {"LOWER": "of"}],
        0.7,
        frame="list",
        reverse=True,
        example="What are the two types of volcano? || Shield volcano: broad gentle slopes",
        expected=("shield volcano", "volcano"),
    ),
    Cue(
        "called",
        [{"LOWER": {"IN": ["called", "named", "termed", "dubbed"]}, "DEP": "acl"}],
        0.65,
        frame="named",
        example="Biologists draw a phylogenetic tree called a cladogram.",
        expected=("cladogram", "phylogenetic tree"),
    ),
    Cue(
        "divided_into",
        [
            _words("divided classified categorized categorised grouped split subdivided"),
            _words("into as"),
        ],
        0.75,
        reverse=True,
        example="Rocks can be classified into igneous rocks and sedimentary rocks.",
        expected=("sedimentary rock", "rock"),
        context=("igneous rock",),
        min_items=2,
    ),
    Cue(
        "types_of_include",
        [_words("types kinds variants forms categories families"), {"LOWER": "of"}],
        0.7,
        frame="kinds_of",
        example="Common types of pasta include penne and fusilli.",
        expected=("penne", "pasta"),
    ),
    Cue(
        "class_kinds",
        [
            _words("types kinds variants architectures versions flavors flavours"),
            {"IS_PUNCT": True},
        ],
        0.65,
        frame="list",
        reverse=True,
        example="What are some RNN architectures? || LSTM: gated cells",
        expected=("LSTM", "RNN"),
    ),
]

PART_OF: list[Cue] = [
    Cue(
        "consists_of",
        [
            _words("consists consist consisting composed comprised made"),
            {"LOWER": "up", "OP": "?"},
            {"LOWER": "of"},
        ],
        0.85,
        reverse=True,
        example="An autoencoder consists of an encoder and a decoder.",
        expected=("decoder", "autoencoder"),
        label=PARTS_STATED,
    ),
    # a whole that adds its parts up: "Total cost is the sum of fixed and variable cost",
    # an answer line "The sum of A and B" (the card's subject)
    Cue(
        "sum_of",
        [_BE, _ADV, {"LOWER": "the"}, _words("sum total"), {"LOWER": "of"}],
        0.75,
        reverse=True,
        example="Total cost is the sum of fixed cost and variable cost.",
        expected=("variable cost", "total cost"),
        label=PARTS_STATED,
    ),
    Cue(
        "sum_of_fragment",
        [{"IS_SENT_START": True, "LOWER": "the"}, _words("sum total"), {"LOWER": "of"}],
        0.75,
        reverse=True,
        example="Total cost || The sum of fixed cost and variable cost.",
        expected=("variable cost", "total cost"),
        label=PARTS_STATED,
    ),
    Cue(
        "comprises",
        [_words("comprises comprise comprising contains contain containing")],
        0.7,
        reverse=True,
        example="Each LSTM cell contains a forget gate.",
        expected=("forget gate", "LSTM"),
    ),
    Cue(
        "includes",
        [_words("includes include")],
        0.7,
        reverse=True,
        plural_relation="is_a",
        example="The firing schedule includes the bisque firing.",
        expected=("bisque firing", "firing schedule"),
    ),
    Cue(
        "has",
        [{"LOWER": {"IN": ["has", "have"]}, "POS": "VERB"}],
        0.5,
        reverse=True,
        gap=2,
        example="A kiln consists of a fire chamber; a kiln also has a smoke chamber.",
        expected=("smoke chamber", "kiln"),
        context=("fire chamber",),
        label=PART_SUGGESTED,
    ),
    Cue(
        "building_block_of",
        [_words("building basic fundamental"), _words("block blocks"), _words("of for")],
        0.85,
        label=BUILDING_BLOCK,
        example="The amino acid is the main building block of a protein.",
        expected=("amino acid", "protein"),
    ),
    Cue(
        "has_fundamental_parts",
        [
            _words("have has"),
            {"POS": "NUM", "OP": "?"},
            _words("fundamental basic core essential"),
            _PLURAL_ITEMS,
        ],
        0.75,
        frame="list",
        reverse=True,
        label=BUILDING_BLOCK,
        example="Soils have three fundamental layers. List them || Topsoil, subsoil",
        expected=("subsoil", "soil"),
    ),
    Cue(
        "is_part_of",
        [_BE, _A, _MODS, _PARTICIPLE, _words("part component element layer"), {"LOWER": "of"}],
        0.85,
        example="The forget gate is a component of the LSTM.",
        expected=("forget gate", "LSTM"),
        label=PARTS_STATED,
    ),
    Cue(
        "forms_part_of",
        [_words("forms form forming"), _A, _MODS, _words("part parts"), {"LOWER": "of"}],
        0.8,
        example="The cerebellum forms part of the hindbrain.",
        expected=("cerebellum", "hindbrain"),
        label=PARTS_STATED,
    ),
    # where a part sits in its whole: "The cortex is located in the brain"
    Cue(
        "located_in",
        [_BE, _ADV, _words("located situated housed"), _ADV, _words("in within inside")],
        0.65,
        example="The cerebral cortex is located in the forebrain.",
        expected=("cerebral cortex", "forebrain"),
    ),
    Cue(
        "components_of",
        [_PLURAL_ITEMS, {"LOWER": "blocks", "OP": "?"}, _words("of in")],
        0.7,
        frame="list",
        reverse=True,
        example="What are the components of a bicycle? || Frame, chain, pedals",
        expected=("chain", "bicycle"),
        label=PARTS_STATED,
    ),
    Cue(
        "stands_for",
        [_words("stand stands"), {"LOWER": "for"}],
        0.7,
        frame="list",
        reverse=True,
        example="What does ACID stand for? || Atomicity\nConsistency\nIsolation\nDurability",
        expected=("isolation", "ACID"),
        context=("atomicity", "consistency", "durability"),
        label=PARTS_STATED,
        min_items=2,
    ),
]

USES: list[Cue] = [
    Cue(
        "relies_on",
        [
            _words("relies rely relying builds build depends depend draws conditioned"),
            _ADV,
            {"LOWER": {"IN": ["on", "upon"]}},
        ],
        0.8,
        example="The sailboat relies solely on trade winds.",
        expected=("sailboat", "trade wind"),
    ),
    Cue(
        "uses",
        [
            _words(
                "uses use employs employ leverages leverage utilizes utilises utilize exploits "
                "requires require needs need applies computes compute calculate calculates"
            )
        ],
        0.7,
        example="A sundial uses the shadow of the gnomon.",
        expected=("sundial", "shadow"),
    ),
    # the past tense of notes on events ("the army relied on conscripts", "the engines
    # used coal"); a participle ("the coal used by the engines") is no use
    Cue(
        "relied_on_past",
        [
            {"LOWER": {"IN": ["relied", "depended", "drew"]}, "TAG": "VBD"},
            _ADV,
            {"LOWER": {"IN": ["on", "upon"]}},
        ],
        0.8,
        example="The revolutionary army relied on mass conscription.",
        expected=("revolutionary army", "mass conscription"),
    ),
    Cue(
        "used_past",
        [
            {
                "LOWER": {"IN": "used employed leveraged utilized utilised".split()},
                "TAG": "VBD",
            }
        ],
        0.7,
        example="The Newcomen engine used coal.",
        expected=("Newcomen engine", "coal"),
    ),
    # an adjective of needing after a copula: "X is (highly) dependent on Y" needs Y
    Cue(
        "dependent_on",
        [_BE, _ADV, _words("dependent reliant contingent"), {"LOWER": {"IN": ["on", "upon"]}}],
        0.75,
        example="The spring harvest is highly dependent on snowmelt.",
        expected=("spring harvest", "snowmelt"),
    ),
    # "X has a (great) need for Y": X needs Y
    Cue(
        "has_need_for",
        [
            _words("has have had"),
            _A,
            {"POS": "ADJ", "OP": "?"},
            {"LOWER": "need"},
            {"LOWER": "for"},
        ],
        0.7,
        example="A sourdough starter has a constant need for fresh flour.",
        expected=("sourdough starter", "fresh flour"),
    ),
    # what another is built on, said of the foundation: "Anomie is the basis of strain
    # theory" (strain theory uses anomie); also a defining fragment, "...; the basis of Y"
    Cue(
        "basis_of",
        [
            {"LOWER": "the"},
            {"POS": "ADJ", "OP": "?"},
            _words("basis foundation foundations cornerstone"),
            {"LOWER": {"IN": ["of", "for"]}},
        ],
        0.75,
        reverse=True,
        example="Tidal range is the basis of tidal power.",
        expected=("tidal power", "tidal range"),
    ),
    Cue(
        "based_on",
        [_BE, _ADV, _words("based built founded grounded"), {"LOWER": {"IN": ["on"]}}],
        0.8,
        example="Guided backpropagation is based on backpropagation.",
        expected=("guided backpropagation", "backpropagation"),
    ),
    # a model or a function and the parameters or the network that set it: "a policy
    # parameterized by its grid spacing", "the distribution is parametrized by its mean"
    Cue(
        "parameterized_by",
        [_words("parameterized parametrized parameterised parametrised"), {"LOWER": "by"}],
        0.7,
        example="A climate model is parameterized by a cloud scheme.",
        expected=("climate model", "cloud scheme"),
    ),
    Cue(
        "built_from",
        [
            _BE,
            _ADV,
            _words("built constructed assembled derived"),
            _ADV,
            _words("from out"),
            {"LOWER": "of", "OP": "?"},
        ],
        0.7,
        example="A binary heap is built from an array.",
        expected=("binary heap", "array"),
    ),
    Cue(
        "reads_from",
        [
            _words("reads read reading receives receive receiving takes take taking"),
            _words("data input inputs values items text"),
            {"LOWER": "from"},
        ],
        0.7,
        example="A rain gauge reads data from a tipping bucket.",
        expected=("rain gauge", "tipping bucket"),
    ),
    Cue(
        "writes_to",
        [
            _words("writes write writing sends send sending"),
            _A,
            _words("data output outputs result results values text"),
            {"LOWER": "to"},
        ],
        0.7,
        example="A seismograph writes the result to a paper drum.",
        expected=("seismograph", "paper drum"),
    ),
    Cue(
        "by_means_of",
        [{"LOWER": "by"}, {"LOWER": "means"}, {"LOWER": "of"}],
        0.7,
        example="A hash table places keys by means of a hash function.",
        expected=("hash table", "hash function"),
    ),
    Cue(
        "with_respect_to",
        [
            _BE,
            _ADV,
            {"TAG": "VBN"},
            _ADV,
            {"LOWER": "with"},
            _words("respect reference regard"),
            {"LOWER": "to"},
        ],
        0.65,
        example="Latitude is measured with respect to the equator.",
        expected=("latitude", "equator"),
    ),
    # the active voice of the same: what X locates or measures "with respect to Y" it
    # states from Y ("a bearing specifies a direction with respect to true north")
    Cue(
        "states_with_respect_to",
        [
            _words(
                "specifies specify specifying locates locate locating measures measure "
                "measuring expresses express expressing"
            ),
            # the thing located, no clause ("measures how the loss changes with ...")
            {
                "IS_PUNCT": False,
                "POS": {"NOT_IN": ["VERB", "AUX", "SCONJ"]},
                "LOWER": {"NOT_IN": ["with", "how", "what", "which", "that"]},
                "OP": "{1,8}",
            },
            {"LOWER": "with"},
            _words("respect reference regard"),
            {"LOWER": "to"},
        ],
        0.6,
        example="A bearing specifies a direction with respect to true north.",
        expected=("bearing", "true north"),
    ),
    # "relative to" after a participle of measuring or stating is a frame of reference
    # too ("expressed relative to the origin"), no comparison
    Cue(
        "relative_to_frame",
        [_BE, _ADV, {"TAG": "VBN"}, _ADV, {"LOWER": "relative"}, {"LOWER": "to"}],
        0.65,
        example="Altitude is measured relative to sea level.",
        expected=("altitude", "sea level"),
    ),
    Cue(
        "makes_use_of",
        [_words("makes make making made"), {"LOWER": "use"}, {"LOWER": "of"}],
        0.75,
        example="Photosynthesis makes use of chlorophyll.",
        expected=("photosynthesis", "chlorophyll"),
    ),
    Cue(
        "needed_for",
        [_BE, _ADV, _words("needed required necessary"), {"LOWER": "for"}],
        0.75,
        reverse=True,
        example="A semi-permeable membrane is needed for osmosis.",
        expected=("osmosis", "semi-permeable membrane"),
    ),
    Cue(
        "used_by",
        [_BE, _ADV, _words("used employed utilized leveraged"), {"LOWER": "by"}],
        0.75,
        reverse=True,
        example="Attention mechanisms are used by the transformer.",
        expected=("transformer", "attention mechanism"),
    ),
    # a step whose result is a concept: "we divide X by Y to get Z" (Z uses X and Y)
    Cue(
        "to_get_result",
        [{"LOWER": "to"}, _words("get obtain")],
        0.65,
        frame="result",
        example="We divide the distance by the travel time to get the average speed.",
        expected=("average speed", "distance"),
        context=("travel time",),
    ),
    Cue(
        "operates_on",
        [_words("operates operate operating"), _ADV, _words("on upon")],
        0.7,
        example="Binary search operates on a sorted array.",
        expected=("binary search", "sorted array"),
    ),
    Cue(
        "takes_advantage_of",
        [_words("takes take taking took"), {"LOWER": "advantage"}, {"LOWER": "of"}],
        0.7,
        example="Binary search takes advantage of a sorted array.",
        expected=("binary search", "sorted array"),
    ),
]

ADDRESSES: list[Cue] = [
    Cue(
        "addresses",
        [
            _words(
                "addresses address addressing mitigates mitigate mitigating "
                "prevents prevent preventing tackles tackle tackling alleviates alleviate "
                "alleviating overcomes overcome overcoming avoids avoid avoiding fixes fix "
                "fixing counters counter countering combats combat combating remedies "
                "relieves relieve relieving"
            )
        ],
        0.8,
        example="LSTMs address the vanishing gradient problem.",
        expected=("LSTM", "vanishing gradient problem"),
    ),
    # the past tense of notes on events ("the vaccine prevented smallpox")
    Cue(
        "addressed_past",
        [
            {
                "LOWER": {
                    "IN": "addressed mitigated prevented tackled alleviated overcame avoided "
                    "fixed countered combated remedied".split()
                },
                "TAG": "VBD",
            }
        ],
        0.8,
        example="The smallpox vaccine prevented smallpox epidemics.",
        expected=("smallpox vaccine", "smallpox epidemic"),
    ),
    Cue(
        "solves",
        [_words("solves solve solving resolves resolve resolving handles handle")],
        0.8,
        example="LSTMs solve the vanishing gradient problem.",
        expected=("LSTM", "vanishing gradient problem"),
        problem=True,
    ),
    Cue(
        "reduces",
        [_words("reduces reduce reducing lessens minimizes minimises")],
        0.55,
        example="Gradient clipping reduces the exploding gradient problem.",
        expected=("gradient clipping", "exploding gradient problem"),
        problem=True,
    ),
    # the past tense of notes on events ("the canals reduced flooding"), as "addressed_past"
    Cue(
        "reduced_past",
        [{"LOWER": {"IN": ["reduced", "lessened", "minimized", "minimised"]}, "TAG": "VBD"}],
        0.55,
        example="Crop rotation reduced the soil depletion problem.",
        expected=("crop rotation", "soil depletion problem"),
        problem=True,
    ),
    Cue(
        "controls",
        [_words("controls control controlling curbs curb curbing limits limit limiting")],
        0.55,
        example="Chlorination controls the bacterial contamination problem.",
        expected=("chlorination", "bacterial contamination problem"),
        problem=True,
    ),
    # "fight" is also what armies and rivals do ("Athens fought Sparta"): a remedy only
    # of what the notes name as a problem
    Cue(
        "fights",
        [_words("fights fight fighting fought")],
        0.7,
        example="Quinine fights the malaria problem.",
        expected=("quinine", "malaria problem"),
        problem=True,
    ),
    Cue(
        "helps_against",
        [
            _words("helps help protects protect defends defend guards guard"),
            _words("against"),
        ],
        0.75,
        example="Adversarial training helps against adversarial attacks.",
        expected=("adversarial training", "adversarial attack"),
    ),
    # what is kept from something: "protects the crop from frost" addresses the frost
    Cue(
        "protects_from",
        [
            _words("protects protect protecting shields shield shielding guards guard"),
            {"IS_PUNCT": False, "LOWER": {"NOT_IN": ["from", "against"]}, "OP": "{1,4}"},
            {"LOWER": "from"},
        ],
        0.7,
        example="Levees protect coastal towns from storm surges.",
        expected=("levee", "storm surge"),
    ),
    # a noun for a remedy: "Levees are an effective defence against floods"
    Cue(
        "defence_against",
        [
            _BE,
            _A,
            _MODS,
            _words("defence defense defences defenses protection safeguard safeguards barrier"),
            {"LOWER": "against"},
        ],
        0.7,
        example="Vaccination is the most effective defence against measles outbreaks.",
        expected=("vaccination", "measles outbreak"),
    ),
    Cue(
        "used_against",
        [
            _BE,
            _ADV,
            _words("used employed applied deployed"),
            _words("against"),
        ],
        0.75,
        example="Antibiotics are used against bacterial infections.",
        expected=("antibiotic", "bacterial infection"),
    ),
    Cue(
        "robust_to",
        [_words("robust resilient resistant immune"), _words("to against")],
        0.65,
        example="Stone bridges are robust to flash floods.",
        expected=("stone bridge", "flash flood"),
    ),
    # a remedy given for a complaint: "Scurvy is treated with citrus fruit"
    Cue(
        "treated_with",
        [_BE, _ADV, _words("treated relieved"), _words("with by using")],
        0.7,
        reverse=True,
        example="Scurvy is treated with citrus fruit.",
        expected=("citrus fruit", "scurvy"),
    ),
    # "Quinine is used to treat malaria", "Used to treat gout": a remedy too
    Cue(
        "used_to_treat",
        [
            _words("used given prescribed"),
            _ADV,
            {"LOWER": "to"},
            _words("treat cure relieve"),
        ],
        0.7,
        example="Quinine is used to treat malaria.",
        expected=("quinine", "malaria"),
    ),
    # an answer line opening with the participle, its subject the card's
    Cue(
        "treated_with_fragment",
        [
            {"IS_SENT_START": True, "LOWER": {"IN": ["treated", "relieved"]}},
            _ADV,
            _words("with by using"),
        ],
        0.7,
        reverse=True,
        example="Frostbite || Freezing of the skin. Treated with slow rewarming.",
        expected=("slow rewarming", "frostbite"),
    ),
    Cue(
        "addressed_by",
        [
            _BE,
            _ADV,
            _words(
                "addressed solved mitigated prevented tackled reduced alleviated overcome fixed "
                "countered remedied handled"
            ),
            {"LOWER": "by"},
        ],
        0.8,
        reverse=True,
        example="Soil erosion is addressed by terracing.",
        expected=("terracing", "soil erosion"),
    ),
    Cue(
        "addressed_by_reduced",
        [
            {
                # not "fixed", which also sets ("Nitrogen fixed by bacteria")
                "LOWER": {
                    "IN": "addressed solved mitigated prevented tackled alleviated remedied "
                    "countered".split()
                },
                "TAG": "VBN",
                # "Hit and run prevented by ...": the parser may take the name for verbs
                # and the participle for one more of them
                "DEP": {"IN": ["acl", "ROOT", "conj"]},
            },
            {"LOWER": "by"},
        ],
        0.7,
        reverse=True,
        example="Soil erosion, mitigated by cover crops, slows down.",
        expected=("cover crop", "soil erosion"),
    ),
    Cue(
        "solutions_for",
        [
            _words("solutions remedies fixes cures treatments defenses defences countermeasures"),
            _words("for to against of"),
        ],
        0.7,
        frame="list",
        reverse=True,
        example="What are the remedies for soil erosion? || Terracing and cover crops",
        expected=("cover crop", "soil erosion"),
        context=("terracing",),
    ),
    Cue(
        "solution_to",
        [_words("solution remedy answer defense defence"), _words("to for")],
        0.7,
        example="Gradient clipping is a solution to exploding gradients.",
        expected=("gradient clipping", "exploding gradient"),
    ),
]

CAUSES: list[Cue] = [
    Cue(
        "leads_to",
        [
            _words("leads lead leading results result resulting gives"),
            {"LOWER": "rise", "OP": "?"},
            _words("to in"),
        ],
        0.75,
        example="Sigmoid activations lead to vanishing gradients.",
        expected=("sigmoid", "vanishing gradient"),
    ),
    Cue(
        "contributes_to",
        [_words("contributes contribute contributing"), _ADV, {"LOWER": "to"}],
        0.65,
        example="Overgrazing contributes to desertification.",
        expected=("overgrazing", "desertification"),
    ),
    Cue(
        "brings_about",
        [_words("brings bring bringing"), {"LOWER": "about"}],
        0.7,
        example="Volcanic eruptions bring about acid rain.",
        expected=("volcanic eruption", "acid rain"),
    ),
    Cue(
        "raises_risk_of",
        [
            _words("increases increase increasing raises raise raising"),
            _A,
            _words("risk risks likelihood chance chances"),
            {"LOWER": "of"},
        ],
        0.7,
        example="Smoking increases the risk of lung cancer.",
        expected=("smoking", "lung cancer"),
    ),
    Cue(
        "causes",
        [_words("causes cause causing triggers trigger induces induce")],
        0.7,
        example="Training a GAN often causes mode collapse.",
        expected=("GAN", "mode collapse"),
    ),
    # the past tense of notes on events ("the drought caused the famine"); a participle
    # ("the famine caused by the drought") is the passive cue's
    Cue(
        "caused_past",
        [{"LOWER": {"IN": ["caused", "triggered", "induced"]}, "TAG": "VBD"}],
        0.7,
        example="The volcanic eruption triggered a tsunami.",
        expected=("volcanic eruption", "tsunami"),
    ),
    Cue(
        "led_to",
        [
            {"LOWER": {"IN": ["led", "resulted", "gave"]}, "TAG": "VBD"},
            {"LOWER": "rise", "OP": "?"},
            _words("to in"),
        ],
        0.75,
        example="The fiscal crisis led to the French revolution.",
        expected=("fiscal crisis", "French revolution"),
    ),
    Cue(
        "produces",
        [_words("produces produce producing creates create creating")],
        0.7,
        example="Saturating activations produce the vanishing gradient problem.",
        expected=("saturating activation", "vanishing gradient problem"),
        problem=True,
    ),
    Cue(
        "results_from",
        [
            {
                "LOWER": {"IN": ["results", "result", "resulted", "stems", "stem", "stemmed"]},
                "POS": "VERB",
            },
            _ADV,
            {"LOWER": "from"},
        ],
        0.75,
        reverse=True,
        example="Earthquakes often result from plate tectonics.",
        expected=("plate tectonics", "earthquake"),
    ),
    Cue(
        "cause_of",
        [_BE, _A, _MODS, _words("cause causes"), {"LOWER": "of"}],
        0.8,
        example="Mantle convection is a major cause of earthquakes.",
        expected=("mantle convection", "earthquake"),
    ),
    # "one of the causes of Y": one cause among several, no class that X is one of
    Cue(
        "one_of_causes",
        [_BE, {"LOWER": "one"}, {"LOWER": "of"}, _A, _MODS, _words("causes"), {"LOWER": "of"}],
        0.75,
        example="Overgrazing is one of the main causes of desertification.",
        expected=("overgrazing", "desertification"),
    ),
    # "What are the drawbacks of quenching?" answered by a list: each item is a
    # problem the thing brings (not "the solutions to the problems of X", nor "the
    # advantages and disadvantages of X": the relations.py reader checks)
    Cue(
        "problems_of",
        [
            _words(
                "problems difficulties challenges drawbacks disadvantages dangers risks "
                "pitfalls downsides"
            ),
            _words("of with"),
        ],
        0.7,
        frame="list",
        example="What are the problems of intensive farming? || Soil erosion\nWater pollution",
        expected=("intensive farming", "water pollution"),
        context=("soil erosion",),
    ),
    Cue(
        "causes_of",
        [_words("causes reasons sources"), _words("of for")],
        0.7,
        frame="list",
        reverse=True,
        example="Causes of soil erosion: || Deforestation\nOvergrazing",
        expected=("overgrazing", "soil erosion"),
        context=("deforestation",),
    ),
    Cue(
        "consequence_of",
        [
            _BE,
            _ADV,
            _A,
            _MODS,
            _words("consequence consequences symptom symptoms result results outcome outcomes"),
            {"LOWER": "of"},
        ],
        0.75,
        reverse=True,
        example="Earthquakes are a direct consequence of plate tectonics.",
        expected=("plate tectonics", "earthquake"),
    ),
    Cue(
        "due_to",
        [_BE, _ADV, _words("due owing attributable"), {"LOWER": "to"}],
        0.7,
        reverse=True,
        example="Soil erosion is often due to deforestation.",
        expected=("deforestation", "soil erosion"),
    ),
    Cue(
        "caused_by",
        [_BE, _ADV, _words("caused triggered induced initiated"), {"LOWER": "by"}],
        0.75,
        reverse=True,
        example="Mode collapse is often caused by the generator.",
        expected=("generator", "mode collapse"),
    ),
    Cue(
        "caused_by_reduced",
        [
            {"LOWER": {"IN": ["caused", "triggered", "induced"]}, "TAG": "VBN", "DEP": "acl"},
            {"LOWER": "by"},
        ],
        0.7,
        reverse=True,
        example="Rickets is a disease caused by vitamin D deficiency.",
        expected=("vitamin D deficiency", "rickets"),
    ),
    # a thing has the problems it suffers from or is prone to: "Open-pit mines suffer from
    # flooding" (as "the problems of X" are X's)
    Cue(
        "suffers_from",
        [_words("suffers suffer suffering suffered"), _ADV, {"LOWER": "from"}],
        0.7,
        example="Open-pit mines often suffer from groundwater flooding.",
        expected=("open-pit mine", "groundwater flooding"),
    ),
    Cue(
        "prone_to",
        [_words("prone"), {"LOWER": "to"}],
        0.7,
        example="Clay soils are prone to waterlogging.",
        expected=("clay soil", "waterlogging"),
    ),
    # an answer line opening with the participle, its subject the card's: "Caused by X"
    Cue(
        "caused_by_fragment",
        [
            {"IS_SENT_START": True, "LOWER": {"IN": ["caused", "triggered", "induced"]}},
            _ADV,
            {"LOWER": "by"},
        ],
        0.7,
        reverse=True,
        example="Landslide || A mass of rock sliding downhill. Caused by heavy rain.",
        expected=("heavy rain", "landslide"),
    ),
    # a verb of happening and its cause: "Y occurs because of X", "Y arises due to X"
    Cue(
        "happens_because_of",
        [
            _words(
                "occur occurs occurred occurring happen happens happened arise arises arose "
                "develop develops developed"
            ),
            _ADV,
            _words("because due owing"),
            _words("of to"),
        ],
        0.7,
        reverse=True,
        example="Landslides often occur because of soil erosion.",
        expected=("soil erosion", "landslide"),
    ),
    # "is responsible for" also gives a function ("the liver is responsible for
    # detoxification"): a cause only of what the notes name as a problem
    Cue(
        "responsible_for",
        [_BE, _ADV, _words("responsible"), {"LOWER": "for"}],
        0.7,
        example="Deforestation is largely responsible for the soil erosion problem.",
        expected=("deforestation", "soil erosion problem"),
        problem=True,
    ),
]

#: Verbs after "used to" / "helps" that other tables read ("used to prevent X" addresses
#: X, "helps reduce X" too, "used to compute X" uses X): no ``used_for`` of their own.
#: "Used to produce / create X" is not among them: "produces" says ``causes`` only of a
#: problem, and what a thing is used to make is what it is for.
PURPOSE_VERBS_ELSEWHERE = frozenset(
    """
    prevent avoid reduce mitigate address solve tackle fix counter combat fight overcome
    alleviate lessen minimize minimise cause compute calculate help relieve treat cure
    """.split()
)

#: The label of the untyped link from a compound name to the concept its head names
#: ("ridge regression" to "regression"): the name alone states no kind, so the link is
#: no ``is_a``; its citation says that the name is the evidence.
KIND_BY_NAME = "is named after"

#: Verbs (base forms) of finding a thing out: what a method is used (or lets one) to
#: detect is dealt with by it when the notes name it as a problem ("used to detect the
#: leak problem" addresses the leak problem); another thing it is only used for.
DETECTING_VERBS = frozenset("detect diagnose identify spot catch flag".split())

#: Words a hyphen joins after a name to say a thing only resembles or lacks what the
#: name names: "thrashing-like slowdowns" are no thrashing, "a lock-free queue" uses no
#: lock.
LIKENESS_SUFFIXES = frozenset({"like", "ish", "esque", "free", "less"})

#: Verbs after "used to" of a mere act on a thing, no purpose: what a method is used to
#: find, get, represent, control or enforce is what it works on ("a survey used to find the
#: wreck that ...", "a valve used to control the flow"), not what it is for; the link
#: stays a weak one labelled with its verb.
ACTION_VERBS = frozenset(
    "find get obtain represent describe express show store control enforce".split()
)

#: Verbs (in the base form) of an act that takes in, joins, carries or remembers its
#: object: what a thing is used to combine, carry, deliver or remember is its material or its
#: content, no purpose ("used to combine the forecasts, thereby improving accuracy" is used
#: for the accuracy, not the forecasts; "allowing the cart to carry grain"
#: holds it). Keeping a quality is a purpose ("a way to retain soil moisture").
MATERIAL_VERBS = frozenset(
    "combine merge amalgamate aggregate pool blend mix join fuse carry convey transport "
    "deliver transmit hold feed remember memorize memorise".split()
)

#: Verbs of naming or showing after "use X to": "we use the term X to refer to Y", "use
#: a letter to denote Y", "we use a toy function to illustrate Y" say what a word stands
#: for or what an example shows, not what a thing is for.
SIGNIFYING_VERBS = frozenset(
    "refer denote mean indicate signify illustrate demonstrate observe".split()
)

#: Verbs of showing a thing in a display (in the base form): "we can represent X and Y in
#: a diagram called Z", "the prices are plotted on a line chart" say that the display
#: holds and uses what it shows.
SHOWING_VERBS = frozenset(
    "represent show display plot depict visualize visualise summarize summarise tabulate "
    "draw chart graph".split()
)
#: Nouns for a display: what a thing is shown in is a display only when named by one, or
#: by a concept whose name ends in one ("a diagram called a climograph", "a bar chart");
#: "we show X in Python", "in this case", "in practice" name no display.
DISPLAY_NOUNS = frozenset("diagram chart plot graph table map figure".split())
#: Prepositions that put a shown thing in its display.
DISPLAY_PREPOSITIONS = frozenset({"in", "on", "with", "using", "via"})

#: Participles of "This is done using X" after a sentence saying what is done: X is
#: used for that act.
DONE_VERBS = frozenset("done achieved accomplished performed implemented carried".split())

#: Verbs after "used to" that give no ``used_for`` of the object they take.
_NOT_PURPOSE = sorted(PURPOSE_VERBS_ELSEWHERE | ACTION_VERBS)

#: Adverbs that make a participle after a purpose its result: in "use X to combine the
#: forecasts, thereby improving accuracy" what the act brings about is what X is for too.
RESULT_ADVERBS = frozenset({"thereby", "thus", "hence"})
#: Verbs of such a participle that say a gain sought (in the base form): a result that
#: merely happens ("thereby changing the colour", "thus lowering the yield") is no purpose.
RESULT_GAIN_VERBS = frozenset(
    """
    improve enhance increase boost strengthen amplify raise maximize maximise promote
    ensure achieve
    """.split()
)

USED_FOR: list[Cue] = [
    Cue(
        "used_for",
        [
            _BE,
            _ADV,
            _words("used employed utilized utilised useful suitable suited designed"),
            _ADV,
            _words("for in to"),
        ],
        0.8,
        example="Kilns are used for firing and glazing.",
        expected=("kiln", "glazing"),
    ),
    # a question that puts its subject after the copula: "Why is X used in Y?"
    Cue(
        "used_for_asked",
        [
            _words("why how when where"),
            _words("is are was were"),
            {"POS": {"IN": ["DET", "ADJ", "NOUN", "PROPN"]}, "OP": "{1,5}"},
            _ADV,
            _words("used employed utilized utilised useful suitable suited"),
            _ADV,
            _words("for in"),
        ],
        0.8,
        example="Why is mortar used in masonry? || It binds the bricks together.",
        expected=("mortar", "masonry"),
    ),
    Cue(
        "used_for_reduced",
        [
            {"LOWER": {"IN": "used employed utilized utilised".split()}, "DEP": "acl"},
            _ADV,
            {"LOWER": "for"},
        ],
        0.7,
        example="Open addressing is a technique used for collision resolution.",
        expected=("open addressing", "collision resolution"),
    ),
    # an answer line opening with the participle, its subject the card's: "Used for X"
    Cue(
        "used_for_fragment",
        [
            {"IS_SENT_START": True, "LOWER": {"IN": "used employed utilized utilised".split()}},
            _ADV,
            _words("for in"),
        ],
        0.7,
        example="Hash tables || Used in compiler design.",
        expected=("hash table", "compiler design"),
    ),
    # the same after a semicolon: "X || A mix that sets slowly; used for masonry" (the
    # clause break opening the match is dropped from the cue's words)
    Cue(
        "used_for_clause_fragment",
        [
            {"ORTH": ";"},
            _ADV,
            {"LOWER": {"IN": "used employed utilized utilised".split()}},
            _ADV,
            _words("for in"),
        ],
        0.7,
        example="Lime mortar || A mix of lime and sand that sets slowly; used for masonry.",
        expected=("lime mortar", "masonry"),
    ),
    Cue(
        "used_for_fragment_adverb",
        [
            {"IS_SENT_START": True, "POS": "ADV"},
            _ADV,
            {"LOWER": {"IN": "used employed utilized utilised".split()}},
            _ADV,
            _words("for in"),
        ],
        0.7,
        example="Seismographs || Mostly employed for earthquake monitoring.",
        expected=("seismograph", "earthquake monitoring"),
    ),
    Cue(
        "used_to_do",
        [
            _BE,
            _ADV,
            _words("used employed utilized utilised applied"),
            {"LOWER": "to"},
            {"POS": "VERB", "LOWER": {"NOT_IN": _NOT_PURPOSE}},
            {"LOWER": {"IN": ["and", "or", "/", "and/or"]}, "OP": "*"},
            {"POS": "VERB", "OP": "?", "LOWER": {"NOT_IN": _NOT_PURPOSE}},
        ],
        0.65,
        gap=2,
        example="Spectroscopy is utilized to identify and measure chemical elements.",
        expected=("spectroscopy", "chemical element"),
    ),
    # an answer line opening with the participle, its subject the card's: "Used to do X"
    Cue(
        "used_to_do_fragment",
        [
            {"IS_SENT_START": True, "LOWER": {"IN": "used employed utilized utilised".split()}},
            _ADV,
            {"LOWER": "to"},
            {"POS": "VERB", "LOWER": {"NOT_IN": _NOT_PURPOSE}},
        ],
        0.65,
        gap=2,
        example="Levee || A raised bank of earth. Used to protect farmland.",
        expected=("levee", "farmland"),
    ),
    # the same after a semicolon: "X || A bank of earth; used to protect farmland"
    Cue(
        "used_to_do_clause_fragment",
        [
            {"ORTH": ";"},
            _ADV,
            {"LOWER": {"IN": "used employed utilized utilised".split()}},
            _ADV,
            {"LOWER": "to"},
            {"POS": "VERB", "LOWER": {"NOT_IN": _NOT_PURPOSE}},
        ],
        0.65,
        gap=2,
        example="Levee || A raised bank of earth; used to protect farmland.",
        expected=("levee", "farmland"),
    ),
    # what a thing is found or watched with: "Diabetes is diagnosed with a blood test",
    # an answer line "Detected by sonar" (the card's subject)
    Cue(
        "diagnosed_with",
        [
            {"LOWER": {"IN": "diagnosed detected monitored".split()}, "TAG": "VBN"},
            _ADV,
            _words("with by using"),
        ],
        0.65,
        reverse=True,
        example="Rickets is diagnosed with an X-ray of the wrist.",
        expected=("X-ray", "rickets"),
    ),
    Cue(
        "used_on_to_do",
        [
            _BE,
            _ADV,
            _words("used employed utilized utilised applied"),
            # "employed against floods to protect farmland": a short phrase on what
            {"POS": "ADP", "LOWER": {"NOT_IN": ["to", "for", "by"]}},
            {"POS": {"IN": ["DET", "ADJ", "NOUN", "PROPN"]}, "OP": "{1,4}"},
            {"LOWER": "to"},
            {"POS": "VERB", "LOWER": {"NOT_IN": _NOT_PURPOSE}},
        ],
        0.6,
        gap=2,
        example="Levees are employed along rivers to protect farmland.",
        expected=("levee", "farmland"),
    ),
    Cue(
        "used_to_do_reduced",
        [
            {"LOWER": {"IN": "used employed utilized utilised applied".split()}, "DEP": "acl"},
            _ADV,
            {"LOWER": "to"},
            {"POS": "VERB", "LOWER": {"NOT_IN": _NOT_PURPOSE}},
        ],
        0.65,
        gap=2,
        example="A thermostat is a device used to regulate room temperature.",
        expected=("thermostat", "room temperature"),
    ),
    Cue(
        "use_to_do",
        [
            {"LOWER": {"IN": "use uses employ employs".split()}, "POS": "VERB"},
            {"POS": "DET", "OP": "?"},
            # "use boiling water to ...": a participle the tagger reads as a verb
            {"TAG": "VBG", "DEP": {"IN": ["amod", "compound"]}, "OP": "?"},
            # "use a (seismic) network of seismographs to ...": the thing used
            {
                "POS": {"IN": ["DET", "ADJ", "NOUN", "PROPN", "NUM", "CCONJ", "PUNCT"]},
                "LOWER": {"NOT_IN": [",", ";", ":", ".", "(", ")", "!", "?"]},
                "OP": "{1,6}",
            },
            {"LOWER": "to"},
            {"POS": "VERB", "LOWER": {"NOT_IN": _NOT_PURPOSE + sorted(SIGNIFYING_VERBS)}},
        ],
        0.6,
        frame="purpose",
        gap=2,
        example="Geologists use seismographs to detect earthquakes.",
        expected=("seismograph", "earthquake"),
    ),
    # "X is applied to Y", "we apply X to Y": what X is put to work on, when Y names a
    # field or an undertaking ("pricing problems"), not things ("to a spreadsheet")
    Cue(
        "applied_to",
        [_BE, _ADV, _words("applied"), _ADV, {"LOWER": "to"}],
        0.65,
        frame="applied",
        example="Game theory can be applied to pricing problems.",
        expected=("game theory", "pricing"),
    ),
    Cue(
        "apply_to",
        [
            {"LOWER": {"IN": "apply applies applying".split()}, "POS": "VERB"},
            # what is applied, a gerund name too ("apply triangulation to ...")
            {"TAG": {"IN": "DT PDT JJ NN NNS NNP NNPS PRP VBG HYPH".split()}, "OP": "{1,4}"},
            {"LOWER": "to"},
        ],
        0.65,
        frame="applied",
        example="Surveyors apply triangulation to land surveying.",
        expected=("triangulation", "land surveying"),
    ),
    # "X is a good way to V Y", "X is one of the best means to V Y": what the means is
    # for, as "X is used to V Y" (a remedy verb is the addresses table's)
    Cue(
        "way_to_do",
        [
            {"LOWER": {"IN": sorted(MEANS_NOUNS)}},
            {"LOWER": "to"},
            {"POS": "VERB", "LOWER": {"NOT_IN": _NOT_PURPOSE}},
        ],
        0.6,
        gap=2,
        example="Mulching is one of the best ways to retain soil moisture.",
        expected=("mulching", "soil moisture"),
    ),
    # "X is one of the best ways to help Y (along)": what the means helps is what it is
    # for ("a way to help reduce Y", "to help the model learn Y" help an act: no object)
    Cue(
        "way_to_help",
        [{"LOWER": {"IN": sorted(MEANS_NOUNS)}}, {"LOWER": "to"}, _words("help")],
        0.6,
        gap=2,
        example="Stretching is one of the best ways to help muscle recovery.",
        expected=("stretching", "muscle recovery"),
    ),
    # "X is a way of V-ing Y": the same means, its act a gerund
    Cue(
        "way_of_doing",
        [
            {"LOWER": {"IN": sorted(MEANS_NOUNS)}},
            {"LOWER": "of"},
            {"TAG": "VBG", "LOWER": {"NOT_IN": _NOT_PURPOSE}},
        ],
        0.6,
        gap=2,
        example="Reverse osmosis is a way of achieving desalination.",
        expected=("reverse osmosis", "desalination"),
    ),
    # "Y is achieved / accomplished by X": what achieves Y is used for it
    Cue(
        "achieved_by",
        [
            # a method, told in the present ("the record was achieved by an athlete": a deed)
            _words("is are be"),
            _ADV,
            _words("achieved accomplished attained realized realised"),
            _ADV,
            _words("by through via using"),
        ],
        0.65,
        reverse=True,
        example="Soundproofing is achieved by acoustic panels.",
        expected=("acoustic panel", "soundproofing"),
    ),
    # the purpose put first: "To detect earthquakes, geologists use seismographs"
    Cue(
        "fronted_use_to_do",
        [
            {"IS_SENT_START": True, "LOWER": "to"},
            {"POS": "VERB", "LOWER": {"NOT_IN": _NOT_PURPOSE + sorted(SIGNIFYING_VERBS)}},
            {"LOWER": {"NOT_IN": [",", ";", ":", ".", "(", ")", "!", "?"]}, "OP": "{1,6}"},
            {"ORTH": ","},
            {"POS": {"IN": ["PRON", "NOUN", "DET", "ADJ"]}, "OP": "{0,2}"},
            {"POS": "AUX", "OP": "?"},
            _words("use uses employ employs apply applies"),
        ],
        0.6,
        frame="fronted_purpose",
        example="To detect earthquakes, geologists use seismographs.",
        expected=("seismograph", "earthquake"),
    ),
    # a purpose put first, met by making something: "To compare the seasons, we can draw
    # a climate chart" (what the reader makes for the purpose is used for it)
    Cue(
        "fronted_make_to_do",
        [
            {"IS_SENT_START": True, "LOWER": "to"},
            {"POS": "VERB", "LOWER": {"NOT_IN": _NOT_PURPOSE + sorted(SIGNIFYING_VERBS)}},
            {"LOWER": {"NOT_IN": [",", ";", ":", ".", "(", ")", "!", "?"]}, "OP": "{1,8}"},
            {"ORTH": ","},
            {"LOWER": {"IN": ["we", "you", "one"]}},
            {"POS": "AUX", "OP": "?"},
            _words("plot draw build construct create make"),
        ],
        0.6,
        frame="fronted_purpose",
        example="To compare the seasons, we can draw a climate chart.",
        expected=("climate chart", "season"),
    ),
    Cue(
        "helps_to_do",
        [
            _words("helps help helping"),
            {"LOWER": "to", "OP": "?"},
            {"POS": "VERB", "LOWER": {"NOT_IN": sorted(PURPOSE_VERBS_ELSEWHERE)}},
        ],
        0.55,
        gap=2,
        example="Crop rotation helps improve soil fertility.",
        expected=("crop rotation", "soil fertility"),
    ),
    # "X allows / enables / lets a user (to) V Y": what X lets someone do is what it is
    # used for, as "X is used to V Y"; the one let is a person or a general noun (a
    # concept let do something is the helped thing, `_let_concept`)
    Cue(
        "allows_to_do",
        [
            # not the reader's "Let's / Let us V": an imperative, no thing that lets
            {
                "LOWER": {
                    "IN": "allows allow allowed allowing enables enable enabled enabling lets "
                    "let".split()
                },
                "IS_SENT_START": False,
            },
            {
                # a pronoun for a thing points back at one ("allowing them to learn"):
                # a person, not a thing, is let use it
                "POS": {"IN": ["DET", "PRON", "ADJ", "NOUN"]},
                "LOWER": {"NOT_IN": ["'s", "’s", "it", "them", "they", "itself", "themselves"]},
                "OP": "{1,3}",
            },
            {"LOWER": "to", "OP": "?"},
            {"POS": "VERB", "LOWER": {"NOT_IN": _NOT_PURPOSE}},
        ],
        0.55,
        gap=2,
        example="A barometer allows sailors to forecast storms.",
        expected=("barometer", "storm"),
    ),
    Cue(
        "measured_by",
        [
            _BE,
            _ADV,
            _words("measured quantified evaluated assessed gauged"),
            _words("by with using"),
        ],
        0.7,
        reverse=True,
        example="Classifier performance is measured by the F1 score.",
        expected=("F1 score", "classifier performance"),
    ),
    Cue(
        "measures",
        [
            {
                "LOWER": {"IN": "measures measure quantifies quantify".split()},
                "POS": "VERB",
            }
        ],
        0.6,
        gap=1,
        example="The eigenvalue measures the variance along its eigenvector.",
        expected=("eigenvalue", "variance"),
    ),
    Cue(
        "facilitates",
        [_words("facilitates facilitate facilitating enables enable enabling")],
        0.6,
        example="Residual connections facilitate gradient flow.",
        expected=("residual connection", "gradient flow"),
    ),
    Cue(
        "suitable_for",
        [
            _words("suitable suited useful ideal appropriate beneficial invaluable valuable"),
            # "the most appropriate strategy for Y": a noun for a means between
            {"LOWER": {"IN": sorted(GENERIC_HEADS | MEANS_NOUNS)}, "OP": "?"},
            {"LOWER": "for"},
        ],
        0.7,
        frame="near",
        example="Why are kilns suitable for stoneware?",
        expected=("kiln", "stoneware"),
    ),
    Cue(
        "has_applications_in",
        [_words("has have had"), _MODS, _words("applications uses"), _words("in for to")],
        0.75,
        example="Convolutional networks have applications in image classification.",
        expected=("convolutional network", "image classification"),
    ),
    Cue(
        "applicable_to",
        [_words("applicable relevant"), _words("to for")],
        0.7,
        example="Sonar is applicable to tasks such as seabed mapping.",
        expected=("sonar", "seabed mapping"),
    ),
    Cue(
        "designed_to_process",
        [
            _words("designed made built"),
            {"LOWER": "to"},
            _words("process handle model perform"),
        ],
        0.7,
        example="Seismographs are designed to process ground vibrations.",
        expected=("seismograph", "ground vibration"),
    ),
    Cue(
        "applications_of",
        [_words("applications uses application"), {"LOWER": "of"}],
        0.7,
        frame="list",
        example="Applications of autoencoders || denoising, anomaly detection",
        expected=("autoencoder", "denoising"),
    ),
    Cue(
        "applications_where",
        [
            _words("applications uses areas"),
            {"LOWER": {"IN": ["in", "for"]}, "OP": "?"},
            _words("where which"),
        ],
        0.7,
        frame="list",
        example="Name some applications where a hash table is useful. || caching, symbol tables",
        expected=("hash table", "caching"),
    ),
    Cue(
        "what_used_for",
        [_words("used useful good"), _ADV, _words("for")],
        0.7,
        frame="list",
        example="What is an autoencoder used for? || Denoising and anomaly detection",
        expected=("autoencoder", "anomaly detection"),
    ),
]

CONTRASTS_WITH: list[Cue] = [
    Cue(
        "difference_between",
        [
            _words("difference differences distinction contrast tradeoff tradeoffs"),
            {"LOWER": "between"},
        ],
        0.85,
        frame="between",
        example="What is the difference between weather and climate?",
        expected=("weather", "climate"),
    ),
    # a choice between two things sets them against each other, as a question of when to
    # take which does (CHOICE_VERBS)
    Cue(
        "choose_between",
        [
            _words(
                "choose chooses choosing chose choice choices decide decides deciding "
                "decision select selects selecting selection pick picks picking"
            ),
            {"LOWER": "between"},
        ],
        0.75,
        frame="between",
        example="Surveyors must choose between triangulation and trilateration.",
        expected=("triangulation", "trilateration"),
    ),
    Cue(
        "compare",
        [{"LOWER": {"IN": ["compare", "contrast", "differentiate"]}, "POS": "VERB"}],
        0.8,
        frame="between",
        example="Compare mitosis and meiosis.",
        expected=("mitosis", "meiosis"),
    ),
    Cue(
        "compare_prompt",
        [{"LOWER": {"IN": ["compare", "contrast", "differentiate"]}, "IS_SENT_START": True}],
        0.8,
        frame="between",
        example="Contrast mitosis and meiosis.",
        expected=("mitosis", "meiosis"),
    ),
    Cue(
        "differ",
        [_words("differ differs differed")],
        0.75,
        frame="paired",
        example="How do mitosis and meiosis differ?",
        expected=("mitosis", "meiosis"),
    ),
    Cue(
        "versus",
        [_words("vs vs. versus")],
        0.85,
        frame="svo",
        example="LSTM vs. GRU",
        expected=("LSTM", "GRU"),
    ),
    Cue(
        "differs_from",
        [_words("differs differ differed"), _ADV, {"LOWER": "from"}],
        0.7,
        example="Mitosis differs from meiosis in the number of divisions.",
        expected=("mitosis", "meiosis"),
    ),
    Cue(
        "as_opposed_to",
        [{"LOWER": "as"}, {"LOWER": "opposed"}, {"LOWER": "to"}],
        0.7,
        frame="near",
        example="Osmosis, as opposed to active transport, needs no energy.",
        expected=("osmosis", "active transport"),
    ),
    Cue(
        "compared_to",
        [_words("compared comparison relative"), _words("to with")],
        0.7,
        frame="near",
        example="When would LSTMs be the better choice compared to GRUs?",
        expected=("LSTM", "GRU"),
    ),
    Cue(
        "unlike",
        [_words("unlike contrary"), {"LOWER": "to", "OP": "?"}],
        0.8,
        frame="fronted",
        example="Unlike RNNs, transformers read the whole sequence at once.",
        expected=("RNN", "transformer"),
    ),
    Cue(
        "more_than",
        [
            {"TAG": {"IN": ["JJR", "RBR"]}, "LOWER": {"NOT_IN": ["rather", "other"]}},
            {"IS_ALPHA": True, "OP": "?"},
            {"IS_ALPHA": True, "OP": "?"},
            {"LOWER": "than"},
        ],
        0.6,
        frame="compared",
        example="Optical fibre carries more bandwidth than copper wire.",
        expected=("optical fibre", "copper wire"),
    ),
    Cue(
        "alternative_to",
        [_words("alternative alternatives opposite counterpart reverse"), _words("to of")],
        0.75,
        example="Heat pumps are a cheaper alternative to gas boilers.",
        expected=("heat pump", "gas boiler"),
    ),
    Cue(
        "whereas",
        [_words("whereas")],
        0.75,
        frame="joined",
        example="Bagging trains its models independently, whereas boosting trains them in turn.",
        expected=("bagging", "boosting"),
    ),
    Cue(
        "while_contrast",
        [_words("while whilst")],
        0.65,
        frame="joined",
        example="Arteries carry blood away from the heart, while veins carry it back.",
        expected=("artery", "vein"),
    ),
    Cue(
        "but_contrast",
        [_words("but")],
        0.65,
        frame="joined",
        example="Hardwoods have broad leaves, but softwoods do not.",
        expected=("hardwood", "softwood"),
    ),
    Cue(
        "like_however",
        [{"LOWER": "like"}],
        0.65,
        frame="fronted",
        example="Like arteries, veins carry blood, but they hold valves.",
        expected=("artery", "vein"),
    ),
    Cue(
        "in_contrast_to",
        [{"LOWER": "in"}, _words("contrast opposition"), _words("to with")],
        0.8,
        frame="fronted",
        example="In contrast to RNNs, transformers read the whole sequence at once.",
        expected=("RNN", "transformer"),
    ),
]

EXAMPLE_OF: list[Cue] = [
    Cue(
        # a title "Examples of X" over a list names examples of X, as "Examples:" and
        # "examples of X are A, B" do, not kinds of it
        "examples_of",
        [_words("examples instances"), {"LOWER": "of"}],
        0.65,
        frame="list",
        reverse=True,
        example="Examples of noble gases || helium, neon",
        expected=("neon", "noble gas"),
        context=("helium",),
        min_items=2,
    ),
    Cue(
        "such_as_instances",
        [{"LOWER": "such"}, {"LOWER": "as"}],
        0.7,
        frame="instances",
        example="Natural language processing such as machine translation is sequential.",
        expected=("machine translation", "natural language processing"),
    ),
    Cue(
        "eg_instances",
        [
            {"ORTH": {"IN": [",", "(", ":"]}, "OP": "?"},
            _words("e.g. e.g eg including like especially"),
        ],
        0.7,
        frame="instances",
        example="NLP e.g. sentiment analysis, machine translation",
        expected=("sentiment analysis", "NLP"),
    ),
    Cue(
        "for_example",
        [{"LOWER": "for"}, _words("example instance"), {"ORTH": {"IN": [",", ":"]}, "OP": "?"}],
        0.65,
        frame="instances",
        example="Network visualization, for example occlusion, explains a classifier.",
        expected=("occlusion", "network visualization"),
    ),
    Cue(
        "examples_are",
        [_words("examples instances"), {"LOWER": "of", "OP": "?"}],
        0.7,
        frame="examples",
        example="Common examples of operating systems are Linux and Windows.",
        expected=("Linux", "operating system"),
    ),
    Cue(
        "is_an_example_of",
        [_BE, _A, _MODS, _words("example instance application"), {"LOWER": "of"}],
        0.85,
        example="Machine translation is an example of natural language processing.",
        expected=("machine translation", "natural language processing"),
    ),
    Cue(
        # the plural of the cue before: each subject the list names is an example
        "are_examples_of",
        [_BE, _MODS, _words("examples instances"), {"LOWER": "of"}],
        0.85,
        example="Sonnets and haikus are examples of fixed verse forms.",
        expected=("haiku", "fixed verse form"),
        context=("sonnet",),
    ),
]

#: Confidence of "X is a Y" with concepts on both sides of a copula (parsed, no cue).
COPULA_CONFIDENCE = 0.75
#: Confidence of "X, a Y, ..." (an apposition after a comma).
APPOSITION_CONFIDENCE = 0.6
#: Words the notes use to talk about relations ("the applications of X", "types of X",
#: "a solution to X", "the steps", "the relation between X and Y") or about themselves
#: ("Glossary", "Summary", "Lecture 3"): a concept named by one of them alone is never an
#: end of a typed relation nor a prerequisite.
META_WORDS = frozenset(
    """
    type kind sort variant category example instance application use usage component
    part piece problem issue solution remedy step technique approach way strategy task
    advantage disadvantage benefit drawback limitation characteristic aspect reason
    difference thing idea purpose goal pro con relation relationship
    glossary summary overview introduction conclusion recap lecture chapter lesson
    quiz note reference reading cheatsheet outline synopsis appendix
    """.split()
)
#: Words that name a problem: a concept named by one ("the exploding gradient problem"),
#: or one the notes call by one ("overfitting is a common issue", "suffers from
#: overfitting"), is something a method can address.
PROBLEM_WORDS = frozenset(
    """
    problem issue limitation challenge difficulty drawback disadvantage weakness
    shortcoming pitfall risk bottleneck
    """.split()
)
#: Words before a concept that say it is a problem: "suffers from X", "prone to X".
PROBLEM_FRAMES = (
    ("suffer", "from"),
    ("suffers", "from"),
    ("suffering", "from"),
    ("prone", "to"),
    ("struggle", "with"),
    ("struggles", "with"),
    ("susceptible", "to"),
    ("vulnerable", "to"),
)
#: Verbs that say what follows them is bad: what the notes say is prevented or
#: mitigated ("used to prevent corrosion", "mitigate the delay") is a problem that a
#: method can reduce or control.
REMEDY_VERBS = frozenset(
    """
    prevent prevents preventing mitigate mitigates mitigating alleviate alleviates
    alleviating combat combats combating counteract counteracts counteracting
    """.split()
)
#: Verbs whose object is the subject of the verb after it ("enabling the decoder to
#: reconstruct", "allows the model to learn"): what they enable or cause is that act.
CONTROL_VERBS = frozenset(
    """
    enable enables enabling enabled allow allows allowing allowed cause causes causing
    force forces forcing let lets permit permits permitting help helps helping make
    makes making
    """.split()
)
#: Modifiers before a concept that do not narrow it ("popular kernels", "many layers"):
#: any other adjective does ("small gradients" are not the gradient).
NON_RESTRICTIVE = frozenset(
    """
    key main common important major primary basic general same first popular typical
    many several various multiple more most few some all each every any such own entire
    whole certain standard usual widely commonly often single
    """.split()
)
#: Modifiers that leave a word of :data:`META_WORDS` as general as it was ("the key
#: component", "the main advantage").
EVALUATIVE = frozenset(
    "key main common important major primary basic general different other same new "
    "first second third last core central".split()
)
#: Head nouns that add nothing to the concept before them when the two make no name
#: of their own: "reinforcement learning methods" are reinforcement learning's, "an
#: encoder network" is the encoder (not "model": "gene models" are no genes).
TRANSPARENT_HEADS = GENERIC_HEADS | frozenset({"network", "method"})
#: Nouns that name a quantity a thing has, not a class of things: a name before one
#: ("MSE values", "F1 scores", "learning rate estimates") says whose quantity it is, not
#: a kind of it (unlike "ReLU activation functions").
QUANTITY_HEADS = frozenset(
    """
    value score level rate count number amount estimate measurement reading figure
    result output size magnitude
    """.split()
)
#: Nouns for a part of a whole: a definition that opens with one ("Nucleolus: part of
#: the nucleus where ...", "Prophase: first stage of mitosis") says where its term
#: belongs, not what kind of thing it is.
PART_NOUNS = frozenset(
    """
    part parts portion piece section segment component element region stage phase step
    half fraction
    """.split()
)
#: Nouns that frame what a definition states as something other than a kind, each with
#: the relation a reader hears in it: "Variance: a measure of spread" (measures it),
#: "Mulching: a way of keeping soil moist" (is used for it), "Fever: a sign of
#: infection" (indicates it), "Rust: the result of oxidation" (is caused by it),
#: "Ecology: the study of ...", "Bail: the term for ...", "Memory: the ability to ...".
#: Their "of" object is never the term's genus, nor is the framing noun.
FRAMING_NOUNS = frozenset(
    """
    measure measures way ways means sign signs symptom symptoms indicator indicators
    result results effect effects outcome product consequence study science term word
    name ability capacity tendency
    """.split()
)
#: Nouns that judge rather than classify: "Caching: a major advantage of this design"
#: weighs the term against something, it states no kind of thing the term is.
EVALUATIVE_NOUNS = frozenset(
    """
    advantage advantages disadvantage disadvantages benefit benefits drawback drawbacks
    strength strengths weakness weaknesses pro pros con cons merit merits
    """.split()
)
#: Verbs that offer a means (:data:`MEANS_NOUNS`): in "X provides a way to address Y"
#: (or "offers a means to avoid Y") what the means does, X does.
OFFER_VERBS = frozenset("provide provides providing offer offers offering give gives".split())
#: Nouns for ways of doing something that a line introducing a list may name: "Ways to
#: prevent X:", "Strategies for avoiding X" over a list: each item is such a way.
MEANS_INTRO_NOUNS = MEANS_NOUNS | frozenset(
    "methods techniques strategy strategies tip tips approach approaches tools how "
    "steps aspects".split()
)
#: Conjunctions that also say "at the same time": they set two clauses against each other
#: after a comma ("Arteries carry blood away, while veins carry it back"), or opening the
#: sentence when the two clauses share their verb or one is negated ("While mitosis gives
#: two cells, meiosis gives four"), not in "While the enzyme binds, the cofactor waits".
TEMPORAL_CONTRASTS = frozenset({"while", "whilst"})
#: Conjunctions that join two clauses of equal rank and set them against each other
#: only when the clauses are parallel: the same verb, or one of them negated ("Arteries
#: have thick walls, but veins have valves", "Hardwoods have broad leaves, but softwoods
#: do not"), never when the second says the same again ("..., but X also reduces it")
#: or the first is "not only ...".
TURNING_CONJUNCTIONS = frozenset({"but"})
#: Words by which a clause says the same of its subject as the clause before it does.
SAME_AGAIN = frozenset({"also", "too", "likewise", "similarly", "equally"})
#: Cues that liken two things (a fronted "Like X, Y ..."): they set them against each
#: other only when the sentence then turns (:data:`CONTRAST_TURNS`): "Like arteries,
#: veins carry blood, but they hold valves", not "Like arteries, veins carry blood".
LIKENING_CUES = frozenset({"like_however"})
#: Words that turn a sentence against what it said before them.
CONTRAST_TURNS = frozenset({"however", "but", "yet", "whereas", "instead"})
#: Gerunds of a means that bring in what they act on, which is then the means itself:
#: "prevented by installing a pressure valve", "by adding a buffer", "by using a fuse";
#: any other ("prevented by painting the hull", "by cooling the engine") only treats it.
MAKING_VERBS = frozenset(
    "defining introducing adding applying using employing imposing installing building "
    "adopting enforcing creating establishing inserting placing putting providing "
    "planting constructing fitting including setting keeping maintaining following "
    "taking requiring giving wearing eating drinking consuming injecting making".split()
)
#: Endings of nouns that name a quality ("inefficiency", "instability", "slowness"): an
#: item naming one under "Drawbacks of X" says what X is, no effect X brings about.
QUALITY_SUFFIXES = ("ness", "ity", "ency", "ancy")
#: Quantifiers whose "of" phrase names what a subject is: "many of the ions do not".
QUANTIFIERS = frozenset({"many", "some", "most"})
#: Verbs of choosing: "When should you use X and when Y?", "When would you choose X over
#: Y?" ask which of the two to take, setting them against each other.
CHOICE_VERBS = frozenset("use choose pick prefer".split())
#: Copulas that state what a thing is.
COPULAS = frozenset({"is", "are", "was", "were", "'s", "’s"})
#: Verbs that say what a thing holds. After a comma, "which" with one of them (or with a
#: copula and a noun: "which is a kind of Y") describes the noun before it, not the whole
#: clause: in "Plants have a cell wall, which contains cellulose" the wall contains it.
HOLDING_VERBS = frozenset(
    "contains contain includes include comprises comprise consists consist".split()
)
#: Words that close a list as a sample of something larger: "These rocks include granite,
#: basalt and slate, among others" names members it picked out of more, that is examples
#: of the class (``example_of``), where "Popular kernels include A and B" names its kinds.
OPEN_LIST_ENDS = frozenset(
    {("among", "others"), ("and", "others"), ("etc",), ("etc.",), ("and", "so", "on")}
)
#: Nouns of manner: a participle set off by a comma after "in a greedy manner" ("...
#: in a greedy manner, conditioned on the summary") says how the clause's action is done,
#: since a manner is no thing to condition; after any other noun ("stored in a hash
#: table, indexed by the key") it describes that noun.
MANNER_NOUNS = frozenset({"manner"})
#: Adverbs that bind a copula to a moment or a setting of the text: "the mixture is now a
#: gas", "the product is still a salt", "here the solvent is water" say what something
#: is in an example or at a step, not what kind of thing it is.
CONTEXT_ADVERBS = frozenset({"now", "still", "here"})

#: Every table, by the relation it gives.
TABLES: dict[str, list[Cue]] = {
    "is_a": IS_A,
    "part_of": PART_OF,
    "uses": USES,
    "addresses": ADDRESSES,
    "causes": CAUSES,
    "used_for": USED_FOR,
    "contrasts_with": CONTRASTS_WITH,
    "example_of": EXAMPLE_OF,
}

#: Column headers that say how a table's row relates to what a cell names: header words
#: -> (relation, the row's entity is the source). "Method | Best for | Solves": each
#: method ``used_for`` its "best for" cell, ``addresses`` its "solves" cell.
TABLE_HEADERS: dict[str, tuple[str, bool]] = {
    "use case": ("used_for", True),
    "use cases": ("used_for", True),
    "used for": ("used_for", True),
    "application": ("used_for", True),
    "applications": ("used_for", True),
    "best for": ("used_for", True),
    "good for": ("used_for", True),
    "uses": ("uses", True),
    "requires": ("uses", True),
    "depends on": ("uses", True),
    "based on": ("uses", True),
    "solves": ("addresses", True),
    "addresses": ("addresses", True),
    "prevents": ("addresses", True),
    "problem": ("addresses", True),
    "problems": ("addresses", True),
    "solution": ("addresses", False),
    "solutions": ("addresses", False),
    "remedy": ("addresses", False),
    "cause": ("causes", False),
    "causes": ("causes", False),
    "effect": ("causes", True),
    "effects": ("causes", True),
    "leads to": ("causes", True),
    "example": ("example_of", False),
    "examples": ("example_of", False),
    "type": ("is_a", False),
    "types": ("is_a", False),
    "kinds": ("is_a", False),
    "component": ("part_of", False),
    "components": ("part_of", False),
    "parts": ("part_of", False),
    "versus": ("contrasts_with", True),
    "compared to": ("contrasts_with", True),
}


def table_header(text: str) -> tuple[str, bool] | None:
    """What a column header says of its cells (:data:`TABLE_HEADERS`), or None.

    >>> table_header("**Best for**"), table_header("Description")
    (('used_for', True), None)
    """
    words = " ".join("".join(c for c in text.lower() if c.isalnum() or c.isspace()).split())
    return TABLE_HEADERS.get(words)


#: Openings of a sentence that set its subject against the subject of the sentence before:
#: "Aerobic respiration needs oxygen. In contrast, anaerobic respiration does not." gives
#: anaerobic respiration contrasts_with aerobic respiration.
CONTRAST_OPENERS = (
    ("in", "contrast"),
    ("by", "contrast"),
    ("conversely",),
    ("on", "the", "other", "hand"),
)
#: Confidence of a contrast between the subjects of two sentences.
CONTRAST_OPENER_CONFIDENCE = 0.7


#: Words between a concept and a noun that make the concept the noun's class: an
#: "igneous type rock", a "Harvard style architecture" is a rock, an architecture of
#: that type.
TYPE_WORDS = frozenset({"type", "style"})

#: Words after "with" that make a frame of reference of what follows ("measured with
#: respect to the equator"), not an instrument ("measured with a ruler").
FRAME_OF = frozenset({"respect to", "reference to", "regard to"})

#: Relations that read the same both ways.
SYMMETRIC = frozenset({"contrasts_with"})

#: Openings of a line that points the reader to neighbouring entries ("See also: B",
#: "Cf. B"). Such a pointer between two kinds of one class ("Lever: a simple machine
#: that ... Cf. pulley", both defined as simple machines) sets the two side by side, as
#: alternatives: ``contrasts_with``. Between a class and its kind it states nothing.
POINTER_OPENINGS = ("see also", "cf.", "cf")

#: Words that end a clause in notes: a concept is never looked for across them.
CLAUSE_BREAKS = frozenset({";", ":", "->", "–>", "-->", ">", "→", "=>", "⇒", "—", "–", "|"})


def cue(name: str) -> tuple[str, Cue]:
    """The relation and the cue called ``name``.

    >>> cue("relies_on")[0]
    'uses'
    """
    for relation, table in TABLES.items():
        for c in table:
            if c.name == name:
                return relation, c
    raise KeyError(name)


def _required_words(pattern: list[dict]) -> frozenset[str] | None:
    """Words one of which a sentence must contain for ``pattern`` to match: those of its
    first required token with a ``LOWER`` constraint (None when it has none)."""
    for token in pattern:
        if token.get("OP") in {"?", "*"}:
            continue
        lower = token.get("LOWER")
        if isinstance(lower, str):
            return frozenset({lower})
        if isinstance(lower, dict) and "IN" in lower:
            return frozenset(lower["IN"])
    return None


@cache
def trigger_words() -> frozenset[str] | None:
    """Every word some cue needs: a sentence with none of them matches no cue. None when
    some cue needs no particular word (then every sentence must be matched)."""
    words: set[str] = set()
    for table in TABLES.values():
        for c in table:
            required = _required_words(c.pattern)
            if required is None:
                return None
            words |= required
    return frozenset(words)


@cache
def matcher(nlp: Language) -> Matcher:
    """A ``Matcher`` holding every cue of :data:`TABLES` under its name."""
    m = Matcher(nlp.vocab)
    for table in TABLES.values():
        for c in table:
            m.add(c.name, [c.pattern])
    return m
