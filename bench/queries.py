"""kg's store at scale against rdflib in memory, side by side, on a generated graph shaped like kg's output.

The graph is :func:`kg.synthetic.generate` (seeded): an entities graph and one
named graph per article. The kg side is a kg store on disk (an
``EmbeddedStore`` in a temporary folder, written with Oxigraph's bulk loader
and given its name index as an ingest writes it); the rdflib side is
``rdflib.Dataset(default_union=True)`` in memory over the same quads.

- **named queries**: every named query through ``kg.run_named`` with its
  parameters given as *names* (the look-up is timed with it), against
  ``Dataset.query`` of the same text with the entity's *IRI* already bound
  (rdflib is spared the look-up); for the queries kg writes as sub-selects,
  rdflib is given the shape it answers sooner, from ``bench/queries-lookup/``.
  The two answers are checked to be the same rows.
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
rdflib/kg, above 1 meaning kg is faster. Every rdflib measurement runs in a
child forked from this process (it inherits the loaded Dataset, nothing is
reloaded) and is stopped after ``--rdflib-timeout`` seconds: its time is
then shown as "> T" and its ratio as a lower bound (">"), and the medians
count it at T (so the median ratio printed is a lower bound too). Absolute seconds are noise on a shared
machine. Not a test: nothing fails on a slow machine; the exit status is 1 only
if the two sides disagree on an answer.

    .venv/bin/python bench/queries.py [--quads 50000] [--repeat 3] [--rdflib-repeat N] [--rdflib-timeout 600]
                                      [--seed 7] [--skip-rdflib-exports] [--no-rdflib] [--only NAME,NAME]

``--only`` runs just the named queries given (both sides, no exports, import or commands): for iterating
on a query's shape; the issue's figures are those of a whole run.
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
# The named queries that kg writes as sub-selects (joined by hashing in Oxigraph) in the shape they had
# before, every property joined in one pattern: rdflib answers that shape far sooner (all-claims at 50,000
# quads: 8 s, against 150 s for the sub-selects), so rdflib is given it. The rows are the same (tested).
LOOKUP = Path(__file__).resolve().parent / "queries-lookup"


def _timed(function):
    gc.collect()
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


class _Capped:
    """A measurement stopped at its time cap: ``seconds`` is the cap (a lower bound of the real time)."""

    def __init__(self, seconds: float):
        self.seconds = seconds


def _forked(function, timeout: float):
    """``_timed(function)`` in a child forked from this process (which inherits rdflib's Dataset): (seconds,
    result), or (_Capped(timeout), None) when it had not finished after ``timeout`` seconds."""
    import multiprocessing

    receiver, sender = multiprocessing.Pipe(duplex=False)

    def child():
        sender.send(_timed(function))
        sender.close()

    process = multiprocessing.get_context("fork").Process(target=child, daemon=True)
    process.start()
    sender.close()
    try:
        if receiver.poll(timeout):
            return receiver.recv()
        return _Capped(timeout), None
    finally:
        process.kill()
        process.join()
        receiver.close()


def _seconds(value) -> float:
    return value.seconds if isinstance(value, _Capped) else value


def _median(values: list) -> tuple[float, bool]:
    """The median seconds and whether it is a lower bound (a capped run at or below it)."""
    middle = statistics.median(_seconds(v) for v in values)
    return middle, any(isinstance(v, _Capped) and v.seconds <= middle for v in values)


def _shown(seconds: float, bound: bool, width: int = 9, digits: int = 3) -> str:
    return (("> " if bound else "") + f"{seconds:.{digits}f}").rjust(width)


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
    parser.add_argument("--rdflib-repeat", type=int, help="runs of each rdflib measurement (default: --repeat)")
    parser.add_argument(
        "--rdflib-timeout", type=float, default=600, help="seconds after which an rdflib run is stopped (600)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-rdflib-exports", action="store_true", help="leave out rdflib's Turtle/N-Quads")
    parser.add_argument(
        "--no-rdflib", action="store_true", help="kg alone (sizes where rdflib takes too long): its times, no ratios"
    )
    parser.add_argument(
        "--only", help="comma-separated named queries: run these alone (both sides), nothing else", default=""
    )
    args = parser.parse_args(argv)
    only = [n for n in args.only.split(",") if n]
    unknown = sorted(set(only) - set(named_queries()))
    if unknown:
        parser.error(f"no named query {', '.join(unknown)} (kg query --list shows them)")
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

    rdflib_repeat = args.rdflib_repeat or args.repeat
    cap = args.rdflib_timeout

    def sides(rep: int, kg_job, rdflib_job) -> list:
        """The runs of one round, the first side alternating; rdflib's only in its first rounds."""
        jobs = [("kg", kg_job)]
        if dataset is not None and rdflib_job is not None and rep < rdflib_repeat:
            jobs.append(("rdflib", rdflib_job))
        return jobs if rep % 2 == 0 else jobs[::-1]

    def run(side: str, job):
        return _timed(job) if side == "kg" else _forked(job, cap)

    print(
        f"\nnamed queries (medians of {args.repeat} kg runs, {rdflib_repeat} rdflib runs stopped after {cap:.0f} s; "
        "kg resolves the name, rdflib is given the IRI)"
    )
    print(f"{'query':<17} {'rows':>6} {'kg s':>9} {'rdflib s':>11} {'rdflib/kg':>11}")
    ratios: dict[str, tuple[float, bool]] = {}
    for name, query in sorted(named_queries().items()):
        if only and name not in only:
            continue
        names = {p.name: (second_label if p.name == "b" else hub_label) for p in query.params}
        iris = {p.name: ox.NamedNode(second if p.name == "b" else hub) for p in query.params}
        lookup = LOOKUP / f"{name}.rq"  # rdflib's better shape where kg's joins by hashing
        text = lookup.read_text(encoding="utf-8") if lookup.is_file() else query.sparql
        text = bind_values(text, iris) if iris else text
        times: dict[str, list] = {"kg": [], "rdflib": []}
        answers: dict[str, object] = {}
        for rep in range(args.repeat):
            kg_job = lambda: _ox_rows(run_named(store, name, names))  # noqa: E731
            rdflib_job = lambda: _rdflib_rows(dataset.query(text))  # noqa: E731
            for side, job in sides(rep, kg_job, rdflib_job):
                seconds, result = run(side, job)
                times[side].append(seconds)
                if result is not None:
                    answers[side] = result
        if "rdflib" in answers and answers["kg"] != answers["rdflib"]:
            disagree.append(name)
        fast = statistics.median(times["kg"])
        slow, bound = _median(times["rdflib"]) if times["rdflib"] else (float("nan"), False)
        ratios[name] = (slow / fast, bound)
        print(
            f"{name:<17} {len(answers['kg']):>6} {fast:>9.3f} {_shown(slow, bound, 11)} "
            f"{_shown(slow / fast, bound, 11, 1)}",
            flush=True,
        )
    if dataset is not None:
        middle = statistics.median(r for r, _ in ratios.values())
        lowest = min(ratios, key=lambda n: ratios[n][0])
        bound = sum(b for _, b in ratios.values()) * 2 >= len(ratios) or any(
            b and r <= middle for r, b in ratios.values()
        )
        print(
            f"median ratio {'>= ' if bound else ''}{middle:.1f}, lowest {ratios[lowest][0]:.1f}"
            f"{' (a lower bound)' if ratios[lowest][1] else ''} ({lowest})"
        )
    if only:
        folder.cleanup()
        print(f"\nanswers agree: {'yes' if not disagree else 'NO: ' + ', '.join(disagree)}")
        return 1 if disagree else 0

    print(f"\nexports (medians of {args.repeat}; rdflib's {rdflib_repeat})")
    out = root / "out"
    out.mkdir()
    times = {}
    for rep in range(args.repeat):
        for fmt in ("turtle", "nquads"):
            suffix = {"turtle": "ttl", "nquads": "nq"}[fmt]
            kg_job = lambda: export(store, fmt, out / f"kg.{suffix}")  # noqa: E731
            rdflib_job = None
            if not args.skip_rdflib_exports:
                rdflib_job = lambda: dataset.serialize(out / f"rdflib.{fmt}", format=fmt)  # noqa: E731
            for side, job in sides(rep, kg_job, rdflib_job):
                times.setdefault(f"{side} {fmt}", []).append(run(side, job)[0])
        times.setdefault("raw dump", []).append(
            _timed(lambda: store.oxigraph.dump(str(out / "raw.nq"), ox.RdfFormat.N_QUADS))[0]
        )
    raw_s = statistics.median(times["raw dump"])
    for fmt in ("turtle", "nquads"):
        kg_s = statistics.median(times[f"kg {fmt}"])
        line = f"{fmt:<8} kg {kg_s:7.2f} s   kg/raw dump {kg_s / raw_s:5.2f}"
        if f"rdflib {fmt}" in times:
            slow, bound = _median(times[f"rdflib {fmt}"])
            line += f"   rdflib {_shown(slow, bound, 9, 2)} s   rdflib/kg {_shown(slow / kg_s, bound, 7, 1)}"
        print(line)
    print(f"raw dump {raw_s:.2f} s (Store.dump N-Quads, unsorted)")

    print(f"\nimport of the N-Quads export (medians of {args.repeat}; rdflib's {rdflib_repeat})")
    times = {"kg": [], "rdflib": []}
    for rep in range(args.repeat):
        kg_job = lambda: import_file(EmbeddedStore(root / f"import-{rep}"), out / "kg.nq")  # noqa: E731
        rdflib_job = lambda: len(Dataset().parse(out / "kg.nq", format="nquads"))  # noqa: E731
        for side, job in sides(rep, kg_job, rdflib_job):
            times[side].append(run(side, job)[0])
            gc.collect()
    kg_s = statistics.median(times["kg"])
    slow, bound = _median(times["rdflib"]) if times["rdflib"] else (float("nan"), False)
    print(
        f"kg import {kg_s:.2f} s   rdflib parse {_shown(slow, bound, 0, 2)} s   rdflib/kg {_shown(slow / kg_s, bound, 0, 1)}"
    )

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
