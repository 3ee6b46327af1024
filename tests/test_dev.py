"""The dev set as a regression test: figures held above the issue's thresholds, and kg eval agrees with the scorer."""

import json
import subprocess
import sys

import pytest

from kg.evaluation import evaluate
from kg.pipeline import build
from kg.store import open_store
from kg.terms import RELATIONS

from .conftest import SHARED

DEV = SHARED / "eval" / "dev"


@pytest.fixture(scope="module")
def dev_build(tmp_path_factory, extractor):
    if not (DEV / "articles").is_dir():
        pytest.skip("../shared/eval/dev is not beside the project")
    out = tmp_path_factory.mktemp("dev-out")
    store = open_store(tmp_path_factory.mktemp("dev-store"))
    build([DEV / "articles"], out, store, extractor)
    return out, store


def test_dev_figures(dev_build):
    _, store = dev_build
    report = evaluate(store, DEV / "gold.jsonl")
    assert report.relations.f1 >= 0.80, report.as_dict()["relations"]
    assert report.claims.f1 >= 0.70, report.as_dict()["claims"]
    assert report.relations.precision >= 0.85 and report.claims.precision >= 0.85


def test_kg_eval_agrees_with_the_scorer(dev_build):
    out, store = dev_build
    scored = json.loads(
        subprocess.run(
            [
                sys.executable,
                str(SHARED / "eval" / "score.py"),
                str(out / "graph.ttl"),
                str(DEV / "gold.jsonl"),
                "--json",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    ours = evaluate(store, DEV / "gold.jsonl").as_dict()
    for kind in ("relations", "claims"):
        assert {k: ours[kind][k] for k in ("tp", "fp", "fn", "f1")} == {
            k: scored[kind][k] for k in ("tp", "fp", "fn", "f1")
        }, kind
    assert ours["entity_recall"] == scored["entity_recall"]


def test_eval_lists_errors_with_sentences(dev_build):
    _, store = dev_build
    report = evaluate(store, DEV / "gold.jsonl")
    assert len(report.misses) == report.claims.fn and len(report.false_positives) == report.claims.fp
    assert all(m["sentence"] for m in report.misses)
    assert set(report.per_property) <= set(RELATIONS)  # the vocabulary's properties (kg/terms.py)
