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

On Linux the workers are started by ``fork`` once the parent has loaded the
pipeline (:func:`start_method`): each begins with the parent's spaCy model and
gazetteer ruler in memory (copy-on-write), instead of importing spaCy and
loading them again (about 1.5 s a worker). Nothing else of the parent's is
used in a worker: it never touches the parent's open store, and it ends with
``os._exit``, as multiprocessing's forked processes do, so no finaliser of the
parent's runs in it. Elsewhere (macOS, Windows, where forking a process that
runs threads is unsafe or impossible) they are started with ``spawn``, a fresh
interpreter that loads the pipeline itself. Either way they start while the
parent ignores Ctrl-C, so that they inherit ignoring it: a Ctrl-C on the
terminal reaches the whole process group, and only the parent answers it, by
stopping the workers and exiting with its one line and status 130.
"""

from __future__ import annotations

import math
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace

from .errors import Errors, InputError, WorkerError
from .records import Article, Claim

__all__ = ["batches", "extract_batch", "extracted_in_processes", "start_method", "worker_extractor", "BATCH"]

BATCH = 64  # at most this many articles per task: one parse stream as long as a single process's (kg.pipeline)

_EXTRACTORS: dict[tuple, object] = {}
_LOCK = threading.Lock()  # one load per configuration, one extraction at a time (a Dask worker may run threads)


def batches(articles: list[Article], slots: int, most: int = BATCH, least: int = 4) -> list[list[Article]]:
    """The articles cut into consecutive batches, each half of what is left for each slot (at most ``most``
    articles, at least ``least``): long parse streams while there is much to do, short ones at the end, so
    that the slots finish together.

    >>> [len(b) for b in batches(list(range(10)), 2)]
    [4, 4, 2]
    >>> [len(b) for b in batches(list(range(100)), 2)]
    [25, 19, 14, 11, 8, 6, 5, 4, 4, 4]
    >>> sizes = [len(b) for b in batches(list(range(1000)), 2)]
    >>> sizes[:3], sizes[-8:], sum(sizes)
    ([64, 64, 64], [14, 10, 8, 6, 4, 4, 4, 4], 1000)
    """
    cut, start = [], 0
    while start < len(articles):
        size = min(most, max(least, math.ceil((len(articles) - start) / (2 * max(1, slots)))))
        cut.append(articles[start : start + size])
        start += size
    return cut


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


def _adopt(extractor) -> None:
    """A forked worker's start: Ctrl-C left to the parent, and the parent's loaded ``extractor`` (inherited
    in memory, not pickled) this process's for its configuration."""
    _ignore_interrupts()
    with _LOCK:
        _EXTRACTORS[_key(extractor)] = extractor


def start_method() -> str:
    """How the workers start: ``fork`` on Linux (with the parent's loaded pipeline), else ``spawn``.

    >>> start_method() in ("fork", "spawn")
    True
    """
    return "fork" if sys.platform == "linux" else "spawn"


def extracted_in_processes(
    articles: list[Article], extractor, failed: list[InputError], jobs: int
) -> Iterator[tuple[Article, list[Claim]]]:
    """(article, claims) of each article, in the input's order, parsed in ``jobs`` worker processes.

    The contract of :func:`kg.pipeline._extracted`: an article that fails is added to ``failed`` and left
    out. Every batch is sent at once; the results are taken in order, so the parent writes article after
    article as a single process does while the workers parse ahead. Leaving early (an error, Ctrl-C, the
    consumer stopping) stops the workers at once. Where the workers are forked (:func:`start_method`),
    ``extractor`` is loaded here first, once, and every worker parses with it.

    Raises
    ------
    SetupError
        When the model cannot be loaded (here, or in a spawned worker: the same error as here).
    WorkerError
        When a worker process dies (killed, out of memory).
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    config = replace(extractor, _loaded=None, _gazetteer=None)  # the settings, not the loaded pipeline
    method = start_method()
    start: Callable[..., None]
    arguments: tuple
    if method == "fork":
        extractor.load()
        start, arguments = _adopt, (extractor,)
    else:
        start, arguments = _ignore_interrupts, ()
    pool = ProcessPoolExecutor(
        jobs, mp_context=multiprocessing.get_context(method), initializer=start, initargs=arguments
    )
    done = False
    try:
        with _interrupts_ignored():  # the workers start ignoring Ctrl-C (SIG_IGN is kept across fork and exec)
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
