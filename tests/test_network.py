"""The networkx projection: asserted relations only, neighbours, paths, and errors naming the node."""

import networkx as nx
import pytest

from kg.errors import NodeNotFound, NoPath
from kg.network import entity_graph, find_node, neighbors, shortest_path


@pytest.fixture(scope="module")
def graph(seed_build):
    return entity_graph(seed_build.store)


def test_edges_are_asserted_relations_with_claims(graph):
    maz, kamaz = find_node(graph, "MAZ"), find_node(graph, "KAMAZ")
    assert graph.has_edge(maz, kamaz, key="producesComponentsFor")
    claims = graph.edges[maz, kamaz, "producesComponentsFor"]["claims"]
    assert claims[0]["article"] == "000_96bef5b325124bb3" and "component parts" in claims[0]["sentence"]
    assert not graph.has_edge(maz, kamaz, key="competesWith") and not graph.has_edge(kamaz, maz, key="competesWith")


def test_neighbors_of_kamaz(graph):
    found = {(r["direction"], r["predicate"], r["neighbor"]) for r in neighbors(graph, "kamaz")}
    assert ("in", "producesComponentsFor", "MAZ") in found and ("out", "supplies", "MAZ") in found


def test_path_from_belarus_to_the_mc21(graph):
    steps = shortest_path(graph, "Belarus", "MC-21")
    assert len(steps) == 1 and steps[0]["predicate"] == "producesComponentsFor"
    longer = shortest_path(graph, "Vladimir Putin", "MC-21")
    assert [s["predicate"] for s in longer] == ["leads", "cooperatesWith", "producesComponentsFor"]


def test_unknown_and_unconnected(graph):
    with pytest.raises(NodeNotFound, match="no entity named 'Kamazz'.*did you mean 'KAMAZ'"):
        neighbors(graph, "Kamazz")
    graph = graph.copy()
    graph.add_node("urn:island", label="Island", cls="Region", aliases=[], wikidata=None)
    with pytest.raises(NoPath, match="'Island' and 'MAZ' are not connected"):
        shortest_path(graph, "Island", "MAZ")
