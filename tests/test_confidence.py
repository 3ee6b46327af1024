"""The learned confidence: the shipped model, scoring candidates, the publish threshold, and retraining."""

from __future__ import annotations

import json

import pytest

from kg.confidence import ConfidenceModel, load_model, published, score_candidates
from kg.errors import ModelError
from kg.records import Article, Candidate, Mention

from .conftest import SHARED, run_kg

TEXT = (
    "Minsk-based Belshina supplies tyres to BelAZ. KAMAZ, the truckmaker, is a subsidiary of Rostec. "
    "Velmora Systems may one day talk with Quillon about a deal."
)


def _candidate(rule: str, features: tuple[str, ...], subject="MAZ", obj="KAMAZ", start=0) -> Candidate:
    return Candidate(
        subject=Mention(name=subject, cls="Company", start=0, end=3),
        predicate="supplies",
        object=Mention(name=obj, cls="Company", start=13, end=18),
        modality="asserted",
        article_id="a",
        sentence="MAZ supplies KAMAZ.",
        sentence_start=start,
        sentence_end=19,
        rule_id=rule,
        features=features,
    )


def test_shipped_model_is_a_probability_model():
    model = load_model()
    assert 0.0 < model.threshold < 1.0
    assert len(model.weights) > 50
    assert model.meta["calibration"], "the model file carries its held-out calibration table"
    assert 0.0 < model.probability(("rule=supplies/verb-to",)) < 1.0


def test_a_bad_model_file_names_itself(tmp_path):
    bad = tmp_path / "model.json"
    bad.write_text('{"weights": {}}', encoding="utf-8")
    with pytest.raises(ModelError, match="model.json"):
        load_model(bad)
    with pytest.raises(ModelError, match="make train"):
        load_model(tmp_path / "missing.json")


def test_one_claim_per_key_from_the_most_probable_candidate():
    model = ConfidenceModel(weights={"rule=strong": 3.0, "rule=weak": -1.0, "agree=2": 0.5}, bias=0.0, threshold=0.5)
    claims = score_candidates(
        [
            _candidate("weak", ("rule=weak",)),
            _candidate("strong", ("rule=strong",)),
            _candidate("weak", ("rule=weak",), obj="GAZ"),
        ],
        model,
    )
    by_object = {c.object.name: c for c in claims}
    assert sorted(by_object) == ["GAZ", "KAMAZ"]
    assert by_object["KAMAZ"].rule_id == "strong"
    # two rules read MAZ supplies KAMAZ: the agreement feature counts for it, not for GAZ
    assert by_object["KAMAZ"].confidence == round(model.probability(("rule=strong", "agree=2")), 2)
    assert by_object["GAZ"].confidence == round(model.probability(("rule=weak", "agree=1")), 2)


def test_a_claim_a_more_specific_one_implies_is_left_out():
    from dataclasses import replace

    model = ConfidenceModel(weights={"rule=a": 2.0, "rule=b": 1.0}, bias=0.0, threshold=0.5)
    supplies = _candidate("a", ("rule=a",))
    parts = replace(_candidate("b", ("rule=b",)), predicate="producesComponentsFor")
    elsewhere = replace(supplies, sentence_start=40, sentence_end=59)
    planned = replace(supplies, modality="planned")
    claims = score_candidates([supplies, parts, elsewhere, planned], model)
    kept = published(claims, 0.5)
    assert sorted((c.predicate, c.sentence_start, c.modality) for c in kept) == [
        ("producesComponentsFor", 0, "asserted"),  # supplies in the same sentence goes without saying
        ("supplies", 0, "planned"),  # another modality: a claim of its own
        ("supplies", 40, "asserted"),  # another sentence: a claim of its own
    ]
    # under the threshold, the specific claim implies nothing: the general one stands
    assert [c.predicate for c in published(claims, 0.8)] == ["supplies", "supplies", "supplies"]


def test_an_asymmetric_relation_read_both_ways_keeps_its_more_probable_way():
    from dataclasses import replace

    model = ConfidenceModel(weights={"rule=a": 2.0, "rule=b": 1.0}, bias=0.0, threshold=0.5)
    forward = replace(_candidate("a", ("rule=a",), subject="Reno", obj="Nevada"), predicate="locatedIn")
    back = replace(_candidate("b", ("rule=b",), subject="Nevada", obj="Reno"), predicate="locatedIn")
    elsewhere = replace(back, sentence_start=40, sentence_end=59)
    mutual = [_candidate("a", ("rule=a",)), _candidate("b", ("rule=b",), subject="KAMAZ", obj="MAZ")]
    kept = published(score_candidates([back, forward, elsewhere, *mutual], model), 0.5)
    assert sorted((c.subject.name, c.predicate, c.object.name, c.sentence_start) for c in kept) == [
        ("KAMAZ", "supplies", "MAZ", 0),  # two firms may supply each other: supplies is not asymmetric
        ("MAZ", "supplies", "KAMAZ", 0),
        ("Nevada", "locatedIn", "Reno", 40),  # another sentence: read on its own
        ("Reno", "locatedIn", "Nevada", 0),  # the more probable way
    ]


def test_threshold_keeps_only_claims_at_or_above_it(extractor, candidate_extractor):
    from kg.pipeline import Extractor

    article = Article(id="t", title="Report", date=None, text=TEXT, path="t.txt")
    every = candidate_extractor.extract(article)
    published = extractor.extract(article)
    strict = Extractor(min_confidence=0.99)
    strict._loaded = extractor.load()
    assert every, "the rules propose candidates"
    assert {c.confidence for c in every} <= {round(x / 100, 2) for x in range(1, 101)}
    assert all(c.confidence >= extractor.threshold for c in published)
    assert set(published) <= {c for c in every if c.confidence >= extractor.threshold}
    assert all(c.confidence >= 0.99 for c in strict.extract(article))
    assert len(every) > len(published) or min(c.confidence for c in every) >= extractor.threshold


def test_the_threshold_is_part_of_the_extractor_version(extractor):
    from kg.pipeline import Extractor

    other = round(extractor.threshold + (0.1 if extractor.threshold < 0.8 else -0.1), 2)  # not the model's own
    versions = {Extractor(min_confidence=t).version for t in (None, 0.0, other)}
    assert len(versions) == 3
    assert Extractor(min_confidence=extractor.threshold).version == extractor.version


def test_cli_refuses_a_threshold_outside_zero_one(tmp_path):
    result = run_kg("ingest", str(tmp_path), "--min-confidence", "1.5", "--store", str(tmp_path / "s"))
    assert result.returncode == 2
    assert "not a probability" in result.stderr


@pytest.mark.model
def test_retraining_on_a_sample_is_deterministic_and_learns(tmp_path, extractor):
    pytest.importorskip("sklearn")
    if not (SHARED / "eval" / "real").is_dir():
        pytest.skip("../shared/eval is not beside the project")
    from kg.train import collect, gold_totals, train, write_model

    rows = collect(SHARED, extractor, sample=8)
    assert {r.corpus for r in rows} >= {"dev", "fire"}
    totals = gold_totals(SHARED, 8)
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    write_model(train(rows, totals), first)
    write_model(train(rows, totals), second)
    assert first.read_bytes() == second.read_bytes()
    model = load_model(first)
    positives = [model.probability(r.features) for r in rows if r.label]
    negatives = [model.probability(r.features) for r in rows if not r.label]
    assert sum(positives) / len(positives) > sum(negatives) / len(negatives) + 0.1
    data = json.loads(first.read_text())
    assert set(data["held_out"]) >= {"dev", "all"}
    assert all(band["claims"] > 0 for band in data["calibration"])


def test_the_threshold_is_chosen_on_the_judged_corpora_only():
    from kg.train import Row, choose_threshold, train

    def row(corpus, article, n, label, feature):
        return Row(
            corpus=corpus,
            article=f"{corpus}-{article}",
            claim=(f"s{n}", "supplies", f"o{n}", "asserted"),
            features=(feature,),
            label=label,
            gold=((f"s{n}", "supplies", f"o{n}"),) if label else (),
        )

    # a fully annotated corpus whose "good" candidates are right, and a partial one where they are not
    rows = [row("trade", i % 6, i, 1 if i % 4 else 0, "good") for i in range(60)] + [
        row("partial", i % 6, 100 + i, 1 if i % 3 == 0 else 0, "good") for i in range(60)
    ]
    totals = {"trade": 45, "partial": 20}
    judged = train(rows, totals, 0.7, frozenset({"trade"}))
    pooled = train(rows, totals, 0.7)
    assert judged["threshold_corpora"] == ["trade"] and pooled["threshold_corpora"] == ["partial", "trade"]
    assert judged["held_out"]["judged"]["at threshold"]["precision"] >= 0.7
    assert judged["threshold"] < 1.0 and pooled["threshold"] == 1.0  # pooled, no threshold reaches 0.7
    assert choose_threshold([(0.9, 1, "trade", ()), (0.8, 0, "trade", ())], 0.9) == 0.81
