"""The project's namespaces and the terms of ``ontology/trade.ttl``.

``TRADE`` rejects misspelt terms (``TRADE.suplies`` raises), like rdflib's own
vocabularies; ``tests/test_vocab.py`` checks that it and the ontology agree.
"""

from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = [
    "TRADE", "ENT", "ART", "CLAIM", "GRAPH", "WD", "PREFIXES",
    "CLASSES", "AGENT_CLASSES", "RELATIONS", "SYMMETRIC", "SUBPROPERTY_OF", "INVERSE", "MODALITIES",
    "ONTOLOGY_GRAPH", "ENTITIES_GRAPH", "article_graph",
]

BASE = "https://w3id.org/kg-trade/"


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


PREFIXES = {
    "trade": str(TRADE._NS),
    "ent": str(ENT),
    "art": str(ART),
    "claim": str(CLAIM),
    "g": str(GRAPH),
    "wd": str(WD),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
}

CLASSES = ("Country", "Region", "Company", "Organization", "Person", "Product", "Sector")
AGENT_CLASSES = ("Country", "Region", "Company", "Organization", "Person")
RELATIONS = (
    "supplies", "producesComponentsFor", "produces", "cooperatesWith", "competesWith", "exportsTo",
    "importsFrom", "dependsOn", "investsIn", "signedAgreementWith", "leads", "metWith", "locatedIn",
    "subsidiaryOf", "exitedMarket",
)
SYMMETRIC = frozenset({"cooperatesWith", "competesWith", "signedAgreementWith", "metWith"})
SUBPROPERTY_OF = {"producesComponentsFor": "supplies"}
INVERSE = {"exportsTo": "importsFrom", "importsFrom": "exportsTo"}
MODALITIES = ("asserted", "negated", "planned", "past")
