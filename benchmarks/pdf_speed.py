"""Time per page: unres's PDF reader against ``pdftotext`` plus parsing its output.

    python benchmarks/pdf_speed.py [DIR_OR_PDF ...]   (default: fixtures/pdf)

Prints, for the PDFs given, the pages, the seconds per page of ``unres.parse_file`` on the
PDF (layout reader and parser) and of ``pdftotext`` + ``unres.parse`` on its text. Says
"pdftotext not installed" and times only the reader when poppler's tool is absent.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium

import unres


def _pdfs(arguments: list[str]) -> list[Path]:
    roots = [Path(a) for a in arguments] or [
        Path(__file__).resolve().parent.parent / "fixtures/pdf"
    ]
    found: list[Path] = []
    for root in roots:
        found.extend(sorted(root.rglob("*.pdf")) if root.is_dir() else [root])
    return found


def _pages(path: Path) -> int:
    document = pdfium.PdfDocument(path)
    try:
        return len(document)
    finally:
        document.close()


def _cpu() -> float:
    """CPU seconds of this process and its finished children (pdftotext)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _via_pdftotext(tool: str, path: Path) -> None:
    text = subprocess.run([tool, str(path), "-"], capture_output=True, check=True).stdout
    with contextlib.suppress(unres.InputError):
        unres.parse_bytes(text)


def _time(run: Callable[[Path], None], pdfs: list[Path]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (this process and its children) of ``run`` over ``pdfs``."""
    start, cpu = time.perf_counter(), _cpu()
    for path in pdfs:
        run(path)
    return time.perf_counter() - start, _cpu() - cpu


def _via_reader(path: Path) -> None:
    with contextlib.suppress(unres.InputError):
        unres.parse_file(path)


def main() -> int:
    pdfs = _pdfs(sys.argv[1:])
    pages = sum(_pages(path) for path in pdfs)
    print(f"{len(pdfs)} PDFs, {pages} pages; ms per page, wall clock and CPU (children included)")
    wall, cpu = _time(_via_reader, pdfs)
    print(
        f"unres PDF reader + parse : {1000 * wall / pages:7.1f} wall {1000 * cpu / pages:7.1f} CPU"
    )
    tool = shutil.which("pdftotext")
    if tool is None:
        print("pdftotext not installed: no comparison (apt-get install poppler-utils)")
        return 0
    wall, cpu = _time(lambda path: _via_pdftotext(tool, path), pdfs)
    print(
        f"pdftotext + unres.parse  : {1000 * wall / pages:7.1f} wall {1000 * cpu / pages:7.1f} CPU"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
