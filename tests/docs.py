"""Hand-built spaCy ``Doc`` objects for unit tests, as spaCy's own tests build them: words, heads, deps and
tags given, no model run, so that a misparse and a rule bug can be told apart."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

VOCAB = spacy.blank("en").vocab


def parse(table: str, joined: tuple[int, ...] = ()) -> Doc:
    """A Doc from a table of ``index word POS TAG head dep [lemma]`` lines; ``joined``: indices of the
    tokens with no space after them ("Ruritania-Borduria", an opening quote, a word before a comma)."""
    words, pos, tags, heads, deps, lemmas = [], [], [], [], [], []
    for n, line in enumerate(row for row in table.strip().splitlines() if row.strip()):
        index, word, upos, tag, head, dep, *lemma = line.split()
        assert int(index) == n, f"row {n} is numbered {index}"
        words.append(word)
        pos.append(upos)
        tags.append(tag)
        heads.append(int(head))
        deps.append(dep)
        lemmas.append(lemma[0] if lemma else (word if upos == "PROPN" else word.lower()))
    spaces = [i not in joined and i < len(words) - 1 for i in range(len(words))]
    return Doc(VOCAB, words=words, spaces=spaces, pos=pos, tags=tags, heads=heads, deps=deps, lemmas=lemmas)
