"""The names unres uses in Akoma Ntoso (AKN4UN) XML, shared by the writer and the reader.

Namespaces, the FRBR actor chosen for each organ, the three-letter language
codes of ``FRBRlanguage``, the ``name`` of the document element for each
document kind, and the ``name``/``refersTo`` values that mark up pieces of
the tree (``#meeting``, ``#adoptionDate``…). Data only: no behaviour.
"""

from __future__ import annotations

from typing import Final, get_args

from unres.models.tree import DocumentKind, LabelStyle

AKN_NS: Final = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN4UN_NS: Final = "http://un.org/akn4un"
UNRES_NS: Final = "urn:unres:akn:1"
"""unres's own namespace, used only inside ``meta/proprietary`` and vote counts (lax content)."""

XML_NS: Final = "http://www.w3.org/XML/1998/namespace"

NSMAP: Final[dict[str | None, str]] = {None: AKN_NS, "akn4un": AKN4UN_NS, "unres": UNRES_NS}

DEFAULT_ACTOR: Final = "un"
ACTORS: Final[dict[str, str]] = {
    "General Assembly": "unga",
    "Security Council": "unsc",
    "Human Rights Council": "unhrc",
    "Economic and Social Council": "unecosoc",
    "Trusteeship Council": "untc",
}
"""The FRBR actor for an organ (overridable: UN sources spell it ``un-ga``, ``ga``, ``unga``)."""

LANGUAGES: Final[dict[str, str]] = {
    "en": "eng",
    "fr": "fra",
    "es": "spa",
    "ar": "ara",
    "zh": "zho",
    "ru": "rus",
}
"""ISO 639-1 (the tree's ``metadata.language``) → ISO 639-2 (``FRBRlanguage``)."""

LANGUAGES_BACK: Final[dict[str, str]] = {
    **{three: two for two, three in LANGUAGES.items()},
    "chi": "zh",
}

DOCUMENT_NAMES: Final[dict[str, str]] = {
    "resolution": "resolution",
    "decision": "decision",
    "draft": "draftResolution",
    "statement": "presidentialStatement",
    "fragment": "resolutionFragment",
}
"""``statement/@name`` for each document kind of the tree."""

KINDS_BY_NAME: Final[dict[str, DocumentKind]] = {
    "resolution": "resolution",
    "decision": "decision",
    "draftResolution": "draft",
    "draft": "draft",
    "presidentialStatement": "statement",
    "statement": "statement",
    "resolutionFragment": "fragment",
}

LABEL_STYLES: Final[frozenset[LabelStyle]] = frozenset(get_args(LabelStyle))
"""Values written to ``point/@class`` and ``item/@class``: the label style of a sub-item."""

UNPARSED: Final = "unparsed"
"""``container/@name`` and ``hcontainer/@name`` of text the parser did not recognise."""

SUBHEADING: Final = "subheading"
"""``block/@name`` of a subheading in the preamble, as the UN writes it."""

EMPTY_BODY: Final = "empty"
"""``hcontainer/@name`` of the placeholder in a ``mainBody`` that has no paragraph."""

UNRESOLVED_NOTE: Final = "unresolved"
"""``authorialNote/@class`` of a footnote marker whose footnote text was not found."""

SESSION_KINDS: Final[dict[str, str]] = {
    "regular": "#regularSession",
    "special": "#specialSession",
    "emergency-special": "#emergencySpecialSession",
}

VOTE_COUNTS: Final[tuple[tuple[str, str], ...]] = (
    ("in_favour", "inFavour"),
    ("against", "against"),
    ("abstaining", "abstaining"),
)
"""Fields of :class:`~unres.models.Vote` and the ``count/@refersTo`` concept of each."""

CONCEPTS: Final[tuple[str, ...]] = (
    "symbol",
    "issuingBody",
    "publisher",
    "distribution",
    "dateOfIssuance",
    "session",
    "agendaItem",
    "jobNumber",
    "publicationJobNumber",
    "report",
    "committee",
    "reportSymbol",
    "sponsor",
    "meeting",
    "adoptionDate",
    "inFavour",
    "against",
    "abstaining",
    "memberState",
    "regularSession",
    "specialSession",
    "emergencySpecialSession",
)
"""Every ``refersTo`` target the writer uses; each gets a ``TLCConcept`` in ``meta/references``."""

ENGLISH_MONTHS: Final[tuple[str, ...]] = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
