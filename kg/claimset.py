"""Every claim of the store, of every modality, with its entities and articles: what the page and
the network exports (GraphML, GEXF) draw.

:func:`kg.network.entity_graph` is the asserted relations only (for paths and neighbourhoods);
here a *relation* is one (subject, predicate, object, modality) with the claims that state it, so
planned, negated and past claims are drawn and exported too, each marked with its modality.
Three SPARQL queries, one pass each: reading is linear in the store.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass

from .network import _ENTITIES  # one entity query (%s: a VALUES block or nothing), shared with kg.network

__all__ = ["EntityRow", "ArticleRow", "ClaimRow", "Relation", "ClaimSet", "read_claims", "relations", "MODALITIES"]

MODALITIES = ("asserted", "planned", "negated", "past")
_TRADE = "https://w3id.org/kg-trade/ontology#"
_OTHER = {"Claim", "Article", "Modality", "Agent"}

_ARTICLES = """
PREFIX trade: <https://w3id.org/kg-trade/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?a ?id ?title ?date ?url ?publisher WHERE {
  ?a a trade:Article ; dcterms:identifier ?id .
  OPTIONAL { ?a dcterms:title ?title } OPTIONAL { ?a dcterms:date ?date }
  OPTIONAL { ?a dcterms:source ?url } OPTIONAL { ?a dcterms:publisher ?publisher }
}"""
_CLAIMS = """
PREFIX trade: <https://w3id.org/kg-trade/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?claim ?s ?p ?o ?m ?confidence ?sentence ?a ?rule WHERE {
  ?claim a trade:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; trade:modality ?m ;
         trade:sentence ?sentence ; trade:confidence ?confidence ; trade:extractor ?rule ; prov:wasDerivedFrom ?a .
}"""


@dataclass(frozen=True)
class EntityRow:
    iri: str
    label: str
    cls: str
    aliases: tuple[str, ...]
    wikidata: str | None


@dataclass(frozen=True)
class ArticleRow:
    iri: str
    id: str
    title: str
    date: str | None
    url: str | None
    publisher: str | None


@dataclass(frozen=True)
class ClaimRow:
    iri: str
    subject: str
    predicate: str  # the local name: "supplies"
    object: str
    modality: str  # "asserted", "planned", "negated" or "past"
    confidence: float
    sentence: str
    article: str  # the article's IRI
    rule: str


@dataclass(frozen=True)
class Relation:
    """One (subject, predicate, object, modality) and the claims that state it (sorted by IRI)."""

    subject: str
    predicate: str
    object: str
    modality: str
    claims: tuple[ClaimRow, ...]

    @property
    def id(self) -> str:
        """A stable id, unique per relation: the same relation keeps it from export to export."""
        key = "\x1f".join((self.subject, self.predicate, self.object, self.modality))
        return "r" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class ClaimSet:
    entities: dict[str, EntityRow]  # by IRI, sorted
    articles: dict[str, ArticleRow]  # by IRI, sorted
    claims: tuple[ClaimRow, ...]  # sorted by IRI


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1]


def read_claims(store) -> ClaimSet:
    r"""The store's entities, articles and claims (every modality), each sorted by IRI.

    Parameters
    ----------
    store : EmbeddedStore or RemoteStore
        The store to read (:func:`kg.open_store`).

    Returns
    -------
    ClaimSet
        ``entities`` (IRI -> Entity), ``articles`` (IRI -> ArticleRow) and
        ``claims`` (ClaimRow records). An entity named in a claim but without a
        label of its own is an ``Entity`` named by its IRI.

    Raises
    ------
    StoreError
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
    >>> claims = read_claims(store)
    >>> [(c.predicate, c.modality) for c in claims.claims]
    [('competesWith', 'past')]
    """
    names: dict[str, str] = {}
    wikidata: dict[str, str] = {}
    classes, aliases = defaultdict(set), defaultdict(set)
    for e, label, type_, alt, wd in store.query(_ENTITIES % "").rows:
        names.setdefault(e.value, label.value)
        if _local(type_.value) not in _OTHER:
            classes[e.value].add(_local(type_.value))
        if alt is not None:
            aliases[e.value].add(alt.value)
        if wd is not None:
            wikidata[e.value] = min(wd.value, wikidata.get(e.value, wd.value))
    articles = {}
    for a, id_, title, date, url, publisher in store.query(_ARTICLES).rows:
        articles[a.value] = ArticleRow(
            a.value,
            id_.value,
            title.value if title else id_.value,
            date.value if date else None,
            url.value if url else None,
            publisher.value if publisher else None,
        )
    claims = []
    for claim, s, p, o, m, confidence, sentence, a, rule in store.query(_CLAIMS).rows:
        claims.append(
            ClaimRow(
                claim.value,
                s.value,
                _local(p.value),
                o.value,
                _local(m.value),
                float(confidence.value),
                sentence.value,
                a.value,
                rule.value,
            )
        )
        for node in (s.value, o.value):
            names.setdefault(node, node.rsplit("/", 1)[-1])
    entities = {}
    for iri in sorted(names):
        found = sorted(classes.get(iri, ()))
        entities[iri] = EntityRow(
            iri,
            names[iri],
            found[0] if found else "Entity",
            tuple(sorted(aliases.get(iri, set()) - {names[iri]})),
            wikidata.get(iri),
        )
    return ClaimSet(entities, dict(sorted(articles.items())), tuple(sorted(claims, key=lambda c: c.iri)))


def relations(claimset: ClaimSet) -> list[Relation]:
    """The claims grouped into relations, sorted by (subject, predicate, object, modality order)."""
    groups = defaultdict(list)
    for claim in claimset.claims:
        groups[claim.subject, claim.predicate, claim.object, claim.modality].append(claim)
    order = {m: n for n, m in enumerate(MODALITIES)}
    keys = sorted(groups, key=lambda k: (k[0], k[1], k[2], order.get(k[3], len(order)), k[3]))
    return [Relation(*key, claims=tuple(groups[key])) for key in keys]
