"""``kg import``: an N-Quads or TriG export back into a store.

Each named graph of the file replaces the store's graph of that name (an
article's claims, the entities, the ontology), so importing an export into an
empty store restores it exactly: exporting again gives the same bytes. Into an
empty embedded store the file is bulk-loaded (Oxigraph's fast loader, without
keeping it in memory); into a store that holds data it is parsed first, so a
malformed file changes nothing. The name index is rebuilt afterwards. Turtle
is refused: it is the union of the graphs and cannot give them back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .errors import Errors, InputError

__all__ = ["import_file", "ImportReport", "IMPORT_FORMATS"]

IMPORT_FORMATS = {".nq": ox.RdfFormat.N_QUADS, ".nquads": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG}


@dataclass(frozen=True)
class ImportReport:
    """What an import wrote: the graphs it replaced and the quads the store holds in them now."""

    graphs: tuple[str, ...]
    quads: int


def import_file(store, path: str | Path) -> ImportReport:
    """Load an N-Quads (``.nq``) or TriG (``.trig``) file, each of its graphs replacing the store's.

    Raises InputError for another suffix, a missing file or a malformed one (naming the file).
    """
    from .names import reindex

    path = Path(path)
    fmt = IMPORT_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(path, Errors.E139.format(suffix=path.suffix or "a file without suffix"))
    if not path.is_file():
        raise InputError(path, Errors.E140)
    oxstore = getattr(store, "oxigraph", None)
    held: int | None = None
    if oxstore is not None and next(iter(oxstore), None) is None:
        try:
            oxstore.bulk_load(path=str(path), format=fmt)
        except SyntaxError as e:
            oxstore.clear()  # the store was empty: leave it so
            raise InputError(path, Errors.E141.format(format=fmt.name, error=e)) from e
        graphs = sorted(g.value for g in oxstore.named_graphs())
        unnamed = sum(1 for _ in oxstore.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        held = len(oxstore) - unnamed  # what the named graphs hold, before the index is written (counted quickly)
    else:
        try:
            quads = list(ox.parse(path=str(path), format=fmt))
        except SyntaxError as e:
            raise InputError(path, Errors.E141.format(format=fmt.name, error=e)) from e
        by_graph: dict[str, list] = {}
        for quad in quads:
            name = quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else ""
            by_graph.setdefault(name, []).append(quad)
        default = by_graph.pop("", [])
        graphs = sorted(by_graph)
        if oxstore is not None:
            for name in graphs:
                if oxstore.contains_named_graph(ox.NamedNode(name)):
                    oxstore.remove_graph(ox.NamedNode(name))
            oxstore.extend(quads)
        else:
            store.replace_graphs(by_graph, extra=default)
    reindex(store)
    store.flush()
    return ImportReport(tuple(graphs), _held(store, graphs) if held is None else held)


def _held(store, graphs: list[str]) -> int:
    """The quads the store holds in these graphs."""
    if not graphs:
        return 0
    values = " ".join(f"<{g}>" for g in graphs)
    return int(
        store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}")
        .rows[0][0]
        .value
    )
