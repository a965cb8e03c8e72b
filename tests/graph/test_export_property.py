"""Property tests: every export of any graph parses with its own tool, text intact.

Hypothesis builds small concept graphs (the shape :func:`graph.build.build_atlas`
gives: ``label``, ``aliases``, ``definition``, ``definition_evidence``, ``topic``,
``first_seen``; edges with ``relation``, ``label`` and ``evidence``) whose ids, labels,
definitions, evidence sentences and source file names are arbitrary Unicode: control
characters, lone surrogates, bidi overrides, U+2028, U+FFFE, and the markup of every
target (XML, HTML, Markdown, Obsidian, Mermaid, DOT, YAML, CSV formulas) sampled in.
Each export is read back the way its consumer reads it (ElementTree and NetworkX,
``json``, the ``.apkg`` with :mod:`zipfile` and :mod:`sqlite3`, markdown-it, PyYAML,
the :mod:`csv` module, :mod:`html.parser`) and the text compared with the note's text,
after the replacements stated in :mod:`graph.export._base` (:func:`writable`,
:func:`one_line`, :func:`encodable`).

``CONCEPT_ATLAS_FUZZ_EXAMPLES`` scales the runs (default 40 examples a test).
"""

from __future__ import annotations

import csv
import functools
import html
import json
import os
import re
import sqlite3
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from contextlib import closing
from html.parser import HTMLParser
from pathlib import Path
from tempfile import TemporaryDirectory

import networkx as nx
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from graph.export import (
    to_dot,
    to_markdown_guide,
    to_mermaid,
    write_anki,
    write_csv,
    write_gexf,
    write_graphml,
    write_html,
    write_json,
    write_obsidian,
    write_picture,
)
from graph.export._base import encodable, one_line, one_way, writable
from graph.export.obsidian import MANIFEST
from graph.io import read_graph

pytestmark = pytest.mark.filterwarnings("ignore:Glyph .* missing:UserWarning")

EXAMPLES = int(os.environ.get("CONCEPT_ATLAS_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

#: Pieces of syntax of every target, and characters that no format may write as is.
MARKUP = [
    *"<>&\"'`*_[]()#^|!$%=~:;{}\\-+.@\t\n\r",
    "\x00",
    "\x1f",
    "\x1b[2J",
    "\x07",
    "\x7f",
    "\x85",
    "\x0b",
    "\x0c",
    "\ud800",
    "\udfff",
    "\ufffe",
    "\uffff",
    "\u202e",
    "\u2066",
    "\u200b",
    "\u2028",
    "\u2029",
    "]]>",
    "<![CDATA[",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "<b>",
    "&amp;",
    "&#0;",
    "[[",
    "]]",
    "[[x|y]]",
    "%%",
    "%%{init: {}}%%",
    "==",
    "~~",
    "**",
    "^block",
    "#tag",
    "---",
    "\n---\n",
    "# ",
    "> ",
    "- ",
    "1. ",
    "| a | b |\n|---|---|",
    "```",
    "$x$",
    '"]',
    '["',
    "-->",
    "-.-",
    "click n0",
    "];",
    '\\"',
    "\\n",
    "\\l",
    "=1+1",
    "+1",
    "-1",
    "@SUM(A1)",
    "\t=",
    "\r=",
    "CON",
    "nul",
    "COM1",
    "..",
    "/",
    "\\",
    ":",
    "*",
    "?",
    " ",
    ".",
]
TEXT = st.lists(
    st.one_of(st.sampled_from(MARKUP), st.characters(exclude_categories=())), max_size=24
).map("".join)
RELATIONS = ["prerequisite_of", "related_to", "is_a", "uses", "contrasts_with", "x<y>"]


class Graph(nx.MultiDiGraph):
    """A graph that Hypothesis shows with its data when it falsifies a test."""

    def __repr__(self) -> str:
        nodes = list(self.nodes(data=True))
        return f"Graph(nodes={nodes!r}, edges={list(self.edges(data=True))!r})"


@st.composite
def graphs(draw: st.DrawFn) -> nx.MultiDiGraph:
    """A concept-graph/1 graph of 1 to 4 concepts with arbitrary text everywhere."""
    ids = draw(st.lists(TEXT, min_size=1, max_size=4, unique=True))
    G = Graph(schema="concept-graph/1", model=None, sources=[])
    for i, node in enumerate(ids):
        source = draw(TEXT)
        G.add_node(
            node,
            label=draw(TEXT) or f"concept {i}",
            aliases=draw(st.lists(TEXT, max_size=2)),
            definition=draw(TEXT),
            definition_evidence={"source": source, "line": i + 1, "text": draw(TEXT)},
            importance=draw(st.floats(0, 1)),
            topic=draw(TEXT),
            mentions=i,
            first_seen=[source, i + 1],
            cards=[f"card-{i}"],
        )
    for _ in range(draw(st.integers(0, 5))):
        u, v = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
        evidence = [{"source": draw(TEXT), "line": 3, "text": draw(TEXT) or "x"}]
        G.add_edge(
            u,
            v,
            relation=draw(st.sampled_from(RELATIONS)),
            confidence=0.8,
            label=draw(TEXT),
            evidence=evidence,
        )
    return G


def words(text: str) -> str:
    return " ".join(text.split())


def xml_text(text: str) -> str:
    """What an XML reader gives back: :func:`writable`, and line ends read as ``\\n``."""
    return writable(text).replace("\r\n", "\n").replace("\r", "\n")


# --------------------------------------------------------------------------- XML, JSON


@FUZZ
@given(graphs())
def test_export_property_graphml_parses_with_the_text(G: nx.MultiDiGraph) -> None:
    with TemporaryDirectory() as tmp:
        path = Path(tmp) / "g.graphml"
        write_graphml(G, path)
        ET.parse(path)
        H = nx.read_graphml(path, force_multigraph=True)
    assert H.number_of_nodes() == G.number_of_nodes()  # no two ids became one
    assert H.number_of_edges() == G.number_of_edges()
    labels = sorted(str(a["label"]) for _, a in H.nodes(data=True))
    assert labels == sorted(xml_text(a["label"]) for _, a in G.nodes(data=True))
    definitions = sorted(str(a["definition"]) for _, a in H.nodes(data=True))
    assert definitions == sorted(xml_text(a["definition"]) for _, a in G.nodes(data=True))


@FUZZ
@given(graphs())
def test_export_property_gexf_parses_with_the_text(G: nx.MultiDiGraph) -> None:
    with TemporaryDirectory() as tmp:
        path = Path(tmp) / "g.gexf"
        write_gexf(G, path)
        ET.parse(path)
        H = nx.read_gexf(path, relabel=False)
    assert H.number_of_nodes() == G.number_of_nodes()
    labels = sorted(str(a["label"]) for _, a in H.nodes(data=True))
    # a label is an attribute: the writer keeps its line ends as character references
    assert labels == sorted(writable(a["label"]) for _, a in G.nodes(data=True))


@FUZZ
@given(graphs())
def test_export_property_json_parses_with_the_text(G: nx.MultiDiGraph) -> None:
    with TemporaryDirectory() as tmp:
        path = Path(tmp) / "g.json"
        write_json(G, path)
        json.loads(path.read_bytes().decode("utf-8"))  # strict UTF-8
        H = read_graph(path)
    assert H.number_of_nodes() == G.number_of_nodes()
    assert H.number_of_edges() == G.number_of_edges()
    labels = sorted(a["label"] for _, a in H.nodes(data=True))
    assert labels == sorted(encodable(a["label"]) for _, a in G.nodes(data=True))
    sentences = sorted(e["text"] for *_, a in H.edges(data=True) for e in a["evidence"])
    assert sentences == sorted(
        encodable(e["text"]) for *_, a in G.edges(data=True) for e in a["evidence"]
    )


@FUZZ
@given(graphs())
def test_export_property_svg_parses(G: nx.MultiDiGraph) -> None:
    with TemporaryDirectory() as tmp:
        path = Path(tmp) / "map.svg"
        write_picture(G, path, title=next(iter(G.nodes(data="label")))[1])
        root = ET.parse(path).getroot()
    shown = words(" ".join(root.itertext()))
    for _, name in G.nodes(data="label"):  # the start of each label (wrapping aside)
        first = re.split(r"[\s-]", one_line(name))[0][:10]
        assert first in shown, first


# --------------------------------------------------------------------------- Anki


@FUZZ
@given(graphs())
def test_export_property_anki_notes_have_two_fields_with_the_text(G: nx.MultiDiGraph) -> None:
    with TemporaryDirectory() as tmp:
        path = Path(tmp) / "deck.apkg"
        count = write_anki(G, path, deck_name=one_line(next(iter(G))) or "deck")
        with zipfile.ZipFile(path) as archive:
            data = archive.read("collection.anki2")
    with closing(sqlite3.connect(":memory:")) as db:
        db.deserialize(data)
        (models,) = db.execute("SELECT models FROM col").fetchone()
        fields = {len(model["flds"]) for model in json.loads(models).values()} or {2}
        notes = [(g, f.split("\x1f")) for g, f in db.execute("SELECT guid, flds FROM notes")]
    assert len(notes) == count == sum(1 for _, d in G.nodes(data="definition") if d)
    assert fields == {2} and all(len(values) == 2 for _, values in notes)
    assert len({guid for guid, _ in notes}) == count  # no two notes share a GUID
    fronts = sorted(html.unescape(front) for _, (front, _) in notes)
    defined = [a for _, a in G.nodes(data=True) if a["definition"]]
    assert fronts == sorted(one_line(a["label"]) for a in defined)
    backs = [html.unescape(back.replace("<br>", "\n")) for _, (_, back) in notes]
    for a in defined:
        definition = writable(a["definition"]).strip().replace("\r\n", "\n").replace("\r", "\n")
        assert any(back.startswith(definition) for back in backs), a["definition"]


# --------------------------------------------------------------------------- CSV


@FUZZ
@given(graphs())
def test_export_property_csv_reads_back_cell_for_cell(G: nx.MultiDiGraph) -> None:
    from graph.export.tables import EDGE_COLUMNS, NODE_COLUMNS

    with TemporaryDirectory() as tmp:
        write_csv(G, Path(tmp))
        tables = {}
        for name in ("nodes.csv", "edges.csv"):
            with (Path(tmp) / name).open(encoding="utf-8-sig", newline="") as f:
                tables[name] = list(csv.reader(f))
    for name, columns in (("nodes.csv", NODE_COLUMNS), ("edges.csv", EDGE_COLUMNS)):
        rows = tables[name]
        assert rows[0] == list(columns)
        assert all(len(row) == len(columns) for row in rows)
        for row in rows[1:]:
            assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)
    assert len(tables["nodes.csv"]) == G.number_of_nodes() + 1
    assert len(tables["edges.csv"]) == G.number_of_edges() + 1
    labels = sorted(row[1] for row in tables["nodes.csv"][1:])
    assert labels == sorted(spreadsheet_text(a["label"]) for _, a in G.nodes(data=True))


def spreadsheet_text(text: str) -> str:
    text = writable(text)
    return "'" + text if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text


# --------------------------------------------------------------------------- Markdown


class Visible(HTMLParser):
    """The tags of rendered HTML and the text a reader sees."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def render(markdown: str) -> Visible:
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    seen = Visible()
    seen.feed(md.render(markdown))
    seen.close()
    return seen


#: What the guide and the notes may contain: no link, image, code, HTML from the notes.
MARKDOWN_TAGS = {"h1", "h2", "h3", "p", "ul", "ol", "li", "strong", "em", "br"}


def shown_text(seen: Visible) -> str:
    return words("".join(seen.text))


@FUZZ
@given(graphs())
def test_export_property_markdown_guide_renders_the_text(G: nx.MultiDiGraph) -> None:
    guide = to_markdown_guide(G)
    guide.encode("utf-8")
    seen = render(guide)
    assert set(seen.tags) <= MARKDOWN_TAGS, set(seen.tags) - MARKDOWN_TAGS
    shown = shown_text(seen)
    for _, a in G.nodes(data=True):
        assert words(one_line(a["label"])) in shown, a["label"]
        if a["definition"].strip():
            assert words(writable(a["definition"])) in shown, a["definition"]
    headings = sum(tag in {"h1", "h2", "h3"} for tag in seen.tags)
    topics = {one_line(a["topic"]) or "(no topic)" for _, a in G.nodes(data=True)}
    assert headings == 1 + len(topics) + G.number_of_nodes()


WIKILINK = re.compile(r"\[\[([^\[\]|]*)(?:\|([^\[\]]*))?\]\]")
FORBIDDEN_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f#^\[\]]')
RESERVED = re.compile(r"(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?", re.IGNORECASE)


@FUZZ
@given(graphs())
def test_export_property_obsidian_names_links_and_text(G: nx.MultiDiGraph) -> None:
    with TemporaryDirectory() as tmp:
        vault = Path(tmp) / "vault"
        files = write_obsidian(G, vault, title=one_line(next(iter(G))))
        names = sorted(p.name for p in vault.iterdir())
        notes = {p.name: p.read_text(encoding="utf-8") for p in vault.glob("*.md")}
    assert len(notes) == G.number_of_nodes() + 1 and MANIFEST in names
    keys = {unicodedata.normalize("NFC", name.casefold()) for name in notes}
    assert len(keys) == len(notes)  # no two names are one file on macOS or Windows
    for name in notes:
        stem = name.removesuffix(".md")
        assert len(name.encode("utf-8")) <= 255 - 18  # the temporary file fits too
        assert not FORBIDDEN_IN_NAMES.search(name), name
        assert not RESERVED.fullmatch(stem.strip()), name
        assert stem == stem.strip(" .") and stem, name
    for node, path in files.items():
        text = notes[path.name]
        assert text.startswith("---\n")
        front, _, body = text[4:].partition("\n---\n")
        meta = yaml.safe_load(front)
        assert set(meta) == {"aliases", "topic", "importance", "mentions", "tags"}
        label = one_line(G.nodes[node]["label"])
        assert label == path.stem or label in meta["aliases"]
        for target, _ in WIKILINK.findall(body):
            assert f"{target}.md" in notes, target
        # Obsidian reads a [[link]] as one inline element whatever its name, so the
        # Markdown around it is checked with a plain word in its place (the name itself
        # as text could make a line of its own markup: "- [[--]]" is no thematic break)
        plain = WIKILINK.sub("link", body)
        seen = render(plain)
        assert set(seen.tags) <= MARKDOWN_TAGS, set(seen.tags) - MARKDOWN_TAGS
        definition = G.nodes[node]["definition"]
        if definition.strip():
            assert words(writable(definition)) in shown_text(seen), definition


# --------------------------------------------------------------------------- Mermaid, DOT


MERMAID_NODE = re.compile(r'  (n\d+)\["((?:[^"\[\](){}<>|;`\n#]|#\d+;)*)"\]')
MERMAID_EDGE = re.compile(r"  n\d+ (-->|-\.-|---)\|\w+\| n\d+")
MERMAID_STYLE = re.compile(
    r"  (classDef topic\d+ fill:#[0-9a-f]{6},stroke:#333,color:#111"
    r"|class [n\d,]+ topic\d+|linkStyle [\d,]+ stroke:#[0-9a-f]{6})"
)


@FUZZ
@given(graphs())
def test_export_property_mermaid_has_one_statement_per_line(G: nx.MultiDiGraph) -> None:
    text = to_mermaid(G)
    text.encode("utf-8")
    lines = text.splitlines()
    assert lines[0] == "flowchart LR" and text.count("\n") == len(lines)
    labels, edges = [], 0
    for line in lines[1:]:
        if match := MERMAID_NODE.fullmatch(line):
            labels.append(html.unescape(re.sub(r"#(\d+);", r"&#\1;", match.group(2))))
        elif MERMAID_EDGE.fullmatch(line):
            edges += 1
        else:
            assert MERMAID_STYLE.fullmatch(line), line
    # a symmetric relation stored both ways is drawn once (graph.export._base.one_way)
    assert edges == len(one_way(G.edges(data=True)))
    assert sorted(labels) == sorted(one_line(a["label"]) for _, a in G.nodes(data=True))


DOT_STRING = r'"(?:[^"\\\n]|\\.)*"'
DOT_ATTR = rf"\w+=(?:{DOT_STRING})"
DOT_NODE = re.compile(rf"  ({DOT_STRING}) \[label=({DOT_STRING})(?:, {DOT_ATTR})*\];")
DOT_EDGE = re.compile(rf"  ({DOT_STRING}) -> ({DOT_STRING}) \[{DOT_ATTR}(?:, {DOT_ATTR})*\];")


@FUZZ
@given(graphs())
def test_export_property_dot_has_one_statement_per_line(G: nx.MultiDiGraph) -> None:
    text = to_dot(G)
    text.encode("utf-8")
    lines = text.splitlines()
    assert text.count("\n") == len(lines)  # no line break but "\n" ends a statement
    ids, labels, edges = [], [], 0
    for line in lines[4:-1]:
        if match := DOT_NODE.fullmatch(line):
            ids.append(match.group(1))
            labels.append(json.loads(match.group(2)))  # \\ \" \n: JSON's escapes too
        else:
            match = DOT_EDGE.fullmatch(line)
            assert match, line
            assert match.group(1) in ids and match.group(2) in ids
            edges += 1
    assert len(set(ids)) == len(ids) == G.number_of_nodes()  # distinct once written
    # a symmetric relation stored both ways is drawn once (graph.export._base.one_way)
    assert edges == len(one_way(G.edges(data=True)))
    expected = [words(one_line(a["label"])) for _, a in G.nodes(data=True)]
    assert sorted(words(label) for label in labels) == sorted(expected)


# --------------------------------------------------------------------------- HTML page


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.title: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)
        self._in = tag

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title.append(data)


@settings(FUZZ, max_examples=max(1, EXAMPLES // 4))
@given(graphs())
def test_export_property_html_page_adds_no_tag(G: nx.MultiDiGraph) -> None:
    title = one_line(next(iter(G.nodes(data="label")))[1])
    with TemporaryDirectory() as tmp:
        path = Path(tmp) / "map.html"
        write_html(G, path, title=title)
        page = path.read_bytes().decode("utf-8")
    parsed = Page()
    parsed.feed(page)
    assert "".join(parsed.title) == title
    assert parsed.tags.count("script") == baseline_scripts()  # none added, none cut short
    assert not {"img", "iframe", "svg", "object", "embed"} & set(parsed.tags)


@functools.cache
def baseline_scripts() -> int:
    G = nx.MultiDiGraph()
    G.add_node("a", label="a", definition="d", topic="t")
    with TemporaryDirectory() as tmp:
        write_html(G, Path(tmp) / "map.html")
        parsed = Page()
        parsed.feed((Path(tmp) / "map.html").read_text(encoding="utf-8"))
    return parsed.tags.count("script")
