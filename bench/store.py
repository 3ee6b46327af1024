"""pyoxigraph against rdflib's in-memory Dataset on a synthetic trade graph, side by side.

The graph is generated (seeded, so every run builds the same one) in the shape
of kg's output: an entities graph (types, labels, alt labels, Wikidata links)
and one named graph per article (its description, reified claims with
``rdf:subject``/``rdf:predicate``/``rdf:object``, modality, sentence,
offsets, a decimal confidence, cues, speaker, and the plain triples of
asserted claims closed under the ontology's symmetric, inverse and
sub-properties).

Operations, each repeated (default 3 times) with the two libraries
interleaved and the one going first alternating:

- ``load``       quads already built as terms into an empty store
                 (``Store().extend`` / ``Dataset.addN``);
- ``aggregate``  SPARQL: claims per predicate and modality over the union of
                 the graphs (``Store.query(..., use_default_graph_as_union=True)``
                 / ``Dataset(default_union=True).query``);
- ``count``      distinct triples of the union (``SELECT (COUNT(*) ...)`` over
                 ``SELECT DISTINCT ?s ?p ?o`` / ``len()``, which rdflib's
                 memory store answers from a set it keeps, without counting);
- ``turtle``     Turtle of the union: kg's own export path (``kg.exports.export``:
                 sorted distinct triples, ``pyoxigraph.serialize`` with kg's
                 prefixes) / ``Dataset.serialize(format="turtle")`` with the
                 same prefixes bound.

The results of the two sides are checked to agree (same rows, same count, the
two Turtle documents parse to the same triples). Ratios are rdflib/oxigraph:
above 1 means Oxigraph is faster. Absolute times are noise on a shared
machine.

    .venv/bin/python bench/store.py [--triples 300000] [--repeat 3] [--seed 7] [--disk]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time

import pyoxigraph as ox
from rdflib import Dataset, Literal, URIRef

from kg.exports import _triple_key, export
from kg.namespaces import PREFIXES
from kg.synthetic import generate, to_oxigraph

RDF = PREFIXES["rdf"]
XSD = PREFIXES["xsd"]
TRADE = PREFIXES["trade"]

AGGREGATE = f"""PREFIX rdf: <{RDF}>
PREFIX trade: <{TRADE}>
SELECT ?predicate ?modality (COUNT(?claim) AS ?claims) WHERE {{
    ?claim a trade:Claim ; rdf:predicate ?predicate ; trade:modality ?modality .
}} GROUP BY ?predicate ?modality ORDER BY ?predicate ?modality"""
# DISTINCT: Oxigraph's union default graph keeps a triple once per graph holding it (as kg's store.count knows)
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"

# ---------------------------------------------------------------- the synthetic graph (kg.synthetic)


def to_rdflib(quads: list[tuple]) -> list:
    nodes: dict[str, URIRef] = {}

    def term(t):
        if isinstance(t, str):
            node = nodes.get(t)
            if node is None:
                node = nodes[t] = URIRef(t)
            return node
        lexical, datatype = t
        return Literal(lexical, datatype=term(datatype)) if datatype else Literal(lexical)

    return [(term(s), term(p), term(o), term(g)) for s, p, o, g in quads]


# ---------------------------------------------------------------- the two sides


class _Quads:
    """What kg.exports.export needs of a store: ``quads()``."""

    def __init__(self, store: ox.Store):
        self.store = store

    def quads(self):
        return iter(self.store)


class Oxigraph:
    name = "oxigraph"

    def __init__(self, quads: list, disk: bool):
        self.data = quads
        self.disk = disk
        self.store = None
        self._dir = None

    def load(self):
        if self.disk:
            self._dir = tempfile.TemporaryDirectory(prefix="kg-bench-")
            self.store = ox.Store(self._dir.name)
        else:
            self.store = ox.Store()
        self.store.extend(self.data)
        if self.disk:
            self.store.flush()

    def aggregate(self):
        solutions = self.store.query(AGGREGATE, use_default_graph_as_union=True)
        return [(s["predicate"].value, s["modality"].value, int(s["claims"].value)) for s in solutions]

    def count(self):
        return int(next(iter(self.store.query(COUNT, use_default_graph_as_union=True)))["n"].value)

    def turtle(self):
        return export(_Quads(self.store), "turtle")

    def export_steps(self) -> dict[str, float]:
        """kg's Turtle export step by step (as kg/exports.py's _rdf does it): where its time goes."""
        steps = {}
        start = time.perf_counter()
        quads = list(self.store)
        steps["dump quads"] = time.perf_counter() - start
        start = time.perf_counter()
        triples = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
        steps["distinct triples"] = time.perf_counter() - start
        start = time.perf_counter()
        ordered = sorted(triples, key=_triple_key)
        steps["sort"] = time.perf_counter() - start
        start = time.perf_counter()
        ox.serialize(ordered, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
        steps["serialize"] = time.perf_counter() - start
        return steps

    def close(self):
        self.store = None
        gc.collect()
        if self._dir is not None:
            self._dir.cleanup()
            self._dir = None


class RDFLib:
    name = "rdflib"

    def __init__(self, quads: list):
        self.data = quads
        self.dataset = None

    def load(self):
        dataset = Dataset(default_union=True)
        for prefix, namespace in PREFIXES.items():
            dataset.bind(prefix, namespace, override=True, replace=True)
        dataset.addN(self.data)
        self.dataset = dataset

    def aggregate(self):
        return [(str(p), str(m), int(n)) for p, m, n in self.dataset.query(AGGREGATE)]

    def count(self):
        return len(self.dataset)

    def turtle(self):
        return self.dataset.serialize(format="turtle", encoding="utf-8")

    def close(self):
        self.dataset = None
        gc.collect()


# ---------------------------------------------------------------- the run


def triple_set(turtle: bytes) -> set:
    return {
        (str(t.subject), str(t.predicate), _literal_key(t.object)) for t in ox.parse(turtle, format=ox.RdfFormat.TURTLE)
    }


def _literal_key(term) -> str:
    """Compare numbers by value: rdflib may write 0.5 where the data says "0.50"^^xsd:decimal."""
    if isinstance(term, ox.Literal) and term.datatype.value in (XSD + "decimal", XSD + "integer"):
        from decimal import Decimal

        return f"{Decimal(term.value).normalize()}^^{term.datatype.value}"
    return str(term)


OPERATIONS = ("load", "aggregate", "count", "turtle")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=300_000, help="quads to generate (default 300000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each operation (default 3)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the generator (default 7)")
    parser.add_argument(
        "--disk",
        action="store_true",
        help="Oxigraph on disk in a temporary folder (as kg's embedded store) instead of in memory",
    )
    args = parser.parse_args(argv)
    began = time.perf_counter()

    raw = generate(args.triples, args.seed)
    graphs = len({g for _, _, _, g in raw})
    sides = [Oxigraph(to_oxigraph(raw), args.disk), RDFLib(to_rdflib(raw))]
    del raw
    print(
        f"cores: {os.cpu_count()}  pyoxigraph {ox.__version__}  rdflib {__import__('rdflib').__version__}  "
        f"Python {sys.version.split()[0]}"
    )
    print(
        f"synthetic graph: {len(sides[0].data)} quads in {graphs} named graphs (seed {args.seed}), "
        f"Oxigraph {'on disk' if args.disk else 'in memory'}; generated in {time.perf_counter() - began:.1f} s"
    )

    times = {(op, side.name): [] for op in OPERATIONS for side in sides}
    results: dict[tuple[str, str], object] = {}
    steps: dict[str, list[float]] = {}
    for rep in range(args.repeat):
        order = sides if rep % 2 == 0 else sides[::-1]  # alternate who goes first
        for op in OPERATIONS:
            for side in order:
                if op == "load":
                    side.close()  # drop the previous store (outside the timed region)
                gc.collect()
                start = time.perf_counter()
                result = getattr(side, op)()
                times[op, side.name].append(time.perf_counter() - start)
                if rep == 0:
                    results[op, side.name] = result
        gc.collect()
        for step, seconds in sides[0].export_steps().items():
            steps.setdefault(step, []).append(seconds)
        print(f"  round {rep + 1}/{args.repeat} done at {time.perf_counter() - began:.0f} s", flush=True)

    # the two sides must have computed the same thing
    agree = {
        "aggregate": results["aggregate", "oxigraph"] == results["aggregate", "rdflib"],
        "count": results["count", "oxigraph"] == results["count", "rdflib"],
        "turtle": triple_set(results["turtle", "oxigraph"]) == triple_set(results["turtle", "rdflib"]),
    }
    print(
        f"union triples: {results['count', 'oxigraph']} (oxigraph), {results['count', 'rdflib']} (rdflib); "
        f"claim groups: {len(results['aggregate', 'oxigraph'])}; Turtle bytes: "
        f"{len(results['turtle', 'oxigraph'])} (oxigraph), {len(results['turtle', 'rdflib'])} (rdflib)"
    )
    print("results agree: " + ", ".join(f"{op} {'yes' if ok else 'NO'}" for op, ok in agree.items()))

    print(f"\nmedians of {args.repeat} interleaved runs (seconds are noise here; read the ratios)")
    print(f"{'operation':<10} {'oxigraph s':>11} {'rdflib s':>10} {'rdflib/oxigraph':>16}")
    for op in OPERATIONS:
        fast, slow = statistics.median(times[op, "oxigraph"]), statistics.median(times[op, "rdflib"])
        ratio = slow / fast if fast > 0 else float("inf")
        print(f"{op:<10} {fast:>11.4g} {slow:>10.4g} {ratio:>16.3g}")
    step_medians = {step: statistics.median(values) for step, values in steps.items()}
    whole = sum(step_medians.values())
    print(
        "\nwhere kg's Turtle export spends its time (oxigraph side, medians): "
        + ", ".join(f"{step} {seconds / whole:.0%}" for step, seconds in step_medians.items())
    )
    serialize_only = step_medians["serialize"]
    print(
        f"rdflib Turtle / pyoxigraph.serialize alone (sorted triples given): "
        f"{statistics.median(times['turtle', 'rdflib']) / serialize_only:.3g}"
    )
    for side in sides:
        side.close()
    print(f"total {time.perf_counter() - began:.0f} s")
    return 0 if all(agree.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
