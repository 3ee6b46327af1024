"""Entity resolution: one node per real entity, across articles and spellings; deterministic keys."""

from kg.pipeline import ingest
from kg.resolve import key_of, name_variants, resolve_entities
from kg.records import Claim, Mention
from kg.store import open_store

ARTICLE = "3 March 2024\n\n{title}\n\n{body}\n\nWritten by example.org\n"


def _entities(store):
    rows = store.query("""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?e ?l WHERE { ?e rdfs:label ?l }""").rows
    return {row[1].value: row[0].value for row in rows}


def test_same_entity_across_articles_and_spellings(tmp_path, candidate_extractor):
    extractor = candidate_extractor  # resolution, whatever the confidence of each claim
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text(
        ARTICLE.format(
            title="Kamaz and Gorvald",
            body="Gorvald Axle Works supplies axles to Kamaz. "
            "Belarusian President Alexander Lukashenko met Vladimir Putin.",
        )
    )
    (folder / "two.txt").write_text(
        ARTICLE.format(
            title="KAMAZ orders", body="GORVALD AXLE WORKS delivers axles to KAMAZ. Lukashenko met Putin in Minsk."
        )
    )
    store = open_store(tmp_path / "store")
    ingest([folder], store, extractor)
    labels = _entities(store)
    assert labels["KAMAZ"].endswith("/kamaz")
    assert "Kamaz" not in labels  # an alias, not a second node
    gorvald = [label for label in labels if label.lower() == "gorvald axle works"]
    assert len(gorvald) == 1  # one node for the unknown firm, whatever its casing
    rows = store.query("""PREFIX trade: <https://w3id.org/kg-trade/ontology#>
        SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a trade:Claim ; <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?o .
        ?o <http://www.w3.org/2000/01/rdf-schema#label> "KAMAZ" }""").rows
    assert int(rows[0][0].value) == 2  # corroboration: two claims on one node


def test_keys_ignore_case_punctuation_and_corporate_suffixes():
    def key(name, cls="Company"):
        return key_of(Mention(name=name, cls=cls, start=0, end=1))

    assert key("National Fertilizers Ltd") == key("National Fertilizers") == key("NATIONAL FERTILIZERS LTD.")
    assert key("haul trucks", "Product") == key("haul truck", "Product")
    assert key_of(Mention(name="KAMAZ", cls="Company", start=0, end=1, key="kamaz")) == "kamaz"


def test_labels_prefer_the_gazetteer_and_keep_surface_forms(extractor):
    gazetteer = extractor.load()[0]
    kamaz = Mention(name="KAMAZ", cls="Company", start=0, end=5, key="kamaz", via="gazetteer", text="Kamaz")
    we = Mention(name="MAZ", cls="Company", start=0, end=2, key="maz", via="speaker", text="we")
    claim = Claim(
        subject=we,
        predicate="supplies",
        object=kamaz,
        modality="asserted",
        article_id="a",
        sentence="We supply Kamaz.",
        sentence_start=0,
        sentence_end=16,
        rule_id="r",
        confidence=0.7,
    )
    entities = resolve_entities([claim], gazetteer)
    assert entities["kamaz"].label == "KAMAZ" and "Kamaz" in entities["kamaz"].alt_labels
    assert "we" not in entities["maz"].alt_labels and "Minsk Automobile Plant" in entities["maz"].alt_labels


def test_product_name_variants():
    assert name_variants("Russian cars", "Product") >= {"Russian cars", "Russian car"}
    assert name_variants("KAMAZ", "Company") == {"KAMAZ"}
