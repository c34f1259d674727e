"""Small, explicit edits of real texts for the negative controls, and positions computed by hand.

Each helper works on the text as a list of lines split at ``\\n`` only, finds
its target by a needle that must occur exactly once, and never calls unres,
so an expected position never comes from the code under test.
"""

from __future__ import annotations


def once(text: str, needle: str, start: int = 0) -> int:
    """The offset of ``needle`` in ``text``, which must hold it exactly once."""
    count = text.count(needle, start)
    assert count == 1, f"{needle!r} occurs {count} times"
    return text.index(needle, start)


def nth(text: str, needle: str, n: int) -> int:
    """The offset of the ``n``-th (1-based) occurrence of ``needle``."""
    offset = -1
    for _ in range(n):
        offset = text.index(needle, offset + 1)
    return offset


def line_of(lines: list[str], prefix: str) -> int:
    """The index of the one line that starts with ``prefix``."""
    found = [i for i, line in enumerate(lines) if line.startswith(prefix)]
    assert len(found) == 1, f"{len(found)} lines start with {prefix!r}"
    return found[0]


def replace_once(text: str, old: str, new: str) -> str:
    once(text, old)
    return text.replace(old, new)


def delete_lines(text: str, first: str, count: int = 1) -> str:
    """``text`` without the ``count`` lines from the one starting with ``first``."""
    lines = text.split("\n")
    index = line_of(lines, first)
    return "\n".join(lines[:index] + lines[index + count :])


def duplicate_line(text: str, prefix: str) -> str:
    lines = text.split("\n")
    index = line_of(lines, prefix)
    return "\n".join([*lines[: index + 1], lines[index], *lines[index + 1 :]])


def swap_lines(text: str, first: str, second: str) -> str:
    lines = text.split("\n")
    a, b = line_of(lines, first), line_of(lines, second)
    lines[a], lines[b] = lines[b], lines[a]
    return "\n".join(lines)


def move_line(text: str, prefix: str, before: str) -> str:
    """``text`` with the line starting ``prefix`` moved to just before the line ``before``."""
    lines = text.split("\n")
    moved = lines.pop(line_of(lines, prefix))
    lines.insert(line_of(lines, before), moved)
    return "\n".join(lines)


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of ``offset``, counting ``\\n`` line breaks only."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column
