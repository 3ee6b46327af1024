"""The code's own checks, with their configuration in pyproject.toml: ruff's lint on kg/, ruff's format
check on the tree, mypy on kg/. The suite fails when one of them does."""

import subprocess
import sys

import pytest

from .conftest import ROOT


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize(
    "command",
    # no cache: ruff's cache once called a file formatted here that a clean clone (CI) found unformatted
    [("ruff", "check", "--no-cache", "kg"), ("ruff", "format", "--check", "--no-cache", "."), ("mypy",)],
    ids=["ruff-lint", "ruff-format", "mypy"],
)
def test_check_passes(command):
    done = _run(*command)
    assert done.returncode == 0, (done.stdout + done.stderr)[-4000:]
