"""Notebook views: query results as typed DataFrames and HTML tables, and the page in an isolated iframe."""

from __future__ import annotations

import datetime as dt
import html
import re

import networkx as nx
import pyoxigraph as ox
import pytest

import kg
from kg.query import run_named
from kg.store import Results

XSD = "http://www.w3.org/2001/XMLSchema#"


def _typed(value, kind):
    return ox.Literal(value, datatype=ox.NamedNode(XSD + kind))


HANDMADE = Results(
    ["n", "x", "day", "ok", "name"],
    [
        (
            _typed("3", "integer"),
            _typed("0.5", "decimal"),
            _typed("2023-02-20", "date"),
            _typed("true", "boolean"),
            ox.Literal("<b>MAZ</b>"),
        ),
        (
            None,
            _typed("2", "integer"),
            None,
            _typed("false", "boolean"),
            ox.NamedNode("https://w3id.org/kg-trade/entity/maz"),
        ),
    ],
)


def test_results_become_a_typed_dataframe():
    frame = HANDMADE.df()
    assert list(frame.columns) == ["n", "x", "day", "ok", "name"]
    assert str(frame["n"].dtype) == "Int64" and frame["n"].isna().tolist() == [False, True]
    assert frame["x"].tolist() == [0.5, 2.0] and str(frame["x"].dtype) == "float64"
    assert str(frame["day"].dtype).startswith("datetime64") and frame["day"][0].date() == dt.date(2023, 2, 20)
    assert frame["ok"].tolist() == [True, False]
    assert frame["name"].tolist() == ["<b>MAZ</b>", "https://w3id.org/kg-trade/entity/maz"]
    assert HANDMADE.to_pandas().equals(frame)


def test_results_show_as_an_escaped_html_table():
    table = HANDMADE._repr_html_()
    assert "<th>n</th><th>x</th><th>day</th>" in table and "&lt;b&gt;MAZ&lt;/b&gt;" in table and "<b>" not in table
    assert "<td>2023-02-20</td>" in table and table.endswith("<p>2 row(s)</p>")


def test_seed_claims_as_a_dataframe(seed_build):
    frame = run_named(seed_build.store, "all-claims").df()
    assert len(frame) == seed_build.report.claims > 0
    assert str(frame["confidence"].dtype) == "float64" and frame["confidence"].between(0, 1).all()
    assert str(frame["date"].dtype).startswith("datetime64")
    assert {"asserted", "past"} <= set(frame["modality"]) <= {"asserted", "planned", "past"}


def test_show_puts_the_page_in_a_sandboxed_srcdoc_iframe():
    graph = nx.MultiDiGraph()
    graph.add_node("urn:a", label="</iframe><script>alert(1)</script>", cls="Company", aliases=[], wikidata=None)
    shown = kg.show(graph, height=300)
    markup = shown._repr_html_()
    match = re.fullmatch(
        r'<iframe srcdoc="([^"]*)" style="[^"]*height:300px[^"]*" sandbox="([^"]*)"[^>]*></iframe>', markup
    )
    assert match, markup[:200]
    assert html.unescape(match.group(1)) == shown.html  # the whole page, attribute-escaped
    assert "allow-same-origin" not in match.group(2) and "allow-scripts" in match.group(2)
    assert "show" in dir(kg) or "show" in kg.__all__


@pytest.mark.model
def test_the_example_notebook_script_runs(tmp_path):
    import subprocess
    import sys

    from .conftest import ROOT, seed_claim

    result = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "example.py"), str(tmp_path)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, (result.stderr.strip().splitlines() or ["no error output"])[-1]
    confidence = re.escape(seed_claim("past").confidence)
    assert re.search(r"MAZ\s+competesWith\s+KAMAZ\s+past\s+" + confidence + r"0*\s+2023-02-20", result.stdout)
    assert "'confidence': 'float64'" in result.stdout and "'date': 'datetime64" in result.stdout
    assert (tmp_path / "claims.html").read_text(encoding="utf-8").startswith("<table>")
    assert (tmp_path / "page.html").read_text(encoding="utf-8").startswith("<iframe srcdoc=")
