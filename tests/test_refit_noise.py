"""The refit-noise benchmark: leave-one-file-out figures of the candidate groups, exact and
with the training groups' weights jittered."""

from __future__ import annotations

import pytest

from benchmarks.refit_noise import FileGroups, Group, lofo_figures, spread


def _file(*groups: tuple[float, int, str], tiers: dict[str, str]) -> FileGroups:
    """A file of groups given as (uses as log-odds evidence, label, gold name or '')."""
    return FileGroups(
        [
            Group({"log_count": uses}, label, 1.0, frozenset({name} if name else ()))
            for uses, label, name in groups
        ],
        tiers,
    )


#: Two files on soil science: the names used most are its concepts.
FILES = {
    "a": _file(
        (3.0, 1, "erosion"), (3.0, 1, "topsoil"), (0.5, 0, ""), (0.2, 0, ""),
        tiers={"erosion": "core", "topsoil": "mentioned", "humus": "core"},
    ),
    "b": _file(
        (3.0, 1, "leaching"), (3.0, 1, "clay"), (0.4, 0, ""), (0.1, 0, ""),
        tiers={"leaching": "core", "clay": "mentioned"},
    ),
}  # fmt: skip


def test_refit_noise_counts_a_gold_concept_no_group_names_as_missed() -> None:
    core, recall, precision = lofo_figures(FILES)
    assert (core, recall, precision) == (2 / 3, 4 / 5, 1.0)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_refit_noise_small_jitter_keeps_what_clear_evidence_keeps(seed: int) -> None:
    assert lofo_figures(FILES, jitter=0.2, seed=seed) == lofo_figures(FILES)


@pytest.mark.parametrize(
    ("figures", "expected"),
    [
        ([(0.9, 0.7, 0.8)], [(0.9, 0.9, 0.9), (0.7, 0.7, 0.7), (0.8, 0.8, 0.8)]),
        ([(0.8, 0.6, 0.7), (0.9, 0.6, 0.8)], [(0.85, 0.8, 0.9), (0.6, 0.6, 0.6), (0.75, 0.7, 0.8)]),
    ],
)
def test_refit_noise_spread_gives_mean_lowest_highest(figures, expected) -> None:
    assert spread(figures) == expected
