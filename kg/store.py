"""The store: an embedded on-disk Oxigraph store, or any SPARQL 1.1 endpoint.

Both speak the same few operations: replace one named graph atomically, run a
SPARQL query with parameters bound as RDF terms, run an update, dump quads.
An article is written with a single SPARQL update (drop its graph, insert its
triples, add entity descriptions), which Oxigraph applies as one transaction:
a failed write leaves nothing half-written.

Through oxrdflib, ``graph.query(string)`` runs in Oxigraph but a prepared
query silently falls back to rdflib's slow engine, and ``len(graph)`` iterates
in Python; the hot paths here call pyoxigraph directly.

Query parameters are bound as RDF terms in a ``VALUES`` block at the top of the
query's WHERE clause, each term serialized by Oxigraph (never pasted text).
pyoxigraph's own ``substitutions=`` would be the natural tool, but it only
accepts variables that the SELECT projects, which "suppliers of ?entity"
does not; one binding path for both stores also keeps their answers equal.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .errors import QueryError, StoreError
from .namespaces import INTERNAL_GRAPHS

__all__ = ["open_store", "EmbeddedStore", "RemoteStore", "Results", "DEFAULT_STORE", "to_ox_quads", "term_ntriples"]

DEFAULT_STORE = ".kg/store"


@dataclass
class Results:
    """Rows of a SELECT query: ``variables`` in the order the query names them, rows of terms (or None)."""

    variables: list[str]
    rows: list[tuple]

    def dicts(self) -> list[dict]:
        return [dict(zip(self.variables, row)) for row in self.rows]


def open_store(location: str | Path | None = None):
    """An embedded store at a folder (created if missing), or a remote one for an ``http(s)://`` URL."""
    location = str(location or DEFAULT_STORE)
    if location.startswith(("http://", "https://")):
        return RemoteStore(location)
    return EmbeddedStore(location)


def term_ntriples(term) -> str:
    """An RDF term (rdflib or pyoxigraph) in N-Triples/SPARQL syntax."""
    if isinstance(term, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return str(term)
    return str(to_ox_term(term))


def to_ox_term(term):
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def to_ox_quads(graph) -> list:
    """The triples of an rdflib graph as pyoxigraph quads in that graph's name."""
    name = ox.NamedNode(str(graph.identifier))
    return [ox.Quad(to_ox_term(s), to_ox_term(p), to_ox_term(o), name) for s, p, o in graph]


def _insert_data(quads: Iterable) -> str:
    by_graph: dict[str, list[str]] = {}
    for quad in quads:
        by_graph.setdefault(str(quad.graph_name), []).append(
            f"{quad.subject} {quad.predicate} {quad.object} .")
    parts = [f"GRAPH {name} {{\n" + "\n".join(lines) + "\n}" for name, lines in sorted(by_graph.items())]
    return "INSERT DATA {\n" + "\n".join(parts) + "\n}"


class _Base:
    location: str

    def replace_graphs(self, graphs: Mapping[str, list], extra: Iterable = ()) -> None:
        """In one transaction: replace each named graph's content, and add ``extra`` quads."""
        operations = [f"DROP SILENT GRAPH <{name}>" for name in sorted(graphs)]
        quads = [q for name in sorted(graphs) for q in graphs[name]] + list(extra)
        if quads:
            operations.append(_insert_data(quads))
        self.update(" ;\n".join(operations))

    def count(self) -> int:
        """Distinct triples over all graphs (the union), kg's own index (:mod:`kg.names`) left out."""
        internal = ", ".join(f"<{g}>" for g in INTERNAL_GRAPHS)
        results = self.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { "
                             f"GRAPH ?g {{ ?s ?p ?o }} FILTER(?g NOT IN ({internal})) }} }}")
        return int(results.rows[0][0].value)

    def count_quads(self) -> int:
        """Quads in the named graphs, kg's own bookkeeping graphs left out (as in the exports)."""
        internal = ", ".join(f"<{g}>" for g in INTERNAL_GRAPHS)
        results = self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g NOT IN ({internal})) }}")
        return int(results.rows[0][0].value)


class EmbeddedStore(_Base):
    """An on-disk Oxigraph store (pyoxigraph)."""

    def __init__(self, location: str | Path):
        self.location = str(location)
        try:
            Path(self.location).mkdir(parents=True, exist_ok=True)
            self._store = ox.Store(self.location)
        except OSError as e:
            raise StoreError(f"cannot open the store at {self.location}: {e}") from e

    @property
    def oxigraph(self) -> ox.Store:
        return self._store

    def query(self, sparql: str, bindings: Mapping[str, object] | None = None, name: str = "query") -> Results:
        if bindings:
            sparql = _bind_values(sparql, bindings)
        try:
            result = self._store.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as e:
            raise QueryError(f"{name}: SPARQL syntax error: {e}") from e
        except OSError as e:
            raise QueryError(f"{name}: {e}") from e
        if isinstance(result, bool):
            return Results(["ask"], [(ox.Literal("true" if result else "false",
                                                 datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")),)])
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            return Results(variables, [tuple(solution[v] for v in variables) for solution in result])
        # CONSTRUCT / DESCRIBE
        rows = [(t.subject, t.predicate, t.object) for t in result]
        return Results(["subject", "predicate", "object"], rows)

    def update(self, sparql: str) -> None:
        try:
            self._store.update(sparql)
        except SyntaxError as e:
            raise StoreError(f"invalid update: {e}") from e
        except OSError as e:
            raise StoreError(f"cannot write to the store at {self.location}: {e}") from e

    def quads(self) -> Iterator:
        return iter(self._store)

    def rdflib(self):
        """The store as an rdflib Dataset (through oxrdflib), for users who want the rdflib API."""
        from oxrdflib import OxigraphStore
        from rdflib import Dataset

        return Dataset(store=OxigraphStore(store=self._store))

    def flush(self) -> None:
        self._store.flush()

    def close(self) -> None:
        self._store.flush()
        del self._store


class RemoteStore(_Base):
    """A SPARQL 1.1 endpoint (Oxigraph server, Fuseki, GraphDB...) over the standard protocol.

    ``location`` is the server's base URL; queries go to ``/query``, updates to
    ``/update`` and dumps to the graph store endpoint ``/store`` (Oxigraph's
    layout; pass ``query=``/``update=``/``store=`` URLs for other servers).
    Parameters are bound as RDF terms in a ``VALUES`` block. Queries expect the
    default graph to be the union of all graphs, as in the embedded store: start
    Oxigraph with ``--union-default-graph`` (Fuseki: ``tdb2:unionDefaultGraph``).
    """

    def __init__(self, location: str, query: str | None = None, update: str | None = None,
                 store: str | None = None, timeout: float = 60.0):
        base = location.rstrip("/")
        self.location = base
        self.query_url = query or f"{base}/query"
        self.update_url = update or f"{base}/update"
        self.store_url = store or f"{base}/store"
        self.timeout = timeout

    def _request(self, url: str, data: bytes | None, content_type: str | None, accept: str):
        headers = {"Accept": accept}
        if content_type:
            headers["Content-Type"] = content_type
        request = urllib.request.Request(url, data=data, headers=headers, method="POST" if data is not None else "GET")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as e:
            detail = e.read().decode("utf-8", "replace")[:500]
            raise StoreError(f"{url}: HTTP {e.code}: {detail}") from e
        except (urllib.error.URLError, OSError) as e:
            raise StoreError(f"cannot reach the SPARQL endpoint {url}: {e}") from e

    def query(self, sparql: str, bindings: Mapping[str, object] | None = None, name: str = "query") -> Results:
        if bindings:
            sparql = _bind_values(sparql, bindings)
        try:
            body = self._request(self.query_url, sparql.encode("utf-8"), "application/sparql-query",
                                 "application/sparql-results+json")
        except StoreError as e:
            if isinstance(e.__cause__, urllib.error.HTTPError) and e.__cause__.code == 400:
                raise QueryError(f"{name}: {e}") from e  # the endpoint rejected the query
            raise StoreError(f"{name}: {e}") from e  # unreachable or failing endpoint
        data = json.loads(body)
        if "boolean" in data:
            return Results(["ask"], [(ox.Literal(str(data["boolean"]).lower(),
                                                 datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")),)])
        variables = data["head"]["vars"]
        rows = [tuple(_from_json(binding.get(v)) for v in variables) for binding in data["results"]["bindings"]]
        return Results(variables, rows)

    def update(self, sparql: str) -> None:
        self._request(self.update_url, sparql.encode("utf-8"), "application/sparql-update", "*/*")

    def quads(self) -> Iterator:
        body = self._request(self.store_url, None, None, "application/n-quads")
        return iter(ox.parse(body, format=ox.RdfFormat.N_QUADS))

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


def _bind_values(sparql: str, bindings: Mapping[str, object]) -> str:
    """Bind variables with a VALUES block at the top of the outer WHERE group (terms serialized, never pasted)."""
    import re

    names = sorted(bindings)
    values = " ".join(term_ntriples(_ox(bindings[n])) for n in names)
    block = f"VALUES ({' '.join('?' + n for n in names)}) {{ ({values}) }}"
    match = re.search(r"\bWHERE\s*\{", sparql, re.I)
    if match is None:
        raise QueryError("cannot bind parameters: the query has no WHERE clause")
    return f"{sparql[:match.end()]}\n  {block}\n{sparql[match.end():]}"


def _ox(value):
    """A binding value as a pyoxigraph term (rdflib terms and plain strings accepted)."""
    if isinstance(value, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return value
    if isinstance(value, str):
        return ox.Literal(value)
    return to_ox_term(value)


def _from_json(value):
    if value is None:
        return None
    kind = value["type"]
    if kind == "uri":
        return ox.NamedNode(value["value"])
    if kind == "bnode":
        return ox.BlankNode(value["value"])
    if "xml:lang" in value:
        return ox.Literal(value["value"], language=value["xml:lang"])
    if "datatype" in value:
        return ox.Literal(value["value"], datatype=ox.NamedNode(value["datatype"]))
    return ox.Literal(value["value"])
