"""The store: an embedded on-disk Oxigraph store, or any SPARQL 1.1 endpoint.

Both speak the same few operations: replace one named graph atomically, run a
SPARQL query with parameters bound as RDF terms, run an update, dump quads.
An article is written in one transaction: an article new to an embedded store
as pyoxigraph terms (``Store.extend``), a changed one, and every write to an
endpoint, as a single SPARQL update (drop its graph, insert its triples, add
entity descriptions). A failed write leaves nothing half-written.

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
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pyoxigraph as ox

from .errors import Errors, QueryError, StoreError, StoreLocked, StoreMissing, within
from .namespaces import INTERNAL_GRAPHS

__all__ = [
    "open_store",
    "is_remote",
    "check_folder",
    "EmbeddedStore",
    "RemoteStore",
    "Results",
    "DEFAULT_STORE",
    "to_ox_quads",
    "term_ntriples",
    "bind_values",
    "remote_results",
    "from_wire",
]

DEFAULT_STORE = ".kg/store"


@dataclass
class Results:
    """Rows of a query: ``variables`` in the order the query names them, rows of terms (or None)."""

    variables: list[str]
    rows: list[tuple]
    form: str = "select"  # "select", "ask" (one row, one boolean) or "graph" (CONSTRUCT/DESCRIBE: s, p, o rows)

    def dicts(self) -> list[dict]:
        return [dict(zip(self.variables, row)) for row in self.rows]

    def df(self):
        """The rows as a pandas DataFrame with typed columns (see :func:`kg.table.to_pandas`; needs pandas)."""
        from .table import to_pandas

        return to_pandas(self)

    to_pandas = df

    def _repr_html_(self) -> str:
        from .table import results_html

        return results_html(self)


def open_store(location: str | Path | None = None, *, read_only: bool = False):
    """Open the store claims are written to and read from.

    Parameters
    ----------
    location : str or Path, optional
        A folder for an embedded Oxigraph store, or the ``http(s)://`` base URL
        of a SPARQL 1.1 endpoint. Without one: ``$KG_STORE``, else
        :data:`DEFAULT_STORE` (``.kg/store``), as on the command line.
    read_only : bool, default False
        A writer (the default) creates a missing or empty folder; a reader never
        creates anything, and opens the store beside a writer that holds it (it
        sees what was committed when it opened).

    Returns
    -------
    EmbeddedStore or RemoteStore
        Both offer ``query``, ``update``, ``replace_graphs``, ``quads`` and ``count``.

    Raises
    ------
    StoreError
        When the folder cannot be created or opened or holds something other
        than a store (StoreMissing for a reader of a missing store, StoreLocked
        when another writer holds it).

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.TemporaryDirectory()
    >>> store = open_store(folder.name)
    >>> store.count()
    0
    >>> open_store("http://127.0.0.1:7878").query_url  # an endpoint: nothing is contacted yet
    'http://127.0.0.1:7878/query'
    >>> store.close(); folder.cleanup()
    """
    location = str(location or os.environ.get("KG_STORE") or DEFAULT_STORE)
    if is_remote(location):
        return RemoteStore(location)
    return EmbeddedStore(location, read_only=read_only)


def is_remote(location: str | Path) -> bool:
    return str(location).startswith(("http://", "https://"))


# The files every RocksDB folder (so every Oxigraph store) holds.
_STORE_MARKERS = ("CURRENT", "IDENTITY")


def check_folder(location: str | Path, read_only: bool) -> Path:
    """The store folder, checked before RocksDB sees it (RocksDB would create a store anywhere).

    A missing or empty folder is StoreMissing for a reader (a writer creates
    it); a file, or a folder that holds something other than a store, is
    StoreError.
    """
    path = Path(location)
    if path.exists() and not path.is_dir():
        raise StoreError(Errors.E607.format(path=path))
    try:
        entries = sorted(entry.name for entry in path.iterdir()) if path.is_dir() else []
    except OSError as e:
        raise StoreError(Errors.E608.format(path=path, error=e.strerror or e)) from e
    if not entries:
        if read_only:
            raise StoreMissing(Errors.E609.format(path=path))
        return path
    if not any(marker in entries for marker in _STORE_MARKERS):
        shown = ", ".join(entries[:3]) + (", ..." if len(entries) > 3 else "")
        raise StoreError(Errors.E610.format(path=path, shown=shown))
    return path


def _open_error(path: Path, error: BaseException) -> StoreError:
    """One line for a store that RocksDB refused to open."""
    message = _first_line(error)
    if "While lock file" in message:  # RocksDB: "IO error: While lock file: DIR/LOCK: Resource temporarily ..."
        return StoreLocked(Errors.E611.format(path=path, lock=path / "LOCK"))
    return StoreError(Errors.E612.format(path=path, error=message))


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
    raise TypeError(Errors.E905.format(term=term))


def to_ox_quads(graph) -> list:
    """The triples of an rdflib graph as pyoxigraph quads in that graph's name."""
    from rdflib import URIRef

    name = ox.NamedNode(str(graph.identifier))
    nodes: dict = {}  # IRI -> NamedNode: a graph names its nodes and properties many times over

    def term(t):
        if type(t) is not URIRef:
            return to_ox_term(t)
        node = nodes.get(t)
        if node is None:
            node = nodes[t] = ox.NamedNode(str(t))
        return node

    return [ox.Quad(term(s), term(p), term(o), name) for s, p, o in graph]


def _insert_data(quads: Iterable) -> str:
    by_graph: dict[str, list[str]] = {}
    for quad in quads:
        by_graph.setdefault(str(quad.graph_name), []).append(f"{quad.subject} {quad.predicate} {quad.object} .")
    parts = [f"GRAPH {name} {{\n" + "\n".join(lines) + "\n}" for name, lines in sorted(by_graph.items())]
    return "INSERT DATA {\n" + "\n".join(parts) + "\n}"


_XSD_BOOLEAN = ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")


def _results(result) -> Results:
    """pyoxigraph's answer as Results: SELECT rows, ASK one boolean, CONSTRUCT/DESCRIBE triples."""
    if isinstance(result, (bool, ox.QueryBoolean)):
        return Results(["ask"], [(ox.Literal("true" if bool(result) else "false", datatype=_XSD_BOOLEAN),)], "ask")
    if isinstance(result, ox.QuerySolutions):
        # a solution iterates over its values in the order of result.variables (unbound: None), which is
        # more than twice as fast as asking it for each variable by name
        return Results([v.value for v in result.variables], [tuple(solution) for solution in result])
    return Results(["subject", "predicate", "object"], [(t.subject, t.predicate, t.object) for t in result], "graph")


def _wire(keys, result) -> tuple:
    if isinstance(result, ox.QuerySolutions):
        return ("tsv", result.serialize(format=ox.QueryResultsFormat.TSV), keys)
    return ("results", _results(result), None)


def from_wire(payload: tuple) -> Results | None:
    """The Results of :meth:`EmbeddedStore.wire`'s payload, sorted by the ORDER BY it left to the reader;
    None when a sort column holds terms :mod:`kg.order` leaves to the engine (ask again with
    ``engine_order``)."""
    from .order import sort_rows

    kind, data, keys = payload
    if kind == "results":
        return data
    results = _results(ox.parse_query_results(data, format=ox.QueryResultsFormat.TSV))
    return results if keys is None else sort_rows(results, keys)


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


class _Base:
    location: str

    def query(self, sparql: str, bindings: Mapping[str, object] | None = None, name: str = "query") -> Results:
        raise NotImplementedError

    def update(self, sparql: str) -> None:
        raise NotImplementedError

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
        results = self.query(
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { "
            f"GRAPH ?g {{ ?s ?p ?o }} FILTER(?g NOT IN ({internal})) }} }}"
        )
        return int(results.rows[0][0].value)

    def count_quads(self) -> int:
        """Quads in the named graphs, kg's own bookkeeping graphs left out (as in the exports)."""
        internal = ", ".join(f"<{g}>" for g in INTERNAL_GRAPHS)
        results = self.query(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g NOT IN ({internal})) }}"
        )
        return int(results.rows[0][0].value)


class EmbeddedStore(_Base):
    """An on-disk Oxigraph store (pyoxigraph), opened for writing or, with ``read_only``, for reading.

    A read-only store is RocksDB's read-only instance: it takes no lock, so it
    opens beside a writer, and it sees the store as committed when it opened.
    """

    def __init__(self, location: str | Path, read_only: bool = False):
        self.location = str(location)
        self.read_only = read_only
        self._store = self._open()

    def _open(self) -> ox.Store:
        path = check_folder(self.location, self.read_only)
        try:
            if self.read_only:
                return ox.Store.read_only(str(path))
            path.mkdir(parents=True, exist_ok=True)
            return ox.Store(str(path))
        except (OSError, RuntimeError) as e:  # RocksDB: OSError for I/O and the lock, RuntimeError for corruption
            raise _open_error(path, e) from e

    @property
    def oxigraph(self) -> ox.Store:
        return self._store

    def query(
        self, sparql: str, bindings: Mapping[str, object] | None = None, name: str = "query", *, native: bool = True
    ) -> Results:
        """The rows of a query over the union of all graphs; a closing ``ORDER BY`` of plain variables is
        done in Python (:mod:`kg.order`: Oxigraph's own sort decodes terms at every comparison).

        The named query ``all-claims`` (its text, nothing bound) is answered by :mod:`kg.allclaims`, the
        same rows in the same order, unless ``native`` is False.
        """
        from .order import sort_rows
        from .sparql import final_order

        if native and not bindings:
            from .allclaims import all_claims, answers

            if answers(sparql):
                answer = all_claims(self, name)
                if answer is not None:
                    return answer
        if bindings:
            sparql = bind_values(sparql, bindings)
        split = final_order(sparql)
        if split is not None:
            ranked = sort_rows(self.run(split[0], _results, name), split[1])
            if ranked is not None:
                return ranked
        return self.run(sparql, _results, name)

    def wire(self, sparql: str, name: str = "query", engine_order: bool = False) -> tuple:
        """The answer to a query as a child process sends it back (:func:`from_wire` reads it): a SELECT's
        rows as SPARQL TSV bytes (written and read by Oxigraph: pickling 60,000 rows of terms took longer
        than the query), its closing ``ORDER BY`` left to the reader as :meth:`query` does, unless
        ``engine_order``; other answers as Results."""
        from .sparql import final_order

        split = None if engine_order else final_order(sparql)
        return self.run(sparql if split is None else split[0], partial(_wire, split and split[1]), name)

    def run(self, sparql: str, consume, name: str = "query", **options):
        """``consume(answer)`` of pyoxigraph's lazy answer to a query (over the union of all graphs unless
        ``options`` name a dataset), with the engine's errors named in one line."""
        options = options or {"use_default_graph_as_union": True}
        retried = False
        while True:
            try:
                return consume(self._store.query(sparql, **options))
            except SyntaxError as e:
                raise QueryError(Errors.E505.format(name=name, error=e)) from e
            except (OSError, RuntimeError) as e:
                if not retried and self.read_only and "No such file" in str(e):
                    # the writer beside us compacted away a file of our view: look again, once
                    self._store = self._open()
                    retried = True
                    continue
                raise StoreError(Errors.E613.format(name=name, location=self.location, error=_first_line(e))) from e

    def update(self, sparql: str) -> None:
        if self.read_only:
            raise StoreError(Errors.E614.format(location=self.location))
        try:
            self._store.update(sparql)
        except SyntaxError as e:
            raise StoreError(Errors.E602.format(error=e)) from e
        except OSError as e:
            raise StoreError(Errors.E603.format(location=self.location, error=e)) from e

    def replace_graphs(self, graphs: Mapping[str, list], extra: Iterable = ()) -> None:
        """In one transaction: replace each named graph's content, and add ``extra`` quads.

        When none of the graphs is in the store, the quads are added as terms in one transaction
        (``Store.extend``), with no SPARQL text to write and parse; blank nodes, which an ``INSERT DATA``
        makes new, and graphs to replace go through the update.
        """
        extra = list(extra)
        quads = [q for name in sorted(graphs) for q in graphs[name]] + extra
        if (
            self.read_only
            or any(self._store.contains_named_graph(ox.NamedNode(name)) for name in graphs)
            or any(type(q.subject) is ox.BlankNode or type(q.object) is ox.BlankNode for q in quads)
        ):
            super().replace_graphs(graphs, extra)
            return
        try:
            self._store.extend(quads)
        except OSError as e:
            raise StoreError(Errors.E603.format(location=self.location, error=e)) from e

    def quads(self) -> Iterator:
        return iter(self._store)

    def rdflib(self):
        """The store as an rdflib Dataset (through oxrdflib), for users who want the rdflib API."""
        from oxrdflib import OxigraphStore
        from rdflib import Dataset

        return Dataset(store=OxigraphStore(store=self._store))

    def flush(self) -> None:
        if not self.read_only:
            self._store.flush()

    def close(self) -> None:
        self.flush()
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

    def __init__(
        self,
        location: str,
        query: str | None = None,
        update: str | None = None,
        store: str | None = None,
        timeout: float = 60.0,
    ):
        base = location.rstrip("/")
        self.location = base
        self.query_url = query or f"{base}/query"
        self.update_url = update or f"{base}/update"
        self.store_url = store or f"{base}/store"
        self.timeout = timeout

    def _request(self, url: str, data: bytes | None, content_type: str | None, accept: str) -> tuple[bytes, str]:
        """The body and media type of the answer (StoreError for an HTTP error or no answer)."""
        headers = {"Accept": accept}
        if content_type:
            headers["Content-Type"] = content_type
        request = urllib.request.Request(url, data=data, headers=headers, method="POST" if data is not None else "GET")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                media = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
                return response.read(), media
        except urllib.error.HTTPError as e:
            detail = " ".join(e.read().decode("utf-8", "replace")[:500].split())
            raise StoreError(Errors.E604.format(url=url, code=e.code, detail=detail)) from e
        except (urllib.error.URLError, OSError) as e:
            raise StoreError(Errors.E605.format(url=url, error=e)) from e

    def query(self, sparql: str, bindings: Mapping[str, object] | None = None, name: str = "query") -> Results:
        if bindings:
            sparql = bind_values(sparql, bindings)
        try:
            body, media = self._request(
                self.query_url,
                sparql.encode("utf-8"),
                "application/sparql-query",
                "application/sparql-results+json, application/n-triples;q=0.9",
            )
        except StoreError as e:
            if isinstance(e.__cause__, urllib.error.HTTPError) and e.__cause__.code == 400:
                raise QueryError(within(name, e)) from e  # the endpoint rejected the query
            raise StoreError(within(name, e)) from e  # unreachable or failing endpoint
        results = remote_results(body, media, f"{name}: {self.query_url}")
        # rows tied on every ORDER BY key in the order the embedded store gives them (kg.order): the same
        # answer from either store (a sorted answer sorts again in a few milliseconds)
        from .order import sort_rows
        from .sparql import final_order

        split = final_order(sparql)
        ranked = sort_rows(results, split[1]) if split is not None and results.form == "select" else None
        return ranked if ranked is not None else results

    def update(self, sparql: str) -> None:
        self._request(self.update_url, sparql.encode("utf-8"), "application/sparql-update", "*/*")

    def quads(self) -> Iterator:
        body, media = self._request(self.store_url, None, None, "application/n-quads")
        if media and media not in ("application/n-quads", "text/x-nquads", "application/n-triples", "text/plain"):
            raise StoreError(Errors.E615.format(url=self.store_url, media=media, snippet=_snippet(body)))
        try:
            return iter(list(ox.parse(body, format=ox.RdfFormat.N_QUADS)))
        except SyntaxError as e:
            raise StoreError(Errors.E616.format(url=self.store_url, size=len(body), error=_first_line(e))) from e

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


def bind_values(sparql: str, bindings: Mapping[str, object]) -> str:
    """Bind variables with a VALUES block at the top of the outer WHERE group (terms serialized, never pasted)."""
    import re

    from .sparql import is_variable_name

    names = sorted(bindings)
    for name in names:
        if not is_variable_name(name):
            raise QueryError(Errors.E508.format(name=name))
    values = " ".join(term_ntriples(_ox(bindings[n])) for n in names)
    block = f"VALUES ({' '.join('?' + n for n in names)}) {{ ({values}) }}"
    match = re.search(r"\bWHERE\s*\{", sparql, re.I)
    if match is None:
        raise QueryError(Errors.E507)
    return f"{sparql[: match.end()]}\n  {block}\n{sparql[match.end() :]}"


def _ox(value):
    """A binding value as a pyoxigraph term (rdflib terms and plain strings accepted)."""
    if isinstance(value, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return value
    if isinstance(value, str):
        return ox.Literal(value)
    return to_ox_term(value)


_JSON_RESULTS = ("application/sparql-results+json", "application/json")
_TRIPLES = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/turtle": ox.RdfFormat.TURTLE}


def _snippet(body: bytes) -> str:
    text = " ".join(body[:60].decode("utf-8", "replace").split())
    return repr(text + ("..." if len(body) > 60 else ""))


def remote_results(body: bytes, media: str, where: str) -> Results:
    """An endpoint's answer as Results; StoreError (one line) for anything that is not SPARQL results.

    >>> remote_results(b'<html><body>Welcome</body></html>', "text/html", "http://x/query").rows
    Traceback (most recent call last):
    ...
    kg.errors.StoreError: http://x/query answered text/html ('<html><body>Welcome</body></html>'), not SPARQL results [E618]
    >>> cut = b'{"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"ty'
    >>> remote_results(cut, "application/sparql-results+json", "http://x/query").rows
    Traceback (most recent call last):
    ...
    kg.errors.StoreError: http://x/query answered truncated or invalid JSON (61 bytes), not SPARQL results [E619]
    """
    if media in _TRIPLES:
        try:
            triples = list(ox.parse(body, format=_TRIPLES[media]))
        except SyntaxError as e:
            raise StoreError(Errors.E617.format(where=where, media=media, size=len(body))) from e
        return Results(
            ["subject", "predicate", "object"], [(t.subject, t.predicate, t.object) for t in triples], "graph"
        )
    if media not in _JSON_RESULTS:
        raise StoreError(Errors.E618.format(where=where, media=media or "no content type", snippet=_snippet(body)))
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as e:
        raise StoreError(Errors.E619.format(where=where, size=len(body))) from e
    try:
        if isinstance(data.get("boolean"), bool):
            return Results(["ask"], [(ox.Literal(str(data["boolean"]).lower(), datatype=_XSD_BOOLEAN),)], "ask")
        variables = list(data["head"]["vars"])
        rows = [tuple(_from_json(binding.get(v)) for v in variables) for binding in data["results"]["bindings"]]
    except (AttributeError, KeyError, TypeError, ValueError) as e:
        raise StoreError(Errors.E620.format(where=where, snippet=_snippet(body))) from e
    return Results(variables, rows)


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
