"""One-line tables for telling prompts from answers in unmarked flashcard lists."""

import pytest

from extraction.readers.prompts import is_cloze, is_question, is_term


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("What is a buffer solution?", True),
        ("Why do glaciers retreat ?", True),
        ("What is a GPS? (global positioning system)", True),
        ("Define entropy", True),
        ("Explain the chain rule", True),
        ("Name three enzymes", True),
        ("Differences between mitosis and meiosis", True),
        ("Examples of igneous rocks", True),
        ("Pros and cons of nuclear power", True),
        ("Weathering vs. Erosion", True),
        ("There are three kinds of rock. Name them", True),
        ("True or false: enzymes denature", True),
        ("noisy labels", False),
        ("- What is hidden here?", False),
        ("Consider sand vs. clay soil", False),
        ("when the map is projected, areas are distorted", False),
        ("or should we raise the tax?", False),
        ("Pros:", False),
        ("Use of reclaimed water", False),
        ("Explain:", False),
        # typed in lower case without its "?": a wh-word and an auxiliary ask
        ("what does GPS stand for", True),
        ("how do glaciers carve valleys", True),
        ("which are then carried downstream", False),
        ("what remains after erosion", False),
    ],
)
def test_prompts_is_question(line, expected):
    assert is_question(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("DNA stands for", True),
        ("Litmus is used for", True),
        ("Table salt is also known as", True),
        ("A moped is a lighter version of ___ bike", True),
        ("Friction damps oscillations", False),
        ("used for", False),
        ("sepals and petal tips", False),
        ("Heat flows from hot bodies to", True),
        # a name in capitals ending with a preposition is a name, not a cut-off stem
        ("ORDER BY", False),
        ("LOG IN", False),
    ],
)
def test_prompts_is_cloze(line, expected):
    assert is_cloze(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Continental Drift", True),
        ("Photosynthesis", True),
        ("Central Processing Unit (CPU)", True),
        ("Fresh water", False),
        ("Pros", False),
        ("Advantages", False),
        ("Compute the mean.", False),
        ("- Ozone Layer", False),
        ("A Very Long Heading With Far Too Many Words In It", False),
    ],
)
def test_prompts_is_term(line, expected):
    assert is_term(line) is expected
