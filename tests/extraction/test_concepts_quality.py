"""The concept floors of the dev gold (seeds 000-003) never regress."""

from __future__ import annotations

import pytest

FLOORS = {
    "concept_recall_core": 0.90,
    "concept_recall_all": 0.75,
    "node_precision": 0.70,
    "top100_precision": 0.90,
    "merge_rate": 0.92,
}
CEILINGS = {"overmerged_nodes": 3, "noise_nodes": 0}


@pytest.mark.slow
@pytest.mark.parametrize(("metric", "floor"), FLOORS.items())
def test_concepts_quality_floor(dev_scores, metric, floor):
    assert dev_scores[metric] >= floor, f"{metric} = {dev_scores[metric]:.3f} < {floor}"


@pytest.mark.slow
@pytest.mark.parametrize(("metric", "ceiling"), CEILINGS.items())
def test_concepts_quality_ceiling(dev_scores, metric, ceiling):
    assert dev_scores[metric] <= ceiling, f"{metric} = {dev_scores[metric]} > {ceiling}"
