"""``kg serve``: the store as a read-only SPARQL 1.1 Protocol endpoint (Starlette on uvicorn).

    GET  /                   a small query page (offline: nothing is fetched from elsewhere)
    GET  /sparql?query=Q     SPARQL 1.1 Protocol; also POST (form-encoded or application/sparql-query)
    GET  /queries            the named queries, as JSON
    GET  /queries/NAME?P=V   a named query with its parameters (entity names resolved as ``kg query``)

SELECT and ASK answer SPARQL JSON, XML, CSV or TSV, CONSTRUCT and DESCRIBE
Turtle, N-Triples, JSON-LD or RDF/XML, chosen by ``Accept``. Each query runs under the
operator's limits in a child process (``kg.guard``) that opens the store
read-only: past the time limit or the memory bound it is killed and the
answer is 503 with a message (never a 200 with a cut body); a result over the
row limit is 422, nothing sent. Updates are 403; so are SERVICE and a FROM,
FROM NAMED, ``default-graph-uri`` or ``named-graph-uri`` naming a graph the
store does not hold. No CORS header is sent unless origins are given, and on
a loopback address only a loopback ``Host`` is answered (a web page cannot
reach the endpoint by DNS rebinding).
"""

from __future__ import annotations

import ipaddress
import socket
import sys
import urllib.parse
from dataclasses import dataclass

import pyoxigraph as ox

from .errors import Errors, KgError, NodeNotFound, QueryError, QueryLimit, QueryRefused, StoreError
from .guard import Limits, run_guarded
from .sparql import dataset_iris, query_form, uses_service

__all__ = ["create_app", "serve", "negotiate", "SELECT_MEDIA", "GRAPH_MEDIA"]

SELECT_MEDIA = {  # media type -> pyoxigraph's results format; the first is the default
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "application/xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
GRAPH_MEDIA = {  # media type -> pyoxigraph's RDF format; the first is the default
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "application/ld+json": "JSON_LD",
    "application/rdf+xml": "RDF_XML",  # SPARQLWrapper's default for CONSTRUCT and DESCRIBE
}
_MAX_QUERY_BYTES = 1_000_000
# "__main__": the fork server imports the main script once, so that no child runs it again (multiprocessing
# re-imports the main module of each child it starts unless the fork server already did)
_FORKSERVER_PRELOAD = ["__main__", "pyoxigraph", "kg.guard", "kg.serve", "kg.query", "kg.store"]


@dataclass(frozen=True)
class Answer:
    """A serialized answer: its media type and bytes."""

    media: str
    body: bytes


def negotiate(accept: str | None, offered: dict[str, str]) -> str | None:
    """The media type of ``offered`` that ``accept`` prefers (ties: ``offered``'s order), or None.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", SELECT_MEDIA)
    'application/sparql-results+xml'
    >>> negotiate("*/*", GRAPH_MEDIA), negotiate(None, GRAPH_MEDIA), negotiate("image/png", GRAPH_MEDIA)
    ('text/turtle', 'text/turtle', None)
    """
    if not accept:
        return next(iter(offered))
    best, best_q = None, 0.0
    ranked = list(offered)
    for item in accept.split(","):
        media, *params = [part.strip() for part in item.split(";")]
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        media = media.lower()
        candidate: str | None
        if media in ("*/*", ""):
            candidate = ranked[0]
        elif media.endswith("/*"):
            candidate = next((m for m in ranked if m.startswith(media[:-1])), None)
        else:
            candidate = media if media in offered else None
        if candidate and (q > best_q or (q == best_q and best and ranked.index(candidate) < ranked.index(best))):
            best, best_q = candidate, q
    return best


def _open_reader(location: str):
    from .store import RemoteStore, is_remote, open_store

    return RemoteStore(location) if is_remote(location) else open_store(location, read_only=True)


def _check_graphs(store, graphs: list[str], name: str) -> None:
    """QueryError unless every graph named is one the store holds."""
    for iri in graphs:
        try:
            term = ox.NamedNode(iri)
        except ValueError as e:
            raise QueryRefused(Errors.E511.format(name=name, iri=iri)) from e
        found = store.query(f"ASK {{ GRAPH {term} {{ ?s ?p ?o }} }}", name=name)
        if found.rows[0][0].value != "true":
            raise QueryRefused(Errors.E512.format(name=name, iri=iri))


def _serialize_results(results, select_format: str, graph_format: str, max_rows: int | None, name: str) -> Answer:
    """kg's Results (a remote store's or a named query's) in the wanted format."""
    from .query import format_results

    if max_rows is not None and results.form != "ask" and len(results.rows) > max_rows:
        raise QueryLimit(_rows_message(name, max_rows), "rows")
    if results.form == "graph":
        triples = [ox.Triple(*row) for row in results.rows]
        return _graph_answer(triples, graph_format)
    parsed = ox.parse_query_results(format_results(results, "json").encode("utf-8"), format=ox.QueryResultsFormat.JSON)
    return _results_answer(parsed, select_format)


def _results_answer(answer, select_format: str) -> Answer:
    media = next(m for m, f in SELECT_MEDIA.items() if f == select_format)
    data = answer.serialize(format=getattr(ox.QueryResultsFormat, select_format))
    assert data is not None  # no output file: the bytes
    return Answer(media, data)


def _graph_answer(triples, graph_format: str) -> Answer:
    from .vocab import PREFIXES

    media = next(m for m, f in GRAPH_MEDIA.items() if f == graph_format)
    fmt = getattr(ox.RdfFormat, graph_format)
    data = ox.serialize(triples, format=fmt, prefixes=PREFIXES if graph_format == "TURTLE" else None)
    assert data is not None  # no output file: the bytes
    return Answer(media, data)


def _rows_message(name: str, max_rows: int) -> str:
    return Errors.E516.format(name=name, max_rows=max_rows)


def _consume(max_rows: int | None, select_format: str, graph_format: str, name: str):
    """A function of pyoxigraph's lazy answer that serializes it, refusing more than ``max_rows`` rows.

    Rows are counted on TSV (one line a row, lossless), then turned into the wanted format by Oxigraph.
    """

    def consume(answer) -> Answer:
        if isinstance(answer, ox.QueryBoolean):
            return _results_answer(answer, select_format)
        if isinstance(answer, ox.QuerySolutions):
            tsv = answer.serialize(format=ox.QueryResultsFormat.TSV)
            assert tsv is not None  # no output file: the bytes
            if max_rows is not None and tsv.count(b"\n") - 1 > max_rows:
                raise QueryLimit(_rows_message(name, max_rows), "rows")
            return _results_answer(ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV), select_format)
        lines = answer.serialize(format=ox.RdfFormat.N_TRIPLES)
        if max_rows is not None and lines.count(b"\n") > max_rows:
            raise QueryLimit(_rows_message(name, max_rows), "rows")
        return _graph_answer(list(ox.parse(lines, format=ox.RdfFormat.N_TRIPLES)), graph_format)

    return consume


def answer_query(
    location: str,
    sparql: str,
    select_format: str,
    graph_format: str,
    max_rows: int | None,
    default_graphs: list[str],
    named_graphs: list[str],
) -> Answer:
    """Child side of /sparql: open the store read-only, check the graphs named, run and serialize."""
    from .store import EmbeddedStore

    store = _open_reader(location)
    _check_graphs(store, [iri for _, iri in dataset_iris(sparql)] + default_graphs + named_graphs, "query")
    consume = _consume(max_rows, select_format, graph_format, "query")
    if isinstance(store, EmbeddedStore):
        options = {}
        if default_graphs:
            options["default_graph"] = [ox.NamedNode(iri) for iri in default_graphs]
        if named_graphs:
            options["named_graphs"] = [ox.NamedNode(iri) for iri in named_graphs]
        return store.run(sparql, consume, "query", **options)
    if default_graphs or named_graphs:
        raise QueryRefused(Errors.E513.format(name="query"))
    return _serialize_results(store.query(sparql), select_format, graph_format, max_rows, "query")


def answer_named(
    location: str, name: str, params: dict[str, str], select_format: str, graph_format: str, max_rows: int | None
) -> Answer:
    """Child side of /queries/NAME: run a named query (names resolved) and serialize it."""
    from .query import run_named

    results = run_named(_open_reader(location), name, params)
    return _serialize_results(results, select_format, graph_format, max_rows, name)


def create_app(
    location: str,
    limits: Limits,
    cors_origins: tuple[str, ...] = (),
    loopback_only: bool = True,
    workers: int = 2,
    context: str = "forkserver",
):
    """The Starlette application serving the store at ``location`` under ``limits``."""
    import anyio
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.responses import JSONResponse, PlainTextResponse, Response
    from starlette.routing import Route

    from .query import named_queries
    from .serve_page import PAGE_HTML, PAGE_JS

    limiter = anyio.CapacityLimiter(workers)
    text_types = (
        "text/",
        "application/sparql-results+json",
        "application/json",
        "application/ld+json",
        "application/n-triples",
        "application/sparql-results+xml",
        "application/xml",
        "application/rdf+xml",
    )

    def error(status: int, message: str) -> Response:
        return PlainTextResponse(" ".join(message.split()) + "\n", status_code=status)

    async def run(work, args, name: str) -> Response:
        try:
            answer = await anyio.to_thread.run_sync(run_guarded, work, args, limits, name, context, limiter=limiter)
        except QueryLimit as e:
            return error(422 if e.kind == "rows" else 503, str(e))
        except QueryRefused as e:
            return error(403, str(e))
        except NodeNotFound as e:
            return error(404, str(e))
        except QueryError as e:
            return error(400, str(e))
        except (StoreError, KgError) as e:
            return error(500, str(e))
        media = answer.media + ("; charset=utf-8" if answer.media.startswith(text_types) else "")
        return Response(answer.body, media_type=media)

    def formats(request, form: str | None):
        accept = request.headers.get("accept")
        select_media, graph_media = negotiate(accept, SELECT_MEDIA), negotiate(accept, GRAPH_MEDIA)
        wanted = graph_media if form in ("construct", "describe") else select_media
        if form is not None and wanted is None:
            return None
        return (
            SELECT_MEDIA[select_media or "application/sparql-results+json"],
            GRAPH_MEDIA[graph_media or "text/turtle"],
        )

    async def sparql(request) -> Response:
        params = urllib.parse.parse_qs(request.url.query, keep_blank_values=True)
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if request.method == "POST":
            body = await request.body()
            if len(body) > _MAX_QUERY_BYTES:
                return error(413, Errors.E402.format(limit=_MAX_QUERY_BYTES))
            if media == "application/sparql-update":
                return error(403, Errors.E403)
            if media == "application/sparql-query":
                params["query"] = [body.decode("utf-8", "replace")]
            elif media == "application/x-www-form-urlencoded":
                for key, values in urllib.parse.parse_qs(
                    body.decode("utf-8", "replace"), keep_blank_values=True
                ).items():
                    params.setdefault(key, []).extend(values)
            else:
                return error(415, Errors.E404.format(media=media or "(none)"))
        if "update" in params:
            return error(403, Errors.E403)
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            return error(400, Errors.E405)
        text = queries[0]
        form = query_form(text)
        if form == "update":
            return error(403, Errors.E403)
        if not limits.allow_service and uses_service(text):
            return error(403, Errors.E406.format(name="query"))
        chosen = formats(request, form)
        if chosen is None:
            return error(406, Errors.E407.format(form=(form or "query").upper(), accept=request.headers.get("accept")))
        return await run(
            answer_query,
            (
                location,
                text,
                *chosen,
                limits.max_rows,
                params.get("default-graph-uri", []),
                params.get("named-graph-uri", []),
            ),
            "query",
        )

    async def update(request) -> Response:
        return error(403, Errors.E403)

    async def list_queries(request) -> Response:
        return JSONResponse(
            [
                {
                    "name": q.name,
                    "description": q.description,
                    "params": [{"name": p.name, "kind": p.kind, "help": p.help} for p in q.params],
                }
                for _, q in sorted(named_queries().items())
            ]
        )

    async def named(request) -> Response:
        name = request.path_params["name"]
        params = {key: value for key, value in request.query_params.items()}
        chosen = formats(request, "select")
        if chosen is None:
            return error(406, Errors.E407.format(form="SELECT", accept=request.headers.get("accept")))
        if name not in named_queries():
            return error(404, Errors.E408.format(name=name))
        return await run(answer_named, (location, name, params, *chosen, limits.max_rows), name)

    async def page(request) -> Response:
        return Response(
            PAGE_HTML,
            media_type="text/html; charset=utf-8",
            headers={
                "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; "
                "connect-src 'self'; form-action 'none'; frame-ancestors 'none'"
            },
        )

    async def script(request) -> Response:
        return Response(PAGE_JS, media_type="text/javascript; charset=utf-8")

    middleware = []
    if loopback_only:
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=["127.0.0.1", "localhost", "[::1]"]))
    if cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(cors_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Accept", "Content-Type"],
            )
        )
    routes = [
        Route("/", page),
        Route("/page.js", script),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/query", sparql, methods=["GET", "POST"]),
        Route("/update", update, methods=["GET", "POST"]),
        Route("/queries", list_queries),
        Route("/queries/{name}", named),
    ]
    return Starlette(routes=routes, middleware=middleware)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(
    location: str,
    host: str = "127.0.0.1",
    port: int = 7878,
    limits: Limits | None = None,
    cors_origins: tuple[str, ...] = (),
) -> int:
    """Serve until interrupted; StoreError (one line) when the store or the address cannot be used."""
    import multiprocessing

    import uvicorn

    limits = limits or Limits(max_rows=10000)
    _open_reader(location).query("ASK {}", name="opening the store")  # a missing, foreign, corrupted or unreachable
    # store stops here, before anything listens
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_FORKSERVER_PRELOAD)
    try:
        listener = socket.create_server(
            (host.strip("[]"), port), family=socket.AF_INET6 if ":" in host else socket.AF_INET
        )
    except (OSError, OverflowError) as e:
        raise StoreError(Errors.E401.format(host=host, port=port, error=getattr(e, "strerror", None) or e)) from e
    app = create_app(location, limits, cors_origins, loopback_only=_is_loopback(host))
    shown = f"[{host}]" if ":" in host else host
    print(
        f"kg serve: http://{shown}:{port}/ serving {location} read-only "
        f"(time limit {limits.timeout:g} s, memory {f'{limits.memory} MB' if limits.memory else 'unbounded'}, "
        f"rows {limits.max_rows or 'unlimited'}); Ctrl-C stops",
        file=sys.stderr,
        flush=True,
    )
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    uvicorn.Server(config).run(sockets=[listener])
    return 0
