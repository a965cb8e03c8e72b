"""A small, interpretable logistic model: named features, weights kept as data.

Where evidence must be weighed (is this candidate a concept? should A be learned
before B?), each decision becomes a row of named features and a
:class:`LogisticModel` turns it into a probability. The model is fitted by a script
on the development gold (:func:`fit_logistic`, L2-regularised maximum likelihood with
SciPy's L-BFGS), saved as JSON beside the code, and loaded at run time; every
decision can say which features carried it (:meth:`LogisticModel.contributions`).
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: id(model) -> (model, its weights by feature): see LogisticModel._weights.
_WEIGHTS: dict[int, tuple[LogisticModel, dict[str, float]]] = {}


@dataclass(frozen=True, slots=True)
class LogisticModel:
    """``p = sigmoid(bias + sum(weight[f] * x[f]))``; a decision is ``p >= threshold``.

    Examples
    --------
    >>> m = LogisticModel(("heading", "generic"), (2.0, -3.0), bias=-1.0)
    >>> round(m.probability({"heading": 1.0}), 3)
    0.731
    >>> m.accepts({"heading": 1.0, "generic": 1.0})
    False
    >>> m.contributions({"heading": 1.0, "generic": 1.0})
    [('generic', -3.0), ('heading', 2.0)]
    """

    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float = 0.0
    threshold: float = 0.5
    #: What the model is for and how it was fitted (free text and figures).
    notes: Mapping[str, Any] = field(default_factory=dict)

    def margin(self, x: Mapping[str, float]) -> float:
        """The log-odds of ``x``."""
        weight = self._weights()
        return self.bias + sum(weight.get(f, 0.0) * v for f, v in x.items())

    def _weights(self) -> dict[str, float]:
        """Feature -> weight, made once per model (``x`` is sparse: summing over its
        features is faster than over the model's)."""
        found = _WEIGHTS.get(id(self))
        if found is None or found[0] is not self:
            found = _WEIGHTS[id(self)] = (
                self,
                dict(zip(self.features, self.weights, strict=True)),
            )
        return found[1]

    def probability(self, x: Mapping[str, float]) -> float:
        """The probability the model gives ``x``."""
        z = self.margin(x)
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))

    def accepts(self, x: Mapping[str, float]) -> bool:
        return self.probability(x) >= self.threshold

    def contributions(self, x: Mapping[str, float]) -> list[tuple[str, float]]:
        """Each feature's share of the log-odds (weight x value), strongest first,
        zeros left out."""
        weight = self._weights()
        parts = [(f, round(weight[f] * v, 3)) for f, v in x.items() if weight.get(f, 0.0) * v]
        return sorted(parts, key=lambda fw: (-abs(fw[1]), fw[0]))

    def weight(self, feature: str) -> float:
        return self._weights().get(feature, 0.0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "bias": round(self.bias, 4),
            "threshold": round(self.threshold, 4),
            "weights": {f: round(w, 4) for f, w in zip(self.features, self.weights, strict=True)},
            "notes": dict(self.notes),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LogisticModel:
        weights = dict(data["weights"])
        return cls(
            tuple(weights),
            tuple(float(w) for w in weights.values()),
            float(data.get("bias", 0.0)),
            float(data.get("threshold", 0.5)),
            dict(data.get("notes", {})),
        )

    @classmethod
    def load(cls, path: str | Path) -> LogisticModel:
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))

    def save(self, path: str | Path) -> None:
        """Write the model as JSON, atomically (a temporary file, then replace)."""
        path = Path(path)
        text = json.dumps(self.to_dict(), indent=2, sort_keys=False) + "\n"
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def fit_logistic(
    rows: Sequence[Mapping[str, float]],
    labels: Sequence[int],
    *,
    features: Sequence[str],
    l2: float = 1.0,
    sample_weight: Sequence[float] | None = None,
    threshold: float = 0.5,
    notes: Mapping[str, Any] | None = None,
) -> LogisticModel:
    """Fit a :class:`LogisticModel` by L2-regularised maximum likelihood.

    Parameters
    ----------
    rows : sequence of mapping
        Feature values of each example (missing features are 0).
    labels : sequence of int
        1 for a positive example, 0 for a negative one.
    features : sequence of str
        The features the model uses, in the order they are stored.
    l2 : float
        Strength of the penalty on the weights (not on the bias), relative to the
        total sample weight: larger keeps weights small and the model simple.
    sample_weight : sequence of float, optional
        Weight of each example (default 1).

    Examples
    --------
    >>> rows = [{"a": 1.0}] * 8 + [{"a": 0.0}] * 8
    >>> labels = [1] * 7 + [0] + [0] * 7 + [1]
    >>> m = fit_logistic(rows, labels, features=["a"], l2=0.01)
    >>> m.accepts({"a": 1.0}), m.accepts({"a": 0.0})
    (True, False)
    """
    import numpy as np
    from scipy.optimize import minimize

    X = np.array([[float(r.get(f, 0.0)) for f in features] for r in rows], dtype=float)
    y = np.asarray(labels, dtype=float)
    w = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    total = w.sum() or 1.0
    n = X.shape[1]

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        z = X @ theta[:n] + theta[n]
        # log(1 + e^z) - y z, stably
        nll = np.logaddexp(0.0, z) - y * z
        p = 0.5 * (1.0 + np.tanh(0.5 * z))
        value = (w * nll).sum() / total + 0.5 * l2 * (theta[:n] ** 2).sum()
        grad_z = w * (p - y) / total
        grad = np.concatenate([X.T @ grad_z + l2 * theta[:n], [grad_z.sum()]])
        return float(value), grad

    result = minimize(loss, np.zeros(n + 1), jac=True, method="L-BFGS-B")
    theta = result.x
    return LogisticModel(
        tuple(features),
        tuple(float(v) for v in theta[:n]),
        float(theta[n]),
        threshold,
        dict(notes or {}),
    )
