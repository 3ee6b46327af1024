"""all-claims answered from dictionaries (kg.allclaims): the rows and the CSV bytes of the query itself.

Every test compares the embedded store's answer to the named query's text
(``EmbeddedStore.query``, which :mod:`kg.allclaims` answers) with the same
text run by Oxigraph (``native=False``), on real stores: a generated one with
the cases the query's joins and left joins make awkward added to it.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg import allclaims
from kg.namespaces import ENTITIES_GRAPH, PREFIXES
from kg.query import named_queries, results_csv, write_csv
from kg.store import EmbeddedStore, Results
from kg.synthetic import generate, to_oxigraph

from .conftest import ROOT

RDF, RDFS, TRADE, PROV, DCT, XSD = (PREFIXES[p] for p in ("rdf", "rdfs", "trade", "prov", "dcterms", "xsd"))
ENT, ART, CLAIM, G = (PREFIXES[p] for p in ("ent", "art", "claim", "g"))
TEXT = named_queries()["all-claims"].sparql
node, lit = ox.NamedNode, ox.Literal


def _claim(claim, graph, **values) -> list:
    """The quads of a claim: the nine properties the query requires, each overridable (None: left out;
    a list: several values)."""
    properties = {
        RDF + "type": node(TRADE + "Claim"),
        RDF + "subject": node(ENT + "maz"),
        RDF + "predicate": node(TRADE + "supplies"),
        RDF + "object": node(ENT + "kamaz"),
        TRADE + "modality": node(TRADE + "asserted"),
        TRADE + "sentence": lit("MAZ supplies KAMAZ."),
        TRADE + "confidence": lit("0.8", datatype=node(XSD + "decimal")),
        TRADE + "extractor": lit("R1"),
        PROV + "wasDerivedFrom": node(ART + "odd1"),
    }
    short = {p.rsplit("#", 1)[-1].rsplit("/", 1)[-1]: p for p in properties}
    for key, value in values.items():
        properties[short[key]] = value
    quads = []
    for prop, value in properties.items():
        for one in value if isinstance(value, list) else [] if value is None else [value]:
            quads.append(ox.Quad(node(claim), node(prop), one, graph))
    return quads


def _awkward() -> list:
    """Claims, labels and articles that each case of the query's joins and left joins applies to."""
    ents, odd, other = node(ENTITIES_GRAPH), node(G + "article/odd1"), node(G + "article/odd2")
    default = ox.DefaultGraph()
    quads = [
        # two labels, one tagged; one label held by two graphs; an entity with none
        ox.Quad(node(ENT + "maz"), node(RDFS + "label"), lit("MAZ"), ents),
        ox.Quad(node(ENT + "maz"), node(RDFS + "label"), lit("Minsk Automobile Plant", language="en"), ents),
        ox.Quad(node(ENT + "kamaz"), node(RDFS + "label"), lit("KAMAZ"), ents),
        ox.Quad(node(ENT + "kamaz"), node(RDFS + "label"), lit("KAMAZ"), odd),
        ox.Quad(node(ENT + "belarus"), node(RDFS + "label"), lit("Belarus, Republic of"), default),
        # articles: two titles, no date, a source IRI and a literal source, a typed date; one with nothing
        ox.Quad(node(ART + "odd1"), node(DCT + "title"), lit('MAZ and "KAMAZ", again'), odd),
        ox.Quad(node(ART + "odd1"), node(DCT + "title"), lit("MAZ und KAMAZ", language="de"), odd),
        ox.Quad(node(ART + "odd1"), node(DCT + "source"), node("https://example.org/news/1?a=1,b=2"), odd),
        ox.Quad(node(ART + "odd2"), node(DCT + "date"), lit("2024-03-01", datatype=node(XSD + "date")), other),
        ox.Quad(
            node(ART + "odd2"), node(DCT + "date"), lit("2024-03-02T10:00:00", datatype=node(XSD + "dateTime")), other
        ),
        ox.Quad(node(ART + "odd2"), node(DCT + "source"), lit("belta.by"), other),
        ox.Quad(node(ART + "odd2"), node(DCT + "title"), lit("Line one\nline two\r\n\ttabbed"), other),
    ]
    quads += _claim(CLAIM + "odd-plain", odd)
    # a claim of two articles (one with no title or date), in two graphs, each triple in both
    quads += _claim(CLAIM + "odd-two", odd, wasDerivedFrom=[node(ART + "odd1"), node(ART + "odd2")])
    quads += _claim(CLAIM + "odd-two", other, wasDerivedFrom=[node(ART + "odd1"), node(ART + "odd2")])
    quads += _claim(CLAIM + "odd-none", odd, wasDerivedFrom=node(ART + "odd3"), subject=node(ENT + "nolabel"))
    # two sentences, one tagged, with commas, quotes and line breaks; a literal object; a blank node object
    quads += _claim(
        CLAIM + "odd-text",
        odd,
        sentence=[lit('He said: "MAZ, KAMAZ"\nand left.'), lit("MAZ liefert an KAMAZ.", language="de")],
        object=lit("KAMAZ (as written)"),
        confidence=lit("0.5E0", datatype=node(XSD + "double")),
        extractor=lit("R2", datatype=node(TRADE + "ruleId")),
    )
    quads += _claim(CLAIM + "odd-blank", odd, object=ox.BlankNode("somebody"), subject=node(ENT + "belarus"))
    quads.append(ox.Quad(ox.BlankNode("somebody"), node(RDFS + "label"), lit("someone"), odd))
    # predicate and modality names without a '#', with more after it; a literal predicate with two '#' (what
    # follows the first is its name); a blank node predicate (none)
    quads += _claim(CLAIM + "odd-names", odd, predicate=node("https://example.org/p/supplies"))
    quads += _claim(CLAIM + "odd-hashes", odd, modality=node("https://example.org/m#a/b?c"))
    quads += _claim(CLAIM + "odd-literal", odd, predicate=lit("x#y#z"))
    quads += _claim(CLAIM + "odd-bpred", odd, predicate=ox.BlankNode("p"))
    # a claim typed in the default graph only; claims missing a required property (no row)
    quads += _claim(CLAIM + "odd-default", odd, type=None)
    quads.append(ox.Quad(node(CLAIM + "odd-default"), node(RDF + "type"), node(TRADE + "Claim"), default))
    quads += _claim(CLAIM + "odd-nosentence", odd, sentence=None)
    quads += _claim(CLAIM + "odd-untyped", odd, type=None)
    return quads


@pytest.fixture(scope="module")
def awkward(tmp_path_factory):
    """A generated store (about 200 entities, 12,000 quads) with the awkward claims added."""
    store = EmbeddedStore(tmp_path_factory.mktemp("awkward"))
    store.oxigraph.bulk_extend(to_oxigraph(generate(12_000, seed=5)) + _awkward())
    store.flush()
    return store


def _kg(*args: str) -> bytes:
    """What ``python -m kg ARGS`` writes, as bytes (a text pipe would read its CR LF as LF)."""
    done = subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT, capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return done.stdout


def _both(store) -> tuple[Results, Results]:
    return store.query(TEXT, name="all-claims"), store.query(TEXT, name="all-claims", native=False)


def test_the_rows_are_the_query_s(awkward):
    native, engine = _both(awkward)
    assert native.variables == engine.variables == allclaims.VARIABLES
    assert len(native.rows) > 200
    assert native.rows == engine.rows


def test_the_awkward_cases_are_there(awkward):
    """The store holds what the comparison above is about (it would pass on a store without them)."""
    rows = [dict(zip(allclaims.VARIABLES, row)) for row in awkward.query(TEXT).rows]
    odd = [row for row in rows if row["claim"].value.startswith(CLAIM + "odd-")]

    def of(name):
        return [row for row in odd if row["claim"].value == CLAIM + name]

    # 2 subject labels x 2 object labels (KAMAZ twice: two graphs) x 2 titles
    assert len(of("odd-plain")) == 8
    # every triple in two graphs: 2 ** 8 for type, subject, ..., rule, times 4 for (two articles) x (two
    # graphs); then 2 x 2 labels, and 2 for either article (odd1: 2 titles; odd2: 2 dates)
    assert {row["article"].value for row in of("odd-two")} == {ART + "odd1", ART + "odd2"}
    assert len(of("odd-two")) == 2**8 * 4 * 4 * 2
    none = of("odd-none")
    assert len(none) == 2 and all(row[k] is None for row in none for k in ("subject_label", "article_title", "date"))
    assert {row["sentence"].language for row in of("odd-text")} == {None, "de"}
    assert {row["predicate_label"].value for row in of("odd-names")} == {""}
    assert {row["modality"].value for row in of("odd-hashes")} == {"a/b?c"}
    assert {row["predicate_label"].value for row in of("odd-literal")} == {"y#z"}
    assert {row["predicate_label"] for row in of("odd-bpred")} == {None}
    assert {row["object_label"].value for row in of("odd-blank")} == {"someone"}
    assert of("odd-default") and not of("odd-nosentence") and not of("odd-untyped")


def test_the_csv_bytes_are_the_query_s(awkward, tmp_path):
    native, engine = _both(awkward)
    expected = results_csv(engine).encode("utf-8")
    assert b"\r\n" in expected and b'"He said: ""MAZ, KAMAZ""\nand left."' in expected
    assert results_csv(native).encode("utf-8") == expected
    assert _kg("query", "--name", "all-claims", "--format", "csv", "--store", awkward.location) == expected
    out = tmp_path / "claims.csv"
    _kg("export", "--format", "csv", "-o", str(out), "--store", awkward.location)
    assert out.read_bytes() == expected


def test_the_other_formats_of_the_command(awkward):
    from kg.query import format_results

    native, engine = _both(awkward)
    table = _kg("query", "--name", "all-claims", "--store", awkward.location)
    assert table == (format_results(engine, "table") + "\n").encode("utf-8")
    assert format_results(native, "json") == format_results(engine, "json")


def test_a_reader_beside_a_writer(tmp_path):
    """A read-only store opened while a writer holds it answers the rows committed when it opened."""
    writer = EmbeddedStore(tmp_path / "store")
    writer.oxigraph.bulk_extend(to_oxigraph(generate(3_000, seed=2)))
    writer.flush()
    reader = EmbeddedStore(tmp_path / "store", read_only=True)
    native, engine = _both(reader)
    assert native.rows == engine.rows and native.rows
    writer.oxigraph.extend(_claim(CLAIM + "late", node(G + "article/late")))
    writer.flush()
    assert reader.query(TEXT).rows == native.rows  # what was committed when the reader opened
    assert len(writer.query(TEXT).rows) == len(native.rows) + 1
    writer.close()


def test_a_blank_node_article_is_left_to_the_engine(tmp_path):
    """A sort column kg.order does not order (a blank node article): the query runs as written."""
    store = EmbeddedStore(tmp_path / "store")
    graph = node(G + "article/b")
    store.oxigraph.bulk_extend(
        _claim(CLAIM + "b1", graph, wasDerivedFrom=ox.BlankNode("a1")) + _claim(CLAIM + "b2", graph)
    )
    assert allclaims.all_claims(store) is None
    native, engine = _both(store)
    assert native.rows == engine.rows and len(native.rows) == 2


def test_only_the_query_s_own_text_is_answered_here(awkward):
    assert allclaims.answers(TEXT)
    assert not allclaims.answers(TEXT + " ")
    bound = awkward.query(TEXT, {"claim": node(CLAIM + "odd-plain")})
    assert {row[0].value for row in bound.rows} == {CLAIM + "odd-plain"}


def _csv_module(variables, rows) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(variables)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return buffer.getvalue()


_cells = st.one_of(st.none(), st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8))


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 4).flatmap(lambda n: st.lists(st.lists(_cells, min_size=n, max_size=n), max_size=5)))
def test_write_csv_writes_what_the_csv_module_writes(rows):
    width = len(rows[0]) if rows else 2
    variables = [f"v{i}" for i in range(width)]
    terms = [tuple(None if v is None else lit(v) for v in row) for row in rows]
    buffer = io.StringIO()
    write_csv(Results(variables, terms), buffer)
    assert buffer.getvalue() == _csv_module(variables, rows)


def test_write_csv_in_chunks_and_around_quoted_rows():
    rows = [(lit(f"a{i}"), lit("x, y" if i % 777 == 0 else "z")) for i in range(5000)]
    buffer = io.StringIO()
    write_csv(Results(["a", "b"], rows), buffer)
    assert buffer.getvalue() == _csv_module(["a", "b"], [[r[0].value, r[1].value] for r in rows])
