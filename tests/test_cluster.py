"""``kg ingest --engine dask``: a real Dask ``LocalCluster`` of two worker processes, each extracting its
batches and writing them into a real Oxigraph server; the graph is the one built in one process."""

from __future__ import annotations

import os
import subprocess
import sys

import distributed  # the test extra installs it (kg[dask] pins the same)
import pytest

from kg.errors import Errors, UsageError, WorkerError

from .conftest import ROOT, SEED, run_kg
from .test_jobs import corpus
from .test_store_server import free_port, server  # noqa: F401 - the Oxigraph server fixture, for this module

pytestmark = [pytest.mark.server, pytest.mark.model]


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes of one thread each: the spaCy model is loaded once in each."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    ) as local:
        yield local


@pytest.fixture
def remote(server):  # noqa: F811
    from kg.store import RemoteStore

    store = RemoteStore(server)
    store.update("DROP ALL")
    return store


def _reported(report) -> dict:
    return {
        "added": report.added,
        "replaced": report.replaced,
        "unchanged": report.unchanged,
        "rejected": [str(e) for e in report.rejected],
        "warnings": [str(e) for e in report.warnings],
        "claims": report.claims,
        "aborted": report.aborted,
    }


def test_two_dask_workers_build_the_graph_of_one_process(tmp_path, cluster, remote, extractor):
    from kg.exports import export
    from kg.pipeline import ingest
    from kg.store import open_store

    articles = corpus(tmp_path / "articles")
    alone = open_store(tmp_path / "alone")
    expected = ingest([articles], alone, extractor)
    with distributed.Client(cluster) as client:
        report = ingest([articles], remote, extractor, scheduler=client)
    assert _reported(report) == _reported(expected)
    assert len(report.added) == 7 and len(report.rejected) == 1  # the empty file
    assert sorted(report.workers.values()) != [] and sum(report.workers.values()) == 7
    assert len(report.workers) == 2, report.workers  # both workers wrote articles
    exported = export(remote, "nquads")
    assert exported == export(alone, "nquads")
    assert b'"Novatek Rubber"' in exported and b'"NOVATEK RUBBER"' in exported  # the first article's label kept


def test_the_command_line_on_the_cluster(tmp_path, cluster, remote):
    articles = corpus(tmp_path / "articles")
    arguments = ["ingest", str(articles), "--engine", "dask", "--scheduler", cluster.scheduler_address]
    first = run_kg(*arguments, "--store", remote.location)
    assert first.returncode == 1, first.stderr  # the empty file
    lines = first.stderr.splitlines()
    assert lines[0].startswith("kg: 7 article(s): 7 added, 0 replaced, 0 unchanged;")
    assert lines[1].startswith("kg: articles written by 2 Dask worker(s): tcp://127.0.0.1:")
    assert f"kg: rejected {articles / 'empty.txt'}: {Errors.E101}" in lines
    exported = run_kg("export", "--format", "nquads", "--store", remote.location).stdout
    again = run_kg(*arguments, "--store", remote.location)
    assert again.stderr.splitlines()[0].startswith("kg: 7 article(s): 0 added, 0 replaced, 7 unchanged;")
    assert run_kg("export", "--format", "nquads", "--store", remote.location).stdout == exported


def test_an_article_that_fails_on_a_worker_is_named_as_in_one_process(tmp_path, cluster, remote):
    articles = corpus(tmp_path / "articles")
    one = run_kg("--model", "blank", "ingest", str(articles), "--store", str(tmp_path / "one"))
    dask = run_kg(
        "--model", "blank", "ingest", str(articles), "--store", remote.location,
        "--engine", "dask", "--scheduler", cluster.scheduler_address,
    )  # fmt: skip
    assert dask.returncode == one.returncode == 1
    assert dask.stderr == one.stderr and "Traceback" not in dask.stderr
    assert f"kg: rejected {articles / SEED.name}: extraction failed: ValueError: [E030]" in dask.stderr


def test_a_model_the_workers_lack_is_one_line(tmp_path, cluster, remote):
    result = run_kg(
        "--model", "no_such_model", "ingest", str(SEED), "--store", remote.location,
        "--engine", "dask", "--scheduler", cluster.scheduler_address,
    )  # fmt: skip
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg ingest: error: cannot load the spaCy model 'no_such_model'")
    articles = remote.query("SELECT ?a WHERE { ?a a <https://w3id.org/kg-trade/ontology#Article> }").rows
    assert articles == []


def test_an_embedded_store_is_refused_before_anything_is_made(tmp_path):
    result = run_kg(
        "ingest", str(SEED), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:1", "--store", str(tmp_path / "s")
    )
    assert result.returncode == 2
    assert result.stderr.strip() == f"kg ingest: error: {Errors.E482.format(location=tmp_path / 's')}"
    assert not (tmp_path / "s").exists()
    from kg.pipeline import ingest
    from kg.store import open_store

    with pytest.raises(UsageError, match=r"\[E482\]"):
        ingest([SEED], open_store(tmp_path / "t"), scheduler="tcp://127.0.0.1:1")


def test_options_that_do_not_go_together_are_usage_errors():
    for arguments, code in (
        (["--engine", "dask"], "E483"),
        (["--scheduler", "tcp://127.0.0.1:1"], "E484"),
        (["--engine", "dask", "--scheduler", "tcp://127.0.0.1:1", "--jobs", "2"], "E485"),
    ):
        result = run_kg("ingest", str(SEED), *arguments, "--store", "http://127.0.0.1:9")
        assert result.returncode == 2 and result.stderr.strip().endswith(f"[{code}]"), arguments
        assert len(result.stderr.strip().splitlines()) == 1


def test_an_unreachable_scheduler_is_one_line_and_status_1():
    address = f"tcp://127.0.0.1:{free_port()}"
    env = dict(os.environ, DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="1s")  # Dask's own setting: 30 s by default
    result = subprocess.run(
        [sys.executable, "-m", "kg", "ingest", str(SEED), "--engine", "dask", "--scheduler", address,
         "--store", "http://127.0.0.1:9"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"kg ingest: error: {Errors.E487.format(address=address, error=f'Timed out trying to connect to {address} after 1 s')}"
    )


def test_a_scheduler_without_workers_is_one_line():
    import dask

    from kg.cluster import connect

    with distributed.LocalCluster(n_workers=0, processes=False, dashboard_address=":0") as empty:
        with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
            with pytest.raises(WorkerError) as raised:
                connect(empty.scheduler_address)
    assert str(raised.value) == Errors.E488.format(address=empty.scheduler_address)


def test_entity_descriptions_are_decided_as_one_process_writes_them(tmp_path):
    """The client's decisions (kg.cluster._Descriptions), over a store that already describes an entity,
    are what writing the articles one after the other in that order leaves: the first class and label of
    an entity stay, a later label becomes an alias, a later class is dropped."""
    from rdflib.namespace import SKOS

    from kg.cluster import _Descriptions
    from kg.pipeline import _first_writer_wins
    from kg.rdf import entity_graph
    from kg.records import Entity
    from kg.store import open_store, to_ox_quads

    articles = [
        [Entity("acme", "Company", "Acme"), Entity("zeta", "Company", "Zeta")],
        [Entity("acme", "Product", "ACME", ("Acme Corp",)), Entity("nova", "Company", "Nova")],
        [Entity("nova", "Country", "NOVA"), Entity("zeta", "Company", "Zeta")],
    ]
    before = to_ox_quads(entity_graph([Entity("zeta", "Company", "Zeta Holding")]))  # held before the run
    sequential, decided = open_store(tmp_path / "sequential"), open_store(tmp_path / "decided")
    for store in (sequential, decided):
        store.replace_graphs({}, extra=before)
    descriptions = _Descriptions(decided)
    quads = []
    for entities in articles:
        sequential.replace_graphs({}, extra=to_ox_quads(_first_writer_wins(sequential, entity_graph(entities))))
        quads.extend(descriptions.decide(list(entity_graph(entities))))
    decided.replace_graphs({}, extra=quads)  # written all at once, in any order
    assert sorted(map(str, decided.quads())) == sorted(map(str, sequential.quads()))
    aliases = {q.object.value for q in sequential.quads() if q.predicate.value == str(SKOS.altLabel)}
    assert {"ACME", "NOVA", "Zeta"} <= aliases
    types = {(q.subject.value.rsplit("/", 1)[1], q.object.value.rsplit("#", 1)[1]) for q in sequential.quads()
             if q.predicate.value.endswith("#type")}  # fmt: skip
    assert types == {("acme", "Company"), ("nova", "Company"), ("zeta", "Company")}
