"""Numbers written in digits, read the same way everywhere: :func:`decimal_value`.

``str.isdigit`` is true of superscripts (``²``), circled and other compatibility
digits (``①``, ``𝟙`` is decimal but ``⑴`` is not) that ``int`` refuses, and
``int`` refuses more than 4,300 digits: a check with one and a conversion with
the other is a crash waiting for an odd label, marker or number. Every place
that turns label, marker or number text into an integer asks this module,
which accepts decimal digits of any script (``١٢`` is 12) and nothing else.
"""

from __future__ import annotations

from typing import Final

MAX_DIGITS: Final = 18
"""Longer runs of digits are not a number any resolution uses (and stay within an int64)."""


def decimal_value(text: str) -> int | None:
    """The value of ``text`` when it is decimal digits only (any script, at most 18), else None."""
    if not text or len(text) > MAX_DIGITS or not text.isdecimal():
        return None
    return int(text)


def is_number(text: str) -> bool:
    """Whether ``text`` is decimal digits only, as :func:`decimal_value` reads them."""
    return decimal_value(text) is not None
