"""Cross-lineage agreement: the PDF route of a GA resolution against its Word route.

For every pair in ``raw/ga-78-79-pairs/`` (SOURCES.md §8), read the Word-side
paragraph JSON (``paragraphs/<stem>.json``, see ``agreement_shape.from_word``)
and parse the PDF side once per column, then compare the two shapes field by
field (``agreement_shape.FIELDS``: preambular clauses by opening words,
operative numbers, unnumbered operative paragraphs, sub-item paths).

Columns (:data:`COLUMNS`, one reader each, added without touching the rest):

- ``pdftotext``: ``derived/ga-78-79-pairs-pdftotext/<stem>.txt`` through
  :func:`unres.parse_file`;
- ``pdf``: ``raw/ga-78-79-pairs/pdf/<stem>.pdf`` through :func:`unres.parse_file`;
  a column whose every document raises :class:`unres.InputError` is printed as
  ``unavailable``.

Prints per column the agreement per field and on all fields, with the
disagreements reviewed as Word-side errors (``agreement_word_wrong.tsv``:
stem, field, the Word side's key at the divergence, reason) counted apart;
then each disagreement at the first place where the two sequences diverge,
with both texts; then the footnote count per document of each column (the
Word side has no footnote texts).

    python benchmarks/agreement.py ../shared/corpus [--column pdftotext] [--quiet]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

try:
    import unres
except ImportError:  # run from a clean clone without installing: use ./src
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    import unres

from agreement_shape import FIELDS, Entry, Shape, from_tree, from_word

PAIRS = Path("raw/ga-78-79-pairs")
PDFTOTEXT = Path("derived/ga-78-79-pairs-pdftotext")
WORD_WRONG = Path(__file__).resolve().parent / "agreement_word_wrong.tsv"
SHOWN = 160
"""Characters of each side's text shown at a divergence."""

Reader = Callable[[Path, str], unres.Resolution]


def _pdftotext(root: Path, stem: str) -> unres.Resolution:
    return unres.parse_file(root / PDFTOTEXT / f"{stem}.txt")


def _pdf(root: Path, stem: str) -> unres.Resolution:
    return unres.parse_file(root / PAIRS / "pdf" / f"{stem}.pdf")


COLUMNS: dict[str, Reader] = {"pdftotext": _pdftotext, "pdf": _pdf}


@dataclass(frozen=True)
class Divergence:
    """The first place where one field of two shapes differs."""

    stem: str
    field: str
    index: int
    word: Entry | None
    other: Entry | None


@dataclass
class Column:
    """What one column found over the pairs."""

    name: str
    compared: int = 0
    unavailable: int = 0
    crashed: list[str] = field(default_factory=list)
    disagreements: dict[str, list[Divergence]] = field(default_factory=dict)
    footnotes: dict[str, int] = field(default_factory=dict)


def first_divergence(stem: str, name: str, word: Shape, other: Shape) -> Divergence | None:
    """Where field ``name`` of the two shapes first differs, or None when it agrees."""
    left, right = word.field(name), other.field(name)
    for index in range(max(len(left), len(right))):
        a = left[index] if index < len(left) else None
        b = right[index] if index < len(right) else None
        if a is None or b is None or a.key != b.key:
            return Divergence(stem, name, index, a, b)
    return None


def compare(stem: str, word: Shape, other: Shape) -> list[Divergence]:
    """The first divergence of every field that disagrees."""
    found = (first_divergence(stem, name, word, other) for name in FIELDS)
    return [divergence for divergence in found if divergence is not None]


WordWrong = dict[tuple[str, str, str], str]
"""Reviewed Word-side errors: (stem, field, Word key at the divergence) → reason."""
NOTHING = "(nothing)"


def read_word_wrong(path: Path = WORD_WRONG) -> WordWrong:
    """The reviewed disagreements in which the Word side is wrong."""
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {(row[0], row[1], row[2]): row[3] for row in rows if len(row) >= 4}


def word_wrong_reason(divergence: Divergence, word_wrong: WordWrong) -> str | None:
    """Why the Word side is wrong at this divergence, when that was reviewed."""
    at = NOTHING if divergence.word is None else divergence.word.key
    return word_wrong.get((divergence.stem, divergence.field, at))


def run_column(root: Path, name: str, stems: Sequence[str], words: dict[str, Shape]) -> Column:
    column = Column(name)
    reader = COLUMNS[name]
    for stem in stems:
        try:
            tree = reader(root, stem)
        except unres.InputError:
            column.unavailable += 1
            continue
        except Exception as error:  # a crash is a figure here, not an abort
            column.crashed.append(f"{stem}: {type(error).__name__}: {error}")
            continue
        column.compared += 1
        column.footnotes[stem] = len(tree.footnotes)
        column.disagreements[stem] = compare(stem, words[stem], from_tree(tree))
    return column


def _share(count: int, total: int) -> str:
    return f"{count}/{total} ({100 * count / total:.2f}%)" if total else "0/0"


def report(column: Column, total: int, word_wrong: WordWrong) -> list[str]:
    """The summary lines of one column."""
    if column.compared == 0:
        return [
            f"column {column.name}: unavailable ({column.unavailable} InputError, "
            f"{len(column.crashed)} crashed)"
        ]
    lines = [
        f"column {column.name}: {column.compared} of {total} pairs parsed"
        f" ({column.unavailable} InputError, {len(column.crashed)} crashed)"
    ]
    agree_all = agree_reviewed = 0
    for name in FIELDS:
        agree = reviewed = 0
        for found in column.disagreements.values():
            here = [d for d in found if d.field == name]
            if not here:
                agree += 1
            elif word_wrong_reason(here[0], word_wrong):
                reviewed += 1
        lines.append(
            f"  {name:<11} agree {_share(agree, total)}; Word side wrong (reviewed) {reviewed}"
        )
    for found in column.disagreements.values():
        if not found:
            agree_all += 1
        elif all(word_wrong_reason(d, word_wrong) for d in found):
            agree_reviewed += 1
    lines.append(
        f"  all fields  agree {_share(agree_all, total)};"
        f" with reviewed Word-side errors counted apart"
        f" {_share(agree_all + agree_reviewed, total)}"
    )
    return lines


def _shown(entry: Entry | None) -> str:
    if entry is None:
        return NOTHING
    text = " ".join(entry.text.split())
    return f"[{entry.key}] {text[:SHOWN]}{'…' if len(text) > SHOWN else ''}"


def details(column: Column, word_wrong: WordWrong) -> list[str]:
    """Every disagreement at its first divergence; reviewed Word-side errors marked."""
    lines = [f"disagreements, column {column.name}:"]
    for stem, found in sorted(column.disagreements.items()):
        for d in found:
            reason = word_wrong_reason(d, word_wrong)
            mark = f"  (Word side wrong: {reason})" if reason else ""
            lines.append(f"- {stem} {d.field} #{d.index + 1}{mark}")
            lines.append(f"    word: {_shown(d.word)}")
            lines.append(f"    {column.name}: {_shown(d.other)}")
    lines += [f"- crashed {line}" for line in column.crashed]
    return lines


def footnote_lines(column: Column) -> list[str]:
    if not column.footnotes:
        return []
    counts = [f"{stem}={count}" for stem, count in sorted(column.footnotes.items())]
    total = sum(column.footnotes.values())
    lines = [f"footnotes per document, column {column.name} ({total} in all):"]
    lines += ["  " + " ".join(counts[i : i + 6]) for i in range(0, len(counts), 6)]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="corpus root (holds raw/ and derived/)")
    parser.add_argument("--column", action="append", choices=sorted(COLUMNS))
    parser.add_argument("--quiet", action="store_true", help="summary only")
    args = parser.parse_args(argv)
    folder = args.root / PAIRS / "paragraphs"
    if not folder.is_dir():
        print(f"agreement: no pairs folder at {folder}", file=sys.stderr)
        return 2
    stems = sorted(path.stem for path in folder.glob("*.json"))
    words = {stem: from_word(folder / f"{stem}.json") for stem in stems}
    word_wrong = read_word_wrong()
    columns = [run_column(args.root, name, stems, words) for name in args.column or COLUMNS]
    print(
        f"agreement with the Word side over {len(stems)} pairs"
        f" ({len(word_wrong)} reviewed Word-side errors listed)"
    )
    for column in columns:
        print("\n".join(report(column, len(stems), word_wrong)))
    if not args.quiet:
        for column in columns:
            if column.compared:
                print("\n" + "\n".join(details(column, word_wrong)))
                print("\n" + "\n".join(footnote_lines(column)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
