"""The heading of a resolution: organ line, report line, number and title.

Recognises, each on a line (or a block) of its own:

* the organ line: ``Resolution adopted by the General Assembly`` (optionally
  ``on 19 December 2023``), ``Decision adopted by …``, and the Security
  Council's ``Resolution 2334 (2016)`` (older printings: ``RESOLUTION 808 (1993)``);
* the report line: ``[on the report of the First Committee (A/57/505)]`` or
  ``[without reference to a Main Committee (A/68/L.15 and Add.1)]``;
* the title: ``57/53.<TAB>Developments in …``, ``ES-10/17.``, ``S-10/2.``,
  ``57/283 B.``, ``2625 (XXV).``, and the yearbook form ``169 (1961).
  Resolution of 24 November 1961``.

Each matcher returns the captured parts; the builder turns them into fields.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from unres.lexicon import ORGANS


def _alternation(names: list[str]) -> str:
    """A regex alternation of ``names``, longest first, any space also a no-break space."""
    ordered = sorted(names, key=len, reverse=True)
    return "|".join(regex.escape(name).replace("\\ ", "[ \u00a0]") for name in ordered)


ORGAN_NAMES = _alternation(list(ORGANS))
"""The organ names of the lexicon (English, French, Spanish) as one alternation."""

ORGAN_LINE = regex.compile(
    rf"""
    (?:
        (?P<kind>Resolution|Decision)[ \u00a0]++adopted[ \u00a0]++by[ \u00a0]++the[ \u00a0]++
      | (?P<kind>Statement)[ \u00a0]++by[ \u00a0]++the[ \u00a0]++President[ \u00a0]++
        of[ \u00a0]++the[ \u00a0]++
    )
    (?P<organ>{ORGAN_NAMES})
    (?P<rest>[^\n]{{0,200}}+)?
    """,
    regex.VERBOSE,
)

SC_RESOLUTION_LINE = regex.compile(
    r"""
    (?:Resolution|Résolution|Resolución|RESOLUTION|RÉSOLUTION|RESOLUCIÓN)[ \u00a0]++
    (?P<number>\d{1,5})[ \u00a0]*+\((?P<year>\d{4})\)
    (?:[ \u00a0]++of[ \u00a0]++(?P<date>\d{1,2}[ \u00a0]\p{L}++[ \u00a0]\d{4}))?
    """,
    regex.VERBOSE,
)

REPORT_LINE = regex.compile(
    r"""
    \[
    (?:
        on[ ]the[ ](?:reports?|recommendations?)[ ]of[ ]the[ ](?P<committee>[^()\]]{3,120}?)
        (?:[ ]\((?P<committee_no>(?:First|Second|Third|Fourth|Fifth|Sixth)[ ]Committee)\))?
      | (?P<without>without[ ]reference[ ]to[ ]a[ ]Main[ ]Committee)
    )
    [ \u00a0]*+
    (?:\((?P<symbol>[^()\]]{1,200}+)\))?
    [ \u00a0]*+\]
    """,
    regex.VERBOSE,
)

TITLE = regex.compile(
    r"""
    (?P<number>
        (?:(?:ES|S)-\d{1,2}/\d{1,4}                     # special / emergency special session
          | \d{1,3}/\d{1,4}                             # modern GA, HRC, ECOSOC
          | \d{1,4}[ \u00a0]?                              # 2625 (XXV), 1474 (ES-IV)
            \((?:[IVXL]{1,7}(?:-[A-Z]{1,2})?|S-[IVX]{1,5}|ES-[IVX]{1,5})\)
          | \d{4}/\d{1,4}                               # ECOSOC 2013/1
        )
        (?:[ \u00a0](?P<part>[A-Z]))?                   # part letter: 57/283 B
    )
    \.[\t \u00a0]++
    (?P<title>\S[^\n]*+)
    """,
    regex.VERBOSE,
)

SPONSORS_LINE = regex.compile(
    r"""
    (?P<sponsors>[^:\n]{2,3000}+):\*{0,3}+[ \u00a0]++
    (?P<what>(?:revised[ ])?draft[ ](?:resolution|decision)
      | amendments?[ ]to[ ](?:the[ ])?(?:revised[ ])?draft[ ](?:resolution|decision)
        (?:[ ](?P<target>[A-Z]/\S++))?)
    """,
    regex.VERBOSE,
)
"""``Peru: draft resolution``, ``Albania, Andorra …: revised draft resolution``, amendments."""

TITLE_NUMBER = regex.compile(
    r"(?P<number>(?:(?:ES|S)-\d{1,2}|\d{1,4})/\d{1,4}(?:[ \u00a0][A-Z])?)\.",
)
"""A resolution number alone on its line (PDF text puts the title on the next line)."""

YEARBOOK_TITLE = regex.compile(
    r"""
    (?P<number>\d{1,4})[ \u00a0]?\((?P<year>\d{4})\)\.[ \u00a0]++
    (?P<title>Resolution[ ]of[ ][^\n]++)
    """,
    regex.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class OrganLine:
    kind: str
    organ: str
    rest: str


def organ_line(text: str) -> OrganLine | None:
    m = ORGAN_LINE.fullmatch(text)
    if m is None:
        return None
    return OrganLine(m["kind"], " ".join(m["organ"].split()), (m["rest"] or "").strip())


ANNEX_HEADING = regex.compile(
    r"""
    (?P<label>
        (?:Annex|ANNEX|Appendix|APPENDIX|Annexe|Anexo)
        (?:[ \u00a0]++(?:[IVXLC]{1,6}|\d{1,3}|[A-Z]))?
    )
    \.?
    (?:[ \u00a0]*+[-–—:][ \u00a0]*+(?P<title>\S[^\n]{0,300}+))?
    """,
    regex.VERBOSE,
)
"""``Annex``, ``Annex II``, ``ANNEX 1 - Title``: an annex heading, alone on its block."""
