"""Products named by noun phrases: "haul trucks", "grain and forage harvesters", "truck maker" -> trucks.

A product mention is built from a noun and the modifiers before it, minus
what is not part of the product's name: determiners, numbers and sizes
("136-tonne"), the maker or origin ("BelAZ", "Belarusian"), and words such as
"other" or "new" (the lexicon's ``which_words`` and ``not_kinds``). A gazetteer
category with that name is used when there is one.
"""

from __future__ import annotations

from ..gazetteer import Gazetteer
from ..inflect import plural
from .mentions import Discourse, Span, copy_span

__all__ = ["noun_phrase_product", "made_products", "market_products", "coordinated_modifiers"]

_AGENTS = ("Country", "Region", "Company", "Organization")


def _joining(token):
    """The last "and"/"or" among the words before a noun that join two of its modifiers as two products:
    "denim and home textiles", "reinforcing bar and wire rod" (the parser's reading: "denim" and "bar" modify the
    head, their conjunct with them). Not adjectives ("small and mid-sized tractors": one kind). None if none."""
    found = None
    for child in token.children:
        if child.dep_ not in ("compound", "amod", "nmod") or child.i > token.i:
            continue
        if child.pos_ not in ("NOUN", "PROPN") and not (child.pos_ == "ADJ" and child.dep_ == "nmod"):
            continue
        for cc in child.children:
            if cc.dep_ == "cc" and cc.lower_ in ("and", "or") and (found is None or cc.i > found.i):
                found = cc
    return found


def coordinated_modifiers(token, gazetteer: Gazetteer | None = None) -> tuple:
    """The products named before the "and" in a noun's modifiers ("denim" of "denim and home textiles", "reinforcing
    bar" of "reinforcing bar and wire rod"): the tokens heading them, for the noun's list of members. None when
    a member with the noun is the gazetteer's name of what the noun names ("grain and forage harvesters": kinds of
    harvesters)."""
    cc = _joining(token)
    if cc is None:
        return ()
    first = cc.head
    members = (first, *(c for c in first.children if c.dep_ == "conj" and c.i < cc.i))
    if gazetteer is not None and any(
        _same(gazetteer.lookup(f"{m.text} {token.text}"), gazetteer.lookup(token.text)) for m in members
    ):
        return ()
    return members


def _same(entry, other) -> bool:
    return entry is not None and other is not None and entry.id == other.id


def _split_member(token) -> bool:
    """Whether the token heads a product named before the "and" of a noun's coordinated modifiers."""
    head = token.head
    return head != token and token.i < head.i and token in coordinated_modifiers(head)


_FINITE = ("VBZ", "MD")  # a verb of the third person or a modal: never part of a noun phrase ("condensed",
# "gear" may be tagged VBD, VBP)


def _is_product(span) -> bool:
    return span is not None and span.cls == "Product"


def noun_phrase_product(
    token, para: int, discourse: Discourse, gazetteer: Gazetteer, lex, *, listed: bool = True
) -> Span | None:
    """A product (or sector) named by the noun phrase headed by ``token``, or None. ``listed``: whether a noun that
    names a party elsewhere may still name a product as a kind listed with products ("cylinder heads" beside
    "brake drums", :func:`_kind_in_product_list`); False tests a list's other members without that, so that the
    test does not recurse."""
    lemma = token.lemma_.lower()
    member = token.dep_ in ("compound", "amod", "nmod", "conj") and _split_member(token)
    as_noun = member or (
        token.pos_ == "ADJ"
        and token.dep_ in ("dobj", "pobj", "conj", "appos")
        and not any(c.dep_ in ("advmod", "npadvmod") for c in token.children)
    )  # "makes tailored outerwear" tagged ADJ
    if (token.pos_ not in ("NOUN", "PROPN") and not as_noun) or lemma in lex["not_products"] or len(token.text) < 2:
        return None
    offering = lemma in lex["generic_goods"] and any(
        c.dep_ in ("compound", "amod", "nmod") and c.i < token.i and c.lower_ not in lex["not_kinds"]
        for c in token.children
    )
    offering = offering or (
        lemma in lex["components"]
        and any(
            c.dep_ in ("compound", "nmod") and c.i < token.i and _is_product(discourse.at(para, c.i))
            for c in token.children
        )
    )  # "bus bodies", "truck cabs": a part of a named product, though "body" may also be an organisation
    if not offering and (
        lemma in lex["company_descriptors"]
        or lemma in lex["organization_descriptors"]
        or lemma in lex["person_descriptors"]
        or lemma in lex["group_nouns"]
        or lemma in lex["relation_nouns"]
    ):
        if not (listed and _kind_in_product_list(token, para, discourse, gazetteer, lex)):
            return None  # "food retailers", "European drug companies", "supplier Lumaveld": who, not what
        # (but "cloud services", "payment platforms": a kind of generic goods is what is offered; "brake drums,
        # cylinder heads and exhaust manifolds": a kind listed with products is one)
    if token.ent_type_ in ("MONEY", "QUANTITY", "PERCENT", "DATE", "TIME", "CARDINAL"):
        return None
    dets = [c for c in token.children if c.dep_ in ("det", "poss")]
    if any(d.lower_ in lex["partial_determiners"] for d in dets):
        return None
    if (
        token.pos_ == "NOUN"
        and any(d.lower_ in ("the", "this", "these", "those", "that") for d in dets)
        and not any(c.dep_ in ("compound", "amod", "nmod") and c.i < token.i for c in token.children)
    ):
        return None  # "the devices": a product named before, not a name of one
    own = any(c.lower_ == "own" for c in token.children)
    kind = any(
        c.dep_ in ("compound", "nmod") or (c.dep_ == "amod" and c.lower_ not in ("new", "other", "latest"))
        for c in token.children
        if c.i < token.i
    )
    if any(d.tag_ == "PRP$" for d in dets) and not own and not kind:
        return None  # "its machines": an anaphor, not a product name ("its Bluetooth chip" names a kind)
    keep = [token]
    modifiers = list(token.children)
    if member:  # "reinforcing bar and wire rod": the parser hangs "reinforcing" on "rod"; it goes with "bar"
        modifiers += [c for c in token.head.children if c.i < token.left_edge.i and not _split_member(c)]
    for child in modifiers:
        if child.dep_ in ("compound", "amod", "nmod") and child.i < token.i:
            if child.lower_ in lex["which_words"]:
                continue
            named = discourse.at(para, child.i)
            if named is not None and named.cls in _AGENTS + ("Person",):
                continue  # the maker or origin is not part of the product's name: "BelAZ mining equipment"
            if _is_size(child):
                continue  # "136-tonne", "220-tonne": a size, not a kind
            if child.tag_ in _FINITE:
                continue  # "manufactures, sells and services Beechcraft aircraft": a misread verb, not a kind
            if child.pos_ in ("ADJ", "NOUN", "PROPN", "VERB", "ADV"):
                keep.extend(
                    t for t in child.subtree if not (discourse.at(para, t.i) and discourse.at(para, t.i).cls in _AGENTS)
                )
    if token.pos_ == "PROPN" and any(
        t.lemma_.lower() in lex["company_descriptors"] or t.lemma_.lower() in lex["group_nouns"]
        for t in keep
        if t is not token
    ):
        return None  # "supplier Lumaveld", "drone developer Skyvale": a firm the NER missed, not a product
    tokens = sorted({t.i for t in keep})
    doc = token.doc
    cc = _joining(token)
    if cc is not None and not gazetteer.lookup(_text(doc, tokens)):
        tokens = [i for i in tokens if i > cc.i]  # "denim and home textiles": this noun's product is "home textiles"
    while (
        tokens[0] >= 2
        and doc[tokens[0] - 1].text == "-"
        and not doc[tokens[0] - 2].whitespace_
        and not doc[tokens[0] - 1].whitespace_
    ):
        tokens[:0] = [tokens[0] - 2, tokens[0] - 1]  # "e-bikes", "plant-based cartons"
    while tokens and (doc[tokens[0]].is_punct or doc[tokens[0]].pos_ in ("DET", "NUM", "PRON")):
        tokens.pop(0)
    if not tokens:
        return None
    first, last = tokens[0], tokens[-1] + 1
    text = _text(doc, tokens)
    bare = last - first == 1
    if member and bare and token.pos_ != "PROPN" and not _plural_alone(token) and lemma not in lex["mass_nouns"]:
        # "power and telecom cables": a bare noun before "and" is a kind of the head (power cables), where a
        # material or a named phrase stands alone ("denim and home textiles", "reinforcing bar and wire rod"),
        # and so does a plural before a head that only adjectives modify ("its own booms and hydraulic cylinders")
        text, bare = f"{text} {token.head.text}", False
    if bare and (lemma in lex["generic_goods"] or lemma in lex["generic_parts"]):
        return None
    if token.lower_ == "other" or (any(c.lower_ == "other" for c in token.children) and token.dep_ == "conj"):
        return None  # "A, B and other parts": the summary, not a product
    cls = "Sector" if lemma in lex["sector_heads"] else "Product"
    known = gazetteer.lookup(text) or (gazetteer.lookup(token.text) if bare else None)
    if (
        bare
        and known is None
        and token.tag_ not in ("NNS", "NNPS")
        and token.pos_ != "PROPN"
        and not member
        and lemma not in lex["product_descriptors"]
        and lemma not in lex["mass_nouns"]
        and not _material(token, dets, lex)
    ):
        return None  # a lone singular common noun ("the factory's move") names no product; one with no determiner
        # as an object or a list's member is a mass noun, a material ("produces fatty acids and glycerine")
    offset = discourse.paragraphs[para].offset
    start, end = offset + doc[first].idx, offset + doc[last - 1].idx + len(doc[last - 1].text)
    return _product_span(known, text, cls, para, first, last, start, end, "phrase", text)


def _material(token, dets, lex) -> bool:
    """A singular noun with no determiner that a making verb takes as its object, alone or in a list ("produces
    fatty acids and glycerine", "manufactures polypropylene"): a mass noun, so a material made (not "produces
    most of its tyres", not "provides guidance")."""
    if dets or token.pos_ != "NOUN" or token.tag_ != "NN" or not token.is_lower:
        return False
    if any(c.dep_ == "prep" for c in token.children):
        return False  # "most of its tyres", "control of the plant"
    first = token
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    return first.dep_ == "dobj" and first.head.lemma_.lower() in lex["making_verbs"]


def _kind_in_product_list(token, para: int, discourse: Discourse, gazetteer: Gazetteer, lex) -> bool:
    """A plural noun with a kind before it ("cylinder heads", "LNG carriers": a noun or a product's name, no
    party and no word of one, as "department" is) coordinated with a noun phrase that names a product by
    itself: "container ships and LNG carriers", "brake drums, cylinder heads and exhaust manifolds"."""
    if token.tag_ != "NNS":
        return False
    party_words = (
        lex["person_descriptors"]
        | lex["company_descriptors"]
        | lex["organization_descriptors"]
        | lex["organization_name_words"]
        | lex["group_nouns"]
    )
    kind = any(
        c.dep_ in ("compound", "nmod")
        and c.i < token.i
        and c.pos_ in ("NOUN", "PROPN")
        and c.lemma_.lower() not in party_words
        and _is_kind(discourse.at(para, c.i))
        for c in token.children
    )
    return kind and any(
        noun_phrase_product(c, para, discourse, gazetteer, lex, listed=False) is not None for c in token.conjuncts
    )


def _is_kind(span) -> bool:
    """No mention, or one of a product or sector ("LNG" in "LNG carriers"), not of a party."""
    return span is None or span.cls in ("Product", "Sector")


def _text(doc, tokens) -> str:
    # a hyphen hung on the head, not on the word before it, stays in ("Hall-effect", not "Halleffect")
    tokens = sorted({*tokens, *(i + 1 for i in tokens if i + 2 in tokens and doc[i + 1].text == "-")})
    text = "".join(doc[i].text + (doc[i].whitespace_ if i != tokens[-1] else "") for i in tokens)
    return " ".join(text.replace(" - ", "-").split())


def made_products(trigger, para: int, discourse: Discourse, gazetteer: Gazetteer, lex, maker_compounds) -> list[Span]:
    """What a maker makes: "carmaker" -> cars, "the truck maker" -> trucks, "electric-vehicle maker"."""
    offset = discourse.paragraphs[para].offset
    doc = trigger.doc
    start, end = offset + trigger.idx, offset + trigger.idx + len(trigger.text)
    compound = trigger.lower_ if trigger.lower_ in maker_compounds else trigger.lemma_.lower()  # "carmakers"
    if compound in maker_compounds:
        return [
            _product(
                gazetteer,
                str(maker_compounds[compound]),
                para,
                trigger.i,
                trigger.i + 1,
                start,
                end,
                trigger.text,
            )
        ]
    masked = discourse.paragraphs[para].masked
    out = []
    for child in trigger.children:
        if child.dep_ not in ("compound", "amod", "nmod") or child.i > trigger.i:
            continue
        if child.left_edge.idx < masked:
            continue  # "ZURICH, Oct 8 (Reuters) - Swiss train maker": nothing of the dateline is made
        if child.tag_ in ("JJS", "JJR", "RBS") or child.lower_ in lex["not_products"] or len(child.text) < 2:
            continue  # "Russia's largest truck maker"; "a contract manufacturer" makes no contracts
        known = discourse.at(para, child.i)
        if known is not None:
            if known.cls == "Product":  # "truck maker": the category "trucks"; "the Superjet 100 maker"
                out.append(copy_span(known, via="made"))
            continue
        if _is_size(child):
            continue  # "a 3 million tonne urea complex": a size, not a kind
        if (
            child.pos_ not in ("NOUN", "PROPN")
            and not (child.pos_ == "ADJ" and "-" in "".join(t.text for t in child.subtree))
            and not (child.pos_ == "VERB" and child.tag_ == "VBG")
        ):
            continue  # (a gerund tagged as a verb names a kind too: "railway signalling manufacturer")
        for words in _kinds(child):
            _add_made(out, words, trigger, para, discourse, gazetteer, lex, doc, offset)
    return out


def _is_size(modifier) -> bool:
    """A modifier that measures rather than names a kind: "136-tonne", "a 3 million tonne", "a $500 million"."""
    return any(t.like_num or t.ent_type_ in ("QUANTITY", "CARDINAL", "MONEY", "PERCENT") for t in modifier.subtree)


def _kinds(modifier) -> list[list]:
    """The words of each kind a maker's modifier names: "truck" of "truck maker"; "oil" and "soap" of "edible oil
    and soap maker" (coordinated nouns: two kinds)."""
    words = [t for t in modifier.subtree if not t.is_punct or t.text == "-"]
    cut = [t for t in modifier.children if t.dep_ == "cc" and t.lower_ in ("and", "or")]
    if not cut or modifier.pos_ not in ("NOUN", "PROPN"):
        return [words]
    members = [modifier, *(c for c in modifier.children if c.dep_ == "conj")]
    inside = {t.i for m in members[1:] for t in m.subtree}
    groups = [[t for t in words if t.i not in inside and t.dep_ != "cc" and t not in cut]]
    groups += [[t for t in m.subtree if not t.is_punct or t.text == "-"] for m in members[1:]]
    return [g for g in groups if g]


def _add_made(out, words, trigger, para, discourse, gazetteer, lex, doc, offset) -> None:
    """One kind a maker makes, from the words of its modifier (``made_products``)."""
    while words and (discourse.at(para, words[0].i) is not None and discourse.at(para, words[0].i).demonym):
        words = words[1:]  # "Czech railway signalling manufacturer": the nationality is no part of the kind
    while words and words[0].lower_ in lex["which_words"]:
        words = words[1:]  # "the UK's leading storage equipment manufacturer": which maker, not what it makes
    inside = [discourse.at(para, t.i) for t in words]
    if not words or any(m is not None and m.cls not in ("Product", "Sector") for m in inside):
        return  # a maker or a place inside the kind: "BelAZ mining equipment" (but "battery materials")
    first, last = min(t.i for t in words), max(t.i for t in words) + 1
    if out and out[-1].via == "made" and out[-1].last == first and out[-1].surface != trigger.text:
        first = out.pop().first  # "rolling stock assembler": two modifiers, one kind
    text = doc[first:last].text.replace(" - ", "-")
    name = plural(text.replace("-", " "), lex["mass_nouns"])
    out.append(
        _product(
            gazetteer,
            name,
            para,
            first,
            last,
            offset + doc[first].idx,
            offset + doc[last - 1].idx + len(doc[last - 1].text),
            text,
        )
    )


def _product_span(known, name, cls, para, first, last, start, end, via, surface, known_via="gazetteer") -> Span:
    """A product (or sector) span: the gazetteer's entry when ``known`` is a product or sector one (its name,
    class and id), else ``name`` of class ``cls`` found by ``via``."""
    if known is not None and known.cls in ("Product", "Sector"):
        name, cls, key, via = known.name, known.cls, known.id, known_via
    else:
        key = None
    return Span(
        name=name, cls=cls, key=key, para=para, first=first, last=last, start=start, end=end, via=via, surface=surface
    )


def _product(gazetteer: Gazetteer, name, para, first, last, start, end, surface) -> Span:
    """A product named after its maker's description: the surface ("truck maker") is not its name."""
    return _product_span(
        gazetteer.lookup(name), name, "Product", para, first, last, start, end, "made", surface, known_via="made"
    )


def _plural_alone(token) -> bool:
    """A plural before "and" that is a product of its own: the head it shares a list with has no noun before it
    ("booms and hydraulic cylinders"), where a noun there makes both kinds of the head ("sports and leisure
    equipment", "graphics and video cards")."""
    head = token.head
    between = [c for c in (*token.conjuncts, *head.children) if token.i < c.i < head.i]
    return token.tag_ == "NNS" and not any(c.pos_ in ("NOUN", "PROPN") for c in between)


def _not_named(discourse: Discourse, para: int, token, market, scope: frozenset[str]) -> bool:
    """Whether a word before a market noun is no name of its own: a place or firm says where or whose the market
    is ("the Indian smart meter market"), but an abbreviation nobody knows as a place is part of the kind the
    tagger took for one ("the IV equipment market", "the UV lamp market"), and a name that takes in the market
    noun itself, after a ``scope`` word, is the market's title ("the global Atomic Spectroscopy Market", "the
    Global Smart Meter Market"), no firm's or place's (but "the Kestrel Farmers Market" is a venue)."""
    span = discourse.at(para, token.i)
    return (
        span is None
        or (span.key is None and span.first <= market.i < span.last and _scoped(token.doc, span.first, scope))
        or (span.key is None and token.is_upper and len(token.text) <= 3 and span.first == span.last - 1)
    )


def _scoped(doc, first: int, scope: frozenset[str]) -> bool:
    """Whether a name at ``first`` opens with a scope word or follows one ("global", "worldwide")."""
    return doc[first].lower_ in scope or (first > 0 and doc[first - 1].lower_ in scope)


def market_products(token, para: int, discourse: Discourse, gazetteer: Gazetteer, lex) -> list[Span]:
    """What a market trades: "the global smart meter market" -> smart meters' kind, "smart meter"; the
    words before a market noun, minus how large or where ("global", "Indian"). [] for another noun."""
    if token.lemma_.lower() not in lex["market_nouns"]:
        return []
    doc = token.doc
    kinds = [
        c
        for c in token.children
        if c.dep_ in ("compound", "amod", "nmod")
        and c.i < token.i
        and c.lower_ not in lex["not_kinds"]
        and c.lower_ not in lex["scope_words"]
        and _not_named(discourse, para, c, token, lex["scope_words"])
        and not c.like_num
    ]
    if not kinds:
        return []
    words = sorted(
        {
            t.i
            for c in kinds
            for t in c.subtree
            if not (t.is_punct and t.text != "-")
            and t.pos_ != "DET"  # "the" hung on a modifier: "the global scanning probe microscopy market"
            and t.lower_ not in lex["not_kinds"]
            and t.lower_ not in lex["scope_words"]
            and _not_named(discourse, para, t, token, lex["scope_words"])
            and t.i < token.i
        }
    )
    if not words or words != list(range(words[0], words[-1] + 1)):
        return []  # the kind is the words right before the market noun, in one run
    first, last = words[0], words[-1] + 1
    if (
        doc[last - 1].pos_ not in ("NOUN", "PROPN")
        and doc[last - 1].dep_ != "compound"
        and not any(doc[i].pos_ in ("NOUN", "PROPN") for i in range(first, last - 1))
    ):
        # a kind ends in a noun ("smart meter"); "primary markets", "key markets" name none (but after a noun
        # the last word is one the tagger misread: "scanning probe microscopy", and a word the parser hangs on
        # the market noun as a compound is one: "the atomic spectroscopy market")
        return []
    text = doc[first:last].text.replace(" - ", "-")
    offset = discourse.paragraphs[para].offset
    start, end = offset + doc[first].idx, offset + doc[last - 1].idx + len(doc[last - 1].text)
    return [_product_span(gazetteer.lookup(text), text, "Product", para, first, last, start, end, "market", text)]
