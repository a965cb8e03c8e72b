"""Smoke test of ``python -m benchmarks --quick``: it runs and reports numbers.

Timings are never asserted: they depend on the machine and its load.
"""

from __future__ import annotations

import json

import pytest

from benchmarks.run import main
from tests.conftest import DATA

NOTES_FIGURES = (
    "bare_s cold_s warm_s one_changed_s cold_over_bare warm_over_cold one_changed_over_cold"
    " texts words nodes"
).split()
QUERY_FIGURES = (
    "search_first_ms search_p50_ms search_p95_ms path_first_ms path_p50_ms path_p95_ms"
).split()


@pytest.mark.slow  # loads the model and builds data/ a dozen times (~8 s)
def test_quick_mode_reports_positive_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--quick", "--json", "--notes", str(DATA)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert {"date", "machine", "notes", "queries", "table", "warnings"} <= report.keys()
    assert "corpus" not in report and report["corpus_skipped"] == "--quick"
    assert report["machine"]["nproc"] >= 1 and report["machine"]["model"]
    notes = report["notes"]
    assert notes["files"] == len([p for p in DATA.iterdir() if p.is_file()])
    assert all(notes[key] > 0 for key in NOTES_FIGURES), notes
    queries = report["queries"]
    assert queries["graph"] == "notes" and queries["searches"] == 200
    assert all(queries[key] > 0 for key in QUERY_FIGURES), queries
    assert report["table"] and all(
        {"measure", "value", "goal", "ok"} <= row.keys() and row["value"] > 0
        for row in report["table"]
    )


def test_quality_scorer_runs_with_a_fixed_hash_seed(tmp_path) -> None:
    """The scorer breaks ties by set order, which follows string hashing: it runs in a
    child interpreter whose hash seed is fixed, so two runs of one graph agree."""
    import subprocess
    import sys

    from benchmarks.quality import SCORER_HASH_SEED, SeededScorer

    script = tmp_path / "score.py"
    script.write_text(
        "def score(graph_file, gold, paths_file):\n"
        "    return {'hash': hash(graph_file.name), 'order': list({'a', 'b', 'c', 'd'})}\n",
        encoding="utf-8",
    )
    expected = subprocess.run(
        [sys.executable, "-c", "print(hash('g.json'), list({'a', 'b', 'c', 'd'}))"],
        env={"PYTHONHASHSEED": SCORER_HASH_SEED},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split(" ", 1)
    first, second = SeededScorer(script), SeededScorer(script)
    try:
        results = [
            s.score(tmp_path / "g.json", tmp_path, tmp_path / "p.json") for s in (first, second)
        ]
    finally:
        first.close()
        second.close()
    assert results[0] == results[1]
    assert results[0]["hash"] == int(expected[0])
    assert str(results[0]["order"]) == expected[1].strip()
