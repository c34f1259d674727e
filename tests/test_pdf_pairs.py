"""pdftotext text of GA resolutions against the Word paragraphs of the same documents.

Each pair of ``fixtures/pairs/`` (see its README) is parsed from its pdftotext
text and compared with the Word side (``benchmarks/agreement_shape.py``): the
preambular clauses by their opening words, the operative numbers, the
unnumbered paragraphs and the sub-item paths must agree. Its footnotes must be
the number counted by reading, numbered 1 to N, each with a text and linked
from the body once at least; no removed record may look like content
(``benchmarks/noise_content.py``).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from types import ModuleType

import pytest
from pydantic import BaseModel
from tests.conftest import FIXTURES, ROOT

import unres
from unres.models import FootnoteRef, Resolution

PAIRS = FIXTURES / "pairs"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


SHAPE = _load("agreement_shape")
NOISE = _load("noise_content")


def _expected() -> list[tuple[str, int]]:
    rows = []
    for line in (PAIRS / "expected.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            stem, footnotes, *_ = line.split("\t")
            rows.append((stem, int(footnotes)))
    return rows


EXPECTED = _expected()


def _parse(stem: str) -> tuple[str, Resolution]:
    path = PAIRS / f"{stem}.pdftotext.txt"
    return path.read_text(encoding="utf-8"), unres.parse_file(path)


def _refs(node: object) -> Iterator[FootnoteRef]:
    if not isinstance(node, BaseModel):
        return
    for name in type(node).model_fields:
        value = getattr(node, name)
        if name == "footnote_refs":
            yield from value
        elif isinstance(value, list):
            for child in value:
                yield from _refs(child)
        else:
            yield from _refs(value)


def test_there_are_enough_pairs() -> None:
    assert len(EXPECTED) >= 20
    for stem, _ in EXPECTED:
        assert (PAIRS / f"{stem}.pdftotext.txt").is_file()
        assert (PAIRS / f"{stem}.paragraphs.json").is_file()


@pytest.mark.parametrize("stem", [stem for stem, _ in EXPECTED])
def test_structure_agrees_with_the_word_side(stem: str) -> None:
    _, tree = _parse(stem)
    word = SHAPE.from_word(PAIRS / f"{stem}.paragraphs.json")
    pdf = SHAPE.from_tree(tree)
    for field in SHAPE.FIELDS:
        assert [e.key for e in pdf.field(field)] == [e.key for e in word.field(field)], field


@pytest.mark.parametrize(("stem", "count"), EXPECTED)
def test_every_footnote_once_with_its_text_and_a_link(stem: str, count: int) -> None:
    _, tree = _parse(stem)
    markers = [note.marker for note in tree.footnotes]
    assert markers == [str(number) for number in range(1, count + 1)]
    assert all(note.text.strip() for note in tree.footnotes)
    linked = {ref.marker for ref in _refs(tree)}
    assert set(markers) <= linked


@pytest.mark.parametrize("stem", [stem for stem, _ in EXPECTED])
def test_no_content_in_noise(stem: str) -> None:
    text, tree = _parse(stem)
    assert list(NOISE.content_in_noise(text, tree)) == []


def test_a_clause_opening_after_the_running_symbol_is_content() -> None:
    text, tree = _parse("A_RES_78_101")
    line = "Reiterating its conviction of the need for the eradication of colonialism, as well"
    assert line in text
    assert not any(line in record.text for record in tree.removed)
    assert any(c.text.startswith("Reiterating its conviction") for c in tree.preamble.clauses)  # type: ignore[union-attr]


def test_every_line_of_a_running_title_met_once_is_removed() -> None:
    _, tree = _parse("A_RES_78_324")
    removed = {record.text for record in tree.removed if record.kind == "page-header"}
    assert {
        "on Ageing, entitled “Recommendations regarding the identification",
        "of possible gaps in the protection of the human rights of older",
        "persons and how best to address them”",
    } <= removed


def test_a_symbol_alone_is_a_footnote_text() -> None:
    _, tree = _parse("A_RES_79_100")
    assert tree.footnotes[1].text == "A/AC.109/2024/2."
