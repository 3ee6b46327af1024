"""The terms of ``ontology/trade.ttl``, generated from it by ``make vocab`` (``python -m kg.termgen``).

Do not edit: edit the ontology. ``tests/test_vocab.py`` checks that this file is what it gives now.
"""

from __future__ import annotations

__all__ = [
    "NAMESPACE",
    "TERMS",
    "CLASSES",
    "AGENT_CLASSES",
    "RELATIONS",
    "DOMAIN",
    "RANGE",
    "SYMMETRIC",
    "ASYMMETRIC",
    "SUBPROPERTY_OF",
    "INVERSE",
    "MODALITIES",
]

# the ontology's namespace
NAMESPACE = "https://w3id.org/kg-trade/ontology#"
# every term the ontology declares, in its order
TERMS = (
    "Agent",
    "Country",
    "Region",
    "Company",
    "Organization",
    "Person",
    "Product",
    "Sector",
    "Article",
    "Claim",
    "Modality",
    "asserted",
    "negated",
    "planned",
    "past",
    "supplies",
    "producesComponentsFor",
    "produces",
    "cooperatesWith",
    "competesWith",
    "exportsTo",
    "importsFrom",
    "dependsOn",
    "investsIn",
    "signedAgreementWith",
    "leads",
    "metWith",
    "locatedIn",
    "subsidiaryOf",
    "exitedMarket",
    "modality",
    "sentence",
    "sentenceStart",
    "sentenceEnd",
    "confidence",
    "extractor",
    "cue",
    "speaker",
    "contentHash",
    "extractorVersion",
    "dateline",
)
# the classes of entities: the subclasses of trade:Agent and what the relations' domains and ranges name
CLASSES = (
    "Country",
    "Region",
    "Company",
    "Organization",
    "Person",
    "Product",
    "Sector",
)
# the subclasses of trade:Agent
AGENT_CLASSES = (
    "Country",
    "Region",
    "Company",
    "Organization",
    "Person",
)
# the relations between entities (object properties that describe no claim or article)
RELATIONS = (
    "supplies",
    "producesComponentsFor",
    "produces",
    "cooperatesWith",
    "competesWith",
    "exportsTo",
    "importsFrom",
    "dependsOn",
    "investsIn",
    "signedAgreementWith",
    "leads",
    "metWith",
    "locatedIn",
    "subsidiaryOf",
    "exitedMarket",
)
# the classes each relation's subject may have (unions and trade:Agent expanded)
DOMAIN = {
    "supplies": frozenset({"Company", "Country", "Region"}),
    "producesComponentsFor": frozenset({"Company", "Country", "Region"}),
    "produces": frozenset({"Company", "Country", "Region"}),
    "cooperatesWith": frozenset({"Company", "Country", "Organization", "Person", "Region"}),
    "competesWith": frozenset({"Company", "Country", "Organization", "Person", "Region"}),
    "exportsTo": frozenset({"Company", "Country", "Organization", "Person", "Region"}),
    "importsFrom": frozenset({"Company", "Country", "Organization", "Person", "Region"}),
    "dependsOn": frozenset({"Company", "Country", "Organization", "Person", "Region"}),
    "investsIn": frozenset({"Company", "Country", "Organization", "Person", "Region"}),
    "signedAgreementWith": frozenset({"Company", "Country", "Organization", "Person", "Region"}),
    "leads": frozenset({"Person"}),
    "metWith": frozenset({"Person"}),
    "locatedIn": frozenset({"Company", "Organization", "Region"}),
    "subsidiaryOf": frozenset({"Company"}),
    "exitedMarket": frozenset({"Company", "Country"}),
}
# the classes each relation's object may have
RANGE = {
    "supplies": frozenset({"Company", "Country", "Product", "Region"}),
    "producesComponentsFor": frozenset({"Company", "Product"}),
    "produces": frozenset({"Product"}),
    "cooperatesWith": frozenset({"Company", "Country", "Organization", "Person", "Region"}),
    "competesWith": frozenset({"Company", "Country", "Organization", "Person", "Region"}),
    "exportsTo": frozenset({"Company", "Country", "Organization", "Person", "Region"}),
    "importsFrom": frozenset({"Company", "Country", "Organization", "Person", "Region"}),
    "dependsOn": frozenset({"Company", "Country", "Organization", "Person", "Product", "Region", "Sector"}),
    "investsIn": frozenset({"Company", "Country", "Organization", "Person", "Product", "Region", "Sector"}),
    "signedAgreementWith": frozenset({"Company", "Country", "Organization", "Person", "Region"}),
    "leads": frozenset({"Company", "Country", "Organization", "Region"}),
    "metWith": frozenset({"Person"}),
    "locatedIn": frozenset({"Country", "Region"}),
    "subsidiaryOf": frozenset({"Company", "Organization"}),
    "exitedMarket": frozenset({"Country", "Region"}),
}
# owl:SymmetricProperty
SYMMETRIC = frozenset({"competesWith", "cooperatesWith", "metWith", "signedAgreementWith"})
# owl:AsymmetricProperty (never both ways between two entities)
ASYMMETRIC = frozenset({"locatedIn", "subsidiaryOf"})
# rdfs:subPropertyOf
SUBPROPERTY_OF = {
    "producesComponentsFor": "supplies",
}
# owl:inverseOf
INVERSE = {
    "exportsTo": "importsFrom",
    "importsFrom": "exportsTo",
}
# the members of trade:Modality (owl:oneOf), in order
MODALITIES = (
    "asserted",
    "negated",
    "planned",
    "past",
)
