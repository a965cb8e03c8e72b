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
