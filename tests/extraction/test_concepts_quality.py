"""Concept quality on the development gold (dev + dev2), leave-one-file-out.

``benchmarks.quality.run`` builds each of the twelve development files alone with the
concept selector fitted without that file and scores it on the file's own gold rows;
the figures are pooled over the files (micro-averaged).

The floors below are the figures this code reaches (measured 2026-12-07, twenty-fourth
session: core 0.891, all 0.694, precision 0.780, top-100 0.780), a little under them: they
hold what has been reached; the noise ceiling is the issue's own (2 per file, pooled), met
since the nineteenth session. Issue #12 asks for more (:data:`ISSUE_FLOORS`); those are
printed with the figures, not asserted, until the selector reaches them.
"""

from __future__ import annotations

import pytest

from tests.conftest import requires_shared

#: Leave-one-file-out, pooled over dev and dev2: floors held (no regression).
FLOORS = {
    "concept_recall_core": 0.88,
    "concept_recall_all": 0.68,
    "node_precision": 0.76,
    "top100_precision": 0.76,
    "merge_rate": 0.93,
    "alias_pairs_merged": 0.90,
}
#: Built alone, the development files' core recall: every dev2 file at least this.
DEV2_FILE_CORE = 0.70
#: Ceilings: over-merged nodes per 200 nodes; noise nodes per file (pooled).
OVERMERGED_PER_200 = 1.0
NOISE_PER_FILE = 2.0

#: What issue #12 asks for (leave-one-file-out, pooled), reported by the benchmark.
ISSUE_FLOORS = {
    "concept_recall_core": 0.90,
    "concept_recall_all": 0.72,
    "node_precision": 0.78,
    "top100_precision": 0.90,
    "merge_rate": 0.94,
    "alias_pairs_merged": 0.85,
}


@pytest.fixture(scope="module")
def saved_models(tmp_path_factory):
    """The folder where the module's run writes each fold's fitted models."""
    return tmp_path_factory.mktemp("lofo-models")


@pytest.fixture(scope="module")
def report(saved_models):
    from benchmarks import quality

    if not (quality.EVAL / "score.py").exists():
        pytest.skip(f"the development gold is not here: {quality.EVAL} is absent")
    return quality.run(lofo=True, together=False, save_models=saved_models)


@pytest.mark.slow
@requires_shared
def test_concepts_quality_frozen_models_give_the_fitted_figures(report, saved_models):
    """A --frozen run reuses the saved fold models: with nothing changed it scores each
    file exactly as the run that fitted them (what lets a change be judged apart from
    its refit)."""
    from benchmarks import quality

    files = [f for f in quality.dev_files() if f.number in {"204", "206"}]
    assert {p.name for p in saved_models.iterdir()} >= {"204", "206"}
    frozen = quality.run(files, lofo=True, together=False, frozen=saved_models)
    for f in files:
        assert frozen.lofo[f.number] == report.lofo[f.number]


@pytest.mark.slow
@requires_shared
@pytest.mark.parametrize(("metric", "floor"), FLOORS.items())
def test_concepts_quality_leave_one_file_out_floor(report, metric, floor):
    pooled = report.pooled("lofo")
    target = ISSUE_FLOORS[metric]
    assert pooled[metric] >= floor, f"{metric} = {pooled[metric]:.3f} < {floor} (issue: {target})"


@pytest.mark.slow
@requires_shared
def test_concepts_quality_overmerged_and_noise_ceilings(report):
    pooled = report.pooled("lofo")
    files = len(report.lofo)
    assert pooled["overmerged_nodes"] <= OVERMERGED_PER_200 * pooled["nodes"] / 200
    assert pooled["noise_nodes"] <= NOISE_PER_FILE * files


@pytest.mark.slow
@requires_shared
def test_concepts_quality_each_dev2_file_alone_finds_its_core_concepts(report):
    low = {
        number: round(scores["concept_recall_core"], 3)
        for number, scores in report.alone.items()
        if number.startswith("2") and scores["concept_recall_core"] < DEV2_FILE_CORE
    }
    assert not low, low
