"""Inline code in a card stays in its text as the student sees it, as a ``code`` run the
concept stage names nothing in ("SELECT ... WHERE ..." is a statement, not a concept)."""

from __future__ import annotations

from extraction.readers import read_bytes
from graph.build import build_graph

DECK = b"\n".join(
    [
        b'"What is the difference between <code>kiln.fire(pot);</code> and '
        b'<code>kiln.cool(pot);</code>?","The first heats the pot; the second lets it '
        b'cool down."',
        b'"What does <code>SELECT name FROM staff WHERE age &gt; 30;</code> return?",'
        b'"The names of the staff older than thirty."',
        b'"What is a constructor?","A constructor is a function that builds a new object."',
        b'"What is a mixin?","A mixin is a class whose methods other classes borrow."',
        b'"What is a query?","A query is a request for rows from a database table."',
    ]
)


def test_concepts_code_runs_stay_in_the_question_text() -> None:
    (result,) = [read_bytes(DECK, path="objects.csv")]
    titles = [card.title for card in result.cards]
    assert "What is the difference between kiln.fire(pot); and kiln.cool(pot);?" in titles
    assert any("SELECT name FROM staff WHERE age > 30;" in title for title in titles)


def test_concepts_code_runs_name_no_concept() -> None:
    G = build_graph([read_bytes(DECK, path="objects.csv")])
    names = {str(G.nodes[n].get("label", n)).lower() for n in G}
    assert {"constructor", "mixin", "query"} <= names
    inside_code = {"select", "where", "kiln.fire", "kiln.cool", "age"}
    assert not names & inside_code, sorted(names)
