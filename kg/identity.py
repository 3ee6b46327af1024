"""Article identity across ingests: an id made from a file's path is never silently reused.

An article's id is its own where it has one (a JSON Lines ``id``, a page's
canonical URL); otherwise it is the file's path relative to the folder ingested
(:func:`kg.articles.article_id`). Two folders ingested on two days may then
give two different files the same id (``day1/news.txt`` and ``day2/news.txt``,
each ingested from its own folder, are both ``news``). The store remembers
the file each path-derived article came from (in a graph of kg's own, never
exported), and an ingest refuses a different file with different content
under an id the store holds, naming both, instead of replacing the first. The
same file changed replaces its article; the same content from another place
(a moved corpus) is the same article.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from .errors import MSG, InputError
from .namespaces import INTERNAL, ORIGINS_GRAPH, PREFIXES
from .records import Article

__all__ = ["origins", "clash", "origin_quads", "record", "forget", "path_derived"]

_ORIGIN = INTERNAL + "origin"
_ORIGINS = f"""SELECT ?id ?origin WHERE {{ GRAPH <{ORIGINS_GRAPH}> {{ ?a <{_ORIGIN}> ?origin }}
  ?a <{PREFIXES["dcterms"]}identifier> ?id }}"""


def path_derived(article: Article) -> bool:
    """Whether the article's id was made from its file's path (no id or canonical URL of its own)."""
    return article.line is None and article.url is None


def _origin(article: Article) -> str:
    return str(Path(article.path).resolve())


def origins(store) -> dict[str, str]:
    """The file each path-derived article of the store came from, by article id."""
    return {row[0].value: row[1].value for row in store.query(_ORIGINS).rows}


def clash(article: Article, known: dict[str, tuple[str, str]], held: dict[str, str]) -> InputError | None:
    """The refusal of an article whose id the store holds for another file with other content, or None.

    ``known``: content hash and extractor version by article id; ``held``: :func:`origins`.
    """
    if not path_derived(article) or article.id not in held or held[article.id] == _origin(article):
        return None
    if known.get(article.id, ("",))[0] == article.content_hash:
        return None  # the same text from another place: the same article
    return InputError(article.path, MSG["id_taken"].format(id=article.id, other=held[article.id]))


def origin_quads(article: Article, held: dict[str, str]) -> list:
    """The quad remembering where a path-derived article new to the store came from, to be written in the
    article's own transaction (none for an article with its own id, or one the store knows)."""
    from .iri import article_iri

    if not path_derived(article) or article.id in held:
        return []
    return [
        ox.Quad(
            ox.NamedNode(str(article_iri(article.id))),
            ox.NamedNode(_ORIGIN),
            ox.Literal(_origin(article)),
            ox.NamedNode(ORIGINS_GRAPH),
        )
    ]


def record(store, article: Article, held: dict[str, str]) -> None:
    """Remember the new place of a path-derived article the store knew from another (a moved corpus)."""
    from .iri import article_iri

    if not path_derived(article) or article.id not in held or held[article.id] == _origin(article):
        return
    node = f"<{article_iri(article.id)}>"
    store.update(
        f"DELETE WHERE {{ GRAPH <{ORIGINS_GRAPH}> {{ {node} <{_ORIGIN}> ?o }} }} ;\n"
        f"INSERT DATA {{ GRAPH <{ORIGINS_GRAPH}> {{ {node} <{_ORIGIN}> {ox.Literal(_origin(article))} }} }}"
    )


def forget(store, nodes: list[str]) -> None:
    """Drop what the store remembers of these articles (IRIs)."""
    if nodes:
        values = " ".join(f"<{n}>" for n in nodes)
        store.update(
            f"DELETE {{ GRAPH <{ORIGINS_GRAPH}> {{ ?a ?p ?o }} }} WHERE {{ VALUES ?a {{ {values} }} "
            f"GRAPH <{ORIGINS_GRAPH}> {{ ?a ?p ?o }} }}"
        )
