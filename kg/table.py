"""Query results for notebooks: typed Python values, a pandas DataFrame, an HTML table.

pandas is optional (``pip install 'kg[notebook]'``); :func:`python_value` and :func:`results_html`
need nothing beyond the standard library.

>>> import pyoxigraph as ox
>>> python_value(ox.Literal("2023-02-20", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")))
datetime.date(2023, 2, 20)
>>> python_value(ox.Literal("0.66", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")))
0.66
"""

from __future__ import annotations

import datetime as dt
import html

import pyoxigraph as ox

from .errors import Errors, KgError

__all__ = ["python_value", "to_pandas", "results_html"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {
    _XSD + t
    for t in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
}
_FLOATS = {_XSD + t for t in ("decimal", "double", "float")}
_ROWS = 50  # rows shown by the HTML table


def python_value(term):
    """An RDF term as a Python value: numbers as int or float, xsd:date as date, xsd:dateTime as datetime,
    xsd:boolean as bool, IRIs and other literals as str, an unbound variable as None."""
    if term is None:
        return None
    if not isinstance(term, ox.Literal):
        return term.value
    datatype = term.datatype.value if term.datatype is not None else ""
    try:
        if datatype in _INTEGERS:
            return int(term.value)
        if datatype in _FLOATS:
            return float(term.value)
        if datatype == _XSD + "date":
            return dt.date.fromisoformat(term.value[:10])
        if datatype == _XSD + "dateTime":
            return dt.datetime.fromisoformat(term.value.replace("Z", "+00:00"))
        if datatype == _XSD + "boolean":
            return term.value in ("true", "1")
    except ValueError:
        return term.value  # an ill-typed literal keeps its text
    return term.value


def to_pandas(results):
    """A DataFrame with the query's columns in order: integers as Int64, other numbers as float, dates as
    datetime64, booleans as boolean, the rest as str (missing values are NA).

    Raises KgError naming the extra when pandas is not installed.
    """
    try:
        import pandas as pd
    except ImportError as e:
        raise KgError(Errors.E705) from e
    columns = {}
    for position, name in enumerate(results.variables):
        values = [python_value(row[position]) for row in results.rows]
        present = [v for v in values if v is not None]
        kinds = {type(v) for v in present}
        if kinds == {bool}:
            columns[name] = pd.array(values, dtype="boolean")
        elif kinds == {int}:
            columns[name] = pd.array(values, dtype="Int64")
        elif kinds and kinds <= {int, float}:
            columns[name] = pd.array([float("nan") if v is None else float(v) for v in values], dtype="float64")
        elif kinds and kinds <= {dt.date, dt.datetime}:
            columns[name] = pd.to_datetime(pd.Series(values, dtype="object"))
        else:
            columns[name] = pd.Series(values, dtype="object")
    return pd.DataFrame(
        {name: pd.Series(column).reset_index(drop=True) for name, column in columns.items()},
        columns=list(results.variables),
    )


def results_html(results, limit: int = _ROWS) -> str:
    """The results as an HTML table (the first ``limit`` rows), every value escaped."""
    head = "".join(f"<th>{html.escape(v)}</th>" for v in results.variables)
    rows = []
    for row in results.rows[:limit]:
        cells = "".join(f"<td>{html.escape('' if t is None else str(python_value(t)))}</td>" for t in row)
        rows.append(f"<tr>{cells}</tr>")
    more = len(results.rows) - limit
    foot = (
        f"<p>{more} more row(s); {len(results.rows)} in all</p>" if more > 0 else f"<p>{len(results.rows)} row(s)</p>"
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{foot}"
