"""Timing helpers the benchmarks share: one core, warm-up, median of rounds.

Not a test: the benchmarks print figures and assert nothing about time.
"""

from __future__ import annotations

import gc
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BENCH = SHARED / "bench"
CORPUS = SHARED / "corpus"
SEED = ROOT / "fixtures" / "seed" / "A_RES_57_53.txt"


def one_core() -> str:
    """Pin this process to one CPU (where the OS allows it) and say which."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def median_time(run: Callable[[], object], *, rounds: int, warmup: int) -> tuple[float, float]:
    """Median and minimum wall time of ``rounds`` calls of ``run``, after ``warmup`` calls.

    The calls follow each other as in a batch, the collector on, as bluebell's side and
    the regex floor are timed. No ``gc.collect()`` between them: a parse leaves no
    reference cycles (tests/test_build_shortcuts.py), so no garbage of one call is charged
    to the next, and a full collection before each call would charge it instead for caches
    the collection evicted (the seed: 0.85 ms a parse in a row, 1.40 ms after a collection).
    """
    for _ in range(warmup):
        run()
    gc.collect()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def utf8_size(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))
