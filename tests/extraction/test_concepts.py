"""Concept extraction: candidates, canonical names, merged aliases, what is not a concept."""

from __future__ import annotations

import pytest

from extraction.concepts import (
    card_segments,
    concept_id,
    extract_concepts,
    is_acronym,
    match_key,
)
from extraction.concepts.abbreviations import abbreviations
from extraction.names import initials_match
from extraction.records import Card


def card(title: str, body: str, *, n: int = 1, source: str = "notes.txt", fmt: str = "quizlet"):
    lines = body.splitlines()
    return Card(
        id=f"{source}#{n}",
        source=source,
        format=fmt,
        lines=(n * 10, n * 10 + len(lines)),
        title=title,
        body=body,
        title_line=n * 10,
        body_lines=tuple(range(n * 10 + 1, n * 10 + 1 + len(lines))),
    )


def names(index) -> dict[str, str]:
    """Every name (id, label, alias; lower case) -> concept id."""
    return {
        name.lower(): c.id for c in index.concepts.values() for name in (c.id, c.label, *c.aliases)
    }


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Tectonic", "Plate", "Boundaries"], "tectonic plate boundary"),
        (["LSTM", "cells"], "LSTM cell"),
        (["GANs"], "GAN"),
        (["Autoencoders"], "autoencoder"),
        (["data"], "data"),
        (["Gaussian", "Process"], "gaussian process"),
        (["Loss"], "loss"),
    ],
)
def test_concepts_canonical_id(words, expected):
    assert concept_id(words) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Encoder-Decoder models", "encoder decoder model"),
        ("layer-wise relevance propagation", "Layerwise relevance propagation"),
        ("convolution layer", "convolutional layers"),
        ("many-to-1", "many-to-one"),
    ],
)
def test_concepts_spelling_variants_share_a_key(a, b):
    assert match_key(a) == match_key(b)


def test_concepts_short_acronyms_keep_their_case():
    assert match_key("MAP") != match_key("map")


@pytest.mark.parametrize(
    ("short", "long", "strict", "expected"),
    [
        ("LSTM", "Long Short-Term Memory", True, True),
        ("GAN", "generative adversarial networks", True, True),
        ("MAP", "feature map", True, False),
        ("LRP", "learned pattern", True, False),
        ("BPTT", "Backpropagation Through Time", False, True),
        ("BPTT", "Backpropagation Through Time", True, False),
    ],
)
def test_concepts_initials_match(short, long, strict, expected):
    assert initials_match(short, long, strict=strict) is expected


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Long Short-Term Memory (LSTM) networks", [("LSTM", "Long Short-Term Memory")]),
        ("DoS (Denial of Service) attacks", [("DoS", "Denial of Service")]),
        ("the output (see above) matters", []),
    ],
)
def test_concepts_abbreviations_stated_in_a_sentence(text, pairs):
    assert list(abbreviations(text)) == pairs


@pytest.mark.parametrize(("word", "expected"), [("LSTM", True), ("ReLU", True), ("The", False)])
def test_concepts_is_acronym(word, expected):
    assert is_acronym(word) is expected


def test_concepts_acronym_and_expansion_in_different_files_merge():
    index = extract_concepts(
        [
            card("What is an LSTM?", "A recurrent unit with gates.", source="a.txt"),
            card(
                "What is a long short-term memory network?",
                "Long short-term memory keeps a cell state across steps.",
                n=2,
                source="b.txt",
            ),
        ]
    )
    found = names(index)
    assert found["lstm"] == found["long short-term memory"]


def test_concepts_stands_for_card_merges():
    index = extract_concepts(
        [
            card("GRU stands for", "Gated Recurrent Unit"),
            card("What is a GRU?", "A gated unit.", n=2),
        ]
    )
    found = names(index)
    assert found["gru"] == found["gated recurrent unit"]


@pytest.mark.parametrize(
    ("body", "same"),
    [
        # a bracketed noun that is no short form may be another name, an example or a
        # property ("Bagging (Random Forests)"): the two stay apart (a short form merges:
        # test_concepts_gloss_merges_only_a_short_form)
        ("The river carries the silt into a salt marsh (wetland).", False),
        # a gloss of an action names the action, not its object
        ("Grazing the cattle on salt marshes (salt marsh grazing).", False),
    ],
)
def test_concepts_gloss_merges_only_what_it_glosses(body: str, same: bool):
    index = extract_concepts(
        [
            card("What is a salt marsh?", "A coastal grassland flooded by tides."),
            card("What is a wetland?", "Land soaked with water.", n=2),
            card("What is salt marsh grazing?", "Grazing on the salt marsh.", n=3),
            card("How are estuaries formed?", body, n=4),
        ]
    )
    found = names(index)
    glossed = "wetland" if "wetland" in body else "salt marsh grazing"
    assert (found.get(glossed) == found["salt marsh"]) is same


def test_concepts_plural_and_generic_head_variants_merge():
    index = extract_concepts(
        [
            card("What are Transformers?", "Models built on self-attention."),
            card("Explain the transformer model", "The transformer model uses attention.", n=2),
        ]
    )
    found = names(index)
    assert found["transformers"] == found["transformer"] == found["transformer model"]


def test_concepts_definition_and_evidence_come_from_the_card():
    index = extract_concepts(
        [card("What is dropout?", "A regularization method that drops neurons.\nIt helps.")]
    )
    dropout = index.concepts[index.find("dropout")]
    assert dropout.definition == "A regularization method that drops neurons."
    assert dropout.definition_evidence.line == 11
    assert dropout.cards == ["notes.txt#1"]


@pytest.mark.parametrize(
    "body",
    [
        "Think of it like a garden sponge soaked in ink.",
        "It's like shouting the password to a guard during a parade.",
    ],
)
def test_concepts_analogies_name_no_concept(body):
    index = extract_concepts([card("What is osmosis?", f"Water moving across a membrane. {body}")])
    found = names(index)
    assert not {"garden sponge", "guard", "parade"} & set(found)


def test_concepts_generic_nouns_and_pronouns_are_not_concepts():
    index = extract_concepts(
        [
            card("What is an encoder?", "It maps the input to a code. The model uses the data."),
            card("What is a decoder?", "It maps the code back to the input of the model.", n=2),
        ]
    )
    found = names(index)
    assert {"encoder", "decoder"} <= set(found)
    assert not {"it", "the input", "input", "model", "the model", "data"} & set(found)


def test_concepts_label_lines_define_terms():
    index = extract_concepts(
        [
            card(
                "How does a GRU control information?",
                "Reset gate: decides what to forget\n"
                "Update gate: decides how much new state to keep",
            )
        ]
    )
    reset = index.concepts[index.find("reset gate")]
    assert reset.definition == "decides what to forget"


def test_concepts_segments_cite_the_lines_a_reader_joined():
    body = "a long sentence that wraps onto the next line.\nitem one"
    c = Card(
        "n#1",
        "n.txt",
        "quizlet",
        (1, 4),
        "Q?",
        body,
        title_line=1,
        body_lines=(2, 4),
        line_starts=((0, 2), (27, 3), (47, 4)),
    )
    segs = [s for s in card_segments(c) if not s.is_title]
    assert [s.text for s in segs] == ["a long sentence that wraps onto the next line.", "item one"]
    assert [s.line_at(0) for s in segs] == [2, 4]
    assert segs[0].line_at(segs[0].text.index("onto")) == 3


@pytest.mark.parametrize(
    "title",
    [
        "Define Reinforcement Learning",
        "Explain Exploding Gradients",
        "Calculate the Posterior",
        "Determine the Boiling Point",
    ],
)
def test_concepts_study_prompt_verbs_are_not_part_of_names(title: str):
    index = extract_concepts(
        [card(title, "See the lecture notes."), card("Why revise?", f"{title} again.", n=2)]
    )
    first_words = {name.split()[0] for name in names(index)}
    assert not first_words & {"define", "explain", "calculate", "determine"}, names(index)
    assert set(names(index)) & {
        "reinforcement learning",
        "exploding gradient",
        "posterior",
        "boiling point",
    }


def test_concepts_adverb_grading_a_name_stays_in_it():
    index = extract_concepts(
        [
            card("What is a CNN?", "A network of convolutions."),
            card("Fully Connected Neural Network", "Every unit feeds every unit.", n=2),
        ]
    )
    found = names(index)
    assert "fully connected neural network" in found
    # "connected neural network" spells C-N-N, yet it is no CNN
    assert found["fully connected neural network"] != found["cnn"]


def test_concepts_for_example_is_not_part_of_the_example():
    index = extract_concepts(
        [
            card(
                "Learning rate schedule",
                "A rule that lowers the learning rate, for example step decay or cosine annealing.",
            ),
            card("What is step decay?", "Halving the rate every few epochs.", n=2),
        ]
    )
    found = names(index)
    assert "step decay" in found
    assert not any(name.startswith("example") for name in found), sorted(found)


@pytest.mark.parametrize(
    ("sentence", "analogy"),
    [
        ("Think of it like a librarian who fetches books.", True),
        ("The cache works like a notebook on your desk.", True),
        ("It's like a queue at the bank.", True),
        # a comparison of degree states what the term does: the sentence is kept
        ("In assimilation a sound becomes more like a neighbouring sound.", False),
        ("Over time the dialect grew less like a creole.", False),
        ("A type of neuron, like a pyramidal cell, fires in bursts.", True),
    ],
)
def test_concepts_analogy_is_not_a_comparison_of_degree(sentence, analogy):
    from extraction.concepts.words import ANALOGY

    assert bool(ANALOGY.search(sentence)) is analogy


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        # a framing word hands the question on to what it frames
        ("What are the trade-offs of using sourdough starters?", "sourdough starter"),
        ("Explain the intuition behind plate tectonics", "plate tectonics"),
        ("Describe the mechanics of glacial erosion", "glacial erosion"),
        ("What are the main challenges of bonsai care?", "bonsai care"),
        ("What are the dangers of volcanic ash?", "volcanic ash"),
        ("What is the relationship between magma and lava?", None),
        ("What are the trade-offs between kiln and pit firing?", None),
        # "problem" frames only before "with": "the problem of induction" is a name
        ("What is the problem with shallow foundations?", "shallow foundation"),
        ("What is the problem of induction?", "problem of induction"),
        # "the theory behind X" is not framed: it stays one phrase
        ("Describe the theory behind continental drift", "theory behind continental drift"),
        # a plural kind head after a name asks for the name's kinds
        ("What are some kiln basic types?", "kiln"),
        ("What are the volcano varieties?", "volcano"),
        ("What are the sedimentary rock types?", "sedimentary rock"),
        ("What are the main volcano varieties?", "volcano"),
        ("What are the common sedimentary rock types?", "sedimentary rock"),
    ],
)
def test_concepts_question_subject_is_what_a_framing_word_frames(title, subject):
    index = extract_concepts([card(title, "It depends on the temperature.")])
    asked = {c.key.lower() for s in index.candidates for c in s.candidates if c.roles["question"]}
    assert asked == ({subject} if subject else set()), asked


@pytest.mark.parametrize(
    ("title", "named"),
    [
        # a part that is an action on something names nothing, nor does the whole
        ("Glaze Chemistry and Improving Your Firing", {"glaze chemistry"}),
        ("Soil Health and Protecting the Roots", {"soil health"}),
        # two topics, or a pair that is one name, as before
        ("Supply and demand", {"supply and demand", "supply", "demand"}),
    ],
)
def test_concepts_heading_joining_an_action_names_its_topic_only(title, named):
    index = extract_concepts(
        [
            Card(
                id="notes.md#1",
                source="notes.md",
                format="markdown",
                lines=(1, 2),
                title=title,
                body="It depends on the temperature.",
                title_kind="heading",
            )
        ]
    )
    keys = {c.key.lower() for s in index.candidates for c in s.candidates if c.roles["heading"]}
    assert keys == named, keys


def test_concepts_list_item_that_acts_on_something_names_nothing():
    from extraction.readers import read_bytes

    note = (
        b"## Study habits\n\nWe cover these.\n\n- Spaced repetition\n- Improving your sleep\n"
        b"- Interleaving and Planning the Week\n"
    )
    index = extract_concepts(read_bytes(note, path="n.md").cards)
    items = {c.key.lower() for s in index.candidates for c in s.candidates if c.roles["item"]}
    assert items == {"spaced repetition"}, items
