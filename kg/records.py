"""The records passed between stages: small frozen dataclasses.

    Article  -> (nlp, extract) -> Mention, Claim -> (resolve) -> Entity

Provenance fields are required: a claim cannot be made without the article,
sentence, offsets and rule it came from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from .errors import Errors
from .terms import MODALITIES

__all__ = ["Article", "Mention", "Entity", "Candidate", "Claim", "MODALITIES"]


@dataclass(frozen=True)
class Article:
    """One news article.

    ``content`` (the title, a blank line, the text) is what is parsed; claim
    offsets count characters in it.

    >>> a = Article(id="a1", title="T", date=None, text="Body.", path="a1.txt")
    >>> a.content
    'T\\n\\nBody.'
    >>> len(a.content_hash)
    64
    """

    id: str
    title: str
    date: dt.date | None
    text: str
    path: str
    line: int | None = None
    source: str | None = None  # the publisher ("belta.by")
    url: str | None = None

    @property
    def content(self) -> str:
        return f"{self.title}\n\n{self.text}"

    @property
    def content_hash(self) -> str:
        """SHA-256 over everything that ends up in the graph."""
        parts = (self.id, self.title, str(self.date or ""), self.text, self.source or "", self.url or "")
        # surrogatepass: an Article made by hand with a lone surrogate still hashes (the readers remove them)
        return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Mention:
    """A span of an article's content that names (or stands for) an entity.

    ``key`` is the gazetteer id when the gazetteer knows the entity; otherwise
    resolution derives one from ``name`` and ``cls``. ``via`` says how the
    mention was found: "gazetteer", "ner", "descriptor", "alias" (a short
    form of a name the article gives in full), "coref", "phrase", "speaker" or
    "group".
    """

    name: str
    cls: str
    start: int
    end: int
    key: str | None = None
    via: str = "ner"
    text: str = ""  # the surface text, when it differs from name ("we", "the company")

    @property
    def surface(self) -> str:
        return self.text or self.name


@dataclass(frozen=True)
class Entity:
    """A canonical real-world entity: one node of the graph."""

    key: str
    cls: str
    label: str
    alt_labels: tuple[str, ...] = ()
    wikidata: str | None = None


@dataclass(frozen=True)
class Candidate:
    """A relation a rule proposes in one sentence, before it is scored.

    ``features`` is what the pipeline knows about it (rule, trigger, the roles
    and routes of both ends, the path between them, modality cues ...): the
    confidence model (:mod:`kg.confidence`) turns them into a probability.
    """

    subject: Mention
    predicate: str
    object: Mention
    modality: str
    article_id: str
    sentence: str
    sentence_start: int
    sentence_end: int
    rule_id: str
    features: tuple[str, ...]
    speaker: Mention | None = None
    cues: tuple[str, ...] = field(default=())

    def __post_init__(self):
        if self.modality not in MODALITIES:
            raise ValueError(Errors.E903.format(modality=self.modality, rule=self.rule_id))

    def claim(self, confidence: float) -> Claim:
        """The claim this candidate states, with its confidence."""
        return Claim(
            subject=self.subject,
            predicate=self.predicate,
            object=self.object,
            modality=self.modality,
            article_id=self.article_id,
            sentence=self.sentence,
            sentence_start=self.sentence_start,
            sentence_end=self.sentence_end,
            rule_id=self.rule_id,
            confidence=confidence,
            speaker=self.speaker,
            cues=self.cues,
        )


@dataclass(frozen=True)
class Claim:
    """One relation stated (or denied, planned, ended) in one sentence."""

    subject: Mention
    predicate: str
    object: Mention
    modality: str
    article_id: str
    sentence: str
    sentence_start: int
    sentence_end: int
    rule_id: str
    confidence: float
    speaker: Mention | None = None
    cues: tuple[str, ...] = field(default=())  # the words that set the modality

    def __post_init__(self):
        if self.modality not in MODALITIES:
            raise ValueError(Errors.E903.format(modality=self.modality, rule=self.rule_id))
        if not 0.0 < self.confidence <= 1.0:
            raise ValueError(Errors.E904.format(confidence=self.confidence, rule=self.rule_id))
