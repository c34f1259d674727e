"""``unres tokens FILE``: the flat token stream, one JSON object a line.

Text is decoded and tokenized; a PDF's extracted text is tokenized by the PDF
reader; Akoma Ntoso XML has no token stream and is refused, saying so
(:func:`unres.api.tokenize_bytes`)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from unres.api import tokenize_bytes
from unres.cli.common import about, read_input, utf8_safe
from unres.errors import InputError


def register(commands: Any) -> None:
    p = commands.add_parser("tokens", help="print the token stream, one JSON object a line")
    p.add_argument("file", help="a resolution text file, or - for standard input")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        _, records = tokenize_bytes(read_input(args.file))
    except InputError as err:
        raise about(args.file, err) from None
    out = sys.stdout
    for record in records:
        line = {"kind": record.kind, "span": [record.start, record.end], "text": record.text}
        out.write(utf8_safe(json.dumps(line, ensure_ascii=False)) + "\n")
    return 0
