"""Faults in a run of numbers that should go 1, 2, 3…: gaps, repeats and disorder.

Used for operative paragraph numbers and for sub-item labels alike. The
reading is the one that blames the fewest places: a value seen before is a
*repeat*; a value below the highest so far is *out of order* (so swapping two
paragraphs gives one fault, at the one that moved back); a value that jumps
over numbers that appear nowhere in the run is a *gap*, reported at the value
after the hole. Values that appear later, out of order, are not missing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

FaultKind = Literal["gap", "repeat", "order"]


@dataclass(frozen=True, slots=True)
class Fault:
    """One fault: the index of the offending value, its kind, and its context.

    ``missing`` holds, for a gap, the values missing just before this one;
    ``previous`` is the highest value seen before it.
    """

    index: int
    kind: FaultKind
    value: int
    previous: int
    missing: tuple[int, ...] = ()


def faults(values: Sequence[int], first: int = 1) -> list[Fault]:
    """The faults of ``values``, a run that should count ``first``, ``first + 1``…"""
    present = set(values)
    seen: set[int] = set()
    top = first - 1
    found: list[Fault] = []
    for index, value in enumerate(values):
        if value in seen:
            found.append(Fault(index, "repeat", value, top))
            continue
        seen.add(value)
        if value < top:
            found.append(Fault(index, "order", value, top))
            continue
        missing = tuple(n for n in range(top + 1, value) if n not in present)
        if missing:
            found.append(Fault(index, "gap", value, top, missing))
        top = value
    return found


def describe(values: tuple[int, ...], label: Callable[[int], str]) -> str:
    """``3``, ``3 and 4``, ``3 to 6`` or ``3, 5 and 6``: missing values as words."""
    words = [label(value) for value in values]
    if len(words) == 1:
        return words[0]
    if len(words) > 2 and values == tuple(range(values[0], values[-1] + 1)):
        return f"{words[0]} to {words[-1]}"
    return ", ".join(words[:-1]) + f" and {words[-1]}"
