"""The preamble: the enacting formula and the opening phrase of each clause.

Recognises the formula (``The General Assembly,``, ``The Security Council,``,
``The Human Rights Council,``, ``The Economic and Social Council,``, with a
comma, a colon or nothing after it) and splits a clause's opening phrase off
with the lexicon. A clause whose phrase is not in the lexicon still gets a
phrase: its leading words up to the first word that cannot belong to an
opening phrase, and ``known`` is false so the builder can report it.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

import regex

from unres.lexicon import PHRASE_MODIFIERS, match_opening
from unres.parsers.heading import ORGAN_NAMES

FORMULA = regex.compile(
    rf"""
    (?:
        (?:The|Le|La|El)[ \u00a0]++(?P<organ>{ORGAN_NAMES})[ \u00a0]*+[,:;]?
      | L[’'][ \u00a0]?(?P<organ>{ORGAN_NAMES})[ \u00a0]*+[,:;]?
      | (?P<organ>{ORGAN_NAMES})[ \u00a0]*+[,:;]
    )
    """,
    regex.VERBOSE,
)

_WORD = regex.compile(r"[\p{L}\-\u2011’']++")

_MODIFIER_WORDS = frozenset(word for phrase in PHRASE_MODIFIERS for word in phrase.split())


class Opening(NamedTuple):
    """An opening phrase: its length in the clause text and whether the lexicon knows it.

    A named tuple rather than a frozen dataclass: made once per clause, about three
    times faster to make.
    """

    length: int
    known: bool


_SUBJECT = regex.compile(
    rf"[“\"«]?[ \u00a0]?(?:The|Le|El)[ \u00a0](?:{ORGAN_NAMES})[ \u00a0,]++(?=\p{{Ll}})"
)


def subject_length(text: str) -> int:
    """Length of a leading ``“The Security Council`` (presidential statements), else 0."""
    if text[:1] not in _SUBJECT_STARTS:  # what a subject may open with: a quote, "The", "Le"…
        return 0
    m = _SUBJECT.match(text)
    return m.end() if m is not None else 0


_SUBJECT_STARTS = '“"« \u00a0TLE'
"""The characters a match of ``_SUBJECT`` can begin with (an empty text matches nothing)."""


def opening(text: str, part: Literal["preamble", "operative"]) -> Opening:
    """The opening phrase of a clause or paragraph ``text`` (its verb, after a subject)."""
    if text[:1].islower():  # after a subject: "recalls its resolution" reads as "Recalls"
        upper = text[:1].upper()
        # Only a one-character upper case that is no longer lower case (not "ª", "ᴀ", "ß"):
        # anything else would recurse for ever or shift the phrase's length.
        if len(upper) == 1 and not upper.islower():
            return opening(upper + text[1:], part)
    length = match_opening(text, part)
    if length is not None:
        return _KNOWN[length] if length < len(_KNOWN) else Opening(length, True)
    return Opening(_fallback_length(text), False)


_KNOWN: tuple[Opening, ...] = tuple(Opening(length, True) for length in range(80))
"""Known openings of every usual length, made once: an opening is made per clause."""


def _fallback_length(text: str) -> int:
    """Leading words of an unknown phrase: the first word and the modifiers after it."""
    first = _WORD.match(text)
    if first is None:
        return 0
    end = first.end()
    position = end
    while True:
        gap = position
        while gap < len(text) and text[gap] in " \u00a0":
            gap += 1
        word = _WORD.match(text, gap)
        if word is None or word.group().lower() not in _MODIFIER_WORDS:
            return end
        end = position = word.end()
