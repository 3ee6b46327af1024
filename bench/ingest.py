"""Ingest cost, classifier included, against the bare spaCy pipeline, measured side by side.

The requirement: *ingest, classifier included, takes at most 1.3 times the bare
spaCy pipeline on the same texts.* Contenders, all over the same articles:

- ``spacy``       the bare model (``spacy.load(kg.nlp.model_name())``, no gazetteer ruler), one
                  ``nlp.pipe`` over exactly the blocks kg parses (title and paragraphs of each
                  ``Article.content``, split by ``kg.nlp._blocks``), with the batch size kg's
                  pipeline uses;
- ``kg-extract``  ``Extractor(min_confidence=None).extract_many(articles)`` consumed fully: parse
                  (gazetteer ruler), ``kg.spans.reconcile``, ``repair_parse`` re-parses, mentions,
                  rules, coreference, modality, features, confidence scoring, the threshold;
- ``kg-ingest``   the whole ``kg.pipeline.ingest(paths, store, extractor)`` into a fresh embedded
                  store (``kg.store.open_store`` on a new temporary folder) per round: reading the
                  files, extraction (in kg's batches of articles), entity resolution, RDF mapping,
                  the store writes.

``--stages`` adds three contenders that split ``kg-extract`` into its steps, unprofiled:

- ``kg-pipe``     kg's spaCy pipeline (model + gazetteer span ruler), one ``nlp.pipe`` over the blocks;
- ``kg-parse``    ``kg.nlp.parse_articles`` as ``Extractor.candidates_many`` calls it (pipe,
                  reconcile, ``repair_parse``), consumed fully;
- ``kg-cands``    ``Extractor.candidates_many(articles)``: the parse plus the rules (no scoring).

The models, gazetteer, rules and confidence model are loaded (and every
contender run once on a few articles) outside the timed region, so model
loading is excluded from every contender. Then the contenders run interleaved
for ``--rounds`` rounds, the order rotating from round to round, and the
medians are compared. Absolute seconds are noise on a shared machine; the
ratios are the result. Afterwards one separate, untimed ``kg-extract`` run under
cProfile lists the functions of ``kg/`` by cumulative time.

    .venv/bin/python bench/ingest.py [--articles DIR ...] [--rounds 5] [--stages] [--top 25] [--no-profile]
                                     [--profile-ingest] [--model NAME] [--warmup 20]

``--processes`` measures the two cores instead (issue 8: *ingest with two processes faster than bare spaCy
with one*), in words per second over the same texts, four contenders interleaved:

- ``spacy-1``  the bare model, one ``nlp.pipe`` over the blocks kg parses, in this process;
- ``spacy-2``  the same with ``n_process=2`` (spaCy's own worker processes, forked per call);
- ``kg-1``     ``kg.pipeline.ingest`` into a fresh embedded store, in this process (model loaded beforehand);
- ``kg-2``     the same with ``jobs=2``: two worker processes parse and extract, this one writes; the
               workers start inside the timed run. On Linux they are forked from this process, whose
               extractor is loaded beforehand (as for ``kg-1``), so they load nothing; ``kg ingest --jobs 2``
               pays one model load in its parent before forking, as ``kg ingest`` pays it in its one process.
               Elsewhere they are spawned and each loads the model inside the timed run.

Its corpus (default): ``../shared/eval/dev/articles`` and ``bench/fresh/*/articles``, copied ``--copies`` times
(10: about 280,000 words) into a temporary folder, so that each copy is an article of its own. Words are the
whitespace-separated tokens of the blocks parsed.

    .venv/bin/python bench/ingest.py --processes [--copies 10] [--rounds 3] [--articles DIR ...]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import platform
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from extraction import _is_kg, _where  # noqa: E402  (the locations bench/extraction.py prints)

EVAL = ROOT.parent / "shared" / "eval"
DEFAULT_ARTICLES = [
    EVAL / "dev" / "articles",
    EVAL / "real" / "fire" / "articles",
    EVAL / "real" / "redocred" / "articles",
    EVAL / "real" / "dfki" / "articles",
]
TARGET = 1.3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--articles",
        nargs="+",
        action="extend",
        default=None,
        metavar="DIR",
        help="article folders or files (repeatable; default: the four folders of ../shared/eval)",
    )
    parser.add_argument("--rounds", type=int, default=5, help="interleaved timed rounds (default 5; 0: none)")
    parser.add_argument("--model", default=None, help="spaCy model (default: the one kg picks)")
    parser.add_argument(
        "--stages", action="store_true", help="also time kg-pipe, kg-parse and kg-cands (kg-extract split in its steps)"
    )
    parser.add_argument("--warmup", type=int, default=20, help="input files of the warm-up run (default 20)")
    parser.add_argument("--top", type=int, default=25, help="kg functions listed by the profile (default 25)")
    parser.add_argument("--no-profile", action="store_true", help="skip the profiled kg-extract run")
    parser.add_argument(
        "--profile-ingest",
        action="store_true",
        help="also profile one kg-ingest run (where the RDF mapping and store writes go)",
    )
    parser.add_argument(
        "--processes",
        action="store_true",
        help="the two cores: words per second of spaCy and kg with one and two processes (see the docstring)",
    )
    parser.add_argument("--copies", type=int, default=10, help="--processes: copies of the corpus (default 10)")
    args = parser.parse_args(argv)
    if args.processes:
        return processes(args)
    paths = [str(p) for p in (args.articles or DEFAULT_ARTICLES)]

    import spacy

    import kg.nlp
    from kg.articles import iter_input_files, read_articles
    from kg.nlp import _blocks, model_name, parse_articles
    from kg.pipeline import Extractor, ingest
    from kg.store import open_store

    articles, errors = read_articles(paths)
    for error in errors:
        print(f"warning: {error}", file=sys.stderr)
    if not articles:
        print(f"no articles under {', '.join(paths)}", file=sys.stderr)
        return 2

    # ---- everything loaded outside the timed region
    name = model_name(args.model)
    extractor = Extractor(model=args.model, min_confidence=None)
    gazetteer, rules, kg_nlp = extractor.load()
    scorer, threshold = extractor.scorer, extractor.threshold
    bare_nlp = spacy.load(name)
    if "gazetteer" in bare_nlp.pipe_names or "entity_ruler" in bare_nlp.pipe_names:
        raise SystemExit(f"the bare model {name} already has a ruler: {bare_nlp.pipe_names}")
    batch_size = kg_nlp.batch_size  # kg's nlp.pipe passes none: the pipeline's own batch_size
    texts = [text for article in articles for _, text in _blocks(article.content)]

    def spacy_bare(subset=None):
        for _ in bare_nlp.pipe(texts if subset is None else subset, batch_size=batch_size):
            pass

    claims = {"kg-extract": 0, "kg-ingest": 0}

    def kg_extract(subset=None):
        claims["kg-extract"] = sum(len(found) for found in extractor.extract_many(subset or articles))

    stores: list[str] = []

    def kg_ingest(subset_paths=None):
        folder = tempfile.mkdtemp(prefix="kg-bench-ingest-", dir="/tmp")
        stores.append(folder)
        store = open_store(folder)
        gc.collect()
        start, cpu = time.perf_counter(), time.process_time()
        report = ingest(subset_paths or paths, store, extractor)
        elapsed, cpu_elapsed = time.perf_counter() - start, time.process_time() - cpu
        store.close()
        if not report.ok and subset_paths is None:
            print(f"warning: ingest rejected {len(report.rejected)} input(s)", file=sys.stderr)
        claims["kg-ingest"] = report.claims
        return elapsed, cpu_elapsed  # timed inside: opening and closing the fresh store are left out

    verbs, demonyms = rules.verb_lemmas, gazetteer.demonym_forms
    name_words = frozenset(rules.lexicon["company_name_words"])

    def kg_pipe(subset=None):
        for _ in kg_nlp.pipe(texts if subset is None else subset):
            pass

    def kg_parse(subset=None):
        for _ in parse_articles(kg_nlp, subset or articles, verbs, demonyms, name_words, rules.name_policy):
            pass

    def kg_cands(subset=None):
        for _ in extractor.candidates_many(subset or articles):
            pass

    contenders = {"spacy": spacy_bare, "kg-extract": kg_extract, "kg-ingest": kg_ingest}
    if args.stages:
        contenders.update({"kg-pipe": kg_pipe, "kg-parse": kg_parse, "kg-cands": kg_cands})

    print(
        f"machine: {os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), "
        f"Python {platform.python_version()}, {platform.platform()}, load average "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    print(
        f"model: {name} {spacy.util.get_package_version(name) or ''}  spaCy {spacy.__version__}  "
        f"batch size {batch_size}  (kg ingest parses {kg.pipeline._BATCH} articles per stream)"
    )
    print(f"bare pipes: {', '.join(bare_nlp.pipe_names)}")
    print(f"kg pipes:   {', '.join(kg_nlp.pipe_names)}")
    print(f"confidence model: threshold {threshold:.4f} ({len(scorer.weights)} weights)")
    print(f"articles: {len(articles)} from {', '.join(paths)}")
    print(f"texts: {len(texts)} blocks (titles + paragraphs), {sum(map(len, texts)):,} characters")

    # ---- warm-up on a few articles; checks that the bench's texts are the ones kg parses
    warm_files = [str(path) for path, error in iter_input_files(paths) if error is None][: args.warmup]
    warm_articles, _ = read_articles(warm_files)
    warm_texts = [text for article in warm_articles for _, text in _blocks(article.content)]
    parsed = [p.doc.text for paragraphs in parse_articles(kg_nlp, warm_articles) for p in paragraphs]
    if parsed != warm_texts:
        raise SystemExit("bench texts differ from what kg.nlp.parse_articles parses; update the bench")
    for key, run in contenders.items():
        if key == "kg-ingest":
            run(warm_files)
        elif key in ("spacy", "kg-pipe"):
            run(warm_texts)
        else:
            run(warm_articles)
    print(f"warm-up: {len(warm_articles)} articles, every contender once")

    times: dict[str, list[float]] = {key: [] for key in contenders}
    cpu_times: dict[str, list[float]] = {key: [] for key in contenders}  # this process's CPU: less noisy on a
    # shared machine than wall time
    order = list(contenders)
    try:
        for round_ in range(args.rounds):
            shift = round_ % len(order)
            line = []
            for key in order[shift:] + order[:shift]:  # rotate: no contender always goes first
                gc.collect()
                start, cpu = time.perf_counter(), time.process_time()
                inner = contenders[key]()
                elapsed, cpu_elapsed = (
                    inner if key == "kg-ingest" else (time.perf_counter() - start, time.process_time() - cpu)
                )
                times[key].append(elapsed)
                cpu_times[key].append(cpu_elapsed)
                line.append(f"{key} {elapsed:.2f}s ({cpu_elapsed:.2f}s cpu)")
            print(f"round {round_ + 1}/{args.rounds}: " + ", ".join(line), flush=True)
    finally:
        for folder in stores:
            shutil.rmtree(folder, ignore_errors=True)
        stores.clear()

    ratio = None
    if args.rounds:
        medians = {key: statistics.median(values) for key, values in times.items()}
        base = medians["spacy"]
        print(f"\nclaims published: kg-extract {claims['kg-extract']}, kg-ingest {claims['kg-ingest']}")
        print(f"\n{args.rounds} interleaved rounds, medians (absolute seconds are noise here; read the ratios)")
        print(f"{'contender':<11} {'median s':>9} {'min s':>8} {'max s':>8} {'x spacy':>8} {'paired':>7}")
        for key in order:
            paired = statistics.median(t / b for t, b in zip(times[key], times["spacy"]))
            print(
                f"{key:<11} {medians[key]:>9.3f} {min(times[key]):>8.3f} {max(times[key]):>8.3f} "
                f"{medians[key] / base:>8.2f} {paired:>7.2f}"
            )
        print("x spacy: ratio of the medians; paired: median of the per-round ratios (same round, side by side)")
        cpu_medians = {key: statistics.median(values) for key, values in cpu_times.items()}
        print("\nCPU time of this process (other work on the machine moves it less), medians")
        for key in order:
            paired = statistics.median(t / b for t, b in zip(cpu_times[key], cpu_times["spacy"]))
            print(
                f"{key:<11} {cpu_medians[key]:>9.3f} s  x spacy {cpu_medians[key] / cpu_medians['spacy']:>5.2f}"
                f"  paired {paired:>5.2f}"
            )
        if args.stages:
            m = medians
            print(
                f"\nsteps: kg-pipe/spacy={m['kg-pipe'] / base:.2f} (gazetteer ruler), "
                f"kg-parse/kg-pipe={m['kg-parse'] / m['kg-pipe']:.2f} (reconcile, repair_parse), "
                f"kg-cands/kg-parse={m['kg-cands'] / m['kg-parse']:.2f} (rules),\n  "
                f"kg-extract/kg-cands={m['kg-extract'] / m['kg-cands']:.2f} (scoring), "
                f"kg-ingest/kg-extract={m['kg-ingest'] / m['kg-extract']:.2f} (reading, RDF, store)"
            )
        ratio = medians["kg-ingest"] / base
        extract_ratio = medians["kg-extract"] / base
        print(
            f"\ntarget <= {TARGET}: kg-ingest/spacy={ratio:.2f} -> {'met' if ratio <= TARGET else 'NOT met'}; "
            f"kg-extract/spacy={extract_ratio:.2f} -> {'met' if extract_ratio <= TARGET else 'NOT met'}"
        )

    if not args.no_profile:
        profile(kg_extract, args.top, "kg-extract")
    if args.profile_ingest:
        try:
            profile(kg_ingest, args.top, "kg-ingest")
        finally:
            for folder in stores:
                shutil.rmtree(folder, ignore_errors=True)

    if ratio is not None:
        print(f"ratio={ratio:.2f} extract_ratio={extract_ratio:.2f}")
    return 0


# ---- the two cores (--processes)

PROCESS_ARTICLES = [EVAL / "dev" / "articles", *sorted((ROOT / "bench" / "fresh").glob("*/articles"))]


def _copied(sources: list[Path], copies: int, folder: Path) -> None:
    """Every input file of ``sources``, copied ``copies`` times under ``folder`` (r00/SET/FILE, ...): each copy
    an article of its own id."""
    from kg.articles import iter_input_files

    for path, error in iter_input_files(sources):
        if error is not None:
            continue
        source = next(s for s in sources if path.is_relative_to(s))
        name = source.parent.name if source.name == "articles" else source.name
        for copy in range(copies):
            target = folder / f"r{copy:02}" / name / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


def processes(args) -> int:
    """spaCy and kg with one and two processes, side by side, in words per second."""
    import spacy

    from kg.articles import read_articles
    from kg.nlp import _blocks, model_name
    from kg.pipeline import Extractor, ingest
    from kg.store import open_store

    sources = [Path(p).resolve() for p in (args.articles or PROCESS_ARTICLES)]
    corpus = Path(tempfile.mkdtemp(prefix="kg-bench-corpus-", dir="/tmp"))
    stores: list[str] = []
    try:
        _copied(sources, args.copies, corpus)
        articles, errors = read_articles([corpus])
        for error in errors:
            print(f"warning: {error}", file=sys.stderr)
        name = model_name(args.model)
        extractor = Extractor(model=args.model)
        _, _, kg_nlp = extractor.load()
        bare_nlp = spacy.load(name)
        batch_size = kg_nlp.batch_size
        texts = [text for article in articles for _, text in _blocks(article.content)]
        words = sum(len(text.split()) for text in texts)
        claims: dict[str, int] = {}

        def spacy_run(n_process: int):
            def run():
                for _ in bare_nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
                    pass

            return run

        def kg_run(jobs: int):
            def run():
                folder = tempfile.mkdtemp(prefix="kg-bench-ingest-", dir="/tmp")
                stores.append(folder)
                store = open_store(folder)
                report = ingest([corpus], store, extractor, jobs=jobs)
                store.close()
                claims[f"kg-{jobs}"] = report.claims
                if report.rejected:
                    print(f"warning: kg-{jobs} rejected {len(report.rejected)} input(s)", file=sys.stderr)
                shutil.rmtree(folder, ignore_errors=True)

            return run

        contenders = {"spacy-1": spacy_run(1), "spacy-2": spacy_run(2), "kg-1": kg_run(1), "kg-2": kg_run(2)}
        print(
            f"machine: {os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), "
            f"Python {platform.python_version()}, {platform.platform()}"
        )
        print(f"model: {name} {spacy.util.get_package_version(name) or ''}  spaCy {spacy.__version__}")
        print(f"corpus: {', '.join(str(s) for s in sources)}, {args.copies} copies")
        print(
            f"articles: {len(articles)}; blocks: {len(texts)}; words: {words:,}; characters: {sum(map(len, texts)):,}"
        )
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)

        times: dict[str, list[float]] = {key: [] for key in contenders}
        loads: list[float] = []
        order = list(contenders)
        for round_ in range(args.rounds):
            shift = round_ % len(order)
            line = []
            for key in order[shift:] + order[:shift]:  # rotate: no contender always goes first
                gc.collect()
                start = time.perf_counter()
                contenders[key]()
                times[key].append(time.perf_counter() - start)
                line.append(f"{key} {times[key][-1]:.1f}s")
            loads.append(os.getloadavg()[0])
            print(f"round {round_ + 1}/{args.rounds}: {', '.join(line)}; load {loads[-1]:.2f}", flush=True)
    finally:
        shutil.rmtree(corpus, ignore_errors=True)
        for folder in stores:
            shutil.rmtree(folder, ignore_errors=True)

    if not args.rounds:
        return 0
    medians = {key: statistics.median(values) for key, values in times.items()}
    base = medians["spacy-1"]
    print(f"\nclaims: kg-1 {claims.get('kg-1')}, kg-2 {claims.get('kg-2')} (must be equal)")
    print(f"\n{args.rounds} interleaved rounds over {words:,} words; medians; x spacy-1 is the speed (words/s) ratio")
    print(f"{'contender':<9} {'median s':>9} {'min s':>7} {'max s':>7} {'words/s':>8} {'x spacy-1':>9} {'paired':>7}")
    for key in order:
        paired = statistics.median(b / t for t, b in zip(times[key], times["spacy-1"]))
        print(
            f"{key:<9} {medians[key]:>9.1f} {min(times[key]):>7.1f} {max(times[key]):>7.1f} "
            f"{words / medians[key]:>8,.0f} {base / medians[key]:>9.2f} {paired:>7.2f}"
        )
    print("paired: median of the per-round speed ratios (same round, side by side)")
    print(
        f"load average (1 min) after each round: {', '.join(f'{x:.2f}' for x in loads)}; "
        f"now {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    speedup = medians["kg-1"] / medians["kg-2"]
    target = base / medians["kg-2"]
    print(
        f"\nkg-2/kg-1 speed-up {speedup:.2f}; spacy-2/spacy-1 {base / medians['spacy-2']:.2f}; "
        f"target kg-2 faster than spacy-1: {target:.2f} -> {'met' if target > 1 else 'NOT met'}"
    )
    print(f"ratio_kg2_spacy1={target:.2f} speedup_kg={speedup:.2f}")
    return 1 if claims.get("kg-1") != claims.get("kg-2") else 0


# ---- the profile

_SPACY_CALLS = (("spacy/language.py", "pipe"), ("spacy/language.py", "__call__"))


def profile(run, top: int, label: str) -> None:
    """One profiled, untimed run: kg's functions by cumulative time, and who calls spaCy."""
    gc.collect()
    profiler = cProfile.Profile()
    profiler.enable()
    run()
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = _total(stats)
    rows = sorted(stats.stats.items(), key=lambda item: item[1][3], reverse=True)
    print(
        f"\nprofile of one {label} run (separate, untimed): {stats.total_calls:,} calls, "
        f"{total:.2f} s under cProfile (which inflates Python code against spaCy's compiled model)"
    )

    print(f"\ntop {top} functions in kg/ by cumulative time (cum % of the profiled run)")
    print(f"{'cum s':>8} {'cum %':>6} {'own s':>7} {'calls':>9}  function")
    shown = 0
    for (path, line, func), (_, calls, own, cumulative, _) in rows:
        if not _is_kg(path):
            continue
        print(f"{cumulative:>8.3f} {cumulative / total:>6.1%} {own:>7.3f} {calls:>9}  {_where(path, line, func)}")
        shown += 1
        if shown == top:
            break

    if label == "kg-ingest":
        print(f"\ntop {top} functions in kg/ outside the extraction (reading, resolution, RDF mapping, store)")
        print(f"{'cum s':>8} {'cum %':>6} {'own s':>7} {'calls':>9}  function")
        shown = 0
        for (path, line, func), (_, calls, own, cumulative, _) in rows:
            if not _is_kg(path) or _is_extraction(path, func):
                continue
            print(f"{cumulative:>8.3f} {cumulative / total:>6.1%} {own:>7.3f} {calls:>9}  {_where(path, line, func)}")
            shown += 1
            if shown == top:
                break

    print("\nspaCy inside the run (cumulative), and who calls it")
    print(f"{'cum s':>8} {'cum %':>6} {'calls':>9}  function / caller")
    for (path, line, func), (_, calls, _own, cumulative, callers) in rows:
        if not any(path.endswith(suffix) and func == name for suffix, name in _SPACY_CALLS):
            continue
        print(f"{cumulative:>8.3f} {cumulative / total:>6.1%} {calls:>9}  {_where(path, line, func)}")
        for caller, value in sorted(callers.items(), key=lambda item: item[1][3], reverse=True)[:6]:
            print(f"{value[3]:>8.3f} {value[3] / total:>6.1%} {value[1]:>9}    <- {_where(*caller)}")


def _total(stats: pstats.Stats) -> float:
    """Wall time of the profiled call: the largest cumulative time (total_tt sums own times only)."""
    return max((value[3] for value in stats.stats.values()), default=stats.total_tt) or 1e-9


def _is_extraction(path: str, func: str) -> bool:
    """Part of what kg-extract times (parse, rules, scoring), as opposed to the rest of an ingest."""
    relative = Path(path).resolve().relative_to(ROOT / "kg")
    if relative.parts[0] == "extract" or relative.name in ("nlp.py", "spans.py", "confidence.py"):
        return True
    return relative.name == "pipeline.py" and func in ("extract_many", "candidates_many", "load", "scorer")


if __name__ == "__main__":
    sys.exit(main())
