"""The original decoded text and the arithmetic of positions in it.

Every position anywhere in unres is a half-open ``[start, end)`` offset into
the original decoded ``str``. :class:`SourceText` turns an offset into a
1-based (line, column) pair with :func:`bisect.bisect_right` over the line
starts, and gives back the line that holds an offset, for error carets.

Line breaks are ``\\n``, ``\\r\\n``, ``\\r``, and the Unicode line and
paragraph separators U+2028 and U+2029 (plus form feed, which PDF and OCR
text use between pages): exactly the breaks of :meth:`str.splitlines`, which
builds the line table at C speed. The table is two tuples of offsets,
:attr:`SourceText.starts` and :attr:`SourceText.ends`; :class:`Line` records
are made only when :attr:`SourceText.lines` is asked for.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate, repeat
from operator import add, sub

_BREAKS = frozenset("\n\r\u2028\u2029\f\v\x1c\x1d\x1e\x85")
"""The characters that end a line (``\\r\\n`` is one break): those of :meth:`str.splitlines`."""


@dataclass(frozen=True, slots=True)
class Line:
    """One physical line: ``[start, end)`` excludes the line break."""

    number: int
    start: int
    end: int


def line_table(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The start and the end (before its break) of every line; one empty line for ``""``."""
    if not text:
        return (0,), (0,)
    bounds = tuple(accumulate(map(len, text.splitlines(keepends=True)), initial=0))
    starts = bounds[:-1]
    if "\r" in text:  # \r\n is the one break of two characters: measure every line
        return starts, tuple(map(add, starts, map(len, text.splitlines())))
    ends = tuple(map(sub, bounds[1:], repeat(1)))  # each line ends in a one-character break
    if text[-1] not in _BREAKS:  # but the last may have none
        ends = (*ends[:-1], len(text))
    return starts, ends


@dataclass(frozen=True)
class SourceText:
    """The decoded input, with its line table built once."""

    text: str
    starts: tuple[int, ...] = field(init=False, repr=False)
    ends: tuple[int, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        starts, ends = line_table(self.text)
        object.__setattr__(self, "starts", starts)
        object.__setattr__(self, "ends", ends)

    @cached_property
    def lines(self) -> tuple[Line, ...]:
        """Every physical line, numbered from 1."""
        return tuple(map(Line, range(1, len(self.starts) + 1), self.starts, self.ends))

    def line_index(self, offset: int) -> int:
        """Index into :attr:`lines` of the line holding ``offset``."""
        offset = min(max(offset, 0), len(self.text))
        return max(bisect_right(self.starts, offset) - 1, 0)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``; columns count code points."""
        index = self.line_index(offset)
        return index + 1, min(offset, len(self.text)) - self.starts[index] + 1

    def line_text(self, offset: int) -> str:
        """The text of the line holding ``offset``, without its line break."""
        index = self.line_index(offset)
        return self.text[self.starts[index] : self.ends[index]]

    def caret(self, start: int, end: int | None = None) -> str:
        """Two lines: the source line holding ``start`` and a caret under the span."""
        index = self.line_index(start)
        line_start, line_end = self.starts[index], self.ends[index]
        text = self.text[line_start:line_end].expandtabs(1)
        column = start - line_start
        stop = min(end if end is not None else start + 1, line_end)
        width = max(stop - start, 1)
        return f"{text}\n{' ' * column}{'^' * width}"
