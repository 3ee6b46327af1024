"""Pronouns: "we"/"us"/"our" in a quote stand for what the speaker speaks for; "he", "it", "they" for the
fitting mention before them (a subject first, then the nearest, then the article's main company)."""

from __future__ import annotations

from . import descriptions, groups, speakers
from .mentions import Span
from .mentions import at_token as _at
from .mentions import copy_span as _copy

__all__ = ["pronoun"]

_AGENTS = ("Country", "Region", "Company", "Organization")
_PLACES = frozenset({"Country", "Region"})
_FIRMS = frozenset({"Company", "Organization"})


def pronoun(r, token, para, want) -> list[Span]:
    word = token.lower_
    position = (para, token.i)
    if word in ("we", "us", "our", "ours", "ourselves"):
        return speakers.speaker_entity(r, token, para, want)
    if word in ("i", "me", "my"):
        speaker = speakers.speaker(r, token, para)
        return [speaker] if speaker is not None and speaker.cls == "Person" else []
    if word in ("he", "him", "his", "she", "her"):
        for span in r.discourse.before(position, ("Person",), limit=1):
            return [_copy(span, via="coref", surface=token.text, **_at(token))]
        return []
    if word in ("it", "its"):
        if word == "it" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "all":
            return []  # "it all depends on ...": nothing in particular
        return it_antecedent(r, token, para, want)
    if word in ("they", "them", "their"):
        return they_antecedent(r, token, para, want)
    if word == "both" and token.head.pos_ in ("VERB", "AUX"):
        return descriptions.definite(r, token, para, want, 0)  # "Both now compete": the last two named
    if word in ("which", "that", "who") and token.head.dep_ == "relcl":
        return r.resolve(token.head.head, para, want)
    if word in ("which", "whom") and token.dep_ == "pobj" and token.head.head.dep_ == "relcl":
        # "Tengizchevroil, in which Chevron holds a stake": the noun the clause is about
        return r.resolve(token.head.head.head, para, want)
    return []


def it_antecedent(r, token, para, want):
    """The subject of its own sentence when that comes first ("Integral has signed a contract under
    which it will supply"), else the subject of the sentence before, else the nearest agent. The antecedent
    is chosen among all agents first when a rule wants a place, and must then fit: "X is a party in Y. Its
    leader N ...": N leads the party, not the country a rule for heads of state would take for "its"."""
    if not _PLACES.isdisjoint(want) and _FIRMS.isdisjoint(want):
        found = _it_antecedent(r, token, para, _AGENTS)
        return [span for span in found if span.cls in want]
    return _it_antecedent(r, token, para, want)


def _it_antecedent(r, token, para, want):
    sent = token.sent
    classes = tuple(c for c in _AGENTS if c in want) or _AGENTS
    doc = token.doc
    root = sent.root
    guesses = ("Person", "Company") if "Company" in classes else ()

    def antecedent(span):
        """The span as what "it" can stand for, or None: "Velora launched a bike. Its frame ...": a
        name the model only guessed was a person's (or a firm's) is a firm."""
        if span is None or span.demonym:
            return None
        if span.weak and span.cls in guesses:
            return _copy(span, cls="Company", weak=False)
        return None if span.weak or span.cls not in classes else span

    for subject in (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i):
        span = antecedent(r.discourse.at(para, subject.i))
        if span is None and subject.pos_ == "NOUN" and not token.is_ancestor(subject) and subject.i < token.i:
            # "The cable maker said its new supplier would deliver": the description the sentence is about
            described = [s for s in r.resolve(subject, para, want, 1) if s.cls in classes]
            span = antecedent(described[0]) if len(described) == 1 else None
        if span is not None:
            return [_copy(span, via="coref", surface=token.text, **_at(token))]
        unread = r.discourse.at(para, subject.i) is None and subject.idx >= r.discourse.paragraphs[para].masked
        if unread and _unread_speaker(r, subject):
            return []  # "Gestamp denied that it supplies ...": a name the recogniser missed, not the firm before
    candidates = []
    quoted = speakers.in_quote(r, token, para)
    for span in r.discourse.before((para, token.i), classes + guesses, limit=6):
        if span.para != para:
            break
        if not quoted and speakers.in_quote(r, doc[span.first], para):
            continue  # '"... if Embraer sneezed, we caught pneumonia," said its chief executive': not what the quote names
        span = antecedent(span)
        if span is not None:
            candidates.append(span)
    for span in candidates:
        tok = doc[span.last - 1]
        head = tok
        while head.dep_ in ("compound", "flat") and head.head != head:
            head = head.head
        if head.dep_ == "poss" and head.head.dep_ in ("nsubj", "nsubjpass") and head.head.i < token.i:
            head = head.head  # "ASI's income is due to its subsidiary": the subject's owner
        acting = head.dep_ in ("nsubj", "nsubjpass") or (head.dep_ == "pobj" and _agent_of_clause(head, token))
        if acting and (head.sent.start < sent.start or (head.sent.start == sent.start and head.head.i < token.i)):
            # the subject of an earlier sentence, or of a clause before "its" in this one ("Marrowby will close
            # its stores, its parent company said"), or the agent of a passive ("owned by MUFG through its unit")
            return [_copy(span, via="coref", surface=token.text, **_at(token))]
    previous = _previous_subject(r, sent, para, quoted, antecedent)
    if previous is not None:
        # "Bachem has plants in ... and is building a site in the canton of Aargau. It also supplies Roche": the
        # subject of the sentence before, however many places that sentence names after it
        return [_copy(previous, via="coref", surface=token.text, **_at(token))]
    for span in candidates:
        if span.first < sent.start:
            return [_copy(span, via="coref", surface=token.text, **_at(token))]
    main = r.salient
    if main is not None and main.cls in classes and main.position < (para, token.i):
        # "it" with no company named in the sentences before it in its paragraph: the article's main company
        return [_copy(main, via="coref", surface=token.text, **_at(token))]
    return []


def _previous_subject(r, sent, para, quoted, antecedent):
    """The subject of the main verb of the sentence before, in the same paragraph, as ``antecedent`` takes it;
    None when it names nothing that fits (or is in a quote the pronoun is not in). A subject that is itself
    "it" is not followed back: on the training batches following it chose as many wrong firms as right ones
    (an earlier "it" resolved to the nearest name, not the firm the article is about)."""
    if sent.start == 0:
        return None
    previous = sent.doc[sent.start - 1].sent
    for subject in (c for c in previous.root.children if c.dep_ in ("nsubj", "nsubjpass")):
        if not quoted and speakers.in_quote(r, subject, para):
            continue
        span = antecedent(r.discourse.at(para, subject.i))
        if span is not None:
            return span
    return None


def _agent_of_clause(name, pronoun) -> bool:
    """The name is the "by" agent of the passive verb of the pronoun's own clause ("owned by MUFG through its
    subsidiary", not "supplied by Drava, while its frame comes from ...")."""
    if name.head.dep_ != "agent":
        return False
    verb = name.head.head
    clause = next((a for a in pronoun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return clause is not None and clause == verb


def _unread_speaker(r, subject) -> bool:
    """The subject of a verb of saying or denying that looks like a name (capitalised, singular, without a
    determiner) but is no mention: "it" in what it says is that speaker, whom the recogniser missed."""
    verbs = r.lex["reporting_verbs"] | set(r.ruleset.modality["negated"]["denials"])
    return (
        subject.head.lemma_.lower() in verbs
        and subject.text[:1].isupper()
        and subject.tag_ in ("NNP", "NN")
        and not any(c.dep_ in ("det", "poss") for c in subject.children)
    )


def they_antecedent(r, token, para, want, depth: int = 0):
    """The nearest plural group in the sentence before: a coordination, or a nationality group; where a
    product may stand, the nearest plural product named before ("its own charging cases; they are ..."); else
    the one firm the sentence before is about, spoken of in the plural ("CyberPower Systems was founded in 1997.
    They design ..."), following a chain of such "they" back three sentences at most (``depth``)."""
    doc = token.doc
    sent = token.sent
    if "Product" in want:
        for candidate in reversed(doc[max(0, sent.start - 60) : token.i]):
            if candidate.tag_ == "NNS" and candidate.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "conj"):
                phrase = r.phrase(candidate, para)
                if phrase is not None and phrase.cls == "Product":
                    return [_copy(phrase, via="coref", surface=token.text, **_at(token))]
                break
    if sent.start == 0:
        return []
    previous = doc[sent.start - 1].sent
    for candidate in reversed(list(previous)):
        if candidate.tag_ not in ("NNS", "NNPS") and not candidate.conjuncts:
            continue
        found = groups.group(r, candidate, para, want, 0)
        if found:
            return [_copy(found[0], surface=token.text, via="coref", **_at(token))]
    # "Velmora and Tornvik signed an agreement. They will build ...": the coordinated subject before
    subjects = [t for t in previous if t.dep_ in ("nsubj", "nsubjpass") and t.conjuncts]
    for subject in subjects[:1]:
        named = [r.discourse.at(para, t.i) for t in (subject, *subject.conjuncts)]
        named = [s for s in named if s is not None and s.cls in want and not s.demonym]
        if len(named) >= 2:
            return [_copy(s, surface=token.text, via="coref", **_at(token)) for s in named]
    # "CyberPower Systems was founded in 1997 ... They design and manufacture UPS systems": a firm spoken of in the
    # plural, as web pages and British English do, where the sentence before is about that one firm
    root = previous.root
    subjects = [t for t in root.children if t.dep_ in ("nsubj", "nsubjpass")]
    if "Company" in want and len(subjects) == 1 and not subjects[0].conjuncts:
        subject = subjects[0]
        firm = r.discourse.at(para, subject.i)
        if subject.lower_ == "they" and depth < 3:  # "... They design ... Their products include ...": the same firm
            found = they_antecedent(r, subject, para, {"Company"}, depth + 1)
            firm = found[0] if len(found) == 1 else None  # (two firms before: "they" is not one firm)
        if firm is not None and firm.cls == "Company" and not firm.demonym:
            return [_copy(firm, surface=token.text, via="coref", **_at(token))]
    return []
