"""The command line end to end (``python -m kg`` in a subprocess), with its exit statuses."""

import json
import re
import shutil

import pyoxigraph as ox
import pytest

from kg.cli import COMMANDS, build_parser

from .conftest import SEED, SEEDS, run_kg


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One `kg build seeds` shared by the read-only commands below."""
    root = tmp_path_factory.mktemp("cli")
    out, store = root / "out", root / "store"
    result = run_kg("build", str(SEEDS), "--out", str(out), "--store", str(store))
    assert result.returncode == 0, result.stderr
    return out, store, result


def test_build_writes_graph_and_page(built):
    out, _, result = built
    assert (out / "graph.ttl").stat().st_size > 1000 and (out / "graph.html").stat().st_size > 1000
    assert "1 added" in result.stderr


def test_fresh_store_holds_nothing_from_earlier_runs(tmp_path, built):
    fresh = tmp_path / "fresh"
    assert run_kg("ingest", str(tmp_path / "nothing.txt"), "--store", str(fresh)).returncode == 1  # no such file
    result = run_kg("stats", "--format", "json", "--store", str(fresh))
    assert result.returncode == 0 and json.loads(result.stdout)["articles"] == 0


def test_rejected_inputs_exit_1_naming_each(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder)
    (folder / "empty.txt").write_text("")
    (folder / "blob.jsonl").write_bytes(bytes(range(256)))
    (folder / "bad.jsonl").write_text(
        '{"id": "ok", "title": "T", "date": "2024-01-01", "text": "MAZ supplies KAMAZ."}\nnot json at all\n'
    )
    result = run_kg("ingest", str(folder), "--store", str(tmp_path / "store"))
    assert result.returncode == 1
    assert f"{folder / 'empty.txt'}: empty file" in result.stderr
    assert f"{folder / 'blob.jsonl'}: binary file" in result.stderr
    assert f"{folder / 'bad.jsonl'}:2: invalid JSON" in result.stderr
    assert "2 added" in result.stderr


def test_usage_errors_exit_2(tmp_path):
    assert run_kg("frobnicate").returncode == 2
    assert run_kg().returncode == 2
    result = run_kg("query", "--name", "nope", "--store", str(tmp_path / "s"))
    assert result.returncode == 2 and "no named query 'nope'" in result.stderr
    result = run_kg("query", "--name", "suppliers", "--param", "entity", "--store", str(tmp_path / "s"))
    assert result.returncode == 2 and "expected NAME=VALUE" in result.stderr


def test_query_named_and_inline(built):
    _, store, _ = built
    result = run_kg("query", "--name", "suppliers", "--param", "entity=KAMAZ", "--store", str(store), "--format", "csv")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "supplier,relation,claims,sources"
    assert result.stdout.splitlines()[1].startswith("MAZ,producesComponentsFor,1,")
    inline = run_kg(
        "query",
        "PREFIX trade: <https://w3id.org/kg-trade/ontology#> SELECT (COUNT(?c) AS ?n) WHERE { ?c a trade:Claim }",
        "--store",
        str(store),
        "--format",
        "json",
    )
    claims = int(re.search(r"(\d+) claim\(s\) extracted", built[2].stderr).group(1))
    assert int(json.loads(inline.stdout)["results"]["bindings"][0]["n"]["value"]) == claims > 0
    listing = run_kg("query", "--list")
    assert "suppliers  --param entity=..." in listing.stdout


def test_unknown_entity_exits_1_with_a_suggestion(built):
    _, store, _ = built
    result = run_kg("neighbors", "Kamas", "--store", str(store))
    assert result.returncode == 1 and "did you mean 'KAMAZ'" in result.stderr


def test_export_formats(built, tmp_path):
    _, store, _ = built
    nquads = run_kg("export", "--format", "nquads", "--store", str(store))
    quads = list(ox.parse(nquads.stdout.encode(), format=ox.RdfFormat.N_QUADS))
    assert len({q.graph_name for q in quads}) == 3
    target = tmp_path / "g.trig"
    assert run_kg("export", "--format", "trig", "-o", str(target), "--store", str(store)).returncode == 0
    assert len(list(ox.parse(path=str(target), format=ox.RdfFormat.TRIG))) == len(quads)


def test_neighbors_path_stats_viz(built, tmp_path):
    _, store, _ = built
    neighbors = run_kg("neighbors", "KAMAZ", "--store", str(store))
    assert "<-- producesComponentsFor --" in neighbors.stdout and "MAZ" in neighbors.stdout
    path = run_kg("path", "Belarus", "MC-21", "--format", "json", "--store", str(store))
    assert json.loads(path.stdout)[0]["predicate"] == "producesComponentsFor"
    stats = json.loads(run_kg("stats", "--format", "json", "--store", str(store)).stdout)
    assert stats["articles"] == 1 and stats["claims"]["competesWith"] == {"past": 1}
    page = tmp_path / "focus.html"
    result = run_kg("viz", "-o", str(page), "--focus", "MAZ", "--hops", "1", "--store", str(store))
    assert result.returncode == 0 and "KAMAZ" in page.read_text()


def test_eval_command(built):
    _, store, _ = built
    from .conftest import SHARED

    gold = SHARED / "eval" / "dev" / "seed.jsonl"
    if not gold.exists():
        pytest.skip("no ../shared gold")
    result = run_kg("eval", str(gold), "--store", str(store), "--format", "json")
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["claims"]["f1"] >= 0.9 and "leads" in report["per_property"]


def test_every_command_has_help():
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    assert set(subparsers.choices) == set(COMMANDS)
    for name, sub in subparsers.choices.items():
        assert sub.format_help().strip(), name
