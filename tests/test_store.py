"""The embedded Oxigraph store: atomic graph replacement, parameter binding, counting, rdflib view."""

import pyoxigraph as ox
import pytest

from kg.errors import Errors, QueryError, StoreError
from kg.store import EmbeddedStore, open_store


@pytest.fixture
def store(tmp_path):
    return EmbeddedStore(tmp_path / "store")


def _quad(s, p, o, g):
    return ox.Quad(ox.NamedNode(s), ox.NamedNode(p), ox.Literal(o), ox.NamedNode(g))


def test_replace_graph_replaces_only_that_graph(store):
    g1, g2 = "https://example.org/g1", "https://example.org/g2"
    store.replace_graphs({g1: [_quad("urn:a", "urn:p", "one", g1)], g2: [_quad("urn:b", "urn:p", "two", g2)]})
    store.replace_graphs({g1: [_quad("urn:a", "urn:p", "uno", g1)]})
    values = sorted(q.object.value for q in store.quads())
    assert values == ["two", "uno"]
    assert store.count() == 2


def test_failed_write_leaves_nothing_half_written(store):
    g = "https://example.org/g"
    store.replace_graphs({g: [_quad("urn:a", "urn:p", "kept", g)]})
    with pytest.raises(StoreError):
        store.update(f"DROP GRAPH <{g}> ; INSERT DATA {{ GRAPH <{g}> {{ <urn:x> <urn:p> BROKEN }} }}")
    assert [q.object.value for q in store.quads()] == ["kept"]


def test_parameters_are_bound_as_terms(store):
    g = "https://example.org/g"
    store.replace_graphs({g: [_quad("urn:a", "urn:label", 'he said "hi" } ; DROP ALL ; #', g)]})
    sparql = "SELECT ?s WHERE { ?s <urn:label> ?name }"
    found = store.query(sparql, {"name": 'he said "hi" } ; DROP ALL ; #'})
    assert [row[0].value for row in found.rows] == ["urn:a"]
    assert store.query(sparql, {"name": "nothing"}).rows == []
    assert store.count() == 1


def test_results_keep_the_query_s_column_order(store):
    g = "https://example.org/g"
    store.replace_graphs({g: [_quad("urn:a", "urn:p", "x", g)]})
    assert store.query("SELECT ?o ?p ?s WHERE { ?s ?p ?o }").variables == ["o", "p", "s"]
    star = store.query("SELECT * WHERE { ?s ?p ?o }")
    assert sorted(star.variables) == ["o", "p", "s"]  # some order the engine picks: read by name, not position
    assert star.dicts() == [{"s": ox.NamedNode("urn:a"), "p": ox.NamedNode("urn:p"), "o": ox.Literal("x")}]
    unbound = store.query('SELECT ?b ?a ?c WHERE { VALUES (?a ?b) { (1 UNDEF) (UNDEF "2") } }')
    assert unbound.variables == ["b", "a", "c"]
    assert [tuple(None if t is None else t.value for t in row) for row in unbound.rows] == [
        (None, "1", None),
        ("2", None, None),
    ]


def test_ask(store):
    g = "https://example.org/g"
    store.replace_graphs({g: [_quad("urn:a", "urn:p", "x", g)]})
    assert [row[0].value for row in store.query("ASK { ?s <urn:p> ?o }").rows] == ["true"]
    assert [row[0].value for row in store.query("ASK { ?s <urn:q> ?o }").rows] == ["false"]


def test_syntax_error_names_the_query(store):
    with pytest.raises(QueryError, match="my-query: SPARQL syntax error"):
        store.query("SELECT WHERE {", name="my-query")


def test_union_default_graph_and_rdflib_view(store):
    g = "https://example.org/g"
    store.replace_graphs({g: [_quad("urn:a", "urn:p", "x", g)]})
    assert len(store.query("SELECT * WHERE { ?s ?p ?o }").rows) == 1
    dataset = store.rdflib()
    assert len(list(dataset.quads((None, None, None, None)))) == 1


def test_store_persists_and_reopens(tmp_path):
    path = tmp_path / "persist"
    first = EmbeddedStore(path)
    g = "https://example.org/g"
    first.replace_graphs({g: [_quad("urn:a", "urn:p", "x", g)]})
    first.close()
    assert open_store(path).count() == 1


def test_unopenable_store_is_named(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError) as caught:
        EmbeddedStore(blocker)
    assert str(caught.value) == Errors.E607.format(path=blocker)
