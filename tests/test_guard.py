"""Query guards: time limit, memory bound, SERVICE, query forms and parameters, on a real embedded store.

Each guarded query runs in a real child process that is really killed; the
queries that run away are cross joins over a small store.
"""

from __future__ import annotations

import multiprocessing
import socket
import time

import pyoxigraph as ox
import pytest

from kg.errors import Errors, QueryError, QueryLimit, QueryRefused, StoreMissing
from kg.guard import GuardedStore, Limits
from kg.query import format_results, run_query
from kg.sparql import dataset_iris, query_form, uses_service
from kg.store import EmbeddedStore

CROSS_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
CROSS_SORTED = "SELECT ?a ?d ?g WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"
G = "https://example.org/g"


@pytest.fixture(scope="module")
def location(tmp_path_factory) -> str:
    """A store of 300 triples (so a three-way cross join has 27 million rows), closed again."""
    folder = tmp_path_factory.mktemp("guard") / "store"
    store = EmbeddedStore(folder)
    quads = [
        ox.Quad(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"), ox.Literal(f"value {i} " * 20), ox.NamedNode(G))
        for i in range(300)
    ]
    store.replace_graphs({G: quads})
    store.close()
    return str(folder)


def test_a_runaway_query_is_stopped_at_its_time_limit(location):
    store = GuardedStore(location, Limits(timeout=1.0))
    started = time.monotonic()
    with pytest.raises(QueryLimit) as caught:
        store.query(CROSS_COUNT)
    assert str(caught.value) == Errors.E514.format(name="query", timeout=1)
    assert caught.value.kind == "timeout"
    assert time.monotonic() - started < 8
    assert multiprocessing.active_children() == []  # the child was killed and reaped


def test_a_query_past_the_memory_bound_is_stopped(location):
    store = GuardedStore(location, Limits(timeout=60, memory=200))
    started = time.monotonic()
    with pytest.raises(QueryLimit) as caught:
        store.query(CROSS_SORTED)
    assert str(caught.value) == Errors.E515.format(name="query", memory=200)
    assert caught.value.kind == "memory"
    assert time.monotonic() - started < 30


def test_a_guarded_query_answers_like_the_store(location):
    guarded = GuardedStore(location)
    plain = EmbeddedStore(location, read_only=True)
    sparql = "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 5"
    assert guarded.query(sparql) == plain.query(sparql)
    assert [row[0].value for row in guarded.query(sparql).rows] == sorted(f"urn:s{i}" for i in range(300))[:5]


def test_service_is_refused_before_anything_leaves_the_machine(location):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.5)
        port = listener.getsockname()[1]
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        with pytest.raises(QueryRefused) as refused:
            GuardedStore(location).query(query)
        assert str(refused.value) == Errors.E510.format(name="query")
        with pytest.raises(socket.timeout):
            listener.accept()  # nobody called
        with pytest.raises(QueryLimit) as stopped:  # allowed: it calls, and waits for an answer
            GuardedStore(location, Limits(timeout=1, allow_service=True)).query(query)
        assert str(stopped.value) == Errors.E514.format(name="query", timeout=1)
        called, _ = listener.accept()
        called.close()


def test_ask_construct_and_describe_are_answered(location):
    store = GuardedStore(location)
    assert format_results(store.query("ASK { ?s ?p ?o }")) == "true"
    assert format_results(store.query("ASK { ?s <urn:nope> ?o }"), "json") == '{"head": {}, "boolean": false}'
    graph = store.query("CONSTRUCT { ?s <urn:q> ?o } WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 2")
    assert graph.form == "graph"
    parsed = list(ox.parse(format_results(graph).encode("utf-8"), format=ox.RdfFormat.TURTLE))
    assert len(parsed) == 2 and {t.predicate.value for t in parsed} == {"urn:q"}
    described = store.query("DESCRIBE <urn:s7>")
    assert [(t[0].value, t[1].value) for t in described.rows] == [("urn:s7", "urn:p")]
    as_jsonld = format_results(described, "json")
    assert len(list(ox.parse(as_jsonld.encode("utf-8"), format=ox.RdfFormat.JSON_LD))) == 1


@pytest.mark.parametrize(
    "params, message",
    [
        ({"x } ; DROP ALL #": "1"}, Errors.E508.format(name="x } ; DROP ALL #")),
        ({"s": "<not an iri>"}, Errors.E509.format(param="s", value="not an iri")),
    ],
)
def test_parameters_are_validated(location, params, message):
    with pytest.raises(QueryError) as caught:
        run_query(GuardedStore(location), "SELECT * WHERE { ?s ?p ?o }", params)
    assert str(caught.value) == message


def test_a_missing_store_is_not_created(tmp_path):
    with pytest.raises(StoreMissing) as caught:
        GuardedStore(str(tmp_path / "missing")).query("ASK {}")
    assert str(caught.value) == Errors.E609.format(path=tmp_path / "missing")
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize(
    "sparql, service",
    [
        ("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", True),
        ("select * where { service silent <http://x/> { ?s ?p ?o } }", True),
        ('SELECT * WHERE { ?s ?p "SERVICE" }', False),
        ("SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/>", False),
        ("PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:SERVICE ?service }", False),
        ("SELECT * WHERE { ?s ?p '''multi\nline SERVICE''' }", False),
    ],
)
def test_service_is_found_as_a_keyword_only(sparql, service):
    assert uses_service(sparql) is service


def test_forms_and_dataset_clauses_are_read():
    assert query_form("PREFIX a: <http://a/>\nCONSTRUCT WHERE { ?s ?p ?o }") == "construct"
    assert query_form("# DROP ALL\nSELECT * {}") == "select"
    assert query_form("PREFIX a: <http://a/> INSERT DATA { a:x a:y a:z }") == "update"
    assert dataset_iris("SELECT * FROM <file:///etc/passwd> FROM NAMED <http://g/> {}") == [
        ("FROM", "file:///etc/passwd"),
        ("FROM NAMED", "http://g/"),
    ]


def test_the_command_line_reports_a_stopped_query_in_one_line(location):
    from .conftest import run_kg

    started = time.monotonic()
    done = run_kg("query", CROSS_COUNT, "--timeout", "1", "--store", location, timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip() == f"kg query: error: {Errors.E514.format(name='query', timeout=1)}"
    assert time.monotonic() - started < 15
    bounded = run_kg("query", CROSS_SORTED, "--memory", "200", "--store", location, timeout=60)
    assert bounded.returncode == 1
    assert bounded.stderr.strip() == f"kg query: error: {Errors.E515.format(name='query', memory=200)}"


def test_a_process_with_threads_is_guarded_through_a_fork_server(location):
    import threading

    release = threading.Event()
    other = threading.Thread(target=release.wait, daemon=True)
    other.start()
    try:
        with pytest.raises(QueryLimit) as caught:
            GuardedStore(location, Limits(timeout=1.0)).query(CROSS_COUNT)
        assert str(caught.value) == Errors.E514.format(name="query", timeout=1)
        assert GuardedStore(location).query("ASK { ?s ?p ?o }").rows[0][0].value == "true"
    finally:
        release.set()
        other.join()
