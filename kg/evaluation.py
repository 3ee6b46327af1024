"""Evaluate the store's claims against hand-annotated gold claims (``../spec/gold-format.md``).

The matching rules are those of the project's scorer (``eval/score.py``), so
that both give the same figures on the same graph: entities match by any of
their labels (normalised the same way), symmetric properties match either
way round, ``producesComponentsFor`` also counts for a gold ``supplies``, and
``exportsTo``/``importsFrom`` match the same fact worded from the other side.
Unlike the scorer, this reads the claims straight from the store, reports
precision, recall and F1 per property, and lists every false positive and miss
with its sentence.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Errors, InputError
from .vocab import INVERSE, RELATIONS, SPARQL_PREFIXES, SUBPROPERTY_OF, SYMMETRIC

__all__ = ["evaluate", "read_gold", "EvalReport", "format_report", "norm", "matches", "in_scope"]

_SUPER = {sub: {sup} for sub, sup in SUBPROPERTY_OF.items()}


def norm(name: str) -> str:
    """The scorer's name normalisation (kept identical on purpose)."""
    text = unicodedata.normalize("NFKC", str(name)).lower()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"[\"'\u2018\u2019\u201c\u201d\u00ab\u00bb.,()]", "", text)
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def read_gold(path: str | Path) -> list[dict]:
    """Gold articles; InputError naming the file and line of a bad record."""
    path = Path(path)
    gold = []
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(path, Errors.E204.format(offset=e.start)) from e
    except OSError as e:
        raise InputError(path, Errors.E205.format(reason=e.strerror or e)) from e
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(path, Errors.E201.format(error=e.msg), line=number) from e
        if not isinstance(record, dict) or not {"id", "entities", "relations"} <= set(record):
            raise InputError(path, Errors.E202, line=number)
        keys = {e.get("key") for e in record["entities"]}
        for relation in record["relations"]:
            for end in ("s", "o"):
                if relation.get(end) not in keys:
                    raise InputError(path, Errors.E203.format(end=relation.get(end)), line=number)
        gold.append(record)
    return gold


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class EvalReport:
    relations: Counts = field(default_factory=Counts)
    claims: Counts = field(default_factory=Counts)
    per_property: dict[str, dict[str, Counts]] = field(default_factory=dict)  # property -> {relations, claims}
    false_positives: list[dict] = field(default_factory=list)
    misses: list[dict] = field(default_factory=list)
    entity_recall: float = 0.0

    def as_dict(self) -> dict:
        return {
            "relations": self.relations.as_dict(),
            "claims": self.claims.as_dict(),
            "per_property": {p: {k: c.as_dict() for k, c in v.items()} for p, v in sorted(self.per_property.items())},
            "entity_recall": round(self.entity_recall, 3),
            "false_positives": self.false_positives,
            "misses": self.misses,
        }


_CLAIMS = (
    SPARQL_PREFIXES
    + """
SELECT ?claim ?id ?p ?m ?sentence ?s ?o WHERE {
  ?claim a trade:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; trade:modality ?m ;
         trade:sentence ?sentence ; prov:wasDerivedFrom/dcterms:identifier ?id .
}"""
)
_LABELS = (
    SPARQL_PREFIXES
    + """
SELECT ?e ?l WHERE { { ?e rdfs:label ?l } UNION { ?e skos:prefLabel ?l } UNION { ?e skos:altLabel ?l } }"""
)


def _system_claims(store):
    labels: dict[str, set[str]] = defaultdict(set)
    for e, label in store.query(_LABELS).rows:
        labels[e.value].add(norm(label.value))
    out: dict[str, dict[tuple, str]] = defaultdict(dict)
    for _claim, ident, p, m, sentence, s, o in sorted(store.query(_CLAIMS).rows, key=lambda r: r[0].value):
        predicate = p.value.rsplit("#", 1)[-1]
        s_names = frozenset(labels.get(s.value) or {norm(s.value.rsplit("/", 1)[-1])})
        o_names = frozenset(labels.get(o.value) or {norm(o.value.rsplit("/", 1)[-1])})
        key = (s_names, predicate, o_names, m.value.rsplit("#", 1)[-1])
        out[ident.value].setdefault(key, sentence.value)
    return out, {n for names in labels.values() for n in names}


def in_scope(predicate: str, properties) -> bool:
    """Whether a claim with this predicate can match a gold relation with one of the properties (the
    scorer's ``--properties``): its own, a super-property's or its inverse wording's."""
    return (
        predicate in properties
        or bool(_SUPER.get(predicate, set()) & set(properties))
        or INVERSE.get(predicate) in properties
    )


def matches(claim, relation, names, with_modality: bool) -> bool:
    """Whether a claim (subject names, predicate, object names, modality) states a gold relation."""
    s_names, predicate, o_names, modality = claim
    if with_modality and modality not in relation["modality"]:
        return False
    gp = relation["p"]
    gs, go = names[relation["s"]], names[relation["o"]]
    if INVERSE.get(predicate) == gp:
        return bool(s_names & go) and bool(o_names & gs)
    if predicate != gp and gp not in _SUPER.get(predicate, ()):
        return False
    if s_names & gs and o_names & go:
        return True
    return gp in SYMMETRIC and bool(s_names & go) and bool(o_names & gs)


def evaluate(store, gold_path: str | Path) -> EvalReport:
    r"""Precision, recall and F1 of the store's claims against a gold file, as the project scorer counts them.

    Parameters
    ----------
    store : EmbeddedStore or RemoteStore
        The store whose claims are scored.
    gold_path : str or Path
        Hand-annotated gold, one article a line (``../shared/spec/gold-format.md``).

    Returns
    -------
    EvalReport
        ``relations`` (modality ignored) and ``claims`` (modality too) counts,
        the same per property, ``entity_recall``, and every false positive and
        miss with its sentence.

    Raises
    ------
    InputError
        Naming the file and line of a gold record that cannot be used.

    Examples
    --------
    >>> import json, tempfile
    >>> from pathlib import Path
    >>> from kg.pipeline import ingest
    >>> from kg.store import open_store
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a1.txt").write_text("3 March 2024\n\nT\n\nMAZ and KAMAZ cooperate.\n")
    >>> store = open_store(folder / "store")
    >>> _ = ingest([folder / "a1.txt"], store)
    >>> gold = {"id": "a1", "entities": [{"key": "maz", "names": ["MAZ"]}, {"key": "kamaz", "names": ["KAMAZ"]}],
    ...         "relations": [{"s": "kamaz", "p": "cooperatesWith", "o": "maz", "modality": ["asserted"]}]}
    >>> _ = (folder / "gold.jsonl").write_text(json.dumps(gold) + "\n")
    >>> report = evaluate(store, folder / "gold.jsonl")
    >>> report.relations.as_dict()["f1"], report.claims.tp, report.misses
    (1.0, 1, [])
    """
    gold = read_gold(gold_path)
    claims, all_labels = _system_claims(store)
    vocabulary = set(RELATIONS) | {r["p"] for article in gold for r in article["relations"]}
    report = EvalReport()
    found = total = 0
    for with_modality in (False, True):
        overall = report.claims if with_modality else report.relations
        kind = "claims" if with_modality else "relations"
        for article in gold:
            names = {e["key"]: {norm(n) for n in e["names"]} for e in article["entities"]}
            if not with_modality:
                for entity_names in names.values():
                    total += 1
                    found += bool(entity_names & all_labels)
            system = {c: s for c, s in claims.get(article["id"], {}).items() if c[1] in vocabulary}
            relations = article["relations"]
            matched = set()
            for claim, sentence in sorted(system.items(), key=lambda item: (item[1], item[0][1])):
                hits = [i for i, r in enumerate(relations) if matches(claim, r, names, with_modality)]
                if hits:
                    matched.update(hits)
                    continue
                overall.fp += 1
                report.per_property.setdefault(claim[1], {"relations": Counts(), "claims": Counts()})[kind].fp += 1
                if with_modality:
                    report.false_positives.append(
                        {
                            "article": article["id"],
                            "subject": sorted(claim[0])[0] if claim[0] else "",
                            "predicate": claim[1],
                            "object": sorted(claim[2])[0] if claim[2] else "",
                            "modality": claim[3],
                            "sentence": sentence,
                        }
                    )
            for i, relation in enumerate(relations):
                counts = report.per_property.setdefault(relation["p"], {"relations": Counts(), "claims": Counts()})
                if i in matched:
                    overall.tp += 1
                    counts[kind].tp += 1
                else:
                    overall.fn += 1
                    counts[kind].fn += 1
                    if with_modality:
                        report.misses.append(
                            {
                                "article": article["id"],
                                "subject": relation["s"],
                                "predicate": relation["p"],
                                "object": relation["o"],
                                "modality": "/".join(relation["modality"]),
                                "sentence": relation.get("evidence", ""),
                            }
                        )
    report.entity_recall = found / total if total else 0.0
    return report


def format_report(report: EvalReport, verbose: bool = True) -> str:
    lines = []
    for kind in ("relations", "claims"):
        c = getattr(report, kind)
        lines.append(f"{kind:9s} P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f} (tp={c.tp} fp={c.fp} fn={c.fn})")
    lines.append(f"entity recall {report.entity_recall:.3f}")
    lines += ["", f"{'property':<24}{'rel P':>7}{'rel R':>7}{'rel F1':>8}{'cl F1':>8}{'tp':>5}{'fp':>5}{'fn':>5}"]
    for prop, counts in sorted(report.per_property.items()):
        r, c = counts["relations"], counts["claims"]
        lines.append(
            f"{prop:<24}{r.precision:>7.2f}{r.recall:>7.2f}{r.f1:>8.2f}{c.f1:>8.2f}{r.tp:>5}{r.fp:>5}{r.fn:>5}"
        )
    if verbose:
        lines += ["", f"false positives ({len(report.false_positives)}):"]
        for fp in report.false_positives:
            lines.append(
                f"  {fp['article']}: {fp['subject']} {fp['predicate']} {fp['object']} [{fp['modality']}]"
                f"  | {fp['sentence'][:140]}"
            )
        lines += ["", f"misses ({len(report.misses)}):"]
        for miss in report.misses:
            lines.append(
                f"  {miss['article']}: {miss['subject']} {miss['predicate']} {miss['object']} "
                f"[{miss['modality']}]  | {miss['sentence'][:140]}"
            )
    return "\n".join(lines)
