"""Ingest on a Dask cluster: article batches go to Dask distributed workers, and each worker extracts its
articles and writes their named graphs into the shared SPARQL store itself (``kg ingest --engine dask
--scheduler ADDRESS --store URL``).

Why Dask (``distributed``) rather than Ray: it is pure Python and installs from
the package index with nothing else, a ``LocalCluster`` of real worker
processes starts in a test in seconds, its futures are the
``concurrent.futures`` interface, and a task may take another task's future
as an argument, which keeps each batch's claims on the worker that extracted
them until that worker writes them. Ray brings a native runtime and an object
store of its own for what here is a few kilobytes of claims a batch.

How the graph stays the one a single process builds. Each article is one
transaction into its own named graph, whatever wrote it; only the shared
entity descriptions depend on order: an entity keeps the class and label of
the first article that described it (:func:`kg.pipeline._first_writer_wins`).
So the work goes in two steps per batch:

1. a worker extracts the batch (the spaCy model loaded once per worker,
   :func:`kg.workers.worker_extractor`) and resolves its entities; the client
   is sent only a summary: the entity descriptions, the number of claims, the
   articles that failed, and the worker's extractor version;
2. the client decides the entity descriptions of the batch's articles in the
   input's order, exactly as one process writing them in that order would
   (:class:`_Descriptions`: what the store held before the run, plus what the
   articles before decided), and sends a write task that depends on the
   extraction, so it runs where the claims are; that worker writes each
   article with its decided descriptions in one transaction.

The writes of different batches may then happen in any order and at once: each
adds exactly what it would have added in one process. A worker whose extractor
version differs from the client's (another kg, model or gazetteer) is refused
before anything of its is written.

Failures: an article that fails is rejected with its file name, as in one
process; a worker that fails or dies stops the run with one line (a
:class:`~kg.errors.KgError` from a task keeps its own message and code); an
unreachable scheduler is one line after Dask's connect timeout
(``distributed.comm.timeouts.connect``, 30 s unless configured, e.g.
``DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT=5s``); Ctrl-C cancels what has not
run (a write already running finishes its transaction).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .errors import Errors, KgError, SetupError, UsageError, WorkerError
from .records import Article, Claim

__all__ = ["connect", "check_store", "ingest_on_cluster", "extract_task", "summarise", "write_task", "Extracted"]


def check_store(store, jobs: int = 1) -> None:
    """Refuse what a Dask ingest cannot do: write an embedded store (one writer), or take ``jobs``."""
    from .store import RemoteStore

    if jobs != 1:
        raise UsageError(Errors.E485)
    if not isinstance(store, RemoteStore):
        raise UsageError(Errors.E482.format(location=store.location))


def connect(address: str):
    """A ``distributed.Client`` of the scheduler at ``address``, once it has a worker.

    Raises
    ------
    SetupError
        When Dask is not installed.
    WorkerError
        When the scheduler cannot be reached (after Dask's connect timeout) or has no worker.
    """
    try:
        import dask
        from distributed import Client
    except ImportError as e:
        raise SetupError(Errors.E486.format(error=e)) from e
    try:
        client = Client(address, set_as_default=False)
    except (OSError, ValueError, TypeError) as e:  # OSError: timed out or refused; ValueError: not an address
        raise WorkerError(Errors.E487.format(address=address, error=_first_line(e))) from e
    try:
        client.wait_for_workers(1, timeout=dask.config.get("distributed.comm.timeouts.connect"))
    except (OSError, TimeoutError) as e:
        client.close()
        raise WorkerError(Errors.E488.format(address=address)) from e
    return client


def _first_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text or type(error).__name__


# ---- on a worker


@dataclass
class Extracted:
    """A batch as a worker extracted it: each article that could be extracted with its place in the batch, its
    claims and its entity descriptions (rdflib triples); the rejections, the worker and its extractor version."""

    worker: str
    version: str
    articles: list[tuple[int, Article, list[Claim], list]] = field(default_factory=list)
    failed: list = field(default_factory=list)


@dataclass
class Summary:
    """What the client is sent of an extracted batch: for each article extracted, its place in the batch, its
    number of claims and its entity descriptions; the rejections, the worker and its extractor version."""

    worker: str
    version: str
    articles: list[tuple[int, int, list]]
    failed: list


def _worker_address() -> str:
    from distributed import get_worker

    try:
        return get_worker().address
    except ValueError:  # not inside a worker (called directly)
        return "local"


def extract_task(config, articles: list[Article]) -> Extracted:
    """Extract a batch and resolve each article's entities (a Dask task; stays in the worker's memory)."""
    from .rdf import entity_graph
    from .resolve import resolve_entities
    from .workers import extract_batch, worker_extractor

    extractor = worker_extractor(config)
    pairs, failed = extract_batch(config, articles)
    batch = Extracted(_worker_address(), extractor.version, failed=failed)
    place = {id(article): n for n, article in enumerate(articles)}
    for article, claims in pairs:
        entities = resolve_entities(claims, extractor.gazetteer)
        batch.articles.append((place[id(article)], article, claims, list(entity_graph(entities.values()))))
    return batch


def summarise(batch: Extracted) -> Summary:
    """What the client needs of a batch, neither its texts nor its claims (a Dask task, run where the batch
    is)."""
    return Summary(
        batch.worker,
        batch.version,
        [(n, len(claims), triples) for n, _, claims, triples in batch.articles],
        batch.failed,
    )


def write_task(store, batch: Extracted, decided: list[list], version: str, held: dict[str, str]):
    """Write each article of the batch, with the entity descriptions the client decided for it, in one
    transaction per article (a Dask task). Returns the worker's address and the article ids written."""
    from . import identity
    from .names import index_quads
    from .rdf import article_graph
    from .store import to_ox_quads

    worker = _worker_address()
    if batch.version != version:
        raise WorkerError(Errors.E490.format(worker=batch.worker, theirs=batch.version, ours=version))
    written = []
    for (_, article, claims, _), descriptions in zip(batch.articles, decided, strict=True):
        graph = article_graph(article, claims, version)
        store.replace_graphs(
            {str(graph.identifier): to_ox_quads(graph)},
            extra=descriptions + index_quads(descriptions) + identity.origin_quads(article, held),
        )
        identity.record(store, article, held)
        written.append(article.id)
    return worker, written


# ---- on the client


class _Descriptions:
    """Entity descriptions decided in the input's order, as one process writing the articles in that order
    would have them: the store is asked once for each entity's class and label as held before the run;
    after that, what the articles already decided stands for what they would have written."""

    def __init__(self, store):
        self.store = store
        self.known: dict[str, dict[str, str]] = {}

    def decide(self, triples: list) -> list:
        from rdflib import Graph, URIRef
        from rdflib.namespace import RDF, RDFS

        from .pipeline import _held_descriptions, _keep_first
        from .store import to_ox_quads
        from .vocab import ENTITIES_GRAPH

        graph = Graph(identifier=ENTITIES_GRAPH, bind_namespaces="none")
        for triple in triples:
            graph.add(triple)
        nodes = sorted({s for s in graph.subjects() if isinstance(s, URIRef)})
        new = [node for node in nodes if str(node) not in self.known]
        if new:
            held = _held_descriptions(self.store, new)
            for node in new:
                self.known[str(node)] = held.get(str(node), {})
        _keep_first(graph, self.known)
        for node in nodes:  # what this article writes is what the next ones find
            slot = self.known[str(node)]
            for key, predicate in (("type", RDF.type), ("label", RDFS.label)):
                values = sorted(str(value) for value in graph.objects(node, predicate))
                if key not in slot and values:
                    slot[key] = values[0]
        return to_ox_quads(graph)


def ingest_on_cluster(client, todo, extractor, store, version, known, held, report, progress, strict, prepare) -> None:
    """Extract and write ``todo`` on the cluster of ``client``, filling ``report`` as one process would.

    ``known``: the article ids the store holds (their article is replaced); ``held``: where path-named
    articles came from (:func:`kg.identity.origins`); ``prepare()`` writes the ontology and the name index
    (called before the first write of a strict run).
    """
    from distributed import as_completed

    from .pipeline import _no_claims
    from .workers import batches

    if not todo:
        return
    config = replace(extractor, _loaded=None, _gazetteer=None)  # the settings, not the loaded pipeline
    groups = batches(todo, max(1, sum(client.nthreads().values())))
    extracted: list = [client.submit(extract_task, config, group, pure=False) for group in groups]
    summaries = [client.submit(summarise, future, pure=False) for future in extracted]
    number = {future.key: n for n, future in enumerate(summaries)}
    writes: list = []
    stream = as_completed(summaries, loop=client.loop, with_results=True)
    got: dict[int, Summary] = {}
    descriptions = _Descriptions(store)
    following = 0  # the next batch whose descriptions are decided and whose write is sent
    finished = False
    try:
        for future, result in stream:
            if future.key not in number:  # a write done
                worker, ids = result
                report.workers[worker] = report.workers.get(worker, 0) + len(ids)
                if progress:
                    progress(len(ids))
                continue
            if result.version != version:
                raise WorkerError(Errors.E490.format(worker=result.worker, theirs=result.version, ours=version))
            got[number[future.key]] = result
            if strict:
                if len(got) < len(groups):
                    continue
                if following == 0:
                    for n in range(len(groups)):
                        report.rejected.extend(got[n].failed)
                        report.warnings.extend(
                            _no_claims(groups[n][p]) for p, claims, _ in got[n].articles if not claims
                        )
                    if report.rejected or report.warnings:
                        report.aborted = True
                        finished = True
                        return
                    prepare()
            while following in got:
                batch = got[following]
                if not batch.articles:  # every article of it failed: nothing to write
                    following += 1
                    continue
                decided = [descriptions.decide(triples) for _, _, triples in batch.articles]
                ids = {groups[following][p].id for p, _, _ in batch.articles}
                write = client.submit(
                    write_task,
                    store,
                    extracted[following],
                    decided,
                    version,
                    {key: value for key, value in held.items() if key in ids},
                    pure=False,
                )
                writes.append(write)
                stream.add(write)
                following += 1
        finished = True
    except KgError:
        raise
    except Exception as e:  # noqa: BLE001 - a task failed or a worker died: one line, the run stops
        raise WorkerError(Errors.E489.format(kind=type(e).__name__, error=_first_line(e))) from e
    finally:
        if not finished:
            client.cancel([f for f in extracted + summaries + writes if not f.done()])
    for n in range(len(groups)):
        batch = got[n]
        if not strict:
            report.rejected.extend(batch.failed)
        for p, claims, _ in batch.articles:
            article = groups[n][p]
            (report.replaced if article.id in known else report.added).append(article.id)
            report.claims += claims
            if not claims and not strict:
                report.warnings.append(_no_claims(article))
