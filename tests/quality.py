"""Scoring a graph of the dev seeds with ../shared/eval/score.py (for quality tests)."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

import pytest

from extraction.readers import read_paths
from graph.build import build_graph
from graph.io import write_graph
from tests.conftest import SEEDS, SHARED

EVAL = SHARED / "eval"


@cache
def dev_scores(tmp: Path) -> dict:
    """The scorer's figures for the graph of seeds 000-003 (built once per session)."""
    scorer_path = EVAL / "score.py"
    if not scorer_path.exists() or not (EVAL / "dev").is_dir():
        pytest.skip(f"the dev gold is not here: {EVAL} is absent")
    spec = importlib.util.spec_from_file_location("concept_atlas_score", scorer_path)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    files = sorted(p for p in SEEDS.glob("00[0-3]_*.txt"))
    G = build_graph(read_paths(files))
    path = tmp / "dev.json"
    write_graph(G, path)
    return scorer.score(str(path), str(EVAL / "dev"))
