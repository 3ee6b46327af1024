"""Unit tests of the parse repairs of kg/nlp.py on hand-built parses (no statistical model).

The parses are the misreadings ``en_core_web_sm`` gives (written out by hand, invented names), so that a
repair is tested on the tree it meets, not on whatever the model does today.
"""

from __future__ import annotations

from kg.nlp import _misread_reduced_relative, _noun_list, _transplant

from .docs import parse

OPENERS = frozenset({"such as", "including", "include"})

# "Norvik Electric offers products such as duct kits, cable glands, rack enclosures, console servers,
# switched PDUs and patch panels.": "rack" read as a verb taking "enclosures", "switched" as the root.
BROKEN_LIST = """
0 Norvik PROPN NNP 1 compound
1 Electric PROPN NNP 2 nsubj
2 offers VERB VBZ 20 ccomp offer
3 products NOUN NNS 2 dobj product
4 such ADJ JJ 5 amod
5 as ADP IN 3 prep
6 duct NOUN NN 7 compound
7 kits NOUN NNS 5 pobj kit
8 , PUNCT , 7 punct
9 cable NOUN NN 10 compound
10 glands NOUN NNS 7 conj gland
11 , PUNCT , 7 punct
12 rack VERB VB 2 conj
13 enclosures NOUN NNS 12 dobj enclosure
14 , PUNCT , 20 punct
15 console NOUN NN 16 compound
16 servers NOUN NNS 20 nsubj server
17 , PUNCT , 16 punct
18 switched VERB VBD 20 amod switch
19 PDUs NOUN NNS 20 dobj pdu
20 and CCONJ CC 20 ROOT
21 patch NOUN NN 22 compound
22 panels NOUN NNS 20 conj panel
23 . PUNCT . 20 punct
"""


def test_a_broken_list_after_such_as_is_found_with_its_members():
    doc = parse(BROKEN_LIST, joined=(7, 10, 13, 16, 22))
    found = _noun_list(doc[:], OPENERS)
    assert found == (5, [[6, 7], [9, 10], [12, 13], [15, 16], [18, 19], [21, 22]])


def test_the_repaired_list_hangs_every_member_on_the_first_and_the_clause_on_its_verb():
    doc = parse(BROKEN_LIST, joined=(7, 10, 13, 16, 22))
    opener, members = _noun_list(doc[:], OPENERS)
    fixed = _transplant(doc, {opener: ("list", opener, members)})
    kits = fixed[7]
    assert [t.text for t in kits.conjuncts] == ["glands", "enclosures", "servers", "PDUs", "panels"]
    assert kits.head.text == "as" and kits.dep_ == "pobj"
    assert fixed[2].dep_ == "ROOT" and fixed[23].head.i == 2  # "offers" governs the sentence again
    assert (fixed[12].pos_, fixed[12].dep_, fixed[12].head.i) == ("NOUN", "compound", 13)  # "rack enclosures"
    assert (fixed[18].dep_, fixed[18].head.i) == ("amod", 19)  # "switched PDUs"
    assert len(list(fixed.sents)) == 1


def test_a_list_the_parser_read_right_is_left_alone():
    doc = parse(
        """
        0 Norvik PROPN NNP 1 compound
        1 Electric PROPN NNP 2 nsubj
        2 sells VERB VBZ 2 ROOT sell
        3 pumps NOUN NNS 2 dobj pump
        4 including VERB VBG 3 prep include
        5 valves NOUN NNS 4 pobj valve
        6 , PUNCT , 5 punct
        7 hoses NOUN NNS 5 conj hose
        8 and CCONJ CC 7 cc
        9 seals NOUN NNS 7 conj seal
        10 . PUNCT . 2 punct
        """,
        joined=(5, 9),
    )
    assert _noun_list(doc[:], OPENERS) is None


def test_a_clause_after_the_opener_is_no_list():
    doc = parse(
        """
        0 suppliers NOUN NNS 5 nsubj supplier
        1 such ADJ JJ 2 amod
        2 as ADP IN 0 prep
        3 Gestamp PROPN NNP 2 pobj
        4 and CCONJ CC 3 cc
        5 Antolin PROPN NNP 6 nsubj
        6 provide VERB VBP 6 ROOT
        7 body NOUN NN 8 compound
        8 parts NOUN NNS 6 dobj part
        9 and CCONJ CC 8 cc
        10 interiors NOUN NNS 8 conj interior
        11 . PUNCT . 6 punct
        """,
        joined=(10,),
    )
    assert _noun_list(doc[:], OPENERS) is None


# "Tarsa Chemicals, owned by Orlen, makes solvents.": the participle read as the past-tense root, the noun its
# subject and the true verb its conjunct.
REDUCED_RELATIVE = """
0 Tarsa PROPN NNP 1 compound
1 Chemicals PROPN NNPS 3 nsubj
2 , PUNCT , 1 punct
3 owned VERB VBD 3 ROOT own
4 by ADP IN 3 agent
5 Orlen PROPN NNP 4 pobj
6 , PUNCT , 3 punct
7 makes VERB VBZ 3 conj make
8 solvents NOUN NNS 7 dobj solvent
9 . PUNCT . 3 punct
"""


def test_a_participle_read_as_the_verb_becomes_the_noun_s_modifier():
    doc = parse(REDUCED_RELATIVE, joined=(1, 5, 8))
    assert _misread_reduced_relative(doc[3]) == (doc[1], doc[7])
    fixed = _transplant(doc, {3: ("reduced", [3])})
    assert (fixed[7].dep_, fixed[1].head.i, fixed[1].dep_) == ("ROOT", 7, "nsubj")
    assert (fixed[3].head.i, fixed[3].dep_, fixed[3].tag_) == (1, "acl", "VBN")
    assert fixed[9].head.i == 7 and fixed[4].head.i == 3  # the full stop on the verb, the agent on the participle
    assert len(list(fixed.sents)) == 1


def test_an_active_past_tense_verb_is_left_alone():
    clause = parse(
        """
        0 Orlen PROPN NNP 1 nsubj
        1 bought VERB VBD 1 ROOT buy
        2 Tarsa PROPN NNP 1 dobj
        3 , PUNCT , 1 punct
        4 and CCONJ CC 1 cc
        5 Sinopec PROPN NNP 6 nsubj
        6 sold VERB VBD 1 conj sell
        7 it PRON PRP 6 dobj
        8 . PUNCT . 1 punct
        """,
        joined=(2, 7),
    )
    assert _misread_reduced_relative(clause[1]) is None  # no "by" agent: an active verb
    doc = parse(REDUCED_RELATIVE.replace("2 , PUNCT , 1 punct", "2 , PUNCT , 3 punct"), joined=(1, 5, 8))
    assert _misread_reduced_relative(doc[3]) == (doc[1], doc[7])  # the comma may hang on either


def test_a_list_under_a_reporting_verb_keeps_one_root():
    # "Analysts say Norvik offers products such as kits, glands, switched PDUs and panels.": "offers" read as
    # hung on the misread "switched", which hangs on the true root "say".
    doc = parse(
        """
        0 Analysts NOUN NNS 1 nsubj analyst
        1 say VERB VBP 1 ROOT
        2 Norvik PROPN NNP 3 nsubj
        3 offers VERB VBZ 12 ccomp offer
        4 products NOUN NNS 3 dobj product
        5 such ADJ JJ 6 amod
        6 as ADP IN 4 prep
        7 kits NOUN NNS 6 pobj kit
        8 , PUNCT , 7 punct
        9 glands NOUN NNS 7 conj gland
        10 , PUNCT , 7 punct
        11 switched VERB VBD 1 ccomp switch
        12 PDUs NOUN NNS 11 dobj pdu
        13 and CCONJ CC 12 cc
        14 panels NOUN NNS 12 conj panel
        15 . PUNCT . 1 punct
        """,
        joined=(7, 9, 14),
    )
    opener, members = _noun_list(doc[:], OPENERS)
    fixed = _transplant(doc, {opener: ("list", opener, members)})
    assert len(list(fixed.sents)) == 1
    assert fixed[3].head.i == 1 and fixed[1].dep_ == "ROOT"  # "offers" hangs on "say", the one root
    assert [t.text for t in fixed[7].conjuncts] == ["glands", "PDUs", "panels"]


# "Some of the key players in the TPMS market are Harwell Sensors, Inc., Dorvane, Kestrel Pty Ltd., Tamsin Holdings
# and Orvik AG.": the legal suffix after a comma read as a member of its own.
SUFFIX_LIST = """
0 Some PRON DT 9 nsubj some
1 of ADP IN 0 prep
2 the DET DT 4 det
3 key ADJ JJ 4 amod
4 players NOUN NNS 1 pobj player
5 in ADP IN 4 prep
6 the DET DT 8 det
7 TPMS ADJ JJ 8 amod tpms
8 market NOUN NN 5 pobj
9 are AUX VBP 9 ROOT be
10 Harwell PROPN NNP 11 compound
11 Sensors PROPN NNP 9 attr
12 , PUNCT , 11 punct
13 Inc. PROPN NNP 11 conj
14 , PUNCT , 13 punct
15 Dorvane PROPN NNP 13 conj
16 , PUNCT , 15 punct
17 Kestrel PROPN NNP 19 compound
18 Pty PROPN NNP 19 compound
19 Ltd. PROPN NNP 15 conj
20 , PUNCT , 19 punct
21 Tamsin PROPN NNP 22 compound
22 Holdings PROPN NNPS 19 conj
23 and CCONJ CC 22 cc
24 Orvik PROPN NNP 25 compound
25 AG PROPN NNP 22 conj
26 . PUNCT . 9 punct
"""
LEGAL = frozenset({"inc", "ltd", "pty", "ag"})


def test_a_legal_suffix_after_a_comma_ends_the_member_before_it_in_a_list_after_a_plural_copula():
    doc = parse(SUFFIX_LIST, joined=(11, 13, 15, 19, 25))
    opener, members = _noun_list(doc[:], OPENERS, LEGAL)
    assert opener == 9
    assert members == [[10, 11, 12, 13], [15], [17, 18, 19], [21, 22], [24, 25]]
    fixed = _transplant(doc, {opener: ("list", opener, members)})
    assert (fixed[11].dep_, fixed[11].head.i) == ("attr", 9)  # "Harwell Sensors, Inc." the predicate
    assert [t.text for t in fixed[11].conjuncts] == ["Dorvane", "Ltd.", "Holdings", "AG"]
    assert [(fixed[i].dep_, fixed[i].head.i) for i in (12, 13)] == [("punct", 11), ("appos", 11)]
    assert [(fixed[i].dep_, fixed[i].head.i) for i in (14, 16, 23)] == [("punct", 11), ("punct", 15), ("cc", 22)]


def test_without_the_legal_suffixes_the_suffix_is_a_member_and_the_list_stands():
    doc = parse(SUFFIX_LIST, joined=(11, 13, 15, 19, 25))
    assert _noun_list(doc[:], OPENERS) is None  # read right: every member a conjunct of the first


def test_a_singular_subject_s_copula_opens_no_list():
    doc = parse(
        """
        0 The DET DT 1 det
        1 leader NOUN NN 2 nsubj
        2 is AUX VBZ 2 ROOT be
        3 Harwell PROPN NNP 4 compound
        4 Sensors PROPN NNP 2 attr
        5 , PUNCT , 4 punct
        6 Dorvane PROPN NNP 4 conj
        7 , PUNCT , 6 punct
        8 Kestrel PROPN NNP 6 appos
        9 and CCONJ CC 8 cc
        10 Orvik PROPN NNP 8 conj
        11 . PUNCT . 2 punct
        """,
        joined=(4, 6, 10),
    )
    assert _noun_list(doc[:], OPENERS, LEGAL) is None


def test_a_lower_case_word_after_a_comma_is_no_legal_suffix():
    # "... Harwell Sensors, inc., Dorvane ...": "inc." as a noun of running text would be ("spa", "limited")
    doc = parse(SUFFIX_LIST.replace("13 Inc. PROPN NNP", "13 inc. NOUN NN"), joined=(11, 13, 15, 19, 25))
    assert _noun_list(doc[:], OPENERS, LEGAL) is None  # no comma inside a name: every member a conjunct, read right


# "Key players are Harwell Sensor Systems International, Inc., Dorvane and Orvik AG.": a four-word name and its
# suffix, the suffix read as the predicate.
LONG_NAME_LIST = """
0 Key ADJ JJ 1 amod key
1 players NOUN NNS 2 nsubj player
2 are AUX VBP 2 ROOT be
3 Harwell PROPN NNP 8 compound
4 Sensor PROPN NNP 8 compound
5 Systems PROPN NNPS 8 compound
6 International PROPN NNP 8 nmod
7 , PUNCT , 8 punct
8 Inc. PROPN NNP 2 attr
9 , PUNCT , 8 punct
10 Dorvane PROPN NNP 8 conj
11 and CCONJ CC 10 cc
12 Orvik PROPN NNP 13 compound
13 AG PROPN NNP 10 conj
14 . PUNCT . 2 punct
"""


def test_a_member_s_words_are_counted_to_its_head_not_to_its_legal_suffix():
    doc = parse(LONG_NAME_LIST, joined=(6, 8, 13))
    opener, members = _noun_list(doc[:], OPENERS, LEGAL)
    assert opener == 2 and members == [[3, 4, 5, 6, 7, 8], [10], [12, 13]]
    fixed = _transplant(doc, {opener: ("list", opener, members)})
    assert (fixed[6].dep_, fixed[6].head.i) == ("attr", 2)
    assert [t.text for t in fixed[6].conjuncts] == ["Dorvane", "AG"]


# "One of the vendors is Harwell, Dorvane, Kestrel and Orvik.", the names parsed as appositions.
ONE_OF = """
0 One NUM CD 4 nsubj one
1 of ADP IN 0 prep
2 the DET DT 3 det
3 vendors NOUN NNS 1 pobj vendor
4 is AUX VBZ 4 ROOT be
5 Harwell PROPN NNP 4 attr
6 , PUNCT , 5 punct
7 Dorvane PROPN NNP 5 appos
8 , PUNCT , 7 punct
9 Kestrel PROPN NNP 7 appos
10 and CCONJ CC 9 cc
11 Orvik PROPN NNP 9 conj
12 . PUNCT . 4 punct
"""


def test_a_singular_copula_after_one_of_a_plural_opens_no_list():
    assert _noun_list(parse(ONE_OF, joined=(5, 7, 11))[:], OPENERS) is None
    plural = ONE_OF.replace("0 One NUM CD", "0 Some PRON DT").replace("4 is AUX VBZ", "4 are AUX VBP")
    opener, members = _noun_list(parse(plural, joined=(5, 7, 11))[:], OPENERS)
    assert opener == 4 and members == [[5], [7], [9], [11]]
