"""Rules on sub-item labels: gaps (UNR111), repeats (UNR112), disorder (UNR113) and
mixed styles (UNR114).

The labels of one clause or paragraph are read in document order, whatever
nesting the parser chose, and sorted into *lists* the way a reader does:

1. a label that is the next value of an open list continues it (the innermost
   such list first), closing any list nested deeper;
2. else a label that can start a list (``(a)``, ``(i)``, ``(1)``) in a style no
   open list has opens a list under the item before it;
3. else a label in the style and punctuation of an open list belongs to that
   list, out of sequence;
4. else, when no list is open yet, it opens one (out of sequence), in the
   reading with the lowest value (``V.`` is Roman five, not the letter V);
5. else it fits no list: a mixed style at that level (UNR114), left out of
   the sequences.

An ambiguous ``(i)`` followed by ``(ii)`` opens a Roman list even after
``(h)``. Each list is then checked with :mod:`unres.validate.sequence`. The
punctuation (``(a)`` against ``a.``) is read from the source when there is one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial

from unres.models import Item
from unres.models.tree import LabelStyle
from unres.validate.document import Document, Hit
from unres.validate.labels import Punctuation, Reading, readings, show
from unres.validate.nodes import flat_items, holders
from unres.validate.sequence import Fault, FaultKind, describe, faults


@dataclass(slots=True)
class _List:
    style: LabelStyle
    punctuation: Punctuation
    members: list[tuple[Item, int]] = field(default_factory=list)

    @property
    def last(self) -> int:
        return self.members[-1][1]

    def fits(self, reading: Reading, punctuation: Punctuation) -> bool:
        return reading[0] == self.style and punctuation == self.punctuation


@dataclass(slots=True)
class _Sorted:
    lists: list[_List] = field(default_factory=list)
    mixed: list[tuple[Item, _List]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Label:
    item: Item
    punctuation: Punctuation
    readings: tuple[Reading, ...]


def _punctuation(document: Document, item: Item) -> Punctuation:
    text = document.text
    start = item.span[0]
    return "." if text and text[start : start + 1] != "(" else "()"


def _continue(stack: list[_List], label: _Label) -> bool:
    for depth in range(len(stack) - 1, -1, -1):
        level = stack[depth]
        for reading in label.readings:
            if level.fits(reading, label.punctuation) and reading[1] == level.last + 1:
                del stack[depth + 1 :]
                level.members.append((label.item, reading[1]))
                return True
    return False


def _open(stack: list[_List], done: _Sorted, label: _Label, readings_: tuple[Reading, ...]) -> bool:
    for reading in readings_:
        if reading[1] == 1 and not any(level.fits(reading, label.punctuation) for level in stack):
            level = _List(reading[0], label.punctuation, [(label.item, 1)])
            stack.append(level)
            done.lists.append(level)
            return True
    return False


def _out_of_sequence(stack: list[_List], label: _Label) -> bool:
    for depth in range(len(stack) - 1, -1, -1):
        level = stack[depth]
        for reading in label.readings:
            if level.fits(reading, label.punctuation):
                del stack[depth + 1 :]
                level.members.append((label.item, reading[1]))
                return True
    return False


def _roman_first(labels: list[_Label], index: int) -> tuple[Reading, ...]:
    """The readings of label ``index``, Roman first when it is ``(i)`` and ``(ii)`` follows."""
    label = labels[index]
    romans = [r for r in label.readings if r[0].endswith("roman") and r[1] == 1]
    following = labels[index + 1] if index + 1 < len(labels) else None
    if romans and following is not None and (romans[0][0], 2) in following.readings:
        return (romans[0],)
    return ()


def sort_labels(labels: list[_Label]) -> _Sorted:
    """Sort the labels of one holder into lists, by the steps in the module docstring."""
    done = _Sorted()
    stack: list[_List] = []
    for index, label in enumerate(labels):
        roman = _roman_first(labels, index)
        if roman and _open(stack, done, label, roman):
            continue
        if _continue(stack, label) or _open(stack, done, label, label.readings):
            continue
        if _out_of_sequence(stack, label) or not label.readings:
            continue
        if not stack:
            style, value = min(label.readings, key=lambda reading: reading[1])
            level = _List(style, label.punctuation, [(label.item, value)])
            stack.append(level)
            done.lists.append(level)
            continue
        done.mixed.append((label.item, stack[-1]))
    return done


def _sorted_holders(document: Document) -> Iterator[_Sorted]:
    for holder in holders(document.resolution):
        if holder.items:
            labels = [
                _Label(item, _punctuation(document, item), readings(item.label))
                for item in flat_items(holder.items)
            ]
            yield sort_labels(labels)


def _label_span(item: Item, punctuation: Punctuation) -> tuple[int, int]:
    start = item.span[0]
    return start, min(start + len(item.label) + len(punctuation), item.span[1])


def _faults(document: Document, kind: FaultKind) -> Iterator[tuple[_List, Item, Fault]]:
    for found in _sorted_holders(document):
        for level in found.lists:
            for fault in faults([value for _, value in level.members]):
                if fault.kind == kind:
                    yield level, level.members[fault.index][0], fault


def _show(level: _List, value: int) -> str:
    return show(level.style, value, level.punctuation)


def gaps(document: Document) -> Iterator[Hit]:
    """UNR111: a label is skipped (``(a)``, ``(c)``)."""
    for level, item, fault in _faults(document, "gap"):
        label = _show(level, fault.value)
        missing = describe(fault.missing, partial(_show, level))
        verb = "is" if len(fault.missing) == 1 else "are"
        where = f"follows {_show(level, fault.previous)}" if fault.previous else "opens its list"
        yield Hit(
            _label_span(item, level.punctuation),
            f"sub-item {label} {where}: {missing} {verb} missing",
        )


def repeats(document: Document) -> Iterator[Hit]:
    """UNR112: a label is used twice in one list."""
    for level, item, fault in _faults(document, "repeat"):
        label = _show(level, fault.value)
        yield Hit(_label_span(item, level.punctuation), f"sub-item label {label} is used again")


def disorder(document: Document) -> Iterator[Hit]:
    """UNR113: a label comes after a later one."""
    for level, item, fault in _faults(document, "order"):
        label, previous = _show(level, fault.value), _show(level, fault.previous)
        yield Hit(_label_span(item, level.punctuation), f"sub-item {label} comes after {previous}")


def mixed(document: Document) -> Iterator[Hit]:
    """UNR114: a label fits no list open at its place."""
    for found in _sorted_holders(document):
        for item, level in found.mixed:
            punctuation = _punctuation(document, item)
            label = f"({item.label})" if punctuation == "()" else f"{item.label}."
            yield Hit(
                _label_span(item, punctuation),
                f"sub-item {label} mixes label styles: its list runs {_show(level, 1)}, "
                f"{_show(level, 2)}…",
            )
