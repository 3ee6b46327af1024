"""A query's closing ``ORDER BY`` done in Python, where Oxigraph's own sort is slow.

Oxigraph sorts a result by comparing terms it decodes from the store at each
comparison: for 60,000 claims ordered by article and claim IRI that is most of
the query (about 8 of 11 s at a million quads, measured in ``bench/queries.py``;
the same rows unsorted take 3 s). Sorting the decoded rows in Python takes a
fraction of a second. So the embedded store runs a SELECT whose text ends with
``ORDER BY`` plain variables (:func:`kg.sparql.final_order`) without that
clause and sorts the rows here, in the order SPARQL defines and Oxigraph
follows: unbound first, then IRIs by their text, then literals; within a
column, literals of one kind compared by value.

Only columns this module orders exactly as Oxigraph does are sorted here:
IRIs, plain strings, integers and decimals (by value), and dates without a
time zone. A sort column holding anything else (a blank node, a language
tag, a double, a date with a time zone, literals of two kinds) makes
:func:`sort_rows` answer None, and the store runs the query with its
``ORDER BY`` as written. Rows the keys do not tell apart, which SPARQL leaves
in any order, are put in the order of their whole row, so the same store
always gives the same rows in the same order; an endpoint's sorted answer
(:class:`kg.store.RemoteStore`) is sorted again here, so that both stores
give the same order.

    >>> import pyoxigraph as ox
    >>> from kg.store import Results
    >>> rows = [(ox.Literal("2", datatype=ox.NamedNode(XSD + "integer")), ox.NamedNode("urn:b")),
    ...         (ox.Literal("10", datatype=ox.NamedNode(XSD + "integer")), ox.NamedNode("urn:a")),
    ...         (None, ox.NamedNode("urn:c"))]
    >>> [r[1].value for r in sort_rows(Results(["n", "e"], rows), (("n", True),)).rows]
    ['urn:a', 'urn:b', 'urn:c']
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pyoxigraph as ox

__all__ = ["sort_rows", "XSD"]

XSD = "http://www.w3.org/2001/XMLSchema#"
_STRING, _INTEGER, _DECIMAL, _DATE = (XSD + t for t in ("string", "integer", "decimal", "date"))
_INTEGER_TEXT = re.compile(r"[+-]?[0-9]+")
_DECIMAL_TEXT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_DATE_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class _Unsure(Exception):
    """A term this module cannot order exactly as Oxigraph does."""


def _literal_key(term: ox.Literal) -> tuple[str, object]:
    """(kind, value compared within the kind) of a literal; _Unsure for one left to the engine."""
    if term.language:
        raise _Unsure
    datatype = term.datatype.value
    value = term.value
    if datatype == _STRING:
        return "string", value
    if datatype == _INTEGER and _INTEGER_TEXT.fullmatch(value):
        return "number", Decimal(value)
    if datatype == _DECIMAL and _DECIMAL_TEXT.fullmatch(value):
        return "number", Decimal(value)
    if datatype == _DATE and _DATE_TEXT.fullmatch(value):
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            raise _Unsure from None
        return "date", value
    raise _Unsure


def _column_keys(column: list) -> list[tuple]:
    """Sort keys of one column's terms (unbound < IRI < literal); _Unsure if the column mixes
    literals of two kinds or holds a term left to the engine."""
    keys: list[tuple] = []
    kinds: set[str] = set()
    for term in column:
        if term is None:
            keys.append((0,))
        elif isinstance(term, ox.NamedNode):
            keys.append((1, term.value))
        elif isinstance(term, ox.Literal):
            kind, value = _literal_key(term)
            kinds.add(kind)
            keys.append((2, value))
        else:
            raise _Unsure  # a blank node (or a triple term)
    if len(kinds) > 1:
        raise _Unsure
    return keys


def _row_key(row: tuple) -> tuple:
    """A total order on whole rows, for rows the sort keys leave tied."""
    return tuple(
        (0, "", "", "")
        if term is None
        else (1, term.value, "", "")
        if isinstance(term, ox.NamedNode)
        else (3, term.datatype.value, term.language or "", term.value)
        if isinstance(term, ox.Literal)
        else (2, str(term), "", "")
        for term in row
    )


def sort_rows(results, keys: tuple[tuple[str, bool], ...]):
    """The results sorted by ``keys`` ((variable, descending) pairs, the first the most significant),
    or None when a key is not a column of the results or a column holds terms left to the engine."""
    if any(name not in results.variables for name, _ in keys):
        return None
    rows = results.rows
    try:
        columns = [(_column_keys([row[results.variables.index(name)] for row in rows]), down) for name, down in keys]
    except _Unsure:
        return None
    order = list(range(len(rows)))
    for column, descending in reversed(columns):  # stable sorts, the least significant key first
        order.sort(key=column.__getitem__, reverse=descending)
    ranked = [rows[i] for i in _untie(order, [c for c, _ in columns], rows)]
    return type(results)(results.variables, ranked, results.form)


def _untie(order: list[int], columns: list[list[tuple]], rows: list) -> list[int]:
    """``order`` with each run of rows equal on every key put in the order of their whole rows."""
    keys = list(zip(*columns))  # each row's keys as one tuple: compared in one step
    out: list[int] = []
    start = 0
    for end in range(1, len(order) + 1):
        if end < len(order) and keys[order[end]] == keys[order[start]]:
            continue
        if end - start > 1:
            run = order[start:end]
            run.sort(key=lambda i: _row_key(rows[i]))
            out += run
        else:
            out.append(order[start])
        start = end
    return out
