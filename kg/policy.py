"""What an input must be to be read as an article: limits and word lists, as data (``ontology/input.json``).

Every value is checked when the file loads; a bad one is a :class:`~kg.errors.PolicyError` (a set-up
error) naming the file and the key.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .errors import Errors, PolicyError

__all__ = ["InputPolicy", "load_policy"]


@dataclass(frozen=True)
class InputPolicy:
    """Limits of what is read as an article.

    ``max_article_chars``: an article (title and text) longer than this is refused; ``max_title_chars`` and
    ``max_field_chars`` bound the title and the id, URL and publisher. ``future_days``: a date more than
    this many days after today is refused. Text is refused as not language when fewer than
    ``min_letter_share`` of its non-space characters are letters, or more than ``max_long_run_share`` of them
    stand in runs of over ``long_run_chars`` characters without a space; as not English when fewer than
    ``min_latin_share`` of its letters are Latin, or (from ``english_check_words`` words on) fewer than
    ``min_english_share`` of its words are among ``english_words``.
    """

    max_article_chars: int
    max_title_chars: int
    max_field_chars: int
    future_days: int
    min_letter_share: float
    max_long_run_share: float
    long_run_chars: int
    min_latin_share: float
    min_english_share: float
    english_check_words: int
    english_words: frozenset[str]

    def __post_init__(self):
        for name in (
            "max_article_chars",
            "max_title_chars",
            "max_field_chars",
            "long_run_chars",
            "english_check_words",
        ):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(Errors.E710.format(name=name, value=value))
        if not isinstance(self.future_days, int) or self.future_days < 0:
            raise ValueError(Errors.E711.format(value=self.future_days))
        for name in ("min_letter_share", "max_long_run_share", "min_latin_share", "min_english_share"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0.0 <= value <= 1.0:
                raise ValueError(Errors.E712.format(name=name, value=value))
        if not self.english_words or not all(
            isinstance(w, str) and w.isalpha() and w.islower() for w in self.english_words
        ):
            raise ValueError(Errors.E713)

    def with_max_article_chars(self, chars: int | None) -> InputPolicy:
        """The same policy with another article size limit (None keeps this one)."""
        return self if chars is None else dataclasses.replace(self, max_article_chars=chars)


@cache
def load_policy(path: str | Path | None = None) -> InputPolicy:
    """Read and check ``ontology/input.json`` (or ``path``)."""
    if path is None:
        from .paths import ontology_dir

        path = ontology_dir() / "input.json"
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise PolicyError(path, Errors.E706.format(error=e)) from e
    if not isinstance(data, dict):
        raise PolicyError(path, Errors.E707)
    fields = {f.name for f in dataclasses.fields(InputPolicy)}
    unknown = sorted(set(data) - fields - {"_comment"})
    missing = sorted(fields - set(data))
    if unknown or missing:
        raise PolicyError(path, Errors.E708.format(unknown=unknown, missing=missing))
    values = {name: data[name] for name in fields}
    if not isinstance(values["english_words"], list):
        raise PolicyError(path, Errors.E709)
    try:
        values["english_words"] = frozenset(values["english_words"])
    except TypeError as e:  # an unhashable entry: no word
        raise PolicyError(path, Errors.E709) from e
    try:
        return InputPolicy(**values)
    except ValueError as e:  # the message is the catalogue's, with its code
        raise PolicyError(path, str(e)) from e
