"""References: document symbols and resolution citations, with spans into the source."""

from __future__ import annotations

from tests.conftest import FIXTURES, SEED

import unres


def test_seed_citations_and_symbols() -> None:
    tree = unres.parse_file(SEED)
    text = SEED.read_text(encoding="utf-8")
    found = [(r.kind, r.symbol, r.date) for r in tree.references]
    assert ("resolution", "A/RES/53/70", "1998-12-04") in found
    assert ("resolution", "A/RES/56/19", "2001-11-29") in found
    assert ("document", "A/57/505", None) in found  # the report line
    assert ("document", "A/51/261", None) in found  # footnote 1
    assert ("document", "A/57/166", None) in found
    for ref in tree.references:
        assert text[ref.span[0] : ref.span[1]] == ref.text
    starts = [r.span[0] for r in tree.references]
    assert starts == sorted(starts)


def test_organ_named_before_resolution_picks_the_series() -> None:
    text = SEED.read_text(encoding="utf-8").replace(
        "Recalling its resolutions 53/70 of 4 December 1998,",
        "Recalling Security Council resolution 1325 (2000), Human Rights Council resolution"
        " 50/6 of 7 July 2022 and its resolutions 53/70 of 4 December 1998,",
    )
    symbols = [r.symbol for r in unres.parse(text).references if r.kind == "resolution"]
    assert symbols[:3] == ["S/RES/1325 (2000)", "A/HRC/RES/50/6", "A/RES/53/70"]


def test_roman_session_and_sc_year_forms() -> None:
    tree = unres.parse_file(FIXTURES / "real" / "S_RES_0169_1961_EN_GOLD.txt")
    symbols = {r.symbol for r in tree.references}
    assert "S/RES/143 (1960)" in symbols
    assert "A/RES/1474 (ES-IV)" in symbols or "A/RES/1592 (XV)" in symbols
