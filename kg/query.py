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

from .errors import QueryError
from .store import Results
from .namespaces import PREFIXES

__all__ = ["NamedQuery", "named_queries", "run_named", "run_query", "find_entities", "format_results"]

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
                    raise QueryError(f"{path}: bad param line {line.strip()!r} (expected '# param: NAME entity|literal HELP')")
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
    """Run a named query with its parameters (names are resolved to entity IRIs)."""
    queries = named_queries()
    if name not in queries:
        close = difflib.get_close_matches(name, list(queries), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise QueryError(f"no named query {name!r}{hint} (kg query --list shows them)")
    query = queries[name]
    params = dict(params or {})
    unknown = set(params) - {p.name for p in query.params}
    if unknown:
        raise QueryError(f"{name}: unknown parameter(s) {', '.join(sorted(unknown))}; "
                         f"it takes {', '.join(p.name for p in query.params) or 'none'}")
    bindings = {}
    for param in query.params:
        if param.name not in params:
            raise QueryError(f"{name}: missing parameter {param.name!r} ({param.help})")
        value = params[param.name]
        bindings[param.name] = ox.NamedNode(resolve_entity(store, value)) if param.kind == "entity" \
            else ox.Literal(value)
    return store.query(query.sparql, bindings, name=name)


def run_query(store, sparql: str, params: dict[str, str] | None = None, name: str = "query") -> Results:
    """An ad-hoc query; each ``name=value`` parameter is bound as a literal, or an IRI if it looks like one."""
    bindings = {}
    for key, value in (params or {}).items():
        if value.startswith("<") and value.endswith(">"):
            bindings[key] = ox.NamedNode(value[1:-1])
        else:
            bindings[key] = ox.Literal(value)
    return store.query(sparql, bindings, name=name)


def _display(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        value = term.value
        for prefix, namespace in PREFIXES.items():
            if value.startswith(namespace) and re.fullmatch(r"[A-Za-z0-9_.%-]*", value[len(namespace):]):
                return f"{prefix}:{value[len(namespace):]}"
        return f"<{value}>"
    return term.value


def format_results(results: Results, fmt: str = "table") -> str:
    """Rows as an aligned text table, CSV, or SPARQL 1.1 JSON results; columns in the query's order."""
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
        return json.dumps({"head": {"vars": results.variables}, "results": {"bindings": bindings}},
                          indent=2, ensure_ascii=False)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(results.variables)
        for row in results.rows:
            writer.writerow([_display(t) for t in row])
        return buffer.getvalue().rstrip("\n")
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r} (expected table, csv or json)")
    cells = [[_display(t) for t in row] for row in results.rows]
    cells = [[c if len(c) <= 80 else c[:77] + "..." for c in row] for row in cells]
    widths = [max([len(v)] + [len(row[i]) for row in cells]) for i, v in enumerate(results.variables)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(results.variables, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines)
