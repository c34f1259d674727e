"""No lost text: every word of every corpus text is in its tree, and the check can fail.

The corpus test runs :func:`unres.coverage.check` over every text of the shared
corpus (derived renderings and raw text files) and every fixture. The negative
controls break one stage at a time, the way a careless change would (a line
dropped in normalization, a word dropped from a node, a footnote counted
twice, noise kept in the text as well as recorded), and show the check
reports exactly the words concerned.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from tests.conftest import CORPUS, FIXTURES, SEED

import unres
from unres import coverage, models
from unres.decode import decode
from unres.parsers import build, normalize
from unres.parsers.textnodes import NodeText


def _corpus_files() -> list[Path]:
    found = sorted(FIXTURES.rglob("*.txt"))
    if CORPUS.is_dir():
        found += sorted((CORPUS / "derived").rglob("*.txt"))
        found += sorted((CORPUS / "raw").rglob("*.txt"))
    return [path for path in found if path.is_file()]


FILES = _corpus_files()


def _id(path: Path) -> str:
    for root in (CORPUS, FIXTURES.parent):
        if root in path.parents:
            return str(path.relative_to(root))
    return path.name


@pytest.mark.parametrize("path", FILES, ids=[_id(p) for p in FILES])
def test_no_text_lost(path: Path) -> None:
    data = path.read_bytes()
    try:
        text, _ = decode(data)
        tree = unres.parse_bytes(data)
    except unres.InputError:
        return  # refused whole, with a reason: nothing was parsed, so nothing was lost
    found = coverage.check(text, tree)
    assert found.complete, found.describe()


def test_the_corpus_is_there_when_shared_is() -> None:
    """Guard against a silently empty parametrization: CI has ../shared beside the clone."""
    if CORPUS.is_dir():
        assert len(FILES) > 300
    assert len(FILES) >= 25


# --- the table of fields ---------------------------------------------------------------


def _model_classes() -> list[type[BaseModel]]:
    return [
        cls
        for name in models.__all__
        if isinstance(cls := getattr(models, name), type)
        and issubclass(cls, models.Node)
        and cls is not models.Node
    ]


@pytest.mark.parametrize("cls", _model_classes(), ids=lambda cls: cls.__name__)
def test_every_field_of_every_node_is_classified(cls: type[BaseModel]) -> None:
    """A field added to a model must be declared text, child or derived before the check runs."""
    fields = coverage.TEXT_FIELDS[cls]
    listed = [name for spec in fields.text for name in spec.split("|")]
    listed += [*fields.children, *fields.derived]
    assert len(listed) == len(set(listed)), f"{cls.__name__}: a field is listed twice"
    assert set(listed) == set(cls.model_fields) - {"span", "page", "kind"}


# --- what a word is ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("made,1", ["made", "1"]),
        ("Goals1 and A/RES/57/53", ["Goals", "1", "and", "A", "RES", "57", "53"]),
        ("co\u2011operation résolution", ["co", "operation", "résolution"]),
        ("18\u00a0December", ["18", "December"]),
    ],
)
def test_words(text: str, expected: list[str]) -> None:
    assert coverage.words(text) == Counter(expected)


def test_noise_inside_a_word_is_cut_before_counting() -> None:
    text = "The General Assembly,\n\t1.\tDecides to act on the Goal[DU1]s now;\n"
    tree = unres.parse(text)
    assert "Goals" in tree.operative[0].text
    assert coverage.input_words(text, tree)["Goals"] == 1
    assert coverage.check(text, tree).complete


# --- negative controls: a stage that drops or doubles text -------------------------------


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def test_control_normalize_drops_a_line(monkeypatch: pytest.MonkeyPatch, seed_text: str) -> None:
    real = normalize.normalize
    dropped = "Welcoming the initiative taken by the Secretariat"

    def dropping(source: Any) -> normalize.Normalized:
        done = real(source)
        lines = tuple(
            line for line in done.lines if dropped not in source.text[line.start : line.end]
        )
        assert len(lines) == len(done.lines) - 1
        return dataclasses.replace(done, lines=lines)

    monkeypatch.setattr(normalize, "normalize", dropping)
    found = coverage.check(seed_text, unres.parse(seed_text))
    assert not found.complete
    assert not found.extra
    for word in ("Welcoming", "Secretariat", "Disarmament", "Geneva"):
        assert found.missing[word] >= 1, found.describe()
    assert "missing" in found.describe()


def test_control_node_text_drops_a_word(monkeypatch: pytest.MonkeyPatch, seed_text: str) -> None:
    real = build.node_text

    def dropping(*args: Any) -> NodeText:
        done = real(*args)
        return dataclasses.replace(done, text=done.text.replace("Secretary-General", "", 1))

    expected = sum("Secretary-General" in text for text in _node_texts(unres.parse(seed_text)))
    monkeypatch.setattr(build, "node_text", dropping)
    found = coverage.check(seed_text, unres.parse(seed_text))
    assert not found.extra
    assert found.missing == Counter({"Secretary": expected, "General": expected})
    assert expected >= 5


def _node_texts(tree: unres.Resolution) -> list[str]:
    paragraphs = tree.all_paragraphs()
    clauses = tree.preamble.clauses if tree.preamble else []
    texts = [p.text for p in paragraphs] + [c.text for c in clauses]
    texts += [i.text for p in paragraphs for i in p.items]
    return texts


def test_control_footnote_counted_twice(monkeypatch: pytest.MonkeyPatch, seed_text: str) -> None:
    real = build._footnote

    def doubling(*args: Any) -> models.Footnote:
        note = real(*args)
        return note.model_copy(update={"text": f"{note.text} {note.text}"})

    monkeypatch.setattr(build, "_footnote", doubling)
    found = coverage.check(seed_text, unres.parse(seed_text))
    assert not found.missing
    assert found.extra["See"] == 1 and found.extra["annex"] == 1, found.describe()


def test_control_noise_recorded_and_kept(monkeypatch: pytest.MonkeyPatch, seed_text: str) -> None:
    """A stage that records a Word marker as removed but leaves it in the text too."""
    real = normalize.normalize

    def keeping(source: Any) -> normalize.Normalized:
        done = real(source)
        marker = next(n for n in done.noise if n.kind == "word-marker")
        extra = normalize.ContentLine(0, ((marker.start, marker.end),))
        lines = tuple(sorted((*done.lines, extra), key=lambda line: line.start))
        return dataclasses.replace(done, lines=lines)

    monkeypatch.setattr(normalize, "normalize", keeping)
    found = coverage.check(seed_text, unres.parse(seed_text))
    assert found.extra == Counter({"DU": 1, "1": 1}), found.describe()
