"""Names to entities: one look-up through an index written at ingest, ambiguity decided the same way by
queries, the network and the page."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.errors import AmbiguousName, NodeNotFound
from kg.exports import export
from kg.names import index_quads, lookup, reindex
from kg.namespaces import ENTITIES_GRAPH, NAMES_GRAPH, PREFIXES
from kg.network import entity_graph, find_node, neighbors
from kg.query import run_named
from kg.store import EmbeddedStore
from kg.viz import network_html

ENT = PREFIXES["ent"]
LABEL, ALT = PREFIXES["rdfs"] + "label", PREFIXES["skos"] + "altLabel"


def _index(store) -> set[tuple[str, str, str]]:
    rows = store.query(f"SELECT ?e ?p ?k WHERE {{ GRAPH <{NAMES_GRAPH}> {{ ?e ?p ?k }} }}").rows
    return {(e.value, p.value, k.value) for e, p, k in rows}


@pytest.fixture()
def twins(tmp_path):
    """Two entities labelled "Neman" (a river and a firm), one also called "Nieman", a third aliased "Neman"."""
    store = EmbeddedStore(tmp_path / "store")
    g, node = ox.NamedNode(ENTITIES_GRAPH), ox.NamedNode
    quads = [
        ox.Quad(node(ENT + e), node(p), ox.Literal(v), g)
        for e, p, v in (
            ("neman-river", LABEL, "Neman"),
            ("neman-river", ALT, "Nieman"),
            ("neman-plant", LABEL, "NEMAN"),
            ("grodno", LABEL, "Grodno"),
            ("grodno", ALT, "Neman"),
        )
    ]
    quads += [
        ox.Quad(node(ENT + e), node(PREFIXES["rdf"] + "type"), node(PREFIXES["trade"] + c), g)
        for e, c in (("neman-river", "Region"), ("neman-plant", "Company"), ("grodno", "Region"))
    ]
    store.oxigraph.extend(quads + index_quads(quads))
    return store


def test_ingest_writes_the_index_of_every_label_and_alias(seed_build):
    store = seed_build.store
    written = _index(store)
    labels = store.query(
        f"SELECT ?e ?p ?n WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ VALUES ?p {{ <{LABEL}> <{ALT}> }} ?e ?p ?n }} }}"
    ).rows
    assert len(written) > 20 and len(labels) >= len(written)
    reindex(store)
    assert _index(store) == written
    assert ("https://w3id.org/kg-trade/entity/kamaz", "https://w3id.org/kg-trade/internal#labelKey", "kamaz") in written


def test_the_index_is_never_exported(seed_build):
    for fmt in ("turtle", "nquads", "trig"):
        assert b"kg-names" not in export(seed_build.store, fmt) and b"internal#" not in export(seed_build.store, fmt)


def test_look_up_goes_through_the_index(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    entry = ox.Quad(ox.NamedNode(ENT + "x"), ox.NamedNode(LABEL), ox.Literal("Only In The Index"))
    store.oxigraph.extend(index_quads([entry]))  # the index holds a name the entities graph does not
    assert lookup(store, "only in the index") == ENT + "x"


def test_a_store_without_index_is_scanned_and_indexed_at_the_next_ingest(seed_build, tmp_path, extractor):
    from kg.pipeline import ingest

    from .conftest import SEEDS

    store = EmbeddedStore(tmp_path / "old")
    store.oxigraph.extend(q for q in seed_build.store.quads() if q.graph_name.value != NAMES_GRAPH)
    assert not _index(store)
    assert lookup(store, "the kamaz") == ENT + "kamaz"
    ingest([SEEDS], store, extractor)  # unchanged articles: nothing parsed, but the index is written
    assert _index(store) == _index(seed_build.store)


def test_a_label_wins_over_an_alias_and_two_labels_are_ambiguous(twins):
    assert lookup(twins, "nieman") == ENT + "neman-river"
    assert lookup(twins, "GRODNO") == ENT + "grodno"
    with pytest.raises(
        AmbiguousName,
        match=r"'Neman' is the label of 2 entities \('NEMAN' <.*neman-plant>, "
        r"'Neman' <.*neman-river>\); pass the IRI",
    ):
        lookup(twins, "Neman")
    assert lookup(twins, f"<{ENT}neman-plant>") == ENT + "neman-plant"


def test_queries_network_and_page_decide_alike(twins):
    """The same name gives the same answer, or the same error, in a named query, the network and the page."""
    graph = entity_graph(twins)
    for name in ("Neman", "Nemann"):
        errors = []
        for attempt in (
            lambda: run_named(twins, "claims-about", {"entity": name}),
            lambda: find_node(graph, name),
            lambda: neighbors(graph, name),
            lambda: network_html(graph, focus=name),
        ):
            with pytest.raises(NodeNotFound) as caught:
                attempt()
            errors.append((type(caught.value), str(caught.value).replace("the graph", "the store")))
        assert len(set(errors)) == 1, errors
    assert find_node(graph, "nieman") == lookup(twins, "nieman") == ENT + "neman-river"
