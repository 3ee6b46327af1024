"""The HTML graph in a real headless Chromium (Debian's, driven by playwright; never downloaded).

- offline: the seed's page loads with every non-file request aborted and recorded, lays out and
  shows every node of its JSON block;
- escaping: markup in labels, aliases and sentences stays text (no dialog, no injected element,
  the tooltip shows the characters); focus mode keeps only the neighbourhood;
- scale: 3000 nodes and ~6000 edges stabilise in time, physics then freezes, and the search box
  focuses an entity.

Skipped without chromium, unless KG_REQUIRE_BROWSER=1 (then a missing chromium is a failure).
"""

from __future__ import annotations

import json
import os
import random
import re
import time
from html.parser import HTMLParser

import networkx as nx
import pytest

from kg.viz import network_html

from .conftest import chromium

pytestmark = pytest.mark.browser

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
IMG = "<img src=x onerror=alert(1)>"
BREAKOUT = "</script><script>alert(2)</script>"


@pytest.fixture(scope="module")
def browser():
    path = chromium()
    if path is None:
        if os.environ.get("KG_REQUIRE_BROWSER") == "1":
            pytest.fail("KG_REQUIRE_BROWSER=1 but Debian's chromium is not installed (apt-get install chromium)")
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=path, headless=True, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def open_offline(browser):
    """open_offline(path, timeout_s) -> (page, attempted non-file requests, dialogs), once kgReady is true."""
    contexts = []

    def run(path, timeout_s=30.0):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        contexts.append(context)
        attempted, dialogs = [], []

        def guard(route):
            if route.request.url.startswith(("file:", "data:")):
                route.continue_()
            else:
                attempted.append(route.request.url)
                route.abort()

        context.route("**/*", guard)
        page = context.new_page()
        page.on("request", lambda r: None if r.url.startswith(("file:", "data:", "blob:", "about:"))
                else attempted.append(r.url))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        start = time.monotonic()
        page.goto(path.as_uri())
        page.wait_for_function("window.kgReady === true", timeout=timeout_s * 1000)
        page.ready_after = time.monotonic() - start
        return page, attempted, dialogs

    yield run
    for context in contexts:
        context.close()


def data_block(page_html: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page_html, re.S)
    assert match, "no kg-data block"
    return json.loads(match.group(1))


class _External(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if (tag, name) in {("script", "src"), ("link", "href")} and re.match(r"\s*https?://", value or "", re.I):
                self.found.append((tag, value))


def graph_of(nodes, edges) -> nx.MultiDiGraph:
    """A graph with kg.network.entity_graph's layout: nodes (id, label, cls, aliases), edges (s, p, o, sentence)."""
    graph = nx.MultiDiGraph()
    for node, label, cls, aliases in nodes:
        graph.add_node(node, label=label, cls=cls, aliases=list(aliases), wikidata=None)
    for n, (s, p, o, sentence) in enumerate(edges):
        if not graph.has_edge(s, o, key=p):
            graph.add_edge(s, o, key=p, predicate=p, claims=[])
        graph.edges[s, o, p]["claims"].append({"claim": f"urn:claim:{n}", "sentence": sentence, "article": f"a{n % 7}",
                                                "date": "2023-02-20", "confidence": 0.8, "rule": "test"})
    return graph


def node_count(page) -> int:
    return page.evaluate("window.kgNetwork.body.data.nodes.length")


@pytest.mark.model
def test_seed_page_works_offline(seed_build, open_offline):
    path = seed_build.out / "graph.html"
    source = path.read_text(encoding="utf-8")
    parser = _External()
    parser.feed(source)
    assert parser.found == []
    page, attempted, _ = open_offline(path)
    expected = len(data_block(source)["nodes"])
    assert expected > 0
    assert node_count(page) == expected
    assert page.evaluate("Object.keys(window.kgNetwork.getPositions()).length") == expected
    assert page.inner_text("#status").startswith(f"{expected} entities")
    assert attempted == []


EVIL = graph_of(
    [("urn:e:img", IMG, "Company", ['"quotes"', "<b>bold</b>"]), ("urn:e:breakout", BREAKOUT, "Country", []),
     ("urn:e:plain", "Plainland", "Country", []), ("urn:e:far", "Farland", "Region", [])],
    [("urn:e:img", "cooperatesWith", "urn:e:breakout", 'Officials said <a href="http://evil">click</a> today.'),
     ("urn:e:breakout", "tradesWith", "urn:e:plain", "Plain trade & more."),
     ("urn:e:plain", "partOf", "urn:e:far", "Plainland lies in Farland.")])


def test_markup_stays_text(tmp_path, open_offline):
    path = tmp_path / "evil.html"
    path.write_text(network_html(EVIL), encoding="utf-8")
    page, attempted, dialogs = open_offline(path)
    assert node_count(page) == 4
    counts = page.evaluate("['img', 'b', 'a', 'script'].map(t => document.querySelectorAll(t).length)")
    assert counts == [0, 0, 0, 3]  # the JSON block, vis-network and the page script: nothing injected
    labels = page.evaluate("window.kgNetwork.body.data.nodes.get().map(n => n.label).sort()")
    assert labels == sorted([IMG, BREAKOUT, "Plainland", "Farland"])
    # hover the malicious node: its tooltip must show the characters, not an element
    box = page.locator("#graph").bounding_box()
    at = page.evaluate("(id) => { const n = window.kgNetwork; return n.canvasToDOM(n.getPositions([id])[id]); }",
                       "urn:e:img")
    page.mouse.move(box["x"] + at["x"] - 30, box["y"] + at["y"] - 30)
    page.mouse.move(box["x"] + at["x"], box["y"] + at["y"], steps=5)
    page.wait_for_function("(t) => { const e = document.querySelector('.vis-tooltip');"
                           " return e && e.style.visibility !== 'hidden' && e.innerText.includes(t); }",
                           arg=IMG, timeout=5000)  # times out if the tooltip shows markup, not text
    tooltip = page.inner_text(".vis-tooltip")
    assert '"quotes"' in tooltip and "<b>bold</b>" in tooltip
    tags = page.evaluate("[...document.querySelector('.vis-tooltip').children].map(e => e.tagName)")
    assert set(tags) <= {"BR"}  # innerText turns the newlines into <br>, and nothing else
    assert page.evaluate("['img', 'b', 'a'].map(t => document.querySelectorAll(t).length)") == [0, 0, 0]
    assert dialogs == [] and attempted == []


def test_focus_keeps_the_neighbourhood(tmp_path, open_offline):
    data = data_block(network_html(EVIL, focus="Plainland", hops=1))
    assert sorted(n["id"] for n in data["nodes"]) == ["urn:e:breakout", "urn:e:far", "urn:e:plain"]
    assert {(e["from"], e["to"]) for e in data["edges"]} == {("urn:e:breakout", "urn:e:plain"),
                                                            ("urn:e:plain", "urn:e:far")}
    assert data["focus"] == "urn:e:plain"
    assert sorted(n["id"] for n in data_block(network_html(EVIL, focus=IMG, hops=0))["nodes"]) == ["urn:e:img"]
    path = tmp_path / "focus.html"
    path.write_text(network_html(EVIL, focus="plainland", hops=1), encoding="utf-8")
    page, attempted, dialogs = open_offline(path)
    assert node_count(page) == 3
    assert page.evaluate("window.kgNetwork.getSelectedNodes()") == ["urn:e:plain"]
    assert dialogs == [] and attempted == []


def synthetic(n_nodes=3000, n_edges=6000, seed=7) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    classes = ["Country", "Company", "Organization", "Person", "Product", "Sector"]
    nodes = [(f"urn:s:{i}", f"Entity {i:04d}", classes[i % len(classes)], [f"E{i}"]) for i in range(n_nodes)]
    edges = [(f"urn:s:{i}", "cooperatesWith", f"urn:s:{rng.randrange(i)}", f"E{i} works with someone.")
             for i in range(1, n_nodes)]  # a connected tree...
    while len(edges) < n_edges:  # ...plus random relations
        s, o = rng.sample(range(n_nodes), 2)
        edges.append((f"urn:s:{s}", rng.choice(["tradesWith", "investsIn", "supplies"]), f"urn:s:{o}", "More."))
    return graph_of(nodes, edges)


def test_large_graph_stabilises_freezes_and_searches(tmp_path, open_offline):
    graph = synthetic()
    assert graph.number_of_nodes() == 3000 and graph.number_of_edges() > 5900
    path = tmp_path / "large.html"
    path.write_text(network_html(graph), encoding="utf-8")
    page, attempted, dialogs = open_offline(path, timeout_s=90)
    print(f"\n3000 nodes / {graph.number_of_edges()} edges: kgReady after {page.ready_after:.1f} s")
    assert node_count(page) == 3000
    assert page.evaluate("window.kgNetwork.body.data.edges.length") == graph.number_of_edges()
    # physics is off after stabilisation (vis-network 9.1.2: PhysicsEngine.physicsEnabled / options.enabled)
    assert page.evaluate("[window.kgNetwork.physics.physicsEnabled, window.kgNetwork.physics.options.enabled]") \
        == [False, False]
    sample = [f"urn:s:{i}" for i in range(0, 3000, 250)]
    before = page.evaluate("(ids) => window.kgNetwork.getPositions(ids)", sample)
    page.wait_for_timeout(1000)
    assert page.evaluate("(ids) => window.kgNetwork.getPositions(ids)", sample) == before  # frozen
    # large graphs carry no edge labels
    assert page.evaluate("window.kgNetwork.body.data.edges.get().filter(e => e.label).length") == 0
    page.fill("#search", "entity 1234")  # the lookup ignores case
    page.press("#search", "Enter")  # commits the input: its "change" event
    assert page.evaluate("window.kgNetwork.getSelectedNodes()") == ["urn:s:1234"]
    neighbours = set(nx.all_neighbors(graph, "urn:s:1234")) | {"urn:s:1234"}
    colours = page.evaluate("Object.fromEntries(window.kgNetwork.body.data.nodes.get()"
                            ".map(n => [n.id, n.color]))")
    assert {n for n, c in colours.items() if c != "#e6e6e6"} == neighbours  # everything else is dimmed
    page.click("#reset")
    assert page.evaluate("window.kgNetwork.getSelectedNodes()") == []
    assert dialogs == [] and attempted == []


def test_search_finds_full_names_and_aliases(tmp_path, open_offline):
    long = "International Bank for Reconstruction and Development"  # 53 characters
    graph = graph_of([("urn:a", "Alpha", "Country", []), ("urn:b", long, "Organization", ["IBRD"])],
                     [("urn:a", "memberOf", "urn:b", "Alpha joined.")])
    path = tmp_path / "long.html"
    path.write_text(network_html(graph), encoding="utf-8")
    page, _, _ = open_offline(path)
    found = []
    for name in (long, "ibrd"):
        page.click("#reset")
        page.fill("#search", name)
        page.press("#search", "Enter")
        found.append(page.evaluate("window.kgNetwork.getSelectedNodes()"))
    assert found == [["urn:b"], ["urn:b"]]
