"""The code's vocabulary and ontology/trade.ttl agree; the ontology says what the contract requires."""

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from kg.extract.rules import DOMAIN, RANGE
from kg.paths import ontology_dir
from kg.vocab import CLASSES, INVERSE, RELATIONS, SUBPROPERTY_OF, SYMMETRIC, TRADE


@pytest.fixture(scope="module")
def ontology():
    return rdflib.Graph().parse(ontology_dir() / "trade.ttl")


def _local(term):
    return str(term).rsplit("#", 1)[-1]


def _terms(ontology):
    ns = str(TRADE._NS)
    return {_local(s) for s in ontology.subjects() if str(s).startswith(ns)}


def test_namespace_matches_ontology(ontology):
    declared = {name for name in TRADE.__annotations__}
    assert declared == _terms(ontology)


def test_misspelt_terms_are_rejected():
    with pytest.raises(AttributeError):
        TRADE.suplies  # noqa: B018


def test_classes_and_relations(ontology):
    classes = {_local(c) for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(str(TRADE._NS))}
    assert set(CLASSES) <= classes
    properties = {_local(p) for p in ontology.subjects(RDF.type, OWL.ObjectProperty)}
    assert set(RELATIONS) <= properties
    for name in RELATIONS:
        node = TRADE[name]
        assert ontology.value(node, RDFS.label) and ontology.value(node, RDFS.comment), name
        assert ontology.value(node, RDFS.domain) is not None and ontology.value(node, RDFS.range) is not None, name


def test_symmetric_subproperty_inverse(ontology):
    symmetric = {_local(p) for p in ontology.subjects(RDF.type, OWL.SymmetricProperty)}
    assert symmetric == SYMMETRIC
    assert (TRADE.producesComponentsFor, RDFS.subPropertyOf, TRADE.supplies) in ontology
    assert {_local(s): _local(o) for s, o in ontology.subject_objects(RDFS.subPropertyOf)} == SUBPROPERTY_OF
    assert {_local(s): _local(o) for s, o in ontology.subject_objects(OWL.inverseOf)} == INVERSE


def _classes_of(ontology, node):
    """A class or the members of an owl:unionOf, with Agent expanded."""
    union = ontology.value(node, OWL.unionOf)
    if union is not None:
        members = {_local(m) for m in rdflib.collection.Collection(ontology, union)}
    else:
        members = {_local(node)}
    if "Agent" in members:
        members = (members - {"Agent"}) | {"Country", "Region", "Company", "Organization", "Person"}
    return members


def test_rule_defaults_follow_domain_and_range(ontology):
    for name in RELATIONS:
        assert DOMAIN[name] == _classes_of(ontology, ontology.value(TRADE[name], RDFS.domain)), name
        assert RANGE[name] == _classes_of(ontology, ontology.value(TRADE[name], RDFS.range)), name
