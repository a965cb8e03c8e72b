"""Extraction quality on the development gold: per file, pooled, leave-one-file-out.

The development gold is ``../shared/eval/dev`` (seeds 000-003) and ``../shared/eval/dev2``
(eight notes in eight subjects). This script

1. reads and parses each development file once;
2. builds each file **alone** and scores it against the gold rows of that file (the
   concepts whose ``seeds`` name it, the relations of that seed, the prerequisite
   pairs and learning paths made of its concepts, the noise strings found in it);
3. builds each file alone again with the fitted models (the concept selector and the
   prerequisite scorer) **fitted without that file** (leave-one-file-out) and scores
   it the same way;
4. pools each metric over the files (a micro-average: each file weighs by the size
   of the metric's denominator, e.g. its number of gold core concepts);
5. builds each gold set's files **together** and scores them against the whole set
   (the figure ``../shared/eval/README.md`` describes).

``python -m benchmarks.quality`` prints the tables; ``--json`` the same as JSON;
``--files 000 203`` limits the files; ``--no-lofo`` skips step 3; ``--disable emphasis
typo`` leaves concept generators or merge rules out (an ablation, the selector fitted
without them for the leave-one-file-out figures).

The scorer runs in a child interpreter with a fixed hash seed (:class:`SeededScorer`):
where two nodes name one gold concept with the same importance, ``score.py`` takes the
one a set yields first, which depends on string hashing, so that a figure such as
``prereq_recall_path3`` could differ between two runs of the same graphs.
"""

from __future__ import annotations

import argparse
import atexit
import csv
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"

#: Metrics printed, in order; the concept block, then relations and paths.
CONCEPT_METRICS = (
    "concept_recall_core",
    "concept_recall_all",
    "node_precision",
    "top100_precision",
    "merge_rate",
    "alias_pairs_merged",
    "overmerged_nodes",
    "noise_nodes",
)
RELATION_METRICS = (
    "relation_recall_any",
    "relation_recall_typed",
    "typed_precision_on_gold_pairs",
    "prereq_recall_path3",
    "prereq_direction_precision",
    "prereq_reversed",
    "path_recall",
    "path_order",
)
#: Metrics that are counts (summed when pooled), not ratios.
COUNTS = frozenset({"nodes", "overmerged_nodes", "noise_nodes"})


@dataclass(frozen=True, slots=True)
class DevFile:
    """One development file and the gold folder that annotates it."""

    number: str
    path: Path
    gold: Path

    @property
    def name(self) -> str:
        return self.path.name


def dev_files(shared: Path = SHARED) -> list[DevFile]:
    """The development files: seeds 000-003 (gold ``dev``) and dev2's notes."""
    files = [
        DevFile(p.name[:3], p, shared / "eval" / "dev")
        for p in sorted((shared / "seeds").glob("00[0-3]_*"))
    ]
    files += [
        DevFile(p.name[:3], p, shared / "eval" / "dev2")
        for p in sorted((shared / "eval" / "dev2" / "notes").glob("2??_*"))
    ]
    return files


@cache
def scorer() -> ModuleType:
    """``../shared/eval/score.py``, imported as a module."""
    spec = importlib.util.spec_from_file_location("concept_atlas_score", EVAL / "score.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read_tsv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    if not path.exists():
        return [], []
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        return list(reader.fieldnames or []), list(reader)


def _write_tsv(path: Path, header: Sequence[str], rows: Iterable[Mapping[str, str]]) -> int:
    rows = list(rows)
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, header, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


@dataclass(slots=True)
class GoldSize:
    """Denominators of one (restricted) gold folder, for pooling."""

    core: int = 0
    all: int = 0
    relations: int = 0
    aliases: int = 0
    prerequisites: int = 0
    paths: int = 0


def restrict_gold(devfile: DevFile, out: Path) -> GoldSize:
    """Write into ``out`` the gold rows of ``devfile`` alone (see the module doc)."""
    out.mkdir(parents=True, exist_ok=True)
    size = GoldSize()
    header, concepts = _read_tsv(devfile.gold / "concepts.tsv")
    mine = [r for r in concepts if devfile.number in r["seeds"].split(",")]
    _write_tsv(out / "concepts.tsv", header, mine)
    size.all = len(mine)
    size.core = sum(r["tier"] == "core" for r in mine)
    canon = {r["canonical"] for r in mine}
    header, relations = _read_tsv(devfile.gold / "relations.tsv")
    rel = [r for r in relations if r["seed"] == devfile.number]
    _write_tsv(out / "relations.tsv", header, rel)
    size.aliases = sum(r["relation"] == "alias_of" for r in rel)
    size.relations = len(rel) - size.aliases
    header, pre = _read_tsv(devfile.gold / "prerequisites.tsv")
    pre = [r for r in pre if r["prereq"] in canon and r["target"] in canon]
    size.prerequisites = _write_tsv(out / "prerequisites.tsv", header, pre)
    text = devfile.path.read_text(encoding="utf-8", errors="replace").lower()
    header, noise = _read_tsv(devfile.gold / "noise.tsv")
    _write_tsv(out / "noise.tsv", header, [r for r in noise if r["term"].lower() in text])
    header, paths = _read_tsv(devfile.gold / "learning_paths.tsv")
    by_target: dict[str, list[dict[str, str]]] = {}
    for r in paths:
        by_target.setdefault(r["target"], []).append(r)
    kept = [rows for rows in by_target.values() if all(r["concept"] in canon for r in rows)]
    _write_tsv(out / "learning_paths.tsv", header, [r for rows in kept for r in rows])
    size.paths = len(kept)
    return size


def gold_size(gold: Path) -> GoldSize:
    """Denominators of a whole gold folder."""
    _, concepts = _read_tsv(gold / "concepts.tsv")
    _, rel = _read_tsv(gold / "relations.tsv")
    _, pre = _read_tsv(gold / "prerequisites.tsv")
    _, paths = _read_tsv(gold / "learning_paths.tsv")
    aliases = sum(r["relation"] == "alias_of" for r in rel)
    return GoldSize(
        core=sum(r["tier"] == "core" for r in concepts),
        all=len(concepts),
        relations=len(rel) - aliases,
        aliases=aliases,
        prerequisites=len(pre),
        paths=len({r["target"] for r in paths}),
    )


def path_answers(G: nx.MultiDiGraph, gold: Path) -> dict[str, list | None]:
    """What ``python -m graph path T... --json`` prints for the gold's path targets."""
    from graph.query import learning_path, resolve

    _, rows = _read_tsv(gold / "learning_paths.tsv")
    answers: dict[str, list | None] = {}
    for target in dict.fromkeys(r["target"] for r in rows):
        node = resolve(G, target)
        answers[target] = None if node is None else learning_path(G, node)
    return answers


#: The hash seed of the scorer's interpreter (any fixed value: the runs must agree).
SCORER_HASH_SEED = "0"

_WORKER = """
import importlib.util, json, sys
from pathlib import Path
spec = importlib.util.spec_from_file_location("concept_atlas_score", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
for line in sys.stdin:
    graph_file, gold, paths_file = json.loads(line)
    result = module.score(Path(graph_file), Path(gold), Path(paths_file))
    sys.stdout.write(json.dumps(result) + "\\n")
    sys.stdout.flush()
"""


class SeededScorer:
    """``score.py`` in a child interpreter started with a fixed ``PYTHONHASHSEED``.

    One child serves every call of a run (a request and its answer are one JSON line
    each); it ends with the run.
    """

    def __init__(self, script: Path = EVAL / "score.py") -> None:
        env = dict(os.environ, PYTHONHASHSEED=SCORER_HASH_SEED)
        self._child = subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(script)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
        )
        atexit.register(self.close)

    def score(self, graph_file: Path, gold: Path, paths_file: Path) -> dict[str, Any]:
        child = self._child
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(json.dumps([str(graph_file), str(gold), str(paths_file)]) + "\n")
        child.stdin.flush()
        line = child.stdout.readline()
        if not line:
            raise RuntimeError(f"the scorer stopped (exit status {child.wait()})")
        return json.loads(line)

    def close(self) -> None:
        if self._child.poll() is None:
            assert self._child.stdin is not None
            self._child.stdin.close()
            self._child.wait()


@cache
def seeded_scorer() -> SeededScorer:
    """The run's :class:`SeededScorer`."""
    return SeededScorer()


def score(G: nx.MultiDiGraph, gold: Path, work: Path) -> dict[str, Any]:
    """Score ``G`` against ``gold`` with ``../shared/eval/score.py`` (paths included),
    run with a fixed hash seed (see the module doc)."""
    from graph.io import write_graph

    work.mkdir(parents=True, exist_ok=True)
    graph_file, paths_file = work / "graph.json", work / "paths.json"
    if graph_file.exists():
        graph_file.unlink()
    write_graph(G, graph_file)
    paths_file.write_text(json.dumps(path_answers(G, gold)), encoding="utf-8")
    return seeded_scorer().score(graph_file, gold, paths_file)


#: How each ratio weighs when pooled over files: its denominator in that file.
_WEIGHTS: dict[str, Callable[[Mapping[str, Any], GoldSize], float]] = {
    "concept_recall_core": lambda m, g: g.core,
    "concept_recall_all": lambda m, g: g.all,
    "node_precision": lambda m, g: m["nodes"],
    "top100_precision": lambda m, g: min(100, m["nodes"]),
    "merge_rate": lambda m, g: round(m["concept_recall_all"] * g.all),
    "alias_pairs_merged": lambda m, g: g.aliases,
    "relation_recall_any": lambda m, g: g.relations,
    "relation_recall_typed": lambda m, g: g.relations,
    "typed_precision_on_gold_pairs": lambda m, g: m["typed_edges_judged"],
    "prereq_recall_exact": lambda m, g: g.prerequisites,
    "prereq_recall_path3": lambda m, g: g.prerequisites,
    "prereq_recall_reach": lambda m, g: g.prerequisites,
    "prereq_reversed": lambda m, g: g.prerequisites,
    "prereq_direction_precision": lambda m, g: m["prereq_edges_judged"],
    "path_recall": lambda m, g: g.paths,
    "path_order": lambda m, g: g.paths,
}


def pool(rows: Sequence[tuple[Mapping[str, Any], GoldSize]]) -> dict[str, Any]:
    """Micro-average the ratios of several files' scores; sum the counts."""
    pooled: dict[str, Any] = {}
    for metric in ("nodes", "overmerged_nodes", "noise_nodes"):
        pooled[metric] = sum(m.get(metric) or 0 for m, _ in rows)
    for metric, weight in _WEIGHTS.items():
        num = den = 0.0
        for m, g in rows:
            value = m.get(metric)
            if value is None:
                continue
            w = weight(m, g)
            num += value * w
            den += w
        pooled[metric] = num / den if den else None
    return pooled


@dataclass
class Report:
    """Scores per file (alone, and leave-one-file-out), pooled, and per gold set."""

    alone: dict[str, dict[str, Any]] = field(default_factory=dict)
    lofo: dict[str, dict[str, Any]] = field(default_factory=dict)
    sizes: dict[str, GoldSize] = field(default_factory=dict)
    together: dict[str, dict[str, Any]] = field(default_factory=dict)

    def pooled(self, which: str = "lofo", numbers: Iterable[str] | None = None) -> dict:
        scores = self.lofo if which == "lofo" else self.alone
        keys = [n for n in (numbers or scores) if n in scores]
        return pool([(scores[n], self.sizes[n]) for n in keys])

    def to_json(self) -> dict[str, Any]:
        return {
            "alone": self.alone,
            "lofo": self.lofo,
            "pooled_alone": self.pooled("alone"),
            "pooled_lofo": self.pooled("lofo") if self.lofo else None,
            "together": self.together,
        }


def run(
    files: Sequence[DevFile] | None = None,
    *,
    lofo: bool = True,
    together: bool = True,
    disabled: Sequence[str] = (),
    log: Callable[[str], None] = lambda _: None,
    save_models: Path | None = None,
    frozen: Path | None = None,
) -> Report:
    """Read, build and score the development files (see the module doc).

    ``save_models``: a folder where each leave-one-file-out build's fitted models are
    written (``<folder>/<file number>/<model>.json``). ``frozen``: such a folder, whose
    models are used as they are instead of fitting them again, so that a change to
    candidates, merges or readings is judged apart from the refit it would cause (a
    feature the saved models do not know weighs 0); a file with no saved models is
    built with the repository's weights."""
    from extraction import nlp as nlp_module
    from extraction.readers import read_paths
    from graph.build import build_graph

    files = list(files or dev_files())
    nlp = nlp_module.load()
    report = Report()
    with tempfile.TemporaryDirectory(prefix="quality-") as tmp:
        work = Path(tmp)
        from extraction.cache import ParseCache

        cache = ParseCache(work / "cache", nlp)
        results = {f.number: read_paths([f.path]) for f in files}
        for f in files:
            gold = work / "gold" / f.number
            report.sizes[f.number] = restrict_gold(f, gold)
            log(f"build {f.number} alone")
            G = build_graph(results[f.number], nlp=nlp, cache=cache, disabled=disabled)
            report.alone[f.number] = score(G, gold, work / "alone" / f.number)
        if lofo:
            from benchmarks import fitting
            from extraction.logistic import LogisticModel

            examples: dict[str, dict[str, list]] = {}
            for f in files if frozen is None else ():
                context = {
                    "results": results[f.number],
                    "nlp": nlp,
                    "cache": cache,
                    "gold": work / "gold" / f.number,
                    "disabled": disabled,
                }
                examples[f.number] = {
                    name: fitter.examples(f, context) for name, fitter in fitting.fitters().items()
                }
            for f in files:
                if frozen is not None:
                    log(f"build {f.number} with the saved models fitted without it")
                    models = {
                        name: LogisticModel.load(path)
                        for name in fitting.fitters()
                        if (path := frozen / f.number / f"{name}.json").is_file()
                    }
                else:
                    log(f"build {f.number} with models fitted without it")
                    models = fitting.fit_without(examples, f.number)
                if save_models is not None:
                    (save_models / f.number).mkdir(parents=True, exist_ok=True)
                    for name, model in models.items():
                        model.save(save_models / f.number / f"{name}.json")
                G = build_graph(
                    results[f.number], nlp=nlp, cache=cache, models=models, disabled=disabled
                )
                report.lofo[f.number] = score(G, work / "gold" / f.number, work / "lofo" / f.number)
        if together:
            for gold in dict.fromkeys(f.gold for f in files):
                group = [f for f in files if f.gold == gold]
                log(f"build {gold.name} together ({len(group)} files)")
                G = build_graph([r for f in group for r in results[f.number]], nlp=nlp, cache=cache)
                report.together[gold.name] = score(G, gold, work / "together" / gold.name)
    return report


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def table(report: Report, metrics: Sequence[str], which: str = "alone") -> str:
    """A text table: one row per file, then pooled rows and whole-set rows."""
    scores = report.lofo if which == "lofo" else report.alone
    short = {m: re.sub(r"(concept_|_on_gold_pairs|relation_|prereq_)", "", m) for m in metrics}
    head = ["file", "nodes", *(short[m] for m in metrics)]
    rows = [[n, _fmt(s["nodes"]), *(_fmt(s.get(m)) for m in metrics)] for n, s in scores.items()]
    groups = {
        "dev": [n for n in scores if n.startswith("0")],
        "dev2": [n for n in scores if n.startswith("2")],
        "all": list(scores),
    }
    for name, numbers in groups.items():
        if numbers:
            p = report.pooled(which, numbers)
            rows.append([f"pooled {name}", _fmt(p["nodes"]), *(_fmt(p.get(m)) for m in metrics)])
    if which == "alone":
        for name, s in report.together.items():
            rows.append([f"{name} together", _fmt(s["nodes"]), *(_fmt(s.get(m)) for m in metrics)])
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) for r in [head, *rows]]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quality", description=__doc__)
    parser.add_argument("--files", nargs="*", help="file numbers (000 203 ...); default all")
    parser.add_argument("--no-lofo", action="store_true", help="skip leave-one-file-out")
    parser.add_argument("--no-together", action="store_true", help="skip whole-set builds")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--disable",
        nargs="*",
        default=[],
        metavar="NAME",
        help="leave out concept generators or merge rules (an ablation)",
    )
    parser.add_argument(
        "--save-models",
        type=Path,
        metavar="DIR",
        help="write each leave-one-file-out build's fitted models under DIR/<file>/",
    )
    parser.add_argument(
        "--frozen",
        type=Path,
        metavar="DIR",
        help="use the models a --save-models run wrote instead of fitting them again: "
        "judges a change apart from the refit it causes",
    )
    args = parser.parse_args(argv)
    if args.frozen is not None and not args.frozen.is_dir():
        print(f"error: no saved models at {args.frozen}", file=sys.stderr)
        return 2
    if not (EVAL / "score.py").exists():
        print(f"error: no development gold at {EVAL}", file=sys.stderr)
        return 2
    files = dev_files()
    if args.files:
        files = [f for f in files if f.number in args.files]
    report = run(
        files,
        lofo=not args.no_lofo,
        together=not args.no_together,
        disabled=args.disable,
        log=lambda msg: print(msg, file=sys.stderr),
        save_models=args.save_models,
        frozen=args.frozen,
    )
    if args.json:
        print(json.dumps(report.to_json(), indent=1, default=vars))
        return 0
    for which in ("alone", "lofo") if report.lofo else ("alone",):
        title = "built alone" if which == "alone" else "leave-one-file-out"
        print(f"\n## Concepts, {title}\n")
        print(table(report, CONCEPT_METRICS, which))
        print(f"\n## Relations and paths, {title}\n")
        print(table(report, RELATION_METRICS, which))
    return 0


if __name__ == "__main__":
    sys.exit(main())
