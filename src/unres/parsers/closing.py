"""The closing: where and when the text was adopted.

Recognises ``57th plenary meeting`` (a date line usually follows:
``22 November 2002``), the Security Council's ``Adopted by the Security
Council at its 7853rd meeting, on 23 December 2016``, and the yearbook's
``Adopted at the 2963rd meeting by 12 votes to 2 (Cuba and Yemen), with 1
abstention (China).``, with its vote.
"""

from __future__ import annotations

import regex

from unres.digits import decimal_value
from unres.models import Vote
from unres.parsers.names import split_names

PLENARY = regex.compile(
    r"""
    (?P<meeting>(?P<number>\d{1,4})(?:st|nd|rd|th|d)[ \u00a0]++
        (?:\((?:resumed|continued)\)[ \u00a0]++)?(?:plenary[ \u00a0]++)?meeting)
    (?:[ \u00a0,]*+(?P<rest>[^\n]{0,80}+))?
    """,
    regex.VERBOSE,
)
"""``57th plenary meeting``, optionally followed on the line by a date."""

DATE_LINE = regex.compile(
    r"""
    (?:on[ ])?\d{1,2}(?:er)?[ \u00a0]++(?:de[ \u00a0]++)?
    \p{L}++[ \u00a0,]++(?:de[ \u00a0]++)?\d{4}\.?
    """,
    regex.VERBOSE,
)
"""A date alone on a line."""

ADOPTED_AT = regex.compile(
    r"""
    (?:
        Adopted[ \u00a0]++(?:unanimously[ \u00a0]++)?
        (?:by[ \u00a0]++the[ \u00a0]++[\p{L} ]{3,60}?[ \u00a0]++)?
        at[ \u00a0]++(?:its|the)[ \u00a0]++
        (?P<meeting>(?P<number>\d{1,5})(?:st|nd|rd|th|d)[ \u00a0]++(?:plenary[ \u00a0]++)?meeting)
      | Adoptée[ \u00a0]++(?:à[ \u00a0]l[’']unanimité[ \u00a0]++)?par[ \u00a0]++le[ \u00a0]++
        [\p{L} ]{3,60}?[ \u00a0]++à[ \u00a0]++sa[ \u00a0]++
        (?P<meeting>(?P<number>\d{1,5})(?:e|ème|re)[ \u00a0]++séance)
      | (?P<unmet>(?:Adopted[ \u00a0]++by|Adoptée[ \u00a0]++par|Aprobada[ \u00a0]++por)
          [ \u00a0]++(?:the|le|el)[ \u00a0]++[\p{L} ]{3,40}?[ \u00a0]++(?:on|le|el)[ \u00a0]++
          (?=\d{1,2}[ \u00a0]))                 # written procedure: a date, no meeting
      | Aprobada[ \u00a0]++por[ \u00a0]++el[ \u00a0]++[\p{L} ]{3,60}?
        [ \u00a0]++en[ \u00a0]++su[ \u00a0]++
        (?P<meeting>(?P<number>\d{1,5})(?:a|ª|º|o)?[ \u00a0]++sesión)
    )
    (?P<rest>[^\n]{0,600}+)
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
"""``Adopted [by the Security Council] at its 7853rd meeting…`` (also French, Spanish)."""

BRACKETED_ADOPTION = regex.compile(
    r"""\[(?:Adopted|Adoptée?|Aprobada)[ \u00a0]""",
    regex.VERBOSE,
)
"""``[Adopted without a vote.]`` or ``[Adopted by a recorded vote of 44 to 1, …`` (HRC)."""

_VOTES = regex.compile(
    r"""
    (?:by[ \u00a0]++(?P<for>\d{1,3})[ \u00a0]++votes?
      | recorded[ \u00a0]vote[ \u00a0]of[ \u00a0](?P<for>\d{1,3}))
    [ \u00a0]++to[ \u00a0]++(?P<against>\d{1,3}|none)
    (?:[ \u00a0]*+\((?P<against_names>[^()]{1,300}+)\))?
    (?:,?[ \u00a0]*+with[ \u00a0]++(?P<abstaining>\d{1,3}|one|two|three)[ \u00a0]++abstentions?
       (?:[ \u00a0]*+\((?P<abstaining_names>[^()]{1,300}+)\))?)?
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

_SMALL_NUMBERS = {"none": 0, "one": 1, "two": 2, "three": 3}


_ROLL_CALL = regex.compile(
    r"""
    (?P<role>In[ ]favour|Against|Abstaining|Abstentions?):[ \u00a0]*+
    (?P<names>[^:\]]*?)
    (?=[ \u00a0]*+(?:In[ ]favour|Against|Abstaining|Abstentions?):|[ \u00a0]*+\]|$)
    """,
    regex.VERBOSE,
)


def vote(text: str) -> Vote | None:
    """The vote recorded in a closing, if any; a roll call gives the names."""
    m = _VOTES.search(text)
    if m is None:
        return None
    against_names = split_names(m["against_names"])
    abstaining_names = split_names(m["abstaining_names"])
    for call in _ROLL_CALL.finditer(text):
        role = call["role"].lower()
        if role == "against" and not against_names:
            against_names = split_names(call["names"])
        elif role.startswith("abst") and not abstaining_names:
            abstaining_names = split_names(call["names"])
    return Vote(
        in_favour=int(m["for"]),
        against=_count(m["against"]),
        abstaining=_count(m["abstaining"]) if m["abstaining"] else 0,
        against_names=against_names,
        abstaining_names=abstaining_names,
    )


def _count(value: str) -> int:
    number = decimal_value(value)
    return _SMALL_NUMBERS.get(value.lower(), 0) if number is None else number
