"""Every operation grows linearly on every shape, counted in executed lines, not timed.

For each shape of ``benchmarks/shapes.py`` (the inputs issue 15 found quadratic, the
memory-heavy ones, the seed repeated, AKN pretty-printed and on one line) and each
operation (parse, tokens, validate, JSON, AKN, text output; AKN input read, validated,
dumped), the Python lines executed (``sys.settrace`` line and call events, which count
generator resumptions too) are counted at sizes ``n`` and ``4n``. The count is exact and
the same on every machine, so the growth exponent ``log(count(4n) / count(n)) / log 4``
can be held to 1.15 without wall time; a loop that rescans what it has seen (the
quadratic class) gives 1.5 to 2. Work done inside C (a slice copied per row) is not
counted: ``benchmarks/scaling.py`` times that side.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from shapes import SHAPES, Shape

import unres
from unres.render.text import to_text

GROWTH = 4
LIMIT = 1.15


class LineCounter:
    """Counts the Python lines and calls executed while it is installed."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, frame: FrameType, event: str, arg: Any) -> LineCounter:
        self.count += 1
        return self

    def run(self, action: Callable[[], object]) -> int:
        self.count = 0
        sys.settrace(self)
        try:
            action()
        finally:
            sys.settrace(None)
        return self.count


def _operations(shape: Shape, text: str) -> dict[str, Callable[[], object]]:
    if shape.akn:
        tree = unres.from_akn(text.encode("utf-8"))
        return {
            "parse": lambda: unres.from_akn(text.encode("utf-8")),
            "validate": lambda: unres.check(tree, text),
            "json": lambda: unres.to_json(tree),
        }
    tree = unres.parse(text)
    return {
        "parse": lambda: unres.parse(text),
        "tokens": lambda: unres.tokenize(text),
        "validate": lambda: unres.check(tree, text),
        "json": lambda: unres.to_json(tree),
        "akn": lambda: unres.to_akn(tree, source=text),
        "text": lambda: to_text(tree),
    }


def _counts(shape: Shape, n: int) -> dict[str, int]:
    counter = LineCounter()
    return {name: counter.run(action) for name, action in _operations(shape, shape.make(n)).items()}


def _small(shape: Shape) -> int:
    """The smaller size counted: a tenth of the benchmark's, at least 1."""
    return max(1, shape.base // 10)


@pytest.mark.parametrize("shape", SHAPES, ids=[shape.name for shape in SHAPES])
def test_operations_grow_linearly(shape: Shape) -> None:
    n = _small(shape)
    small, large = _counts(shape, n), _counts(shape, GROWTH * n)
    assert set(small) == set(shape.operations)
    exponents = {name: math.log(large[name] / small[name]) / math.log(GROWTH) for name in small}
    over = {name: round(value, 2) for name, value in exponents.items() if value > LIMIT}
    assert not over, f"{shape.name}: line counts grow faster than linearly: {over}"


def test_the_counter_sees_a_quadratic_loop() -> None:
    """Negative control: a loop that rescans its prefix counts at exponent near 2."""

    def rescan(size: int) -> None:
        values = list(range(size))
        for index in range(1, size):
            highest = 0
            for value in values[:index]:
                highest = max(highest, value)

    counter = LineCounter()
    small = counter.run(lambda: rescan(50))
    large = counter.run(lambda: rescan(200))
    assert math.log(large / small) / math.log(4) > 1.8
