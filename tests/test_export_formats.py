"""GraphML, GEXF, JSON-LD and CSV, each read back by an independent reader: networkx and lxml for the
network files (and the GEXF 1.2 schema's rules, with lxml and xmllint), pyld and rdflib for JSON-LD, the
csv module for CSV; the RDF formats by Debian's rapper and serdi when installed (CI installs them)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from datetime import date

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from lxml import etree

from kg.claimset import read_claims, relations
from kg.exports import export
from kg.netexport import GEXF_NS
from kg.paths import ontology_dir

from .conftest import DATA, run_kg, seed_claim

TRADE = "https://w3id.org/kg-trade/ontology#"
ENT = "https://w3id.org/kg-trade/entity/"
GEXF_XSD = DATA / "gexf-1.2-subset.xsd"


@pytest.fixture(scope="module")
def files(seed_build):
    return {fmt: export(seed_build.store, fmt) for fmt in ("graphml", "gexf", "jsonld", "csv", "turtle")}


@pytest.fixture(scope="module")
def claim_rows(files):
    return list(csv.DictReader(io.StringIO(files["csv"].decode("utf-8"))))


def _edges(graph):
    return {(s, d["label"], o, d["modality"]): d for s, o, d in graph.edges(data=True)}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_files_carry_every_relation_once_with_unique_ids(seed_build, files, fmt):
    tree = etree.fromstring(files[fmt])
    ids = [e.get("id") for e in tree.iter("{*}edge")]
    expected = relations(read_claims(seed_build.store))
    assert len(ids) == len(set(ids)) == len(expected) > 0  # Gephi keeps an edge only for an id not seen before
    graph = nx.read_graphml(io.BytesIO(files[fmt])) if fmt == "graphml" else nx.read_gexf(io.BytesIO(files[fmt]))
    edges = _edges(graph)
    assert set(edges) == {(r.subject, r.predicate, r.object, r.modality) for r in expected}
    past = edges[ENT + "maz", "competesWith", ENT + "kamaz", "past"]  # every modality, marked
    assert past["predicate"] == TRADE + "competesWith" and past["weight"] == 1.0 and past["claims"] == 1
    assert graph.nodes[ENT + "maz"]["label"] == "MAZ" and graph.nodes[ENT + "maz"]["class"] == "Company"
    assert graph.nodes[ENT + "belarus"]["wikidata"] == "http://www.wikidata.org/entity/Q184"


def test_node_ids_join_the_csv_and_the_rdf(files, claim_rows):
    graphml = nx.read_graphml(io.BytesIO(files["graphml"]))
    gexf = nx.read_gexf(io.BytesIO(files["gexf"]))
    named = {row["subject"] for row in claim_rows} | {row["object"] for row in claim_rows}
    assert named <= set(graphml.nodes) == set(gexf.nodes)
    subjects = {str(s) for s in rdflib.Graph().parse(data=files["turtle"], format="turtle").subjects()}
    assert set(graphml.nodes) <= subjects


def test_gexf_follows_the_1_2_schema_and_is_dated_by_the_claims(seed_build, files):
    schema = etree.XMLSchema(etree.parse(str(GEXF_XSD)))
    document = etree.fromstring(files["gexf"])
    assert schema.validate(document), schema.error_log.last_error
    assert document.get("version") == "1.2" and document.nsmap[None] == GEXF_NS
    graph = document.find(f"{{{GEXF_NS}}}graph")
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    spells = [(s.get("start"), s.get("end")) for s in document.iter(f"{{{GEXF_NS}}}spell")]
    assert len(spells) == len(relations(read_claims(seed_build.store)))  # the seed's date, on every edge
    assert set(spells) == {("2023-02-20", "2023-02-20")}
    assert date.today().isoformat().encode() not in files["gexf"]  # byte-stable: no date of writing
    # the check can fail: networkx's own GEXF (<graph name="">, a date of writing) is refused
    written = io.BytesIO()
    nx.write_gexf(nx.path_graph(2), written, version="1.2draft")
    assert not schema.validate(etree.fromstring(written.getvalue()))


def test_gexf_validates_with_xmllint_too(files, tmp_path):
    if shutil.which("xmllint") is None:
        pytest.skip("xmllint (libxml2-utils) is not installed")
    path = tmp_path / "graph.gexf"
    path.write_bytes(files["gexf"])
    result = subprocess.run(
        ["xmllint", "--noout", "--schema", str(GEXF_XSD), str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr.strip().splitlines()[-1]


def test_jsonld_is_compact_with_the_published_context_and_loses_nothing(seed_build, files):
    from pyld import jsonld

    document = json.loads(files["jsonld"])
    published = json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == published["@context"]
    claims = [n for n in document["@graph"] if "trade:Claim" in n.get("@type", [])]
    past = [c for c in claims if c["trade:modality"] == "trade:past"]
    assert len(past) == 1 and past[0]["rdf:subject"] == "ent:maz"
    assert past[0]["trade:confidence"] == seed_claim("past").confidence
    assert past[0]["dcterms:date"] == "2023-02-20"
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads"})
    with_pyld = rdflib.Graph().parse(data=nquads, format="nt")  # one graph: N-Quads without graph names
    with_rdflib = rdflib.Graph().parse(data=files["jsonld"], format="json-ld")
    from_turtle = rdflib.Graph().parse(data=files["turtle"], format="turtle")
    from rdflib.compare import isomorphic

    with_oxigraph = set(ox.parse(files["jsonld"], format=ox.RdfFormat.JSON_LD))
    assert len(with_pyld) == len(from_turtle) == len(with_oxigraph) == seed_build.store.count()
    assert isomorphic(with_pyld, from_turtle) and isomorphic(with_rdflib, from_turtle)


def test_the_context_names_every_prefix_and_relation():
    from kg.vocab import PREFIXES, RELATIONS

    context = json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert {p: context[p] for p in PREFIXES} == PREFIXES
    assert all(context[f"trade:{r}"] == {"@type": "@id"} for r in RELATIONS)


def test_one_csv_writer_for_query_and_export(seed_build, files, claim_rows, tmp_path):
    header = files["csv"].decode().splitlines()[0]
    assert header == (
        "claim,subject,subject_label,predicate,predicate_label,object,object_label,modality,"
        "confidence,sentence,article,article_title,date,source_url,rule"
    )
    past = [r for r in claim_rows if r["predicate_label"] == "competesWith"]
    assert [(r["subject_label"], r["object_label"], r["modality"]) for r in past] == [("MAZ", "KAMAZ", "past")]
    assert past[0]["subject"] == ENT + "maz" and past[0]["predicate"] == TRADE + "competesWith"
    assert past[0]["date"] == "2023-02-20" and past[0]["article_title"].startswith("Lukashenko hails")
    assert float(past[0]["confidence"]) > 0 and past[0]["sentence"] and past[0]["rule"]
    assert len(claim_rows) == len(read_claims(seed_build.store).claims) == seed_build.report.claims > 0
    out = tmp_path / "claims.csv"
    store = str(tmp_path / "store")
    built = run_kg("ingest", "seeds", "--store", store)
    assert built.returncode == 0, built.stderr.strip().splitlines()[-1:]
    queried = run_kg("query", "--name", "all-claims", "--format", "csv", "--store", store)
    exported = run_kg("export", "--format", "csv", "-o", str(out), "--store", store)
    assert queried.returncode == exported.returncode == 0
    assert queried.stdout.encode("utf-8") == out.read_bytes() == files["csv"]


RAPPER = {"turtle": "turtle", "trig": "trig", "nquads": "nquads"}


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads"])
@pytest.mark.parametrize("tool", ["rapper", "serdi"])
def test_rdf_formats_parse_with_rapper_and_serdi(seed_build, tmp_path, fmt, tool):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (apt-get install raptor2-utils serdi)")
    path = tmp_path / f"graph.{fmt}"
    path.write_bytes(export(seed_build.store, fmt))
    command = (
        [tool, "-q", "-i", fmt, "-o", "nquads", str(path)]
        if tool == "rapper"
        else [tool, "-i", fmt, "-o", "nquads", str(path)]
    )
    result = subprocess.run(command, capture_output=True)
    assert result.returncode == 0, result.stderr.decode().strip().splitlines()[-1:]
    parsed = list(ox.parse(result.stdout, format=ox.RdfFormat.N_QUADS))
    expected = len(
        list(
            ox.parse(
                path.read_bytes(),
                format={"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}[fmt],
            )
        )
    )
    assert len(parsed) == expected > 100


def test_spells_span_the_claims_dates_and_ids_stay_put():
    from kg.claimset import ArticleRow, ClaimRow, ClaimSet, EntityRow
    from kg.netexport import gexf

    def claim(n, article, modality="asserted"):
        return ClaimRow(f"urn:c:{n}", "urn:e:a", "supplies", "urn:e:b", modality, 0.8, "A supplies B.", article, "r")

    entities = {i: EntityRow(i, i[-1].upper(), "Company", (), None) for i in ("urn:e:a", "urn:e:b", "urn:e:lonely")}
    articles = {
        "urn:a:1": ArticleRow("urn:a:1", "1", "One", "2021-05-01", None, None),
        "urn:a:2": ArticleRow("urn:a:2", "2", "Two", "2023-01-31", None, None),
        "urn:a:3": ArticleRow("urn:a:3", "3", "Undated", None, None, None),
    }
    claimset = ClaimSet(entities, articles, (claim(1, "urn:a:2"), claim(2, "urn:a:1"), claim(3, "urn:a:3", "planned")))
    document = etree.fromstring(gexf(claimset))
    assert etree.XMLSchema(etree.parse(str(GEXF_XSD))).validate(document)
    edges = {e.get("id"): e for e in document.iter(f"{{{GEXF_NS}}}edge")}
    by_modality = {r.modality: r for r in relations(claimset)}
    asserted, planned = edges[by_modality["asserted"].id], edges[by_modality["planned"].id]
    assert [(s.get("start"), s.get("end")) for s in asserted.iter(f"{{{GEXF_NS}}}spell")] == [
        ("2021-05-01", "2023-01-31")
    ]
    assert asserted.get("weight") == "2.0" and list(planned.iter(f"{{{GEXF_NS}}}spell")) == []  # undated: always
    assert {n.get("id") for n in document.iter(f"{{{GEXF_NS}}}node")} == set(entities)  # the lonely one too
    assert by_modality["asserted"].id == relations(claimset)[0].id != by_modality["planned"].id
