"""The public API: every name of ``kg.__all__`` is the function or class it says, on every access,
whatever submodules were imported in between."""

import importlib
import inspect
import pkgutil

import pytest

import kg


def _import_every_module():
    for info in pkgutil.walk_packages(kg.__path__, "kg."):
        if info.name not in ("kg.__main__",):
            importlib.import_module(info.name)


def test_names_are_functions_before_and_after_their_modules_are_imported():
    before = {name: getattr(kg, name) for name in kg.__all__}
    _import_every_module()
    after = {name: getattr(kg, name) for name in kg.__all__}
    assert after == before
    for name, value in after.items():
        assert inspect.isfunction(value) or inspect.isclass(value), name
        assert value.__name__ == name, name


def test_export_twice(seed_build):
    first = kg.export(seed_build.store, "nquads")
    assert kg.export(seed_build.store, "nquads") == first
    assert kg.stats(seed_build.store)["articles"] == kg.stats(seed_build.store)["articles"] == 1


def test_dir_lists_all():
    assert set(kg.__all__) <= set(dir(kg))
    assert dir(kg) == sorted(dir(kg))


def test_unknown_name():
    with pytest.raises(AttributeError, match="no attribute 'exprot'"):
        kg.exprot  # noqa: B018


@pytest.mark.parametrize("name", kg.__all__)
def test_public_names_have_numpydoc_docstrings_with_examples(name):
    """Parameters, Returns (for a function) and Examples that run (the suite collects them as doctests)."""
    doc = inspect.getdoc(getattr(kg, name)) or ""
    sections = ["Parameters\n----------", "Examples\n--------\n>>> "]
    if inspect.isfunction(getattr(kg, name)):
        sections.append("Returns\n-------")
    for section in sections:
        assert section in doc, f"{name}: no {section.splitlines()[0]} section"
