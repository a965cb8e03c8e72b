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
targets given (``--targets``) or of the dev2 gold targets. ``--misses`` prints, for
each file built alone, the gold relations whose two concepts are nodes but whose typed
edge is absent or of another type, then counts of all gold relations by the form of
their evidence (:data:`FORMS`) and status (hit, other type, no link, a concept missing).
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


# -- the misses ------------------------------------------------------------------------------

#: Forms of the evidence of a gold relation, tried in order: the first whose pattern the
#: evidence (lower-cased) matches names its group in :func:`misses`.
FORMS: tuple[tuple[str, str], ...] = (
    ("table row", r"\|"),
    ("'x vs y' / difference between", r"\bvs\.?\b|\bversus\b|difference between"),
    ("unlike / in contrast / whereas", r"\bunlike\b|in contrast|\bwhereas\b|^while\b"),
    ("comparative 'more ... than'", r"\bthan\b"),
    ("'see also' cross-reference", r"see also"),
    ("composed of / consists of / contains", r"compos|consist|contain|compris|made (up )?of"),
    ("leads to / causes", r"lead|caus|result|produc"),
    ("measured by / quantifies", r"measur|quantif"),
    ("requires / depends on / uses", r"requir|depend|\buses?\b|based on|rel(y|ies) on"),
    ("used for / applications", r"used (for|to|in)|applica|suit|help"),
    ("addresses / prevents / solves", r"prevent|avoid|solv|address|tackl|mitigat|reduc"),
    ("example of / such as / e.g.", r"example|such as|e\.g|\blike\b|includ"),
    ("kinds / types / classes", r"\btypes?\b|\bkinds?\b|\bclass(es)?\b|categor|divided"),
    ("called / known as", r"called|known as|named"),
    ("question + answer", r"\?"),
    ("copula 'x is a y'", r"\b(is|are) (a|an|the)\b"),
    ("list item or label 'x: ...'", r"^\s*([-*\d]+[.)]?\s|\*\*|[^:]{1,40}:)"),
    ("other sentence", r""),
)


def evidence_form(text: str) -> str:
    """The group of :data:`FORMS` that the evidence ``text`` falls in.

    >>> evidence_form("An autoencoder consists of an encoder and a decoder.")
    'composed of / consists of / contains'
    """
    import re

    low = text.lower()
    return next(name for name, pattern in FORMS if re.search(pattern, low))


def misses(G: nx.MultiDiGraph, devfile: DevFile) -> list[dict[str, Any]]:
    """Each gold relation of ``devfile`` (but aliases) with what ``G`` (built from that
    file alone) has for it: ``status`` is ``hit`` (the typed edge), ``other`` (the two
    concepts linked by another relation), ``none`` (no link), or ``missing`` (a concept
    is no node: the concepts' stage)."""
    scorer = quality.scorer()
    _, alias, *_ = scorer.load_gold(devfile.gold)
    nodes: dict[str, set[str]] = {}
    for node, attrs in G.nodes(data=True):
        names = {str(node), str(attrs.get("label") or node), *map(str, attrs.get("aliases") or ())}
        for name in map(scorer.norm, names):
            if name in alias:
                nodes.setdefault(alias[name], set()).add(node)
    _, rows = quality._read_tsv(devfile.gold / "relations.tsv")
    out = []
    for r in rows:
        if r["seed"] != devfile.number or r["relation"] == "alias_of":
            continue
        heads, tails = nodes.get(r["head"], set()), nodes.get(r["tail"], set())
        have = []
        for h in heads:
            for t in tails:
                for a, b in ((h, t), (t, h)):
                    for data in (G.get_edge_data(a, b) or {}).values():
                        if data.get("relation") != "prerequisite_of":
                            have.append((a, data.get("relation"), b))
        symmetric = r["relation"] == "contrasts_with"
        hit = any(
            rel == r["relation"] and (symmetric or (a in heads and b in tails))
            for a, rel, b in have
        )
        status = (
            "missing" if not (heads and tails) else "hit" if hit else "other" if have else "none"
        )
        out.append(
            {
                "file": devfile.number,
                **{k: r[k] for k in ("head", "relation", "tail", "evidence")},
                "form": evidence_form(r["evidence"]),
                "status": status,
                "have": sorted({f"{a} {rel} {b}" for a, rel, b in have if rel != r["relation"]}),
            }
        )
    return out


def misses_table(rows: Sequence[Mapping[str, Any]]) -> str:
    """Counts of gold relations by evidence form and status."""
    statuses = ("hit", "other", "none", "missing")
    counts: dict[str, dict[str, int]] = {}
    for r in rows:
        counts.setdefault(r["form"], dict.fromkeys(statuses, 0))[r["status"]] += 1
    head = ["form", *statuses]
    body = [[form, *(str(c[s]) for s in statuses)] for form, c in counts.items()]
    body.sort(key=lambda row: -sum(map(int, row[1:])))
    total = [["all", *(str(sum(c[s] for c in counts.values())) for s in statuses)]]
    widths = [max(len(row[i]) for row in [head, *body, *total]) for i in range(len(head))]
    return "\n".join(
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in [head, *body, *total]
    )


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


def _print_misses(numbers: Sequence[str] | None, as_json: bool) -> int:
    """Build each development file alone and print the gold relations it misses, then
    the counts by evidence form and status."""
    from extraction import nlp as nlp_module
    from extraction.readers import read_paths
    from graph.build import build_graph

    nlp = nlp_module.load()
    rows: list[dict[str, Any]] = []
    for f in quality.dev_files():
        if not numbers or f.number in numbers:
            rows += misses(build_graph(read_paths([f.path]), nlp=nlp), f)
    if as_json:
        print(json.dumps(rows, indent=1))
        return 0
    for r in rows:
        if r["status"] in {"other", "none"}:
            print(f"{r['file']} {r['status']:5s} {r['head']} -{r['relation']}-> {r['tail']}")
            print(f"      [{r['form']}] {r['evidence'][:110]}")
            for have in r["have"][:2]:
                print(f"      has: {have}")
    print()
    print(misses_table(rows))
    return 0


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
    parser.add_argument(
        "--misses", action="store_true", help="print the gold relations each file misses"
    )
    args = parser.parse_args(argv)
    if args.misses:
        return _print_misses(args.files, args.json)
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
