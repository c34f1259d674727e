"""Time per page: unres's PDF reader against ``pdftotext`` plus parsing its output.

    python benchmarks/pdf_speed.py [DIR_OR_PDF ...]   (default: fixtures/pdf)

Prints, for the PDFs given, the pages, the seconds per page of ``unres.parse_file`` on the
PDF (layout reader and parser) and of ``pdftotext`` + ``unres.parse`` on its text. Says
"pdftotext not installed" and times only the reader when poppler's tool is absent.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import time
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


def _via_pdftotext(tool: str, path: Path) -> None:
    text = subprocess.run([tool, str(path), "-"], capture_output=True, check=True).stdout
    with contextlib.suppress(unres.InputError):
        unres.parse_bytes(text)


def main() -> int:
    pdfs = _pdfs(sys.argv[1:])
    pages = sum(_pages(path) for path in pdfs)
    start = time.perf_counter()
    for path in pdfs:
        with contextlib.suppress(unres.InputError):
            unres.parse_file(path)
    reader = time.perf_counter() - start
    print(f"{len(pdfs)} PDFs, {pages} pages")
    print(f"unres PDF reader + parse : {1000 * reader / pages:7.1f} ms/page")
    tool = shutil.which("pdftotext")
    if tool is None:
        print("pdftotext not installed: no comparison (apt-get install poppler-utils)")
        return 0
    start = time.perf_counter()
    for path in pdfs:
        _via_pdftotext(tool, path)
    other = time.perf_counter() - start
    print(f"pdftotext + unres.parse  : {1000 * other / pages:7.1f} ms/page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
