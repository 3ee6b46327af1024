"""Writing outputs: paths checked before any work starts, files written whole or not at all.

Each file goes to a unique temporary file in its target folder and is renamed over the target, so that a
reader never sees half a file and two builds writing the same file at once never tear it (the last rename
wins, whole).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from .errors import Errors, OutputError

__all__ = ["check_output_dir", "check_output_file", "write_atomic"]


def _creatable(path: Path, what: str) -> None:
    """``path`` may be written (created or replaced): its nearest existing ancestor must be a folder we may
    write in."""
    ancestor = path.parent
    while not ancestor.exists():
        if ancestor.is_symlink():
            raise OutputError(Errors.E818.format(what=what, path=path, ancestor=ancestor))
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise OutputError(Errors.E819.format(what=what, path=path, ancestor=ancestor))
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise OutputError(Errors.E820.format(what=what, path=path, ancestor=ancestor))


def check_output_dir(path: str | Path, what: str = "--out") -> None:
    """Raise :class:`~kg.errors.OutputError` (one line) unless files can be written into folder ``path``."""
    path = Path(path)
    if path.exists():
        if not path.is_dir():
            raise OutputError(Errors.E821.format(what=what, path=path))
        if not os.access(path, os.W_OK | os.X_OK):
            raise OutputError(Errors.E822.format(what=what, path=path))
        return
    _creatable(path, what)


def check_output_file(path: str | Path, what: str = "-o") -> None:
    """Raise :class:`~kg.errors.OutputError` (one line) unless file ``path`` can be written."""
    path = Path(path)
    if path.is_dir():
        raise OutputError(Errors.E823.format(what=what, path=path))
    _creatable(path, what)


def write_atomic(path: str | Path, data: bytes | Callable[[str], object]) -> None:
    """Write ``data`` to ``path`` through a unique temporary file in the same folder, then rename it.

    ``data`` may also be a function that writes the file itself, given the temporary file's path (an
    export streamed to disk).
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as e:
        raise OutputError(Errors.E824.format(path=target, reason=e.strerror or e)) from e
    try:
        with os.fdopen(fd, "wb") as out:
            if not callable(data):
                out.write(data)
        if callable(data):
            data(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as e:
        raise OutputError(Errors.E824.format(path=target, reason=e.strerror or e)) from e
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
