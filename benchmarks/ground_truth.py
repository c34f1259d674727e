"""Compare the text parser with the UN's own AKN4UN XML of the same Security Council resolutions.

For every Security Council document in the shared corpus that is there both as
text (any lineage: ``derived/*/`` renderings and ``raw/cr-unsc-gold/*.txt``)
and as English AKN4UN XML (``raw/unxml-scresolutions-akn4un``), parse the
text with :func:`unres.parse_file`, read the XML with :func:`unres.from_akn`,
and compare what both should agree on: the number of preambular clauses, the
operative paragraph numbers, the sub-item labels of each paragraph, the
number of footnotes, and the adoption meeting number and date.

Documents are matched by symbol, taken from ``MANIFEST.tsv`` (the year
suffix dropped: ``S/RES/1325 (2000)`` and ``S/RES/1325`` are one document); a
derived text is the rendering of the raw file with the same name in the raw
folder its own folder is named after.

Prints, per lineage of the text parse (``metadata.lineage``), how many
documents were compared, the share that matched on every field, and each
mismatch as ``symbol [source] field: text=… xml=…``.

    python benchmarks/ground_truth.py ../shared/corpus
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

try:
    import unres
except ImportError:  # run from a clean clone without installing: use ./src
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    import unres

import regex

from unres.models import Item, Resolution

XML_SOURCE = "unxml-scresolutions-akn4un"
_YEAR = regex.compile(r"[ \u00a0]*\(\d{4}\)$")
_DERIVED_SUFFIX = regex.compile(r"(?:\.layout|\.pdftotext|\.pymupdf)?\.txt$")
_DERIVED_FOLDER = regex.compile(r"-(?:txt|pdftotext)$")


@dataclass(frozen=True)
class Facts:
    """What a text parse and an XML import of one resolution should agree on."""

    clauses: int
    numbers: tuple[str, ...]
    items: tuple[tuple[str, tuple[str, ...]], ...]
    footnotes: int
    meeting: int | None
    date: str | None


@dataclass(frozen=True)
class Mismatch:
    symbol: str
    source: str
    field: str
    text_value: str
    xml_value: str

    def line(self) -> str:
        return (
            f"{self.symbol} [{self.source}] {self.field}: "
            f"text={self.text_value} xml={self.xml_value}"
        )


@dataclass(frozen=True)
class Pair:
    """A text file and the English AKN4UN XML of the same document."""

    symbol: str
    text: Path
    xml: Path
    source: str


def symbol_key(symbol: str) -> str:
    """``S/RES/1325 (2000)`` → ``S/RES/1325``."""
    return _YEAR.sub("", " ".join(symbol.split()))


def _labels(items: Sequence[Item], prefix: str = "") -> list[str]:
    found: list[str] = []
    for item in items:
        path = f"{prefix}{item.label}"
        found.append(path)
        found.extend(_labels(item.items, f"{path}/"))
    return found


def facts(resolution: Resolution) -> Facts:
    """The compared facts of a tree."""
    paragraphs = resolution.all_paragraphs()
    adoption = resolution.adoption
    clauses = len(resolution.preamble.clauses) if resolution.preamble else 0
    clauses += sum(len(p.preamble.clauses) for p in resolution.parts if p.preamble)
    return Facts(
        clauses=clauses,
        numbers=tuple(p.number for p in paragraphs if p.number is not None),
        items=tuple((p.number or "-", tuple(_labels(p.items))) for p in paragraphs if p.items),
        footnotes=len(resolution.footnotes),
        meeting=adoption.meeting_number if adoption else None,
        date=adoption.date if adoption else None,
    )


def compare(symbol: str, source: str, text: Facts, xml: Facts) -> list[Mismatch]:
    """Every field on which the two disagree (sub-items: one entry per paragraph)."""
    found: list[Mismatch] = []

    def add(field: str, a: object, b: object) -> None:
        if a != b:
            found.append(Mismatch(symbol, source, field, _show(a), _show(b)))

    add("preamble clauses", text.clauses, xml.clauses)
    add("paragraph numbers", list(text.numbers), list(xml.numbers))
    text_items, xml_items = dict(text.items), dict(xml.items)
    for number in sorted(set(text_items) | set(xml_items), key=_number_order):
        add(f"sub-items of {number}", list(text_items.get(number, ())),
            list(xml_items.get(number, ())))  # fmt: skip
    add("footnotes", text.footnotes, xml.footnotes)
    add("adoption meeting", text.meeting, xml.meeting)
    add("adoption date", text.date, xml.date)
    return found


def _number_order(number: str) -> tuple[int, str]:
    digits = regex.match(r"\d+", number)
    return (int(digits.group()) if digits else 10**6, number)


def _show(value: object) -> str:
    text = str(value)
    return text if len(text) <= 160 else text[:157] + "..."


def read_manifest(corpus: Path) -> dict[str, tuple[str, str, str]]:
    """Corpus path → (symbol, body, language) from ``MANIFEST.tsv``."""
    rows: dict[str, tuple[str, str, str]] = {}
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            rows[row["file"]] = (row["symbol"], row["body"], row["lang"])
    return rows


def pairs(corpus: Path) -> list[Pair]:
    """Every (text, English XML) pair of the same Security Council document."""
    manifest = read_manifest(corpus)
    xml_by_symbol: dict[str, Path] = {}
    for file, (symbol, body, lang) in manifest.items():
        if body == "SC" and lang == "en" and file.startswith(f"raw/{XML_SOURCE}/"):
            xml_by_symbol.setdefault(symbol_key(symbol), corpus / file)
    found: list[Pair] = []
    for text, raw in _texts(corpus, manifest):
        symbol, body, lang = manifest[raw]
        key = symbol_key(symbol)
        if body == "SC" and lang == "en" and key in xml_by_symbol:
            source = text.parent.relative_to(corpus).parts[1]
            found.append(Pair(key, text, xml_by_symbol[key], source))
    return sorted(found, key=lambda pair: (pair.symbol, str(pair.text)))


def _texts(corpus: Path, manifest: dict[str, tuple[str, str, str]]) -> Iterable[tuple[Path, str]]:
    """Each text file with the manifest path of the raw file it renders."""
    stems: dict[tuple[str, str], str] = {}
    for file in manifest:
        parts = Path(file).parts
        if len(parts) >= 3 and parts[0] == "raw":
            stems[(parts[1], str(Path(*parts[2:]).with_suffix("")))] = file
    for text in sorted((corpus / "raw" / "cr-unsc-gold").glob("*.txt")):
        gold = text.relative_to(corpus).as_posix()
        if gold in manifest:
            yield text, gold
    for text in sorted((corpus / "derived").rglob("*.txt")):
        relative = text.relative_to(corpus / "derived")
        folder = _DERIVED_FOLDER.sub("", relative.parts[0])
        stem = _DERIVED_SUFFIX.sub("", Path(*relative.parts[1:]).as_posix())
        raw = stems.get((folder, stem))
        if raw is not None:
            yield text, raw


@dataclass
class Outcome:
    """Compared documents and mismatches, per lineage."""

    compared: dict[str, int]
    exact: dict[str, int]
    mismatches: dict[str, list[Mismatch]]
    failed: list[str]


def run(found: Sequence[Pair]) -> Outcome:
    """Compare every pair; a text the parser refuses is listed as failed, not compared."""
    outcome = Outcome(defaultdict(int), defaultdict(int), defaultdict(list), [])
    xml_facts: dict[Path, Facts] = {}
    for pair in found:
        try:
            tree = unres.parse_file(pair.text)
        except unres.InputError as err:
            outcome.failed.append(f"{pair.symbol} [{pair.source}] {pair.text.name}: {err}")
            continue
        if pair.xml not in xml_facts:
            xml_facts[pair.xml] = facts(unres.from_akn(pair.xml.read_bytes()))
        lineage = tree.metadata.lineage
        mismatches = compare(pair.symbol, pair.source, facts(tree), xml_facts[pair.xml])
        outcome.compared[lineage] += 1
        outcome.exact[lineage] += not mismatches
        outcome.mismatches[lineage].extend(mismatches)
    return outcome


def report(outcome: Outcome) -> str:
    """The printed summary: per lineage, counts, share exact, and every mismatch."""
    lines: list[str] = []
    for lineage in sorted(outcome.compared):
        compared, exact = outcome.compared[lineage], outcome.exact[lineage]
        lines.append(
            f"lineage {lineage}: {compared} documents compared, {exact} exact "
            f"({100 * exact / compared:.0f}%), {len(outcome.mismatches[lineage])} mismatches"
        )
        lines.extend(f"  {m.line()}" for m in outcome.mismatches[lineage])
    if outcome.failed:
        lines.append(f"not parsed: {len(outcome.failed)}")
        lines.extend(f"  {line}" for line in outcome.failed)
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="the shared corpus folder (holds MANIFEST.tsv)")
    args = parser.parse_args(argv)
    if not (args.corpus / "MANIFEST.tsv").is_file():
        print(f"ground_truth: no MANIFEST.tsv in {args.corpus}", file=sys.stderr)
        return 2
    found = pairs(args.corpus)
    print(f"{len(found)} text files have an English AKN4UN counterpart")
    print(report(run(found)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
