"""Labels that close with a bracket: "Name (other name): explanation"."""

from __future__ import annotations

import pytest

from extraction.concepts.candidates import AliasPair, bracketed_label, labels
from extraction.concepts.segments import card_segments
from extraction.nlp import pipe
from extraction.records import Card


def _found(line: str) -> tuple[dict[str, tuple[str, str]], set[tuple[str, str]]]:
    """What :func:`labels` finds on a note whose one body line is ``line``: the role and
    definition of each name, and the alias pairs."""
    card = Card(
        id="n.txt#1",
        source="n.txt",
        format="test",
        lines=(1, 2),
        title="Unit 3",
        body=line,
        title_line=1,
        body_lines=(2,),
        title_kind="heading",
    )
    seg = next(s for s in card_segments(card) if not s.is_title)
    doc = next(pipe([seg.text]))
    names, pairs = {}, set()
    for item in labels(seg, doc):
        if isinstance(item, AliasPair):
            pairs.add((item.short.lower(), item.long.lower()))
        else:
            names[item.key.lower()] = (item.role, item.definition)
    return names, pairs


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Igneous rock (magmatic rock)", ("Igneous rock", "magmatic rock")),
        ("Gross margin (GM)", ("Gross margin", "GM")),
        ("Loam", None),
        ("Loam (", None),
    ],
)
def test_candidates_bracketed_label_splits_name_and_bracket(label, expected):
    assert bracketed_label(label) == expected


@pytest.mark.parametrize(
    ("line", "name", "definition", "pair"),
    [
        (
            "Igneous rock (magmatic rock): rock formed from cooled magma",
            "igneous rock",
            "rock formed from cooled magma",
            ("magmatic rock", "igneous rock"),
        ),
        (
            "Tectonics (geotectonics): the study of how the crust moves",
            "tectonics",
            "the study of how the crust moves",
            ("geotectonics", "tectonics"),
        ),
        (
            "Gross margin (GM): revenue minus the cost of sales",
            "gross margin",
            "revenue minus the cost of sales",
            ("gm", "gross margin"),
        ),
        (
            "Loam (dark and crumbly): a soil of sand, silt and clay",
            "loam",
            "a soil of sand, silt and clay",
            None,
        ),
        (
            "Sonnet (example): a poem of fourteen lines",
            "sonnet",
            "a poem of fourteen lines",
            None,
        ),
    ],
    ids=["same-head", "one-word", "abbreviation", "remark", "about-the-notes"],
)
def test_candidates_bracketed_label_names_the_label_explained_by_its_line(
    line, name, definition, pair
):
    names, pairs = _found(line)
    assert names[name] == ("label", definition)
    assert pairs == ({pair} if pair else set())
