"""unres: United Nations resolution texts into a validated, structured tree.

>>> import unres
>>> resolution = unres.parse_file("fixtures/seed/A_RES_57_53.txt")  # doctest: +SKIP
>>> resolution.symbol  # doctest: +SKIP
'A/RES/57/53'
"""

from unres import akn_schema as akn_schema  # unres.akn_schema.validate after `import unres`
from unres.api import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_LINES,
    TokenRecord,
    parse,
    parse_all,
    parse_bytes,
    parse_file,
    parse_file_all,
    tokenize,
)
from unres.batch import BatchResult, parse_many
from unres.errors import AknError, InputError, UnresError
from unres.models import Finding, Resolution
from unres.readers.akn import from_akn
from unres.render.akn import to_akn
from unres.render.json import json_schema, to_json
from unres.validate import RULES
from unres.validate import validate as check

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_LINES",
    "RULES",
    "AknError",
    "BatchResult",
    "Finding",
    "InputError",
    "Resolution",
    "TokenRecord",
    "UnresError",
    "check",
    "from_akn",
    "json_schema",
    "parse",
    "parse_all",
    "parse_bytes",
    "parse_file",
    "parse_file_all",
    "parse_many",
    "to_akn",
    "to_json",
    "tokenize",
]

__version__ = "0.1.0"
