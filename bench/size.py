"""Cost of one article by its size: seconds per 100 KB from 100 KB to a few MB (flat when cost is linear).

    .venv/bin/python bench/size.py [--sizes 100,200,500,1000,2000] [--shape paragraphs|one]

Each article is made of the dev set's paragraphs repeated (``--shape one``: the same text as a single
paragraph, no blank lines), written as a ``.txt`` into a fresh folder and ingested into a fresh embedded
store with the extractor loaded beforehand: reading, parsing, extraction, scoring and the store's write are
timed, the model's load is not. Wall-clock seconds and CPU seconds (this process's, which other work on a
shared machine moves less) are both printed. Not a timed test: it prints, it asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "dev" / "articles"


def _body(kilobytes: int, shape: str) -> str:
    from kg.articles import read_articles

    articles, _ = read_articles([DEV if DEV.is_dir() else ROOT / "seeds"])
    paragraphs = [p for a in articles for p in a.text.split("\n\n")]
    out, size, i = [], 0, 0
    while size < kilobytes * 1000:
        out.append(paragraphs[i % len(paragraphs)])
        size += len(out[-1]) + 2
        i += 1
    return ("\n\n" if shape == "paragraphs" else " ").join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,200,500,1000,2000", help="article sizes in KB (default: %(default)s)")
    parser.add_argument("--shape", choices=("paragraphs", "one"), default="paragraphs")
    args = parser.parse_args(argv)
    from kg.pipeline import Extractor, ingest
    from kg.store import open_store

    extractor = Extractor()
    extractor.load()
    print(f"{'KB':>6} {'wall s':>8} {'s/100KB':>8} {'CPU s':>8} {'CPU/100KB':>10} {'claims':>7}   ({args.shape})")
    for kilobytes in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"big-{kilobytes}.txt"
            path.write_text(f"1 May 2024\n\nA long report\n\n{_body(kilobytes, args.shape)}\n", encoding="utf-8")
            store = open_store(Path(tmp) / "store")
            start, cpu = time.perf_counter(), time.process_time()
            report = ingest([path], store, extractor)
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
            if report.rejected:
                print(f"{kilobytes:>6} rejected: {report.rejected[0]}")
                continue
            per = kilobytes / 100
            print(
                f"{kilobytes:>6} {seconds:>8.1f} {seconds / per:>8.2f} {cpu:>8.1f} {cpu / per:>10.2f} "
                f"{report.claims:>7}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
