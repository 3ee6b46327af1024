"""GraphML and GEXF of the entity network, written for Gephi (and networkx, igraph, yEd).

One node per entity, its id the entity's IRI (the id of every other export, so they join), with
its label, class, aliases and Wikidata item. One edge per relation, that is per (subject,
predicate, object, modality) (see :mod:`kg.claimset`): a unique, stable id (Gephi's importer
drops an edge whose id it has seen), the predicate as label and as an attribute, the number of
claims as weight, the modality, the number of articles and the first and last claim dates; in
GEXF a spell from the first to the last date, so that Gephi's timeline shows when a relation was
reported. Both files are byte-stable: no date of writing, everything sorted.

GEXF is version 1.2 in the ``http://www.gexf.net/1.2draft`` namespace (what Gephi and networkx
read); the elements are those of the 1.2 schema, in its order.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .claimset import ClaimSet, Relation, relations

__all__ = ["graphml", "gexf", "GEXF_NS", "GRAPHML_NS"]

GEXF_NS = "http://www.gexf.net/1.2draft"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_TRADE = "https://w3id.org/kg-trade/ontology#"

# (name, GraphML type, GEXF type) of the node and edge attributes, in file order
_NODE_ATTRS = (("class", "string", "string"), ("aliases", "string", "string"), ("wikidata", "string", "string"))
_EDGE_ATTRS = (
    ("predicate", "string", "string"),
    ("modality", "string", "string"),
    ("claims", "int", "integer"),
    ("articles", "int", "integer"),
    ("first_date", "string", "string"),
    ("last_date", "string", "string"),
)


def _node_values(claimset: ClaimSet, iri: str) -> dict[str, str]:
    entity = claimset.entities[iri]
    return {"class": entity.cls, "aliases": " | ".join(entity.aliases), "wikidata": entity.wikidata or ""}


def _edge_values(claimset: ClaimSet, relation: Relation) -> dict[str, str]:
    dates = sorted(
        d
        for d in (
            claimset.articles[c.article].date if c.article in claimset.articles else None for c in relation.claims
        )
        if d
    )
    return {
        "predicate": _TRADE + relation.predicate,
        "modality": relation.modality,
        "claims": str(len(relation.claims)),
        "articles": str(len({c.article for c in relation.claims})),
        "first_date": dates[0] if dates else "",
        "last_date": dates[-1] if dates else "",
    }


def _bytes(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def graphml(claimset: ClaimSet) -> bytes:
    """The network as GraphML (``label`` and ``weight`` are the names Gephi's importer reads)."""
    ET.register_namespace("", GRAPHML_NS)
    q = lambda tag: f"{{{GRAPHML_NS}}}{tag}"  # noqa: E731
    root = ET.Element(q("graphml"))
    keys = [("node", "label", "string")] + [("node", n, t) for n, t, _ in _NODE_ATTRS]
    keys += [("edge", "label", "string"), ("edge", "weight", "double")] + [("edge", n, t) for n, t, _ in _EDGE_ATTRS]
    ids = {}
    for number, (owner, name, type_) in enumerate(keys):
        ids[owner, name] = f"d{number}"
        ET.SubElement(root, q("key"), {"id": f"d{number}", "for": owner, "attr.name": name, "attr.type": type_})
    graph = ET.SubElement(root, q("graph"), {"id": "kg", "edgedefault": "directed"})

    def data(element, owner, values):
        for name, value in values.items():
            if value != "":
                ET.SubElement(element, q("data"), {"key": ids[owner, name]}).text = value

    for iri, entity in claimset.entities.items():
        data(
            ET.SubElement(graph, q("node"), {"id": iri}), "node", {"label": entity.label, **_node_values(claimset, iri)}
        )
    for relation in relations(claimset):
        edge = ET.SubElement(
            graph, q("edge"), {"id": relation.id, "source": relation.subject, "target": relation.object}
        )
        data(
            edge,
            "edge",
            {"label": relation.predicate, "weight": f"{len(relation.claims)}.0", **_edge_values(claimset, relation)},
        )
    return _bytes(root)


def gexf(claimset: ClaimSet) -> bytes:
    """The network as GEXF 1.2: static attributes, a spell per dated relation (``timeformat="date"``)."""
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("xsi", _XSI)
    q = lambda tag: f"{{{GEXF_NS}}}{tag}"  # noqa: E731
    root = ET.Element(q("gexf"), {"version": "1.2", f"{{{_XSI}}}schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd"})
    meta = ET.SubElement(root, q("meta"))
    ET.SubElement(meta, q("creator")).text = "kg"
    ET.SubElement(
        meta, q("description")
    ).text = "Trade-cooperation claims: one edge per subject, predicate, object and modality; weight = number of claims"
    graph = ET.SubElement(root, q("graph"), {"defaultedgetype": "directed", "mode": "dynamic", "timeformat": "date"})
    for owner, attrs in (("node", _NODE_ATTRS), ("edge", _EDGE_ATTRS)):
        declared = ET.SubElement(graph, q("attributes"), {"class": owner, "mode": "static"})
        for name, _, type_ in attrs:
            ET.SubElement(declared, q("attribute"), {"id": name, "title": name, "type": type_})

    def attvalues(element, values):
        holder = ET.SubElement(element, q("attvalues"))
        for name, value in values.items():
            if value != "":
                ET.SubElement(holder, q("attvalue"), {"for": name, "value": value})

    nodes = ET.SubElement(graph, q("nodes"))
    for iri, entity in claimset.entities.items():
        attvalues(ET.SubElement(nodes, q("node"), {"id": iri, "label": entity.label}), _node_values(claimset, iri))
    edges = ET.SubElement(graph, q("edges"))
    for relation in relations(claimset):
        edge = ET.SubElement(
            edges,
            q("edge"),
            {
                "id": relation.id,
                "source": relation.subject,
                "target": relation.object,
                "label": relation.predicate,
                "weight": f"{len(relation.claims)}.0",
            },
        )
        values = _edge_values(claimset, relation)
        attvalues(edge, values)
        if values["first_date"]:
            spells = ET.SubElement(edge, q("spells"))
            ET.SubElement(spells, q("spell"), {"start": values["first_date"], "end": values["last_date"]})
    return _bytes(root)
