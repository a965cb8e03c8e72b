"""Shared test fixtures: the real notes in ../shared, found beside the repository."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CORPORA = SHARED / "corpora"
DATA = ROOT / "data"

#: Debian's Chromium, driven by Playwright; no browser is ever downloaded.
CHROMIUM = Path("/usr/bin/chromium")

#: Marks of a test that drives Chromium.
BROWSER_TEST = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no system Chromium at {CHROMIUM}"),
]

requires_shared = pytest.mark.skipif(
    not SEEDS.is_dir(), reason=f"the real notes are not here: {SHARED} is absent"
)


def seed(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` ("000", "001", ...)."""
    matches = sorted(SEEDS.glob(f"{prefix}_*"))
    if not matches:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    return matches[0]


def load_module(path: Path, name: str) -> ModuleType:
    """Import a file that is not in a package (a script, another test module)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def dev_scores(tmp_path_factory) -> dict:
    """The gold scorer's figures (``../shared/eval/score.py``) for the graph of seeds
    000-003, built once per test session."""
    from extraction.readers import read_paths
    from graph.build import build_graph
    from graph.io import write_graph

    gold = SHARED / "eval"
    if not (gold / "score.py").exists() or not (gold / "dev").is_dir():
        pytest.skip(f"the dev gold is not here: {gold} is absent")
    scorer = load_module(gold / "score.py", "concept_atlas_score")
    path = tmp_path_factory.mktemp("dev") / "dev.json"
    write_graph(build_graph(read_paths(sorted(SEEDS.glob("00[0-3]_*.txt")))), path)
    return scorer.score(str(path), str(gold / "dev"))
