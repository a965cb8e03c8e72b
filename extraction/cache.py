"""Parsed notes cached per file, so that rebuilding unchanged notes skips spaCy.

Parsing is most of a build's time. Each file's segments (see
:func:`extraction.concepts.segments_of`) are parsed together and stored as one spaCy
``DocBin`` under a key made of the segment texts themselves (not the file's bytes), the
pipeline name and version, and :data:`CACHE_VERSION`: a changed file, or the same file
cut into segments differently by newer readers, has a new key and is parsed again.
Entries are written atomically (a temporary file, then ``os.replace``) and checked
when read: a corrupt or half-written entry is deleted and parsed again.

A cache is never a reason for a build to fail: when its folder cannot be used (it is a
file, it cannot be read or written, the disk is full), the cache says so once, through
its ``warn`` callback, and the build goes on without it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_cache_dir

from extraction import nlp as nlp_module

if TYPE_CHECKING:  # spaCy is imported by the first ParseCache, not before (fast start)
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

#: Bump when what is stored changes shape.
CACHE_VERSION = 1

#: Largest entry read (a parse is a few times its note file, and notes are capped).
MAX_ENTRY_BYTES = 1024 * 2**20


def unusable(folder: Path, exc: OSError) -> str:
    """The warning for a cache folder that cannot be used: it names the folder, the part
    of it in the way (if not the folder itself) and the reason.

    >>> unusable(Path("/tmp/c"), NotADirectoryError(20, "Not a directory", "/tmp/c/v1/x"))
    'the cache folder /tmp/c cannot be used (v1: Not a directory); building without it'
    >>> unusable(Path("/tmp/c"), OSError(28, "No space left on device"))
    'the cache folder /tmp/c cannot be used (No space left on device); building without it'
    """
    part = ""
    if isinstance(exc.filename, str) and Path(exc.filename).is_relative_to(folder):
        inside = Path(exc.filename).relative_to(folder).parts
        part = f"{inside[0]}: " if inside else ""
    return (
        f"the cache folder {folder} cannot be used ({part}{exc.strerror or exc}); "
        "building without it"
    )


def default_cache_dir() -> Path:
    """``$CONCEPT_ATLAS_CACHE``, else the user's cache folder for Concept Atlas."""
    configured = os.environ.get("CONCEPT_ATLAS_CACHE")
    return Path(configured) if configured else Path(user_cache_dir("concept-atlas"))


class ParseCache:
    """Parsed text of note files, one entry per file's content.

    Parameters
    ----------
    folder : path-like
        Where entries live (created on first write).
    nlp : spacy.language.Language
        The pipeline whose parses are stored; its name and version are part of the key.
    warn : callable, optional
        Told once, in one line, when the folder cannot be used (default: a logged
        warning); the cache then neither reads nor writes, and every file is parsed.

    Examples
    --------
    >>> import tempfile
    >>> cache = ParseCache(tempfile.mkdtemp(), nlp_module.load())
    >>> [d.text for d in cache.parse(["A tensor is an array."])]
    ['A tensor is an array.']
    >>> cache.hits, cache.misses
    (0, 1)
    >>> _ = cache.parse(["A tensor is an array."]); cache.hits
    1
    """

    def __init__(
        self,
        folder: str | os.PathLike[str],
        nlp: Language,
        *,
        warn: Callable[[str], object] | None = None,
    ) -> None:
        import spacy

        self.nlp = nlp
        name = f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'model')}"
        version = nlp.meta.get("version", "0")
        self.root = Path(folder)
        self.folder = self.root / f"{name}-{version}-spacy{spacy.__version__}-v{CACHE_VERSION}"
        self.hits = 0
        self.misses = 0
        self.warn = warn or log.warning
        #: Why the folder cannot be used (None while it can).
        self.problem: str | None = None

    def _give_up(self, exc: OSError) -> None:
        """Stop using the folder, and say why (once)."""
        if self.problem is None:
            self.problem = unusable(self.root, exc)
            self.warn(self.problem)

    def key(self, texts: Sequence[str]) -> str:
        digest = hashlib.sha256()
        for text in texts:
            digest.update(text.encode("utf-8", "surrogatepass"))
            digest.update(b"\x00")
        return digest.hexdigest()

    def path(self, texts: Sequence[str]) -> Path:
        return self.folder / f"{self.key(texts)}.spacy"

    def _read(self, path: Path) -> bytes | None:
        """The bytes of the entry at ``path``; None when there is none, or when it is not
        a regular file (a pipe is never waited on) or too large (it is replaced)."""
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except (FileNotFoundError, IsADirectoryError):
            return None
        except OSError as exc:  # not a folder, not readable, a loop of links ...
            self._give_up(exc)
            return None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
                return None
            with os.fdopen(os.dup(fd), "rb") as f:
                return f.read()
        except OSError as exc:
            self._give_up(exc)
            return None
        finally:
            os.close(fd)

    def _remove(self, path: Path) -> None:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            self._give_up(exc)

    def load(self, texts: Sequence[str]) -> list[Doc] | None:
        """The cached parses of ``texts``, with the entry's bytes (:class:`extraction.nlp.Packed`),
        or None (absent, corrupt, stale or not written as :func:`extraction.nlp.pack`
        writes: removed)."""
        if self.problem is not None:
            return None
        path = self.path(texts)
        data = self._read(path)
        if data is None:
            return None
        from spacy.tokens import DocBin

        try:  # read as DocBin.from_bytes reads it, without its cost per document
            docbin = nlp_module.read_docbin(data, vocab=self.nlp.vocab)
            docs = nlp_module.docs_of(docbin, self.nlp.vocab)
        except Exception as exc:  # a truncated or garbled entry: parse again
            log.info("cache entry %s is unreadable (%s); parsing again", path.name, exc)
            self._remove(path)
            return None
        if len(docs) != len(texts) or any(d.text != t for d, t in zip(docs, texts, strict=True)):
            log.info("cache entry %s does not match its text; parsing again", path.name)
            self._remove(path)
            return None
        if docbin.attrs != DocBin().attrs or any(u is not None for u in docbin.user_data):
            # the build keeps the entry's bytes as they are (nlp.Packed): only what
            # nlp.pack writes (its attributes, no user data) is taken
            log.info("cache entry %s was not written by this cache; parsing again", path.name)
            self._remove(path)
            return None
        return nlp_module.Packed(docs, data)

    def store(self, texts: Sequence[str], docs: Sequence[Doc]) -> None:
        """Write the parses of ``texts`` atomically; a failure to write is said once (the
        cache is then left alone) and never raised."""
        if self.problem is not None:
            return
        self.store_packed(texts, [nlp_module.pack(docs)])

    def store_packed(self, texts: Sequence[str], parts: Sequence[bytes]) -> None:
        """:meth:`store` for parses of ``texts`` already packed (:func:`extraction.nlp.pack`),
        in one or more consecutive parts: one is written as it is, several as one entry."""
        if self.problem is not None:
            return
        if len(parts) == 1:
            data = parts[0]
        else:
            from spacy.tokens import DocBin

            whole = DocBin(store_user_data=False)
            for part in parts:
                whole.merge(DocBin().from_bytes(part))
            data = whole.to_bytes()
        path = self.path(texts)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".spacy")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:  # a file in the way, read-only, the disk full ...
            self._give_up(exc)

    def parse(self, texts: Sequence[str]) -> list[Doc]:
        """Parses of one file's ``texts``: from the cache, else parsed and stored; with
        their packed bytes (:class:`extraction.nlp.Packed`), which a build keeps."""
        docs = self.load(texts)
        if docs is not None:
            self.hits += 1
            return docs
        self.misses += 1
        docs = list(nlp_module.pipe(texts, nlp=self.nlp))
        data = nlp_module.pack(docs)  # once, for the entry and for the build (nlp.Packed)
        self.store_packed(texts, [data])
        return nlp_module.Packed(docs, data)

    def _entry_exists(self, texts: Sequence[str]) -> bool:
        """Whether ``texts`` have an entry to read (it is checked when read)."""
        if self.problem is not None:
            return False
        try:
            return self.path(texts).is_file()
        except OSError:
            return False

    def parse_chunks(
        self, chunks: Sequence[Sequence[str]]
    ) -> Iterator[tuple[list[Doc] | bytes, int]]:
        """The parses of each chunk of texts, in order, as :meth:`parse` gives them; the
        chunks not in the cache are parsed as one build's text: by worker processes when
        they hold enough of it (:func:`extraction.nlp.parallel_workers`, as for a build
        without the cache) and stored as they come back, else here, one by one. A cached
        chunk is read here.

        Each item is a list of documents with 0 (:class:`extraction.nlp.Packed`: with the
        bytes of their entry, which the build keeps), or documents packed by worker
        processes (:func:`extraction.nlp.pack`, one chunk possibly in several parts, cut
        by :func:`extraction.nlp.parallel_chunks`) with their number.

        >>> import tempfile
        >>> cache = ParseCache(tempfile.mkdtemp(), nlp_module.load())
        >>> _ = cache.parse(["A tensor is an array."])
        >>> [len(docs) for docs, _ in cache.parse_chunks([["A tensor is an array."], ["B."]])]
        [1, 1]
        >>> cache.hits, cache.misses
        (1, 2)
        """
        missing = [k for k, chunk in enumerate(chunks) if not self._entry_exists(chunk)]
        workers = nlp_module.parallel_workers([t for k in missing for t in chunks[k]])
        if not workers:  # little to parse: no process to start
            for chunk in chunks:
                yield self.parse(chunk), 0
            return
        parts = {k: nlp_module.parallel_chunks([chunks[k]]) for k in missing}
        packed = nlp_module.parse_packed(
            [part for k in missing for part in parts[k]], workers=workers, nlp=self.nlp
        )
        try:
            for k, chunk in enumerate(chunks):
                if k not in parts:  # cached when looked up (if spoiled since, parsed here)
                    yield self.parse(chunk), 0
                    continue
                self.misses += 1
                done = []
                for _ in parts[k]:
                    data, count = next(packed)
                    done.append(data)
                    yield data, count
                self.store_packed(chunk, done)
        finally:
            packed.close()
