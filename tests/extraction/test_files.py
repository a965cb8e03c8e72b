"""extraction.files: regular files only, read up to a limit, never waiting on a pipe."""

from __future__ import annotations

import os
import socket

import pytest

from extraction import files


def _fifo(tmp_path):
    path = tmp_path / "pipe.md"
    os.mkfifo(path)
    return path


def _socket(tmp_path):
    path = tmp_path / "s.md"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    sock.close()
    return path


def _link_to_fifo(tmp_path):
    target = _fifo(tmp_path)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    return link


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda tmp: tmp, "a folder"),
        (_fifo, "a named pipe (FIFO)"),
        (_socket, "a socket"),
        (_link_to_fifo, "a named pipe (FIFO)"),
        (lambda tmp: "/dev/null", "a character device"),
    ],
)
def test_files_read_regular_refuses_what_is_not_a_regular_file(tmp_path, make, kind):
    with pytest.raises(files.NotRegularFile) as refused:
        files.read_regular(make(tmp_path), 1000)
    assert refused.value.kind == kind
    assert str(refused.value) == f"not a regular file ({kind})"


def test_files_read_regular_counts_the_limit_in_bytes(tmp_path):
    path = tmp_path / "n.md"
    path.write_bytes("é".encode() * 10)  # 20 bytes, 10 characters
    assert files.read_regular(path, 20) == path.read_bytes()
    with pytest.raises(files.TooLarge) as too_large:
        files.read_regular(path, 19)
    assert (too_large.value.size, too_large.value.limit, too_large.value.grew) == (20, 19, False)


def test_files_read_regular_reads_an_empty_file_and_a_large_one(tmp_path):
    empty, large = tmp_path / "e.md", tmp_path / "l.md"
    empty.write_bytes(b"")
    large.write_bytes(b"x" * (3 << 16))
    assert files.read_regular(empty, 10) == b""
    assert files.read_regular(large, 3 << 16) == b"x" * (3 << 16)


def test_files_open_regular_missing_file_is_an_os_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        files.open_regular(tmp_path / "none.md")
