"""The interactive HTML page: every claim drawn, the claims behind every edge, one offline file.

The page is this module's template around vis-network 9.1.2 (the copy pyvis bundles) and one JSON
block. The node and edge data are built here directly, in one pass over the claims (pyvis'
``add_node``/``add_edge`` check membership in a list, quadratic at thousands of entities):

- nodes: one per entity, coloured and shaped by class from :data:`CLASS_STYLE` (the legend is
  drawn from the same table; no vis ``group``, whose styles would override the colour), sized by
  degree, placed by :func:`kg.layout.spring_positions` with a fixed seed; physics is off, so the
  same graph gives the same picture and the page is ready once drawn;
- edges: one per relation (subject, predicate, object, modality): asserted solid, planned dashed,
  negated and past muted, width by the number of articles, parallel edges curved apart;
- claims and articles in tables the side panel reads when an edge or node is clicked; the panel,
  the search messages and the filters are built with DOM text methods, never ``innerHTML``.

Everything is inlined (no ``http(s)://`` script or stylesheet), the JSON block has ``<``, ``>``
and ``&`` escaped, tooltips are plain strings (vis-network shows them as text), and a link is
made only from an ``http(s)`` URL.
"""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources
from pathlib import Path

import networkx as nx

from .claimset import ArticleRow, ClaimRow, ClaimSet, EntityRow, Relation, read_claims, relations

__all__ = ["network_html", "page_html", "write_html", "CLASS_STYLE", "CLASS_COLORS", "MODALITY_STYLE", "claimset_of"]

# class -> (colour, vis-network shape); the legend and the nodes are drawn from this one table
CLASS_STYLE = {
    "Country": ("#e45756", "diamond"),
    "Region": ("#f58518", "triangle"),
    "Company": ("#4c78a8", "dot"),
    "Organization": ("#72b7b2", "square"),
    "Person": ("#54a24b", "star"),
    "Product": ("#b279a2", "hexagon"),
    "Sector": ("#9d755d", "triangleDown"),
    "Entity": ("#bab0ac", "dot"),
}
CLASS_COLORS = {cls: colour for cls, (colour, _) in CLASS_STYLE.items()}
# modality -> (colour, dashes): asserted solid, planned dashed, negated (pink) and past (grey) muted; only planned
# edges are dashed: a dashed line costs several times a solid one to draw in a software-rendered canvas
MODALITY_STYLE = {
    "asserted": ("#5f6b7a", False),
    "planned": ("#5f6b7a", [8, 6]),
    "negated": ("#e3b4b4", False),
    "past": ("#c9c9c9", False),
}
_SMALL = 400  # relations: up to this, edge labels and hover tooltips; above, arrows off too (drawing speed)
WHOLE = 20000  # entities: up to this the page draws them all; above, it starts from the START most connected
START = 5000


def _asset(name: str) -> str:
    return resources.files("pyvis").joinpath("templates", "lib", "vis-9.1.2", name).read_text(encoding="utf-8")


def _script_safe(text: str) -> str:
    """Text that cannot close or open a tag inside a <script> or <style> element."""
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def claimset_of(graph: nx.MultiDiGraph) -> ClaimSet:
    """A :class:`~kg.claimset.ClaimSet` from an entity network (:func:`kg.network.entity_graph`'s layout).

    Each claim dict may carry ``modality`` (default asserted), ``title`` and ``url`` of its article.
    """
    entities = {
        n: EntityRow(n, d["label"], d.get("cls", "Entity"), tuple(d.get("aliases", ())), d.get("wikidata"))
        for n, d in sorted(graph.nodes(data=True))
    }
    articles: dict[str, ArticleRow] = {}
    claims: list[ClaimRow] = []
    for s, o, key, data in graph.edges(keys=True, data=True):
        for c in data["claims"]:
            article = c["article"]
            articles.setdefault(
                article, ArticleRow(article, article, c.get("title", article), c.get("date"), c.get("url"), None)
            )
            claims.append(
                ClaimRow(
                    c["claim"],
                    s,
                    data.get("predicate", key),
                    o,
                    c.get("modality", "asserted"),
                    float(c["confidence"]),
                    c["sentence"],
                    article,
                    c.get("rule", ""),
                )
            )
    return ClaimSet(entities, dict(sorted(articles.items())), tuple(sorted(claims, key=lambda c: c.iri)))


def _focus(claimset: ClaimSet, rels: list[Relation], focus: str | None, hops: int) -> tuple[ClaimSet, list, str]:
    from .network import find_node

    graph = nx.Graph()
    for iri, entity in claimset.entities.items():
        graph.add_node(iri, label=entity.label, aliases=list(entity.aliases))
    graph.add_edges_from((r.subject, r.object) for r in rels)
    assert focus is not None
    node = find_node(graph, focus)
    keep = set(nx.ego_graph(graph, node, radius=max(hops, 0)))
    entities = {iri: e for iri, e in claimset.entities.items() if iri in keep}
    return (
        ClaimSet(entities, claimset.articles, claimset.claims),
        [r for r in rels if r.subject in keep and r.object in keep],
        node,
    )


def _payload(claimset: ClaimSet, rels: list[Relation], focus: str | None, whole: int, start: int) -> dict:
    from .layout import spring_positions

    small = len(rels) <= _SMALL
    index = {iri: n for n, iri in enumerate(claimset.entities)}
    degree: Counter[str] = Counter()
    for r in rels:
        degree[r.subject] += 1
        degree[r.object] += 1
    positions = spring_positions(len(index), [(index[r.subject], index[r.object]) for r in rels])
    nodes, entities = [], []
    for (iri, entity), (x, y) in zip(claimset.entities.items(), positions):
        node: dict[str, object] = {
            "id": iri,
            "label": entity.label[:40],
            "x": x,
            "y": y,
            "size": round(8 + 4 * degree[iri] ** 0.5, 1),
            "group": entity.cls if entity.cls in CLASS_STYLE else "Entity",
        }  # colour and shape: the group's
        if small:
            node["title"] = f"{entity.label} ({entity.cls})"
        nodes.append(node)
        entities.append([entity.label, entity.cls, list(entity.aliases), entity.wikidata])
    article_index = {iri: n for n, iri in enumerate(claimset.articles)}
    articles = [[a.id, a.title, a.date, a.url, a.publisher] for a in claimset.articles.values()]
    claims: list[list] = []
    edges: list[dict] = []
    table: list = []
    parallel: Counter[tuple] = Counter()
    for r in rels:
        pair = tuple(sorted((r.subject, r.object)))
        rank = parallel[pair]
        parallel[pair] += 1
        ordered = sorted(r.claims, key=lambda c: (-c.confidence, c.article, c.iri))
        numbers = []
        for c in ordered:
            numbers.append(len(claims))
            claims.append([c.sentence, article_index.get(c.article, -1), c.confidence, c.rule])
        n_articles = len({c.article for c in r.claims})
        colour, dashes = MODALITY_STYLE.get(r.modality, MODALITY_STYLE["past"])
        edge: dict[str, object] = {"id": r.id, "from": r.subject, "to": r.object, "color": colour}
        if dashes:
            edge["dashes"] = dashes
        if n_articles > 1:
            edge["width"] = 1 + min(n_articles - 1, 6)
        if small:
            edge["title"] = (
                f"{claimset.entities[r.subject].label} {r.predicate} {claimset.entities[r.object].label}"
                f" ({r.modality}; {len(r.claims)} claim(s) in {n_articles} article(s))"
            )
            edge["label"] = r.predicate
        if rank:
            edge["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if rank % 2 else "curvedCCW",
                "roundness": round(0.25 * ((rank + 1) // 2), 2),
            }
        edges.append(edge)
        table.append([r.predicate, r.modality, numbers])
    first = None  # every node drawn at once; else the indices of the most connected, drawn first
    if len(nodes) > whole:
        first = sorted(sorted(range(len(nodes)), key=lambda n: (-degree[str(nodes[n]["id"])], n))[:start])
    return {
        "nodes": nodes,
        "edges": edges,
        "entities": entities,
        "relations": table,
        "claims": claims,
        "first": first,
        "articles": articles,
        "groups": {c: {"color": colour, "shape": shape} for c, (colour, shape) in CLASS_STYLE.items()},
        "small": small,
        "modalities": {m: [c, d] for m, (c, d) in MODALITY_STYLE.items()},
        "focus": focus,
    }


def page_html(
    claimset: ClaimSet,
    *,
    focus: str | None = None,
    hops: int = 2,
    title: str = "kg: trade-cooperation graph",
    whole: int = WHOLE,
    start: int = START,
) -> str:
    """The HTML page of a claim set (see :func:`kg.claimset.read_claims`), whole or around ``focus``.

    Above ``whole`` entities the page first draws the ``start`` most connected ones; clicking an
    entity, or finding it with the search, draws its neighbours.
    """
    from .viz_page import render

    rels = relations(claimset)
    node = None
    if focus is not None:
        claimset, rels, node = _focus(claimset, rels, focus, hops)
    data = _payload(claimset, rels, node, whole, start)
    return render(
        title=title,
        data=_script_safe(json.dumps(data, ensure_ascii=False, separators=(",", ":"))),
        vis_css=_asset("vis-network.css"),
        vis_js=_asset("vis-network.min.js"),
        classes=[c for c in CLASS_STYLE if any(e.cls == c for e in claimset.entities.values())],
        predicates=sorted({r.predicate for r in rels}),
    )


def network_html(graph, *, focus: str | None = None, hops: int = 2, title: str = "kg: trade-cooperation graph") -> str:
    """The interactive HTML page of an entity network or a claim set: offline, escaped, usable at thousands of nodes.

    Parameters
    ----------
    graph : networkx.MultiDiGraph or ClaimSet
        The entity network (:func:`kg.network.entity_graph`) or a claim set (:func:`kg.claimset.read_claims`).
    focus : str, optional
        Draw only this entity's neighbourhood (a label, alias or IRI), and focus it.
    hops : int, default 2
        The neighbourhood's radius with ``focus``.
    title : str
        The page's title (escaped).

    Returns
    -------
    str
        The page: vis-network, the data and every style inlined, nothing fetched.

    Raises
    ------
    NodeNotFound
        When ``focus`` names no entity.

    Examples
    --------
    >>> import networkx as nx
    >>> graph = nx.MultiDiGraph()
    >>> graph.add_node("urn:a", label="<b>MAZ</b>", cls="Company", aliases=[], wikidata=None)
    >>> page = network_html(graph)
    >>> page.startswith("<!DOCTYPE html>"), "<b>MAZ</b>" in page, "https://" in page.split("<body>")[0]
    (True, False, False)
    """
    claimset = graph if isinstance(graph, ClaimSet) else claimset_of(graph)
    return page_html(claimset, focus=focus, hops=hops, title=title)


def write_html(store, path: str | Path, *, focus: str | None = None, hops: int = 2) -> None:
    """Write the page for every claim of the store (or one entity's neighbourhood), atomically."""
    from .outputs import write_atomic

    page = page_html(read_claims(store), focus=focus, hops=hops)
    write_atomic(path, page.encode("utf-8"))
