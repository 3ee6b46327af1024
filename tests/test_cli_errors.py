"""Every failure of the command line is an exit status and one line on standard error, never a traceback;
every message comes from the catalogue with its code."""

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.errors import Errors, KgError, UsageError

from .conftest import ROOT, SEEDS, run_kg

_CODE = re.compile(r"\[E\d{3}\]$")


def _one_line(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.mark.model
def test_an_unknown_model_is_one_line(tmp_path):
    result = run_kg("--model", "no_such_model", "ingest", str(SEEDS), "--store", str(tmp_path / "store"))
    assert result.returncode == 1
    line = _one_line(result)
    assert line.startswith("kg ingest: error: cannot load the spaCy model 'no_such_model'") and _CODE.search(line)


def test_argument_errors_are_one_line(tmp_path):
    for args in (["frobnicate"], ["build"], ["ingest", "x", "--min-confidence", "2"], ["export", "--format", "xml"]):
        result = run_kg(*args)
        assert result.returncode == 2, args
        assert _one_line(result).startswith("kg"), args
    result = run_kg("query", "--param", "oops", "--name", "suppliers", "--store", str(tmp_path / "s"))
    assert result.returncode == 2 and _CODE.search(_one_line(result))


def _empty_store(folder):
    """A store that exists (read commands never create one)."""
    from kg.store import open_store

    open_store(folder).close()
    return folder


def test_a_sparql_syntax_error_is_one_line(tmp_path):
    result = run_kg("query", "SELECT ?x WHERE { ?x rdfs:label ?y }", "--store", str(_empty_store(tmp_path / "s")))
    assert result.returncode == 2
    line = _one_line(result)
    assert line.startswith("kg query: error: query: SPARQL syntax error") and _CODE.search(line)


def test_unconnected_entities_are_no_unknown_entity(tmp_path):
    store = tmp_path / "store"
    from kg.store import open_store

    opened = open_store(store)
    ent = "https://w3id.org/kg-trade/entity/"
    opened.update(f"""INSERT DATA {{ GRAPH <https://w3id.org/kg-trade/graph/entities> {{
        <{ent}a> a <https://w3id.org/kg-trade/ontology#Company> ; <http://www.w3.org/2000/01/rdf-schema#label> "A" .
        <{ent}b> a <https://w3id.org/kg-trade/ontology#Company> ; <http://www.w3.org/2000/01/rdf-schema#label> "B" .
    }} }}""")
    opened.close()
    result = run_kg("path", "A", "B", "--store", str(store))
    assert result.returncode == 1
    assert _one_line(result) == f"kg path: error: {Errors.E805.format(a='A', b='B')}"


def test_an_unwritable_output_is_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = run_kg("export", "-o", str(blocker / "graph.ttl"), "--store", str(_empty_store(tmp_path / "store")))
    # checked before the store is read (issue 10): a usage error, exit 2
    assert (
        result.returncode == 2
        and _one_line(result)
        == f"kg export: error: {Errors.E819.format(what='-o', path=blocker / 'graph.ttl', ancestor=blocker)}"
    )


@pytest.mark.model
def test_ctrl_c_is_one_line_and_exit_130(tmp_path):
    store = tmp_path / "store"
    env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "build", str(SEEDS), "--out", str(tmp_path / "out"), "--store", str(store)],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not store.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # the store folder appears once the command runs; the model loads after it
    assert process.poll() is None, "the build ended before it could be interrupted"
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130
    assert stderr.strip() == f"kg: {Errors.E806}"


def test_every_message_has_one_code():
    codes = [name for name in vars(Errors) if name.startswith("E")]
    assert codes == sorted(codes) and len(codes) == len(set(codes))
    for code in codes:
        assert getattr(Errors, code).endswith(f" [{code}]")


def test_raise_sites_outside_extraction_use_the_catalogue():
    """No message typed at a raise site: each comes from ``Errors`` (or ``MSG``), so each has its code."""
    bare = re.compile(r"raise \w+\((f?\"|f?')")
    offenders = []
    for path in sorted((ROOT / "kg").glob("*.py")):
        if path.name in ("train.py", "confidence.py"):  # not converted yet (other work in progress there)
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if bare.search(line) and "AttributeError" not in line:
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_usage_error_is_a_kg_error_with_status_2():
    assert issubclass(UsageError, KgError) and UsageError.exit_status == 2 and KgError.exit_status == 1


def test_open_store_honours_kg_store(tmp_path, monkeypatch):
    from kg.store import open_store

    monkeypatch.setenv("KG_STORE", str(tmp_path / "from-env"))
    assert Path(open_store().location) == tmp_path / "from-env"
    assert Path(open_store(tmp_path / "given").location) == tmp_path / "given"
