"""The text renderer: the seed's layout, and parsing what it writes gives the same tree.

Two properties over every fixture and corpus text:

* exact round trip, for texts in Word-paragraph layout (lineage ``ods-word`` or
  ``plain``, the layout the renderer writes): ``shape(parse(to_text(t))) ==
  shape(t)``, spans and source details aside (``tests/shape.py`` says what is
  compared). PDF and OCR texts are read with rules of their own (footnotes at
  page feet, spaced markers), so their Word rendering may legitimately read
  differently; for them, and for all texts,
* a fixed point after one round: ``t1 = parse(to_text(t))`` and
  ``parse(to_text(t1))`` have the same shape.

The few documents where either fails are listed below with the parser
behaviour that causes it; the marks are strict, so a fix shows up as a failure
to remove the entry.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import CORPUS, FIXTURES, SEED
from tests.shape import round_trip_differences

import unres
from unres import models
from unres.render.text import WRITERS, glued, to_text

_LINES_OF_THEIR_OWN = {
    models.HeadingLine, models.Preamble, models.Formula, models.PreambularClause,
    models.OperativeParagraph, models.Item, models.TextBlock, models.Section, models.Adoption,
    models.Footnote, models.Annex, models.AnnexParagraph, models.AnnexHeading, models.Unparsed,
}  # fmt: skip

_SECTIONS = "section headings read in context (a wrapped heading, text after it) change"
_ANNEX_ARTICLES = "the articles of an annexed text, read as sections, are read otherwise in context"
KNOWN_EXACT = {
    "A_RES_55_258.txt": _SECTIONS,
    "A_RES_S-20_4.txt": _SECTIONS,
    "A_RES_59_276.txt": _SECTIONS,
    "A_RES_S-10_2.txt": "a sub-item label alone on its line joins the next line in the source",
    "A_RES_32_162.txt": "a short clause of 32/162 written back alone on its line reads as a subheading",
    "A_RES_428(V).txt": "a footnote marker of an annex sub-item is not written back where it stood",
    "A_RES_97(I).txt": _ANNEX_ARTICLES,
}
KNOWN_FIXPOINT = {
    "A_RES_97(I).txt": _ANNEX_ARTICLES,
    "A_RES_59_276.txt": "Word text with many unpunctuated headings is taken for PDF text",
    "S_RES_0082_1950_EN_GOLD.txt": "a Roman section label read as an item label in one layout",
}


def _files() -> list[Path]:
    found = sorted(FIXTURES.rglob("*.txt"))
    if CORPUS.is_dir():
        found += sorted((CORPUS / "derived").rglob("*.txt"))
        found += sorted((CORPUS / "raw").rglob("*.txt"))
    return [path for path in found if path.is_file()]


def _params(known: dict[str, str]) -> list[object]:
    params: list[object] = []
    for path in _files():
        name = str(path.relative_to(CORPUS if CORPUS in path.parents else FIXTURES.parent))
        reason = known.get(path.name)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(path, id=name, marks=marks))
    return params


def _parsed(path: Path) -> unres.Resolution | None:
    try:
        return unres.parse_bytes(path.read_bytes())
    except unres.InputError:
        return None


def test_every_node_kind_with_lines_has_a_writer() -> None:
    assert set(WRITERS) == _LINES_OF_THEIR_OWN
    annex_blocks = {models.AnnexParagraph, models.AnnexHeading, models.TextBlock}
    assert annex_blocks <= set(WRITERS)


def test_seed_layout() -> None:
    text = to_text(unres.parse_file(SEED))
    lines = text.splitlines()
    assert lines[:4] == [
        "Resolution adopted by the General Assembly",
        "[on the report of the First Committee (A/57/505)]",
        "57/53.\tDevelopments in the field of information and telecommunications"
        " in the context of international security",
        "\tThe General Assembly,",
    ]
    assert any(line.endswith("and the recommendations that it made,1") for line in lines)
    assert "\t3.\tInvites all Member States to continue" in text
    assert "\t(a)\tGeneral appreciation of the issues of information security;" in lines
    assert lines[-5:] == [
        "57th plenary meeting",
        "22 November 2002",
        "_______________",
        "1 See A/51/261, annex.",
        "2 A/54/213, A/55/140 and Corr.1 and Add.1, A/56/164 and Add.1 and A/57/166 and Add.1.",
    ]


@pytest.mark.parametrize(
    ("text", "refs", "expected"),
    [
        ("made, and", [("1", 5)], "made,1 and"),
        ("x, and y.", [("3", 2), ("4", 2), ("5", 8)], "x,3,4 and y5."),
        ("end", [("7", None)], "end7"),
        ("in 2015 and", [("22", 7)], "in 2015 22 and"),
    ],
)
def test_markers_glued_where_they_stood(
    text: str, refs: list[tuple[str, int | None]], expected: str
) -> None:
    found = [models.FootnoteRef(marker=m, at=at, span=(0, 1)) for m, at in refs]
    assert glued(text, found) == expected


@pytest.mark.parametrize("path", _params(KNOWN_EXACT))
def test_exact_round_trip_of_word_layout(path: Path) -> None:
    tree = _parsed(path)
    if tree is None or tree.metadata.lineage not in ("ods-word", "plain"):
        return  # refused whole, or read with PDF/OCR rules: see the fixed-point test
    again = unres.parse(to_text(tree))
    assert not round_trip_differences(tree, again)[:5]


@pytest.mark.parametrize("path", _params(KNOWN_FIXPOINT))
def test_round_trip_reaches_a_fixed_point(path: Path) -> None:
    tree = _parsed(path)
    if tree is None:
        return
    try:
        once = unres.parse(to_text(tree))
    except unres.InputError:
        # a tree with no structure (every block unparsed) renders to text with none either
        assert tree.preamble is None and not tree.all_paragraphs() and not tree.annexes
        return
    twice = unres.parse(to_text(once))
    assert not round_trip_differences(once, twice)[:5]
