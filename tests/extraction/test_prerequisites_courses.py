"""Prerequisites in a build of several courses: a name that heads a longer name links two
concepts only where the notes name both in one file ("memory" in a course on study
skills says nothing of "main memory" in a course on operating systems); a name that
modifies a longer one ("time series" in "time series forecasting") links them anywhere."""

from __future__ import annotations

import pytest

from extraction.concepts import extract_concepts
from extraction.prerequisites import candidates
from extraction.records import Card
from extraction.relations import typed_relations


def _card(i: int, source: str, term: str, answer: str) -> Card:
    return Card(f"{source}#{i}", source, "qa-list", (2 * i + 1, 2 * i + 2), f"What is {term}?",
                answer, title_line=2 * i + 1, body_lines=(2 * i + 2,))  # fmt: skip


_SHORT = ("a.txt", "short-term memory", "A store that holds a few items for seconds.")


@pytest.mark.parametrize(
    ("files", "inside"),
    [
        # one course names memory and its kinds: the kind comes after memory
        ([("a.txt", "memory", "Keeping what was learned."), _SHORT], True),
        # memory in one course, main memory only in another: words alone link them
        ([("a.txt", "memory", "Keeping what was learned."),
          ("b.txt", "main memory", "The store a processor reads its programs from.")], False),
        # the second course names memory too: the two meet there
        ([("a.txt", "memory", "Keeping what was learned."),
          ("b.txt", "main memory", "The memory a processor reads its programs from.")], True),
        # a modifier names what the compound is about, whatever the file
        ([("a.txt", "time series", "Values measured at successive times."),
          ("b.txt", "time series forecasting", "Predicting the next values from the past.")],
         True),
        # a build of one file: always together
        ([("a.txt", "memory", "Keeping what was learned."),
          ("a.txt", "main memory", "The store a processor reads its programs from.")], True),
    ],
)  # fmt: skip
def test_prerequisites_a_head_word_of_another_course_is_no_prerequisite(files, inside):
    cards = [_card(i, *f) for i, f in enumerate(files)]
    index = extract_concepts(cards)
    a, b = index.find(files[0][1]), index.find(files[1][1])
    assert a and b, "the fixture's two concepts"
    found = candidates(index, typed_relations(index)).get((a, b))
    assert ("name_inside" in (found.features if found else {})) == inside
