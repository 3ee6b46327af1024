"""Readers beside a writer, with two real processes; read commands that never create a store;
foreign, corrupted and locked stores named in one line."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS, run_kg
from kg.errors import Errors, StoreError, StoreLocked, StoreMissing
from kg.store import EmbeddedStore

WRITER = textwrap.dedent("""
    import sys
    import pyoxigraph as ox
    from kg.store import EmbeddedStore

    store = EmbeddedStore(sys.argv[1])
    g = "https://example.org/g"
    for n in (1, 2):
        quad = ox.Quad(ox.NamedNode(f"urn:s{n}"), ox.NamedNode("urn:p"), ox.Literal(f"v{n}"), ox.NamedNode(g))
        store.update(f"INSERT DATA {{ GRAPH <{g}> {{ {quad.subject} {quad.predicate} {quad.object} }} }}")
        print(f"wrote {n}", flush=True)
        sys.stdin.readline()  # hold the store (and its lock) until told to go on
""")

READ_COMMANDS = [
    ["query", "ASK { ?s ?p ?o }"],
    ["query", "--name", "entities"],
    ["export", "--format", "nquads"],
    ["stats"],
    ["neighbors", "KAMAZ"],
    ["path", "MAZ", "KAMAZ"],
    ["viz", "-o", "{tmp}/page.html"],
    ["serve", "--port", "0"],
]


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


@pytest.fixture
def writer(tmp_path):
    """A second process holding the store at tmp_path/store for writing, after its first write."""
    folder = tmp_path / "store"
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout.readline().strip() == "wrote 1"
        yield folder, process
    finally:
        process.kill()
        process.wait()


def test_readers_work_beside_a_writer(writer):
    folder, process = writer
    assert EmbeddedStore(folder, read_only=True).count() == 1
    queried = run_kg("query", "SELECT ?o WHERE { ?s <urn:p> ?o }", "--format", "csv", "--store", str(folder))
    assert queried.returncode == 0, queried.stderr
    assert queried.stdout.split() == ["o", "v1"]
    exported = run_kg("export", "--format", "nquads", "--store", str(folder))
    assert exported.returncode == 0 and '"v1"' in exported.stdout
    stats = run_kg("stats", "--store", str(folder))
    assert stats.returncode == 0 and "triples   1" in stats.stdout

    process.stdin.write("go on\n")
    process.stdin.flush()
    assert process.stdout.readline().strip() == "wrote 2"
    assert EmbeddedStore(folder, read_only=True).count() == 2  # a reader opened now sees the new commit


def test_a_second_writer_is_told_about_the_lock(writer):
    folder, _ = writer
    locked = Errors.E611.format(path=folder, lock=folder / "LOCK")
    with pytest.raises(StoreLocked) as caught:
        EmbeddedStore(folder)
    assert str(caught.value) == locked
    ingested = run_kg("ingest", str(SEEDS), "--store", str(folder))
    assert ingested.returncode == 1
    assert one_line(ingested.stderr) == f"kg ingest: error: {locked}"


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_read_commands_never_create_a_store(tmp_path, command):
    folder = tmp_path / "missing"
    args = [part.replace("{tmp}", str(tmp_path)) for part in command]
    done = run_kg(*args, "--store", str(folder), timeout=60)
    assert done.returncode == 2, done.stderr
    assert one_line(done.stderr) == f"kg {command[0]}: error: {Errors.E609.format(path=folder)}"
    assert not folder.exists()


@pytest.mark.parametrize("command", READ_COMMANDS[:2], ids=lambda c: " ".join(c[:2]))
def test_an_empty_folder_is_no_store(tmp_path, command):
    empty = tmp_path / "empty"
    empty.mkdir()
    done = run_kg(*command, "--store", str(empty), timeout=60)
    assert done.returncode == 2
    assert one_line(done.stderr) == f"kg {command[0]}: error: {Errors.E609.format(path=empty)}"
    assert list(empty.iterdir()) == []


def test_a_foreign_folder_is_refused_by_readers_and_writers(tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "holiday.jpg").write_bytes(b"\xff\xd8 not a store")
    for command in (["stats"], ["ingest", str(SEEDS)]):
        done = run_kg(*command, "--store", str(folder))
        assert done.returncode == 1
        assert (
            one_line(done.stderr) == f"kg {command[0]}: error: {Errors.E610.format(path=folder, shown='holiday.jpg')}"
        )
    assert sorted(p.name for p in folder.iterdir()) == ["holiday.jpg"]
    with pytest.raises(StoreError) as caught:
        EmbeddedStore(folder / "holiday.jpg", read_only=True)
    assert str(caught.value) == Errors.E607.format(path=folder / "holiday.jpg")


def test_a_corrupted_store_is_one_line_naming_it(tmp_path):
    folder = tmp_path / "store"
    EmbeddedStore(folder).close()
    (folder / "CURRENT").write_text("garbage\n")
    for command in (["stats"], ["query", "ASK {}"], ["ingest", str(SEEDS)]):
        done = run_kg(*command, "--store", str(folder))
        assert done.returncode == 1, done.stderr
        line = one_line(done.stderr)  # RocksDB's own report of the corruption is the rest of the line
        assert line.startswith(f"kg {command[0]}: error: the store at {folder} is corrupted or unreadable: Corruption")
        assert line.endswith(" [E612]") and len(re.findall(r"\[E\d{3}\]", line)) == 1


def test_a_read_only_store_refuses_writes(tmp_path):
    folder = tmp_path / "store"
    EmbeddedStore(folder).close()
    reader = EmbeddedStore(folder, read_only=True)
    with pytest.raises(StoreError) as caught:
        reader.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert str(caught.value) == Errors.E614.format(location=folder)
    with pytest.raises(StoreMissing):
        EmbeddedStore(tmp_path / "nothing", read_only=True)
    assert not (tmp_path / "nothing").exists()
    assert Path(folder, "CURRENT").is_file()


def test_kg_serve_sees_each_commit_of_the_writer_beside_it(writer, tmp_path):
    import httpx

    from .test_serve import start
    from .test_store_server import stop

    folder, process = writer
    url, server = start(str(folder), tmp_path / "serve.log")
    ask = "ASK { <urn:s2> <urn:p> ?o }"
    try:
        assert httpx.get(f"{url}/sparql", params={"query": ask}).json()["boolean"] is False
        process.stdin.write("go on\n")
        process.stdin.flush()
        assert process.stdout.readline().strip() == "wrote 2"
        assert httpx.get(f"{url}/sparql", params={"query": ask}).json()["boolean"] is True
    finally:
        stop(server)


def test_a_read_writes_nothing_in_the_store_folder(tmp_path):
    folder = tmp_path / "store"
    EmbeddedStore(folder).close()

    def listing():
        return sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir())

    before = listing()
    for command in (["stats"], ["query", "ASK {}"], ["export", "--format", "nquads"]):
        assert run_kg(*command, "--store", str(folder)).returncode == 0
    assert listing() == before
