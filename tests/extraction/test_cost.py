"""Cost in proportion to the input (issue 16, class 9): long paragraphs are cut before the
parser, misspellings and cycles are found without a pass over every pair, and a build
says how far it is. Work is counted, never timed (times are in benchmarks/hostile_cost)."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from extraction.concepts import extract_concepts
from extraction.concepts.segments import MAX_SEGMENT_CHARS, segments_of
from extraction.nlp import Progress
from extraction.readers import read_bytes
from extraction.records import Evidence, Relation
from graph import paths


def _wrapped(lines: int, stop: str = "") -> bytes:
    """A Markdown paragraph of ``lines`` hard-wrapped lines (line ``i + 3`` starts with
    ``wordI``), ending each line with ``stop``."""
    body = "\n".join(
        f"word{i} alpha beta gamma delta epsilon zeta eta theta iota kappa{stop}"
        for i in range(lines)
    )
    return f"# Title\n\n{body}\n".encode()


@pytest.mark.parametrize(("lines", "stop"), [(600, ""), (600, "."), (60, "")])
def test_cost_segments_are_bounded_and_cite_their_line(lines, stop):
    cards = read_bytes(_wrapped(lines, stop), path="w.md").cards
    segments = [s for f in segments_of(cards) for s in f if not s.is_title]
    assert all(len(s.text) <= MAX_SEGMENT_CHARS for s in segments)
    # nothing lost: the pieces are the paragraph's words, in order
    assert " ".join(s.text for s in segments).split() == cards[0].body.split()
    for s in segments:
        first = s.text.split()[0]
        assert s.line == int(first.removeprefix("word")) + 3
        last = s.text.rsplit("word", 1)[1].split()[0]
        assert s.line_at(s.text.rindex("word" + last)) == int(last) + 3


def test_cost_real_paragraph_is_not_cut():
    """The longest paragraph of the real notes (3,808 characters) stays whole."""
    text = ("A model learns from data. " * 160)[:3808].strip()
    cards = read_bytes(f"# T\n\n{text}\n".encode(), path="p.md").cards
    bodies = [s.text for f in segments_of(cards) for s in f if not s.is_title]
    assert bodies == [text]


def test_cost_parser_never_sees_a_long_text():
    seen: list[int] = []

    def parse(texts):
        from extraction import nlp

        seen.extend(len(t) for t in texts)
        return list(nlp.pipe(texts))

    cards = read_bytes(_wrapped(1200), path="w.md").cards
    index = extract_concepts(cards, parse=parse)
    assert max(seen) <= MAX_SEGMENT_CHARS and len(seen) > 10
    # evidence from the far end of the paragraph cites its own line
    lines = {e.line for mentions in index.mentions.values() for e in mentions}
    assert max(lines) > 1000


def test_cost_progress_reports_the_parse_and_every_stage():
    from graph.build import build_graph

    told: list[Progress] = []
    text = b"# Dropout\n\nDropout is a regularization technique that drops units.\n"
    build_graph([read_bytes(text, path="d.md")], progress=told.append)
    parse = [p for p in told if p.stage == "parse"]
    assert parse[0].done == 0 and parse[-1].done == parse[-1].total > 0
    stages = list(dict.fromkeys(p.stage for p in told))
    assert stages[0] == "parse" and stages[-1] == "done"
    assert {"candidates", "relations", "prerequisites", "topics"} <= set(stages)


def test_cost_typos_meet_only_near_names(monkeypatch):
    """A rare name is compared only with the frequent names that share a deletion with
    it, not with every frequent name of a similar length."""
    from rapidfuzz.distance import Levenshtein

    from extraction.concepts import merging
    from extraction.concepts.candidates import Candidate

    calls = []
    real = Levenshtein.distance
    monkeypatch.setattr(Levenshtein, "distance", lambda *a, **k: calls.append(a) or real(*a, **k))
    rng = random.Random(0)
    letters = "bcdfghjklmnpqrstvwxz"
    candidates = {}
    for i in range(3000):
        key = "".join(rng.choice(letters) for _ in range(9))
        candidates[key] = Candidate(key)
        candidates[key].count = 1 if i % 2 else 10
    for key, count in (("qzxvkpltr", 30), ("qzxvkpltx", 1)):  # one edit apart
        candidates[key] = Candidate(key)
        candidates[key].count = count
    joined = []
    uf = merging._UnionFind(candidates)
    merging._typos(candidates, uf, lambda a, b, why: joined.append((a, b)))
    assert ("qzxvkpltr", "qzxvkpltx") in joined
    assert len(calls) < 100  # a scan by length makes ~1500 x 1500 comparisons


@pytest.mark.parametrize(
    "rare,frequent",
    [
        ("osmosys", ["osmotic", "osmoses", "cosmoss"]),
        ("hashtabe", ["hashtrees", "hashtagss", "hashtable"]),
        ("tectonis plate", ["tectonic plume", "tectonic slabs", "tectonic plate"]),
    ],
)
def test_cost_typos_check_only_names_within_the_edit_distance(monkeypatch, rare, frequent):
    """The slower checks (a numbered instance, a derived adjective...) run only for the
    frequent names within the edit distance, not for every name that shares a run."""
    from rapidfuzz.distance import Levenshtein

    from extraction.concepts import merging
    from extraction.concepts.candidates import Candidate

    checked = []
    real = merging.numbered
    monkeypatch.setattr(merging, "numbered", lambda a, b: checked.append(b) or real(a, b))
    candidates = {rare: Candidate(rare)}
    candidates[rare].count = 1
    for name in frequent:
        candidates[name] = Candidate(name)
        candidates[name].count = 10
    joined = []
    uf = merging._UnionFind(candidates)
    merging._typos(candidates, uf, lambda a, b, why: joined.append((a, b)))
    cutoff = 2 if len(rare) >= 12 else 1
    near = [k for k in frequent if Levenshtein.distance(rare, k) <= cutoff]
    assert joined == [(near[0], rare)] and checked == near[:1]


def _typos_by_scan(candidates):
    """The joins of a scan over every frequent name of a similar length (the reference)."""
    from rapidfuzz.distance import Levenshtein

    from extraction.concepts import merging

    frequent = [(k, c) for k, c in candidates.items() if c.count >= 3 and len(k) >= 6]
    joined = []
    for key, cand in candidates.items():
        if cand.count > 2 or len(key) < 6 or merging.is_acronym(key):
            continue
        if not any(merging.may_be_misspelt(w) for w in key.split()):
            continue
        sure = any(merging.misspelt(w) for w in key.split())
        if not sure and merging.singled_out([cand]):
            continue
        cutoff = 2 if len(key) >= 12 else 1
        near = [(k, c) for k, c in frequent if abs(len(k) - len(key)) <= cutoff and k != key]
        for other, ocand in sorted(near, key=lambda kc: len(kc[0])):
            if ocand.count < 3 * cand.count or merging.numbered(key.lower(), other):
                continue
            lower, olower = key.lower(), other.lower()
            if merging.derived_adjective(lower, olower) or merging.derived_adjective(olower, lower):
                continue
            if not sure and merging.said_together(cand, ocand):
                continue
            if Levenshtein.distance(key.lower(), other.lower()) <= cutoff:
                joined.append((other, key))
                break
    return joined


@pytest.mark.parametrize("seed", [0, 1])
def test_cost_typos_join_what_a_full_scan_joins(seed):
    from extraction.concepts import merging
    from extraction.concepts.candidates import Candidate

    rng = random.Random(seed)
    names = ["".join(rng.choice("abcdeklmnorstu ") for _ in range(rng.randint(6, 16)))]
    for _ in range(1500):  # names, and names one or two edits from earlier ones
        base = list(rng.choice(names))
        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            at = rng.randrange(len(base))
            op = rng.choice("sid")
            if op == "s":
                base[at] = rng.choice("abcdeklmnorstu")
            elif op == "i":
                base.insert(at, rng.choice("abcdeklmnorstu"))
            elif len(base) > 6:
                del base[at]
        names.append("".join(base).strip() or "abcdefg")
    candidates = {}
    for name in names:
        candidates.setdefault(name, Candidate(name)).count = rng.choice((1, 1, 2, 3, 9, 30))
    joined = []
    merging._typos(
        candidates, merging._UnionFind(candidates), lambda a, b, _: joined.append((a, b))
    )
    assert joined == _typos_by_scan(candidates) and joined


def _naive_keep(pairs):
    """Strongest first, one path search per edge: the reference result."""
    kept = nx.DiGraph()
    out = []
    for u, v in pairs:
        if u != v and not (v in kept and u in kept and nx.has_path(kept, v, u)):
            kept.add_edge(u, v)
            out.append((u, v))
    return out


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_cost_keep_acyclic_matches_greedy_on_small_graphs(seed):
    rng = random.Random(seed)
    pairs = list(dict.fromkeys((rng.randrange(60), rng.randrange(60)) for _ in range(400)))
    kept, dropped = paths.keep_acyclic(pairs)
    assert kept == _naive_keep(pairs)
    assert sorted(kept + dropped) == sorted(pairs)


def _overlapping_cycles(n: int) -> list[tuple[int, int]]:
    """A chain 0 -> 1 -> ... -> n (strongest), then back links i + 7 -> i and i + 50 -> i
    that close thousands of overlapping cycles."""
    return [
        *((i, i + 1) for i in range(n)),
        *((i + 7, i) for i in range(n - 7)),
        *((i + 50, i) for i in range(0, n - 50, 3)),
    ]


def test_cost_cycle_breaking_is_one_pass(monkeypatch):
    """Thousands of overlapping cycles: the result is acyclic, every back link goes, and
    the work is a few steps per edge (no cycle search per removed edge)."""
    searches = []
    for name in ("find_cycle", "has_path", "simple_cycles"):
        real = getattr(nx, name)
        monkeypatch.setattr(
            nx, name, lambda *a, _real=real, **k: searches.append(1) or _real(*a, **k)
        )
    pairs = _overlapping_cycles(3000)
    G = nx.MultiDiGraph()
    for u, v in pairs:
        G.add_edge(u, v, relation=paths.PREREQUISITE, confidence=0.9 if v == u + 1 else 0.3)
    order = paths.IncrementalOrder(paths._initial_order(pairs))
    kept, _ = paths.keep_acyclic(pairs, order=order)
    assert order.work < 40 * len(pairs) and not order.skipped  # a has_path per edge: ~n^2
    removed = paths.break_cycles(G)
    assert len(removed) == len(pairs) - 3000 and not searches
    assert nx.is_directed_acyclic_graph(G) and set(kept) == set(G.edges())


def test_cost_prerequisite_cycles_are_cut_in_one_pass(monkeypatch):
    from extraction import prerequisites

    monkeypatch.setattr(nx, "has_path", lambda *a, **k: pytest.fail("a search per edge"))
    e = [Evidence("n.txt", 1, "...")]
    edges = [
        Relation(str(u), str(v), "prerequisite_of", 0.9 if v == u + 1 else 0.3, e)
        for u, v in _overlapping_cycles(2000)
    ]
    kept = prerequisites.break_cycles(edges)
    D = nx.DiGraph([(r.source, r.target) for r in kept])
    assert nx.is_directed_acyclic_graph(D) and len(kept) == 2000


def test_cost_budget_keeps_the_work_linear_on_dense_cycles():
    rng = random.Random(5)
    pairs = list(dict.fromkeys((rng.randrange(2000), rng.randrange(2000)) for _ in range(12000)))
    order = paths.IncrementalOrder(paths._initial_order(pairs), base=0)
    kept, dropped = paths.keep_acyclic(pairs, order=order)
    assert order.work <= (paths.SEARCH_CREDIT + 1) * len(pairs) + 10_000
    assert nx.is_directed_acyclic_graph(nx.DiGraph(kept))
    assert set(order.skipped) <= set(dropped)


@pytest.mark.parametrize(
    "pairs,ranks",
    [
        ([("enzyme", "substrate")], {"enzyme": 0, "substrate": 1}),
        # against the initial order: the search moves the substrate after the enzyme
        ([("substrate", "product"), ("enzyme", "substrate")], None),
        ([("magma", "crust"), ("crust", "magma")], {"magma": 0, "crust": 1}),
        ([("osmosis", "osmosis")], {}),  # a self-loop numbers no node
    ],
)
def test_cost_incremental_order_ranks_are_a_topological_order(pairs, ranks):
    """The order kept under numbered nodes: every node added has one rank, and every
    edge kept points forward in it."""
    order = paths.IncrementalOrder()
    kept, _ = paths.keep_acyclic(pairs, order=order)
    got = order.ranks()
    assert sorted(got.values()) == list(range(len(got)))
    assert all(got[u] < got[v] for u, v in kept)
    if ranks is not None:
        assert got == ranks


def test_cost_incremental_order_numbers_give_the_same_choices():
    """Numbered nodes search exactly as named ones would: the same edges kept,
    skipped and dropped, with the same work, whatever the nodes are called."""
    rng = random.Random(7)
    numbers = list(dict.fromkeys((rng.randrange(300), rng.randrange(300)) for _ in range(3000)))
    named = [(f"plate {u}", f"plate {v}") for u, v in numbers]
    results = []
    for pairs in (numbers, named):
        order = paths.IncrementalOrder(paths._initial_order(pairs), base=500, credit=8)
        kept, _ = paths.keep_acyclic(pairs, order=order)
        index = {p: i for i, p in enumerate(pairs)}
        results.append(([index[p] for p in kept], [index[p] for p in order.skipped], order.work))
    assert results[0] == results[1]
    assert results[0][1]  # the budget was reached: some edges skipped


def test_cost_documents_of_a_pass_are_freed_and_subjects_stay():
    """A pass over the parsed segments holds one batch of documents: once it moves on
    (or ends), the documents nothing else holds are freed at once (no reference cycle
    waits for a full collection). Those a later stage reads are kept by
    ``drop_parses(keep=...)`` until the last one lets them go; what a card is about is
    kept."""
    import gc
    import weakref

    from extraction.concepts.segments import sentences_of

    text = b"# RNN\n\n## GRU\n\nA GRU is a kind of RNN. It gates.\n\n## LSTM\n\nAn LSTM gates.\n"
    cards = read_bytes(text, path="r.md").cards
    index = extract_concepts(cards)
    before = [index.subjects(card) for card in cards]
    segments = [seg for seg, _ in index.segments]
    gc.disable()
    try:
        docs = []
        for _, doc in index.segments:
            sentences_of(doc)  # what the later stages cache on each document
            docs.append(weakref.ref(doc))
        del doc
        assert docs and all(ref() is None for ref in docs)
        index.drop_parses(keep=lambda seg: seg.is_heading)
        kept = [weakref.ref(doc) for _, doc in index.segments if doc is not None]
        assert [doc is not None for _, doc in index.segments] == [s.is_heading for s in segments]
        assert kept and all(ref() is not None for ref in kept)
        index.drop_parses()
        assert all(ref() is None for ref in kept)
    finally:
        gc.enable()
    assert [seg for seg, _ in index.segments] == segments
    assert [index.subjects(card) for card in cards] == before and any(before)


def test_index_drop_candidates_frees_the_scored_groups():
    """Once the graph holds the records it keeps, the scored candidate groups (with their
    candidates, mentions and features) are let go; the concepts stay."""
    import gc

    from extraction.concepts.selection import Scored

    def alive() -> int:  # records with slots take no weak references: count them
        return sum(isinstance(o, Scored) for o in gc.get_objects())

    text = b"# RNN\n\n## GRU\n\nA GRU is a kind of RNN. It gates.\n\n## LSTM\n\nAn LSTM gates.\n"
    before = alive()
    index = extract_concepts(read_bytes(text, path="r.md").cards)
    assert alive() - before == len(index.candidates) > 0
    concepts = dict(index.concepts)
    index.drop_candidates()
    assert alive() == before
    assert index.candidates == [] and index.selected == {} and index.concepts == concepts


def test_index_parsed_segments_are_read_back_by_each_pass():
    """Between the parse and the relation stage the documents are kept compactly; each
    pass over them reads them back a batch at a time, the same documents every time,
    and the segments alone are read without any document."""
    from extraction.concepts.index import ParsedSegments, segments_only

    text = b"# RNN\n\n## GRU\n\nA GRU is a kind of RNN. It gates.\n\n## LSTM\n\nAn LSTM gates.\n"
    index = extract_concepts(read_bytes(text, path="r.md").cards)
    pairs = index.segments
    assert isinstance(pairs, ParsedSegments)
    first = [(seg, doc.text, [t.dep_ for t in doc]) for seg, doc in pairs]
    again = [(seg, doc.text, [t.dep_ for t in doc]) for seg, doc in pairs]
    assert first == again and [text for _, text, _ in first] == [s.text for s, _, _ in first]
    assert pairs[-1][1].text == first[-1][1] and len(pairs) == len(first) > 2
    assert [s.text for s, _ in pairs[1:3]] == [s.text for s, _, _ in first[1:3]]
    assert segments_only(pairs) == [seg for seg, _, _ in first]
    assert segments_only(list(pairs)) == [seg for seg, _, _ in first]
    with pytest.raises(IndexError):
        pairs[len(first)]


def test_index_passes_over_some_segments_make_only_their_documents(monkeypatch):
    """What reads the headings and titles alone (the concept each heading names, the
    action a title gives, the documents kept past the relation stage) makes their
    documents and no other."""
    from extraction import nlp
    from extraction.concepts.index import segments_only

    text = b"# Trees\n\n## Roots\n\nRoots drink water. They hold.\n\n## Leaves\n\nLeaves breathe.\n"
    index = extract_concepts(read_bytes(text, path="t.md").cards)
    headings = [seg for seg in segments_only(index.segments) if seg.is_heading]
    titles = [seg for seg in segments_only(index.segments) if seg.is_heading or seg.kind == "title"]
    assert 0 < len(headings) <= len(titles) < len(index.segments)
    made: list[int] = []
    unpack = nlp.unpack
    monkeypatch.setattr(
        nlp, "unpack", lambda *a, **k: (docs := unpack(*a, **k), made.append(len(docs)))[0]
    )
    index._card_subjects = None
    index._subjects()
    assert sum(made) == len(titles)
    made.clear()
    index.drop_parses(keep=lambda seg: seg.is_heading)
    assert sum(made) == len(headings)
    assert [seg for seg, doc in index.segments if doc is not None] == headings
    assert all(doc.text == seg.text for seg, doc in index.segments if doc is not None)


@pytest.mark.parametrize("only", [None, [0], [1, 3], [0, 1, 2, 3]])
def test_nlp_unpack_reads_what_docbin_reads_without_splitting_every_document(monkeypatch, only):
    """Packed documents read back (all, or some of a batch) are those spaCy's
    ``DocBin.from_bytes`` gives, and the token table is not cut for every document of
    the batch to make a few."""
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab
    from thinc.api import NumpyOps

    from extraction.nlp import load, pack, pipe, unpack

    texts = ["Osmosis moves water.", "Enzymes speed up reactions. They fold.", "", "Hash tables"]
    data = pack(list(pipe(texts)))
    whole = [d.to_bytes() for d in DocBin().from_bytes(data).get_docs(load().vocab)]
    split: list[int] = []
    monkeypatch.setattr(NumpyOps, "unflatten", lambda *args, **kwargs: split.append(1))
    got = [d.to_bytes() for d in unpack(data, load().vocab, only=only)]
    assert got == [whole[k] for k in (range(len(texts)) if only is None else only)]
    assert not split
    # a vocabulary that has never seen these strings learns them from the batch
    fresh = [(t.text, t.tag_, t.dep_) for d in unpack(data, Vocab(), only=only) for t in d]
    assert fresh == [
        (t.text, t.tag_, t.dep_)
        for d in unpack(data, load().vocab)
        for t in d
        if only is None or d.text in {texts[k] for k in only}
    ]


@pytest.mark.parametrize(
    "extra",
    [
        "nothing",  # what nlp.pack writes
        "cats",
        "spans",
        "user data",
        "unknown spaces",
    ],
)
def test_nlp_docs_of_makes_the_documents_docbin_makes(extra):
    """:func:`extraction.nlp.docs_of` gives the documents ``DocBin.get_docs`` gives,
    whatever the ``DocBin`` holds besides the tokens (it skips only steps that do
    nothing on a new document)."""
    from spacy.tokens import Doc, DocBin

    from extraction.nlp import docs_of, load, pipe, read_docbin

    vocab = load().vocab
    docs = list(pipe(["Osmosis moves water.", "Enzymes speed up reactions. They fold.", ""]))
    if extra == "cats":
        docs[0].cats = {"biology": 1.0}
    elif extra == "spans":
        docs[1].spans["terms"] = [docs[1][0:1]]
    elif extra == "user data":
        docs[0].user_data["note"] = "seen"
    elif extra == "unknown spaces":
        docs.append(Doc(vocab, words=["Hash", "tables"]))
    data = DocBin(docs=docs, store_user_data=extra == "user data").to_bytes()
    mine = docs_of(read_docbin(data), vocab)
    theirs = list(DocBin().from_bytes(data).get_docs(vocab))
    assert [d.to_bytes() for d in mine] == [d.to_bytes() for d in theirs]
    assert [(d.cats, dict(d.user_data), len(d.spans)) for d in mine] == [
        (d.cats, dict(d.user_data), len(d.spans)) for d in theirs
    ]


def test_features_link_words_one_doc_at_a_time_is_textrank():
    from extraction.concepts.features import link_words, rank_words, textrank
    from extraction.nlp import pipe

    texts = ["Recurrent networks use hidden states.", "Hidden states carry memory."] * 2
    docs = list(pipe(texts))
    G = nx.Graph()
    for doc in docs:
        link_words(G, doc)
    assert rank_words(G) == textrank(texts, docs) and rank_words(G)
    assert rank_words(nx.Graph()) == {}


@pytest.mark.parametrize(
    "text",
    [
        b"# Osmosis\n\nOsmosis moves water across a semi-permeable membrane.\n",
        b"# Plate tectonics\n\nOceanic plates sink beneath continental plates.\n",
    ],
)
def test_concepts_word_graph_is_let_go_before_the_merge(monkeypatch, text):
    """TextRank's graph of co-occurring words is read by nothing after its ranks: it is
    empty by the time the candidates are merged (a large build's memory peaks in the
    stages after it), and the ranks are those of the whole graph."""
    import extraction.concepts as concepts_module

    graphs, ranks, edges_at_merge = [], [], []
    real_rank, real_merge = concepts_module.rank_words, concepts_module.merge

    def rank(G):
        graphs.append(G)
        ranks.append(real_rank(G))
        return ranks[-1]

    def merge(*args, **kwargs):
        edges_at_merge.append(graphs[0].number_of_edges())
        return real_merge(*args, **kwargs)

    monkeypatch.setattr(concepts_module, "rank_words", rank)
    monkeypatch.setattr(concepts_module, "merge", merge)
    extract_concepts(read_bytes(text, path="n.md").cards)
    assert len(ranks[0]) > 1 and edges_at_merge == [0]


def test_concepts_parse_in_workers_finds_the_same_concepts(monkeypatch):
    """A build large enough to be parsed by worker processes finds what one process
    finds: the same concepts, names, mentions and documents."""
    import extraction.concepts as concepts_module
    from extraction import nlp

    rows = [f"term{i} model,a term{i} model uses the layer{i % 7} of a network" for i in range(40)]
    cards = read_bytes(("term,definition\n" + "\n".join(rows)).encode(), path="c.csv").cards

    def summary(index):
        docs = [[(t.text, t.tag_, t.dep_, t.head.i) for t in d] for _, d in index.segments]
        return index.concepts, index.mentions, index.resolve, dict(index.card_mentions), docs

    monkeypatch.setattr(nlp, "BATCH_SIZE", 4)  # small batches, so that chunks are cut
    alone = summary(extract_concepts(cards))
    small = concepts_module.batches
    monkeypatch.setattr(concepts_module, "batches", lambda texts: small(texts, size=16))
    monkeypatch.setattr(nlp, "PARALLEL_MIN_CHARS", 1)
    monkeypatch.setattr(nlp, "PARALLEL_CHUNK_CHARS", 100)  # chunks cut between batches
    monkeypatch.setattr(nlp, "parallel_workers", lambda texts: 2)  # also under pytest-xdist
    chunks = []
    real = nlp.parse_packed
    monkeypatch.setattr(nlp, "parse_packed", lambda c, **kw: chunks.append(len(c)) or real(c, **kw))
    assert summary(extract_concepts(cards)) == alone
    assert chunks and chunks[0] > -(-len(cards) * 2 // 16)  # more chunks than batches(16)


def test_features_release_counted_after_the_features_changes_nothing_selected():
    """What only the features read of each candidate is let go once they are computed;
    the features, the scores and the concepts named from the groups stay the same."""
    from extraction.concepts.candidates import collect
    from extraction.concepts.definitions import name_concept
    from extraction.concepts.features import group_features, release_counted
    from extraction.concepts.merging import merge
    from extraction.concepts.segments import segments_of
    from extraction.concepts.selection import select
    from extraction.nlp import load, pipe

    text = b"# RNN\n\n## GRU\n\nA GRU is a kind of RNN. It gates.\n\n## LSTM\n\nAn LSTM gates.\n"
    segments = [s for f in segments_of(read_bytes(text, path="r.md").cards) for s in f]
    groups = merge(collect(segments, list(pipe([s.text for s in segments])), load()).candidates, [])
    features = group_features(groups.groups, ranks={})
    before = [
        (s.root, s.probability, name_concept(s.candidates))
        for s in select(groups.groups, features, {})
    ]
    release_counted(groups.groups)
    cands = [c for cs in groups.groups.values() for c in cs]
    assert all(not c.cards and not c.sentences and not c.sources and not c.shapes for c in cands)
    assert group_features(groups.groups, ranks={}) != features  # they were read, not kept
    after = [
        (s.root, s.probability, name_concept(s.candidates))
        for s in select(groups.groups, features, {})
    ]
    assert after == before


def test_relations_hold_one_batch_of_documents_at_a_time(monkeypatch):
    """The relation stage reads the notes a card at a time: while it runs, the documents
    alive are those of the batch being read (and a card's), never all of them."""
    import weakref

    import extraction.concepts as concepts_module
    from extraction import nlp, relations

    rows = [f"term{i} model,a term{i} model uses the layer{i % 7} of a network" for i in range(120)]
    cards = read_bytes(("term,definition\n" + "\n".join(rows)).encode(), path="c.csv").cards
    small = concepts_module.batches
    monkeypatch.setattr(concepts_module, "batches", lambda texts: small(texts, size=16))
    index = extract_concepts(cards)
    read: list[weakref.ref] = []
    batches = nlp.Parses.batches

    def watched(self):
        for docs in batches(self):
            read.extend(weakref.ref(doc) for doc in docs)
            yield docs

    most = 0
    mentions = relations.mentions

    def counting(index, sent):
        nonlocal most
        most = max(most, sum(ref() is not None for ref in read))
        return mentions(index, sent)

    monkeypatch.setattr(nlp.Parses, "batches", watched)
    monkeypatch.setattr(relations, "mentions", counting)
    typed = relations.typed_relations(index)
    assert len(read) >= 2 * len(cards) and typed  # every document read, more than once
    assert 0 < most <= 2 * 16 + 2, most


def test_candidates_share_their_files_and_shapes():
    """The names of one file hold one set of files between them, alike shapes are one
    object, and the sentences are the evidence objects already made."""
    from extraction.concepts.candidates import collect
    from extraction.concepts.segments import segments_of
    from extraction.nlp import load, pipe

    rows = [f"term{i} model,a term{i} model uses the layer{i % 7} of a network" for i in range(30)]
    cards = read_bytes(("term,definition\n" + "\n".join(rows)).encode(), path="c.csv").cards
    segments = [seg for f in segments_of(cards) for seg in f]
    found = collect(segments, list(pipe([s.text for s in segments])), load())
    cands = [c for c in found.candidates.values() if c.sources]
    assert len(cands) > 30 and len({id(c.sources) for c in cands}) == 1
    shapes: dict = {}
    for c in cands:
        for shape in c.shapes:
            shapes.setdefault(shape, set()).add(id(shape))
    assert len(shapes) > 1 and all(len(ids) == 1 for ids in shapes.values())
    assert all(type(s).__name__ == "Evidence" for c in cands for s in c.sentences)


def test_group_features_share_their_values():
    """Most features of a large build's groups are the same few numbers (1.0, the log of
    a small count): each distinct value is one object."""
    from extraction.concepts.features import group_features
    from extraction.concepts.merging import merge

    rows = [f"term{i} model,a term{i} model uses the layer{i % 7} of a network" for i in range(30)]
    index_cards = read_bytes(("term,definition\n" + "\n".join(rows)).encode(), path="c.csv").cards
    from extraction.concepts.candidates import collect
    from extraction.concepts.segments import segments_of
    from extraction.nlp import load, pipe

    segments = [seg for f in segments_of(index_cards) for seg in f]
    found = collect(segments, list(pipe([s.text for s in segments])), load())
    groups = merge(found.candidates, found.pairs).groups
    features = group_features(groups, ranks={})
    ids: dict[float, set[int]] = {}
    for values in features.values():
        for value in values.values():
            ids.setdefault(value, set()).add(id(value))
    assert ids[1.0] and len(features) > 30 and all(len(i) == 1 for i in ids.values())


def test_graph_concepts_and_edges_alike_share_their_records():
    """Concepts with the same feature set, roles or reasons, and scored edges with the
    same features, hold one object each between them; the values are unchanged."""
    from graph.build import build_graph

    # each card states its kind ("is a kind of"): prerequisite edges that rest on a typed
    # relation, not on a score near the threshold that a refit can move
    rows = [
        f"term{i} model,a term{i} model is a kind of neural network that uses the layer{i % 7}"
        for i in range(40)
    ]
    G = build_graph([read_bytes(("term,definition\n" + "\n".join(rows)).encode(), path="c.csv")])
    records = [r for _, r in G.nodes(data="selection") if r]
    scored = [f for _, _, f in G.edges(data="features") if f]
    assert len(records) > 30 and scored
    for part in ("features", "roles", "reasons"):
        alike: dict[str, set[int]] = {}
        for r in records:
            alike.setdefault(repr(r[part]), set()).add(id(r[part]))
        assert len(alike) < len(records) and all(len(ids) == 1 for ids in alike.values())
    alike = {}
    for f in scored:
        alike.setdefault(repr(f), set()).add(id(f))
    assert all(len(ids) == 1 for ids in alike.values())


def test_relations_problem_names_read_only_segments_that_could_name_one(monkeypatch):
    """Finding the concepts named as problems reads back only the segments that hold a
    problem word or a frame's first word ("suffers from"); what it finds is unchanged."""
    from extraction import nlp
    from extraction.relations import problems

    text = (
        b"# Trees\n\n## Roots\n\nRoots drink water. Roots suffer from rot.\n\n"
        b"## Leaves\n\nLeaves breathe.\n\n## Rot\n\nRot is a common problem of roots.\n"
    )
    index = extract_concepts(read_bytes(text, path="t.md").cards)
    made: list[int] = []
    unpack = nlp.unpack
    monkeypatch.setattr(
        nlp, "unpack", lambda *a, **k: (docs := unpack(*a, **k), made.append(len(docs)))[0]
    )
    assert "rot" in problems(index)
    assert 0 < sum(made) == 2 < len(index.segments)


class _CountedMentions(list):
    """A card's mentions that count how often they are read through."""

    reads = 0

    def __iter__(self):
        type(self).reads += 1
        return super().__iter__()


def test_cost_mentions_of_a_crowded_card_are_grouped_once():
    from extraction.prerequisites import MENTIONS_SCANNED, _MentionsOf

    names = [f"enzyme {i}" for i in range(3 * MENTIONS_SCANNED)]
    said = [Evidence("bio.md", i, f"Sentence {i}.") for i in range(2 * len(names))]
    crowded = _CountedMentions((names[i % len(names)], e) for i, e in enumerate(said))
    small = [("osmosis", said[0]), ("diffusion", said[1]), ("osmosis", said[2])]
    mention_of = _MentionsOf({"bio.md#1": crowded, "bio.md#2": small})
    for name in names:  # a long paragraph's card is asked about each concept it names
        assert mention_of[(name, "bio.md#1")] == [e for c, e in crowded if c == name]
    assert mention_of[("osmosis", "bio.md#2")] == [said[0], said[2]]
    assert mention_of[("plate tectonics", "bio.md#1")] == []
    # read through once to group it, once per check above: never once per question
    assert _CountedMentions.reads == 1 + len(names)


def test_candidates_without_subject_cards_or_definitions_hold_no_list_of_their_own():
    """Most names of a large deck are no card's subject and have no definition: each of
    them shares one empty tuple rather than holding two empty lists."""
    from extraction.concepts.candidates import collect
    from extraction.concepts.segments import segments_of
    from extraction.nlp import load, pipe

    rows = [f"term{i} model,a term{i} model uses the layer{i % 7} of a network" for i in range(12)]
    cards = read_bytes(("term,definition\n" + "\n".join(rows)).encode(), path="c.csv").cards
    segments = [seg for f in segments_of(cards) for seg in f]
    cands = collect(segments, list(pipe([s.text for s in segments])), load()).candidates.values()
    subjects = [c for c in cands if c.subject_of]
    plain = [c for c in cands if not c.subject_of and not c.definitions]
    assert subjects and plain
    assert all(type(c.subject_of) is list for c in subjects)
    assert all(type(c.subject_of) is tuple and type(c.definitions) is tuple for c in plain)


def test_relations_stage_makes_each_document_once(monkeypatch):
    """The relation stage makes each segment's document once (counted where the packed
    documents are read back): the passes after the sentence pass (titles' asides and
    kinds, heading edges, card statements, parts in titles and label lines) read each
    document while that pass holds it. Notes with no problem word and no compound named
    after another concept, so that no pass reads a subset of its own."""
    from collections import Counter

    from extraction import nlp
    from extraction.concepts.index import segments_only
    from extraction.relations import typed_relations

    text = (
        b"# Beekeeping\n\n## Hive Inspection\n\nA smoker is a tool that calms"
        b" bees. Beekeepers light the smoker before a hive inspection.\n\n## Bee Castes\n\n"
        b"### Worker Bees\n\nWorker bees collect nectar and build comb.\n\n### Drone Bees\n\n"
        b"Drone bees mate with the queen.\n\n## What does the brood chamber in the hive hold?"
        b"\n\nThe brood chamber holds eggs and larvae.\n\nParts:\n- Comb: wax cells for eggs\n"
        b"- Frame: the wooden holder of the comb\n"
    )
    index = extract_concepts(read_bytes(text, path="bees.md").cards)
    index._subjects()  # what each card is about: read once per index, before the stage
    made: Counter[int] = Counter()
    read, batches = nlp.Parses.read, nlp.Parses.batches

    def counted_read(self, positions):
        positions = list(positions)
        made.update(positions)
        return read(self, positions)

    def counted_batches(self):
        made.update(range(len(self)))
        return batches(self)

    monkeypatch.setattr(nlp.Parses, "read", counted_read)
    monkeypatch.setattr(nlp.Parses, "batches", counted_batches)
    assert typed_relations(index)
    segments = segments_only(index.segments)
    assert any(seg.is_title for seg in segments) and any(seg.is_heading for seg in segments)
    assert [made[i] for i in range(len(segments))] == [1] * len(segments)
