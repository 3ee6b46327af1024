"""Neighbours and paths asked of the store: only the claims they need, never the whole entity graph.

:func:`neighbors` reads the asserted claims of one entity; :func:`shortest_path`
walks the asserted relations breadth first from both ends, one SPARQL query per
level (the frontier bound in a ``VALUES`` block), then reads the claims of the
hops it found. Both answer as :mod:`kg.network` does over the whole graph (the
same rows, the same steps), which they reuse on the small graph they read.
Names are looked up once (:func:`kg.names.lookup`).
"""

from __future__ import annotations

from .errors import Errors, NoPath
from .names import lookup
from .namespaces import PREFIXES

__all__ = ["neighbors", "shortest_path", "lookup"]

_FRONTIER = 400  # nodes bound in one VALUES block
_ADJACENT = f"""PREFIX rdf: <{PREFIXES["rdf"]}>
PREFIX trade: <{PREFIXES["trade"]}>
SELECT DISTINCT ?x ?y WHERE {{
  VALUES ?x {{ %s }}
  {{ ?claim rdf:subject ?x ; rdf:object ?y }} UNION {{ ?claim rdf:object ?x ; rdf:subject ?y }}
  ?claim trade:modality trade:asserted ; a trade:Claim .
}}"""


_WIDE = 2000  # claims of an entity past which reading them all by a scan beats looking each up
_CLAIMS_OF = f"""SELECT (COUNT(*) AS ?n) WHERE {{
  {{ ?claim <{PREFIXES["rdf"]}subject> %s }} UNION {{ ?claim <{PREFIXES["rdf"]}object> %s }} }}"""


def neighbors(store, name: str) -> list[dict]:
    """The relations of an entity of the store, as :func:`kg.network.neighbors` gives them."""
    from . import network

    node = lookup(store, name)
    many = int(store.query(_CLAIMS_OF % (f"<{node}>", f"<{node}>")).rows[0][0].value) > _WIDE
    # each claim once, then its rows as the whole graph has them (a claim of the entity about itself matches
    # both sides of the UNION: joined as it is, it would count twice)
    claims = f"{{ SELECT DISTINCT ?claim WHERE {{ {{ ?claim rdf:subject <{node}> }} UNION {{ ?claim rdf:object <{node}> }} }} }}"
    graph = network.claims_graph(store, claims, wide=many)
    return network.neighbors(graph, node) if node in graph else []


def shortest_path(store, a: str, b: str) -> list:
    """The shortest chain of asserted relations between two entities of the store, whichever way each
    was stated (:class:`kg.network.Step` per hop).

    Among chains of the same length the one through the smallest IRIs is taken. Raises NodeNotFound
    (or AmbiguousName) for a name and NoPath when the two are not connected.
    """
    from . import network

    source, target = lookup(store, a), lookup(store, b)
    nodes = _chain(store, source, target)
    if nodes is None:
        raise NoPath(Errors.E805.format(a=a, b=b))
    pairs = " ".join(f"(<{x}> <{y}>) (<{y}> <{x}>)" for x, y in zip(nodes, nodes[1:]))
    graph = network.claims_graph(
        store, f"VALUES (?s ?o) {{ {pairs} }} ?claim rdf:subject ?s ; rdf:object ?o ." if pairs else "FILTER(false)"
    )
    return network.path_steps(graph, nodes)


def _chain(store, source: str, target: str) -> list[str] | None:
    """The nodes of a shortest chain from source to target (breadth first from both ends), None if none."""
    if source == target:
        return [source]
    # from the source's side, from the target's side
    parents: tuple[dict[str, str | None], dict[str, str | None]] = ({source: None}, {target: None})
    frontiers = ([source], [target])
    while frontiers[0] and frontiers[1]:
        side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        seen, other = parents[side], parents[1 - side]
        found, meet = [], []
        for x, y in _adjacent(store, frontiers[side]):
            if y not in seen:
                seen[y] = x
                found.append(y)
            if y in other:
                meet.append(y)
        if meet:
            middle = min(meet, key=lambda n: (len(_back(parents[0], n)) + len(_back(parents[1], n)), n))
            left = _back(parents[0], middle)[::-1]
            right = _back(parents[1], middle)
            return left + right[1:]
        frontiers = (sorted(found), frontiers[1]) if side == 0 else (frontiers[0], sorted(found))
    return None


def _adjacent(store, nodes: list[str]) -> list[tuple[str, str]]:
    """The (node, neighbour) pairs of asserted relations, either way, sorted."""
    pairs: set[tuple[str, str]] = set()
    for start in range(0, len(nodes), _FRONTIER):
        values = " ".join(f"<{n}>" for n in nodes[start : start + _FRONTIER])
        pairs.update((x.value, y.value) for x, y in store.query(_ADJACENT % values).rows)
    return sorted(pairs)


def _back(parents: dict, node: str) -> list[str]:
    chain = [node]
    while parents[chain[-1]] is not None:
        chain.append(parents[chain[-1]])
    return chain
