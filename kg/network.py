"""The entity network: a networkx projection of the store, built on demand.

Entities are nodes; each asserted relation is an edge (keyed by predicate)
carrying its claims (sentence, article, date, confidence) as attributes.
Negated, planned and past claims are not edges. Paths and neighbourhoods are
computed on the undirected view: "how is Belarus connected to the Superjet 100"
follows relations whichever way they were stated.
"""

from __future__ import annotations


import networkx as nx

from .iri import normalize_name

__all__ = ["entity_graph", "claims_graph", "find_node", "neighbors", "shortest_path", "path_steps", "Step"]

_CLAIMS = """
PREFIX trade: <https://w3id.org/kg-trade/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?claim ?s ?p ?o ?sentence ?article ?date ?confidence ?rule WHERE {
  %s
  ?claim a trade:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; trade:modality trade:asserted ;
         trade:sentence ?sentence ; trade:confidence ?confidence ; trade:extractor ?rule ; prov:wasDerivedFrom ?a .
  ?a dcterms:identifier ?article .
  OPTIONAL { ?a dcterms:date ?date }
}"""
_ENTITIES = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX trade: <https://w3id.org/kg-trade/ontology#>
SELECT ?e ?label ?type ?alt ?wd WHERE {
  %s
  ?e rdfs:label ?label ; a ?type . FILTER(STRSTARTS(STR(?type), STR(trade:)))
  FILTER(?type NOT IN (trade:Claim, trade:Article, trade:Modality))
  OPTIONAL { ?e skos:altLabel ?alt } OPTIONAL { ?e owl:sameAs ?wd }
}"""


def entity_graph(store) -> nx.MultiDiGraph:
    """The asserted relations of the store as a MultiDiGraph.

    Nodes are entity IRIs with ``label``, ``cls``, ``aliases`` and ``wikidata``;
    edges are keyed by predicate and carry ``predicate`` and ``claims`` (a list
    of dicts: claim, sentence, article, date, confidence, rule).
    """
    return claims_graph(store)


def claims_graph(store, claims: str = "") -> nx.MultiDiGraph:
    """:func:`entity_graph` of the asserted claims that the SPARQL pattern ``claims`` (over ``?claim``,
    ``?s``, ``?o``) allows, with the entities they relate: the whole graph when it is empty."""
    graph = nx.MultiDiGraph()
    rows = sorted(store.query(_CLAIMS % claims).rows, key=lambda r: r[0].value)
    nodes = ""
    if claims:
        ends = sorted({term.value for row in rows for term in (row[1], row[3])})
        nodes = "VALUES ?e { " + " ".join(f"<{n}>" for n in ends) + " }"
    for e, label, type_, alt, wd in store.query(_ENTITIES % nodes).rows:
        node = e.value
        if node not in graph:
            graph.add_node(node, label=label.value, cls=type_.value.rsplit("#", 1)[-1], aliases=[],
                           wikidata=wd.value if wd is not None else None)
        if alt is not None and alt.value not in graph.nodes[node]["aliases"]:
            graph.nodes[node]["aliases"].append(alt.value)
    for claim, s, p, o, sentence, article, date, confidence, rule in rows:
        predicate = p.value.rsplit("#", 1)[-1]
        for node in (s.value, o.value):
            if node not in graph:
                graph.add_node(node, label=node.rsplit("/", 1)[-1], cls="Entity", aliases=[], wikidata=None)
        if not graph.has_edge(s.value, o.value, key=predicate):
            graph.add_edge(s.value, o.value, key=predicate, predicate=predicate, claims=[])
        graph.edges[s.value, o.value, predicate]["claims"].append({
            "claim": claim.value, "sentence": sentence.value, "article": article.value,
            "date": date.value if date is not None else None, "confidence": float(confidence.value),
            "rule": rule.value,
        })
    for node in graph.nodes:
        graph.nodes[node]["aliases"].sort()
    return graph


def find_node(graph: nx.MultiDiGraph, name: str) -> str:
    """The node whose label, alias or IRI is ``name`` (case and punctuation ignored), decided as the
    store's look-up decides (:func:`kg.names.choose`: a label before an alias, several equally good
    entities an error listing them).

    Raises NodeNotFound naming the missing entity, with close labels as suggestions, and AmbiguousName.
    """
    from .names import Match, choose

    if name in graph:
        return name
    wanted = normalize_name(name)
    found = []
    for node, data in graph.nodes(data=True):
        if normalize_name(data["label"]) == wanted:
            found.append(Match(node, data["label"], "label"))
        elif wanted in {normalize_name(a) for a in data["aliases"]}:
            found.append(Match(node, data["label"], "alias"))
    return choose(name, found, lambda: [d["label"] for _, d in graph.nodes(data=True)], where="the graph")


def neighbors(graph: nx.MultiDiGraph, name: str) -> list[dict]:
    """The relations of an entity: one row per (direction, predicate, neighbour), sorted.

    Each row has ``direction`` ("out": the entity is the subject; "in": the
    object), ``predicate``, ``neighbor`` (label), ``node`` (IRI), ``claims``
    (count) and ``articles`` (sorted ids).
    """
    node = find_node(graph, name)
    rows = []
    for _, other, key, data in graph.out_edges(node, keys=True, data=True):
        rows.append(_row("out", key, graph, other, data))
    for other, _, key, data in graph.in_edges(node, keys=True, data=True):
        rows.append(_row("in", key, graph, other, data))
    return sorted(rows, key=lambda r: (r["predicate"], r["direction"], r["neighbor"]))


def _row(direction, predicate, graph, other, data) -> dict:
    return {"direction": direction, "predicate": predicate, "neighbor": graph.nodes[other]["label"], "node": other,
            "claims": len(data["claims"]), "articles": sorted({c["article"] for c in data["claims"]})}


class Step(dict):
    """One hop of a path: source, predicate, target (as stated), and an example sentence."""


def shortest_path(graph: nx.MultiDiGraph, a: str, b: str) -> list[Step]:
    """The shortest chain of relations between two entities, whichever way each was stated.

    Raises NodeNotFound for an unknown name and ``networkx.NetworkXNoPath`` when
    the two are not connected.
    """
    source, target = find_node(graph, a), find_node(graph, b)
    undirected = nx.Graph()
    undirected.add_nodes_from(graph.nodes)
    for s, o in graph.edges():
        undirected.add_edge(s, o)
    return path_steps(graph, nx.shortest_path(undirected, source, target))


def path_steps(graph: nx.MultiDiGraph, nodes: list[str]) -> list[Step]:
    """The steps along a chain of nodes: for each hop the relation with most claims, and its best sentence."""
    steps = []
    for left, right in zip(nodes, nodes[1:]):
        options = [(left, right, k, d) for k, d in graph.get_edge_data(left, right, default={}).items()]
        options += [(right, left, k, d) for k, d in graph.get_edge_data(right, left, default={}).items()]
        s, o, key, data = sorted(options, key=lambda e: (-len(e[3]["claims"]), e[2]))[0]
        best = max(data["claims"], key=lambda c: (c["confidence"], c["claim"]))
        steps.append(Step(subject=graph.nodes[s]["label"], predicate=key, object=graph.nodes[o]["label"],
                          sentence=best["sentence"], article=best["article"], claims=len(data["claims"])))
    return steps
