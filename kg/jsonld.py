"""Compact JSON-LD: the published context of ``ontology/context.jsonld``, one node per subject.

The context names the project's prefixes and says which properties hold IRIs (``rdf:subject``,
the relations, ``prov:wasDerivedFrom``...) and which typed literals (``dcterms:date`` an
``xsd:date``, ``trade:confidence`` an ``xsd:decimal``), so that a claim reads as

    {"@id": "claim:...", "@type": ["rdf:Statement", "trade:Claim"], "rdf:subject": "ent:maz",
     "trade:confidence": "0.66", "trade:modality": "trade:asserted", ...}

The document is written directly from the sorted triples (nodes by subject, properties by
name, values sorted): byte-stable, and linear in the graph. A value that the context's
coercion does not fit is written in the explicit ``{"@value", "@type"}`` form, so nothing is
lost: expanding the document (pyld, rdflib) gives back exactly the store's triples.
"""

from __future__ import annotations

import json
from functools import cache

import pyoxigraph as ox

__all__ = ["context", "compact_jsonld"]

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_STRING = "http://www.w3.org/2001/XMLSchema#string"


@cache
def context() -> dict:
    """The published context (the value of ``@context`` in ``ontology/context.jsonld``)."""
    from .paths import ontology_dir

    return json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))["@context"]


@cache
def _tables() -> tuple[list[tuple[str, str]], dict[str, str]]:
    ctx = context()
    prefixes = sorted(((ns, p) for p, ns in ctx.items() if isinstance(ns, str)), key=lambda x: -len(x[0]))
    coerced = {}
    for term, definition in ctx.items():
        if isinstance(definition, dict) and "@type" in definition:
            coerced[_expand(term, ctx)] = _expand(definition["@type"], ctx)
    return prefixes, coerced


def _expand(name: str, ctx: dict) -> str:
    if name.startswith("@"):
        return name
    prefix, _, suffix = name.partition(":")
    namespace = ctx.get(prefix)
    return namespace + suffix if isinstance(namespace, str) and suffix else name


def _compact(iri: str) -> str:
    prefixes, _ = _tables()
    for namespace, prefix in prefixes:
        if iri.startswith(namespace) and len(iri) > len(namespace) and not iri[len(namespace) :].startswith("//"):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def _node_id(term) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else _compact(term.value)


def _value(predicate: str, term):
    _, coerced = _tables()
    wanted = coerced.get(predicate)
    if isinstance(term, (ox.NamedNode, ox.BlankNode)):
        return _node_id(term) if wanted == "@id" else {"@id": _node_id(term)}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    datatype = term.datatype.value
    if wanted is not None and wanted == datatype:
        return term.value
    if wanted is None and datatype == _STRING:
        return term.value
    return {"@value": term.value, "@type": _compact(datatype)}


def compact_jsonld(triples) -> bytes:
    """Triples (pyoxigraph, sorted by subject) as a compact JSON-LD document with the shipped context."""
    nodes: dict[str, dict] = {}
    for triple in triples:
        node = nodes.setdefault(_node_id(triple.subject), {})
        predicate = triple.predicate.value
        if predicate == _RDF_TYPE and isinstance(triple.object, ox.NamedNode):
            node.setdefault("@type", []).append(_compact(triple.object.value))
        else:
            node.setdefault(_compact(predicate), []).append(_value(predicate, triple.object))
    graph = []
    for node_id in sorted(nodes):
        properties = nodes[node_id]
        node = {"@id": node_id}
        for key in sorted(properties, key=lambda k: (k != "@type", k)):
            values = sorted(properties[key], key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
            node[key] = values[0] if len(values) == 1 else values
        graph.append(node)
    document = {"@context": context(), "@graph": graph}
    return (json.dumps(document, indent=1, ensure_ascii=False) + "\n").encode("utf-8")
