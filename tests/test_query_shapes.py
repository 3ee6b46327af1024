"""The named queries' shapes: fast where Oxigraph is fast, with the same rows as before.

``tests/data/queries-before/`` keeps the named queries as they were before two
rewrites: the label patterns moved before the ``OPTIONAL`` (``all-claims``,
``claims-about``), and the plain triple tested with ``FILTER EXISTS`` instead
of joined (it comes back once per article graph holding it, so k articles
stating one relation gave k x k solutions). Every named query must give the
rows the old text gives, on the seed and on generated stores, and its WHERE
clause must not multiply solutions by the number of graphs.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.namespaces import ENTITIES_GRAPH, PREFIXES
from kg.query import named_queries
from kg.store import EmbeddedStore
from kg.synthetic import generate, to_oxigraph

BEFORE = Path(__file__).resolve().parent / "data" / "queries-before"
RDF, RDFS, TRADE, PROV, DCT = (PREFIXES[p] for p in ("rdf", "rdfs", "trade", "prov", "dcterms"))
ARTICLES = 40  # articles stating the same relations: the old shapes gave 40 x 40 solutions


def _params(query, entity, other):
    return {p.name: (other if p.name == "b" else entity) for p in query.params}


def _rows(store, text, bindings):
    """The rows as text; a GROUP_CONCAT of sources as a sorted list (SPARQL leaves its order to the engine)."""
    results = store.query(text, bindings)
    return [
        tuple(
            " ".join(sorted(term.value.split())) if var == "sources" else "" if term is None else str(term)
            for var, term in zip(results.variables, row)
        )
        for row in results.rows
    ]


def _where_solutions(store, text, bindings) -> int:
    """How many solutions the query's WHERE clause has (before grouping): its text counted."""
    head = re.search(r"\bSELECT\b.*?\bWHERE\s*\{", text, re.S)
    body = text[head.end() : text.rindex("}")]
    return int(
        store.query(f"{text[: head.start()]}SELECT (COUNT(*) AS ?n) WHERE {{{body}}}", bindings).rows[0][0].value
    )


def _repeated_relations() -> list:
    """A MAZ that supplies, makes components for, cooperates and agrees with a KAMAZ, and left a market,
    each stated by the same ARTICLES articles (one claim each), with the plain triples in every graph."""
    node, lit = ox.NamedNode, ox.Literal
    maz, kamaz, market = (node(PREFIXES["ent"] + n) for n in ("maz", "kamaz", "russia"))
    ents = node(ENTITIES_GRAPH)
    quads = []
    for entity, label, cls in ((maz, "MAZ", "Company"), (kamaz, "KAMAZ", "Company"), (market, "Russia", "Country")):
        quads += [
            ox.Quad(entity, node(RDF + "type"), node(TRADE + cls), ents),
            ox.Quad(entity, node(RDFS + "label"), lit(label), ents),
        ]
    relations = (
        ("supplies", kamaz),
        ("producesComponentsFor", kamaz),
        ("cooperatesWith", kamaz),
        ("signedAgreementWith", kamaz),
        ("exitedMarket", market),
    )
    for number in range(ARTICLES):
        article = node(f"{PREFIXES['art']}a{number}")
        graph = node(f"{PREFIXES['g']}article/a{number}")
        quads += [
            ox.Quad(article, node(RDF + "type"), node(TRADE + "Article"), graph),
            ox.Quad(article, node(DCT + "identifier"), lit(f"a{number}"), graph),
        ]
        for predicate, obj in relations:
            claim = node(f"{PREFIXES['claim']}a{number}-{predicate}")
            for p, o in (
                (RDF + "type", node(TRADE + "Claim")),
                (RDF + "subject", maz),
                (RDF + "predicate", node(TRADE + predicate)),
                (RDF + "object", obj),
                (TRADE + "modality", node(TRADE + "asserted")),
                (PROV + "wasDerivedFrom", article),
                (TRADE + "sentence", lit(f"MAZ {predicate} it ({number}).")),
                (TRADE + "confidence", lit("0.9", datatype=node(PREFIXES["xsd"] + "decimal"))),
                (TRADE + "extractor", lit("R1")),
            ):
                quads.append(ox.Quad(claim, node(p), o, graph))
            quads.append(ox.Quad(maz, node(TRADE + predicate), obj, graph))
            if predicate == "producesComponentsFor":
                quads.append(ox.Quad(maz, node(TRADE + "supplies"), obj, graph))
            if predicate in ("cooperatesWith", "signedAgreementWith"):
                quads.append(ox.Quad(obj, node(TRADE + predicate), maz, graph))
    return quads


@pytest.fixture(scope="module")
def repeated(tmp_path_factory):
    store = EmbeddedStore(tmp_path_factory.mktemp("repeated"))
    store.oxigraph.bulk_extend(_repeated_relations())
    return store


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """A generated store of about 2,000 entities and 120,000 quads."""
    store = EmbeddedStore(tmp_path_factory.mktemp("generated"))
    store.oxigraph.bulk_extend(to_oxigraph(generate(120_000, seed=11)))
    return store


@pytest.fixture(scope="module")
def smaller(tmp_path_factory):
    """A generated store of about 500 entities and 30,000 quads (the old shapes take long on bigger ones)."""
    store = EmbeddedStore(tmp_path_factory.mktemp("smaller"))
    store.oxigraph.bulk_extend(to_oxigraph(generate(30_000, seed=11)))
    return store


def _hubs(store) -> tuple[ox.NamedNode, ox.NamedNode]:
    """The two entities most claims are about."""
    rows = store.query(
        f"SELECT ?e (COUNT(*) AS ?n) WHERE {{ ?c <{RDF}object> ?e }} GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT 2"
    ).rows
    return rows[0][0], rows[1][0]


def test_every_named_query_has_its_reference():
    assert sorted(p.stem for p in BEFORE.glob("*.rq")) == sorted(named_queries())


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_same_rows_as_before_on_the_seed(seed_build, name):
    query = named_queries()[name]
    store = seed_build.store
    for entity, other in (("kamaz", "maz"), ("maz", "kamaz"), ("belarus", "mc-21")):
        bindings = {k: ox.NamedNode(PREFIXES["ent"] + v) for k, v in _params(query, entity, other).items()}
        assert _rows(store, query.sparql, bindings) == _rows(store, (BEFORE / f"{name}.rq").read_text(), bindings)


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_same_rows_as_before_where_many_articles_state_one_relation(repeated, name):
    query = named_queries()[name]
    found = 0
    for entity, other in (("maz", "kamaz"), ("kamaz", "maz")):
        bindings = {k: ox.NamedNode(PREFIXES["ent"] + v) for k, v in _params(query, entity, other).items()}
        new = _rows(repeated, query.sparql, bindings)
        assert new == _rows(repeated, (BEFORE / f"{name}.rq").read_text(), bindings)
        found += len(new)
    assert found or name in ("denied-or-ended", "planned")  # every relation here is asserted


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_no_solution_per_article_graph(repeated, name):
    """ARTICLES articles state each relation once: a WHERE clause has a few solutions per claim, never
    one per claim and graph (the k x k of a joined plain triple)."""
    query = named_queries()[name]
    claims = ARTICLES * 5
    for entity, other in (("maz", "kamaz"), ("kamaz", "maz")):
        bindings = {k: ox.NamedNode(PREFIXES["ent"] + v) for k, v in _params(query, entity, other).items()}
        assert _where_solutions(repeated, query.sparql, bindings) <= 2 * claims + 3, name


def test_the_old_shapes_did_multiply(repeated):
    """The check above can fail: the old suppliers query had ARTICLES x ARTICLES solutions per relation."""
    bindings = {"entity": ox.NamedNode(PREFIXES["ent"] + "kamaz")}
    assert _where_solutions(repeated, (BEFORE / "suppliers.rq").read_text(), bindings) >= ARTICLES * ARTICLES


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_same_rows_as_before_on_a_generated_store(smaller, name):
    query = named_queries()[name]
    if name in ("all-claims", "claims-about", "between"):
        pytest.skip("the old label shape takes long here; its rows are compared on the stores above")
    hub, second = _hubs(smaller)
    bindings = {k: v for k, v in zip([p.name for p in query.params], (hub, second))}
    assert _rows(smaller, query.sparql, bindings) == _rows(smaller, (BEFORE / f"{name}.rq").read_text(), bindings)


def test_all_claims_scales_with_the_claims(generated):
    """all-claims is the claims with their labels: at 2,000 entities it takes a few times the bare claim
    pattern, not the entities squared (the old shape: over 100 times)."""
    bare = """PREFIX trade: <https://w3id.org/kg-trade/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?claim ?s ?o ?date WHERE {
  ?claim a trade:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; trade:modality ?m ;
         trade:sentence ?sentence ; trade:confidence ?confidence ; trade:extractor ?rule ; prov:wasDerivedFrom ?a .
  ?a dcterms:identifier ?article .
  OPTIONAL { ?a dcterms:date ?date }
} ORDER BY ?article ?claim"""
    claims = int(generated.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ ?c a <{TRADE}Claim> }}").rows[0][0].value)
    times = {}
    for label, text in (("bare", bare), ("all-claims", named_queries()["all-claims"].sparql)):
        best = float("inf")
        for _ in range(2):
            start = time.perf_counter()
            rows = generated.query(text).rows
            best = min(best, time.perf_counter() - start)
        assert len(rows) == claims
        times[label] = best
    assert times["all-claims"] < 10 * times["bare"] + 0.05, times


LOOKUP = Path(__file__).resolve().parent.parent / "bench" / "queries-lookup"


@pytest.mark.parametrize("name", sorted(p.stem for p in LOOKUP.glob("*.rq")))
def test_the_shape_rdflib_is_given_has_the_same_rows(repeated, smaller, name):
    """bench/queries.py gives rdflib these texts in place of kg's sub-selects: the same rows, in order."""
    query = named_queries()[name]
    for store, (entity, other) in (
        (repeated, (ox.NamedNode(PREFIXES["ent"] + "kamaz"), ox.NamedNode(PREFIXES["ent"] + "maz"))),
        (repeated, (ox.NamedNode(PREFIXES["ent"] + "maz"), ox.NamedNode(PREFIXES["ent"] + "kamaz"))),
        (smaller, _hubs(smaller)),
    ):
        bindings = _params(query, entity, other)
        assert _rows(store, query.sparql, bindings) == _rows(store, (LOOKUP / f"{name}.rq").read_text(), bindings)
