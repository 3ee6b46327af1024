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
from functools import cache, lru_cache

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from .articles import find_dateline
from .iri import article_iri, claim_iri, entity_iri
from .records import Article, Claim, Entity
from .resolve import key_of
from .vocab import INVERSE, PREFIXES, SUBPROPERTY_OF, SYMMETRIC, TRADE, WD
from .vocab import article_graph as graph_of

__all__ = [
    "article_graph",
    "article_quads",
    "entity_graph",
    "entity_quads",
    "add_quads",
    "ontology_graph",
    "plain_triples",
    "bind_prefixes",
]


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
    return {(s, TRADE[p], o) for s, p, o in _plain(subject, predicate, obj)}


def claim_node(claim: Claim) -> URIRef:
    return _claim_iri(claim, key_of(claim.subject), key_of(claim.object))


def _claim_iri(claim: Claim, subject_key: str, object_key: str) -> URIRef:
    return claim_iri(claim.article_id, claim.sentence_start, subject_key, claim.predicate, object_key, claim.modality)


_RDF_TYPE = ox.NamedNode(str(RDF.type))
_STRING, _INTEGER, _DECIMAL, _DATE, _ANY_URI = (
    ox.NamedNode(str(t)) for t in (XSD.string, XSD.integer, XSD.decimal, XSD.date, XSD.anyURI)
)
_P = {  # the properties and classes the mapping writes, as pyoxigraph terms
    name: ox.NamedNode(str(term))
    for name, term in {
        "statement": RDF.Statement,
        "subject": RDF.subject,
        "predicate": RDF.predicate,
        "object": RDF.object,
        "identifier": DCTERMS.identifier,
        "title": DCTERMS.title,
        "date": DCTERMS.date,
        "publisher": DCTERMS.publisher,
        "source": DCTERMS.source,
        "derived": PROV.wasDerivedFrom,
        "label": RDFS.label,
        "alt": SKOS.altLabel,
        "same": OWL.sameAs,
    }.items()
}


@cache
def _trade(term: str) -> ox.NamedNode:
    """An ontology term as a pyoxigraph node (``TRADE`` refuses a misspelt one)."""
    return ox.NamedNode(str(TRADE[term]))


@lru_cache(maxsize=1 << 16)
def _entity_node(key: str) -> ox.NamedNode:
    return ox.NamedNode(str(entity_iri(key)))


def article_quads(article: Article, claims: Iterable[Claim], extractor_version: str) -> list:
    """The named graph of one article as pyoxigraph quads: its description, its claims and their plain
    triples (each quad once). What ingest writes; :func:`article_graph` is the same as an rdflib graph."""
    graph = ox.NamedNode(str(graph_of(str(article_iri(article.id)))))
    node = ox.NamedNode(str(article_iri(article.id)))
    quads = [
        ox.Quad(node, _RDF_TYPE, _trade("Article"), graph),
        ox.Quad(node, _P["identifier"], ox.Literal(article.id), graph),
        ox.Quad(node, _P["title"], ox.Literal(article.title), graph),
    ]
    date = None if article.date is None else ox.Literal(article.date.isoformat(), datatype=_DATE)
    if date is not None:
        quads.append(ox.Quad(node, _P["date"], date, graph))
    if article.source:
        quads.append(ox.Quad(node, _P["publisher"], ox.Literal(article.source), graph))
    if article.url:
        quads.append(ox.Quad(node, _P["source"], ox.Literal(article.url, datatype=_ANY_URI), graph))
    quads.append(ox.Quad(node, _trade("contentHash"), ox.Literal(article.content_hash), graph))
    dateline = find_dateline(article.text)
    if dateline is not None:
        quads.append(ox.Quad(node, _trade("dateline"), ox.Literal(dateline.place), graph))
    quads.append(ox.Quad(node, _trade("extractorVersion"), ox.Literal(extractor_version), graph))
    claim_type, statement = _trade("Claim"), _P["statement"]
    modality_of, sentence_of, start_of, end_of = (
        _trade("modality"),
        _trade("sentence"),
        _trade("sentenceStart"),
        _trade("sentenceEnd"),
    )
    confidence_of, extractor_of, cue_of, speaker_of = (
        _trade("confidence"),
        _trade("extractor"),
        _trade("cue"),
        _trade("speaker"),
    )
    for claim in claims:
        subject_key, object_key = key_of(claim.subject), key_of(claim.object)
        subject, obj = _entity_node(subject_key), _entity_node(object_key)
        c = ox.NamedNode(str(_claim_iri(claim, subject_key, object_key)))
        quads += [
            ox.Quad(c, _RDF_TYPE, claim_type, graph),
            ox.Quad(c, _RDF_TYPE, statement, graph),
            ox.Quad(c, _P["subject"], subject, graph),
            ox.Quad(c, _P["predicate"], _trade(claim.predicate), graph),
            ox.Quad(c, _P["object"], obj, graph),
            ox.Quad(c, modality_of, _trade(claim.modality), graph),
            ox.Quad(c, _P["derived"], node, graph),
            ox.Quad(c, sentence_of, ox.Literal(claim.sentence), graph),
            ox.Quad(c, start_of, ox.Literal(str(claim.sentence_start), datatype=_INTEGER), graph),
            ox.Quad(c, end_of, ox.Literal(str(claim.sentence_end), datatype=_INTEGER), graph),
            ox.Quad(c, confidence_of, ox.Literal(f"{claim.confidence:.2f}", datatype=_DECIMAL), graph),
            ox.Quad(c, extractor_of, ox.Literal(claim.rule_id), graph),
        ]
        quads += [ox.Quad(c, cue_of, ox.Literal(cue), graph) for cue in claim.cues]
        if claim.speaker is not None:
            quads.append(ox.Quad(c, speaker_of, _entity_node(key_of(claim.speaker)), graph))
        if date is not None:
            quads.append(ox.Quad(c, _P["date"], date, graph))
        if claim.modality == "asserted":
            quads += [ox.Quad(s, _trade(p), o, graph) for s, p, o in _plain(subject, claim.predicate, obj)]
    return list(dict.fromkeys(quads))


def _plain(subject, predicate: str, obj) -> list[tuple]:
    """:func:`plain_triples` with the property as its local name, for nodes of any library."""
    out = [(subject, predicate, obj)]
    if predicate in SUBPROPERTY_OF:
        out.append((subject, SUBPROPERTY_OF[predicate], obj))
    if predicate in SYMMETRIC:
        out.append((obj, predicate, subject))
    if predicate in INVERSE:
        out.append((obj, INVERSE[predicate], subject))
    return out


def article_graph(article: Article, claims: Iterable[Claim], extractor_version: str) -> Graph:
    """The named graph of one article: its description, its claims and their plain triples
    (:func:`article_quads` as an rdflib graph)."""
    graph = Graph(identifier=graph_of(str(article_iri(article.id))), bind_namespaces="none")  # for the store:
    # prefixes are the exports' business (kg/exports.py binds them)
    return add_quads(graph, article_quads(article, claims, extractor_version))


def entity_quads(entities: Iterable[Entity]) -> list:
    """Types, labels and Wikidata links of entities, as pyoxigraph quads in the entities graph."""
    from .vocab import ENTITIES_GRAPH

    graph = ox.NamedNode(str(ENTITIES_GRAPH))
    quads = []
    for entity in entities:
        node = _entity_node(entity.key)
        quads.append(ox.Quad(node, _RDF_TYPE, _trade(entity.cls), graph))
        quads.append(ox.Quad(node, _P["label"], ox.Literal(entity.label), graph))
        quads += [ox.Quad(node, _P["alt"], ox.Literal(alt), graph) for alt in entity.alt_labels]
        if entity.wikidata:
            quads.append(ox.Quad(node, _P["same"], ox.NamedNode(str(WD[entity.wikidata])), graph))
    return list(dict.fromkeys(quads))


def entity_graph(entities: Iterable[Entity]) -> Graph:
    """Types, labels and Wikidata links of entities (:func:`entity_quads` as an rdflib graph)."""
    from .vocab import ENTITIES_GRAPH

    return add_quads(Graph(identifier=ENTITIES_GRAPH, bind_namespaces="none"), entity_quads(entities))


def add_quads(graph: Graph, quads: Iterable) -> Graph:
    """``graph`` with the triples of these pyoxigraph quads added as rdflib terms (a plain string literal
    without datatype, as rdflib makes it)."""
    nodes: dict[str, URIRef] = {}

    def term(t):
        if isinstance(t, ox.NamedNode):
            found = nodes.get(t.value)
            if found is None:
                found = nodes[t.value] = URIRef(t.value)
            return found
        if t.language:
            return Literal(t.value, lang=t.language)
        return Literal(t.value) if t.datatype == _STRING else Literal(t.value, datatype=term(t.datatype))

    for quad in quads:
        graph.add((term(quad.subject), term(quad.predicate), term(quad.object)))
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
