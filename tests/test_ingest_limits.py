"""Long articles are read in windows with true offsets; an ingest killed at any point leaves every article
all in or all out, and a re-run completes."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time

import pyoxigraph as ox

from kg.articles import read_articles
from kg.nlp import BLOCK_CHARS, WINDOW_CHARS
from kg.records import Article

from .conftest import ROOT, SEED

TITLE = "MAZ supplies axles to KAMAZ"


def test_a_long_article_is_read_in_windows_with_true_offsets(extractor):
    (seed,), _ = read_articles([SEED])
    paragraphs = seed.text.split("\n\n")
    long_paragraph = " ".join(paragraphs * 6)
    assert len(long_paragraph) > BLOCK_CHARS  # cut at sentence ends
    text = "\n\n".join(paragraphs * 25 + [long_paragraph] + paragraphs)
    article = Article(id="long", title=TITLE, date=None, text=text, path="long.txt")
    assert len(article.content) > 2 * WINDOW_CHARS
    claims = extractor.extract(article)
    for claim in claims:
        assert article.content[claim.sentence_start : claim.sentence_end].strip() == claim.sentence
    assert max(c.sentence_start for c in claims) > 2 * WINDOW_CHARS  # the last windows were read too
    short = Article(id="long", title=TITLE, date=None, text="\n\n".join(paragraphs), path="long.txt")
    in_title = sorted((c.predicate, c.sentence_start) for c in claims if c.sentence_start < len(TITLE))
    assert in_title and in_title == sorted(
        (c.predicate, c.sentence_start) for c in extractor.extract(short) if c.sentence_start < len(TITLE)
    )  # the title read once


def _graphs(path) -> dict[str, set[str]]:
    """The triples of each graph of a store but the ontology's (its blank nodes differ from one write to
    the next)."""
    from kg.vocab import ONTOLOGY_GRAPH

    store = ox.Store(str(path))
    graphs: dict[str, set[str]] = {}
    for quad in store.quads_for_pattern(None, None, None, None):
        if isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name.value != str(ONTOLOGY_GRAPH):
            graphs.setdefault(quad.graph_name.value, set()).add(str(quad.triple))  # the bare IRI, as the names compared
    del store
    return graphs


def test_an_ingest_killed_at_any_point_loses_nothing(tmp_path, extractor):
    from kg.pipeline import ingest
    from kg.store import open_store

    (seed,), _ = read_articles([SEED])
    paragraphs = seed.text.split("\n\n")
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(16):
        body = "\n\n".join(paragraphs[n % len(paragraphs) :] + paragraphs[: n % len(paragraphs)])
        (folder / f"a{n:02}.txt").write_text(f"1 May 2024\n\nReport {n}\n\n{body}\n", encoding="utf-8")
    reference = tmp_path / "reference"
    store = open_store(reference)
    assert len(ingest([folder], store, extractor).added) == 16
    store.close()
    expected = _graphs(reference)
    killed = tmp_path / "killed"
    delay = random.uniform(2.0, 8.0)
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "ingest", str(folder), "--store", str(killed)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    if killed.exists():
        from kg.namespaces import ORIGINS_GRAPH
        from kg.vocab import ENTITIES_GRAPH

        for name, triples in _graphs(killed).items():
            if name == str(ORIGINS_GRAPH):  # shared: one triple per article written, each in its transaction
                assert triples <= expected[name], f"{name}: a stray origin (killed after {delay:.1f} s)"
            elif name != str(ENTITIES_GRAPH):  # shared by every article: complete only at the end
                assert triples == expected[name], f"{name} half written (killed after {delay:.1f} s)"
    rerun = subprocess.run(
        [sys.executable, "-m", "kg", "ingest", str(folder), "--store", str(killed)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert _graphs(killed) == expected, f"killed after {delay:.1f} s"


def test_an_article_the_pipeline_cannot_read_is_named_and_the_run_goes_on(tmp_path):
    """A pipeline without a parser (spaCy's blank English: no sentence boundaries) fails on every article:
    each is rejected naming its file (and line) and the error, nothing is half written, nothing raises."""
    from kg.pipeline import Extractor, ingest
    from kg.store import open_store

    corpus = tmp_path / "two.jsonl"
    corpus.write_text(
        "".join(
            f'{{"id": "j{n}", "title": "MAZ ships axles", "date": "2024-03-01", "text": "MAZ supplies axles to KAMAZ."}}\n'
            for n in range(2)
        ),
        encoding="utf-8",
    )
    store = open_store(tmp_path / "store")
    report = ingest([SEED, corpus], store, Extractor(model="blank"))
    assert report.added == [] and not report.ok
    assert sorted((e.path, e.line or 0) for e in report.rejected) == sorted(
        [(str(SEED), 0), (str(corpus), 1), (str(corpus), 2)]
    )
    assert all(
        e.reason.startswith("extraction failed: ValueError: [E030]") and e.reason.endswith(" [E137]")
        for e in report.rejected
    )
    assert store.query("SELECT ?g WHERE { GRAPH ?g { ?a a <https://w3id.org/kg-trade/ontology#Article> } }").rows == []
