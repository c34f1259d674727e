"""``unres parse FILE...``: the tree of a resolution, or of many, as JSON, AKN XML or text.

One file (or ``-``) and no ``--out``: the tree on standard output, as JSON, as
Akoma Ntoso XML (``--format akn``) or as Word-paragraph text (``--format text``,
:func:`unres.render.text.to_text`); the input is read as every entry point reads
it (:func:`unres.api.read_document`: text, AKN XML, or PDF with the optional
reader). Bad input exits 2 with a one-line reason naming the file once.

Several arguments, a folder (its ``*.txt`` files), a glob, or ``--out DIR`` is a
batch (:mod:`unres.cli.batch`, ``--jobs N`` processes, capped at the CPUs): each
tree goes to ``DIR/<path under the inputs' common folder>.json``, written atomically,
with ``DIR/index.jsonl`` mapping inputs to outputs, or, without ``--out``, one JSON
Lines record per file to standard output, ``{"path", "ok", "result"}`` or
``{"path", "ok", "error"}``. A file that fails (to parse or to be written; a name
that matches nothing included) is reported on standard error and the batch goes
on; the exit status is 1 if any failed, 130 or 143 after Ctrl-C or SIGTERM (with
a summary). An ``--out`` that is a file is a one-line error (exit 2). A progress
bar is drawn on standard error when it is a terminal.

``--all``: every item printed in each file (:func:`unres.parse_all`: the
resolutions, decisions and leading fragment of a compilation; AKN XML and PDF
give their one tree), as JSON Lines, one tree a line; a file that fails is
reported on standard error and the exit status is 1 at the end (2 when it is
the only file).
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from contextlib import closing
from pathlib import Path
from typing import Any, TextIO

from unres.api import read_all, read_document
from unres.cli import batch
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
    jobs = batch.capped_jobs(args.jobs, sys.stderr)
    out = Path(args.out) if args.out is not None else None
    if out is not None and out.exists() and not out.is_dir():
        raise InputError(f"{out}: --out must be a directory, and this is a file")
    names: list[str | None] = [None] * len(paths)
    if out is not None:
        names = list(batch.output_names(paths))
    tasks = [
        batch.Task(path, None if name is None or out is None else str(out / name))
        for path, name in zip(paths, names, strict=True)
    ]
    tally = _Tally(len(tasks), out)
    previous = batch.stop_on_sigterm()
    try:
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            with open(out / "index.jsonl", "w", encoding="utf-8") as index:
                _write_trees(tasks, jobs, args.compact, names, index, tally)
        else:
            _write_lines(tasks, jobs, args.compact, tally)
    except KeyboardInterrupt:
        return tally.stopped("interrupted", 130)
    except batch.Stopped:
        return tally.stopped("terminated", 143)
    except OSError as err:
        print(f"unres: {out}: cannot write the output: {err.strerror or err}", file=sys.stderr)
        return 2
    finally:
        signal.signal(signal.SIGTERM, previous)
        batch.remove_leftovers([task.target for task in tasks if task.target is not None])
    tally.progress.done()
    if tally.failed:
        print(f"unres: {tally.failed} of {len(tasks)} files failed", file=sys.stderr)
    return 1 if tally.failed else 0


def _write_trees(
    tasks: list[batch.Task],
    jobs: int,
    compact: bool,
    names: list[str | None],
    index: TextIO,
    tally: _Tally,
) -> None:
    """Workers write the trees; the manifest gets a line per input as each arrives."""
    output = dict(zip((task.path for task in tasks), names, strict=True))
    with closing(batch.outcomes(tasks, jobs, compact=compact)) as results:  # workers end here
        for outcome in results:
            _record(outcome, output, index, tally)


def _record(
    outcome: batch.Outcome, output: dict[str, str | None], index: TextIO, tally: _Tally
) -> None:
    """Count one outcome and give it its line in index.jsonl, at once."""
    tally.add(outcome)
    record = {
        "input": outcome.path,
        "output": output[outcome.path] if outcome.written else None,
        "ok": outcome.ok,
        "error": outcome.error,
    }
    index.write(utf8_safe(json.dumps(record, ensure_ascii=False)) + "\n")
    index.flush()


def _write_lines(tasks: list[batch.Task], jobs: int, compact: bool, tally: _Tally) -> None:
    """One JSON line per input on standard output, in input order."""
    order = {task.path: number for number, task in enumerate(tasks)}
    waiting: dict[int, str] = {}
    following = 0
    with closing(batch.outcomes(tasks, jobs, compact=compact)) as results:  # workers end here
        for outcome in results:
            tally.add(outcome)
            waiting[order[outcome.path]] = outcome.line or _failed_line(outcome)
            while following in waiting:
                sys.stdout.write(waiting.pop(following) + "\n")
                following += 1


def _failed_line(outcome: batch.Outcome) -> str:
    record = {"path": outcome.path, "ok": False, "error": outcome.error}
    return utf8_safe(json.dumps(record, ensure_ascii=False))


class _Tally:
    """Counts of what the batch has done, for the progress bar and the closing summary."""

    def __init__(self, total: int, out: Path | None) -> None:
        self.total, self.out = total, out
        self.done = self.written = self.failed = 0
        self.progress = Progress(total, sys.stderr)

    def add(self, outcome: batch.Outcome) -> None:
        self.done += 1
        self.written += outcome.written
        self.progress.step()
        if not outcome.ok:
            self.failed += 1
            self.progress.message(f"unres: {outcome.path}: {outcome.error}")

    def stopped(self, how: str, status: int) -> int:
        self.progress.done()
        where = (
            f", {self.written} written to {self.out} (listed in index.jsonl)" if self.out else ""
        )
        print(
            f"unres: {how}: {self.done} of {self.total} files done{where}, {self.failed} failed",
            file=sys.stderr,
        )
        return status
