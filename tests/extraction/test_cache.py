"""The parse cache and the build memo: reuse, invalidation, crash safety."""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
from dataclasses import asdict
from pathlib import Path

import pytest
from spacy.tokens import DocBin

from extraction import cache as cache_module
from extraction import nlp as nlp_module
from extraction.cache import ParseCache
from extraction.readers import read_paths
from graph import io as graph_io
from graph import schema
from graph.__main__ import main
from graph.build import build_cached, build_graph, build_key
from graph.io import read_graph
from tests.conftest import DATA


@pytest.fixture
def notes(tmp_path):
    folder = tmp_path / "notes"
    shutil.copytree(DATA, folder)
    return folder


def _parse_cache(tmp_path):
    return ParseCache(tmp_path / "cache", nlp_module.load())


def test_cache_unchanged_files_are_not_parsed_again(notes, tmp_path):
    results = read_paths([notes])
    first = _parse_cache(tmp_path)
    G1 = build_graph(results, cache=first)
    assert (first.hits, first.misses) == (0, len(results))
    second = _parse_cache(tmp_path)
    G2 = build_graph(read_paths([notes]), cache=second)
    assert (second.hits, second.misses) == (len(results), 0)
    assert sorted(G1.nodes) == sorted(G2.nodes)
    assert sorted(G1.edges) == sorted(G2.edges)


def test_cache_a_changed_file_is_parsed_again_alone(notes, tmp_path):
    build_graph(read_paths([notes]), cache=_parse_cache(tmp_path))
    changed = notes / "sequence-models-qa.txt"
    changed.write_text(changed.read_text() + "What is a tensor?\nAn array of numbers.\n")
    cache = _parse_cache(tmp_path)
    G = build_graph(read_paths([notes]), cache=cache)
    assert (cache.hits, cache.misses) == (len(list(notes.iterdir())) - 1, 1)
    assert "tensor" in G


@pytest.mark.parametrize("damage", ["truncate", "garbage", "empty"])
def test_cache_corrupt_entry_is_detected_and_rebuilt(notes, tmp_path, damage):
    results = read_paths([notes])
    expected = build_graph(results, cache=_parse_cache(tmp_path))
    entries = sorted((tmp_path / "cache").rglob("*.spacy"))
    assert entries
    victim = entries[0]
    data = victim.read_bytes()
    victim.write_bytes(
        {"truncate": data[: len(data) // 2], "garbage": b"\x00garbage" * 10, "empty": b""}[damage]
    )
    cache = _parse_cache(tmp_path)
    G = build_graph(read_paths([notes]), cache=cache)
    assert cache.misses == 1 and cache.hits == len(entries) - 1
    assert sorted(G.nodes) == sorted(expected.nodes)
    assert victim.read_bytes() != b"" and ParseCache(tmp_path / "cache", cache.nlp).hits == 0


def test_cache_leftover_temporary_files_are_ignored(notes, tmp_path):
    """A process killed mid-write leaves only a temporary file, never a bad entry."""
    build_graph(read_paths([notes]), cache=_parse_cache(tmp_path))
    folder = next((tmp_path / "cache").iterdir())
    (folder / ".tmp-killed.spacy").write_bytes(b"half written")
    cache = _parse_cache(tmp_path)
    build_graph(read_paths([notes]), cache=cache)
    assert cache.misses == 0


def test_cache_build_memo_reuses_the_finished_graph(notes, tmp_path):
    results = read_paths([notes])
    G1 = build_cached(results, cache_dir=tmp_path / "c")
    memo = tmp_path / "c" / "graphs" / f"{build_key(results)}.json"
    assert memo.exists()
    G2 = build_cached(read_paths([notes]), cache_dir=tmp_path / "c")
    assert sorted(G1.nodes(data="label")) == sorted(G2.nodes(data="label"))
    memo.write_text('{"graph": {"schema": "concept-graph/1"')  # half-written
    G3 = build_cached(read_paths([notes]), cache_dir=tmp_path / "c")
    assert sorted(G3.nodes) == sorted(G1.nodes)


def test_cache_build_key_changes_with_the_fitted_weights(notes, monkeypatch):
    """A refit changes no module but the weights the build reads: a memo built with the
    older weights is not reused."""
    from pathlib import Path

    import graph.build as build_module

    before = build_key(read_paths([notes]))
    weights = [p for p in build_module.code_files() if p.suffix == ".json"]
    assert any(p.name == "selector.json" for p in weights)
    real_read = Path.read_bytes

    def refit(path: Path) -> bytes:
        data = real_read(path)
        return data + b" " if path.name == "selector.json" else data

    monkeypatch.setattr(Path, "read_bytes", refit)
    assert build_key(read_paths([notes])) != before


def test_cache_build_key_changes_with_content(notes):
    before = build_key(read_paths([notes]))
    (notes / "extra.md").write_text("# Tensors\n\nA tensor is an array.\n")
    assert build_key(read_paths([notes])) != before


def test_cache_same_file_read_into_other_segments_is_a_miss(tmp_path):
    """The key is made of the segment texts: when readers cut the same file differently
    (wrapped lines joined), the older parse is never returned."""
    cache = _parse_cache(tmp_path)
    cache.parse(["What is dropout?", "It switches off", "random units."])
    docs = cache.parse(["What is dropout?", "It switches off random units."])
    assert (cache.hits, cache.misses) == (0, 2)
    assert [d.text for d in docs] == ["What is dropout?", "It switches off random units."]


# An unusable cache: one warning, and the build goes on without it (issue 16, class 5).


@pytest.fixture(scope="module")
def expected_nodes():
    return sorted(build_graph(read_paths([DATA])).nodes)


def _memo(cache, results):
    return cache / "graphs" / f"{build_key(results)}.json"


def _parse_folder(cache):
    return ParseCache(cache, nlp_module.load()).folder


#: What stands where the cache expects a folder or a file of its own.
SPOILERS = {
    "cache folder is a file": lambda cache, results: cache.write_text("a file"),
    "graphs folder is a file": lambda cache, results: (
        cache.mkdir(),
        (cache / "graphs").write_text("a file"),
    ),
    "parse folder is a file": lambda cache, results: (
        _parse_folder(cache).parent.mkdir(),
        _parse_folder(cache).write_text("a file"),
    ),
    "memo is a folder": lambda cache, results: (_memo(cache, results) / "x").mkdir(parents=True),
    "cache folder is a dangling link": lambda cache, results: cache.symlink_to(cache / "nowhere"),
}


@pytest.mark.parametrize("spoil", SPOILERS.values(), ids=SPOILERS.keys())
def test_cache_unusable_cache_is_one_warning_and_the_build_goes_on(
    tmp_path, caplog, expected_nodes, spoil
):
    """``--cache <a file>`` crashed the build (NotADirectoryError from the memo)."""
    results = read_paths([DATA])
    cache = tmp_path / "cache"
    spoil(cache, results)
    with caplog.at_level(logging.WARNING):
        G = build_cached(results, cache_dir=cache)
    assert sorted(G.nodes) == expected_nodes
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(f"the cache folder {cache} cannot be used (")
    assert warnings[0].endswith("building without it")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_cache_read_only_cache_is_one_warning(tmp_path, expected_nodes):
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(0o500)
    said = []
    try:
        G = build_cached(read_paths([DATA]), cache_dir=cache, warn=said.append)
    finally:
        cache.chmod(0o700)
    assert sorted(G.nodes) == expected_nodes and len(said) == 1
    assert "Permission denied" in said[0]


def _full_disk(monkeypatch):
    """Every graph file written from now on meets a full disk (/dev/full)."""
    real = graph_io._new_temporary

    def to_dev_full(path):
        tmp = real(path)
        tmp.unlink()
        tmp.symlink_to("/dev/full")
        return tmp

    monkeypatch.setattr(graph_io, "_new_temporary", to_dev_full)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_cache_full_disk_while_writing_the_memo_is_one_warning(
    tmp_path, monkeypatch, expected_nodes
):
    results = read_paths([DATA])
    cache = tmp_path / "cache"
    _full_disk(monkeypatch)
    said = []
    G = build_cached(results, cache_dir=cache, warn=said.append)
    assert sorted(G.nodes) == expected_nodes
    assert said == [f"the cache folder {cache} cannot be used (No space left on device); "
                    "building without it"]  # fmt: skip
    assert sorted(p.name for p in (cache / "graphs").iterdir()) == []  # no half memo, no temp


def test_cache_warn_is_told_once_per_build(tmp_path, expected_nodes):
    cache = tmp_path / "cache"
    cache.write_text("a file")
    said = []
    G = build_cached(read_paths([DATA]), cache_dir=cache, warn=said.append)
    assert sorted(G.nodes) == expected_nodes and len(said) == 1
    assert cache.read_text() == "a file"  # left as it was


def test_cache_cli_build_with_a_file_for_cache_writes_the_graph(tmp_path, capsys):
    (tmp_path / "cache").write_text("a file")
    out = tmp_path / "g.json"
    code = main(["build", str(DATA), "--out", str(out), "--cache", str(tmp_path / "cache")])
    assert code == 0 and read_graph(out).number_of_nodes() > 5
    said = capsys.readouterr().err.splitlines()
    assert [line.startswith("warning: the cache folder") for line in said].count(True) == 1


# A memo is never trusted: checked like any graph file, and against the notes.


def test_cache_memo_with_a_wrong_type_is_built_again(tmp_path):
    """A hand-edited memo ("importance": "high") was returned as it was, and broke the
    commands that read the graph later."""
    results = read_paths([DATA])
    cache = tmp_path / "cache"
    build_cached(results, cache_dir=cache)
    memo = _memo(cache, results)
    data = json.loads(memo.read_text(encoding="utf-8"))
    data["nodes"][0]["importance"] = "high"
    memo.write_text(json.dumps(data), encoding="utf-8")
    G = build_cached(read_paths([DATA]), cache_dir=cache)
    assert all(isinstance(i, float) for _, i in G.nodes(data="importance"))
    assert schema.problems(json.loads(memo.read_text(encoding="utf-8"))) == []  # replaced


def test_cache_memo_of_other_notes_is_not_used(notes, tmp_path):
    """A memo under this build's key but holding another graph (copied in, or planted)
    is built again: the memo's sources must be these notes."""
    cache = tmp_path / "cache"
    other = build_cached(read_paths([notes / "sequence-models-qa.txt"]), cache_dir=cache)
    results = read_paths([notes])
    memo = _memo(cache, results)
    memo.parent.mkdir(parents=True, exist_ok=True)
    graph_io.write_graph(other, memo)
    G = build_cached(results, cache_dir=cache)
    assert G.number_of_nodes() > other.number_of_nodes()
    assert G.graph["sources"] == [asdict(r.source) for r in results]


@pytest.mark.parametrize("kind", ["symlink", "fifo", "garbage"])
def test_cache_memo_that_is_not_a_graph_file_is_replaced(tmp_path, kind, expected_nodes):
    results = read_paths([DATA])
    cache = tmp_path / "cache"
    memo = _memo(cache, results)
    memo.parent.mkdir(parents=True)
    elsewhere = tmp_path / "mine.txt"
    elsewhere.write_text("my file")
    if kind == "symlink":
        memo.symlink_to(elsewhere)
    elif kind == "fifo":
        os.mkfifo(memo)
    else:
        memo.write_bytes(b"\x00garbage")
    said = []
    G = build_cached(results, cache_dir=cache, warn=said.append)
    assert sorted(G.nodes) == expected_nodes and said == []
    assert memo.is_file() and not memo.is_symlink() and elsewhere.read_text() == "my file"


# The parse cache never raises, says once, and never waits on a pipe.


def test_cache_parse_cache_in_a_file_warns_once_for_many_files(tmp_path):
    (tmp_path / "cache").write_text("a file")
    said = []
    cache = ParseCache(tmp_path / "cache", nlp_module.load(), warn=said.append)
    for text in ("A tensor is an array.", "A scalar is a number.", "A vector is a list."):
        assert [d.text for d in cache.parse([text])] == [text]
    assert len(said) == 1 and said[0].startswith(f"the cache folder {tmp_path / 'cache'}")
    assert cache.problem == said[0] and cache.misses == 3


def test_cache_parse_cache_default_warning_is_logged_once(tmp_path, caplog):
    (tmp_path / "cache").write_text("a file")
    cache = ParseCache(tmp_path / "cache", nlp_module.load())
    with caplog.at_level(logging.WARNING, logger="extraction.cache"):
        for text in ("A tensor is an array.", "A scalar is a number."):
            cache.parse([text])
    assert len(caplog.records) == 1


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_cache_parse_cache_on_a_full_disk_warns_and_leaves_no_entry(tmp_path, monkeypatch):
    def full_mkstemp(dir, prefix, suffix):
        return os.open("/dev/full", os.O_WRONLY), str(Path(dir) / f"{prefix}x{suffix}")

    monkeypatch.setattr(cache_module.tempfile, "mkstemp", full_mkstemp)
    said = []
    cache = ParseCache(tmp_path / "cache", nlp_module.load(), warn=said.append)
    assert [d.text for d in cache.parse(["A tensor is an array."])] == ["A tensor is an array."]
    assert len(said) == 1 and "No space left on device" in said[0]
    assert not list(cache.folder.iterdir())


@pytest.fixture
def guard():
    """Fail, not hang, if a test blocks (a pipe read before the fix)."""

    def timeout(signum, frame):
        raise TimeoutError("blocked for 60 s")

    old = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


@pytest.mark.parametrize("kind", ["fifo", "folder", "link to a device"])
def test_cache_parse_cache_entry_that_is_not_a_file_is_not_read(tmp_path, guard, kind):
    """A pipe where an entry should be blocked the build forever."""
    cache = ParseCache(tmp_path / "cache", nlp_module.load(), warn=lambda m: None)
    texts = ["A tensor is an array."]
    entry = cache.path(texts)
    entry.parent.mkdir(parents=True)
    if kind == "fifo":
        os.mkfifo(entry)
    elif kind == "folder":
        (entry / "x").mkdir(parents=True)
    else:
        entry.symlink_to("/dev/zero")
    assert [d.text for d in cache.parse(texts)] == texts
    assert cache.misses == 1


# A cached build parses what the cache does not hold as a build without the cache would:
# by worker processes when it is much text (issue 16, class 9).


def _docs(docs):
    return [[(t.text, t.tag_, t.dep_, t.head.i) for t in d] for d in docs]


def _read(items, vocab):
    """The documents of :meth:`ParseCache.parse_chunks`'s items, in order."""
    return [
        d
        for docs, _ in items
        for d in (nlp_module.unpack(docs, vocab) if isinstance(docs, bytes) else docs)
    ]


#: Three chunks of one build: the first about enzymes, then osmosis, then plate tectonics.
CHUNKS = [
    ["Enzymes lower the activation energy.", "A substrate binds to the active site."],
    ["Osmosis moves water across a membrane.", "It needs no energy."],
    ["Plates move over the mantle.", "Ridges form where plates part.", "Trenches too."],
]


@pytest.mark.parametrize(
    "cached,started",
    [
        ((), True),  # nothing cached: the whole text is enough for workers
        ((0,), True),  # one chunk cached: the other two still are
        ((0, 1), False),  # one chunk left: too little text to start processes for
        ((0, 1, 2), False),  # all cached: nothing to parse
    ],
)
def test_cache_misses_are_parsed_by_workers_when_they_are_much_text(
    tmp_path, monkeypatch, cached, started
):
    monkeypatch.setattr(nlp_module, "PARALLEL_MIN_CHARS", 125)  # about two chunks' text
    monkeypatch.setattr(nlp_module.os, "sched_getaffinity", lambda _: {0, 1})
    monkeypatch.setattr("threading.active_count", lambda: 1)
    sent = []
    real = nlp_module.parse_packed
    monkeypatch.setattr(nlp_module, "parse_packed", lambda c, **kw: sent.append(c) or real(c, **kw))
    cache = _parse_cache(tmp_path)
    for k in cached:
        cache.parse(CHUNKS[k])
    cache = _parse_cache(tmp_path)
    items = list(cache.parse_chunks(CHUNKS))
    want = [d for chunk in CHUNKS for d in nlp_module.pipe(chunk)]
    assert _docs(_read(items, cache.nlp.vocab)) == _docs(want)
    assert (cache.hits, cache.misses) == (len(cached), len(CHUNKS) - len(cached))
    missing = [chunk for k, chunk in enumerate(CHUNKS) if k not in cached]
    assert sent == ([missing] if started else [])
    again = _parse_cache(tmp_path)  # every chunk parsed was stored
    assert _docs(_read(again.parse_chunks(CHUNKS), again.nlp.vocab)) == _docs(want)
    assert (again.hits, again.misses) == (len(CHUNKS), 0)


def test_cache_chunk_parsed_in_parts_is_stored_as_one_entry(tmp_path, monkeypatch):
    """A long chunk is shared by the workers in parts; its entry holds the whole chunk."""
    monkeypatch.setattr(nlp_module, "BATCH_SIZE", 1)  # each text its own batch
    monkeypatch.setattr(nlp_module, "PARALLEL_CHUNK_CHARS", 40)  # about a text a part
    monkeypatch.setattr(nlp_module, "parallel_workers", lambda texts: 2)
    cache = _parse_cache(tmp_path)
    counts = [count for _, count in cache.parse_chunks(CHUNKS[2:])]
    assert counts == [1, 1, 1]
    docs = _parse_cache(tmp_path).load(CHUNKS[2])
    assert docs is not None and _docs(docs) == _docs(nlp_module.pipe(CHUNKS[2]))


def test_cache_build_with_workers_finds_what_one_process_finds(notes, tmp_path, monkeypatch):
    """The graph of a cached build whose misses went to worker processes is the graph of
    a build in one process, and of the next build, from the cache."""
    alone = graph_io.graph_to_data(build_graph(read_paths([notes])))
    monkeypatch.setattr(nlp_module, "parallel_workers", lambda texts: 2)
    sent = []
    real = nlp_module.parse_packed
    monkeypatch.setattr(nlp_module, "parse_packed", lambda c, **kw: sent.append(c) or real(c, **kw))
    first = _parse_cache(tmp_path)
    assert graph_io.graph_to_data(build_graph(read_paths([notes]), cache=first)) == alone
    assert sent and first.misses == len(read_paths([notes]))
    second = _parse_cache(tmp_path)
    assert graph_io.graph_to_data(build_graph(read_paths([notes]), cache=second)) == alone
    assert second.hits == first.misses and second.misses == 0


# A parse read from the cache is kept as its entry's bytes, never unpacked and packed
# again for the later passes (issue 16, class 9).


@pytest.mark.parametrize("full", [False, True], ids=["new cache", "full cache"])
def test_cache_build_packs_each_parse_once(notes, tmp_path, monkeypatch, full):
    """A miss is packed once, for its entry and for the build; a hit not at all."""
    alone = graph_io.graph_to_data(build_graph(read_paths([notes])))
    if full:
        build_graph(read_paths([notes]), cache=_parse_cache(tmp_path))
    packed = []
    real = nlp_module.pack
    monkeypatch.setattr(nlp_module, "pack", lambda docs: packed.append(len(docs)) or real(docs))
    cache = _parse_cache(tmp_path)
    assert graph_io.graph_to_data(build_graph(read_paths([notes]), cache=cache)) == alone
    assert cache.misses == (0 if full else len(read_paths([notes])))
    assert len(packed) == cache.misses


#: Entries for the right texts, not written as the cache writes them.
FOREIGN = {
    "other attributes": lambda docs: DocBin(attrs=["ORTH", "SPACY"], docs=docs).to_bytes(),
    "user data": lambda docs: DocBin(docs=docs, store_user_data=True).to_bytes(),
}


@pytest.mark.parametrize("write", FOREIGN.values(), ids=FOREIGN.keys())
def test_cache_entry_not_written_as_the_cache_writes_is_parsed_again(tmp_path, caplog, write):
    """The build keeps a hit's bytes as they are: only an entry in the cache's own shape
    is taken; another is a miss, said in the log, and replaced."""
    texts = ["Enzymes lower the activation energy.", "A substrate binds to the active site."]
    docs = list(nlp_module.pipe(texts))
    cache = _parse_cache(tmp_path)
    cache.path(texts).parent.mkdir(parents=True)
    cache.path(texts).write_bytes(write(docs))
    with caplog.at_level(logging.INFO, logger="extraction.cache"):
        again = cache.parse(texts)
    assert (cache.hits, cache.misses) == (0, 1)
    assert "not written by this cache" in caplog.text
    assert _docs(again) == _docs(docs)
    assert _parse_cache(tmp_path).load(texts).data == nlp_module.pack(docs)


@pytest.mark.parametrize(
    "texts",
    [
        ["Osmosis moves water across a membrane."],
        ["Plates drift.", "", "Subduction zones form trenches. Volcanoes follow."],
    ],
)
def test_cache_hit_is_read_without_cutting_the_token_table_per_document(
    tmp_path, monkeypatch, texts
):
    """A hit is read as spaCy's ``DocBin.from_bytes`` reads it (the same documents), by
    slicing each document's rows (:func:`extraction.nlp.read_docbin`), not by
    ``numpy.split`` of the whole table."""
    from thinc.api import NumpyOps

    first = _parse_cache(tmp_path)
    docs = first.parse(texts)
    entry = DocBin().from_bytes(first.path(texts).read_bytes())
    expected = [d.to_bytes() for d in entry.get_docs(first.nlp.vocab)]
    split: list[int] = []
    monkeypatch.setattr(NumpyOps, "unflatten", lambda *args, **kwargs: split.append(1))
    cache = _parse_cache(tmp_path)
    again = cache.parse(texts)
    assert (cache.hits, cache.misses) == (1, 0) and not split
    assert [d.to_bytes() for d in again] == expected and _docs(again) == _docs(docs)
