"""Building concept-graph/1 from notes, and the `python -m graph` commands."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import networkx as nx
import pytest

from extraction.readers import read_paths
from graph.__main__ import main
from graph.build import SCHEMA, build_graph
from graph.io import GraphFileError, read_graph, write_graph
from tests.conftest import CORPORA, DATA, ROOT, SEEDS, requires_shared


@pytest.fixture(scope="module")
def sample_graph():
    return build_graph(read_paths([DATA]))


def test_build_sample_graph_follows_the_contract(sample_graph):
    G = sample_graph
    assert isinstance(G, nx.MultiDiGraph)
    assert G.graph["schema"] == SCHEMA
    sources = G.graph["sources"]
    assert len(sources) == len(list(DATA.iterdir())) >= 3
    assert len({s["format"] for s in sources}) >= 3
    for s in sources:
        assert set(s) >= {"path", "sha256", "format", "cards", "errors"}
        assert s["cards"] > 0 and not s["errors"] and len(s["sha256"]) == 64
    for _, attrs in G.nodes(data=True):
        assert set(attrs) >= {"label", "aliases", "definition", "importance", "topic", "mentions"}
        assert 0 <= attrs["importance"] <= 1
    for _, _, attrs in G.edges(data=True):
        assert attrs["relation"] and 0 <= attrs["confidence"] <= 1
        for e in attrs["evidence"]:
            assert set(e) == {"source", "line", "text"}


def test_build_concepts_named_by_card_titles(sample_graph):
    nodes = sample_graph.nodes
    for key in ("dropout", "gradient descent", "recurrent neural network", "backpropagation"):
        assert key in nodes, key
    rnn = nodes["recurrent neural network"]
    assert "RNN" in rnn["aliases"] and rnn["definition"].startswith("A neural network with a loop")


def test_build_evidence_is_a_sentence_of_the_cited_line(sample_graph):
    for _, _, attrs in sample_graph.edges(data=True):
        for e in attrs["evidence"]:
            line = (DATA / e["source"]).read_text(encoding="utf-8").split("\n")[e["line"] - 1]
            assert e["text"].split()[0].strip("*") in line


def test_build_graph_file_round_trip(sample_graph, tmp_path):
    path = tmp_path / "graph.json"
    write_graph(sample_graph, path)
    data = json.loads(path.read_text())
    assert data["directed"] and data["multigraph"] and "edges" in data
    G = read_graph(path)
    assert nx.utils.graphs_equal(G, sample_graph)
    assert G.graph == sample_graph.graph


@pytest.mark.parametrize(
    ("content", "reason"),
    [("{not json", "invalid JSON"), ('{"graph": {"schema": "other/9"}}', "schema")],
)
def test_build_read_graph_rejects_other_files(tmp_path, content, reason):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(GraphFileError, match=reason):
        read_graph(path)


def test_build_cli_writes_graph_and_reports_bad_files(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "g.json"
    assert main(["build", str(DATA), str(tmp_path / "empty.txt"), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "warning:" in captured.err and "empty.txt: empty file" in captured.err
    G = read_graph(out)
    assert len(G.graph["sources"]) == len(list(DATA.iterdir())) + 1
    assert G.number_of_nodes() > 10


def test_build_cli_fails_when_nothing_can_be_read(tmp_path, capsys):
    (tmp_path / "empty.md").write_bytes(b"")
    out = tmp_path / "g.json"
    assert main(["build", str(tmp_path / "empty.md"), "--out", str(out)]) == 1
    assert "error:" in capsys.readouterr().err and not out.exists()


def test_build_cli_cards_shows_format_and_cards(capsys):
    assert main(["cards", str(DATA / "sequence-models-qa.txt")]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].endswith("qa-list, 11 cards")
    assert "question: What is a transformer?" in out


def test_build_cli_cards_json(capsys):
    assert main(["cards", str(DATA / "optimisation-quizlet.tsv"), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["source"]["format"] == "csv" and len(payload["cards"]) == 10
    assert payload["cards"][0]["title"] == "Gradient descent"


def test_build_cli_cards_error_goes_to_stderr(tmp_path, capsys):
    path = tmp_path / "x.bin"
    path.write_bytes(b"\x00\x01")
    assert main(["cards", str(path)]) == 1
    assert "unsupported file type" in capsys.readouterr().err


def test_build_cli_runs_as_module(tmp_path):
    out = tmp_path / "g.json"
    proc = subprocess.run(
        [sys.executable, "-m", "graph", "build", str(DATA), "--out", str(out), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["nodes"] == read_graph(out).number_of_nodes()


@requires_shared
def test_build_seeds_graph(tmp_path):
    out = tmp_path / "seeds.json"
    assert main(["build", str(SEEDS), "--out", str(out)]) == 0
    G = read_graph(out)
    assert [s["format"] for s in G.graph["sources"]] == [
        "knowt",
        "outline",
        "brainscape",
        "quizlet",
        "qa-list",
    ]
    assert G.number_of_nodes() >= 80
    names = {
        name.lower(): node
        for node, attrs in G.nodes(data=True)
        for name in (node, attrs["label"], *attrs["aliases"])
    }
    for name in ("anomaly detection", "autoencoder", "lstm", "transformer"):
        assert name in names, name
    assert names["lstm"] == names["long short-term memory"]  # acronym and expansion merged


@pytest.mark.slow
@requires_shared
def test_build_corpora_graph_reads_every_format(tmp_path):
    out = tmp_path / "corpora.json"
    assert main(["build", str(CORPORA), "--out", str(out)]) == 0
    sources = read_graph(out).graph["sources"]
    assert {s["format"] for s in sources} >= {"markdown", "anki-apkg", "crowdanki", "pdf"}
    assert [s["path"] for s in sources if s["errors"]] == []


def heart_cards():
    from extraction.records import Card

    texts = [
        ("What is an atrium?", "A chamber that receives returning blood."),
        ("What is a ventricle?", "A chamber that pushes blood out of the heart."),
        ("What is a heart valve?", "A small flap."),
        ("What is the blood pressure?", "A force to measure."),
        (
            "How does the heart beat?",
            "The atrium and the ventricle contract in turn.\n"
            "The atrium fills the ventricle through a heart valve.\n"
            "The blood pressure rises with each beat.",
        ),
    ]
    cards = [
        Card(f"n.txt#{i}", "n.txt", "qa-list", (10 * i, 10 * i + 3), title, body,
             title_line=10 * i, body_lines=tuple(range(10 * i + 1, 10 * i + 4)))
        for i, (title, body) in enumerate(texts)
    ]  # fmt: skip
    return cards


def test_build_concepts_sharing_sentences_are_weakly_related():
    from extraction.concepts import extract_concepts
    from graph.build import SAME_SENTENCE, mention_relations

    cards = heart_cards()
    index = extract_concepts(cards)
    together = {
        frozenset((r.source, r.target)): r
        for r in mention_relations(index, cards)
        if r.label == SAME_SENTENCE
    }
    pair = together[frozenset(("atrium", "ventricle"))]
    assert pair.relation == "related_to" and len(pair.evidence) == 2
    assert all("atrium" in e.text and "ventricle" in e.text for e in pair.evidence)
    # weighted by how often: twice together outranks once, and both stay weak
    once = together[frozenset(("atrium", "heart valve"))]
    assert once.confidence < pair.confidence <= 0.3
    # concepts in different sentences are not linked this way
    assert frozenset(("blood pressure", "heart valve")) not in together


def test_build_same_sentence_counted_is_where_the_confidence_stops_growing():
    from graph.build import SAME_SENTENCE_COUNTED, same_sentence_confidence

    # the weak link counts its shared sentences only up to here: past it, none would
    # change its confidence (so a pair of frequent names costs no more per sentence)
    n = SAME_SENTENCE_COUNTED
    assert same_sentence_confidence(n - 1) < same_sentence_confidence(n)
    assert same_sentence_confidence(n) == same_sentence_confidence(n + 1_000)


def test_build_concepts_sharing_many_sentences_cite_three():
    from dataclasses import replace

    from extraction.concepts import extract_concepts
    from graph.build import SAME_SENTENCE, mention_relations, same_sentence_confidence

    *cards, beat = heart_cards()
    more = [f"In step {i}, the atrium pushes blood into the ventricle." for i in range(12)]
    lines = beat.body_lines + tuple(range(beat.lines[1] + 1, beat.lines[1] + 13))
    cards.append(replace(beat, body="\n".join([beat.body, *more]), body_lines=lines,
                         lines=(beat.lines[0], lines[-1])))  # fmt: skip
    index = extract_concepts(cards)
    together = {
        frozenset((r.source, r.target)): r
        for r in mention_relations(index, cards)
        if r.label == SAME_SENTENCE
    }
    pair = together[frozenset(("atrium", "ventricle"))]
    assert len(pair.evidence) == 3 and len(set(pair.evidence)) == 3
    assert pair.confidence == same_sentence_confidence(14)


def test_build_a_sentence_naming_too_many_concepts_links_none_of_them(monkeypatch):
    import graph.build
    from extraction.concepts import extract_concepts
    from graph.build import SAME_SENTENCE, mention_relations

    cards = heart_cards()
    index = extract_concepts(cards)
    monkeypatch.setattr(graph.build, "SAME_SENTENCE_MAX_CONCEPTS", 2)
    together = {
        frozenset((r.source, r.target)): r
        for r in mention_relations(index, cards)
        if r.label == SAME_SENTENCE
    }
    # "The atrium fills the ventricle through a heart valve." names three: no pair from it
    assert frozenset(("atrium", "heart valve")) not in together
    assert len(together[frozenset(("atrium", "ventricle"))].evidence) == 1


#: One paragraph of joined lines stressing four names (two in one sentence), and a
#: paragraph of its own stressing a fifth.
HIVE_NOTE = b"""# Beekeeping

## Inside the hive

A **honeycomb** is a mass of wax cells that bees build inside the hive.
Each **brood cell** holds one egg until the larva is sealed in with wax.
The **queen** lays every egg of the colony, and the **drones** only mate with her.

The **smoker** calms the bees before the beekeeper opens the hive.
"""


def hive_links() -> dict[frozenset[str], object]:
    from extraction.concepts import extract_concepts
    from extraction.readers import read_bytes
    from graph.build import mention_relations

    cards = read_bytes(HIVE_NOTE, path="hive.md").cards
    index = extract_concepts(cards)
    return {frozenset((r.source, r.target)): r for r in mention_relations(index, cards)}


@pytest.mark.parametrize(
    ("a", "b", "label", "cited"),
    [
        # stressed in two sentences of one paragraph: each sentence, not the paragraph
        ("honeycomb", "brood cell", "stressed together", ((5, "A honeycomb"), (6, "Each brood"))),
        ("honeycomb", "drone", "stressed together", ((5, "A honeycomb"), (7, "The queen"))),
        # stressed in one sentence: named together there, the stronger link
        ("queen", "drone", "same sentence", ((7, "The queen"),)),
        # stressed in paragraphs of their own: no link
        ("honeycomb", "smoker", None, ()),
    ],
)
def test_build_concepts_stressed_in_one_paragraph_are_weakly_related(a, b, label, cited):
    """Before: each stressed name cited its whole paragraph, so every two of them were
    "named in one sentence", quoting that paragraph."""
    from graph.build import same_sentence_confidence

    link = hive_links().get(frozenset((a, b)))
    if label is None:
        assert link is None
        return
    assert link.relation == "related_to" and link.label == label
    said = [(e.line, e.text) for e in link.evidence]
    assert [
        (line, text[: len(start)]) for (line, text), (_, start) in zip(said, cited, strict=True)
    ] == list(cited)
    assert all(e.text.count(". ") == 0 for e in link.evidence)  # sentences, no paragraph
    if label == "stressed together":  # weaker than one shared sentence
        assert link.source == a  # the first stressed -> the other
        assert 0 < link.confidence < same_sentence_confidence(1)


def test_build_a_paragraph_stressing_too_many_concepts_links_none_of_them(monkeypatch):
    import graph.build

    assert frozenset(("honeycomb", "brood cell")) in hive_links()
    # the paragraph stresses four: past the cap, no pair of it is stressed together
    monkeypatch.setattr(graph.build, "SAME_SENTENCE_MAX_CONCEPTS", 3)
    links = hive_links()
    assert not any(r.label == "stressed together" for r in links.values())
    assert links[frozenset(("queen", "drone"))].label == "same sentence"


def test_build_stressed_together_confidence_grows_with_paragraphs_and_stays_weak():
    from graph.build import same_sentence_confidence, stressed_together_confidence

    confidences = [stressed_together_confidence(n) for n in (1, 2, 3, 100)]
    assert confidences == sorted(confidences) and confidences[0] < confidences[-1]
    assert confidences[-1] < same_sentence_confidence(1)


def test_build_items_nested_under_a_name_are_about_it():
    from extraction.concepts import extract_concepts
    from extraction.records import Card, ListItem
    from graph.build import mention_relations

    lines = ["Osmosis", "moves water across a membrane", "Diffusion spreads solutes."]
    body = "\n".join(lines)
    starts = [sum(len(line) + 1 for line in lines[:k]) for k in range(len(lines))]
    items = (ListItem(starts[0], starts[0] + 7, 0, -1), ListItem(starts[1], starts[2] - 1, 1, 0))
    names = ["osmosis", "membrane", "diffusion", "solute"]
    cards = [
        Card(f"n.txt#{i}", "n.txt", "qa-list", (10 * i, 10 * i + 1), f"What is {n}?",
             "See the lecture.", title_line=10 * i, body_lines=(10 * i + 1,))
        for i, n in enumerate(names, start=1)
    ]  # fmt: skip
    cards.append(
        Card("n.txt#9", "n.txt", "markdown", (100, 103), "Transport", body, title_line=100,
             body_lines=(101, 102, 103), title_kind="heading", items=items)
    )  # fmt: skip
    index = extract_concepts(cards)
    edges = {(r.source, r.target): r for r in mention_relations(index, cards)}
    nested = edges[(index.find("osmosis"), index.find("membrane"))]
    assert nested.label == "mentions"
    assert [e.text for e in nested.evidence] == ["moves water across a membrane"]
    # a line that is no item nested under the name is not about it
    assert (index.find("osmosis"), index.find("solute")) not in edges


@pytest.mark.slow
@requires_shared
def test_build_does_not_depend_on_the_hash_seed(tmp_path):
    graphs = []
    for seed in ("1", "4242"):
        out = tmp_path / f"g{seed}.json"
        subprocess.run(
            [sys.executable, "-m", "graph", "build", str(SEEDS), "--out", str(out), "--no-cache"],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
            capture_output=True,
        )
        data = json.loads(out.read_text())
        data.pop("graph", None)
        graphs.append(data)
    assert graphs[0] == graphs[1]


def test_build_holds_each_cited_sentence_and_number_once(sample_graph, tmp_path):
    """A large graph cites the same sentence from many edges and repeats the same few
    numbers in every record: each is one object, and the file is the same as if each
    were a copy."""
    evidence: dict[tuple, list[int]] = {}
    for _, _, attrs in sample_graph.edges(data=True):
        for e in attrs["evidence"]:
            evidence.setdefault((e["source"], e["line"], e["text"]), []).append(id(e))
    cited_twice = [ids for ids in evidence.values() if len(ids) > 1]
    assert cited_twice and all(len(set(ids)) == 1 for ids in cited_twice)
    numbers: dict[float, set[int]] = {}
    for _, attrs in sample_graph.nodes(data=True):
        for value in (attrs.get("selection") or {}).get("features", {}).values():
            numbers.setdefault(value, set()).add(id(value))
    assert numbers[1.0] and all(len(ids) == 1 for ids in numbers.values())
    path = tmp_path / "g.json"
    write_graph(sample_graph, path)
    again = read_graph(path)
    assert nx.utils.edges_equal(again.edges(data=True), sample_graph.edges(data=True))
    assert dict(again.nodes(data=True)) == dict(sample_graph.nodes(data=True))


# (notes, concept, the texts of the headings over it, outermost first)
LABELS = [
    pytest.param(
        "# Bread\n\n## Dough\n\n- **gluten**\n  - Gluten is the protein of wheat flour.\n"
        "  - **kneading:**\n    - Kneading is working the dough to build the gluten network.\n",
        "kneading",
        ["Dough", "gluten"],
        id="a-bold-item-over-items-heads-them",
    ),
    pytest.param(
        "# Bread\n\n## Dough\n\nDough rises.\n\n**Fermentation**\n\n"
        "- Proofing is letting shaped dough rise before baking.\n",
        "proofing",
        ["Dough", "Fermentation"],
        id="a-bold-paragraph-over-a-list-heads-it",
    ),
    pytest.param(
        "# Bread\n\n## Dough\n\nDough rises.\n\n**Fermentation**: yeast turns sugar into gas.\n\n"
        "- Proofing is letting shaped dough rise before baking.\n",
        "proofing",
        ["Dough"],
        id="a-bold-word-opening-a-sentence-is-no-label",
    ),
    pytest.param(
        "# Bread\n\n## Dough\n\nDough rises.\n\n**Fermentation**\n\n"
        "- Proofing is letting shaped dough rise before baking.\n\n## Beer\n\nBeer is brewed.\n\n"
        "**Fermentation**\n\n- Mashing is soaking malt in hot water.\n",
        "proofing",
        ["Dough"],
        id="a-label-over-several-lists-is-part-of-the-layout",
    ),
    pytest.param(
        "# Bread\n\n## Dough\n\n- **gluten**\n"
        "  - the protein of wheat flour that lets dough stretch\n"
        "  - forms when flour meets water\n",
        "gluten",
        ["Dough"],
        id="a-label-naming-the-concept-is-its-own-term-not-a-heading-over-it",
    ),
]


@pytest.mark.parametrize(("notes", "concept", "texts"), LABELS)
def test_build_headings_over_count_bold_labels(notes, concept, texts):
    from extraction.concepts import extract_concepts
    from extraction.readers import read_bytes
    from graph.build import headings_over

    cards = read_bytes(notes.encode(), path="bread.md").cards
    index = extract_concepts(cards)
    over = headings_over(cards, index)
    assert [h["text"] for h in over.get(index.find(concept), [])] == texts


def test_build_headings_over_name_what_they_spell():
    from extraction.concepts import extract_concepts
    from extraction.readers import read_bytes
    from graph.build import headings_over

    notes = (
        "# Cooking\n\n## Methods\n\nBraising is slow cooking in a covered pot with liquid.\n\n"
        "## Braising a tough cut\n\nA pot roast is a tough cut of beef cooked until tender.\n"
    )
    cards = read_bytes(notes.encode(), path="cooking.md").cards
    index = extract_concepts(cards)
    # the parser reads "Braising" as a verb here: the heading names it all the same
    (heading,) = headings_over(cards, index)[index.find("pot roast")]
    assert heading["text"] == "Braising a tough cut"
    assert heading["names"] == [index.find("braising")]


def test_build_add_edges_keeps_the_order_and_lets_each_relation_go():
    from extraction.records import Evidence, Relation
    from graph.build import _add_edges, _Shared

    said = Evidence("n.md", 2, "Osmosis is a kind of diffusion.")
    typed = [Relation("osmosis", "diffusion", "is_a", 0.9, [said])]
    needs = [
        Relation("diffusion", "osmosis", "prerequisite_of", 0.7, [said], features={"x": 0.5}),
        Relation("osmosis", "diffusion", "prerequisite_of", 0.4, [said], features={"x": 0.5}),
    ]
    G = nx.MultiDiGraph()
    shared = _Shared()
    _add_edges(G, typed, shared)
    _add_edges(G, needs, shared)
    assert typed == [] and needs == []
    edges = [
        (u, v, k, d["relation"], d["confidence"]) for u, v, k, d in G.edges(keys=True, data=True)
    ]
    assert edges == [
        ("osmosis", "diffusion", 0, "is_a", 0.9),
        ("osmosis", "diffusion", 1, "prerequisite_of", 0.4),
        ("diffusion", "osmosis", 0, "prerequisite_of", 0.7),
    ]
    first, second = (d for _, _, d in G.edges(data=True) if "features" in d)
    assert first["features"] is second["features"] and first["evidence"] is second["evidence"]


def test_build_a_web_page_gives_its_headings_and_terms_as_concepts(tmp_path):
    page = tmp_path / "geology.html"
    page.write_text(
        "<html><body><nav>Home | Courses</nav>\n"
        "<h1>Volcanoes</h1>\n"
        "<h2>Magma</h2>\n<p><b>Magma</b> is molten rock beneath the surface of a planet.</p>\n"
        "<h2>Caldera</h2>\n<p>A caldera is a large hollow left when a magma chamber empties.</p>\n"
        "<details><summary>Lahar</summary><p>A mudflow of volcanic debris.</p></details>\n"
        "</body></html>\n",
        encoding="utf-8",
    )
    out = tmp_path / "geology.json"
    assert main(["build", str(page), "--out", str(out)]) == 0
    G = read_graph(out)
    assert [s["format"] for s in G.graph["sources"]] == ["html"]
    labels = {attrs["label"]: attrs for _, attrs in G.nodes(data=True)}
    assert {"magma", "caldera", "lahar"} <= set(labels)
    assert "home" not in labels
    assert labels["caldera"]["definition"].startswith("A caldera is a large hollow")
    assert labels["caldera"]["definition_evidence"]["line"] == 6  # the page's own line


def test_build_headings_over_a_concept_are_those_the_card_places():
    from extraction.concepts import extract_concepts
    from extraction.records import Card
    from graph.build import headings_over

    def heading_card(n: int, title: str, body: str, section: str, **placed) -> Card:
        return Card(f"n#{n}", "n.docx", "docx", (10 * n, 10 * n + 1), title, body,
                    title_line=10 * n, body_lines=(10 * n + 1,), title_kind="heading",
                    section=(section,), **placed)  # fmt: skip

    tides = "A tide is the rise and fall of the sea, pulled by the moon."
    waves = "A swell is a wave that has left the wind that raised it."

    def over_tide(**placed) -> list[tuple[int, str]]:
        cards = [
            heading_card(1, "Tides", tides, "Swell", **placed),
            heading_card(2, "Swell", waves, "Coasts", section_lines=(5,)),
        ]
        index = extract_concepts(cards)
        return [(h["line"], h["text"]) for h in headings_over(cards, index)[index.find("tide")]]

    assert over_tide(section_lines=(1,)) == [(1, "Swell"), (10, "Tides")]
    # a section whose lines the card does not give: the card's own heading alone, never
    # the section's words on the card's line
    assert over_tide() == [(10, "Tides")]
