"""The rules folder is data: a broken rule is refused with its file and line, a good one is read as written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg.errors import RuleError
from kg.extract.rules import load_rules

RULES = Path(__file__).resolve().parent.parent / "ontology" / "rules"


def _folder(tmp_path: Path, *lines: str) -> Path:
    """A copy of the shipped rules folder whose relations.jsonl holds only ``lines``."""
    folder = tmp_path / "rules"
    shutil.copytree(RULES, folder)
    (folder / "relations.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _rule(**changes) -> str:
    record = {
        "id": "supplies/test",
        "predicate": "supplies",
        "trigger": {"lemma": ["supply"], "pos": ["VERB"]},
        "subject": ["agent"],
        "object": ["to"],
    }
    record.update(changes)
    return json.dumps(record)


def test_shipped_rules_load_and_every_rule_is_indexed():
    rules = load_rules(RULES)
    assert len(rules.rules) > 50
    assert len({rule.id for rule in rules.rules}) == len(rules.rules)
    indexed = {rule.id for group in rules.by_lemma.values() for rule in group} | {r.id for r in rules.entity_rules}
    assert indexed == {rule.id for rule in rules.rules}


def test_where_takes_a_list_of_conditions(tmp_path):
    folder = _folder(tmp_path, _rule(where={"theme": ["!@components", "!@ownership_nouns:bare"], "to": "@agreements"}))
    (rule,) = load_rules(folder).rules
    assert set(rule.where) == {
        ("theme", "components", True, False),
        ("theme", "ownership_nouns", True, True),
        ("to", "agreements", False, False),
    }


def test_ended_modality_is_read(tmp_path):
    (rule,) = load_rules(_folder(tmp_path, "// a comment", _rule(modality="ended"))).rules
    assert rule.ended and not rule.local_modality


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"id": "broken", ', "invalid JSON"),
        (_rule(where={"theme": "@no_such_list"}), "unknown word list"),
        (_rule(where={"theme": ["!@components", 3]}), "'where' values"),
        (_rule(where={"theme": "@components:bare"}), "only a negated condition"),
        (_rule(modality="sometimes"), "'modality' must be"),
        (_rule(predicate="likes"), "not a vocabulary property"),
        (_rule(colour="red"), "unknown key"),
        (_rule(subject=[]), "needs subject and object roles"),
        (_rule(confidence=0.8), "unknown key"),  # hand-set confidences are gone: the model scores claims
        (_rule(subject=["agent.colour"]), "unknown role 'colour' in 'subject'"),
        (_rule(object=["made.of"]), "unknown role 'made'"),
        (_rule(where={"thema": "@components"}), "unknown role 'thema' in 'where'"),
        (_rule(require=["theme:nameless"]), "unknown requirement 'nameless'"),
        (_rule(require=["!dativ"]), "unknown role 'dativ' in 'require'"),
    ],
)
def test_a_broken_rule_is_refused_with_its_file_and_line(tmp_path, line, message):
    folder = _folder(tmp_path, "// first line is a comment", line)
    with pytest.raises(RuleError) as caught:
        load_rules(folder)
    assert message in str(caught.value)
    assert "relations.jsonl:2" in str(caught.value)
    if "supplies/test" in line:
        assert "rule 'supplies/test'" in str(caught.value)


def test_a_duplicate_rule_id_is_refused(tmp_path):
    with pytest.raises(RuleError, match="duplicate rule id"):
        load_rules(_folder(tmp_path, _rule(), _rule()))
