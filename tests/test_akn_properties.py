"""Properties of the AKN writer and reader on mangled texts: valid XML, no crash, same shape."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from tests.akn_shape import tree_counts
from tests.conftest import SEED, examples

import unres
from unres.akn_schema import validate

SEED_TEXT = SEED.read_text(encoding="utf-8")
LINES = SEED_TEXT.splitlines(keepends=True)

mangled = st.builds(
    lambda keep, junk, where: "".join(
        line if i not in where else junk + line
        for i, line in enumerate(LINES)
        if keep[i % len(keep)]
    ),
    keep=st.lists(st.booleans(), min_size=3, max_size=12),
    junk=st.text(
        st.characters() | st.sampled_from("\x01\x0b\ufffe\t\ud800"),
        max_size=12,
    ),
    where=st.sets(st.integers(0, len(LINES) - 1), max_size=5),
)


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mangled)
@example(text="The General Assembly,\n\t\u00aaRecalling x,\n\t1.\tDecides y.\n")  # recursion
def test_any_parsed_text_exports_valid_akn_that_reads_back(text: str) -> None:
    try:
        tree = unres.parse(text)
    except unres.InputError:
        return
    xml = unres.to_akn(tree, source=text)
    assert validate(xml) == []
    again = unres.from_akn(xml)
    assert tree_counts(again) == tree_counts(tree)
    assert again.metadata.lineage == "akn"
