"""``unres parse FILE...``: the tree of a resolution, or of many, as JSON, AKN XML or text.

One file (or ``-``) and no ``--out``: the tree on standard output, as JSON, as
Akoma Ntoso XML (``--format akn``) or as Word-paragraph text (``--format text``,
:func:`unres.render.text.to_text`); the input is read as every entry point reads
it (:func:`unres.api.read_document`: text, AKN XML, or PDF with the optional
reader). Bad input exits 2 with a one-line reason naming the file once.

Several arguments, a folder (its ``*.txt`` files), a glob, or ``--out DIR`` is a
batch (:func:`unres.batch.parse_many`, ``--jobs N`` processes): each tree goes
to ``DIR/<name>.json``, or, without ``--out``, one JSON Lines record per file to
standard output, ``{"path", "ok", "result"}`` or ``{"path", "ok", "error"}``. A
file that fails (a name that matches nothing included) is reported on standard
error and the batch goes on; the exit status is 1 if any failed. An ``--out``
that is a file or cannot be made, or a tree that cannot be written there, is a
one-line error (exit 2). A progress bar is drawn on standard error when it is a
terminal.

``--all``: every item printed in each file (:func:`unres.parse_all`: the
resolutions, decisions and leading fragment of a compilation; AKN XML and PDF
give their one tree), as JSON Lines, one tree a line; a file that fails is
reported on standard error and the exit status is 1 at the end (2 when it is
the only file).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from unres.api import read_all, read_document
from unres.batch import BatchResult, parse_many
from unres.cli.common import about, read_input, utf8_safe, write_out
from unres.cli.inputs import STDIN, expand, names_one_file
from unres.cli.terminal import Progress
from unres.errors import InputError
from unres.render.akn import to_akn
from unres.render.json import to_json
from unres.render.text import to_text

FORMATS = ("json", "akn", "text")


def register(commands: Any) -> None:
    p = commands.add_parser("parse", help="parse resolutions and print their trees")
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="resolution texts, AKN XML or PDF; directories (*.txt), globs, or - for stdin",
    )
    p.add_argument(
        "--format", "--output-format", choices=FORMATS, default="json", help="output format"
    )
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
        if args.out is not None or args.format != "json":
            raise InputError("--all writes JSON Lines to standard output: no --out, no --format")
        return _all(args.files)
    if len(args.files) == 1 and args.out is None and names_one_file(args.files[0]):
        return _single(args)
    if STDIN in args.files:
        raise InputError("standard input (-) can only be parsed alone")
    if args.jobs < 1:
        raise InputError(f"--jobs must be 1 or more, not {args.jobs}")
    if args.format != "json":
        raise InputError(f"--format {args.format} takes one file at a time")
    paths: dict[str, None] = {}
    for argument in args.files:  # a name that matches nothing fails in the batch, as unreadable
        paths.update(dict.fromkeys(expand([argument]).paths or [argument]))
    return _batch(args, list(paths))


def _single(args: argparse.Namespace) -> int:
    path = args.files[0]
    try:
        document = read_document(read_input(path))
    except InputError as err:
        raise about(path, err) from None
    if args.format == "akn":
        source = document.text if document.kind != "akn" else None
        try:
            xml = to_akn(document.tree, actor=args.actor, source=source)
        except ValueError as err:
            raise InputError(str(err)) from None
        sys.stdout.buffer.write(xml)
        return 0
    if args.format == "text":
        write_out(to_text(document.tree))
        return 0
    write_out(to_json(document.tree, indent=None if args.compact else 2))
    return 0


def _all(arguments: list[str]) -> int:
    """Each item of each file, one compact JSON tree a line."""
    paths: dict[str, None] = {}
    for argument in arguments:
        paths.update(dict.fromkeys(expand([argument]).paths or [argument]))
    failed = 0
    for path in paths:
        try:
            trees = read_all(read_input(path))
        except InputError as err:
            if len(paths) == 1:
                raise about(path, err) from None
            failed += 1
            print(f"unres: {about(path, err).reason}", file=sys.stderr)
            continue
        for tree in trees:
            sys.stdout.write(utf8_safe(to_json(tree, indent=None)) + "\n")
    return 1 if failed else 0


def _batch(args: argparse.Namespace, paths: list[str]) -> int:
    out = Path(args.out) if args.out is not None else None
    if out is not None:
        _make_directory(out)
    names = _OutputNames()
    progress = Progress(len(paths), sys.stderr)
    failed = 0
    for result in parse_many(paths, jobs=args.jobs):
        progress.step()
        if not result.ok:
            failed += 1
            reason = about(result.path, InputError(result.error or "failed")).reason
            progress.message(f"unres: {reason}")
        if out is None:
            sys.stdout.write(_json_line(result) + "\n")
        elif result.result is not None:
            target = out / names.take(result.path)
            indent = None if args.compact else 2
            _write_file(target, to_json(result.result, indent=indent) + "\n")
    progress.done()
    if failed:
        print(f"unres: {failed} of {len(paths)} files failed", file=sys.stderr)
    return 1 if failed else 0


def _make_directory(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: --out must be a directory, and this is a file")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        reason = err.strerror or err
        raise InputError(f"{out}: cannot make the output directory: {reason}") from None


def _write_file(target: Path, text: str) -> None:
    try:
        target.write_text(utf8_safe(text), encoding="utf-8")
    except OSError as err:
        raise InputError(f"{target}: cannot write: {err.strerror or err}") from None


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
