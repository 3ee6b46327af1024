"""Relation extraction: from a parsed article to Candidate records (claims before they are scored).

The rules are data (``ontology/rules/``); this package is the machinery that
applies them, one module a concern: mentions (:mod:`.mentions`), grammatical
frames (:mod:`.frames`), from argument tokens to entities (:mod:`.resolver`,
with :mod:`.descriptions`, :mod:`.groups`, :mod:`.pronouns`, :mod:`.speakers`
and :mod:`.products`), modality (:mod:`.modality`), what each candidate's
confidence is learned from (:mod:`.features`) and the rule engine (:mod:`.engine`).
"""

from .engine import extract_candidates
from .rules import Rule, RuleSet, load_rules

__all__ = ["extract_candidates", "load_rules", "Rule", "RuleSet"]
