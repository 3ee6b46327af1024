"""What a guarded query costs: the same queries in this process and in a guarded child (``kg.guard``),
and through ``kg serve`` over HTTP, on one small generated store on disk.

Each query runs ``--repeat`` times (default 21) each way; the medians and the
time the guard adds are printed (the price of a query that can be stopped).
That price is a fork and a cold read-only opening of the store, a constant per
query rather than a factor, so a ratio would say nothing. Absolute times are
noise on a shared machine.

    .venv/bin/python bench/guard.py [--triples 20000] [--repeat 21] [--no-serve]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.guard import GuardedStore  # noqa: E402
from kg.store import EmbeddedStore  # noqa: E402

QUERIES = {
    "ask": "ASK {}",
    "count": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "group": "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY ?p",
}


def build(folder: Path, triples: int) -> str:
    store = EmbeddedStore(folder)
    graph = "https://example.org/g"
    quads = [
        ox.Quad(
            ox.NamedNode(f"urn:s{i % 997}"),
            ox.NamedNode(f"urn:p{i % 13}"),
            ox.Literal(f"value {i}"),
            ox.NamedNode(graph),
        )
        for i in range(triples)
    ]
    store.oxigraph.extend(quads)
    store.close()
    return str(folder)


def median_ms(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def serve_medians(location: str, repeat: int) -> dict[str, float]:
    import httpx

    sys.path.insert(0, str(ROOT / "tests"))
    from tests.test_serve import start
    from tests.test_store_server import stop

    with tempfile.TemporaryDirectory() as log_dir:
        url, process = start(location, Path(log_dir) / "serve.log")
        try:
            with httpx.Client() as client:
                return {
                    name: median_ms(lambda q=sparql: client.get(f"{url}/sparql", params={"query": q}), repeat)
                    for name, sparql in QUERIES.items()
                }
        finally:
            stop(process)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--no-serve", action="store_true", help="leave out kg serve")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        location = build(Path(folder) / "store", args.triples)
        plain, guarded = EmbeddedStore(location, read_only=True), GuardedStore(location)
        served = {} if args.no_serve else serve_medians(location, args.repeat)
        print(f"{args.triples} triples, medians of {args.repeat} runs (ms)")
        print(f"{'query':<8}{'plain':>10}{'guarded':>10}{'added':>8}{'kg serve':>10}")
        for name, sparql in QUERIES.items():
            assert plain.query(sparql) == guarded.query(sparql)
            a = median_ms(lambda: plain.query(sparql), args.repeat)
            b = median_ms(lambda: guarded.query(sparql), args.repeat)
            http = f"{served[name]:>10.1f}" if served else ""
            print(f"{name:<8}{a:>10.2f}{b:>10.1f}{b - a:>8.1f}{http}")


if __name__ == "__main__":
    main()
