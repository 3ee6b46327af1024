"""Exports: Turtle (the union of all graphs), TriG and N-Quads (graphs kept apart), JSON-LD,
GraphML and GEXF (the entity network), and a CSV table of claims.

Every export is sorted, so two exports of the same store are byte-identical
and a diff of two exports shows what changed in the world, not in the
serializer. Turtle, TriG and N-Quads go straight from Oxigraph's quads to its
serializers (rdflib's Turtle writer is some 50 times slower at a million
triples).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyoxigraph as ox

from .vocab import PREFIXES

__all__ = ["export", "FORMATS"]

FORMATS = ("turtle", "trig", "nquads", "jsonld", "graphml", "gexf", "csv")
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _triple_key(triple):
    predicate = triple.predicate.value
    return (str(triple.subject), predicate != _RDF_TYPE, predicate, str(triple.object))


def export(store, fmt: str = "turtle", path: str | Path | None = None) -> bytes | None:
    """Serialize the store; write to ``path`` (returns None) or return the bytes.

    Raises ValueError for an unknown format.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (expected one of {', '.join(FORMATS)})")
    if fmt in ("graphml", "gexf"):
        data = _network(store, fmt)
    elif fmt == "csv":
        data = _claims_csv(store)
    else:
        data = _rdf(store, fmt)
    if path is None:
        return data
    from .outputs import write_atomic

    write_atomic(path, data)  # never a half-written export, never two builds' halves
    return None


def _rdf(store, fmt: str) -> bytes:
    quads = list(store.quads())
    if any(isinstance(term, ox.BlankNode) for q in quads for term in (q.subject, q.object)):
        # blank node labels are whatever the last parse or update chose: relabel them canonically
        dataset = ox.Dataset(quads)
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        quads = list(dataset)
    if fmt in ("turtle", "jsonld"):
        triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=_triple_key)
        format_ = ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.JSON_LD
        if fmt == "jsonld":
            return ox.serialize(triples, format=format_)
        return ox.serialize(triples, format=format_, prefixes=PREFIXES)
    quads.sort(key=lambda q: (str(q.graph_name), *_triple_key(q.triple)))
    if fmt == "trig":
        return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS)


def _network(store, fmt: str) -> bytes:
    import networkx as nx

    from .network import entity_graph

    graph = entity_graph(store)
    flat = nx.MultiDiGraph()
    for node, data in sorted(graph.nodes(data=True)):
        flat.add_node(node, label=data["label"], cls=data["cls"])
    for s, o, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        flat.add_edge(s, o, key=key, predicate=data["predicate"], claims=len(data["claims"]),
                      articles=" ".join(sorted({c["article"] for c in data["claims"]})))
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(flat, buffer)
    else:
        nx.write_gexf(flat, buffer)
    return buffer.getvalue()


def _claims_csv(store) -> bytes:
    from .query import run_named

    results = run_named(store, "all-claims")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(results.variables)
    for row in results.rows:
        writer.writerow(["" if term is None else term.value for term in row])
    return buffer.getvalue().encode("utf-8")
