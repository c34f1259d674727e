"""Round trips: text → tree → AKN → tree gives the same tree; AKN → tree → AKN keeps the structure.

And the French and Spanish UN files give trees of the English shape.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from lxml import etree
from tests.akn_files import (
    corpus_derived_texts,
    corpus_xml,
    document_key,
    fixture_texts,
    fixture_xml,
    ids,
    language_of,
)
from tests.akn_shape import shape, tree_counts, tree_view

import unres
from unres.akn_names import AKN_NS
from unres.decode import decode
from unres.models import Unparsed


def _text_round_trip(path: Path) -> tuple[object, object]:
    text, _ = decode(path.read_bytes())
    tree = unres.parse_file(path)
    return tree_view(tree), tree_view(unres.from_akn(unres.to_akn(tree, source=text)))


@pytest.mark.parametrize("path", fixture_texts(), ids=ids(fixture_texts()))
def test_text_tree_akn_tree_on_fixtures(path: Path) -> None:
    before, after = _text_round_trip(path)
    assert after == before


def test_round_trip_without_the_source_text(seed_text: str) -> None:
    tree = unres.parse(seed_text)
    assert tree_view(unres.from_akn(unres.to_akn(tree))) == tree_view(tree)


def test_round_trip_keeps_unparsed_text_in_place(seed_text: str) -> None:
    tree = unres.parse(seed_text)
    first = tree.operative[0].span[0]
    stray = [Unparsed(text="@@ stray @@", span=(first - 1, first)), Unparsed(text="@@ end @@",
             span=(len(seed_text), len(seed_text)))]  # fmt: skip
    tree = tree.model_copy(update={"unparsed": stray})
    xml = unres.to_akn(tree, source=seed_text)
    body = etree.fromstring(xml).find(f".//{{{AKN_NS}}}mainBody")
    assert body is not None
    assert body[0].get("name") == "unparsed" and body[1].get("eId") == "para_1"
    assert tree_view(unres.from_akn(xml)) == tree_view(tree)


@pytest.mark.parametrize("path", fixture_xml(), ids=ids(fixture_xml()))
def test_akn_tree_akn_on_fixtures(path: Path) -> None:
    data = path.read_bytes()
    assert shape(unres.to_akn(unres.from_akn(data))) == shape(data)


def test_akn_tree_akn_is_stable_after_one_pass() -> None:
    data = (fixture_xml()[0]).read_bytes()
    once = unres.to_akn(unres.from_akn(data))
    assert unres.to_akn(unres.from_akn(once)) == once


def _fr_es_mismatches(paths: list[Path]) -> tuple[int, list[str]]:
    by_document: dict[str, dict[str, Path]] = defaultdict(dict)
    for path in paths:
        by_document[document_key(path)][language_of(path)] = path
    compared, mismatches = 0, []
    for languages in by_document.values():
        if "en" not in languages:
            continue
        english = tree_counts(unres.from_akn(languages["en"].read_bytes()))
        for language in ("fr", "es"):
            if language in languages:
                compared += 1
                other = tree_counts(unres.from_akn(languages[language].read_bytes()))
                if other != english:
                    mismatches.append(f"{languages[language].name}: {other} != {english}")
    return compared, mismatches


def test_french_and_spanish_fixtures_have_the_english_shape() -> None:
    compared, mismatches = _fr_es_mismatches(fixture_xml())
    assert (compared, mismatches) == (3, [])


CORPUS_TEXTS = corpus_derived_texts()
CORPUS_XML = corpus_xml()


@pytest.mark.skipif(not CORPUS_TEXTS, reason="shared corpus not present")
def test_text_tree_akn_tree_on_the_corpus() -> None:
    held, broken = 0, []
    for path in CORPUS_TEXTS:
        try:
            before, after = _text_round_trip(path)
        except unres.InputError:
            continue  # the text parser refuses it
        if after == before:
            held += 1
        else:
            broken.append(path.name)
    assert broken == []
    assert held >= 250


@pytest.mark.skipif(not CORPUS_XML, reason="shared corpus not present")
def test_akn_tree_akn_on_the_corpus() -> None:
    broken = []
    for path in CORPUS_XML:
        data = path.read_bytes()
        if shape(unres.to_akn(unres.from_akn(data))) != shape(data):
            broken.append(path.name)
    assert broken == []


@pytest.mark.skipif(not CORPUS_XML, reason="shared corpus not present")
def test_french_and_spanish_corpus_files_have_the_english_shape() -> None:
    compared, mismatches = _fr_es_mismatches(CORPUS_XML)
    assert mismatches == []
    assert compared == 35  # 21 French and 14 Spanish files, each with an English original
