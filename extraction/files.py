"""Regular files only: opened without ever waiting on a pipe, read up to a limit.

One helper for every place that reads a file a user or another program may have put
there (the note readers, the parse cache, graph files). A named pipe, socket, device
or folder, or a link to one, is refused before it is opened and again after (a file
swapped in between is refused too); the size is counted on the bytes read, not taken
from ``stat``. Each caller turns :class:`NotRegularFile` and :class:`TooLarge` into its
own message; nothing here imports more than the standard library.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> (folder / "n.md").write_bytes(b"# RNN")
5
>>> read_regular(folder / "n.md", 100)
b'# RNN'
>>> read_regular(folder, 100)
Traceback (most recent call last):
...
extraction.files.NotRegularFile: not a regular file (a folder)
>>> read_regular(folder / "n.md", 3)
Traceback (most recent call last):
...
extraction.files.TooLarge: 5 bytes, over the limit of 3
"""

from __future__ import annotations

import os
import stat

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)

#: Flags of every open: never block on a pipe or device, never become a terminal's
#: controlling process, never leak to a child process.
OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


def kind(mode: int) -> str:
    """What a file of ``mode`` is, for a message.

    >>> kind(stat.S_IFIFO), kind(stat.S_IFREG)
    ('a named pipe (FIFO)', 'not a regular file')
    """
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


class NotRegularFile(ValueError):
    """The path is a folder, pipe, socket or device (or a link to one)."""

    def __init__(self, mode: int) -> None:
        self.mode = mode
        self.kind = kind(mode)
        super().__init__(f"not a regular file ({self.kind})")

    @property
    def is_folder(self) -> bool:
        return stat.S_ISDIR(self.mode)


class TooLarge(ValueError):
    """More bytes than the limit (``grew``: the file grew while it was read)."""

    def __init__(self, size: int, limit: int, *, grew: bool = False) -> None:
        self.size, self.limit, self.grew = size, limit, grew
        what = "it grew while read" if grew else f"{size} bytes"
        super().__init__(f"{what}, over the limit of {limit}")


def open_regular(path: str | os.PathLike[str]) -> int:
    """A descriptor of the regular file ``path``, opened for reading without blocking.

    Raises
    ------
    NotRegularFile
        ``path`` is not a regular file (checked before and after it is opened).
    OSError
        It cannot be opened (missing, permission denied, a loop of links).
    """
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise NotRegularFile(mode)
    fd = os.open(path, OPEN_FLAGS)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(mode)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_regular(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``max_bytes``.

    At most ``max_bytes + 1`` bytes are read, whatever ``stat`` says of its size.

    Raises
    ------
    NotRegularFile
        See :func:`open_regular`.
    TooLarge
        Over ``max_bytes`` (by its size, or by what was read).
    OSError
        It cannot be opened or read.
    """
    limit = max(0, int(max_bytes))
    fd = open_regular(path)
    try:
        size = os.fstat(fd).st_size
        if size > limit:
            raise TooLarge(size, limit)
        parts: list[bytes] = []
        total = 0
        step = size + 1  # the whole file in one read, and one byte to see the end
        while total <= limit:
            chunk = os.read(fd, min(max(step, 1 << 16), limit + 1 - total))
            if not chunk:
                break
            parts.append(chunk)
            total += len(chunk)
    finally:
        os.close(fd)
    if total > limit:
        raise TooLarge(total, limit, grew=True)
    return parts[0] if len(parts) == 1 else b"".join(parts)
