"""The short cuts of :mod:`unres.parsers.references` give what the long way gives.

:func:`~unres.parsers.references.find_references` tries SYMBOL only at the head of
a run of capitals before a ``/`` and CITATION only at each ``resolution``, reads the
numbers of a citation from the captures of one match instead of scanning its list
again, takes a number's date from its date group without :func:`~unres.dates.find_date`,
tells a Security Council number by its last characters, and builds the models in one
validation call. The plain way it replaced is kept here, as it was, and both ways are
run on the blocks the builder gives for every real text and on generated blocks:
the references must be the same, down to the fields each one sets. The two scans
written in Python, not as one pattern, are also timed the way
``tests/test_regex_linear.py`` times the patterns.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import FIXTURES, SEED, SHARED

import unres
from unres.dates import find_date
from unres.models import Reference
from unres.parsers import build, references
from unres.parsers.blocks import Block, make_block
from unres.parsers.references import CITATION, SYMBOL, find_references

# The plain way, as references.py had it before the short cuts.

PLAIN_ITEM = regex.compile(
    r"""
    (?P<number>(?:ES|S)-\d{1,2}/\d{1,4}|\d{1,4}/\d{1,4}
        |\d{1,4}[ \u00a0]?\((?:[IVXL]{1,7}|S-[IVX]{1,4}|ES-[IVX]{1,4}|\d{4})\))
    (?P<part>[ \u00a0][A-Z](?![\p{L}]))?
    (?:[ \u00a0]++of[ \u00a0]++(?P<date>\d{1,2}[ \u00a0]\p{L}++[ \u00a0]\d{4}))?
    """,
    regex.VERBOSE,
)
PLAIN_SC_NUMBER = regex.compile(r"\d{1,4}[ \u00a0]?\(\d{4}\)")
PLAIN_SERIES = {
    "General Assembly": "A/RES/",
    "Assembly": "A/RES/",
    "Security Council": "S/RES/",
    "Human Rights Council": "A/HRC/RES/",
    "Economic and Social Council": "E/RES/",
}


def plain_references(blocks: Iterable[Block], organ: str | None) -> list[Reference]:
    found: list[Reference] = []
    for block in blocks:
        if "esolution" in block.text:
            found.extend(_plain_citations(block, organ))
        if "/" in block.text:
            found.extend(_plain_symbols(block))
    found.sort(key=lambda ref: (ref.span[0], -ref.span[1]))
    kept: list[Reference] = []
    for ref in found:
        if kept and ref.span[0] < kept[-1].span[1]:
            continue
        kept.append(ref)
    return kept


def _plain_symbols(block: Block) -> Iterable[Reference]:
    for m in SYMBOL.finditer(block.text):
        symbol = " ".join(m["symbol"].split())
        if not any(ch.isdigit() for ch in symbol):
            continue
        kind = "resolution" if "/RES/" in symbol else "document"
        span = (block.source_offset(m.start()), block.source_offset(m.end()))
        yield Reference(kind=kind, text=m.group(), symbol=symbol, span=span)


def _plain_citations(block: Block, organ: str | None) -> Iterable[Reference]:
    for m in CITATION.finditer(block.text):
        named = " ".join(m["organ"].split()) if m["organ"] else None
        start = m.start("list")
        for item in PLAIN_ITEM.finditer(m["list"]):
            number = " ".join(item["number"].split())
            part = item["part"].strip() if item["part"] else ""
            symbol = _plain_normalise(number, named or organ) + (f" {part}" if part else "")
            date = find_date(item["date"]) if item["date"] else None
            begin, end = start + item.start(), start + item.end()
            span = (block.source_offset(begin), block.source_offset(end))
            yield Reference(
                kind="resolution", text=item.group(), symbol=symbol,
                date=date[0] if date else None, span=span,
            )  # fmt: skip


def _plain_normalise(number: str, organ: str | None) -> str:
    if PLAIN_SC_NUMBER.fullmatch(number):
        digits, year = number.replace("\u00a0", " ").replace("(", " (").split(maxsplit=1)
        return f"S/RES/{digits} {year.strip()}"
    if organ == "Council":
        organ = None
    prefix = PLAIN_SERIES.get(organ or "General Assembly", "A/RES/")
    return f"{prefix}{number}"


# The checks.


def _same(blocks: list[Block], organ: str | None) -> None:
    fast, plain = find_references(blocks, organ), plain_references(blocks, organ)
    assert fast == plain
    assert [type(ref) for ref in fast] == [type(ref) for ref in plain]
    assert [ref.model_fields_set for ref in fast] == [ref.model_fields_set for ref in plain]


REAL = sorted({*FIXTURES.rglob("*.txt"), SEED, *(SHARED / "corpus").rglob("*.txt")})


@pytest.fixture(scope="module")
def builder_calls() -> list[tuple[list[Block], str | None]]:
    """The blocks and organ the builder gives find_references, for every real text."""
    calls: list[tuple[list[Block], str | None]] = []

    def keep(blocks: Iterable[Block], organ: str | None) -> list[Reference]:
        calls.append((list(blocks), organ))
        return find_references(calls[-1][0], organ)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(build, "find_references", keep)
        for path in REAL:
            if "bluebell" not in path.name:
                unres.parse_bytes(path.read_bytes())
    return calls


def test_real_texts_give_the_plain_references(
    builder_calls: list[tuple[list[Block], str | None]],
) -> None:
    assert len(builder_calls) == len([path for path in REAL if "bluebell" not in path.name])
    assert any(len(block.pieces) > 1 for blocks, _ in builder_calls for block in blocks)
    for blocks, organ in builder_calls:
        _same(blocks, organ)
        for other in ("Security Council", "Council", None):
            _same(blocks, other)


def test_real_texts_scan_as_finditer(builder_calls: list[tuple[list[Block], str | None]]) -> None:
    for blocks, _ in builder_calls:
        for block in blocks:
            symbols = [(m.start(), m.end()) for m in SYMBOL.finditer(block.text)]
            assert references._symbol_matches(block.text) == symbols
            citations = [m.span() for m in CITATION.finditer(block.text)]
            assert [m.span() for m in references._citation_matches(block.text)] == citations


WORDS = [
    "resolution", "resolutions", "esolution", "its", "General", "Assembly", "Security",
    "Council", "Human", "Rights", "Economic", "and", "Social", "of", "de", "the", "Add.1",
    "53/70", "1/2", "12345/6", "ES-10/18", "S-1/2", "1325", "(2000)", "(XXV)", "(ES-IV)",
    "(S-II)", "2625", "(IL)", "4", "31", "December", "February", "décembre", "1998", "2002",
    "0000", "A/", "S/RES/", "E/CN.4/", "DP/FPA/", "ABC/", "xA/", "A/HRC/RES/", "L.15", "/",
    "/Add.1", "/Corr.2", "B", "Ab", "A", ",", ".", ";", "(", ")", "-", "\u0661\u0662",
    "\U00011f50", "\u0967",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", "\u00a0", "", ", ", " and ", "\n"]
TEXTS = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=30).map(
    lambda pairs: "".join(word + separator for word, separator in pairs)
)
ORGANS = st.sampled_from([None, "", "General Assembly", "Security Council", "Council", "X"])


@given(st.lists(TEXTS, min_size=1, max_size=4), ORGANS, st.integers(0, 3))
@settings(max_examples=400, deadline=None)
def test_generated_blocks_give_the_plain_references(
    texts: list[str], organ: str | None, gap: int
) -> None:
    source = (" " * gap).join(texts)
    pieces, start = [], 0
    for text in texts:
        pieces.append((start, start + len(text)))
        start += len(text) + gap
    blocks = [make_block(source, tuple(pieces), 1)]  # one block of pieces joined
    blocks += [make_block(source, (piece,), 1) for piece in pieces]  # a block each
    blocks.append(Block(((5, 7),), source, 1, (0,)))  # a piece shorter than its text
    _same(blocks, organ)


@given(TEXTS)
@settings(max_examples=400, deadline=None)
def test_generated_texts_scan_as_finditer(text: str) -> None:
    symbols = [(m.start(), m.end()) for m in SYMBOL.finditer(text)]
    assert references._symbol_matches(text) == symbols
    citations = [m.span() for m in CITATION.finditer(text)]
    assert [m.span() for m in references._citation_matches(text)] == citations


def test_a_case_of_each_short_cut() -> None:
    text = (
        "Recalling Security Council resolution 1325\u00a0(2000), General Assembly resolutions"
        " 2625 (XXV) and 53/70 B of 4\u00a0December 1998, its resolution 55/2 of 31 February"
        " 2002, and A/57/166/Add.1 and S/RES/1373 (2001)"
    )
    block = make_block(text, ((0, len(text)),), 1)
    found = [(ref.symbol, ref.date) for ref in find_references([block], "General Assembly")]
    assert found == [
        ("S/RES/1325 (2000)", None),
        ("A/RES/2625 (XXV)", None),
        ("A/RES/53/70 B", "1998-12-04"),
        ("A/RES/55/2", None),
        ("A/57/166/Add.1", None),
        ("S/RES/1373 (2001)", None),
    ]
    _same([block], "General Assembly")


def _best_time(scan: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        scan(text)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize(
    "filler", ["A/", "AB", "A/B", "A/1 ", "/A", "resolution ", "resolution 1/", "1/", "A/B/"]
)
def test_the_scans_grow_about_linearly(filler: str) -> None:
    for scan in (references._symbol_matches, lambda text: list(references._citation_matches(text))):
        short, long = filler * (3_000 // len(filler)), filler * (12_000 // len(filler))
        small, large = _best_time(scan, short), _best_time(scan, long)
        if large >= 0.005:  # else too fast to tell: linear enough
            assert large / max(small, 1e-6) < 8, f"{filler!r}×n: {small:.4f}s -> {large:.4f}s"
