"""The whole Unicode range where the parser reads letters and digits: clause starts, labels, numbers.

The class of bug hunted here: code that assumes ``upper()``, ``lower()``, ``title()``,
``isdigit()`` or ``int()`` behave as they do for ASCII. ``ª`` and ``ᴀ`` are lower case with
no one-character upper case (``opening()`` recursed without end on them), ``ß`` upper-cases to
two letters, ``ǅ`` is title case, ``²`` and ``①`` are digits ``int()`` refuses, ``١`` and
``𝟙`` are decimal digits it accepts, and more than 4,300 digits is an ``int()`` error too.

The strategy draws from the characters whose case or digit behaviour is not ASCII's (a few
thousand, computed from :mod:`unicodedata` here), so that the class is found in a few hundred
examples, and from the whole range besides. Each character goes where the parser asks what
kind of letter or digit it is, and the whole pipeline must hold its invariants
(:func:`tests.test_properties.check_everything`), validation must run, and the AKN export
must read back.
"""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from tests.conftest import FIXTURES, examples
from tests.test_properties import check_everything

import unres
from unres.digits import MAX_DIGITS, decimal_value


def _unusual(ch: str) -> bool:
    if unicodedata.category(ch) in ("Cs", "Cn", "Co"):
        return False
    upper, lower, title = ch.upper(), ch.lower(), ch.title()
    return (
        len(upper) != 1
        or len(lower) != 1
        or len(title) != 1
        or unicodedata.category(ch) == "Lt"
        or (ch.islower() and upper == ch)
        or (ch.isupper() and lower == ch)
        or (ch.isdigit() and not ch.isascii())
        or (ch.isnumeric() and not ch.isdigit())
    )


UNUSUAL = [chr(cp) for cp in range(sys.maxunicode + 1) if _unusual(chr(cp))]
"""Characters whose case mapping or digit value is not what ASCII teaches (about 3,500)."""

CHARACTER = st.sampled_from(UNUSUAL) | st.characters(codec=None, exclude_categories=["Cs"])

TEMPLATES = {
    "clause-start": "The General Assembly,\n\t{c}ecalling x,\n\t{c}\n\t1.\tDecides y.\n",
    "paragraph-start": "The General Assembly,\n\tRecalling x,\n\t1.\t{c}ecides y;\n\t2.\t{c}\n",
    "paragraph-number": "The General Assembly,\n\tRecalling x,\n\t{c}.\tDecides y;\n\t1{c}.\tAlso z.\n",
    "item-label": "The General Assembly,\n\t1.\tDecides y:\n\t({c})\tfoo;\n\t({c}{c})\tbar;\n\t{c}.\tbaz;\n",
    "footnote": "The General Assembly,\n\tRecalling x,{c}\n\t1.\tDecides y.\n__________\n{c}\tSee A/1.\n",
    "sc-heading": (
        "Resolution 1{c} (2016)\nAdopted by the Security Council at its 7{c}53rd meeting, "
        "on 2{c} December 2016\nThe Security Council,\n\t{c}ecalling x,\n\t1.\t{c}ecides y.\n"
    ),
    "ga-heading": (
        "A/RES/5{c}/53\nFifty-{c} session\nAgenda item {c}\nThe General Assembly,\n"
        "\tRecalling its resolution 5{c}/1 of {c} December 199{c},\n\t1.\tDecides y;\n"
    ),
}


def _all_the_way(text: str) -> None:
    """Every invariant of the parse, validation, and the AKN round trip."""
    check_everything(text)
    try:
        tree = unres.parse(text)
    except unres.InputError:
        return
    unres.check(tree, text)
    xml = unres.to_akn(tree, source=text)
    again = unres.from_akn(xml)
    unres.check(again, xml.decode("utf-8"))


@pytest.mark.parametrize("where", sorted(TEMPLATES))
@settings(max_examples=examples(60))
@given(ch=CHARACTER)
@example(ch="\u00aa")  # ª: lower case, no upper case: opening() recursed without end
@example(ch="\u1d00")  # ᴀ, a small capital: the same
@example(ch="\u00df")  # ß: upper-cases to two letters
@example(ch="\u01c5")  # ǅ: title case
@example(ch="\u00b2")  # ²: isdigit() but int() refuses it
@example(ch="\u0661")  # ١: a decimal digit int() reads
@example(ch="\U0001d7d9")  # 𝟙: a mathematical decimal digit
def test_any_character_where_letters_and_digits_are_read(where: str, ch: str) -> None:
    _all_the_way(TEMPLATES[where].format(c=ch))


AKN = FIXTURES / "akn" / "S_RES_2713-2323995E.xml"


@pytest.mark.parametrize("attribute", ["<num>1.</num>", 'marker="*"'])
@settings(max_examples=examples(15))
@given(ch=st.sampled_from([c for c in UNUSUAL if c.isdigit() or c.isnumeric()]))
@example(ch="\u00b2")  # ² as a paragraph number crashed UNR101's int()
def test_any_digit_in_akn_numbers_and_markers(attribute: str, ch: str) -> None:
    xml = AKN.read_text(encoding="utf-8")
    replaced = attribute.replace("1.", f"{ch}.") if "num" in attribute else f'marker="{ch}"'
    changed = xml.replace(attribute, replaced)
    assert changed != xml
    tree = unres.parse(changed)
    unres.check(tree, changed)


@pytest.mark.parametrize("ch", [c for c in UNUSUAL if c.isdigit() or c.isnumeric()][:400])
def test_decimal_value_reads_what_int_reads_and_nothing_else(ch: str) -> None:
    value = decimal_value(ch)
    assert value == (int(ch) if ch.isdecimal() else None)


def test_decimal_value_refuses_runs_int_would_refuse_or_no_resolution_uses() -> None:
    assert decimal_value("7" * MAX_DIGITS) == int("7" * MAX_DIGITS)
    assert decimal_value("7" * 5000) is None  # int() raises past 4,300 digits
    assert decimal_value("") is None and decimal_value("1²") is None
    assert decimal_value("١٢") == 12
