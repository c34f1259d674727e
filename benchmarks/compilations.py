"""Compilations: ``python benchmarks/compilations.py ../shared/corpus``.

Runs :func:`unres.parse_all` over the corpus texts that may print several
items: the eosg yearbook and Official Records renderings
(``derived/eosg-mandates-paragraphs-txt/``) and the cr-unsc yearbook pages
(``raw/cr-unsc-gold/``). Prints, per text found to be a compilation, each item
in order: its kind, language, number, preambular clause count, operative
paragraph count (parts included), footnote count and adoption (meeting, date);
then the totals per folder. Asserts nothing; the reviewed expectations are in
``fixtures/compilations/`` (``tests/test_compilations.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import unres
from unres.models import Resolution

FOLDERS = ("derived/eosg-mandates-paragraphs-txt", "raw/cr-unsc-gold")


def clauses(tree: Resolution) -> int:
    count = len(tree.preamble.clauses) if tree.preamble else 0
    return count + sum(len(part.preamble.clauses) for part in tree.parts if part.preamble)


def adoption(tree: Resolution) -> str:
    if tree.adoption is None:
        return "-"
    meeting = tree.adoption.meeting or "?"
    return f"{' '.join(meeting.split())}, {tree.adoption.date or '?'}"


def row(tree: Resolution) -> str:
    number = tree.number or "-"
    parts = f" parts={'+'.join(p.label for p in tree.parts)}" if tree.parts else ""
    return (
        f"  {tree.kind:10} {tree.metadata.language:2} {number:14} clauses={clauses(tree):3}"
        f" paragraphs={len(tree.all_paragraphs()):3} footnotes={len(tree.footnotes):2}"
        f"{parts}  adoption: {adoption(tree)}"
    )


def main(root: Path) -> int:
    for folder in FOLDERS:
        paths = sorted((root / folder).glob("*.txt"))
        compilations = items = resolutions = 0
        print(f"== {folder}: {len(paths)} texts")
        for path in paths:
            try:
                trees = unres.parse_file_all(path)
            except unres.InputError as err:
                print(f"{path.name}: input error: {err.reason}")
                continue
            if len(trees) < 2:
                continue
            compilations += 1
            items += len(trees)
            resolutions += sum(tree.kind == "resolution" for tree in trees)
            print(f"{path.name}: {len(trees)} items")
            for tree in trees:
                print(row(tree))
        print(
            f"-- {folder}: {compilations} compilations of {len(paths)} texts,"
            f" {items} items, {resolutions} of them resolutions\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus")))
