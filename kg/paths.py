"""Where the data files live: ``kg/ontology/`` in an installed wheel, or ``ontology/`` beside the package
in a source checkout (and an editable install of it)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

__all__ = ["ontology_dir"]


@cache
def ontology_dir() -> Path:
    """The ontology folder: ``$KG_ONTOLOGY``, the installed package's, or the source checkout's."""
    if os.environ.get("KG_ONTOLOGY"):
        return Path(os.environ["KG_ONTOLOGY"])
    package = Path(__file__).resolve().parent
    for candidate in (package / "ontology", package.parent / "ontology"):
        if (candidate / "trade.ttl").is_file():
            return candidate
    from .errors import Errors, SetupError

    raise SetupError(Errors.E703)
