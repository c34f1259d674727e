"""The lexicons: opening phrases, the opening matcher, ordinals, months, organs, committees.

The coverage test runs over the paragraph JSON of ``shared/corpus/raw/eosg-mandates-paragraphs``
when the shared corpus is there, and over the five byte-for-byte copies in
``fixtures/eosg`` when it is not.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import Literal

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from unres import lexicon
from unres.lexicon import (
    COMMITTEES,
    MONTHS,
    OPERATIVE_PHRASES,
    ORGANS,
    PHRASE_MODIFIERS,
    PHRASE_PREFIXES,
    PREAMBULAR_PHRASES,
    SESSION_ORDINALS,
    match_opening,
    ordinal_session,
)

Part = Literal["preamble", "operative"]

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"  # the shared corpus sits beside the repository

# --------------------------------------------------------------------------- public surface


def test_public_names() -> None:
    assert set(lexicon.__all__) == {
        "COMMITTEES",
        "MONTHS",
        "OPERATIVE_PHRASES",
        "ORGANS",
        "canonical_organ",
        "PHRASE_MODIFIERS",
        "PHRASE_PREFIXES",
        "PREAMBULAR_PHRASES",
        "SESSION_ORDINALS",
        "match_opening",
        "ordinal_session",
    }


# --------------------------------------------------------------------------- the data itself


def _well_formed(entry: str) -> bool:
    return entry == " ".join(entry.split()) and "\u00a0" not in entry


@pytest.mark.parametrize(
    ("name", "entries"),
    [
        ("PREAMBULAR_PHRASES", sorted(PREAMBULAR_PHRASES)),
        ("OPERATIVE_PHRASES", sorted(OPERATIVE_PHRASES)),
        ("PHRASE_MODIFIERS", list(PHRASE_MODIFIERS)),
        ("PHRASE_PREFIXES", list(PHRASE_PREFIXES)),
    ],
)
def test_entries_are_single_spaced(name: str, entries: list[str]) -> None:
    bad = [entry for entry in entries if not _well_formed(entry)]
    assert not bad, f"{name}: {bad}"


def test_bases_and_prefixes_are_capitalised_modifiers_lower_case() -> None:
    assert all(p[0].isupper() for p in PREAMBULAR_PHRASES | OPERATIVE_PHRASES)
    assert all(p[0].isupper() for p in PHRASE_PREFIXES)
    assert all(m == m.lower() for m in PHRASE_MODIFIERS)


def test_tuples_are_sorted_and_unique() -> None:
    for entries in (PHRASE_MODIFIERS, PHRASE_PREFIXES):
        assert list(entries) == sorted(set(entries))


def test_lexicon_sizes() -> None:
    assert len(PREAMBULAR_PHRASES) >= 150
    assert len(OPERATIVE_PHRASES) >= 150


def test_examples_from_the_brief_are_present() -> None:
    preambular = {
        "Recalling", "Reaffirming", "Noting", "Taking note", "Bearing in mind",
        "Expressing concern", "Expressing deep concern", "Deeply concerned",
        "Gravely concerned", "Having considered", "Having examined", "Welcoming",
        "Convinced", "Recognizing", "Stressing", "Emphasizing", "Mindful", "Guided by",
        "Aware", "Alarmed", "Determined", "Acknowledging", "Affirming", "Considering",
        "Conscious", "Desiring", "Appreciating", "Commending", "Underlining",
        "Underscoring", "Reiterating", "Condemning", "Deploring", "Deeply alarmed",
        "Seriously concerned",
    }  # fmt: skip
    operative = {
        "Decides", "Calls upon", "Calls on", "Requests", "Invites", "Urges", "Encourages",
        "Welcomes", "Reaffirms", "Takes note", "Expresses concern",
        "Expresses its deep concern", "Strongly condemns", "Condemns", "Considers",
        "Notes", "Stresses", "Emphasizes", "Recognizes", "Authorizes", "Demands", "Adopts",
        "Endorses", "Approves", "Appeals", "Affirms", "Reiterates", "Acknowledges",
        "Commends", "Deplores", "Underlines", "Underscores", "Proclaims", "Declares",
        "Recommends", "Expresses its appreciation", "Further decides", "Also requests",
        "Recognize", "Reaffirm", "Commit", "Recall", "Call upon",
    }  # fmt: skip
    assert preambular <= PREAMBULAR_PHRASES, preambular - PREAMBULAR_PHRASES
    assert operative <= OPERATIVE_PHRASES, operative - OPERATIVE_PHRASES
    assert {"also", "further", "again", "once again", "with concern"} <= set(PHRASE_MODIFIERS)
    assert {"with deep concern", "with grave concern", "with appreciation"} <= set(PHRASE_MODIFIERS)
    assert {"Also", "Further", "Strongly", "Deeply", "Once again", "Again"} <= set(PHRASE_PREFIXES)


def test_no_base_word_is_an_inner_modifier() -> None:
    """Modifiers after a base's first word are read possessively, so a later word of a
    base must never itself be an adverbial modifier, or that base could not match."""
    adverbs = {m.split()[0] for m in PHRASE_MODIFIERS if not m.startswith(("with ", "in "))}
    clashes = [
        base
        for base in PREAMBULAR_PHRASES | OPERATIVE_PHRASES
        if len(base.split()) > 1 and base.split()[1] in adverbs
    ]
    assert not clashes


# --------------------------------------------------------------------------- match_opening


@pytest.mark.parametrize(
    ("text", "part", "length"),
    [
        ("Recalling also its resolutions", "preamble", 14),
        ("Noting with deep concern that", "preamble", 24),
        ("Calls upon Member States", "operative", 10),
        ("Recalling, in this connection,", "preamble", 9),
        ("Recalling", "preamble", 9),
        ("Recalling further its resolution 2334 (2016)", "preamble", 17),
        ("Taking note with appreciation of the report", "preamble", 29),
        ("Having also considered the report", "preamble", 22),
        ("Guided also by the purposes", "preamble", 14),
        ("Deeply concerned by the situation", "preamble", 16),
        ("Further gravely concerned at", "preamble", 25),
        ("Strongly condemning the attacks", "preamble", 19),
        ("Expressing also grave concern at", "preamble", 29),
        ("Expressing its appreciation to the Secretary-General", "preamble", 27),
        ("Remaining however deeply concerned over", "preamble", 34),
        ("Noting also with satisfaction that", "preamble", 29),
        ("Decides to remain seized of the matter.", "operative", 7),
        ("Also requests the Secretary-General", "operative", 13),
        ("Further decides that", "operative", 15),
        ("Strongly condemns all attacks", "operative", 17),
        ("Further strongly condemns any misuse", "operative", 25),
        ("Once again urges States", "operative", 16),
        ("Again calls upon all States", "operative", 16),
        ("Calls again upon all States", "operative", 16),
        ("Expresses its deep concern at", "operative", 26),
        ("Takes note with great concern in that regard of", "operative", 44),
        ("Notes with appreciation that", "operative", 23),
        ("We also recognize that", "operative", 17),
        ("We are determined to", "operative", 17),
        ("Recognize that antimicrobial resistance", "operative", 9),
        ("Note with concern also that", "operative", 22),
    ],
)
def test_examples(text: str, part: Part, length: int) -> None:
    assert match_opening(text, part) == length, text[:length]


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Notingham is a city", "preamble"),
        ("Recallings", "preamble"),
        ("Recalling-", "preamble"),
        ("Decidesx that", "operative"),
        ("recalling its resolutions", "preamble"),
        ("decides to remain seized", "operative"),
        ("RECALLING its resolutions", "preamble"),
        ("The General Assembly,", "preamble"),
        ("We, the Heads of State and Government,", "operative"),
        ("Further to basic", "operative"),
        ("", "preamble"),
        (" Recalling", "preamble"),
        ("Decides that", "preamble"),
        ("Recalling its resolution", "operative"),
    ],
)
def test_no_match(text: str, part: Part) -> None:
    assert match_opening(text, part) is None


def test_whole_words_only_inside_a_phrase() -> None:
    assert match_opening("Calls uponx", "operative") is None
    assert match_opening("Noting withal", "preamble") == 6
    assert match_opening("Recalling alsoes", "preamble") == 9


@pytest.mark.parametrize(
    ("text", "part", "length"),
    [
        ("Noting\u00a0with\u00a0concern that", "preamble", 19),
        ("Calls\u00a0upon Member States", "operative", 10),
        ("Bearing\u00a0in mind", "preamble", 15),
        ("Taking note\u00a0also of", "preamble", 16),
        ("Recalling\u00a0also", "preamble", 14),
        ("Noting \u00a0 with concern", "preamble", 21),
        ("Taking\nnote of the report", "preamble", 11),
        ("Taking \n note of the report", "preamble", 13),
        ("Recalling\n\nalso", "preamble", 9),
        ("Recalling\u00a0", "preamble", 9),
    ],
)
def test_non_breaking_spaces_and_line_breaks(text: str, part: Part, length: int) -> None:
    assert match_opening(text, part) == length


def test_followed_by_anything() -> None:
    tails = ("", " ", ",", ";", ":", ".", " its", ",\tthe", "\n", "\u00a0the", "\u202fthe", ")")
    footnote_markers = ("1", "12", "²", "\u00b9")
    for tail in tails + footnote_markers:
        assert match_opening("Reaffirming" + tail, "preamble") == 11, repr(tail)


@pytest.mark.parametrize("phrase", sorted(PREAMBULAR_PHRASES))
def test_every_preambular_phrase_matches_itself(phrase: str) -> None:
    assert match_opening(phrase, "preamble") == len(phrase)
    assert match_opening(phrase + ", the", "preamble") == len(phrase)
    assert match_opening(phrase.replace(" ", "\u00a0") + " the", "preamble") == len(phrase)


@pytest.mark.parametrize("phrase", sorted(OPERATIVE_PHRASES))
def test_every_operative_phrase_matches_itself(phrase: str) -> None:
    assert match_opening(phrase, "operative") == len(phrase)
    assert match_opening(phrase + " that", "operative") == len(phrase)
    assert match_opening(phrase.replace(" ", "\u00a0") + ";", "operative") == len(phrase)


@pytest.mark.parametrize("modifier", PHRASE_MODIFIERS)
def test_every_modifier_extends_a_base(modifier: str) -> None:
    text = f"Noting {modifier} that"
    assert match_opening(text, "preamble") == len(text) - len(" that")


@pytest.mark.parametrize("prefix", PHRASE_PREFIXES)
def test_every_prefix_extends_a_base(prefix: str) -> None:
    text = f"{prefix} requests the Secretary-General"
    assert match_opening(text, "operative") == len(prefix) + len(" requests")


def test_no_pattern_is_built_per_call(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pattern was compiled during a call")

    monkeypatch.setattr(regex, "compile", refuse)
    monkeypatch.setattr(regex, "match", refuse)
    assert match_opening("Recalling also", "preamble") == 14
    assert match_opening("Further decides", "operative") == 15
    assert ordinal_session("Fifty-seventh") == 57


@pytest.mark.parametrize(
    "text",
    [
        "Recalling" + " " * 1_000_000 + "x",
        "Recalling" + " also" * 200_000,
        "Noting with" + " " * 1_000_000,
        "Expressing" + " also" * 200_000 + " that",
        "Expressing its deep" + " also" * 200_000,
        "Further " * 125_000,
        "Also" + "\u00a0also" * 200_000,
        "Recalling" + "\n" * 1_000_000,
        "Taking note" + " with" * 200_000,
        "x" * 1_000_000,
    ],
    ids=lambda text: repr(text[:16]),
)
def test_linear_time_on_one_megabyte(text: str) -> None:
    parts: tuple[Part, ...] = ("preamble", "operative")
    started = time.perf_counter()
    for part in parts:
        match_opening(text, part)
    assert time.perf_counter() - started < 3.0


# --------------------------------------------------------------------------- coverage on real text

_PARTS: dict[str, Part] = {"preambular": "preamble", "operative": "operative"}

_FORMULA = regex.compile(
    r"(?:The[ \u00a0])?(?:General Assembly|Security Council|Human Rights Council"
    r"|Economic and Social Council)\b"
)

# Documents whose paragraphs the upstream labels call preambular/operative, but which on
# review are not resolution clauses: yearbook pages printed in English and French, and
# resolutions whose body is the text of the instrument they adopt (its articles, rules,
# targets and narrative paragraphs have no opening phrase).  Reviewed by hand.
_NOT_CLAUSES: dict[str, str] = {
    "A_RES_217(III).json": "yearbook pages, en+fr: UDHR articles, resolutions 216-217 A-E",
    "A_RES_97(I).json": "yearbook pages, en+fr: the treaty registration regulations",
    "A_RES_2205(XXI).json": "sections II-III are the UNCITRAL statute ('The Commission shall')",
    "A_RES_48_96.json": "the Standard Rules on the Equalization of Opportunities",
    "A_RES_70_1.json": "the 2030 Agenda: declaration, Goals and targets ('By 2030, ...')",
    "A_RES_S-10_2.json": "the Final Document of the Tenth Special Session",
    "A_RES_S-20_4.json": "action plans against the world drug problem",
    "A_RES_S-22_2.json": "the SIDS Programme of Action review text",
    "E_RES_476_(XV).json": "yearbook pages, en+fr, several resolutions",
    "S_RES_47(1948).json": "yearbook pages, en+fr; plebiscite plan ('The Government ... should')",
    "S_RES_73(1949).json": "yearbook pages, en+fr, with decisions",
    "S_RES_186(1964).json": "yearbook pages, en+fr",
}  # fmt: skip


def _eosg_files() -> list[Path]:
    corpus = CORPUS / "raw" / "eosg-mandates-paragraphs"
    if corpus.is_dir():
        return sorted(corpus.glob("*.json"))
    return sorted((FIXTURES / "eosg").glob("*.json"))


def _clauses(path: Path) -> list[tuple[Part, str]]:
    """The labelled clause-level paragraphs of one document, as (part, text).

    Left out: sub-items (level 2 and deeper), paragraphs marked French, the enacting
    formula ("The General Assembly,") and everything after an "Annex" heading.
    """
    clauses: list[tuple[Part, str]] = []
    in_annex = False
    for paragraph in json.loads(path.read_text(encoding="utf-8")):
        if paragraph["type"] == "heading" and paragraph["text"].strip().lower().startswith("annex"):
            in_annex = True
        part = _PARTS.get(paragraph["paragraph_type"] or "")
        if part is None or in_annex or paragraph["paragraph_level"] not in (None, 1):
            continue
        if paragraph.get("language") == "french":
            continue
        text: str = paragraph["text"].removeprefix("\t")
        if not _FORMULA.match(text):
            clauses.append((part, text))
    return clauses


def test_fixture_copies_are_byte_for_byte() -> None:
    corpus = CORPUS / "raw" / "eosg-mandates-paragraphs"
    copies = sorted((FIXTURES / "eosg").glob("*.json"))
    assert len(copies) == 5
    if corpus.is_dir():
        for copy in copies:
            assert copy.read_bytes() == (corpus / copy.name).read_bytes(), copy.name


def test_coverage_of_real_clauses() -> None:
    files = [path for path in _eosg_files() if path.name not in _NOT_CLAUSES]
    assert files
    counts: Counter[str] = Counter()
    missed: list[str] = []
    for path in files:
        for part, text in _clauses(path):
            counts["all"] += 1
            if match_opening(text, part) is not None:
                counts["matched"] += 1
            else:
                missed.append(f"{path.name}: {part}: {text[:70]!r}")
    coverage = counts["matched"] / counts["all"]
    assert coverage >= 0.95, f"{coverage:.2%} of {counts['all']}; missed:\n" + "\n".join(missed)


# --------------------------------------------------------------------------- sessions and dates


@pytest.mark.parametrize(
    ("words", "number"),
    [
        ("Fifty-seventh", 57),
        ("fifty-seventh", 57),
        ("FIFTY-SEVENTH", 57),
        ("seventy\u2011ninth", 79),
        ("seventy ninth", 79),
        ("Seventy\u2010ninth", 79),
        ("first", 1),
        ("tenth", 10),
        ("nineteenth", 19),
        ("twentieth", 20),
        ("ninety-ninth", 99),
        ("one hundredth", 100),
        ("hundredth", 100),
        ("one hundred and first", 101),
        ("One Hundred First", 101),
        ("one hundred and twentieth", 120),
        ("Hundred and eighty-third", 183),
        (" eightieth ", 80),
    ],
)
def test_ordinal_session(words: str, number: int) -> None:
    assert ordinal_session(words) == number


@pytest.mark.parametrize("words", ["", "session", "fifty seventh session", "fiftyseventh", "57th"])
def test_ordinal_session_unknown(words: str) -> None:
    assert ordinal_session(words) is None


def test_session_ordinals_table() -> None:
    assert all(key == key.lower() for key in SESSION_ORDINALS)
    assert set(range(1, 121)) <= set(SESSION_ORDINALS.values())
    assert SESSION_ORDINALS["fifty-seventh"] == 57
    assert SESSION_ORDINALS["one hundredth"] == 100


def test_months() -> None:
    assert all(key == key.lower() for key in MONTHS)
    assert Counter(MONTHS.values()) == Counter(
        {1: 3, 2: 4, 3: 3, 4: 3, 5: 3, 6: 3, 7: 3, 8: 4, 9: 4, 10: 3, 11: 3, 12: 4}
    )
    assert MONTHS["december"] == MONTHS["décembre"] == MONTHS["decembre"] == 12
    assert MONTHS["août"] == MONTHS["aout"] == MONTHS["agosto"] == 8
    assert MONTHS["février"] == MONTHS["fevrier"] == MONTHS["febrero"] == 2


def test_organs() -> None:
    assert ORGANS["General Assembly"] == "unga"
    assert ORGANS["Security Council"] == "unsc"
    assert ORGANS["Human Rights Council"] == "unhrc"
    assert ORGANS["Economic and Social Council"] == "ecosoc"
    assert ORGANS["Conseil de sécurité"] == ORGANS["Consejo de Seguridad"] == "unsc"
    assert ORGANS["Assemblée générale"] == ORGANS["Asamblea General"] == "unga"
    assert set(ORGANS.values()) == {"unga", "unsc", "unhrc", "ecosoc"}


def test_committees() -> None:
    ordinals = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth")
    assert {f"{ordinal} Committee" for ordinal in ordinals} <= COMMITTEES
    assert "Special Political and Decolonization Committee (Fourth Committee)" in COMMITTEES
    line = regex.compile(r"\[on the report of the (?P<name>.+?)(?: \(A/[^)]*\))?\]")
    found = line.fullmatch(
        "[on the report of the Special Political and Decolonization Committee "
        "(Fourth Committee) (A/79/411)]"
    )
    assert found is not None and found["name"] in COMMITTEES


# --- the first-word dispatch of match_opening gives what the whole pattern gives ---------

_WORDS = sorted(
    {word for phrases in (PREAMBULAR_PHRASES, OPERATIVE_PHRASES, PHRASE_PREFIXES, PHRASE_MODIFIERS)
     for phrase in phrases for word in phrase.split()}
)  # fmt: skip
_JOINERS = [" ", "  ", "\n", ",", ", ", "-", "1", "\u00a0", "’s "]
_JOINERS += ["\t", " \n ", "\u2028", " A", " é"]  # where a modifier may or may not trail


def _whole_pattern(text: str, part: Literal["preamble", "operative"]) -> int | None:
    found = lexicon._OPENINGS[part].match(text)
    return None if found is None else found.end()


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_JOINERS)), min_size=1, max_size=6),
    st.booleans(),
    st.sampled_from(["preamble", "operative"]),
)
def test_dispatch_by_first_word_matches_whole_pattern(
    words: list[tuple[str, str]], lower: bool, part: Literal["preamble", "operative"]
) -> None:
    text = "".join(word + joiner for word, joiner in words)
    if lower:
        text = text[:1].lower() + text[1:]
    assert match_opening(text, part) == _whole_pattern(text, part)


def test_dispatch_by_first_word_over_known_phrases() -> None:
    """Every phrase, with a prefix and a modifier: the dispatch agrees with the whole pattern."""
    for part, phrases in (("preamble", PREAMBULAR_PHRASES), ("operative", OPERATIVE_PHRASES)):
        for phrase in phrases:
            for text in (phrase, f"{phrase} also that", f"Further {phrase[0].lower()}{phrase[1:]}"):
                assert match_opening(text, part) == _whole_pattern(text, part), text
