"""Where the time of one parse goes: wall time per pipeline stage, on one core.

What it measures: for each file (default: the ×10 bench text and the seed),
the stages of :func:`unres.parse` run one after another by hand, each timed
with ``time.perf_counter``; median of ``--rounds`` runs after ``--warmup``
untimed ones. Stages: input checks, the source line table, normalizing
(noise removal), lineage detection, tokenizing (blocks and their kinds), the
metadata model, building the validated tree. The sum is close to one
``unres.parse`` call (also printed, timed on its own). Output: a table and, last,
one JSON line. It asserts nothing.

    .venv/bin/python benchmarks/stages.py [FILE ...] [--rounds 41]
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import BENCH, SEED, median_time, one_core, utf8_size

import unres
from unres import api
from unres.parsers import build, lineage, metadata, normalize
from unres.parsers import tokenize as tokenize_stage
from unres.source import SourceText

STAGES = ("check", "source", "normalize", "lineage", "tokenize", "metadata", "build")


def staged_parse(text: str) -> list[float]:
    """Parse ``text`` as :func:`unres.parse` does, returning the seconds each stage took."""
    clock: Callable[[], float] = time.perf_counter
    marks = [clock()]
    api._check_text(text, api.DEFAULT_MAX_BYTES, api.DEFAULT_MAX_LINES)
    marks.append(clock())
    source = SourceText(text)
    marks.append(clock())
    normalized = normalize.normalize(source)
    marks.append(clock())
    kind = lineage.detect(normalized)
    marks.append(clock())
    tokens, blocks, repairs = tokenize_stage.tokenize(normalized, kind)
    noise = normalized.noise
    if repairs:
        noise = tuple(sorted(noise + tuple(repairs), key=lambda n: n.start))
    marks.append(clock())
    found = metadata.read_metadata(noise)
    meta = metadata.to_model(found, encoding=None, lineage=kind)
    marks.append(clock())
    build.build(source, noise, tokens, blocks, meta, found.organ)
    marks.append(clock())
    return [after - before for before, after in itertools.pairwise(marks)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "files", nargs="*", type=Path, default=[BENCH / "A_RES_57_53.x10.txt", SEED]
    )
    parser.add_argument("--rounds", type=int, default=41)
    parser.add_argument("--warmup", type=int, default=5)
    args = parser.parse_args()
    print(f"one core ({one_core()}); median of {args.rounds} rounds after warm-up")
    rows = []
    for path in args.files:
        text = path.read_text(encoding="utf-8")
        for _ in range(args.warmup):
            staged_parse(text)
        runs = [staged_parse(text) for _ in range(args.rounds)]
        stages = {name: statistics.median(run[i] for run in runs) for i, name in enumerate(STAGES)}
        whole, _ = median_time(
            lambda text=text: unres.parse(text), rounds=args.rounds, warmup=args.warmup
        )
        total = sum(stages.values())
        print(f"\n{path.name} ({utf8_size(text)} bytes): unres.parse {whole * 1e3:.3f} ms")
        for name, seconds in stages.items():
            print(f"  {name:10s} {seconds * 1e3:8.3f} ms  {seconds / total:6.1%}")
        rows.append({"file": path.name, "parse_s": whole, "stages_s": stages})
    print(json.dumps({"tool": "stages", "rows": rows}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
