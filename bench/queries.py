"""kg's store at scale against rdflib in memory, side by side, on a generated graph shaped like kg's output.

The graph is :func:`kg.synthetic.generate` (seeded): an entities graph and one
named graph per article. The kg side is a kg store on disk (an
``EmbeddedStore`` in a temporary folder, written with Oxigraph's bulk loader
and given its name index as an ingest writes it); the rdflib side is
``rdflib.Dataset(default_union=True)`` in memory over the same quads.

- **named queries**: every named query through ``kg.run_named`` with its
  parameters given as *names* (the look-up is timed with it), against
  ``Dataset.query`` of the same text with the entity's *IRI* already bound
  (rdflib is spared the look-up). The two answers are checked to be the same
  rows.
- **exports**: ``kg.export`` Turtle and N-Quads (sorted, to a file) against
  rdflib's ``serialize`` of the same formats, and against Oxigraph's own raw
  N-Quads dump of the store (unsorted: the floor).
- **import**: ``kg.restore.import_file`` of the N-Quads export into an empty
  store against ``Dataset.parse`` of the same file.
- **commands**: ``kg stats``, ``kg neighbors``, ``kg path`` and
  ``kg query --name all-claims`` each run as a process of its own on the
  store, with its wall time and peak memory (the child's maximum resident set).

Each measurement runs ``--repeat`` times with the two sides interleaved (the
one going first alternating) and the medians are compared; ratios are
rdflib/kg, above 1 meaning kg is faster. Absolute seconds are noise on a shared
machine. Not a test: nothing fails on a slow machine; the exit status is 1 only
if the two sides disagree on an answer.

    .venv/bin/python bench/queries.py [--quads 50000] [--repeat 3] [--seed 7] [--skip-rdflib-exports] [--no-rdflib]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import Dataset

from kg.exports import export
from kg.names import reindex
from kg.namespaces import PREFIXES
from kg.query import named_queries, run_named
from kg.restore import import_file
from kg.store import EmbeddedStore, bind_values
from kg.synthetic import generate, to_oxigraph

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store import to_rdflib  # noqa: E402  (bench/store.py: the same quads as rdflib terms)

RDF, RDFS = PREFIXES["rdf"], PREFIXES["rdfs"]


def _timed(function):
    gc.collect()
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def _rows(variables, rows) -> list:
    """Rows to compare: numbers by value (Oxigraph writes 0.8 where rdflib keeps "0.80"), a GROUP_CONCAT's
    words sorted (its order is the engine's), SAMPLE left out (any member of the group is right)."""
    keep = [i for i, v in enumerate(variables) if v != "example"]
    return sorted(tuple("" if row[i] is None else _plain(str(row[i])) for i in keep) for row in rows)


def _plain(text: str) -> str:
    try:
        return str(Decimal(text).normalize())
    except InvalidOperation:
        return " ".join(sorted(text.split()))


def _ox_rows(results) -> list:
    return _rows(results.variables, [tuple(t.value if t is not None else None for t in row) for row in results.rows])


def _rdflib_rows(results) -> list:
    return _rows([str(v) for v in results.vars], [tuple(row) for row in results])


def _hubs(store) -> list[tuple[str, str]]:
    """(IRI, label) of the entities most claims are about (as subject or object), most first."""
    rows = store.query(f"""SELECT ?e ?label (COUNT(*) AS ?n) WHERE {{
        {{ ?c <{RDF}subject> ?e }} UNION {{ ?c <{RDF}object> ?e }} ?e <{RDFS}label> ?label }}
        GROUP BY ?e ?label ORDER BY DESC(?n) ?e LIMIT 3""").rows
    return [(e.value, label.value) for e, label, _ in rows]


# The child reports its own peak (VmHWM of its address space: the rusage of a child forked from this big
# process counts this process's pages too).
_CHILD = """import sys
from kg.cli import main
code = main(sys.argv[1:])
peak = [line for line in open("/proc/self/status") if line.startswith("VmHWM:")][0].split()[1]
print(f"peak-kb {peak}", file=sys.stderr)
sys.exit(code)"""


def _command(args: list[str]) -> tuple[float, int, int]:
    """Run ``kg ARGS`` as a process of its own: wall seconds, peak resident MB, exit status."""
    start = time.perf_counter()
    child = subprocess.run(
        [sys.executable, "-c", _CHILD, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    seconds = time.perf_counter() - start
    peak = [line for line in child.stderr.splitlines() if line.startswith("peak-kb ")]
    if child.returncode or not peak:
        print(f"  {' '.join(args[:3])}: exit {child.returncode}: {child.stderr[:300]}")
    return seconds, int(peak[-1].split()[1]) // 1024 if peak else -1, child.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quads", type=int, default=50_000, help="quads to generate (default 50000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement (default 3)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-rdflib-exports", action="store_true", help="leave out rdflib's Turtle/N-Quads")
    parser.add_argument(
        "--no-rdflib", action="store_true", help="kg alone (sizes where rdflib takes too long): its times, no ratios"
    )
    args = parser.parse_args(argv)
    began = time.perf_counter()
    raw = generate(args.quads, args.seed)
    folder = tempfile.TemporaryDirectory(prefix="kg-bench-")
    root = Path(folder.name)
    store = EmbeddedStore(root / "store")
    load_s, _ = _timed(lambda: store.oxigraph.bulk_extend(to_oxigraph(raw)))
    reindex(store)
    store.flush()
    dataset, rdflib_load_s = None, float("nan")
    if not args.no_rdflib:
        dataset = Dataset(default_union=True)
        for prefix, namespace in PREFIXES.items():
            dataset.bind(prefix, namespace, override=True, replace=True)
        rdflib_load_s, _ = _timed(lambda: dataset.addN(to_rdflib(raw)))
    graphs = len({q[3] for q in raw})
    del raw
    import pyoxigraph as ox
    import rdflib

    print(
        f"cores: {os.cpu_count()}  load average {os.getloadavg()[0]:.1f}  pyoxigraph {ox.__version__}  "
        f"rdflib {rdflib.__version__}  Python {sys.version.split()[0]}"
    )
    print(
        f"generated graph: {store.count_quads()} quads in {graphs} named graphs (seed {args.seed}); "
        f"kg store on disk (bulk load {load_s:.1f} s), rdflib in memory (addN {rdflib_load_s:.1f} s)"
    )
    (hub, hub_label), (second, second_label) = _hubs(store)[:2]
    print(f"parameters: entity={hub_label!r}, b={second_label!r}")
    disagree = []

    print(f"\nnamed queries (medians of {args.repeat}; kg resolves the name, rdflib is given the IRI)")
    print(f"{'query':<17} {'rows':>6} {'kg s':>9} {'rdflib s':>9} {'rdflib/kg':>10}")
    ratios = {}
    for name, query in sorted(named_queries().items()):
        names = {p.name: (second_label if p.name == "b" else hub_label) for p in query.params}
        iris = {p.name: ox.NamedNode(second if p.name == "b" else hub) for p in query.params}
        text = bind_values(query.sparql, iris) if iris else query.sparql
        times = {"kg": [], "rdflib": []}
        answers = {}
        for rep in range(args.repeat):
            sides = [("kg", lambda: run_named(store, name, names)), ("rdflib", lambda: dataset.query(text))]
            sides = sides if dataset is not None else sides[:1]
            for side, run in sides if rep % 2 == 0 else sides[::-1]:
                seconds, result = _timed(lambda: (_ox_rows if side == "kg" else _rdflib_rows)(run()))
                times[side].append(seconds)
                answers[side] = result
        if dataset is not None and answers["kg"] != answers["rdflib"]:
            disagree.append(name)
        fast, slow = statistics.median(times["kg"]), statistics.median(times["rdflib"] or [float("nan")])
        ratios[name] = slow / fast
        print(f"{name:<17} {len(answers['kg']):>6} {fast:>9.3f} {slow:>9.3f} {slow / fast:>10.1f}", flush=True)
    if dataset is not None:
        print(
            f"median ratio {statistics.median(ratios.values()):.1f}, lowest {min(ratios.values()):.1f} "
            f"({min(ratios, key=ratios.get)})"
        )

    print(f"\nexports (medians of {args.repeat})")
    out = root / "out"
    out.mkdir()
    times = {}
    for rep in range(args.repeat):
        for fmt, rdflib_fmt in (("turtle", "turtle"), ("nquads", "nquads")):
            suffix = {"turtle": "ttl", "nquads": "nq"}[fmt]
            jobs = [(f"kg {fmt}", lambda: export(store, fmt, out / f"kg.{suffix}"))]
            if dataset is not None and not args.skip_rdflib_exports:
                jobs.append((f"rdflib {fmt}", lambda: dataset.serialize(out / f"rdflib.{fmt}", format=rdflib_fmt)))
            for label, job in jobs if rep % 2 == 0 else jobs[::-1]:
                times.setdefault(label, []).append(_timed(job)[0])
        times.setdefault("raw dump", []).append(
            _timed(lambda: store.oxigraph.dump(str(out / "raw.nq"), ox.RdfFormat.N_QUADS))[0]
        )
    medians = {label: statistics.median(values) for label, values in times.items()}
    for fmt in ("turtle", "nquads"):
        kg_s = medians[f"kg {fmt}"]
        line = f"{fmt:<8} kg {kg_s:7.2f} s   kg/raw dump {kg_s / medians['raw dump']:5.2f}"
        if f"rdflib {fmt}" in medians:
            line += f"   rdflib {medians[f'rdflib {fmt}']:7.2f} s   rdflib/kg {medians[f'rdflib {fmt}'] / kg_s:6.1f}"
        print(line)
    print(f"raw dump {medians['raw dump']:.2f} s (Store.dump N-Quads, unsorted)")

    print(f"\nimport of the N-Quads export (medians of {args.repeat})")
    times = {"kg import": [], "rdflib parse": []}
    for rep in range(args.repeat):
        jobs = [
            ("kg import", lambda: import_file(EmbeddedStore(root / f"import-{rep}"), out / "kg.nq")),
            ("rdflib parse", lambda: Dataset().parse(out / "kg.nq", format="nquads")),
        ][: 1 if args.no_rdflib else 2]
        for label, job in jobs if rep % 2 == 0 else jobs[::-1]:
            times[label].append(_timed(job)[0])
            gc.collect()
    kg_s, rdflib_s = statistics.median(times["kg import"]), statistics.median(times["rdflib parse"] or [float("nan")])
    print(f"kg import {kg_s:.2f} s   rdflib parse {rdflib_s:.2f} s   rdflib/kg {rdflib_s / kg_s:.1f}")

    del dataset
    gc.collect()
    store.close()
    print("\ncommands, each its own process on the store (wall seconds with start-up; peak memory)")
    location = str(root / "store")
    commands = {
        "stats": ["stats", "--store", location],
        "neighbors": ["neighbors", hub_label, "--store", location],
        "path": ["path", hub_label, second_label, "--store", location],
        "all-claims": ["query", "--name", "all-claims", "--format", "csv", "--store", location],
        "suppliers": ["query", "--name", "suppliers", "--param", f"entity={hub_label}", "--store", location],
        "export turtle": ["export", "--format", "turtle", "-o", str(out / "cmd.ttl"), "--store", location],
        "export nquads": ["export", "--format", "nquads", "-o", str(out / "cmd.nq"), "--store", location],
    }
    for label, command in commands.items():
        runs = [_command(command) for _ in range(args.repeat)]
        print(
            f"{label:<14} {statistics.median(r[0] for r in runs):7.2f} s   peak {max(r[1] for r in runs):6d} MB",
            flush=True,
        )
    folder.cleanup()
    print(
        f"\nanswers agree: {'yes' if not disagree else 'NO: ' + ', '.join(disagree)}; "
        f"total {time.perf_counter() - began:.0f} s"
    )
    return 1 if disagree else 0


if __name__ == "__main__":
    sys.exit(main())
