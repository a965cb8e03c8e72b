"""Fit the extraction models on all the development files and keep their weights.

``python -m benchmarks.fit`` reads each development file (``../shared/eval``: dev and
dev2), turns it into labelled examples for every registered model
(:mod:`benchmarks.fitting`), fits each model on all of them and writes its weights to
``extraction/weights/<model>.json``, with how it was fitted. ``--dry-run`` prints the
weights without writing them. Leave-one-file-out figures come from
``python -m benchmarks.quality``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from benchmarks import fitting, quality
from extraction.logistic import LogisticModel


def fit_all(files: Sequence[quality.DevFile] | None = None) -> dict[str, LogisticModel]:
    """Every registered model, fitted on ``files`` (default: all development files)."""
    from extraction import nlp as nlp_module
    from extraction.cache import ParseCache
    from extraction.readers import read_paths

    files = list(files or quality.dev_files())
    nlp = nlp_module.load()
    examples: dict[str, dict[str, list]] = {}
    with tempfile.TemporaryDirectory(prefix="fit-") as tmp:
        work = Path(tmp)
        cache = ParseCache(work / "cache", nlp)
        for f in files:
            gold = work / "gold" / f.number
            quality.restrict_gold(f, gold)
            context = {"results": read_paths([f.path]), "nlp": nlp, "cache": cache, "gold": gold}
            examples[f.number] = {
                name: fitter.examples(f, context) for name, fitter in fitting.fitters().items()
            }
    models = fitting.fit_without(examples, None)
    out = {}
    for name, model in models.items():
        rows = [ex for by_model in examples.values() for ex in by_model.get(name, ())]
        notes = {
            "fitted_by": "python -m benchmarks.fit",
            "date": date.today().isoformat(),
            "files": [f.number for f in files],
            "examples": len(rows),
            "positives": sum(y for _, y, _ in rows),
        }
        out[name] = LogisticModel(model.features, model.weights, model.bias, model.threshold, notes)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fit", description=__doc__)
    parser.add_argument("--dry-run", action="store_true", help="print, do not write")
    args = parser.parse_args(argv)
    if not (quality.EVAL / "score.py").exists():
        print(f"error: no development gold at {quality.EVAL}", file=sys.stderr)
        return 2
    for name, model in fit_all().items():
        print(f"## {name}: bias {model.bias:+.3f}, threshold {model.threshold:.3f}")
        for feature, weight in sorted(
            zip(model.features, model.weights, strict=True), key=lambda fw: -abs(fw[1])
        ):
            print(f"  {feature:24s} {weight:+.3f}")
        if not args.dry_run:
            model.save(fitting.Fitter(name, None, None).path)  # type: ignore[arg-type]
            print(f"wrote {fitting.Fitter(name, None, None).path}")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
