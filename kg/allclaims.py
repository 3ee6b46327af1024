"""The named query ``all-claims`` on the embedded store: its claims from Oxigraph, their labels from dictionaries.

``ontology/queries/all-claims.rq`` joins each claim's nine properties (one
sub-select each, which Oxigraph joins by hashing), then, by ``OPTIONAL``, the
labels of its subject and object and the title, date and source of its
article, then the local names of its predicate and modality. Oxigraph decodes
every column of every row from the store: at a million quads it decodes an
entity's label once for each of the claims the entity is in, and an article's
title and date once for each of its claims, and that decoding and those left
joins are about a third of the query (``bench/README.md``). So
:meth:`kg.store.EmbeddedStore.query` answers that query's text (exactly, with
nothing bound) here instead:

1. one query (one snapshot of the store) of three parts: the nine
   sub-selects alone, as the named query writes them (the same solutions,
   one per combination of a claim's values; a triple held by two graphs
   counts twice, as in the union default graph), every ``rdfs:label`` once,
   and the title, date and source of each article a claim names, once;
2. the labels, titles, dates and sources into dictionaries by entity and by
   article;
3. the local name after the first ``#`` of each distinct predicate and
   modality (``STRAFTER(STR(?x), "#")``: an empty string without one, unbound
   for a blank node);
4. each claim's row once per label of its subject, times each label of its
   object, each title, date and source of its article, and once with the cell
   unbound where there is none (what the ``OPTIONAL`` left joins give);
5. sorted by :func:`kg.order.sort_rows` with the query's ``ORDER BY`` keys, as
   the store sorts the query's own rows.

The rows are the same terms in the same order as the query's (tested on
generated stores with several labels, titles and articles, typed and tagged
literals, claims without labels or sources: ``tests/test_allclaims.py``).
When the sort columns hold terms :mod:`kg.order` leaves to the engine,
:func:`all_claims` answers None and the store runs the query as written. A
remote store always runs the query.
"""

from __future__ import annotations

import gc
from functools import cache

import pyoxigraph as ox

from .namespaces import SPARQL_PREFIXES

__all__ = ["NAME", "VARIABLES", "answers", "all_claims"]

NAME = "all-claims"
# The named query's columns, in its order.
VARIABLES = [
    "claim",
    "subject",
    "subject_label",
    "predicate",
    "predicate_label",
    "object",
    "object_label",
    "modality",
    "confidence",
    "sentence",
    "article",
    "article_title",
    "date",
    "source_url",
    "rule",
]

# One query, so that one snapshot of the store answers all three parts (a read-only store that reopens
# after a compaction, or a writer's commit, comes between two queries, never inside one):
# - the named query's nine sub-selects, its inner joins, as it writes them (?m: the modality's IRI);
# - every label of the store, which the OPTIONALs join on ?subject and ?object (a label held by two
#   graphs comes back twice, as in the query);
# - the title, date and source of every article a claim names, each row holding one of the three.
_PARTS = (
    SPARQL_PREFIXES
    + """SELECT ?claim ?subject ?predicate ?object ?m ?confidence ?sentence ?article ?rule
       ?entity ?label ?a ?title ?date ?source WHERE {
  {
    { SELECT ?claim { ?claim a trade:Claim } }
    { SELECT ?claim ?subject { ?claim rdf:subject ?subject } }
    { SELECT ?claim ?predicate { ?claim rdf:predicate ?predicate } }
    { SELECT ?claim ?object { ?claim rdf:object ?object } }
    { SELECT ?claim ?m { ?claim trade:modality ?m } }
    { SELECT ?claim ?sentence { ?claim trade:sentence ?sentence } }
    { SELECT ?claim ?confidence { ?claim trade:confidence ?confidence } }
    { SELECT ?claim ?rule { ?claim trade:extractor ?rule } }
    { SELECT ?claim ?article { ?claim prov:wasDerivedFrom ?article } }
  }
  UNION { ?entity rdfs:label ?label }
  UNION {
    { SELECT DISTINCT ?a { ?c prov:wasDerivedFrom ?a } }
    { SELECT ?a ?title { ?a dcterms:title ?title } }
    UNION { SELECT ?a ?date { ?a dcterms:date ?date } }
    UNION { SELECT ?a ?source { ?a dcterms:source ?source } }
  }
}"""
)
_NONE = (None,)


@cache
def _named_text() -> str:
    from .query import named_queries

    return named_queries()[NAME].sparql


def answers(sparql: str) -> bool:
    """Whether ``sparql`` is the text of the named query ``all-claims`` (which :func:`all_claims` answers)."""
    return sparql == _named_text()


def _tuples(result) -> list[tuple]:
    # a solution iterates over its values in the order of the query's variables (unbound: None)
    return [tuple(solution) for solution in result]


def _local_name(term):
    """``STRAFTER(STR(term), "#")``: what follows the first ``#`` of an IRI or a literal's text ("" without
    one), None for a blank node or a triple (STR of those is an error, which leaves the BIND unbound)."""
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return ox.Literal(term.value.partition("#")[2])
    return None


def _rows(solutions: list[tuple]) -> list[tuple]:
    """The named query's rows (unsorted) from the solutions of :data:`_PARTS`."""
    claims: list[tuple] = []
    label_of: dict = {}
    title_of: dict = {}
    date_of: dict = {}
    source_of: dict = {}
    for solution in solutions:
        if solution[0] is not None:
            claims.append(solution[:9])
        elif solution[9] is not None:
            label_of.setdefault(solution[9], []).append(solution[10])
        else:
            article = solution[11]
            for column, value in zip((title_of, date_of, source_of), solution[12:]):
                if value is not None:
                    column.setdefault(article, []).append(value)
    local: dict = {}  # predicate or modality IRI -> its local name, once each
    rows: list[tuple] = []
    add = rows.append
    for claim, subject, predicate, obj, modality_iri, confidence, sentence, article, rule in claims:
        if predicate not in local:
            local[predicate] = _local_name(predicate)
        if modality_iri not in local:
            local[modality_iri] = _local_name(modality_iri)
        predicate_label, modality = local[predicate], local[modality_iri]
        titles = title_of.get(article, _NONE)
        dates = date_of.get(article, _NONE)
        sources = source_of.get(article, _NONE)
        for subject_label in label_of.get(subject, _NONE):
            for object_label in label_of.get(obj, _NONE):
                for title in titles:
                    for date in dates:
                        for source in sources:
                            add(
                                (
                                    claim,
                                    subject,
                                    subject_label,
                                    predicate,
                                    predicate_label,
                                    obj,
                                    object_label,
                                    modality,
                                    confidence,
                                    sentence,
                                    article,
                                    title,
                                    date,
                                    source,
                                    rule,
                                )
                            )
    return rows


def all_claims(store, name: str = NAME):
    """The rows of the named query ``all-claims`` on an :class:`~kg.store.EmbeddedStore`, in its order.

    Returns
    -------
    Results or None
        The query's variables and rows, the same terms in the same order as the query's own; None when
        its sort columns (article, claim) hold terms :mod:`kg.order` leaves to the engine (the caller
        then runs the query as written).
    """
    from .order import sort_rows
    from .sparql import final_order
    from .store import Results

    split = final_order(_named_text())
    assert split is not None  # the named query ends with ORDER BY ?article ?claim
    collecting = gc.isenabled()
    gc.disable()  # the cyclic collector would walk the rows again and again as they are made (a tenth of the time)
    try:
        rows = _rows(store.run(_PARTS, _tuples, name))
        return sort_rows(Results(list(VARIABLES), rows), split[1])
    finally:
        if collecting:
            gc.enable()
