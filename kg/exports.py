"""Exports: Turtle (the union of all graphs), TriG and N-Quads (graphs kept apart), JSON-LD,
GraphML and GEXF (the entity network), and a CSV table of claims.

Every export is sorted, so two exports of the same store are byte-identical
and a diff of two exports shows what changed in the world, not in the
serializer. Turtle, TriG and N-Quads are sorted on Oxigraph's own N-Triples
bytes and streamed to its serializers (:mod:`kg.rdfdump`; rdflib's Turtle
writer is some 50 times slower at a million triples).
"""

from __future__ import annotations

from pathlib import Path
from typing import overload

import pyoxigraph as ox

from .errors import Errors
from .namespaces import INTERNAL_GRAPHS, PREFIXES

__all__ = ["export", "FORMATS"]

FORMATS = ("turtle", "trig", "nquads", "jsonld", "graphml", "gexf", "csv")
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _triple_key(triple):
    predicate = triple.predicate.value
    return (str(triple.subject), predicate != _RDF_TYPE, predicate, str(triple.object))


@overload
def export(store, fmt: str = ..., path: None = ..., progress=...) -> bytes: ...


@overload
def export(store, fmt: str, path: str | Path, progress=...) -> None: ...


def export(store, fmt: str = "turtle", path: str | Path | None = None, progress=None) -> bytes | None:
    """Serialize the store, sorted, so that the same store always gives the same bytes.

    Parameters
    ----------
    store : EmbeddedStore or RemoteStore
        The store to export.
    fmt : {"turtle", "trig", "nquads", "jsonld", "graphml", "gexf", "csv"}, default "turtle"
        Turtle and JSON-LD hold the union of all graphs, TriG and N-Quads keep
        the named graphs apart, GraphML and GEXF hold the entity network, CSV
        the claims.
    path : str or Path, optional
        Write here (atomically, through a unique temporary file renamed over it: never a half-written
        file) instead of returning the bytes.
    progress : callable, optional
        ``progress(n)`` is told of every graph dumped (Turtle, TriG, N-Quads).

    Returns
    -------
    bytes or None
        The serialization, or None when it was written to ``path``.

    Raises
    ------
    ValueError
        For an unknown format.
    OutputError
        When ``path`` cannot be written.

    Examples
    --------
    >>> import tempfile
    >>> from kg.store import open_store
    >>> store = open_store(tempfile.mkdtemp())
    >>> store.update('INSERT DATA { GRAPH <urn:g> { <https://w3id.org/kg-trade/entity/maz> a <https://w3id.org/kg-trade/ontology#Company> } }')
    >>> print(export(store, "nquads").decode().strip())
    <https://w3id.org/kg-trade/entity/maz> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/kg-trade/ontology#Company> <urn:g> .
    >>> print(export(store, "turtle").decode().splitlines()[-1])
    ent:maz a trade:Company .
    >>> export(store, "xml")
    Traceback (most recent call last):
    ...
    ValueError: unknown export format 'xml' (expected one of turtle, trig, nquads, jsonld, graphml, gexf, csv) [E901]
    """
    if fmt not in FORMATS:
        raise ValueError(Errors.E901.format(fmt=fmt, formats=", ".join(FORMATS)))
    if fmt in ("turtle", "trig", "nquads"):
        return _sorted_rdf(store, fmt, path, progress)
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


def _sorted_rdf(store, fmt: str, path: str | Path | None, progress) -> bytes | None:
    """Turtle, TriG, N-Quads: sorted on bytes and streamed to the file (:mod:`kg.rdfdump`)."""
    from .rdfdump import write_sorted

    if path is None:
        return write_sorted(store, fmt, progress=progress)
    from .outputs import write_atomic

    write_atomic(path, lambda tmp: write_sorted(store, fmt, tmp, progress))  # streamed, never half-written
    return None


def _rdf(store, fmt: str) -> bytes:
    """The union of all graphs, term by term: JSON-LD (Turtle, TriG and N-Quads go through :func:`_sorted_rdf`)."""
    quads = [q for q in store.quads() if str(q.graph_name)[1:-1] not in INTERNAL_GRAPHS]  # kg's index: derived
    if any(isinstance(term, ox.BlankNode) for q in quads for term in (q.subject, q.object)):
        # blank node labels are whatever the last parse or update chose: relabel them canonically
        dataset = ox.Dataset(quads)
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        quads = list(dataset)
    items: list = quads
    if fmt in ("turtle", "jsonld"):
        items = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=_triple_key)
        if fmt == "jsonld":
            from .jsonld import compact_jsonld

            return compact_jsonld(items)  # compact, with the context of ontology/context.jsonld
    else:
        quads.sort(key=lambda q: (str(q.graph_name), *_triple_key(q.triple)))
    format_ = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}[fmt]
    data = ox.serialize(items, format=format_, prefixes=PREFIXES if fmt in ("turtle", "trig") else None)
    assert data is not None  # no output file given: the bytes
    return data


def _network(store, fmt: str) -> bytes:
    """The entity network, every modality (kg/netexport.py)."""
    from .claimset import read_claims
    from .netexport import gexf, graphml

    return (graphml if fmt == "graphml" else gexf)(read_claims(store))


def _claims_csv(store) -> bytes:
    """The named query ``all-claims`` through the one CSV writer (``kg query --name all-claims --format csv``)."""
    from .query import results_csv, run_named

    return results_csv(run_named(store, "all-claims")).encode("utf-8")
