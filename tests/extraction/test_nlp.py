"""The shared spaCy pipeline: loaded once, its objects kept out of garbage collection, and
the collector paused and restored around the stages that build many objects."""

from __future__ import annotations

import gc

import pytest

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


def test_nlp_parses_read_makes_only_the_documents_asked_for(monkeypatch):
    """A pass over some segments reads back those documents alone, the same as read
    whole, with their positions; a batch none of them is in is not unpacked."""
    texts = ["A GRU gates. It forgets.", "LSTMs remember", "", "x", "Trees branch. Roots drink."]
    docs = list(nlp.pipe(texts))
    parses = nlp.Parses(nlp.load().vocab)
    for start in (0, 2, 4):
        parses.add(docs[start : start + 2])

    def reading(doc):
        return [(t.text, t.whitespace_, t.tag_, t.dep_, t.head.i) for t in doc], [
            s.text for s in doc.sents
        ]

    unpacked = []
    unpack = nlp.unpack
    monkeypatch.setattr(nlp, "unpack", lambda *a, **k: unpacked.append(k) or unpack(*a, **k))
    got = [[(i, reading(d)) for i, d in batch] for batch in parses.read([1, 4])]
    assert got == [[(1, reading(docs[1]))], [(4, reading(docs[4]))]]
    assert unpacked == [{"only": [1]}, {"only": [0]}]  # the middle batch stays packed
    assert [[i for i, _ in b] for b in parses.read(range(5))] == [[0, 1], [2, 3], [4]]
    assert list(parses.read([])) == []
    with pytest.raises(IndexError):
        list(parses.read([5]))
    with pytest.raises(ValueError):
        list(parses.read([3, 1]))


class _Spy:
    """The pipeline, noting the texts it tokenizes and those its ``pipe`` is given."""

    def __init__(self, model):
        self._model = model
        self.tokenized: list[str] = []
        self.piped: list[str] = []

    def __getattr__(self, name):
        return getattr(self._model, name)

    def make_doc(self, text):
        self.tokenized.append(text)
        return self._model.make_doc(text)

    def pipe(self, texts, **kwargs):
        texts = list(texts)
        self.piped += [t if isinstance(t, str) else t.text for t in texts]
        self.tokenized += [t for t in texts if isinstance(t, str)]
        return self._model.pipe(texts, **kwargs)


def _alone(text):
    """``text`` parsed alone by the whole pipeline, without its token vectors."""
    import numpy

    doc = nlp.load()(text)
    doc.tensor = numpy.zeros((0, 0), dtype="float32")
    return doc


@pytest.mark.parametrize(
    "texts,distinct",
    [
        (["Osmosis moves water.", "Osmosis moves water."], 1),
        (["Enzymes", "Enzymes", "Enzymes"], 1),
        (["Plate tectonics", "Magma", "Plate tectonics", "Magma", "Magma rises."], 3),
    ],
)
def test_nlp_pipe_parses_a_repeated_text_once(texts, distinct):
    """Each distinct text is read once; every occurrence gets a document of its own,
    the same as the text parsed alone."""
    spy = _Spy(nlp.load())
    docs = list(nlp.pipe(texts, nlp=spy))
    assert len(spy.tokenized) == distinct
    assert [d.to_bytes() for d in docs] == [_alone(t).to_bytes() for t in texts]
    assert len({id(d) for d in docs}) == len(texts)


@pytest.mark.parametrize(
    "text,parsed",
    [
        ("Enzymes", False),
        ("the", False),  # the attribute ruler reads the root's label: a pronoun
        ("1789", False),
        ("!", False),
        ("Robespierre", False),
        ("  ", True),  # a lone space is not labelled as a root by the parser
        ("Magma rises.", True),
    ],
)
def test_nlp_pipe_gives_a_one_word_text_its_parse_without_the_parser(text, parsed):
    """A one-word text is the root of its one sentence: set without the parser, with
    the tags, labels and attributes the whole pipeline gives it."""
    spy = _Spy(nlp.load())
    [doc] = nlp.pipe([text], nlp=spy)
    assert (text in spy.piped) is parsed
    assert doc.to_bytes() == _alone(text).to_bytes()


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
    enough = ["x" * nlp.PARALLEL_MIN_CHARS]
    assert nlp.parallel_workers(["x" * (nlp.PARALLEL_MIN_CHARS - 1)]) == 0
    monkeypatch.setattr(nlp.os, "sched_getaffinity", lambda _: {0})  # one core: no workers
    assert nlp.parallel_workers(enough) == 0
    monkeypatch.setattr(nlp.os, "sched_getaffinity", lambda _: {0, 1, 2, 3})
    assert nlp.parallel_workers(enough) == nlp.PARSE_WORKERS


@pytest.mark.parametrize(
    "count,chars,workers",
    [
        (30, 99_000, nlp.PARSE_WORKERS),  # a few long paragraphs: a large build
        (20_000, 5, 0),  # many one-word cards: little text, no processes to start
        (1, 50, 0),  # one short card
    ],
)
def test_nlp_parallel_workers_count_characters_not_texts(monkeypatch, count, chars, workers):
    monkeypatch.setattr(nlp.os, "sched_getaffinity", lambda _: {0, 1})
    assert nlp.parallel_workers(["x" * chars] * count) == workers


@pytest.mark.parametrize(
    "chunk,size,lengths",
    [
        (["x" * 30_000] * 7, 100_000, [3, 3, 1]),  # long texts: one chunk becomes several
        (["enzymes lower the activation energy"] * 1_000, 2_000, [256, 256, 256, 232]),
        ([], 10, [0]),  # a file with nothing to parse stays one empty chunk
    ],
)
def test_nlp_parallel_chunks_cut_between_the_batches_pipe_parses(chunk, size, lengths):
    cut = nlp.parallel_chunks([chunk], size=size)
    assert [len(c) for c in cut] == lengths
    assert [b for c in cut for b in nlp._batches(c)] == list(nlp._batches(chunk))


@pytest.mark.parametrize(
    "text",
    [
        "The cell divides.",  # one-token patterns on tags, most tokens
        "They ain't gonna stop, y'all.",  # two-token patterns, a lower-case form and a set
        "There is nothin' left and I did it for you.",  # regex, dependency labels
        "It  was\n\nshown that  I  gave it to them.",  # spaces inside, 'that' as a clause
        "Don't we have to do what she does, as we had done?",  # auxiliaries, 'do' as a verb
        "",
        "  ",
    ],
)
def test_nlp_rule_table_gives_what_the_attribute_ruler_gives(text):
    """The attribute ruler's patterns looked up in a table set the same attributes, in
    the same order of precedence, as the ruler's own matcher."""
    model = nlp.load()
    table = nlp.rule_table(model)
    assert table is not None and table.name == "attribute_ruler"
    ruler = model.get_pipe(table.name)
    doc = model.make_doc(text)
    for _, component in model.pipeline[:-1]:
        doc = component(doc)
    assert table.matches(doc) == ruler.match(doc)
    [piped] = nlp.pipe([text])
    assert piped.to_bytes() == _alone(text).to_bytes()


@pytest.mark.parametrize(
    "pattern",
    [
        [{"ORTH": "x"}],  # an attribute the table does not read
        [{"LOWER": "x", "OP": "+"}],  # an operator
        [{"LOWER": {"FUZZY": "x"}}],
        [{"IS_SPACE": "yes"}],
    ],
)
def test_nlp_rule_table_leaves_a_ruler_it_cannot_read_at_work(pattern):
    """A ruler with a pattern of a kind the table does not read is left to run."""
    import spacy

    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([pattern], {"LEMMA": "y"})
    assert nlp.rule_table(blank) is None
    assert nlp.rule_table(spacy.blank("en")) is None  # no ruler at all


def test_nlp_no_extraction_code_reads_spacy_lemmas():
    """The pipeline runs without spaCy's lemmatizer (:data:`nlp.EXCLUDED_COMPONENTS`):
    ``Token.lemma_`` is empty for most words and set by the attribute ruler for a few
    ("is": "be"), so a rule that compares it ("called" is a naming verb) silently never
    fires. Lemmas come from :func:`extraction.names.lemmas` (lemminflect) instead."""
    import re
    from pathlib import Path

    assert "lemmatizer" in nlp.EXCLUDED_COMPONENTS
    root = Path(nlp.__file__).parent
    readers = [
        f"{path.relative_to(root)}:{number}"
        for path in sorted(root.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\.lemma_?\b", line.split("#")[0]) and "def " not in line
    ]
    assert readers == []


def test_nlp_the_model_sets_no_lemma_for_an_ordinary_word():
    """Why the test above holds: without the lemmatizer "called" has no lemma."""
    doc = nlp.load()("Such a tremor is called volcanic.")
    assert doc[4].lemma_ == ""
