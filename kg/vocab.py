"""The project's namespaces and the terms of ``ontology/trade.ttl``, as rdflib terms.

The vocabulary itself (classes, relations, domains and ranges, symmetric,
inverse and sub-properties, modalities) is generated from the ontology into
:mod:`kg.terms` (``make vocab``) and re-exported here; the namespaces and the
SPARQL PREFIX header are :mod:`kg.namespaces`. ``TRADE`` rejects misspelt
terms (``TRADE.suplies`` raises), like rdflib's own vocabularies;
``tests/test_vocab.py`` checks that code and ontology agree.

    >>> str(TRADE.supplies)
    'https://w3id.org/kg-trade/ontology#supplies'
    >>> "producesComponentsFor" in RELATIONS and SUBPROPERTY_OF["producesComponentsFor"]
    'supplies'
"""

from __future__ import annotations

from typing import Any

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

from . import namespaces
from .namespaces import PREFIXES, SPARQL_PREFIXES
from .terms import (
    AGENT_CLASSES,
    ASYMMETRIC,
    CLASSES,
    DOMAIN,
    INVERSE,
    MODALITIES,
    NAMESPACE,
    RANGE,
    RELATIONS,
    SUBPROPERTY_OF,
    SYMMETRIC,
    TERMS,
)

__all__ = [
    "TRADE",
    "ENT",
    "ART",
    "CLAIM",
    "GRAPH",
    "WD",
    "PREFIXES",
    "SPARQL_PREFIXES",
    "CLASSES",
    "AGENT_CLASSES",
    "RELATIONS",
    "DOMAIN",
    "RANGE",
    "SYMMETRIC",
    "ASYMMETRIC",
    "SUBPROPERTY_OF",
    "INVERSE",
    "MODALITIES",
    "ONTOLOGY_GRAPH",
    "ENTITIES_GRAPH",
    "article_graph",
]

# The trade-cooperation ontology: one attribute per term of ontology/trade.ttl, misspelt ones refused.
TRADE: Any = type(
    "TRADE",
    (DefinedNamespace,),
    {
        "__doc__": "The trade-cooperation ontology (``ontology/trade.ttl``).",
        "_NS": Namespace(NAMESPACE),
        "_fail": True,
        "__annotations__": {term: URIRef for term in TERMS},
    },
)

ENT = Namespace(PREFIXES["ent"])
ART = Namespace(PREFIXES["art"])
CLAIM = Namespace(PREFIXES["claim"])
GRAPH = Namespace(PREFIXES["g"])
WD = Namespace(PREFIXES["wd"])

ONTOLOGY_GRAPH = URIRef(namespaces.ONTOLOGY_GRAPH)
ENTITIES_GRAPH = URIRef(namespaces.ENTITIES_GRAPH)


def article_graph(article_iri: str) -> URIRef:
    """The named graph holding one article's description and claims."""
    return GRAPH["article/" + article_iri.rsplit("/", 1)[-1]]
