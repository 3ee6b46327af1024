"""Shared fixtures: the statistical model is loaded once per session; stores live in tmp folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_96bef5b325124bb3.txt"
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def extractor():
    """The project's Extractor with gazetteer, rules and spaCy model loaded once."""
    from kg.pipeline import Extractor

    loaded = Extractor()
    loaded.load()
    return loaded


@pytest.fixture(scope="session")
def candidate_extractor(extractor):
    """The same pipeline publishing every candidate (``min_confidence=0``): what the rules read, whatever
    the confidence model makes of it."""
    from kg.pipeline import Extractor

    every = Extractor(min_confidence=0)
    every._loaded = extractor.load()
    return every


@pytest.fixture(scope="session")
def claims_of(candidate_extractor):
    """claims_of(text, title=...) -> the claims the rules read in a handmade article (every candidate,
    scored, one per claim)."""
    from kg.records import Article

    def run(text: str, title: str = "Untitled report") -> list:
        article = Article(id="t", title=title, date=None, text=text, path="t.txt")
        return candidate_extractor.extract(article)

    return run


def relations(claims) -> set[tuple[str, str, str, str]]:
    """(subject name, predicate, object name, modality) of each claim."""
    return {(c.subject.name, c.predicate, c.object.name, c.modality) for c in claims}


def triples(claims) -> set[tuple[str, str, str]]:
    """(subject name, predicate, object name) of each claim, whatever its modality."""
    return {(c.subject.name, c.predicate, c.object.name) for c in claims}


def _build_seed(tmp_path_factory, extractor, name: str) -> SimpleNamespace:
    """`kg build seeds` in a fresh folder: SimpleNamespace(out=folder with graph.ttl and graph.html, store=open
    store, report)."""
    from kg.pipeline import build
    from kg.store import open_store

    out = tmp_path_factory.mktemp(f"{name}-out")
    store = open_store(tmp_path_factory.mktemp(f"{name}-store"))
    report = build([SEEDS], out, store, extractor)
    return SimpleNamespace(out=out, store=store, report=report)


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory, extractor):
    """The seed built once, at the shipped model's threshold."""
    return _build_seed(tmp_path_factory, extractor, "seed")


@pytest.fixture(scope="session")
def seed_every_build(tmp_path_factory, candidate_extractor):
    """The seed built once with every candidate (``--min-confidence 0``): its claims of every modality the
    rules read (asserted, planned, past), whatever the shipped model's threshold keeps."""
    return _build_seed(tmp_path_factory, candidate_extractor, "seed-every")


def seed_claim(modality: str, graph: Path | None = None) -> SimpleNamespace:
    """The seed's one claim of a modality as the shipped model scores it, from a graph kg wrote (default
    exports/graph.ttl, which tests/test_seed.py keeps current): SimpleNamespace(confidence="0.78",
    rule="competesWith/competitor"). Tests of the page and the exports read it here rather than typing a score
    a retrained model changes."""
    import pyoxigraph as ox

    store = ox.Store()
    store.load(path=str(graph or ROOT / "exports" / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    rows = list(
        store.query(f"""PREFIX trade: <https://w3id.org/kg-trade/ontology#>
        SELECT ?confidence ?rule WHERE {{ ?c trade:modality trade:{modality} ; trade:confidence ?confidence ;
        trade:extractor ?rule }}""")
    )
    assert len(rows) == 1, rows
    return SimpleNamespace(confidence=rows[0]["confidence"].value, rule=rows[0]["rule"].value)


def run_kg(*args: str, cwd: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run the command line (``python -m kg``) in a subprocess; returns the completed process."""
    env = dict(os.environ)
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], cwd=cwd or ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


def chromium() -> str | None:
    """Debian's chromium, if installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")
