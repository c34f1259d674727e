"""Does ``--jobs N`` pay? Documents per second of ``unres parse --out`` and ``unres validate``.

Runs the command line, as a user would, over the corpus texts (``*.txt`` under the
folder given, default ``../shared/corpus/derived``) with ``--jobs`` 1, 2 and 4, and prints
the wall time, documents per second and CPU time (the command and its workers) of each,
the best of ``--rounds``. On a shared machine the CPU time says whether the work grew;
the wall time whether the CPUs were there to share it. ``--jobs`` is
capped at the CPUs available (the command says so), so 4 jobs on two CPUs run as 2.
It prints figures and asserts nothing.

    .venv/bin/python benchmarks/batch.py [DIR] [--rounds 3] [--limit 333]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import CORPUS

UNRES = Path(sys.executable).with_name("unres")


def run(command: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (the command and its workers) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS / "derived")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=int, default=333, help="how many texts (sorted)")
    args = parser.parse_args()
    files = [str(path) for path in sorted(args.folder.rglob("*.txt"))][: args.limit]
    if not files:
        print(f"no texts under {args.folder}")
        return 2
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{len(files)} texts from {args.folder}; {cpus} CPUs; best of {args.rounds} rounds")
    print(f"{'command':28} {'jobs':>4} {'seconds':>8} {'docs/s':>8} {'CPU s':>8}")
    for name in ("parse --out", "validate"):
        for jobs in (1, 2, 4):
            best, cpu = float("inf"), 0.0
            for _ in range(args.rounds):
                with tempfile.TemporaryDirectory() as out:
                    if name == "validate":
                        command = [str(UNRES), "validate", "--jobs", str(jobs), *files]
                    else:
                        command = [str(UNRES), "parse", "--jobs", str(jobs), "--out", out, *files]
                    wall, used = run(command)
                    if wall < best:
                        best, cpu = wall, used
            print(f"unres {name:22} {jobs:4d} {best:8.2f} {len(files) / best:8.1f} {cpu:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
