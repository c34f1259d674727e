"""``unres parse FILE``: the tree of a resolution."""

from __future__ import annotations

import argparse
from typing import Any

from unres.api import parse_bytes
from unres.cli.common import read_input, write_out
from unres.render.json import to_json


def register(commands: Any) -> None:
    p = commands.add_parser("parse", help="parse a resolution and print its tree")
    p.add_argument("file", help="a resolution text file, or - for standard input")
    p.add_argument("--format", choices=["json"], default="json", help="output format")
    p.add_argument("--compact", action="store_true", help="JSON on one line")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    resolution = parse_bytes(read_input(args.file))
    write_out(to_json(resolution, indent=None if args.compact else 2))
    return 0
