"""The entity network: a networkx projection of the store, built on demand.

Entities are nodes; each asserted relation is an edge (keyed by predicate)
carrying its claims (sentence, article, date, confidence) as attributes.
Negated, planned and past claims are not edges. Paths and neighbourhoods are
computed on the undirected view: "how is Belarus connected to the Superjet 100"
follows relations whichever way they were stated.
"""

from __future__ import annotations

import networkx as nx

from .errors import Errors, NoPath
from .iri import normalize_name
from .namespaces import SPARQL_PREFIXES, sparql_terms
from .terms import CLASSES

__all__ = ["entity_graph", "claims_graph", "find_node", "neighbors", "shortest_path", "path_steps", "Step"]

_CLAIMS = (
    SPARQL_PREFIXES
    + """
SELECT ?claim ?s ?p ?o ?sentence ?article ?date ?confidence ?rule WHERE {
  %s
  ?claim a trade:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; trade:modality trade:asserted ;
         trade:sentence ?sentence ; trade:confidence ?confidence ; trade:extractor ?rule ; prov:wasDerivedFrom ?a .
  ?a dcterms:identifier ?article .
  OPTIONAL { ?a dcterms:date ?date }
}"""
)
# The same rows with the claims' properties joined by hashing (one sub-select each): a scan of every claim,
# about 0.3 s at 60,000 claims, where looking each claim up costs about 0.1 ms a claim; for an entity with
# thousands of claims (kg.walk decides).
_CLAIMS_WIDE = (
    SPARQL_PREFIXES
    + """
SELECT ?claim ?s ?p ?o ?sentence ?article ?date ?confidence ?rule WHERE {
  %s
  { SELECT ?claim { ?claim a trade:Claim } } { SELECT ?claim { ?claim trade:modality trade:asserted } }
  { SELECT ?claim ?s { ?claim rdf:subject ?s } } { SELECT ?claim ?p { ?claim rdf:predicate ?p } }
  { SELECT ?claim ?o { ?claim rdf:object ?o } } { SELECT ?claim ?sentence { ?claim trade:sentence ?sentence } }
  { SELECT ?claim ?confidence { ?claim trade:confidence ?confidence } }
  { SELECT ?claim ?rule { ?claim trade:extractor ?rule } } { SELECT ?claim ?a { ?claim prov:wasDerivedFrom ?a } }
  { SELECT ?a ?article { ?a dcterms:identifier ?article } }
  OPTIONAL { SELECT ?a ?date { ?a dcterms:date ?date } }
}"""
)
_ENTITIES = (
    SPARQL_PREFIXES
    + f"""
SELECT ?e ?label ?type ?alt ?wd WHERE {{
  %s
  ?e rdfs:label ?label ; a ?type . FILTER(?type IN ({sparql_terms(CLASSES)}))
  OPTIONAL {{ ?e skos:altLabel ?alt }} OPTIONAL {{ ?e owl:sameAs ?wd }}
}}"""
)


def entity_graph(store) -> nx.MultiDiGraph:
    r"""The asserted relations of the store as a networkx MultiDiGraph, built on demand.

    Parameters
    ----------
    store : EmbeddedStore or RemoteStore
        The store to read.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes are entity IRIs with ``label``, ``cls``, ``aliases`` and
        ``wikidata``; edges are keyed by predicate and carry ``predicate`` and
        ``claims`` (a list of dicts: claim, sentence, article, date,
        confidence, rule). Negated, planned and past claims are no edges.

    Raises
    ------
    QueryError, StoreError
        When the store cannot be read.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from kg.pipeline import ingest
    >>> from kg.store import open_store
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a1.txt").write_text("3 March 2024\n\nT\n\nMAZ supplies trucks to Cuba. MAZ and KAMAZ cooperate.\n")
    >>> store = open_store(folder / "store")
    >>> _ = ingest([folder / "a1.txt"], store)
    >>> graph = entity_graph(store)
    >>> sorted((graph.nodes[s]["label"], key, graph.nodes[o]["label"]) for s, o, key in graph.edges(keys=True))
    [('MAZ', 'cooperatesWith', 'KAMAZ'), ('MAZ', 'exportsTo', 'Cuba')]
    """
    return claims_graph(store)


def claims_graph(store, claims: str = "", wide: bool = False) -> nx.MultiDiGraph:
    """:func:`entity_graph` of the asserted claims that the SPARQL pattern ``claims`` (over ``?claim``,
    ``?s``, ``?o``) allows, with the entities they relate: the whole graph when it is empty. ``wide``:
    the pattern allows thousands of claims, read them with a scan of every claim (the same rows)."""
    graph = nx.MultiDiGraph()
    rows = sorted(store.query((_CLAIMS_WIDE if wide else _CLAIMS) % claims).rows, key=lambda r: r[0].value)
    nodes = ""
    if claims:
        ends = sorted({term.value for row in rows for term in (row[1], row[3])})
        nodes = "VALUES ?e { " + " ".join(f"<{n}>" for n in ends) + " }"
    for e, label, type_, alt, wd in store.query(_ENTITIES % nodes).rows:
        node = e.value
        if node not in graph:
            graph.add_node(
                node,
                label=label.value,
                cls=type_.value.rsplit("#", 1)[-1],
                aliases=[],
                wikidata=wd.value if wd is not None else None,
            )
        if alt is not None and alt.value not in graph.nodes[node]["aliases"]:
            graph.nodes[node]["aliases"].append(alt.value)
    for claim, s, p, o, sentence, article, date, confidence, rule in rows:
        predicate = p.value.rsplit("#", 1)[-1]
        for node in (s.value, o.value):
            if node not in graph:
                graph.add_node(node, label=node.rsplit("/", 1)[-1], cls="Entity", aliases=[], wikidata=None)
        if not graph.has_edge(s.value, o.value, key=predicate):
            graph.add_edge(s.value, o.value, key=predicate, predicate=predicate, claims=[])
        graph.edges[s.value, o.value, predicate]["claims"].append(
            {
                "claim": claim.value,
                "sentence": sentence.value,
                "article": article.value,
                "date": date.value if date is not None else None,
                "confidence": float(confidence.value),
                "rule": rule.value,
            }
        )
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
    r"""The relations of an entity, both ways: one row per (direction, predicate, neighbour), sorted.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The entity network (:func:`entity_graph`).
    name : str
        The entity: a label or alias (case and punctuation ignored) or its IRI.

    Returns
    -------
    list of dict
        Each row has ``direction`` ("out": the entity is the subject; "in":
        the object), ``predicate``, ``neighbor`` (label), ``node`` (IRI),
        ``claims`` (count) and ``articles`` (sorted ids).

    Raises
    ------
    NodeNotFound
        When no entity has that name, with close names as suggestions.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from kg.pipeline import ingest
    >>> from kg.store import open_store
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a1.txt").write_text("3 March 2024\n\nT\n\nMAZ supplies trucks to Cuba. MAZ and KAMAZ cooperate.\n")
    >>> store = open_store(folder / "store")
    >>> _ = ingest([folder / "a1.txt"], store)
    >>> [(row["direction"], row["predicate"], row["neighbor"]) for row in neighbors(entity_graph(store), "kamaz")]
    [('in', 'cooperatesWith', 'MAZ')]
    >>> neighbors(entity_graph(store), "Kamazz")
    Traceback (most recent call last):
    ...
    kg.errors.NodeNotFound: no entity named 'Kamazz' in the graph; did you mean 'KAMAZ', 'MAZ'? [E519]
    """
    node = find_node(graph, name)
    rows = []
    for _, other, key, data in graph.out_edges(node, keys=True, data=True):
        rows.append(_row("out", key, graph, other, data))
    for other, _, key, data in graph.in_edges(node, keys=True, data=True):
        rows.append(_row("in", key, graph, other, data))
    return sorted(rows, key=lambda r: (r["predicate"], r["direction"], r["neighbor"]))


def _row(direction, predicate, graph, other, data) -> dict:
    return {
        "direction": direction,
        "predicate": predicate,
        "neighbor": graph.nodes[other]["label"],
        "node": other,
        "claims": len(data["claims"]),
        "articles": sorted({c["article"] for c in data["claims"]}),
    }


class Step(dict):
    """One hop of a path: source, predicate, target (as stated), and an example sentence."""


def shortest_path(graph: nx.MultiDiGraph, a: str, b: str) -> list[Step]:
    r"""The shortest chain of relations between two entities, whichever way each was stated.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The entity network (:func:`entity_graph`).
    a, b : str
        The two entities: labels, aliases or IRIs.

    Returns
    -------
    list of Step
        One dict per hop: ``subject``, ``predicate``, ``object`` (as stated),
        the best-supported ``sentence`` with its ``article``, and the number of
        ``claims`` for the relation.

    Raises
    ------
    NodeNotFound
        When a name matches no entity.
    NoPath
        When no chain of relations connects the two.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from kg.pipeline import ingest
    >>> from kg.store import open_store
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a1.txt").write_text("3 March 2024\n\nT\n\nMAZ supplies trucks to Cuba. MAZ and KAMAZ cooperate.\n")
    >>> store = open_store(folder / "store")
    >>> _ = ingest([folder / "a1.txt"], store)
    >>> [(s["subject"], s["predicate"], s["object"]) for s in shortest_path(entity_graph(store), "Cuba", "KAMAZ")]
    [('MAZ', 'exportsTo', 'Cuba'), ('MAZ', 'cooperatesWith', 'KAMAZ')]
    """
    source, target = find_node(graph, a), find_node(graph, b)
    undirected = nx.Graph()
    undirected.add_nodes_from(graph.nodes)
    for s, o in graph.edges():
        undirected.add_edge(s, o)
    try:
        nodes = nx.shortest_path(undirected, source, target)
    except nx.NetworkXNoPath as e:
        raise NoPath(Errors.E805.format(a=a, b=b)) from e
    return path_steps(graph, nodes)


def path_steps(graph: nx.MultiDiGraph, nodes: list[str]) -> list[Step]:
    """The steps along a chain of nodes: for each hop the relation with most claims, and its best sentence."""
    steps = []
    for left, right in zip(nodes, nodes[1:]):
        options = [(left, right, k, d) for k, d in graph.get_edge_data(left, right, default={}).items()]
        options += [(right, left, k, d) for k, d in graph.get_edge_data(right, left, default={}).items()]
        s, o, key, data = sorted(options, key=lambda e: (-len(e[3]["claims"]), e[2]))[0]
        best = max(data["claims"], key=lambda c: (c["confidence"], c["claim"]))
        steps.append(
            Step(
                subject=graph.nodes[s]["label"],
                predicate=key,
                object=graph.nodes[o]["label"],
                sentence=best["sentence"],
                article=best["article"],
                claims=len(data["claims"]),
            )
        )
    return steps
