"""The concept stage's word lists (extraction.concepts.words), each at work in the
smallest stage function that uses it: a name trimmed, a title read, two names merged
or not, a feature set.

Each example says which entry it relies on: with that entry taken out of its list,
the example fails (checked by mutation when the example was written: the entry
removed from words.py, the test run and seen to fail, the entry put back).
"""

from __future__ import annotations

import re

import pytest
import spacy

from extraction.concepts import extract_concepts, words
from extraction.concepts.candidates import (
    Candidate,
    about_the_notes,
    cited_tokens,
    in_term_list,
)
from extraction.concepts.definitions import asks_something_else, definition_text, says_more
from extraction.concepts.features import group_features
from extraction.concepts.merging import appositive, inverted_of, made_for_activity, same_thing
from extraction.concepts.phrases import framed, frames_next, idiom_noun, instruction, trim
from extraction.nlp import pipe
from extraction.records import Evidence
from tests.extraction.test_concepts_stages import (
    cand,
    candidate_keys,
    card,
    groups_of,
    same_group,
)


def trimmed(text: str, start: int, end: int) -> list[str]:
    """The words :func:`trim` keeps of tokens ``start:end`` of ``text`` parsed."""
    doc = next(pipe([text]))
    return [t.text for t in trim(list(doc[start:end]))]


def tokens(text: str) -> spacy.tokens.Doc:
    return next(pipe([text]))


def roles(title: str, body: str, kind: str = "heading") -> dict[str, dict[str, int]]:
    """The roles of every candidate (used or only nested) of one card."""
    index = extract_concepts([card(title, body, kind=kind)])
    return {c.key.lower(): dict(c.roles) for s in index.candidates for c in s.candidates}


def features(name: str, *sentences: str) -> dict[str, float]:
    """The selector's features of a one-candidate group used in ``sentences``."""
    c = Candidate(name, count=1)
    c.sentences = {Evidence("n.md", i, s) for i, s in enumerate(sentences, 1)}
    return group_features({name: [c]}, ranks={}, uses={})[name]


# -- names trimmed (extraction.concepts.phrases) ----------------------------------------


def test_concept_words_vague_words_trimmed_from_the_start_of_a_name():
    # relies on "various": an adjective to the tagger, dropped only as a vague word
    assert trimmed("Various glaciers carve valleys.", 0, 2) == ["glaciers"]


def test_concept_words_naming_cues_never_part_of_a_name():
    # relies on "termed": a past participle, dropped only as a naming cue
    assert trimmed("This is termed slab pull.", 2, 5) == ["slab", "pull"]


def test_concept_words_naming_cues_say_nothing_of_their_own():
    # relies on "known": "is known as the rule of thirds" names, and says nothing more
    assert not says_more("This is known as the rule of thirds.", ["rule of thirds"])


def test_concept_words_instructions_open_a_sentence_as_an_instruction():
    # relies on "explain": its noun is singular, so only the list makes it an instruction
    doc = tokens("Explain erosion.")
    assert instruction(doc[0], list(doc[:2]))


def test_concept_words_study_verbs_open_a_sentence_as_the_act_of_studying():
    # relies on "explore": "exploring" before a singular noun is no instruction otherwise
    doc = tokens("Exploring erosion takes a week.")
    assert instruction(doc[0], list(doc[:2]))


def test_concept_words_course_levels_open_no_name():
    # relies on "introductory": the title of a course names its field
    assert trimmed("Introductory geology covers rocks.", 0, 2) == ["geology"]


def test_concept_words_adverbial_idioms_noun_names_nothing():
    # relies on ("by", "hand")
    doc = tokens("Bread is kneaded by hand.")
    assert idiom_noun(doc[4])
    assert not idiom_noun(doc[0])


def test_concept_words_edge_stop_starts_no_nested_name():
    # relies on "of": the names nested in "law of superposition" never start at "of"
    # (without the entry, "of superposition" is one)
    found = roles("Notes", "The law of superposition dates rock layers.")
    assert "law of superposition" in found and "superposition" in found, found
    assert "of superposition" not in found, found


# -- titles read (extraction.concepts.definitions, candidates) ---------------------------


def test_concept_words_with_frames_frame_only_before_with():
    # relies on "problem": "the problem with X" is about X, "the problem of X" may be a name
    doc = tokens("The problem with glaciers")
    assert frames_next(list(doc[0:2]), doc[2])
    doc = tokens("The problem of induction")
    assert not frames_next(list(doc[0:2]), doc[2])


@pytest.mark.parametrize(
    ("question", "asked", "entry"),
    [
        ("What are some volcano varieties?", ["volcano"], "KIND_HEADS: varieties"),
        ("What are the main rock types?", ["rock"], "SELECTING_ADJECTIVES: main"),
    ],
)
def test_concept_words_kind_heads_ask_for_the_kinds_of_a_name(question, asked, entry):
    from extraction.concepts.candidates import kinds_asked

    doc = tokens(question)
    subject = [t for t in doc if t.i >= 2 and not t.is_punct]
    assert [t.text for t in kinds_asked(subject)] == asked, entry


@pytest.mark.parametrize(
    ("title", "other", "entry"),
    [
        ("Examples of igneous rocks", True, "FRAMING_NOUNS: examples"),
        ("What is the purpose of a spillway?", False, "SELF_FRAMES: purpose"),
        ("Why do rivers meander?", True, "OTHER_QUESTIONS: why"),
        ("Compare weathering and erosion", True, "CONTRAST_CUE: compare"),
        ("Magma versus lava", True, "VERSUS: versus"),
        ("What is a spillway?", False, "(none: asks what it is)"),
    ],
)
def test_concept_words_title_lists_tell_a_question_about_something_else(title, other, entry):
    assert asks_something_else(title) is other, entry


def test_concept_words_framing_nouns_frame_the_name_after_them():
    # relies on "types": "the main types" says what is asked about what follows
    doc = tokens("The main types of volcano")
    assert framed(list(doc[0:3]))
    # and "types of rock" is no "rock type" to be merged with
    assert inverted_of("types of rock") == []
    assert inverted_of("speed of sound") == ["sound speed"]


@pytest.mark.parametrize(
    ("title", "sides", "never"),
    [
        # relies on VERSUS's "vs\.?"
        ("Sandstone vs. shale", {"sandstone", "shale"}, "sandstone vs. shale"),
        # relies on CONTRAST_CUE's "differences?\s+(?:between|of)"
        (
            "What is the difference between weathering and erosion?",
            {"weathering", "erosion"},
            "difference",
        ),
    ],
)
def test_concept_words_contrast_title_is_about_both_sides(title, sides, never):
    found = roles(title, "Both are studied in the field.", kind="question")
    assert {k for k, r in found.items() if r.get("question")} == sides, found
    assert not found.get(never, {}).get("question"), found


def test_concept_words_term_list_heading_reads_as_a_glossary():
    # relies on TERM_LIST_HEADING's "vocabulary"
    assert in_term_list(card("Key vocabulary", "Scree: loose rock.", kind="heading"))
    assert not in_term_list(card("Mountain walks", "Scree: loose rock.", kind="heading"))


def test_concept_words_numbered_labels_name_what_follows_the_number():
    # relies on "method"
    found = roles("Notes", "Method 2: Cold brewing")
    assert found["cold brewing"].get("label"), found


# -- candidates (extraction.concepts.candidates) -----------------------------------------


@pytest.mark.parametrize(
    ("key", "notes", "entry"),
    [
        ("HINT", True, "CALLOUT_WORDS: hint"),
        ("homework outline", True, "GENERIC_NOTE_WORDS: homework, outline"),
        ("exam tips", True, "GENERIC_NOTE_WORDS: exam, tips"),
        ("midterm review", True, "GENERIC_NOTE_WORDS: midterm, review"),
        ("quiz hints", True, "GENERIC_NOTE_WORDS: quiz, hints"),
        ("TA hints", True, "GENERIC_NOTE_WORDS: ta, hints"),
        ("pset review", True, "GENERIC_NOTE_WORDS: pset, review"),
        ("hw outline", True, "GENERIC_NOTE_WORDS: hw, outline"),
        ("review worksheet 4", True, "GENERIC_NOTE_WORDS: review, worksheet; a number"),
        ("lecture 2 handouts", True, "GENERIC_NOTE_WORDS: lecture, handouts; a number"),
        ("hint", True, "CALLOUT_WORDS: hint"),
        ("Thm", True, "CALLOUT_WORDS: thm"),
        ("def", True, "CALLOUT_WORDS: def"),
        ("Basics", True, "CALLOUT_WORDS: basics"),
        ("moraine", False, "(none)"),
    ],
)
def test_concept_words_callout_and_note_words_are_about_the_notes(key, notes, entry):
    assert about_the_notes(key) is notes, entry


@pytest.mark.parametrize(
    ("term", "named"),
    [
        ("Exam tips", set()),
        ("Midterm review", set()),
        ("Kiln tips", {"kiln tip"}),
    ],
)
def test_concept_words_a_term_card_of_note_taking_words_names_nothing(term, named):
    index = extract_concepts([card(term, "Check the kiln twice.", kind="term")])
    keys = {c.key.lower() for s in index.candidates for c in s.candidates if c.roles["term"]}
    assert keys == named


def test_concept_words_analogy_sentence_names_nothing():
    # relies on ANALOGY's "think of": the sieve belongs to the analogy
    keys = candidate_keys("Osmosis moves water. Think of the membrane as a sieve.")
    assert "sieve" not in keys and "membrane" not in keys, keys


def test_concept_words_analogy_ends_a_definition():
    # relies on ANALOGY's "think of"
    body = "Osmosis moves water across a membrane. Think of the membrane as a sieve."
    assert definition_text(body) == "Osmosis moves water across a membrane."


def test_concept_words_other_name_openers_give_a_bracketed_other_name():
    # relies on "or"
    found = roles("Notes", "Water seeps into the water table (or phreatic zone) after rain.")
    assert found["water table"].get("gloss") and found["phreatic zone"].get("gloss"), found


def test_concept_words_reference_parts_cite_a_work():
    # relies on "pp"
    doc = spacy.blank("en")("see Brown pp. 12 on dunes")
    for t in doc:
        t.pos_ = "PROPN" if t.text[0].isupper() else "X"
    assert [doc[i].text for i in sorted(cited_tokens(doc))] == ["Brown", "pp", "."]


# -- merging (extraction.concepts.merging) -----------------------------------------------


def test_concept_words_synonym_cue_after_a_comma_names_the_phrase_before_it():
    # relies on SYNONYM_CUE's "known\s+as"
    before = appositive("Glaciers carve valleys by plucking, also known as quarrying.")
    assert before is not None and before[-1] == "plucking"


def test_concept_words_generic_heads_merge_with_the_bare_name():
    # relies on "algorithm"
    groups = groups_of(cand("Kruskal"), cand("Kruskal algorithm"))
    assert same_group(groups, "Kruskal", "Kruskal algorithm")


def test_concept_words_manner_heads_merge_when_used_together():
    # relies on "procedure" (the two share a card)
    groups = groups_of(cand("glazing"), cand("glazing procedure"))
    assert same_group(groups, "glazing", "glazing procedure")


@pytest.mark.parametrize(
    ("bare", "longer", "entry"),
    [
        ("XRF", "XRF reaction", "EVENT_HEADS: reaction"),
        ("Kjeldahl", "Kjeldahl reaction", "EVENT_HEADS: reaction"),
        ("combustion", "combustion reaction", "EVENT_HEADS: reaction"),
    ],
)
def test_concept_words_event_heads_merge_with_a_specific_bare_name(bare, longer, entry):
    # relies on the entry (the two share a card)
    assert same_group(groups_of(cand(bare, 3), cand(longer, 2)), bare, longer), entry


@pytest.mark.parametrize(
    ("header", "entry"),
    [
        (("Factor", "Brick", "Timber"), "COMPARED_ON: factor"),
        (("Characteristics", "Brick", "Timber"), "COMPARED_ON: characteristics"),
    ],
)
def test_concept_words_compared_on_opens_a_comparison_table(header, entry):
    from extraction.concepts.segments import compares
    from extraction.records import Table

    assert compares(Table(header, ())), entry


@pytest.mark.parametrize(
    ("header", "entry"),
    [
        (("Property", "Brick", "Description"), "DESCRIBING_HEADERS: description"),
        (("Feature", "Examples", "Notes"), "DESCRIBING_HEADERS: examples, notes"),
    ],
)
def test_concept_words_describing_headers_make_no_comparison_table(header, entry):
    from extraction.concepts.segments import compares
    from extraction.records import Table

    assert not compares(Table(header, ())), entry


@pytest.mark.parametrize(
    ("header", "entry"),
    [
        (("Term", "Meaning"), "TERM_HEADERS: term"),
        (("Key concepts", "Explanation", "Example"), "TERM_HEADERS: concepts"),
    ],
)
def test_concept_words_term_headers_make_a_glossary_table(header, entry):
    from extraction.concepts.segments import glossary
    from extraction.records import Table

    assert glossary(Table(header, ())), entry


@pytest.mark.parametrize(
    ("base", "head", "same", "entry"),
    [
        ("digestion", "mechanism", True, "ASPECT_HEADS: mechanism"),
        ("soil", "model", False, "THING_HEADS: model"),
        ("erosion", "process", False, "ACTIVITY_ENDINGS: ion"),
        ("soil erosion", "process", False, "ACTIVITY_ENDINGS: ion"),
    ],
)
def test_concept_words_heads_tell_whether_a_compound_is_its_base(base, head, same, entry):
    assert same_thing(base, head) is same, entry


@pytest.mark.parametrize(
    ("base", "head", "built", "entry"),
    [
        ("filtration", "unit", True, "BUILT_HEADS: unit; ACTIVITY_ENDINGS: ion"),
        ("filtration", "algorithm", False, "(a way it is done, not a thing built)"),
    ],
)
def test_concept_words_built_heads_name_a_thing_made_for_an_activity(base, head, built, entry):
    assert made_for_activity(base, head) is built, entry


# -- features (extraction.concepts.features) ---------------------------------------------


@pytest.mark.parametrize(
    ("name", "sentences", "feature", "entry"),
    [
        ("toy volcano", (), "evaluative", "EVALUATIVE_WORDS: toy"),
        ("homework", (), "generic", "GENERIC_NOTE_WORDS: homework"),
        ("lab hrs", (), "generic", "GENERIC_NOTE_WORDS: hrs"),
        ("brine", ("Our brine is then heated.",), "pointed", "POINTING_WORDS: our"),
        ("tank", ("Suppose a tank holds 5 litres.",), "example_share", "EXAMPLE_CUE: suppose"),
    ],
)
def test_concept_words_lists_set_selector_features(name, sentences, feature, entry):
    assert features(name, *sentences).get(feature), entry


@pytest.mark.parametrize(
    ("name", "sentences", "feature"),
    [
        ("volcanic ash", (), "evaluative"),
        ("scree", (), "generic"),
        ("brine", ("The brine is then heated.",), "pointed"),
        ("tank", ("A tank holds 5 litres.",), "example_share"),
    ],
)
def test_concept_words_lists_leave_other_names_without_the_feature(name, sentences, feature):
    assert not features(name, *sentences).get(feature)


@pytest.mark.parametrize(
    ("name", "count", "referred", "ruled", "entry"),
    [
        ("resulting slurry", 2, 2, True, "PLACING_WORDS: resulting"),
        ("previous firing", 1, 1, True, "PLACING_WORDS: previous"),
        ("wet slurry", 2, 2, False, "(a word that says what kind)"),
        ("resulting slurry", 2, 1, False, "DEFINITE_WORDS: one use of two not referred"),
    ],
)
def test_concept_words_placing_words_rule_out_a_process_own_thing(
    name, count, referred, ruled, entry
):
    from extraction.concepts.candidates import Candidate
    from extraction.concepts.selection import particular

    assert particular([Candidate(name, count=count, referred=referred)]) is ruled, entry


@pytest.mark.parametrize(
    ("form", "ruled", "entry"),
    [
        ("Dr. Ames", True, "PERSON_TITLES: dr."),
        ("Prof Lind", True, "PERSON_TITLES: prof"),
        ("Professor Okoye", True, "PERSON_TITLES: professor"),
        ("Ames", False, "(no title)"),
        ("ms word", False, "(a title word before no name)"),
    ],
)
def test_concept_words_person_titles_rule_out_a_titled_person(form, ruled, entry):
    from collections import Counter

    from extraction.concepts.candidates import Candidate
    from extraction.concepts.selection import TITLED, ruled_out

    person = [Candidate(form.lower(), forms=Counter({form: 2}), count=2)]
    assert (ruled_out({"proper": 1.0}, person) == TITLED) is ruled, entry


@pytest.mark.parametrize(
    ("form", "roles", "ruled", "entry"),
    [
        ("Other glazes", ("heading",), True, "REMAINDER_WORDS: other"),
        ("FURTHER METHODS", ("heading",), True, "REMAINDER_WORDS: further"),
        ("Other glazes", ("heading", "defined"), False, "(a sentence defines it)"),
        ("Others", ("heading",), False, "(the word alone)"),
        ("Glaze types", ("heading",), False, "(no remainder word)"),
    ],
)
def test_concept_words_remainder_words_rule_out_a_heading_for_the_rest(form, roles, ruled, entry):
    from collections import Counter

    from extraction.concepts.candidates import Candidate
    from extraction.concepts.selection import REMAINDER, ruled_out

    group = [Candidate(form.lower(), forms=Counter({form: 1}), count=1)]
    features = {f"role_{role}": 1.0 for role in roles}
    assert (ruled_out(features, group) == REMAINDER) is ruled, entry


@pytest.mark.parametrize(
    ("text", "credited", "entry"),
    [
        ("Lind's second law", False, "EPONYM_HEADS: law"),
        ("Lind's exact test", False, "EPONYM_HEADS: test"),
        ("Lind's surge cycle", True, "(a name of its own after the owner)"),
    ],
)
def test_concept_words_eponym_heads_keep_an_author_on_a_result(text, credited, entry):
    from extraction import nlp
    from extraction.concepts.phrases import credited_owner

    doc = nlp.load()(text)
    assert credited_owner(list(doc[2:])) is credited, entry


@pytest.mark.parametrize(
    ("title", "statement", "entry"),
    [
        ("Second law of grazing", True, "STATEMENT_HEADS: law"),
        ("Lind's pruning rule", True, "STATEMENT_HEADS: rule"),
        ("Pruning kit", False, "(a thing, stated by nothing)"),
    ],
)
def test_concept_words_statement_heads_name_what_a_section_states(title, statement, entry):
    from extraction.concepts.definitions import names_statement

    assert names_statement(title, [title.lower()]) is statement, entry


@pytest.mark.parametrize(
    ("sentence", "start", "end", "referred", "entry"),
    [
        ("A sieve holds the resulting slurry.", 4, 6, True, "DEFINITE_WORDS: the"),
        ("A sieve holds its resulting slurry.", 4, 6, True, "DEFINITE_WORDS: its"),
        ("A sieve holds this resulting slurry.", 4, 6, True, "DEFINITE_WORDS: this"),
        ("A sieve holds a resulting slurry.", 4, 6, False, "(an indefinite article)"),
        ("The resulting slurry is thick.", 1, 3, False, "(the subject of its clause)"),
    ],
)
def test_concept_words_definite_words_refer_to_one_thing(sentence, start, end, referred, entry):
    from extraction import nlp
    from extraction.concepts.candidates import referred as refers

    doc = nlp.load()(sentence)
    assert refers(doc[start:end]) is referred, entry


# -- the lists themselves ----------------------------------------------------------------

#: Every public list of words.py, by the tests above that show it at work: a new list
#: gets an example before it is added here.
COVERED = {
    "VAGUE_WORDS",
    "FRAMING_NOUNS",
    "SELF_FRAMES",
    "OTHER_QUESTIONS",
    "CONTRAST_CUE",
    "VERSUS",
    "GENERIC_HEADS",
    "MANNER_HEADS",
    "EVENT_HEADS",
    "COMPARED_ON",
    "DESCRIBING_HEADERS",
    "ASPECT_HEADS",
    "THING_HEADS",
    "BUILT_HEADS",
    "ACTIVITY_ENDINGS",
    "GENERIC_NOTE_WORDS",
    "EVALUATIVE_WORDS",
    "POINTING_WORDS",
    "PLACING_WORDS",
    "REMAINDER_WORDS",
    "PERSON_TITLES",
    "EPONYM_HEADS",
    "STATEMENT_HEADS",
    "DEFINITE_WORDS",
    "EXAMPLE_CUE",
    "INSTRUCTIONS",
    "STUDY_VERBS",
    "COURSE_LEVELS",
    "ANALOGY",
    "NAMING_CUES",
    "SYNONYM_CUE",
    "OTHER_NAME_OPENERS",
    "NUMBERED_LABELS",
    "EDGE_STOP",
    "CALLOUT_WORDS",
    "ADVERBIAL_IDIOMS",
    "REFERENCE_PARTS",
    "TERM_LIST_HEADING",
    "WITH_FRAMES",
    "KIND_HEADS",
    "SELECTING_ADJECTIVES",
    "PRESENCE_FRAMES",
    "TERM_HEADERS",
    "NAME_PREPOSITIONS",
}


def _public() -> dict[str, object]:
    return {k: v for k, v in vars(words).items() if k.isupper() and not k.startswith("_")}


def test_concept_words_every_public_list_has_an_example():
    assert set(_public()) == COVERED


@pytest.mark.parametrize("name", sorted(COVERED))
def test_concept_words_lists_are_non_empty_and_lower_case(name):
    value = _public()[name]
    if isinstance(value, re.Pattern):
        assert value.pattern and not value.search(""), name
        return
    assert value, name
    assert len(set(value)) == len(value), name  # (a tuple may repeat an entry)
    for entry in value:
        parts = entry if isinstance(entry, tuple) else (entry,)
        assert all(p and p == p.lower() and p == p.strip() for p in parts), (name, entry)


@pytest.mark.parametrize(
    ("title", "kind", "named", "entry"),
    [
        ("Presence of Moisture", "heading", "moisture", "presence"),
        ("Explain the lack of sleep", "question", "sleep", "lack"),
        ("Absence of Light", "heading", "light", "absence"),
        ("A deep understanding of erosion", "heading", "erosion", "understanding"),
    ],
)
def test_concept_words_framing_nouns_of_presence_and_understanding_hand_on_the_title(
    title, kind, named, entry
):
    # relies on FRAMING_NOUNS' entry: "the presence of X" is about X, and the whole "X of
    # Y" is no name of the "of" kind ("law of demand") either
    index = extract_concepts([card(title, "It matters in the field.", kind=kind)])
    roles = {c.key.lower(): c.roles for s in index.candidates for c in s.candidates}
    assert roles[named][kind] == 1, (entry, roles)
    assert not any(r["of_phrase"] for r in roles.values()), (entry, roles)


@pytest.mark.parametrize(
    ("inner", "outer"),
    [
        # "Framing nouns whose answer still says what the thing is"
        ("SELF_FRAMES", "FRAMING_NOUNS"),
        # "Generic heads that name an aspect of X itself" / "a thing made for or of X"
        ("ASPECT_HEADS", "GENERIC_HEADS"),
        ("THING_HEADS", "GENERIC_HEADS"),
        # "Thing heads that name a thing built or gathered for an activity"
        ("BUILT_HEADS", "THING_HEADS"),
    ],
)
def test_concept_words_narrower_lists_are_inside_the_lists_they_narrow(inner, outer):
    lists = _public()
    assert lists[inner] <= lists[outer], lists[inner] - lists[outer]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # an aspect head names X itself, a thing head something made for X: never both
        ("ASPECT_HEADS", "THING_HEADS"),
        # a generic head is read before a manner head: one in both is never a manner head
        ("MANNER_HEADS", "GENERIC_HEADS"),
        ("EVENT_HEADS", "GENERIC_HEADS"),
        ("EVENT_HEADS", "MANNER_HEADS"),
        # a header that says what is compared names no column of descriptions
        ("COMPARED_ON", "DESCRIBING_HEADERS"),
    ],
)
def test_concept_words_lists_that_would_contradict_share_no_word(a, b):
    lists = _public()
    assert not lists[a] & lists[b], lists[a] & lists[b]


@pytest.mark.parametrize(
    ("heading", "named"),
    [
        ("Detect the presence of mould", "mould detection"),  # PRESENCE_FRAMES: presence
        ("Prevent the occurrence of frost", "frost prevention"),  # ... occurrence
        ("Prevent the absence of frost", None),  # not a frame: acts on the absence
    ],
)
def test_concept_words_presence_frames_hand_an_action_on_to_its_object(heading, named):
    cards = [
        card(f"What is {name}?", "A term of the course.", n=n)
        for n, name in enumerate(("mould detection", "frost prevention", "mould", "frost"), 1)
    ]
    index = extract_concepts(cards)
    assert index.action_named(tokens(heading)) == (named and index.find(named))


@pytest.mark.parametrize(
    ("heading", "acronym", "read"),
    [
        ("SOIL LAYERS", "SOIL", False),
        ("DNA REPAIR", "DNA", True),
        ("Soil and the DNA of microbes", "DNA", True),
    ],
    ids=["english-word", "unknown-word", "not-shouted"],
)
def test_concept_words_a_word_of_a_line_in_capitals_is_no_acronym(heading, acronym, read):
    index = extract_concepts([card(heading, "Topsoil lies on top of the subsoil.", kind="heading")])
    acronyms = {c.key for s in index.candidates for c in s.candidates if c.roles["acronym"]}
    assert (acronym in acronyms) is read


@pytest.mark.parametrize(
    ("key", "ends_in_object"),
    [
        ("soil erosion control with cover crop", True),  # NAME_PREPOSITIONS: with
        ("pruning for fruit spur", True),  # NAME_PREPOSITIONS: for
        ("seed dispersal by bird", True),  # NAME_PREPOSITIONS: by
        ("wood ash glaze", False),
    ],
)
def test_concept_words_name_prepositions_end_a_head(key, ends_in_object):
    from extraction.concepts.candidates import Candidate
    from extraction.concepts.definitions import object_last

    assert object_last(Candidate(key)) is ends_in_object
