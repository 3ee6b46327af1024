"""Issue 10: no input aborts a run. A corpus of bad inputs (built here, see tests/badinputs.py) ingested beside
the seed: exit status 1, the seed fully in, each bad input named with its reason, no traceback; --strict
writes nothing; output paths are checked before the ingest; outputs never tear."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import xml.etree.ElementTree as ET

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib

from kg.articles import read_articles
from kg.policy import load_policy

from .badinputs import good_ids, write_bad_corpus
from .conftest import ROOT, SEED, run_kg

LIMIT = 50_000  # --max-article-size for the corpus: big.txt is over it


def _named(stderr: str, folder, name: str, reason: str) -> bool:
    return any(line.startswith(f"kg: rejected {folder}/{name}: ") and reason in line for line in stderr.splitlines())


def test_reader_names_every_bad_input(tmp_path):
    folder = tmp_path / "bad"
    expected = write_bad_corpus(folder)
    articles, errors = read_articles([folder], load_policy().with_max_article_chars(LIMIT))
    assert sorted(a.id for a in articles) == sorted(good_ids(expected))
    messages = [str(e) for e in errors]
    for name, reason in expected.items():
        mine = [m for m in messages if m.startswith(f"{folder}/{name}: ")]
        if reason is None:
            assert mine == [], name
        else:
            assert len(mine) == 1 and reason in mine[0], (name, mine)
    assert len(messages) == sum(1 for reason in expected.values() if reason is not None)
    by_id = {a.id: a for a in articles}
    assert by_id["controls"].title == "MAZ ships axles" and "\x01" not in by_id["controls"].text
    assert by_id["j-surrogate-text"].title == "MAZ ships axles" and by_id["j-nonchar"].source == "Example News"
    assert "the café owner" in by_id["cp1252"].text and "\u2014 \u201cyes\u201d" in by_id["html-1251"].text
    assert by_id["html-equiv"].text.endswith("In Russian it is МАЗ.")
    assert by_id["html-p"].text.split("\n\n")[1:] == ["KAMAZ said it was pleased.", "Third point"]
    assert by_id["utf16"].text == by_id["bom8"].text


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    """`kg build` of the seed beside the bad corpus, and of the seed alone."""
    root = tmp_path_factory.mktemp("bad-build")
    folder = root / "in"
    expected = write_bad_corpus(folder / "bad")
    shutil.copy(SEED, folder)
    result = run_kg(
        "build",
        str(folder),
        "--out",
        str(root / "out"),
        "--store",
        str(root / "store"),
        "--max-article-size",
        str(LIMIT),
    )
    alone = run_kg("build", str(SEED), "--out", str(root / "alone-out"), "--store", str(root / "alone"))
    assert alone.returncode == 0, alone.stderr
    return root, folder / "bad", expected, result


def test_bad_corpus_beside_the_seed(bad_build):
    root, folder, expected, result = bad_build
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    for name, reason in expected.items():
        if reason is not None:
            assert _named(result.stderr, folder, name, reason), (name, result.stderr)
    rejected = [line for line in result.stderr.splitlines() if line.startswith("kg: rejected ")]
    assert len(rejected) == sum(1 for reason in expected.values() if reason is not None)
    assert f"{len(good_ids(expected)) + 1} added" in result.stderr
    from kg.iri import article_iri
    from kg.vocab import article_graph

    query = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{article_graph(str(article_iri(SEED.stem)))}> {{ ?s ?p ?o }} }}"
    held = {tuple(map(str, row)) for row in ox.Store(str(root / "store")).query(query)}
    alone = {tuple(map(str, row)) for row in ox.Store(str(root / "alone")).query(query)}
    assert held == alone and len(alone) > 100  # the seed fully in, as it is alone


def test_exports_of_the_bad_corpus_parse_everywhere(bad_build):
    root, *_ = bad_build
    store = str(root / "store")
    rdflib.Graph().parse(root / "out" / "graph.ttl", format="turtle")
    for fmt, rdf_format in (("nquads", ox.RdfFormat.N_QUADS), ("trig", ox.RdfFormat.TRIG)):
        data = run_kg("export", "--format", fmt, "--store", store)
        assert data.returncode == 0 and list(ox.parse(data.stdout.encode(), format=rdf_format))
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        target = root / f"g.{fmt}"
        assert run_kg("export", "--format", fmt, "-o", str(target), "--store", store).returncode == 0
        ET.parse(target)  # well-formed XML: no control character got in
        assert reader(target).number_of_nodes() > 5
    for tool, args in (("rapper", ["-q", "-i", "turtle", "-c"]), ("serdi", ["-i", "turtle", "-o", "ntriples"])):
        if shutil.which(tool):
            out = subprocess.run(
                [tool, *args, str(root / "out" / "graph.ttl"), *(["http://example.org/"] if tool == "rapper" else [])],
                capture_output=True,
                timeout=120,
            )
            assert out.returncode == 0, out.stderr


def test_strict_writes_nothing(tmp_path):
    folder = tmp_path / "in"
    write_bad_corpus(folder / "bad")
    shutil.copy(SEED, folder)
    store, out = tmp_path / "store", tmp_path / "out"
    result = run_kg("build", str(folder), "--out", str(out), "--store", str(store), "--strict")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "--strict" in result.stderr and "nothing was written" in result.stderr
    assert not (out / "graph.ttl").exists()
    assert not store.exists() or len(ox.Store(str(store))) == 0


def test_strict_fails_on_an_article_with_no_claim(tmp_path):
    path = tmp_path / "quiet.txt"
    path.write_text("1 May 2024\n\nWeather\n\nIt rained in the morning and the afternoon was dry and warm.\n")
    result = run_kg("ingest", str(path), "--store", str(tmp_path / "store"), "--strict")
    assert result.returncode == 1 and f"kg: warning: {path}: no claims extracted [E136]" in result.stderr.splitlines()
    relaxed = run_kg("ingest", str(path), "--store", str(tmp_path / "store2"))
    assert relaxed.returncode == 0 and f"kg: warning: {path}: no claims extracted [E136]" in relaxed.stderr.splitlines()


def test_unlistable_folder_is_named(tmp_path):
    top = tempfile.mkdtemp(prefix="kg-unlistable-")
    try:
        os.chmod(top, 0o755)
        locked = os.path.join(top, "locked")
        os.mkdir(locked)
        shutil.copy(SEED, top)
        os.chmod(locked, 0)
        command = [
            sys.executable,
            "-c",
            "import sys; from kg.articles import read_articles; "
            "a, e = read_articles([sys.argv[1]]); print(len(a)); print(*e, sep='\\n')",
            top,
        ]
        if os.geteuid() == 0:  # root lists any folder: read as nobody
            if not shutil.which("setpriv"):
                pytest.skip("running as root without setpriv")
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=120, cwd=ROOT, env={**os.environ, "HOME": top}
        )
        assert result.returncode == 0, result.stderr
        lines = result.stdout.splitlines()
        assert lines[0] == "1" and lines[1:] == [f"{locked}: cannot list folder: Permission denied [E134]"]
    finally:
        os.chmod(os.path.join(top, "locked"), 0o755)
        shutil.rmtree(top)


def test_output_paths_are_checked_before_the_ingest(tmp_path):
    a_file = tmp_path / "file"
    a_file.write_text("x")
    store = tmp_path / "store"
    result = run_kg("build", str(SEED), "--out", str(a_file), "--store", str(store))
    assert result.returncode == 2 and result.stderr.strip() == f"kg build: error: --out {a_file}: not a folder [E821]"
    assert not store.exists()  # refused before the store was opened
    result = run_kg("export", "-o", str(a_file / "g.ttl"), "--store", str(store))
    assert (
        result.returncode == 2
        and result.stderr.strip() == f"kg export: error: -o {a_file / 'g.ttl'}: {a_file} is not a folder [E819]"
    )
    result = run_kg("viz", "-o", str(tmp_path), "--store", str(store))
    assert result.returncode == 2 and result.stderr.strip() == f"kg viz: error: -o {tmp_path}: is a folder [E823]"


def test_concurrent_writes_never_tear(tmp_path):
    from kg.outputs import write_atomic

    target = tmp_path / "graph.ttl"
    payloads = [bytes([65 + n]) * 2_000_000 for n in range(2)]
    seen: list[bytes] = []

    def writer(data: bytes) -> None:
        for _ in range(5):
            write_atomic(target, data)

    def reader() -> None:
        for _ in range(20):
            if target.exists():
                seen.append(target.read_bytes())

    threads = [threading.Thread(target=writer, args=(p,)) for p in payloads] + [threading.Thread(target=reader)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert target.read_bytes() in payloads and all(data in payloads for data in seen)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]  # no temporary file left


def test_query_file_and_gold_that_are_not_utf8_are_one_line(tmp_path):
    store = tmp_path / "store"
    ox.Store(str(store)).flush()  # an empty store
    query = tmp_path / "q.rq"
    query.write_bytes(b'SELECT * WHERE { ?s ?p "\xff" }')
    result = run_kg("query", "--file", str(query), "--store", str(store))
    assert (
        result.returncode == 2
        and result.stderr.strip() == f"kg query: error: --file {query}: not UTF-8 text (byte 24) [E811]"
    )
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(b'{"id": "\xff"}\n')
    result = run_kg("eval", str(gold), "--store", str(store))
    assert (
        result.returncode == 1 and result.stderr.strip() == f"kg eval: error: {gold}: not valid UTF-8 at byte 8 [E204]"
    )


def test_the_input_policy_is_checked_when_it_loads(tmp_path):
    import json

    from kg.errors import KgError, SetupError
    from kg.paths import ontology_dir

    good = json.loads((ontology_dir() / "input.json").read_text(encoding="utf-8"))
    assert load_policy(ontology_dir() / "input.json").max_article_chars == good["max_article_chars"]
    for change, reason in (
        ({"max_article_chars": -1}, "max_article_chars must be a positive whole number, got -1 [E710]"),
        ({"min_latin_share": 1.5}, "min_latin_share must be a share between 0 and 1, got 1.5 [E712]"),
        ({"english_words": ["The"]}, "english_words must be a non-empty list of lower-case words [E713]"),
        ({"surprise": 1}, "unknown keys ['surprise'], missing keys [] [E708]"),
    ):
        path = tmp_path / "input.json"
        path.write_text(json.dumps({**good, **change}), encoding="utf-8")
        with pytest.raises(SetupError) as raised:
            load_policy(path)
        assert str(raised.value) == f"{path}: {reason}" and isinstance(raised.value, KgError)
