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

from ..gazetteer import Gazetteer
from ..inflect import singular
from ..iri import normalize_name
from .frames import described, hyphen_word
from .mentions import Discourse, Span, copy_span as _copy, descriptor_beside, full_name_of, infer_class, same_entity
from .products import made_products, market_products, noun_phrase_product
from .speakers import domestic_partner, quote_ranges
from .rules import RuleSet

__all__ = ["Resolver"]

_AGENTS = ("Country", "Region", "Company", "Organization")


class Resolver:
    """Resolves argument tokens of one article to mentions."""

    def __init__(self, discourse: Discourse, gazetteer: Gazetteer, ruleset: RuleSet):
        self.discourse = discourse
        self.gazetteer = gazetteer
        self.ruleset = ruleset
        self.lex = ruleset.lexicon
        self.leads: dict[str, Span] = {}  # person name -> what they lead (from leads claims)
        self.speaks_for: dict[str, Span] = {}  # unnamed office holder ("director of MAZ") -> organisation
        self.located: dict[str, str] = {}  # entity identity -> country id, from the article's locatedIn claims
        self.quotes = [quote_ranges(p.doc.text) for p in discourse.paragraphs]
        self._speakers: dict[tuple[int, int], Span | None] = {}

    # ------------------------------------------------------------------ entry point

    def resolve(self, token, para: int, want, depth: int = 0, *, modifier: bool = False,
                strict: bool = False) -> list[Span]:
        """The mentions a token stands for, limited to the classes in ``want``.

        ``modifier``: the token fills a modifier role, where a nationality word
        ("Belarusian") names its country; elsewhere it names nothing.
        ``strict``: only names and the descriptors of names, no coreference.
        """
        if depth > 3:
            return []
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
                origin = self._fit(self._group(token, para, want, depth), want)
                if origin:
                    return origin  # "Belarusian machinery": the country it comes from
                phrase = self.phrase(token, para)
                if phrase is not None and phrase.last - phrase.first > span.last - span.first:
                    return self._fit([phrase], want)
            return self._fit([_owned_model(span, token, want)], want)
        if token.pos_ == "PRON" or token.tag_ in ("PRP", "PRP$", "WP", "WDT") or token.lower_ == "both":
            return [] if strict else self._fit(self.pronoun(token, para, want), want)
        if token.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM", "X") and not _name_like(token):
            return []
        if not strict and token.pos_ == "NOUN" and token.lemma_.lower() in self.lex["site_descriptors"] and (
                "Company" in want or "Organization" in want) and token.dep_ == "pobj" and token.head.lower_ in (
                "to", "for", "into"):
            # "ammonia to Atlas's plants", "quinoa to Brannoch's factory": a firm's site receiving goods
            # stands for the firm (but "Renault's own plant in Moscow" is a plant of its own)
            for owner in (c for c in token.children if c.dep_ == "poss"):
                found = [s for s in self.resolve(owner, para, want, depth + 1) if s.cls in ("Company", "Organization")]
                if found:
                    return [_copy(f, via="coref", surface=_phrase_text(token), **_at(token)) for f in found]
        finders = (self._named,) if strict else (self._named, self._members, self._group, self._definite,
                                                  self._modifiers)
        for finder in finders:
            found = self._fit(finder(token, para, want, depth), want)
            if found:
                return found
        if strict:
            return []
        if (token.pos_ == "PROPN" or _name_like(token)) and any(c in want for c in _AGENTS + ("Person",)):
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
            if span.weak and span.cls in ("Person", "Region") and span.cls not in want and "Company" in want \
                    and " " not in span.name:
                # "Garra's production", "Foxconn assembles": a one-word name the model took for a person or
                # a place (the world's places are in the gazetteer) acting as a firm
                span = _copy(span, cls="Company", weak=False)
            if span.cls == "Region" and span.key is None and not span.demonym and span.via == "ner" and \
                    not want & {"Region", "Country"} and want & {"Company", "Organization"}:
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
                return _copy(led, via="coref", first=span.first, last=span.last, start=span.start, end=span.end,
                             surface=span.surface or span.name)
            return span
        entry = self.gazetteer.get(span.key)
        if entry is not None and entry.capital_of:
            country = self.gazetteer[entry.capital_of]
            return _copy(span, name=country.name, cls=country.cls, key=country.id, via="coref",
                         surface=span.surface or span.name)
        return span

    def made(self, trigger, para) -> list[Span]:
        """What a maker makes (:func:`kg.extract.products.made_products`)."""
        return made_products(trigger, para, self.discourse, self.gazetteer, self.lex,
                             self.ruleset.maps.get("maker_compounds", {}))

    def market(self, token, para) -> list[Span]:
        """What a market noun says is traded (:func:`kg.extract.products.market_products`)."""
        return market_products(token, para, self.discourse, self.gazetteer, self.lex)

    def phrase(self, token, para) -> Span | None:
        """A product named by a noun phrase (:func:`kg.extract.products.noun_phrase_product`)."""
        return noun_phrase_product(token, para, self.discourse, self.gazetteer, self.lex)

    def domestic_partner(self, country: Span, other: Span, position) -> Span | None:
        return domestic_partner(self.discourse, self.gazetteer, country, other, position)

    # ------------------------------------------------------------------ nouns

    def _named(self, token, para, want, depth):
        """A descriptor's name: apposition, "known as X", "the Belshina plant", a name right after it."""
        lemma = hyphen_word(token)
        descriptor = lemma in self.lex["company_descriptors"] or lemma in self.lex["organization_descriptors"] \
            or lemma in self.lex["region_descriptors"]
        if not descriptor:
            return []
        for child in token.children:
            if child.dep_ == "appos" and self.discourse.at(para, child.i):
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
            heads = [self.discourse.at(para, t.i) for t in (token.head, *token.head.conjuncts)]
            return [h for h in heads if h is not None]
        if token.dep_ == "conj" and token.head.pos_ == "PROPN" and self.discourse.at(para, token.head.i) \
                and token.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
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
            if nxt is not None and not nxt.demonym and doc[token.i + 1].head == token.head \
                    and doc[token.i + 1].dep_ == token.dep_:
                return [nxt]  # "The elevator maker Liftmash" parsed as two subjects
        if token.dep_ == "compound" and self.discourse.at(para, token.head.i):
            return [self.discourse.at(para, token.head.i)]  # "potash miner Uralkali"
        if token.dep_ == "pobj" and token.head.lower_ in ("of", "among"):
            said_of = described(token)  # "one of Russia's largest producers"
            if said_of is not None and self.discourse.at(para, said_of.i):
                return [self.discourse.at(para, said_of.i)]
        return []

    def _members(self, token, para, want, depth):
        """"carmakers such as Renault, Volkswagen and Hyundai"; "enterprises ... These are MAZ and KAMAZ"."""
        for child in token.children:
            if child.dep_ != "prep":
                continue
            name = child.lower_
            lead = [c for c in child.children if c.dep_ in ("amod", "advmod") and c.i == child.i - 1]
            if lead:
                name = f"{lead[0].lower_} {name}"
            if name in ("such as", "including", "like", "notably", "especially"):
                out = []
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        for member in (obj, *obj.conjuncts):
                            out.extend(self.resolve(member, para, want, depth + 1))
                if out:
                    return out
        if token.tag_ in ("NNS", "NNPS") and token.lemma_.lower() in self.lex["group_nouns"]:
            count = _count(token)
            if count:
                # "Three Indian fertiliser companies are set to sign ... X and Y will each take ..., and Z ..."
                return self._counted_in_next_sentence(token, para, want, count)
            if not _has_demonym(self, token, para):
                return self._named_in_next_sentence(token, para, want)
        return []

    def _counted_in_next_sentence(self, token, para, want, count: int):
        """The members of a counted group, when the next sentence names exactly that many of its kind."""
        doc = token.doc
        sent = token.sent
        if sent.end >= len(doc):
            return []
        nxt = doc[sent.end].sent
        classes = {"Company", "Organization"} & set(want) if token.lemma_.lower() not in ("country",) else {"Country"}
        out = []
        for t in nxt:
            span = self.discourse.at(para, t.i)
            if span is not None and span.cls in classes and not span.demonym and span not in out \
                    and t.i == span.last - 1 and t.dep_ in ("nsubj", "nsubjpass", "conj", "appos"):
                out.append(span)
        return out if len(out) == count else []

    def _named_in_next_sentence(self, token, para, want):
        sent = token.sent
        doc = token.doc
        if sent.end >= len(doc):
            return []
        nxt = doc[sent.end].sent
        root = nxt.root
        if root.lemma_ != "be" or not any(c.dep_ == "nsubj" and c.lower_ in ("these", "they", "those")
                                          for c in root.children):
            return []
        out = []
        for token in nxt:
            if token.dep_ in ("nsubj", "punct") or token.head.dep_ == "nsubj":
                continue
            span = self.discourse.at(para, token.i)
            if span is not None and span.cls in want and not span.demonym and span not in out:
                out.append(span)
        return out if len(out) >= 2 else []

    def _group(self, token, para, want, depth):
        """A group named only by a nationality stands for its country."""
        lemma = token.lemma_.lower()
        plural_group = lemma in self.lex["group_nouns"] and token.tag_ in ("NNS", "NNPS")
        # "the Russian side", "Russian money", and goods named only by origin ("Belarusian machinery")
        state_noun = lemma in self.lex["state_nouns"] or lemma in self.lex["origin_goods"]
        if not (plural_group or state_noun):
            return []
        if any(c.dep_ == "relcl" for c in token.children):
            return []  # "the Russian companies that had roots in ..." are some companies, not the country
        if any(c.dep_ == "det" and c.lower_ in self.lex["partial_determiners"] for c in token.children):
            return []
        if any(c.dep_ == "nummod" for c in token.children) and not _many(token):
            return []  # "three Indian companies" are some companies, "about 40 Belarusian enterprises" the country
        country = None
        for child in token.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod"):
                span = self.discourse.at(para, child.i)
                if span is not None and span.cls in ("Country", "Region") and (span.demonym or child.dep_ == "poss"):
                    country = span
            elif child.dep_ == "prep" and child.lower_ == "in" and plural_group:
                for obj in child.children:
                    span = self.discourse.at(para, obj.i)
                    if obj.dep_ == "pobj" and span is not None and span.cls == "Country":
                        country = span
        if country is None:
            return []
        return [_copy(country, via="group", first=token.i, last=token.i + 1, demonym=False,
                      surface=_phrase_text(token))]

    def _definite(self, token, para, want, depth):
        """"the company", "the two countries", "the Belarusian leader", "his country", "these companies"."""
        lemma = hyphen_word(token)
        dets = {c.lower_ for c in token.children if c.dep_ in ("det", "poss", "predet")}
        if token.pos_ in ("NUM", "PRON", "DET") and (token.lower_ == "both" or (token.lower_ == "two" and "the" in dets)):
            # "the two ended their arrangement", "both now compete": the last two named of a kind
            for cls in ("Company", "Country", "Person"):
                if cls in want:
                    found = self._last_two((para, token.i), (cls,), want)
                    if len(found) == 2:
                        return found
            return []
        number = [c for c in token.children if c.dep_ == "nummod"]
        plural = token.tag_ in ("NNS", "NNPS")
        position = (para, token.i)
        demonym = _demonym_of(self, token, para)
        if lemma in self.lex["country_descriptors"] or lemma in self.lex["region_descriptors"]:
            classes = ("Country",) if lemma in self.lex["country_descriptors"] else ("Region", "Country")
            if lemma == "republic":
                classes = ("Region", "Country")
            owner = dets & {"his", "her", "our", "their", "its"}
            if owner:
                led = self._led_by_owner(token, para, owner.pop(), classes)
                if led:
                    return led
                return []
            if not dets & {"the", "this", "that", "these", "both"}:
                return []
            if plural or (number and number[0].lower_ in ("two", "both")):
                return self._last_two(position, classes, want)
            candidates = list(self.discourse.before(position, classes))
            if lemma == "republic":
                # "the republic": the nearest entity called a republic, else a country; not the city named last
                republics = [s for s in candidates if self._has_word(s, "republic")]
                # a region that is a republic before a country that is one ("the head of the republic")
                republics = [s for s in republics if s.cls == "Region"] or republics
                candidates = republics or [s for s in candidates if s.cls == "Country"] or candidates
            main = self.salient_country
            if demonym is None and lemma == "country" and main is not None and any(
                    s.key == main.key for s in self.discourse.before(position, ("Country",), limit=8,
                                                                     skip_demonyms=False)):
                # "the country" in an article about one country, which was talked about just before
                candidates = [main] + [s for s in candidates if s.key != main.key]
            best = self._best(candidates, demonym)
            return [_copy(best, via="coref", surface=_phrase_text(token), **_at(token))] if best else []
        if lemma in self.lex["company_descriptors"] or lemma in self.lex["organization_descriptors"]:
            if "our" in dets:  # "our company" in a quote: what the speaker speaks for
                return self.speaker_entity(token, para, want)
            if not dets & {"the", "this", "that", "these", "both"} or lemma in self.lex["no_antecedent"]:
                return []  # "the venture" in "each take 22.5 percent of the venture" names no one before
            nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
            if nxt is not None and nxt.pos_ == "PROPN" and (nxt.is_title or nxt.is_upper):
                return []  # "the tyre maker Belshina", "the contractor NFC": the name that follows
            classes = ("Company",) if lemma in self.lex["company_descriptors"] else ("Organization",)
            if lemma in ("government", "authority", "authorities", "leadership"):
                return []
            if plural or (number and number[0].lower_ in ("two", "both")):
                return self._last_two(position, classes, want)
            candidates = []
            for s in self.discourse.before(position, classes + ("Person", "Product") if "Company" in classes
                                           else classes):
                if s.cls in ("Person", "Product") and s.weak and " " not in s.name and self._as_modifier(s):
                    s = _copy(s, cls="Company", weak=False)  # "Cummins engines": a name before a product
                if s.cls in classes and not (s.weak and s.cls != "Company"):
                    candidates.append(s)
            if self.salient is not None and any(same_entity(s, self.salient) for s in candidates):
                # "the company" is, after a company just talked about, the one the article is about
                main = [s for s in candidates if same_entity(s, self.salient)]
                candidates = main[:1] + [s for s in candidates if not same_entity(s, self.salient)]
            if lemma in self.lex["site_descriptors"]:
                # "the plant", "the factory": a company named as a plant or factory, if one was named
                # (as the article calls it first, then the article's main company, then by its other names)
                called = [s for s in candidates if any(w in (s.surface or "").lower().split()
                                                       for w in self.lex["site_descriptors"])]
                main = [s for s in candidates if self.salient is not None and same_entity(s, self.salient)]
                sites = [s for s in candidates if any(self._has_word(s, w) for w in self.lex["site_descriptors"])]
                candidates = called or main[:1] or sites or candidates
            else:
                # "the brand", "the company": the one the last sentences were about (a subject) first
                recent = [s for s in self.discourse.before(position, classes, limit=6) if self._is_subject(s)
                          and not s.weak and self._sentences_between(s, token, para) <= 1]
                candidates = recent + [s for s in candidates if s not in recent]
            best = self._best(self._by_fit(token, para, candidates), demonym)
            return [_copy(best, via="coref", surface=_phrase_text(token), **_at(token))] if best else []
        if "Product" in want and lemma in self.lex["product_descriptors"] and not number and (
                dets & {"the", "this", "that", "these"} or _article_before_word(token) in ("the", "this", "that")):
            found = self._named_product(token, para, plural)
            if found:
                return found
        if lemma in self.lex["person_descriptors"] and "Person" in want:
            if not dets & {"the", "this", "that", "both"} and not (plural and number):
                return []
            if plural or number:
                found = self._last_two(position, ("Person",), want)
                return found
            return self._person_by_role(token, para, demonym)
        return []

    def _named_product(self, token, para, plural: bool = False) -> list[Span]:
        """"the scanner", "the device" after "the Sirius U2, a handheld ultrasound scanner": the nearest model
        named before and described by the same noun; a generic noun ("device", "model") takes the nearest.
        A plural ("the earbuds" after "the Arvo K7 earbuds") only takes a model described by that noun."""
        lemma = token.lemma_.lower()
        generic = lemma in self.lex["generic_product_nouns"] and not plural
        for span in self.discourse.before((para, token.i), ("Product",), limit=8):
            entry = self.gazetteer.get(span.key)
            if span.weak or (entry is not None and entry.category):
                continue  # a kind of product ("trucks"), not a model
            doc = self.discourse.paragraphs[span.para].doc
            descriptor = descriptor_beside(doc, span.first, span.last)
            if generic or (descriptor is not None and descriptor.lemma_.lower() == lemma):
                return [_copy(span, via="coref", surface=_phrase_text(token), **_at(token))]
        return []

    def _person_by_role(self, token, para, demonym):
        """"the president", "the Belarusian leader": the nearest fitting person, a subject before an object."""
        position = (para, token.i)
        state_role = token.lemma_.lower() in self.lex["state_titles"]
        fitting = []
        for span in self.discourse.before(position, ("Person",)):
            led = self.leads.get(span.name)
            if demonym is not None:
                if led is None or led.name != demonym.name:
                    continue
            elif state_role and led is not None and led.cls not in ("Country", "Region"):
                continue
            fitting.append(span)
        if not fitting:
            return []
        subjects = [s for s in fitting if self._is_subject(s)]
        best = subjects[0] if subjects else fitting[0]
        return [_copy(best, via="coref", surface=_phrase_text(token), **_at(token))]

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
            self._salient_country = None if best is None else next((s for s in best if not s.demonym), None) or \
                _copy(best[0], demonym=False)
        return self._salient_country

    def _sentences_between(self, span: Span, token, para: int) -> int:
        """How many sentence starts lie between a mention and a token (a rough distance)."""
        if span.para != para:
            return 99
        doc = token.doc
        return sum(1 for t in doc[span.first:token.i] if t.is_sent_start)

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

    def _last_two(self, position, classes, want):
        out, names = [], set()
        for span in self.discourse.before(position, classes):
            if span.name in names or span.weak:
                continue
            names.add(span.name)
            out.append(span)
            if len(out) == 2:
                return [s for s in out if s.cls in want]
        return []

    def _best(self, candidates: list[Span], demonym: Span | None) -> Span | None:
        """The nearest candidate; with a nationality word, the nearest known to be of that country; else,
        among those whose country is unknown, the article's main company, or the nearest in the paragraph."""
        if demonym is None:
            return candidates[0] if candidates else None
        known = [s for s in candidates if self._country_of(s) == demonym.key]
        if known:
            return known[0]
        unknown = [s for s in candidates if self._country_of(s) is None]
        main = [s for s in unknown if self.salient is not None and same_entity(s, self.salient)]
        if main:
            return main[0]
        near = [s for s in unknown if s.para == demonym.para]
        return max(near, key=lambda s: s.first) if near else None

    def _by_fit(self, anaphor, para, candidates: list[Span]) -> list[Span]:
        """The candidates, those the description fits first and those it cannot fit last: "the carmaker" is
        the one the article called a carmaker (or that makes cars), not the steelmaker named after it.
        Otherwise the order (salience, subjects, distance) stands."""
        wanted = self._kinds_of_noun(anaphor, para) - self.lex["generic_descriptors"]
        if not wanted:
            return candidates

        def fit(span: Span) -> int:
            kinds = self._kinds(span) - self.lex["generic_descriptors"]
            return 1 if kinds & wanted else (-1 if kinds else 0)

        return sorted(candidates, key=lambda s: -fit(s))

    def _kinds(self, span: Span) -> frozenset[str]:
        """What the article calls an entity: the descriptor nouns beside its mentions ("Geely, the carmaker",
        "the truck maker KAMAZ", "BYD is a carmaker"), and what those makers make."""
        if not hasattr(self, "_kind_cache"):
            self._kind_cache: dict[str, set[str]] = {}
            for mention in self.discourse.spans:
                if mention.via not in ("gazetteer", "ner", "alias", "descriptor") or mention.demonym:
                    continue
                doc = self.discourse.paragraphs[mention.para].doc
                nouns = [descriptor_beside(doc, mention.first, mention.last)]
                head = doc[mention.last - 1]
                if head.dep_ == "nsubj" and head.head.lemma_ == "be":
                    nouns += [c for c in head.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
                found = self._kind_cache.setdefault(mention.key or normalize_name(mention.name), set())
                for noun in nouns:
                    if noun is not None:
                        found |= self._kinds_of_noun(noun, mention.para)
        return frozenset(self._kind_cache.get(span.key or normalize_name(span.name), ()))

    def _kinds_of_noun(self, noun, para) -> set[str]:
        """A descriptor noun's kinds: its lemma, and for a maker what it makes ("carmaker" -> "maker of car")."""
        kinds = {hyphen_word(noun)}
        if noun.lemma_.lower() in self.lex["maker_nouns"] or noun.lower_ in self.ruleset.maps.get("maker_compounds", {}):
            kinds |= {f"maker of {singular(p.name.lower())}" for p in self.made(noun, para)}
        return kinds

    def _country_of(self, span: Span) -> str | None:
        """The country a mention's entity is in: from the gazetteer, or as the article states it."""
        entry = self.gazetteer.get(span.key)
        if entry is not None and (entry.country or entry.cls == "Country"):
            return entry.country or entry.id
        return self.located.get(span.key or normalize_name(span.name))

    def _has_word(self, span: Span, word: str) -> bool:
        names = [span.name, span.surface]
        entry = self.gazetteer.get(span.key)
        if entry is not None:
            names += list(entry.aliases)
        return any(word in n.lower().split() for n in names if n)

    def _led_by_owner(self, token, para, owner_word, classes):
        """"his country" -> the country the person leads; "our republic" -> the speaker's."""
        if owner_word in ("our",):
            return self.speaker_entity(token, para, classes)
        person = None
        for span in self.discourse.before((para, token.i), ("Person",)):
            person = span
            break
        if person is None:
            return []
        led = self.leads.get(person.name) or self._affiliation(person)
        if led is not None and led.cls in classes:
            return [_copy(led, via="coref", surface=_phrase_text(token), **_at(token))]
        return []

    def _modifiers(self, token, para, want, depth=0):
        """"the MC-21 and Superjet 100 aircraft", "its GAZon Next and Valdai trucks": a generic product noun
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
                out.append(Span(name=text, cls="Product", key=None, para=para, first=first, last=last,
                                start=offset + doc[first].idx,
                                end=offset + doc[last - 1].idx + len(doc[last - 1].text), via="ner", surface=text))
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
        parts = sorted([token, *[c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]],
                       key=lambda t: t.i)
        first, last = parts[0].i, token.i + 1
        if any(self.discourse.at(para, i) for i in range(first, last)):
            return None
        text = doc[first:last].text
        if not any(ch.isupper() for ch in text):  # "Ładownia24" too
            return None
        if doc[first].is_sent_start and last - first == 1 and not (
                token.tag_ == "NNP" and not token.is_stop and token.lower_ not in self.ruleset.lexicon_words and (
                    any(c.dep_ == "appos" or c.tag_ == "POS" for c in token.children)
                    or token.dep_ in ("nsubj", "nsubjpass"))):
            return None  # a capitalised first word is a name when it is described, the subject or a possessor
        if any(doc[i].lemma_.lower() in self.lex["person_descriptors"] or doc[i].lemma_.lower() in
               self.lex["state_titles"] or doc[i].lower_ in self.lex["title_words"] for i in range(first, last)):
            return None  # "President" in "Belarusian President Aleksandr Lukashenko"
        if last - first == 1 and doc[first].lower_ in self.lex["proper_stopwords"]:
            return None  # "Industry" in "Industry Minister": a capitalised common word, not a name
        if any(doc[i].ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL")
               or doc[i].lower_ in self.lex["months"] for i in range(first, last)):
            return None
        if token.dep_ in ("compound", "nmod") and self.discourse.at(para, token.head.i) is not None:
            return None
        offset = self.discourse.paragraphs[para].offset
        bounds = dict(para=para, first=first, last=last, start=offset + doc[first].idx,
                      end=offset + doc[last - 1].idx + len(doc[last - 1].text), surface=text)
        named = self.discourse.aliases.get(normalize_name(text)) or full_name_of(text, self.discourse)
        if named is not None and not named.demonym:  # "Brennholt", missed here, named in full elsewhere
            return Span(name=named.name, cls=named.cls, key=named.key, via="alias", weak=named.weak, **bounds)
        cls, weak = infer_class(doc, first, last, "ORG", self.ruleset)
        return Span(name=text, cls=cls or "Company", key=None, via="ner", weak=True, **bounds)

    # ------------------------------------------------------------------ pronouns and speakers

    def pronoun(self, token, para, want) -> list[Span]:
        word = token.lower_
        position = (para, token.i)
        if word in ("we", "us", "our", "ours", "ourselves"):
            return self.speaker_entity(token, para, want)
        if word in ("i", "me", "my"):
            speaker = self.speaker(token, para)
            return [speaker] if speaker is not None and speaker.cls == "Person" else []
        if word in ("he", "him", "his", "she", "her"):
            for span in self.discourse.before(position, ("Person",), limit=1):
                return [_copy(span, via="coref", surface=token.text, **_at(token))]
            return []
        if word in ("it", "its"):
            if word == "it" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "all":
                return []  # "it all depends on ...": nothing in particular
            return self._it(token, para, want)
        if word in ("they", "them", "their"):
            return self._they(token, para, want)
        if word == "both" and token.head.pos_ in ("VERB", "AUX"):
            return self._definite(token, para, want, 0)  # "Both now compete": the last two named
        if word in ("which", "that", "who") and token.head.dep_ == "relcl":
            return self.resolve(token.head.head, para, want)
        if word in ("which", "whom") and token.dep_ == "pobj" and token.head.head.dep_ == "relcl":
            # "Tengizchevroil, in which Chevron holds a stake": the noun the clause is about
            return self.resolve(token.head.head.head, para, want)
        return []

    def _it(self, token, para, want):
        """The subject of its own sentence when that comes first ("Integral has signed a contract under
        which it will supply"), else the subject of the sentence before, else the nearest agent."""
        sent = token.sent
        classes = tuple(c for c in _AGENTS if c in want) or _AGENTS
        doc = token.doc
        root = sent.root
        guesses = ("Person", "Company") if "Company" in classes else ()

        def antecedent(span):
            """The span as what "it" can stand for, or None: "Velora launched a bike. Its frame ...": a
            one-word name the model took for a person (or only guessed a firm) is a firm."""
            if span is None or span.demonym:
                return None
            if span.weak and span.cls in guesses and " " not in span.name:
                return _copy(span, cls="Company", weak=False)
            return None if span.weak or span.cls not in classes else span

        for subject in (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i):
            span = antecedent(self.discourse.at(para, subject.i))
            if span is not None:
                return [_copy(span, via="coref", surface=token.text, **_at(token))]
        candidates = []
        for span in self.discourse.before((para, token.i), classes + guesses, limit=6):
            if span.para != para:
                break
            span = antecedent(span)
            if span is not None:
                candidates.append(span)
        for span in candidates:
            tok = doc[span.last - 1]
            head = tok
            while head.dep_ in ("compound", "flat") and head.head != head:
                head = head.head
            if head.dep_ in ("nsubj", "nsubjpass") and (head.sent.start < sent.start or (
                    head.sent.start == sent.start and head.head.i < token.i)):
                # the subject of an earlier sentence, or of a clause before "its" in this one
                # ("Marrowby will close its stores, its parent company said")
                return [_copy(span, via="coref", surface=token.text, **_at(token))]
        for span in candidates:
            if span.first < sent.start:
                return [_copy(span, via="coref", surface=token.text, **_at(token))]
        main = self.salient
        if main is not None and main.cls in classes and main.position < (para, token.i):
            # "it" with no company named in the sentences before it in its paragraph: the article's main company
            return [_copy(main, via="coref", surface=token.text, **_at(token))]
        return []

    def _they(self, token, para, want):
        """The nearest plural group in the sentence before: a coordination, or a nationality group; where a
        product may stand, the nearest plural product named before ("its own charging cases; they are ...")."""
        doc = token.doc
        sent = token.sent
        if "Product" in want:
            for candidate in reversed(doc[max(0, sent.start - 60):token.i]):
                if candidate.tag_ == "NNS" and candidate.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "conj"):
                    phrase = self.phrase(candidate, para)
                    if phrase is not None and phrase.cls == "Product":
                        return [_copy(phrase, via="coref", surface=token.text, **_at(token))]
                    break
        if sent.start == 0:
            return []
        previous = doc[sent.start - 1].sent
        for candidate in reversed(list(previous)):
            if candidate.tag_ not in ("NNS", "NNPS") and not candidate.conjuncts:
                continue
            found = self._group(candidate, para, want, 0)
            if found:
                return [_copy(found[0], surface=token.text, via="coref", **_at(token))]
        return []

    def speaker(self, token, para) -> Span | None:
        """Who is quoted, when the token is inside a quote: a person, or an organisation speaking for itself
        ("..., Velmora Systems said in a statement")."""
        doc = token.doc
        for index, (start, end) in enumerate(self.quotes[para]):
            if start <= token.idx < end:
                key = (para, index)
                if key not in self._speakers:
                    self._speakers[key] = self._find_speaker(para, start, end)
                return self._speakers[key]
        return None

    def in_quote(self, token, para) -> bool:
        return any(start <= token.idx < end for start, end in self.quotes[para])

    def _find_speaker(self, para, start, end) -> Span | None:
        """The subject of the nearest reporting verb outside the quote, in the same paragraph."""
        doc = self.discourse.paragraphs[para].doc
        ranges = self.quotes[para]
        verbs = []
        for token in doc:
            if token.lemma_.lower() not in self.lex["reporting_verbs"] or token.pos_ not in ("VERB", "AUX"):
                continue
            if any(s <= token.idx < e for s, e in ranges):
                continue
            distance = token.idx - end if token.idx >= end else (start - token.idx) * 2
            verbs.append((distance, token))
        for _, verb in sorted(verbs, key=lambda pair: pair[0]):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            for subject in subjects:
                span = self.discourse.at(para, subject.i)
                if span is not None and span.cls in ("Person", "Company", "Organization"):
                    return span
                office = self._office_holder(subject, para, start)
                if office is not None:
                    return office
                found = self._definite(subject, para, ("Person",), 0) if subject.pos_ == "NOUN" else []
                found = [f for f in found if f.cls == "Person"]
                if not found and subject.pos_ == "NOUN":
                    found = self._quoted_organisation(subject, para, start)
                if subject.pos_ == "PRON" and subject.lower_ in ("he", "she"):
                    found = self.pronoun(subject, para, ("Person",))
                if found:
                    return found[0]
        return None

    def _quoted_organisation(self, subject, para, quote_start) -> list[Span]:
        """"..., the company said": the firm or body named last before the quote, outside quotes (what the
        quote itself names is what the firm talks about)."""
        lemma = subject.lemma_.lower()
        if lemma in self.lex["company_descriptors"]:
            classes = ("Company",)
        elif lemma in self.lex["organization_descriptors"]:
            classes = ("Organization",)
        else:
            return []
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in subject.children):
            return []
        doc = subject.doc
        first = next((t.i for t in doc if t.idx >= quote_start), len(doc))
        for span in self.discourse.before((para, min(first, subject.i)), classes, limit=8):
            if span.via in ("coref", "speaker") or (span.para == para and self.in_quote(doc[span.first], para)):
                continue
            return [_copy(span, via="coref", surface=_phrase_text(subject), **_at(subject))]
        return []

    def _office_holder(self, subject, para, quote_start: int) -> Span | None:
        """"the director of MAZ said", "a spokesman for Gazprom said", "the company's spokesman said": an
        unnamed speaker for an organisation.

        Returns a Person span named after the office; what it speaks for is recorded in ``leads``-like
        form in ``self.speaks_for``.
        """
        if subject.pos_ != "NOUN" or subject.lemma_.lower() not in self.lex["person_descriptors"]:
            return None
        orgs = ("Company", "Organization", "Country", "Region")
        owners = [c for c in subject.children if c.dep_ == "poss"]
        owners += [o for prep in subject.children if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "at")
                   for o in prep.children if o.dep_ == "pobj"]
        for owner in owners:
            org = self.discourse.at(para, owner.i)
            if org is None and owner.pos_ == "NOUN":
                org = next(iter(self._quoted_organisation(owner, para, quote_start)), None)
            if org is not None and org.cls in orgs:
                name = f"{subject.lemma_} of {org.name}"
                self.speaks_for[name] = org
                offset = self.discourse.paragraphs[para].offset
                return Span(name=name, cls="Person", key=None, para=para, first=subject.i, last=subject.i + 1,
                            start=offset + subject.idx, end=offset + subject.idx + len(subject.text), via="coref",
                            surface=subject.text)
        return None

    def speaker_entity(self, token, para, want) -> list[Span]:
        """What "we" stands for: what the speaker leads or is affiliated with."""
        speaker = self.speaker(token, para)
        if speaker is None:
            return []
        if speaker.cls != "Person":  # an organisation quoted speaks for itself
            return [_copy(speaker, via="speaker", surface=token.text, **_at(token))]
        led = self.leads.get(speaker.name) or self.speaks_for.get(speaker.name) or self._affiliation(speaker)
        if led is None:
            return []
        return [_copy(led, via="speaker", surface=token.text, **_at(token))]

    def _affiliation(self, person: Span) -> Span | None:
        entry = self.gazetteer.get(person.key)
        if entry is None or not entry.affiliation:
            return None
        target = self.gazetteer[entry.affiliation]
        return Span(name=target.name, cls=target.cls, key=target.id, para=person.para, first=person.first,
                    last=person.last, start=person.start, end=person.end, via="speaker")


_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _owned_model(span: Span, token, want) -> Span:
    """"Brennholt's Kestrel", "its Nova": a name of unsure class that a firm owns is, where a product may
    stand, a model."""
    if span.weak and "Product" in want and any(c.dep_ == "poss" for c in token.children):
        return _copy(span, cls="Product", weak=False)
    return span


def _article_before_word(token) -> str:
    """The word before a (hyphenated) noun, lower case: "the" in "The e-bike's motor", where the small
    model hangs the article on "motor"."""
    doc = token.doc
    i = token.i
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        i -= 2
    return doc[i - 1].lower_ if i > 0 else ""


def _name_like(token) -> bool:
    """A capitalised word inside a sentence that the tagger took for an adverb or adjective: "Sweden's
    Oatly", "Geely" (names ending in -ly)."""
    return token.is_title and not token.is_sent_start and token.pos_ in ("ADV", "ADJ") and not token.is_stop \
        and token.i > 0 and token.doc[token.i - 1].tag_ == "POS"


def _many(token) -> bool:
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


def _count(token) -> int:
    """The number a plural noun is counted with ("three companies" -> 3), or 0."""
    for child in token.children:
        if child.dep_ == "nummod":
            word = child.lower_
            if word in _NUMBERS:
                return _NUMBERS[word]
            if word.isdigit() and 1 < int(word) <= 10:
                return int(word)
    return 0


def _has_demonym(resolver: Resolver, token, para) -> bool:
    return _demonym_of(resolver, token, para) is not None


def _demonym_of(resolver: Resolver, token, para) -> Span | None:
    """The country a noun is qualified by: "the Belarusian manufacturer", "the US company"."""
    for child in token.children:
        if child.dep_ in ("amod", "compound", "npadvmod", "nmod"):
            span = resolver.discourse.at(para, child.i)
            if span is not None and (span.demonym or span.cls == "Country"):
                return span
    return None


def _phrase_text(token) -> str:
    doc = token.doc
    left = min([token.i] + [c.i for c in token.children if c.i < token.i and c.dep_ in ("det", "amod", "compound",
                                                                                         "poss", "nummod")])
    return doc[left:token.i + 1].text


def _at(token) -> dict:
    return {"first": token.i, "last": token.i + 1}
