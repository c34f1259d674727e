"""The short cuts of the builder give what the long way gives.

Where the builder counts or scans in a faster way than the plain one, the plain way is
written out here and the two are compared on generated input.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from unres.parsers import textnodes
from unres.parsers.textnodes import _SPACE_RUN, _Folded, collapse

_PIECE = st.text(alphabet=st.sampled_from(list("ab \t\n\r\f\v\u00a0\x1c.,")), max_size=12)


def _plain_length(pieces: list[str]) -> int:
    """What a node's marker index means: the length of the collapsed text before it."""
    return len(collapse("".join(pieces)))


def _run_by_run(pieces: list[str]) -> int:
    """The first way of counting: one step per white-space run of every piece."""
    length, space = 0, False
    for piece in pieces:
        position = 0
        for run in _SPACE_RUN.finditer(piece):
            count = run.start() - position
            if count:
                length, space = length + count + space, False
            space = space or length > 0
            position = run.end()
        count = len(piece) - position
        if count:
            length, space = length + count + space, False
    return length


@settings(max_examples=2000, deadline=None)
@given(st.lists(_PIECE, max_size=6))
def test_folded_length_is_the_collapsed_length(pieces: list[str]) -> None:
    folded = _Folded()
    for piece in pieces:
        folded.add(piece)
    assert folded.length == _plain_length(pieces) == _run_by_run(pieces)


def test_folded_counts_one_space_between_pieces() -> None:
    folded = _Folded()
    for piece in ["Recalling ", "", "  its\tresolution", " "]:
        folded.add(piece)
    assert folded.length == len("Recalling its resolution")
    assert textnodes.collapse(" a \t b ") == "a b"


def test_a_parse_leaves_no_reference_cycles() -> None:
    """Everything a parse makes is freed by reference counting once the tree is dropped.

    A cycle (a closure calling itself, say) keeps the whole build state of every parse
    alive until the collector's next full pass, which then walks all of it: at one time
    that made parsing a third slower.
    """
    import gc

    from tests.conftest import FIXTURES, SEED

    import unres

    texts = [SEED, *sorted(FIXTURES.rglob("*.txt"))[:40]]
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for path in texts:
            tree = unres.parse_bytes(path.read_bytes())
            del tree
        assert gc.collect() == 0
    finally:
        if was_enabled:
            gc.enable()
