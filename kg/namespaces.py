"""The project's namespaces, graph names and the one PREFIX header of its SPARQL, as plain strings (no rdflib).

Commands that only read the store (query, stats, neighbors, path, export)
import these instead of :mod:`kg.vocab`, whose rdflib namespaces cost more
than half of a short command's start-up. The ontology's term tuples
(classes, relations, modalities, ...) are :mod:`kg.terms`, generated from
``ontology/trade.ttl`` (``make vocab``), re-exported here for those modules.

>>> PREFIXES["trade"]
'https://w3id.org/kg-trade/ontology#'
>>> SPARQL_PREFIXES.splitlines()[0]
'PREFIX trade: <https://w3id.org/kg-trade/ontology#>'
"""

from __future__ import annotations

from .terms import AGENT_CLASSES, CLASSES, INVERSE, MODALITIES, NAMESPACE, RELATIONS, SUBPROPERTY_OF, SYMMETRIC

__all__ = [
    "BASE",
    "PREFIXES",
    "SPARQL_PREFIXES",
    "sparql_terms",
    "CLASSES",
    "AGENT_CLASSES",
    "RELATIONS",
    "SYMMETRIC",
    "SUBPROPERTY_OF",
    "INVERSE",
    "MODALITIES",
    "TRADE_NS",
    "ONTOLOGY_GRAPH",
    "ENTITIES_GRAPH",
    "NAMES_GRAPH",
    "ORIGINS_GRAPH",
    "INTERNAL",
    "INTERNAL_GRAPHS",
]

BASE = "https://w3id.org/kg-trade/"
TRADE_NS = NAMESPACE

PREFIXES = {
    "trade": NAMESPACE,
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

# Every SPARQL string of the code starts with this header.
SPARQL_PREFIXES = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())

ONTOLOGY_GRAPH = PREFIXES["g"] + "ontology"
ENTITIES_GRAPH = PREFIXES["g"] + "entities"
# kg's own bookkeeping, never exported: the name index (kg.names), the files articles came from (kg.identity)
NAMES_GRAPH = PREFIXES["g"] + "kg-names"
ORIGINS_GRAPH = PREFIXES["g"] + "kg-origins"
INTERNAL = BASE + "internal#"
INTERNAL_GRAPHS = (NAMES_GRAPH, ORIGINS_GRAPH)


def sparql_terms(names) -> str:
    """Ontology terms as a SPARQL list, for ``IN (...)`` and ``VALUES``.

    >>> sparql_terms(["Country", "Region"])
    'trade:Country, trade:Region'
    """
    return ", ".join(f"trade:{name}" for name in names)
