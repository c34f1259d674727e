"""Time bluebell's parse of bluebell-markup files: the bluebell side of the unres benchmark.

What it measures: wall time (``time.perf_counter``) of one
``bluebell.parser.parse_to_xml_bytes(text, "statement", FRBR_URI)`` call, text to
UTF-8 XML bytes, after warm-up rounds; median and minimum of ``--rounds`` rounds.
It does this for two flavours, each in its own child process:

- ``python``: pure-Python bluebell. bluebell has no switch of its own: every call
  tries ``from _bluebell_rs import parse_to_xml`` and falls back to Python on
  ImportError, so the child sets ``sys.modules["_bluebell_rs"] = None`` first.
- ``rust``: the same call with the ``bluebell-akn-rs`` extension importable.

Each result's XML is checked to be a non-empty ``akomaNtoso`` document. Output:
one JSON object per (file, flavour) on stdout, or ``"available": false`` with a
reason when a flavour cannot be imported.

Run inside the venv made by ``benchmarks/setup_bluebell_env.sh``::

    .venv-bluebell/bin/python benchmarks/bluebell_side.py [FILE ...] [--rounds 7]
"""

import argparse
import importlib
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

FRBR_URI = "/akn/un/statement/deliberation/unga/2002-11-22/57-53/eng@2002-12-30"
ROOT = "statement"
FLAVOURS = ("python", "rust")
BENCH_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "bench"
DEFAULT_FILES = (
    BENCH_DIR / "A_RES_57_53.bluebell.txt",
    BENCH_DIR / "A_RES_57_53.x10.bluebell.txt",
)

Parse = Callable[[str, str, str], bytes]


def load_parser(flavour: str) -> Parse:
    """Import bluebell so that ``parse_to_xml_bytes`` takes the given flavour's path."""
    if flavour == "python":
        sys.modules["_bluebell_rs"] = None  # type: ignore[assignment]  # blocks the import
    else:
        importlib.import_module("_bluebell_rs")  # raises ImportError if not installed
    parse: Parse = importlib.import_module("bluebell.parser").parse_to_xml_bytes
    return parse


def check_xml(xml: bytes) -> None:
    """Raise unless ``xml`` is a non-empty Akoma Ntoso document."""
    from lxml import etree

    root = etree.fromstring(xml)
    if etree.QName(root).localname != "akomaNtoso" or len(root) == 0:
        raise ValueError(f"unexpected XML root {root.tag!r} with {len(root)} children")


def time_parse(parse: Parse, text: str, rounds: int, warmup: int) -> list[float]:
    """Return the wall times of ``rounds`` parses of ``text``, after ``warmup`` untimed ones."""
    for _ in range(warmup):
        parse(text, ROOT, FRBR_URI)
    times: list[float] = []
    for _ in range(rounds):
        start = time.perf_counter()
        parse(text, ROOT, FRBR_URI)
        times.append(time.perf_counter() - start)
    return times


def run_flavour(flavour: str, files: list[Path], rounds: int, warmup: int) -> None:
    """Benchmark one flavour in this process; print one JSON line per file."""
    try:
        parse = load_parser(flavour)
    except ImportError as exc:
        print(json.dumps({"tool": "bluebell", "flavour": flavour, "available": False,
                          "reason": f"{type(exc).__name__}: {exc}"}))
        return
    version = metadata.version("bluebell-akn")
    for path in files:
        text = path.read_text(encoding="utf-8")
        xml = parse(text, ROOT, FRBR_URI)
        check_xml(xml)
        times = time_parse(parse, text, rounds, warmup)
        size = len(text.encode("utf-8"))
        median = statistics.median(times)
        result: dict[str, object] = {
            "tool": "bluebell", "flavour": flavour, "file": str(path), "bytes": size,
            "median_s": median, "min_s": min(times), "mb_per_s": size / median / 1e6,
            "rounds": rounds, "version": version, "xml_bytes": len(xml),
        }
        if flavour == "rust":
            result["rs_version"] = metadata.version("bluebell-akn-rs")
        print(json.dumps(result), flush=True)


def run_children(files: list[Path], rounds: int, warmup: int) -> int:
    """Run each flavour in a fresh child process, so the import switch cannot leak."""
    status = 0
    for flavour in FLAVOURS:
        argv = [sys.executable, __file__, "--flavour", flavour, "--rounds", str(rounds),
                "--warmup", str(warmup), *map(str, files)]
        child = subprocess.run(argv, capture_output=True, text=True, check=False)
        sys.stdout.write(child.stdout)
        if child.returncode != 0:
            status = child.returncode
            reason = child.stderr.strip().splitlines()[-1:] or [f"exit {child.returncode}"]
            print(json.dumps({"tool": "bluebell", "flavour": flavour, "available": False,
                              "reason": reason[0]}))
    return status


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=list(DEFAULT_FILES))
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--flavour", choices=FLAVOURS, help="run one flavour in this process")
    args = parser.parse_args()
    if args.flavour:
        run_flavour(args.flavour, args.files, args.rounds, args.warmup)
        return 0
    return run_children(args.files, args.rounds, args.warmup)


if __name__ == "__main__":
    sys.exit(main())
