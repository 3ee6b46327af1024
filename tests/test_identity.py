"""Article identity across ingests, kg remove, and kg import restoring an export."""

from __future__ import annotations

import shutil

import pytest

from kg.errors import InputError
from kg.exports import export
from kg.pipeline import ingest
from kg.query import run_named
from kg.remove import remove_articles
from kg.restore import import_file
from kg.store import open_store

from .conftest import SEED, run_kg

OTHER = "1 May 2024\n\nTrade news\n\nZambia supplies copper to Kenya. Kenya Airways signed an agreement with Boeing.\n"
CHANGED = "2 May 2024\n\nMore trade news\n\nTanzania exports coffee to Japan.\n"


def _titles(store) -> dict[str, str]:
    rows = store.query(
        "SELECT ?id ?t WHERE { ?a <http://purl.org/dc/terms/identifier> ?id ; <http://purl.org/dc/terms/title> ?t }"
    ).rows
    return {i.value: t.value for i, t in rows}


def test_the_same_name_from_another_folder_is_refused_not_replaced(tmp_path, extractor):
    for day, text in (("day1", OTHER), ("day2", CHANGED)):
        (tmp_path / "corpus" / day).mkdir(parents=True)
        (tmp_path / "corpus" / day / "news.txt").write_text(text)
    store = open_store(tmp_path / "store")
    assert ingest([tmp_path / "corpus" / "day1"], store, extractor).added == ["news"]
    report = ingest([tmp_path / "corpus" / "day2"], store, extractor)
    assert report.added == report.replaced == [] and len(report.rejected) == 1
    assert str(report.rejected[0]) == (
        f"{tmp_path / 'corpus' / 'day2' / 'news.txt'}: article id 'news' is already in the store from "
        f"{tmp_path / 'corpus' / 'day1' / 'news.txt'}, with other content; ingest from a folder above both "
        "(ids are paths relative to the folder ingested) or `kg remove` the first [E138]"
    )
    assert _titles(store) == {"news": "Trade news"}
    # from the folder above, the two are two articles
    assert ingest([tmp_path / "corpus"], store, extractor).added == ["day1/news", "day2/news"]
    # the same file changed replaces its article; the same text from a moved folder is the same article
    (tmp_path / "corpus" / "day1" / "news.txt").write_text(CHANGED)
    assert ingest([tmp_path / "corpus" / "day1"], store, extractor).replaced == ["news"]
    shutil.copytree(tmp_path / "corpus" / "day1", tmp_path / "moved")
    assert ingest([tmp_path / "moved"], store, extractor).unchanged == ["news"]


def test_remove_drops_the_article_and_what_only_it_claimed(tmp_path, extractor):
    (tmp_path / "a").mkdir()
    shutil.copy(SEED, tmp_path / "a" / SEED.name)
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "africa.txt").write_text(OTHER)
    alone = open_store(tmp_path / "alone")
    ingest([tmp_path / "a"], alone, extractor)
    both = open_store(tmp_path / "both")
    ingest([tmp_path / "a"], both, extractor)
    ingest([tmp_path / "b"], both, extractor)
    assert {r[0].value for r in run_named(both, "entities").rows} >= {
        "https://w3id.org/kg-trade/entity/zambia",
        "https://w3id.org/kg-trade/entity/kenya-airways",
    }
    report = remove_articles(both, ["africa", "nowhere"])
    assert report.removed == ("africa",) and report.missing == ("nowhere",)
    for fmt in ("nquads", "turtle"):
        assert export(both, fmt) == export(alone, fmt), fmt
    with pytest.raises(Exception, match="no entity named 'Zambia'"):
        run_named(both, "suppliers", {"entity": "Zambia"})
    assert run_named(both, "suppliers", {"entity": "KAMAZ"}).rows


def test_import_restores_an_export_exactly(seed_build, tmp_path):
    for fmt, suffix in (("nquads", ".nq"), ("trig", ".trig")):
        path = tmp_path / f"export{suffix}"
        export(seed_build.store, fmt, path)
        store = open_store(tmp_path / f"restored-{fmt}")
        report = import_file(store, path)
        assert len(report.graphs) >= 3 and report.quads == seed_build.store.count_quads()
        for again in ("nquads", "turtle", "trig"):
            assert export(store, again) == export(seed_build.store, again), (fmt, again)
        assert run_named(store, "suppliers", {"entity": "kamaz"}).rows  # the name index is rebuilt
        import_file(store, path)  # into a store that holds the same graphs: replaced, not doubled
        assert export(store, "nquads") == export(seed_build.store, "nquads")


def test_import_refuses_turtle_and_malformed_files(tmp_path):
    store = open_store(tmp_path / "store")
    (tmp_path / "x.ttl").write_text("<a:b> <a:c> <a:d> .\n")
    with pytest.raises(InputError, match="x.ttl: cannot import '.ttl': expected .nq or .trig"):
        import_file(store, tmp_path / "x.ttl")
    (tmp_path / "bad.nq").write_text("<http://a> <http://b> .\n")
    with pytest.raises(InputError, match="bad.nq: not valid N-Quads"):
        import_file(store, tmp_path / "bad.nq")
    assert store.count_quads() == 0


def test_import_and_remove_on_the_command_line(seed_build, tmp_path):
    path = tmp_path / "seed.nq"
    export(seed_build.store, "nquads", path)
    store = tmp_path / "store"
    result = run_kg("import", str(path), "--store", str(store))
    assert result.returncode == 0 and "graph(s)" in result.stderr, result.stderr
    result = run_kg("remove", "000_96bef5b325124bb3", "nowhere", "--store", str(store))
    assert result.returncode == 1 and "removed 1 article(s)" in result.stderr
    assert "no article 'nowhere' in the store" in result.stderr
    stats = run_kg("stats", "--format", "json", "--store", str(store))
    assert '"articles": 0' in stats.stdout


def test_progress_only_on_a_terminal(seed_build, tmp_path):
    import io

    from kg.progress import bar

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    shown = Terminal()
    with bar(None, "graphs", file=shown) as update:
        export(seed_build.store, "nquads", tmp_path / "x.nq", update)
    assert "kg: graphs" in shown.getvalue()
    quiet = io.StringIO()
    with bar(None, "graphs", file=quiet) as update:
        update(5)
    assert quiet.getvalue() == ""
    open_store(tmp_path / "s").close()  # a store that exists (read commands never create one)
    result = run_kg("export", "--format", "nquads", "-o", str(tmp_path / "y.nq"), "--store", str(tmp_path / "s"))
    assert result.returncode == 0 and result.stderr == ""  # standard error is a pipe here: no bar


def test_an_import_counts_the_quads_of_its_named_graphs(tmp_path):
    """Into an empty store (bulk loaded) and into one that holds them: the named graphs' quads, the file's
    default graph left out of the count, the name index too."""
    path = tmp_path / "x.nq"
    path.write_text(
        '<urn:a> <http://www.w3.org/2000/01/rdf-schema#label> "A" <https://w3id.org/kg-trade/graph/entities> .\n'
        "<urn:a> <urn:p> <urn:b> <urn:g> .\n<urn:a> <urn:p> <urn:c> .\n",
        encoding="utf-8",
    )
    store = open_store(tmp_path / "store")
    for _ in range(2):
        report = import_file(store, path)
        assert report.quads == 2 and len(report.graphs) == 2
