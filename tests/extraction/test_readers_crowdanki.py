"""CrowdAnki deck JSON: the real decks, nested decks, bad JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extraction.readers import crowdanki, read_file, read_paths
from extraction.readers._base import RawNote
from tests.conftest import CORPORA, requires_shared

DECKS = CORPORA / "flashcards" / "crowdanki_json_memari"
requires_decks = pytest.mark.skipif(
    not DECKS.is_dir(), reason=f"the CrowdAnki decks are not here: {DECKS} is absent"
)
LEFTOVERS = re.compile(r"</?[a-zA-Z][^>]*>|&nbsp;|&amp;|\x1f|[\ufb00-\ufb06]")

#: Notes per file (SOURCE.md: 368 notes in 20 files), by the number that opens the file's
#: name (a template, "_TEMPLATE.json", by its name); every note has a question.
REAL_COUNTS = {
    "1": 20,
    "2": 20,
    "3": 20,
    "4": 20,
    "5": 20,
    "6": 21,
    "7": 20,
    "_TEMPLATE": 1,  # a template: one placeholder note
    "01": 20,
    "02": 20,
    "03": 16,
    "04": 20,
    "05": 25,
    "06": 15,
    "07": 20,
    "08": 20,
    "09": 10,
    "10": 20,
    "11": 15,
    "12": 25,
}


def _file_number(path: str) -> str:
    """The number that opens a deck file's name ("07" of "07_<topic>.json"), or its stem."""
    stem = Path(path).stem
    return stem.split("_")[0] or stem


@requires_shared
@requires_decks
def test_crowdanki_real_decks_card_counts():
    results = read_paths([DECKS])
    counts = {_file_number(r.source.path): len(r.cards) for r in results}
    assert all(r.ok and r.source.format == "crowdanki" for r in results)
    assert len(counts) == len(results)  # no two files open with one number
    assert counts == REAL_COUNTS
    assert sum(counts.values()) == 368


@requires_shared
@requires_decks
def test_crowdanki_real_cards_are_clean_text():
    cards = [c for r in read_paths([DECKS]) for c in r.cards]
    for card in cards:
        assert card.title and card.body, card
        assert not LEFTOVERS.search(card.title + card.body), card
        assert card.section and card.section[0].startswith("ML:")
        # Tags and Difficulty fields are metadata, not body text.
        assert card.body.splitlines()[-1] not in {"Easy", "Medium", "Hard"}
    assert any(line.startswith("Intuition:") for c in cards for line in c.body.splitlines())


def _note(front: str, back: str, *extra: str) -> dict:
    return {
        "__type__": "Note",
        "fields": [front, back, *extra],
        "note_model_uuid": "model-1",
        "tags": ["demo"],
    }


def _deck(name: str, notes: list[dict], children: list[dict] = ()) -> dict:
    return {
        "__type__": "Deck",
        "name": name,
        "children": list(children),
        "note_models": [
            {
                "__type__": "NoteModel",
                "crowdanki_uuid": "model-1",
                "flds": [{"name": "Front"}, {"name": "Back"}, {"name": "Tags"}],
            }
        ],
        "notes": notes,
    }


def test_crowdanki_nested_decks(tmp_path):
    deck = _deck(
        "Course::Geology",
        [_note("What is <i>erosion</i>?", "<div>A wearing away</div>of rock", "t")],
        [
            _deck("Coastal", [_note("Longshore drift", "Sideways&nbsp;movement of sand", "t")]),
            _deck("Empty", [_note("", "", "only tags")]),
        ],
    )
    path = tmp_path / "deck.json"
    path.write_text(json.dumps(deck), encoding="utf-8")
    result = read_file(path)
    assert result.ok, result.source.errors
    assert [(c.title, c.body, c.section, c.lines) for c in result.cards] == [
        (
            "What is erosion?",
            "A wearing away of rock",
            ("Course", "Geology"),
            (1, 1),
        ),
        ("Longshore drift", "Sideways movement of sand", ("Course", "Geology", "Coastal"), (2, 2)),
    ]


@pytest.mark.parametrize(
    ("text", "score"),
    [
        (json.dumps(_deck("D", [])), 1.0),
        ('{"__type__": "Deck", "name": "D",', 0.5),  # broken: read() says where
        ('{"__type__": "NoteModel"}', 0.0),
        ('{"name": "not a deck"}', 0.0),
        ("[1, 2, 3]", 0.0),
    ],
)
def test_crowdanki_sniff(text, score):
    assert crowdanki.sniff(RawNote(path=Path("d.json"), data=text.encode())) == score


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"__type__": "Deck",\n "name": "D",\n "notes": [}', "invalid JSON: "),
        ('{"__type__": "Deck",\n "name": "D",\n "notes": [}', "at line 3"),
        ('{"__type__": "Deck", "notes": ' + "[" * 100 + "]" * 100 + "}", "deeper than 64"),
        ('{"__type__": "Deck", "notes": ' + "[" * 100_000 + "]" * 100_000 + "}", "deeper"),
        ('{"__type__": "Other"}', "not recognised"),
    ],
    ids=["invalid", "line", "deep", "very-deep", "not-deck"],
)
def test_crowdanki_bad_json_one_clear_error(tmp_path, text, reason):
    path = tmp_path / "deck.json"
    path.write_text(text, encoding="utf-8")
    result = read_file(path)
    assert result.cards == []
    assert len(result.source.errors) == 1
    assert reason in result.source.errors[0]


@pytest.mark.parametrize(
    ("value", "depth"),
    [(1, 0), ([], 1), ({"a": {"b": [1]}}, 3), ([[[]], []], 3)],
)
def test_crowdanki_json_depth(value, depth):
    assert crowdanki.json_depth(json.dumps(value)) == depth
