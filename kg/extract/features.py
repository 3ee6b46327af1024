"""What the pipeline knows about a candidate claim, as feature strings for the confidence model.

Each feature is a short string ("rule=produces/maker", "o.via=phrase",
"path=nsubj^VERB^dobj"); the model (:mod:`kg.confidence`) gives each a weight.
They describe the candidate, never the article's words at large, so that what
is learned on one corpus carries to the next:

- the rule, its predicate and its trigger;
- for each end: the role that filled it, how the mention was found (gazetteer,
  NER, descriptor, coreference ...), its class and whether that class was a
  guess, and the shape of its name (length, digits, capitals, legal suffix,
  the head noun of a product);
- the pair: the classes of both ends, the dependency path between them, their
  distance and order, other names between them;
- the sentence: its length, how many names it holds, a quote, the title;
- the modality and the words that set it.
"""

from __future__ import annotations

__all__ = ["candidate_features", "dependency_path", "head_token"]


def _bin(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f"{edges[-1]}+"


def head_token(doc, first: int, last: int):
    """The syntactic head of the tokens ``first`` to ``last`` (the one whose head lies outside them)."""
    first = max(0, min(first, len(doc) - 1))
    last = max(first + 1, min(last, len(doc)))
    for i in range(first, last):
        head = doc[i].head.i
        if head < first or head >= last or head == i:
            return doc[i]
    return doc[last - 1]


def dependency_path(a, b) -> str | None:
    """The dependency labels from ``a`` up to the lowest common head and down to ``b``, or None when the
    two are in different sentences.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["MAZ", "supplies", "KAMAZ"], heads=[1, 1, 1],
    ...           deps=["nsubj", "ROOT", "dobj"], pos=["PROPN", "VERB", "PROPN"])
    >>> dependency_path(doc[0], doc[2])
    'nsubj^VERB^dobj'
    """
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    rank_b = {t.i: k for k, t in enumerate(up_b)}
    for k, token in enumerate(up_a):
        if token.i in rank_b:
            left = [up_a[j].dep_ for j in range(k)]
            right = [up_b[j].dep_ for j in range(rank_b[token.i])][::-1]
            return f"{'<'.join(left)}^{token.pos_}^{'>'.join(right)}"
    return None


def _name_features(prefix: str, span, role: str, doc, lexicon) -> list[str]:
    words = span.name.split()
    out = [
        f"{prefix}.via={span.via}",
        f"{prefix}.cls={span.cls}",
        f"{prefix}.role={role}",
        f"{prefix}.len={_bin(len(words), (1, 2, 3))}",
    ]
    if span.key:
        out.append(f"{prefix}.known")
    if span.weak:
        out.append(f"{prefix}.weak")
    if span.unlabelled:
        out.append(f"{prefix}.unlabelled")
    if any(ch.isdigit() for ch in span.name):
        out.append(f"{prefix}.digit")
    if span.name.isupper() and len(span.name) <= 6:
        out.append(f"{prefix}.acronym")
    if any(w[:1].islower() for w in words):
        out.append(f"{prefix}.lower")
    if words and words[-1].lower().strip(",").replace(".", "") in lexicon["company_name_suffixes"]:
        out.append(f"{prefix}.legal")
    if words and words[-1].lower() in lexicon["company_name_words"]:
        out.append(f"{prefix}.firmword")
    if span.cls in ("Product", "Sector") and words:
        out.append(f"{prefix}.head={words[-1].lower()}")
        if words[-1].lower().endswith("s"):
            out.append(f"{prefix}.plural")
    if 0 <= span.first < len(doc) and span.via not in ("coref", "speaker", "group"):
        token = head_token(doc, span.first, span.last)
        out.append(f"{prefix}.dep={token.dep_}")
        if span.first > 0 and doc[span.first - 1].text == "(":
            out.append(f"{prefix}.bracketed")
    return out


def candidate_features(
    rule,
    predicate: str,
    trigger,
    subject,
    s_role: str,
    obj,
    o_role: str,
    modality,
    sent,
    para,
    discourse,
    lexicon,
    in_quote: bool,
) -> tuple[str, ...]:
    """The features of one candidate claim (sorted, without repeats)."""
    doc = para.doc
    # a rule triggered by a name ("Russian" in "the Russian maker") is known by the name's class, not its word
    lemma = f"<{'|'.join(sorted(rule.entity))}>" if rule.entity else trigger.lemma_.lower()
    out = [
        f"rule={rule.id}",
        f"pred={predicate}",
        f"trig={lemma}",
        f"pred:trig={predicate}:{lemma}",
        f"trig.pos={trigger.pos_}",
        f"pair={subject.cls}>{obj.cls}",
        f"pred:pair={predicate}:{subject.cls}>{obj.cls}",
        f"mod={modality.value}",
        f"sent.len={_bin(len(sent), (8, 16, 32, 64))}",
    ]
    out += _name_features("s", subject, s_role, doc, lexicon)
    out += _name_features("o", obj, o_role, doc, lexicon)
    out += [f"pred:s.via={predicate}:{subject.via}", f"pred:o.via={predicate}:{obj.via}"]
    out.append(f"trig.dep={trigger.dep_}")
    for prefix, span in (("s", subject), ("o", obj)):
        seen = discourse.mention_counts.get(span.key or span.name, 0)
        out.append(f"{prefix}.mentions={_bin(seen, (1, 2))}")
    if modality.cues:
        out.append("cue")
    if in_quote:
        out.append("quote")
    if para.index == 0:
        out.append("title")
    names = [s for s in discourse.by_paragraph.get(para.index, ()) if sent.start <= s.first < sent.end]
    out.append(f"sent.names={_bin(len(names), (2, 3, 5, 8))}")
    here = [
        span
        for span in (subject, obj)
        if span.para == para.index
        and sent.start <= span.first < sent.end
        and span.via not in ("coref", "speaker", "group")
    ]
    if len(here) == 2:
        a = head_token(doc, subject.first, subject.last)
        b = head_token(doc, obj.first, obj.last)
        path = dependency_path(a, b)
        if path is not None:
            out.append(f"path={path}")
            left, _, right = path.split("^")
            steps = len([d for d in left.split("<") if d]) + len([d for d in right.split(">") if d])
            out.append(f"path.len={_bin(steps, (1, 2, 3, 4, 6))}")
        low, high = sorted((subject.first, obj.first))
        out.append(f"dist={_bin(abs(obj.first - subject.first), (2, 4, 8, 16))}")
        out.append("order=so" if subject.first < obj.first else "order=os")
        between = sum(1 for s in names if low < s.first < high and s is not subject and s is not obj)
        out.append(f"between={_bin(between, (0, 1, 2))}")
        if low <= trigger.i <= high:
            out.append("trig.between")
    else:
        out.append("dist=far")
    return tuple(sorted(set(out)))
