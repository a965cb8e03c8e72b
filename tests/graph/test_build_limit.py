"""The words one build reads (extraction.limits.MAX_BUILD_WORDS): past them the build keeps
what it read and says, in one line naming the file and where, what it left out."""

from __future__ import annotations

import pytest

from extraction.records import Card, Emphasis, ListItem, ReadResult, SourceInfo, Table
from graph.build import within_build_limit

OSMOSIS = "Osmosis moves water across a membrane.\nIt needs a solute gradient."
OSMOSIS_CARD = Card(
    "bio.md#1",
    "bio.md",
    "markdown",
    (1, 3),
    "Osmosis",
    OSMOSIS,
    title_line=1,
    body_lines=(2, 3),
    emphasis=(
        Emphasis("title", 0, 7, "bold"),
        Emphasis("body", 0, 7, "bold"),
        Emphasis("body", 50, 65, "italic"),
    ),
    items=(ListItem(0, 38, 0), ListItem(39, 66, 0)),
    tables=(Table(("Solute", "Effect"), (("Salt", "draws water"),), (5,)),),
)
ENZYME_CARD = Card(
    "bio.md#2",
    "bio.md",
    "markdown",
    (6, 7),
    "Enzymes",
    "Enzymes speed up reactions.",
    title_line=6,
    body_lines=(7,),
)
TECTONICS = Card(
    "geo.md#1",
    "geo.md",
    "markdown",
    (1, 2),
    "Plate tectonics",
    "Plates drift slowly.",
    title_line=1,
    body_lines=(2,),
)


def notes() -> list[ReadResult]:
    return [
        ReadResult(SourceInfo("bio.md", cards=2), [OSMOSIS_CARD, ENZYME_CARD]),
        ReadResult(SourceInfo("geo.md", cards=1), [TECTONICS]),
    ]


# words: the osmosis card 1 + 11 + 5 (its table) = 17, enzymes 5, plate tectonics 5: 27
@pytest.mark.parametrize(
    "limit,cards,body_of_first",
    [
        (27, {"bio.md": 2, "geo.md": 1}, OSMOSIS),
        (100, {"bio.md": 2, "geo.md": 1}, OSMOSIS),
        (22, {"bio.md": 2, "geo.md": 0}, OSMOSIS),
        (12, {"bio.md": 1, "geo.md": 0}, OSMOSIS),
        (7, {"bio.md": 1, "geo.md": 0}, "Osmosis moves water across a membrane."),
        (4, {"bio.md": 1, "geo.md": 0}, "Osmosis moves water"),
        (1, {"bio.md": 1, "geo.md": 0}, ""),
        (0, {"bio.md": 0, "geo.md": 0}, None),
    ],
)
def test_build_limit_keeps_the_words_before_it(limit, cards, body_of_first):
    kept = within_build_limit(notes(), limit=limit)
    assert {r.source.path: len(r.cards) for r in kept} == cards
    first = kept[0].cards[0].body if kept[0].cards else None
    assert first == body_of_first


@pytest.mark.parametrize("limit", [27, 100])
def test_build_limit_leaves_notes_within_it_as_they_are(limit):
    given = notes()
    kept = within_build_limit(given, limit=limit)
    assert kept == given and all(not r.source.warnings and not r.source.errors for r in kept)


@pytest.mark.parametrize(
    "limit,warned,line,not_read",
    [
        (22, None, None, "geo.md"),  # bio.md whole, geo.md not read
        (12, "bio.md", 5, "geo.md"),  # the osmosis card loses its table (row at line 5)
        (4, "bio.md", 2, "geo.md"),  # cut inside the first answer line
        (8, "bio.md", 3, "geo.md"),  # cut inside the second answer line
        (24, "geo.md", 2, None),  # cut in the second file, after its title
    ],
)
def test_build_limit_says_where_it_stopped(limit, warned, line, not_read):
    given = notes()
    kept = {r.source.path: r for r in within_build_limit(given, limit=limit)}
    said = [(path, w) for path, r in kept.items() for w in r.source.warnings]
    if line is None:
        assert said == []
    else:
        assert len(said) == 1 and said[0][0] == warned
        assert f"limit of {limit:,} words" in said[0][1] and f"at line {line}:" in said[0][1]
        assert "\n" not in said[0][1]
    if not_read:
        assert kept[not_read].cards == [] and len(kept[not_read].source.errors) == 1
        assert "limit" in kept[not_read].source.errors[0]
    # what was given is never changed (the app shares each file's reading)
    assert [len(r.cards) for r in given] == [2, 1]
    assert not any(r.source.warnings or r.source.errors for r in given)


def test_build_limit_cut_card_keeps_its_parts_before_the_cut():
    (bio, _) = within_build_limit(notes(), limit=4)
    card = bio.cards[0]
    assert card.body == "Osmosis moves water" and card.lines == (1, 2)
    assert card.body_lines == (2,) and card.tables == ()
    assert card.items == (ListItem(0, len(card.body), 0),)
    assert card.emphasis == (Emphasis("title", 0, 7, "bold"), Emphasis("body", 0, 7, "bold"))
    assert within_build_limit([bio], limit=4) == [bio]  # cut once, then within


def test_build_limit_graph_sources_say_what_was_left_out(monkeypatch):
    import extraction.limits
    from graph.build import build_graph

    monkeypatch.setattr(extraction.limits, "MAX_BUILD_WORDS", 22)
    G = build_graph(notes())
    sources = {s["path"]: s for s in G.graph["sources"]}
    assert sources["geo.md"]["errors"] and "limit of 22 words" in sources["geo.md"]["errors"][0]
    assert "plate tectonics" not in G and "osmosis" in G


def test_build_limit_cli_names_the_file_and_line_where_it_stopped(capsys, monkeypatch, tmp_path):
    import extraction.limits
    from graph.__main__ import main

    first, second = tmp_path / "enzymes.md", tmp_path / "tectonics.md"
    first.write_text("# Enzymes\n\nEnzymes speed up reactions.\n\nThey lower the energy needed.\n")
    second.write_text("# Plate tectonics\n\nPlates drift slowly.\n")
    monkeypatch.setattr(extraction.limits, "MAX_BUILD_WORDS", 6)
    out = tmp_path / "graph.json"
    assert main(["build", str(first), str(second), "--out", str(out), "--no-cache"]) == 0
    said = [line for line in capsys.readouterr().err.splitlines() if "MAX_BUILD_WORDS" in line]
    assert len(said) == 2
    assert said[0].startswith(f"warning: {first}: stopped at line 5:")
    assert said[1].startswith(f"warning: {second}: not read:")
