"""Sub-item labels read as numbers: ``(c)`` is 3, ``(iv)`` is 4, ``(aa)`` is 27.

A label can be read in more than one style: ``i`` is the first Roman numeral
or the ninth letter, ``c`` is the third letter or the Roman hundred. Each
reading is a (style, value) pair; Roman numerals are read only in their
canonical form (``iv``, not ``iiii``). :func:`show` writes a value back as a
label in a given style and punctuation, for messages.
"""

from __future__ import annotations

from typing import Final, Literal

from unres.digits import decimal_value
from unres.models.tree import LabelStyle

Punctuation = Literal["()", "."]
Reading = tuple[LabelStyle, int]

_ROMAN: Final[tuple[tuple[int, str], ...]] = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip

_ROMAN_DIGITS: Final = frozenset("ivxlcdm")


def roman(value: int) -> str:
    """The lower-case Roman numeral of ``value`` (1 or more)."""
    out: list[str] = []
    for size, numeral in _ROMAN:
        count, value = divmod(value, size)
        out.append(numeral * count)
    return "".join(out)


def _roman_value(text: str) -> int | None:
    lower = text.lower()
    if not lower or not set(lower) <= _ROMAN_DIGITS:
        return None
    total = 0
    previous = 0
    for ch in reversed(lower):
        value = next(size for size, numeral in _ROMAN if numeral == ch)
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total if total > 0 and roman(total) == lower else None


def _alpha_value(text: str) -> int | None:
    if len(set(text)) != 1 or not text.isascii() or not text.isalpha():
        return None
    return ord(text[0].lower()) - ord("a") + 1 + 26 * (len(text) - 1)


def readings(label: str) -> tuple[Reading, ...]:
    """Every (style, value) reading of ``label``, the label text without its brackets."""
    value = decimal_value(label)
    if value is not None:
        return (("decimal", value),)
    found: list[Reading] = []
    lower = label.islower()
    roman_value = _roman_value(label)
    alpha_value = _alpha_value(label)
    if alpha_value is not None:
        found.append(("lower-alpha" if lower else "upper-alpha", alpha_value))
    if roman_value is not None and (label.islower() or label.isupper()):
        found.append(("lower-roman" if lower else "upper-roman", roman_value))
    return tuple(found)


def show(style: LabelStyle, value: int, punctuation: Punctuation) -> str:
    """``value`` written as a label: ``(c)``, ``(iv)``, ``C.``, ``(3)``."""
    if style in ("lower-alpha", "upper-alpha"):
        body = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
    elif style in ("lower-roman", "upper-roman"):
        body = roman(value)
    else:
        body = str(value)
    if style.startswith("upper"):
        body = body.upper()
    return f"({body})" if punctuation == "()" else f"{body}."
