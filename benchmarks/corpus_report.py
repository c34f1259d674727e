"""Corpus report: ``python benchmarks/corpus_report.py ../shared/corpus``.

Per source folder and per lineage: files, parsed without error, share of
non-white-space characters in ``unparsed`` tokens, documents with operative
numbering gaps (the same table as ``unres report DIR``), then the removed
records that look like content (``benchmarks/noise_content.py``, must be 0).
Given the corpus root (the folder holding ``MANIFEST.tsv``), it then adds the ground-truth figures:
for every Security Council resolution present both as text and as the UN's
AKN4UN XML, the share of documents whose structure matches exactly, per
lineage, with each mismatch (see ``benchmarks/ground_truth.py``); and, when
``raw/ga-78-79-pairs/`` is there, the agreement of the PDF text with the Word
side of the same GA resolutions (see ``benchmarks/agreement.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import agreement
import ground_truth
import noise_content

from unres.cli import main

if __name__ == "__main__":
    args = sys.argv[1:] or ["../shared/corpus"]
    status = main(["report", *args])
    root = Path(args[-1])
    print("\nnoise that looks like content (must be 0):")
    status = max(status, noise_content.main([str(root)]))
    if (root / "MANIFEST.tsv").is_file():
        print("\nground truth: text parse against the UN's AKN4UN XML")
        status = max(status, ground_truth.main([str(root)]))
    if (root / agreement.PAIRS / "paragraphs").is_dir():
        print("\nagreement: PDF text against the Word side of the same GA resolutions")
        status = max(status, agreement.main([str(root), "--quiet"]))
    sys.exit(status)
