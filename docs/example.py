"""A notebook's first cells, as a script: build the seed, look at claims as a table, draw the page inline.

    python docs/example.py [OUT_DIR]

In Jupyter each block below is a cell; the last expression of a cell is displayed (a Results shows as an
HTML table, ``kg.show(...)`` as the page in an isolated iframe). Here the same objects are written to
OUT_DIR (default: a temporary folder) as ``claims.html`` and ``page.html`` and summarised on stdout.
The tests run this script (tests/test_notebook.py).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import kg

ROOT = Path(__file__).resolve().parent.parent


def main(out: Path) -> None:
    # cell 1: a store of the seed article
    store = kg.open_store(out / "store")
    kg.ingest([ROOT / "seeds"], store)

    # cell 2: every claim, as a DataFrame with typed columns (pandas: pip install 'kg[notebook]')
    claims = kg.run_named(store, "all-claims")
    frame = claims.df()
    print(
        frame[["subject_label", "predicate_label", "object_label", "modality", "confidence", "date"]]
        .sort_values(["modality", "confidence"], ascending=[True, False])
        .to_string(index=False)
    )
    print(dict(frame.dtypes.astype(str)[["confidence", "date"]]))

    # cell 3: what a notebook displays for the results and for the page
    (out / "claims.html").write_text(claims._repr_html_(), encoding="utf-8")
    (out / "page.html").write_text(kg.show(store, height=600)._repr_html_(), encoding="utf-8")
    print(f"wrote {out / 'claims.html'} and {out / 'page.html'}")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(Path(sys.argv[1]))
    else:
        with tempfile.TemporaryDirectory() as folder:
            main(Path(folder))
