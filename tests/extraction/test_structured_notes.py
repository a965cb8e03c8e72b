"""Structured notes read as an expert reads them: a comparison table, a heading that sets
names side by side ("A vs. B"), a heading that coordinates two topics ("A & B"), a
heading over a list that describes it, and "X reactions" beside X. Each example is
invented, in a subject of its own."""

from __future__ import annotations

import pytest

from extraction.concepts import extract_concepts
from extraction.concepts.segments import compares
from extraction.prerequisites import _notes, candidates
from extraction.readers import read_bytes
from extraction.records import Table
from extraction.relations import typed_relations
from tests.extraction.test_concepts_stages import cand, groups_of, same_group


def index_of(note: str):
    return extract_concepts(read_bytes(note.encode(), path="n.md").cards)


def definitions_of(index, name: str) -> list[str]:
    """The definitions the candidate ``name`` was given (before merging)."""
    return [
        e.text
        for s in index.candidates
        for c in s.candidates
        if c.key.lower() == name
        for _, e in c.definitions
    ]


# -- comparison tables ------------------------------------------------------------------

METALS = """# Metals

## Iron
Iron is a grey metal that rusts in damp air.

## Copper
Copper is a reddish metal that conducts heat well.

## Iron and copper compared

| {first} | Iron | Copper |
|---|---|---|
| Lustre | dull | bright |
| Density | high | higher |
"""


@pytest.mark.parametrize(
    ("header", "compared"),
    [
        (("Property", "Iron", "Copper"), True),
        (("", "Iron", "Copper"), True),
        (("Criteria", "**Wool**", "Cotton", "Linen"), True),
        (("Term", "Definition", "Example"), False),  # a glossary
        (("Feature", "Description"), False),  # one column: nothing compared
        (("Metal", "Colour", "Density"), False),  # rows are things, columns attributes
        (("Property", "Iron", "Notes"), False),
    ],
)
def test_concepts_comparison_table_is_told_by_its_header(header, compared):
    assert compares(Table(header, ())) is compared


@pytest.mark.parametrize("first", ["Property", ""])
def test_concepts_comparison_table_row_defines_no_term(first):
    index = index_of(METALS.format(first=first))
    assert definitions_of(index, "lustre") == []
    assert definitions_of(index, "density") == []


def test_concepts_two_column_table_still_defines_its_terms():
    note = "# Metals\n\n| Term | Meaning |\n|---|---|\n| Lustre | how a surface shines |\n"
    assert definitions_of(index_of(note), "lustre") == ["how a surface shines"]


@pytest.mark.parametrize("first", ["Property", ""])
def test_relations_comparison_table_contrasts_the_compared_columns(first):
    index = index_of(METALS.format(first=first))
    iron, copper = index.find("iron"), index.find("copper")
    assert iron and copper, sorted(index.concepts)
    found = {(r.source, r.relation, r.target) for r in typed_relations(index)}
    assert (iron, "contrasts_with", copper) in found
    # a row is an attribute of the compared things: no kind of the first header
    assert not any(rel == "is_a" and iron in (a, b) for a, rel, b in found)


RUST = """# Metals

## Corrosion
Corrosion is the slow eating away of a metal by air and water.

## Rust
Rust is the red oxide that forms on iron.

## Patina
Patina is the green film that forms on copper.

## Iron and copper side by side

| {first} | Iron | Copper |
|---|---|---|
| Corrosion | rust | patina |
"""


@pytest.mark.parametrize(("first", "linked"), [("Property", False), ("Metal", True)])
def test_graph_comparison_table_row_is_no_link_from_its_first_cell(first, linked):
    from graph.build import mention_relations

    cards = read_bytes(RUST.format(first=first).encode(), path="n.md").cards
    index = extract_concepts(cards)
    corrosion, rust = index.find("corrosion"), index.find("rust")
    assert corrosion and rust, sorted(index.concepts)
    pairs = {(r.source, r.target) for r in mention_relations(index, cards)}
    # "Metal | Iron | Copper": rows are things; "Property | ...": attributes of the columns
    assert ((corrosion, rust) in pairs) is linked


# -- headings that set names side by side ------------------------------------------------

WATERS = """# Inland waters

## Lakes
A lake is a large body of still fresh water.

## Ponds
A pond is a small, shallow body of still water.

## Reservoirs
A reservoir is a lake made by a dam.

## {heading}

- one is deep, the other shallow
- all hold still water
"""


@pytest.mark.parametrize(
    "heading", ["Lakes vs ponds vs reservoirs vs tarns", "Lakes vs. ponds vs. reservoirs vs. tarns"]
)
def test_prerequisites_contrast_heading_orders_none_of_the_names_it_compares(heading):
    index = index_of(WATERS.format(heading=heading))
    lake, pond, tarn = (index.find(n) for n in ("lake", "pond", "tarn"))
    assert lake and pond and tarn, sorted(index.concepts)  # tarns: named only there
    typed = typed_relations(index)
    contrasted = {frozenset((r.source, r.target)) for r in typed if r.relation == "contrasts_with"}
    assert {lake, pond} in contrasted
    found = candidates(index, typed)
    for pair in ((lake, tarn), (tarn, lake), (pond, tarn), (tarn, pond)):
        # the heading names them side by side: none is explained by another there
        assert pair not in found or "explains" not in found[pair].features, found[pair].features


def test_relations_versus_chain_contrasts_every_two_sides():
    index = index_of(WATERS.format(heading="Lakes vs ponds vs reservoirs vs tarns"))
    lake, reservoir, tarn = (index.find(n) for n in ("lake", "reservoir", "tarn"))
    contrasted = {
        frozenset((r.source, r.target))
        for r in typed_relations(index)
        if r.relation == "contrasts_with"
    }
    assert {lake, tarn} in contrasted and {lake, reservoir} in contrasted, contrasted


# -- coordinated headings --------------------------------------------------------------

RIVERS = """# {title}

## Rivers
A river is a stream of water that carves its bed.

## Deltas
A delta is land built where a river meets the sea.

## Erosion
Erosion wears rock away; rivers carry what it removes.
"""


@pytest.mark.parametrize(
    ("title", "topics", "never"),
    [
        ("Geology 101 - Rivers and deltas", {"river", "delta"}, "geology 101 river"),
        ("Unit 2: Rivers & deltas", {"river", "delta"}, "unit 2 river"),
    ],
)
def test_concepts_coordinated_title_names_its_topics_not_its_prefix(title, topics, never):
    roles = {
        c.key.lower(): c.roles
        for s in index_of(RIVERS.format(title=title)).candidates
        for c in s.candidates
    }
    assert all(roles[t]["heading"] for t in topics), roles
    assert never not in roles


@pytest.mark.parametrize(
    ("title", "frames"),
    [
        ("Unit 2: Weathering & Erosion", False),  # two topics: it frames neither alone
        ("Weathering and Erosion", False),
        ("Erosion", True),  # one topic: the sections under it are taught under it
        ("Erosion and its causes", True),  # a topic and what belongs to it
    ],
)
def test_prerequisites_coordinated_heading_frames_neither_topic_alone(title, frames):
    index = index_of(RIVERS.format(title=title))
    erosion, river = index.find("erosion"), index.find("river")
    assert erosion and river, sorted(index.concepts)
    assert ((erosion, river) in _notes(index).sections) is frames


# -- a heading over a list that describes it ---------------------------------------------

BREADS = """# Breads

## Sourdough
- leavened by wild yeast and lactic bacteria
- slow to rise, sour in taste
- keeps for days

## Flatbreads
- Naan: a leavened flatbread baked in a tandoor
- Matzo: an unleavened flatbread

## Baking at home
Sourdough needs a starter; a sourdough starter is fed daily.
Flatbreads bake fast, and sourdough rises slowly.
"""


def test_concepts_heading_over_a_list_is_described_by_its_items():
    index = index_of(BREADS)
    sourdough = index.concepts[index.find("sourdough")]
    assert sourdough.definition.startswith("leavened by wild yeast and lactic bacteria; slow")
    assert sourdough.definition_evidence.line == 4


def test_concepts_heading_over_a_glossary_is_not_described_by_it():
    index = index_of(BREADS)
    flatbread = index.find("flatbread")
    assert flatbread is not None, sorted(index.concepts)
    assert "Naan" not in index.concepts[flatbread].definition


@pytest.mark.parametrize("frame", ["Problems with", "Uses of", "Advantages of"])
def test_concepts_heading_framing_its_name_says_so_before_its_list(frame):
    index = index_of(BREADS.replace("## Sourdough", f"## {frame} sourdough"))
    sourdough = index.find("sourdough")
    assert sourdough is not None, sorted(index.concepts)
    concept = index.concepts[sourdough]
    assert concept.definition.startswith(f"{frame} sourdough: leavened by wild yeast")
    assert concept.definition_evidence.text.startswith("leavened by wild yeast")


# -- "X reactions" beside X -------------------------------------------------------------


@pytest.mark.parametrize(
    ("bare", "longer", "merged"),
    [
        ("XRF", "XRF reaction", True),  # an acronym: X happening
        ("Kjeldahl", "Kjeldahl reaction", True),  # a rare word
        ("fermentation", "fermentation reaction", True),  # an activity happening
        ("browning", "browning reaction", False),  # a gerund: one step of it
        # "method" is no event head: "Java methods" belong to Java
        ("XRF", "XRF method", False),
        ("fermentation", "fermentation method", False),
        ("light", "light reaction", False),  # an everyday noun: no light
        ("chain", "chain reaction", False),
    ],
)
def test_concepts_merge_event_head_with_the_bare_name(bare, longer, merged):
    groups = groups_of(cand(bare, 3), cand(longer, 2))
    assert same_group(groups, bare, longer) is merged


@pytest.mark.parametrize(
    ("note", "label"),
    [
        (  # the heading names it; "also known as" gives another name, spelled out
            "## Heart attacks\nHeart attacks block blood to the heart. They are also known "
            "as myocardial infarctions (MI), after the dying muscle.\n\n## Care\nA heart "
            "attack needs aspirin; heart attacks are common.\n",
            "heart attack",
        ),
        (  # the heading is the acronym's own long form
            "## Gross domestic product\nGross domestic product (GDP) is the value of "
            "output.\n\n## Growth\nGDP grows; gross domestic product can fall.\n",
            "gross domestic product (GDP)",
        ),
    ],
)
def test_concepts_heading_names_a_concept_over_an_acronym_of_another_name(note, label):
    index = index_of(note)
    found = index.find("MI") or index.find("GDP")
    assert found is not None, sorted(index.concepts)
    assert index.concepts[found].label == label


def test_concepts_event_head_heading_takes_the_bare_name_as_its_label():
    note = (
        "# Assays\n\n## XRF reactions\n- reads the X-rays a sample gives off\n- needs no "
        "solvent\n\n## Choosing\nXRF is quick; XRF suits metals.\n"
    )
    index = index_of(note)
    xrf = index.find("XRF reactions")
    assert xrf is not None and xrf == index.find("XRF"), sorted(index.concepts)
    assert index.concepts[xrf].label == "XRF"
    assert index.concepts[xrf].definition.startswith("reads the X-rays")


WEAVING = """# Textiles

## {heading}
{heading} is the craft of making cloth on a loom.

{intro}
- **Tabby weave**: each weft thread passes over one warp thread and under the next
- **Twill weave**: the weft passes over two warp threads, making diagonal ribs
"""


@pytest.mark.parametrize(
    ("heading", "intro", "kinds_of_heading"),
    [
        ("Hand weaving", "Types of pattern:", False),  # kinds of a pattern, no concept
        ("Hand weaving", "Types of these:", True),  # a pronoun: kinds of the subject
        ("Hand weaving", "Types:", True),
    ],
)
def test_relations_types_of_a_noun_that_is_no_concept_lists_no_kinds_of_the_heading(
    heading, intro, kinds_of_heading
):
    """ "Types of X:" over a list, X no concept: the items are kinds of X, not of the
    card's subject; without a noun of its own the cue lists kinds of the subject."""
    index = index_of(WEAVING.format(heading=heading, intro=intro))
    subject, tabby = index.find(heading.lower()), index.find("tabby weave")
    assert subject and tabby, sorted(index.concepts)
    found = {(r.source, r.relation, r.target) for r in typed_relations(index)}
    assert ((tabby, "is_a", subject) in found) == kinds_of_heading, found


PRECIPITATION = """# Weather

## Sleet vs hail
- **Sleet** = rain that freezes into pellets as it falls
- **Hail** = balls of ice that grow inside storm clouds
- both fall in cold seasons
"""


@pytest.mark.parametrize(
    ("name", "definition"),
    [
        ("sleet", "Sleet = rain that freezes into pellets as it falls"),
        ("hail", "Hail = balls of ice that grow inside storm clouds"),
    ],
)
def test_concepts_contrast_heading_over_a_list_describes_each_side_by_its_own_item(
    name, definition
):
    """Under "A vs. B", a list describes each side by the item that opens with its
    name, never by the first items of the whole list."""
    index = index_of(PRECIPITATION)
    found = index.find(name)
    assert found, sorted(index.concepts)
    assert index.concepts[found].definition == definition


@pytest.mark.parametrize(
    ("item", "sides"),
    [
        ("Soft vs. hard water", {"soft water", "hard water"}),
        ("Acid rain vs smog", {"acid rain", "smog"}),
    ],
)
def test_concepts_contrast_list_item_names_both_sides(item, sides):
    """A list item "A vs. B" over the lines that tell them apart names both sides, a
    side without a noun sharing the other's head, as such a heading does, and labels
    them: each side is singled out as the name a label line heads is."""
    note = f"# Water\n\n## Quality\n- {item}\n  - one lathers soap easily\n  - one scales kettles\n"
    index = index_of(note)
    items = {c.key for s in index.candidates for c in s.candidates if c.roles.get("label")}
    assert sides <= items, items
