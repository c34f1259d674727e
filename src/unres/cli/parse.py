"""``unres parse FILE``: the tree of a resolution, as JSON or as Akoma Ntoso XML.

Input that opens like XML (``<?xml`` or ``<akomaNtoso``) is read as AKN4UN
with :func:`unres.from_akn`; anything else is decoded and parsed as text.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from unres.api import parse
from unres.cli.common import read_input, write_out
from unres.decode import decode
from unres.models import Resolution
from unres.readers.akn import from_akn, looks_like_akn
from unres.render.akn import to_akn
from unres.render.json import to_json


def register(commands: Any) -> None:
    p = commands.add_parser("parse", help="parse a resolution and print its tree")
    p.add_argument("file", help="a resolution text or AKN XML file, or - for standard input")
    p.add_argument("--format", choices=["json", "akn"], default="json", help="output format")
    p.add_argument("--compact", action="store_true", help="JSON on one line")
    p.add_argument(
        "--actor",
        default=None,
        help="FRBR actor in AKN URIs (unga, unsc…; default from the organ)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    data = read_input(args.file)
    source: str | None = None
    resolution: Resolution
    if looks_like_akn(data):
        resolution = from_akn(data)
    else:
        source, encoding = decode(data)
        resolution = parse(source, encoding=encoding)
    if args.format == "akn":
        try:
            xml = to_akn(resolution, actor=args.actor, source=source)
        except ValueError as err:
            print(f"unres: {err}", file=sys.stderr)
            return 2
        sys.stdout.buffer.write(xml)
        return 0
    write_out(to_json(resolution, indent=None if args.compact else 2))
    return 0
