"""Noise never holds content: the check of benchmarks/noise_content.py and its negative controls.

The check must find nothing in the parse of a real PDF text; and it must fire
when a record that is content is passed to it as removed noise (the first line
of a clause, a line ending a clause, a line met once), as the parser of main
did before running headers were recognised by recurrence.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest
from tests.conftest import FIXTURES, ROOT

import unres
from unres.models import Removal

TEXT = FIXTURES / "real" / "A_RES_78_205.pdftotext.txt"


@pytest.fixture(scope="module")
def check() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "noise_content", ROOT / "benchmarks" / "noise_content.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["noise_content"] = module
    spec.loader.exec_module(module)
    return module


def _text() -> str:
    return TEXT.read_text(encoding="utf-8")


def _line(text: str, line: str) -> Removal:
    """A removed page-header record over the one line of ``text`` that reads ``line``."""
    start = text.index(f"\n{line}\n") + 1
    assert text.count(f"\n{line}\n") == 1
    return Removal(kind="page-header", text=line, span=(start, start + len(line)))


def _reason(check: ModuleType, text: str, record: Removal) -> str | None:
    tree = unres.parse(text)
    reason: str | None = check.content_reason(
        record, text, check.body_start(tree), check.flat(text)
    )
    return reason


def test_real_parse_holds_no_content_in_noise(check: ModuleType) -> None:
    text = _text()
    tree = unres.parse(text)
    assert any(r.kind == "page-header" for r in tree.removed)
    assert list(check.content_in_noise(text, tree)) == []


def test_fires_on_a_clause_opening_line(check: ModuleType) -> None:
    text = _text()
    record = _line(
        text, "Reaffirming General Assembly resolution 46/182 of 19 December 1991 and the"
    )
    assert _reason(check, text, record) == "opening phrase"


def test_fires_on_a_line_ending_a_clause(check: ModuleType) -> None:
    text = _text()
    record = _line(
        text, "and Economic and Social Council resolutions and agreed conclusions of the Council,"
    )
    assert _reason(check, text, record) == "clause ending"


def test_fires_on_a_line_met_once(check: ModuleType) -> None:
    text = _text()
    record = _line(
        text, "experienced by internally displaced persons, including those who may be in"
    )
    assert _reason(check, text, record) == "single occurrence"


def test_quiet_on_the_running_title_and_shaped_furniture(check: ModuleType) -> None:
    text = _text()
    start = text.index("\nProtection of and assistance to internally displaced persons\n", 2000) + 1
    title = "Protection of and assistance to internally displaced persons"
    symbol_at = text.index("\nA/RES/78/205\n", 2000) + 1
    for record in (
        Removal(kind="page-header", text=title, span=(start, start + len(title))),
        Removal(kind="page-header", text="A/RES/78/205", span=(symbol_at, symbol_at + 12)),
    ):
        assert _reason(check, text, record) is None


def test_quiet_on_cover_matter_before_the_body(check: ModuleType) -> None:
    text = _text()
    tree = unres.parse(text)
    cover = [r for r in tree.removed if r.span[1] <= check.body_start(tree)]
    assert cover
    assert all(_reason(check, text, record) is None for record in cover)
