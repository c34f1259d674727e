"""The language of a line, for texts that print English and French side by side.

Yearbook renderings (the Official Records supplements and the Security
Council's *Resolutions and Decisions*) print the English and the French text
in two columns; a text extracted from such a page interleaves the two, column
after column. :func:`line_language` guesses the language of one line from its
function words; :func:`is_bilingual` says whether a text holds both languages
in enough lines for the splitter (:mod:`.split`) to read each as a stream of
its own. Pure functions over strings; nothing here changes a line.
"""

from __future__ import annotations

from typing import Final, Literal

import regex

Language = Literal["en", "fr"]

FUNCTION_WORDS: Final[dict[Language, frozenset[str]]] = {
    "en": frozenset({
        "the", "of", "and", "to", "in", "its", "with", "that", "for", "which", "by", "on",
        "is", "be", "has", "have", "shall", "should", "this", "from", "as", "at", "all", "are",
        "was", "were", "an", "or", "their", "those", "any", "such", "it", "not", "upon",
        "decision", "decisions", "resolution", "resolutions", "adopted",
    }),
    "fr": frozenset({
        "le", "la", "les", "des", "du", "de", "et", "à", "au", "aux", "en", "sur", "pour",
        "par", "qui", "que", "sa", "ses", "son", "une", "un", "est", "été", "dans", "ce",
        "cette", "ces", "leur", "leurs", "il", "elle", "ne", "pas", "l", "d", "qu", "séance",
        "décision", "décisions", "résolution", "résolutions", "adoptée",
    }),
}  # fmt: skip
"""Short words that occur in nearly every sentence of one language and rarely in the other."""

_WORD = regex.compile(r"\p{L}++")

BILINGUAL_SHARE: Final = 0.15
"""The share of decided lines each language must reach for a text to be read as two streams."""


def line_language(text: str) -> Language | None:
    """``en`` or ``fr`` by the line's function words (or French letters alone); else ``None``."""
    english = french = 0
    for word in _WORD.findall(text.lower()):
        if word in FUNCTION_WORDS["en"]:
            english += 1
        if word in FUNCTION_WORDS["fr"]:
            french += 1
    if english > french:
        return "en"
    if french > english:
        return "fr"
    if not english and _has_french_letters(text):  # "Décision", "Préambule"
        return "fr"
    return None


def _has_french_letters(text: str) -> bool:
    return any(ch in "éèêàçùœ" for ch in text)


def is_bilingual(languages: list[Language | None]) -> bool:
    """Whether both languages hold at least :data:`BILINGUAL_SHARE` of the decided lines."""
    decided = [language for language in languages if language is not None]
    if len(decided) < 4:
        return False
    french = decided.count("fr")
    english = len(decided) - french
    return min(english, french) >= BILINGUAL_SHARE * len(decided)
