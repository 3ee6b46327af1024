"""From an argument token to the entities it stands for.

An argument of a rule is a token; this module says which entities it names:

- the mention it is part of ("KAMAZ", "the Kovdor Mining and Processing Plant");
- for a descriptor noun, the name it describes ("the Belshina plant", "the
  plant ..., known as Renault Russia", "a holding that builds ..." apposed to
  Amkodor);
- the members of "such as" / "including" lists, and of a generic plural named
  in the next sentence ("enterprises that ... These are MAZ and KAMAZ");
- a nationality group ("Belarusian enterprises", "plants in Belarus", "the
  Russian side") stands for its country, unless a relative clause or a number
  narrows it to some members;
- definite descriptions ("the company", "the Naberezhnye Chelny-based
  manufacturer", "the two countries", "the Belarusian leader", "his country")
  take the nearest fitting mention before them;
- pronouns: "we"/"us"/"our" in a quote stand for what the speaker speaks for
  (quotes and speakers: :mod:`kg.extract.speakers`); "he", "it", "they" for
  the nearest fitting mention;
- otherwise, where a product may stand, the noun phrase itself names a
  product (:mod:`kg.extract.products`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..gazetteer import Gazetteer
from ..iri import normalize_name
from ..spans import generic_name
from . import descriptions, groups, pronouns, speakers
from .frames import apposed_to, described, hung_as_clause, hyphen_word, with_share
from .mentions import Discourse, Span, defined_term, full_name_of, infer_class, name_head, same_entity, word_piece
from .mentions import at_token as _at
from .mentions import copy_span as _copy
from .mentions import phrase_text as _phrase_text
from .products import made_products, market_products, noun_phrase_product
from .rules import RuleSet

__all__ = ["Resolver", "ArticleFacts"]

_AGENTS = ("Country", "Region", "Company", "Organization")


@dataclass(frozen=True)
class ArticleFacts:
    """What a first pass of the rules established about an article, for the next to read."""

    leads: Mapping[str, Span] = field(default_factory=dict)  # person name -> what they lead
    located: Mapping[str, str] = field(default_factory=dict)  # entity identity -> the country it is in


class Resolver:
    """Resolves argument tokens of one article to mentions: the core (names, descriptors, models, the
    article's main entities) here; definite descriptions in :mod:`.descriptions`, groups and lists in
    :mod:`.groups`, pronouns in :mod:`.pronouns`, quotes and speakers in :mod:`.speakers`."""

    def __init__(
        self, discourse: Discourse, gazetteer: Gazetteer, ruleset: RuleSet, facts: ArticleFacts = ArticleFacts()
    ):
        self.discourse = discourse
        self.gazetteer = gazetteer
        self.ruleset = ruleset
        self.lex = ruleset.lexicon
        self.facts = facts
        self.leads = facts.leads
        self.located = facts.located
        self.speaks_for: dict[str, Span] = {}  # unnamed office holder ("director of MAZ") -> organisation (its own)
        self.quotes = discourse.quotes  # the quoted passages of each paragraph
        self._speakers: dict[tuple[int, int], Span | None] = {}

    def resolve(
        self, token, para: int, want, depth: int = 0, *, modifier: bool = False, strict: bool = False
    ) -> list[Span]:
        """The mentions a token stands for, limited to the classes in ``want``.

        ``modifier``: the token fills a modifier role, where a nationality word
        ("Belarusian") names its country; elsewhere it names nothing.
        ``strict``: only names and the descriptors of names, no coreference.
        """
        if (
            depth > 3
            or token.idx < self.discourse.paragraphs[para].masked
            or token.i in token.doc.user_data.get("kg_tickers", ())
        ):
            return []  # a wire story's dateline ("MANILA, Oct 8 (Reuters) -") and tickers name no party
        span = self.discourse.at(para, token.i)
        if span is not None:
            if span.demonym and not modifier:
                return []
            entry = self.gazetteer.get(span.key)
            if entry is not None and entry.category and not strict:
                # "MC-21 and Superjet 100 aircraft": the named models, not the category;
                # "road-building and utility machinery": the longer phrase, not "machinery"
                named = self._fit(self._modifiers(token, para, want), want)
                if named:
                    return named
                origin = self._fit(groups.group(self, token, para, want, depth), want)
                if origin:
                    return origin  # "Belarusian machinery": the country it comes from
                phrase = self.phrase(token, para)
                longer = phrase is not None and phrase.last - phrase.first > span.last - span.first
                listed = [
                    m
                    for m in self._fit(groups.members(self, token, para, want, depth), want)
                    if not (m.para == span.para and m.first <= token.i < m.last)
                ]
                if listed:  # "steel products, including coils and rebar": the category and its listed kinds
                    return self._fit([phrase if longer else _owned_model(span, token, want), *listed], want)
                if longer:
                    return self._fit([phrase], want)
            return self._fit([_owned_model(span, token, want)], want)
        if token.text[:1].isupper() and token.lower_.replace(".", "") in self.lex["company_name_suffixes"]:
            # "Lukoil PJSC, Russia's ...": a legal suffix is the firm's before it, never a name of its own
            before = self.discourse.at(para, token.i - 1) if token.i > 0 else None
            return self._fit([before], want) if before is not None and before.cls == "Company" else []
        if token.pos_ == "PRON" or token.tag_ in ("PRP", "PRP$", "WP", "WDT") or token.lower_ == "both":
            return [] if strict else self._fit(pronouns.pronoun(self, token, para, want), want)
        if token.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM", "X") and not _name_like(token):
            return []
        if (
            not strict
            and token.pos_ == "NOUN"
            and token.lemma_.lower() in self.lex["site_descriptors"]
            and ("Company" in want or "Organization" in want)
            and token.dep_ == "pobj"
            and token.head.lower_ in ("to", "for", "into")
        ):
            # "ammonia to Atlas's plants", "quinoa to Brannoch's factory", "cells to the new factory of BMW": a
            # firm's site receiving goods stands for the firm (but "Renault's own plant in Moscow" is a plant of
            # its own)
            owners = [c for c in token.children if c.dep_ == "poss"] + [
                o
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for o in c.children
                if o.dep_ == "pobj"
            ]
            for owner in owners:
                found = [s for s in self.resolve(owner, para, want, depth + 1) if s.cls in ("Company", "Organization")]
                if found:
                    return [_copy(f, via="coref", surface=_phrase_text(token), **_at(token)) for f in found]
        # a descriptor's name; the members of a list or group; a group's country; a definite description;
        # the names that modify a generic noun
        finders = (
            (self._named,)
            if strict
            else (
                self._named,
                lambda *a: groups.members(self, *a),
                lambda *a: groups.group(self, *a),
                lambda *a: descriptions.definite(self, *a),
                self._modifiers,
            )
        )
        for finder in finders:
            found = self._fit(finder(token, para, want, depth), want)
            if found:
                return found
        if strict:
            return []
        if (
            (token.pos_ == "PROPN" or _name_like(token))
            and any(c in want for c in _AGENTS + ("Person",))
            and not defined_term(token, self.lex)
        ):  # "the Registrant" with no party named before it names nobody
            proper = self._proper(token, para)
            found = self._fit([_owned_model(proper, token, want)] if proper is not None else [], want)
            if found:
                return found
        if "Product" in want or "Sector" in want:
            phrase = self.phrase(token, para)
            if phrase is not None:
                return self._fit([phrase], want)
        return []

    def _fit(self, spans, want) -> list[Span]:
        """Keep the spans of wanted classes; a weakly classed name takes the class the rule expects."""
        out = []
        for span in spans:
            if (
                span.weak
                and span.cls in ("Person", "Region")
                and span.cls not in want
                and "Company" in want
                and " " not in span.name
            ):
                # "Garra's production", "Foxconn assembles": a one-word name the model took for a person or
                # a place (the world's places are in the gazetteer) acting as a firm
                span = _copy(span, cls="Company", weak=False)
            if (
                span.cls == "Region"
                and span.key is None
                and not span.demonym
                and span.via == "ner"
                and not want & {"Region", "Country"}
                and want & {"Company", "Organization"}
            ):
                # "Kinross acquired Echo Bay": a name the recogniser took for a place, where only a firm or a
                # body can stand, is one (a guess of the sentence's)
                span = _copy(span, cls="Company" if "Company" in want else "Organization", weak=True)
            if span.cls not in want and span.weak:
                # countries are all in the gazetteer: a guess never becomes one
                for cls in ("Company", "Organization", "Region", "Person", "Product"):
                    if cls == "Region" and span.cls in ("Person", "Company"):
                        continue  # a name the model took for a person or a firm is not a place (the world's
                        # places are in the gazetteer)
                    if cls in want:
                        span = _copy(span, cls=cls, weak=False)
                        break
            if span.cls in want:
                out.append(span)
        return out

    def stand_for(self, span: Span) -> Span:
        """A head of state or company for what they lead; a capital for its country."""
        if span.cls == "Person":
            led = self.leads.get(span.name)
            if led is not None:
                return _copy(
                    led,
                    via="coref",
                    first=span.first,
                    last=span.last,
                    start=span.start,
                    end=span.end,
                    surface=span.surface or span.name,
                )
            return span
        entry = self.gazetteer.get(span.key)
        if entry is not None and entry.capital_of:
            country = self.gazetteer[entry.capital_of]
            return _copy(
                span, name=country.name, cls=country.cls, key=country.id, via="coref", surface=span.surface or span.name
            )
        return span

    def made(self, trigger, para) -> list[Span]:
        """What a maker makes (:func:`kg.extract.products.made_products`)."""
        return made_products(
            trigger, para, self.discourse, self.gazetteer, self.lex, self.ruleset.maps.get("maker_compounds", {})
        )

    def market(self, token, para) -> list[Span]:
        """What a market noun says is traded (:func:`kg.extract.products.market_products`)."""
        return market_products(token, para, self.discourse, self.gazetteer, self.lex)

    def nation(self, token, para) -> list[Span]:
        """The country whose nationality word opens a body's or a firm's name: "the Armenian Ministry of
        Economy", "Russian Railways" (a name that merely contains a country, "Bank of China", names none)."""
        span = self.discourse.at(para, token.i)
        if span is None or span.cls not in ("Company", "Organization") or not span.surface or span.key:
            return []  # (a known body's place is the gazetteer's business: "the Belarusian government")
        entry = self.gazetteer.demonym(span.surface.split()[0])
        if entry is None or entry.cls != "Country":
            return []
        doc = self.discourse.paragraphs[span.para].doc
        return [
            Span(
                name=entry.name,
                cls=entry.cls,
                key=entry.id,
                para=span.para,
                first=span.first,
                last=span.first + 1,
                start=span.start,
                end=span.start + len(doc[span.first].text),
                via="gazetteer",
                surface=doc[span.first].text,
            )
        ]

    def ministry(self, title, para) -> list[Span]:
        """The ministry a minister's title names, where the article names it: "Minister of Economy X" and
        "Economy Minister X" head "the Ministry of Economy" (its portfolio words all in the ministry's name)."""
        words = {t.lower_ for t in title.subtree if t.i != title.i and t.lower_ in self.lex["portfolio_words"]}
        words |= {
            t.lower_
            for c in title.children
            if c.dep_ in ("compound", "amod") and c.i < title.i
            for t in c.subtree
            if t.lower_ in self.lex["portfolio_words"]
        }
        if not words:
            return []
        for span in self.discourse.spans:
            name = set(span.name.lower().replace(",", " ").split())
            if span.cls == "Organization" and name & {"ministry", "department"} and words <= name:
                return [_copy(span, via="coref", surface=title.text, **_at(title))]
        return []

    def phrase(self, token, para) -> Span | None:
        """A product named by a noun phrase (:func:`kg.extract.products.noun_phrase_product`)."""
        return noun_phrase_product(token, para, self.discourse, self.gazetteer, self.lex)

    def speaker(self, token, para) -> Span | None:
        """Who is quoted, when the token is inside a quote (:func:`kg.extract.speakers.speaker`)."""
        return speakers.speaker(self, token, para)

    def in_quote(self, token, para) -> bool:
        return speakers.in_quote(self, token, para)

    def domestic_partner(self, country: Span, other: Span, position) -> Span | None:
        return speakers.domestic_partner(self.discourse, self.gazetteer, country, other, position)

    def _named(self, token, para, want, depth):
        """A descriptor's name: apposition, "known as X", "the Belshina plant", a name right after it."""
        lemma = hyphen_word(token)
        descriptor = (
            lemma in self.lex["company_descriptors"]
            or lemma in self.lex["organization_descriptors"]
            or lemma in self.lex["region_descriptors"]
        )
        if not descriptor:
            return []
        for child in token.children:
            if child.dep_ == "appos" and self.discourse.at(para, child.i) and not with_share(child):
                # "the national oil company KazMunayGas and CNPC": the name and those coordinated with it
                named = [self.discourse.at(para, t.i) for t in (child, *child.conjuncts)]
                return [n for n in named if n is not None]
            if child.dep_ == "acl" and child.lemma_ in ("know", "call", "name", "register", "brand"):
                for prep in child.children:
                    if prep.dep_ in ("prep", "oprd") and prep.lower_ == "as":
                        for obj in prep.children:
                            if self.discourse.at(para, obj.i):
                                return [self.discourse.at(para, obj.i)]
        if token.dep_ == "appos" and self.discourse.at(para, token.head.i):
            # "Geely, the carmaker, and Baosteel": the name it is apposed to; "X and Y, the two partners": all
            plural = token.tag_ in ("NNS", "NNPS")
            heads = [
                self.discourse.at(para, t.i)
                for t in ((token.head, *token.head.conjuncts) if plural else (apposed_to(token),))
            ]
            return [h for h in heads if h is not None]
        if (
            token.dep_ == "conj"
            and token.head.pos_ == "PROPN"
            and self.discourse.at(para, token.head.i)
            and token.tag_ == "NN"
            and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        ):
            own = self.discourse.at(para, token.i + 1) if token.i + 1 < len(token.doc) else None
            if own is not None and not own.demonym:
                return [own]  # "the carmaker Hayase Motor and the engine maker Brandt": its own name after it
            return [self.discourse.at(para, token.head.i)]  # "Uralchem, one of ... and the owner of ..."
        if lemma in self.lex["company_descriptors"]:
            for child in token.children:
                if child.dep_ == "compound":
                    span = self.discourse.at(para, child.i)
                    if span is not None and span.cls in ("Company", "Organization") and not span.demonym:
                        return [span]
        doc = token.doc
        if token.i + 1 < len(doc):
            nxt = self.discourse.at(para, token.i + 1)
            if (
                nxt is not None
                and not nxt.demonym
                and doc[token.i + 1].head == token.head
                and doc[token.i + 1].dep_ == token.dep_
            ):
                return [nxt]  # "The elevator maker Liftmash" parsed as two subjects
            if nxt is not None and not nxt.demonym and nxt.first == token.i + 1 and hung_as_clause(doc[nxt.last - 1]):
                return [nxt]  # "a stake in Portuguese parts maker OGMA from Airbus", the name hung on the verb
        if token.dep_ == "compound" and self.discourse.at(para, token.head.i):
            return [self.discourse.at(para, token.head.i)]  # "potash miner Uralkali"
        if (
            lemma in self.lex["region_descriptors"]
            and lemma not in ("capital", "area")
            and token.tag_ == "NN"
            and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        ):
            # "the central Anatolian province of Ankara", "the city of Detroit": the place named after "of"
            # (but "a region of Russia" is a part of it, and "the capital of France" is another place)
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    places = [self.discourse.at(para, obj.i) for obj in prep.children if obj.dep_ == "pobj"]
                    places = [p for p in places if p is not None and p.cls == "Region" and not p.demonym]
                    if places:
                        return places
        if token.dep_ == "attr" and token.head.lemma_ == "be" and lemma in self.lex["company_descriptors"]:
            subjects = [self.discourse.at(para, c.i) for c in token.head.children if c.dep_ == "nsubj"]
            if subjects and subjects[0] is not None and not subjects[0].demonym:
                return [subjects[0]]  # "Kolaka is a venture in which Huayou holds 53.5 percent": the venture is Kolaka
        if token.dep_ == "pobj" and token.head.lower_ in ("of", "among"):
            said_of = described(token)  # "one of Russia's largest producers"
            if said_of is not None and self.discourse.at(para, said_of.i):
                return [self.discourse.at(para, said_of.i)]
        return []

    @property
    def salient(self) -> Span | None:
        """The company the article is about: the one named most often (first named on a tie), if twice."""
        if not hasattr(self, "_salient"):
            counts: dict[str, list[Span]] = {}
            for span in self.discourse.spans:
                if span.cls == "Company" and not span.demonym:
                    counts.setdefault(span.key or normalize_name(span.name), []).append(span)
            best = sorted(counts.values(), key=lambda spans: (-len(spans), spans[0].position))
            self._salient = best[0][0] if best and len(best[0]) >= 2 else None
        return self._salient

    @property
    def salient_country(self) -> Span | None:
        """The country the article is about: named (or its nationality word used) most often, at least
        three times and more often than any other."""
        if not hasattr(self, "_salient_country"):
            counts: dict[str, list[Span]] = {}
            for span in self.discourse.spans:
                if span.cls == "Country" and span.key:
                    counts.setdefault(span.key, []).append(span)
            ranked = sorted(counts.values(), key=lambda spans: -len(spans))
            best = ranked[0] if ranked and len(ranked[0]) >= 3 else None
            if best is not None and len(ranked) > 1 and len(ranked[1]) == len(best):
                best = None
            self._salient_country = (
                None
                if best is None
                else next((s for s in best if not s.demonym), None) or _copy(best[0], demonym=False)
            )
        return self._salient_country

    @property
    def narrator(self) -> Span | None:
        """Who "we" and "our" stand for outside any quote: the firm a filing defines so ('("Harlow," the
        "Company," "we," "us" or "our")'), else, in a text a firm writes of itself (an "about us" page, a
        report: "we", "us" or "our" at least twice outside quotes), the company it names most often."""
        if not hasattr(self, "_narrator"):
            defined = self.discourse.defined.get("we")
            if defined is None and self.salient is not None:
                said = sum(
                    1
                    for para in self.discourse.paragraphs
                    for token in para.doc
                    if token.lower_ in self.lex["first_person_plural"]
                    and not speakers.in_quote(self, token, para.index)
                )
                defined = self.salient if said >= 2 else None
            self._narrator = defined
        return self._narrator

    @property
    def main_country(self) -> Span | None:
        """The salient country, when the article is more about it than about any firm: named at least as often
        as the most often named company (a bare "President" in a firm's profile is the firm's)."""
        if not hasattr(self, "_main_country"):
            country, company = self.salient_country, self.salient
            if country is not None and company is not None:
                mentions = [s for s in self.discourse.spans if s.cls in ("Country", "Company")]
                of_country = sum(1 for s in mentions if s.cls == "Country" and s.key == country.key)
                of_company = sum(1 for s in mentions if same_entity(s, company))
                country = country if of_country >= of_company else None
            self._main_country = country
        return self._main_country

    def _sentences_between(self, span: Span, token, para: int) -> int:
        """How many sentence starts lie between a mention and a token (a rough distance)."""
        if span.para != para:
            return 99
        doc = token.doc
        return sum(1 for t in doc[span.first + 1 : token.i + 1] if t.is_sent_start)  # the token's own sentence counts

    def _as_modifier(self, span: Span) -> bool:
        """The name modifies a noun ("Cummins engines", "Cummins's plant")."""
        token = self.discourse.paragraphs[span.para].doc[span.last - 1]
        return token.dep_ in ("compound", "poss") and token.head.pos_ == "NOUN"

    def _is_subject(self, span: Span) -> bool:
        doc = self.discourse.paragraphs[span.para].doc
        token = doc[span.last - 1]
        while token.dep_ in ("compound", "flat", "appos") and token.head.i != token.i:
            token = token.head
        return token.dep_ in ("nsubj", "nsubjpass")

    def _modifiers(self, token, para, want, depth=0):
        """ "the MC-21 and Superjet 100 aircraft", "its GAZon Next and Valdai trucks": a generic product noun
        with named models before it stands for them (:meth:`models`)."""
        if "Product" not in want or not self._product_noun(token, para):
            return []
        return self.models(token, para)

    def _product_noun(self, token, para) -> bool:
        """A word for a kind of product ("trucks", "drink"), whether the gazetteer has it as a category or not."""
        if token.lemma_.lower() in self.lex["product_descriptors"]:
            return True
        span = self.discourse.at(para, token.i)
        entry = self.gazetteer.get(span.key) if span is not None else None
        return entry is not None and entry.category

    def models(self, token, para) -> list[Span]:
        """The models named before a product noun: "its GAZon Next and Valdai trucks", "Havrefjord's Barista
        Oat drink", "the Chazor and Song Plus Champion hybrids". Known products, and capitalised names
        the NER missed or could not class, become Product mentions; makers ("BelAZ dump trucks") do not."""
        doc = token.doc
        offset = self.discourse.paragraphs[para].offset
        out: list[Span] = []
        chunk: list = []

        def close():
            if chunk:
                first, last = chunk[0].i, chunk[-1].i + 1
                text = doc[first:last].text
                out.append(
                    Span(
                        name=text,
                        cls="Product",
                        key=None,
                        para=para,
                        first=first,
                        last=last,
                        start=offset + doc[first].idx,
                        end=offset + doc[last - 1].idx + len(doc[last - 1].text),
                        via="ner",
                        surface=text,
                    )
                )
                chunk.clear()

        for left in token.subtree:
            if left.i >= token.i:
                break
            if left.dep_ in ("poss", "case", "det") or left.head.dep_ == "poss":
                close()
                continue
            span = self.discourse.at(para, left.i)
            if span is not None and not span.weak:
                close()
                entry = self.gazetteer.get(span.key)
                if span.cls == "Product" and (entry is None or not entry.category) and span not in out:
                    out.append(span)
                continue
            if left.pos_ in ("PROPN", "NUM") or (span is not None and span.weak) or (left.is_title and left.i > 0):
                if left.like_num and not chunk:
                    continue
                chunk.append(left)
            else:
                close()
        close()
        if token.lemma_.lower() in self.lex["components"]:
            # "D-245 engines" name a model, "its Bluetooth chip" a kind of chip
            out = [s for s in out if any(ch.isdigit() for ch in s.name)]
        return out

    def _proper(self, token, para) -> Span | None:
        """A capitalised name the NER missed, with its compound parts."""
        doc = token.doc
        parts = sorted(
            [token, *[c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]], key=lambda t: t.i
        )
        kinds = [i for i, t in enumerate(parts) if t.lemma_.lower() in self.ruleset.kind_words]
        if kinds and parts[kinds[-1]] == token:
            return None  # "Elevator Maker" of "Finnish Elevator Maker Nordlift": what a firm is, no name
        if kinds:
            parts = parts[kinds[-1] + 1 :]  # "Maker Nordlift": the name after what it is
        first, last = parts[0].i, token.i + 1
        if any(self.discourse.at(para, i) for i in range(first, last)):
            return None
        text = doc[first:last].text
        if not any(ch.isupper() for ch in text):  # "Ładownia24" too
            return None
        if (
            doc[first].is_sent_start
            and last - first == 1
            and not (
                token.tag_ == "NNP"
                and not token.is_stop
                and token.lower_ not in self.ruleset.lexicon_words
                and (
                    any(c.dep_ == "appos" or c.tag_ == "POS" for c in token.children)
                    or token.dep_ in ("nsubj", "nsubjpass")
                )
            )
        ):
            return None  # a capitalised first word is a name when it is described, the subject or a possessor
        if any(
            doc[i].lemma_.lower() in self.lex["person_descriptors"]
            or doc[i].lemma_.lower() in self.lex["state_titles"]
            or doc[i].lower_ in self.lex["title_words"]
            for i in range(first, last)
        ):
            return None  # "President" in "Belarusian President Aleksandr Lukashenko"
        if last - first == 1 and doc[first].lower_ in self.lex["proper_stopwords"]:
            return None  # "Industry" in "Industry Minister": a capitalised common word, not a name
        if name_head(doc, first, last) in self.lex["not_party_heads"]:
            return None  # "the pro-French Revolution faction": a text or an event is no party
        if word_piece(doc, first, last, self.lex["word_prefixes"]):
            return None  # "Non" of "Mr. Kofi Adjei (Non-Executive Director)"
        if generic_name(doc, first, last, self.ruleset.name_policy):
            return None  # "Chairman of the Board of Directors": a firm's board is no party of its own
        if any(
            (
                doc[i].ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL")
                and (
                    doc[i].like_num or any(ch.isdigit() for ch in doc[i].text) or doc[i].lower_ in self.lex["weekdays"]
                )
            )
            or doc[i].lower_ in self.lex["months"]
            for i in range(first, last)
        ):
            return None  # (a capitalised word the model calls a date, "based in Mbarara", is still a name)
        if token.dep_ in ("compound", "nmod") and self.discourse.at(para, token.head.i) is not None:
            return None
        offset = self.discourse.paragraphs[para].offset
        bounds = dict(
            para=para,
            first=first,
            last=last,
            start=offset + doc[first].idx,
            end=offset + doc[last - 1].idx + len(doc[last - 1].text),
            surface=text,
        )
        named = self.discourse.aliases.get(normalize_name(text)) or full_name_of(text, self.discourse)
        if named is not None and not named.demonym:  # "Brennholt", missed here, named in full elsewhere
            return Span(name=named.name, cls=named.cls, key=named.key, via="alias", weak=named.weak, **bounds)
        cls, weak = infer_class(doc, first, last, "ORG", self.ruleset)
        if (
            weak
            and token.dep_ == "pobj"
            and token.head.lower_ in ("in", "near", "outside")
            and token.head.head.lemma_.lower() in self.lex["basing_verbs"]
        ):
            cls = "Region"  # "a processor based in Mbarara": where a firm is based is a place
        return Span(name=text, cls=cls or "Company", key=None, via="ner", weak=True, **bounds)


def _owned_model(span: Span, token, want) -> Span:
    """ "Brennholt's Kestrel", "its Nova": a name of unsure class that a firm owns is, where a product may
    stand, a model."""
    if span.weak and "Product" in want and any(c.dep_ == "poss" for c in token.children):
        return _copy(span, cls="Product", weak=False)
    return span


def _name_like(token) -> bool:
    """A capitalised word inside a sentence that the tagger took for an adverb or adjective: "Sweden's
    Oatly", "Geely" (names ending in -ly)."""
    return (
        token.is_title
        and not token.is_sent_start
        and token.pos_ in ("ADV", "ADJ")
        and not token.is_stop
        and token.i > 0
        and token.doc[token.i - 1].tag_ == "POS"
    )
