"""The project's namespaces and graph names as plain strings, without rdflib.

Commands that only read the store (query, stats, neighbors, path, export)
import these instead of :mod:`kg.vocab`, whose rdflib namespaces cost more
than half of a short command's start-up.
"""

from __future__ import annotations

__all__ = ["BASE", "PREFIXES", "CLASSES", "AGENT_CLASSES", "RELATIONS", "SYMMETRIC", "SUBPROPERTY_OF", "INVERSE",
           "MODALITIES", "TRADE_NS", "ONTOLOGY_GRAPH", "ENTITIES_GRAPH", "NAMES_GRAPH", "ORIGINS_GRAPH",
           "INTERNAL", "INTERNAL_GRAPHS"]

BASE = "https://w3id.org/kg-trade/"
TRADE_NS = BASE + "ontology#"

PREFIXES = {
    "trade": TRADE_NS,
    "ent": BASE + "entity/",
    "art": BASE + "article/",
    "claim": BASE + "claim/",
    "g": BASE + "graph/",
    "wd": "http://www.wikidata.org/entity/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
}

ONTOLOGY_GRAPH = BASE + "graph/ontology"
ENTITIES_GRAPH = BASE + "graph/entities"
# kg's own bookkeeping, never exported: the name index (kg.names), the files articles came from (kg.identity)
NAMES_GRAPH = BASE + "graph/kg-names"
ORIGINS_GRAPH = BASE + "graph/kg-origins"
INTERNAL = BASE + "internal#"
INTERNAL_GRAPHS = (NAMES_GRAPH, ORIGINS_GRAPH)

# the ontology's terms the code relies on (tests/test_vocab.py checks them against ontology/trade.ttl)
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
