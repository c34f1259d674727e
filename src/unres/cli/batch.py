"""The batch side of ``unres parse FILE... [--jobs N] [--out DIR]``: work that is never lost.

Takes the input paths and writes, with ``--out DIR``, one JSON tree per input at a name
that mirrors the input's place under the inputs' common folder (``a/x.txt`` and
``b/x.txt`` give ``DIR/a/x.json`` and ``DIR/b/x.json``; inputs whose names differ only in
the extension keep it: ``x.txt.json``), so a name depends only on the inputs, never on
which failed. ``DIR/index.jsonl`` records, as results arrive, one line per input:
``{"input", "output", "ok", "error"}``. Without ``--out``, one JSON Lines record per file
goes to standard output, in input order.

Guarantees: each tree is written to a temporary file in its folder and renamed over the
target, so a file is either complete or absent (a full disk leaves no truncated JSON);
an output error (a folder in the way, a name too long, no space) is reported for that
file and the batch goes on; the worker processes (:class:`unres.pool.Pool`) render and
write the JSON themselves, so only short records travel back; a worker that dies costs
its own file alone (tried once more, then reported). Ctrl-C and SIGTERM stop the workers
and exit promptly, with 130 or 143 and a summary of what was written. ``--jobs`` is capped
at the CPUs available, saying so.
"""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Generator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import FrameType
from typing import Any, TextIO

from unres.batch import BatchResult, parse_path
from unres.cli.common import utf8_safe
from unres.pool import Died, Pool, available_cpus
from unres.render.json import to_json


@dataclass(frozen=True, slots=True)
class Task:
    """One input, and where its tree goes (``None``: back to the parent as a JSON line)."""

    path: str
    target: str | None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input: its JSON line (stdout mode), or the error that stopped it."""

    path: str
    ok: bool
    error: str | None = None
    line: str | None = None
    written: bool = False


class Stopped(BaseException):
    """SIGTERM received: the batch stops as for Ctrl-C, with exit status 143."""


def output_names(paths: list[str]) -> list[str]:
    """For each input, its output path relative to ``--out``, mirroring the input folders."""
    absolute = [os.path.abspath(path) for path in paths]
    root = os.path.commonpath([os.path.dirname(path) for path in absolute]) if absolute else ""
    relative = [os.path.relpath(path, root) for path in absolute]
    plain = [str(Path(path).with_suffix(".json")) for path in relative]
    counts: dict[str, int] = {}
    for name in plain:
        counts[name] = counts.get(name, 0) + 1
    return [
        name if counts[name] == 1 else f"{path}.json"
        for name, path in zip(plain, relative, strict=True)
    ]


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file in the same folder and a rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.parent / f"{_temporary_prefix(os.getppid())}{os.getpid()}.tmp"
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)  # closing flushes: a full disk fails here, not after the rename
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _temporary_prefix(batch: int) -> str:
    """Temporary files of the batch run by process ``batch`` (its workers' parent)."""
    return f".unres-{batch}-"


def remove_leftovers(targets: list[str]) -> None:
    """Remove the temporary files this batch's workers left when killed in mid-write."""
    pattern = f"{_temporary_prefix(os.getpid())}*.tmp"
    for folder in {Path(target).parent for target in targets}:
        for leftover in folder.glob(pattern):
            leftover.unlink(missing_ok=True)


def render_one(task: Task, *, compact: bool) -> Outcome:
    """Parse one input and write its tree (or make its JSON line); never raises."""
    result = parse_path(task.path)
    if task.target is None:
        return Outcome(task.path, result.ok, result.error, line=_json_line(result))
    if result.result is None:
        return Outcome(task.path, False, result.error)
    try:
        text = to_json(result.result, indent=None if compact else 2) + "\n"
        write_atomic(Path(task.target), utf8_safe(text).encode("utf-8"))
    except MemoryError:
        return Outcome(task.path, False, "out of memory while writing the output")
    except OSError as err:
        return Outcome(task.path, False, f"cannot write {task.target}: {err.strerror or err}")
    return Outcome(task.path, True, written=True)


def _json_line(result: BatchResult) -> str:
    record: dict[str, Any] = {"path": result.path, "ok": result.ok}
    if result.result is not None:
        record["result"] = result.result.model_dump(mode="json")
    else:
        record["error"] = result.error
    return utf8_safe(json.dumps(record, ensure_ascii=False))


def capped_jobs(jobs: int, stream: TextIO) -> int:
    """``jobs``, capped at the CPUs available, saying so on ``stream``."""
    cpus = available_cpus()
    if jobs > cpus:
        print(f"unres: --jobs {jobs} capped at {cpus}, the CPUs available", file=stream)
        return cpus
    return jobs


def outcomes(tasks: list[Task], jobs: int, *, compact: bool) -> Generator[Outcome, None, None]:
    """Each task's outcome: in input order in this process, in finishing order in a pool."""
    one = partial(render_one, compact=compact)
    if jobs <= 1 or len(tasks) <= 1:
        yield from map(one, tasks)
        return
    with Pool(one, jobs) as pool:
        for index, outcome in pool.run(tasks):
            if isinstance(outcome, Died):
                outcome = Outcome(tasks[index].path, False, outcome.reason)
            yield outcome


def stop_on_sigterm() -> Any:
    """Make SIGTERM raise :class:`Stopped` in this process; returns the handler it replaced."""

    def stop(number: int, frame: FrameType | None) -> None:
        raise Stopped

    return signal.signal(signal.SIGTERM, stop)
