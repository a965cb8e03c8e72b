"""Markdown and the d2l (MyST) dialect: headings, code, maths, roles and tabs."""

from __future__ import annotations

import pytest

from extraction.readers import read_file, read_paths
from extraction.readers.markdown import inline_text, latex_to_text
from tests.conftest import CORPORA

MYST = """\
# Recurrent Networks
:label:`chap_rnn`

Sequences need memory, see :numref:`sec_rnn` and :cite:`Elman.1990`.

## Hidden state

The hidden state $\\mathbf{H}_t$ carries context. Read [the paper](http://x.org/p).

```{.python .input}
%%tab pytorch
import torch
```

$$\\mathbf{H}_t = \\phi(\\mathbf{X}_t \\mathbf{W}_{xh}),$$
:eqlabel:`eq_rnn`

:begin_tab:`mxnet`
MXNet-only prose.
:end_tab:

:begin_tab:`pytorch`
PyTorch-only prose.
:end_tab:

![An RNN](../img/rnn.svg)
:width:`400px`

Closing **bold** and *italic* words.

Setext heading
--------------

Under it.
"""


@pytest.fixture
def myst_cards(tmp_path):
    path = tmp_path / "rnn.md"
    path.write_text(MYST)
    result = read_file(path)
    assert result.ok and result.source.format == "markdown"
    return result.cards


def test_markdown_headings_make_cards_with_sections(myst_cards):
    titles = [(c.title, c.section) for c in myst_cards]
    assert titles == [
        ("Recurrent Networks", ()),
        ("Hidden state", ("Recurrent Networks",)),
        ("Setext heading", ("Recurrent Networks",)),
    ]


def test_markdown_drops_code_maths_directives_and_extra_tabs(myst_cards):
    body = myst_cards[1].body
    for gone in ("import torch", "%%tab", "phi", ":eqlabel:", "MXNet-only", ":width:", "svg"):
        assert gone not in body
    assert "PyTorch-only prose." in body
    assert "Closing bold and italic words." in body
    assert "Read the paper." in body


def test_markdown_roles_and_inline_maths_become_text(myst_cards):
    assert myst_cards[0].body == "Sequences need memory, see  and ."
    assert "The hidden state H_t carries context." in myst_cards[1].body


def test_markdown_body_lines_cite_the_file(myst_cards):
    lines = MYST.split("\n")
    card = myst_cards[1]
    for number, text in zip(card.body_lines, card.body.splitlines(), strict=True):
        if text:
            assert text.split()[0].strip("*") in lines[number - 1]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("**bold** text", "bold text"),
        ("a [link](http://x.y) here", "a link here"),
        ("`code` span", "code span"),
        ("see :numref:`fig_x`", "see"),
        ("snake_case_name stays", "snake_case_name stays"),
    ],
)
def test_markdown_inline_text(source, expected):
    assert inline_text(source) == expected


def test_markdown_latex_to_text():
    assert latex_to_text(r"\mathbf{x}_t \in \mathbb{R}^d") == "x_t R^d"
    assert "ldots" not in latex_to_text(r"x_1, \ldots, x_n")


@pytest.mark.slow
@pytest.mark.skipif(not (CORPORA / "d2l").is_dir(), reason="../shared/corpora/d2l is absent")
def test_markdown_all_of_d2l_reads_without_error():
    results = read_paths([CORPORA / "d2l"])
    assert len(results) == len(list((CORPORA / "d2l").rglob("*.md"))) > 190
    assert [r.source.path for r in results if not r.ok] == []
    cards = [c for r in results if "chapter_" in r.source.path for c in r.cards]
    assert len(cards) > 1000
    for card in cards:
        assert "```" not in card.body and ":begin_tab:" not in card.body
        assert ":numref:" not in card.body and ":label:" not in card.body
