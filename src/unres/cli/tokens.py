"""``unres tokens FILE``: the flat token stream, one JSON object a line."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from unres.api import is_pdf, pdf_reader, tokenize
from unres.cli.common import read_input, utf8_safe
from unres.decode import decode


def register(commands: Any) -> None:
    p = commands.add_parser("tokens", help="print the token stream, one JSON object a line")
    p.add_argument("file", help="a resolution text file, or - for standard input")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    data = read_input(args.file)
    records = pdf_reader().tokenize_pdf(data) if is_pdf(data) else tokenize(decode(data)[0])
    out = sys.stdout
    for record in records:
        line = {"kind": record.kind, "span": [record.start, record.end], "text": record.text}
        out.write(utf8_safe(json.dumps(line, ensure_ascii=False)) + "\n")
    return 0
