"""Counts: articles, entities per class, claims per predicate and modality, triples."""

from __future__ import annotations

from .namespaces import SPARQL_PREFIXES, sparql_terms
from .terms import CLASSES, MODALITIES

__all__ = ["stats", "format_stats"]


def stats(store) -> dict:
    r"""Counts of what the store holds.

    Parameters
    ----------
    store : EmbeddedStore or RemoteStore
        The store to count.

    Returns
    -------
    dict
        ``articles``; ``entities`` per class; ``claims`` per predicate, then
        per modality; ``claims_total``; ``triples`` (distinct, over all graphs).

    Raises
    ------
    QueryError, StoreError
        When the store cannot be read.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from kg.pipeline import ingest
    >>> from kg.store import open_store
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a1.txt").write_text("3 March 2024\n\nT\n\nMAZ and KAMAZ no longer compete.\n")
    >>> store = open_store(folder / "store")
    >>> _ = ingest([folder / "a1.txt"], store)
    >>> counts = stats(store)
    >>> counts["articles"], counts["entities"], counts["claims"]
    (1, {'Company': 2}, {'competesWith': {'past': 1}})
    """
    articles = int(
        store.query(SPARQL_PREFIXES + "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a trade:Article }").rows[0][0].value
    )
    entities = {}
    for cls, n in store.query(
        SPARQL_PREFIXES
        + f"""
            SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a ?type ; rdfs:label ?l .
            FILTER(?type IN ({sparql_terms(CLASSES)})) }} GROUP BY ?type"""
    ).rows:
        entities[cls.value.rsplit("#", 1)[-1]] = int(n.value)
    claims: dict[str, dict[str, int]] = {}
    total = 0
    for p, m, n in store.query(
        SPARQL_PREFIXES
        + """
            SELECT ?p ?m (COUNT(DISTINCT ?c) AS ?n) WHERE {
              # sub-selects: joined by hashing, not by looking every claim up (three times faster)
              { SELECT ?c { ?c a trade:Claim } } { SELECT ?c ?p { ?c rdf:predicate ?p } }
              { SELECT ?c ?m { ?c trade:modality ?m } }
            } GROUP BY ?p ?m"""
    ).rows:
        claims.setdefault(p.value.rsplit("#", 1)[-1], {})[m.value.rsplit("#", 1)[-1]] = int(n.value)
        total += int(n.value)
    return {
        "articles": articles,
        "entities": dict(sorted(entities.items())),
        "claims": {k: dict(sorted(v.items())) for k, v in sorted(claims.items())},
        "claims_total": total,
        "triples": store.count(),
    }


def format_stats(counts: dict) -> str:
    modalities = MODALITIES
    lines = [f"articles  {counts['articles']}", f"triples   {counts['triples']}", "", "entities"]
    for cls, n in counts["entities"].items():
        lines.append(f"  {cls:<14}{n:>6}")
    lines.append(f"  {'total':<14}{sum(counts['entities'].values()):>6}")
    lines += ["", "claims" + " " * 17 + "".join(f"{m:>10}" for m in modalities) + f"{'total':>10}"]
    for predicate, by_modality in counts["claims"].items():
        row = "".join(f"{by_modality.get(m, 0):>10}" for m in modalities)
        lines.append(f"  {predicate:<21}{row}{sum(by_modality.values()):>10}")
    lines.append(f"  {'total':<21}{'':>40}{counts['claims_total']:>10}")
    return "\n".join(lines)
