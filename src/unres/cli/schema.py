"""``unres schema``: the JSON Schema of the tree."""

from __future__ import annotations

import argparse
from typing import Any

from unres.cli.common import write_out
from unres.render.json import json_schema


def register(commands: Any) -> None:
    p = commands.add_parser("schema", help="print the JSON Schema of the tree")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    write_out(json_schema())
    return 0
