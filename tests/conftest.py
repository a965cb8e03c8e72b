"""Shared test fixtures: the real notes in ../shared, found beside the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CORPORA = SHARED / "corpora"
DATA = ROOT / "data"

requires_shared = pytest.mark.skipif(
    not SEEDS.is_dir(), reason=f"the real notes are not here: {SHARED} is absent"
)


def seed(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` ("000", "001", ...)."""
    matches = sorted(SEEDS.glob(f"{prefix}_*"))
    if not matches:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    return matches[0]
