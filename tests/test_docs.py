"""Documentation that cannot drift: the README documents every command; modules say what they offer."""

import ast
import importlib
import pkgutil

import kg
from kg.cli import COMMANDS

from .conftest import ROOT


def test_readme_documents_every_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"kg {command}" in readme, command
    for target in ("make demo", "make test"):
        assert target in readme


def test_every_module_declares_all_and_a_docstring():
    for info in pkgutil.walk_packages(kg.__path__, prefix="kg."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        assert module.__doc__, info.name
        source = ast.parse(open(module.__file__, encoding="utf-8").read())
        names = {
            t.id
            for node in source.body
            if isinstance(node, ast.Assign)
            for t in node.targets
            if isinstance(t, ast.Name)
        }
        assert "__all__" in names or info.name == "kg.cli" or info.ispkg, info.name


def test_import_kg_is_light():
    import subprocess
    import sys

    code = "import sys, kg; heavy = {'spacy', 'pyvis', 'rdflib', 'pyoxigraph', 'networkx'} & set(sys.modules); print(sorted(heavy))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_readme_figures_are_the_data_s():
    """The numbers and lists the README gives are those of the data files and the ontology."""
    import re

    from kg.gazetteer import load_gazetteer
    from kg.paths import ontology_dir
    from kg.query import named_queries
    from kg.vocab import CLASSES, RELATIONS

    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert f"(`ontology/entities/*.jsonl`, {len(load_gazetteer()):,} entries)" in readme
    from kg.extract import load_rules

    assert f"(`ontology/rules/relations.jsonl`, {len(load_rules().rules)} rules;" in readme
    assert f"classes {', '.join(CLASSES)}; the {len(RELATIONS)} relations of" in readme
    documented = re.findall(r"\| `([a-z-]+)` \|[^|]+\|[^|]*\|", readme)  # the table of named queries
    assert sorted(documented) == sorted(named_queries())
