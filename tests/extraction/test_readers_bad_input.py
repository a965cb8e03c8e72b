"""Bad input gets one clear error naming the reason; the other files are still read."""

from __future__ import annotations

import os

import pytest

from extraction.readers import read_bytes, read_file, read_paths
from extraction.readers._base import decode_text

GOOD = (
    "What is dropout?\nRandomly switching off neurons during training.\n"
    "Define epoch\nOne pass over the training set.\n"
    "What is a batch?\nA group of examples.\n"
)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\n\t\n", "empty file"),
        ("image.txt", bytes(range(256)) * 8, "binary file"),
        ("noise.md", os.urandom(4096).replace(b"\x00", b"") + b"\x01\x02\x03" * 400, "binary"),
        ("slides.pptx", b"PK\x03\x04 anything", "unsupported file type '.pptx'"),
        ("notes.xyz", GOOD.encode(), "unsupported file type '.xyz'"),
    ],
    ids=["empty", "blank", "binary", "random-bytes", "pptx", "unknown-extension"],
)
def test_readers_bad_input_one_clear_error(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    result = read_file(path)
    assert result.cards == []
    assert len(result.source.errors) == 1
    assert reason in result.source.errors[0]


def test_readers_file_over_size_limit_is_refused_unread(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(GOOD * 200)
    result = read_file(path, max_bytes=1000)
    assert result.cards == [] and "over the" in result.source.errors[0]
    assert read_file(path).ok  # the default limit reads it


def test_readers_missing_file_is_reported(tmp_path):
    result = read_file(tmp_path / "gone.md")
    assert result.cards == [] and "cannot open" in result.source.errors[0]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig", "latin-1", "cp1252"])
def test_readers_encodings_are_read_correctly(tmp_path, encoding):
    text = "What is a café au lait naïve résumé?\nA coffee with milk, naïvely résumé’d.\n" * 3
    if encoding == "latin-1":
        text = text.replace("’", "'")
    data = text.encode(encoding)
    if encoding == "utf-16-le":  # no BOM
        assert not data.startswith(b"\xff\xfe")
    path = tmp_path / "notes.txt"
    path.write_bytes(data)
    result = read_file(path)
    assert result.ok, result.source.errors
    assert "café au lait naïve résumé" in result.cards[0].title


def test_readers_decode_text_normalises_line_endings():
    assert decode_text(b"a\r\nb\rc\n") == "a\nb\nc\n"


def test_readers_one_bad_file_does_not_stop_the_others(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.apkg").write_bytes(b"not a zip at all")
    (tmp_path / "d.md").write_text("# Topic\n\nSome prose about the topic.\n")
    results = {os.path.basename(r.source.path): r for r in read_paths([tmp_path])}
    assert set(results) == {"a.txt", "b.txt", "c.apkg", "d.md"}
    assert results["a.txt"].ok and results["d.md"].ok
    assert not results["b.txt"].ok and not results["c.apkg"].ok


def test_readers_folder_walk_skips_unsupported_and_hidden_files(tmp_path):
    (tmp_path / "notes.md").write_text("# A\n\ntext\n")
    (tmp_path / "LICENSE").write_text("MIT")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.md").write_text("# B\n\ntext\n")
    paths = [r.source.path for r in read_paths([tmp_path])]
    assert [os.path.basename(p) for p in paths] == ["notes.md"]


def test_readers_read_bytes_names_the_upload():
    result = read_bytes(GOOD.encode(), path="upload.txt")
    assert result.ok and result.cards[0].source == "upload.txt"
    assert len(result.source.sha256) == 64
