"""A pool of worker processes that survives its workers: one task at a time per worker.

:class:`Pool` runs a picklable function over items in ``jobs`` processes and yields
``(index, outcome)`` pairs as they finish, in any order. Each worker holds at most one
task, so when a worker dies (killed for memory, a crash in C) the pool knows which item
it was on: that item is tried once more in a fresh worker, and if its worker dies again
the outcome is :class:`Died` (with the exit code or signal); every other item goes on.

Workers ignore SIGINT (Ctrl-C at a terminal reaches the whole process group: the parent
decides) and take SIGTERM's default action; they exit by themselves when the parent's end
of their pipe closes, so a parent killed outright leaves no worker behind. Leaving the
``with`` block, normally or by an exception (``KeyboardInterrupt``), stops every worker
at once: SIGTERM, then SIGKILL after a short grace.

The function must not raise (wrap it: an exception in a worker is reported as
:class:`Died` with the exception's one-line description, not re-raised).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from types import TracebackType
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

ATTEMPTS = 2
"""How many workers an item may take down before it is given up: the first, and one retry."""

_GRACE = 2.0
"""Seconds a worker is given to exit on SIGTERM before it is killed."""


@dataclass(frozen=True, slots=True)
class Died:
    """The outcome of an item whose worker died (twice) or raised."""

    reason: str


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity mask where the OS has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _serve(connection: Connection, function: Callable[[T], R]) -> None:
    """A worker's loop: receive ``(index, item)``, send ``(index, outcome)``, until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            return  # the parent has gone
        if task is None:
            return
        index, item = task
        try:
            outcome: object = function(item)
        except BaseException as err:
            outcome = Died(f"{type(err).__name__}: {err}".splitlines()[0][:300])
        try:
            connection.send((index, outcome))
        except (BrokenPipeError, OSError):
            return


@dataclass(slots=True)
class _Worker:
    process: BaseProcess
    connection: Connection
    task: tuple[int, object, int] | None = None
    """``(index, item, attempt)`` of the item it is on, if any."""


class Pool(Generic[T, R]):
    """``jobs`` worker processes running ``function``; use it as a context manager."""

    def __init__(self, function: Callable[[T], R], jobs: int) -> None:
        self.function = function
        self.jobs = max(1, jobs)
        self.workers: list[_Worker] = []
        self.context = multiprocessing.get_context()

    def __enter__(self) -> Pool[T, R]:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop(gently=kind is None)

    def _start(self) -> _Worker:
        parent, child = self.context.Pipe(duplex=True)
        process = self.context.Process(target=_serve, args=(child, self.function), daemon=True)
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self.workers.append(worker)
        return worker

    def run(self, items: Iterable[T]) -> Iterator[tuple[int, R | Died]]:
        """Each item's ``(index, outcome)``, as the workers finish them."""
        pending: deque[tuple[int, object, int]] = deque(
            (index, item, 1) for index, item in enumerate(items)
        )
        while pending or any(worker.task is not None for worker in self.workers):
            self._hand_out(pending)
            busy = [worker for worker in self.workers if worker.task is not None]
            waiting: list[object] = [w.connection for w in busy] + [
                w.process.sentinel for w in busy
            ]
            for ready in wait(waiting):  # type: ignore[arg-type]
                worker = next(w for w in busy if ready in (w.connection, w.process.sentinel))
                if worker.task is None:
                    continue  # its result and its death both reported ready
                yield from self._collect(worker, pending)

    def _hand_out(self, pending: deque[tuple[int, object, int]]) -> None:
        for worker in [w for w in self.workers if w.task is None and not w.process.is_alive()]:
            self._bury(worker)  # died after its last result: not to be charged to the next item
        idle = [worker for worker in self.workers if worker.task is None]
        while pending and (idle or len(self.workers) < self.jobs):
            worker = idle.pop() if idle else self._start()
            task = pending.popleft()
            worker.task = task
            with suppress(OSError):  # it died idle: its sentinel tells, and the task goes again
                worker.connection.send((task[0], task[1]))

    def _collect(
        self, worker: _Worker, pending: deque[tuple[int, object, int]]
    ) -> Iterator[tuple[int, R | Died]]:
        task = worker.task
        assert task is not None
        try:
            if worker.connection.poll():
                index, outcome = worker.connection.recv()
                worker.task = None
                yield index, outcome
                return
        except (EOFError, OSError):
            pass
        if worker.process.is_alive():
            return  # woken by neither: nothing to do yet
        self._bury(worker)
        index, item, attempt = task
        if attempt < ATTEMPTS:
            pending.appendleft((index, item, attempt + 1))
            return
        yield index, Died(_death(worker.process.exitcode))

    def _bury(self, worker: _Worker) -> None:
        worker.task = None  # its pipe and its sentinel may both have woken the wait
        worker.process.join(0.1)
        worker.connection.close()
        self.workers = [other for other in self.workers if other is not worker]

    def stop(self, *, gently: bool) -> None:
        """End every worker: tell them to stop (``gently``), else terminate, then kill."""
        for worker in self.workers:
            try:
                if gently:
                    worker.connection.send(None)
                else:
                    worker.process.terminate()
            except (BrokenPipeError, OSError, ValueError):
                pass
        for worker in self.workers:
            worker.process.join(_GRACE)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(_GRACE)
            worker.connection.close()
        self.workers.clear()


def _death(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"worker process died ({name}), twice: given up"
    return f"worker process died (exit code {code}), twice: given up"


def in_order(pairs: Iterable[tuple[int, T]]) -> Iterator[tuple[int, T]]:
    """``(index, outcome)`` pairs from 0 up, whatever order they arrive in."""
    waiting: dict[int, T] = {}
    following = 0
    for index, outcome in pairs:
        waiting[index] = outcome
        while following in waiting:
            yield following, waiting.pop(following)
            following += 1
