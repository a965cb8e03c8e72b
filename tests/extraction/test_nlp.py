"""The shared spaCy pipeline: loaded once, its objects kept out of garbage collection, and
the collector paused and restored around the stages that build many objects."""

from __future__ import annotations

import gc

from extraction import nlp


def test_nlp_load_once_and_freeze_the_model():
    model = nlp.load()
    assert nlp.load() is model
    # the model lives as long as the process: full collections no longer walk it
    assert gc.get_freeze_count() > 10_000


def test_nlp_paused_gc_restores_the_collector():
    assert gc.isenabled()
    with nlp.paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with nlp.paused_gc():  # already off: left off
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_nlp_parses_read_back_the_documents_added():
    """Documents kept compactly read back with the same tokens, tags, parses and
    sentences, in order, across batches."""
    texts = ["A GRU gates. It forgets.", "LSTMs (long short-term memory) remember", "", "x"]
    docs = list(nlp.pipe(texts))
    parses = nlp.Parses(nlp.load().vocab)
    parses.add(docs[:2])
    parses.add(docs[2:])

    def reading(doc):
        tokens = [(t.text, t.whitespace_, t.tag_, t.pos_, t.dep_, t.head.i, t.norm_) for t in doc]
        return tokens, [s.text for s in doc.sents], [c.text for c in doc.noun_chunks]

    assert len(parses) == 4
    assert [reading(d) for d in parses.docs()] == [reading(d) for d in docs]
    assert [reading(d) for d in parses.docs()] == [reading(d) for d in docs]  # read again


def test_nlp_parse_packed_gives_what_pipe_gives():
    """Worker processes parse each chunk as this process would, and keep the order."""
    chunks = [["A GRU gates.", "An LSTM remembers."], [], ["Dropout drops units. It helps."]]
    packed = list(nlp.parse_packed(chunks, workers=2))
    assert [n for _, n in packed] == [2, 0, 1]
    vocab = nlp.load().vocab
    got = [
        [(t.text, t.tag_, t.dep_, t.head.i) for t in d]
        for b, _ in packed
        for d in nlp.unpack(b, vocab)
    ]
    want = [[(t.text, t.tag_, t.dep_, t.head.i) for t in d] for c in chunks for d in nlp.pipe(c)]
    assert got == want


def test_nlp_parallel_workers_only_for_large_builds(monkeypatch):
    assert nlp.parallel_workers(nlp.PARALLEL_MIN_TEXTS - 1) == 0
    monkeypatch.setattr(nlp.os, "sched_getaffinity", lambda _: {0})  # one core: no workers
    assert nlp.parallel_workers(nlp.PARALLEL_MIN_TEXTS) == 0
    monkeypatch.setattr(nlp.os, "sched_getaffinity", lambda _: {0, 1, 2, 3})
    assert nlp.parallel_workers(nlp.PARALLEL_MIN_TEXTS) == nlp.PARSE_WORKERS
