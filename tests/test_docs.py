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
        names = {t.id for node in source.body if isinstance(node, ast.Assign) for t in node.targets
                 if isinstance(t, ast.Name)}
        assert "__all__" in names or info.name == "kg.cli" or info.ispkg, info.name


def test_import_kg_is_light():
    import subprocess
    import sys

    code = "import sys, kg; heavy = {'spacy', 'pyvis', 'rdflib', 'pyoxigraph', 'networkx'} & set(sys.modules); print(sorted(heavy))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
