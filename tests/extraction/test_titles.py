"""The concept a card title names."""

import pytest

from extraction.titles import is_activity, singular, title_concept


@pytest.mark.parametrize(
    ("title", "name", "acronym"),
    [
        ("What is Plate Tectonics?", "Plate Tectonics", ""),
        ("What is a hash table, and how does it work?", "hash table", ""),
        ("What are Unmanned Aerial Vehicles? (UAV)", "Unmanned Aerial Vehicles", "UAV"),
        (
            "What is the Mean Arterial Pressure (MAP) Reading ?",
            "Mean Arterial Pressure (MAP) Reading",
            "",
        ),
        ("Define regularization", "regularization", ""),
        ("Define what a Tectonic Plate is", "Tectonic Plate", ""),
        ("Explain backpropagation", "backpropagation", ""),
        ("Dropout stands for", "Dropout", ""),
        ("What are the components of a windmill?", "windmill", ""),
        ("What does the mitral valve do?", "mitral valve", ""),
        ("Applications of PCA", "PCA", ""),
        ("Principles of Plate Tectonics", "Plate Tectonics", ""),
        ("Dangers of Silica Dust", "Silica Dust", ""),
        ("Trade-offs of the wood-fired kiln", "wood-fired kiln", ""),
        ("Absence of Meltwater", "Meltwater", ""),
        ("Lack of sleep", "sleep", ""),
        ("Presence of moisture", "moisture", ""),
    ],
)
def test_titles_name_their_concept(title, name, acronym):
    found = title_concept(title)
    assert found is not None and (found.name, found.acronym) == (name, acronym)


@pytest.mark.parametrize(
    "title",
    [
        "What are the pros and cons of a modern wind turbine design?",
        "How can we generate tidal power?",
        "Why use crop rotation?",
        "What is the difference between sleet and hail?",
        "",
    ],
)
def test_titles_that_name_no_single_concept(title):
    assert title_concept(title) is None


def test_titles_terms_name_themselves_only_when_asked():
    assert title_concept("Gated Recurrent Unit (GRU)", term=True).acronym == "GRU"
    assert title_concept("Gated Recurrent Unit", term=False) is None


@pytest.mark.parametrize(
    ("title", "names"),
    [
        ("Training the Model", False),
        ("Choosing a kernel", False),
        ("Evaluating your classifier", False),
        ("Pooling layers", True),
        ("Bagging", True),
        ("String theory", True),
    ],
)
def test_titles_a_term_that_acts_on_something_names_nothing(title, names):
    assert (title_concept(title, term=True) is not None) is names


def test_titles_singular_keeps_non_plurals():
    assert [singular(w) for w in ("analysis", "bias", "class", "dynamics")] == [
        "analysis",
        "bias",
        "class",
        "dynamics",
    ]


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("What is meant by osmosis?", "osmosis"),
        ("What is meant by the term plate tectonics?", "plate tectonics"),
        ("What do you understand by entropy?", "entropy"),
        ("What does subduction mean?", "subduction"),
        ("Give the definition of a hash table", "hash table"),
        ("Definition of inflation", "inflation"),
        ("Define the term buffer solution", "buffer solution"),
        ("Define: osmosis", "osmosis"),
        ("Osmosis — define", "Osmosis"),
        ("Hash table: definition", "Hash table"),
        ("Pre-heating - explain", "Pre-heating"),
        ("Briefly describe the French Revolution", "French Revolution"),
        ("Outline plate tectonics", "plate tectonics"),
        ("Explain what a hash table is", "hash table"),
    ],
)
def test_titles_an_instruction_names_its_subject(title, name):
    found = title_concept(title)
    assert found is not None and found.name == name


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("[Fractional distillation]", "Fractional distillation"),
        ("(Ion channels)", "Ion channels"),
        ("[Plate tectonics]", "Plate tectonics"),
    ],
)
def test_titles_brackets_around_a_whole_heading_are_no_part_of_its_name(title, name):
    found = title_concept(title, term=True)
    assert found is not None and found.name == name


@pytest.mark.parametrize(
    ("title", "name", "acronym"),
    [
        ("Neap tide (weak tide)", "Neap tide", ""),
        ("Tidal range (m)", "Tidal range", "m"),
        ("Wave speed (m/s)", "Wave speed", ""),
        # a remark in the bracket stays part of the title
        ("Clay soil (no drainage needed)", "Clay soil (no drainage needed)", ""),
        ("Rip current (aka rip tide)", "Rip current", ""),
        ("Storm surge (SS)", "Storm surge", "SS"),
    ],
)
def test_titles_a_bracket_closing_a_term_is_no_part_of_its_name(title, name, acronym):
    """A gloss, symbol or second name in a bracket after a term leaves the term's name
    (a remark stays); one word in the bracket is read as its abbreviation, as before."""
    found = title_concept(title, term=True)
    assert found is not None and (found.name, found.acronym) == (name, acronym)


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Causes / effects", None),
        ("Tides / currents", None),
        ("Input/output devices", "Input/output devices"),
    ],
)
def test_titles_a_spaced_slash_sets_two_topics_side_by_side(title, name):
    """A heading "A / B" names no one concept; a slash inside a word does not split it."""
    found = title_concept(title, term=True)
    assert (found.name if found else None) == name


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("Unlocking Your Potential", True),
        ("Training the model", True),
        ("Pooling layers", False),
        ("Renaissance Learning", False),
        ("Bagging", False),
    ],
)
def test_titles_is_activity_reads_a_gerund_before_a_determiner(text, acts):
    assert is_activity(text) is acts
