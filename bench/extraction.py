"""Extraction cost against the bare spaCy pipeline, measured side by side.

The target (issue): extracting the whole dev set takes less than twice the
time of running the bare spaCy pipeline over the same texts. Contenders, all
over exactly the strings kg parses (each article's title and paragraphs):

- ``bare``      the plain model (``spacy.load``, no entity ruler), one ``nlp.pipe`` over every text;
- ``bare-each`` the plain model, one ``nlp.pipe`` per article (what batching per article costs);
- ``ruler``     kg's pipeline (model + gazetteer entity ruler), one ``nlp.pipe`` over every text;
- ``kg-parse``  kg's parse step per article, as ``Extractor.extract`` runs it (``parse_article``:
                ruler pipeline, one ``nlp.pipe`` per article, ``repair_parse`` re-parses);
- ``kg``        the full extraction as ``kg ingest`` runs it: ``Extractor().extract_many(articles)``
                (ruler + parse + mentions + rules + coreference + modality).

Models are loaded outside the timed region; every contender runs once to warm
up, then the contenders run interleaved (in a rotating order) for N rounds and
the medians are compared. Absolute times are noise on a shared machine; the
ratios are the result. The last line is ``ratio=<kg/bare>``.

    .venv/bin/python bench/extraction.py [ARTICLES] [--rounds 7] [--passes 1] [--model NAME] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import inspect
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLES = ROOT.parent / "shared" / "eval" / "dev" / "articles"
TARGET = 2.0


def texts_of(article) -> list[str]:
    """The strings kg parses for an article: its non-blank blocks (title, then paragraphs).

    Mirrors ``kg.nlp.parse_article``; checked against it at start-up.
    """
    return [block for block in article.content.split("\n\n") if block.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "articles",
        nargs="?",
        default=str(DEFAULT_ARTICLES),
        help="folder or file(s) of articles (default: ../shared/eval/dev/articles)",
    )
    parser.add_argument("--rounds", type=int, default=7, help="interleaved timed rounds (default 7; 0: none)")
    parser.add_argument(
        "--passes",
        type=int,
        default=1,
        help="passes over the articles in one timed sample (default 1; more: longer, steadier samples)",
    )
    parser.add_argument("--model", default=None, help="spaCy model (default: the one kg picks)")
    parser.add_argument(
        "--profile", action="store_true", help="also profile the kg side (cProfile) and print the top functions"
    )
    parser.add_argument("--top", type=int, default=15, help="functions listed by --profile (default 15)")
    args = parser.parse_args(argv)

    import spacy

    from kg.articles import read_articles
    from kg.nlp import model_name, parse_article
    from kg.pipeline import Extractor

    articles, errors = read_articles([args.articles])
    for error in errors:
        print(f"warning: {error}", file=sys.stderr)
    if not articles:
        print(f"no articles under {args.articles}", file=sys.stderr)
        return 2

    # ---- everything loaded outside the timed region
    name = model_name(args.model)
    extractor = Extractor(model=args.model)
    gazetteer, rules, kg_nlp = extractor.load()
    bare_nlp = spacy.load(name)
    if "entity_ruler" in bare_nlp.pipe_names:
        raise SystemExit(f"the bare model {name} already has an entity ruler")
    texts = [text for article in articles for text in texts_of(article)]
    parsed = [p.doc.text for article in articles for p in parse_article(kg_nlp, article)]
    if parsed != texts:
        raise SystemExit("bench texts differ from what kg.nlp.parse_article parses; update texts_of()")

    def bare():
        for _ in bare_nlp.pipe(texts):
            pass

    per_article = [texts_of(article) for article in articles]

    def bare_each():
        for group in per_article:
            for _ in bare_nlp.pipe(group):
                pass

    def ruler():
        for _ in kg_nlp.pipe(texts):
            pass

    # the parse step as Extractor.extract runs it (with the trigger verbs and demonyms for repair_parse)
    params = inspect.signature(parse_article).parameters
    parse_extra = {}
    if "verbs" in params:
        parse_extra["verbs"] = getattr(rules, "verb_lemmas", frozenset())
    if "demonyms" in params:
        parse_extra["demonyms"] = getattr(gazetteer, "demonym_forms", frozenset())
    if "name_words" in params:
        parse_extra["name_words"] = frozenset(rules.lexicon.get("company_name_words", ()))

    def kg_parse():
        for article in articles:
            parse_article(kg_nlp, article, **parse_extra)

    claims = 0

    def kg():
        nonlocal claims
        claims = sum(len(found) for found in extractor.extract_many(articles))

    contenders = {"bare": bare, "bare-each": bare_each, "ruler": ruler, "kg-parse": kg_parse, "kg": kg}

    print(f"articles: {len(articles)} from {args.articles}")
    print(f"texts: {len(texts)} (titles + paragraphs), {sum(map(len, texts))} characters")
    print(
        f"model: {name} {spacy.util.get_package_version(name) or ''}  spaCy {spacy.__version__}  "
        f"cores: {os.cpu_count()}"
    )
    print(f"bare pipes: {', '.join(bare_nlp.pipe_names)}")
    print(f"kg pipes:   {', '.join(kg_nlp.pipe_names)}")

    for run in contenders.values():  # warm-up
        run()
    print(f"claims extracted: {claims}")

    times: dict[str, list[float]] = {key: [] for key in contenders}
    order = list(contenders)
    for round_ in range(args.rounds):
        shift = round_ % len(order)
        for key in order[shift:] + order[:shift]:  # rotate the order: no contender always goes first
            gc.collect()
            start = time.perf_counter()
            for _ in range(args.passes):
                contenders[key]()
            times[key].append(time.perf_counter() - start)

    if args.rounds:
        medians = {key: statistics.median(values) for key, values in times.items()}
        base = medians["bare"]
        print(
            f"\n{args.rounds} interleaved rounds of {args.passes} pass(es), medians (seconds are noise here; read the ratios)"
        )
        print(f"{'contender':<10} {'median s':>9} {'min s':>8} {'max s':>8} {'x bare':>7} {'paired':>7}")
        for key in order:
            paired = statistics.median(t / b for t, b in zip(times[key], times["bare"]))
            print(
                f"{key:<10} {medians[key]:>9.3f} {min(times[key]):>8.3f} {max(times[key]):>8.3f} "
                f"{medians[key] / base:>7.2f} {paired:>7.2f}"
            )
        print("x bare: ratio of the medians; paired: median of the per-round ratios (same round, side by side)")
        kg_time = medians["kg"]
        print(
            f"\nwhere the cost is: bare-each/bare={medians['bare-each'] / base:.2f} (one nlp.pipe per article), "
            f"ruler/bare={medians['ruler'] / base:.2f} (the entity ruler), "
            f"kg-parse/ruler={medians['kg-parse'] / medians['ruler']:.2f} (per-article pipe, parse repairs),\n  "
            f"kg/kg-parse={kg_time / medians['kg-parse']:.2f} (mentions, rules, coreference, modality)"
        )
        ratio = kg_time / base
        print(f"kg/bare target: < {TARGET:.1f} -> {'met' if ratio < TARGET else 'NOT met'}")

    if args.profile:
        profile(kg, args.top)

    if args.rounds:
        print(f"ratio={ratio:.2f}")
    return 0


def profile(run, top: int) -> None:
    """One profiled pass of the kg extraction: the top functions by cumulative time, then kg's own."""
    profiler = cProfile.Profile()
    profiler.enable()
    run()
    profiler.disable()
    stats = pstats.Stats(profiler)
    rows = sorted(stats.stats.items(), key=lambda item: item[1][3], reverse=True)
    total = stats.total_tt
    print(f"\nprofile of one kg pass: {stats.total_calls} calls, {total:.3f} s (under cProfile)")
    for title, wanted in (
        ("all functions", lambda path: not _is_bench(path)),
        ("kg's own functions", lambda path: _is_kg(path)),
    ):
        print(f"\ntop {top} {title} by cumulative time")
        print(f"{'cum s':>7} {'cum %':>6} {'own s':>7} {'calls':>8}  function")
        shown = 0
        for (path, line, func), (_, calls, own, cumulative, _) in rows:
            if not wanted(path):
                continue
            print(f"{cumulative:>7.3f} {cumulative / total:>6.0%} {own:>7.3f} {calls:>8}  {_where(path, line, func)}")
            shown += 1
            if shown == top:
                break


def _is_bench(path: str) -> bool:
    return bool(path) and path[0] not in "<~" and Path(path).resolve() == Path(__file__).resolve()


def _is_kg(path: str) -> bool:
    if not path or path[0] in "<~":
        return False
    return Path(path).resolve().is_relative_to(ROOT / "kg")


def _where(path: str, line: int, func: str) -> str:
    """A short location: kg/extract/engine.py:46(apply), spacy/language.py:1020(__call__), {built-in}."""
    if not path or path == "~":
        return func
    parts = Path(path).parts
    for anchor in ("site-packages", "dist-packages"):
        if anchor in parts:
            parts = parts[parts.index(anchor) + 1 :]
            break
    else:
        if _is_kg(path):
            parts = Path(path).resolve().relative_to(ROOT).parts
        else:
            parts = parts[-2:]
    return f"{'/'.join(parts)}:{line}({func})"


if __name__ == "__main__":
    sys.exit(main())
