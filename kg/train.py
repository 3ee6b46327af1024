"""Train the confidence model (``make train``) from the annotated corpora in ``../shared/eval`` and the
project's own annotated trade and wire stories (``ontology/annotated/``).

Every article of the trade dev set, the seed, the DEV parts of the three
real-text corpora and the project's annotated stories is run through the pipeline; each candidate claim whose
property the corpus annotates is labelled by the gold (positive when it states
a gold relation, modality aside, matched as the scorer matches). A logistic
regression (scikit-learn) over the candidates' features is cross-validated by
article (grouped folds: an article's candidates never serve to score
themselves); the regularisation is the one with the best held-out log loss,
the publish threshold the lowest at which held-out precision stays at or above
the target (0.85) on the corpora whose gold annotates every property (the seed,
the trade dev set, the project's stories: there every claim kg makes is judged;
the real-text corpora annotate one to four properties each and are reported at
that threshold beside), and the calibration table compares held-out predictions with
observed precision per band. The final model is fitted on everything and
written as JSON weights (:mod:`kg.confidence`), the same bytes for the same
data.

Why scikit-learn's logistic regression: it is well kept and deterministic, its
log loss gives probabilities that are calibrated by construction (checked on
held-out folds), it needs little data (a few thousand candidates), and a linear
model is a sum of weights at run time, so ingest needs no learning library and
the model file is plain, reviewable JSON rather than a pickle.

    python -m kg.train [--shared ../shared] [--out ontology/model/confidence.json] [--sample N]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path

from .confidence import agreement_features, claim_key
from .evaluation import in_scope, matches, norm, read_gold

__all__ = ["CORPORA", "Row", "labelled_rows", "train", "main"]

_FOUR = ("produces", "subsidiaryOf", "locatedIn", "leads")
# (name, articles folder, gold file, annotated properties or None for all, what the gold can express),
# relative to ../shared. A candidate the corpus's schema cannot express is no evidence either way and is left
# out: Re-DocRED annotates named entities only, so a claim about a product category ("commercial vehicles")
# has nothing it could match there ("named"); FIRE and the DFKI corpus annotate what companies make, never
# what a country or region makes ("firms make").
CORPORA = (
    ("seed", "seeds", "eval/dev/seed.jsonl", None, ()),
    ("dev", "eval/dev/articles", "eval/dev/gold.jsonl", None, ()),
    ("fire", "eval/real/fire/articles", "eval/real/fire/gold.jsonl", _FOUR, ("firms make",)),
    ("redocred", "eval/real/redocred/articles", "eval/real/redocred/gold.jsonl", _FOUR, ("named",)),
    ("dfki", "eval/real/dfki/articles", "eval/real/dfki/gold.jsonl", ("produces",), ("firms make",)),
)
_CATEGORY_ROUTES = {"phrase", "made", "market"}  # how a product named by a common noun phrase is found
TARGET_PRECISION = 0.85
_C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
_FOLDS = 5
_MIN_COUNT = 2  # a feature seen on fewer candidates carries no weight


@dataclass(frozen=True)
class Row:
    """One labelled candidate: its corpus and article, what makes it one claim, its features, its label,
    and the gold relations (by index) it states."""

    corpus: str
    article: str
    claim: tuple
    features: tuple[str, ...]
    label: int
    gold: tuple[int, ...]


def _names(candidates, gazetteer) -> dict[str, frozenset[str]]:
    """Normalised labels of each entity key, as the graph would hold them for this article."""
    from .resolve import resolve_entities

    entities = resolve_entities([c.claim(1.0) for c in candidates], gazetteer)
    return {k: frozenset(norm(n) for n in (e.label, *e.alt_labels)) for k, e in entities.items()}


def labelled_rows(corpus: str, candidates_by_article, gold: list[dict], properties, gazetteer, limits=()) -> list[Row]:
    """Rows for the candidates of a corpus that its gold could state: of a property it annotates, within
    the limits of its schema (``CORPORA``)."""
    from .resolve import key_of

    by_id = {g["id"]: g for g in gold}
    rows = []
    for article_id, candidates in candidates_by_article:
        record = by_id.get(article_id)
        if record is None:
            continue
        relations = [r for r in record["relations"] if properties is None or r["p"] in properties]
        gold_names = {e["key"]: {norm(n) for n in e["names"]} for e in record["entities"]}
        if properties is not None:
            candidates = [c for c in candidates if in_scope(c.predicate, properties)]
        if "named" in limits:
            candidates = [c for c in candidates if not any(_category(m, gazetteer) for m in (c.subject, c.object))]
        if "firms make" in limits:
            candidates = [c for c in candidates if c.predicate != "produces" or c.subject.cls == "Company"]
        names = _names(candidates, gazetteer)
        extra = agreement_features(candidates)
        for c in candidates:
            sys_claim = (names[key_of(c.subject)], c.predicate, names[key_of(c.object)], c.modality)
            hits = tuple(i for i, r in enumerate(relations) if matches(sys_claim, r, gold_names, False))
            key = claim_key(c)
            rows.append(
                Row(
                    corpus=corpus,
                    article=article_id,
                    claim=(key_of(c.subject), c.predicate, key_of(c.object), c.modality),
                    features=(*c.features, *extra[key]),
                    label=int(bool(hits)),
                    gold=hits,
                )
            )
    return rows


def _category(mention, gazetteer) -> bool:
    """A product category rather than a named product ("haul trucks", not "BelAZ 75710")."""
    if mention.cls not in ("Product", "Sector"):
        return False
    entry = gazetteer.get(mention.key)
    return mention.via in _CATEGORY_ROUTES or (entry is not None and entry.category)


def corpora(shared: Path) -> list[tuple[str, Path, Path, tuple | None, tuple]]:
    """The annotated corpora the model learns from: those of ``../shared`` (``CORPORA``) and the project's
    own annotated trade and wire stories (``ontology/annotated/*/``, all properties): (name, articles folder,
    gold file, properties, limits)."""
    from .paths import ontology_dir

    out = [
        (name, shared / articles, shared / gold, properties, limits)
        for name, articles, gold, properties, limits in CORPORA
    ]
    for folder in sorted((ontology_dir() / "annotated").glob("*/")):
        if (folder / "gold.jsonl").is_file():
            out.append((folder.name, folder / "articles", folder / "gold.jsonl", None, ()))
    return out


def gold_totals(shared: Path, sample: int | None = None) -> dict[str, int]:
    """Gold relations in scope per corpus (for recall)."""
    out = {}
    for name, _, gold_file, properties, _ in corpora(shared):
        gold = read_gold(gold_file)
        ids = sorted(g["id"] for g in gold)[:sample] if sample else None
        out[name] = sum(
            1
            for g in gold
            if ids is None or g["id"] in ids
            for r in g["relations"]
            if properties is None or r["p"] in properties
        )
    return out


def collect(shared: Path, extractor=None, sample: int | None = None) -> list[Row]:
    """Labelled candidates of every corpus (``sample``: only the first N articles of each)."""
    from .articles import read_articles
    from .pipeline import Extractor

    extractor = extractor or Extractor()
    gazetteer = extractor.load()[0]
    rows: list[Row] = []
    for name, articles_dir, gold_file, properties, limits in corpora(shared):
        articles, _ = read_articles([articles_dir])
        articles = sorted(articles, key=lambda a: a.id)[:sample] if sample else sorted(articles, key=lambda a: a.id)
        gold = read_gold(gold_file)
        found = zip((a.id for a in articles), extractor.candidates_many(articles))
        rows += labelled_rows(name, found, gold, properties, gazetteer, limits)
    return rows


def _matrix(rows: list[Row], vocabulary: dict[str, int]):
    from scipy.sparse import csr_matrix

    data, indices, indptr = [], [], [0]
    for row in rows:
        cols = sorted({vocabulary[f] for f in row.features if f in vocabulary})
        indices += cols
        data += [1.0] * len(cols)
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(rows), len(vocabulary)))


def _vocabulary(rows: list[Row]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in rows:
        for f in set(row.features):
            counts[f] = counts.get(f, 0) + 1
    kept = sorted(f for f, n in counts.items() if n >= _MIN_COUNT)
    return {f: i for i, f in enumerate(kept)}


def _fit(rows: list[Row], c: float):
    from sklearn.linear_model import LogisticRegression

    vocabulary = _vocabulary(rows)
    model = LogisticRegression(C=c, solver="lbfgs", max_iter=5000, tol=1e-8)
    model.fit(_matrix(rows, vocabulary), [r.label for r in rows])
    return vocabulary, model


def _out_of_fold(rows: list[Row], c: float) -> list[float]:
    """Held-out probabilities: each article's candidates scored by a model that never saw that article."""
    from sklearn.model_selection import GroupKFold

    groups = [f"{r.corpus}/{r.article}" for r in rows]
    out = [0.0] * len(rows)
    for train_ix, test_ix in GroupKFold(n_splits=_FOLDS).split(rows, groups=groups):
        train_rows = [rows[i] for i in train_ix]
        vocabulary, model = _fit(train_rows, c)
        probs = model.predict_proba(_matrix([rows[i] for i in test_ix], vocabulary))[:, 1]
        for i, p in zip(test_ix, probs):
            out[i] = float(p)
    return out


def _log_loss(rows: list[Row], probs: list[float]) -> float:
    eps = 1e-9
    return -sum(math.log(max(eps, p if r.label else 1 - p)) for r, p in zip(rows, probs)) / max(1, len(rows))


def _claims(rows: list[Row], probs: list[float]) -> list[tuple[float, int, str, tuple]]:
    """One entry per claim as the scorer counts them (article, both ends, predicate, modality): the best
    probability of its candidates, its label, its corpus and the gold relations it states."""
    best: dict[tuple, tuple[float, int, str, tuple]] = {}
    for row, p in zip(rows, probs):
        key = (row.corpus, row.article, row.claim)
        p = round(p, 2)
        if key not in best or p > best[key][0]:
            best[key] = (p, row.label, row.corpus, tuple((row.corpus, row.article, g) for g in row.gold))
    return list(best.values())


def figures(claims, threshold: float, totals: dict[str, int], corpus: str | None = None) -> dict:
    """Precision, recall and F1 of the claims kept at a threshold (one corpus, or all)."""
    kept = [c for c in claims if c[0] >= threshold and (corpus is None or c[2] == corpus)]
    tp = sum(c[1] for c in kept)
    found = {g for c in kept for g in c[3]}
    total = totals[corpus] if corpus is not None else sum(totals.values())
    p = tp / len(kept) if kept else 0.0
    r = len(found) / total if total else 0.0
    return {
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
        "claims": len(kept),
    }


def choose_threshold(claims, target: float = TARGET_PRECISION) -> float:
    """The lowest threshold (in hundredths) at which the held-out precision of the kept claims is at least
    the target; 1.0 when none is."""
    for hundredths in range(1, 101):
        t = hundredths / 100
        kept = [c for c in claims if c[0] >= t]
        if kept and sum(c[1] for c in kept) / len(kept) >= target:
            return t
    return 1.0


def calibration(claims, bands: int = 10) -> list[dict]:
    """Held-out predicted probability against observed precision, per band of predictions."""
    table = []
    for b in range(bands):
        low, high = b / bands, (b + 1) / bands
        inside = [c for c in claims if low <= c[0] < high or (b == bands - 1 and c[0] == 1.0)]
        if not inside:
            continue
        table.append(
            {
                "band": f"{low:.1f}-{high:.1f}",
                "claims": len(inside),
                "predicted": round(sum(c[0] for c in inside) / len(inside), 3),
                "observed": round(sum(c[1] for c in inside) / len(inside), 3),
            }
        )
    return table


def train(
    rows: list[Row], totals: dict[str, int], target: float = TARGET_PRECISION, judged: frozenset[str] | None = None
) -> dict:
    """Cross-validate, choose the regularisation and the threshold, fit on everything; the model as a
    JSON-ready dict.

    ``judged``: the corpora whose gold annotates every property (the seed, the trade dev set, the
    project's annotated stories), on whose held-out claims the threshold is chosen: there every claim
    kg makes can be judged right or wrong. The real-text corpora annotate one to four properties each,
    and their figures at that threshold are reported beside. None: all corpora."""
    if not rows or len({r.label for r in rows}) < 2:
        raise ValueError("training needs labelled candidates of both kinds")
    losses = {}
    folds = {}
    for c in _C_GRID:
        folds[c] = _out_of_fold(rows, c)
        losses[c] = _log_loss(rows, folds[c])
    best_c = min(_C_GRID, key=lambda c: (round(losses[c], 6), c))
    claims = _claims(rows, folds[best_c])
    judged = frozenset(r.corpus for r in rows) if judged is None else judged
    threshold = choose_threshold([c for c in claims if c[2] in judged], target)
    vocabulary, model = _fit(rows, best_c)
    weights = {f: round(float(w), 6) for f, w in zip(vocabulary, model.coef_[0]) if abs(w) >= 1e-6}
    corpora = sorted({r.corpus for r in rows})
    held_out = {
        name: {
            "all candidates": figures(claims, 0.0, totals, name),
            "at threshold": figures(claims, threshold, totals, name),
        }
        for name in corpora
    }
    whole = [c for c in claims if c[2] in judged]
    whole_totals = {name: n for name, n in totals.items() if name in judged}
    held_out["judged"] = {
        "all candidates": figures(whole, 0.0, whole_totals),
        "at threshold": figures(whole, threshold, whole_totals),
    }
    held_out["all"] = {
        "all candidates": figures(claims, 0.0, totals),
        "at threshold": figures(claims, threshold, totals),
    }
    return {
        "about": "kg confidence model: logistic regression over candidate features (kg/train.py, make train)",
        "bias": round(float(model.intercept_[0]), 6),
        "threshold": threshold,
        "target_precision": target,
        "threshold_corpora": sorted(judged),
        "regularisation_C": best_c,
        "held_out_log_loss": {str(c): round(losses[c], 4) for c in _C_GRID},
        "training": {
            "candidates": len(rows),
            "positives": sum(r.label for r in rows),
            "per_corpus": {name: sum(1 for r in rows if r.corpus == name) for name in corpora},
            "features": len(weights),
        },
        "held_out": held_out,
        "calibration": calibration(claims),
        "weights": dict(sorted(weights.items())),
    }


def write_model(model: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(model, indent=1, sort_keys=False, ensure_ascii=False) + "\n", encoding="utf-8")


def report(model: dict) -> str:
    """The held-out figures and the calibration table, as text."""
    lines = [
        f"threshold {model['threshold']} (held-out precision target {model['target_precision']}), "
        f"C={model['regularisation_C']}, {model['training']['candidates']} candidates, "
        f"{model['training']['positives']} positive",
        "",
        f"{'corpus':<10} {'all P':>6} {'all R':>6} {'all F1':>6} | {'thr P':>6} {'thr R':>6} {'thr F1':>6}",
    ]
    for name, figs in model["held_out"].items():
        a, t = figs["all candidates"], figs["at threshold"]
        lines.append(
            f"{name:<10} {a['precision']:>6.3f} {a['recall']:>6.3f} {a['f1']:>6.3f} | "
            f"{t['precision']:>6.3f} {t['recall']:>6.3f} {t['f1']:>6.3f}"
        )
    lines += ["", f"{'band':<9} {'claims':>6} {'predicted':>9} {'observed':>9}"]
    for band in model["calibration"]:
        lines.append(f"{band['band']:<9} {band['claims']:>6} {band['predicted']:>9.3f} {band['observed']:>9.3f}")
    return "\n".join(lines)


def main(argv=None) -> int:
    from .confidence import model_path

    root = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(prog="python -m kg.train", description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=root.parent / "shared", help="the shared folder (../shared)")
    ap.add_argument("--out", type=Path, default=None, help="model file (default: ontology/model/confidence.json)")
    ap.add_argument("--sample", type=int, default=None, help="only the first N articles of each corpus")
    ap.add_argument("--target", type=float, default=TARGET_PRECISION, help="held-out precision of the threshold")
    args = ap.parse_args(argv)
    if not (args.shared / "eval").is_dir():
        print(f"{args.shared}: no eval/ folder (the shared data kg trains on)", file=sys.stderr)
        return 2
    rows = collect(args.shared, sample=args.sample)
    judged = frozenset(name for name, _, _, properties, _ in corpora(args.shared) if properties is None)
    model = train(rows, gold_totals(args.shared, args.sample), args.target, judged)
    out = args.out or model_path()
    write_model(model, out)
    print(report(model))
    print(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
