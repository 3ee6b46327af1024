"""Where the data files live: ``ontology/`` beside the package, or installed under ``share/kg``."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

__all__ = ["ontology_dir"]


@cache
def ontology_dir() -> Path:
    """The ontology folder: ``$KG_ONTOLOGY``, the source checkout's, or the installed copy."""
    if os.environ.get("KG_ONTOLOGY"):
        return Path(os.environ["KG_ONTOLOGY"])
    for candidate in (Path(__file__).resolve().parent.parent / "ontology",
                      Path(sys.prefix) / "share" / "kg" / "ontology"):
        if (candidate / "trade.ttl").is_file():
            return candidate
    raise FileNotFoundError("ontology/trade.ttl not found; set KG_ONTOLOGY to the ontology folder")
