"""The concept stage, stage by stage: names, abbreviations, merge rules (each with the
case it is for and the case it must leave alone), features, selection, definitions."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from extraction.concepts import extract_concepts
from extraction.concepts.abbreviations import abbreviations, best_long_form, spelled_out
from extraction.concepts.candidates import (
    GENERATORS,
    OTHER_NAME,
    AliasPair,
    Candidate,
    Shape,
    well_formed,
)
from extraction.concepts.definitions import definition_text, name_concept
from extraction.concepts.features import FEATURES
from extraction.concepts.merging import RULES, merge
from extraction.concepts.phrases import concept_id, match_key, singular
from extraction.concepts.selection import (
    CREDITED,
    DESCRIPTION,
    PARTICULAR,
    SECTION,
    SERIES,
    default_model,
)
from extraction.logistic import LogisticModel
from extraction.records import Card, Emphasis, Evidence, ListItem


def card(title: str, body: str, *, n: int = 1, kind: str = "question", source: str = "n.txt"):
    lines = body.splitlines() or [""]
    return Card(
        id=f"{source}#{n}",
        source=source,
        format="test",
        lines=(n * 10, n * 10 + len(lines)),
        title=title,
        body=body,
        title_line=n * 10,
        body_lines=tuple(range(n * 10 + 1, n * 10 + 1 + len(lines))),
        title_kind=kind,
    )


def names(index) -> dict[str, str]:
    return {
        name.lower(): c.id for c in index.concepts.values() for name in (c.id, c.label, *c.aliases)
    }


# -- names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("species", "species"),
        ("series", "series"),
        ("mitochondria", "mitochondria"),
        ("k-means", "k-means"),
        ("criteria", "criterion"),
        ("data", "data"),
        ("statistics", "statistics"),
        ("matrices", "matrix"),
        ("sub-directories", "sub-directory"),
        ("GANs", "GAN"),
        ("siRNAs", "siRNA"),
        ("iOS", "iOS"),
        ("autoencoders", "autoencoder"),
        # a field in "-ics" the dictionary does not know stays as the ones it knows do
        ("econometrics", "econometrics"),
        ("psycholinguistics", "psycholinguistics"),
        ("Photonics", "Photonics"),
        ("robotics", "robotics"),
        ("antibiotics", "antibiotic"),
    ],
)
def test_concepts_singular_from_the_dictionary(word, expected):
    assert singular(word) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Treaty", "of", "Versailles"], "treaty of versailles"),
        (["Laws", "of", "Motion"], "law of motion"),
        (["Large", "intestines"], "large intestine"),
        (["LSTM", "cells"], "LSTM cell"),
    ],
)
def test_concepts_id_puts_the_head_in_the_singular(words, expected):
    assert concept_id(words) == expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("batch normalisation", "Batch Normalization", True),
        ("encoder-decoder models", "encoder decoder model", True),
        ("k-means", "k-mean", False),
        ("large intestine", "small intestine", False),
    ],
)
def test_concepts_match_key_folds_spelling_only(a, b, same):
    assert (match_key(a) == match_key(b)) is same


@pytest.mark.parametrize(
    ("title", "kind", "expected"),
    [
        ("Normal distribution", "heading", "normal distribution"),
        ("Large intestine", "term", "large intestine"),
        ("First World War", "heading", "first world war"),
        ("Primary key", "term", "primary key"),
        ("Law of demand", "term", "law of demand"),
        ("Treaty of Versailles", "heading", "treaty of versailles"),
        ("Supply and demand", "heading", "supply and demand"),
        ("for loop", "term", "for loop"),
        ("No preemption", "term", "no preemption"),
        ("What are the advantages of dropout?", "question", "dropout"),
        ("In metallurgy, what is annealing?", "question", "annealing"),
        ("Various optimizers", "heading", "optimizer"),
    ],
)
def test_concepts_names_as_the_author_wrote_them(title, kind, expected):
    index = extract_concepts([card(title, "Explained in the lecture.", kind=kind)])
    assert expected in {s.root.lower() for s in index.candidates} | set(names(index))


@pytest.mark.parametrize(
    ("body", "instance", "bare_uses"),
    [
        ("Vitamin A helps night vision. A vitamin is a nutrient.", "vitamin a", 1),
        ("Hepatitis A spreads through food. Hepatitis harms the liver.", "hepatitis a", 1),
        ("Zone A receives more rain. A zone is mapped.", "zone a", 1),
    ],
)
def test_concepts_names_keep_the_letter_that_labels_an_instance(body, instance, bare_uses):
    index = extract_concepts([card("Notes", body, kind="heading")])
    keys = {c.key.lower(): c for s in index.candidates for c in s.candidates}
    assert instance in keys, sorted(keys)
    assert keys[instance.split()[0]].roles["mention"] == bare_uses


@pytest.mark.parametrize(
    ("title", "kind", "expected", "never"),
    [
        # a heading that lists names with commas names each, not the list
        (
            "Mitosis, Meiosis and Binary Fission",
            "heading",
            {"mitosis", "meiosis", "binary fission"},
            {"mitosis , meiosis", ", meiosis", "mitosis, meiosis and binary fission"},
        ),
        # an instruction or a label with its text is no name
        ("To avoid confounding", "heading", set(), {"to avoid confounding"}),
        ("Image credit: adapted from a vendor", "term", set(), {"image credit : adapted"}),
        # a course code names the course: a name it opens is the course's title
        ("GEOL 210 - Rivers (week 4)", "heading", set(), {"geol", "geol 210"}),
        ("HIST 1010 Revolutions", "heading", set(), {"hist"}),
    ],
)
def test_concepts_title_names_lists_and_non_names(title, kind, expected, never):
    index = extract_concepts([card(title, "Explained in the lecture.", kind=kind)])
    found = {s.root.lower() for s in index.candidates} | set(names(index))
    assert expected <= found
    assert not {n for n in found if any(n.startswith(x) for x in never)}


# -- abbreviations (Schwartz-Hearst) ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # the paper's examples
        ("Heat shock transcription factor (HSF)", [("HSF", "Heat shock transcription factor")]),
        ("alpha-fetoprotein (AFP) levels", [("AFP", "alpha-fetoprotein")]),
        ("in the Hepatitis B virus (HBV) genome", [("HBV", "Hepatitis B virus")]),
        # notes
        ("Long Short-Term Memory (LSTM) networks", [("LSTM", "Long Short-Term Memory")]),
        ("DoS (denial of service) is common", [("DoS", "denial of service")]),
        ("true positives ( TP ) are counted", [("TP", "true positives")]),
        ("SVM stands for support vector machine", [("SVM", "support vector machine")]),
        (
            "Cells store adenosine triphosphate, or ATP, for energy",
            [("ATP", "adenosine triphosphate")],
        ),
        ("a binary search tree, or BST.", [("BST", "binary search tree")]),
        ("output is gross domestic product, aka GDP.", [("GDP", "gross domestic product")]),
        # the reference implementation's test cases
        ("The endoplasmic reticulum (ER) in yeast", [("ER", "endoplasmic reticulum")]),
        (
            "a homolog of Wiskott-Aldrich syndrome protein (WASP), and",
            [("WASP", "Wiskott-Aldrich syndrome protein")],
        ),
        ("Ribonuclease P (RNase P) is ubiquitous", [("RNase P", "Ribonuclease P")]),
        (
            "separated by sodium dodecyl sulfate-polyacrylamide gel electrophoresis (SDS-PAGE)",
            [("SDS-PAGE", "sodium dodecyl sulfate-polyacrylamide gel electrophoresis")],
        ),
        (
            "using matrix-assisted laser desorption/ionization (MALDI) mass spectrometry",
            [("MALDI", "matrix-assisted laser desorption/ionization")],
        ),
        ("Theory of mind (ToM; Smith 2009) refers to", [("ToM", "Theory of mind")]),
        ("Applications of text-to-speech (TTS) include:", [("TTS", "text-to-speech")]),
        (
            "the Open Researcher and Contributor iD (ORCID) service",
            [("ORCID", "Open Researcher and Contributor iD")],
        ),
        (
            "the serotonin receptor binds 5-hydroxytryptamine (5-HT)",
            [("5-HT", "5-hydroxytryptamine")],
        ),
        ("the three RGB (red, green, and blue) channels", [("RGB", "red, green, and blue")]),
        # no abbreviation
        ("pick the red one, or GREEN, instead", []),
        ("the loss (see above) grows", []),
        ("significant (p < 0.05) effects", []),
        ("as shown by Smith (2003)", []),
    ],
)
def test_concepts_abbreviations_schwartz_hearst(text, pairs):
    assert list(abbreviations(text)) == pairs


def test_concepts_best_long_form_needs_the_first_letter_at_a_word_start():
    assert best_long_form("SC", "scientific computing") == "scientific computing"
    assert best_long_form("SC", "discrete") is None


def test_concepts_best_long_form_takes_letters_from_inside_words():
    assert best_long_form("ATP", "stores adenosine triphosphate") == "adenosine triphosphate"
    assert best_long_form("DNA", "deoxyribonucleic acid") == "deoxyribonucleic acid"


@pytest.mark.parametrize(
    ("short", "text", "long"),
    [
        ("ATP", "adenosine triphosphate", "adenosine triphosphate"),
        ("ATP", "adenosine triphosphate, the energy carrier of cells", "adenosine triphosphate"),
        ("DNS", "the Domain Name System maps names to addresses", "Domain Name System"),
        ("GDP", "gross domestic product (all output)", "gross domestic product"),
        ("EU", "European Union => one market", "European Union"),
        ("RAM", "random access memory", "random access memory"),
        # the words after the label do not spell the short form out whole
        ("RAM", "random", None),
        ("RAM", "random, fast storage", None),
        ("CPU", "a chip that runs programs", None),
        ("TCP", "the protocol: reliable transport", None),
        ("BoE", "sets interest rates", None),
        ("NaCl", "sodium and chlorine atoms", None),
        ("CAT", "carbon and nitrate react", None),
    ],
)
def test_concepts_spelled_out_takes_the_whole_phrase_after_a_label(short, text, long):
    assert spelled_out(short, text) == long


@pytest.mark.parametrize(
    ("title", "kind", "body", "short", "long", "merged"),
    [
        (
            "Cell energy",
            "heading",
            "ATP – adenosine triphosphate",
            "atp",
            "adenosine triphosphate",
            True,
        ),
        (
            "Cell energy",
            "heading",
            "ATP: adenosine triphosphate, the energy carrier of cells.",
            "atp",
            "adenosine triphosphate",
            True,
        ),
        (
            "Economy",
            "heading",
            "GDP = gross domestic product",
            "gdp",
            "gross domestic product",
            True,
        ),
        (
            "Economy",
            "heading",
            "GDP aka gross domestic product",
            "gdp",
            "gross domestic product",
            True,
        ),
        (
            "DNS",
            "term",
            "Domain Name System, the service that maps names to addresses.",
            "dns",
            "domain name system",
            True,
        ),
        (
            "What does DNS stand for?",
            "question",
            "Domain Name System.",
            "dns",
            "domain name system",
            True,
        ),
        # a symbol with an index: the words before its letters' words say which one
        (
            "LD50",
            "term",
            "Median lethal dose: the dose that kills half of a population.",
            "ld50",
            "median lethal dose",
            True,
        ),
        ("LD50", "term", "Dose that kills half of a population.", "ld50", "dose", False),
        # the words after the label only begin with letters that fit
        ("Economy", "heading", "GDP: growth depends on productivity.", "gdp", "growth", False),
        ("Memory", "heading", "RAM: random, fast storage.", "ram", "random", False),
        ("Networks", "heading", "TCP: the protocol carries pages.", "tcp", "protocol", False),
        (
            "What is the role of ATP?",
            "question",
            "Acids with tryptophan bind it.",
            "atp",
            "acids with tryptophan",
            False,
        ),
    ],
)
def test_concepts_merge_abbreviation_spelled_out_beside_it(title, kind, body, short, long, merged):
    index = extract_concepts([card(title, body, kind=kind)])
    groups = [{c.key.lower() for c in s.candidates} for s in index.candidates]
    assert any({short, long} <= g for g in groups) is merged, groups
    rules = {(m.name.lower(), m.rule) for s in index.candidates for m in s.merges}
    assert ((short, "spelled_out") in rules) is merged, rules
    if merged:
        off = extract_concepts([card(title, body, kind=kind)], disabled={"spelled_out"})
        rules = {(m.name.lower(), m.rule) for s in off.candidates for m in s.merges}
        assert (short, "spelled_out") not in rules


@pytest.mark.parametrize(
    ("body", "word", "mentions"),
    [
        # the capitalised complement of a proper name "X of Y" is a word of that name,
        # at the start of a line too, where the parser splits the name
        ("- Treaty of Ghent (1814)\n- Treaty of Ghent, unlike the Jay Treaty, ended it",
         "ghent", 0),
        ("Bank of England, unlike the Fed, sets rates in London.", "england", 0),
        ("Gulf of Mexico storms reach Texas in autumn.", "mexico", 0),
        # used on its own too, it is still a name of its own there
        ("Bank of England, unlike the Fed, sets rates. Wool is shipped from England.",
         "england", 1),
        # a common noun's complement is a noun phrase of its own
        ("The rate of diffusion rises with heat.", "diffusion", 1),
    ],
)  # fmt: skip
def test_concepts_names_word_of_a_proper_name_is_no_mention(body, word, mentions):
    index = extract_concepts([card("Notes", body, kind="heading")])
    keys = {c.key.lower(): c for s in index.candidates for c in s.candidates}
    assert (keys[word].roles["mention"] if word in keys else 0) == mentions, sorted(keys)


@pytest.mark.parametrize(
    ("body", "name", "mentions"),
    [
        # a label naming a process by a verb's -ing form is a mention too, as a label the
        # noun chunker reads as a noun phrase is
        ("Setting up: the potter centres the clay on the wheel.", "setting up", 1),
        ("Wedging: kneading the clay to push out the air.", "wedging", 1),
        ("Glaze recipe: a list of oxides and their weights.", "glaze recipe", 1),
        # a label that reads as a clause gets no mention it lacks
        ("Using the wheel for large pots: centre the clay first.", "using the wheel", 0),
    ],
)
def test_candidates_label_with_a_verb_form_counts_as_a_mention(body, name, mentions):
    index = extract_concepts([card("Pottery", body, kind="heading")])
    keys = {c.key.lower(): c for s in index.candidates for c in s.candidates}
    assert keys[name].roles["label"] == 1, sorted(keys)
    assert keys[name].roles["mention"] == mentions


@pytest.mark.parametrize(
    ("body", "name", "described"),
    [
        # a lone "-ing" word opening a sentence as its subject names a technique by what
        # it does; the chunker leaves it out, the clause sets it apart
        ("The cook heats oil. Blanching stops the enzymes in the beans.", "blanching", 1),
        ("Poaching cooks food gently, while braising softens tough cuts.", "braising", 1),
        # with a word of its own it is an act, not a name
        ("The cook heats oil. Blanching beans stops their enzymes.", "blanching", 0),
        # an adverb before "the": still the notes' own thing, not a kind
        ("Heat the oil. The sauce thickens and only the chef tastes it.", "chef", 0),
        # a first clause the parser hung as a complement on the main verb after it
        (
            "The barn is cold. A heat lamp keeps the chicks warm, so the farmer saves on heating.",
            "heat lamp",
            1,
        ),
    ],
)
def test_candidates_subject_of_what_it_does_is_described(body, name, described):
    index = extract_concepts([card("Cooking", body, kind="heading")])
    keys = {c.key.lower(): c for s in index.candidates for c in s.candidates}
    assert keys.get(name, cand(name)).roles["described"] == described, sorted(keys)


@pytest.mark.parametrize(
    ("body", "short", "long"),
    [
        # capitals joined by an ampersand abbreviate as other acronyms do
        ("Profit and loss (P&L) - a statement of revenue and costs.", "p&l", "profit and loss"),
        ("Mergers and acquisitions (M&A): firms buying firms.", "m&a", "mergers and acquisitions"),
    ],
)
def test_concepts_merge_an_acronym_joined_by_an_ampersand(body, short, long):
    index = extract_concepts([card("Business", body, kind="heading")])
    groups = [{c.key.lower() for c in s.candidates} for s in index.candidates]
    assert any({short, long} <= g for g in groups), groups


@pytest.mark.parametrize(
    ("body", "label", "other", "merged"),
    [
        # a bracket closing a label's explanation with a naming cue names the label
        (
            "Tariff = a tax on imported goods (also called an import duty).\nQuotas cap imports.",
            "tariff",
            "import duty",
            True,
        ),
        (
            "Fast ice - sea ice fixed to the shore (also known as landfast ice, LFI).",
            "fast ice",
            "landfast ice",
            True,
        ),
        # "or" may give another thing: no naming cue, no merge
        ("Hacksaw - a saw for cutting pipes (or metal bars).", "hacksaw", "metal bar", False),
    ],
)
def test_concepts_merge_a_label_with_the_name_its_explanation_gives(body, label, other, merged):
    index = extract_concepts([card("Notes", body, kind="heading")])
    groups = [{c.key.lower() for c in s.candidates} for s in index.candidates]
    assert any({label, other} <= g for g in groups) is merged, groups


@pytest.mark.parametrize(
    ("title", "hidden", "name"),
    [
        # after an article the hidden word is a noun the tagger may read as an adjective
        ("In arithmetic, one half is the reciprocal of two.", "reciprocal", "reciprocal"),
        # an adjective said of something names nothing
        ("Two chords are consonant when they sound stable.", "consonant", ""),
    ],
)
def test_candidates_cloze_hiding_a_word_after_an_article_names_it(title, hidden, name):
    at = title.index(hidden)
    cloze = Card(
        "n#1", "n.csv", "csv", (1, 1), title, "", title_kind="cloze",
        emphasis=(Emphasis("title", at, at + len(hidden), "cloze"),),
    )  # fmt: skip
    index = extract_concepts([cloze])
    keys = {c.key.lower(): c for s in index.candidates for c in s.candidates}
    cloze_keys = {k for k, c in keys.items() if c.roles["cloze"]}
    assert cloze_keys == ({name} if name else set()), sorted(keys)


@pytest.mark.parametrize(
    ("title", "name", "kept"),
    [
        # a card or heading that points into the course's materials names nothing
        ("!! memorize the diagram on page 40", "diagram on page 40", False),
        ("Graphs from lecture 4", "graph from lecture 4", False),
        # a number that is part of a name stays
        ("Chapter 11 bankruptcy", "chapter bankruptcy", True),
    ],
)
def test_candidates_a_pointer_into_the_materials_names_nothing(title, name, kept):
    index = extract_concepts([card(title, "Know it well.", kind="term")])
    keys = {c.key.lower() for s in index.candidates for c in s.candidates}
    assert (name in keys) is kept, sorted(keys)
    if not kept:  # nor is a run of it ("memorize the diagram"): at most its single words
        assert all(" " not in k for k in keys), sorted(keys)


# -- merging: each rule, and what it leaves alone ------------------------------------


def cand(key: str, count: int = 1, cards=("c1",), subject: bool = False) -> Candidate:
    c = Candidate(key)
    c.forms[key] = count
    c.roles["mention"] = count
    c.count = count
    c.cards = set(cards)
    if subject:
        c.subject_of = [card(key, "", kind="term")]
    return c


def groups_of(*cands: Candidate, disabled=()) -> dict[str, set[str]]:
    result = merge({c.key: c for c in cands}, disabled=disabled)
    return {key: {c.key for c in group} for key, group in result.groups.items()}


def same_group(groups: dict[str, set[str]], a: str, b: str) -> bool:
    return any({a, b} <= members for members in groups.values())


def test_concepts_merge_rules_are_named():
    assert set(RULES) >= {"spelling", "abbreviation", "gloss", "initials", "generic_head", "typo"}


def test_concepts_merge_spelling_variants():
    groups = groups_of(cand("batch normalisation"), cand("Batch Normalization"))
    assert same_group(groups, "batch normalisation", "Batch Normalization")


@pytest.mark.parametrize(
    ("phrase", "compound", "merged"),
    [
        ("rate of reaction", "reaction rate", True),  # the compound of the same words
        ("rate of reactions", "reaction rate", True),
        ("elasticity of demand", "demand elasticity", True),
        ("erosion of the coastlines", "coastline erosion", True),  # an article, a plural
        ("types of rock", "rock types", False),  # a framing noun frames what follows
        ("role of enzymes", "enzyme role", False),
        ("speed of the wave", "wave speed", False),  # one thing the article points at
        ("rate of reaction", "reaction time", False),  # not the same words
    ],
)
def test_concepts_merge_an_of_phrase_with_the_compound_of_its_words(phrase, compound, merged):
    groups = groups_of(cand(phrase, 2), cand(compound, 2))
    assert same_group(groups, phrase, compound) is merged


@pytest.mark.parametrize(
    ("a", "b", "merged"),
    [
        ("tumour growth", "tumor growth", True),  # British and American spellings
        ("behaviour", "behavior", True),
        ("centre of mass", "center of mass", True),
        ("optical fibres", "optical fiber", True),
        ("signalling pathway", "signaling pathway", True),
        ("haemoglobin", "hemoglobin", True),
        ("oesophagus", "esophagus", True),
        ("product catalogue", "product catalog", True),
        ("Newton's laws", "Newton laws", True),  # a possessive
        ("protein analyses", "protein analysis", True),  # a plural, not a verb
        ("type II error", "type 2 error", True),  # a Roman numeral, a digit
        ("phase III trial", "phase three trial", True),
        ("β-oxidation", "beta oxidation", True),  # a Greek letter or its name
        ("ΔG", "delta G", True),
        ("type I error", "type II error", False),
        ("filling", "filing", False),  # English words that are not spellings of one
        ("poet", "pet", False),
        ("core", "cor", False),
        ("hour", "hor", False),
    ],
)
def test_concepts_merge_spelling_variants_of_one_word(a, b, merged):
    assert same_group(groups_of(cand(a), cand(b)), a, b) is merged


def test_concepts_merge_initials_of_one_name():
    groups = groups_of(cand("recurrent neural network"), cand("RNN"))
    assert same_group(groups, "recurrent neural network", "RNN")


@pytest.mark.parametrize(
    ("joined_roles", "merged"),
    [
        ({"shared_head": 1}, True),  # "salinity and sea ice": "salinity ice" is read, not written
        ({"mention": 1}, False),  # a name the notes write: two names fit, neither
    ],
)
def test_concepts_merge_initials_skip_a_name_read_from_a_coordination(joined_roles, merged):
    joined = cand("salinity ice")
    joined.roles.clear()
    joined.roles.update(joined_roles)
    groups = groups_of(cand("sea ice"), joined, cand("SI"))
    assert same_group(groups, "sea ice", "SI") is merged


@pytest.mark.parametrize(
    ("acronym", "names", "spelled_out"),
    [
        ("vCPU", ("virtual CPU",), "virtual CPU"),  # initials, then the acronym it ends in
        ("dsDNA", ("double-stranded DNA",), "double-stranded DNA"),
        ("VCPUs", ("virtual CPU",), "virtual CPU"),
        ("vCPU", ("virtual CPU", "vector CPU"), None),  # two names fit: neither
        ("eSIM", ("electronic SIM", "expired SIM"), "electronic SIM"),  # a participle: no kind
        ("eSIM", ("exported SIM", "expired SIM"), None),
        ("GC", ("GC content",), None),  # a name that holds the acronym spells nothing
        ("PCs", ("PC case",), None),
    ],
)
def test_concepts_merge_initials_of_a_name_ending_in_an_acronym(acronym, names, spelled_out):
    groups = groups_of(cand(acronym), *(cand(n) for n in names))
    merged = [n for n in names if same_group(groups, acronym, n)]
    assert merged == ([spelled_out] if spelled_out else [])


@pytest.mark.parametrize(
    ("acronym", "names", "spelled_out"),
    [
        ("DB", ("database",), "database"),  # two English nouns run together
        ("HW", ("homework",), "homework"),
        ("PW", ("password", "osmosis"), "password"),
        ("PS", ("photosynthesis", "photosystem"), None),  # two names fit: neither
        ("OS", ("osmosis",), None),  # no compound
        ("UF", ("underfitting",), None),  # "under" is no noun
    ],
)
def test_concepts_merge_initials_of_a_closed_compound(acronym, names, spelled_out):
    groups = groups_of(cand(acronym), *(cand(n) for n in names))
    merged = [n for n in names if same_group(groups, acronym, n)]
    assert merged == ([spelled_out] if spelled_out else [])


@pytest.mark.parametrize(
    ("acronym", "role", "acronym_card", "name", "name_card", "merged"),
    [
        # every letter a word's initial, the acronym used alone: no shared card needed
        ("PSU", "mention", "c2", "power supply unit", "c1", True),
        # only ever the first word of other names ("PSU fan"): a card must use both
        ("PSU", "nested", "c2", "power supply unit", "c1", False),
        ("PSU", "nested", "c1", "power supply unit", "c1", True),
        # a letter before an acronym kept whole stands for any word that starts with it
        ("eSIM", "mention", "c2", "embedded SIM", "c1", False),
        ("eSIM", "mention", "c1", "embedded SIM", "c1", True),
        # two letters of one word run together
        ("HW", "mention", "c2", "homework", "c1", False),
        ("HW", "mention", "c1", "homework", "c1", True),
    ],
)
def test_concepts_merge_initials_need_a_shared_card_or_a_whole_spelling(
    acronym, role, acronym_card, name, name_card, merged
):
    short = cand(acronym, 2, cards=(acronym_card,))
    if role == "nested":
        short.roles = Counter({"acronym": 2, "nested": 2})
    groups = groups_of(short, cand(name, cards=(name_card,)))
    assert same_group(groups, acronym, name) is merged


def merged_by(cards: list[Card], a: str, b: str, disabled=()) -> tuple[bool, set[str]]:
    """Are ``a`` and ``b`` one group in ``cards``, and by which rules was ``a`` merged?"""
    index = extract_concepts(cards, disabled=disabled)
    groups = [{c.key.lower() for c in s.candidates} for s in index.candidates]
    rules = {m.rule for s in index.candidates for m in s.merges if m.name.lower() == a}
    return any({a, b} <= g for g in groups), rules


@pytest.mark.parametrize(
    ("cards", "bare", "compound", "merged"),
    [
        # the heading names the compound: the action noun alone is its short name
        (
            [("Enzyme inhibition", "Enzyme inhibition slows it. Inhibition is reversible.")],
            "inhibition",
            "enzyme inhibition",
            True,
        ),
        # the heading names it by its verb and object
        (
            [
                ("Inhibit enzymes", "Inhibition is often reversible."),
                ("Drugs", "Many drugs rely on enzyme inhibition."),
            ],
            "inhibition",
            "enzyme inhibition",
            True,
        ),
        # a heading above the card names it
        (
            [
                ("Reversible or not", "Inhibition is often reversible.", "Enzyme inhibition"),
                ("Drugs", "Many drugs rely on enzyme inhibition."),
            ],
            "inhibition",
            "enzyme inhibition",
            True,
        ),
        # the card names the compound in full first
        (
            [("Drugs", "Many drugs rely on enzyme inhibition. Inhibition can be reversible.")],
            "inhibition",
            "enzyme inhibition",
            True,
        ),
        # the head alone before the full name
        (
            [("Drugs", "Inhibition can be reversible. Many drugs rely on enzyme inhibition.")],
            "inhibition",
            "enzyme inhibition",
            False,
        ),
        # two compounds on the head
        (
            [
                (
                    "Enzyme inhibition",
                    "Enzyme inhibition and feedback inhibition differ. Inhibition is common.",
                )
            ],
            "inhibition",
            "enzyme inhibition",
            False,
        ),
        # used alone in a card about something else
        (
            [
                ("Enzyme inhibition", "Enzyme inhibition slows a reaction."),
                ("Neurons", "Inhibition quiets a neuron."),
            ],
            "inhibition",
            "enzyme inhibition",
            False,
        ),
        # an adjective is no object of the action
        (
            [("Drying", "Rapid evaporation cools a surface. Evaporation takes heat.")],
            "evaporation",
            "rapid evaporation",
            False,
        ),
        # a gerund says what kind of action or result, it is no object of the action
        (
            [("Polling selection", "The polling selection is the selection of a few voters.")],
            "selection",
            "polling selection",
            False,
        ),
        (
            [("Ranking distribution", "A ranking distribution is the distribution of ranks.")],
            "distribution",
            "ranking distribution",
            False,
        ),
        # a noun that names a thing, not an action
        (
            [("Hash table", "A hash table stores keys. The table grows when it is full.")],
            "table",
            "hash table",
            False,
        ),
    ],
)
def test_concepts_merge_the_bare_head_of_the_one_compound_in_its_cards(
    cards, bare, compound, merged
):
    built = [
        replace(card(title, body, n=i, kind="heading"), section=tuple(section))
        for i, (title, body, *section) in enumerate(cards, 1)
    ]
    together, rules = merged_by(built, bare, compound)
    assert together is merged
    assert ("bare_head" in rules) is merged
    if merged:
        assert not merged_by(built, bare, compound, disabled={"bare_head"})[0]


@pytest.mark.parametrize(
    ("word", "pos", "noun", "merged"),
    [
        ("evaporate", "VERB", "evaporation", True),  # a verb names the process
        ("deploy", "VERB", "deployment", True),
        ("resist", "VERB", "resistance", True),
        ("diffuse", "ADJ", "diffusion", False),  # an adjective: "diffuse light"
        ("commit", "NOUN", "commitment", False),  # a noun names a thing of its own
        ("evaporate", "VERB", "condensation", False),
    ],
)
def test_concepts_merge_a_verb_used_as_a_name_into_its_noun(word, pos, noun, merged):
    verb = cand(word)
    verb.shapes[Shape(1, pos=(pos,))] = 1
    assert same_group(groups_of(verb, cand(noun, 3)), word, noun) is merged


@pytest.mark.parametrize(
    ("short", "long", "merged"),
    [
        ("KL divergence", "Kullback-Leibler divergence", True),
        ("RL agent", "reinforcement learning agent", True),
        ("KL divergence", "Kullback-Leibler loss", False),  # not the same last words
        # initials set apart by hyphens or full stops are a short form too
        ("P-V diagram", "pressure-volume diagram", True),
        ("S.N. curve", "stress number curve", True),
        ("P-V diagram", "phase diagram", False),  # one word spells no two initials
        ("X-ray source", "xenon-radon source", False),  # a capital with a word: no initials
    ],
)
def test_concepts_merge_an_acronym_for_the_first_words_of_a_name(short, long, merged):
    assert same_group(groups_of(cand(short), cand(long)), short, long) is merged


@pytest.mark.parametrize(
    ("short", "long", "merged"),
    [
        # a word of combining forms gives a letter for each part
        ("SA node", "sinoatrial node", True),
        ("GI tract", "gastrointestinal tract", True),
        ("AV valve", "atrioventricular valve", True),
        ("SA node", "saline node", False),  # no combining form: one letter
        ("BL unit", "biology unit", False),  # "logy" is no word of its own
    ],
)
def test_concepts_merge_an_acronym_for_a_word_of_combining_forms(short, long, merged):
    assert same_group(groups_of(cand(short, 2), cand(long, 2)), short, long) is merged


@pytest.mark.parametrize(
    ("acronym_roles", "other", "merged"),
    [
        ({"mention": 2}, None, True),  # used alone
        ({"acronym": 1, "nested": 1}, None, True),  # only ever opening "SA node"
        # inside a name it does not open, it may be something else there
        ({"acronym": 1, "nested": 2}, "left SA block", False),
    ],
)
def test_concepts_merge_an_acronym_with_its_name_of_combining_forms(acronym_roles, other, merged):
    acronym = cand("SA", 2, cards=("c2",))
    acronym.roles = Counter(acronym_roles)
    names = [cand(n, 2) for n in ("SA node", "sinoatrial node", *([other] if other else []))]
    assert same_group(groups_of(acronym, *names), "SA", "sinoatrial node") is merged


def test_concepts_merge_an_acronym_for_the_first_words_only_when_one_name_fits():
    groups = groups_of(
        cand("RL agent"), cand("reinforcement learning agent"), cand("random linear agent")
    )
    assert not same_group(groups, "RL agent", "reinforcement learning agent")


@pytest.mark.parametrize(
    ("sentence", "outer", "inner", "merged"),
    [
        ("The GPU (Graphics Processing Unit) is fast.", "GPU", "graphics processing unit", True),
        (
            "Measure the mean absolute error (mae) first.",
            "mean absolute error",
            "mae",
            True,
        ),
        (
            "The bagging method (random forests) averages trees.",
            "bagging method",
            "random forest",
            False,
        ),
        # a symbol of letters and an index: the letters are the last words' initials
        ("The initial velocity (V0) is zero here.", "initial velocity", "V0", True),
        ("The reference pressure (P0) is one bar.", "reference pressure", "P0", True),
        ("The sample variance (D2) shrinks with n.", "sample variance", "D2", False),
        (
            "Guilds guarded trade secrets (craft monopoly).",
            "trade secret",
            "craft monopoly",
            False,
        ),
    ],
)
def test_concepts_gloss_merges_only_a_short_form(sentence, outer, inner, merged):
    index = extract_concepts([card("Notes", sentence, kind="heading")])
    group = {s.root: {n.lower() for n in s.names} for s in index.candidates}
    of = {name: root for root, members in group.items() for name in members}
    assert outer.lower() in of and inner.lower() in of, group
    assert (of[outer.lower()] == of[inner.lower()]) is merged


@pytest.mark.parametrize(
    ("sentence", "person", "gloss"),
    [
        # a surname in brackets closing its sentence credits who said it
        ("Rivers carve valleys over millions of years (Hutton).", "hutton", False),
        ("Memory fades fast at first (Ebbinghaus)", "ebbinghaus", False),
        # inside the sentence the bracket may still name a kind
        ("A cordgrass (Spartina) binds the mud of salt marshes.", "spartina", True),
    ],
)
def test_concepts_a_credit_closing_a_sentence_glosses_nothing(sentence, person, gloss):
    index = extract_concepts([card("Notes", sentence, kind="heading")])
    roles = {c.key.lower(): c.roles for s in index.candidates for c in s.candidates}
    assert ("gloss" in roles.get(person, {})) is gloss, roles


@pytest.mark.parametrize(
    ("title", "body", "longer", "shorter", "merged"),
    [
        # a Title Case title tags the adjective as a proper noun
        (
            "Why do Large Volcanic Islands erode?",
            "Large islands erode slowly.",
            "large volcanic island",
            "large island",
            True,
        ),
        (
            "Why do Large Coral Islands erode?",
            "Large islands erode slowly.",
            "large coral island",
            "large island",
            False,
        ),
        (
            "Why do Mature Red Blood Cells die?",
            "Mature blood cells die.",
            "mature red blood cell",
            "mature blood cell",
            False,
        ),
    ],
)
def test_concepts_merge_an_inner_adjective_of_a_title_case_title(
    title, body, longer, shorter, merged
):
    index = extract_concepts([card(title, body)])
    of = {n.lower(): s.root for s in index.candidates for n in s.names}
    assert longer in of and shorter in of, of
    assert (of[longer] == of[shorter]) is merged


@pytest.mark.parametrize(
    ("title", "body", "a", "b", "merged"),
    [
        (
            "What is an osmotic/water potential?",
            "How freely water moves. Water potential and osmotic potential drive osmosis.",
            "osmotic potential",
            "water potential",
            True,
        ),
        # a plural asks about two kinds
        (
            "What are inner/outer ears?",
            "The inner ear balances us and the outer ear gathers sound.",
            "inner ear",
            "outer ear",
            False,
        ),
        # acronyms joined by a slash name a pair of things
        (
            "What is a TCP/IP stack?",
            "A TCP stack differs from an IP stack.",
            "tcp stack",
            "ip stack",
            False,
        ),
    ],
)
def test_concepts_merge_slash_alternatives_of_a_singular_question(title, body, a, b, merged):
    index = extract_concepts([card(title, body)])
    of = {n.lower(): s.root for s in index.candidates for n in s.names}
    assert a in of and b in of, of
    assert (of[a] == of[b]) is merged


@pytest.mark.parametrize(
    ("title", "named"),
    [
        ("Enzymes: Denaturation", {"denaturation"}),
        ("Chapter 3: Photosynthesis", {"photosynthesis"}),
        ("Note: heat the sample slowly before you weigh it", set()),  # no short subtopic
    ],
)
def test_concepts_candidates_a_heading_names_what_follows_its_colon(title, named):
    index = extract_concepts([card(title, "Heat changes the shape of the site.", kind="heading")])
    headings = {s.root for s in index.candidates if any(c.roles["heading"] for c in s.candidates)}
    assert headings == named


@pytest.mark.parametrize(
    ("heading", "paragraph", "named"),
    [
        # a heading that asks for kinds names the thing whose kinds it lists, as a card does
        ("What are the main hive types?", "The Langstroth hive uses removable frames.", "hive"),
        ("What Are the Main Rock Types?", "Granite is a rock that cools slowly.", "rock"),
        ("What are common fern kinds?", "The tree fern grows a tall trunk.", "fern"),
        ("What are the main glacier varieties?", "A valley glacier fills a valley.", "glacier"),
        ("What are some SUV basic architectures?", "The estate SUV adds seats to the SUV.", "SUV"),
        ("What Are Some SUV Basic Architectures?", "The estate SUV adds seats to the SUV.", "SUV"),
        ("What are the types of rock?", "Basalt is a dark volcanic rock.", "rock"),
        # the other questions: what a thing is, how or why it does something
        ("What is osmosis?", "Osmosis is the movement of water across a membrane.", "osmosis"),
        ("How does a kiln work?", "A kiln heats clay until the clay hardens.", "kiln"),
        ("How does a glacier form?", "Snow is pressed into ice over many winters.", "glacier"),
        ("Why do glaciers move?", "Ice deforms under its own weight and flows.", "glacier"),
    ],
)
def test_concepts_candidates_a_markdown_heading_that_asks_reads_as_a_question_card(
    heading, paragraph, named
):
    from extraction.readers import read_bytes

    note = f"## {heading}\n\n{paragraph}\n".encode()
    index = extract_concepts(read_bytes(note, path="n.md").cards)
    headings = {c.key for s in index.candidates for c in s.candidates if c.roles["heading"]}
    asked = extract_concepts([card(heading, paragraph)])
    questions = {c.key for s in asked.candidates for c in s.candidates if c.roles["question"]}
    assert headings == questions == {named}, (headings, questions)


@pytest.mark.parametrize(
    ("title", "named"),
    [
        # one word, then "with"/"using"/"via", then a name: both sides, not the heading
        ("Problems with Varnish", {"problem", "varnish"}),
        ("Polishing using Pumice", {"polishing", "pumice"}),
        ("Navigation via Sextants", {"navigation", "sextant"}),
        # two words before the preposition may name one thing
        ("Crop Rotation with Legumes", {"crop rotation with legumes"}),
    ],
)
def test_concepts_candidates_a_heading_of_one_word_with_a_name_names_both_sides(title, named):
    index = extract_concepts([card(title, "Heat changes the shape of the site.", kind="heading")])
    headings = {c.key for s in index.candidates for c in s.candidates if c.roles["heading"]}
    assert headings >= named
    assert any(" with " in k for k in headings) is title.startswith("Crop")


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("Glossary", "term"),
        ("Key terms", "term"),
        ("Vocabulary", "term"),
        ("Definitions", "term"),
        # a heading that lists no terms leaves a label line a label
        ("Firing the kiln", "label"),
        ("Terms and conditions", "label"),
    ],
)
def test_concepts_candidates_a_label_line_under_a_term_list_heading_is_a_term(heading, role):
    body = "Slip: liquid clay used to join pieces.\nGrog: fired clay ground into grains."
    index = extract_concepts([card(heading, body, kind="heading")])
    roles = {c.key: c.roles for s in index.candidates for c in s.candidates}
    assert roles["slip"][role] == 1 and roles["grog"][role] == 1, roles


@pytest.mark.parametrize(
    ("sentence", "subject", "defined"),
    [
        # a subject that ranks its kind names nothing: the sentence names what comes first
        ("The most common hive is the Langstroth hive.", "common hive", False),
        ("The largest planet is Jupiter.", "largest planet", False),
        ("The best-known glaze is celadon.", "glaze", False),
        ("A drone is a male honey bee.", "drone", True),
        # a subject that picks out one of its kind before a bare name names nothing
        ("The main pest is varroa: a mite that feeds on bees.", "main pest", False),
        ("The key products are honey, wax and propolis.", "key product", False),
        # with an article after the copula it may be defined
        ("The main hive is the hive that holds the queen.", "main hive", True),
    ],
)
def test_concepts_candidates_a_subject_that_ranks_its_kind_is_not_defined(
    sentence, subject, defined
):
    index = extract_concepts([card("Bees", sentence, kind="heading")])
    roles = Counter()
    for s in index.candidates:
        for c in s.candidates:
            if subject in c.key:
                roles += c.roles
    assert bool(roles["defined"]) is defined


@pytest.mark.parametrize(
    ("sentence", "subject", "defined"),
    [
        # a defined name with an "of" complement and no article is one name
        ("Angle of incidence is the angle of a ray to the normal.", "angle of incidence", True),
        ("Coefficient of friction is a ratio of two forces.", "coefficient of friction", True),
        # "the" before a complement of English words with no article of its own
        ("The rate of decay is the share of atoms lost a year.", "rate of decay", True),
        # one thing an article points at, or a framing noun, is none
        ("The speed of the wave is the distance it covers.", "speed of the wave", False),
        ("The value of xk is the sum of the weights.", "value of xk", False),
        ("Types of lens are convex and concave.", "types of lens", False),
    ],
)
def test_concepts_candidates_a_defined_name_keeps_its_of_complement(sentence, subject, defined):
    index = extract_concepts([card("Optics", sentence, kind="heading")])
    roles = {c.key: c.roles for s in index.candidates for c in s.candidates}
    assert bool(roles.get(subject, {}).get("defined")) is defined, roles


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("A prism is any transparent block with flat faces.", "prism"),
        ("A lens is a curved piece of glass.", "lens"),
    ],
)
def test_concepts_candidates_is_any_defines_its_subject(sentence, subject):
    """ "X is any ..." says what X is, as "X is a ..." does."""
    index = extract_concepts([card("Optics", sentence, kind="heading")])
    roles = {c.key: c.roles for s in index.candidates for c in s.candidates}
    assert roles.get(subject, {}).get("defined"), roles


@pytest.mark.parametrize(
    ("label", "cards", "field"),
    [
        ("Mechanism", 3, True),  # a field of every card: no name
        ("Catalyst", 3, True),
        ("Catalyst", 2, False),  # two cards: a name the notes explain twice
    ],
)
def test_concepts_candidates_a_label_opening_lines_of_many_cards_is_a_field(label, cards, field):
    topics = [
        ("Amylase", "breaks starch into sugars"),
        ("Lipase", "splits fats into fatty acids"),
        ("Pepsin", "cuts proteins in the stomach"),
    ]
    index = extract_concepts(
        [
            card(title, f"{label}: {rest}", n=i + 1, kind="term")
            for i, (title, rest) in enumerate(topics[:cards])
        ]
    )
    roots = {s.root for s in index.candidates}
    labelled = {s.root for s in index.candidates if any(c.roles["label"] for c in s.candidates)}
    assert (label.lower() not in roots) if field else (label.lower() in labelled)


@pytest.mark.parametrize(
    ("line", "labelled"),
    [
        # a label that sets a name in a context names it
        ("Enzyme activity at low temperature: it slows down.", "enzyme activity"),
        ("Soil erosion on steep slopes: rain washes the topsoil away.", "soil erosion"),
        ("Shrinking glaciers in warm summers: meltwater rises.", "shrinking glacier"),
        # one word before the preposition is a section's topic, not a name
        ("Problems with sorting: it takes time.", None),
        ("Osmosis in plants: water enters the root.", None),
    ],
)
def test_concepts_candidates_a_label_names_its_topic_before_a_setting(line, labelled):
    index = extract_concepts([card("Notes", f"- {line}", kind="heading")])
    found = {c.key.lower() for s in index.candidates for c in s.candidates if c.roles["label"]}
    assert found == ({labelled} if labelled else set()), found


@pytest.mark.parametrize(
    ("title", "kind", "body", "letter", "named"),
    [
        ("Linear models", "heading", "X is the matrix of the inputs.", "x", False),
        ("Tanks", "heading", "V is the volume of the tank.", "v", False),
        ("Gas laws", "heading", "P denotes the pressure of the gas.", "p", False),
        # a card's term or a heading names what the card is about
        ("R", "heading", "R is a language for statistics.", "r", True),
    ],
)
def test_concepts_candidates_a_letter_alone_is_a_variable(title, kind, body, letter, named):
    index = extract_concepts([card(title, body, kind=kind)])
    assert (letter in {s.root for s in index.candidates}) is named


def test_concepts_merge_initials_through_a_compound_word_the_notes_use_alone():
    with_encoder = groups_of(cand("variational autoencoder"), cand("encoder"), cand("VAE"))
    assert same_group(with_encoder, "variational autoencoder", "VAE")
    without = groups_of(cand("variational autoencoder"), cand("VAE"))
    assert not same_group(without, "variational autoencoder", "VAE")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("hyperparameter", "hyperparameter optimization"),
        ("deep learning", "deep reinforcement learning"),
        ("kernel function", "kernel method"),
        ("large intestine", "small intestine"),
        ("demand", "law of demand"),
    ],
)
def test_concepts_merge_leaves_different_concepts_apart(a, b):
    assert not same_group(groups_of(cand(a, 3), cand(b, 3)), a, b)


@pytest.mark.parametrize(
    ("body", "bare", "merged"),
    [
        # the modifier, read as an adjective, stands alone for the method
        ("Hybrid methods combine two solvers. A hybrid is faster than either.", "hybrid", True),
        ("Hybrid methods join two drives. The hybrid is cheaper than either.", "hybrid", True),
        # used alone before the method is named
        ("A hybrid is faster than either. Hybrid methods combine two solvers.", "hybrid", False),
        # a thing the method belongs to
        ("A class method is called on the class. The class holds shared data.", "class", False),
        ("HTTP methods name an action. HTTP carries pages.", "HTTP", False),
    ],
)
def test_concepts_merge_a_modifier_used_alone_for_its_method(body, bare, merged):
    compound = f"{bare.lower()} method"
    together, rules = merged_by([card("Notes", body, kind="heading")], bare.lower(), compound)
    assert together is merged
    assert ("bare_modifier" in rules) is merged


@pytest.mark.parametrize(
    ("title", "body", "a", "b"),
    [
        (
            "Intestines",
            "The large intestine absorbs water. The small intestine absorbs food. "
            "The intestine is long.",
            "intestine",
            "large intestine",
        ),
        (
            "Hyperparameter optimization",
            "Hyperparameter optimization searches the settings. A hyperparameter is set "
            "before training.",
            "hyperparameter",
            "hyperparameter optimization",
        ),
        (
            "Class method",
            "A class method is called on the class. The class holds shared data.",
            "class",
            "class method",
        ),
        (
            "Plate tectonics",
            "Plate tectonics moves the crust. Each plate floats on the mantle.",
            "plate",
            "plate tectonics",
        ),
    ],
)
def test_concepts_merge_keeps_a_compound_apart_from_its_words_in_its_card(title, body, a, b):
    assert not merged_by([card(title, body, kind="heading")], a, b)[0]


def test_concepts_merge_generic_head_needs_the_bare_name_used():
    used = groups_of(cand("LSTM", 3), cand("LSTM cell", 1))
    assert same_group(used, "LSTM", "LSTM cell")
    nested_only = cand("Hopfield", 0)
    nested_only.roles["nested"] = 1
    apart = groups_of(nested_only, cand("Hopfield network", 2))
    assert not same_group(apart, "Hopfield", "Hopfield network")


@pytest.mark.parametrize(
    ("bare", "longer", "merged"),
    [
        ("LSTM", "LSTM cell", True),  # a specific name: the cell is the LSTM
        ("transformer", "transformer model", True),
        ("attention", "attention mechanism", True),  # an aspect of X is X
        ("pooling", "pooling operation", True),
        ("loss", "loss function", True),
        ("neural network", "neural network model", True),
        ("activation", "activation function", False),  # an activity: another thing
        ("training", "training dataset", False),
        ("machine learning", "machine learning model", False),
        ("language", "language model", False),  # a thing made for a common word
        ("gene", "gene model", False),
        ("memory", "memory unit", False),
        ("enum", "enum type", True),  # a specific name: the type is the enum
        ("NAND", "NAND memory", True),
        ("Rocchio", "Rocchio classifier", True),
        ("kernel density", "kernel density estimator", True),
        ("lasso", "lasso regressor", True),
        ("blood", "blood type", False),  # a thing named after one common word
        ("file", "file type", False),
        ("filtration", "filtration unit", False),  # a thing built for a rare activity
        ("electrolysis", "electrolysis cell", False),
        ("encryption", "encryption network", False),
        ("fermentation", "fermentation dataset", False),
        ("Feistel", "Feistel structure", True),  # "structure" is "architecture"
        ("crystal", "crystal structure", False),  # a thing of a common word: more
        ("protein", "protein structure", False),
        ("filtration", "filtration structure", False),
    ],
)
def test_concepts_merge_generic_head_only_when_it_names_the_same_thing(bare, longer, merged):
    groups = groups_of(cand(bare, 3), cand(longer, 2))  # both used in one card
    assert same_group(groups, bare, longer) is merged


@pytest.mark.parametrize(
    ("base", "longer", "merged"),
    [
        ("peer-to-peer", "peer-to-peer VPN", True),  # the kind, with its class after it
        ("HTTP", "HTTP GET", False),  # a name in capitals: GET is no acronym
        ("LEFT", "LEFT JOIN", False),
        ("Nikon", "Nikon's DSLR", False),  # a thing of its owner's, not the owner
    ],
)
def test_concepts_merge_acronym_suffix_not_in_a_name_in_capitals(base, longer, merged):
    assert same_group(groups_of(cand(base, 2), cand(longer, 2)), base, longer) is merged


@pytest.mark.parametrize(
    ("rest", "longer", "merged"),
    [
        ("window size", "TCP window size", True),  # the window size of the TCP
        ("hash function", "SHA hash function", False),  # SHA is a hash function
        ("cipher model", "AES cipher model", False),
        ("TIDE mark", "HIGH TIDE mark", False),  # words in capitals, no acronym
        ("RNN hidden state", "LSTM RNN hidden state", True),  # acronyms, no English words
    ],
)
def test_concepts_merge_acronym_prefix_not_before_a_generic_head(rest, longer, merged):
    assert same_group(groups_of(cand(rest, 2), cand(longer, 2)), rest, longer) is merged


@pytest.mark.parametrize(
    ("bare", "longer", "cards", "merged"),
    [
        ("osmosis", "osmosis process", (("c1",), ("c1",)), True),  # used together
        ("hashing", "hashing approach", (("c1",), ("c1",)), True),
        ("sorting", "sorting procedure", (("c1",), ("c1",)), True),
        ("translation", "translation task", (("c1",), ("c1",)), True),
        ("crystal", "crystal structure", (("c1",), ("c1",)), False),  # more than one
        # a rare bare name alone is not enough: "Poisson process" is no Poisson
        ("Poisson", "Poisson process", (("c1",), ("c2",)), False),
        ("osmosis", "osmosis process", (("c1",), ("c2",)), False),
    ],
)
def test_concepts_merge_manner_head_only_when_used_together(bare, longer, cards, merged):
    groups = groups_of(cand(bare, 3, cards=cards[0]), cand(longer, 2, cards=cards[1]))
    assert same_group(groups, bare, longer) is merged


@pytest.mark.parametrize(
    ("bare", "longer", "other", "merged"),
    [
        ("osmosis", "osmosis process", "osmosis rate", True),
        # the object of another action: a way of dealing with it, not it
        ("erosion", "erosion strategy", "erosion prevention", False),
        ("drought", "drought approach", "drought management", False),
    ],
)
def test_concepts_merge_manner_head_not_for_what_actions_are_done_to(bare, longer, other, merged):
    groups = groups_of(cand(bare, 3), cand(longer, 2), cand(other, 2))
    assert same_group(groups, bare, longer) is merged


@pytest.mark.parametrize(
    ("longer", "written", "bare", "kind", "merged"),
    [
        # a heading "X kinds / varieties" over a kind of X the notes name is about X
        ("hive kind", "Hive kinds", "hive", "langstroth hive", True),
        ("rock variety", "rock varieties", "rock", "igneous rock", True),
        ("tax category", "Tax categories", "tax", "income tax", True),
        # no kind of X named: the heading names kinds of something else
        ("gene variant", "Gene variants", "gene", "BRCA1 variant", False),
        # a singular "X kind" lists nothing
        ("hive kind", "hive kind", "hive", "langstroth hive", False),
    ],
)
def test_concepts_merge_kinds_heading_is_about_the_name_whose_kinds_it_lists(
    longer, written, bare, kind, merged
):
    heading = cand(longer, 1, subject=True)
    heading.forms = Counter({written: 1})
    groups = groups_of(heading, cand(bare, 2, cards=("c2",)), cand(kind, 2, cards=("c3",)))
    assert same_group(groups, bare, longer) is merged
    if merged:
        assert name_concept([heading, cand(bare, 2)]).id == bare


@pytest.mark.parametrize(
    ("title", "kind", "body", "a", "b", "merged"),
    [
        (
            "Notes",
            "heading",
            "Hash tables are also known as hash maps.",
            "hash table",
            "hash map",
            True,
        ),
        # "sometimes", "often", "commonly" called: another name as "also" gives it
        (
            "Notes",
            "heading",
            "Hash tables are often called hash maps.",
            "hash table",
            "hash map",
            True,
        ),
        (
            "Notes",
            "heading",
            'A plagal cadence is sometimes called the "church" cadence.',
            "plagal cadence",
            "church cadence",
            True,
        ),
        # the subject "they" is what the card is about
        (
            "Cell walls",
            "heading",
            "Cell walls are rigid. They are also called cell envelopes.",
            "cell wall",
            "cell envelope",
            True,
        ),
        (
            "What is osmosis?",
            "question",
            "Also called passive water transport, it moves water.",
            "osmosis",
            "passive water transport",
            True,
        ),
        (
            "Notes",
            "heading",
            "We define the water potential (or osmotic head) of a cell.",
            "water potential",
            "osmotic head",
            True,
        ),
        (
            "Notes",
            "heading",
            "Hash tables (aka dictionaries) map keys.",
            "hash table",
            "dictionary",
            True,
        ),
        # naming without "also" introduces a name; it says nothing of the subject's names
        (
            "Notes",
            "heading",
            "The outer layer is known as the epidermis.",
            "outer layer",
            "epidermis",
            False,
        ),
        # a name stated in brackets is the phrase's before them, never the card's subject
        (
            "What is crop rotation?",
            "question",
            "A practice that alternates plants (also known as crops or cultivars) by season.",
            "crop rotation",
            "crop",
            False,
        ),
        # a bracket that glosses the action, not the phrase before it
        (
            "Notes",
            "heading",
            "Heating the sample in water (or water heating) helps.",
            "water",
            "water heating",
            False,
        ),
    ],
)
def test_concepts_merge_another_name_the_notes_state(title, kind, body, a, b, merged):
    index = extract_concepts([card(title, body, kind=kind)])
    groups = [{c.key.lower() for c in s.candidates} for s in index.candidates]
    assert any({a, b} <= g for g in groups) is merged, groups
    if merged:
        reasons = {m.rule for s in index.candidates for m in s.merges}
        assert "synonym" in reasons
        off = extract_concepts([card(title, body, kind=kind)], disabled={"synonym"})
        assert not any({a, b} <= {c.key.lower() for c in s.candidates} for s in off.candidates)


@pytest.mark.parametrize(
    ("title", "body", "a", "b", "subject"),
    [
        # set off by a comma, the other name is the phrase's before it, not the subject's
        (
            "Plate tectonics",
            "Plate motion is driven by what is called mantle convection, also known as "
            "convective flow.",
            "mantle convection",
            "convective flow",
            "plate motion",
        ),
        (
            "Plate tectonics",
            "We then study plate boundaries, also known as plate margins.",
            "plate boundary",
            "plate margin",
            "plate tectonics",
        ),
    ],
)
def test_concepts_merge_another_name_after_a_comma_names_the_phrase_before_it(
    title, body, a, b, subject
):
    index = extract_concepts([card(title, body, kind="heading")])
    groups = [{c.key.lower() for c in s.candidates} for s in index.candidates]
    assert any({a, b} <= g for g in groups), groups
    assert not any({subject, b} <= g for g in groups), groups


@pytest.mark.parametrize(
    ("term", "body", "other", "phrase"),
    [
        # the definition that opens a term's answer is the term's: so is its other name
        (
            "Sediment transport",
            "carrying grains downstream in flowing water, also called fluvial transport",
            "fluvial transport",
            "flowing water",
        ),
        (
            "Echolocation",
            "locating prey by listening to reflected calls, also called biosonar",
            "biosonar",
            "reflected call",
        ),
    ],
)
def test_concepts_merge_another_name_after_a_terms_definition_names_the_term(
    term, body, other, phrase
):
    index = extract_concepts([card(term, body, kind="term")])
    groups = [{c.key.lower() for c in s.candidates} for s in index.candidates]
    assert any({term.lower(), other} <= g for g in groups), groups
    assert not any({phrase, other} <= g for g in groups), groups


@pytest.mark.parametrize(
    ("frequent", "rare", "merged"),
    [
        ("transformer", "tranformer", True),
        # an adjective made of the noun is no misspelling of it
        ("transpiration", "transpirational", False),
        ("interpolation", "interpolative", False),
        ("root transpiration", "root transpirational", False),
    ],
)
def test_concepts_merge_typo_not_an_adjective_derived_from_the_name(frequent, rare, merged):
    groups = groups_of(cand(frequent, 6), cand(rare, 1))
    assert same_group(groups, frequent, rare) is merged


def used(key: str, count: int, *sentences: Evidence, role: str = "mention") -> Candidate:
    c = cand(key, count)
    c.roles = Counter({role: count})
    c.mentions = list(sentences)
    return c


@pytest.mark.parametrize(
    ("frequent", "rare", "rare_role", "together", "merged"),
    [
        ("mitochondrion", "mitochondrin", "mention", False, True),  # never seen: a slip
        ("mitochondrion", "mitochondrin", "heading", True, True),
        ("environment", "enviroment", "mention", False, True),  # a slip English has seen
        # a rare word English knows, singled out or set beside the other: two words
        ("environment", "enviroment", "heading", False, False),
        ("alkane", "alkyne", "heading", False, False),
        ("alkane", "alkyne", "mention", True, False),
        ("ketone", "ketene", "defined", False, False),
        ("approximation", "approximating", "mention", False, False),  # a verb's form
    ],
)
def test_concepts_merge_typo_of_a_rare_known_word_only_when_not_singled_out_or_beside(
    frequent, rare, rare_role, together, merged
):
    both = Evidence("n.md", 1, f"Each {frequent} differs from a {rare}.")
    own = [Evidence("n.md", line, "A sentence of its own.") for line in range(2, 8)]
    common = used(frequent, 6, *own[:5], both if together else own[5])
    slip = used(rare, 1, both if together else Evidence("n.md", 9, "Another."), role=rare_role)
    assert same_group(groups_of(common, slip), frequent, rare) is merged


def test_concepts_merge_typo_not_for_a_spelling_used_more_than_twice():
    # "tranformer" once and "tranformers" twice: the author's spelling, not a slip
    groups = groups_of(cand("transformer", 12), cand("tranformer", 1), cand("tranformers", 2))
    assert not same_group(groups, "transformer", "tranformer")
    assert same_group(
        groups_of(cand("transformer", 12), cand("tranformer", 2)), "transformer", "tranformer"
    )


@pytest.mark.parametrize(
    ("base", "longer", "acronym_roles", "merged"),
    [
        ("hierarchical", "hierarchical DNS", None, True),
        ("hierarchical", "hierarchical DNS", {"nested": 2}, True),  # only inside names
        # after an adjective, an acronym the notes use alone is the head it describes
        ("hierarchical", "hierarchical DNS", {"mention": 2}, False),
        ("recursive", "recursive DNS", {"mention": 2}, False),
        ("peer-to-peer", "peer-to-peer DNS", {"mention": 2}, True),  # a kind named by a noun
    ],
)
def test_concepts_merge_acronym_suffix_not_when_the_acronym_is_used_alone(
    base, longer, acronym_roles, merged
):
    cands = [cand(base, 2), cand(longer, 2)]
    if acronym_roles:
        acronym = cand("DNS", 2)
        acronym.roles = Counter(acronym_roles)
        cands.append(acronym)
    assert same_group(groups_of(*cands), base, longer) is merged


@pytest.mark.parametrize(
    ("base_roles", "merged"),
    [
        ({"mention": 2}, True),  # "peer-to-peer" used alone: the short name of the kind
        ({"nested": 2}, False),  # "messenger" only inside "messenger RNA": no name of its own
    ],
)
def test_concepts_merge_acronym_suffix_only_into_a_name_used_alone(base_roles, merged):
    base = cand("peer-to-peer", 2)
    base.roles = Counter(base_roles)
    assert (
        same_group(groups_of(base, cand("peer-to-peer VPN", 2)), "peer-to-peer", "peer-to-peer VPN")
        is merged
    )


@pytest.mark.parametrize(
    ("acronym_cards", "subjects", "spelled_out"),
    [
        # of the names that spell it, the one a card about it uses the acronym in
        (("n.txt#1",), ("plate tectonics",), "plate tectonics"),
        (("n.txt#1",), ("plate tectonics", "partial transcript"), None),
        (("c3",), ("plate tectonics",), None),  # no card about a name uses it
        (("n.txt#1",), (), None),
    ],
)
def test_concepts_merge_initials_of_several_names_take_the_one_its_card_is_about(
    acronym_cards, subjects, spelled_out
):
    names = ("plate tectonics", "partial transcript")
    cands = {"PT": cand("PT", 3, cards=acronym_cards)}
    cands |= {n: cand(n, cards=("c1", "c2"), subject=n in subjects) for n in names}
    groups = merge(cands).groups.values()
    merged = [n for n in names if any({"PT", n} <= {c.key for c in g} for g in groups)]
    assert merged == ([spelled_out] if spelled_out else [])


@pytest.mark.parametrize(
    ("acronym", "name", "acronym_cards", "about", "merged"),
    [
        ("GDP", "gross domestic product", ("c1",), False, True),  # a card uses both
        # spelled like a common English word: the country, a field, a title
        ("US", "unconditional support", ("c1",), False, False),
        ("IT", "information technology", ("c1",), False, False),
        ("IT", "information technology", ("n.txt#1",), True, True),  # its own card uses it
        ("TV", "total volume", ("c2",), False, False),
    ],
)
def test_concepts_merge_initials_of_an_acronym_spelled_like_a_word_need_its_card(
    acronym, name, acronym_cards, about, merged
):
    groups = groups_of(cand(acronym, 3, cards=acronym_cards), cand(name, 2, subject=about))
    assert same_group(groups, acronym, name) is merged


@pytest.mark.parametrize(
    ("names", "merged"),
    [
        # "NMR" alone is the one name it opens that the notes spell out
        (("NMR spectroscopy", "nuclear magnetic resonance spectroscopy"), True),
        (("NMR spectroscopy",), False),  # nothing spells it out
        # the words it stands for are a name of their own: it is short for them
        (
            (
                "NMR spectroscopy",
                "nuclear magnetic resonance spectroscopy",
                "nuclear magnetic resonance",
                "new media research",
            ),
            False,
        ),
    ],
)
def test_concepts_merge_an_acronym_alone_with_the_spelled_out_name_it_opens(names, merged):
    groups = groups_of(cand("NMR", 3, cards=("c2",)), *(cand(n, 2) for n in names))
    assert same_group(groups, "NMR", "NMR spectroscopy") is merged


def test_concepts_merge_no_group_holds_two_long_forms_of_one_acronym():
    cands = {
        k: cand(k, 2) for k in ("PT", "plate tectonics", "PT model", "probability theory model")
    }
    pairs = [AliasPair("PT", "plate tectonics", "abbreviation")]
    result = merge(cands, pairs)
    groups = [{c.key for c in g} for g in result.groups.values()]
    assert {"PT", "plate tectonics"} in [g & {"PT", "plate tectonics"} for g in groups]
    assert not any({"PT", "probability theory model"} <= g for g in groups)
    assert [(r.merge.name, r.merge.into) for r in result.refused] == [("PT model", "PT")]
    assert "PT" in result.refused[0].why


@pytest.mark.parametrize(
    ("other_name", "merged"),
    [
        (None, True),  # "division" and "division process" used together
        # the notes call the process "mitosis": "division" is no second word for it
        ("mitosis", False),
        ("cell division", True),  # a longer name is no word of its own
    ],
)
def test_concepts_merge_generic_head_not_into_a_name_with_a_word_of_its_own(other_name, merged):
    cands = {k: cand(k, 3) for k in ("division", "division process")}
    pairs = []
    if other_name:
        cands[other_name] = cand(other_name, 3)
        pairs = [AliasPair(other_name, "division process", OTHER_NAME)]
    result = merge(cands, pairs)
    groups = [{c.key for c in g} for g in result.groups.values()]
    assert any({"division", "division process"} <= g for g in groups) is merged
    refused = [(r.merge.name, r.merge.into, r.merge.rule) for r in result.refused]
    assert refused == ([] if merged else [("division process", "division", "generic_head")])


@pytest.mark.parametrize(
    ("body", "longer", "bare", "merged"),
    [
        # an adjective before the head names a kind of function, not the word alone
        (
            "The average of a signal is its level. The average function smooths a signal.",
            "average function",
            "average",
            False,
        ),
        (
            "The mean of the tide is sea level. We fit a mean function to the tide record.",
            "mean function",
            "mean",
            False,
        ),
        # a noun before it: the function that gives it (a noun the tagger may read as an
        # adjective in a compound is still one)
        (
            "The cross-correlation of two signals peaks at the lag. "
            "Compute the cross-correlation operation of two signals.",
            "cross-correlation operation",
            "cross-correlation",
            True,
        ),
        (
            "Demand falls as prices rise. The demand function maps a price to demand.",
            "demand function",
            "demand",
            True,
        ),
        (
            "Utility measures satisfaction. A utility function ranks bundles by utility.",
            "utility function",
            "utility",
            True,
        ),
    ],
)
def test_concepts_merge_generic_head_not_after_an_adjective_naming_a_kind(
    body, longer, bare, merged
):
    assert merged_by([card("Notes", body)], longer, bare)[0] is merged
    index = extract_concepts([card("Notes", body)])
    refused = {(r.merge.name, r.merge.into) for s in index.candidates for r in s.refused}
    assert ((longer, bare) in refused) is not merged


def test_concepts_merge_typo_into_a_frequent_name_and_the_rule_switches_off():
    a, b = cand("transformer", 6), cand("tranformer", 1)
    assert same_group(groups_of(a, b), "transformer", "tranformer")
    assert not same_group(groups_of(a, b, disabled={"typo"}), "transformer", "tranformer")


@pytest.mark.parametrize(
    ("body", "name", "noun", "merged"),
    [
        (
            "Most laptops ship with Windows today. Windows updates itself at night. "
            "Open a window to let fresh air in.",
            "windows",
            "window",
            False,
        ),
        (
            "Sheep graze across the Highlands in summer. Rain falls often over the "
            "Highlands. A highland is an area of high ground.",
            "highlands",
            "highland",
            False,
        ),
        # a plural the notes also write in lower case is the common noun's
        (
            "We mapped the Glaciers of the valley. Most glaciers retreat. A glacier moves slowly.",
            "glaciers",
            "glacier",
            True,
        ),
    ],
    ids=["product", "region", "common-noun"],
)
def test_concepts_merge_spelling_keeps_a_capitalised_plural_name_apart(body, name, noun, merged):
    index = extract_concepts([card("Notes", body, kind="heading")])
    groups = [{c.key.lower() for c in s.candidates} for s in index.candidates]
    holding = [g for g in groups if name in g]
    assert holding, groups
    assert (noun in holding[0]) is merged, groups


@pytest.mark.parametrize(
    ("forms", "sentence", "label"),
    [
        ({"Athens": 2}, "Ships left Athens at dawn.", "Athens"),
        ({"Windows": 3}, "Most laptops ship with Windows today.", "Windows"),
        # capitalised only where a sentence opens: a common noun
        ({"Osmosis": 2}, "Osmosis moves water across a membrane.", "osmosis"),
        # a longer name with a word English does not know, not a term set in Title Case
        ({"Louis Pasteur": 2}, "Milk was first heated by Louis Pasteur.", "Louis Pasteur"),
        (
            {"Plate Tectonics": 2},
            "Geologists explain quakes with Plate Tectonics.",
            "plate tectonics",
        ),
        # a capital with digits is a code name, whatever the sentence: its case stays
        ({"V7": 2}, "V7 resolves to the tonic.", "V7"),
        ({"vitamin B12": 2}, "Vitamin B12 helps make red blood cells.", "vitamin B12"),
    ],
)
def test_concepts_name_keeps_the_capitals_of_a_name_always_capitalised(forms, sentence, label):
    key = next(iter(forms)).lower()
    c = Candidate(key, forms=Counter(forms), count=2)
    c.mentions.append(Evidence("n.md", 1, sentence))
    assert name_concept([c]).label == label


@pytest.mark.parametrize(
    ("full", "full_singled", "bare", "bare_singled", "label"),
    [
        # the name a heading or a term card singles out, the bare name only used
        ("hash function", True, "hash", False, "hash function"),
        ("purkinje cell", True, "purkinje", False, "purkinje cell"),
        # the bare name singled out too, or neither: the bare name
        ("bohr model", True, "bohr", True, "bohr"),
        ("merge operation", False, "merge", False, "merge"),
    ],
)
def test_concepts_name_of_a_generic_head_group_is_the_name_singled_out(
    full, full_singled, bare, bare_singled, label
):
    group = [cand(full, 2, subject=full_singled), cand(bare, 3, subject=bare_singled)]
    concept = name_concept(group)
    assert (concept.label, concept.aliases) == (label, [{full: bare, bare: full}[label]])


@pytest.mark.parametrize(
    ("full", "written", "bare", "label"),
    [
        # a heading or question "X types / kinds / varieties" lists kinds of X: X names it
        ("hive type", "Hive types", "hive", "hive"),
        ("hive kind", "hive kinds", "hive", "hive"),
        ("rock variety", "rock varieties", "rock", "rock"),
        ("transformer architecture", "Transformer architectures", "transformer", "transformer"),
        # the singular is a name of its own the notes single out: it keeps its name
        ("blood type", "Blood type", "blood", "blood type"),
    ],
)
def test_concepts_name_of_a_group_whose_heading_lists_kinds_is_the_kinds_name(
    full, written, bare, label
):
    listed = cand(full, 1, subject=True)
    listed.forms = Counter({written: 1})
    group = [listed, cand(bare, 2)]
    assert name_concept(group).id == label


def acronym_cand(key: str, count: int, nested: int = 0, stated: bool = False) -> Candidate:
    c = cand(key, count)
    c.roles["nested"] = nested
    if stated:  # the notes state it beside its long form, "long form (ACR)"
        c.roles["abbreviation"] = 1
    return c


@pytest.mark.parametrize(
    ("group", "label"),
    [
        # the acronym only ever set before a word of its own: that name, spelled out
        # when the notes spell it
        (
            [("TCA", 2, 2), ("TCA cycle", 2, 0), ("tricarboxylic acid cycle", 1, 0)],
            "tricarboxylic acid cycle (TCA cycle)",
        ),
        ([("ELISA", 3, 3), ("ELISA test", 3, 0)], "ELISA test"),
        # the acronym used alone more often than the longer name: the acronym
        ([("GPS", 5, 1), ("GPS receiver", 1, 0)], "GPS"),
        # a generic head ("unit", "model"): the acronym is the name
        ([("RAM", 2, 2), ("RAM unit", 2, 0)], "RAM"),
    ],
)
def test_concepts_name_is_no_bare_acronym_the_notes_never_use_alone(group, label):
    assert name_concept([acronym_cand(*row) for row in group]).label == label


@pytest.mark.parametrize(
    ("stated", "label"),
    [
        # a long form the notes state beside the acronym names it, though its initials
        # are not the acronym's letters
        (True, "radio detection and ranging (RADAR)"),
        (False, "RADAR"),
    ],
)
def test_concepts_name_is_the_long_form_stated_beside_an_acronym(stated, label):
    group = [
        acronym_cand("RADAR", 3, stated=stated),
        acronym_cand("radio detection and ranging", 1, stated=stated),
    ]
    assert name_concept(group).label == label


@pytest.mark.parametrize(
    ("forms", "aliases"),
    [
        # a form with an acronym gives one alias, as the key spells it
        ({"ATP synthase": 3, "ATP Synthases": 1}, ["ATP synthases"]),
        ({"enzyme": 3, "DNA enzyme": 1, "DNA Enzyme": 1}, ["DNA enzyme"]),
        # punctuation the text left at a form's edge is no part of the alias
        ({"osmosis": 3, ", osmosis": 1}, []),
        ({"osmosis": 3, "reverse osmosis,": 1}, ["reverse osmosis"]),
    ],
)
def test_concepts_name_aliases_are_spelled_as_keys(forms, aliases):
    key = next(iter(forms))
    c = Candidate(key, forms=Counter(forms), count=3)
    assert name_concept([c]).aliases == aliases


@pytest.mark.parametrize(
    ("frequent", "numbered"),
    [
        ("enzyme", "enzyme2"),
        ("cuvette 1", "cuvette 2"),
        ("aliquot a", "aliquot b"),
        ("ultracentrifuge", "ultracentrifuge b"),
    ],
)
def test_concepts_merge_no_numbered_instance_into_its_class_as_a_typo(frequent, numbered):
    groups = groups_of(cand(frequent, 6), cand(numbered, 1))
    assert not same_group(groups, frequent, numbered), groups


def test_concepts_merges_record_their_reason():
    result = merge({k: cand(k) for k in ("recurrent neural network", "RNN")})
    merges = [m for ms in result.merges.values() for m in ms]
    assert [(m.name, m.rule) for m in merges] == [("RNN", "initials")]
    assert "initials" in merges[0].reason


def test_concepts_stated_abbreviation_merges_in_the_index():
    index = extract_concepts(
        [
            card("What is a GAN?", "A generator and a discriminator trained together."),
            card(
                "Image synthesis",
                "Generative adversarial networks (GANs) create images.",
                n=2,
                kind="heading",
            ),
        ]
    )
    found = names(index)
    assert found["gan"] == found["generative adversarial network"]
    merges = index.selected[found["gan"]].merges
    assert any(m.rule in {"abbreviation", "initials"} for m in merges)


@pytest.mark.parametrize(
    ("body", "short", "long", "merged"),
    [
        # a lower-case short form: the initials of the words, or a contraction of one word
        ("Mean free path (mfp) is the distance between collisions.", "mfp", "mean free path", True),
        ("A kilometre (km) is a unit of length in surveying.", "km", "kilometre", True),
        # a word in brackets that spells no such short form
        ("Sodium chloride (aq) dissolves in water quickly.", "aq", "sodium chloride", False),
        ("The median (avg) splits the sorted values in two.", "avg", "median", False),
    ],
)
def test_concepts_abbreviations_lower_case_short_form_merges(body, short, long, merged):
    groups = [
        {c.key.lower() for c in s.candidates}
        for s in extract_concepts([card("Measures", body, kind="heading")]).candidates
    ]
    assert any({short, long} <= g for g in groups) is merged, groups


# -- features and selection ----------------------------------------------------------


def test_concepts_generators_can_be_switched_off():
    bold = card("Dropout", "Weight decay also regularizes.", kind="heading")
    cards = [replace(bold, emphasis=(Emphasis("body", 0, 12, "bold"),))]
    assert "emphasis" in GENERATORS

    def roles(index) -> set[str]:
        return {role for s in index.candidates for c in s.candidates for role in c.roles}

    assert {"heading", "emphasis"} <= roles(extract_concepts(cards))
    off = roles(extract_concepts(cards, disabled={"titles", "emphasis"}))
    assert not {"heading", "emphasis"} & off


def test_concepts_selector_weights_are_data_for_every_feature():
    model = default_model()
    assert set(model.features) == set(FEATURES)
    assert 0 < model.threshold < 1
    assert model.notes.get("fitted_by") == "python -m benchmarks.fit"


@pytest.mark.parametrize(
    ("names", "of_phrase"),
    [
        # (key, role, uses): the first name is the one the notes single out
        ((("reaction rate", "heading", 3), ("rate of reaction", "of_phrase", 1)), False),
        ((("ocean depth", "emphasis", 2), ("depth of the ocean", "of_phrase", 2)), False),
        ((("price level", "term", 1), ("level of prices", "of_phrase", 4)), False),
        # the name singled out is the "of" phrase: the group is one
        ((("rate of reaction", "heading", 3), ("reaction rate", "mention", 1)), True),
        ((("law of demand", "term", 1),), True),
    ],
)
def test_concepts_features_of_phrase_is_read_from_the_name_the_notes_single_out(names, of_phrase):
    from extraction.concepts.features import group_features

    group = []
    for key, role, uses in names:
        c = cand(key, uses)
        c.roles[role] += 1
        group.append(c)
    x = group_features({names[0][0]: group}, ranks={}, uses={})[names[0][0]]
    assert bool(x.get("of_phrase")) is of_phrase


def test_concepts_each_concept_keeps_its_features_and_score():
    index = extract_concepts([card("What is dropout?", "A regularization method.")])
    scored = index.selected[index.find("dropout")]
    assert scored.features["role_question"] == 1.0
    assert scored.kept and scored.probability >= scored.threshold
    assert scored.reasons and scored.reasons[0][0] in FEATURES


@pytest.mark.parametrize(
    ("sentence", "name", "describing"),
    [
        ("A good model generalises to new data.", "good model", True),
        ("The final prediction averages the trees.", "final prediction", True),
        ("A convolutional layer slides filters over the image.", "convolutional layer", False),
        ("The loss function measures the error.", "loss function", False),
    ],
)
def test_concepts_adj_commonness_marks_a_common_describing_adjective(sentence, name, describing):
    index = extract_concepts([card("Notes", sentence, kind="heading")])
    scored = next(s for s in index.candidates if name in {n.lower() for n in s.names})
    value = scored.features.get("adj_commonness", 0.0)
    assert (value > 0.5) is describing, (name, value)


@pytest.mark.parametrize(
    ("sentence", "name", "verb_start"),
    [
        ("The vanishing gradient problem slows training.", "vanishing gradient problem", False),
        ("Clipping limits the exploding gradients of deep nets.", "exploding gradient", False),
        ("The valley was mapped with dated moraines.", "dated moraine", False),
        ("Using activation functions adds nonlinearity.", "using activation function", True),
        ("The net learns by employing dropout layers.", "employing dropout layer", True),
    ],
)
def test_concepts_participle_describing_a_noun_is_no_verb_start(sentence, name, verb_start):
    index = extract_concepts([card("Notes", sentence, kind="heading")])
    scored = next(s for s in index.candidates if name in {n.lower() for n in s.names})
    assert bool(scored.features.get("verb_start")) is verb_start, (name, scored.features)
    assert bool(scored.features.get("clause_like")) is verb_start, (name, scored.features)


@pytest.mark.parametrize(
    ("sentence", "name", "compound"),
    [
        ("Each feature map records one filter's response.", "feature map", True),
        ("Clients send an HTTP method with each request.", "http method", True),
        ("The final prediction averages the trees.", "final prediction", False),
        ("Ian Goodfellow proposed the idea.", "ian goodfellow", False),
    ],
)
def test_concepts_noun_compound_marks_names_made_of_nouns(sentence, name, compound):
    index = extract_concepts([card("Notes", sentence, kind="heading")])
    scored = next(s for s in index.candidates if name in {n.lower() for n in s.names})
    assert bool(scored.features.get("noun_compound")) is compound, (name, scored.features)


@pytest.mark.parametrize(
    ("sentence", "named", "not_named"),
    [
        (
            "Geologists map the oceanic/continental crust boundary.",
            {"oceanic crust boundary", "continental crust boundary"},
            {"oceanic"},
        ),
        ("The input/output layer shape matters.", {"input layer", "output layer"}, set()),
        ("The TCP/IP stack has layers.", {"tcp", "tcp stack", "ip stack"}, set()),
    ],
)
def test_concepts_word_before_a_slash_shares_what_follows(sentence, named, not_named):
    index = extract_concepts([card("Notes", sentence, kind="heading")])
    roles = {c.key.lower(): set(c.roles) for s in index.candidates for c in s.candidates}
    assert named <= set(roles), roles
    for name in not_named:
        assert roles.get(name, {"nested"}) == {"nested"}, roles


@pytest.mark.parametrize(
    ("sentence", "named", "not_named"),
    [
        # a gerund after a noun makes a compound noun, inside a longer name too
        ("Crop spraying drones fly low.", {"crop spraying"}, set()),
        ("Glass blowing workshops are hot.", {"glass blowing"}, set()),
        # a gerund after a describing word is no compound of nouns
        ("Fast moving parts wear out.", set(), {"fast moving"}),
    ],
)
def test_concepts_candidates_a_gerund_after_a_noun_ends_a_name_inside_a_longer_one(
    sentence, named, not_named
):
    index = extract_concepts([card("Notes", sentence, kind="heading")])
    keys = {c.key.lower() for s in index.candidates for c in s.candidates}
    assert named <= keys, keys
    assert not (not_named & keys), keys


@pytest.mark.parametrize(
    ("sentence", "named", "not_named"),
    [
        (
            "Values are squashed with softsign or arctanh before averaging.",
            {"softsign", "arctanh"},
            set(),
        ),
        ("In general, the cell is at least as large.", set(), {"general", "least"}),
    ],
)
def test_concepts_noun_the_tagger_reads_as_an_adjective_is_a_name(sentence, named, not_named):
    index = extract_concepts([card("Notes", sentence, kind="heading")])
    keys = {c.key.lower() for s in index.candidates for c in s.candidates}
    assert named <= keys, keys
    assert not (not_named & keys), keys


@pytest.mark.parametrize(
    ("sentence", "named", "never"),
    [
        ("Employ stencils such as masks to paint letters.", "stencil", "employ stencil"),
        ("Visualize tectonic plates", "tectonic plate", "visualize tectonic plate"),
        ("Optimize enzymes", "enzyme", "optimize enzyme"),
        ("Merge sort splits the list in two.", "merge sort", "sort"),
    ],
)
def test_concepts_instruction_verb_opening_a_sentence_is_no_part_of_a_name(sentence, named, never):
    index = extract_concepts([card("Notes", sentence, kind="heading")])
    keys = {c.key.lower() for s in index.candidates for c in s.candidates if c.count}
    assert named in keys, keys
    assert never not in keys, keys


@pytest.mark.parametrize(
    ("title", "named", "never"),
    [
        ("What are the enzymes used in digestion?", "enzyme", "enzymes used"),
        ("What are the minerals found in granite?", "mineral", "minerals found"),
        # the verb of a question asked with "do", read as a noun, is no part of it either
        ("When does a volcano end?", "volcano", "volcano end"),
        ("Why does the enzyme work?", "enzyme", "enzyme work"),
    ],
)
def test_concepts_participle_or_verb_after_the_noun_is_no_part_of_its_name(title, named, never):
    index = extract_concepts([card(title, "It depends on the temperature.")])
    forms = {f.lower() for s in index.candidates for c in s.candidates for f in c.forms}
    keys = {c.key.lower() for s in index.candidates for c in s.candidates}
    assert named in keys, keys
    assert never not in forms, forms


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("In a survey, we compute so-called z-score, which measures spread.", "z-score"),
        ("Geologists measure the so-called b-value of an earthquake swarm.", "b-value"),
        # an article, then a hyphenated opening the parser makes no chunk of, then nouns
        (
            "Link: Known as a Point-to-point link, this cable joins two routers.",
            "point-to-point link",
        ),
    ],
)
def test_concepts_a_name_after_a_naming_cue_keeps_its_hyphenated_words(sentence, named):
    index = extract_concepts([card("Notes", sentence, kind="heading")])
    roles = {c.key: set(c.roles) for s in index.candidates for c in s.candidates}
    assert "named" in roles.get(named, set()), roles


@pytest.mark.parametrize(
    "sentence",
    [
        "Some salts (eg. the nitrates) dissolve quickly.",
        "Compare the rates of several reactions (eg. three enzymes) at once.",
        "Most metals (ie. the ones we tested) conduct heat.",
    ],
)
def test_concepts_a_naming_cue_alone_is_no_name(sentence):
    index = extract_concepts([card("Notes", sentence, kind="heading")])
    keys = {c.key.lower() for s in index.candidates for c in s.candidates}
    assert not keys & {"eg", "ie", "eg.", "ie."}, keys


@pytest.mark.parametrize(
    ("sentence", "named", "never"),
    [
        ("Some salts dissolve fast (ex sodium chloride).", "sodium chloride", "ex sodium"),
        ("Soft metals bend easily, ex copper wire.", "copper wire", "ex copper wire"),
    ],
)
def test_concepts_an_example_cue_is_no_part_of_the_name_after_it(sentence, named, never):
    """A student's "ex" for "for example" introduces a name, as "e.g." does."""
    index = extract_concepts([card("Notes", sentence, kind="heading")])
    keys = {c.key.lower() for s in index.candidates for c in s.candidates}
    assert named in keys and not any(k.startswith(never) for k in keys), keys


@pytest.mark.parametrize(
    ("sentence", "named", "never"),
    [
        # a dash with a space on each side ends a name
        ("BP - Blood pressure", {"BP", "blood pressure"}, {"BP blood pressure"}),
        ("The igneous rock - basalt - cools quickly.", {"basalt"}, {"igneous rock basalt"}),
        # a hyphen inside a word does not
        ("A well-known rock cools.", {"well-known rock"}, set()),
    ],
)
def test_concepts_a_spaced_dash_ends_a_name(sentence, named, never):
    index = extract_concepts([card("Notes", sentence, kind="heading")])
    keys = {c.key for s in index.candidates for c in s.candidates if c.count}
    assert named <= keys, keys
    assert not (never & keys), keys


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        # a bracket after an action names the action, as "called" does
        ("Cooling the metal slowly in air (slow cooling) softens it.", "slow cooling", "named"),
        (
            "Heating the rock under pressure (metamorphic heating) changes it.",
            "metamorphic heating",
            "named",
        ),
        # after a thing, it glosses the thing
        ("Water moves across a membrane (osmosis).", "osmosis", "gloss"),
    ],
)
def test_concepts_a_bracket_after_an_action_names_it(sentence, name, role):
    index = extract_concepts([card("Notes", sentence, kind="heading")])
    roles = {c.key: set(c.roles) for s in index.candidates for c in s.candidates}
    assert role in roles.get(name, set()), roles


@pytest.mark.parametrize(
    ("sentence", "named", "never"),
    [
        # a verb the tagger reads as a plural noun ends no name
        ("A mean value of an enzyme corresponds to its optimum.", "enzyme", "enzyme correspond"),
        ("Should the glacier retreat, the moraine falters.", "moraine", "moraine falter"),
        # a plural noun that is also a verb stays
        ("Protein digests are sold dry.", "protein digest", "protein"),
    ],
)
def test_concepts_verb_read_as_a_plural_noun_is_no_part_of_a_name(sentence, named, never):
    index = extract_concepts([card("Notes", sentence, kind="heading")])
    keys = {c.key.lower() for s in index.candidates for c in s.candidates if c.count}
    assert named in keys, keys
    assert never not in keys, keys


@pytest.mark.parametrize(
    ("sentence", "role", "named"),
    [
        (
            "Rocks can be igneous, sedimentary or metamorphic.",
            "listed",
            {"igneous rock", "sedimentary rock", "metamorphic rock"},
        ),
        ("Such a tremor is called volcanic.", "named", {"volcanic tremor"}),
        ("A curve with two peaks is named bimodal.", "named", {"bimodal curve"}),
        ("Such a star is dubbed variable.", "named", {"variable star"}),
        ("The rock is hard.", "listed", set()),  # one adjective says what it is like
    ],
)
def test_concepts_adjectives_completing_the_verb_name_kinds_of_its_subject(sentence, role, named):
    index = extract_concepts([card("Notes", sentence, kind="heading")])
    keys = {c.key.lower() for s in index.candidates for c in s.candidates if c.roles[role]}
    assert keys == named, keys


@pytest.mark.parametrize(
    ("sentence", "named", "cut"),
    [
        (
            "Drag is the sum of the cell cross-section between the walls.",
            "cell cross-section",
            "cell cross",
        ),
        (
            "Drag grows with the wing cross-section of the plane.",
            "wing cross-section",
            "wing cross",
        ),
    ],
)
def test_concepts_chunk_cut_before_a_hyphen_takes_the_rest_of_the_word(sentence, named, cut):
    index = extract_concepts([card("Notes", sentence, kind="heading")])
    keys = {c.key.lower() for s in index.candidates for c in s.candidates}
    assert named in keys, keys
    assert cut not in keys, keys


@pytest.mark.parametrize(
    ("title", "body", "named", "not_named"),
    [
        ("Notes", "Air waits in A/C ducts till the fan is on.", {"a/c duct"}, {"c duct"}),
        ("Notes", "Disks wait on R/W heads.", {"r/w head"}, {"w head"}),
        ("What is the read/write head?", "It moves over the platter.", {"read/write head"}, set()),
    ],
)
def test_concepts_slash_between_letters_or_in_a_title_keeps_the_name_whole(
    title, body, named, not_named
):
    index = extract_concepts([card(title, body)])
    roles = {c.key.lower(): set(c.roles) for s in index.candidates for c in s.candidates}
    assert named <= set(roles), roles
    for name in not_named:
        assert roles.get(name, {"nested"}) == {"nested"}, roles


@pytest.mark.parametrize(
    ("body", "kind", "named", "never"),
    [
        ("The point x1 is far from the point y2.", "heading", {"point"}, {"x1", "y2"}),
        ("Plants take in CO2 through stomata.", "heading", {"CO2", "stomata"}, set()),
        # a lone lower-case letter is a variable; a capital one may be a name
        ("Here p is the pressure, v is the volume.", "heading", {"pressure"}, {"p", "v"}),
        ("The language C is old.", "heading", {"language c"}, set()),
        # a series of indexed variables written out with an ellipsis names none of them
        (
            "We weigh the crates W1, W2, ..., WN before loading.",
            "heading",
            {"crate"},
            {"WN", "w2", "crates w1"},
        ),
        ("The readings x1, x2, ..., xn are averaged.", "heading", {"reading"}, {"readings x1"}),
        (
            "The G1 and G2 phases bracket the copying of the chromosomes.",
            "heading",
            {"g1", "g2"},
            set(),
        ),
    ],
)
def test_concepts_indexed_item_of_an_example_is_no_name(body, kind, named, never):
    index = extract_concepts([card("Notes", body, kind=kind)])
    keys = {c.key for s in index.candidates for c in s.candidates if c.count}
    assert named <= keys, keys
    assert not (never & keys), keys


def test_concepts_indexed_term_card_is_still_a_name():
    index = extract_concepts([card("x1", "The first input of the formula.", kind="term")])
    assert index.find("x1") is not None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Image credit: Lovelace A., Babbage C., Analytical Engine Notes (1843)", set()),
        ("Image from Grace Hopper via her blog", set()),
        ("Source: Claude Shannon, Bell Labs", set()),
        ("Images of the enzyme show its active site.", {"enzyme", "active site"}),
    ],
)
def test_concepts_line_crediting_a_picture_or_source_names_no_concept(line, names):
    index = extract_concepts([card("Notes", line, kind="heading")])
    keys = {c.key.lower() for s in index.candidates for c in s.candidates} - {"note"}
    assert names <= keys and not (keys - names) & {"lovelace a.", "grace hopper", "bell lab"}
    if not names:
        assert not keys, keys


@pytest.mark.parametrize(
    ("sentence", "citing"),
    [
        ("Image from Ada Lovelace via their blog", True),
        ("This chapter was authored by Alan Turing.", True),
        ("Figure adapted from Grace Hopper's slides.", True),
        ("Source: Claude Shannon, Bell Labs (1948)", True),
        ("The image of a matrix is its column space.", False),
        ("Alan Turing proposed the imitation game.", False),
    ],
)
def test_concepts_reference_pattern_tells_credit_lines(sentence, citing):
    from extraction.concepts.candidates import REFERENCE

    assert bool(REFERENCE.search(sentence)) is citing


def emphasised_names(body: str, bold: str) -> set[str]:
    """The names given the emphasis role when ``bold`` is set in bold in ``body``."""
    start = body.index(bold)
    bolded = replace(
        card("Notes", body, kind="heading"),
        emphasis=(Emphasis("body", start, start + len(bold), "bold"),),
    )
    index = extract_concepts([bolded])
    return {c.key.lower() for s in index.candidates for c in s.candidates if c.roles["emphasis"]}


@pytest.mark.parametrize(
    ("body", "bold", "name"),
    [
        ("Inefficient because it wastes time.", "Inefficient because", None),
        ("Navigate to the folder first.", "Navigate to", None),
        ("Gradient descent follows the slope.", "Gradient descent", "gradient descent"),
        ("Git for Windows bundles a shell.", "Git for Windows", "git for windows"),
    ],
)
def test_concepts_emphasis_that_stops_inside_a_phrase_names_nothing(body, bold, name):
    assert emphasised_names(body, bold) == ({name} if name else set())


@pytest.mark.parametrize(
    ("body", "bold", "name"),
    [
        ("Before a race, tackle anxiety with breathing.", "tackle anxiety", "anxiety"),
        ("Students should avoid distractions at night.", "avoid distractions", "distraction"),
        ("Successively cool the melt until it sets.", "Successively cool the melt", "melt"),
        # an action whose object is outside the run stresses an instruction
        ("Gradually heat the solution until it boils.", "Gradually heat", None),
        ("Never discard the old receipts after a sale.", "Never discard", None),
        ("Slowly stir the mixture with a glass rod.", "Slowly stir", None),
        # the verb after an adverb in -ly is an instruction, even read as an adjective
        ("Periodically abort stalled jobs until memory frees.", "Periodically abort", None),
        # an adjective stressed inside a noun phrase is a property, not a name
        ("Mapping is a qualitative comparison of coastlines.", "qualitative", None),
        # a name made of verbs is no action on an object
        ("Stop and frisk is one tactic of policing.", "Stop and frisk", "stop and frisk"),
    ],
)
def test_concepts_emphasised_action_names_its_object_and_a_property_nothing(body, bold, name):
    assert emphasised_names(body, bold) == ({name} if name else set())


def test_concepts_adjective_only_marks_a_lone_adjective():
    body = "The variable is called discrete. Dropout is a method."
    start = body.index("discrete")
    bolded = replace(
        card("Notes", body, kind="heading"),
        emphasis=(Emphasis("body", start, start + len("discrete"), "bold"),),
    )
    index = extract_concepts([bolded])
    features = {n.lower(): s.features for s in index.candidates for n in s.names}
    assert features["discrete"].get("adjective_only") == 1.0
    assert not features["dropout"].get("adjective_only")


def test_concepts_hyphenated_compound_is_one_word_for_commonness_and_clauses():
    index = extract_concepts(
        [card("Many-to-many RNN", "A many-to-many RNN maps a sequence to a sequence.")]
    )
    scored = next(s for s in index.candidates if "many-to-many rnn" in {n.lower() for n in s.names})
    assert not scored.features.get("clause_like")
    assert not scored.features.get("common")


# -- definitions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "answer", "defined"),
    [
        ("What is glaze?", "A glassy coating that seals the pot.", True),
        ("What is the purpose of glaze?", "It keeps the pot from leaking.", True),
        ("Examples of glaze in practice", "Celadon bowls and tiled stoves.", False),
        ("How is glaze applied?", "Pots are dipped quickly before firing.", False),
        ("Types of glaze", "Glaze is a glassy coating; matte and ...", True),
    ],
)
def test_concepts_definition_of_a_question_card_only_when_it_asks_what_it_is(
    title, answer, defined
):
    other = card("Pottery", "Glaze and slip both coat the pots.", n=2, kind="heading")
    index = extract_concepts([card(title, answer), other])
    concept = index.concepts[index.find("glaze")]
    assert bool(concept.definition) is defined, concept.definition


@pytest.mark.parametrize(
    ("title", "answer", "concept", "defined"),
    [
        ("Pooling Layers", "Shrink the feature maps between convolutions.", "pooling layer", True),
        ("Pooling Layers", "Shrink the feature maps between convolutions.", "layer", False),
        ("Goal of boosting", "Turn weak learners into one strong learner.", "boosting", False),
        ("Dropout for CNNs", "Dropout is a method that zeroes units at random.", "dropout", True),
        ("Dropout for CNNs", "Zero whole feature maps instead of units.", "dropout", False),
    ],
)  # fmt: skip
def test_concepts_term_card_defines_only_what_its_whole_title_names(
    title, answer, concept, defined
):
    other = card("Models", "Boosting, dropout, layers and pooling layers.", n=2, kind="heading")
    index = extract_concepts([card(title, answer, kind="term"), other])
    found = index.concepts[index.find(concept)]
    assert bool(found.definition) is defined, found.definition


@pytest.mark.parametrize(
    ("sentence", "concept"),
    [
        ("The spread of the values around the mean is called variance.", "variance"),
        ("A network of this kind is known as a Hopfield network.", "hopfield network"),
        ("We define entropy as the expected surprise of an outcome.", "entropy"),
        ("Gross Domestic Product (GDP) is a sum of yearly output.", "gross domestic product"),
    ],
)
def test_concepts_sentence_that_names_a_concept_defines_it(sentence, concept):
    index = extract_concepts([card("Notes", sentence, kind="heading")])
    found = index.concepts[index.find(concept)]
    assert found.definition == sentence


@pytest.mark.parametrize(
    ("body", "bold", "defined"),
    [
        ("Another summary is the median, a value that splits the data in half.", "median", True),
        ("We covered the median, and the mode.", "median", False),
        # a bold name opening the line, then a full stop and its explanation
        ("Turgor pressure. Water pushes the membrane against the wall.", "Turgor pressure", True),
        ("Turgor pressure. then water pushes the membrane out.", "Turgor pressure", False),
    ],
)
def test_concepts_emphasised_name_with_an_apposition_is_defined(body, bold, defined):
    start = body.index(bold)
    bolded = replace(
        card("Notes", body, kind="heading"),
        emphasis=(Emphasis("body", start, start + len(bold), "bold"),),
    )
    index = extract_concepts([bolded])
    assert bool(index.concepts[index.find(bold)].definition) is defined


@pytest.mark.parametrize(
    ("sentence", "name", "run_on"),
    [
        ("The skeletal muscles contract and the bone moves.", "skeletal muscle", "contract"),
        ("The glaciers retreat and the sea rises.", "glacier", "retreat"),
        # a name whose last word English also has as a verb, with its clause's verb after it
        ("The sales tax on food is high.", "sales tax", None),
        ("The savings account pays interest.", "savings account", None),
        ("When the sales tax rises, prices go up.", "sales tax", None),
    ],
)
def test_concepts_name_ends_before_a_verb_read_as_a_noun_after_a_plural(sentence, name, run_on):
    index = extract_concepts([card("Notes", sentence, kind="heading")])
    keys = {c.key.lower() for s in index.candidates for c in s.candidates}
    assert name in keys
    assert not any(k.endswith(f" {run_on}") for k in keys if run_on)


@pytest.mark.parametrize(
    ("body", "bold", "defined"),
    [
        ("The osmotic pressure pulls water into the cell.", "osmotic pressure", True),
        ("A hash table maps keys to slots in an array.", "hash table", True),
        ("Plate tectonics also explains why mountains rise.", "Plate tectonics", True),
        ("The albedo measures how much light a surface reflects: it is a ratio.", "albedo", True),
        # a past event, a modal, or a subject the stressed name is only part of
        ("The guillotine was used in the French revolution.", "guillotine", False),
        ("The enzyme can break down starch.", "enzyme", False),
        ("Each enzyme in saliva breaks down starch.", "enzyme", False),
    ],
)
def test_concepts_emphasised_subject_of_a_present_statement_is_defined(body, bold, defined):
    start = body.index(bold)
    bolded = replace(
        card("Notes", body, kind="heading"),
        emphasis=(Emphasis("body", start, start + len(bold), "bold"),),
    )
    index = extract_concepts([bolded])
    assert bool(index.concepts[index.find(bold)].definition) is defined


#: A Markdown paragraph of three lines joined without a blank line, and one line of
#: two sentences: each stressed name stands in one sentence of its paragraph.
GLACIER_NOTE = b"""# Glaciers

A **cirque** is a bowl-shaped hollow that a glacier carves into a mountain.
Rock that the ice drops at its melting edge builds a **moraine**.
A **crevasse** is a deep crack in the ice. It opens where the **glacier** bends.
"""


@pytest.mark.parametrize(
    ("name", "sentence", "line"),
    [
        ("cirque", "A cirque is a bowl-shaped hollow that a glacier carves into a mountain.", 3),
        ("moraine", "Rock that the ice drops at its melting edge builds a moraine.", 4),
        ("crevasse", "A crevasse is a deep crack in the ice.", 5),
        ("glacier", "It opens where the glacier bends.", 5),
    ],
)
def test_concepts_emphasised_name_cites_the_sentence_it_stands_in(name, sentence, line):
    """Before: every stressed name of a paragraph cited the whole paragraph, at its first
    line."""
    from extraction.readers import read_bytes

    cards = read_bytes(GLACIER_NOTE, path="ice.md").cards
    index = extract_concepts(cards)
    said = index.mentions[index.find(name)]
    assert Evidence("ice.md", line, sentence) in said
    assert all(e.text.count(". ") == 0 for e in said)  # never two sentences


@pytest.mark.parametrize(
    ("body", "bold", "named"),
    [
        ("NOTE: run the cells in order.", "NOTE", False),
        ("Bonus: try a deeper tree.", "Bonus", False),
        ("Cons: slow to train on long inputs.", "Cons", False),
        ("Image credit: adapted from a textbook.", "Image credit", False),
        ("Pitch: a note is a sound of one frequency.", "Pitch", True),
    ],
)
def test_concepts_callout_label_names_nothing(body, bold, named):
    bolded = replace(
        card("Notes", body, kind="heading"),
        emphasis=(Emphasis("body", 0, len(bold), "bold"),),
    )
    index = extract_concepts([bolded])
    structural = {
        c.key.lower()
        for s in index.candidates
        for c in s.candidates
        if c.roles["emphasis"] or c.roles["label"] or c.roles["acronym"]
    }
    assert (bold.lower() in structural) is named, structural


@pytest.mark.parametrize(
    ("body", "word", "named"),
    [
        ("TODO: reread the chapter on glaze firing.", "todo", False),
        ("Fire the kiln slowly. IMPORTANT: vent the fumes.", "important", False),
        ("A note is a sound of one frequency.", "note", True),
    ],
)
def test_concepts_callout_word_in_capitals_names_nothing(body, word, named):
    """A callout word written in capitals is set apart as a remark wherever it stands;
    in lower case in running text it may still name something (a musical note)."""
    index = extract_concepts([card("Pottery", body, kind="heading")])
    keys = {c.key.lower() for s in index.candidates for c in s.candidates}
    assert (word in keys) is named, keys


def test_concepts_callout_word_in_running_text_is_still_a_name():
    index = extract_concepts([card("Music", "A note is a sound of one frequency.")])
    assert any("note" in s.names for s in index.candidates)


def test_concepts_group_is_described_by_the_name_the_notes_single_out():
    # "loss" is used more often than "loss function", but the card's term is "loss function"
    index = extract_concepts(
        [
            card(
                "Loss function",
                "The loss is averaged. Less loss is better. The loss falls.",
                kind="term",
            )
        ]
    )
    group = next(s for s in index.candidates if "loss" in s.names)
    assert "loss function" in group.names
    assert not group.features.get("words1")


@pytest.mark.parametrize(
    ("sentence", "name", "found"),
    [
        ("Overfitting happens when a tree learns the noise.", "overfitting", True),
        ("Averaging many trees helps to avoid overfitting.", "overfitting", True),
        ("Bagging and boosting combine weak learners.", "boosting", True),
        ("The net learns by employing dropout layers.", "employing", False),
        ("Heating the alloy takes an hour.", "heating", False),
    ],
)
def test_concepts_gerund_used_as_a_noun_is_a_name(sentence, name, found):
    index = extract_concepts([card("Notes", sentence, kind="heading")])
    keys = {c.key.lower() for s in index.candidates for c in s.candidates if c.roles["mention"]}
    assert (name in keys) is found, keys


@pytest.mark.parametrize(
    ("sentence", "name", "defined"),
    [
        # the bracket names the soil mix before it: the sentence says what loam is made of
        ("A mix of sand, silt and clay (also known as loam) holds water well.", "loam", False),
        ("A mix of sand, silt and clay is known as loam.", "loam", True),
    ],
)
def test_concepts_a_name_given_in_brackets_is_not_defined_by_the_sentence(sentence, name, defined):
    index = extract_concepts(
        [card("Notes", sentence, kind="heading")], model=LogisticModel((), (), bias=10.0)
    )
    assert bool(index.concepts[index.find(name)].definition) is defined


@pytest.mark.parametrize(
    ("title", "answer", "defined"),
    [
        ("Titration", "Slowly add the base and record the volume.", False),
        ("Osmosis", "Compare the two solutions before and after.", False),
        ("Enzyme assay", "Define the substrate first.", False),
        ("Titration", "A method that measures the concentration of an acid.", True),
        ("Osmosis", "move water across a membrane towards more solute", True),
    ],
)
def test_concepts_an_instruction_is_no_definition(title, answer, defined):
    index = extract_concepts(
        [card(title, answer, kind="term")], model=LogisticModel((), (), bias=10.0)
    )
    assert bool(index.concepts[index.find(title)].definition) is defined


@pytest.mark.parametrize(
    ("title", "sentence", "name", "defined"),
    [
        ("Merge sort", "The output is a sorted list of the same items.", "output", False),
        ("Plate tectonics", "This plate is a slab of the ocean floor.", "plate", False),
        ("Substrate", "Here the substrate is a pair of sugars.", "substrate", False),
        ("Heaps", "The heap is a tree in which each parent outranks its children.", "heap", True),
        ("Sorting", "A heap is a tree in which each parent outranks its children.", "heap", True),
        ("Cell biology", "The cell membrane is a layer of lipids.", "cell membrane", True),
        # a section about several things, not one: "the X" is a thing of its own
        (
            "Layers of the atmosphere",
            "The stratosphere is the layer above it.",
            "stratosphere",
            True,
        ),
        ("Organs of digestion", "The stomach is a muscular bag of acid.", "stomach", True),
        ("Week 3 summary: digestion", "The stomach is a muscular bag of acid.", "stomach", True),
    ],
)
def test_concepts_a_subject_bound_to_its_context_is_not_defined(title, sentence, name, defined):
    index = extract_concepts(
        [card(title, sentence, kind="heading")], model=LogisticModel((), (), bias=10.0)
    )
    roles = {c.key.lower() for s in index.candidates for c in s.candidates if c.roles["defined"]}
    assert (name in roles) is defined, roles
    concept = index.concepts.get(index.find(name) or "")
    assert bool(concept and concept.definition) is defined


@pytest.mark.parametrize(
    ("sentence", "name", "named"),
    [
        ("Define the buffer before the titration starts.", "buffer", False),
        ("The treaty defines the border between the two states.", "border", False),
        ("We define a buffer as a solution that resists a change in pH.", "buffer", True),
    ],
)
def test_concepts_define_names_only_what_it_defines_as_something(sentence, name, named):
    index = extract_concepts([card("Notes", sentence, kind="heading")])
    roles = {c.key.lower() for s in index.candidates for c in s.candidates if c.roles["named"]}
    assert (name in roles) is named, roles


@pytest.mark.parametrize(
    ("sentence", "name", "whole"),
    [
        ("This pattern is known as the theory of evolution.", "theory of evolution", True),
        ("The rate is called the speed of sound.", "speed of sound", True),
        ("Such rocks are known as types of basalt.", "types of basalt", False),
    ],
)
def test_concepts_a_name_given_keeps_its_of_complement(sentence, name, whole):
    index = extract_concepts([card("Notes", sentence, kind="heading")])
    roles = {c.key.lower() for s in index.candidates for c in s.candidates if c.roles["named"]}
    assert (name in roles) is whole, roles


@pytest.mark.parametrize(
    ("title", "body", "name", "role"),
    [
        (
            "Notes",
            "Traders compare the Return on Equity of two banks.",
            "return on equity",
            "mention",
        ),
        (
            "Notes",
            "Courts tried them for Crimes against Humanity.",
            "crimes against humanity",
            "mention",
        ),
        (
            "Notes",
            "The Balance of Trade is the gap between exports and imports.",
            "balance of trade",
            "defined",
        ),
        ("What is the Return on Equity?", "Profit over equity.", "return on equity", "question"),
        (
            "How did the Treaty of Ghent end the war?",
            "It restored borders.",
            "treaty of ghent",
            "question",
        ),
        # the capital is the sentence's, and France a place: two names
        ("Notes", "Sales in France fell sharply.", "sales in france", None),
        # a line in Title Case: every word is capitalised, the names' or not
        ("Notes", "Effects of Tariffs on Small Farms", "tariffs on small farms", None),
        # only an acronym after the preposition: where the name is used, not its words
        (
            "Notes",
            "Traders watched the Exchange Rate in the EU closely.",
            "exchange rate in the EU",
            None,
        ),
        # a framing noun still gives way to what it frames
        ("Notes", "Voters weighed the Advantages of Free Trade.", "advantages of free trade", None),
    ],
)
def test_concepts_title_case_name_goes_on_through_its_preposition(title, body, name, role):
    kind = "question" if title.endswith("?") else "heading"
    index = extract_concepts([card(title, body, kind=kind)])
    roles = {c.key.lower(): set(c.roles) for s in index.candidates for c in s.candidates}
    if role is None:
        assert roles.get(name.lower(), {"nested"}) <= {"nested"}, roles
    else:
        assert role in roles.get(name, set()), roles


@pytest.mark.parametrize(
    ("sentence", "shared", "never"),
    [
        # the parser makes the first modifier the head of the coordination
        ("Engineers study heat and mass transfer.", "heat transfer", None),
        ("Students compare aerobic and anaerobic respiration.", "aerobic respiration", None),
        ("Soils hold both sand and clay particles.", "sand particle", "sand clay particle"),
        # one noun phrase: the first modifier shares all after the word it matches
        (
            "Biologists compare aerobic and anaerobic cell respiration.",
            "aerobic cell respiration",
            "aerobic respiration",
        ),
        (
            "Historians contrast the early and late modern periods.",
            "early modern period",
            "early period",
        ),
        # a modifier cut at its hyphen takes the rest of the word
        ("Pre- and post-glacial valleys differ.", "pre-glacial valley", "pre valley"),
        # two noun phrases share nothing
        ("Add salt and pepper to the soup.", None, "salt pepper"),
        ("Cells need glucose and amino acids.", None, "glucose acid"),
        # nor does a noun and a hyphenated word that is all its phrase
        ("Teams compare speed and cost-efficiency.", None, "speed efficiency"),
    ],
)
def test_concepts_modifiers_coordinated_before_one_head_each_name_it(sentence, shared, never):
    index = extract_concepts([card("Notes", sentence, kind="heading")])
    roles = {c.key.lower(): dict(c.roles) for s in index.candidates for c in s.candidates}
    if shared is not None:
        assert "shared_head" in roles.get(shared, {}), roles
    if never is not None:
        assert never not in roles, roles


@pytest.mark.parametrize(
    ("sentence", "modifier"),
    [
        ("Engineers study heat and mass transfer.", "heat"),
        ("Soils hold both sand and clay particles.", "sand"),
        ("The lab runs blood and urine tests.", "blood"),
    ],
)
def test_concepts_a_modifier_that_shares_a_head_is_no_mention_alone(sentence, modifier):
    index = extract_concepts([card("Notes", sentence, kind="heading")])
    roles = {c.key.lower(): dict(c.roles) for s in index.candidates for c in s.candidates}
    assert not roles.get(modifier, {}).get("mention"), roles


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("This is known as the theory of evolution.", "theory of evolution"),
        ("Often called a magma chamber.", "magma chamber"),
    ],
)
def test_concepts_a_naming_sentence_that_says_nothing_else_is_no_definition(sentence, name):
    index = extract_concepts(
        [card("Notes", sentence, kind="heading")], model=LogisticModel((), (), bias=10.0)
    )
    concept = index.concepts.get(index.find(name) or "")
    assert concept is not None
    assert concept.definition == ""


@pytest.mark.parametrize(
    ("sentence", "name", "example"),
    [
        ("Some enzymes, such as amylase and pepsin, break down food.", "pepsin", True),
        ("Boundaries like trenches or mid-ocean ridges move slowly.", "mid-ocean ridge", True),
        ("Stains such as eosin (a pink dye) and hematoxylin are used.", "hematoxylin", True),
        ("Rocks such as granite form slowly and crystals grow.", "crystal", False),
    ],
)
def test_concepts_second_example_after_a_cue_is_an_example(sentence, name, example):
    index = extract_concepts([card("Notes", sentence, kind="heading")])
    scored = next(s for s in index.candidates if name in {n.lower() for n in s.names})
    assert bool(scored.features.get("role_example")) is example, (name, scored.features)


def test_concepts_example_cue_defines_nothing():
    index = extract_concepts(
        [card("Notes", "Activations such as ReLU keep gradients alive.", kind="heading")]
    )
    assert not index.concepts[index.find("ReLU")].definition


def test_concepts_definition_is_the_defining_sentence_not_the_first_mention():
    index = extract_concepts(
        [
            card(
                "Optimisation",
                "Gradients are noisy on small batches.\n"
                "A gradient is the vector of partial derivatives of the loss.",
                kind="heading",
            )
        ]
    )
    concept = index.concepts.get(index.find("gradient") or "")
    assert concept is not None
    assert concept.definition.startswith("A gradient is the vector")


def test_concepts_no_definition_in_the_notes_gives_none():
    index = extract_concepts(
        [
            card("What is a transformer?", "A model built on attention."),
            card("Transformers", "The transformer uses attention heads everywhere.", n=2),
        ]
    )
    attention = index.concepts.get(index.find("attention head") or "")
    if attention is not None:
        assert attention.definition == ""


@pytest.mark.parametrize(
    "body",
    [
        "Mulching is a gardening technique that covers the soil around the plants, "
        "so the ground cannot dry out in summer.\nMore follows here.",
        "A method,\nwith more text.",
    ],
)
def test_concepts_definition_text_ends_at_a_sentence_end(body):
    text = definition_text(body)
    assert not text.rstrip().endswith((",", " the", " a", " of", " an"))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the formula after the label is gone: the line says nothing of its own
        ("natural parameters:,", ""),
        # the sentence goes on in a formula: shown as cut, not as if it ended there
        (
            "The variance of a random variable, equal to",
            "The variance of a random variable, equal …",
        ),
        ("A gate that decides what to keep.", "A gate that decides what to keep."),
    ],
)
def test_concepts_definition_never_stops_inside_a_sentence(body, expected):
    index = extract_concepts([card("Natural parameters", body, kind="term")])
    concept = index.concepts[index.find("natural parameter")]
    assert concept.definition == expected


@pytest.mark.parametrize(
    ("surface", "ok"),
    [
        ("NiN block", True),
        ("f(x) notation", True),
        ("( NiN blocks", False),
        ("S_t", False),
        ("pull(key , value", False),
        ("<|unk|>", False),
        ("classifier | precision", False),
        ("glucose → pyruvate", False),  # an arrow joins two things
        ("ice ⇒ water", False),
        ("GLAZES — unit 4 review", False),  # a spaced long dash parts a title
        ("Bose–Einstein statistics", True),  # an unspaced one joins names
    ],
)
def test_concepts_names_are_well_formed(surface, ok):
    assert well_formed(surface) is ok


@pytest.mark.parametrize(
    ("title", "kind", "expected", "never"),
    [
        ("Osmosis vs. diffusion", "term", {"osmosis", "diffusion"}, set()),
        ("Hash tables versus binary trees in C", "heading", {"hash table", "binary tree"}, set()),
        (
            "What is the difference between mitosis and meiosis?",
            "question",
            {"mitosis", "meiosis"},
            {"difference"},
        ),
        # a side without a noun of its own shares the other's head
        (
            "Difference between aerobic and anaerobic respiration?",
            "question",
            {"aerobic respiration", "anaerobic respiration"},
            {"aerobic"},
        ),
        ("Compare arteries with veins", "question", {"artery", "vein"}, set()),
        ("How do enzymes differ from catalysts?", "question", {"enzyme", "catalyst"}, set()),
        # what follows the second name is no part of it
        (
            "Soft vs. hard water - a short overview",
            "heading",
            {"soft water", "hard water"},
            {"hard water - a short overview", "hard water a short overview"},
        ),
        # a chain of sides: lone modifiers share the last side's head
        (
            "Igneous vs sedimentary vs metamorphic rock?",
            "question",
            {"igneous rock", "sedimentary rock", "metamorphic rock"},
            {"igneous", "sedimentary"},
        ),
        ("Mitosis vs meiosis vs binary fission", "term", {"mitosis", "binary fission"}, set()),
    ],
)
def test_concepts_contrast_title_is_about_both_things(title, kind, expected, never):
    index = extract_concepts([card(title, "They differ in what crosses the membrane.", kind=kind)])
    role = "question" if kind == "question" else kind
    about = {c.key.lower() for s in index.candidates for c in s.candidates if c.roles[role]}
    assert expected <= about, about
    assert not about & never


def test_concepts_contrast_card_answer_defines_neither_thing():
    index = extract_concepts(
        [card("Osmosis vs. diffusion", "They differ in what crosses the membrane.", kind="term")]
    )
    for name in ("osmosis", "diffusion"):
        group = next(s for s in index.candidates if name in {n.lower() for n in s.names})
        assert not any(c.definitions for c in group.candidates), name
        if (found := index.find(name)) is not None:
            assert not index.concepts[found].definition


@pytest.mark.parametrize(
    ("body", "name", "least_used"),
    [
        # "subpar" is used once, "filtrate" three times (one a plural)
        ("The subpar filtrate drips. Filtrates drip. A filtrate is clear.", "subpar filtrate", 1),
        (
            "A filtrate sample drips. Each sample is clear. The filtrate is clear.",
            "filtrate sample",
            2,
        ),
    ],
)
def test_concepts_word_uses_counts_the_least_used_word_of_a_name(body, name, least_used):
    import math

    index = extract_concepts([card("Notes", body, kind="heading")])
    scored = next(s for s in index.candidates if name in {n.lower() for n in s.names})
    assert scored.features["word_uses"] == pytest.approx(math.log1p(least_used))


def test_concepts_head_verb_marks_a_clause_the_tagger_read_as_a_name():
    # "falters" is English only as a verb: "sample reconstruction falters" is a clause
    from extraction.concepts.candidates import Candidate
    from extraction.concepts.features import group_features

    def features(key):
        return group_features({key: [Candidate(key, count=1)]}, ranks={}, uses={})[key]

    assert features("reconstruction falter").get("head_verb") == 1
    assert not features("cell membrane").get("head_verb")
    assert not features("boiling point").get("head_verb")


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("How are enzymes denatured?", "enzyme"),
        ("Why do cell walls resist osmotic pressure?", "cell wall"),
        ("How can hash tables be used for caching?", "hash table"),
        # the subject goes on through its "of" complement
        ("How is the rate of photosynthesis measured?", "rate of photosynthesis"),
        ("How is the boiling point of water measured?", "boiling point of water"),
        # a pronoun, a framing word or what the question asks is no subject
        ("How do we measure osmotic pressure?", None),
        ("What problems arise when hash tables fill up?", None),
        ("In which organelles does respiration happen?", "respiration"),
        ("Which enzymes digest starch?", None),
        # a framing word a word before it classifies heads a name; a number does not
        ("Why do hash functions produce collisions?", "hash function"),
        ("Why do boundary cases break binary search?", "boundary case"),
        ("How do the two types differ?", None),
        # a framing word gives way to its "of" complement, in an instruction too
        ("How do the two types of rock differ?", "rock"),
        ("What are the limitations of light microscopes in viewing viruses?", "light microscope"),
        ("Give an example of a hash function", "hash function"),
        ("List the advantages of plate tectonics over continental drift", "plate tectonics"),
        ("Give an example", None),
        ("What are the pros and cons of a typical enzyme?", None),
        ("Name the advantages of the gel/agar plate over broth", None),
        # a name that opens with a word that judges is an instance the question judges
        ("What are typical tasks performed by enzymes in digestion?", None),
        ("What is a typical enzyme?", None),
        ("Why are good hash functions fast?", None),
        ("Why are several examples needed?", None),
        ("Why is the primary approach to erosion control costly?", None),
        # ... but a question asking what a note-taking word's thing is asks about its topic
        ("What is the primary approach for soil conservation?", "soil conservation"),
        ("What are the steps in bread baking?", "bread baking"),
        # a framing word before a preposition gives way to what it frames
        ("What is the syntax for list comprehensions?", "list comprehension"),
        ("What is the basic Python syntax for slicing?", "slicing"),
        ("What is the formula for kinetic energy?", "kinetic energy"),
        ("What is the notation for vectors?", "vector"),
        # a contrast of two things that are no names is about neither, nor a "difference"
        ("What is the difference between <= and =< ?", None),
        # the verb after "do"/"does"/"did" read as a noun ends the subject
        ("Why does the heart rate change during exercise?", "heart rate"),
        ("Why does the boiling point change at altitude?", "boiling point"),
        ("How did the Roman army march so far?", "roman army"),
        # ... also after a noun the tagger reads as an adjective, or a note word a name
        # before it classifies
        ("How does a red giant form?", "red giant"),
        ("What does the Hertzsprung-Russell diagram show?", "hertzsprung-russell diagram"),
        ("What does the diagram show?", None),
        # ... also when the parser hangs the verb on the subject as a noun, after a
        # possessive name
        ("What does Bernoulli's principle state?", "bernoulli's principle"),
        ("What does Hooke's law state?", "hooke's law"),
        ("What does a venturi meter measure?", "venturi meter"),
    ],
)
def test_concepts_question_about_something_else_is_about_its_subject(title, subject):
    index = extract_concepts([card(title, "It depends on the temperature.")])
    asked = {c.key.lower() for s in index.candidates for c in s.candidates if c.roles["question"]}
    assert asked == ({subject} if subject else set()), asked


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("Why does the heart rate change during exercise?", "heart rate"),
        ("How does the kidney filter blood?", "kidney"),
        ("Which ensemble of rivers is longest?", None),
    ],
)
def test_concepts_question_heading_is_read_as_a_question(title, subject):
    # a heading that asks a question names its subject, not its whole text
    index = extract_concepts([card(title, "It depends on the temperature.", kind="heading")])
    named = {c.key.lower() for s in index.candidates for c in s.candidates if c.roles["heading"]}
    assert named == ({subject} if subject else set()), named


@pytest.mark.parametrize(
    ("title", "name", "not_name"),
    [
        ("Why does the heart rate change during exercise?", "heart rate", "heart rate change"),
        ("What does Bernoulli's principle state?", "bernoulli's principle", "principle state"),
    ],
)
def test_concepts_verb_after_do_is_no_part_of_a_name(title, name, not_name):
    index = extract_concepts([card(title, "Yes.")])
    keys = {c.key.lower() for s in index.candidates for c in s.candidates}
    assert name in keys and not any(not_name in key for key in keys), keys


@pytest.mark.parametrize(
    ("title", "body", "opens"),
    [
        ("Osmosis", "Osmosis moves water across a membrane.", True),
        ("Enzyme", "The enzymes of the gut break starch down.", True),
        ("Training", "Cells undergo osmosis in water during training.", False),
    ],
)
def test_concepts_opens_answer_marks_a_title_its_answer_talks_about(title, body, opens):
    index = extract_concepts([card(title, body, kind="heading")])
    group = next(s for s in index.candidates if title.lower() in {n.lower() for n in s.names})
    assert bool(group.features.get("opens_answer")) is opens, group.features


@pytest.mark.parametrize(
    ("line", "named"),
    [
        ("Approach 1 : Competitive enzyme inhibition", "competitive enzyme inhibition"),
        ("Type 3: osmotic lysis", "osmotic lysis"),
        ("**Method 2 - Chemical digestion**", "chemical digestion"),
        # a step goes on with an instruction: no name
        ("Step 1: Mix the reagents", None),
    ],
)
def test_concepts_numbered_option_names_what_follows_the_number(line, named):
    index = extract_concepts([card("Notes", line, kind="heading")])
    labelled = {
        c.key.lower()
        for s in index.candidates
        for c in s.candidates
        if c.roles["label"] and c.key.lower() not in {"approach", "type", "method", "step"}
    }
    assert labelled == ({named} if named else set()), labelled


@pytest.mark.parametrize(
    ("title", "asked"),
    [
        ("What is osmosis?", True),
        ("Define osmosis", True),
        ("What are the types of osmosis?", False),
        ("How is osmosis measured?", False),
    ],
)
def test_concepts_asked_what_marks_a_question_about_what_it_is(title, asked):
    index = extract_concepts([card(title, "Water crosses a membrane.")])
    group = next(s for s in index.candidates if "osmosis" in {n.lower() for n in s.names})
    assert bool(group.features.get("asked_what")) is asked, group.features


@pytest.mark.parametrize(
    ("body", "link", "name", "linked", "link_line"),
    [
        ("Compost Heaps", "Compost Heaps", "compost heap", 1.0, 1.0),
        ("Compost Heaps for Gardeners", "Compost Heaps for Gardeners", "gardener", 0.0, 0.0),
        ("A levee holds back a river, see levee design.", "levee design", "levee design", 1.0, 0.0),
        ("Levee design keeps rivers in their beds.", "", "levee design", 0.0, 0.0),
        # a link opening its line before a description: an entry of a list of tools
        ("Seed Drill - a sowing machine for farms", "Seed Drill", "seed drill", 1.0, 1.0),
        ("Seed Drill: a sowing machine for farms", "Seed Drill", "seed drill", 1.0, 1.0),
        ("Seed Drill sows the seeds in rows.", "Seed Drill", "seed drill", 1.0, 0.0),
        # an article the name drops is no other part of the link's text
        ("The Compost Heaps", "The Compost Heaps", "compost heap", 1.0, 1.0),
        ("Two Compost Heaps", "Two Compost Heaps", "compost heap", 0.0, 0.0),
    ],
)
def test_concepts_link_text_is_a_feature_not_emphasis(body, link, name, linked, link_line):
    start = body.index(link) if link else 0
    runs = (Emphasis("body", start, start + len(link), "link"),) if link else ()
    index = extract_concepts([replace(card("Notes", body, kind="heading"), emphasis=runs)])
    scored = {c.key.lower(): s for s in index.candidates for c in s.candidates}
    assert not any(c.roles["emphasis"] for s in index.candidates for c in s.candidates)
    assert scored[name].features.get("linked", 0.0) == linked
    assert scored[name].features.get("link_line", 0.0) == link_line


@pytest.mark.parametrize(
    ("body", "link", "name", "kept"),
    [
        # the entries of a list of works or tools to read are no concepts, whatever the
        # selector's score
        ("Compost Heaps", "Compost Heaps", "compost heap", False),
        ("Seed Drill - a sowing machine for farms", "Seed Drill", "seed drill", False),
        # a name the text uses too is weighed by the selector
        ("Seed Drill sows the seeds in rows.", "Seed Drill", "seed drill", True),
    ],
)
def test_concepts_selection_rules_out_a_name_used_only_as_a_reading_list_entry(
    body, link, name, kept
):
    runs = (Emphasis("body", 0, len(link), "link"),)
    everything = LogisticModel(("log_count",), (1.0,), 5.0, 0.5)  # would keep any name
    index = extract_concepts(
        [replace(card("Notes", body, kind="heading"), emphasis=runs)], model=everything
    )
    group = _group(index, name)
    assert group.kept is kept, (group.ruled, group.features)
    assert bool(group.ruled) is not kept


@pytest.mark.parametrize(
    ("heading", "body", "bold", "kept"),
    [
        # a heading joining two names the text uses on their own: a section on two terms
        ("Erosion and Deposition", "Erosion wears rock away. Deposition lays it down.", "", False),
        # the notes stress the pair as one thing too: the selector weighs it
        (
            "Erosion and Deposition",
            "Erosion and deposition shape valleys. Erosion wears rock. Deposition lays it.",
            "Erosion and deposition",
            True,
        ),
    ],
)
def test_concepts_selection_rules_out_a_heading_that_pairs_two_terms(heading, body, bold, kept):
    runs = (Emphasis("body", 0, len(bold), "bold"),) if bold else ()
    everything = LogisticModel(("log_count",), (1.0,), 5.0, 0.5)
    index = extract_concepts(
        [replace(card(heading, body, kind="heading"), emphasis=runs)], model=everything
    )
    group = _group(index, "erosion and deposition")
    assert group.kept is kept, (group.ruled, group.features)


@pytest.mark.parametrize(
    ("title", "named"),
    [
        # the one noun a preposition narrows is no name of the heading's: the whole is
        ("The Conditions for Drought", {"conditions for drought"}),
        ("Limits on Borrowing", {"limits on borrowing"}),
        # two words or more before the preposition may name a thing of their own
        ("Soil Erosion in Deserts", {"soil erosion", "soil erosion in desert"}),
        # a heading that frames its topic still names the topic
        ("Types of Drought", {"drought"}),
    ],
)
def test_concepts_candidates_a_heading_names_not_the_noun_its_preposition_narrows(title, named):
    index = extract_concepts([card(title, "Rain fails for months.", kind="heading")])
    headings = {c.key for s in index.candidates for c in s.candidates if c.roles["heading"]}
    assert headings == named


@pytest.mark.parametrize(
    ("link", "name", "linked"),
    [
        # the short title of a linked work, before its subtitle
        ("Compost Heaps: A Guide for Gardeners", "compost heap", 1.0),
        ("Compost Heaps - A Guide for Gardeners", "compost heap", 1.0),
        ("Compost Heaps — A Guide for Gardeners", "compost heap", 1.0),
        # a name inside the title, or the title going on without a subtitle
        ("A Guide to Compost Heaps: Tips", "compost heap", 0.0),
        ("Compost Heaps for Gardeners", "compost heap", 0.0),
    ],
)
def test_concepts_link_short_title_before_a_subtitle_is_link_text(link, name, linked):
    runs = (Emphasis("body", 0, len(link), "link"),)
    index = extract_concepts([replace(card("Notes", link, kind="heading"), emphasis=runs)])
    scored = {c.key.lower(): s for s in index.candidates for c in s.candidates}
    assert scored[name].features.get("linked", 0.0) == linked, scored[name].features


def _stressed_definition_roles(body: str, bold: str) -> set[str]:
    """The roles of the definitions a heading card's ``body`` gives the run ``bold``,
    set in bold."""
    start = body.index(bold)
    bolded = replace(
        card("Notes", body, kind="heading"),
        emphasis=(Emphasis("body", start, start + len(bold), "bold"),),
    )
    index = extract_concepts([bolded], model=LogisticModel((), (), bias=10.0))
    return {
        role
        for s in index.candidates
        for c in s.candidates
        if c.key == bold
        for role, _ in c.definitions
    }


def _group(index, name: str):
    return next(s for s in index.candidates if name.lower() in {n.lower() for n in s.names})


@pytest.mark.parametrize(
    ("heading", "body", "unused"),
    [
        ("Enzyme kinetics", "Rates of reaction follow enzyme kinetics.", False),
        ("Plate tectonics", "Mountains rise where plate tectonics pushes crust up.", False),
        # the plural under a singular heading is the same name
        ("Hash table", "Hash tables keep keys in buckets.", False),
        ("Soil care on farms", "Farmers plant trees to hold the soil.", True),
        ("Further reading", "The library holds two books on the French revolution.", True),
    ],
)
def test_concepts_heading_unused_marks_a_heading_the_text_under_it_never_names(
    heading, body, unused
):
    index = extract_concepts([card(heading, body, kind="heading")])
    group = _group(index, heading)
    used = sum(c.headings_used for c in group.candidates)
    assert (used == 0, bool(group.features.get("heading_unused"))) == (unused, unused)


@pytest.mark.parametrize(
    ("title", "kind", "name"),
    [
        ("Osmosis", "term", "osmosis"),
        ("Plate tectonics", "heading", "plate tectonics"),
        ("What is osmosis?", "question", "osmosis"),
    ],
)
def test_concepts_title_name_is_one_use_not_a_mention_too(title, kind, name):
    index = extract_concepts([card(title, "Water moves across a membrane.", kind=kind)])
    (cand,) = _group(index, name).candidates
    assert cand.count == 1 and not cand.roles["mention"], (cand.count, cand.roles)


def test_concepts_heading_that_titles_a_card_is_one_use():
    over = card("Plate tectonics", "The crust moves.", kind="heading")
    under = replace(
        card("Subduction", "One plate sinks.", n=2, kind="heading"),
        section=("Plate tectonics",),
        section_lines=(10,),
    )
    index = extract_concepts([over, under])
    (cand,) = _group(index, "plate tectonics").candidates
    assert cand.count == 1, (cand.count, cand.roles)


@pytest.mark.parametrize(
    ("name", "evaluative"),
    [
        ("typical enzyme", True),
        ("usual catalyst", True),
        ("unusual mutation", True),
        ("unexpected precipitate", True),
        ("good solvent", True),
        ("subpar filtrate", True),
        ("important reaction", True),
        ("interesting property", True),
        ("crucial step", True),
        ("helpful diagram", True),
        ("different glacier", True),
        ("real-world application", True),
        ("well-known fable", True),
        ("famous experiment", True),
        ("obvious choice", True),
        # adjectives that say what kind of thing it is
        ("normal force", False),
        ("large intestine", False),
        ("primary colour", False),
        ("convective current", False),
        # judging words that a subject has made part of a term
        ("expected value", False),
        ("essential amino acid", False),
        ("similar triangles", False),
        ("effective dose", False),
        # a word alone is no description of something else
        ("typical", False),
    ],
)
def test_concepts_evaluative_marks_a_name_a_judging_word_opens(name, evaluative):
    from extraction.concepts.candidates import Candidate
    from extraction.concepts.features import group_features

    x = group_features({name: [Candidate(name, count=1)]}, ranks={}, uses={})[name]
    assert bool(x.get("evaluative")) is evaluative


@pytest.mark.parametrize(
    ("body", "name", "ruled"),
    [
        # a person only a dated credit names
        (
            "Kilns harden clay. The downdraft kiln was devised by Ada Quist in 1961.",
            "Ada Quist",
            CREDITED,
        ),
        # a dated sentence that credits nobody by name
        (
            "Kilns harden clay. The Quist Kiln was first fired in 1961.",
            "Quist Kiln",
            "",
        ),
        # a person the notes also write about outside a credit
        (
            "Ada Quist built kilns. The downdraft kiln was devised by Ada Quist in 1961.",
            "Ada Quist",
            "",
        ),
    ],
)
def test_concepts_ruled_out_credited_people(body, name, ruled):
    group = _group(extract_concepts([card("Soils and kilns", body, kind="heading")]), name)
    assert group.ruled == ruled, group.features
    assert not (ruled and group.kept)


@pytest.mark.parametrize(
    ("body", "name", "ruled"),
    [
        # a process's own thing, only ever "the" one, never what a sentence is about
        (
            "Kilns fire clay. A kiln dries the input mixture. The glaze coats the input mixture.",
            "input mixture",
            PARTICULAR,
        ),
        (
            "Kilns fire clay. Glazing seals the resulting surface of the pot.",
            "resulting surface",
            PARTICULAR,
        ),
        # said something about: the subject of a clause
        (
            "Kilns fire clay. The input mixture dries in the kiln.",
            "input mixture",
            "",
        ),
        # a kind: used without "the"
        (
            "Kilns fire clay. A kiln dries the input mixture. An input mixture holds water.",
            "input mixture",
            "",
        ),
        # a word that says what kind it is, not where it stands in a process
        (
            "Kilns fire clay. A kiln dries the stoneware mixture.",
            "stoneware mixture",
            "",
        ),
    ],
)
def test_concepts_ruled_out_a_process_own_thing(body, name, ruled):
    group = _group(extract_concepts([card("Kilns", body, kind="heading")]), name)
    assert group.ruled == ruled, group.features
    assert not (ruled and group.kept)


@pytest.mark.parametrize(
    ("body", "name", "ruled"),
    [
        # labels of instances numbered one after another
        (
            "Kilns fire clay. Mark each pot with its batch: batch1, batch2, batch3 or batch4.",
            "batch2",
            SERIES,
        ),
        # two numbers make no series
        (
            "Kilns fire clay. Mark each pot with its batch: batch1 or batch2.",
            "batch2",
            "",
        ),
    ],
)
def test_concepts_ruled_out_a_numbered_series(body, name, ruled):
    group = _group(extract_concepts([card("Kilns", body, kind="heading")]), name)
    assert group.ruled == ruled, group.features
    assert not (ruled and group.kept)


@pytest.mark.parametrize(
    ("title", "body", "name", "ruled"),
    [
        # a heading typed in capitals that the text under it never uses: a section
        ("FIRING SCHEDULES", "A bisque firing hardens clay.", "FIRING SCHEDULES", SECTION),
        # the text under it opens by naming it: left to the selector
        ("THE SOIL-WATER BALANCE", "The soil-water balance sets runoff.", "SOIL-WATER BALANCE", ""),
        # the text's own name stays: left to the selector
        ("GLAZES", "A glaze is a glassy coat. Glazes melt in the kiln.", "glaze", ""),
        # capitals English does not know: an acronym
        ("KTX", "A bisque firing hardens clay.", "KTX", ""),
        # the ordinary case: left to the selector
        ("Firing schedules", "A bisque firing hardens clay.", "Firing schedules", ""),
    ],
)  # fmt: skip
def test_concepts_ruled_out_a_section_in_capitals(title, body, name, ruled):
    group = _group(extract_concepts([card(title, body, kind="heading")]), name)
    assert group.ruled == ruled, group.features
    assert not (ruled and group.kept)


@pytest.mark.parametrize(
    ("title", "body", "name", "ruled"),
    [
        # a heading that describes: a judging word opens it, nothing says what it is
        ("Toy kilns", "A toy kiln fires a single cup. Kilns harden clay.", "toy kiln", DESCRIPTION),
        # a sentence defines it: left to the selector
        ("Toy kilns", "A toy kiln is a kiln small enough for one cup.", "toy kiln", ""),
        # a word that classifies
        ("Electric kilns", "An electric kiln fires a single cup.", "electric kiln", ""),
    ],
)
def test_concepts_ruled_out_a_description(title, body, name, ruled):
    group = _group(extract_concepts([card(title, body, kind="heading")]), name)
    assert group.ruled == ruled, group.features
    assert not (ruled and group.kept)


@pytest.mark.parametrize(
    ("heading", "body", "paired"),
    [
        ("Osmosis and diffusion", "Osmosis moves water. Diffusion moves solutes.", True),
        ("Mitosis & meiosis", "Mitosis copies a cell. Meiosis halves its chromosomes.", True),
        # one term whose parts the notes never use alone
        ("Hold and release", "Hold and release is a way to grip a rope.", False),
        ("Plate tectonics", "Plate tectonics moves continents.", False),
    ],
)
def test_concepts_heading_pair_marks_a_heading_joining_two_names(heading, body, paired):
    index = extract_concepts([card(heading, body, kind="heading")])
    group = _group(index, heading)
    assert bool(group.features.get("heading_pair")) is paired, group.features


@pytest.mark.parametrize(
    ("title", "kind", "clause"),
    [
        ("Soil care on farms", "heading", True),
        ("Erosion by wind and water", "heading", True),
        ("Enzymes in digestion", "heading", True),
        # a name, or a clause the notes give as a term rather than a section's title
        ("Plate tectonics", "heading", False),
        ("Erosion by wind and water", "term", False),
    ],
)
def test_concepts_heading_clause_marks_a_heading_that_reads_like_a_clause(title, kind, clause):
    index = extract_concepts([card(title, "Rocks wear away over time.", kind=kind)])
    group = _group(index, title)
    assert bool(group.features.get("heading_clause")) is clause, group.features


@pytest.mark.parametrize(
    ("sentence", "name", "holders"),
    [
        ("Blood pressure, air pressure and the pressure wave vary.", "pressure", 3),
        ("The blood pressure and the air pressure keep the pressure.", "pressure", 2),
        ("Soil erosion and wind erosion wear away the erosion surface.", "erosion", 3),
        # a word of no longer name, and a name of two words: no building block
        ("Water crosses a cell membrane by osmosis.", "osmosis", 0),
        ("Blood pressure rises when air pressure falls.", "blood pressure", 0),
        # the names inside one longer name ("enzyme binding", "enzyme binding site") are
        # never used on their own: one name of the notes holds the word
        ("Enzymes speed up reactions. The enzyme binding site kinetics were slow.", "enzyme", 1),
    ],
)
def test_concepts_word_in_names_counts_the_longer_names_a_word_is_part_of(sentence, name, holders):
    import math

    index = extract_concepts([card("Notes", sentence, kind="heading")])
    group = _group(index, name)
    assert group.features.get("word_in_names", 0.0) == pytest.approx(math.log1p(holders))


@pytest.mark.parametrize(
    ("title", "kind", "inner"),
    [
        ("What is the difficulty of hash table resizing?", "question", "hash table resizing"),
        ("What are the issues of cell division?", "question", "cell division"),
        ("Difficulties with cell division", "heading", "cell division"),
        ("Issues with plate tectonics", "heading", "plate tectonics"),
        ("Difficulties of osmosis", "term", "osmosis"),
        ("Scenarios for plate tectonics", "heading", "plate tectonics"),
        ("Situations of cell division", "heading", "cell division"),
        # which situations are asked about, not what the question is about
        ("In which scenarios would hash tables be faster than trees?", "question", None),
        # "problem" heads too many names ("halting problem") to frame them
        ("How does the halting problem limit compilers?", "question", "halting problem"),
    ],
)
def test_concepts_problem_words_frame_the_name_a_title_is_about(title, kind, inner):
    index = extract_concepts([card(title, "The notes go on about something else.", kind=kind)])
    named = {c.key.lower() for s in index.candidates for c in s.candidates if c.roles[kind]}
    assert inner is None or inner in named, named
    assert not named & {"problem", "issue", "difficulty", "scenario", "situation"} - {inner}, named


@pytest.mark.parametrize(
    ("body", "short", "full", "merged"),
    [
        # a given name English does not know: the short name is the same person
        (
            "The theory came from Charles Darwin after a long voyage. "
            "Later Darwin wrote about finches.",
            "darwin",
            "charles darwin",
            True,
        ),
        # a first word English knows makes another place of the same name
        (
            "Farms cover East Anglia in the lowlands. Rain falls on Anglia in winter.",
            "anglia",
            "east anglia",
            False,
        ),
        # two longer names end in it: the short one may be either
        (
            "Both Charles Darwin and Erasmus Darwin wrote books. "
            "Later Darwin wrote about finches. Then Darwin drew them.",
            "darwin",
            "charles darwin",
            False,
        ),
    ],
)
def test_concepts_merge_a_proper_name_into_the_one_longer_name_on_it(body, short, full, merged):
    built = [card("Notes", body, kind="heading")]
    together, rules = merged_by(built, short, full)
    assert together is merged
    assert ("proper_name" in rules or "proper_name" in merged_by(built, full, short)[1]) is merged


@pytest.mark.parametrize(
    ("full_forms", "merged"),
    [
        ({"Bunsen Burners": 2}, True),
        # also written in lower case: a common noun set in Title Case ("Define Bunsen
        # Burners"), not a proper name
        ({"Bunsen Burners": 2, "bunsen burners": 1}, False),
    ],
)
def test_concepts_merge_a_proper_name_only_when_always_capitalised(full_forms, merged):
    proper = Shape(2, proper=True, pos=("PROPN", "PROPN"))
    full, short = cand("bunsen burners", 2), cand("burners", 2)
    full.forms = Counter(full_forms)
    full.shapes[proper] = 2
    short.forms = Counter({"Burners": 2})
    short.shapes[Shape(1, proper=True, pos=("PROPN",))] = 2
    assert same_group(groups_of(full, short), "bunsen burners", "burners") is merged


@pytest.mark.parametrize(
    ("title", "name", "joined"),
    [
        ("Osmosis & Diffusion", "osmosis & diffusion", True),
        ("Enzymes + Substrates", "enzymes + substrate", True),
        ("Plate tectonics", "plate tectonics", False),
    ],
)
def test_concepts_clause_like_reads_and_written_as_a_symbol(title, name, joined):
    index = extract_concepts([card(title, "Explained in the lecture.", kind="heading")])
    scored = next(s for s in index.candidates if name in {n.lower() for n in s.names})
    assert bool(scored.features.get("clause_like")) is joined, (name, scored.features)


def candidate_keys(body: str) -> set[str]:
    index = extract_concepts([card("Notes", body, kind="heading")])
    return {c.key.lower() for s in index.candidates for c in s.candidates if c.count}


@pytest.mark.parametrize(
    ("body", "named", "never"),
    [
        ("For the proofs, see Lovelace Ch. 4 on enzymes.", {"enzyme"}, {"lovelace", "lovelace ch"}),
        ("Osmosis is proved in Hopper and Turing Ch. 2.", {"osmosis"}, {"hopper", "turing ch"}),
        ("As Curie et al. showed, isotopes decay.", {"isotope"}, {"curie", "curie et al"}),
        ("Lee Sec. 3 derives the hash table.", {"hash table"}, {"lee", "lee sec"}),
        ("Curie studied isotopes in Paris.", {"curie", "isotope"}, set()),
    ],
)
def test_concepts_citation_of_a_work_names_no_concept(body, named, never):
    keys = candidate_keys(body)
    assert named <= keys, keys
    assert not (never & keys), keys


@pytest.mark.parametrize(
    ("body", "named", "never"),
    [
        (
            "Is the product of two Poisson densities Poisson?",
            {"poisson density"},
            {"poisson density poisson"},
        ),
        ("One can show that cov cov holds for the kernel.", {"kernel"}, {"cov cov"}),
        ("The plates move step by step over the mantle.", {"mantle"}, set()),
    ],
)
def test_concepts_name_repeating_a_word_ends_before_the_repeat(body, named, never):
    keys = candidate_keys(body)
    assert named <= keys, keys
    assert not (never & keys), keys


@pytest.mark.parametrize(
    ("body", "never", "named"),
    [
        ("We build the hash table from scratch.", "scratch", "hash table"),
        ("The students sorted the samples by hand.", "hand", "sample"),
        ("In practice, the enzyme loses its shape.", "practice", "shape"),
        ("Each allele is copied in turn.", "turn", "allele"),
        ("The tests fail on purpose.", "purpose", "test"),
        ("Scratch the surface of the mineral.", "", "surface"),
    ],
)
def test_concepts_noun_of_an_adverbial_idiom_names_nothing(body, never, named):
    keys = candidate_keys(body)
    assert named in keys, keys
    assert not never or never not in keys, keys


def test_concepts_merging_a_capitalised_closed_compound_spells_an_acronym_without_error():
    # "FireWall" (fire + wall) spells "FW" as a closed compound, beside two phrases that
    # spell it too: the acronym's candidates are looked up by the key the notes write
    cards = [
        card("What is FireWall?", "FireWall is a brand of router. FW rules filter it.", n=1),
        card("What is fresh water?", "The fresh water (FW) of a lake holds little salt.", n=2),
        card("What is FW?", "FW stands for field work; the FireWall brand is unrelated.", n=3),
    ]
    index = extract_concepts(cards)
    assert {"FireWall", "fresh water"} <= set(index.concepts)


@pytest.mark.parametrize(
    ("prefix", "merged"),
    [
        ("TCP", True),  # an abbreviation: the TCP's recommendation system is the one
        ("YouTube", False),  # a coined name: its own system, not the general one
        ("PyTorch", False),
    ],
)
def test_concepts_merging_acronym_prefix_not_after_a_coined_name(prefix, merged):
    cards = [
        card(
            f"Describe the {prefix} recommendation system",
            f"The {prefix} recommendation system ranks videos by watch time.",
            n=1,
        ),
        card(
            "What is a recommendation system?",
            "A recommendation system suggests items. Every recommendation system learns.",
            n=2,
        ),
    ]
    index = extract_concepts(cards)
    assert (f"{prefix} recommendation system" not in index.concepts) is merged, index.concepts


@pytest.mark.parametrize(
    ("intro", "label"),
    [
        ("cold biomes:", "cold biome"),  # a name over its items
        ("Examples include:", None),  # a clause is no label
    ],
)
def test_concepts_candidates_a_label_over_list_items_is_a_label(intro, label):
    items = ["arctic tundra", "boreal forest"]
    body = "\n".join([intro, *items])
    first = len(intro) + 1
    listed = (
        ListItem(first, first + len(items[0]), 0, 0),
        ListItem(first + len(items[0]) + 1, len(body), 0, 0),
    )
    index = extract_concepts([replace(card("Biomes", body, kind="heading"), items=listed)])
    labelled = {x.key.lower() for s in index.candidates for x in s.candidates if x.roles["label"]}
    assert labelled == ({label} if label else set()), labelled


@pytest.mark.parametrize(
    ("body", "bold", "defined"),
    [
        # the stress marks where the name ends: the word after it is its verb, even one
        # the tagger reads as a plural noun ("forces")
        ("An espresso machine forces hot water through ground coffee.", "espresso machine", True),
        ("A levain feeds the dough and leavens the loaf.", "levain", True),
        # a plain form after it is its object's first word, read as a verb ("shadow")
        ("A sun dial tracks shadow length and hour.", "sun dial", True),
        # a finite verb after that word: it was a noun going on the name
        ("An espresso machine forces can vary a lot.", "espresso machine", False),
        ("An espresso machine forces varied a lot.", "espresso machine", False),
    ],
)
def test_concepts_candidates_a_stressed_subject_before_its_verb_is_defined(body, bold, defined):
    roles = _stressed_definition_roles(body, bold)
    assert ("emphasis" in roles) is defined, roles


@pytest.mark.parametrize(
    ("first", "heading", "name", "kept"),
    [
        # a heading names a kind of a concept the notes single out: what its section teaches
        ("Erosion", "Erosion by wind", "erosion by wind", True),
        ("Erosion", "Erosion in deserts", "erosion in desert", True),
        # "to" says where a section goes; the words before "on" are a note-taking word
        ("Erosion", "Erosion to deposition", "erosion to deposition", False),
        ("Notes", "Notes on erosion", "notes on erosion", False),
        # the words before "by" name nothing the notes single out
        ("Deposition", "Erosion by wind", "erosion by wind", False),
    ],
)
def test_concepts_selection_keeps_a_heading_that_refines_a_concept(first, heading, name, kept):
    one_word = LogisticModel(("words1",), (10.0,), -5.0, 0.5)  # keeps one-word names only
    cards = [
        card(first, f"{first} shapes every valley. {first} is slow.", kind="heading"),
        card(heading, "Dust storms lift fine grains from dry fields.", n=2, kind="heading"),
    ]
    group = _group(extract_concepts(cards, model=one_word), name)
    assert group.kept is kept, (group.kept_by, group.features)
    assert bool(group.kept_by) is kept


@pytest.mark.parametrize(
    ("heading", "body", "name", "kept"),
    [
        # the text under a heading glosses it: the student says what the term is
        ("Inflation", "A general rise in prices over time.", "inflation", True),
        (
            "Moraine",
            "A ridge of debris left by a glacier. It marks the ice's edge.",
            "moraine",
            True,
        ),
        ("Tundra", "Treeless plain of frozen subsoil.", "tundra", True),
        # or describes it without its subject, in one short paragraph
        ("Buffer", "Resists changes in pH when acid is added.", "buffer", True),
        ("Hygrometer", "Measures how humid the air is.", "hygrometer", True),
        # a statement about it, a sentence of a section, a question: no gloss
        ("Inflation", "Prices rose fast in the 1970s.", "inflation", False),
        ("Inflation", "What drives it? Demand and costs.", "inflation", False),
        # "The ..." opens a gloss only in a glossary entry, not a section of prose
        (
            "Tundra",
            "The coldest biome on land.\n\nIt covers the far north. Few trees grow there.",
            "tundra",
            False,
        ),
    ],
)
def test_concepts_selection_keeps_a_heading_the_text_under_it_glosses(heading, body, name, kept):
    none = LogisticModel(("words1",), (0.0,), -5.0, 0.5)  # turns every name down
    group = _group(extract_concepts([card(heading, body, kind="heading")], model=none), name)
    assert group.kept is kept, (group.kept_by, group.features)
    assert bool(group.kept_by) is kept


@pytest.mark.parametrize(
    ("body", "bold", "defined"),
    [
        # a stressed apposition closing the sentence names the noun before its comma
        ("The wave rises to a ridge, the crest.", "crest", True),
        ("A prism bends each colour by a different angle, the deviation.", "deviation", True),
        # a list of names is no apposition
        ("Soils hold clay, sand, the silt.", "silt", False),
        # nor is a run the sentence goes on after
        ("The wave rises to a ridge, the crest of which breaks.", "crest", False),
    ],
)
def test_concepts_candidates_a_stressed_closing_apposition_is_defined(body, bold, defined):
    roles = _stressed_definition_roles(body, bold)
    assert ("emphasis" in roles) is defined, roles
