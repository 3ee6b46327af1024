"""Modality of a claim: asserted, negated, planned or past; or no claim at all (hypotheticals).

The cues (``ontology/rules/modality.json``) are looked for on the trigger and
on the words that govern it inside its clause: the verbs that control it ("is
ready to launch", "plans to build", "has no intention of localising"), the
verb of a nominal trigger ("halted deliveries"), and auxiliaries a coordinated
verb shares ("will build and operate"). Coordination does not pass negation on:
"no longer compete and now supply each other" gives past for compete and
asserted for supply.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Modality", "modality_of", "clause_chain"]

_CLIMB = {"xcomp", "acomp", "pcomp", "prep", "pobj", "dobj", "nsubjpass", "attr", "oprd", "acl", "npadvmod"}


@dataclass(frozen=True)
class Modality:
    value: str | None  # None: hypothetical or question, no claim
    cues: tuple[str, ...] = ()


def clause_chain(trigger, adjuncts=frozenset(), limit: int = 8):
    """The trigger and the words governing it up to its clause boundary.

    The subject of a verb is not governed by it in this sense: in "the stake
    will pass to NAMI" the stake is held now, and "joint production ... is
    developing" states the production; an object is ("plans to take a stake").
    """
    chain = [trigger]
    token = trigger
    for _ in range(limit):
        head = token.head
        if head == token:
            break
        dep = token.dep_
        if dep not in _CLIMB and not (dep in ("advcl", "conj") and _infinitive(token)):
            break  # "will use the money to expand ... and to launch": coordinated infinitives share the plan
        if dep == "prep" and token.lower_ in adjuncts:
            break  # prepositions that open an adjunct: "during talks with X, Putin discussed ..." plans no talks
        if dep == "acl" and token.tag_ not in ("VB", "VBG"):
            break  # "components supplied by": the participle's own clause
        if dep in ("nsubj", "nsubjpass", "appos", "compound", "amod") and token.pos_ in ("VERB", "AUX"):
            break
        if dep in ("nsubj", "nsubjpass") and head.pos_ not in ("VERB", "AUX"):
            break
        chain.append(head)
        token = head
        if head.pos_ in ("VERB", "AUX") and dep in ("nsubj", "nsubjpass", "dobj"):
            # a nominal trigger's verb: keep climbing only through control relations
            continue
    return chain


def _infinitive(token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _lemma(token) -> str:
    return token.lemma_.lower()


def modality_of(trigger, cues: dict, local: bool = False, ended: bool = False) -> Modality:
    """The modality of a claim whose trigger is ``trigger``.

    ``cues`` is the parsed ``modality.json``; ``local`` reads only the trigger's
    own words ("former chairman", "no longer a partner"). With ``ended`` the
    claim is that something stopped ("no longer operates in Belarus", "stopped
    selling in Russia"): the past cue is what states it, so it must be there,
    and the claim is asserted (planned with "will", negated with "not").
    """
    neg_cfg, plan_cfg, past_cfg, hyp_cfg = cues["negated"], cues["planned"], cues["past"], cues["hypothetical"]
    negated, planned, past = [], [], []
    stopped = []  # verbs of ending ("stop", "cease") that govern the trigger
    if trigger.pos_ == "ADV" and not local:
        # "together with": the verb it qualifies says the modality
        trigger = trigger.head.head if trigger.head.pos_ == "ADP" else trigger.head
    onsets = frozenset(cues["onset_verbs"])  # verbs of beginning
    chain = [trigger] if local else clause_chain(trigger, frozenset(cues["adjunct_prepositions"]))
    if local and trigger.dep_ in ("attr", "acomp") and trigger.head.lemma_ == "be":
        # "Ledgerine was formerly a unit of Tienhoven": the copula's adverbs are the descriptor's own
        chain = [trigger, trigger.head]
    doc = trigger.doc
    if not local and _purpose_infinitive(trigger):
        planned.append("to")  # "signed a contract to supply", "an agreement to build": not done yet
    for position, token in enumerate(chain):
        lemma = _lemma(token)
        children = list(token.children)
        # auxiliaries, shared with a coordinated head verb when the conjunct has none
        auxes = [c for c in children if c.dep_ in ("aux", "auxpass")]
        if not auxes and token.dep_ == "conj" and token.tag_ == "VB":
            auxes = [c for c in token.head.children if c.dep_ in ("aux",)]
        for aux in auxes:
            word = aux.lower_
            if word in hyp_cfg["aux"]:
                return Modality(None, (word,))
            if word in ("should", "were", "had") and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.i > aux.i for c in children
            ):
                return Modality(None, (word,))  # "Should the US extend its credits to ...": a condition
            if word in plan_cfg["aux"]:
                planned.append(word)
        for child in children:
            word = child.lower_
            if child.dep_ == "neg":
                if _no_longer(child, doc):
                    past.append("no longer")
                else:
                    negated.append(word)
            elif child.dep_ == "advmod":
                if word == "longer" and any(g.lower_ == "no" for g in child.children):
                    past.append("no longer")
                elif word in past_cfg["advmod"] and (word != "once" or token.tag_ in ("VBD", "VBN")):
                    past.append(word)
                elif word in neg_cfg["advmod"]:
                    negated.append(word)
            elif child.dep_ == "det" and word in neg_cfg["det"] and token.pos_ in ("NOUN", "PROPN"):
                negated.append(word)
            elif (
                child.dep_ == "mark"
                and word in hyp_cfg["marks"]
                and token.dep_ in ("advcl", "ccomp", "csubj", "csubjpass")
            ):
                return Modality(None, (word,))
            elif child.dep_ == "amod" and position == 0 and word in plan_cfg["amod"]:
                planned.append(word)
            elif child.dep_ == "amod" and position == 0 and word in past_cfg["amod"]:
                past.append(word)
            elif (
                child.dep_ == "mark"
                and word in ("until", "till")
                and _ended(token, [c for c in children if c.dep_ == "npadvmod" and _is_past_time(c)] or [child])
                and any(c.dep_ == "npadvmod" and _is_past_time(c) for c in children)
            ):
                past.append(f"{word} ...")  # "which until last year used software from X" (parsed as a clause)
            elif child.dep_ == "prep" and word in past_cfg["preps"]:
                objects = [g for g in child.children if g.dep_ in ("pobj", "advmod", "pcomp")]
                if any(_is_past_time(g) for g in objects) and _ended(token, objects):
                    past.append(f"{word} {objects[0].text}")
            elif child.dep_ == "prep" and word == "in":
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if any(m.lower_ in past_cfg["eras"] for g in objects for m in g.subtree):
                    past.append(f"in {objects[0].text}")
        if (
            token.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "aux" and c.lower_ == "had" for c in children)
            and any(c.dep_ == "advmod" and c.lower_ == "long" for c in children)
        ):
            past.append("had long")  # "which had long regarded each other as competitors"
        if position == 0:
            continue
        # governing words, and the predicate adjective of a governing copula ("is ready ... to launch");
        # a phrasal verb is another verb ("set up" a venture is done, "is set to" is planned)
        phrasal = any(c.dep_ == "prt" for c in children)
        if lemma in plan_cfg["governors"] and token.pos_ in ("VERB", "ADJ", "NOUN", "AUX") and not phrasal:
            planned.append(token.lower_)
        elif lemma in plan_cfg["contract_verbs"] and chain[position - 1].dep_ == "xcomp":
            planned.append(f"{token.lower_} to")  # "signs a contract to deliver", read as "signs to deliver"
        elif token.pos_ in ("AUX", "VERB") and any(
            c.dep_ == "acomp" and _lemma(c) in plan_cfg["governors"] for c in children
        ):
            planned.append(next(c.lower_ for c in children if c.dep_ == "acomp"))
        elif lemma == "use" and token.tag_ == "VBD" and chain[position - 1].dep_ == "xcomp":
            past.append("used to")
        elif (
            lemma == "be"
            and chain[position - 1].dep_ == "xcomp"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in chain[position - 1].children)
        ):
            planned.append(f"{token.lower_} to")  # "is to lift"
        elif lemma in neg_cfg["governors"]:
            negated.append(token.lower_)
        elif lemma in past_cfg["governors"]:
            past.append(token.lower_)
            stopped.append(token)
    top = chain[-1]
    denier = None if local else _denier(top)
    if denier is not None and _lemma(denier) in neg_cfg["denials"]:
        negated.append(denier.lower_)  # "denied that it supplies", "rejected claims that it had sold"
    if not local and top.dep_ == "ROOT" and top.pos_ == "VERB" and _infinitive(top):
        planned.append("to")  # a headline's "Marrowby to close its stores in Turkey": announced, not done
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass") and not local:
        # "the partnership ... ended in 2020", "the deal collapsed": the verb says what became of it
        verb = _lemma(trigger.head)
        if verb in past_cfg["governors"]:
            past.append(trigger.head.lower_)
        elif verb in neg_cfg["governors"]:
            negated.append(trigger.head.lower_)
        elif verb in onsets or verb == "be":
            # "deliveries will start next year", "deliveries are due to start in 2025": not yet begun
            head = trigger.head
            cue = next((c.lower_ for c in head.children if c.dep_ == "aux" and c.lower_ in plan_cfg["aux"]), None)
            if cue is None:
                cue = next(
                    (
                        c.lower_
                        for c in head.children
                        if c.dep_ in ("acomp", "xcomp")
                        and _lemma(c) in plan_cfg["governors"]
                        and (verb != "be" or any(g.dep_ == "xcomp" and _lemma(g) in onsets for g in c.children))
                    ),
                    None,
                )
            if cue is not None:
                planned.append(cue)
    if ended:
        if not past:
            return Modality(None)
        if negated:
            return Modality("negated", tuple(negated + past))
        return Modality("planned" if planned else "asserted", tuple(planned + past))
    if negated and stopped and len(past) == len(stopped) and _negates(stopped[0]):
        # "does not plan to stop making diesel buses", "has not stopped supplying": it goes on
        return Modality("asserted", tuple(negated + past))
    if negated:
        return Modality("negated", tuple(negated))
    if past:
        return Modality("past", tuple(past))
    if planned:
        return Modality("planned", tuple(planned))
    return Modality("asserted")


def _denier(clause):
    """The verb whose content clause ``clause`` is: "denied (that) it supplies", "rejected claims that it
    sold"; None when there is none or when that verb is itself negated ("did not deny that ...")."""
    verb = None
    if clause.dep_ == "ccomp":
        verb = clause.head
    elif (
        clause.dep_ == "acl"
        and clause.head.pos_ == "NOUN"
        and clause.head.dep_ in ("dobj", "nsubjpass")
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    ):
        verb = clause.head.head
    if verb is None or any(c.dep_ == "neg" for c in verb.children):
        return None
    return verb


def _negates(stop) -> bool:
    """A negation on a verb of ending or on a verb governing it ("not stop", "does not plan to stop")."""
    token = stop
    for _ in range(4):
        if any(c.dep_ == "neg" and c.lower_ in ("not", "n't", "never") for c in token.children):
            return True
        if token.dep_ not in ("xcomp", "ccomp") or token.head == token:
            return False
        token = token.head
    return False


def _purpose_infinitive(verb) -> bool:
    """A to-infinitive that modifies a noun or adds a purpose ("a contract to supply"); not "the first
    company to leave" (an ordinal or superlative makes it a fact)."""
    if verb.tag_ != "VB" or verb.dep_ not in ("acl", "advcl", "relcl"):
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    return not any(
        c.dep_ == "amod" and (c.tag_ in ("JJS",) or c.ent_type_ == "ORDINAL" or c.lower_ in ("first", "last", "only"))
        for c in head.children
    )


def _ended(verb, objects) -> bool:
    """ "until now", "until then" end a state; "until 2026" ends one only for a verb in the past
    ("supplied buses until 2022"), not for "will keep supplying until 2026"."""
    if any(o.lower_ in ("now", "then", "recently") for o in objects):
        return True
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "would", "shall", "'ll") for c in verb.children):
        return False
    return verb.tag_ in ("VBD", "VBN")


def _no_longer(neg, doc) -> bool:
    return neg.lower_ == "no" and neg.i + 1 < len(doc) and doc[neg.i + 1].lower_ == "longer"


def _is_past_time(token) -> bool:
    """ "now", "then" (in "until now") or a year or date expression."""
    if token.lower_ in ("now", "then", "recently"):
        return True
    return token.ent_type_ == "DATE" or token.like_num or any(t.ent_type_ == "DATE" for t in token.subtree)
