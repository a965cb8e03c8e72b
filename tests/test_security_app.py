"""The app with hostile notes, hostile uploads and two users at once (AppTest), and the
server's own settings: bound to this machine, uploads capped, nothing sent anywhere.

``write_hostile_notes`` is also used by ``tests/test_security_browser.py``.
"""

from __future__ import annotations

import ast
import io
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.request
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import streamlit as st
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

import graph.build
import graph.view as view
from extraction.readers import DEFAULT_MAX_BYTES

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "streamlit_app.py")
CONFIG = ROOT / ".streamlit" / "config.toml"

#: What a payload does when it runs: browser tests look for this flag.
XSS = "window.__xss=1"
#: A concept only session A's notes name (session isolation).
SECRET = "Quixotic zorblax"

HOSTILE_TERMS = {
    "Kappa kernel": f"A kappa kernel is a <img src=x onerror={XSS}> trap for "
    f"[x](javascript:{XSS}) clicks.",
    "Lambda lattice": f"The lambda lattice uses the kappa kernel. <script>{XSS}</script> "
    "{{7*7}} ${7*7} costs $5 or $\\frac{1}{2}$.",
    "Mu matrix": f"The mu matrix is part of the lambda lattice. </textarea><script>{XSS}</script>"
    f' <svg onload="{XSS}"> ![i](http://evil.example/x.png)',
    "Omega \u202eredro": "Omega redro is written with an RTL override \u202egnp.exe and "
    ":red[colour] :material/warning: text.\nSetext\n===",
    "Zanzibar " + "x" * 10_000: "A concept whose name is ten thousand characters long.",
}


def write_hostile_notes(folder: Path) -> Path:
    """Write hostile notes into ``folder``: a Quizlet-like text set (term line, then its
    definition), a Markdown file and a CSV; returns ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    quizlet = "".join(f"{term}\n{definition}\n\n" for term, definition in HOSTILE_TERMS.items())
    (folder / "quizlet-set.txt").write_text(quizlet, encoding="utf-8")
    (folder / "lecture.md").write_text(
        f"# Sigma <svg onload={XSS}> spline\n\n"
        f"Sigma spline is a curve. See [docs](javascript:{XSS}) and "
        f'<a href="javascript:{XSS}">here</a>.\n\n'
        f"## Theta tensor\n\nTheta tensor is a type of sigma spline. &lt;script&gt;{XSS}"
        "&lt;/script&gt;\n",
        encoding="utf-8",
    )
    (folder / "cards.csv").write_text(
        f'"Delta dagger","Delta dagger is part of the theta tensor. &lt;img src=x '
        f'onerror={XSS}&gt;"\n'
        f'"Epsilon echo","Epsilon echo is an example of [link](javascript:{XSS}) delta dagger."\n',
        encoding="utf-8",
    )
    return folder


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh home, user cache and app cache, and no cached results from other tests."""
    home = tmp_path / "home"
    (home / ".cache").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("CONCEPT_ATLAS_CACHE", str(home / ".cache" / "concept-atlas"))
    st.cache_data.clear()
    yield home
    st.cache_data.clear()


def open_folder(folder: Path) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.radio(key="source").set_value("A folder on this computer").run()
    at.text_input(key="folder").set_value(str(folder)).run()
    assert not at.exception, at.exception
    return at


def upload(files: list[tuple[str, bytes]]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.radio(key="source").set_value("Upload files").run()
    at.file_uploader[0].set_value([(name, data, "text/plain") for name, data in files]).run()
    assert not at.exception, at.exception
    return at


# --------------------------------------------------------------------------- what is shown


def markdown_sources(at: AppTest) -> list[str]:
    """Every string the page renders as Markdown: text elements, alerts and labels."""
    texts = [
        e.value
        for kind in ("markdown", "caption", "subheader", "header", "title")
        for e in getattr(at, kind)
    ]
    texts += [
        e.value for kind in ("error", "warning", "info", "success") for e in getattr(at, kind)
    ]
    texts += [e.label for e in at.expander] + [e.label for e in at.button]
    return texts


def html_bodies(at: AppTest) -> list[str]:
    return [element.proto.body for element in at.get("html")]


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def tags_of(markup: str) -> Tags:
    parser = Tags()
    parser.feed(markup)
    parser.close()
    return parser


MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
MARKDOWN_TAGS = {"p", "strong", "em", "br", "blockquote", "ul", "ol", "li"}


def assert_inert(at: AppTest) -> None:
    """No Markdown string makes a link, image, heading or raw HTML (rendered as
    CommonMark with raw HTML on, so an escape that is missing shows); no maths or
    Streamlit directive is left unescaped; the HTML fragments hold only the page's own
    tags."""
    for source in markdown_sources(at):
        tags = tags_of(MARKDOWN.render(source))
        assert {t for t, _ in tags.tags} <= MARKDOWN_TAGS, source[:300]
        assert not re.search(r"(?<!\\)\$", source), source[:300]  # KaTeX
        for directive in re.findall(r"(?<!\\):(\w+)\[", source):
            assert directive in {"red", "gray"}, source[:300]  # only the app's own colours
    for body in html_bodies(at):
        tags = tags_of(body)
        assert {t for t, _ in tags.tags} <= {"style", "div", "span", "b"}, body[:300]
        assert not any(k.startswith("on") for _, a in tags.tags for k, _ in a), body[:300]
        assert "__xss" not in body


def hostile_node(at: AppTest) -> str:
    """The concept whose panel (definition or evidence) shows a raw ``<img`` or ``<script``
    payload."""
    options = at.selectbox(key="concept").options
    for node in options:
        at.selectbox(key="concept").set_value(node).run()
        text = "\n".join(markdown_sources(at))
        if "\\<img" in text or "\\<script" in text:
            return node
    raise AssertionError(f"no concept of the hostile notes shows a payload: {options}")


# --------------------------------------------------------------------------- hostile notes


@pytest.mark.slow
def test_hostile_notes_are_shown_as_text_in_every_tab(tmp_path: Path) -> None:
    folder = write_hostile_notes(tmp_path / "notes")
    start = time.perf_counter()
    at = open_folder(folder)
    assert {m.label: int(m.value) for m in at.metric}["Files"] == 3
    assert_inert(at)

    node = hostile_node(at)
    assert not at.exception
    assert_inert(at)
    markdown = [m.value for m in at.markdown]
    # the text that carries the payload (a definition or an evidence sentence), escaped:
    # every payload character is there, as a literal
    assert "\\<img src\\=x onerror\\=window\\.\\_\\_xss\\=1\\>" in "\n".join(markdown) or (
        "\\<script\\>window\\.\\_\\_xss\\=1\\</script\\>" in "\n".join(markdown)
    )
    payload = next(m for m in markdown if "\\<img" in m or "\\<script" in m)
    rendered = tags_of(MARKDOWN.render(payload))
    assert "<" in "".join(rendered.text)  # shown as the characters the note has

    # the other tabs: a learning path and a connection to the hostile concept
    query = str(node)
    at.session_state["tab"] = "Learning path"  # the tabs are made only when open
    at.run()
    at.text_input(key="path_query").set_value(query).run()
    at.selectbox(key=f"path_target:{query}").set_value(node).run()
    assert_inert(at)
    at.session_state["tab"] = "Connect"
    at.run()
    options = at.selectbox(key="connect_a").options
    at.selectbox(key="connect_a").set_value(node).run()
    at.selectbox(key="connect_b").set_value(next(n for n in options if n != node)).run()
    at.text_input(key="focus_query").set_value("<script>" + XSS).run()
    assert_inert(at)
    at.session_state["tab"] = "Topics"
    at.run()
    assert_inert(at)
    at.session_state["tab"] = "Export"
    at.run()
    at.radio(key="export_scope").set_value("view").run()
    assert not at.exception
    assert_inert(at)
    seconds = time.perf_counter() - start
    assert seconds < 120, seconds


@pytest.mark.slow
def test_the_long_label_and_rtl_override_do_not_break_the_page(tmp_path: Path) -> None:
    at = open_folder(write_hostile_notes(tmp_path / "notes"))
    options = at.selectbox(key="concept").options
    for node in options:
        if "zanzibar" in str(node).lower() or "\u202e" in str(node):
            at.selectbox(key="concept").set_value(node).run()
            assert not at.exception
            assert_inert(at)


def test_no_note_text_reaches_unsafe_html() -> None:
    """``unsafe_allow_html`` is never used, and ``st.html`` gets only the page's CSS, the
    legend (escaped in :func:`graph.render.legend_html`) or f-strings whose every
    value is ``html.escape``\\ d or a colour from the palette."""
    for path in [ROOT / "streamlit_app.py", *sorted((ROOT / "app").rglob("*.py"))]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            assert all(k.arg != "unsafe_allow_html" for k in call.keywords), path
            func = ast.unparse(call.func)
            if func not in {"st.html", "st.sidebar.html"}:
                continue
            arg = call.args[0]
            if isinstance(arg, ast.JoinedStr):
                for value in (v.value for v in arg.values if isinstance(v, ast.FormattedValue)):
                    code = ast.unparse(value)
                    assert code.startswith("html.escape(") or code in {
                        "colour",
                        "summary.colour",
                        "summary.size",
                    }, f"{path.name}: st.html gets {code}"
            else:
                assert ast.unparse(arg) in {"PAGE_CSS"} or ast.unparse(arg).startswith(
                    "legend_html("
                ), f"{path.name}: st.html gets {ast.unparse(arg)}"


# --------------------------------------------------------------------------- hostile uploads

HOSTILE_NAMES = [
    "../../etc/passwd.md",
    "/tmp/x.md",
    "..\\..\\evil.md",
    "new\nline.txt",
    "rtl\u202egnp.md",
    "y" * 300 + ".md",
    ".hidden.md",
    "..",
]
#: Names Streamlit itself refuses before the app runs (a NUL byte could hide the real
#: extension).
REFUSED_NAMES = ["nul\x00byte.md", "evil.md\x00.exe"]


def listing(*roots: Path) -> set[str]:
    found: set[str] = set()
    for root in roots:
        if root.is_dir():
            for path in root.rglob("*"):
                found.add(str(path))
    return found


@pytest.mark.slow
def test_hostile_upload_names_write_nothing_anywhere(
    tmp_path: Path, private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the app's temporary files go to a folder of the test's own, checked strictly below;
    # /tmp itself is shared with other programs, so there only a file the uploads name
    # (a name read as a path: "/tmp/x.md") would be the app's
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    outside = [ROOT, tmp_path, private_tmp]
    named = {Path(n.replace("\\", "/")).name for n in HOSTILE_NAMES} | {"etc", "passwd.md"}
    before_tmp = {p.name for p in Path("/tmp").iterdir()}
    before = {str(p) for root in outside for p in root.iterdir()}
    before_home = listing(private_home)
    passwd = Path("/etc/passwd").stat().st_mtime_ns
    files = [
        (name, f"Gamma grid {i}\nThe gamma grid {i} is a part of the beta bin.\n".encode())
        for i, name in enumerate(HOSTILE_NAMES)
    ]
    at = upload(files)
    assert {m.label: int(m.value) for m in at.metric}["Files"] == len(HOSTILE_NAMES)
    sidebar = "\n".join(m.value for m in at.sidebar.markdown)
    assert "passwd\\.md" in sidebar and "\\.\\./" not in sidebar and "/tmp" not in sidebar
    assert "\u202e" not in sidebar and "\nline" not in sidebar
    assert_inert(at)
    for name in REFUSED_NAMES:
        refused = AppTest.from_file(APP, default_timeout=120).run()
        refused.radio(key="source").set_value("Upload files").run()
        refused.file_uploader[0].set_value([(name, b"Gamma grid\nA grid.\n", "text/plain")])
        refused.run()
        assert "Filename cannot contain null bytes" in refused.exception[0].message
        assert not refused.metric  # nothing was read

    # nothing new beside the repository, the test folder or in /tmp (but the
    # app's own temporary export folders, which are gone again)
    after = {str(p) for root in outside for p in root.iterdir()}
    new = {p for p in after - before if not Path(p).name.startswith(("concept-atlas-", "tmp"))}
    assert new <= {str(tmp_path / "home")}, new
    assert not ({p.name for p in Path("/tmp").iterdir()} - before_tmp) & named
    assert Path("/etc/passwd").stat().st_mtime_ns == passwd
    # in the home folder, only the caches, and no path names a file the user uploaded
    written = listing(private_home) - before_home
    assert all("/.cache/" in p for p in written), written
    for path in written:
        name = Path(path).name
        assert not any(word in name for word in ("passwd", "evil", "hidden", "line", "yyyy"))


def test_upload_names_are_cleaned_before_they_are_cited() -> None:
    names = [note.name for note in view.note_files([], [(n, b"x") for n in HOSTILE_NAMES])]
    assert names[:5] == ["passwd.md", "x.md", "evil.md", "newline.txt", "rtlgnp.md"]
    for name in [*names, *(view.upload_name(n) for n in REFUSED_NAMES)]:
        assert "/" not in name and "\\" not in name and name not in {".", ".."}
        assert not re.search(r"[\x00-\x1f\u202e]", name)
        assert len(name.encode()) <= 255
    assert names[5].endswith(".md") and view.upload_name("..") == "upload"
    # two uploads with one name stay two files
    twice = view.note_files([], [("a/x.md", b"1"), ("b/x.md", b"2")])
    assert [note.name for note in twice] == ["x.md", "x (2).md"]


def test_reading_an_upload_never_opens_its_name() -> None:
    note = view.note_files([], [("../../etc/passwd", b"What is a cell?\nA unit.\n")])[0]
    result = view.read_note(note)
    assert result.source.path == "passwd"
    assert "root:" not in " ".join(card.body for card in result.cards)


# --------------------------------------------------------------------------- sessions


@pytest.mark.slow
def test_two_sessions_never_see_each_others_notes() -> None:
    secret = f"{SECRET}\nA {SECRET.lower()} is a kind of imaginary engine.\n".encode()
    other = b"Beta bin\nA beta bin is a container of gamma grids.\n"
    a = upload([("notes.txt", secret)])
    b = upload([("notes.txt", other)])  # same file name, other content: no cache hit
    assert any(SECRET.lower() in str(o).lower() for o in a.selectbox(key="concept").options)

    for at in (b, AppTest.from_file(APP, default_timeout=120).run()):  # B, and a sample user
        assert not at.exception
        shown = [str(o) for o in at.selectbox(key="concept").options]
        shown += markdown_sources(at)
        shown += [str(df.value.to_dict()) for df in at.dataframe]
        assert not any("zorblax" in text.lower() for text in shown)
        assert "zorblax" not in str(at.session_state.to_dict()).lower()

    # B's exports are made from B's graph: the notes B uploaded, none of A's
    G, _ = graph.build.build_atlas([], [("notes.txt", other)])
    for fmt in ("markdown", "json", "mermaid", "dot", "csv", "obsidian"):
        data = view.download(G, fmt).data
        if data[:2] == b"PK":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                data = b"".join(archive.read(name) for name in archive.namelist())
        assert b"zorblax" not in data.lower() and b"beta bin" in data.lower(), fmt


def test_caches_are_keyed_on_the_file_content() -> None:
    """``st.cache_data`` and ``st.cache_resource`` skip ``_``-parameters when hashing:
    the ones left must include each file's digest (the notes' key of names and
    digests), so equal names with other content never share."""
    source = Path(APP).read_text(encoding="utf-8")
    tree = ast.parse(source)
    cached = {
        f.name: [a.arg for a in f.args.args if not a.arg.startswith("_")]
        for f in ast.walk(tree)
        if isinstance(f, ast.FunctionDef)
        and any(
            "cache_data" in ast.unparse(d) or "cache_resource" in ast.unparse(d)
            for d in f.decorator_list
        )
    }
    assert cached.pop("language_model") == []  # the spaCy pipeline: no notes in it
    assert cached.pop("read_note") == ["name", "digest"]
    assert cached.pop("built_graphs") == []  # a store: graphs are kept by their notes' key
    assert "store[key] = " in source and "view.notes_key(notes)" in source
    for name, arguments in cached.items():  # everything made from a graph: its notes' key
        assert arguments[0] == "key", name
    assert "view.notes_key(notes)" in source
    one = view.note_files([], [("n.txt", b"a")])
    two = view.note_files([], [("n.txt", b"b")])
    other_name = view.note_files([], [("m.txt", b"a")])
    assert one[0].name == two[0].name and one[0].digest != two[0].digest
    assert len({view.notes_key(one), view.notes_key(two), view.notes_key(other_name)}) == 3


# --------------------------------------------------------------------------- the server


def test_config_binds_to_this_machine_caps_uploads_and_sends_nothing() -> None:
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert config["server"]["address"] == "localhost"
    assert config["server"]["maxUploadSize"] == 50  # MB, as the uploader says
    # the readers' own cap on a file (50 MB) is no larger than what the server accepts
    assert 45 * 2**20 < DEFAULT_MAX_BYTES <= config["server"]["maxUploadSize"] * 2**20
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"].get("enableXsrfProtection", True) is True
    assert config["server"].get("enableCORS", True) is True


def test_the_uploader_states_the_limit() -> None:
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.radio(key="source").set_value("Upload files").run()
    helptext = at.file_uploader[0].proto.help
    assert "50 MB" in helptext, helptext


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def listening_addresses(port: int) -> set[str]:
    """The local addresses of the sockets listening on ``port`` (``/proc/net/tcp*``)."""
    found = set()
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            address, hex_port = fields[1].split(":")
            if int(hex_port, 16) == port and fields[3] == "0A":  # LISTEN
                raw = bytes.fromhex(address)
                if width == 8:
                    found.add(socket.inet_ntop(socket.AF_INET, raw[::-1]))
                else:
                    words = b"".join(raw[i : i + 4][::-1] for i in range(0, 16, 4))
                    found.add(socket.inet_ntop(socket.AF_INET6, words))
    return found


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc/net/tcp")
def test_the_server_listens_on_loopback_only(tmp_path: Path) -> None:
    """``streamlit run`` with the project's config (no address given on the command
    line) answers on 127.0.0.1 and listens on no other address."""
    port = free_port()
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env["CONCEPT_ATLAS_CACHE"] = str(tmp_path / "cache" / "concept-atlas")
    command = [sys.executable, "-m", "streamlit", "run", APP, "--server.headless", "true",
               "--server.port", str(port), "--server.fileWatcherType", "none"]  # fmt: skip
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, server.stdout.read() if server.stdout else ""
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/_stcore/health", timeout=2
                ) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "streamlit did not start"
            time.sleep(0.25)
        addresses = listening_addresses(port)
        assert addresses and addresses <= {"127.0.0.1", "::1"}, addresses
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as reply:
            page = reply.read().decode("utf-8", "replace")
        assert "<script" in page  # the app's page, served from this machine
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        output = server.stdout.read() if server.stdout else ""
        if server.stdout:
            server.stdout.close()
    assert "Network URL" not in output and "External URL" not in output, output
