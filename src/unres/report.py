"""The corpus report: how the parser fares on a folder of real texts.

Takes a directory, parses every ``*.txt`` file under it, and gives per
sub-folder: files, files parsed without error, the share of non-white-space
characters that ended up in ``unparsed`` tokens, and the documents whose
operative numbering has gaps (or repeats, or disorder). Used by
``unres report DIR`` and ``benchmarks/corpus_report.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from unres.api import parse_bytes, tokenize
from unres.decode import decode
from unres.errors import InputError


@dataclass(slots=True)
class FolderReport:
    folder: str
    files: int = 0
    parsed: int = 0
    input_errors: list[str] = field(default_factory=list)
    crashes: list[str] = field(default_factory=list)
    characters: int = 0
    unparsed_characters: int = 0
    numbering_gaps: list[str] = field(default_factory=list)
    lineages: dict[str, int] = field(default_factory=dict)

    @property
    def unparsed_share(self) -> float:
        return self.unparsed_characters / self.characters if self.characters else 0.0


def numbering_is_regular(numbers: Iterable[str | None]) -> bool:
    """True when numbered paragraphs run 1, 2, 3… (restarting at 1 is allowed: new section)."""
    previous = 0
    for number in numbers:
        if number is None:
            continue
        digits = "".join(ch for ch in number if ch.isdigit())
        if not digits:
            continue
        value = int(digits)
        if value != previous + 1 and value != 1:
            return False
        if value == previous and not number[len(digits) :].strip():
            return False
        previous = value
    return True


def report_file(path: Path, folder: FolderReport) -> None:
    folder.files += 1
    data = path.read_bytes()
    try:
        text, _ = decode(data)
        resolution = parse_bytes(data)
        records = tokenize(text)
    except InputError as err:
        folder.input_errors.append(f"{path.name}: {err.reason}")
        return
    except Exception as err:
        folder.crashes.append(f"{path.name}: {type(err).__name__}: {err}")
        return
    folder.parsed += 1
    lineage = resolution.metadata.lineage
    folder.lineages[lineage] = folder.lineages.get(lineage, 0) + 1
    folder.characters += sum(1 for ch in text if not ch.isspace())
    folder.unparsed_characters += sum(
        sum(1 for ch in r.text if not ch.isspace()) for r in records if r.kind == "unparsed"
    )
    runs = [[p.number for p in resolution.all_paragraphs()]] + [
        [p.number for p in part.operative] for part in resolution.parts
    ]
    if not all(numbering_is_regular(run) for run in runs):
        folder.numbering_gaps.append(path.name)


def build_report(root: Path) -> list[FolderReport]:
    folders: dict[str, FolderReport] = {}
    for path in sorted(root.rglob("*.txt")):
        if not path.is_file():
            continue
        relative = path.relative_to(root)
        name = "/".join(relative.parts[:2]) if len(relative.parts) > 2 else str(relative.parent)
        folder = folders.setdefault(name, FolderReport(name))
        report_file(path, folder)
    return list(folders.values())


def format_report(reports: list[FolderReport], *, details: bool = True) -> str:
    header = f"{'folder':44} {'files':>5} {'parsed':>6} {'unparsed%':>9} {'gaps':>4}  lineages"
    lines = [header, "-" * len(header)]
    total = FolderReport("TOTAL")
    for r in reports:
        lineages = ",".join(f"{k}:{v}" for k, v in sorted(r.lineages.items()))
        lines.append(
            f"{r.folder:44} {r.files:5} {r.parsed:6} {100 * r.unparsed_share:8.2f}% "
            f"{len(r.numbering_gaps):4}  {lineages}"
        )
        total.files += r.files
        total.parsed += r.parsed
        total.characters += r.characters
        total.unparsed_characters += r.unparsed_characters
        total.numbering_gaps += r.numbering_gaps
        total.crashes += r.crashes
        total.input_errors += r.input_errors
    lines.append(
        f"{'TOTAL':44} {total.files:5} {total.parsed:6} {100 * total.unparsed_share:8.2f}% "
        f"{len(total.numbering_gaps):4}"
    )
    lines.append(f"crashes (anything but InputError): {len(total.crashes)}")
    if details:
        for r in reports:
            for item in r.crashes:
                lines.append(f"  CRASH {r.folder}/{item}")
            for item in r.input_errors:
                lines.append(f"  input error {r.folder}/{item}")
            for item in r.numbering_gaps:
                lines.append(f"  numbering {r.folder}/{item}")
    return "\n".join(lines)
