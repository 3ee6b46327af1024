"""Parsing in worker processes: the spaCy model loaded once per process, articles sent in batches.

``kg ingest --jobs N`` (:func:`extracted_in_processes`) starts N worker
processes that parse and extract; the parent writes every article, in the
order of the input, as a single process does: an embedded store has one
writer, and the order of the writes decides which article's label an entity
keeps. The tasks of the Dask engine (:mod:`kg.cluster`) extract through
:func:`extract_batch` too.

A process keeps one loaded :class:`~kg.pipeline.Extractor` per configuration
for its life (:func:`worker_extractor`), so the model is loaded once per
worker, not per article or batch. An article that makes the parser or a rule
fail is rejected with its file name as in a single process
(:func:`kg.pipeline._extracted` runs in the worker); it costs neither its
batch nor the run.

The workers are started with ``spawn`` (a fresh interpreter: no copy of the
parent's open store or threads) while the parent ignores Ctrl-C, so that they
inherit ignoring it: a Ctrl-C on the terminal reaches the whole process group,
and only the parent answers it, by stopping the workers and exiting with its
one line and status 130.
"""

from __future__ import annotations

import math
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from .errors import Errors, InputError, WorkerError
from .records import Article, Claim

__all__ = ["batches", "extract_batch", "extracted_in_processes", "worker_extractor", "BATCH"]

BATCH = 16  # at most this many articles per task: small enough to share the work out evenly at the end

_EXTRACTORS: dict[tuple, object] = {}
_LOCK = threading.Lock()  # one load per configuration, one extraction at a time (a Dask worker may run threads)


def batches(articles: list[Article], slots: int, most: int = BATCH) -> list[list[Article]]:
    """The articles cut into consecutive batches: about four per slot, at most ``most`` articles each.

    >>> [len(b) for b in batches(list(range(10)), 2)]
    [2, 2, 2, 2, 2]
    >>> [len(b) for b in batches(list(range(100)), 2)]
    [13, 13, 13, 13, 13, 13, 13, 9]
    """
    if not articles:
        return []
    size = max(1, min(most, math.ceil(len(articles) / (4 * max(1, slots)))))
    return [articles[start : start + size] for start in range(0, len(articles), size)]


def _key(config) -> tuple:
    return (
        config.model,
        None if config.gazetteer_dir is None else str(config.gazetteer_dir),
        None if config.rules_dir is None else str(config.rules_dir),
        config.min_confidence,
        None if config.confidence_model is None else str(config.confidence_model),
    )


def worker_extractor(config):
    """This process's loaded Extractor for ``config`` (an unloaded :class:`~kg.pipeline.Extractor`): loaded on
    first use, then kept."""
    key = _key(config)
    with _LOCK:
        found = _EXTRACTORS.get(key)
        if found is None:
            found = replace(config, _loaded=None, _gazetteer=None)
            found.load()
            _EXTRACTORS[key] = found
        return found


def extract_batch(config, articles: list[Article]) -> tuple[list[tuple[Article, list[Claim]]], list[InputError]]:
    """(article, claims) of each article that could be extracted, in order, and the rejection of each that
    could not (named with its file and the error); what a worker process runs for one batch."""
    from .pipeline import _extracted

    extractor = worker_extractor(config)
    failed: list[InputError] = []
    with _LOCK:
        pairs = list(_extracted(articles, extractor, failed))
    return pairs, failed


def _ignore_interrupts() -> None:
    """A worker leaves Ctrl-C to its parent, which stops it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def extracted_in_processes(
    articles: list[Article], extractor, failed: list[InputError], jobs: int
) -> Iterator[tuple[Article, list[Claim]]]:
    """(article, claims) of each article, in the input's order, parsed in ``jobs`` worker processes.

    The contract of :func:`kg.pipeline._extracted`: an article that fails is added to ``failed`` and left
    out. Every batch is sent at once; the results are taken in order, so the parent writes article after
    article as a single process does while the workers parse ahead. Leaving early (an error, Ctrl-C, the
    consumer stopping) stops the workers at once.

    Raises
    ------
    SetupError
        When the model cannot be loaded (in a worker: the same error as here).
    WorkerError
        When a worker process dies (killed, out of memory).
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    config = replace(extractor, _loaded=None, _gazetteer=None)  # the settings, not the loaded pipeline
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"), initializer=_ignore_interrupts)
    done = False
    try:
        with _interrupts_ignored():  # the workers start ignoring Ctrl-C (SIG_IGN is kept across exec)
            futures = [pool.submit(extract_batch, config, batch) for batch in batches(articles, jobs)]
        for future in futures:
            try:
                pairs, errors = future.result()
            except BrokenProcessPool as e:
                raise WorkerError(Errors.E491.format(kind=type(e).__name__, error=e)) from e
            failed.extend(errors)
            yield from pairs
        done = True
    finally:
        if done:
            pool.shutdown()
        else:
            _stop(pool)


@contextmanager
def _interrupts_ignored():
    """Ctrl-C ignored while the workers start (only the main thread may change a signal's handler)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _stop(pool) -> None:
    """Stop a pool's workers now, whatever they are doing (Python 3.14's ``terminate_workers``, else by hand)."""
    terminate = getattr(pool, "terminate_workers", None)
    if terminate is not None:
        terminate()
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)
    for process in processes:
        process.join(5)
