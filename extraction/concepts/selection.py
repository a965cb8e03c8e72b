"""Selection: which candidate groups are concepts, decided by a fitted model.

The model is a :class:`~extraction.logistic.LogisticModel` over the features of
:mod:`extraction.concepts.features`; its weights and threshold are data
(``extraction/weights/selector.json``), fitted by ``python -m benchmarks.fit`` on the
development gold and never set by hand. Each group keeps its features, its probability
and the features that carried the decision, so that ``python -m graph explain`` can
say why a term is or is not a concept.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from extraction.concepts.candidates import Candidate
from extraction.concepts.merging import Merge, Refusal
from extraction.logistic import LogisticModel

#: The selector's weights, fitted on the development gold.
WEIGHTS = Path(__file__).resolve().parents[1] / "weights" / "selector.json"


@cache
def default_model() -> LogisticModel:
    """The selector kept in :data:`WEIGHTS`."""
    return LogisticModel.load(WEIGHTS)


@dataclass(slots=True)
class Scored:
    """A candidate group with its features and the model's verdict."""

    root: str
    candidates: list[Candidate]
    features: dict[str, float]
    probability: float
    kept: bool
    merges: list[Merge] = field(default_factory=list)
    #: the model that scored it
    model: LogisticModel | None = None
    #: merges with another group that a rule asked for and that were refused, and why
    refused: list[Refusal] = field(default_factory=list)

    @property
    def threshold(self) -> float:
        """The threshold it was held to."""
        return self.model.threshold if self.model is not None else 0.5

    @property
    def reasons(self) -> list[tuple[str, float]]:
        """The features that carried the decision, strongest first: (feature, share of
        the log-odds)."""
        return self.model.contributions(self.features) if self.model is not None else []

    @property
    def count(self) -> int:
        return sum(c.count for c in self.candidates)

    @property
    def names(self) -> set[str]:
        """Every key and written form of the group."""
        return {n for c in self.candidates for n in (c.key, *c.forms)}


def select(
    groups: Mapping[str, Sequence[Candidate]],
    features: Mapping[str, dict[str, float]],
    merges: Mapping[str, Sequence[Merge]],
    model: LogisticModel | None = None,
    refused: Mapping[str, Sequence[Refusal]] | None = None,
) -> list[Scored]:
    """Score every group with ``model`` (default :func:`default_model`), most probable
    first. Each :class:`Scored` keeps its group's features dict itself (not a copy: a
    large build has hundreds of thousands)."""
    model = model or default_model()
    scored = []
    for root, cands in groups.items():
        x = features[root]
        p = model.probability(x)
        scored.append(
            Scored(
                root,
                list(cands),
                x,
                round(p, 4),
                p >= model.threshold,
                list(merges.get(root, ())),
                model,
                list((refused or {}).get(root, ())),
            )
        )
    scored.sort(key=lambda s: (-s.probability, -s.count, s.root))
    return scored


def evidence_score(s: Scored) -> float:
    """How strongly the notes single a concept out, 0..1, for its importance: the
    model's probability, raised by how much the notes use it."""
    use = min(1.0, math.log1p(s.count) / math.log1p(30))
    subject = min(1.0, s.features.get("subject", 0.0) / math.log1p(3))
    return round(0.5 * s.probability + 0.3 * use + 0.2 * subject, 4)


#: Most merges a graph file keeps per concept (the first ones; the count is kept too).
MERGES_KEPT = 20


def record(s: Scored, *, reasons: int = 6) -> dict:
    """What a graph file keeps of a scored group: its score and threshold, the roles the
    notes give it, its features and the ones that carried the decision, its merges
    with their reasons, and the merges with other groups that were refused, with why
    (plain JSON)."""
    roles: dict[str, int] = {}
    for c in s.candidates:
        for role, n in c.roles.items():
            roles[role] = roles.get(role, 0) + n
    return {
        "score": s.probability,
        "threshold": round(s.threshold, 4),
        "kept": s.kept,
        "roles": dict(sorted(roles.items(), key=lambda rn: -rn[1])),
        "features": {k: round(v, 4) for k, v in s.features.items()},
        "reasons": [[f, w] for f, w in s.reasons[:reasons]],
        "merges": [
            {
                "name": m.name,
                "into": m.into,
                "rule": m.rule,
                "reason": m.reason,
                "evidence": (
                    {"source": m.evidence.source, "line": m.evidence.line, "text": m.evidence.text}
                    if m.evidence
                    else None
                ),
            }
            for m in s.merges[:MERGES_KEPT]
        ],
        "merged_names": len(s.merges),
        "refused": [
            {
                "name": r.merge.name,
                "into": r.merge.into,
                "rule": r.merge.rule,
                "reason": r.merge.reason,
                "why": r.why,
            }
            for r in s.refused[:MERGES_KEPT]
        ],
    }
