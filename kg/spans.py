"""One name policy for the entity spans of a parsed paragraph.

Two sources name things: the gazetteer's phrase matches (``doc.spans["gazetteer"]``)
and the statistical recogniser (``doc.ents``). :func:`reconcile` decides,
span by span, which one stands, and cleans what the recogniser swallowed:

- the longest well-formed name wins: where the recogniser reads a longer name
  around a gazetteer match ("Bank of China", "Toyota Tsusho", "Renault-Nissan",
  "Murmansk Oblast", "BMW 325i"), the longer name stands; where the extra words
  are a nationality, a title or a descriptor ("Russian MC-21", "President Putin"),
  the gazetteer's match stands and the rest of the recogniser's name is kept on
  its own ("Chinese President Xi Jinping": "Chinese" and "Xi Jinping");
- a gazetteer match the recogniser cuts across wins ("Superjet 100", not "Superjet");
- titles and descriptors are never part of a name: "Drugmaker Sanofi SA" is
  "Sanofi SA", "Chief Executive Jane Doe" is "Jane Doe", "Acme CEO" is "Acme";
- legal suffixes belong to the name before them ("Green River Collieries, LLC")
  and are never names of their own;
- exchange tickers ("(Nasdaq: RIVN)", "<VOWG_p.DE>") are no entities.

The word lists come from the lexicon (``ontology/rules/lexicon.json``):
``company_name_suffixes`` (the legal suffixes), ``stock_exchanges``, ``title_words``, ``state_titles``,
``person_descriptors``, ``maker_nouns``, ``company_descriptors``,
``company_name_words``, ``organization_name_words``, ``region_name_words``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .terms import CLASSES

__all__ = [
    "NameWords",
    "is_article",
    "is_legal_suffix",
    "is_particle",
    "legal_word",
    "letter_prefix",
    "plural_possessive",
    "reconcile",
    "ticker_tokens",
]

_NAME_LABELS = {"ORG", "PERSON", "GPE", "LOC", "FAC", "PRODUCT", "NORP", "WORK_OF_ART", "EVENT", "LAW"}
_JOINERS = {"-", "&", "+", "/"}


@dataclass(frozen=True)
class NameWords:
    """The word lists the parse stage reads (lower case): the name policy's, and the parse repairs'."""

    legal: frozenset[str]
    exchanges: frozenset[str]
    titles: frozenset[str]  # words of titles and descriptors that never start or end a name
    name_words: frozenset[str]  # words that make a longer name of a place's or firm's ("Bank", "Oblast")
    person_titles: frozenset[str] = frozenset()  # never inside a name, capitalised or not ("President")
    generic: frozenset[str] = frozenset()  # a name made only of these is none ("the Company", "Board of Directors")
    portfolios: frozenset[str] = frozenset()  # what a minister is minister of ("Energy", "Foreign Affairs")
    boards: frozenset[str] = frozenset()  # the words of boards and committees
    connectors: frozenset[str] = frozenset()  # words inside a name ("of", "&", "de", "van")
    small: frozenset[str] = frozenset()  # words an acronym skips ("of", "and" in "KPPLE")
    pre_verb_adverbs: frozenset[str] = frozenset()  # adverbs between a subject and its verb ("no longer")
    auxiliaries: frozenset[str] = frozenset()  # verbs a re-parse may start from ("will", "said")
    makers: frozenset[str] = frozenset()  # what a firm is called by what it makes ("drugmaker")
    ordinals: frozenset[str] = frozenset()  # "first", "second": a title's before a title, else a name's
    dates: frozenset[str] = frozenset()  # months and weekdays: never a name's first word ("In September Kaveri")
    relations: frozenset[str] = frozenset()  # what a firm is to another ("rival", "partner"): no name's first word
    inner_prepositions: frozenset[str] = frozenset()  # in lower case, inside no firm's name ("Havyard for ...")
    honorifics: frozenset[str] = frozenset()  # "Dr", "Mrs": before a person's name, no part of it
    subject_pronouns: frozenset[str] = frozenset()  # "it", "they": a subject a series of verbs may follow
    reporting: frozenset[str] = frozenset()  # "say", "tell": the verbs of a speech attribution
    list_openers: frozenset[str] = frozenset()  # "such as", "including", "include": what a list of instances follows

    @classmethod
    def from_lexicon(cls, lex) -> NameWords:
        people = lex["title_words"] | lex["state_titles"] | lex["person_descriptors"]
        names = lex["company_name_words"] | lex["organization_name_words"] | lex["region_name_words"]
        titles = people | lex["maker_nouns"] | lex["company_descriptors"] | lex["relation_nouns"]
        generic = (
            lex["company_descriptors"]
            | lex["company_name_words"]
            | lex["board_words"]
            | lex["organization_descriptors"]
            | people
            | lex["proper_stopwords"]
            | lex["not_names"]
        )
        return cls(
            legal=lex["company_name_suffixes"],
            exchanges=lex["stock_exchanges"],
            titles=frozenset(titles - names),
            name_words=frozenset(names),
            person_titles=frozenset(people - names),
            generic=frozenset(generic),
            portfolios=lex["portfolio_words"],
            boards=lex["board_words"],
            connectors=lex["name_connectors"],
            small=lex["acronym_small_words"],
            pre_verb_adverbs=lex["pre_verb_adverbs"],
            auxiliaries=lex["auxiliaries"],
            makers=lex["maker_nouns"],
            ordinals=lex["ordinal_words"],
            dates=frozenset(lex["months"] | lex["weekdays"]),
            relations=lex["relation_nouns"],
            inner_prepositions=lex["no_name_prepositions"],
            honorifics=lex["honorifics"],
            subject_pronouns=lex["subject_pronouns"],
            reporting=lex["reporting_verbs"],
            list_openers=frozenset(lex["instance_prepositions"] | lex["inclusion_verbs"]),
        )


def _namelike(token) -> bool:
    text = token.text
    return (
        any(ch.isupper() for ch in text[:1])
        or (any(ch.isupper() for ch in text) and any(ch.isalpha() for ch in text))
        or (token.like_num and token.i > 0 and not token.is_sent_start)
    )


def is_legal_suffix(token, words: NameWords) -> bool:
    """A legal suffix as firms write it: capitalised ("Inc.", "LLC", "L.P.", "S.A."), or abbreviated with dots,
    as Czech, Slovak and Balkan firms write theirs ("a.s.", "s.r.o.", "d.o.o.")."""
    return _legal_text(token.text, words)


def _legal_text(text: str, words: NameWords) -> bool:
    """:func:`is_legal_suffix` on a token's text (which :func:`_legal_ends` reads without making Token objects)."""
    return legal_word(text, words.legal)


def legal_word(text: str, legal: frozenset[str]) -> bool:
    """Whether a word is one of the ``legal`` suffixes as firms write it: capitalised, or abbreviated with dots
    ("Inc.", "Pty", "a.s."; not the noun "spa" or "limited" in running text)."""
    if not (text[:1].isupper() or ("." in text[1:-1] and text[:1].isalpha())):
        return False
    lower = text.lower()
    return not {lower, lower.replace(".", ""), lower + "."}.isdisjoint(legal)  # "a.s" before its period


def _texts(doc) -> list[str]:
    """The text of each token, read off the doc's array of word ids (no Token object made a word)."""
    strings = doc.vocab.strings
    return [strings[orth] for orth in doc.to_array("ORTH").tolist()]


def _positions(doc, texts: tuple[str, ...]) -> list[int]:
    """The indices, in order, of the tokens whose text is one of ``texts`` (found in the doc's array of word ids)."""
    import numpy

    ids = [doc.vocab.strings[text] for text in texts]  # a string's id (its hash)
    return numpy.flatnonzero(numpy.isin(doc.to_array("ORTH"), ids)).tolist()


def ticker_tokens(doc, words: NameWords) -> set[int]:
    """Token indices inside ticker notes: "(Nasdaq: RIVN)", "(NYSE:ST)", "<VOWG_p.DE>", "<7203.T>"."""
    out: set[int] = set()
    n = len(doc)
    for i in _positions(doc, ("(", "<")):
        token = doc[i]
        if token.text == "(":
            j = i + 1
            if j < n and doc[j].lower_.split(":")[0] in words.exchanges:
                k = j
                while k < n and doc[k].text != ")" and k - i < 8:
                    k += 1
                if k < n and doc[k].text == ")" and any(":" in doc[m].text for m in range(j, k)):
                    out.update(range(i, k + 1))
        elif token.text == "<":
            k = i + 1
            while k < n and doc[k].text != ">" and k - i < 6 and not doc[k].is_space and " " not in doc[k].text:
                k += 1
            if k < n and doc[k].text == ">" and k > i + 1 and not any(doc[m].whitespace_ for m in range(i, k)):
                out.update(range(i, k + 1))
    return out


def letter_prefix(token) -> bool:
    """ "e" of "e-Mobility", "i" of "i-Tech": a lone lower-case letter glued by a hyphen to the capitalised word
    after it opens that word, in a name as anywhere."""
    doc = token.doc
    return (
        len(token.text) == 1
        and token.is_lower
        and token.is_alpha
        and not token.whitespace_
        and token.i < len(doc) - 2
        and doc[token.i + 1].text == "-"
        and not doc[token.i + 1].whitespace_
        and doc[token.i + 2].text[:1].isupper()
    )


def is_article(token) -> bool:
    """An article before a name, no word of it: "the", or "a" / "an" in lower case or opening the sentence ("An Binh
    Industrial Gases" in mid-sentence is the firm's whole name)."""
    return token.lower_ == "the" or (token.lower_ in ("a", "an") and (token.is_lower or token.is_sent_start))


def _trim(doc, start: int, end: int, label: str, words: NameWords) -> tuple[int, int, str]:
    """A recogniser's span without the titles, descriptors and punctuation at its ends, and its label."""
    if label not in ("ORG", "PERSON", "PRODUCT", "FAC", "NORP", "GPE", "LOC"):
        return start, end, label
    if start > 0 and doc[start].text == "-" and not doc[start - 1].whitespace_ and doc[start - 1].is_title:
        start -= 1  # "Saint-Gobain" cut at its hyphen: the word before it is the name's first
    while label == "PERSON" and start < end - 1 and doc[start].lower_ in words.honorifics:
        start += 1  # "Dr Mahathir bin Mohamad", "Mrs Jones" (a firm keeps its own: "Dr. Reddy's", "Dr. Oetker")
    while (
        start < end - 1
        and (
            is_article(doc[start])
            or doc[start].lower_ in words.dates
            or (doc[start].is_lower and doc[start].is_alpha and doc[start].lower_ in words.name_words)
            or (
                label in ("ORG", "FAC")
                and doc[start].is_lower
                and doc[start].is_alpha
                and doc[start].lower_ not in words.connectors
            )  # "the state development fund PFR": no firm's name opens with a common word in lower case
            or (
                (doc[start].lower_ in words.titles or doc[start].lemma_.lower() in words.titles)
                and not _modifies_name(doc, start, words)
            )
        )
        and not (doc[start].whitespace_ == "" and doc[start + 1].text == "-")  # "Saint-Gobain"
        and _rest_is_name(doc, start + 1, end)
    ):
        start += 1
    if (
        label in ("PERSON", "ORG")
        and start > 1
        and doc[start - 1].lower_ in ("of", "for")
        and doc[start - 2].lower_ in words.person_titles
    ):
        first = start
        while start < end - 2 and (doc[start].lower_ in words.portfolios or doc[start].lower_ in ("and", "&")):
            start += 1  # "Minister of Energy Jurabek Mirzamahmudov": the portfolio is no part of the name
        if start > first:
            label = "PERSON"
    brackets = [i for i in range(start + 1, end) if doc[i].text == "("]
    if brackets and not any(doc[i].text == ")" for i in range(brackets[0], end)):
        end = brackets[0]  # "Board of Investment (BOI": the name ends before its acronym
    while (
        end > start + 1
        and (
            doc[end - 1].lower_ in words.titles
            or doc[end - 1].is_punct
            or doc[end - 1].tag_ in ("VBD", "VBN", "VBZ", "VBP")
            or doc[end - 1].lower_ in ("and", "of", "&")  # "G J Steel and": no name ends so
        )
        and doc[end - 1].lower_ not in words.name_words
        and not is_legal_suffix(doc[end - 1], words)
    ):
        end -= 1  # "Hilton Hotels Acquired by ...": a headline's verb is no part of the name
    while start < end - 1 and doc[start].tag_ in ("VBD", "VBZ", "VBP") and _rest_is_name(doc, start + 1, end):
        start += 1  # "Opens Office in Bangalore"
    if label == "ORG":
        end = _end_at_suffix(doc, start, end, words)
        cut = next((i for i in range(start + 1, end - 1) if doc[i].lower_ in words.inner_prepositions), None)
        if cut is not None and not any(doc[i].lower_ in words.name_words for i in range(start, cut)):
            end = cut  # "Havyard for North Sea offshore vessels" (but "Agency for International Development")
    return start, end, label


def _end_at_suffix(doc, start: int, end: int, words: NameWords) -> int:
    """Where a firm's name ends when title-case words follow its legal suffix: "Abera Bioscience AB - Pipeline
    Review", "Diodes Incorporated Achieves ..." end at the suffix (but "GmbH & Co. KG", "S.A. de C.V." run on, and
    "Co" in "Co-operative" is no suffix)."""
    suffix = next((i for i in range(start + 1, end - 1) if is_legal_suffix(doc[i], words) and doc[i].whitespace_), None)
    if suffix is None:
        return end
    after = doc[suffix + 1]
    if after.text in ("-", "–", "—", ":") and suffix + 2 < end:
        after = doc[suffix + 2]
    if (
        after.is_title
        and after.is_alpha
        and not is_legal_suffix(after, words)
        and after.lower_ not in words.connectors
        and after.lower_ not in words.name_words
    ):
        return suffix + 1
    return end


def _listed_firms(doc, start: int, end: int, label: str, words: NameWords) -> list[tuple[int, int, str]]:
    """ "G J Steel and Millcon Steel", "Kestrel Corp and Nimbus Inc": two firms' names the recogniser read as
    one, each of two words or more and ending alike (in the same word of a firm's name, or each in a legal
    suffix), the second not opening with such a word (but "Kovdor Mining and Processing Plant", "Semirara
    Mining and Power Corp", "Oil and Natural Gas Corporation" and "Procter and Gamble" are one name each)."""

    def alike(i: int) -> bool:
        first, second = doc[i - 1], doc[end - 1]
        return (first.lower_ == second.lower_ and first.lower_ in words.name_words) or (
            is_legal_suffix(first, words) and is_legal_suffix(second, words)
        )

    if label != "ORG":
        return [(start, end, label)]
    for i in range(start + 2, end - 2):
        if doc[i].lower_ == "and" and alike(i) and doc[i + 1].is_title and doc[i + 1].lower_ not in words.name_words:
            return [(start, i, label), *_listed_firms(doc, i + 1, end, label, words)]
    return [(start, end, label)]


def _modifies_name(doc, i: int, words: NameWords) -> bool:
    """An ordinal is a title's only before another title: "First Deputy Prime Minister", but "First
    Security Corporation" and "Fifth Third Bank" are firms' names."""
    after = doc[i + 1]
    return (
        doc[i].lower_ in words.ordinals
        and after.lower_ not in words.titles
        and after.lemma_.lower() not in words.titles
    )


def generic_name(doc, start: int, end: int, words: NameWords) -> bool:
    """A capitalised common noun alone ("the Company", "Registrant", "Owner"), or a name made only of the
    words of boards and titles ("Board of Directors", "Compensation Committee"), names no one."""
    tokens = [
        doc[i] for i in range(start, end) if not doc[i].is_punct and doc[i].lower_ not in ("the", "of", "and", "&")
    ]
    if len(tokens) == 1:
        return tokens[0].lower_ in words.generic or tokens[0].lemma_.lower() in words.generic
    return bool(tokens) and all(t.lower_ in words.boards or t.lower_ in words.person_titles for t in tokens)


def _around_place(doc, winners, places, glued: set[int]):
    """ "New Kenya Co-operative Creameries" read as "New", the known "Kenya" and "Co-operative Creameries": two
    pieces of the recogniser's firm name on both sides of a known place, the first and the place hung inside
    the second (or on the head noun right after it, which the recogniser left out), are one name; the place's
    match is dropped (``glued`` takes it)."""
    starts = {start: (start, end, label) for start, end, label in winners}
    at = {g.start: g for g in places}
    out, joined = [], set()
    for start, end, label in winners:
        if start in joined:
            continue
        place = at.get(end)
        right = starts.get(place.end) if place is not None else None
        if label != "ORG" or place is None or right is None or right[2] != "ORG":
            out.append((start, end, label))
            continue
        stop = right[1]
        while (
            stop < len(doc)
            and doc[stop].pos_ == "PROPN"
            and doc[stop].text[:1].isupper()
            and any(doc[i].head.i == stop for i in range(start, stop))
        ):
            stop += 1  # the head noun the recogniser left out ("... Co-operative" + "Creameries")
        if (
            doc[end - 1].whitespace_
            and doc[place.end - 1].whitespace_
            and right[0] <= doc[place.end - 1].head.i < stop
            and right[0] <= doc[end - 1].head.i < stop
        ):
            glued.add(id(place))
            joined.add(right[0])
            out.append((start, stop, "ORG"))
        else:
            out.append((start, end, label))
    return out


def _glue_name_words(doc, winners, kept_g, words: NameWords, demonyms):
    """ "Helsinki Stock Exchange", "Minsk Tractor Works": a known place's or firm's name followed right away by
    the recogniser's name made of name words ("Stock Exchange") is one name."""
    by_end = {g.end: g for g in kept_g if g.label_ in ("Region", "Country", "Company") and g.text not in demonyms}
    glued: set[int] = set()
    out = []
    winners = _around_place(doc, winners, [g for g in by_end.values() if g.label_ in ("Region", "Country")], glued)
    for start, end, label in winners:
        g = by_end.get(start)
        if (
            g is not None
            and label in ("ORG", "FAC")
            and doc[start - 1].whitespace_
            and all(doc[i].text[:1].isupper() or doc[i].lower_ in words.connectors for i in range(start, end))
            and doc[end - 1].lower_ in words.name_words
        ) or (
            g is not None
            and label == "PERSON"
            and g.label_ in ("Country", "Region")
            and doc[start - 1].whitespace_
            and doc[start - 1].dep_ == "compound"
            and start <= doc[start - 1].head.i < end
        ):
            # "Bharat Vimaan Nigam": a place the parser reads as part of the name the recogniser called a person's
            # opens a firm's name (a person's own name would hold the place, "Jordan Peterson")
            glued.add(id(g))
            out.append((g.start, end, "ORG"))
        else:
            out.append((start, end, label))
    return out, [g for g in kept_g if id(g) not in glued]


def _longer_than_known(doc, kept_g, taken: set[int], words: NameWords):
    """ "Samsung SDI", "Hyundai Mobis", "Toyota Tsusho": a known firm's name that the parser compounds with
    capitalised words after it, which the recogniser left unlabelled, is a longer name: another firm's (but in
    "Toyota Motor" or "Tata Group" the words firms' names are made of keep the known firm). Returns the longer
    names and the gazetteer matches left."""
    longer, kept = [], []
    for g in kept_g:
        k = g.end
        while (
            k < len(doc)
            and k not in taken
            and doc[k].pos_ == "PROPN"
            and doc[k].is_alpha
            and (doc[k].is_title or doc[k].is_upper)
            and doc[k].lower_ not in words.name_words
            and doc[k].lower_ not in words.titles
            and not is_legal_suffix(doc[k], words)
        ):
            k += 1
        last = doc[g.end - 1]
        if (
            g.label_ == "Company"
            and k > g.end
            and last.whitespace_
            and last.dep_ == "compound"
            and g.end <= last.head.i < k
        ):
            longer.append((g.start, k, "ORG"))
        else:
            kept.append(g)
    return longer, kept


def _past_board(doc, start: int, end: int, words: NameWords) -> int:
    """ "the Board of Directors of LiqTech International": the firm whose board it is."""
    i = start
    while i < end and (doc[i].lower_ in words.boards or doc[i].lower_ in ("of", "the")):
        i += 1
    if (
        i > start
        and i < end
        and doc[i - 1].lower_ == "of"
        and _rest_is_name(doc, i, end)
        and not all(doc[k].lower_ in words.portfolios or not doc[k].is_alpha for k in range(i, end))
    ):
        return i  # (but "the Board of Investment" is a body of its own)
    return start


def _whole_compound(doc, start: int, end: int, taken: set[int], words: NameWords) -> tuple[int, int]:
    """ "Business Services TWC" where the recogniser read "Services": the capitalised proper nouns the
    parser joins into one compound with the name are part of it."""

    def joinable(token) -> bool:
        return (
            token.pos_ == "PROPN"
            and token.text[:1].isupper()
            and token.i not in taken
            and token.lower_ not in words.titles
            and token.lower_ not in words.dates
            and not token.is_sent_start
        )

    if start > 1 and letter_prefix(doc[start - 2]):
        start -= 2  # "SACL e-Mobility Private Limited" read from "Mobility": "e-", "i-" open the word
    while (
        start > 0
        and joinable(doc[start - 1])
        and doc[start - 1].dep_ in ("compound", "nmod")
        and start <= doc[start - 1].head.i < end + 1
    ):
        start -= 1
    if (
        start > 0
        and doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].is_sent_start
        and doc[start - 1].dep_ == "compound"
        and start <= doc[start - 1].head.i < end
        and doc[start - 1].i not in taken
        and doc[start - 1].text[:1].isupper()
        and doc[start - 1].lower_ not in words.person_titles | words.makers
        and doc[start - 1].lemma_.lower() not in words.relations
    ):  # but "Drugmaker Sanofi SA", "Rival Dow Inc"
        start -= 1  # the sentence's first word ("Business Services TWC offers ...")
    while (
        end < len(doc)
        and joinable(doc[end])
        and doc[end - 1].dep_ == "compound"
        and doc[end - 1].head.i == end
        and not is_legal_suffix(doc[end - 1], words)
    ):  # "Northvale Drilling Systems Ltd. Annual Information Form": a firm's name ends at its legal suffix
        end += 1
    return start, end


def is_particle(token, words: NameWords) -> bool:
    """ "del", "do", "van": a lower-case particle inside a name (not a joiner, "of" or "and")."""
    return token.is_lower and token.lower_ in words.connectors - _JOINERS - {"of", "'s", "and"}


def _particle_opening(doc, start: int, end: int, taken: set[int], words: NameWords) -> int:
    """ "Vidrios del Norte", "Banco do Brasil", "Cerveceria y Malteria Quilmes" where the recogniser read the name
    from its particle on ("del Norte") or after it: a capitalised proper noun and a lower-case particle the parser
    hangs inside the name open it."""
    first = start
    if is_particle(doc[first], words) and first < end - 1:
        first += 1  # the name as read opens with the particle
    elif not (first > 0 and is_particle(doc[first - 1], words)):
        return start
    k = first - 2
    if (
        k >= 0
        and start <= doc[first - 1].head.i < end
        and doc[k].pos_ == "PROPN"
        and doc[k].text[:1].isupper()
        and k not in taken
        and doc[k].lower_ not in words.titles
        and start <= doc[k].head.i < end
    ):
        return k
    return start


def _whole_code(doc, start: int, end: int, taken: set[int]) -> tuple[int, int]:
    """ "SGT5-4000F", "Su-30SM" where the recogniser read one half: a model code written with a hyphen and no
    spaces is one name, when both halves look like codes (a digit or all capitals)."""

    def code(token) -> bool:
        return token.i not in taken and (
            any(ch.isdigit() for ch in token.text) or (token.is_upper and len(token.text) > 1)
        )

    while (
        start > 1
        and doc[start - 1].text == "-"
        and not doc[start - 2].whitespace_
        and not doc[start - 1].whitespace_
        and code(doc[start - 2])
        and code(doc[start])
    ):
        start -= 2
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and code(doc[end + 1])
        and code(doc[end - 1])
    ):
        end += 2
    return start, end


def _rest_is_name(doc, start: int, end: int) -> bool:
    return any(_namelike(doc[i]) and doc[i].lower_ not in ("the",) for i in range(start, end))


def _with_legal_suffix(doc, end: int, words: NameWords) -> int:
    """ "Green River Collieries, LLC", "Toyota Motor Corp.", "Alliance Resource Partners, L.P.": the legal
    suffix after a name (after a comma or not) belongs to it; returns the new end."""
    j = end
    if j < len(doc) and doc[j].text == "," and j + 1 < len(doc) and is_legal_suffix(doc[j + 1], words):
        j += 1
    if j < len(doc) and is_legal_suffix(doc[j], words) and (j > end or doc[j - 1].whitespace_):
        k = j + 1
        while k < len(doc) and is_legal_suffix(doc[k], words):
            k += 1  # "Co. Ltd."
        return k
    return end


def plural_possessive(token) -> bool:
    """The apostrophe of a plural possessive inside a name: "Steel Producers' Association"."""
    return token.text in ("'", "\u2019") and token.i > 0 and token.doc[token.i - 1].tag_ == "NNPS"


def _longer_wins(doc, ent, inside, words: NameWords, demonyms: frozenset[str]) -> bool:
    """Whether the recogniser's name around gazetteer matches is one longer name."""
    covered = {i for g in inside for i in range(g.start, g.end)}
    extra = [doc[i] for i in range(ent.start, ent.end) if i not in covered]
    if all(t.text in _JOINERS for t in extra):
        # known names glued into one ("Renault-Nissan", "Procter & Gamble"): a venture's or a firm's name
        # when all are firms; "Belarus-Russia" stays two places, "Russian MC-21" a nationality and a name
        return (
            bool(extra)
            and len(inside) > 1
            and all(g.label_ in ("Company", "Organization") for g in inside)
            and all(
                not doc[i].whitespace_ or doc[i].text == "&" or doc[i + 1].text == "&"
                for i in range(ent.start, ent.end - 1)
            )
        )
    if any(
        t.lower_ in words.person_titles
        or (t.is_lower and (t.lower_ in words.titles or t.lemma_.lower() in words.titles))
        for t in extra
    ):
        return False  # "President Putin", "the Chinese carmaker Geely": a title, not a name
    if any(
        g.label_ == "Company" and g.end < ent.end - 1 and doc[g.end].lower_ == "and" and _namelike(doc[g.end + 1])
        for g in inside
    ):
        return False  # "Bosch and BSH Hausgeraete": a known firm and another, not one name
    if (
        any(g.text in demonyms and g.start == ent.start for g in inside)
        and ent.start > 0
        and doc[ent.start - 1].lower_ in ("the", "a", "an")
        and len(extra) > 1
        and is_legal_suffix(extra[-1], words)
        and len(extra[-1].text.replace(".", "")) <= 4
        and any(_namelike(t) and t.lower_ not in words.name_words and not is_legal_suffix(t, words) for t in extra)
    ):
        return False  # "the German Ruhrfilz GmbH", "the Swedish Nordvik Invest AB": a nationality before a firm's
        # full name (but "the Russian Nanotechnology Corporation", "the African National Congress" are names)
    if (
        any(g.text in demonyms and g.start == ent.start for g in inside)
        and (len(inside) > 1 or ent.label_ in ("PERSON", "PRODUCT", "GPE", "NORP"))
        and not any(t.lower_ in words.name_words for t in extra)
    ):
        return False  # "Russian MC-21", "German Volkswagen", "Chinese Wu Lan": a nationality before a name (but
        # "Russian Railways", "the Philippine Senate", "Ace European Group" are names)
    if not all(
        _namelike(t)
        or t.lower_ in words.connectors
        or is_legal_suffix(t, words)
        or plural_possessive(t)
        or (t.text == "," and t.i + 1 < ent.end and is_legal_suffix(doc[t.i + 1], words))  # "Piedmont Airlines, Inc."
        for t in extra
    ):
        return False
    if len(extra) > 5 or any(t.is_stop and t.lower_ not in words.connectors for t in extra):
        return False  # "Uzbekistan Opens New Tractor Factory With Help From Belarus": a title-case headline
    if any(t.lower_ in words.name_words for t in extra):
        return True  # "Ostrava Glassworks", "Bank of China", "Murmansk Oblast", whatever the recogniser's label
    if all(g.label_ in ("Country", "Region") for g in inside) and ent.label_ in ("GPE", "LOC", "NORP"):
        return False  # "Moscow Russia" is two places
    if ent.label_ == "PERSON":  # "Haluk Bayraktar", "Henry Ford": a person named like a product or a firm
        return not any(g.label_ in ("Person", "Country", "Region") for g in inside)
    return ent.label_ in ("ORG", "FAC", "PRODUCT", "WORK_OF_ART", "GPE", "LOC")


def reconcile(doc, words: NameWords, demonyms: frozenset[str] = frozenset()):
    """Set ``doc.ents`` from the gazetteer's matches and the recogniser's names (see the module docstring);
    the gazetteer's entities carry their entry id. Returns the doc."""
    from spacy.tokens import Span

    gazetteer = sorted(doc.spans["gazetteer"], key=lambda s: (s.start, -s.end)) if "gazetteer" in doc.spans else []
    tickers = ticker_tokens(doc, words)
    doc.user_data["kg_tickers"] = tickers
    claimed: set[int] = set()
    ners = [e for e in doc.ents if e.label_ not in CLASSES]
    winners_ner: list[tuple[int, int, str]] = []
    dropped_g: set[int] = set()
    for ent in ners:
        if any(i in tickers for i in range(ent.start, ent.end)):
            continue
        if ent.label_ in _NAME_LABELS:
            start, end, label = _trim(doc, ent.start, ent.end, ent.label_, words)
            ent = Span(doc, start, end, label=label)  # "the Russian Nanotechnology Corporation"
        inside = []
        crossing = False
        for g in gazetteer:
            if g.end <= ent.start or g.start >= ent.end:
                continue
            if g.start >= ent.start and g.end <= ent.end:
                inside.append(g)
            else:
                crossing = True
        if ent.label_ not in _NAME_LABELS:
            if not inside and not crossing:
                winners_ner.append((ent.start, ent.end, ent.label_))
            continue
        if crossing:
            continue  # "Superjet 100" over the recogniser's "Superjet"
        if inside:
            if len(inside) == 1 and (inside[0].start, inside[0].end) == (ent.start, ent.end):
                continue  # the same span: the gazetteer's class
            if _longer_wins(doc, ent, inside, words, demonyms):
                dropped_g.update(id(g) for g in inside)
                label = ent.label_
                if label in ("PERSON", "NORP") and any(
                    doc[i].lower_ in words.name_words for i in range(ent.start, ent.end)
                ):
                    label = "ORG"  # "Ostrava Glassworks" read as a person's name
                winners_ner.append((ent.start, ent.end, label))
                continue
            # the gazetteer's matches stand; what is left of the recogniser's name may be a name of its own
            covered = {i for g in inside for i in range(g.start, g.end)}
            runs: list[list[int]] = []
            current: list[int] = []
            for i in range(ent.start, ent.end):
                if i in covered:
                    if current:
                        runs.append(current)
                    current = []
                else:
                    current.append(i)
            if current:
                runs.append(current)
            for run in runs:
                start, end, _ = _trim(doc, run[0], run[-1] + 1, ent.label_, words)
                while start < end - 1 and doc[start].lower_ == "and":
                    start += 1  # "Bosch and BSH Hausgeraete": the other firm's name after the known one
                if (
                    any(_namelike(doc[i]) for i in range(start, end))
                    and not all(
                        doc[i].lower_ in words.titles or doc[i].is_punct or doc[i].lower_ in words.connectors
                        for i in range(start, end)
                    )
                    and not any(doc[i].is_stop and doc[i].lower_ not in words.connectors for i in range(start, end))
                ):
                    winners_ner.append((start, end, ent.label_))
            continue
        winners_ner.append((ent.start, ent.end, ent.label_))
    kept_g = [g for g in gazetteer if id(g) not in dropped_g and not any(i in tickers for i in range(g.start, g.end))]
    winners_ner, kept_g = _glue_name_words(doc, winners_ner, kept_g, words, demonyms)
    taken = tickers | {i for start, end, _ in winners_ner for i in range(start, end)}
    longer, kept_g = _longer_than_known(doc, kept_g, taken, words)
    winners_ner += longer
    spans = [Span(doc, g.start, g.end, label=g.label_, span_id=g.id_) for g in kept_g]
    known = {i for g in kept_g for i in range(g.start, g.end)}
    for start, end, label in [piece for winner in winners_ner for piece in _listed_firms(doc, *winner, words)]:
        if label in _NAME_LABELS:
            start, end, label = _trim(doc, start, end, label, words)
            if label in ("ORG", "PRODUCT", "GPE", "LOC", "FAC", "PERSON", "NORP"):
                start = _particle_opening(doc, start, end, known | tickers, words)
            if label in ("ORG", "PRODUCT", "GPE", "LOC", "FAC"):  # "Elk Grove Village", read as "Grove Village"
                start, end = _whole_compound(doc, start, end, known | tickers, words)
            if label not in ("GPE", "LOC", "NORP", "PERSON"):
                start, end = _whole_code(doc, start, end, known | tickers)
            if label in ("ORG", "FAC"):
                start = _past_board(doc, start, end, words)
            if all(is_legal_suffix(doc[i], words) or doc[i].is_punct for i in range(start, end)):
                continue  # "LLC", "L.P." alone: a suffix of the name before, no name
            if label in ("ORG", "FAC", "PERSON", "GPE") and generic_name(doc, start, end, words):
                continue  # "the Company", "the Partnership", "Board of Directors": no names
            longer = _with_legal_suffix(doc, end, words)
            if longer > end:  # "Green River Collieries, LLC" is a firm, whatever the recogniser called it
                end, label = longer, "ORG"
        spans.append(Span(doc, start, end, label=label))
    spans = _suffixed_names(doc, _of_place_after_suffix(doc, spans, gazetteer, words), tickers, words)
    spans = _bracketed_place_names(doc, spans, words)
    spans = _one_noun_phrase(doc, _repeated_names(doc, spans), words)
    spans = _non_overlapping(_outermost(_joined_names(doc, _listed_names(doc, spans, tickers), words)), claimed)
    doc.ents = _defined_by_acronym(doc, spans, words)
    return doc


def _repeated_names(doc, spans):
    """ "CyberPower Systems CyberPower Systems was founded in 1997": a saved page's heading run into the sentence
    under it makes one name of the same words twice; each half is a name of its own, the same firm's. Places keep
    theirs, and so do the gazetteer's names and one plain word said twice ("Walla Walla", "Wagga Wagga")."""
    from spacy.tokens import Span

    out = []
    for span in spans:
        half = (span.end - span.start) // 2
        texts = [t.lower_ for t in span]
        if (
            span.label_ not in ("GPE", "LOC", "FAC", "NORP")
            and not span.id_
            and (half > 1 or not span[0].is_alpha)  # one plain word twice is a name: "Walla Walla", "Sirhan Sirhan"
            and half
            and (span.end - span.start) % 2 == 0
            and texts[:half] == texts[half:]
        ):
            out += [
                Span(doc, span.start, span.start + half, label=span.label_),
                Span(doc, span.start + half, span.end, label=span.label_),
            ]
        else:
            out.append(span)
    return out


def _of_place_after_suffix(doc, spans, gazetteer, words: NameWords):
    """ "Vindberg Energy A/S of Denmark": a legal suffix ends the firm's name; the place after its "of" is
    where the firm is, not part of the name (the recogniser's name is cut there)."""
    from spacy.tokens import Span

    out = []
    for span in spans:
        cut = None
        if span.label_ in ("ORG", "Company"):
            for i in range(span.start + 1, span.end - 1):
                if doc[i].lower_ == "of" and _legal_end(doc, span.start, i, words):
                    cut = i
                    break
        if cut is None:
            out.append(span)
            continue
        out.append(Span(doc, span.start, cut, label=span.label_))
        out.extend(
            Span(doc, g.start, g.end, label=g.label_, span_id=g.id_)
            for g in gazetteer
            if cut < g.start and g.end <= span.end
        )
    return sorted(out, key=lambda s: s.start)


def _legal_end(doc, start: int, end: int, words: NameWords) -> bool:
    """The tokens before ``end`` close with a legal suffix ("GmbH", "S.A.", "A/S") after a word of a name."""
    if end - start >= 2 and is_legal_suffix(doc[end - 1], words):
        return True
    return end - start >= 4 and "".join(t.text for t in doc[end - 3 : end]).lower() in words.legal


def _legal_ends(doc, words: NameWords) -> list[int]:
    """Each ``end`` where ``_legal_end(doc, max(0, end - 4), end, words)``, in order: the same test over the
    tokens' strings, read once a doc."""
    texts = _texts(doc)
    return [
        i + 1
        for i in range(len(texts))
        if (i >= 1 and _legal_text(texts[i], words))
        or (i >= 3 and "".join(texts[i - 2 : i + 1]).lower() in words.legal)
    ]


def _suffixed_names(doc, spans, tickers: set[int], words: NameWords):
    """ "Rheinwind GmbH signed": capitalised words the recogniser left unnamed that end in a legal suffix are
    a firm's name, however rarely the article uses it (the suffix says what they are)."""
    from spacy.tokens import Span

    taken = {i for s in spans for i in range(s.start, s.end)} | tickers
    out = list(spans)
    for end in _legal_ends(doc, words):
        if end - 1 in taken:
            continue
        suffix = end - 1 if is_legal_suffix(doc[end - 1], words) else end - 3
        start = suffix
        place = next((s for s in out if s.end == start and s.label_ in ("Country", "Region")), None)
        if (
            place is not None
            and place.start > 0
            and place.start - 1 not in taken
            and _namelike(doc[place.start - 1])
            and not doc[place.start - 1].is_stop
            and not doc[place.start - 1].is_sent_start
        ):  # "Bidco Africa Ltd", "Kestrel Poland Sp": a place inside a firm's name, before its suffix
            out.remove(place)
            taken.difference_update(range(place.start, place.end))
            start = place.start
        while start > 0 and start - 1 not in taken:
            before = doc[start - 1]
            if before.lower_ in words.person_titles or (before.is_sent_start and before.lower_ in words.titles):
                break  # "Chief Executive Officer of Costa Crociere S.p.A.": the title is no part of the name
            if _namelike(before) and not before.is_stop:
                start -= 1
            elif start > 1 and letter_prefix(doc[start - 2]):
                start -= 2  # "SACL e-Mobility Pvt Ltd"
            elif before.lower_ in words.connectors and start < suffix and start > 1 and _namelike(doc[start - 2]):
                start -= 1  # "Abonos del Turia S.A.", "Van der Berg & Co"
            else:
                break
        guessed = None
        if doc[start].lower_ in words.connectors:  # only a name joined by "del", "de", "&" is one with them
            guessed = next((s for s in out if s.end == start and s.label_ in ("GPE", "PERSON", "NORP", "LOC")), None)
        if guessed is not None:  # "Abonos del Turia S.A.": the recogniser's "Abonos" is the name's first word
            out.remove(guessed)
            taken.difference_update(range(guessed.start, guessed.end))
            start = guessed.start
        while start < suffix and doc[start].lower_ in words.connectors:
            start += 1
        if start < suffix and not any(i in taken for i in range(start, end)):
            town = next((s for s in out if s.end == start and s.label_ in ("Region", "Country")), None)
            if town is not None:  # "Jiangxi Huaxin Carbon Co", "Saudi Electricity Co": named after its place
                out.remove(town)
                start = town.start
            out.append(Span(doc, start, end, label="ORG"))
            taken.update(range(start, end))
    return sorted(out, key=lambda s: s.start)


def _one_noun_phrase(doc, spans, words: NameWords):
    """Two names side by side that the parser reads as one noun phrase ending in a firm's name word or a legal
    suffix are one firm's name: a known firm's name right before such a name ("Ford Otomotiv Sanayi A.S.",
    Ford Otosan, not Ford), or a name the recogniser cut at "and" ("Abu Qir Fertilizers and Chemical Industries
    Company"); or a firm's name with a word after it the recogniser took for a person's ("Toyota Tsusho"). Not
    two firms of a list: the first ends in a suffix of its own, or both end alike."""
    from spacy.tokens import Span

    out = sorted(spans, key=lambda s: s.start)
    merged: list = []
    for span in out:
        before = merged[-1] if merged else None
        if before is not None and _one_firm(doc, before, span, words):
            merged[-1] = Span(doc, before.start, span.end, label="ORG")
        else:
            merged.append(span)
    return merged


def _one_firm(doc, first, second, words: NameWords) -> bool:
    head = doc[first.end - 1].head
    if (
        first.end == second.start
        and first.label_ in ("ORG", "Company")
        and second.label_ == "PERSON"
        and doc[first.end - 1].dep_ == "compound"
        and second.start <= head.i < second.end
        and not is_legal_suffix(doc[first.end - 1], words)  # "Moog Inc. Eaton Corporation": two firms
        and not any(doc[i].lower_ in words.person_titles for i in range(first.start, second.end))
    ):
        return True  # "Toyota Tsusho", "PGZ Stocznia Wojenna": a firm's name and a word the recogniser took for a
        # person's, one noun phrase, are one firm's name (not two names of a list)
    if second.label_ not in ("ORG", "Company") or first.label_ not in ("ORG", "PERSON", "Company"):
        return False
    last = doc[second.end - 1]
    if not (is_legal_suffix(last, words) or last.lower_ in words.name_words):
        return False  # the whole must end as a firm's name does
    if is_legal_suffix(doc[first.end - 1], words) or doc[first.end - 1].lower_ == last.lower_:
        return False  # "Kestrel Corp and Nimbus Inc", "G J Steel and Millcon Steel": two firms
    joined = first.end == second.start and first.label_ == "Company" and is_legal_suffix(last, words)
    joined = joined or (
        first.end + 1 == second.start
        and doc[first.end].lower_ == "and"
        and first.label_ != "Company"
        and doc[first.end - 1].lower_ in words.name_words
        and doc[second.start].lower_ in words.name_words
    )  # "Abu Qir Fertilizers and Chemical Industries Company": both sides of "and" words of a firm's name (but
    # "Tornvik Steel and Nimbus Optics", the second with a name of its own, are two)
    return joined and doc[first.end - 1].dep_ in ("compound", "nmod") and second.start <= head.i < second.end


def _bracketed_place_names(doc, spans, words: NameWords):
    """ "Tata Steel (Thailand) Public Co", "Kurobane Precision (Thailand) Co., Ltd.": a firm's name, a place in
    brackets and a legal suffix are one name, the national unit's (not the parent's, nor a place's)."""
    from spacy.tokens import Span

    by_start = {s.start: s for s in spans}
    out: list = []
    absorbed: set[int] = set()
    for span in sorted(spans, key=lambda s: s.start):
        if id(span) in absorbed:
            continue
        place = by_start.get(span.end + 1)
        if (
            span.label_ in ("ORG", "Company")
            and span.end + 1 < len(doc)
            and doc[span.end].text == "("
            and place is not None
            and place.label_ in ("Country", "Region", "GPE")
            and place.end < len(doc)
            and doc[place.end].text == ")"
        ):
            end = place.end + 1
            while (
                end < len(doc)
                and end - place.end <= 4
                and _namelike(doc[end])
                and not is_legal_suffix(doc[end - 1], words)
            ):
                end += 1
            while end < len(doc) and (
                doc[end].text in (",", ".") and end + 1 < len(doc) and is_legal_suffix(doc[end + 1], words)
            ):
                end += 2  # "Co., Ltd."
            if is_legal_suffix(doc[end - 1], words):
                absorbed.update(id(s) for s in spans if span.end <= s.start and s.end <= end)
                out.append(Span(doc, span.start, end, label="ORG"))
                continue
        out.append(span)
    return sorted(out, key=lambda s: s.start)


def _listed_names(doc, spans, tickers: set[int]):
    """ "Semirara Mining and Power Corp <SCC.PS>": the names joined by "and" right before one exchange ticker
    are one listed company's name, however the recogniser cut it."""
    from spacy.tokens import Span

    starts = {i for i in tickers if i == 0 or i - 1 not in tickers}
    by_end = {s.end: s for s in spans}
    out = list(spans)
    for start in starts:
        last = by_end.get(start)
        if last is None or last.start < 2 or doc[last.start - 1].lower_ != "and":
            continue
        first = by_end.get(last.start - 1)
        if (
            first is None
            or first.label_ not in ("ORG", "PERSON", "GPE", "Company")
            or last.label_ not in ("ORG", "Company")
        ):
            continue
        out = [s for s in out if s is not first and s is not last] + [Span(doc, first.start, last.end, label="ORG")]
    return sorted(out, key=lambda s: s.start)


def _defined_by_acronym(doc, spans, words: NameWords):
    """ "The Kaunas Plant of Precision and Laser Equipment (KPPLE)": the capitalised words whose initials
    spell the acronym in brackets after them are one name, however the recogniser cut them."""
    from spacy.tokens import Span

    out = list(spans)
    for i in (p + 1 for p in _positions(doc, ("(",)) if 2 <= p + 1 < len(doc) - 1):  # a word after "("
        acronym = doc[i].text
        if doc[i + 1].text != ")" or not (acronym.isupper() and acronym.isalpha() and 2 < len(acronym) <= 10):
            continue
        letters = list(acronym.lower())
        j = i - 1  # the "(" token
        start = None
        while j > 0 and letters:
            token = doc[j - 1]
            if token.lower_ in words.small and letters:
                j -= 1
                continue
            if not (token.is_alpha and token.text[:1].isupper()):
                break
            if token.lower_[0] != letters[-1]:
                break
            letters.pop()
            j -= 1
            start = j
        if letters or start is None or i - 1 - start < 3:
            continue
        end = i - 1
        while doc[start].lower_ in words.small:
            start += 1
        inside = [s for s in out if s.start < end and s.end > start]
        if len(inside) == 1 and inside[0].start == start and inside[0].end == end:
            continue
        if any(s.start < start or s.end > end for s in inside) or len(inside) < 2:
            continue  # only where the recogniser cut the name into pieces
        out = [s for s in out if s not in inside] + [Span(doc, start, end, label="ORG")]
    return sorted(out, key=lambda s: s.start)


def _joined_names(doc, spans, words: NameWords):
    """A name the recogniser cut at a particle inside it ("Caxias do Sul", "Banco do Brasil"): the particle and
    the capitalised words after it, a name of their own or no name yet, are part of it."""
    from spacy.tokens import Span

    particles = {w for w in words.connectors if w.isalpha() and w not in ("of", "and")}
    starts = {s.start: s for s in spans}
    taken = {i for s in spans for i in range(s.start, s.end)}
    out, absorbed = [], set()
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if id(span) in absorbed:
            continue
        end = span.end
        while end + 1 < len(doc) and doc[end].lower_ in particles and doc[end].is_lower and doc[end + 1].is_title:
            nxt = starts.get(end + 1)
            if nxt is not None:
                absorbed.add(id(nxt))
                end = nxt.end
            elif end + 1 not in taken and doc[end + 1].pos_ == "PROPN":
                end += 2
            else:
                break
        out.append(span if end == span.end else Span(doc, span.start, end, label=span.label_))
    return out


def _outermost(spans):
    """The recogniser's names without those that begin a longer one of its own ("Abonos" in "Abonos del
    Turia S.A." once the parts were joined); the gazetteer's matches are left to the policy above."""
    ner = [s for s in spans if s.label_ not in CLASSES]
    return [
        s
        for s in spans
        if s.label_ in CLASSES or not any(o is not s and o.start == s.start and s.end < o.end for o in ner)
    ]


def _non_overlapping(spans, claimed: set[int]):
    """The spans in order, a later one dropped where it overlaps one kept (gazetteer spans come first)."""
    kept = []
    for span in spans:
        if any(i in claimed for i in range(span.start, span.end)) or span.start >= span.end:
            continue
        claimed.update(range(span.start, span.end))
        kept.append(span)
    return sorted(kept, key=lambda s: s.start)
