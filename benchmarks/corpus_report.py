"""Corpus report: ``python benchmarks/corpus_report.py ../shared/corpus/derived``.

Per folder: files, parsed without error, share of non-white-space characters in
``unparsed`` tokens, documents with operative numbering gaps. Same as
``unres report DIR``.
"""

from __future__ import annotations

import sys

from unres.cli import main

if __name__ == "__main__":
    args = sys.argv[1:] or ["../shared/corpus/derived"]
    sys.exit(main(["report", *args]))
