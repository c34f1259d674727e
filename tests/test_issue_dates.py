"""The issue date comes from the heading and cover only, never from a date cited in the body."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import FIXTURES

import unres
from unres.parsers.metadata import cover_issue_date

BODY_DATES = sorted((FIXTURES / "dates").glob("*.txt"))


@pytest.mark.parametrize("path", BODY_DATES, ids=[p.name for p in BODY_DATES])
def test_a_date_in_running_text_is_no_issue_date(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    tree = unres.parse(text)
    assert tree.metadata.issue_date is None
    assert "UNR151" not in {f.code for f in unres.check(tree, text)}


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["30 December 2002"], "2002-12-30"),
        (["11 December 1946."], "1946-12-11"),
        (["General Assembly                                  2 December 2015"], "2015-12-02"),
        (["Distr.: General", "12 June 2000"], "2000-06-12"),
        (["the item entitled letter dated 16 January 1964 from the Minister"], None),
        (["73 (1949). Resolution of 11 August 1949"], None),
        (["24 February–13 March and 15–23 June 2020"], None),
        (["31 November 2002"], None),
    ],
)
def test_cover_issue_date(lines: list[str], expected: str | None) -> None:
    assert cover_issue_date(["\n".join(lines)]) == expected


@pytest.mark.parametrize(
    ("cover", "issued"),
    [("1 January 2019\n", "2019-01-01"), ("letter dated 1 January 2019 from x\n", None)],
)
def test_a_cover_date_before_adoption_is_still_reported(cover: str, issued: str | None) -> None:
    """The control: a date line of its own on a cover gives the issue date, and UNR151 when
    it is before the adoption; the same date in running text gives neither."""
    text = cover + (FIXTURES / "corpus" / "S_RES_2489(2019).txt").read_text(encoding="utf-8")
    tree = unres.parse(text)
    assert tree.metadata.issue_date == issued
    assert ("UNR151" in {f.code for f in unres.check(tree, text)}) == (issued is not None)
