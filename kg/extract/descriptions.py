"""Definite descriptions: "the company", "the carmaker", "the two countries", "the Belarusian leader", "his
country". Each chooses among the mentions before it by class, by fit (what the article called each candidate,
what it makes, where it is), by salience (the article's main entity, a sentence's subject) and by distance."""

from __future__ import annotations

from ..inflect import singular
from ..iri import normalize_name
from . import groups, speakers
from .frames import hyphen_word
from .mentions import Span, defined_term, descriptor_beside, same_entity
from .mentions import at_token as _at
from .mentions import copy_span as _copy
from .mentions import phrase_text as _phrase_text

__all__ = ["definite", "by_fit", "kinds", "best", "last_two", "led_by_owner", "country_of", "has_word"]


def definite(r, token, para, want, depth):
    """ "the company", "the two countries", "the Belarusian leader", "his country", "these companies"."""
    lemma = hyphen_word(token)
    dets = {c.lower_ for c in token.children if c.dep_ in ("det", "poss", "predet")}
    if token.pos_ in ("NUM", "PRON", "DET") and (token.lower_ == "both" or (token.lower_ == "two" and "the" in dets)):
        # "the two ended their arrangement", "both now compete": the last two named of a kind
        for cls in ("Company", "Country", "Person"):
            if cls in want:
                found = last_two(r, (para, token.i), (cls,), want)
                if len(found) == 2:
                    return found
        return []
    number = [c for c in token.children if c.dep_ == "nummod"]
    plural = token.tag_ in ("NNS", "NNPS")
    position = (para, token.i)
    demonym = groups.demonym_of(r, token, para)
    if lemma in r.lex["country_descriptors"] or lemma in r.lex["region_descriptors"]:
        classes = ("Country",) if lemma in r.lex["country_descriptors"] else ("Region", "Country")
        if lemma in r.lex["settlement_descriptors"]:
            classes = ("Region",)  # "based in the city": a city is never the country named last
        owner = dets & {"his", "her", "our", "their", "its"}
        if owner:
            led = led_by_owner(r, token, para, owner.pop(), classes)
            if led:
                return led
            return []
        if not dets & {"the", "this", "that", "these", "both"} or _of_name(r, token, para):
            return []  # "the capital of Kazakhstan" is told by its "of", not by what was named before
        if plural or (number and number[0].lower_ in ("two", "both")):
            return last_two(r, position, classes, want)
        candidates = list(r.discourse.before(position, classes))
        if lemma == "republic":
            # "the republic": the nearest entity called a republic, else a country; not the city named last
            republics = [s for s in candidates if has_word(r, s, "republic")]
            # a region that is a republic before a country that is one ("the head of the republic")
            republics = [s for s in republics if s.cls == "Region"] or republics
            candidates = republics or [s for s in candidates if s.cls == "Country"] or candidates
        main = r.salient_country
        same_sentence = [s for s in candidates if s.para == para and s.first >= token.sent.start and s.cls == "Country"]
        if (
            demonym is None
            and lemma == "country"
            and main is not None
            and not any(s.key != main.key for s in same_sentence)
            and any(s.key == main.key for s in r.discourse.before(position, ("Country",), limit=8, skip_demonyms=False))
        ):
            # "the country" in an article about one country, which was talked about just before (unless the
            # sentence named another: "it once made harnesses in Tunisia too, but ... left the country")
            candidates = [main] + [s for s in candidates if s.key != main.key]
        chosen = best(r, candidates, demonym)
        return [_copy(chosen, via="coref", surface=_phrase_text(token), **_at(token))] if chosen else []
    defined = defined_term(token, r.lex)
    if lemma in r.lex["company_descriptors"] or lemma in r.lex["organization_descriptors"] or defined:
        if defined:
            # "the Partnership", "the Registrant": the party the filing defined so, else a firm named before
            party = r.discourse.defined.get(token.lower_)
            if party is not None and party.position < position:
                return [_copy(party, via="coref", surface=_phrase_text(token), **_at(token))]
            lemma = "company"
        if "our" in dets:  # "our company" in a quote: what the speaker speaks for
            return speakers.speaker_entity(r, token, para, want)
        if not dets & {"the", "this", "that", "these", "both"}:
            return []
        if lemma in r.lex["no_antecedent"]:
            # "the venture" names no one before ("each take 22.5 percent of the venture"), unless the article
            # called a firm so ("the joint venture, Vardhan Kanto Steel": the nearest)
            called = [s for s in r.discourse.before(position, ("Company", "Organization")) if lemma in kinds(r, s)]
            return [_copy(called[0], via="coref", surface=_phrase_text(token), **_at(token))] if called else []
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if nxt is not None and (
            (nxt.pos_ == "PROPN" and (nxt.is_title or nxt.is_upper)) or (nxt.is_upper and nxt.is_alpha and len(nxt) > 1)
        ):
            return []  # "the tyre maker Belshina", "the contractor NFC", "the Saudi company SABIC" (however tagged):
            # the name that follows
        classes = ("Company",) if lemma in r.lex["company_descriptors"] else ("Organization",)
        if lemma in ("government", "authority", "authorities", "leadership"):
            return []
        owners = _of_firms(r, token, para)
        if owners:
            # "the Indian unit of Siemens, Siemens Ltd": a firm told by its relation to a named one is the name
            # set beside them, never merely the firm named last (which may be another's unit)
            return [_copy(s, surface=_phrase_text(token), **_at(token)) for s in _apposed_names(r, owners, para)]
        if plural or (number and number[0].lower_ in ("two", "both")):
            # "both carmakers": the last two the description fits, neither in the clause it is an argument of
            # ("harness makers Yazaki and Sumitomo supply both carmakers" names two others)
            clause, wanted = _argument_clause(token), _wanted_kinds(r, token, para)
            return last_two(
                r,
                position,
                classes,
                want,
                keep=lambda s: _fit(r, s, wanted) >= 0 and not _in_clause(r, s, para, clause),
            )
        firm = speakers.reporter_firm(r, token, para) if lemma in r.lex["generic_descriptors"] else None
        if firm is not None and firm.position < position:
            return [_copy(firm, via="coref", surface=_phrase_text(token), **_at(token))]  # the speaker's firm
        candidates = []
        clause = _argument_clause(token)
        for s in r.discourse.before(position, classes + ("Person", "Product") if "Company" in classes else classes):
            if s.cls in ("Person", "Product") and s.weak and " " not in s.name and r._as_modifier(s):
                s = _copy(s, cls="Company", weak=False)  # "Cummins engines": a name before a product
            if s.cls in classes and not (s.weak and s.cls != "Company") and not _in_clause(r, s, para, clause):
                candidates.append(s)
        if r.salient is not None and any(same_entity(s, r.salient) for s in candidates):
            # "the company" is, after a company just talked about, the one the article is about
            main = [s for s in candidates if same_entity(s, r.salient)]
            candidates = main[:1] + [s for s in candidates if not same_entity(s, r.salient)]
        if lemma in r.lex["site_descriptors"]:
            runner = _run_by(r, token, para)
            if runner is not None:
                return [_copy(runner, via="coref", surface=_phrase_text(token), **_at(token))]
            # "the plant", "the factory": a company named as a plant or factory, if one was named
            # (as the article calls it first, then the article's main company, then by its other names)
            called = [
                s for s in candidates if any(w in (s.surface or "").lower().split() for w in r.lex["site_descriptors"])
            ]
            main = [s for s in candidates if r.salient is not None and same_entity(s, r.salient)]
            sites = [s for s in candidates if any(has_word(r, s, w) for w in r.lex["site_descriptors"])]
            candidates = called or main[:1] or sites or candidates
        else:
            # "the brand", "the company": the one the last sentences were about (a subject) first
            recent = [
                s
                for s in r.discourse.before(position, classes, limit=6)
                if r._is_subject(s)
                and not s.weak
                and r._sentences_between(s, token, para) <= 1
                and not _in_clause(r, s, para, clause)
            ]
            candidates = recent + [s for s in candidates if s not in recent]
        chosen = best(r, by_fit(r, token, para, candidates), demonym)
        return [_copy(chosen, via="coref", surface=_phrase_text(token), **_at(token))] if chosen else []
    if (
        "Product" in want
        and lemma in r.lex["product_descriptors"]
        and not number
        and (dets & {"the", "this", "that", "these"} or _article_before_word(token) in ("the", "this", "that"))
    ):
        found = named_product(r, token, para, plural)
        if found:
            return found
    if lemma in r.lex["person_descriptors"] and "Person" in want:
        if not dets & {"the", "this", "that", "both"} and not (plural and number):
            return []
        if plural or number:
            found = last_two(r, position, ("Person",), want)
            return found
        return person_by_role(r, token, para, demonym)
    return []


def named_product(r, token, para, plural: bool = False) -> list[Span]:
    """ "the scanner", "the device" after "the Sirius U2, a handheld ultrasound scanner": the nearest model
    named before and described by the same noun; a generic noun ("device", "model") takes the nearest.
    A plural ("the earbuds" after "the Arvo K7 earbuds") only takes a model described by that noun."""
    lemma = token.lemma_.lower()
    generic = lemma in r.lex["generic_product_nouns"] and not plural
    for span in r.discourse.before((para, token.i), ("Product",), limit=8):
        entry = r.gazetteer.get(span.key)
        if span.weak or (entry is not None and entry.category):
            continue  # a kind of product ("trucks"), not a model
        doc = r.discourse.paragraphs[span.para].doc
        descriptor = descriptor_beside(doc, span.first, span.last)
        if generic or (descriptor is not None and descriptor.lemma_.lower() == lemma):
            return [_copy(span, via="coref", surface=_phrase_text(token), **_at(token))]
    return []


def person_by_role(r, token, para, demonym):
    """ "the president", "the Belarusian leader": the nearest fitting person, a subject before an object."""
    position = (para, token.i)
    state_role = token.lemma_.lower() in r.lex["state_titles"]
    fitting = []
    for span in r.discourse.before(position, ("Person",)):
        led = r.leads.get(span.name)
        if demonym is not None:
            if led is None or led.name != demonym.name:
                continue
        elif state_role and led is not None and led.cls not in ("Country", "Region"):
            continue
        fitting.append(span)
    if not fitting:
        return []
    subjects = [s for s in fitting if r._is_subject(s)]
    best = subjects[0] if subjects else fitting[0]
    return [_copy(best, via="coref", surface=_phrase_text(token), **_at(token))]


def last_two(r, position, classes, want, keep=lambda span: True):
    out, names = [], set()
    for span in r.discourse.before(position, classes):
        if span.name in names or span.weak or not keep(span):
            continue
        names.add(span.name)
        out.append(span)
        if len(out) == 2:
            return [s for s in out if s.cls in want]
    return []


def best(r, candidates: list[Span], demonym: Span | None) -> Span | None:
    """The nearest candidate; with a nationality word, the nearest known to be of that country; else,
    among those whose country is unknown, the article's main company, or the nearest in the paragraph."""
    if demonym is None:
        return candidates[0] if candidates else None
    known = [s for s in candidates if country_of(r, s) == demonym.key]
    if known:
        return known[0]
    unknown = [s for s in candidates if country_of(r, s) is None]
    main = [s for s in unknown if r.salient is not None and same_entity(s, r.salient)]
    if main:
        return main[0]
    near = [s for s in unknown if s.para == demonym.para]
    return max(near, key=lambda s: s.first) if near else None


def by_fit(r, anaphor, para, candidates: list[Span]) -> list[Span]:
    """The candidates, those the description fits first and those it cannot fit last: "the carmaker" is
    the one the article called a carmaker (or that makes cars), not the steelmaker named after it.
    Otherwise the order (salience, subjects, distance) stands."""
    wanted = _wanted_kinds(r, anaphor, para)
    if not wanted:
        return candidates
    return sorted(candidates, key=lambda s: -_fit(r, s, wanted))


def _wanted_kinds(r, anaphor, para) -> set[str]:
    return kinds_of_noun(r, anaphor, para) - r.lex["generic_descriptors"]


def _fit(r, span: Span, wanted: set[str]) -> int:
    """1 when what the article calls ``span`` (or its name says) is one of the ``wanted`` kinds, -1 when the
    article calls it something else, 0 when it says nothing of it (or nothing is wanted)."""
    if not wanted:
        return 0
    called = kinds(r, span) - r.lex["generic_descriptors"]
    return 1 if (called | named_kinds(span)) & wanted else (-1 if called else 0)


def kinds(r, span: Span) -> frozenset[str]:
    """What the article calls an entity: the descriptor nouns beside its mentions ("Geely, the carmaker",
    "the truck maker KAMAZ", "BYD is a carmaker"), and what those makers make."""
    if not hasattr(r, "_kind_cache"):
        r._kind_cache: dict[str, set[str]] = {}
        for mention in r.discourse.spans:
            if mention.via not in ("gazetteer", "ner", "alias", "descriptor") or mention.demonym:
                continue
            doc = r.discourse.paragraphs[mention.para].doc
            nouns = [descriptor_beside(doc, mention.first, mention.last)]
            head = doc[mention.last - 1]
            if head.dep_ == "nsubj" and head.head.lemma_ == "be":
                nouns += [c for c in head.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
            found = r._kind_cache.setdefault(mention.key or normalize_name(mention.name), set())
            for noun in nouns:
                if noun is not None:
                    found |= kinds_of_noun(r, noun, mention.para)
    return frozenset(r._kind_cache.get(span.key or normalize_name(span.name), ()))


def named_kinds(span: Span) -> frozenset[str]:
    """What a firm's name says it makes: "Baltic Cable" is a cable maker (a name that says nothing of the kind,
    "Andes Cobre", is no evidence against it)."""
    return frozenset(f"maker of {singular(word)}" for word in span.name.lower().split()[1:] if word.isalpha())


def kinds_of_noun(r, noun, para) -> set[str]:
    """A descriptor noun's kinds: its lemma, and for a maker what it makes ("carmaker" -> "maker of car")."""
    kinds = {hyphen_word(noun)}
    if noun.lemma_.lower() in r.lex["maker_nouns"] or noun.lower_ in r.ruleset.maps.get("maker_compounds", {}):
        kinds |= {f"maker of {singular(p.name.lower())}" for p in r.made(noun, para)}
    return kinds


def country_of(r, span: Span) -> str | None:
    """The country a mention's entity is in: from the gazetteer, or as the article states it."""
    entry = r.gazetteer.get(span.key)
    if entry is not None and (entry.country or entry.cls == "Country"):
        return entry.country or entry.id
    return r.located.get(span.key or normalize_name(span.name))


def has_word(r, span: Span, word: str) -> bool:
    names = [span.name, span.surface]
    entry = r.gazetteer.get(span.key)
    if entry is not None:
        names += list(entry.aliases)
    return any(word in n.lower().split() for n in names if n)


def led_by_owner(r, token, para, owner_word, classes):
    """ "his country" -> the country the person leads; "our republic" -> the speaker's."""
    if owner_word in ("our",):
        return speakers.speaker_entity(r, token, para, classes)
    person = None
    for span in r.discourse.before((para, token.i), ("Person",)):
        person = span
        break
    if person is None:
        return []
    led = r.leads.get(person.name) or speakers.affiliation(r, person)
    if led is not None and led.cls in classes:
        return [_copy(led, via="coref", surface=_phrase_text(token), **_at(token))]
    return []


def _argument_clause(token):
    """The verb a description is an argument of ("held ... a stake in the retailer"), or None when it
    describes a name beside it (an apposition, a copula's noun, a relative clause's head)."""
    t = token
    while t.head != t and t.pos_ not in ("VERB", "AUX"):
        if t.dep_ in ("appos", "attr", "acl", "relcl"):
            return None
        t = t.head
    return t if t.pos_ in ("VERB", "AUX") else None


def _in_clause(r, span: Span, para: int, clause) -> bool:
    """A name in the clause of the verb a description is an argument of: the description names someone else
    ("The firm, via its affiliate X, held 11% of the retailer": the retailer is neither the firm nor X)."""
    if clause is None or span.para != para:
        return False
    t = r.discourse.paragraphs[para].doc[span.last - 1]
    if t.sent.start != clause.sent.start:
        return False
    while t.head != t and t.pos_ not in ("VERB", "AUX"):
        t = t.head
    return t == clause


def _article_before_word(token) -> str:
    """The word before a (hyphenated) noun, lower case: "the" in "The e-bike's motor", where the small
    model hangs the article on "motor"."""
    doc = token.doc
    i = token.i
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        i -= 2
    return doc[i - 1].lower_ if i > 0 else ""


def _run_by(r, token, para):
    """ "The plant, now run by LG Energy Solution, ...": the firm a participle after a site says runs it."""
    for clause in token.children:
        if clause.dep_ == "acl" and clause.lemma_ in r.lex["running_verbs"]:
            for agent in (c for c in clause.children if c.dep_ == "agent"):
                for name in (c for c in agent.children if c.dep_ == "pobj"):
                    span = r.discourse.at(para, name.i)
                    if span is not None and span.cls == "Company":
                        return span
    return None


def _of_firms(r, token, para) -> list:
    """The tokens of the firms or bodies named in a noun's "of" ("the unit of Siemens", "the largest customer
    of Bosch"), or []."""
    return [
        obj
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
        if obj.dep_ == "pobj"
        and (span := r.discourse.at(para, obj.i)) is not None
        and span.cls in ("Company", "Organization")
    ]


def _apposed_names(r, owners, para) -> list:
    """The name in apposition to the owner's name, which the parser hangs there instead of on the
    description before it ("the Indian unit of Siemens, Siemens Ltd")."""
    out = []
    for owner in owners:
        for appos in (c for c in owner.children if c.dep_ == "appos"):
            span = r.discourse.at(para, appos.i)
            if span is not None and span.cls == "Company":
                out.append(span)
    return out[:1]


def _of_name(r, token, para) -> bool:
    """Whether a noun is followed by "of" and a name ("the capital of Kazakhstan", "the city of Detroit")."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and any(obj.dep_ == "pobj" and r.discourse.at(para, obj.i) is not None for obj in prep.children)
        for prep in token.children
    )
