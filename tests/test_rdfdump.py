"""The byte-level Turtle/TriG/N-Quads export gives what the term-by-term export gave, byte for byte."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.exports import export
from kg.namespaces import ONTOLOGY_GRAPH, PREFIXES
from kg.rdf import ontology_graph
from kg.store import EmbeddedStore, to_ox_quads
from kg.synthetic import generate, to_oxigraph

_TYPE = PREFIXES["rdf"] + "type"


def _key(triple):
    return (str(triple.subject), triple.predicate.value != _TYPE, triple.predicate.value, str(triple.object))


def term_by_term(store, fmt: str) -> bytes:
    """The export as kg wrote it before (sort keys per term in Python, the whole store canonicalised)."""
    quads = [q for q in store.quads() if "graph/kg-" not in str(q.graph_name)]  # kg's own graphs
    if any(isinstance(term, ox.BlankNode) for q in quads for term in (q.subject, q.object)):
        dataset = ox.Dataset(quads)
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        quads = list(dataset)
    if fmt == "turtle":
        triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=_key)
        return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    quads.sort(key=lambda q: (str(q.graph_name), *_key(q.triple)))
    if fmt == "trig":
        return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """A generated store with the ontology graph (blank nodes) and the same triples in several graphs."""
    store = EmbeddedStore(tmp_path_factory.mktemp("dump"))
    quads = to_oxigraph(generate(15_000, seed=3))
    store.oxigraph.bulk_extend(quads)
    store.oxigraph.extend(to_ox_quads(ontology_graph()))
    copy = ox.NamedNode(PREFIXES["g"] + "article/copy")
    store.oxigraph.extend(ox.Quad(q.subject, q.predicate, q.object, copy) for q in quads[-500:])
    assert any(
        isinstance(q.subject, ox.BlankNode)
        for q in store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(ONTOLOGY_GRAPH))
    )
    return store


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads"])
def test_same_bytes_as_term_by_term_on_the_seed(seed_build, fmt):
    assert export(seed_build.store, fmt) == term_by_term(seed_build.store, fmt)


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads"])
def test_same_bytes_as_term_by_term_on_a_generated_store(generated, fmt, tmp_path):
    expected = term_by_term(generated, fmt)
    assert export(generated, fmt) == expected
    export(generated, fmt, tmp_path / "out")
    assert (tmp_path / "out").read_bytes() == expected


@pytest.mark.parametrize("marker", [False, True])
@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads"])
def test_the_type_iri_elsewhere_than_as_predicate(tmp_path, fmt, marker):
    """rdf:type as an object, as a graph name and inside literals stays where it is (only the predicate
    sorts first); a literal holding the sort's own marker (U+0001 in angle brackets) keeps it."""
    node, lit = ox.NamedNode, ox.Literal
    type_, graph = node(_TYPE), node(PREFIXES["g"] + "article/t")
    quads = [
        ox.Quad(node("urn:a"), type_, node("urn:C"), graph),
        ox.Quad(node("urn:a"), node("urn:p"), type_, graph),
        ox.Quad(node("urn:a"), node("urn:b"), lit(f"x <{_TYPE}> y"), graph),
        ox.Quad(node("urn:a"), node("urn:0"), lit(f"<{_TYPE}> "), graph),
        ox.Quad(node("urn:a"), node("urn:z"), node("urn:o"), type_),
        ox.Quad(node("urn:a"), type_, node("urn:B"), type_),
        ox.Quad(ox.BlankNode("b"), type_, node("urn:C"), graph),
    ]
    if marker:
        quads.append(ox.Quad(node("urn:a"), node("urn:q"), lit("<\x01> <\x01>"), graph))
    store = EmbeddedStore(tmp_path / "store")
    store.oxigraph.extend(quads)
    assert export(store, fmt) == term_by_term(store, fmt)
