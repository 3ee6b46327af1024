"""From a name to an entity: one look-up, shared by queries, the network and the page.

A name matches an entity when its normalised form (:func:`kg.iri.normalize_name`:
case, accents, quotes, dashes, spacing and a leading "the" ignored) is the
normalised form of the entity's ``rdfs:label`` or of one of its
``skos:altLabel``. An IRI (``<...>`` or ``http...``) is taken as it is.

The normalised forms are written at ingest into a graph of kg's own
(:data:`kg.namespaces.NAMES_GRAPH`, never exported), one triple per label::

    ent:kamaz kgi:labelKey "kamaz" .    ent:kamaz kgi:aliasKey "kamaz ptc" .

so a look-up is one indexed SPARQL pattern, not a scan of every label in
Python. A store written before the index existed is looked up by a scan
until its next ingest writes the index.

Ambiguity is decided in one place (:func:`choose`), the same way everywhere:
a label match wins over an alias match; two entities matching at the same
level raise :class:`~kg.errors.AmbiguousName` listing them, and the caller
passes the IRI instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from .errors import AmbiguousName, Errors, NodeNotFound
from .iri import close_names, normalize_name
from .namespaces import ENTITIES_GRAPH, INTERNAL, NAMES_GRAPH, PREFIXES

__all__ = [
    "Match",
    "as_iri",
    "choose",
    "lookup",
    "matches",
    "index_quads",
    "ensure_index",
    "reindex",
    "prune_index",
    "LABEL_KEY",
    "ALIAS_KEY",
]

LABEL_KEY = INTERNAL + "labelKey"
ALIAS_KEY = INTERNAL + "aliasKey"
_LABEL = PREFIXES["rdfs"] + "label"
_ALT = PREFIXES["skos"] + "altLabel"
_KEY_OF = {_LABEL: LABEL_KEY, _ALT: ALIAS_KEY}

_LOOKUP = f"""SELECT ?e ?label ?by WHERE {{
  {{ GRAPH <{NAMES_GRAPH}> {{ ?e <{LABEL_KEY}> ?key }} BIND("label" AS ?by) }}
  UNION {{ GRAPH <{NAMES_GRAPH}> {{ ?e <{ALIAS_KEY}> ?key }} BIND("alias" AS ?by) }}
  OPTIONAL {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e <{_LABEL}> ?label }} }}
}}"""
_SCAN = f"""SELECT ?e ?label ?name ?p WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{
  ?e <{_LABEL}> ?label . VALUES ?p {{ <{_LABEL}> <{_ALT}> }} ?e ?p ?name }} }}"""
_LABELS = f"SELECT DISTINCT ?label WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e <{_LABEL}> ?label }} }}"
_HAS_INDEX = f"SELECT ?e WHERE {{ GRAPH <{NAMES_GRAPH}> {{ ?e ?p ?k }} }} LIMIT 1"  # no ASK: kg.store answers SELECT


@dataclass(frozen=True)
class Match:
    """An entity a name matched: its IRI, its label and whether the name is that label or an alias."""

    iri: str
    label: str
    by: str  # "label" or "alias"


def as_iri(name: str) -> str | None:
    """The IRI a name spells (``<...>`` or ``http(s)://...``), else None.

    >>> as_iri("<https://w3id.org/kg-trade/entity/maz>"), as_iri("MAZ")
    ('https://w3id.org/kg-trade/entity/maz', None)
    """
    text = name.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    return text if re.match(r"^https?://", text) else None


def choose(name: str, matches: Iterable[Match], labels: Callable[[], Iterable[str]], where: str = "the store") -> str:
    """The one entity ``matches`` leave for ``name``: label matches before alias matches.

    Raises NodeNotFound (with the closest of ``labels()`` as suggestions) when nothing matched, and
    AmbiguousName naming every candidate when two entities match at the same level.

    >>> choose("maz", [Match("urn:maz", "MAZ", "label"), Match("urn:x", "X", "alias")], list)
    'urn:maz'
    >>> choose("kamas", [], lambda: ["KAMAZ", "Belarus"])
    Traceback (most recent call last):
    ...
    kg.errors.NodeNotFound: no entity named 'kamas' in the store; did you mean 'KAMAZ'? [E519]
    """
    matches = sorted(set(matches), key=lambda m: (m.by != "label", m.iri))
    if not matches:
        close = close_names(name, labels())
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise NodeNotFound(Errors.E519.format(name=name, where=where, hint=hint))
    best = [m for m in matches if m.by == matches[0].by]
    iris = sorted({m.iri for m in best})
    if len(iris) > 1:
        listed = ", ".join(f"{m.label!r} <{m.iri}>" for m in best)
        raise AmbiguousName(Errors.E520.format(name=name, by=best[0].by, count=len(iris), listed=listed))
    return iris[0]


def lookup(store, name: str) -> str:
    """The IRI of the entity of the store named ``name`` (see :func:`choose` for misses and ambiguity)."""
    iri = as_iri(name)
    if iri is not None:
        return iri
    return choose(name, matches(store, name), lambda: [row[0].value for row in store.query(_LABELS).rows])


def matches(store, name: str) -> list[Match]:
    """Every entity whose label or alias ``name`` is (normalised), from the index (or a scan without one)."""
    key = normalize_name(name)
    rows = store.query(_LOOKUP, {"key": ox.Literal(key)}, name="name look-up").rows
    found = [Match(e.value, label.value if label is not None else e.value, by.value) for e, label, by in rows]
    if not found and not _indexed(store):
        found = [m for m, form in _scan(store) if form == key]
    return found


def _indexed(store) -> bool:
    return bool(store.query(_HAS_INDEX).rows)


def _scan(store) -> list[tuple[Match, str]]:
    """Every label and alias with its normalised form (stores without an index)."""
    return [
        (Match(e.value, label.value, "label" if p.value == _LABEL else "alias"), normalize_name(n.value))
        for e, label, n, p in store.query(_SCAN).rows
    ]


def index_quads(quads: Iterable) -> list:
    """The index entries of the labels among entity-description quads (pyoxigraph quads).

    >>> q = ox.Quad(ox.NamedNode("urn:e"), ox.NamedNode(_LABEL), ox.Literal("The KAMAZ"))
    >>> [str(x.object) for x in index_quads([q])]
    ['"kamaz"']
    """
    graph = ox.NamedNode(NAMES_GRAPH)
    out = []
    for quad in quads:
        key = _KEY_OF.get(quad.predicate.value)
        if key is not None and isinstance(quad.object, ox.Literal):
            out.append(ox.Quad(quad.subject, ox.NamedNode(key), ox.Literal(normalize_name(quad.object.value)), graph))
    return out


def reindex(store) -> int:
    """Write the whole index from the entities graph (after an import, or for a store without one);
    returns the number of entries."""
    rows = store.query(
        f"SELECT ?e ?p ?name WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ VALUES ?p {{ <{_LABEL}> <{_ALT}> }} ?e ?p ?name }} }}"
    ).rows
    entries = index_quads(ox.Quad(e, p, n) for e, p, n in rows)
    oxstore = getattr(store, "oxigraph", None)
    if oxstore is not None and not oxstore.contains_named_graph(ox.NamedNode(NAMES_GRAPH)):
        oxstore.extend(entries)  # nothing to replace: one transaction of terms, no SPARQL text to write and parse
    else:
        store.replace_graphs({NAMES_GRAPH: entries})
    return len(entries)


def ensure_index(store) -> None:
    """Write the index if the store has entities but no index (a store from before it existed)."""
    if (
        not _indexed(store)
        and store.query(f"SELECT ?e WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e <{_LABEL}> ?l }} }} LIMIT 1").rows
    ):
        reindex(store)


def prune_index(store) -> None:
    """Drop the entries of entities the entities graph no longer describes."""
    store.update(f"""DELETE {{ GRAPH <{NAMES_GRAPH}> {{ ?e ?p ?k }} }}
        WHERE {{ GRAPH <{NAMES_GRAPH}> {{ ?e ?p ?k }} FILTER NOT EXISTS {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e ?q ?o }} }} }}""")
