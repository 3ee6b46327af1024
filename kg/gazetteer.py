"""The gazetteer: known entities with their aliases, read from ``ontology/entities/*.jsonl``.

See ``ontology/entities/README.md`` for the format.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .errors import Errors, GazetteerError
from .iri import normalize_name
from .vocab import CLASSES

__all__ = ["Entry", "Gazetteer", "load_gazetteer"]

_ID = re.compile(r"^[a-z0-9_]+$")
_FIELDS = {"id", "class", "name", "aliases", "demonyms", "wikidata", "capital_of", "country", "affiliation", "category"}


@dataclass(frozen=True)
class Entry:
    """One known entity."""

    id: str
    cls: str
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    wikidata: str | None = None
    capital_of: str | None = None
    country: str | None = None
    affiliation: str | None = None
    category: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name and every alias (not the demonyms)."""
        return (self.name, *self.aliases)


@dataclass
class Gazetteer:
    """Entries by id, with lookups by name and demonym."""

    entries: dict[str, Entry] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, key: str) -> bool:
        return key in self.entries

    def __getitem__(self, key: str) -> Entry:
        return self.entries[key]

    def get(self, key: str | None) -> Entry | None:
        return self.entries.get(key) if key else None

    @cached_property
    def _by_name(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for entry in self.entries.values():
            for name in entry.names:
                index.setdefault(normalize_name(name), entry.id)
        return index

    @cached_property
    def _by_demonym(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for entry in self.entries.values():
            for name in entry.demonyms:
                index.setdefault(normalize_name(name), entry.id)
        return index

    def lookup(self, name: str) -> Entry | None:
        """The entry one of whose names is ``name`` (normalised), or None.

        >>> g = Gazetteer({"kamaz": Entry("kamaz", "Company", "KAMAZ", ("Kamaz",))})
        >>> g.lookup("the kamaz").id
        'kamaz'
        """
        key = self._by_name.get(normalize_name(name))
        return self.entries[key] if key else None

    def demonym(self, word: str) -> Entry | None:
        """The country or region a nationality word names ("Belarusian" -> Belarus)."""
        key = self._by_demonym.get(normalize_name(word))
        return self.entries[key] if key else None

    def is_demonym(self, word: str) -> bool:
        return normalize_name(word) in self._by_demonym

    @cached_property
    def demonym_forms(self) -> frozenset[str]:
        """Every nationality word as written ("Belarusian", "Chinese")."""
        return frozenset(name for entry in self.entries.values() for name in entry.demonyms)

    def patterns(self) -> list[dict]:
        """Entity ruler patterns: names and demonyms, matched case-sensitively.

        Labels are the entity classes, ``id`` the entry id. Category names are
        lower case, so "mining" does not match inside "Kovdor Mining and
        Processing Plant".
        """
        patterns = []
        for entry in sorted(self.entries.values(), key=lambda e: e.id):
            for form in sorted(set(entry.names) | set(entry.demonyms)):
                patterns.append({"label": entry.cls, "pattern": form, "id": entry.id})
        return patterns

    @cached_property
    def fingerprint(self) -> str:
        import hashlib

        text = json.dumps(sorted((e.id, e.cls, e.names, e.demonyms) for e in self.entries.values()))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def load_gazetteer(folder: str | Path | None = None) -> Gazetteer:
    """Read every ``*.jsonl`` file of the gazetteer folder (default ``ontology/entities``).

    Raises :class:`~kg.errors.GazetteerError` naming the file and line of a bad entry.
    """
    if folder is None:
        from .paths import ontology_dir

        folder = ontology_dir() / "entities"
    gazetteer = Gazetteer()
    where: dict[str, str] = {}
    for path in sorted(Path(folder).glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            entry = _parse_entry(path, number, line)
            if entry.id in gazetteer.entries:
                raise GazetteerError(path, number, Errors.E301.format(id=entry.id, first=where[entry.id]))
            gazetteer.entries[entry.id] = entry
            where[entry.id] = f"{path}:{number}"
    _check_references(gazetteer, where)
    return gazetteer


def _parse_entry(path: Path, number: int, line: str) -> Entry:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        raise GazetteerError(path, number, Errors.E302.format(error=e.msg)) from e
    if not isinstance(record, dict):
        raise GazetteerError(path, number, Errors.E303)
    unknown = set(record) - _FIELDS
    if unknown:
        raise GazetteerError(path, number, Errors.E304.format(fields=sorted(unknown)))
    for key in ("id", "class", "name"):
        if not isinstance(record.get(key), str) or not record[key].strip():
            raise GazetteerError(path, number, Errors.E305.format(key=key))
    if not _ID.match(record["id"]):
        raise GazetteerError(path, number, Errors.E306.format(id=record["id"]))
    if record["class"] not in CLASSES:
        raise GazetteerError(path, number, Errors.E307.format(cls=record["class"], classes=", ".join(CLASSES)))
    lists = {}
    for key in ("aliases", "demonyms"):
        value = record.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise GazetteerError(path, number, Errors.E308.format(key=key))
        lists[key] = tuple(v.strip() for v in value)
    wikidata = record.get("wikidata")
    if wikidata is not None and not re.match(r"^Q[1-9][0-9]*$", str(wikidata)):
        raise GazetteerError(path, number, Errors.E309.format(value=wikidata))
    return Entry(
        id=record["id"],
        cls=record["class"],
        name=record["name"].strip(),
        aliases=lists["aliases"],
        demonyms=lists["demonyms"],
        wikidata=wikidata,
        capital_of=record.get("capital_of"),
        country=record.get("country"),
        affiliation=record.get("affiliation"),
        category=bool(record.get("category", False)),
    )


def _check_references(gazetteer: Gazetteer, where: dict[str, str]) -> None:
    for entry in gazetteer.entries.values():
        for key in ("capital_of", "country", "affiliation"):
            target = getattr(entry, key)
            if target and target not in gazetteer.entries:
                file, _, line = where[entry.id].rpartition(":")
                raise GazetteerError(file, int(line), Errors.E310.format(key=key, target=target, id=entry.id))


def entries_of(gazetteer: Gazetteer, cls: str) -> Iterable[Entry]:
    return (e for e in gazetteer.entries.values() if e.cls == cls)
