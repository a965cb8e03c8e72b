"""One-line tables for telling prompts from answers in unmarked flashcard lists."""

import pytest

from extraction.readers.prompts import is_cloze, is_question, is_term


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("What is a hidden state?", True),
        ("Why do gradients vanish ?", True),
        ("What is a GAN? (generative adversarial network)", True),
        ("Define entropy", True),
        ("Explain the chain rule", True),
        ("Name three optimisers", True),
        ("Differences between bagging and boosting", True),
        ("Examples of kernels", True),
        ("Pros and cons of dropout", True),
        ("Bagging vs. Boosting", True),
        ("There are three kinds of layers. Name them", True),
        ("True or false: ReLU saturates", True),
        ("noisy labels", False),
        ("- What is hidden here?", False),
        ("Consider sand vs. clay soil", False),
        ("when the data is projected, information is lost", False),
        ("or should we share the encoder?", False),
        ("Pros:", False),
        ("Use of continuous labels", False),
        ("Explain:", False),
    ],
)
def test_prompts_is_question(line, expected):
    assert is_question(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Dropout stands for", True),
        ("Softmax is used for", True),
        ("Weight decay is also known as", True),
        ("A GRU is a lighter version of ___ cell", True),
        ("Momentum damps oscillations", False),
        ("used for", False),
        ("forget and input gates", False),
    ],
)
def test_prompts_is_cloze(line, expected):
    assert is_cloze(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Transfer Learning", True),
        ("Softmax", True),
        ("Gated Recurrent Unit (GRU)", True),
        ("Labelled data", False),
        ("Pros", False),
        ("Advantages", False),
        ("Compute the mean.", False),
        ("- Pooling Layer", False),
        ("A Very Long Heading With Far Too Many Words In It", False),
    ],
)
def test_prompts_is_term(line, expected):
    assert is_term(line) is expected
