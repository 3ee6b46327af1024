"""Apply the relation rules to a parsed article and make Candidate records (claims before they are scored)."""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

from ..gazetteer import Gazetteer
from ..iri import normalize_name
from ..nlp import Paragraph
from ..records import Article, Candidate, Mention
from ..vocab import AGENT_CLASSES, DOMAIN, RANGE, SUBPROPERTY_OF
from . import speakers
from .features import candidate_features
from .frames import Frame, closes_apposition, hyphen_word
from .mentions import Discourse, Span, collect_mentions
from .modality import Modality, modality_of
from .products import coordinated_modifiers
from .resolver import ArticleFacts, Resolver
from .rules import Rule, RuleSet

__all__ = ["extract_candidates"]

_MODIFIER_ROLES = {"mod", "self", "poss", "hyphen", "next"}
_AGENT_CLASSES = frozenset(AGENT_CLASSES)
_CONTENT_POS = {"NOUN", "VERB", "ADJ", "PROPN", "ADP", "NUM", "AUX", "ADV"}


def extract_candidates(
    article: Article, paragraphs: list[Paragraph], gazetteer: Gazetteer, ruleset: RuleSet
) -> list[Candidate]:
    """Every candidate claim the rules find in an article, in reading order (one per rule that fires:
    the confidence model scores them and keeps the best of those stating the same claim).

    The stages, each reading what the one before made and changing none of it:

    1. the mentions of the article (:func:`~kg.extract.mentions.collect_mentions`);
    2. who leads what and what is where (the ``leads`` and ``locatedIn`` rules): they tell whom "we" and
       "the Belarusian leader" stand for, and which company "the US company" can be;
    3. those facts, as an immutable record (:class:`~kg.extract.resolver.ArticleFacts`);
    4. every other rule, resolving its arguments with the facts (a place found through coreference in
       stage 2 is decided again here, now with what is known).
    """
    discourse = collect_mentions(paragraphs, gazetteer, ruleset)
    sentences = _sentences(discourse, ruleset)
    readings = _Readings()
    first = _Run(article, discourse, Resolver(discourse, gazetteer, ruleset), ruleset, sentences, readings)
    first.apply(lambda rule: rule.predicate in _FIRST_PASS)
    facts = _facts(first.found, gazetteer)
    kept = [f for f in first.found if not (f[0].predicate == "locatedIn" and f[0].subject.via == "coref")]
    second = _Run(
        article, discourse, Resolver(discourse, gazetteer, ruleset, facts), ruleset, sentences, readings, kept
    )
    second.apply(lambda rule: rule.predicate != "leads")
    candidates = _one_class_per_name([f[0] for f in second.found])
    return sorted(candidates, key=lambda c: c.sentence_start)  # stable: in each sentence, as the rules fired


_FIRST_PASS = ("leads", "locatedIn")


def _facts(found, gazetteer: Gazetteer) -> ArticleFacts:
    """Who leads what and which country each entity is in, as the first pass's asserted claims state it."""
    leads: dict[str, Span] = {}
    located: dict[str, str] = {}
    for candidate, subject, obj in found:
        if candidate.modality != "asserted":
            continue
        if candidate.predicate == "leads":
            leads.setdefault(candidate.subject.name, obj)
        elif candidate.predicate == "locatedIn" and obj.key and subject.via not in ("coref", "speaker"):
            entry = gazetteer.get(obj.key)
            country = obj.key if obj.cls == "Country" else (entry.country if entry is not None else None)
            if country:  # "a Dresden-based maker": in Germany, so not "the Spanish vehicle maker"
                located.setdefault(_identity(subject), country)
    return ArticleFacts(leads=MappingProxyType(leads), located=MappingProxyType(located))


_CLASS_ORDER = ("Company", "Organization", "Person", "Product", "Region", "Country", "Sector")


def _one_class_per_name(claims: list[Candidate]) -> list[Candidate]:
    """A name the gazetteer does not know keeps one class in an article: where rules read it as two
    ("Paysolve" a firm in one claim, a place in another), the class most claims give it (a firm first on a
    tie) stands; a claim that read it otherwise takes that class where the claim allows it ("Vardhan" a place in
    "Vardhan and Kanto Tekko formed a venture", a firm in "Vardhan holds 51%"), else it is dropped."""
    votes: dict[str, list[str]] = {}
    for claim in claims:
        for mention in (claim.subject, claim.object):
            if mention.key is None:
                votes.setdefault(mention.name, []).append(mention.cls)
    chosen = {
        name: max(_CLASS_ORDER, key=lambda c: (classes.count(c), -_CLASS_ORDER.index(c)))
        for name, classes in votes.items()
        if len(set(classes)) > 1
    }
    out = []
    for claim in claims:
        ends = []
        for mention, allowed in ((claim.subject, DOMAIN[claim.predicate]), (claim.object, RANGE[claim.predicate])):
            cls = mention.cls if mention.key is not None else chosen.get(mention.name, mention.cls)
            if cls != mention.cls and cls not in allowed:
                break  # the name's class does not fit this claim: it was read with another
            ends.append(mention if cls == mention.cls else replace(mention, cls=cls))
        else:
            out.append(
                claim if ends == [claim.subject, claim.object] else replace(claim, subject=ends[0], object=ends[1])
            )
    return out


class _Readings:
    """What the parse alone decides at a trigger, worked out once an article for every pass of the rules:
    its frame (the role lookups) and its modality."""

    __slots__ = ("frames", "modalities")

    def __init__(self):
        self.frames: dict[tuple, Frame] = {}  # (paragraph, trigger, excluded tokens) -> frame
        self.modalities: dict[tuple, Modality] = {}  # (paragraph, trigger, local, ended) -> modality


class _Run:
    """One pass of the rules over an article, starting from the candidates a pass before kept."""

    def __init__(
        self,
        article: Article,
        discourse: Discourse,
        resolver: Resolver,
        ruleset: RuleSet,
        sentences: list,
        readings: _Readings,
        found: list[tuple[Candidate, Span, Span]] = (),
    ):
        self.article = article
        self.sentences = sentences  # _sentences(discourse, ruleset)
        self.discourse = discourse
        self.resolver = resolver
        self.ruleset = ruleset
        self.found: list[tuple[Candidate, Span, Span]] = list(found)  # each candidate with its ends' spans
        self._frames = readings.frames
        self._modalities = readings.modalities
        # (rule, claim): a rule applied again states nothing new
        self._seen = {
            (
                c.rule_id,
                c.predicate,
                _mention_identity(c.subject),
                _mention_identity(c.object),
                c.modality,
                c.sentence_start,
            )
            for c, _, _ in self.found
        }

    def apply(self, wanted) -> None:
        entity_rules = [rule for rule in self.ruleset.entity_rules if wanted(rule)]  # asked once a pass
        for para, sent, triggers, spans in self.sentences:
            for token, rules in triggers:
                for rule in rules:
                    if wanted(rule):
                        match = _match_trigger(rule, token)
                        if match is not None:
                            self._apply(rule, match[0], para, sent, match[1])
            for span, root in spans:
                for rule in entity_rules:
                    if span.cls in rule.entity and (not rule.deps or root.dep_ in rule.deps):
                        self._apply(rule, root, para, sent)

    # ------------------------------------------------------------------ one rule at one trigger

    def _apply(self, rule: Rule, trigger, para: Paragraph, sent, exclude: frozenset[int] = frozenset()) -> None:
        key = (para.index, trigger.i, exclude)
        frame = self._frames.get(key)
        if frame is None:  # one frame a trigger: its roles are worked out once for every rule it triggers
            frame = self._frames[key] = Frame(trigger, exclude)
        lex = self.ruleset.lexicon
        for role, name, negated, bare in rule.where:
            tokens = frame.role(role)
            if bare:  # "film products" name a kind; "products" alone, or "component parts", none
                tokens = [t for t in tokens if not _has_kind(t, lex[name], lex["which_words"])]
            # a required word may sit in a modifier ("tyre sizes" are components); an excluded one is the
            # head itself ("a venture fund" is no venture)
            if negated:  # "a merchant-lending product, TumaCredit", "Nimbus, a unit owned by X": a noun apposed to a
                # name is no generic word
                tokens = [
                    t
                    for t in tokens
                    if not any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in t.children)
                    and not (
                        t.dep_ == "appos"
                        and t.head.pos_ == "PROPN"
                        and trigger.pos_ == "VERB"
                        and trigger in t.children
                    )
                ]
            hit = any(self._in_set(t, para.index, lex[name], modifiers=not negated) for t in tokens)
            if hit == negated:
                return
        for role, need in rule.require:
            tokens = frame.role(role)
            if need == "filled" and not tokens:
                return
            if need == "empty" and tokens:
                return
            if need == "unlisted" and any(self._in_list(t, para.index) for t in [trigger, *tokens]):
                return
            if need == "model" and not any(self._model(t, para.index) for t in tokens):
                return
            if need == "unaffiliated" and any(_affiliation(t, self.ruleset.lexicon) or _partner(t) for t in tokens):
                return
            if need == "near" and any(_far(t, trigger) or _ranked(t) for t in tokens):
                return
            if need == "not-agent" and any(
                self.resolver.resolve(t, para.index, _AGENT_CLASSES, strict=True) for t in tokens
            ):
                return
            if need in ("named", "unnamed"):
                named = any(
                    self.resolver.resolve(t, para.index, rule.subject_class | rule.object_class, strict=True)
                    for t in tokens
                )
                if named != (need == "named"):
                    return
        modality = self._modality(rule, trigger, para)
        if modality.value is None:
            return
        want = rule.subject_class | rule.object_class
        pairs: list[tuple[Span, str, Span, str]] = []  # (subject, its role, object, its role)
        for role in rule.pair:
            members = _unique(self._fill(rule, frame, role, para.index, want))
            if len(members) >= 2 and not self._other_party(rule, frame, members, para.index):
                pairs = [(a, role, b, role) for i, a in enumerate(members) for b in members[i + 1 :]]
                break
        if not pairs and rule.subject and rule.object:
            s_role, subjects = self._first(rule, frame, rule.subject, para.index, rule.subject_class)
            if not subjects:
                return
            objects, o_role = [], ""
            for role in rule.object:
                if any(_reciprocal(t) for t in frame.role(role)):
                    members = _unique(subjects)
                    pairs = [(a, s_role, b, "reciprocal") for a in members for b in members if not _same(a, b)]
                    break
                objects = [
                    o
                    for o in self._fill(rule, frame, role, para.index, rule.object_class)
                    if not any(_same(o, s) for s in subjects)
                ]  # a role the subject fills is not the object's
                if objects:
                    o_role = role
                    break
            if not pairs:
                pairs = [(s, s_role, o, o_role) for s in _unique(subjects) for o in _unique(objects)]
        quoted = self.resolver.in_quote(trigger, para.index)
        speaker = self.resolver.speaker(trigger, para.index) if quoted else None
        if speaker is not None and speaker.cls != "Person":
            speaker = None  # a claim's speaker is a person (ontology/trade.ttl); a firm's statement has none
        narrower = _PARTS_PROPERTY.get(rule.predicate)
        parts = narrower is not None and bool(pairs) and self._parts(frame, para.index)
        for subject, s_role, obj, o_role in pairs:
            subject, obj = self._we_in_focus(subject, obj, (para.index, trigger.i))
            if _same(subject, obj):
                continue
            where = (trigger, para, sent, speaker, quoted)
            # a supply of parts to a firm or for a product is the narrower claim: "drives are purchased from Siemens",
            # "supplying catalytic converters to Zeller" (to a country it stays a supply)
            predicate = rule.predicate
            if narrower is not None and parts and obj.cls in RANGE[narrower]:
                predicate = narrower
            self._emit(rule, predicate, subject, s_role, obj, o_role, modality, where)
            for also in rule.also:
                if subject.cls in also.subject_class and obj.cls in also.object_class:
                    self._emit(rule, also.predicate, subject, s_role, obj, o_role, modality, where)

    def _parts(self, frame, para: int) -> bool:
        """Whether the goods of a supply are parts: the head noun of its theme, or of what a buyer is supplied with
        ("supplies Ford with engines"), is one of the lexicon's ``components`` (a theme that names a party is the
        buyer, not goods: "supplies the battery producer Northvolt with nickel")."""
        components = self.ruleset.lexicon["components"]
        return any(
            self._in_set(m, para, components, modifiers=False)
            for r in ("theme", "with")
            for t in frame.role(r)
            if not self.resolver.resolve(t, para, _AGENT_CLASSES, strict=True)
            for m in (t, *t.conjuncts)
        )

    def _modality(self, rule: Rule, trigger, para: Paragraph) -> Modality:
        key = (para.index, trigger.i, rule.local_modality, rule.ended)
        modality = self._modalities.get(key)
        if modality is None:
            modality = self._modalities[key] = modality_of(
                trigger, self.ruleset.modality, local=rule.local_modality, ended=rule.ended
            )
        return modality

    def _model(self, token, para: int) -> bool:
        """The token names a product model ("the iPhone", "BELAZ 75710"), not a kind ("buses")."""
        span = self.discourse.at(para, token.i)
        entry = self.resolver.gazetteer.get(span.key) if span is not None else None
        return (
            span is not None
            and span.cls == "Product"
            and span.via in ("gazetteer", "ner", "alias")
            and not (entry is not None and entry.category)
        )

    def _in_list(self, token, para: int) -> bool:
        """The name at the token is one of a list of names of its kind ("Minsk, Moscow and Astana"), not a
        place set off by the larger place it is in ("Round Rock, Texas", "Calgary, Alberta, Canada")."""
        span = self.discourse.at(para, token.i)
        if span is not None and span.cls in ("Region", "Country"):
            before = self._previous_places(span, para)
            # "the United States, Canada, Puerto Rico, South Korea": a place after a country and a comma is a
            # member of a list (a chain of places ends in its country)
            if before and before[-1].cls == "Country":
                return True
        following = self._next_name(span, para) if span is not None else None
        if following is None or following[1].cls != span.cls:
            return False
        if following[0] != ",":
            return True  # "Minsk and Moscow"
        more = self._next_name(following[1], para)
        # "Minsk, Moscow, Astana"; "Quebec, Ontario and Mexico" (a list may end in a larger place)
        return more is not None and (more[1].cls == span.cls or more[0] in ("and", "or"))

    def _previous_places(self, span: Span, para: int) -> list[Span]:
        """The places right before the span, each followed by a comma ("Malabo, Germany, Madrid"), nearest last."""
        doc = self.discourse.paragraphs[para].doc
        out: list[Span] = []
        while span.first >= 2 and doc[span.first - 1].text == ",":
            before = self.discourse.at(para, span.first - 2)
            if before is None or before.cls not in ("Region", "Country"):
                break
            out.insert(0, before)
            span = before
        return out

    def _next_name(self, span: Span, para: int):
        """(separator, the name after it) when the name is followed by ",", "and", "or" and another name."""
        doc = self.discourse.paragraphs[para].doc
        j = span.last
        if j >= len(doc) or doc[j].lower_ not in (",", "and", "or", "&"):
            return None
        separator = doc[j].lower_
        j += 1
        if separator == "," and j < len(doc) and doc[j].lower_ in ("and", "or"):
            separator, j = doc[j].lower_, j + 1
        other = self.discourse.at(para, j) if j < len(doc) else None
        return (separator, other) if other is not None and other.first == j else None

    def _in_set(self, token, para: int, words, modifiers: bool = True) -> bool:
        """The token (or, with ``modifiers``, a modifier of it) is in a word list; a word inside a name
        never is ("Company" in "Udokan Mining Company"), though the whole name may be ("Europe")."""
        span = self.discourse.at(para, token.i)
        if (
            span is not None
            and span.via in ("gazetteer", "ner", "descriptor", "alias")
            and not (self.resolver.gazetteer.get(span.key) and self.resolver.gazetteer[span.key].category)
        ):
            return span.name.lower() in words or span.surface.lower() in words
        return _in_set(token, words, modifiers)

    def _we_in_focus(self, subject: Span, obj: Span, position) -> tuple[Span, Span]:
        """ "We" said for a country, facing a company: the domestic company named with it just before."""
        if subject.via == "speaker" and subject.cls == "Country":
            partner = self.resolver.domestic_partner(subject, obj, position)
            if partner is not None:
                subject = _swap(subject, partner)
        if obj.via == "speaker" and obj.cls == "Country":
            partner = self.resolver.domestic_partner(obj, subject, position)
            if partner is not None:
                obj = _swap(obj, partner)
        return subject, obj

    def _first(self, rule: Rule, frame: Frame, roles, para: int, want) -> tuple[str, list[Span]]:
        """The first of the roles that names entities of the wanted classes, and those entities."""
        for role in roles:
            found = self._fill(rule, frame, role, para, want)
            if found:
                return role, found
            if role == "head" and any(self._named_other(token, para) for token in frame.role(role)):
                # "Turkey's Kadir Boru" read as a person: the modifier is still said of that name, never of
                # the next one or of another the sentence describes
                return "", []
        return "", []

    def _named_other(self, token, para: int) -> bool:
        """The token is in the name of a party (a person, firm or place), not of a product: "Belarusian BelAZ
        mining equipment" still looks past the product to the maker named before it."""
        span = self.discourse.at(para, token.i)
        return span is not None and span.via in ("ner", "gazetteer", "alias") and span.cls not in ("Product", "Sector")

    def _fill(self, rule: Rule, frame: Frame, role: str, para: int, want) -> list[Span]:
        """The entities filling a role, coordinated members included."""
        prefix, _, last = role.rpartition(".")
        if last in ("made", "models", "market", "ministry", "nation"):
            # what a maker makes ("truck maker"), the models a noun names, what a market trades ("the smart
            # meter market"): of the trigger, or of the tokens of the roles before
            finder = {
                "made": self.resolver.made,
                "models": self.resolver.models,
                "market": self.resolver.market,
                "ministry": self.resolver.ministry,
                "nation": self.resolver.nation,
            }[last]
            found = [s for t in (frame.role(prefix) if prefix else [frame.trigger]) for s in finder(t, para)]
        elif role == "reported_company":  # the firm whose news a titled speaker reports
            found = speakers.reported_company(self.resolver, frame.trigger, para, want)
        elif role in ("salient_company", "salient_country", "main_country"):
            # the firm, or the country, the article is about; main_country: that country when no firm is named
            # more often (in a firm's profile a bare "President" is the firm's)
            main = {
                "salient_company": self.salient,
                "salient_country": self.resolver.salient_country,
                "main_country": self.resolver.main_country,
            }[role]
            found = [main] if main is not None else []
        elif role == "narrator":
            # the firm a first-person text speaks for ("Major customers include X", "steel is procured from X"),
            # only where the trigger has no party of its own, named or not ("Lumo products include", "the
            # products of its centre", "their products")
            narrator = self.resolver.narrator
            owned = any(frame.role(r) for r in ("agent", "poss", "of")) or any(
                t.ent_type_ or (t.pos_ == "PROPN" and not t.is_sent_start) for t in frame.role("mod")
            )
            found = [narrator] if narrator is not None and not owned else []
        else:
            modifier = last in _MODIFIER_ROLES or last == "premod"
            strict = last == "next"
            if strict:  # "Belarusian BelAZ mining equipment": a company right after, not a place
                want = want & {"Company", "Organization"}
            # a descriptor is said of one entity: "Chinese President Xi and Kazakh President Tokayev"
            single = last in ("described", "self", "head", "next", "comma") and not (
                last == "described" and frame.trigger.tag_ == "NNS"
            )  # "investors X and Y": plural, several
            found = []
            seen = set()
            for token in frame.role(role):
                alone = single or _said_of_it_alone(token, frame.trigger)
                members = (token,) if alone else (token, *_conjuncts(token))
                if "Product" in want:  # "makes denim and home textiles": "denim" too, a product by its phrase
                    for split in (m for t in members for m in coordinated_modifiers(t, self.resolver.gazetteer)):
                        if split.i not in seen and (product := self.resolver.phrase(split, para)) is not None:
                            seen.add(split.i)
                            found.append(product)
                for member in members:
                    if member.i not in seen:
                        seen.add(member.i)
                        named = self.resolver.resolve(member, para, want, modifier=modifier, strict=strict)
                        if single and member.tag_ == "NN":
                            # "the Finnish papermaker A and the Chilean pulp producer B": a singular descriptor
                            # is said of its own name, not of the names coordinated with it
                            named = named[:1]
                        found.extend(named)
            if last == "premod":  # a name of unsure class before a noun is as likely a model as a maker
                found = [span for span in found if not span.weak]
        if rule.stand_for:
            found = [self.resolver.stand_for(span) for span in found]
        return [span for span in found if span.cls in want]

    @property
    def salient(self) -> Span | None:
        return self.resolver.salient

    def _other_party(self, rule: Rule, frame, members: list[Span], para: int) -> bool:
        """Whether an object role names a party besides the listed ones: "X and Y compete with Z" pairs each
        with Z, not X with Y."""
        return any(
            not any(_same(o, m) for m in members)
            for role in rule.object
            if not any(_reciprocal(t) for t in frame.role(role))
            for o in self._fill(rule, frame, role, para, rule.object_class)
        )

    def _emit(
        self, rule: Rule, predicate: str, subject: Span, s_role: str, obj: Span, o_role: str, modality, where
    ) -> None:
        trigger, para, sent, speaker, quoted = where
        if subject.cls == "Person" and "Person" not in rule.subject_class:
            return
        macro = self.ruleset.lexicon["macro_regions"]
        if any(end.cls == "Region" and end.name.lower() in macro for end in (subject, obj)):
            return  # "Europe", "the Middle East": a part of the world, no party to any claim
        seen = (rule.id, predicate, _identity(subject), _identity(obj), modality.value, para.offset + sent.start_char)
        if seen in self._seen:
            return
        self._seen.add(seen)
        features = candidate_features(
            rule,
            predicate,
            trigger,
            subject,
            s_role,
            obj,
            o_role,
            modality,
            sent,
            para,
            self.discourse,
            self.ruleset.lexicon,
            quoted,
        )
        candidate = Candidate(
            subject=_record(subject),
            predicate=predicate,
            object=_record(obj),
            modality=modality.value,
            article_id=self.article.id,
            sentence=sent.text.strip(),
            sentence_start=para.offset + sent.start_char,
            sentence_end=para.offset + sent.end_char,
            rule_id=rule.id,
            features=features,
            speaker=_record(speaker) if speaker is not None else None,
            cues=modality.cues,
        )
        self.found.append((candidate, subject, obj))


def _sentences(discourse: Discourse, ruleset: RuleSet):
    """Each sentence to read (questions claim nothing), with its trigger tokens and the rules they may
    trigger, and its mentions with their root tokens (for rules a name triggers): worked out once an
    article, for every pass."""
    by_lemma = ruleset.by_lemma
    by_sentence: dict[tuple[int, int], list] = {}
    for span in discourse.spans:
        doc = discourse.paragraphs[span.para].doc
        root = doc[span.last - 1]
        for i in range(span.first, span.last):
            if doc[i].head.i < span.first or doc[i].head.i >= span.last:
                root = doc[i]
        by_sentence.setdefault((span.para, doc[span.first].sent.start), []).append((span, root))
    out = []
    for para in discourse.paragraphs:
        text = discourse.texts[para.index]
        for sent in para.doc.sents:
            if _is_question(text[sent.start_char : sent.end_char]):
                continue
            triggers = []
            for token in sent:
                if token.pos_ in _CONTENT_POS:
                    rules = [
                        r
                        for r in (by_lemma.get(token.lemma_.lower(), ()) or by_lemma.get(token.lower_, ()))
                        if not r.entity
                    ]
                    if rules:
                        triggers.append((token, rules))
            out.append((para, sent, triggers, by_sentence.get((para.index, sent.start), [])))
    return out


def _swap(span: Span, target: Span) -> Span:
    return Span(
        name=target.name,
        cls=target.cls,
        key=target.key,
        para=span.para,
        first=span.first,
        last=span.last,
        start=span.start,
        end=span.end,
        via="speaker",
        surface=span.surface,
    )


def _record(span: Span) -> Mention:
    return Mention(
        name=span.name,
        cls=span.cls,
        start=span.start,
        end=span.end,
        key=span.key,
        via=span.via,
        text=span.surface if span.surface != span.name else "",
    )


def _identity(span: Span) -> str:
    return span.key or normalize_name(span.name)


def _mention_identity(mention: Mention) -> str:
    return mention.key or normalize_name(mention.name)


def _same(a: Span, b: Span) -> bool:
    return _identity(a) == _identity(b)


def _unique(spans: list[Span]) -> list[Span]:
    out, seen = [], set()
    for span in spans:
        key = _identity(span)
        if key not in seen:
            seen.add(key)
            out.append(span)
    return out


def _said_of_it_alone(token, trigger) -> bool:
    """A relative clause in the singular that modifies the last of coordinated names is said of that one: in
    "Prodrive, an electronics maker, and NTS Group, which builds frames", NTS Group builds them (but in "X and
    Y, which make vans", both do)."""
    if token.dep_ != "conj":
        return False
    for clause in token.children:
        if clause.dep_ == "relcl" and (clause == trigger or clause in trigger.ancestors):
            return any(t.tag_ == "VBZ" for t in (clause, *clause.children) if t.dep_ in ("relcl", "aux", "auxpass"))
    return False


def _conjuncts(token):
    """Coordinated members, minus a closing summary ("A, B and other parts")."""
    if token.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "X", "ADJ"):
        return ()
    members = list(token.conjuncts)
    if token.pos_ == "NOUN" and not members:
        # "the national oil company KazMunayGas and CNPC signed": the name in apposition is coordinated
        for name in (c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"):
            members += [name, *name.conjuncts]
    if token.pos_ == "PROPN" and not members:
        # "exports to Zambia, the DRC, Zimbabwe and Ghana": a list the parser hung on an apposed name (a list of
        # names, not one description: "Zambia, the country's top producer" has no members)
        for name in (c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > token.i):
            names = [m for m in name.conjuncts if m.pos_ == "PROPN"]
            if names:
                members += [name, *names]
    if len(members) == 1 and closes_apposition(token, members[0]):
        return ()
    return tuple(
        t
        for t in members
        if t.pos_ in ("NOUN", "PROPN", "X", "ADJ", "NUM")
        and not any(c.dep_ == "amod" and c.lower_ in ("other", "similar") for c in t.children)
        and not _gapped(t)
    )


# the ontology's narrower property of a supply when its goods are parts (producesComponentsFor, a sub-property of
# supplies; ``kg.vocab.SUBPROPERTY_OF``)
_PARTS_PROPERTY = {sup: sub for sub, sup in SUBPROPERTY_OF.items()}


def _gapped(member) -> bool:
    """ "X holds 51% of the venture and Kanto Tekko the rest": a member right after "and" that a noun phrase of
    its own follows is the subject of a clause with its verb left out, not a member of the list."""
    doc = member.doc
    end = max(t.i for t in member.subtree if t.i >= member.i) + 1
    if member.i == 0 or doc[member.left_edge.i - 1].lower_ not in ("and", "while", "but") or end >= len(doc):
        return False
    after = doc[end]
    if after.lower_ in ("the", "a", "an") or (after.like_num and end + 1 < len(doc) and doc[end + 1].text == "%"):
        return True
    # "... 51 percent of Cemex Holdings Philippines and Dacon, a holding company of the family, holds the remaining
    # 49 percent": past an apposition, the member's own verb
    j = _past_punct(doc, end)
    if j < len(doc):
        token = doc[j]
        appos = token if token.dep_ == "appos" else next((a for a in token.ancestors if a.dep_ == "appos"), None)
        if appos is not None:
            j = _past_punct(doc, max(t.i for t in appos.subtree) + 1)
    return end < j < len(doc) and doc[j].tag_ in ("VBZ", "VBD", "VBP", "MD") and doc[j].dep_ == "conj"


def _past_punct(doc, i: int) -> int:
    while i < len(doc) and doc[i].is_punct:
        i += 1
    return i


def _far(token, trigger) -> bool:
    """The parser joined two words across the first one's apposition or relative clause ("Daewon, a cathode maker
    that opened a plant in Nysa, in southern Poland"; "a Delaware corporation that provides services ... from our
    Rocky Hill office"): the second belongs inside that clause."""
    first, second = sorted((token, trigger), key=lambda t: t.i)
    return any(
        c.dep_ in ("appos", "relcl", "acl") and first.i < c.i < second.i and c.right_edge.i < second.i
        for c in first.children
    )


def _ranked(noun) -> bool:
    """ "the largest combine maker in the former Soviet Union", "the best-selling brands in Brazil": a superlative
    makes the place the scope of a ranking, not where the noun is."""
    return any(c.tag_ in ("JJS", "RBS") for c in noun.subtree if c.i < noun.i)


def _affiliation(token, lex) -> bool:
    """The token names where a person works: "an analyst at Kotak", "a professor with Tallinn University"."""
    prep = token.head
    return (
        token.dep_ == "pobj"
        and prep.lower_ in ("at", "with")
        and prep.head != prep
        and prep.head.lemma_.lower() in lex["person_descriptors"]
    )


def _partner(token) -> bool:
    """The token is a noun's partner ("its joint venture with Arcelik in Istanbul", "a plant with SK On and Koc
    Holding in Ankara"): a place after it says where the venture or plant is, not the partner."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ in ("with", "alongside", "between") and prep.head.pos_ == "NOUN"


def _has_kind(token, generic, which) -> bool:
    """The noun has a modifier saying what kind it is ("film" in "film products", "auto" in "auto parts"; not
    another generic word: "component parts")."""
    return any(
        c.dep_ in ("compound", "amod", "nmod")
        and c.i < token.i
        and c.pos_ in ("NOUN", "PROPN", "ADJ", "VERB")
        and not c.like_num
        and c.tag_ not in ("JJS", "JJR")
        and c.lower_ not in which
        and c.lemma_.lower() not in generic
        for c in token.children
    )


def _reciprocal(token) -> bool:
    doc = token.doc
    if token.lower_ == "other" and token.i > 0 and doc[token.i - 1].lower_ == "each":
        return True
    if token.lower_ == "another" and token.i > 0 and doc[token.i - 1].lower_ == "one":
        return True
    return False


def _in_set(token, words, modifiers: bool = True) -> bool:
    """The token (its lemma, its hyphenated word, "$money" for an amount) or one of its modifiers is in the set."""
    if _has_form(token, words):
        return True
    return modifiers and any(c.dep_ in ("compound", "amod") and _has_form(c, words) for c in token.children)


def _has_form(token, words) -> bool:
    """One of the token's forms is in the set: its lemma, its word, its hyphenated word, its word as an exact form
    ("=arm"), its entity type for an amount ("150 million crowns" is "$money"); the cheap ones asked first."""
    lower = token.lower_
    if lower in words or token.lemma_.lower() in words or "=" + lower in words or hyphen_word(token) in words:
        return True
    ent_type = token.ent_type_
    return bool(ent_type) and "$" + ent_type.lower() in words


def _is_question(text: str) -> bool:
    """The sentence (its text) asks a question."""
    text = text.strip()
    return text.endswith("?") or text.endswith('?"') or text.endswith("?\u201d")


def _match_trigger(rule: Rule, token):
    """The trigger at this token, with the indices of its other words; None if the rule does not fire."""
    if rule.pos and token.pos_ not in rule.pos:
        return None
    if rule.deps and token.dep_ not in rule.deps:
        return None
    lemma = token.lemma_.lower()
    if lemma in rule.lemmas or token.lower_ in rule.lemmas:
        if rule.exclude and _excluded(rule, token):
            return None
        return token, frozenset()
    for phrase in rule.phrases:
        if lemma not in (phrase[-1], phrase[0]) and token.lower_ not in (phrase[-1], phrase[0]):
            continue
        window = _phrase_window(phrase, token)
        if window is not None:
            if rule.exclude and _excluded(rule, token, window):
                return None
            return token, frozenset(window) - {token.i}
    return None


def _phrase_window(phrase: tuple[str, ...], token):
    """The token indices of a multi-word trigger whose syntactic head is ``token``, or None.

    "prime minister", "director general" are read off consecutive words; a verb
    with its particle or preposition ("hand over", "buy into") off its children.
    """
    doc = token.doc
    n = len(phrase)
    for start in range(max(0, token.i - n + 1), token.i + 1):
        if start + n <= len(doc) and all(_word_is(doc[start + k], phrase[k]) for k in range(n)):
            window = range(start, start + n)
            heads = [doc[i] for i in window if doc[i].head.i not in window or doc[i].head.i == doc[i].i]
            if heads and heads[0] == token:
                return list(window)
    if _word_is(token, phrase[0]) and token.pos_ in ("VERB", "AUX"):
        children = [c for c in token.children if c.dep_ in ("prt", "prep", "advmod", "dobj")]
        found = [token.i]
        for word in phrase[1:]:
            match = [c for c in children if _word_is(c, word)]
            if not match:
                return None
            found.append(match[0].i)
        return found
    return None


def _word_is(token, word: str) -> bool:
    return token.lower_ == word or token.lemma_.lower() == word


def _excluded(rule: Rule, token, window=()) -> bool:
    """A modifier or a word just before the trigger cancels it ("Deputy Prime Minister")."""
    doc = token.doc
    first = min([token.i, *window])
    near = {
        c.lemma_.lower()
        for c in token.children
        if c.dep_ in ("compound", "amod", "advmod", "nmod") and c.i not in window
    }
    near |= {doc[i].lower_ for i in range(max(0, first - 3), first)}
    return bool(near & rule.exclude)
