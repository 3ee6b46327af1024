"""SPARQL over the store: ad-hoc queries and the named queries of ``ontology/queries/``.

A named query is a ``.rq`` file whose header comments give its name, what it
answers and its parameters::

    # name: suppliers
    # description: Who supplies an entity ...
    # param: entity entity  The entity supplied (a name, alias or IRI)

A parameter of kind ``entity`` is looked up by name or alias (case and
punctuation ignored) and bound as the entity's IRI; one of kind ``literal`` is
bound as a plain literal. Values are always bound as RDF terms, never pasted
into the query text.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from .errors import Errors, QueryError
from .namespaces import PREFIXES
from .store import Results

__all__ = [
    "NamedQuery",
    "named_queries",
    "run_named",
    "run_query",
    "named_bindings",
    "param_bindings",
    "find_entities",
    "format_results",
    "results_csv",
    "write_csv",
    "render",
]

_HEADER = re.compile(r"^#\s*(name|description|param)\s*:\s*(.*)$")


@dataclass(frozen=True)
class Param:
    name: str
    kind: str  # "entity" or "literal"
    help: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: tuple[Param, ...]
    sparql: str
    path: str


@cache
def _load_queries(folder: str) -> dict[str, NamedQuery]:
    queries = {}
    for path in sorted(Path(folder).glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        name, description, params = path.stem, "", []
        for line in text.splitlines():
            match = _HEADER.match(line.strip())
            if not match:
                continue
            key, value = match.groups()
            if key == "name":
                name = value.strip()
            elif key == "description":
                description = (description + " " + value.strip()).strip()
            else:
                parts = value.split(None, 2)
                if len(parts) < 2 or parts[1] not in ("entity", "literal"):
                    raise QueryError(Errors.E504.format(path=path, line=line.strip()))
                params.append(Param(parts[0], parts[1], parts[2] if len(parts) > 2 else ""))
        queries[name] = NamedQuery(name, description, tuple(params), text, str(path))
    return queries


def named_queries(folder: str | Path | None = None) -> dict[str, NamedQuery]:
    """The named queries, by name."""
    if folder is None:
        from .paths import ontology_dir

        folder = ontology_dir() / "queries"
    return _load_queries(str(Path(folder).resolve()))


def find_entities(store, name: str) -> list[tuple[str, str]]:
    """Entities whose label or alternative label is ``name`` (normalised): (IRI, label) pairs, sorted.

    An IRI (``<...>`` or ``http...``) is taken as it is. Looked up in the name index (:mod:`kg.names`).
    """
    from .names import as_iri, matches

    iri = as_iri(name)
    if iri is not None:
        return [(iri, iri)]
    return sorted({(m.iri, m.label) for m in matches(store, name)})


def resolve_entity(store, name: str) -> str:
    """The IRI of the entity named ``name`` (:func:`kg.names.lookup`): NodeNotFound with suggestions if
    none, AmbiguousName listing them if several."""
    from .names import lookup

    return lookup(store, name)


def run_named(store, name: str, params: dict[str, str] | None = None) -> Results:
    r"""Run a named query of ``ontology/queries/`` with its parameters.

    Parameters
    ----------
    store : EmbeddedStore or RemoteStore
        The store to query.
    name : str
        The query's name (``kg query --list`` shows them).
    params : dict of str to str, optional
        Parameter values: an entity parameter takes a name or alias (case and
        punctuation ignored) or an IRI, resolved to the entity's IRI; every
        value is bound as an RDF term, never pasted into the query.

    Returns
    -------
    Results
        ``variables`` in the order the query names them and ``rows`` of pyoxigraph terms (None when unbound).

    Raises
    ------
    QueryError
        For an unknown query, an unknown or missing parameter, or a query that fails.
    NodeNotFound
        When an entity parameter names no entity (with suggestions).

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from kg.pipeline import ingest
    >>> from kg.store import open_store
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a1.txt").write_text("3 March 2024\n\nT\n\nMAZ and KAMAZ signed an agreement.\n")
    >>> store = open_store(folder / "store")
    >>> _ = ingest([folder / "a1.txt"], store)
    >>> results = run_named(store, "partners", {"entity": "kamaz"})
    >>> results.variables[:2], [row[0].value for row in results.rows]
    (['partner', 'relation'], ['MAZ'])
    >>> run_named(store, "partner")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: no named query 'partner'; did you mean partners? (kg query --list shows them) [E501]
    """
    sparql, bindings = named_bindings(store, name, params)
    return store.query(sparql, bindings, name=name)


def named_bindings(store, name: str, params: dict[str, str] | None = None) -> tuple[str, dict]:
    """The text of a named query and its parameters as RDF terms, entity names looked up in ``store``:
    what :func:`run_named` runs (QueryError and NodeNotFound as it raises them)."""
    queries = named_queries()
    if name not in queries:
        close = difflib.get_close_matches(name, list(queries), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise QueryError(Errors.E501.format(name=name, hint=hint))
    query = queries[name]
    params = dict(params or {})
    unknown = set(params) - {p.name for p in query.params}
    if unknown:
        raise QueryError(
            Errors.E502.format(
                name=name, unknown=", ".join(sorted(unknown)), known=", ".join(p.name for p in query.params) or "none"
            )
        )
    bindings = {}
    for param in query.params:
        if param.name not in params:
            raise QueryError(Errors.E503.format(name=name, param=param.name, help=param.help))
        value = params[param.name]
        bindings[param.name] = (
            _iri(resolve_entity(store, value), param.name) if param.kind == "entity" else ox.Literal(value)
        )
    return query.sparql, bindings


def run_query(store, sparql: str, params: dict[str, str] | None = None, name: str = "query") -> Results:
    """Run a SPARQL query over the union of the store's graphs.

    Parameters
    ----------
    store : EmbeddedStore or RemoteStore
        The store to query.
    sparql : str
        The query (SELECT, ASK, CONSTRUCT or DESCRIBE), with its own PREFIX declarations.
    params : dict of str to str, optional
        Variables to bind: a value in angle brackets (``<https://...>``) as an
        IRI, any other as a plain literal; bound as RDF terms, never pasted.
    name : str, default "query"
        What error messages call the query.

    Returns
    -------
    Results
        ``variables`` in the order the query names them and ``rows`` of pyoxigraph terms.

    Raises
    ------
    QueryError
        When the query does not parse or fails, naming it.

    Examples
    --------
    >>> import tempfile
    >>> from kg.store import open_store
    >>> store = open_store(tempfile.mkdtemp())
    >>> store.update('INSERT DATA { <urn:a> <urn:label> "KAMAZ" }')
    >>> [row[0].value for row in run_query(store, "SELECT ?e WHERE { ?e <urn:label> ?name }", {"name": "KAMAZ"}).rows]
    ['urn:a']
    >>> run_query(store, "SELECT ?e WHERE {", name="broken")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: broken: SPARQL syntax error: ...
    """
    return store.query(sparql, param_bindings(params), name=name)


def param_bindings(params: dict[str, str] | None) -> dict[str, object]:
    """:func:`run_query`'s parameters as RDF terms: ``<...>`` an IRI, any other value a plain literal."""
    bindings: dict[str, object] = {}
    for key, value in (params or {}).items():
        if value.startswith("<") and value.endswith(">"):
            bindings[key] = _iri(value[1:-1], key)
        else:
            bindings[key] = ox.Literal(value)
    return bindings


def _iri(value: str, param: str) -> ox.NamedNode:
    """The IRI a parameter names; QueryError (one line) for one that is no IRI.

    >>> _iri("http://example.org/a b", "entity")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: parameter entity: 'http://example.org/a b' is not a valid IRI [E509]
    """
    try:
        return ox.NamedNode(value)
    except ValueError as e:
        raise QueryError(Errors.E509.format(param=param, value=value)) from e


def _display(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        value = term.value
        for prefix, namespace in PREFIXES.items():
            if value.startswith(namespace) and re.fullmatch(r"[A-Za-z0-9_.%-]*", value[len(namespace) :]):
                return f"{prefix}:{value[len(namespace) :]}"
        return f"<{value}>"
    return term.value


def results_csv(results: Results) -> str:
    """Rows as CSV, the one CSV writer of ``kg query`` and ``kg export``: a header of the query's variables,
    IRIs written whole (so that they join the node ids of GraphML and GEXF), literals as their values.

    >>> print(results_csv(Results(["e", "n"], [(ox.NamedNode("https://w3id.org/kg-trade/entity/maz"),
    ...                                          ox.Literal("MAZ, Minsk"))])), end="")
    e,n
    https://w3id.org/kg-trade/entity/maz,"MAZ, Minsk"
    """
    buffer = io.StringIO()
    write_csv(results, buffer)
    return buffer.getvalue()


def write_csv(results: Results, stream) -> None:
    """:func:`results_csv` written to a text stream as it goes (60,000 rows are not first gathered into
    one string).

    A row none of whose values holds a comma, a quote or a line break is written as its values joined by
    commas, which is what :mod:`csv` writes for it, at a fraction of the cost; any other row is written
    by :mod:`csv` (tested against it on any text: ``tests/test_allclaims.py``).
    """
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(results.variables)
    commas = len(results.variables) - 1
    plain: list[str] = []  # lines not yet written, a few thousand at a time
    for row in results.rows:
        values = ["" if term is None else term.value for term in row]
        line = ",".join(values)
        if line and line.count(",") == commas and '"' not in line and "\n" not in line and "\r" not in line:
            plain.append(line)
            if len(plain) == 2000:
                stream.write("\n".join(plain) + "\n")
                plain = []
            continue
        if plain:
            stream.write("\n".join(plain) + "\n")
            plain = []
        writer.writerow(values)  # quoted where a value needs it ("" alone on a line for one empty value)
    if plain:
        stream.write("\n".join(plain) + "\n")


def format_results(results: Results, fmt: str = "table") -> str:
    """Rows as an aligned text table, CSV, or SPARQL 1.1 JSON results; columns in the query's order.

    An ASK answer is ``true`` or ``false`` (SPARQL JSON's ``boolean`` with ``json``); a CONSTRUCT or
    DESCRIBE graph is Turtle, sorted (JSON-LD with ``json``).
    """
    if results.form == "ask":
        answer = results.rows[0][0].value == "true"
        return json.dumps({"head": {}, "boolean": answer}) if fmt == "json" else str(answer).lower()
    if results.form == "graph":
        triples = sorted({ox.Triple(*row) for row in results.rows}, key=lambda t: tuple(map(str, t)))
        if fmt == "json":
            return _text(ox.serialize(triples, format=ox.RdfFormat.JSON_LD))
        return _text(ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)).rstrip("\n")
    if fmt == "json":
        bindings = []
        for row in results.rows:
            binding = {}
            for var, term in zip(results.variables, row):
                if term is None:
                    continue
                if isinstance(term, ox.NamedNode):
                    binding[var] = {"type": "uri", "value": term.value}
                elif isinstance(term, ox.BlankNode):
                    binding[var] = {"type": "bnode", "value": term.value}
                else:
                    item = {"type": "literal", "value": term.value}
                    if term.language:
                        item["xml:lang"] = term.language
                    elif term.datatype and term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
                        item["datatype"] = term.datatype.value
                    binding[var] = item
            bindings.append(binding)
        return json.dumps(
            {"head": {"vars": results.variables}, "results": {"bindings": bindings}}, indent=2, ensure_ascii=False
        )
    if fmt == "csv":
        return results_csv(results).rstrip("\n")
    if fmt != "table":
        raise ValueError(Errors.E902.format(fmt=fmt))
    cells = [[_display(t) for t in row] for row in results.rows]
    cells = [[c if len(c) <= 80 else c[:77] + "..." for c in row] for row in cells]
    widths = [max([len(v)] + [len(row[i]) for row in cells]) for i, v in enumerate(results.variables)]
    lines = [
        "  ".join(v.ljust(w) for v, w in zip(results.variables, widths)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines)


def render(results: Results, fmt: str = "table") -> str:
    """The text ``kg query --format FMT`` writes: a SELECT's rows as CSV (:func:`results_csv`), or
    :func:`format_results` and a line end."""
    if fmt == "csv" and results.form == "select":
        return results_csv(results)
    return format_results(results, fmt) + "\n"


def _text(data: bytes | None) -> str:
    """What ``ox.serialize`` returns when given no output file: the bytes, as text."""
    assert data is not None
    return data.decode("utf-8")
