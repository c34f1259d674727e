"""Rules on operative paragraph numbers: gaps (UNR101), repeats (UNR102), disorder (UNR103).

Numbers run 1, 2, 3… within a *run*: the operative part of a resolution, or of
each part of a multi-part resolution. A section (``I``, ``II``, ``A.``) whose
first numbered paragraph is 1 starts a new run; any other section continues
the numbering of the one before, as both styles occur in General Assembly
resolutions. A count that starts again (a second 1) inside a run (an annex, an
article or quoted paragraphs the parser took for operative ones, or a
duplicated first paragraph) is one UNR102 finding, and counting goes on from
there. Unnumbered paragraphs and ``12 bis``-style insertions are left
out of the count.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import accumulate, pairwise

from unres.digits import decimal_value
from unres.models import OperativeParagraph, Section
from unres.validate.document import Body, Document, Hit
from unres.validate.sequence import Fault, FaultKind, describe, faults

Numbered = tuple[OperativeParagraph, int]


def _value(paragraph: OperativeParagraph) -> int | None:
    number = paragraph.number
    return decimal_value(number) if number is not None else None


def _numbered(paragraphs: list[OperativeParagraph]) -> list[Numbered]:
    found: list[Numbered] = []
    for paragraph in paragraphs:
        value = _value(paragraph)
        if value is not None:
            found.append((paragraph, value))
    return found


def _section_runs(section: Section, runs: list[list[Numbered]]) -> None:
    numbered = _numbered(section.paragraphs)
    if numbered and numbered[0][1] == 1 and runs[-1]:
        runs.append([])
    runs[-1].extend(numbered)
    for child in section.sections:
        _section_runs(child, runs)


def runs(body: Body) -> list[list[Numbered]]:
    """The numbering runs of a body: lists of (paragraph, number) that count from 1."""
    found: list[list[Numbered]] = [_numbered(list(body.operative))]
    for section in body.sections:
        _section_runs(section, found)
    return [run for run in found if run]


def _restarts(run: list[Numbered]) -> list[int]:
    """Indexes in ``run`` where the count starts again: every 1 after the first."""
    ones = [i for i, (_, value) in enumerate(run) if value == 1]
    return ones[1:]


def _running_max(values: list[int]) -> list[int]:
    """The highest value up to and including each index: one pass, not one per restart."""
    return list(accumulate(values, max))


def _pieces(run: list[Numbered]) -> list[list[Numbered]]:
    """``run`` cut at each restart, so a restart is reported once, not at every number after it."""
    cuts = [0, *_restarts(run), len(run)]
    return [run[a:b] for a, b in pairwise(cuts) if b > a]


def _faults(document: Document, kind: FaultKind) -> Iterator[tuple[OperativeParagraph, Fault]]:
    for body in document.bodies:
        for run in runs(body):
            for piece in _pieces(run):
                for fault in faults([value for _, value in piece]):
                    if fault.kind == kind:
                        yield piece[fault.index][0], fault


def _number_span(paragraph: OperativeParagraph) -> tuple[int, int]:
    start = paragraph.span[0]
    return start, min(start + len(paragraph.number or "") + 1, paragraph.span[1])


def gaps(document: Document) -> Iterator[Hit]:
    """UNR101: a number is skipped."""
    for paragraph, fault in _faults(document, "gap"):
        if fault.previous is None and document.resolution.kind == "fragment":
            continue  # a fragment's first paragraphs are on the page before
        missing = describe(fault.missing, str)
        noun = "paragraph" if len(fault.missing) == 1 else "paragraphs"
        verb = "is" if len(fault.missing) == 1 else "are"
        after = f"follows {fault.previous}" if fault.previous else "is the first"
        yield Hit(
            _number_span(paragraph),
            f"operative paragraph {fault.value} {after}: {noun} {missing} {verb} missing",
        )


def repeats(document: Document) -> Iterator[Hit]:
    """UNR102: a number is used twice; a count that starts again at 1 is reported once."""
    for body in document.bodies:
        for run in runs(body):
            highest = _running_max([value for _, value in run])
            for index in _restarts(run):
                previous = highest[index - 1]
                yield Hit(
                    _number_span(run[index][0]),
                    f"operative paragraph numbering starts again at 1 after paragraph {previous}",
                )
    for paragraph, fault in _faults(document, "repeat"):
        yield Hit(
            _number_span(paragraph),
            f"operative paragraph number {fault.value} is used again",
        )


def disorder(document: Document) -> Iterator[Hit]:
    """UNR103: a number comes after a higher one."""
    for paragraph, fault in _faults(document, "order"):
        yield Hit(
            _number_span(paragraph),
            f"operative paragraph {fault.value} comes after paragraph {fault.previous}",
        )
