"""The original decoded text and the arithmetic of positions in it.

Every position anywhere in unres is a half-open ``[start, end)`` offset into
the original decoded ``str``. :class:`SourceText` turns an offset into a
1-based (line, column) pair with :func:`bisect.bisect_right` over the line
starts, and gives back the line that holds an offset, for error carets.

Line breaks are ``\\n``, ``\\r\\n``, ``\\r``, and the Unicode line and
paragraph separators U+2028 and U+2029 (plus form feed, which PDF and OCR
text use between pages).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

import regex

_LINE_BREAK = regex.compile(r"\r\n|[\n\r\u2028\u2029\f\v\x1c\x1d\x1e\x85]")


@dataclass(frozen=True, slots=True)
class Line:
    """One physical line: ``[start, end)`` excludes the line break."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class SourceText:
    """The decoded input, with its line table built once."""

    text: str
    lines: tuple[Line, ...] = field(init=False, repr=False)
    _starts: tuple[int, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        lines: list[Line] = []
        start = 0
        for number, brk in enumerate(_LINE_BREAK.finditer(self.text), start=1):
            lines.append(Line(number, start, brk.start()))
            start = brk.end()
        if start < len(self.text) or not lines:
            lines.append(Line(len(lines) + 1, start, len(self.text)))
        object.__setattr__(self, "lines", tuple(lines))
        object.__setattr__(self, "_starts", tuple(line.start for line in lines))

    def line_index(self, offset: int) -> int:
        """Index into :attr:`lines` of the line holding ``offset``."""
        offset = min(max(offset, 0), len(self.text))
        return max(bisect_right(self._starts, offset) - 1, 0)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``; columns count code points."""
        line = self.lines[self.line_index(offset)]
        return line.number, min(offset, len(self.text)) - line.start + 1

    def line_text(self, offset: int) -> str:
        """The text of the line holding ``offset``, without its line break."""
        line = self.lines[self.line_index(offset)]
        return self.text[line.start : line.end]

    def caret(self, start: int, end: int | None = None) -> str:
        """Two lines: the source line holding ``start`` and a caret under the span."""
        line = self.lines[self.line_index(start)]
        text = self.text[line.start : line.end].expandtabs(1)
        column = start - line.start
        stop = min(end if end is not None else start + 1, line.end)
        width = max(stop - start, 1)
        return f"{text}\n{' ' * column}{'^' * width}"
