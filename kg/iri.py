"""Mint IRIs from names: any text gives a valid, stable, ASCII IRI.

rdflib accepts invalid IRIs with only a logged warning and then fails the
whole Turtle export; Oxigraph refuses control characters that rdflib lets
through. Every IRI the project writes is made here, from ASCII letters, digits
and hyphens only.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote

__all__ = ["slug", "entity_iri", "article_iri", "claim_iri", "normalize_name", "close_names"]

# Russian / Belarusian / Ukrainian / Kazakh Cyrillic to Latin, close to BGN/PCGN.
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіўєїґқғңүұһәө",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "yo",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
            "i",
            "u",
            "ye",
            "yi",
            "g",
            "q",
            "gh",
            "ng",
            "u",
            "u",
            "h",
            "a",
            "o",
        ],
    )
)


@lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """Fold a name for comparison: case, accents, quotes, dashes, spacing, a leading "the".

    >>> normalize_name("  The KAMAZ ")
    'kamaz'
    >>> normalize_name("Naberezhnye  Chelny") == normalize_name("naberezhnye chelny")
    True
    >>> normalize_name("SSJ–100")
    'ssj-100'
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"[\"'\u2018\u2019\u201c\u201d\u00ab\u00bb.,()]", "", text)
    text = re.sub(r"\s*-\s*", "-", text)
    text = " ".join(text.split())
    return re.sub(r"^the ", "", text)


def slug(name: str, fallback_prefix: str = "x") -> str:
    """An ASCII slug of a name: lower case, hyphens between words.

    >>> slug("Minsk Tractor Works")
    'minsk-tractor-works'
    >>> slug("Александр Лукашенко")
    'aleksandr-lukashenko'
    >>> slug('<img src=x onerror="alert(1)">')
    'img-src-x-onerror-alert-1'
    >>> slug("习近平")[:2]
    'x-'
    """
    text = unicodedata.normalize("NFKD", name.casefold())
    out = []
    for ch in text:
        if unicodedata.combining(ch):
            continue
        out.append(_CYRILLIC.get(ch, ch))
    text = "".join(out)
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if not text:
        digest = hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        return f"{fallback_prefix}-{digest}"
    return text[:120].rstrip("-")


def entity_iri(key: str):
    """The IRI of an entity from its resolution key (already a slug)."""
    from .vocab import ENT

    return ENT[slug(key)]


def article_iri(article_id: str):
    """The IRI of an article from its identifier; distinct ids give distinct IRIs.

    >>> str(article_iri("a 01/x"))
    'https://w3id.org/kg-trade/article/a%2001%2Fx'
    >>> str(article_iri(".news.")), str(article_iri("a~b"))
    ('https://w3id.org/kg-trade/article/%2Enews%2E', 'https://w3id.org/kg-trade/article/a%7Eb')
    """
    from .vocab import ART

    local = quote(article_id, safe="-_.~", errors="surrogatepass")
    # what a Turtle local name would have to escape (``art:\.``, which rdflib cannot read) is percent-encoded
    local = local.replace("~", "%7E")
    if local[:1] in ("-", "."):
        local = f"%{ord(local[0]):02X}{local[1:]}"
    if local.endswith("."):
        local = local[:-1] + "%2E"
    return ART[local]


def claim_iri(article_id: str, *parts: object):
    """A claim IRI, stable for the same article, sentence, ends, predicate and modality."""
    from .vocab import CLAIM

    text = "\x1f".join([article_id, *map(str, parts)])
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return CLAIM[f"{slug(article_id)}-{digest}"]


def close_names(name: str, names, n: int = 5) -> list[str]:
    """The names most like ``name``, ignoring case and punctuation (for "did you mean" hints).

    >>> close_names("Kamazz", ["KAMAZ", "MAZ", "Belarus"])
    ['KAMAZ', 'MAZ']
    """
    import difflib

    by_form: dict[str, str] = {}
    for candidate in sorted(names):
        by_form.setdefault(normalize_name(candidate), candidate)
    found = difflib.get_close_matches(normalize_name(name), list(by_form), n=n, cutoff=0.6)
    return [by_form[form] for form in found]
