"""Neighbours and paths asked of the store answer as the whole entity graph does."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest

from kg import network, walk
from kg.errors import NodeNotFound, NoPath
from kg.store import EmbeddedStore
from kg.synthetic import generate, to_oxigraph


@pytest.fixture(scope="module")
def seed_graph(seed_build):
    return network.entity_graph(seed_build.store)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    store = EmbeddedStore(tmp_path_factory.mktemp("walk"))
    store.oxigraph.bulk_extend(to_oxigraph(generate(20_000, seed=5)))
    return store, network.entity_graph(store)


def test_neighbors_of_every_seed_entity(seed_build, seed_graph):
    for node in sorted(seed_graph.nodes):
        assert walk.neighbors(seed_build.store, f"<{node}>") == network.neighbors(seed_graph, node), node
    assert walk.neighbors(seed_build.store, "kamaz") == network.neighbors(seed_graph, "kamaz") != []


def test_paths_between_seed_entities(seed_build, seed_graph):
    steps = walk.shortest_path(seed_build.store, "Vladimir Putin", "MC-21")  # two chains of 3: either is right
    assert len(steps) == len(network.shortest_path(seed_graph, "Vladimir Putin", "MC-21")) == 3
    assert _valid(
        seed_graph, steps, walk.lookup(seed_build.store, "Vladimir Putin"), walk.lookup(seed_build.store, "MC-21")
    )
    assert walk.shortest_path(seed_build.store, "Belarus", "MC-21") == network.shortest_path(
        seed_graph, "Belarus", "MC-21"
    )
    assert walk.shortest_path(seed_build.store, "MAZ", "maz") == []


def _valid(graph, steps, a, b):
    """A chain of relations of the graph from a to b, each step one of its edges, either way."""
    labels = {n: d["label"] for n, d in graph.nodes(data=True)}
    ends = [a]
    for step in steps:
        here = ends[-1]
        there = step["object"] if step["subject"] == labels[here] else step["subject"]
        candidates = [
            n
            for n in graph.nodes
            if labels[n] == there
            and (graph.has_edge(here, n, key=step["predicate"]) or graph.has_edge(n, here, key=step["predicate"]))
        ]
        assert candidates, step
        ends.append(candidates[0])
    return ends[-1] == b


def test_paths_on_a_generated_store_are_shortest(generated):
    store, graph = generated
    nodes = sorted(n for n in graph.nodes if graph.degree(n))[:12]
    undirected = graph.to_undirected(as_view=True)
    checked = 0
    for a, b in itertools.combinations(nodes, 2):
        try:
            length = nx.shortest_path_length(undirected, a, b)
        except nx.NetworkXNoPath:
            with pytest.raises(NoPath):
                walk.shortest_path(store, f"<{a}>", f"<{b}>")
            continue
        steps = walk.shortest_path(store, f"<{a}>", f"<{b}>")
        assert len(steps) == length and _valid(graph, steps, a, b), (a, b)
        checked += 1
    assert checked > 20


def test_neighbors_on_a_generated_store(generated):
    store, graph = generated
    hubs = sorted(graph.nodes, key=lambda n: (-graph.degree(n), n))[:5]  # with claims of a hub about itself
    for node in sorted(graph.nodes)[:40] + hubs:
        assert walk.neighbors(store, f"<{node}>") == network.neighbors(graph, node)


def test_unknown_names(seed_build):
    with pytest.raises(NodeNotFound, match="no entity named 'Kamazz'.*did you mean 'KAMAZ'"):
        walk.neighbors(seed_build.store, "Kamazz")
    with pytest.raises(NodeNotFound, match="no entity named 'Atlantis'"):
        walk.shortest_path(seed_build.store, "MAZ", "Atlantis")


def test_an_entity_with_many_claims_is_read_by_a_scan_with_the_same_answer(generated, monkeypatch):
    """Past walk._WIDE claims an entity's claims are read with the hashing shape: the same neighbours."""
    store, graph = generated
    hubs = sorted(graph.nodes, key=lambda n: -graph.degree(n))[:3]
    lookups = {node: walk.neighbors(store, f"<{node}>") for node in hubs}
    monkeypatch.setattr(walk, "_WIDE", 0)  # every entity past the threshold
    for node in hubs:
        assert walk.neighbors(store, f"<{node}>") == lookups[node] == network.neighbors(graph, node)
    pattern = f"{{ ?claim rdf:subject ?e }} UNION {{ ?claim rdf:object ?e }} VALUES ?e {{ <{hubs[0]}> }}"
    wide, narrow = network.claims_graph(store, pattern, wide=True), network.claims_graph(store, pattern)
    assert sorted(wide.edges(keys=True, data=True)) == sorted(narrow.edges(keys=True, data=True))
