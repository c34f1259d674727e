"""The exceptions unres raises.

Every error a caller can provoke with bad input is an :class:`InputError`; its
message is one line, fit to print after a program name. Nothing else should
escape the public API for any input string or byte sequence.
"""

from __future__ import annotations


class UnresError(Exception):
    """Base class of every error raised on purpose by unres."""


class InputError(UnresError):
    """The input cannot be parsed: empty, binary, undecodable, too large, or not a resolution."""

    def __init__(self, reason: str, *, offset: int | None = None) -> None:
        one_line = " ".join(reason.split())
        super().__init__(one_line)
        self.reason = one_line
        self.offset = offset


class AknError(InputError):
    """Akoma Ntoso XML that cannot be read into a resolution tree."""
