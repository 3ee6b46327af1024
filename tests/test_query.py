"""Named queries: documented, parameters bound as terms, answers on the seed."""

import pytest

from kg.errors import NodeNotFound, QueryError
from kg.query import find_entities, format_results, named_queries, run_named, run_query


def rows(results):
    return [tuple("" if t is None else t.value for t in row) for row in results.rows]


def test_every_named_query_is_documented_and_runs(seed_build):
    queries = named_queries()
    assert {"suppliers", "supplied-by", "component-makers", "partners", "claims-about", "between"} <= set(queries)
    for name, query in queries.items():
        assert query.description, name
        assert all(p.help for p in query.params), name
        params = {p.name: "KAMAZ" if p.name != "b" else "MAZ" for p in query.params}
        run_named(seed_build.store, name, params)


def test_suppliers_of_kamaz(seed_build):
    found = rows(run_named(seed_build.store, "suppliers", {"entity": "kamaz"}))
    assert [(r[0], r[1]) for r in found] == [("MAZ", "producesComponentsFor")]


def test_component_makers_of_mc21(seed_build):
    found = rows(run_named(seed_build.store, "component-makers", {"entity": "MS-21"}))
    assert [r[0] for r in found] == ["Belarus"]


def test_claims_about_keep_modality(seed_build):
    found = rows(run_named(seed_build.store, "claims-about", {"entity": "MAZ"}))
    assert ("MAZ", "competesWith", "KAMAZ", "past") in {r[:4] for r in found}


def test_between_both_ways(seed_build):
    found = {r[:4] for r in rows(run_named(seed_build.store, "between", {"a": "KAMAZ", "b": "MAZ"}))}
    assert {("MAZ", "producesComponentsFor", "KAMAZ", "asserted"), ("KAMAZ", "supplies", "MAZ", "asserted")} <= found


def test_injection_in_a_parameter_finds_nothing_and_changes_nothing(seed_build):
    before = seed_build.store.count()
    with pytest.raises(NodeNotFound, match="no entity named"):
        run_named(seed_build.store, "suppliers", {"entity": 'KAMAZ" } ; DROP ALL ; #'})
    found = run_query(
        seed_build.store,
        "SELECT ?e WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?name }",
        {"name": 'MAZ" } DROP ALL #'},
    )
    assert found.rows == [] and seed_build.store.count() == before


def test_unknown_names_are_suggested(seed_build):
    with pytest.raises(NodeNotFound, match="did you mean 'KAMAZ'"):
        run_named(seed_build.store, "suppliers", {"entity": "KAMAS"})
    with pytest.raises(QueryError, match="no named query 'supplier'; did you mean suppliers"):
        run_named(seed_build.store, "supplier", {})
    with pytest.raises(QueryError, match="missing parameter 'entity'"):
        run_named(seed_build.store, "suppliers", {})


def test_find_entities_by_alias(seed_build):
    assert [label for _, label in find_entities(seed_build.store, "Alexander Lukashenko")] == ["Aleksandr Lukashenko"]


def test_formats_name_columns_in_query_order(seed_build):
    results = run_query(seed_build.store, "SELECT ?b ?a WHERE { BIND(1 AS ?a) BIND(2 AS ?b) }")
    assert format_results(results, "csv").splitlines() == ["b,a", "2,1"]
    assert format_results(results, "table").splitlines()[0].split() == ["b", "a"]
    import json

    assert json.loads(format_results(results, "json"))["head"]["vars"] == ["b", "a"]
