"""Typed relations read from definitions, lists and list structure: a genus that is a
kind word, a definition after the term's short name, an acronym's expansion into its
parts, a class title over a list of term items, items that only modify the next one."""

from __future__ import annotations

import pytest

from extraction import relation_patterns as rp
from extraction.concepts import extract_concepts
from extraction.records import Card, ListItem
from extraction.relations import typed_relations
from tests.extraction.test_relations import _qa, assert_unrelated, expect, tiny_index, triples


def _typed(cards: list[Card]) -> set[tuple[str, str, str]]:
    return {
        (r.source, r.relation, r.target)
        for r in typed_relations(extract_concepts(cards))
        if r.relation != "related_to"
    }


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a genus that is itself a kind word ("class") names the class
        (
            "What is a weight class? || A class containing many heavy boxers.",
            ("class", "heavy boxer"),
            [("weight class", "is_a", "class"), ("heavy boxer", "part_of", "weight class")],
        ),
        # the definition opens after the term's short name in parentheses
        (
            "What is a read-evaluate-print loop? || (REPL): A command-line interface that "
            "reads a command and prints the result.",
            ("command-line interface", "REPL"),
            [("read-evaluate-print loop", "is_a", "command-line interface")],
        ),
        # a definition the parser reads as a clause ("A class declared ...")
        (
            "What is a salary class? || A class fixed using the salary scale.",
            ("class", "scale"),
            [("salary class", "is_a", "class")],
        ),
        # instances of the genus a definition opens with are instances of the term
        (
            "What is a shell? || A command-line interface such as Bash that runs commands.",
            ("command-line interface", "Bash"),
            [("Bash", "is_a", "shell"), ("Bash", "example_of", "command-line interface")],
        ),
        # a comparison sets its subject beside what follows "than"
        (
            "Field samples are of greater importance than laboratory controls.",
            ("field sample", "laboratory control"),
            [("field sample", "contrasts_with", "laboratory control")],
        ),
        # a head too general to add to the name: "reinforcement learning methods"
        (
            "Ridge is a class of penalized regression methods that shrink weights.",
            ("ridge", "penalized regression"),
            [("ridge", "is_a", "penalized regression")],
        ),
        # concepts listed after items that name no concept
        (
            "What is a laser? || They have applications in eye and skin surgery, "
            "barcode scanners, fibre optics.",
            ("barcode scanner", "fibre optics"),
            [
                ("laser", "used_for", "barcode scanner"),
                ("laser", "used_for", "fibre optics"),
            ],
        ),
    ],
)
def test_relations_readings_give_the_stated_relation(text, names, expected):
    index = tiny_index(text, *names)
    found = triples(index)
    for source, relation, target in expected:
        assert expect(index, source, relation, target) in found, found


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # a trait of what the "of" phrase names is no class (ASPECT_NOUNS)
        (
            "Define turgor || core feature of plant cells.",
            ("turgor", "feature", "plant cell"),
            ("turgor", "feature"),
        ),
        (
            "Define turgor || A key feature of plant cells.",
            ("turgor", "feature", "plant cell"),
            ("turgor", "feature"),
        ),
        (
            "What is elasticity? || A property of rubber that lets it stretch.",
            ("elasticity", "property", "rubber"),
            ("elasticity", "property"),
        ),
        # "the Microsoft Office Word editor" is no editor in general: concepts that modify
        # the next one (or the nouns compounded before it) make one item none of them names
        (
            "What is a word processor? || A desktop application, such as LibreOffice or the "
            "Microsoft Office Word editor.",
            ("LibreOffice", "Microsoft Office", "editor"),
            ("editor", "word processor"),
        ),
        # what is compared is a property of the subject's "of" object
        (
            "The mean weights of sprinters are higher than marathon runners.",
            ("weight", "marathon runner"),
            ("weight", "marathon runner"),
        ),
        # a line set like a heading inside an answer names a topic, it states nothing
        # of the card's subject
        (
            "What is crop rotation? || Growing different crops in turn on one field.\n"
            "Avoid Soil Erosion",
            ("crop rotation", "soil erosion"),
            ("crop rotation", "soil erosion"),
        ),
        # a label is no subject of the comparison
        (
            "Efficiency: can cook tough cuts faster than slow roasting.",
            ("efficiency", "slow roasting"),
            ("efficiency", "slow roasting"),
        ),
        # "divided into two classes" names no kinds
        (
            "The harvest is grouped into two classes.",
            ("harvest", "class"),
            ("harvest", "class"),
        ),
        # what "we" do, the reader does: no concept's use
        (
            "What is a quartile? || Here we also compute the interquartile range.",
            ("interquartile range",),
            ("quartile", "interquartile range"),
        ),
        # "X is called Y" names X, it is no kind of Y
        (
            "Connected this way, the programs are called a pipeline.",
            ("program", "pipeline"),
            ("program", "pipeline"),
        ),
        # "the posterior covariance" is neither the posterior nor the covariance
        (
            "The total dose includes a share from the intake model and the residual concentration.",
            ("total dose", "residual", "concentration"),
            ("residual", "total dose"),
        ),
    ],
)
def test_relations_readings_ignore_what_the_sentence_does_not_say(text, names, absent):
    assert_unrelated(text, names, absent)


def test_relations_readings_used_to_a_verb_another_table_reads_is_that_relation():
    index = tiny_index("Dropout is used to prevent overfitting.", "dropout", "overfitting")
    found = triples(index)
    assert expect(index, "dropout", "addresses", "overfitting") in found
    assert expect(index, "dropout", "used_for", "overfitting") not in found


def test_relations_readings_acronym_expanded_into_several_names_its_parts():
    cards = _qa(
        *((f"What is {n}?", "See the lecture.") for n in ("atomicity", "isolation", "durability")),
        ("What does ACID stand for?", "Atomicity\nIsolation\nDurability"),
    )
    edges = _typed(cards)
    assert {("atomicity", "part_of", "ACID"), ("durability", "part_of", "ACID")} <= edges


def test_relations_readings_acronym_expanded_into_one_name_has_no_parts():
    cards = _qa(
        ("What is a generative model?", "See the lecture."),
        ("What does GAN stand for?", "Generative model"),
    )
    assert not any(r == "part_of" for _, r, _ in _typed(cards))


def _class_card(intro: str, items: list[str], nested: bool = False) -> list[Card]:
    """A heading "The Germination Conditions" over ``intro`` and a list of ``items``
    (``nested``: each item opens a list of its own), after one card per concept."""
    body_lines = [intro, *items]
    body = "\n".join(body_lines)
    starts, offset = [], 0
    for line in body_lines:
        starts.append(offset)
        offset += len(line) + 1
    list_items = []
    for k, start in enumerate(starts[1:], start=1):
        list_items.append(ListItem(start, start + len(body_lines[k]), 0, 0))
    if nested:  # every item is the parent of a sub-item: a heading of its own list
        list_items += [ListItem(s + 1, s + 2, 1, s) for s in starts[1:]]
    names = ["water uptake", "warm soil", "rest and swell", "germination condition"]
    cards = _qa(*((f"What is {n}?", "See the lecture.") for n in names))
    cards.append(
        Card("s.txt#9", "s.txt", "markdown", (100, 100 + len(body_lines)),
             "The Germination Conditions", body, title_line=100,
             body_lines=tuple(range(101, 101 + len(body_lines))), title_kind="heading",
             items=tuple(list_items))
    )  # fmt: skip
    return cards


ITEMS = [
    "Water uptake. Only one seed coat may let water in.",
    "Warm soil. A steady range of temperatures exists.",
]


class _Knowing:
    """An index that also knows the concept ``name`` (one the selector would not keep in
    a note this small)."""

    def __init__(self, index, name: str):
        self.index, self.name = index, name

    def first_words(self):
        return self.index.first_words() | {self.name.split()[0]}

    def find(self, text: str):
        return self.name if text.strip().lower() == self.name else self.index.find(text)

    def spans_named(self, doc):
        return {}  # it knows one name more than the index: no answer kept from the index


def test_relations_readings_an_item_named_with_and_is_one_name():
    from extraction.concepts import sentences_of
    from extraction.relations import _listed

    items = [*ITEMS, "Rest and swell. A seed rests in the soil while it swells."]
    index = extract_concepts(_class_card("Three conditions must hold for germination:", items))
    line = next(
        (seg, sent)
        for seg, doc in index.segments
        for sent in sentences_of(doc)
        if sent.text == "Rest and swell."
    )
    assert _listed(_Knowing(index, "rest and swell"), [line]) == ["rest and swell"]


def test_relations_readings_list_under_a_class_title_gives_kinds():
    cards = _class_card("Three conditions must hold for germination:", ITEMS)
    edges = _typed(cards)
    assert ("water uptake", "is_a", "germination condition") in edges
    assert ("warm soil", "is_a", "germination condition") in edges
    edge = next(r for r in typed_relations(extract_concepts(cards)) if r.relation == "is_a")
    # the title, the line that introduces the list, and the item
    assert [e.text for e in edge.evidence][1] == "Three conditions must hold for germination:"


@pytest.mark.parametrize(
    ("intro", "nested"),
    [
        ("Some notes follow:", False),  # the title alone names the class
        ("Below are guidelines for conditions:", False),  # the class is what they are about
        ("Three conditions must hold for germination:", True),  # items head lists of their own
    ],
)
def test_relations_readings_list_under_a_class_title_needs_its_intro(intro, nested):
    edges = _typed(_class_card(intro, ITEMS, nested=nested))
    assert not any(t == "germination condition" and r == "is_a" for _, r, t in edges)


def test_relations_readings_a_negated_name_is_not_the_concept():
    items = [*ITEMS, "No dormancy. No seed can be woken by force."]
    cards = _class_card("Three conditions must hold for germination:", items)
    cards = [*cards, *_qa(("What is dormancy?", "See the lecture."))]
    edges = _typed(cards)
    assert ("dormancy", "is_a", "germination condition") not in edges


@pytest.mark.parametrize(
    ("intro", "parts"),
    [
        ("A heart is composed of two pumps with different roles.", True),
        ("A heart is composed of pumps.", False),  # no count: the list is more
    ],
)
def test_relations_readings_a_counted_whole_introduces_its_parts(intro, parts):
    body = "\n".join([intro, "- Atrium: receives blood", "- Ventricle: pushes it out"])
    cards = _qa(
        *((f"What is a {n}?", "See the lecture.") for n in ("atrium", "ventricle")),
        ("What is a pump?", "See the lecture."),
        ("What is a heart?", body),
    )
    edges = _typed(cards)
    assert (("atrium", "part_of", "heart") in edges) is parts
    assert (("ventricle", "part_of", "heart") in edges) is parts


# -- the misses report (benchmarks.relation_quality --misses) ------------------------------


@pytest.mark.parametrize(
    ("evidence", "form"),
    [
        ("An autoencoder consists of an encoder and a decoder.", "composed of"),
        ("LSTM vs. GRU", "'x vs y'"),
        ("Method | Best for", "table row"),
        ("Caching allows more throughput than polling.", "comparative"),
        ("Crop rotation: only one crop at a time", "list item or label"),
    ],
)
def test_relations_readings_misses_group_evidence_by_form(evidence, form):
    from benchmarks.relation_quality import evidence_form

    assert evidence_form(evidence).startswith(form)


def test_relations_readings_misses_say_what_the_graph_has(tmp_path):
    import networkx as nx

    from benchmarks.quality import DevFile
    from benchmarks.relation_quality import misses

    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "concepts.tsv").write_text(
        "canonical\taliases\ttier\tseeds\nlstm\t\tcore\t900\ngru\t\tcore\t900\n"
        "rnn\t\tcore\t900\nattention\t\tcore\t900\n"
    )
    (gold / "relations.tsv").write_text(
        "head\trelation\ttail\tseed\tevidence\n"
        "gru\tcontrasts_with\tlstm\t900\tGRU vs LSTM\n"
        "lstm\tis_a\trnn\t900\tAn LSTM is an RNN.\n"
        "gru\tuses\trnn\t900\tA GRU uses an RNN.\n"
        "attention\tuses\trnn\t900\tAttention uses an RNN.\n"
    )
    G = nx.MultiDiGraph()
    G.add_nodes_from(["LSTM", "GRU", "RNN"])
    G.add_edge("LSTM", "GRU", relation="contrasts_with")
    G.add_edge("LSTM", "RNN", relation="related_to")
    rows = misses(G, DevFile("900", tmp_path / "n.md", gold))
    assert [r["status"] for r in rows] == ["hit", "other", "none", "missing"]
    assert rows[1]["have"] == ["LSTM related_to RNN"]


@pytest.mark.parametrize(
    "intro",
    [
        "Problems caused by older versions:",
        "Risks shared by all kinds:",
        "Additional issues with modern architectures:",
    ],
)
def test_relations_readings_a_kind_word_after_a_preposition_lists_no_kinds(intro):
    # the line lists what its head noun names (problems, risks), not kinds of the card's
    # subject: the kind word only completes a preposition
    items = ["soil erosion", "nutrient depletion"]
    cards = _qa(
        *((f"What is {name}?", "See the lecture.") for name in [*items, "monoculture farming"]),
        ("Monoculture farming", "\n".join(["A short note.", intro, *(f"- {i}" for i in items)])),
    )
    index = extract_concepts(cards)
    whole = index.find("monoculture farming")
    assert not any(t == whole for s, r, t in triples(index) if r != "related_to"), triples(index)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Heap memory is shared by all threads, whereas stack memory is private to one thread.",
            ("heap memory", "stack memory"),
        ),
        (
            "Whereas mitosis produces two identical cells, meiosis produces four different cells.",
            ("mitosis", "meiosis"),
        ),
    ],
)
def test_relations_readings_whereas_contrasts_the_subjects_of_its_clauses(text, pair):
    index = tiny_index(text, *pair)
    assert expect(index, pair[0], "contrasts_with", pair[1]) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "Crop rotation offers a means to prevent soil erosion.",
            ("crop rotation", "soil erosion"),
            ("crop rotation", "addresses", "soil erosion"),
        ),
        (
            "Vaccination provides a simple way to avoid measles.",
            ("vaccination", "measles"),
            ("vaccination", "addresses", "measles"),
        ),
    ],
)
def test_relations_readings_a_way_something_provides_is_its_own_act(text, names, expected):
    # "X provides a way to V Y": what the way does, X does
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("cell", "kept", "dropped"),
    [
        ("Reducing erosion and protecting the harvest", "erosion", "harvest"),
        ("Preventing drought damage while improving yield", "drought damage", "yield"),
    ],
)
def test_relations_readings_a_cue_opening_a_cell_names_its_phrase_only(cell, kept, dropped):
    # "Best for: Reducing X and protecting Y": the cue's phrase ends at the next verb
    from extraction.records import Table

    defs = _qa(
        *((f"What is {name}?", "See the lecture.") for name in ("terracing", kept, dropped)),
    )
    table = Table(
        ("Farming method", "Best for"),
        (("Terracing", cell),),
        row_lines=(52,),
    )
    card = Card("s.txt#9", "s.txt", "markdown", (49, 52), "Which farming method?",
                "They differ.", title_line=49, body_lines=(50,),
                title_kind="heading", tables=(table,))  # fmt: skip
    index = extract_concepts([*defs, card])
    found = triples(index)
    assert expect(index, "terracing", "addresses", kept) in found
    other = index.find(dropped)
    assert not any(
        s == index.find("terracing") and t == other for s, r, t in found if r != "related_to"
    ), found


@pytest.mark.parametrize(
    "text",
    [
        "Some RNAs carry no code and include snoRNAs and piRNAs.",
        "Plant cells contain RNAs which include snoRNAs and piRNAs.",
    ],
)
def test_relations_readings_an_acronym_plural_includes_kinds_not_parts(text):
    # "RNAs" (an acronym with a plural "s", tagged as a singular proper noun) is a plural
    # class: what it includes are kinds of it
    index = tiny_index(text, "RNA", "snoRNA", "piRNA")
    found = triples(index)
    assert expect(index, "snoRNA", "is_a", "RNA") in found
    assert expect(index, "snoRNA", "part_of", "RNA") not in found


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("The lab uses a burette, which is a type of glassware.", ("burette", "glassware"),
         ("burette", "is_a", "glassware")),
        ("We studied the Krebs cycle, which is a part of cellular respiration.",
         ("Krebs cycle", "cellular respiration"),
         ("Krebs cycle", "part_of", "cellular respiration")),
        ("Plants have a cell wall, which contains cellulose.", ("cell wall", "cellulose"),
         ("cellulose", "part_of", "cell wall")),
        ("Each cell has a nucleus, which includes the nucleolus.", ("nucleus", "nucleolus"),
         ("nucleolus", "part_of", "nucleus")),
        ("The engine drives a gearbox, which comprises a clutch and gears.", ("gearbox", "clutch"),
         ("clutch", "part_of", "gearbox")),
        ("The course covers the atmosphere, which consists of nitrogen and oxygen.",
         ("atmosphere", "nitrogen"), ("nitrogen", "part_of", "atmosphere")),
    ],
)  # fmt: skip
def test_relations_readings_which_saying_what_a_thing_is_or_holds_is_the_noun_before(
    text, names, expected
):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # what the whole clause leads to is no effect of the noun before "which"
        ("The heater warms the room, which causes convection.", ("room", "convection"),
         ("room", "convection")),
    ],
)  # fmt: skip
def test_relations_readings_which_after_a_clause_may_be_the_clause(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Osmosis is a widely observed type of diffusion.", ("osmosis", "diffusion"),
         ("osmosis", "is_a", "diffusion")),
        ("The Krebs cycle is a closely linked part of cellular respiration.",
         ("Krebs cycle", "cellular respiration"),
         ("Krebs cycle", "part_of", "cellular respiration")),
    ],
)  # fmt: skip
def test_relations_readings_a_participle_modifies_a_kind_or_part_word(text, names, expected):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "pair"),
    [
        # "it" opening the answer is the card's subject
        ("Advantages of osmosis || It needs less energy than active transport.",
         ("osmosis", "active transport"), ("osmosis", "active transport")),
        ("What are plant cells? || They are larger than animal cells.",
         ("plant cell", "animal cell"), ("plant cell", "animal cell")),
        # a verb joined to another shares its subject
        ("Osmosis is passive and needs less energy than active transport.",
         ("osmosis", "active transport"), ("osmosis", "active transport")),
    ],
)  # fmt: skip
def test_relations_readings_a_comparison_sets_its_subject_against_what_follows_than(
    text, names, pair
):
    index = tiny_index(text, *names)
    assert expect(index, pair[0], "contrasts_with", pair[1]) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # after another sentence, "it" may be what that sentence named
        ("Advantages of osmosis || Water crosses the membrane. It needs less energy than "
         "active transport.", ("osmosis", "active transport"), ("osmosis", "active transport")),
    ],
)  # fmt: skip
def test_relations_readings_it_later_in_an_answer_is_no_side_of_a_comparison(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Arteries carry blood away from the heart, while veins carry it back.",
         ("artery", "vein")),
        ("Arteries carry blood away from the heart, whilst veins carry it back.",
         ("artery", "vein")),
        ("While mitosis gives two identical cells, meiosis gives four different ones.",
         ("mitosis", "meiosis")),
        # one clause negated; a quantifier's "of" phrase names the subject
        ("While arteries have thick walls, many of the veins do not.", ("artery", "vein")),
        ("While arteries have thick walls, some of the veins do not.", ("artery", "vein")),
        ("While arteries have thick walls, most of the veins do not.", ("artery", "vein")),
        # the "not" of an elided verb that the parser hangs on the clause after it
        ("While arteries have thick walls, many of the veins do not as the pressure in "
         "them is lower.", ("artery", "vein")),
        # the second side repeats the first side's head word: "lung tissue", "liver tissue"
        ("While lung cells divide slowly, many of the liver cells do not.",
         ("lung cell", "liver")),
        ("While lung cells divide slowly, many of the liver cells do not.",
         ("lung cell", "liver", "cell")),
    ],
)  # fmt: skip
def test_relations_readings_while_contrasts_clauses_set_against_each_other(text, pair):
    index = tiny_index(text, *pair)
    assert expect(index, pair[0], "contrasts_with", pair[1]) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # "while" opening the sentence, other verbs, nothing negated: at the same time
        ("While the enzyme binds the substrate, the cofactor stabilises the complex.",
         ("enzyme", "cofactor"), ("enzyme", "cofactor")),
        # a noun after the concept that is no head word of the other side narrows it
        ("While lung cells divide slowly, many of the liver proteins do not.",
         ("lung cell", "liver"), ("lung cell", "liver")),
    ],
)  # fmt: skip
def test_relations_readings_while_of_time_contrasts_nothing(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Like arteries, veins carry blood, but they hold valves.", ("artery", "vein")),
        ("Just like for osmosis, diffusion needs no energy, however in this case any solute "
         "can move.", ("osmosis", "diffusion")),
        ("Like hash tables, binary search trees store keys, but they keep them sorted.",
         ("hash table", "binary search tree")),
    ],
)  # fmt: skip
def test_relations_readings_a_likening_then_a_turn_contrasts_the_two(text, pair):
    index = tiny_index(text, *pair)
    assert expect(index, pair[0], "contrasts_with", pair[1]) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        ("Like arteries, veins carry blood.", ("artery", "vein", "blood"), ("artery", "vein")),
        ("Like arteries, veins carry blood and hold valves.", ("artery", "vein", "valve"),
         ("artery", "vein")),
    ],
)  # fmt: skip
def test_relations_readings_a_likening_without_a_turn_contrasts_nothing(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Overgrazing is a common problem. Goat herds can overgraze the hillsides.",
         ("overgrazing", "goat herd", "hillside"), ("goat herd", "causes", "overgrazing")),
        ("Flooding is a major problem. Heavy storms often flood the valley.",
         ("flooding", "heavy storm", "valley"), ("heavy storm", "causes", "flooding")),
        ("Flooding is a major problem. Spring storms flooded the delta.",
         ("flooding", "spring storm", "delta"), ("spring storm", "causes", "flooding")),
        # "a single", "one single" narrow nothing; the doer may be a relative pronoun in brackets
        ("Overgrazing is a common problem. A single goat herd (which can overgraze the "
         "hillsides) needs fences.", ("overgrazing", "goat herd", "hillside", "fence"),
         ("goat herd", "causes", "overgrazing")),
        ("Overgrazing is a common problem. One single goat herd (which can overgraze the "
         "hillsides) needs fences.", ("overgrazing", "goat herd", "hillside", "fence"),
         ("goat herd", "causes", "overgrazing")),
    ],
)  # fmt: skip
def test_relations_readings_doing_a_problem_to_something_causes_it(text, names, expected):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        ("Flooding is a major problem. Terraced fields do not flood the valley.",
         ("flooding", "terraced field", "valley"), ("terraced field", "flooding")),
        ("Overheating is a common problem. The engine overheated in the desert.",
         ("overheating", "engine", "desert"), ("engine", "overheating")),
    ],
)  # fmt: skip
def test_relations_readings_a_problem_not_done_or_undergone_is_caused_by_nothing(
    text, names, absent
):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Which igneous rocks form from lava? || 1. Basalt\n2. Obsidian",
         ("igneous rock", "lava", "basalt", "obsidian"), ("basalt", "is_a", "igneous rock")),
        ("What digestive enzymes break down starch? || - Amylase\n- Maltase",
         ("digestive enzyme", "starch", "amylase", "maltase"),
         ("maltase", "is_a", "digestive enzyme")),
        ("Which sorting algorithms are stable? || Merge sort\nInsertion sort",
         ("sorting algorithm", "merge sort", "insertion sort"),
         ("merge sort", "is_a", "sorting algorithm")),
    ],
)  # fmt: skip
def test_relations_readings_a_question_asking_which_things_of_a_class_lists_kinds(
    text, names, expected
):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # one thing asked for
        ("Which igneous rock forms from lava? || 1. Basalt\n2. Obsidian",
         ("igneous rock", "lava", "basalt", "obsidian"), ("basalt", "igneous rock")),
        # labelled lines say what the answer is made of, they list nothing
        ("Which igneous rocks form from lava? || Basalt: dark and fine.\nObsidian: glassy.",
         ("igneous rock", "lava", "basalt", "obsidian"), ("basalt", "igneous rock")),
    ],
)  # fmt: skip
def test_relations_readings_a_question_asking_which_thing_or_a_labelled_answer_lists_no_kinds(
    text, names, absent
):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("A thermostat is a device used to regulate room temperature.",
         ("thermostat", "room temperature"), ("thermostat", "used_for", "room temperature")),
        ("A seismograph is an instrument employed to record earthquakes.",
         ("seismograph", "earthquake"), ("seismograph", "used_for", "earthquake")),
    ],
)  # fmt: skip
def test_relations_readings_a_noun_used_to_do_something_gives_its_subject_the_use(
    text, names, expected
):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # a step in X, a tool for X: no kind of X
        ("Titration serves as a step in chemical analysis.", ("titration", "chemical analysis"),
         ("titration", "chemical analysis")),
        ("Titration acts as a tool for chemical analysis.", ("titration", "chemical analysis"),
         ("titration", "chemical analysis")),
    ],
)  # fmt: skip
def test_relations_readings_a_kind_cue_names_the_noun_it_is_followed_by(text, names, absent):
    assert_unrelated(text, names, absent)


_LABELLED = (
    "What are the elements of a plant cell? || Nucleus: holds the DNA.\n"
    "Cell wall: gives the cell its shape.\n{last}"
)


@pytest.mark.parametrize(
    ("last", "kept"),
    [
        # a bare label among labels with their text heads what follows, no item
        ("Chloroplast:\neach element above is drawn in the figure.", False),
        # its text on the same line: an item
        ("Chloroplast: makes sugar from light.", True),
    ],
)
def test_relations_readings_a_bare_label_among_labelled_items_is_no_item(last, kept):
    index = tiny_index(_LABELLED.format(last=last), "plant cell", "nucleus", "chloroplast")
    found = triples(index)
    assert expect(index, "nucleus", "part_of", "plant cell") in found
    assert (expect(index, "chloroplast", "part_of", "plant cell") in found) == kept


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("When should you use a heap and when should you use a stack? || See the table.",
         ("heap", "stack")),
        ("When should you use a list and when a tuple? || It depends on mutability.",
         ("list", "tuple")),
        ("When would you choose a heap over a stack? || When the data outlives the call.",
         ("heap", "stack")),
        ("When would you prefer a heap over a stack? || When the data outlives the call.",
         ("heap", "stack")),
        ("When should you pick a list and when a tuple? || It depends on mutability.",
         ("list", "tuple")),
    ],
)  # fmt: skip
def test_relations_readings_a_question_of_when_to_take_which_contrasts_the_two(text, pair):
    index = tiny_index(text, *pair)
    assert expect(index, pair[0], "contrasts_with", pair[1]) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # a statement of when to use one thing sets it against nothing
        ("You should use a heap when the memory is large.", ("heap", "memory"),
         ("heap", "memory")),
    ],
)  # fmt: skip
def test_relations_readings_when_to_use_one_thing_contrasts_nothing(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        ("A sonar survey is a method used to find the shipwreck on the seabed.",
         ("sonar survey", "shipwreck"), ("sonar survey", "shipwreck")),
        ("Titration is a procedure used to get the concentration of an acid.",
         ("titration", "concentration"), ("titration", "concentration")),
        ("Centrifugation is a technique used to obtain the plasma of a blood sample.",
         ("centrifugation", "plasma"), ("centrifugation", "plasma")),
        ("A contour map is a drawing used to represent the terrain of a region.",
         ("contour map", "terrain"), ("contour map", "terrain")),
        ("A pedigree chart is a diagram used to describe the inheritance of a trait.",
         ("pedigree chart", "inheritance"), ("pedigree chart", "inheritance")),
        ("A phase diagram is a chart used to express the states of a substance.",
         ("phase diagram", "state"), ("phase diagram", "state")),
        ("A histogram is a plot used to show the distribution of the measurements.",
         ("histogram", "distribution"), ("histogram", "distribution")),
        ("A hash table is a structure used to store the keys of a dictionary.",
         ("hash table", "key"), ("hash table", "key")),
        ("Whistles are used to enforce the rules of the game.", ("whistle", "rule"),
         ("whistle", "rule")),
    ],
)  # fmt: skip
def test_relations_readings_used_to_a_verb_of_mere_action_states_no_use(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        ("There is a significant drop in yield on the sandy plot compared to the clay plot.",
         ("sandy plot", "clay plot"), ("sandy plot", "clay plot")),
        ("The error rate of the heap sort is low compared to the merge sort.",
         ("heap sort", "merge sort"), ("heap sort", "merge sort")),
        ("A sharp rise in the price of copper compared to tin followed.",
         ("copper", "tin"), ("copper", "tin")),
    ],
)  # fmt: skip
def test_relations_readings_a_comparison_of_measures_contrasts_no_concepts(text, names, absent):
    assert_unrelated(text, names, absent)


def test_relations_readings_advantages_of_a_thing_compared_to_another_contrast_the_two():
    index = tiny_index(
        "What are the advantages of a heap sort compared to a merge sort?",
        "heap sort",
        "merge sort",
    )
    assert expect(index, "heap sort", "contrasts_with", "merge sort") in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        ("Paired samples: The samples from each patient (before and after the dose) are "
         "measured twice.", ("paired sample", "sample"), ("paired sample", "sample")),
        ("Cold fronts: The fronts of cold air (from the poles) are moving fast.",
         ("cold front", "front"), ("cold front", "front")),
    ],
)  # fmt: skip
def test_relations_readings_a_label_then_a_clause_with_brackets_states_no_kind(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        ("Page cache: If your system includes a page cache (also known as a disk cache), the "
         "first read is slow.", ("page cache", "disk cache"), ("page cache", "disk cache")),
        ("Cell wall: If a plant cell contains a cell wall (also called a wall layer), it keeps "
         "its shape.", ("cell wall", "wall layer"), ("cell wall", "wall layer")),
    ],
)  # fmt: skip
def test_relations_readings_the_gloss_of_the_subject_named_again_is_no_part_of_it(
    text, names, absent
):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Geology and seismology are two areas of science that are relevant to mining.",
         ("geology", "seismology", "mining"), ("seismology", "used_for", "mining")),
        ("Botany and zoology are two fields of biology that are relevant to farming.",
         ("botany", "zoology", "farming"), ("zoology", "used_for", "farming")),
    ],
)  # fmt: skip
def test_relations_readings_a_predicate_adjective_takes_the_subject_of_its_copula(
    text, names, expected
):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Grain is milled into pre-flour, which still contains the bran.",
         ("grain", "pre-flour", "bran"), ("bran", "part_of", "pre-flour")),
        ("Code is compiled into pre-bytecode, which still contains debug symbols.",
         ("code", "pre-bytecode", "debug symbol"), ("debug symbol", "part_of", "pre-bytecode")),
    ],
)  # fmt: skip
def test_relations_readings_which_after_a_comma_holding_something_is_the_noun_before(
    text, names, expected
):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "expected", "absent"),
    [
        ("Latitude is measured with respect to the equator.", ("latitude", "equator"),
         ("latitude", "uses", "equator"), ("equator", "used_for", "latitude")),
        ("Velocity is always defined with reference to a reference frame.",
         ("velocity", "reference frame"), ("velocity", "uses", "reference frame"),
         ("reference frame", "used_for", "velocity")),
    ],
)  # fmt: skip
def test_relations_readings_with_respect_to_names_a_frame_of_reference_no_instrument(
    text, names, expected, absent
):
    index = tiny_index(text, *names)
    found = triples(index)
    assert expect(index, *expected) in found
    assert expect(index, *absent) not in found


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Latitude is measured with respect to the planet's equator.",
         ("latitude", "planet", "equator"), ("latitude", "uses", "equator")),
        ("Osmosis relies on the cell's membrane.", ("osmosis", "cell", "membrane"),
         ("osmosis", "uses", "membrane")),
    ],
)  # fmt: skip
def test_relations_readings_an_object_owned_by_a_concept_is_the_thing_owned(text, names, expected):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # the owner is not the object, nor an item listed with it (a guard of the reading
        # above: the owner would be listed if it were not skipped)
        ("Photosynthesis uses the plant's chlorophyll and the sun's light.",
         ("photosynthesis", "plant", "chlorophyll", "sun", "light"), ("photosynthesis", "sun")),
        # a verb after the object opens a clause: a bracket after it glosses no item
        ("Latitude is measured with respect to the equator, and ends with N (on maps of "
         "Europe).", ("latitude", "equator", "map of Europe"), ("latitude", "map of Europe")),
    ],
)  # fmt: skip
def test_relations_readings_an_owner_or_a_later_clause_is_no_object(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Test kitchens use different batches of the same recipe to measure the baking time.",
         ("test kitchen", "batch", "baking time"),
         ("test kitchen", "used_for", "baking time")),
    ],
)  # fmt: skip
def test_relations_readings_an_infinitive_after_the_object_of_use_is_the_purpose_of_the_use(
    text, names, expected
):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


def _glossary(text: str, *terms: tuple[str, str]) -> list[Card]:
    """A glossary card per ``(term, definition)``, then a titleless card holding ``text``."""
    cards = [
        Card(f"g.md#{i}", "g.md", "markdown", (3 * i + 1, 3 * i + 2), term, definition,
             title_line=3 * i + 1, body_lines=(3 * i + 2,), title_kind="term")
        for i, (term, definition) in enumerate(terms)
    ]  # fmt: skip
    k = len(terms)
    cards.append(
        Card(f"g.md#{k}", "g.md", "markdown", (3 * k + 1, 3 * k + 2), "", text,
             title_line=3 * k + 1, body_lines=(3 * k + 2,))
    )  # fmt: skip
    return cards


_TECHNIQUES = (
    ("in situ hybridisation", "A technique that locates a sequence in a tissue section."),
    ("northern blotting", "A technique that detects RNA on a membrane."),
    ("in vivo imaging", "A technique that images tissue inside a living body."),
    ("biopsy", "A sample of tissue taken from the body."),
)


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("Unlike in situ hybridisation, northern blotting needs no tissue section.",
         ("northern blotting", "contrasts_with", "in situ hybridisation"),
         ("northern blotting", "contrasts_with", "situ hybridisation")),
        ("Unlike a biopsy, in vivo imaging needs no incision.",
         ("in vivo imaging", "contrasts_with", "biopsy"),
         ("vivo imaging", "contrasts_with", "biopsy")),
    ],
)  # fmt: skip
def test_relations_readings_a_name_that_opens_with_a_function_word_is_named_whole(
    text, expected, absent
):
    found = _typed(_glossary(text, *_TECHNIQUES))
    assert expected in found
    assert absent not in found


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Most coral bleaching is attributable to ocean warming.",
         ("coral bleaching", "ocean warming"), ("ocean warming", "causes", "coral bleaching")),
        ("Soil erosion is largely owing to deforestation.", ("soil erosion", "deforestation"),
         ("deforestation", "causes", "soil erosion")),
    ],
)  # fmt: skip
def test_relations_readings_a_state_due_to_something_is_caused_by_it(text, names, expected):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Cells often rely on a passive transport type process, exemplified by osmosis.",
         ("passive transport", "osmosis"), ("osmosis", "is_a", "passive transport")),
        ("Early computers used a stored program type design, exemplified by the EDSAC.",
         ("stored program", "EDSAC"), ("EDSAC", "is_a", "stored program")),
        ("The module follows a publish subscribe style design, exemplified by message queues.",
         ("publish subscribe", "message queue"), ("message queue", "is_a", "publish subscribe")),
    ],
)  # fmt: skip
def test_relations_readings_a_concept_before_type_and_a_noun_is_the_class_of_its_instances(
    text, names, expected
):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Terracing is the most appropriate strategy for hillside farms.",
         ("terracing", "hillside farm"), ("terracing", "used_for", "hillside farm")),
        ("Chlorination is an ideal method for drinking water.", ("chlorination", "drinking water"),
         ("chlorination", "used_for", "drinking water")),
    ],
)  # fmt: skip
def test_relations_readings_a_suitable_means_for_something_is_used_for_it(text, names, expected):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Sobel filters are applied on grey images to detect edges.", ("Sobel filter", "edge"),
         ("Sobel filter", "used_for", "edge")),
        ("Which defence strategies could be employed against floods to protect farmland?",
         ("defence strategy", "flood", "farmland"), ("defence strategy", "used_for", "farmland")),
    ],
)  # fmt: skip
def test_relations_readings_used_on_something_to_do_a_thing_is_used_for_it(text, names, expected):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("The most common sorting algorithm is merge sort.", ("merge sort", "sorting algorithm"),
         ("merge sort", "is_a", "sorting algorithm")),
        ("The best-known noble gas is helium.", ("helium", "noble gas"),
         ("helium", "is_a", "noble gas")),
        ("The most popular hash function is MurmurHash, which is fast.",
         ("MurmurHash", "hash function"), ("MurmurHash", "is_a", "hash function")),
    ],
)  # fmt: skip
def test_relations_readings_the_class_singled_out_is_named_without_its_ranking_words(
    text, names, expected
):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Skip lists are built out of linked nodes.", ("skip list", "linked node"),
         ("skip list", "uses", "linked node")),
        ("Ethanol fuel is derived mostly from sugar cane.", ("ethanol fuel", "sugar cane"),
         ("ethanol fuel", "uses", "sugar cane")),
    ],
)  # fmt: skip
def test_relations_readings_a_thing_built_from_another_uses_it(text, names, expected):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Pepsin (a digestive enzyme) breaks down proteins in the stomach.",
         ("pepsin", "digestive enzyme", "protein"), ("pepsin", "is_a", "digestive enzyme")),
        ("Osmosis (a passive process) moves water across membranes.",
         ("osmosis", "passive process", "water"), ("osmosis", "is_a", "passive process")),
    ],
)  # fmt: skip
def test_relations_readings_an_indefinite_noun_phrase_in_brackets_names_the_class(
    text, names, expected
):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize("word", sorted(rp.ASPECT_NOUNS))
def test_relations_readings_an_aspect_noun_names_no_class(word):
    """Each trait noun of :data:`rp.ASPECT_NOUNS`, as the head of a definition with an
    "of" phrase, gives no is_a."""
    assert_unrelated(
        f"Define turgor || A key {word} of plant cells.",
        ("turgor", word, "plant cell"),
        ("turgor", word),
    )


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Geologists use seismographs to detect earthquakes.", ("seismograph", "earthquake"),
         ("seismograph", "used_for", "earthquake")),
        ("Many compilers use hash tables to resolve symbol names.", ("hash table", "symbol name"),
         ("hash table", "used_for", "symbol name")),
        ("We can use a thermometer to monitor body temperature.",
         ("thermometer", "body temperature"), ("thermometer", "used_for", "body temperature")),
        ("Use litmus paper to test acidity.", ("litmus paper", "acidity"),
         ("litmus paper", "used_for", "acidity")),
    ],
)  # fmt: skip
def test_relations_readings_someone_using_a_thing_to_do_something_uses_it_for_that(
    text, names, expected
):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        ("Chemists use molarity to denote the concentration of a solution.",
         ("molarity", "concentration"), ("molarity", "concentration")),
        ("We use a toy tectonic plate to illustrate subduction.",
         ("tectonic plate", "subduction"), ("tectonic plate", "subduction")),
        ("The algorithm uses a hash function to locate the bucket.",
         ("hash function", "bucket"), ("hash function", "bucket")),
        ("Mechanics: Uses a hash function to locate the bucket.",
         ("hash function", "bucket"), ("hash function", "bucket")),
    ],
)  # fmt: skip
def test_relations_readings_a_use_that_names_or_shows_or_is_a_things_own_is_for_nothing(
    text, names, absent
):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize("verb", sorted(rp.SIGNIFYING_VERBS))
def test_relations_readings_a_verb_of_naming_or_showing_after_use_states_no_purpose(verb):
    """Each verb of :data:`rp.SIGNIFYING_VERBS` after "use X to" gives no ``used_for``."""
    after = "to the solute" if verb == "refer" else "the solute"
    assert_unrelated(
        f"Chemists use molarity to {verb} {after} concentration.",
        ("molarity", "solute concentration"),
        ("molarity", "solute concentration"),
    )


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Pepsin, one of the main digestive enzymes, breaks down proteins.",
         ("pepsin", "digestive enzyme", "protein"), ("pepsin", "is_a", "digestive enzyme")),
        ("We will apply one of the most common collision strategies, linear probing, to the "
         "table.", ("collision strategy", "linear probing"),
         ("linear probing", "is_a", "collision strategy")),
        ("The revolutionaries stormed one of the royal fortresses, the Bastille, in 1789.",
         ("royal fortress", "Bastille"), ("Bastille", "is_a", "royal fortress")),
    ],
)  # fmt: skip
def test_relations_readings_one_of_a_class_set_off_by_commas_names_a_member(text, names, expected):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        ("We tried one of the collision strategies, linear probing, and chaining.",
         ("collision strategy", "linear probing", "chaining"),
         ("linear probing", "collision strategy")),
    ],
)  # fmt: skip
def test_relations_readings_one_of_a_class_before_a_list_names_no_member(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Corrosion is prevented by a protective coating of zinc.",
         ("corrosion", "protective coating", "zinc"),
         ("protective coating", "addresses", "corrosion")),
        ("Soil erosion: prevented by planting a cover crop of clover.",
         ("soil erosion", "cover crop", "clover"), ("cover crop", "addresses", "soil erosion")),
    ],
)  # fmt: skip
def test_relations_readings_a_remedy_named_with_an_of_phrase_is_the_head_of_its_phrase(
    text, names, expected
):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("The fiscal crisis caused the French revolution.", ("fiscal crisis", "French revolution"),
         ("fiscal crisis", "causes", "French revolution")),
        ("The drought resulted in a famine.", ("drought", "famine"),
         ("drought", "causes", "famine")),
        ("Volcanic eruptions gave rise to island arcs.", ("volcanic eruption", "island arc"),
         ("volcanic eruption", "causes", "island arc")),
    ],
)  # fmt: skip
def test_relations_readings_a_cause_told_in_the_past_tense_causes(text, names, expected):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("The revolutionary army relied on mass conscription.",
         ("revolutionary army", "mass conscription"),
         ("revolutionary army", "uses", "mass conscription")),
        ("The Jacobins employed propaganda.", ("Jacobin", "propaganda"),
         ("Jacobin", "uses", "propaganda")),
        ("The smallpox vaccine prevented smallpox epidemics.",
         ("smallpox vaccine", "smallpox epidemic"),
         ("smallpox vaccine", "addresses", "smallpox epidemic")),
        ("Levees mitigated the flooding problem.", ("levee", "flooding problem"),
         ("levee", "addresses", "flooding problem")),
    ],
)  # fmt: skip
def test_relations_readings_a_use_or_a_remedy_told_in_the_past_tense_is_read(text, names, expected):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Algebraic topology is a subfield of topology.", ("algebraic topology", "topology"),
         ("algebraic topology", "is_a", "topology")),
        ("Paleoclimatology is a major subdiscipline of climatology.",
         ("paleoclimatology", "climatology"), ("paleoclimatology", "is_a", "climatology")),
        ("Ferns are a subgroup of vascular plants.", ("fern", "vascular plant"),
         ("fern", "is_a", "vascular plant")),
    ],
)  # fmt: skip
def test_relations_readings_a_subfield_or_subgroup_of_y_is_a_kind_of_y(text, names, expected):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "kind"),
    [
        ("Igneous rocks include basalt and granite, among others.",
         ("igneous rock", "basalt", "granite"), ("basalt", "igneous rock")),
        ("Common spices include cumin, saffron and turmeric, etc.",
         ("spice", "cumin", "saffron", "turmeric"), ("saffron", "spice")),
        ("Root vegetables include carrots and beets and others.",
         ("root vegetable", "carrot", "beet"), ("carrot", "root vegetable")),
    ],
)  # fmt: skip
def test_relations_readings_a_list_closed_as_a_sample_names_examples_not_kinds(text, names, kind):
    index = tiny_index(text, *names)
    found = triples(index)
    assert expect(index, kind[0], "example_of", kind[1]) in found
    assert expect(index, kind[0], "is_a", kind[1]) not in found


def test_relations_readings_a_closed_list_still_names_kinds():
    index = tiny_index(
        "Igneous rocks include basalt and granite.", "igneous rock", "basalt", "granite"
    )
    assert expect(index, "basalt", "is_a", "igneous rock") in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Thermodynamics is a branch of physics.", ("thermodynamics", "physics"),
         ("thermodynamics", "is_a", "physics")),
        ("Paleontology is an important area of geology concerned with fossils.",
         ("paleontology", "geology"), ("paleontology", "is_a", "geology")),
        ("Quantum optics is a field of physics.", ("quantum optics", "physics"),
         ("quantum optics", "is_a", "physics")),
        ("Number theory is a branch of mathematics.", ("number theory", "mathematics"),
         ("number theory", "is_a", "mathematics")),
    ],
)  # fmt: skip
def test_relations_readings_a_branch_or_area_of_a_discipline_is_a_kind_of_it(text, names, expected):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # an area or a branch of a thing is a region or a limb of it, no kind of it
        ("The hippocampus is an area of the brain.", ("hippocampus", "brain"),
         ("hippocampus", "brain")),
        ("The twig is a small branch of the oak tree.", ("twig", "oak tree"), ("twig", "oak tree")),
        ("The delta is an area of wetlands.", ("delta", "wetland"), ("delta", "wetland")),
    ],
)  # fmt: skip
def test_relations_readings_an_area_of_a_thing_is_no_kind_of_it(text, names, absent):
    index = tiny_index(text, *names)
    assert expect(index, absent[0], "is_a", absent[1]) not in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # things named in the plural or with an article hold and use what is used in them
        (
            "Tide tables || Commonly used in sailing schools, for passage planning.",
            ("tide table", "sailing school"),
            ("sailing school", "uses", "tide table"),
        ),
        (
            "Dropout is used in a neural network to reduce overfitting.",
            ("dropout", "neural network"),
            ("neural network", "uses", "dropout"),
        ),
        # a field, an activity or an undertaking is what the thing is used for
        (
            "Convolution is used in image processing.",
            ("convolution", "image processing"),
            ("convolution", "used_for", "image processing"),
        ),
        (
            "Sextants are used in navigation tasks to fix positions.",
            ("sextant", "navigation task"),
            ("sextant", "used_for", "navigation task"),
        ),
        # notes that drop their articles: a noun they count elsewhere names things
        (
            "Define glaze || glass coating fired onto pots\nused then in kiln\n"
            "Kilns fire many glazes.",
            ("glaze", "kiln"),
            ("kiln", "uses", "glaze"),
        ),
        # a bare singular the notes never count is a field, whatever else they write
        (
            "Define glaze || glass coating fired onto pots\nused then in pottery\n"
            "Kilns fire glazes.",
            ("glaze", "pottery", "kiln"),
            ("glaze", "used_for", "pottery"),
        ),
        # an act is what a thing is used for, even where the notes count it
        (
            "Define a kernel || similarity function\nused in classification\n"
            "Two classifications are compared.",
            ("kernel", "classification"),
            ("kernel", "used_for", "classification"),
        ),
    ],
)
def test_relations_readings_used_in_a_thing_is_that_things_use(text, names, expected):
    index = tiny_index(text, *names)
    edges = triples(index)
    assert expect(index, *expected) in edges
    source, relation, target = expected
    if relation == "uses":  # Y uses X, never X used_for Y
        assert expect(index, target, "used_for", source) not in edges
    else:  # X used_for Y, never Y uses X
        assert expect(index, target, "uses", source) not in edges


@pytest.mark.parametrize(
    ("text", "names", "cause"),
    [
        # a participle after a copula that gives its subject a state: the state leads
        ("The wind speed is now 0, leading to drift.",
         ("wind speed", "drift"), False),
        ("The learning rate is too high, causing divergence.",
         ("learning rate", "divergence"), False),
        # after a noun for attribute or a verb of action, the subject does
        ("Overfitting is a common problem, leading to poor generalization.",
         ("overfitting", "poor generalization"), True),
        ("Deforestation removes roots, leading to soil erosion.",
         ("deforestation", "soil erosion"), True),
    ],
)  # fmt: skip
def test_relations_readings_a_state_given_by_a_copula_causes_what_follows_it(text, names, cause):
    index = tiny_index(text, *names)
    assert (expect(index, names[0], "causes", names[1]) in triples(index)) is cause


_CLOUD = ("Cloud", "A mass of droplets in the air.")


@pytest.mark.parametrize(
    ("cards", "pair", "contrasted"),
    [
        # two kinds of one class that point to each other: alternatives set side by side
        ((_CLOUD, ("Cumulus cloud", "A cloud that forms low heaps.\nSee also: cirrus cloud."),
          ("Cirrus cloud", "A cloud that forms thin high wisps.")),
         ("cumulus cloud", "cirrus cloud"), True),
        ((("Simple machine", "A device that changes the size or direction of a force."),
          ("Lever", "A simple machine that turns about a pivot.\nCf. pulley."),
          ("Pulley", "A simple machine that turns a wheel.")),
         ("lever", "pulley"), True),
        # a class pointing to its kind, or entries of no common class: no contrast
        ((("Cloud", "A mass of droplets in the air.\nSee also: cirrus cloud."),
          ("Cirrus cloud", "A cloud that forms thin high wisps.")),
         ("cloud", "cirrus cloud"), False),
        ((_CLOUD, ("Cumulus cloud", "A cloud that forms low heaps.\nSee also: updraft."),
          ("Updraft", "A current of rising air.")),
         ("cumulus cloud", "updraft"), False),
    ],
)  # fmt: skip
def test_relations_readings_see_also_between_kinds_of_one_class_contrasts_them(
    cards, pair, contrasted
):
    index = extract_concepts(_qa(*cards))
    found = {(s, r, t) for s, r, t in triples(index)}
    assert (expect(index, *pair[:1], "contrasts_with", pair[1]) in found) is contrasted, found


def test_relations_readings_ways_line_kept_as_a_concept_still_names_what_they_address():
    # "Ways to avoid burnout" is a concept of its own (bold, nested items): its items
    # still address burnout
    text = (
        "Study habits || - **burnout**\n  - a state of exhaustion from long stress\n"
        "- **ways to avoid burnout**\n  - Interval training: short bursts of work then rest\n"
        "  - Sleep hygiene: a fixed bedtime"
    )
    names = ("burnout", "ways to avoid burnout", "interval training", "sleep hygiene")
    index = tiny_index(text, *names)
    found = triples(index)
    assert expect(index, "interval training", "addresses", "burnout") in found, found


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # one cause among several is a cause, not a kind of what it causes
        ("Overgrazing is one of the main causes of desertification.",
         ("overgrazing", "desertification"), ("overgrazing", "causes", "desertification")),
        ("Landslides are often the result of heavy rainfall.",
         ("landslide", "heavy rainfall"), ("heavy rainfall", "causes", "landslide")),
        ("A cactus needs very little water.", ("cactus", "water"), ("cactus", "uses", "water")),
        ("Condensation is the reverse of evaporation.", ("condensation", "evaporation"),
         ("condensation", "contrasts_with", "evaporation")),
        # the parser may make the object the root and the verb its auxiliary
        ("Bacteria, unlike viruses, have ribosomes.", ("bacteria", "virus", "ribosome"),
         ("bacteria", "contrasts_with", "virus")),
        ("Avalanches usually happen because of wind slab.", ("avalanche", "wind slab"),
         ("wind slab", "causes", "avalanche")),
        ("Scurvy develops due to vitamin C deficiency.", ("scurvy", "vitamin C deficiency"),
         ("vitamin C deficiency", "causes", "scurvy")),
        ("A radix sort operates on integer keys.", ("radix sort", "integer key"),
         ("radix sort", "uses", "integer key")),
        ("Interpolation search takes advantage of uniformly distributed keys.",
         ("interpolation search", "uniformly distributed key"),
         ("interpolation search", "uses", "uniformly distributed key")),
        ("Sunscreen protects the skin from ultraviolet radiation.",
         ("sunscreen", "skin", "ultraviolet radiation"),
         ("sunscreen", "addresses", "ultraviolet radiation")),
        ("Firewalls guard against intrusion attempts.", ("firewall", "intrusion attempt"),
         ("firewall", "addresses", "intrusion attempt")),
        ("A firewall is a barrier against intrusion attempts.",
         ("firewall", "intrusion attempt"), ("firewall", "addresses", "intrusion attempt")),
        ("The pineal gland is located in the epithalamus.", ("pineal gland", "epithalamus"),
         ("pineal gland", "part_of", "epithalamus")),
        ("Overfishing is responsible for the coral decline problem.",
         ("overfishing", "coral decline problem"),
         ("overfishing", "causes", "coral decline problem")),
        # what a thing lets a person do is what it is used for
        ("A sextant allows sailors to determine latitude at sea.", ("sextant", "latitude"),
         ("sextant", "used_for", "latitude")),
        ("A spreadsheet is a program that lets you sort ledger entries.",
         ("spreadsheet", "ledger entry"), ("spreadsheet", "used_for", "ledger entry")),
        # the active voice of a frame of reference: what it locates, it locates from Y
        ("A grid reference specifies a position with respect to the map origin.",
         ("grid reference", "map origin"), ("grid reference", "uses", "map origin")),
        # a choice between two of a kind sets them against each other
        ("Farmers have the choice of drip irrigation or sprinkler irrigation.",
         ("drip irrigation", "sprinkler irrigation"),
         ("drip irrigation", "contrasts_with", "sprinkler irrigation")),
        ("You have the option of printing on one side (simplex printing) or on both sides "
         "(duplex printing).", ("simplex printing", "duplex printing"),
         ("simplex printing", "contrasts_with", "duplex printing")),
        # a use said of a use, by a "which" standing for the clause before: the thing used
        ("Census data can be used to count the households, which can be utilized for "
         "urban planning.", ("census", "household", "urban planning"),
         ("census", "used_for", "urban planning")),
        ("A census can be used to count the households, which can be utilized for urban "
         "planning.", ("census", "household", "urban planning"),
         ("census", "used_for", "urban planning")),
        # what is applied to a field or an undertaking is used for it
        ("Triangulation can be applied to land surveying.", ("triangulation", "land surveying"),
         ("triangulation", "used_for", "land surveying")),
        ("Engineers apply load testing to bridge design.", ("load testing", "bridge design"),
         ("load testing", "used_for", "bridge design")),
        ("We read about dead reckoning and apply it to marine navigation.",
         ("dead reckoning", "marine navigation"),
         ("dead reckoning", "used_for", "marine navigation")),
        # what achieves a thing is used for it; a means "of V-ing" as "to V"
        ("Pasteurization is achieved through rapid heating.",
         ("pasteurization", "rapid heating"), ("rapid heating", "used_for", "pasteurization")),
        ("Crop rotation is a way of maintaining soil fertility.",
         ("crop rotation", "soil fertility"), ("crop rotation", "used_for", "soil fertility")),
        # immune to a problem as robust to it: a remedy of what helps
        ("Vaccination makes people immune to measles.", ("vaccination", "measles"),
         ("vaccination", "addresses", "measles")),
        # a gain a purpose's act brings about ("thereby / thus V-ing Y") is a purpose too
        ("Irrigation is used to water the fields, thereby increasing crop yield.",
         ("irrigation", "crop yield"), ("irrigation", "used_for", "crop yield")),
        ("Bakers use steam injection to moisten the oven, thus enhancing crust colour.",
         ("steam injection", "crust colour"), ("steam injection", "used_for", "crust colour")),
        # the thing used may open with a participle ("rolling averages")
        ("Employ rolling averages to smooth the sales data, thereby improving forecast "
         "accuracy.", ("rolling average", "forecast accuracy"),
         ("rolling average", "used_for", "forecast accuracy")),
        # "This is done using X" after a sentence doing an act the notes name by its gerund
        ("We sort the customer records. This is done using merge sort.",
         ("sorting", "merge sort", "customer record"), ("merge sort", "used_for", "sorting")),
        ("Farmers water the fields at night. This is achieved with drip irrigation.",
         ("watering", "drip irrigation", "field"), ("drip irrigation", "used_for", "watering")),
        # what the reader shows in a display, the display uses
        ("We can represent rainfall and temperature in a diagram called a climograph.",
         ("rainfall", "temperature", "climograph"), ("climograph", "uses", "temperature")),
        ("We plot the monthly rainfall on a bar chart.", ("monthly rainfall", "bar chart"),
         ("bar chart", "uses", "monthly rainfall")),
        ("The monthly rainfall is plotted on a bar chart.", ("monthly rainfall", "bar chart"),
         ("bar chart", "uses", "monthly rainfall")),
        # a clause that denies what the other clause says sets the two subjects apart
        ("Hardwoods have broad leaves, whereas softwoods do not.", ("hardwood", "softwood"),
         ("hardwood", "contrasts_with", "softwood")),
        ("Mammals are warm-blooded, whereas reptiles are not.", ("mammal", "reptile"),
         ("mammal", "contrasts_with", "reptile")),
        ("Hardwoods do not have needles, whereas softwoods do.", ("hardwood", "softwood"),
         ("hardwood", "contrasts_with", "softwood")),
        # "but" joining two parallel clauses: one denied, or the same verb twice
        ("Hardwoods have broad leaves, but softwoods do not.", ("hardwood", "softwood"),
         ("hardwood", "contrasts_with", "softwood")),
        ("Arteries have thick walls, but veins have valves.", ("artery", "vein"),
         ("artery", "contrasts_with", "vein")),
        ("Bisque firing is slow, but raku firing is fast.", ("bisque firing", "raku firing"),
         ("bisque firing", "contrasts_with", "raku firing")),
        # a remedy's gerund that brings its object in: the object is the remedy
        ("Short circuits are prevented by installing a fuse.", ("short circuit", "fuse"),
         ("fuse", "addresses", "short circuit")),
        ("Scurvy is prevented by eating citrus fruit.", ("scurvy", "citrus fruit"),
         ("citrus fruit", "addresses", "scurvy")),
        # what the reader brings in by a fronted "by" serves the act the clause names
        ("By adding a buffer, we can smooth the signal.", ("buffer", "smoothing", "signal"),
         ("buffer", "used_for", "smoothing")),
        ("By making rhymes, you can memorize and chunk a list.", ("rhyme", "chunking"),
         ("rhyme", "used_for", "chunking")),
    ],
)  # fmt: skip
def test_relations_readings_everyday_wordings_of_a_relation(text, names, expected):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # "one of the Ns of Y" names a class N (no kind word), not Y
        ("Overgrazing is one of the main causes of desertification.",
         ("overgrazing", "desertification"), ("overgrazing", "is_a", "desertification")),
        ("Newton was one of the founders of the royal society.",
         ("newton", "royal society"), ("newton", "is_a", "royal society")),
        # what a comparison's "than" names is compared, not needed or used
        ("A cactus needs less water than a fern.", ("cactus", "water", "fern"),
         ("cactus", "uses", "fern")),
        # a clause set against another: the object the parser made the root is no side
        ("Bacteria, unlike viruses, have ribosomes.", ("bacteria", "virus", "ribosome"),
         ("ribosome", "contrasts_with", "virus")),
        # "responsible for" a function is no cause: only a problem the notes name is caused
        ("The liver is responsible for detoxification.", ("liver", "detoxification"),
         ("liver", "causes", "detoxification")),
        # what is protected is no problem: what it is protected from is
        ("Sunscreen protects the skin from ultraviolet radiation.",
         ("sunscreen", "skin", "ultraviolet radiation"), ("sunscreen", "addresses", "skin")),
        # a mathematical inverse defines one quantity from the other: no alternatives
        ("Conductance is the inverse of resistance.", ("conductance", "resistance"),
         ("conductance", "contrasts_with", "resistance")),
        # a thing let act, named by a pronoun, does the act itself
        ("Kilns use dry heat, allowing them to harden pottery.", ("kiln", "dry heat", "pottery"),
         ("kiln", "used_for", "pottery")),
        # a concept let act does the act itself: nothing is used for what it acts on
        ("Enzymes allow cells to digest starch quickly.", ("enzyme", "cell", "starch"),
         ("enzyme", "used_for", "starch")),
        # a clause on how a thing changes is no frame of reference
        ("A speedometer measures how the speed changes with respect to time.",
         ("speedometer", "speed", "time"), ("speedometer", "uses", "time")),
        # a choice of two things of no one kind: no alternatives
        ("The choice of flour or yeast decides the texture.", ("flour", "yeast"),
         ("flour", "contrasts_with", "yeast")),
        # a deed told in the past is no method
        ("The summit was achieved by a mountaineer.", ("summit", "mountaineer"),
         ("mountaineer", "used_for", "summit")),
        # applied to things, a thing is used on them: no purpose
        ("We apply a varnish to the wooden table.", ("varnish", "wooden table"),
         ("varnish", "used_for", "wooden table")),
        # applied by a concept, the use is that concept's
        ("The printer applies toner to the paper sheets.", ("printer", "toner", "paper sheet"),
         ("toner", "used_for", "paper sheet")),
        # a "which" after a clause that is no use may be the noun before it: no use of
        # the clause's subject
        ("Plants absorb carbon dioxide, which is used for photosynthesis.",
         ("plant", "carbon dioxide", "photosynthesis"), ("plant", "used_for", "photosynthesis")),
        ("Crop rotation restores the soil nutrients, which prevents soil erosion.",
         ("crop rotation", "soil nutrient", "soil erosion"),
         ("crop rotation", "addresses", "soil erosion")),
        # a result that merely happens after a purpose is no purpose
        ("Irrigation is used to water the fields, thus changing the water table.",
         ("irrigation", "water table"), ("irrigation", "used_for", "water table")),
        # a gain with no purpose before it: the clause brings it about, not a use
        ("Irrigation waters the fields, thereby increasing crop yield.",
         ("irrigation", "crop yield"), ("irrigation", "used_for", "crop yield")),
        # an act not done, or done by no named means
        ("We sort the customer records. This is not done using merge sort.",
         ("sorting", "merge sort", "customer record"), ("merge sort", "used_for", "sorting")),
        # shown in no display, or shown by a thing of its own, or not shown
        ("We plot the rainfall in Python.", ("rainfall", "python"), ("python", "uses", "rainfall")),
        ("A thermometer shows the temperature on a dial chart.",
         ("thermometer", "temperature", "dial chart"), ("dial chart", "uses", "temperature")),
        ("We do not plot the rainfall on a bar chart.", ("rainfall", "bar chart"),
         ("bar chart", "uses", "rainfall")),
        # "while" of time, negated or not: two things at once, no contrast
        ("While the enzyme binds, the cofactor does not wait.", ("enzyme", "cofactor"),
         ("enzyme", "contrasts_with", "cofactor")),
        # "but" between clauses that say different things, or the same thing again
        ("Overfitting is a problem, but regularization is a remedy.",
         ("overfitting", "regularization"), ("overfitting", "contrasts_with", "regularization")),
        ("Mulching keeps soil moist, but terracing also keeps it moist.", ("mulching", "terracing"),
         ("mulching", "contrasts_with", "terracing")),
        ("Glaciers carve valleys, but rivers deposit silt.", ("glacier", "river"),
         ("glacier", "contrasts_with", "river")),
        # a remedy's gerund that only treats its object: the object is no remedy
        ("Rust is prevented by painting the hull.", ("rust", "hull"),
         ("hull", "addresses", "rust")),
        ("Overheating is prevented by cooling the engine.", ("overheating", "engine"),
         ("engine", "addresses", "overheating")),
        # names in apposition, three of them: a list, no genus of one another
        ("A steam engine has a boiler, a pump, a piston.", ("boiler", "pump", "piston"),
         ("boiler", "is_a", "pump")),
        ("Kiln: a shelf, a burner, a flue.", ("kiln", "shelf", "burner", "flue"),
         ("kiln", "is_a", "shelf")),
        ("A sailboat has a hull, a mast, a keel.", ("sailboat", "hull", "mast", "keel"),
         ("hull", "is_a", "keel")),
        # two things, each with its own article: no genus either
        ("Kiln: a firebox and a chimney.", ("kiln", "firebox", "chimney"),
         ("kiln", "is_a", "firebox")),
        # a fronted "by" that only treats a thing, or a means a concept brings in itself
        ("By cleaning the filter, we can smooth the flow.", ("filter", "smoothing"),
         ("filter", "used_for", "smoothing")),
        ("By adding a buffer, the amplifier can smooth the signal.",
         ("buffer", "smoothing", "amplifier"), ("buffer", "used_for", "smoothing")),
        # a quality listed among the drawbacks of X is what X is, no effect of X
        ("What are the drawbacks of wood-fired kilns? || Fuel inefficiency\nAsh deposits",
         ("wood-fired kiln", "fuel inefficiency", "ash deposit"),
         ("wood-fired kiln", "causes", "fuel inefficiency")),
        # a noun past an arrow that the parser hangs on a copula is no attribute
        ("Wooden boats are fragile whenever water has high salt content --> not enough planks "
         "to hold all loads", ("wooden boat", "plank"), ("wooden boat", "is_a", "plank")),
        # an object denied by "no": the cue is not said of it
        ("A wood kiln requires no electricity.", ("wood kiln", "electricity"),
         ("wood kiln", "uses", "electricity")),
        ("A sundial uses no battery.", ("sundial", "battery"), ("sundial", "uses", "battery")),
    ],
)  # fmt: skip
def test_relations_readings_everyday_wordings_that_state_something_else(text, names, absent):
    index = tiny_index(text, *names)
    assert expect(index, *absent) not in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Mitosis produces two cells; meiosis, on the other hand, produces four.",
         ("mitosis", "meiosis", "cell"), ("meiosis", "contrasts_with", "mitosis")),
        ("Cold-blooded animals rely on the sun; in contrast, warm-blooded animals make heat.",
         ("cold-blooded animal", "warm-blooded animal", "sun"),
         ("warm-blooded animal", "contrasts_with", "cold-blooded animal")),
        ("Mitosis produces two cells. Meiosis, on the other hand, produces four.",
         ("mitosis", "meiosis", "cell"), ("meiosis", "contrasts_with", "mitosis")),
    ],
)  # fmt: skip
def test_relations_readings_clause_set_off_by_a_contrast_opener_contrasts_subjects(
    text, names, expected
):
    # the opener may follow a semicolon inside one sentence, or the second subject
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # a semicolon with no opener after it sets nothing against anything
        ("Mitosis produces two cells; meiosis produces four.",
         ("mitosis", "meiosis", "cell"), ("meiosis", "mitosis")),
        # the opener after an object, not after the clause's subject
        ("Mitosis gives cells; it gives, on the other hand, meiosis a start.",
         ("mitosis", "meiosis", "cell"), ("meiosis", "mitosis")),
    ],
)  # fmt: skip
def test_relations_readings_semicolon_without_a_contrast_opener_contrasts_nothing(
    text, names, absent
):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("We multiply the mass by the acceleration to obtain the net force.",
         ("mass", "acceleration", "net force"), ("net force", "uses", "acceleration")),
        ("We add the two half-reactions to get the overall redox equation.",
         ("half-reaction", "overall redox equation"),
         ("overall redox equation", "uses", "half-reaction")),
    ],
)  # fmt: skip
def test_relations_readings_step_to_get_a_result_makes_the_result_use_its_inputs(
    text, names, expected
):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # a step a concept takes is that concept's, no recipe of the result
        ("The compiler divides the program into tokens to get a parse tree.",
         ("compiler", "program", "parse tree"), ("parse tree", "program")),
        # an infinitive of purpose before the step names no result of it
        ("To get the net force, engineers weigh the mass.",
         ("mass", "net force"), ("net force", "mass")),
    ],
)  # fmt: skip
def test_relations_readings_step_to_get_taken_by_a_concept_gives_no_use(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a list item that describes a thing and names it in a closing gloss lists it
        ("What are the types of weathering? || - Rocks break apart as water freezes in "
         "cracks (called frost wedging)\n- Salt crystals grow in pores (called salt weathering)",
         ("weathering", "frost wedging", "salt weathering"),
         ("frost wedging", "is_a", "weathering")),
        ("Which heat treatments harden steel? || - Heating the metal slowly (annealing)\n"
         "- Quenching", ("heat treatment", "annealing", "quenching"),
         ("annealing", "is_a", "heat treatment")),
        ("What are the causes of inflation? || - Wages rise faster than output (also known "
         "as cost-push inflation)\n- Demand-pull inflation",
         ("inflation", "cost-push inflation", "demand-pull inflation"),
         ("cost-push inflation", "causes", "inflation")),
    ],
)  # fmt: skip
def test_relations_readings_list_item_named_by_its_closing_gloss(text, names, expected):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # a gloss that qualifies names nothing ("typically")
        ("What are the components of a kiln? || - Takes a steady fuel supply as "
         "input (typically natural gas)\n- A firing chamber",
         ("kiln", "natural gas", "firing chamber"), ("natural gas", "kiln")),
        # a clause glossed without a naming word is about the gloss, not its name
        ("What are the components of a camera? || - Light passes through the opening "
         "(aperture)\n- A shutter", ("camera", "aperture", "shutter"), ("aperture", "camera")),
    ],
)  # fmt: skip
def test_relations_readings_list_item_gloss_that_names_nothing(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("What are the problems of intensive farming? || - Soil erosion\n- Water pollution",
         ("intensive farming", "soil erosion", "water pollution"),
         ("intensive farming", "causes", "soil erosion")),
        ("What are the main difficulties of training deep networks? || - Vanishing gradients"
         "\n- Overfitting", ("deep network", "vanishing gradient", "overfitting"),
         ("deep network", "causes", "overfitting")),
        ("What are the drawbacks of antibiotics? || - Antibiotic resistance\n- Allergic "
         "reactions", ("antibiotic", "antibiotic resistance", "allergic reaction"),
         ("antibiotic", "causes", "antibiotic resistance")),
        # the notes keep "problems of X" as a concept of its own: X still has them
        ("What are the problems of intensive farming? || - Soil erosion\n- Water pollution",
         ("problem of intensive farming", "intensive farming", "soil erosion",
          "water pollution"), ("intensive farming", "causes", "water pollution")),
    ],
)  # fmt: skip
def test_relations_readings_problems_of_a_thing_listed_are_caused_by_it(text, names, expected):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # the list answers another noun the problems only complete
        ("What are the solutions to the problems of intensive farming? || - Crop rotation\n"
         "- Cover crops", ("intensive farming", "crop rotation", "cover crop"),
         ("intensive farming", "crop rotation")),
        # advantages and disadvantages share one list: no item is surely a problem
        ("What are the advantages and disadvantages of nuclear power? || - Radioactive "
         "waste\n- Reliable supply", ("nuclear power", "radioactive waste", "reliable supply"),
         ("nuclear power", "reliable supply")),
        # a problem named as the thing in a bad state is no effect of the thing
        ("Problems with bridges || - Corroded bridges\n- Traffic jams",
         ("bridge", "corroded bridge", "traffic jam"), ("bridge", "corroded bridge")),
    ],
)  # fmt: skip
def test_relations_readings_problems_of_a_thing_that_are_not_asked(text, names, absent):
    index = tiny_index(text, *names)
    a, b = index.find(absent[0]), index.find(absent[1])
    assert (a, "causes", b) not in triples(index)


def test_relations_readings_problems_of_a_thing_have_no_genus_in_their_answer():
    """A noun phrase answering a card about "the problems of X" (a concept of its own)
    is one of the problems, not the kind of thing the problems are."""
    index = tiny_index(
        "What are the problems of intensive farming? || - Soil erosion\n- Water pollution",
        "problem of intensive farming",
        "intensive farming",
        "soil erosion",
        "water pollution",
    )
    assert expect(index, "problem of intensive farming", "is_a", "soil erosion") not in triples(
        index
    )


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Why is copper used for electrical wiring? || It conducts electricity well.",
         ("copper", "electrical wiring"), ("copper", "used_for", "electrical wiring")),
        ("How is a barometer used in weather forecasting? || Falling pressure signals a "
         "storm.", ("barometer", "weather forecasting"),
         ("barometer", "used_for", "weather forecasting")),
        ("Why is copper useful for electrical wiring? || It conducts electricity well.",
         ("copper", "electrical wiring"), ("copper", "used_for", "electrical wiring")),
        # used in things: the things hold what is used, as in a statement
        ("Why is a hash table used in compilers? || Lookups are fast.",
         ("hash table", "compiler"), ("compiler", "uses", "hash table")),
    ],
)  # fmt: skip
def test_relations_readings_question_with_its_subject_after_the_copula(text, names, expected):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


def test_relations_readings_negated_question_about_a_use_states_none():
    assert_unrelated(
        "Why is chlorine not used in drinking water? || It is toxic.",
        ("chlorine", "drinking water"),
        ("chlorine", "drinking water"),
    )


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # an acronym's spelled-out name is no genus, whatever word its initials reach
        ("Define SIFT || Scale Invariant Features from Transforms",
         ("SIFT", "features", "transform"), ("SIFT", "feature")),
        ("Define CFC || Chlorinated Fluorocarbons from Refrigerators",
         ("CFC", "fluorocarbons", "refrigerator"), ("CFC", "fluorocarbon")),
    ],
)  # fmt: skip
def test_relations_readings_an_acronym_spelled_out_is_no_genus(text, names, absent):
    assert_unrelated(text, names, absent)


def test_relations_readings_an_of_phrase_beside_its_complement_is_no_second_subject():
    from extraction.relations import _outside_asides

    card = Card("n#1", "n.txt", "text", (1, 3), "", "Why need the spindle?")
    subjects = ["stage of mitosis", "mitosis"]
    assert _outside_asides(None, card, subjects) == ["mitosis"]


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # the difficulties of an act on a thing are not the act's in general
        ("What are the difficulties of teaching teenagers? || Pupils gradually lose interest "
         "(called disengagement)", ("teaching", "teenager", "disengagement", "pupil"),
         ("teaching", "disengagement")),
    ],
)  # fmt: skip
def test_relations_readings_problems_of_a_gerund_with_an_object_are_not_the_gerunds(
    text, names, absent
):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "kind", "not_kind"),
    [
        # beside labels that carry their text, a bare label heads a section of the answer:
        # the lines under it are that label's own list, not kinds of what is asked
        ("What are some rock types? || igneous rock: cooled from magma\n"
         "sedimentary rock: laid down in layers\nmetamorphic rock:\nmarble\nslate",
         ("rock", "igneous rock", "sedimentary rock", "metamorphic rock", "marble", "slate"),
         "igneous rock", "marble"),
        # a sentence whose subject is followed by examples is no item of the answer
        ("What are some rock types? || igneous rock: cooled from magma\n"
         "sedimentary rock: laid down in layers\nHard to date:\n"
         "The ages of minerals (like zircon) can be uncertain.",
         ("rock", "igneous rock", "sedimentary rock", "mineral age", "zircon"),
         "igneous rock", "mineral age"),
        ("What are some rock types? || granite: cooled from magma\n"
         "limestone: laid down in layers\nmetamorphic rock:\nmarble\nslate",
         ("rock", "granite", "limestone", "metamorphic rock", "marble", "slate"),
         "granite", "slate"),
    ],
)  # fmt: skip
def test_relations_readings_a_bare_label_keeps_its_items(text, names, kind, not_kind):
    index = tiny_index(text, *names)
    found = triples(index)
    kinds = {source for source, relation, _ in found if relation == "is_a"}
    assert index.find(kind) in kinds and index.find(not_kind) not in kinds, found


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # the answer's first line names the asked class again by its head word: its items
        # are kinds of that class, even one alone (an item named by its closing gloss)
        ("What pruning methods can be used on apple trees? || Methods include:\n"
         "- Cutting back the top shoots (heading cut)\n- Removing dead wood",
         ("heading cut", "pruning method"), ("heading cut", "is_a", "pruning method")),
        ("What defence strategies protect a castle? || Strategies include:\n- a moat\n"
         "- Raising the walls", ("moat", "defence strategy", "castle"),
         ("moat", "is_a", "defence strategy")),
    ],
)  # fmt: skip
def test_relations_readings_a_list_line_naming_the_asked_class_again_lists_kinds(
    text, names, expected
):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # a line naming another class lists things of that class
        ("What pruning methods can be used on apple trees? || Tools include:\n"
         "- a pruning saw\n- Removing dead wood", ("pruning saw", "pruning method"),
         ("pruning saw", "is_a", "pruning method")),
        # a singular whole includes parts, no kinds
        ("What is a first aid kit? || A kit includes:\n- a bandage\n- scissors",
         ("bandage", "first aid kit"), ("bandage", "is_a", "first aid kit")),
    ],
)  # fmt: skip
def test_relations_readings_a_list_line_naming_no_asked_class_lists_no_kinds(text, names, absent):
    index = tiny_index(text, *names)
    assert expect(index, *absent) not in triples(index)


@pytest.mark.parametrize(
    ("body", "expected", "absent"),
    [
        # a bare label over a list of uses: each item is a use of the label
        ("Drip line:\n- orchard irrigation\n- greenhouse watering",
         [("drip line", "orchard irrigation"), ("drip line", "greenhouse watering")], []),
        # nested under a label item, up to the next label
        ("- Drip line:\n  - orchard irrigation\n  - greenhouse watering\n"
         "- Sprinkler: lawn care",
         [("drip line", "greenhouse watering"), ("sprinkler", "lawn care")],
         [("drip line", "lawn care"), ("drip line", "sprinkler")]),
        ("- Drip line:\n  - orchard irrigation\n- Sprinkler:\n  - lawn care",
         [("drip line", "orchard irrigation"), ("sprinkler", "lawn care")],
         [("drip line", "lawn care")]),
    ],
)  # fmt: skip
def test_relations_readings_an_application_label_over_a_list_uses_each_item(body, expected, absent):
    names = ("drip line", "sprinkler", "orchard irrigation", "greenhouse watering", "lawn care")
    cards = _qa(
        *((f"What is {name}?", "See the lecture.") for name in names),
        ("Name applications of irrigation systems.", body),
    )
    found = _typed(cards)
    for pair in expected:
        assert (pair[0], "used_for", pair[1]) in found, found
    for pair in absent:
        assert (pair[0], "used_for", pair[1]) not in found, found


@pytest.mark.parametrize(
    ("body", "expected", "absent"),
    [
        # a label naming its uses after the colon is a thing put to them, no use
        ("Offset press: newspaper printing\nScreen press: poster printing",
         [("offset press", "newspaper printing"), ("screen press", "poster printing")],
         [("printing press", "offset press"), ("printing press", "screen press")]),
        ("Offset press: 1. newspaper printing 2. poster printing\nScreen press: poster printing",
         [("offset press", "newspaper printing")], [("printing press", "screen press")]),
        # a label its line explains is a use the question asks for
        ("Newspaper printing: the press prints the daily editions overnight.",
         [("printing press", "newspaper printing")], []),
    ],
)  # fmt: skip
def test_relations_readings_an_application_label_naming_its_uses_is_no_use(body, expected, absent):
    names = ("printing press", "offset press", "screen press", "newspaper printing",
             "poster printing")  # fmt: skip
    cards = _qa(
        *((f"What is {name}?", "See the lecture.") for name in names),
        ("What are the applications of printing presses?", body),
    )
    found = _typed(cards)
    for pair in expected:
        assert (pair[0], "used_for", pair[1]) in found, found
    for pair in absent:
        assert (pair[0], "used_for", pair[1]) not in found, found


@pytest.mark.parametrize(
    ("text", "names", "present", "absent"),
    [
        # what a thing is used to combine or carry is its material: the gain is the purpose
        (
            "Pipelines are used to carry crude oil, thereby improving fuel supply.",
            ("pipeline", "crude oil", "fuel supply"),
            ("pipeline", "used_for", "fuel supply"),
            ("pipeline", "used_for", "crude oil"),
        ),
        # what a thing lets someone remember is what it holds
        (
            "What is a mnemonic? || memory aid, allowing the student to remember word "
            "lists, thereby improving exam performance.",
            ("mnemonic", "word list", "memory aid", "exam performance"),
            ("mnemonic", "used_for", "exam performance"),
            ("mnemonic", "used_for", "word list"),
        ),
        # what a thing is used to deliver is what it carries
        (
            "Couriers use a bar code to deliver the parcel, thereby improving delivery speed.",
            ("bar code", "parcel", "delivery speed"),
            ("bar code", "used_for", "delivery speed"),
            ("bar code", "used_for", "parcel"),
        ),
        (
            "Bakers use a mixer to blend flour and water, thus improving dough texture.",
            ("mixer", "flour", "dough texture"),
            ("mixer", "used_for", "dough texture"),
            ("mixer", "used_for", "flour"),
        ),
    ],
)
def test_relations_readings_material_of_a_use_is_no_purpose(text, names, present, absent):
    index = tiny_index(text, *names)
    edges = triples(index)
    assert expect(index, *present) in edges
    assert expect(index, *absent) not in edges


@pytest.mark.parametrize("verb", sorted(rp.DETECTING_VERBS))
def test_relations_readings_used_to_detect_a_named_problem_addresses_it(verb):
    """Each verb of :data:`rp.DETECTING_VERBS` after "used to" addresses what it finds
    when the notes name it as a problem; a thing named as no problem is only a use."""
    index = tiny_index(
        f"Pressure tests are used to {verb} the hull breach problem.",
        "pressure test",
        "hull breach problem",
    )
    assert ("pressure test", "addresses", "hull breach problem") in triples(index)
    index = tiny_index(f"Sonar is used to {verb} submarines.", "sonar", "submarine")
    assert ("sonar", "addresses", "submarine") not in triples(index)
