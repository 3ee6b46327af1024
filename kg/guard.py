"""Queries that cannot run away: a time limit, a memory bound and no SERVICE calls.

pyoxigraph evaluates a query inside one call that Python cannot interrupt
(no cancellation, no timeout option), so a guarded query runs in a child
process: the child opens the store read-only, sets its own memory limit
(``RLIMIT_DATA``, so an allocation past the bound fails there and not in the
machine), runs the query and sends the answer back (for ``kg query``, the
text the command prints: :meth:`GuardedStore.render`); the parent waits at
most ``timeout`` seconds and kills it past that. Killing a process really
stops the query, whatever the engine is doing; a thread could not.

The command line forks (it has no other threads); ``kg serve``, and any
process that runs threads, uses a fork server, because forking a process that
runs threads is unsafe.

    >>> Limits().timeout, Limits().memory, Limits().allow_service
    (60.0, 2048, False)
"""

from __future__ import annotations

import gc
import math
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .errors import (
    Errors,
    KgError,
    NodeNotFound,
    QueryError,
    QueryLimit,
    QueryRefused,
    StoreError,
    StoreLocked,
    StoreMissing,
)
from .sparql import uses_service

__all__ = ["Limits", "GuardedStore", "run_guarded", "check_service"]

DEFAULT_TIMEOUT = 60.0
MAX_TIMEOUT = 1e6  # seconds (11 days): what the alarm and the wait accept
DEFAULT_MEMORY = 2048  # MiB the query may allocate on top of what the process held when it started


@dataclass(frozen=True)
class Limits:
    """What one query may use: wall-clock seconds, MiB of memory (None: unbounded), SERVICE calls, result rows."""

    timeout: float = DEFAULT_TIMEOUT
    memory: int | None = DEFAULT_MEMORY
    allow_service: bool = False
    max_rows: int | None = None

    def __post_init__(self):
        if not 0 < self.timeout <= MAX_TIMEOUT:
            raise ValueError(Errors.E906.format(most=MAX_TIMEOUT, timeout=self.timeout))


_ERRORS: dict[str, type[KgError]] = {
    cls.__name__: cls for cls in (QueryError, QueryRefused, StoreError, StoreMissing, StoreLocked, NodeNotFound)
}


def check_service(sparql: str, limits: Limits, name: str = "query") -> None:
    """QueryError for a query that calls another endpoint (SERVICE) unless the limits allow it."""
    if not limits.allow_service and uses_service(sparql):
        raise QueryRefused(Errors.E510.format(name=name))


def _limit_memory(mebibytes: int | None) -> None:
    """Cap this process's data (heap and private mappings, ``RLIMIT_DATA``) at what it holds now plus
    ``mebibytes``. The address space (``RLIMIT_AS``) would be the wrong measure: the allocator reserves
    64 MiB per thread that it never uses, so threads could not even start."""
    if mebibytes is None:
        return
    import resource

    with open("/proc/self/status", encoding="ascii") as status:
        held = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmData:"))
    cap = held + mebibytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (cap, hard))


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent ends (``kg query`` interrupted leaves no query behind).

    Under the fork server the parent is the fork server, which itself waits for its children: there the
    alarm set in ``_child`` is what bounds a query whose server was killed.
    """
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the parent's own kill still applies
        pass


def _quiet() -> None:
    """Send the child's standard error to /dev/null: an engine that aborts prints its own last words
    (``terminate called after ...``); the parent reports the stop in one line instead."""
    import faulthandler

    faulthandler.disable()  # (pytest turns it on, with its own copy of standard error)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)


def _child(connection, work: Callable, args: tuple, memory: int | None, timeout: float) -> None:
    """Run ``work(*args)`` under the memory bound; send ("ok", value) or ("error", class name, message).

    The child also stops itself (an alarm, whose default action ends the process whatever the engine is
    doing) a little after the parent would have: a query outlives no parent that died before killing it.
    """
    try:
        signal.alarm(math.ceil(timeout) + 2)
        _die_with_parent()
        _quiet()
        _limit_memory(memory)
        # the child lives for one answer: no cyclic garbage collector walking its 60,000 rows over and over
        # (a tenth of all-claims at a million quads)
        gc.disable()
        message: tuple = ("ok", work(*args))
    except MemoryError:
        message = ("memory", "")
    except QueryLimit as e:
        message = ("limit", e.kind, str(e))
    except KgError as e:
        message = ("error", type(e).__name__ if type(e).__name__ in _ERRORS else "QueryError", str(e))
    except Exception as e:  # noqa: BLE001 - whatever the engine raised, the parent gets one line
        text = str(e).strip().splitlines()
        message = ("error", "QueryError", Errors.E518.format(kind=type(e).__name__, error=text[0] if text else ""))
    try:
        connection.send(message)
    except MemoryError:
        connection.send(("memory", ""))
    finally:
        connection.close()
    os._exit(0)  # no teardown: the store closes with the process, and the parent is waiting on us


def run_guarded(work: Callable, args: tuple, limits: Limits, name: str = "query", context: str | None = None):
    """``work(*args)`` in a child process under ``limits``: its value, or the error it raised.

    Raises QueryLimit (``kind`` "timeout", "memory" or "rows") when the child
    was stopped, and the child's own KgError otherwise. ``work`` must be a
    module-level function (the fork server pickles it by name). ``context``
    is multiprocessing's start method; by default "fork" in a process with
    one thread and "forkserver" otherwise (a notebook has threads).
    """
    ctx = multiprocessing.get_context(context or ("fork" if threading.active_count() == 1 else "forkserver"))
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(  # type: ignore[attr-defined]  # every start method's context has Process
        target=_child, args=(sender, work, args, limits.memory, limits.timeout), daemon=True
    )
    process.start()
    sender.close()
    message = None
    try:
        if receiver.poll(limits.timeout):
            try:
                message = receiver.recv()
            except (EOFError, OSError):
                message = None
        else:
            process.kill()
            raise QueryLimit(_timeout_message(name, limits), "timeout")
    finally:
        receiver.close()
        if message is None and process.is_alive():  # stopped, or we were interrupted: no reason to wait
            process.kill()
        process.join(5)
        if process.is_alive():
            process.kill()
            process.join()
    if message is None:
        code = process.exitcode
        if code == -signal.SIGALRM:
            raise QueryLimit(_timeout_message(name, limits), "timeout")
        if code in (-signal.SIGABRT, -signal.SIGKILL, -signal.SIGSEGV) and limits.memory is not None:
            raise QueryLimit(_memory_message(name, limits), "memory")
        raise QueryError(Errors.E517.format(name=name, code=code))
    status, *rest = message
    if status == "ok":
        return rest[0]
    if status == "memory":
        raise QueryLimit(_memory_message(name, limits), "memory")
    if status == "limit":
        raise QueryLimit(rest[1], rest[0])
    kind, text = rest
    raise _ERRORS.get(kind, QueryError)(text)


def _timeout_message(name: str, limits: Limits) -> str:
    return Errors.E514.format(name=name, timeout=limits.timeout)


def _memory_message(name: str, limits: Limits) -> str:
    return Errors.E515.format(name=name, memory=limits.memory)


def _select(location: str, sparql: str, name: str, timeout: float, engine_order: bool = False) -> tuple:
    """Child side of GuardedStore.query: the answer to one query on a store opened for reading, as
    :func:`kg.store.from_wire` reads it (an embedded store's rows as bytes: quicker to send than terms)."""
    from .store import RemoteStore, is_remote, open_store

    if is_remote(location):
        return ("results", RemoteStore(location, timeout=timeout).query(sparql, name=name), None)
    return open_store(location, read_only=True).wire(sparql, name, engine_order)


def _render(location: str, sparql: str, name: str, timeout: float, fmt: str) -> str:
    """Child side of GuardedStore.render: the text ``kg query`` writes for one query, the rows read and
    written in the child (for 60,000 rows, sending them to the parent took longer than writing them)."""
    from .query import render
    from .store import RemoteStore, is_remote, open_store

    store = RemoteStore(location, timeout=timeout) if is_remote(location) else open_store(location, read_only=True)
    return render(store.query(sparql, name=name), fmt)


class GuardedStore:
    """A store whose every query runs under ``limits`` in a child process (see the module's docstring).

    Nothing is opened in this process: each query's child opens the store
    read-only, so a guarded store never writes and never holds a lock.
    """

    def __init__(self, location: str, limits: Limits | None = None, context: str | None = None):
        self.location = str(location)
        self.limits = limits or Limits()
        self.context = context

    def query(self, sparql: str, bindings: Mapping[str, object] | None = None, name: str = "query"):
        from .store import bind_values

        if bindings:
            sparql = bind_values(sparql, bindings)
        from .store import from_wire

        check_service(sparql, self.limits, name)
        args = (self.location, sparql, name, self.limits.timeout)
        results = from_wire(run_guarded(_select, args, self.limits, name, self.context))
        if results is None:  # a sort column kg.order leaves to the engine: the query again, with its ORDER BY
            results = from_wire(run_guarded(_select, (*args, True), self.limits, name, self.context))
        assert results is not None  # the engine's order is no order left to the reader
        return results

    def render(
        self, sparql: str, bindings: Mapping[str, object] | None = None, name: str = "query", fmt: str = "table"
    ):
        """The answer to a query as the text ``kg query --format FMT`` writes (:func:`kg.query.render`),
        made in the child under ``limits``: the rows never leave it."""
        from .store import bind_values

        if bindings:
            sparql = bind_values(sparql, bindings)
        check_service(sparql, self.limits, name)
        return run_guarded(
            _render, (self.location, sparql, name, self.limits.timeout, fmt), self.limits, name, self.context
        )

    def update(self, sparql: str) -> None:
        raise StoreError(Errors.E614.format(location=self.location))
