"""The code's vocabulary and ontology/trade.ttl agree; the ontology says what the contract requires.

kg/terms.py is generated from the ontology (``make vocab``); these tests read the ontology with rdflib,
independently of the generator, and compare.
"""

import subprocess
import sys

import pytest
import rdflib
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH

from kg.errors import SetupError
from kg.extract import rules
from kg.paths import ontology_dir
from kg.termgen import terms_source
from kg.vocab import (
    AGENT_CLASSES,
    CLASSES,
    DOMAIN,
    INVERSE,
    MODALITIES,
    RANGE,
    RELATIONS,
    SUBPROPERTY_OF,
    SYMMETRIC,
    TRADE,
)

from .conftest import ROOT

_DESCRIPTIONS = {"Agent", "Article", "Claim", "Modality"}  # classes of the ontology that no entity has


@pytest.fixture(scope="module")
def ontology():
    return rdflib.Graph().parse(ontology_dir() / "trade.ttl")


def _local(term):
    return str(term).rsplit("#", 1)[-1]


def _terms(ontology):
    ns = str(TRADE._NS)
    return {_local(s) for s in ontology.subjects() if str(s).startswith(ns)}


def test_the_generated_terms_are_the_ontology_s():
    generated = (ROOT / "kg" / "terms.py").read_text(encoding="utf-8")
    assert generated == terms_source(ontology_dir() / "trade.ttl"), "kg/terms.py is stale: run make vocab"


def test_namespace_matches_ontology(ontology):
    declared = {name for name in TRADE.__annotations__}
    assert declared == _terms(ontology)


def test_misspelt_terms_are_rejected():
    with pytest.raises(AttributeError):
        TRADE.suplies  # noqa: B018


def test_classes_and_relations(ontology):
    classes = {_local(c) for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(str(TRADE._NS))}
    assert set(CLASSES) == classes - _DESCRIPTIONS
    assert set(AGENT_CLASSES) == {_local(c) for c in ontology.subjects(RDFS.subClassOf, TRADE.Agent)}
    properties = {_local(p) for p in ontology.subjects(RDF.type, OWL.ObjectProperty)}
    about_claims = {_local(p) for p in ontology.subjects(RDFS.domain, TRADE.Claim)} & properties
    assert set(RELATIONS) == properties - about_claims
    assert about_claims == {"modality", "speaker"}
    for name in RELATIONS:
        node = TRADE[name]
        assert ontology.value(node, RDFS.label) and ontology.value(node, RDFS.comment), name
        assert ontology.value(node, RDFS.domain) is not None and ontology.value(node, RDFS.range) is not None, name


def test_modalities(ontology):
    members = Collection(ontology, ontology.value(TRADE.Modality, OWL.oneOf))
    assert tuple(_local(m) for m in members) == MODALITIES == ("asserted", "negated", "planned", "past")


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
        members = {_local(m) for m in Collection(ontology, union)}
    else:
        members = {_local(node)}
    if "Agent" in members:
        members = (members - {"Agent"}) | {"Country", "Region", "Company", "Organization", "Person"}
    return members


def test_rule_defaults_follow_domain_and_range(ontology):
    assert rules.DOMAIN is DOMAIN and rules.RANGE is RANGE
    assert list(DOMAIN) == list(RANGE) == list(RELATIONS)
    for name in RELATIONS:
        assert DOMAIN[name] == _classes_of(ontology, ontology.value(TRADE[name], RDFS.domain)), name
        assert RANGE[name] == _classes_of(ontology, ontology.value(TRADE[name], RDFS.range)), name


def test_a_relation_without_a_domain_is_named(tmp_path):
    text = (ontology_dir() / "trade.ttl").read_text(encoding="utf-8")
    broken = text.replace(
        """    rdfs:comment "Are competitors." ;
    rdfs:domain trade:Agent ; rdfs:range trade:Agent .""",
        """    rdfs:comment "Are competitors." ;
    rdfs:range trade:Agent .""",
    )
    assert broken != text
    (tmp_path / "trade.ttl").write_text(broken, encoding="utf-8")
    with pytest.raises(SetupError, match=r"the relation 'competesWith' needs exactly one rdfs:domain \[E704\]"):
        terms_source(tmp_path / "trade.ttl")


def test_shapes_list_the_vocabulary():
    shapes = rdflib.Graph().parse(ontology_dir() / "shapes.ttl")
    shape = rdflib.Namespace("https://w3id.org/kg-trade/shapes#")
    assert {_local(c) for c in shapes.objects(shape.Entity, SH.targetClass)} == set(CLASSES)
    lists = {}
    for prop in shapes.objects(None, SH.property):
        path, allowed = shapes.value(prop, SH.path), shapes.value(prop, SH["in"])
        qualified = shapes.value(prop, SH.qualifiedValueShape)
        if qualified is not None:
            allowed = shapes.value(qualified, SH["in"])
        if allowed is not None:
            lists[_local(path)] = tuple(_local(m) for m in Collection(shapes, allowed))
    assert lists == {"type": CLASSES, "predicate": RELATIONS, "modality": MODALITIES}


def test_viz_colours_every_class():
    from kg.viz import CLASS_COLORS

    assert list(CLASS_COLORS) == [*CLASSES, "Entity"]


def test_commands_that_need_no_rdflib_do_not_import_it():
    code = (
        "import sys, kg.cli, kg.counts, kg.exports, kg.store, kg.records, kg.terms, kg.namespaces; "
        "kg.cli.build_parser(); print('rdflib' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "False", done.stderr
