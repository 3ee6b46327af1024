"""Relation rules, word lists and modality cues: data files under ``ontology/rules/``.

``relations.jsonl`` holds one rule a line::

    {"id": "supplies/deliver-to", "predicate": "supplies",
     "trigger": {"lemma": ["supply", "deliver", "hand over"], "pos": ["VERB"]},
     "subject": ["agent"], "object": ["to", "dative"],
     "where": {"theme": "!@components"},
     "note": "X delivers Y to Z"}

- ``trigger.lemma``: lemmas (or ``@set`` names of ``lexicon.json``); a phrase
  ("hand over", "prime minister") also needs its other words next to the trigger.
- ``subject`` / ``object``: frame roles tried in order (see :mod:`kg.extract.frames`).
- ``pair``: roles whose coordinated members are paired with each other
  ("cooperation between X and Y", "X and Y signed an agreement").
- ``where``: role -> ``@set`` (the role's head or one of its modifiers must be
  in the set) or ``!@set`` (its head must not), or a list of such conditions;
  ``!@set:bare`` only refuses the word alone ("products" is no product, "film
  products" are). A word list
  matches lemmas and word forms; an entry ``=arm`` matches that exact form only
  (a firm's "arm" is a unit, its "arms" are goods).
- ``subject_class`` / ``object_class``: allowed entity classes (default: the
  ontology's domain and range).
- ``also``: further predicates the same match states, each with the classes
  both ends must have.
- ``exclude``: modifier lemmas that cancel the trigger ("deputy" president).
- ``require``: roles that must be filled (``"with"``), empty (``"!agent"``),
  name an entity directly rather than through coreference (``"head:named"``)
  or name none (``"of:unnamed"``: "a buyer of Russian crude", not "a customer
  of Sonder Avionics"), or name no firm, body, place or person
  (``"theme:not-agent"``: selling a company is no supply), or, for a list of
  places, not be one of a list (``"comma:unlisted"``), or name a product model,
  not a kind (``"self:model"``), or not be where a person works
  (``"head:unaffiliated"``: "an analyst at Kotak in Mumbai" places the analyst, "a venture with Arcelik in
  Istanbul" the venture), or be the trigger's own
  head, not one the parser reached across an apposition or a relative clause, nor ranked by a superlative
  (``"head:near"``: "a maker that opened a plant in Nysa", "the largest combine maker in the former Soviet
  Union" place no firm).
- ``modality``: ``"local"`` for relations stated by a noun phrase alone
  (appositions, titles, nationality words): "Uralchem, one of Russia's largest
  producers of X, will keep the stake" asserts that Uralchem produces X,
  whatever "will keep" says. The default, ``"clause"``, also reads the cues of
  the governing verbs.
  ``"ended"`` is for verbs of presence whose ending is the relation: "X no
  longer operates in Belarus", "X stopped selling cars in Russia" state that X
  left; without such a cue the rule makes no claim.
- ``stand_for``: a head of state or government stands for the state they
  lead, and a capital for its country ("the two presidents agreed",
  "Moscow lends Minsk").

Every rule id travels onto the claims it makes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from ..errors import RuleError
from ..vocab import CLASSES, DOMAIN, RANGE, RELATIONS  # DOMAIN, RANGE: the default classes of each end (trade.ttl)

__all__ = ["Rule", "RuleSet", "load_rules", "DOMAIN", "RANGE"]

_NEEDS = (
    "filled",
    "named",
    "unnamed",
    "not-agent",
    "unlisted",
    "model",
    "unaffiliated",
    "near",
)  # what "role:need" in a rule's "require" asks
_RULE_KEYS = {
    "id",
    "predicate",
    "trigger",
    "subject",
    "object",
    "pair",
    "where",
    "subject_class",
    "object_class",
    "also",
    "exclude",
    "require",
    "stand_for",
    "modality",
    "note",
}


@dataclass(frozen=True)
class Also:
    predicate: str
    subject_class: frozenset[str]
    object_class: frozenset[str]


@dataclass(frozen=True)
class Rule:
    id: str
    predicate: str
    lemmas: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    pos: frozenset[str]
    entity: frozenset[str]  # trigger is an entity of these classes (e.g. a demonym)
    deps: frozenset[str]  # ... in one of these dependency relations
    subject: tuple[str, ...]
    object: tuple[str, ...]
    pair: tuple[str, ...]
    where: tuple[tuple[str, str, bool, bool], ...]  # (role, set name, negated, only a bare word)
    subject_class: frozenset[str]
    object_class: frozenset[str]
    also: tuple[Also, ...]
    exclude: frozenset[str]
    require: tuple[tuple[str, str], ...]  # (role, "filled" | "empty" | "named" | "unnamed" | "not-agent")
    stand_for: bool  # heads of state and capitals stand for their country
    local_modality: bool  # modality from the trigger's own words only (appositions, titles, modifiers)
    ended: bool  # the claim is that the trigger's state stopped ("no longer operates in")
    note: str = ""


@dataclass(frozen=True, eq=False)
class RuleSet:
    """The rules, indexed by trigger word, with the word lists and modality cues."""

    rules: tuple[Rule, ...]
    lexicon: dict[str, frozenset[str]]
    maps: dict[str, dict[str, object]]  # lexicon entries that map words to values
    modality: dict
    fingerprint: str
    by_lemma: dict[str, tuple[Rule, ...]] = field(default_factory=dict)
    entity_rules: tuple[Rule, ...] = ()

    def words(self, name: str) -> frozenset[str]:
        return self.lexicon[name]

    @cached_property
    def lexicon_words(self) -> frozenset[str]:
        """Every word of every list: capitalised at a sentence's start, such a word is still no name."""
        return frozenset().union(*self.lexicon.values())

    @cached_property
    def common_words(self) -> frozenset[str]:
        """Every word of every list but the words firms' names end in ("Motors" starts a name)."""
        return frozenset().union(*(words for name, words in self.lexicon.items() if name != "company_name_words"))

    @cached_property
    def kind_words(self) -> frozenset[str]:
        """What a firm is called by what it is ("maker", "supplier", "group"), less the words firms' names end in:
        inside a run of capitalised words such a word parts the kind from the name ("Elevator Maker Nordlift")."""
        return (self.lexicon["maker_nouns"] | self.lexicon["company_descriptors"]) - self.lexicon["company_name_words"]

    @cached_property
    def name_policy(self):
        """The word lists of the name policy (:class:`kg.spans.NameWords`)."""
        from ..spans import NameWords

        return NameWords.from_lexicon(self.lexicon)

    @property
    def verb_lemmas(self) -> frozenset[str]:
        """The lemmas that trigger a rule as a verb (the first word of a verb phrase trigger)."""
        return frozenset(
            {lemma for rule in self.rules if "VERB" in rule.pos for lemma in rule.lemmas}
            | {phrase[0] for rule in self.rules if "VERB" in rule.pos for phrase in rule.phrases}
        )


def _index(rules: tuple[Rule, ...]) -> dict[str, tuple[Rule, ...]]:
    index: dict[str, list[Rule]] = {}
    for rule in rules:
        for key in set(rule.lemmas) | {word for phrase in rule.phrases for word in phrase}:
            index.setdefault(key, []).append(rule)
    return {k: tuple(v) for k, v in index.items()}


def load_rules(folder: str | Path | None = None) -> RuleSet:
    """Read ``relations.jsonl``, ``lexicon.json`` and ``modality.json`` from the rules folder.

    Raises :class:`~kg.errors.RuleError` naming the file and rule of a bad entry.
    """
    if folder is None:
        from ..paths import ontology_dir

        folder = ontology_dir() / "rules"
    return _load(str(Path(folder).resolve()))


@cache
def _load(folder: str) -> RuleSet:
    base = Path(folder)
    lexicon_path, relations_path, modality_path = (
        base / "lexicon.json",
        base / "relations.jsonl",
        base / "modality.json",
    )
    digest = hashlib.sha256()
    lexicon_raw = _read_json(lexicon_path, digest)
    if not isinstance(lexicon_raw, dict):
        raise RuleError(lexicon_path, None, "must be a JSON object of word lists")
    lexicon = {}
    for name, words in lexicon_raw.items():
        if name.startswith("_"):
            continue
        if isinstance(words, dict):  # a mapping (e.g. maker compounds): keys are the words
            lexicon[name] = frozenset(k.lower() for k in words)
        elif isinstance(words, list) and all(isinstance(w, str) for w in words):
            lexicon[name] = frozenset(w.lower() for w in words)
        else:
            raise RuleError(lexicon_path, name, "a word list must be a list of strings or an object")
    maps = {
        name: {k.lower(): v for k, v in value.items()}
        for name, value in lexicon_raw.items()
        if isinstance(value, dict) and not name.startswith("_")
    }
    modality = _read_json(modality_path, digest)
    if not isinstance(modality, dict):
        raise RuleError(modality_path, None, "must be a JSON object")
    rules = []
    seen = set()
    text = relations_path.read_text(encoding="utf-8")
    digest.update(text.encode("utf-8"))
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise RuleError(f"{relations_path}:{number}", None, f"invalid JSON: {e.msg}") from e
        rule = _parse_rule(f"{relations_path}:{number}", record, lexicon)
        if rule.id in seen:
            raise RuleError(f"{relations_path}:{number}", rule.id, "duplicate rule id")
        seen.add(rule.id)
        rules.append(rule)
    rules = tuple(rules)
    return RuleSet(
        rules=rules,
        lexicon=lexicon,
        maps=maps,
        modality=modality,
        fingerprint=digest.hexdigest()[:16],
        by_lemma=_index(rules),
        entity_rules=tuple(r for r in rules if r.entity),
    )


def _read_json(path: Path, digest) -> object:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise RuleError(path, None, f"cannot read: {e.strerror or e}") from e
    digest.update(text.encode("utf-8"))
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise RuleError(path, None, f"invalid JSON at line {e.lineno}: {e.msg}") from e


def _words(where: str, rule_id: str, values, lexicon) -> set[str]:
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list):
        raise RuleError(where, rule_id, "word lists must be lists of strings")
    out = set()
    for value in values:
        if not isinstance(value, str) or not value:
            raise RuleError(where, rule_id, "word lists must be lists of strings")
        if value.startswith("@"):
            if value[1:] not in lexicon:
                raise RuleError(where, rule_id, f"unknown word list {value!r}")
            out |= lexicon[value[1:]]
        else:
            out.add(value.lower())
    return out


def _classes(where, rule_id, values, default) -> frozenset[str]:
    if values is None:
        return default
    if not isinstance(values, list) or any(v not in CLASSES for v in values):
        raise RuleError(where, rule_id, f"classes must be a list of {', '.join(CLASSES)}")
    return frozenset(values)


def _check_role(where: str, rule_id: str, key: str, role: str) -> None:
    """An unknown role is refused when the rules load, as spaCy's DependencyMatcher refuses an unknown operator."""
    from .frames import unknown_role_part

    bad = unknown_role_part(role)
    if bad is not None:
        raise RuleError(
            where,
            rule_id,
            f"unknown role {bad!r} in {key!r} ({role!r}); roles are listed in "
            "kg/extract/frames.py (ROLES, PREPOSITIONS, RESOLVED_ROLES)",
        )


def _parse_rule(where: str, record, lexicon) -> Rule:
    if not isinstance(record, dict):
        raise RuleError(where, None, "a rule must be a JSON object")
    rule_id = record.get("id")
    if not isinstance(rule_id, str) or not rule_id:
        raise RuleError(where, None, "missing rule id")
    unknown = set(record) - _RULE_KEYS
    if unknown:
        raise RuleError(where, rule_id, f"unknown key(s) {sorted(unknown)}")
    predicate = record.get("predicate")
    if record.get("modality", "clause") not in ("clause", "local", "ended"):
        raise RuleError(where, rule_id, "'modality' must be 'clause', 'local' or 'ended'")
    if predicate not in RELATIONS:
        raise RuleError(where, rule_id, f"predicate {predicate!r} is not a vocabulary property")
    trigger = record.get("trigger")
    if not isinstance(trigger, dict):
        raise RuleError(where, rule_id, "missing trigger")
    words = _words(where, rule_id, trigger.get("lemma", []), lexicon)
    lemmas = frozenset(w for w in words if " " not in w)
    phrases = tuple(sorted(tuple(w.split()) for w in words if " " in w))
    entity = frozenset(trigger.get("entity", []))
    if not lemmas and not phrases and not entity:
        raise RuleError(where, rule_id, "the trigger needs lemmas or an entity class")
    roles = {}
    for key in ("subject", "object", "pair"):
        value = record.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise RuleError(where, rule_id, f"{key!r} must be a list of role names")
        for role in value:
            _check_role(where, rule_id, key, role)
        roles[key] = tuple(value)
    if not roles["pair"] and not (roles["subject"] and roles["object"]):
        raise RuleError(where, rule_id, "a rule needs subject and object roles, or pair roles")
    where_clauses = []
    for role, values in (record.get("where") or {}).items():
        _check_role(where, rule_id, "where", role)
        for value in [values] if isinstance(values, str) else values:
            if not isinstance(value, str) or not value.lstrip("!").startswith("@"):
                raise RuleError(where, rule_id, "'where' values must be '@set', '!@set' or a list of them")
            negated = value.startswith("!")
            name, _, scope = value.lstrip("!").lstrip("@").partition(":")
            if name not in lexicon:
                raise RuleError(where, rule_id, f"unknown word list {value!r} in 'where'")
            if scope not in ("", "bare") or (scope and not negated):
                raise RuleError(where, rule_id, f"{value!r}: only a negated condition takes ':bare'")
            where_clauses.append((role, name, negated, scope == "bare"))
    also = []
    for item in record.get("also", []):
        if item.get("predicate") not in RELATIONS:
            raise RuleError(where, rule_id, f"'also' predicate {item.get('predicate')!r} is not a vocabulary property")
        also.append(
            Also(
                item["predicate"],
                _classes(where, rule_id, item.get("subject_class"), DOMAIN[item["predicate"]]),
                _classes(where, rule_id, item.get("object_class"), RANGE[item["predicate"]]),
            )
        )
    require = []
    for item in record.get("require", []):
        if not isinstance(item, str) or not item:
            raise RuleError(where, rule_id, "'require' must be a list of role names")
        if item.startswith("!"):
            _check_role(where, rule_id, "require", item[1:])
            require.append((item[1:], "empty"))
            continue
        role, _, need = item.rpartition(":")
        if not role:
            role, need = item, "filled"
        elif need not in _NEEDS:
            raise RuleError(where, rule_id, f"unknown requirement {need!r} in 'require' (known: {', '.join(_NEEDS)})")
        _check_role(where, rule_id, "require", role)
        require.append((role, need))
    return Rule(
        id=rule_id,
        predicate=predicate,
        lemmas=lemmas,
        phrases=phrases,
        pos=frozenset(trigger.get("pos", [])),
        entity=entity,
        deps=frozenset(trigger.get("dep", [])),
        subject=roles["subject"],
        object=roles["object"],
        pair=roles["pair"],
        where=tuple(where_clauses),
        subject_class=_classes(where, rule_id, record.get("subject_class"), DOMAIN[predicate]),
        object_class=_classes(where, rule_id, record.get("object_class"), RANGE[predicate]),
        also=tuple(also),
        exclude=frozenset(_words(where, rule_id, record.get("exclude", []), lexicon)),
        require=tuple(require),
        stand_for=bool(record.get("stand_for", False)),
        local_modality=record.get("modality", "clause") == "local",
        ended=record.get("modality", "clause") == "ended",
        note=record.get("note", ""),
    )
