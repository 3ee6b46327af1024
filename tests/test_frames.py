"""Unit tests of kg/extract/frames.py on hand-built parses (no statistical model).

Each sentence is parsed by hand, the way a careful linguist would with the
ClearNLP labels en_core_web_sm uses, and built into a Doc as spaCy's own tests
do (``Doc(vocab, words=..., heads=..., deps=..., pos=..., tags=..., lemmas=...)``).
A failure here is a rule bug, not a misparse of the statistical model.

Parses are written one token a line::

    index  word  POS  TAG  head  dep  [lemma]

``head`` is the absolute index of the head (a ROOT is its own head); the lemma
defaults to the word (proper nouns) or its lower case. All names are invented.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.frames import (
    Frame,
    agents,
    closes_apposition,
    described,
    governor,
    hyphen_pair,
    hyphen_word,
    is_passive,
    role_tokens,
    themes,
)

from .docs import parse


def tok(doc: Doc, text: str, nth: int = 0):
    """The ``nth`` token whose text is ``text``."""
    found = [t for t in doc if t.text == text]
    assert len(found) > nth, f"no {text!r} #{nth} in {doc.text!r}"
    return found[nth]


def texts(tokens) -> list[str]:
    return [t.text for t in tokens]


def role(doc: Doc, trigger: str, name: str, nth: int = 0) -> list[str]:
    """The texts of the tokens filling role ``name`` of ``trigger``."""
    return texts(Frame(tok(doc, trigger, nth)).role(name))


# ---------------------------------------------------------------------------------------------- voice


ACTIVE = """
0 Velmora   PROPN NNP 1 nsubj
1 supplies  VERB  VBZ 1 ROOT  supply
2 engines   NOUN  NNS 1 dobj  engine
3 to        ADP   IN  1 prep
4 Tornvik   PROPN NNP 3 pobj
5 .         PUNCT .   1 punct
"""


def test_active_verb_agent_is_subject_theme_is_object():
    doc = parse(ACTIVE)
    supplies = tok(doc, "supplies")
    assert not is_passive(supplies)
    assert texts(agents(supplies)) == ["Velmora"]
    assert texts(themes(supplies)) == ["engines"]
    assert role(doc, "supplies", "agent") == ["Velmora"]
    assert role(doc, "supplies", "theme") == ["engines"]
    assert role(doc, "supplies", "to") == ["Tornvik"]
    assert role(doc, "supplies", "dative") == []


PASSIVE_BY = """
0 Engines   NOUN  NNS 2 nsubjpass engine
1 are       AUX   VBP 2 auxpass   be
2 supplied  VERB  VBN 2 ROOT      supply
3 to        ADP   IN  2 prep
4 Tornvik   PROPN NNP 3 pobj
5 by        ADP   IN  2 agent
6 Velmora   PROPN NNP 5 pobj
7 .         PUNCT .   2 punct
"""


def test_passive_with_by_agent_is_by_object_theme_is_subject():
    doc = parse(PASSIVE_BY)
    supplied = tok(doc, "supplied")
    assert is_passive(supplied)
    assert texts(agents(supplied)) == ["Velmora"]
    assert texts(themes(supplied)) == ["Engines"]
    assert role(doc, "supplied", "to") == ["Tornvik"]
    assert role(doc, "supplied", "by") == ["Velmora"]  # the "agent" arc is read as the preposition "by"


def test_passive_without_by_has_no_agent():
    doc = parse("""
        0 Engines   NOUN  NNS 2 nsubjpass engine
        1 were      AUX   VBD 2 auxpass   be
        2 supplied  VERB  VBN 2 ROOT      supply
        3 to        ADP   IN  2 prep
        4 Tornvik   PROPN NNP 3 pobj
        5 .         PUNCT .   2 punct
    """)
    supplied = tok(doc, "supplied")
    assert is_passive(supplied)
    assert agents(supplied) == []  # the passive subject is the theme, never the agent
    assert texts(themes(supplied)) == ["Engines"]
    assert role(doc, "supplied", "to") == ["Tornvik"]


def test_passive_with_two_coordinated_by_phrases():
    doc = parse("""
        0 The      DET   DT  1 det
        1 plant    NOUN  NN  3 nsubjpass
        2 is       AUX   VBZ 3 auxpass be
        3 backed   VERB  VBN 3 ROOT    back
        4 by       ADP   IN  3 agent
        5 Velmora  PROPN NNP 4 pobj
        6 and      CCONJ CC  4 cc
        7 by       ADP   IN  4 conj
        8 Kestrel  PROPN NNP 7 pobj
        9 .        PUNCT .   3 punct
    """)
    assert texts(agents(tok(doc, "backed"))) == ["Velmora", "Kestrel"]
    assert role(doc, "backed", "by") == ["Velmora", "Kestrel"]
    assert role(doc, "backed", "theme") == ["plant"]


def test_dative_noun_phrase_and_to_phrase():
    doc = parse("""
        0 Velmora  PROPN NNP 1 nsubj
        1 sold     VERB  VBD 1 ROOT  sell
        2 Tornvik  PROPN NNP 1 dative
        3 engines  NOUN  NNS 1 dobj  engine
        4 .        PUNCT .   1 punct
    """)
    assert role(doc, "sold", "dative") == ["Tornvik"]
    assert role(doc, "sold", "theme") == ["engines"]
    assert role(doc, "sold", "agent") == ["Velmora"]
    # "sold engines to Tornvik" with the "to" phrase labelled dative: both the dative and the "to" role
    doc = parse("""
        0 Velmora  PROPN NNP 1 nsubj
        1 sold     VERB  VBD 1 ROOT  sell
        2 engines  NOUN  NNS 1 dobj  engine
        3 to       ADP   IN  1 dative
        4 Tornvik  PROPN NNP 3 pobj
        5 .        PUNCT .   1 punct
    """)
    assert role(doc, "sold", "dative") == ["Tornvik"]
    assert role(doc, "sold", "to") == ["Tornvik"]
    assert role(doc, "sold", "theme") == ["engines"]


# --------------------------------------------------------------------------------- relative clauses


def test_subject_relative_that_takes_the_modified_noun_as_agent():
    doc = parse("""
        0 Velmora  PROPN NNP 1 nsubj
        1 runs     VERB  VBZ 1 ROOT  run
        2 plants   NOUN  NNS 1 dobj  plant
        3 that     PRON  WDT 4 nsubj
        4 supply   VERB  VBP 2 relcl
        5 Tornvik  PROPN NNP 4 dobj
        6 .        PUNCT .   1 punct
    """)
    supply = tok(doc, "supply")
    assert not is_passive(supply)
    assert texts(agents(supply)) == ["plants"]
    assert texts(themes(supply)) == ["Tornvik"]


def test_subject_relative_which_active_and_passive():
    doc = parse("""
        0 Tornvik  PROPN NNP 8 nsubj
        1 ,        PUNCT ,   0 punct
        2 which    PRON  WDT 3 nsubj
        3 buys     VERB  VBZ 0 relcl buy
        4 engines  NOUN  NNS 3 dobj  engine
        5 from     ADP   IN  3 prep
        6 Velmora  PROPN NNP 5 pobj
        7 ,        PUNCT ,   0 punct
        8 grew     VERB  VBD 8 ROOT  grow
        9 .        PUNCT .   8 punct
    """)
    assert role(doc, "buys", "agent") == ["Tornvik"]
    assert role(doc, "buys", "theme") == ["engines"]
    assert role(doc, "buys", "from") == ["Velmora"]
    # passive: "Tornvik buys engines, which are made by Velmora"
    doc = parse("""
        0 Tornvik  PROPN NNP 1 nsubj
        1 buys     VERB  VBZ 1 ROOT    buy
        2 engines  NOUN  NNS 1 dobj    engine
        3 ,        PUNCT ,   2 punct
        4 which    PRON  WDT 6 nsubjpass
        5 are      AUX   VBP 6 auxpass be
        6 made     VERB  VBN 2 relcl   make
        7 by       ADP   IN  6 agent
        8 Velmora  PROPN NNP 7 pobj
        9 .        PUNCT .   1 punct
    """)
    made = tok(doc, "made")
    assert is_passive(made)
    assert texts(agents(made)) == ["Velmora"]
    assert texts(themes(made)) == ["engines"]


ASSEMBLED_IN = """
    0 Kestrel    PROPN NNP 1 nsubj
    1 sells      VERB  VBZ 1 ROOT    sell
    2 trucks     NOUN  NNS 1 dobj    truck
    3 that       PRON  WDT 5 nsubjpass
    4 were       AUX   VBD 5 auxpass be
    5 assembled  VERB  VBN 2 relcl   assemble
    6 in         ADP   IN  5 prep
    7 Ruritania  PROPN NNP 6 pobj
    8 .          PUNCT .   1 punct
"""  # "Kestrel sells trucks that were assembled in Ruritania."


def test_passive_relative_without_by_has_no_agent():
    doc = parse(ASSEMBLED_IN)
    assembled = tok(doc, "assembled")
    assert agents(assembled) == []
    assert texts(themes(assembled)) == ["trucks"]
    assert role(doc, "assembled", "in") == ["Ruritania"]


def test_participle_after_a_noun_carries_its_phrase():
    # "the companies profiled in the pump market": the phrase hangs on the participle, said of the noun;
    # a participle further off (a relative clause's verb) does not lend the noun its phrases
    doc = parse("""
        0 The       DET   DT  1 det
        1 companies NOUN  NNS 6 nsubj    company
        2 profiled  VERB  VBN 1 acl      profile
        3 in        ADP   IN  2 prep
        4 the       DET   DT  5 det
        5 market    NOUN  NN  3 pobj
        6 are       AUX   VBP 6 ROOT     be
        7 Kestrel   PROPN NNP 6 attr
        8 .         PUNCT .   6 punct
    """)
    assert role(doc, "companies", "in") == ["market"]
    assert role(parse(ASSEMBLED_IN), "trucks", "in") == []


def test_verbs_in_a_series_share_the_last_ones_object():
    # "Kestrel designs, makes and sells pumps": each verb takes "pumps"; a conjunct with a subject of its own
    # ("Kestrel grew and Velmora sells pumps") lends the first verb nothing
    doc = parse("""
        0 Kestrel  PROPN NNP 1 nsubj
        1 designs  VERB  VBZ 1 ROOT  design
        2 ,        PUNCT ,   1 punct
        3 makes    VERB  VBZ 1 conj  make
        4 and      CCONJ CC  3 cc
        5 sells    VERB  VBZ 3 conj  sell
        6 pumps    NOUN  NNS 5 dobj  pump
        7 .        PUNCT .   1 punct
    """)
    assert texts(themes(tok(doc, "designs"))) == ["pumps"]
    assert texts(themes(tok(doc, "makes"))) == ["pumps"]
    doc = parse("""
        0 Kestrel  PROPN NNP 1 nsubj
        1 grew     VERB  VBD 1 ROOT  grow
        2 and      CCONJ CC  1 cc
        3 Velmora  PROPN NNP 4 nsubj
        4 sells    VERB  VBZ 1 conj  sell
        5 pumps    NOUN  NNS 4 dobj  pump
        6 .        PUNCT .   1 punct
    """)
    assert themes(tok(doc, "grew")) == []


def test_a_noun_phrase_opening_the_sentence_describes_the_name_after_its_comma():
    # "A unit of Globex, Kestrel makes valves": the unit is Kestrel; with no comma after the phrase, nothing
    doc = parse("""
        0 A        DET   DT  1 det
        1 unit     NOUN  NN  6 nsubj
        2 of       ADP   IN  1 prep
        3 Globex   PROPN NNP 2 pobj
        4 ,        PUNCT ,   1 punct
        5 Kestrel  PROPN NNP 6 nsubj
        6 makes    VERB  VBZ 6 ROOT  make
        7 valves   NOUN  NNS 6 dobj  valve
        8 .        PUNCT .   6 punct
    """)
    assert described(tok(doc, "unit")).text == "Kestrel"
    doc = parse("""
        0 The      DET   DT  1 det
        1 unit     NOUN  NN  4 nsubj
        2 of       ADP   IN  1 prep
        3 Globex   PROPN NNP 2 pobj
        4 makes    VERB  VBZ 4 ROOT  make
        5 valves   NOUN  NNS 4 dobj  valve
        6 .        PUNCT .   4 punct
    """)
    assert described(tok(doc, "unit")) is None


def test_object_relative_that_theme_is_modified_noun():
    doc = parse("""
        0 The      DET   DT  1 det
        1 engines  NOUN  NNS 7 nsubj  engine
        2 that     PRON  WDT 4 dobj
        3 Velmora  PROPN NNP 4 nsubj
        4 supplies VERB  VBZ 1 relcl  supply
        5 to       ADP   IN  4 prep
        6 Tornvik  PROPN NNP 5 pobj
        7 are      AUX   VBP 7 ROOT   be
        8 cheap    ADJ   JJ  7 acomp
        9 .        PUNCT .   7 punct
    """)
    supplies = tok(doc, "supplies")
    assert texts(agents(supplies)) == ["Velmora"]
    assert texts(themes(supplies)) == ["engines"]
    assert role(doc, "supplies", "to") == ["Tornvik"]


def test_object_relatives_without_pronoun_and_with_coordinated_subject():
    doc = parse("""
        0 Ruritania PROPN NNP 1 nsubj
        1 supports  VERB  VBZ 1 ROOT  support
        2 the       DET   DT  3 det
        3 projects  NOUN  NNS 1 dobj  project
        4 Velmora   PROPN NNP 6 nsubj
        5 is        AUX   VBZ 6 aux   be
        6 carrying  VERB  VBG 3 relcl carry
        7 out       ADP   RP  6 prt
        8 .         PUNCT .   1 punct
    """)
    carrying = tok(doc, "carrying")
    assert texts(agents(carrying)) == ["Velmora"]
    assert texts(themes(carrying)) == ["projects"]
    # "Ruritania welcomed the agreement that Velmora and Kestrel signed"
    doc = parse("""
        0 Ruritania PROPN NNP 1 nsubj
        1 welcomed  VERB  VBD 1 ROOT  welcome
        2 the       DET   DT  3 det
        3 agreement NOUN  NN  1 dobj
        4 that      PRON  WDT 8 dobj
        5 Velmora   PROPN NNP 8 nsubj
        6 and       CCONJ CC  5 cc
        7 Kestrel   PROPN NNP 5 conj
        8 signed    VERB  VBD 3 relcl sign
        9 .         PUNCT .   1 punct
    """)
    signed = tok(doc, "signed")
    assert not is_passive(signed)
    assert texts(agents(signed)) == ["Velmora"]  # the engine adds the conjunct Kestrel
    assert texts(themes(signed)) == ["agreement"]


# ---------------------------------------------------------------------------- reduced participles


def test_past_participle_modifier_with_and_without_by():
    doc = parse("""
        0 Tornvik    PROPN NNP 1 nsubj
        1 fits       VERB  VBZ 1 ROOT  fit
        2 components NOUN  NNS 1 dobj  component
        3 supplied   VERB  VBN 2 acl   supply
        4 by         ADP   IN  3 agent
        5 Velmora    PROPN NNP 4 pobj
        6 .          PUNCT .   1 punct
    """)
    supplied = tok(doc, "supplied")
    assert is_passive(supplied)
    assert texts(agents(supplied)) == ["Velmora"]
    assert texts(themes(supplied)) == ["components"]
    # without "by": "Velmora builds the engines supplied to Tornvik"
    doc = parse("""
        0 Velmora  PROPN NNP 1 nsubj
        1 builds   VERB  VBZ 1 ROOT  build
        2 the      DET   DT  3 det
        3 engines  NOUN  NNS 1 dobj  engine
        4 supplied VERB  VBN 3 acl   supply
        5 to       ADP   IN  4 prep
        6 Tornvik  PROPN NNP 5 pobj
        7 .        PUNCT .   1 punct
    """)
    supplied = tok(doc, "supplied")
    assert agents(supplied) == []  # not the noun the participle modifies: the engines supply nothing
    assert texts(themes(supplied)) == ["engines"]
    assert role(doc, "supplied", "to") == ["Tornvik"]


def test_present_participle_modifier_agent_is_the_noun():
    doc = parse("""
        0 Ruritania PROPN NNP 1 nsubj
        1 has       VERB  VBZ 1 ROOT  have
        2 companies NOUN  NNS 1 dobj  company
        3 making    VERB  VBG 2 acl   make
        4 parts     NOUN  NNS 3 dobj  part
        5 for       ADP   IN  3 prep
        6 Tornvik   PROPN NNP 5 pobj
        7 .         PUNCT .   1 punct
    """)
    making = tok(doc, "making")
    assert not is_passive(making)
    assert texts(agents(making)) == ["companies"]
    assert texts(themes(making)) == ["parts"]
    assert role(doc, "making", "for") == ["Tornvik"]


# ------------------------------------------------------------------------------ control and xcomp


def test_control_verb_passes_its_subject_to_the_infinitive():
    doc = parse("""
        0 Velmora   PROPN NNP 1 nsubj
        1 plans     VERB  VBZ 1 ROOT  plan
        2 to        PART  TO  3 aux
        3 build     VERB  VB  1 xcomp
        4 a         DET   DT  5 det
        5 plant     NOUN  NN  3 dobj
        6 in        ADP   IN  3 prep
        7 Ruritania PROPN NNP 6 pobj
        8 .         PUNCT .   1 punct
    """)
    assert role(doc, "build", "agent") == ["Velmora"]
    assert role(doc, "build", "theme") == ["plant"]
    assert role(doc, "build", "in") == ["Ruritania"]


def test_control_through_a_predicate_adjective():
    doc = parse("""
        0 Velmora    PROPN NNP 1 nsubj
        1 is         AUX   VBZ 1 ROOT  be
        2 ready      ADJ   JJ  1 acomp
        3 to         PART  TO  4 aux
        4 launch     VERB  VB  2 xcomp
        5 production NOUN  NN  4 dobj
        6 .          PUNCT .   1 punct
    """)
    assert role(doc, "launch", "agent") == ["Velmora"]
    assert role(doc, "ready", "agent") == ["Velmora"]  # an acomp adjective: the copula's subject
    assert role(doc, "launch", "theme") == ["production"]


def test_control_through_a_passive_raising_verb():
    doc = parse("""
        0 Velmora  PROPN NNP 2 nsubjpass
        1 is       AUX   VBZ 2 auxpass be
        2 set      VERB  VBN 2 ROOT    set
        3 to       PART  TO  4 aux
        4 supply   VERB  VB  2 xcomp
        5 engines  NOUN  NNS 4 dobj    engine
        6 to       ADP   IN  4 prep
        7 Tornvik  PROPN NNP 6 pobj
        8 .        PUNCT .   2 punct
    """)
    assert role(doc, "supply", "agent") == ["Velmora"]


def test_coordinated_verb_takes_the_first_verbs_subject():
    doc = parse("""
        0 Velmora    PROPN NNP 1 nsubj
        1 restarted  VERB  VBD 1 ROOT  restart
        2 production NOUN  NN  1 dobj
        3 and        CCONJ CC  1 cc
        4 supplies   VERB  VBZ 1 conj  supply
        5 Tornvik    PROPN NNP 4 dobj
        6 .          PUNCT .   1 punct
    """)
    assert role(doc, "supplies", "agent") == ["Velmora"]
    assert role(doc, "supplies", "theme") == ["Tornvik"]


def test_infinitive_on_a_noun_takes_the_agent_of_the_nouns_verb():
    doc = parse("""
        0 Velmora  PROPN NNP 1 nsubj
        1 signed   VERB  VBD 1 ROOT  sign
        2 a        DET   DT  3 det
        3 contract NOUN  NN  1 dobj
        4 to       PART  TO  5 aux
        5 supply   VERB  VB  3 acl
        6 engines  NOUN  NNS 5 dobj  engine
        7 to       ADP   IN  5 prep
        8 Tornvik  PROPN NNP 7 pobj
        9 .        PUNCT .   1 punct
    """)
    assert role(doc, "contract", "acl") == ["supply"]
    assert role(doc, "supply", "agent") == ["Velmora"]
    assert role(doc, "supply", "theme") == ["engines"]
    assert role(doc, "supply", "to") == ["Tornvik"]


def test_infinitive_on_a_negated_noun_object():
    doc = parse("""
        0 Velmora  PROPN NNP 1 nsubj
        1 has      VERB  VBZ 1 ROOT  have
        2 no       DET   DT  3 det
        3 plans    NOUN  NNS 1 dobj  plan
        4 to       PART  TO  5 aux
        5 supply   VERB  VB  3 acl
        6 Tornvik  PROPN NNP 5 dobj
        7 .        PUNCT .   1 punct
    """)
    assert role(doc, "supply", "agent") == ["Velmora"]
    assert role(doc, "supply", "theme") == ["Tornvik"]


def test_gerund_after_a_preposition_takes_the_agent_above():
    doc = parse("""
        0 Velmora    PROPN NNP 1 nsubj
        1 announced  VERB  VBD 1 ROOT  announce
        2 its        PRON  PRP$ 3 poss
        3 intention  NOUN  NN  1 dobj
        4 of         ADP   IN  3 prep
        5 localising VERB  VBG 4 pcomp localise
        6 production NOUN  NN  5 dobj
        7 .          PUNCT .   1 punct
    """)
    assert role(doc, "localising", "agent") == ["Velmora"]
    assert role(doc, "localising", "theme") == ["production"]
    # on a verb: "Velmora grew by building plants"
    doc = parse("""
        0 Velmora  PROPN NNP 1 nsubj
        1 grew     VERB  VBD 1 ROOT  grow
        2 by       ADP   IN  1 prep
        3 building VERB  VBG 2 pcomp build
        4 plants   NOUN  NNS 3 dobj  plant
        5 .        PUNCT .   1 punct
    """)
    assert role(doc, "building", "agent") == ["Velmora"]


# -------------------------------------------------------------------------------------- coordination


def test_coordinated_subjects_and_objects_give_the_first_conjunct():
    doc = parse("""
        0 Velmora   PROPN NNP 3 nsubj
        1 and       CCONJ CC  0 cc
        2 Kestrel   PROPN NNP 0 conj
        3 supply    VERB  VBP 3 ROOT
        4 engines   NOUN  NNS 3 dobj  engine
        5 and       CCONJ CC  4 cc
        6 gearboxes NOUN  NNS 4 conj  gearbox
        7 to        ADP   IN  3 prep
        8 Tornvik   PROPN NNP 7 pobj
        9 .         PUNCT .   3 punct
    """)
    # the role gives the head of the coordination; the engine adds the conjuncts
    assert role(doc, "supply", "agent") == ["Velmora"]
    assert role(doc, "supply", "theme") == ["engines"]
    assert role(doc, "supply", "to") == ["Tornvik"]
    assert governor(tok(doc, "Kestrel")).text == "supply"
    assert governor(tok(doc, "gearboxes")).text == "supply"


PASSIVE_CONJUNCT = """
0  Engines  NOUN  NNS 2 nsubjpass engine
1  are      AUX   VBP 2 auxpass   be
2  made     VERB  VBN 2 ROOT      make
3  by       ADP   IN  2 agent
4  Velmora  PROPN NNP 3 pobj
5  and      CCONJ CC  2 cc
6  supplied VERB  VBN 2 conj      supply
7  to       ADP   IN  6 prep
8  Tornvik  PROPN NNP 7 pobj
9  by       ADP   IN  6 agent
10 Kestrel  PROPN NNP 9 pobj
11 .        PUNCT .   2 punct
"""


def test_passive_conjunct_sharing_the_auxiliary():
    doc = parse(PASSIVE_CONJUNCT)
    supplied = tok(doc, "supplied")
    assert is_passive(supplied)
    assert texts(agents(supplied)) == ["Kestrel"]
    assert texts(themes(supplied)) == ["Engines"]


# ---------------------------------------------------------------------------------- nominalisations


def test_deliveries_of_x_to_y():
    doc = parse("""
        0 Velmora    PROPN NNP 1 nsubj
        1 halted     VERB  VBD 1 ROOT  halt
        2 deliveries NOUN  NNS 1 dobj  delivery
        3 of         ADP   IN  2 prep
        4 engines    NOUN  NNS 3 pobj  engine
        5 to         ADP   IN  2 prep
        6 Tornvik    PROPN NNP 5 pobj
        7 .          PUNCT .   1 punct
    """)
    assert role(doc, "deliveries", "theme") == ["engines"]
    assert role(doc, "deliveries", "of") == ["engines"]
    assert role(doc, "deliveries", "to") == ["Tornvik"]
    assert role(doc, "deliveries", "agent") == ["Velmora"]  # the agent of the verb governing the noun
    assert role(doc, "deliveries", "gov") == ["halted"]


def test_possessor_is_the_agent_of_a_noun():
    doc = parse("""
        0 Velmora  PROPN NNP 2 poss
        1 's       PART  POS 0 case
        2 supplies NOUN  NNS 5 nsubj supply
        3 to       ADP   IN  2 prep
        4 Tornvik  PROPN NNP 3 pobj
        5 rose     VERB  VBD 5 ROOT  rise
        6 .        PUNCT .   5 punct
    """)
    assert role(doc, "supplies", "agent") == ["Velmora"]
    assert role(doc, "supplies", "poss") == ["Velmora"]
    assert role(doc, "supplies", "to") == ["Tornvik"]
    assert role(doc, "supplies", "gov") == ["rose"]


def test_by_phrase_on_a_noun_and_no_agent_for_a_subject_noun():
    doc = parse("""
        0 Deliveries NOUN  NNS 5 nsubj delivery
        1 of         ADP   IN  0 prep
        2 engines    NOUN  NNS 1 pobj  engine
        3 by         ADP   IN  0 prep
        4 Velmora    PROPN NNP 3 pobj
        5 resumed    VERB  VBD 5 ROOT  resume
        6 .          PUNCT .   5 punct
        7 Deliveries NOUN  NNS 9 nsubj delivery
        8 have       AUX   VBP 9 aux   have
        9 resumed    VERB  VBN 9 ROOT  resume
        10 .         PUNCT .   9 punct
    """)
    assert role(doc, "Deliveries", "agent") == ["Velmora"]
    assert role(doc, "Deliveries", "theme") == ["engines"]
    # a noun that is the subject does not take the agent of its verb: "deliveries resumed" has none
    assert role(doc, "Deliveries", "agent", nth=1) == []


def test_cooperation_between_x_and_y():
    doc = parse("""
        0 Cooperation NOUN  NN  6 nsubj
        1 between     ADP   IN  0 prep
        2 Velmora     PROPN NNP 1 pobj
        3 and         CCONJ CC  2 cc
        4 Kestrel     PROPN NNP 2 conj
        5 is          AUX   VBZ 6 aux   be
        6 growing     VERB  VBG 6 ROOT  grow
        7 .           PUNCT .   6 punct
    """)
    assert role(doc, "Cooperation", "between") == ["Velmora"]
    assert role(doc, "Cooperation", "agent") == []
    assert role(doc, "between", "theme") == ["Velmora"]  # a preposition's theme is its object


def test_talks_with_y_held_and_attended():
    held = parse("""
        0 Velmora PROPN NNP 1 nsubj
        1 held    VERB  VBD 1 ROOT  hold
        2 talks   NOUN  NNS 1 dobj  talk
        3 with    ADP   IN  2 prep
        4 Kestrel PROPN NNP 3 pobj
        5 .       PUNCT .   1 punct
    """)
    assert role(held, "talks", "with") == ["Kestrel"]
    assert role(held, "talks", "agent") == ["Velmora"]
    assert role(held, "talks", "gov.agent") == ["Velmora"]
    spoke = parse("""
        0 Ivanova PROPN NNP 1 nsubj
        1 spoke   VERB  VBD 1 ROOT  speak
        2 at      ADP   IN  1 prep
        3 the     DET   DT  4 det
        4 talks   NOUN  NNS 2 pobj  talk
        5 with    ADP   IN  4 prep
        6 Kestrel PROPN NNP 5 pobj
        7 .       PUNCT .   1 punct
    """)
    assert role(spoke, "talks", "agent") == ["Ivanova"]
    assert role(spoke, "talks", "gov") == ["spoke"]
    assert role(spoke, "talks", "with") == ["Kestrel"]


def test_preposition_of_the_verb_governing_an_object_noun():
    doc = parse("""
        0 Velmora   PROPN NNP 1 nsubj
        1 signed    VERB  VBD 1 ROOT  sign
        2 an        DET   DT  3 det
        3 agreement NOUN  NN  1 dobj
        4 with      ADP   IN  1 prep
        5 Kestrel   PROPN NNP 4 pobj
        6 .         PUNCT .   1 punct
    """)
    assert role(doc, "agreement", "with") == ["Kestrel"]
    assert role(doc, "agreement", "agent") == ["Velmora"]


def test_prepositions_on_the_verbs_object():
    doc = parse("""
        0 Velmora   PROPN NNP 1 nsubj
        1 supplies  VERB  VBZ 1 ROOT  supply
        2 carmakers NOUN  NNS 1 dobj  carmaker
        3 such      ADJ   JJ  4 amod
        4 as        ADP   IN  2 prep
        5 Tornvik   PROPN NNP 4 pobj
        6 .         PUNCT .   1 punct
    """)
    assert role(doc, "carmakers", "such as") == ["Tornvik"]
    assert role(doc, "carmakers", "as") == []  # the two words are one preposition
    assert role(doc, "supplies", "such as") == ["Tornvik"]
    # "Velmora makes parts for Tornvik", "for" hung on the object: the verb's too
    doc = parse("""
        0 Velmora PROPN NNP 1 nsubj
        1 makes   VERB  VBZ 1 ROOT make
        2 parts   NOUN  NNS 1 dobj part
        3 for     ADP   IN  2 prep
        4 Tornvik PROPN NNP 3 pobj
        5 .       PUNCT .   1 punct
    """)
    assert role(doc, "makes", "for") == ["Tornvik"]
    assert role(doc, "parts", "for") == ["Tornvik"]


def test_together_with():
    doc = parse("""
        0 Velmora  PROPN NNP 5 nsubj
        1 ,        PUNCT ,   0 punct
        2 together ADV   RB  3 advmod
        3 with     ADP   IN  5 prep
        4 Kestrel  PROPN NNP 3 pobj
        5 built    VERB  VBD 5 ROOT  build
        6 a        DET   DT  7 det
        7 plant    NOUN  NN  5 dobj
        8 .        PUNCT .   5 punct
    """)
    assert role(doc, "built", "together with") == ["Kestrel"]
    assert role(doc, "built", "with") == []
    assert role(doc, "together", "head") == ["built"]  # the verb, not the preposition


# --------------------------------------------------------------------------------------- modifiers


def test_mod_and_premod_of_a_noun():
    doc = parse("""
        0 North      PROPN NNP 1 compound
        1 Ruritanian ADJ   JJ  3 amod
        2 steel      NOUN  NN  3 compound
        3 imports    NOUN  NNS 4 nsubj  import
        4 fell       VERB  VBD 4 ROOT   fall
        5 .          PUNCT .   4 punct
    """)
    assert role(doc, "imports", "mod") == ["Ruritanian", "steel"]
    assert role(doc, "imports", "premod") == ["North", "Ruritanian", "steel"]  # however deep
    assert role(doc, "Ruritanian", "head") == ["imports"]
    assert role(doc, "Ruritanian", "next") == ["steel"]
    assert role(doc, ".", "next") == []


def test_premod_of_136_tonne_dump_trucks():
    doc = parse(
        """
        0 Tornvik PROPN NNP 1 nsubj
        1 bought  VERB  VBD 1 ROOT   buy
        2 136     NUM   CD  4 nummod
        3 -       PUNCT HYPH 4 punct
        4 tonne   NOUN  NN  7 compound
        5 Velaz   PROPN NNP 7 compound
        6 dump    NOUN  NN  7 compound
        7 trucks  NOUN  NNS 1 dobj   truck
        8 .       PUNCT .   1 punct
    """,
        joined=(2, 3),
    )
    assert role(doc, "trucks", "premod") == ["tonne", "Velaz", "dump"]
    assert role(doc, "trucks", "poss") == []


def test_dotted_role_agent_of_poss():
    doc = parse("""
        0 Half     NOUN  NN  4 nsubj
        1 of       ADP   IN  0 prep
        2 our      PRON  PRP$ 3 poss
        3 tractors NOUN  NNS 1 pobj  tractor
        4 come     VERB  VBP 4 ROOT
        5 from     ADP   IN  4 prep
        6 Velmora  PROPN NNP 5 pobj
        7 .        PUNCT .   4 punct
    """)
    assert role(doc, "come", "agent") == ["Half"]
    assert role(doc, "come", "agent.of") == ["tractors"]
    assert role(doc, "come", "agent.of.poss") == ["our"]
    assert role(doc, "come", "from") == ["Velmora"]
    assert role(doc, "come", "from.poss") == []  # an empty step ends the chain


# -------------------------------------------------------------------------------------- descriptors


def test_apposition_descriptor_name_first_and_second():
    doc = parse("""
        0 Korvex    PROPN NNP 7 nsubj
        1 ,         PUNCT ,   0 punct
        2 Ruritania PROPN NNP 5 poss
        3 's        PART  POS 2 case
        4 largest   ADJ   JJS 5 amod large
        5 maker     NOUN  NN  0 appos
        6 ,         PUNCT ,   0 punct
        7 supplies  VERB  VBZ 7 ROOT supply
        8 Tornvik   PROPN NNP 7 dobj
        9 .         PUNCT .   7 punct
    """)
    assert described(tok(doc, "maker")).text == "Korvex"
    assert role(doc, "maker", "described") == ["Korvex"]
    assert role(doc, "maker", "poss") == ["Ruritania"]
    # the name second: "Ruritania's largest maker, Korvex, grew"
    doc = parse("""
        0 Ruritania PROPN NNP 3 poss
        1 's        PART  POS 0 case
        2 largest   ADJ   JJS 3 amod large
        3 maker     NOUN  NN  7 nsubj
        4 ,         PUNCT ,   3 punct
        5 Korvex    PROPN NNP 3 appos
        6 ,         PUNCT ,   3 punct
        7 grew      VERB  VBD 7 ROOT grow
        8 .         PUNCT .   7 punct
    """)
    assert role(doc, "maker", "described") == ["Korvex"]


def test_compound_descriptor_and_title_before_a_name():
    doc = parse("""
        0 The      DET   DT  3 det
        1 elevator NOUN  NN  2 compound
        2 maker    NOUN  NN  3 compound
        3 Hoistra  PROPN NNP 4 nsubj
        4 supplies VERB  VBZ 4 ROOT supply
        5 Tornvik  PROPN NNP 4 dobj
        6 .        PUNCT .   4 punct
    """)
    assert role(doc, "maker", "described") == ["Hoistra"]
    assert role(doc, "maker", "head") == ["Hoistra"]
    # a title: "President Varga visited Tornvik"
    doc = parse("""
        0 President PROPN NNP 1 compound
        1 Varga     PROPN NNP 2 nsubj
        2 visited   VERB  VBD 2 ROOT visit
        3 Tornvik   PROPN NNP 2 dobj
        4 .         PUNCT .   2 punct
    """)
    assert role(doc, "President", "described") == ["Varga"]


def test_attribute_descriptor_of_the_copulas_subject():
    doc = parse("""
        0 Vantor PROPN NNP 1 nsubj
        1 is     AUX   VBZ 1 ROOT be
        2 a      DET   DT  3 det
        3 maker  NOUN  NN  1 attr
        4 of     ADP   IN  3 prep
        5 chips  NOUN  NNS 4 pobj chip
        6 .      PUNCT .   1 punct
    """)
    assert role(doc, "maker", "described") == ["Vantor"]
    assert role(doc, "maker", "theme") == ["chips"]
    assert role(doc, "maker", "gov") == ["is"]
    assert role(doc, "maker", "agent") == ["Vantor"]
    assert role(parse(ACTIVE), "engines", "described") == []  # a plain object describes nothing


def test_subject_descriptor_of_the_predicate_name():
    doc = parse("""
        0 Its      PRON  PRP$ 2 poss
        1 largest  ADJ   JJS 2 amod large
        2 customer NOUN  NN  3 nsubj
        3 is       AUX   VBZ 3 ROOT be
        4 Kestrel  PROPN NNP 3 attr
        5 .        PUNCT .   3 punct
    """)
    assert role(doc, "customer", "described") == ["Kestrel"]


def test_one_of_the_largest_producers():
    doc = parse(ONE_OF)
    assert role(doc, "producers", "described") == ["Velmora"]
    assert role(doc, "producers", "theme") == ["potash"]
    assert role(doc, "producers", "poss") == ["Ruritania"]


ONE_OF = """
0  Velmora   PROPN NNP 12 nsubj
1  ,         PUNCT ,   0  punct
2  one       NUM   CD  0  appos
3  of        ADP   IN  2  prep
4  Ruritania PROPN NNP 7  poss
5  's        PART  POS 4  case
6  largest   ADJ   JJS 7  amod   large
7  producers NOUN  NNS 3  pobj   producer
8  of        ADP   IN  7  prep
9  potash    NOUN  NN  8  pobj
10 ,         PUNCT ,   0  punct
11 will      AUX   MD  12 aux
12 keep      VERB  VB  12 ROOT
13 the       DET   DT  14 det
14 stake     NOUN  NN  12 dobj
15 .         PUNCT .   12 punct
"""


def test_counts_y_among_its_customers():
    counts = parse("""
        0 Velmora   PROPN NNP 1 nsubj
        1 counts    VERB  VBZ 1 ROOT  count
        2 Kestrel   PROPN NNP 1 dobj
        3 among     ADP   IN  1 prep
        4 its       PRON  PRP$ 5 poss
        5 customers NOUN  NNS 3 pobj  customer
        6 .         PUNCT .   1 punct
    """)
    assert role(counts, "customers", "described") == ["Kestrel"]
    assert role(counts, "customers", "poss") == ["its"]
    among = parse("""
        0 Kestrel   PROPN NNP 1 nsubj
        1 is        AUX   VBZ 1 ROOT  be
        2 among     ADP   IN  1 prep
        3 Velmora   PROPN NNP 5 poss
        4 's        PART  POS 3 case
        5 customers NOUN  NNS 2 pobj  customer
        6 .         PUNCT .   1 punct
    """)
    assert role(among, "customers", "described") == ["Kestrel"]


def test_object_predicate_descriptor():
    doc = parse("""
        0 Velmora   PROPN NNP 1 nsubj
        1 calls     VERB  VBZ 1 ROOT  call
        2 Ruritania PROPN NNP 1 dobj
        3 its       PRON  PRP$ 5 poss
        4 key       ADJ   JJ  5 amod
        5 partner   NOUN  NN  1 oprd
        6 .         PUNCT .   1 punct
    """)
    assert role(doc, "partner", "described") == ["Ruritania"]


def test_as_noun_described_and_chooser():
    doc = parse("""
        0 Nimbus   PROPN NNP 1 nsubj
        1 picked   VERB  VBD 1 ROOT  pick
        2 Corvel   PROPN NNP 1 dobj
        3 as       ADP   IN  1 prep
        4 its      PRON  PRP$ 5 poss
        5 supplier NOUN  NN  3 pobj
        6 .        PUNCT .   1 punct
    """)
    assert role(doc, "supplier", "described") == ["Corvel"]
    assert role(doc, "supplier", "chooser") == ["Nimbus"]
    assert role(doc, "Corvel", "chooser") == []  # not an "as" noun
    # passive: "Corvel was chosen as supplier by Nimbus"
    doc = parse("""
        0 Corvel   PROPN NNP 2 nsubjpass
        1 was      AUX   VBD 2 auxpass be
        2 chosen   VERB  VBN 2 ROOT    choose
        3 as       ADP   IN  2 prep
        4 supplier NOUN  NN  3 pobj
        5 by       ADP   IN  2 agent
        6 Nimbus   PROPN NNP 5 pobj
        7 .        PUNCT .   2 punct
    """)
    assert role(doc, "supplier", "described") == ["Corvel"]
    assert role(doc, "supplier", "chooser") == ["Nimbus"]
    # "Velmora describes Ruritania as its partner"
    doc = parse("""
        0 Velmora   PROPN NNP 1 nsubj
        1 describes VERB  VBZ 1 ROOT  describe
        2 Ruritania PROPN NNP 1 dobj
        3 as        ADP   IN  1 prep
        4 its       PRON  PRP$ 5 poss
        5 partner   NOUN  NN  3 pobj
        6 .         PUNCT .   1 punct
    """)
    assert role(doc, "partner", "described") == ["Ruritania"]


# ------------------------------------------------------------------------------ governor, minority


def test_governor_through_preposition_and_not_through_a_noun():
    doc = parse("""
        0 Velmora  PROPN NNP 1 nsubj
        1 invested VERB  VBD 1 ROOT  invest
        2 in       ADP   IN  1 prep
        3 the      DET   DT  4 det
        4 owner    NOUN  NN  2 pobj
        5 of       ADP   IN  4 prep
        6 Kestrel  PROPN NNP 5 pobj
        7 .        PUNCT .   1 punct
    """)
    assert governor(tok(doc, "owner")).text == "invested"
    assert governor(tok(doc, "Kestrel")) is None  # the owner's, not the verb's
    assert governor(tok(doc, "invested")) is None
    assert role(doc, "Kestrel", "gov") == []
    assert role(doc, "owner", "self") == ["owner"]


OWNED = """
0 Kallio  PROPN NNP 4 nsubjpass
1 is      AUX   VBZ 4 auxpass  be
2 {share} NUM   CD  3 nummod
3 percent NOUN  NN  4 npadvmod
4 owned   VERB  VBN 4 ROOT     own
5 by      ADP   IN  4 agent
6 Velmora PROPN NNP 5 pobj
7 .       PUNCT .   4 punct
"""


def test_minority_share_main_and_relative_clause():
    doc = parse(OWNED.format(share="34"))
    assert role(doc, "owned", "minority") == ["percent"]
    assert role(doc, "owned", "agent") == ["Velmora"]
    assert role(doc, "owned", "theme") == ["Kallio"]
    assert role(parse(OWNED.format(share="51")), "owned", "minority") == []
    assert role(parse(OWNED.format(share="12,5")), "owned", "minority") == ["percent"]
    # in a relative clause: "Kallio, which is 34 percent owned by Velmora, grew"
    doc = parse("""
        0  Kallio  PROPN NNP 10 nsubj
        1  ,       PUNCT ,   0  punct
        2  which   PRON  WDT 6  nsubjpass
        3  is      AUX   VBZ 6  auxpass  be
        4  34      NUM   CD  5  nummod
        5  percent NOUN  NN  6  npadvmod
        6  owned   VERB  VBN 0  relcl    own
        7  by      ADP   IN  6  agent
        8  Velmora PROPN NNP 7  pobj
        9  ,       PUNCT ,   0  punct
        10 grew    VERB  VBD 10 ROOT     grow
        11 .       PUNCT .   10 punct
    """)
    assert role(doc, "owned", "minority") == ["percent"]
    assert role(doc, "owned", "agent") == ["Velmora"]
    assert role(doc, "owned", "theme") == ["Kallio"]


# ----------------------------------------------------------------------------------------- hyphens


HYPHENED = """
0 Ruritania PROPN NNP 2 compound
1 -         PUNCT HYPH 2 punct
2 Borduria  PROPN NNP 3 compound
3 projects  NOUN  NNS 4 nsubj  project
4 grew      VERB  VBD 4 ROOT   grow
5 .         PUNCT .   4 punct
"""


def test_hyphen_pair_of_two_names_only():
    doc = parse(HYPHENED, joined=(0, 1))
    assert texts(hyphen_pair(tok(doc, "projects"))) == ["Ruritania", "Borduria"]
    assert role(doc, "projects", "hyphen") == ["Ruritania", "Borduria"]
    spaced = parse(HYPHENED)  # "Ruritania - Borduria projects"
    assert hyphen_pair(tok(spaced, "projects")) == []
    common = parse(
        """
        0 oil   NOUN  NN   2 compound
        1 -     PUNCT HYPH 2 punct
        2 gas   NOUN  NN   3 compound
        3 deals NOUN  NNS  3 ROOT deal
    """,
        joined=(0, 1),
    )
    assert hyphen_pair(tok(common, "deals")) == []


def test_hyphen_word():
    doc = parse(
        """
        0 a       DET   DT   4 det
        1 battery NOUN  NN   4 compound
        2 start   NOUN  NN   4 compound
        3 -       PUNCT HYPH 4 punct
        4 up      NOUN  NN   5 nsubj up
        5 makes   VERB  VBZ  5 ROOT  make
        6 e       NOUN  NN   8 compound
        7 -       PUNCT HYPH 8 punct
        8 Bikes   NOUN  NNS  5 dobj  bike
        9 and     CCONJ CC   8 cc
        10 Mopeds NOUN  NNS  8 conj  moped
    """,
        joined=(2, 3, 6, 7),
    )
    assert hyphen_word(tok(doc, "up")) == "start-up"
    assert hyphen_word(tok(doc, "Bikes")) == "e-bikes"  # the word form, lower case
    assert hyphen_word(tok(doc, "Mopeds")) == "moped"  # no hyphen: the lemma, lower case
    assert hyphen_word(tok(doc, "start")) == "start"
    spaced = parse("""
        0 start PROPN NNP  2 compound
        1 -     PUNCT HYPH 2 punct
        2 up    NOUN  NN   2 ROOT
    """)
    assert hyphen_word(tok(spaced, "up")) == "up"  # "start - up": no hyphenated word


# ------------------------------------------------------------------------------------ Frame, cache


def test_frame_excludes_tokens_and_caches():
    doc = parse("""
        0 Director PROPN NNP 3 compound
        1 General  PROPN NNP 3 compound
        2 Sergei   PROPN NNP 3 compound
        3 Orlov    PROPN NNP 4 nsubj
        4 visited  VERB  VBD 4 ROOT visit
        5 Kestrel  PROPN NNP 4 dobj
        6 .        PUNCT .   4 punct
    """)
    orlov = tok(doc, "Orlov")
    assert texts(Frame(orlov).role("mod")) == ["Director", "General", "Sergei"]
    # the other words of a multi-word trigger ("Director General") fill no role
    assert texts(Frame(orlov, exclude=frozenset({0, 1})).role("mod")) == ["Sergei"]
    assert texts(Frame(orlov, exclude=frozenset({0, 1})).role("premod")) == ["Sergei"]
    director = tok(doc, "Director")
    cache: dict = {}
    first = role_tokens(director, "head", cache)
    assert texts(first) == ["Orlov"]
    assert cache == {(0, "head"): first}
    assert role_tokens(director, "head", cache) is first  # served from the cache


# ------------------------------------------------------------------------------------ coordination


def test_comma_before_and_closes_an_apposition():
    # "between Volta, a unit of Corbin, and Tessin": Tessin hung on Corbin, but joins Volta's list
    doc = parse(
        """
        0 between ADP   IN  0 ROOT
        1 Volta   PROPN NNP 0 pobj
        2 ,       PUNCT ,   1 punct
        3 a       DET   DT  4 det
        4 unit    NOUN  NN  1 appos
        5 of      ADP   IN  4 prep
        6 Corbin  PROPN NNP 5 pobj
        7 ,       PUNCT ,   6 punct
        8 and     CCONJ CC  6 cc
        9 Tessin  PROPN NNP 6 conj
    """,
        joined=(1, 6),
    )
    assert closes_apposition(tok(doc, "Corbin"), tok(doc, "Tessin"))
    # "a unit of Corbin and Tessin": no comma, the two own it
    plain = parse(
        """
        0 between ADP   IN  0 ROOT
        1 Volta   PROPN NNP 0 pobj
        2 ,       PUNCT ,   1 punct
        3 a       DET   DT  4 det
        4 unit    NOUN  NN  1 appos
        5 of      ADP   IN  4 prep
        6 Corbin  PROPN NNP 5 pobj
        7 and     CCONJ CC  6 cc
        8 Tessin  PROPN NNP 6 conj
    """,
        joined=(1,),
    )
    assert not closes_apposition(tok(plain, "Corbin"), tok(plain, "Tessin"))
    # "Volta bought Corbin, and Tessin followed": no apposition around
    clause = parse(
        """
        0 Volta   PROPN NNP 1 nsubj
        1 bought  VERB  VBD 1 ROOT buy
        2 Corbin  PROPN NNP 1 dobj
        3 ,       PUNCT ,   2 punct
        4 and     CCONJ CC  2 cc
        5 Tessin  PROPN NNP 2 conj
    """,
        joined=(2,),
    )
    assert not closes_apposition(tok(clause, "Corbin"), tok(clause, "Tessin"))
