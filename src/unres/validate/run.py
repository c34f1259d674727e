"""Running the catalogue over one resolution: :func:`validate`.

Takes the tree and, when available, the decoded text it was parsed from (the
same string: spans index into it). For a tree read from Akoma Ntoso the
text is the XML, and the rules that read the source's lines are skipped, as
without a text. Runs every selected rule of
:data:`~unres.validate.catalogue.RULES`, wraps each hit in a
:class:`~unres.models.Finding` with the rule's code and severity, adds the
parser's own findings whose codes no rule owns (so new parser findings are
never lost), and returns them sorted by position. Pure: no global state.
"""

from __future__ import annotations

from collections.abc import Sequence

from unres.models import Finding, Resolution
from unres.parsers.compilation import COMPILATION_CODE
from unres.source import SourceText
from unres.validate.catalogue import CODES, RULES, Selection
from unres.validate.document import Document


def validate(
    resolution: Resolution,
    text: str | None = None,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
) -> list[Finding]:
    """The findings of the rule catalogue on ``resolution``, sorted by span start.

    ``text`` is the decoded text the tree was parsed from (for an item of
    :func:`unres.parse_all`, the whole compilation); without it the rules
    that read the source (``needs_text``) are skipped. ``select`` and ``ignore``
    take codes or code prefixes (``"UNR12"``); an entry that matches no rule
    raises :class:`ValueError`, as does a ``text`` of another length than the
    parsed one.
    """
    selection = Selection.of(select, ignore)
    if text is not None and not _parsed_from(resolution, text):
        raise ValueError(
            f"text has {len(text)} characters, the resolution was parsed from {resolution.span[1]}"
        )
    # An Akoma Ntoso tree's text is XML: the rules that read a text's lines do not apply to it.
    reads_text = text is not None and resolution.metadata.lineage != "akn"
    document = Document(resolution, SourceText(text) if reads_text and text else None)
    findings: list[Finding] = []
    for rule in RULES:
        if not selection.wants(rule.code) or (rule.needs_text and document.source is None):
            continue
        findings.extend(
            Finding(code=rule.code, severity=rule.severity, message=hit.message, span=hit.span)
            for hit in rule.check(document)
        )
    findings.extend(
        finding
        for finding in resolution.findings
        if finding.code not in CODES and selection.wants(finding.code)
    )
    findings.sort(key=lambda finding: (finding.span[0], finding.span[1], finding.code))
    return findings


def _parsed_from(resolution: Resolution, text: str) -> bool:
    """Whether ``text`` can be the text parsed: the whole of it, or, for one item of a
    compilation (an ``UNR003`` finding says so), a text its span lies in."""
    if len(text) == resolution.span[1]:
        return True
    item = any(finding.code == COMPILATION_CODE for finding in resolution.findings)
    return item and resolution.span[1] <= len(text)
