"""Quotes and who says them: the speaker of a quoted passage, and what "we" stands for.

A quote's speaker is the subject of the nearest reporting verb outside the
quote in the same paragraph ("..., the president stated", "Lukashenko cited
...: ..."); an unnamed office holder ("the director of MAZ said") speaks for
the organisation named. In "We supply KAMAZ", said for Belarus right after
"MAZ and KAMAZ", "we" is the Belarusian company of that pair
(:func:`domestic_partner`).
"""

from __future__ import annotations

from ..gazetteer import Gazetteer
from .mentions import Discourse, Span, same_entity

__all__ = ["quote_ranges", "domestic_partner"]

_OPEN, _CLOSE = "\u201c\u00ab", "\u201d\u00bb"


def quote_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of quoted passages; an unclosed quote runs to the end of the paragraph.

    >>> quote_ranges('He said "we will" and left.')
    [(8, 17)]
    >>> quote_ranges('\u201cWe produce parts.\u201d')
    [(0, 19)]
    """
    ranges = []
    start = None
    for i, ch in enumerate(text):
        if ch in _OPEN or (ch == '"' and start is None):
            if start is None:
                start = i
        elif ch in _CLOSE or ch == '"':
            if start is not None:
                ranges.append((start, i + 1))
                start = None
    if start is not None:
        ranges.append((start, len(text)))
    return ranges


def domestic_partner(discourse: Discourse, gazetteer: Gazetteer, country: Span, other: Span,
                     position) -> Span | None:
    """In "We supply KAMAZ" said for Belarus just after "MAZ and KAMAZ", "we" is MAZ.

    The company named together with ``other`` in the nearest sentence
    before, when it is based in the speaker's country.
    """
    if other.cls != "Company" or not country.key:
        return None
    spans = [s for s in discourse.spans if s.position < position and s.cls == "Company" and not s.demonym]
    by_sentence: dict[tuple[int, int], list[Span]] = {}
    for span in spans:
        doc = discourse.paragraphs[span.para].doc
        by_sentence.setdefault((span.para, doc[span.first].sent.start), []).append(span)
    for key in sorted(by_sentence, reverse=True)[:4]:
        group = by_sentence[key]
        if not any(same_entity(s, other) for s in group):
            continue
        for span in group:
            entry = gazetteer.get(span.key)
            if not same_entity(span, other) and entry is not None and entry.country == country.key:
                return span
    return None
