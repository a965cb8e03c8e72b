"""Anki packages (.apkg): real decks, a genanki round trip, damaged packages, field HTML."""

from __future__ import annotations

import io
import re
import sqlite3
import zipfile
from pathlib import Path

import genanki
import pytest

from extraction.readers import apkg, read_file
from extraction.readers._base import RawNote
from extraction.readers._html import deck_path, field_lines, note_text
from tests.conftest import CORPORA, requires_shared

APKG_DIR = CORPORA / "flashcards" / "anki_apkg_schutera"
requires_decks = pytest.mark.skipif(
    not APKG_DIR.is_dir(), reason=f"the Anki decks are not here: {APKG_DIR} is absent"
)
#: Tags, entities, field separators or ligatures that must never reach a card.
LEFTOVERS = re.compile(r"</?[a-zA-Z][^>]*>|&nbsp;|&amp;|\x1f|[\ufb00-\ufb06]|\[/?\$\]|\[sound:")


@requires_shared
@requires_decks
@pytest.mark.parametrize(
    ("name", "count", "deck"),
    [
        # SOURCE.md: 104 notes in all. Every note has text on at least one side (the 7
        # notes with an image-only back keep their question as title), so none is
        # skipped and each deck gives one card per note: 33 + 32 + 39 = 104.
        ("DeepLearningLecture_Introduction.apkg", 33, "DeepLearningLecture:Introduction"),
        # "Basic (and reversed card)": 64 Anki cards but 32 notes, one card each.
        ("DeepLearningLecture_LinearAlgebra.apkg", 32, "DeepLearningLecture:LinearAlgebra"),
        ("DeepLearning_NumericalComputation.apkg", 39, "Numerical Computation"),
    ],
)
def test_apkg_real_deck_one_card_per_note(name, count, deck):
    result = read_file(APKG_DIR / name)
    assert result.ok, result.source.errors
    assert result.source.format == "anki-apkg"
    assert len(result.cards) == count
    assert all(card.section == (deck,) for card in result.cards)
    assert [card.lines for card in result.cards] == [(k, k) for k in range(1, count + 1)]
    for card in result.cards:
        assert not LEFTOVERS.search(card.title + card.body), card
        assert card.title or card.body
        assert len(card.body_lines) == len(card.body.splitlines())


@requires_shared
@requires_decks
def test_apkg_real_decks_keep_latex_and_drop_images():
    cards = [c for f in sorted(APKG_DIR.glob("*.apkg")) for c in read_file(f).cards]
    assert len(cards) == 104
    bodies = "\n".join(c.body for c in cards)
    assert "x^* = argmin f(x)" in bodies  # [$]...[/$] kept as its LaTeX source
    assert "identified by two indices" in bodies  # U+FB01 ligature undone
    # Questions whose answer is only a pasted image keep the question, with no body.
    assert any(c.title.startswith("How are deep learning systems structured") for c in cards)


def _package(
    path: Path,
    notes: list[list[str]],
    *,
    model: genanki.Model | None = None,
    description: str = "",
) -> Path:
    model = model or genanki.Model(
        1607392319,
        "Basic",
        fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{Back}}"}],
    )
    deck = genanki.Deck(2059400110, "Earth Science::Volcanoes", description=description)
    for fields in notes:
        deck.add_note(genanki.Note(model=model, fields=fields))
    genanki.Package(deck).write_to_file(str(path))
    return path


def test_apkg_genanki_round_trip(tmp_path):
    path = _package(
        tmp_path / "lava.apkg",
        [
            ["What is a <b>caldera</b>?", "A collapsed&nbsp;crater<br>after an eruption"],
            ['<img src="only.png">', '<img src="also.png">'],  # image-only: skipped
            ['<img src="plot.png">', "<div>The crater</div><div>is wide</div>"],
            ["The ﬁrst [$]x^2[/$] term", "<ul><li>one</li><li>two</li></ul>[sound:a.mp3]"],
        ],
    )
    result = read_file(path)
    assert result.ok, result.source.errors
    assert [(c.title, c.body) for c in result.cards] == [
        ("What is a caldera?", "A collapsed crater after an eruption"),
        ("", "The crater is wide"),
        ("The first x^2 term", "one\ntwo"),
    ]
    assert [c.title_kind for c in result.cards] == ["question", "none", "term"]
    assert result.cards[0].emphasised("title") == ["caldera"]
    assert [(i.depth, i.parent) for i in result.cards[2].items] == [(0, -1), (0, -1)]
    # Lines count notes, the skipped image-only note included.
    assert [c.lines for c in result.cards] == [(1, 1), (3, 3), (4, 4)]
    assert all(c.section == ("Earth Science", "Volcanoes") for c in result.cards)
    assert [c.id for c in result.cards] == ["lava.apkg#1", "lava.apkg#2", "lava.apkg#3"]


@pytest.mark.parametrize(
    ("description", "summary"),
    [
        ("Cards on <i>osmosis</i>, diffusion and active transport", True),
        ("Flashcards for Earth Science Volcanoes", False),
        ("", False),
    ],
)
def test_apkg_deck_description_is_a_summary_card(tmp_path, description, summary):
    path = _package(tmp_path / "d.apkg", [["Turgor", "Pressure"]], description=description)
    cards = read_file(path).cards
    if summary:
        assert cards[0].title_kind == "summary" and not cards[0].title
        assert cards[0].body == "Cards on osmosis, diffusion and active transport"
        assert cards[0].emphasised() == ["osmosis"] and cards[0].lines == (1, 1)
        assert cards[0].section == ("Earth Science", "Volcanoes")
    assert [c.title for c in cards] == [""] * bool(summary) + ["Turgor"]


def test_apkg_cloze_note_gives_the_answer(tmp_path):
    path = _package(
        tmp_path / "cloze.apkg",
        [["An {{c1::enzyme::catalyst}} lowers the {{c2::barrier}}.", "Extra note"]],
        model=genanki.CLOZE_MODEL,
    )
    (card,) = read_file(path).cards
    assert card.title == "An enzyme lowers the barrier."
    assert card.body == "Extra note"


def test_apkg_sniff_scores():
    def raw(name: str, data: bytes) -> RawNote:
        return RawNote(path=Path(name), data=data)

    assert apkg.sniff(raw("a.apkg", _zip({"collection.anki2": b"x"}))) == 1.0
    assert apkg.sniff(raw("a.apkg", b"not a zip")) == 0.6
    assert apkg.sniff(raw("a.colpkg", _zip({"media": b"{}"}))) == 0.6
    assert apkg.sniff(raw("a.zip", b"not a zip")) == 0.0


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _truncated(tmp_path: Path) -> bytes:
    data = _package(tmp_path / "whole.apkg", [["Q", "A"]]).read_bytes()
    return data[: len(data) // 2]


def _not_sqlite(_: Path) -> bytes:
    return _zip({"collection.anki2": b"SQLite format 2? no, just text " * 20})


def _empty_sqlite() -> bytes:
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE unrelated (x)")
    return con.serialize()


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda _: b"\x13\x37" * 500, "corrupt .apkg: not a ZIP archive"),
        (_truncated, "corrupt .apkg: not a ZIP archive"),
        (
            lambda _: _zip({"media": b"{}", "0": b"jpeg"}),
            "corrupt .apkg: no Anki collection inside",
        ),
        (lambda _: _zip({"collection.anki21b": b"\x28\xb5\x2f\xfd"}), "newer Anki format"),
        (
            lambda _: _zip(
                {"collection.anki2": b"stub", "collection.anki21b": b"\x28\xb5\x2f\xfd"}
            ),
            "'Support older Anki versions' ticked",
        ),
        (_not_sqlite, "not a readable database"),
        (lambda _: _zip({"collection.anki2": _empty_sqlite()}), "not a readable database"),
        (lambda _: _zip({"collection.anki2": bytes(5_000_000)}), "ZIP bomb"),
    ],
    ids=[
        "random",
        "truncated",
        "no-collection",
        "anki21b",
        "anki21b-stub",
        "text",
        "schema",
        "bomb",
    ],
)
def test_apkg_bad_package_one_clear_error(tmp_path, make, reason):
    path = tmp_path / "deck.apkg"
    path.write_bytes(make(tmp_path))
    result = read_file(path)
    assert result.cards == []
    assert len(result.source.errors) == 1
    assert reason in result.source.errors[0]


@pytest.mark.parametrize(
    ("html", "lines"),
    [
        ("plain", ["plain"]),
        ("a<br>b<br/>c", ["a", "b", "c"]),
        ("<div>a</div><div><br></div><div>b</div>", ["a", "", "b"]),
        ("<p>one</p><p>two</p>", ["one", "two"]),
        ("<ol><li>x</li>\n <li>y</li></ol>", ["• x", "• y"]),
        ("x&nbsp;&amp;&nbsp;y &lt;= z", ["x & y <= z"]),
        ('<img src="a.png">', []),
        ('<img src="a.png">[sound:b.mp3]', []),
        ("[$]\\frac{a}{b}[/$] and [$$]c[/$$]", ["\\frac{a}{b} and c"]),
        ("[latex]\\sum_i x_i[/latex]", ["\\sum_i x_i"]),
        ("{{c1::plate::what?}} tectonics {{c2::theory}}", ["plate tectonics theory"]),
        ("de\ufb01ned \ufb02ow", ["defined flow"]),
        ("<style>.card{color:red}</style>shown", ["shown"]),
        ("<table><tr><td>a</td><td>b</td></tr></table>", ["a b"]),
        ("spaced\n  out   text", ["spaced out text"]),
    ],
)
def test_html_field_lines(html, lines):
    assert field_lines(html) == lines


@pytest.mark.parametrize(
    ("names", "fields", "expected"),
    [
        (["Front", "Back"], ["Q", "A"], ("Q", [["A"]])),
        (["Front", "Back", "Extra"], ["Q", "", "E"], ("Q", [["E"]])),
        (["Tags", "Front", "Back"], ["t1", "Q", "A"], ("Q", [["A"]])),
        (
            ["Front", "Back", "Difficulty", "Source", "ID"],
            ["Q", "A", "Hard", "book", "7"],
            ("Q", [["A"]]),
        ),
        ([], ["Q", "A"], ("Q", [["A"]])),
        (["Front", "Back"], ["<img src='x.png'>", "A"], ("", [["A"]])),
    ],
)
def test_html_note_text_skips_metadata_and_empty_fields(names, fields, expected):
    assert note_text(names, fields) == expected


@pytest.mark.parametrize(
    ("name", "path"),
    [("A", ("A",)), ("A::B::C", ("A", "B", "C")), (" A :: B ", ("A", "B")), ("", ())],
)
def test_html_deck_path(name, path):
    assert deck_path(name) == path
