"""RDF mapping: records to triples, as ``../shared/spec/rdf-contract.md`` promises.

- an article's description, claims and plain triples go into the article's
  own named graph (:func:`article_graph`);
- entity descriptions go into the entities graph (:func:`entity_graph`);
- the ontology into its own graph (:func:`ontology_graph`).

Claims are reified with ``rdf:subject``/``rdf:predicate``/``rdf:object``. The
plain triple ``?s :p ?o`` is written only for asserted claims, closed under
``rdfs:subPropertyOf``, ``owl:SymmetricProperty`` and ``owl:inverseOf`` so
that consumers need no reasoner.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from .articles import find_dateline
from .iri import article_iri, claim_iri, entity_iri
from .records import Article, Claim, Entity
from .resolve import key_of
from .vocab import INVERSE, PREFIXES, SUBPROPERTY_OF, SYMMETRIC, TRADE, WD
from .vocab import article_graph as graph_of

__all__ = ["article_graph", "entity_graph", "ontology_graph", "plain_triples", "bind_prefixes"]


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def plain_triples(subject: URIRef, predicate: str, obj: URIRef) -> set[tuple[URIRef, URIRef, URIRef]]:
    """The triple an asserted claim states, and what the ontology entails from it.

    >>> from rdflib import URIRef
    >>> a, b = URIRef("urn:a"), URIRef("urn:b")
    >>> sorted(str(p).rsplit("#")[-1] for _, p, _ in plain_triples(a, "producesComponentsFor", b))
    ['producesComponentsFor', 'supplies']
    >>> len(plain_triples(a, "cooperatesWith", b))
    2
    """
    out = {(subject, TRADE[predicate], obj)}
    if predicate in SUBPROPERTY_OF:
        out.add((subject, TRADE[SUBPROPERTY_OF[predicate]], obj))
    if predicate in SYMMETRIC:
        out.add((obj, TRADE[predicate], subject))
    if predicate in INVERSE:
        out.add((obj, TRADE[INVERSE[predicate]], subject))
    return out


def claim_node(claim: Claim) -> URIRef:
    return claim_iri(
        claim.article_id,
        claim.sentence_start,
        key_of(claim.subject),
        claim.predicate,
        key_of(claim.object),
        claim.modality,
    )


def article_graph(article: Article, claims: Iterable[Claim], extractor_version: str) -> Graph:
    """The named graph of one article: its description, its claims and their plain triples."""
    graph = Graph(identifier=graph_of(str(article_iri(article.id))), bind_namespaces="none")  # for the store:
    # prefixes are the exports' business (kg/exports.py binds them)
    node = article_iri(article.id)
    graph.add((node, RDF.type, TRADE.Article))
    graph.add((node, DCTERMS.identifier, Literal(article.id)))
    graph.add((node, DCTERMS.title, Literal(article.title)))
    if article.date is not None:
        graph.add((node, DCTERMS.date, Literal(article.date.isoformat(), datatype=XSD.date)))
    if article.source:
        graph.add((node, DCTERMS.publisher, Literal(article.source)))
    if article.url:
        graph.add((node, DCTERMS.source, Literal(article.url, datatype=XSD.anyURI)))
    graph.add((node, TRADE.contentHash, Literal(article.content_hash)))
    dateline = find_dateline(article.text)
    if dateline is not None:
        graph.add((node, TRADE.dateline, Literal(dateline.place)))
    graph.add((node, TRADE.extractorVersion, Literal(extractor_version)))
    for claim in claims:
        subject, obj = entity_iri(key_of(claim.subject)), entity_iri(key_of(claim.object))
        c = claim_node(claim)
        graph.add((c, RDF.type, TRADE.Claim))
        graph.add((c, RDF.type, RDF.Statement))
        graph.add((c, RDF.subject, subject))
        graph.add((c, RDF.predicate, TRADE[claim.predicate]))
        graph.add((c, RDF.object, obj))
        graph.add((c, TRADE.modality, TRADE[claim.modality]))
        graph.add((c, PROV.wasDerivedFrom, node))
        graph.add((c, TRADE.sentence, Literal(claim.sentence)))
        graph.add((c, TRADE.sentenceStart, Literal(claim.sentence_start, datatype=XSD.integer)))
        graph.add((c, TRADE.sentenceEnd, Literal(claim.sentence_end, datatype=XSD.integer)))
        graph.add((c, TRADE.confidence, Literal(Decimal(f"{claim.confidence:.2f}"), datatype=XSD.decimal)))
        graph.add((c, TRADE.extractor, Literal(claim.rule_id)))
        for cue in claim.cues:
            graph.add((c, TRADE.cue, Literal(cue)))
        if claim.speaker is not None:
            graph.add((c, TRADE.speaker, entity_iri(key_of(claim.speaker))))
        if article.date is not None:
            graph.add((c, DCTERMS.date, Literal(article.date.isoformat(), datatype=XSD.date)))
        if claim.modality == "asserted":
            for triple in plain_triples(subject, claim.predicate, obj):
                graph.add(triple)
    return graph


def entity_graph(entities: Iterable[Entity]) -> Graph:
    """Types, labels and Wikidata links of entities."""
    from .vocab import ENTITIES_GRAPH

    graph = Graph(identifier=ENTITIES_GRAPH, bind_namespaces="none")
    for entity in entities:
        node = entity_iri(entity.key)
        graph.add((node, RDF.type, TRADE[entity.cls]))
        graph.add((node, RDFS.label, Literal(entity.label)))
        for alt in entity.alt_labels:
            graph.add((node, SKOS.altLabel, Literal(alt)))
        if entity.wikidata:
            graph.add((node, OWL.sameAs, WD[entity.wikidata]))
    return graph


def ontology_graph() -> Graph:
    """``ontology/trade.ttl`` as a graph.

    Its blank nodes (class unions, lists) get new labels at every parse and in
    every SPARQL update; exports relabel them canonically (RDFC-1.0).
    """
    from .paths import ontology_dir
    from .vocab import ONTOLOGY_GRAPH

    graph = bind_prefixes(Graph(identifier=ONTOLOGY_GRAPH))
    graph.parse(ontology_dir() / "trade.ttl", format="turtle")
    return graph
