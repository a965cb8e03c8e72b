"""Time and peak memory of each stage of one build, to find the stage that grows.

``python -m benchmarks.stage_cost NOTES [--profile FILE]``

Builds ``NOTES`` (no cache) in this process and prints, for each stage named by
:data:`graph.build.BUILD_STAGES` (and the parse), its seconds, the resident memory when
it ended and the peak resident memory during it (Linux: the peak is reset at each stage
through ``/proc/self/clear_refs``; elsewhere the peak is the process's so far).
``--profile`` also writes a cProfile of the whole build (read it with ``pstats``).
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


def _reset_peak() -> None:
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notes", type=Path, nargs="+")
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args(argv)

    from extraction import nlp as nlp_module
    from extraction.readers import read_paths
    from graph.build import build_graph

    nlp_module.load()
    results = read_paths([str(p) for p in args.notes])
    print(f"read {sum(len(r.cards) for r in results)} cards; RSS {_status('VmRSS')} MB")
    rows: list[tuple[str, float, int, int]] = []
    current = {"stage": "read", "start": time.perf_counter()}
    _reset_peak()

    def tell(p: nlp_module.Progress) -> None:
        if p.stage == current["stage"]:
            return
        now = time.perf_counter()
        stage, seconds = current["stage"], now - current["start"]
        rss, peak = _status("VmRSS"), _status("VmHWM")
        rows.append((stage, seconds, rss, peak))
        print(f"{stage:14} {seconds:7.1f} s  RSS {rss:6} MB  peak {peak:6} MB", flush=True)
        _reset_peak()
        current.update(stage=p.stage, start=time.perf_counter())

    profiler = cProfile.Profile() if args.profile else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    G = build_graph(results, progress=tell)
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.profile)
    print(
        f"total {time.perf_counter() - start:.1f} s: {G.number_of_nodes()} concepts, "
        f"{G.number_of_edges()} relations"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
