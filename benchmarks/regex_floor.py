"""Time one ``regex`` finditer pass over raw resolution text: a floor for line-based parsing.

What it measures: wall time (``time.perf_counter``) of iterating every match of
the line pattern ``[^\\n]*\\n`` over a file's decoded text, which is about the least
any line-by-line parser must do. The file is read once, the pass is warmed up,
then timed ``--rounds`` times. The match count is checked against the file's
newline count. Output: one JSON object per file on stdout, shaped like
``bluebell_side.py``'s, with ``"tool": "regex-floor"``.

Needs only the standard library and ``regex``; runs on Python 3.11 or later::

    python3 benchmarks/regex_floor.py [FILE ...] [--rounds 7]
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import regex

LINE = regex.compile(
    r"""
    [^\n]* \n   # one line with its terminator (a final unterminated line is not matched)
    """,
    regex.VERBOSE,
)
BENCH_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "bench"
DEFAULT_FILES = (BENCH_DIR / "A_RES_57_53.x10.txt",)


def count_lines(text: str) -> int:
    """One finditer pass over ``text``; return the number of matches."""
    count = 0
    for _ in LINE.finditer(text):
        count += 1
    return count


def time_pass(text: str, rounds: int, warmup: int) -> list[float]:
    """Return the wall times of ``rounds`` passes over ``text``, after ``warmup`` untimed ones."""
    for _ in range(warmup):
        count_lines(text)
    times: list[float] = []
    for _ in range(rounds):
        start = time.perf_counter()
        count_lines(text)
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=list(DEFAULT_FILES))
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--warmup", type=int, default=2)
    args = parser.parse_args()
    for path in args.files:
        text = path.read_text(encoding="utf-8")
        lines = count_lines(text)
        if lines != text.count("\n"):
            raise AssertionError(f"{path}: {lines} matches for {text.count(chr(10))} newlines")
        times = time_pass(text, args.rounds, args.warmup)
        size = len(text.encode("utf-8"))
        median = statistics.median(times)
        print(json.dumps({
            "tool": "regex-floor", "flavour": "finditer", "file": str(path), "bytes": size,
            "median_s": median, "min_s": min(times), "mb_per_s": size / median / 1e6,
            "rounds": args.rounds, "version": regex.__version__, "lines": lines,
        }), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
