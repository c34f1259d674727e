"""Findings: what the parser and the validation rules report about a text.

A finding has a stable ``code`` (``UNR001``…), a ``severity``, a one-line
``message`` and the ``span`` it is about. Parser findings (``UNR0xx``) are
recorded on the tree; validation findings (``UNR1xx`` and up) come from
:mod:`unres.validate`.
"""

from __future__ import annotations

from typing import Literal

from unres.models.base import Node

Severity = Literal["error", "warning", "info"]

SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


class Finding(Node):
    """One observation about the text, at a position."""

    code: str
    severity: Severity
    message: str
