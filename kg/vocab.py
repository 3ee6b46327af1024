"""The project's namespaces and the terms of ``ontology/trade.ttl``.

``TRADE`` rejects misspelt terms (``TRADE.suplies`` raises), like rdflib's own
vocabularies; ``tests/test_vocab.py`` checks that it and the ontology agree.
"""

from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

from .namespaces import (AGENT_CLASSES, BASE, CLASSES, INVERSE, MODALITIES, PREFIXES, RELATIONS,  # plain strings,
                         SUBPROPERTY_OF, SYMMETRIC)  # shared with the modules that need no rdflib

__all__ = [
    "TRADE", "ENT", "ART", "CLAIM", "GRAPH", "WD", "PREFIXES",
    "CLASSES", "AGENT_CLASSES", "RELATIONS", "SYMMETRIC", "SUBPROPERTY_OF", "INVERSE", "MODALITIES",
    "ONTOLOGY_GRAPH", "ENTITIES_GRAPH", "article_graph",
]



class TRADE(DefinedNamespace):
    """The trade-cooperation ontology (``ontology/trade.ttl``)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Agent: URIRef
    Country: URIRef
    Region: URIRef
    Company: URIRef
    Organization: URIRef
    Person: URIRef
    Product: URIRef
    Sector: URIRef
    Article: URIRef
    Claim: URIRef
    Modality: URIRef
    # modalities
    asserted: URIRef
    negated: URIRef
    planned: URIRef
    past: URIRef
    # relations
    supplies: URIRef
    producesComponentsFor: URIRef
    produces: URIRef
    cooperatesWith: URIRef
    competesWith: URIRef
    exportsTo: URIRef
    importsFrom: URIRef
    dependsOn: URIRef
    investsIn: URIRef
    signedAgreementWith: URIRef
    leads: URIRef
    metWith: URIRef
    locatedIn: URIRef
    subsidiaryOf: URIRef
    exitedMarket: URIRef
    # claim and article description
    modality: URIRef
    sentence: URIRef
    sentenceStart: URIRef
    sentenceEnd: URIRef
    confidence: URIRef
    extractor: URIRef
    cue: URIRef
    speaker: URIRef
    contentHash: URIRef
    extractorVersion: URIRef
    dateline: URIRef


ENT = Namespace(BASE + "entity/")
ART = Namespace(BASE + "article/")
CLAIM = Namespace(BASE + "claim/")
GRAPH = Namespace(BASE + "graph/")
WD = Namespace("http://www.wikidata.org/entity/")

ONTOLOGY_GRAPH = GRAPH["ontology"]
ENTITIES_GRAPH = GRAPH["entities"]


def article_graph(article_iri: str) -> URIRef:
    """The named graph holding one article's description and claims."""
    return GRAPH["article/" + article_iri.rsplit("/", 1)[-1]]
