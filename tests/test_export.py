"""Exports: Turtle is the union, sorted and stable; two parsers agree; TriG and N-Quads keep graphs."""

import io

import networkx as nx
import pyoxigraph as ox
import rdflib
from rdflib.namespace import RDF

from kg.exports import export
from kg.namespaces import PREFIXES


def test_turtle_parses_the_same_with_rdflib_and_oxigraph(seed_build):
    data = (seed_build.out / "graph.ttl").read_bytes()
    with_rdflib = rdflib.Graph().parse(data=data, format="turtle")
    with_oxigraph = set(ox.parse(data, format=ox.RdfFormat.TURTLE))
    assert len(with_rdflib) == len(with_oxigraph) == seed_build.store.count() > 100


def test_exports_are_byte_stable(seed_build):
    for fmt in ("turtle", "trig", "nquads", "jsonld", "csv", "graphml", "gexf"):
        assert export(seed_build.store, fmt) == export(seed_build.store, fmt), fmt
    assert export(seed_build.store, "turtle") == (seed_build.out / "graph.ttl").read_bytes()


def _expand(name: str) -> str:
    """A subject as Turtle writes it (``ent:maz``, ``<...>``, ``_:c14n0``) as the export sorts it (``<iri>``)."""
    prefix, sep, local = name.partition(":")
    if name.startswith(("<", "_:")) or not sep:
        return name
    return f"<{PREFIXES[prefix]}{local}>"


def test_turtle_is_sorted_by_subject(seed_build):
    text = export(seed_build.store, "turtle").decode()
    subjects = [
        _expand(line.split()[0])
        for line in text.splitlines()
        if line and not line[0].isspace() and not line.startswith("@prefix")
    ]
    assert len(subjects) > 50
    assert subjects == sorted(set(subjects))  # sorted, and each subject's triples in one block


def test_trig_and_nquads_keep_named_graphs(seed_build):
    nquads = export(seed_build.store, "nquads")
    quads = list(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
    graphs = {q.graph_name.value for q in quads}
    assert {
        "https://w3id.org/kg-trade/graph/ontology",
        "https://w3id.org/kg-trade/graph/entities",
        "https://w3id.org/kg-trade/graph/article/000_96bef5b325124bb3",
    } == graphs
    trig = list(ox.parse(export(seed_build.store, "trig"), format=ox.RdfFormat.TRIG))
    assert sorted(map(str, trig)) == sorted(map(str, quads))
    keys = [
        (str(q.graph_name), str(q.subject), q.predicate.value != str(RDF.type), q.predicate.value, str(q.object))
        for q in quads
    ]
    assert len(keys) == len(nquads.decode().splitlines()) and keys == sorted(keys)  # by graph, then as Turtle


def test_unknown_format_is_refused(seed_build):
    import pytest

    with pytest.raises(ValueError, match="unknown export format 'xml'"):
        export(seed_build.store, "xml")
