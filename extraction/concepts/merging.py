"""Merging: candidates that name one concept become one group, each merge with its
reason.

Every rule is named (:data:`RULES`) and can be switched off for an ablation. A merge
needs evidence from the notes: the same spelling up to case, hyphens, plural, a
possessive and British spelling; an abbreviation stated with its long form
(Schwartz–Hearst, a title's "(DNA)", "X stands for"), or set beside the phrase
that spells it out ("ATP: adenosine triphosphate", a card "DNS" answered "Domain Name
System, ..."); a gloss "X (Y)"; an acronym
spelled by the initials of exactly one name the notes use (with a card that uses both,
or each letter a word's initial and the acronym used alone); an optional inner adjective
the notes drop in the same card ("targeted (adversarial) attack"); "X cell", "X model"
used interchangeably with X in one card; "X of Y" and the compound "Y X" both used as
names; a misspelling one edit away from a name used far more often.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from extraction.concepts.abbreviations import indexed_initials
from extraction.concepts.candidates import (
    ALTERNATIVES,
    OTHER_NAME,
    SPELLED_OUT,
    TITLE_OTHER_NAME,
    AliasPair,
    Candidate,
)
from extraction.concepts.phrases import match_key, only_adjective, singular, zipf
from extraction.concepts.words import (
    ACTIVITY_ENDINGS,
    ASPECT_HEADS,
    BUILT_HEADS,
    EVENT_HEADS,
    FRAMING_NOUNS,
    GENERIC_HEADS,
    KIND_HEADS,
    MANNER_HEADS,
    SYNONYM_CUE,
    THING_HEADS,
    VAGUE_WORDS,
    WITH_FRAMES,
)
from extraction.names import (
    SKIPPABLE,
    initials,
    initials_match,
    is_acronym,
    is_numbering,
    lemmas,
    singular_acronym,
)
from extraction.records import Card, Evidence

#: The merge rules, in the order they run, and what each means.
RULES: dict[str, str] = {
    "spelling": "the same name up to case, hyphens, plural, a possessive and British spelling",
    "capitals": "a name of English words typed in capitals ('KILN FIRING', a heading) and the "
    "same words in ordinary case ('Kiln firing'); a name holding an acronym ('DNA POLYMERASE') "
    "keeps its capitals",
    "abbreviation": "an abbreviation stated with its long form",
    "spelled_out": "an abbreviation a label line or a card's title sets beside the phrase "
    "that spells it out whole ('ATP: adenosine triphosphate', 'GDP = gross domestic product', "
    "a card 'DNS' answered 'Domain Name System, ...')",
    "gloss": "two names glossed in brackets, one the short form of the other ('ReLU "
    "(Rectified Linear Unit)', 'Discriminator (D)')",
    "term_gloss": "a word English does not know, set off as a term (bold or italics) and "
    "glossed in brackets by a name of English words, or glossing one ('Mindful breathing "
    "(*anapanasati*)'): the term and its rendering in English",
    "synonym": "another name the notes state for it ('also known as Y', 'X (or Y)')",
    "alternatives": "two names a question asks about as one thing ('What is an "
    "osmotic/water potential?')",
    "initials": "an acronym spelled by the initials of the one name the notes use for it "
    "(an acronym the name ends in kept whole: 'vCPU', 'virtual CPU'; a word made of two "
    "English words gives two: 'DB', 'database'), not by a name that holds it ('GC content'); "
    "of two names, not one a participle opens ('the resulting RNA'); a card uses both, or "
    "else each letter is a word's initial and the acronym is used alone, not only inside "
    "other names ('PSU fan'); an acronym spelled like a common English word ('US', 'IT') "
    "only in a card about the name",
    "initials_in_name": "an acronym for the first words of a name with the same last words "
    "('KL divergence', 'Kullback-Leibler divergence'; a word of combining forms gives a "
    "letter for each: 'SA node', 'sinoatrial node'); the acronym alone is the one name it "
    "opens that the notes spell out so ('KL'), unless they use the words it stands for alone",
    "inner_adjective": "the same name with an inner adjective dropped in the same card",
    "acronym_prefix": "'TCP window size' is the window size (of the TCP); not before a "
    "generic head ('SHA hash function' names SHA), nor after English words in capitals "
    "('HIGH TIDE mark': words in capitals, no acronym)",
    "acronym_suffix": "'round-robin DNS' is the round-robin (DNS) used alone (not a word used "
    "only inside names, 'pocket' of 'pocket GPS'); not in a name "
    "in capitals throughout ('HTTP GET'), nor after a possessive ('Nikon's DSLR'), nor after "
    "an adjective when the notes use the acronym alone: then it is the head ('recursive DNS' "
    "is a kind of DNS)",
    "generic_head": "'X cell', 'X mechanism' is X: X is specific, or both are used in one card "
    "and the head does not name another thing than X ('activation energy', 'pressure gradient'), "
    "nor does an adjective before it name a kind of it ('the mean function'); "
    "not when the notes give 'X cell' a word of its own ('covariance function', called the "
    "kernel, is no covariance); nor a whole ('model', 'dataset') after one kind of a thing "
    "the notes name other kinds of ('latent variable model' beside 'observed variables': a "
    "model of variables is no variable), nor when the notes define X as a thing of another "
    "kind and 'X model' is about X ('Groundwater is water ...', 'A groundwater model "
    "simulates how groundwater moves'); nor 'X problem' after one word that names a thing, "
    "read only inside longer names: a problem with X there ('drainage problem' of 'poor "
    "drainage problem'), while a task's ('routing problem') or a name's of its own "
    "('travelling salesman problem') is X",
    "event_head": "'X reaction' is X happening, when the notes use both together and X is "
    "specific (an acronym, a rare word: 'SN2 reaction') or an activity ('combustion "
    "reaction'); not after an everyday noun ('light reaction' is no light) nor a gerund "
    "('browning reaction' is one step of browning)",
    "kinds_heading": "a heading or question 'X kinds', 'X varieties' lists kinds of X, and "
    "is about X, when the notes name such kinds ('Hive kinds' over 'Langstroth hive', "
    "'top-bar hive'); not 'gene variants' over 'BRCA1 variant': no kind of gene is named",
    "of_inverted": "an 'of' phrase and the compound of the same words, both used as names "
    "('rate of reaction', 'reaction rate'); not after a framing noun ('types of rock')",
    "typo": "a misspelling one edit away from a name used far more often, with a rare word "
    "the dictionary does not know, used at most twice with its other spellings; a word "
    "English has never seen is a slip ('tranformer'), a rare one it knows only when the notes "
    "neither single it out nor set it beside the other name ('alkyne' and 'alkane' stay "
    "apart); not an adjective derived from it ('-al', '-ic', '-ive': 'transpirational')",
    "verb_noun": "a verb the notes use as a name ('puddles **evaporate**') is the "
    "process its noun names ('evaporation')",
    "bare_modifier": "a noun the notes use alone for the one method it qualifies, always "
    "after naming the method ('a hybrid' after 'hybrid methods'); not a modifier that "
    "names a thing of its own ('field method', 'lab method')",
    "proper_name": "a proper name used alone for the one longer proper name the notes use "
    "that ends in it after a name English does not know ('Darwin', 'Charles Darwin'); not "
    "after an English word ('East Anglia' / 'Anglia')",
    "bare_head": "the head of the one compound the notes build on it, used alone only in the "
    "cards about that compound ('inhibition' under a heading 'Enzyme inhibition' or "
    "'Inhibit enzymes'); not beside two compounds ('large', 'small intestine')",
}


@dataclass(frozen=True, slots=True)
class Merge:
    """One merge: ``name`` joined the group of ``into`` by ``rule``."""

    name: str
    into: str
    rule: str
    evidence: Evidence | None = None

    @property
    def reason(self) -> str:
        return RULES.get(self.rule, self.rule)


@dataclass(frozen=True, slots=True)
class Refusal:
    """A merge a rule asked for and that was not made, and why (:func:`long_forms_clash`)."""

    merge: Merge
    why: str


@dataclass
class Groups:
    """Candidate groups (lists of candidates, by root key), the merges that made
    them and the merges refused (all of them, and by the root key of each group a
    refused merge would have joined: ``python -m graph explain`` shows them)."""

    groups: dict[str, list[Candidate]]
    merges: dict[str, list[Merge]]  # root key -> merges inside the group
    refused: list[Refusal] = field(default_factory=list)
    refused_by_root: dict[str, list[Refusal]] = field(default_factory=dict)


class _UnionFind:
    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {k: k for k in keys}
        self.members: dict[str, list[str]] = {k: [k] for k in self.parent}

    def group(self, k: str) -> list[str]:
        """The keys in ``k``'s group."""
        return self.members.setdefault(self.find(k), [k])

    def find(self, k: str) -> str:
        parent = self.parent
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[rb] = ra
        self.members.setdefault(ra, [ra]).extend(self.members.pop(rb, [rb]))
        return True


def _share_card(a: Candidate, b: Candidate) -> bool:
    return bool(a.cards & b.cards)


def merge(
    candidates: Mapping[str, Candidate],
    pairs: Iterable[AliasPair] = (),
    *,
    disabled: Collection[str] = (),
    cards: Mapping[str, Card] | None = None,
) -> Groups:
    """Group the candidates that name one concept (see the module doc); ``cards``
    (by id) tells which cards a heading or a section is about."""
    uf = _UnionFind(candidates)
    merges: list[Merge] = []
    refused: list[Refusal] = []

    def join(a: str, b: str, rule: str, evidence: Evidence | None = None) -> None:
        if rule in disabled or uf.find(a) == uf.find(b):
            return
        # through other names, a join may put two different long forms of one short
        # form in one group ("ML" for two phrases): the later, weaker join is refused
        if rule != "spelling" and (clash := long_forms_clash(uf.group(a), uf.group(b))):
            refused.append(Refusal(Merge(b, a, rule, evidence), clash))
            return
        uf.union(a, b)
        merges.append(Merge(b, a, rule, evidence))

    # 1. spelling variants share a match key; a one-word name the notes always
    # capitalise ("Windows", "the Andes") is no spelling of a common noun they write in
    # lower case ("window"): the two stay apart (`spelled_apart`)
    spelled: dict[str, str] = {}
    by_key: dict[str, list[str]] = defaultdict(list)
    for key in candidates:
        by_key[match_key(key)].append(key)
    for mkey, keys in by_key.items():
        parts = spelled_apart([candidates[k] for k in keys])
        spelled[mkey] = parts[0][0]  # what a name of this spelling is taken for
        for first, *rest in parts:
            for key in rest:
                join(first, key, "spelling")

    def known(name: str) -> str | None:
        return spelled.get(match_key(name))

    # 1b. "KILN FIRING", a heading typed in capitals, is "Kiln firing" of a label line:
    # the capitals are the writer's, not an acronym's (the key keeps them: it is the
    # merge that says the two are one)
    for key in candidates:
        if shouted(key.split()) and (low := known(key.lower())) and low != known(key):
            join(low, key, "capitals")

    # 2-3. stated pairs: abbreviations and glosses
    for pair in pairs:
        s_key, l_key = known(pair.short), known(pair.long)
        if pair.reason == OTHER_NAME and pair.evidence is not None:
            before = appositive(pair.evidence.text)
            # ", also known as Y": Y names the phrase before it; but the definition
            # that opens a term's answer ("Osmosis" / "water diffusing across a
            # membrane, also called ...") is the term's, and so is Y
            term = answered_term(pair.evidence, cards or {})
            if before is not None and not (term and known(term) == l_key):
                l_key = _named_before(before, known, candidates)
        if pair.reason == TITLE_OTHER_NAME and _used_elsewhere(pair.short, candidates):
            continue  # "Forward pass (training)": a name used on other cards is no synonym
        if s_key and l_key and s_key != l_key:
            glossed = pair.reason.startswith("glossed")
            rendered = glossed and rendered_term(candidates[s_key], candidates[l_key])
            if glossed and not rendered and not abbreviates(pair.short, pair.long):
                continue  # "Bagging (Random Forests)": an example, not another name
            rule = ("term_gloss" if rendered else "gloss") if glossed else "abbreviation"
            if pair.reason in SPELLED_OUT:
                rule = "spelled_out"
            elif pair.reason in {OTHER_NAME, TITLE_OTHER_NAME}:
                rule = "synonym"
            elif pair.reason == ALTERNATIVES:
                rule = "alternatives"
            join(l_key, s_key, rule, pair.evidence)
    multiword = [k for k in candidates if " " in k]
    # 4. an acronym spelled by the initials of exactly one multi-word name
    by_initials: dict[str, set[str]] = defaultdict(set)
    # (letters, name): spelled only with a letter that is no word's initial ("vCPU" keeps
    # "CPU" whole, "DB" takes two letters of "database")
    partly: set[tuple[str, str]] = set()
    alone = {k.lower() for k in candidates if " " not in k and candidates[k].count}
    for k in multiword:
        if not candidates[k].count or set(candidates[k].roles) == {"shared_head"}:
            # a name only ever used inside longer ones spells no acronym, nor one only
            # ever read from a coordination ("salinity level" of "salinity and sea
            # level"): the notes never write it
            continue
        whole = initials(k)
        for letters in whole | compound_initials(k, alone) | acronym_initials(k):
            by_initials[letters].add(k)
            if letters not in whole:
                partly.add((letters, k))
    # "database" spells "DB": a word made of two English words (the key as the notes
    # write it: "MovieLens", not the lower case ``alone`` holds)
    for k in (k for k in candidates if " " not in k and candidates[k].count):
        for letters in closed_compound_initials(k):
            by_initials[letters].add(k)
            partly.add((letters, k))
    for a in (k for k in candidates if " " not in k and is_acronym(k)):
        letters = re.sub(r"[^a-z]", "", singular_acronym(a).lower())
        # a name that holds the acronym as a word does not spell it out ("BP process")
        names = [k for k in by_initials.get(letters, ()) if not holds_word(k, a)]
        spelled_out = {uf.find(k) for k in names}
        if len(spelled_out) > 1:  # "the resulting RNA" names no kind of RNA: "rRNA"
            names = [k for k in names if not participle(k.split()[0])]
            spelled_out = {uf.find(k) for k in names}
        if len(spelled_out) > 1:  # of several, the one a card about it uses the acronym in
            used_in = candidates[a].cards
            shared = [k for k in names if any(c.id in used_in for c in candidates[k].subject_of)]
            if len({uf.find(k) for k in shared}) == 1:
                names, spelled_out = shared, {uf.find(shared[0])}
        if len(spelled_out) == 1:
            root = spelled_out.pop()
            fits = [k for k in names if uf.find(k) == root]
            found = initials_evidence(candidates[a], [candidates[k] for k in fits], cards or {})
            whole = any((letters, k) not in partly for k in fits)
            if reads_as_word(a):
                # "the US" is the country, "IT" a field: a name its initials fit by
                # chance ("unconditional support") is meant only where a card about
                # that name uses the acronym
                about = candidates[a].cards
                if not any(c.id in about for k in fits for c in candidates[k].subject_of):
                    continue
            if found or (whole and used_alone(candidates[a])):
                evidence = found if isinstance(found, Evidence) else None
                join(root, a, "initials", evidence)
    # 4b. "KL divergence" is "Kullback-Leibler divergence": an acronym that spells the
    # first words of exactly one name with the same last words
    by_tail: dict[tuple[str, str], set[str]] = defaultdict(set)
    for k in multiword:
        words = k.lower().split()
        for cut in range(1, len(words)):
            for letters in spelled_initials(" ".join(words[:cut])):
                by_tail[(letters, " ".join(words[cut:]))].add(k)
    for k in multiword:
        first, *rest = k.split()
        if (is_acronym(first) or _opens_with_initials(candidates[k])) and rest:
            letters = re.sub(r"[^a-z]", "", singular_acronym(first).lower())
            spelled_out = {uf.find(n) for n in by_tail.get((letters, " ".join(rest).lower()), ())}
            spelled_out.discard(uf.find(k))
            if len(spelled_out) == 1:
                join(spelled_out.pop(), k, "initials_in_name")
    # "KL" alone (or only ever opening names) is "KL divergence", the one name it opens
    # that the notes spell out ("Kullback-Leibler divergence"), unless a group already
    # spells it out or the notes
    # use the words it stands for as a name of their own ("ML" and "machine learning"
    # beside "ML model"): then the acronym is short for those words
    # (the names each word opens and holds, as an acronym's singular, `holds_word`,
    # are read once, not once for every acronym)
    acronyms = [k for k in candidates if " " not in k and is_acronym(k)]
    opening: dict[str, list[str]] = defaultdict(list)
    holding: dict[str, list[str]] = defaultdict(list)
    for k in multiword if acronyms else ():
        opening[singular_acronym(k.split()[0])].append(k)
        for word in dict.fromkeys(map(singular_acronym, re.split(r"[\s\-–/]+", k))):
            holding[word].append(k)
    for a in acronyms:
        if any(" " in k for k in uf.group(a)):
            continue
        one = singular_acronym(a)
        # used only inside names, it must open each of them ("SA" only in "SA node")
        if not used_alone(candidates[a]) and not all(
            singular_acronym(k.split()[0]) == one
            for k in holding.get(one, ())
            if candidates[k].count
        ):
            continue
        letters = re.sub(r"[^a-z]", "", one.lower())
        opened = {
            uf.find(k)
            for k in opening.get(one, ())
            if any(spells_first_words(n, letters) for n in uf.group(k))
        }
        stands_for = {
            short for root in opened for short in map(known, _spellings(uf.group(root), letters))
        }
        if len(opened) == 1 and not any(k and candidates[k].count for k in stands_for):
            join(opened.pop(), a, "initials_in_name")
    # 5. an inner adjective dropped in the same card: "targeted (adversarial) attack"
    words_of = {" ".join(k.lower().split()): k for k in candidates}
    for key in multiword:
        cand = candidates[key]
        words = key.lower().split()
        pos = next(iter(cand.shapes)).pos if cand.shapes else ()
        for i in range(1, len(words) - 1):
            shorter = words_of.get(" ".join(words[:i] + words[i + 1 :]))
            # a title in Title Case makes the tagger read an adjective as a proper noun
            adjective = i < len(pos) and (
                pos[i] == "ADJ" or (pos[i] == "PROPN" and only_adjective(words[i]))
            )
            if shorter and adjective and _share_card(candidates[shorter], cand):
                join(shorter, key, "inner_adjective")
    # 6. "LSTM cell state" is the cell state (of the LSTM), when both are used; not
    # before a generic head: "SHA hash function" names SHA as a hash function; nor after
    # a coined name with a run of lower case ("YouTube recommendation system", "PyTorch
    # training loop"): a product's own thing, not the general one; nor when it opens
    # with English words in capitals ("HIGH TIDE mark"): words in capitals are no acronym,
    # and a high-tide mark is a kind of tide mark ("LSTM RNN cell" still joins "RNN cell")
    for key in multiword:
        words = key.split()
        if (
            len(words) >= 3
            and is_acronym(words[0])
            and not re.search(r"[a-z]{2}", words[0])
            and not (in_capitals(words[:2]) and all(map(english_word, words[:2])))
            and words[-1].lower() not in GENERIC_HEADS
            and (rest := known(" ".join(words[1:])))
        ):
            join(rest, key, "acronym_prefix")
    # 7. "round-robin DNS" is the round-robin (DNS) when "round-robin" is used alone (not
    # a word the notes use only inside longer names, "pocket" of "pocket GPS": they
    # never use it as a short name); not a name in capitals throughout ("HTTP GET", "STOP
    # SIGN"): there a word in capitals is no sign of an acronym; nor after a possessive
    # ("Nikon's DSLR" is a thing of Nikon's, not Nikon); nor after an adjective when the
    # acronym is used alone ("recursive DNS" is a kind of DNS)
    for key in multiword:
        words = key.split()
        if (
            is_acronym(words[-1])
            and not in_capitals(words[:-1])
            and not possessive(words[:-1])
            and not (
                reads_as_adjective(words[-2])
                and (head := known(words[-1]))
                and used_alone(candidates[head])
            )
            and (base := known(" ".join(words[:-1])))
            and any(is_acronym(w) or zipf(w) < 4.0 for w in words[:-1])
            and used_alone(candidates[base])
        ):
            join(base, key, "acronym_suffix")

    def join_head(base: str, key: str) -> None:
        # "covariance function", which the notes call "kernel", is no "covariance": a
        # compound they give a short name of its own takes no other by dropping its head
        if "generic_head" not in disabled and (
            clash := short_names_clash(uf.group(base), uf.group(key))
        ):
            refused.append(Refusal(Merge(key, base, "generic_head"), clash))
            return
        join(base, key, "generic_head")

    # 8. "X cell", "X model" used interchangeably with X (in one card)
    by_last: dict[str, list[str]] | None = None  # made at the first name it is asked for
    for key in multiword:
        words = key.split()
        if words[-1].lower() in GENERIC_HEADS and (base := known(" ".join(words[:-1]))):
            longer, bare = candidates[key], candidates[base]
            # X is used on its own, and: in one card with "X cell", or a card is about
            # one of them, or X is specific enough to be the same thing ("ReLU
            # function", "softmax function"; not "activation function")
            # ("ReLU function", "softmax function"); a thing made for one activity is
            # not, however rare the activity's word ("a filtration unit" is no filtration)
            specific = all(
                is_acronym(w) or zipf(w) < SPECIFIC_ZIPF for w in base.split()
            ) and not made_for_activity(base, words[-1])
            together = _share_card(bare, longer) or bare.subject_of or longer.subject_of
            # a word English uses as an adjective and as a noun, read as the adjective
            # before the head, says what kind of function or model it is ("the mean
            # function", "a prior model"): the word alone names another thing
            kind = describes_head(key, _reading(longer))
            # "latent variable model": a model of the things "latent variable" names,
            # one kind of variable beside "observed variable", and no variable itself
            if by_last is None:
                by_last = names_by_last_word(candidates)
            other = other_kind(base, words[-1], candidates, by_last)
            apart = described_apart(bare, longer, words[-1])
            if (
                bare.count
                and trouble_with(base, words[-1])
                and not used_alone(longer)
                and "generic_head" not in disabled
            ):
                why = (
                    f"{key!r} is only read inside longer names, a {words[-1]} with "
                    f"{base!r} there, not another name of it"
                )
                refused.append(Refusal(Merge(key, base, "generic_head"), why))
            elif bare.count and other and "generic_head" not in disabled:
                why = (
                    f"{base!r} is one kind of {base.split()[-1]} beside {other!r}: "
                    f"a {words[-1]} of them is no {base.split()[-1]}"
                )
                refused.append(Refusal(Merge(key, base, "generic_head"), why))
            elif bare.count and apart and "generic_head" not in disabled:
                refused.append(Refusal(Merge(key, base, "generic_head"), apart))
            elif (
                bare.count
                and not specific
                and (of_base := defined_by_its_base(bare, longer, words[-1]))
                and "generic_head" not in disabled
            ):
                refused.append(Refusal(Merge(key, base, "generic_head"), of_base))
            elif bare.count and not specific and together and kind and same_thing(base, words[-1]):
                if "generic_head" not in disabled:
                    why = f"{base!r} reads as an adjective: a kind of {words[-1]}"
                    refused.append(Refusal(Merge(key, base, "generic_head"), why))
            elif bare.count and (specific or (together and same_thing(base, words[-1]))):
                join_head(base, key)
        # "X process", "X approach": the way X is done, when the notes use both together;
        # not when X is what other actions are done to ("erosion control", "erosion
        # prevention"): there "erosion strategy" is a way of dealing with X
        elif words[-1].lower() in MANNER_HEADS and (base := known(" ".join(words[:-1]))):
            longer, bare = candidates[key], candidates[base]
            together = _share_card(bare, longer) or bare.subject_of or longer.subject_of
            if bare.count and together and not acted_on(base, candidates):
                join_head(base, key)
        # "SN2 reaction", "combustion reaction": X happening, when the notes use both
        # together and X is specific or an activity ("light reaction" is no light; a
        # "browning reaction" is one step of browning)
        elif words[-1].lower() in EVENT_HEADS and (base := known(" ".join(words[:-1]))):
            longer, bare = candidates[key], candidates[base]
            together = _share_card(bare, longer) or bare.subject_of or longer.subject_of
            last = base.split()[-1].lower()
            activity = len(last) > 4 and last.endswith(ACTIVITY_ENDINGS)
            specific = all(is_acronym(w) or zipf(w) < SPECIFIC_ZIPF for w in base.split())
            gerund = len(last) > 4 and last.endswith("ing")  # however rare: one step of it
            same = bare.count and together and (activity or specific) and not gerund
            if same and not acted_on(base, candidates, key):
                join(base, key, "event_head")
        # "Hive kinds", "rock varieties": a heading or question listing kinds of X, over
        # names of such kinds ("Langstroth hive"), is about X ("types" and
        # "architectures" are generic heads, joined above)
        elif (
            candidates[key].subject_of
            and (base := known(" ".join(words[:-1])))
            and candidates[base].count
        ):
            if by_last is None:
                by_last = names_by_last_word(candidates)
            if lists_kinds_of(candidates[key], base, by_last):
                join(base, key, "kinds_heading")
    # 9. a verb the notes single out as a name is the process its noun names:
    # "**evaporate**" and "evaporation"
    for key, cand in candidates.items():
        if " " in key or not cand.shapes or any(s.pos != ("VERB",) for s in cand.shapes):
            continue
        noun = next(filter(None, map(known, nominalisations(key))), None)
        if noun:
            join(noun, key, "verb_noun")
    # 10. "rate of reaction" is "reaction rate": the compound of the same words, used
    for key in multiword:
        compound = next(filter(None, map(known, inverted_of(key))), None)
        if compound and candidates[compound].count and _compound_noun(candidates[compound]):
            join(compound, key, "of_inverted")
    # 11. "inhibition" in the cards about "enzyme inhibition", the one compound on it
    if "bare_head" not in disabled:
        for bare, compound in bare_heads(candidates, cards or {}, known):
            join(compound, bare, "bare_head")
    # 12. "a hybrid" after "hybrid methods": the modifier used alone for the method
    if "bare_modifier" not in disabled:
        for bare, compound in bare_modifiers(candidates, cards or {}, known):
            join(compound, bare, "bare_modifier")
    # 13. "Darwin" used alone is "Charles Darwin", the one longer proper name on it
    if "proper_name" not in disabled:
        for short, full in proper_short_names(candidates):
            join(short, full, "proper_name")
    # 14. a misspelling one edit away from a name used far more often
    if "typo" not in disabled:
        _typos(candidates, uf, join)
    groups: dict[str, list[Candidate]] = defaultdict(list)
    for key, cand in candidates.items():
        groups[uf.find(key)].append(cand)
    by_root: dict[str, list[Merge]] = defaultdict(list)
    for m in merges:
        by_root[uf.find(m.into)].append(m)
    refused_by_root: dict[str, list[Refusal]] = defaultdict(list)
    for r in refused:
        for root in dict.fromkeys((uf.find(r.merge.into), uf.find(r.merge.name))):
            refused_by_root[root].append(r)
    return Groups(dict(groups), dict(by_root), refused, dict(refused_by_root))


def answered_term(e: Evidence, cards: Mapping[str, Card]) -> str | None:
    """The term of the term card whose answer opens with the sentence ``e`` (its
    definition), else None.

    >>> from extraction.records import Card
    >>> card = Card(id="n#1", source="n.txt", format="test", lines=(1, 2), title="Osmosis",
    ...             body="water diffusing across a membrane, also called water flow",
    ...             title_kind="term")
    >>> e = Evidence("n.txt", 2, "water diffusing across a membrane, also called water flow")
    >>> answered_term(e, {card.id: card}), answered_term(Evidence("n.txt", 9, "x"), {})
    ('Osmosis', None)
    """
    for card in cards.values():
        if (
            card.title_kind == "term"
            and card.source == e.source
            and card.lines[0] <= e.line <= card.lines[1]
            and card.body.lstrip().startswith(e.text.strip())
        ):
            return card.title
    return None


def appositive(text: str) -> list[str] | None:
    """The names that may stand right before a comma and "also known as" ("...what's
    called a hash function, also known as a digest"), longest first, or ``None`` when
    no comma precedes the cue ("Hash maps are also known as ..."): set off so, the
    other name is the phrase before it, not the sentence's subject.

    >>> appositive("Plates ride on mantle convection, also called convective flow.")[-3:]
    ['on mantle convection', 'mantle convection', 'convection']
    >>> appositive("Hash maps are also known as dictionaries.") is None
    True
    """
    if not (m := SYNONYM_CUE.search(text)):
        return None
    before = text[: m.start()].rstrip()
    if not before.endswith(","):
        return None
    words = re.findall(r"[\w'’\-]+", before[:-1])[-6:]
    return [" ".join(words[i:]) for i in range(len(words))]


def _used_elsewhere(name: str, candidates: dict[str, Candidate]) -> bool:
    """Do the notes use ``name`` (in any spelling: case, plural) on more than one card?"""
    wanted = match_key(name)
    cards = {card for key, c in candidates.items() if match_key(key) == wanted for card in c.cards}
    return len(cards) > 1


def _named_before(
    before: Sequence[str], known: Callable[[str], str | None], candidates: Mapping[str, Candidate]
) -> str | None:
    """The longest name of ``before`` (:func:`appositive`) the notes use; without an
    adjective they put before a name they use far more often alone ("popular hash
    functions": "hash function")."""
    names = [k for k in map(known, before) if k]
    for longer, shorter in pairwise(names):
        if not (
            only_adjective(longer.split()[0])
            and match_key(shorter) == match_key(longer.split(" ", 1)[-1])
            and candidates[shorter].count >= TYPO_RATIO * candidates[longer].count
        ):
            return longer
    return names[-1] if names else None


#: Single capitals joined by hyphens or full stops: "H-R", "P-V", "S.N." (no acronym to
#: :func:`is_acronym`, which wants two capitals in one part).
_SPACED_INITIALS = re.compile(r"[A-Z](?:[-.][A-Z])+\.?")


def spaced_initials(word: str) -> bool:
    """Is ``word`` initials set apart by hyphens or full stops, the short form of the
    words they begin ("H-R diagram" for a diagram named after two people, "P-V
    diagram")? A single capital with a word ("T-cell", "X-ray") is none.

    >>> spaced_initials("H-R"), spaced_initials("P.V."), spaced_initials("T-cell")
    (True, True, False)
    """
    return bool(_SPACED_INITIALS.fullmatch(word))


def _opens_with_initials(cand: Candidate) -> bool:
    """Does every spelling of ``cand`` open with :func:`spaced_initials` (the key is in
    lower case: "h-r diagram")?"""
    return bool(cand.forms) and all(spaced_initials(f.split()[0]) for f in cand.forms if f.split())


def spells_first_words(name: str, letters: str) -> bool:
    """Do the initials of the first two words or more of ``name`` (no acronym in it)
    spell ``letters``?

    >>> spells_first_words("nuclear magnetic resonance spectroscopy", "nmr")
    True
    >>> spells_first_words("NMR spectroscopy", "nmr")
    False
    >>> spells_first_words("sinoatrial node", "sa")
    True
    """
    words = [w for w in re.split(r"[\s\-–/]+", name.lower()) if w]
    if any(is_acronym(w) for w in name.split()):
        return False
    return any(letters in spelled_initials(" ".join(words[:n])) for n in range(1, len(words) + 1))


def _spellings(keys: Iterable[str], letters: str) -> set[str]:
    """The first words of ``keys`` (names without an acronym) that spell ``letters``."""
    found = set()
    for key in keys:
        if any(is_acronym(w) for w in key.split()):
            continue
        words = [match_key(w) for w in re.split(r"[\s\-–/]+", key.lower()) if w]
        for n in range(1, len(words) + 1):
            if letters in spelled_initials(" ".join(words[:n])):
                found.add(" ".join(words[:n]))
    return found


def long_forms_clash(a: Sequence[str], b: Sequence[str]) -> str | None:
    """Why two groups (their keys) may not be one: an acronym of either (alone or
    opening a name) that names of each group spell out with no word in common ("DNA"
    for "deoxyribonucleic acid" and for "data normalisation algorithm"); ``None`` when
    they may.

    >>> long_forms_clash(["PT", "plate tectonics"], ["PT model", "probability theory model"])
    "PT would stand for 'plate tectonics' and for 'probability theory'"
    >>> long_forms_clash(["PT", "plate tectonics"], ["plate tectonic theory"]) is None
    True
    """
    acronyms = {
        re.sub(r"[^a-z]", "", singular_acronym(w).lower())
        for k in (*a, *b)
        for w in k.split()
        if is_acronym(w)
    }
    for letters in sorted(acronyms):
        these, those = _spellings(a, letters), _spellings(b, letters)
        if (
            these
            and those
            and not any(set(x.split()) & set(y.split()) for x in these for y in those)
        ):
            return f"{letters.upper()} would stand for '{min(these)}' and for '{min(those)}'"
    return None


def short_names_clash(a: Sequence[str], b: Sequence[str]) -> str | None:
    """Why two groups (their keys) may not be one through a generic head: each holds a
    name of one word (not an acronym) and those names are no spellings of each other
    ("kernel", with "covariance function" that the notes call so, and "covariance"); a
    concept the notes name in one word has that word, and a head dropped from another
    of its names makes no second one. ``None`` when they may.

    >>> short_names_clash(["kernel", "covariance function"], ["covariance"])
    "one word names each: 'kernel' and 'covariance'"
    >>> short_names_clash(["LSTM", "LSTM cell"], ["long short-term memory"]) is None
    True
    >>> short_names_clash(["enzymes", "enzyme model"], ["enzyme"]) is None
    True
    """
    words_a = {match_key(k): k for k in a if " " not in k and not is_acronym(k)}
    words_b = {match_key(k): k for k in b if " " not in k and not is_acronym(k)}
    if words_a and words_b and not words_a.keys() & words_b.keys():
        return f"one word names each: {min(words_a.values())!r} and {min(words_b.values())!r}"
    return None


def acted_on(base: str, candidates: Mapping[str, Candidate], besides: str = "") -> bool:
    """Is ``base`` the object of an action in another name the notes use: ``base``
    followed by one noun a verb makes (:func:`verb_of`: "erosion prevention", "enzyme
    inhibition")? Then ``base`` is a thing or a state that is acted on, not a way of
    doing something.

    >>> acted_on("erosion", {"erosion prevention": Candidate("erosion prevention")})
    True
    >>> acted_on("erosion", {"erosion rate": Candidate("erosion rate")})
    False

    A name ``besides`` (the one being merged with ``base``) is not counted: "the SN2
    reaction" is SN2 happening, not something done to it.

    >>> acted_on("SN2", {"SN2 reaction": Candidate("SN2 reaction")}, besides="SN2 reaction")
    False
    """
    words = base.lower().split()
    n = len(words)
    return any(
        len(w := k.lower().split()) == n + 1 and w[:n] == words and verb_of(w[n]) is not None
        for k in candidates
        if k != besides
    )


def _reading(cand: Candidate) -> tuple[str, ...]:
    """The parts of speech of ``cand``'s most frequent tagged use (``()`` if none)."""
    tagged = [(n, s.pos) for s, n in cand.shapes.items() if s.pos]
    return max(tagged)[1] if tagged else ()


#: Parts of speech that make a run of words a clause or a phrase, not a compound name
#: ("using avoidance", "restrictions on inhibition").
_NOT_IN_A_COMPOUND = frozenset({"VERB", "AUX", "ADP", "DET", "PRON", "SCONJ", "CCONJ"})


def _word_keys(text: str) -> list[str]:
    """Each word of ``text`` as :func:`match_key` spells it ("Enzymes" -> "enzyme")."""
    return [match_key(w) for w in re.findall(r"[^\W_]+(?:['’-][^\W_]+)*", text)]


def _holds_run(words: list[str], run: list[str]) -> bool:
    n = len(run)
    return any(words[i : i + n] == run for i in range(len(words) - n + 1))


def verb_of(noun: str) -> str | None:
    """The verb an action noun is made of with an ending of :data:`NOMINAL_ENDINGS`
    (a final "e" given back where the verb has one), or ``None``: "inhibition" ->
    "inhibit", "avoidance" -> "avoid", "evaporation" -> "evaporate"; "station",
    "function" and "table" are no verbs' nouns.

    >>> verb_of("inhibition"), verb_of("avoidance"), verb_of("evaporation")
    ('inhibit', 'avoid', 'evaporate')
    >>> verb_of("function"), verb_of("table"), verb_of("Deployment")
    (None, None, 'deploy')
    """
    noun = noun.lower()
    for ending in sorted(NOMINAL_ENDINGS, key=len):
        if not noun.endswith(ending) or len(noun) - len(ending) < 4:
            continue
        stem = noun[: -len(ending)]
        for verb in (stem, stem + "e"):
            if verb in lemmas(verb).get("VERB", ()):
                return verb
    return None


def names_compound(text: str, modifier: str, head: str) -> bool:
    """Does a heading ``text`` name the compound ``modifier head``: its words in a row
    ("Enzyme inhibition", "Kinds of enzyme inhibitions"), or the modifier with the verb
    the head is the noun of (:func:`verb_of`: "Inhibit enzymes", "Inhibiting an
    enzyme")?

    >>> names_compound("Kinds of enzyme inhibitions", "enzyme", "inhibition")
    True
    >>> names_compound("Inhibiting an enzyme", "enzyme", "inhibition")
    True
    >>> names_compound("Enzymes", "enzyme", "inhibition")
    False
    """
    words, mods = _word_keys(text), _word_keys(modifier)
    if not mods or _holds_run(words, mods + _word_keys(head)):
        return bool(mods)
    verb = verb_of(head)
    said = verb is not None and any(verb in lemmas(w).get("VERB", ()) for w in text.lower().split())
    return said and _holds_run(words, mods)


def _places_in(card: Card, mentions: Iterable[Evidence]) -> list[tuple[int, int]]:
    """Where in ``card`` the sentences of ``mentions`` are: (line, offset in the body)."""
    first, last = card.lines
    return [
        (e.line, card.body.find(e.text))
        for e in mentions
        if e.source == card.source and first <= e.line <= last
    ]


def _named_first(card: Card, bare: Iterable[Evidence], named: Iterable[Evidence]) -> bool:
    """Does ``card`` use the full name (``named``) before every use of the bare one?"""
    places, before = _places_in(card, bare), _places_in(card, named)
    return bool(places and before) and min(before) <= min(places)


def _noun_modifier(word: str, pos: str) -> bool:
    """Is ``word`` a noun before a head: tagged one, or tagged an adjective but known to
    English as a noun only ("enzyme inhibition"; not "rapid", "standard")?"""
    if pos in {"NOUN", "PROPN"}:
        return True
    kinds = lemmas(word.lower())
    return pos == "ADJ" and "NOUN" in kinds and "ADJ" not in kinds


def bare_heads(
    candidates: Mapping[str, Candidate], cards: Mapping[str, Card], known
) -> Iterator[tuple[str, str]]:
    """``(bare, compound)``: an action noun (:func:`verb_of`) that is the head of
    exactly one compound name the notes use, a noun its object ("inhibition", "enzyme
    inhibition"), every card that uses it alone being about that compound: its title or
    a heading above it names the compound (:func:`names_compound`), or the card names
    the compound in full before it uses the head alone. There the action needs no
    object said again: the notes use the head as a short name of the compound. Two
    compounds on the head ("competitive inhibition", "enzyme inhibition") leave it
    alone, and so does a use in any other card, or before the full name; a clause
    ending in the head ("using inhibition") is no compound, and a noun that names a
    thing ("model", "table") no action.
    """
    by_head: dict[str, set[str]] = defaultdict(set)
    for key, cand in candidates.items():
        words = key.split()
        if len(words) < 2 or not cand.count:
            continue
        reading = _reading(cand)
        if any(p in _NOT_IN_A_COMPOUND for p in reading[:-1]):
            continue
        if (head := known(words[-1])) is not None:
            by_head[head].add(key)
    for bare, cand in candidates.items():
        compounds = by_head.get(bare)
        if " " in bare or not cand.count or not cand.cards or not compounds:
            continue
        if len({match_key(c) for c in compounds}) != 1 or verb_of(bare) is None:
            continue
        compound = min(compounds, key=lambda c: (-candidates[c].count, c))
        reading = _reading(candidates[compound])
        if not all(map(_noun_modifier, compound.split(), reading[:-1])):
            continue  # the object of the action is a noun: "rapid inhibition" is none
        if any(gerund(w) for w in compound.split()[:-1]):
            continue  # "sampling distribution": a gerund says what kind, it is no object
        modifier = " ".join(compound.split()[:-1])
        head = compound.split()[-1]
        named = [e for c in compounds for e in candidates[c].mentions]
        if all(
            (card := cards.get(card_id)) is not None
            and (
                any(names_compound(t, modifier, head) for t in (card.title, *card.section))
                or _named_first(card, cand.mentions, named)
            )
            for card_id in cand.cards
        ):
            yield bare, compound


def gerund(word: str) -> bool:
    """Is ``word`` a verb's form in "-ing" ("sampling", "filtering")? Before an action
    noun it says what kind of action or result the compound names ("sampling
    distribution": a distribution, not a distributing of samples), never the object the
    action is done to, as a noun does ("enzyme inhibition").

    >>> gerund("sampling"), gerund("filtering"), gerund("enzyme"), gerund("string")
    (True, True, False, False)
    """
    return word.lower().endswith("ing") and participle(word)


def _proper(cand: Candidate) -> bool:
    """Is ``cand`` written as a proper name: every word capitalised in every spelling the
    notes use (a name they also write in lower case, "bunsen burner", is a
    common noun set in Title Case somewhere), and half its uses or more read as a proper
    name inside a sentence (every word a capitalised proper noun, not opening the
    sentence: ``Shape.proper``; a use inside a longer name does not)?"""
    if not cand.forms or not all(w[:1].isupper() for f in cand.forms for w in f.split()):
        return False
    total = sum(cand.shapes.values())
    return total > 0 and 2 * sum(n for s, n in cand.shapes.items() if s.proper) >= total


#: A word of four letters or more in lower case: a sentence that holds one is not a
#: line in Title Case.
_LOWER_WORD = re.compile(r"\b[a-z]{4,}\b")
#: The end of a sentence of prose: a full stop or an exclamation mark (a question or a
#: line with no stop may be a title, which capitalises the terms it asks about).
_PROSE_END = re.compile(r"[.!][\"'’”)\]]*\s*$")


def always_capitalised(cand: Candidate) -> bool:
    """Do the notes write ``cand`` capitalised in every spelling, and capitalised inside
    a sentence of prose at least once, after a word in lower case (not only opening a
    sentence, a list item or a label, nor only in a question, a line with no stop or a
    line in Title Case, where a title capitalises its terms)? A hyphenated word is
    capitalised when each of its parts of four letters or more is.
    Then the capitals are the name's own ("Athens", "Windows"). Read from the sentences
    of its uses, which outlive the uses' shapes.

    >>> from collections import Counter
    >>> from extraction.records import Evidence
    >>> def used(form, *texts):
    ...     uses = [Evidence("n.md", 1, t) for t in texts]
    ...     return Candidate(form.lower(), forms=Counter({form: 1}), mentions=uses)
    >>> always_capitalised(used("Athens", "Ships left Athens at dawn."))
    True
    >>> always_capitalised(used("Enzymes", "Enzymes speed reactions up."))
    False
    >>> always_capitalised(used("Enzymes", "How Enzymes Work"))
    False
    >>> always_capitalised(used("Osmosis", "- Osmosis: water moves across a membrane"))
    False
    >>> always_capitalised(used("Enzymes", "What are the main types of Enzymes?"))
    False
    >>> always_capitalised(used("Cell-to-cell", "It is a Cell-to-cell signal."))
    False
    """
    words = [w for f in cand.forms for w in f.split()]
    parts = [p for w in words for p in w.split("-")[1:] if len(p) > 3]
    if not words or not all(w[:1].isupper() for w in words + parts):
        return False
    # after a word in lower case: not where a sentence, a list item or a label opens,
    # nor in a run of capitalised names ("DeepLift, Dropout")
    inside = [re.compile(rf"\b[a-z][\w'’-]*[\s,]+{re.escape(f)}\b") for f in cand.forms]
    return any(
        _PROSE_END.search(e.text)
        and _LOWER_WORD.search(e.text)
        and any(p.search(e.text) for p in inside)
        for e in cand.mentions
    )


def own_capitals(cands: Sequence[Candidate]) -> set[str]:
    """The capitalised words, as written, of a group's names whose capitals are their
    own whatever the rest of the name is: the notes never write the word in lower case
    and it is

    - a numeral or letter after the first word ("type I error", "class A") and a word
      numbered by a Roman numeral ("Phase II trial", "World War I"); a capital letter
      that is no word of its own opening a longer name ("T cell", "X chromosome");
    - the capitalised words of a name with a word English does not know after a
      letter or a short abbreviation in lower case (a proper name: "Sutton v. Hoyle");
    - a word English does not know, as an owner before the rest of the name (an
      eponym: "Hooke's law"), or written capitalised after a word in lower case
      (not where a sentence or a line opens: "the Cournot model", "the F statistic"),
      in a card's answer too, which need not end in a stop.

    A word English knows capitalised by a title ("The Enzyme Cycle") is none.

    >>> from collections import Counter
    >>> from extraction.records import Evidence
    >>> def group(form, *texts):
    ...     uses = [Evidence("n.md", 1, t) for t in texts]
    ...     return [Candidate(form.lower(), forms=Counter({form: 1}), mentions=uses)]
    >>> sorted(own_capitals(group("Hooke's law", "Hooke's law: stress is strain")))
    ["Hooke's"]
    >>> sorted(own_capitals(group("Cournot model", "firms in the Cournot model")))
    ['Cournot']
    >>> sorted(own_capitals(group("Cournot model", "Cournot model: firms set output")))
    []
    >>> sorted(own_capitals(group("Phase II trial", "Phase II trial: tests efficacy")))
    ['II', 'Phase']
    >>> sorted(own_capitals(group("Enzyme Cycle", "and the Enzyme Cycle")))
    []
    >>> sorted(own_capitals(group("Sutton v. Hoyle", "Sutton v. Hoyle: a 1950 case")))
    ['Hoyle', 'Sutton']
    >>> sorted(own_capitals(group("Class A amplifier", "Class A amplifier: conducts")))
    ['A']
    >>> sorted(own_capitals(group("Firing in a Bourry Kiln", "How to Fire It")))
    []
    >>> sorted(own_capitals(group("T cell", "T cells mature in the thymus.")))
    ['T']
    >>> sorted(own_capitals(group("A cell", "A cell divides.")))
    []
    """
    forms = [f.split() for c in cands for f in c.forms]
    lower = {w.lower() for words in forms for w in words if w[:1].islower()}
    texts = [e.text for c in cands for e in c.mentions]
    own: set[str] = set()
    for words in forms:
        capitals = [w for w in words if w[:1].isupper() and w.lower() not in lower]
        lower_words = any(w[:1].islower() for w in words)
        if any(
            _unknown(_OWNER.sub("", w)) and w in capitals and _LINK.fullmatch(words[i - 1])
            for i, w in enumerate(words[1:], 1)
        ):
            own.update(capitals)  # a proper name whole: "Sutton v. Hoyle"
            continue
        for i, word in enumerate(words):
            if word not in capitals or is_acronym(word):
                continue
            bare = _OWNER.sub("", word)
            after = words[i + 1] if i + 1 < len(words) else ""
            # (a capital "A" in a name in Title Case is its article: "Maximum A Posteriori")
            letter = i and is_numbering(bare) and (_ROMAN.fullmatch(bare) or lower_words)
            if letter or _ROMAN.fullmatch(_OWNER.sub("", after)):
                own.add(word)
            elif _unknown(bare):
                owner = bare != word and bool(after)
                if owner or _written_inside(word, texts):
                    own.add(word)
            elif i == 0 and is_numbering(bare) and _written_inside(word, texts):
                own.add(word)
            elif i == 0 and after and _LONE_LETTER.fullmatch(bare):
                own.add(word)  # a letter no English word spells: "B cell", "X chromosome"
    return own


#: A capital letter that is no English word alone (not "A", "I"): a name it opens
#: ("T cell", "P wave") is never written with it in lower case.
_LONE_LETTER = re.compile(r"[B-HJ-Z]")


def _unknown(word: str) -> bool:
    """Is ``word`` a word English does not know (a name)?"""
    return word.isalpha() and len(word) > 2 and not lemmas(word.lower())


#: A short word in lower case joining the parts of a proper name: "v", "vs" or an
#: abbreviation with its stop ("v.": "Sutton v. Hoyle"), not "of", "a" or "and" of a
#: heading in Title Case.
_LINK = re.compile(r"vs?|[a-z]{1,3}\.")
#: A possessive's ending ("Hooke's", "Bayes'").
_OWNER = re.compile(r"['’]s?$")
#: A Roman numeral of I, V and X, one letter or more.
_ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")


def _written_inside(word: str, texts: Sequence[str]) -> bool:
    """Is ``word`` written after a word in lower case (not after a comma: a list of
    capitalised items) in one of ``texts`` that is no question nor title (two words in
    lower case of four letters or more, no closing "?": a question or a line in Title
    Case capitalises its terms), and never in lower case in them (a letter aside: "a",
    "i")?"""
    after_lower = re.compile(rf"\b[a-z][\w'’-]*\s+{re.escape(word)}(?![\w-])")
    in_lower = re.compile(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])")
    if len(word) > 1 and any(in_lower.search(t) for t in texts):
        return False
    return any(
        len(_LOWER_WORD.findall(t)) > 1 and not t.rstrip().endswith("?") and after_lower.search(t)
        for t in texts
    )


def spelled_apart(cands: Sequence[Candidate]) -> list[list[str]]:
    """The keys of candidates that share a match key, in the groups the spelling rule
    makes of them: one group, but a one-word name the notes always capitalise
    (:func:`always_capitalised`) and never write in lower case leaves the group when
    another candidate of it is its singular written in lower case: "Windows" is no
    plural of "window", "the Rockies" none of "rocky". A plural also written in lower
    case ("Autoencoders", "autoencoders") is the common noun's, as is a name that folds
    to the group by case and spaces only ("CamelCase", "camel case"). Each group keeps
    the candidates' order.

    >>> from collections import Counter
    >>> from extraction.records import Evidence
    >>> inside = [Evidence("n.md", 1, "We sailed the Lakes in summer.")]
    >>> name = Candidate("lakes", forms=Counter({"Lakes": 2}), mentions=inside)
    >>> noun = Candidate("lake", forms=Counter({"lake": 3}))
    >>> plural = Candidate("lake", forms=Counter({"lake": 3, "lakes": 1}))
    >>> spelled_apart([noun, name]), spelled_apart([plural, name])
    ([['lake'], ['lakes']], [['lake', 'lakes']])
    """
    written = {f.lower() for c in cands for f in c.forms if f[:1].islower()}
    names = [
        c.key
        for c in cands
        if " " not in c.key
        and c.key.lower() not in written
        and singular(c.key).lower() in written
        and singular(c.key).lower() != c.key.lower()
        and always_capitalised(c)
    ]
    if not names:
        return [[c.key for c in cands]]
    return [[c.key for c in cands if c.key not in names], names]


def proper_short_names(candidates: Mapping[str, Candidate]) -> Iterator[tuple[str, str]]:
    """``(short, full)``: a proper name of one word the notes use alone ("Darwin") and
    the one proper name of two words they use that ends in it ("Charles Darwin"), whose
    first word English does not know as a word (a given name, a maker: lemminflect has no
    reading of it). A first word English knows makes another place or thing of the same
    name ("East Anglia", "North Sea"), and two such names ("Charles Darwin", "Erasmus
    Darwin") leave the short one alone.

    >>> from collections import Counter
    >>> from extraction.concepts.candidates import Shape
    >>> def named(key):
    ...     shapes = Counter({Shape(proper=True): 1})
    ...     return Candidate(key, forms=Counter({key.title(): 1}), count=1, shapes=shapes)
    >>> names = {k: named(k) for k in ("darwin", "charles darwin")}
    >>> list(proper_short_names(names))
    [('darwin', 'charles darwin')]
    >>> list(proper_short_names({k: named(k) for k in ("anglia", "east anglia")}))
    []
    """
    by_last: dict[str, set[str]] = defaultdict(set)
    for key, cand in candidates.items():
        words = key.split()
        if len(words) != 2 or not cand.count or not _proper(cand) or not words[0].isalpha():
            continue
        if not lemmas(words[0].lower()):
            by_last[match_key(words[1])].add(key)
    for key, cand in candidates.items():
        if " " in key or not cand.count or is_acronym(key) or not _proper(cand):
            continue
        fulls = by_last.get(match_key(key), set())
        if len({match_key(f) for f in fulls}) == 1:
            yield key, min(fulls)


def _place(e: Evidence, cards: Mapping[str, Card]) -> tuple[int, int]:
    """Where the sentence ``e`` is in its file: its line, and its offset in the card that
    holds that line (sentences of one line in their order)."""
    for card in cards.values():
        holds = card.source == e.source and card.lines[0] <= e.line <= card.lines[1]
        if holds and (at := card.body.find(e.text)) >= 0:
            return e.line, at
    return e.line, 0


#: Heads of a name for a way of doing something, which a modifier read as an adjective
#: can stand for alone ("hybrid methods" ... "a hybrid"); "technique", "approach" are
#: :data:`~extraction.concepts.words.GENERIC_HEADS` / ``MANNER_HEADS`` already.
METHOD_HEADS = frozenset({"method"})


def bare_modifiers(
    candidates: Mapping[str, Candidate], cards: Mapping[str, Card], known
) -> Iterator[tuple[str, str]]:
    """``(bare, compound)``: a noun the notes use alone ("hybrid") that modifies the
    one method name built on it ("hybrid method", a head of :data:`METHOD_HEADS`),
    where the tagger reads it as an adjective (it qualifies the method, it does not
    name a thing the method belongs to: "field method", "lab method"), every use of it
    alone coming after the notes first name the method, in the same file, and no card
    being about it alone (no heading, term or question of its own).
    """
    by_modifier: dict[str, set[str]] = defaultdict(set)
    for key, cand in candidates.items():
        words = key.split()
        if len(words) != 2 or words[1].lower() not in METHOD_HEADS or not cand.count:
            continue
        if _reading(cand)[:1] == ("ADJ",) and (bare := known(words[0])) is not None:
            by_modifier[bare].add(key)
    for bare, compounds in by_modifier.items():
        cand = candidates[bare]
        if len({match_key(c) for c in compounds}) != 1 or is_acronym(bare):
            continue
        if not cand.count or cand.subject_of or cand.headings or _reading(cand) != ("NOUN",):
            continue
        compound = min(compounds, key=lambda c: (-candidates[c].count, c))
        first: dict[str, tuple[int, int]] = {}
        for e in (e for c in compounds for e in candidates[c].mentions):
            first[e.source] = min(first.get(e.source, _place(e, cards)), _place(e, cards))
        if all(e.source in first and first[e.source] <= _place(e, cards) for e in cand.mentions):
            yield bare, compound


def _foreign_term(cand: Candidate) -> bool:
    """One word English does not know, written in lower case and set off as a term."""
    return (
        " " not in cand.key
        and _unknown(cand.key)
        and any(f[:1].islower() for f in cand.forms)
        and bool(cand.roles.get("emphasis"))
    )


def rendered_term(a: Candidate, b: Candidate) -> bool:
    """Of two names glossed in brackets, is one a word English does not know, written in
    lower case and set off as a term (bold or italics: a term of the subject, often a
    borrowed one), and the other a name of words English knows, its rendering ("Mindful
    breathing (*anapanasati*)")? A bracket of English words ("Bagging (Random Forests)")
    or a proper name ("Volcanoes (*Etna*)") gives an example, not another name.

    >>> from collections import Counter
    >>> def named(key, stressed=1):
    ...     return Candidate(key, forms=Counter({key: 1}), roles=Counter(emphasis=stressed))
    >>> rendered_term(named("anapanasati"), named("mindful breathing"))
    True
    >>> rendered_term(named("mindful breathing"), named("anapanasati"))
    True
    >>> rendered_term(named("anapanasati", 0), named("mindful breathing"))
    False
    >>> rendered_term(named("Etna"), named("volcano"))
    False
    >>> rendered_term(named("bagging"), named("random forest"))
    False
    """
    for term, other in ((a, b), (b, a)):
        if _foreign_term(term) and all(english_word(w) for w in other.key.split()):
            return True
    return False


def abbreviates(a: str, b: str) -> bool:
    """Is one of two glossed names the short form of the other: its initials, or the
    first letter of a name ("Temperature (T)")? A gloss that is not ("Legumes
    (Soybeans)", "Hydrogen bond (weak)", "price controls (rent ceiling)") gives an
    example, a property or a use, not another name.

    >>> abbreviates("SoC", "System on Chip"), abbreviates("T", "Temperature")
    (True, True)
    >>> abbreviates("soybeans", "legumes"), abbreviates("weak", "hydrogen bond")
    (False, False)
    """
    for short, long in ((a, b), (b, a)):
        letters = re.sub(r"[^A-Za-z]", "", short)
        if " " in short.strip() or not letters or len(letters) >= len(long.replace(" ", "")):
            continue
        if indexed_initials(short, long):
            return True
        if len(letters) == 1:
            if short.isupper() and long[:1].upper() == short:
                return True
        elif initials_match(short, long):
            return True
    return False


def acronym_initials(phrase: str) -> set[str]:
    """Initials of a name that ends in an acronym, the acronym kept whole: "virtual CPU"
    -> "vcpu", "embedded SIM" -> "esim" (an acronym that prefixes another one with the
    initials of its modifiers); only those :func:`extraction.names.initials` does not
    give.

    >>> sorted(acronym_initials("virtual CPU")), sorted(acronym_initials("double-stranded DNA"))
    (['vcpu'], ['dsdna'])
    >>> acronym_initials("central processing unit"), acronym_initials("CPU")
    (set(), set())
    """
    *head, last = phrase.split() or [""]
    if not head or not is_acronym(last):
        return set()
    found = {""}
    for part in (p.lower() for p in re.split(r"[\s\-–/]+", " ".join(head)) if p):
        options = {part[0]} | ({""} if part in SKIPPABLE else set())
        found = {f + o for f in found for o in options}
    tail = re.sub(r"[^a-z]", "", singular_acronym(last).lower())
    return {f + tail for f in found if f}


#: Endings that make a noun of a verb: the process or its result ("evaporate" ->
#: "evaporation", "deploy" -> "deployment", "resist" -> "resistance").
NOMINAL_ENDINGS = ("ion", "ation", "ment", "ance", "ence")


def nominalisations(verb: str) -> list[str]:
    """The nouns :data:`NOMINAL_ENDINGS` make of ``verb`` (a final "e" dropped before
    them), the likeliest first.

    >>> nominalisations("evaporate")[0], nominalisations("deploy")[2]
    ('evaporation', 'deployment')
    """
    verb = verb.lower()
    stems = [verb[:-1], verb] if verb.endswith("e") else [verb]
    return [stem + ending for ending in NOMINAL_ENDINGS for stem in stems]


def participle(word: str) -> bool:
    """Is ``word`` a verb's participle ("resulting", "given"), which describes one
    thing in a sentence rather than naming a kind ("ribosomal")?

    >>> participle("resulting"), participle("given"), participle("ribosomal")
    (True, True, False)
    >>> participle("string"), participle("red")
    (False, False)
    """
    word = word.lower()
    verbs = lemmas(word).get("VERB", ())
    return word.endswith(("ing", "ed", "en")) and any(v != word for v in verbs)


#: Words dropped before the complement of "of" ("depth of the ocean" -> "ocean depth").
_ARTICLES = frozenset({"the", "a", "an"})


def inverted_of(phrase: str) -> list[str]:
    """The compounds that say "X of Y" the other way round: "Y X", its last word also in
    the singular ("rate of reactions" -> "reaction rate"); none after a framing noun,
    which frames what follows rather than naming it with it ("types of rock"), none
    for one thing an article points at ("the speed of the car", not "car speed"; "the
    folding of the proteins" is protein folding), and none for a longer name (a head of
    one word, a complement of one or two).

    >>> inverted_of("rate of reaction"), inverted_of("folding of the proteins")
    (['reaction rate'], ['proteins folding', 'protein folding'])
    >>> inverted_of("speed of the car")
    []
    >>> inverted_of("rate of reactions")
    ['reactions rate', 'reaction rate']
    >>> inverted_of("types of rock"), inverted_of("law of large numbers of trials")
    ([], [])
    """
    words = phrase.split()
    lowered = [w.lower() for w in words]
    if lowered.count("of") != 1 or lowered.index("of") != 1:
        return []
    head, rest = words[0], words[2:]
    article = bool(rest) and rest[0].lower() in _ARTICLES
    while rest and rest[0].lower() in _ARTICLES:
        rest = rest[1:]
    if head.lower() in FRAMING_NOUNS or not 1 <= len(rest) <= 2 or not head.isalpha():
        return []
    if article and singular(rest[-1]) == rest[-1]:
        return []  # one thing the article points at: "the method of the class"
    forms = [" ".join(rest)]
    if (one := singular(rest[-1])) != rest[-1]:
        forms.append(" ".join([*rest[:-1], one]))
    return [f"{form} {head}" for form in forms]


def _compound_noun(cand: Candidate) -> bool:
    """Do the notes use ``cand`` as a compound of nouns (its most frequent reading all
    nouns; a name read from text alone, with no tags, counts)?"""
    tagged = [(n, s) for s, n in cand.shapes.items() if s.pos]
    if not tagged:
        return True
    _, shape = max(tagged, key=lambda ns: ns[0])
    return all(p in {"NOUN", "PROPN"} for p in shape.pos)


#: Roles of a use that is no name of its own: an acronym token wherever it stands, and a
#: name inside a longer one.
_NOT_ALONE = frozenset({"acronym", "nested"})


def used_alone(cand: Candidate) -> bool:
    """Do the notes use ``cand`` as a name of its own at least once, not only inside longer
    names ("the PSU failed" rather than only "PSU fan", "PSU cables")?"""
    return any(n and role not in _NOT_ALONE for role, n in cand.roles.items())


#: An acronym that, read as a word, is one of English's common words (Zipf 5 or more:
#: "US", "IT", "OR", "MR", "TV") names something of its own as often as it abbreviates.
WORD_ACRONYM_ZIPF = 5.0


def reads_as_word(acronym: str) -> bool:
    """Is ``acronym`` spelled like a common English word ("US" is "us", "IT" "it"), so
    that the notes may mean a country, a field or a title by it rather than the name
    its initials happen to fit?

    >>> reads_as_word("US"), reads_as_word("IT"), reads_as_word("MR")
    (True, True, True)
    >>> reads_as_word("GDP"), reads_as_word("DNA"), reads_as_word("PC")
    (False, False, False)
    """
    return zipf(singular_acronym(acronym)) >= WORD_ACRONYM_ZIPF


def initials_evidence(
    acronym: Candidate, names: Iterable[Candidate], cards: Mapping[str, Card]
) -> Evidence | bool:
    """A sentence of the acronym's in a card that also uses a name that spells it out
    (``True`` when that card is not at hand), or ``False`` when no card uses both.

    A name spells an acronym by chance more often than one would think: a letter before
    an acronym kept whole stands for any word that starts with it ("eSIM", "expired SIM"),
    and three initials can fit a phrase of three words ("PSU", "power saving update"). A card
    that uses both is the notes' own sign that they mean one by the other; without it,
    an acronym joins a name only when each of its letters is the initial of a word of
    that name and the notes use it alone as a name (not only as the first word of other
    names: "PSU fan", "PSU cables"; :func:`used_alone`).
    """
    shared = set().union(*(n.cards for n in names)) & acronym.cards
    for card_id in sorted(shared):
        if (card := cards.get(card_id)) is not None:
            first, last = card.lines
            for e in acronym.mentions:
                if e.source == card.source and first <= e.line <= last:
                    return e
    return bool(shared)


def holds_word(phrase: str, word: str) -> bool:
    """Does ``phrase`` hold ``word`` (an acronym, singular or plural) as one of its words?

    >>> holds_word("BP process", "BP"), holds_word("DNA strands", "DNAs")
    (True, True)
    >>> holds_word("base pairing", "BP")
    False
    """
    word = singular_acronym(word)
    return any(singular_acronym(w) == word for w in re.split(r"[\s\-–/]+", phrase))


def possessive(words: Iterable[str]) -> bool:
    """Does a word of these end in a possessive ("Nikon's", "farmers'")? A name after
    one is a thing of its owner's, not the owner.

    >>> possessive(["Nikon's"]), possessive(["farmers’"]), possessive(["round-robin"])
    (True, True, False)
    """
    return any(re.search(r"(?:['’]s|s['’])$", w) for w in words)


@functools.lru_cache(maxsize=4096)
def english_word(word: str) -> bool:
    """Is ``word``, in lower case, a word of English's dictionary (``lemminflect``: any
    part of speech), whatever its case? "HIGH" and "TIDE" are; "LSTM", "DNA" and "TCP",
    acronyms, are not.

    >>> english_word("HIGH"), english_word("TIDE"), english_word("LSTM"), english_word("DNA")
    (True, True, False, False)
    """
    return bool(lemmas(word.lower()))


#: Letters each word of a name in capitals has at least for :func:`shouted` to read it.
SHOUTED_LETTERS = 3


def shouted(words: Sequence[str]) -> bool:
    """Is a name of two words or more written in capitals ("KILN FIRING", a heading typed
    so) a name of English words, whose capitals are the writer's, not those of acronyms?
    Each word has :data:`SHOUTED_LETTERS` letters or more and is one English knows in lower
    case (:func:`english_word`); "DNA POLYMERASE" and "RISC CPU" hold acronyms.

    >>> shouted(["KILN", "FIRING"]), shouted(["DNA", "POLYMERASE"]), shouted(["KILN"])
    (True, False, False)
    >>> shouted(["Kiln", "firing"])
    False
    """
    return len(words) > 1 and all(
        len(w) >= SHOUTED_LETTERS and w.isalpha() and w.isupper() and english_word(w) for w in words
    )


def in_capitals(words: Iterable[str]) -> bool:
    """Are all these words written in capitals (their letters, digits aside)? A name in
    capitals throughout ("HTTP GET", "LEFT JOIN", a code keyword or a shouted heading)
    tells no acronym from an English word.

    >>> in_capitals(["HTTP"]), in_capitals(["LEFT"]), in_capitals(["many-to-one"])
    (True, True, False)
    >>> in_capitals(["IPv6"]), in_capitals(["t-SNE"])
    (False, False)
    """
    return all(any(c.isalpha() for c in w) and not any(c.islower() for c in w) for w in words)


#: Each word of a closed compound that spells an acronym has this many letters or more
#: and is at least this common in English (Zipf): "database", "backpropagation".
COMPOUND_PART_LETTERS = 4
COMPOUND_PART_ZIPF = 3.0


def closed_compound_initials(word: str) -> set[str]:
    """The initials of a word written as two English nouns run together ("database"
    -> "db", "homework" -> "hw"), each part of :data:`COMPOUND_PART_LETTERS` letters
    or more, at least :data:`COMPOUND_PART_ZIPF` common and a noun in English (not
    "under" + "stand", "there" + "fore"); an acronym is no compound.

    >>> sorted(closed_compound_initials("database")), sorted(closed_compound_initials("firewall"))
    (['db'], ['fw'])
    >>> closed_compound_initials("osmosis"), closed_compound_initials("carpet")
    (set(), set())
    >>> closed_compound_initials("understand"), closed_compound_initials("therefore")
    (set(), set())
    """

    def noun(part: str) -> bool:
        return zipf(part) >= COMPOUND_PART_ZIPF and "NOUN" in lemmas(part)

    n = COMPOUND_PART_LETTERS
    if is_acronym(word) or not word.isalpha():
        return set()
    word = word.lower()
    return {
        word[0] + word[k] for k in range(n, len(word) - n + 1) if noun(word[:k]) and noun(word[k:])
    }


def compound_initials(phrase: str, alone: Collection[str]) -> set[str]:
    """Initials of ``phrase`` in which a word that ends in a word the notes use on its
    own gives two letters ("variational autoencoder" -> "vae" when "encoder" is used
    alone); only those :func:`extraction.names.initials` does not give.

    >>> sorted(compound_initials("variational autoencoder", {"encoder"}))
    ['vae']
    >>> compound_initials("variational autoencoder", set())
    set()
    """
    parts = [p.lower() for p in re.split(r"[\s\-–/]+", phrase.strip()) if p]
    found = {("", False)}
    for part in parts:
        options = {(part[0], False)} | ({("", False)} if part in SKIPPABLE else set())
        options |= {(part[0] + part[k], True) for k in range(3, len(part) - 3) if part[k:] in alone}
        found = {(f + o, fc or oc) for f, fc in found for o, oc in options}
    return {f for f, compound in found if compound and len(f) >= 2}


#: The rest of a word after a combining form is a word English uses at least this much
#: (Zipf): "atrial" of "sinoatrial", "encoder" of "autoencoder"; not "logy", "graphy".
COMBINING_REST_ZIPF = 2.5


def combining_letters(word: str) -> set[str]:
    """The letters a word written as combining forms and a word gives, one per part
    ("sinoatrial" -> "sa": "sino-" + "atrial"; "gastrointestinal" -> "gi"), the word's
    first letter among them: a combining form of three letters or more ends in "o", and
    what follows it is a word English uses (:data:`COMBINING_REST_ZIPF`), itself read so.

    >>> sorted(combining_letters("sinoatrial")), sorted(combining_letters("atrioventricular"))
    (['s', 'sa'], ['a', 'av'])
    >>> sorted(combining_letters("biology")), sorted(combining_letters("node"))
    (['b'], ['n'])
    """
    word = word.lower()
    found = {word[:1]} if word else set()
    for k in range(3, len(word) - 3):
        rest = word[k:]
        if word[k - 1] == "o" and rest.isalpha() and zipf(rest) >= COMBINING_REST_ZIPF:
            found |= {word[0] + tail for tail in combining_letters(rest)}
    return found


def spelled_initials(phrase: str) -> set[str]:
    """:func:`extraction.names.initials` of ``phrase``, where a word written as combining
    forms and a word may give a letter for each part (:func:`combining_letters`):
    "sinoatrial node" -> "sn", "san"; "sinoatrial" alone -> "sa".

    >>> sorted(spelled_initials("sinoatrial")), sorted(spelled_initials("mean of squares"))
    (['sa'], ['mos', 'ms'])
    """
    parts = [p.lower() for p in re.split(r"[\s\-–/]+", phrase.strip()) if p]
    found = {""}
    for part in parts:
        options = combining_letters(part) | ({""} if part in SKIPPABLE else set())
        found = {f + o for f in found for o in options}
    return {f for f in found if len(f) >= 2}


def describes_head(name: str, reading: Sequence[str]) -> bool:
    """Is ``name`` one word and a head, the word read as an adjective in the notes (the
    most frequent reading of its parts of speech), one English uses both as an adjective
    and as a noun of its own ("the mean function", "a prior model")? Then the name is a
    kind of its head, and the word alone names another thing (the mean, the prior).

    A word English knows only as a noun is none, though a tagger reads one so in a
    compound now and then ("cross-correlation operation"); a phrase used alone as a name
    ("feed forward") is short for the compound.

    >>> describes_head("mean function", ("ADJ", "NOUN"))
    True
    >>> describes_head("cross-correlation operation", ("ADJ", "ADJ", "ADJ", "NOUN"))
    False
    >>> describes_head("feed forward network", ("NOUN", "ADJ", "NOUN"))
    False
    >>> describes_head("demand function", ("NOUN", "NOUN")), describes_head("mean", ())
    (False, False)
    """
    words = name.split()
    if len(words) != 2 or len(reading) != 2 or reading[0] != "ADJ":
        return False
    kinds = lemmas(words[0].lower())
    return "ADJ" in kinds and "NOUN" in kinds


def made_for_activity(base: str, head: str) -> bool:
    """Does ``base + head`` name a thing built for an activity ``base``, one word
    ("filtration unit", "electrolysis cell"), and so not the activity itself, however
    rare its word? A model or an algorithm of an activity is the way it is done.

    >>> made_for_activity("filtration", "unit"), made_for_activity("encryption", "network")
    (True, True)
    >>> made_for_activity("softmax", "function"), made_for_activity("osmosis", "mechanism")
    (False, False)
    >>> made_for_activity("LSTM", "cell"), made_for_activity("encryption", "algorithm")
    (False, False)
    """
    last = base.lower()
    return (
        head.lower() in BUILT_HEADS
        and " " not in last
        and len(last) > 4
        and last.endswith(ACTIVITY_ENDINGS)
    )


def trouble_with(base: str, head: str) -> bool:
    """Does ``base + head`` name a difficulty with the thing ``base`` names, not that
    thing: a head that frames a trouble (:data:`WITH_FRAMES`) after one word that is no
    activity ("drainage problem" is a problem with drainage)? A task's problem is the
    task ("routing problem"), and a name of its own before it names the problem
    ("travelling salesman problem", "poor drainage problem"), and so may an acronym.

    >>> trouble_with("drainage", "problem"), trouble_with("thermostat", "problem")
    (True, True)
    >>> trouble_with("routing", "problem"), trouble_with("travelling salesman", "problem")
    (False, False)
    >>> trouble_with("gradient", "function"), trouble_with("NLP", "problem")
    (False, False)
    """
    if head.lower() not in WITH_FRAMES or " " in base.strip() or is_acronym(base):
        return False  # an acronym may spell a field out ("CV problems": vision tasks)
    return not base.lower().endswith(ACTIVITY_ENDINGS)


def same_thing(base: str, head: str) -> bool:
    """Can ``base + head`` name ``base`` itself, when the notes use both together?

    An aspect head does ("attention mechanism"); a head added to an activity or field
    names something else ("activation function", "machine learning model"), and so does
    a thing head added to one common word ("language model", "test dataset").

    >>> same_thing("attention", "mechanism"), same_thing("loss", "function")
    (True, True)
    >>> same_thing("activation", "function"), same_thing("machine learning", "model")
    (False, False)
    >>> same_thing("gene", "model"), same_thing("neural network", "model")
    (False, True)
    """
    head = head.lower()
    if head in ASPECT_HEADS:
        return True
    last = base.split()[-1].lower()
    if len(last) > 4 and last.endswith(ACTIVITY_ENDINGS):
        return False
    return not (head in THING_HEADS and len(base.split()) == 1)


#: Thing heads that name a whole made of, or about, many of a thing: a "latent variable
#: model" is a model of latent variables, a "single-end dataset" a set of single-end
#: reads. Not "classifier", "unit", "cell": a "decision tree classifier" is the tree.
WHOLE_HEADS = frozenset({"model", "network", "architecture", "structure", "dataset"})


def other_kind(
    base: str,
    head: str,
    candidates: Mapping[str, Candidate],
    by_last: Mapping[str, Sequence[str]] | None = None,
) -> str | None:
    """Another kind of the thing ``base`` names, of as many words, that the notes use,
    when ``base + head`` ends in a head of :data:`WHOLE_HEADS` after a name of two words
    or more: "latent variable model" beside "observed variables" is a model of
    variables, not a latent variable. Not when the last word of ``base`` is a generic
    head itself ("drainage network model": a network is a model), an activity ("crop
    rotation model"), or takes the head in the notes ("turbine model" used alone beside
    "wind turbine model": the notes call a turbine a model). ``None`` when there is none.

    >>> names = {k: Candidate(k, count=1) for k in ("latent variable", "observed variables")}
    >>> other_kind("latent variable", "model", names)
    'observed variables'
    >>> other_kind("latent variable", "classifier", names) is None
    True
    >>> names["variable model"] = Candidate("variable model", count=0)  # only inside
    >>> other_kind("latent variable", "model", names)
    'observed variables'
    >>> names["variable model"].count = 1  # used as a name of its own
    >>> other_kind("latent variable", "model", names) is None
    True
    >>> names = {k: Candidate(k, count=1) for k in ("drainage network", "river network")}
    >>> other_kind("drainage network", "model", names) is None
    True
    """
    words = base.lower().split()
    last = words[-1]
    if (
        head.lower() not in WHOLE_HEADS
        or len(words) < 2
        or last in GENERIC_HEADS
        or (len(last) > 4 and last.endswith(ACTIVITY_ENDINGS))
    ):
        return None
    noun = singular(last)
    if by_last is None:
        by_last = names_by_last_word(candidates)
    for key in by_last.get(head.lower(), ()):  # "turbine model": a turbine is one
        other = key.lower().split()
        if len(other) == 2 and singular(other[0]) == noun and candidates[key].count:
            return None
    for key in by_last.get(noun, ()):
        cand, other = candidates[key], key.lower().split()
        if (
            len(other) == len(words)
            and cand.count
            and singular(other[-1]) == noun
            and other[-2] != words[-2]
            and other[0] not in VAGUE_WORDS
            and all(p in _KIND_WORDS for s in cand.shapes for p in s.pos)
        ):
            return key
    return None


def described_apart(bare: Candidate, longer: Candidate, head: str) -> str | None:
    """Why ``longer`` ("groundwater model") is not ``bare`` ("groundwater") though one
    head of :data:`WHOLE_HEADS` is all between them: the notes define ``bare`` as a thing
    of another kind, naming no generic head ("Groundwater is water stored in an
    aquifer"; not "A transformer is a network architecture"), and a sentence with
    ``longer`` as its subject uses ``bare`` on its own as what it is about ("A
    groundwater model simulates how groundwater moves"). ``None`` when they may be one.

    >>> from extraction.concepts.candidates import Shape
    >>> water = Candidate("groundwater", definitions=[
    ...     ("defined", Evidence("n", 1, "Groundwater is water stored in an aquifer."))])
    >>> says = Evidence("n", 2, "A groundwater model simulates how groundwater moves.")
    >>> model = Candidate("groundwater model", sentences={says})
    >>> model.shapes[Shape(2, opens_sentence=True)] = 1
    >>> described_apart(water, model, "model")
    "'groundwater' is defined as another thing ('Groundwater is water stored in an \
aquifer.'), and 'groundwater model' is about it ('A groundwater model simulates how \
groundwater moves.')"
    >>> described_apart(water, model, "classifier") is None  # not a whole head
    True
    >>> alone = Candidate("groundwater model", shapes=model.shapes, sentences={
    ...     Evidence("n", 2, "A groundwater model runs for a season.")})
    >>> described_apart(water, alone, "model") is None  # says nothing of groundwater
    True
    >>> net = Candidate("turbine", definitions=[
    ...     ("defined", Evidence("n", 1, "A turbine is a rotating structure."))])
    >>> about = Candidate("turbine model", shapes=model.shapes, sentences={
    ...     Evidence("n", 2, "The turbine model stacks turbine blades.")})
    >>> described_apart(net, about, "model") is None  # a network is a model
    True
    """
    if head.lower() not in WHOLE_HEADS or not bare.definitions:
        return None
    if not any(s.opens_sentence for s in longer.shapes):
        return None
    for _, evidence in bare.definitions:
        words = {singular(w) for w in re.findall(r"[a-z]+", evidence.text.lower())}
        if words & GENERIC_HEADS:
            return None
    # the bare name, not as the opening of the longer one, in one of its sentences
    name = r"[\s\-]+".join(map(re.escape, bare.key.lower().split()))
    alone = re.compile(rf"\b{name}(?:e?s)?\b(?![\s\-]+{re.escape(head.lower())})")
    about = next(
        (
            e.text
            for e in sorted(longer.sentences, key=lambda e: (e.source, e.line))
            if alone.search(e.text.lower())
        ),
        None,
    )
    if about is None:
        return None
    first = bare.definitions[0][1].text
    return (
        f"{bare.key!r} is defined as another thing ({first!r}), and {longer.key!r} is "
        f"about it ({about!r})"
    )


#: Roles by which the notes set a name apart as a term of its own.
_SET_APART = ("term", "question", "heading", "cloze", "emphasis", "label", "cell")


def defined_by_its_base(bare: Candidate, longer: Candidate, head: str) -> str | None:
    """Why ``longer`` ("state function") is not ``bare`` ("state"): the notes set
    ``longer`` apart (a term, a heading, a bold run ...: :data:`_SET_APART`) and a
    sentence that defines or describes it, opening with it, uses ``bare`` on its own as a
    thing it is about ("A **state function** depends only on the current state"): a
    function of a state, not a state. ``None`` when none does, or when ``head`` names a
    whole of many of a thing (:data:`WHOLE_HEADS`: "A rock layer model stacks rock
    layers"), which :func:`described_apart` and :func:`other_kind` weigh.

    >>> said = Evidence("n", 1, "A state function depends only on the current state.")
    >>> longer = Candidate("state function", sentences={said})
    >>> longer.roles["described"] = longer.roles["emphasis"] = 1
    >>> defined_by_its_base(Candidate("state"), longer, "function")
    "'state function' is said to be about 'state' on its own: 'A state function depends \
only on the current state.'"
    >>> said = Evidence("n", 1, "A loss function measures how far off a guess is.")
    >>> longer = Candidate("loss function", sentences={said})
    >>> longer.roles["described"] = longer.roles["emphasis"] = 1
    >>> defined_by_its_base(Candidate("loss"), longer, "function") is None
    True
    """
    if head.lower() in WHOLE_HEADS or not (longer.roles["defined"] or longer.roles["described"]):
        return None  # a whole of many of a thing: :func:`described_apart`, :func:`other_kind`
    if not any(longer.roles[role] for role in _SET_APART):
        return None  # a name of running text only: the two may be used interchangeably
    name = r"[\s\-]+".join(map(re.escape, bare.key.lower().split()))
    opening = re.compile(rf"(?:an?|the)?\s*{name}[\s\-]+{re.escape(head.lower())}")
    alone = re.compile(rf"\b{name}(?:e?s)?\b(?![\s\-]+{re.escape(head.lower())})")
    for evidence in sorted(longer.sentences, key=lambda e: (e.source, e.line)):
        text = evidence.text.lower()
        if (start := opening.match(text)) and alone.search(text, start.end()):
            return f"{longer.key!r} is said to be about {bare.key!r} on its own: {evidence.text!r}"
    return None


def lists_kinds_of(cand: Candidate, base: str, by_last: dict[str, list[str]]) -> bool:
    """Does a heading or question name ``cand`` "X kinds" / "X varieties" (written with a
    plural of ``KIND_HEADS`` after ``base``, X), and do the notes name a kind of X (a
    longer name ending in X, among ``by_last``, from :func:`names_by_last_word`)?

    >>> from collections import Counter
    >>> heading = Candidate("hive kind", forms=Counter({"Hive kinds": 1}))
    >>> heading.subject_of = ["a heading"]
    >>> lists_kinds_of(heading, "hive", {"hive": ["langstroth hive", "hive kind"]})
    True
    >>> lists_kinds_of(heading, "hive", {"hive": ["hive kind"]})
    False
    """
    words = cand.key.lower().split()
    if not cand.subject_of or len(words) < 2:
        return False
    if not any(
        len(form.split()) == len(words) and form.split()[-1].lower() in KIND_HEADS
        for form in cand.forms
    ):
        return False
    tail = [singular(w) for w in base.lower().split()]
    return any(
        len(other.split()) > len(tail)
        and [singular(w) for w in other.lower().split()[-len(tail) :]] == tail
        and other.lower() != cand.key.lower()
        for other in by_last.get(tail[-1], [])
    )


def names_by_last_word(candidates: Iterable[str]) -> dict[str, list[str]]:
    """The names of two words or more by their last word, in the singular and lower
    case, for :func:`other_kind`.

    >>> names_by_last_word(["latent variables", "observed variable", "variable", "model"])
    {'variable': ['latent variables', 'observed variable']}
    """
    found: dict[str, list[str]] = defaultdict(list)
    for key in candidates:
        words = key.lower().split()
        if len(words) >= 2:
            found[singular(words[-1])].append(key)
    return dict(found)


#: Parts of speech of a name that names a kind of thing ("observed variable", "input
#: variable"), not a phrase ("first 5 trees", "nucleotide sequence of the ends").
_KIND_WORDS = frozenset({"ADJ", "NOUN", "PROPN", "VERB"})


#: A bare name whose words are all rarer than this in English (Zipf) is the same thing
#: as the name with a generic head ("softmax" and "softmax function").
SPECIFIC_ZIPF = 3.6

#: A misspelling is used at most this often; the name it misspells at least
#: :data:`TYPO_RATIO` times as often.
TYPO_MAX_COUNT = 2
TYPO_RATIO = 3


def misspelt(word: str) -> bool:
    """Is ``word`` a slip of the keys for sure: a word English does not know at all
    (wordfreq has never seen it), not an acronym?

    >>> misspelt("tranformer"), misspelt("lkelihood"), misspelt("enviroment")
    (True, True, False)
    """
    return not is_acronym(word) and zipf(word) == 0


#: A word at least this common in English (Zipf) is no misspelling ("form" is not "from").
TYPO_WORD_ZIPF = 2.5


def may_be_misspelt(word: str) -> bool:
    """Can ``word`` be a misspelling: not an acronym, rare in English (under
    :data:`TYPO_WORD_ZIPF`: web text holds common slips, "enviroment", as it holds rare
    words of a subject, "alkyne") and not a form the dictionary knows ("approximating",
    a verb's)?

    >>> may_be_misspelt("tranformer"), may_be_misspelt("enviroment"), may_be_misspelt("alkyne")
    (True, True, True)
    >>> may_be_misspelt("approximating"), may_be_misspelt("from"), may_be_misspelt("RNN")
    (False, False, False)
    """
    if is_acronym(word) or zipf(word) >= TYPO_WORD_ZIPF:
        return False
    return not lemmas(word.lower())


def singled_out(cands: Iterable[Candidate]) -> bool:
    """Do the notes single out one of these names (a term, a heading, a bold run, a
    definition...: :data:`~extraction.concepts.features.SINGLING_ROLES`)?"""
    from extraction.concepts.features import SINGLING_ROLES

    return any(c.roles.get(role) for c in cands for role in SINGLING_ROLES)


def said_together(a: Candidate, b: Candidate) -> bool:
    """Does a sentence use both names ("Alkenes, like alkynes, add bromine")? A writer
    who sets two spellings side by side means two things."""
    here = {(e.source, e.line, e.text) for e in a.mentions}
    return any((e.source, e.line, e.text) in here for e in b.mentions)


def numbered(a: str, b: str) -> bool:
    """Do two names differ by a number or a one-letter label ("trial2" and "trial",
    "zone 3" and "zone 4", "plan a" and "plan b")? Each names an instance the notes
    number, not a misspelling of the other or of the class: the edit that tells them
    apart is the number the author chose.

    >>> numbered("trial2", "trial"), numbered("zone 3", "zone 4"), numbered("plan a", "plan b")
    (True, True, True)
    >>> numbered("enzyme", "enzymes"), numbered("tranformer", "transformer")
    (False, False)
    """
    if re.sub(r"\D", "", a) != re.sub(r"\D", "", b):
        return True
    last_a, last_b = a.split()[-1:], b.split()[-1:]
    return last_a != last_b and any(len(w) == 1 and w.isalpha() for w in last_a + last_b)


#: Endings that make an adjective of a noun or a verb ("transpirational", "periodic",
#: "interpolative"): the adjective is no misspelling of the noun.
ADJECTIVE_ENDINGS = ("ical", "al", "ic", "ive")


def derived_adjective(a: str, b: str) -> bool:
    """Is ``a`` the same name as ``b`` with its last word made an adjective by an ending
    of :data:`ADJECTIVE_ENDINGS` (added to the noun, or in place of its last letters)?

    >>> derived_adjective("transpirational", "transpiration")
    True
    >>> derived_adjective("interpolative", "interpolation")
    True
    >>> derived_adjective("tranformer", "transformer")
    False
    """
    *head_a, last_a = a.split() or [""]
    *head_b, last_b = b.split() or [""]
    if head_a != head_b:
        return False
    for ending in ADJECTIVE_ENDINGS:
        stem = last_a.removesuffix(ending)
        if stem != last_a and len(stem) >= 4 and last_b.startswith(stem):
            return len(last_b) - len(stem) <= 3
    return False


def reads_as_adjective(word: str) -> bool:
    """Does ``word`` read as an adjective: English has it only as one, or it ends as
    one made of a noun or a verb does (:data:`ADJECTIVE_ENDINGS`)? Before an acronym the
    notes use alone ("hierarchical DNS"), the acronym is the head it describes.

    >>> [reads_as_adjective(w) for w in ["hierarchical", "recursive", "deep", "peer-to-peer"]]
    [True, True, True, False]
    """
    lower = word.lower()
    return only_adjective(lower) or (len(lower) > 5 and lower.endswith(ADJECTIVE_ENDINGS))


def _pieces(word: str, n: int) -> list[tuple[int, str]]:
    """``word`` cut in ``n + 1`` runs of near-equal length, each with its offset.

    >>> _pieces("abcdefg", 2)
    [(0, 'ab'), (2, 'cd'), (4, 'efg')]
    """
    size, extra = divmod(len(word), n + 1)
    out, at = [], 0
    for i in range(n + 1):
        length = size + (i >= n + 1 - extra)
        out.append((at, word[at : at + length]))
        at += length
    return out


@functools.cache
def _probes(size: int, n: int) -> tuple[tuple[int, int, int, int], ...]:
    """Where a name of ``size`` characters may hold, under ``n`` edits, a run of a name
    of each length in reach cut by :func:`_pieces`: (that length, the run's number, the
    start and end of the slice to look up). They depend on the two lengths alone, so
    they are worked out once per size, not once per name.

    >>> _probes(6, 1)[:3]
    ((5, 0, 0, 2), (5, 0, 1, 3), (5, 1, 1, 4))
    """
    out = []
    for length in range(size - n, size + n + 1):
        for r, (at, run) in enumerate(_pieces("x" * length, n)):
            for shift in range(-n, n + 1):
                start = at + shift
                if start >= 0 and start + len(run) <= size:
                    out.append((length, r, start, start + len(run)))
    return tuple(out)


def _typos(candidates: Mapping[str, Candidate], uf: _UnionFind, join) -> None:
    """Join each rare, misspelt-looking name (:func:`may_be_misspelt`; used at most
    :data:`TYPO_MAX_COUNT` times with its other spellings; with a word English has never
    seen, :func:`misspelt`, or else neither singled out nor said in one sentence with the
    name it would join) to a name used far more often that is at most one edit away (two
    for names of 12 characters or more).

    Cut in ``n + 1`` runs, a name keeps at least one run intact under ``n`` edits, at
    most ``n`` characters from where it was. So the frequent names are indexed by their
    runs (with the run's number and the name's length), and a rare name only meets the
    frequent names one of whose runs it holds near the same place (PassJoin), not every
    frequent name of a similar length: that was a pass over every pair, quadratic on
    large notes. Among the names in reach, the first of the shortest is taken, as a scan
    by length would.
    """
    from rapidfuzz.distance import Levenshtein

    distance = Levenshtein.distance
    frequent = [(k, c) for k, c in candidates.items() if c.count >= TYPO_RATIO and len(k) >= 6]
    lowered = [k.lower() for k, _ in frequent]
    # (edits, length, run number, run) -> the frequent names cut so
    index: dict[tuple[int, int, int, str], list[int]] = defaultdict(list)
    for i, (k, _) in enumerate(frequent):
        lower = k.lower()
        for n in (1, 2) if len(lower) >= 10 else (1,):
            for r, (_, run) in enumerate(_pieces(lower, n)):
                index[(n, len(lower), r, run)].append(i)
    for key, cand in candidates.items():
        if cand.count > TYPO_MAX_COUNT or len(key) < 6 or is_acronym(key):
            continue
        # a misspelling holds a rare word the dictionary does not know: every word
        # common in English or a form of one, no misspelling ("form", "approximating")
        if not any(may_be_misspelt(w) for w in key.split()):
            continue
        # used more often with its other spellings, it is the author's name for a thing
        group = [candidates[k] for k in uf.group(key)]
        if sum(c.count for c in group) > TYPO_MAX_COUNT:
            continue
        # a word English has never seen is a slip ("tranformer"); one it knows as rare
        # may be a word of the subject ("alkyne" beside "alkane"): not when the notes
        # single it out (a heading, a term, a definition), nor beside the other name
        sure = any(misspelt(w) for w in key.split())
        if not sure and singled_out(group):
            continue
        cutoff = 2 if len(key) >= 12 else 1
        lower = key.lower()
        near: set[int] = set()
        for length, r, start, end in _probes(len(lower), cutoff):
            near.update(index.get((cutoff, length, r, lower[start:end]), ()))
        # the edit distance first (a C call): most names in reach of a run are further
        # than ``cutoff``, and the checks below are slower and do not depend on the order
        near = {i for i in near if distance(lower, lowered[i], score_cutoff=cutoff) <= cutoff}
        for i in sorted(near, key=lambda i: (len(frequent[i][0]), i)):
            other, ocand = frequent[i]
            if other == key or ocand.count < TYPO_RATIO * cand.count or numbered(lower, other):
                continue
            if derived_adjective(lower, lowered[i]) or derived_adjective(lowered[i], lower):
                continue  # "transpirational" is no misspelling of "transpiration"
            if not sure and said_together(cand, ocand):
                continue  # "Alkenes, like alkynes, ...": two words of the subject
            join(other, key, "typo")
            break
