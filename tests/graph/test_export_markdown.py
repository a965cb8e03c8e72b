"""Markdown written for people: note text escaped only where the syntax needs it.

Each string is escaped, rendered with markdown-it (CommonMark with GitHub's tables and
strikethrough, raw HTML on) and the visible text compared with the note's text; the
study guide and the Obsidian notes of real graphs are checked the same way.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from graph.build import build_atlas
from graph.export import to_markdown_guide, write_obsidian
from graph.export._base import naming_first
from graph.export._markdown import escape
from tests.conftest import DATA, SEEDS


class Visible(HTMLParser):
    """The tags of rendered HTML and the text a reader sees."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def render(markdown: str) -> Visible:
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    seen = Visible()
    seen.feed(md.render(markdown))
    seen.close()
    return seen


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    "text",
    [
        "high blood pressure (HBP)",
        "101_b7e4a9c2d05f3318.txt, line 12",
        "Enzyme: Known as a lock-and-key model.",
        "snake_case_name and C# and x^2 and 2 * 3 and a < b and <3 and 50% and a = b",
        "e.g. the cost {x} is minimised; see https://example.org/page?a=1&b=2",
        "Q: what is it? A: an array!",
    ],
)
def test_export_markdown_plain_text_needs_no_escape(text):
    assert escape(text) == text
    assert words("".join(render(escape(text)).text)) == words(text)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("*not emphasis*", r"\*not emphasis\*"),
        ("_not emphasis_", r"\_not emphasis\_"),
        ("**not bold**", r"\*\*not bold\*\*"),
        ("`not code`", r"\`not code\`"),
        ("[not a link](javascript:x)", r"\[not a link](javascript:x)"),
        ("![not an image](http://e.x/i.png)", r"!\[not an image](http://e.x/i.png)"),
        ("<b>not bold</b>", r"\<b>not bold\</b>"),
        ("<!-- shown -->", r"\<!-- shown -->"),
        ("&amp; &#38; &#x26;", r"\&amp; \&#38; \&#x26;"),
        ("costs $5 or $x$", r"costs \$5 or \$x\$"),
        ("~~not struck~~ ~5%", r"\~\~not struck\~\~ \~5%"),
        ("==not highlighted==", r"\=\=not highlighted\=\="),
        ("%%not a comment%%", r"\%\%not a comment\%\%"),
        ("not a #tag nor a ^block", r"not a \#tag nor a \^block"),
        ("# not a heading", r"\# not a heading"),
        ("> not a quote", r"\> not a quote"),
        ("- not an item", r"\- not an item"),
        ("+ not an item", r"\+ not an item"),
        ("1. not a step", r"1\. not a step"),
        ("12) not a step", r"12\) not a step"),
        ("---", r"\---"),
        ("a backslash at the end \\", "a backslash at the end \\\\"),
        ("C:\\Users and \\* star", "C:\\Users and \\\\\\* star"),
    ],
)
def test_export_markdown_escapes_what_the_syntax_would_act_on(text, escaped):
    assert escape(text) == escaped
    seen = render(escape(text))
    assert set(seen.tags) <= {"p"}, seen.tags
    assert words("".join(seen.text)) == words(text)


@pytest.mark.parametrize(
    "text",
    [
        "Title\n===",
        "Title\n---",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "first line\n    indented code?\n```\nfence\n```",
        "line one\r\nline two\rline three",
    ],
)
def test_export_markdown_keeps_lines_without_making_blocks(text):
    seen = render(escape(text))
    assert set(seen.tags) <= {"p", "br"}, seen.tags
    assert words("".join(seen.text)) == words(text)


MARKDOWN_ALPHABET = st.sampled_from(
    [*"ab1 _*`[]()<>!&#;=%$~^|\\-+.:/\"'{}\n", "&amp;", "**", "~~", "==", "<b>", "](x)"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(MARKDOWN_ALPHABET, max_size=40).map("".join))
def test_export_markdown_any_text_renders_as_itself(text):
    seen = render(escape(text))
    assert set(seen.tags) <= {"p", "br"}, (text, escape(text), seen.tags)
    assert words("".join(seen.text)) == words(text), (text, escape(text))


def test_export_markdown_leaves_maths_to_no_one():
    plugins = pytest.importorskip("mdit_py_plugins.dollarmath")
    md = MarkdownIt("commonmark").use(plugins.dollarmath_plugin)
    rendered = md.render(escape("from $x$ to $$y$$ costs $5"))
    assert "math" not in rendered and "$x$" in rendered


# --------------------------------------------------------------------------- real graphs


WIKILINK = re.compile(r"\[\[([^\]|]*)(?:\|([^\]]*))?\]\]")


@pytest.fixture(scope="module", params=["sample", "seeds"])
def real_graph(request) -> nx.MultiDiGraph:
    if request.param == "seeds":
        if not SEEDS.is_dir():
            pytest.skip(f"the real notes are not here: {SEEDS} is absent")
        return build_atlas([SEEDS])[0]
    return build_atlas([DATA])[0]


def test_export_markdown_guide_shows_the_notes_text(real_graph):
    G = real_graph
    guide = to_markdown_guide(G)
    seen = render(guide)
    shown = words("".join(seen.text))
    for node, attrs in G.nodes(data=True):
        assert words(str(attrs.get("label") or node)) in shown, node
        if attrs.get("definition"):
            assert words(attrs["definition"]) in shown, node
    sentences = {  # GUIDE_EVIDENCE sentences of each stated (not weak) relation
        e["text"]
        for u, v, a in G.edges(data=True)
        if a.get("relation") != "related_to"
        for e in naming_first(G, (u, v), a.get("evidence") or ())[:2]
    }
    missing = [s for s in sentences if words(s) not in shown]
    assert not missing, missing[:3]
    assert not {"a", "img", "code", "pre", "blockquote", "table"} & set(seen.tags)
    headings = sum(tag in {"h1", "h2", "h3"} for tag in seen.tags)
    topics = {str(a.get("topic") or "").strip() or "(no topic)" for _, a in G.nodes(data=True)}
    assert headings == 1 + len(topics) + G.number_of_nodes()  # none came from the notes
    assert guide.count("\\") < len(guide) / 500  # readable as a file too


def test_export_obsidian_notes_show_the_notes_text(real_graph, tmp_path):
    G = real_graph
    files = write_obsidian(G, tmp_path / "vault")
    for node, path in files.items():
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        plain = re.sub(
            r"\[\[([^\]|]*)(?:\|([^\]]*))?\]\]", lambda m: m.group(2) or m.group(1), body
        )
        seen = render(plain)
        definition = G.nodes[node].get("definition")
        if definition:
            assert words(definition) in words("".join(seen.text)), node
        assert not {"a", "img", "code", "pre"} & set(seen.tags), node


@pytest.mark.parametrize("label", ["rule --- #", "tuning ##", "#", "C#", "key #1 #"])
def test_export_markdown_heading_keeps_a_closing_run_of_hashes(label, tmp_path):
    # CommonMark drops "#"s that end a heading line after a space (a closing sequence)
    G = nx.MultiDiGraph()
    G.add_node("x", label=label, definition="A name that ends with a hash.")
    headings = re.findall(
        r"<h\d>(.*?)</h\d>", MarkdownIt("commonmark").render(to_markdown_guide(G))
    )
    assert label in headings
    note = write_obsidian(G, tmp_path / "vault")["x"].read_text(encoding="utf-8")
    body = note.split("\n---\n", 1)[1]
    assert label in re.findall(r"<h1>(.*?)</h1>", MarkdownIt("commonmark").render(body))


@pytest.mark.parametrize(
    ("label", "words"),
    [
        ("same sentence", "named in one sentence with"),
        ("stressed together", "stressed in one paragraph with"),
    ],
)
def test_export_markdown_a_weak_link_of_one_sentence_reads_as_words(tmp_path, label, words):
    """Before: the guide's relation and the vault's heading said "same sentence", the
    graph's label of the link, as if it were a verb."""
    G = nx.MultiDiGraph()
    G.add_node("tide", label="tide", definition="The rise and fall of the sea.")
    G.add_node("moon", label="moon", definition="The body that orbits the Earth.")
    evidence = [{"source": "n.md", "line": 3, "text": "The moon raises the tide."}]
    G.add_edge(
        "tide", "moon", relation="related_to", confidence=0.2, label=label,
        evidence=evidence,
    )  # fmt: skip
    note = write_obsidian(G, tmp_path / "vault")["tide"].read_text(encoding="utf-8")
    for text in (to_markdown_guide(G), note):
        assert label not in text
    assert f"### {words}" in note
