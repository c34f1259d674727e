"""Does parse time grow linearly? The seed's body repeated 1, 4, 16, 64 and 256 times.

What it measures, on one core: the median wall time of ``unres.parse`` on a
text made of the seed resolution repeated ``n`` times (each copy a part of
its own), after warm-up, and the ratio ``time(n) / (n × time(1))``. A ratio
near 1 is linear growth; the issue's bound is 1.3 at ``n = 64``. It prints
the figures and asserts nothing.

    .venv/bin/python benchmarks/linearity.py [--rounds 7]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import SEED, median_time, one_core, utf8_size

import unres

COPIES = (1, 4, 16, 64, 256)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    pinned = one_core()
    seed = SEED.read_text(encoding="utf-8")
    base: float | None = None
    rows = []
    print(f"one core ({pinned}); median of {args.rounds} rounds after warm-up")
    print(f"{'copies':>6} {'bytes':>9} {'seconds':>9} {'MB/s':>7} {'time(n)/(n*time(1))':>20}")
    for n in COPIES:
        text = seed * n
        rounds = max(3, args.rounds * 3 if n <= 4 else args.rounds if n <= 64 else args.rounds // 2)
        median, _ = median_time(lambda t=text: unres.parse(t), rounds=rounds, warmup=5)
        base = median if base is None else base
        ratio = median / (n * base)
        rows.append({"copies": n, "bytes": utf8_size(text), "median_s": median, "ratio": ratio})
        print(
            f"{n:6d} {utf8_size(text):9d} {median:9.4f} {utf8_size(text) / median / 1e6:7.2f} "
            f"{ratio:20.3f}"
        )
    print(json.dumps({"tool": "linearity", "rows": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
