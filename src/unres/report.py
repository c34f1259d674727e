"""The corpus report: how the parser fares on a folder of real texts.

Takes a directory, parses every ``*.txt`` file under it (read as every entry
point reads input: text, Akoma Ntoso XML or PDF, :mod:`unres.readers.detect`),
and gives, per source folder and per input lineage: files (documents), files
parsed without error, the resolutions found in them (a compilation holds many;
:func:`unres.parse_all`), the share of
non-white-space characters that ended up in ``unparsed`` tokens, and the
documents whose operative numbering has gaps (or repeats, or disorder).
Anything but an :class:`~unres.errors.InputError` is counted as a crash and
listed. Used by ``unres report DIR`` and ``benchmarks/corpus_report.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from unres.api import Document, parse_all, read_document, tokenize
from unres.decode import decode
from unres.digits import decimal_value
from unres.errors import InputError
from unres.readers.detect import kind_of, pdf_tokens


@dataclass(frozen=True, slots=True)
class FileStat:
    """What one file gave: its folder, lineage (if parsed), counts and problems."""

    folder: str
    name: str
    lineage: str | None
    characters: int = 0
    unparsed_characters: int = 0
    numbering_gap: bool = False
    resolutions: int = 0
    """Trees of kind ``resolution`` found in the file: one, or many in a compilation."""
    items: int = 0
    """Trees found in the file: resolutions, decisions, fragments; more than one in a
    compilation."""
    input_error: str | None = None
    crash: str | None = None


@dataclass(slots=True)
class Group:
    """Totals over a set of files."""

    name: str
    files: int = 0
    parsed: int = 0
    characters: int = 0
    unparsed_characters: int = 0
    gaps: int = 0
    resolutions: int = 0
    compilations: int = 0
    lineages: dict[str, int] = field(default_factory=dict)

    def add(self, stat: FileStat) -> None:
        self.files += 1
        if stat.lineage is None:
            return
        self.parsed += 1
        self.characters += stat.characters
        self.unparsed_characters += stat.unparsed_characters
        self.gaps += stat.numbering_gap
        self.resolutions += stat.resolutions
        self.compilations += stat.items > 1
        self.lineages[stat.lineage] = self.lineages.get(stat.lineage, 0) + 1

    @property
    def unparsed_share(self) -> float:
        return self.unparsed_characters / self.characters if self.characters else 0.0


def numbering_is_regular(numbers: Iterable[str | None]) -> bool:
    """True when numbered paragraphs run 1, 2, 3… (a restart at 1 begins a new series)."""
    previous = 0
    for number in numbers:
        value = decimal_value("".join(ch for ch in number or "" if ch.isdecimal()))
        if value is None:
            continue
        if value != previous + 1 and value != 1:
            return False
        previous = value
    return True


def _non_space(text: str) -> int:
    return len(text) - sum(text.count(ch) for ch in " \t\n\r\f\v\u00a0")


def stat_file(path: Path, folder: str) -> FileStat:
    try:
        data = path.read_bytes()
        if kind_of(data) == "text":
            text, encoding = decode(data)
            trees = parse_all(text, encoding=encoding)
            records = [r.text for r in tokenize(text) if r.kind == "unparsed"]
        else:
            document = read_document(data)
            text, trees = document.text, [document.tree]
            records = _records(document, data)
    except InputError as err:
        return FileStat(folder, path.name, None, input_error=err.reason)
    except OSError as err:
        return FileStat(folder, path.name, None, input_error=f"cannot read: {err.strerror}")
    except Exception as err:  # the report's job is to count these
        return FileStat(folder, path.name, None, crash=f"{type(err).__name__}: {err}")
    runs = [
        run
        for tree in trees
        for run in [
            [p.number for p in tree.all_paragraphs()],
            *([p.number for p in part.operative] for part in tree.parts),
        ]
    ]
    return FileStat(
        folder,
        path.name,
        trees[0].metadata.lineage,
        characters=_non_space(text),
        unparsed_characters=sum(_non_space(text) for text in records),
        numbering_gap=not all(numbering_is_regular(run) for run in runs),
        resolutions=sum(tree.kind == "resolution" for tree in trees),
        items=len(trees),
    )


def _records(document: Document, data: bytes) -> list[str]:
    """The texts of the unparsed tokens (of the unparsed nodes, for AKN: it has no tokens)."""
    if document.kind == "akn":
        return [node.text for node in document.tree.unparsed]
    records = pdf_tokens(data) if document.kind == "pdf" else tokenize(document.text)
    return [record.text for record in records if record.kind == "unparsed"]


def report_files(root: Path) -> list[Path]:
    """Every ``*.txt`` file under ``root``, sorted."""
    return [path for path in sorted(root.rglob("*.txt")) if path.is_file()]


def build_report(root: Path, on_file: Callable[[Path], None] | None = None) -> list[FileStat]:
    """A :class:`FileStat` for every file of :func:`report_files`; ``on_file`` after each."""
    stats: list[FileStat] = []
    for path in report_files(root):
        relative = path.relative_to(root)
        parts = relative.parts
        depth = 2 if parts[0] in ("derived", "raw") and len(parts) > 2 else 1
        folder = "/".join(parts[:depth]) if len(parts) > 1 else "."
        stats.append(stat_file(path, folder))
        if on_file is not None:
            on_file(path)
    return stats


def _table(title: str, groups: list[Group], *, lineages: bool) -> list[str]:
    header = (
        f"{title:44} {'docs':>5} {'parsed':>6} {'resol.':>6} {'compil.':>7}"
        f" {'unparsed%':>9} {'gaps':>4}"
    )
    lines = [header + ("  lineages" if lineages else ""), "-" * (len(header) + 10)]
    for g in groups:
        extra = (
            "  " + ",".join(f"{k}:{v}" for k, v in sorted(g.lineages.items())) if lineages else ""
        )
        lines.append(
            f"{g.name:44} {g.files:5} {g.parsed:6} {g.resolutions:6} {g.compilations:7}"
            f" {100 * g.unparsed_share:8.2f}% {g.gaps:4}{extra}"
        )
    return lines


def format_report(stats: list[FileStat], *, details: bool = True) -> str:
    folders: dict[str, Group] = {}
    lineages: dict[str, Group] = {}
    total = Group("TOTAL")
    for stat in stats:
        folders.setdefault(stat.folder, Group(stat.folder)).add(stat)
        key = stat.lineage or "(not parsed)"
        lineages.setdefault(key, Group(key)).add(stat)
        total.add(stat)
    lines = _table("folder", [*folders.values(), total], lineages=True)
    lines += [
        "",
        *_table("lineage", sorted(lineages.values(), key=lambda g: g.name), lineages=False),
    ]
    lines.append(
        f"documents: {total.files}, resolutions found in them: {total.resolutions}"
        f" ({total.compilations} documents are compilations: they print more than one item)"
    )
    crashes = [s for s in stats if s.crash]
    lines.append(f"crashes (anything but InputError): {len(crashes)}")
    if details:
        for s in stats:
            if s.crash:
                lines.append(f"  CRASH {s.folder}/{s.name}: {s.crash}")
            if s.input_error:
                lines.append(f"  input error {s.folder}/{s.name}: {s.input_error}")
            if s.numbering_gap:
                lines.append(f"  numbering {s.folder}/{s.name}")
    return "\n".join(lines)
