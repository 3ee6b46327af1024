"""Grammatical frames: who does what to whom around a trigger word, whatever the sentence shape.

A rule names *roles*, not dependency paths. This module finds the tokens that
fill each role for a trigger token, undoing the surface variation of English:

- voice: the logical ``agent`` is the ``by`` phrase of a passive verb and the
  subject of an active one; the ``theme`` is the passive subject or the object;
- relative clauses and participles: in "plants that supply X" and "components
  supplied by Bosch" the agent (or theme) is the noun the clause modifies;
- control and coordination: "X is ready to launch", "X plans to build",
  "X restarted production and supplies" take the agent of the governing verb;
- nominalisations: "deliveries of X to Y", "X's supplies", "Russian gas
  deliveries", "cooperation between X and Y", "talks with Y" (the agent of the
  verb governing the noun: "held talks with", "said at the talks with");
- descriptors: the entity a noun is said of ("KAMAZ, Russia's largest truck
  maker"; "the elevator maker Liftmash"; "Integral is a maker of chips";
  "describes China as its partner").

Roles:

``agent``, ``theme``, ``dative``
    logical subject, object and indirect object; for a noun trigger the agent
    is its possessor or the governing verb's agent, the theme its ``of`` object.
``<prep>``
    objects of that preposition on the trigger (or, for a noun that is the
    verb's subject or object, on the governing verb): ``to``, ``for``,
    ``from``, ``with``, ``between``, ``such as``, ``according to``...
``poss``, ``mod``, ``premod``
    a noun trigger's possessor; its modifiers (compound, amod, nmod); every
    modifier before it, however deep ("BelAZ" in "136-tonne BelAZ dump trucks").
``described``
    the entity a descriptor noun is said of.
``apposed``
    the names apposed to a noun trigger after it ("Park Soo-min, CEO, *Seorim Steel*").
``of_head``
    the noun an ``of`` phrase belongs to, for its object ("a *maker* of camera modules based in Suwon":
    ``head.of_head`` of "based").
``self``, ``head``, ``gov``, ``next``, ``acl``
    the trigger itself; the word the trigger modifies; the verb governing a noun
    trigger; the word after the trigger; the clause modifying a noun ("a
    contract *to supply* engines").
``minority``, ``majority``
    the share attached to an ownership word when it is below half ("34 percent owned by"), or above it
    ("a majority stake in", "a 51 percent stake", "took control of").
``salient_company``, ``salient_country``, ``main_country``, ``narrator``, ``reported_company`` (resolved)
    the firm, or the country, the article is about (``main_country``: that country only when no firm is
    named more often); the firm a first-person text speaks for, where the trigger has no party of its own
    ("Major customers include X"); the firm whose news a titled speaker reports.
``chooser``
    the agent of the verb that makes an ``as`` noun what it is ("*Nimbus*
    picked Corvel as its supplier", "Corvel was chosen as supplier by *Nimbus*").
``hyphen``
    two names joined by a hyphen in front of the trigger ("Belarus-Russia projects").
``comma``
    the name set off by a comma right after the trigger's name ("Round Rock, Texas";
    "Minato, Tokyo, Japan": ``comma.comma`` is "Japan").

Any role can be followed by more roles, separated by dots: ``agent.of.poss``
is "our" in "Half of our tractors come from ...".
"""

from __future__ import annotations

__all__ = [
    "Frame",
    "agents",
    "themes",
    "described",
    "closes_apposition",
    "apposed_to",
    "hung_as_clause",
    "is_passive",
    "governor",
    "role_tokens",
    "hyphen_pair",
    "hyphen_word",
    "comma_name",
    "ROLES",
    "PREPOSITIONS",
    "RESOLVED_ROLES",
    "unknown_role_part",
    "with_share",
    "lists_members",
    "percent_value",
]

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")
RELATIVE_PRONOUNS = {"which", "that", "who", "whom", "whose"}
REFLEXIVES = {"itself", "themselves", "ourselves", "myself", "himself", "herself", "yourself", "yourselves"}
CONTROL_DEPS = ("xcomp", "acomp", "pcomp", "advcl", "conj", "ccomp", "oprd", "relcl", "acl")
MODIFIER_DEPS = ("compound", "amod", "nmod", "npadvmod")


def hyphen_word(token) -> str:
    """The whole hyphenated word a token ends ("start-up", "e-bike"), lower case; else the token's lemma.

    >>> import spacy
    >>> doc = spacy.blank("en")("a battery start-up")
    >>> hyphen_word(doc[4])
    'start-up'
    """
    doc = token.doc
    i = token.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        return f"{doc[i - 2].lower_}-{token.lower_}"
    return token.lemma_.lower()


def is_passive(verb) -> bool:
    """A passive clause, or a reduced one: "the engines supplied to MAZ by ..." (a past participle
    modifying a noun)."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        # but "an agreement that X and Y signed" has a subject of its own: active
        return not any(c.dep_ == "nsubj" for c in verb.children)
    if _copular_participle(verb):
        return True
    if any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in verb.children):
        return True
    # "Engines are made by X and supplied to Y by Z": a participle sharing a passive verb's auxiliary
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and verb.head != verb
        and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)
        and is_passive(verb.head)
    )


def _relative_antecedent(clause):
    """What a relative clause whose subject is its pronoun is said of: the noun it hangs on, or, where the parser
    hung it on a place ending the phrase before ("OGMA, the Portuguese aerostructures company in Alverca do
    Ribatejo, which builds fuselage sections", "a recycler based in Cleveland, Ohio, which ships scrap"), the
    noun that phrase places, when the clause's verb is one a place does not do (no copula)."""
    head = clause.head
    if clause.lemma_ in _COPULAS or not head.ent_type_ or clause.pos_ != "VERB":
        return head
    place = head
    while place.dep_ in ("appos", "conj", "compound") and place.head.ent_type_ and place.head != place:
        place = place.head  # "Cleveland, Ohio": the first place of the pair
    prep = place.head
    if place.dep_ != "pobj" or prep.lower_ not in ("in", "at", "near"):
        return head
    noun = prep.head
    if noun.pos_ == "VERB" and noun.dep_ == "acl":
        noun = noun.head  # "a recycler based in Cleveland"
    if noun.pos_ == "NOUN" and noun.dep_ in ("attr", "appos"):
        noun = described(noun) or noun  # "X is a company based in Taipei, Taiwan, which manufactures": X
    return noun if noun.pos_ in ("NOUN", "PROPN") else head


def _copular_participle(verb) -> bool:
    """ "X is majority-owned by Y", "X is 35% owned by Y": the small model reads the participle as the
    copula's complement (acomp) instead of a passive; its "by" marks it passive all the same."""
    return (
        verb.dep_ == "acomp"
        and verb.tag_ == "VBN"
        and verb.head.lemma_ == "be"
        and any(c.dep_ == "agent" for c in verb.children)
    )


def _own_subjects(verb):
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]


def _by_agent(verb):
    """The objects of a passive verb's "by", and of a second "by" coordinated with it ("backed by X and by Y")."""
    bys = [c for c in verb.children if c.dep_ == "agent"]
    bys += [c for b in bys for c in b.children if c.dep_ == "conj" and c.lower_ == "by"]
    return [g for c in bys for g in c.children if g.dep_ == "pobj"]


def agents(verb, depth: int = 0):
    """The logical subjects of a verb (or adjective), following the clause up where it has none.

    Relative pronouns are replaced by the noun the clause modifies.
    """
    if depth > 6:
        return []
    if is_passive(verb):
        found = _by_agent(verb)
        if found:
            return found
        if verb.dep_ == "acl" or (verb.dep_ == "relcl" and not _own_subjects(verb)):
            return []
        # a passive without "by" has no agent of its own: its subject is the theme
        subjects = []
    else:
        subjects = [s for s in _own_subjects(verb) if s.dep_ != "nsubjpass"]
    out = []
    for subject in subjects:
        if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            out.append(_relative_antecedent(verb))
        elif subject.lower_ in ("there", "it") and subject.dep_ == "expl":
            continue
        else:
            out.append(subject)
    if out:
        return out
    if subjects or is_passive(verb):
        return []
    dep = verb.dep_
    head = verb.head
    if head == verb:
        return []
    if dep == "relcl":
        # "companies that make X": the pronoun is missing or parsed as the object
        return [head] if verb.tag_ != "VBN" else []
    if dep == "acl":
        # "companies making plastic parts" (the noun acts); "components supplied by" has no subject
        if verb.tag_ == "VBG":
            return [head]
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            # "has no plans to supply", "an agreement to set up": the agent of the noun's verb
            gov = governor(head)
            return agents(gov, depth + 1) if gov is not None else []
        return []
    if dep in ("xcomp", "acomp", "pcomp", "conj", "advcl", "ccomp", "oprd"):
        if dep in ("advcl", "ccomp") and verb.tag_ not in ("VBG", "VBN", "VB"):
            return []
        if dep == "xcomp" and is_passive(head) and not _by_agent(head):
            # "X is set to supply", "X is expected to build": the raised subject acts
            return [c for c in head.children if c.dep_ == "nsubjpass"]
        if dep == "pcomp":
            # "the intention of localising", "by building": up through the preposition to its head
            prep = head
            target = prep.head if prep.head != prep else prep
            if target.pos_ in ("NOUN", "PROPN"):
                gov = governor(target)
                return agents(gov, depth + 1) if gov is not None else []
            return agents(target, depth + 1)
        if head.pos_ in ("NOUN", "PROPN") and dep == "conj":
            return []
        if head.pos_ in ("NOUN", "PROPN"):
            # "an agreement to set up": the agent of the noun's governor
            gov = governor(head)
            return agents(gov, depth + 1) if gov is not None else []
        return agents(head, depth + 1)
    return []


def themes(verb):
    """The logical objects of a verb: the passive subject or the direct object."""
    if is_passive(verb):
        found = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if found:
            return [verb.head if (t.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl") else t for t in found]
        if verb.dep_ == "acl" and _share(verb) is not None and verb.head.dep_ == "attr":
            copula = verb.head.head  # "Kallio, which is 34 percent owned by X": what the copula is said of
            return agents(copula) or []
        if verb.dep_ == "acl" and (share := _share(verb)) is not None and share[0] == verb.head:
            apposed = _apposed_share(verb.head)
            if apposed is not None:
                return [apposed]  # "Vale Indonesia, 33.9 percent owned by Vale SA": the firm the share is of
        if verb.dep_ in ("acl", "relcl"):
            head = verb.head
            if head.dep_ == "attr" and head.head.lemma_ == "be":
                # "The Corolla is a compact car made by Toyota": the kind, and the name it is said of
                return [head, *(c for c in head.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN")]
            return [head]  # "components supplied by Bosch"
        if verb.dep_ == "conj":
            return themes(verb.head)
        if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
            return agents(verb.head)  # "VMI agreed to be acquired by Liberty Global": who agreed is acquired
        if _copular_participle(verb):
            return agents(verb.head)  # what the copula is said of
        return []
    found = [c for c in verb.children if c.dep_ == "dobj"] or _gerund_objects(verb)
    found = [n for t in found for n in (_under_reflexive(t) if t.lower_ in REFLEXIVES else [t])]
    if found:
        # "an agreement that X and Y signed" (the clause may come out as acl or relcl)
        return [verb.head if (t.lower_ in RELATIVE_PRONOUNS and verb.dep_ in ("relcl", "acl")) else t for t in found]
    if any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        # "manufacturing up to a thousand components": the parser reads "up" as a particle and
        # "to a thousand components" as a prepositional phrase; the object is that quantity's noun
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "to":
                objects = [
                    o
                    for o in prep.children
                    if o.dep_ == "pobj" and any(c.dep_ in ("nummod", "quantmod") for c in o.children)
                ]
                if objects:
                    return objects
    if verb.dep_ == "relcl" and any(s.lower_ not in RELATIVE_PRONOUNS for s in _own_subjects(verb)):
        return [verb.head]  # "projects that Belarus is carrying out": the object is the modified noun
    for clause in verb.children:
        # "will assemble combine harvesters": a name read as a verb and its object; the name's head is the object
        if clause.dep_ == "xcomp" and clause.ent_iob_ == "B" and not any(c.dep_ == "aux" for c in clause.children):
            inside = [c for c in clause.children if c.dep_ == "dobj" and c.ent_iob_ == "I"]
            if inside:
                return inside
    for conj in verb.children:
        # "designs, manufactures and sells pumps": verbs in a series with one subject share the last one's object
        if (
            conj.dep_ == "conj"
            and conj.pos_ == "VERB"
            and conj.i > verb.i
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)
            and not is_passive(conj)
        ):
            return themes(conj)
    return []


_SHARE_ADVERBS = {"half": 50.0, "partly": 25.0, "partially": 25.0, "jointly": 50.0}  # the share an adverb says
_PERCENT_WORDS = ("percent", "%", "pct")  # the words a share is counted in


def _apposed_share(share):
    """The name a share phrase set off by commas follows ("Vale Indonesia, 33.9 percent owned by Vale SA, ..."),
    however the parser hung the phrase (in apposition to the name, or on the sentence's verb), or None."""
    if share.dep_ == "appos" and share.head.pos_ == "PROPN":
        return share.head
    comma = share.left_edge.i - 1
    if comma < 1 or share.doc[comma].text != ",":
        return None
    name = share.doc[comma - 1]
    while name.dep_ in ("compound", "flat") and name.head.i > name.i:
        name = name.head
    return name if name.pos_ == "PROPN" and name.dep_ in ("nsubj", "nsubjpass") else None


def _share(verb):
    """The percentage token attached to an ownership verb and its value: "is 34 percent owned by" (the
    percentage as the verb's modifier, or as the noun the participle hangs on); None if there is none."""
    candidates = [c for c in verb.children if c.dep_ in ("npadvmod", "advmod", "dobj")]
    if verb.dep_ == "acl":
        candidates.append(verb.head)
    if verb.dep_ == "amod":  # "a 26 percent Tata-owned firm": the percentage hangs on the noun
        candidates += [
            c for c in verb.head.children if c.dep_ in ("nmod", "npadvmod", "compound", "amod") and c.i < verb.i
        ]
    for token in candidates:
        if token.dep_ == "advmod" and token.lower_ in _SHARE_ADVERBS:  # "half-owned by", "partly owned by"
            return token, _SHARE_ADVERBS[token.lower_]
        if token.lemma_.lower() in _PERCENT_WORDS and (value := percent_value(token)) is not None:
            return token, value
        if _even_split(token):
            return token, 50.0
    return None


def _even_split(token) -> bool:
    """ "owned 50-50 by X and Y", "50/50": two equal halves (the tokenizer parts "50-50", not "50/50")."""
    doc = token.doc
    if token.text in ("50/50", "50:50"):
        return True
    return (
        token.text == "50" and token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and doc[token.i + 2].text == "50"
    )


def percent_value(share) -> float | None:
    """The number a share word is counted with ("34 percent" -> 34.0, "16,5 %" -> 16.5), or None."""
    for number in share.children:
        if number.dep_ == "nummod" and number.like_num:
            try:
                return float(number.text.replace(",", "."))
            except ValueError:
                return None
    return None


def _under_reflexive(pronoun):
    """ "manufacture KLP-204 ourselves" comes out with the name as a compound of "ourselves": the name is the
    object; an emphatic "ourselves" alone is none."""
    return [c for c in pronoun.children if c.dep_ in ("compound", "nmod", "amod") and c.pos_ in ("PROPN", "NOUN")]


def governor(noun):
    """The verb (or adjective) a noun is an argument of, through prepositions and coordination."""
    token = noun
    for _ in range(4):
        dep = token.dep_
        head = token.head
        if head == token:
            return None
        if dep in ("dobj", "nsubj", "nsubjpass", "attr", "dative", "oprd", "npadvmod"):
            return head if head.pos_ in ("VERB", "AUX", "ADJ") else None
        if dep == "pobj":
            prep = head
            if prep.head == prep:
                return None
            if prep.head.pos_ in ("VERB", "AUX", "ADJ"):
                return prep.head
            return None
        if dep == "conj":
            token = head
            continue
        return None
    return None


def _preps(token):
    """Preposition name -> objects, for the prepositions attached to a token."""
    out: dict[str, list] = {}
    for child in token.children:
        if child.dep_ not in ("prep", "agent", "dative") or child.pos_ not in ("ADP", "SCONJ", "ADV", "VERB"):
            continue
        name = child.lower_ if child.dep_ != "agent" else "by"
        if name == "according":
            continue  # "according to X" names the source, not a participant
        grand = list(child.children)  # read once: the tests below each go over them
        lead = [c for c in grand if c.dep_ in ("advmod", "amod") and c.i == child.i - 1]
        if lead and not lead[0].lower_.endswith("ly"):
            # "such as", "together with" (but "mainly to Germany", "partly from China" are "to" and "from")
            name = f"{lead[0].lower_} {name}"
        objects = _misread_gerund([c for c in grand if c.dep_ in ("pobj", "pcomp")])
        inner = [c for c in grand if c.dep_ == "prep" and c.i == child.i + 1]
        if inner:  # "according to", "out of", "because of"
            name = f"{name} {inner[0].lower_}"
            objects = [c for c in inner[0].children if c.dep_ in ("pobj", "pcomp")]
        if (
            child.i > 0
            and child.doc[child.i - 1].dep_ == "advmod"
            and child.doc[child.i - 1].lower_ == "together"
            and not name.startswith("together")
        ):
            name = f"together {name}"
        for again in (c for c in grand if c.dep_ == "conj" and c.lower_ == child.lower_):
            # "for Zielony Koszyk and for Lodowa Gora", "by Bpifrance and by Halvorsen"
            objects += [c for c in again.children if c.dep_ in ("pobj", "pcomp")]
        if objects:
            out.setdefault(name, []).extend(objects)
    return out


def _misread_gerund(objects):
    """ "a subsidiary of the state holding Qazaq Damu": the small model reads the noun "holding" as a gerund
    (pcomp) right after the preposition's object, with the name as its direct object; the name is the
    preposition's object then, in place of the gerund (and of the noun before it)."""
    out = []
    for token in objects:
        if token.dep_ != "pcomp" or token.tag_ != "VBG" or token.i == 0:  # the cheap tests first
            out.append(token)
            continue
        before = token.doc[token.i - 1]
        names = [c for c in token.children if c.dep_ == "dobj" and c.pos_ == "PROPN" and c.i > token.i]
        if names and before in objects:
            out = [o for o in out if o != before] + names
        else:
            out.append(token)
    return out


def hung_as_clause(name) -> bool:
    """A name the parser hung as a clause, or as a verb's conjunct ("a stake in Portuguese parts maker OGMA from
    Airbus" comes out with OGMA a conjunct of "agreed")."""
    if name.dep_ == "dobj":  # "bought a stake in parts maker OGMA from Airbus": a second object of the verb
        return any(c.dep_ == "dobj" and c.i < name.i for c in name.head.children)
    return name.dep_ in ("ccomp", "xcomp", "advcl", "dep") or (
        name.dep_ == "conj" and name.head.pos_ in ("VERB", "AUX")
    )


def _name_after(noun):
    """ "... ," chief executive Helene Marchetti said": a title noun right before a name it governs (or
    shares a head with), however the parser hung the pair; the name's head token, or None."""
    doc = noun.doc
    i = noun.i + 1
    while i < len(doc) and doc[i].pos_ == "PROPN" and (doc[i].is_title or (doc[i].is_upper and len(doc[i]) > 1)):
        i += 1  # "Liftmash", "AŽD Praha"
    if i == noun.i + 1:
        return None
    name = doc[i - 1]
    if (
        name.head == noun
        or noun.head == name
        or (name.head == noun.head.head and noun.dep_ == "appos")
        or (name.dep_ == "nsubj" and name.head.head == noun)
        or (noun.dep_ == "conj" and name.dep_ == "appos")
        or (doc[noun.i + 1].ent_iob_ == "B" and hung_as_clause(name))
    ):
        # the last: "the carmaker Hayase Motor and the German engine maker Brandt Motorenwerke", the second
        # name hung on the first; "Bulgarian President Radev and Turkish President Erdogan", on any noun
        return name
    top = name  # "its subsidiaries Tornvik Steel and Nimbus Optics would merge": the names parsed as the subject
    for _ in range(4):
        if top.head == noun.head and top.dep_ == noun.dep_ and top != noun:
            return name
        if top.head.pos_ != "PROPN" or top.head.i <= top.i:
            break
        top = top.head
    return None


_COPULAS = ("be", "remain", "become")


def apposed_to(noun):
    """The noun an appositive describes: its head, or, for a singular appositive after a list ("Vardhan and
    Kanto Tekko, a mid-sized Osaka-based maker, formed ..."), the last member before it, which the parser
    hangs on the list's first."""
    head = noun.head
    members = [c for c in head.conjuncts if head.i < c.i < noun.i]
    if members and noun.tag_ in ("NN", "NNP"):
        return members[-1]
    return head


def _antecedent_described(verb, subject, depth: int):
    """The subject of a relative clause's predicate: where it is the common noun the clause hangs on, what that
    noun is said of ("Chiluba was a politician who was the President of Zambia", "a politician who served as mayor
    of Calgary": Chiluba, the politician), else the subject itself."""
    if verb.dep_ == "relcl" and subject == verb.head and subject.pos_ == "NOUN":
        return described(subject, depth + 1) or subject
    return subject


def described(noun, depth: int = 0):
    """The entity a descriptor noun is said of, or None.

    "Korvex, Ruritania's largest maker, supplies Tornvik": the maker is Korvex (more in tests/test_frames.py).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab,
    ...           words=["Korvex", ",", "Ruritania", "'s", "largest", "maker", ",", "supplies", "Tornvik", "."],
    ...           heads=[7, 0, 5, 2, 5, 0, 0, 7, 7, 7],
    ...           deps=["nsubj", "punct", "poss", "case", "amod", "appos", "punct", "ROOT", "dobj", "punct"],
    ...           pos=["PROPN", "PUNCT", "PROPN", "PART", "ADJ", "NOUN", "PUNCT", "VERB", "PROPN", "PUNCT"])
    >>> described(doc[5]).text
    'Korvex'
    """
    if depth > 4:
        return None
    dep = noun.dep_
    head = noun.head
    doc = noun.doc
    name = _name_after(noun)
    if name is not None:
        return name
    if dep == "appos" and head != noun:
        if head.pos_ == "NUM" or head.lower_ in ("one", "some"):
            return described(head, depth + 1)
        return apposed_to(noun)
    apposed = [c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN" and not with_share(c)]
    if apposed:
        return apposed[0]
    if dep in ("compound", "nmod") and (head.pos_ == "PROPN" or head.is_title or head.is_upper):
        # "President Lukashenko", "the elevator maker Liftmash", "Head of Bashkortostan Radiy Khabirov",
        # "the truckmaker KAMAZ" (a name the tagger calls a common noun)
        return head
    if dep in ("compound", "amod") and head.pos_ in ("NOUN", "PROPN"):
        return described(head, depth + 1)
    if dep in ("attr", "acomp") and head.pos_ in ("AUX", "VERB"):
        subjects = agents(head) or [c for c in head.children if c.dep_ == "nsubj"]
        return _antecedent_described(head, subjects[0], depth) if subjects else None
    if dep == "nsubj" and head.lemma_ in _COPULAS + ("include", "comprise", "feature", "encompass", "span"):
        # "Its largest customer is Kaufstern", "its main competitor remains Gomselmash", "its customers include
        # Kaufstern", "its products comprise X and Y": the noun is said of the predicate
        predicates = [c for c in head.children if c.dep_ == ("attr" if head.lemma_ in _COPULAS else "dobj")]
        return predicates[0] if predicates else None
    if dep == "pobj" and head.lower_ == "as" and head.head != head:
        verb = head.head
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]  # "X was chosen as supplier"
        if objects:
            return objects[0]
        found = agents(verb) if verb.pos_ in ("VERB", "AUX") else []
        if found:
            return _antecedent_described(verb, found[0], depth)
        return described(verb, depth + 1) if verb.pos_ in ("NOUN", "PROPN") else None
    if dep == "pobj" and head.lower_ == "to" and head.head.lemma_ in _RAISING_VERBS:
        # "Adam Grogan has been promoted to president of Greenleaf Foods": the one promoted
        subjects = [c for c in head.head.children if c.dep_ in ("nsubjpass", "dobj")] or agents(head.head)
        return subjects[0] if subjects else None
    if dep == "pobj" and head.lower_ in ("of", "among") and head.head != head:
        target = head.head
        if target.lower_ in ("one", "some", "any") or target.pos_ == "NUM":
            return described(target, depth + 1)
        if target.pos_ in ("AUX", "VERB") and head.lower_ == "among":
            # "X counts Y among its customers": the object; "Y is among the customers": the subject
            objects = [c for c in target.children if c.dep_ == "dobj"]
            subjects = objects or agents(target) or [c for c in target.children if c.dep_ == "nsubj"]
            return subjects[0] if subjects else None
        return None
    if dep == "conj" and head != noun:
        if head.pos_ == "PROPN" and (head.ent_type_ or head.dep_ not in ("attr", "appos", "compound")):
            # "Uralchem, one of ... and the owner of ..." (but "Uralchem and the Indian companies" are others)
            return head if noun.tag_ not in ("NNS", "NNPS") else None
        return described(head, depth + 1)
    if dep == "oprd" and head.pos_ in ("VERB", "AUX"):
        # "Rostec calls Belarus its key partner": the object the predicate is said of ("Jane Roe was named
        # chief executive": the passive's subject)
        objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
        return objects[0] if objects else None
    if dep == "dobj" and head.lemma_ in ("make", "call", "name", "appoint", "elect"):
        # "making China Kazakhstan's largest trading partner": the name before the noun phrase
        left = [t for t in noun.subtree if t.i < noun.i and t.pos_ == "PROPN" and t.dep_ == "compound"]
        if left and left[0].head != noun:
            return left[0]
    if dep in ("nsubj", "nsubjpass", "dep", "npadvmod") and (fronted := _fronted_name(noun)) is not None:
        return fronted  # "A unit of Globex Corp, Acme Pumps makes valves": the name after the opening phrase
    if dep in ("nsubj", "nsubjpass", "dobj", "pobj") and noun.i + 1 < len(doc):
        # "the elevator maker Liftmash": a name right after the noun, parsed as its sibling
        nxt = doc[noun.i + 1]
        if nxt.pos_ == "PROPN" and nxt.head == head and nxt.dep_ == dep:
            return nxt
    return None


_RAISING_VERBS = ("promote", "appoint", "elevate", "elect", "name")


def _fronted_name(noun):
    """ "A member of the Haneul Group, Haneul Chemical is headquartered in Seoul", "Long a supplier to Toyota, Denso
    makes parts": a noun phrase that opens the sentence (after an article, adverb or adjective only), closed by a
    comma, says what the name right after the comma is; the head of that name, or None. The name is the subject
    of the noun's verb, or the parser hung it inside the opening phrase."""
    doc, sent = noun.doc, noun.sent
    if any(doc[i].pos_ not in ("DET", "ADV", "ADJ") for i in range(sent.start, noun.i)):
        return None
    phrase = {t.i for t in noun.subtree}
    comma = next((i for i in range(noun.i + 1, sent.end) if doc[i].text == ","), None)
    if comma is None or any(i not in phrase for i in range(noun.i, comma)) or comma + 1 >= sent.end:
        return None
    last = comma + 1
    if doc[last].pos_ != "PROPN":
        return None
    while last + 1 < sent.end and doc[last + 1].pos_ == "PROPN" and doc[last].dep_ == "compound":
        last += 1
    name = doc[last]
    verb = noun.head
    own = name.head == verb and name.dep_ in ("nsubj", "nsubjpass")
    return name if own or name.i in phrase else None


def closes_apposition(token, member) -> bool:
    """ "between A, a unit of B, and C": the comma before "and" closes the apposition, so C joins A's list, not
    B's (a list of two takes no comma before its "and"), whatever the parser attached it to."""
    doc, at = token.doc, member.left_edge.i
    if doc[at].dep_ == "cc":  # the "and" hung on the member
        at += 1
    if at < 2 or doc[at - 1].dep_ != "cc" or doc[at - 2].text != ",":
        return False
    for ancestor in token.ancestors:
        if ancestor.dep_ == "appos" and ancestor.head.i < token.i:
            return True
        if ancestor.pos_ in ("VERB", "AUX"):
            return False
    return False


def role_tokens(trigger, role: str, cache: dict | None = None):
    """The tokens filling a role of the frame around ``trigger`` (see the module docstring)."""
    if cache is not None:
        key = (trigger.i, role)
        if key in cache:
            return cache[key]
        value = _role(trigger, role)
        cache[key] = value
        return value
    return _role(trigger, role)


def _is_nominal(token) -> bool:
    return token.pos_ in ("NOUN", "PROPN", "NUM", "PRON") or (
        token.pos_ == "ADJ" and token.dep_ != "acomp" and token.dep_ != "amod"
    )


def _role(trigger, role: str):
    if "." in role:
        tokens = [trigger]
        for part in role.split("."):
            tokens = [found for token in tokens for found in _role(token, part)]
            if not tokens:
                break
        return tokens
    structural = ROLES.get(role)
    return structural(trigger) if structural is not None else _preposition(trigger, role)


def _nominal(token) -> bool:
    return token.pos_ in ("NOUN", "PROPN")


def _self(trigger):
    return [trigger]


def _head(trigger):
    if trigger.pos_ == "ADV" and trigger.head.pos_ == "ADP" and trigger.head.head != trigger.head:
        return [trigger.head.head]  # "together with": the verb, not the preposition
    return [trigger.head] if trigger.head != trigger else []


def _gov(trigger):
    gov = governor(trigger)
    return [gov] if gov is not None else []


def with_share(name) -> bool:
    """ "a venture in which Huayou holds 53.5 percent, Vale Indonesia 30 percent and Ford 16.5 percent": a name the
    parser hung on the noun with a share of its own is a holder in a clause with its verb left out, not a name of
    the noun."""
    return any(c.lemma_.lower() in _PERCENT_WORDS for c in name.children)


def _described(trigger):
    found = described(trigger)
    if found is None:
        return []
    if trigger.dep_ == "nsubj" and found.dep_ in ("dobj", "attr") and found.head == trigger.head:
        # "its products include diodes and rectifiers; power devices, such as load switches": a list the
        # parser split at a semicolon, into objects of their own or a verbless phrase after it
        return [
            found,
            *(c for c in found.head.children if c.dep_ == found.dep_ and c.i > found.i),
            *_after_semicolon(found),
        ]
    return [found]


def lists_members(prep) -> bool:
    """ "including", "like", "such as": a preposition that lists members of the noun before it."""
    return prep.lower_ in ("including", "like") or (
        prep.lower_ == "as" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such"
    )


def _after_semicolon(member) -> list:
    """The head of a verbless noun phrase after the next semicolon of the sentence that goes on with a list ("... include
    A and B; C, including D" -> C; "...; D and E"). [] when a clause follows ("...; it also makes C") or a phrase
    that lists nothing ("...; headquarters, Plano, Texas")."""
    sent = member.sent
    semi = next((t for t in sent if t.i > member.i and t.text == ";"), None)
    if semi is None:
        return []
    rest = [t for t in sent if t.i > semi.i]
    end = next((t.i for t in rest if t.text == ";"), sent.end)
    inside = [t for t in rest if t.i < end]
    heads = [t for t in inside if not semi.i < t.head.i < end or t.head == t]
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("prep", "acl", "amod") for t in inside):
        return []
    return [
        t
        for t in heads
        if t.pos_ in ("NOUN", "PROPN")
        and t.dep_ in ("ROOT", "appos", "dobj", "conj", "attr")
        and any(c.dep_ == "conj" or (c.dep_ == "prep" and lists_members(c)) for c in t.children)
    ][:1]


def _poss(trigger):
    owners = [c for c in trigger.children if c.dep_ == "poss"]
    if not owners and trigger.dep_ == "conj" and trigger.head.pos_ == "NOUN" and trigger.head.i < trigger.i:
        # "CVP's founder and chairman, Roberto Takahashi": the titles share the owner of the first
        owners = [c for c in trigger.head.children if c.dep_ == "poss"]
    if not owners and trigger.dep_ == "compound" and trigger.head.pos_ == "PROPN":
        # "Weg's chief executive Alberto Kuba": the parser hangs the owner on the name the title precedes
        owners = [c for c in trigger.head.children if c.dep_ == "poss" and c.i < trigger.i]
    return [_relative_owner(c) if c.lower_ == "whose" else c for c in owners]


def _relative_owner(whose):
    """ "Ardent Motors, whose chief executive is Maria Lopez": the noun the relative clause of "whose"
    modifies (or "whose" itself where there is none)."""
    for token in whose.ancestors:
        if token.dep_ == "relcl":
            return token.head
    return whose


_NAMED_OWNERS = frozenset({"ORG", "Company", "Organization"})  # what a title's owner is, hung on the name after it


def _mod(trigger):
    found = [c for c in trigger.children if c.dep_ in MODIFIER_DEPS]
    head = trigger.head
    if (
        trigger.dep_ == "appos"
        and head.i < trigger.i
        and head.pos_ == "PROPN"
        and head.ent_type_ in _NAMED_OWNERS
        and all(doc_token.head == trigger for doc_token in trigger.doc[head.i + 1 : trigger.i])
    ):  # "PKP Intercity chief executive Janusz Malinowski": the parser makes the title the firm's apposition
        found = [*found, head]
    if trigger.dep_ == "compound" and trigger.head.pos_ == "PROPN" and all(c.dep_ == "amod" for c in found):
        # "German Chancellor Olaf Scholz", "Novo Holdings Chief Executive Kasim Kutay", "RWE chief executive
        # Markus Krebber": the parser hangs the nationality, or the firm's name, on the name the title precedes
        # (the title's own words, "chief", are no owner)
        found += [
            c
            for c in trigger.head.children
            if c.i < trigger.i
            and (
                (c.dep_ == "amod" and not found)
                or (c.dep_ in ("compound", "nmod") and (c.ent_type_ in _NAMED_OWNERS or _capitalised_word(c)))
            )
        ]
    return found


def _capitalised_word(token) -> bool:
    """A name's word the recogniser left unnamed or mistyped: "RWE", "Siemens Gamesa" (the parser may call it a verb,
    the recogniser a person or a product)."""
    return (
        token.text[:1].isupper()
        and token.ent_type_ in ("", "PERSON", "PRODUCT")
        and token.pos_ in ("PROPN", "NOUN", "VERB")
    )


def _premod(trigger):
    # every modifier before the noun, however deep: "136-tonne BelAZ dump trucks"
    return [t for t in trigger.subtree if t.i < trigger.i and t.dep_ in MODIFIER_DEPS]


def _next(trigger):
    doc = trigger.doc
    return [doc[trigger.i + 1]] if trigger.i + 1 < len(doc) else []


def _minority(trigger):
    share = _share(trigger)  # "34 percent owned by", "half-owned by": a share of half or less, on the verb
    return [share[0]] if share is not None and share[1] <= 50 else []


def _co_holders(trigger):
    """The other holders of a list of shares with its verb left out: "in which Huayou holds 53.5 percent, Vale
    Indonesia 30 percent and Ford 16.5 percent" -> Vale Indonesia, Ford (each with half or less; the holder of
    the verb's own share is its agent)."""
    if trigger.pos_ != "VERB" or _share(trigger) is None:
        return []
    out = []
    for token in trigger.sent:
        if token.i <= trigger.i:
            continue
        if (
            token.pos_ == "SCONJ"
            or token.lower_ == "but"
            or (token.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children))
        ):
            break  # "..., while Tesla's shares rose 5 percent and Ford 2 percent": another clause
        if token.pos_ != "PROPN" or token.dep_ == "compound":
            continue
        shares = [c for c in token.children if c.lemma_.lower() in _PERCENT_WORDS]  # "Vale Indonesia 30 percent"
        if not shares and token.head.lemma_.lower() in _PERCENT_WORDS and token.head.i > token.i:
            shares = [token.head]  # "Ford 16.5 percent", the name hung on its share
        values = [v for s in shares[:1] if (v := percent_value(s)) is not None]
        if values and values[0] <= 50:
            out.append(token)
    return out


def _majority(trigger):
    """ "a majority stake in X", "a 51 percent stake", "took control of X", "is 60 percent owned by": the
    share that makes a subsidiary (more than half), as the stake noun or the verb carries it."""
    share = _share(trigger) if not _nominal(trigger) else None
    if share is not None:
        return [share[0]] if share[1] > 50 else []
    for noun in [trigger] if _nominal(trigger) else themes(trigger):
        if noun.lemma_.lower() in ("majority", "control"):
            return [noun]
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.lower_ in ("majority", "controlling"):
                return [noun]
            if child.dep_ in ("amod", "compound", "nmod", "nummod") and child.lemma_.lower() in _PERCENT_WORDS:
                if (percent_value(child) or 0.0) > 50:
                    return [noun]
    return []


def _chooser(trigger):
    """ "Nimbus picked Corvel as its supplier": who made the noun what it is."""
    if (
        _nominal(trigger)
        and trigger.dep_ == "pobj"
        and trigger.head.lower_ == "as"
        and trigger.head.head.pos_ == "VERB"
    ):
        verb = trigger.head.head
        if is_passive(verb) and not _preps(verb).get("by"):
            return _preps(trigger).get("by", [])  # the parser hangs "by Nimbus" on the noun
        return agents(verb)
    return []


def _acl(trigger):
    """ "a contract to supply ...": the clause that says what the noun is for."""
    return [c for c in trigger.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]


def _agent(trigger):
    if _nominal(trigger):
        poss = [c for c in trigger.children if c.dep_ == "poss"]
        if poss:
            return poss
        by = _preps(trigger).get("by", [])
        if by:
            return by
        gov = governor(trigger)
        if gov is not None and trigger.dep_ in ("dobj", "pobj", "attr", "npadvmod"):
            return agents(gov)
        return []
    if trigger.pos_ == "ADJ":
        if trigger.dep_ == "amod":
            return [trigger.head]
        if trigger.dep_ == "acomp":
            return agents(trigger.head)
    return agents(trigger)


def _theme(trigger):
    if trigger.pos_ == "ADP":
        return [c for c in trigger.children if c.dep_ == "pobj"]
    if _nominal(trigger):
        return _preps(trigger).get("of", [])
    return themes(trigger)


def _shared_of(noun):
    """ "President, Chief Executive Officer and a Director of Unimed": a list of nouns shares the "of" of its
    last member (which the parser hangs on that member alone)."""
    if any(c.dep_ in ("det", "poss") for c in noun.children):
        return []  # "Russia's largest carmaker and the maker of Lada cars": two descriptions, each its own
    first = noun
    while first.dep_ in ("conj", "appos") and first.head.pos_ in ("NOUN", "PROPN") and first.head != first:
        first = first.head  # "President, Chief Executive Officer and a Director": the parser's chain, however hung
    members, todo = [], [first]
    while todo:
        member = todo.pop()
        members.append(member)
        todo.extend(c for c in member.children if c.dep_ in ("conj", "appos") and c.pos_ in ("NOUN", "PROPN"))
    later = [c for c in members if c.i > noun.i]
    if not later:
        return []
    return _preps(max(later, key=lambda c: c.i)).get("of", [])


def _dative(trigger):
    out = []
    for child in trigger.children:
        if child.dep_ == "dative":
            if (
                child.pos_ == "ADP" or child.tag_ == "TO"
            ):  # "sells the gas to CNPC under a contract": "to" as a particle
                out.extend(c for c in child.children if c.dep_ == "pobj")
            else:
                out.append(child)
    return out


def _preposition(trigger, role: str):
    """The objects of a preposition on the trigger, on the verb it is the subject or object of, or inside
    the verb's own phrases."""
    preps = _preps(trigger)
    own = preps.get(role, [])
    if own:
        return own
    nominal = _nominal(trigger)
    if nominal:
        # "the companies profiled in the IV equipment market", "vendors operating in Europe": a participle
        # after the noun carries the phrase the noun would
        within = [
            found
            for c in trigger.children
            if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG") and c.i == trigger.i + 1
            for found in _preps(c).get(role, [])
        ]
        if within:
            return within
    if nominal and role == "of":
        shared = _shared_of(trigger)
        if shared:
            return shared
    if nominal and trigger.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
        gov = trigger.head
        if gov.pos_ in ("VERB", "AUX"):
            found = _preps(gov).get(role)
            if found:
                return found
    if not nominal:
        # "supply parts for KAMAZ" where "for" hangs on the object, or deeper: "delivering ten trucks
        # with a payload of 220 tonnes each to the Kovdor plant" (the parser attaches "to" to "payload")
        return _nested_prep(trigger, role)
    # "joint production of buses with Halvard": the parser hangs the phrase on the noun's "of" object
    return [found for of in preps.get("of", []) for found in _preps(of).get(role, [])] if role != "of" else []


def _purpose_partner(verb):
    """ "X signed a memorandum with Y to cooperate on ship design": the partner of the agreement an infinitive
    of purpose belongs to is the partner of what it says they will do."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or verb.dep_ not in (
        "xcomp",
        "advcl",
        "acl",
    ):
        return []
    governor = verb.head if verb.head.pos_ in ("VERB", "AUX") else verb.head.head
    if governor.pos_ not in ("VERB", "AUX") or governor == verb:
        return []
    return _preps(governor).get("with", []) or _nested_prep(governor, "with")


# The roles a rule may name (the DependencyMatcher keeps its operators in a table the same way): each is a
# function from a trigger token to the tokens filling the role. Any other role is a preposition of
# PREPOSITIONS. The resolver fills RESOLVED_ROLES itself (as the last step of a dotted role).
def _where(trigger):
    """ "Bydgoszcz, where Koltrans is headquartered": the place a relative "where" stands for."""
    if trigger.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in trigger.children):
        return [trigger.head]
    return []


def _of_head(trigger):
    """ "a maker of camera modules based in Suwon": the noun an "of" phrase belongs to, for a word the parser hung
    on the phrase's object."""
    prep = trigger.head
    if trigger.dep_ == "pobj" and prep.lower_ == "of" and prep.head != prep and prep.head.pos_ in ("NOUN", "PROPN"):
        return [prep.head]
    return []


def _apposed(trigger):
    """The names apposed to a noun: "Park Soo-min, CEO, Seorim Steel" -> Seorim Steel for "CEO"."""
    return [c for c in trigger.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > trigger.i]


ROLES = {
    "self": _self,
    "apposed": _apposed,
    "of_head": _of_head,
    "partner": _purpose_partner,
    "where": _where,
    "head": _head,
    "gov": _gov,
    "described": _described,
    "poss": _poss,
    "mod": _mod,
    "premod": _premod,
    "next": _next,
    "hyphen": lambda t: hyphen_pair(t),
    "comma": lambda t: comma_name(t),
    "in_name": lambda t: in_name(t),
    "minority": _minority,
    "majority": _majority,
    "co_holders": _co_holders,
    "chooser": _chooser,
    "acl": _acl,
    "agent": _agent,
    "theme": _theme,
    "dative": _dative,
}
PREPOSITIONS = frozenset(
    {
        "about",
        "across",
        "after",
        "against",
        "along",
        "alongside",
        "amid",
        "among",
        "around",
        "as",
        "at",
        "before",
        "behind",
        "beside",
        "between",
        "beyond",
        "by",
        "despite",
        "during",
        "for",
        "from",
        "in",
        "including",
        "inside",
        "into",
        "like",
        "near",
        "of",
        "off",
        "on",
        "onto",
        "out of",
        "outside",
        "over",
        "per",
        "since",
        "such as",
        "through",
        "throughout",
        "to",
        "together with",
        "toward",
        "towards",
        "under",
        "upon",
        "via",
        "with",
        "within",
        "without",
    }
)
RESOLVED_ROLES = frozenset(
    {
        "made",
        "models",
        "market",
        "salient_company",
        "salient_country",
        "main_country",
        "narrator",
        "ministry",
        "nation",
        "reported_company",
    }
)


def unknown_role_part(role: str) -> str | None:
    """The first step of a dotted role that is no role, or None: rules are checked with it when they load.

    >>> unknown_role_part("agent.of.poss") is None
    True
    >>> unknown_role_part("theme.colour")
    'colour'
    >>> unknown_role_part("made.of")  # the resolver's roles come last
    'made'
    """
    parts = role.split(".")
    for k, part in enumerate(parts):
        if part in ROLES or part in PREPOSITIONS or (part in RESOLVED_ROLES and k == len(parts) - 1):
            continue
        return part
    return None


_NESTED_DEPS = ("dobj", "prep", "pobj", "npadvmod", "appos", "nummod", "quantmod", "advmod")


def _gerund(verb):
    """ "supplies wiring harnesses": a gerund right after the verb with its bare object is the object's modifier
    that the parser read as a verb of its own ("wiring" xcomp, "harnesses" its object); the gerund, or None."""
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is None or nxt.head != verb or nxt.dep_ != "xcomp" or nxt.tag_ != "VBG":
        return None
    objects = [c for c in nxt.children if c.dep_ == "dobj"]
    if len(objects) != 1 or objects[0].i != nxt.i + 1 or any(c.dep_ == "det" for c in objects[0].children):
        return None
    return nxt


def _gerund_objects(verb):
    gerund = _gerund(verb)
    return [c for c in gerund.children if c.dep_ == "dobj"] if gerund is not None else []


def _nested_prep(trigger, name: str, depth: int = 3):
    """The objects of a preposition inside the verb's own phrases (not in clauses below it)."""
    gerund = _gerund(trigger)
    frontier = [
        c
        for c in trigger.children
        if (c.dep_ in ("dobj", "prep", "npadvmod", "advmod") or c == gerund)
        and not (c.dep_ == "prep" and _prep_name(c) == name)
        and c.lower_ != "according"
    ]
    for _ in range(depth):
        next_frontier = []
        for token in frontier:
            found = _preps(token).get(name, [])
            if found:
                return found
            next_frontier.extend(c for c in token.children if c.dep_ in _NESTED_DEPS)
        frontier = next_frontier
    return []


def _prep_name(token) -> str:
    return token.lower_


def _name_end(token) -> int:
    """One past the last word of the capitalised name a token is part of ("Round Rock", "St. Charles")."""
    doc = token.doc
    end = token.i + 1
    while (
        end < len(doc)
        and doc[end].pos_ == "PROPN"
        and (doc[end].text[:1].isupper() or doc[end].is_punct)
        and doc[end].text not in (",", "(", ")")
    ):
        end += 1
    return end


def comma_name(trigger):
    """The capitalised word after ", " that follows the trigger's name: "Texas" in "Round Rock, Texas"."""
    doc = trigger.doc
    end = _name_end(trigger)
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].text[:1].isupper() and doc[end + 1].is_alpha:
        after = _name_end(doc[end + 1])
        if after < len(doc) and (doc[after].tag_ == "POS" or doc[after].pos_ in ("NOUN", "VERB", "AUX")):
            return []  # "..., India's joint venture", "..., Texas said": a new phrase, not a place set off
        return [doc[end + 1]]
    return []


def in_name(trigger):
    """The name after "in" right after the trigger's name, past its article, adjectives and a common noun with
    its "of" (the kind of place): "Democratic Republic of Congo" in "Lubumbashi in the Democratic Republic of
    Congo", "Assam" in "Jagiroad in the Indian state of Assam" (however the parser hung the second "in"), also after
    a comma ("Sacramento, California, in the United States"; but "plants in Texas, in Mexico and in Brazil" is a
    list); the rule's classes keep only places."""
    doc = trigger.doc
    end = _name_end(trigger)
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "in" and not _listed_in(doc[end + 1]):
        end += 1  # "Sacramento, California, in the United States"; "Konin, in central Poland"
    if end >= len(doc) or doc[end].lower_ != "in":
        return []
    for k in range(end + 1, min(end + 7, len(doc))):
        token = doc[k]
        if token.pos_ == "PROPN" and token.text[:1].isupper():
            return [token]
        if not (token.pos_ in ("DET", "ADJ", "NOUN") or token.lower_ == "of"):
            return []
    return []


def _listed_in(prep) -> bool:
    """An "in" coordinated with another: "in Texas, in Mexico and in Brazil"."""
    return prep.dep_ == "conj" or any(c.dep_ == "conj" and c.lower_ == prep.lower_ for c in prep.children)


def hyphen_pair(trigger):
    """ "Belarus-Russia projects", "China-Kazakhstan trade": two names joined by a hyphen before the noun."""
    doc = trigger.doc
    left = [t for t in trigger.subtree if t.i < trigger.i]
    for token in left:
        if token.text in ("-", "\u2013", "\u2014") and 0 < token.i < len(doc) - 1:
            before, after = doc[token.i - 1], doc[token.i + 1]
            if before.pos_ == "PROPN" and after.pos_ == "PROPN" and not token.whitespace_ and not before.whitespace_:
                return [before, after]
    return []


class Frame:
    """Role lookups around one trigger token, cached.

    ``exclude``: token indices that fill no role (the other words of a
    multi-word trigger: "Director" in "Director General Sergei Kogogin").
    """

    __slots__ = ("trigger", "exclude", "_cache")

    def __init__(self, trigger, exclude: frozenset[int] = frozenset()):
        self.trigger = trigger
        self.exclude = exclude
        self._cache: dict = {}

    def role(self, name: str):
        tokens = role_tokens(self.trigger, name, self._cache)
        return [t for t in tokens if t.i not in self.exclude] if self.exclude else tokens
