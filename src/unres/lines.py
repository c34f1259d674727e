"""Lines and columns as editors and CI annotations count them.

:class:`~unres.source.SourceText` breaks lines wherever the parser must
(form feeds between PDF pages, U+2028, vertical tabs …). Editors, ``grep -n``
and GitHub annotations break lines only at ``\\n``, ``\\r\\n`` and ``\\r``, so
positions shown to people are computed here, from one table of line starts
built once with :func:`bisect.bisect_right` lookups. Lines and columns are
1-based; columns count code points.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

import regex

_BREAK = regex.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class LineIndex:
    """The line starts of one text."""

    text: str
    _starts: tuple[int, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        starts = [0] + [m.end() for m in _BREAK.finditer(self.text)]
        object.__setattr__(self, "_starts", tuple(starts))

    def _line(self, offset: int) -> int:
        offset = min(max(offset, 0), len(self.text))
        return bisect_right(self._starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``."""
        index = self._line(offset)
        return index + 1, min(max(offset, 0), len(self.text)) - self._starts[index] + 1

    def line_text(self, offset: int) -> str:
        """The line holding ``offset``, without its line break."""
        index = self._line(offset)
        start = self._starts[index]
        end = self._starts[index + 1] if index + 1 < len(self._starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def caret(self, start: int, end: int | None = None) -> str:
        """The line holding ``start`` and, under it, carets below the span (tabs as one space)."""
        line = self.line_text(start)
        column = self.position(start)[1] - 1
        stop = min(end if end is not None else start + 1, start + len(line) - column)
        shown = "".join(" " if ch == "\t" else ch for ch in line)
        return f"{shown}\n{' ' * column}{'^' * max(stop - start, 1)}"
