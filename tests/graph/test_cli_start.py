"""The command line starts fast: a warm rebuild and every query or export command run
without importing spaCy or wordfreq (they only read a graph file).

Each command runs in a fresh interpreter (a subprocess), which then reports the
top-level packages it imported: no timing is measured, only what was loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph.export import FOLDER_FORMATS, FORMATS
from tests.conftest import DATA, ROOT

#: What a command that only reads a graph must never load.
HEAVY = {"spacy", "thinc", "wordfreq"}
#: Needed by the readers and the NLP stages, not by a query.
READING = {"pypdf", "docx", "genanki"}

_RUN = """
import json, sys
from graph.__main__ import main
code = main(sys.argv[2:])
loaded = sorted({name.split(".")[0] for name in sys.modules})
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump({"code": code, "loaded": loaded}, f)
"""


def run_fresh(tmp_path: Path, *argv: str) -> tuple[int, set[str]]:
    """Run ``python -m graph ARGV`` in a new interpreter; its exit code and the top-level
    packages it imported."""
    report = tmp_path / f"report-{len(list(tmp_path.glob('report-*')))}.json"
    done = subprocess.run(
        [sys.executable, "-c", _RUN, str(report), *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert report.exists(), done.stderr
    result = json.loads(report.read_text(encoding="utf-8"))
    return result["code"], set(result["loaded"])


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """The sample notes built once (a cold build, which does load spaCy), with a cache."""
    from graph.__main__ import main

    folder = tmp_path_factory.mktemp("start")
    graph, cache = folder / "sample.json", folder / "cache"
    assert main(["build", str(DATA), "--out", str(graph), "--cache", str(cache)]) == 0
    return graph, cache


def test_cli_start_warm_build_imports_no_nlp(built, tmp_path):
    graph, cache = built
    code, loaded = run_fresh(
        tmp_path, "build", str(DATA), "--out", str(tmp_path / "again.json"), "--cache", str(cache)
    )
    assert code == 0
    assert not loaded & HEAVY, loaded & HEAVY
    assert (tmp_path / "again.json").read_text(encoding="utf-8") == graph.read_text("utf-8")


def test_cli_start_cold_build_does_load_spacy(tmp_path):
    """The check above can fail: a build that has to parse does import spaCy."""
    code, loaded = run_fresh(
        tmp_path, "build", str(DATA), "--out", str(tmp_path / "g.json"), "--no-cache"
    )
    assert code == 0 and {"spacy", "wordfreq"} <= loaded


#: Each query command, on concepts of the sample graph (:func:`names`): a target, a
#: concept it needs, another concept linked to it, and the target's label misspelt.
QUERIES = [
    ["path", "{target}", "--known", "{known}"],
    ["search", "{misspelt}"],
    ["next", "--known", "{known}"],
    ["neighbourhood", "{target}", "--depth", "2"],
    ["connect", "{target}", "{other}"],
    ["topics"],
    ["gaps"],
]


@pytest.fixture(scope="module")
def names(built) -> dict[str, str]:
    """Concepts to query, taken from the sample graph so that no course term is written
    here: the target of its most confident prerequisite, that prerequisite, another
    concept linked to the target, and the target's label with a letter doubled."""
    data = json.loads(built[0].read_text(encoding="utf-8"))
    edges = data["edges"]
    best = max(
        (e for e in edges if e["relation"] == "prerequisite_of"),
        key=lambda e: (e["confidence"], e["source"], e["target"]),
    )
    target, known = best["target"], best["source"]
    ends = [(e["source"], e["target"]) for e in edges]
    linked = {n for pair in ends if target in pair for n in pair} - {target, known}
    other = min(linked) if linked else known
    label = next(n.get("label") or n["id"] for n in data["nodes"] if n["id"] == target)
    cut = len(label) // 2
    return {
        "target": target,
        "known": known,
        "other": other,
        "misspelt": label[:cut] + label[cut] + label[cut:],
    }


@pytest.mark.parametrize("argv", QUERIES, ids=lambda argv: argv[0])
def test_cli_start_queries_import_no_nlp_nor_readers(built, names, tmp_path, argv):
    graph, _ = built
    argv = [arg.format(**names) for arg in argv]
    code, loaded = run_fresh(tmp_path, *argv, "--graph", str(graph))
    assert code == 0
    assert not loaded & (HEAVY | READING), loaded & (HEAVY | READING)
    assert "matplotlib" not in loaded and "pyvis" not in loaded  # exports load on demand


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_start_exports_import_no_nlp(built, tmp_path, fmt):
    graph, _ = built
    out = tmp_path / ("out" if fmt in FOLDER_FORMATS else f"out.{fmt}")
    code, loaded = run_fresh(
        tmp_path, "export", "--graph", str(graph), "--format", fmt, "--out", str(out)
    )
    assert code == 0 and out.exists()
    assert not loaded & HEAVY, loaded & HEAVY
    if fmt not in ("png", "svg", "html"):
        assert "matplotlib" not in loaded  # only what lays out labels measures their font
