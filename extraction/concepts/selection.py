"""Selection: which candidate groups are concepts, decided by a fitted model.

The model is a :class:`~extraction.logistic.LogisticModel` over the features of
:mod:`extraction.concepts.features`; its weights and threshold are data
(``extraction/weights/selector.json``), fitted by ``python -m benchmarks.fit`` on the
development gold and never set by hand. Each group keeps its features, its probability
and the features that carried the decision, so that ``python -m graph explain`` can
say why a term is or is not a concept. A few shapes of use decide whatever the score
(:func:`ruled_out` takes a group out, :func:`keep_refining_headings` keeps one), each
with its reason; the groups they decide stay examples the model is fitted on.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from extraction.concepts.candidates import Candidate
from extraction.concepts.definitions import glossed_heading
from extraction.concepts.features import shape_first_verb, singled_names
from extraction.concepts.merging import Merge, Refusal
from extraction.concepts.words import (
    GENERIC_NOTE_WORDS,
    PERSON_TITLES,
    PLACING_WORDS,
    REMAINDER_WORDS,
)
from extraction.logistic import LogisticModel
from extraction.names import head_index, lemmas

#: The selector's weights, fitted on the development gold.
WEIGHTS = Path(__file__).resolve().parents[1] / "weights" / "selector.json"


@cache
def default_model() -> LogisticModel:
    """The selector kept in :data:`WEIGHTS`."""
    return LogisticModel.load(WEIGHTS)


@dataclass(slots=True)
class Scored:
    """A candidate group with its features and the model's verdict."""

    root: str
    candidates: list[Candidate]
    features: dict[str, float]
    probability: float
    kept: bool
    merges: list[Merge] = field(default_factory=list)
    #: the model that scored it
    model: LogisticModel | None = None
    #: merges with another group that a rule asked for and that were refused, and why
    refused: list[Refusal] = field(default_factory=list)
    #: why the structure of its uses makes it no concept, whatever its score
    #: (:func:`ruled_out`), or ""
    ruled: str = ""
    #: why the structure of its uses makes it a concept whatever its score
    #: (:func:`kept_by_structure`), or ""
    kept_by: str = ""

    @property
    def threshold(self) -> float:
        """The threshold it was held to."""
        return self.model.threshold if self.model is not None else 0.5

    @property
    def reasons(self) -> list[tuple[str, float]]:
        """The features that carried the decision, strongest first: (feature, share of
        the log-odds)."""
        return self.model.contributions(self.features) if self.model is not None else []

    @property
    def count(self) -> int:
        return sum(c.count for c in self.candidates)

    @property
    def names(self) -> set[str]:
        """Every key and written form of the group."""
        return {n for c in self.candidates for n in (c.key, *c.forms)}


def select(
    groups: Mapping[str, Sequence[Candidate]],
    features: Mapping[str, dict[str, float]],
    merges: Mapping[str, Sequence[Merge]],
    model: LogisticModel | None = None,
    refused: Mapping[str, Sequence[Refusal]] | None = None,
) -> list[Scored]:
    """Score every group with ``model`` (default :func:`default_model`), most probable
    first. Each :class:`Scored` keeps its group's features dict itself (not a copy: a
    large build has hundreds of thousands)."""
    model = model or default_model()
    series = numbered_series(f for cands in groups.values() for c in cands for f in c.forms)
    own = terms_of_their_own(groups, features)
    scored = []
    for root, cands in groups.items():
        x = features[root]
        p = model.probability(x)
        ruled = ruled_out(x, cands, series) or (JOINED if joined_names(cands, own) else "")
        scored.append(
            Scored(
                root,
                list(cands),
                x,
                round(p, 4),
                p >= model.threshold and not ruled,
                list(merges.get(root, ())),
                model,
                list((refused or {}).get(root, ())),
                ruled,
            )
        )
    keep_refining_headings(scored, groups)
    keep_glossed_headings(scored)
    scored.sort(key=lambda s: (-s.probability, -s.count, s.root))
    return scored


#: Why :func:`keep_refining_headings` keeps a group the model turned down.
REFINES = (
    "a heading that names a kind or use of a concept of the notes by what follows it "
    "('Erosion by wind' over a section, where erosion is a concept): what the section teaches"
)
#: The words of :data:`~extraction.concepts.features.CLAUSE_WORDS` that join what a term
#: is used with, for, in or by to it ("Erosion by wind", "Sorting with heaps"); the
#: others join two names ("and", "or", "versus") or say where a section goes ("From
#: rivers to deltas", "Notes about erosion").
REFINING_WORDS = frozenset("with for using via by in on".split())


def refined_term(key: str) -> str:
    """The words of a name before the first of :data:`REFINING_WORDS`, when words
    follow it and the head of those before it is no note-taking word
    (:data:`~extraction.concepts.words.GENERIC_NOTE_WORDS`), else "".

    >>> refined_term("erosion by wind"), refined_term("notes on erosion"), refined_term("erosion")
    ('erosion', '', '')
    >>> refined_term("soil erosion by wind and water"), refined_term("erosion by")
    ('soil erosion', '')
    """
    words = key.lower().split()
    for i, word in enumerate(words[1:-1], start=1):
        if word in REFINING_WORDS:
            before = words[:i]
            return "" if before[head_index(before)] in GENERIC_NOTE_WORDS else " ".join(before)
    return ""


def keep_refining_headings(
    scored: Sequence[Scored], groups: Mapping[str, Sequence[Candidate]]
) -> None:
    """Keep (``kept_by`` :data:`REFINES`) each group the model turned down and no rule
    ruled out that a heading names as a kind or use of a concept the model kept: its name
    is that concept's name, a word of :data:`REFINING_WORDS` and what the concept is used
    with, for or by (:func:`refined_term`), its first word no verb ("Dealing with erosion"
    titles a section). The group stays a candidate the selector is fitted on."""
    kept = {n.lower() for s in scored if s.kept for n in s.names} & singled_names(groups)
    for s in scored:
        if s.kept or s.ruled or not s.features.get("role_heading"):
            continue
        term = refined_term(s.root)
        if term and term in kept and not shape_first_verb(s.candidates):
            s.kept, s.kept_by = True, REFINES


#: Why :func:`keep_glossed_headings` keeps a group the model turned down.
GLOSSED = (
    "a heading the text under it glosses ('Moraine' over 'A ridge of debris left by a "
    "glacier.'): a term the notes single out and say what it is"
)


def keep_glossed_headings(scored: Sequence[Scored]) -> None:
    """Keep (``kept_by`` :data:`GLOSSED`) each group the model turned down and no rule
    ruled out that is the whole title of a heading card whose text opens with a gloss of
    it (:func:`~extraction.concepts.definitions.glossed_heading`). A note of a few
    headings uses each name once, under the statistics' reach; the gloss is the
    student's own statement that the heading names a term."""
    for s in scored:
        if s.kept or s.ruled or not s.features.get("role_heading"):
            continue
        names = sorted(s.names)
        if any(glossed_heading(card, names) for c in s.candidates for card in c.subject_of):
            s.kept, s.kept_by = True, GLOSSED


#: Why :func:`ruled_out` takes a group out.
READING_LIST = "every use is the text of a link its line is about: a work to read, by its title"
TWO_TERMS = "a heading joining two names the notes use on their own, never used in running text"
CREDITED = "a proper name used only as who a sentence citing a source credits ('by X')"
SERIES = "a label numbered in a series the notes write out ('batch1', 'batch2', 'batch3')"
SECTION = "a heading typed in capitals ('FIELD METHODS') whose words the text never uses"
DESCRIPTION = (
    "a description opened by a word that judges ('a typical kiln', 'a toy example'), "
    "which no card asks about and no sentence defines or names"
)
PARTICULAR = (
    "a thing placed by its role in a process ('the input mixture', 'the previous step'), "
    "only ever referred to as one particular thing and never what a sentence is about"
)
REMAINDER = (
    "a heading for the rest of a list ('Other torts', 'Further methods'), which no card "
    "asks about and no sentence defines or names: a section's place in the notes"
)
TITLED = (
    "a person named with a title ('Dr. Ames', 'Prof. Lind'): who teaches or says "
    "something in the notes, not a term they teach"
)
JOINED = (
    "only ever read by giving a term the notes single out on its own the head of the "
    "name after 'and' ('salinity and sea level' as 'salinity level'): the coordination "
    "joins two names"
)
#: Roles that say what a name is, or ask: a card's term or question, a defining or naming
#: sentence, a cloze, a gloss, an abbreviation.
_SAYING_ROLES = ("term", "question", "defined", "named", "cloze", "gloss", "abbreviation")
#: Roles that name a pair of terms as one thing, besides a heading: a card's term, a bold
#: run, a label, a sentence that defines or names it.
_NAMING_ROLES = ("term", "emphasis", "label", "defined", "described", "named", "gloss")


def ruled_out(
    features: Mapping[str, float],
    candidates: Sequence[Candidate] = (),
    series: Collection[str] = (),
) -> str:
    """Why a group is no concept by the structure of its uses alone, whatever the model's
    score, or "". Every use is the text of a link that its line or list item is all about
    (``link_line``: "- [Soil Science Basics](...)", "- [Seed Drill](...) - a sowing
    machine"): an entry of a list of works or tools to read, named by its title. Or it is a
    heading that joins two names the notes use on their own (``heading_pair``: "Osmosis and
    Diffusion") that nothing but headings and list items name, and running text never uses
    (no ``title_and_body``): a section about two terms, each a concept of its own. Or it is
    a proper name every use of which (in ``candidates``) is the one a sentence citing or
    crediting a source credits, right after "by"
    (:func:`~extraction.concepts.candidates.credited`), and no role singles out (no
    ``structural``): "The method was devised by Ada Quist in 1961" credits a person, whom
    the notes do not teach ("The treaty was signed in 1919" credits nobody). The group
    stays a candidate the selector is fitted on: a rule leaves what the model learns
    unchanged. Or it is a name a word of :data:`~extraction.concepts.words.PLACING_WORDS`
    opens, placing a thing by its role in a process ("input", "resulting", "previous"),
    every use of which refers to one particular thing and says nothing about it (each
    :func:`~extraction.concepts.candidates.referred`: "the filter cools the input
    mixture"), and no role singles out: the process's own thing, not a kind the notes
    teach ("The input mixture is ..." or "an input mixture" would keep it).
    Or a word that judges or places it in the notes opens it
    (:data:`~extraction.concepts.words.EVALUATIVE_WORDS`, ``evaluative``: "a typical
    kiln", "a toy example") and no card asks about it and no sentence defines or names it
    (no role of ``_SAYING_ROLES``): a description, not a term; "What is a toy kiln?" or
    "A toy kiln is ..." keep it, leaving it to the selector.
    Or every way it is written is a label numbered in a series the notes write out
    (in ``series``, :func:`numbered_series`: "batch2" beside "batch1" and "batch3"),
    and no role names it as a term: the notes' labels for instances, not a term.
    Or every name of it used is a person's, with a title (:func:`titled`: "Prof. Lind
    says the essay is due") and no card asks about it and no sentence defines or names
    it: who teaches or speaks, not what the notes teach.
    Or every name of it used opens with a word for the rest of a list
    (:func:`remainder`: "Other torts", "Further methods") and no role says or names it
    (a heading alone): a section's place in the notes, not a term.

    >>> ruled_out({"link_line": 1.0}) == READING_LIST, ruled_out({"link_line": 0.5})
    (True, '')
    >>> ruled_out({"heading_pair": 1.0}) == TWO_TERMS
    True
    >>> ruled_out({"heading_pair": 1.0, "title_and_body": 1.0})
    ''
    >>> ruled_out({"heading_pair": 1.0, "role_emphasis": 1.0})
    ''
    >>> quist = [Candidate("ada quist", count=2, in_references=2, credited=2)]
    >>> ruled_out({"proper": 1.0, "in_references": 1.0}, quist) == CREDITED
    True
    >>> ruled_out({"in_references": 1.0}, quist), ruled_out({"proper": 1.0, "in_references": 1.0})
    ('', '')
    >>> ruled_out({"proper": 1.0, "structural": 0.3333}, quist)
    ''
    >>> ruled_out({"proper": 1.0}, [Candidate("ada quist", count=2, credited=1)])
    ''
    >>> ruled_out({}, [Candidate("input mixture", count=3, referred=3)]) == PARTICULAR
    True
    >>> ruled_out({}, [Candidate("input mixture", count=3, referred=2)])
    ''
    >>> ruled_out({}, [Candidate("cooled mixture", count=3, referred=3)])
    ''
    >>> ruled_out({"structural": 0.3333}, [Candidate("input mixture", count=3, referred=3)])
    ''
    >>> ruled_out({"evaluative": 1.0, "role_heading": 1.0}) == DESCRIPTION
    True
    >>> ruled_out({"evaluative": 1.0, "role_defined": 1.0})
    ''
    >>> from collections import Counter
    >>> batch = [Candidate("batch2", forms=Counter(batch2=2), count=2)]
    >>> ruled_out({}, batch, {"batch1", "batch2", "batch3"}) == SERIES, ruled_out({}, batch)
    (True, '')
    >>> ruled_out({"role_term": 1.0}, batch, {"batch1", "batch2", "batch3"})
    ''
    >>> other = [Candidate("other tort", forms=Counter({"Other torts": 1}), count=1)]
    >>> ruled_out({"role_heading": 1.0}, other) == REMAINDER, ruled_out({"role_term": 1.0}, other)
    (True, '')
    >>> lind = [Candidate("prof. lind", forms=Counter({"Prof. Lind": 2}), count=2)]
    >>> ruled_out({"proper": 1.0}, lind) == TITLED, ruled_out({"role_defined": 1.0}, lind)
    (True, '')
    """
    if features.get("link_line", 0.0) >= 1.0:
        return READING_LIST
    if (
        features.get("heading_pair")
        and not features.get("title_and_body")
        and not any(features.get(f"role_{role}") for role in _NAMING_ROLES)
    ):
        return TWO_TERMS
    if (
        features.get("proper")
        and not features.get("structural")
        and candidates
        and all(c.credited == c.count for c in candidates)
        and any(c.count for c in candidates)
    ):
        return CREDITED
    if features.get("evaluative") and not _said(features):
        return DESCRIPTION
    if not features.get("structural") and particular(candidates):
        return PARTICULAR
    if titled(candidates) and not _said(features):
        return TITLED
    if remainder(candidates) and not (
        _said(features) or any(features.get(f"role_{role}") for role in _NAMING_ROLES)
    ):
        return REMAINDER
    if (
        series
        and not any(features.get(f"role_{role}") for role in _NAMING_ROLES)
        and (forms := [f for c in candidates for f in c.forms])
        and all(f in series for f in forms)
    ):
        return SERIES
    if (
        shouted_section(candidates)
        and not features.get("opens_answer")  # "THE CORE / The core is ...": its text says it
        and not (_said(features) or any(features.get(f"role_{role}") for role in _NAMING_ROLES))
    ):
        return SECTION
    return ""


#: Roles of a name in running text or a card's own words, not in a heading (a name
#: nested in a longer one is written as the longer one is: its forms tell).
_TEXT_ROLES = ("mention", "term", "listed", "item")


def shouted_section(candidates: Sequence[Candidate]) -> bool:
    """Whether every name of a group used is written in capitals, of words English knows
    ("FIELD METHODS", "RESERVOIRS"; not "DNA"), and only as a heading: the running text
    never uses it. A section of the notes typed so by the writer, not a term the text
    teaches ("Reservoirs" or a sentence on reservoirs keeps it, left to the selector;
    so does a card it titles that opens by naming it, ``opens_answer``, in :func:`ruled_out`).

    >>> from collections import Counter
    >>> field = Candidate("field method", forms=Counter({"FIELD METHODS": 1}), count=1)
    >>> field.roles["heading"] = 1
    >>> shouted_section([field])
    True
    >>> field.roles["mention"] = 1
    >>> shouted_section([field])
    False
    >>> dna = Candidate("dna", forms=Counter({"DNA": 1}), count=1)
    >>> dna.roles["heading"] = 1
    >>> shouted_section([dna])
    False
    """
    used = [c for c in candidates if c.count]
    forms = [f for c in used for f in c.forms]
    words = [w for f in forms for w in re.findall(r"[^\W\d_]+", f)]
    return (
        bool(words)
        and all(w.isupper() and lemmas(w.lower()) for w in words)
        and not any(c.roles[role] for c in candidates for role in _TEXT_ROLES)
    )


def _said(features: Mapping[str, float]) -> bool:
    """Does a card ask about the group, or a sentence define or name it (a role of
    ``_SAYING_ROLES``)?"""
    return any(features.get(f"role_{role}") for role in _SAYING_ROLES)


#: A word of lower-case letters with a number glued to its end ("batch2").
_NUMBERED = re.compile(r"([a-z]{2,})(\d+)")
#: How many labels of one series, numbered one after another, make it one.
SERIES_RUN = 3


def numbered_series(forms: Iterable[str]) -> frozenset[str]:
    """The labels among ``forms`` (names as written) that number a series: a word of
    lower-case letters with a number glued to its end, written with at least
    :data:`SERIES_RUN` numbers in a row of the same letters, its own among them
    ("batch1, batch2, batch3": the labels of instances). Not numbers that skip
    ("float16", "float32") nor a pair ("python2", "python3").

    >>> sorted(numbered_series(["batch1", "batch2", "batch3", "batch7", "Batch4", "x1"]))
    ['batch1', 'batch2', 'batch3']
    >>> sorted(numbered_series(["float16", "float32", "float64", "python2", "python3"]))
    []
    """
    numbers: dict[str, set[int]] = {}
    for form in forms:
        if m := _NUMBERED.fullmatch(form):
            numbers.setdefault(m.group(1), set()).add(int(m.group(2)))
    labels = set()
    for letters, seen in numbers.items():
        for n in seen:
            if any(
                all(k in seen for k in range(start, start + SERIES_RUN))
                for start in range(n - SERIES_RUN + 1, n + 1)
            ):
                labels.add(f"{letters}{n}")
    return frozenset(labels)


def terms_of_their_own(
    groups: Mapping[str, Sequence[Candidate]], features: Mapping[str, dict[str, float]]
) -> frozenset[str]:
    """The keys of every group a card, a question or a defining or naming sentence
    singles out (a role of ``_SAYING_ROLES``): terms the notes teach on their own.

    >>> salinity = [Candidate("salinity", count=2)]
    >>> sorted(terms_of_their_own({"salinity": salinity}, {"salinity": {"role_term": 1.0}}))
    ['salinity']
    >>> terms_of_their_own({"salinity": salinity}, {"salinity": {"role_mention": 1.0}})
    frozenset()
    """
    return frozenset(
        c.key for root, cands in groups.items() if _said(features[root]) for c in cands
    )


def joined_names(candidates: Sequence[Candidate], own: Collection[str]) -> bool:
    """Whether every use of a group is a modifier given the head it shares with the
    name after "and" / "or" (role ``shared_head``: "salinity level" of "salinity and
    sea level") and that modifier is a term of its own (its key in ``own``,
    :func:`terms_of_their_own`): two names joined, not a modifier that takes the head
    ("inner core" of "the inner and outer core" stays).

    >>> from collections import Counter
    >>> joined = Candidate("salinity level", count=1, roles=Counter(shared_head=1))
    >>> joined_names([joined], {"salinity"}), joined_names([joined], {"sea level"})
    (True, False)
    >>> used = Candidate("salinity level", count=2, roles=Counter(shared_head=1, mention=1))
    >>> joined_names([used], {"salinity"})
    False
    """
    used = [c for c in candidates if c.count]
    return bool(used) and all(
        set(c.roles) == {"shared_head"}
        and any(" ".join(c.key.split()[:n]) in own for n in range(1, len(c.key.split())))
        for c in used
    )


def remainder(candidates: Sequence[Candidate]) -> bool:
    """Whether every name of a group used on its own opens with a word of
    :data:`~extraction.concepts.words.REMAINDER_WORDS` and goes on ("Other torts",
    "Further methods"; not "others" alone).

    >>> from collections import Counter
    >>> remainder([Candidate("other tort", forms=Counter({"OTHER TORTS": 1}), count=1)])
    True
    >>> remainder([Candidate("otter", forms=Counter({"Otter": 1}), count=1)]), remainder([])
    (False, False)
    """
    used = [c for c in candidates if c.count]
    return bool(used) and all(
        (forms := [f.split() for f in c.forms])
        and all(len(words) > 1 and words[0].lower() in REMAINDER_WORDS for words in forms)
        for c in used
    )


def titled(candidates: Sequence[Candidate]) -> bool:
    """Whether every name of a group used on its own is a person's name after a title
    (:data:`~extraction.concepts.words.PERSON_TITLES`): the title, then a capitalised
    word, as the notes write it ("Dr. Ames", "Prof. Lind"; not "Dr." alone nor "ms
    word").

    >>> from collections import Counter
    >>> titled([Candidate("dr. ames", forms=Counter({"Dr. Ames": 1}), count=1)])
    True
    >>> titled([Candidate("ms word", forms=Counter({"ms word": 1}), count=1)])
    False
    >>> ames = Candidate("dr. ames", forms=Counter({"Dr. Ames": 1}), count=1)
    >>> titled([ames, Candidate("ames", forms=Counter({"Ames": 1}), count=1)]), titled([])
    (False, False)
    """
    used = [c for c in candidates if c.count]
    return bool(used) and all(
        (forms := [f.split() for f in c.forms])
        and all(
            len(words) > 1 and words[0].lower() in PERSON_TITLES and words[1][:1].isupper()
            for words in forms
        )
        for c in used
    )


def particular(candidates: Sequence[Candidate]) -> bool:
    """Whether every name of a group used on its own opens with a word that places a thing
    by its role in a process (:data:`~extraction.concepts.words.PLACING_WORDS`) and is
    only ever used as one particular thing (:attr:`Candidate.referred`).

    >>> particular([Candidate("resulting solution", count=2, referred=2)])
    True
    >>> alone = Candidate("solution", count=1)
    >>> particular([Candidate("resulting solution", count=2, referred=2), alone])
    False
    >>> particular([Candidate("output", count=2, referred=2)]), particular([])
    (False, False)
    """
    used = [c for c in candidates if c.count]
    return bool(used) and all(
        len(words := c.key.split()) > 1 and words[0] in PLACING_WORDS and c.referred == c.count
        for c in used
    )


def evidence_score(s: Scored) -> float:
    """How strongly the notes single a concept out, 0..1, for its importance: the
    model's probability, raised by how much the notes use it."""
    use = min(1.0, math.log1p(s.count) / math.log1p(30))
    subject = min(1.0, s.features.get("subject", 0.0) / math.log1p(3))
    return round(0.5 * s.probability + 0.3 * use + 0.2 * subject, 4)


#: Most merges a graph file keeps per concept (the first ones; the count is kept too).
MERGES_KEPT = 20


def record(s: Scored, *, reasons: int = 6) -> dict:
    """What a graph file keeps of a scored group: its score and threshold, the roles the
    notes give it, its features and the ones that carried the decision, its merges
    with their reasons, and the merges with other groups that were refused, with why
    (plain JSON)."""
    roles: dict[str, int] = {}
    for c in s.candidates:
        for role, n in c.roles.items():
            roles[role] = roles.get(role, 0) + n
    return {
        "score": s.probability,
        "threshold": round(s.threshold, 4),
        "kept": s.kept,
        "roles": dict(sorted(roles.items(), key=lambda rn: -rn[1])),
        "features": {k: round(v, 4) for k, v in s.features.items()},
        "reasons": [[f, w] for f, w in s.reasons[:reasons]],
        "merges": [
            {
                "name": m.name,
                "into": m.into,
                "rule": m.rule,
                "reason": m.reason,
                "evidence": (
                    {"source": m.evidence.source, "line": m.evidence.line, "text": m.evidence.text}
                    if m.evidence
                    else None
                ),
            }
            for m in s.merges[:MERGES_KEPT]
        ],
        "merged_names": len(s.merges),
        **({"ruled_out": s.ruled} if s.ruled else {}),
        **({"kept_by": s.kept_by} if s.kept_by else {}),
        "refused": [
            {
                "name": r.merge.name,
                "into": r.merge.into,
                "rule": r.merge.rule,
                "reason": r.merge.reason,
                "why": r.why,
            }
            for r in s.refused[:MERGES_KEPT]
        ],
    }
