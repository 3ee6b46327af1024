"""SHACL: the project's output conforms to ontology/shapes.ttl, and the shapes catch what they should."""

import pyshacl
import rdflib
from rdflib.namespace import RDFS

from kg.paths import ontology_dir
from kg.iri import entity_iri
from kg.vocab import TRADE


def _union(path) -> rdflib.Graph:
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(path, format="turtle")
    graph = rdflib.Graph()
    for triple in dataset.triples((None, None, None)):
        graph.add(triple)
    return graph


def _validate(graph):
    shapes = rdflib.Graph().parse(ontology_dir() / "shapes.ttl")
    conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes, inference="none")
    return conforms, text


def test_seed_graph_conforms(seed_build):
    conforms, text = _validate(_union(seed_build.out / "graph.ttl"))
    assert conforms, text


def test_shapes_catch_violations(seed_build):
    graph = _union(seed_build.out / "graph.ttl")
    claim = next(graph.subjects(rdflib.RDF.type, TRADE.Claim))
    graph.remove((claim, TRADE.modality, None))
    graph.add((entity_iri("maz"), RDFS.label, rdflib.Literal("a second label")))
    conforms, text = _validate(graph)
    assert not conforms
    assert "modality" in text and "label" in text
