"""Unit tests of kg/extract/modality.py on hand-built parses (no statistical model).

The cues are the project's own (``ontology/rules/modality.json``). Each sentence
is parsed by hand with the ClearNLP labels en_core_web_sm uses and built into a
Doc as spaCy's own tests do, so that a failure is a rule bug, not a misparse.

Parses are written one token a line::

    index  word  POS  TAG  head  dep  [lemma]

``head`` is the absolute index of the head (a ROOT is its own head); the lemma
defaults to the word (proper nouns) or its lower case. All names are invented.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.extract.modality import Modality, modality_of

from .docs import parse

CUES = json.loads((Path(__file__).resolve().parent.parent / "ontology" / "rules" / "modality.json").read_text())


def modality(table: str, trigger: str, **options) -> Modality:
    """The modality of the claim triggered by the (first) token ``trigger`` of the parsed sentence."""
    doc = parse(table)
    found = [t for t in doc if t.text == trigger]
    assert found, f"no {trigger!r} in {doc.text!r}"
    return modality_of(found[0], CUES, **options)


# ---------------------------------------------------------------------------------- asserted, negated


SUPPLIES = """
0 Velmora  PROPN NNP 1 nsubj
1 supplies VERB  VBZ 1 ROOT  supply
2 engines  NOUN  NNS 1 dobj  engine
3 to       ADP   IN  1 prep
4 Tornvik  PROPN NNP 3 pobj
5 .        PUNCT .   1 punct
"""


def test_plain_assertion():
    from kg.extract.rules import load_rules

    assert load_rules().modality == CUES  # the cues the engine passes (data files only, no model)
    assert modality(SUPPLIES, "supplies") == Modality("asserted", ())
    assert modality(SUPPLIES, "supplies", local=True) == Modality("asserted", ())


def test_not_and_never_negate():
    m = modality(
        """
        0 Velmora PROPN NNP 3 nsubj
        1 does    AUX   VBZ 3 aux  do
        2 not     PART  RB  3 neg
        3 supply  VERB  VB  3 ROOT
        4 engines NOUN  NNS 3 dobj engine
        5 .       PUNCT .   3 punct
    """,
        "supply",
    )
    assert m == Modality("negated", ("not",))
    m = modality(
        """
        0 Velmora  PROPN NNP 2 nsubj
        1 never    ADV   RB  2 neg
        2 supplied VERB  VBD 2 ROOT supply
        3 engines  NOUN  NNS 2 dobj engine
        4 .        PUNCT .   2 punct
    """,
        "supplied",
    )
    assert m == Modality("negated", ("never",))


NO_LONGER = """
0 Velmora  PROPN NNP 3 nsubj
1 no       DET   DT  2 neg
2 longer   ADV   RBR 3 advmod long
3 supplies VERB  VBZ 3 ROOT   supply
4 engines  NOUN  NNS 3 dobj   engine
5 to       ADP   IN  3 prep
6 Tornvik  PROPN NNP 5 pobj
7 .        PUNCT .   3 punct
"""


def test_no_longer_is_past_and_states_an_ending():
    assert modality(NO_LONGER, "supplies") == Modality("past", ("no longer",))
    # a rule whose claim is the ending ("no longer operates in ..."): the cue asserts it
    assert modality(NO_LONGER, "supplies", ended=True) == Modality("asserted", ("no longer",))
    assert modality(SUPPLIES, "supplies", ended=True) == Modality(None)  # nothing ended


def test_no_longer_does_not_pass_to_a_coordinated_verb():
    table = """
        0  Velmora PROPN NNP 4 nsubj
        1  and     CCONJ CC  0 cc
        2  Kestrel PROPN NNP 0 conj
        3  no      DET   DT  4 neg
        4  longer  ADV   RBR 5 advmod long
        5  compete VERB  VBP 5 ROOT
        6  and     CCONJ CC  5 cc
        7  now     ADV   RB  8 advmod
        8  supply  VERB  VBP 5 conj
        9  each    DET   DT  10 det
        10 other   ADJ   JJ  8 dobj
        11 .       PUNCT .   5 punct
    """
    assert modality(table, "compete") == Modality("past", ("no longer",))
    assert modality(table, "supply") == Modality("asserted", ())


def test_denied_that_it_supplies_is_negated_did_not_deny_asserted():
    m = modality(
        """
        0 Velmora  PROPN NNP 1 nsubj
        1 denied   VERB  VBD 1 ROOT  deny
        2 that     SCONJ IN  4 mark
        3 it       PRON  PRP 4 nsubj
        4 supplies VERB  VBZ 1 ccomp supply
        5 Tornvik  PROPN NNP 4 dobj
        6 .        PUNCT .   1 punct
    """,
        "supplies",
    )
    assert m == Modality("negated", ("denied",))
    # "Velmora did not deny that it supplies Tornvik"
    m = modality(
        """
        0 Velmora  PROPN NNP 3 nsubj
        1 did      AUX   VBD 3 aux   do
        2 not      PART  RB  3 neg
        3 deny     VERB  VB  3 ROOT
        4 that     SCONJ IN  6 mark
        5 it       PRON  PRP 6 nsubj
        6 supplies VERB  VBZ 3 ccomp supply
        7 Tornvik  PROPN NNP 6 dobj
        8 .        PUNCT .   3 punct
    """,
        "supplies",
    )
    assert m == Modality("asserted", ())


def test_rejected_claims_that_it_sold_is_negated():
    m = modality(
        """
        0 Velmora  PROPN NNP 1 nsubj
        1 rejected VERB  VBD 1 ROOT  reject
        2 claims   NOUN  NNS 1 dobj  claim
        3 that     SCONJ IN  6 mark
        4 it       PRON  PRP 6 nsubj
        5 had      AUX   VBD 6 aux   have
        6 sold     VERB  VBN 2 acl   sell
        7 engines  NOUN  NNS 6 dobj  engine
        8 .        PUNCT .   1 punct
    """,
        "sold",
    )
    assert m == Modality("negated", ("rejected",))


def test_refused_to_and_no_plans_to_are_negated():
    m = modality(
        """
        0 Velmora PROPN NNP 1 nsubj
        1 refused VERB  VBD 1 ROOT  refuse
        2 to      PART  TO  3 aux
        3 supply  VERB  VB  1 xcomp
        4 engines NOUN  NNS 3 dobj  engine
        5 .       PUNCT .   1 punct
    """,
        "supply",
    )
    assert m == Modality("negated", ("refused",))
    # "Velmora has no plans to supply Tornvik": "no" on the governing noun
    m = modality(
        """
        0 Velmora PROPN NNP 1 nsubj
        1 has     VERB  VBZ 1 ROOT  have
        2 no      DET   DT  3 det
        3 plans   NOUN  NNS 1 dobj  plan
        4 to      PART  TO  5 aux
        5 supply  VERB  VB  3 acl
        6 Tornvik PROPN NNP 5 dobj
        7 .       PUNCT .   1 punct
    """,
        "supply",
    )
    assert m == Modality("negated", ("no",))


# ----------------------------------------------------------------------------------------- planned


CONTROL = """
0 Velmora  PROPN NNP 1 nsubj
1 {verb:8} VERB  VBZ 1 ROOT  {lemma}
2 to       PART  TO  3 aux
3 supply   VERB  VB  1 xcomp
4 engines  NOUN  NNS 3 dobj  engine
5 .        PUNCT .   1 punct
"""


@pytest.mark.parametrize("verb, lemma", [("plans", "plan"), ("intends", "intend"), ("agreed", "agree")])
def test_control_verb_plans(verb, lemma):
    m = modality(CONTROL.format(verb=verb, lemma=lemma), "supply")
    assert m == Modality("planned", (verb,))


def test_will_plans_and_is_shared_by_a_coordinated_verb():
    table = """
        0 Velmora PROPN NNP 2 nsubj
        1 will    AUX   MD  2 aux
        2 build   VERB  VB  2 ROOT
        3 and     CCONJ CC  2 cc
        4 operate VERB  VB  2 conj
        5 the     DET   DT  6 det
        6 plant   NOUN  NN  4 dobj
        7 .       PUNCT .   2 punct
    """
    assert modality(table, "build") == Modality("planned", ("will",))
    assert modality(table, "operate") == Modality("planned", ("will",))


def test_is_ready_to_plans():
    m = modality(
        """
        0 Velmora PROPN NNP 1 nsubj
        1 is      AUX   VBZ 1 ROOT  be
        2 ready   ADJ   JJ  1 acomp
        3 to      PART  TO  4 aux
        4 supply  VERB  VB  2 xcomp
        5 engines NOUN  NNS 4 dobj  engine
        6 .       PUNCT .   1 punct
    """,
        "supply",
    )
    assert m.value == "planned"
    # the adjective is read on its own and again as the copula's predicate: ("ready", "ready")
    assert set(m.cues) == {"ready"}


def test_to_infinitives_plan_but_the_first_company_to_leave_is_a_fact():
    contract = modality(
        """
        0 Velmora  PROPN NNP 1 nsubj
        1 signed   VERB  VBD 1 ROOT  sign
        2 a        DET   DT  3 det
        3 contract NOUN  NN  1 dobj
        4 to       PART  TO  5 aux
        5 supply   VERB  VB  3 acl
        6 engines  NOUN  NNS 5 dobj  engine
        7 .        PUNCT .   1 punct
    """,
        "supply",
    )
    assert contract == Modality("planned", ("to",))
    first = modality(
        """
        0 Velmora   PROPN NNP 1 nsubj
        1 was       AUX   VBD 1 ROOT  be
        2 the       DET   DT  4 det
        3 first     ADJ   JJ  4 amod
        4 company   NOUN  NN  1 attr
        5 to        PART  TO  6 aux
        6 leave     VERB  VB  4 acl
        7 Ruritania PROPN NNP 6 dobj
        8 .         PUNCT .   1 punct
    """,
        "leave",
    )
    assert first == Modality("asserted", ())
    # a headline's bare infinitive: "Marrowby to close its stores in Ruritania"
    m = modality(
        """
        0 Marrowby  PROPN NNP 2 nsubj
        1 to        PART  TO  2 aux
        2 close     VERB  VB  2 ROOT
        3 its       PRON  PRP$ 4 poss
        4 stores    NOUN  NNS 2 dobj  store
        5 in        ADP   IN  2 prep
        6 Ruritania PROPN NNP 5 pobj
    """,
        "close",
    )
    assert m == Modality("planned", ("to",))


def test_nominal_subject_of_a_verb_of_beginning_with_will():
    m = modality(
        """
        0 Deliveries NOUN  NNS 2 nsubj  delivery
        1 will       AUX   MD  2 aux
        2 start      VERB  VB  2 ROOT
        3 next       ADJ   JJ  4 amod
        4 year       NOUN  NN  2 npadvmod
        5 .          PUNCT .   2 punct
    """,
        "Deliveries",
    )
    assert m == Modality("planned", ("will",))


# -------------------------------------------------------------------------------------------- past


def test_previously_is_past():
    m = modality(
        """
        0 Velmora    PROPN NNP 2 nsubj
        1 previously ADV   RB  2 advmod
        2 supplied   VERB  VBD 2 ROOT supply
        3 engines    NOUN  NNS 2 dobj engine
        4 .          PUNCT .   2 punct
    """,
        "supplied",
    )
    assert m == Modality("past", ("previously",))


def test_used_to_is_past():
    m = modality(
        """
        0 Velmora PROPN NNP 1 nsubj
        1 used    VERB  VBD 1 ROOT  use
        2 to      PART  TO  3 aux
        3 supply  VERB  VB  1 xcomp
        4 engines NOUN  NNS 3 dobj  engine
        5 .       PUNCT .   1 punct
    """,
        "supply",
    )
    assert m == Modality("past", ("used to",))


def test_until_a_year_ends_a_past_state_not_a_future_one():
    past = modality(
        """
        0 Velmora  PROPN NNP 1 nsubj
        1 supplied VERB  VBD 1 ROOT supply
        2 engines  NOUN  NNS 1 dobj engine
        3 until    ADP   IN  1 prep
        4 2022     NUM   CD  3 pobj
        5 .        PUNCT .   1 punct
    """,
        "supplied",
    )
    assert past == Modality("past", ("until 2022",))
    future = modality(
        """
        0 Velmora PROPN NNP 2 nsubj
        1 will    AUX   MD  2 aux
        2 supply  VERB  VB  2 ROOT
        3 engines NOUN  NNS 2 dobj engine
        4 until   ADP   IN  2 prep
        5 2026    NUM   CD  4 pobj
        6 .       PUNCT .   2 punct
    """,
        "supply",
    )
    assert future == Modality("planned", ("will",))


def test_verbs_of_ending_and_their_negation():
    m = modality(
        """
        0 Velmora    PROPN NNP 1 nsubj
        1 halted     VERB  VBD 1 ROOT halt
        2 deliveries NOUN  NNS 1 dobj delivery
        3 to         ADP   IN  2 prep
        4 Tornvik    PROPN NNP 3 pobj
        5 .          PUNCT .   1 punct
    """,
        "deliveries",
    )
    assert m == Modality("past", ("halted",))
    # "Velmora has not stopped supplying Tornvik": it goes on
    m = modality(
        """
        0 Velmora   PROPN NNP 3 nsubj
        1 has       AUX   VBZ 3 aux  have
        2 not       PART  RB  3 neg
        3 stopped   VERB  VBN 3 ROOT stop
        4 supplying VERB  VBG 3 xcomp supply
        5 Tornvik   PROPN NNP 4 dobj
        6 .         PUNCT .   3 punct
    """,
        "supplying",
    )
    assert m == Modality("asserted", ("not", "stopped"))


# ----------------------------------------------------------------------------------- hypothetical


def test_if_clause_makes_no_claim_but_its_main_clause_does():
    table = """
        0  If      SCONJ IN  2 mark
        1  Velmora PROPN NNP 2 nsubj
        2  agrees  VERB  VBZ 9 advcl agree
        3  to      PART  TO  4 aux
        4  supply  VERB  VB  2 xcomp
        5  engines NOUN  NNS 4 dobj  engine
        6  ,       PUNCT ,   9 punct
        7  Tornvik PROPN NNP 9 nsubj
        8  will    AUX   MD  9 aux
        9  build   VERB  VB  9 ROOT
        10 trucks  NOUN  NNS 9 dobj  truck
        11 .       PUNCT .   9 punct
    """
    assert modality(table, "supply") == Modality(None, ("if",))
    assert modality(table, "agrees") == Modality(None, ("if",))
    assert modality(table, "build") == Modality("planned", ("will",))


def test_inverted_should_and_could_make_no_claim_plain_should_plans():
    inverted = modality(
        """
        0 Should  AUX   MD  2 aux
        1 Velmora PROPN NNP 2 nsubj
        2 supply  VERB  VB  7 advcl
        3 engines NOUN  NNS 2 dobj  engine
        4 ,       PUNCT ,   7 punct
        5 Tornvik PROPN NNP 7 nsubj
        6 will    AUX   MD  7 aux
        7 build   VERB  VB  7 ROOT
        8 trucks  NOUN  NNS 7 dobj  truck
        9 .       PUNCT .   7 punct
    """,
        "supply",
    )
    assert inverted == Modality(None, ("should",))
    plain = modality(
        """
        0 Velmora PROPN NNP 2 nsubj
        1 should  AUX   MD  2 aux
        2 supply  VERB  VB  2 ROOT
        3 engines NOUN  NNS 2 dobj engine
        4 .       PUNCT .   2 punct
    """,
        "supply",
    )
    assert plain == Modality("planned", ("should",))
    m = modality(
        """
        0 Velmora PROPN NNP 2 nsubj
        1 could   AUX   MD  2 aux
        2 supply  VERB  VB  2 ROOT
        3 engines NOUN  NNS 2 dobj engine
        4 .       PUNCT .   2 punct
    """,
        "supply",
    )
    assert m == Modality(None, ("could",))


# ----------------------------------------------------------------------------------------- local


APPOSITION = """
0  Velmora  PROPN NNP 8 nsubj
1  ,        PUNCT ,   0 punct
2  a        DET   DT  4 det
3  {former} ADJ   JJ  4 amod
4  supplier NOUN  NN  0 appos
5  of       ADP   IN  4 prep
6  Kestrel  PROPN NNP 5 pobj
7  will     AUX   MD  8 aux
8  sell     VERB  VB  8 ROOT
9  its      PRON  PRP$ 10 poss
10 stake    NOUN  NN  8 dobj
11 .        PUNCT .   8 punct
"""


def test_apposition_modality_is_its_own_not_the_governing_verbs():
    table = APPOSITION.format(former="major")  # "Velmora a major supplier of Kestrel will sell its stake"
    assert modality(table, "supplier", local=True) == Modality("asserted", ())
    assert modality(table, "supplier") == Modality("asserted", ())  # the clause chain stops at the apposition
    assert modality(table, "sell") == Modality("planned", ("will",))
    table = APPOSITION.format(former="former")  # "Velmora, a former supplier of Kestrel, will ..."
    assert modality(table, "supplier", local=True) == Modality("past", ("former",))


def test_local_reads_the_copula_of_a_predicate_noun_only():
    table = """
        0 Kestrel  PROPN NNP 1 nsubj
        1 was      AUX   VBD 1 ROOT   be
        2 formerly ADV   RB  1 advmod
        3 a        DET   DT  4 det
        4 unit     NOUN  NN  1 attr
        5 of       ADP   IN  4 prep
        6 Velmora  PROPN NNP 5 pobj
        7 .        PUNCT .   1 punct
    """
    assert modality(table, "unit", local=True) == Modality("past", ("formerly",))
    table = """
        0 Kestrel PROPN NNP 1 nsubj
        1 is      AUX   VBZ 1 ROOT   be
        2 no      DET   DT  3 neg
        3 longer  ADV   RBR 1 advmod long
        4 a       DET   DT  5 det
        5 partner NOUN  NN  1 attr
        6 of      ADP   IN  5 prep
        7 Velmora PROPN NNP 6 pobj
        8 .       PUNCT .   1 punct
    """
    assert modality(table, "partner", local=True) == Modality("past", ("no longer",))


def test_local_ignores_a_governing_plan():
    table = """
        0 Velmora  PROPN NNP 2 nsubj
        1 will     AUX   MD  2 aux
        2 buy      VERB  VB  2 ROOT
        3 one      NUM   CD  2 dobj
        4 of       ADP   IN  3 prep
        5 the      DET   DT  7 det
        6 largest  ADJ   JJS 7 amod large
        7 makers   NOUN  NNS 4 pobj maker
        8 of       ADP   IN  7 prep
        9 potash   NOUN  NN  8 pobj
        10 .       PUNCT .   2 punct
    """
    # "Velmora will buy one of the largest makers of potash": the makers make potash now
    assert modality(table, "makers", local=True) == Modality("asserted", ())
    assert modality(table, "makers") == Modality("planned", ("will",))
