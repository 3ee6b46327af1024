"""Learned confidence: candidate claims in, claims with a probability out.

The rules propose candidates (:mod:`kg.extract`); a logistic model trained on
annotated text (:mod:`kg.train`, ``make train``) turns what the pipeline knows
about each candidate (its features, :mod:`kg.extract.features`) into the
probability that the relation is right. That probability is the claim's
``trade:confidence``; claims under the publish threshold are not written.

The model is a JSON file of feature weights (``ontology/model/confidence.json``):
scoring is a sum of weights and a logistic function, so no learning library
is needed at run time and the file can be read and diffed.

    >>> model = ConfidenceModel(weights={"rule=a": 2.0}, bias=-1.0, threshold=0.5)
    >>> round(model.probability(("rule=a",)), 3)
    0.731
    >>> round(model.probability(()), 3)
    0.269
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from .errors import ModelError
from .iri import normalize_name
from .records import Candidate, Claim, Mention
from .vocab import ASYMMETRIC, SUBPROPERTY_OF, SYMMETRIC

__all__ = [
    "ConfidenceModel",
    "load_model",
    "score_candidates",
    "published",
    "claim_key",
    "agreement_features",
    "model_path",
]


@dataclass(frozen=True)
class ConfidenceModel:
    """Weights of a logistic model over candidate features, and the default publish threshold."""

    weights: Mapping[str, float]
    bias: float
    threshold: float
    fingerprint: str = ""
    meta: Mapping[str, object] = field(default_factory=dict)

    def probability(self, features: Iterable[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)


def model_path() -> Path:
    from .paths import ontology_dir

    return ontology_dir() / "model" / "confidence.json"


def load_model(path: str | Path | None = None) -> ConfidenceModel:
    """Read a model file (default: the one shipped in ``ontology/model/``).

    Raises :class:`~kg.errors.ModelError` naming the file when it is missing or malformed.
    """
    return _load(str(Path(path).resolve()) if path is not None else str(model_path()))


@cache
def _load(path: str) -> ConfidenceModel:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as e:
        raise ModelError(path, f"cannot read the confidence model ({e.strerror or e}); `make train` writes it") from e
    try:
        data = json.loads(text)
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        bias, threshold = float(data["bias"]), float(data["threshold"])
    except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as e:
        raise ModelError(path, f"not a confidence model: {e}") from e
    if not 0.0 <= threshold <= 1.0:
        raise ModelError(path, f"threshold {threshold} outside [0, 1]")
    meta = {k: v for k, v in data.items() if k not in ("weights", "bias", "threshold")}
    return ConfidenceModel(
        weights=weights,
        bias=bias,
        threshold=threshold,
        fingerprint=hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
        meta=meta,
    )


def _identity(mention: Mention) -> str:
    return mention.key or normalize_name(mention.name)


def claim_key(candidate: Candidate) -> tuple:
    """What makes two candidates the same claim: both ends, the predicate, the modality and the sentence."""
    ends = (_identity(candidate.subject), _identity(candidate.object))
    if candidate.predicate in SYMMETRIC:
        ends = tuple(sorted(ends))
    return (*ends, candidate.predicate, candidate.modality, candidate.sentence_start)


def agreement_features(candidates: list[Candidate]) -> dict[tuple, tuple[str, ...]]:
    """Per claim key, the features saying how many rules propose it ("agree=2": two rules read it)."""
    rules: dict[tuple, set[str]] = {}
    for candidate in candidates:
        rules.setdefault(claim_key(candidate), set()).add(candidate.rule_id)
    return {key: (f"agree={min(len(ids), 3)}",) for key, ids in rules.items()}


def score_candidates(candidates: list[Candidate], model: ConfidenceModel) -> list[Claim]:
    """One claim per claim key, from its most probable candidate, with that probability (two decimals,
    at least 0.01) as its confidence; in the candidates' order. A symmetric claim reads its ends in the
    order the sentence names them ("MAZ and KAMAZ compete": MAZ competesWith KAMAZ), whichever rule
    scored best."""
    extra = agreement_features(candidates)
    best: dict[tuple, tuple[float, Candidate]] = {}
    for candidate in candidates:
        key = claim_key(candidate)
        p = round(model.probability((*candidate.features, *extra[key])), 2)
        if key not in best or p > best[key][0]:
            best[key] = (p, candidate)
    return [_in_text_order(candidate).claim(max(0.01, p)) for p, candidate in best.values()]


def published(claims: list[Claim], threshold: float) -> list[Claim]:
    """The claims at or above the threshold, less those a more specific one of them implies: "Ege makes cargo
    doors for the A350" states producesComponentsFor, and its super-property supplies goes without saying (the
    ontology infers it), so the same ends, modality and sentence under supplies are left out; and of an asymmetric
    relation (``owl:AsymmetricProperty``: locatedIn, subsidiaryOf) read both ways in one sentence, the less probable
    way."""
    kept = [c for c in claims if c.confidence >= threshold]
    implied = {
        (_identity(c.subject), SUBPROPERTY_OF[c.predicate], _identity(c.object), c.modality, c.sentence_start)
        for c in kept
        if c.predicate in SUBPROPERTY_OF
    }
    kept = [
        c
        for c in kept
        if (_identity(c.subject), c.predicate, _identity(c.object), c.modality, c.sentence_start) not in implied
    ]
    # an asymmetric relation read both ways in one sentence ("Reno, Nevada" as Reno in Nevada and Nevada in Reno)
    # holds one way at most: the way of its most probable claim stays (the first in text order on a tie)
    way: dict[tuple, tuple[float, tuple]] = {}
    for c in kept:
        if c.predicate in ASYMMETRIC:
            key, ends = _asymmetric_key(c)
            if key not in way or c.confidence > way[key][0]:
                way[key] = (c.confidence, ends)
    out = []
    for c in kept:
        if c.predicate in ASYMMETRIC:
            key, ends = _asymmetric_key(c)
            if way[key][1] != ends:
                continue
        out.append(c)
    return out


def _asymmetric_key(claim: Claim) -> tuple[tuple, tuple]:
    """The two ends in either order with the predicate, modality and sentence, and the ends in the claim's order (a
    past subsidiary of a firm that now owns it states both ways, each with its own modality)."""
    ends = (_identity(claim.subject), _identity(claim.object))
    return (*sorted(ends), claim.predicate, claim.modality, claim.sentence_start), ends


def _in_text_order(candidate: Candidate) -> Candidate:
    if candidate.predicate in SYMMETRIC and candidate.object.start < candidate.subject.start:
        return replace(candidate, subject=candidate.object, object=candidate.subject)
    return candidate
