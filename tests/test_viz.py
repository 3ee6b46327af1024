"""The HTML page's source: offline, escaped, focused (the browser tests load it for real)."""

import re

import networkx as nx

from kg.viz import network_html


def _graph():
    graph = nx.MultiDiGraph()
    graph.add_node("urn:a", label="<img src=x onerror=alert(1)>", cls="Company", aliases=["</script>"], wikidata=None)
    graph.add_node("urn:b", label="KAMAZ", cls="Company", aliases=[], wikidata="http://www.wikidata.org/entity/Q1")
    graph.add_node("urn:c", label="Far away", cls="Region", aliases=[], wikidata=None)
    graph.add_node("urn:d", label="Further", cls="Region", aliases=[], wikidata=None)
    graph.add_edge(
        "urn:a",
        "urn:b",
        key="supplies",
        predicate="supplies",
        claims=[
            {
                "claim": "urn:c1",
                "sentence": '<a href="http://evil">x</a> & more',
                "article": "a1",
                "date": None,
                "confidence": 0.8,
                "rule": "r",
            }
        ],
    )
    graph.add_edge(
        "urn:b",
        "urn:c",
        key="locatedIn",
        predicate="locatedIn",
        claims=[{"claim": "urn:c2", "sentence": "s", "article": "a1", "date": None, "confidence": 0.8, "rule": "r"}],
    )
    graph.add_edge(
        "urn:c",
        "urn:d",
        key="locatedIn",
        predicate="locatedIn",
        claims=[{"claim": "urn:c3", "sentence": "s", "article": "a1", "date": None, "confidence": 0.8, "rule": "r"}],
    )
    return graph


def test_no_remote_scripts_or_stylesheets(seed_build):
    page = (seed_build.out / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=\s*[\"']?https?://", page, re.I)
    assert "cdn." not in page and "bootstrap" not in page.lower()


def test_article_text_is_escaped_in_the_source():
    page = network_html(_graph())
    data = page[page.index('<script type="application/json" id="kg-data">') :]
    data = data[: data.index("</script>") + len("</script>")]
    assert "<img" not in data and "</script><" not in data and "<a href" not in data
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in data


def test_focus_keeps_the_neighbourhood():
    page = network_html(_graph(), focus="KAMAZ", hops=1)
    assert "Far away" in page and "Further" not in page


def test_the_page_script_writes_text_never_markup():
    from kg.viz_page import _SCRIPT

    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in _SCRIPT, sink
    assert "textContent" in _SCRIPT and "createTextNode" in _SCRIPT


def test_colours_come_from_the_legend_table_not_from_per_node_colours():
    from kg.viz import CLASS_STYLE

    page = network_html(_graph())
    data = page[page.index('id="kg-data">') + len('id="kg-data">') :]
    import json

    data = json.loads(data[: data.index("</script>")])
    assert all("color" not in n and n["group"] in CLASS_STYLE for n in data["nodes"])
    assert data["groups"]["Company"] == {"color": CLASS_STYLE["Company"][0], "shape": CLASS_STYLE["Company"][1]}
    assert f'data-color="{CLASS_STYLE["Company"][0]}"' in page


def test_layout_is_stable_and_spread():
    from kg.layout import spring_positions

    pairs = [(i, (i * 7) % 50) for i in range(1, 50)]
    first = spring_positions(50, pairs)
    assert first == spring_positions(50, pairs)
    assert len(set(first)) == 50  # no two nodes on one spot
    big = spring_positions(2000, [(i, i // 2) for i in range(1, 2000)])  # the grid path
    assert len(big) == 2000 and len(set(big)) > 1900
