"""Commands that only read the store start without rdflib (it is most of a short command's start-up)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kg.names import reindex
from kg.store import EmbeddedStore
from kg.synthetic import generate, to_oxigraph

_PROBE = """import sys
from kg.cli import main
code = main(sys.argv[1:])
print("rdflib" in sys.modules, code)"""


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("startup")
    store = EmbeddedStore(folder)
    store.oxigraph.bulk_extend(to_oxigraph(generate(3000, seed=2)))
    reindex(store)
    name = (
        store.query(
            "SELECT ?l WHERE { ?c <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?e . "
            "?e <http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?l LIMIT 1"
        )
        .rows[0][0]
        .value
    )
    store.close()
    return folder, name


@pytest.mark.parametrize(
    "command",
    [
        "stats",
        "query --name suppliers --param entity={name}",
        "neighbors {name}",
        "path {name} {name}",
        "export --format turtle -o {out}.ttl",
        "export --format nquads -o {out}.nq",
        "query --list",
    ],
)
def test_read_commands_do_not_import_rdflib(store_dir, tmp_path, command):
    folder, name = store_dir
    args = [a.format(name=name, out=tmp_path / "out") for a in command.split()]
    if "--list" not in args:
        args += ["--store", str(folder)]
    result = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, timeout=120)
    assert result.stdout.splitlines()[-1] == "False 0", result.stderr
