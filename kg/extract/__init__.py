"""Relation extraction: from a parsed article to Claim records.

The rules are data (``ontology/rules/``); this package is the machinery that
applies them: mentions (:mod:`.mentions`), grammatical frames (:mod:`.frames`),
coreference (:mod:`.coref`), modality (:mod:`.modality`) and the rule engine
(:mod:`.engine`).
"""

from .engine import extract_candidates
from .rules import Rule, RuleSet, load_rules

__all__ = ["extract_candidates", "load_rules", "Rule", "RuleSet"]
