"""Every error kg raises, and every message it prints, in one place.

Messages are specific enough to grep for: each names the file (and line) or
the rule, query or node that caused it.
"""

from __future__ import annotations

__all__ = [
    "KgError",
    "InputError",
    "RuleError",
    "GazetteerError",
    "ModelError",
    "QueryError",
    "StoreError",
    "NodeNotFound",
    "OutputError",
    "MSG",
]

# Reasons an input is rejected; the CLI prints them after the file name.
MSG = {
    "empty": "empty file",
    "binary": "binary file (not text)",
    "not_utf8": "not valid UTF-8 at byte {offset}",
    "not_valid": "not valid {encoding}{how} at byte {offset}",
    "few_letters": "mostly not language: {share:.0%} of its characters are letters",
    "long_runs": "mostly not language: {share:.0%} of its characters stand in runs of over {chars} without a space",
    "not_latin": "not English: {share:.0%} of its letters are {script}",
    "few_english": "not English: {share:.0%} of its words are common English words (at least {least:.0%} expected)",
    "unknown_charset": "declares an unknown charset {label!r}",
    "no_encoding": "not valid UTF-8 at byte {offset}, and no other encoding fits it",
    "unsure_encoding": "not valid UTF-8 at byte {offset}; its encoding may be {found}, too unsure to read "
                       "(save it as UTF-8)",
    "no_title": "no title line after the date line",
    "no_body": "no article text after the title",
    "bad_date": "unreadable date {value!r} (expected e.g. '20 February 2023' or '2023-02-20')",
    "bad_json": "invalid JSON: {error}",
    "not_object": "a JSON Lines record must be an object, got {kind}",
    "missing_field": "missing required field {field!r}",
    "bad_field": "field {field!r} must be a non-empty string",
    "duplicate_id": "article id {id!r} already given by {other}",
    "unsupported": "unsupported file type {suffix!r} (expected .txt, .jsonl or .html)",
    "not_found": "no such file or folder",
    "no_articles": "no articles found",
    "not_date": "unreadable date line {value!r} (expected e.g. '20 February 2023' or '2023-02-20')",
    "future_date": "date {value} is in the future",
    "unfit_name": "file name unusable as an article id: {why}",
    "undecodable_name": "file name is not valid UTF-8",
    "unfit_field": "field {field!r} holds a {why}",
    "long_field": "field {field!r} is longer than {limit:,} characters",
    "too_big": "article of {size:,} characters is over the limit of {limit:,} (--max-article-size)",
    "file_too_big": "file of {size:,} bytes is over the article size limit of {limit:,} characters "
                    "(--max-article-size)",
    "dangling_link": "dangling symbolic link (to {target!r})",
    "link_loop": "symbolic link loop",
    "cannot_list": "cannot list folder: {error}",
    "cannot_read": "cannot read: {error}",
    "not_a_file": "not a regular file",
}


class KgError(Exception):
    """Base class of every error kg raises on purpose."""


class InputError(KgError):
    """An input file (or one line of it) that cannot be read as an article.

    >>> str(InputError("a.jsonl", "missing required field 'id'", line=3))
    "a.jsonl:3: missing required field 'id'"
    """

    def __init__(self, path, reason: str, line: int | None = None):
        from .hygiene import printable

        self.path = str(path)
        self.reason = reason
        self.line = line
        shown = printable(self.path)
        where = f"{shown}:{line}" if line is not None else shown
        super().__init__(f"{where}: {reason}")


class RuleError(KgError):
    """A relation rule or lexicon entry that cannot be used."""

    def __init__(self, path, rule_id: str | None, reason: str):
        self.path = str(path)
        self.rule_id = rule_id
        where = f"{self.path} (rule {rule_id!r})" if rule_id else self.path
        super().__init__(f"{where}: {reason}")


class GazetteerError(KgError):
    """A gazetteer entry that cannot be used."""

    def __init__(self, path, line: int, reason: str):
        self.path = str(path)
        self.line = line
        super().__init__(f"{self.path}:{line}: {reason}")


class ModelError(KgError):
    """A confidence model file that is missing or cannot be used.

    >>> str(ModelError("m.json", "no weights"))
    'm.json: no weights'
    """

    def __init__(self, path, reason: str):
        self.path = str(path)
        super().__init__(f"{self.path}: {reason}")


class QueryError(KgError):
    """A SPARQL query (named or given) that failed to parse or run."""


class StoreError(KgError):
    """The store cannot be opened, read or written."""


class NodeNotFound(KgError):
    """An entity name that matches no node of the graph."""


class OutputError(KgError):
    """An output file or folder that cannot be written."""
