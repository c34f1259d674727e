"""Throughput of unres end to end (text → validated tree), and peak memory per document.

What it measures, on one core (the process pins itself), after a warm-up pass:

* the whole corpus (every ``*.txt`` under ``../shared/corpus``, decoded once up
  front; texts refused with ``InputError`` are left out): wall time of one pass
  parsing every text, median of ``--rounds`` passes, as MB/s (UTF-8 bytes) and
  documents/s;
* the seed (``fixtures/seed``) and the ×10 bench text: median of ``--repeat``
  parses each;
* peak memory per document: ``tracemalloc`` peak while parsing each corpus text
  once (a separate pass: tracing slows parsing), as the median and the largest,
  in MB and as a multiple of the text's size.

It prints a table and, last, one JSON line with the figures. It asserts
nothing about time. Run: ``.venv/bin/python benchmarks/throughput.py``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import BENCH, CORPUS, SEED, median_time, one_core, utf8_size

import unres
from unres.decode import decode


def corpus_texts() -> list[str]:
    texts = []
    for path in sorted(CORPUS.rglob("*.txt")):
        try:
            text, _ = decode(path.read_bytes())
            unres.parse(text)
        except unres.InputError:
            continue
        texts.append(text)
    return texts


def parse_all(texts: list[str]) -> None:
    for text in texts:
        unres.parse(text)


def peak_memory(texts: list[str]) -> tuple[list[float], list[float]]:
    """Peak traced MB per document, and the peak as a multiple of the document's size."""
    peaks, ratios = [], []
    for text in texts:
        tracemalloc.start()
        unres.parse(text)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        peaks.append(peak / 1e6)
        ratios.append(peak / utf8_size(text))
    return peaks, ratios


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="corpus passes timed")
    parser.add_argument("--repeat", type=int, default=21, help="parses of the seed timed")
    args = parser.parse_args()
    pinned = one_core()
    texts = corpus_texts()
    size = sum(utf8_size(t) for t in texts)
    corpus_s, corpus_min = median_time(lambda: parse_all(texts), rounds=args.rounds, warmup=1)
    singles = {}
    for name, path in (("seed", SEED), ("x10", BENCH / "A_RES_57_53.x10.txt")):
        text = path.read_text(encoding="utf-8")
        median, _ = median_time(lambda t=text: unres.parse(t), rounds=args.repeat, warmup=3)
        singles[name] = {"bytes": utf8_size(text), "median_s": median,
                         "mb_per_s": utf8_size(text) / median / 1e6}  # fmt: skip
    started = time.perf_counter()
    peaks, ratios = peak_memory(texts)
    traced_s = time.perf_counter() - started

    python = sys.version.split()[0]
    print(f"unres {unres.__version__} throughput, one core ({pinned}), Python {python}")
    print(f"corpus: {len(texts)} documents, {size / 1e6:.2f} MB, median of {args.rounds} passes")
    print(
        f"  {corpus_s:8.3f} s/pass  {size / corpus_s / 1e6:6.2f} MB/s  "
        f"{len(texts) / corpus_s:7.1f} documents/s  (best pass {size / corpus_min / 1e6:.2f} MB/s)"
    )
    for name, row in singles.items():
        print(
            f"{name:>6}: {row['bytes']:7d} B  {row['median_s'] * 1e3:8.2f} ms  "
            f"{row['mb_per_s']:6.2f} MB/s  (median of {args.repeat})"
        )
    print(
        f"peak memory per document (tracemalloc, {traced_s:.1f} s pass): "
        f"median {statistics.median(peaks):.2f} MB, max {max(peaks):.2f} MB; "
        f"median {statistics.median(ratios):.0f}x the text, max {max(ratios):.0f}x"
    )
    print(json.dumps({
        "tool": "unres", "corpus_documents": len(texts), "corpus_bytes": size,
        "corpus_median_s": corpus_s, "corpus_mb_per_s": size / corpus_s / 1e6,
        "corpus_docs_per_s": len(texts) / corpus_s, "singles": singles,
        "peak_mb_median": statistics.median(peaks), "peak_mb_max": max(peaks),
        "peak_ratio_median": statistics.median(ratios), "peak_ratio_max": max(ratios),
    }))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
