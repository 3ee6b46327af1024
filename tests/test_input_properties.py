"""Property tests (bounded): readers on arbitrary bytes and text, JSON Lines records with arbitrary strings
(lone surrogates included), IRI minting, a store with arbitrary names exported in every format and parsed
back (pyoxigraph, rdflib, networkx, and rapper and serdi when installed); and the cutting of long articles
into pieces and windows."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.articles import read_file
from kg.errors import InputError
from kg.hygiene import UNFIT_IN_TEXT, first_unfit, scrub
from kg.iri import article_iri, claim_iri, entity_iri, slug
from kg.nlp import BLOCK_CHARS, WINDOW_CHARS, _blocks, _pieces, _windows

BOUNDED = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
ANY_TEXT = st.text(alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF), max_size=200)


def _usable(article) -> None:
    """Everything kg does with an article's fields works: hash, IRIs, RDF terms."""
    for value in (article.id, article.url or ""):
        assert first_unfit(value) is None
    for value in (article.title, article.text, article.source or ""):
        assert UNFIT_IN_TEXT.search(value) is None
        value.encode("utf-8")
    assert len(article.content_hash) == 64
    ox.NamedNode(str(article_iri(article.id)))
    ox.NamedNode(str(claim_iri(article.id, 0, "s", "p", "o")))
    ox.Literal(article.title), ox.Literal(article.text)


@BOUNDED
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".txt", ".jsonl", ".html"]))
def test_readers_on_arbitrary_bytes(tmp_path, data, suffix):
    path = tmp_path / f"any{suffix}"
    path.write_bytes(data)
    articles, errors = read_file(path)
    assert all(isinstance(e, InputError) and str(path) in str(e) for e in errors)
    for article in articles:
        _usable(article)


@BOUNDED
@given(title=ANY_TEXT, body=ANY_TEXT, suffix=st.sampled_from([".txt", ".html"]))
def test_readers_on_arbitrary_text(tmp_path, title, body, suffix):
    path = tmp_path / f"any{suffix}"
    text = f"1 May 2024\n\n{title}\n\n{body}\n"
    if suffix == ".html":
        text = f"<title>{title}</title><p>{body}</p>"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))  # lone surrogates as their (invalid) bytes
    articles, errors = read_file(path)
    assert all(isinstance(e, InputError) for e in errors) and len(articles) + len(errors) == 1
    for article in articles:
        _usable(article)
        assert scrub(article.text) == article.text and scrub(article.title) == article.title


@BOUNDED
@given(
    fields=st.fixed_dictionaries(
        {"id": ANY_TEXT, "title": ANY_TEXT, "text": ANY_TEXT},
        optional={"url": ANY_TEXT, "source": ANY_TEXT, "date": ANY_TEXT},
    )
)
def test_jsonl_records_with_arbitrary_strings(tmp_path, fields):
    record = {"date": "2024-05-01", **fields}
    path = tmp_path / "any.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="ascii")  # every surrogate an escape
    articles, errors = read_file(path)
    assert len(articles) + len(errors) == 1
    for error in errors:
        assert isinstance(error, InputError) and error.line == 1
    for article in articles:
        _usable(article)
        assert article.id == record["id"].strip() and first_unfit(article.id) is None
        assert first_unfit(article.url or "") is None and scrub(article.source or "") == (article.source or "")


@BOUNDED
@given(name=ANY_TEXT)
def test_iris_are_valid_for_any_name(name):
    for text in (name, scrub(name)):  # lone surrogates and controls included: the readers refuse them in ids,
        for iri in (entity_iri(text), claim_iri(text, 1, text), article_iri(text)):  # the API need not
            ox.NamedNode(str(iri))
            assert str(iri).isascii()
        assert slug(text) and article_iri(text) != article_iri(text + "x")


@settings(max_examples=100, deadline=None)
@given(
    words=st.lists(st.text(alphabet="abcXY.!? \u201d", min_size=1, max_size=30), min_size=1, max_size=200),
    limit=st.integers(min_value=20, max_value=400),
)
def test_pieces_cover_the_block_with_true_offsets(words, limit):
    text = " ".join(words).strip() or "x"
    pieces = _pieces(7, text, limit=limit)
    assert all(len(piece) <= limit for _, piece in pieces)
    content = "x" * 7 + text
    assert all(content[offset : offset + len(piece)] == piece for offset, piece in pieces)
    assert "".join(text.split()) == "".join("".join(piece.split()) for _, piece in pieces)


def test_a_paragraph_over_spacys_max_length_is_cut_under_it():
    sentence = "MAZ supplies axles to KAMAZ, the company said. "
    content = "Title\n\n" + sentence * 30_000 + "\n\nA last paragraph."  # 1.4 million characters
    blocks = _blocks(content)
    assert max(len(text) for _, text in blocks) <= BLOCK_CHARS < 1_000_000
    assert all(content[offset : offset + len(text)] == text for offset, text in blocks)
    assert "".join(text for _, text in blocks).replace(" ", "") == content.replace("\n", "").replace(" ", "")
    windows = _windows(blocks)
    assert all(window[0] == blocks[0] for window in windows)
    assert all(sum(len(t) for _, t in window[1:]) <= WINDOW_CHARS for window in windows)
    assert [b for window in windows for b in window[1:]] == blocks[1:]


NAME = ANY_TEXT.map(scrub).filter(lambda s: s.strip())


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own parsers use its deprecated names
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(subject=NAME, obj=NAME, title=NAME, article_id=NAME.filter(lambda s: first_unfit(s) is None))
def test_a_store_with_arbitrary_names_exports_in_every_format(tmp_path_factory, subject, obj, title, article_id):
    import csv
    import io
    import shutil
    import subprocess

    import networkx as nx
    import rdflib

    from kg.exports import FORMATS, export
    from kg.gazetteer import load_gazetteer
    from kg.records import Article, Claim, Mention
    from kg.rdf import article_graph, entity_graph
    from kg.resolve import resolve_entities
    from kg.store import open_store, to_ox_quads

    text = f"{subject} supplies {obj}."
    article = Article(id=article_id.strip(), title=" ".join(title.split()), date=None, text=text, path="a.txt")
    offset = len(article.title) + 2
    claim = Claim(
        subject=Mention(name=subject, cls="Company", start=offset, end=offset + len(subject)),
        predicate="supplies",
        object=Mention(name=obj, cls="Company", start=offset + len(text) - len(obj) - 1, end=offset + len(text) - 1),
        modality="asserted",
        article_id=article.id,
        sentence=text,
        sentence_start=offset,
        sentence_end=offset + len(text),
        rule_id="test",
        confidence=0.9,
    )
    store = open_store(tmp_path_factory.mktemp("any-store"))
    graph = article_graph(article, [claim], "v")
    entities = entity_graph(resolve_entities([claim], load_gazetteer()).values())
    store.replace_graphs({str(graph.identifier): to_ox_quads(graph)}, extra=to_ox_quads(entities))
    for fmt in FORMATS:
        data = export(store, fmt)
        if fmt in ("turtle", "trig", "nquads"):
            rdf_format = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}
            assert list(ox.parse(data, format=rdf_format[fmt]))
            rdflib.Dataset().parse(data=data, format=fmt)
        elif fmt == "jsonld":
            assert len(rdflib.Graph().parse(data=data, format="json-ld")) > 5
        elif fmt in ("graphml", "gexf"):
            read = nx.read_graphml if fmt == "graphml" else nx.read_gexf
            assert read(io.BytesIO(data)).number_of_edges() >= 1
        else:
            rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
            assert len(rows) == 2 and text in rows[1]
    turtle = export(store, "turtle")
    for tool, args in (
        ("rapper", ["-q", "-i", "turtle", "-c", "-", "http://example.org/"]),
        ("serdi", ["-i", "turtle", "-o", "ntriples", "-"]),
    ):
        if shutil.which(tool):
            assert subprocess.run([tool, *args], input=turtle, capture_output=True, timeout=60).returncode == 0
    store.close()
