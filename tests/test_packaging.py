"""A normal (non-editable) install works: the wheel holds every module and every data file kg reads, and
the command installed from it, run outside the source tree, builds the seed exactly as ``make demo`` does.

CI (``.ci/run``) does the same with ``python -m build`` into a fresh virtual environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from a copy of the sources (the checkout is left alone)."""
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "annotated")
    for name in ("kg", "ontology"):
        shutil.copytree(ROOT / name, src / name, ignore=ignore)
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(src)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    (found,) = out.glob("kg-*.whl")
    return found


def test_the_wheel_holds_every_module_and_data_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "kg").rglob("*.py")}
    assert modules - names == set()
    read_at_run_time = [
        *(ROOT / "ontology").glob("*.ttl"),
        *(ROOT / "ontology" / "entities").glob("*.jsonl"),
        *(ROOT / "ontology" / "queries").glob("*.rq"),
        *(ROOT / "ontology" / "rules").iterdir(),
        ROOT / "ontology" / "model" / "confidence.json",
    ]
    data = {"kg/" + p.relative_to(ROOT).as_posix() for p in read_at_run_time}
    assert data - names == set()
    assert not any("/annotated/" in name for name in names)  # training data stays in the checkout


@pytest.mark.model
def test_the_installed_command_builds_the_seed_outside_the_tree(wheel, tmp_path):
    target = tmp_path / "site"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--no-deps",
            "--no-index",
            "--target",
            str(target),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    env = {k: v for k, v in os.environ.items() if k not in ("KG_ONTOLOGY", "KG_STORE")}
    env["PYTHONPATH"] = str(target)  # ahead of the editable install of the checkout
    work = tmp_path / "elsewhere"
    work.mkdir()
    where = subprocess.run(
        [sys.executable, "-c", "import kg.paths; print(kg.paths.ontology_dir())"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert where.stdout.strip() == str(target / "kg" / "ontology"), where.stderr
    built = subprocess.run(
        [str(target / "bin" / "kg"), "build", str(SEEDS), "--out", "out", "--store", "store"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    assert (work / "out" / "graph.ttl").read_bytes() == (ROOT / "exports" / "graph.ttl").read_bytes()
