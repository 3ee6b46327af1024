"""Quotes and who says them: the speaker of a quoted passage, and what "we" stands for.

A quote's speaker is the subject of the nearest reporting verb outside the
quote in the same paragraph ("..., the president stated", "Lukashenko cited
...: ..."); an unnamed office holder ("the director of MAZ said") speaks for
the organisation named. In "We supply KAMAZ", said for Belarus right after
"MAZ and KAMAZ", "we" is the Belarusian company of that pair
(:func:`domestic_partner`).
"""

from __future__ import annotations

import re

from ..gazetteer import Gazetteer
from . import descriptions, pronouns
from .mentions import Discourse, Span, same_entity
from .mentions import at_token as _at
from .mentions import copy_span as _copy
from .mentions import phrase_text as _phrase_text

__all__ = ["quote_ranges", "domestic_partner", "speaker", "in_quote", "speaker_entity"]

_OPEN, _CLOSE = "\u201c\u00ab", "\u201d\u00bb"
_QUOTE_MARKS = re.compile(f'["{_OPEN}{_CLOSE}]')  # the only characters quote_ranges reads


def quote_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of quoted passages; an unclosed quote runs to the end of the paragraph.

    >>> quote_ranges('He said "we will" and left.')
    [(8, 17)]
    >>> quote_ranges('\u201cWe produce parts.\u201d')
    [(0, 19)]
    """
    ranges = []
    start = None
    for mark in _QUOTE_MARKS.finditer(text):
        i, ch = mark.start(), mark.group()
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


def domestic_partner(discourse: Discourse, gazetteer: Gazetteer, country: Span, other: Span, position) -> Span | None:
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


def speaker(r, token, para) -> Span | None:
    """Who is quoted, when the token is inside a quote: a person, or an organisation speaking for itself
    ("..., Velmora Systems said in a statement")."""
    for index, (start, end) in enumerate(r.quotes[para]):
        if start <= token.idx < end:
            key = (para, index)
            if key not in r._speakers:
                r._speakers[key] = find_speaker(r, para, start, end)
            return r._speakers[key]
    return None


def in_quote(r, token, para) -> bool:
    return any(start <= token.idx < end for start, end in r.quotes[para])


def find_speaker(r, para, start, end) -> Span | None:
    """The subject of the nearest reporting verb outside the quote, in the same paragraph."""
    doc = r.discourse.paragraphs[para].doc
    ranges = r.quotes[para]
    verbs = []
    for token in doc:
        if token.lemma_.lower() not in r.lex["reporting_verbs"] or token.pos_ not in ("VERB", "AUX"):
            continue
        if any(s <= token.idx < e for s, e in ranges):
            continue
        distance = token.idx - end if token.idx >= end else (start - token.idx) * 2
        verbs.append((distance, token))
    for _, verb in sorted(verbs, key=lambda pair: pair[0]):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        for subject in subjects:
            span = r.discourse.at(para, subject.i)
            if span is not None and span.cls in ("Person", "Company", "Organization"):
                return span
            office = office_holder(r, subject, para, start)
            if office is not None:
                return office
            found = descriptions.definite(r, subject, para, ("Person",), 0) if subject.pos_ == "NOUN" else []
            found = [f for f in found if f.cls == "Person"]
            if not found and subject.pos_ == "NOUN":
                found = quoted_organisation(r, subject, para, start)
            if subject.pos_ == "PRON" and subject.lower_ in ("he", "she"):
                found = pronouns.pronoun(r, subject, para, ("Person",))
            if found:
                return found[0]
    return None


def quoted_organisation(r, subject, para, quote_start) -> list[Span]:
    """ "..., the company said": the firm or body named last before the quote, outside quotes (what the
    quote itself names is what the firm talks about)."""
    lemma = subject.lemma_.lower()
    if lemma in r.lex["company_descriptors"]:
        classes = ("Company",)
    elif lemma in r.lex["organization_descriptors"]:
        classes = ("Organization",)
    else:
        return []
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in subject.children):
        return []
    doc = subject.doc
    first = next((t.i for t in doc if t.idx >= quote_start), len(doc))
    for span in r.discourse.before((para, min(first, subject.i)), classes, limit=8):
        if span.via in ("coref", "speaker") or (span.para == para and in_quote(r, doc[span.first], para)):
            continue
        return [_copy(span, via="coref", surface=_phrase_text(subject), **_at(subject))]
    return []


def office_holder(r, subject, para, quote_start: int) -> Span | None:
    """ "the director of MAZ said", "a spokesman for Gazprom said", "the company's spokesman said": an
    unnamed speaker for an organisation.

    Returns a Person span named after the office; what it speaks for is recorded in ``leads``-like
    form in ``r.speaks_for``.
    """
    if subject.pos_ != "NOUN" or subject.lemma_.lower() not in r.lex["person_descriptors"]:
        return None
    orgs = ("Company", "Organization", "Country", "Region")
    owners = [c for c in subject.children if c.dep_ == "poss"]
    owners += [
        o
        for prep in subject.children
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "at")
        for o in prep.children
        if o.dep_ == "pobj"
    ]
    for owner in owners:
        org = r.discourse.at(para, owner.i)
        if org is None and owner.pos_ == "NOUN":
            org = next(iter(quoted_organisation(r, owner, para, quote_start)), None)
        if org is not None and org.cls in orgs:
            name = f"{subject.lemma_} of {org.name}"
            r.speaks_for[name] = org
            offset = r.discourse.paragraphs[para].offset
            return Span(
                name=name,
                cls="Person",
                key=None,
                para=para,
                first=subject.i,
                last=subject.i + 1,
                start=offset + subject.idx,
                end=offset + subject.idx + len(subject.text),
                via="coref",
                surface=subject.text,
            )
    return None


def speaker_entity(r, token, para, want) -> list[Span]:
    """What "we" stands for: what the speaker leads or is affiliated with."""
    who = speaker(r, token, para)
    if who is None:
        narrator = None if in_quote(r, token, para) else r.narrator
        return [_copy(narrator, via="speaker", surface=token.text, **_at(token))] if narrator is not None else []
    if who.cls != "Person":  # an organisation quoted speaks for itself
        return [_copy(who, via="speaker", surface=token.text, **_at(token))]
    led = r.leads.get(who.name) or r.speaks_for.get(who.name) or affiliation(r, who)
    if led is None:
        return []
    return [_copy(led, via="speaker", surface=token.text, **_at(token))]


def affiliation(r, person: Span) -> Span | None:
    entry = r.gazetteer.get(person.key)
    if entry is None or not entry.affiliation:
        return None
    target = r.gazetteer[entry.affiliation]
    return Span(
        name=target.name,
        cls=target.cls,
        key=target.id,
        para=person.para,
        first=person.first,
        last=person.last,
        start=person.start,
        end=person.end,
        via="speaker",
    )


def reporter_firm(r, token, para) -> Span | None:
    """The firm whose head reports the clause a token stands in: "Kaya's chairman, Mehmet Ali Kaya, said the
    company had exported tractors" -> Kaya (the title's owner, or what the named speaker leads); else None."""
    clause = token
    for verb in token.ancestors:
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in r.lex["reporting_verbs"]:
            break
        clause = verb
    else:
        return None
    if clause.dep_ != "ccomp" or clause.head != verb:
        return None
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if subject.lemma_.lower() in r.lex["person_descriptors"]:
            for owner in (c for c in subject.children if c.dep_ == "poss"):
                span = r.discourse.at(para, owner.i)
                if span is not None and (span.cls == "Company" or (span.weak and " " not in span.name)):
                    return _copy(span, cls="Company", weak=False)
        for named in (subject, *(c for c in subject.children if c.dep_ == "appos")):
            span = r.discourse.at(para, named.i)
            led = r.leads.get(span.name) if span is not None and span.cls == "Person" else None
            if led is not None and led.cls == "Company":
                return led
    return None


def reported_company(r, title, para, want) -> list[Span]:
    """The firm whose news a titled speaker reports: "Chang Hwa already supplies TSMC's fabs, chairman Lin
    Cheng-wei said" -> Chang Hwa, the subject of the clause said (not the firm named most often)."""
    from .frames import described

    person = described(title)
    while person is not None and person.dep_ in ("compound", "flat") and person.head != person:
        person = person.head  # "chairman Lin Cheng-wei": the name's head
    if person is None or person.dep_ != "nsubj" or person.head.lemma_ not in r.lex["reporting_verbs"]:
        return []
    verb = person.head
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    if verb.dep_ in ("ccomp", "parataxis") and verb.head.i < verb.i:
        clauses.append(verb.head)  # "X supplies Y, the chairman said" parsed with "said" under "supplies"
    for clause in clauses:
        for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"):
            found = [s for s in r.resolve(subject, para, want) if s.cls == "Company"]
            if found:
                return found
    return []
