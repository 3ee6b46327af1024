"""What a SPARQL text asks for, read without running it: its form, SERVICE calls, FROM graphs, names.

A small lexer skips comments, strings and IRIs, so that a keyword inside a
literal (``"SERVICE"``) or a prefixed name (``ex:service``) is no keyword.
It over-refuses rather than under-refuses: it is the gate in front of the
engine, and the engine still parses the query itself.

    >>> query_form("PREFIX ex: <http://e/> ASK { ex:a ?p ?o }")
    'ask'
    >>> uses_service('SELECT * WHERE { ?s ?p "SERVICE" } # SERVICE')
    False
    >>> uses_service("SELECT * WHERE { service <http://evil/> { ?s ?p ?o } }")
    True
    >>> dataset_iris("PREFIX g: <http://g/> SELECT * FROM g:one FROM NAMED <http://g/two> WHERE { ?s ?p ?o }")
    [('FROM', 'http://g/one'), ('FROM NAMED', 'http://g/two')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = [
    "tokens",
    "query_form",
    "uses_service",
    "dataset_iris",
    "is_variable_name",
    "final_order",
    "UPDATE_KEYWORDS",
]

_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"(?:[^\\]|\\.)*?\"\"\"|'''(?:[^\\]|\\.)*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
  | (?P<pname>(?:[A-Za-z_\u00c0-\uffff][\w.\-\u00b7\u00c0-\uffff]*)?:(?:[\w\-:%.\u00b7\u00c0-\uffff]|\\.)*)
  | (?P<word>[A-Za-z_][\w]*)
  | (?P<space>\s+)
  | (?P<other>.)
""",
    re.X | re.S,
)

_FORMS = {"SELECT": "select", "ASK": "ask", "CONSTRUCT": "construct", "DESCRIBE": "describe"}
UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})
_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def tokens(sparql: str) -> Iterator[tuple[str, str]]:
    """(kind, text) of each token but comments and white space: word, pname, iri, var, string, other."""
    for match in _TOKEN.finditer(sparql):
        kind = match.lastgroup or "other"  # every alternative of the pattern is a named group
        if kind not in ("comment", "space"):
            yield kind, match.group()


def query_form(sparql: str) -> str | None:
    """'select', 'ask', 'construct', 'describe', 'update' (the first keyword after the prologue), or None."""
    for kind, text in tokens(sparql):
        if kind != "word":
            continue
        word = text.upper()
        if word in _FORMS:
            return _FORMS[word]
        if word in UPDATE_KEYWORDS:
            return "update"
        if word not in ("PREFIX", "BASE"):
            return None
    return None


def uses_service(sparql: str) -> bool:
    """Whether the text holds a SERVICE keyword (a federated call to another endpoint)."""
    return any(kind == "word" and text.upper() == "SERVICE" for kind, text in tokens(sparql))


def dataset_iris(sparql: str) -> list[tuple[str, str]]:
    """The graphs a query's FROM and FROM NAMED clauses name, prefixed names expanded.

    A relative IRI or an unknown prefix comes back as written (so it matches no graph of the store).
    """
    prefixes: dict[str, str] = {}
    found = []
    items = list(tokens(sparql))
    for i, (kind, text) in enumerate(items):
        word = text.upper() if kind == "word" else ""
        if word == "PREFIX" and i + 2 < len(items) and items[i + 1][0] == "pname" and items[i + 2][0] == "iri":
            prefixes[items[i + 1][1].rstrip(":")] = items[i + 2][1][1:-1]
        if word != "FROM" or i + 1 >= len(items):
            continue
        clause, j = "FROM", i + 1
        if items[j][0] == "word" and items[j][1].upper() == "NAMED":
            clause, j = "FROM NAMED", j + 1
        if j >= len(items):
            continue
        kind_j, text_j = items[j]
        if kind_j == "iri":
            found.append((clause, text_j[1:-1]))
        elif kind_j == "pname":
            prefix, _, local = text_j.partition(":")
            found.append((clause, prefixes[prefix] + local if prefix in prefixes else text_j))
    return found


def is_variable_name(name: str) -> bool:
    """Whether ``name`` can be bound as ``?name`` (ASCII letters, digits and '_', not a digit first).

    >>> is_variable_name("entity"), is_variable_name("x } ; DROP ALL #")
    (True, False)
    """
    return bool(_VARIABLE.fullmatch(name))


def final_order(sparql: str) -> tuple[str, tuple[tuple[str, bool], ...]] | None:
    """A SELECT query's closing ``ORDER BY`` of plain variables, split off: (the text before it, the
    keys as (variable, descending) pairs), or None when the query ends otherwise (no ORDER BY, an
    expression among the keys, a LIMIT or OFFSET after it, not a SELECT).

    >>> final_order("SELECT ?a ?n WHERE { ?a ?p ?n } ORDER BY DESC(?n) ?a # most first")
    ('SELECT ?a ?n WHERE { ?a ?p ?n } ', (('n', True), ('a', False)))
    >>> final_order("SELECT ?a WHERE { ?a ?p ?n } ORDER BY ?a LIMIT 3") is None
    True
    """
    if query_form(sparql) != "select":
        return None
    found = [(m.lastgroup, m.group(), m.start()) for m in _TOKEN.finditer(sparql)]
    items = [item for item in found if item[0] not in ("comment", "space")]
    keys: list[tuple[str, bool]] = []
    i = len(items) - 1
    while i >= 0:
        kind, text, _ = items[i]
        if kind == "var":
            keys.append((text[1:], False))
            i -= 1
        elif (
            text == ")"
            and i >= 3
            and items[i - 1][0] == "var"
            and items[i - 2][1] == "("
            and items[i - 3][0] == "word"
            and items[i - 3][1].upper() in ("ASC", "DESC")
        ):
            keys.append((items[i - 1][1][1:], items[i - 3][1].upper() == "DESC"))
            i -= 4
        else:
            break
    if not keys or i < 1 or [t.upper() for k, t, _ in items[i - 1 : i + 1] if k == "word"] != ["ORDER", "BY"]:
        return None
    depth = 0
    for kind, text, _ in items[: i - 1]:
        if kind == "other":
            depth += {"{": 1, "}": -1}.get(text, 0)
    if depth != 0:  # a subquery's ORDER BY (the outer query's would follow its closing brace)
        return None
    return sparql[: items[i - 1][2]], tuple(reversed(keys))
