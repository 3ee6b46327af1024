"""The gazetteer: at least 300 entries, well-formed, no alias on two entries, errors that name file and line."""

import json
from collections import Counter

import pytest

from kg.errors import GazetteerError
from kg.gazetteer import load_gazetteer
from kg.iri import normalize_name
from kg.vocab import CLASSES


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_size_and_classes(gazetteer):
    assert len(gazetteer) >= 300
    counts = Counter(e.cls for e in gazetteer.entries.values())
    assert set(counts) == set(CLASSES)
    for cls in ("Country", "Region", "Company", "Person", "Product"):
        assert counts[cls] >= 20, cls


def test_no_name_on_two_entries(gazetteer):
    owner = {}
    for entry in gazetteer.entries.values():
        for name in set(entry.names) | set(entry.demonyms):
            key = normalize_name(name)
            assert owner.setdefault(key, entry.id) == entry.id, f"{name!r}: {owner[key]} and {entry.id}"


@pytest.mark.parametrize(
    "name, key",
    [
        ("Belarus", "belarus"),
        ("Republic of Belarus", "belarus"),
        ("KamAZ", "kamaz"),
        ("Kamaz", "kamaz"),
        ("Minsk Automobile Plant", "maz"),
        ("Alexander Lukashenko", "aleksandr_lukashenko"),
        ("Superjet 100", "superjet_100"),
        ("MS-21", "mc_21"),
        ("Russian Federation", "russia"),
    ],
)
def test_known_aliases(gazetteer, name, key):
    assert gazetteer.lookup(name).id == key


def test_demonyms_map_to_countries(gazetteer):
    assert gazetteer.demonym("Belarusian").id == "belarus"
    assert gazetteer.demonym("Kazakh").id == "kazakhstan"
    assert gazetteer.demonym("Chinese").cls == "Country"


def test_references_and_wikidata_are_well_formed(gazetteer):
    for entry in gazetteer.entries.values():
        for target in (entry.country, entry.capital_of, entry.affiliation):
            assert target is None or target in gazetteer
        assert entry.wikidata is None or entry.wikidata.startswith("Q")
    assert gazetteer["belarus"].wikidata == "Q184" and gazetteer["russia"].wikidata == "Q159"


def test_capitals_stand_for_countries(gazetteer):
    assert gazetteer.lookup("Moscow").capital_of == "russia"
    assert gazetteer.lookup("Minsk").capital_of == "belarus"


def _write(tmp_path, entries):
    folder = tmp_path / "entities"
    folder.mkdir()
    (folder / "things.jsonl").write_text("\n".join(entries) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "bad, message",
    [
        ('{"id": "x", "class": "Company"}', "missing or empty 'name'"),
        ('{"id": "X Y", "class": "Company", "name": "X"}', "must be lower-case ASCII"),
        ('{"id": "x", "class": "Firm", "name": "X"}', "is not one of"),
        ('{"id": "x", "class": "Company", "name": "X", "wikidata": "184"}', "is not an item id"),
        ('{"id": "x", "class": "Company", "name": "X", "country": "atlantis"}', "is not a gazetteer id"),
        ('{"id": "x", "class": "Company", "name": "X", "colour": "red"}', "unknown field"),
        ('{"id": "x", "class": "Company", "name": "X"', "invalid JSON"),
    ],
)
def test_bad_entries_name_file_and_line(tmp_path, bad, message):
    folder = _write(tmp_path, ['{"id": "ok", "class": "Country", "name": "Okland"}', bad])
    with pytest.raises(GazetteerError) as info:
        load_gazetteer(folder)
    assert message in str(info.value)
    assert str(info.value).startswith(str(folder / "things.jsonl")) and ":2:" in str(info.value)


def test_duplicate_ids(tmp_path):
    entry = json.dumps({"id": "x", "class": "Company", "name": "X"})
    with pytest.raises(GazetteerError, match="duplicate id 'x'"):
        load_gazetteer(_write(tmp_path, [entry, entry]))


def test_patterns_are_case_sensitive(gazetteer):
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(gazetteer.patterns())
    doc = nlp("The Kovdor Mining and Processing Plant buys mining equipment from KAMAZ.")
    found = {(e.text, e.ent_id_) for e in doc.ents}
    assert ("KAMAZ", "kamaz") in found
    assert not any(text == "Mining" for text, _ in found)
