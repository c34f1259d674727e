"""Lexicons of UN resolution language, kept as data in one place.

What this module holds
    The fixed vocabularies that the parsers look words up in: the opening
    phrases of preambular and operative clauses, the modifiers and prefix
    words that extend those phrases, ordinal session words, month names
    (English, French, Spanish), organ names and the Main Committees named
    in "[on the report of the X Committee (A/...)]" lines.

Where the data came from
    Every phrase below was seen opening a clause in the real texts of the
    shared corpus (``shared/corpus``, see its ``SOURCES.md``):

    - ``raw/eosg-mandates-paragraphs/*.json`` (GA 1946-2025, SC 1948-2025,
      HRC, ECOSOC): every paragraph labelled ``preambular`` or ``operative``
      at clause level, with the ``action_verb`` field as a hint only;
    - ``raw/unxml-scresolutions-akn4un`` (SC, English): the preamble
      ``container`` and ``mainBody/paragraph`` texts, plus the French and
      Spanish organ names;
    - ``raw/cr-unsc-gold`` (SC 1946-1994 OCR), ``raw/unbench-sc-drafts``
      and the ``derived/*`` pdftotext renderings of GA 73-80 resolutions.

    A throwaway script counted the first one to five words of each clause;
    the lists were then reviewed by hand.  Section titles, sub-item text,
    annexed articles ("Everyone has the right ...") and French text that the
    upstream labels call preambular/operative were left out, and each entry
    was checked against at least one real clause.  The first-person plural
    forms ("Recognize", "Commit", "Ensure" ...) are those of political
    declarations annexed to GA resolutions, whose numbered paragraphs follow
    a "We ...:" chapeau or begin "We recognize ...".  Adverb-first forms
    ("Further requests") are composed from :data:`PHRASE_PREFIXES`; those
    seen ten times or more are also listed whole, and so are adjective
    forms such as "Deeply concerned" that have no base of their own.

How it is used
    :func:`match_opening` tells whether a clause begins with a known
    opening, and how many characters of the clause that opening covers.
    An opening is::

        [prefix ...] base [modifier ...]

    where ``base`` is one entry of :data:`PREAMBULAR_PHRASES` or
    :data:`OPERATIVE_PHRASES`, each ``prefix`` is one entry of
    :data:`PHRASE_PREFIXES` ("Also", "Strongly", "We" ...) and each
    ``modifier`` is one entry of :data:`PHRASE_MODIFIERS` ("also",
    "with deep concern", "in this regard" ...).  Modifiers may also stand
    between the words of a multi-word base ("Having also considered",
    "Guided also by", "Calls again upon").  After a prefix the base and any
    further prefixes take a lower-case first letter ("Further strongly
    condemns").  Words are separated by any run of white space (including
    U+00A0 and U+202F) holding at most one line break; a comma ends the
    opening.  An opening ends at a word end: no letter, combining mark,
    underscore or hyphen may follow it, but a digit may, since footnote
    markers are glued to the word before them.  Both patterns are compiled
    once, at import, and run in time linear in the length of the text.

What it leaves alone
    No text is changed here; callers pass a clause that starts at the
    clause's first word (with numbering and leading tabs already skipped)
    and get back a length to slice or to turn into a span.  French and
    Spanish clause phrases are not covered yet.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, Literal

import regex

__all__ = [
    "COMMITTEES",
    "MONTHS",
    "OPERATIVE_PHRASES",
    "ORGANS",
    "PHRASE_MODIFIERS",
    "PHRASE_PREFIXES",
    "PREAMBULAR_PHRASES",
    "SESSION_ORDINALS",
    "canonical_organ",
    "match_opening",
    "ordinal_session",
]

# ---------------------------------------------------------------------------
# Clause openings
# ---------------------------------------------------------------------------

PREAMBULAR_PHRASES: Final[frozenset[str]] = frozenset(
    {
        "Acknowledging",
        "Acting",
        "Affirming",
        "Alarmed",
        "Anticipating",
        "Applauding",
        "Appreciating",
        "Aware",
        "Bearing in mind",
        "Being convinced",
        "Being deeply concerned",
        "Being especially aware",
        "Being gravely concerned",
        "Being of the opinion",
        "Believing",
        "Building on",
        "Calling for",
        "Calling on",
        "Calling upon",
        "Cognizant",
        "Commending",
        "Concerned",
        "Condemning",
        "Confirming",
        "Conscious",
        "Considering",
        "Continuing",
        "Convinced",
        "Deeply alarmed",
        "Deeply committed",
        "Deeply concerned",
        "Deeply convinced",
        "Deeply disturbed",
        "Deeply grieved",
        "Deeply outraged",
        "Deeply shocked",
        "Demanding",
        "Deploring",
        "Desiring",
        "Desirous",
        "Determined",
        "Determining",
        "Dismayed",
        "Disturbed",
        "Emphasising",
        "Emphasizing",
        "Encouraging",
        "Endorsing",
        "Expressing",
        "Expressing alarm",
        "Expressing particular concern",
        "Expressing gravest concerns",
        "Expressing deep concerns",
        "Expressing appreciation",
        "Expressing concern",
        "Expressing deep alarm",
        "Expressing deep concern",
        "Expressing extreme concern",
        "Expressing full support",
        "Expressing grave alarm",
        "Expressing grave concern",
        "Expressing its alarm",
        "Expressing its appreciation",
        "Expressing its concern",
        "Expressing its continued concern",
        "Expressing its continuing concern",
        "Expressing its deep alarm",
        "Expressing its deep appreciation",
        "Expressing its deep concern",
        "Expressing its deep sympathy",
        "Expressing its determination",
        "Expressing its expectation",
        "Expressing its full support",
        "Expressing its gratitude",
        "Expressing its grave concern",
        "Expressing its hope",
        "Expressing its particular concern",
        "Expressing its profound gratitude",
        "Expressing its satisfaction",
        "Expressing its strong condemnation",
        "Expressing its strong support",
        "Expressing its support",
        "Expressing its thanks",
        "Expressing its utmost concern",
        "Expressing ongoing concern",
        "Expressing outrage",
        "Expressing serious and urgent concern",
        "Expressing serious concern",
        "Expressing support",
        "Expressing the conviction",
        "Expressing the hope",
        "Gravely concerned",
        "Gravely distressed",
        "Grieved",
        "Guided by",
        "Having accepted",
        "Having conducted",
        "Having considered",
        "Having discussed",
        "Having examined",
        "Having heard",
        "Having in mind",
        "Having learnt",
        "Having noted",
        "Having received",
        "Having recommended",
        "Having regard to",
        "Having resolved",
        "Having reviewed",
        "In view of",
        "Indignant",
        "Keeping in mind",
        "Looking ahead",
        "Looking forward",
        "Meeting",
        "Mindful",
        "Mourning",
        "Noting",
        "Observing",
        "Paying tribute",
        "Profoundly concerned",
        "Re-emphasizing",
        "Reaffirming",
        "Realizing",
        "Recalling",
        "Recognising",
        "Recognizing",
        "Referring",
        "Regretting",
        "Reiterating",
        "Remaining alarmed",
        "Remaining concerned",
        "Remaining deeply concerned",
        "Remaining greatly concerned",
        "Remaining seriously concerned",
        "Reminding",
        "Renewing",
        "Requesting",
        "Resolving",
        "Seriously concerned",
        "Stressing",
        "Strongly condemning",
        "Supporting",
        "Taking into account",
        "Taking into consideration",
        "Taking note",
        "Taking positive note",
        "Underlining",
        "Underscoring",
        "Urging",
        "Viewing",
        "Welcoming",
        "Whereas",
        "While noting",
        "Willing",
        "Wishing",
    }
)
"""Base openings of preambular clauses, capitalised as at clause start."""

OPERATIVE_PHRASES: Final[frozenset[str]] = frozenset(
    {
        # Third person singular: the organ is the subject.
        "Accords",
        "Acknowledges",
        "Adopts",
        "Affirms",
        "Agrees",
        "Also decides",
        "Also encourages",
        "Also reaffirms",
        "Also recalls",
        "Also recognizes",
        "Also requests",
        "Also stresses",
        "Also welcomes",
        "Anticipates",
        "Appeals",
        "Appreciates",
        "Approves",
        "Asks",
        "Authorises",
        "Authorizes",
        "Calls for",
        "Calls on",
        "Calls upon",
        "Commends",
        "Concurs",
        "Condemns",
        "Confirms",
        "Considers",
        "Continues",
        "Decides",
        "Declares",
        "Defers",
        "Demands",
        "Deplores",
        "Deprecates",
        "Determines",
        "Directs",
        "Discourages",
        "Draws the attention",
        "Emphasises",
        "Emphasizes",
        "Encourages",
        "Endorses",
        "Entrusts",
        "Establishes",
        "Expresses",
        "Expresses appreciation",
        "Expresses concern",
        "Expresses continued support",
        "Expresses deep concern",
        "Expresses disappointment",
        "Expresses full support",
        "Expresses grave concern",
        "Expresses its appreciation",
        "Expresses its concern",
        "Expresses its conviction",
        "Expresses its deep appreciation",
        "Expresses its deep concern",
        "Expresses its deep frustration",
        "Expresses its determination",
        "Expresses its full support",
        "Expresses its grave concern",
        "Expresses its intent",
        "Expresses its intention",
        "Expresses its readiness",
        "Expresses its serious concern",
        "Expresses its strong condemnation",
        "Expresses its strong conviction",
        "Expresses its strong support",
        "Expresses its support",
        "Expresses its willingness",
        "Expresses particular concern",
        "Expresses regret",
        "Expresses serious concern",
        "Expresses solidarity",
        "Expresses support",
        "Expresses the hope",
        "Expresses the strongest censure",
        "Extends",
        "Finds",
        "Further decides",
        "Further encourages",
        "Further requests",
        "Highlights",
        "Holds",
        "Implores",
        "Insists",
        "Instructs",
        "Invites",
        "Looks forward",
        "Notes",
        "Pays tribute",
        "Pledges",
        "Proclaims",
        "Re-emphasizes",
        "Reaffirms",
        "Recalls",
        "Recognises",
        "Recognizes",
        "Recommends",
        "Recommits",
        "Refers",
        "Regrets",
        "Reiterates",
        "Rejects",
        "Reminds",
        "Renews",
        "Repeats",
        "Requests",
        "Requires",
        "Resolves",
        "Restates",
        "Stresses",
        "Strongly condemns",
        "Supports",
        "Takes note",
        "Takes positive note",
        "Underlines",
        "Underscores",
        "Understands",
        "Undertakes",
        "Urges",
        "Warns",
        "Welcomes",
        # First person plural: declarations annexed to GA resolutions.
        "Accelerate",
        "Acknowledge",
        "Address",
        "Adopt",
        "Are committed",
        "Are concerned",
        "Are convinced",
        "Are determined",
        "Believe",
        "Call upon",
        "Commit",
        "Consider",
        "Emphasize",
        "Encourage",
        "Enhance",
        "Ensure",
        "Envisage",
        "Express",
        "Express concern",
        "Express serious concern",
        "Facilitate",
        "Implement",
        "Improve",
        "Increase",
        "Invest",
        "Invite",
        "Look forward",
        "Must",
        "Note",
        "Pledge",
        "Promote",
        "Reaffirm",
        "Recall",
        "Recognize",
        "Recommit",
        "Reiterate",
        "Remain committed",
        "Remain deeply concerned",
        "Request",
        "Resolve",
        "Share",
        "Strengthen",
        "Stress",
        "Strive",
        "Support",
        "Take note",
        "Underline",
        "Underscore",
        "Undertake",
        "Urge",
        "Welcome",
        "Will",
    }
)
"""Base openings of operative paragraphs, capitalised as at clause start."""

PHRASE_MODIFIERS: Final[tuple[str, ...]] = (
    "accordingly",
    "again",
    "also",
    "firmly",
    "fully",
    "further",
    "hereby",
    "however",
    "in addition",
    "in particular",
    "in that context",
    "in that regard",
    "in this connection",
    "in this context",
    "in this regard",
    "in this respect",
    "once again",
    "once more",
    "resolutely",
    "strongly",
    "therefore",
    "unequivocally",
    "with alarm",
    "with appreciation",
    "with approval",
    "with concern",
    "with deep appreciation",
    "with deep concern",
    "with deep regret",
    "with further concern",
    "with grave concern",
    "with great concern",
    "with great satisfaction",
    "with growing concern",
    "with interest",
    "with regret",
    "with satisfaction",
    "with serious concern",
)
"""Words that extend a base phrase after it, or between its words.

"its" is not one: "Recalling also its resolutions" opens with "Recalling
also", and the "its" phrases that are openings are listed whole
("Expressing its appreciation", "Expresses its deep concern")."""

PHRASE_PREFIXES: Final[tuple[str, ...]] = (
    "Again",
    "Also",
    "Deeply",
    "Equally",
    "Fully",
    "Further",
    "Hereby",
    "Highly",
    "Once again",
    "Solemnly",
    "Strongly",
    "Urgently",
    "We",
)
"""Words that may stand before a base phrase: adverbs, and the "We" of
declarations ("We also recognize").  Capitalised as at clause start; a
second prefix, or the base after them, takes a lower-case first letter."""

# ---------------------------------------------------------------------------
# Sessions, months, organs, committees
# ---------------------------------------------------------------------------

_UNIT_ORDINALS: Final[tuple[tuple[str, str], ...]] = (
    ("one", "first"),
    ("two", "second"),
    ("three", "third"),
    ("four", "fourth"),
    ("five", "fifth"),
    ("six", "sixth"),
    ("seven", "seventh"),
    ("eight", "eighth"),
    ("nine", "ninth"),
)
"""(cardinal, ordinal) for 1-9."""

_TEEN_ORDINALS: Final[tuple[str, ...]] = (
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
)
"""Ordinals for 10-19."""

_TENS: Final[tuple[tuple[str, str], ...]] = (
    ("twenty", "twentieth"),
    ("thirty", "thirtieth"),
    ("forty", "fortieth"),
    ("fifty", "fiftieth"),
    ("sixty", "sixtieth"),
    ("seventy", "seventieth"),
    ("eighty", "eightieth"),
    ("ninety", "ninetieth"),
)
"""(cardinal, ordinal) for 20, 30, ... 90."""


def _ordinals_below_hundred() -> dict[str, int]:
    """Return "first" .. "ninety-ninth" mapped to 1 .. 99."""
    words: dict[str, int] = {}
    for number, (_, ordinal) in enumerate(_UNIT_ORDINALS, start=1):
        words[ordinal] = number
    for number, ordinal in enumerate(_TEEN_ORDINALS, start=10):
        words[ordinal] = number
    for tens, (cardinal, ordinal) in enumerate(_TENS, start=2):
        words[ordinal] = tens * 10
        for unit, (_, unit_ordinal) in enumerate(_UNIT_ORDINALS, start=1):
            words[f"{cardinal}-{unit_ordinal}"] = tens * 10 + unit
    return words


def _session_ordinals() -> dict[str, int]:
    """Return the ordinal words for 1 .. 199.

    Above 100 both UN spellings are kept: "one hundred and first" (as in
    "Hundred and eighty-third plenary meeting", 1948) and "one hundred
    first"; "hundredth" and "one hundredth" both give 100.
    """
    below = _ordinals_below_hundred()
    words = dict(below)
    words["hundredth"] = 100
    words["one hundredth"] = 100
    for ordinal, number in below.items():
        for head in ("one hundred and", "one hundred", "hundred and"):
            words[f"{head} {ordinal}"] = 100 + number
    return words


SESSION_ORDINALS: Final[dict[str, int]] = _session_ordinals()
"""Lower-case ordinal words ("fifty-seventh") mapped to numbers (57)."""

MONTHS: Final[dict[str, int]] = {
    # English
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    # French, with and without accents
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
    # Spanish (month names carry no accents; "setiembre" is a variant)
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "setiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
}
"""Lower-case month names in English, French and Spanish mapped to 1-12."""

ORGANS: Final[dict[str, str]] = {
    "Economic and Social Council": "ecosoc",
    "General Assembly": "unga",
    "Human Rights Council": "unhrc",
    "Security Council": "unsc",
    # French
    "Assemblée générale": "unga",
    "Conseil de sécurité": "unsc",
    "Conseil économique et social": "ecosoc",
    # Spanish
    "Asamblea General": "unga",
    "Consejo de Seguridad": "unsc",
}
"""Organ display names, as written in the texts, mapped to short codes."""

_ENGLISH_ORGAN: Final[dict[str, str]] = {code: name for name, code in reversed(ORGANS.items())}
_ORGAN_BY_FOLDED: Final[dict[str, str]] = {name.casefold(): code for name, code in ORGANS.items()}


def canonical_organ(printed: str) -> str:
    """The one name of an organ in every language (its English name: ``Conseil de sécurité``
    is ``Security Council``); a name the lexicon does not know is kept as printed."""
    code = _ORGAN_BY_FOLDED.get(" ".join(printed.split()).casefold())
    return _ENGLISH_ORGAN[code] if code is not None else printed


COMMITTEES: Final[frozenset[str]] = frozenset(
    {
        "Ad Hoc Committee of the Tenth Special Session",
        "Fifth Committee",
        "First Committee",
        "Fourth Committee",
        "Second Committee",
        "Sixth Committee",
        "Special Political Committee",
        "Special Political and Decolonization Committee",
        "Special Political and Decolonization Committee (Fourth Committee)",
        "Third Committee",
    }
)
"""GA committees named in "[on the report of the X ...]" lines and in the
"Resolutions adopted on the reports of the X" headings of the old volumes."""


def ordinal_session(words: str) -> int | None:
    """Return the number of an ordinal session word, or None.

    Case does not matter, and the parts may be joined by a hyphen, a
    non-breaking hyphen (U+2011) or white space: "Fifty-seventh",
    "seventy\u2011ninth" and "one hundred and first" all resolve.
    """
    return _ORDINALS_BY_KEY.get(_ordinal_key(words))


def _ordinal_key(words: str) -> str:
    """Return ``words`` lower-cased, with its parts joined by single spaces."""
    return " ".join(_ORDINAL_SEPARATOR.split(words.strip().casefold()))


_ORDINAL_SEPARATOR: Final[regex.Pattern[str]] = regex.compile(r"[\s\-\u2010\u2011]+")
_ORDINALS_BY_KEY: Final[dict[str, int]] = {
    _ordinal_key(word): number for word, number in SESSION_ORDINALS.items()
}

# ---------------------------------------------------------------------------
# Opening matcher
# ---------------------------------------------------------------------------

# The space between two words: a run of white space (U+00A0 and U+202F
# included) holding at most one line break.  Possessive, so that a long run
# of blanks is scanned once.
_GAP: Final[str] = r"(?>[^\S\n]*+\n[^\S\n]*+|[^\S\n]++)"

# The end of a word: no letter, combining mark, underscore or hyphen follows.
# Digits may: footnote markers are glued to the word before them ("Recalling1").
_END: Final[str] = r"(?![\p{L}\p{M}_\-\u2011])"

# Prefix words after the first one ("Further strongly ..."): at most this
# many.  The corpus never shows more than two in a row.
_MAX_LATER_PREFIXES: Final[int] = 3


def _is_inner_modifier(modifier: str) -> bool:
    """Tell whether ``modifier`` may stand between the words of a base.

    Only adverbs do ("Having also considered", "Guided also by", "Calls
    again upon"); "with ..." and "in ..." groups only follow a base.
    """
    return not modifier.startswith(("with ", "in "))


def _words(phrase: str) -> str:
    """Return a pattern for the words of ``phrase``, joined by gaps."""
    return _GAP.join(regex.escape(word) for word in phrase.split())


def _longest_first(phrases: Iterable[str]) -> list[str]:
    """Return ``phrases`` without repeats, longest first, then alphabetical."""
    return sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))


def _alternation(phrases: Iterable[str]) -> str:
    """Return a non-capturing alternation of ``phrases``, longest first."""
    return "(?:" + "|".join(_words(p) for p in _longest_first(phrases)) + ")"


def _lower_first(phrase: str) -> str:
    """Return ``phrase`` with a lower-case first letter."""
    return phrase[:1].lower() + phrase[1:]


def _first_word_branch(first: str, rests: list[str], inner: str) -> str:
    """Return the branch for all bases that begin with the word ``first``.

    ``rests`` are the rest of each such base ("" for ``first`` alone).  The
    first letter is lower case when a prefix was matched.  Modifiers may
    stand after the first word; the branch ends at a word end.
    """
    head = f"(?(prefixed){regex.escape(first[0].lower())}|{regex.escape(first[0])})"
    head += regex.escape(first[1:])
    longer = [rest for rest in rests if rest]
    if not longer:
        return head + _END
    tail = f"{_GAP}{inner}{_alternation(longer)}{_END}"
    if "" in rests:
        return f"{head}(?:{tail}|{_END})"
    return head + tail


def _opening_pattern(bases: frozenset[str]) -> regex.Pattern[str]:
    """Compile ``[prefix ...] base [modifier ...]`` for one set of bases.

    Bases are grouped by their first word, so that the text's first word
    selects one branch and modifiers after it are read once.
    """
    rests: dict[str, list[str]] = {}
    for base in bases:
        first, _, rest = base.partition(" ")
        rests.setdefault(first, []).append(rest)
    modifier = _alternation(PHRASE_MODIFIERS) + _END
    inner_modifier = _alternation(filter(_is_inner_modifier, PHRASE_MODIFIERS))
    inner = f"(?:{inner_modifier}{_END}{_GAP})*+"
    branches = "\n|".join(
        _first_word_branch(first, rests[first], inner) for first in _longest_first(rests)
    )
    later_prefixes = (_lower_first(prefix) for prefix in PHRASE_PREFIXES)
    pattern = rf"""
        (?<prefixed>                # optional prefix words: "Further strongly"
            {_alternation(PHRASE_PREFIXES)} {_END} {_GAP}
            (?: {_alternation(later_prefixes)} {_END} {_GAP} ){{0,{_MAX_LATER_PREFIXES}}}
        )?
        (?: {branches} )            # the base, capitalised unless prefixed
        (?: {_GAP} {modifier} )*+   # trailing modifiers: "also", "with concern"
    """
    return regex.compile(pattern, regex.VERBOSE)


def _branch_sources(bases: frozenset[str]) -> dict[str, str]:
    """For each first word of ``bases``, the pattern of its branch alone (unprefixed).

    A text whose leading word is no prefix can match only the branch of that
    very word: each branch ends its first word at a word end. Trying that one
    branch, then the trailing modifiers from where it ends (:data:`_TRAILING`),
    gives what the whole pattern gives without trying the other branches: the
    trailing run is possessive and may be empty, so the whole pattern never
    backtracks from it into the branch. The modifiers are left out of the
    branches because compiling their alternation ~200 times cost seconds; the
    branches are compiled when a text first needs them (:func:`_branch`).
    """
    rests: dict[str, list[str]] = {}
    for base in bases:
        first, _, rest = base.partition(" ")
        rests.setdefault(first, []).append(rest)
    inner_modifier = _alternation(filter(_is_inner_modifier, PHRASE_MODIFIERS))
    inner = f"(?:{inner_modifier}{_END}{_GAP})*+"
    # the group exists for the branch's conditional and never matches: no prefix
    return {
        first: rf"(?<prefixed>(?!))?{_first_word_branch(first, rests[first], inner)}"
        for first in rests
    }


_TRAILING = regex.compile(rf"(?:{_GAP}{_alternation(PHRASE_MODIFIERS)}{_END})*+", regex.VERBOSE)
"""The trailing modifiers of an opening: ``also``, ``with concern``."""


def _first_words_by_letter(phrases: Iterable[str]) -> dict[str, tuple[str, ...]]:
    firsts: dict[str, set[str]] = {}
    for phrase in phrases:
        word = phrase.split()[0]
        firsts.setdefault(word[0], set()).add(word)
    return {letter: tuple(sorted(words)) for letter, words in firsts.items()}


_MODIFIER_FIRST_WORDS: Final = _first_words_by_letter(PHRASE_MODIFIERS)
"""The first word of each modifier, by its first letter."""


def _may_trail(text: str, end: int) -> bool:
    """Whether a modifier may follow ``text[:end]``; false only where :data:`_TRAILING` is empty.

    A modifier comes after white space, its first word at the first character that is not
    white space. Where ``end`` is followed by what is surely no white space, or by one space
    and a letter that begins none of the modifiers' first words, nothing trails; elsewhere the
    pattern decides. About a third of the cost of trying the pattern.
    """
    after = text[end : end + 1]
    if after != " ":
        return after.isspace() or (bool(after) and not after.isascii())
    letter = text[end + 1 : end + 2]
    if not ("a" <= letter <= "z" or "A" <= letter <= "Z"):
        return True
    return text.startswith(_MODIFIER_FIRST_WORDS.get(letter, ()), end + 1)


_OPENINGS: Final[dict[str, regex.Pattern[str]]] = {
    "preamble": _opening_pattern(PREAMBULAR_PHRASES),
    "operative": _opening_pattern(OPERATIVE_PHRASES),
}
_BRANCH_SOURCES: Final[dict[str, dict[str, str]]] = {
    "preamble": _branch_sources(PREAMBULAR_PHRASES),
    "operative": _branch_sources(OPERATIVE_PHRASES),
}
_COMPILED_BRANCHES: Final[dict[tuple[str, str], regex.Pattern[str]]] = {}
"""A cache, filled as words are first met; it holds no parse state (any thread may fill it)."""


def _branch(part: str, word: str) -> regex.Pattern[str] | None:
    """The compiled branch of ``part`` for first word ``word``, or None if no base starts so."""
    pattern = _COMPILED_BRANCHES.get((part, word))
    if pattern is None:
        source = _BRANCH_SOURCES[part].get(word)
        if source is None:
            return None
        pattern = _COMPILED_BRANCHES[part, word] = regex.compile(source, regex.VERBOSE)
    return pattern


def _lone_words(bases: frozenset[str]) -> frozenset[str]:
    """The bases that are one word and begin no longer base: their branch is the word alone.

    Such a branch matches every text whose leading word (:data:`_LEADING_WORD`) it is, and
    ends where that word ends: the leading word is followed by no character that ``_END``
    forbids. :func:`match_opening` takes that end without trying the branch.
    """
    firsts: dict[str, set[str]] = {}
    for base in bases:
        first, _, rest = base.partition(" ")
        firsts.setdefault(first, set()).add(rest)
    return frozenset(first for first, rests in firsts.items() if rests == {""})


_LONE_WORDS: Final[dict[str, frozenset[str]]] = {
    "preamble": _lone_words(PREAMBULAR_PHRASES),
    "operative": _lone_words(OPERATIVE_PHRASES),
}
_PREFIX_FIRST_WORDS: Final = frozenset(prefix.split()[0] for prefix in PHRASE_PREFIXES)
_LEADING_WORD = regex.compile(r"[\p{L}\p{M}_\-\u2011]++")
"""A text's leading word, ended as ``_END`` ends words: a first word matches only itself."""


def match_opening(text: str, part: Literal["preamble", "operative"]) -> int | None:
    """Return the length of the opening phrase at the start of ``text``.

    The opening is ``[prefix ...] base [modifier ...]`` starting at index 0,
    the longest that the lexicon allows, ending at a word end and covering
    words only: a following comma or blank is not counted.  Returns None
    when ``text`` does not begin with an opening of ``part``.

    >>> match_opening("Recalling also its resolutions", "preamble")
    14
    >>> match_opening("Calls upon Member States", "operative")
    10
    """
    lead = _LEADING_WORD.match(text)
    if lead is None:
        return None
    word = lead.group()
    if word in _PREFIX_FIRST_WORDS:  # "Further", "Also": the prefixes need the whole pattern
        found = _OPENINGS[part].match(text)
    elif word in _LONE_WORDS[part]:  # "Noting": the branch is the word
        end = lead.end()
        trailing = _TRAILING.match(text, end) if _may_trail(text, end) else None
        return end if trailing is None else trailing.end()
    else:
        branch = _branch(part, word)
        found = None if branch is None else branch.match(text)
        if found is not None and _may_trail(text, found.end()):
            found = _TRAILING.match(text, found.end())
    return None if found is None else found.end()


COMPOUND_STATE_NAMES: Final[tuple[str, ...]] = (
    "Antigua and Barbuda",
    "Bosnia and Herzegovina",
    "Saint Kitts and Nevis",
    "Saint Vincent and the Grenadines",
    "Sao Tome and Principe",
    "Serbia and Montenegro",
    "Trinidad and Tobago",
    "Turks and Caicos Islands",
    "United Kingdom of Great Britain and Northern Ireland",
    "Union of Soviet Socialist Republics",
)
"""State names with "and" inside, which a vote's list of names must not split."""
