"""The README's picture of the seed page: ``python -m tests.screenshot [PAGE] [PNG]``.

Opens the page (default ``exports/graph.html``) in Debian's chromium, offline, waits until it is
drawn, clicks the planned relation (else a past one) so that the side panel shows its claim, and writes a PNG
(default ``exports/graph.png``). Run by ``make screenshot``; the browser tests run it too.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--font-render-hinting=none",
    "--hide-scrollbars",
]


def capture(browser, page_path: Path, png_path: Path, *, edge: str | None = None) -> None:
    """Write the PNG of ``page_path`` at 1280 x 800 with a launched playwright ``browser``; with ``edge``,
    that edge's claims in the side panel."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, device_scale_factor=1)
    try:
        context.route(
            "**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort()
        )
        page = context.new_page()
        page.goto(page_path.resolve().as_uri())
        page.wait_for_function("window.kgReady === true", timeout=30000)
        if edge is not None:
            page.evaluate("(id) => { window.kgNetwork.selectEdges([id]); window.kgShowEdge(id); }", edge)
        page.wait_for_timeout(200)
        png_path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(png_path))
    finally:
        context.close()


def screenshot(page_path: Path, png_path: Path, executable: str, *, edge: str | None = None) -> None:
    """:func:`capture` in a chromium of its own."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, headless=True, args=ARGS)
        try:
            capture(browser, page_path, png_path, edge=edge)
        finally:
            browser.close()


def modality_edge(page_path: Path, modality: str) -> str | None:
    """The id of the page's first relation of a modality, if any."""
    import json
    import re

    text = page_path.read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.S).group(1))
    for edge, relation in zip(data["edges"], data["relations"]):
        if relation[1] == modality:
            return edge["id"]
    return None


def shown_edge(page_path: Path) -> str | None:
    """The relation the README's picture selects: the first planned one, else the first past one (a claim that
    is not plainly asserted)."""
    return modality_edge(page_path, "planned") or modality_edge(page_path, "past")


def main(argv: list[str]) -> int:
    from .conftest import chromium

    page_path = Path(argv[0]) if argv else ROOT / "exports" / "graph.html"
    png_path = Path(argv[1]) if len(argv) > 1 else ROOT / "exports" / "graph.png"
    executable = chromium()
    if executable is None:
        print("screenshot: Debian's chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    screenshot(page_path, png_path, executable, edge=shown_edge(page_path))
    print(f"screenshot: wrote {png_path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
