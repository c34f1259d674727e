"""Sub-item labels and their nesting: ``(a)`` → ``(i)`` → ``a.`` and the rest.

Takes the label at the start of a block and says which numbering styles it
can belong to (``(i)`` is the first lower-case Roman numeral *or* the ninth
letter). :func:`nest` then decides, for a run of labels, which item each one
is a child of, by the rule a reader uses: a label continues the innermost open
level whose style it fits and whose last value it follows; failing that, a
label that can start a style (``(a)``, ``(i)``, ``(1)``) opens a level under
the last item; anything else stays on the innermost level, out of sequence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import regex

from unres.digits import decimal_value
from unres.models.tree import LabelStyle

LABEL = regex.compile(
    r"""
    (?:
        \((?P<paren>[ivxlc]{1,7}|[a-z]{1,3}|[IVXLC]{1,7}|[A-Z]{1,3}|\d{1,3})\)  # (a) (viii) (A) (1)
      | (?P<dot>[a-z]|[ivx]{1,5}|[A-Z])\.(?=[\t\u00a0])  # a.<TAB> i.<TAB>
      | (?P<half>[ivxlc]{1,7}|[a-z]{1,2}|\d{1,3})\)(?=[\t\u00a0 ])  # i)<TAB>, a)<TAB>
      | (?P<bullet>[•·▪◦‣\-–])(?=[\t\u00a0 ])            # •<TAB>
    )
    (?:[\t \u00a0]++|$)
    """,
    regex.VERBOSE,
)
assert LABEL.groupindex == {"paren": 1, "dot": 2, "half": 3, "bullet": 4}  # read_label's order

BULLET = -1
"""The value of a bullet: bullets of one style always follow each other."""

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}

MAX_DEPTH = 16
"""The deepest level :func:`nest` opens. Real resolutions nest four levels at most; on
hostile input (thousands of ``(a)`` lines, each opening a level under the last) a label
that would go deeper stays on the innermost level, out of sequence. This bounds the
recursion of the tree and of everything that walks it, and keeps :func:`nest` linear."""


def roman_value(text: str) -> int | None:
    """The value of a lower- or upper-case Roman numeral, or ``None``."""
    total = 0
    previous = 0
    for ch in reversed(text.lower()):
        value = _ROMAN.get(ch)
        if value is None:
            return None
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total if total > 0 else None


def _alpha_value(text: str) -> int | None:
    if len(set(text)) != 1:
        return None
    return (ord(text[0].lower()) - ord("a") + 1) + 26 * (len(text) - 1)


class Label(NamedTuple):
    """A sub-item label: its text, where the item text begins, and its possible styles.

    A named tuple rather than a frozen dataclass: as immutable, and cheaper to make.
    """

    text: str
    end: int
    punctuation: str
    choices: tuple[tuple[LabelStyle, int], ...]

    @property
    def style(self) -> LabelStyle:
        return self.choices[0][0]


def read_label(text: str) -> Label | None:
    """The label at the start of ``text``, or ``None``."""
    m = LABEL.match(text)
    if m is None:
        return None
    paren, dot, half, bullet = m.groups()  # one call: a look-up by name costs as much each
    if bullet:
        return Label(bullet, m.end(), bullet, (("bullet", BULLET),))
    body = paren or dot or half
    punctuation = "()" if paren else ")" if half else "."
    choices: list[tuple[LabelStyle, int]] = []
    value = decimal_value(body)
    if value is not None:
        choices.append(("decimal", value))
    else:
        lower = body.islower()
        roman = roman_value(body)
        alpha = _alpha_value(body)
        if roman is not None:
            choices.append(("lower-roman" if lower else "upper-roman", roman))
        if alpha is not None:
            choices.append(("lower-alpha" if lower else "upper-alpha", alpha))
        if roman is not None and alpha is not None and roman != 1:
            choices.reverse()  # (v), (x), (c): a letter unless a Roman run says otherwise
    if not choices:
        return None
    return Label(body, m.end(), punctuation, tuple(choices))


def has_label(text: str) -> bool:
    """Whether ``text`` opens with a sub-item label: ``read_label(text) is not None``.

    Without making the label: a bullet, a number or one letter (repeated or not) is one,
    and any other body is one if it reads as a Roman numeral.
    """
    m = LABEL.match(text)
    if m is None:
        return False
    body = m.group(m.lastindex or 0)
    return (
        m.lastgroup == "bullet"
        or body.isdigit()
        or len(set(body)) == 1
        or roman_value(body) is not None
    )


def mend_ocr_labels(labels: list[Label]) -> list[Label]:
    """``(1)`` that OCR read for ``(i)``: a decimal one followed at once by ``(ii)``.

    Only the sequence decides: a ``(1)`` before ``(2)`` stays a number.
    """
    mended = list(labels)
    for index, label in enumerate(labels[:-1]):
        after = labels[index + 1]
        if label.choices == (("decimal", 1),) and after.text == "ii":
            roman = read_label(f"({'i' if label.punctuation == '()' else 'i.'})")
            if roman is not None:
                mended[index] = Label("i", label.end, label.punctuation, roman.choices)
    return mended


@dataclass(slots=True)
class _Level:
    style: LabelStyle
    punctuation: str
    last: int
    owner: int  # index of the item this level hangs under (-1: the paragraph)


def nest(labels: list[Label]) -> tuple[list[int], list[LabelStyle], list[bool]]:
    """For each label: its parent item's index (-1: none), its style, and whether in sequence."""
    parents: list[int] = []
    styles: list[LabelStyle] = []
    in_order: list[bool] = []
    stack: list[_Level] = []
    for index, label in enumerate(labels):
        placed = _continue_level(stack, label)
        if placed is None:
            placed = _open_level(stack, label, index)
        depth, style, ordered = placed
        level = stack[depth]
        parents.append(level.owner)
        styles.append(style)
        in_order.append(ordered)
    return parents, styles, in_order


def _continue_level(stack: list[_Level], label: Label) -> tuple[int, LabelStyle, bool] | None:
    for depth in range(len(stack) - 1, -1, -1):
        level = stack[depth]
        for style, value in label.choices:
            same = style == level.style and label.punctuation == level.punctuation
            if same and (value == level.last + 1 or value == BULLET):
                del stack[depth + 1 :]
                level.last = value
                return depth, style, True
    return None


def _open_level(stack: list[_Level], label: Label, index: int) -> tuple[int, LabelStyle, bool]:
    for style, value in label.choices:
        if value in (1, BULLET) and len(stack) < MAX_DEPTH:
            owner = index - 1 if stack else -1
            stack.append(_Level(style, label.punctuation, 1, owner))
            return len(stack) - 1, style, True
    style, value = label.choices[0]
    if not stack:
        stack.append(_Level(style, label.punctuation, value, -1))
        return 0, style, False
    # Out of sequence: keep it on the innermost level of a matching style, else innermost.
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth].style == style and stack[depth].punctuation == label.punctuation:
            del stack[depth + 1 :]
            stack[depth].last = value
            return depth, style, False
    stack[-1].last = value
    return len(stack) - 1, stack[-1].style, False
