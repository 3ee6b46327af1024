"""Entity resolution: one canonical Entity per real-world entity.

A mention the gazetteer knows resolves to the gazetteer entry (and gets all
its aliases as alternative labels). Any other mention resolves by its
normalised name, so the same name in two articles is the same node: keys (and
so IRIs) depend on the name alone, never on the order of ingestion.

    >>> from kg.records import Mention
    >>> key_of(Mention(name="National Fertilizers Ltd", cls="Company", start=0, end=1))
    'national-fertilizers'
    >>> key_of(Mention(name="haul trucks", cls="Product", start=0, end=1))
    'haul-truck'
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache, lru_cache

from .gazetteer import Gazetteer
from .inflect import plural, singular
from .iri import normalize_name, slug
from .records import Claim, Entity, Mention

__all__ = ["key_of", "resolve_entities", "name_variants"]

# Mentions found through these routes are names of the entity; "we" and "the company" are not.
_NAMING_ROUTES = {"gazetteer", "ner", "phrase", "descriptor", "alias"}


def key_of(mention: Mention) -> str:
    """The resolution key of a mention: its gazetteer id, or a slug of its normalised name."""
    return mention.key or _name_key(mention.name, mention.cls)


@lru_cache(maxsize=1 << 16)
def _name_key(name: str, cls: str) -> str:
    """The key of a name of this class (the same names come back in article after article)."""
    name = normalize_name(name)
    if cls == "Company":
        name = _legal_suffix().sub("", name)
    if cls in ("Product", "Sector"):
        name = singular(name)
    return slug(name)


@cache
def _legal_suffix() -> re.Pattern:
    """A legal suffix ending a firm's name (the lexicon's ``company_name_suffixes``): "National Fertilizers
    Ltd" and "National Fertilizers" are one firm."""
    from .extract.rules import load_rules

    words = sorted(load_rules().lexicon["company_name_suffixes"], key=lambda w: (-len(w), w))
    return re.compile(r"\s+(" + "|".join(re.escape(w) for w in words) + r")\.?$", re.I)


def name_variants(name: str, cls: str) -> set[str]:
    """Other spellings of a product or sector name: number, hyphens, without a nationality word.

    >>> sorted(name_variants("electric-vehicle", "Product"))
    ['electric vehicle', 'electric vehicles', 'electric-vehicle', 'electric-vehicles']
    """
    if cls not in ("Product", "Sector"):
        return {name}
    forms = {name, name.replace("-", " ")}
    forms |= {singular(f) for f in list(forms)} | {plural(f) for f in list(forms)}
    return {f for f in forms if f}


def resolve_entities(claims: Iterable[Claim], gazetteer: Gazetteer) -> dict[str, Entity]:
    """The entities the claims' subjects, objects and speakers stand for: one per real-world entity.

    Parameters
    ----------
    claims : iterable of Claim
        Claims of one or more articles.
    gazetteer : Gazetteer
        The known entities (:func:`kg.gazetteer.load_gazetteer`): a mention it
        knows resolves to its entry, with every alias as an alternative label.

    Returns
    -------
    dict of str to Entity
        By resolution key (:func:`key_of`), sorted; a key depends on the name
        alone, never on the order of ingestion.

    Examples
    --------
    >>> from kg.gazetteer import Entry, Gazetteer
    >>> from kg.records import Claim, Mention
    >>> maz = Mention(name="MAZ", cls="Company", start=0, end=3, key="maz", via="gazetteer")
    >>> trucks = Mention(name="haul trucks", cls="Product", start=13, end=24)
    >>> claim = Claim(subject=maz, predicate="produces", object=trucks, modality="asserted", article_id="a1",
    ...               sentence="MAZ produces haul trucks.", sentence_start=0, sentence_end=25, rule_id="r",
    ...               confidence=0.9)
    >>> gazetteer = Gazetteer({"maz": Entry("maz", "Company", "MAZ", ("Minsk Automobile Plant",))})
    >>> [(e.key, e.label, e.alt_labels) for e in resolve_entities([claim], gazetteer).values()]
    [('haul-truck', 'haul trucks', ('haul truck',)), ('maz', 'MAZ', ('Minsk Automobile Plant',))]
    """
    names: dict[str, Counter] = defaultdict(Counter)
    classes: dict[str, Counter] = defaultdict(Counter)
    surfaces: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        for mention in (claim.subject, claim.object, claim.speaker):
            if mention is None:
                continue
            key = key_of(mention)
            names[key][mention.name] += 1
            classes[key][mention.cls] += 1
            if mention.via in _NAMING_ROUTES and mention.surface:
                surfaces[key].add(" ".join(mention.surface.split()))
    entities = {}
    for key in sorted(names):
        entry = gazetteer.get(key)
        if entry is not None:
            label, cls, wikidata = entry.name, entry.cls, entry.wikidata
            others = set(entry.aliases) | surfaces[key] | set(names[key])
        else:
            # the most frequent name, then the longest, then alphabetical: stable for the same input
            label = sorted(names[key], key=lambda n: (-names[key][n], -len(n), n))[0]
            cls = sorted(classes[key], key=lambda c: (-classes[key][c], c))[0]
            wikidata = None
            others = surfaces[key] | set(names[key])
            for name in list(others):
                others |= name_variants(name, cls)
        alt = tuple(sorted({o for o in others if o and o != label and not _is_pronoun(o)}))
        entities[key] = Entity(key=key, cls=cls, label=label, alt_labels=alt, wikidata=wikidata)
    return entities


def _is_pronoun(text: str) -> bool:
    return text.lower() in {"we", "us", "our", "it", "its", "they", "them", "their", "he", "his", "she", "her"}
