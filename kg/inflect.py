"""Singular and plural of English noun phrases (the last word inflects), for product names.

>>> plural("electric vehicle"), plural("battery"), plural("box"), plural("potash", {"potash"}), plural("potato")
('electric vehicles', 'batteries', 'boxes', 'potash', 'potatoes')
>>> singular("haul trucks"), singular("batteries"), singular("electronics"), singular("gas")
('haul truck', 'battery', 'electronics', 'gas')
"""

from __future__ import annotations

__all__ = ["plural", "singular"]

_UNCOUNTED_ENDINGS = ("ics", "ware", "ment", "ing")


def plural(phrase: str, mass_nouns=frozenset()) -> str:
    """The plural of a noun phrase, unless its last word is a mass noun or already plural."""
    words = phrase.split()
    if not words:
        return phrase
    last = words[-1]
    low = last.lower()
    if low in mass_nouns or low.endswith(_UNCOUNTED_ENDINGS) or low.endswith("s"):
        return phrase
    if low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
        last = last[:-1] + "ies"
    elif low.endswith(("x", "z", "ch", "sh")) or low in _OES:
        last += "es"
    else:
        last += "s"
    return " ".join(words[:-1] + [last])


_OES = {"potato", "tomato", "hero", "echo", "torpedo", "veto", "embargo"}


def singular(phrase: str) -> str:
    """The singular of a noun phrase (a rough rule: enough to merge "trucks" and "truck")."""
    words = phrase.split()
    if not words:
        return phrase
    word = words[-1]
    if len(word) <= 3 or word.endswith(("ss", "us", "is", "ics")):
        return phrase
    if word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith(("ches", "shes", "xes", "zes", "sses")):
        word = word[:-2]
    elif word.endswith("s"):
        word = word[:-1]
    return " ".join(words[:-1] + [word])
