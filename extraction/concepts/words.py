"""Word lists of the concept stage, kept as data: general English, never course terms.

Each list says what it is for; ``tests/extraction/test_concept_words.py`` holds a
one-line example of each at work. The lists are short on purpose: whether a term is a
concept is weighed by the fitted selector (:mod:`extraction.concepts.selection`); a
list only names a feature it can use, except :data:`VAGUE_WORDS`, which are trimmed
from the edges of every name.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Truly vague words trimmed from the start of a name: "the", "some", "various"
#: say which or how many, never what ("various optimizers" -> optimizer). Adjectives
#: that can classify ("normal distribution", "large intestine", "first world war",
#: "primary key", "simple RNN") are never trimmed.
VAGUE_WORDS = _words(
    """
    a an the this that these those its their our your my his her some any each every
    all both either neither various several many much more most few fewer certain
    such other another same own whole entire given respective corresponding
    aforementioned said above below following etc
    """
)

#: Nouns that frame a name rather than being one: "advantages of X", "types of X",
#: "the role of X", "the difficulties of X", "scenarios for X", "the presence of X", "an
#: understanding of X" are about X. "X of Y" splits at "of" only after one of these
#: (never "law of demand", "treaty of Versailles"). Not "value", which an adjective
#: before it makes a name ("the expected value of X"). Not "problem": a question about
#: "the halting problem" would lose its subject (a framing noun heading a question's
#: subject names nothing).
FRAMING_NOUNS = _words(
    """
    advantage advantages disadvantage disadvantages benefit benefits drawback drawbacks
    pro pros con cons limitation limitations strength strengths weakness weaknesses
    type types kind kinds form forms sort sorts variety varieties class classes
    example examples instance instances case cases illustration
    role roles purpose purposes function functions goal goals aim aims use uses
    usage application applications importance significance meaning definition
    component components part parts element elements feature features property
    properties characteristic characteristics aspect aspects
    idea ideas concept concepts notion basics fundamentals
    overview summary introduction history origin origins
    effect effects impact impacts influence result results outcome outcomes cause causes
    difficulty difficulties issue issues
    scenario scenarios situation situations circumstance circumstances
    process steps step stage stages phase phases
    list set number amount lot lots group groups series range
    syntax formula formulas notation
    trade-off trade-offs tradeoff tradeoffs connection connections relationship
    relationships danger dangers mechanics intuition challenge challenges principles
    presence absence lack understanding
    """
)

#: Nouns that only say that X is there ("the presence of X", "the occurrence of X"): an
#: action on them acts on X ("Detect the presence of mould" over notes that name mould
#: detection, "Prevent the occurrence of frost": frost prevention). Not "absence" or
#: "lack": to prevent the lack of sleep is no sleep prevention.
PRESENCE_FRAMES = _words("presence occurrence")

#: Nouns that frame the name after "with" only ("the problem with tall chimneys", "the
#: trouble with averages" are about the networks and the averages); before "of" they
#: may head a name of their own ("the problem of induction").
WITH_FRAMES = _words("problem problems trouble troubles")

#: Prepositions inside a name that end its head: the words after them are an object,
#: no head ("soil erosion control with cover crops", "pruning for fruit spurs"), so
#: the label keeps them as the notes write them.
NAME_PREPOSITIONS = _words(
    "with without for by from via using against into onto through toward towards"
)

#: Plural heads that, after another name in a question, ask for that name's kinds
#: ("What are some RNN architectures?", "What are the main rock types?" list kinds of
#: RNN and of rock).
KIND_HEADS = _words("types kinds sorts varieties categories variants architectures")
#: Adjectives before such a name that pick out which kinds are asked for ("the main
#: rock types", "the common volcano varieties"), not what the name is.
SELECTING_ADJECTIVES = _words("main major common key principal chief")

#: Framing nouns whose answer still says what the thing is ("the purpose of X", "the
#: meaning of X"); after any other ("examples of X", "types of X", "steps of X") the
#: answer lists or tells something else, and is X's definition only when it opens
#: by saying what X is.
SELF_FRAMES = _words(
    """
    role roles purpose purposes function functions goal goals aim aims meaning definition
    idea ideas concept concepts notion basics fundamentals overview summary introduction
    importance significance
    """
)
#: Question words of a question that asks something else than what X is ("How can you
#: train an SVM?", "Why do RNNs forget?", "Does dropout slow training?").
OTHER_QUESTIONS = _words(
    "how why when where which who whom whose can could does do did should would will is are"
)

#: First header cells of a comparison table: what its rows compare the columns on
#: ("Factor | Aerobic | Anaerobic", "Property | Iron | Copper"); the other header cells
#: name the things compared, and each row is an attribute of them, not a term its cells
#: define. An empty first cell says the same.
COMPARED_ON = _words(
    """
    factor factors feature features property properties aspect aspects criterion
    criteria characteristic characteristics attribute attributes parameter parameters
    dimension dimensions trait traits quality qualities category categories point points
    basis difference differences comparison action actions
    """
)
#: Header cells that name a column of descriptions, not a thing compared ("Term |
#: Definition | Example"): a table with one after its first column is a glossary.
DESCRIBING_HEADERS = _words(
    """
    definition definitions description descriptions meaning meanings explanation
    explanations example examples note notes detail details summary formula formulas
    use uses purpose function functions value values
    """
)

#: First header cells that say their column holds terms ("Term | Definition", "Concept |
#: Meaning | Example"): with a column of descriptions after it, the table is a glossary
#: and each row a term card in all but its format.
TERM_HEADERS = _words("term terms concept concepts keyword keywords word words vocabulary")

#: Title words that contrast the two things after them ("Difference between osmosis and
#: diffusion?", "Compare mitosis and meiosis", "How do enzymes differ from catalysts?").
CONTRAST_CUE = re.compile(
    r"\b(?:differences?|distinctions?|similarities|comparison)\s+(?:between|of)\s+"
    r"|\b(?:compare|comparing|contrast|contrasting|distinguish|distinguishing)\s+(?:between\s+)?",
    re.IGNORECASE,
)
#: "X vs. Y", "X versus Y", "X differs from Y" in a title.
VERSUS = re.compile(
    r"\s(?:vs\.?|versus|differs?\s+from|(?:is|are)\s+different\s+from)\s", re.IGNORECASE
)
#: Heads that add nothing to the name they follow: "Purkinje cell", "Bohr model",
#: "hash function", "merge operation", "enum type", "NAND memory", "Rocchio classifier"
#: name the Purkinje, the Bohr, the hash, the merge, the enum, the NAND and Rocchio when
#: the notes use the bare name as well ("the Socratic method" is not the Socratic:
#: "method" is not here). "Structure" is "architecture" said otherwise (a
#: "Feistel structure" is the Feistel design of a cipher), a thing head as it is.
GENERIC_HEADS = _words(
    """
    cell unit model network architecture structure mechanism problem algorithm activation
    function operation technique dataset type memory classifier estimator regressor
    """
)
#: Heads of a result named after its author ("Newton's second law", "Fermat's last
#: theorem", "Fisher's exact test"): with a person's name in the possessive before
#: them, the whole is the name; after any other head the author's name only credits
#: the thing named after it ("Ainsworth's strange situation" is the strange situation).
EPONYM_HEADS = _words(
    """
    law laws theorem theorems rule rules principle principles equation equations
    constant formula lemma conjecture paradox hypothesis postulate axiom inequality
    identity number numbers effect test tests
    """
)
#: Heads of a name for a statement ("second law of motion", "the zeroth law", "Pauli
#: exclusion principle"): a section headed by one states it in its first sentence.
STATEMENT_HEADS = _words(
    """
    law theorem rule principle lemma corollary conjecture hypothesis postulate axiom
    """
)
#: Heads that name the way X is done, or X as a job to do ("osmosis process", "hashing
#: approach", "translation task"): the same
#: as X when the notes use the two together (a shared card, a card about one), never on
#: the strength of X's rarity alone ("Poisson process" is no Poisson). Not "structure": a
#: "crystal structure" is more than a crystal.
MANNER_HEADS = _words("approach process procedure strategy task")
#: Heads that name X happening ("E1 reaction", "combustion reaction"): the same as X
#: when the notes use the two together and X is specific (an acronym, a rare word) or
#: an activity itself (ACTIVITY_ENDINGS); not after an everyday noun ("light reaction",
#: "chain reaction" are no light, no chain). Not "method": "Java methods" belong to
#: Java, a "grafting method" is a way of grafting.
EVENT_HEADS = _words("reaction")
#: Generic heads that name an aspect of X itself ("attention mechanism", "pooling
#: operation"): the compound is X, even when X is an activity.
ASPECT_HEADS = _words("mechanism operation")
#: Generic heads that name a thing made for or of X ("language model", "test dataset",
#: "memory unit", "graph network"): the same as a one-word X only when X is specific
#: ("LSTM cell", "transformer model"; not "crystal structure", more than a crystal).
THING_HEADS = _words(
    "cell unit model network architecture structure algorithm activation dataset type "
    "memory classifier estimator regressor"
)
#: Thing heads that name a thing built or gathered for an activity ("filtration unit",
#: "electrolysis cell", "encryption network"): another thing than the activity, however
#: rare its word; a model, algorithm or estimator of an activity is the way it is done.
BUILT_HEADS = _words("network architecture structure cell unit dataset memory")
#: Endings of a noun that names an activity or a field ("training", "prediction",
#: "inheritance"): "activation function", "training model", "machine learning model"
#: name something else than the activity.
ACTIVITY_ENDINGS = ("ing", "ion", "ment", "ance", "ence", "sis")

#: Words of note-taking and course logistics, not of any subject: a candidate made of
#: or headed by one is rarely a concept (a feature of the selector, not a rule).
GENERIC_NOTE_WORDS = _words(
    """
    approach goal idea summary disadvantage advantage overview introduction conclusion
    note notes example examples exercises question questions answer answers
    quiz exam exams midterm midterms lecture lectures lesson lessons chapter section
    topic topics course courses
    slide slides video videos reading readings reference references link links
    homework assignment review objective objectives outline hw pset psets ta tas
    thing things stuff way ways part parts aspect aspects case cases fact facts
    detail details challenge challenges solution solutions
    keypoint keypoints takeaway takeaways tip tips hint hints
    figure figures image images picture pictures chart diagram credit credits
    author authors page pages book books article articles notebook notebooks
    bonus time minute minutes mins hour hours hrs day week today lot lots
    variant variants version versions modification modifications panel iteration
    synopsis primer cheatsheet cheat-sheet glossary miscellaneous manual handbook
    flashcard flashcards deck decks handout handouts worksheet worksheets
    material materials notation remark remarks recap pro pros con cons step steps
    """
)

#: Adjectives that judge a thing or place it in the notes rather than say what kind it
#: is ("a typical enzyme", "a good answer", "an unpleasant chore"), or place it at the
#: level of a course ("basic commands", "a toy example": made small for teaching): a
#: feature of the selector (``evaluative``), and a rule where no card asks about the name
#: and no sentence defines or names it (``selection.ruled_out``). Words that also open
#: established terms are left out: classifying ones ("normal force", "large intestine",
#: "simple interest") and judging ones that a subject has made a term of ("expected
#: value", "essential amino acid", "similar triangles", "bad debt", "effective dose",
#: "possible world", "final class").
EVALUATIVE_WORDS = _words(
    """
    typical usual unusual unexpected good subpar important interesting crucial helpful
    different real-world well-known famous obvious unpleasant basic toy
    """
)

#: Adjectives that place a name at a course's level the way a framing noun does
#: ("introduction to microeconomics"): "Introductory microeconomics", a title that only
#: names the course, names microeconomics. Trimmed from the start of a name. Not
#: "advanced", "elementary", "intermediate", "basic": they open established terms
#: ("advanced encryption standard", "elementary particle", "intermediate filament",
#: "basic income").
COURSE_LEVELS = _words("introductory")

#: Determiners that point at one particular thing rather than name a kind: "this tank",
#: "our brine", "their enzymes". A name the notes keep pointing at this way is a thing of
#: the notes' own example more often than a term they teach: a selector feature
#: (``pointed``), not a rule.
POINTING_WORDS = _words("this these those our your my their")

#: Words that place a thing by its role in a process or a sequence rather than say what
#: kind it is: "the input mixture", "the resulting solution", "the previous step", "the
#: original draft". A name opening with one, which the notes only ever refer to as one
#: particular thing, never say anything about and never single out, is that process's
#: own thing, not a term (``selection.ruled_out``, :data:`DEFINITE_WORDS`). Not "first",
#: "last", "final", "initial" or "current": they open established terms ("first
#: derivative", "final class", "initial condition", "current density").
PLACING_WORDS = _words("input output previous next preceding subsequent original resulting")
#: Words that open a name for the rest of a list the notes go through ("Other torts",
#: "Further methods", "Remaining topics"): as a heading alone, a section's place in the
#: notes, not a term (``selection.ruled_out``); a term card or a defining sentence keeps
#: it ("Other comprehensive income is ...").
REMAINDER_WORDS = _words("other others further remaining additional miscellaneous misc")
#: Titles written before a person's name ("Dr. Ames", "Prof. Lind", "Mrs Hale"): a name
#: that opens with one is a person the notes mention (who teaches, who said something),
#: never a term (``selection.ruled_out``); a person the notes teach about is named
#: without a title ("Mendel's laws", "Darwin").
PERSON_TITLES = _words("dr dr. prof prof. professor mr mr. mrs mrs. ms ms. mx mx. sir dame")
#: Determiners that refer to one particular thing the reader knows of: "the", the
#: pointing words and the possessives ("the input mixture", "its output", "this step").
DEFINITE_WORDS = POINTING_WORDS | _words("the that its his her")


#: Words that set up a worked example or a scenario ("For example, consider a dam on a
#: river", "Suppose the tank holds 5 litres", "Imagine a ball rolling down a slope"): what
#: such a sentence names is what the example is about, a feature of the selector
#: (``example_share``), not a rule. Not "e.g." or "such as", which name instances of
#: what the notes teach ("enzymes such as amylase").
EXAMPLE_CUE = re.compile(
    r"\b(?:for example|for instance|consider|suppose|imagine|let's say|say we have|assume)\b",
    re.IGNORECASE,
)

#: Verbs a study prompt or an instruction opens a sentence with ("Define Reinforcement
#: Learning", "Use activation functions that ..."): never part of a name there.
INSTRUCTIONS = _words(
    """
    define explain describe calculate compute assume compare derive determine discuss
    summarize summarise outline prove illustrate contrast evaluate identify interpret
    list name state give use consider recall remember apply avoid try
    """
)

#: Verbs whose object is a topic of study, read or presented: their "-ing" form opening
#: a sentence or a heading before what follows is the act of studying it ("Understanding
#: equilibrium requires ...", "Exploring food webs"), no part of its name
#: (:func:`extraction.concepts.phrases.instruction`). Verbs of what a thing does
#: ("Exploding stars", "Boiling point", "Rising damp") are not in it: their "-ing"
#: form describes the noun after it. Nor verbs of using ("Using mulch"): a name they
#: open is left to the selector, which weighs it (``verb_start``).
STUDY_VERBS = _words(
    """
    understand introduce explore revisit review examine study investigate discuss
    describe explain define recap revise master analyse analyze interpret summarize
    summarise outline evaluate compare contrast
    """
)

#: Sentences that carry an analogy; what they name belongs to the analogy, not the
#: course ("Think of it like a librarian ..."). A comparison of degree is no analogy: "a
#: sound becomes more like a neighbouring sound" states what the term does.
ANALOGY = re.compile(
    r"\b(?:think of|imagine|analog(?:ous|y) to|akin to|is like|are like|was like"
    r"|(?:it|this|that|they|which)(?:'s|’s|'re|’re| is| are) like|the (?:former|latter) is like"
    r"|(?<!\bmore )(?<!\bless )(?<!\bmost )(?<!\bleast )"
    r"like (?:a|an) (?!\w+ (?:of|for)\b)|similar to (?:how|reading|taking|trying))",
    re.IGNORECASE,
)

#: Words that introduce a name and are never part of it ("so-called outliers",
#: "called mode collapse", "e.g. dropout").
NAMING_CUES = _words(
    """
    called so-called termed dubbed named known referred e.g. e.g eg ex i.e. i.e ie viz
    namely aka a.k.a a.k.a.
    """
)

#: Cues that give another name of what a sentence is about ("Hash tables are also known
#: as hash maps", "Also called passive transport, it ...", "is sometimes called"); "is known
#: as X" alone names X, it does not say that X is the subject's other name.
SYNONYM_CUE = re.compile(
    r"\b(?:(?:also|sometimes|often|commonly|usually)\s+"
    r"(?:known\s+as|called|termed|named|referred\s+to\s+as)|a\.k\.a\.?|aka)\s+",
    re.IGNORECASE,
)
#: Words that open a bracket giving another name: "osmosis (or water transport)", "(aka ...)".
OTHER_NAME_OPENERS = _words("or aka a.k.a. a.k.a also")

#: Words that number the options a note goes through ("Approach 1: Enzyme
#: inhibition", "Method 2 - Chemical digestion"): what follows the number is the
#: name the line is about. Not steps, stages or rules, which go on with an instruction.
NUMBERED_LABELS = _words(
    "approach approaches method methods strategy strategies technique techniques "
    "solution solutions option options type types kind kinds variant variants"
)

#: Words that never start or end a name, whatever the tagger says.
EDGE_STOP = _words(
    """
    a an the this that these those its their our your my his her it they we you i of for
    to in on at by with and or but as from into via than
    """
)


#: Words a note sets apart to flag a remark ("**NOTE:**", "> TIP:", "BONUS:") or, in a
#: mathematics course, what follows ("**Def.**", "**Thm.**", "*Pf.*"), or that head a
#: section of the first things taught ("## Basics", "Fundamentals"): as a label, bold
#: run, heading or all-caps word they name no concept (as a noun in running text they
#: may: a musical note, a tip of a wing).
CALLOUT_WORDS = _words(
    """
    note notes nb tip tips hint hints warning warnings caution important reminder remember
    bonus todo to-do aside sidenote footnote disclaimer spoiler pro pros con cons
    def defn thm pf
    basics fundamentals essentials preliminaries
    """
)


#: Fixed adverbial phrases whose noun names nothing: "built from scratch", "sorted by
#: hand", "in practice", "each in turn", "on purpose", "by convention", "on average" say
#: how, not what. Their noun, right after its preposition with no determiner, is no use
#: of a name, alone or opening a longer run ("by convention Unix tools" names Unix tools).
ADVERBIAL_IDIOMS = frozenset(
    {
        ("from", "scratch"),
        ("by", "hand"),
        ("in", "practice"),
        ("in", "turn"),
        ("on", "purpose"),
        ("by", "convention"),
        ("on", "average"),
    }
)

#: Abbreviations that point into a cited work ("Smith Ch. 3", "Lee pp. 12", "Eq. 4"):
#: before a number, they and the authors' names before them are a citation.
REFERENCE_PARTS = _words("ch chap sec pp p")


#: Headings that say their section lists terms and what they mean ("Glossary", "Key
#: terms", "Vocabulary"): each "Term: meaning" line under one is a term card in all but
#: its format.
TERM_LIST_HEADING = re.compile(
    r"^\W*(?:glossary|(?:key |important |main )?(?:terms|vocabulary|terminology|definitions)"
    r"|key (?:words|concepts))\W*$",
    re.IGNORECASE,
)
