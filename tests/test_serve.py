"""kg serve: a real server process started by the tests, asked with a real HTTP client (httpx).

The store is the seed's, built once for the session and still open for
writing in this process while the server reads it: readers beside a writer.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from kg.errors import Errors

from .conftest import ROOT, run_kg
from .test_store_server import free_port, stop

pytestmark = pytest.mark.server

SUPPLIERS = """PREFIX trade: <https://w3id.org/kg-trade/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?supplier ?customer WHERE { ?s trade:supplies ?o . ?s rdfs:label ?supplier . ?o rdfs:label ?customer }
ORDER BY ?supplier ?customer"""
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
JSON = "application/sparql-results+json"


def start(store: str, log: Path, *options: str) -> tuple[str, subprocess.Popen]:
    """A kg serve process on a free port, answering; its base URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", "--store", store, "--port", str(port), *options],
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"kg serve exited with status {process.returncode}: {log.read_text()}")
        try:
            if httpx.get(f"{url}/sparql", params={"query": "ASK {}"}, timeout=5).status_code == 200:
                return url, process
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"kg serve did not answer at {url}: {log.read_text()}")


@pytest.fixture(scope="module")
def server(seed_build, tmp_path_factory):
    url, process = start(seed_build.store.location, tmp_path_factory.mktemp("serve") / "log")
    yield url
    stop(process)


@pytest.fixture(scope="module")
def strict(seed_build, tmp_path_factory):
    """A server with a 2 s time limit, a 200 MB memory bound, at most 5 rows, and CORS for one origin."""
    url, process = start(
        seed_build.store.location,
        tmp_path_factory.mktemp("strict") / "log",
        "--timeout",
        "2",
        "--memory",
        "200",
        "--max-rows",
        "5",
        "--cors-origin",
        "https://analyst.example",
    )
    yield url
    stop(process)


def rows(response: httpx.Response) -> list[tuple[str, ...]]:
    """The values of each row of a SPARQL results answer (CSV read as CSV: it is lossy, Oxigraph won't parse it)."""
    assert response.status_code == 200, response.text
    if response.headers["content-type"].startswith("text/csv"):
        return [tuple(row) for row in csv.reader(io.StringIO(response.text))][1:]
    parsed = ox.parse_query_results(
        response.content, format=ox.QueryResultsFormat.from_media_type(response.headers["content-type"].split(";")[0])
    )
    return [tuple(solution[v].value for v in parsed.variables) for solution in parsed]


def test_get_and_both_posts_answer_the_same(server):
    by_get = httpx.get(f"{server}/sparql", params={"query": SUPPLIERS}, headers={"Accept": JSON})
    by_form = httpx.post(f"{server}/sparql", data={"query": SUPPLIERS}, headers={"Accept": JSON})
    by_body = httpx.post(
        f"{server}/sparql", content=SUPPLIERS, headers={"Content-Type": "application/sparql-query", "Accept": JSON}
    )
    assert by_get.headers["content-type"].startswith(JSON)
    assert rows(by_get) == rows(by_form) == rows(by_body)
    assert ("MAZ", "KAMAZ") in rows(by_get) and ("KAMAZ", "MAZ") in rows(by_get)


@pytest.mark.parametrize("media", ["application/sparql-results+xml", "text/csv", "text/tab-separated-values"])
def test_select_in_every_results_format(server, media):
    reference = rows(httpx.get(f"{server}/sparql", params={"query": SUPPLIERS}))
    response = httpx.get(f"{server}/sparql", params={"query": SUPPLIERS}, headers={"Accept": media})
    assert response.headers["content-type"].startswith(media)
    assert rows(response) == reference


def test_ask_is_a_boolean(server):
    response = httpx.get(
        f"{server}/sparql", params={"query": "ASK { ?s a <https://w3id.org/kg-trade/ontology#Claim> }"}
    )
    assert response.status_code == 200 and response.json() == {"head": {}, "boolean": True}


@pytest.mark.parametrize(
    "media, fmt",
    [
        ("text/turtle", ox.RdfFormat.TURTLE),
        ("application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("application/ld+json", ox.RdfFormat.JSON_LD),
        ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    ],
)
def test_construct_and_describe_as_rdf(server, media, fmt):
    construct = (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e rdfs:label ?l }"
    )
    for query in (construct, "DESCRIBE <https://w3id.org/kg-trade/entity/maz>"):
        response = httpx.get(f"{server}/sparql", params={"query": query}, headers={"Accept": media})
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith(media)
        triples = list(ox.parse(response.content, format=fmt))
        assert triples and any(t.object == ox.Literal("MAZ") for t in triples)


def test_updates_are_forbidden_and_change_nothing(server, seed_build):
    before = seed_build.store.count()
    answers = [
        httpx.post(f"{server}/sparql", data={"update": "DROP ALL"}),
        httpx.post(f"{server}/sparql", content="DROP ALL", headers={"Content-Type": "application/sparql-update"}),
        httpx.post(f"{server}/update", data={"update": "DROP ALL"}),
        httpx.get(f"{server}/sparql", params={"query": "DROP ALL"}),
        httpx.post(f"{server}/sparql", data={"query": "CLEAR DEFAULT"}),
    ]
    assert [a.status_code for a in answers] == [403] * 5
    assert [a.text for a in answers] == [f"{Errors.E403}\n"] * 5
    assert seed_build.store.count() == before > 0


def test_service_and_graphs_outside_the_store_are_refused(server):
    service = httpx.get(f"{server}/sparql", params={"query": "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"})
    assert service.status_code == 403 and service.text == f"{Errors.E406.format(name='query')}\n"
    outside = httpx.get(f"{server}/sparql", params={"query": "SELECT * FROM <file:///etc/passwd> { ?s ?p ?o }"})
    assert outside.status_code == 403
    assert outside.text == f"{Errors.E512.format(name='query', iri='file:///etc/passwd')}\n"
    by_protocol = httpx.get(
        f"{server}/sparql", params={"query": "SELECT * { ?s ?p ?o }", "named-graph-uri": "http://elsewhere.example/g"}
    )
    assert by_protocol.status_code == 403
    assert by_protocol.text == f"{Errors.E512.format(name='query', iri='http://elsewhere.example/g')}\n"
    ontology = "https://w3id.org/kg-trade/graph/ontology"
    inside = httpx.get(f"{server}/sparql", params={"query": f"ASK FROM <{ontology}> {{ ?s ?p ?o }}"})
    assert inside.status_code == 200, inside.text
    assert inside.json()["boolean"] is True


def test_bad_requests_are_one_line(server):
    syntax = httpx.get(f"{server}/sparql", params={"query": "SELEKT * {}"})
    assert syntax.status_code == 400 and syntax.text.startswith("query: SPARQL syntax error")
    assert syntax.text.endswith(" [E505]\n") and syntax.text.count("\n") == 1
    none = httpx.get(f"{server}/sparql")
    assert none.status_code == 400 and none.text == f"{Errors.E405}\n"
    png = httpx.get(f"{server}/sparql", params={"query": "ASK {}"}, headers={"Accept": "image/png"})
    assert png.status_code == 406 and png.text == f"{Errors.E407.format(form='ASK', accept='image/png')}\n"
    plain = httpx.post(f"{server}/sparql", content="ASK {}", headers={"Content-Type": "text/plain"})
    assert plain.status_code == 415 and plain.text == f"{Errors.E404.format(media='text/plain')}\n"


def test_named_queries_are_served(server):
    listed = httpx.get(f"{server}/queries").json()
    assert "suppliers" in [q["name"] for q in listed]
    answer = httpx.get(f"{server}/queries/suppliers", params={"entity": "kamaz"})
    assert [row[0] for row in rows(answer)] == ["MAZ"]
    as_csv = httpx.get(f"{server}/queries/suppliers", params={"entity": "KAMAZ"}, headers={"Accept": "text/csv"})
    assert as_csv.text.splitlines()[0] == "supplier,relation,claims,sources"
    unknown = httpx.get(f"{server}/queries/suppliers", params={"entity": "Nobody Ltd"})
    assert unknown.status_code == 404 and "no entity named 'Nobody Ltd'" in unknown.text
    nope = httpx.get(f"{server}/queries/nope")
    assert nope.status_code == 404 and nope.text == f"{Errors.E408.format(name='nope')}\n"
    missing = httpx.get(f"{server}/queries/suppliers")
    assert missing.status_code == 400
    assert missing.text.startswith("suppliers: missing parameter 'entity'") and missing.text.endswith(" [E503]\n")


def test_the_query_page_is_offline(server):
    page = httpx.get(f"{server}/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "http" not in page.text.split("<body>")[1].replace("https://w3id.org", "").replace(
        "http://www.w3.org", ""
    )  # nothing fetched from elsewhere
    assert httpx.get(f"{server}/page.js").status_code == 200


def test_no_cors_and_loopback_hosts_only_by_default(server):
    response = httpx.get(f"{server}/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://evil.example"})
    assert response.status_code == 200 and "access-control-allow-origin" not in response.headers
    rebound = httpx.get(f"{server}/sparql", params={"query": "ASK {}"}, headers={"Host": "evil.example"})
    assert rebound.status_code == 400


def test_the_time_limit_really_stops_the_query(strict):
    started = time.monotonic()
    response = httpx.get(f"{strict}/sparql", params={"query": CROSS}, timeout=30)
    assert response.status_code == 503
    assert response.text == f"{Errors.E514.format(name='query', timeout=2)}\n"
    assert time.monotonic() - started < 10
    assert httpx.get(f"{strict}/sparql", params={"query": "ASK {}"}).status_code == 200  # still serving


def test_the_memory_bound_stops_the_query(strict):
    sorted_cross = "SELECT ?a ?d ?g WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"
    response = httpx.get(f"{strict}/sparql", params={"query": sorted_cross}, timeout=30)
    assert response.status_code == 503, response.text
    assert response.text == f"{Errors.E515.format(name='query', memory=200)}\n"


def test_the_row_limit_refuses_rather_than_cuts(strict):
    over = httpx.get(f"{strict}/sparql", params={"query": "SELECT * { ?s ?p ?o }"})
    assert over.status_code == 422 and over.text == f"{Errors.E516.format(name='query', max_rows=5)}\n"
    within = httpx.get(f"{strict}/sparql", params={"query": "SELECT * { ?s ?p ?o } LIMIT 5"})
    assert len(rows(within)) == 5


def test_cors_for_the_origins_given(strict):
    allowed = httpx.get(f"{strict}/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://analyst.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://analyst.example"
    other = httpx.get(f"{strict}/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_a_busy_port_or_a_foreign_folder_is_one_line(server, seed_build):
    port = server.rsplit(":", 1)[1]
    busy = run_kg("serve", "--port", port, "--store", seed_build.store.location, timeout=60)
    assert busy.returncode == 1
    busy_line = busy.stderr.strip()  # the system's reason, then its code
    assert busy_line.startswith(f"kg serve: error: cannot listen on 127.0.0.1:{port}: Address already in use")
    assert busy_line.endswith(" [E401]") and "\n" not in busy_line
    foreign = run_kg("serve", "--port", str(free_port()), "--store", str(ROOT / "seeds"), timeout=60)
    assert foreign.returncode == 1
    line = foreign.stderr.strip()  # the rest of the line shows the first few names in the folder
    assert line.startswith(f"kg serve: error: {ROOT / 'seeds'} holds something other than a kg store (")
    assert line.endswith("); refusing to use it [E610]") and line.count("\n") == 0
    assert "Traceback" not in busy.stderr + foreign.stderr


def test_an_unreachable_endpoint_stops_kg_serve_before_it_listens():
    url = f"http://127.0.0.1:{free_port()}"
    done = run_kg("serve", "--port", str(free_port()), "--store", url, timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"kg serve: error: opening the store: cannot reach the SPARQL endpoint {url}/query: "
        f"<urlopen error [Errno 111] Connection refused> [E605]"
    ]


def test_protocol_graphs_of_the_store_set_the_dataset(server, seed_build):
    ontology = "https://w3id.org/kg-trade/graph/ontology"
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    in_ontology = seed_build.store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ontology}> {{ ?s ?p ?o }} }}")
    everything = rows(httpx.get(f"{server}/sparql", params={"query": count}))
    only = rows(httpx.get(f"{server}/sparql", params={"query": count, "default-graph-uri": ontology}))
    assert only == [(in_ontology.rows[0][0].value,)]
    assert int(everything[0][0]) > int(only[0][0]) > 0
