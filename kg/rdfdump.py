"""The sorted Turtle, TriG and N-Quads exports, done on bytes.

Oxigraph dumps each named graph as N-Triples or N-Quads lines; the lines are
sorted as bytes (one C-level sort, no Python key per term), the union's lines
made distinct, and the result handed back to Oxigraph's serializers as a
stream. The order is kg's export order: by graph (N-Quads, TriG), then by
subject, ``rdf:type`` first, then predicate and object, each term compared in
its N-Triples spelling. Blank nodes are relabelled canonically (RDFC-1.0) only
in the graphs that have any (the ontology's class unions and lists): their
labels are whatever the last parse or update chose, and the other graphs
cannot change the canonical labels. kg's own index graph
(:data:`kg.namespaces.INTERNAL_GRAPHS`) is never exported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox

from .errors import Errors
from .namespaces import INTERNAL_GRAPHS, PREFIXES

__all__ = ["store_of", "graph_names", "sorted_graph_lines", "sorted_union_lines", "write_sorted"]

_TYPE = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_FIRST = b"<\x01>"  # sorts before every IRI: rdf:type comes first among a subject's predicates


def store_of(store) -> ox.Store:
    """The pyoxigraph store to dump: the embedded one itself, or an endpoint's dump loaded in memory."""
    if hasattr(store, "oxigraph"):
        return store.oxigraph
    memory = ox.Store()
    memory.bulk_extend(store.quads())
    return memory


def graph_names(oxstore: ox.Store) -> list:
    """The graphs to export in export order (by their N-Triples spelling), kg's index left out."""
    names: list = [g for g in oxstore.named_graphs() if g.value not in INTERNAL_GRAPHS]
    if next(iter(oxstore.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
        names.append(ox.DefaultGraph())
    return sorted(names, key=str)


_AT_TYPE = b" " + _TYPE + b" "
_AT_FIRST = b" " + _FIRST + b" "


def _ordered(data: bytes, unique: bool = False) -> bytes:
    r"""N-Triples or N-Quads lines in export order (``rdf:type`` first among a subject's predicates), made
    distinct with ``unique``.

    The type predicate is spelled :data:`_FIRST` for the sort, so that it sorts before every IRI, then
    spelled out again. The type IRI is found as bytes and replaced where it follows the line's first token
    (the subject: no space in it); as an object, a graph name or inside a literal it stays. Put back, the
    marker is replaced wherever it is: Oxigraph writes U+0001 in a literal as ``\u0001`` and no IRI holds
    it, so a dump never holds the marker itself.

    >>> _ordered(b'<a> <b> "x <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> y" .\n'
    ...          b'<a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <c> .\n').decode().splitlines()
    ['<a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <c> .', '<a> <b> "x <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> y" .']
    """
    lines = _type_first(data).splitlines(keepends=True)
    return b"".join(sorted(set(lines)) if unique else sorted(lines)).replace(_AT_FIRST, _AT_TYPE)


def _type_first(data: bytes) -> bytes:
    """The type IRI spelled :data:`_FIRST` where it is a line's predicate (right after its first token)."""
    pieces: list[bytes] = []
    last = 0
    find, rfind = data.find, data.rfind
    at = find(_AT_TYPE)
    while at != -1:
        if find(b" ", rfind(b"\n", 0, at) + 1, at) == -1:  # no space before it on its line: the predicate
            pieces += (data[last:at], _AT_FIRST)
            last = at + len(_AT_TYPE)
        at = find(_AT_TYPE, at + len(_AT_TYPE) - 1)  # (its last space may begin the next one)
    pieces.append(data[last:])
    return b"".join(pieces)


def _dumps(oxstore: ox.Store, fmt: ox.RdfFormat, progress: Callable[[int], None] | None) -> list[bytes]:
    """Each exported graph's dump (N-Triples or N-Quads), in export order; the graphs holding blank
    nodes canonicalised together (RDFC-1.0)."""
    graphs = graph_names(oxstore)
    chunks: list[bytes] = []
    for graph in graphs:
        chunk = oxstore.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
        assert chunk is not None  # no output file given: the bytes
        if fmt == ox.RdfFormat.N_QUADS and isinstance(graph, ox.NamedNode):
            chunk = chunk.replace(b" .\n", f" {graph} .\n".encode())  # a line's end: literals escape newlines
        chunks.append(chunk)
        if progress:
            progress(1)
    blank = [i for i, chunk in enumerate(chunks) if b"_:" in chunk]  # a literal may say "_:": harmless
    if blank:
        dataset = ox.Dataset(q for i in blank for q in oxstore.quads_for_pattern(None, None, None, graphs[i]))
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        for i in blank:
            quads = dataset.quads_for_graph_name(graphs[i])
            data = ox.serialize(quads if fmt == ox.RdfFormat.N_QUADS else (q.triple for q in quads), format=fmt)
            assert data is not None
            chunks[i] = data
    return chunks


def sorted_graph_lines(oxstore: ox.Store, progress: Callable[[int], None] | None = None) -> Iterator[bytes]:
    """N-Quads of every exported graph, one sorted chunk per graph, in export order."""
    for chunk in _dumps(oxstore, ox.RdfFormat.N_QUADS, progress):
        yield _ordered(chunk)


def sorted_union_lines(oxstore: ox.Store, progress: Callable[[int], None] | None = None) -> bytes:
    """N-Triples of the union of the exported graphs: distinct, sorted."""
    return _ordered(b"".join(_dumps(oxstore, ox.RdfFormat.N_TRIPLES, progress)), unique=True)


def write_sorted(
    store, fmt: str, output: str | Path | None = None, progress: Callable[[int], None] | None = None
) -> bytes | None:
    """The sorted ``turtle``, ``trig`` or ``nquads`` export, written to ``output`` (a path) or returned."""
    oxstore = store_of(store)
    if fmt == "turtle":
        triples = ox.parse(sorted_union_lines(oxstore, progress), format=ox.RdfFormat.N_TRIPLES)
        return ox.serialize(triples, str(output) if output else None, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    if fmt == "nquads":
        if output is None:
            return b"".join(sorted_graph_lines(oxstore, progress))
        with open(output, "wb") as out:
            for chunk in sorted_graph_lines(oxstore, progress):
                out.write(chunk)
        return None
    if fmt == "trig":
        quads = (
            q for chunk in sorted_graph_lines(oxstore, progress) for q in ox.parse(chunk, format=ox.RdfFormat.N_QUADS)
        )
        return ox.serialize(quads, str(output) if output else None, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    raise ValueError(Errors.E907.format(fmt=fmt))
