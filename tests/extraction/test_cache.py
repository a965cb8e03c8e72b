"""The parse cache and the build memo: reuse, invalidation, crash safety."""

from __future__ import annotations

import shutil

import pytest

from extraction import nlp as nlp_module
from extraction.cache import ParseCache
from extraction.readers import read_paths
from graph.build import build_cached, build_graph, build_key
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
