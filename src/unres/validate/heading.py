"""Rules on the heading: symbol against number (UNR141), session against number (UNR142),
session or year against the adoption date (UNR143).

The number comes from the title line (``57/53.``, ``2625 (XXV).``,
``Resolution 2334 (2016)``); the symbols and the session title from the ODS
tags and the cover (``A/RES/57/53``, ``Fifty-seventh session``). A document
with no symbol or no session title in its metadata has nothing to compare,
and these rules stay quiet.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final, Literal

import regex

from unres.lexicon import ordinal_session
from unres.validate.document import Document, Hit
from unres.validate.labels import readings
from unres.validate.locate import date_span, in_removals

SessionKind = Literal["regular", "special", "emergency-special"]

_RES_SYMBOL: Final = regex.compile(r"/RES/(?P<number>\S.*)")
_KEY_SPACE: Final = regex.compile(r"[\s\u00a0]+")
_SESSION_NUMBER: Final = regex.compile(
    r"""
    (?:(?P<special>ES-|S-)?(?P<session>\d{1,3})/\d{1,4}    # 57/53, S-10/2, ES-10/17
      | \d{1,4}[ \u00a0]?\((?P<roman>[IVXL]{1,7})\)         # 2625 (XXV)
    )
    """,
    regex.VERBOSE,
)
_SPECIAL_PREFIX: Final[dict[str, SessionKind]] = {
    "": "regular",
    "S-": "special",
    "ES-": "emergency-special",
}
_YEAR_NUMBER: Final = regex.compile(
    r"""
    \d{1,5}[ \u00a0]?\((?P<sc>\d{4})\)    # Security Council: 2334 (2016)
    | (?P<ecosoc>\d{4})/\d{1,4}           # Economic and Social Council: 2020/14
    """,
    regex.VERBOSE,
)
_SESSION_TITLE: Final = regex.compile(
    r"""
    (?P<ordinal>.+?)[ \u00a0]+
    (?P<kind>(?:emergency[ \u00a0]+)?special[ \u00a0]+)?
    session
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Session:
    number: int
    kind: SessionKind

    def __str__(self) -> str:
        kind = "" if self.kind == "regular" else self.kind.replace("-", " ") + " "
        return f"{kind}session {self.number}"


def _key(text: str) -> str:
    return _KEY_SPACE.sub("", text).upper()


def _agrees(symbol_number: str, number: str) -> bool:
    a, b = _key(symbol_number), _key(number)
    return a == b or (len(b) == len(a) + 1 and b.startswith(a) and b[-1].isalpha())


def symbol_number(document: Document) -> Iterator[Hit]:
    """UNR141: a resolution symbol that does not match the number in the title."""
    r = document.resolution
    if r.number is None:
        return
    fallback = r.title_span or (0, 0)
    for symbol in dict.fromkeys(r.metadata.symbols):
        m = _RES_SYMBOL.search(symbol)
        if m is None or _agrees(m["number"], r.number):
            continue
        span = in_removals(r, symbol) or fallback
        yield Hit(span, f"symbol {symbol} does not match the resolution number {r.number}")


def number_session(number: str) -> Session | None:
    """The session a General Assembly or Council number names: ``57/53`` → 57."""
    m = _SESSION_NUMBER.match(number)
    if m is None:
        return None
    if m["roman"]:
        values = [value for style, value in readings(m["roman"]) if style == "upper-roman"]
        return Session(values[0], "regular") if values else None
    return Session(int(m["session"]), _SPECIAL_PREFIX[m["special"] or ""])


def title_session(title: str) -> Session | None:
    """The session a session title names: ``Fifty-seventh session`` → 57."""
    m = _SESSION_TITLE.fullmatch(title.strip())
    if m is None:
        return None
    value = ordinal_session(m["ordinal"])
    if value is None:
        return None
    words = (m["kind"] or "").lower().split()
    return Session(value, _SPECIAL_PREFIX["ES-" if "emergency" in words else "S-" if words else ""])


def session_number(document: Document) -> Iterator[Hit]:
    """UNR142: the session title disagrees with the session the number names."""
    r = document.resolution
    title = r.metadata.session_title
    if r.number is None or title is None:
        return
    numbered, titled = number_session(r.number), title_session(title)
    if numbered is None or titled is None or numbered == titled:
        return
    span = in_removals(r, title) or r.title_span or (0, 0)
    yield Hit(
        span,
        f"session title {title!r} ({titled}) disagrees with the number {r.number} ({numbered})",
    )


def _expected_years(document: Document) -> tuple[int, ...]:
    """The years in which a resolution with this number can have been adopted."""
    r = document.resolution
    if r.number is None:
        return ()
    m = _YEAR_NUMBER.fullmatch(_KEY_SPACE.sub(" ", r.number).strip())
    if m is not None and m["sc"] and r.organ == "Security Council":
        return (int(m["sc"]),)
    if m is not None and m["ecosoc"] and r.organ == "Economic and Social Council":
        return (int(m["ecosoc"]),)
    session = number_session(r.number)
    if session is None or session.kind != "regular" or r.organ != "General Assembly":
        return ()
    return 1945 + session.number, 1946 + session.number


def session_date(document: Document) -> Iterator[Hit]:
    """UNR143: the adoption date lies outside the years the number or session allows."""
    r = document.resolution
    adoption = r.adoption
    years = _expected_years(document)
    if adoption is None or adoption.date is None or not years or int(adoption.date[:4]) in years:
        return
    span = adoption.span
    if document.source is not None:
        span = date_span(document.text, *adoption.span, adoption.date) or span
    allowed = " or ".join(str(year) for year in years)
    yield Hit(
        span,
        f"adoption date {adoption.date} is not in {allowed}, as the number {r.number} implies",
    )
