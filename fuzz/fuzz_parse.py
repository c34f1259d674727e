"""Coverage-guided fuzzing of the parser with atheris (libFuzzer for Python).

Each input is a byte string handed to :func:`unres.parse_bytes`. The harness
fails (and libFuzzer saves the input as ``crash-*``) when anything but
:class:`unres.InputError` escapes, or when a parsed tree breaks an invariant:
spans out of bounds or outside their parent's, text lost
(:func:`unres.coverage.check`), JSON that is not valid UTF-8, a rendering that
does not parse again. Crashes found become regression tests in
``tests/test_regressions.py``.

    pip install -e '.[fuzz]'
    mkdir -p /tmp/unres-fuzz
    python fuzz/fuzz_parse.py /tmp/unres-fuzz fixtures/seed fixtures/real \\
        -max_total_time=300 -max_len=65536 -timeout=20 -rss_limit_mb=4096

The first directory receives the inputs libFuzzer finds interesting; the
others are the seed corpus (the fixtures) and are only read. ``-timeout``
makes a slow input (a hang) a failure too.
"""

from __future__ import annotations

import json
import sys

import atheris

with atheris.instrument_imports():
    import unres
    from unres import coverage, models
    from unres.decode import decode_bytes
    from unres.render.text import to_text


def _check_spans(tree: unres.Resolution, size: int) -> None:
    stack: list[object] = [tree]
    while stack:
        node = stack.pop()
        assert isinstance(node, models.Node)
        start, end = node.span
        assert 0 <= start <= end <= size, (type(node).__name__, node.span)
        for name in type(node).model_fields:
            value = getattr(node, name)
            for child in value if isinstance(value, list) else [value]:
                if isinstance(child, models.Node):
                    low, high = child.span
                    assert start <= low <= high <= end, (type(child).__name__, child.span)
                    stack.append(child)


def test_one_input(data: bytes) -> None:
    try:
        tree = unres.parse_bytes(data)
    except unres.InputError:
        return
    text = decode_bytes(data).text
    _check_spans(tree, len(text))
    found = coverage.check(text, tree)
    assert found.complete, found.describe()
    json.loads(unres.to_json(tree).encode("utf-8"))
    try:
        unres.parse(to_text(tree))
    except unres.InputError:
        assert tree.preamble is None and not tree.all_paragraphs()


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
