"""The project's namespaces and the one PREFIX header of its SPARQL, as plain strings (no rdflib needed).

>>> PREFIXES["trade"]
'https://w3id.org/kg-trade/ontology#'
>>> SPARQL_PREFIXES.splitlines()[0]
'PREFIX trade: <https://w3id.org/kg-trade/ontology#>'
"""

from __future__ import annotations

from .terms import NAMESPACE

__all__ = ["BASE", "PREFIXES", "SPARQL_PREFIXES", "sparql_terms"]

BASE = "https://w3id.org/kg-trade/"

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


def sparql_terms(names) -> str:
    """Ontology terms as a SPARQL list, for ``IN (...)`` and ``VALUES``.

    >>> sparql_terms(["Country", "Region"])
    'trade:Country, trade:Region'
    """
    return ", ".join(f"trade:{name}" for name in names)
