"""Every export keeps hostile note text as text: no live tag, attribute, link or script.

A graph whose every text field (id, label, alias, definition, topic, evidence sentence,
source file name, relation label) holds a hostile payload is exported in each format,
and the output is parsed the way its consumer would read it: HTML with
:mod:`html.parser`, Markdown with markdown-it (CommonMark, as Obsidian and GitHub),
Anki fields as HTML, Mermaid and DOT by their quoting rules. Each test also checks that
the payload is still there as text (escaped, not dropped).
"""

from __future__ import annotations

import html
import itertools
import json
import re
import sqlite3
import tempfile
import zipfile
from collections import Counter
from contextlib import closing
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
import yaml
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
    write_obsidian,
)
from graph.render import escape_markdown, legend_html, legend_items, network_data, to_html

XSS = "window.__xss=1"

#: Payloads a note can carry, each aimed at one of the formats' syntax.
PAYLOADS: dict[str, str] = {
    "script": f"<script>{XSS}</script>",
    "img": f"<img src=x onerror={XSS}>",
    "svg": f'<svg onload="{XSS}">',
    "iframe": f'<iframe src="javascript:{XSS}"></iframe>',
    "md_link": f"[click me](javascript:{XSS})",
    "md_image": "![pixel](http://evil.example/x.png)",
    "autolink": f"<javascript:{XSS}>",
    "ref_link": f"[a][r]\n\n[r]: javascript:{XSS}",
    "textarea": f"</textarea><script>{XSS}</script>",
    "script_end": f"</script><script>{XSS}</script>",
    "attr_breakout": f'" onmouseover="{XSS}" x="',
    "template": "{{7*7}} ${7*7} <%= 7*7 %>",
    "maths": r"costs $5 and $\frac{1}{0}$ or $$x$$",
    "directive": ":red[colour] :material/warning: :smile:",
    "heading": "# Heading\nSetext\n===\n> quote\n- item\n1. step\n| a | b |\n|---|---|",
    "rtl": "evil\u202egnp.exe",
    "entity": "&lt;script&gt;" + XSS + "&lt;/script&gt;",
    "mermaid": '"] --> x["pwned"]\nclick n0 call alert()\n%%{init: {}}%%',
    "dot": '"]; evil [label=<<b>x</b>> URL="javascript:' + XSS + '"]; x["',
    "wikilink": "[[../../etc/passwd]] [[Index|x]]",
    "yaml": "x\n---\naliases: [evil]\n---",
    "control": "nul\x00bell\x07 esc\x1b[31m red",
    "formula": f'=HYPERLINK("javascript:{XSS}")',
}
LONG = "Zanzibar " + "x" * 10_000
PAYLOAD_TEXT = " ".join(PAYLOADS.values())


def hostile_graph() -> nx.MultiDiGraph:
    """A small concept graph with payloads in every field that holds note text."""
    G = nx.MultiDiGraph(schema="concept-graph/1", model=None, sources=[])
    for i, (name, payload) in enumerate(PAYLOADS.items()):
        G.add_node(
            f"{name} {payload}",
            label=f"{name} {payload}",
            aliases=[payload, f"alias {name}"],
            definition=f"Definition of {name}: {payload}",
            definition_evidence={"source": f"{payload}.md", "line": i + 1},
            importance=1.0 - i / 40,
            topic=f"topic {payload}" if i % 3 == 0 else "plain topic",
            mentions=i,
            cards=[f"card-{i}"],
        )
    G.add_node(LONG, label=LONG, definition=LONG, importance=0.01, topic="plain topic")
    nodes = list(G.nodes)
    for i, (u, v) in enumerate(itertools.pairwise(nodes)):
        payload = list(PAYLOADS.values())[i % len(PAYLOADS)]
        G.add_edge(
            u,
            v,
            relation="prerequisite_of" if i % 2 else "related_to",
            confidence=0.8,
            label=payload,
            evidence=[{"source": f"{payload}.txt", "line": 3, "text": f"Evidence {payload}"}],
        )
    G.add_edge(nodes[0], nodes[1], relation=PAYLOADS["script"], confidence=0.5, evidence=[])
    return G


def benign_graph() -> nx.MultiDiGraph:
    """The same shape with harmless text: the baseline of tags a page always has."""
    mapping = {node: f"concept {i}" for i, node in enumerate(hostile_graph().nodes)}
    G = nx.MultiDiGraph(schema="concept-graph/1", model=None, sources=[])
    H = hostile_graph()
    topics = {t: f"topic {i}" for i, t in enumerate(dict.fromkeys(_topics(H)))}  # as many
    for node, attrs in H.nodes(data=True):
        G.add_node(mapping[node], **{**attrs, "label": mapping[node], "definition": "d"})
        G.nodes[mapping[node]]["aliases"] = ["a"]
        G.nodes[mapping[node]]["topic"] = topics[str(attrs.get("topic") or "")]
    for u, v, attrs in H.edges(data=True):
        G.add_edge(mapping[u], mapping[v], **{**attrs, "label": "l", "evidence": []})
    return G


# --------------------------------------------------------------------------- parsing


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text outside scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in_script = tag in {"script", "style"}

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)


def parse(markup: str) -> Tags:
    parser = Tags()
    parser.feed(markup)
    parser.close()
    return parser


def live_markup(tags: Tags) -> list[str]:
    """What a browser would run or fetch that came from a payload: event handlers,
    ``javascript:`` URLs, and tags or attributes that carry the payload marker."""
    found = []
    for tag, attrs in tags.tags:
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                found.append(f"<{tag} {name}=...>")
            if re.match(r"\s*(javascript|vbscript|data):", value, re.IGNORECASE) or (
                name in {"src", "href", "action", "formaction", "xlink:href", "url"}
                and ("__xss" in value or "evil" in value)
            ):
                found.append(f"<{tag} {name}={value!r}>")
        if tag in {"img", "svg", "iframe", "textarea", "object", "embed"}:
            found.append(f"<{tag}>")
    return found


def markdown_html(text: str) -> str:
    """``text`` rendered as CommonMark with tables and strikethrough (GitHub, Obsidian,
    Streamlit's Markdown), raw HTML allowed: a payload that survives escaping shows."""
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return md.render(text)


def assert_inert_markdown(text: str, allowed: set[str]) -> Tags:
    rendered = markdown_html(text)
    tags = parse(rendered)
    assert {tag for tag, _ in tags.tags} <= allowed, rendered
    assert not [t for t, _ in tags.tags if t in {"a", "img", "script", "svg", "iframe"}]
    assert not live_markup(tags)
    assert "javascript:" not in "".join(v or "" for _, a in tags.tags for _, v in a)
    return tags


def shown(tags: Tags) -> str:
    return " ".join("".join(tags.text).split())


# --------------------------------------------------------------------------- escape_markdown


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_escape_markdown_renders_every_payload_as_its_own_text(name: str) -> None:
    payload = PAYLOADS[name]
    tags = assert_inert_markdown(escape_markdown(payload), {"p", "br"})
    # every character that matters is still shown, in order (controls aside)
    expected = " ".join(payload.split())
    assert shown(tags).replace("\x00", "\ufffd") == expected.replace("\x00", "\ufffd")


def test_escape_markdown_blocks_maths_and_streamlit_directives() -> None:
    escaped = escape_markdown(PAYLOADS["maths"] + " " + PAYLOADS["directive"])
    # an unescaped $ or : would start KaTeX or a :colour[...] / :material/...: directive
    assert not re.search(r"(?<!\\)[$:]", escaped)
    assert not re.search(r"(?<!\\)[\[\]]", escaped)


def test_escape_markdown_leaves_no_heading_list_quote_or_table() -> None:
    tags = assert_inert_markdown(escape_markdown(PAYLOADS["heading"]), {"p", "br"})
    assert "Setext" in shown(tags) and "===" in shown(tags)


def test_escape_markdown_with_carriage_returns_makes_no_heading() -> None:
    # a lone CR is a line ending in CommonMark
    assert_inert_markdown(escape_markdown("Title\r===\r# h\r- x"), {"p", "br"})


# --------------------------------------------------------------------------- HTML page


def test_html_export_adds_no_tag_or_attribute_from_note_text(tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    write_html(hostile_graph(), out)
    page = out.read_text(encoding="utf-8")
    baseline = tmp_path / "baseline.html"
    write_html(benign_graph(), baseline)
    hostile, benign = parse(page), parse(baseline.read_text(encoding="utf-8"))

    # the same elements as a page of harmless notes: nothing was added by a payload
    assert Counter(t for t, _ in hostile.tags) == Counter(t for t, _ in benign.tags)
    assert sorted(sorted(k for k, _ in a) for _, a in hostile.tags) == sorted(
        sorted(k for k, _ in a) for _, a in benign.tags
    )
    assert not live_markup(hostile)
    # the payloads are inside script data only, escaped so they cannot close it
    for raw in ("<script>window", "</script><script>", "<img src=x", "</textarea>", 'onload="w'):
        assert page.count(raw) == 0, raw  # (no diff of a 750 kB page)
    assert "\\u003cscript\\u003ewindow.__xss=1" in page
    # outside scripts a payload is only ever shown as text (the legend's topic names)
    assert f"topic {PAYLOADS['script']}" in "".join(hostile.text)
    assert "topic &lt;script&gt;window.__xss=1&lt;/script&gt;" in page


def test_html_export_keeps_the_payloads_as_data(tmp_path: Path) -> None:
    data = network_data(hostile_graph(), physics=False)
    labels = {node["label"] for node in data["nodes"]}
    assert any(PAYLOADS["script"] in label for label in labels)  # text, not dropped
    for node in data["nodes"]:
        assert len(node["label"]) <= 48  # a 10,000-character label is cut
        assert "href" not in node["title"]  # pyvis would switch tooltips to innerHTML
    assert all("href" not in edge["title"] for edge in data["edges"])
    assert json.loads(json.dumps(data)) == data


def test_legend_fragment_is_inert() -> None:
    fragment = legend_html(legend_items(hostile_graph()))
    tags = parse(fragment)
    assert {t for t, _ in tags.tags} <= {"div", "span", "b"}
    assert [t for t, _ in tags.tags].count("b") == 2  # the "Topics", "Relations" headings
    assert not live_markup(tags)
    assert PAYLOADS["script"] in shown(tags)


def test_to_html_of_a_single_hostile_selected_node(tmp_path: Path) -> None:
    G = hostile_graph()
    node = next(iter(G))
    page = to_html(G, physics=False, selected=node)
    assert "</script><script>" not in page and "<script>window" not in page


# --------------------------------------------------------------------------- Markdown guide


GUIDE_TAGS = {"h1", "h2", "h3", "p", "ul", "ol", "li", "strong", "em", "br", "hr"}


@pytest.mark.parametrize("ordered", [False, True])
def test_markdown_guide_is_inert_and_keeps_the_text(ordered: bool) -> None:
    G = hostile_graph()
    order = list(G) if ordered else None
    guide = to_markdown_guide(G, order, title=f"Path to {PAYLOADS['script']}")
    tags = assert_inert_markdown(guide, GUIDE_TAGS)
    text = shown(tags)
    for name in ("script", "img", "md_link", "md_image", "maths", "template"):
        assert " ".join(PAYLOADS[name].split()) in text, name
    headings = [t for t, _ in tags.tags if t in {"h1", "h2", "h3"}]
    expected = 1 + G.number_of_nodes() + (0 if ordered else len(set(_topics(G))))
    assert len(headings) == expected  # no heading came from note text


def _topics(G: nx.MultiDiGraph) -> list[str]:
    return [str(a.get("topic") or "") for _, a in G.nodes(data=True)]


# --------------------------------------------------------------------------- Obsidian


def test_obsidian_vault_stays_in_its_folder_and_is_inert(tmp_path: Path) -> None:
    G = hostile_graph()
    vault = tmp_path / "vault"
    before = set(tmp_path.rglob("*"))
    files = write_obsidian(G, vault, title=PAYLOADS["script"])
    written = set(tmp_path.rglob("*")) - before
    assert all(path.resolve().is_relative_to(vault.resolve()) for path in written)
    assert len([p for p in written if p.is_file()]) == G.number_of_nodes() + 2  # + manifest
    for path in vault.glob("*.md"):
        assert len(path.name.encode()) <= 255 and "\x00" not in path.name
        text = path.read_text(encoding="utf-8")
        front, _, body = text.partition("\n---\n") if text.startswith("---\n") else ("", "", text)
        meta = yaml.safe_load(front.removeprefix("---\n")) if front else {}
        assert set(meta or {}) <= {"aliases", "topic", "importance", "mentions", "tags"}
        # wikilinks are Obsidian's own; render them as text to check the rest
        plain = re.sub(r"\[\[([^\]]*)\]\]", lambda m: m.group(1).replace("|", "/"), body)
        assert_inert_markdown(plain, GUIDE_TAGS)
    hostile = files[f"script {PAYLOADS['script']}"].read_text(encoding="utf-8")
    meta = yaml.safe_load(hostile.split("\n---\n")[0].removeprefix("---\n"))
    assert f"script {PAYLOADS['script']}" in meta["aliases"]  # the label, kept as data


def test_obsidian_wikilinks_point_only_at_notes_of_the_vault(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    write_obsidian(hostile_graph(), vault)
    names = {path.stem for path in vault.glob("*.md")}
    for path in vault.glob("*.md"):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]  # after the YAML
        for target in re.findall(r"\[\[([^\]|]*)", body):
            assert target in names, target


# --------------------------------------------------------------------------- Anki


def anki_fields(path: Path) -> list[list[str]]:
    with zipfile.ZipFile(path) as archive, tempfile.TemporaryDirectory() as tmp:
        archive.extract("collection.anki2", tmp)
        with closing(sqlite3.connect(Path(tmp) / "collection.anki2")) as db:
            return [row[0].split("\x1f") for row in db.execute("SELECT flds FROM notes")]


def test_anki_fields_hold_no_live_html(tmp_path: Path) -> None:
    G = hostile_graph()
    out = tmp_path / "deck.apkg"
    count = write_anki(G, out, deck_name=PAYLOADS["script"])
    fields = anki_fields(out)
    assert len(fields) == count == G.number_of_nodes()
    texts = []
    for front, back in fields:
        for field in (front, back):
            tags = parse(field)
            assert {t for t, _ in tags.tags} <= {"div", "br"}, field
            assert all(k == "class" for _, a in tags.tags for k, _ in a), field
            assert not live_markup(tags)
            texts.append(shown(tags))
    everything = " ".join(texts)
    assert PAYLOADS["script"] in everything and PAYLOADS["img"] in everything


# --------------------------------------------------------------------------- Mermaid, DOT


def test_mermaid_has_one_statement_per_node_edge_and_style() -> None:
    G = hostile_graph()
    text = to_mermaid(G)
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    node_line = re.compile(r'  n\d+\["(?:[^"\[\](){}<>|;`\n#]|#\d+;)*"\]')
    edge_line = re.compile(r"  n\d+ (-->|-\.-|---)\|\w+\| n\d+")
    style_line = re.compile(
        r"  (classDef topic\d+ fill:#[0-9a-f]{6},stroke:#333,color:#111"
        r"|class [n\d,]+ topic\d+|linkStyle [\d,]+ stroke:#[0-9a-f]{6})"
    )
    kinds = Counter()
    for line in lines[1:]:
        if node_line.fullmatch(line):
            kinds["node"] += 1
        elif edge_line.fullmatch(line):
            kinds["edge"] += 1
        else:
            assert style_line.fullmatch(line), line
    assert kinds == {"node": G.number_of_nodes(), "edge": G.number_of_edges()}
    # "click" and "%%" stay inside quoted labels; a directive needs "%%{", coded here
    assert not re.search(r"^\s*(click|%%)", text, re.MULTILINE) and "%%{" not in text
    assert "javascript" in text  # the words are kept; the syntax is entity-coded
    decoded = html.unescape(re.sub(r"#(\d+);", r"&#\1;", text))
    assert PAYLOADS["script"] in decoded


DOT_STRING = r'"(?:[^"\\\n]|\\.)*"'


def test_dot_has_one_statement_per_node_and_edge_and_reads_back() -> None:
    G = hostile_graph()
    text = to_dot(G)
    lines = text.splitlines()
    attr = rf"\w+=(?:{DOT_STRING})"
    node_line = re.compile(rf"  ({DOT_STRING}) \[{attr}(?:, {attr})*\];")
    edge_line = re.compile(rf"  ({DOT_STRING}) -> ({DOT_STRING}) \[{attr}(?:, {attr})*\];")
    nodes, edges = [], 0
    for line in lines[4:-1]:
        if match := node_line.fullmatch(line):
            nodes.append(json.loads(match.group(1)))  # \\ \" \n: JSON's escapes too
        else:
            assert edge_line.fullmatch(line), line
            edges += 1
    assert len(nodes) == G.number_of_nodes() and edges == G.number_of_edges()
    outside = re.sub(DOT_STRING, '""', text)
    assert "<" not in outside  # no HTML-like <label> outside quoted strings
    assert f"script {PAYLOADS['script']}" in nodes


# --------------------------------------------------------------------------- CSV, GraphML


def test_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    import csv

    write_csv(hostile_graph(), tmp_path / "csv")
    for name in ("nodes.csv", "edges.csv"):
        with (tmp_path / "csv" / name).open(encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                for value in row.values():
                    assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_exports_round_trip_the_hostile_text(fmt: str, tmp_path: Path) -> None:
    """Control characters (XML cannot hold them) are U+FFFD, the rest kept."""
    G = hostile_graph()
    out = tmp_path / f"g.{fmt}"
    (write_graphml if fmt == "graphml" else write_gexf)(G, out)
    H = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out, relabel=False)
    assert H.number_of_nodes() == G.number_of_nodes()
    labels = {str(a["label"]) for _, a in H.nodes(data=True)}
    assert f"script {PAYLOADS['script']}" in labels
    assert "control nul\ufffdbell\ufffd esc\ufffd[31m red" in labels


# --------------------------------------------------------------------------- issue 16
# Each row below broke an export before it was fixed: a crash, a file its own tool
# cannot read, an id written twice, a file name a file system refuses, or note text
# reaching another program.


def one_concept(label: str, **attrs: object) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph(schema="concept-graph/1", model=None, sources=[])
    G.add_node("n", label=label, definition=attrs.pop("definition", f"{label} is a thing."))
    G.nodes["n"].update(attrs)
    G.add_node("m", label="other", definition="Another thing.")
    G.add_edge("n", "m", relation="related_to", evidence=[{"source": label, "text": label}])
    return G


def export_to(G: nx.MultiDiGraph, fmt: str, tmp_path: Path) -> Path:
    from graph.export import FOLDER_FORMATS, export

    suffix = {"anki": ".apkg", "markdown": ".md", "mermaid": ".mmd"}.get(fmt, f".{fmt}")
    out = tmp_path / ("out" if fmt in FOLDER_FORMATS else f"out{suffix}")
    export(G, fmt, out)
    return out


def read_back(fmt: str, out: Path) -> str:
    """The export read back by its own tool, as text (what a consumer sees)."""
    import xml.etree.ElementTree as ET

    if fmt in {"graphml", "gexf", "svg"}:  # text and attribute values
        root = ET.parse(out).getroot()
        return " ".join([*root.itertext(), *(v for e in root.iter() for v in e.attrib.values())])
    if fmt == "anki":
        return "\n".join("\x1f".join(fields) for fields in anki_fields(out))
    if fmt == "png":
        return ""
    files = sorted(out.rglob("*")) if out.is_dir() else [out]
    return "\n".join(p.read_bytes().decode("utf-8") for p in files if p.is_file())


ALL_FORMATS = ["html", "graphml", "gexf", "json", "csv", "mermaid", "dot", "markdown", "anki"]
ALL_FORMATS += ["obsidian", "svg", "png"]


@pytest.mark.parametrize("fmt", ALL_FORMATS)
@pytest.mark.parametrize(
    "label",
    ["lone \ud800 surrogate", "low \udcff half", "non-character \ufffe\uffff"],
    ids=["high-surrogate", "low-surrogate", "non-characters"],
)
def test_export_writes_text_that_utf8_or_xml_cannot_hold(fmt, label, tmp_path):
    """Before: UnicodeEncodeError in every text format, a TypeError from Matplotlib, an
    SVG that is not well-formed (U+FFFE)."""
    out = export_to(one_concept(label, definition=label), fmt, tmp_path)
    text = read_back(fmt, out)
    assert "\ud800" not in text and "\ufffe" not in text
    if fmt != "png":
        assert "\ufffd" in text or fmt in {"mermaid", "dot", "svg", "html"}
        assert label.split()[0] in text


ANKI_FIELDS = {
    "label": {"label": "front\x1fback"},
    "definition": {"definition": "one\x1ftwo\x1fthree"},
    "alias": {"aliases": ["also\x1fthis"]},
    "source": {"definition_evidence": {"source": "notes\x1f.md", "line": 1}},
}


@pytest.mark.parametrize("field", sorted(ANKI_FIELDS))
def test_export_anki_field_separator_in_a_note_adds_no_field(field, tmp_path):
    """Before: U+001F in any text became extra fields of a two-field note."""
    attrs = dict(ANKI_FIELDS[field])
    G = one_concept(attrs.pop("label", "Sep"), **attrs)
    out = tmp_path / "deck.apkg"
    write_anki(G, out)
    notes = anki_fields(out)
    assert len(notes) == 2 and all(len(fields) == 2 for fields in notes)
    assert "\ufffd" in "".join(notes[0] + notes[1])


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("anki", "\x1b]0;title\x07 and \x1b[2J"),
        ("markdown", "\x1b]0;title\x07 and \x1b[2J"),
        ("obsidian", "\x1b]0;title\x07 and \x1b[2J"),
        ("csv", "\x1b[2J\x00"),
        ("graphml", "\x1b[2J\x00"),
    ],
)
def test_export_control_characters_of_a_definition_are_shown_not_written(fmt, text, tmp_path):
    """Before: ESC and BEL reached the guide, the vault and the deck as they are (a
    terminal acts on them when the file is printed); NUL stopped the CSV writer."""
    out = export_to(one_concept("Term", definition=f"Term is {text} here."), fmt, tmp_path)
    written = read_back(fmt, out)
    assert not set("\x1b\x07\x00") & set(written)
    assert "\ufffd]0;title\ufffd and \ufffd" in written or "\ufffd[2J\ufffd" in written


def test_export_anki_two_ids_that_print_the_same_get_two_guids(tmp_path):
    """Before: ``1`` and ``"1"`` got one GUID (Anki merges the two notes)."""
    G = nx.MultiDiGraph()
    G.add_node(1, label="one", definition="The number.")
    G.add_node("1", label="one (text)", definition="The digit.")
    write_anki(G, tmp_path / "deck.apkg")
    with zipfile.ZipFile(tmp_path / "deck.apkg") as archive:
        data = archive.read("collection.anki2")
    with closing(sqlite3.connect(":memory:")) as db:
        db.deserialize(data)
        guids = [guid for (guid,) in db.execute("SELECT guid FROM notes")]
    assert len(guids) == len(set(guids)) == 2


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "dot"])
@pytest.mark.parametrize(
    "ids", [(1, "1"), ("a\x00", "a"), ("a\x00", "a\x01")], ids=["int-str", "nul", "two-controls"]
)
def test_export_ids_stay_distinct_once_written(fmt, ids, tmp_path):
    """Before: two concepts written with one id (merged by every reader)."""
    G = nx.MultiDiGraph()
    G.add_node(ids[0], label="first")
    G.add_node(ids[1], label="second")
    G.add_edge(ids[0], ids[1], relation="uses")
    if fmt == "dot":
        declared = re.findall(rf"^  ({DOT_STRING}) \[label=", to_dot(G), re.MULTILINE)
        assert len(set(declared)) == 2
        return
    out = tmp_path / f"g.{fmt}"
    (write_graphml if fmt == "graphml" else write_gexf)(G, out)
    H = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out, relabel=False)
    assert H.number_of_nodes() == 2 and H.number_of_edges() == 1


@pytest.mark.parametrize(
    ("label", "check"),
    [
        ("😀" * 80, "bytes"),  # 320 bytes: ENAMETOOLONG on every file system
        ("词" * 80, "bytes"),  # 243 bytes with .md: its temporary file (+18) too long
        ("COM0", "reserved"),
        ("lpt¹.txt", "reserved"),
        ("AUX .txt", "reserved"),
    ],
    ids=["emoji", "cjk", "com0", "lpt-superscript", "aux-space"],
)
def test_export_obsidian_file_names_are_valid_everywhere(label, check, tmp_path):
    G = one_concept(label)
    files = write_obsidian(G, tmp_path / "vault")
    name = files["n"].name
    if check == "bytes":
        assert len(name.encode()) <= 123 and files["n"].is_file()
    else:
        assert name.startswith("_"), name
    assert f"[[{files['n'].stem}|" in files["m"].read_text(encoding="utf-8")


def test_export_guide_topic_of_invisible_characters_is_no_topic():
    """Before: a topic of bidi or zero-width characters only was a heading with no
    name, beside "(no topic)"."""
    G = one_concept("Term", topic="\u2066\u200b")
    guide = to_markdown_guide(G)
    assert "\n## \n" not in guide and guide.count("## (no topic)") == 1
