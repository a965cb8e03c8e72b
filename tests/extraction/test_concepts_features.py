"""Features of the concept selector that read the sentences a name is used in."""

from __future__ import annotations

from collections import Counter

import pytest

from extraction.concepts import extract_concepts
from extraction.concepts.candidates import Candidate, Shape
from extraction.concepts.features import FEATURES, group_features
from extraction.logistic import LogisticModel
from extraction.records import Card, Evidence


def _features(name: str, sentences: list[str]) -> dict[str, float]:
    said = {Evidence("notes.md", line, text) for line, text in enumerate(sentences, 1)}
    cand = Candidate(name, count=len(sentences), sentences=said)
    return group_features({name: [cand]}, ranks={}, uses={})[name]


@pytest.mark.parametrize(
    ("sentence", "example"),
    [
        ("For example, a dam on a river stores potential energy.", True),
        ("For instance, a dam on a river stores potential energy.", True),
        ("Consider a dam on a river that stores potential energy.", True),
        ("Suppose a dam on a river stores potential energy.", True),
        ("Imagine a dam on a river that stores potential energy.", True),
        ("Let's say a dam on a river stores potential energy.", True),
        ("Say we have a dam on a river that stores potential energy.", True),
        ("Assume a dam on a river stores potential energy.", True),
        # instances of what the notes teach, and a plain statement
        ("Stores of energy, e.g. a dam on a river, release it later.", False),
        ("Stores of energy such as a dam on a river release it later.", False),
        ("A dam on a river stores potential energy.", False),
    ],
)
def test_features_example_share_marks_a_name_an_example_sets_up(sentence, example):
    x = _features("dam", [sentence])
    assert bool(x.get("example_share")) is example, x


def test_features_example_share_is_the_share_of_its_sentences():
    x = _features(
        "tank",
        [
            "Suppose the tank holds 5 litres of brine.",
            "The tank drains at 1 litre a minute.",
            "Brine flows out of the tank.",
            "A tank of brine loses salt as it drains.",
        ],
    )
    assert x["example_share"] == pytest.approx(0.25)


def _built(title: str, body: str):
    card = Card(
        id="n.md#1",
        source="n.md",
        format="test",
        lines=(1, 2),
        title=title,
        body=body,
        title_line=1,
        body_lines=(2,),
        title_kind="heading",
    )
    return extract_concepts([card], model=LogisticModel((), (), bias=10.0))


def _opens(text: str, name: str) -> float:
    index = _built("Notes", text)
    return next(s.features.get("opens_sentence", 0.0) for s in index.candidates if name in s.names)


@pytest.mark.parametrize(
    ("text", "name", "opens"),
    [
        ("Cells need water. Osmosis draws water into the cell.", "osmosis", True),
        ("Rock flows. The mantle convects slowly under the plates.", "mantle", True),
        (
            "Rock bends. Continental crust was folded into high mountains.",
            "continental crust",
            True,
        ),
        ("Wars end. The Treaty of Paris was signed after the war.", "treaty of paris", True),
        # the first sentence of a paragraph, a list item or an answer
        ("Osmosis moves water across a membrane.", "osmosis", False),
        # a name that comes later, or the subject of a clause inside the sentence
        ("Cells need water. Water crosses a membrane by osmosis.", "osmosis", False),
        ("Rock flows. In deep rock the mantle convects slowly.", "mantle", False),
        (
            "Plates move. Geologists argue that mantle convection drives them.",
            "mantle convection",
            False,
        ),
        # pointed back at, or a part of a longer subject
        ("Salts move. This slow diffusion moves them across the gut.", "slow diffusion", False),
        ("Starch is big. Typical enzymes of the gut break it down.", "typical enzyme", False),
        ("Keys matter. Hash tables, built on arrays, store keys.", "hash table", False),
    ],
)
def test_features_opens_sentence_marks_the_subject_a_prose_sentence_turns_to(text, name, opens):
    assert bool(_opens(text, name)) is opens


@pytest.mark.parametrize(
    ("sentence", "name", "proper"),
    [
        ("Bank of England sets the interest rate.", "bank of england", True),
        ("The Gulf of Mexico warms in summer.", "gulf of mexico", True),
        ("Rates are set by the Bank of England.", "bank of england", True),
        ("Charles Darwin sailed on a survey ship.", "charles darwin", True),
        # one capital at a sentence start, a name and its complement, a Title Case line
        ("Evolution explains the variety of species.", "evolution", False),
        ("The rate of reaction rises with heat.", "rate of reaction", False),
        ("Plate Boundaries", "plate boundary", False),
    ],
)
def test_features_proper_reads_a_name_of_capitals_at_a_sentence_start(sentence, name, proper):
    x = next(s.features for s in _built("Notes", sentence).candidates if name in s.names)
    assert bool(x.get("proper")) is proper, x
    if proper and " of " in name:
        assert not x.get("of_phrase"), x


@pytest.mark.parametrize(("cards", "weighed"), [(1, 0.0), (2, 0.693), (4, 1.386)])
def test_features_log_cards_weighs_nothing_for_one_card(cards, weighed):
    cand = Candidate("osmosis", count=cards, cards={f"n.md#{i}" for i in range(cards)})
    x = group_features({"osmosis": [cand]}, ranks={}, uses={})["osmosis"]
    assert x.get("log_cards", 0.0) == pytest.approx(weighed, abs=1e-3)


def _item_feature(tmp_path, line: str, name: str) -> float:
    from extraction.readers import read_paths

    path = tmp_path / "outline.md"
    path.write_text(f"# Water in plants\n\n- Cells need water\n{line}\n", encoding="utf-8")
    cards = [c for r in read_paths([path]) for c in r.cards]
    index = extract_concepts(cards, model=LogisticModel((), (), bias=10.0))
    return next(s.features.get("opens_item", 0.0) for s in index.candidates if name in s.names)


@pytest.mark.parametrize(
    ("line", "name", "opens"),
    [
        ("- Osmosis draws water into the cell", "osmosis", True),
        ("- The Treaty of Paris was signed after the war", "treaty of paris", True),
        ("- Magna Carta (1215) limited the power of the king", "magna carta", True),
        ("- Hash table = an array of buckets", "hash table", True),
        ("- Plate tectonics -> earthquakes along the faults", "plate tectonics", True),
        ("  - Continental drift was proposed in 1912", "continental drift", True),
        # a part of a longer subject, a name that comes later, a line of prose
        ("- Enzyme activity rises with heat", "activity", False),
        ("- Water crosses a membrane by osmosis", "osmosis", False),
        ("- In deep rock the mantle convects slowly", "mantle", False),
        ("Osmosis moves water across a membrane.", "osmosis", False),
        # a bracket that does not date the name
        ("- Hash table (HT) - an array of buckets", "hash table", False),
    ],
)
def test_features_opens_item_marks_the_name_a_list_item_is_about(tmp_path, line, name, opens):
    assert bool(_item_feature(tmp_path, line, name)) is opens


@pytest.mark.parametrize(
    ("heading", "opens"),
    [
        ("## Osmosis in plants", True),
        ("## How is water drawn into roots?", False),
    ],
)
def test_features_opens_item_not_in_the_answer_to_a_question(tmp_path, heading, opens):
    line = f"{heading}\n\n- Root pressure drives water up the stem"
    assert bool(_item_feature(tmp_path, line, "root pressure")) is opens


def _one_sentence(sentence: str, name: str, roles: dict[str, int]) -> dict[str, float]:
    said = {Evidence("notes.md", 1, sentence)}
    forms = Counter(w for w in sentence.lower().split() if w.startswith(name.lower()))
    cand = Candidate(name, count=1, sentences=said, roles=Counter(roles), forms=forms)
    return group_features({name: [cand]}, ranks={}, uses={})[name]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The salinity of the sea rises in summer.", "salinity"),
        ("Take a portion of the enzymes for the assay.", "portion"),
        ("The Acidity of a soil sets its colour.", "acidity"),
        ("Weigh the portions of both rocks.", "portion"),
    ],
)
def test_features_of_head_marks_a_plain_word_used_before_of(sentence, name):
    x = _one_sentence(sentence, name, {})
    assert x.get("of_head") == 1.0, x


@pytest.mark.parametrize(
    ("sentence", "name", "roles"),
    [
        # used on its own, singled out by the notes, two words, or an acronym
        ("The sea has a high salinity.", "salinity", {}),
        ("The salinity of the sea rises in summer.", "salinity", {"emphasis": 1}),
        ("The ocean trench of the plate grows.", "ocean trench", {}),
        ("The ATP of the cell fuels enzymes.", "ATP", {}),
    ],
)
def test_features_of_head_leaves_out_other_names(sentence, name, roles):
    assert "of_head" in FEATURES
    assert "of_head" not in _one_sentence(sentence, name, roles)


@pytest.mark.parametrize(
    "sentence",
    [
        "The salinity\tOF the sea rises.",
        "The salinity  of the sea rises.",
        "The salinity offsets the heat.",
        "The salinity is high; most of it is salt.",
        "Salinity, of course, rises.",
        "The salinity rises.",
    ],
)
def test_features_of_head_is_what_the_whole_pattern_finds(sentence):
    import re

    # only sentences holding "of" are searched with the group's pattern: the same share
    forms = {"salinity", *(w for w in sentence.lower().split() if w.startswith("salinity"))}
    names = "|".join(map(re.escape, sorted(forms)))
    found = re.search(rf"\b(?:{names})\s+of\b", sentence, re.IGNORECASE)
    expected = 1.0 if found else None
    assert _one_sentence(sentence, "salinity", {}).get("of_head") == expected


def test_features_of_head_is_the_share_of_its_sentences():
    x = _features(
        "portion",
        [
            "Take a portion of the enzymes.",
            "The portion is heated.",
            "Each portion is weighed.",
            "Another portion of them is cooled.",
        ],
    )
    assert x["of_head"] == pytest.approx(0.5)


@pytest.mark.parametrize(
    "sentence",
    [
        "We heat this enzyme to sixty degrees.",
        "These enzymes stop working in acid.",
        "Those enzymes come from the gut.",
        "Our enzyme solution is kept on ice.",
        "Pour your enzyme into the tube.",
        "My enzyme solution turned brown.",
        "Students add their enzyme to the starch.",
    ],
)
def test_features_pointed_marks_a_name_pointed_at_as_one_thing(sentence):
    x = _one_sentence(sentence, "enzyme", {})
    assert x.get("pointed") == 1.0, x


@pytest.mark.parametrize(
    ("sentence", "roles"),
    [
        # a kind the notes teach, the same name singled out, a word before "that" clause
        ("An enzyme speeds up a reaction.", {}),
        ("We heat this enzyme to sixty degrees.", {"emphasis": 1}),
        ("Heat shows that an enzyme unfolds.", {}),
        # "this" as the subject of a verb, pointing back at what came before
        ("This gives an enzyme more room to work.", {}),
        ("These make the enzyme unfold.", {}),
    ],
)
def test_features_pointed_leaves_out_other_uses(sentence, roles):
    assert "pointed" in FEATURES
    assert "pointed" not in _one_sentence(sentence, "enzyme", roles)


def test_features_pointed_is_the_share_of_its_sentences():
    x = _features(
        "tank",
        [
            "Our tank holds 5 litres of brine.",
            "A tank drains at 1 litre a minute.",
            "Brine flows out of a tank.",
            "A tank of brine loses salt as it drains.",
        ],
    )
    assert x["pointed"] == pytest.approx(0.25)


#: Sentences and a group's forms (lower case), each read by the ``of_head`` and
#: ``pointed`` searches as the group's whole pattern would read it: cases, runs of white
#: space, a form of several words or ending in a space, hyphens, gap words and articles,
#: and letters the engine's case rules pair ("K" the Kelvin sign and "k", "ſ" and "s").
_PATTERN_CASES = [
    ("The salinity of the sea rises.", {"salinity"}),
    ("The SALINITY\tOF the sea; this salinity rises.", {"salinity", "salinities"}),
    ("hypersalinity of the sea", {"salinity"}),
    ("The salinity offsets this heat.", {"salinity", "heat"}),
    ("Our  slow, warm tank of brine", {"tank", "warm tank"}),
    ("This very slow tank drains.", {"tank"}),
    ("This very slow old tank drains.", {"tank"}),
    ("This gives a tank of brine.", {"tank"}),
    ("These the tank", {"tank"}),
    ("these an tank", {"tank"}),
    ("these another tank", {"tank"}),
    ("Their t-test of means", {"t-test", "test"}),
    ("My -x of y", {"-x"}),
    ("my x- of y", {"x-"}),
    ("our sea \n of brine", {"sea ", "sea"}),
    ("This \u212aelvin scale of heat", {"kelvin"}),
    ("this \u017falinity of the sea", {"salinity"}),
    ("THIS \u0130ce of the sea", {"ice"}),
    ("this \u0131ce of it", {"ice"}),
    ("this caf\u00c9 of the town", {"caf\u00e9"}),
    ("this \u03a3igma of it", {"\u03c3igma", "\u03c2igma"}),
    ("", {"tank"}),
    ("this tank", {""}),
    ("x of", {""}),
]


@pytest.mark.parametrize(("sentence", "forms"), _PATTERN_CASES)
def test_features_of_head_and_pointed_find_what_the_group_pattern_finds(sentence, forms):
    import re

    from extraction.concepts import features

    names = "|".join(map(re.escape, sorted(forms)))
    of_head = re.compile(rf"\b(?:{names})\s+of\b", re.IGNORECASE)
    pointed = re.compile(
        rf"\b(?:{features._POINTING})\s+{features._POINTED_GAP}(?:{names})\b", re.IGNORECASE
    )
    assert features._before_of(sentence, forms) == bool(of_head.search(sentence))
    assert features._pointed_at(sentence, forms) == bool(pointed.search(sentence))


@pytest.mark.parametrize(
    ("name", "compares"),
    [
        ("deeper sequencing", True),
        ("larger dataset", True),
        ("best practice", True),
        ("lowest value", True),
        # an adjective that does not compare, one whose form only looks like it, a noun
        ("inner core", False),
        ("ultimate tensile strength", False),
        ("other reading", False),
        ("water table", False),
    ],
)
def test_features_comparative_marks_a_name_opened_by_a_comparing_adjective(name, compares):
    assert "comparative" in FEATURES
    words = name.split()
    cand = Candidate(name, count=1)
    cand.shapes[Shape(len(words), pos=("ADJ", *["NOUN"] * (len(words) - 1)))] += 1
    x = group_features({name: [cand]}, ranks={}, uses={})[name]
    assert bool(x.get("comparative")) is compares, x


def test_features_comparative_needs_an_adjective_first():
    # "number" is also the comparative of "numb": read as a noun, it compares nothing
    cand = Candidate("number of reads", count=1)
    cand.shapes[Shape(3, pos=("NOUN", "ADP", "NOUN"))] += 1
    x = group_features({"number of reads": [cand]}, ranks={}, uses={})["number of reads"]
    assert "comparative" not in x


@pytest.mark.parametrize(
    ("name", "glued"),
    [
        ("group1", True),
        ("sample12", True),
        ("trial2", True),
        # a term written with its number apart, or in capitals, and a plain word
        ("G1 phase", False),
        ("MP3", False),
        ("sample", False),
    ],
)
def test_features_glued_number_marks_a_word_with_a_number_glued_to_it(name, glued):
    assert "glued_number" in FEATURES
    x = _features(name, [f"Label it {name} in the table."])
    assert bool(x.get("glued_number")) is glued, x


@pytest.mark.parametrize(
    ("name", "unknown"),
    [
        # a word made of one English knows by an ending that makes words of words
        ("explainability", False),
        ("ensembling", False),
        ("swappability", False),
        # a slip, a coined word, a word with a digit
        ("precedure", True),
        ("mindware", True),
        ("sample7", True),
    ],
)
def test_features_unknown_leaves_out_a_word_made_of_a_known_one(name, unknown):
    x = _features(name, [f"The {name} was discussed."])
    assert bool(x.get("unknown")) is unknown, x


def _described(text: str, name: str) -> bool:
    index = _built("Notes", text)
    return any(
        c.roles["described"] for s in index.candidates if name in s.names for c in s.candidates
    )


@pytest.mark.parametrize(
    ("text", "name", "described"),
    [
        # a kind, in the singular with "a"/"an" or none, whose present-tense verb says
        # what it does, opening its clause, or the kind an opening "In" sets it in
        ("A heat engine runs a cycle between two reservoirs.", "heat engine", True),
        ("Predation benefits the predator and harms the prey.", "predation", True),
        ("A primary producer captures energy from sunlight.", "primary producer", True),
        (
            "Heat flows from hot to cold, while a closed system keeps its matter.",
            "closed system",
            True,
        ),
        ("In mutualism both partners gain.", "mutualism", True),
        ("An ascribed status is given at birth.", "ascribed status", True),
        # its verb read as a plural noun going on the name
        (
            "Heat flows. An isolated system exchanges neither matter nor energy.",
            "isolated system",
            True,
        ),
        # a common noun glossed by an apposition, not a person
        (
            "Growth stops at the carrying capacity, the largest population the land can hold.",
            "carrying capacity",
            True,
        ),
        ("Gavrilo Princip, a member of the Black Hand, shot him.", "gavrilo princip", False),
        # the notes' own thing, a plural's instances, a copula, a past event, a clause
        # inside the sentence, a question
        ("The model learns the weights from the data.", "model", False),
        ("Negative gradients push the weights down.", "negative gradient", False),
        ("A heat engine is a machine that turns heat into work.", "heat engine", False),
        ("A flood destroyed the bridge in 1990.", "flood", False),
        ("Farmers say that predation harms the flock.", "predation", False),
        ("Does predation benefit the predator?", "predation", False),
    ],
)
def test_concepts_features_a_kind_a_sentence_says_what_it_does_is_described(text, name, described):
    assert _described(text, name) is described


@pytest.mark.parametrize(
    ("sentence", "name", "of_phrase"),
    [
        # "each of", "all of": what goes before "of" is trimmed away, and the noun phrase
        # left is a plain one, used once
        ("Each of the processes holds a lock.", "process", False),
        ("The scheduler wakes all of the threads.", "thread", False),
        ("Economists teach the law of demand.", "law of demand", True),
    ],
)
def test_features_of_phrase_is_no_shape_of_a_complement_after_all_of(sentence, name, of_phrase):
    scored = next(s for s in _built("Notes", sentence).candidates if name in s.names)
    roles = sum((c.roles for c in scored.candidates), Counter())
    assert bool(scored.features.get("of_phrase")) is of_phrase, scored.features
    assert bool(roles["of_phrase"]) is of_phrase, roles
    assert scored.count == 1


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The flow of warm water cools the rock.", "water"),
        ("Take a sample of the soil layer.", "soil layer"),
        ("Each grain of sand is weighed.", "sand"),
        ("Of the salts in the sea, one is common.", "salt"),
    ],
)
def test_features_after_of_marks_a_plain_name_used_right_after_of(sentence, name):
    x = _one_sentence(sentence, name, {})
    assert x.get("after_of") == 1.0, x


@pytest.mark.parametrize(
    ("sentence", "name", "roles"),
    [
        # before "of", too far after it, or singled out by the notes
        ("Water of the sea is salty.", "water", {}),
        ("A sample of the deep cold soil.", "soil", {}),
        ("The flow of warm water cools the rock.", "water", {"term": 1}),
        ("The proof often fails.", "proof", {}),
    ],
)
def test_features_after_of_leaves_out_other_uses(sentence, name, roles):
    assert "after_of" in FEATURES
    assert "after_of" not in _one_sentence(sentence, name, roles)


def test_features_after_of_is_the_share_of_its_sentences():
    x = _features(
        "brine",
        [
            "A litre of brine drains.",
            "Brine is salty.",
            "The tank holds brine.",
            "Salt makes brine.",
        ],
    )
    assert x["after_of"] == pytest.approx(0.25)


_AFTER_OF_CASES = [
    *_PATTERN_CASES,
    ("a litre of brine", {"brine"}),
    ("Of  the\tcold brine", {"brine", "cold brine"}),
    ("of an each brine", {"brine"}),
    ("of this the brine", {"brine"}),
    ("of the one two brine", {"brine"}),
    ("proof of brine-x", {"brine"}),
    ("of brines", {"brine"}),
    ("OF THE BRINE", {"brine"}),
    ("of\u017f the sea", {"sea"}),
    ("of thi\u017f sea", {"sea"}),
    ("of -x", {"-x"}),
    ("of x- y", {"y"}),
]


@pytest.mark.parametrize(("sentence", "forms"), _AFTER_OF_CASES)
def test_features_after_of_finds_what_the_group_pattern_finds(sentence, forms):
    import re

    from extraction.concepts import features

    names = "|".join(map(re.escape, sorted(forms)))
    after_of = re.compile(
        rf"\bof\s+(?:(?:the|a|an|each|this)\s+)?(?:[\w-]+\s+)?(?:{names})\b", re.IGNORECASE
    )
    assert features._after_of(sentence, forms) == bool(after_of.search(sentence))


def _modifier_singled(
    name: str, roles: dict[str, int], modifier_uses: int, modifier_role: str = "term"
) -> float:
    card = Candidate("enzyme", count=modifier_uses, roles=Counter({modifier_role: 1}))
    cand = Candidate(name, count=2, roles=Counter(roles))
    x = group_features({"enzyme": [card], name: [cand]}, ranks={}, uses={})
    return x[name].get("modifier_singled", 0.0)


@pytest.mark.parametrize(
    ("name", "roles", "modifier_uses", "modifier_role", "marked"),
    [
        ("enzyme reaction", {}, 3, "term", 1.0),
        ("enzymes reaction", {}, 3, "heading", 1.0),
        ("enzyme reaction", {"mention": 2}, 2, "emphasis", 1.0),
        ("enzyme reaction", {}, 2, "acronym", 1.0),
        # a term of its own, a modifier used once or only mentioned, another modifier
        ("enzyme kinetics", {"term": 1}, 3, "term", 0.0),
        ("enzyme reaction", {}, 1, "term", 0.0),
        ("enzyme reaction", {}, 3, "mention", 0.0),
        ("starch reaction", {}, 3, "term", 0.0),
        ("reaction enzyme", {}, 3, "term", 0.0),
    ],
)
def test_features_modifier_singled_marks_a_phrase_of_a_singled_out_name(
    name, roles, modifier_uses, modifier_role, marked
):
    assert "modifier_singled" in FEATURES
    assert _modifier_singled(name, roles, modifier_uses, modifier_role) == marked


def _modifier_only(title: str, text: str, name: str) -> bool:
    index = _built(title, text)
    found = next(s for s in index.candidates if name in s.names)
    return bool(found.features.get("modifier_only"))


@pytest.mark.parametrize(
    ("title", "text", "name", "only"),
    [
        ("Notes", "Read the GNU manuals before you start.", "GNU", True),
        ("Notes", "The BIOS menu lists the boot order.", "BIOS", True),
        # used on its own, the head of a longer name, or singled out by a heading
        ("Notes", "The BIOS menu lists the boot order. Update the BIOS first.", "BIOS", False),
        ("Notes", "Run a careful QC before you start.", "QC", False),
        ("BIOS", "The BIOS menu lists the boot order.", "BIOS", False),
    ],
)
def test_features_modifier_only_marks_a_name_used_only_before_another_noun(title, text, name, only):
    assert "modifier_only" in FEATURES
    assert _modifier_only(title, text, name) is only
