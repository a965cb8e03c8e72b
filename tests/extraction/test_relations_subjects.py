"""Typed relations in the short forms students write in any subject: an aside that
likens two things ("Glaciers, like rivers, ..."), an answer line that opens with its
verb or its cue and whose subject is the card's ("Used to protect farmland.",
"Opposite of deposition.")."""

from __future__ import annotations

import pytest

from extraction.concepts import extract_concepts
from extraction.readers import read_paths
from extraction.relations import typed_relations
from tests.extraction.test_relations import assert_unrelated, expect, tiny_index, triples


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        ("Glaciers, like rivers, erode valleys.", ("glacier", "river"), ("glacier", "river")),
        ("Osmosis, like diffusion, moves water across membranes.", ("osmosis", "diffusion"),
         ("osmosis", "diffusion")),
        ("Veins, like arteries, carry blood, but they hold valves.", ("vein", "artery"),
         ("vein", "artery")),
    ],
)  # fmt: skip
def test_relations_subjects_likening_aside_gives_no_example(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a list, or one instance of a plural class, set off by commas still gives kinds
        ("Enzymes, like amylase and lipase, speed up reactions.",
         ("enzyme", "amylase", "lipase"), ("lipase", "is_a", "enzyme")),
        ("Enzymes, like amylase, speed up reactions.", ("enzyme", "amylase"),
         ("amylase", "is_a", "enzyme")),
        # an answer line that opens with "used to" does what the card's subject is used for
        ("What is a carbon tax? || A tax on emissions. Used to correct market failure.",
         ("market failure",), ("carbon tax", "used_for", "market failure")),
        ("Levee || A raised bank of earth. Employed to protect farmland.", ("farmland",),
         ("levee", "used_for", "farmland")),
        # an answer line that opens with a contrast cue sets the card's subject against it
        ("What is erosion? || Wearing away of rock. Opposite of deposition.",
         ("deposition", "rock"), ("erosion", "contrasts_with", "deposition")),
        ("What is inflation? || The opposite of deflation.", ("deflation",),
         ("inflation", "contrasts_with", "deflation")),
    ],
)  # fmt: skip
def test_relations_subjects_give_the_stated_relation(text, names, expected):
    index = tiny_index(text, *names)
    found = triples(index)
    assert expect(index, *expected) in found, found


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # both sides are in the line: the card's subject is neither
        ("What is respiration? || Aerobic versus anaerobic respiration.",
         ("aerobic respiration", "anaerobic respiration"), ("respiration", "aerobic respiration")),
    ],
)  # fmt: skip
def test_relations_subjects_contrast_inside_the_line_leaves_the_card_subject(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # an example beside the genus of a definition is an example of the defined term
        ("What is a volcano? || An opening in the crust, e.g. Etna.", ("Etna", "crust"),
         ("Etna", "example_of", "volcano")),
        ("Pigouvian tax || A tax on a negative externality, e.g. a carbon tax.",
         ("negative externality", "carbon tax"), ("carbon tax", "example_of", "pigouvian tax")),
        ("What is a sorting algorithm? || A procedure that orders a list, e.g. quicksort.",
         ("quicksort", "list"), ("quicksort", "example_of", "sorting algorithm")),
        # an example that hangs on the concept inside the definition stays its example
        ("What is amylase? || An enzyme that digests a polysaccharide, e.g. starch.",
         ("polysaccharide", "starch", "enzyme"), ("starch", "example_of", "polysaccharide")),
    ],
)  # fmt: skip
def test_relations_subjects_example_beside_the_genus_is_of_the_defined_term(text, names, expected):
    index = tiny_index(text, *names)
    found = triples(index)
    assert expect(index, *expected) in found, found


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # "initiated by" names what sets a process going, as "triggered by" does
        ("Labour is initiated by oxytocin.", ("labour", "oxytocin"),
         ("oxytocin", "causes", "labour")),
        ("Combustion is initiated by a spark.", ("combustion", "spark"),
         ("spark", "causes", "combustion")),
    ],
)  # fmt: skip
def test_relations_subjects_initiated_by_names_the_cause(text, names, expected):
    index = tiny_index(text, *names)
    found = triples(index)
    assert expect(index, *expected) in found, found


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # "fight" is a remedy of what the notes name as a problem
        ("Irrigation helps fight drought. Drought is a serious problem.", ("irrigation", "drought"),
         ("irrigation", "addresses", "drought")),
        ("Quinine was used to fight malaria. Malaria is a problem in the tropics.",
         ("quinine", "malaria"), ("quinine", "addresses", "malaria")),
        ("Vaccination programmes fight the measles problem.",
         ("vaccination programme", "measles problem"),
         ("vaccination programme", "addresses", "measles problem")),
    ],
)  # fmt: skip
def test_relations_subjects_fight_addresses_a_problem(text, names, expected):
    index = tiny_index(text, *names)
    found = triples(index)
    assert expect(index, *expected) in found, found


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # armies and rivals fight each other: no remedy of what is no problem
        ("Athens fought Sparta in the Peloponnesian War.", ("Athens", "Sparta"),
         ("Athens", "Sparta")),
        # nor is what a thing helps fight its purpose
        ("Irrigation helps fight drought.", ("irrigation", "drought"), ("irrigation", "drought")),
    ],
)  # fmt: skip
def test_relations_subjects_fight_without_a_problem_types_nothing(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # what a model or a distribution is parameterized by, it uses
        ("A tide model is parameterized by a harmonic series.",
         ("tide model", "harmonic series"), ("tide model", "uses", "harmonic series")),
        ("The Poisson distribution is parametrized by its rate.", ("Poisson distribution", "rate"),
         ("Poisson distribution", "uses", "rate")),
        ("The normal distribution, parameterised by the mean and the variance, is symmetric.",
         ("normal distribution", "mean", "variance"), ("normal distribution", "uses", "variance")),
    ],
)  # fmt: skip
def test_relations_subjects_parameterized_by_is_a_use(text, names, expected):
    index = tiny_index(text, *names)
    found = triples(index)
    assert expect(index, *expected) in found, found


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # "<act> by X": X does the act, so X is what is suitable
        ("Treatment by chlorination is the most suitable method for wells.",
         ("chlorination", "well"), ("chlorination", "used_for", "well")),
        ("Pest control by ladybirds is ideal for greenhouses.", ("ladybird", "greenhouse"),
         ("ladybird", "used_for", "greenhouse")),
        ("Drying by sunlight appears to be the most suitable strategy for grapes.",
         ("sunlight", "grape"), ("sunlight", "used_for", "grape")),
    ],
)  # fmt: skip
def test_relations_subjects_act_by_a_means_is_suitable(text, names, expected):
    index = tiny_index(text, *names)
    found = triples(index)
    assert expect(index, *expected) in found, found


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # "exercise" is a subject of its own (physiology, study skills), not only a
        # section of a textbook: its edges are kept
        ("Exercise helps improve stamina.", ("exercise", "stamina"),
         ("exercise", "used_for", "stamina")),
        ("Habits || - exercise\n  - valuable in helping improve our stamina.",
         ("exercise", "stamina", "habit"), ("exercise", "used_for", "stamina")),
        ("Aerobic exercise is a kind of exercise.", ("aerobic exercise", "exercise"),
         ("aerobic exercise", "is_a", "exercise")),
    ],
)  # fmt: skip
def test_relations_subjects_exercise_is_a_concept(text, names, expected):
    index = tiny_index(text, *names)
    found = triples(index)
    assert expect(index, *expected) in found, found


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # what a thing is said to be a way to do, it is used for
        ("Mulching is a good way to retain soil moisture.", ("mulching", "soil moisture"),
         ("mulching", "used_for", "soil moisture")),
        ("Mulching and composting are good ways to retain soil moisture.",
         ("mulching", "composting", "soil moisture"), ("composting", "used_for", "soil moisture")),
        ("Pruning is one of the best ways to strengthen fruit trees.", ("pruning", "fruit tree"),
         ("pruning", "used_for", "fruit tree")),
        # "one of the ways to" does what the ways do, a remedy too
        ("Drainage is one of the best ways to prevent root rot.", ("drainage", "root rot"),
         ("drainage", "addresses", "root rot")),
        ("Osmosis is one of the processes that require a membrane.", ("osmosis", "membrane"),
         ("osmosis", "uses", "membrane")),
        # a line naming ways introduces its items, which are those ways
        ("Memory || Ways to strengthen memory:\n- recall\n- sleep", ("recall", "memory", "sleep"),
         ("sleep", "used_for", "memory")),
        # what a means helps (along) is what it is for
        ("Watering is one of the best ways to help seedling growth.",
         ("watering", "seedling growth"), ("watering", "used_for", "seedling growth")),
        ("Massage is a good way to help muscle recovery along.",
         ("massage", "muscle recovery"), ("massage", "used_for", "muscle recovery")),
    ],
)  # fmt: skip
def test_relations_subjects_a_way_to_do_is_a_use(text, names, expected):
    index = tiny_index(text, *names)
    found = triples(index)
    assert expect(index, *expected) in found, found


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # a way that no concept is said to be is nobody's
        ("Maps || It provides a compact way to record the shape of the map.",
         ("map", "shape"), ("map", "shape")),
        ("Soil testing || We need a more careful way to test our soil.",
         ("soil testing", "soil"), ("soil testing", "soil")),
        # helping an act helps no object of the means
        ("Feedback is a good way to help the model learn grammar.",
         ("feedback", "model", "grammar"), ("feedback", "grammar")),
    ],
)  # fmt: skip
def test_relations_subjects_a_way_nothing_is_said_to_be_is_nobodys(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # what a quantity is measured or expressed relative to is its frame of reference
        ("Altitude is measured relative to sea level.", ("altitude", "sea level"),
         ("altitude", "uses", "sea level")),
        ("Position is expressed relative to the origin.", ("position", "origin"),
         ("position", "uses", "origin")),
    ],
)  # fmt: skip
def test_relations_subjects_measured_relative_to_is_a_frame(text, names, expected):
    index = tiny_index(text, *names)
    found = triples(index)
    assert expect(index, *expected) in found, found


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # ... and no thing it is compared with
        ("Altitude is measured relative to sea level.", ("altitude", "sea level"),
         ("sea level", "altitude")),
        ("Altitude || A height measured relative to sea level.",
         ("altitude", "sea level", "height"), ("height", "sea level")),
        # "relative to" on a noun places that thing, it compares nothing
        ("Grid reference || A reference that gives the position of a hill relative to the map "
         "origin.", ("grid reference", "map origin", "reference"), ("reference", "map origin")),
        ("Bearing || An angle that gives the direction of a ship relative to true north.",
         ("bearing", "true north", "angle"), ("angle", "true north")),
    ],
)  # fmt: skip
def test_relations_subjects_measured_relative_to_is_no_contrast(text, names, absent):
    index = tiny_index(text, *names)
    a, b = index.find(absent[0]), index.find(absent[1])
    assert (a, "contrasts_with", b) not in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a comparison still sets the two apart
        ("LSTMs are slower relative to GRUs.", ("LSTM", "GRU"), ("LSTM", "contrasts_with", "GRU")),
        ("Prices rose sharply relative to wages.", ("price", "wage"),
         ("price", "contrasts_with", "wage")),
    ],
)  # fmt: skip
def test_relations_subjects_relative_to_after_a_comparison_contrasts(text, names, expected):
    index = tiny_index(text, *names)
    found = triples(index)
    assert expect(index, *expected) in found, found


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # an item naming ways over items nested under it introduces them: the ways are
        # the items, not the card's subject
        ("Soil || - ways to tackle soil erosion\n  - Terracing", ("terracing", "soil erosion"),
         ("soil", "soil erosion")),
        ("Rivers || - way to prevent flooding\n  - Levees: banks of earth", ("levee", "flooding"),
         ("river", "flooding")),
    ],
)  # fmt: skip
def test_relations_subjects_item_naming_ways_is_no_card_subject(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Soil || - ways to tackle soil erosion\n  - Terracing", ("terracing", "soil erosion"),
         ("terracing", "addresses", "soil erosion")),
        # an answer line naming a way with no items under it is the card's subject's
        ("Terracing || - A way to prevent soil erosion.\n- Common in Asia.",
         ("soil erosion",), ("terracing", "addresses", "soil erosion")),
    ],
)  # fmt: skip
def test_relations_subjects_items_under_ways_do_what_the_ways_do(text, names, expected):
    index = tiny_index(text, *names)
    found = triples(index)
    assert expect(index, *expected) in found, found


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a problem named in the past tense is a problem; a remedy told in the past too
        ("Insecticides fought malaria. Malaria was a major problem.", ("insecticide", "malaria"),
         ("insecticide", "addresses", "malaria")),
        ("Canals reduced flooding. Flooding was a serious issue in the delta.",
         ("canal", "flooding"), ("canal", "addresses", "flooding")),
    ],
)  # fmt: skip
def test_relations_subjects_past_tense_problem_and_remedy(text, names, expected):
    index = tiny_index(text, *names)
    found = triples(index)
    assert expect(index, *expected) in found, found


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # what was reduced is no problem unless the notes say so
        ("The company reduced prices.", ("company", "price"), ("company", "price")),
    ],
)  # fmt: skip
def test_relations_subjects_reduced_without_a_problem_types_nothing(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a purpose put first: what is used is used for what the infinitive acts on
        ("To measure air pressure, we use a barometer.", ("air pressure", "barometer"),
         ("barometer", "used_for", "air pressure")),
        ("To estimate the population mean, we can use a confidence interval.",
         ("population mean", "confidence interval"),
         ("confidence interval", "used_for", "population mean")),
        # met by something the reader makes, named as it is introduced
        ("To see what the rise of the river is, we can draw a chart called a flood curve.",
         ("flood curve", "rise"), ("flood curve", "used_for", "rise")),
        ("To keep the dough warm, you build a proofing box.", ("proofing box", "dough"),
         ("proofing box", "used_for", "dough")),
    ],
)  # fmt: skip
def test_relations_subjects_fronted_purpose_of_a_use(text, names, expected):
    index = tiny_index(text, *names)
    found = triples(index)
    assert expect(index, *expected) in found, found


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # a concept that uses it keeps the purpose to itself; an act on a thing is no purpose
        ("To detect earthquakes, the network uses seismographs.",
         ("seismograph", "earthquake", "network"), ("seismograph", "earthquake")),
        ("To represent graphs, we use adjacency lists.", ("graph", "adjacency list"),
         ("adjacency list", "graph")),
        # made by someone the notes name: that one's act, no reader's means
        ("To see the trend, the analyst draws a line chart.", ("trend", "line chart"),
         ("line chart", "trend")),
    ],
)  # fmt: skip
def test_relations_subjects_fronted_purpose_needs_a_user_no_concept_names(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # an answer opening with the bare plural head word of what the card asks about
        # names that whole class: its instances are kinds of it
        ("What are digestive enzymes? || Enzymes include amylase and lipase.",
         ("digestive enzyme", "amylase", "lipase"), ("amylase", "is_a", "digestive enzyme")),
        ("What purification methods kill pathogens? || Methods include chlorination and "
         "filtration.", ("purification method", "chlorination", "filtration", "pathogen"),
         ("filtration", "is_a", "purification method")),
        ("Igneous rocks || Rocks include basalt and granite.", ("basalt", "granite"),
         ("granite", "is_a", "igneous rock")),
    ],
)  # fmt: skip
def test_relations_subjects_answer_restating_the_asked_class(text, names, expected):
    index = tiny_index(text, *names)
    found = triples(index)
    assert expect(index, *expected) in found, found


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # a clause narrows the plural to some of the class
        ("What are digestive enzymes? || Enzymes that break down starch include amylase.",
         ("digestive enzyme", "amylase"), ("amylase", "digestive enzyme")),
    ],
)  # fmt: skip
def test_relations_subjects_narrowed_restatement_is_not_the_asked_class(text, names, absent):
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a colon right after the verb opens its objects, it parts no clauses
        ("Purification methods include: chlorination and filtration.",
         ("purification method", "chlorination", "filtration"),
         ("filtration", "is_a", "purification method")),
        ("Photosynthesis requires: sunlight, water and carbon dioxide.",
         ("photosynthesis", "sunlight", "carbon dioxide"), ("photosynthesis", "uses", "sunlight")),
    ],
)  # fmt: skip
def test_relations_subjects_colon_after_the_verb_opens_its_objects(text, names, expected):
    index = tiny_index(text, *names)
    found = triples(index)
    assert expect(index, *expected) in found, found


@pytest.mark.parametrize(
    ("text", "names", "whole"),
    [
        # a label that names how the card's subject is built lists the subject's parts
        ("Explain a bridge || Suspended Design: consists of towers, cables and a deck.",
         ("bridge", "tower", "cable", "suspended design"), "bridge"),
        ("What is a CNN? || A network for images.\nLayered architecture: consists of "
         "convolutional layers and pooling layers.",
         ("CNN", "convolutional layer", "pooling layer", "layered architecture"), "CNN"),
        # a label with a concept of its own before the head is a whole of its own
        ("What is a bridge? || A crossing.\nTruss structure: consists of struts and nodes.",
         ("bridge", "truss", "truss structure", "strut", "node"), "truss structure"),
    ],
)  # fmt: skip
def test_relations_subjects_structure_label_lists_parts_of_the_card_subject(text, names, whole):
    index = tiny_index(text, *names)
    edges = triples(index)
    parts = {s for s, r, t in edges if r == "part_of" and t == index.find(whole)}
    assert len(parts) >= 2, edges


@pytest.mark.parametrize(
    ("text", "names", "expected", "absent"),
    [
        # the thing helped into a state is no doer: what helps it is
        ("Soils || Crop rotation helps the soil become more robust to erosion.",
         ("crop rotation", "soil", "erosion"), ("crop rotation", "addresses", "erosion"),
         ("soil", "erosion")),
        ("Dropout makes the network robust to noise.", ("dropout", "network", "noise"),
         ("dropout", "addresses", "noise"), ("network", "noise")),
    ],
)  # fmt: skip
def test_relations_subjects_what_is_helped_is_no_doer(text, names, expected, absent):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)
    assert_unrelated(text, names, absent)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a use is the helped thing's own
        ("Gearboxes || Gears make the engine suitable for heavy loads.",
         ("gear", "engine", "heavy load"), ("engine", "used_for", "heavy load")),
    ],
)  # fmt: skip
def test_relations_subjects_a_helped_thing_keeps_its_use(text, names, expected):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


def test_relations_subjects_two_subjects_of_one_verb_take_the_nearest():
    # "the cracks can / heavy loads can contribute to collapse": a line broken off and
    # joined to the next gives the verb two subjects; the one nearest it is its own
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from extraction.relations import _dep_subject

    words = "the cracks can heavy loads can contribute to collapse".split()
    heads = [1, 6, 6, 4, 6, 6, 6, 6, 7]
    deps = "det nsubj aux amod nsubj aux ROOT prep pobj".split()
    pos = "DET NOUN AUX ADJ NOUN AUX VERB ADP NOUN".split()
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    assert _dep_subject(doc[6]).text == "loads"


def test_relations_subjects_a_floating_each_is_no_second_subject():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from extraction.relations import _dep_subject

    words = "the platforms each use a cell".split()
    doc = Doc(
        Vocab(), words=words, heads=[1, 3, 3, 3, 5, 3],
        deps="det nsubj nsubj ROOT det dobj".split(), pos="DET NOUN PRON VERB DET NOUN".split(),
    )  # fmt: skip
    assert _dep_subject(doc[3]).text == "platforms"


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a step in the imperative under a card about a way of doing things is its step
        ("Integrated backup strategy || - Group files into classes.\n"
         "- Use incremental copies to save disk space.",
         ("integrated backup strategy", "incremental copy", "disk space"),
         ("integrated backup strategy", "uses", "incremental copy")),
        ("Sourdough baking method || Employ a ripe starter for the first rise.",
         ("sourdough baking method", "ripe starter"),
         ("sourdough baking method", "uses", "ripe starter")),
        # a step with a verb of its own: the procedure uses what the step acts on
        ("Sourdough baking method || - Fold the dough every hour.",
         ("sourdough baking method", "dough"), ("sourdough baking method", "uses", "dough")),
        ("Integrated backup strategy || - Copy the log files to a tape archive.",
         ("integrated backup strategy", "log file", "tape archive"),
         ("integrated backup strategy", "uses", "log file")),
    ],
)  # fmt: skip
def test_relations_subjects_a_step_of_a_procedure_is_the_procedures(text, names, expected):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # a thing's card: the steps are the reader's, not the thing's
        ("Sextant || - Use a chronometer to fix the longitude.",
         ("sextant", "chronometer", "longitude"), ("sextant", "uses", "chronometer")),
        # several procedures: each step names one of its own
        ("Castle defence strategies || - Employ moats to slow the attackers.",
         ("castle defence strategy", "moat", "attacker"),
         ("castle defence strategy", "uses", "moat")),
        # a question asking how: the answer's steps are the reader's
        ("How does the backup strategy work? || Use incremental copies to save disk space.",
         ("backup strategy", "incremental copy", "disk space"),
         ("backup strategy", "uses", "incremental copy")),
        # a step that is not taken, and a step on a thing's card
        ("Sourdough baking method || - Do not knead the starter.",
         ("sourdough baking method", "starter"), ("sourdough baking method", "uses", "starter")),
        ("Lighthouse || - Paint the tower white.", ("lighthouse", "tower"),
         ("lighthouse", "uses", "tower")),
    ],
)  # fmt: skip
def test_relations_subjects_a_step_under_no_procedure_is_the_readers(text, names, absent):
    index = tiny_index(text, *names)
    assert expect(index, *absent) not in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a clause after a list of examples defines the class the answer opens with, and
        # narrowed names of the subject among the examples are instances of it
        ("What is a barometer? || An instrument such as the mercury barometer or the "
         "aneroid barometer that allows a forecaster to predict the weather.",
         ("instrument", "weather"), ("barometer", "used_for", "weather")),
        ("What is a loom? || A machine like the hand loom or the power loom that allows a "
         "weaver to produce cloth.",
         ("machine", "cloth"), ("loom", "used_for", "cloth")),
    ],
)  # fmt: skip
def test_relations_subjects_a_clause_after_listed_examples_is_the_class(text, names, expected):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # one example: the clause may be that example's
        ("What is a barometer? || An instrument such as the aneroid barometer that allows "
         "a forecaster to predict the weather.",
         ("instrument", "weather"), ("barometer", "used_for", "weather")),
        # a narrowed name of the subject outside the genus's examples keeps no edge
        ("What is a shell? || A program. A script uses the DOS shell.",
         ("program", "script"), ("script", "uses", "shell")),
    ],
)  # fmt: skip
def test_relations_subjects_a_clause_after_one_example_is_not_the_class(text, names, absent):
    index = tiny_index(text, *names)
    assert expect(index, *absent) not in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a card about an act of remedying: each act said to remedy a thing is that act's
        ("Corrosion prevention || - Rust is prevented by painting the hull.",
         ("corrosion prevention", "rust", "hull"), ("corrosion prevention", "addresses", "rust")),
        ("Flood mitigation || - Flash flooding: mitigated by restoring the wetlands upstream.",
         ("flood mitigation", "flash flooding", "wetland"),
         ("flood mitigation", "addresses", "flash flooding")),
    ],
)  # fmt: skip
def test_relations_subjects_a_remedy_told_as_an_act_is_the_cards_act(text, names, expected):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # an answer line opening with the participle of a remedy: the card's subject is
        # what it remedies
        ("Blossom end rot || Dark patches on tomatoes. Countered by steady watering.",
         ("blossom end rot", "steady watering"),
         ("steady watering", "addresses", "blossom end rot")),
        ("Leaf curl || Curled young leaves. Remedied by copper spray.",
         ("leaf curl", "copper spray"), ("copper spray", "addresses", "leaf curl")),
        ("Frost heave || Soil lifted by ice. Countered by deep footings.",
         ("frost heave", "deep footing"), ("deep footing", "addresses", "frost heave")),
    ],
)  # fmt: skip
def test_relations_subjects_a_remedy_participle_opening_a_line_remedies_the_subject(
    text, names, expected
):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # a thing's card: the act is no thing's
        ("Sacrificial anode || - Rust is prevented by painting the hull.",
         ("sacrificial anode", "rust", "hull"), ("sacrificial anode", "addresses", "rust")),
        # the act is never what it prevents
        ("Corrosion prevention || Prevented by painting the hull.",
         ("corrosion prevention", "hull"), ("hull", "addresses", "corrosion prevention")),
    ],
)  # fmt: skip
def test_relations_subjects_a_remedy_act_under_no_such_act_is_nobodys(text, names, absent):
    index = tiny_index(text, *names)
    assert expect(index, *absent) not in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Backup strategy || Method 1: Incremental copy (fast).",
         ("backup strategy", "incremental copy"), ("incremental copy", "is_a", "backup strategy")),
        ("Sourdough baking method || Technique 2: Cold retard",
         ("sourdough baking method", "cold retard"),
         ("cold retard", "is_a", "sourdough baking method")),
    ],
)  # fmt: skip
def test_relations_subjects_a_numbered_way_is_a_kind_of_the_procedure(text, names, expected):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # a thing's card: an approach to it is no kind of it
        ("Flooding || Approach 1: Floodplain zoning.",
         ("flooding", "floodplain zoning"), ("floodplain zoning", "is_a", "flooding")),
        # more than a name after the label
        ("Backup strategy || Method 2: Incremental copy of the disk.",
         ("backup strategy", "incremental copy", "disk"),
         ("incremental copy", "is_a", "backup strategy")),
    ],
)  # fmt: skip
def test_relations_subjects_a_numbered_way_of_no_procedure_is_no_kind(text, names, absent):
    index = tiny_index(text, *names)
    assert expect(index, *absent) not in triples(index)


def test_relations_subjects_a_heading_giving_an_action_is_the_act_told(tmp_path):
    # "Prevent accidents" over notes that name accident prevention: its lines tell ways
    # of that prevention, cited with the heading
    notes = tmp_path / "roads.md"
    notes.write_text(
        "# Road safety\n\n## Prevent accidents\n"
        "> Accident prevention lowers the number of crashes.\n\n"
        "- **Rear-end collision** : prevented by keeping a safe following distance.\n\n"
        "**Approach 1 : Traffic calming**\n- Narrow the lanes near schools.\n\n"
        "## Accidents\nAn accident is an unplanned crash. Traffic calming slows the cars.\n"
        "Rear-end collisions are common in queues.\n\n"
        "## Road works\n**Approach 1 : Traffic calming**\n"
    )
    index = extract_concepts([c for r in read_paths([notes]) for c in r.cards])
    edges = {(r.source, r.relation, r.target): r for r in typed_relations(index)}
    calming = expect(index, "traffic calming", "is_a", "accident prevention")
    assert calming in edges, sorted(edges)
    assert edges[calming].evidence[0].text == "Prevent accidents"
    assert expect(index, "accident prevention", "addresses", "rear-end collision") in edges
    assert not any(s == calming[0] and r == "is_a" and t != calming[2] for s, r, t in edges)


def test_relations_subjects_a_gerund_an_item_is_first_said_to_be_is_the_item(tmp_path):
    # the first line nested under an item naming a concept says what the item is: its
    # act ("piling scraps") is the item's concept; a later line's act is another one
    notes = tmp_path / "garden.md"
    notes.write_text(
        "# Gardening\n\n## Beds\n\nSome habits help the beds.\n\n"
        "- **mulching**\n  - a straw cover for the beds\n"
        "- **composting**\n  - piling kitchen scraps in one heap, is one of the best"
        " ways to help soil fertility along\n  - feels slower than buying fertiliser\n"
        "- **rotation**\n  - planting different crops each year\n"
        "  - leaving a bed fallow is a good way to help soil fertility\n\n"
        "## Soil fertility\nSoil fertility is how well the soil feeds plants. "
        "Composting and rotation support it.\n"
    )
    index = extract_concepts([c for r in read_paths([notes]) for c in r.cards])
    found = triples(index)
    assert expect(index, "composting", "used_for", "soil fertility") in found, found
    assert expect(index, "rotation", "used_for", "soil fertility") not in found


def _typed_of_notes(tmp_path, text: str, suffix: str = "md") -> tuple[object, dict]:
    notes = tmp_path / f"notes.{suffix}"
    notes.write_text(text)
    index = extract_concepts([c for r in read_paths([notes]) for c in r.cards])
    return index, {(r.source, r.relation, r.target): r for r in typed_relations(index)}


@pytest.mark.parametrize(
    ("text", "kind", "cls"),
    [
        ("# Geology\n\n## Volcanic Rocks\nVolcanic rocks form when lava cools.\n\n"
         "### Pumice Rocks\nPumice rocks are light and full of holes.\n",
         "pumice rock", "volcanic rock"),
        ("# Geology\n\n## Igneous Rocks\nIgneous rocks form from molten rock.\n\n"
         "### Plutonic Rocks\nPlutonic rocks cool slowly deep underground.\n",
         "plutonic rock", "igneous rock"),
    ],
)  # fmt: skip
def test_relations_subjects_a_plural_subheading_is_a_kind_of_the_heading(tmp_path, text, kind, cls):
    # a class named in the plural under a heading naming a class by the same head noun:
    # a kind of it, cited with both headings
    index, edges = _typed_of_notes(tmp_path, text)
    edge = expect(index, kind, "is_a", cls)
    assert edge in edges, sorted(edges)
    assert [e.text for e in edges[edge].evidence][:2] == [
        t.strip("# ") for t in text.splitlines() if t.startswith("##")
    ][:2]


@pytest.mark.parametrize(
    ("text", "kind", "cls"),
    [
        # one topic in the singular under a plural heading: a section's topic, no kind
        ("# Networks\n\n## Recurrent Networks\nRecurrent networks keep a state.\n\n"
         "### Convolutional Network\nA convolutional network slides filters.\n",
         "convolutional network", "recurrent network"),
        # another kind of thing (a different head noun)
        ("# Geology\n\n## Volcanic Rocks\nVolcanic rocks form when lava cools.\n\n"
         "### Rock Samples\nRock samples are kept in labelled bags.\n",
         "rock sample", "volcanic rock"),
        # a step, not a class
        ("# Geology\n\n## Volcanic Rocks\nVolcanic rocks form when lava cools.\n\n"
         "### Weigh Pumice Rocks\nUse a scale. Pumice rocks are light.\n",
         "pumice rock", "volcanic rock"),
        # an act on a class, not a class
        ("# Geology\n\n## Volcanic Rocks\nVolcanic rocks form when lava cools.\n\n"
         "### Collecting Pumice Rocks\nCollecting pumice rocks is easy.\n",
         "collecting pumice rock", "volcanic rock"),
        ("# Geology\n\n## Volcanic Rocks\nVolcanic rocks form when lava cools.\n\n"
         "### Dating Volcanic Rocks\nDating volcanic rocks needs isotopes.\n",
         "dating volcanic rock", "volcanic rock"),
    ],
)  # fmt: skip
def test_relations_subjects_a_subheading_naming_no_subclass_is_no_kind(tmp_path, text, kind, cls):
    index, edges = _typed_of_notes(tmp_path, text)
    assert expect(index, kind, "is_a", cls) not in edges


@pytest.mark.parametrize(
    ("text", "means", "act"),
    [
        ("Weather Forecasting using Barometers\n\nA barometer measures air pressure. "
         "Weather forecasting is hard.\n\nBarometers\n\nA barometer is an instrument.\n",
         "barometer", "weather forecasting"),
        ("# Soil\n\n## Soil Analysis with Sieves\nSieves sort the grains by size.\n\n"
         "## Sieves\nA sieve is a mesh. Soil analysis takes a day.\n",
         "sieve", "soil analysis"),
        # "Problems with Sextants" names what has problems, not sextants as a problem
        ("# Sailing\n\n## Navigation with Sextants\nSextants measure angles.\n\n"
         "## Problems with Sextants\nA sextant needs a clear horizon. Navigation takes "
         "skill.\n\n## Sextants\nA sextant is an instrument.\n",
         "sextant", "navigation"),
    ],
)  # fmt: skip
def test_relations_subjects_a_heading_of_an_act_with_a_means_is_a_use(tmp_path, text, means, act):
    # "<act> with / using <X>": X is put to that act, cited with the heading
    suffix = "md" if text.startswith("#") else "txt"
    index, edges = _typed_of_notes(tmp_path, text, suffix)
    edge = expect(index, means, "used_for", act)
    assert edge in edges, sorted(edges)
    assert edges[edge].evidence[0].text == text.splitlines()[2 if suffix == "md" else 0].strip("# ")
    # the heading is cited with a line under it that names the means
    assert len(edges[edge].evidence) == 2
    assert means in edges[edge].evidence[1].text.lower()


def test_relations_subjects_a_heading_of_an_act_with_a_means_over_other_lines_is_no_use(tmp_path):
    # the lines under the heading never name the sextant: a heading alone states nothing
    text = (
        "# Sailing\n\n## Navigation with Sextants\nSailors plot a course on a chart.\n\n"
        "## Sextants\nA sextant is an instrument that measures angles. Navigation takes skill.\n"
    )
    index, edges = _typed_of_notes(tmp_path, text, "md")
    assert index.find("sextant") and index.find("navigation")
    assert expect(index, "sextant", "used_for", "navigation") not in edges, sorted(edges)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # what has X, not an act X serves
        ("Sailors with Scurvy\n\nScurvy weakened sailors. Sailors ate citrus fruit.\n\n"
         "Scurvy\n\nScurvy is a disease.\n", "scurvy", "sailor"),
        # an act the notes name as a problem: what the means brings about
        ("Corrosion with Seawater\n\nSeawater speeds up corrosion. Corrosion is a costly "
         "problem.\n\nSeawater\n\nSeawater is salty water.\n", "seawater", "corrosion"),
    ],
)  # fmt: skip
def test_relations_subjects_a_heading_of_a_thing_with_something_is_no_use(
    tmp_path, text, source, target
):
    index, edges = _typed_of_notes(tmp_path, text, "txt")
    ends = {index.find(source), index.find(target)}
    typed = [(s, r, t) for s, r, t in edges if r != "related_to"]
    assert not any({s, t} == ends for s, _, t in typed), typed


def test_relations_subjects_a_label_line_heads_the_lines_after_it(tmp_path):
    # "Wood kilns:" alone on its line heads what follows: the firebox is the wood kiln's,
    # not the card's subject's
    text = (
        "Kiln Types\nElectric kilns\nheat the ware with coils.\nWood kilns:\n"
        "uses a firebox to burn the wood.\nFirebox\nA firebox is a chamber.\n"
        "Wood kilns\nWood kilns are old kilns.\nElectric kilns\nElectric kilns are modern kilns.\n"
    )
    index, edges = _typed_of_notes(tmp_path, text, "txt")
    electric, firebox = index.find("electric kiln"), index.find("firebox")
    assert electric and firebox
    assert not [e for e in edges if {e[0], e[2]} == {electric, firebox}], sorted(edges)
    # the lines under the label are the label's own, cited with the label line
    edge = expect(index, "wood kiln", "uses", "firebox")
    assert edge in edges, sorted(edges)
    cited = [e.text for e in edges[edge].evidence]
    assert cited == ["Wood kilns:", "uses a firebox to burn the wood."]


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # a sibling with a label of its own ends the label's lines
        ("Kiln Types\nKilns fire pots.\nWood kilns:\nburn wood.\nGas kilns: use a burner.\n"
         "uses a firebox to burn the wood.\nFirebox\nA firebox is a chamber.\n"
         "Wood kilns\nWood kilns are old kilns.\nGas kilns\nGas kilns are new kilns.\n",
         ("wood kiln", "firebox"), ("wood kiln", "uses", "firebox")),
        # a kind of the card's subject that no concept names heads its lines too
        ("Telescopes\nTelescopes gather light.\nRefracting telescope:\nuses a lens to bend light.\n"
         "Lens\nA lens is a curved glass.\nTelescope\nA telescope is an instrument.\n",
         ("telescope", "lens"), ("telescope", "uses", "lens")),
        # a label that is a list item heads its own nested items, not the items beside it
        ("# Kilns\n\n- Wood kilns:\n  - burn wood.\n- uses a firebox to burn the wood.\n\n"
         "## Firebox\n\nA firebox is a chamber.\n\n## Wood kilns\n\nWood kilns are old kilns.\n",
         ("wood kiln", "firebox"), ("wood kiln", "uses", "firebox")),
    ],
)  # fmt: skip
def test_relations_subjects_a_label_line_heads_no_lines_but_its_own(tmp_path, text, names, absent):
    index, edges = _typed_of_notes(tmp_path, text, "md" if text.startswith("#") else "txt")
    assert all(index.find(n) for n in names), [index.find(n) for n in names]
    assert expect(index, *absent) not in edges, sorted(edges)


def test_relations_subjects_a_question_among_the_lines_heads_its_answer(tmp_path):
    # "- What is a sextant?" set among a card's lines: the lines after it answer it and
    # are the sextant's, cited with the question, not the heading's ("Ship Navigation")
    text = (
        "Ship Navigation\nCelestial navigation uses the stars.\n- What is a sextant?\n"
        "an instrument that measures the angle of a star.\nused for celestial navigation.\n"
        "Sextant\nA sextant is an instrument with a mirror.\n"
        "Celestial navigation\nCelestial navigation finds the position of a ship from the stars.\n"
    )
    index, edges = _typed_of_notes(tmp_path, text, "txt")
    edge = expect(index, "sextant", "used_for", "celestial navigation")
    assert edge in edges, sorted(edges)
    cited = [e.text for e in edges[edge].evidence]
    assert cited == ["What is a sextant?", "used for celestial navigation."]
    assert not [e for e in edges if e[0] != edge[0] and e[2] == edge[2]], sorted(edges)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # every item of a list of three or more subjects takes the cue, not only the first
        ("Sonnets, villanelles and haikus are types of fixed verse forms.",
         ("sonnet", "villanelle", "haiku", "fixed verse form"),
         ("haiku", "is_a", "fixed verse form")),
        ("Granite, basalt and obsidian are kinds of igneous rock.",
         ("granite", "basalt", "obsidian", "igneous rock"), ("basalt", "is_a", "igneous rock")),
        # the plural of "is an example of"
        ("Sonnets and haikus are examples of fixed verse forms.",
         ("sonnet", "haiku", "fixed verse form"), ("sonnet", "example_of", "fixed verse form")),
    ],
)  # fmt: skip
def test_relations_subjects_every_listed_subject_takes_the_cue(text, names, expected):
    index = tiny_index(text, *names)
    assert expect(index, *expected) in triples(index)


def test_relations_subjects_field_before_a_comma_is_no_listed_subject():
    assert_unrelated(
        "In geology, granite and basalt are kinds of igneous rock.",
        ("geology", "granite", "basalt", "igneous rock"),
        ("geology", "igneous rock"),
    )


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # "differentiate into" tells what a thing becomes, no comparison of the two
        ("Stem cells differentiate into neurons and glial cells.",
         ("stem cell", "neuron", "glial cell"), ("neuron", "glial cell")),
        ("Larvae differentiate into workers and drones.", ("larva", "worker", "drone"),
         ("worker", "drone")),
    ],
)  # fmt: skip
def test_relations_subjects_differentiate_into_sets_nothing_against(text, names, absent):
    assert_unrelated(text, names, absent)


def test_relations_subjects_differentiate_between_still_contrasts():
    index = tiny_index("Differentiate neurons and glial cells.", "neuron", "glial cell")
    assert expect(index, "neuron", "contrasts_with", "glial cell") in triples(index)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # "both" / "each" points back at two things named before, not at a card about one
        ("Kilns || Kilns and ovens get hot. Both require a chimney.", ("kiln", "oven", "chimney"),
         ("kiln", "chimney")),
        ("Looms || A loom and a spindle are tools. Each needs a frame.",
         ("loom", "spindle", "frame"), ("loom", "frame")),
    ],
)  # fmt: skip
def test_relations_subjects_group_pronoun_is_no_single_card_subject(text, names, absent):
    assert_unrelated(text, names, absent)


def test_relations_subjects_both_names_the_two_card_subjects():
    index = tiny_index("Kilns vs ovens || Both require a chimney.", "kiln", "oven", "chimney")
    assert expect(index, "oven", "uses", "chimney") in triples(index)


def test_relations_subjects_listed_gerund_is_an_item():
    # a gerund the parser lists as a conjunct of the item before is an item, no clause
    index = tiny_index(
        "Mapping consists of aerial survey, plotting and contour drawing.",
        "mapping", "aerial survey", "plotting", "contour drawing",
    )  # fmt: skip
    edges = triples(index)
    assert expect(index, "plotting", "part_of", "mapping") in edges
    assert expect(index, "contour drawing", "part_of", "mapping") in edges


def test_relations_subjects_both_after_two_labelled_items_names_them(tmp_path):
    # "both" after two list items that open with a label stands for those two concepts
    notes = tmp_path / "verse.md"
    notes.write_text(
        "## Fixed verse forms\n\n"
        "A rhyme scheme is the pattern of rhymes at the ends of lines.\n\n"
        "- **Sonnet (S)**: a poem of fourteen lines\n"
        "- **Villanelle**: a poem of nineteen lines\n"
        "- both use a rhyme scheme\n"
    )
    index = extract_concepts([c for r in read_paths([notes]) for c in r.cards])
    found = triples(index)
    assert expect(index, "sonnet", "uses", "rhyme scheme") in found, found
    assert expect(index, "villanelle", "uses", "rhyme scheme") in found, found
    assert expect(index, "fixed verse form", "uses", "rhyme scheme") not in found, found


@pytest.mark.parametrize(
    ("text", "edge", "absent"),
    [
        # "it" on a card about two things: the one the sentence before is about
        ("Kilns vs ovens || A kiln is a furnace for pots. It requires a chimney.",
         ("kiln", "uses", "chimney"), ("oven", "uses", "chimney")),
        # and none when the sentence before is about neither of them alone
        ("Kilns vs ovens || Both get hot. It requires a chimney.", None,
         ("oven", "uses", "chimney")),
    ],
)  # fmt: skip
def test_relations_subjects_it_on_a_card_about_several_is_the_one_just_named(text, edge, absent):
    index = tiny_index(text, "kiln", "oven", "chimney", "furnace")
    found = triples(index)
    assert edge is None or expect(index, *edge) in found
    assert expect(index, *absent) not in found


@pytest.mark.parametrize(
    ("text", "contrasted"),
    [
        # "Unlike X, it/they ..." sets X against what the sentence before is about
        ("Gas kilns heat pots quickly. Unlike electric kilns, they can reach reduction.", True),
        # a subject of its own after the comma: that one
        ("Gas kilns heat pots quickly. Unlike electric kilns, pots can reach reduction.", False),
    ],
)  # fmt: skip
def test_relations_subjects_unlike_x_then_a_pronoun_is_the_sentence_befores(text, contrasted):
    index = tiny_index(text, "gas kiln", "electric kiln", "pot")
    edges = [e for e in typed_relations(index) if e.relation == "contrasts_with"]
    pair = {index.find("gas kiln"), index.find("electric kiln")}
    assert any({e.source, e.target} == pair for e in edges) is contrasted
    # the evidence names both: the sentence before, then the contrast
    assert all(
        e.evidence[0].text.startswith("Gas kilns") for e in edges if {e.source, e.target} == pair
    )
