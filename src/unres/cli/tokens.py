"""``unres tokens FILE``: the flat token stream, one JSON object a line."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from unres.api import tokenize
from unres.cli.common import read_input, utf8_safe
from unres.decode import decode


def register(commands: Any) -> None:
    p = commands.add_parser("tokens", help="print the token stream, one JSON object a line")
    p.add_argument("file", help="a resolution text file, or - for standard input")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    text, _ = decode(read_input(args.file))
    out = sys.stdout
    for record in tokenize(text):
        line = {"kind": record.kind, "span": [record.start, record.end], "text": record.text}
        out.write(utf8_safe(json.dumps(line, ensure_ascii=False)) + "\n")
    return 0
