"""A generated trade graph shaped like kg's output, for scaling tests and benchmarks.

Seeded, so the same arguments give the same graph: an entities graph (types,
labels, some ``skos:altLabel`` and ``owl:sameAs`` to Wikidata) and one named
graph per article (its description, reified claims with ``rdf:subject``,
``rdf:predicate``, ``rdf:object``, modality, sentence, offsets, a decimal
confidence, rule id, cues, speaker, date, and the plain triples of asserted
claims closed under the ontology's symmetric, inverse and sub-properties). A
few entities occur in many articles, most in few. No real text: this is for
measuring, never for judging extraction.

    >>> quads = generate(2000, seed=1)
    >>> len(quads) >= 2000 and generate(2000, seed=1) == quads
    True
"""

from __future__ import annotations

import random

import pyoxigraph as ox

from .namespaces import CLASSES, ENTITIES_GRAPH, INVERSE, MODALITIES, PREFIXES, RELATIONS, SUBPROPERTY_OF, SYMMETRIC

__all__ = ["generate", "to_oxigraph"]


RDF = PREFIXES["rdf"]
RDFS = PREFIXES["rdfs"]
XSD = PREFIXES["xsd"]
TRADE = PREFIXES["trade"]
DCT = PREFIXES["dcterms"]
ENT, ART, CLAIM, GRAPH, WD = (PREFIXES[p] for p in ("ent", "art", "claim", "g", "wd"))
SKOS_ALT = PREFIXES["skos"] + "altLabel"
OWL_SAME = PREFIXES["owl"] + "sameAs"
PROV_DERIVED = PREFIXES["prov"] + "wasDerivedFrom"

_WORDS = (
    "Belarus Russia plant tractor supply agreement joint venture signed deliver components export "
    "import market company minister said will plans not cooperation project assembly equipment "
    "bank loan region trade partner trucks harvesters buses elevators potash oil gas the a of and "
    "in to with for on by from this year next increased output"
).split()
_NAMES = (
    "Minsk Gomel Kama Ural Volga Baltic Amur Neva Orsha Brest Vitebsk Mogilev Grodno Kazan Ufa "
    "Samara Tver Omsk Tula Perm Lida Pinsk Borisov Zhodino"
).split()
_KINDS = ("Works", "Plant", "Holding", "Group", "Motors", "Machinery", "Trade", "Bank", "Ministry", "Oblast")
_CUES = ("plans", "will", "not", "intends", "no longer", "agreed", "is expected to", "used to")
_MODALITY_WEIGHTS = (70, 8, 17, 5)  # asserted, negated, planned, past


# ---------------------------------------------------------------- the synthetic graph


def generate(triples: int, seed: int) -> list[tuple]:
    """About ``triples`` quads (s, p, o, g). IRIs are str; literals are (lexical, datatype IRI or None)."""
    rng = random.Random(seed)
    quads: list[tuple] = []
    add = quads.append
    ents = ENTITIES_GRAPH

    entities = []
    for i in range(max(50, triples // 60)):
        name = f"{rng.choice(_NAMES)} {rng.choice(_NAMES)} {rng.choice(_KINDS)} {i}"
        node = ENT + name.lower().replace(" ", "-")
        entities.append(node)
        add((node, RDF + "type", TRADE + rng.choice(CLASSES), ents))
        add((node, RDFS + "label", (name, None), ents))
        if rng.random() < 0.3:
            add((node, SKOS_ALT, (name.upper(), None), ents))
        if rng.random() < 0.4:
            add((node, OWL_SAME, WD + f"Q{rng.randrange(1, 10**8)}", ents))

    def entity():  # a few entities are in many articles, most in few
        return entities[
            min(int(rng.paretovariate(0.6)) - 1, len(entities) - 1)
            if rng.random() < 0.5
            else rng.randrange(len(entities))
        ]

    def sentence(words: int) -> str:
        text = " ".join(rng.choice(_WORDS) for _ in range(words))
        return text[0].upper() + text[1:] + "."

    number = 0
    while len(quads) < triples:
        number += 1
        art_id = f"a{number:06d}"
        art = ART + art_id
        graph = GRAPH + "article/" + art_id
        date = (f"20{rng.randrange(18, 25)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}", XSD + "date")
        add((art, RDF + "type", TRADE + "Article", graph))
        add((art, DCT + "identifier", (art_id, None), graph))
        add((art, DCT + "title", (sentence(rng.randrange(6, 14)), None), graph))
        add((art, DCT + "date", date, graph))
        add((art, DCT + "publisher", (rng.choice(("belta.by", "interfax.com", "tass.com")), None), graph))
        add((art, TRADE + "contentHash", (f"{rng.getrandbits(256):064x}", None), graph))
        add((art, TRADE + "extractorVersion", ("0123456789abcdef", None), graph))
        for _ in range(rng.randrange(2, 20)):
            subject, obj = entity(), entity()
            predicate = rng.choice(RELATIONS)
            modality = rng.choices(MODALITIES, _MODALITY_WEIGHTS)[0]
            claim = CLAIM + f"{art_id}-{rng.getrandbits(80):020x}"
            start = rng.randrange(0, 4000)
            text = sentence(rng.randrange(10, 40))
            add((claim, RDF + "type", TRADE + "Claim", graph))
            add((claim, RDF + "type", RDF + "Statement", graph))
            add((claim, RDF + "subject", subject, graph))
            add((claim, RDF + "predicate", TRADE + predicate, graph))
            add((claim, RDF + "object", obj, graph))
            add((claim, TRADE + "modality", TRADE + modality, graph))
            add((claim, PROV_DERIVED, art, graph))
            add((claim, TRADE + "sentence", (text, None), graph))
            add((claim, TRADE + "sentenceStart", (str(start), XSD + "integer"), graph))
            add((claim, TRADE + "sentenceEnd", (str(start + len(text)), XSD + "integer"), graph))
            add((claim, TRADE + "confidence", (f"0.{rng.randrange(30, 100)}", XSD + "decimal"), graph))
            add((claim, TRADE + "extractor", (f"R{rng.randrange(200):03d}", None), graph))
            for cue in rng.sample(_CUES, rng.choice((0, 0, 1, 2))):
                add((claim, TRADE + "cue", (cue, None), graph))
            if rng.random() < 0.3:
                add((claim, TRADE + "speaker", entity(), graph))
            add((claim, DCT + "date", date, graph))
            if modality == "asserted":  # the plain triples, closed as kg.rdf.plain_triples does
                add((subject, TRADE + predicate, obj, graph))
                if predicate in SUBPROPERTY_OF:
                    add((subject, TRADE + SUBPROPERTY_OF[predicate], obj, graph))
                if predicate in SYMMETRIC:
                    add((obj, TRADE + predicate, subject, graph))
                if predicate in INVERSE:
                    add((obj, TRADE + INVERSE[predicate], subject, graph))
    return quads


def to_oxigraph(quads: list[tuple]) -> list:
    nodes: dict[str, ox.NamedNode] = {}

    def term(t):
        if isinstance(t, str):
            node = nodes.get(t)
            if node is None:
                node = nodes[t] = ox.NamedNode(t)
            return node
        lexical, datatype = t
        return ox.Literal(lexical, datatype=term(datatype)) if datatype else ox.Literal(lexical)

    return [ox.Quad(term(s), term(p), term(o), term(g)) for s, p, o, g in quads]
