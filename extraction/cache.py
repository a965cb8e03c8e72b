"""Parsed notes cached per file, so that rebuilding unchanged notes skips spaCy.

Parsing is most of a build's time. Each file's segments (see
:func:`extraction.concepts.segments_of`) are parsed together and stored as one spaCy
``DocBin`` under a key made of the segment texts themselves (not the file's bytes), the
pipeline name and version, and :data:`CACHE_VERSION`: a changed file, or the same file
cut into segments differently by newer readers, has a new key and is parsed again.
Entries are written atomically (a temporary file, then ``os.replace``) and checked
when read: a corrupt or half-written entry is deleted and parsed again.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Sequence
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

    def __init__(self, folder: str | os.PathLike[str], nlp: Language) -> None:
        import spacy

        self.nlp = nlp
        name = f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'model')}"
        version = nlp.meta.get("version", "0")
        self.folder = Path(folder) / f"{name}-{version}-spacy{spacy.__version__}-v{CACHE_VERSION}"
        self.hits = 0
        self.misses = 0

    def key(self, texts: Sequence[str]) -> str:
        digest = hashlib.sha256()
        for text in texts:
            digest.update(text.encode("utf-8", "surrogatepass"))
            digest.update(b"\x00")
        return digest.hexdigest()

    def path(self, texts: Sequence[str]) -> Path:
        return self.folder / f"{self.key(texts)}.spacy"

    def load(self, texts: Sequence[str]) -> list[Doc] | None:
        """The cached parses of ``texts``, or None (absent, corrupt or stale: removed)."""
        path = self.path(texts)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        from spacy.tokens import DocBin

        try:
            docs = list(DocBin().from_bytes(data).get_docs(self.nlp.vocab))
        except Exception as exc:  # a truncated or garbled entry: parse again
            log.warning("cache entry %s is unreadable (%s); parsing again", path.name, exc)
            path.unlink(missing_ok=True)
            return None
        if len(docs) != len(texts) or any(d.text != t for d, t in zip(docs, texts, strict=True)):
            log.warning("cache entry %s does not match its text; parsing again", path.name)
            path.unlink(missing_ok=True)
            return None
        return docs

    def store(self, texts: Sequence[str], docs: Sequence[Doc]) -> None:
        """Write the parses of ``texts`` atomically; a failure to write is only logged."""
        from spacy.tokens import DocBin

        path = self.path(texts)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            data = DocBin(docs=docs, store_user_data=False).to_bytes()
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".spacy")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            log.warning("cannot write the parse cache in %s: %s", self.folder, exc)

    def parse(self, texts: Sequence[str]) -> list[Doc]:
        """Parses of one file's ``texts``: from the cache, else parsed and stored."""
        docs = self.load(texts)
        if docs is not None:
            self.hits += 1
            return docs
        self.misses += 1
        docs = list(nlp_module.pipe(texts, nlp=self.nlp))
        self.store(texts, docs)
        return docs
