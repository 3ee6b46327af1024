"""Generate ``kg/terms.py`` from ``ontology/trade.ttl``: the ontology is the one source of the vocabulary.

As rdflib's ``DefinedNamespace`` files are generated from their ontologies,
``make vocab`` (``python -m kg.termgen``) writes the classes, relations,
domains, ranges, symmetric, inverse and sub-properties and the modalities
that the ontology declares into a plain module, so that reading them costs
nothing at import time and needs no RDF library. ``tests/test_vocab.py``
checks that the module is what the ontology gives now.

Adding a relation is an edit of ``trade.ttl`` (with its domain and range),
``make vocab``, rules and tests: no code.
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["read_terms", "terms_source", "main"]

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_OWL = "http://www.w3.org/2002/07/owl#"
_DESCRIBES = ("Claim", "Article")  # properties of these classes describe claims and articles: no relations


def read_terms(path: str | Path) -> dict:
    """The vocabulary an ontology file declares, as plain Python values.

    Raises SetupError naming the file and the relation that has no domain or range.
    """
    import pyoxigraph as ox

    from .errors import Errors, SetupError

    triples = [(q.subject, q.predicate.value, q.object) for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
    namespace = next(str(s.value) + "#" for s, p, o in triples if p == _RDF + "type" and o.value == _OWL + "Ontology")

    def local(term) -> str | None:
        return (
            term.value[len(namespace) :]
            if isinstance(term, ox.NamedNode) and term.value.startswith(namespace)
            else None
        )

    def objects(subject, predicate) -> list:
        return [o for s, p, o in triples if s == subject and p == predicate]

    def members(node) -> list:  # an rdf:List
        out = []
        while isinstance(node, ox.BlankNode):
            out += objects(node, _RDF + "first")
            node = objects(node, _RDF + "rest")[0]
        return out

    def typed(kind: str) -> list[str]:
        return [n for s, p, o in triples if p == _RDF + "type" and o.value == kind and (n := local(s))]

    terms = list(dict.fromkeys(n for s, _, _ in triples if (n := local(s))))
    agents = [n for s, p, o in triples if p == _RDFS + "subClassOf" and local(o) == "Agent" and (n := local(s))]

    def classes(node) -> frozenset[str]:
        union = objects(node, _OWL + "unionOf")
        names = {local(m) for m in members(union[0])} if union else {local(node)}
        if "Agent" in names:
            names = (names - {"Agent"}) | set(agents)
        return frozenset(n for n in names if n)

    domain: dict[str, frozenset[str]] = {}
    range_: dict[str, frozenset[str]] = {}
    relations = []
    for name in typed(_OWL + "ObjectProperty"):
        node = ox.NamedNode(namespace + name)
        found = {axiom: objects(node, _RDFS + axiom) for axiom in ("domain", "range")}
        if any(local(d) in _DESCRIBES for d in found["domain"]):
            continue
        for axiom, values in found.items():
            if len(values) != 1:
                raise SetupError(Errors.E704.format(path=path, property=name, axiom=f"rdfs:{axiom}"))
        relations.append(name)
        domain[name], range_[name] = classes(found["domain"][0]), classes(found["range"][0])
    used = set(agents).union(*domain.values(), *range_.values())
    modality = ox.NamedNode(namespace + "Modality")
    return {
        "NAMESPACE": namespace,
        "TERMS": tuple(terms),
        "CLASSES": tuple(n for n in typed(_OWL + "Class") if n in used),
        "AGENT_CLASSES": tuple(agents),
        "RELATIONS": tuple(relations),
        "DOMAIN": domain,
        "RANGE": range_,
        "SYMMETRIC": frozenset(n for n in typed(_OWL + "SymmetricProperty") if n in relations),
        "ASYMMETRIC": frozenset(n for n in typed(_OWL + "AsymmetricProperty") if n in relations),
        "SUBPROPERTY_OF": {n: local(o) for s, p, o in triples if p == _RDFS + "subPropertyOf" and (n := local(s))},
        "INVERSE": {n: local(o) for s, p, o in triples if p == _OWL + "inverseOf" and (n := local(s))},
        "MODALITIES": tuple(local(m) for o in objects(modality, _OWL + "oneOf") for m in members(o)),
    }


_COMMENTS = {
    "NAMESPACE": "the ontology's namespace",
    "TERMS": "every term the ontology declares, in its order",
    "CLASSES": "the classes of entities: the subclasses of trade:Agent and what the relations' domains and ranges name",
    "AGENT_CLASSES": "the subclasses of trade:Agent",
    "RELATIONS": "the relations between entities (object properties that describe no claim or article)",
    "DOMAIN": "the classes each relation's subject may have (unions and trade:Agent expanded)",
    "RANGE": "the classes each relation's object may have",
    "SYMMETRIC": "owl:SymmetricProperty",
    "ASYMMETRIC": "owl:AsymmetricProperty (never both ways between two entities)",
    "SUBPROPERTY_OF": "rdfs:subPropertyOf",
    "INVERSE": "owl:inverseOf",
    "MODALITIES": "the members of trade:Modality (owl:oneOf), in order",
}


def _literal(value, indent: str = "") -> str:
    inner = indent + "    "
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, tuple):
        return "(\n" + "".join(f"{inner}{_literal(v)},\n" for v in value) + indent + ")"
    if isinstance(value, frozenset):
        if not value:
            return "frozenset()"
        return "frozenset({" + ", ".join(_literal(v) for v in sorted(value)) + "})"
    if isinstance(value, dict):
        return (
            "{\n" + "".join(f"{inner}{_literal(k)}: {_literal(v, inner)},\n" for k, v in value.items()) + indent + "}"
        )
    raise TypeError(value)


def terms_source(path: str | Path) -> str:
    """The text of ``kg/terms.py`` for an ontology file."""
    terms = read_terms(path)
    lines = [
        '"""The terms of ``ontology/trade.ttl``, generated from it by ``make vocab`` (``python -m kg.termgen``).',
        "",
        "Do not edit: edit the ontology. ``tests/test_vocab.py`` checks that this file is what it gives now.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "__all__ = [",
        *(f'    "{name}",' for name in terms),
        "]",
        "",
    ]
    for name, value in terms.items():
        lines += [f"# {_COMMENTS[name]}", f"{name} = {_literal(value)}"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write ``kg/terms.py`` from the ontology folder's ``trade.ttl``."""
    from .paths import ontology_dir

    target = Path(__file__).resolve().parent / "terms.py"
    target.write_text(terms_source(ontology_dir() / "trade.ttl"), encoding="utf-8")
    print(f"kg: wrote {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
