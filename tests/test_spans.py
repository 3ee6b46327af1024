"""The name policy (kg/spans.py) on hand-built docs: the recogniser's names and the gazetteer's matches are
set by hand, so that what is tested is the policy, not the statistical model; and datelines (kg/articles.py)."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span

from kg.articles import find_dateline
from kg.extract.rules import load_rules
from kg.spans import _legal_end, _legal_ends, reconcile, ticker_tokens

NLP = spacy.blank("en")
WORDS = load_rules().name_policy


def doc_with(words, ner=(), gazetteer=(), spaces=None):
    """A doc of ``words``; ``ner``: (start, end, label); ``gazetteer``: (start, end, class, id)."""
    doc = Doc(NLP.vocab, words=words, spaces=spaces)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ner]
    doc.spans["gazetteer"] = [Span(doc, s, e, label=cls, span_id=key) for s, e, cls, key in gazetteer]
    return doc


def ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


def test_the_longer_name_wins_over_a_gazetteer_place_inside_it():
    doc = doc_with(
        ["the", "Bank", "of", "Kestrava", "lends"], ner=[(1, 4, "ORG")], gazetteer=[(3, 4, "Country", "kestrava")]
    )
    assert ents(reconcile(doc, WORDS)) == [("Bank of Kestrava", "ORG")]


def test_a_place_opening_a_name_with_a_comma_before_its_legal_suffix_is_part_of_the_firm():
    doc = doc_with(
        ["units", "Piedmont", "Airlines", ",", "Inc.", "and", "Tarvo", "Air"],
        ner=[(1, 5, "ORG")],
        gazetteer=[(1, 2, "Region", "piedmont")],
        spaces=[True, True, False, True, True, True, True, False],
    )
    assert ents(reconcile(doc, WORDS)) == [("Piedmont Airlines, Inc.", "ORG")]


def test_a_place_and_a_name_after_its_comma_stay_two_when_no_suffix_follows():
    doc = doc_with(
        ["in", "Piedmont", ",", "Tarvo", "said", "."],
        ner=[(1, 4, "ORG")],
        gazetteer=[(1, 2, "Region", "piedmont")],
        spaces=[True, False, True, True, False, False],
    )
    found = ents(reconcile(doc, WORDS))
    assert ("Piedmont", "Region") in found and not any(text.startswith("Piedmont ,") for text, _ in found)


def test_a_firm_s_name_ends_at_its_legal_suffix_before_more_title_case_words():
    doc = doc_with(
        ["Tessaro", "Bioscience", "AB", "-", "Pipeline", "Review", "2016"],
        ner=[(0, 6, "ORG")],
        spaces=[True, True, True, True, True, True, False],
    )
    assert ents(reconcile(doc, WORDS)) == [("Tessaro Bioscience AB", "ORG")]
    doc = doc_with(["Norvik", "Holding", "GmbH", "&", "Co.", "KG", "said"], ner=[(0, 6, "ORG")])
    assert ents(reconcile(doc, WORDS)) == [("Norvik Holding GmbH & Co. KG", "ORG")]  # suffixes run on
    doc = doc_with(
        ["Kilimanjaro", "Native", "Co", "-", "Operative", "Union"],
        ner=[(0, 6, "ORG")],
        spaces=[True, True, False, False, True, False],
    )
    assert ents(reconcile(doc, WORDS)) == [("Kilimanjaro Native Co-Operative Union", "ORG")]  # no suffix in a word


def test_a_company_word_after_a_town_makes_one_firm_whatever_the_label():
    doc = doc_with(
        ["Ostrava", "Glassworks", "imports", "ash"], ner=[(0, 2, "PERSON")], gazetteer=[(0, 1, "Region", "ostrava")]
    )
    assert ents(reconcile(doc, WORDS)) == [("Ostrava Glassworks", "ORG")]


def test_a_nationality_or_title_inside_the_recognisers_name_leaves_the_gazetteer_and_the_rest():
    doc = doc_with(
        ["Chinese", "President", "Wu", "Lan", "spoke"], ner=[(0, 4, "PERSON")], gazetteer=[(0, 1, "Country", "china")]
    )
    assert ents(reconcile(doc, WORDS, frozenset({"Chinese"}))) == [("Chinese", "Country"), ("Wu Lan", "PERSON")]
    doc = doc_with(
        ["Russian", "MC-21", "jets"],
        ner=[(0, 2, "PRODUCT")],
        gazetteer=[(0, 1, "Country", "russia"), (1, 2, "Product", "mc21")],
    )
    assert ents(reconcile(doc, WORDS, frozenset({"Russian"}))) == [("Russian", "Country"), ("MC-21", "Product")]


def test_a_gazetteer_match_the_recogniser_cuts_across_wins():
    doc = doc_with(
        ["the", "Superjet", "100", "flew"], ner=[(0, 2, "PRODUCT")], gazetteer=[(1, 3, "Product", "superjet")]
    )
    assert ents(reconcile(doc, WORDS)) == [("Superjet 100", "Product")]
    assert reconcile(doc, WORDS).ents[0].ent_id_ == "superjet"


def test_two_firms_glued_by_a_hyphen_are_one_venture_but_two_places_stay_two():
    doc = doc_with(
        ["Corvel", "-", "Nimbus", "said"],
        spaces=[False, False, True, False],
        ner=[(0, 3, "ORG")],
        gazetteer=[(0, 1, "Company", "corvel"), (2, 3, "Company", "nimbus")],
    )
    assert ents(reconcile(doc, WORDS)) == [("Corvel-Nimbus", "ORG")]
    doc = doc_with(
        ["Belarus", "-", "Russia", "projects"],
        spaces=[False, False, True, False],
        ner=[(0, 3, "GPE")],
        gazetteer=[(0, 1, "Country", "belarus"), (2, 3, "Country", "russia")],
    )
    assert ents(reconcile(doc, WORDS)) == [("Belarus", "Country"), ("Russia", "Country")]


def test_titles_and_descriptors_are_no_part_of_a_name():
    doc = doc_with(["Drugmaker", "Sanofi", "SA", "said"], ner=[(0, 3, "ORG")])
    assert ents(reconcile(doc, WORDS)) == [("Sanofi SA", "ORG")]
    doc = doc_with(["Chief", "Executive", "Jane", "Roe", "said"], ner=[(0, 4, "PERSON")])
    assert ents(reconcile(doc, WORDS)) == [("Jane Roe", "PERSON")]


def test_a_legal_suffix_belongs_to_the_name_before_it_and_is_no_name_alone():
    words = ["Green", "River", "Collieries", ",", "LLC", ",", "a", "unit"]
    doc = doc_with(
        words, ner=[(0, 3, "LOC"), (4, 5, "ORG")], spaces=[True, True, False, True, False, True, True, False]
    )
    assert ents(reconcile(doc, WORDS)) == [("Green River Collieries, LLC", "ORG")]
    doc = doc_with(["Partners", ",", "L.P.", "said"], ner=[(2, 3, "GPE")])
    assert ents(reconcile(doc, WORDS)) == []


@pytest.mark.parametrize(
    "text, ticker",
    [
        ("Rivian ( Nasdaq : RIVN ) rose", "( Nasdaq : RIVN )"),
        ("Sensata ( NYSE:ST ) rose", "( NYSE:ST )"),
    ],
)
def test_tickers_are_no_entities(text, ticker):
    words = text.split()
    doc = doc_with(words, ner=[(0, 1, "ORG"), (words.index("(") + 1, words.index("(") + 2, "ORG")])
    assert ents(reconcile(doc, WORDS)) == [("Rivian" if "Rivian" in text else "Sensata", "ORG")]
    assert " ".join(doc[i].text for i in sorted(ticker_tokens(doc, WORDS))) == ticker


def test_a_reuters_instrument_code_is_no_entity():
    doc = doc_with(
        ["Volkswagen", "<", "VOWG_p.DE", ">", "said"],
        spaces=[True, False, False, True, False],
        ner=[(0, 1, "ORG"), (2, 3, "ORG")],
    )
    assert ents(reconcile(doc, WORDS)) == [("Volkswagen", "ORG")]


def test_an_acronym_in_brackets_joins_the_name_the_recogniser_cut():
    words = ["The", "Kaunas", "Plant", "of", "Precision", "and", "Laser", "Equipment", "(", "KPPLE", ")", "makes"]
    doc = doc_with(words, ner=[(0, 5, "ORG"), (6, 8, "ORG"), (9, 10, "ORG")])
    assert ents(reconcile(doc, WORDS))[0] == ("Kaunas Plant of Precision and Laser Equipment", "ORG")


def test_a_title_case_headline_is_no_name():
    words = "Uzbekistan Opens New Tractor Factory With Help From Belarus".split()
    doc = doc_with(
        words, ner=[(0, 9, "ORG")], gazetteer=[(0, 1, "Country", "uzbekistan"), (8, 9, "Country", "belarus")]
    )
    assert ents(reconcile(doc, WORDS)) == [("Uzbekistan", "Country"), ("Belarus", "Country")]


@pytest.mark.parametrize(
    "text, place, agency",
    [
        ("FRANKFURT, March 20 (Reuters) - Volkswagen said", "Frankfurt", "Reuters"),
        ("SEOUL, May 2 -- Samsung said", "Seoul", None),
        ("NEW YORK (AP) \u2014 Shares fell", "New York", "AP"),
        ("Seoul, May 2 (Yonhap) - Hyundai said", "Seoul", "Yonhap"),
        ("PORTLAND, Ore. - A mill closed", "Portland, Ore.", None),
        ("DHAKA, July 16 (bdnews24) - Hyundai said", "Dhaka", "bdnews24"),
    ],
)
def test_datelines_are_recognised(text, place, agency):
    found = find_dateline(text)
    assert found is not None and (found.place, found.agency) == (place, agency)
    assert text[found.end :].split()[0] in ("Volkswagen", "Samsung", "Shares", "Hyundai", "A")


@pytest.mark.parametrize(
    "text",
    [
        "Minsk Tractor Works said - in a statement - that",
        "MAZ - the truck maker - said",
        "Belarus and Russia signed a deal.",
    ],
)
def test_no_dateline_in_ordinary_openings(text):
    assert find_dateline(text) is None


def test_the_dateline_place_is_no_party(claims_of):
    claims = claims_of("BERLIN, June 3 (Reuters) - Kestrel Motors said it supplies axles to Nimbus Trucks.")
    names = {c.subject.name for c in claims} | {c.object.name for c in claims}
    assert "Berlin" not in names and "BERLIN" not in names
    assert ("Kestrel Motors", "Nimbus Trucks") in {(c.subject.name, c.object.name) for c in claims}


def test_capitalised_words_ending_in_a_legal_suffix_are_a_firm_the_recogniser_missed():
    doc = doc_with(
        ["Blades", "come", "from", "Rheinwind", "GmbH", "and", "Vindberg", "Energy", "A", "/", "S", "."],
        spaces=[True, True, True, True, True, True, True, True, False, False, False, False],
    )
    assert ents(reconcile(doc, WORDS)) == [("Rheinwind GmbH", "ORG"), ("Vindberg Energy A/S", "ORG")]


def test_a_place_before_a_suffixed_name_is_part_of_it_and_one_after_its_of_is_not():
    doc = doc_with(
        ["from", "Jiangxi", "Huaxin", "Carbon", "Co", ",", "and", "Tarvik", "Wind", "AB", "of", "Sweden"],
        ner=[(7, 12, "ORG")],
        gazetteer=[(1, 2, "Region", "jiangxi"), (11, 12, "Country", "sweden")],
    )
    found = ents(reconcile(doc, WORDS))
    assert ("Jiangxi Huaxin Carbon Co", "ORG") in found
    assert ("Tarvik Wind AB", "ORG") in found and ("Sweden", "Country") in found


def test_a_suffix_alone_or_after_a_common_word_names_nothing():
    doc = doc_with(["the", "company", "Inc", "said", "."])
    assert ents(reconcile(doc, WORDS)) == []


def test_a_suffixed_name_takes_the_words_joined_by_its_connectors_and_no_title():
    doc = doc_with(["Abonos", "del", "Turia", "S.A.", "blends", "fertiliser"], ner=[(0, 1, "GPE")])
    assert ents(reconcile(doc, WORDS)) == [("Abonos del Turia S.A.", "ORG")]
    doc = doc_with(["She", "is", "Chief", "Executive", "Officer", "of", "Costa", "Crociere", "S.p.A.", "now"])
    assert ents(reconcile(doc, WORDS)) == [("Costa Crociere S.p.A.", "ORG")]


_SUFFIX_PIECES = ["A", "/", "S", "GmbH", "Inc", "S.A.", "S.p", ".A.", "Co", "LLC", "L", ".", "P", "of", "Wind", "the"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_SUFFIX_PIECES), max_size=12))
def test_the_legal_ends_read_once_a_doc_are_the_ends_the_token_test_finds(words):
    doc = doc_with(words)
    expected = [t.i + 1 for t in doc if _legal_end(doc, max(0, t.i - 3), t.i + 1, WORDS)]
    assert _legal_ends(doc, WORDS) == expected


def _parsed(words, heads, deps, ner=(), gazetteer=()):
    doc = Doc(NLP.vocab, words=words, heads=heads, deps=deps)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ner]
    doc.spans["gazetteer"] = [Span(doc, s, e, label=cls, span_id=key) for s, e, cls, key in gazetteer]
    return doc


def test_two_names_the_parser_reads_as_one_noun_phrase_of_a_firm_are_one_name():
    # "Ford Otomotiv Sanayi A.S. builds vans": a known firm's name, then a suffixed name it compounds with
    doc = _parsed(
        ["Ford", "Otomotiv", "Sanayi", "A.S.", "builds", "vans"],
        heads=[3, 3, 3, 4, 4, 4],
        deps=["compound", "compound", "compound", "nsubj", "ROOT", "dobj"],
        ner=[(1, 4, "ORG")],
        gazetteer=[(0, 1, "Company", "ford")],
    )
    assert ents(reconcile(doc, WORDS)) == [("Ford Otomotiv Sanayi A.S.", "ORG")]
    # "Abu Qir Fertilizers and Chemical Industries Company makes urea": cut at "and" by the recogniser
    doc = _parsed(
        ["Abu", "Qir", "Fertilizers", "and", "Chemical", "Industries", "Company", "makes", "urea"],
        heads=[1, 6, 6, 2, 5, 2, 7, 7, 7],
        deps=["compound", "compound", "nmod", "cc", "compound", "conj", "nsubj", "ROOT", "dobj"],
        ner=[(0, 3, "PERSON"), (4, 7, "ORG")],
    )
    assert ents(reconcile(doc, WORDS)) == [("Abu Qir Fertilizers and Chemical Industries Company", "ORG")]


def test_two_firms_of_a_list_stay_two_however_parsed():
    # "Kestrel Steel and Nimbus Steel make rebar": ending alike, two firms
    doc = _parsed(
        ["Kestrel", "Steel", "and", "Nimbus", "Steel", "make", "rebar"],
        heads=[1, 4, 1, 4, 5, 5, 5],
        deps=["compound", "nmod", "cc", "compound", "nsubj", "ROOT", "dobj"],
        ner=[(0, 2, "ORG"), (3, 5, "ORG")],
    )
    assert ents(reconcile(doc, WORDS)) == [("Kestrel Steel", "ORG"), ("Nimbus Steel", "ORG")]
    # "Ford and Koc Holding A.S. build vans": a known firm, "and", another firm
    doc = _parsed(
        ["Ford", "and", "Koc", "Holding", "A.S.", "build", "vans"],
        heads=[5, 0, 4, 4, 0, 5, 5],
        deps=["nsubj", "cc", "compound", "compound", "conj", "ROOT", "dobj"],
        ner=[(2, 5, "ORG")],
        gazetteer=[(0, 1, "Company", "ford")],
    )
    assert ents(reconcile(doc, WORDS)) == [("Ford", "Company"), ("Koc Holding A.S.", "ORG")]


def test_a_name_cut_at_its_hyphen_keeps_its_first_word_and_no_name_opens_in_lower_case():
    doc = doc_with(
        ["Saint", "-", "Gobain", "Sekurit", "cuts", "glass", "for", "the", "state", "fund", "PFR", "."],
        ner=[(1, 4, "ORG"), (8, 11, "ORG")],
        spaces=[False, False, True, True, True, True, True, True, True, True, False, False],
    )
    assert ents(reconcile(doc, WORDS)) == [("Saint-Gobain Sekurit", "ORG"), ("PFR", "ORG")]


def _tagged(words, heads, deps, pos, ner=(), spaces=None):
    doc = Doc(NLP.vocab, words=words, heads=heads, deps=deps, pos=pos, spaces=spaces)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ner]
    doc.spans["gazetteer"] = []
    return doc


def test_a_name_read_from_its_particle_on_takes_the_word_before_it():
    # "Vidrios del Norte makes glass", the recogniser's name "del Norte" (a person's, it thought)
    doc = _tagged(
        ["Vidrios", "del", "Norte", "makes", "glass"],
        heads=[2, 2, 3, 3, 3],
        deps=["compound", "compound", "nsubj", "ROOT", "dobj"],
        pos=["PROPN", "PROPN", "PROPN", "VERB", "NOUN"],
        ner=[(1, 3, "PERSON")],
    )
    assert ents(reconcile(doc, WORDS)) == [("Vidrios del Norte", "PERSON")]
    # a particle after a word the name does not hang on opens nothing: "sold to Norte" stays "Norte"
    doc = _tagged(
        ["sold", "de", "Norte"],
        heads=[0, 0, 1],
        deps=["ROOT", "prep", "pobj"],
        pos=["VERB", "ADP", "PROPN"],
        ner=[(2, 3, "ORG")],
    )
    assert ents(reconcile(doc, WORDS)) == [("Norte", "ORG")]


def test_a_letter_before_a_hyphen_opens_the_word_and_the_name():
    # "makers use SACL e-Mobility Private Limited", read from "Mobility"
    doc = _tagged(
        ["makers", "use", "SACL", "e", "-", "Mobility", "Private", "Limited"],
        heads=[1, 1, 7, 7, 7, 7, 7, 1],
        deps=["nsubj", "ROOT", "nmod", "compound", "punct", "compound", "compound", "dobj"],
        pos=["NOUN", "VERB", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "PROPN"],
        ner=[(5, 8, "ORG")],
        spaces=[True, True, True, False, False, True, True, False],
    )
    assert ents(reconcile(doc, WORDS)) == [("SACL e-Mobility Private Limited", "ORG")]


def test_a_capitalised_a_in_mid_sentence_is_the_names_own_word():
    # "suppliers include An Binh Industrial Gases": the firm's whole name; "A Kestrel unit ..." opens with the article
    doc = _tagged(
        ["suppliers", "include", "An", "Binh", "Gases"],
        heads=[1, 1, 4, 4, 1],
        deps=["nsubj", "ROOT", "compound", "compound", "dobj"],
        pos=["NOUN", "VERB", "PROPN", "PROPN", "PROPN"],
        ner=[(2, 5, "ORG")],
    )
    assert ents(reconcile(doc, WORDS)) == [("An Binh Gases", "ORG")]
    doc = _tagged(
        ["A", "Kestrel", "Gases", "unit", "grew"],
        heads=[3, 2, 3, 4, 4],
        deps=["det", "compound", "compound", "nsubj", "ROOT"],
        pos=["DET", "PROPN", "PROPN", "NOUN", "VERB"],
        ner=[(0, 3, "ORG")],
    )
    assert ents(reconcile(doc, WORDS)) == [("Kestrel Gases", "ORG")]


def test_two_pieces_of_a_firm_name_around_a_known_place_are_one_name():
    # "New Kenya Cooperative Creameries imports milk": the recogniser's "New" and "Cooperative", the known "Kenya"
    doc = _tagged(
        ["New", "Kenya", "Cooperative", "Creameries", "imports", "milk"],
        heads=[3, 3, 3, 4, 4, 4],
        deps=["compound", "nmod", "amod", "nsubj", "ROOT", "dobj"],
        pos=["PROPN", "PROPN", "PROPN", "PROPN", "VERB", "NOUN"],
        ner=[(0, 1, "ORG"), (2, 3, "ORG")],
    )
    doc.spans["gazetteer"] = [Span(doc, 1, 2, label="Country", span_id="kenya")]
    assert ents(reconcile(doc, WORDS)) == [("New Kenya Cooperative Creameries", "ORG")]
    # two firms with a place between them, the parser hanging the place on neither, stay apart
    doc = _tagged(
        ["Acme", "Kenya", "Zeta", "Ndovu", "met"],
        heads=[4, 0, 3, 4, 4],
        deps=["nsubj", "appos", "compound", "nsubj", "ROOT"],
        pos=["PROPN", "PROPN", "PROPN", "PROPN", "VERB"],
        ner=[(0, 1, "ORG"), (2, 4, "ORG")],
    )
    doc.spans["gazetteer"] = [Span(doc, 1, 2, label="Country", span_id="kenya")]
    assert ents(reconcile(doc, WORDS)) == [("Acme", "ORG"), ("Kenya", "Country"), ("Zeta Ndovu", "ORG")]
