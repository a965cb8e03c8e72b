"""The concept floors of the dev gold (seeds 000-003) never regress."""

from __future__ import annotations

import pytest

from tests.quality import dev_scores

FLOORS = {
    "concept_recall_core": 0.90,
    "concept_recall_all": 0.75,
    "node_precision": 0.70,
    "top100_precision": 0.90,
    "merge_rate": 0.92,
}
CEILINGS = {"overmerged_nodes": 3, "noise_nodes": 0}


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    return dev_scores(tmp_path_factory.mktemp("quality"))


@pytest.mark.slow
@pytest.mark.parametrize(("metric", "floor"), FLOORS.items())
def test_concepts_quality_floor(scores, metric, floor):
    assert scores[metric] >= floor, f"{metric} = {scores[metric]:.3f} < {floor}"


@pytest.mark.slow
@pytest.mark.parametrize(("metric", "ceiling"), CEILINGS.items())
def test_concepts_quality_ceiling(scores, metric, ceiling):
    assert scores[metric] <= ceiling, f"{metric} = {scores[metric]} > {ceiling}"
