"""The rule catalogue: every rule's code, severity, name, explanation and check, in one table.

Codes are stable: a code, once published, keeps its meaning and is never
reused; new rules take new codes. ``UNR0xx`` are findings of the parser,
surfaced here so they can be selected and ignored like the others;
``UNR1xx`` are the validation rules, grouped by tens (numbering 10x,
sub-items 11x, footnotes 12x, punctuation 13x, heading 14x, dates 15x,
structure 16x). A rule that ``needs_text`` reads the source itself and is
skipped when :func:`unres.validate.validate` gets the tree alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from unres.models import Severity
from unres.validate import (
    dates,
    footnotes,
    heading,
    items,
    numbering,
    parsed,
    punctuation,
    structure,
)
from unres.validate.document import Document, Hit

Check = Callable[[Document], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class Rule:
    """One validation rule."""

    code: str
    severity: Severity
    name: str
    summary: str
    check: Check
    needs_text: bool = False


RULES: Final[tuple[Rule, ...]] = (
    Rule("UNR001", "warning", "unparsed-text",
         "Text the parser did not recognise as any part of a resolution; the message says how "
         "many characters and what share of the document.",
         parsed.unparsed),
    Rule("UNR002", "info", "unknown-phrase",
         "A preambular or operative opening phrase that is not in the lexicon (a rare verb, or "
         "a sign that the text was split in the wrong place).",
         parsed.unknown_phrase),
    Rule("UNR003", "info", "compilation",
         "The text prints more than one item (a yearbook page, an Official Records volume): "
         "the message says which item this tree is, or, from unres.parse, which others were "
         "found and where; unres.parse_all gives a tree for each.",
         parsed.compilation),
    Rule("UNR101", "error", "operative-gap",
         "Operative paragraph numbers skip a value (1, 2, 4): a paragraph is missing or "
         "misnumbered.",
         numbering.gaps),
    Rule("UNR102", "error", "operative-repeat",
         "Two operative paragraphs carry the same number; a count that starts again at 1 "
         "(an annex or articles read as operative paragraphs) is reported once.",
         numbering.repeats),
    Rule("UNR103", "error", "operative-order",
         "An operative paragraph number is lower than one before it (paragraphs swapped or "
         "moved); sections that restart at 1 begin a new count.",
         numbering.disorder),
    Rule("UNR111", "error", "item-gap",
         "Sub-item labels skip a value in one list ((a), (c)), or a list does not start at "
         "(a), (i) or (1).",
         items.gaps),
    Rule("UNR112", "error", "item-repeat",
         "Two sub-items of one list carry the same label.",
         items.repeats),
    Rule("UNR113", "error", "item-order",
         "A sub-item label comes after a later one in the same list ((b), (a)).",
         items.disorder),
    Rule("UNR114", "warning", "item-style",
         "A sub-item label fits no list open at its place: label styles or punctuation mixed "
         "at one level ((a), (b), (C) or (a), b.).",
         items.mixed),
    Rule("UNR121", "error", "footnote-missing",
         "A footnote marker names no footnote, in a document that has footnote bodies from a "
         "lower number on (see UNR122 and UNR125 for texts whose bodies were dropped).",
         footnotes.missing_bodies, needs_text=True),
    Rule("UNR122", "info", "footnotes-absent",
         "The text has footnote markers but no footnote bodies at all, as in renderings whose "
         "footnotes were dropped upstream; reported once per document, not per marker.",
         footnotes.bodies_absent),
    Rule("UNR123", "error", "footnote-unreferenced",
         "A footnote body that no marker in the text points to.",
         footnotes.unreferenced),
    Rule("UNR124", "error", "footnote-duplicate",
         "Two footnote bodies with the same marker.",
         footnotes.duplicates),
    Rule("UNR125", "warning", "footnotes-partial",
         "Footnote markers numbered below every footnote body: only the later footnotes kept "
         "their bodies (the last page of a docx rendering, page-foot footnotes of PDF text); "
         "reported once per document.",
         footnotes.bodies_partial, needs_text=True),
    Rule("UNR131", "warning", "preamble-punctuation",
         "A preambular clause that does not end with a comma (a colon before a list is "
         "accepted; footnote markers and closing quotes are looked past).",
         punctuation.preamble, needs_text=True),
    Rule("UNR132", "warning", "operative-punctuation",
         "An operative paragraph that does not end with a semicolon, or the last one (of the "
         "resolution or of each part) not with a full stop; a colon before a list is accepted.",
         punctuation.operative, needs_text=True),
    Rule("UNR141", "error", "symbol-number",
         "A resolution symbol in the tags or on the cover (A/RES/57/53) that does not match "
         "the number in the title (57/52).",
         heading.symbol_number),
    Rule("UNR142", "error", "session-number",
         "The session title on the cover (Fifty-seventh session) names another session than "
         "the resolution number (58/12).",
         heading.session_number),
    Rule("UNR143", "warning", "session-date",
         "The adoption date falls outside the years the number allows: the year of a Security "
         "Council or ECOSOC number, or the two years a General Assembly regular session spans.",
         heading.session_date),
    Rule("UNR151", "error", "adoption-after-issue",
         "The issue date on the cover is earlier than the adoption date in the closing.",
         dates.adoption_after_issue),
    Rule("UNR152", "error", "invalid-date",
         "A date in the heading, cover or closing that is not a real date (31 November 2002).",
         dates.invalid_dates, needs_text=True),
    Rule("UNR153", "error", "adoption-dates-disagree",
         "The organ line (Resolution adopted by the General Assembly on …) and the closing "
         "give different adoption dates.",
         dates.adoption_dates_disagree, needs_text=True),
    Rule("UNR161", "error", "missing-formula",
         "Clauses or paragraphs with no enacting formula (The General Assembly,) before them; "
         "decisions, statements, amendments and fragments (a compilation's leading tail) are "
         "exempt.",
         structure.missing_formula),
    Rule("UNR162", "error", "missing-adoption",
         "Operative paragraphs with no adoption block (meeting and date) after them; drafts, "
         "statements and decisions (whose paragraph names its meeting) are exempt.",
         structure.missing_adoption),
    Rule("UNR163", "error", "preamble-in-operative",
         "A preambular clause (Recalling …,) stands among the operative paragraphs.",
         structure.preamble_in_operative),
    Rule("UNR164", "error", "operative-in-preamble",
         "An operative paragraph stands before preambular clauses, inside the preamble.",
         structure.operative_in_preamble),
    Rule("UNR165", "error", "missing-operative",
         "A preamble (formula or clauses) with no operative paragraph after it: the text was "
         "probably cut off; decisions, statements and amendments are exempt.",
         structure.missing_operative),
    Rule("UNR166", "error", "ends-inside-clause",
         "The text stops in the middle of its last clause or paragraph, before its punctuation "
         "and with nothing after it: the text was probably cut off.",
         structure.ends_inside_clause, needs_text=True),
)  # fmt: skip
"""Every rule, in code order."""

CODES: Final[frozenset[str]] = frozenset(rule.code for rule in RULES)


def rule(code: str) -> Rule:
    """The rule with ``code``; :class:`KeyError` if there is none."""
    for entry in RULES:
        if entry.code == code:
            return entry
    raise KeyError(code)


def _matches(code: str, patterns: Sequence[str]) -> bool:
    return any(code.startswith(pattern) for pattern in patterns)


def _check_patterns(patterns: Sequence[str]) -> list[str]:
    cleaned = [pattern.strip().upper() for pattern in patterns if pattern.strip()]
    for pattern in cleaned:
        if not any(code.startswith(pattern) for code in CODES):
            raise ValueError(f"unknown rule code {pattern!r} (see `unres rules`)")
    return cleaned


@dataclass(frozen=True, slots=True)
class Selection:
    """Which codes to report: ``select`` and ``ignore`` are codes or code prefixes (``UNR12``)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    @classmethod
    def of(cls, select: Sequence[str] | None, ignore: Sequence[str] | None) -> Selection:
        """A checked selection; :class:`ValueError` for a pattern that matches no rule."""
        return cls(tuple(_check_patterns(select or ())), tuple(_check_patterns(ignore or ())))

    def wants(self, code: str) -> bool:
        """Whether findings with ``code`` are reported."""
        if self.select and not _matches(code, self.select):
            return False
        return not _matches(code, self.ignore)
