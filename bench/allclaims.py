"""``kg query --name all-claims --format csv`` at scale: kg.allclaims against the query run by Oxigraph.

On a generated store (:func:`kg.synthetic.generate`, seeded, bulk-loaded with
the name index an ingest writes, as ``bench/queries.py`` builds it), or on
``--store``, each contender is one process of its own, wall time with start-up:

- ``native``: ``kg query --name all-claims --format csv`` (the embedded store
  answers the named query's text with :mod:`kg.allclaims`);
- ``sparql``: the same text with a line end added, through ``--file``: no
  longer the named query's text, so Oxigraph runs it as written (its
  ``ORDER BY`` in Python, :mod:`kg.order`), the rest of the command the same;
- ``before`` (with ``--before DIR``): the named query run by the kg of
  ``DIR``, the tree of an earlier commit (``git archive COMMIT | tar -x -C DIR``),
  imported first (``PYTHONPATH``), with this checkout's interpreter.

Then the same in this process, without start-up or the query's child
process: ``EmbeddedStore.query`` of the text (``in-process native``) and with
``native=False`` (``in-process sparql``).

The contenders run interleaved (the order rotating from round to round),
``--rounds`` times; the table gives median, min and max seconds and the ratio
of the medians to ``sparql`` (and to ``before``); the load average is printed
after each round. The exit status is 1 if two contenders wrote different CSV
bytes. Absolute seconds are noise on a shared machine; only the ratios are
results.

    .venv/bin/python bench/allclaims.py [--quads 1000000] [--rounds 5] [--seed 7] [--store DIR] [--before DIR]
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.names import reindex
from kg.query import named_queries, render
from kg.store import EmbeddedStore
from kg.synthetic import generate, to_oxigraph


def _command(args: list[str], out: Path, pythonpath: str | None = None) -> tuple[float, str]:
    """Wall seconds of ``python -m kg ARGS`` (its output to ``out``) and the digest of what it wrote; with
    ``pythonpath``, the kg found there first."""
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    start = time.perf_counter()
    with open(out, "wb") as sink:
        done = subprocess.run(  # in the output's folder: ``-m`` puts the working directory first on the path
            [sys.executable, "-m", "kg", *args], stdout=sink, stderr=subprocess.PIPE, env=env, cwd=out.parent
        )
    seconds = time.perf_counter() - start
    if done.returncode:
        sys.exit(f"kg {' '.join(args[:3])}: exit {done.returncode}: {done.stderr.decode()[-500:]}")
    return seconds, hashlib.sha256(out.read_bytes()).hexdigest()


def _in_process(location: str, native: bool) -> tuple[float, str]:
    store = EmbeddedStore(location, read_only=True)
    text = named_queries()["all-claims"].sparql
    gc.collect()
    start = time.perf_counter()
    output = render(store.query(text, name="all-claims", native=native), "csv")
    seconds = time.perf_counter() - start
    store.close()
    return seconds, hashlib.sha256(output.encode("utf-8")).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quads", type=int, default=1_000_000, help="quads to generate (default 1000000)")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (default 5)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--store", help="an existing store to query instead of a generated one")
    parser.add_argument("--before", help="a checkout of an earlier commit whose kg runs the 'before' contender")
    args = parser.parse_args(argv)
    folder = tempfile.TemporaryDirectory(prefix="kg-bench-allclaims-")
    root = Path(folder.name)
    location = args.store
    if location is None:
        location = str(root / "store")
        store = EmbeddedStore(location)
        store.oxigraph.bulk_extend(to_oxigraph(generate(args.quads, args.seed)))
        reindex(store)
        store.close()
    text = named_queries()["all-claims"].sparql
    query_file = root / "all-claims-as-written.rq"
    query_file.write_text(text + "\n", encoding="utf-8")  # not the named query's text: Oxigraph runs it
    common = ["--format", "csv", "--store", location]
    contenders = {
        "native": lambda: _command(["query", "--name", "all-claims", *common], root / "native.csv"),
        "sparql": lambda: _command(["query", "--file", str(query_file), *common], root / "sparql.csv"),
    }
    if args.before:
        before = str(Path(args.before).resolve())
        contenders["before"] = lambda: _command(["query", "--name", "all-claims", *common], root / "b.csv", before)
    contenders["in-process native"] = lambda: _in_process(location, True)
    contenders["in-process sparql"] = lambda: _in_process(location, False)
    print(f"cores: {os.cpu_count()}  load average {os.getloadavg()[0]:.2f}  store {location}")
    for job in contenders.values():  # warm-up: the store's files in the page cache
        job()
    times: dict[str, list[float]] = {name: [] for name in contenders}
    digests: dict[str, set[str]] = {name: set() for name in contenders}
    names = list(contenders)
    for round_ in range(args.rounds):
        order = names[round_ % len(names) :] + names[: round_ % len(names)]
        for name in order:
            seconds, digest = contenders[name]()
            times[name].append(seconds)
            digests[name].add(digest)
        load = os.getloadavg()
        shown = "  ".join(f"{n} {times[n][-1]:.2f}" for n in names)
        print(f"round {round_ + 1}: {shown}  (load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f})", flush=True)
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(
        f"\n{'contender':<18} {'median':>7} {'min':>7} {'max':>7} {'x sparql':>9}" + ("  x before" * bool(args.before))
    )
    for name in names:
        base = "in-process sparql" if name.startswith("in-process") else "sparql"
        line = f"{name:<18} {medians[name]:7.2f} {min(times[name]):7.2f} {max(times[name]):7.2f}"
        line += f" {medians[name] / medians[base]:9.2f}"
        if args.before and not name.startswith("in-process"):
            line += f"  {medians[name] / medians['before']:8.2f}"
        print(line)
    every = set().union(*digests.values())
    print(f"\nsame CSV bytes from every contender: {'yes' if len(every) == 1 else 'NO'}")
    folder.cleanup()
    return 0 if len(every) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
