"""Time and peak memory of each stage of one build, to find the stage that grows.

``python -m benchmarks.stage_cost NOTES [--out GRAPH] [--profile FILE] [--parse-only]``

Builds ``NOTES`` (no cache) in this process and prints, for each stage named by
:data:`graph.build.BUILD_STAGES` (and the parse), its seconds, its CPU seconds (user and
system, of this process and of the worker processes that ended during it: less moved by
a shared machine's load than the wall time), the resident memory when
it ended and the peak resident memory during it (Linux: the peak is reset at each stage
through ``/proc/self/clear_refs``; elsewhere the peak is the process's so far).
``--out`` also writes the graph (:func:`graph.io.write_graph`) as the last stage.
``--profile`` also writes a cProfile of the whole build (read it with ``pstats``).
``--parse-only`` times the parse alone (:func:`extraction.nlp.pipe` over the segments a
build parses, in one process): the floor under a build's time.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import time
from pathlib import Path


def _status(field: str) -> int:
    """A ``/proc/self/status`` figure in MB (0 where there is none)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def _cpu() -> float:
    """User and system CPU seconds of this process and of its ended children."""
    import resource

    return sum(
        r.ru_utime + r.ru_stime
        for r in (
            resource.getrusage(resource.RUSAGE_SELF),
            resource.getrusage(resource.RUSAGE_CHILDREN),
        )
    )


def _reset_peak() -> None:
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notes", type=Path, nargs="+")
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--parse-only", action="store_true")
    parser.add_argument("--out", type=Path, help="write the graph here, as a last stage")
    args = parser.parse_args(argv)

    from extraction import nlp as nlp_module
    from extraction.readers import read_paths
    from graph.build import build_graph

    nlp_module.load()
    results = read_paths([str(p) for p in args.notes])
    print(f"read {sum(len(r.cards) for r in results)} cards; RSS {_status('VmRSS')} MB")
    if args.parse_only:
        return _parse_only(results)
    rows: list[tuple[str, float, float, int, int]] = []
    current = {"stage": "read", "start": time.perf_counter(), "cpu": _cpu()}
    _reset_peak()

    def tell(p: nlp_module.Progress) -> None:
        if p.stage == current["stage"]:
            return
        now, cpu = time.perf_counter(), _cpu()
        stage, seconds, cpu_seconds = current["stage"], now - current["start"], cpu - current["cpu"]
        rss, peak = _status("VmRSS"), _status("VmHWM")
        rows.append((stage, seconds, cpu_seconds, rss, peak))
        print(
            f"{stage:14} {seconds:7.1f} s  CPU {cpu_seconds:7.1f} s  RSS {rss:6} MB  "
            f"peak {peak:6} MB",
            flush=True,
        )
        _reset_peak()
        current.update(stage=p.stage, start=time.perf_counter(), cpu=_cpu())

    profiler = cProfile.Profile() if args.profile else None
    start, cpu_start = time.perf_counter(), _cpu()
    if profiler:
        profiler.enable()
    G = build_graph(results, progress=tell)
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.profile)
    if args.out:
        from graph.io import write_graph

        tell(nlp_module.Progress("write", 0, 1))
        write_graph(G, args.out)
        tell(nlp_module.Progress("written", 1, 1))
    print(
        f"total {time.perf_counter() - start:.1f} s ({_cpu() - cpu_start:.1f} s CPU): "
        f"{G.number_of_nodes()} concepts, "
        f"{G.number_of_edges()} relations"
    )
    return 0


def _parse_only(results: list) -> int:
    """Time :func:`extraction.nlp.pipe` alone over the segments of ``results``."""
    from extraction import nlp as nlp_module
    from extraction.concepts import segments_of

    cards = [card for result in results for card in result.cards]
    texts = [seg.text for segments in segments_of(cards) for seg in segments]
    start = time.perf_counter()
    words = sum(len(doc) for doc in nlp_module.pipe(texts))
    seconds = time.perf_counter() - start
    print(
        f"parse alone: {len(texts)} segments, {words} tokens in {seconds:.1f} s "
        f"({words / seconds:,.0f} tokens/s); peak {_status('VmHWM')} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
