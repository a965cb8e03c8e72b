"""Names cut from token runs (extraction.concepts.phrases): a run that starts or ends
inside a phrase is trimmed to the name it holds."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from extraction.concepts import extract_concepts
from extraction.concepts.phrases import rendered_word, trim
from extraction.nlp import load
from tests.extraction.test_concepts_stages import candidate_keys, card, emphasised_names


@pytest.mark.parametrize(
    ("body", "never", "named"),
    [
        # the end of a hyphenated word the run starts inside
        ("The team ran an end-to-end test of the pipeline.", "end test", "end-to-end"),
        ("Each person-to-person contact spreads the virus.", "person contact", "virus"),
        # a number and its unit, measuring the noun after them
        ("Take a 25 minute break after each chapter.", "minute break", "break"),
        ("Pour a 3 litre bucket of water on the fire.", "litre bucket", "bucket"),
        # a variable after its noun
        ("A mountain with height h is a peak.", "height h", "height"),
        ("The force on a charge q is measured in newtons.", "charge q", "charge"),
        # a verb in "-s" the tagger reads as a noun, opening the run
        ("Summarizes chapter notes into a table.", "summarizes chapter note", "chapter note"),
        # a quotation mark is no part of a name
        ("Mitochondria are the cell's 'power plants'.", "' power plant", "power plant"),
        ("Colours are mixed from paint 'pots' in the studio.", "paint ' pot", "pot"),
        ('This ending is sometimes called the "Amen" cadence.', 'amen " cadence', "amen cadence"),
        # the main verb of a sentence the tagger left without one, read as a plural noun
        ("An open system exchanges both matter and energy.", "open system exchange", "open system"),
        ("A closed system exchanges only energy.", "closed system exchange", "closed system"),
        # a plural noun before a preposition stays ("price changes in 2020")
        ("Price changes in 2020 hurt sales.", "", "price change"),
        # an instruction after a label's colon
        ("Kitchen safety: Employ gloves when handling acids.", "employ glove", "glove"),
    ],
)
def test_phrases_a_name_starts_and_ends_outside_the_fragments_around_it(body, never, named):
    keys = candidate_keys(body)
    assert named in keys, keys
    assert not never or never not in keys, keys


def _doc(words, tags, pos, heads, deps):
    return Doc(load().vocab, words=words, tags=tags, pos=pos, heads=heads, deps=deps)


@pytest.mark.parametrize(
    ("words", "tags", "pos", "heads", "deps", "run", "name"),
    [
        # a participle the tagger reads as a noun ends no name: "ions dissolved in water"
        (
            ["All", "ions", "dissolved", "in", "water"],
            ["DT", "NNS", "NN", "IN", "NN"],
            ["DET", "NOUN", "NOUN", "ADP", "NOUN"],
            [1, 1, 1, 2, 3],
            ["det", "ROOT", "compound", "prep", "pobj"],
            (0, 3),
            ["ions"],
        ),
        # what a verb says its object is describes it: "call the crystal anisotropic"
        (
            ["We", "call", "the", "crystal", "anisotropic"],
            ["PRP", "VBP", "DT", "NN", "NN"],
            ["PRON", "VERB", "DET", "NOUN", "NOUN"],
            [1, 1, 4, 4, 1],
            ["nsubj", "ROOT", "det", "compound", "oprd"],
            (2, 5),
            ["crystal"],
        ),
    ],
)
def test_phrases_trim_drops_a_verb_or_a_predicate_read_as_a_noun(
    words, tags, pos, heads, deps, run, name
):
    doc = _doc(words, tags, pos, heads, deps)
    assert [t.text for t in trim(list(doc[run[0] : run[1]]))] == name


def test_phrases_trim_keeps_a_predicate_that_is_the_whole_name():
    # "is called immersion brewing": no object between the verb and the name, so the
    # predicate is the name, however rare its last word is as a noun
    doc = _doc(
        ["It", "is", "called", "immersion", "brewing"],
        ["PRP", "VBZ", "VBN", "NN", "NN"],
        ["PRON", "AUX", "VERB", "NOUN", "NOUN"],
        [2, 2, 2, 4, 2],
        ["nsubjpass", "auxpass", "ROOT", "compound", "oprd"],
    )
    assert [t.text for t in trim(list(doc[3:5]))] == ["immersion", "brewing"]


@pytest.mark.parametrize(
    ("body", "bold", "name"),
    [
        ("Rain gauges show how much rain falls in spring.", "how much", None),
        ("Rain gauges show why floods happen in spring.", "why floods happen", None),
    ],
)
def test_phrases_stressed_question_words_name_nothing(body, bold, name):
    assert emphasised_names(body, bold) == ({name} if name else set())


@pytest.mark.parametrize(
    ("body", "never", "named"),
    [
        ("By convention Unix tools read their input.", "convention unix tool", "unix tool"),
        ("By convention, valves close clockwise.", "convention", "valve"),
        ("On average most glaciers retreat each summer.", "average most glacier", "glacier"),
    ],
)
def test_phrases_noun_of_an_adverbial_idiom_opens_no_name(body, never, named):
    keys = candidate_keys(body)
    assert named in keys, keys
    assert not never or never not in keys, keys


@pytest.mark.parametrize(
    ("word", "read"),
    [
        ("T2-T1", None),
        ("x2-x1", None),
        ("V1-V2-V3", None),
    ],
)
def test_phrases_rendered_word_difference_of_variables_is_a_formula(word, read):
    assert rendered_word(word) == read


@pytest.mark.parametrize(
    ("name", "evaluative"),
    [
        ("unpleasant chore", True),
        ("basic glassware", True),
        ("toy reactor", True),
    ],
)
def test_words_evaluative_words_judge_or_place_a_name_at_a_course_level(name, evaluative):
    from extraction.concepts.candidates import Candidate
    from extraction.concepts.features import group_features

    x = group_features({name: [Candidate(name, count=1)]}, ranks={}, uses={})[name]
    assert bool(x.get("evaluative")) is evaluative


@pytest.mark.parametrize(
    ("body", "named", "never"),
    [
        # a Latin or Greek plural the tagger reads as a singular noun
        ("Blood passes from the atria into the ventricles.", "atrium", "atria"),
        ("Sand settles in strata on the sea floor.", "stratum", "strata"),
        ("Two vertebrae fused in the spine.", "vertebra", "vertebrae"),
        ("The spectra of hot stars show dark lines.", "spectrum", "spectra"),
        ("Many fungi decompose dead wood.", "fungus", "fungi"),
        # a word that is also a noun of its own stays
        ("The data were noisy after the storm.", "data", "datum"),
        ("The media reported the eclipse.", "media", "medium"),
    ],
)
def test_phrases_a_plural_read_as_singular_names_its_singular(body, named, never):
    keys = candidate_keys(body)
    assert named in keys, keys
    assert never not in keys, keys


@pytest.mark.parametrize(
    ("term", "name"),
    [
        # a term of an adjective-like word and one noun, read by the tagger as an order
        ("Suspect classification", "suspect classification"),
        ("Secure attachment", "secure attachment"),
        # a term whose noun English does not know (a Latin phrase)
        ("Stare decisis", "stare decisis"),
        # a term typed in lower case whose first word English also has as a noun
        ("pull factor", "pull factor"),
        ("dump truck", "dump truck"),
        # an order on a plural or on "the" stays an order: its object is the name
        ("Avoid distractions", "distraction"),
        ("Heat the solution", "solution"),
        ("check answers", "answer"),
    ],
)
def test_phrases_a_term_read_as_an_order_keeps_its_first_word(term, name):
    index = extract_concepts([card(term, "It matters in this course.", kind="term")])
    keys = {c.key.lower() for s in index.candidates for c in s.candidates if c.roles["term"]}
    assert keys == {name}


@pytest.mark.parametrize(
    ("term", "names"),
    [
        # what an instruction is for names nothing
        ("Remember for the pottery quiz", set()),
        ("!! recall for test 3", set()),
        # an instruction before a name leaves the name
        ("Remember glaze chemistry", {"glaze chemistry"}),
    ],
)
def test_phrases_a_term_of_an_instruction_and_its_purpose_names_nothing(term, names):
    index = extract_concepts([card(term, "Draw the kiln with labels.", kind="term")])
    keys = {c.key.lower() for s in index.candidates for c in s.candidates if c.roles["term"]}
    assert keys == names


@pytest.mark.parametrize(
    ("term", "name"),
    [
        # a word English has only as a noun, read by the tagger as a past tense
        ("Lenz theorem", "lenz theorem"),
        # a real past tense after a noun makes a clause, no name
        ("The kiln cracked", None),
    ],
)
def test_phrases_a_term_keeps_a_noun_the_tagger_reads_as_a_past_tense(term, name):
    index = extract_concepts([card(term, "It matters in this course.", kind="term")])
    keys = {c.key.lower() for s in index.candidates for c in s.candidates if c.roles["term"]}
    assert keys == ({name} if name else set())


@pytest.mark.parametrize(
    ("line", "name"),
    [
        # the last word of a label, which English has only as a noun, misread by the tagger
        ("Money multiplier: one divided by the reserve requirement.", "money multiplier"),
        ("Minor triad: minor third plus major third", "minor triad"),
        ("Diminished triad: two minor thirds", "diminished triad"),
        # a label read right stays as it was
        ("Gradient descent: follow the slope downhill.", "gradient descent"),
    ],
)
def test_phrases_a_label_keeps_a_last_word_the_tagger_misreads(line, name):
    index = extract_concepts([card("Notes", line, kind="heading")])
    keys = {c.key.lower() for s in index.candidates for c in s.candidates if c.roles["label"]}
    assert name in keys, keys


@pytest.mark.parametrize(
    ("line", "name"),
    [
        # an instruction word that is a noun too, opening a label's name, is part of it
        ("State machine: a model with a finite set of states.", "state machine"),
        ("Use case: a scenario a system must support.", "use case"),
        ("List price: the price a maker suggests.", "list price"),
        # an instruction stays one: a verb only, or no label
        ("Define osmosis: say what it is.", "osmosis"),
    ],
)
def test_phrases_a_label_keeps_an_instruction_word_read_as_its_noun(line, name):
    index = extract_concepts([card("Notes", line, kind="heading")])
    keys = {c.key.lower() for s in index.candidates for c in s.candidates if c.roles["label"]}
    assert name in keys, keys


@pytest.mark.parametrize(
    ("title", "kind", "parts"),
    [
        # a card's term of two plurals names one thing, not each noun
        ("Checks and balances", "term", set()),
        ("Mergers and acquisitions", "term", set()),
        # a heading joining two names heads both
        ("Lipids and proteins", "heading", {"lipid", "protein"}),
        ("Supply and demand", "term", {"supply", "demand"}),
    ],
)
def test_phrases_a_term_of_two_plurals_names_the_pair_only(title, kind, parts):
    index = extract_concepts([card(title, "Explained in the lecture.", kind=kind)])
    keys = {c.key.lower() for s in index.candidates for c in s.candidates if c.roles[kind]}
    assert keys - {title.lower()} == parts, keys


@pytest.mark.parametrize(
    ("word", "name"),
    [
        # a verb's "-s" form whose verb is also a noun is that noun's plural
        ("sediments", ["sediments"]),
        # a word English has only as a verb is the verb after the name
        ("settles", []),
    ],
)
def test_phrases_trim_keeps_a_plural_whose_verb_is_also_a_noun(word, name):
    doc = _doc(
        ["Several", word, "settle", "slowly"],
        ["JJ", "NNS", "VBP", "RB"],
        ["ADJ", "NOUN", "VERB", "ADV"],
        [1, 2, 2, 2],
        ["amod", "nsubj", "ROOT", "advmod"],
    )
    assert [t.text for t in trim(list(doc[0:2]))] == name


def heading_keys(title: str) -> set[str]:
    """The keys a heading ``title`` over a short answer names with its heading role."""
    index = extract_concepts([card(title, "Explained in the lecture.", kind="heading")])
    return {c.key.lower() for s in index.candidates for c in s.candidates if c.roles["heading"]}


@pytest.mark.parametrize(
    ("title", "named", "never"),
    [
        # a plural the tagger reads as a proper noun only because the title is in Title Case
        ("Why Do Volcanoes Erupt?", "volcano", "volcanoes"),
        ("Hash Table Collisions", "hash table collision", "hash table collisions"),
        ("Tidal Pool Organisms", "tidal pool organism", "tidal pool organisms"),
        # a capitalised plural after an adjective is a name, as written
        ("United States", "united states", "united state"),
    ],
)
def test_phrases_a_title_case_plural_names_its_singular(title, named, never):
    keys = heading_keys(title)
    assert named in keys, keys
    assert never not in keys, keys


@pytest.mark.parametrize(
    ("title", "named", "never"),
    [
        # a number that counts the plural after it is no part of the name
        ("Ten Rules of Good Pottery", "rule of good pottery", "ten rule of good pottery"),
        ("Four Noble Gases", "noble gas", "four noble gas"),
        ("3 Laws of Thermodynamics", "law of thermodynamics", "3 law of thermodynamics"),
        # and so is a word after it that selects which ones
        ("Three Main Rock Textures", "rock texture", "main rock texture"),
        # a number that labels a singular stays
        ("2x2 table", "2x2 table", "table"),
    ],
)
def test_phrases_a_count_before_a_plural_is_no_part_of_a_name(title, named, never):
    keys = heading_keys(title)
    assert named in keys, keys
    assert never not in keys, keys


@pytest.mark.parametrize(
    ("title", "named", "never"),
    [
        # a gerund alone in a series after a name is an activity the series lists
        ("Grape harvesting, pressing and oak barrels", "pressing", "pressing barrel"),
        ("Clay preparation, firing and decorative glazes", "firing", "firing glaze"),
        ("Sanding, staining and polishing", "staining", "staining polishing"),
        # a describing word with no noun of its own still shares the last head
        ("Aerobic and anaerobic respiration", "aerobic respiration", "aerobic"),
    ],
)
def test_phrases_a_gerund_in_a_series_names_itself(title, named, never):
    keys = heading_keys(title)
    assert named in keys, keys
    assert never not in keys, keys


@pytest.mark.parametrize(
    ("body", "named", "never"),
    [
        (
            "Bayes' theorem relates a conditional probability to its inverse.",
            "bayes' theorem",
            "bayes ' theorem",
        ),
        ("Student's t-test compares two means.", "student's t-test", "student 's t-test"),
        # an apostrophe set apart from its word is a quote mark, no possessive
        ("The ' sample ' is random.", "sample", "' sample"),
    ],
)
def test_phrases_a_possessive_apostrophe_stays_on_its_word(body, named, never):
    keys = candidate_keys(body)
    assert named in keys and never not in keys, keys


@pytest.mark.parametrize(
    ("body", "named", "never"),
    [
        # a person's name in the possessive credits the name after it
        ("Lindqvist's glacial surge cycle lasts decades.", "glacial surge cycle", "lindqvist"),
        ("Okoro's trade gravity model predicts flows.", "trade gravity model", "okoro"),
        # a result named after its author keeps the name whole
        ("Lindqvist's second law holds for ice.", "lindqvist's second law", "second law"),
        ("Okoro's exact test compares two counts.", "okoro's exact test", "exact test"),
        ("Okoro's model fits the flows.", "okoro's model", "model"),
    ],
)
def test_phrases_a_possessive_owner_credits_a_name_of_two_words(body, named, never):
    keys = candidate_keys(body)
    assert named in keys, keys
    assert not any(k == never or k.startswith(never + "'") for k in keys), keys


@pytest.mark.parametrize(
    ("title", "body", "named", "never"),
    [
        # a verb of study in "-ing" opening a sentence or a heading names what it studies
        (
            "Notes",
            "Understanding tides requires knowing the moon's orbit.",
            "tide",
            "understanding tide",
        ),
        ("Notes", "Exploring food webs shows how energy flows.", "food web", "exploring food web"),
        (
            "Introducing the Normal Distribution",
            "It is a bell curve.",
            "normal distribution",
            "introducing normal distribution",
        ),
        (
            "Revisiting Markov Chains",
            "They have no memory.",
            "markov chain",
            "revisiting markov chain",
        ),
        # a course's level before its field: the title names the field
        ("Introductory Geology", "Rocks form in layers.", "geology", "introductory geology"),
        # a verb of what a thing does stays part of its name
        ("Exploding Gradients", "They grow without bound.", "exploding gradient", ""),
        (
            "Notes",
            "Learning rate schedules slow the optimizer down.",
            "learning rate schedule",
            "rate schedule",
        ),
    ],
)
def test_phrases_a_study_verb_or_a_course_level_opening_a_line_names_what_follows(
    title, body, named, never
):
    index = extract_concepts([card(title, body, kind="heading")])
    # the names the line gives whole, not those nested in a longer one
    keys = {
        c.key.lower()
        for s in index.candidates
        for c in s.candidates
        if any(n for role, n in c.roles.items() if role != "nested")
    }
    assert named in keys, keys
    assert not never or never not in keys, keys


@pytest.mark.parametrize(
    ("body", "never", "named"),
    [
        # a label of two descriptions set apart by a comma names nothing
        (
            "- single pass, greedy: picks the best split at each node",
            "single pass , greedy",
            "best split",
        ),
        # a framing word before a colon is no part of the first item of the list after it
        (
            "Magma cools in two ways; kinds: intrusive rock, extrusive rock, volcanic glass",
            "kinds intrusive rock",
            "intrusive rock",
        ),
    ],
)
def test_phrases_a_name_holds_no_comma_nor_reaches_across_a_colon(body, never, named):
    keys = candidate_keys(body)
    assert named in keys, keys
    assert never not in keys, keys


@pytest.mark.parametrize(
    ("body", "bold", "name"),
    [
        # a short form in brackets inside a stressed name is no word of it
        (
            "Nerves fire through the sodium (Na) ion channel.",
            "sodium (Na) ion channel",
            "sodium ion channel",
        ),
        ("We track body mass index (BMI) each year.", "body mass index (BMI)", "body mass index"),
        # nor is an aside that opens it
        ("Read the (optional) glossary first.", "(optional) glossary", "glossary"),
    ],
)
def test_phrases_a_stressed_name_leaves_out_what_it_sets_in_brackets(body, bold, name):
    assert emphasised_names(body, bold) == {name}


@pytest.mark.parametrize(
    ("body", "named", "never"),
    [
        # the sentence's full stop glued to a letter ending it is no part of the name
        ("Patients in the trial were given drug B.", "drug b", "drug b."),
        ("Kiwis are rich in vitamin C.", "vitamin c", "vitamin c."),
        # a lower-case letter is no initial: the stop is the sentence's
        ("Call the stone s. Its mass is m.", "stone", "stone s."),
        # and the letter is a variable after its noun, no part of the name
        ("Call the stone s. Its mass is m.", "stone", "stone s"),
        # an initial inside the sentence keeps its stop
        ("J. Hutton described deep time.", "j. hutton", "j hutton"),
    ],
)
def test_phrases_a_letter_ending_the_sentence_leaves_its_stop(body, named, never):
    keys = candidate_keys(body)
    assert named in keys, keys
    assert never not in keys, keys


@pytest.mark.parametrize(
    ("body", "named", "never"),
    [
        # a Roman numeral after a capitalised noun numbers it: no pronoun "I"
        (
            "A Class I lever has its pivot between the load and the effort.",
            "class i lever",
            "lever",
        ),
        ("Rome fell long before World War I.", "world war i", "world war"),
        ("Patients enter a Phase II trial after the first tests.", "phase ii trial", "ii trial"),
        # the pronoun after a name stays a pronoun
        ("In Paris I learned to paint.", "paris", "paris i"),
    ],
)
def test_phrases_a_numeral_after_a_capitalised_noun_is_part_of_the_name(body, named, never):
    keys = candidate_keys(body)
    assert named in keys, keys
    assert never not in keys, keys


@pytest.mark.parametrize(
    ("title", "sides"),
    [
        ("Class I lever vs Class II lever?", {"class i lever", "class ii lever"}),
        ("Stage I tumour vs Stage II tumour?", {"stage i tumour", "stage ii tumour"}),
    ],
)
def test_phrases_a_contrasted_name_keeps_its_numeral(title, sides):
    index = extract_concepts([card(title, "The first one has its pivot in the middle.")])
    keys = {c.key for s in index.candidates for c in s.candidates if c.count}
    assert sides <= keys, keys
    assert "lever" not in keys and "tumour" not in keys, keys


@pytest.mark.parametrize(
    ("title", "names"),
    [
        ("Hooke's law of springs", {"hooke's law of springs", "law of springs"}),
        ("Snell's law of refraction", {"snell's law of refraction", "law of refraction"}),
    ],
)
def test_phrases_a_term_with_its_authors_possessive_is_one_concept_with_it_left_out(title, names):
    index = extract_concepts([card(title, "It bends as it goes.", kind="term")])
    groups = [{c.key.lower() for c in s.candidates} for s in index.candidates]
    assert any(names <= group for group in groups)


@pytest.mark.parametrize(
    ("body", "named", "never"),
    [
        # two names in Title Case before a plural: one of it each
        ("Air rises in the Hadley and Ferrel cells.", "hadley cell", "hadley"),
        ("See the Mercator and Lambert–Gall projections.", "mercator projection", "mercator"),
        # a name before a singular head is no share of it
        ("The Hadley and Ferrel model fits.", "ferrel model", "hadley model"),
    ],
)
def test_phrases_two_proper_names_before_a_plural_share_it(body, named, never):
    keys = candidate_keys(body)
    assert named in keys and never not in keys, keys


@pytest.mark.parametrize(
    ("body", "named", "never"),
    [
        # a verb the tagger reads as a noun, beside an item that opens with a verb only
        ("Roots do three jobs: absorb salts, store sugars, anchor plants.", "sugar", "store sugar"),
        # a list of names with a verb-only word in one is no list of actions
        ("Parts: memory cell, forget gate, input gate.", "input gate", "input"),
    ],
)
def test_phrases_a_verb_of_a_list_of_actions_is_no_part_of_a_name(body, named, never):
    keys = candidate_keys(body)
    assert named in keys and never not in keys, keys


@pytest.mark.parametrize(
    ("title", "named"),
    [
        # a plural viewed as another thing: a section on the two, no name of its own
        ("Cells as Factories", {"cell", "factory"}),
        ("Rivers as Highways", {"river", "highway"}),
        # a singular before "as" may open a name
        ("Software as a service", {"software as a service"}),
    ],
)
def test_phrases_a_plural_heading_viewed_as_another_thing_names_both(title, named):
    assert heading_keys(title) == named


def test_phrases_an_instruction_word_before_of_is_no_instruction_for_a_purpose():
    # "Use of kiln shelves": "use" is a noun there; the heading still names kiln shelves
    index = extract_concepts([card("Use of kiln shelves", "Shelves hold pots.", kind="term")])
    keys = {c.key.lower() for s in index.candidates for c in s.candidates if c.roles["term"]}
    assert "kiln shelf" in keys, keys
