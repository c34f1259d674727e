"""Does every operation grow linearly on every shape? Time at n, 2n, 4n, 8n; print exponents.

For each shape of ``benchmarks/shapes.py`` (the inputs found quadratic in issue 15, two
memory-heavy ones, the seed repeated, AKN pretty-printed and on one line) and for the
real corpus (its first ``k``, ``2k``, ``4k``, ``8k`` texts), it times each operation
(parse, the token stream, validate, JSON, AKN, text output; for AKN input, reading it,
validating it, JSON) on one core: CPU time of the process, the best of ``--rounds``. The
growth exponent is the least-squares slope of log(time) against log(size) over
n..8n: 1 is linear, 2 quadratic. It prints the figures and asserts nothing;
``tests/test_scaling.py`` holds the exponents with operation counts instead of time.

    .venv/bin/python benchmarks/scaling.py [--rounds 3] [--only NAME] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shapes import SHAPES, TEXT_OPERATIONS, Shape
from timing import CORPUS, one_core

import unres
from unres.render.text import to_text

STEPS = (1, 2, 4, 8)


def operation(name: str, akn: bool) -> Callable[[str], object]:
    """The callable that runs ``name`` on one input text."""

    def read(text: str) -> unres.Resolution:
        return unres.from_akn(text.encode("utf-8")) if akn else unres.parse(text)

    table: dict[str, Callable[[str], object]] = {
        "parse": read,
        "tokens": unres.tokenize,
        "validate": lambda text: unres.check(read(text), text),
        "json": lambda text: unres.to_json(read(text)),
        "akn": lambda text: unres.to_akn(read(text), source=text),
        "text": lambda text: to_text(read(text)),
    }
    return table[name]


def cpu_time(run: Callable[[], object], rounds: int) -> float:
    best = math.inf
    for _ in range(rounds):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def exponent(sizes: list[int], times: list[float]) -> float:
    """The least-squares slope of log(time) over log(size) through all the points.

    A fit through the four points, rather than the ratio of the last to the first, so
    one point slowed by another process on a shared machine moves it less.
    """
    if min(times) <= 0 or sizes[0] == sizes[-1]:
        return math.nan
    xs = [math.log(size) for size in sizes]
    ys = [math.log(time) for time in times]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


def measure_shape(shape: Shape, rounds: int) -> list[tuple[str, list[int], list[float]]]:
    texts = [shape.make(shape.base * step) for step in STEPS]
    sizes = [len(text) for text in texts]
    rows = []
    for name in shape.operations:
        run = operation(name, shape.akn)
        run(texts[0])  # warm-up
        times = [cpu_time(lambda t=text, r=run: r(t), rounds) for text in texts]
        rows.append((name, sizes, times))
    return rows


def _each(run: Callable[[str], object], texts: list[str]) -> None:
    for text in texts:  # nothing kept: a growing heap of results would charge the collector
        run(text)


def corpus_texts(root: Path, base: int) -> list[str] | None:
    """``8 × base`` texts that parse, in an order that mixes the folders (by a hash of the
    name), so that the first ``base``, ``2 × base``… are alike: in sorted order the first
    would be one source's lineage and the rest another's, cheaper or dearer per character."""
    files = sorted(root.rglob("*.txt"), key=lambda p: hashlib.sha1(p.name.encode()).digest())
    texts = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
            unres.parse(text)
        except (UnicodeDecodeError, unres.InputError):
            continue
        texts.append(text)
        if len(texts) == base * STEPS[-1]:
            return texts
    return None


def measure_corpus(root: Path, base: int, rounds: int) -> list[tuple[str, list[int], list[float]]]:
    texts = corpus_texts(root, base)
    if texts is None:
        return []
    groups = [texts[: base * step] for step in STEPS]
    sizes = [sum(map(len, group)) for group in groups]
    rows = []
    for name in TEXT_OPERATIONS:
        run = operation(name, False)
        times = [cpu_time(lambda g=group, r=run: _each(r, g), rounds) for group in groups]
        rows.append((name, sizes, times))
    return rows


def report(shape: str, rows: list[tuple[str, list[int], list[float]]]) -> float:
    worst = 0.0
    for name, sizes, times in rows:
        slope = exponent(sizes, times)
        worst = max(worst, slope) if not math.isnan(slope) else worst
        cells = " ".join(f"{t:8.3f}" for t in times)
        print(f"{shape:15} {name:9} {sizes[0]:>10,} {sizes[-1]:>11,} {cells}  {slope:5.2f}")
    return worst


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", action="append", help="shape names to run (repeatable)")
    parser.add_argument("--corpus", type=Path, default=CORPUS / "derived")
    parser.add_argument("--corpus-base", type=int, default=25, help="texts at n (then 2n…)")
    args = parser.parse_args()
    print(f"one core ({one_core()}); CPU seconds, best of {args.rounds}; exponent n → 8n")
    cells = " ".join(f"{f'{s}n':>8}" for s in STEPS)
    print(
        f"{'shape':15} {'operation':9} {'chars at n':>10} {'chars at 8n':>11} {cells}  {'exp':>5}"
    )
    worst = 0.0
    for shape in SHAPES:
        if args.only and shape.name not in args.only:
            continue
        worst = max(worst, report(shape.name, measure_shape(shape, args.rounds)))
    if not args.only or "corpus" in args.only:
        rows = measure_corpus(args.corpus, args.corpus_base, args.rounds)
        if rows:
            worst = max(worst, report("corpus", rows))
        else:
            print(f"corpus: {args.corpus} not found or too small, left out")
    print(f"highest exponent: {worst:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
