"""Gates: one cheap check telling whether any of several patterns can match at a text's start.

A state handler of the tokenizer tries its patterns one after another, and
most blocks (a preamble clause, a wrapped continuation) match none of them.
A gate is the alternation of those patterns, each under its own flags. A text
the gate does not ``match`` at index 0 is matched by none of them, neither by
``match`` nor by ``fullmatch`` (a full match is a match), so the handler can
skip the whole chain with one call instead of one call a pattern.

The alternation itself costs a few hundred nanoseconds even where it fails at
the first character, so a gate first looks up how the text opens: its first
character, or its first two when they are letters, the second small
(``Re`` of ``Recalling``). The openings that no match can begin with are worked
out at import by partial matching: the alternation's ``match`` with
``partial=True`` finds a match of the opening itself or one cut short by its
end, so an opening it refuses begins no match of any longer text. The gate
only ever skips checks that would all have failed: it changes no result.

Where a text is admitted, :meth:`Gate.openers` says more, without the alternation:
which of the patterns may match a text opening so, worked out the same way for each
pattern on its own. A handler then tries only those, and skips the rest of its chain
(a sub-item's ``(b)`` opens no paragraph number, no note and no heading).
"""

from __future__ import annotations

import string
from dataclasses import dataclass

import regex

_FLAG_LETTERS = ((regex.IGNORECASE, "i"), (regex.VERBOSE, "x"))
_KNOWN_FLAGS = regex.IGNORECASE | regex.VERBOSE | regex.UNICODE | regex.VERSION0

FIRST_CHARACTERS = "".join(map(chr, range(0x21, 0x7F))) + "“”‘’«»–—…\u00a0\t "
"""The openings of one character looked up: any other first character tries the patterns."""
_SECOND_LETTERS = string.ascii_lowercase
"""The second characters looked up after a letter: prose opens with a capital and a small letter."""


@dataclass(frozen=True, slots=True)
class Gate:
    """The alternation of some patterns, and the openings none of them can begin with."""

    patterns: tuple[regex.Pattern[str], ...]
    alternation: regex.Pattern[str]
    closed: frozenset[str]
    by_opening: dict[str, frozenset[regex.Pattern[str]]]
    """For each looked-up opening, the patterns that may match a text opening so;
    under ``""``, all of them (for a text whose opening is not looked up)."""

    def admits(self, text: str) -> bool:
        """Whether one of the patterns may match at the start of ``text`` (if not, none does)."""
        if text[:2] in self.closed or text[:1] in self.closed:
            return False
        return self.alternation.match(text) is not None

    def openers(self, text: str) -> frozenset[regex.Pattern[str]]:
        """The patterns that may match at the start of ``text``: any other does not.

        For a looked-up opening, the table says, and the alternation is not tried;
        for any other, all the patterns if the alternation matches, else none.
        """
        found = self.by_opening.get(text[:2])
        if found is None:
            found = self.by_opening.get(text[:1])
            if found is None:
                return self.by_opening[""] if self.alternation.match(text) else _NONE
        return found


_NONE: frozenset[regex.Pattern[str]] = frozenset()


def gate(*patterns: regex.Pattern[str]) -> Gate:
    """The gate of ``patterns``: their alternation, each in a group scoped to its own flags."""
    branches = []
    for pattern in patterns:
        if pattern.flags & ~_KNOWN_FLAGS:
            raise ValueError(f"gate cannot carry the flags of {pattern.pattern!r}")
        letters = "".join(letter for flag, letter in _FLAG_LETTERS if pattern.flags & flag)
        # a new line before the closing parenthesis: a verbose pattern may end in a comment
        branches.append(
            f"(?{letters}:{pattern.pattern}\n)" if letters else f"(?:{pattern.pattern})"
        )
    alternation = regex.compile("|".join(branches))
    closed = _closed_openings(alternation)
    return Gate(patterns, alternation, closed, _openers_by_opening(patterns))


def _closed_openings(pattern: regex.Pattern[str]) -> frozenset[str]:
    """The looked-up openings that begin no match of ``pattern`` at index 0."""
    closed = {first for first in FIRST_CHARACTERS if not _can_open(pattern, first)}
    pairs = [a + b for a in string.ascii_letters if a not in closed for b in _SECOND_LETTERS]
    closed.update(pair for pair in pairs if not _can_open(pattern, pair))
    return frozenset(closed)


def _openers_by_opening(
    patterns: tuple[regex.Pattern[str], ...],
) -> dict[str, frozenset[regex.Pattern[str]]]:
    """For every looked-up opening, the patterns that may begin with it (one set per choice).

    An opening that a pattern refuses begins no match of it, nor does any longer one,
    so the openings of two letters are tried only on the patterns open at the first.
    """
    shared: dict[frozenset[regex.Pattern[str]], frozenset[regex.Pattern[str]]] = {}
    table: dict[str, frozenset[regex.Pattern[str]]] = {}
    for first in FIRST_CHARACTERS:
        table[first] = frozenset(p for p in patterns if _can_open(p, first))
    for first in string.ascii_letters:
        for second in _SECOND_LETTERS:
            table[first + second] = frozenset(
                p for p in table[first] if _can_open(p, first + second)
            )
    table = {opening: shared.setdefault(found, found) for opening, found in table.items()}
    table[""] = frozenset(patterns)
    return table


def _can_open(pattern: regex.Pattern[str], opening: str) -> bool:
    """Whether some match of ``pattern`` at index 0 may begin with ``opening``."""
    return pattern.match(opening, partial=True) is not None
