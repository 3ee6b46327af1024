"""Entity mentions of an article: gazetteer and NER spans, classed from their context.

The statistical model finds names well but labels them poorly ("Liftmash",
"Belshina" and "Uralkali" come out as PERSON, "Integral" as GPE). A mention's
class is taken, in order, from the gazetteer, from words inside the name
("... Mining Company", "... Oblast", "Ministry of ..."), from a descriptor noun
next to it ("the elevator maker Liftmash", "Ufa, the capital of ..."), and
only then from the NER label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import islice

from ..gazetteer import Gazetteer
from ..iri import normalize_name
from ..nlp import Paragraph
from ..spans import is_article, is_legal_suffix, is_particle, letter_prefix, plural_possessive, ticker_tokens
from .frames import lists_members
from .rules import RuleSet

__all__ = [
    "Span",
    "Discourse",
    "collect_mentions",
    "copy_span",
    "same_entity",
    "infer_class",
    "descriptor_beside",
    "full_name_of",
    "settle_classes",
    "phrase_text",
    "at_token",
    "defined_term",
    "NER_CLASSES",
]

NER_CLASSES = {
    "ORG": "Company",
    "FAC": "Company",
    "GPE": "Region",
    "LOC": "Region",
    "PERSON": "Person",
    "PRODUCT": "Product",
    "WORK_OF_ART": "Product",
}
_POSSESSIVES = {"its", "their", "his", "her", "our"}
_TRAILING_WORDS = {"of", "and", "&", "the", "for", "in", "at"}


@dataclass(frozen=True)
class Span:
    """A mention while the article is being read (turned into a Mention record on output). Immutable: a
    mention read again (its class settled, its name linked to a fuller one) is replaced in the discourse."""

    name: str
    cls: str
    key: str | None
    para: int
    first: int  # token index of the first token in the paragraph doc
    last: int  # token index one past the end
    start: int  # character offsets in Article.content
    end: int
    via: str
    weak: bool = False  # class is a guess from the NER label alone
    unlabelled: bool = False  # a name the NER missed: its class is a default, not even a guess
    demonym: bool = False
    surface: str = ""
    members: tuple[Span, ...] = ()  # for groups ("the two companies")

    @property
    def position(self) -> tuple[int, int]:
        return (self.para, self.first)


@dataclass
class Discourse:
    """Every mention of an article in reading order, with the paragraphs they come from."""

    paragraphs: list[Paragraph]
    spans: list[Span] = field(default_factory=list)
    gazetteer: Gazetteer | None = None
    by_token: dict[tuple[int, int], Span] = field(default_factory=dict)
    aliases: dict[str, Span] = field(default_factory=dict)  # normalised surface -> first full mention
    defined: dict[str, Span] = field(default_factory=dict)  # a filing's defined term ("company") -> its party
    not_parties: frozenset[str] = frozenset()  # the heads of names of texts, events, streets ("Act", "Road")
    credits: frozenset[str] = frozenset()  # a wire story's credit lines ("Reporting by", "Editing by")
    prefixes: frozenset[str] = frozenset()  # "Non", "Ex": a word's prefix before a hyphen, no name

    @cached_property
    def quotes(self) -> list[list[tuple[int, int]]]:
        """The character ranges of each paragraph's quoted passages (:func:`kg.extract.speakers.quote_ranges`)."""
        from .speakers import quote_ranges

        return [quote_ranges(text) for text in self.texts]

    @cached_property
    def texts(self) -> list[str]:
        """The text of each paragraph's doc (made from its tokens once, not once a sentence)."""
        return [p.doc.text for p in self.paragraphs]

    @cached_property
    def mention_counts(self) -> dict[str, int]:
        """How many mentions each name (its gazetteer key, else its name) has; worked out once, when the
        mentions are all collected (as the rules read them)."""
        counts: dict[str, int] = {}
        for span in self.spans:
            counts[span.key or span.name] = counts.get(span.key or span.name, 0) + 1
        return counts

    @cached_property
    def by_paragraph(self) -> dict[int, list[Span]]:
        """The mentions of each paragraph in reading order; worked out once, when the mentions are all
        collected."""
        out: dict[int, list[Span]] = {}
        for span in self.spans:
            out.setdefault(span.para, []).append(span)
        return out

    def add(self, span: Span) -> None:
        """Read a mention in; one inside a wire story's dateline ("SAO PAULO, May 4 (Meridian) -") is none:
        the place filed the story and is no party to it, whichever stage found its name; nor is a name that is
        a text's or an event's."""
        para = self.paragraphs[span.para]
        if para.masked and para.doc[span.first].idx < para.masked:
            return
        if word_piece(para.doc, span.first, span.last, self.prefixes):
            return  # "Non" of "Non-Executive Director": a piece of a word, no name
        if span.via != "gazetteer" and name_head(para.doc, span.first, span.last) in self.not_parties:
            return  # "the Australia-Chile Free Trade Agreement", "the Independence Act", "14 Avinashi Road"
        if self.credits and _credit_line(para.doc[span.first].sent, self.credits):
            return  # "(Reporting by Minh Tran in Hanoi; Editing by Helen Marsh)": who wrote the story
        self.spans.append(span)
        for i in range(span.first, span.last):
            self.by_token[(span.para, i)] = span

    def replace(self, old: Span, new: Span) -> Span:
        """Put ``new`` where ``old`` stood (in reading order, at its tokens, as an alias's full mention)."""
        self.spans[next(k for k, s in enumerate(self.spans) if s is old)] = new
        for i in range(old.first, old.last):
            if self.by_token.get((old.para, i)) is old:
                self.by_token[(old.para, i)] = new
        for name, span in self.aliases.items():
            if span is old:
                self.aliases[name] = new
        return new

    def at(self, para: int, i: int) -> Span | None:
        return self.by_token.get((para, i))

    def before(self, position: tuple[int, int], classes, *, limit: int = 40, skip_demonyms: bool = True):
        """Mentions of the given classes before a position, nearest first."""
        count = 0
        for span in reversed(self.spans):
            if span.position >= position:
                continue
            if span.cls in classes and not (skip_demonyms and span.demonym):
                yield span
                count += 1
                if count >= limit:
                    return


def _leading_word(token) -> bool:
    """An article or possessive before a name, no part of it ("the", "its"; "An" only as the article)."""
    return is_article(token) or token.lower_ in _POSSESSIVES


def _clean_name(span) -> tuple[str, int, int]:
    """Strip leading articles/possessives and a trailing "'s" from a span; return text and token bounds.
    A possessive inside ends the name: "Harrow's Tundra" names Harrow (what it owns is another name)."""
    first, last = span.start, span.end
    doc = span.doc
    inner = [t.i for t in span[1:-1] if t.tag_ == "POS" and not plural_possessive(t)] if len(span) > 2 else []
    if inner:
        last = inner[0]
    while first < last and (_leading_word(doc[first]) or doc[first].is_punct):
        first += 1
    while last > first and (
        doc[last - 1].tag_ == "POS"
        or doc[last - 1].is_punct
        or doc[last - 1].is_space
        or doc[last - 1].lower_ in _TRAILING_WORDS
    ):
        last -= 1  # "Al Sayegh Trading of" (before "Dubai"): a name does not end in "of"
    text = doc[first:last].text if first < last else ""
    return " ".join(text.split()), first, last


def collect_mentions(paragraphs: list[Paragraph], gazetteer: Gazetteer, ruleset: RuleSet) -> Discourse:
    """Find the entity mentions of every paragraph, in order."""
    discourse = Discourse(
        paragraphs=paragraphs,
        gazetteer=gazetteer,
        not_parties=ruleset.lexicon["not_party_heads"],
        credits=ruleset.lexicon["credit_lines"],
        prefixes=ruleset.lexicon["word_prefixes"],
    )
    persons: dict[str, Span] = {}  # surname -> full-name mention
    for para in paragraphs:
        doc = para.doc
        for ent in doc.ents:
            if ent.start_char < para.masked:
                continue  # the dateline's place filed the story; it is no party to it
            if any(discourse.at(para.index, i) is not None for i in range(ent.start, ent.end)):
                continue  # inside a longer name read before ("Laser Equipment" in "... Plant of ... Equipment")
            span = _from_ent(ent, para, gazetteer, ruleset)
            if span is None:
                continue
            discourse.add(_link_alias(span, discourse, persons))
            _define_terms(span, discourse, ruleset.lexicon)
    for span in _unlabelled_names(paragraphs, discourse, ruleset):
        discourse.add(_link_alias(span, discourse, persons))
        _define_terms(span, discourse, ruleset.lexicon)
    discourse.spans.sort(key=lambda s: s.position)
    settle_classes(discourse)
    for para in paragraphs:
        for span in _named_by_descriptor(para, discourse, ruleset):
            discourse.add(span)
    discourse.spans.sort(key=lambda s: s.position)
    merge_place_suffixes(discourse, ruleset.lexicon)
    merge_place_prefixes(discourse, ruleset.lexicon)
    merge_of_places(discourse, ruleset.lexicon)
    link_short_names(discourse)
    settle_classes(discourse)
    for para in paragraphs:
        for span in _missed_known_names(para, discourse):
            discourse.add(span)
    discourse.spans.sort(key=lambda s: s.position)
    return discourse


def _unlabelled_names(paragraphs: list[Paragraph], discourse: Discourse, ruleset: RuleSet):
    """Names the entity recogniser missed: runs of capitalised words that recur in the article
    ("Tumapesa raises ...", "Tumapesa will use ...") or come with a descriptor ("Tumapesa, a
    Nairobi-based fintech"). A headline in title case only repeats names the body gives."""
    lex = ruleset.lexicon
    skip = (
        lex["not_names"]
        | lex["months"]
        | lex["proper_stopwords"]
        | lex["title_words"]
        | lex["person_descriptors"]
        | lex["state_titles"]
        | lex["company_name_suffixes"]
        | lex["stock_exchanges"]
        | lex["weekdays"]
        | lex["currency_codes"]
    )

    def name_word(t) -> bool:
        if not (t.is_title or (t.is_upper and len(t) > 2)):
            return False  # most words: the cheap test first
        alnum = t.text.isalnum() and any(ch.isalpha() for ch in t.text) and not t.like_num  # "Ładownia24"
        return alnum and t.ent_type_ not in _NOT_NAME_TYPES

    def word(t) -> bool:  # a name's word, or the hyphen inside one ("SGT5-4000F", "Rolls-Royce", "e-Mobility")
        if t.text == "-" and 0 < t.i < len(t.doc) - 1 and not t.whitespace_ and not t.doc[t.i - 1].whitespace_:
            before = t.doc[t.i - 1]
            return (name_word(before) or letter_prefix(before)) and name_word(t.doc[t.i + 1])
        return name_word(t) or letter_prefix(t)

    common = ruleset.common_words
    runs = []
    for para in paragraphs:
        doc = para.doc
        headline = _headline(doc)
        tickers = doc.user_data.get("kg_tickers")  # as the name policy found them (kg/spans.py)
        if tickers is None:
            tickers = ticker_tokens(doc, ruleset.name_policy)
        for i, j in _free_runs(para, discourse, word):
            if tickers.intersection(range(i, j)):
                continue  # "(Nasdaq: RIVN)": an exchange ticker, no name
            glued = i > 0 and (
                discourse.at(para.index, i - 1) is not None
                or (doc[i - 1].text == "-" and i > 1 and discourse.at(para.index, i - 2) is not None)
            )
            if glued and doc[i].lower_ not in lex["title_words"]:
                continue  # "Kazakhstan-China Pipeline", "Jizzakh Polytechnic Institute": part of a longer name
                # (but "Airbus Chief Executive Guillaume Faury": a title after the name opens another)
            a = i
            while a < j and (
                doc[a].is_stop or doc[a].lower_ in skip or (a == doc[a].sent.start and doc[a].lower_ in common)
            ):
                a += 1  # "The", "Separately", "Existing investors", "Founder"
            if a > 1 and doc[a - 1].lower_ in ("of", "for") and doc[a - 2].lower_ in lex["person_descriptors"]:
                while a < j - 1 and doc[a].lower_ in lex["portfolio_words"]:
                    a += 1  # "Minister of Economy Gevorg Papoyan": the portfolio is no part of the name
            b = j
            while b > a and (doc[b - 1].is_stop or doc[b - 1].lower_ in skip):
                b -= 1
            kinds = [k for k in range(a, b - 1) if doc[k].lemma_.lower() in ruleset.kind_words]
            if kinds:
                a = kinds[-1] + 1  # "Bulgarian Lift Maker Rila Lift Targets ...": what it is, then its name
            if a < b:
                longer = _of_continuation(doc, b, lex)  # "the Ministry of Energy", "Bank of Georgia"
                if longer > b and all(discourse.at(para.index, k) is None for k in range(b, longer)):
                    b = longer
                runs.append((para, a, b, headline))
    counts: dict[str, int] = {}
    for para, a, b, _ in runs:
        key = normalize_name(para.doc[a:b].text)
        counts[key] = counts.get(key, 0) + 1
    for span in discourse.spans:
        key = normalize_name(span.surface or span.name)
        if key in counts:
            counts[key] += 1
    body = {normalize_name(para.doc[a:b].text) for para, a, b, headline in runs if not headline}
    for para, a, b, headline in runs:
        doc = para.doc
        if all(doc[i].lower_ in lex["company_name_words"] for i in range(a, b)):
            continue  # "Tyres are supplied to ...", "Logistics": words firms' names end in, no name alone
        if b - a == 1 and defined_term(doc[a], lex):
            continue  # "the Partnership": a defined term (:func:`defined_term`)
        text = doc[a:b].text
        key = normalize_name(text)
        cls, weak = infer_class(doc, a, b, "", ruleset)
        if (
            _after_person_title(doc, a, lex)
            and b - a > 1
            and not any(doc[k].lower_ in lex["company_name_words"] for k in range(a, b))
        ):
            cls, weak = "Person", False  # "Minister of Economy Gevorg Papoyan", "CEO Jane Roe"
        elif cls in (None, "Company") and _before_chief(doc, b, lex):
            cls, weak = "Company", False  # "Pfizer CEO Albert Bourla": what the named chief heads
        described = cls is not None and not weak
        if headline and key not in body and not described:
            continue
        placed = _after_place_possessive(doc, a, discourse, para.index)
        if placed:
            cls, weak, described = cls if cls not in (None, "Person", "Region") else "Company", False, True
        if counts[key] < 2 and not described and not _acting_name(doc, a, b):
            continue
        start = para.offset + doc[a].idx
        yield Span(
            name=text,
            cls=cls or "Company",
            key=None,
            para=para.index,
            first=a,
            last=b,
            start=start,
            end=start + len(text),
            via="ner",
            weak=not described,
            unlabelled=not described,
            surface=text,
        )


def _after_place_possessive(doc, a: int, discourse: Discourse, para: int) -> bool:
    """ "Sweden's LKAB", "Italy's Leonardo": capitalised words right after a place's possessive name a firm (or
    a body) of that place, whether or not the recogniser saw them."""
    if a < 2 or doc[a - 1].text not in ("'s", "\u2019s"):
        return False
    place = discourse.at(para, a - 2)
    return place is not None and place.cls in ("Country", "Region")


def _acting_name(doc, a: int, b: int) -> bool:
    """ "Brakor counts Volvo among its customers": a run of proper nouns the recogniser missed, named once, as
    the subject of a verb, is a name all the same."""
    head = doc[b - 1]
    return (
        all(doc[k].tag_ in ("NNP", "NNPS") for k in range(a, b))
        and head.dep_ in ("nsubj", "nsubjpass")
        and head.head.pos_ == "VERB"
    )


def defined_term(token, lex) -> bool:
    """A filing's defined term: a capitalised common noun after "the" ("the Partnership", "the Registrant",
    "the Company") that stands for a party the text named (or the filer), never a name of its own."""
    doc = token.doc
    after_the = token.i > 0 and (
        doc[token.i - 1].lower_ == "the"
        or (doc[token.i - 1].text in ('"', "“") and token.i > 1 and doc[token.i - 2].lower_ == "the")
    )
    return after_the and token.is_title and token.lower_ in lex["defined_terms"]


def _after_person_title(doc, first: int, lex) -> bool:
    """A person's title right before a name: "Chief Executive X", "Minister of Economy X"."""
    k = first - 1
    while k > 1 and doc[k].lower_ in lex["portfolio_words"]:
        k -= 1
    if k > 0 and k < first - 1 and doc[k].lower_ in ("of", "for"):
        k -= 1  # "Minister of Economy X" (but "Chief Executive Officer of X" names X's firm)
    return k >= 0 and doc[k].lower_ in lex["person_descriptors"] | lex["title_words"] | lex["state_titles"]


def _before_chief(doc, end: int, lex) -> bool:
    """A chief's title and a person's name right after a name: "Pfizer CEO Albert Bourla", "Vogt Chief
    Executive Henrike Lenz"."""
    title = lex["head_nouns"] | lex["title_words"]
    k = end
    while k < len(doc) and k - end < 4 and doc[k].lower_ in title:
        k += 1
    return (
        end < k < len(doc)
        and doc[end].lower_ in lex["head_nouns"]
        and doc[k].ent_type_ == "PERSON"
        and doc[end].lower_ not in lex["state_titles"]
    )


def _of_firm_noun(doc, first: int, last: int, lex) -> bool:
    """A name after "of" that a firm's noun governs: "a division of CME", "chief executive of Brask"."""
    prep = doc[last - 1].head
    if prep.lower_ != "of" or prep.i != first - 1 or prep.head.pos_ not in ("NOUN", "PROPN"):
        return False
    noun = prep.head
    said = {noun.lemma_.lower()} | {
        f"{c.lower_} {noun.lemma_.lower()}" for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i
    }  # "chief executive"
    firm_nouns = (
        (lex["unit_nouns"] | lex["owner_nouns"] | lex["head_nouns"])
        - lex["state_titles"]
        - {"part", "member", "governor", "mayor", "head", "chair"}
    )
    return bool(said & firm_nouns)


def _headline(doc) -> bool:
    """A paragraph in title case (most of its words capitalised): a headline (short, whatever else)."""
    if len(doc) > 40:
        return False
    words = [t for t in doc if t.is_alpha]
    return len(words) > 3 and sum(t.is_title for t in words) > 0.6 * len(words)


def _free_runs(para: Paragraph, discourse: Discourse, word):
    """(start, end) of each run of tokens that ``word`` accepts and no mention covers yet."""
    doc = para.doc
    accepted = [word(t) for t in doc]  # asked once a token; what covers it is asked as the runs are read
    i = 0
    while i < len(doc) and doc[i].idx < para.masked:
        i += 1
    while i < len(doc):
        if not accepted[i] or discourse.at(para.index, i) is not None:
            i += 1
            continue
        j = i
        while j < len(doc) and accepted[j] and discourse.at(para.index, j) is None:
            j += 1
        yield i, j
        i = j


def _missed_known_names(para: Paragraph, discourse: Discourse):
    """Names of organisations the article names elsewhere, and surnames of people it named before, where
    the NER missed them this time ("Brennholt, which is owned by ..." after "Brennholt Automation")."""
    doc = para.doc
    surnames = {
        s.name.split()[-1].casefold(): s
        for s in discourse.spans
        if s.cls == "Person" and not s.weak and len(s.name.split()) > 1
    }

    def name_word(t) -> bool:
        return t.is_alpha and (t.is_title or (t.is_upper and len(t) > 1))  # "Brennholt", "BATE"

    for i, j in _free_runs(para, discourse, name_word):
        text = doc[i:j].text
        known = discourse.aliases.get(normalize_name(text))
        if known is None or known.cls not in ("Company", "Organization"):
            known = full_name_of(text, discourse)
        if (
            known is None
            and j == i + 1
            and text.casefold() in surnames
            and surnames[text.casefold()].position < (para.index, i)
        ):
            known = surnames[text.casefold()]  # "Raman said" after "chief executive Priya Raman"
        if known is not None and known.cls in ("Company", "Organization", "Person") and not known.demonym:
            start = para.offset + doc[i].idx
            yield Span(
                name=known.name,
                cls=known.cls,
                key=known.key,
                para=para.index,
                first=i,
                last=j,
                start=start,
                end=start + len(text),
                via="alias",
                weak=known.weak,
                surface=text,
            )


def _from_ent(ent, para: Paragraph, gazetteer: Gazetteer, ruleset: RuleSet) -> Span | None:
    doc = para.doc
    if ent.ent_id_ and ent.ent_id_ in gazetteer:
        entry = gazetteer[ent.ent_id_]
        demonym = ent.text in entry.demonyms or (ent.text not in entry.names and gazetteer.is_demonym(ent.text))
        start = para.offset + ent.start_char
        longer = (
            _longer_company_name(ent, entry, ruleset)
            if entry.cls in ("Company", "Region", "Country") and not demonym
            else None
        )
        if longer is not None:
            return longer(para)
        return Span(
            name=entry.name,
            cls=entry.cls,
            key=entry.id,
            para=para.index,
            first=ent.start,
            last=ent.end,
            start=start,
            end=start + len(ent.text),
            via="gazetteer",
            demonym=demonym,
            surface=ent.text,
        )
    label = ent.label_
    if label == "NORP" and any(is_particle(t, ruleset.name_policy) for t in ent[1:-1]):
        label = "ORG"  # "Vidrios del Norte" read as a nationality: none holds a particle, a firm's name may
    cls = NER_CLASSES.get(label)
    if cls is None:
        return None
    text, first, last = _clean_name(ent)
    finite = [
        i
        for i in range(first + 1, last)
        if doc[i].pos_ in ("VERB", "AUX")
        and doc[i].tag_ in ("VBZ", "VBD", "VBP", "MD")
        and doc[i].is_lower
        and doc[i].lower_ not in ruleset.name_policy.connectors  # "Caxias do Sul"
    ]
    if finite:  # "Sahel Agro mixes phosphoric" read as one person: a name ends before its verb
        last = finite[0]
        while last > first and not doc[last - 1].is_alpha:
            last -= 1
        text = doc[first:last].text
    if label in ("ORG", "FAC"):
        last = _of_continuation(doc, last, ruleset.lexicon)
        text = doc[first:last].text
    if label in ("ORG", "PRODUCT", "PERSON", "WORK_OF_ART"):
        while (
            last < len(doc)
            and doc[last].pos_ == "PROPN"
            and not doc[last].ent_type_
            and not doc[last].is_lower
            and doc[last].head == doc[last - 1].head
            and doc[last - 1].dep_ == "compound"
            and doc[last].lower_ not in ruleset.name_policy.person_titles
            and not is_legal_suffix(doc[last - 1], ruleset.name_policy)
        ):
            last += 1  # "the Arvo K7 earbuds" when the model labelled "Arvo" alone (not "Cemex Chief Executive"; nor
            # "Northvale Drilling Systems Ltd. Annual Information Form": a firm's name ends at its legal suffix)
        text = doc[first:last].text
    if label == "PERSON":
        while (
            first > 0
            and doc[first - 1].pos_ == "PROPN"
            and doc[first - 1].is_title
            and not doc[first - 1].ent_type_
            and doc[first - 1].head.i in range(first, last)
            and not any(
                doc[first - 1].lower_ in ruleset.lexicon[name] or doc[first - 1].lemma_.lower() in ruleset.lexicon[name]
                for name in ("title_words", "state_titles", "person_descriptors", "honorifics")
            )
        ):
            first -= 1  # "Anders Holmgaard" when the model labelled "Holmgaard" alone (but not "Mr." or "Dr")
        text = doc[first:last].text
    if not text or "\n" in text or not any(ch.isupper() for ch in text) or len(text) < 2:
        return None
    if all(
        doc[i].pos_ in ("ADJ", "ADV", "VERB") or (doc[i].pos_ == "NUM" and not any(c.isalpha() for c in doc[i].text))
        for i in range(first, last)
    ):
        return None  # not a name; "ZX-11" tagged as a number still is one
    if last - first == 1 and doc[first].lower_ in ruleset.lexicon["not_names"]:
        return None  # "AI", "EV": abbreviations of common words
    if last - first == 1 and defined_term(doc[first], ruleset.lexicon):
        return None  # "the Partnership", "the Registrant": a filing's defined term for a party named before
    if (
        last - first == 1
        and doc[first].lower_ in ruleset.lexicon["currency_codes"]
        and ((last < len(doc) and doc[last].like_num) or (first > 0 and doc[first - 1].like_num))
    ):
        return None  # "a SEK 210 million contract", "12 billion RUB": an amount, not a firm
    if any(doc[i].lower_ in ruleset.lexicon["event_words"] for i in range(first, last)) and not (
        doc[last - 1].lower_ in ruleset.lexicon["company_name_words"]
        or is_legal_suffix(doc[last - 1], ruleset.name_policy)
    ):
        return None  # "the Caspian Economic Forum", "Innoprom exhibition": events are not entities (but "JG Summit
        # Holdings Inc", a name ending as a firm's does, is one)
    known = gazetteer.lookup(text)
    if known is None and label in ("GPE", "LOC") and _possessed_by_country(doc, first, last, gazetteer):
        label = "ORG"  # "Poland's Solaris", "China's Tsingshan": an unknown name a country possesses is its firm
        # (a region the gazetteer knows, "China's Guangdong", or one with a region's word stays a place)
    start = para.offset + doc[first].idx
    end = para.offset + doc[last - 1].idx + len(doc[last - 1].text)
    if known is not None:
        return Span(
            name=known.name,
            cls=known.cls,
            key=known.id,
            para=para.index,
            first=first,
            last=last,
            start=start,
            end=end,
            via="gazetteer",
            surface=text,
        )
    inferred, weak = infer_class(doc, first, last, label, ruleset)
    if inferred is None:
        return None
    surface = _with_product_noun(doc, first, last, ruleset.lexicon) if inferred == "Product" else text
    if inferred == "Person" and first > 0 and doc[first - 1].lower_ in ruleset.lexicon["honorifics"]:
        surface = f"{doc[first - 1].text} {text}"  # "Mr. Deese": a name the text uses, kept as an alternative label
    return Span(
        name=text,
        cls=inferred,
        key=None,
        para=para.index,
        first=first,
        last=last,
        start=start,
        end=end,
        via="ner",
        weak=weak,
        surface=surface,
    )


def _possessed_by_country(doc, first: int, last: int, gazetteer: Gazetteer) -> bool:
    """The name's head has a country's name as its possessor ("Poland's Solaris")."""
    head = doc[last - 1]
    for child in head.children:
        if child.dep_ == "poss" and child.i < first:
            possessor = doc[child.left_edge.i : child.i + 1].text
            entry = gazetteer.lookup(possessor)
            if entry is not None and entry.cls == "Country":
                return True
    return False


def _with_product_noun(doc, first: int, last: int, lex) -> str:
    """ "the EyeQ4 processor", "Ravicti drug product": a model's name as written with the product noun it
    modifies (the model's name stays its name; this form is another)."""
    end = last
    while (
        end < len(doc)
        and doc[end - 1].dep_ == "compound"
        and doc[end - 1].head.i >= end
        and doc[end].pos_ == "NOUN"
        and doc[end].is_lower
        and end - last < 3
    ):
        end += 1
        if (
            doc[end - 1].lemma_.lower() in lex["product_descriptors"]
            or doc[end - 1].lemma_.lower() in lex["generic_goods"]
        ):
            return doc[first:end].text
    return doc[first:last].text


def _longer_company_name(ent, entry, ruleset):
    """ "Volvo Cars", "Boeing Defense", "Ostrava Glassworks", "Sichuan Airlines": a known company's or
    place's name followed by capitalised company words names another company; returns a maker of its
    Span, or None."""
    doc = ent.doc
    end = ent.end
    while (
        end < len(doc)
        and doc[end].is_title
        and doc[end].lower_ in ruleset.lexicon["company_name_words"]
        and not doc[end].ent_type_
    ):
        end += 1
    if end == ent.end:
        return None
    end = _of_continuation(doc, end, ruleset.lexicon)
    text = doc[ent.start : end].text

    def make(para):
        start = para.offset + doc[ent.start].idx
        return Span(
            name=text,
            cls="Company",
            key=None,
            para=para.index,
            first=ent.start,
            last=end,
            start=start,
            end=start + len(text),
            via="ner",
            surface=text,
        )

    return make


def _of_continuation(doc, last: int, lex) -> int:
    """ "the Borisov Plant of Automotive and Tractor Electrical Equipment (BATE)", "Bank of Georgia": a
    company or organisation word followed by "of" and capitalised words goes on; returns the new end."""
    if (
        last + 1 >= len(doc)
        or doc[last].lower_ != "of"
        or not (
            doc[last - 1].lower_ in lex["company_name_words"] or doc[last - 1].lower_ in lex["organization_name_words"]
        )
    ):
        return last
    end = last + 1
    while (
        end < len(doc)
        and doc[end].ent_type_ not in _NOT_NAME_TYPES
        and (doc[end].is_title or (doc[end].lower_ in ("and", "&") and end + 1 < len(doc) and doc[end + 1].is_title))
    ):
        end += 1
    if end == last + 1 or not doc[end - 1].is_title:
        return last
    if all(doc[i].ent_type_ in ("GPE", "LOC") or doc[i].ent_type_ in _PLACE_CLASSES for i in range(last + 1, end)):
        return last  # "Sintaro Chemicals of Hyderabad": a firm and its town, not one name
    return end


_PLACE_CLASSES = {"Country", "Region"}
_NOT_NAME_TYPES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}


def infer_class(doc, first: int, last: int, label: str, ruleset: RuleSet) -> tuple[str | None, bool]:
    """The class of an unknown name: from words inside it, then descriptors beside it, then the NER label.

    Returns the class and whether it is only a guess from the label.
    """
    words = [doc[i].lower_ for i in range(first, last)]
    lex = ruleset.lexicon
    if (
        last + 1 < len(doc)
        and doc[last].text == "-"
        and doc[last + 1].lemma_.lower() == "base"
        and not doc[last - 1].whitespace_
    ):
        return "Region", False  # "the Tartu-based Quillfeather Labs": a place, whatever the model says
    body_word = any(w in lex["company_name_words"] or w in lex["organization_name_words"] for w in words)
    suffixed = any(w in lex["company_name_suffixes"] for w in words)
    if (
        first > 1
        and doc[first - 1].lower_ == "in"
        and doc[first - 2].lower_ in ("based", "headquartered")
        and not body_word
    ):
        return "Region", False  # "a Hungarian company based in Gyöngyös": where a firm is based is a place
    place_word = first > 2 and (
        doc[first - 2].lemma_.lower() in lex["region_name_words"]
        or doc[first - 2].lemma_.lower() in lex["settlement_descriptors"]
    )
    if (
        place_word
        and doc[first - 1].lower_ == "of"
        and doc[first - 2].is_lower
        and doc[first - 3].lower_ == "the"
        and (label in ("GPE", "LOC") or last - first == 1)
        and not body_word
        and not suffixed
    ):
        return "Region", False  # "in the canton of Aargau", "the province of Chubut": the name is the place's (but
        # "the capital of Kaspi Bank" is money; "the port of Zelandia Terminals", longer and no place to the
        # recogniser, a firm's)
    head = name_head(doc, first, last) if "of" in words[1:] else None
    if head in lex["organization_name_words"] and head not in lex["company_name_words"]:
        return "Organization", False  # "Ministry of Energy", "the Armenian Ministry of Economy", "University of X"
    if words[-1] in lex["company_name_words"] or suffixed:
        return "Company", False
    if (
        label == "PERSON"
        and len(words) > 1
        and any(w in lex["company_name_words"] and doc[first + k].is_title for k, w in enumerate(words[1:], start=1))
    ):
        return "Company", False  # "Fauji Fertilizer Bin Qasim": no person's name holds a firm's word
    if words[0] in lex["organization_name_words"] or words[-1] in lex["organization_name_words"]:
        return "Organization", False
    if words[-1] in lex["region_name_words"]:
        return "Region", False
    head = max(
        (doc[i] for i in range(first, last) if not (first <= doc[i].head.i < last) or doc[i].head.i == i),
        key=lambda t: t.i,
        default=doc[last - 1],
    )
    if any(c.dep_ == "amod" and c.lemma_.lower() == "base" for c in head.children) and label != "GPE":
        return "Company", False  # "the Izmir-based Dokuma Tekstil": an organisation, whatever the model says
    descriptor = descriptor_beside(doc, first, last)
    if (
        label in ("GPE", "LOC")
        and descriptor is not None
        and descriptor.i > first
        and not (descriptor.dep_ == "appos" and first <= descriptor.head.i < last)
    ):
        descriptor = None  # "a Chicago grocery distributor": the place of the distributor, not its name
    if descriptor is not None and descriptor.lemma_.lower() in lex["ambiguous_descriptors"]:
        # "the chip designer Meridian Semi", "a drone developer" name firms by what they make; a person's
        # name next to a bare "designer" stays a person ("Yevgeni Kernozhitski, a tyre designer at the centre")
        if descriptor.dep_ == "appos" and any(
            c.dep_ == "prep" and c.lower_ in ("in", "from") for c in descriptor.children
        ):
            return "Company", False  # "Sayari Granos, a trader in Bolivia": a firm of a place
        makes = any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in descriptor.children)
        if not makes or (
            label == "PERSON"
            and last - first > 1
            and any(c.dep_ == "prep" and c.lower_ in ("at", "of") for c in descriptor.children)
        ):
            descriptor = None
    if descriptor is not None and not (
        label == "PERSON" and last - first > 1 and descriptor.lemma_.lower() in lex["person_descriptors"]
    ):
        lemma = descriptor.lemma_.lower()
        premod = descriptor.i >= last and head.dep_ in ("compound", "nmod", "poss") and head.head == descriptor
        alphanumeric = any(ch.isdigit() for i in range(first, last) for ch in doc[i].text) and any(
            ch.isalpha() for i in range(first, last) for ch in doc[i].text
        )
        if (
            premod
            and alphanumeric
            and label in ("ORG", "PRODUCT", "")
            and descriptor.pos_ == "NOUN"
            and lemma not in lex["company_descriptors"]
            and lemma not in lex["person_descriptors"]
        ):
            return "Product", lemma not in lex["product_descriptors"]  # "the Q7 lidar", "A320 jets": a model
        if premod and lemma in lex["product_descriptors"]:
            if any(ch.isdigit() for i in range(first, last) for ch in doc[i].text):
                return "Product", False  # "the EyeQ4 processor", "the A320 jets": a model's name has digits
            # "GAZelle vans" name a model, "Cummins engines" their maker: a name before a product noun is
            # one or the other, as the sentence says
            return "Product", True
        if premod and lemma in lex["person_descriptors"] and lemma not in lex["company_descriptors"]:
            return "Company", True  # "Reliance chairman Mukesh Ambani": the name is what the person chairs
        if premod and lemma in lex["site_descriptors"]:
            # "the Belshina plant" is Belshina's, "the Vsevolozhsk plant" is in Vsevolozhsk: other mentions decide
            return ("Region" if label in ("GPE", "LOC") else "Company"), True
        if (
            lemma in lex["unit_nouns"]
            and lemma in lex["product_descriptors"]
            and any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in descriptor.children)
        ):
            return "Company", False  # "Adnoc's fertiliser arm Fertiglobe": a firm's arm is a firm, a robot's a product
        for cls, name in (
            ("Company", "company_descriptors"),
            ("Organization", "organization_descriptors"),
            ("Region", "region_descriptors"),
            ("Person", "person_descriptors"),
            ("Product", "product_descriptors"),
        ):
            if lemma in lex[name]:
                return cls, False
    if label in ("ORG", "PERSON", "PRODUCT") and first > 0 and last - first > 1:
        title = doc[first - 1].lemma_.lower()
        if (
            title in lex["person_descriptors"]
            and title not in lex["ambiguous_descriptors"]
            and title not in lex["company_descriptors"]
        ):
            return "Person", False  # "chief executive Wanjiru Kamau", whatever the model labelled it
    if label in ("ORG", "PERSON", "GPE", "") and _of_firm_noun(doc, first, last, lex):
        return "Company", False  # "chief executive of Brask", "a division of CME", whatever the model says
    if label == "ORG" and last - first > 1 and (_honorific(doc, first, lex) or _born_after(doc, last)):
        return "Person", False  # "Ngoako Ramatlhodi (born 21 August 1955)", "Dr. Coben": no firm is born
    cls = NER_CLASSES.get(label)
    if cls == "Person" and any(ch.isdigit() for i in range(first, last) for ch in doc[i].text):
        return "Product", True  # "Aria X9": no person's name has digits; a model's often does
    if cls == "Person" and _honorific(doc, first, lex):
        return "Person", False  # "Mr. Cline": a person, however short the name
    if cls in ("Person", "Company", "Product"):
        # a lone capitalised word the model calls a person or an organisation is as often a firm or a
        # town ("Belshina" as PERSON, "Lyon" as ORG): its class stays open to what the sentence says
        # a longer one called a person stays open too, unless the text says it is one: the small model
        # calls many firms with names from other languages persons ("Salar Andino", "Baltijos Kabeliai")
        return cls, (last - first) < 2 or (cls == "Person" and not _person_evidence(doc, first, last, lex))
    return cls, cls is not None and label in ("GPE", "LOC", "FAC", "WORK_OF_ART")


def _person_evidence(doc, first: int, last: int, lex) -> bool:
    """The text says a name is a person's: an honorific, a person's title or role beside it ("Simon Crean,
    Australia's Minister for Trade", "X was a Norwegian politician", "Australian expatriate James Hunt"), a
    title before it ("President of Pakistan Asif Ali Zardari") or life dates after it ("Eivind Bolle (13
    October 1923 - 10 June 2012)", "X, born 1938,")."""
    people = lex["person_descriptors"] | lex["state_titles"] | lex["title_words"]
    if _honorific(doc, first, lex) or (last - first > 1 and doc[first].lower_ in lex["given_names"]):
        return True  # "Dr. Coben"; "William Ruto": a common given name opens a person's name
    if doc[first].lemma_.lower() in people:
        return True  # "Princess Helen", "President Tokayev" as the model read them
    descriptor = descriptor_beside(doc, first, last)
    if descriptor is not None and descriptor.lemma_.lower() in lex["person_descriptors"]:
        return True
    head = doc[last - 1]
    if any(c.dep_ == "appos" and c.lemma_.lower() in people for c in head.children):
        return True  # "Simon Crean, Australia's Minister for Trade": a title, capitalised
    before = doc[max(0, first - 6) : first]
    if any(t.lemma_.lower() in people for t in before if t.pos_ in ("NOUN", "PROPN")):
        return True  # "the President of Republic of Kazakhstan Nursultan Nazarbayev"
    if _born_after(doc, last):
        return True
    after = doc[last : min(len(doc), last + 4)]
    return len(after) > 1 and after[0].text == "(" and any(t.ent_type_ == "DATE" for t in after[1:])


def _honorific(doc, first: int, lex) -> bool:
    """ "Mr. McCrea", "Dr Coben": an honorific starts the name or stands right before it."""
    honorifics = lex["honorifics"]
    return doc[first].lower_ in honorifics or (first > 0 and doc[first - 1].lower_ in honorifics)


def _born_after(doc, last: int) -> bool:
    """ "X (born 21 August 1955)", "X, born 1938,": a birth right after the name."""
    after = doc[last : min(len(doc), last + 4)]
    return len(after) > 0 and after[0].text in ("(", ",") and any(t.lower_ == "born" for t in after)


def descriptor_beside(doc, first: int, last: int):
    """A common noun that describes the name: its appositive, a compound before it, or what it heads."""
    head = doc[last - 1]
    for i in range(first, last):
        if doc[i].head.i < first or doc[i].head.i >= last:
            head = doc[i]
            break
    apposed = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if apposed:
        return apposed[-1]  # the last: "a compact e-bike" can come out as three appositions, e - bike
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":
        return head.head
    for child in head.children:
        if child.dep_ == "compound" and child.pos_ == "NOUN" and child.i < first:
            return child
    if head.dep_ == "compound" and head.head.pos_ == "NOUN":
        return head.head  # "the Belshina plant", "Kovdor mine"
    if first > 0 and doc[first - 1].pos_ == "NOUN" and doc[first - 1].head.i == head.i:
        return doc[first - 1]
    if head.dep_ == "nsubj" and head.head.lemma_ == "be":
        said = [c for c in head.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
        if said and not any(c.dep_ == "prep" and c.lower_ == "of" for c in said[0].children):
            return said[0]  # "Tymiński, born in 1948, is a Canadian businessman" (not "X is the owner of Y")
    if head.dep_ == "attr" and head.head.lemma_ == "be":
        said = [c for c in head.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
        if said:
            return said[0]  # "whose chief executive is Ines Carvalho", "the buyer is Kessel"
    first_member = head
    while first_member.dep_ == "conj" and first_member.head.i < first_member.i:
        first_member = first_member.head
    prep = first_member.head
    if first_member.dep_ == "pobj" and lists_members(prep) and prep.head.pos_ == "NOUN" and prep.head.i < prep.i:
        return prep.head  # "carmakers including Maruti Suzuki and Mahindra", "firms such as Kaya"
    return None


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]{1,9}")  # "CNPC", "SFL", "L&F": a short name in brackets


def _link_alias(span: Span, discourse: Discourse, persons: dict[str, Span]) -> Span:
    """Give later short forms the name of the first full mention: "Kharitonchik", "CNPC". Returns the span
    as linked (a new one where it takes another's name)."""
    norm = normalize_name(span.surface or span.name)
    surname = span.name.casefold()
    if span.cls != "Person" and span.weak and span.key is None and " " not in surname and surname in persons:
        full = persons[surname]
        if not full.weak:  # "chief executive Liisa Mäkinen said ... Mäkinen has a plan": her, whatever the model said
            return replace(span, name=full.name, key=full.key, cls="Person", weak=False)
    if span.cls == "Person":
        parts = span.name.split()
        if len(parts) >= 2 and span.key is None:
            persons[parts[-1].casefold()] = span
            if len(parts) == 2 and "-" in parts[1]:
                persons[parts[0].casefold()] = span  # "Choi Jae-won", "Lin Cheng-wei": the family name first
        elif len(parts) == 1 and span.key is None and parts[0].casefold() in persons:
            full = persons[parts[0].casefold()]
            return replace(span, name=full.name, key=full.key, weak=False)
    if norm in discourse.aliases and span.key is None:
        first = discourse.aliases[norm]
        if not first.weak or span.weak:  # a guessed class is settled later, by all the guesses
            return replace(span, name=first.name, key=first.key, cls=first.cls, weak=first.weak)
        return replace(span, name=first.name, key=first.key)
    discourse.aliases.setdefault(norm, span)
    # "China National Petroleum Corporation (CNPC)": the acronym in brackets names the same entity
    doc = discourse.paragraphs[span.para].doc if span.para < len(discourse.paragraphs) else None
    if doc is not None and span.last + 2 < len(doc) and doc[span.last].text == "(" and doc[span.last + 2].text == ")":
        acronym = doc[span.last + 1].text
        if _ACRONYM.fullmatch(acronym):
            discourse.aliases.setdefault(normalize_name(acronym), span)
    return span


def _quoted_word(token) -> bool:
    """A word set in quotation marks ('"we,"'), as a filing's definitions are."""
    doc = token.doc
    before = doc[token.i - 1].text if token.i > 0 else ""
    return before in ('"', "\u201c", "'", "\u2018")


def _define_terms(span: Span, discourse: Discourse, lex) -> None:
    """ "Sahyadri Forgings Limited ("SFL" or "the Company")", "Brannock Partners LP (the Partnership)": the
    bracket after a firm's first name defines its short names for the rest of the filing: an acronym and a
    defined term (:func:`defined_term`), which then name that firm whichever firm was named last."""
    if span.cls not in ("Company", "Organization") or span.para >= len(discourse.paragraphs):
        return
    doc = discourse.paragraphs[span.para].doc
    if span.last >= len(doc) or doc[span.last].text != "(":
        return
    close = next((i for i in range(span.last + 1, min(len(doc), span.last + 30)) if doc[i].text == ")"), None)
    if close is None:
        return
    inside = doc[span.last + 1 : close]
    first_person = [t for t in inside if t.lower_ in lex["first_person_plural"] and _quoted_word(t)]
    if not any(t.lower_ == "the" for t in inside) and not first_person:
        return  # "(CNPC)" alone is an acronym (:func:`_link_alias`); "(Nasdaq: XYZ)" a ticker
    if first_person:  # '("Harlow," the "Company," "we," "us" or "our")': the filing's "we" is that firm
        discourse.defined.setdefault("we", span)
    for token in inside:
        if defined_term(token, lex):
            discourse.defined.setdefault(token.lower_, span)
        elif _ACRONYM.fullmatch(token.text):
            discourse.aliases.setdefault(normalize_name(token.text), span)


def link_short_names(discourse: Discourse) -> None:
    """ "Tarvo" beside "Tarvo Logistics", "Cardeon" (in a title) beside "Cardeon Imaging": the leading
    words of an organisation's full name, used alone anywhere in the article, name that organisation."""
    for span in list(discourse.spans):
        if span.key is not None or span.demonym or (span.cls == "Person" and not span.weak):
            continue
        full = full_name_of(span.name, discourse)
        if full is not None and not _beside(discourse, span, full.name):
            discourse.replace(span, replace(span, name=full.name, key=full.key, cls=full.cls, weak=False))


def _beside(discourse: Discourse, span: Span, name: str) -> bool:
    """Whether ``span`` is what a noun is "of" in a sentence that names ``name`` in full: "CME Clearing, a
    division of CME", "Guitar Center Holdings is the parent company of Guitar Center" relate two firms (but in
    "Orvane Foods lifted exports, Orvane said" the short name is the full one's)."""
    doc = discourse.paragraphs[span.para].doc
    head = doc[span.last - 1]
    if not (head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN"):
        return False
    sent = doc[span.first].sent
    return any(
        other.para == span.para and sent.start <= other.first < sent.end and other.name == name
        for other in discourse.spans
        if other is not span
    )


_GUESS_ORDER = ["Company", "Region", "Product", "Organization", "Person"]  # on a tie of guesses, the first


def settle_classes(discourse: Discourse) -> None:
    """One name, one class: where the model only guessed a name's class ("Verdanta" as a place in one
    sentence), a mention of the same name whose class is known (a company elsewhere) decides it; where
    every mention is a guess, the most frequent guess (a firm on a tie) stands for all of them."""
    known: dict[str, Span] = {}
    guesses: dict[str, list[str]] = {}
    for span in list(discourse.spans):
        if span.weak and span.cls == "Person" and not span.demonym and _said_of_a_thing(discourse, span):
            discourse.replace(span, replace(span, cls="Company", weak=False))  # "Kaya, which also makes balers"
    for span in discourse.spans:
        if not span.demonym and span.key is None:
            if not span.weak:
                known.setdefault(normalize_name(span.name), span)
            elif not span.unlabelled:
                guesses.setdefault(normalize_name(span.name), []).append(span.cls)
    for span in list(discourse.spans):
        if span.weak and not span.demonym and span.key is None:
            name = normalize_name(span.name)
            sure = known.get(name)
            if sure is not None:
                discourse.replace(span, replace(span, cls=sure.cls, weak=False))
            elif guesses.get(name) and (len(set(guesses[name])) > 1 or span.unlabelled):
                votes = guesses[name]
                cls = max(_GUESS_ORDER, key=lambda c: (votes.count(c), -_GUESS_ORDER.index(c)))
                discourse.replace(span, replace(span, cls=cls))


def _said_of_a_thing(discourse: Discourse, span: Span) -> bool:
    """A relative clause opened by "which" describes the name: no person ("Kaya, which also makes combine
    harvesters", "Forjas Garza Sada, which supplies Kia")."""
    head = discourse.paragraphs[span.para].doc[span.last - 1]
    return any(
        clause.dep_ == "relcl"
        and any(w.lower_ == "which" and w.dep_ in ("nsubj", "nsubjpass", "dobj") for w in clause.children)
        for clause in head.children
    )


def full_name_of(name: str, discourse: Discourse) -> Span | None:
    """The first organisation in the article whose longer name begins with ``name``'s words, or None."""
    words = name.casefold().split()
    if not words or not name[:1].isupper() or not all(w[:1].isalpha() for w in words):
        return None
    for full in discourse.spans:
        if full.cls not in ("Company", "Organization") or full.demonym or full.weak or full.via == "descriptor":
            continue  # "the Vsevolozhsk plant" is named after the town: "Vsevolozhsk" is still the town
        for text in (full.surface or full.name, full.name):
            longer = text.casefold().split()
            if (
                len(longer) > len(words)
                and longer[: len(words)] == words
                and not _placed(full, len(words), discourse)
                and not _named_after_partners(longer[len(words)], full, discourse)
            ):
                return full
    return None


def _named_after_partners(word: str, full: Span, discourse: Discourse) -> bool:
    """ "Vardhan Kanto Steel" after "Vardhan and Kanto Tekko", "Kaya Olumide Tractors": a venture named after its
    parents, whose next word opens another firm's name, is not the first parent's full name."""
    return any(
        other.cls == "Company" and other.name.casefold().split()[0] == word and not same_entity(other, full)
        for other in discourse.spans
        if other.name
    )


def _placed(full: Span, shared: int, discourse: Discourse) -> bool:
    """The rest of a longer name, after the words it shares with a short one, is a place: "Heidelberg
    Materials Georgia" is the Georgian unit of Heidelberg Materials, not its full name."""
    doc = discourse.paragraphs[full.para].doc
    rest = doc[full.first + shared : full.last].text if full.last - full.first > shared else ""
    place = discourse.gazetteer.lookup(rest) if rest and discourse.gazetteer is not None else None
    return place is not None and place.cls in ("Country", "Region")


def _named_by_descriptor(para: Paragraph, discourse: Discourse, ruleset: RuleSet):
    """Plants named after their place ("the Tula plant") and holdings after their company ("the BelAZ holding")."""
    doc = para.doc
    lex = ruleset.lexicon
    for token in doc:
        if token.pos_ != "NOUN":
            continue
        lemma = token.lemma_.lower()
        if lemma not in lex["site_descriptors"] and lemma not in lex["naming_descriptors"]:
            continue
        if discourse.at(para.index, token.i) is not None:
            continue
        names = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
        if not names:
            continue
        owner = discourse.at(para.index, names[-1].i)
        if owner is None:
            continue
        if lemma in lex["site_descriptors"] and owner.cls != "Region":
            continue  # "the Belshina plant" is Belshina itself; "its first US factory" is no name
        dets = {c.lower_ for c in token.children if c.dep_ in ("det", "poss", "amod") and c.i < names[0].i}
        if lemma in lex["site_descriptors"] and dets - {"the"}:
            continue  # "a Minsk plant", "its Kaluga plant": a plant there, not one called so
        if lemma in lex["naming_descriptors"] and owner.cls != "Company":
            continue
        if lemma in lex["naming_descriptors"] and owner.name.split()[-1].lower() in lex["company_name_words"]:
            continue  # "the Ozdemir Holding group" is Ozdemir Holding: its name already says what it is
        first = owner.first
        name = f"{doc[first : token.i].text} {token.text}"
        if lemma in lex["naming_descriptors"]:
            name = f"{owner.name} {token.lemma_.lower()}"
        start = para.offset + doc[first].idx
        end = para.offset + token.idx + len(token.text)
        span = Span(
            name=name,
            cls="Company",
            key=None,
            para=para.index,
            first=first,
            last=token.i + 1,
            start=start,
            end=end,
            via="descriptor",
            surface=doc[first : token.i + 1].text,
        )
        for i in range(owner.first, owner.last):
            discourse.by_token.pop((para.index, i), None)
        discourse.spans.remove(owner)
        norm = normalize_name(span.name)
        named_there = _named_there(discourse, owner, span.position) if lemma in lex["site_descriptors"] else None
        if norm in discourse.aliases:
            earlier = discourse.aliases[norm]
            span = replace(span, name=earlier.name, key=earlier.key)
        elif named_there is not None:
            # "the Minsk plant" after "Minsk Motor Plant": the plant already named
            span = replace(span, name=named_there.name, key=named_there.key, via="coref")
        else:
            discourse.aliases[norm] = span
        yield span


def _named_there(discourse: Discourse, place: Span, position) -> Span | None:
    """The nearest company named before whose name holds the place's name."""
    word = (place.surface or place.name).lower()
    for span in reversed(discourse.spans):
        if span.position < position and span.cls == "Company" and word in (span.surface or span.name).lower():
            return span
    return None


def merge_place_suffixes(discourse: Discourse, lex) -> None:
    """ "Solvane Ohio", "Tesla Shanghai": a company name followed right away by a place names a company
    (a subsidiary); the place there is part of that name, not a mention of the place. So do capitalised words
    nobody named that the parser joins to a known place as its compound ("its subsidiary SIG Vietnam", "PT Semen
    Indonesia")."""
    for place in list(discourse.spans):
        opening = _unnamed_opening(discourse, place, lex)
        if opening is not None:
            _merge(discourse, [place], place.last, "Company", first_token=opening)
    discourse.spans.sort(key=lambda s: s.position)
    for span in list(discourse.spans):
        if span.demonym or span.key is not None or not (span.cls == "Company" or span.weak):
            continue
        after = discourse.at(span.para, span.last)
        if after is None or after.cls not in ("Region", "Country") or after.demonym or after.para != span.para:
            continue
        doc = discourse.paragraphs[span.para].doc
        if after.last < len(doc) and doc[after.last].tag_ == "POS":
            continue  # "Renault Russia's plant" is fine, but "Renault's Russia ..." never merges
        if doc[span.last - 1].whitespace_ == "" or not doc[span.first].is_title:
            continue
        part = all(doc[i].lower_ in lex["place_modifiers"] for i in range(span.first, span.last))
        # "Greater China", "Southern Vietnam": a part of the place, no firm
        _merge(discourse, [span, after], after.last, "Region" if part else "Company")
        discourse.spans.sort(key=lambda s: s.position)


def _unnamed_opening(discourse: Discourse, place: Span, lex) -> int | None:
    """Where the capitalised words before a known place that open a firm's name begin ("SIG" of "SIG Vietnam"),
    or None: proper nouns no mention holds, hung on the place as its compounds, none a title, a direction or
    scope word ("North", "Greater"), nor the first word of the sentence unless in capitals ("PT", "SIG")."""
    if place.cls not in ("Region", "Country") or place.demonym or place.key is None:
        return None
    doc = discourse.paragraphs[place.para].doc
    k = place.first
    while k > 0:
        t = doc[k - 1]
        if (
            discourse.at(place.para, t.i) is not None
            or t.pos_ != "PROPN"
            or t.dep_ != "compound"
            or t.head.i not in range(k, place.last)
            or not (t.is_title or (t.is_upper and len(t) > 1))
            or (t.is_sent_start and not t.is_upper)
            or t.lower_ in lex["title_words"]
            or t.lower_ in lex["person_descriptors"]
            or t.lower_ in lex["scope_words"]
            or t.lower_ in lex["place_modifiers"]
            or t.lower_ in lex["proper_stopwords"]
            or not t.whitespace_
        ):
            break
        k -= 1
    return k if k < place.first else None


def _merge(discourse: Discourse, parts: list[Span], last: int, cls: str, first_token: int | None = None) -> Span:
    """One name from the first part's start (or ``first_token``) to token ``last``, in place of the parts."""
    first = parts[0]
    para = discourse.paragraphs[first.para]
    begin = first.first if first_token is None else first_token
    text = para.doc[begin:last].text
    start = para.offset + para.doc[begin].idx
    merged = Span(
        name=text,
        cls=cls,
        key=None,
        para=first.para,
        first=begin,
        last=last,
        start=start,
        end=start + len(text),
        via="ner",
        surface=text,
    )
    for old in parts:
        discourse.spans.remove(old)
    discourse.add(merged)
    return merged


def merge_place_prefixes(discourse: Discourse, lex) -> None:
    """ "Samarqand Avtobus": a town's name followed right away by a name of unsure class the gazetteer
    does not know names a company (named after its town), not the town; "Korea Trade-Investment Promotion
    Agency": a place's name before a body's name the NER cut is part of it."""
    for span in list(discourse.spans):
        if span.cls not in ("Region", "Country") or span.demonym or span.key is None:
            continue
        doc = discourse.paragraphs[span.para].doc
        gap = span.last
        if not (span.para == 0 and _headline(doc)):  # in a title-case headline every word is capitalised
            while (
                gap < len(doc)
                and gap - span.last < 4
                and discourse.at(span.para, gap) is None
                and (
                    (doc[gap].is_title and doc[gap].pos_ == "PROPN")
                    or (doc[gap].text == "-" and not doc[gap - 1].whitespace_)
                )
            ):
                gap += 1  # "Korea Trade-Investment Promotion Agency": title words the NER left out between
        after = discourse.at(span.para, gap)
        if (
            after is None
            and gap > span.last
            and doc[span.last - 1].whitespace_
            and (
                doc[gap - 1].lower_ in lex["organization_name_words"]
                or doc[gap - 1].lower_ in lex["company_name_words"]
            )
        ):
            # "the Uzbekistan Investment Agency", "Jizzakh Polytechnic Institute": the NER saw the place alone
            _merge(
                discourse,
                [span],
                gap,
                "Organization" if doc[gap - 1].lower_ in lex["organization_name_words"] else "Company",
            )
            continue
        if (
            after is None
            or after.key is not None
            or after.para != span.para
            or not (after.weak or (after.cls == "Organization" and not after.demonym))
        ):
            continue
        if doc[span.last - 1].whitespace_ == "" or not doc[after.first].is_title or (gap > span.last and after.weak):
            continue
        if span.cls == "Country" and after.weak:
            continue  # "in Russia Gazprom ...": only a town names its firms so
        merged = _merge(discourse, [span, after], after.last, "Company" if after.weak else after.cls)
        linked = _link_alias(merged, discourse, {})
        if linked is not merged:
            discourse.replace(merged, linked)
    discourse.spans.sort(key=lambda s: s.position)


def merge_of_places(discourse: Discourse, lex) -> None:
    """ "the University of Kragujevac", "Ministry of Industry of Uzbekistan": a body's name word followed by
    "of" and a place is one name (the gazetteer's place took the end of what the NER read as one); a
    firm's ("Sintaro Chemicals of Hyderabad") stays a firm and its town."""
    for span in list(discourse.spans):
        if span.key is not None or span.cls not in ("Organization", "Company") or span.demonym:
            continue
        doc = discourse.paragraphs[span.para].doc
        if (
            span.last + 1 >= len(doc)
            or doc[span.last].lower_ != "of"
            or not any(doc[i].lower_ in lex["organization_name_words"] for i in range(span.first, span.last))
        ):
            continue
        place = discourse.at(span.para, span.last + 1)
        if place is None or place.cls not in ("Region", "Country") or place.demonym or place.first != span.last + 1:
            continue
        _merge(discourse, [span, place], place.last, "Organization")
    discourse.spans.sort(key=lambda s: s.position)
    _merge_places_of_places(discourse, lex)


def _merge_places_of_places(discourse: Discourse, lex) -> None:
    """ "the Gulf of Mexico", "the Nancheng District of Dongguan", "the Province of Potosí": a place word
    ending a capitalised name, then "of" and a place, is one place (not a firm of that place)."""
    for place in list(discourse.spans):
        if place.cls not in ("Region", "Country") or place.demonym or place.first < 2:
            continue
        doc = discourse.paragraphs[place.para].doc
        of = place.first - 1
        word = doc[of - 1]
        if doc[of].lower_ != "of" or not word.text[:1].isupper() or word.lower_ not in lex["region_name_words"]:
            continue
        before = discourse.at(place.para, of - 1)
        if before is not None and (before.key is not None or before.cls in ("Person", "Product")):
            continue
        first = before.first if before is not None else of - 1
        while (
            before is None
            and first > 0
            and doc[first - 1].text[:1].isupper()
            and doc[first - 1].is_alpha
            and not doc[first - 1].is_sent_start
            and discourse.at(place.para, first - 1) is None
        ):
            first -= 1
        _merge(discourse, [before, place] if before is not None else [place], place.last, "Region", first)
    discourse.spans.sort(key=lambda s: s.position)


def copy_span(span: Span, **changes) -> Span:
    """A copy of a span with some fields changed (a coreferent mention keeps the entity, not the place)."""
    return replace(span, **changes)


def same_entity(a: Span, b: Span) -> bool:
    if a.key and b.key:
        return a.key == b.key
    return normalize_name(a.name) == normalize_name(b.name)


def phrase_text(token) -> str:
    """The words of a noun phrase up to its head ("the two countries", "its parent company")."""
    doc = token.doc
    left = min(
        [token.i]
        + [c.i for c in token.children if c.i < token.i and c.dep_ in ("det", "amod", "compound", "poss", "nummod")]
    )
    return doc[left : token.i + 1].text


def at_token(token) -> dict:
    """The token bounds of a mention that stands at one token ("it", "the company")."""
    return {"first": token.i, "last": token.i + 1}


def name_head(doc, first: int, last: int) -> str:
    """The word a name is a kind of: the one before its first "of" ("Convention of Moss"), else its last."""
    words = [doc[i].lower_ for i in range(first, last)]
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


def _credit_line(sent, credits: frozenset[str]) -> bool:
    """A wire story's credit line: a sentence that starts (after a bracket) "Reporting by", "Editing by"."""
    words = list(islice((t.lower_ for t in sent if not t.is_punct), 3))
    return any(" ".join(words[:n]) in credits for n in (2, 3))


def word_piece(doc, first: int, last: int, prefixes: frozenset[str]) -> bool:
    """A hyphen's end ("Non-" as a name) or a prefix glued to the word after it ("Non" of "Non-Executive")."""
    text = doc[first:last].text
    if text[:1] == "-" or text[-1:] == "-":
        return True
    return (
        last - first == 1
        and doc[first].lower_ in prefixes
        and last < len(doc)
        and doc[last].text == "-"
        and not doc[first].whitespace_
    )
