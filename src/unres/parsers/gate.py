"""Gates: one regex call telling whether any of several patterns can match at a text's start.

A state handler of the tokenizer tries its patterns one after another, and
most blocks (a preamble clause, a wrapped continuation) match none of them.
A gate is the alternation of those patterns, each under its own flags. A text
the gate does not ``match`` at index 0 is matched by none of them, neither by
``match`` nor by ``fullmatch`` (a full match is a match), so the handler can
skip the whole chain with one call instead of one call a pattern. The gate
only ever skips checks that would all have failed: it changes no result.
"""

from __future__ import annotations

import regex

_FLAG_LETTERS = ((regex.IGNORECASE, "i"), (regex.VERBOSE, "x"))
_KNOWN_FLAGS = regex.IGNORECASE | regex.VERBOSE | regex.UNICODE | regex.VERSION0


def gate(*patterns: regex.Pattern[str]) -> regex.Pattern[str]:
    """The alternation of ``patterns``, each in a group scoped to its own flags."""
    branches = []
    for pattern in patterns:
        if pattern.flags & ~_KNOWN_FLAGS:
            raise ValueError(f"gate cannot carry the flags of {pattern.pattern!r}")
        letters = "".join(letter for flag, letter in _FLAG_LETTERS if pattern.flags & flag)
        # a new line before the closing parenthesis: a verbose pattern may end in a comment
        branches.append(
            f"(?{letters}:{pattern.pattern}\n)" if letters else f"(?:{pattern.pattern})"
        )
    return regex.compile("|".join(branches))
