"""A closing ORDER BY done in Python (kg.order) orders rows as Oxigraph's own ORDER BY does."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.order import XSD, sort_rows
from kg.sparql import final_order
from kg.store import EmbeddedStore, Results, _results

_iris = st.sampled_from(["urn:a", "urn:b", "urn:a:b", "http://x/é", "http://x/Z", "urn:ab"]).map(ox.NamedNode)
_strings = st.text(alphabet="abAB é☃0 ", max_size=4).map(ox.Literal)
_integers = st.integers(-20, 20).map(lambda n: ox.Literal(str(n), datatype=ox.NamedNode(XSD + "integer")))
_decimals = st.sampled_from(["0.5", "1.0", "1", "-2.25", "10", ".5", "0.50"]).map(
    lambda v: ox.Literal(v, datatype=ox.NamedNode(XSD + "decimal"))
)
_dates = st.sampled_from(["2024-01-02", "2023-12-31", "2024-01-10", "1999-05-05"]).map(
    lambda v: ox.Literal(v, datatype=ox.NamedNode(XSD + "date"))
)
# left to the engine: a language tag, a double, a date with a time zone, a boolean (a blank node too, which
# VALUES cannot hold: see test_a_blank_node_is_left_to_the_engine)
_unsure = st.sampled_from(
    [
        ox.Literal("a", language="en"),
        ox.Literal("1e3", datatype=ox.NamedNode(XSD + "double")),
        ox.Literal("2024-01-02Z", datatype=ox.NamedNode(XSD + "date")),
        ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean")),
    ]
)
_literal_kinds = st.sampled_from([_strings, _integers, _decimals, _dates])


@st.composite
def _column(draw, size):
    """A column as kg's queries give them: IRIs, unbound cells and literals of one kind (now and then a
    term left to the engine, or a second kind)."""
    kind = draw(_literal_kinds)
    cell = st.one_of(st.none(), _iris, kind, kind)
    if draw(st.integers(0, 9)) == 0:
        cell = st.one_of(cell, _unsure, draw(_literal_kinds))
    return [draw(cell) for _ in range(size)]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return EmbeddedStore(tmp_path_factory.mktemp("order"))


def _values(rows) -> str:
    cells = " ".join("(" + " ".join("UNDEF" if t is None else str(t) for t in row) + ")" for row in rows)
    return f"VALUES (?x ?y ?z) {{ {cells} }}"


def _shown(rows, columns) -> list:
    return [tuple("" if row[i] is None else str(row[i]) for i in columns) for row in rows]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), size=st.integers(0, 12), order=st.sampled_from(["?x", "DESC(?x) ?y", "?y DESC(?z) ?x"]))
def test_same_order_as_the_engine(store, data, size, order):
    columns = [data.draw(_column(size)) for _ in range(3)]
    rows = list(zip(*columns)) if size else []
    query = f"SELECT ?x ?y ?z WHERE {{ {_values(rows)} }} ORDER BY {order}"
    engine = store.run(query, _results)  # Oxigraph's own ORDER BY
    head, keys = final_order(query)
    ours = sort_rows(store.run(head, _results), keys)
    if ours is None:  # a column left to the engine: the store answers with the engine's order
        assert store.query(query).rows == engine.rows
        return
    keyed = [["x", "y", "z"].index(name) for name, _ in keys]
    # the same rows, the same order of the keys (rows tied on every key: SPARQL leaves their order open)
    assert _shown(ours.rows, keyed) == _shown(engine.rows, keyed)
    assert sorted(_shown(ours.rows, [0, 1, 2])) == sorted(_shown(engine.rows, [0, 1, 2]))
    assert store.query(query).rows == ours.rows


def test_tied_rows_come_in_one_order(store):
    query = (
        'SELECT ?x ?y WHERE { VALUES (?x ?y) { (<urn:a> "2") (<urn:a> "1") (<urn:b> "0") (<urn:a> "3") } } ORDER BY ?x'
    )
    assert [(x.value, y.value) for x, y in store.query(query).rows] == [
        ("urn:a", "1"),
        ("urn:a", "2"),
        ("urn:a", "3"),
        ("urn:b", "0"),
    ]


def test_a_key_that_is_no_column_is_left_to_the_engine(store):
    rows = Results(["x"], [(ox.NamedNode("urn:b"),), (ox.NamedNode("urn:a"),)])
    assert sort_rows(rows, (("y", False),)) is None
    query = "SELECT ?x WHERE { VALUES (?x ?y) { (<urn:a> 2) (<urn:b> 1) } } ORDER BY ?y"
    assert [row[0].value for row in store.query(query).rows] == ["urn:b", "urn:a"]


def test_a_blank_node_is_left_to_the_engine():
    rows = Results(["x"], [(ox.NamedNode("urn:b"),), (ox.BlankNode("b1"),)])
    assert sort_rows(rows, (("x", False),)) is None


@pytest.mark.parametrize(
    "text",
    [
        "SELECT ?a WHERE { ?a ?b ?c } ORDER BY ?a LIMIT 2",
        "SELECT ?a WHERE { ?a ?b ?c } ORDER BY STR(?a)",
        "SELECT * WHERE { { SELECT ?a WHERE { ?a ?b ?c } ORDER BY ?a } }",
        "CONSTRUCT { ?a ?b ?c } WHERE { ?a ?b ?c } ORDER BY ?a",
        "SELECT ?a WHERE { ?a ?b ?c }",
    ],
)
def test_only_a_closing_order_of_variables_is_split_off(text):
    assert final_order(text) is None


def test_a_guarded_query_answers_as_the_store_does(tmp_path):
    """kg query's child sends a SELECT's rows as TSV bytes and the parent sorts them: the same rows in the
    same order as the store in this process, for every named query, and for an order left to the engine."""
    from kg.guard import GuardedStore
    from kg.query import named_queries
    from kg.synthetic import generate, to_oxigraph

    store = EmbeddedStore(tmp_path / "store")
    store.oxigraph.bulk_extend(to_oxigraph(generate(6_000, seed=2)))
    store.update('INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:label> "b"@en , "a"@de , "A" } }')
    hub = store.query(
        "SELECT ?e (COUNT(*) AS ?n) WHERE { ?c <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?e } "
        "GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT 1"
    ).rows[0][0]
    store.flush()
    guarded = GuardedStore(str(tmp_path / "store"))
    checked = 0
    for name, query in sorted(named_queries().items()):
        bindings = {p.name: hub for p in query.params}
        assert guarded.query(query.sparql, bindings, name).rows == store.query(query.sparql, bindings).rows, name
        checked += bool(store.query(query.sparql, bindings).rows)
    assert checked >= 8
    tagged = "SELECT ?l WHERE { <urn:a> <urn:label> ?l } ORDER BY DESC(?l)"  # a language tag: the engine's order
    assert guarded.query(tagged).rows == store.query(tagged).rows == store.run(tagged, _results).rows
    assert len(guarded.query(tagged).rows) == 3
