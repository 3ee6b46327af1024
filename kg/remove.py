"""``kg remove``: drop articles and what only they claimed.

An article's named graph holds its description, its claims and their plain
triples; dropping it removes all of them in one transaction. Entities that no
other article's claim refers to any more lose their description (and their
entries in the name index); entities other articles still name are kept as
they are.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from .namespaces import PREFIXES

__all__ = ["remove_articles", "RemoveReport"]

_GRAPHS = f"""SELECT ?id ?a ?g WHERE {{ GRAPH ?g {{ ?a a <{PREFIXES["trade"]}Article> ;
  <{PREFIXES["dcterms"]}identifier> ?id }} }}"""


@dataclass(frozen=True)
class RemoveReport:
    """The article ids removed, and those the store does not hold."""

    removed: tuple[str, ...]
    missing: tuple[str, ...]


def remove_articles(store, ids) -> RemoveReport:
    """Remove the articles with these ids (their graphs, then the entities only they described)."""
    from . import identity
    from .names import prune_index
    from .pipeline import _prune_entities

    wanted = sorted(set(ids))
    if not wanted:
        return RemoveReport((), ())
    values = "VALUES ?id { " + " ".join(str(ox.Literal(i)) for i in wanted) + " }"
    rows = store.query(_GRAPHS.replace("SELECT ?id ?a ?g WHERE {", "SELECT ?id ?a ?g WHERE { " + values, 1)).rows
    found = {row[0].value: (row[1].value, row[2].value) for row in rows}
    if found:
        store.update(" ;\n".join(f"DROP SILENT GRAPH <{graph}>" for _, graph in sorted(found.values())))
        identity.forget(store, sorted(node for node, _ in found.values()))
        _prune_entities(store)
        prune_index(store)
        store.flush()
    return RemoveReport(tuple(sorted(found)), tuple(i for i in wanted if i not in found))
