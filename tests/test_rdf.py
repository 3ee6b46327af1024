"""The RDF mapping: reified claims, plain triples for asserted claims only, closed under the ontology."""

import datetime as dt

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.iri import article_iri, entity_iri
from kg.rdf import article_graph, entity_graph, plain_triples
from kg.records import Article, Claim, Entity, Mention
from kg.vocab import TRADE

ARTICLE = Article(
    id="a1",
    title="MAZ and KAMAZ",
    date=dt.date(2024, 3, 1),
    text="MAZ makes parts for KAMAZ.",
    path="a1.txt",
    source="example.org",
)
MAZ = Mention(name="MAZ", cls="Company", start=0, end=3, key="maz", via="gazetteer")
KAMAZ = Mention(name="KAMAZ", cls="Company", start=20, end=25, key="kamaz", via="gazetteer")


def claim(predicate="producesComponentsFor", modality="asserted", subject=MAZ, obj=KAMAZ):
    return Claim(
        subject=subject,
        predicate=predicate,
        object=obj,
        modality=modality,
        article_id="a1",
        sentence="MAZ makes parts for KAMAZ.",
        sentence_start=15,
        sentence_end=41,
        rule_id="test/rule",
        confidence=0.8,
    )


def _plain(graph):
    return {
        (s, p, o)
        for s, p, o in graph
        if str(p).startswith(str(TRADE._NS))
        and isinstance(o, URIRef)
        and str(s).startswith("https://w3id.org/kg-trade/entity/")
    }


def test_claim_is_reified_with_provenance():
    graph = article_graph(ARTICLE, [claim()], "v1")
    (node,) = graph.subjects(RDF.type, TRADE.Claim)
    assert (node, RDF.type, RDF.Statement) in graph
    assert graph.value(node, RDF.subject) == entity_iri("maz")
    assert graph.value(node, RDF.predicate) == TRADE.producesComponentsFor
    assert graph.value(node, RDF.object) == entity_iri("kamaz")
    assert graph.value(node, TRADE.modality) == TRADE.asserted
    assert graph.value(node, PROV.wasDerivedFrom) == article_iri("a1")
    assert graph.value(node, TRADE.sentence) == Literal("MAZ makes parts for KAMAZ.")
    assert graph.value(node, TRADE.confidence) == Literal("0.80", datatype=XSD.decimal)
    assert graph.value(node, TRADE.extractor) == Literal("test/rule")
    assert graph.value(node, TRADE.sentenceStart).toPython() == 15
    assert graph.value(node, DCTERMS.date) == Literal("2024-03-01", datatype=XSD.date)
    article = article_iri("a1")
    assert graph.value(article, DCTERMS.identifier) == Literal("a1")
    assert graph.value(article, DCTERMS.publisher) == Literal("example.org")
    assert len(str(graph.value(article, TRADE.contentHash))) == 64


def test_asserted_claim_gives_closed_plain_triples():
    maz, kamaz = entity_iri("maz"), entity_iri("kamaz")
    graph = article_graph(ARTICLE, [claim()], "v1")
    assert _plain(graph) == {(maz, TRADE.producesComponentsFor, kamaz), (maz, TRADE.supplies, kamaz)}


@pytest.mark.parametrize("modality", ["negated", "planned", "past"])
def test_other_modalities_never_give_plain_triples(modality):
    graph = article_graph(ARTICLE, [claim("competesWith", modality)], "v1")
    assert _plain(graph) == set()
    (node,) = graph.subjects(RDF.type, TRADE.Claim)
    assert graph.value(node, TRADE.modality) == TRADE[modality]


def test_symmetric_and_inverse_closure():
    a, b = URIRef("urn:a"), URIRef("urn:b")
    assert plain_triples(a, "cooperatesWith", b) == {(a, TRADE.cooperatesWith, b), (b, TRADE.cooperatesWith, a)}
    assert plain_triples(a, "exportsTo", b) == {(a, TRADE.exportsTo, b), (b, TRADE.importsFrom, a)}
    assert plain_triples(a, "leads", b) == {(a, TRADE.leads, b)}


def test_same_input_same_graph_and_a_change_shows():
    first = article_graph(ARTICLE, [claim(), claim("competesWith", "past")], "v1")
    second = article_graph(ARTICLE, [claim("competesWith", "past"), claim()], "v1")
    assert isomorphic(first, second)
    changed = article_graph(ARTICLE, [claim(), claim("competesWith", "negated")], "v1")
    _, only_first, only_changed = graph_diff(first, changed)
    assert {o for _, _, o in only_first} >= {TRADE.past} and {o for _, _, o in only_changed} >= {TRADE.negated}


def test_entity_graph():
    graph = entity_graph(
        [
            Entity(key="maz", cls="Company", label="MAZ", alt_labels=("Minsk Automobile Plant",), wikidata=None),
            Entity(key="belarus", cls="Country", label="Belarus", wikidata="Q184"),
        ]
    )
    expected = Graph()
    maz, belarus = entity_iri("maz"), entity_iri("belarus")
    expected.add((maz, RDF.type, TRADE.Company))
    expected.add((maz, RDFS.label, Literal("MAZ")))
    expected.add((maz, SKOS.altLabel, Literal("Minsk Automobile Plant")))
    expected.add((belarus, RDF.type, TRADE.Country))
    expected.add((belarus, RDFS.label, Literal("Belarus")))
    expected.add(
        (belarus, URIRef("http://www.w3.org/2002/07/owl#sameAs"), URIRef("http://www.wikidata.org/entity/Q184"))
    )
    _, only_ours, only_expected = graph_diff(graph, expected)
    assert isomorphic(graph, expected), (sorted(only_ours), sorted(only_expected))
