"""The store as a real Oxigraph server: RemoteStore must behave like the embedded store.

One ``oxigraph serve --union-default-graph`` process is started for the module
on a free port and emptied before each test; nothing here is mocked.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from .conftest import SEED, SEEDS, run_kg
from kg.errors import Errors, NodeNotFound, StoreError, within
from kg.exports import export
from kg.iri import article_iri
from kg.pipeline import ingest
from kg.query import run_named, run_query
from kg.store import EmbeddedStore, RemoteStore
from kg.vocab import article_graph

pytestmark = pytest.mark.server

OXIGRAPH = Path(sys.executable).parent / "oxigraph"
INJECTION = 'KAMAZ" } ; DROP ALL ; #'
SMALL_OLD = "Belarus exports tractors to Russia."
SMALL_NEW = "Gazprom supplies gas to Belarus."


def free_port() -> int:
    """A TCP port nobody listens on (just now)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, log: Path, timeout: float = 30.0) -> None:
    """Poll an ASK query until the server answers; fail if it exits or stays silent."""
    ask = f"{url}/query?" + urllib.parse.urlencode({"query": "ASK {}"})
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"oxigraph exited with status {process.returncode}: {log.read_text()}")
        try:
            with urllib.request.urlopen(ask, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    raise RuntimeError(f"oxigraph did not answer at {url} within {timeout:.0f}s")


def stop(process: subprocess.Popen, timeout: float = 10) -> None:
    """Terminate a server process, killing it if it does not end within ``timeout`` seconds."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The base URL of an Oxigraph server running for this module."""
    if not OXIGRAPH.is_file():
        pytest.fail(f"the Oxigraph server is missing: {OXIGRAPH} (pip install oxigraph==0.5.13)")
    folder = tmp_path_factory.mktemp("oxigraph")
    log = folder / "server.log"
    url = f"http://127.0.0.1:{free_port()}"
    with log.open("wb") as output:  # a file, not a pipe: a chatty server never blocks on a full pipe
        process = subprocess.Popen(
            [
                str(OXIGRAPH),
                "serve",
                "--location",
                str(folder / "data"),
                "--bind",
                url.removeprefix("http://"),
                "--union-default-graph",
            ],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until_up(url, process, log)
        yield url
    finally:
        stop(process)


@pytest.fixture
def remote(server) -> RemoteStore:
    """The server's store, emptied."""
    store = RemoteStore(server)
    store.update("DROP ALL")
    assert store.count_quads() == 0
    return store


@pytest.fixture
def embedded(tmp_path) -> EmbeddedStore:
    return EmbeddedStore(tmp_path / "embedded")


def graph_of(article_id: str) -> ox.NamedNode:
    return ox.NamedNode(str(article_graph(str(article_iri(article_id)))))


def graph_quads(store, name: ox.NamedNode) -> set:
    return {q for q in store.quads() if q.graph_name == name}


def claims_in(store, name: ox.NamedNode) -> set[tuple[str, str, str]]:
    """(subject label, predicate, object label) of the claims in one named graph."""
    rows = store.query(f"""
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?s ?p ?o WHERE {{ GRAPH {name} {{ ?c rdf:subject ?si ; rdf:predicate ?pi ; rdf:object ?oi }}
            ?si rdfs:label ?s . ?oi rdfs:label ?o . BIND(STRAFTER(STR(?pi), "#") AS ?p) }}""").rows
    return {(s.value, p.value, o.value) for s, p, o in rows}


def write_article(path: Path, body: str) -> Path:
    path.write_text(f"3 March 2024\n\nTrade news from Minsk\n\n{body}\n\nWritten by example.org\n", encoding="utf-8")
    return path


def canonical(store) -> set:
    """The store's quads with blank nodes relabelled canonically (equal for isomorphic stores)."""
    dataset = ox.Dataset(store.quads())
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return set(dataset)


def as_strings(results) -> list[tuple]:
    return [tuple(str(term) for term in row) for row in results.rows]


def test_remote_ingest_matches_embedded(remote, embedded, extractor):
    remote_report = ingest([SEEDS], remote, extractor)
    embedded_report = ingest([SEEDS], embedded, extractor)
    assert remote_report.added == embedded_report.added == [SEED.stem]
    assert remote_report.claims == embedded_report.claims > 0
    assert remote.count() == embedded.count() > 0
    assert canonical(remote) == canonical(embedded)
    assert export(remote, "turtle") == export(embedded, "turtle")


def test_reingest_is_unchanged(remote, extractor):
    ingest([SEEDS], remote, extractor)
    count, nquads = remote.count(), export(remote, "nquads")
    report = ingest([SEED], remote, extractor)
    assert report.unchanged == [SEED.stem]
    assert report.added == report.replaced == [] and report.claims == 0
    assert remote.count() == count
    assert export(remote, "nquads") == nquads


@pytest.mark.parametrize(
    "name, params",
    [
        ("suppliers", {"entity": "KAMAZ"}),
        ("claims-about", {"entity": "MAZ"}),
        ("between", {"a": "MAZ", "b": "KAMAZ"}),
        ("all-claims", {}),  # answered from dictionaries by the embedded store (kg.allclaims), by SPARQL here
    ],
)
def test_named_queries_agree(remote, embedded, extractor, name, params):
    ingest([SEEDS], remote, extractor)
    ingest([SEEDS], embedded, extractor)
    remote_results, embedded_results = run_named(remote, name, params), run_named(embedded, name, params)
    assert remote_results.variables == embedded_results.variables
    assert as_strings(remote_results) == as_strings(embedded_results)
    assert remote_results.rows, f"{name} {params} found nothing in the seed"


def test_parameters_are_bound_as_terms(remote, extractor):
    ingest([SEEDS], remote, extractor)
    count = remote.count()
    with pytest.raises(NodeNotFound):
        run_named(remote, "suppliers", {"entity": INJECTION})
    label_query = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?e WHERE { ?e rdfs:label ?name }"
    assert run_query(remote, label_query, {"name": INJECTION}).rows == []
    assert len(run_query(remote, label_query, {"name": "KAMAZ"}).rows) == 1
    assert remote.count() == count


def test_changed_article_replaces_only_its_claims(remote, extractor, tmp_path):
    small = write_article(tmp_path / "small_news.txt", SMALL_OLD)
    report = ingest([SEED, small], remote, extractor)
    assert sorted(report.added) == sorted([SEED.stem, small.stem])
    seed_quads = graph_quads(remote, graph_of(SEED.stem))
    assert seed_quads
    assert claims_in(remote, graph_of(small.stem)) == {("Belarus", "exportsTo", "Russia")}

    write_article(small, SMALL_NEW)
    report = ingest([SEED, small], remote, extractor)
    assert report.replaced == [small.stem] and report.unchanged == [SEED.stem]
    assert graph_quads(remote, graph_of(SEED.stem)) == seed_quads
    assert claims_in(remote, graph_of(small.stem)) == {("Gazprom", "exportsTo", "Belarus")}  # a delivery abroad


def test_command_line_against_server(remote, server):
    ingested = run_kg("ingest", str(SEEDS), "--store", server)
    assert ingested.returncode == 0, ingested.stderr
    assert remote.count() > 0
    queried = run_kg("query", "--name", "suppliers", "--param", "entity=KAMAZ", "--store", server)
    assert queried.returncode == 0, queried.stderr
    assert "MAZ" in queried.stdout.replace("KAMAZ", "")
    exported = run_kg("export", "--format", "nquads", "--store", server)
    assert exported.returncode == 0, exported.stderr
    quads = list(ox.parse(exported.stdout.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    assert len(quads) == remote.count_quads()


def test_unreachable_endpoint_is_a_store_error():
    url = f"http://127.0.0.1:{free_port()}"
    store = RemoteStore(url, timeout=5)
    refused = "<urlopen error [Errno 111] Connection refused>"
    with pytest.raises(StoreError) as caught:  # the query's name in front, and one code: the inner message's
        store.count()
    assert str(caught.value) == within("query", Errors.E605.format(url=f"{url}/query", error=refused))
    with pytest.raises(StoreError) as caught:
        store.update("DROP ALL")
    assert str(caught.value) == Errors.E605.format(url=f"{url}/update", error=refused)


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--format", "nquads"],
        ["stats"],
        ["query", "--name", "suppliers", "--param", "entity=KAMAZ"],
    ],
)
def test_unreachable_endpoint_on_the_command_line(command):
    url = f"http://127.0.0.1:{free_port()}"
    done = run_kg(*command, "--store", url, timeout=60)
    assert done.returncode == 1, (done.returncode, done.stderr)
    line = done.stderr.strip()
    assert "\n" not in line and "Traceback" not in line, line
    assert line.startswith(f"kg {command[0]}: error: ") and f"cannot reach the SPARQL endpoint {url}/" in line
    assert line.endswith("Connection refused> [E605]") and len(re.findall(r"\[E\d{3}\]", line)) == 1, line


def test_kg_serve_over_a_shared_server(remote, server, extractor, tmp_path):
    import httpx

    from .test_serve import rows, start

    ingest([SEEDS], remote, extractor)
    count = remote.count()
    url, process = start(server, tmp_path / "serve.log")
    try:
        answer = httpx.get(f"{url}/queries/suppliers", params={"entity": "KAMAZ"})
        assert [row[0] for row in rows(answer)] == ["MAZ"]
        construct = httpx.get(
            f"{url}/sparql",
            headers={"Accept": "application/n-triples"},
            params={
                "query": "CONSTRUCT { ?s <urn:label> ?l } WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
            },
        )
        assert construct.status_code == 200, construct.text
        assert ox.Literal("KAMAZ") in {t.object for t in ox.parse(construct.content, format=ox.RdfFormat.N_TRIPLES)}
        assert httpx.post(f"{url}/sparql", data={"update": "DROP ALL"}).status_code == 403
        assert remote.count() == count
    finally:
        stop(process)
