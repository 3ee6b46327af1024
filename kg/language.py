"""Is an article's text English prose? Checked before parsing: the model is English, and text that is
mostly not language (tables of figures, encoded data, code) costs parsing time and gives no claims."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from .errors import MSG
from .policy import InputPolicy

__all__ = ["language_problem"]

_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")
_LATIN_RUN = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]+")
_WORD = re.compile(r"[^\W\d_]+")  # a run of letters: _LETTER's characters, counted by the run
_NOT_SPACE_RUN = re.compile(r"\S+")


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ")[0].capitalize() if name else "unknown"


def language_problem(text: str, policy: InputPolicy, read_as: str = "") -> str | None:
    """Why ``text`` is not read as English prose, or None; ``read_as`` (such as " (read as cp1251)") is said
    after the reason.

    >>> from kg.policy import load_policy
    >>> language_problem("MAZ supplies axles to KAMAZ, the company said in a statement.", load_policy())
    >>> language_problem("Минский завод поставляет грузовики КАМАЗу.", load_policy())
    'not English: 100% of its letters are Cyrillic [E119]'
    >>> language_problem("1,2,3;4,5,6;" * 20, load_policy())
    'mostly not language: 0% of its characters are letters [E117]'
    """
    shown = sum(map(len, _NOT_SPACE_RUN.findall(text)))  # characters counted by the run: fewer strings made
    found = _WORD.findall(text)
    letters = sum(map(len, found))
    if shown and letters / shown < policy.min_letter_share:
        return MSG["few_letters"].format(share=letters / shown, read_as=read_as)
    long_runs = sum(len(run) for run in text.split() if len(run) > policy.long_run_chars)
    if shown and long_runs / shown > policy.max_long_run_share:
        return MSG["long_runs"].format(share=long_runs / shown, chars=policy.long_run_chars, read_as=read_as)
    latin = sum(map(len, _LATIN_RUN.findall(text)))
    if letters and latin / letters < policy.min_latin_share:
        scripts = Counter(_script(ch) for ch in _LETTER.findall(text) if not _LATIN.match(ch))
        script, count = max(scripts.items(), key=lambda kv: (kv[1], kv[0]))
        return MSG["not_latin"].format(share=count / letters, script=script, read_as=read_as)
    words = [w.lower() for w in found]
    if len(words) >= policy.english_check_words:
        known = policy.english_words
        english = len([w for w in words if w in known])
        if english / len(words) < policy.min_english_share:
            return MSG["few_english"].format(
                share=english / len(words), least=policy.min_english_share, read_as=read_as
            )
    return None
