"""Benchmark a build against bare spaCy, and the queries, reporting ratios.

The machines are shared and noisy, so what counts are ratios of things measured side
by side in the same run, with the same loaded model:

1. a cold build of the notes (``read_paths`` + ``build_graph``, no cache) against a bare
   ``nlp.pipe`` of exactly the texts the build parses;
2. a warm rebuild (``build_cached``, notes unchanged) and a rebuild with one file
   changed, against the cold build;
3. a build of the d2l corpus in a child process: time, words per second, peak memory
   (``ru_maxrss`` of the child) and the ratio to bare spaCy on the same texts;
4. ``search`` and ``learning_path`` latency on the largest graph built.

Each timing is the best of several runs. ``--quick`` skips the corpus (CI smoke use).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
import spacy
from spacy.language import Language

from extraction import nlp as nlp_module
from extraction.concepts import segments_of
from extraction.readers import iter_note_files, read_paths
from extraction.records import ReadResult
from graph.build import build_cached, build_graph, code_version
from graph.query import learning_path, search

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_NOTES = ROOT.parent / "shared" / "seeds"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "d2l"

#: Runs of each short measurement (the best one counts).
REPEATS = 3
#: Queries of each kind; five kinds (label, alias, prefix, dropped and swapped letter).
QUERIES_PER_KIND = 40
QUERY_SEED = 20261123

# Goals (``value <= goal``).
GOAL_OVER_BARE = 1.5
GOAL_WARM_OVER_COLD = 0.15
GOAL_PEAK_GB = 2.0
GOAL_P95_MS = 50.0


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """The wall time of one call of ``fn`` (seconds), and its result."""
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def best_of(runs: int, fn: Callable[[], Any]) -> float:
    """The shortest wall time of ``runs`` calls of ``fn`` (seconds)."""
    return min(timed(fn)[0] for _ in range(runs))


def parsed_texts(results: Sequence[ReadResult]) -> list[str]:
    """Exactly the texts a build parses, in the order it parses them."""
    cards = [card for result in results for card in result.cards]
    return [seg.text for file_segs in segments_of(cards) for seg in file_segs]


def bare_pipe(texts: Sequence[str], nlp: Language) -> int:
    """Parse ``texts`` with the pipeline alone; the number of docs (discarded)."""
    return len(list(nlp_module.pipe(texts, nlp=nlp)))


def spacy_pipe(texts: Sequence[str], nlp: Language) -> int:
    """Parse ``texts`` with spaCy's own ``nlp.pipe``, every component as the pipeline
    runs it (its attribute ruler's matcher included; :func:`bare_pipe` looks the ruler's
    patterns up in a table, :class:`extraction.nlp.RuleTable`), one batch size."""
    return len(list(nlp.pipe(texts, batch_size=nlp_module.BATCH_SIZE)))


def cold_build(paths: Sequence[Path], nlp: Language) -> nx.MultiDiGraph:
    """Read ``paths`` and build their graph, no cache."""
    return build_graph(read_paths(paths), nlp=nlp)


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpu = "unknown"
    ram_gb = 0.0
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gb = round(int(line.split()[1]) * 1024 / 1e9, 1)
                break
    except OSError:
        pass
    nlp = nlp_module.load()
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu": cpu,
        "ram_gb": ram_gb,
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "model": f"{nlp_module.pipeline_name()} {nlp.meta.get('version', '?')}",
        "platform": platform.platform(),
    }


# --- 1 and 2: the notes folder -----------------------------------------------------------


def bench_notes(notes: Path, nlp: Language) -> tuple[dict[str, Any], nx.MultiDiGraph]:
    """Cold build vs bare spaCy, warm rebuild and one-file-changed rebuild vs cold; and
    the graph of the notes."""
    paths = [notes]
    texts = parsed_texts(read_paths(paths))
    bare_s = cold_s = spacy_s = float("inf")
    graph = None
    for _ in range(REPEATS):  # interleaved, so both see the same noise
        bare_s = min(bare_s, timed(lambda: bare_pipe(texts, nlp))[0])
        spacy_s = min(spacy_s, timed(lambda: spacy_pipe(texts, nlp))[0])
        elapsed, graph = timed(lambda: cold_build(paths, nlp))
        cold_s = min(cold_s, elapsed)
    assert graph is not None
    with tempfile.TemporaryDirectory(prefix="atlas-bench-") as tmp:
        cache = Path(tmp) / "cache"
        build_cached(read_paths(paths), cache_dir=cache, nlp=nlp)  # fill
        warm_s = best_of(REPEATS, lambda: build_cached(read_paths(paths), cache_dir=cache, nlp=nlp))
        copy = Path(tmp) / "notes"
        shutil.copytree(notes, copy)
        build_cached(read_paths([copy]), cache_dir=cache, nlp=nlp)  # fill for the copy
        changed = next(iter(iter_note_files([copy])))
        share = changed.stat().st_size / sum(p.stat().st_size for p in iter_note_files([copy]))
        changed_s = float("inf")
        for i in range(REPEATS):  # a new line each time: the file's parse is never cached
            with changed.open("a", encoding="utf-8") as f:
                f.write(f"\nBenchmark line {i}: a gradient is a vector of partial derivatives.\n")
            elapsed, _ = timed(lambda: build_cached(read_paths([copy]), cache_dir=cache, nlp=nlp))
            changed_s = min(changed_s, elapsed)
    figures = {
        **bench_singulars(paths, texts, nlp),
        "path": str(notes),
        "files": len(list(iter_note_files(paths))),
        "texts": len(texts),
        "words": sum(len(text.split()) for text in texts),
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "bare_s": bare_s,
        "cold_s": cold_s,
        "warm_s": warm_s,
        "changed_file": changed.name,
        "changed_file_share": round(share, 3),
        "one_changed_s": changed_s,
        "cold_over_bare": cold_s / bare_s,
        "spacy_s": spacy_s,
        "cold_over_spacy": cold_s / spacy_s,
        "warm_over_cold": warm_s / cold_s,
        "one_changed_over_cold": changed_s / cold_s,
    }
    return figures, graph


def bench_singulars(paths: Sequence[Path], texts: Sequence[str], nlp: Language) -> dict:
    """What singulars cost: the cold build with lemminflect's singulars against the same
    build with every name left as written; and what spaCy's own lemmatizer would have
    cost: the bare parse with it against the bare parse without it."""
    from extraction.concepts import index as index_module
    from extraction.concepts import phrases

    def as_written(word: str) -> str:
        return word

    real = phrases.singular
    with_s = without_s = float("inf")
    for _ in range(REPEATS):
        with_s = min(with_s, timed(lambda: cold_build(paths, nlp))[0])
        phrases.singular = index_module.singular = as_written
        try:
            without_s = min(without_s, timed(lambda: cold_build(paths, nlp))[0])
        finally:
            phrases.singular = index_module.singular = real
            phrases.match_key.cache_clear()
    lemmatizing = spacy.load(nlp_module.model_name(), exclude=["ner"])
    bare_s = lemma_s = float("inf")
    for _ in range(REPEATS):  # spaCy's own pipe both: the table reads a last ruler only
        bare_s = min(bare_s, timed(lambda: spacy_pipe(texts, nlp))[0])
        lemma_s = min(lemma_s, timed(lambda: spacy_pipe(texts, lemmatizing))[0])
    return {
        "singulars_over_as_written": with_s / without_s,
        "spacy_lemmatizer_over_bare": lemma_s / bare_s,
    }


# --- 3: the corpus, in a child process -----------------------------------------------------


def bench_corpus_here(corpus: Path, runs: int) -> dict[str, Any]:
    """The corpus build vs bare spaCy (interleaved, ``runs`` each) and query latency.
    Runs in the child process whose peak memory the parent reads."""
    nlp = nlp_module.load()
    texts = parsed_texts(read_paths([corpus]))
    bare_s = build_s = float("inf")
    graph = None
    for _ in range(runs):  # interleaved, so both see the same noise
        bare_s = min(bare_s, timed(lambda: bare_pipe(texts, nlp))[0])
        elapsed, graph = timed(lambda: cold_build([corpus], nlp))
        build_s = min(build_s, elapsed)
    assert graph is not None
    words = sum(len(text.split()) for text in texts)
    return {
        "path": str(corpus),
        "texts": len(texts),
        "words": words,
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "bare_s": bare_s,
        "build_s": build_s,
        "runs": runs,
        "words_per_s": words / build_s,
        "bare_words_per_s": words / bare_s,
        "build_over_bare": build_s / bare_s,
        "queries": bench_queries(graph, "corpus"),
    }


def bench_corpus(corpus: Path, runs: int) -> dict[str, Any]:
    """Run :func:`bench_corpus_here` in a child process; add its peak resident memory.

    ``RUSAGE_CHILDREN`` gives the largest ``ru_maxrss`` of the waited-for children; this
    process starts no other, so it is the child's (model, texts, parses and graph).
    """
    command = [sys.executable, "-m", "benchmarks", "--corpus", str(corpus)]
    command += ["--corpus-runs", str(runs), "--child"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the corpus benchmark failed:\n{done.stderr}")
    result = json.loads(done.stdout)
    result["peak_rss_gb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024 / 1e9
    return result


# --- 4: queries ------------------------------------------------------------------------------


def _drop_letter(text: str, rng: random.Random) -> str:
    i = rng.randrange(len(text))
    return text[:i] + text[i + 1 :] if len(text) > 1 else text


def _swap_letters(text: str, rng: random.Random) -> str:
    if len(text) < 2:
        return text
    i = rng.randrange(len(text) - 1)
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :]


def make_queries(G: nx.MultiDiGraph, rng: random.Random) -> list[str]:
    """What a student types: labels, aliases, prefixes and misspellings (a letter dropped
    or two swapped) of concepts drawn with ``rng``, :data:`QUERIES_PER_KIND` of each."""
    nodes = sorted(G, key=str)
    queries = []
    for _ in range(QUERIES_PER_KIND):
        for kind in ("label", "alias", "prefix", "drop", "swap"):
            node = rng.choice(nodes)
            label = str(G.nodes[node].get("label") or node)
            aliases = [str(a) for a in G.nodes[node].get("aliases") or ()]
            if kind == "alias" and aliases:
                queries.append(rng.choice(aliases))
            elif kind == "prefix":
                queries.append(label[: max(3, len(label) // 2)])
            elif kind == "drop":
                queries.append(_drop_letter(label, rng))
            elif kind == "swap":
                queries.append(_swap_letters(label, rng))
            else:
                queries.append(label)
    return queries


def _timed_ms(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def _percentile(values: Sequence[float], pct: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]


def bench_queries(G: nx.MultiDiGraph, name: str) -> dict[str, Any]:
    """``search`` and ``learning_path`` latency (ms) on ``G``; the first call of each, which
    builds the lookup tables cached on ``G``, is reported apart."""
    G.__networkx_cache__.clear()  # a fresh graph: nothing precomputed
    rng = random.Random(QUERY_SEED)
    queries = make_queries(G, rng)
    targets = rng.sample(sorted(G, key=str), min(len(queries), G.number_of_nodes()))
    search_first = _timed_ms(lambda: search(G, queries[0]))
    search_ms = [_timed_ms(lambda q=q: search(G, q)) for q in queries]
    path_first = _timed_ms(lambda: learning_path(G, targets[0]))
    path_ms = [_timed_ms(lambda t=t: learning_path(G, t)) for t in targets]
    return {
        "graph": name,
        "nodes": G.number_of_nodes(),
        "searches": len(search_ms),
        "paths": len(path_ms),
        "search_first_ms": search_first,
        "search_p50_ms": _percentile(search_ms, 50),
        "search_p95_ms": _percentile(search_ms, 95),
        "path_first_ms": path_first,
        "path_p50_ms": _percentile(path_ms, 50),
        "path_p95_ms": _percentile(path_ms, 95),
    }


# --- report ----------------------------------------------------------------------------------


def _row(measure: str, value: float, fmt: str, goal: float | None = None) -> dict[str, Any]:
    return {
        "measure": measure,
        "value": value,
        "shown": format(value, fmt),
        "goal": goal,
        "ok": None if goal is None else value <= goal,
    }


def table(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows (measure, value, goal, ok) of ``report``."""
    notes = report["notes"]
    rows = [
        _row("notes: bare nlp.pipe (s)", notes["bare_s"], ".2f"),
        _row("notes: cold build (s)", notes["cold_s"], ".2f"),
        _row("notes: cold build / bare nlp.pipe", notes["cold_over_bare"], ".2f", GOAL_OVER_BARE),
        _row("notes: spaCy's own nlp.pipe (s)", notes["spacy_s"], ".2f"),
        _row("notes: cold build / spaCy's own nlp.pipe", notes["cold_over_spacy"], ".2f"),
        _row("notes: warm rebuild / cold", notes["warm_over_cold"], ".3f", GOAL_WARM_OVER_COLD),
        _row("notes: one file changed / cold", notes["one_changed_over_cold"], ".2f"),
        _row(
            "notes: build with lemminflect singulars / names as written",
            notes["singulars_over_as_written"],
            ".2f",
        ),
        _row(
            "notes: bare nlp.pipe with spaCy's lemmatizer / without",
            notes["spacy_lemmatizer_over_bare"],
            ".2f",
        ),
    ]
    corpus = report.get("corpus")
    if corpus:
        rows += [
            _row("corpus: bare nlp.pipe (s)", corpus["bare_s"], ".1f"),
            _row("corpus: build (s)", corpus["build_s"], ".1f"),
            _row("corpus: build / bare nlp.pipe", corpus["build_over_bare"], ".2f", GOAL_OVER_BARE),
            _row("corpus: build words/s", corpus["words_per_s"], ",.0f"),
            _row("corpus: bare nlp.pipe words/s", corpus["bare_words_per_s"], ",.0f"),
            _row("corpus: peak RSS of the child (GB)", corpus["peak_rss_gb"], ".2f", GOAL_PEAK_GB),
        ]
    queries = report["queries"]
    graph = f"{queries['graph']} graph, {queries['nodes']} nodes"
    rows += [
        _row(f"search first call (ms; {graph})", queries["search_first_ms"], ".1f"),
        _row(f"search p50 (ms; {queries['searches']} queries)", queries["search_p50_ms"], ".2f"),
        _row("search p95 (ms)", queries["search_p95_ms"], ".2f", GOAL_P95_MS),
        _row("learning_path first call (ms)", queries["path_first_ms"], ".1f"),
        _row(f"learning_path p50 (ms; {queries['paths']} targets)", queries["path_p50_ms"], ".3f"),
        _row("learning_path p95 (ms)", queries["path_p95_ms"], ".3f", GOAL_P95_MS),
    ]
    return rows


def render(report: dict[str, Any]) -> str:
    """The report as text: the machine, then the table."""
    m = report["machine"]
    lines = [
        f"Concept Atlas benchmark, {report['date']}",
        f"machine: {m['nproc']} cores, {m['cpu']}, {m['ram_gb']} GB RAM; Python {m['python']},"
        f" spaCy {m['spacy']}, model {m['model']}",
        f"notes: {report['notes']['path']} ({report['notes']['files']} files,"
        f" {report['notes']['words']:,} words; changed file {report['notes']['changed_file']})",
    ]
    if report.get("corpus"):
        c = report["corpus"]
        lines.append(
            f"corpus: {c['path']} ({c['words']:,} words, {c['nodes']} nodes, best of {c['runs']})"
        )
    else:
        lines.append(f"corpus: skipped ({report['corpus_skipped']})")
    lines.extend(f"warning: {w}" for w in report["warnings"])
    rows = [("measure", "value", "goal", "ok?")]
    for row in report["table"]:
        goal = "" if row["goal"] is None else f"<= {row['goal']:g}"
        ok = "" if row["ok"] is None else ("yes" if row["ok"] else "NO")
        rows.append((row["measure"], row["shown"], goal, ok))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines.append("")
    for i, r in enumerate(rows):
        lines.append(
            f"{r[0]:<{widths[0]}} | {r[1]:>{widths[1]}} | {r[2]:<{widths[2]}} | {r[3]}".rstrip()
        )
        if i == 0:
            lines.append("-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def run(notes: Path, corpus: Path | None, corpus_runs: int) -> dict[str, Any]:
    """Every measurement; ``corpus`` None skips the corpus (its queries then run on the
    notes graph)."""
    nlp = nlp_module.load()
    version = code_version()
    report: dict[str, Any] = {
        "date": date.today().isoformat(),
        "machine": machine(),
        "warnings": [],
    }
    report["notes"], notes_graph = bench_notes(notes, nlp)
    if corpus is None:
        report["corpus_skipped"] = "--quick"
    elif not corpus.is_dir():
        report["corpus_skipped"] = f"{corpus} is absent"
    else:
        report["corpus"] = bench_corpus(corpus, corpus_runs)
    if "corpus" in report:
        report["queries"] = report["corpus"].pop("queries")
    else:
        report["queries"] = bench_queries(notes_graph, "notes")
    if code_version() != version:
        report["warnings"].append(
            "extraction/ or graph/ changed during the run: warm rebuilds may have missed the memo"
        )
    report["table"] = table(report)
    return report


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m benchmarks [--quick] [--json] [--notes DIR] [--corpus DIR]``."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="the notes only, skip the corpus")
    parser.add_argument("--json", action="store_true", help="print JSON for machines")
    parser.add_argument("--notes", type=Path, default=DEFAULT_NOTES, help="default: %(default)s")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="default: %(default)s")
    parser.add_argument(
        "--corpus-runs", type=int, default=2, help="corpus builds (best counts); default: 2"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:  # the corpus part, in the process whose memory is measured
        print(json.dumps(bench_corpus_here(args.corpus, args.corpus_runs)))
        return 0
    if not args.notes.is_dir():
        print(f"error: no notes folder {args.notes}", file=sys.stderr)
        return 2
    report = run(args.notes, None if args.quick else args.corpus, args.corpus_runs)
    if "corpus_skipped" in report and not args.quick:
        print(f"skipping the corpus benchmarks: {report['corpus_skipped']}", file=sys.stderr)
    print(json.dumps(report, indent=2) if args.json else render(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
