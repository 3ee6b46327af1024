"""IRIs minted from any text are valid for rdflib and Oxigraph, stable, and distinct where it matters."""

import pyoxigraph as ox
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.iri import article_iri, claim_iri, entity_iri, normalize_name, slug
from kg.records import Claim, Mention
from kg.resolve import key_of

NASTY = [
    'MAZ "the best"',
    "<img src=x onerror=alert(1)>",
    "Лукашенко",
    "习近平",
    "a\u0000b\u0007c",
    "   ",
    "trailing\\backslash",
    "new\nline",
    "tab\tbed",
    "{curly} [square]",
    "C++ & C#",
    "émigré café",
]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_name_gives_a_valid_iri(name):
    iri = str(entity_iri(key_of(Mention(name=name, cls="Company", start=0, end=1))))
    ox.NamedNode(iri)  # raises on an invalid IRI
    graph = rdflib.Graph()
    graph.add((rdflib.URIRef(iri), rdflib.RDFS.label, rdflib.Literal(name.replace("\x00", ""))))
    text = graph.serialize(format="turtle")
    assert len(rdflib.Graph().parse(data=text, format="turtle")) == 1
    assert len(list(ox.parse(text.encode(), format=ox.RdfFormat.TURTLE))) == 1


def test_nasty_names():
    for name in NASTY:
        value = slug(name)
        assert value and all(ch.isalnum() and ch.isascii() or ch == "-" for ch in value), (name, value)
        ox.NamedNode(str(entity_iri(value)))
        ox.NamedNode(str(article_iri(name)))


def test_slugs_are_stable_and_fold_spelling():
    assert slug("KAMAZ") == slug("Kamaz") == "kamaz"
    assert slug("Александр Лукашенко") == "aleksandr-lukashenko"
    assert slug("  Minsk   Tractor Works ") == "minsk-tractor-works"


def test_article_iris_keep_ids_apart():
    assert article_iri("a/b") != article_iri("a b") != article_iri("a_b")


def test_claim_iri_depends_on_every_part():
    base = ("a1", 10, "maz", "supplies", "kamaz", "asserted")
    variants = [
        ("a2", 10, "maz", "supplies", "kamaz", "asserted"),
        ("a1", 11, "maz", "supplies", "kamaz", "asserted"),
        ("a1", 10, "maz", "supplies", "kamaz", "negated"),
        ("a1", 10, "kamaz", "supplies", "maz", "asserted"),
    ]
    assert claim_iri(*base) == claim_iri(*base)
    assert all(claim_iri(*v) != claim_iri(*base) for v in variants)


def test_normalize_name_matches_the_scorers_rules():
    assert normalize_name("The “KAMAZ”") == "kamaz"
    assert normalize_name("SSJ – 100") == "ssj-100"
    assert normalize_name("Naberezhnye   Chelny.") == "naberezhnye chelny"


def test_claims_reject_bad_modality_and_confidence():
    import pytest

    m = Mention(name="X", cls="Company", start=0, end=1)
    with pytest.raises(ValueError, match="modality"):
        Claim(m, "supplies", m, "maybe", "a", "s", 0, 1, "r", 0.5)
    with pytest.raises(ValueError, match="confidence"):
        Claim(m, "supplies", m, "asserted", "a", "s", 0, 1, "r", 1.5)
