"""Ingest: idempotent re-ingest, a changed article replaces exactly its claims, bad inputs named."""

import shutil

import pytest

from kg.pipeline import ingest
from kg.store import open_store

from .conftest import SEED

SMALL = "3 March 2024\n\n{title}\n\n{body}\n\nWritten by example.org\n"


def _graph_quads(store, article_id):
    graph = f"https://w3id.org/kg-trade/graph/article/{article_id}"
    return sorted(str(q) for q in store.quads() if q.graph_name.value == graph)


def _claims(store, article_id):
    rows = store.query("""
        PREFIX trade: <https://w3id.org/kg-trade/ontology#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?s ?p ?o ?m WHERE { ?c rdf:subject/rdfs:label ?s ; rdf:predicate ?p ; rdf:object/rdfs:label ?o ;
            trade:modality ?m ; prov:wasDerivedFrom/dcterms:identifier ?id }""", {"id": article_id}).rows
    return {(s.value, p.value.rsplit("#")[-1], o.value, m.value.rsplit("#")[-1]) for s, p, o, m in rows}


def test_ingesting_twice_changes_nothing(tmp_path, extractor):
    store = open_store(tmp_path / "store")
    first = ingest([SEED], store, extractor)
    count = store.count()
    quads = sorted(str(q) for q in store.quads())
    second = ingest([SEED], store, extractor)
    assert first.added == [SEED.stem] and second.unchanged == [SEED.stem] and second.claims == 0
    assert store.count() == count
    assert sorted(str(q) for q in store.quads()) == quads


def test_changed_article_replaces_exactly_its_claims(tmp_path, extractor):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder)
    small = folder / "small.txt"
    small.write_text(SMALL.format(title="Trucks for Cuba", body="MAZ supplies trucks to Cuba."))
    store = open_store(tmp_path / "store")
    ingest([folder], store, extractor)
    seed_before = _graph_quads(store, SEED.stem)
    assert ("MAZ", "exportsTo", "Cuba", "asserted") in _claims(store, "small")
    small.write_text(SMALL.format(title="Tractors for Cuba", body="MTZ supplies tractors to Cuba."))
    report = ingest([folder], store, extractor)
    assert report.replaced == ["small"] and report.unchanged == [SEED.stem]
    claims = _claims(store, "small")
    assert ("Minsk Tractor Works", "exportsTo", "Cuba", "asserted") in claims
    assert not any(s == "MAZ" for s, *_ in claims)
    assert _graph_quads(store, SEED.stem) == seed_before
    # an entity no claim mentions any more is no longer described
    labels = {row[0].value for row in store.query(
        "SELECT ?l WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l }").rows}
    assert "Cuba" in labels and "Minsk Tractor Works" in labels


def test_folder_with_bad_inputs(tmp_path, extractor):
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(SEED, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00")
    (folder / "corpus.jsonl").write_text('{"id": "j1", "title": "T", "date": "2024-01-01", "text": "MAZ supplies '
                                         'KAMAZ."}\n{"id": "j2", "title": \n')
    store = open_store(tmp_path / "store")
    report = ingest([folder], store, extractor)
    assert sorted(report.added) == sorted([SEED.stem, "j1"])
    reasons = sorted(str(e) for e in report.rejected)
    assert reasons == sorted([f"{folder / 'corpus.jsonl'}:2: invalid JSON: Expecting value at column 23",
                              f"{folder / 'empty.txt'}: empty file",
                              f"{folder / 'image.txt'}: binary file (not text)"])
    assert not report.ok


def test_rule_change_re_extracts_unchanged_articles(tmp_path, extractor):
    from kg.pipeline import Extractor

    store = open_store(tmp_path / "store")
    ingest([SEED], store, extractor)
    rules = tmp_path / "rules"
    shutil.copytree(extractor.rules_dir or (SEED.parent.parent / "ontology" / "rules"), rules)
    (rules / "relations.jsonl").write_text("\n".join(
        line for line in (rules / "relations.jsonl").read_text().splitlines() if "cooperatesWith/" not in line))
    changed = Extractor(rules_dir=rules)
    report = ingest([SEED], store, changed)
    assert report.replaced == [SEED.stem]
    assert not any(p == "cooperatesWith" for _, p, _, _ in _claims(store, SEED.stem))


@pytest.mark.parametrize("name", ["we.txt"])
def test_article_ids_from_file_names(tmp_path, extractor, name):
    path = tmp_path / name
    path.write_text(SMALL.format(title="T", body="BelAZ delivers dump trucks to Chile."))
    store = open_store(tmp_path / "store")
    assert ingest([path], store, extractor).added == ["we"]
