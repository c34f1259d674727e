"""Many files at once: one result or one error per path, in order, over processes if asked.

:func:`parse_many` takes paths and yields a :class:`BatchResult` for each, in
the order given, whether the file parsed or not: a file that fails (unreadable,
undecodable, not a resolution, out of memory, or a parser bug) is reported in
its result and the batch goes on. With ``jobs > 1`` (capped at the CPUs
available) the files are parsed in a :class:`unres.pool.Pool`, where a worker
that dies costs only its own file (tried once more, then reported).
:func:`parse_path` and the results pickle, so the same function works
unchanged in other engines (``concurrent.futures``, multiprocessing, Dask
bags, Spark).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial

from unres.api import DEFAULT_MAX_BYTES, DEFAULT_MAX_LINES, parse_file, read_bounded
from unres.errors import InputError
from unres.models import Resolution
from unres.pool import Died, Pool, available_cpus, in_order
from unres.readers.akn import from_akn, looks_like_akn


@dataclass(frozen=True, slots=True)
class BatchResult:
    """The outcome for one path: the tree, or the one-line reason it could not be had."""

    path: str
    result: Resolution | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.result is not None


def parse_path(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_lines: int = DEFAULT_MAX_LINES,
) -> BatchResult:
    """Parse one file into a :class:`BatchResult`; never raises for a bad file."""
    name = os.fspath(path)
    try:
        if _opens_like_akn(name):  # AKN4UN XML, as ``unres parse FILE.xml`` reads it
            return BatchResult(name, from_akn(read_bounded(name, max_bytes), max_bytes=max_bytes))
        return BatchResult(name, parse_file(name, max_bytes=max_bytes, max_lines=max_lines))
    except (InputError, OSError) as err:
        return BatchResult(name, error=getattr(err, "reason", None) or f"cannot read: {err}")
    except MemoryError:
        return BatchResult(name, error="out of memory")
    except Exception as err:  # a parser bug in one file must not end the batch: report it
        return BatchResult(name, error=f"internal error: {type(err).__name__}: {err}")


def _opens_like_akn(name: str) -> bool:
    try:
        with open(name, "rb") as handle:
            return looks_like_akn(handle.read(512))
    except OSError:
        return False  # parse_file reports the unreadable file


def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    jobs: int = 1,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_lines: int = DEFAULT_MAX_LINES,
) -> Iterator[BatchResult]:
    """A result per path, in the order given; ``jobs`` processes parse them (1: this one).

    ``jobs`` is capped at the number of CPUs available. A worker that dies (killed for
    memory, say) costs only the file it was on, which is tried once more and then reported
    as failed. Raises :class:`TypeError` for a lone string or bytes instead of paths.
    """
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise TypeError(
            f"parse_many: paths must be an iterable of paths, not one {type(paths).__name__}"
        )
    if isinstance(jobs, bool) or not isinstance(jobs, int):
        raise TypeError(f"parse_many: jobs must be an int, not {type(jobs).__name__}")
    names = [_path_name(path) for path in paths]
    return _results(names, min(jobs, available_cpus(), len(names)), max_bytes, max_lines)


def _results(names: list[str], jobs: int, max_bytes: int, max_lines: int) -> Iterator[BatchResult]:
    one = partial(parse_path, max_bytes=max_bytes, max_lines=max_lines)
    if jobs <= 1:
        yield from map(one, names)
        return
    with Pool(one, jobs) as pool:
        yield from _ordered(pool.run(names), names)


def _path_name(path: object) -> str:
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(
            f"parse_many: each path must be str or os.PathLike, not {type(path).__name__}"
        )
    name = os.fspath(path)
    if not isinstance(name, str):
        raise TypeError(
            f"parse_many: each path must be str or os.PathLike, not {type(name).__name__}"
        )
    return name


def _ordered(
    outcomes: Iterator[tuple[int, BatchResult | Died]], names: list[str]
) -> Iterator[BatchResult]:
    """The pool's outcomes in input order, each dead worker's file as a failed result."""
    for index, outcome in in_order(outcomes):
        yield (
            BatchResult(names[index], error=outcome.reason)
            if isinstance(outcome, Died)
            else outcome
        )
