"""Relation, prerequisite and learning-path quality: plain and conditional figures, the
evidence audit, and the learning paths themselves.

The relation figures of :mod:`benchmarks.quality` depend on the concepts found: a gold
relation between two concepts the build never names cannot be found. This script also
scores each build *conditionally*, against the gold rows whose concepts the build does
name (relations and prerequisite pairs whose two concepts are both found; learning
paths whose target is found, reduced to their concepts that are found), which isolates
the relation and prerequisite stages from concept recall.

``python -m benchmarks.relation_quality`` prints, per development file and pooled
(micro-averaged), the relation metrics of each file built alone with the fitted
models kept in the repository, and built with the models fitted without it
(leave-one-file-out), plain and conditional. ``--audit N`` instead prints N typed
edges drawn at random (``--seed``) from the graph of the five seeds with their
evidence, to be judged by a reader; ``--paths`` prints the learning paths of the
targets given (``--targets``) or of the dev2 gold targets.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from benchmarks import quality
from benchmarks.quality import RELATION_METRICS, DevFile, GoldSize

#: Relations counted as typed (not ``related_to`` nor ``prerequisite_of``).
UNTYPED = frozenset({"related_to", "prerequisite_of"})


def found_gold(G: nx.MultiDiGraph, gold: Path) -> set[str]:
    """Canonical names of the gold concepts that some node of ``G`` names (the
    scorer's normalisation, as in ``score.py``)."""
    scorer = quality.scorer()
    _, alias, *_ = scorer.load_gold(gold)
    found = set()
    for node, attrs in G.nodes(data=True):
        names = {str(node), str(attrs.get("label") or node), *map(str, attrs.get("aliases") or ())}
        found |= {alias[n] for n in map(scorer.norm, names) if n in alias}
    return found


def conditional_gold(G: nx.MultiDiGraph, gold: Path, out: Path) -> GoldSize:
    """Write into ``out`` the rows of ``gold`` whose concepts ``G`` names (see the
    module doc) and return their sizes."""
    found = found_gold(G, gold)
    out.mkdir(parents=True, exist_ok=True)
    size = GoldSize()
    header, concepts = quality._read_tsv(gold / "concepts.tsv")
    quality._write_tsv(out / "concepts.tsv", header, concepts)
    size.all, size.core = len(concepts), sum(r["tier"] == "core" for r in concepts)
    header, rel = quality._read_tsv(gold / "relations.tsv")
    rel = [r for r in rel if r["head"] in found and r["tail"] in found]
    quality._write_tsv(out / "relations.tsv", header, rel)
    size.aliases = sum(r["relation"] == "alias_of" for r in rel)
    size.relations = len(rel) - size.aliases
    header, pre = quality._read_tsv(gold / "prerequisites.tsv")
    pre = [r for r in pre if r["prereq"] in found and r["target"] in found]
    size.prerequisites = quality._write_tsv(out / "prerequisites.tsv", header, pre)
    header, noise = quality._read_tsv(gold / "noise.tsv")
    quality._write_tsv(out / "noise.tsv", header, noise)
    header, paths = quality._read_tsv(gold / "learning_paths.tsv")
    targets = {r["target"] for r in paths if r["concept"] == r["target"] and r["concept"] in found}
    kept = [r for r in paths if r["target"] in targets and r["concept"] in found]
    quality._write_tsv(out / "learning_paths.tsv", header, kept)
    size.paths = len(targets)
    return size


def _score_both(
    G: nx.MultiDiGraph, gold: Path, work: Path
) -> tuple[dict[str, Any], dict[str, Any], GoldSize]:
    plain = quality.score(G, gold, work / "plain")
    size = conditional_gold(G, gold, work / "gold-found")
    conditional = quality.score(G, work / "gold-found", work / "conditional")
    return plain, conditional, size


def run(
    files: Sequence[DevFile] | None = None,
    *,
    lofo: bool = True,
    log: Callable[[str], None] = lambda _: None,
) -> dict[str, dict[str, Any]]:
    """Build and score each file alone (repository models) and leave-one-file-out.

    Returns ``{which: {"files": {number: metrics}, "sizes": ..., "pooled": ...}}`` for
    ``which`` in ``alone``, ``alone_conditional``, ``lofo``, ``lofo_conditional``.
    """
    from benchmarks import fitting
    from extraction import nlp as nlp_module
    from extraction.cache import ParseCache
    from extraction.readers import read_paths
    from graph.build import build_graph

    files = list(files or quality.dev_files())
    nlp = nlp_module.load()
    out: dict[str, dict[str, Any]] = {}

    def keep(which: str, number: str, metrics: Mapping[str, Any], size: GoldSize) -> None:
        table = out.setdefault(which, {"files": {}, "sizes": {}})
        table["files"][number] = dict(metrics)
        table["sizes"][number] = size

    with tempfile.TemporaryDirectory(prefix="relation-quality-") as tmp:
        work = Path(tmp)
        cache = ParseCache(work / "cache", nlp)
        results = {f.number: read_paths([f.path]) for f in files}
        sizes = {}
        for f in files:
            gold = work / "gold" / f.number
            sizes[f.number] = quality.restrict_gold(f, gold)
            log(f"build {f.number} alone")
            G = build_graph(results[f.number], nlp=nlp, cache=cache)
            plain, cond, csize = _score_both(G, gold, work / "alone" / f.number)
            keep("alone", f.number, plain, sizes[f.number])
            keep("alone_conditional", f.number, cond, csize)
        if lofo:
            examples = {}
            for f in files:
                context = {"results": results[f.number], "nlp": nlp, "cache": cache}
                context["gold"] = work / "gold" / f.number
                examples[f.number] = {
                    name: fitter.examples(f, context) for name, fitter in fitting.fitters().items()
                }
            for f in files:
                log(f"build {f.number} with models fitted without it")
                models = fitting.fit_without(examples, f.number)
                G = build_graph(results[f.number], nlp=nlp, cache=cache, models=models)
                gold = work / "gold" / f.number
                plain, cond, csize = _score_both(G, gold, work / "lofo" / f.number)
                keep("lofo", f.number, plain, sizes[f.number])
                keep("lofo_conditional", f.number, cond, csize)
    for table in out.values():
        numbers = list(table["files"])
        groups = {
            "dev": [n for n in numbers if n.startswith("0")],
            "dev2": [n for n in numbers if n.startswith("2")],
            "all": numbers,
        }
        table["pooled"] = {
            name: quality.pool([(table["files"][n], table["sizes"][n]) for n in group])
            for name, group in groups.items()
            if group
        }
    return out


def table(result: Mapping[str, Any], metrics: Sequence[str] = RELATION_METRICS) -> str:
    """One row per file, then the pooled rows."""
    short = {m: m.replace("_on_gold_pairs", "").replace("relation_", "") for m in metrics}
    short = {m: s.replace("prereq_", "") for m, s in short.items()}
    head = ["file", *(short[m] for m in metrics)]
    rows = [[n, *(quality._fmt(s.get(m)) for m in metrics)] for n, s in result["files"].items()]
    for name, p in result["pooled"].items():
        rows.append([f"pooled {name}", *(quality._fmt(p.get(m)) for m in metrics)])
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    return "\n".join(
        "  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) for r in [head, *rows]
    )


# -- the evidence audit and the paths ----------------------------------------------------------


def audit_sample(G: nx.MultiDiGraph, n: int, seed: int) -> list[dict[str, Any]]:
    """``n`` typed edges of ``G`` drawn at random with ``seed`` (one direction of each
    symmetric pair), each with its evidence."""
    edges = []
    seen = set()
    for u, v, attrs in G.edges(data=True):
        relation = attrs.get("relation")
        if relation in UNTYPED:
            continue
        key = (frozenset((u, v)), relation) if relation == "contrasts_with" else (u, v, relation)
        if key in seen:
            continue
        seen.add(key)
        edges.append({"source": u, "relation": relation, "target": v, **attrs})
    edges.sort(key=lambda e: (str(e["source"]), e["relation"], str(e["target"])))
    return random.Random(seed).sample(edges, min(n, len(edges)))


def path_report(G: nx.MultiDiGraph, targets: Sequence[str]) -> list[dict[str, Any]]:
    """Each target resolved, with its learning path: every step's label and whether it
    has a definition."""
    from graph.paths import learning_path
    from graph.query import resolve

    out = []
    for target in targets:
        node = resolve(G, target)
        steps = [] if node is None else learning_path(G, node)
        out.append(
            {
                "target": target,
                "node": node,
                "steps": [{"id": s, "defined": bool(G.nodes[s].get("definition"))} for s in steps],
            }
        )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.relation_quality", description=__doc__
    )
    parser.add_argument("--files", nargs="*", help="file numbers (000 203 ...); default all")
    parser.add_argument("--no-lofo", action="store_true", help="skip leave-one-file-out")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--audit", type=int, metavar="N", help="print N typed seed edges")
    parser.add_argument("--seed", type=int, default=13, help="random seed of the audit")
    parser.add_argument("--paths", nargs="*", metavar="NOTES", help="print learning paths")
    parser.add_argument("--targets", nargs="*", default=[], metavar="T")
    args = parser.parse_args(argv)
    if args.audit is not None or args.paths is not None:
        from extraction.readers import read_paths
        from graph.build import build_graph

        notes = args.paths or sorted(str(p) for p in (quality.SHARED / "seeds").glob("*.txt"))
        G = build_graph(read_paths(notes))
        if args.audit is not None:
            payload: Any = audit_sample(G, args.audit, args.seed)
            if not args.json:
                for i, e in enumerate(payload, 1):
                    print(
                        f"{i}. {e['source']} -{e['relation']}-> {e['target']}  ({e['confidence']})"
                    )
                    for ev in e["evidence"]:
                        print(f"     “{ev['text']}” ({ev['source']}:{ev['line']})")
                return 0
        else:
            payload = path_report(G, args.targets)
            if not args.json:
                for p in payload:
                    steps = " → ".join(
                        s["id"] + ("" if s["defined"] else " [no definition]") for s in p["steps"]
                    )
                    print(f"{p['target']}: {steps or '(not found)'}")
                return 0
        print(json.dumps(payload, indent=1, default=str))
        return 0
    files = quality.dev_files()
    if args.files:
        files = [f for f in files if f.number in args.files]
    result = run(files, lofo=not args.no_lofo, log=lambda msg: print(msg, file=sys.stderr))
    if args.json:
        print(json.dumps(result, indent=1, default=vars))
        return 0
    for which, data in result.items():
        print(f"\n## {which.replace('_', ', ')}\n")
        print(table(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
