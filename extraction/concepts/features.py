"""Features: what the notes say about a candidate group, as named numbers.

Each group of merged candidates gets the features of :data:`FEATURES`: the roles the
notes give it (a card's term, a heading, a bold term, a defined subject...), how much
and where it is used, its shape (words, acronym, proper name, a verb or adjective
first, code), how specific its words are in general English (a soft signal, from
``wordfreq``), its termhood among the other candidates (C-value style nesting, how
many names share its head), and a TextRank keyterm score computed with NetworkX on the
notes' word graph. :mod:`extraction.concepts.selection` weighs them.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from types import MappingProxyType

import networkx as nx
from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc

from extraction.concepts.candidates import SUBJECT_ROLES, Candidate, formula_token
from extraction.concepts.definitions import asks_what_it_is
from extraction.concepts.merging import used_alone
from extraction.concepts.phrases import head_index, only_verb, plural_forms, zipf
from extraction.concepts.segments import Segment
from extraction.concepts.words import (
    EVALUATIVE_WORDS,
    EXAMPLE_CUE,
    GENERIC_NOTE_WORDS,
    POINTING_WORDS,
)
from extraction.names import is_acronym, lemmas

#: Roles that single a name out (every role but a plain mention).
STRUCTURAL_ROLES = (
    "term",
    "question",
    "heading",
    "cloze",
    "emphasis",
    "label",
    "defined",
    "described",
    "named",
    "gloss",
    "abbreviation",
    "listed",
    "item",
    "cell",
    "example",
)

#: Roles that single a name out for the interaction features.
SINGLING_ROLES = (
    "term",
    "question",
    "heading",
    "cloze",
    "emphasis",
    "label",
    "cell",
    "defined",
    "described",
    "named",
    "gloss",
    "abbreviation",
)
#: Features whose weight differs for a name the notes single out.
INTERACTING = (
    "common",
    "of_phrase",
    "words1",
    "words3",
    "words4",
    "adj_start",
    "rarity",
    "log_count",
    "generic",
    "clause_like",
    "verb_start",
)

#: Every feature, with what it means. Values are 0..1 or small logs.
FEATURES: dict[str, str] = {
    **{f"role_{r}": f"the notes use it as: {r}" for r in STRUCTURAL_ROLES},
    "of_phrase": "a name with an 'of' complement ('law of demand'), not a proper name "
    "('Bank of England')",
    "structural": "how many different roles single it out (0-3, / 3)",
    "subject": "log(1 + cards that are about it); every count is capped at COUNT_CAP",
    "log_count": "log(1 + uses)",
    "log_sentences": "log(1 + sentences that use it)",
    "log_cards": "log(cards that use it): 0 for one card",
    "only_titles": "used only in titles and headings",
    "multi_source": "used in two files or more",
    "words1": "one word",
    "words3": "three words",
    "words4": "four words or more",
    "acronym": "an acronym",
    "caps_word": "an English word in capitals ('WHERE', 'NOTE'), not an acronym",
    "adj_common": "starts with a common adjective ('important', 'strong', 'high')",
    "head_common": "its head is a very common word (Zipf >= 5: 'value', 'time', 'way')",
    "title_and_body": "named by a title or heading and used in running text too",
    "clause_like": "reads like a title rather than a name: a preposition, 'and', a comma "
    "or a gerund first ('Dealing with erosion', 'Mode, median')",
    "in_references": "share of its uses in sentences that cite or credit a source",
    "symbol": "a maths symbol or a letter and a number ('x1', 'mu', 'Q3')",
    "file_title": "the title of a whole file (a heading over all its cards)",
    "linked": "share of its uses that are the whole text of a link out of the notes (a "
    "web page, another file): where to read more, not what the notes stress",
    "link_line": "share of its uses that are the whole text of a link that is its whole "
    "line or list item: an entry of a list of courses, tools or articles to read",
    "singled": "a structural role singles it out (a term, question, heading, bold run, "
    "label, table cell, definition, name, gloss or abbreviation)",
    **{f"singled_{f}": f"{f}, for a name the notes single out" for f in INTERACTING},
    "common_count": "log(1 + uses) of a name made of common English words",
    "commonness": "how common its rarest word is in English (0: Zipf <= 3.5, 1: >= 5.5)",
    "commonness_count": "log(1 + uses), times its commonness",
    "single_count": "log(1 + uses) of a one-word name",
    "rarity": "how rare its rarest word is in English (0: Zipf >= 5, 1: Zipf 0)",
    "common": "every word common in English (Zipf >= 4.5)",
    "unknown": "a word English does not know (not an acronym, nor a word made of a known "
    "one by an ending such as '-ability' or '-ing': 'explainability')",
    "generic": "its head is a note-taking word ('summary', 'example', 'quiz')",
    "generic_any": "one of its words is a note-taking word",
    "proper": "written as a proper name inside sentences (a person, a product)",
    "opens_sentence": "share of its uses that open a sentence of running prose as the "
    "subject of its main verb ('... Osmosis moves water ...'): what the sentence turns to",
    "opens_item": "share of its uses that open a list item as what the item is about: the "
    "subject of its main verb, or before '=', an arrow or a bracket ('- Osmosis moves water "
    "...', '- Trench warfare = stalemate')",
    "verb_start": "starts with a verb",
    "adj_start": "starts with an adjective (or a participle describing the next word: "
    "'melting point')",
    "noun_compound": "two words or more, all nouns ('hash table', 'cell wall')",
    "adjective_only": "one word the tagger reads as an adjective ('discrete', 'inefficient')",
    "adj_commonness": "starts with an adjective, by how common it is in English (0: Zipf <= 3 "
    "as 'igneous', 1: >= 6 as 'good'): a describing word rather than part of a name",
    "code": "looks like code (digits or dots inside words, brackets)",
    "nested": "share of its uses inside longer names (C-value style)",
    "nested_uses": "log(1 + uses inside longer noun phrases)",
    "head_family": "log(1 + other names with the same head word)",
    "modifier_of": "log(1 + other names it modifies)",
    "textrank": "TextRank of its words in the notes' word graph (0..1)",
    "has_definition": "a sentence defines it, or a card's title names it (its term, question, "
    "cloze or heading): the notes may say what it is; the concept's definition is chosen "
    "later, and may be none (a heading over a sentence that defines a longer name)",
    "asked_what": "a question card asks what it is ('What is osmosis?', 'Define osmosis'), "
    "not something else about it",
    "opens_answer": "a card it titles opens its answer by naming it ('## Osmosis' / "
    "'Osmosis moves water ...'): the answer talks about what the title names",
    "word_uses": "log(1 + uses in the notes of its least used word), for a name of two "
    "words or more: a word the notes use once ('subpar' in 'subpar filtrate') describes, "
    "a word they keep using ('filtrate') is part of what they teach",
    "heading_unused": "a heading names it, and the text under none of its headings uses "
    "the name again: the title of a section ('Dealing with erosion', 'Further reading'), "
    "not the name of a term the section explains",
    "head_verb": "its last word is English only as a verb ('filtrate evaporates'): a "
    "clause the parser read as a name",
    **{
        "evaluative": "its first word judges or places rather than classifies ('typical "
        "enzyme', 'unexpected result', 'a good answer'): a description, not a name",
        "heading_pair": "a heading that joins two names the notes use on their own "
        "('Osmosis and diffusion'): a section about two terms, not one",
        "word_in_names": "log(1 + other names of two words or more that it is a word of, "
        "names the notes use on their own, not only inside a longer one), for a one-word "
        "name: a word of many names ('pressure' in 'blood pressure', 'air pressure', "
        "'pressure wave') is a building block of names more often than a term of its own",
        "heading_clause": "a heading that reads like a clause ('Dealing with erosion', "
        "'Erosion by wind'): a heading titles a section more often than a term list does",
    },
    **{
        "example_share": "share of the sentences that use it that set up a worked example or "
        "a scenario ('For example, consider a dam on a river', 'Suppose the tank holds 5 "
        "litres'): what an example is about rather than what the notes teach",
    },
    **{
        "of_head": "a one-word name the notes never single out, by the share of the sentences "
        "that use it before 'of' ('the salinity of the sea', 'a portion of the crust'): a "
        "measure or a part of something else rather than a term of its own",
        "pointed": "a name the notes never single out, by the share of the sentences that "
        "point at it with 'this', 'these', 'our', 'their'... ('our tank', 'this brine "
        "solution'): a thing of the notes' own example rather than a kind they teach",
    },
    **{
        "glued_number": "a word of lower-case letters with a number glued to its end ('group1', "
        "'sample12', 'trial2'): a label the notes give one instance, not a term",
        "comparative": "its first word is an adjective that compares ('deeper sequencing', "
        "'larger dataset', 'lowest point'): a description of one case, not a name",
    },
    **{
        "modifier_only": "a name counted as used whose every use is a word before the head of "
        "a longer name ('GNU' of 'GNU manuals', 'ML' of 'an ML practitioner'), never a noun "
        "phrase of its own nor the head of one, nor singled out or listed: a part of those "
        "names rather than a term of its own",
    },
    **{
        "after_of": "a name the notes never single out, by the share of the sentences that "
        "use it right after 'of', an article or one word between ('the flow of warm "
        "water', 'a sample of the soil layer'): what something else is measured or made "
        "of rather than a term of its own",
        "modifier_singled": "a name of two words or more, never singled out, whose words "
        "before its head are a name the notes single out and use twice ('enzyme "
        "reaction' where 'enzyme' is a card's term): a use of that term in a phrase "
        "rather than a term of its own",
    },
}


def _words(key: str) -> list[str]:
    return [w for w in key.replace("-", " ").split() if w]


def textrank(segments: Sequence[Segment], docs: Sequence[Doc], *, window: int = 2) -> dict:
    """TextRank scores of the notes' content words (lower case), scaled to 0..1.

    Nouns, proper nouns and adjectives are linked to those at most ``window``
    content words away in a sentence; PageRank ranks them (Mihalcea and Tarau, 2004).
    """
    G = nx.Graph()
    for _seg, doc in zip(segments, docs, strict=True):
        link_words(G, doc, window=window)
    return rank_words(G)


def link_words(G: nx.Graph, doc: Doc, *, window: int = 2) -> None:
    """Add the links :func:`textrank` weighs between ``doc``'s content words to ``G``
    (one document at a time, so that documents need not be kept for it).

    >>> from extraction.nlp import pipe
    >>> G = nx.Graph()
    >>> link_words(G, next(pipe(["Recurrent networks use hidden states."])))
    >>> sorted(G.edges(data="weight"))
    [('hidden', 'states', 1), ('networks', 'hidden', 1), ('networks', 'states', 1), \
('recurrent', 'hidden', 1), ('recurrent', 'networks', 1)]

    Every word's uses, whatever its part of speech, are counted in ``G.graph["uses"]``
    (by the hash of its lower-case form, for :data:`FEATURES`' ``word_uses``):

    >>> _word_uses("use", G.graph["uses"]), _word_uses("state", G.graph["uses"])
    (1, 1)
    """
    # every token's lower-case form, counted by spaCy (by string hash)
    G.graph.setdefault("uses", Counter()).update(doc.count_by(LOWER))
    content = [t.lower_ for t in doc if t.pos_ in {"NOUN", "PROPN", "ADJ"} and t.is_alpha]
    for i, word in enumerate(content):
        for other in content[i + 1 : i + 1 + window]:
            if other != word:
                if G.has_edge(word, other):
                    G[word][other]["weight"] += 1
                else:
                    G.add_edge(word, other, weight=1)


def rank_words(G: nx.Graph) -> dict:
    """The TextRank scores of the words linked in ``G`` (:func:`link_words`), 0..1."""
    if not G:
        return {}
    ranks = nx.pagerank(G, weight="weight", tol=1e-4)
    top = max(ranks.values())
    return {w: r / top for w, r in ranks.items()}


def release_counted(groups: Mapping[str, Sequence[Candidate]]) -> None:
    """Let go of what only :func:`group_features` reads of each candidate, once it has
    read it: the sentences, cards, files and shapes of its uses (four containers a name,
    most of a large build's candidate memory). No later stage reads them: naming,
    selection records and the index use the forms, roles, mentions, definitions and
    cards it is the subject of. What is left in their place is empty and read-only.

    >>> from extraction.concepts.candidates import Candidate
    >>> c = Candidate("gru", cards={"n#1"}, sources={"n.md"})
    >>> release_counted({"gru": [c]})
    >>> c.cards, c.sources, c.sentences, len(c.shapes), c.key
    (frozenset(), frozenset(), frozenset(), 0, 'gru')
    """
    for cands in groups.values():
        for c in cands:
            c.sentences = c.cards = c.sources = frozenset()
            c.shapes = _NO_SHAPES


_NO_SHAPES = MappingProxyType({})


def group_features(
    groups: Mapping[str, Sequence[Candidate]],
    *,
    ranks: Mapping[str, float],
    uses: Mapping[int, int] | None = None,
) -> dict[str, dict[str, float]]:
    """The features of each group (see :data:`FEATURES`), by root key.

    ``ranks`` are the words' TextRank scores and ``uses`` how often the notes use each
    word, lower case (both from the word graph :func:`link_words` fills); without
    ``uses``, ``word_uses`` is left out."""
    keys = [c.key.lower() for cands in groups.values() for c in cands]
    counts = {c.key.lower(): c.count for cands in groups.values() for c in cands}
    heads: Counter[str] = Counter()
    modifiers: Counter[str] = Counter()
    for key in keys:
        words = key.split()
        heads[words[head_index(words)]] += 1
        for i in range(1, len(words)):
            modifiers[" ".join(words[:i])] += 1
    # how often each key is used inside a longer key (contiguous words)
    inside: dict[str, int] = defaultdict(int)
    for key in keys:
        words = key.split()
        n = len(words)
        for i in range(n):
            for j in range(i + 1, n + 1):
                if j - i < n:
                    inside[" ".join(words[i:j])] += counts[key]
    counted = _Counted(uses) if uses is not None else None  # each word looked up once
    alone = {k for k, n in counts.items() if n}
    # the names the notes use on their own: not the runs of words inside one longer name
    # ("enzyme binding" of "enzyme binding site kinetics"), which only repeat its words
    holders = name_holders(k for k, cands in groups.items() if any(c.count for c in cands))
    singled = singled_names(groups)
    out = {}
    # one object per distinct value: most features are 1.0 or the log of a small count,
    # and a large build has hundreds of thousands of groups
    values: dict[tuple[type, float], float] = {}
    for root, cands in groups.items():
        x = _features(cands, ranks, heads, modifiers, inside, counted)
        x.update(_topic_features(cands, alone))
        x.update(_block_features(cands, holders))
        x.update(_example_features(cands))
        x.update(_of_head_features(cands))
        x.update(_pointed_features(cands))
        x.update(_glued_number_features(cands))
        x.update(_modifier_only_features(cands, heads))
        x.update(_comparative_features(cands))
        x.update(_after_of_features(cands))
        x.update(_modifier_features(root, cands, singled))
        out[root] = {k: values.setdefault((type(v), v), v) for k, v in x.items()}
    return out


#: Words inside a name that make it read like a title: "Dealing with erosion"; "&" and
#: "+" are how a student writes "and" ("Osmosis & Diffusion", "Enzymes + Substrates").
CLAUSE_WORDS = frozenset("and or with for to in on using via from by about versus vs & +".split())
_SYMBOL = re.compile(r"^(?:[A-Za-z]{1,2}\d*|[A-Za-z]\d+[A-Za-z]?|[a-z]{1,2})$")


def shape_first_verb(cands: Sequence[Candidate]) -> bool:
    """Is the first word of the group's name read as a verb (a gerund heading an
    action: "Identifying anomalies")?"""
    return any(s.pos[:1] == ("VERB",) for c in cands for s in c.shapes)


def _noun_compound(cands: Sequence[Candidate]) -> float:
    """Is the group's name, most often, two words or more that are all nouns, the last a
    common noun ("hash table", "cell wall", "TCP socket"; not "Ada Lovelace")?

    A compound of common nouns is often a term of the subject, where an adjective and a
    common noun ("final prediction") rarely is."""
    total = sum(n for c in cands for n in c.shapes.values())
    yes = sum(
        n
        for c in cands
        for s, n in c.shapes.items()
        if len(s.pos) > 1 and s.pos[-1] == "NOUN" and all(p in {"NOUN", "PROPN"} for p in s.pos)
    )
    return float(total > 0 and yes * 2 > total)


def first_pos(cands: Sequence[Candidate]) -> str:
    """The part of speech the tagger gives the first word of the group's name most
    often ("" when no use was read from tokens)."""
    tally: Counter[str] = Counter()
    for c in cands:
        for s, n in c.shapes.items():
            if s.pos:
                tally[s.pos[0]] += n
    return max(tally, key=lambda p: (tally[p], p)) if tally else ""


#: Counts above this add no evidence: a word used 5,000 times in a textbook is no more a
#: concept than one used 20 times (and the weights, fitted on notes of a few thousand
#: words, stay valid on a semester of them).
COUNT_CAP = 20


def _log(n: int) -> float:
    """``log(1 + n)``, with ``n`` capped at :data:`COUNT_CAP`."""
    return math.log1p(min(n, COUNT_CAP))


def _word_uses(word: str, uses: Mapping[int, int]) -> int:
    """How often the notes use ``word`` (lower case) or one of its plurals (``uses``
    counts by string hash: :func:`link_words`)."""
    forms = {word, *plural_forms(word)}
    return sum(uses.get(get_string_id(f), 0) for f in forms)


class _Counted(dict):
    """:func:`_word_uses` of each word, computed the first time it is asked for."""

    def __init__(self, uses: Mapping[int, int]) -> None:
        super().__init__()
        self.uses = uses

    def __missing__(self, word: str) -> int:
        n = self[word] = _word_uses(word, self.uses)
        return n


#: Endings that make a word of another one English knows: "explainability" of
#: "explain", "ensembling" of "ensemble" (a word frequency list misses many such words).
DERIVING_SUFFIXES = ("ability", "ibility", "ization", "isation", "ation", "ness", "ment", "ing")
#: How common (Zipf) the word a derived word is made of must be: an English word, not a
#: slip or a name.
DERIVED_FROM_ZIPF = 3.0


@lru_cache(maxsize=4096)
def derived_word(word: str) -> bool:
    """Is ``word``, which the frequency list does not know, an English word with an
    ending that makes words of words (:data:`DERIVING_SUFFIXES`): "explainability",
    "ensembling"? A slip ("precedure") or a coined word ("mindware") is none.

    >>> derived_word("explainability"), derived_word("ensembling"), derived_word("precedure")
    (True, True, False)
    >>> derived_word("swappability"), derived_word("reliability"), derived_word("mindware")
    (True, True, False)
    """
    lowered = word.lower()
    for suffix in DERIVING_SUFFIXES:
        stem = lowered[: -len(suffix)]
        if lowered.endswith(suffix) and len(stem) >= 3:
            # "ensembl-ing", "swapp-ability", "reli-ability"
            stems = [stem, stem + "e"]
            if stem[-1] == stem[-2]:
                stems.append(stem[:-1])
            if stem.endswith("i"):
                stems.append(stem[:-1] + "y")
            if any(zipf(s) >= DERIVED_FROM_ZIPF for s in stems):
                return True
    return False


def _majority(cands: Sequence[Candidate], attr: str) -> float:
    total = sum(n for c in cands for n in c.shapes.values())
    yes = sum(n for c in cands for s, n in c.shapes.items() if getattr(s, attr))
    return float(total > 0 and yes * 2 > total)


def _share(cands: Sequence[Candidate], attr: str) -> float:
    total = sum(n for c in cands for n in c.shapes.values())
    yes = sum(n for c in cands for s, n in c.shapes.items() if getattr(s, attr))
    return yes / total if total else 0.0


def _features(
    cands: Sequence[Candidate],
    ranks: Mapping[str, float],
    heads: Counter[str],
    modifiers: Counter[str],
    inside: Mapping[str, int],
    counted: Mapping[str, int] | None = None,
) -> dict[str, float]:
    roles: Counter[str] = Counter()
    for c in cands:
        roles.update(c.roles)
    # the group's name: its most used spelled-out form, else its acronym
    spelled = [c for c in cands if not is_acronym(c.key)] or list(cands)
    main = max(
        spelled,
        key=lambda c: (any(c.roles[r] for r in SINGLING_ROLES), c.count, -len(c.key)),
    )
    words = _words(main.key)
    count = sum(c.count for c in cands)
    if len(cands) == 1:  # most groups: no unions to make
        only = cands[0]
        cards, sentences, sources = len(only.cards), len(only.sentences), len(only.sources)
    else:
        cards = len(set().union(*(c.cards for c in cands)))
        sentences = len(set().union(*(c.sentences for c in cands)))
        sources = len(set().union(*(c.sources for c in cands)))
    subject = len({card.id for c in cands for card in c.subject_of})
    caps = [c.key for c in cands if is_acronym(c.key) and zipf(c.key.lower()) >= 4.5]
    # a formula ("H2O", "Cl-") is written in capitals but is no acronym
    acronyms = [c for c in cands if is_acronym(c.key) and not formula_token(c.key)]
    acronym = bool(acronyms) and len(caps) < len(acronyms)
    # a hyphenated compound is one word for how common it is ("many-to-many",
    # "encoder-decoder") and for reading like a clause ("sequence-to-sequence")
    units = main.key.split()
    plain = [w for w in units if not is_acronym(w)]
    zipfs = [zipf(w) for w in plain]
    min_zipf = min(zipfs) if zipfs else 0.0
    head = words[head_index(words)].lower() if words else ""
    structural = [r for r in STRUCTURAL_ROLES if roles[r]]
    title_roles = sum(roles[r] for r in SUBJECT_ROLES)
    x: dict[str, float] = {f"role_{r}": 1.0 for r in structural}
    # an "of" phrase is a shape of the group's name alone: a group does not take it
    # from a minor name ("rate of reaction" merged into "reaction rate")
    # a proper name with "of" ("Bank of England") is a name, not a noun and its
    # complement ("rate of reaction")
    x["of_phrase"] = float(
        (bool(main.roles["of_phrase"]) or " of " in f" {main.key} ")
        and not _majority(cands, "proper")
    )
    x["structural"] = min(3, len(structural)) / 3
    x["subject"] = _log(subject)
    x["log_count"] = _log(count)
    x["log_sentences"] = _log(sentences)
    # 0 for a name used in one card: a one-card lecture's terms are not all weighed
    # against for the card they share
    x["log_cards"] = math.log(min(cards, COUNT_CAP)) if cards else 0.0
    x["only_titles"] = float(title_roles > 0 and roles["mention"] == 0 and count <= title_roles)
    x["multi_source"] = float(sources >= 2)
    n = len(main.key.split())
    x["words1"] = float(n == 1)
    x["words3"] = float(n == 3)
    x["words4"] = float(n >= 4)
    x["acronym"] = float(acronym)
    x["caps_word"] = float(bool(caps) and not acronym)
    first_adj = any(s.adj_start for c in cands for s in c.shapes)
    x["adj_common"] = float(first_adj and len(units) > 1 and zipf(units[0]) >= 4.5)
    x["head_common"] = float(bool(head) and zipf(head) >= 5.0)
    x["title_and_body"] = float(title_roles > 0 and roles["mention"] > 0)
    lowered_words = [w.lower() for w in units]
    x["clause_like"] = float(
        len(units) > 1
        and (
            any(w in CLAUSE_WORDS for w in lowered_words[1:-1])
            or "," in main.key
            or (
                bool(lowered_words) and lowered_words[0].endswith("ing") and shape_first_verb(cands)
            )
        )
    )
    x["in_references"] = sum(c.in_references for c in cands) / max(1, count)
    x["file_title"] = float(any(c.file_titles for c in cands))
    x["linked"] = sum(c.linked for c in cands) / max(1, count)
    x["link_line"] = sum(c.link_lines for c in cands) / max(1, count)
    x["symbol"] = float(len(words) == 1 and bool(_SYMBOL.match(main.key)) and not acronym)
    x["rarity"] = 1.0 if acronym and not plain else max(0.0, min(1.0, (5.0 - min_zipf) / 5.0))
    x["common"] = float(bool(zipfs) and not acronym and min_zipf >= 4.5)
    x["unknown"] = float(
        any(z == 0 and not derived_word(w) for w, z in zip(plain, zipfs, strict=True))
    )
    x["generic"] = float(head in GENERIC_NOTE_WORDS)
    x["generic_any"] = float(any(w.lower() in GENERIC_NOTE_WORDS for w in words))
    x["proper"] = _majority(cands, "proper")
    x["opens_sentence"] = _share(cands, "opens_sentence")
    x["opens_item"] = _share(cands, "opens_item")
    x["verb_start"] = _majority(cands, "verb_start")
    x["adj_start"] = _majority(cands, "adj_start")
    if len(units) > 1 and first_pos(cands) == "ADJ":
        x["adj_commonness"] = max(0.0, min(1.0, (zipf(units[0]) - 3.0) / 3.0))
    x["noun_compound"] = _noun_compound(cands)
    x["adjective_only"] = float(len(units) == 1 and first_pos(cands) == "ADJ" and not acronym)
    x["code"] = _majority(cands, "code")
    lowered = main.key.lower()
    used_inside = inside.get(lowered, 0)
    x["nested"] = used_inside / (used_inside + count) if used_inside + count else 0.0
    x["nested_uses"] = _log(roles["nested"])
    x["head_family"] = _log(max(0, heads[head] - 1))
    x["modifier_of"] = _log(modifiers[lowered])
    x["textrank"] = sum(ranks.get(w.lower(), 0.0) for w in words) / len(words) if words else 0.0
    x["has_definition"] = float(any(c.definitions for c in cands) or subject > 0)
    x["opens_answer"] = float(any(c.opens for c in cands))
    headings = sum(c.headings for c in cands)
    x["heading_unused"] = float(headings > 0 and not any(c.headings_used for c in cands))
    x["heading_clause"] = float(bool(roles["heading"]) and bool(x["clause_like"]))
    asked = (asks_what_it_is(card.title) for c in cands for card in c.subject_of)
    x["asked_what"] = float(any(asked))
    if counted is not None and len(words) > 1:
        # a word the tokenizer split otherwise ("banker's", "x1") has no count of its own
        counts = [
            n for w in words if w.isalpha() and not is_acronym(w) if (n := counted[w.lower()])
        ]
        if counts:
            x["word_uses"] = _log(min(counts))
    last = lowered_words[-1] if len(units) > 1 else ""
    x["head_verb"] = float(last.isalpha() and only_verb(last) and not last.endswith(("ing", "ed")))
    # how much more uses say depends on what is used: a common word is used often anyway
    x["common_count"] = x["log_count"] * x["common"]
    commonness = 0.0 if acronym or not zipfs else max(0.0, min(1.0, (min_zipf - 3.5) / 2))
    x["commonness"] = commonness
    x["commonness_count"] = commonness * x["log_count"]
    x["single_count"] = x["log_count"] * x["words1"]
    if any(f"role_{r}" in x for r in SINGLING_ROLES):
        # the weight of a word's commonness, its length... differs for a name the notes
        # single out and for a noun phrase of running text: each gets its own
        x["singled"] = 1.0
        for f in INTERACTING:
            if x.get(f):
                x[f"singled_{f}"] = x[f]
    return {k: v for k, v in x.items() if v}


_PAIRED = re.compile(r"\s(?:and|&|or)\s")


def _topic_features(cands: Sequence[Candidate], alone: set[str]) -> dict[str, float]:
    """A name that describes or pairs rather than names: an evaluative first word
    (``evaluative``), a heading joining two names the notes use alone (``heading_pair``)."""
    main = max(cands, key=lambda c: (c.count, -len(c.key)))
    key = main.key.lower()
    words = key.split()
    x: dict[str, float] = {}
    if len(words) > 1:
        x["evaluative"] = float(words[0] in EVALUATIVE_WORDS)
    sides = _PAIRED.split(key, maxsplit=1)
    if len(sides) == 2 and any(c.headings or c.roles["heading"] for c in cands):
        x["heading_pair"] = float(all(side.strip() in alone for side in sides))
    return {k: v for k, v in x.items() if v}


def name_holders(keys: Iterable[str]) -> Counter[str]:
    """How many distinct names of two words or more each word (lower case) is part of.

    >>> holders = name_holders(["blood pressure", "air pressure", "pressure wave", "osmosis"])
    >>> holders["pressure"], holders["blood"], holders["osmosis"]
    (3, 1, 0)
    """
    holders: Counter[str] = Counter()
    for key in set(keys):
        words = key.lower().split()
        if len(words) > 1:
            holders.update(set(words))
    return holders


def _block_features(cands: Sequence[Candidate], holders: Mapping[str, int]) -> dict[str, float]:
    """A one-word name that is a word of many longer names (``word_in_names``)."""
    main = max(cands, key=lambda c: (c.count, -len(c.key)))
    words = main.key.lower().split()
    if len(words) != 1 or not holders.get(words[0]):
        return {}
    return {"word_in_names": _log(holders[words[0]])}


@lru_cache(maxsize=65536)
def _sets_up_example(text: str) -> bool:
    return bool(EXAMPLE_CUE.search(text))


def _example_features(cands: Sequence[Candidate]) -> dict[str, float]:
    """The share of the sentences that use a name that set up a worked example or a
    scenario (``example_share``): the subjects of an example ("Suppose a tank holds 5
    litres of brine") are what it is about, not what the notes teach."""
    sentences = {e.text for c in cands for e in c.sentences}
    if not sentences:
        return {}
    share = sum(map(_sets_up_example, sentences)) / len(sentences)
    return {"example_share": share} if share else {}


def _of_head_features(cands: Sequence[Candidate]) -> dict[str, float]:
    """The share of the sentences that use a one-word name, never singled out, before
    "of" (``of_head``): "the salinity of the sea", "a portion of the crust" measure or
    cut out part of something else; a term the notes teach is rarely only that."""
    main = max(cands, key=lambda c: (c.count, -len(c.key)))
    if len(main.key.split()) != 1 or is_acronym(main.key):
        return {}
    if any(c.roles[r] for c in cands for r in SINGLING_ROLES):
        return {}
    sentences = {e.text for c in cands for e in c.sentences}
    if not sentences:
        return {}
    with_of = [text for text in sentences if _has_of(text)]
    if not with_of:
        return {}
    forms = {f.lower() for c in cands for f in (c.key, *c.forms)}
    share = sum(1 for text in with_of if _before_of(text, forms)) / len(sentences)
    return {"of_head": share} if share else {}


_OF = re.compile(r"\s+of\b", re.IGNORECASE)
#: "of" after a space, as the ``of_head`` pattern ``\b(?:forms)\s+of\b`` reads it.
_SPACED_OF = re.compile(r"(?<=\s)of\b", re.IGNORECASE)
_BOUNDARY = re.compile(r"\b")


def _before_of(text: str, forms: Iterable[str]) -> bool:
    r"""Whether one of ``forms`` (lower case) stands before "of" in ``text``, as
    ``re.search(r"\b(?:form|...)\s+of\b", text, re.IGNORECASE)`` finds it, without
    compiling a pattern for each group of forms: a form ends inside the run of spaces
    before an "of" (:func:`_spaces_before`), starts at a word boundary and is written
    there in any case (:func:`_written_as`).

    >>> _before_of("The salinity  of the sea", {"salinity"}), _before_of("Salinity of", {"sea"})
    (True, False)
    >>> _before_of("hypersalinity of", {"salinity"}), _before_of("salinity often", {"salinity"})
    (False, False)
    """
    for of in _SPACED_OF.finditer(text):
        at = of.start()
        for end in range(_spaces_before(text, at), at):
            for form in forms:
                start = end - len(form)
                if start >= 0 and _BOUNDARY.match(text, start) and _written_as(text, start, form):
                    return True
    return False


def _spaces_before(text: str, at: int) -> int:
    """Where the run of white space that ends at ``at`` in ``text`` starts."""
    start = at
    while start > 0 and _SPACE.match(text, start - 1):
        start -= 1
    return start


_SPACE = re.compile(r"\s")


def _written_as(text: str, start: int, form: str) -> bool:
    """Whether ``text`` holds ``form`` at ``start`` as a pattern made of ``form``
    (``re.escape``) with ``re.IGNORECASE`` matches it there: character by character,
    each as the regular expression engine compares them (:func:`_same_letter`).

    >>> _written_as("An ATP molecule", 3, "atp"), _written_as("An ATP molecule", 3, "atq")
    (True, False)
    """
    part = text[start : start + len(form)]
    if len(part) != len(form):
        return False
    if part.isascii() and form.isascii():
        return part.lower() == form.lower()
    return all(a == b or _same_letter(a, b) for a, b in zip(form, part, strict=True))


@lru_cache(maxsize=4096)
def _same_letter(pattern: str, written: str) -> bool:
    """Whether the character ``pattern`` in a pattern compiled with ``re.IGNORECASE``
    matches the character ``written`` (the engine's own case rules: "K" the Kelvin sign
    matches "k", "ſ" matches "s")."""
    return re.fullmatch(re.escape(pattern), written, re.IGNORECASE) is not None


@lru_cache(maxsize=65536)
def _has_of(text: str) -> bool:
    """Whether ``text`` holds "of" after a space at all: a sentence without it cannot
    match a group's ``of_head`` pattern, so only the others are searched with it (and
    a group none of whose sentences holds it compiles no pattern)."""
    return bool(_OF.search(text))


_POINTING = "|".join(sorted(POINTING_WORDS))
_POINTING_WORD = re.compile(rf"\b(?:{_POINTING})\b", re.IGNORECASE)


#: At most two words between a pointing word and the name it points at ("this slow
#: process"), none of them an article: "This gives a contour map" points at what
#: came before, with "this" as the subject, not at the map.
_POINTED_GAP = r"(?:(?!(?:a|an|the)\s)[\w-]+\s+){0,2}"


@lru_cache(maxsize=65536)
def _has_pointing_word(text: str) -> bool:
    """Whether ``text`` holds a pointing word at all: a sentence without one cannot
    match a group's ``pointed`` pattern, so only the others are searched with it."""
    return bool(_POINTING_WORD.search(text))


def _pointed_features(cands: Sequence[Candidate]) -> dict[str, float]:
    """The share of the sentences that use a name, never singled out, with a word that
    points at one thing before it, at most two words away (``pointed``: "this tank",
    "our brine"): the things of an example the notes work through."""
    if any(c.roles[r] for c in cands for r in SINGLING_ROLES):
        return {}
    sentences = {e.text for c in cands for e in c.sentences}
    pointing = [text for text in sentences if _has_pointing_word(text)]
    if not pointing:
        return {}
    forms = {f.lower() for c in cands for f in (c.key, *c.forms)}
    share = sum(1 for text in pointing if _pointed_at(text, forms)) / len(sentences)
    return {"pointed": share} if share else {}


#: A pointing word and the white space after it, as the ``pointed`` pattern
#: ``\b(?:this|...)\s+`` + :data:`_POINTED_GAP` + ``(?:forms)\b`` starts.
_POINTING_THEN_SPACE = re.compile(rf"\b(?:{_POINTING})(\s+)", re.IGNORECASE)
#: One word of :data:`_POINTED_GAP` and the white space after it ...
_GAP_WORD = re.compile(r"[\w-]+(\s+)", re.IGNORECASE)
#: ... which is no article.
_GAP_ARTICLE = re.compile(r"(?:a|an|the)\s", re.IGNORECASE)


def _pointed_at(text: str, forms: Iterable[str]) -> bool:
    r"""Whether a pointing word points at one of ``forms`` (lower case) in ``text``, as
    ``re.search`` finds the pattern ``\b(?:this|...)\s+`` + :data:`_POINTED_GAP` +
    ``(?:form|...)\b`` with ``re.IGNORECASE``, without compiling a pattern for each
    group of forms: every place the pattern's start can reach (after the pointing word's
    spaces or any part of them, then after each of up to two words that are no article
    and their spaces), a form written there (:func:`_written_as`) and ending at a word
    boundary.

    >>> _pointed_at("This slow process ends", {"process"}), _pointed_at("this tank", {"tank"})
    (True, True)
    >>> _pointed_at("This gives a contour map", {"map"}), _pointed_at("this tanker", {"tank"})
    (False, False)
    """
    for pointing in _POINTING_THEN_SPACE.finditer(text):
        spaces = pointing.span(1)
        for _ in range(3):  # the pointing word's spaces, then up to two words' spaces
            for start in range(spaces[0] + 1, spaces[1] + 1):
                for form in forms:
                    end = start + len(form)
                    if _written_as(text, start, form) and _BOUNDARY.match(text, end):
                        return True
            if _GAP_ARTICLE.match(text, spaces[1]):
                break
            word = _GAP_WORD.match(text, spaces[1])
            if word is None:
                break
            spaces = word.span(1)
    return False


@lru_cache(maxsize=4096)
def comparative(word: str) -> bool:
    """Is ``word`` (lower case) an adjective's comparative or superlative form
    (``lemminflect``: an adjective whose lemma is another word, "deeper", "largest",
    "best"; not "ultimate", "inner" or "water")?

    >>> comparative("deeper"), comparative("best"), comparative("inner"), comparative("other")
    (True, True, False, False)
    """
    adjectives = lemmas(word).get("ADJ", ())
    return bool(adjectives) and word not in adjectives and word.endswith(("er", "st"))


def _comparative_features(cands: Sequence[Candidate]) -> dict[str, float]:
    """A name of two words or more whose first word, read as an adjective, compares
    (``comparative``: "deeper sequencing", "a larger sample"; not "number of reads")."""
    main = max(cands, key=lambda c: (c.count, -len(c.key)))
    words = main.key.lower().split()
    if len(words) < 2 or not comparative(words[0]) or first_pos(cands) != "ADJ":
        return {}
    return {"comparative": 1.0}


#: A word of lower-case letters with a number glued to its end: "group1", "sample12".
_GLUED_NUMBER = re.compile(r"^[a-z]{2,}\d+$")


def _glued_number_features(cands: Sequence[Candidate]) -> dict[str, float]:
    """A name written as a word with a number glued to it (``glued_number``: "group1",
    "sample12", "trial2"): the label of one instance of the notes' own example, where
    a term with a number is written apart or in capitals ("G1 phase", "MP3")."""
    if any(_GLUED_NUMBER.match(f) for c in cands for f in (c.key, *c.forms)):
        return {"glued_number": 1.0}
    return {}


def _modifier_only_features(
    cands: Sequence[Candidate], heads: Mapping[str, int]
) -> dict[str, float]:
    """A name the notes use only as a word before the head of longer names
    (``modifier_only``: no use of its own as a noun phrase, no role that singles it out
    or lists it, :func:`used_alone`, and no longer name it is the head of), yet counted
    as used: "GNU" of "GNU manuals", "ML" of "an ML practitioner", where the acronym
    finder counts the letters wherever they stand. Not "QC" of "careful QC", a use of
    QC itself; a name with no use counted (only inside longer names, "forest" of
    "rain forest") is weighed by its counts already.

    >>> from extraction.concepts.candidates import Candidate
    >>> dma = Candidate("DMA", count=2, roles=Counter(nested=2, acronym=2))
    >>> _modifier_only_features([dma], Counter(dma=1, transfer=1))
    {'modifier_only': 1.0}
    >>> _modifier_only_features([dma], Counter({"dma": 2}))  # "fast DMA" too
    {}
    >>> alone = Candidate("DMA", count=2, roles=Counter(nested=1, acronym=2, mention=1))
    >>> _modifier_only_features([alone], Counter(dma=1))
    {}
    """
    count = sum(c.count for c in cands)
    if not count or any(used_alone(c) for c in cands) or not any(c.roles["nested"] for c in cands):
        return {}
    main = max(cands, key=lambda c: (c.count, -len(c.key)))
    words = main.key.lower().split()
    if heads.get(words[head_index(words)], 0) > 1:
        return {}
    return {"modifier_only": 1.0}


#: Roles that make a name one the notes single out for ``modifier_singled``: the
#: singling roles, and an acronym (written as one, the notes introduce it as a name).
MODIFIER_ROLES = (*SINGLING_ROLES, "acronym")
#: Uses a name singled out must have for ``modifier_singled``: one use is a title or a
#: label the notes do not come back to.
MODIFIER_USES = 2


def singled_names(groups: Mapping[str, Sequence[Candidate]]) -> set[str]:
    """Every name (key and written form, lower case) of the groups the notes single out
    (:data:`MODIFIER_ROLES`) and use at least :data:`MODIFIER_USES` times.

    >>> from extraction.concepts.candidates import Candidate
    >>> card = Candidate("enzyme", count=3, roles=Counter(term=1), forms=Counter(Enzymes=2))
    >>> once = Candidate("kinase", count=1, roles=Counter(term=1))
    >>> prose = Candidate("starch", count=4)
    >>> sorted(singled_names({"enzyme": [card], "kinase": [once], "starch": [prose]}))
    ['enzyme', 'enzymes']
    """
    names: set[str] = set()
    for cands in groups.values():
        if sum(c.count for c in cands) >= MODIFIER_USES and any(
            c.roles[r] for c in cands for r in MODIFIER_ROLES
        ):
            names.update(f.lower() for c in cands for f in (c.key, *c.forms))
    return names


def _modifier_features(
    root: str, cands: Sequence[Candidate], singled: set[str]
) -> dict[str, float]:
    """A name of two words or more, never singled out, whose words before the head are
    a name the notes single out (``modifier_singled``, :func:`singled_names`): "enzyme
    reaction" in notes with a card on "enzyme" uses that term, where a term of its own
    made of it ("enzyme kinetics") is singled out too."""
    words = root.lower().split()
    if len(words) < 2 or any(c.roles[r] for c in cands for r in MODIFIER_ROLES):
        return {}
    modifier = " ".join(words[:-1])
    forms = {modifier, modifier + "s", modifier[:-1] if modifier.endswith("s") else modifier}
    return {"modifier_singled": 1.0} if forms & singled else {}


def _after_of_features(cands: Sequence[Candidate]) -> dict[str, float]:
    """The share of the sentences that use a name, never singled out, right after "of"
    (``after_of``: "the flow of warm water", "a sample of the soil"; :func:`_after_of`):
    what a measure, a part or an amount is of."""
    if any(c.roles[r] for c in cands for r in SINGLING_ROLES):
        return {}
    sentences = {e.text for c in cands for e in c.sentences}
    with_of = [text for text in sentences if _has_of_word(text)]
    if not with_of:
        return {}
    forms = {f.lower() for c in cands for f in (c.key, *c.forms)}
    share = sum(1 for text in with_of if _after_of(text, forms)) / len(sentences)
    return {"after_of": share} if share else {}


#: "of" and the white space after it, as the ``after_of`` pattern
#: ``\bof\s+(?:(?:the|a|an|each|this)\s+)?(?:[\w-]+\s+)?(?:forms)\b`` starts.
_OF_THEN_SPACE = re.compile(r"\bof(\s+)", re.IGNORECASE)
#: The article or determiner the ``after_of`` pattern lets stand after "of".
_OF_DETERMINER = re.compile(r"(?:the|a|an|each|this)(\s+)", re.IGNORECASE)


@lru_cache(maxsize=65536)
def _has_of_word(text: str) -> bool:
    """Whether ``text`` holds the word "of" and white space after it at all."""
    return bool(_OF_THEN_SPACE.search(text))


def _after_of(text: str, forms: Iterable[str]) -> bool:
    r"""Whether one of ``forms`` (lower case) stands right after "of" in ``text``, as
    ``re.search`` finds ``\bof\s+(?:(?:the|a|an|each|this)\s+)?(?:[\w-]+\s+)?`` and
    ``(?:form|...)\b`` with ``re.IGNORECASE``, without compiling a pattern for each group
    of forms: every place the pattern can reach after "of" (its spaces, an article's, one
    word's after either), a form written there (:func:`_written_as`) and ending at a word
    boundary.

    >>> _after_of("The flow of warm water", {"water"}), _after_of("a sample of the soil", {"soil"})
    (True, True)
    >>> _after_of("Water of the deep cold sea", {"sea"}), _after_of("Water flows", {"water"})
    (False, False)
    """
    for of in _OF_THEN_SPACE.finditer(text):
        spans = [of.span(1)]
        article = _OF_DETERMINER.match(text, spans[0][1])
        if article is not None:
            spans.append(article.span(1))
        for spaces in list(spans):
            word = _GAP_WORD.match(text, spaces[1])
            if word is not None:
                spans.append(word.span(1))
        for spaces in spans:
            for start in range(spaces[0] + 1, spaces[1] + 1):
                for form in forms:
                    end = start + len(form)
                    if _written_as(text, start, form) and _BOUNDARY.match(text, end):
                        return True
    return False
