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
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Final

from unres.lines import LineIndex
from unres.models import Finding, Severity


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


def to_text(located: Sequence[Located]) -> str:
    lines: list[str] = []
    for item in located:
        lines.append(
            f"{item.path}:{item.line}:{item.column}: {item.code} {item.severity} {item.message}"
        )
        if item.excerpt is not None:
            lines.extend(f"    {row}" for row in item.excerpt.split("\n"))
    return "\n".join(lines)


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
