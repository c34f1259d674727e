"""Findings as people and CI systems read them: text, JSON and GitHub annotations.

Takes findings (spans into a decoded text), the text's :class:`~unres.lines.LineIndex`
and the name to show for the file, and gives :class:`Located` records with
1-based line and column numbers as editors count them. Each output format is
one function in :data:`FORMATS`, from a list of records to the whole output:

* ``text``: ``path:line:col: CODE severity message``, one a line (with the
  source line and a caret under the span when the record has an excerpt);
* ``json``: one JSON array of ``{path, line, column, end_line, end_column,
  code, severity, message}``;
* ``github``: workflow commands, ``::error file=…,line=…,col=…,title=CODE::message``
  (``warning`` for warnings, ``notice`` for information).

:func:`statistics` counts findings per rule (``--statistics``) and :func:`summary`
gives the closing line a terminal gets (``Found 12 errors in 3 files``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Final

from unres.lines import LineIndex
from unres.models import Finding, Severity

Paint = Callable[[str, str], str]
"""Wraps a part of a line (``path``, ``code``, a severity) for display, e.g. in colour."""


@dataclass(frozen=True, slots=True)
class Located:
    """A finding with its file and its human positions."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    severity: Severity
    message: str
    excerpt: str | None = None


def locate(
    findings: Sequence[Finding], index: LineIndex, path: str, *, excerpts: bool = False
) -> list[Located]:
    """``findings`` of the text behind ``index``, positioned, in their order."""
    located: list[Located] = []
    for finding in findings:
        start, end = finding.span
        line, column = index.position(start)
        end_line, end_column = index.position(end)
        located.append(
            Located(
                path, line, column, end_line, end_column,
                finding.code, finding.severity, finding.message,
                index.caret(start, end) if excerpts else None,
            )
        )  # fmt: skip
    return located


def _plain(text: str, style: str) -> str:
    return text


def to_text(located: Sequence[Located], paint: Paint = _plain) -> str:
    """``path:line:col: CODE severity message`` a line; ``paint`` colours the parts."""
    lines: list[str] = []
    for item in located:
        where = paint(f"{item.path}:{item.line}:{item.column}:", "path")
        code = paint(item.code, "code")
        lines.append(f"{where} {code} {paint(item.severity, item.severity)} {item.message}")
        if item.excerpt is not None:
            lines.extend(f"    {row}" for row in item.excerpt.split("\n"))
    return "\n".join(lines)


def statistics(located: Sequence[Located], paint: Paint = _plain) -> str:
    """One line per code, most frequent first: ``count  CODE  severity``, as ruff prints them."""
    counts = Counter((item.code, item.severity) for item in located)
    width = len(str(max(counts.values(), default=0)))
    ordered = sorted(counts.items(), key=lambda entry: (-entry[1], entry[0][0]))
    return "\n".join(
        f"{count:>{width}}  {paint(code, 'code')}  {paint(severity, severity)}"
        for (code, severity), count in ordered
    )


def summary(located: Sequence[Located], files: int) -> str:
    """``Found 12 errors in 3 files`` (counting every finding), or ``All checks passed``."""
    if not located:
        return f"All checks passed ({files} {'file' if files == 1 else 'files'})."
    found = len(located)
    with_findings = len({item.path for item in located})
    return (
        f"Found {found} {'error' if found == 1 else 'errors'} in {with_findings} "
        f"{'file' if with_findings == 1 else 'files'} ({files} checked)."
    )


def to_json(located: Sequence[Located]) -> str:
    records = []
    for item in located:
        record = asdict(item)
        del record["excerpt"]
        records.append(record)
    return json.dumps(records, ensure_ascii=False, indent=2)


_GITHUB_LEVEL: Final[dict[str, str]] = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(located: Sequence[Located]) -> str:
    lines: list[str] = []
    for item in located:
        properties = ",".join(
            f"{key}={_escape_property(str(value))}"
            for key, value in (
                ("file", item.path), ("line", item.line), ("col", item.column),
                ("endLine", item.end_line), ("endColumn", item.end_column), ("title", item.code),
            )
        )  # fmt: skip
        level = _GITHUB_LEVEL[item.severity]
        lines.append(f"::{level} {properties}::{_escape_data(item.message)}")
    return "\n".join(lines)


FORMATS: Final[dict[str, Callable[[Sequence[Located]], str]]] = {
    "text": to_text,
    "json": to_json,
    "github": to_github,
}
"""Every output format of ``unres validate``, by name."""
