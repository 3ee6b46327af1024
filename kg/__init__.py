"""kg: a trade-cooperation knowledge graph.

News articles in; claims with their sentence, article, date and modality out,
stored as RDF, queried with SPARQL, walked with networkx and drawn as HTML.

    >>> import kg
    >>> sorted(kg.__all__)[:3]
    ['Extractor', 'build', 'entity_graph']

Nothing heavy is imported with the package: each function loads what it needs
(the spaCy model, pyvis) when first called. A name of ``__all__`` is always
that function or class, never a module of the same name:

    >>> callable(kg.export) and callable(kg.stats) and callable(kg.evaluate)
    True
    >>> set(kg.__all__) <= set(dir(kg))
    True
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = [
    "read_articles",
    "Extractor",
    "extract_article",
    "resolve_entities",
    "open_store",
    "ingest",
    "build",
    "export",
    "run_query",
    "run_named",
    "entity_graph",
    "neighbors",
    "shortest_path",
    "network_html",
    "stats",
    "evaluate",
    "show",
    "read_claims",
]

_HOMES = {
    "read_articles": "articles",
    "Extractor": "pipeline",
    "extract_article": "pipeline",
    "ingest": "pipeline",
    "build": "pipeline",
    "resolve_entities": "resolve",
    "open_store": "store",
    "export": "exports",
    "run_query": "query",
    "run_named": "query",
    "entity_graph": "network",
    "neighbors": "network",
    "shortest_path": "network",
    "network_html": "viz",
    "stats": "counts",
    "evaluate": "evaluation",
    "show": "notebook",
    "read_claims": "claimset",
}


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def __getattr__(name: str):
    if name in _HOMES:
        import importlib

        return getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
