"""The page at scale: time to write it (Python) and until it is drawn and interactive (headless chromium).

    python bench/page.py [N ...]     (default 1000 5000 20000 entities, two relations per entity)

Prints, per size: entities, relations, seconds to build the page's HTML, its size, and seconds from
navigation until ``window.kgReady`` (drawn, with no physics), then the time one filter change takes.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.viz import page_html  # noqa: E402
from tests.conftest import chromium  # noqa: E402
from tests.screenshot import ARGS  # noqa: E402
from tests.synthetic import synthetic  # noqa: E402


def main(sizes: list[int]) -> None:
    from playwright.sync_api import sync_playwright

    executable = chromium()
    with sync_playwright() as p, tempfile.TemporaryDirectory() as folder:
        browser = p.chromium.launch(executable_path=executable, headless=True, args=ARGS)
        try:
            for n in sizes:
                claimset = synthetic(n)
                start = time.perf_counter()
                page_text = page_html(claimset)
                written = time.perf_counter() - start
                path = Path(folder) / f"page-{n}.html"
                path.write_text(page_text, encoding="utf-8")
                context = browser.new_context(viewport={"width": 1280, "height": 800})
                page = context.new_page()
                start = time.monotonic()
                page.goto(path.as_uri())
                page.wait_for_function("window.kgReady === true", timeout=300000)
                ready = time.monotonic() - start
                relations = page.evaluate("window.kgNetwork.body.data.edges.length")
                toggled = page.evaluate("""() => new Promise(done => { const start = performance.now();
                    document.getElementById("modality-planned").click();  // filters, then the next frame drawn
                    requestAnimationFrame(() => requestAnimationFrame(() => done((performance.now() - start) / 1000)));
                })""")
                print(
                    f"{n:>6} entities {relations:>6} relations: page written in {written:5.2f} s "
                    f"({len(page_text) / 1e6:4.1f} MB), ready in the browser after {ready:5.2f} s, "
                    f"a modality toggled in {toggled:4.2f} s",
                    flush=True,
                )
                context.close()
        finally:
            browser.close()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 5000, 20000])
