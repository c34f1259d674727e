"""``unres parse FILE...``: the tree of a resolution, or of many, as JSON or AKN XML.

One file and no ``--out``: the tree on standard output, as JSON or (``--format
akn``) as Akoma Ntoso XML; input that opens like XML (``<?xml`` or
``<akomaNtoso``) is read as AKN4UN with :func:`unres.from_akn`. Bad input exits 2
with a one-line reason. Several files, or ``--out
DIR``, is a batch (:func:`unres.batch.parse_many`, ``--jobs N`` processes):
each tree goes to ``DIR/<name>.json``, or, without ``--out``, one JSON Lines
record per file to standard output, ``{"path", "ok", "result"}`` or ``{"path",
"ok", "error"}``. A file that fails is reported on standard error and the
batch goes on; the exit status is 1 if any failed. A progress bar is drawn on
standard error when it is a terminal.

``--all``: every item printed in each file (:func:`unres.parse_all`: the
resolutions, decisions and leading fragment of a compilation), as JSON Lines,
one tree a line; a file that fails is reported on standard error and the exit
status is 1 at the end (2 when it is the only file).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from unres.api import is_pdf, parse_all, parse_bytes, pdf_reader
from unres.batch import BatchResult, parse_many
from unres.cli.common import read_input, utf8_safe, write_out
from unres.decode import decode
from unres.errors import InputError
from unres.models import Resolution
from unres.readers.akn import from_akn, looks_like_akn
from unres.render.akn import to_akn
from unres.render.json import to_json


def register(commands: Any) -> None:
    p = commands.add_parser("parse", help="parse resolutions and print their trees")
    p.add_argument(
        "files", nargs="+", metavar="FILE", help="resolution texts or AKN XML (- for stdin)"
    )
    p.add_argument("--format", choices=["json", "akn"], default="json", help="output format")
    p.add_argument("--compact", action="store_true", help="JSON on one line")
    p.add_argument(
        "--actor", default=None, help="FRBR actor in AKN URIs (unga, unsc…; default from the organ)"
    )
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="processes for a batch")
    p.add_argument("--out", metavar="DIR", help="write one DIR/<name>.json per input")
    p.add_argument(
        "--all",
        action="store_true",
        help="every resolution of a compilation: JSON Lines, one tree a line",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.all:
        if args.out is not None or args.format == "akn":
            raise InputError("--all writes JSON Lines to standard output: no --out, no akn")
        return _all(args.files)
    if len(args.files) == 1 and args.out is None:
        return _single(args)
    if "-" in args.files:
        raise InputError("standard input (-) can only be parsed alone")
    if args.jobs < 1:
        raise InputError(f"--jobs must be 1 or more, not {args.jobs}")
    if args.format == "akn":
        raise InputError("--format akn takes one file at a time")
    return _batch(args)


def _single(args: argparse.Namespace) -> int:
    data = read_input(args.files[0])
    source: str | None = None
    resolution: Resolution
    if looks_like_akn(data):
        resolution = from_akn(data)
    elif is_pdf(data):
        reader = pdf_reader()
        resolution = reader.parse_pdf(data)
        source = reader.extract_text(data)
    else:
        resolution = parse_bytes(data)
        source = decode(data)[0]
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


def _all(files: list[str]) -> int:
    """Each item of each file, one compact JSON tree a line."""
    failed = 0
    for path in files:
        try:
            text, encoding = decode(read_input(path))
            trees = parse_all(text, encoding=encoding)
        except InputError as err:
            if len(files) == 1:
                raise
            failed += 1
            print(f"unres: {path}: {err.reason}", file=sys.stderr)
            continue
        for tree in trees:
            sys.stdout.write(utf8_safe(to_json(tree, indent=None)) + "\n")
    return 1 if failed else 0


def _batch(args: argparse.Namespace) -> int:
    out = Path(args.out) if args.out is not None else None
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    names = _OutputNames()
    progress = _Progress(len(args.files), sys.stderr)
    failed = 0
    for result in parse_many(args.files, jobs=args.jobs):
        progress.step()
        if not result.ok:
            failed += 1
            progress.message(f"unres: {result.path}: {result.error}")
        if out is None:
            sys.stdout.write(_json_line(result) + "\n")
        elif result.result is not None:
            target = out / names.take(result.path)
            indent = None if args.compact else 2
            target.write_text(to_json(result.result, indent=indent) + "\n", encoding="utf-8")
    progress.done()
    if failed:
        print(f"unres: {failed} of {len(args.files)} files failed", file=sys.stderr)
    return 1 if failed else 0


def _json_line(result: BatchResult) -> str:
    record: dict[str, Any] = {"path": result.path, "ok": result.ok}
    if result.result is not None:
        record["result"] = result.result.model_dump(mode="json")
    else:
        record["error"] = result.error
    return utf8_safe(json.dumps(record, ensure_ascii=False))


class _OutputNames:
    """``<stem>.json`` for each input; ``<stem>-2.json``… when two inputs share a stem."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def take(self, path: str) -> str:
        stem = Path(path).stem or "input"
        name, count = f"{stem}.json", 1
        while name in self.taken:
            count += 1
            name = f"{stem}-{count}.json"
        self.taken.add(name)
        return name


class _Progress:
    """A one-line bar on a terminal; nothing at all when the stream is not one."""

    WIDTH = 30

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.count, self.stream = total, 0, stream
        self.shown = stream.isatty()

    def step(self) -> None:
        self.count += 1
        if self.shown:
            filled = self.WIDTH * self.count // max(self.total, 1)
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            self.stream.write(f"\r[{bar}] {self.count}/{self.total} files")
            self.stream.flush()

    def message(self, line: str) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
        self.stream.write(line + "\n")
        if self.shown:
            self.step_back()

    def step_back(self) -> None:
        self.count -= 1
        self.step()

    def done(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
