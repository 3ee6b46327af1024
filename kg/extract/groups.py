"""Groups and lists an argument may stand for: the members of "such as" / "including" lists, a generic
plural named in the next sentence ("enterprises that ... These are MAZ and KAMAZ"), a counted group, and a
nationality group ("Belarusian enterprises", "the Russian side") that stands for its country."""

from __future__ import annotations

from .mentions import Span
from .mentions import copy_span as _copy
from .mentions import phrase_text as _phrase_text

__all__ = ["members", "group", "demonym_of", "has_demonym"]


def members(r, token, para, want, depth):
    """ "carmakers such as Renault, Volkswagen and Hyundai"; "enterprises ... These are MAZ and KAMAZ"."""
    for child in token.children:
        if child.dep_ != "prep":
            continue
        name = child.lower_
        lead = [c for c in child.children if c.dep_ in ("amod", "advmod") and c.i == child.i - 1]
        if lead:
            name = f"{lead[0].lower_} {name}"
        if name in r.lex["instance_prepositions"]:
            out = []
            for obj in child.children:
                if obj.dep_ == "pobj":
                    for member in (obj, *obj.conjuncts):
                        out.extend(r.resolve(member, para, want, depth + 1))
            if out and "Product" in want and (kind := r.phrase(token, para)) is not None:
                # "power management devices, including LED drivers": the kind is a product as well as its members
                # (but "carmakers such as Renault": the firms, not the group)
                out.insert(0, kind)
            if out:
                return out
    if token.tag_ in ("NNS", "NNPS") and token.lemma_.lower() in r.lex["group_nouns"]:
        number = count(token, r.ruleset.maps["number_words"])
        if number:
            # "Three Indian fertiliser companies are set to sign ... X and Y will each take ..., and Z ..."
            return counted_in_next_sentence(r, token, para, want, number)
        if not has_demonym(r, token, para):
            return named_in_next_sentence(r, token, para, want)
    return []


def counted_in_next_sentence(r, token, para, want, count: int):
    """The members of a counted group, when the next sentence names exactly that many of its kind."""
    doc = token.doc
    sent = token.sent
    if sent.end >= len(doc):
        return []
    nxt = doc[sent.end].sent
    classes = {"Company", "Organization"} & set(want) if token.lemma_.lower() not in ("country",) else {"Country"}
    out = []
    for t in nxt:
        span = r.discourse.at(para, t.i)
        if (
            span is not None
            and span.cls in classes
            and not span.demonym
            and span not in out
            and t.i == span.last - 1
            and t.dep_ in ("nsubj", "nsubjpass", "conj", "appos")
        ):
            out.append(span)
    return out if len(out) == count else []


def named_in_next_sentence(r, token, para, want):
    sent = token.sent
    doc = token.doc
    if sent.end >= len(doc):
        return []
    nxt = doc[sent.end].sent
    root = nxt.root
    if root.lemma_ != "be" or not any(
        c.dep_ == "nsubj" and c.lower_ in ("these", "they", "those") for c in root.children
    ):
        return []
    out = []
    for token in nxt:
        if token.dep_ in ("nsubj", "punct") or token.head.dep_ == "nsubj":
            continue
        span = r.discourse.at(para, token.i)
        if span is not None and span.cls in want and not span.demonym and span not in out:
            out.append(span)
    return out if len(out) >= 2 else []


def group(r, token, para, want, depth):
    """A group named only by a nationality stands for its country."""
    lemma = token.lemma_.lower()
    plural_group = lemma in r.lex["group_nouns"] and token.tag_ in ("NNS", "NNPS")
    # "the Russian side", "Russian money", and goods named only by origin ("Belarusian machinery")
    state_noun = lemma in r.lex["state_nouns"] or lemma in r.lex["origin_goods"]
    if not (plural_group or state_noun):
        return []
    if any(c.dep_ == "relcl" for c in token.children):
        return []  # "the Russian companies that had roots in ..." are some companies, not the country
    if any(c.dep_ == "det" and c.lower_ in r.lex["partial_determiners"] for c in token.children):
        return []
    if any(c.dep_ == "nummod" for c in token.children) and not many(token):
        return []  # "three Indian companies" are some companies, "about 40 Belarusian enterprises" the country
    countries = []
    for child in token.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod"):
            span = r.discourse.at(para, child.i)
            if span is not None and span.cls in ("Country", "Region") and (span.demonym or child.dep_ == "poss"):
                countries = [span]
        elif child.dep_ == "prep" and child.lower_ == "in" and plural_group:
            # "battery makers in China, South Korea and Japan": the group of each country listed
            for obj in (o for o in child.children if o.dep_ == "pobj"):
                spans = [r.discourse.at(para, t.i) for t in (obj, *obj.conjuncts)]
                spans = [s for s in spans if s is not None and s.cls == "Country"]
                if spans:
                    countries = spans
    return [
        _copy(country, via="group", first=token.i, last=token.i + 1, demonym=False, surface=_phrase_text(token))
        for country in countries
    ]


def many(token) -> bool:
    """A plural counted roughly or by the dozen ("about 40 enterprises", "more than 4,700 companies")."""
    for child in token.children:
        if child.dep_ != "nummod":
            continue
        if any(g.dep_ in ("quantmod", "advmod") for g in child.children):
            return True
        digits = child.text.replace(",", "")
        if digits.isdigit() and int(digits) >= 10:
            return True
    return False


def count(token, numbers) -> int:
    """The number a plural noun is counted with ("three companies" -> 3), or 0."""
    for child in token.children:
        if child.dep_ == "nummod":
            word = child.lower_
            if word in numbers:
                return int(numbers[word])
            if word.isdigit() and 1 < int(word) <= 10:
                return int(word)
    return 0


def has_demonym(r, token, para) -> bool:
    return demonym_of(r, token, para) is not None


def demonym_of(r, token, para) -> Span | None:
    """The country a noun is qualified by: "the Belarusian manufacturer", "the US company"."""
    for child in token.children:
        if child.dep_ in ("amod", "compound", "npadvmod", "nmod"):
            span = r.discourse.at(para, child.i)
            if span is not None and (span.demonym or span.cls == "Country"):
                return span
    return None
