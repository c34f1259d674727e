"""Run ``unres`` validation over a corpus and count the findings, rule by rule.

What it does: every ``*.txt`` file under each ROOT is decoded and parsed as
``unres validate`` would; files that cannot be parsed are counted as
unreadable. For each folder directly under a ROOT (or the ROOT itself when
it holds the files) it prints the number of documents and, per rule, how many
findings fired and in how many documents. Then it prints the totals and
every error-level finding as ``path:line:col: CODE message``, for review.

Needs only unres; runs on Python 3.11 or later::

    python benchmarks/validate_corpus.py ../shared/corpus/derived [ROOT ...] [--no-list]
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import unres
from unres.decode import decode
from unres.lines import LineIndex


@dataclass
class Tally:
    """Counts for one folder."""

    documents: int = 0
    unreadable: int = 0
    findings: Counter[str] = field(default_factory=Counter)
    documents_with: Counter[str] = field(default_factory=Counter)


def folder_of(root: Path, path: Path) -> str:
    parts = path.relative_to(root).parts
    return f"{root.name}/{parts[0]}" if len(parts) > 1 else root.name


def sweep(roots: list[Path]) -> tuple[dict[str, Tally], list[str]]:
    tallies: dict[str, Tally] = {}
    errors: list[str] = []
    for root in roots:
        for path in sorted(p for p in root.rglob("*.txt") if p.is_file()):
            tally = tallies.setdefault(folder_of(root, path), Tally())
            try:
                text, encoding = decode(path.read_bytes())
                resolution = unres.parse(text, encoding=encoding)
            except unres.InputError:
                tally.unreadable += 1
                continue
            tally.documents += 1
            findings = unres.check(resolution, text)
            source = LineIndex(text)
            tally.findings.update(f.code for f in findings)
            tally.documents_with.update({f.code for f in findings})
            for f in findings:
                if f.severity == "error":
                    line, column = source.position(f.span[0])
                    name = path.relative_to(root.parent)
                    errors.append(f"{name}:{line}:{column}: {f.code} {f.message}")
    return tallies, errors


def report(tallies: dict[str, Tally]) -> None:
    severities = {rule.code: rule.severity for rule in unres.RULES}
    names = {rule.code: rule.name for rule in unres.RULES}
    total = Tally()
    for folder, tally in tallies.items():
        print(f"\n{folder}: {tally.documents} documents, {tally.unreadable} unreadable")
        for code in sorted(tally.findings):
            print(
                f"  {code} {severities.get(code, '?'):7} {names.get(code, ''):24}"
                f" {tally.findings[code]:6} findings in {tally.documents_with[code]:3} documents"
            )
        total.documents += tally.documents
        total.unreadable += tally.unreadable
        total.findings.update(tally.findings)
        total.documents_with.update(tally.documents_with)
    print(f"\nALL: {total.documents} documents, {total.unreadable} unreadable")
    for rule in unres.RULES:
        count = total.findings[rule.code]
        print(
            f"  {rule.code} {rule.severity:7} {rule.name:24} {count:6} findings"
            f" in {total.documents_with[rule.code]:3} documents"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roots", nargs="+", type=Path, help="corpus folders to sweep")
    parser.add_argument("--no-list", action="store_true", help="counts only, no error list")
    args = parser.parse_args()
    tallies, errors = sweep(args.roots)
    report(tallies)
    if not args.no_list:
        print(f"\nerror-level findings: {len(errors)}")
        for line in errors:
            print(f"  {line}")


if __name__ == "__main__":
    main()
